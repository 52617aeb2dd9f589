//! `--format html`: one self-contained page for an editor auditing a whole site. The summary,
//! the charts with their tables and the first page of findings are plain HTML, so they work
//! with JavaScript off; every finding is also embedded as JSON, which a little script pages
//! and filters. A Content-Security-Policy forbids the page any request: post text shown in it
//! (URLs, markup) can never make the browser load anything.

mod chart;
mod excerpt;

use std::collections::HashMap;

use maud::{html, Markup, PreEscaped, DOCTYPE};
use rayon::prelude::*;
use serde::Serialize;

use self::excerpt::{excerpt, ExcerptLine};
use super::overview::{folders_of, Overview, RuleRow};
use super::{Format, Style, Totals};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::lint::FileReport;

const CSS: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");
/// Findings per page, and on the page rendered without JavaScript.
pub const PAGE: usize = 100;
/// Posts in the "most findings" table.
const WORST: usize = 25;
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; \
                   img-src data:; base-uri 'none'; form-action 'none'";

/// Keeps, per finding, what the page shows of it (its excerpt among them) and, per file, a few
/// numbers: never a post's text, so a run can drop each post once it is added.
pub struct Html {
    style: Style,
    files: Vec<String>,
    rules: Vec<Rule>,
    texts: Texts,
    findings: Vec<Row>,
    /// The markup of the first [`PAGE`] findings, for readers without JavaScript.
    first_page: String,
}

impl Html {
    pub fn new(style: Style) -> Html {
        Html {
            style,
            files: Vec::new(),
            rules: Vec::new(),
            texts: Texts::default(),
            findings: Vec::new(),
            first_page: String::new(),
        }
    }

    fn rule_index(&mut self, d: &Diagnostic) -> usize {
        if let Some(i) = self.rules.iter().position(|r| r.code == d.code) {
            return i;
        }
        self.rules.push(Rule {
            code: d.code,
            name: d.name,
            url: d.url.clone(),
        });
        self.rules.len() - 1
    }
}

/// One finding as the page's script reads it; short keys keep a 50,000-finding page small.
#[derive(Serialize)]
struct Row {
    /// Index into `files`.
    f: usize,
    /// Index into `rules`.
    r: usize,
    s: &'static str,
    /// The message, the help and what `--fix` does are indices into `texts`: a rule's help is
    /// the same in thousands of findings.
    m: usize,
    l: usize,
    c: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    h: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    x: Option<usize>,
    /// `safe` or `unsafe`, with `x`.
    #[serde(skip_serializing_if = "Option::is_none")]
    k: Option<&'static str>,
    e: Vec<ExcerptLine>,
}

#[derive(Serialize)]
struct Rule {
    code: &'static str,
    name: &'static str,
    url: Option<String>,
}

#[derive(Serialize)]
struct Data<'a> {
    files: &'a [String],
    /// The rows of the folder table, by index.
    folders: Vec<&'a str>,
    /// Per file, the indices of its top-level folder and of its second-level folder (or -1).
    file_folders: Vec<[isize; 2]>,
    rules: &'a [Rule],
    page: usize,
    texts: &'a [String],
    findings: &'a [Row],
}

/// Each distinct text once, by index.
#[derive(Default)]
struct Texts {
    all: Vec<String>,
    index: HashMap<String, usize>,
}

impl Texts {
    fn add(&mut self, text: &str) -> usize {
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        let i = self.all.len();
        self.all.push(text.to_owned());
        self.index.insert(text.to_owned(), i);
        i
    }
}

/// What is worked out for a finding in parallel, before its texts are shared.
struct Draft<'a> {
    d: &'a Diagnostic,
    line: usize,
    column: usize,
    note: Option<String>,
    excerpt: Vec<ExcerptLine>,
}

impl Format for Html {
    fn file(&mut self, report: &FileReport) -> String {
        self.files(std::slice::from_ref(report))
    }

    fn files(&mut self, reports: &[FileReport]) -> String {
        let style = self.style;
        let drafts: Vec<Vec<Draft>> = reports
            .par_iter()
            .map(|report| {
                report
                    .diagnostics
                    .iter()
                    .map(|d| {
                        let p = report.source.position(d.primary.span.start);
                        Draft {
                            d,
                            line: p.line,
                            column: p.column,
                            note: style.fix_note(d),
                            excerpt: excerpt(&report.source, d.primary.span.clone()),
                        }
                    })
                    .collect()
            })
            .collect();
        for (report, drafts) in reports.iter().zip(drafts) {
            let f = self.files.len();
            self.files.push(report.name().to_owned());
            for draft in drafts {
                let d = draft.d;
                let row = Row {
                    f,
                    r: self.rule_index(d),
                    s: d.severity.as_str(),
                    m: self.texts.add(&d.message),
                    l: draft.line,
                    c: draft.column,
                    h: d.help.as_deref().map(|h| self.texts.add(h)),
                    x: draft.note.as_deref().map(|n| self.texts.add(n)),
                    k: d.fix.as_ref().map(|f| f.applicability.as_str()),
                    e: draft.excerpt,
                };
                if self.findings.len() < PAGE {
                    let markup = finding(report.name(), d, &row, &self.texts.all);
                    self.first_page.push_str(&markup.into_string());
                }
                self.findings.push(row);
            }
        }
        String::new()
    }

