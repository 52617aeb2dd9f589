//! Spanned HTML: html5gum's tokenizer, which knows byte positions, feeds html5ever's tree builder,
//! which knows HTML's tree rules. The result is an ordinary `scraper::Html` (CSS selectors work)
//! plus, for every element an author wrote, the byte spans of its start tag, name, attributes and
//! end tag.
//!
//! Elements the tree builder makes up (the fragment's `html` root, `tbody` around a bare `tr`,
//! formatting elements it reconstructs) have no spans: nothing in the file is theirs.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token as TreeToken, TokenSink, TokenSinkResult};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};
use html5gum::{Emitter, Readable, Reader, State, StringReader, Tokenizer};
use scraper::{Html, HtmlTreeSink};

use super::offsets::OffsetMap;

/// Elements nested deeper than this are attached as siblings at this depth (browsers cap the
/// depth similarly). The tree builder's scope checks walk the stack of open elements, so without
/// a cap 100,000 nested `<div>`s take quadratic time. `[limits] max-html-depth` changes it.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Parse errors kept per fragment; the rest are only counted.
const MAX_ERRORS: usize = 1000;

/// Distinct element and attribute names outside html5ever's static set interned per fragment.
/// Names are interned in string_cache's global set, whose lookups slow down as it fills: 400,000
/// distinct attribute names took 4 s, 1,000,000 most of a minute. Past the budget, attributes
/// stay out of the tree (their spans are still recorded, so the rules that read spans see them)
/// and elements get [`OVERFLOW_NAME`].
const MAX_DYNAMIC_NAMES: usize = 10_000;

/// The name of elements whose own name was past [`MAX_DYNAMIC_NAMES`].
pub const OVERFLOW_NAME: &str = "postlint-overflow-name";

/// The elements whose content the tokenizer reads as text until their own end tag: left open,
/// they swallow the rest of the fragment.
pub const RAW_TEXT_ELEMENTS: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

/// Elements that never have content, so never wait for an end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// One attribute as written in a start tag. Spans are byte ranges into the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrSpans {
    /// The name as the tokenizer reads it: ASCII lower-cased (`xlink:href`, `viewbox`; the DOM
    /// renames some SVG and MathML ones, which `HtmlElement::attr` still finds by this name).
    pub name: String,
    pub name_span: Range<usize>,
    /// The raw value between the quotes (or the unquoted value): `a&amp;b`, where the DOM holds
    /// `a&b`. `None` for an attribute without a value (`<img alt>`); `Some` and empty for `alt=""`.
    pub value_span: Option<Range<usize>>,
    /// The whole attribute: name, `=`, and the value with its quotes.
    pub span: Range<usize>,
    /// A later attribute of the same name; HTML ignores it, so the DOM does not have it.
    pub duplicate: bool,
}

/// Where an element's tags are in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementSpans {
    /// The whole start tag, `<img ...>`.
    pub tag: Range<usize>,
    /// The tag name after `<`.
    pub name: Range<usize>,
    /// Every attribute in source order, duplicates included.
    pub attrs: Vec<AttrSpans>,
    /// The end tag that closed this element, if one did. `None` for void elements and for
    /// elements closed implicitly (`<p>` by the next `<p>`) or never closed.
    pub end_tag: Option<Range<usize>>,
}

impl ElementSpans {
    /// The attribute the DOM holds under `name` (the first one written).
    pub fn attr(&self, name: &str) -> Option<&AttrSpans> {
        self.attrs
            .iter()
            .find(|a| !a.duplicate && str::eq_ignore_ascii_case(&a.name, name))
    }

    /// The raw value span of the attribute `name`, when it has a value.
    pub fn attr_value_span(&self, name: &str) -> Option<Range<usize>> {
        self.attr(name)?.value_span.clone()
    }

    /// From the start tag to the end of the end tag, or the start tag alone when there is none.
    pub fn outer(&self) -> Range<usize> {
        match &self.end_tag {
            Some(end) if end.end >= self.tag.start => self.tag.start..end.end,
            _ => self.tag.clone(),
        }
    }

