//! Every image a post references, with the exact span of each URL, and the image proxies
//! that hide an origin URL inside their own.
//!
//! # API (used by the IMG rules)
//!
//! - [`image_refs`]`(doc) -> Vec<ImageRef>`: the post's images in file order: front-matter
//!   image fields (keys from `[images] front-matter-keys`, at any depth, strings or lists of
//!   strings), then the body's `<img src>`, each `srcset` candidate, lazy-loading attributes
//!   (`data-src`, `data-original`, `data-lazy-src`, `data-srcset`), `<picture><source srcset>`,
//!   `<video poster>`, and Markdown images (inline and reference style; a definition used by
//!   several images is listed once).
//! - [`ImageRef::url`] is the URL as the browser or generator sees it (entities decoded, Markdown
//!   escapes removed, YAML quotes removed, surrounding white space trimmed);
//!   [`ImageRef::url_span`] is where it is written in the file. [`ImageRef::span_of`] maps a
//!   byte range of `url` into the file: exactly when the URL is written verbatim, else the
//!   whole `url_span`.
//! - [`proxy::unwrap`]`(url, &patterns)` finds the origin URL carried by an image or CORS proxy
//!   URL, with byte ranges within `url`; [`ImageRef::targets`] gives the URL itself and, when
//!   proxied, the origin, both placed in the file.
//! - [`local`] resolves relative and root-relative paths against the repository layout.

pub mod covers;
pub mod local;
pub mod proxy;
pub mod referrer;
pub mod url;

use std::ops::Range;

use serde_json::Value;

use crate::config::images::ImageSettings;
use crate::document::{pointer, Body, Document, ElementSpans, LinkStyle, NodeKind, ScalarKind};

pub use url::{host, host_matches, scheme};

/// Attributes that lazy-loading scripts read the real URL from.
pub const LAZY_ATTRS: &[&str] = &["data-src", "data-original", "data-lazy-src"];

/// Where an image reference comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageKind {
    /// `<img src>`.
    ImgSrc,
    /// A candidate of `<img srcset>` (or `data-srcset`).
    Srcset,
    /// `data-src`, `data-original`, `data-lazy-src` on `<img>`.
    LazyAttr(String),
    /// A candidate of `<source srcset>` inside `<picture>`.
    SourceSrcset,
    /// `<video poster>`.
    VideoPoster,
    /// `![alt](url)` or `![alt][label]`.
    Markdown,
    /// A front-matter field, by JSON pointer (`/cover`, `/images/0`).
    FrontMatter { pointer: String },
}

impl ImageKind {
    /// How findings name the place: `<img src>`, `front matter \`/cover\``, ...
    pub fn describe(&self) -> String {
        match self {
            ImageKind::ImgSrc => "`<img src>`".into(),
            ImageKind::Srcset => "`<img srcset>` candidate".into(),
            ImageKind::LazyAttr(name) => format!("`<img {name}>`"),
            ImageKind::SourceSrcset => "`<source srcset>` candidate".into(),
            ImageKind::VideoPoster => "`<video poster>`".into(),
            ImageKind::Markdown => "Markdown image".into(),
            ImageKind::FrontMatter { pointer } => format!("front-matter image `{pointer}`"),
        }
    }
}

/// One image URL of the post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub kind: ImageKind,
    /// The URL as read (decoded), trimmed.
    pub url: String,
    /// Where the URL is written in the file (without quotes); empty at the attribute when the
    /// value is empty.
    pub url_span: Range<usize>,
    /// The file text at `url_span` is exactly `url`, so ranges of `url` map byte for byte.
    pub verbatim: bool,
    /// The HTML start tag, or the whole Markdown image; `None` for front matter.
    pub element: Option<Range<usize>>,
    /// The `<img>` whose request fetches this URL (itself, or the `<img>` of a `<picture>`),
    /// which is where a `referrerpolicy` goes; `None` for Markdown, front matter and posters.
    pub requester: Option<Requester>,
}

/// The element that requests an image, as far as referrer policy is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requester {
    /// Its `referrerpolicy` as the DOM holds it.
    pub policy: Option<String>,
    /// The whole `referrerpolicy="..."` attribute as written.
    pub policy_attr: Option<Range<usize>>,
    /// Just after the tag name: where a new attribute is inserted.
    pub insert_at: usize,
}

