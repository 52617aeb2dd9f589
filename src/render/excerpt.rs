//! The snippet of one finding when a line it shows is very long (minified HTML, a whole post on
//! one line, a megabyte YAML value): each such line is cut to windows around the label ends,
//! with `…` where text was left out. Without this a finding on a 1.5 MB line printed the whole
//! line, and 500 findings on it printed 750 MB.

use std::collections::BTreeSet;
use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::LineIndex;

/// Lines longer than this many bytes are cut.
pub const LONG_LINE: usize = 1000;
/// Characters kept on each side of a label's start and end on a cut line.
const PAD: usize = 80;
const GAP: &str = "…";

/// One line of the excerpt: the original line number and where its kept pieces came from.
struct Line {
    /// 0-based line number in the file.
    number: usize,
    /// Byte range in the excerpt's text, line end included.
    range: Range<usize>,
    /// (start in the excerpt, range in the file) of each piece copied from the file.
    pieces: Vec<(usize, Range<usize>)>,
}

pub struct Excerpt<'a> {
    name: &'a str,
    file: &'a str,
    index: &'a LineIndex,
    text: String,
    lines: Vec<Line>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt showing `spans` (file byte ranges on char boundaries) with `context` lines
    /// around them, or `None` when no line it would show is longer than [`LONG_LINE`].
    pub fn build(
        name: &'a str,
        file: &'a str,
        index: &'a LineIndex,
        spans: &[Range<usize>],
        context: usize,
    ) -> Option<Excerpt<'a>> {
        let line_range = |n: usize| index.line_range(file, n);
        let shown = |span: &Range<usize>| {
            let first = index.line_of(span.start);
            let last = index.line_of(span.end.saturating_sub(1).max(span.start));
            first.saturating_sub(context)..=(last + context).min(index.line_count() - 1)
        };
        // Most snippets have no long line: decide that before collecting anything.
        if !spans
            .iter()
            .any(|s| shown(s).any(|n| line_range(n).len() > LONG_LINE))
        {
            return None;
        }
        let numbers: BTreeSet<usize> = spans.iter().flat_map(shown).collect();
        let mut excerpt = Excerpt {
            name,
            file,
            index,
            text: String::new(),
            lines: Vec::with_capacity(numbers.len()),
        };
        for n in numbers {
            let range = line_range(n);
            let ends: Vec<usize> = spans
                .iter()
                .flat_map(|s| [s.start, s.end])
                .filter(|p| range.contains(p) || *p == range.end && range.end == file.len())
                .collect();
            excerpt.push_line(n, range, &ends);
        }
        Some(excerpt)
    }

    fn push_line(&mut self, number: usize, range: Range<usize>, ends: &[usize]) {
        let file = self.file;
        let start = self.text.len();
        let mut pieces = Vec::new();
        if range.len() <= LONG_LINE {
            pieces.push((start, range.clone()));
            self.text.push_str(&file[range.clone()]);
        } else {
            let content_end =
                range.start + file[range.clone()].trim_end_matches(['\n', '\r']).len();
            let mut windows: Vec<Range<usize>> = if ends.is_empty() {
                let head = range.start..forward(file, range.start, 2 * PAD, content_end);
                Vec::from([head])
            } else {
                ends.iter()
                    .map(|&p| {
                        let p = p.min(content_end);
                        back(file, p, PAD, range.start)..forward(file, p, PAD, content_end)
                    })
                    .collect()
            };
            windows.sort_by_key(|w| w.start);
            let mut merged: Vec<Range<usize>> = Vec::new();
            for w in windows {
                match merged.last_mut() {
                    Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
                    _ => merged.push(w),
                }
            }
            let mut at = range.start;
            for w in merged {
                if w.start > at {
                    self.text.push_str(GAP);
                }
                pieces.push((self.text.len(), w.clone()));
                self.text.push_str(&file[w.clone()]);
                at = w.end;
            }
            if at < content_end {
                self.text.push_str(GAP);
            }
            pieces.push((self.text.len(), content_end..range.end));
            self.text.push_str(&file[content_end..range.end]);
        }
        self.lines.push(Line {
            number,
            range: start..self.text.len(),
            pieces,
        });
    }

    /// Where the file's byte `offset` is in the excerpt (the nearest kept byte if it was cut).
    pub fn to_excerpt(&self, offset: usize) -> usize {
        let line = self.index.line_of(offset);
        let i = match self.lines.binary_search_by_key(&line, |l| l.number) {
            Ok(i) => i,
            // A label ending at the start of a line not shown ends with the line before it.
            Err(i) => return self.lines.get(i.wrapping_sub(1)).map_or(0, |l| l.range.end),
        };
        let pieces = &self.lines[i].pieces;
        pieces
            .iter()
            .find(|(_, r)| r.start <= offset && offset <= r.end)
            .or_else(|| pieces.iter().find(|(_, r)| r.start > offset))
            .map_or(self.lines[i].range.end, |(at, r)| {
                at + offset.saturating_sub(r.start)
            })
    }

    /// Where the excerpt's byte `offset` came from in the file.
    fn to_file(&self, offset: usize) -> usize {
        let i = self
            .lines
            .partition_point(|l| l.range.start <= offset)
            .saturating_sub(1);
        let Some(line) = self.lines.get(i) else {
            return 0;
        };
        line.pieces
            .iter()
            .rev()
            .find(|(at, _)| *at <= offset)
            .map_or(self.index.line_start(line.number), |(at, r)| {
                (r.start + (offset - at)).min(r.end)
            })
    }

    fn line_index_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.range.start <= offset)
            .saturating_sub(1)
    }
}

