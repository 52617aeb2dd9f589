//! A post parsed once: source, front matter split, the front matter's value with spans, and the
//! body's range. Rules read this; they never re-parse.

pub mod body;
pub mod code_tags;
pub mod html;
pub mod index;
pub mod lenient;
pub mod markdown;
pub mod offsets;
pub mod split;
pub mod toml;
pub mod yaml;

use std::cell::OnceCell;
use std::ops::Range;

pub use body::{Body, BodySyntax, HtmlElement};
pub use html::{AttrSpans, ElementSpans, HtmlError, HtmlErrorKind, HtmlFragment};
pub use index::{NodeKind, NodeSpans, ScalarKind, SpanIndex};
pub use markdown::{LinkStyle, MarkdownImage, MarkdownLink};
pub use split::{FrontMatterBlock, FrontMatterKind, Split};
pub use yaml::{DuplicateKey, ParsedYaml, YamlError, YamlLimits};

use crate::source::SourceFile;

/// Every parsing limit (`[limits]` in postlint.toml) that keeps hostile posts bounded.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub yaml: YamlLimits,
    /// HTML nested deeper than this is read as siblings (no stack or time blow-up).
    pub max_html_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            yaml: YamlLimits::default(),
            max_html_depth: html::DEFAULT_MAX_DEPTH,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    pub source: SourceFile,
    pub split: Split,
    /// The parsed front matter; `None` when there is none, it is unclosed, or it failed to parse.
    pub front_matter: Option<ParsedYaml>,
    /// Why the front matter could not be parsed.
    pub front_matter_error: Option<YamlError>,
    /// The body's HTML and Markdown, parsed on first use (front matter rules never pay for it).
    markup: OnceCell<Body>,
    max_html_depth: usize,
}

impl Document {
    pub fn parse(source: SourceFile, limits: Limits) -> Document {
        let split = split::split(&source.text);
        let (front_matter, front_matter_error) = match &split.front_matter {
            Some(block) if block.close.is_some() => {
                match parse_block(&source, block, limits.yaml) {
                    Ok(parsed) => (Some(parsed), None),
                    Err(err) => (None, Some(err)),
                }
            }
            _ => (None, None),
        };
        Document {
            source,
            split,
            front_matter,
            front_matter_error,
            markup: OnceCell::new(),
            max_html_depth: limits.max_html_depth,
        }
    }

    /// The body's HTML elements with their spans, and its Markdown images and links. Parsed
    /// once, the first time a rule asks; `.html` posts are read as HTML, anything else as
    /// Markdown.
    pub fn markup(&self) -> &Body {
        self.markup.get_or_init(|| {
            let syntax = BodySyntax::from_path(&self.source.name);
            Body::parse_limited(&self.source.text, self.body(), syntax, self.max_html_depth)
        })
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    pub fn body(&self) -> Range<usize> {
        self.split.body.clone()
    }

    /// The whole front matter block, fences included: where findings about it as a whole point.
    pub fn front_matter_span(&self) -> Option<Range<usize>> {
        let block = self.split.front_matter.as_ref()?;
        Some(block.open.start..block.close.as_ref().map_or(block.content.end, |c| c.end))
    }
}

fn parse_block(
    source: &SourceFile,
    block: &FrontMatterBlock,
    limits: YamlLimits,
) -> Result<ParsedYaml, YamlError> {
    let text = &source.text[..];
    let content = &text[block.content.clone()];
    let mut place = yaml::Placement {
        text,
        lines: &source.lines,
        range: block.content.clone(),
        lines_before: 0,
        shifted: Vec::new(),
    };
    match block.kind {
        FrontMatterKind::Yaml => yaml::parse(content, &place, limits),
        FrontMatterKind::Toml => toml::parse(content, block.content.start),
        FrontMatterKind::Json => {
            // Hexo hands `{` + the text + `}` to JSON.parse and drops the front matter if that
            // fails, so the text must be strict JSON (no trailing comma, no single quotes).
            let strict = format!("{{{content}}}");
            if let Err(err) = serde_json::from_str::<serde_json::Value>(&strict) {
                return Err(json_error(&strict, &err, block.content.start));
            }
            // Hexo reads `;;;` front matter as the members of a JSON object without its braces;
            // JSON is YAML flow syntax, so the YAML reader gives the same value with spans.
            place.lines_before = 1;
            let wrapped = format!("{{\n{content}\n}}");
            yaml::parse(&wrapped, &place, limits)
        }
    }
}

/// A JSON error placed in the file: serde_json counts lines from 1 and columns in bytes, in the
/// text wrapped in braces whose `{` shifts the first line by one.
fn json_error(wrapped: &str, err: &serde_json::Error, content_start: usize) -> YamlError {
    let mut offset = 0;
    for (i, line) in wrapped.split_inclusive('\n').enumerate() {
        if i + 1 == err.line() {
            offset += err.column().saturating_sub(1).min(line.len());
            break;
        }
        offset += line.len();
    }
    let inner = offset
        .saturating_sub(1)
        .min(wrapped.len().saturating_sub(2));
    let message = err.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    YamlError {
        message: format!("{message} (Hexo reads `;;;` front matter with JSON.parse)"),
        offset: content_start + inner,
    }
}
