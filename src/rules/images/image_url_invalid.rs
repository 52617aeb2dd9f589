use url::{SyntaxViolation, Url};

use super::url_checks::{at_target, each_target};
use crate::images::scheme;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG002",
    name: "image-url-invalid",
    summary: "An image URL does not parse, or parses only by changing what is requested",
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

/// What the URL parser silently changes in `url` so that the request differs from what was
/// written, and the URL as the browser will request it; `None` when nothing is changed that way.
/// A `\` becomes `/` in http(s) and relative URLs (a Markdown escape copied into HTML, `a\_b.jpg`,
/// asks for `a/_b.jpg`); tabs and newlines inside are dropped; spaces are sent as `%20`.
pub fn rewritten(url: &str) -> Option<(&'static str, String)> {
    if url.contains("{{") || url.contains("{%") {
        return None;
    }
    let special = match scheme(url) {
        Some(s) => s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"),
        None => true,
    };
    if !special {
        return None;
    }
    let violations = std::cell::RefCell::new(Vec::new());
    let base = Url::parse("https://example.invalid/post/").expect("a valid base");
    let record = |v: SyntaxViolation| violations.borrow_mut().push(v);
    let options = Url::options().syntax_violation_callback(Some(&record));
    let parsed = match scheme(url) {
        Some(_) => options.parse(url),
        None => options.base_url(Some(&base)).parse(url),
    };
    parsed.ok()?;
    let violations = violations.into_inner();
    let has = |v: SyntaxViolation| violations.contains(&v);
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let what = if has(SyntaxViolation::Backslash) {
        "a `\\`, which browsers read as `/`"
    } else if has(SyntaxViolation::TabOrNewlineIgnored) {
        "a tab or line break, which browsers drop"
    } else if trimmed.contains(' ') {
        "a space, which browsers send as `%20`"
    } else {
        return None;
    };
    let requested: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| match c {
            '\\' => "/".to_owned(),
            ' ' => "%20".to_owned(),
            c => c.to_string(),
        })
        .collect();
    Some((what, requested))
}

fn check(ctx: &Context, findings: &mut Findings) {
    each_target(ctx, findings, |findings, image, target| {
        if let Some(reason) = parse_error(&target.url) {
            let d = at_target(
                findings,
                image,
                target,
                "does not parse",
                format!("invalid image URL ({reason})"),
            )
            .with_help(
                "browsers show a broken image: fix the URL (check the host, port and brackets)",
            );
            return Some(d);
        }
        let (what, requested) = rewritten(&target.url)?;
        let d = at_target(
            findings,
            image,
            target,
            "not the URL requested",
            format!("image URL with {what}: the browser requests `{requested}`"),
        )
        .with_help("write the URL the server has the image at (percent-encode a space as `%20`)");
        Some(d)
    });
}

#[cfg(test)]
mod tests {
    use super::rewritten;

    #[test]
    fn changes_the_parser_makes_silently_are_named_with_the_url_requested() {
        assert_eq!(
            rewritten("https://pic.example.com/a\\_b.jpg").map(|r| r.1),
            Some("https://pic.example.com/a/_b.jpg".to_owned())
        );
        assert_eq!(
            rewritten("/images/a\tb.png").map(|r| r.1),
            Some("/images/ab.png".to_owned())
        );
        assert_eq!(
            rewritten("https://example.com/my photo.jpg").map(|r| r.1),
            Some("https://example.com/my%20photo.jpg".to_owned())
        );
        // Non-ASCII is percent-encoded as written: the server gets the file it names.
        assert_eq!(rewritten("https://example.com/图片/猫.jpg"), None);
        assert_eq!(rewritten("  https://example.com/a.jpg "), None);
        assert_eq!(rewritten("data:image/png;base64,AA\\AA"), None);
        assert_eq!(rewritten("{{ page.cover }}\\x"), None);
    }
}
