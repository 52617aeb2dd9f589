//! Property tests: for text built from the pieces that matter to front matter (fences, line
//! breaks of every kind, a BOM, quotes, brackets, tabs, multi-byte characters), linting never
//! panics, every span is a valid range of the text, the split is ordered, and line/column positions
//! round-trip.

mod common;
use common::line_col as naive_line_col;

use std::path::Path;

use postlint::internals::document::split::split;
use postlint::internals::document::Document;
use postlint::render::{formatter, FormatKind, Style};
use postlint::source::SourceFile;
use postlint::{lint_bytes, lint_source};
use postlint::{CliOverrides, Settings};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "---",
    "---\n",
    "\n---\n",
    "...",
    "+++",
    "+++\n",
    ";;;",
    ";;;\n",
    "\r\n",
    "\r",
    "\n",
    "\n",
    "\u{feff}",
    "key: value",
    "title: 标题",
    "作者: 小明",
    "제목: 웹툰 1화",
    "date: Fri, 16 Jul 2021 02:57:12 GMT",
    "a = 1",
    "title = \"x\"",
    "[params]",
    "\"title\": \"x\",",
    "\"",
    "'",
    "''",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ": ",
    "- ",
    "-",
    "  ",
    " ",
    "\t",
    "#",
    "&a ",
    "*a",
    "<<: ",
    "|",
    ">",
    "?",
    "%",
    "@",
    "\\",
    "标题",
    "：",
    "é",
    "𝄞",
    "\u{0}",
    "~",
];

/// Whole lines as posts hold them in YAML front matter.
const YAML_LINES: &[&str] = &[
    "title: 标题",
    "title: '周报：发布'",
    "categories: ",
    " - 新媒体",
    "tags: [新闻, 科技]",
    "params:",
    "  author: 甲",
    "  author: 乙",
    "desc: |",
    "  第一行",
    "date: 2021-08-03 00:00:00 +0000",
    "date: Fri, 16 Jul 2021 02:57:12 GMT",
    "base: &b {x: 1, y: 2}",
    "copy: *b",
    "- item",
    "标题：第一篇",
    "",
    "# comment",
];

/// ... in Hugo's TOML front matter.
const TOML_LINES: &[&str] = &[
    "title = \"标题\"",
    "tags = [\"新闻\", \"科技\"]",
    "[params]",
    "  author = \"甲\"",
    "date = 2023-05-01T10:00:00Z",
    "weight = 40",
    "[params.search]",
    "boost = 2",
    "",
];

/// ... in Hexo's JSON front matter.
const JSON_LINES: &[&str] = &[
    "\"title\": \"标题\",",
    "\"tags\": [\"新闻\", \"科技\"],",
    "\"params\": {\"author\": \"甲\", \"author\": \"乙\"},",
    "\"comments\": false,",
    "\"date\": \"2021-07-16 10:30:00\"",
];

/// Lines that break front matter, or make it odd.
const BAD_LINES: &[&str] = &[
    "title: \"\"\"\"'第1集'\"\"\"\"",
    "tags: [新闻,",
    "  科技]",
    "base: &b {x: 1, x: 2}",
    "<<: *b",
    "t: 'not closed",
    "t: \"not closed",
    "]",
    "\tkey: tab",
    "title = 中文",
    "--- # second document",
    "... # end",
];

/// A post shaped like the real thing: maybe a BOM and blank lines, an opening fence, lines of the
/// fence's language (some broken, the first maybe repeated), usually the matching closing fence,
/// then a body.
fn shaped_post() -> impl Strategy<Value = String> {
    prop_oneof![4 => Just(0), 1 => Just(1), 1 => Just(2)]
        .prop_flat_map(|kind| {
            let (open, closes, good): (&str, &[&str], &[&str]) = match kind {
                0 => ("---", &["---", "...", "---  "], YAML_LINES),
                1 => ("+++", &["+++"], TOML_LINES),
                _ => (";;;", &[";;;"], JSON_LINES),
            };
            let line = prop_oneof![5 => prop::sample::select(good), 1 => prop::sample::select(BAD_LINES)];
            let close = prop_oneof![
                6 => prop::sample::select(closes),
                1 => prop::sample::select(&["", "----", "  ---", "---", ";;;"][..]),
            ];
            let noise = prop_oneof![3 => Just(Vec::new()), 1 => prop::collection::vec(prop::sample::select(PIECES), 1..4)];
            (
                prop::sample::select(&["", "", "\u{feff}"][..]),
                prop::sample::select(&["", "", "", "\n", "\r\n", " \t\n", "\r", "\n\n"][..]),
                Just(open),
                prop::sample::select(&["\n", "\n", "\r\n", "\r"][..]),
                (prop::collection::vec(line, 0..10), any::<bool>()),
                noise,
                close,
                prop::collection::vec(prop::sample::select(PIECES), 0..8),
            )
        })
        .prop_map(|(bom, blank, open, nl, (mut lines, repeat), noise, close, body)| {
            if repeat && !lines.is_empty() {
                lines.push(lines[0]);
            }
            let mut text = format!("{bom}{blank}{open}{nl}");
            for line in lines {
                text.push_str(line);
                text.push_str(nl);
            }
            if !noise.is_empty() {
                // Noise goes on a line of its own, before the closing fence.
                text.push_str(&noise.concat());
                text.push_str(nl);
            }
            text.push_str(close);
            text.push_str(nl);
            text.push_str(&body.concat());
            text
        })
}

