//! Findings as plain data: what is wrong, where (byte spans into the whole file), and how to fix it.

use std::ops::Range;

use serde::Serialize;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A byte range of the file with an optional short text shown beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Range<usize>,
    pub message: Option<String>,
}

impl Label {
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Label {
            span,
            message: Some(message.into()),
        }
    }

    pub fn bare(span: Range<usize>) -> Self {
        Label {
            span,
            message: None,
        }
    }
}

/// Whether `--fix` may apply a fix on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps what the reader sees and what the generator builds: `--fix` applies it.
    Safe,
    /// Changes meaning or rests on a guess (a host that serves https, a date's zone, a handler
    /// the page needed): applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// A text edit that fixes the finding: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub description: String,
    pub span: Range<usize>,
    pub replacement: String,
    pub applicability: Applicability,
}

impl Fix {
    pub fn safe(
        description: impl Into<String>,
        span: Range<usize>,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix {
            description: description.into(),
            span,
            replacement: replacement.into(),
            applicability: Applicability::Safe,
        }
    }

    pub fn unsafe_edit(
        description: impl Into<String>,
        span: Range<usize>,
        replacement: impl Into<String>,
    ) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            ..Fix::safe(description, span, replacement)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub help: Option<String>,
    pub url: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn with_label(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}