    /// Between the start tag and the end tag; `None` when no end tag was found.
    pub fn inner(&self) -> Option<Range<usize>> {
        let end = self.end_tag.as_ref()?;
        Some(self.tag.end..end.start.max(self.tag.end))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HtmlErrorKind {
    /// A syntax error the tokenizer found; the message is the WHATWG error code
    /// (`eof-in-tag`, `duplicate-attribute`, ...).
    Tokenizer,
    /// A tree construction error (misnested or stray tags), placed at the token that caused it.
    TreeBuilder,
    /// A raw-text element (`<iframe>`, `<script>`, `<textarea>`, ...) whose end tag never comes:
    /// everything after its start tag became its text. The span is the start tag.
    UnclosedRawText,
    /// Nesting deeper than the depth limit; deeper elements were attached as siblings.
    TooDeep,
    /// More distinct names than the parser keeps; the span is the first name left out.
    TooManyNames,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlError {
    pub kind: HtmlErrorKind,
    /// Byte range in the file.
    pub span: Range<usize>,
    pub message: Cow<'static, str>,
}

/// How a fragment came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FragmentKind {
    /// A whole body of HTML (an `.html` post).
    Document,
    /// Markdown HTML blocks (consecutive ones, separated only by blank lines, are one fragment).
    Block,
    /// The inline HTML of one paragraph, heading, table cell or tight list item, joined with
    /// the text between the tags.
    Inline,
}

/// One parsed piece of HTML.
#[derive(Debug, Clone)]
pub struct HtmlFragment {
    pub kind: FragmentKind,
    /// The DOM, parsed as a fragment in a `<body>` context with scripting disabled.
    pub html: Html,
    spans: FastMap<NodeId, ElementSpans>,
    pub errors: Vec<HtmlError>,
    /// Errors beyond the kept ones, only counted.
    pub more_errors: usize,
    /// From where the fragment's first piece starts to where its last ends, in the file.
    pub range: Range<usize>,
    map: OffsetMap,
}

impl HtmlFragment {
    /// The file offset of an offset in the text that was parsed (a span's start).
    pub fn file_offset(&self, local: usize) -> usize {
        self.map.start_to_file(local)
    }

    /// The file range of a range in the text that was parsed.
    pub fn file_range(&self, local: Range<usize>) -> Range<usize> {
        self.map.range_to_file(local)
    }

    /// The spans of an element, when it was written in the source.
    pub fn spans_of(&self, node: NodeId) -> Option<&ElementSpans> {
        self.spans.get(&node)
    }

    /// How many elements were written in the source.
    pub fn written_count(&self) -> usize {
        self.spans.len()
    }
}

/// Parse `text`, whose bytes come from the file as `map` says, with the default depth limit.
pub fn parse_fragment(text: &str, map: OffsetMap, kind: FragmentKind) -> HtmlFragment {
    parse_fragment_limited(text, map, kind, DEFAULT_MAX_DEPTH)
}

/// Parse `text` as [`parse_fragment`] does; elements nested deeper than `max_depth` are read as
/// siblings at that depth.
pub fn parse_fragment_limited(
    text: &str,
    map: OffsetMap,
    kind: FragmentKind,
    max_depth: usize,
) -> HtmlFragment {
    let sink = SpanSink::new();
    let context = html5ever::tree_builder::create_element(
        &sink,
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
    );
    let opts = TreeBuilderOpts {
        // Post bodies are checked as a reader without JavaScript sees them: `<noscript>` holds
        // markup then, and that markup is checked too.
        scripting_enabled: false,
        ..TreeBuilderOpts::default()
    };
    let builder = TreeBuilder::new_for_fragment(sink, context, None, opts);
    builder.sink.log.borrow_mut().created.clear();

    let mut found = Found::default();
    let pause = Cell::new(false);
    {
        let emitter = SpanEmitter::new(&builder, text, &mut found, &pause, max_depth);
        let reader = PausingReader {
            inner: text.to_reader(),
            pause: &pause,
        };
        let mut tokenizer = Tokenizer::new_with_emitter(reader, emitter);
        // The body context starts in the data state.
        tokenizer.set_state(State::Data);
        // The emitter does all the work: no token comes out, and a pause is only the tokenizer
        // unwinding its stack before it goes on.
        tokenizer.for_each(drop);
    }
    let SpanSink { inner, log, .. } = builder.sink;
    let html = inner.0.into_inner();
    let log = log.into_inner();
    debug_assert!(log.errors.is_empty());

    let mut spans = found.spans;
    for s in spans.values_mut() {
        s.map_to_file(&map);
    }
    let errors = found
        .errors
        .into_iter()
        .map(|e| HtmlError {
            span: map.range_to_file(clamp(text, e.span)),
            ..e
        })
        .collect();
    HtmlFragment {
        kind,
        html,
        spans,
        errors,
        more_errors: found.more_errors,
        range: map.file_range(),
        map,
    }
}

fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let start = floor_boundary(text, span.start);
    start..floor_boundary(text, span.end).max(start)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl ElementSpans {
    fn map_to_file(&mut self, map: &OffsetMap) {
        self.tag = map.range_to_file(self.tag.clone());
        self.name = map.range_to_file(self.name.clone());
        for a in &mut self.attrs {
            a.name_span = map.range_to_file(a.name_span.clone());
            a.value_span = a.value_span.take().map(|v| map.range_to_file(v));
            a.span = map.range_to_file(a.span.clone());
        }
        self.end_tag = self.end_tag.take().map(|e| map.range_to_file(e));
    }
}

/// What the emitter found, in offsets of the parsed text.
#[derive(Default)]
struct Found {
    spans: FastMap<NodeId, ElementSpans>,
    errors: Vec<HtmlError>,
    more_errors: usize,
}

impl Found {
    fn error(&mut self, kind: HtmlErrorKind, span: Range<usize>, message: Cow<'static, str>) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(HtmlError {
                kind,
                span,
                message,
            });
        } else {
            self.more_errors += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The reader: html5gum's, plus a way to unwind its stack.

/// html5gum 0.9 calls from one attribute state straight into the next, and with double-quoted
/// values these direct calls form a cycle: every such attribute of a tag deepens the stack, and a
/// few thousand of them overflow a 2 MiB stack in release builds (a hundred in debug builds).
/// An error from the reader unwinds to the tokenizer's loop, which resumes in the same state
/// (the value state, entered through a call that records it); the emitter asks for this pause
/// every few attributes.
struct PausingReader<'a> {
    inner: StringReader<'a>,
    pause: &'a Cell<bool>,
}

/// Not an error: the signal to unwind, see [`PausingReader`].
#[derive(Debug)]
struct Pause;

impl std::fmt::Display for Pause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("pause")
    }
}

impl std::error::Error for Pause {}

// Inlined into the tokenizer's states like the reader it wraps: reading is its hot path.
impl Reader for PausingReader<'_> {
    type Error = Pause;

    #[inline(always)]
    fn read_byte(&mut self) -> Result<Option<u8>, Pause> {
        self.inner.read_byte().map_err(|never| match never {})
    }

    #[inline(always)]
    fn try_read_string(&mut self, s: &[u8], case_sensitive: bool) -> Result<bool, Pause> {
        self.inner
            .try_read_string(s, case_sensitive)
            .map_err(|never| match never {})
    }

    #[inline(always)]
    fn read_until<'b>(
        &'b mut self,
        needle: &[u8],
        char_buf: &'b mut [u8; 4],
    ) -> Result<Option<&'b [u8]>, Pause> {
        if self.pause.get() {
            self.pause.set(false);
            return Err(Pause);
        }
        self.inner
            .read_until(needle, char_buf)
            .map_err(|never| match never {})
    }
}

// ---------------------------------------------------------------------------------------------
// The tree sink: scraper's, plus a log of what each token did.

/// What kind of token the tree builder is processing, which decides how insertions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Processing {
    Other,
    StartTag { self_closing: bool },
    EndTag,
}

#[derive(Default)]
struct SinkLog {
    /// Elements created while the current token was processed, in order.
    created: Vec<NodeId>,
    /// The element that got the attributes of a start tag that created no element (`<html a>`).
    attrs_added_to: Option<NodeId>,
    /// Tree builder errors raised by the current token.
    errors: Vec<Cow<'static, str>>,
}

struct SpanSink {
    inner: HtmlTreeSink,
    log: RefCell<SinkLog>,
    open: RefCell<OpenElements>,
    processing: Cell<Processing>,
}

impl SpanSink {
    fn new() -> Self {
        SpanSink {
            inner: HtmlTreeSink::new(Html::new_fragment()),
            log: RefCell::new(SinkLog::default()),
            open: RefCell::new(OpenElements::default()),
            processing: Cell::new(Processing::Other),
        }
    }

    /// Is `node` an HTML element (as opposed to SVG or MathML), and its local name.
    fn element_name(&self, node: NodeId) -> Option<(bool, LocalName)> {
        let html = self.inner.0.borrow();
        let name = &html.tree.get(node)?.value().as_element()?.name;
        Some((name.ns == ns!(html), name.local.clone()))
    }