impl Requester {
    fn of(element: scraper::ElementRef<'_>, spans: &ElementSpans) -> Requester {
        Requester {
            policy: element.value().attr("referrerpolicy").map(str::to_owned),
            policy_attr: spans.attr("referrerpolicy").map(|a| a.span.clone()),
            insert_at: spans.name.end,
        }
    }
}

/// A URL to check: the reference itself, or the origin inside a proxy URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub url: String,
    pub span: Range<usize>,
    /// For an origin: the proxy part of the URL in the file.
    pub proxy: Option<Range<usize>>,
    /// The origin's scheme was not written but implied by the proxy (`i0.wp.com/host/path`).
    pub implied_scheme: bool,
}

impl ImageRef {
    /// The file span of `range`, a byte range of `self.url`.
    pub fn span_of(&self, range: Range<usize>) -> Range<usize> {
        if self.verbatim && range.end <= self.url.len() {
            self.url_span.start + range.start..self.url_span.start + range.end
        } else {
            self.url_span.clone()
        }
    }

    /// The URL itself, then the origin it carries when it is a proxy URL.
    pub fn targets(&self, settings: &ImageSettings) -> Vec<Target> {
        let mut out = vec![Target {
            url: self.url.clone(),
            span: self.url_span.clone(),
            proxy: None,
            implied_scheme: false,
        }];
        if let Some(u) = proxy::unwrap(&self.url, &settings.proxy_patterns) {
            out.push(Target {
                url: u.origin,
                span: self.span_of(u.origin_range),
                proxy: Some(self.span_of(u.proxy)),
                implied_scheme: u.implied_scheme,
            });
        }
        out
    }
}

/// All image references of the post, in file order.
pub fn image_refs(doc: &Document, settings: &ImageSettings) -> Vec<ImageRef> {
    let mut out = Vec::new();
    front_matter_refs(doc, settings, &mut out);
    let text = doc.text();
    let body = doc.markup();
    for (element, spans) in body.written_elements() {
        let tag = Some(spans.tag.clone());
        let requester = requester(body, &element, spans);
        let mut attr = |name: &str, kind: ImageKind, srcset: bool| {
            let (Some(value), Some(a)) = (element.attr(name), element.attr_spans(name)) else {
                return;
            };
            let span = a.value_span.clone().unwrap_or(a.span.end..a.span.end);
            let first = out.len();
            if srcset {
                srcset_refs(text, value, span, kind, tag.clone(), &mut out);
            } else {
                out.push(make_ref(text, kind, value, span, tag.clone()));
            }
            for image in &mut out[first..] {
                image.requester.clone_from(&requester);
            }
        };
        match element.name() {
            "img" => {
                attr("src", ImageKind::ImgSrc, false);
                attr("srcset", ImageKind::Srcset, true);
                for lazy in LAZY_ATTRS {
                    attr(lazy, ImageKind::LazyAttr((*lazy).to_owned()), false);
                }
                attr(
                    "data-srcset",
                    ImageKind::LazyAttr("data-srcset".into()),
                    true,
                );
            }
            "source" => {
                let in_picture = element
                    .element
                    .parent()
                    .and_then(scraper::ElementRef::wrap)
                    .is_some_and(|p| p.value().name() == "picture");
                if in_picture {
                    attr("srcset", ImageKind::SourceSrcset, true);
                }
            }
            "video" => attr("poster", ImageKind::VideoPoster, false),
            _ => {}
        }
    }
    let mut seen_definitions = Vec::new();
    for image in &body.markdown_images {
        if image.style == LinkStyle::Reference {
            if seen_definitions.contains(&image.url_span) {
                continue;
            }
            seen_definitions.push(image.url_span.clone());
        }
        out.push(make_ref(
            text,
            ImageKind::Markdown,
            &image.url,
            image.url_span.clone(),
            Some(image.span.clone()),
        ));
    }
    out.sort_by_key(|r| r.url_span.start);
    out
}

/// The `<img>` that requests the images of `element`: the element itself, or for a
/// `<source>` the `<img>` of its `<picture>`.
fn requester(
    body: &Body,
    element: &crate::document::HtmlElement<'_>,
    spans: &ElementSpans,
) -> Option<Requester> {
    match element.name() {
        "img" => Some(Requester::of(element.element, spans)),
        "source" => {
            let picture = element
                .element
                .parent()
                .and_then(scraper::ElementRef::wrap)?;
            let img = picture
                .children()
                .filter_map(scraper::ElementRef::wrap)
                .find(|c| c.value().name() == "img")?;
            Some(Requester::of(img, body.spans_of(img)?))
        }
        _ => None,
    }
}

