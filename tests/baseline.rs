//! Baselines (`--write-baseline`, `--baseline`, `baseline =` in postlint.toml): what is recorded,
//! what survives edits, what comes back, and malformed baseline files. Every run but the config
//! tests uses `--no-config`.

mod common;
use common::{outcome, postlint_in, tree};

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// Three errors on one line: IMG003 (http), IMG030 (no alt), HT005 (onerror).
const DEFECT: &str = "<img src=\"http://example.com/x.png\" onerror=\"alert(1)\">";

const POST: &str = "---\ntitle: 文章\ndate: 2021-07-16 10:30:00\n---\n\n\
正文。\n\n<img src=\"http://img.example.com/a.png\" alt=\"a\">\n\n\
<img src=\"http://img.example.com/b.png\" alt=\"b\">\n";

fn check(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["check", "--no-config", "--format", "concise"];
    args.extend_from_slice(extra);
    outcome(postlint_in(dir).args(&args))
}

fn findings_in(baseline: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(baseline).expect("the baseline was written");
    let json: Value = serde_json::from_str(&text).expect("the baseline is JSON");
    json["findings"]
        .as_array()
        .expect("a findings array")
        .clone()
}

#[test]
fn write_then_apply_reports_nothing_and_says_how_many_were_baselined() {
    let dir = tree(&[
        ("posts/a.md", POST),
        ("posts/clean.md", "---\ntitle: x\n---\n"),
    ]);
    let (code, out, _) = check(dir.path(), &["posts"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("IMG003").count(), 2, "{out}");

    let (code, out, err) = check(dir.path(), &["--write-baseline", "bl.json", "posts"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "Recorded 2 findings in 1 file in bl.json.\n", "")
    );
    let findings = findings_in(&dir.path().join("bl.json"));
    let paths: Vec<&str> = findings
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["posts/a.md", "posts/a.md"]);
    // No temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.iter().filter(|n| n.starts_with(".postlint")).count(),
        0,
        "{names:?}"
    );

    let (code, out, err) = check(dir.path(), &["--baseline", "bl.json", "posts"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "No problems found in 2 files (2 baselined).\n", "")
    );
    // The same baseline from another folder: paths are relative to the baseline file.
    let (code, out, _) = check(
        &dir.path().join("posts"),
        &["--baseline", "../bl.json", "."],
    );
    assert_eq!(
        (code, out.as_str()),
        (0, "No problems found in 2 files (2 baselined).\n")
    );
}

#[test]
fn the_file_is_sorted_versioned_and_rewritten_byte_for_byte() {
    let dir = tree(&[
        ("z.md", &format!("---\ntitle: z\n---\n\n{DEFECT}\n")),
        ("a.md", POST),
    ]);
    check(dir.path(), &["--write-baseline", "bl.json", "."]);
    let first = std::fs::read_to_string(dir.path().join("bl.json")).unwrap();
    let json: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(json["version"], 1);
    let keys: Vec<(String, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_owned();
            (s("path"), s("code"), s("fingerprint"))
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(
        keys.iter().map(|k| k.1.as_str()).collect::<Vec<_>>(),
        ["IMG003", "IMG003", "HT005", "IMG003", "IMG030"]
    );
    assert!(first.ends_with("]\n}\n"), "{first}");
    assert!(
        !first.contains("\"line\""),
        "positions are not recorded: {first}"
    );

    let (_, out, _) = check(dir.path(), &["--write-baseline", "bl.json", "."]);
    assert_eq!(
        out,
        "Recorded 5 findings in 2 files in bl.json (no change).\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bl.json")).unwrap(),
        first
    );
}

