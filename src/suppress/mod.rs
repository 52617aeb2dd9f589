//! Inline suppressions: comments in a post that switch rules off where they stand.
//!
//! ```text
//! <!-- postlint-disable-next-line HT005 -- the widget needs it -->
//! <!-- postlint-disable IMG003 --> ... <!-- postlint-enable IMG003 -->
//! <!-- postlint-disable-file FM202 -->
//! <img src="x.png" onerror="f()"> <!-- postlint-disable-line HT005 -->
//! draft: yes # postlint-disable-line FM103        (YAML or TOML front matter)
//! ```
//!
//! Selectors are those of `--select` (codes, prefixes, names, `ALL`); none means every rule.
//! A finding is suppressed by where its primary span starts: its line for the `-line` forms, its
//! byte offset for a `disable` ... `enable` range. [`apply`] runs after every rule, in
//! `lint::lint_source`, and also reports PL001 (broken comments) and PL002 (comments that
//! suppress nothing), which need all the other findings. `PL000` and the PL rules themselves
//! are never suppressed by a comment.

mod directive;
mod front_matter;
mod html_comments;
mod removal;

use std::collections::HashSet;
use std::ops::Range;

use directive::{Code, Comment, Kind, Problem, Selection};

use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::rules::{Findings, Group, RULES};
use crate::settings::Settings;

/// The mark every directive starts with; a post without it pays for nothing here.
const MARK: &str = "postlint-";

/// A directive read from one comment.
struct Directive {
    kind: Kind,
    /// The whole comment.
    span: Range<usize>,
    /// 0-based lines of the comment's first and last character.
    first_line: usize,
    last_line: usize,
    selection: Selection,
}

/// Which selector of which directive a suppression came from; `None` is a bare directive.
type Origin = (usize, Option<usize>);

/// Half-open intervals (of lines or of bytes), each from one selector, with their union for
/// the question "is this place covered".
#[derive(Default)]
struct Intervals {
    items: Vec<(Range<usize>, Origin)>,
    /// `items` merged: sorted and disjoint.
    union: Vec<Range<usize>>,
}

impl Intervals {
    fn finish(&mut self) {
        let mut sorted: Vec<Range<usize>> = self.items.iter().map(|(r, _)| r.clone()).collect();
        sorted.sort_by_key(|r| r.start);
        for r in sorted.into_iter().filter(|r| r.start < r.end) {
            match self.union.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => self.union.push(r),
            }
        }
    }

    fn covers(&self, at: usize) -> bool {
        let i = self.union.partition_point(|r| r.end <= at);
        self.union.get(i).is_some_and(|r| r.start <= at)
    }

    /// Mark the selectors whose interval holds one of `points` (sorted).
    fn mark_used(&self, points: &[usize], used: &mut HashSet<Origin>) {
        for (range, origin) in &self.items {
            let i = points.partition_point(|&p| p < range.start);
            if points.get(i).is_some_and(|&p| p < range.end) {
                used.insert(*origin);
            }
        }
    }
}

/// One rule's suppressions. A finding asks two interval unions and the file list, and which
/// selectors were used is worked out afterwards from where the findings are, so a post with
/// many comments and many findings costs (comments + findings) x log, never their product.
#[derive(Default)]
struct RuleScopes {
    /// 0-based lines (the `-line` forms).
    lines: Intervals,
    /// Byte offsets (`disable` ... `enable`).
    bytes: Intervals,
    file: Vec<Origin>,
}

impl RuleScopes {
    fn covers(&self, line: usize, offset: usize) -> bool {
        !self.file.is_empty() || self.lines.covers(line) || self.bytes.covers(offset)
    }
}

