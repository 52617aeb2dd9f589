//! `--fix` and `--diff`: apply the findings' fixes, pass after pass, linting again after each
//! pass, until nothing more applies. Only the bytes of each edit change; a file is written only
//! if it still holds what was linted.

pub mod apply;
pub mod diff;
pub mod write;

use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::{Applicability, Diagnostic, Label, Severity};
use crate::discover::Target;
use crate::lint::{lint_file, lint_source, FileReport, NOT_CHECKED};
use crate::settings::Settings;

/// A fix that cannot settle in this many passes (one fix undoing another) stops there.
const MAX_PASSES: usize = 10;

/// Which fixes `--fix` applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// `--fix`: safe fixes only.
    Safe,
    /// `--fix --unsafe-fixes`: unsafe ones too.
    Unsafe,
}

impl FixMode {
    pub fn applies(self, applicability: Applicability) -> bool {
        match self {
            FixMode::Safe => applicability == Applicability::Safe,
            FixMode::Unsafe => true,
        }
    }
}

/// What fixing one file gave.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The findings of the text as it now stands (fixed, or as read when nothing was written).
    pub report: FileReport,
    /// The text as read, when fixes changed it.
    pub original: Option<Arc<str>>,
    /// How many findings' fixes were applied.
    pub applied: usize,
}

impl Fixed {
    /// The fixed text, when fixes changed it.
    pub fn fixed_text(&self) -> Option<&str> {
        self.original.as_ref().map(|_| &*self.report.source.text)
    }

    /// The change as a unified diff, when there is one.
    pub fn diff(&self) -> Option<String> {
        let original = self.original.as_ref()?;
        Some(diff::unified(
            self.report.name(),
            original,
            &self.report.source.text,
        ))
    }
}

/// Apply the fixes `mode` allows to the text `report` was made from, relinting after each pass.
pub fn fix_report(report: FileReport, settings: &Settings, mode: FixMode) -> Fixed {
    if report.not_checked {
        return Fixed {
            report,
            original: None,
            applied: 0,
        };
    }
    let original = report.source.text.clone();
    let name = report.source.name.clone();
    let mut report = report;
    let mut applied = 0;
    for _ in 0..MAX_PASSES {
        let fixes = report
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(|f| mode.applies(f.applicability));
        let Some(done) = apply::apply(&report.source.text, fixes) else {
            break;
        };
        applied += done.applied;
        report = lint_source(&name, &done.text, settings);
    }
    let changed = *report.source.text != *original;
    Fixed {
        report,
        original: changed.then_some(original),
        applied,
    }
}

/// Lint the file at `path`, fix it, and write the result back when `write` is set. A file that
/// cannot be written keeps its findings as read, plus one saying why nothing was written.
pub fn fix_file(path: &Path, settings: &Settings, mode: FixMode, write: bool) -> Fixed {
    let first = lint_file(path, settings);
    let fixed = fix_report(first.clone(), settings, mode);
    let (Some(original), true) = (&fixed.original, write) else {
        return fixed;
    };
    match write::write_if_unchanged(path, original.as_bytes(), &fixed.report.source.text) {
        Ok(()) => fixed,
        Err(err) => {
            let mut report = first;
            report
                .diagnostics
                .insert(0, not_written(&err, fixed.applied));
            Fixed {
                report,
                original: None,
                applied: 0,
            }
        }
    }
}

/// Fix files in parallel, each with the settings of its place; the results come back in the
/// order of `targets`.
pub fn fix_targets(targets: &[Target], mode: FixMode, write: bool) -> Vec<Fixed> {
    use rayon::prelude::*;
    targets
        .par_iter()
        .map(|t| fix_file(&t.path, &t.settings, mode, write))
        .collect()
}

fn not_written(err: &write::WriteError, fixes: usize) -> Diagnostic {
    Diagnostic {
        code: NOT_CHECKED,
        name: "fix-not-written",
        severity: Severity::Error,
        message: format!(
            "{err}: {fixes} {} not written; run postlint again",
            if fixes == 1 { "fix was" } else { "fixes were" }
        ),
        primary: Label::bare(0..0),
        secondary: Vec::new(),
        help: None,
        url: None,
        fix: None,
    }
}
