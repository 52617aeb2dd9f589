use crate::rules::{declare_rule, Context, Findings};
use crate::templates::{hexo, Construct};

declare_rule! {
    code: "TPL003",
    name: "hexo-unknown-tag",
    summary: "A `{% tag %}` that neither Nunjucks nor Hexo nor the configured plugins define stops `hexo generate`",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let extra = &ctx.settings.template_tags;
    for f in ctx.hexo_templates() {
        let Construct::Tag { name } = &f.construct else {
            continue;
        };
        if !f.runs() || hexo::known(name, extra) {
            continue;
        }
        let span = f.name_span.clone().unwrap_or_else(|| f.span.clone());
        let what = if name.is_empty() {
            "a `{%` tag without a name".to_owned()
        } else {
            format!("unknown tag `{name}`")
        };
        findings.push(
            findings
                .diagnostic(span, "unknown tag", format!("{what}: `hexo generate` stops with \"unknown block tag\""))
                .with_help(
                    "a tag from a plugin goes in `[templates] tags` in postlint.toml; to show the tag as text, wrap it in `{% raw %}` ... `{% endraw %}` or a ``` fence",
                ),
        );
    }
}
