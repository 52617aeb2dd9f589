use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT003",
    name: "plugin-element",
    summary: "An `<object>`, `<embed>` or `<applet>` element is written in a post body",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(
        ctx,
        findings,
        META.code,
        &["object", "embed", "applet"],
        |name| {
            (
                format!("`<{name}>` loads a plugin or an arbitrary document into the page"),
                "use `<img>`, `<video>` or `<audio>` for media, or an `<iframe>` from an allowed host"
                    .into(),
            )
        },
    );
}
