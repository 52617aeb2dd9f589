//! `postlint config [PATH]`: the effective configuration as TOML (that round-trips) and JSON,
//! and `postlint man [SUBCOMMAND]` / `man --dir`.

mod common;
use common::{outcome, postlint_in, tree};

const CONFIG: &str = "\
preset = \"hexo\"
max-warnings = 7
ignore = [\"FM101\"]

[images]
data-urls = \"error\"

[[overrides]]
files = [\"drafts/**\"]
ignore = [\"IMG\"]
";

fn site() -> tempfile::TempDir {
    tree(&[
        ("postlint.toml", CONFIG),
        ("posts/a.md", "---\ntitle: a\n---\n\nBody.\n"),
        ("drafts/b.md", "---\ntitle: b\n---\n\nBody.\n"),
    ])
}

/// The output without its header of comments.
fn body(toml: &str) -> String {
    toml.lines()
        .skip_while(|l| l.starts_with('#') || l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = outcome(postlint_in(dir).args(args));
    assert_eq!(code, 0, "postlint {args:?}: {stderr}");
    stdout
}

#[test]
fn toml_shows_the_preset_the_file_and_the_command_line() {
    let dir = site();
    let out = run(
        dir.path(),
        &["config", "--ignore", "HT001", "--max-warnings", "3"],
    );
    let config_path = dir.path().join("postlint.toml");
    assert!(
        out.starts_with("# The configuration postlint uses for the folder `.`."),
        "{out}"
    );
    assert!(
        out.contains(&format!("#   {}\n", config_path.display())),
        "{out}"
    );
    assert!(
        out.contains("# With the command line: --ignore HT001 --max-warnings 3"),
        "{out}"
    );
    let value: toml::Table = toml::from_str(&out).expect("valid TOML");
    assert_eq!(value["preset"].as_str(), Some("hexo"));
    // The command line beats the file's 7.
    assert_eq!(value["max-warnings"].as_integer(), Some(3));
    let rules = value["rules"].as_table().unwrap();
    assert_eq!(rules["FM101"].as_str(), Some("off"), "the file's ignore");
    assert_eq!(rules["HT001"].as_str(), Some("off"), "--ignore");
    assert_eq!(
        rules["IMG006"].as_str(),
        Some("error"),
        "data-urls = \"error\""
    );
    assert_eq!(rules["HT002"].as_str(), Some("error"), "a default");
    assert_eq!(value["images"]["data-urls"].as_str(), Some("error"));
    // A folder keeps the overrides as entries; the defaults are all written out.
    let overrides = value["overrides"].as_array().unwrap();
    assert_eq!(overrides[0]["files"][0].as_str(), Some("drafts/**"));
    assert_eq!(
        value["files"]["extensions"].as_array().unwrap().len(),
        3,
        "{out}"
    );
}

#[test]
fn a_file_gets_its_matching_overrides_applied() {
    let dir = site();
    let draft: toml::Table = toml::from_str(&run(dir.path(), &["config", "drafts/b.md"])).unwrap();
    assert_eq!(draft["rules"]["IMG006"].as_str(), Some("off"));
    assert!(draft.get("overrides").is_none());
    let post: toml::Table = toml::from_str(&run(dir.path(), &["config", "posts/a.md"])).unwrap();
    assert_eq!(post["rules"]["IMG006"].as_str(), Some("error"));
}

#[test]
fn toml_round_trips() {
    let dir = site();
    let first = run(
        dir.path(),
        &["config", "--preset", "jekyll", "--ignore", "HT"],
    );
    let again = tree(&[("postlint.toml", &first)]);
    let second = run(again.path(), &["config"]);
    assert_eq!(body(&first), body(&second));
    assert!(body(&second).contains("preset = \"jekyll\""), "{second}");
    assert!(second.contains(&again.path().join("postlint.toml").display().to_string()));
    // And the saved file checks the posts as the original did.
    let (code, _, stderr) = outcome(postlint_in(again.path()).args(["check", "."]));
    assert_ne!(code, 2, "{stderr}");
}

#[test]
fn json_parses_and_names_its_sources() {
    let dir = site();
    let out = run(dir.path(), &["config", "--format", "json", "posts"]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["path"], "posts");
    assert_eq!(value["kind"], "folder");
    assert_eq!(
        value["config-files"][0].as_str().unwrap(),
        dir.path().join("postlint.toml").display().to_string()
    );
    assert_eq!(value["config"]["preset"], "hexo");
    assert_eq!(value["config"]["max-warnings"], 7);
    assert_eq!(value["config"]["rules"]["FM101"], "off");
}

#[test]
fn no_config_is_the_defaults() {
    let dir = site();
    let out = run(dir.path(), &["config", "--no-config"]);
    assert!(out.contains("# No config file: the defaults."), "{out}");
    let value: toml::Table = toml::from_str(&out).unwrap();
    assert!(value.get("preset").is_none());
    assert!(value.get("max-warnings").is_none());
}

#[test]
fn a_missing_path_is_exit_2_naming_it() {
    let dir = site();
    let (code, stdout, stderr) = outcome(postlint_in(dir.path()).args(["config", "no/such.md"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("no/such.md"), "{stderr}");
}

#[test]
fn a_broken_config_is_the_same_error_as_check() {
    let dir = tree(&[("postlint.toml", "presett = \"hexo\"\n"), ("a.md", "x\n")]);
    let (code, stdout, config_err) = outcome(postlint_in(dir.path()).args(["config"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(config_err.contains("did you mean `preset`"), "{config_err}");
    let (code, _, check_err) = outcome(postlint_in(dir.path()).args(["check"]));
    assert_eq!(code, 2);
    assert_eq!(config_err, check_err);
}

#[test]
fn man_prints_a_subcommand_page() {
    let dir = tree(&[]);
    let page = run(dir.path(), &["man", "check"]);
    assert!(page.contains(".TH postlint-check 1"), "{page}");
    assert!(page.contains("\\-\\-format"), "{page}");
    assert!(page.contains("\\fBpostlint\\fR(1)"), "SEE ALSO: {page}");
    let top = run(dir.path(), &["man"]);
    assert!(top.contains(".TH postlint 1"), "{top}");
    let see_also = top.split(".SH \"SEE ALSO\"").nth(1).expect("a SEE ALSO");
    for sub in ["check", "config", "man", "rules"] {
        assert!(
            see_also.contains(&format!("\\fBpostlint\\-{sub}\\fR(1)")),
            "{see_also}"
        );
    }
    let (code, _, stderr) = outcome(postlint_in(dir.path()).args(["man", "nope"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no subcommand `nope`"), "{stderr}");
}

#[test]
fn man_dir_writes_one_page_per_subcommand() {
    let dir = tree(&[]);
    let out = dir.path().join("man/man1");
    let (code, stdout, stderr) =
        outcome(postlint_in(dir.path()).args(["man", "--dir", out.to_str().unwrap()]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = [
        "check",
        "completions",
        "config",
        "init",
        "inspect",
        "man",
        "rule",
        "rules",
        "schema",
    ]
    .iter()
    .map(|s| format!("postlint-{s}.1"))
    .collect();
    expected.push("postlint.1".into());
    expected.sort();
    assert_eq!(files, expected);
    for file in &files {
        let page = std::fs::read_to_string(out.join(file)).unwrap();
        let title = file.strip_suffix(".1").unwrap();
        assert!(page.contains(&format!(".TH {title} 1")), "{file}: {page}");
    }
    assert_eq!(stderr.lines().count(), files.len(), "{stderr}");
}
