use crate::diagnostic::Label;
use crate::rules::{declare_rule, Context, Findings};

use crate::images::covers::same_image;
use crate::images::referrer::requested_by_page;

declare_rule! {
    code: "IMG042",
    name: "cover-not-in-body",
    summary: "The front-matter cover is not one of the body's images",
    severity: Warning,
    enabled: false,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let all = ctx.covers();
    let proxies = &ctx.settings.images.proxy_patterns;
    let images: Vec<_> = ctx
        .image_refs()
        .iter()
        .filter(|i| requested_by_page(i) && !i.url.is_empty())
        .collect();
    let mut reported: Vec<&str> = Vec::new();
    for cover in all {
        let Some(url) = cover.url else { continue };
        if reported.iter().any(|r| same_image(r, url, proxies))
            || images.iter().any(|i| same_image(&i.url, url, proxies))
        {
            continue;
        }
        reported.push(url);
        let message = if images.is_empty() {
            format!(
                "cover `{}` is not in the body, which has no image",
                cover.key
            )
        } else {
            format!("cover `{}` is not among the body's images", cover.key)
        };
        let mut d = findings.diagnostic(cover.url_span.clone(), "not in the body", message);
        for same in all
            .iter()
            .filter(|c| c.key != cover.key && c.url.is_some_and(|u| same_image(u, url, proxies)))
        {
            d = d.with_label(Label::new(same.url_span.clone(), "the same cover"));
        }
        let help = match images.first() {
            Some(first) => {
                d = d.with_label(Label::new(first.url_span.clone(), "the body's first image"));
                "a cover that no body image matches is usually stale or a placeholder: use one of \
                 the body's images (the first, usually), or set `[covers] in-body = false` if \
                 your theme's covers are meant to differ from the body"
            }
            None => {
                "with no image in the body, the cover is a placeholder or comes from elsewhere: \
                 add the image to the post, or remove the cover so the theme shows its default"
            }
        };
        findings.push(d.with_help(help));
    }
}
