//! Config where it stands: each file's nearest `postlint.toml`, `extend` chains, `[[overrides]]`,
//! `[per-file-ignores]`, `--force-exclude` and `--exit-zero`. Every tree is a temporary copy.

mod common;
use common::{outcome, postlint_in, tree};

use std::path::Path;

use serde_json::Value;

/// Blank lines before the fence (FM002) and an empty title (FM107 under the hexo preset).
const POST: &str = "\n---\ntitle: ''\n---\n\nBody.\n";
/// A duplicate key (FM005) and nothing else.
const DUP: &str = "---\ntitle: a\ntitle: b\n---\n\nBody.\n";
/// A plain-http image (IMG003) and nothing else.
const HTTP_IMAGE: &str = "---\ntitle: a\n---\n\n![a cat](http://example.com/cat.png)\n";

const AUTHOR_SCHEMA: &str = r#"{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["title", "author"]
}"#;

/// `(path, code, severity)` of every finding of a JSON run, in output order.
fn findings(dir: &Path, args: &[&str]) -> (i32, Vec<(String, String, String)>, String) {
    let mut cmd = postlint_in(dir);
    cmd.args(["check", "--format", "json"]).args(args);
    let (code, stdout, stderr) = outcome(&mut cmd);
    let json: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("JSON output ({e}): {stdout}\nstderr: {stderr}"));
    let list = json
        .as_array()
        .expect("an array")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("path"), s("code"), s("severity"))
        })
        .collect();
    (code, list, stderr)
}

fn triple(path: &str, code: &str, severity: &str) -> (String, String, String) {
    (path.into(), code.into(), severity.into())
}

fn two_sites() -> tempfile::TempDir {
    tree(&[
        // A Hexo blog: the hexo preset, blank lines before the fence accepted, drafts skipped.
        (
            "hexo-blog/postlint.toml",
            "preset = \"hexo\"\nignore = [\"FM002\"]\n[files]\nexclude = [\"source/_drafts/**\"]\n",
        ),
        ("hexo-blog/source/_posts/hello.md", POST),
        ("hexo-blog/source/_drafts/wip.md", DUP),
        // Another site: its own schema (relative to its config) and FM002 as an error.
        (
            "docs-site/postlint.toml",
            "schema = \"schemas/post.json\"\n[rules]\nFM002 = \"error\"\n[files]\nextensions = [\"md\"]\n",
        ),
        ("docs-site/schemas/post.json", AUTHOR_SCHEMA),
        ("docs-site/content/hello.md", POST),
        ("docs-site/content/page.html", DUP),
    ])
}

#[test]
fn a_run_from_the_parent_folder_applies_each_sites_config() {
    let dir = two_sites();
    let (code, found, stderr) = findings(dir.path(), &["."]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        found,
        vec![
            triple("docs-site/content/hello.md", "FM002", "error"),
            triple("docs-site/content/hello.md", "FM101", "error"),
            triple("hexo-blog/source/_posts/hello.md", "FM107", "error"),
        ]
    );
    // Named from the parent, one file at a time, the same settings apply.
    let (_, found, _) = findings(dir.path(), &["hexo-blog/source/_posts/hello.md"]);
    assert_eq!(
        found,
        vec![triple("hexo-blog/source/_posts/hello.md", "FM107", "error")]
    );
    // --show-files makes the same decisions: the draft is excluded, the .html not picked up.
    let mut cmd = postlint_in(dir.path());
    cmd.args(["check", "--show-files", "."]);
    let (code, stdout, _) = outcome(&mut cmd);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "./docs-site/content/hello.md\n./hexo-blog/source/_posts/hello.md\n"
    );
    // The output does not depend on the thread count.
    let one = outcome(postlint_in(dir.path()).args(["check", "-j1", "."]));
    let four = outcome(postlint_in(dir.path()).args(["check", "-j4", "."]));
    assert_eq!(one, four);
}

#[test]
fn config_flag_forces_one_config_and_no_config_none() {
    let dir = two_sites();
    let (_, found, _) = findings(dir.path(), &["--config", "docs-site/postlint.toml", "."]);
    // The docs config everywhere: FM002 errors in both sites, its schema for both posts, its
    // extensions (no .html); the hexo draft is no longer excluded.
    assert_eq!(
        found,
        vec![
            triple("docs-site/content/hello.md", "FM002", "error"),
            triple("docs-site/content/hello.md", "FM101", "error"),
            triple("hexo-blog/source/_drafts/wip.md", "FM101", "error"),
            triple("hexo-blog/source/_drafts/wip.md", "FM005", "error"),
            triple("hexo-blog/source/_posts/hello.md", "FM002", "error"),
            triple("hexo-blog/source/_posts/hello.md", "FM101", "error"),
        ]
    );
    let (_, found, _) = findings(dir.path(), &["--no-config", "docs-site"]);
    assert_eq!(
        found,
        vec![
            triple("docs-site/content/hello.md", "FM002", "warning"),
            triple("docs-site/content/page.html", "FM005", "error"),
        ]
    );
}

