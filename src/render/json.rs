//! `--format json`: a JSON array, one object per finding, in file then position order.
//! The fields are a stable contract (see README.md).

use serde::Serialize;

use super::Format;
use crate::diagnostic::{Fix, Severity};
use crate::lint::FileReport;
use crate::source::SourceFile;

pub struct Json;

#[derive(Serialize)]
struct Finding<'a> {
    path: &'a str,
    code: &'a str,
    name: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    label: Option<&'a str>,
    help: Option<&'a str>,
    url: Option<&'a str>,
    related: Vec<Related<'a>>,
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct Related<'a> {
    message: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
}

fn related<'a>(
    source: &SourceFile,
    span: &std::ops::Range<usize>,
    message: Option<&'a str>,
) -> Related<'a> {
    let (s, e) = (source.position(span.start), source.position(span.end));
    Related {
        message,
        line: s.line,
        column: s.column,
        end_line: e.line,
        end_column: e.column,
        start: span.start,
        end: span.end,
    }
}

impl Format for Json {
    fn render(&self, reports: &[FileReport]) -> String {
        let findings: Vec<Finding<'_>> = reports
            .iter()
            .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
            .map(|(r, d)| {
                let span = &d.primary.span;
                let (s, e) = (r.source.position(span.start), r.source.position(span.end));
                Finding {
                    path: r.name(),
                    code: d.code,
                    name: d.name,
                    severity: d.severity,
                    message: &d.message,
                    line: s.line,
                    column: s.column,
                    end_line: e.line,
                    end_column: e.column,
                    start: span.start,
                    end: span.end,
                    label: d.primary.message.as_deref(),
                    help: d.help.as_deref(),
                    url: d.url.as_deref(),
                    related: d
                        .secondary
                        .iter()
                        .map(|l| related(&r.source, &l.span, l.message.as_deref()))
                        .collect(),
                    fix: d.fix.as_ref(),
                }
            })
            .collect();
        let mut out = serde_json::to_string_pretty(&findings).unwrap_or_else(|_| "[]".into());
        out.push('\n');
        out
    }

    fn wants_summary(&self) -> bool {
        false
    }
}
