//! Registry-driven fixture tests: every rule in `postlint::rules::RULES` must have a folder
//! `fixtures/<CODE>-<name>/` with at least one post (`*.md` or `*.html`) in `pass/` and in `fail/`.
//! Each folder is its own test, named after its rule (build.rs lists the folders for
//! `fixture_tests!`; run one with `cargo test --test fixtures fm005`).
//!
//! Each file is linted with only that rule selected, over the folder's `postlint.toml` if it has
//! one. `pass/` files must give nothing; `fail/` files must give at least one finding, all of that
//! rule. Every fail file has a snapshot beside the fixtures
//! (`fixtures/<CODE>-<name>/snapshots/<file stem>.snap`) holding the spans with the text they
//! cover, the `full` report (no colour, width 100) and the JSON report.
//!
//! Review new or changed snapshots with `cargo insta review`, or run with `INSTA_UPDATE=always` and
//! read the `.snap` files: check that every span covers the text it claims to.

mod common;
use common::line_col;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use postlint::render::{formatter, FormatKind, Style};
use postlint::rules::{Rule, RULES};
use postlint::{lint_bytes, FileReport};
use postlint::{CliOverrides, Settings};
use serde_json::Value;

const STYLE: Style = Style {
    color: false,
    links: false,
    width: 100,
    unsafe_fixes: false,
    group: false,
};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures_dir() -> PathBuf {
    manifest_dir().join("fixtures")
}

fn folder_name(rule: &Rule) -> String {
    format!("{}-{}", rule.code, rule.name)
}

/// Settings with only `rule` on, as `--select CODE` gives them, on top of the fixture folder's
/// own `postlint.toml` when it has one (rules that need options, such as a schema, get them there;
/// its `extend-select` adds the rules a rule like PL002 judges).
fn only(rule: &Rule, dir: &Path) -> Settings {
    let config_path = dir.join("postlint.toml");
    let config = config_path.is_file().then(|| {
        postlint::config::load(&config_path)
            .unwrap_or_else(|e| panic!("{}: {e}", display_path(&config_path)))
    });
    // `--select` replaces every selection of the config, its `extend-select` too, so the
    // folder's extra rules go on the command line beside the rule.
    let mut select = vec![rule.code.to_owned()];
    if let Some(extra) = config.as_ref().and_then(|c| c.file.extend_select.as_ref()) {
        select.extend(extra.iter().map(|s| s.get_ref().clone()));
    }
    let cli = CliOverrides {
        select: Some(select),
        ..Default::default()
    };
    let settings = Settings::resolve(config.as_ref(), &cli, dir)
        .unwrap_or_else(|e| panic!("settings for {}: {e}", rule.code));
    let active: Vec<&str> = settings.rules.iter().map(|a| a.rule.code).collect();
    // A rule about other rules' findings (PL002, unused suppressions) needs them to run: its
    // folder names them with `extend-select`; its fail files must still give only its findings.
    let extended = config
        .as_ref()
        .is_some_and(|c| c.file.extend_select.is_some());
    if extended {
        assert!(
            active.contains(&rule.code),
            "selecting {} must turn it on",
            rule.code
        );
    } else {
        assert_eq!(
            active,
            vec![rule.code],
            "selecting {} must turn on that rule and no other",
            rule.code
        );
    }
    settings
}

/// The `*.md` and `*.html` posts directly in `dir`, sorted.
fn posts_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("readable fixture folder").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "md" || e == "html"))
        .collect();
    files.sort();
    files
}