#[test]
fn changing_the_offending_text_brings_the_finding_back() {
    let dir = tree(&[("a.md", POST)]);
    check(dir.path(), &["--write-baseline", "bl.json", "a.md"]);
    let edited = POST.replace("b.png", "c.png");
    std::fs::write(dir.path().join("a.md"), &edited).unwrap();
    let (code, out, _) = check(dir.path(), &["--baseline", "bl.json", "a.md"]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("a.md:10:11: error[IMG003]"), "{out}");
    assert_eq!(
        lines[1],
        "Found 1 error, 0 warnings in 1 file of 1 checked (1 baselined)."
    );
    assert_eq!(
        lines[2],
        "No fixes available (1 unsafe fix with `--unsafe-fixes`)."
    );
}

#[test]
fn a_fixed_finding_is_dropped_when_the_baseline_is_rewritten() {
    let dir = tree(&[("a.md", POST)]);
    check(dir.path(), &["--write-baseline", "bl.json", "a.md"]);
    let fixed = POST.replace(
        "http://img.example.com/a.png",
        "https://img.example.com/a.png",
    );
    // Lines inserted above the remaining finding do not disturb it either.
    let fixed = fixed.replace("正文。", "正文。\n\n新的段落 inserted paragraph.\n");
    std::fs::write(dir.path().join("a.md"), &fixed).unwrap();

    let (code, out, err) = check(dir.path(), &["--baseline", "bl.json", "a.md"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "No problems found in 1 file (1 baselined).\n");
    assert!(
        err.contains("1 baselined finding no longer occurs;"),
        "{err}"
    );

    let (code, out, _) = check(
        dir.path(),
        &[
            "--baseline",
            "bl.json",
            "--write-baseline",
            "bl.json",
            "a.md",
        ],
    );
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "Recorded 1 finding in 1 file in bl.json (0 new, 1 dropped as no longer found).\n"
        )
    );
    let findings = findings_in(&dir.path().join("bl.json"));
    assert_eq!(findings.len(), 1);
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .contains("plain-http"));
    // The fixed finding is gone from the file: bringing the old text back reports it again.
    std::fs::write(dir.path().join("a.md"), POST).unwrap();
    let (code, out, _) = check(dir.path(), &["--baseline", "bl.json", "a.md"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("a.md:8:11: error[IMG003]"), "{out}");
}

#[test]
fn a_malformed_baseline_is_exit_2_naming_the_file_and_the_problem() {
    let dir = tree(&[
        ("a.md", POST),
        ("bad.json", "{\n  \"version\": 1,\n  \"findings\": [\n}\n"),
        ("v2.json", "{\"version\": 2, \"findings\": []}"),
        ("shape.json", "{\"version\": 1, \"findings\": {}}"),
        ("other.json", "[1, 2]"),
        ("empty.json", ""),
        ("folder/keep", ""),
    ]);
    let cases = [
        ("bad.json", "baseline bad.json:4:1: not valid JSON"),
        ("v2.json", "baseline v2.json: version 2 is not supported"),
        (
            "shape.json",
            "baseline shape.json: invalid type: map, expected a sequence",
        ),
        (
            "other.json",
            "baseline other.json: expected an object with `version` and `findings`, found an array",
        ),
        (
            "empty.json",
            "baseline empty.json:1:0: not valid JSON: EOF while parsing a value",
        ),
        (
            "missing.json",
            "cannot read baseline missing.json: no such file",
        ),
        ("folder", "cannot read baseline folder: it is a directory"),
    ];
    for (file, expected) in cases {
        let (code, out, err) = check(dir.path(), &["--baseline", file, "a.md"]);
        assert_eq!(code, 2, "{file}: {out}{err}");
        assert_eq!(out, "", "{file}: nothing is reported");
        assert!(
            err.starts_with(&format!("postlint: {expected}")),
            "{file}: {err}"
        );
    }
}

