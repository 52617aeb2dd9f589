//! Hexo's `;;;` JSON front matter: the members of a JSON object without its braces.

use super::yaml::{self, Placement, YamlLimits};
use super::{FrontMatterError, ParsedFrontMatter};

/// Parse the text between the fences, placed at `place` in the file.
pub fn parse(
    content: &str,
    mut place: Placement<'_>,
    limits: YamlLimits,
) -> Result<ParsedFrontMatter, FrontMatterError> {
    // Hexo hands `{` + the text + `}` to JSON.parse and drops the front matter if that
    // fails, so the text must be strict JSON (no trailing comma, no single quotes).
    let strict = format!("{{{content}}}");
    if let Err(err) = serde_json::from_str::<serde_json::Value>(&strict) {
        return Err(json_error(&strict, &err, place.range.start));
    }
    // JSON is YAML flow syntax, so the YAML reader gives the same value with spans.
    place.lines_before = 1;
    let wrapped = format!("{{\n{content}\n}}");
    yaml::parse(&wrapped, &place, limits)
}

/// A JSON error placed in the file: serde_json counts lines from 1 and columns in bytes, in the
/// text wrapped in braces whose `{` shifts the first line by one.
fn json_error(wrapped: &str, err: &serde_json::Error, content_start: usize) -> FrontMatterError {
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
    FrontMatterError {
        message: format!("{message} (Hexo reads `;;;` front matter with JSON.parse)"),
        offset: content_start + inner,
    }
}
