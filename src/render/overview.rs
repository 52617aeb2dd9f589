//! A whole run seen from above, for the formats people read as a report (`html`, `markdown`,
//! `--statistics`): findings per rule, per folder, and the posts with the most findings.

use std::collections::BTreeMap;

use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::lint::FileReport;

/// Findings of one rule across the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleRow {
    pub code: &'static str,
    pub name: &'static str,
    /// The most severe level its findings had (a config may set levels per folder).
    pub severity: Severity,
    pub count: usize,
    /// Files with at least one finding of the rule.
    pub files: usize,
    /// Findings with a safe fix, and with an unsafe one.
    pub fixable_safe: usize,
    pub fixable_unsafe: usize,
    pub url: Option<String>,
}

/// Findings in one folder of the linted tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderRow {
    /// The folder as the paths in the report spell it, ending in `/` (`./` for the current one).
    pub folder: String,
    /// 1 for a folder directly under the common folder of all linted files, 2 below that.
    pub depth: usize,
    pub files: usize,
    pub files_with_findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl FolderRow {
    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// One post and how many findings it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub path: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl FileRow {
    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

#[derive(Debug, Clone)]
pub struct Overview {
    /// Most findings first, then by code.
    pub rules: Vec<RuleRow>,
    /// Top-level folders, most findings first, each followed by its own subfolders (the same
    /// order). Folders without findings are listed too: a clean folder is news for an editor.
    pub folders: Vec<FolderRow>,
    /// Files with findings, most errors first, then most findings, then by path.
    pub worst: Vec<FileRow>,
    /// The folder every linted file lies under, as the report spells it (`` for the current one).
    pub base: String,
}

impl Overview {
    pub fn of(reports: &[FileReport]) -> Overview {
        let mut tally = Tally::default();
        for r in reports {
            tally.add(r);
        }
        tally.finish()
    }

    /// The `n` rules with the most findings.
    pub fn top_rules(&self, n: usize) -> &[RuleRow] {
        &self.rules[..n.min(self.rules.len())]
    }
}

/// An [`Overview`] built one file at a time, keeping a few numbers per file and none of its
/// text, so that a run can drop each post once it is reported.
#[derive(Debug, Default)]
pub struct Tally {
    rules: BTreeMap<&'static str, RuleRow>,
    files: Vec<FileRow>,
}

impl Tally {
    pub fn add(&mut self, report: &FileReport) {
        let mut seen: Vec<&str> = Vec::new();
        for d in &report.diagnostics {
            let row = self.rules.entry(d.code).or_insert_with(|| RuleRow {
                code: d.code,
                name: d.name,
                severity: d.severity,
                count: 0,
                files: 0,
                fixable_safe: 0,
                fixable_unsafe: 0,
                url: d.url.clone(),
            });
            row.count += 1;
            row.severity = row.severity.max(d.severity);
            match d.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => row.fixable_safe += 1,
                Some(Applicability::Unsafe) => row.fixable_unsafe += 1,
                None => {}
            }
            if !seen.contains(&d.code) {
                seen.push(d.code);
                row.files += 1;
            }
        }
        self.files.push(FileRow {
            path: report.name().to_owned(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        });
    }

    pub fn finish(self) -> Overview {
        let mut rules: Vec<RuleRow> = self.rules.into_values().collect();
        rules.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        let base = common_folder(self.files.iter().map(|f| f.path.as_str()));
        let folders = folders(&base, &self.files);
        let mut worst: Vec<FileRow> = self
            .files
            .into_iter()
            .filter(|f| f.findings() > 0)
            .collect();
        worst.sort_by(|a, b| {
            b.errors
                .cmp(&a.errors)
                .then(b.findings().cmp(&a.findings()))
                .then_with(|| a.path.cmp(&b.path))
        });
        Overview {
            rules,
            folders,
            worst,
            base,
        }
    }
}

fn tally(row: &mut FolderRow, file: &FileRow) {
    row.files += 1;
    row.files_with_findings += usize::from(file.findings() > 0);
    row.errors += file.errors;
    row.warnings += file.warnings;
    row.infos += file.infos;
}

fn folders(base: &str, files: &[FileRow]) -> Vec<FolderRow> {
    // top-level folder -> (its row, its subfolders)
    let mut tree: BTreeMap<String, (FolderRow, BTreeMap<String, FolderRow>)> = BTreeMap::new();
    for file in files {
        let (top, second) = folders_of(base, &file.path);
        let entry = tree.entry(top.clone()).or_insert_with(|| {
            (
                FolderRow {
                    folder: top.clone(),
                    depth: 1,
                    ..FolderRow::default()
                },
                BTreeMap::new(),
            )
        });
        tally(&mut entry.0, file);
        if let Some(second) = second {
            let row = entry.1.entry(second.clone()).or_insert_with(|| FolderRow {
                folder: second,
                depth: 2,
                ..FolderRow::default()
            });
            tally(row, file);
        }
    }
    let by_findings = |a: &FolderRow, b: &FolderRow| {
        b.findings()
            .cmp(&a.findings())
            .then_with(|| a.folder.cmp(&b.folder))
    };
    let mut tops: Vec<_> = tree.into_values().collect();
    tops.sort_by(|a, b| by_findings(&a.0, &b.0));
    let mut out = Vec::new();
    for (top, subs) in tops {
        out.push(top);
        let mut subs: Vec<FolderRow> = subs.into_values().collect();
        subs.sort_by(by_findings);
        out.extend(subs);
    }
    out
}

/// The top-level folder and the second-level folder (when there is one) that `path` is counted
/// in, below `base` (see [`common_folder`]). A file directly in `base` counts for `base` itself.
pub fn folders_of(base: &str, path: &str) -> (String, Option<String>) {
    let rest = path.strip_prefix(base).unwrap_or(path);
    let parts: Vec<&str> = rest.split('/').collect();
    if parts.len() < 2 {
        return (shown_folder(base), None);
    }
    let top = format!("{base}{}/", parts[0]);
    let second = (parts.len() > 2).then(|| format!("{top}{}/", parts[1]));
    (top, second)
}

fn shown_folder(base: &str) -> String {
    if base.is_empty() {
        "./".to_owned()
    } else {
        base.to_owned()
    }
}

/// The longest folder prefix (ending in `/`, or empty) shared by every path.
pub fn common_folder<'a>(mut paths: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = paths.next() else {
        return String::new();
    };
    let mut prefix = match first.rfind('/') {
        Some(i) => &first[..=i],
        None => "",
    };
    for path in paths {
        while !path.starts_with(prefix) {
            // Drop the last folder: the prefix ends in `/`, so look before that.
            prefix = match prefix[..prefix.len() - 1].rfind('/') {
                Some(i) => &prefix[..=i],
                None => "",
            };
        }
        if prefix.is_empty() {
            break;
        }
    }
    prefix.to_owned()
}

