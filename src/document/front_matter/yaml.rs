//! YAML front matter to a JSON value plus a JSON pointer -> span index, from saphyr's event stream.
//!
//! Building the value from events (rather than saphyr's loader) lets one pass record every key and
//! value span, both places of a duplicate key, and stop alias bombs and runaway nesting with a
//! budget instead of running out of memory or stack.

mod builder;
mod lenient;
mod scalar;

use std::ops::Range;

use saphyr_parser::{Parser, Span, SpannedEventReceiver};
use serde_json::Value;

use super::{FrontMatterError, ParsedFrontMatter};
use crate::source::{LineIndex, SourceFile};
use builder::Builder;

/// Limits that keep hostile YAML from exhausting memory or time.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    pub max_depth: usize,
    /// Nodes created by alias expansion, in all.
    pub max_alias_nodes: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: 128,
            max_alias_nodes: 100_000,
        }
    }
}

/// Where the YAML text sits in the file, so that parser markers (1-based line, character column)
/// become byte offsets into the whole file.
pub struct Placement<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    /// The byte range of the file that was parsed.
    pub range: Range<usize>,
    /// Lines the parser saw before the first line of `range` (a wrapper such as JSON's `{`).
    pub lines_before: usize,
    /// Lines (0-based, relative to `range`) given one extra leading space before parsing.
    pub shifted: Vec<usize>,
}

impl<'a> Placement<'a> {
    /// `range` of `source`, parsed as it stands.
    pub fn at(source: &'a SourceFile, range: Range<usize>) -> Self {
        Placement {
            text: &source.text,
            lines: &source.lines,
            range,
            lines_before: 0,
            shifted: Vec::new(),
        }
    }

    fn offset(&self, line: usize, col: usize) -> usize {
        let first = self.lines.line_of(self.range.start);
        let Some(rel) = line.checked_sub(1 + self.lines_before) else {
            return self.range.start;
        };
        let col = if self.shifted.binary_search(&rel).is_ok() {
            col.saturating_sub(1)
        } else {
            col
        };
        // saphyr does not count a byte order mark at the start of the text as a column.
        let col = if rel == 0 && self.text[self.range.clone()].starts_with('\u{feff}') {
            col + 1
        } else {
            col
        };
        self.lines
            .offset_of(self.text, first + rel, col)
            .clamp(self.range.start, self.range.end)
    }

    fn span(&self, span: Span) -> Range<usize> {
        let start = self.offset(span.start.line(), span.start.col());
        let end = self.offset(span.end.line(), span.end.col()).max(start);
        start..end
    }
}

/// Parse `input` (the front matter, maybe wrapped) placed at `place` in the file.
pub fn parse(
    input: &str,
    place: &Placement<'_>,
    limits: YamlLimits,
) -> Result<ParsedFrontMatter, FrontMatterError> {
    let first = parse_once(input, place, limits);
    match &first {
        Err(err) if err.message.contains("indentation") => {
            let lines = lenient::continuation_lines(input);
            if lines.is_empty() {
                return first;
            }
            let shifted_input = lenient::shift_lines(input, &lines);
            let shifted = Placement {
                text: place.text,
                lines: place.lines,
                range: place.range.clone(),
                lines_before: place.lines_before,
                shifted: lines
                    .iter()
                    .filter_map(|l| l.checked_sub(place.lines_before))
                    .collect(),
            };
            parse_once(&shifted_input, &shifted, limits).or(first)
        }
        _ => first,
    }
}

fn parse_once(
    input: &str,
    place: &Placement<'_>,
    limits: YamlLimits,
) -> Result<ParsedFrontMatter, FrontMatterError> {
    let mut builder = Builder::new(place, limits);
    let mut parser = Parser::new_from_str(input);
    // Pull events one by one: `Parser::load` recurses once per nesting level, and a deeply
    // nested document overflows the stack; this loop also stops at the first limit hit.
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => builder.on_event(event, span),
            Err(err) => return Err(builder.scan_error(&err)),
        }
        if builder.error.is_some() {
            break;
        }
    }
    if let Some(err) = builder.error.take() {
        return Err(err);
    }
    let value = builder.root.take().unwrap_or(Value::Null);
    Ok(ParsedFrontMatter {
        value,
        index: builder.index,
        duplicates: builder.duplicates,
    })
}

