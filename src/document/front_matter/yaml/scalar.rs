//! Plain scalars typed the way js-yaml 4 (Hexo) types them, so values match what the site sees.

use saphyr_parser::ScalarStyle;
use serde_json::{Number, Value};

use crate::document::index::ScalarKind;

impl From<ScalarStyle> for ScalarKind {
    fn from(style: ScalarStyle) -> Self {
        match style {
            ScalarStyle::Plain => ScalarKind::Plain,
            ScalarStyle::SingleQuoted => ScalarKind::SingleQuoted,
            ScalarStyle::DoubleQuoted => ScalarKind::DoubleQuoted,
            ScalarStyle::Literal => ScalarKind::Literal,
            ScalarStyle::Folded => ScalarKind::Folded,
        }
    }
}

/// The YAML 1.2 core schema, as js-yaml 4 (Hexo) applies it, except that timestamps stay strings.
pub(super) fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
    match tag {
        Some("str" | "binary" | "timestamp") => return Value::String(text.to_owned()),
        Some("null") => return Value::Null,
        Some("bool") => {
            return resolve_bool(text).map_or_else(|| Value::String(text.into()), Value::Bool)
        }
        Some("int") => return resolve_int(text).unwrap_or_else(|| Value::String(text.into())),
        Some("float") => {
            return resolve_float(text)
                .or_else(|| resolve_int(text))
                .unwrap_or_else(|| Value::String(text.into()))
        }
        _ => {}
    }
    if style != ScalarStyle::Plain || tag.is_some() {
        return Value::String(text.to_owned());
    }
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    if let Some(b) = resolve_bool(text) {
        return Value::Bool(b);
    }
    resolve_int(text)
        .or_else(|| resolve_float(text))
        .unwrap_or_else(|| Value::String(text.to_owned()))
}

fn resolve_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn resolve_int(text: &str) -> Option<Value> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = if let Some(d) = digits.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = digits.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = digits.strip_prefix("0b") {
        (2, d)
    } else {
        (10, digits)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    if let Ok(n) = i128::from_str_radix(digits, radix) {
        let n = if negative { -n } else { n };
        if let Ok(small) = i64::try_from(n) {
            return Some(Value::Number(small.into()));
        }
        if let Ok(big) = u64::try_from(n) {
            return Some(Value::Number(big.into()));
        }
    }
    // Wider than 64 bits: a double rounded to nearest as JavaScript's `parseInt(digits, radix)`
    // rounds it; js-yaml takes no infinite integer, so then this is no int.
    let magnitude = if radix == 10 {
        digits.parse::<f64>().ok()?
    } else {
        // The first 64 significant bits, any 1 bit beyond them folded into the last one so that
        // the cast still rounds a tie the right way, then scaled by the bits beyond (exact).
        let width = radix.trailing_zeros();
        let (mut top, mut kept, mut beyond, mut sticky) = (0u64, 0u32, 0i32, false);
        for d in digits.chars().filter_map(|c| c.to_digit(radix)) {
            for shift in (0..width).rev() {
                let bit = (d >> shift) & 1;
                if kept == 0 && bit == 0 {
                    continue;
                }
                if kept < 64 {
                    top = (top << 1) | u64::from(bit);
                    kept += 1;
                } else {
                    beyond = beyond.saturating_add(1);
                    sticky |= bit == 1;
                }
            }
        }
        (top | u64::from(sticky)) as f64 * 2f64.powi(beyond)
    };
    Number::from_f64(if negative { -magnitude } else { magnitude }).map(Value::Number)
}

fn resolve_float(text: &str) -> Option<Value> {
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let bytes = body.as_bytes();
    let mut i = 0;
    let digits_before = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    i += digits_before;
    let mut digits_after = 0;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        digits_after = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        i += digits_after;
    }
    if digits_before + digits_after == 0 {
        return None;
    }
    // js-yaml 4 reads `.5` as a float but `-.5` and `+.5` as strings.
    if digits_before == 0 && body.len() != text.len() {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if exp == 0 {
            return None;
        }
        i += exp;
    }
    if i != bytes.len() {
        return None;
    }
    text.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map(Value::Number)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::super::tests::parse_all;

    #[test]
    fn scalars_resolve_like_yaml_1_2() {
        let p = parse_all("a: yes\nb: 1.10\nc: 0x1F\nd: TRUE\ne: '1'\nf: 1e3\ng: 2021-07-16\n")
            .unwrap();
        assert_eq!(p.value["a"], "yes");
        assert_eq!(p.value["b"], 1.1);
        assert_eq!(p.value["c"], 31);
        assert_eq!(p.value["d"], true);
        assert_eq!(p.value["e"], "1");
        assert_eq!(p.value["f"], 1000.0);
        assert_eq!(p.value["g"], "2021-07-16");
    }

    #[test]
    #[allow(clippy::excessive_precision)] // the exact values js-yaml prints
    fn wide_ints_and_signed_dot_floats_resolve_like_js_yaml() {
        // Expected values are what js-yaml 4 (hexo-front-matter 4) gives, checked in Node.
        let num = |v: &str| {
            let p = parse_all(&format!("a: {v}\n")).unwrap();
            p.value["a"].clone()
        };
        let float = |v: &str| num(v).as_f64().unwrap();
        // Wider than 128 bits in base 16, 8 and 2: JavaScript's parseInt value, not the digits
        // read as decimal.
        assert_eq!(
            float(&format!("0x{}", "1".repeat(33))),
            3.6296785804900102e38
        );
        assert_eq!(
            float(&format!("0b1{}", "0".repeat(127))),
            1.7014118346046923e38
        );
        assert_eq!(
            float(&format!("-0o1{}", "0".repeat(44))),
            -5.4445178707350154e39
        );
        assert_eq!(
            float(&format!("0x{}", "f".repeat(40))),
            1.461501637330903e48
        );
        assert_eq!(float("-0xFFFFFFFFFFFFFFFF"), -1.8446744073709552e19);
        // Ties round to even; a 1 bit past the tie rounds up.
        let tie = |mid: &str, tail: &str| float(&format!("0x1{mid}{}{tail}", "0".repeat(18)));
        assert_eq!(
            tie(&format!("{}8", "0".repeat(13)), "0"),
            5.4445178707350154e39
        );
        assert_eq!(
            tie(&format!("{}8", "0".repeat(13)), "1"),
            5.4445178707350166e39
        );
        assert_eq!(
            tie(&format!("{}18", "0".repeat(12)), "0"),
            5.4445178707350178e39
        );
        // Too big for a double: js-yaml keeps the text.
        assert_eq!(
            num(&format!("0x{}", "1".repeat(300))),
            Value::String(format!("0x{}", "1".repeat(300)))
        );
        assert_eq!(
            num(&format!("0x{}", "f".repeat(256))),
            Value::String(format!("0x{}", "f".repeat(256)))
        );
        assert_eq!(num(&"9".repeat(400)), Value::String("9".repeat(400)));
        // Still exact within 64 bits.
        assert_eq!(num("-9223372036854775808"), Value::from(i64::MIN));
        assert_eq!(num("18446744073709551615"), Value::from(u64::MAX));
        // `.5` is a float, `-.5` and `+.5e3` are strings; a sign before digits is fine.
        assert_eq!(float(".5"), 0.5);
        assert_eq!(num("-.5"), "-.5");
        assert_eq!(num("+.5e3"), "+.5e3");
        assert_eq!(float("-0.5"), -0.5);
        assert_eq!(float("+1.e3"), 1000.0);
    }
}
