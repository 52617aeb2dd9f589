//! YAML front matter to a JSON value plus a JSON pointer -> span index, from saphyr's event stream.
//!
//! Building the value from events (rather than saphyr's loader) lets one pass record every key and
//! value span, both places of a duplicate key, and stop alias bombs and runaway nesting with a
//! budget instead of running out of memory or stack.

use std::collections::HashMap;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, SpannedEventReceiver};
use serde_json::{Map, Number, Value};

use super::index::{NodeKind, NodeSpans, SpanIndex};
use super::lenient;
use crate::source::LineIndex;

/// Limits that keep hostile YAML from exhausting memory or time.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    pub max_depth: usize,
    /// Nodes created by alias expansion, in all.
    pub max_alias_nodes: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: 128,
            max_alias_nodes: 100_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    pub key: String,
    /// Pointer of the mapping that holds the key twice.
    pub mapping: String,
    pub first: Range<usize>,
    pub second: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    /// The parser's message, made readable.
    pub message: String,
    /// Where the parser stopped, as a byte offset into the whole file.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedYaml {
    pub value: Value,
    pub index: SpanIndex,
    pub duplicates: Vec<DuplicateKey>,
}

/// Where the YAML text sits in the file, so that parser markers (1-based line, character column)
/// become byte offsets into the whole file.
pub struct Placement<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    /// The byte range of the file that was parsed.
    pub range: Range<usize>,
    /// Lines the parser saw before the first line of `range` (a wrapper such as JSON's `{`).
    pub lines_before: usize,
    /// Lines (0-based, relative to `range`) given one extra leading space before parsing.
    pub shifted: Vec<usize>,
}

impl Placement<'_> {
    fn offset(&self, line: usize, col: usize) -> usize {
        let first = self.lines.line_of(self.range.start);
        let Some(rel) = line.checked_sub(1 + self.lines_before) else {
            return self.range.start;
        };
        let col = if self.shifted.binary_search(&rel).is_ok() {
            col.saturating_sub(1)
        } else {
            col
        };
        // saphyr does not count a byte order mark at the start of the text as a column.
        let col = if rel == 0 && self.text[self.range.clone()].starts_with('\u{feff}') {
            col + 1
        } else {
            col
        };
        self.lines
            .offset_of(self.text, first + rel, col)
            .clamp(self.range.start, self.range.end)
    }

    fn span(&self, span: Span) -> Range<usize> {
        let start = self.offset(span.start.line(), span.start.col());
        let end = self.offset(span.end.line(), span.end.col()).max(start);
        start..end
    }
}

/// Parse `input` (the front matter, maybe wrapped) placed at `place` in the file.
pub fn parse(
    input: &str,
    place: &Placement<'_>,
    limits: YamlLimits,
) -> Result<ParsedYaml, YamlError> {
    let first = parse_once(input, place, limits);
    match &first {
        Err(err) if err.message.contains("indentation") => {
            let lines = lenient::continuation_lines(input);
            if lines.is_empty() {
                return first;
            }
            let shifted_input = lenient::shift_lines(input, &lines);
            let shifted = Placement {
                text: place.text,
                lines: place.lines,
                range: place.range.clone(),
                lines_before: place.lines_before,
                shifted: lines
                    .iter()
                    .filter_map(|l| l.checked_sub(place.lines_before))
                    .collect(),
            };
            parse_once(&shifted_input, &shifted, limits).or(first)
        }
        _ => first,
    }
}

fn parse_once(
    input: &str,
    place: &Placement<'_>,
    limits: YamlLimits,
) -> Result<ParsedYaml, YamlError> {
    let mut builder = Builder::new(place, limits);
    let mut parser = Parser::new_from_str(input);
    // Pull events one by one: `Parser::load` recurses once per nesting level, and a deeply
    // nested document overflows the stack; this loop also stops at the first limit hit.
    while let Some(event) = parser.next_event() {
        match event {
            Ok((event, span)) => builder.on_event(event, span),
            Err(err) => return Err(builder.scan_error(&err)),
        }
        if builder.error.is_some() {
            break;
        }
    }
    if let Some(err) = builder.error.take() {
        return Err(err);
    }
    let value = builder.root.take().unwrap_or(Value::Null);
    Ok(ParsedYaml {
        value,
        index: builder.index,
        duplicates: builder.duplicates,
    })
}

