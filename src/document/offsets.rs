//! Mapping offsets in a text assembled from pieces of a file back to the file.
//!
//! An HTML fragment is often not one slice of the file: the lines of an HTML block inside a
//! blockquote lose their `> ` prefixes, and the inline HTML of a paragraph is joined with the
//! paragraph's text in between. Each piece is a segment; a verbatim segment maps byte for byte,
//! a synthetic one (text that was re-escaped, a line break standing for a soft break) maps to the
//! file range it stands for as a whole.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Where the segment starts in the assembled text.
    local: usize,
    /// Its length in the assembled text.
    len: usize,
    /// The file range it comes from.
    file: usize,
    file_len: usize,
    verbatim: bool,
}

/// Where each byte of an assembled text came from in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
    local_len: usize,
}

impl OffsetMap {
    /// The map of a text that is one slice of the file, starting at `file_start`.
    pub fn contiguous(file_start: usize, len: usize) -> Self {
        let mut map = OffsetMap::default();
        map.push_verbatim(file_start..file_start + len);
        map
    }

    /// Append a piece copied verbatim from `file` to the assembled text.
    pub fn push_verbatim(&mut self, file: Range<usize>) {
        let len = file.len();
        if let Some(last) = self.segments.last_mut() {
            // Adjacent verbatim pieces (the usual case: an HTML block at the top level) merge,
            // so a plain body is one segment and lookups stay trivial.
            if last.verbatim && last.file + last.file_len == file.start {
                last.len += len;
                last.file_len += len;
                self.local_len += len;
                return;
            }
        }
        self.segments.push(Segment {
            local: self.local_len,
            len,
            file: file.start,
            file_len: len,
            verbatim: true,
        });
        self.local_len += len;
    }

    /// Append `len` bytes of assembled text that stand for `file` as a whole.
    pub fn push_synthetic(&mut self, len: usize, file: Range<usize>) {
        self.segments.push(Segment {
            local: self.local_len,
            len,
            file: file.start,
            file_len: file.len(),
            verbatim: false,
        });
        self.local_len += len;
    }

    /// Length of the assembled text this map describes.
    pub fn local_len(&self) -> usize {
        self.local_len
    }

    /// The file range covered, from the first piece's start to the last piece's end.
    pub fn file_range(&self) -> Range<usize> {
        match (self.segments.first(), self.segments.last()) {
            (Some(first), Some(last)) => first.file..last.file + last.file_len,
            _ => 0..0,
        }
    }

    /// The file offset of a local offset used as the start of a span: at the seam between two
    /// pieces it is the start of the later piece.
    pub fn start_to_file(&self, local: usize) -> usize {
        let Some(seg) = self.segment_at_or_before(local, true) else {
            return self.file_range().start;
        };
        seg.map(local, false)
    }

    /// The file offset of a local offset used as the end of a span: at the seam between two
    /// pieces it is the end of the earlier piece.
    pub fn end_to_file(&self, local: usize) -> usize {
        let Some(seg) = self.segment_at_or_before(local, false) else {
            return self.file_range().start;
        };
        seg.map(local, true)
    }

    /// A local range as a file range (start and end mapped by their own rules).
    pub fn range_to_file(&self, local: Range<usize>) -> Range<usize> {
        let start = self.start_to_file(local.start);
        let end = if local.end <= local.start {
            start
        } else {
            self.end_to_file(local.end).max(start)
        };
        start..end
    }

    /// This map followed by `outer`: the map of a text assembled from pieces of the text that
    /// `outer` maps to the file (an attribute value decoded out of a fragment).
    pub fn then(&self, outer: &OffsetMap) -> OffsetMap {
        let mut map = OffsetMap::default();
        for seg in &self.segments {
            let (mut at, end) = (seg.file, seg.file + seg.file_len);
            if !seg.verbatim {
                map.push_synthetic(seg.len, outer.range_to_file(at..end));
                continue;
            }
            while at < end {
                let o = match outer.segment_at_or_before(at, true) {
                    Some(o) if o.local + o.len > at && o.local <= at => *o,
                    _ => {
                        map.push_synthetic(end - at, outer.range_to_file(at..end));
                        break;
                    }
                };
                let piece_end = end.min(o.local + o.len);
                if o.verbatim {
                    let from = o.file + (at - o.local);
                    map.push_verbatim(from..from + (piece_end - at));
                } else {
                    map.push_synthetic(piece_end - at, o.file..o.file + o.file_len);
                }
                at = piece_end;
            }
        }
        map
    }

