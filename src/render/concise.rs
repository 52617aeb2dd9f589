use std::fmt::Write;

use super::Format;
use crate::lint::FileReport;

pub struct Concise;

impl Format for Concise {
    fn render(&self, reports: &[FileReport]) -> String {
        let mut out = String::new();
        for report in reports {
            for d in &report.diagnostics {
                let p = report.source.position(d.primary.span.start);
                let _ = writeln!(
                    out,
                    "{}:{}:{}: {}[{}] {}",
                    report.name(),
                    p.line,
                    p.column,
                    d.severity,
                    d.code,
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
