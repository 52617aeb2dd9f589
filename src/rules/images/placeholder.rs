use super::url_checks::{at_target, each_target};
use crate::diagnostic::Severity;
use crate::images::{host, host_matches, ImageKind};
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "IMG008",
    name: "placeholder-image",
    summary:
        "An image or cover comes from a placeholder service (picsum.photos, placehold.it, ...)",
    docs: include_str!("placeholder.md"),
    doc_path: "images/placeholder.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    let hosts = &ctx.settings.images.placeholder_hosts;
    let mut out = Vec::new();
    each_target(ctx, |image, target| {
        let Some(h) = host(&target.url) else { return };
        if !hosts.iter().any(|p| host_matches(&h, p)) {
            return;
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
        out.push(d);
    });
    out.into_iter().for_each(|d| findings.push(d));
}