/// Text shaped like a post, or made of the pieces above in any order, or any string at all.
fn post_text() -> impl Strategy<Value = String> {
    let free = prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|v| v.concat());
    prop_oneof![3 => shaped_post(), 2 => free, 1 => any::<String>()]
}

fn all_rules() -> Settings {
    let cli = CliOverrides {
        select: Some(vec!["ALL".into()]),
        ..Default::default()
    };
    Settings::resolve(None, &cli, Path::new(".")).expect("ALL is a valid selector")
}

fn check_span(text: &str, span: &std::ops::Range<usize>, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what}: start after end: {span:?}");
    prop_assert!(
        span.end <= text.len(),
        "{what}: {span:?} runs past the {}-byte text",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start),
        "{what}: start {} inside a character",
        span.start
    );
    prop_assert!(
        text.is_char_boundary(span.end),
        "{what}: end {} inside a character",
        span.end
    );
    Ok(())
}

const BOM: char = '\u{feff}';

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn linting_never_panics_and_spans_are_valid(text in post_text()) {
        let settings = all_rules();
        let report = lint_source("post.md", &text, &settings);
        prop_assert!(!report.not_checked);
        for d in &report.diagnostics {
            check_span(&text, &d.primary.span, &format!("{} primary", d.code))?;
            for label in &d.secondary {
                check_span(&text, &label.span, &format!("{} secondary", d.code))?;
            }
            if let Some(fix) = &d.fix {
                check_span(&text, &fix.span, &format!("{} fix", d.code))?;
            }
            for offset in [d.primary.span.start, d.primary.span.end] {
                let p = report.source.position(offset);
                prop_assert_eq!((p.line, p.column), naive_line_col(&text, offset), "{} at byte {}", d.code, offset);
            }
        }
        // Every format renders whatever was found.
        let reports = std::slice::from_ref(&report);
        let style = Style { color: false, links: false, width: 100, unsafe_fixes: false, group: false };
        let _ = formatter(FormatKind::Full, style).render(reports);
        let _ = formatter(FormatKind::Concise, style).render(reports);
        let _ = formatter(FormatKind::Html, style).render(reports);
        let _ = formatter(FormatKind::Markdown, style).render(reports);
        let json = formatter(FormatKind::Json, style).render(reports);
        let parsed: Vec<serde_json::Value> = serde_json::from_str(&json).expect("valid JSON");
        prop_assert_eq!(parsed.len(), report.diagnostics.len());
    }

    #[test]
    fn front_matter_spans_point_at_their_keys(text in post_text()) {
        let settings = all_rules();
        let doc = Document::parse(SourceFile::new("post.md", text.as_str()), settings.limits);
        // A key as written, compared with its value: quotes off, line folding applied.
        let unquote = |mut s: &str| {
            // Node properties (`&anchor`, `!tag`) may come first: they are part of the node.
            while s.starts_with(['&', '!']) {
                s = s.split_once(char::is_whitespace).map_or("", |(_, rest)| rest).trim_start();
            }
            let inner = match s.chars().next() {
                Some(q @ ('"' | '\'')) if s.len() >= 2 && s.ends_with(q) => &s[1..s.len() - 1],
                _ => s,
            };
            inner.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        if let Some(fm) = &doc.front_matter {
            if let Some(root) = fm.index.get("") {
                check_span(&text, &root.value, "root value")?;
            }
            for (key, _) in fm.value.as_object().into_iter().flatten() {
                let pointer = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
                // Keys brought in by a merge (`<<: *base`) have no spans of their own.
                let Some(node) = fm.index.get(&pointer) else { continue };
                check_span(&text, &node.value, &format!("{pointer} value"))?;
                // A null key (`? ` alone, `~:`) and a collection used as a key (`[a]: 1`) are
                // written differently from their JSON names.
                let literal = key != "null" && !key.starts_with(['[', '{']);
                if let Some(key_span) = node.key.as_ref().filter(|_| literal) {
                    check_span(&text, key_span, &format!("{pointer} key"))?;
                    let folded = key.split_whitespace().collect::<Vec<_>>().join(" ");
                    prop_assert_eq!(unquote(&text[key_span.clone()]), folded, "key span of {}", pointer);
                }
            }
            for dup in fm.duplicates.iter().filter(|d| d.key != "null" && !d.key.starts_with(['[', '{'])) {
                check_span(&text, &dup.first, "duplicate first")?;
                check_span(&text, &dup.second, "duplicate second")?;
                prop_assert!(dup.first.end <= dup.second.start, "first {:?} after second {:?}", dup.first, dup.second);
                let folded = dup.key.split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert_eq!(unquote(&text[dup.first.clone()]), folded.clone());
                prop_assert_eq!(unquote(&text[dup.second.clone()]), folded);
            }
        }
        if let Some(err) = &doc.front_matter_error {
            prop_assert!(err.offset <= text.len(), "error offset {} past the end", err.offset);
            let block = doc.split.front_matter.as_ref().expect("an error needs a front matter block");
            prop_assert!(err.offset >= block.content.start && err.offset <= block.content.end,
                "error at {} outside the front matter {:?}", err.offset, block.content);
        }
    }

    #[test]
    fn bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let report = lint_bytes("post.md", &bytes, &all_rules());
        if report.not_checked {
            prop_assert_eq!(report.diagnostics.len(), 1);
            prop_assert_eq!(report.diagnostics[0].code, "PL000");
        }
        let text = &report.source.text;
        for d in &report.diagnostics {
            check_span(text, &d.primary.span, d.code)?;
        }
    }

    #[test]
    fn split_ranges_are_ordered_and_on_char_boundaries(text in post_text()) {
        let s = split(&text);
        let mut at = 0;
        let mut step = |r: &std::ops::Range<usize>, what: &str| -> Result<(), TestCaseError> {
            check_span(&text, r, what)?;
            prop_assert!(r.start >= at, "{what} {r:?} starts before {at}");
            at = r.end;
            Ok(())
        };
        if let Some(bom) = &s.bom {
            prop_assert_eq!(bom.clone(), 0..3);
            prop_assert!(text.starts_with(BOM), "a BOM found where there is none");
        } else {
            prop_assert!(!text.starts_with(BOM), "the BOM was missed");
        }
        if let Some(bom) = &s.bom { step(bom, "bom")?; }
        if let Some(blank) = &s.leading_blank {
            step(blank, "leading blank")?;
            prop_assert!(text[blank.clone()].chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n')), "not blank: {:?}", &text[blank.clone()]);
        }
        match &s.front_matter {
            Some(fm) => {
                step(&fm.open, "open")?;
                prop_assert_eq!(text[fm.open.clone()].trim_end_matches([' ', '\t']), fm.kind.fence());
                step(&fm.content, "content")?;
                if let Some(close) = &fm.close {
                    step(close, "close")?;
                }
                step(&s.body, "body")?;
            }
            None => {
                prop_assert!(s.leading_blank.is_none());
                prop_assert_eq!(s.body.clone(), 0..text.len());
            }
        }
        prop_assert_eq!(s.body.end, text.len());
    }

    #[test]
    fn positions_round_trip_through_the_line_index(text in post_text()) {
        let file = SourceFile::new("post.md", text.as_str());
        let mut last = (0, 0);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let p = file.position(offset);
            prop_assert!(p.line >= 1 && p.column >= 1);
            // The line index counts the BOM as the first character of line 1; positions do not.
            let bom = usize::from(p.line == 1 && text.starts_with(BOM) && offset >= 3);
            prop_assert_eq!(file.lines.offset_of(&text, p.line - 1, p.column - 1 + bom), offset, "at {:?}", p);
            prop_assert_eq!((p.line, p.column), naive_line_col(&text, offset));
            prop_assert!((p.line, p.column) > last || offset <= 3 * bom, "positions go backwards at byte {}", offset);
            last = (p.line, p.column);
        }
        prop_assert_eq!(file.lines.line_count(), file.position(text.len()).line);
    }
}

#[test]
fn naive_line_col_counts_characters_and_every_line_break() {
    let text = "a\r\n标题\rb\nc";
    assert_eq!(naive_line_col(text, 1), (1, 2));
    assert_eq!(naive_line_col(text, 2), (1, 3));
    assert_eq!(naive_line_col(text, 3), (2, 1));
    assert_eq!(naive_line_col(text, 6), (2, 2));
    assert_eq!(naive_line_col(text, 10), (3, 1));
    assert_eq!(naive_line_col(text, text.len()), (4, 2));
}
