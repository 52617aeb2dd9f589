use std::ops::Range;

use super::suggest::tidy;
use super::{classify, is_hexo_date, DateClass, Kind, NonPortable};

pub(super) fn is_full_width(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')
}

pub(super) fn classify_full_width(s: &str) -> DateClass {
    // The ASCII text, and for each of its bytes (and its end) the byte offset in `s`.
    let mut ascii = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut wide: Vec<Range<usize>> = Vec::new();
    for (i, c) in s.char_indices() {
        let plain = match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if plain != c {
            wide.push(i..i + c.len_utf8());
        }
        for _ in 0..plain.len_utf8() {
            map.push(i);
        }
        ascii.push(plain);
    }
    map.push(s.len());
    let back = |r: Range<usize>| map[r.start]..map[r.end];
    let first = wide[0].clone();
    let mut seen: Vec<char> = Vec::new();
    for r in &wide {
        let c = s[r.clone()].chars().next().unwrap_or(' ');
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    let names: Vec<String> = seen.iter().map(|&c| full_width_name(c)).collect();
    let digits = seen.iter().any(|c| c.is_numeric());
    let only_space = seen.iter().all(|&c| c == '\u{3000}');
    // What JavaScript's Date makes of it (node 20): `２０２１-07-16` is 2001-07-16, full-width
    // colons and hyphens are Invalid Date, an ideographic space is read as a space.
    let js = if digits {
        "JavaScript's Date misreads full-width digits (`２０２１-07-16` comes out as 2001-07-16), \
         so Hexo dates the post wrongly"
    } else if only_space {
        "JavaScript's Date (Hexo) reads it as a space"
    } else if seen.iter().all(|c| matches!(c, '：' | '－' | '\u{3000}')) {
        "JavaScript's Date cannot read the date, so Hexo silently uses the file's creation time \
         instead"
    } else {
        "JavaScript's Date may not read the date, and then Hexo silently uses the file's \
         creation time instead"
    };
    let what = names.join(" and ");
    match classify(&ascii) {
        DateClass::Invalid(mut inv) => {
            inv.range = back(inv.range);
            DateClass::Invalid(inv)
        }
        inner => {
            let (suggestion, hexo_inner) = match inner {
                DateClass::Portable(_) => (Some(tidy(&ascii)), is_hexo_date(&ascii)),
                DateClass::NonPortable(np) => (np.suggestion, np.hexo),
                DateClass::Invalid(_) => (None, false),
            };
            DateClass::NonPortable(NonPortable {
                kind: Kind::FullWidth,
                summary: format!("date written with {what}"),
                label: "full-width character",
                explanation: format!(
                    "{what} is not the ASCII character every date parser expects (Chinese and \
                     Japanese input methods type it). {js}; Hugo reports the field as not a \
                     parsable date; Ruby's Time.parse (Jekyll) may drop the time or reject the \
                     date"
                ),
                range: first,
                suggestion,
                hexo: only_space && hexo_inner,
                jekyll: false,
                hugo: false,
            })
        }
    }
}

fn full_width_name(c: char) -> String {
    let name = match c {
        '：' => "colon",
        '－' => "hyphen",
        '／' => "slash",
        '＋' => "plus sign",
        '．' => "full stop",
        '\u{3000}' => return "an ideographic space (U+3000)".into(),
        '０'..='９' => "digit",
        _ => "form",
    };
    format!("a full-width {name} `{c}` (U+{:04X})", c as u32)
}

#[cfg(test)]
mod tests {
    use crate::dates::tests::non_portable;
    use crate::dates::*;

    #[test]
    fn full_width_colons() {
        let s = "2021-07-16 0：00：00";
        let np = non_portable(s);
        assert_eq!(np.kind, Kind::FullWidth);
        assert_eq!(&s[np.range.clone()], "：");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 00:00:00"));
        assert!(np.summary.contains("colon"), "{}", np.summary);
        assert!(!np.hexo);

        let np = non_portable("２０２１-07-16");
        assert!(np.explanation.contains("2001"), "{}", np.explanation);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16"));
        let np = non_portable("2021-07-16\u{3000}02:57:12");
        assert!(np.hexo);
        assert!(np.summary.contains("U+3000"), "{}", np.summary);

        let s = "2021－07－16　02：57：12";
        let np = non_portable(s);
        assert_eq!(&s[np.range.clone()], "－");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12"));
        assert!(np.summary.contains("hyphen") && np.summary.contains("colon"));

        // A full-width impossible date is an impossible date, pointed at in the original text.
        let s = "2021-02-30 10：00：00";
        let DateClass::Invalid(inv) = classify(s) else {
            panic!()
        };
        assert_eq!(&s[inv.range], "30");
        let s = "2021-07-16 25：00：00";
        let DateClass::Invalid(inv) = classify(s) else {
            panic!()
        };
        assert_eq!(&s[inv.range], "25");
        let s = "２０２１-07-16 10：61：00";
        let DateClass::Invalid(inv) = classify(s) else {
            panic!()
        };
        assert_eq!(&s[inv.range], "61");
    }
}
