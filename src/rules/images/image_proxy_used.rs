use crate::diagnostic::Label;
use crate::images::proxy;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG010",
    name: "image-proxy-used",
    summary: "An image goes through an image or CORS proxy (reported when `[images] proxies` is \"warn\" or \"forbid\")",
    severity: Warning,
    enabled: false,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let settings = &ctx.settings.images;
    for image in ctx.image_refs() {
        let Some(u) = proxy::unwrap(&image.url, &settings.proxy_patterns) else {
            continue;
        };
        let d = findings
            .diagnostic(
                image.span_of(u.proxy),
                "image proxy",
                format!("{} goes through an image proxy", image.kind.describe()),
            )
            .with_label(Label::new(image.span_of(u.origin_range), "origin"))
            .with_help(format!("the image depends on a third-party proxy staying up: link `{}` directly (over https) or host the image yourself", u.origin));
        findings.push(d);
    }
}
