//! Helpers shared by the integration tests. Each test file uses a different subset.
//!
//! - [`postlint`] and [`postlint_in`]: the one way to run the binary, with a clean environment.
//! - [`corpus_or_skip`]: the real posts of `../shared/corpus`, or a skip notice when they are not
//!   there (a plain clone); under `CI` a missing corpus fails instead.
//! - [`tree`]: a temporary directory of posts and configs to run in.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Variables that change how postlint draws its reports (colour, width, links). The runs below remove
/// them so that a developer's shell cannot change a test's result.
const STYLE_VARS: &[&str] = &[
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "FORCE_COLOR",
    "COLUMNS",
    "TERM",
    // Inside GitHub Actions, `--format markdown` links findings to the commit.
    "GITHUB_SERVER_URL",
    "GITHUB_REPOSITORY",
    "GITHUB_SHA",
];

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `postlint` binary run from the package root, never on a terminal, with none of
/// [`STYLE_VARS`] but a fixed width of 100 columns. Add `.current_dir(..)`, `.env(..)`,
/// `.write_stdin(..)` as a test needs them.
pub fn postlint() -> Command {
    postlint_in(manifest_dir())
}

/// [`postlint`] run from `dir` (a [`tree`] or a corpus folder).
pub fn postlint_in(dir: impl AsRef<Path>) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_postlint"));
    cmd.current_dir(dir.as_ref());
    for var in STYLE_VARS {
        cmd.env_remove(var);
    }
    cmd.env("COLUMNS", "100");
    cmd
}

/// Runs `cmd`: its exit code (-1 when killed by a signal), stdout and stderr (lossy UTF-8).
pub fn outcome(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("postlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `cmd` and returns its stdout, which must be UTF-8.
pub fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("postlint runs").stdout).expect("stdout is UTF-8")
}

/// Where the real posts are expected: `../shared/corpus`, beside the checkout, read in place.
pub fn corpus_dir() -> PathBuf {
    manifest_dir().join("../shared/corpus")
}

/// Whether this is a CI run (`CI` set to anything but empty, `0` or `false`), where nothing may
/// be skipped.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// The corpus directory when it is there. When it is not, as in a plain `git clone`, this prints
///
/// ```text
/// skipped: <test>: ../shared/corpus not found (CI runs it)
/// ```
///
/// and returns `None` so that the test returns early and passes. Under `CI` it panics instead: CI
/// must run every test. Use it first thing in a test:
///
/// ```ignore
/// let Some(corpus) = common::corpus_or_skip("the_test_name") else { return };
/// ```
pub fn corpus_or_skip(test: &str) -> Option<PathBuf> {
    let dir = corpus_dir();
    if dir.is_dir() {
        return Some(dir);
    }
    if in_ci() {
        panic!(
            "{test}: the corpus is expected at {} (CI is set, so corpus tests cannot be skipped)",
            dir.display()
        );
    }
    // Written to stderr directly, not with `eprintln!`: the test harness captures the output of
    // passing tests made with the print macros, and this notice must show in `cargo test`.
    let _ = writeln!(
        std::io::stderr().lock(),
        "skipped: {test}: ../shared/corpus not found (CI runs it)"
    );
    None
}

/// A temporary directory holding `files` (path relative to the directory, content).
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (rel, content) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// 1-based line and character column of `offset`, counted naively and independently of
/// postlint's line index: `\n`, `\r\n` and a lone `\r` end a line; a `\r` whose `\n` lies after
/// `offset` has not ended its line yet; a leading byte order mark takes no column, as in editors.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let skip = if text.starts_with('\u{feff}') && offset >= 3 {
        3
    } else {
        0
    };
    let (mut line, mut col) = (1, 1);
    let mut chars = text[skip..offset].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => (line, col) = (line + 1, 1),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                (line, col) = (line + 1, 1);
            }
            '\r' if chars.peek().is_none() && text[offset..].starts_with('\n') => col += 1,
            '\r' => (line, col) = (line + 1, 1),
            _ => col += 1,
        }
    }
    (line, col)
}

/// One finding of [`lint_post`]: its code, the text its span covers, 1-based line and column (in
/// characters), and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub code: &'static str,
    pub text: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Lint `text` as the post `name` with the default settings, keeping the findings whose code is
/// in `codes` (all when empty), in report order.
pub fn lint_post(name: &str, text: &str, codes: &[&str]) -> Vec<Found> {
    let settings =
        postlint::Settings::resolve(None, &postlint::CliOverrides::default(), Path::new("."))
            .expect("default settings");
    postlint::lint_source(name, text, &settings)
        .diagnostics
        .into_iter()
        .filter(|d| codes.is_empty() || codes.contains(&d.code))
        .map(|d| {
            let (line, col) = line_col(text, d.primary.span.start);
            Found {
                code: d.code,
                text: text[d.primary.span.clone()].to_owned(),
                line,
                col,
                message: d.message,
            }
        })
        .collect()
}
