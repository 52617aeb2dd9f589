use crate::diagnostic::Fix;
use crate::document::{AttrSpans, Origin};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT005",
    name: "inline-event-handler",
    summary: "An inline event handler attribute (`onclick`, `onerror`, ...)",
    severity: Error,
    enabled: true,
    fix: Unsafe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in super::elements(ctx, META.code) {
        // A fix inside a `srcdoc` value would edit entity-encoded text: left to the author.
        let fixable = !matches!(element.fragment.origin, Origin::Srcdoc { .. });
        for attr in spans.attrs.iter().filter(|a| is_handler(&a.name)) {
            let message = format!(
                "inline event handler `{}` on `<{}>` runs script{}",
                attr.name,
                element.name(),
                super::reading(&element)
            );
            push(ctx, findings, attr, message, fixable);
        }
    }
    if super::allowed_anywhere(ctx, META.code) {
        return;
    }
    for body in ctx.doc.markup().dropped_body_tags() {
        for attr in body.attrs.iter().filter(|a| is_handler(&a.name)) {
            let message = format!(
                "inline event handler `{}` on a `<body>` tag: the parser drops the tag but copies `{}` onto the page's own `<body>`, where it runs",
                attr.name, attr.name
            );
            push(ctx, findings, attr, message, true);
        }
    }
}

fn push(ctx: &Context, findings: &mut Findings, attr: &AttrSpans, message: String, fix: bool) {
    let d = findings.diagnostic(attr.span.clone(), "event handler", message);
    let d = if fix {
        d.with_help("event handlers run script: remove the attribute (the fix does)")
            .with_fix(Fix::unsafe_edit(
                format!("remove `{}`", attr.name),
                super::with_leading_space(ctx.doc.text(), attr.span.clone()),
                String::new(),
            ))
    } else {
        d.with_help("event handlers run script: remove the attribute")
    };
    findings.push(d);
}

/// `on` followed by a name of letters: `onclick`, `onerror`, `onload`, ... (`on` alone, or
/// `on-click` and `on:click` as some templates write them, is no handler a browser runs).
pub(crate) fn is_handler(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() > 2 && b[..2].eq_ignore_ascii_case(b"on") && b[2..].iter().all(u8::is_ascii_alphabetic)
}
