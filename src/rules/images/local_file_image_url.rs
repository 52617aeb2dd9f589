use super::url_checks::{at_target, each_target};
use crate::images::scheme;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG005",
    name: "local-file-image-url",
    summary: "An image points at the author's own disk: `file:`, `C:\\...` or `\\\\server\\...`",
    severity: Error,
    enabled: true,
}

/// What kind of local path `url` is, if it is one.
pub fn local_kind(url: &str) -> Option<&'static str> {
    let b = url.as_bytes();
    match scheme(url).as_deref() {
        Some("file") => Some("a `file:` URL"),
        Some(s) if s.len() == 1 && matches!(b.get(2), Some(b'\\' | b'/') | None) => {
            Some("a Windows path")
        }
        _ if url.starts_with("\\\\") => Some("a Windows network path"),
        _ => None,
    }
}

fn check(ctx: &Context, findings: &mut Findings) {
    each_target(ctx, findings, |findings, image, target| {
        let kind = local_kind(&target.url)?;
        let d = at_target(findings, image, target, "on the author's disk", format!("image URL is {kind}"))
            .with_help("readers cannot load files from your computer: copy the image into the site (e.g. the post's asset folder) and link it relative to the site");
        Some(d)
    });
}
