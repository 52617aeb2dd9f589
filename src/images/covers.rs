//! The front matter's cover keys (`[covers] keys`) and the image each one names.

use std::ops::Range;

use serde_json::Value;

use super::proxy::{self, ProxyPattern};
use crate::config::referrer_covers::CoverSettings;
use crate::document::Document;

pub struct Cover<'a> {
    pub key: &'a str,
    pub value: &'a Value,
    /// The key as written; `None` when it has no span of its own.
    pub key_span: Option<Range<usize>>,
    /// The value as written (with quotes); the key when the value has no span (null).
    pub value_span: Range<usize>,
    /// The image URL: a string, the first string of a list, or `path`/`url`/`src` of a mapping.
    pub url: Option<&'a str>,
    /// Where `url` is written.
    pub url_span: Range<usize>,
}

/// The configured cover keys present at the top of the front matter, in the configured order.
pub fn covers<'a>(doc: &'a Document, settings: &'a CoverSettings) -> Vec<Cover<'a>> {
    let Some(fm) = &doc.front_matter else {
        return Vec::new();
    };
    let Some(map) = fm.value.as_object() else {
        return Vec::new();
    };
    let span_of = |pointer: &str| {
        let node = fm.index.get(pointer)?;
        let value = if node.value.is_empty() {
            node.key.clone()?
        } else {
            node.value.clone()
        };
        Some((node.key.clone(), value))
    };
    let mut out = Vec::new();
    for key in &settings.keys {
        let Some(value) = map.get(key) else { continue };
        let pointer = format!("/{}", crate::document::pointer::escape(key));
        let Some((key_span, value_span)) = span_of(&pointer) else {
            continue;
        };
        let (url, url_pointer) = match value {
            Value::String(s) => (Some(s.trim()), pointer.clone()),
            Value::Array(items) => match items.iter().position(Value::is_string) {
                Some(i) => (items[i].as_str().map(str::trim), format!("{pointer}/{i}")),
                None => (None, pointer.clone()),
            },
            Value::Object(inner) => match ["path", "url", "src"]
                .into_iter()
                .find(|k| inner.get(*k).is_some_and(Value::is_string))
            {
                Some(k) => (inner[k].as_str().map(str::trim), format!("{pointer}/{k}")),
                None => (None, pointer.clone()),
            },
            _ => (None, pointer.clone()),
        };
        let url_span = span_of(&url_pointer).map_or(value_span.clone(), |(_, v)| v);
        out.push(Cover {
            key,
            value,
            key_span,
            value_span,
            url: url.filter(|u| !u.is_empty()),
            url_span,
        });
    }
    out
}

/// A URL compared loosely: no scheme, no trailing slash; a proxied URL also compares as the
/// origin URL it carries (`proxy::unwrap`).
pub fn same_image(a: &str, b: &str, proxies: &[ProxyPattern]) -> bool {
    let forms = |u: &str| {
        let mut v = vec![bare(u)];
        if let Some(origin) = proxy::unwrap(u.trim(), proxies) {
            v.push(bare(&origin.origin));
        }
        v
    };
    let (fa, fb) = (forms(a), forms(b));
    fa.iter().any(|x| fb.contains(x))
}

fn bare(url: &str) -> String {
    let url = url.trim();
    let url = url
        .strip_prefix("https:")
        .or_else(|| url.strip_prefix("http:"))
        .unwrap_or(url);
    url.trim_end_matches('/').to_owned()
}
