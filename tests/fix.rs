//! `--fix`, `--unsafe-fixes` and `--diff` on real files.
//!
//! Each folder of `tests/fix-cases/` is one case: `before.md`, the post as written; `after.md`,
//! the post byte for byte as `postlint check --no-config --fix ARGS` must leave it; `args`, the
//! further arguments (empty for safe fixes only). Every case also checks that `--diff` writes
//! nothing and that a second `--fix` changes nothing.

mod common;
use common::{corpus_or_skip, manifest_dir, outcome, postlint_in, tree};

use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let dir = manifest_dir().join("tests/fix-cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fix-cases exists")
        .map(|e| e.expect("readable").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_case_is_fixed_to_its_after_file_and_only_once() {
    let cases = cases();
    assert!(cases.len() >= 8, "the fix cases are there");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let before = read(&case.join("before.md"));
        let after = read(&case.join("after.md"));
        let args = String::from_utf8(read(&case.join("args"))).expect("UTF-8 args");
        let args: Vec<&str> = args.split_whitespace().collect();
        let dir = tree(&[]);
        let post = dir.path().join("post.md");
        std::fs::write(&post, &before).expect("write the post");
        let run = |extra: &[&str]| {
            let mut cmd = postlint_in(dir.path());
            cmd.args(["check", "--no-config", "--format", "concise"])
                .args(&args)
                .args(extra)
                .arg("post.md");
            outcome(&mut cmd)
        };

        let (code, diff, _) = run(&["--diff"]);
        let changes = before != after;
        if read(&post) != before {
            failures.push(format!("{name}: --diff wrote to the file"));
        }
        if code != i32::from(changes) || diff.is_empty() == changes {
            failures.push(format!(
                "{name}: --diff exited {code} with diff {diff:?}; the case {} change the file",
                if changes { "does" } else { "does not" }
            ));
        }

        let (_, stdout, stderr) = run(&["--fix"]);
        if read(&post) != after {
            failures.push(format!(
                "{name}: --fix gave\n{}\nexpected\n{}\n(stdout {stdout:?}, stderr {stderr:?})",
                String::from_utf8_lossy(&read(&post)),
                String::from_utf8_lossy(&after)
            ));
            continue;
        }
        let (_, again, _) = run(&["--fix"]);
        if read(&post) != after || !again.contains("Nothing was fixed.") {
            failures.push(format!("{name}: a second --fix changed something: {again}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn safe_fixes_are_marked_and_counted_unsafe_ones_hidden_until_asked() {
    let dir = tree(&[(
        "post.md",
        "\n---\ntitle: t\n---\n\n<img src=\"https://wx1.sinaimg.cn/a.jpg\" alt=\"a\" onload=\"x()\">\n",
    )]);
    let (code, stdout, _) = outcome(postlint_in(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "concise",
        "post.md",
    ]));
    assert_eq!(code, 1);
    assert!(
        stdout.contains("warning[FM002] [*] front matter"),
        "{stdout}"
    );
    assert!(stdout.contains("error[IMG021] [*] "), "{stdout}");
    assert!(
        stdout.contains("error[HT005] inline event handler"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[*] 2 fixable with `--fix` (1 more with `--unsafe-fixes`)."),
        "{stdout}"
    );

    let (_, unsafe_on, _) = outcome(postlint_in(dir.path()).args([
        "check",
        "--no-config",
        "--format",
        "concise",
        "--unsafe-fixes",
        "post.md",
    ]));
    assert!(unsafe_on.contains("error[HT005] [*] inline"), "{unsafe_on}");
    assert!(
        unsafe_on.contains("[*] 3 fixable with `--fix --unsafe-fixes`."),
        "{unsafe_on}"
    );

    let (_, full, _) = outcome(postlint_in(dir.path()).args(["check", "--no-config", "post.md"]));
    assert!(
        full.contains("fix: remove what comes before the opening fence (`--fix`)"),
        "{full}"
    );
    assert!(
        full.contains("unsafe fix available with `--unsafe-fixes`: remove `onload`"),
        "{full}"
    );
}

#[test]
fn diff_is_a_unified_diff_of_the_fixes() {
    let dir = tree(&[("site/post.md", "\n\n---\ntitle: 标题\n---\nbody\n")]);
    let (code, stdout, stderr) =
        outcome(postlint_in(dir.path()).args(["check", "--no-config", "--diff", "site"]));
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout,
        "--- a/site/post.md\n+++ b/site/post.md\n@@ -1,5 +1,3 @@\n-\n-\n ---\n title: 标题\n ---\n"
    );
    assert!(
        stderr.contains("Would fix 1 finding in 1 file."),
        "{stderr}"
    );
}

#[test]
fn a_read_only_file_is_left_alone_with_a_finding() {
    let dir = tree(&[("post.md", "\n---\ntitle: t\n---\n")]);
    let post = dir.path().join("post.md");
    let mut perms = std::fs::metadata(&post).expect("meta").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&post, perms).expect("chmod");
    let (code, stdout, _) = outcome(postlint_in(dir.path()).args([
        "check",
        "--no-config",
        "--fix",
        "--format",
        "concise",
        "post.md",
    ]));
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stdout.contains(
            "error[PL000] the file is read-only; it was left alone: 1 fix was not written"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("warning[FM002]"),
        "the findings as read stay: {stdout}"
    );
    assert_eq!(read(&post), b"\n---\ntitle: t\n---\n");
}

#[test]
fn fix_refuses_stdin_but_diff_reads_it() {
    let (code, _, stderr) = outcome(
        postlint_in(manifest_dir())
            .args(["check", "--no-config", "--fix", "-"])
            .write_stdin("\n---\ntitle: t\n---\n"),
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--fix cannot write back to standard input"),
        "{stderr}"
    );
    let (code, stdout, _) = outcome(
        postlint_in(manifest_dir())
            .args([
                "check",
                "--no-config",
                "--diff",
                "--stdin-filename",
                "post.md",
                "-",
            ])
            .write_stdin("\n---\ntitle: t\n---\n"),
    );
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("--- a/post.md\n+++ b/post.md\n"),
        "{stdout}"
    );
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside").to_path_buf();
                out.insert(rel, read(&path));
            }
        }
    }
    out
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("readable") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
            // The corpus is read-only, and --fix leaves read-only files alone.
            let mut perms = std::fs::metadata(&target).expect("meta").permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            std::fs::set_permissions(&target, perms).expect("chmod");
        }
    }
}

