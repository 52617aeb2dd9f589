//! `--format github`: GitHub Actions workflow commands, which GitHub shows as annotations on the
//! pull request's diff.

use std::fmt::Write;

use super::Format;
use crate::diagnostic::Severity;
use crate::lint::FileReport;

pub struct Github;

/// Escaping for a command's message, as the Actions runner decodes it.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a property value, which also may not hold `:` or `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Format for Github {
    fn file(&mut self, r: &FileReport) -> String {
        let mut out = String::new();
        {
            for d in &r.diagnostics {
                let level = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "notice",
                };
                let (s, e) = (
                    r.source.position(d.primary.span.start),
                    r.source.position(d.primary.span.end),
                );
                let title = format!("{} {}", d.code, d.name);
                let mut message = d.message.clone();
                if let Some(help) = &d.help {
                    message.push_str("\nhelp: ");
                    message.push_str(help);
                }
                let _ = writeln!(
                    out,
                    "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    escape_property(r.name()),
                    s.line,
                    s.column,
                    e.line,
                    e.column,
                    escape_property(&title),
                    escape_data(&message)
                );
            }
        }
        out
    }

    fn wants_summary(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