enum Container {
    Seq(Vec<Value>),
    Map {
        map: Map<String, Value>,
        key: Option<(String, Range<usize>, bool)>,
        seen: HashMap<String, Range<usize>>,
    },
}

struct Frame {
    container: Container,
    /// `None` for a collection used as a mapping key, which has no pointer.
    pointer: Option<String>,
    start: usize,
    end: usize,
    anchor: usize,
    nodes: usize,
    flow: bool,
}

struct Builder<'p, 'a> {
    place: &'p Placement<'a>,
    limits: YamlLimits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Value, usize)>,
    alias_nodes: usize,
    root: Option<Value>,
    index: SpanIndex,
    duplicates: Vec<DuplicateKey>,
    error: Option<YamlError>,
    documents: usize,
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl<'p, 'a> Builder<'p, 'a> {
    fn new(place: &'p Placement<'a>, limits: YamlLimits) -> Self {
        Builder {
            place,
            limits,
            stack: Vec::new(),
            anchors: HashMap::new(),
            alias_nodes: 0,
            root: None,
            index: SpanIndex::default(),
            duplicates: Vec::new(),
            error: None,
            documents: 0,
        }
    }

    fn scan_error(&self, err: &ScanError) -> YamlError {
        let m = err.marker();
        YamlError {
            message: readable(err.info()),
            offset: self.place.offset(m.line(), m.col()),
        }
    }

    fn fail(&mut self, message: String, offset: usize) {
        if self.error.is_none() {
            self.error = Some(YamlError { message, offset });
        }
    }

    /// The pointer of the node that starts now, and whether it is a mapping key.
    fn next_pointer(&self) -> (Option<String>, bool) {
        match self.stack.last() {
            None => (Some(String::new()), false),
            Some(frame) => match (&frame.container, &frame.pointer) {
                (_, None) => (None, false),
                (Container::Seq(items), Some(p)) => (Some(format!("{p}/{}", items.len())), false),
                (
                    Container::Map {
                        key: Some((k, _, _)),
                        ..
                    },
                    Some(p),
                ) => (Some(format!("{p}/{}", escape_pointer(k))), false),
                (Container::Map { key: None, .. }, Some(_)) => (None, true),
            },
        }
    }

    fn finish(
        &mut self,
        value: Value,
        span: Range<usize>,
        kind: NodeKind,
        anchor: usize,
        nodes: usize,
    ) {
        if anchor > 0 {
            self.anchors.insert(anchor, (value.clone(), nodes));
        }
        let (pointer, is_key) = self.next_pointer();
        if let (Some(p), false) = (&pointer, is_key) {
            let key = match self.stack.last() {
                Some(Frame {
                    container:
                        Container::Map {
                            key: Some((_, k, _)),
                            ..
                        },
                    ..
                }) => Some(k.clone()),
                _ => None,
            };
            self.index.insert(
                p.clone(),
                NodeSpans {
                    key,
                    value: span.clone(),
                    kind,
                },
            );
        }
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(value);
            return;
        };
        frame.end = frame.end.max(span.end);
        frame.nodes += nodes;
        let mapping_pointer = frame.pointer.clone().unwrap_or_default();
        match &mut frame.container {
            Container::Seq(items) => items.push(value),
            Container::Map {
                key: slot @ None, ..
            } => {
                let plain = kind == NodeKind::Scalar(ScalarKind::Plain);
                *slot = Some((key_string(&value), span, plain));
            }
            Container::Map {
                map,
                key: slot @ Some(_),
                seen,
            } => {
                let Some((key, key_span, plain)) = slot.take() else {
                    return;
                };
                if key == "<<" && plain && merge_into(map, &value) {
                    return;
                }
                if let Some(first) = seen.get(&key) {
                    self.duplicates.push(DuplicateKey {
                        key: key.clone(),
                        mapping: mapping_pointer,
                        first: first.clone(),
                        second: key_span.clone(),
                    });
                } else {
                    seen.insert(key.clone(), key_span);
                }
                map.insert(key, value);
            }
        }
    }

    fn start(&mut self, container: Container, span: Span, anchor: usize) {
        if self.stack.len() >= self.limits.max_depth {
            let offset = self.place.span(span).start;
            self.fail(
                format!("nesting deeper than {} levels", self.limits.max_depth),
                offset,
            );
            return;
        }
        let (pointer, _) = self.next_pointer();
        let range = self.place.span(span);
        let flow = self.place.text[range.clone()].starts_with(['[', '{']);
        self.stack.push(Frame {
            container,
            pointer,
            start: range.start,
            end: range.end,
            anchor,
            nodes: 1,
            flow,
        });
    }

    fn end(&mut self, span: Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let mut end = frame.end;
        if frame.flow {
            // The end event of a flow collection sits on the closing bracket; take it in.
            let close = self.place.span(span);
            let text = self.place.text;
            end = close.end.max(end);
            if matches!(text.as_bytes().get(end), Some(b']' | b'}'))
                && !text[..end].ends_with([']', '}'])
            {
                end += 1;
            }
        }
        let (value, kind) = match frame.container {
            Container::Seq(items) => (Value::Array(items), NodeKind::Sequence),
            Container::Map { map, .. } => (Value::Object(map), NodeKind::Mapping),
        };
        self.finish(value, frame.start..end, kind, frame.anchor, frame.nodes);
    }
}

