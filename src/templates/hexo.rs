//! What Hexo's Nunjucks knows: its own tags and the tag plugins Hexo registers.

use std::ops::Range;

use super::{Construct, Found};

/// Tags of Nunjucks itself (nunjucks/src/parser.js), block tags first.
const NUNJUCKS_BLOCKS: &[&str] = &[
    "if",
    "for",
    "asyncEach",
    "asyncAll",
    "macro",
    "call",
    "filter",
    "block",
    "set",
];
const NUNJUCKS_OTHER: &[&str] = &[
    "elif", "elseif", "else", "include", "import", "from", "extends",
];

/// The tag plugins Hexo 7 and 8 register (lib/plugins/tag/index.ts), with `ends` for the ones
/// that take a body. `gist`, `jsfiddle`, `vimeo` and `youtube` left Hexo 5 for plugins.
const HEXO_TAGS: &[(&str, bool)] = &[
    ("quote", true),
    ("blockquote", true),
    ("code", true),
    ("codeblock", true),
    ("pullquote", true),
    ("iframe", false),
    ("img", false),
    ("image", false),
    ("include_code", false),
    ("include-code", false),
    ("a", false),
    ("link", false),
    ("post_path", false),
    ("post_link", false),
    ("asset_path", false),
    ("asset_link", false),
    ("asset_img", false),
    ("asset_image", false),
    ("url_for", false),
    ("full_url_for", false),
];

/// Whether Hexo knows the tag `name`: Nunjucks' own, Hexo's tag plugins, or one of `extra`
/// (the site's plugins, from `[templates] tags`). `endX` is known when `X` takes a body.
pub fn known(name: &str, extra: &[String]) -> bool {
    let base = name.strip_prefix("end").filter(|b| !b.is_empty());
    let is = |n: &str| {
        NUNJUCKS_BLOCKS.contains(&n)
            || NUNJUCKS_OTHER.contains(&n)
            || HEXO_TAGS.iter().any(|(t, _)| *t == n)
            || extra.iter().any(|e| e == n)
    };
    is(name) || base.is_some_and(|b| takes_body(b, extra) || extra.iter().any(|e| e == b))
}

fn takes_body(name: &str, _extra: &[String]) -> bool {
    NUNJUCKS_BLOCKS.contains(&name) || HEXO_TAGS.iter().any(|(t, ends)| *t == name && *ends)
}

/// A block tag without its end, or an end tag without its opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unbalanced {
    pub span: Range<usize>,
    pub name: String,
    /// `true` for an opening tag never closed, `false` for a stray end tag.
    pub unclosed: bool,
}

/// Pairs block tags with their ends. A tag counts as a block when Nunjucks or Hexo says it
/// takes a body, or (a plugin's tag) when its `end` tag appears later in the post. `{% set x =
/// 1 %}` is a plain assignment; only `{% set x %}` opens a block.
pub fn unbalanced(found: &[Found], extra: &[String], text: &str) -> Vec<Unbalanced> {
    let tags: Vec<(&str, &Found)> = found
        .iter()
        .filter(|f| f.runs())
        .filter_map(|f| match &f.construct {
            Construct::Tag { name } => Some((name.as_str(), f)),
            _ => None,
        })
        .collect();
    let mut open: Vec<(&str, &Found)> = Vec::new();
    let mut out = Vec::new();
    for (i, (name, f)) in tags.iter().enumerate() {
        if let Some(base) = name.strip_prefix("end").filter(|b| !b.is_empty()) {
            match open.iter().rposition(|(n, _)| *n == base) {
                Some(at) => {
                    // Whatever opened after it and is still open was never closed.
                    for (n, inner) in open.drain(at..).skip(1) {
                        out.push(Unbalanced {
                            span: inner.span.clone(),
                            name: n.to_owned(),
                            unclosed: true,
                        });
                    }
                }
                None => out.push(Unbalanced {
                    span: f.span.clone(),
                    name: (*name).to_owned(),
                    unclosed: false,
                }),
            }
            continue;
        }
        let block = if *name == "set" {
            !text[f.span.clone()].contains('=')
        } else {
            takes_body(name, extra) || {
                let end = format!("end{name}");
                tags[i + 1..].iter().any(|(n, _)| *n == end)
            }
        };
        if block {
            open.push((name, f));
        }
    }
    out.extend(open.into_iter().map(|(n, f)| Unbalanced {
        span: f.span.clone(),
        name: n.to_owned(),
        unclosed: true,
    }));
    out.sort_by_key(|u| u.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::super::nunjucks;
    use super::*;

    fn problems(md: &str) -> Vec<(String, bool)> {
        let found = nunjucks(md, 0..md.len(), true);
        unbalanced(&found, &[], md)
            .into_iter()
            .map(|u| (u.name, u.unclosed))
            .collect()
    }

    #[test]
    fn tags_known_to_hexo_and_the_site() {
        assert!(known("asset_img", &[]));
        assert!(known("endblockquote", &[]));
        assert!(known("if", &[]) && known("endfor", &[]));
        assert!(!known("note", &[]));
        assert!(known("note", &["note".into()]) && known("endnote", &["note".into()]));
        assert!(!known("endimg", &[]));
    }

    #[test]
    fn block_tags_pair_with_their_ends() {
        assert!(problems("{% if a %}x{% endif %} {% set y = 1 %}").is_empty());
        assert!(problems("{% note info %}x{% endnote %}").is_empty());
        assert_eq!(problems("{% if a %}x"), vec![("if".into(), true)]);
        assert_eq!(problems("x{% endfor %}"), vec![("endfor".into(), false)]);
        assert_eq!(
            problems("{% blockquote %}{% if a %}q{% endblockquote %}"),
            vec![("if".into(), true)]
        );
    }
}
