use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "HT003",
    name: "plugin-element",
    summary: "An `<object>`, `<embed>` or `<applet>` element is written in a post body",
    docs: include_str!("plugin_element.md"),
    doc_path: "html/plugin_element.md",
    severity: Severity::Error,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(
        ctx,
        findings,
        RULE.code,
        &["object", "embed", "applet"],
        |name| {
            (
                format!("`<{name}>` loads a plugin or an arbitrary document into the page"),
                "use `<img>`, `<video>` or `<audio>` for media, or an `<iframe>` from an allowed host"
                    .into(),
            )
        },
    );
}
