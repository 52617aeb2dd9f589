//! `--format markdown`: a compact summary for a pull-request comment or
//! `$GITHUB_STEP_SUMMARY`: totals, one table row per rule, the posts with the most findings, and
//! the first findings. Inside GitHub Actions each finding links to its line at the commit.

use std::fmt::Write;

use super::summary::plural;
use super::{Format, Overview, Style, Totals};
use crate::lint::FileReport;

/// Findings listed one by one; the rest are counted.
pub const FIRST: usize = 50;
/// Posts in the "most findings" table.
const WORST: usize = 10;

pub struct Markdown {
    pub style: Style,
    /// Where a finding's line is on the web, from GitHub Actions' variables; `None` elsewhere.
    pub blob_base: Option<String>,
    /// The first [`FIRST`] findings, as list items.
    first: Vec<String>,
}

impl Markdown {
    pub fn new(style: Style) -> Markdown {
        Markdown::with_links(style, github_blob_base(|k| std::env::var(k).ok()))
    }

    pub fn with_links(style: Style, blob_base: Option<String>) -> Markdown {
        Markdown {
            style,
            blob_base,
            first: Vec::new(),
        }
    }

    fn place(&self, path: &str, line: usize, column: usize) -> String {
        let shown = format!("{}:{line}:{column}", code(path));
        let path = path.strip_prefix("./").unwrap_or(path);
        match &self.blob_base {
            // A path above the checkout has no page in the repository.
            Some(base) if !path.starts_with("../") && !path.starts_with('/') => {
                format!("[{shown}]({base}{}#L{line})", url_path(path))
            }
            _ => shown,
        }
    }
}

/// `https://github.com/OWNER/REPO/blob/SHA/` when GitHub Actions' variables say where the run is.
pub fn github_blob_base(var: impl Fn(&str) -> Option<String>) -> Option<String> {
    let server = var("GITHUB_SERVER_URL").filter(|s| !s.is_empty())?;
    let repo = var("GITHUB_REPOSITORY").filter(|s| !s.is_empty())?;
    let sha = var("GITHUB_SHA").filter(|s| !s.is_empty())?;
    Some(format!(
        "{}/{repo}/blob/{sha}/",
        server.trim_end_matches('/')
    ))
}

impl Format for Markdown {
    fn file(&mut self, report: &FileReport) -> String {
        for d in &report.diagnostics {
            if self.first.len() == FIRST {
                break;
            }
            let p = report.source.position(d.primary.span.start);
            let rule = match &d.url {
                Some(url) => format!("[{}]({url})", d.code),
                None => d.code.to_owned(),
            };
            let item = format!(
                "- {} **{}** {rule}: {}",
                self.place(report.name(), p.line, p.column),
                d.severity,
                inline(&d.message)
            );
            self.first.push(item);
        }
        String::new()
    }

