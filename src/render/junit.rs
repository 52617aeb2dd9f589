//! `--format junit`: JUnit XML, one test case per file, a failure per finding.

use std::fmt::Write;

use quick_xml::escape::escape;

use super::{Format, Overview, Totals};
use crate::diagnostic::Severity;
use crate::lint::{FileReport, NOT_CHECKED};

/// The counts open the document, so the test cases wait in `cases` until the last file.
#[derive(Default)]
pub struct Junit {
    tests: usize,
    failures: usize,
    errors: usize,
    cases: String,
}

impl Format for Junit {
    fn file(&mut self, r: &FileReport) -> String {
        self.tests += 1;
        if r.not_checked {
            self.errors += 1;
        } else if !r.diagnostics.is_empty() {
            self.failures += 1;
        }
        let out = &mut self.cases;
        {
            let name = escape(r.name());
            if r.diagnostics.is_empty() {
                let _ = writeln!(
                    out,
                    "    <testcase name=\"{name}\" classname=\"postlint\" file=\"{name}\"/>"
                );
                return String::new();
            }
            let _ = writeln!(
                out,
                "    <testcase name=\"{name}\" classname=\"postlint\" file=\"{name}\">"
            );
            for d in &r.diagnostics {
                let p = r.source.position(d.primary.span.start);
                let tag = if d.code == NOT_CHECKED {
                    "error"
                } else {
                    "failure"
                };
                let level = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                };
                let mut body = format!(
                    "{}:{}:{}: {level}[{}] {}",
                    r.name(),
                    p.line,
                    p.column,
                    d.code,
                    d.message
                );
                if let Some(help) = &d.help {
                    body.push_str("\nhelp: ");
                    body.push_str(help);
                }
                let _ = writeln!(
                    out,
                    "      <{tag} type=\"{}\" message=\"{}\">{}</{tag}>",
                    escape(d.code),
                    escape(format!("{}:{}: {}", p.line, p.column, d.message)),
                    escape(&body)
                );
            }
            out.push_str("    </testcase>\n");
        }
        String::new()
    }

    fn finish(&mut self, _: &Totals, _: &Overview) -> String {
        let (n, failures, errors) = (self.tests, self.failures, self.errors);
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"postlint\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\">\n  \
             <testsuite name=\"postlint\" tests=\"{n}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">"
        );
        out.push_str(&std::mem::take(&mut self.cases));
        out.push_str("  </testsuite>\n</testsuites>\n");
        out
    }

    fn wants_summary(&self) -> bool {
        false
    }
}
