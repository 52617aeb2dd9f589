use crate::document::HtmlElement;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG030",
    name: "img-missing-alt",
    summary: "An `<img>` has no `alt` attribute",
    severity: Error,
    enabled: true,
}

/// Images hidden from assistive technology need no text: `role="presentation"`/`"none"` or
/// `aria-hidden="true"`.
pub fn is_decorative(element: &HtmlElement<'_>) -> bool {
    let role = element.attr("role").unwrap_or("");
    let presentational = role
        .split_ascii_whitespace()
        .any(|r| r.eq_ignore_ascii_case("presentation") || r.eq_ignore_ascii_case("none"));
    let hidden = element
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    presentational || hidden
}

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in ctx.doc.markup().written_elements() {
        if element.name() != "img" || spans.attr("alt").is_some() || is_decorative(&element) {
            continue;
        }
        let d = findings
            .diagnostic(
                spans.tag.start..spans.name.end,
                "no `alt`",
                "image without an `alt` attribute",
            )
            .with_help(
                "screen readers announce the file name instead and nothing shows when the image \
                 fails to load: describe what the image shows in `alt=\"...\"`, or write `alt=\"\"` \
                 when it is purely decorative",
            );
        findings.push(d);
    }
}