#[test]
fn the_config_names_the_baseline_relative_to_itself_and_the_flags_win() {
    let dir = tree(&[
        ("site/postlint.toml", "baseline = \"ci/bl.json\"\n"),
        ("site/posts/a.md", POST),
    ]);
    let site = dir.path().join("site");
    std::fs::create_dir(site.join("ci")).unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["check", "--format", "concise"];
        all.extend_from_slice(args);
        outcome(postlint_in(site.join("posts")).args(&all))
    };
    // Before it is written, the configured baseline is an error, not a silent pass.
    let (code, _, err) = run(&["."]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read baseline") && err.contains("ci/bl.json"),
        "{err}"
    );

    let (code, out, _) = run(&["--write-baseline", "../ci/bl.json", "."]);
    assert_eq!(code, 0, "{out}");
    let (code, out, _) = run(&["."]);
    assert_eq!(
        (code, out.as_str()),
        (0, "No problems found in 1 file (2 baselined).\n")
    );
    let (code, out, _) = run(&["--no-baseline", "."]);
    assert_eq!(code, 1, "{out}");
    std::fs::write(
        site.join("ci/empty.json"),
        "{\"version\": 1, \"findings\": []}",
    )
    .unwrap();
    let (code, out, _) = run(&["--baseline", "../ci/empty.json", "."]);
    assert_eq!(code, 1, "--baseline replaces the config's: {out}");
}

#[test]
fn files_that_cannot_be_checked_are_never_baselined() {
    let dir = tree(&[("a.md", POST)]);
    std::fs::write(dir.path().join("b.md"), b"---\ntitle: \xff\n---\n").unwrap();
    let (code, out, err) = check(dir.path(), &["--write-baseline", "bl.json", "."]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("b.md: the file is not valid UTF-8"), "{err}");
    assert!(
        err.contains("baseline bl.json not written: 1 file could not be checked"),
        "{err}"
    );
    assert!(!dir.path().join("bl.json").exists());

    check(dir.path(), &["--write-baseline", "bl.json", "a.md"]);
    let (code, out, _) = check(dir.path(), &["--baseline", "bl.json", "."]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("b.md:2:8: error[PL000]"), "{out}");
}

