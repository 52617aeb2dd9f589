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
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            ascii: text.is_ascii(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where the 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
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
            text[start..offset].chars().count()
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
        text[start..end]
            .char_indices()
            .nth(column)
            .map_or(end, |(i, _)| start + i)
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

    #[test]
    fn offsets_inside_a_character_snap_back() {
        let file = SourceFile::new("t.md", "你");
        assert_eq!(file.position(2), Position { line: 1, column: 1 });
    }
}
