//! Hugo's `+++` TOML front matter to a JSON value plus span index.

use std::ops::Range;

use serde_json::{Map, Number, Value};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{pointer, FrontMatterError, ParsedFrontMatter};
use crate::document::index::{NodeKind, NodeSpans, ScalarKind, SpanIndex};

/// Parse TOML text that starts at byte `base` of the file.
pub fn parse(input: &str, base: usize) -> Result<ParsedFrontMatter, FrontMatterError> {
    let table = DeTable::parse(input).map_err(|err| FrontMatterError {
        message: err.message().trim().to_owned(),
        offset: base + err.span().map_or(0, |s| s.start),
    })?;
    let mut index = SpanIndex::default();
    let shift = |r: Range<usize>| base + r.start..base + r.end;
    index.insert(
        String::new(),
        NodeSpans {
            key: None,
            value: shift(0..input.len()),
            kind: NodeKind::Mapping,
        },
    );
    let value = table_value(table.get_ref(), "", &mut index, &shift);
    Ok(ParsedFrontMatter {
        value,
        index,
        duplicates: Vec::new(),
    })
}

fn table_value(
    table: &DeTable<'_>,
    pointer: &str,
    index: &mut SpanIndex,
    shift: &dyn Fn(Range<usize>) -> Range<usize>,
) -> Value {
    let mut map = Map::new();
    for (key, value) in table {
        let child = format!("{pointer}/{}", pointer::escape(key.get_ref()));
        let v = node(value, &child, Some(shift(key.span())), index, shift);
        map.insert(key.get_ref().to_string(), v);
    }
    Value::Object(map)
}

fn node(
    value: &Spanned<DeValue<'_>>,
    pointer: &str,
    key: Option<Range<usize>>,
    index: &mut SpanIndex,
    shift: &dyn Fn(Range<usize>) -> Range<usize>,
) -> Value {
    let (json, kind) = match value.get_ref() {
        DeValue::String(s) => (
            Value::String(s.to_string()),
            NodeKind::Scalar(ScalarKind::DoubleQuoted),
        ),
        DeValue::Integer(i) => {
            let n = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).map(Value::from);
            (
                n.unwrap_or_else(|_| Value::String(i.as_str().into())),
                NodeKind::Scalar(ScalarKind::Plain),
            )
        }
        DeValue::Float(f) => {
            let n = f
                .as_str()
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .and_then(Number::from_f64);
            (
                n.map_or_else(|| Value::String(f.as_str().into()), Value::Number),
                NodeKind::Scalar(ScalarKind::Plain),
            )
        }
        DeValue::Boolean(b) => (Value::Bool(*b), NodeKind::Scalar(ScalarKind::Plain)),
        DeValue::Datetime(d) => (
            Value::String(d.to_string()),
            NodeKind::Scalar(ScalarKind::Plain),
        ),
        DeValue::Array(items) => {
            let values = items
                .iter()
                .enumerate()
                .map(|(i, item)| node(item, &format!("{pointer}/{i}"), None, index, shift))
                .collect();
            (Value::Array(values), NodeKind::Sequence)
        }
        DeValue::Table(t) => (table_value(t, pointer, index, shift), NodeKind::Mapping),
    };
    index.insert(
        pointer.to_owned(),
        NodeSpans {
            key,
            value: shift(value.span()),
            kind,
        },
    );
    json
}
