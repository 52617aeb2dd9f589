use crate::config::images::Level;
use crate::diagnostic::{Label, Severity};
use crate::images::proxy;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "IMG010",
    name: "image-proxy-used",
    summary: "An image goes through an image or CORS proxy (reported when `[images] proxies` is \"warn\" or \"forbid\")",
    docs: include_str!("proxy_used.md"),
    doc_path: "images/proxy_used.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    let settings = &ctx.settings.images;
    if settings.proxies == Level::Allow {
        return;
    }
    for image in ctx.image_refs() {
        let Some(u) = proxy::unwrap(&image.url, &settings.proxy_patterns) else {
            continue;
        };
        let mut d = findings
            .diagnostic(
                image.span_of(u.proxy),
                "image proxy",
                format!("{} goes through an image proxy", image.kind.describe()),
            )
            .with_label(Label::new(image.span_of(u.origin_range), "origin"))
            .with_help(format!("the image depends on a third-party proxy staying up: link `{}` directly (over https) or host the image yourself", u.origin));
        if settings.proxies == Level::Error {
            d.severity = Severity::Error;
        }
        findings.push(d);
    }
}
