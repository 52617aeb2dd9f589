use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "HT002",
    name: "iframe-host-not-allowed",
    summary: "An `<iframe>` embeds a page from a host not in `[html] allow-iframe-hosts`",
    docs: include_str!("iframe_host.md"),
    doc_path: "html/iframe_host.md",
    severity: Severity::Error,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    let html = &ctx.settings.html;
    for (element, spans) in super::elements(ctx, RULE.code) {
        if element.name() != "iframe" {
            continue;
        }
        let help = format!(
            "embed from an allowed host ({}), or add the host to `allow-iframe-hosts` in the `[html]` section of postlint.toml",
            html.iframe_hosts.join(", ")
        );
        let (span, label, message) = match (element.attr("src"), spans.attr_value_span("src")) {
            (Some(src), Some(span)) => match host_of(src) {
                Some(host) if html.iframe_host_allowed(&host) => continue,
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

/// The host of an absolute or protocol-relative http(s) URL.
fn host_of(src: &str) -> Option<String> {
    let src = src.trim();
    let absolute = if src.starts_with("//") {
        format!("https:{src}")
    } else {
        src.to_owned()
    };
    let url = url::Url::parse(&absolute).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.host_str().map(str::to_owned)
}
