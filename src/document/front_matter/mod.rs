//! Front matter in any of the formats generators read, parsed to one shape: a JSON value plus the
//! span of every node under its JSON pointer. Rules see only that shape, so a new format is one
//! module here and one `Format` variant.

pub mod json;
pub mod pointer;
pub mod toml;
pub mod yaml;

use std::ops::Range;

use serde_json::Value;

use super::index::SpanIndex;
use crate::source::SourceFile;
pub use yaml::YamlLimits;

/// The front matter formats, named after what their fence announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Yaml,
    Json,
    Toml,
}

impl Format {
    pub(in crate::document) fn from_fence(line: &str) -> Option<Self> {
        match line.trim_end_matches([' ', '\t']) {
            "---" => Some(Format::Yaml),
            ";;;" => Some(Format::Json),
            "+++" => Some(Format::Toml),
            _ => None,
        }
    }

    pub(in crate::document) fn closes(self, line: &str) -> bool {
        let line = line.trim_end_matches([' ', '\t']);
        match self {
            Format::Yaml => line == "---" || line == "...",
            Format::Json => line == ";;;",
            Format::Toml => line == "+++",
        }
    }

    pub fn fence(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Json => ";;;",
            Format::Toml => "+++",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateKey {
    pub key: String,
    /// Pointer of the mapping that holds the key twice.
    pub mapping: String,
    pub first: Range<usize>,
    pub second: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatterError {
    /// The parser's message, made readable.
    pub message: String,
    /// Where the parser stopped, as a byte offset into the whole file.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFrontMatter {
    pub value: Value,
    pub index: SpanIndex,
    pub duplicates: Vec<DuplicateKey>,
}

/// Parse the front matter at `range` of `source` (between the fences) as `format`.
pub fn parse(
    format: Format,
    source: &SourceFile,
    range: Range<usize>,
    limits: YamlLimits,
) -> Result<ParsedFrontMatter, FrontMatterError> {
    let content = &source.text[range.clone()];
    match format {
        Format::Yaml => yaml::parse(content, &yaml::Placement::at(source, range), limits),
        Format::Toml => toml::parse(content, range.start),
        Format::Json => json::parse(content, yaml::Placement::at(source, range), limits),
    }
}
