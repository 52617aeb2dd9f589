//! JSON pointer -> source spans for a front-matter value, whatever format it was written in.

use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarKind {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Scalar(ScalarKind),
    Sequence,
    Mapping,
    /// A YAML alias (`*name`): its value was written elsewhere.
    Alias,
}

/// Where one node sits in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSpans {
    /// The key naming this node in its mapping, when it has one.
    pub key: Option<Range<usize>>,
    /// The value as written: with its quotes or brackets; a block scalar's text without its
    /// `|`/`>` indicator line.
    pub value: Range<usize>,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpanIndex {
    nodes: HashMap<String, NodeSpans>,
}

impl SpanIndex {
    pub fn insert(&mut self, pointer: String, spans: NodeSpans) {
        self.nodes.insert(pointer, spans);
    }

    pub fn get(&self, pointer: &str) -> Option<&NodeSpans> {
        self.nodes.get(pointer)
    }

    /// The node at `pointer`, or its nearest indexed ancestor (values reached through an alias or
    /// a merge key have no spans of their own). Returns the pointer actually found.
    pub fn nearest<'a>(&self, mut pointer: &'a str) -> Option<(&'a str, &NodeSpans)> {
        loop {
            if let Some(spans) = self.nodes.get(pointer) {
                return Some((pointer, spans));
            }
            pointer = &pointer[..pointer.rfind('/')?];
        }
    }

    /// Every indexed node, in no particular order.
    pub fn nodes(&self) -> impl Iterator<Item = &NodeSpans> + '_ {
        self.nodes.values()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}