/// The byte offset `chars` characters before `at`, not before `floor`.
fn back(text: &str, at: usize, chars: usize, floor: usize) -> usize {
    text[floor..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(floor, |(i, _)| floor + i)
}

/// The byte offset `chars` characters after `at`, not after `ceil`.
fn forward(text: &str, at: usize, chars: usize, ceil: usize) -> usize {
    text[at..ceil]
        .char_indices()
        .nth(chars)
        .map_or(ceil, |(i, _)| at + i)
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let (start, len) = (span.offset(), span.len());
        if start + len > self.text.len() || self.lines.is_empty() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_index_of(start);
        let last = self.line_index_of(if len == 0 { start } else { start + len - 1 });
        // Context stays within lines that follow each other in the file.
        let mut a = first;
        while a > 0 && first - a < before && self.lines[a - 1].number + 1 == self.lines[a].number {
            a -= 1;
        }
        let mut b = last;
        while b + 1 < self.lines.len()
            && b - last < after
            && self.lines[b].number + 1 == self.lines[b + 1].number
        {
            b += 1;
        }
        let data = self.lines[a].range.start..self.lines[b].range.end;
        let column = if before == 0 {
            self.index.position(self.file, self.to_file(start)).column - 1
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            &self.text.as_bytes()[data.clone()],
            SourceSpan::from(data),
            self.lines[a].number,
            column,
            b - a + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_label_ends_and_offsets_map_both_ways() {
        let line = format!("{}<img src=x>{}", "长".repeat(1000), "文".repeat(1000));
        let file = format!("---\n{line}\nshort\n");
        let index = LineIndex::new(&file);
        let img = file.find("<img").unwrap()..file.find("x>").unwrap() + 2;
        let ex = Excerpt::build("p.md", &file, &index, std::slice::from_ref(&img), 1).unwrap();
        let shown = ex.to_excerpt(img.start)..ex.to_excerpt(img.end);
        assert_eq!(&ex.text[shown.clone()], "<img src=x>");
        assert_eq!(ex.to_file(shown.start), img.start);
        assert!(ex.text.starts_with("---\n…长"));
        assert!(ex.text.ends_with("文…\nshort\n"));
        assert_eq!(ex.text.matches('长').count(), PAD);
        assert_eq!(ex.text.matches('文').count(), PAD);
    }

    #[test]
    fn short_snippets_are_left_to_the_plain_path() {
        let file = "---\ntitle: a\n---\n";
        let index = LineIndex::new(file);
        let title = 4..9;
        assert!(Excerpt::build("p.md", file, &index, std::slice::from_ref(&title), 1).is_none());
    }
}
