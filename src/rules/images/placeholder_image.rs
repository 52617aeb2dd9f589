use super::url_checks::{at_target, each_target};
use crate::images::{host, host_matches, ImageKind};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG008",
    name: "placeholder-image",
    summary: "An image or cover comes from a placeholder service (picsum.photos, placehold.it, ...)",
    severity: Warning,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let hosts = &ctx.settings.images.placeholder_hosts;
    each_target(ctx, findings, |findings, image, target| {
        let h = host(&target.url)?;
        if !hosts.iter().any(|p| host_matches(&h, p)) {
            return None;
        }
        let random = target.url.contains("random");
        let what = match (&image.kind, random) {
            (ImageKind::FrontMatter { .. }, true) => {
                "random placeholder picture as the post's image"
            }
            (ImageKind::FrontMatter { .. }, false) => "placeholder picture as the post's image",
            (_, true) => "random placeholder picture",
            (_, false) => "placeholder picture",
        };
        let d = at_target(findings, image, target, "placeholder", format!("{what} from `{h}`"))
            .with_help("a stand-in picture says nothing about the post (and a random one changes on every load): use the post's own image, or leave the field out");
        Some(d)
    });
}
