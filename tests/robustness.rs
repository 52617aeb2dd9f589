//! Hostile and malformed input: every case gives a clear message and the right exit code, never
//! a panic or a hang. Large inputs are generated here, not committed.
#![allow(clippy::print_stderr)] // the large-input test prints its timings

use std::path::Path;
use std::time::Instant;

mod common;
use common::{outcome, postlint_in};

use postlint::{CliOverrides, Settings};

/// `postlint check` in `dir` with every rule on, no config and the concise format, then `args`.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    outcome(
        postlint_in(dir)
            .args([
                "check",
                "--no-config",
                "--select",
                "ALL",
                "--format",
                "concise",
            ])
            .args(args),
    )
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn lint(text: &str) -> Vec<String> {
    let cli = CliOverrides {
        select: Some(vec!["ALL".into()]),
        ..Default::default()
    };
    let settings = Settings::resolve(None, &cli, Path::new(".")).unwrap();
    let report = postlint::lint_source("post.md", text, &settings);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let p = report.source.position(d.primary.span.start);
            format!("{}:{}:{} {}", d.code, p.line, p.column, d.message)
        })
        .collect()
}

#[test]
fn empty_and_fence_only_files() {
    assert_eq!(lint(""), vec!["FM001:1:1 the post has no front matter"]);
    assert_eq!(
        lint("---"),
        vec!["FM003:1:1 the front matter is never closed"]
    );
    assert_eq!(
        lint("---\ntitle: a\n\nbody"),
        vec!["FM003:1:1 the front matter is never closed"]
    );
    assert_eq!(lint("---\n---\n"), Vec::<String>::new());
}

#[test]
fn undecodable_files_name_the_reason_and_the_others_are_still_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a-invalid-utf8.md",
        b"---\ntitle: caf\xe9\n---\n",
    );
    write(dir.path(), "b-nul.md", b"---\ntitle: a\n---\n\0\0binary");
    write(
        dir.path(),
        "c-utf16.md",
        [0xFF, 0xFE, b'-', 0, b'-', 0, b'-', 0],
    );
    write(dir.path(), "d-good.md", "---\ntitle: a\ntitle: b\n---\n");
    let (code, out, _) = run(dir.path(), &["."]);
    assert_eq!(code, 2, "a file could not be checked: {out}");
    assert!(out.contains("a-invalid-utf8.md:2:11: error[PL000] the file is not valid UTF-8: byte 14 (line 2, column 11)"), "{out}");
    assert!(
        out.contains(
            "b-nul.md:4:1: error[PL000] the file contains a NUL byte at byte 17 (line 4, column 1)"
        ),
        "{out}"
    );
    assert!(
        out.contains("c-utf16.md:1:1: error[PL000] the file is UTF-16 encoded"),
        "{out}"
    );
    assert!(
        out.contains("d-good.md:3:1: error[FM005] duplicate key `title`"),
        "the other files are linted: {out}"
    );
}

#[test]
fn cr_only_line_endings_get_real_lines() {
    assert_eq!(
        lint("---\rtitle: a\rtitle: b\r---\r"),
        vec!["FM005:3:1 duplicate key `title`"]
    );
}

#[test]
fn yaml_bombs_and_deep_nesting_are_refused_quickly() {
    let mut bomb = String::from("---\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..9u8 {
        let (prev, cur) = ((b'a' + i - 1) as char, (b'a' + i) as char);
        let refs = vec![format!("*{prev}"); 9].join(", ");
        bomb.push_str(&format!("{cur}: &{cur} [{refs}]\n"));
    }
    bomb.push_str("---\n");
    let found = lint(&bomb);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("FM004:") && found[0].contains("aliases expand to more than"),
        "{found:?}"
    );

    let block: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    let found = lint(&format!("---\n{block}---\n"));
    assert!(
        found[0].contains("nesting deeper than 128 levels"),
        "{found:?}"
    );

    let compact = format!("---\n{}x\n---\n", "- ".repeat(10_000));
    let found = lint(&compact);
    assert!(
        found[0].contains("nesting deeper than 128 levels"),
        "{found:?}"
    );

    let flow = format!(
        "---\na: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let found = lint(&flow);
    assert!(found[0].contains("nested too deeply"), "{found:?}");
}

