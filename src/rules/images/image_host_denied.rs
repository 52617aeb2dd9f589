use super::url_checks::{at_target, each_target};
use crate::images::{host, host_matches, scheme};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG007",
    name: "image-host-denied",
    summary: "An image is served from a host on `[images] deny-hosts` or off `allow-hosts`",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let s = &ctx.settings.images;
    if s.deny_hosts.is_empty() && s.allow_hosts.is_empty() {
        return;
    }
    each_target(ctx, findings, |findings, image, target| {
        let web = target.url.starts_with("//")
            || matches!(scheme(&target.url).as_deref(), Some("http" | "https"));
        let h = host(&target.url).filter(|_| web)?;
        let message = if let Some(d) = s.deny_hosts.iter().find(|d| host_matches(&h, d)) {
            format!("image host `{h}` is denied (`{d}` in `[images] deny-hosts`)")
        } else if !s.allow_hosts.is_empty() && !s.allow_hosts.iter().any(|a| host_matches(&h, a)) {
            format!("image host `{h}` is not in `[images] allow-hosts`")
        } else {
            return None;
        };
        let d = at_target(findings, image, target, "this host", message)
            .with_help("host the image on an allowed host, or change `[images]` in postlint.toml");
        Some(d)
    });
}
