use crate::diagnostic::{Fix, Severity};
use crate::rules::{Context, Findings, Rule};

use super::alt_missing::is_decorative;

pub const RULE: Rule = Rule {
    code: "IMG031",
    name: "img-alt-valueless",
    summary: "An `<img>` has `alt` without a value, which means `alt=\"\"`",
    docs: include_str!("alt_valueless.md"),
    doc_path: "images/alt_valueless.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in ctx.doc.markup().written_elements() {
        if element.name() != "img" || is_decorative(&element) {
            continue;
        }
        let Some(attr) = spans.attr("alt") else {
            continue;
        };
        if attr.value_span.is_some() {
            continue;
        }
        let d = findings
            .diagnostic(
                attr.span.clone(),
                "same as `alt=\"\"`",
                "`alt` without a value is an empty alt text: the image is marked decorative",
            )
            .with_help(
                "a bare `alt` usually means the text was lost (a template with an empty variable, \
                 a converter); describe the image in `alt=\"...\"`, or write `alt=\"\"` to say on \
                 purpose that it is decorative",
            )
            .with_fix(Fix {
                description: "write `alt=\"\"` (decorative) explicitly".into(),
                span: attr.span.clone(),
                replacement: "alt=\"\"".into(),
            });
        findings.push(d);
    }
}
