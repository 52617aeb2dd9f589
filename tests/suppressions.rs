//! Inline suppression comments, one post per form in `tests/suppressions/`. Each post is linted
//! as written and again with its suppression comments blanked out (every byte but line breaks
//! turned into a space, so that every other finding keeps its place): the findings that only the
//! second run gives are exactly the ones the comments suppressed.

mod common;

use std::path::PathBuf;

use postlint::source::SourceFile;
use postlint::{lint_source, CliOverrides, Settings};

fn post(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/suppressions")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn settings(select: &[&str]) -> Settings {
    let cli = CliOverrides {
        select: Some(select.iter().map(|s| s.to_string()).collect()),
        ..Default::default()
    };
    Settings::resolve(None, &cli, std::path::Path::new(".")).expect("valid selectors")
}

/// A finding as `CODE line:column` (1-based, columns in characters), plus the text it covers.
fn findings(name: &str, text: &str, settings: &Settings) -> Vec<String> {
    let report = lint_source(name, text, settings);
    assert!(!report.not_checked, "{name}: {:?}", report.diagnostics);
    let source = SourceFile::new(name, text);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let p = source.position(d.primary.span.start);
            format!(
                "{} {}:{} {:?}",
                d.code,
                p.line,
                p.column,
                &text[d.primary.span.clone()]
            )
        })
        .collect()
}

/// `text` with every `<!-- postlint-... -->` and `# postlint-...` comment blanked out (a `#`
/// followed by a quote on its line is taken for text in a string).
fn without_directives(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut blank = |range: std::ops::Range<usize>| {
        for b in &mut bytes[range] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    };
    let mut from = 0;
    while let Some(i) = text[from..].find("<!-- postlint-") {
        let start = from + i;
        let end = text[start..]
            .find("-->")
            .map_or(text.len(), |e| start + e + 3);
        blank(start..end);
        from = end;
    }
    let mut from = 0;
    while let Some(i) = text[from..]
        .find("# postlint-")
        .or_else(|| text[from..].find("#postlint-"))
    {
        let start = from + i;
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |e| start + e);
        // A `#` in a quoted string (`title: "a # postlint-..."`) is text: leave the string be.
        if !text[start..end].contains(['"', '\'']) {
            blank(start..end);
        }
        from = end;
    }
    String::from_utf8(bytes).expect("only ASCII was blanked... or whole characters")
}

/// Lints `name` with and without its comments: returns what is reported with them, and what
/// only the run without them reports (what they suppressed).
fn suppressed(name: &str, text: &str, settings: &Settings) -> (Vec<String>, Vec<String>) {
    let with = findings(name, text, settings);
    let without = findings(name, &without_directives(text), settings);
    for f in &with {
        assert!(
            without.contains(f),
            "{name}: {f} is reported only with the comments"
        );
    }
    let gone = without.into_iter().filter(|f| !with.contains(f)).collect();
    (with, gone)
}

