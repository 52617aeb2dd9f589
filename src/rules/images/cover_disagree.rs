use crate::diagnostic::{Label, Severity};
use crate::rules::{Context, Findings, Rule};

use super::cover_values::{covers, same_image};

pub const RULE: Rule = Rule {
    code: "IMG041",
    name: "covers-disagree",
    summary: "Two cover keys that should name the same image name different ones",
    docs: include_str!("cover_disagree.md"),
    doc_path: "images/cover_disagree.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

fn check(ctx: &Context, findings: &mut Findings) {
    let all = covers(ctx);
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
            if same_image(first_url, url) {
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
