//! Suppression comments in YAML and TOML front matter: a `#` comment, usually at the end of the
//! line it is about (`draft: yes # postlint-disable-line FM103`). JSON has no comments.

use std::ops::Range;

use super::directive::Comment;
use crate::document::{Document, Format, NodeKind};

pub fn comments(doc: &Document) -> Vec<Comment> {
    let Some(block) = &doc.split.front_matter else {
        return Vec::new();
    };
    if block.kind == Format::Json {
        return Vec::new();
    }
    let text = doc.text();
    let content = block.content.clone();
    // A `#` inside a string (`title: "a # b"`, a block scalar) is text. The parser knows where
    // every string is; without a parse (the front matter is broken) a `#` at the start of a
    // line or after white space is taken for a comment, as YAML reads it.
    let strings: Option<Vec<Range<usize>>> = doc.front_matter.as_ref().map(|fm| {
        fm.index
            .nodes()
            .filter(|n| matches!(n.kind, NodeKind::Scalar(_)))
            .flat_map(|n| n.key.iter().cloned().chain([n.value.clone()]))
            .collect()
    });
    let mut out = Vec::new();
    for (i, _) in text[content.clone()].match_indices('#') {
        let at = content.start + i;
        let line_end = text[at..content.end]
            .find(['\n', '\r'])
            .map_or(content.end, |e| at + e);
        if !text[at + 1..line_end].trim_start().starts_with("postlint-") {
            continue;
        }
        let is_comment = match &strings {
            Some(strings) => !strings.iter().any(|s| s.start <= at && at < s.end),
            None => matches!(
                text[..at].chars().next_back(),
                None | Some(' ' | '\t' | '\n' | '\r')
            ),
        };
        if is_comment {
            let end = at + text[at..line_end].trim_end().len();
            out.push(Comment {
                span: at..end,
                content: at + 1..end,
            });
        }
    }
    out
}
