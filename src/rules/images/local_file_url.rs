use super::url_checks::{at_target, each_target};
use crate::diagnostic::Severity;
use crate::images::scheme;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "IMG005",
    name: "local-file-image-url",
    summary: "An image points at the author's own disk: `file:`, `C:\\...` or `\\\\server\\...`",
    docs: include_str!("local_file_url.md"),
    doc_path: "images/local_file_url.md",
    severity: Severity::Error,
    enabled: true,
    check,
};

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
    let mut out = Vec::new();
    each_target(ctx, |image, target| {
        if let Some(kind) = local_kind(&target.url) {
            let d = at_target(findings, image, target, "on the author's disk", format!("image URL is {kind}"))
                .with_help("readers cannot load files from your computer: copy the image into the site (e.g. the post's asset folder) and link it relative to the site");
            out.push(d);
        }
    });
    out.into_iter().for_each(|d| findings.push(d));
}
