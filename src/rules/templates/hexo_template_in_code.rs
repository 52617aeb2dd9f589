use super::{kind, shown};
use crate::diagnostic::Fix;
use crate::rules::{declare_rule, Context, Findings};
use crate::templates::{Construct, Place};

declare_rule! {
    code: "TPL001",
    name: "hexo-template-in-code",
    summary: "Hexo runs the Nunjucks in an indented code block, and drops `{# #}` comments even in inline code",
    severity: Warning,
    enabled: true,
    fix: Unsafe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let text = ctx.doc.text();
    for f in ctx.hexo_templates() {
        let place = match f.place {
            Place::InlineCode if f.construct == Construct::Comment => "inline code",
            Place::IndentedCode => "an indented code block",
            _ => continue,
        };
        let effect = match &f.construct {
            Construct::Tag { .. } => {
                "runs it, and the page shows its result (or the build stops) instead of the tag"
            }
            Construct::Output => "replaces it with its value (nothing when the name is undefined)",
            Construct::Comment => "removes it before the Markdown is read",
        };
        let mut d = findings
            .diagnostic(
                f.span.clone(),
                "Hexo renders this",
                format!(
                    "Nunjucks {} `{}` in {place}: Hexo {effect}",
                    kind(f),
                    shown(text, f)
                ),
            )
            .with_help(
                "Hexo renders Nunjucks everywhere but fenced code: use a ``` fence, or wrap the code in `{% raw %}` ... `{% endraw %}`",
            );
        if let Some(code) = &f.code_span {
            d = d.with_fix(Fix::unsafe_edit(
                "wrap the inline code in {% raw %} ... {% endraw %}",
                code.clone(),
                format!("{{% raw %}}{}{{% endraw %}}", &text[code.clone()]),
            ));
        }
        findings.push(d);
    }
}
