//! Output formats, each a small file behind one trait. Rendering happens only here.

mod concise;
mod full;
mod json;
mod summary;

use crate::lint::FileReport;

pub use summary::{summary_line, Totals};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatKind {
    /// Rich reports with the source snippet and labels.
    Full,
    /// One line per finding: `path:line:col: severity[CODE] message`.
    Concise,
    /// A JSON array of findings.
    Json,
}

/// How human output should look.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub links: bool,
    pub width: usize,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            links: false,
            width: 100,
        }
    }
}

pub trait Format: Sync {
    /// The whole report for `reports` (in the order given).
    fn render(&self, reports: &[FileReport]) -> String;
    /// Whether the human summary line follows the report.
    fn wants_summary(&self) -> bool;
}

pub fn formatter(kind: FormatKind, style: Style) -> Box<dyn Format> {
    match kind {
        FormatKind::Full => Box::new(full::Full::new(style)),
        FormatKind::Concise => Box::new(concise::Concise),
        FormatKind::Json => Box::new(json::Json),
    }
}
