//! Output formats, each a small file behind one trait. Rendering happens only here.

mod concise;
mod excerpt;
mod full;
mod github;
mod gitlab;
mod html;
mod json;
mod junit;
mod markdown;
mod overview;
mod sarif;
mod summary;

use crate::lint::FileReport;

pub use overview::{common_folder, FileRow, FolderRow, Overview, RuleRow, Tally};
pub use summary::{fixable_line, statistics, summary_line, Totals};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatKind {
    /// Rich reports with the source snippet and labels.
    Full,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// A JSON array of findings (fields documented in README.md).
    Json,
    /// One JSON object per line, the same fields as `json`.
    JsonLines,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// JUnit XML, one test case per file.
    Junit,
    /// A self-contained HTML report of the whole run, for an editor's audit (use `--output`).
    Html,
    /// A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
    Markdown,
}

/// How human output should look.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub links: bool,
    pub width: usize,
    /// `--unsafe-fixes`: unsafe fixes count as applicable, and are marked as such.
    pub unsafe_fixes: bool,
    /// Whether many findings of one rule in one file are cut to a few and counted
    /// (`--no-group` turns it off).
    pub group: bool,
}

impl Style {
    /// Whether `--fix`, as this run would apply it, fixes `d`.
    pub fn fixable(&self, d: &crate::diagnostic::Diagnostic) -> bool {
        d.fix.as_ref().is_some_and(|f| {
            self.unsafe_fixes || f.applicability == crate::diagnostic::Applicability::Safe
        })
    }

    /// What `--fix` would do about `d`, and with which flags.
    pub fn fix_note(&self, d: &crate::diagnostic::Diagnostic) -> Option<String> {
        use crate::diagnostic::Applicability;
        let fix = d.fix.as_ref()?;
        Some(match fix.applicability {
            Applicability::Safe => format!("fix: {} (`--fix`)", fix.description),
            Applicability::Unsafe if self.unsafe_fixes => {
                format!("fix (unsafe): {} (`--fix --unsafe-fixes`)", fix.description)
            }
            Applicability::Unsafe => format!(
                "unsafe fix available with `--unsafe-fixes`: {}",
                fix.description
            ),
        })
    }
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            links: false,
            width: 100,
            unsafe_fixes: false,
            group: true,
        }
    }
}

/// An output format, fed one file at a time in path order so that a run can write each file's
/// findings as soon as every earlier file is done and then drop its text. Formats whose output
/// opens with totals (SARIF, JUnit, HTML, Markdown) keep what they need of each file (never its
/// text) and write it all at the end.
pub trait Format: Send {
    /// What can be written for one more file now.
    fn file(&mut self, report: &FileReport) -> String;
    /// [`Format::file`] for several files in order (a format may render them in parallel).
    fn files(&mut self, reports: &[FileReport]) -> String {
        reports.iter().map(|r| self.file(r)).collect()
    }
    /// What follows the last file, given the run's totals and overview (which the run keeps
    /// for its summary line and `--statistics` anyway).
    fn finish(&mut self, _totals: &Totals, _overview: &Overview) -> String {
        String::new()
    }
    /// Whether the human summary line follows the report.
    fn wants_summary(&self) -> bool;
    /// The whole report for `reports` (in the order given).
    fn render(&mut self, reports: &[FileReport]) -> String {
        let mut out = self.files(reports);
        out.push_str(&self.finish(&Totals::of(reports), &Overview::of(reports)));
        out
    }
}

pub fn formatter(kind: FormatKind, style: Style) -> Box<dyn Format> {
    match kind {
        FormatKind::Full => Box::new(full::Full::new(style)),
        FormatKind::Concise => Box::new(concise::Concise { style }),
        FormatKind::Json => Box::new(json::Json::default()),
        FormatKind::JsonLines => Box::new(json::JsonLines),
        FormatKind::Sarif => Box::new(sarif::Sarif::default()),
        FormatKind::Github => Box::new(github::Github),
        FormatKind::Gitlab => Box::new(gitlab::Gitlab::default()),
        FormatKind::Junit => Box::new(junit::Junit::default()),
        FormatKind::Html => Box::new(html::Html::new(style)),
        FormatKind::Markdown => Box::new(markdown::Markdown::new(style)),
    }
}