/// Drop the findings in `diagnostics` that the post's suppression comments switch off, and add
/// the PL001 and PL002 findings about those comments when those rules are on.
pub fn apply(doc: &Document, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) {
    let text = doc.text();
    if !text.contains(MARK) {
        return;
    }
    let mut comments = front_matter::comments(doc);
    if text[doc.body()].contains(MARK) {
        comments.extend(html_comments::comments(doc));
    }
    if comments.is_empty() {
        return;
    }
    comments.sort_by_key(|c| c.span.start);
    let mut problems = Vec::new();
    let directives = read_all(doc, &comments, &mut problems);
    let by_rule = scopes(&directives, &mut problems);

    let lines = &doc.source.lines;
    // Where each rule's findings start (lines and offsets), for telling which selectors were used.
    let mut hit_lines: Vec<Vec<usize>> = RULES.iter().map(|_| Vec::new()).collect();
    let mut hit_offsets: Vec<Vec<usize>> = RULES.iter().map(|_| Vec::new()).collect();
    diagnostics.retain(|d| {
        let Some(rule) = RULES.iter().position(|r| r.code == d.code) else {
            return true;
        };
        let start = d.primary.span.start;
        let line = lines.line_of(start);
        hit_lines[rule].push(line);
        hit_offsets[rule].push(start);
        !by_rule[rule].covers(line, start)
    });
    let mut used: HashSet<Origin> = HashSet::new();
    for (r, scopes) in by_rule.iter().enumerate() {
        if hit_offsets[r].is_empty() {
            continue;
        }
        hit_lines[r].sort_unstable();
        hit_offsets[r].sort_unstable();
        scopes.lines.mark_used(&hit_lines[r], &mut used);
        scopes.bytes.mark_used(&hit_offsets[r], &mut used);
        used.extend(scopes.file.iter().copied());
    }

    if let Some(severity) = severity_of(settings, "PL001") {
        let rule = rule("PL001");
        let findings = Findings::new(rule, severity);
        diagnostics.extend(problems.into_iter().map(|p| {
            let d = findings.diagnostic(p.span, p.label, p.message);
            match p.help {
                Some(help) => d.with_help(help),
                None => d,
            }
        }));
    }
    if let Some(severity) = severity_of(settings, "PL002") {
        let findings = Findings::new(rule("PL002"), severity);
        let body_start = doc.body().start;
        unused(
            text,
            body_start,
            &directives,
            &used,
            settings,
            &findings,
            diagnostics,
        );
    }
}

fn rule(code: &str) -> &'static crate::rules::Rule {
    RULES
        .iter()
        .find(|r| r.code == code)
        .expect("the rule is in the registry")
}

fn severity_of(settings: &Settings, code: &str) -> Option<Severity> {
    settings
        .rules
        .iter()
        .find(|a| a.rule.code == code)
        .map(|a| a.severity)
}

fn read_all(doc: &Document, comments: &[Comment], problems: &mut Vec<Problem>) -> Vec<Directive> {
    let text = doc.text();
    let lines = &doc.source.lines;
    comments
        .iter()
        .filter_map(|c| {
            let (kind, selection) = directive::read(text, c, problems)?;
            let last = c.span.end.saturating_sub(1).max(c.span.start);
            Some(Directive {
                kind,
                span: c.span.clone(),
                first_line: lines.line_of(c.span.start),
                last_line: lines.line_of(last),
                selection,
            })
        })
        .collect()
}

/// The selectors of a directive with their origins: one per code, or every suppressible rule
/// for a bare directive.
fn selectors(index: usize, d: &Directive) -> Vec<(Origin, Vec<usize>, Range<usize>)> {
    match &d.selection {
        Selection::All => vec![(
            (index, None),
            RULES
                .iter()
                .enumerate()
                .filter(|(_, r)| r.group != Group::Suppressions)
                .map(|(i, _)| i)
                .collect(),
            d.span.clone(),
        )],
        Selection::Codes(codes) => codes
            .iter()
            .enumerate()
            .map(|(j, Code { span, rules })| ((index, Some(j)), rules.clone(), span.clone()))
            .collect(),
    }
}

