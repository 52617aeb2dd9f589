use crate::rules::{declare_rule, Context, Findings};
use crate::templates::hexo;

declare_rule! {
    code: "TPL004",
    name: "hexo-unbalanced-tag",
    summary: "A Nunjucks block tag has no end tag, or an end tag has no opening tag",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let found = ctx.hexo_templates();
    if found.is_empty() {
        return;
    }
    for u in hexo::unbalanced(found, &ctx.settings.template_tags, ctx.doc.text()) {
        let (label, message) = if u.unclosed {
            (
                "never closed",
                format!(
                    "`{{% {} %}}` has no `{{% end{} %}}`: Hexo's Nunjucks stops the build",
                    u.name, u.name
                ),
            )
        } else {
            (
                "nothing to close",
                format!(
                    "`{{% {} %}}` closes no open tag: Hexo's Nunjucks stops the build",
                    u.name
                ),
            )
        };
        findings.push(
            findings
                .diagnostic(u.span, label, message)
                .with_help("pair each block tag with its end tag, in order; to show tags as text, wrap them in `{% raw %}` ... `{% endraw %}`"),
        );
    }
}
