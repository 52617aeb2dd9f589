use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT004",
    name: "style-element",
    summary: "A `<style>` element is written in a post body",
    severity: Warning,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(ctx, findings, META.code, &["style"], |_| {
        (
            "`<style>` in a post body restyles the whole page, not just the post".into(),
            "move the CSS into the theme's stylesheet and give the post's elements a class".into(),
        )
    });
}
