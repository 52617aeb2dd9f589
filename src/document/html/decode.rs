//! Attribute values decoded as the tokenizer decodes them, with a map from every byte of the
//! decoded value back to the raw value: what lets a finding inside a `style` or `srcdoc` value
//! point at the bytes the author wrote, however many entities stand in between.

use std::ops::Range;

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

use crate::document::offsets::OffsetMap;

/// Entity names are at most 32 bytes (`&CounterClockwiseContourIntegral;`).
const LONGEST_NAME: usize = 33;

/// Decode the raw attribute value `raw` (the text between the quotes) whose first byte is at
/// `start` in the coordinates the map should give. Character references are decoded as in an
/// attribute value (a named reference without `;` stays as written before `=` or an
/// alphanumeric), line breaks normalised to `\n`, NUL read as U+FFFD.
pub(crate) fn decode_attribute(raw: &str, start: usize) -> (String, OffsetMap) {
    let mut out = String::with_capacity(raw.len());
    let mut map = OffsetMap::default();
    let bytes = raw.as_bytes();
    let mut literal = 0;
    let mut i = 0;
    while i < bytes.len() {
        let replaced = match bytes[i] {
            b'&' => char_reference(&raw[i..]),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => Some(("\n".into(), 2)),
            b'\r' => Some(("\n".into(), 1)),
            b'\0' => Some(("\u{FFFD}".into(), 1)),
            _ => None,
        };
        let Some((text, len)) = replaced else {
            i += 1;
            continue;
        };
        if literal < i {
            out.push_str(&raw[literal..i]);
            map.push_verbatim(start + literal..start + i);
        }
        map.push_synthetic(text.len(), start + i..start + i + len);
        out.push_str(&text);
        i += len;
        literal = i;
    }
    if literal < raw.len() {
        out.push_str(&raw[literal..]);
        map.push_verbatim(start + literal..start + raw.len());
    }
    (out, map)
}

/// The map of `dom` (the value as the DOM holds it) back to the raw value at `raw_span` of
/// `text`: exact when decoding the raw value gives `dom`, else (a value the parsed text does not
/// hold byte for byte, such as one broken by blockquote markers) every byte maps to the whole
/// raw value.
pub(crate) fn value_map(text: &str, raw_span: Range<usize>, dom: &str) -> OffsetMap {
    if let Some(raw) = text.get(raw_span.clone()) {
        let (decoded, map) = decode_attribute(raw, raw_span.start);
        if decoded == dom {
            return map;
        }
    }
    let mut map = OffsetMap::default();
    map.push_synthetic(dom.len(), raw_span);
    map
}

/// The character reference at the start of `s` (which starts with `&`): its text and how many
/// bytes it takes, or `None` when the `&` is literal.
fn char_reference(s: &str) -> Option<(String, usize)> {
    let rest = &s[1..];
    if let Some(numeric) = rest.strip_prefix('#') {
        return numeric_reference(numeric).map(|(c, len)| (c.to_string(), 2 + len));
    }
    let mut matched = None;
    for (end, c) in rest.char_indices().take(LONGEST_NAME) {
        if !(c.is_ascii_alphanumeric() || c == ';') {
            break;
        }
        let name = &rest[..end + 1];
        match NAMED_ENTITIES.get(name) {
            Some(&(first, second)) if first != 0 => matched = Some((name.len(), first, second)),
            Some(_) => {}
            None => break,
        }
        if c == ';' {
            break;
        }
    }
    let (len, first, second) = matched?;
    if !rest[..len].ends_with(';') {
        // Historical: `&amp=` and `&copyx` in an attribute are left as written.
        let next = rest[len..].bytes().next();
        if next.is_some_and(|b| b == b'=' || b.is_ascii_alphanumeric()) {
            return None;
        }
    }
    let text: String = [first, second]
        .into_iter()
        .filter(|&c| c != 0)
        .filter_map(char::from_u32)
        .collect();
    Some((text, 1 + len))
}

/// `x41;` or `65;` (after `&#`): the character and the bytes taken, `;` included when present.
fn numeric_reference(s: &str) -> Option<(char, usize)> {
    let (hex, digits_from) = match s.as_bytes().first() {
        Some(b'x' | b'X') => (true, 1),
        _ => (false, 0),
    };
    let digits = s[digits_from..]
        .bytes()
        .take_while(|b| {
            if hex {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 {
        return None;
    }
    let radix = if hex { 16 } else { 10 };
    let value = s[digits_from..digits_from + digits]
        .bytes()
        .try_fold(0u32, |acc, b| {
            let d = (b as char).to_digit(radix)?;
            acc.checked_mul(radix)?.checked_add(d)
        })
        .unwrap_or(u32::MAX);
    let mut len = digits_from + digits;
    if s.as_bytes().get(len) == Some(&b';') {
        len += 1;
    }
    let c = match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
            .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(raw: &str) -> String {
        decode_attribute(raw, 0).0
    }

    #[test]
    fn references_decode_as_in_an_attribute() {
        assert_eq!(decoded("a&amp;b"), "a&b");
        assert_eq!(decoded("&lt;img&gt;"), "<img>");
        assert_eq!(decoded("&#x6A;&#106;&#X6a"), "jjj");
        assert_eq!(decoded("&Tab;&colon;&NewLine;"), "\t:\n");
        assert_eq!(decoded("&amp=x&copyx&copy x"), "&amp=x&copyx\u{a9} x");
        assert_eq!(
            decoded("&#0;&#x110000;&#x80;&#99999999999;"),
            "\u{FFFD}\u{FFFD}\u{20AC}\u{FFFD}"
        );
        assert_eq!(decoded("&nosuch; & &#; &#x;"), "&nosuch; & &#; &#x;");
        assert_eq!(decoded("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(decoded("&NotEqualTilde;"), "\u{2242}\u{338}");
    }

    #[test]
    fn every_decoded_byte_maps_to_what_was_written() {
        let raw = "中&lt;x&#x20;onerror=y&gt;";
        let (text, map) = decode_attribute(raw, 100);
        assert_eq!(text, "中<x onerror=y>");
        let at = text.find("onerror").unwrap();
        let file = map.range_to_file(at..at + "onerror".len());
        assert_eq!(&raw[file.start - 100..file.end - 100], "onerror");
        let lt = text.find('<').unwrap();
        assert_eq!(map.range_to_file(lt..lt + 1), 103..107);
    }

    #[test]
    fn a_value_that_does_not_decode_to_the_dom_maps_as_a_whole() {
        let map = value_map("x=\"a> b\"", 3..7, "a b");
        assert_eq!(map.range_to_file(1..2), 3..7);
    }
}