#[test]
fn a_one_megabyte_key_is_handled() {
    let key = "k".repeat(1 << 20);
    let found = lint(&format!("---\n{key}: 1\n{key}: 2\n---\n"));
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        found
            .iter()
            .map(|f| &f[..f.len().min(80)])
            .collect::<Vec<_>>()
    );
}

/// Lints a generated post, returning the findings and the time taken.
fn timed(text: &str) -> (Vec<String>, std::time::Duration) {
    let start = Instant::now();
    let found = lint(text);
    (found, start.elapsed())
}

#[test]
fn large_posts_lint_in_time_linear_in_their_size() {
    // A million lines, then a single line of 10 MB; both with a finding at the very end.
    let lines = format!(
        "---\ntitle: a\n---\n{}\n\n---\n",
        "一行文字\n".repeat(1_000_000)
    );
    let (found, t1) = timed(&lines);
    assert!(found.is_empty(), "{found:?}");
    let long = format!(
        "---\ntitle: '{}'\ntitle: b\n---\n",
        "长".repeat((10 << 20) / 3)
    );
    let (found, t2) = timed(&long);
    assert_eq!(found, vec!["FM005:3:1 duplicate key `title`"]);
    eprintln!(
        "1,000,000 lines ({} MB): {t1:?}; one 10 MB line: {t2:?}",
        lines.len() >> 20
    );
}

#[test]
fn a_fifty_megabyte_post_is_skipped_with_one_finding_unless_the_limit_allows_it() {
    let dir = tempfile::tempdir().unwrap();
    let body = "正文。".repeat(50 * 1024 * 1024 / 9);
    write(
        dir.path(),
        "huge.md",
        format!("---\ntitle: a\ntitle: b\n---\n{body}"),
    );
    let (code, out, _) = run(dir.path(), &["huge.md"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("huge.md:1:1: error[PL000] the file is 52428")
            && out.contains("over the limit of 16777216 bytes"),
        "{out}"
    );

    write(
        dir.path(),
        "postlint.toml",
        "[limits]\nmax-file-size = 100000000\n",
    );
    let out = postlint_in(dir.path())
        .args(["check", "--format", "concise", "huge.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("huge.md:3:1: error[FM005]"));
}

#[cfg(unix)]
#[test]
fn odd_paths_are_reported_and_the_walk_goes_on() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("post.md")).unwrap();
    write(
        &root.join("post.md"),
        "inner.md",
        "---\ntitle: a\ntitle: b\n---\n",
    );
    std::os::unix::fs::symlink("loop.md", root.join("loop.md")).unwrap();
    std::os::unix::fs::symlink(".", root.join("self")).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(root.join(name), "---\ntitle: a\ntitle: b\n---\n").unwrap();
    let fifo = root.join("pipe.md");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());

    // The walk does not follow links, skips the FIFO's kind of file only when named, and lints
    // the file in the directory named post.md and the file with a non-UTF-8 name.
    let (code, out, err) = run(root, &["."]);
    assert!(out.contains("post.md/inner.md:3:1: error[FM005]"), "{out}");
    assert!(out.contains("caf\u{fffd}.md:3:1: error[FM005]"), "{out}");
    assert!(code == 1 || code == 2, "{code} {out} {err}");

    // Named explicitly: the link loop and the FIFO are each reported once, without hanging.
    let (code, out, err) = run(root, &["loop.md", "pipe.md", "post.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("loop.md: ") && err.to_lowercase().contains("symbolic links"),
        "{err}"
    );
    assert!(
        out.contains("pipe.md:1:1: error[PL000] not a regular file"),
        "{out}"
    );
    assert!(out.contains("post.md/inner.md:3:1: error[FM005]"), "{out}");

    let (code, _, err) = run(root, &["missing.md"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.md: no such file or directory"),
        "{err}"
    );
}

#[test]
fn a_file_deleted_after_discovery_gives_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "---\ntitle: a\n---\n");
    write(dir.path(), "b.md", "---\ntitle: a\ntitle: b\n---\n");
    let settings = Settings::resolve(None, &CliOverrides::default(), dir.path()).unwrap();
    let found = postlint::discover::discover(&[dir.path().to_owned()], &settings).unwrap();
    assert_eq!(found.files.len(), 2);
    std::fs::remove_file(dir.path().join("a.md")).unwrap();
    let reports = postlint::lint_files(&found.files, &settings);
    assert!(reports[0].not_checked);
    assert!(
        reports[0].diagnostics[0].message.contains("no such file"),
        "{:?}",
        reports[0].diagnostics
    );
    assert_eq!(reports[1].diagnostics[0].code, "FM005");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "secret.md", "---\ntitle: a\n---\n");
    let path = dir.path().join("secret.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read(&path).is_ok(); // root reads everything
    let (code, out, _) = run(dir.path(), &["secret.md"]);
    if readable_anyway {
        assert_eq!(code, 0, "{out}");
    } else {
        assert_eq!(code, 2);
        assert!(
            out.contains("secret.md:1:1: error[PL000] cannot read the file: permission denied"),
            "{out}"
        );
    }
}

