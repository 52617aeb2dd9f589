//! Per-path settings on small sites written out in `tests/override-cases/`.
//!
//! Each folder is one case: its files (config files and posts, in the layout a site has) are
//! copied to a temporary folder and `postlint check --format concise ARGS` runs there, `args`
//! holding ARGS. `expected` is its standard output, byte for byte. A case with an `after/`
//! folder runs a fix: every file under `after/` is what the file at the same place must hold
//! afterwards, and every other file must be left as it was.

mod common;
use common::{manifest_dir, outcome, postlint_in};

use std::path::{Path, PathBuf};

/// The files the test reads rather than copies into the site.
const CASE_FILES: [&str; 3] = ["args", "expected", "after"];

fn files_under(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path.strip_prefix(root).expect("under root").to_path_buf());
            }
        }
    }
    found.sort();
    found
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run_case(case: &Path) -> Vec<String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let mut problems = Vec::new();
    let site = tempfile::tempdir().expect("temp dir");
    let copied: Vec<PathBuf> = files_under(case)
        .into_iter()
        .filter(|p| !CASE_FILES.iter().any(|f| p.starts_with(f)))
        .collect();
    for rel in &copied {
        let to = site.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).expect("mkdir");
        std::fs::write(&to, read(&case.join(rel))).expect("copy");
    }
    let args = String::from_utf8(read(&case.join("args"))).expect("UTF-8 args");
    let mut cmd = postlint_in(site.path());
    cmd.args(["check", "--format", "concise"])
        .args(args.split_whitespace());
    let (code, stdout, stderr) = outcome(&mut cmd);
    let expected = String::from_utf8(read(&case.join("expected"))).expect("UTF-8 expected");
    if stdout != expected {
        problems.push(format!(
            "{name}: `postlint check --format concise {}` printed\n{stdout}\nexpected\n{expected}\n(exit {code}, stderr {stderr:?})",
            args.trim()
        ));
    }
    if code == 2 {
        problems.push(format!("{name}: exit 2: {stderr}"));
    }

    let after = case.join("after");
    let fixed: Vec<PathBuf> = if after.is_dir() {
        files_under(&after)
    } else {
        Vec::new()
    };
    for rel in &copied {
        let now = read(&site.path().join(rel));
        let want = if fixed.contains(rel) {
            read(&after.join(rel))
        } else {
            read(&case.join(rel))
        };
        if now != want {
            problems.push(format!(
                "{name}: {} holds\n{}\nexpected\n{}",
                rel.display(),
                String::from_utf8_lossy(&now),
                String::from_utf8_lossy(&want)
            ));
        }
    }
    for rel in fixed.iter().filter(|r| !copied.contains(r)) {
        problems.push(format!(
            "{name}: after/{} names no file of the case",
            rel.display()
        ));
    }
    problems
}

#[test]
fn every_override_case_gives_its_expected_findings() {
    let dir = manifest_dir().join("tests/override-cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/override-cases exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 6, "the override cases are there");
    let problems: Vec<String> = cases.iter().flat_map(|c| run_case(c)).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