    /// The tree builder inserts at the current node, so an insertion into a parent we track
    /// tells that everything opened after that parent has been closed, and a new element that
    /// can have content is now open.
    fn observe_insert(&self, parent: Option<&NodeId>, child: &NodeOrText<NodeId>) {
        let processing = self.processing.get();
        if processing == Processing::EndTag {
            // End tags insert only elements that are closed at once (`</p>` makes an empty
            // `<p>`, `</br>` a `<br>`) and the adoption agency's moves, which say nothing
            // reliable about the stack.
            return;
        }
        let mut open = self.open.borrow_mut();
        let parent_depth = parent.map_or(0, |p| {
            open.truncate_above(*p);
            open.depth.get(p).copied().unwrap_or(0)
        });
        let NodeOrText::AppendNode(child) = child else {
            return;
        };
        if open.position.contains_key(child) || !self.log.borrow().created.contains(child) {
            return;
        }
        let Some((html, name)) = self.element_name(*child) else {
            return;
        };
        let self_closing = matches!(processing, Processing::StartTag { self_closing: true });
        if (html && VOID_ELEMENTS.contains(&&*name)) || (!html && self_closing) {
            return;
        }
        let depth = parent_depth.max(open.stack.len() as u32) + 1;
        open.depth.insert(*child, depth);
        open.push(*child, &name);
    }
}

impl TreeSink for SpanSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.log.borrow_mut().errors.push(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.log.borrow_mut().created.push(id);
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.observe_insert(Some(parent), &child);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        // Foster parenting: the insertion point is not the current node, so only the new
        // element is recorded as open.
        self.observe_insert(None, &child);
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.observe_insert(None, &new_node);
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, mut attrs: Vec<Attribute>) {
        self.log.borrow_mut().attrs_added_to = Some(*target);
        // scraper inserts each attribute at its sorted place; sorted input makes every insertion
        // an append, so 100,000 attributes on `<html>` stay fast.
        attrs.sort_by(|a, b| a.name.cmp(&b.name));
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}

/// An approximation of the tree builder's stack of open elements (which it keeps private), kept
/// to pair end tags with the elements they close. It is exact for well-nested markup; for
/// misnested markup an end tag pairs with the nearest open element of its name.
#[derive(Default)]
struct OpenElements {
    stack: Vec<(NodeId, LocalName)>,
    position: FastMap<NodeId, usize>,
    /// Stack positions by lower-cased name, so pairing an end tag never scans the stack.
    by_name: FastMap<LocalName, Vec<usize>>,
    /// Depth in the DOM of the elements inserted so far.
    depth: FastMap<NodeId, u32>,
}

impl OpenElements {
    fn push(&mut self, id: NodeId, name: &LocalName) {
        let key = lower_name(name);
        self.position.insert(id, self.stack.len());
        self.by_name
            .entry(key.clone())
            .or_default()
            .push(self.stack.len());
        self.stack.push((id, key));
    }

    fn truncate(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some((id, key)) = self.stack.pop() else {
                break;
            };
            self.position.remove(&id);
            if let Some(positions) = self.by_name.get_mut(&key) {
                positions.pop();
            }
        }
    }

    /// Close everything opened after `id`, if `id` is open.
    fn truncate_above(&mut self, id: NodeId) {
        if let Some(&at) = self.position.get(&id) {
            self.truncate(at + 1);
        }
    }

    /// Close the nearest open element named `name` and everything opened after it.
    fn close_named(&mut self, name: &LocalName) -> Option<NodeId> {
        let at = *self.by_name.get(name)?.last()?;
        let id = self.stack[at].0;
        self.truncate(at);
        Some(id)
    }

    fn len(&self) -> usize {
        self.stack.len()
    }
}

fn lower_name(name: &LocalName) -> LocalName {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        LocalName::from(name.to_ascii_lowercase())
    } else {
        name.clone()
    }
}

// ---------------------------------------------------------------------------------------------
// The emitter: html5gum's tokenizer callbacks, turned into html5ever tokens plus spans.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagType {
    Start,
    End,
}

struct PendingAttr {
    name: Vec<u8>,
    value: Vec<u8>,
    name_start: usize,
    value_start: Option<usize>,
}

#[derive(Default)]
struct DoctypeBuf {
    name: Vec<u8>,
    public_id: Option<Vec<u8>>,
    system_id: Option<Vec<u8>>,
    force_quirks: bool,
}

struct SpanEmitter<'a> {
    builder: &'a TreeBuilder<NodeId, SpanSink>,
    text: &'a str,
    found: &'a mut Found,
    pause: &'a Cell<bool>,
    pos: usize,

    tag_type: Option<TagType>,
    tag_start: usize,
    tag_name: Vec<u8>,
    self_closing: bool,
    /// The current start tag's attributes for the DOM (duplicates dropped) and as written.
    dom_attrs: Vec<Attribute>,
    attr_spans: Vec<AttrSpans>,
    attr_names: HashSet<LocalName, BuildHasherDefault<FastHasher>>,
    attr: Option<PendingAttr>,
    last_start_tag: Vec<u8>,

    chars: Vec<u8>,
    chars_span: Option<Range<usize>>,
    comment: Vec<u8>,
    doctype: DoctypeBuf,

    /// The raw-text element whose end tag the tokenizer is waiting for.
    raw_open: Option<(NodeId, Range<usize>, LocalName)>,
    /// Elements attached flat because they were too deep, waiting for their end tags.
    flattened: Vec<(NodeId, LocalName)>,
    reported_too_deep: bool,
    max_depth: usize,
    /// Names interned outside the static set, for the budget.
    dynamic_names: HashSet<Box<str>>,
}