/// Which findings of one file a person sees first: when one rule has more than
/// [`GROUP_ABOVE`] findings in a file, its first [`GROUP_SHOWN`] are shown and the rest counted.
pub struct Grouped<'a> {
    pub shown: Vec<&'a Diagnostic>,
    /// (code, how many more) per rule that was cut, in code order.
    pub hidden: Vec<(&'static str, usize)>,
}

pub const GROUP_ABOVE: usize = 5;
pub const GROUP_SHOWN: usize = 3;

pub fn group(diagnostics: &[Diagnostic], enabled: bool) -> Grouped<'_> {
    if !enabled {
        return Grouped {
            shown: diagnostics.iter().collect(),
            hidden: Vec::new(),
        };
    }
    let mut per_rule: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in diagnostics {
        *per_rule.entry(d.code).or_default() += 1;
    }
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    let shown = diagnostics
        .iter()
        .filter(|d| {
            let n = seen.entry(d.code).or_default();
            *n += 1;
            per_rule[d.code] <= GROUP_ABOVE || *n <= GROUP_SHOWN
        })
        .collect();
    let hidden = per_rule
        .into_iter()
        .filter(|&(_, n)| n > GROUP_ABOVE)
        .map(|(code, n)| (code, n - GROUP_SHOWN))
        .collect();
    Grouped { shown, hidden }
}

/// The line that stands for the findings [`group`] left out of one file.
pub fn hidden_line(code: &str, more: usize) -> String {
    format!("… and {more} more {code} in this file (`--no-group` shows all)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_folder_is_cut_at_folder_bounds() {
        let f = |p: &[&str]| common_folder(p.iter().copied());
        assert_eq!(f(&["a/b/c.md", "a/b/d.md"]), "a/b/");
        assert_eq!(f(&["a/bc/x.md", "a/bd/y.md"]), "a/");
        assert_eq!(f(&["a/b.md", "c/d.md"]), "");
        assert_eq!(f(&["x.md"]), "");
        assert_eq!(f(&["../s/c/h/p.md", "../s/c/r/q.md"]), "../s/c/");
        assert_eq!(f(&[]), "");
    }
}