    fn finish(&mut self, totals: &Totals, overview: &Overview) -> String {
        let folder_index = |name: &str| {
            overview
                .folders
                .iter()
                .position(|f| f.folder == name)
                .map_or(-1, |i| i as isize)
        };
        let file_folders = self
            .files
            .iter()
            .map(|name| {
                let (top, second) = folders_of(&overview.base, name);
                [
                    folder_index(&top),
                    second.as_deref().map_or(-1, folder_index),
                ]
            })
            .collect();
        let data = Data {
            files: &self.files,
            folders: overview.folders.iter().map(|f| f.folder.as_str()).collect(),
            file_folders,
            rules: &self.rules,
            page: PAGE,
            texts: &self.texts.all,
            findings: &self.findings,
        };
        page(overview, totals, &data, &self.first_page).into_string()
    }

    fn wants_summary(&self) -> bool {
        false
    }
}

/// JSON that may sit inside `<script>`: no `<` can end the element or open a comment.
fn script_json(data: &Data) -> String {
    serde_json::to_string(data)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
}

fn page(overview: &Overview, totals: &Totals, data: &Data, first_page: &str) -> Markup {
    let findings = totals.errors + totals.warnings + totals.infos;
    let fixable = |r: &RuleRow| r.fixable_safe + r.fixable_unsafe;
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("postlint ", env!("CARGO_PKG_VERSION")));
                title { "postlint: " (findings) " findings in " (totals.files_with_findings) " of " (totals.files) " files" }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { "postlint report" }
                    p.sub {
                        (totals.files) " files checked"
                        @if !overview.base.is_empty() { " under " code { (overview.base) } }
                        " · postlint " (env!("CARGO_PKG_VERSION"))
                    }
                }
                nav.toc {
                    a href="#summary" { "Summary" } " · "
                    a href="#by-rule" { "Rules" } " · "
                    a href="#by-folder" { "Folders" } " · "
                    a href="#worst" { "Posts" } " · "
                    a href="#findings" { "Findings" }
                }
                main {
                    (summary(totals))
                    section #by-rule {
                        h2 { "Findings per rule" }
                        @if overview.rules.is_empty() {
                            p { "No findings." }
                        } @else {
                            (chart::bars(
                                "Findings per rule",
                                overview.rules.iter().map(|r| chart::Bar {
                                    label: r.code,
                                    href: r.url.as_deref(),
                                    value: r.count,
                                    class: r.severity.as_str(),
                                }),
                            ))
                            table #rules-table {
                                caption { "Findings per rule, most first" }
                                thead { tr { th { "Code" } th { "Rule" } th { "Severity" } th.n { "Findings" } th.n { "Files" } th.n { "Fixable" } } }
                                tbody {
                                    @for r in &overview.rules {
                                        tr data-code=(r.code) data-count=(r.count) data-files=(r.files) {
                                            td { @if let Some(url) = &r.url { a href=(url) { (r.code) } } @else { (r.code) } }
                                            td { (r.name) }
                                            td { span class={ "sev " (r.severity.as_str()) } { (r.severity.as_str()) } }
                                            td.n { (r.count) }
                                            td.n { (r.files) }
                                            td.n { (fixable(r)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    section #by-folder {
                        h2 { "Findings per folder" }
                        (chart::bars(
                            "Findings per top-level folder",
                            overview.folders.iter().filter(|f| f.depth == 1 && f.findings() > 0).map(|f| chart::Bar {
                                label: &f.folder,
                                href: None,
                                value: f.findings(),
                                class: "folder",
                            }),
                        ))
                        table #folders-table {
                            caption { "Top-level folders, most findings first, each with its subfolders" }
                            thead { tr { th { "Folder" } th.n { "Findings" } th.n { "Errors" } th.n { "Warnings" } th.n { "Files with findings" } th.n { "Files checked" } } }
                            tbody {
                                @for f in &overview.folders {
                                    tr class={ "depth" (f.depth) } data-folder=(f.folder) data-depth=(f.depth) data-count=(f.findings()) {
                                        td { code { (f.folder) } }
                                        td.n { (f.findings()) }
                                        td.n { (f.errors) }
                                        td.n { (f.warnings) }
                                        td.n { (f.files_with_findings) }
                                        td.n { (f.files) }
                                    }
                                }
                            }
                        }
                    }
                    section #worst {
                        h2 { "Posts with the most findings" }
                        @if overview.worst.is_empty() {
                            p { "No post has findings." }
                        } @else {
                            table #worst-table {
                                thead { tr { th { "Post" } th.n { "Errors" } th.n { "Warnings" } th.n { "All" } } }
                                tbody {
                                    @for w in overview.worst.iter().take(WORST) {
                                        tr data-path=(w.path) {
                                            td { code { (w.path) } }
                                            td.n { (w.errors) }
                                            td.n { (w.warnings) }
                                            td.n { (w.findings()) }
                                        }
                                    }
                                }
                            }
                            @if overview.worst.len() > WORST {
                                p.sub { "and " (overview.worst.len() - WORST) " more posts with findings." }
                            }
                        }
                    }
                    (findings_section(overview, first_page, findings))
                }
                script type="application/json" #postlint-data { (PreEscaped(script_json(data))) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn summary(t: &Totals) -> Markup {
    let card = |key: &str, label: &str, value: usize| {
        html! {
            div class={ "card " (key) } data-key=(key) { dt { (label) } dd { (value) } }
        }
    };
    html! {
        section #summary {
            h2 { "Summary" }
            dl.cards {
                (card("files", "Files checked", t.files - t.not_checked))
                (card("files-with-findings", "Files with findings", t.files_with_findings))
                (card("error", "Errors", t.errors))
                (card("warning", "Warnings", t.warnings))
                (card("info", "Infos", t.infos))
                (card("fixable-safe", "Fixable with --fix", t.fixable_safe))
                (card("fixable-unsafe", "More with --unsafe-fixes", t.fixable_unsafe))
                @if t.not_checked > 0 {
                    (card("not-checked", "Could not be checked", t.not_checked))
                }
            }
        }
    }
}

