use std::fmt::Write;

use super::{Format, Style};
use crate::lint::FileReport;

/// One line per finding; `[*]` marks the findings `--fix` fixes.
pub struct Concise {
    pub style: Style,
}

impl Format for Concise {
    fn render(&self, reports: &[FileReport]) -> String {
        let mut out = String::new();
        for report in reports {
            for d in &report.diagnostics {
                let p = report.source.position(d.primary.span.start);
                let _ = writeln!(
                    out,
                    "{}:{}:{}: {}[{}] {}{}",
                    report.name(),
                    p.line,
                    p.column,
                    d.severity,
                    d.code,
                    if self.style.fixable(d) { "[*] " } else { "" },
                    d.message
                );
            }
        }
        out
    }

    fn wants_summary(&self) -> bool {
        true
    }
}
