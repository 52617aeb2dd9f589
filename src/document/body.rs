//! The parsed body of a post: its HTML fragments with spans, its Markdown images and links. This
//! is what the HTML (`HT`) and image (`IMG`) rules query.

use std::ops::Range;

use scraper::{ElementRef, Selector};

use super::code_tags;
use super::html::{self, AttrSpans, ElementSpans, FragmentKind, HtmlError, HtmlFragment};
use super::markdown::{self, MarkdownImage, MarkdownLink};
use super::offsets::OffsetMap;

/// How the body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodySyntax {
    Markdown,
    /// `.html` and `.htm` posts: the body is parsed as one HTML fragment.
    Html,
}

impl BodySyntax {
    /// Decided by the file name's extension; anything but `.html`/`.htm` is Markdown.
    pub fn from_path(name: &str) -> Self {
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") {
            BodySyntax::Html
        } else {
            BodySyntax::Markdown
        }
    }
}

/// Everything in a post's body that rules check. All spans are byte ranges in the whole file.
#[derive(Debug, Clone)]
pub struct Body {
    pub syntax: BodySyntax,
    /// The HTML of the body in source order, each fragment followed by its other readings
    /// (scripting on, `srcdoc` documents: see [`html::Origin`]).
    pub fragments: Vec<HtmlFragment>,
    pub markdown_images: Vec<MarkdownImage>,
    pub markdown_links: Vec<MarkdownLink>,
    /// Code template tags (`{% highlight %}`, `{{< code >}}`, ...) whose content was not read.
    pub masked: Vec<Range<usize>>,
}

impl Body {
    /// Parse the body `text[body]`.
    pub fn parse(text: &str, body: Range<usize>, syntax: BodySyntax) -> Body {
        Body::parse_limited(text, body, syntax, html::DEFAULT_MAX_DEPTH)
    }

    /// Parse as [`Body::parse`] does, reading HTML nested deeper than `max_html_depth` as
    /// siblings.
    pub fn parse_limited(
        text: &str,
        body: Range<usize>,
        syntax: BodySyntax,
        max_html_depth: usize,
    ) -> Body {
        let body = body.start.min(text.len())..body.end.min(text.len());
        match syntax {
            BodySyntax::Html => {
                let src = &text[body.clone()];
                let masked = code_tags::code_tag_regions(src, &[]);
                let parsed = code_tags::blank(src, &masked);
                let map = OffsetMap::contiguous(body.start, src.len());
                let fragments =
                    html::parse_nested(&parsed, map, FragmentKind::Document, max_html_depth);
                Body {
                    syntax,
                    fragments,
                    markdown_images: Vec::new(),
                    markdown_links: Vec::new(),
                    masked: masked
                        .into_iter()
                        .map(|r| r.start + body.start..r.end + body.start)
                        .collect(),
                }
            }
            BodySyntax::Markdown => {
                let extracted = markdown::extract(text, body);
                let fragments = extracted
                    .fragments
                    .into_iter()
                    .flat_map(|raw| {
                        html::parse_nested(&raw.text, raw.map, raw.kind, max_html_depth)
                    })
                    .collect();
                Body {
                    syntax,
                    fragments,
                    markdown_images: extracted.images,
                    markdown_links: extracted.links,
                    masked: extracted.masked,
                }
            }
        }
    }

    /// Every element of every fragment, in document order, with its spans when it was written
    /// in the source (implied elements such as each fragment's `html` root have none).
    pub fn elements(&self) -> impl Iterator<Item = HtmlElement<'_>> + '_ {
        self.fragments.iter().flat_map(|fragment| {
            fragment
                .html
                .tree
                .root()
                .descendants()
                .filter_map(ElementRef::wrap)
                .map(move |element| HtmlElement::new(fragment, element))
        })
    }

