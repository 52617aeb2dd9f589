//! The edits PL002's fix makes: a comment that suppresses nothing goes, with its line when it
//! stands alone; a selector that suppresses nothing goes with its separator.

use std::ops::Range;

/// The bytes to delete to remove the comment at `span`, or `None` when removing it could change
/// how the post reads: in the body, a comment alone on a line between two lines of text keeps
/// the text in two blocks (in Markdown it ends the paragraph above), so taking its line out
/// would join them. In front matter (`in_body` false) a comment line is only a comment.
pub fn comment(text: &str, span: Range<usize>, in_body: bool) -> Option<Range<usize>> {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let before = &text[line_start..span.start];
    let after = text[span.end..line_end].trim_end_matches('\r');
    let blank = |s: &str| s.trim_matches([' ', '\t']).is_empty();
    match (blank(before), blank(after)) {
        (true, true) => {
            let prev_blank = line_start == 0 || {
                let prev_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
                text[prev_start..line_start].trim().is_empty()
            };
            let next_start = (line_end + 1).min(text.len());
            let next_end = text[next_start..]
                .find('\n')
                .map_or(text.len(), |i| next_start + i);
            let next_blank =
                next_start >= text.len() || text[next_start..next_end].trim().is_empty();
            if in_body && !prev_blank && !next_blank {
                return None;
            }
            Some(line_start..next_start.max(line_end))
        }
        // Text before it: the comment and the spaces that set it off.
        (false, _) => {
            Some(span.start - (before.len() - before.trim_end_matches([' ', '\t']).len())..span.end)
        }
        // Text after it only: the comment and the spaces after it.
        (true, false) => {
            let rest = &text[span.end..line_end];
            Some(span.start..span.end + (rest.len() - rest.trim_start_matches([' ', '\t']).len()))
        }
    }
}

/// The bytes to delete to remove the selector at `span` from its comment, with one separator:
/// the commas and spaces after it when another selector follows, else those before it. Only
/// separators go with it, never a neighbouring word.
pub fn selector(text: &str, span: Range<usize>) -> Range<usize> {
    let is_separator = |c: char| c == ',' || c == ' ' || c == '\t';
    let rest = &text[span.end..];
    let gap = rest.len() - rest.trim_start_matches(is_separator).len();
    let next = &rest[gap..];
    let another_follows =
        !next.is_empty() && !next.starts_with("--") && !next.starts_with(['\n', '\r']);
    if another_follows {
        span.start..span.end + gap
    } else {
        let before = &text[..span.start];
        span.start - (before.len() - before.trim_end_matches(is_separator).len())..span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str, needle: &str) -> Option<String> {
        let start = text.find(needle).unwrap();
        let range = comment(text, start..start + needle.len(), !needle.starts_with('#'))?;
        Some(format!("{}{}", &text[..range.start], &text[range.end..]))
    }

    #[test]
    fn a_comment_alone_on_its_line_goes_with_the_line() {
        let c = "<!-- postlint-disable-next-line HT005 -->";
        assert_eq!(
            removed(&format!("a\n\n{c}\n<img>\n"), c).as_deref(),
            Some("a\n\n<img>\n")
        );
        assert_eq!(
            removed(&format!("a\n\n  {c}\r\n\r\nb\r\n"), c).as_deref(),
            Some("a\n\n\r\nb\r\n")
        );
        assert_eq!(removed(c, c).as_deref(), Some(""));
        assert_eq!(removed(&format!("x\n\n{c}"), c).as_deref(), Some("x\n\n"));
    }

    #[test]
    fn a_comment_between_two_lines_of_text_is_left() {
        let c = "<!-- postlint-disable-next-line -->";
        assert_eq!(removed(&format!("para one\n{c}\npara two\n"), c), None);
    }

    #[test]
    fn an_inline_comment_goes_with_the_spaces_that_set_it_off() {
        let c = "<!-- postlint-disable-line HT005 -->";
        assert_eq!(
            removed(&format!("中文 <img>  {c}\n"), c).as_deref(),
            Some("中文 <img>\n")
        );
        assert_eq!(
            removed(&format!("{c} 正文\n"), c).as_deref(),
            Some("正文\n")
        );
        let yaml = "title: x # postlint-disable-line FM103";
        assert_eq!(
            removed(&format!("{yaml}\n"), "# postlint-disable-line FM103").as_deref(),
            Some("title: x\n")
        );
        // A front-matter comment line between two keys goes with its line.
        assert_eq!(
            removed(
                "a: 1\n# postlint-disable-line FM103\nb: 2\n",
                "# postlint-disable-line FM103"
            )
            .as_deref(),
            Some("a: 1\nb: 2\n")
        );
    }

    #[test]
    fn a_selector_goes_with_one_separator() {
        let cut = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            let r = selector(text, start..start + word.len());
            format!("{}{}", &text[..r.start], &text[r.end..])
        };
        let c = "<!-- postlint-disable-line HT005, IMG003 FM103 -- why -->";
        assert_eq!(
            cut(c, "HT005"),
            "<!-- postlint-disable-line IMG003 FM103 -- why -->"
        );
        assert_eq!(
            cut(c, "IMG003"),
            "<!-- postlint-disable-line HT005, FM103 -- why -->"
        );
        assert_eq!(
            cut(c, "FM103"),
            "<!-- postlint-disable-line HT005, IMG003 -- why -->"
        );
        let c = "<!-- postlint-disable-line HT005 IMG003 -->";
        assert_eq!(cut(c, "IMG003"), "<!-- postlint-disable-line HT005 -->");
        let y = "draft: yes # postlint-disable-line FM103, FM104\ntitle: x";
        assert_eq!(
            cut(y, "FM104"),
            "draft: yes # postlint-disable-line FM103\ntitle: x"
        );
        // A word that is no selector (PL001 reports it) stays.
        let c = "<!-- postlint-disable-line HT005 nonsense IMG003 -->";
        assert_eq!(
            cut(c, "HT005"),
            "<!-- postlint-disable-line nonsense IMG003 -->"
        );
    }
}
