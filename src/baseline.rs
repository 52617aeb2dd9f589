//! Baselines: the findings a repository has accepted, so that only new ones are reported.
//!
//! A finding is recorded by its path (relative to the baseline file's folder, `/`-separated), its
//! rule code and a fingerprint of the text it points at; never by line or column, so inserting
//! lines above it or fixing other findings does not disturb it, while editing the offending text
//! does. Identical fingerprints in one file are matched by count: a file with three recorded
//! `IMG032` findings on the same text may keep up to three.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::lint::{FileReport, NOT_CHECKED};
use crate::source::clamp_span;

/// The format this build reads and writes.
pub const VERSION: u64 = 1;

const NOTE: &str = "Findings accepted by `postlint check --baseline`: only findings not listed \
here are reported. Regenerate with `postlint check --write-baseline FILE`; do not edit by hand.";

/// Below this many characters the text a finding points at (`alt`, `![]`, an empty span) says
/// too little to tell findings apart, so the trimmed text of its line is hashed with it.
const SHORT_TEXT: usize = 8;

/// Hex digits kept of the SHA-256: 64 bits, ample among the findings of one rule in one file.
const FINGERPRINT_HEX: usize = 16;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The file, relative to the baseline file's folder, with `/` separators.
    pub path: String,
    pub code: String,
    /// Hex digest of the finding's text (see [`fingerprint`]).
    pub fingerprint: String,
    /// The finding's message when it was recorded, for people reading the file; not matched on.
    #[serde(default)]
    pub message: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileShape {
    version: u64,
    #[serde(default)]
    note: Option<String>,
    findings: Vec<Entry>,
}

/// A baseline: its entries, sorted by path, code, fingerprint and message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: Vec<Entry>,
}

/// The state of [`Baseline::applier`]: the entries not yet matched, and the files seen.
pub struct Applier {
    left: HashMap<(String, String, String), usize>,
    anchor: PathAnchor,
    applied: Applied,
    checked: BTreeSet<String>,
}

impl Applier {
    /// Removes from `report` the findings the baseline lists.
    pub fn apply(&mut self, report: &mut FileReport) {
        if report.not_checked {
            return;
        }
        let path = self.anchor.key(report.name());
        let text = report.source.text.clone();
        let (left, applied) = (&mut self.left, &mut self.applied);
        report.diagnostics.retain(|d| {
            if d.code == NOT_CHECKED {
                return true;
            }
            let key = (path.clone(), d.code.to_owned(), fingerprint(&text, d));
            match left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    applied.baselined += 1;
                    false
                }
                _ => true,
            }
        });
        self.checked.insert(path);
    }

    pub fn finish(self) -> Applied {
        let stale = self
            .left
            .iter()
            .filter(|((path, _, _), _)| self.checked.contains(path))
            .map(|(_, n)| n)
            .sum();
        Applied {
            stale,
            ..self.applied
        }
    }
}

/// What applying a baseline did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings removed because the baseline lists them.
    pub baselined: usize,
    /// Entries for files that were checked but whose finding no longer occurs.
    pub stale: usize,
}

/// How two baselines differ, counted as findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Change {
    pub added: usize,
    pub dropped: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {}: {reason}", path.display())]
    Read { path: PathBuf, reason: String },
    #[error("baseline {}:{line}:{column}: not valid JSON: {message}", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but not a baseline this build reads.
    #[error("baseline {}: {message}", path.display())]
    Shape { path: PathBuf, message: String },
    #[error("cannot write baseline {}: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
}

/// Maps the names findings are reported under (relative to the working directory, or absolute)
/// to the baseline's paths (relative to the baseline file's folder), so one baseline serves runs
/// from any folder.
#[derive(Debug, Clone)]
pub struct PathAnchor {
    cwd: PathBuf,
    dir: PathBuf,
}

impl PathAnchor {
    /// Paths relative to the folder of `baseline_file`, itself relative to `cwd` unless absolute.
    pub fn new(cwd: &Path, baseline_file: &Path) -> PathAnchor {
        let cwd = normalize(cwd);
        let file = normalize(&cwd.join(baseline_file));
        let dir = file.parent().map_or_else(|| cwd.clone(), Path::to_path_buf);
        PathAnchor { cwd, dir }
    }