    /// The segment holding `local`; `inclusive_start` picks the segment starting at `local` over
    /// the one ending there.
    fn segment_at_or_before(&self, local: usize, inclusive_start: bool) -> Option<&Segment> {
        let n = if inclusive_start {
            self.segments.partition_point(|s| s.local <= local)
        } else {
            self.segments.partition_point(|s| s.local < local)
        };
        match n {
            0 => self.segments.first(),
            n => self.segments.get(n - 1),
        }
    }
}

impl Segment {
    fn map(&self, local: usize, as_end: bool) -> usize {
        let inside = local.saturating_sub(self.local).min(self.len);
        if self.verbatim {
            return self.file + inside.min(self.file_len);
        }
        // A synthetic piece has no byte-for-byte correspondence: anything inside it covers the
        // whole file range it stands for.
        let at_start = inside == 0;
        let at_end = inside == self.len;
        if at_start && !(as_end && self.len == 0) {
            self.file
        } else if at_end || as_end {
            self.file + self.file_len
        } else {
            self.file
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_is_a_shift() {
        let map = OffsetMap::contiguous(10, 5);
        assert_eq!(map.start_to_file(0), 10);
        assert_eq!(map.end_to_file(5), 15);
        assert_eq!(map.range_to_file(1..3), 11..13);
        assert_eq!(map.file_range(), 10..15);
    }

    #[test]
    fn seams_map_to_the_right_side() {
        // "ab" from 0..2 and "cd" from 10..12.
        let mut map = OffsetMap::default();
        map.push_verbatim(0..2);
        map.push_verbatim(10..12);
        assert_eq!(map.start_to_file(2), 10);
        assert_eq!(map.end_to_file(2), 2);
        assert_eq!(map.range_to_file(1..3), 1..11);
        assert_eq!(map.range_to_file(0..4), 0..12);
        assert_eq!(map.file_range(), 0..12);
    }

    #[test]
    fn adjacent_verbatim_pieces_merge() {
        let mut map = OffsetMap::default();
        map.push_verbatim(3..5);
        map.push_verbatim(5..9);
        assert_eq!(map.segments.len(), 1);
        assert_eq!(map.range_to_file(0..6), 3..9);
    }

    #[test]
    fn maps_compose() {
        // The outer text is "ab" from 10..12 and "cd" from 20..22; the inner text takes "bc"
        // verbatim from outer 1..3 and one synthetic byte for outer 3..4.
        let mut outer = OffsetMap::default();
        outer.push_verbatim(10..12);
        outer.push_verbatim(20..22);
        let mut inner = OffsetMap::default();
        inner.push_verbatim(1..3);
        inner.push_synthetic(1, 3..4);
        let both = inner.then(&outer);
        assert_eq!(both.local_len(), 3);
        assert_eq!(both.range_to_file(0..1), 11..12);
        assert_eq!(both.range_to_file(1..2), 20..21);
        assert_eq!(both.range_to_file(2..3), 21..22);
    }

    #[test]
    fn synthetic_pieces_map_as_a_whole() {
        // "<b>" verbatim from 0..3, then "x &amp; y" (9 bytes) standing for file 3..8, then
        // "</b>" from 8..12.
        let mut map = OffsetMap::default();
        map.push_verbatim(0..3);
        map.push_synthetic(9, 3..8);
        map.push_verbatim(8..12);
        assert_eq!(map.start_to_file(3), 3);
        assert_eq!(map.start_to_file(5), 3);
        assert_eq!(map.end_to_file(5), 8);
        assert_eq!(map.end_to_file(12), 8);
        assert_eq!(map.start_to_file(12), 8);
        assert_eq!(map.range_to_file(12..16), 8..12);
    }

    #[test]
    fn out_of_range_offsets_clamp() {
        let map = OffsetMap::contiguous(4, 2);
        assert_eq!(map.start_to_file(100), 6);
        let empty = OffsetMap::default();
        assert_eq!(empty.start_to_file(3), 0);
    }
}
