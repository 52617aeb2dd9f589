use std::path::Path;

use crate::boundary::Resolved;
use crate::images::local::{self, Places};
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
    let cwd = crate::schema::working_dir();
    let shown = |p: &Path| match p.strip_prefix(cwd) {
        Ok(rel) if rel.as_os_str().is_empty() => "`.`".to_owned(),
        Ok(rel) => format!("`{}`", rel.display()),
        Err(_) => format!("`{}`", p.display()),
    };
    for image in ctx.image_refs() {
        if !local::is_local(&image.url) {
            continue;
        }
        let boundary = ctx.boundary();
        let places = match local::candidates(
            post,
            &image.url,
            &settings.static_dirs,
            ctx.layout(),
            boundary.root(),
        ) {
            Places::Unknown => continue,
            // Decided on the path as written: what exists up there never changes the finding.
            Places::Escapes { root } => {
                let d = findings
                    .diagnostic(
                        image.url_span.clone(),
                        "climbs above the site root",
                        format!(
                            "image path `{}` for {} climbs above the site root",
                            image.url,
                            image.kind.describe()
                        ),
                    )
                    .with_help(format!(
                        "the site is served from {}: a browser stops there, so this path names \
                         no file of the site; write it relative to a file inside that folder",
                        shown(&root)
                    ));
                findings.push(d);
                continue;
            }
            Places::Files(files) => files,
        };
        let resolved: Vec<Resolved> = places.iter().map(|p| boundary.resolve(p)).collect();
        if resolved.iter().any(|r| matches!(r, Resolved::Inside(_))) {
            continue;
        }
        let list: Vec<String> = places.iter().map(|p| shown(p)).collect();
        let d = if resolved.contains(&Resolved::Outside) {
            findings
                .diagnostic(
                    image.url_span.clone(),
                    "leads outside the repository",
                    format!(
                        "image file `{}` for {} leads outside the repository through a symlink",
                        image.url,
                        image.kind.describe()
                    ),
                )
                .with_help(format!(
                    "postlint looks at nothing outside {} (--follow-symlinks-outside allows it), \
                     and the built site will not have the file either: copy it into the repository",
                    shown(boundary.root())
                ))
        } else {
            findings
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
                    list.join(", ")
                ))
        };
        findings.push(d);
    }
}
