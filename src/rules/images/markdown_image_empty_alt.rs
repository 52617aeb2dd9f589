use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG032",
    name: "markdown-image-empty-alt",
    summary: "A Markdown image has an empty alt text, `![](...)`",
    severity: Warning,
    enabled: true,
}

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