#[test]
fn markdown_nested_a_hundred_thousand_levels_is_read_without_overflow() {
    let quotes = format!(
        "---\ntitle: a\n---\n{} <div onclick=x>hi</div>\n",
        ">".repeat(100_000)
    );
    let found = lint(&quotes);
    assert!(
        found.iter().any(|f| f.starts_with("HT005:4:100007 ")),
        "{found:?}"
    );
    let items = format!(
        "---\ntitle: a\n---\n{}x <b onclick=y>b</b>\n",
        "- ".repeat(100_000)
    );
    let found = lint(&items);
    assert!(
        found.iter().any(|f| f.starts_with("HT005:4:200006 ")),
        "{found:?}"
    );
}

#[test]
fn html_deeper_than_the_limit_is_reported_once_at_the_first_element_too_deep() {
    // The default limit: 100,000 nested `<div>`s give one HT012 at the 513th, and no overflow.
    let text = format!("---\ntitle: t\n---\n{}\n", "<div>".repeat(100_000));
    let found: Vec<String> = lint(&text)
        .into_iter()
        .filter(|f| f.starts_with("HT012"))
        .collect();
    assert_eq!(
        found,
        vec![format!(
            "HT012:4:{} elements are nested more than 512 levels deep ([limits] max-html-depth); deeper ones are read as siblings",
            512 * 5 + 1
        )]
    );

    // A lower limit from postlint.toml: the ninth `<span>` (column 1 + 8 * 6) is reported.
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "postlint.toml",
        "[limits]\nmax-html-depth = 8\n",
    );
    write(
        dir.path(),
        "deep.md",
        format!("---\ntitle: t\n---\n{}x\n", "<span>".repeat(20)),
    );
    let out = postlint_in(dir.path())
        .args([
            "check", "--format", "concise", "--select", "HT012", "deep.md",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("deep.md:4:49: warning[HT012] elements are nested more than 8 levels deep"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("[HT012]").count(), 1, "{stdout}");
}

#[test]
fn a_one_line_flow_mapping_of_chinese_keys_gets_exact_columns() {
    // 20,000 keys on one line of ~300 KB: every key's span is a character column far into the
    // line (this took minutes while columns were counted from the line start each time).
    let keys: Vec<String> = (0..20_000).map(|i| format!("键{i}: 值")).collect();
    let line = format!("k: {{{}, 键7: 重复}}", keys.join(", "));
    let text = format!("---\n{line}\n---\n正文\n");
    let column = line
        .find("键7: 重复")
        .map(|b| line[..b].chars().count() + 1);
    assert_eq!(
        lint(&text),
        vec![format!(
            "FM005:2:{} duplicate key `键7` in `/k`",
            column.unwrap()
        )]
    );
}

#[test]
fn findings_on_a_megabyte_line_show_a_window_of_it() {
    // A whole body on one line (as RSS bots and minifiers write it) with 500 findings: each
    // report shows the label's surroundings, not the 1.5 MB line (that printed 750 MB).
    let dir = tempfile::tempdir().unwrap();
    let line = format!("正文{}", "<b><i>x</b></i>".repeat(100_000));
    write(
        dir.path(),
        "one-line.md",
        format!("---\ntitle: t\n---\n{line}\n"),
    );
    let out = postlint_in(dir.path())
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--no-config",
            "--no-group",
            "--select",
            "HT012",
            "one-line.md",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("HT012(html-parse-error)").count(), 500);
    assert!(stdout.len() < 500 * 1500, "{} bytes", stdout.len());
    assert!(
        stdout.contains("╭─[one-line.md:4:10]\n 3 │ ---\n 4 │ 正文<b><i>x</b></i><b><i>x</b></i>"),
        "{}",
        &stdout[..2000]
    );
    let last = stdout.rfind("╭─[one-line.md:4:").unwrap();
    let column = 3 + 499 * 15 + 7;
    assert!(
        stdout[last..].starts_with(&format!("╭─[one-line.md:4:{column}]\n 3 │ ---\n 4 │ …")),
        "{}",
        &stdout[last..last + 400]
    );
}

