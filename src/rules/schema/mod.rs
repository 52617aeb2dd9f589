//! FM1xx: front matter against its JSON Schema. Validation runs once per file (in `lint`); each
//! rule reports the errors of its kind, already placed in the post.

pub mod invalid_format;
pub mod missing_required_key;
pub mod pattern_mismatch;
pub mod schema_mismatch;
pub mod unknown_key;
pub mod value_not_allowed;
pub mod value_out_of_range;
pub mod wrong_type;

use crate::rules::{Context, Findings};
use crate::schema::IssueKind;

/// Report every schema issue of `kind` as a finding of the calling rule.
pub fn report(ctx: &Context, findings: &mut Findings, kind: IssueKind) {
    for issue in ctx.schema_issues().iter().filter(|i| i.kind == kind) {
        let note = format!("schema: {}", issue.schema_location);
        let help = match &issue.help {
            Some(help) => format!("{help}\n{note}"),
            None => note,
        };
        let mut d = findings
            .diagnostic(
                issue.span.clone(),
                issue.label.clone(),
                issue.message.clone(),
            )
            .with_help(help);
        d.fix = issue.fix.clone();
        findings.push(d);
    }
}

/// Declares a schema rule: a rule whose check reports the schema issues of one kind.
macro_rules! schema_rule {
    ($code:literal, $name:literal, $summary:literal, $kind:expr $(, fix: $fix:ident)?) => {
        $crate::rules::declare_rule! {
            code: $code,
            name: $name,
            summary: $summary,
            severity: Error,
            enabled: true,
            $(fix: $fix,)?
        }

        fn check(ctx: &$crate::rules::Context, findings: &mut $crate::rules::Findings) {
            super::report(ctx, findings, $kind);
        }
    };
}
pub(crate) use schema_rule;
