use crate::diagnostic::{Fix, Label};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "FM002",
    name: "front-matter-not-at-start",
    summary: "Blank lines or a byte order mark come before the opening front-matter fence",
    severity: Warning,
    enabled: true,
    fix: Safe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let doc = ctx.doc;
    let Some(block) = &doc.split.front_matter else {
        return;
    };
    let fence = doc.text()[block.open.clone()].to_owned();
    let line = doc.source.position(block.open.start).line;
    let (span, label, message, help) = match (&doc.split.bom, &doc.split.leading_blank) {
        (_, Some(blank)) => {
            let lines = doc.source.position(blank.end).line - doc.source.position(blank.start).line;
            let label = if lines == 1 {
                "blank line".to_owned()
            } else {
                format!("{lines} blank lines")
            };
            // The label sits on the blank lines themselves, not on the line break that ends the
            // last one, so the span stays within them.
            let text = &doc.text()[blank.clone()];
            let trimmed = text
                .strip_suffix("\r\n")
                .or_else(|| text.strip_suffix(['\n', '\r']))
                .unwrap_or(text);
            (
                blank.start..blank.start + trimmed.len(),
                label,
                format!("front matter starts on line {line}, not at the first byte of the file"),
                format!(
                    "delete everything before the opening `{fence}`: Hexo tolerates it, but Jekyll, Hugo and \
                     gray-matter based tools (Astro, Eleventy, Gatsby) only see front matter that starts at \
                     byte 0, and render this block as text in the body"
                ),
            )
        }
        (Some(bom), None) => (
            bom.clone(),
            "byte order mark (U+FEFF)".to_owned(),
            "a byte order mark comes before the front matter".to_owned(),
            "save the file as UTF-8 without BOM: Hexo, Jekyll, Hugo and gray-matter strip it, but \
             scripts and tools that look for `---` at byte 0 do not find the front matter"
                .to_owned(),
        ),
        (None, None) => return,
    };
    let fix = Fix::safe(
        "remove what comes before the opening fence",
        0..block.open.start,
        "",
    );
    let d = findings
        .diagnostic(span, label, message)
        .with_label(Label::new(block.open.clone(), "front matter opens here"))
        .with_help(help)
        .with_fix(fix);
    findings.push(d);
}