/// YAML merge keys (`<<: *base`), as js-yaml and Ruby's Psych apply them: keys already present win.
fn merge_into(map: &mut Map<String, Value>, value: &Value) -> bool {
    let sources: Vec<&Map<String, Value>> = match value {
        Value::Object(m) => vec![m],
        Value::Array(items) if items.iter().all(Value::is_object) => {
            items.iter().filter_map(Value::as_object).collect()
        }
        _ => return false,
    };
    for source in sources {
        for (k, v) in source {
            if !map.contains_key(k) {
                map.insert(k.clone(), v.clone());
            }
        }
    }
    true
}

fn key_string(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl<'input> SpannedEventReceiver<'input> for Builder<'_, '_> {
    fn on_event(&mut self, ev: Event<'input>, span: Span) {
        if self.error.is_some() {
            return;
        }
        match ev {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    let offset = self.place.span(span).start;
                    self.fail(
                        "a second YAML document starts here; front matter holds one".into(),
                        offset,
                    );
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let range = self.place.span(span);
                let range = trim_block(self.place.text, range, style);
                let tag = tag.as_ref().map(|t| t.suffix.as_str());
                let value = resolve_scalar(&text, style, tag);
                let kind = NodeKind::Scalar(ScalarKind::from(style));
                self.finish(value, range, kind, anchor, 1);
            }
            Event::SequenceStart(anchor, _) => self.start(Container::Seq(Vec::new()), span, anchor),
            Event::MappingStart(anchor, _) => self.start(
                Container::Map {
                    map: Map::new(),
                    key: None,
                    seen: HashMap::new(),
                },
                span,
                anchor,
            ),
            Event::SequenceEnd | Event::MappingEnd => self.end(span),
            Event::Alias(id) => {
                let range = self.place.span(span);
                let Some((value, nodes)) = self.anchors.get(&id).cloned() else {
                    self.fail("alias to an unknown anchor".into(), range.start);
                    return;
                };
                self.alias_nodes += nodes;
                if self.alias_nodes > self.limits.max_alias_nodes {
                    let message = format!(
                        "aliases expand to more than {} nodes (a \"billion laughs\" document?)",
                        self.limits.max_alias_nodes
                    );
                    self.fail(message, range.start);
                    return;
                }
                self.finish(value, range, NodeKind::Alias, 0, nodes);
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
    }
}

/// Block scalars' spans run over the trailing line breaks they keep; end them at the last text.
fn trim_block(text: &str, range: Range<usize>, style: ScalarStyle) -> Range<usize> {
    if matches!(
        style,
        ScalarStyle::Literal | ScalarStyle::Folded | ScalarStyle::Plain
    ) {
        let trimmed = text[range.clone()]
            .trim_end_matches([' ', '\t', '\r', '\n'])
            .len();
        return range.start..range.start + trimmed;
    }
    range
}

pub use super::index::ScalarKind;

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
fn resolve_scalar(text: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
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

/// saphyr's messages are terse parser states; say what the author did wrong where we can.
fn readable(info: &str) -> String {
    let lower = info.to_ascii_lowercase();
    let hint = if lower.contains("did not find expected key") {
        "expected a `key: value` line here; check the indentation and that quotes are closed"
    } else if lower.contains("mapping values are not allowed") {
        "a `: ` inside a plain value starts a new mapping; quote the value"
    } else if lower.contains("did not find expected <document start>")
        || lower.contains("document start")
    {
        "text after the front matter's value; check quotes and indentation"
    } else if lower.contains("recursion limit") {
        "brackets nested too deeply"
    } else if lower.contains("tab") {
        "YAML does not allow tabs for indentation; use spaces"
    } else if lower.contains("while scanning a quoted scalar")
        || lower.contains("unexpected end of stream")
    {
        "a quoted value is not closed"
    } else {
        ""
    };
    if hint.is_empty() {
        info.to_owned()
    } else {
        format!("{info} ({hint})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_all(text: &str) -> Result<ParsedYaml, YamlError> {
        let lines = LineIndex::new(text);
        let place = Placement {
            text,
            lines: &lines,
            range: 0..text.len(),
            lines_before: 0,
            shifted: Vec::new(),
        };
        parse(text, &place, YamlLimits::default())
    }

    #[test]
    fn values_and_spans() {
        let text = "title: '你好'\ntags:\n  - a\n  - 2\nflow: [x, y]\nmap: {k: v}\nblock: |\n  line\n\nend: ~\n";
        let p = parse_all(text).unwrap();
        assert_eq!(p.value["title"], "你好");
        assert_eq!(p.value["tags"][1], 2);
        assert_eq!(p.value["end"], Value::Null);
        let at = |ptr: &str| &text[p.index.get(ptr).unwrap().value.clone()];
        assert_eq!(at("/title"), "'你好'");
        assert_eq!(at("/tags/0"), "a");
        assert_eq!(at("/flow"), "[x, y]");
        assert_eq!(at("/map"), "{k: v}");
        assert_eq!(at("/map/k"), "v");
        assert_eq!(at("/block"), "line");
        assert_eq!(
            &text[p.index.get("/tags").unwrap().key.clone().unwrap()],
            "tags"
        );
    }

    #[test]
    fn duplicates_keep_both_places() {
        let text = "a: 1\nb: 2\na: 3\n";
        let p = parse_all(text).unwrap();
        assert_eq!(p.value["a"], 3);
        assert_eq!(p.duplicates.len(), 1);
        assert_eq!(p.duplicates[0].first, 0..1);
        assert_eq!(p.duplicates[0].second, 10..11);
    }

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
    fn alias_bomb_and_depth_are_limited() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = (b'a' + i - 1) as char;
            let cur = (b'a' + i) as char;
            bomb.push_str(&format!("{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert!(parse_all(&bomb)
            .unwrap_err()
            .message
            .contains("aliases expand"));
        let deep = format!("a: {}{}", "[".repeat(500), "]".repeat(500));
        assert!(parse_all(&deep)
            .unwrap_err()
            .message
            .contains("nested too deeply"));
        let block: String = (0..300).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
        assert!(parse_all(&block)
            .unwrap_err()
            .message
            .contains("nesting deeper than"));
    }

    #[test]
    fn merge_keys() {
        let p = parse_all("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n").unwrap();
        assert_eq!(p.value["d"]["x"], 1);
        assert_eq!(p.value["d"]["y"], 3);
    }

    #[test]
    fn errors_are_placed_in_the_file() {
        let text = "title: \"\"\"\"'第1集'\"\"\"\nb: 1\n";
        let err = parse_all(text).unwrap_err();
        assert!(err.offset > 0 && err.offset <= text.len());
    }

    #[test]
    fn column_zero_continuations_are_accepted_like_libyaml() {
        let text = "aliases: [\n  '/a/',\n]\ntitle: \"Ruby Fukuoka 2022 - los programas\njuzgados por Matz\"\nb: 1\n";
        let p = parse_all(text).unwrap();
        assert_eq!(p.value["aliases"][0], "/a/");
        assert_eq!(
            p.value["title"],
            "Ruby Fukuoka 2022 - los programas juzgados por Matz"
        );
        assert_eq!(
            &text[p.index.get("/aliases").unwrap().value.clone()],
            "[\n  '/a/',\n]"
        );
        assert_eq!(&text[p.index.get("/b").unwrap().value.clone()], "1");
        // A plain scalar continued at column 0 stays an error, as in every YAML library.
        assert!(parse_all("title: foo\nbar\nb: 1\n").is_err());
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
