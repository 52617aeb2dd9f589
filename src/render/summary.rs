use super::overview::Overview;
use crate::diagnostic::{Applicability, Severity};
use crate::lint::FileReport;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub files_with_findings: usize,
    pub not_checked: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings with a safe fix, and with an unsafe one.
    pub fixable_safe: usize,
    pub fixable_unsafe: usize,
    /// Findings left out because a baseline lists them; set by the caller.
    pub baselined: usize,
}

impl Totals {
    pub fn of(reports: &[FileReport]) -> Totals {
        let mut t = Totals::default();
        for r in reports {
            t.add(r);
        }
        t
    }

    /// Counts one more file.
    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        if r.not_checked {
            self.not_checked += 1;
            return;
        }
        if !r.diagnostics.is_empty() {
            self.files_with_findings += 1;
        }
        self.errors += r.count(Severity::Error);
        self.warnings += r.count(Severity::Warning);
        self.infos += r.count(Severity::Info);
        for fix in r.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
            match fix.applicability {
                Applicability::Safe => self.fixable_safe += 1,
                Applicability::Unsafe => self.fixable_unsafe += 1,
            }
        }
    }
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line for people: what was found, in how many files, and the rules found most
/// (`top`: code and count, most first).
pub fn summary_line(t: &Totals, top: &[(&str, usize)]) -> String {
    let checked = t.files - t.not_checked;
    if checked == 0 && t.not_checked > 0 {
        return format!(
            "Nothing was checked: {} could not be read as posts.",
            plural(t.not_checked, "file", "files")
        );
    }
    let mut line = if t.errors + t.warnings + t.infos == 0 {
        format!("No problems found in {}", plural(checked, "file", "files"))
    } else {
        let mut parts = vec![
            plural(t.errors, "error", "errors"),
            plural(t.warnings, "warning", "warnings"),
        ];
        if t.infos > 0 {
            parts.push(plural(t.infos, "info", "infos"));
        }
        format!(
            "Found {} in {} of {} checked",
            parts.join(", "),
            plural(t.files_with_findings, "file", "files"),
            checked
        )
    };
    if t.baselined > 0 {
        line.push_str(&format!(" ({} baselined)", t.baselined));
    }
    line.push('.');
    if !top.is_empty() {
        let named: Vec<String> = top
            .iter()
            .map(|(code, n)| format!("{code} ({n})"))
            .collect();
        line.push_str(&format!(" Most frequent: {}.", named.join(", ")));
    }
    if t.not_checked > 0 {
        line.push_str(&format!(
            " {} could not be checked.",
            plural(t.not_checked, "file", "files")
        ));
    }
    line
}

/// How many findings `--fix` would fix, when any: a line for people after the summary.
pub fn fixable_line(t: &Totals, unsafe_fixes: bool) -> Option<String> {
    let (now, hidden) = if unsafe_fixes {
        (t.fixable_safe + t.fixable_unsafe, 0)
    } else {
        (t.fixable_safe, t.fixable_unsafe)
    };
    let flags = if unsafe_fixes {
        "`--fix --unsafe-fixes`"
    } else {
        "`--fix`"
    };
    match (now, hidden) {
        (0, 0) => None,
        (0, hidden) => Some(format!(
            "No fixes available ({} with `--unsafe-fixes`).",
            plural(hidden, "unsafe fix", "unsafe fixes")
        )),
        (now, 0) => Some(format!("[*] {now} fixable with {flags}.")),
        (now, hidden) => Some(format!(
            "[*] {now} fixable with {flags} ({} more with `--unsafe-fixes`).",
            hidden
        )),
    }
}

/// Findings per rule, most frequent first (then by code), with how many carry a fix; then
/// findings per folder (top-level folders of the linted tree, each with its subfolders).
pub fn statistics(overview: &Overview) -> String {
    let width = overview
        .rules
        .iter()
        .map(|r| r.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "{:>7}  {:<6}  {:<width$}  {:>7}\n",
        "count", "code", "name", "fixable"
    );
    for r in &overview.rules {
        let fixable = r.fixable_safe + r.fixable_unsafe;
        out.push_str(&format!(
            "{:>7}  {:<6}  {:<width$}  {fixable:>7}\n",
            r.count, r.code, r.name
        ));
    }
    // One folder says nothing a per-rule table did not.
    if overview.folders.iter().filter(|f| f.depth == 1).count() > 1
        || overview.folders.iter().any(|f| f.depth == 2)
    {
        out.push_str(&format!(
            "\n{:>7}  {:>7}  {:>7}  folder\n",
            "count", "files", "checked"
        ));
        for f in overview.folders.iter().filter(|f| f.findings() > 0) {
            let indent = if f.depth == 2 { "  " } else { "" };
            out.push_str(&format!(
                "{:>7}  {:>7}  {:>7}  {indent}{}\n",
                f.findings(),
                f.files_with_findings,
                f.files,
                f.folder
            ));
        }
    }
    out
}
