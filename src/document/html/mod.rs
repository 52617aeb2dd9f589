//! Spanned HTML: html5gum's tokenizer, which knows byte positions, feeds html5ever's tree builder,
//! which knows HTML's tree rules. The result is an ordinary `scraper::Html` (CSS selectors work)
//! plus, for every element an author wrote, the byte spans of its start tag, name, attributes and
//! end tag.
//!
//! Elements the tree builder makes up (the fragment's `html` root, `tbody` around a bare `tr`,
//! formatting elements it reconstructs) have no spans: nothing in the file is theirs.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use ego_tree::NodeId;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{local_name, ns, QualName};
use html5gum::{Readable, State, Tokenizer};
use scraper::Html;

use super::offsets::OffsetMap;
use emitter::SpanEmitter;
use fast_hash::FastMap;
use reader::PausingReader;
use sink::SpanSink;

mod attributes;
pub(crate) mod decode;
mod emitter;
mod fast_hash;
mod names;
mod nested;
mod open_elements;
mod reader;
mod sink;
mod tags;
#[cfg(test)]
mod test_support;
mod tokenizer;

pub use names::OVERFLOW_NAME;
pub use nested::{parse_nested, MAX_SRCDOC_DEPTH};

/// Elements nested deeper than this are attached as siblings at this depth (browsers cap the
/// depth similarly). The tree builder's scope checks walk the stack of open elements, so without
/// a cap 100,000 nested `<div>`s take quadratic time. `[limits] max-html-depth` changes it.
pub const DEFAULT_MAX_DEPTH: usize = 512;

/// Parse errors kept per fragment; the rest are only counted.
const MAX_ERRORS: usize = 1000;

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

/// Which reading of the source a fragment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The HTML as written, parsed with scripting off.
    Source,
    /// The same text parsed with scripting on, as readers' browsers parse it: only the elements
    /// that exist only then (hidden in a `<noscript>` otherwise) have spans.
    Scripted,
    /// The document of an `<iframe srcdoc>`, `depth` frames deep; spans point into the value.
    Srcdoc { depth: usize },
}

/// One parsed piece of HTML.
#[derive(Debug, Clone)]
pub struct HtmlFragment {
    pub kind: FragmentKind,
    pub origin: Origin,
    /// The DOM, parsed as a fragment in a `<body>` context, with scripting off unless `origin`
    /// is `Scripted`.
    pub html: Html,
    spans: FastMap<NodeId, ElementSpans>,
    pub errors: Vec<HtmlError>,
    /// Errors beyond the kept ones, only counted.
    pub more_errors: usize,
    /// Every comment the tokenizer read (`<!-- -->`, and bogus ones such as `<!x>`), as file
    /// ranges from `<` to the end of the comment: what suppression comments are read from, so
    /// that text the parser reads as raw text (`<script>`, `<textarea>`) is never one.
    pub comments: Vec<Range<usize>>,
    /// `<body>` start tags the tree builder dropped. Inside the theme's page a browser copies
    /// their attributes onto the page's own `<body>`, so their handlers and URLs still count.
    pub dropped_body: Vec<ElementSpans>,
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
    parse_one(text, map, kind, max_depth, false).0
}

/// A `srcdoc` value of an `<iframe>` written in a fragment: its raw span in the parsed text and
/// its value as the DOM holds it.
pub(crate) struct Srcdoc {
    pub(crate) raw: Range<usize>,
    pub(crate) value: String,
}

/// Parse `text` once, with scripting on or off, and find the `srcdoc` documents in it.
fn parse_one(
    text: &str,
    map: OffsetMap,
    kind: FragmentKind,
    max_depth: usize,
    scripting: bool,
) -> (HtmlFragment, Vec<Srcdoc>) {
    let sink = SpanSink::new();
    let context = html5ever::tree_builder::create_element(
        &sink,
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
    );
    let opts = TreeBuilderOpts {
        // With scripting off `<noscript>` holds markup; with it on (what readers get) its
        // content is text up to `</noscript>`. `nested` parses both ways when it matters.
        scripting_enabled: scripting,
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
    let srcdocs = srcdocs(&html, &spans);
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
    let mut dropped_body = found.dropped_body;
    for s in &mut dropped_body {
        s.map_to_file(&map);
    }
    let comments = found
        .comments
        .into_iter()
        .map(|c| map.range_to_file(clamp(text, c)))
        .collect();
    let fragment = HtmlFragment {
        kind,
        origin: Origin::Source,
        html,
        spans,
        errors,
        more_errors: found.more_errors,
        comments,
        dropped_body,
        range: map.file_range(),
        map,
    };
    (fragment, srcdocs)
}

/// The `srcdoc` values of the `<iframe>`s written in the fragment, in source order.
fn srcdocs(html: &Html, spans: &FastMap<NodeId, ElementSpans>) -> Vec<Srcdoc> {
    let mut found: Vec<Srcdoc> = spans
        .iter()
        .filter_map(|(id, s)| {
            let element = html.tree.get(*id)?.value().as_element()?;
            if element.name.ns != ns!(html) || &*element.name.local != "iframe" {
                return None;
            }
            Some(Srcdoc {
                raw: s.attr_value_span("srcdoc")?,
                value: element.attr("srcdoc")?.to_owned(),
            })
        })
        .collect();
    found.sort_by_key(|s| s.raw.start);
    found
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
    comments: Vec<Range<usize>>,
    dropped_body: Vec<ElementSpans>,
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

#[cfg(test)]
mod tests {
    use html5ever::tree_builder::TreeBuilderOpts;
    use html5ever::{local_name, ns, QualName};
    use scraper::{Html, HtmlTreeSink, Selector};

    use super::test_support::{only, parse, text_of};

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
}
