//! `--format json`: a JSON array, one object per finding, in file then position order.
//! The fields are a stable contract (see README.md).

use serde::Serialize;

use super::{Format, Overview, Totals};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::lint::FileReport;
use crate::source::SourceFile;

#[derive(Default)]
pub struct Json {
    /// Whether an element was written, so the next one needs a comma.
    any: bool,
}

#[derive(Serialize)]
pub(super) struct Finding<'a> {
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

/// One finding as the JSON formats write it.
pub(super) fn finding<'a>(r: &'a FileReport, d: &'a Diagnostic) -> Finding<'a> {
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
}

/// A pretty-printed JSON array written one element at a time: the same bytes as
/// `serde_json::to_string_pretty` of the whole array.
pub(super) fn array_element(any: &mut bool, value: &impl Serialize, out: &mut String) {
    let Ok(text) = serde_json::to_string_pretty(value) else {
        return;
    };
    out.push_str(if *any { ",\n" } else { "[\n" });
    *any = true;
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("  ");
        out.push_str(line);
    }
}

pub(super) fn array_end(any: bool) -> String {
    if any { "\n]\n" } else { "[]\n" }.to_owned()
}

impl Format for Json {
    fn file(&mut self, r: &FileReport) -> String {
        let mut out = String::new();
        for d in &r.diagnostics {
            array_element(&mut self.any, &finding(r, d), &mut out);
        }
        out
    }

    fn finish(&mut self, _: &Totals, _: &Overview) -> String {
        array_end(self.any)
    }

    fn wants_summary(&self) -> bool {
        false
    }
}

/// `--format json-lines`: the same objects, one per line, for streaming and `grep`.
pub struct JsonLines;

impl Format for JsonLines {
    fn file(&mut self, r: &FileReport) -> String {
        let mut out = String::new();
        for f in r.diagnostics.iter().map(|d| finding(r, d)) {
            if let Ok(line) = serde_json::to_string(&f) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }

    fn wants_summary(&self) -> bool {
        false
    }
}
