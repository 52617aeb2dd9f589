use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT001",
    name: "script-element",
    summary: "A `<script>` element is written in a post body",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(ctx, findings, META.code, &["script"], |_| {
        (
            "`<script>` in a post body runs on every page that shows the post".into(),
            "move the script into the theme or a layout include; to show code, put it in a code block"
                .into(),
        )
    });
}