fn findings_section(overview: &Overview, first_page: &str, total: usize) -> Markup {
    html! {
        section #findings {
            h2 { "All findings" }
            form #filters hidden {
                label { "Rule " select #f-rule { option value="" { "all" }
                    @for r in &overview.rules { option value=(r.code) { (r.code) " " (r.name) " (" (r.count) ")" } } } }
                label { "Severity " select #f-severity { option value="" { "all" }
                    option value="error" { "error" } option value="warning" { "warning" } option value="info" { "info" } } }
                label { "Folder " select #f-folder { option value="" { "all" }
                    @for (i, f) in overview.folders.iter().enumerate() {
                        option value=(i) { @if f.depth == 2 { "\u{a0}\u{a0}" } (f.folder) " (" (f.findings()) ")" }
                    } } }
            }
            p #page-info aria-live="polite" {
                @if total > PAGE { "Findings 1–" (PAGE) " of " (total) "." } @else { (total) " findings." }
            }
            @if total > PAGE {
                noscript { p.note { "JavaScript is off: this is the first page of " (total) " findings. Turn it on to page and filter them, or use " code { "--format json" } " for all of them." } }
            }
            ol #finding-list {
                (PreEscaped(first_page))
            }
            nav #pager hidden {
                button #prev type="button" { "‹ Previous" }
                span #page-of {}
                button #next type="button" { "Next ›" }
            }
        }
    }
}

fn finding(path: &str, d: &Diagnostic, row: &Row, texts: &[String]) -> Markup {
    let fix_class = match d.fix.as_ref().map(|f| f.applicability) {
        Some(Applicability::Safe) => "fix safe",
        Some(Applicability::Unsafe) => "fix unsafe",
        None => "",
    };
    html! {
        li class={ "finding " (row.s) } data-rule=(d.code) data-severity=(row.s) data-path=(path) {
            div.head {
                @if let Some(url) = &d.url { a.code href=(url) { (d.code) } } @else { span.code { (d.code) } }
                " "
                span class={ "sev " (row.s) } { (row.s) }
                " "
                code.loc { (path) ":" (row.l) ":" (row.c) }
            }
            p.msg { (texts[row.m]) }
            @if !row.e.is_empty() {
                pre.excerpt {
                    @for ExcerptLine(n, before, mark, after) in &row.e {
                        span.ln { (n) } (before) @if !mark.is_empty() { mark { (mark) } } (after) "\n"
                    }
                }
            }
            @if let Some(help) = row.h { p.help { (texts[help]) } }
            @if let Some(note) = row.x { p class=(fix_class) { (texts[note]) } }
        }
    }
}