/// The path as reports show it: relative to the package, with `/`.
fn display_path(path: &Path) -> String {
    let rel = path
        .strip_prefix(manifest_dir())
        .expect("fixture inside the package");
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn lint(path: &Path, settings: &Settings) -> FileReport {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    lint_bytes(&display_path(path), &bytes, settings)
}

fn as_usize(v: &Value, key: &str) -> usize {
    v[key]
        .as_u64()
        .unwrap_or_else(|| panic!("`{key}` is a number in {v}")) as usize
}

/// Check one JSON span (`start`, `end`, `line`, ...) against the text; describe it for the snapshot.
fn describe_span(text: &str, v: &Value, problems: &mut Vec<String>, what: &str) -> String {
    let (start, end) = (as_usize(v, "start"), as_usize(v, "end"));
    if start > end
        || end > text.len()
        || !text.is_char_boundary(start)
        || !text.is_char_boundary(end)
    {
        problems.push(format!(
            "{what}: span {start}..{end} is not a valid range of the {}-byte text",
            text.len()
        ));
        return format!("[{start}..{end}] <invalid>");
    }
    let (line, col) = (as_usize(v, "line"), as_usize(v, "column"));
    let (end_line, end_col) = (as_usize(v, "end_line"), as_usize(v, "end_column"));
    if line_col(text, start) != (line, col) {
        problems.push(format!(
            "{what}: json says {line}:{col} for byte {start}, expected {:?}",
            line_col(text, start)
        ));
    }
    if line_col(text, end) != (end_line, end_col) {
        problems.push(format!(
            "{what}: json says end {end_line}:{end_col} for byte {end}, expected {:?}",
            line_col(text, end)
        ));
    }
    format!(
        "{line}:{col}-{end_line}:{end_col} [{start}..{end}] {:?}",
        &text[start..end]
    )
}

/// The snapshot of one fail file: spans with the text they cover, then the full and JSON reports.
fn snapshot_text(report: &FileReport, problems: &mut Vec<String>) -> String {
    let reports = std::slice::from_ref(report);
    let full = formatter(FormatKind::Full, STYLE).render(reports);
    let json = formatter(FormatKind::Json, STYLE).render(reports);
    let findings: Vec<Value> = serde_json::from_str(&json).expect("--format json is valid JSON");
    assert_eq!(
        findings.len(),
        report.diagnostics.len(),
        "one JSON object per finding"
    );

    let text = &report.source.text;
    let mut out = String::from("spans:\n");
    for (i, f) in findings.iter().enumerate() {
        let what = format!("{} finding {i}", report.name());
        let label = f["label"].as_str().unwrap_or("");
        let _ = writeln!(
            out,
            "  {} {} {label:?}",
            f["code"].as_str().unwrap_or("?"),
            describe_span(text, f, problems, &what)
        );
        for (j, r) in f["related"].as_array().into_iter().flatten().enumerate() {
            let label = r["message"].as_str().unwrap_or("");
            let what = format!("{what} related {j}");
            let _ = writeln!(
                out,
                "    related {} {label:?}",
                describe_span(text, r, problems, &what)
            );
        }
        if let Some(fix) = f.get("fix").filter(|f| !f.is_null()) {
            let (start, end) = (
                as_usize(&fix["span"], "start"),
                as_usize(&fix["span"], "end"),
            );
            let covered = text.get(start..end).unwrap_or("<invalid>");
            let _ = writeln!(
                out,
                "    fix ({}) [{start}..{end}] {covered:?} -> {:?}",
                fix["applicability"].as_str().unwrap_or("?"),
                fix["replacement"].as_str().unwrap_or("")
            );
        }
    }
    format!("{out}\nfull:\n{full}\njson:\n{json}")
}

/// One test per fixture folder, so that a failure names the rule. A folder without a line here
/// fails `the_fixture_list_is_every_folder_and_every_rule`.
macro_rules! fixture_tests {
    ($($test:ident => $folder:literal,)*) => {
        /// Every folder listed below, in order.
        const FOLDERS: &[&str] = &[$($folder),*];
        $(
            #[test]
            fn $test() {
                check_folder($folder);
            }
        )*
    };
}

// One `#[test]` per folder of fixtures/, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/fixture_tests.rs"));

/// Lints every post of `fixtures/<folder>/pass/` and `fail/` with only the folder's rule selected:
/// pass files give nothing, fail files give only that rule and match their snapshots.
fn check_folder(folder: &str) {
    let rule = RULES
        .iter()
        .find(|r| folder_name(r) == folder)
        .unwrap_or_else(|| {
            panic!("fixtures/{folder} matches no rule in RULES (expected `<CODE>-<name>`)")
        });
    let dir = fixtures_dir().join(folder);
    let settings = only(rule, &dir);
    let mut problems: Vec<String> = Vec::new();
    let mut snapshot_failures: Vec<String> = Vec::new();

    let (pass, fail) = (posts_in(&dir.join("pass")), posts_in(&dir.join("fail")));
    assert!(
        !pass.is_empty() && !fail.is_empty(),
        "rule {} has no fixtures: add at least one post to {}/pass/ and one to {}/fail/",
        rule.code,
        display_path(&dir),
        display_path(&dir)
    );

    for path in &pass {
        let report = lint(path, &settings);
        if report.not_checked || !report.diagnostics.is_empty() {
            let codes: Vec<_> = report
                .diagnostics
                .iter()
                .map(|d| format!("{} {}", d.code, d.message))
                .collect();
            problems.push(format!(
                "{}: expected no findings, got {codes:?}",
                display_path(path)
            ));
        }
    }

    for path in &fail {
        let report = lint(path, &settings);
        if report.not_checked {
            problems.push(format!(
                "{}: could not be checked: {:?}",
                display_path(path),
                report.diagnostics
            ));
            continue;
        }
        if report.diagnostics.is_empty() {
            problems.push(format!(
                "{}: expected {} to report something, got nothing",
                display_path(path),
                rule.code
            ));
            continue;
        }
        for d in &report.diagnostics {
            if d.code != rule.code || d.name != rule.name {
                problems.push(format!(
                    "{}: expected only {}, got {} ({})",
                    display_path(path),
                    rule.code,
                    d.code,
                    d.message
                ));
            }
            if let Some(fix) = &d.fix {
                if rule.fix != Some(fix.applicability) {
                    problems.push(format!(
                        "{}: a {} fix from a rule that declares {:?}",
                        display_path(path),
                        fix.applicability.as_str(),
                        rule.fix
                    ));
                }
            }
            if d.url.as_deref() != Some(rule.url().as_str()) {
                problems.push(format!(
                    "{}: finding links to {:?}, not to the rule's docs",
                    display_path(path),
                    d.url
                ));
            }
        }
        let content = snapshot_text(&report, &mut problems);
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(dir.join("snapshots"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(path);
        settings.set_omit_expression(true);
        settings.set_description(format!(
            "{} with only {} selected",
            display_path(path),
            rule.code
        ));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(stem.clone(), content));
        }));
        if result.is_err() {
            snapshot_failures.push(display_path(path));
        }
    }

    assert!(
        problems.is_empty(),
        "fixture problems:\n  {}",
        problems.join("\n  ")
    );
    assert!(
        snapshot_failures.is_empty(),
        "snapshots differ for:\n  {}",
        snapshot_failures.join("\n  ")
    );
}