fn make_ref(
    text: &str,
    kind: ImageKind,
    value: &str,
    span: Range<usize>,
    element: Option<Range<usize>>,
) -> ImageRef {
    let raw = text.get(span.clone()).unwrap_or("");
    let url = value.trim();
    if raw == value {
        let lead = value.len() - value.trim_start().len();
        let start = span.start + lead;
        ImageRef {
            kind,
            url: url.to_owned(),
            url_span: start..start + url.len(),
            verbatim: true,
            element,
            requester: None,
        }
    } else {
        ImageRef {
            kind,
            url: url.to_owned(),
            url_span: span,
            verbatim: false,
            element,
            requester: None,
        }
    }
}

/// The candidates of a `srcset` value: URL, then descriptors, separated by commas.
fn srcset_refs(
    text: &str,
    value: &str,
    span: Range<usize>,
    kind: ImageKind,
    element: Option<Range<usize>>,
    out: &mut Vec<ImageRef>,
) {
    let verbatim = text.get(span.clone()) == Some(value);
    for candidate in srcset_candidates(value) {
        let url = &value[candidate.clone()];
        let url_span = if verbatim {
            span.start + candidate.start..span.start + candidate.end
        } else {
            span.clone()
        };
        out.push(ImageRef {
            kind: kind.clone(),
            url: url.to_owned(),
            url_span,
            verbatim,
            element: element.clone(),
            requester: None,
        });
    }
}

/// Byte ranges of the candidate URLs in a `srcset` value (HTML's parsing algorithm, simplified:
/// descriptors are skipped up to the next comma outside parentheses).
pub fn srcset_candidates(value: &str) -> Vec<Range<usize>> {
    let bytes = value.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b',') {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut end = i;
        let ended_by_comma = bytes[end - 1] == b',';
        while end > start && bytes[end - 1] == b',' {
            end -= 1;
        }
        if end > start {
            out.push(start..end);
        }
        if !ended_by_comma {
            let mut depth = 0usize;
            while i < bytes.len() {
                match bytes[i] {
                    b'(' => depth += 1,
                    b')' => depth = depth.saturating_sub(1),
                    b',' if depth == 0 => break,
                    _ => {}
                }
                i += 1;
            }
        }
    }
    out
}

fn front_matter_refs(doc: &Document, settings: &ImageSettings, out: &mut Vec<ImageRef>) {
    let Some(fm) = &doc.front_matter else { return };
    let mut stack = vec![(String::new(), &fm.value, false)];
    while let Some((pointer, value, is_image)) = stack.pop() {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let escaped = pointer::escape(key);
                    let image = settings.front_matter_keys.iter().any(|k| k == key);
                    stack.push((format!("{pointer}/{escaped}"), v, image));
                }
            }
            Value::Array(items) if is_image => {
                for (i, v) in items.iter().enumerate() {
                    if v.is_string() {
                        stack.push((format!("{pointer}/{i}"), v, true));
                    }
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    if v.is_object() {
                        stack.push((format!("{pointer}/{i}"), v, false));
                    }
                }
            }
            Value::String(s) if is_image => {
                let Some(node) = fm.index.get(&pointer) else {
                    continue;
                };
                let span = match node.kind {
                    NodeKind::Scalar(ScalarKind::SingleQuoted | ScalarKind::DoubleQuoted)
                        if node.value.len() >= 2 =>
                    {
                        node.value.start + 1..node.value.end - 1
                    }
                    _ => node.value.clone(),
                };
                out.push(make_ref(
                    doc.text(),
                    ImageKind::FrontMatter { pointer },
                    s,
                    span,
                    None,
                ));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_candidates_are_found() {
        let v = "a.png 1x, b.png 2x,c.png, d(1).png 100w";
        let got: Vec<&str> = srcset_candidates(v).into_iter().map(|r| &v[r]).collect();
        assert_eq!(got, ["a.png", "b.png", "c.png", "d(1).png"]);
        let v = " https://x/a.jpg,https://x/b.jpg 2x";
        let got: Vec<&str> = srcset_candidates(v).into_iter().map(|r| &v[r]).collect();
        assert_eq!(got, ["https://x/a.jpg,https://x/b.jpg"]);
    }
}
