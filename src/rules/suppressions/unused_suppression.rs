use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "PL002",
    name: "unused-suppression",
    summary: "A suppression comment, or one of its codes, suppresses nothing",
    severity: Warning,
    enabled: false,
    fix: Safe,
}

/// Reports nothing itself: whether a comment suppressed anything is known only once every other
/// rule has reported, so `crate::suppress::apply` works this rule out after them, in
/// `lint::lint_source`.
fn check(_ctx: &Context, _findings: &mut Findings) {}
