use super::{kind, shown};
use crate::rules::{declare_rule, Context, Findings};
use crate::templates::{Construct, Place};

declare_rule! {
    code: "TPL002",
    name: "hexo-template-output",
    summary: "Hexo replaces a Nunjucks `{{ }}` output or removes a `{# #}` comment written in prose",
    severity: Warning,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let text = ctx.doc.text();
    for f in ctx.hexo_templates() {
        if f.place != Place::Prose {
            continue;
        }
        let effect = match f.construct {
            Construct::Output => "replaces it with its value when it renders the post (nothing when the name is undefined)",
            Construct::Comment => "removes it when it renders the post",
            Construct::Tag { .. } => continue,
        };
        findings.push(
            findings
                .diagnostic(
                    f.span.clone(),
                    "Hexo renders this",
                    format!("Nunjucks {} `{}`: Hexo {effect}", kind(f), shown(text, f)),
                )
                .with_help(
                    "to show the braces, wrap them in `{% raw %}` ... `{% endraw %}` or a ``` fence; if the value is meant, this finding can be turned off for the post",
                ),
        );
    }
}
