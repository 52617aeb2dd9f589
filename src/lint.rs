//! From a file's bytes to its findings: read, parse once, run the enabled rules.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::boundary::{Boundary, Resolved};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::discover::Target;
use crate::document::Document;
use crate::rules::{Context, Findings};
use crate::settings::Settings;
use crate::source::SourceFile;

/// The code of the finding made when a file cannot be checked at all; it is not a rule and cannot
/// be turned off. Its presence makes the exit code 2.
pub const NOT_CHECKED: &str = "PL000";

/// Everything found in one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    /// The file could not be checked (unreadable, not text); `diagnostics` says why.
    pub not_checked: bool,
}

impl FileReport {
    pub fn name(&self) -> &str {
        &self.source.name
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// A report for a file that could not be checked, pointing at `span` of `source`.
    pub fn failure(
        source: SourceFile,
        span: std::ops::Range<usize>,
        message: String,
    ) -> FileReport {
        let diagnostic = Diagnostic {
            code: NOT_CHECKED,
            name: "file-not-checked",
            severity: Severity::Error,
            message,
            primary: Label::bare(span),
            secondary: Vec::new(),
            help: None,
            url: None,
            fix: None,
        };
        FileReport {
            source,
            diagnostics: vec![diagnostic],
            not_checked: true,
        }
    }
}

/// Lint text already in memory (stdin, tests, editors).
pub fn lint_source(name: &str, text: &str, settings: &Settings) -> FileReport {
    let source = SourceFile::new(name, text);
    let doc = Document::parse(source, settings.limits);
    let mut diagnostics = Vec::new();
    let ctx = Context::new(&doc, settings);
    for active in &settings.rules {
        let mut findings = Findings::new(active.rule, active.severity);
        (active.rule.check)(&ctx, &mut findings);
        diagnostics.extend(findings.into_vec());
    }
    crate::suppress::apply(&doc, settings, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.primary.span.start, a.code, a.primary.span.end).cmp(&(
            b.primary.span.start,
            b.code,
            b.primary.span.end,
        ))
    });
    FileReport {
        source: doc.source,
        diagnostics,
        not_checked: false,
    }
}

/// Lint bytes read from a file: decode them, or say exactly why they cannot be linted.
pub fn lint_bytes(name: &str, bytes: &[u8], settings: &Settings) -> FileReport {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let source = SourceFile::new(name, "");
        return FileReport::failure(source, 0..0, "the file is UTF-16 encoded; postlint reads UTF-8: convert it (e.g. `iconv -f UTF-16 -t UTF-8`)".into());
    }
    // simdutf8 validates several times faster; on failure the standard check says where.
    let decoded = simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes));
    match decoded {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                let source = SourceFile::new(name, text);
                let p = source.position(nul);
                let message = format!(
                    "the file contains a NUL byte at byte {nul} (line {}, column {}): it looks binary, not a post",
                    p.line, p.column
                );
                return FileReport::failure(source, nul..nul + 1, message);
            }
            lint_source(name, text, settings)
        }
        Err(err) => {
            let at = err.valid_up_to();
            let source = SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned());
            let lossy_at = String::from_utf8_lossy(&bytes[..at]).len();
            let p = source.position(lossy_at);
            let message = format!(
                "the file is not valid UTF-8: byte {at} (line {}, column {}) cannot be decoded; \
                 nothing in it was checked. Re-save the file as UTF-8",
                p.line, p.column
            );
            FileReport::failure(source, lossy_at..lossy_at, message)
        }
    }
}

/// Read and lint one file from disk.
pub fn lint_file(path: &Path, settings: &Settings) -> FileReport {
    let name = display_name(path);
    let failure =
        |message: String| FileReport::failure(SourceFile::new(name.clone(), ""), 0..0, message);
    // A post that leads out of the repository is not opened: its lines would be printed.
    let boundary = settings.boundary_for(path);
    let path = match boundary.resolve(path) {
        Resolved::Inside(real) => real,
        Resolved::Outside => return failure(outside_root(&boundary)),
        Resolved::Missing => path.to_owned(),
    };
    let path = path.as_path();
    // Opening a FIFO would block until a writer appears: only regular files are read.
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return failure("cannot read the file: it is a directory".into())
        }
        Ok(meta) if !meta.is_file() => {
            return failure("not a regular file (a pipe, socket or device): skipped".into())
        }
        Ok(_) => {}
        Err(err) => return failure(format!("cannot read the file: {}", io_reason(&err))),
    }
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => return failure(format!("cannot read the file: {}", io_reason(&err))),
    };
    // The size is taken from the open file, so a file swapped after discovery is still measured.
    match file.metadata() {
        Ok(meta) if meta.is_dir() => return failure("cannot read the file: it is a directory".into()),
        Ok(meta) if meta.len() > settings.max_file_size => {
            return failure(format!(
                "the file is {} bytes, over the limit of {} bytes ([limits] max-file-size); it was skipped",
                meta.len(),
                settings.max_file_size
            ))
        }
        Ok(_) => {}
        Err(err) => return failure(format!("cannot read the file: {}", io_reason(&err))),
    }
    let mut bytes = Vec::new();
    // Read at most one byte past the limit: a file that grows after the check is still bounded.
    let limit = settings.max_file_size.saturating_add(1);
    if let Err(err) =
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, limit), &mut bytes)
    {
        return failure(format!("cannot read the file: {}", io_reason(&err)));
    }
    if bytes.len() as u64 > settings.max_file_size {
        return failure(format!(
            "the file grew past the limit of {} bytes ([limits] max-file-size) while it was read; it was skipped",
            settings.max_file_size
        ));
    }
    lint_bytes(&name, &bytes, settings)
}

/// Lint files in parallel, all with the same settings; the reports come back in the order of
/// `paths`.
pub fn lint_files(paths: &[PathBuf], settings: &Settings) -> Vec<FileReport> {
    paths.par_iter().map(|p| lint_file(p, settings)).collect()
}

/// Lint files in parallel, each with its own settings (as `discover` found them); the reports
/// come back in the order of `targets`.
pub fn lint_targets(targets: &[Target]) -> Vec<FileReport> {
    targets
        .par_iter()
        .map(|t| lint_file(&t.path, &t.settings))
        .collect()
}

/// Why a path that leads out of the repository was not read. Where it leads is not said: that
/// is what the content of a pull request must not learn.
pub fn outside_root(boundary: &Boundary) -> String {
    format!(
        "not read: this path leads outside the repository root ({}) through a symlink, and \
         postlint reads nothing outside it; pass --follow-symlinks-outside to allow it",
        shown_root(boundary.root())
    )
}

/// The root relative to the working directory when it lies inside it (`.` for itself).
fn shown_root(root: &Path) -> String {
    let cwd = crate::schema::normalize(crate::schema::working_dir());
    match root.strip_prefix(&cwd) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".into(),
        Ok(rel) => display_name(rel),
        Err(_) => display_name(root),
    }
}

pub fn display_name(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_owned()
}

pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file (was it deleted while postlint ran?)".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "it is a directory".into(),
        _ => err.to_string(),
    }
}
