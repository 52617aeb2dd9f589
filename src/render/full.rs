//! `--format full`: miette's graphical reports. Lines and columns come from our own line index
//! (miette counts bytes for columns), and each file's source is shared by its reports.

use std::fmt;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use rayon::prelude::*;

use super::excerpt::Excerpt;
use super::{overview, Format, Style};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::{FileReport, NOT_CHECKED};
use crate::source::{clamp_span, LineIndex};

/// Lines shown above and below a finding.
const CONTEXT_LINES: usize = 1;

pub struct Full {
    handler: GraphicalReportHandler,
    style: Style,
}

impl Full {
    pub fn new(style: Style) -> Self {
        let theme = if style.color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_links(style.links)
            .with_width(style.width)
            .with_context_lines(CONTEXT_LINES);
        Full { handler, style }
    }

    fn render_file(&self, report: &FileReport) -> String {
        // miette splits snippet lines at `\n` only; a lone `\r` (old Mac line ends) becomes `\n`
        // for display, which keeps every byte offset.
        let text = if has_lone_cr(&report.source.text) {
            let bytes: Vec<u8> = report
                .source
                .text
                .bytes()
                .enumerate()
                .map(|(i, b)| {
                    if b == b'\r' && report.source.text.as_bytes().get(i + 1) != Some(&b'\n') {
                        b'\n'
                    } else {
                        b
                    }
                })
                .collect();
            std::sync::Arc::from(String::from_utf8(bytes).unwrap_or_default())
        } else {
            report.source.text.clone()
        };
        let source = PostSource {
            name: report.name().to_owned(),
            text,
            lines: report.source.lines.clone(),
        };
        let mut out = String::new();
        let grouped = overview::group(&report.diagnostics, self.style.group);
        for d in grouped.shown {
            let spans: Vec<_> = std::iter::once(&d.primary)
                .chain(&d.secondary)
                .map(|l| clamp_span(&source.text, l.span.clone()))
                .collect();
            let excerpt = Excerpt::build(
                &source.name,
                &source.text,
                &source.lines,
                &spans,
                CONTEXT_LINES,
            );
            let help = match (&d.help, self.style.fix_note(d)) {
                (Some(help), Some(note)) => Some(format!("{help}\n{note}")),
                (help, note) => help.clone().or(note),
            };
            let view = Report {
                d,
                source: &source,
                excerpt,
                help,
            };
            if self.handler.render_report(&mut out, &view).is_err() {
                // A span the renderer cannot show must not lose the finding.
                let p = report.source.position(d.primary.span.start);
                out.push_str(&format!(
                    "{}:{}:{}: {}[{}] {}\n",
                    report.name(),
                    p.line,
                    p.column,
                    d.severity,
                    d.code,
                    d.message
                ));
            }
            out.push('\n');
        }
        for (code, more) in grouped.hidden {
            out.push_str(&format!(
                "{}: {}\n\n",
                report.name(),
                overview::hidden_line(code, more)
            ));
        }
        out
    }
}

fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, b)| *b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
}

impl Format for Full {
    fn file(&mut self, report: &FileReport) -> String {
        self.render_file(report)
    }

    fn files(&mut self, reports: &[FileReport]) -> String {
        let this = &*self;
        reports
            .par_iter()
            .map(|r| this.render_file(r))
            .collect::<Vec<_>>()
            .concat()
    }

    fn wants_summary(&self) -> bool {
        true
    }
}

struct PostSource {
    name: String,
    text: Arc<str>,
    lines: Arc<LineIndex>,
}

impl SourceCode for PostSource {
    /// The lines around `span`, found with the file's line index: miette's own implementation
    /// rescans the file from the start for every label and counts columns in bytes.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &str = &self.text;
        let (start, len) = (span.offset(), span.len());
        if start + len > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let lines = &self.lines;
        let first = lines.line_of(start);
        let last = lines.line_of(if len == 0 { start } else { start + len - 1 });
        let context_first = first.saturating_sub(before);
        let context_last = (last + after).min(lines.line_count() - 1);
        let data_start = lines.line_start(context_first);
        let data_end = if context_last + 1 < lines.line_count() {
            lines.line_start(context_last + 1)
        } else {
            text.len()
        };
        let column = if before == 0 {
            lines.position(text, start).column - 1
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[data_start..data_end],
            SourceSpan::from(data_start..data_end),
            context_first,
            column,
            context_last - context_first + 1,
        )))
    }
}

struct Report<'a> {
    d: &'a Diagnostic,
    source: &'a PostSource,
    /// The snippet with very long lines cut, when it shows any.
    excerpt: Option<Excerpt<'a>>,
    /// The finding's help, then what its fix does.
    help: Option<String>,
}

impl Report<'_> {
    fn has_source(&self) -> bool {
        !self.source.text.is_empty()
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.d, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Without a snippet nothing else names the file.
        if self.d.code == NOT_CHECKED || !self.has_source() {
            write!(f, "{}: {}", self.source.name, self.d.message)
        } else {
            f.write_str(&self.d.message)
        }
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("{}({})", self.d.code, self.d.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.d
            .url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        if !self.has_source() {
            return None;
        }
        Some(match &self.excerpt {
            Some(excerpt) => excerpt as &dyn SourceCode,
            None => self.source as &dyn SourceCode,
        })
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if !self.has_source() {
            return None;
        }
        let text = &self.source.text;
        let excerpt = self.excerpt.as_ref();
        let span = move |r: &std::ops::Range<usize>| {
            let r = clamp_span(text, r.clone());
            match excerpt {
                Some(e) => SourceSpan::from(e.to_excerpt(r.start)..e.to_excerpt(r.end)),
                None => SourceSpan::from(r.start..r.end),
            }
        };
        let primary = LabeledSpan::new_primary_with_span(
            self.d.primary.message.clone(),
            span(&self.d.primary.span),
        );
        let rest = self
            .d
            .secondary
            .iter()
            .map(move |l| LabeledSpan::new_with_span(l.message.clone(), span(&l.span)));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}
