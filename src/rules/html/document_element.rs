use std::collections::BTreeSet;

use html5ever::ns;

use crate::document::{HtmlErrorKind, Origin};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT008",
    name: "document-element",
    summary: "A `<meta>`, `<link>`, `<base>`, `<title>`, `<html>`, `<head>` or `<body>` tag in a post body",
    severity: Error,
    enabled: true,
}

const HEAD_ONLY: &[&str] = &["meta", "link", "base", "title"];
/// Tags the parser drops inside a body: they leave only a parse error behind.
const DOCUMENT: &[&str] = &["html", "head", "body"];

fn check(ctx: &Context, findings: &mut Findings) {
    let mut seen = BTreeSet::new();
    for (element, spans) in super::elements(ctx, META.code) {
        // A `srcdoc` value is a whole document: `<html>`, `<head>` and `<title>` belong there.
        if matches!(element.fragment.origin, Origin::Srcdoc { .. }) {
            continue;
        }
        let name = element.name();
        let html = element.element.value().name.ns == ns!(html);
        if html && (HEAD_ONLY.contains(&name) || DOCUMENT.contains(&name)) {
            seen.insert(spans.tag.start);
            push(findings, spans.tag.clone(), name);
        }
    }
    if super::allowed_anywhere(ctx, META.code) {
        return;
    }
    let text = ctx.doc.text();
    let source = ctx
        .doc
        .markup()
        .fragments
        .iter()
        .filter(|f| f.origin == Origin::Source);
    for error in source.flat_map(|f| &f.errors) {
        if error.kind != HtmlErrorKind::TreeBuilder || !seen.insert(error.span.start) {
            continue;
        }
        if let Some(name) = start_tag_name(&text[error.span.clone()], DOCUMENT) {
            push(findings, error.span.clone(), name);
        }
    }
}

fn push(findings: &mut Findings, span: std::ops::Range<usize>, name: &str) {
    let (message, help) = match name {
        "base" => (
            "`<base>` in a post body changes where every relative link of the page points",
            "remove it; write full URLs where a link needs one",
        ),
        "meta" => (
            "`<meta>` belongs in the page's head: in a post it can redirect (`http-equiv=refresh`) or is ignored",
            "set page metadata in front matter and let the theme write the `<meta>` tags",
        ),
        "link" => (
            "`<link>` in a post body loads a stylesheet or resource into the whole page",
            "add stylesheets in the theme; link to pages with `<a>` or Markdown links",
        ),
        "title" => (
            "`<title>` in a post body: the page already has one, and this one swallows the text up to `</title>`",
            "set the title in front matter",
        ),
        _ => (
            "a post body is inside the theme's `<body>`: this tag is dropped and its attributes land on the page's own element",
            "remove the tag; a post body is a fragment, not a document",
        ),
    };
    let d = findings
        .diagnostic(span, format!("<{name}> here"), message)
        .with_help(help);
    findings.push(d);
}

/// The name of the start tag `tag` (`<body class=x>`) when it is one of `names`.
pub(crate) fn start_tag_name<'n>(tag: &str, names: &[&'n str]) -> Option<&'n str> {
    let rest = tag.strip_prefix('<')?;
    let end = rest
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(rest.len());
    names
        .iter()
        .copied()
        .find(|n| rest[..end].eq_ignore_ascii_case(n))
}
