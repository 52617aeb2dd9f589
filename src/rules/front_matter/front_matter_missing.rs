use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "FM001",
    name: "front-matter-missing",
    summary: "The post has no front matter",
    severity: Error,
    enabled: false,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let doc = ctx.doc;
    if doc.split.front_matter.is_some() {
        return;
    }
    let text = doc.text();
    let start = doc.split.bom.as_ref().map_or(0, |b| b.end);
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    let d = findings
        .diagnostic(start..end, "front matter expected before this line", "the post has no front matter")
        .with_help("start the file with a `---` line, the post's keys (`title: ...`), and a closing `---` line");
    findings.push(d);
}
