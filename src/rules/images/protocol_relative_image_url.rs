use super::url_checks::{at_target, each_target, prefix_span};
use crate::diagnostic::Fix;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG004",
    name: "protocol-relative-image-url",
    summary: "An image URL starts with `//` and takes the page's scheme",
    severity: Warning,
    enabled: true,
    fix: Safe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let https_site = ctx.settings.images.https_site;
    each_target(ctx, findings, |findings, image, target| {
        if !target.url.starts_with("//") || target.implied_scheme {
            return None;
        }
        let mut d = at_target(findings, image, target, "no scheme", "protocol-relative image URL".into())
            .with_help("feed readers, e-mail and `file:` previews resolve `//host` against their own scheme and lose the image: write `https://`");
        if let (true, Some(span)) = (https_site, prefix_span(image, target, 2)) {
            d = d.with_fix(Fix::safe(
                "write `https:` (what the https site already loads)",
                span,
                "https://",
            ));
        }
        Some(d)
    });
}
