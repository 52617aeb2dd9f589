use serde_json::Value;

use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG040",
    name: "cover-empty",
    summary: "A front-matter cover key is present but empty",
    severity: Warning,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    for cover in ctx.covers() {
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
