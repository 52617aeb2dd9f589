//! `--format gitlab`: GitLab Code Quality JSON. Fingerprints are stable across runs and line
//! moves: they hash the path, the rule, the text at the span and its occurrence number.

use std::collections::HashMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Format, Overview, Totals};
use crate::diagnostic::Severity;
use crate::lint::FileReport;

#[derive(Default)]
pub struct Gitlab {
    any: bool,
}

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    positions: Positions,
}

#[derive(Serialize)]
struct Positions {
    begin: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: usize,
    column: usize,
}

impl Format for Gitlab {
    fn file(&mut self, r: &FileReport) -> String {
        let mut out = String::new();
        {
            let mut seen: HashMap<String, usize> = HashMap::new();
            for d in &r.diagnostics {
                let span = crate::source::clamp_span(&r.source.text, d.primary.span.clone());
                let key = format!("{}\0{}\0{}", r.name(), d.code, &r.source.text[span.clone()]);
                let n = seen.entry(key.clone()).or_default();
                *n += 1;
                let digest = Sha256::digest(format!("{key}\0{n}").as_bytes());
                let fingerprint: String =
                    digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
                let (s, e) = (r.source.position(span.start), r.source.position(span.end));
                let issue = Issue {
                    description: format!("{} ({})", d.message, d.code),
                    check_name: d.name,
                    fingerprint,
                    severity: match d.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                        Severity::Info => "info",
                    },
                    location: Location {
                        path: r.name(),
                        positions: Positions {
                            begin: Pos {
                                line: s.line,
                                column: s.column,
                            },
                            end: Pos {
                                line: e.line,
                                column: e.column,
                            },
                        },
                    },
                };
                super::json::array_element(&mut self.any, &issue, &mut out);
            }
        }
        out
    }

    fn finish(&mut self, _: &Totals, _: &Overview) -> String {
        super::json::array_end(self.any)
    }

    fn wants_summary(&self) -> bool {
        false
    }
}
