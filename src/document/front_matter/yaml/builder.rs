//! saphyr's events folded into a JSON value, recording each node's span under its pointer as it
//! closes, so one pass yields the value, the span index and every duplicate key.

use std::collections::HashMap;
use std::ops::Range;

use saphyr_parser::{Event, ScalarStyle, ScanError, Span, SpannedEventReceiver};
use serde_json::{Map, Value};

use super::scalar::resolve_scalar;
use super::{Placement, YamlLimits};
use crate::document::front_matter::{pointer, DuplicateKey, FrontMatterError};
use crate::document::index::{NodeKind, NodeSpans, ScalarKind, SpanIndex};

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

pub(super) struct Builder<'p, 'a> {
    place: &'p Placement<'a>,
    limits: YamlLimits,
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Value, usize)>,
    alias_nodes: usize,
    pub(super) root: Option<Value>,
    pub(super) index: SpanIndex,
    pub(super) duplicates: Vec<DuplicateKey>,
    pub(super) error: Option<FrontMatterError>,
    documents: usize,
}

impl<'p, 'a> Builder<'p, 'a> {
    pub(super) fn new(place: &'p Placement<'a>, limits: YamlLimits) -> Self {
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

    pub(super) fn scan_error(&self, err: &ScanError) -> FrontMatterError {
        let m = err.marker();
        FrontMatterError {
            message: super::readable(err.info()),
            offset: self.place.offset(m.line(), m.col()),
        }
    }

    fn fail(&mut self, message: String, offset: usize) {
        if self.error.is_none() {
            self.error = Some(FrontMatterError { message, offset });
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
                ) => (Some(format!("{p}/{}", pointer::escape(k))), false),
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
