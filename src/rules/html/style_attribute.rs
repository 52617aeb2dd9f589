use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT010",
    name: "style-attribute",
    summary: "An inline `style` attribute (off by default)",
    severity: Warning,
    enabled: false,
}

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in super::elements(ctx, META.code) {
        for attr in spans.attrs.iter().filter(|a| a.name == "style") {
            let d = findings
                .diagnostic(
                    attr.span.clone(),
                    "style attribute",
                    format!("inline `style` on `<{}>`", element.name()),
                )
                .with_help("give the element a class and style it in the theme's stylesheet");
            findings.push(d);
        }
    }
}
