use super::cannot_carry_policy_help;
use crate::diagnostic::{Fix, Label};
use crate::images::referrer::{effective_policy, host_kind, requested_by_page, PolicySource};
use crate::images::url::request_host;
use crate::referrer::{HostKind, Policy};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG021",
    name: "referrer-blocked-host",
    summary: "An image from a host that refuses foreign Referers is requested with one",
    severity: Error,
    enabled: true,
    fix: Safe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let settings = &ctx.settings.referrer;
    for image in ctx.image_refs().iter().filter(|i| requested_by_page(i)) {
        let Some(host) = request_host(&image.url) else {
            continue;
        };
        if host_kind(&host, &settings.hosts) != Some(HostKind::RefusesForeign) {
            continue;
        }
        let (policy, source) = effective_policy(image, settings);
        if !policy.sends_cross_origin() {
            continue;
        }
        let why = match source {
            PolicySource::Attribute => format!("`referrerpolicy=\"{policy}\"` sends one"),
            PolicySource::SiteDefault => {
                format!("the site's default policy `{policy}` (from the config) sends one")
            }
            PolicySource::BrowserDefault => {
                format!("the browser's default policy `{policy}` sends one")
            }
        };
        let mut d = findings.diagnostic(
            image.url_span.clone(),
            "refuses a foreign Referer",
            format!("`{host}` refuses requests with a foreign Referer, and {why}"),
        );
        match &image.requester {
            Some(requester) => {
                let wanted = Policy::NoReferrer;
                let fix = match &requester.policy_attr {
                    Some(attr) => {
                        d = d.with_label(Label::new(attr.clone(), "sends a Referer"));
                        Fix::safe(
                            format!("set `referrerpolicy=\"{wanted}\"`"),
                            attr.clone(),
                            format!("referrerpolicy=\"{wanted}\""),
                        )
                    }
                    None => Fix::safe(
                        format!("add `referrerpolicy=\"{wanted}\"`"),
                        requester.insert_at..requester.insert_at,
                        format!(" referrerpolicy=\"{wanted}\""),
                    ),
                };
                d = d
                    .with_help(format!(
                        "the host answers 403 or a placeholder image; `referrerpolicy=\"{wanted}\"` \
                         (or `same-origin`) makes the browser send no Referer to it"
                    ))
                    .with_fix(fix);
            }
            None => {
                d = d.with_help(cannot_carry_policy_help(image, Policy::NoReferrer));
            }
        }
        findings.push(d);
    }
}
