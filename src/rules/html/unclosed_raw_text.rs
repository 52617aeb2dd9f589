use crate::document::HtmlErrorKind;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT011",
    name: "unclosed-raw-text",
    summary: "An `<iframe>`, `<textarea>`, `<script>`, ... without its end tag swallows the rest of the page",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    if super::allowed_anywhere(ctx, META.code) {
        return;
    }
    let text = ctx.doc.text();
    for error in ctx.doc.markup().html_errors() {
        if error.kind != HtmlErrorKind::UnclosedRawText {
            continue;
        }
        let tag = &text[error.span.clone()];
        let name = tag
            .trim_start_matches('<')
            .split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let d = findings
            .diagnostic(
                error.span.clone(),
                "never closed",
                format!("`<{name}>` has no `</{name}>`: everything after it becomes its text"),
            )
            .with_help(format!(
                "add `</{name}>` right after the element (a self-closing `<{name} />` does not close it)"
            ));
        findings.push(d);
    }
}