    /// The elements written in the source (those with spans), in document order.
    pub fn written_elements(&self) -> impl Iterator<Item = (HtmlElement<'_>, &ElementSpans)> + '_ {
        self.elements().filter_map(|e| e.spans.map(|s| (e, s)))
    }

    /// Elements matching a CSS selector, across fragments.
    pub fn select<'a>(
        &'a self,
        selector: &'a Selector,
    ) -> impl Iterator<Item = HtmlElement<'a>> + 'a {
        self.fragments.iter().flat_map(move |fragment| {
            fragment
                .html
                .select(selector)
                .map(move |element| HtmlElement::new(fragment, element))
        })
    }

    /// The fragment an element belongs to.
    pub fn fragment_of(&self, element: ElementRef<'_>) -> Option<&HtmlFragment> {
        self.fragments
            .iter()
            .find(|f| std::ptr::eq(&f.html.tree, element.tree()))
    }

    /// The spans of an element from any fragment.
    pub fn spans_of(&self, element: ElementRef<'_>) -> Option<&ElementSpans> {
        self.fragment_of(element)?.spans_of(element.id())
    }

    /// The raw value span of attribute `name` of `element`.
    pub fn attr_value_span(&self, element: ElementRef<'_>, name: &str) -> Option<Range<usize>> {
        self.spans_of(element)?.attr_value_span(name)
    }

    /// `<body>` start tags the parser dropped, whose attributes a browser copies onto the
    /// page's own `<body>`.
    pub fn dropped_body_tags(&self) -> impl Iterator<Item = &ElementSpans> + '_ {
        self.fragments.iter().flat_map(|f| f.dropped_body.iter())
    }

    /// Parse errors of all fragments.
    pub fn html_errors(&self) -> impl Iterator<Item = &HtmlError> + '_ {
        self.fragments.iter().flat_map(|f| f.errors.iter())
    }
}

/// An element and where it is written.
#[derive(Debug, Clone, Copy)]
pub struct HtmlElement<'a> {
    pub element: ElementRef<'a>,
    /// `None` for elements the parser implied.
    pub spans: Option<&'a ElementSpans>,
    pub fragment: &'a HtmlFragment,
}

impl<'a> HtmlElement<'a> {
    fn new(fragment: &'a HtmlFragment, element: ElementRef<'a>) -> Self {
        HtmlElement {
            element,
            spans: fragment.spans_of(element.id()),
            fragment,
        }
    }

    /// The local name, lower case for HTML elements.
    pub fn name(&self) -> &'a str {
        self.element.value().name()
    }

    /// The attribute's value as the DOM holds it (entities decoded; the first of duplicates).
    /// `name` is matched as written in the source, ignoring case: SVG and MathML attributes that
    /// the parser renames (`viewbox` to `viewBox`, `xlink:href` to `href` in the XLink namespace)
    /// are found too.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        let element = self.element.value();
        element.attr(name).or_else(|| {
            element
                .attrs
                .iter()
                .find(|(qual, _)| written_as(qual, name))
                .map(|(_, value)| &**value)
        })
    }

    /// Where the attribute is written.
    pub fn attr_spans(&self, name: &str) -> Option<&'a AttrSpans> {
        self.spans?.attr(name)
    }

    /// The raw value span of the attribute, when it is written with a value.
    pub fn attr_value_span(&self, name: &str) -> Option<Range<usize>> {
        self.spans?.attr_value_span(name)
    }

    /// The start tag's span.
    pub fn tag_span(&self) -> Option<Range<usize>> {
        self.spans.map(|s| s.tag.clone())
    }
}

/// Is `qual` the attribute written as `name` (`prefix:local`, any case)?
fn written_as(qual: &html5ever::QualName, name: &str) -> bool {
    match &qual.prefix {
        None => str::eq_ignore_ascii_case(&qual.local, name),
        Some(prefix) => name.split_once(':').is_some_and(|(p, l)| {
            p.eq_ignore_ascii_case(prefix) && l.eq_ignore_ascii_case(&qual.local)
        }),
    }
}
