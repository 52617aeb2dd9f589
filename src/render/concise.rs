use std::fmt::Write;

use owo_colors::OwoColorize;

use super::{overview, Format, Style};
use crate::diagnostic::Severity;
use crate::lint::FileReport;

/// One line per finding; `[*]` marks the findings `--fix` fixes.
pub struct Concise {
    pub style: Style,
}

impl Format for Concise {
    fn file(&mut self, report: &FileReport) -> String {
        let mut out = String::new();
        {
            let grouped = overview::group(&report.diagnostics, self.style.group);
            for d in grouped.shown {
                let p = report.source.position(d.primary.span.start);
                let place = format!("{}:{}:{}:", report.name(), p.line, p.column);
                let severity = d.severity.to_string();
                let code = format!("[{}]", d.code);
                let fixable = if self.style.fixable(d) { "[*] " } else { "" };
                if self.style.color {
                    // As ruff colours its concise lines: the place bold, the severity in its colour.
                    let severity = match d.severity {
                        Severity::Error => severity.red().bold().to_string(),
                        _ => severity.yellow().bold().to_string(),
                    };
                    let _ = writeln!(
                        out,
                        "{} {severity}{} {}{}",
                        place.bold(),
                        code.bold(),
                        if fixable.is_empty() {
                            String::new()
                        } else {
                            fixable.cyan().to_string()
                        },
                        d.message
                    );
                } else {
                    let _ = writeln!(out, "{place} {severity}{code} {fixable}{}", d.message);
                }
            }
            for (code, more) in grouped.hidden {
                let _ = writeln!(
                    out,
                    "{}: {}",
                    report.name(),
                    overview::hidden_line(code, more)
                );
            }
        }
        out
    }

    fn wants_summary(&self) -> bool {
        true
    }
}
