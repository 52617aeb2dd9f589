use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "IMG032",
    name: "markdown-image-empty-alt",
    summary: "A Markdown image has an empty alt text, `![](...)`",
    docs: include_str!("alt_markdown_empty.md"),
    doc_path: "images/alt_markdown_empty.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    for image in &ctx.doc.markup().markdown_images {
        if !image.alt_empty {
            continue;
        }
        // `![` + the (blank) alt text + `]`.
        let end = (image.alt_span.end + 1).min(image.span.end);
        let d = findings
            .diagnostic(
                image.span.start..end,
                "empty alt text",
                "image without alt text",
            )
            .with_help(
                "write what the image shows between the brackets, `![大会现场](...)`; Markdown \
                 cannot mark an image decorative on purpose, so for one that is, write HTML \
                 `<img src=\"...\" alt=\"\">`",
            );
        findings.push(d);
    }
}
