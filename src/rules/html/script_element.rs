use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "HT001",
    name: "script-element",
    summary: "A `<script>` element is written in a post body",
    docs: include_str!("script_element.md"),
    doc_path: "html/script_element.md",
    severity: Severity::Error,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(ctx, findings, RULE.code, &["script"], |_| {
        (
            "`<script>` in a post body runs on every page that shows the post".into(),
            "move the script into the theme or a layout include; to show code, put it in a code block"
                .into(),
        )
    });
}
