use super::url_checks::{at_target, each_target, prefix_span};
use crate::diagnostic::{Fix, Severity};
use crate::images::scheme;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG003",
    name: "insecure-image-url",
    summary: "An image is loaded over plain `http:`, directly or through an image proxy",
    severity: Error,
    enabled: true,
    fix: Unsafe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let https_site = ctx.settings.images.https_site;
    each_target(ctx, findings, |findings, image, target| {
        if target.implied_scheme || scheme(&target.url).as_deref() != Some("http") {
            return None;
        }
        let (message, help) = if target.proxy.is_some() {
            (
                "plain-http origin".to_owned(),
                "the proxy answers over https, so link checkers and browsers never see that the origin is \
                 plain http (and often gone): link the origin over https if it serves https, or host the image yourself",
            )
        } else if https_site {
            (
                "plain-http image on an https site (mixed content)".to_owned(),
                "browsers upgrade it to https or block it: write `https://` if the host serves https, or host the image yourself",
            )
        } else {
            (
                "plain-http image".to_owned(),
                "write `https://` if the host serves https",
            )
        };
        let mut d = at_target(findings, image, target, "`http:`", message).with_help(help);
        if !https_site {
            d.severity = d.severity.min(Severity::Warning);
        }
        // Unsafe: nothing offline knows whether the host serves the same image over https.
        if let Some(span) = prefix_span(image, target, "http".len()) {
            d = d.with_fix(Fix::unsafe_edit(
                "write `https:` (check that the host serves the image over https)",
                span,
                "https",
            ));
        }
        Some(d)
    });
}