impl<'a> SpanEmitter<'a> {
    fn new(
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

    fn sink(&self) -> &SpanSink {
        &self.builder.sink
    }

    /// Hand one token to the tree builder; its errors are placed at `span`.
    fn process(
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

    fn flush_chars(&mut self) {
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
    fn scan_until(&self, from: usize, stops: &[u8]) -> usize {
        let bytes = self.text.as_bytes();
        let from = from.min(bytes.len());
        bytes[from..]
            .iter()
            .position(|b| stops.contains(b))
            .map_or(bytes.len(), |i| from + i)
    }

    fn finish_attr(&mut self) {
        let Some(attr) = self.attr.take() else {
            return;
        };
        if self.tag_type != Some(TagType::Start) {
            return;
        }
        // The tokenizer already consumed the attribute; its exact extent is read back from the
        // text with the tokenizer's own stop characters (`\r` counts, as it is a line break).
        let name_end = self
            .scan_until(attr.name_start + 1, b"\t\n\x0c\r />=")
            .max(attr.name_start);
        let name_span = attr.name_start..name_end;
        let (value_span, span_end) = match attr.value_start {
            None => (None, name_end),
            Some(start) => {
                let bytes = self.text.as_bytes();
                let quote = start
                    .checked_sub(1)
                    .and_then(|i| bytes.get(i))
                    .copied()
                    .filter(|q| *q == b'"' || *q == b'\'');
                match quote {
                    Some(q) => {
                        let end = self.scan_until(start, &[q]);
                        (Some(start..end), (end + 1).min(bytes.len()))
                    }
                    None => {
                        let end = self.scan_until(start, b"\t\n\x0c\r >");
                        (Some(start..end), end)
                    }
                }
            }
        };
        let Some(local) = intern(
            &mut self.dynamic_names,
            self.found,
            &utf8(&attr.name),
            &name_span,
        ) else {
            self.attr_spans.push(AttrSpans {
                name: utf8(&attr.name).into_owned(),
                name_span: name_span.clone(),
                value_span,
                span: name_span.start..span_end,
                duplicate: false,
            });
            return;
        };
        // Duplicates are rare and tags have few attributes: a linear scan until a tag has many.
        let duplicate = if self.dom_attrs.len() < 8 {
            self.dom_attrs.iter().any(|a| a.name.local == local)
        } else {
            if self.attr_names.is_empty() {
                self.attr_names = self
                    .dom_attrs
                    .iter()
                    .map(|a| a.name.local.clone())
                    .collect();
            }
            !self.attr_names.insert(local.clone())
        };
        if duplicate {
            self.found.error(
                HtmlErrorKind::Tokenizer,
                name_span.clone(),
                Cow::Borrowed("duplicate-attribute"),
            );
        }
        let spans = AttrSpans {
            name: String::from(&*local),
            name_span: name_span.clone(),
            value_span,
            span: name_span.start..span_end,
            duplicate,
        };
        if !duplicate {
            self.dom_attrs.push(Attribute {
                name: QualName::new(None, ns!(), local),
                value: StrTendril::from_slice(&utf8(&attr.value)),
            });
        }
        self.attr_spans.push(spans);
    }

    /// Start reading a start or end tag.
    fn init_tag(&mut self, kind: TagType) {
        self.tag_type = Some(kind);
        self.tag_name.clear();
        self.self_closing = false;
        self.dom_attrs.clear();
        self.attr_spans.clear();
        self.attr_names.clear();
        self.attr = None;
    }

    /// The current tag's name as an atom ([`OVERFLOW_NAME`] past the name budget).
    fn tag_name_atom(&mut self, span: &Range<usize>) -> LocalName {
        intern(
            &mut self.dynamic_names,
            self.found,
            &utf8(&self.tag_name),
            span,
        )
        .unwrap_or_else(|| LocalName::from(OVERFLOW_NAME))
    }

    fn emit_start_tag(&mut self) -> Option<State> {
        let tag_span = self.tag_start..self.pos;
        let name_end = self.scan_until(self.tag_start + 1, b"\t\n\x0c\r />");
        let name_span = (self.tag_start + 1).min(name_end)..name_end;
        let name = self.tag_name_atom(&name_span);
        let dom_attrs = std::mem::take(&mut self.dom_attrs);
        let attr_spans = std::mem::take(&mut self.attr_spans);
        self.attr_names.clear();
        let had_duplicates = attr_spans.iter().any(|a| a.duplicate);
        self.last_start_tag.clone_from(&self.tag_name);
        let token = TreeToken::TagToken(Tag {
            kind: TagKind::StartTag,
            name: name.clone(),
            self_closing: self.self_closing,
            attrs: dom_attrs,
            had_duplicate_attributes: had_duplicates,
        });
        let result = self.process(
            token,
            tag_span.clone(),
            Processing::StartTag {
                self_closing: self.self_closing,
            },
        );
        // The element this tag made is the last one created with its name: anything created
        // before it (an implied `tbody`, reconstructed formatting elements) is not in the file.
        let wanted = if &*name == "image" { "img" } else { &*name };
        let (created, added_to) = {
            let log = self.sink().log.borrow();
            let created = log.created.iter().rev().copied().find(|id| {
                self.sink()
                    .element_name(*id)
                    .is_some_and(|(_, n)| str::eq_ignore_ascii_case(&n, wanted))
            });
            (created, log.attrs_added_to)
        };
        let element = created.or_else(|| added_to.filter(|id| !self.found.spans.contains_key(id)));
        let next_state = match result {
            TokenSinkResult::RawData(RawKind::Rcdata) => Some(State::RcData),
            TokenSinkResult::RawData(RawKind::Rawtext) => Some(State::RawText),
            TokenSinkResult::RawData(RawKind::ScriptData) => Some(State::ScriptData),
            TokenSinkResult::RawData(RawKind::ScriptDataEscaped(_)) => Some(State::ScriptData),
            TokenSinkResult::Plaintext => Some(State::PlainText),
            _ => None,
        };
        if let Some(id) = element {
            self.found.spans.insert(
                id,
                ElementSpans {
                    tag: tag_span.clone(),
                    name: name_span,
                    attrs: attr_spans,
                    end_tag: None,
                },
            );
            if next_state.is_some() {
                self.raw_open = Some((id, tag_span.clone(), name.clone()));
            } else {
                self.flatten_if_too_deep(id, &name, tag_span);
            }
        }
        next_state
    }

    /// Close an element at once when it is nested too deep, so the stack of open elements (and
    /// the tree builder's walks over it) stays bounded; its real end tag is then swallowed.
    fn flatten_if_too_deep(&mut self, id: NodeId, name: &LocalName, tag_span: Range<usize>) {
        let too_deep = {
            let open = self.sink().open.borrow();
            let depth = open.depth.get(&id).copied().unwrap_or(0) as usize;
            // The fragment's `html` root is on the stack too: the limit counts written elements.
            open.position.contains_key(&id)
                && depth.max(open.len()) > self.max_depth.saturating_add(1)
        };
        if !too_deep {
            return;
        }
        if !self.reported_too_deep {
            self.reported_too_deep = true;
            self.found.error(
                HtmlErrorKind::TooDeep,
                tag_span,
                Cow::Owned(format!(
                    "elements are nested more than {} levels deep ([limits] max-html-depth); deeper ones are read as siblings",
                    self.max_depth
                )),
            );
        }
        let token = TreeToken::TagToken(Tag {
            kind: TagKind::EndTag,
            name: name.clone(),
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        });
        self.sink().processing.set(Processing::EndTag);
        let _ = self.builder.process_token(token, 1);
        self.sink().processing.set(Processing::Other);
        self.sink().log.borrow_mut().errors.clear();
        self.sink().log.borrow_mut().created.clear();
        let mut open = self.sink().open.borrow_mut();
        if let Some(&at) = open.position.get(&id) {
            open.truncate(at);
        }
        drop(open);
        self.flattened.push((id, lower_name(name)));
    }

    fn emit_end_tag(&mut self) {
        let tag_span = self.tag_start..self.pos;
        let name = self.tag_name_atom(&tag_span);
        self.dom_attrs.clear();
        self.attr_spans.clear();
        self.attr_names.clear();

        if let Some((id, ..)) = self.raw_open.take() {
            // In raw text the tokenizer only emits the end tag that closes the element.
            self.set_end_tag(id, tag_span.clone());
            let mut open = self.sink().open.borrow_mut();
            if let Some(&at) = open.position.get(&id) {
                open.truncate(at);
            }
        } else if self.flattened.last().is_some_and(|(_, n)| *n == name) {
            if let Some((id, _)) = self.flattened.pop() {
                self.set_end_tag(id, tag_span);
            }
            return;
        } else {
            let closed = self.sink().open.borrow_mut().close_named(&name);
            if let Some(id) = closed {
                self.set_end_tag(id, tag_span.clone());
            }
        }
        let token = TreeToken::TagToken(Tag {
            kind: TagKind::EndTag,
            name,
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        });
        let _ = self.process(token, tag_span, Processing::EndTag);
    }

    fn set_end_tag(&mut self, id: NodeId, span: Range<usize>) {
        if let Some(spans) = self.found.spans.get_mut(&id) {
            if spans.end_tag.is_none() {
                spans.end_tag = Some(span);
            }
        }
    }
}

fn tendril(bytes: &[u8]) -> StrTendril {
    StrTendril::from_slice(&utf8(bytes))
}

/// The tokenizer hands over whole characters of the (UTF-8) input, so this never replaces
/// anything; it only avoids trusting that.
fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// `name` as an atom, or `None` past the budget of distinct dynamic names (reported once, at
/// `span`).
fn intern(
    names: &mut HashSet<Box<str>>,
    found: &mut Found,
    name: &str,
    span: &Range<usize>,
) -> Option<LocalName> {
    // Names of up to 7 bytes are packed into the atom itself, never into the global set.
    if name.len() <= 7 {
        return Some(LocalName::from(name));
    }
    if let Some(atom) = LocalName::try_static(name) {
        return Some(atom);
    }
    if !names.contains(name) {
        if names.len() >= MAX_DYNAMIC_NAMES {
            if names.len() == MAX_DYNAMIC_NAMES {
                // One more entry marks the budget as reported.
                names.insert(Box::from(""));
                found.error(
                    HtmlErrorKind::TooManyNames,
                    span.clone(),
                    Cow::Owned(format!(
                        "more than {MAX_DYNAMIC_NAMES} different element and attribute names; from here on new names are not read into the HTML tree, so `[[html.deny]]` selectors do not see them"
                    )),
                );
            }
            return None;
        }
        names.insert(Box::from(name));
    }
    Some(LocalName::from(name))
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// FxHash: the keys are node ids and interned names, not attacker-chosen strings, and SipHash
/// was a tenth of the parse time.
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // The multiplication mixes bits upwards only, and hashbrown picks buckets with the low
        // bits: rotate the mixed high bits down (as rustc-hash 2 does). Without this, short
        // interned names (`a1`, `a2`, ...) share their low bits and the probes run long.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl Emitter for SpanEmitter<'_> {
    type Token = Infallible;

    fn move_position(&mut self, offset: isize) {
        self.pos = self.pos.saturating_add_signed(offset);
    }

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_chars();
        if let Some((_, span, name)) = self.raw_open.take() {
            self.found.error(
                HtmlErrorKind::UnclosedRawText,
                span,
                Cow::Owned(format!(
                    "<{name}> is never closed: everything after it is read as its text"
                )),
            );
        }
        let end = self.text.len();
        let _ = self.process(TreeToken::EOFToken, end..end, Processing::Other);
        self.builder.end();
    }

    fn emit_error(&mut self, error: html5gum::Error) {
        let code = error.as_str();
        let end = self.pos.min(self.text.len());
        // The tokenizer reports an error after reading the character that caused it; that
        // character is the span (an error at the end of the input is an empty span there).
        // A tag, comment or doctype the input ends inside is reported where it opens
        // (`<!--`, `<img`): the end of the file says nothing about where to look.
        if matches!(code, "eof-in-tag" | "eof-in-comment" | "eof-in-doctype")
            && self.tag_start < end
        {
            let open = self.tag_start
                ..self
                    .scan_until(self.tag_start + 1, b"\t\n\x0c\r />")
                    .min(end);
            self.found
                .error(HtmlErrorKind::Tokenizer, open, Cow::Borrowed(code));
            return;
        }
        let start = if code.starts_with("eof-") {
            end
        } else {
            self.text[..floor_boundary(self.text, end)]
                .char_indices()
                .next_back()
                .map_or(end, |(i, _)| i)
        };
        self.found
            .error(HtmlErrorKind::Tokenizer, start..end, Cow::Borrowed(code));
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, s: &[u8]) {
        if self.chars.is_empty() {
            let start = self.pos.saturating_sub(s.len());
            self.chars_span = Some(start..self.pos);
        } else if let Some(span) = &mut self.chars_span {
            span.end = self.pos;
        }
        self.chars.extend_from_slice(s);
    }

    fn init_start_tag(&mut self) {
        self.init_tag(TagType::Start);
    }

    fn init_end_tag(&mut self) {
        self.init_tag(TagType::End);
    }

    fn init_comment(&mut self) {
        self.comment.clear();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attr();
        self.flush_chars();
        match self.tag_type.take() {
            Some(TagType::Start) => self.emit_start_tag(),
            Some(TagType::End) => {
                self.emit_end_tag();
                None
            }
            None => None,
        }
    }

    fn emit_current_comment(&mut self) {
        self.flush_chars();
        let span = self.tag_start..self.pos;
        let token = TreeToken::CommentToken(tendril(&self.comment));
        let _ = self.process(token, span, Processing::Other);
        self.comment.clear();
    }

    fn emit_current_doctype(&mut self) {
        self.flush_chars();
        let span = self.tag_start..self.pos;
        let d = std::mem::take(&mut self.doctype);
        let token = TreeToken::DoctypeToken(Doctype {
            name: Some(d.name).filter(|n| !n.is_empty()).map(|n| tendril(&n)),
            public_id: d.public_id.map(|v| tendril(&v)),
            system_id: d.system_id.map(|v| tendril(&v)),
            force_quirks: d.force_quirks,
        });
        let _ = self.process(token, span, Processing::Other);
    }

    fn set_self_closing(&mut self) {
        if self.tag_type == Some(TagType::End) {
            self.emit_error(html5gum::Error::EndTagWithTrailingSolidus);
        } else {
            self.self_closing = true;
        }
    }

    fn set_force_quirks(&mut self) {
        self.doctype.force_quirks = true;
    }

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag_name.extend_from_slice(s);
    }

    fn push_comment(&mut self, s: &[u8]) {
        self.comment.extend_from_slice(s);
    }

    fn push_doctype_name(&mut self, s: &[u8]) {
        self.doctype.name.extend_from_slice(s);
    }

    fn init_doctype(&mut self) {
        self.doctype = DoctypeBuf::default();
    }

    fn init_attribute(&mut self) {
        self.finish_attr();
        if self.tag_type == Some(TagType::End) {
            self.emit_error(html5gum::Error::EndTagWithAttributes);
        }
        // The tokenizer has consumed the attribute's first byte already.
        self.attr = Some(PendingAttr {
            name: Vec::new(),
            value: Vec::new(),
            name_start: self.pos.saturating_sub(1),
            value_start: None,
        });
    }

    fn init_attribute_value(&mut self) {
        if let Some(attr) = &mut self.attr {
            attr.value_start = Some(self.pos);
        }
        // The next read is the double-quoted value's first: see `PausingReader`.
        let double_quoted = self
            .pos
            .checked_sub(1)
            .and_then(|i| self.text.as_bytes().get(i))
            == Some(&b'"');
        if double_quoted && self.attr_spans.len() % 8 == 7 {
            self.pause.set(true);
        }
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        if let Some(attr) = &mut self.attr {
            attr.name.extend_from_slice(s);
        }
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if let Some(attr) = &mut self.attr {
            attr.value.extend_from_slice(s);
        }
    }

    fn set_doctype_public_identifier(&mut self, value: &[u8]) {
        self.doctype.public_id = Some(value.to_vec());
    }

    fn set_doctype_system_identifier(&mut self, value: &[u8]) {
        self.doctype.system_id = Some(value.to_vec());
    }

    fn push_doctype_public_identifier(&mut self, s: &[u8]) {
        self.doctype
            .public_id
            .get_or_insert_with(Vec::new)
            .extend_from_slice(s);
    }

    fn push_doctype_system_identifier(&mut self, s: &[u8]) {
        self.doctype
            .system_id
            .get_or_insert_with(Vec::new)
            .extend_from_slice(s);
    }

    fn start_open_tag(&mut self) {
        self.tag_start = self.pos.saturating_sub(1);
    }

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.tag_type == Some(TagType::End)
            && !self.last_start_tag.is_empty()
            && self.last_start_tag == self.tag_name
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{ElementRef, Selector};

    fn parse(text: &str) -> HtmlFragment {
        parse_fragment(
            text,
            OffsetMap::contiguous(0, text.len()),
            FragmentKind::Document,
        )
    }

    /// The elements named `name`, in document order, with their spans.
    fn elements<'a>(
        f: &'a HtmlFragment,
        name: &str,
    ) -> Vec<(ElementRef<'a>, Option<&'a ElementSpans>)> {
        f.html
            .tree
            .root()
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|e| e.value().name() == name)
            .map(|e| (e, f.spans_of(e.id())))
            .collect()
    }

    fn only<'a>(f: &'a HtmlFragment, name: &str) -> (ElementRef<'a>, &'a ElementSpans) {
        let found = elements(f, name);
        assert_eq!(found.len(), 1, "one <{name}> expected");
        (found[0].0, found[0].1.expect("written in the source"))
    }

    fn text_of(text: &str, span: &Range<usize>) -> String {
        text[span.clone()].to_owned()
    }

    #[test]
    fn tag_attribute_and_value_spans() {
        let text = r#"<div onclick="go()" id=a'b class='c d' hidden data-x = "y" e="">t</div>"#;
        let f = parse(text);
        let (div, s) = only(&f, "div");
        assert_eq!(text_of(text, &s.tag), &text[..text.find(">t").unwrap() + 1]);
        assert_eq!(text_of(text, &s.name), "div");
        assert_eq!(
            s.end_tag.as_ref().map(|e| text_of(text, e)).as_deref(),
            Some("</div>")
        );
        let attrs: Vec<_> = s
            .attrs
            .iter()
            .map(|a| {
                (
                    a.name.as_str(),
                    text_of(text, &a.name_span),
                    a.value_span.as_ref().map(|v| text_of(text, v)),
                    text_of(text, &a.span),
                )
            })
            .collect();
        let some = |v: &str| Some(v.to_owned());
        assert_eq!(
            attrs,
            [
                (
                    "onclick",
                    "onclick".into(),
                    some("go()"),
                    r#"onclick="go()""#.into()
                ),
                ("id", "id".into(), some("a'b"), "id=a'b".into()),
                ("class", "class".into(), some("c d"), "class='c d'".into()),
                ("hidden", "hidden".into(), None, "hidden".into()),
                (
                    "data-x",
                    "data-x".into(),
                    some("y"),
                    r#"data-x = "y""#.into()
                ),
                ("e", "e".into(), some(""), r#"e="""#.into()),
            ]
        );
        assert_eq!(div.value().attr("id"), Some("a'b"));
        assert_eq!(div.value().attr("hidden"), Some(""));
        assert_eq!(
            s.attr_value_span("CLASS")
                .map(|v| text_of(text, &v))
                .as_deref(),
            Some("c d")
        );
    }

    #[test]
    fn values_are_raw_text_while_the_dom_is_decoded() {
        let text = r#"<a href="?a=1&amp;b=2" title=x&lt;y>l</a>"#;
        let f = parse(text);
        let (a, s) = only(&f, "a");
        assert_eq!(a.value().attr("href"), Some("?a=1&b=2"));
        assert_eq!(
            text_of(text, &s.attr_value_span("href").unwrap()),
            "?a=1&amp;b=2"
        );
        assert_eq!(a.value().attr("title"), Some("x<y"));
        assert_eq!(
            text_of(text, &s.attr_value_span("title").unwrap()),
            "x&lt;y"
        );
    }

    #[test]
    fn upper_case_names_are_lowered_but_spans_show_the_source() {
        let text = "<IMG SRC=x.png ALT='A'>";
        let f = parse(text);
        let (img, s) = only(&f, "img");
        assert_eq!(img.value().attr("src"), Some("x.png"));
        assert_eq!(s.attrs[0].name, "src");
        assert_eq!(text_of(text, &s.attrs[0].name_span), "SRC");
        assert_eq!(text_of(text, &s.name), "IMG");
    }

    #[test]
    fn duplicate_attributes_keep_the_first_in_the_dom_and_all_in_spans() {
        let text = r#"<img src="a.png" SRC="b.png" alt>"#;
        let f = parse(text);
        let (img, s) = only(&f, "img");
        assert_eq!(img.value().attr("src"), Some("a.png"));
        assert_eq!(s.attrs.len(), 3);
        assert!(!s.attrs[0].duplicate && s.attrs[1].duplicate);
        assert_eq!(text_of(text, &s.attr_value_span("src").unwrap()), "a.png");
        assert_eq!(
            text_of(text, s.attrs[1].value_span.as_ref().unwrap()),
            "b.png"
        );
        let dup = f
            .errors
            .iter()
            .find(|e| e.message == "duplicate-attribute")
            .unwrap();
        assert_eq!(text_of(text, &dup.span), "SRC");
    }

    #[test]
    fn implied_elements_have_no_spans() {
        let text = "<table><tr><td>1</td></tr></table>";
        let f = parse(text);
        assert!(elements(&f, "html")[0].1.is_none());
        assert!(elements(&f, "tbody")[0].1.is_none());
        let (_, tr) = only(&f, "tr");
        assert_eq!(text_of(text, &tr.tag), "<tr>");
        assert_eq!(
            tr.end_tag.as_ref().map(|e| text_of(text, e)).as_deref(),
            Some("</tr>")
        );
        let (_, td) = only(&f, "td");
        assert_eq!(td.tag, 11..15);
    }

    #[test]
    fn reconstructed_formatting_elements_have_no_spans() {
        let text = "<p><b>x<p>y</b>";
        let f = parse(text);
        let bs = elements(&f, "b");
        assert_eq!(bs.len(), 2);
        assert_eq!(bs[0].1.map(|s| s.tag.clone()), Some(3..6));
        assert!(
            bs[1].1.is_none(),
            "the second <b> is the tree builder's copy"
        );
    }

    #[test]
    fn end_tags_pair_with_their_elements() {
        let text = "<div><div><span>a</span></div><p>b<p>c</div><br>";
        let f = parse(text);
        let divs = elements(&f, "div");
        assert_eq!(divs[0].1.unwrap().end_tag, Some(38..44));
        assert_eq!(divs[1].1.unwrap().end_tag, Some(24..30));
        let (_, span) = only(&f, "span");
        assert_eq!(span.end_tag, Some(17..24));
        // A `<p>` closed by the next `<p>` and a void element have no end tag.
        assert!(elements(&f, "p")
            .iter()
            .all(|(_, s)| s.unwrap().end_tag.is_none()));
        assert!(only(&f, "br").1.end_tag.is_none());
        let (_, outer) = (divs[0].0, divs[0].1.unwrap());
        assert_eq!(outer.outer(), 0..44);
        assert_eq!(outer.inner(), Some(5..38));
    }

    #[test]
    fn raw_text_elements_read_their_content_as_text() {
        for name in [
            "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        ] {
            let text = format!("<{name} a=1><img src=x></{name}><hr>");
            let f = parse(&text);
            let (el, s) = only(&f, name);
            assert!(
                elements(&f, "img").is_empty(),
                "<{name}> content is not markup"
            );
            assert_eq!(el.text().collect::<String>(), "<img src=x>");
            let end = s
                .end_tag
                .clone()
                .unwrap_or_else(|| panic!("</{name}> found"));
            assert_eq!(&text[end], format!("</{name}>"));
            assert_eq!(only(&f, "hr").1.tag.end, text.len());
            assert!(f
                .errors
                .iter()
                .all(|e| e.kind != HtmlErrorKind::UnclosedRawText));
        }
    }

    #[test]
    fn an_unclosed_raw_text_element_swallows_the_rest_and_is_reported() {
        for name in ["iframe", "textarea", "title", "style", "script", "xmp"] {
            let text = format!("<p>a</p><{name} src=\"v\">\n<p>b</p><img src=x onerror=y()>");
            let f = parse(&text);
            let (_, s) = only(&f, name);
            assert!(s.end_tag.is_none());
            assert_eq!(elements(&f, "p").len(), 1, "<{name}> swallowed the rest");
            assert!(elements(&f, "img").is_empty());
            let error = f
                .errors
                .iter()
                .find(|e| e.kind == HtmlErrorKind::UnclosedRawText)
                .unwrap_or_else(|| panic!("unclosed <{name}> reported"));
            assert_eq!(error.span, s.tag);
        }
        let f = parse("<plaintext><b>");
        assert!(elements(&f, "b").is_empty());
        assert!(f
            .errors
            .iter()
            .any(|e| e.kind == HtmlErrorKind::UnclosedRawText));
    }

    #[test]
    fn noscript_content_is_markup_with_scripting_disabled() {
        let text = r#"<noscript><img src="x.gif" onload="a()"></noscript>"#;
        let f = parse(text);
        let (_, img) = only(&f, "img");
        assert_eq!(
            text_of(text, &img.attr_value_span("onload").unwrap()),
            "a()"
        );
        assert!(only(&f, "noscript").1.end_tag.is_some());
    }

    #[test]
    fn crlf_and_multi_byte_text_before_tags() {
        let text = "中文\r\n<img\r\n src=\"图.png\"\r\n alt=说明>\r\n<p title='é'>ü</p>";
        let f = parse(text);
        let (img, s) = only(&f, "img");
        assert_eq!(img.value().attr("src"), Some("图.png"));
        assert_eq!(
            text_of(text, &s.tag),
            "<img\r\n src=\"图.png\"\r\n alt=说明>"
        );
        assert_eq!(text_of(text, &s.attr_value_span("src").unwrap()), "图.png");
        assert_eq!(text_of(text, &s.attr_value_span("alt").unwrap()), "说明");
        let (_, p) = only(&f, "p");
        assert_eq!(text_of(text, &p.attr_value_span("title").unwrap()), "é");
        assert_eq!(text_of(text, p.end_tag.as_ref().unwrap()), "</p>");
    }

    #[test]
    fn image_becomes_img_and_keeps_its_span() {
        let text = "<image src=a>";
        let f = parse(text);
        let (_, s) = only(&f, "img");
        assert_eq!(s.tag, 0..text.len());
    }

    #[test]
    fn attributes_of_a_stray_html_tag_land_on_the_root_with_spans() {
        let text = "<p>x</p><html onload=\"evil()\">";
        let f = parse(text);
        let (root, s) = elements(&f, "html").into_iter().next().unwrap();
        assert_eq!(root.value().attr("onload"), Some("evil()"));
        let s = s.expect("the written <html> tag owns the attribute");
        assert_eq!(
            text_of(text, &s.attr_value_span("onload").unwrap()),
            "evil()"
        );
    }

    #[test]
    fn foreign_content() {
        let text = "<svg viewBox='0 0 1 1'><foreignObject><div>x</div></foreignObject><![CDATA[<b>]]></svg>";
        let f = parse(text);
        let (_, svg) = only(&f, "svg");
        assert_eq!(
            text_of(text, &svg.attr_value_span("viewbox").unwrap()),
            "0 0 1 1"
        );
        assert!(svg.end_tag.is_some());
        let (_, fo) = only(&f, "foreignObject");
        assert_eq!(
            text_of(text, fo.end_tag.as_ref().unwrap()),
            "</foreignObject>"
        );
        assert!(elements(&f, "b").is_empty(), "CDATA is text in SVG");
        assert_eq!(elements(&f, "div").len(), 1);
    }

    #[test]
    fn tokenizer_and_tree_builder_errors_are_placed() {
        let text = r#"<img src="a"alt="b"></div>"#;
        let f = parse(text);
        let ws = f
            .errors
            .iter()
            .find(|e| e.message == "missing-whitespace-between-attributes")
            .unwrap();
        let alt = text.find("alt").unwrap();
        assert_eq!(ws.span, alt..alt + 1);
        let stray = f
            .errors
            .iter()
            .find(|e| e.kind == HtmlErrorKind::TreeBuilder)
            .unwrap();
        assert_eq!(text_of(text, &stray.span), "</div>");
        let f = parse("<a></a x=1>");
        assert!(f
            .errors
            .iter()
            .any(|e| e.message == "end-tag-with-attributes"));
    }

    #[test]
    fn a_tag_cut_off_by_the_end_makes_no_element() {
        let f = parse(r#"<p>a</p><img src="x"#);
        assert!(elements(&f, "img").is_empty());
        assert!(f.errors.iter().any(|e| e.message == "eof-in-tag"));
    }

    #[test]
    fn selectors_work_on_the_dom() {
        let f = parse(r#"<div><img src=a><img src=b alt=""></div>"#);
        let selector = Selector::parse("img:not([alt])").unwrap();
        let found: Vec<_> = f.html.select(&selector).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(f.spans_of(found[0].id()).unwrap().tag, 5..16);
    }

    #[test]
    fn the_dom_is_the_one_html5ever_builds() {
        use html5ever::tendril::TendrilSink;
        let samples = [
            "<p><b>x<p>y</b>z<table><tr><td>a<td>b</table><i>q</b>r</i>",
            "<ul><li>a<li>b</ul><select><option>1<option>2</select><dl><dt>x<dd>y</dl>",
            "<a href=1>x<a href=2>y</a><form><form></form><table>t<tr>u</table>",
            "<svg><path d=1/><foreignObject><p>x</foreignObject></svg><math><mi>x</math>",
            "<noscript><p>a</noscript><template><td>x</template>\0z<textarea>\n\0b</textarea>",
            "<!-- c --><!DOCTYPE html><title>&amp;</title>a&notin;b &#x41; &#0; <br/></br>",
            "<h1><h2>x</h1></h2><button><button><frameset><p>a</p>",
        ];
        for text in samples {
            let ours = parse(text).html.html();
            let opts = html5ever::ParseOpts {
                tree_builder: TreeBuilderOpts {
                    scripting_enabled: false,
                    ..TreeBuilderOpts::default()
                },
                ..html5ever::ParseOpts::default()
            };
            let reference = html5ever::driver::parse_fragment(
                HtmlTreeSink::new(Html::new_fragment()),
                opts,
                QualName::new(None, ns!(html), local_name!("body")),
                Vec::new(),
                false,
            )
            .one(text)
            .html();
            assert_eq!(ours, reference, "{text}");
        }
    }

    /// Pathological input runs on a thread with the 2 MiB stack rayon gives its workers.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn deep_nesting_is_flattened_not_quadratic_and_not_recursive() {
        let n = 100_000;
        let (count, spanned, too_deep, paired, last_end) = on_small_stack(move || {
            let text = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
            let started = std::time::Instant::now();
            let f = parse(&text);
            let took = started.elapsed();
            let divs = elements(&f, "div");
            let paired = divs
                .iter()
                .filter(|(_, s)| s.is_some_and(|s| s.end_tag.is_some()))
                .count();
            let too_deep = f
                .errors
                .iter()
                .filter(|e| e.kind == HtmlErrorKind::TooDeep)
                .count();
            let last_end = divs[0].1.and_then(|s| s.end_tag.clone());
            assert!(took.as_secs() < 60, "took {took:?}");
            let count = divs.len();
            let spanned = divs.iter().filter(|(_, s)| s.is_some()).count();
            drop(f);
            (
                count,
                spanned,
                too_deep,
                paired,
                last_end.map(|e| e.end == text.len()),
            )
        });
        assert_eq!(count, n);
        assert_eq!(spanned, n);
        assert_eq!(paired, n);
        assert_eq!(too_deep, 1);
        assert_eq!(last_end, Some(true));
    }

    #[test]
    fn many_attributes_stay_linear() {
        let n = 100_000;
        let (attrs, dom_attrs, dups) = on_small_stack(move || {
            let mut text = String::from("<div");
            for i in 0..n {
                text.push_str(&format!(" a{i}=\"{i}\""));
            }
            text.push_str(" a7=again>");
            let f = parse(&text);
            let (div, s) = only(&f, "div");
            let dups = s.attrs.iter().filter(|a| a.duplicate).count();
            (s.attrs.len(), div.value().attrs().count(), dups)
        });
        assert_eq!(attrs, n + 1);
        assert_eq!(dom_attrs, n);
        assert_eq!(dups, 1);
    }
}
