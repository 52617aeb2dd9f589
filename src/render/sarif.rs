//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other CI viewers. Columns count
//! Unicode code points (`columnKind`), as postlint's columns do; byte offsets are given as well.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{json, Value};

use super::{Format, Overview, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::{FileReport, NOT_CHECKED};
use crate::rules::RULES;
use crate::source::SourceFile;

/// The results sit inside the log object, so they wait until the last file.
#[derive(Default)]
pub struct Sarif {
    results: Vec<Value>,
    notifications: Vec<Value>,
}

/// Characters kept as they are in a relative URI: unreserved ones and the path separator.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    utf8_percent_encode(&path, PATH).to_string()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn region(source: &SourceFile, span: &std::ops::Range<usize>) -> Value {
    let (s, e) = (source.position(span.start), source.position(span.end));
    json!({
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": e.line,
        "endColumn": e.column,
        "byteOffset": span.start,
        "byteLength": span.end - span.start,
    })
}

fn location(r: &FileReport, span: &std::ops::Range<usize>) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(r.name()) },
            "region": region(&r.source, span),
        }
    })
}

fn result(r: &FileReport, d: &Diagnostic) -> Value {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [location(r, &d.primary.span)],
    });
    if let Some(index) = RULES.iter().position(|rule| rule.code == d.code) {
        result["ruleIndex"] = json!(index);
    }
    if !d.secondary.is_empty() {
        let related: Vec<Value> = d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut loc = location(r, &l.span);
                loc["id"] = json!(i + 1);
                if let Some(m) = &l.message {
                    loc["message"] = json!({ "text": m });
                }
                loc
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": { "text": fix.description },
            "properties": { "applicability": fix.applicability.as_str() },
            "artifactChanges": [{
                "artifactLocation": { "uri": uri(r.name()) },
                "replacements": [{
                    "deletedRegion": { "byteOffset": fix.span.start, "byteLength": fix.span.end - fix.span.start },
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    result
}

fn rule_descriptors() -> Vec<Value> {
    RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.code,
                "name": rule.name,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": first_paragraph(rule.docs, "## What it does") },
                "help": { "text": rule.docs, "markdown": rule.docs },
                "helpUri": rule.url(),
                "defaultConfiguration": { "level": level(rule.severity), "enabled": rule.enabled },
            })
        })
        .collect()
}

/// The paragraph under a docs heading, joined into one line.
fn first_paragraph(docs: &str, heading: &str) -> String {
    let Some(start) = docs.find(heading) else {
        return String::new();
    };
    docs[start + heading.len()..]
        .trim_start()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Format for Sarif {
    fn file(&mut self, r: &FileReport) -> String {
        for d in &r.diagnostics {
            if d.code == NOT_CHECKED {
                self.notifications.push(json!({
                    "level": "error",
                    "message": { "text": format!("{}: {}", r.name(), d.message) },
                    "locations": [location(r, &d.primary.span)],
                }));
            } else {
                self.results.push(result(r, d));
            }
        }
        String::new()
    }

    fn finish(&mut self, _: &Totals, _: &Overview) -> String {
        let results = std::mem::take(&mut self.results);
        let notifications = std::mem::take(&mut self.notifications);
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "postlint",
                        "version": env!("CARGO_PKG_VERSION"),
                        "informationUri": "https://github.com/postlint/postlint",
                        "rules": rule_descriptors(),
                    }
                },
                "invocations": [{
                    "executionSuccessful": notifications.is_empty(),
                    "toolExecutionNotifications": notifications,
                }],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        });
        let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
        out.push('\n');
        out
    }

    fn wants_summary(&self) -> bool {
        false
    }
}
