//! Rough edges of the command line a new user meets first.

mod common;

use common::{outcome, postlint_in, tree};

#[test]
fn output_format_is_the_same_option_as_format() {
    let dir = tree(&[(
        "a.md",
        "---\ntitle: a\n---\n<img src=\"//x.example/a.png\" alt=\"a\">\n",
    )]);
    let (code, out, err) =
        outcome(postlint_in(dir.path()).args(["check", "--output-format", "concise", "a.md"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("a.md:4:11: warning[IMG004]"), "{out}");
}

#[test]
fn output_refuses_a_format_name() {
    let dir = tree(&[("a.md", "---\ntitle: a\n---\n")]);
    let (code, out, err) =
        outcome(postlint_in(dir.path()).args(["check", "--output", "concise", "a.md"]));
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("use `--format concise`"), "{err}");
    assert!(!dir.path().join("concise").exists());
}

#[test]
fn a_missing_path_gives_only_its_error() {
    let dir = tree(&[("a.md", "---\ntitle: a\n---\n")]);
    let (code, out, err) = outcome(postlint_in(dir.path()).args(["check", "nope.md"]));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(err, "postlint: nope.md: no such file or directory\n");
}

#[test]
fn max_warnings_says_why_the_run_failed() {
    let dir = tree(&[(
        "a.md",
        "---\ntitle: a\n---\n<img src=\"//x.example/a.png\" alt=\"a\"><img src=\"//x.example/b.png\" alt=\"b\">\n",
    )]);
    let (code, out, _) = outcome(postlint_in(dir.path()).args([
        "check",
        "--format",
        "concise",
        "--max-warnings",
        "1",
        "a.md",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("Failed: 2 warnings, more than --max-warnings 1."),
        "{out}"
    );
    let (code, out, _) = outcome(postlint_in(dir.path()).args([
        "check",
        "--format",
        "concise",
        "--max-warnings",
        "2",
        "a.md",
    ]));
    assert_eq!(code, 0);
    assert!(!out.contains("Failed"), "{out}");
}

#[test]
fn inspect_of_a_mistyped_path_says_only_that_it_is_missing() {
    let dir = tree(&[]);
    let (code, _, err) = outcome(postlint_in(dir.path()).args(["inspect", "nope.md"]));
    assert_eq!(code, 2);
    assert_eq!(err, "postlint: nope.md: no such file\n");
}

#[test]
fn config_errors_speak_toml_and_follow_the_colour_choice() {
    let dir = tree(&[
        ("postlint.toml", "max-warnings = \"x\"\n"),
        ("a.md", "---\ntitle: a\n---\n"),
    ]);
    let (code, _, err) = outcome(postlint_in(dir.path()).args(["check", "--color", "never", "."]));
    assert_eq!(code, 2);
    assert!(err.contains("expected a whole number (0 or more)"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
    let (_, _, err) = outcome(postlint_in(dir.path()).args(["check", "--color", "always", "."]));
    assert!(err.contains('\u{1b}'), "{err}");
}

#[test]
fn concise_is_coloured_only_when_asked_or_on_a_terminal() {
    let dir = tree(&[(
        "a.md",
        "---\ntitle: a\n---\n<img src=\"//x.example/a.png\" alt=\"a\">\n",
    )]);
    let (_, out, _) =
        outcome(postlint_in(dir.path()).args(["check", "--format", "concise", "a.md"]));
    assert!(!out.contains('\u{1b}'), "{out}");
    let (_, out, _) = outcome(
        postlint_in(dir.path()).args(["check", "--format", "concise", "--color", "always", "a.md"]),
    );
    assert!(out.contains("\u{1b}[1ma.md:4:11:\u{1b}[0m"), "{out:?}");
}

#[test]
fn many_findings_of_one_rule_in_a_post_are_grouped_after_a_few() {
    let imgs: String = (0..9)
        .map(|i| format!("<img src=\"https://a.example/{i}.png\">\n"))
        .collect();
    let dir = tree(&[
        ("posts/many.md", &format!("---\ntitle: t\n---\n{imgs}")),
        (
            "posts/few.md",
            "---\ntitle: t\n---\n<img src=\"https://a.example/x.png\">\n",
        ),
    ]);
    let run = |extra: &[&str]| {
        let (_, out, _) = outcome(
            postlint_in(dir.path())
                .args([
                    "check",
                    "--no-config",
                    "--select",
                    "IMG030",
                    "--format",
                    "concise",
                ])
                .args(extra)
                .arg("posts"),
        );
        out
    };
    let grouped = run(&[]);
    let lines: Vec<&str> = grouped.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "posts/few.md:4:1: error[IMG030] image without an `alt` attribute",
            "posts/many.md:4:1: error[IMG030] image without an `alt` attribute",
            "posts/many.md:5:1: error[IMG030] image without an `alt` attribute",
            "posts/many.md:6:1: error[IMG030] image without an `alt` attribute",
            "posts/many.md: … and 6 more IMG030 in this file (`--no-group` shows all)",
        ],
        "{grouped}"
    );
    let all = run(&["--no-group"]);
    assert_eq!(all.matches("error[IMG030]").count(), 10, "{all}");
    assert!(!all.contains("more IMG030"));
    // The summary counts every finding either way.
    assert!(grouped.contains("Found 10 errors"), "{grouped}");
}
