use super::cannot_carry_policy_help;
use crate::diagnostic::{Fix, Label};
use crate::images::referrer::{effective_policy, host_kind, requested_by_page, PolicySource};
use crate::images::url::request_host;
use crate::referrer::{HostKind, Policy};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG022",
    name: "referrer-required-host",
    summary: "An image from a host that requires a Referer is requested without one",
    severity: Error,
    enabled: true,
    fix: Safe,
}

/// What the fix writes: the browsers' own default, which sends the page's origin cross-origin.
const WANTED: Policy = Policy::StrictOriginWhenCrossOrigin;

fn check(ctx: &Context, findings: &mut Findings) {
    let settings = &ctx.settings.referrer;
    for image in ctx.image_refs().iter().filter(|i| requested_by_page(i)) {
        let Some(host) = request_host(&image.url) else {
            continue;
        };
        if host_kind(&host, &settings.hosts) != Some(HostKind::RequiresReferer) {
            continue;
        }
        let (policy, source) = effective_policy(image, settings);
        if policy.sends_cross_origin() {
            continue;
        }
        let message =
            format!("`{host}` refuses requests without a Referer, and `{policy}` sends none");
        let help = format!(
            "the host answers 403 without a Referer but accepts any site's; use \
             `referrerpolicy=\"{WANTED}\"` (the browsers' default) or `origin` for this image"
        );
        let attr = image.requester.as_ref().and_then(|r| r.policy_attr.clone());
        let d = match (&image.requester, source, attr) {
            (Some(_), PolicySource::Attribute, Some(attr)) => findings
                .diagnostic(attr.clone(), "sends no Referer", message)
                .with_label(Label::new(image.url_span.clone(), "requires a Referer"))
                .with_help(help)
                .with_fix(Fix::safe(
                    format!("set `referrerpolicy=\"{WANTED}\"`"),
                    attr,
                    format!("referrerpolicy=\"{WANTED}\""),
                )),
            (Some(requester), _, _) => findings
                .diagnostic(
                    image.url_span.clone(),
                    "requires a Referer",
                    format!("{message} (the site's default policy, from the config)"),
                )
                .with_help(help)
                .with_fix(Fix::safe(
                    format!("add `referrerpolicy=\"{WANTED}\"`"),
                    requester.insert_at..requester.insert_at,
                    format!(" referrerpolicy=\"{WANTED}\""),
                )),
            (None, _, _) => findings
                .diagnostic(
                    image.url_span.clone(),
                    "requires a Referer",
                    format!("{message} (the site's default policy, from the config)"),
                )
                .with_help(cannot_carry_policy_help(image, WANTED)),
        };
        findings.push(d);
    }
}
