//! The rules: one file per rule under a folder per group, each declared with [`declare_rule!`]
//! and listed once in [`registry`]. A rule is metadata plus a pure `check` function that reads
//! the post through a [`Context`] and reports through [`Findings`].

pub mod context;
pub mod dates;
pub mod front_matter;
pub mod html;
pub mod images;
pub mod registry;
pub mod schema;
pub mod selection;
pub mod suppressions;
pub mod templates;

use std::ops::Range;

use crate::diagnostic::{Applicability, Diagnostic, Label, Severity};

pub use context::Context;
pub use registry::{lookup, Group, RULES};

/// Where rule docs are published: the rule's `.md` file in the repository.
pub const DOCS_BASE: &str = "https://github.com/postlint/postlint/blob/main/src/rules/";

/// The headings every rule's docs have, in this order.
pub const DOC_HEADINGS: &[&str] = &[
    "## What it does",
    "## Why it matters",
    "## Example that fails",
    "## What to write instead",
    "## Options",
];

/// The heading of the section that says what a rule's fix does; rules with a fix have it,
/// after "What to write instead".
pub const FIX_HEADING: &str = "## Fix";

/// What a rule file declares about itself; the registry adds the group, docs and check.
pub struct Meta {
    /// Stable code, e.g. `FM002`.
    pub code: &'static str,
    /// Kebab-case name that says what is wrong; the rule's file is this name in snake case.
    pub name: &'static str,
    pub summary: &'static str,
    pub severity: Severity,
    pub enabled: bool,
    /// How safe the rule's fixes are, when it offers any.
    pub fix: Option<Applicability>,
}

pub type Check = fn(&Context, &mut Findings);

pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub group: Group,
    /// The rule's docs (Markdown, fixed headings), from the `.md` file beside the rule.
    pub docs: &'static str,
    /// The docs file's path under `src/rules/`, for the docs link.
    pub doc_path: &'static str,
    pub severity: Severity,
    pub enabled: bool,
    /// How safe the rule's fixes are, when it offers any; its docs say what they do.
    pub fix: Option<Applicability>,
    pub check: Check,
}

impl Rule {
    pub fn url(&self) -> String {
        format!("{DOCS_BASE}{}", self.doc_path)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({})", self.code, self.name)
    }
}

/// Declares a rule in its own file: its metadata as `META` and its `check` function as `CHECK`.
/// The file must define `fn check(ctx: &Context, findings: &mut Findings)`. A rule that offers
/// fixes says how safe they are with `fix: Safe` or `fix: Unsafe`.
macro_rules! declare_rule {
    (@fix) => { None };
    (@fix $fix:ident) => { Some($crate::diagnostic::Applicability::$fix) };
    (
        code: $code:literal,
        name: $name:literal,
        summary: $summary:literal,
        severity: $severity:ident,
        enabled: $enabled:literal
        $(, fix: $fix:ident)? $(,)?
    ) => {
        pub const META: $crate::rules::Meta = $crate::rules::Meta {
            code: $code,
            name: $name,
            summary: $summary,
            severity: $crate::diagnostic::Severity::$severity,
            enabled: $enabled,
            fix: $crate::rules::declare_rule!(@fix $($fix)?),
        };
        pub const CHECK: $crate::rules::Check = check;
    };
}
pub(crate) use declare_rule;

/// What one rule reports while it checks one document.
pub struct Findings<'r> {
    rule: &'r Rule,
    severity: Severity,
    out: Vec<Diagnostic>,
}

impl<'r> Findings<'r> {
    pub fn new(rule: &'r Rule, severity: Severity) -> Self {
        Findings {
            rule,
            severity,
            out: Vec::new(),
        }
    }

    /// Start a finding of this rule at `span`, labelled `label`.
    pub fn diagnostic(
        &self,
        span: Range<usize>,
        label: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code: self.rule.code,
            name: self.rule.name,
            severity: self.severity,
            message: message.into(),
            primary: Label::new(span, label),
            secondary: Vec::new(),
            help: None,
            url: Some(self.rule.url()),
            fix: None,
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }

    /// Push what `f` makes of each item: the way to report from a loop whose items need
    /// `&self` to build a diagnostic.
    pub fn extend<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut f: impl FnMut(&Self, T) -> Option<Diagnostic>,
    ) {
        for item in items {
            if let Some(d) = f(self, item) {
                self.out.push(d);
            }
        }
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.out
    }
}