/// Every folder of `fixtures/` is a rule and every rule in `RULES` has a folder: a rule without
/// fixtures, or a folder nobody reads (a rule that was renamed or removed), fails here.
#[test]
fn the_fixture_list_is_every_folder_and_every_rule() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/ exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut problems: Vec<String> = Vec::new();
    for name in &on_disk {
        if !RULES.iter().any(|r| &folder_name(r) == name) {
            problems.push(format!(
                "fixtures/{name} matches no rule in RULES (expected `<CODE>-<name>`)"
            ));
        }
    }
    for rule in RULES {
        let name = folder_name(rule);
        if !on_disk.contains(&name) {
            problems.push(format!(
                "rule {} has no fixtures: add at least one post to fixtures/{name}/pass/ and one to fixtures/{name}/fail/",
                rule.code
            ));
        }
    }
    // build.rs reruns when fixtures/ changes; a stale list would leave a folder untested.
    if FOLDERS != on_disk.as_slice() {
        problems.push(format!(
            "the generated fixture tests cover {FOLDERS:?}, but fixtures/ holds {on_disk:?}"
        ));
    }
    // build.rs reruns when fixtures/ changes; a stale list would leave a folder untested.
    if FOLDERS != on_disk.as_slice() {
        problems.push(format!(
            "the generated fixture tests cover {FOLDERS:?}, but fixtures/ holds {on_disk:?}"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Orphan snapshots would hide a renamed or deleted fixture: every `.snap` needs its fail file.
#[test]
fn every_snapshot_has_a_fail_fixture() {
    let mut orphans = Vec::new();
    for rule in RULES {
        let dir = fixtures_dir().join(folder_name(rule));
        let Ok(entries) = std::fs::read_dir(dir.join("snapshots")) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".snap") else {
                continue;
            };
            let fail = dir.join("fail");
            if !["md", "html"]
                .iter()
                .any(|ext| fail.join(format!("{stem}.{ext}")).is_file())
            {
                orphans.push(display_path(&path));
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "snapshots without a fail/ fixture: {orphans:?}"
    );
}

#[test]
fn independent_line_col_agrees_on_tricky_text() {
    // The harness's own position function, which every snapshot span is checked against.
    let text = "\u{feff}a\r\n标题\rb\nc";
    assert_eq!(line_col(text, 0), (1, 1));
    assert_eq!(line_col(text, 3), (1, 1)); // after the BOM, which editors do not show
    assert_eq!(line_col(text, 4), (1, 2)); // the \r of \r\n
    assert_eq!(line_col(text, 5), (1, 3)); // between \r and \n: the line has not ended
    assert_eq!(line_col(text, 6), (2, 1));
    assert_eq!(line_col(text, 9), (2, 2)); // after one three-byte character
    assert_eq!(line_col(text, 13), (3, 1)); // after a lone \r
    assert_eq!(line_col(text, 15), (4, 1));
    assert_eq!(line_col(text, text.len()), (4, 2));
    // ... and postlint's line index agrees at every character boundary.
    let file = postlint::source::SourceFile::new("t.md", text);
    for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
        let p = file.position(offset);
        assert_eq!(
            (p.line, p.column),
            line_col(text, offset),
            "offset {offset}"
        );
    }
}
