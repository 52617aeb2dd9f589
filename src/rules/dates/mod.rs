//! FM2xx: dates, checked on the text as written (see [`crate::dates`] for what each generator does).

pub mod invalid_date;
pub mod non_portable_date;

use std::ops::Range;

use serde_json::Value;

use crate::dates::{self, DateClass};
use crate::diagnostic::Fix;
use crate::document::{pointer, Format, NodeKind, ScalarKind};
use crate::rules::Context;

/// A value under one of the configured date keys, with where its text sits in the file.
pub struct DateValue {
    /// The key as written, e.g. `date`.
    pub key: String,
    /// The text that was classified: the scalar as written, without its quotes.
    pub raw: String,
    /// The value as written, quotes included.
    pub span: Range<usize>,
    /// Where `raw` starts in the file, when `raw` is exactly the file's text there (no escapes,
    /// folding or alias in between); otherwise findings point at the whole value.
    pub base: Option<usize>,
    /// The quote written around the value, to keep it in a fix.
    pub quote: &'static str,
    /// A TOML datetime: the TOML parser already read it and Hugo takes it as is.
    pub toml_datetime: bool,
    /// A YAML/TOML boolean rather than text.
    pub boolean: bool,
    pub class: DateClass,
}

impl DateValue {
    /// A range of `raw` as a range of the file.
    pub fn place(&self, range: &Range<usize>) -> Range<usize> {
        match self.base {
            Some(base) if !range.is_empty() => base + range.start..base + range.end,
            _ => self.span.clone(),
        }
    }

    /// Replace the value with `text`, keeping its quotes; only when the value was read exactly.
    pub fn fix(&self, text: &str) -> Option<Fix> {
        self.base?;
        Some(Fix::unsafe_edit(
            format!("write `{text}`"),
            self.span.clone(),
            format!("{q}{text}{q}", q = self.quote),
        ))
    }
}

/// Every scalar under a date key, at any depth, in document order.
pub(crate) fn date_values(ctx: &Context) -> Vec<DateValue> {
    let mut out = Vec::new();
    let Some(fm) = &ctx.doc.front_matter else {
        return out;
    };
    let toml = ctx
        .doc
        .split
        .front_matter
        .as_ref()
        .is_some_and(|b| b.kind == Format::Toml);
    walk(ctx, &fm.value, &mut String::new(), toml, &mut out);
    out
}

fn walk(ctx: &Context, value: &Value, pointer: &mut String, toml: bool, out: &mut Vec<DateValue>) {
    let len = pointer.len();
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointer.push('/');
                pointer.push_str(&pointer::escape(key));
                if ctx.settings.date_keys.iter().any(|k| k == key) {
                    if let Some(v) = read(ctx, key, child, pointer, toml) {
                        out.push(v);
                    }
                }
                walk(ctx, child, pointer, toml, out);
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                walk(ctx, child, pointer, toml, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

fn read(ctx: &Context, key: &str, value: &Value, pointer: &str, toml: bool) -> Option<DateValue> {
    let fm = ctx.doc.front_matter.as_ref()?;
    let (found, spans) = fm.index.nearest(pointer)?;
    // Values reached through an alias or a merge key have no text of their own.
    let own = found == pointer;
    let span = spans.value.clone();
    let written = ctx.doc.text().get(span.clone()).unwrap_or("");
    let one_line = own && !written.contains(['\n', '\r']);
    let plain = spans.kind == NodeKind::Scalar(ScalarKind::Plain);
    let (mut base, mut quote, mut toml_datetime) = (None, "", false);
    let (raw, class) = match value {
        Value::String(s) => {
            if s.trim().is_empty() || s.contains("{{") || s.contains("{%") {
                // Unset, or a template (Hugo archetypes): nothing to read yet.
                return None;
            }
            let mut raw = s.clone();
            if one_line && plain {
                // YAML plain scalars and TOML datetimes: read the text as written.
                toml_datetime = toml;
                raw = written.to_owned();
                base = Some(span.start);
            } else if one_line {
                let q = ["\"", "'"]
                    .into_iter()
                    .find(|q| written.len() >= 2 && written.starts_with(q) && written.ends_with(q));
                if let Some(q) = q {
                    let inner = &written[1..written.len() - 1];
                    if inner == s && !inner.contains(['\\', '\'', '"']) {
                        base = Some(span.start + 1);
                        quote = q;
                    }
                }
            }
            let class = dates::classify(&raw);
            (raw, class)
        }
        Value::Number(n) => {
            let raw = if one_line && plain {
                base = Some(span.start);
                written.to_owned()
            } else {
                n.to_string()
            };
            let class = dates::classify_number(&raw);
            (raw, class)
        }
        Value::Bool(b) => {
            let raw = if one_line && plain {
                base = Some(span.start);
                written.to_owned()
            } else {
                b.to_string()
            };
            let class = DateClass::Invalid(dates::Invalid {
                reason: "a boolean is not a date".into(),
                label: "not a date",
                range: 0..raw.len(),
            });
            (raw, class)
        }
        _ => return None,
    };
    Some(DateValue {
        key: key.to_owned(),
        raw,
        span,
        base,
        quote,
        toml_datetime,
        boolean: value.is_boolean(),
        class,
    })
}
