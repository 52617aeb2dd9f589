use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "FM003",
    name: "front-matter-unclosed",
    summary: "The front matter is opened but never closed",
    docs: include_str!("unclosed.md"),
    doc_path: "front_matter/unclosed.md",
    severity: Severity::Error,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    let doc = ctx.doc;
    let Some(block) = &doc.split.front_matter else {
        return;
    };
    if block.close.is_some() {
        return;
    }
    let fence = block.kind.fence();
    let closers = match fence {
        "---" => "`---` (or `...`)".to_owned(),
        other => format!("`{other}`"),
    };
    let d = findings
        .diagnostic(block.open.clone(), "opened here", "the front matter is never closed")
        .with_help(format!(
            "add a line with {closers} after the last front-matter key; until then generators read the \
             whole file as front matter or as body text"
        ));
    findings.push(d);
}
