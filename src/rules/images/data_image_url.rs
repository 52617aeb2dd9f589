use super::url_checks::{at_target, each_target, prefix_span};
use crate::images::scheme;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG006",
    name: "data-image-url",
    summary: "An image is embedded as a `data:` URL",
    severity: Warning,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    each_target(ctx, findings, |findings, image, target| {
        if scheme(&target.url).as_deref() != Some("data") {
            return None;
        }
        let header = target.url.find(',').map_or(target.url.len(), |i| i + 1);
        let mut d = at_target(findings, image, target, "`data:` URL", format!("`data:` image ({} bytes)", target.url.len()))
            .with_help("a `data:` image is not cached, bloats the page and every feed item, and some feed readers drop it: save it as a file and link it");
        if let Some(span) = prefix_span(image, target, header) {
            d.primary.span = span;
        }
        Some(d)
    });
}
