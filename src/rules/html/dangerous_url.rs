use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT006",
    name: "dangerous-url",
    summary: "A `javascript:` or `vbscript:` URL, or a `data:` URL outside images",
    severity: Error,
    enabled: true,
}

use std::ops::Range;

use html5ever::ns;

use super::url_attributes::{
    animation_target, dangerous_scheme, url_use, AnimationTarget, UrlUse, ANIMATION_VALUES,
};
use crate::document::html::decode::{decode_attribute, value_map};

fn check(ctx: &Context, findings: &mut Findings) {
    let text = ctx.doc.text();
    for (element, spans) in super::elements(ctx, META.code) {
        let qual = &element.element.value().name;
        let name = element.name();
        let reading = super::reading(&element);
        let animates = animation_target(&qual.ns, name, element.attr("attributename"));
        for attr in spans.attrs.iter().filter(|a| !a.duplicate) {
            let (Some(value), Some(span)) = (element.attr(&attr.name), attr.value_span.clone())
            else {
                continue;
            };
            if let Some(use_) = url_use(&qual.ns, name, &attr.name) {
                if let Some(scheme) = dangerous_scheme(value, use_) {
                    let message =
                        format!("`{scheme}:` URL in `{}` of `<{name}>`{reading}", attr.name);
                    push(findings, span, format!("{scheme}: URL"), message, scheme);
                }
                continue;
            }
            let Some(target) = &animates else {
                continue;
            };
            if !ANIMATION_VALUES.contains(&attr.name.as_str()) {
                continue;
            }
            let target_name = element.attr("attributename").unwrap_or_default().trim();
            let (scheme, at) = match target {
                AnimationTarget::Handler => ("script", span),
                AnimationTarget::Url => {
                    let Some((scheme, piece)) = dangerous_piece(value) else {
                        continue;
                    };
                    (scheme, value_map(text, span, value).range_to_file(piece))
                }
            };
            let message = if *target == AnimationTarget::Handler {
                format!(
                    "`<{name}>` animates the event handler `{target_name}`: its `{}` value runs as script{reading}",
                    attr.name
                )
            } else {
                format!(
                    "`<{name}>` sets `{target_name}` to a `{scheme}:` URL through `{}`{reading}",
                    attr.name
                )
            };
            push(
                findings,
                at,
                format!("animated {target_name}"),
                message,
                scheme,
            );
        }
    }
    if super::allowed_anywhere(ctx, META.code) {
        return;
    }
    for body in ctx.doc.markup().dropped_body_tags() {
        for attr in body.attrs.iter().filter(|a| !a.duplicate) {
            let Some(span) = attr.value_span.clone() else {
                continue;
            };
            let Some(use_) = url_use(&ns!(html), "body", &attr.name) else {
                continue;
            };
            let (value, _) = decode_attribute(&text[span.clone()], span.start);
            if let Some(scheme) = dangerous_scheme(&value, use_) {
                let message = format!(
                    "`{scheme}:` URL in `{}` of a `<body>` tag: the parser drops the tag but copies `{}` onto the page's own `<body>`",
                    attr.name, attr.name
                );
                push(findings, span, format!("{scheme}: URL"), message, scheme);
            }
        }
    }
    for link in &ctx.doc.markup().markdown_links {
        if let Some(scheme) = dangerous_scheme(&link.url, UrlUse::Document) {
            let d = findings
                .diagnostic(
                    link.url_span.clone(),
                    format!("{scheme}: URL"),
                    format!("Markdown link to a `{scheme}:` URL"),
                )
                .with_help(help(scheme));
            findings.push(d);
        }
    }
}

fn push(findings: &mut Findings, span: Range<usize>, label: String, message: String, scheme: &str) {
    let d = findings
        .diagnostic(span, label, message)
        .with_help(help(scheme));
    findings.push(d);
}

/// The first dangerous URL in an animation's `;`-separated value list, and where it is in the
/// value.
fn dangerous_piece(values: &str) -> Option<(&'static str, Range<usize>)> {
    let mut at = 0;
    for piece in values.split(';') {
        let start = at + (piece.len() - piece.trim_start().len());
        let end = at + piece.trim_end().len();
        at += piece.len() + 1;
        if let Some(scheme) = dangerous_scheme(piece, UrlUse::Document) {
            return Some((scheme, start..end.max(start)));
        }
    }
    None
}

fn help(scheme: &str) -> &'static str {
    if scheme == "script" {
        "an animated event handler runs its value as script: remove the animation"
    } else if scheme == "data" {
        "link to a file on the site instead; `data:` URLs are only for images"
    } else {
        "script URLs run code when clicked: link to a page, or remove the link"
    }
}
