use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "FM003",
    name: "front-matter-unclosed",
    summary: "The front matter is opened but never closed",
    severity: Error,
    enabled: true,
}

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