/// saphyr's messages are terse parser states; say what the author did wrong where we can.
fn readable(info: &str) -> String {
    let lower = info.to_ascii_lowercase();
    let hint = if lower.contains("did not find expected key") {
        "expected a `key: value` line here; check the indentation and that quotes are closed"
    } else if lower.contains("mapping values are not allowed") {
        "a `: ` inside a plain value starts a new mapping; quote the value"
    } else if lower.contains("did not find expected <document start>")
        || lower.contains("document start")
    {
        "text after the front matter's value; check quotes and indentation"
    } else if lower.contains("recursion limit") {
        "brackets nested too deeply"
    } else if lower.contains("tab") {
        "YAML does not allow tabs for indentation; use spaces"
    } else if lower.contains("while scanning a quoted scalar")
        || lower.contains("unexpected end of stream")
    {
        "a quoted value is not closed"
    } else {
        ""
    };
    if hint.is_empty() {
        info.to_owned()
    } else {
        format!("{info} ({hint})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn parse_all(text: &str) -> Result<ParsedFrontMatter, FrontMatterError> {
        let lines = LineIndex::new(text);
        let place = Placement {
            text,
            lines: &lines,
            range: 0..text.len(),
            lines_before: 0,
            shifted: Vec::new(),
        };
        parse(text, &place, YamlLimits::default())
    }

    #[test]
    fn values_and_spans() {
        let text = "title: '你好'\ntags:\n  - a\n  - 2\nflow: [x, y]\nmap: {k: v}\nblock: |\n  line\n\nend: ~\n";
        let p = parse_all(text).unwrap();
        assert_eq!(p.value["title"], "你好");
        assert_eq!(p.value["tags"][1], 2);
        assert_eq!(p.value["end"], Value::Null);
        let at = |ptr: &str| &text[p.index.get(ptr).unwrap().value.clone()];
        assert_eq!(at("/title"), "'你好'");
        assert_eq!(at("/tags/0"), "a");
        assert_eq!(at("/flow"), "[x, y]");
        assert_eq!(at("/map"), "{k: v}");
        assert_eq!(at("/map/k"), "v");
        assert_eq!(at("/block"), "line");
        assert_eq!(
            &text[p.index.get("/tags").unwrap().key.clone().unwrap()],
            "tags"
        );
    }

    #[test]
    fn duplicates_keep_both_places() {
        let text = "a: 1\nb: 2\na: 3\n";
        let p = parse_all(text).unwrap();
        assert_eq!(p.value["a"], 3);
        assert_eq!(p.duplicates.len(), 1);
        assert_eq!(p.duplicates[0].first, 0..1);
        assert_eq!(p.duplicates[0].second, 10..11);
    }

    #[test]
    fn alias_bomb_and_depth_are_limited() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = (b'a' + i - 1) as char;
            let cur = (b'a' + i) as char;
            bomb.push_str(&format!("{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert!(parse_all(&bomb)
            .unwrap_err()
            .message
            .contains("aliases expand"));
        let deep = format!("a: {}{}", "[".repeat(500), "]".repeat(500));
        assert!(parse_all(&deep)
            .unwrap_err()
            .message
            .contains("nested too deeply"));
        let block: String = (0..300).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert!(parse_all(&block)
            .unwrap_err()
            .message
            .contains("nesting deeper than"));
    }

    #[test]
    fn merge_keys() {
        let p = parse_all("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n").unwrap();
        assert_eq!(p.value["d"]["x"], 1);
        assert_eq!(p.value["d"]["y"], 3);
    }

    #[test]
    fn errors_are_placed_in_the_file() {
        let text = "title: \"\"\"\"'第1集'\"\"\"\nb: 1\n";
        let err = parse_all(text).unwrap_err();
        assert!(err.offset > 0 && err.offset <= text.len());
    }

    #[test]
    fn column_zero_continuations_are_accepted_like_libyaml() {
        let text = "aliases: [\n  '/a/',\n]\ntitle: \"Ruby Fukuoka 2022 - los programas\njuzgados por Matz\"\nb: 1\n";
        let p = parse_all(text).unwrap();
        assert_eq!(p.value["aliases"][0], "/a/");
        assert_eq!(
            p.value["title"],
            "Ruby Fukuoka 2022 - los programas juzgados por Matz"
        );
        assert_eq!(
            &text[p.index.get("/aliases").unwrap().value.clone()],
            "[\n  '/a/',\n]"
        );
        assert_eq!(&text[p.index.get("/b").unwrap().value.clone()], "1");
        // A plain scalar continued at column 0 stays an error, as in every YAML library.
        assert!(parse_all("title: foo\nbar\nb: 1\n").is_err());
    }
}
