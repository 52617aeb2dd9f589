//! Applying edits to a text: only the bytes of each edit change, and edits that overlap are
//! never merged: the later one waits for the next pass (after the text is linted again).

use std::ops::Range;

use crate::diagnostic::Fix;

/// The text with the edits that could be applied together, and how many were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// Fixes applied; a fix that two rules offer identically counts once per rule.
    pub applied: usize,
    /// Fixes left for a later pass because they overlap one applied in this pass.
    pub deferred: usize,
}

/// Apply every fix of `fixes` that lies inside `text` on character boundaries and does not
/// overlap an earlier one (by start, then end). Two insertions at the same offset conflict too,
/// since either order would be a guess. `None` when nothing could be applied.
pub fn apply<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> Option<Applied> {
    let mut fixes: Vec<&Fix> = fixes
        .into_iter()
        .filter(|f| is_valid(text, &f.span) && text[f.span.clone()] != f.replacement)
        .collect();
    fixes.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.replacement).cmp(&(b.span.start, b.span.end, &b.replacement))
    });
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut last: Option<&Fix> = None;
    let (mut applied, mut deferred) = (0, 0);
    for fix in fixes {
        if let Some(prev) = last {
            if prev.span == fix.span && prev.replacement == fix.replacement {
                applied += 1;
                continue;
            }
            let overlaps = fix.span.start < prev.span.end
                || (fix.span.start == prev.span.start
                    && (fix.span.is_empty() || prev.span.is_empty()));
            if overlaps {
                deferred += 1;
                continue;
            }
        }
        out.push_str(&text[copied..fix.span.start]);
        out.push_str(&fix.replacement);
        copied = fix.span.end;
        applied += 1;
        last = Some(fix);
    }
    if applied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(Applied {
        text: out,
        applied,
        deferred,
    })
}

fn is_valid(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(span: Range<usize>, replacement: &str) -> Fix {
        Fix::safe("test", span, replacement)
    }

    #[test]
    fn applies_disjoint_edits_and_keeps_every_other_byte() {
        let text = "a\r\nbé c\n";
        let fixes = [fix(0..1, "A"), fix(7..8, "C"), fix(3..3, "<")];
        let done = apply(text, &fixes).expect("applied");
        assert_eq!(done.text, "A\r\n<bé C\n");
        assert_eq!((done.applied, done.deferred), (3, 0));
    }

    #[test]
    fn overlapping_edits_wait_for_the_next_pass() {
        let text = "0123456789";
        let fixes = [fix(2..6, "x"), fix(4..8, "y"), fix(8..9, "z")];
        let done = apply(text, &fixes).expect("applied");
        assert_eq!(done.text, "01x67z9");
        assert_eq!((done.applied, done.deferred), (2, 1));
    }

    #[test]
    fn two_insertions_at_one_offset_conflict_but_a_touching_replacement_does_not() {
        let text = "<img src=x>";
        let fixes = [fix(4..4, " a"), fix(4..4, " b"), fix(5..8, "SRC")];
        let done = apply(text, &fixes).expect("applied");
        assert_eq!(done.text, "<img a SRC=x>");
        assert_eq!((done.applied, done.deferred), (2, 1));
    }

    #[test]
    fn identical_fixes_from_two_rules_are_one_edit() {
        let text = "http://x";
        let fixes = [fix(0..4, "https"), fix(0..4, "https")];
        let done = apply(text, &fixes).expect("applied");
        assert_eq!(done.text, "https://x");
        assert_eq!(done.applied, 2);
    }

    #[test]
    fn edits_outside_the_text_or_inside_a_character_are_skipped() {
        let text = "中文";
        assert_eq!(apply(text, &[fix(1..2, "x"), fix(2..9, "y")]), None);
        assert_eq!(apply(text, &[fix(Range { start: 6, end: 3 }, "y")]), None);
    }
}
