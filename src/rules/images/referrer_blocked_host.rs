use crate::diagnostic::{Fix, Label, Severity};
use crate::referrer::{host_kind, request_host, HostKind, Policy};
use crate::rules::{Context, Findings, Rule};

use super::referrer_images::{body_images, markdown_help, ImageSource, PolicySource};

pub const RULE: Rule = Rule {
    code: "IMG021",
    name: "referrer-blocked-host",
    summary: "An image from a host that refuses foreign Referers is requested with one",
    docs: include_str!("referrer_blocked_host.md"),
    doc_path: "images/referrer_blocked_host.md",
    severity: Severity::Error,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    let settings = &ctx.settings.referrer;
    for image in body_images(ctx.doc) {
        let Some(host) = request_host(image.url) else {
            continue;
        };
        if host_kind(&host, &settings.hosts) != Some(HostKind::RefusesForeign) {
            continue;
        }
        let (policy, source) = image.effective_policy(settings);
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
        match &image.source {
            ImageSource::Html(_, spans) => {
                let wanted = Policy::NoReferrer;
                let fix = match spans.attr("referrerpolicy") {
                    Some(attr) => {
                        d = d.with_label(Label::new(attr.span.clone(), "sends a Referer"));
                        Fix {
                            description: format!("set `referrerpolicy=\"{wanted}\"`"),
                            span: attr.span.clone(),
                            replacement: format!("referrerpolicy=\"{wanted}\""),
                        }
                    }
                    None => Fix {
                        description: format!("add `referrerpolicy=\"{wanted}\"`"),
                        span: spans.name.end..spans.name.end,
                        replacement: format!(" referrerpolicy=\"{wanted}\""),
                    },
                };
                d = d
                    .with_help(format!(
                        "the host answers 403 or a placeholder image; `referrerpolicy=\"{wanted}\"` \
                         (or `same-origin`) makes the browser send no Referer to it"
                    ))
                    .with_fix(fix);
            }
            ImageSource::Markdown(_) => {
                d = d.with_help(markdown_help(Policy::NoReferrer));
            }
        }
        findings.push(d);
    }
}
