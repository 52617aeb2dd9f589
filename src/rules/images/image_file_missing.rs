use std::path::Path;

use crate::images::local;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "IMG009",
    name: "image-file-missing",
    summary: "A relative or root-relative image path names no file of the repository",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let settings = &ctx.settings.images;
    let post = Path::new(&ctx.doc.source.name);
    for image in ctx.image_refs() {
        if !local::is_local(&image.url) {
            continue;
        }
        let places = local::candidates(post, &image.url, &settings.static_dirs);
        if places.is_empty() || places.iter().any(|p| p.exists()) {
            continue;
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let shown: Vec<String> = places
            .iter()
            .map(|p| format!("`{}`", p.strip_prefix(&cwd).unwrap_or(p).display()))
            .collect();
        let d = findings
            .diagnostic(
                image.url_span.clone(),
                "no such file",
                format!(
                    "image file `{}` not found for {}",
                    image.url,
                    image.kind.describe()
                ),
            )
            .with_help(format!(
                "looked for {}: fix the path or add the file",
                shown.join(", ")
            ));
        findings.push(d);
    }
}
