use crate::diagnostic::Fix;
use crate::referrer::Policy;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG020",
    name: "invalid-referrer-policy",
    summary: "A `referrerpolicy` attribute holds a value that is not a referrer policy",
    severity: Error,
    enabled: true,
    fix: Unsafe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in ctx.doc.markup().written_elements() {
        let Some(attr) = spans.attr("referrerpolicy") else {
            continue;
        };
        let (Some(value), Some(span)) = (element.attr("referrerpolicy"), &attr.value_span) else {
            continue;
        };
        if value.is_empty() || Policy::parse(value).is_some() {
            continue;
        }
        let suggestion = Policy::parse(value.trim())
            .or_else(|| Policy::legacy(value.trim()))
            .or_else(|| closest(value.trim()));
        let mut d = findings
            .diagnostic(
                span.clone(),
                "not a referrer policy",
                format!("`{value}` is not a referrer policy"),
            )
            .with_help(format!(
                "browsers ignore an unknown value and use the page's policy instead, usually one \
                 that sends a Referer; valid values: {}{}",
                Policy::ALL.map(|p| p.as_str()).join(", "),
                if Policy::legacy(value.trim()).is_some() {
                    " (`never`, `always`, `default` and `origin-when-crossorigin` work only in \
                     `<meta name=\"referrer\">`)"
                } else {
                    ""
                }
            ));
        if let Some(policy) = suggestion {
            d = d.with_fix(Fix::unsafe_edit(
                format!("write `{policy}`"),
                span.clone(),
                policy.as_str().to_owned(),
            ));
        }
        findings.push(d);
    }
}

fn closest(value: &str) -> Option<Policy> {
    let lower = value.to_ascii_lowercase().replace(['_', ' '], "-");
    Policy::ALL
        .into_iter()
        .map(|p| (strsim::jaro_winkler(&lower, p.as_str()), p))
        .filter(|(score, _)| *score > 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p)
}