#[test]
fn files_under_no_config_get_the_working_directorys() {
    let dir = tree(&[
        ("site/postlint.toml", "[rules]\nFM002 = \"error\"\n"),
        ("elsewhere/a.md", POST),
    ]);
    let (_, found, _) = findings(&dir.path().join("site"), &["../elsewhere/a.md"]);
    assert_eq!(found, vec![triple("../elsewhere/a.md", "FM002", "error")]);
}

#[test]
fn extend_inherits_and_the_child_wins() {
    let dir = tree(&[
        (
            "shared/base.toml",
            "schema = \"schemas/post.json\"\nignore = [\"FM005\"]\n[rules]\nFM002 = \"error\"\n\
             [images]\nhttps-site = false\n",
        ),
        ("shared/schemas/post.json", AUTHOR_SCHEMA),
        (
            "site/postlint.toml",
            "extend = \"../shared/base.toml\"\n[rules]\nFM002 = \"info\"\n",
        ),
        ("site/a.md", POST),
        ("site/dup.md", DUP),
        ("site/img.md", HTTP_IMAGE),
    ]);
    let (code, found, stderr) = findings(dir.path(), &["site"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        found,
        vec![
            // The child's severity wins; the base's schema is found relative to the base.
            triple("site/a.md", "FM002", "info"),
            triple("site/a.md", "FM101", "error"),
            // The base's ignore still holds: no FM005.
            triple("site/dup.md", "FM101", "error"),
            // The base's [images] https-site = false: plain http is a warning.
            triple("site/img.md", "FM101", "error"),
            triple("site/img.md", "IMG003", "warning"),
        ]
    );
}

#[test]
fn an_extend_cycle_is_an_error_at_the_extend_key() {
    let dir = tree(&[
        ("postlint.toml", "extend = \"conf/b.toml\"\n"),
        (
            "conf/b.toml",
            "ignore = [\"FM002\"]\nextend = \"../postlint.toml\"\n",
        ),
        ("a.md", POST),
    ]);
    let (code, stdout, stderr) = outcome(postlint_in(dir.path()).args(["check", "a.md"]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "nothing is linted: {stdout}");
    assert!(stderr.contains("`extend` makes a cycle"), "{stderr}");
    // The report is drawn from the file that closes the cycle, at its extend value.
    assert!(stderr.contains("b.toml"), "{stderr}");
    assert!(stderr.contains("extend = \"../postlint.toml\""), "{stderr}");
    let missing = tree(&[
        ("postlint.toml", "extend = \"nope.toml\"\n"),
        ("a.md", POST),
    ]);
    let (code, _, stderr) = outcome(postlint_in(missing.path()).args(["check", "a.md"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("no config file at"), "{stderr}");
    assert!(stderr.contains("nope.toml"), "{stderr}");
}

#[test]
fn an_error_in_an_extended_file_points_into_that_file() {
    let dir = tree(&[
        (
            "base.toml",
            "[rules]\nFM002 = \"error\"\nduplicate-keyz = \"off\"\n",
        ),
        ("site/postlint.toml", "extend = \"../base.toml\"\n"),
        ("site/a.md", POST),
    ]);
    let (code, _, stderr) = outcome(postlint_in(dir.path().join("site")).args(["check", "a.md"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("base.toml"), "{stderr}");
    assert!(stderr.contains("did you mean `duplicate-key`"), "{stderr}");
    assert!(
        stderr.contains("3 │ duplicate-keyz"),
        "the line of base.toml is shown: {stderr}"
    );
}

#[test]
fn overrides_change_selection_severity_schema_and_sections_for_their_globs() {
    let dir = tree(&[
        (
            "postlint.toml",
            r#"
[rules]
FM002 = "error"

[[overrides]]
files = ["legacy/**"]
ignore = ["FM002"]
[overrides.images]
https-site = false

[[overrides]]
files = ["strict/**"]
schema = "schemas/post.json"
extend-select = ["FM001"]

[[overrides]]
files = ["only-dates/**"]
select = ["FM107"]
preset = "hexo"

# Both of these match notes/: the later one wins.
[[overrides]]
files = ["notes/**"]
rules = { FM002 = "info" }
[[overrides]]
files = ["notes/*.md"]
rules = { FM002 = "warning" }
"#,
        ),
        ("schemas/post.json", AUTHOR_SCHEMA),
        ("a.md", POST),
        ("legacy/a.md", POST),
        ("legacy/img.md", HTTP_IMAGE),
        ("strict/a.md", POST),
        ("strict/bare.md", "No front matter.\n"),
        ("only-dates/a.md", POST),
        ("notes/a.md", POST),
        ("img.md", HTTP_IMAGE),
    ]);
    let (_, found, stderr) = findings(dir.path(), &["."]);
    assert_eq!(
        found,
        vec![
            triple("a.md", "FM002", "error"),
            triple("img.md", "IMG003", "error"),
            triple("legacy/img.md", "IMG003", "warning"),
            triple("notes/a.md", "FM002", "warning"),
            triple("only-dates/a.md", "FM107", "error"),
            triple("strict/a.md", "FM002", "error"),
            triple("strict/a.md", "FM101", "error"),
            triple("strict/bare.md", "FM001", "error"),
        ],
        "{stderr}"
    );
}

#[test]
fn a_bad_override_is_an_error_even_when_it_matches_nothing() {
    let dir = tree(&[
        (
            "postlint.toml",
            "[[overrides]]\nfiles = [\"nothing/**\"]\nignore = [\"FM999\"]\n",
        ),
        ("a.md", DUP),
    ]);
    let (code, _, stderr) = outcome(postlint_in(dir.path()).args(["check", "a.md"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown rule `FM999`"), "{stderr}");
    assert!(stderr.contains("ignore = [\"FM999\"]"), "{stderr}");
    let dir = tree(&[
        (
            "postlint.toml",
            "[[overrides]]\nfiles = [\"a/**\"]\n[overrides.limits]\nmax-file-size = 1\n",
        ),
        ("a.md", DUP),
    ]);
    let (code, _, stderr) = outcome(postlint_in(dir.path()).args(["check", "a.md"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown key `limits`"), "{stderr}");
}

#[test]
fn per_file_ignores_turn_rules_off_by_code_prefix_or_name() {
    let dir = tree(&[
        (
            "postlint.toml",
            r#"
[rules]
FM002 = "error"

[per-file-ignores]
"drafts/**" = ["FM002", "duplicate-key"]
"imported/*.md" = ["IMG"]
"#,
        ),
        ("drafts/a.md", POST),
        ("drafts/dup.md", DUP),
        ("imported/img.md", HTTP_IMAGE),
        ("imported/a.md", POST),
        ("dup.md", DUP),
    ]);
    let (_, found, _) = findings(dir.path(), &["."]);
    assert_eq!(
        found,
        vec![
            triple("dup.md", "FM005", "error"),
            triple("imported/a.md", "FM002", "error"),
        ]
    );
    // They hold whatever the command line selects.
    let (_, found, _) = findings(dir.path(), &["--select", "FM002,FM005", "drafts"]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn force_exclude_makes_excludes_hold_for_named_files() {
    let dir = tree(&[
        (
            "postlint.toml",
            "[files]\nexclude = [\"drafts/**\", \"private\"]\n",
        ),
        ("drafts/wip.md", DUP),
        ("private/notes.md", DUP),
        ("post.md", DUP),
    ]);
    // Named files bypass excludes...
    let (code, found, _) = findings(dir.path(), &["drafts/wip.md", "private/notes.md"]);
    assert_eq!(code, 1);
    assert_eq!(found.len(), 2, "{found:?}");
    // ...unless --force-exclude, as the pre-commit hooks and the Action pass it.
    let (code, found, stderr) = findings(
        dir.path(),
        &[
            "--force-exclude",
            "drafts/wip.md",
            "private/notes.md",
            "post.md",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(found, vec![triple("post.md", "FM005", "error")]);
    let (code, found, _) = findings(dir.path(), &["--force-exclude", "private"]);
    assert_eq!((code, found.len()), (0, 0));
}

#[test]
fn the_hooks_and_the_action_pass_force_exclude() {
    let root = common::manifest_dir();
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    let entries: Vec<&str> = hooks
        .lines()
        .filter(|l| l.trim_start().starts_with("entry:"))
        .collect();
    assert_eq!(entries.len(), 2, "{hooks}");
    for entry in entries {
        assert!(entry.contains("postlint check --force-exclude"), "{entry}");
    }
    let action = std::fs::read_to_string(root.join("action.yml")).unwrap();
    let runs: Vec<&str> = action
        .lines()
        .filter(|l| l.trim_start().starts_with("postlint check"))
        .collect();
    assert_eq!(
        runs.len(),
        3,
        "SARIF, the job summary and the annotations: {action}"
    );
    for run in runs {
        assert!(run.contains("--force-exclude"), "{run}");
    }
}

#[test]
fn exit_zero_is_0_with_findings_and_still_2_when_a_file_cannot_be_checked() {
    let dir = tree(&[("dup.md", DUP), ("binary.md", "---\ntitle: a\n---\n\0\n")]);
    let (code, found, _) = findings(dir.path(), &["--no-config", "--exit-zero", "dup.md"]);
    assert_eq!(code, 0);
    assert_eq!(found, vec![triple("dup.md", "FM005", "error")]);
    let (code, _, _) = findings(
        dir.path(),
        &[
            "--no-config",
            "--exit-zero",
            "--max-warnings",
            "0",
            "dup.md",
        ],
    );
    assert_eq!(code, 0);
    let (code, found, _) = findings(dir.path(), &["--no-config", "--exit-zero", "."]);
    assert_eq!(code, 2);
    assert!(
        found.iter().any(|f| f.0 == "binary.md" && f.1 == "PL000"),
        "{found:?}"
    );
    let (code, _, _) = findings(dir.path(), &["--no-config", "--exit-zero", "missing.md"]);
    assert_eq!(code, 2);
}

#[test]
fn stdin_filename_gets_the_settings_of_its_place() {
    let dir = two_sites();
    let mut cmd = postlint_in(dir.path());
    cmd.args([
        "check",
        "--format",
        "concise",
        "--stdin-filename",
        "docs-site/content/new.md",
        "-",
    ])
    .write_stdin(POST);
    let (code, stdout, _) = outcome(&mut cmd);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[FM002]"), "{stdout}");
    assert!(stdout.contains("[FM101]"), "{stdout}");
}

#[test]
fn a_bad_config_met_while_walking_stops_the_run_and_names_its_file() {
    let dir = tree(&[
        ("good/postlint.toml", "ignore = [\"FM002\"]\n"),
        ("good/a.md", POST),
        ("broken/postlint.toml", "[rules]\nFM002 = \"loud\"\n"),
        ("broken/a.md", POST),
    ]);
    let (code, stdout, stderr) = outcome(postlint_in(dir.path()).args(["check", "."]));
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "nothing is linted: {stdout}");
    assert!(stderr.contains("broken/postlint.toml"), "{stderr}");
    assert!(stderr.contains("unknown severity `loud`"), "{stderr}");
}

#[test]
fn the_command_line_comes_after_the_config_and_per_file_ignores_after_both() {
    let dir = tree(&[
        (
            "postlint.toml",
            "ignore = [\"FM005\"]\n[rules]\nFM002 = \"error\"\n\
             [per-file-ignores]\n\"old/**\" = [\"FM002\"]\n",
        ),
        ("a.md", POST),
        ("dup.md", DUP),
        ("old/a.md", POST),
    ]);
    // --select replaces the set: [rules] keeps FM002's severity but does not add it back.
    let (_, found, _) = findings(dir.path(), &["--select", "FM005", "."]);
    assert_eq!(found, vec![triple("dup.md", "FM005", "error")]);
    // --extend-select beats the config's ignore; the per-file ignore still holds.
    let (_, found, _) = findings(dir.path(), &["--extend-select", "FM005,FM002", "."]);
    assert_eq!(
        found,
        vec![
            triple("a.md", "FM002", "error"),
            triple("dup.md", "FM005", "error"),
        ]
    );
}

#[test]
fn force_exclude_skips_standard_input_named_as_an_excluded_file() {
    let dir = tree(&[
        ("postlint.toml", "[files]\nexclude = [\"drafts/**\"]\n"),
        ("post.md", "---\ntitle: ok\n---\n"),
    ]);
    let run = |name: &str, force: bool| {
        let mut cmd = postlint_in(dir.path());
        cmd.args(["check", "--format", "json", "--stdin-filename", name]);
        if force {
            cmd.arg("--force-exclude");
        }
        cmd.arg("-").write_stdin(DUP);
        outcome(&mut cmd)
    };
    let (code, stdout, stderr) = run("drafts/wip.md", true);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.contains("FM005"), "{stdout}");
    assert!(!stderr.contains("no posts found"), "{stderr}");
    // Without --force-exclude, or named where nothing excludes it, the input is linted.
    assert_eq!(run("drafts/wip.md", false).0, 1);
    let (code, stdout, _) = run("new.md", true);
    assert_eq!(code, 1);
    assert!(stdout.contains("FM005"), "{stdout}");
}
