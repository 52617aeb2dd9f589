use crate::diagnostic::Label;
use crate::document::Format;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "FM005",
    name: "duplicate-key",
    summary: "A key appears twice in the same front-matter mapping",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let doc = ctx.doc;
    let Some(fm) = &doc.front_matter else { return };
    let json = doc
        .split
        .front_matter
        .as_ref()
        .is_some_and(|b| b.kind == Format::Json);
    for dup in &fm.duplicates {
        let place = if dup.mapping.is_empty() {
            String::new()
        } else {
            format!(" in `{}`", dup.mapping)
        };
        let help = if json {
            "Hexo parses `;;;` front matter with JSON.parse, which silently keeps the last value; delete one of them"
        } else {
            "js-yaml (Hexo, gray-matter) rejects the whole front matter with \"duplicated mapping key\", and \
             Ruby's Psych (Jekyll) silently keeps the last value; delete one of them"
        };
        let d = findings
            .diagnostic(
                dup.second.clone(),
                "defined again here",
                format!("duplicate key `{}`{place}", dup.key),
            )
            .with_label(Label::new(dup.first.clone(), "first defined here"))
            .with_help(help);
        findings.push(d);
    }
}
