use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT100",
    name: "denied-by-config",
    summary: "An element matches a `[[html.deny]]` rule of postlint.toml",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let html = &ctx.settings.html;
    if html.deny.is_empty() {
        return;
    }
    let body = ctx.doc.markup();
    for deny in &html.deny {
        for element in body.select(&deny.selector) {
            let Some(spans) = element.spans else { continue };
            if ctx.settings.html_exceptions.allows(
                META.code,
                &ctx.doc.source.name,
                Some(element.element),
            ) {
                continue;
            }
            let attr = deny.attribute.as_deref().and_then(|a| spans.attr(a));
            let span = attr.map_or(spans.tag.clone(), |a| a.span.clone());
            let label = match &deny.name {
                Some(name) => format!("denied by `{name}`"),
                None => "denied here".to_owned(),
            };
            let mut d = findings
                .diagnostic(span, label, deny.message.clone())
                .with_help(format!(
                    "matches `{}` in `[[html.deny]]` of postlint.toml",
                    deny.selector_text
                ));
            if let Some(severity) = deny.severity {
                d.severity = severity;
            }
            findings.push(d);
        }
    }
}
