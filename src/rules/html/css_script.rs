use std::ops::Range;

use super::css_scan::{scan, Construct};
use crate::document::html::decode::value_map;
use crate::document::offsets::OffsetMap;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT013",
    name: "css-script",
    summary: "CSS that runs script or loads code: `expression()`, a `javascript:` URL, `behavior`, `-moz-binding`",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let text = ctx.doc.text();
    for (element, spans) in super::elements(ctx, META.code) {
        let reading = super::reading(&element);
        let name = element.name();
        if let (Some(css), Some(raw)) = (element.attr("style"), element.attr_value_span("style")) {
            let map = value_map(text, raw, css);
            report(
                findings,
                css,
                &map,
                &format!("the `style` of `<{name}>`"),
                reading,
            );
        }
        if name == "style" {
            // Left open, a `<style>` runs to the end of its fragment, and still applies.
            let inner = spans
                .inner()
                .unwrap_or_else(|| spans.tag.end..element.fragment.range.end.max(spans.tag.end));
            let css: String = element.element.text().collect();
            // `<style>` content is raw text in HTML (what is written is what is read); in SVG
            // entities are decoded, and then the whole content is where to look.
            let map = if text.get(inner.clone()) == Some(css.as_str()) {
                OffsetMap::contiguous(inner.start, css.len())
            } else {
                let mut map = OffsetMap::default();
                map.push_synthetic(css.len(), inner);
                map
            };
            report(findings, &css, &map, "a `<style>` element", reading);
        }
    }
}

fn report(findings: &mut Findings, css: &str, map: &OffsetMap, place: &str, reading: &str) {
    for found in scan(css) {
        let span: Range<usize> = map.range_to_file(found.span);
        let (label, message, help) = match &found.construct {
            Construct::Expression => (
                "expression()".to_owned(),
                format!("`expression(...)` in {place}: Internet Explorer runs its argument as script every time it lays out the page{reading}"),
                "compute the value in the stylesheet (`calc()`, a media query) or drop the declaration",
            ),
            Construct::ScriptUrl(scheme) => (
                format!("{scheme}: URL"),
                format!("a `{scheme}:` URL in {place}: where CSS loads an image, older browsers run it as script{reading}"),
                "point `url()` at an image file, or remove the declaration",
            ),
            Construct::LoadsCode(property) => (
                property.clone(),
                format!(
                    "`{property}` in {place} loads a file of code into the page ({}){reading}",
                    if property.ends_with("binding") {
                        "an XBL binding, which runs script in old Firefox"
                    } else {
                        "an HTC behavior, which runs script in Internet Explorer"
                    }
                ),
                "remove the declaration: a post's CSS should only style",
            ),
        };
        let d = findings.diagnostic(span, label, message).with_help(help);
        findings.push(d);
    }
}
