//! The `postlint` binary: exit codes, formats, configuration, stdin, threads, and the helper
//! subcommands. Every command runs with `--no-config` unless it tests configuration, so a
//! `postlint.toml` above the checkout cannot change the results.

mod common;
use common::{postlint, postlint_in, stdout_of, tree};

use std::collections::BTreeMap;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

const FM002_FAIL: &str = "fixtures/FM002-front-matter-not-at-start/fail/hexo-bot-blank-line.md";
const FM004_FAIL: &str = "fixtures/FM004-front-matter-syntax-error/fail/bot-title-nested-quotes.md";

const BLANK_LINE_POST: &str =
    "\n---\ntitle: '前面有一个空行'\ndate: 2021-07-16 10:30:00\n---\n\n正文。\n";
const CLEAN_POST: &str = "---\ntitle: 干净的文章\ndate: 2021-07-16 10:30:00\n---\n\n正文。\n";

// ------------------------------------------------------------------------------ exit codes

#[test]
fn exit_0_when_nothing_is_found() {
    postlint()
        .args(["check", "--no-config", "examples/clean-post.md"])
        .assert()
        .code(0)
        .stdout("No problems found in 1 file.\n")
        .stderr("");
}

#[test]
fn exit_0_when_only_warnings_are_found() {
    postlint()
        .args(["check", "--no-config", "--format", "concise", "--select", "FM002", FM002_FAIL])
        .assert()
        .code(0)
        .stdout(format!(
            "{FM002_FAIL}:1:1: warning[FM002] [*] front matter starts on line 2, not at the first byte of the file\n\
             Found 0 errors, 1 warning in 1 file of 1 checked.\n\
             [*] 1 fixable with `--fix`.\n"
        ));
}

#[test]
fn exit_1_when_an_error_is_found() {
    postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "concise",
            "--select",
            "FM004",
            FM004_FAIL,
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{FM004_FAIL}:3:10: error[FM004] invalid YAML in front matter"
        )));
}

