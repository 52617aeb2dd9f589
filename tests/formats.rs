//! Every output format, snapshotted on the same set of posts (the shipped examples), and the
//! same bytes whatever the thread count.

mod common;
use common::postlint;

fn run(format: &str, threads: &str) -> (i32, String) {
    let out = postlint()
        .args([
            "check",
            "--no-config",
            "--select",
            "ALL",
            "--threads",
            threads,
            "--format",
            format,
            "examples",
        ])
        .output()
        .expect("postlint runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

macro_rules! format_snapshot {
    ($test:ident, $format:literal) => {
        #[test]
        fn $test() {
            let (code, out) = run($format, "1");
            assert_eq!(code, 1, "the examples hold error findings");
            assert_eq!(run($format, "4").1, out, "same output with 4 threads");
            insta::assert_snapshot!(concat!("format_", $format), out);
        }
    };
}

format_snapshot!(full, "full");
format_snapshot!(concise, "concise");
format_snapshot!(json, "json");
format_snapshot!(json_lines, "json-lines");
format_snapshot!(sarif, "sarif");
format_snapshot!(github, "github");
format_snapshot!(gitlab, "gitlab");
format_snapshot!(junit, "junit");
format_snapshot!(markdown, "markdown");

#[test]
fn html_is_the_same_at_every_thread_count() {
    let (code, one) = run("html", "1");
    assert_eq!(code, 1);
    assert_eq!(run("html", "4").1, one);
    assert!(one.starts_with("<!DOCTYPE html>"));
}

#[test]
fn markdown_links_findings_to_the_commit_inside_github_actions() {
    let out = postlint()
        .args(["check", "--no-config", "--format", "markdown", "examples"])
        .env("GITHUB_SERVER_URL", "https://github.example")
        .env("GITHUB_REPOSITORY", "owner/blog")
        .env("GITHUB_SHA", "0123abc")
        .output()
        .expect("postlint runs");
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        out.contains("[`examples/duplicate-key.md`:4:1](https://github.example/owner/blog/blob/0123abc/examples/duplicate-key.md#L4)"),
        "{out}"
    );
}

#[test]
fn machine_formats_parse() {
    for format in ["json", "sarif", "gitlab"] {
        let (_, out) = run(format, "2");
        serde_json::from_str::<serde_json::Value>(&out).unwrap_or_else(|e| panic!("{format}: {e}"));
    }
    let (_, out) = run("json-lines", "2");
    for line in out.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each line is a JSON object");
    }
    let (_, out) = run("junit", "2");
    let mut reader = quick_xml::Reader::from_str(&out);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("junit is not well-formed XML: {e}"),
        }
    }
}
