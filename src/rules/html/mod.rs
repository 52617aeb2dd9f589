//! HTML in post bodies (`HT`): the default policy for what a post may contain, and the site's
//! own `[[html.deny]]` rules. Every rule reads the body parsed once (`doc.markup()`); code
//! blocks, inline code and code template tags are never part of it.

#[doc(hidden)]
pub mod css_scan;
pub mod css_script;
pub mod dangerous_url;
pub mod denied_by_config;
pub mod document_element;
pub mod form_element;
pub mod html_parse_error;
pub mod iframe_host_not_allowed;
pub mod inline_event_handler;
pub mod obsolete_element;
pub mod plugin_element;
pub mod script_element;
pub mod style_attribute;
pub mod style_element;
pub mod unclosed_raw_text;
mod url_attributes;

use std::ops::Range;

use crate::document::{ElementSpans, HtmlElement, Origin};
use crate::rules::{Context, Findings};

/// The elements written in the body that no `[[html.allow]]` entry exempts from rule `code`.
pub(crate) fn elements<'a>(
    ctx: &Context<'a>,
    code: &'static str,
) -> impl Iterator<Item = (HtmlElement<'a>, &'a ElementSpans)> + 'a {
    let settings = ctx.settings;
    let doc: &'a crate::document::Document = ctx.doc;
    doc.markup().written_elements().filter(move |(e, _)| {
        !settings
            .html_exceptions
            .allows(code, &doc.source.name, Some(e.element))
    })
}

/// How a browser comes to read `element`, to end a message with: nothing for markup read as
/// written, else the reading that makes it live.
pub(crate) fn reading(element: &HtmlElement) -> &'static str {
    match element.fragment.origin {
        Origin::Source => "",
        Origin::Scripted => {
            " (with scripting on, as readers' browsers parse, a `</noscript>` inside an attribute ends the `<noscript>` and this tag is live)"
        }
        Origin::Srcdoc { .. } => " (in the document of an `<iframe srcdoc>`, which the browser renders)",
    }
}

/// Is a finding of `code` without an element (a Markdown link, a parse error) exempt here?
pub(crate) fn allowed_anywhere(ctx: &Context, code: &str) -> bool {
    ctx.settings
        .html_exceptions
        .allows(code, &ctx.doc.source.name, None)
}

/// Report every written element named in `names` at its start tag.
pub(crate) fn report_tags(
    ctx: &Context,
    findings: &mut Findings,
    code: &'static str,
    names: &[&str],
    describe: impl Fn(&str) -> (String, String),
) {
    for (element, spans) in elements(ctx, code) {
        let name = element.name();
        if !names.contains(&name) {
            continue;
        }
        let (message, help) = describe(name);
        let message = message + reading(&element);
        let d = findings
            .diagnostic(spans.tag.clone(), format!("<{name}> here"), message)
            .with_help(help);
        findings.push(d);
    }
}

/// An attribute's span widened to the spaces before it on its line, so that deleting it leaves a
/// tidy tag. When only blockquote markers and indentation come before it on its line, nothing is
/// widened: taking the space after a `>` marker would turn `> onload=x>` into `>>`.
pub(crate) fn with_leading_space(text: &str, span: Range<usize>) -> Range<usize> {
    let before = &text[..span.start];
    let spaces = before.len() - before.trim_end_matches([' ', '\t']).len();
    let rest = &before[..span.start - spaces];
    // Markers are a few bytes: looking back further would make a long line quadratic.
    let near = crate::source::floor_char_boundary(rest, rest.len().saturating_sub(256));
    let line_start = rest[near..]
        .rfind(['\n', '\r'])
        .map_or(near, |i| near + i + 1);
    let found_line_start = line_start > near || near == 0;
    if found_line_start && rest[line_start..].trim_matches(['>', ' ', '\t']).is_empty() {
        return span;
    }
    span.start - spaces..span.end
}
