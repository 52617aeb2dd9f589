//! The few source lines shown with each finding in the HTML report, cut so that a post written
//! on one long line (minified HTML, a bot's whole article) still gives a short excerpt.

use serde::Serialize;

use crate::source::{clamp_span, SourceFile};

/// Lines of context above and below the finding's span.
const CONTEXT: usize = 1;
/// At most this many lines of the span itself.
const SPAN_LINES: usize = 4;
/// A shown line keeps this many characters on each side of its highlight.
const PAD: usize = 60;
/// A highlight longer than this many characters is shortened in the middle.
const MARK: usize = 160;

/// One shown line: its number (1-based), and its text as the text before the highlight, the
/// highlight, and the text after it; a cut is marked with `…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcerptLine(pub usize, pub String, pub String, pub String);

pub fn excerpt(source: &SourceFile, span: std::ops::Range<usize>) -> Vec<ExcerptLine> {
    let text: &str = &source.text;
    if text.is_empty() {
        return Vec::new();
    }
    let span = clamp_span(text, span);
    let lines = &source.lines;
    let first = lines.line_of(span.start);
    let last = lines
        .line_of(span.end.saturating_sub(1).max(span.start))
        .min(first + SPAN_LINES - 1);
    let from = first.saturating_sub(CONTEXT);
    let to = (last + CONTEXT).min(lines.line_count() - 1);
    (from..=to)
        .map(|n| {
            let range = lines.line_range(text, n);
            let start = range.start;
            let line = text[range].trim_end_matches(['\n', '\r']);
            let end = start + line.len();
            if n < first || n > last {
                return ExcerptLine(n + 1, head(line, 2 * PAD), String::new(), String::new());
            }
            let (a, b) = (span.start.clamp(start, end), span.end.clamp(start, end));
            let (before, mark, after) = (&text[start..a], &text[a..b], &text[b..end]);
            ExcerptLine(
                n + 1,
                tail(before, PAD),
                middle(mark, MARK),
                head(after, PAD),
            )
        })
        .collect()
}

/// The last `n` characters of `s`, with `…` before them when more came first.
fn tail(s: &str, n: usize) -> String {
    match s.char_indices().rev().nth(n) {
        Some((i, c)) => format!("…{}", &s[i + c.len_utf8()..]),
        None => s.to_owned(),
    }
}

/// The first `n` characters of `s`, with `…` after them when more follow.
fn head(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// `s` with its middle left out when it has more than `n` characters.
fn middle(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_owned();
    }
    let half = n / 2;
    let front = head(s, half);
    let back = tail(s, half);
    format!("{}{}", front.trim_end_matches('…'), back)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_on_a_short_line_keeps_the_line_whole() {
        let src = SourceFile::new("p.md", "一\n二 <img src=x>\n三\n四\n");
        let at = src.text.find("<img").unwrap();
        let lines = excerpt(&src, at..at + "<img src=x>".len());
        assert_eq!(
            lines,
            vec![
                ExcerptLine(1, "一".into(), "".into(), "".into()),
                ExcerptLine(2, "二 ".into(), "<img src=x>".into(), "".into()),
                ExcerptLine(3, "三".into(), "".into(), "".into()),
            ]
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_highlight() {
        let text = format!("{}<b>{}\n", "字".repeat(500), "x".repeat(500));
        let src = SourceFile::new("p.md", text.as_str());
        let at = text.find("<b>").unwrap();
        let lines = excerpt(&src, at..at + 3);
        let ExcerptLine(n, before, mark, after) = &lines[0];
        assert_eq!(*n, 1);
        assert_eq!(before, &format!("…{}", "字".repeat(PAD)));
        assert_eq!(mark, "<b>");
        assert_eq!(after, &format!("{}…", "x".repeat(PAD)));
    }

    #[test]
    fn a_long_highlight_is_shortened_in_the_middle() {
        let text = "y".repeat(1000);
        let src = SourceFile::new("p.md", text.as_str());
        let lines = excerpt(&src, 0..1000);
        assert_eq!(lines[0].2.chars().count(), MARK + 1);
        assert!(lines[0].2.contains('…'));
    }

    #[test]
    fn an_empty_file_has_no_excerpt() {
        assert!(excerpt(&SourceFile::new("p.md", ""), 0..0).is_empty());
    }
}