#[test]
fn disable_next_line_covers_the_literal_next_line_only() {
    let (kept, gone) = suppressed("next-line.md", &post("next-line.md"), &settings(&["HT005"]));
    assert_eq!(gone, [r#"HT005 6:27 "onerror=\"retry(this)\"""#]);
    // The line after the first image, and the image after a blank line, are not covered.
    assert_eq!(
        kept,
        [
            r#"HT005 7:27 "onerror=\"retry(this)\"""#,
            r#"HT005 11:27 "onerror=\"retry(this)\"""#
        ]
    );
}

#[test]
fn disable_enable_covers_the_range_and_an_open_disable_runs_to_the_end() {
    let (kept, gone) = suppressed(
        "range.md",
        &post("range.md"),
        &settings(&["IMG003", "HT005"]),
    );
    assert_eq!(
        gone,
        [
            r#"IMG003 8:8 "http://example.com/2.png""#,
            r#"IMG003 10:10 "http://example.com/3.png""#,
            r#"HT005 16:27 "onclick=\"go()\"""#,
        ]
    );
    assert_eq!(
        kept,
        [
            r#"IMG003 5:8 "http://example.com/1.png""#,
            r#"HT005 10:62 "onclick=\"go()\"""#,
            r#"IMG003 13:9 "http://example.com/4.png""#,
        ]
    );
}

#[test]
fn disable_file_anywhere_covers_the_front_matter_too() {
    let (kept, gone) = suppressed(
        "disable-file.md",
        &post("disable-file.md"),
        &settings(&["FM202", "HT005"]),
    );
    assert_eq!(gone.len(), 2, "{gone:?}");
    assert!(
        gone.iter()
            .all(|f| f.starts_with("FM202 3:") || f.starts_with("FM202 4:")),
        "{gone:?}"
    );
    assert_eq!(kept, [r#"HT005 7:27 "onclick=\"go()\"""#]);
}

#[test]
fn yaml_comment_on_the_line() {
    let dir = common::tree(&[
        ("postlint.toml", "schema = \"schema.json\"\n"),
        (
            "schema.json",
            r#"{"type": "object", "properties": {"draft": {"type": "boolean"}, "published": {"type": "boolean"}}}"#,
        ),
    ]);
    let config = postlint::config::load(&dir.path().join("postlint.toml")).expect("config");
    let cli = CliOverrides {
        select: Some(vec!["FM103".into()]),
        ..Default::default()
    };
    let settings = Settings::resolve(Some(&config), &cli, dir.path()).expect("settings");
    let name = dir.path().join("post.md").to_string_lossy().into_owned();
    let (kept, gone) = suppressed(&name, &post("yaml-line.md"), &settings);
    assert_eq!(gone, [r#"FM103 3:8 "yes""#]);
    // `published: no` has no comment; the `#` in the quoted title and in the block scalar are
    // text, not directives (the block scalar's `disable-file` would have hidden it).
    assert_eq!(kept, [r#"FM103 4:12 "no""#]);
}

#[test]
fn toml_comment_on_the_line() {
    let (kept, gone) = suppressed("toml-line.md", &post("toml-line.md"), &settings(&["FM202"]));
    assert_eq!(gone.len(), 2, "{gone:?}");
    assert!(gone[0].starts_with("FM202 3:"), "{gone:?}");
    assert!(gone[1].starts_with("FM202 4:"), "{gone:?}");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].starts_with("FM202 5:"), "{kept:?}");
}

#[test]
fn selectors_by_name_prefix_all_and_none() {
    let (kept, gone) = suppressed(
        "name-and-prefix.md",
        &post("name-and-prefix.md"),
        &settings(&["HT005", "IMG003", "IMG030"]),
    );
    assert_eq!(
        kept,
        [r#"IMG003 6:11 "http://example.com/a.png""#],
        "a name covers that rule only"
    );
    let lines: Vec<&str> = gone.iter().map(|f| f.split(':').next().unwrap()).collect();
    assert_eq!(
        lines,
        [
            "HT005 6",
            "IMG030 9",
            "IMG003 9",
            "HT005 9",
            "IMG030 12",
            "IMG003 12",
            "HT005 12",
            "IMG030 15",
            "IMG003 15",
            "HT005 15"
        ]
    );
}

#[test]
fn the_reason_after_two_dashes_is_not_read() {
    let (kept, gone) = suppressed(
        "reason.md",
        &post("reason.md"),
        &settings(&["HT005", "IMG003", "PL001"]),
    );
    assert_eq!(gone, [r#"HT005 6:45 "onerror=\"retry(this)\"""#]);
    // IMG003 named in the reason is not suppressed, and the reason's words are no unknown rules.
    assert_eq!(kept, [r#"IMG003 6:11 "http://example.com/a.png""#]);
}

#[test]
fn directives_in_code_blocks_and_code_spans_do_nothing() {
    let (kept, gone) = suppressed(
        "in-code.md",
        &post("in-code.md"),
        &settings(&["HT005", "PL001", "PL002"]),
    );
    assert!(gone.is_empty(), "{gone:?}");
    assert_eq!(kept, [r#"HT005 15:27 "onerror=\"retry(this)\"""#]);
}

#[test]
fn crlf_lines() {
    let text = post("crlf.md");
    assert!(
        text.contains("\r\n"),
        "the fixture keeps its CRLF line ends"
    );
    let (kept, gone) = suppressed("crlf.md", &text, &settings(&["HT005"]));
    assert_eq!(
        gone,
        [
            r#"HT005 6:27 "onerror=\"retry(this)\"""#,
            r#"HT005 7:27 "onerror=\"retry(this)\"""#
        ]
    );
    assert_eq!(kept, [r#"HT005 8:27 "onerror=\"retry(this)\"""#]);
}

#[test]
fn unknown_codes_are_pl001_at_the_code_with_columns_in_characters() {
    let text = post("chinese.md");
    let report = lint_source("chinese.md", &text, &settings(&["HT005", "PL001"]));
    let source = &report.source;
    let pl001: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "PL001")
        .collect();
    assert_eq!(pl001.len(), 2, "{:?}", report.diagnostics);
    let first = pl001[0];
    assert_eq!(&text[first.primary.span.clone()], "HT0O5");
    assert_eq!(first.primary.span.start, text.find("HT0O5").unwrap());
    let p = source.position(first.primary.span.start);
    // 16 Chinese characters and a space, `<!-- `, `postlint-disable-line `: column 44.
    assert_eq!((p.line, p.column), (5, 44));
    assert!(
        first.message.contains("did you mean `HT005`"),
        "{}",
        first.message
    );
    assert_eq!(&text[pl001[1].primary.span.clone()], "事件");
    // A comment whose every selector is unknown suppresses nothing, not everything.
    assert!(report.diagnostics.iter().any(|d| d.code == "HT005"));
}

#[test]
fn pl002_reports_unused_suppressions_only_when_selected() {
    // Blank lines end the HTML block the `<img>` opens: the image on line 5 is Markdown.
    let text = "<!-- postlint-disable-next-line HT005 -->\n<img src=\"/a.png\" alt=\"A\">\n\n\
                <!-- postlint-disable-next-line HT005, IMG003 -->\n![x](http://example.com/x.png)\n";
    // Off by default.
    let report = lint_source("unused.md", text, &Settings::default());
    assert!(
        report.diagnostics.iter().all(|d| d.code != "PL002"),
        "{:?}",
        report.diagnostics
    );
    let found = findings("unused.md", text, &settings(&["HT005", "IMG003", "PL002"]));
    assert_eq!(
        found,
        [
            r#"PL002 1:1 "<!-- postlint-disable-next-line HT005 -->""#,
            r#"PL002 4:33 "HT005""#
        ]
    );
    // Only rules that ran are judged: without HT005 selected nothing is unused.
    assert!(findings("unused.md", text, &settings(&["IMG003", "PL002"])).is_empty());
}

#[test]
fn html_posts_read_every_comment_outside_raw_text() {
    let (kept, gone) = suppressed(
        "body.html",
        &post("body.html"),
        &settings(&["HT001", "HT005", "HT007"]),
    );
    assert_eq!(
        gone,
        [
            r#"HT005 2:27 "onerror=\"retry(this)\"""#,
            r#"HT001 4:1 "<script>""#
        ]
    );
    // The comments inside <script> and <textarea> are their text.
    assert_eq!(
        kept,
        [
            r#"HT007 7:1 "<textarea>""#,
            r#"HT005 8:27 "onerror=\"retry(this)\"""#
        ]
    );
}

#[test]
fn a_file_that_cannot_be_checked_is_reported_whatever_the_comments_say() {
    let bytes = b"<!-- postlint-disable-file -->\n\0\n";
    let report = postlint::lint_bytes("nul.md", bytes, &Settings::default());
    assert!(report.not_checked);
    assert_eq!(report.diagnostics[0].code, "PL000");
}

#[test]
fn the_cli_honours_suppressions() {
    let dir = common::tree(&[(
        "post.md",
        "<!-- postlint-disable-next-line HT005 -->\n<img src=\"/a.png\" alt=\"A\" onclick=\"go()\">\n",
    )]);
    let (code, out, err) = common::outcome(
        common::postlint_in(dir.path()).args(["check", "--format", "concise", "post.md"]),
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("No problems found"), "{out}");
}

#[test]
fn many_comments_and_many_findings_stay_linear() {
    // Each finding is checked against interval unions, not against every comment: 20,000
    // suppressed lines and 2,000 open ranges took seconds when each finding asked each comment.
    let mut text = String::new();
    for _ in 0..2_000 {
        text.push_str("<!-- postlint-disable IMG030 -->\n");
    }
    for _ in 0..20_000 {
        text.push_str(
            "<img src=\"/a.png\" onclick=\"go()\"> <!-- postlint-disable-line HT005 -->\n\n",
        );
    }
    let started = std::time::Instant::now();
    let found = findings("many.md", &text, &settings(&["HT005", "IMG030", "PL002"]));
    let elapsed = started.elapsed();
    // Every disable-line was used, and so was each of the overlapping ranges.
    assert!(found.is_empty(), "{:?}", &found[..found.len().min(3)]);
    assert!(elapsed.as_secs() < 30, "took {elapsed:?}");
}

#[test]
fn an_unclosed_comment_is_no_directive() {
    let text =
        "<img src=\"/a.png\" alt=\"A\" onclick=\"go()\">\n\n<!-- postlint-disable-file HT005\n";
    let found = findings("unclosed.md", text, &settings(&["HT005", "PL001"]));
    assert_eq!(found, [r#"HT005 1:27 "onclick=\"go()\"""#]);
}
