use crate::diagnostic::Fix;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT005",
    name: "inline-event-handler",
    summary: "An inline event handler attribute (`onclick`, `onerror`, ...)",
    severity: Error,
    enabled: true,
    fix: Unsafe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let text = ctx.doc.text();
    for (element, spans) in super::elements(ctx, META.code) {
        for attr in spans.attrs.iter().filter(|a| is_handler(&a.name)) {
            let d = findings
                .diagnostic(
                    attr.span.clone(),
                    "event handler",
                    format!(
                        "inline event handler `{}` on `<{}>`",
                        attr.name,
                        element.name()
                    ),
                )
                .with_help("event handlers run script: remove the attribute (the fix does)")
                .with_fix(Fix::unsafe_edit(
                    format!("remove `{}`", attr.name),
                    super::with_leading_space(text, attr.span.clone()),
                    String::new(),
                ));
            findings.push(d);
        }
    }
}

/// `on` followed by a name: `onclick`, `onerror`, `onload`, ... (`on` alone is no handler).
fn is_handler(name: &str) -> bool {
    name.len() > 2 && name.as_bytes()[..2].eq_ignore_ascii_case(b"on")
}
