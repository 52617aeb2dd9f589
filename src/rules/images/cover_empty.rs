use serde_json::Value;

use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

use super::cover_values::covers;

pub const RULE: Rule = Rule {
    code: "IMG040",
    name: "cover-empty",
    summary: "A front-matter cover key is present but empty",
    docs: include_str!("cover_empty.md"),
    doc_path: "images/cover_empty.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    for cover in covers(ctx) {
        let what = match cover.value {
            Value::Null => "null",
            Value::String(s) if s.trim().is_empty() => "an empty string",
            _ => continue,
        };
        let d = findings
            .diagnostic(
                cover.value_span.clone(),
                "empty cover",
                format!("cover `{}` is {what}", cover.key),
            )
            .with_help(
                "themes that test only whether the key exists render an empty cover as a broken \
                 image, or as `<img src=\"\">`, which requests the page itself: set an image URL \
                 or delete the key",
            );
        findings.push(d);
    }
}
