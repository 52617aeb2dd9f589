use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT009",
    name: "obsolete-element",
    summary: "An obsolete presentational element (`<font>`, `<center>`, `<marquee>`, `<blink>`)",
    severity: Warning,
    enabled: true,
}

const OBSOLETE: &[&str] = &["font", "center", "marquee", "blink", "basefont"];

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(ctx, findings, META.code, OBSOLETE, |name| {
        let help = match name {
            "center" => "use CSS (`text-align: center`) through a class in the theme",
            "blink" => "browsers ignore `<blink>`: remove it (its text stays)",
            "marquee" => "scrolling text is hard to read and not in any HTML standard: remove it",
            _ => "use Markdown emphasis or a class styled by the theme",
        };
        (format!("`<{name}>` is obsolete HTML"), help.into())
    });
}
