use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT007",
    name: "form-element",
    summary: "A form or form control is written in a post body",
    severity: Warning,
    enabled: true,
}

const FORMS: &[&str] = &["form", "input", "button", "select", "textarea"];

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in super::elements(ctx, META.code) {
        let name = element.name();
        if !FORMS.contains(&name) || is_task_checkbox(&element) {
            continue;
        }
        let message = if name == "form" {
            "`<form>` in a post body can send readers' input anywhere".to_owned()
        } else {
            format!("form control `<{name}>` in a post body")
        };
        let d = findings
            .diagnostic(spans.tag.clone(), format!("<{name}> here"), message)
            .with_help(
                "a post should not collect input: link to a page of the site that does; \
                 to show the markup, put it in a code block",
            );
        findings.push(d);
    }
}

/// `<input type="checkbox" disabled>`, what Markdown task lists render to, is not a form.
fn is_task_checkbox(element: &crate::document::HtmlElement) -> bool {
    element.name() == "input"
        && element
            .attr("type")
            .is_some_and(|t| t.eq_ignore_ascii_case("checkbox"))
        && element.attr("disabled").is_some()
}