    fn finish(&mut self, totals: &Totals, overview: &Overview) -> String {
        let checked = totals.files - totals.not_checked;
        let findings = totals.errors + totals.warnings + totals.infos;
        let mut out = String::from("## postlint\n\n");
        if findings == 0 {
            let _ = writeln!(
                out,
                "**No problems found** in {}.",
                plural(checked, "file", "files")
            );
        } else {
            let _ = write!(
                out,
                "**{}, {}, {}** in {} of {} checked.",
                plural(totals.errors, "error", "errors"),
                plural(totals.warnings, "warning", "warnings"),
                plural(totals.infos, "info", "infos"),
                plural(totals.files_with_findings, "file", "files"),
                checked
            );
            let fixable = if self.style.unsafe_fixes {
                totals.fixable_safe + totals.fixable_unsafe
            } else {
                totals.fixable_safe
            };
            if fixable > 0 {
                let flags = if self.style.unsafe_fixes {
                    "`--fix --unsafe-fixes`"
                } else {
                    "`--fix`"
                };
                let _ = write!(out, " {fixable} fixable with {flags}.");
            }
            out.push('\n');
        }
        if totals.not_checked > 0 {
            let _ = writeln!(
                out,
                "\n{} could not be checked.",
                plural(totals.not_checked, "file", "files")
            );
        }
        if findings == 0 {
            return out;
        }

        out.push_str("\n| Code | Rule | Severity | Findings | Files |\n");
        out.push_str("| --- | --- | --- | ---: | ---: |\n");
        for r in &overview.rules {
            let code = match &r.url {
                Some(url) => format!("[{}]({url})", r.code),
                None => r.code.to_owned(),
            };
            let _ = writeln!(
                out,
                "| {code} | {} | {} | {} | {} |",
                r.name, r.severity, r.count, r.files
            );
        }

        out.push_str("\n### Posts with the most findings\n\n");
        out.push_str("| Post | Errors | Warnings | All |\n| --- | ---: | ---: | ---: |\n");
        for w in overview.worst.iter().take(WORST) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                code(&w.path).replace('|', "\\|"),
                w.errors,
                w.warnings,
                w.findings()
            );
        }
        if overview.worst.len() > WORST {
            let _ = writeln!(
                out,
                "\nand {} more.",
                plural(overview.worst.len() - WORST, "post", "posts")
            );
        }

        let _ = writeln!(
            out,
            "\n### {}\n",
            if findings > FIRST {
                format!("The first {FIRST} findings")
            } else {
                "Findings".to_owned()
            }
        );
        for item in &self.first {
            out.push_str(item);
            out.push('\n');
        }
        if findings > FIRST {
            let _ = writeln!(
                out,
                "\nand {} more: `postlint check --format html --output report.html` shows them all.",
                findings - FIRST
            );
        }
        out
    }

    fn wants_summary(&self) -> bool {
        false
    }
}

/// `s` as inline code, with a fence longer than any run of backticks in it.
fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// A message as Markdown text: its `` `code` `` spans kept, everything else escaped so that
/// quoted markup (`<img>`, `*`, `[x](y)`) shows as written and cannot become a link or HTML.
fn inline(message: &str) -> String {
    let message = message.replace(['\n', '\r'], " ");
    let spans: Vec<&str> = message.split('`').collect();
    // An odd number of pieces means the backticks pair up into code spans.
    let paired = spans.len() % 2 == 1;
    let mut out = String::new();
    for (i, piece) in spans.iter().enumerate() {
        if paired && i % 2 == 1 {
            out.push('`');
            out.push_str(piece);
            out.push('`');
        } else {
            if !paired && i > 0 {
                out.push_str("\\`");
            }
            for c in piece.chars() {
                if matches!(
                    c,
                    '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
                ) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

/// A repository path as a URL path: each segment percent-encoded.
fn url_path(path: &str) -> String {
    path.split('/')
        .map(|seg| percent_encoding::utf8_percent_encode(seg, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_code_and_escape_markup() {
        assert_eq!(
            inline("`<script>` has no `</script>`"),
            "`<script>` has no `</script>`"
        );
        assert_eq!(
            inline("see <img src=x> *now*"),
            "see \\<img src=x\\> \\*now\\*"
        );
        assert_eq!(inline("one ` tick [a](b)"), "one \\` tick \\[a\\](b)");
    }

    #[test]
    fn code_spans_outgrow_backticks_inside() {
        assert_eq!(code("a.md"), "`a.md`");
        assert_eq!(code("a`b.md"), "``a`b.md``");
        assert_eq!(code("`a"), "`` `a ``");
    }

    #[test]
    fn links_only_inside_github_actions() {
        let env = |k: &str| match k {
            "GITHUB_SERVER_URL" => Some("https://github.com".to_owned()),
            "GITHUB_REPOSITORY" => Some("o/r".to_owned()),
            "GITHUB_SHA" => Some("abc".to_owned()),
            _ => None,
        };
        assert_eq!(
            github_blob_base(env).as_deref(),
            Some("https://github.com/o/r/blob/abc/")
        );
        assert_eq!(github_blob_base(|_| None), None);
        let md = Markdown::with_links(Style::default(), github_blob_base(env));
        assert_eq!(
            md.place("./source/_posts/中文 post.md", 3, 4),
            "[`./source/_posts/中文 post.md`:3:4](https://github.com/o/r/blob/abc/source/_posts/%E4%B8%AD%E6%96%87%20post.md#L3)"
        );
        assert_eq!(md.place("../x.md", 1, 1), "`../x.md`:1:1");
    }
}
