use super::url_checks::{at_target, each_target, prefix_span};
use crate::config::images::Level;
use crate::diagnostic::Severity;
use crate::images::scheme;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "IMG006",
    name: "data-image-url",
    summary: "An image is embedded as a `data:` URL",
    docs: include_str!("data_url.md"),
    doc_path: "images/data_url.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    let level = ctx.settings.images.data_urls;
    if level == Level::Allow {
        return;
    }
    let mut out = Vec::new();
    each_target(ctx, |image, target| {
        if scheme(&target.url).as_deref() != Some("data") {
            return;
        }
        let header = target.url.find(',').map_or(target.url.len(), |i| i + 1);
        let mut d = at_target(findings, image, target, "`data:` URL", format!("`data:` image ({} bytes)", target.url.len()))
            .with_help("a `data:` image is not cached, bloats the page and every feed item, and some feed readers drop it: save it as a file and link it");
        if let Some(span) = prefix_span(image, target, header) {
            d.primary.span = span;
        }
        if level == Level::Error {
            d.severity = Severity::Error;
        }
        out.push(d);
    });
    out.into_iter().for_each(|d| findings.push(d));
}
