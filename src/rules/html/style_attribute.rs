use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "HT010",
    name: "style-attribute",
    summary: "An inline `style` attribute (off by default)",
    docs: include_str!("style_attribute.md"),
    doc_path: "html/style_attribute.md",
    severity: Severity::Warning,
    enabled: false,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in super::elements(ctx, RULE.code) {
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
