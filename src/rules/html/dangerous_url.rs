use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT006",
    name: "dangerous-url",
    summary: "A `javascript:` or `vbscript:` URL, or a `data:` URL outside images",
    severity: Error,
    enabled: true,
}

/// Attributes that hold a URL the browser navigates to or loads.
const URL_ATTRS: &[&str] = &["href", "src", "action", "formaction", "xlink:href"];

/// Elements whose `src`/`href` may be a `data:` URL: they only ever show media.
const MEDIA: &[&str] = &["img", "source", "image", "video", "audio", "track"];

fn check(ctx: &Context, findings: &mut Findings) {
    for (element, spans) in super::elements(ctx, META.code) {
        for attr in spans.attrs.iter().filter(|a| !a.duplicate) {
            if !URL_ATTRS.contains(&attr.name.as_str()) {
                continue;
            }
            let (Some(value), Some(span)) = (element.attr(&attr.name), attr.value_span.clone())
            else {
                continue;
            };
            let Some(scheme) = dangerous_scheme(value, MEDIA.contains(&element.name())) else {
                continue;
            };
            let d = findings
                .diagnostic(
                    span,
                    format!("{scheme}: URL"),
                    format!(
                        "`{scheme}:` URL in `{}` of `<{}>`",
                        attr.name,
                        element.name()
                    ),
                )
                .with_help(help(scheme));
            findings.push(d);
        }
    }
    if super::allowed_anywhere(ctx, META.code) {
        return;
    }
    for link in &ctx.doc.markup().markdown_links {
        if let Some(scheme) = dangerous_scheme(&link.url, false) {
            let d = findings
                .diagnostic(
                    link.url_span.clone(),
                    format!("{scheme}: URL"),
                    format!("Markdown link to a `{scheme}:` URL"),
                )
                .with_help(help(scheme));
            findings.push(d);
        }
    }
}

fn help(scheme: &str) -> &'static str {
    if scheme == "data" {
        "link to a file on the site instead; `data:` URLs are only for images"
    } else {
        "script URLs run code when clicked: link to a page, or remove the link"
    }
}

/// The scheme of `url` when it is dangerous, read as browsers do: leading and trailing
/// control characters and spaces dropped, tabs and newlines inside ignored, any case.
fn dangerous_scheme(url: &str, media: bool) -> Option<&'static str> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript", "vbscript", "data"]
        .into_iter()
        .find(|s| {
            cleaned
                .strip_prefix(s)
                .is_some_and(|rest| rest.starts_with(':'))
        })
        .filter(|s| !(media && *s == "data"))
}

#[cfg(test)]
mod tests {
    use super::dangerous_scheme;

    #[test]
    fn schemes_as_browsers_read_them() {
        assert_eq!(
            dangerous_scheme(" JavaScript:alert(1)", false),
            Some("javascript")
        );
        assert_eq!(
            dangerous_scheme("java\tscript:x", false),
            Some("javascript")
        );
        assert_eq!(dangerous_scheme("vbscript:x", false), Some("vbscript"));
        assert_eq!(dangerous_scheme("data:text/html,x", false), Some("data"));
        assert_eq!(dangerous_scheme("data:image/png;base64,x", true), None);
        assert_eq!(dangerous_scheme("javascript-tips.html", false), None);
        assert_eq!(dangerous_scheme("https://example.com", false), None);
    }
}
