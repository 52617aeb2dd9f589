//! File text and the line index that turns byte offsets into 1-based lines and character columns.

use std::ops::Range;
use std::sync::Arc;

/// One file's text, shared by its document and every diagnostic about it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user should see it (relative where the user gave a relative path).
    pub name: String,
    pub text: Arc<str>,
    pub lines: Arc<LineIndex>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        let lines = Arc::new(LineIndex::new(&text));
        SourceFile {
            name: name.into(),
            text,
            lines,
        }
    }

    /// Line (1-based) and column (1-based, in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }
}

/// A place in a file as people count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets of line starts. `\n`, `\r\n` and a lone `\r` all end a line, as in YAML and in
/// editors, so CR-only files get real line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    ascii: bool,
    /// For non-ASCII text, the characters in `text[..k * CHAR_BLOCK]` for each `k`: columns on
    /// a multi-megabyte line then cost one block's scan, not the line's (a one-line flow
    /// mapping of 100,000 Chinese keys took minutes without it).
    block_chars: Vec<usize>,
}

/// Bytes per entry of [`LineIndex::block_chars`].
const CHAR_BLOCK: usize = 1024;

/// Characters that start in `bytes`: every byte but UTF-8 continuation bytes.
fn chars_starting_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut after_cr = None;
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' && after_cr == Some(i) {
                // The `\n` of a `\r\n`: its line already started after it.
                if let Some(last) = starts.last_mut() {
                    *last = i + 1;
                }
                continue;
            }
            starts.push(i + 1);
            after_cr = (bytes[i] == b'\r').then_some(i + 1);
        }
        let ascii = text.is_ascii();
        let mut block_chars = Vec::new();
        if !ascii {
            block_chars.push(0);
            let mut total = 0;
            for block in bytes.chunks(CHAR_BLOCK) {
                total += chars_starting_in(block);
                block_chars.push(total);
            }
        }
        LineIndex {
            starts,
            ascii,
            block_chars,
        }
    }

    /// Characters that start before byte `offset` (non-ASCII text only).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / CHAR_BLOCK;
        self.block_chars[block] + chars_starting_in(&text.as_bytes()[block * CHAR_BLOCK..offset])
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where the 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// The bytes of the 0-based line `line` of `text` (the text this index was built from),
    /// its line end included.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let end = if line + 1 < self.line_count() {
            self.line_start(line + 1)
        } else {
            text.len()
        };
        self.line_start(line)..end
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.starts[line];
        let mut column = if self.ascii {
            offset - start
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        // Editors do not show a byte order mark, so the character after it is column 1.
        if line == 0 && offset >= 3 && text.starts_with('\u{feff}') {
            column -= 1;
        }
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Byte offset of the `column`-th character (0-based) on the 0-based `line`, clamped to the
    /// line's end. This is how character-counted positions (saphyr's markers) become byte offsets.
    pub fn offset_of(&self, text: &str, line: usize, column: usize) -> usize {
        let start = self.line_start(line);
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        if self.ascii {
            return (start + column).min(end);
        }
        let target = self.chars_before(text, start) + column;
        // Start from the last block boundary with no more than `target` characters before it.
        let block = self.block_chars.partition_point(|&c| c <= target) - 1;
        let mut pos = (block * CHAR_BLOCK).clamp(start, end);
        while pos < end && !text.is_char_boundary(pos) {
            pos += 1;
        }
        let skip = target.saturating_sub(self.chars_before(text, pos));
        text[pos..end]
            .char_indices()
            .nth(skip)
            .map_or(end, |(i, _)| pos + i)
    }
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A byte range made safe for slicing `text`: inside it, on char boundaries, start <= end.
pub fn clamp_span(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start);
    let end = floor_char_boundary(text, span.end).max(start);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "标题: 你好\nb: x\r\nc\rd";
        let file = SourceFile::new("t.md", text);
        let c = text.find('你').unwrap();
        assert_eq!(file.position(c), Position { line: 1, column: 5 });
        assert_eq!(
            file.position(text.find('b').unwrap()),
            Position { line: 2, column: 1 }
        );
        assert_eq!(
            file.position(text.find('c').unwrap()),
            Position { line: 3, column: 1 }
        );
        assert_eq!(
            file.position(text.find('d').unwrap()),
            Position { line: 4, column: 1 }
        );
        assert_eq!(file.lines.offset_of(text, 0, 4), c);
        assert_eq!(file.position(text.len()), Position { line: 4, column: 2 });
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 32,
            max_shrink_iters: 200,
            ..Default::default()
        })]
        /// The block-indexed columns and offsets agree with counting from the line start, across
        /// block boundaries and on lines of every length.
        #[test]
        fn block_counts_agree_with_scanning(text in "([a-z ]{0,40}|[你好]{0,500}|\n|\r\n|\r){0,8}") {
            let lines = LineIndex::new(&text);
            let (mut line, mut column) = (0, 0);
            for (offset, c) in text.char_indices().chain(std::iter::once((text.len(), '\0'))) {
                if lines.line_start(line + 1) == offset && line + 1 < lines.line_count() {
                    proptest::prop_assert_eq!(lines.offset_of(&text, line, column + 3), offset);
                    (line, column) = (line + 1, 0);
                }
                proptest::prop_assert_eq!(lines.position(&text, offset).column, column + 1);
                proptest::prop_assert_eq!(lines.offset_of(&text, line, column), offset);
                if c != '\0' {
                    column += 1;
                }
            }
        }
    }

    #[test]
    fn columns_on_a_long_line_cross_blocks() {
        let text = format!("a\n{}\nb", "你".repeat(2000));
        let lines = LineIndex::new(&text);
        for column in [0, 340, 341, 342, 1000, 1999, 2000] {
            let offset = 2 + 3 * column;
            assert_eq!(lines.position(&text, offset).column, column + 1);
            assert_eq!(lines.offset_of(&text, 1, column), offset);
        }
        assert_eq!(lines.offset_of(&text, 1, 2001), text.len() - 1);
    }

    #[test]
    fn offsets_inside_a_character_snap_back() {
        let file = SourceFile::new("t.md", "你");
        assert_eq!(file.position(2), Position { line: 1, column: 1 });
    }
}