/// The acceptance test on real posts an RSS bot wrote: FM002's fix removes only the blank
/// lines before the front matter, `--diff` beforehand writes nothing, a second `--fix` is a no-op.
#[test]
fn fixing_a_copy_of_the_rsshub_posts_removes_only_the_leading_blank_lines() {
    let Some(corpus) =
        corpus_or_skip("fixing_a_copy_of_the_rsshub_posts_removes_only_the_leading_blank_lines")
    else {
        return;
    };
    let dir = tree(&[]);
    copy_tree(&corpus.join("rsshub-page"), dir.path());
    let before = snapshot(dir.path());
    let run = |flag: &str| {
        outcome(postlint_in(dir.path()).args([
            "check",
            "--no-config",
            "--select",
            "FM002",
            "--format",
            "concise",
            flag,
            ".",
        ]))
    };

    let (code, diff, _) = run("--diff");
    assert_eq!(code, 1);
    assert_eq!(snapshot(dir.path()), before, "--diff wrote nothing");
    let (_, stdout, _) = run("--fix");
    let after = snapshot(dir.path());
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    let mut fixed = 0;
    for (path, old) in &before {
        let new = &after[path];
        if new == old {
            continue;
        }
        fixed += 1;
        // What was removed is a prefix of blank lines (spaces, tabs, CR, LF) and nothing else.
        let removed = old.len() - new.len();
        assert!(
            old.ends_with(new),
            "{}: only a prefix was removed",
            path.display()
        );
        assert!(
            old[..removed].iter().all(|b| b" \t\r\n".contains(b)),
            "{}: removed {:?}",
            path.display(),
            String::from_utf8_lossy(&old[..removed])
        );
        assert!(new.starts_with(b"---"), "{}", path.display());
        let shown = path.to_string_lossy().replace('\\', "/");
        assert!(
            diff.contains(&format!("--- a/./{shown}")) || diff.contains(&format!("--- a/{shown}")),
            "{shown} is in the diff"
        );
    }
    assert!(
        fixed >= 10,
        "the RSS bot's blank lines were fixed in {fixed} files"
    );
    assert!(
        stdout.contains(&format!("Fixed {fixed} findings in {fixed} files.")),
        "{stdout}"
    );
    let (code, again, _) = run("--fix");
    assert_eq!(code, 0, "{again}");
    assert!(again.contains("Nothing was fixed."), "{again}");
    assert_eq!(
        snapshot(dir.path()),
        after,
        "a second --fix changed nothing"
    );
}
