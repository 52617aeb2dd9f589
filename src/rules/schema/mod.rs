//! FM1xx: front matter against its JSON Schema. Validation runs once per file (in `lint`); each
//! rule reports the errors of its kind, already placed in the post.

pub mod format;
pub mod missing_required;
pub mod not_allowed;
pub mod out_of_range;
pub mod pattern;
pub mod schema_mismatch;
pub mod unknown_key;
pub mod wrong_type;

use crate::rules::{Context, Findings};
use crate::schema::IssueKind;

/// Report every schema issue of `kind` as a finding of the calling rule.
pub fn report(ctx: &Context, findings: &mut Findings, kind: IssueKind) {
    for issue in ctx.schema_issues.iter().filter(|i| i.kind == kind) {
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

/// Declares a schema rule: its metadata, its docs beside it, and the issue kind it reports.
macro_rules! schema_rule {
    ($code:literal, $name:literal, $summary:literal, $doc:literal, $kind:expr) => {
        pub const RULE: crate::rules::Rule = crate::rules::Rule {
            code: $code,
            name: $name,
            summary: $summary,
            docs: include_str!($doc),
            doc_path: concat!("schema/", $doc),
            severity: crate::diagnostic::Severity::Error,
            enabled: true,
            check,
        };

        fn check(ctx: &crate::rules::Context, findings: &mut crate::rules::Findings) {
            super::report(ctx, findings, $kind);
        }
    };
}
pub(crate) use schema_rule;
