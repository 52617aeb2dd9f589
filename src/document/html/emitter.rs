//! The emitter's state, and how it hands tokens to the tree builder. html5gum drives it through
//! the callbacks in `tokenizer`; tags and attributes are read in `tags` and `attributes`.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Token as TreeToken, TokenSink, TokenSinkResult};
use html5ever::tree_builder::TreeBuilder;
use html5ever::{Attribute, LocalName};

use super::attributes::PendingAttr;
use super::fast_hash::FastHasher;
use super::sink::{Processing, SpanSink};
use super::{AttrSpans, Found, HtmlErrorKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TagType {
    Start,
    End,
}

#[derive(Default)]
pub(super) struct DoctypeBuf {
    pub(super) name: Vec<u8>,
    pub(super) public_id: Option<Vec<u8>>,
    pub(super) system_id: Option<Vec<u8>>,
    pub(super) force_quirks: bool,
}

pub(super) struct SpanEmitter<'a> {
    pub(super) builder: &'a TreeBuilder<NodeId, SpanSink>,
    pub(super) text: &'a str,
    pub(super) found: &'a mut Found,
    pub(super) pause: &'a Cell<bool>,
    pub(super) pos: usize,

    pub(super) tag_type: Option<TagType>,
    pub(super) tag_start: usize,
    pub(super) tag_name: Vec<u8>,
    pub(super) self_closing: bool,
    /// The current start tag's attributes for the DOM (duplicates dropped) and as written.
    pub(super) dom_attrs: Vec<Attribute>,
    pub(super) attr_spans: Vec<AttrSpans>,
    pub(super) attr_names: HashSet<LocalName, BuildHasherDefault<FastHasher>>,
    pub(super) attr: Option<PendingAttr>,
    pub(super) last_start_tag: Vec<u8>,

    pub(super) chars: Vec<u8>,
    pub(super) chars_span: Option<Range<usize>>,
    pub(super) comment: Vec<u8>,
    pub(super) doctype: DoctypeBuf,

    /// The raw-text element whose end tag the tokenizer is waiting for.
    pub(super) raw_open: Option<(NodeId, Range<usize>, LocalName)>,
    /// Elements attached flat because they were too deep, waiting for their end tags.
    pub(super) flattened: Vec<(NodeId, LocalName)>,
    pub(super) reported_too_deep: bool,
    pub(super) max_depth: usize,
    /// Names interned outside the static set, for the budget.
    pub(super) dynamic_names: HashSet<Box<str>>,
}

impl<'a> SpanEmitter<'a> {
    pub(super) fn new(
        builder: &'a TreeBuilder<NodeId, SpanSink>,
        text: &'a str,
        found: &'a mut Found,
        pause: &'a Cell<bool>,
        max_depth: usize,
    ) -> Self {
        SpanEmitter {
            builder,
            text,
            found,
            pause,
            pos: 0,
            tag_type: None,
            tag_start: 0,
            tag_name: Vec::new(),
            self_closing: false,
            dom_attrs: Vec::new(),
            attr_spans: Vec::new(),
            attr_names: HashSet::default(),
            attr: None,
            last_start_tag: Vec::new(),
            chars: Vec::new(),
            chars_span: None,
            comment: Vec::new(),
            doctype: DoctypeBuf::default(),
            raw_open: None,
            flattened: Vec::new(),
            reported_too_deep: false,
            max_depth,
            dynamic_names: HashSet::new(),
        }
    }

    pub(super) fn sink(&self) -> &SpanSink {
        &self.builder.sink
    }

    /// Hand one token to the tree builder; its errors are placed at `span`.
    pub(super) fn process(
        &mut self,
        token: TreeToken,
        span: Range<usize>,
        processing: Processing,
    ) -> TokenSinkResult<NodeId> {
        self.sink().processing.set(processing);
        {
            let mut log = self.sink().log.borrow_mut();
            log.created.clear();
            log.attrs_added_to = None;
        }
        let result = self.builder.process_token(token, 1);
        self.sink().processing.set(Processing::Other);
        let errors = std::mem::take(&mut self.sink().log.borrow_mut().errors);
        for message in errors {
            self.found
                .error(HtmlErrorKind::TreeBuilder, span.clone(), message);
        }
        result
    }

    pub(super) fn flush_chars(&mut self) {
        if self.chars.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.chars);
        let span = self.chars_span.take().unwrap_or(self.pos..self.pos);
        let text = utf8(&bytes);
        // The tree builder wants NUL characters as their own tokens (it drops or replaces them
        // depending on where they are).
        let mut first = true;
        for part in text.split('\0') {
            if !first {
                let _ = self.process(
                    TreeToken::NullCharacterToken,
                    span.clone(),
                    Processing::Other,
                );
            }
            first = false;
            if !part.is_empty() {
                let token = TreeToken::CharacterTokens(StrTendril::from_slice(part));
                let _ = self.process(token, span.clone(), Processing::Other);
            }
        }
        self.chars = bytes;
        self.chars.clear();
    }

    /// The end of a run of bytes starting at `from` that stops at any of `stops` (or the end).
    pub(super) fn scan_until(&self, from: usize, stops: &[u8]) -> usize {
        let bytes = self.text.as_bytes();
        let from = from.min(bytes.len());
        bytes[from..]
            .iter()
            .position(|b| stops.contains(b))
            .map_or(bytes.len(), |i| from + i)
    }
}

pub(super) fn tendril(bytes: &[u8]) -> StrTendril {
    StrTendril::from_slice(&utf8(bytes))
}

/// The tokenizer hands over whole characters of the (UTF-8) input, so this never replaces
/// anything; it only avoids trusting that.
pub(super) fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}
