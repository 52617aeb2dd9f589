use crate::diagnostic::Fix;
use crate::rules::{declare_rule, Context, Findings};

use super::img_missing_alt::is_decorative;

declare_rule! {
    code: "IMG031",
    name: "img-alt-valueless",
    summary: "An `<img>` has `alt` without a value, which means `alt=\"\"`",
    severity: Warning,
    enabled: true,
    fix: Safe,
}

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
            .with_fix(Fix::safe(
                "write `alt=\"\"` (decorative) explicitly",
                attr.span.clone(),
                "alt=\"\"",
            ));
        findings.push(d);
    }
}
