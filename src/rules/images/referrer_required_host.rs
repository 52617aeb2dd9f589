use crate::diagnostic::{Fix, Label, Severity};
use crate::referrer::{host_kind, request_host, HostKind, Policy};
use crate::rules::{Context, Findings, Rule};

use super::referrer_images::{body_images, markdown_help, ImageSource, PolicySource};

pub const RULE: Rule = Rule {
    code: "IMG022",
    name: "referrer-required-host",
    summary: "An image from a host that requires a Referer is requested without one",
    docs: include_str!("referrer_required_host.md"),
    doc_path: "images/referrer_required_host.md",
    severity: Severity::Error,
    enabled: true,
    check,
};

/// What the fix writes: the browsers' own default, which sends the page's origin cross-origin.
const WANTED: Policy = Policy::StrictOriginWhenCrossOrigin;

fn check(ctx: &Context, findings: &mut Findings) {
    let settings = &ctx.settings.referrer;
    for image in body_images(ctx.doc) {
        let Some(host) = request_host(image.url) else {
            continue;
        };
        if host_kind(&host, &settings.hosts) != Some(HostKind::RequiresReferer) {
            continue;
        }
        let (policy, source) = image.effective_policy(settings);
        if policy.sends_cross_origin() {
            continue;
        }
        let message =
            format!("`{host}` refuses requests without a Referer, and `{policy}` sends none");
        let help = format!(
            "the host answers 403 without a Referer but accepts any site's; use \
             `referrerpolicy=\"{WANTED}\"` (the browsers' default) or `origin` for this image"
        );
        let d = match (&image.source, source) {
            (ImageSource::Html(_, spans), PolicySource::Attribute) => {
                let attr = spans
                    .attr("referrerpolicy")
                    .expect("a policy from the attribute has one");
                findings
                    .diagnostic(attr.span.clone(), "sends no Referer", message)
                    .with_label(Label::new(image.url_span.clone(), "requires a Referer"))
                    .with_help(help)
                    .with_fix(Fix {
                        description: format!("set `referrerpolicy=\"{WANTED}\"`"),
                        span: attr.span.clone(),
                        replacement: format!("referrerpolicy=\"{WANTED}\""),
                    })
            }
            (ImageSource::Html(_, spans), _) => findings
                .diagnostic(
                    image.url_span.clone(),
                    "requires a Referer",
                    format!("{message} (the site's default policy, from the config)"),
                )
                .with_help(help)
                .with_fix(Fix {
                    description: format!("add `referrerpolicy=\"{WANTED}\"`"),
                    span: spans.name.end..spans.name.end,
                    replacement: format!(" referrerpolicy=\"{WANTED}\""),
                }),
            (ImageSource::Markdown(_), _) => findings
                .diagnostic(
                    image.url_span.clone(),
                    "requires a Referer",
                    format!("{message} (the site's default policy, from the config)"),
                )
                .with_help(markdown_help(WANTED)),
        };
        findings.push(d);
    }
}
