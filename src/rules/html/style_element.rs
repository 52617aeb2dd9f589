use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "HT004",
    name: "style-element",
    summary: "A `<style>` element is written in a post body",
    docs: include_str!("style_element.md"),
    doc_path: "html/style_element.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(ctx, findings, RULE.code, &["style"], |_| {
        (
            "`<style>` in a post body restyles the whole page, not just the post".into(),
            "move the CSS into the theme's stylesheet and give the post's elements a class".into(),
        )
    });
}