#[test]
fn distinct_attribute_names_past_the_budget_stay_out_of_the_tree_but_are_still_checked() {
    // Every distinct name is interned in a global set whose lookups slow down as it fills
    // (400,000 names took 4 s); past 10,000 the names are only recorded with their spans.
    let attrs: String = (0..50_000).map(|i| format!(" data-n{i}=\"v\"")).collect();
    let text = format!("---\ntitle: t\n---\n<p{attrs} onclick=\"x()\">段落</p>\n");
    // `data-n0` to `data-n9` fit in an atom by themselves: the 10,001st interned name is
    // `data-n10010`.
    let budget_at = text.find("data-n10010=").unwrap() - text.find("<p").unwrap() + 1;
    let handler_at = text.find("onclick").unwrap() - text.find("<p").unwrap() + 1;
    let found = lint(&text);
    assert_eq!(
        found,
        vec![
            format!("HT012:4:{budget_at} more than 10000 different element and attribute names; from here on new names are not read into the HTML tree, so `[[html.deny]]` selectors do not see them"),
            format!("HT005:4:{handler_at} inline event handler `onclick` on `<p>` runs script"),
        ]
    );
}

#[test]
fn the_fuzz_seeds_lint_as_markdown_and_html_bodies_with_every_span_inside() {
    let dir = common::manifest_dir().join("fuzz/seeds");
    let cli = CliOverrides {
        select: Some(vec!["ALL".into()]),
        ..Default::default()
    };
    let settings = Settings::resolve(None, &cli, Path::new(".")).unwrap();
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/seeds")
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 8, "{seeds:?}");
    for seed in seeds {
        let body = std::fs::read_to_string(&seed).unwrap();
        let text = format!("---\ntitle: 种子\n---\n{body}\n");
        for name in ["post.md", "post.html"] {
            let report = postlint::lint_source(name, &text, &settings);
            for d in &report.diagnostics {
                let s = &d.primary.span;
                assert!(
                    s.end <= text.len()
                        && text.is_char_boundary(s.start)
                        && text.is_char_boundary(s.end),
                    "{} {name}: {} at {s:?}",
                    seed.display(),
                    d.code
                );
            }
            let script = report
                .diagnostics
                .iter()
                .any(|d| matches!(d.code, "HT005" | "HT006" | "HT013" | "HT012"));
            let hostile =
                !seed.ends_with("huge-attributes.html") && !seed.ends_with("css-deep.html");
            assert!(
                !hostile || script,
                "{} {name}: nothing found",
                seed.display()
            );
        }
    }
}
