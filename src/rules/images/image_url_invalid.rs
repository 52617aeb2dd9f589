use url::Url;

use super::url_checks::{at_target, each_target};
use crate::images::scheme;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG002",
    name: "image-url-invalid",
    summary: "An image URL does not parse",
    severity: Error,
    enabled: true,
}

/// Why `url` is not a URL, as the WHATWG URL parser (the `url` crate) says; `None` if it is.
pub fn parse_error(url: &str) -> Option<String> {
    if url.contains("{{") || url.contains("{%") {
        return None; // a template the generator fills in
    }
    let result = match scheme(url) {
        Some(s) if s.len() == 1 => return None, // `C:\...`: IMG005
        Some(_) => Url::parse(url).map(drop),
        None if url.starts_with("//") => Url::parse(&format!("https:{url}")).map(drop),
        None => Url::parse("https://example.invalid/post/")
            .and_then(|base| base.join(url))
            .map(drop),
    };
    result.err().map(|e| e.to_string())
}

fn check(ctx: &Context, findings: &mut Findings) {
    each_target(ctx, findings, |findings, image, target| {
        let reason = parse_error(&target.url)?;
        let d = at_target(
            findings,
            image,
            target,
            "does not parse",
            format!("invalid image URL ({reason})"),
        )
        .with_help("browsers show a broken image: fix the URL (check the host, port and brackets)");
        Some(d)
    });
}
