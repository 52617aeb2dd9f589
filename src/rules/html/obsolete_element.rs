use crate::diagnostic::Severity;
use crate::rules::{Context, Findings, Rule};

pub const RULE: Rule = Rule {
    code: "HT009",
    name: "obsolete-element",
    summary: "An obsolete presentational element (`<font>`, `<center>`, `<marquee>`, `<blink>`)",
    docs: include_str!("obsolete_element.md"),
    doc_path: "html/obsolete_element.md",
    severity: Severity::Warning,
    enabled: true,
    check,
};

const OBSOLETE: &[&str] = &["font", "center", "marquee", "blink", "basefont"];

fn check(ctx: &Context, findings: &mut Findings) {
    super::report_tags(ctx, findings, RULE.code, OBSOLETE, |name| {
        let help = match name {
            "center" => "use CSS (`text-align: center`) through a class in the theme",
            "blink" => "browsers ignore `<blink>`: remove it (its text stays)",
            "marquee" => "scrolling text is hard to read and not in any HTML standard: remove it",
            _ => "use Markdown emphasis or a class styled by the theme",
        };
        (format!("`<{name}>` is obsolete HTML"), help.into())
    });
}
