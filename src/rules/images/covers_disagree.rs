use crate::diagnostic::Label;
use crate::rules::{declare_rule, Context, Findings};

use crate::images::covers::same_image;

declare_rule! {
    code: "IMG041",
    name: "covers-disagree",
    summary: "Two cover keys that should name the same image name different ones",
    severity: Warning,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let all = ctx.covers();
    let proxies = &ctx.settings.images.proxy_patterns;
    for group in &ctx.settings.covers.agree {
        let members: Vec<_> = all
            .iter()
            .filter(|c| group.iter().any(|k| k == c.key))
            .filter_map(|c| c.url.map(|u| (c, u)))
            .collect();
        let Some(((first, first_url), rest)) = members.split_first() else {
            continue;
        };
        for (other, url) in rest {
            if same_image(first_url, url, proxies) {
                continue;
            }
            let d = findings
                .diagnostic(
                    other.url_span.clone(),
                    "this image",
                    format!(
                        "covers `{}` and `{}` name different images",
                        first.key, other.key
                    ),
                )
                .with_label(Label::new(first.url_span.clone(), "differs from this one"))
                .with_help(format!(
                    "the theme shows `{}` in one place and `{}` in another (header and index \
                     card, or feed): make them the same image",
                    first.key, other.key
                ));
            findings.push(d);
        }
    }
}