/// Every directive's reach, by rule (indexed like `RULES`). `disable` opens a range for each of
/// its rules that the next `enable` naming the rule closes; ranges left open run to the end.
fn scopes(directives: &[Directive], problems: &mut Vec<Problem>) -> Vec<RuleScopes> {
    let mut by_rule: Vec<RuleScopes> = RULES.iter().map(|_| RuleScopes::default()).collect();
    let mut open: Vec<Vec<(usize, Origin)>> = RULES.iter().map(|_| Vec::new()).collect();
    for (i, d) in directives.iter().enumerate() {
        for (origin, rules, span) in selectors(i, d) {
            match d.kind {
                Kind::DisableLine | Kind::DisableNextLine => {
                    let lines = if d.kind == Kind::DisableLine {
                        d.first_line..d.last_line + 1
                    } else {
                        d.last_line + 1..d.last_line + 2
                    };
                    for r in rules {
                        by_rule[r].lines.items.push((lines.clone(), origin));
                    }
                }
                Kind::DisableFile => {
                    for r in rules {
                        by_rule[r].file.push(origin);
                    }
                }
                Kind::Disable => {
                    for r in rules {
                        open[r].push((d.span.start, origin));
                    }
                }
                Kind::Enable => {
                    let mut closed = false;
                    for r in rules {
                        for (start, origin) in open[r].drain(..) {
                            by_rule[r].bytes.items.push((start..d.span.start, origin));
                            closed = true;
                        }
                    }
                    if !closed {
                        problems.push(Problem {
                            span,
                            label: "nothing to enable",
                            message: "`postlint-enable` without a `postlint-disable` of these rules before it".into(),
                            help: Some("remove the comment, or add the matching `postlint-disable` above it".into()),
                        });
                    }
                }
            }
        }
    }
    for (r, opened) in open.into_iter().enumerate() {
        for (start, origin) in opened {
            by_rule[r].bytes.items.push((start..usize::MAX, origin));
        }
    }
    for scopes in &mut by_rule {
        scopes.lines.finish();
        scopes.bytes.finish();
    }
    by_rule
}

/// A `postlint-disable` is left for the editor: its `postlint-enable` would be left behind
/// without it (a PL001 of its own).
fn fixable(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::DisableLine | Kind::DisableNextLine | Kind::DisableFile
    )
}

/// PL002: each directive, or each of its selectors, that suppressed nothing. Only selectors
/// naming a rule that ran count: under `--select FM` a comment for HT005 cannot have been used.
fn unused(
    text: &str,
    body_start: usize,
    directives: &[Directive],
    used: &HashSet<Origin>,
    settings: &Settings,
    findings: &Findings,
    out: &mut Vec<Diagnostic>,
) {
    let ran: Vec<bool> = RULES
        .iter()
        .map(|r| settings.rules.iter().any(|a| std::ptr::eq(a.rule, r)))
        .collect();
    for (i, d) in directives.iter().enumerate() {
        if d.kind == Kind::Enable {
            continue;
        }
        let all = selectors(i, d);
        let idle: Vec<&(Origin, Vec<usize>, Range<usize>)> = all
            .iter()
            .filter(|(origin, rules, _)| rules.iter().any(|&r| ran[r]) && !used.contains(origin))
            .collect();
        if idle.is_empty() {
            continue;
        }
        let reach = match d.kind {
            Kind::DisableLine => "on its line",
            Kind::DisableNextLine => "on the next line",
            Kind::Disable => "until its `postlint-enable`",
            Kind::DisableFile | Kind::Enable => "in this file",
        };
        let help = "remove the comment (or the selector): what it suppressed is gone";
        if idle.len() == all.len() {
            let message = match &d.selection {
                Selection::All => format!(
                    "`{}` suppresses nothing: no finding {reach}",
                    d.kind.keyword()
                ),
                Selection::Codes(codes) => {
                    let names: Vec<&str> = codes.iter().map(|c| &text[c.span.clone()]).collect();
                    let names = names.join(", ");
                    format!(
                        "`{} {names}` suppresses nothing: no finding of {names} {reach}",
                        d.kind.keyword()
                    )
                }
            };
            let mut finding = findings
                .diagnostic(d.span.clone(), "suppresses nothing", message)
                .with_help(help);
            let removal = fixable(d.kind)
                .then(|| removal::comment(text, d.span.clone(), d.span.start >= body_start))
                .flatten();
            if let Some(removal) = removal {
                finding = finding.with_fix(Fix::safe("remove the comment", removal, ""));
            }
            out.push(finding);
        } else {
            for (_, _, span) in idle {
                let mut finding = findings
                    .diagnostic(
                        span.clone(),
                        "suppresses nothing",
                        format!(
                            "`{}` in this `{}` suppresses nothing: no such finding {reach}",
                            &text[span.clone()],
                            d.kind.keyword()
                        ),
                    )
                    .with_help(help);
                if fixable(d.kind) {
                    let removal = removal::selector(text, span.clone());
                    finding = finding.with_fix(Fix::safe(
                        format!("remove `{}` from the comment", &text[span.clone()]),
                        removal,
                        "",
                    ));
                }
                out.push(finding);
            }
        }
    }
}