#[test]
fn a_baseline_that_cannot_be_written_is_exit_2() {
    let dir = tree(&[("a.md", POST)]);
    let (code, _, err) = check(dir.path(), &["--write-baseline", "no/such/bl.json", "a.md"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "postlint: cannot write baseline no/such/bl.json: the folder no/such does not exist\n"
    );
}

/// Copies `from` into `to`, folder by folder.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `text` with a new paragraph right after the front matter's closing fence (or at the start of
/// a file without front matter): every finding in the body moves down two lines.
fn insert_paragraph(text: &str) -> String {
    const PARAGRAPH: &str = "\n新的段落 inserted paragraph.\n";
    let mut offset = 0;
    let mut lines = text.split_inclusive('\n').map(|line| {
        let start = offset;
        offset += line.len();
        (
            start,
            offset,
            line.trim_start_matches('\u{feff}').trim_end(),
        )
    });
    let at = match lines.by_ref().find(|(_, _, l)| !l.is_empty()) {
        Some((_, _, "---")) => lines.find(|(_, _, l)| *l == "---" || *l == "..."),
        Some((_, _, fence @ ("+++" | ";;;"))) => lines.find(|(_, _, l)| *l == fence),
        _ => Some((0, 0, "")),
    }
    // An unclosed front matter: the end of the file is below every finding's text.
    .map_or(text.len(), |(_, end, _)| end);
    format!("{}{PARAGRAPH}{}", &text[..at], &text[at..])
}

#[test]
fn insert_paragraph_keeps_the_front_matter() {
    assert_eq!(
        insert_paragraph("\n---\na: 1\n---\nbody\n"),
        "\n---\na: 1\n---\n\n新的段落 inserted paragraph.\nbody\n"
    );
    assert_eq!(
        insert_paragraph("<p>x</p>\n"),
        "\n新的段落 inserted paragraph.\n<p>x</p>\n"
    );
}

/// The acceptance test: a baseline of the whole corpus survives paragraphs inserted above
/// the findings of many files, and only a newly added defect is reported.
#[test]
fn only_the_new_defect_is_reported_after_edits_across_the_corpus() {
    let Some(corpus) =
        common::corpus_or_skip("only_the_new_defect_is_reported_after_edits_across_the_corpus")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_tree(&corpus, &root);
    let run = |args: &[&str]| {
        let mut all = vec!["check", "--no-config", "--format", "json"];
        all.extend_from_slice(args);
        all.push(".");
        outcome(postlint_in(&root).args(&all))
    };
    let (code, out, err) = run(&["--write-baseline", "../bl.json"]);
    assert_eq!(code, 0, "{out}{err}");
    let recorded = findings_in(&dir.path().join("bl.json"));
    let files: BTreeSet<String> = recorded
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        out.starts_with(&format!(
            "Recorded {} findings in {} files",
            recorded.len(),
            files.len()
        )),
        "{out}"
    );
    assert!(files.iter().all(|p| p.starts_with("site/")), "{files:?}");

    // Every other file with findings gets a paragraph above them; the first also the defect.
    let edited: Vec<&String> = files.iter().step_by(2).collect();
    assert!(edited.len() >= 50, "only {} files edited", edited.len());
    for (i, rel) in edited.iter().enumerate() {
        let path = dir.path().join(rel);
        let mut text = insert_paragraph(&std::fs::read_to_string(&path).unwrap());
        if i == 0 {
            text.push_str(&format!("\n{DEFECT}\n"));
        }
        std::fs::write(&path, text).unwrap();
    }

    let (code, out, err) = run(&["--baseline", "../bl.json"]);
    assert_eq!(code, 1, "{err}");
    let reported: Vec<Value> = serde_json::from_str(&out).expect("a JSON report");
    let got: Vec<(&str, &str)> = reported
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    let defect_file = edited[0].strip_prefix("site/").unwrap();
    let codes: BTreeSet<&str> = got.iter().map(|(_, c)| *c).collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|(p, _)| *p == defect_file), "{got:?}");
    assert_eq!(codes, BTreeSet::from(["HT005", "IMG003", "IMG030"]));
    let last_line = std::fs::read_to_string(dir.path().join(edited[0]))
        .unwrap()
        .lines()
        .count();
    assert!(reported.iter().all(|f| f["line"] == last_line), "{out}");
    assert!(
        err.contains(&format!("({} baselined)", recorded.len())),
        "every recorded finding still matched: {err}"
    );
}

#[test]
fn rewriting_from_some_files_keeps_the_entries_of_the_others_while_they_exist() {
    let dir = tree(&[("a.md", POST), ("b.md", POST)]);
    check(dir.path(), &["--write-baseline", "bl.json", "."]);
    let whole = findings_in(&dir.path().join("bl.json")).len();
    assert!(whole >= 4, "both posts' findings are recorded: {whole}");

    // A rewrite from a.md alone, after a.md lost its finding, keeps every entry of b.md.
    let fixed = POST.replace(
        "http://img.example.com/a.png",
        "https://img.example.com/a.png",
    );
    std::fs::write(dir.path().join("a.md"), &fixed).unwrap();
    let (code, _, err) = check(
        dir.path(),
        &[
            "--baseline",
            "bl.json",
            "--write-baseline",
            "bl.json",
            "a.md",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let after: Vec<Value> = findings_in(&dir.path().join("bl.json"));
    let of = |name: &str| after.iter().filter(|f| f["path"] == name).count();
    assert_eq!(of("b.md"), whole / 2, "{after:?}");
    assert_eq!(of("a.md"), whole / 2 - 1, "{after:?}");

    // A deleted post's entries go with the next rewrite, whatever was linted.
    std::fs::remove_file(dir.path().join("b.md")).unwrap();
    check(
        dir.path(),
        &[
            "--baseline",
            "bl.json",
            "--write-baseline",
            "bl.json",
            "a.md",
        ],
    );
    let after: Vec<Value> = findings_in(&dir.path().join("bl.json"));
    assert!(after.iter().all(|f| f["path"] == "a.md"), "{after:?}");
}
