//! A post parsed once: source, front matter split, the front matter's value with spans, and the
//! body's range. Rules read this; they never re-parse.

pub mod body;
pub mod code_tags;
pub mod front_matter;
pub mod html;
pub mod index;
pub mod markdown;
pub mod offsets;
pub mod split;

use std::cell::OnceCell;
use std::ops::Range;

pub use body::{Body, BodySyntax, HtmlElement};
pub use front_matter::pointer;
pub use front_matter::{DuplicateKey, Format, FrontMatterError, ParsedFrontMatter, YamlLimits};
pub use html::{AttrSpans, ElementSpans, HtmlError, HtmlErrorKind, HtmlFragment, Origin};
pub use index::{NodeKind, NodeSpans, ScalarKind, SpanIndex};
pub use markdown::{LinkStyle, MarkdownImage, MarkdownLink};
pub use split::{FrontMatterBlock, Split};

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
    pub front_matter: Option<ParsedFrontMatter>,
    /// Why the front matter could not be parsed.
    pub front_matter_error: Option<FrontMatterError>,
    /// The body's HTML and Markdown, parsed on first use (front matter rules never pay for it).
    markup: OnceCell<Body>,
    max_html_depth: usize,
}

impl Document {
    pub fn parse(source: SourceFile, limits: Limits) -> Document {
        let split = split::split(&source.text);
        let (front_matter, front_matter_error) = match &split.front_matter {
            Some(block) if block.close.is_some() => {
                match front_matter::parse(block.kind, &source, block.content.clone(), limits.yaml) {
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
