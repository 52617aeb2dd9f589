use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "PL001",
    name: "invalid-suppression",
    summary: "A suppression comment names an unknown rule, is malformed, or enables what was never disabled",
    severity: Warning,
    enabled: true,
}

/// Reports nothing itself: `crate::suppress::apply` reads the suppression comments once, after
/// the other rules have run (it needs their findings for PL002), and reports this rule's
/// findings from that same reading.
fn check(_ctx: &Context, _findings: &mut Findings) {}
