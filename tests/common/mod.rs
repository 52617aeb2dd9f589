//! Helpers shared by the integration tests. Each test file uses a different subset.
#![allow(dead_code)]

use std::path::PathBuf;

/// The real posts of `../shared/corpus`, read in place.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus"))
}

/// A temporary directory holding `files` (path relative to the directory, content).
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (rel, content) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

/// 1-based line and character column of `offset`, counted naively and independently of
/// postlint's line index: `\n`, `\r\n` and a lone `\r` end a line; a `\r` whose `\n` lies after
/// `offset` has not ended its line yet; a leading byte order mark takes no column, as in editors.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let skip = if text.starts_with('\u{feff}') && offset >= 3 {
        3
    } else {
        0
    };
    let (mut line, mut col) = (1, 1);
    let mut chars = text[skip..offset].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => (line, col) = (line + 1, 1),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                (line, col) = (line + 1, 1);
            }
            '\r' if chars.peek().is_none() && text[offset..].starts_with('\n') => col += 1,
            '\r' => (line, col) = (line + 1, 1),
            _ => col += 1,
        }
    }
    (line, col)
}
