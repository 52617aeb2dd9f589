use serde_json::Value;

use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "FM006",
    name: "front-matter-not-mapping",
    summary: "The front matter is a list or a single value instead of keys and values",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let doc = ctx.doc;
    let Some(fm) = &doc.front_matter else { return };
    let what = match &fm.value {
        Value::Object(_) | Value::Null => return,
        Value::Array(_) => "a list",
        Value::String(_) => "a single string",
        Value::Number(_) => "a single number",
        Value::Bool(_) => "a single boolean",
    };
    let Some(span) = fm
        .index
        .get("")
        .map(|n| n.value.clone())
        .or_else(|| doc.front_matter_span())
    else {
        return;
    };
    let raw = &doc.text()[span.clone()];
    let help = if raw.contains('：') {
        "a full-width colon `：` does not separate a key from its value in YAML: write an ASCII colon and a space, `标题: 第一篇`"
    } else if raw
        .lines()
        .any(|l| l.contains(':') && !l.contains(": ") && !l.trim_end().ends_with(':'))
    {
        "a key needs a space after its colon: `title: My post`, not `title:My post`"
    } else {
        "write one `key: value` per line, e.g. `title: My post`; a `- item` list or a lone value gives the post no title, date or tags"
    };
    let d = findings
        .diagnostic(
            span,
            format!("this is {what}"),
            format!("the front matter is {what}, not a mapping of keys to values"),
        )
        .with_help(help);
    findings.push(d);
}
