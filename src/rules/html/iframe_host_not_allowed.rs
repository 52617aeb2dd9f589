use crate::images::url::{host_is, request_host};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT002",
    name: "iframe-host-not-allowed",
    summary: "An `<iframe>` embeds a page from a host not in `[html] allow-iframe-hosts`",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let html = &ctx.settings.html;
    for (element, spans) in super::elements(ctx, META.code) {
        if element.name() != "iframe" {
            continue;
        }
        let help = format!(
            "embed from an allowed host ({}), or add the host to `allow-iframe-hosts` in the `[html]` section of postlint.toml",
            html.iframe_hosts.join(", ")
        );
        let (span, label, message) = match (element.attr("src"), spans.attr_value_span("src")) {
            (Some(src), Some(span)) => match request_host(src) {
                Some(host) if html.iframe_hosts.iter().any(|h| host_is(&host, h)) => continue,
                Some(host) => (
                    span,
                    "embedded from here".to_owned(),
                    format!("`<iframe>` from `{host}`, which is not an allowed embed host"),
                ),
                None => (
                    span,
                    "no host".to_owned(),
                    format!("`<iframe>` with `src=\"{src}\"`: only http(s) embeds from allowed hosts may be framed"),
                ),
            },
            _ => (
                spans.tag.clone(),
                "<iframe> here".to_owned(),
                "`<iframe>` without a `src` from an allowed host".to_owned(),
            ),
        };
        findings.push(findings.diagnostic(span, label, message).with_help(help));
    }
}