#[test]
fn exit_2_for_an_unknown_config_key_which_is_located() {
    let dir = tree(&[
        ("postlint.toml", "select = [\"FM\"]\nmax-warning = 3\n"),
        ("post.md", CLEAN_POST),
    ]);
    let out = postlint_in(dir.path())
        .args(["check", "post.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The key, the file, and the key's line and column.
    assert!(stderr.contains("`max-warning`"), "{stderr}");
    assert!(stderr.contains("postlint.toml:2:1]"), "{stderr}");
    assert!(
        stderr.contains("max-warnings"),
        "the valid key is suggested: {stderr}"
    );
    assert!(out.stdout.is_empty(), "nothing is linted with a bad config");
}

#[test]
fn exit_2_for_an_unknown_severity_which_is_located() {
    let dir = tree(&[
        ("postlint.toml", "[rules]\nFM002 = \"loud\"\n"),
        ("post.md", CLEAN_POST),
    ]);
    postlint_in(dir.path())
        .args(["check", "post.md"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown severity `loud`")
                .and(predicate::str::contains("postlint.toml:2:9]")),
        );
}

#[test]
fn exit_2_for_an_unknown_rule_in_select() {
    postlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "FM0099",
            "examples/clean-post.md",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown rule `FM0099`"));
    postlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "duplicate-keys",
            "examples/clean-post.md",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `duplicate-key`"));
}

#[test]
fn exit_2_for_an_unknown_rule_in_the_config_which_is_located() {
    let dir = tree(&[
        ("postlint.toml", "ignore = [\"FM002\", \"FMX\"]\n"),
        ("post.md", CLEAN_POST),
    ]);
    postlint_in(dir.path())
        .args(["check", "post.md"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("unknown rule `FMX`")
                .and(predicate::str::contains("postlint.toml:1:20]")),
        );
}

#[test]
fn exit_2_for_a_path_that_does_not_exist_even_when_others_are_fine() {
    postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "concise",
            "no/such/post.md",
            FM002_FAIL,
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::contains(format!(
            "{FM002_FAIL}:1:1: warning[FM002]"
        )))
        .stderr(predicate::str::contains("no/such/post.md"));
}

#[test]
fn exit_2_for_files_that_are_not_utf8() {
    let dir = tree(&[("ok.md", CLEAN_POST)]);
    std::fs::write(dir.path().join("latin1.md"), b"---\ntitle: caf\xe9\n---\n").unwrap();
    std::fs::write(dir.path().join("utf16.md"), b"\xff\xfe-\x00-\x00-\x00").unwrap();
    let out = postlint_in(dir.path())
        .args(["check", "--no-config", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(&str, &str, u64, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap(),
                f["code"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![("latin1.md", "PL000", 2, 11), ("utf16.md", "PL000", 1, 1)]
    );
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8: byte 14"));
    assert!(findings[1]["message"].as_str().unwrap().contains("UTF-16"));
}

#[test]
fn unknown_format_and_conflicting_flags_are_usage_errors() {
    postlint()
        .args(["check", "--format", "sarif-ish", "examples"])
        .assert()
        .code(2);
    postlint()
        .args([
            "check",
            "--config",
            "postlint.toml",
            "--no-config",
            "examples",
        ])
        .assert()
        .code(2);
}

// ------------------------------------------------------------------------------ formats

#[test]
fn format_full_draws_the_source_with_labels_and_no_colour() {
    let out = postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "full",
            "--select",
            "FM002",
            FM002_FAIL,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "FM002(front-matter-not-at-start)",
        "⚠ front matter starts on line 2, not at the first byte of the file",
        &format!("╭─[{FM002_FAIL}:1:1]"),
        "╰── blank line",
        " 2 │ ---",
        "╰── front matter opens here",
        "help: delete everything before the opening `---`",
        "Found 0 errors, 1 warning in 1 file of 1 checked.",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert!(
        !stdout.contains('\u{1b}'),
        "no escape sequences when stdout is not a terminal:\n{stdout}"
    );
}

#[test]
fn format_full_is_the_default() {
    let default = stdout_of(postlint().args(["check", "--no-config", FM002_FAIL]));
    let full = stdout_of(postlint().args(["check", "--no-config", "--format", "full", FM002_FAIL]));
    assert_eq!(default, full);
}

#[test]
fn format_concise_is_one_line_per_finding_in_position_order() {
    let dir = tree(&[
        ("post.md", "\n---\ntitle: a\ntitle: b\nlist: [\n---\n"),
        ("dup.md", "---\na: 1\na: 2\nb: 1\nb: 2\n---\n"),
    ]);
    postlint_in(dir.path())
        .args(["check", "--no-config", "--format", "concise", "post.md", "dup.md"])
        .assert()
        .code(1)
        .stdout(
            "dup.md:3:1: error[FM005] duplicate key `a`\n\
             dup.md:5:1: error[FM005] duplicate key `b`\n\
             post.md:1:1: warning[FM002] [*] front matter starts on line 2, not at the first byte of the file\n\
             post.md:6:1: error[FM004] invalid YAML in front matter: while parsing a node, did not find expected node content\n\
             Found 3 errors, 1 warning in 2 files of 2 checked.\n\
             [*] 1 fixable with `--fix`.\n",
        );
}

#[test]
fn format_json_has_exact_spans_and_no_summary() {
    let out = postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "fixtures/FM005-duplicate-key/fail/bom-crlf-chinese-keys.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let findings: Vec<Value> =
        serde_json::from_slice(&out.stdout).expect("stdout is only the JSON array");
    assert_eq!(findings.len(), 2);
    let bom = &findings[0];
    assert_eq!(bom["code"], "FM002");
    assert_eq!(
        (bom["start"].as_u64(), bom["end"].as_u64()),
        (Some(0), Some(3))
    );
    let dup = &findings[1];
    assert_eq!(
        dup["path"],
        "fixtures/FM005-duplicate-key/fail/bom-crlf-chinese-keys.md"
    );
    assert_eq!(dup["code"], "FM005");
    assert_eq!(dup["name"], "duplicate-key");
    assert_eq!(dup["severity"], "error");
    assert_eq!(dup["message"], "duplicate key `标题`");
    // `标题` on line 4 after a BOM and CRLF line ends: two characters, six bytes.
    let span = |v: &Value| {
        ["line", "column", "end_line", "end_column", "start", "end"].map(|k| v[k].as_u64().unwrap())
    };
    assert_eq!(span(dup), [4, 1, 4, 3, 43, 49]);
    assert_eq!(span(&dup["related"][0]), [2, 1, 2, 3, 8, 14]);
    assert_eq!(dup["related"][0]["message"], "first defined here");
    assert!(dup["url"].as_str().unwrap().ends_with("duplicate_key.md"));
}

#[test]
fn json_output_for_no_findings_is_an_empty_array() {
    postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "examples/clean-post.md",
        ])
        .assert()
        .code(0)
        .stdout("[]\n");
}

// ------------------------------------------------------------------------------ configuration

#[test]
fn config_is_found_by_walking_up_from_the_working_directory() {
    let dir = tree(&[
        ("postlint.toml", "[rules]\nFM002 = \"error\"\n"),
        ("source/_posts/a.md", BLANK_LINE_POST),
    ]);
    let posts = dir.path().join("source/_posts");
    postlint_in(&posts)
        .args(["check", "--format", "concise", "a.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("a.md:1:1: error[FM002]"));
    // The same run without the config: a warning, exit 0.
    postlint_in(&posts)
        .args(["check", "--no-config", "--format", "concise", "a.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("a.md:1:1: warning[FM002]"));
}

#[test]
fn the_nearest_config_wins() {
    let dir = tree(&[
        ("postlint.toml", "[rules]\nFM002 = \"error\"\n"),
        ("site/postlint.toml", "ignore = [\"FM002\"]\n"),
        ("site/posts/a.md", BLANK_LINE_POST),
    ]);
    postlint_in(dir.path().join("site/posts"))
        .args(["check", "a.md"])
        .assert()
        .code(0)
        .stdout("No problems found in 1 file.\n");
}

#[test]
fn config_flag_names_a_file_anywhere() {
    let dir = tree(&[
        ("conf/strict.toml", "[rules]\nFM002 = \"error\"\n"),
        ("posts/a.md", BLANK_LINE_POST),
    ]);
    postlint_in(dir.path().join("posts"))
        .args([
            "check",
            "--config",
            "../conf/strict.toml",
            "--format",
            "concise",
            "a.md",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[FM002]"));
    postlint_in(dir.path().join("posts"))
        .args(["check", "--config", "../conf/missing.toml", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
}

#[test]
fn no_config_ignores_the_discovered_file() {
    let dir = tree(&[
        ("postlint.toml", "this is not toml\n"),
        ("a.md", BLANK_LINE_POST),
    ]);
    postlint_in(dir.path())
        .args(["check", "a.md"])
        .assert()
        .code(2);
    postlint_in(dir.path())
        .args(["check", "--no-config", "a.md"])
        .assert()
        .code(0);
}

#[test]
fn severity_override_and_off() {
    let run = |config: &str| {
        let dir = tree(&[("postlint.toml", config), ("a.md", BLANK_LINE_POST)]);
        let out = postlint_in(dir.path())
            .args(["check", "--format", "concise", "a.md"])
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, out) = run("[rules]\nFM002 = \"error\"\n");
    assert_eq!(code, Some(1));
    assert!(out.starts_with("a.md:1:1: error[FM002]"), "{out}");
    let (code, out) = run("[rules]\nfront-matter-not-at-start = \"info\"\n");
    assert_eq!(code, Some(0));
    assert!(out.starts_with("a.md:1:1: info[FM002]"), "{out}");
    let (code, out) = run("[rules]\nFM002 = \"off\"\n");
    assert_eq!(
        (code, out.as_str()),
        (Some(0), "No problems found in 1 file.\n")
    );
    // A rule off by default is turned on by giving it a severity.
    let dir = tree(&[
        ("postlint.toml", "[rules]\nFM001 = \"warning\"\n"),
        ("a.md", "# 没有前言\n"),
    ]);
    postlint_in(dir.path())
        .args(["check", "--format", "concise", "a.md"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "a.md:1:1: warning[FM001] the post has no front matter",
        ));
}

#[test]
fn select_ignore_and_extend_select() {
    let dir = tree(&[("plain.md", "# 没有前言\n"), ("blank.md", BLANK_LINE_POST)]);
    let run = |args: &[&str]| {
        let out = postlint_in(dir.path())
            .args(["check", "--no-config", "--format", "concise"])
            .args(args)
            .args(["plain.md", "blank.md"])
            .output()
            .unwrap();
        let codes: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            // `path:line:col: severity[CODE] message`: the code is in the first brackets.
            .filter_map(|l| {
                l.split_once(": ")
                    .and_then(|(_, r)| r.split_once('['))
                    .and_then(|(_, r)| r.split_once(']'))
                    .map(|(c, _)| c.to_owned())
            })
            .collect();
        (out.status.code(), codes)
    };
    assert_eq!(run(&[]), (Some(0), vec!["FM002".to_owned()]));
    assert_eq!(
        run(&["--extend-select", "FM001"]),
        (Some(1), vec!["FM002".to_owned(), "FM001".to_owned()])
    );
    assert_eq!(run(&["--ignore", "FM002"]), (Some(0), vec![]));
    assert_eq!(
        run(&["--select", "front-matter-missing"]),
        (Some(1), vec!["FM001".to_owned()])
    );
    assert_eq!(
        run(&["--select", "ALL", "--ignore", "FM001,FM002"]),
        (Some(0), vec![])
    );
}

#[test]
fn max_warnings() {
    let dir = tree(&[
        ("a.md", BLANK_LINE_POST),
        ("b.md", BLANK_LINE_POST),
        ("c.md", CLEAN_POST),
    ]);
    let code = |config: Option<&str>, args: &[&str]| {
        if let Some(config) = config {
            std::fs::write(dir.path().join("postlint.toml"), config).unwrap();
        } else {
            let _ = std::fs::remove_file(dir.path().join("postlint.toml"));
        }
        postlint_in(dir.path())
            .arg("check")
            .args(args)
            .arg(".")
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code(None, &[]), Some(0), "two warnings, no limit");
    assert_eq!(code(None, &["--max-warnings", "2"]), Some(0));
    assert_eq!(code(None, &["--max-warnings", "1"]), Some(1));
    assert_eq!(code(None, &["--max-warnings", "0"]), Some(1));
    assert_eq!(code(Some("max-warnings = 1\n"), &[]), Some(1));
    assert_eq!(
        code(Some("max-warnings = 1\n"), &["--max-warnings", "5"]),
        Some(0),
        "the flag overrides the file"
    );
}

// ------------------------------------------------------------------------------ stdin

#[test]
fn stdin_is_linted_under_the_given_name() {
    postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "concise",
            "-",
            "--stdin-filename",
            "source/_posts/来自标准输入.md",
        ])
        .write_stdin(BLANK_LINE_POST)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "source/_posts/来自标准输入.md:1:1: warning[FM002]",
        ));
}

#[test]
fn stdin_without_a_name_and_with_errors() {
    postlint()
        .args(["check", "--no-config", "--format", "concise", "-"])
        .write_stdin("---\r\ntitle: 'a'\r\ntitle: 'b'\r\n---\r\n")
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with(
            "<stdin>:3:1: error[FM005] duplicate key `title`",
        ));
}

#[test]
fn stdin_that_is_not_utf8_is_not_checked() {
    postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "concise",
            "-",
            "--stdin-filename",
            "x.md",
        ])
        .write_stdin(&b"---\ntitle: \xc3\n---\n"[..])
        .assert()
        .code(2)
        .stdout(predicate::str::starts_with("x.md:2:8: error[PL000]"));
}

// ------------------------------------------------------------------------------ threads

#[test]
fn thread_count_does_not_change_the_output() {
    let Some(corpus) = common::corpus_or_skip("thread_count_does_not_change_the_output") else {
        return;
    };
    assert!(
        corpus.join("seed").is_dir(),
        "the corpus is expected at {}",
        corpus.display()
    );
    for format in ["concise", "json"] {
        let run = |threads: &str| {
            let out = postlint_in(&corpus)
                .args([
                    "check",
                    "--no-config",
                    "--format",
                    format,
                    "--threads",
                    threads,
                    ".",
                ])
                .output()
                .unwrap();
            (out.status.code(), out.stdout, out.stderr)
        };
        let one = run("1");
        let eight = run("8");
        assert_eq!(one.0, Some(1), "the corpus has error findings");
        assert!(
            one.1.len() > 1000,
            "{format}: a real report, not an empty one"
        );
        assert!(String::from_utf8_lossy(&one.1).contains("FM005"));
        assert!(
            one.0 == eight.0 && one.1 == eight.1 && one.2 == eight.2,
            "--threads 1 and --threads 8 differ for --format {format}"
        );
    }
}

// ------------------------------------------------------------------------------ other commands

#[test]
fn rules_lists_every_rule_with_its_state() {
    let stdout = stdout_of(postlint().args(["rules", "--no-config"]));
    let rows: BTreeMap<&str, Vec<&str>> = stdout
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            (cols[0], cols)
        })
        .collect();
    assert!(stdout.starts_with("code "), "{stdout}");
    assert_eq!(rows.len(), postlint::rules::RULES.len(), "{stdout}");
    for rule in postlint::rules::RULES {
        let row = &rows[rule.code];
        let on = if rule.enabled { "on" } else { "off" };
        assert_eq!(
            row[1..4],
            [rule.name, rule.severity.as_str(), on],
            "{stdout}"
        );
    }

    // The state shown is the configured one.
    let dir = tree(&[(
        "postlint.toml",
        "[rules]\nFM002 = \"error\"\nFM005 = \"off\"\n",
    )]);
    let stdout = stdout_of(postlint_in(dir.path()).arg("rules"));
    assert!(
        stdout.lines().any(|l| l.split_whitespace().take(4).eq([
            "FM002",
            "front-matter-not-at-start",
            "error",
            "on"
        ])),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| l.split_whitespace().take(4).eq([
            "FM005",
            "duplicate-key",
            "error",
            "off"
        ])),
        "{stdout}"
    );
}

#[test]
fn rule_prints_the_docs_by_code_or_name() {
    let by_code = stdout_of(postlint().args(["rule", "FM002"]));
    assert!(
        by_code.starts_with("# FM002 front-matter-not-at-start\n"),
        "{by_code}"
    );
    for heading in postlint::rules::DOC_HEADINGS {
        assert!(by_code.contains(heading), "missing {heading}");
    }
    assert!(
        by_code
            .trim_end()
            .ends_with("Default: warning, on; fix: safe (`--fix` applies it)."),
        "{by_code}"
    );
    assert!(by_code.contains("\n## Fix\n"), "{by_code}");
    let no_fix = stdout_of(postlint().args(["rule", "HT001"]));
    assert!(
        no_fix.trim_end().ends_with("Default: error, on; no fix."),
        "{no_fix}"
    );
    assert_eq!(
        stdout_of(postlint().args(["rule", "front-matter-not-at-start"])),
        by_code
    );
    assert_eq!(stdout_of(postlint().args(["rule", "fm002"])), by_code);
    postlint()
        .args(["rule", "FM999"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no rule `FM999`"));
}

#[test]
fn every_rule_has_docs_with_the_fixed_headings() {
    for rule in postlint::rules::RULES {
        let docs = stdout_of(postlint().args(["rule", rule.code]));
        assert!(
            docs.starts_with(&format!("# {} {}\n", rule.code, rule.name)),
            "{docs}"
        );
        let headings: Vec<&str> = docs.lines().filter(|l| l.starts_with("## ")).collect();
        let mut expected = vec![
            "## What it does",
            "## Why it matters",
            "## Example that fails",
            "## What to write instead",
            "## Options",
        ];
        if rule.fix.is_some() {
            expected.insert(4, "## Fix");
        }
        assert_eq!(headings, expected, "{}", rule.code);
    }
}

#[test]
fn inspect_prints_the_front_matter_as_json() {
    let out = postlint()
        .args([
            "inspect",
            "fixtures/FM004-front-matter-syntax-error/pass/hugo-toml-params.md",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["title"], "Configure the build cache");
    assert_eq!(value["weight"], 40);
    assert_eq!(value["params"]["author"], "Docs team");
    assert_eq!(value["params"]["search"]["boost"], 2);
    assert_eq!(value["keywords"], serde_json::json!(["cache", "build"]));

    let out = postlint()
        .args([
            "inspect",
            "fixtures/FM001-front-matter-missing/pass/hexo-json.md",
        ])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["title"], "使用 JSON 写的前言");
    assert_eq!(value["comments"], false);

    // The bot post keeps its RFC 2822 date as a string and its categories as a list.
    let out = postlint()
        .args(["inspect", "examples/hexo-bot-post.md"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["date"], "Fri, 16 Jul 2021 02:57:12 GMT");
    assert_eq!(value["categories"][2], "资讯");
}

#[test]
fn inspect_reports_where_the_front_matter_is_broken() {
    postlint()
        .args(["inspect", FM004_FAIL])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{FM004_FAIL}:3:10: invalid front matter"
        )));
    postlint()
        .args(["inspect", "no/such/file.md"])
        .assert()
        .code(2);
}

// ------------------------------------------------------------------------------ examples

#[test]
fn examples_report_the_expected_codes() {
    let out = postlint()
        .args(["check", "--no-config", "--format", "json", "examples"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &findings {
        let file = Path::new(f["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        by_file
            .entry(file)
            .or_default()
            .push(f["code"].as_str().unwrap().to_owned());
    }
    // The clean post stays clean whatever rules are added; the others are judged on FM rules.
    assert_eq!(by_file.get("clean-post.md"), None, "{by_file:?}");
    let fm = |file: &str| -> Vec<String> {
        by_file
            .get(file)
            .into_iter()
            .flatten()
            .filter(|c| c.starts_with("FM"))
            .cloned()
            .collect()
    };
    assert_eq!(fm("hexo-bot-post.md"), ["FM002", "FM202"]);
    assert_eq!(fm("yaml-syntax-error.md"), ["FM004"]);
    assert_eq!(fm("duplicate-key.md"), ["FM005"]);
    let names: Vec<_> = by_file.keys().cloned().collect();
    assert_eq!(
        names,
        [
            "duplicate-key.md",
            "hexo-bot-post.md",
            "yaml-syntax-error.md"
        ]
    );
}

// ------------------------------------------------------------------------------ regressions
// Bugs found by this suite, each pinned by the behaviour postlint must keep.

mod regressions {
    use super::*;
    use postlint::lint_source;
    use postlint::{CliOverrides, Settings};

    fn lint_all(text: &str) -> Vec<(&'static str, usize, usize)> {
        let cli = CliOverrides {
            select: Some(vec!["ALL".into()]),
            ..Default::default()
        };
        let settings = Settings::resolve(None, &cli, Path::new(".")).unwrap();
        let report = lint_source("post.md", text, &settings);
        report
            .diagnostics
            .iter()
            .map(|d| {
                let p = report.source.position(d.primary.span.start);
                (d.code, p.line, p.column)
            })
            .collect()
    }

    /// Hexo reads `;;;` front matter with `JSON.parse("{" + text + "}")` and silently drops the
    /// whole front matter when that throws. postlint parses it as YAML flow syntax, which accepts
    /// trailing commas, unquoted keys and single quotes, so FM004 never fires for them.
    #[test]
    fn hexo_json_front_matter_must_be_json() {
        assert!(
            lint_all(";;;\n\"title\": \"x\",\n;;;\n")
                .iter()
                .any(|f| f.0 == "FM004"),
            "trailing comma"
        );
        assert!(
            lint_all(";;;\ntitle: \"x\"\n;;;\n")
                .iter()
                .any(|f| f.0 == "FM004"),
            "unquoted key"
        );
        assert!(
            lint_all(";;;\n'title': 'x'\n;;;\n")
                .iter()
                .any(|f| f.0 == "FM004"),
            "single quotes"
        );
    }

    /// `yaml::parse` calls saphyr's `Parser::load(.., multi = false)`, which stops after the first
    /// document: everything after a `--- x` or `... x` line inside the front matter is dropped
    /// without a word, errors included. The builder's "a second YAML document starts here" error
    /// is never reached.
    #[test]
    fn a_second_document_in_the_front_matter_is_reported() {
        assert_eq!(
            lint_all("---\ntitle: a\n--- # draft\ndraft: true\n---\n"),
            [("FM004", 3, 1)]
        );
        assert!(
            lint_all("---\ntitle: a\n... # end\ndraft: [\n---\n")
                .iter()
                .any(|f| f.0 == "FM004"),
            "the unclosed `[` after `...` is not even parsed"
        );
    }

    /// saphyr skips a BOM at the start of its input without counting it as a character, so every
    /// span on the first line of the front matter is one character early.
    #[test]
    fn bom_at_the_start_of_yaml_front_matter_shifts_spans() {
        let text = "---\n\u{feff}key: 1\nkey: 2\n---\n";
        let cli = CliOverrides {
            select: Some(vec!["FM005".into()]),
            ..Default::default()
        };
        let settings = Settings::resolve(None, &cli, Path::new(".")).unwrap();
        let report = lint_source("post.md", text, &settings);
        let first = &report.diagnostics[0].secondary[0].span;
        assert_eq!(
            &text[first.clone()],
            "key",
            "the first `key` is labelled at {first:?}"
        );
    }

    /// `render/full.rs` takes line numbers and snippet lines from miette, which knows only `\n`:
    /// a file with lone `\r` line ends is drawn as "line 0" with raw carriage returns in the output
    /// (which a terminal uses to overwrite the line).
    #[test]
    fn full_format_handles_cr_line_ends() {
        let out = stdout_of(
            postlint()
                .args([
                    "check",
                    "--no-config",
                    "--format",
                    "full",
                    "-",
                    "--stdin-filename",
                    "mac.md",
                ])
                .write_stdin("\r---\rtitle: a\r---\r"),
        );
        assert!(out.contains("╭─[mac.md:1:1]"), "{out}");
        assert!(
            !out.contains('\r'),
            "raw carriage return in the report: {out:?}"
        );
        assert!(!out.contains(" 0 │"), "there is no line 0: {out}");
        assert!(out.contains(" 2 │ ---"), "the fence is on line 2: {out}");
    }

    /// For an empty file miette gets no source, and the report's title is only the message: the
    /// default output does not say which file has the problem.
    #[test]
    fn full_format_names_an_empty_file() {
        let dir = tree(&[("posts/empty.md", "")]);
        let out = stdout_of(postlint_in(dir.path()).args([
            "check",
            "--no-config",
            "--select",
            "FM001",
            "posts",
        ]));
        assert!(out.contains("the post has no front matter"), "{out}");
        assert!(out.contains("posts/empty.md"), "which file? {out}");
    }
}