    /// The baseline path of a file reported as `name`.
    pub fn key(&self, name: &str) -> String {
        let file = normalize(&self.cwd.join(name));
        let relative = relative_to(&file, &self.dir).unwrap_or(file);
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }
}

/// `.` and `..` resolved without touching the disk: the files may not exist (stdin names), and
/// the same spelling must give the same key on every run.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// `file` relative to `dir`, with `..` steps when it lies outside; `None` on another drive.
fn relative_to(file: &Path, dir: &Path) -> Option<PathBuf> {
    let common = file
        .components()
        .zip(dir.components())
        .take_while(|(a, b)| a == b)
        .count();
    if file.has_root() != dir.has_root() || (file.has_root() && common == 0) {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in dir.components().skip(common) {
        out.push("..");
    }
    out.extend(file.components().skip(common));
    Some(out)
}

/// The fingerprint of a finding in `text`: a hash of the whitespace-normalised text its primary
/// span covers, plus the trimmed text of its line when that span is shorter than
/// [`SHORT_TEXT`] characters. Positions are not part of it.
pub fn fingerprint(text: &str, diagnostic: &Diagnostic) -> String {
    let span = clamp_span(text, diagnostic.primary.span.clone());
    let covered = squash(&text[span.clone()]);
    let mut hasher = Sha256::new();
    hasher.update(covered.as_bytes());
    if covered.chars().count() < SHORT_TEXT {
        let start = text[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let end = text[span.start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| span.start + i);
        hasher.update([0]);
        hasher.update(squash(&text[start..end]).as_bytes());
    }
    hasher.finalize()[..FINGERPRINT_HEX / 2]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Runs of whitespace as one space, none at the ends: re-wrapping or CRLF does not count as a
/// change to the text.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The findings of `reports` that a baseline can hold: those of checked files, never PL000.
fn baselinable(reports: &[FileReport]) -> impl Iterator<Item = (&FileReport, &Diagnostic)> {
    reports
        .iter()
        .filter(|r| !r.not_checked)
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .filter(|(_, d)| d.code != NOT_CHECKED)
}

impl Baseline {
    /// Every finding of `reports` (after selection and suppression: what would be reported).
    pub fn from_reports(reports: &[FileReport], anchor: &PathAnchor) -> Baseline {
        let mut entries: Vec<Entry> = baselinable(reports)
            .map(|(r, d)| Entry {
                path: anchor.key(r.name()),
                code: d.code.to_owned(),
                fingerprint: fingerprint(&r.source.text, d),
                message: d.message.clone(),
            })
            .collect();
        entries.sort();
        Baseline { entries }
    }

    /// Rewriting after a run over some of the files: `old`'s entries for files this run did not
    /// lint are kept while the file still exists, so `--write-baseline` on a few posts does not
    /// forget the rest of the site. Entries of deleted files go.
    pub fn keep_unlinted(&mut self, old: &Baseline, reports: &[FileReport], anchor: &PathAnchor) {
        let linted: BTreeSet<String> = reports.iter().map(|r| anchor.key(r.name())).collect();
        let kept = old.entries.iter().filter(|e| {
            !linted.contains(&e.path)
                && Path::new(&e.path)
                    .components()
                    .all(|c| matches!(c, Component::Normal(_)))
                && anchor.dir.join(&e.path).is_file()
        });
        self.entries.extend(kept.cloned());
        self.entries.sort();
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many files have at least one entry.
    pub fn files(&self) -> usize {
        self.entries
            .iter()
            .map(|e| e.path.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|err| BaselineError::Read {
            path: path.to_owned(),
            reason: match err.kind() {
                std::io::ErrorKind::NotFound => {
                    "no such file (write one with `postlint check --write-baseline FILE`)".into()
                }
                std::io::ErrorKind::InvalidData => "it is not UTF-8 text".into(),
                _ => crate::lint::io_reason(&err),
            },
        })?;
        Baseline::parse(&text, path)
    }

    /// Reads a baseline's text; `path` is only for the errors.
    pub fn parse(text: &str, path: &Path) -> Result<Baseline, BaselineError> {
        let shape = |message: String| BaselineError::Shape {
            path: path.to_owned(),
            message,
        };
        let json_error = |err: serde_json::Error| BaselineError::Json {
            path: path.to_owned(),
            line: err.line(),
            column: err.column(),
            message: without_position(&err),
        };
        // The version is looked at before the shape, so a newer file says so instead of
        // listing the fields this build does not know.
        let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
        let Some(object) = value.as_object() else {
            return Err(shape(format!(
                "expected an object with `version` and `findings`, found {}",
                kind_of(&value)
            )));
        };
        match object.get("version") {
            None => {
                return Err(shape(
                    "no `version` field: this is not a postlint baseline".into(),
                ))
            }
            Some(v) if v.as_u64() == Some(VERSION) => {}
            Some(v) => {
                return Err(shape(format!(
                    "version {v} is not supported: this postlint reads version {VERSION}"
                )))
            }
        }
        let file: FileShape = serde_json::from_str(text).map_err(|err| {
            shape(format!(
                "{} (line {}, column {})",
                without_position(&err),
                err.line(),
                err.column()
            ))
        })?;
        for (i, entry) in file.findings.iter().enumerate() {
            let hex = entry.fingerprint.len() == FINGERPRINT_HEX
                && entry
                    .fingerprint
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            if !hex {
                return Err(shape(format!(
                    "findings[{i}] ({}): fingerprint `{}` is not {FINGERPRINT_HEX} lowercase hex digits",
                    entry.path, entry.fingerprint
                )));
            }
            if entry.path.is_empty() || entry.code.is_empty() {
                return Err(shape(format!("findings[{i}]: empty `path` or `code`")));
            }
        }
        let mut entries = file.findings;
        entries.sort();
        Ok(Baseline { entries })
    }

    /// Pretty JSON, sorted, one field per line, with a final newline: stable and diff-friendly.
    pub fn to_json(&self) -> String {
        let file = FileShape {
            version: VERSION,
            note: Some(NOTE.to_owned()),
            findings: self.entries.clone(),
        };
        let mut json = serde_json::to_string_pretty(&file).expect("a baseline serialises");
        json.push('\n');
        json
    }

    /// Writes the baseline to `path` atomically: a temporary file in the same folder, renamed
    /// over the old one, so an interrupted run never leaves half a baseline.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let failed = |err: std::io::Error| BaselineError::Write {
            path: path.to_owned(),
            reason: match err.kind() {
                std::io::ErrorKind::NotFound => {
                    format!("the folder {} does not exist", dir.display())
                }
                _ => crate::lint::io_reason(&err),
            },
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".postlint-baseline")
            .tempfile_in(dir)
            .map_err(failed)?;
        tmp.write_all(self.to_json().as_bytes()).map_err(failed)?;
        tmp.as_file().sync_all().map_err(failed)?;
        // The temporary file is private (0600); the baseline is meant to be shared and committed.
        let permissions = match std::fs::metadata(path) {
            Ok(meta) => Some(meta.permissions()),
            Err(_) => default_permissions(),
        };
        if let Some(permissions) = permissions {
            tmp.as_file().set_permissions(permissions).map_err(failed)?;
        }
        tmp.persist(path).map_err(|err| failed(err.error))?;
        Ok(())
    }

    /// Removes from `reports` the findings this baseline lists; PL000 findings always stay.
    pub fn apply(&self, reports: &mut [FileReport], anchor: &PathAnchor) -> Applied {
        let mut applier = self.applier(anchor.clone());
        for report in reports {
            applier.apply(report);
        }
        applier.finish()
    }

    /// [`Baseline::apply`] one file at a time, for a run that reports each file as it goes.
    pub fn applier(&self, anchor: PathAnchor) -> Applier {
        let mut left: HashMap<(String, String, String), usize> = HashMap::new();
        for e in &self.entries {
            *left
                .entry((e.path.clone(), e.code.clone(), e.fingerprint.clone()))
                .or_default() += 1;
        }
        Applier {
            left,
            anchor,
            applied: Applied::default(),
            checked: BTreeSet::new(),
        }
    }

    fn counts(&self) -> BTreeMap<(&str, &str, &str), usize> {
        let mut m = BTreeMap::new();
        for e in &self.entries {
            *m.entry((e.path.as_str(), e.code.as_str(), e.fingerprint.as_str()))
                .or_default() += 1;
        }
        m
    }

    /// How `self` differs from `old`, counting repeated fingerprints as separate findings.
    pub fn change_from(&self, old: &Baseline) -> Change {
        let (new, old) = (self.counts(), old.counts());
        let mut change = Change::default();
        for (key, &n) in &new {
            change.added += n.saturating_sub(old.get(key).copied().unwrap_or(0));
        }
        for (key, &n) in &old {
            change.dropped += n.saturating_sub(new.get(key).copied().unwrap_or(0));
        }
        change
    }
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// serde_json's message without its " at line L column C", which the error carries apart.
fn without_position(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    message.strip_suffix(&suffix).unwrap_or(&message).to_owned()
}

fn kind_of(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Label, Severity};
    use crate::source::SourceFile;

    fn finding(code: &'static str, span: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic {
            code,
            name: "test",
            severity: Severity::Error,
            message: format!("{code} here"),
            primary: Label::bare(span),
            secondary: Vec::new(),
            help: None,
            url: None,
            fix: None,
        }
    }

    fn fp_of(text: &str, needle: &str) -> String {
        let start = text.find(needle).expect("needle in text");
        fingerprint(text, &finding("IMG003", start..start + needle.len()))
    }

    const URL: &str = "http://example.com/long/image.png";

    #[test]
    fn fingerprint_ignores_position_and_whitespace_but_not_the_text() {
        let a = format!("---\ntitle: x\n---\n<img src=\"{URL}\">\n");
        let moved = format!("---\ntitle: x\n---\nnew paragraph\n\n<img  src=\"{URL}\">\n");
        assert_eq!(fp_of(&a, URL), fp_of(&moved, URL));
        let wrapped = "alpha\r\n  beta   gamma";
        let flat = "alpha beta gamma";
        assert_eq!(fp_of(wrapped, wrapped), fp_of(flat, flat));
        let changed = a.replace("image.png", "image2.png");
        assert_ne!(
            fp_of(&a, URL),
            fp_of(&changed, "http://example.com/long/image2.png")
        );
        assert_eq!(fp_of(&a, URL).len(), FINGERPRINT_HEX);
    }

    #[test]
    fn short_spans_are_told_apart_by_their_line() {
        let text = "![](a.png)\n\n![](b.png)\n\n![](a.png)\n";
        let at = |n: usize| {
            let start = text.match_indices("![]").nth(n).unwrap().0;
            fingerprint(text, &finding("IMG032", start..start + 3))
        };
        assert_ne!(at(0), at(1));
        assert_eq!(at(0), at(2));
        // The line, not the lines around it: text inserted above changes nothing.
        let shifted = format!("intro\n{text}");
        let start = shifted.find("![](b").unwrap();
        assert_eq!(
            fingerprint(&shifted, &finding("IMG032", start..start + 3)),
            at(1)
        );
        // An empty span at the start of the file (FM002) hashes its (blank) line.
        assert_eq!(
            fingerprint("\n---\n", &finding("FM002", 0..0)),
            fingerprint("\n---\nbody\n", &finding("FM002", 0..0))
        );
    }

    fn report(name: &str, text: &str, findings: &[(&'static str, &str)]) -> FileReport {
        let diagnostics = findings
            .iter()
            .map(|(code, needle)| {
                let start = text.find(needle).unwrap();
                finding(code, start..start + needle.len())
            })
            .collect();
        FileReport {
            source: SourceFile::new(name, text),
            diagnostics,
            not_checked: false,
        }
    }

    #[test]
    fn apply_matches_by_count_and_never_hides_pl000() {
        let anchor = PathAnchor::new(Path::new("/site"), Path::new("baseline.json"));
        let text = "<img src=\"http://a.example/x.png\"> <img src=\"http://a.example/x.png\">";
        let needle = "http://a.example/x.png";
        let one = report("posts/a.md", text, &[("IMG003", needle)]);
        let baseline = Baseline::from_reports(&[one], &anchor);
        assert_eq!(baseline.len(), 1);
        let second = text.rfind(needle).unwrap();
        let mut two = report("posts/a.md", text, &[("IMG003", needle)]);
        two.diagnostics
            .push(finding("IMG003", second..second + needle.len()));
        let mut reports = vec![two];
        let applied = baseline.apply(&mut reports, &anchor);
        assert_eq!(
            applied,
            Applied {
                baselined: 1,
                stale: 0
            }
        );
        assert_eq!(reports[0].diagnostics.len(), 1);

        let failed = FileReport::failure(SourceFile::new("posts/b.md", ""), 0..0, "x".into());
        assert!(Baseline::from_reports(std::slice::from_ref(&failed), &anchor).is_empty());
    }

    #[test]
    fn stale_entries_count_only_for_checked_files() {
        let anchor = PathAnchor::new(Path::new("/site"), Path::new("baseline.json"));
        let a = report("a.md", "http://x.example/1.png", &[("IMG003", "http")]);
        let b = report("b.md", "http://x.example/2.png", &[("IMG003", "http")]);
        let baseline = Baseline::from_reports(&[a, b], &anchor);
        let mut only_a = vec![report("a.md", "https://x.example/1.png", &[])];
        assert_eq!(baseline.apply(&mut only_a, &anchor).stale, 1);
    }

    #[test]
    fn paths_are_relative_to_the_baseline_folder() {
        let anchor = PathAnchor::new(Path::new("/repo/site"), Path::new("../baseline.json"));
        assert_eq!(anchor.key("posts/a.md"), "site/posts/a.md");
        assert_eq!(anchor.key("./posts/../b.md"), "site/b.md");
        assert_eq!(anchor.key("/elsewhere/c.md"), "../elsewhere/c.md");
        let here = PathAnchor::new(Path::new("/repo"), Path::new("/repo/site/bl.json"));
        assert_eq!(here.key("site/posts/a.md"), "posts/a.md");
    }

    #[test]
    fn json_is_sorted_versioned_and_round_trips() {
        let anchor = PathAnchor::new(Path::new("/site"), Path::new("baseline.json"));
        let reports = [
            report(
                "z.md",
                "<b onclick=\"x()\">",
                &[("HT005", "onclick=\"x()\"")],
            ),
            report("a.md", "http://x.example/1.png", &[("IMG003", "http://x")]),
        ];
        let baseline = Baseline::from_reports(&reports, &anchor);
        let json = baseline.to_json();
        assert!(json.ends_with("}\n"), "{json}");
        assert!(json.find("\"a.md\"").unwrap() < json.find("\"z.md\"").unwrap());
        assert!(json.contains("\"version\": 1,"), "{json}");
        let back = Baseline::parse(&json, Path::new("b.json")).unwrap();
        assert_eq!(back, baseline);
        assert_eq!(back.to_json(), json);
    }

    #[test]
    fn malformed_files_say_what_is_wrong() {
        let err = |text: &str| {
            Baseline::parse(text, Path::new("bl.json"))
                .unwrap_err()
                .to_string()
        };
        let e = err("{\n  \"version\": 1,\n  \"findings\": [\n}");
        assert!(e.starts_with("baseline bl.json:4:1: not valid JSON"), "{e}");
        assert!(err("[]").contains("found an array"));
        assert!(err("{\"findings\": []}").contains("no `version` field"));
        assert!(err("{\"version\": 2, \"findings\": []}").contains("version 2 is not supported"));
        let e = err("{\"version\": 1, \"findings\": [{\"path\": \"a.md\"}]}");
        assert!(
            e.contains("missing field `code`") && e.contains("line 1"),
            "{e}"
        );
        let e = err("{\"version\": 1, \"findings\": [{\"path\": \"a.md\", \"code\": \"X\", \"fingerprint\": \"zz\"}]}");
        assert!(e.contains("findings[0] (a.md): fingerprint `zz`"), "{e}");
        assert!(err("").contains("not valid JSON"));
    }

    #[test]
    fn change_counts_added_and_dropped_findings() {
        let anchor = PathAnchor::new(Path::new("/site"), Path::new("baseline.json"));
        let old = Baseline::from_reports(
            &[report(
                "a.md",
                "http://x/1 http://x/2",
                &[("IMG003", "http://x/1"), ("IMG003", "http://x/2")],
            )],
            &anchor,
        );
        let new = Baseline::from_reports(
            &[report(
                "a.md",
                "http://x/1 http://x/3",
                &[("IMG003", "http://x/1"), ("IMG003", "http://x/3")],
            )],
            &anchor,
        );
        assert_eq!(
            new.change_from(&old),
            Change {
                added: 1,
                dropped: 1
            }
        );
        assert_eq!(old.change_from(&old), Change::default());
    }
}
