//! The body's images as the IMG02x-IMG04x rules see them: `<img>` elements and Markdown images in
//! source order, with the URL the browser requests and the referrer policy it applies.
//! (Kept small on purpose: to be unified with `crate::images` once that lands.)

use std::ops::Range;

use crate::config::referrer_covers::ReferrerSettings;
use crate::document::{Document, ElementSpans, HtmlElement, MarkdownImage};
use crate::referrer::Policy;

pub enum ImageSource<'a> {
    Html(HtmlElement<'a>, &'a ElementSpans),
    Markdown(&'a MarkdownImage),
}

pub struct BodyImage<'a> {
    pub source: ImageSource<'a>,
    /// The URL as the DOM holds it (entities decoded) or Markdown's unescaped destination.
    pub url: &'a str,
    /// Where the URL is written (the start tag when an `<img>` has no `src` value).
    pub url_span: Range<usize>,
}

/// Where an image's referrer policy comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicySource {
    Attribute,
    SiteDefault,
    BrowserDefault,
}

/// Every `<img>` written in the body with a `src`, and every Markdown image, in source order.
pub fn body_images(doc: &Document) -> Vec<BodyImage<'_>> {
    let body = doc.markup();
    let mut images: Vec<BodyImage<'_>> = body
        .written_elements()
        .filter(|(e, _)| e.name() == "img")
        .filter_map(|(e, spans)| {
            let url = e.attr("src")?;
            let url_span = spans.attr_value_span("src").unwrap_or(spans.tag.clone());
            Some(BodyImage {
                source: ImageSource::Html(e, spans),
                url,
                url_span,
            })
        })
        .chain(body.markdown_images.iter().map(|m| BodyImage {
            source: ImageSource::Markdown(m),
            url: &m.url,
            url_span: m.url_span.clone(),
        }))
        .collect();
    images.sort_by_key(|i| i.start());
    images
}

impl BodyImage<'_> {
    pub fn start(&self) -> usize {
        match &self.source {
            ImageSource::Html(_, spans) => spans.tag.start,
            ImageSource::Markdown(m) => m.span.start,
        }
    }

    /// The policy the browser applies to this image's request: a valid `referrerpolicy`
    /// attribute, else the site's `<meta name="referrer">` (from the config), else the browser's.
    /// An empty or invalid attribute falls back, as browsers do.
    pub fn effective_policy(&self, settings: &ReferrerSettings) -> (Policy, PolicySource) {
        if let ImageSource::Html(e, _) = &self.source {
            if let Some(policy) = e.attr("referrerpolicy").and_then(Policy::parse) {
                return (policy, PolicySource::Attribute);
            }
        }
        match settings.default_policy {
            Some(policy) => (policy, PolicySource::SiteDefault),
            None => (Policy::BROWSER_DEFAULT, PolicySource::BrowserDefault),
        }
    }
}

/// Help for a Markdown image, which cannot carry `referrerpolicy`.
pub fn markdown_help(policy: Policy) -> String {
    format!(
        "Markdown images cannot carry `referrerpolicy`. Write this one as HTML, \
         `<img src=\"...\" alt=\"...\" referrerpolicy=\"{policy}\">`; or, when the whole site can \
         live with it, set the theme's `<meta name=\"referrer\" content=\"{policy}\">` and \
         `[referrer] default-policy = \"{policy}\"` in postlint.toml; or serve the image through \
         an image proxy or from your own host"
    )
}
