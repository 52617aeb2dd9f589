use crate::images::LAZY_ATTRS;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG001",
    name: "image-src-missing",
    summary: "An image has no URL: `<img>` without `src`, or an empty `src`, `poster` or `![]()`",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let body = ctx.doc.markup();
    for (element, spans) in body.written_elements() {
        if element.name() != "img" || spans.attr("src").is_some() {
            continue;
        }
        let lazy = ["srcset", "data-srcset"]
            .iter()
            .chain(LAZY_ATTRS)
            .any(|a| spans.attr(a).is_some());
        if !lazy {
            let d = findings
                .diagnostic(
                    spans.tag.start..spans.name.end,
                    "no `src`",
                    "`<img>` without a `src` attribute",
                )
                .with_help("add `src=\"...\"` with the image's URL, or delete the element");
            findings.push(d);
        }
    }
    for (element, spans) in body.written_elements() {
        let names: &[&str] = match element.name() {
            "img" => &["src", "data-src", "data-original", "data-lazy-src"],
            "video" => &["poster"],
            _ => continue,
        };
        let lazy = LAZY_ATTRS.iter().any(|a| spans.attr(a).is_some());
        for name in names {
            let Some(attr) = spans.attr(name) else {
                continue;
            };
            let empty = element.attr(name).is_none_or(|v| v.trim().is_empty());
            if !empty || (*name == "src" && lazy) {
                continue;
            }
            let d = findings
                .diagnostic(
                    attr.span.clone(),
                    format!("empty `{name}`"),
                    format!("`<{} {name}>` with an empty URL", element.name()),
                )
                .with_help(if *name == "src" {
                    "an empty `src` makes some browsers request the page itself as an image: write the image's URL"
                } else {
                    "write the image's URL, or delete the attribute"
                });
            findings.push(d);
        }
    }
    for image in &body.markdown_images {
        if image.url.trim().is_empty() {
            let d = findings
                .diagnostic(
                    image.span.clone(),
                    "no URL",
                    "Markdown image with an empty URL",
                )
                .with_help("write the image's URL between the parentheses");
            findings.push(d);
        }
    }
}
