//! Splitting a post into front matter and body, keeping every byte range.
//!
//! The rules here follow what generators accept: `---` YAML (closed by `---` or `...`), Hexo's
//! `;;;` JSON and Hugo's `+++` TOML. A BOM and blank lines before the opening fence are tolerated
//! (Hexo reads such posts) but recorded so a rule can report them, because Jekyll, Hugo and
//! gray-matter based tools see no front matter at all in that case.

use std::ops::Range;

/// The fences and formats live with their parsers; the old name stays for the rules using it.
use super::front_matter::Format;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterBlock {
    pub kind: Format,
    /// The opening fence, without its line break.
    pub open: Range<usize>,
    /// Everything between the fences, starting at the beginning of a line.
    pub content: Range<usize>,
    /// The closing fence, without its line break; `None` when the front matter is never closed.
    pub close: Option<Range<usize>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// A UTF-8 byte order mark at byte 0.
    pub bom: Option<Range<usize>>,
    /// Blank lines between the BOM (or byte 0) and the opening fence.
    pub leading_blank: Option<Range<usize>>,
    pub front_matter: Option<FrontMatterBlock>,
    /// The body: after the closing fence's line, or the whole text when there is no front matter.
    pub body: Range<usize>,
}

/// A line of `text` starting at `start`: its content range (no line break) and where the next
/// line starts.
fn line_at(text: &str, start: usize) -> (Range<usize>, usize) {
    let bytes = text.as_bytes();
    let mut end = start;
    while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' {
        end += 1;
    }
    let next = match bytes.get(end) {
        Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
        Some(_) => end + 1,
        None => end,
    };
    (start..end, next)
}

pub fn split(text: &str) -> Split {
    let bom = text.starts_with('\u{feff}').then_some(0..3);
    let after_bom = bom.as_ref().map_or(0, |b| b.end);

    let mut start = after_bom;
    loop {
        let (line, next) = line_at(text, start);
        if next == start || !text[line].trim_matches([' ', '\t']).is_empty() {
            break;
        }
        start = next;
    }
    let leading_blank = (start > after_bom).then_some(after_bom..start);

    let no_front_matter = |bom| Split {
        bom,
        leading_blank: None,
        front_matter: None,
        body: 0..text.len(),
    };

    let (open, mut next) = line_at(text, start);
    let Some(kind) = Format::from_fence(&text[open.clone()]) else {
        return no_front_matter(bom);
    };
    let content_start = next;
    loop {
        let (line, after) = line_at(text, next);
        if kind.closes(&text[line.clone()]) {
            return Split {
                bom,
                leading_blank,
                front_matter: Some(FrontMatterBlock {
                    kind,
                    open,
                    content: content_start..line.start,
                    close: Some(line),
                }),
                body: after..text.len(),
            };
        }
        if after == next {
            break;
        }
        next = after;
    }
    // A fence after blank lines with nothing closing it is a thematic break, not front matter.
    if leading_blank.is_some() {
        return no_front_matter(bom);
    }
    Split {
        bom,
        leading_blank,
        front_matter: Some(FrontMatterBlock {
            kind,
            open,
            content: content_start..text.len(),
            close: None,
        }),
        body: text.len()..text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_yaml() {
        let s = split("---\ntitle: a\n---\nbody\n");
        let fm = s.front_matter.unwrap();
        assert_eq!(fm.kind, Format::Yaml);
        assert_eq!(fm.open, 0..3);
        assert_eq!(fm.content, 4..13);
        assert_eq!(fm.close, Some(13..16));
        assert_eq!(s.body, 17..22);
        assert!(s.bom.is_none() && s.leading_blank.is_none());
    }

    #[test]
    fn bom_blank_lines_and_crlf() {
        let text = "\u{feff}\r\n  \r\n---\r\na: 1\r\n...\r\nx";
        let s = split(text);
        assert_eq!(s.bom, Some(0..3));
        assert_eq!(s.leading_blank, Some(3..9));
        let fm = s.front_matter.unwrap();
        assert_eq!(&text[fm.open], "---");
        assert_eq!(&text[fm.content], "a: 1\r\n");
        assert_eq!(&text[fm.close.unwrap()], "...");
        assert_eq!(&text[s.body], "x");
    }

    #[test]
    fn unclosed_and_other_kinds() {
        let s = split("---\ntitle: a\n");
        assert_eq!(s.front_matter.unwrap().close, None);
        assert_eq!(
            split("+++\na = 1\n+++\n").front_matter.unwrap().kind,
            Format::Toml
        );
        assert_eq!(
            split(";;;\n\"a\": 1\n;;;\n").front_matter.unwrap().kind,
            Format::Json
        );
        assert!(split("\n---\nno close").front_matter.is_none());
        assert!(split("# title\n---\n").front_matter.is_none());
        assert!(split("").front_matter.is_none());
        assert_eq!(split("---").front_matter.unwrap().close, None);
    }
}
