//! Template tags in a post's body, found where the generator will find them.
//!
//! How Hexo 7/8 renders a post (`lib/hexo/post.ts`, `lib/extend/tag.ts`):
//! 1. The `backtick_code_block` filter renders fenced code blocks first and hides them, braces
//!    escaped: nothing in a fence is template.
//! 2. `escapeAllSwigTags` takes every `{{ }}` and `{% %}` (a tag with its body, when the post
//!    contains its `end` tag) out of the text for the Markdown renderer, and *drops* every
//!    `{# #}` comment, wherever it is, inline code included.
//! 3. After Markdown, the constructs are put back and the result goes through Nunjucks, except
//!    that the braces inside each `<code>` element are escaped first (unless it holds a
//!    `{% raw %}`): inline code shows what was written. An indented code block is highlighted
//!    into a `<figure class="highlight">` table without `<code>` under Hexo's default
//!    highlighter settings, so what is in it runs.
//!
//! An output `{{ ... }}` becomes its value (empty when the name is undefined), and a tag that is
//! neither Nunjucks' nor a registered tag plugin stops `hexo generate` ("unknown block tag").
//! `{% raw %}` ... `{% endraw %}` is text. A post with `disableNunjucks: true` in its front
//! matter skips steps 2 and 3.

pub mod hexo;

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

/// What a template construct is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Construct {
    /// `{% name args %}`; `name` as written, without whitespace-control dashes.
    Tag { name: String },
    /// `{{ expression }}`.
    Output,
    /// `{# comment #}`.
    Comment,
}

/// Where in the Markdown the construct is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Prose,
    /// Inside a code span: Hexo shows tags and outputs there as written, but drops comments.
    InlineCode,
    IndentedCode,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub construct: Construct,
    /// The construct, delimiters included (file offsets).
    pub span: Range<usize>,
    /// The tag's name (file offsets), for tags.
    pub name_span: Option<Range<usize>>,
    pub place: Place,
    /// The code span holding it, for `Place::InlineCode`.
    pub code_span: Option<Range<usize>>,
}

impl Found {
    /// Whether Nunjucks runs it: everything but a tag or output inside inline code.
    pub fn runs(&self) -> bool {
        self.place != Place::InlineCode || self.construct == Construct::Comment
    }
}

/// Template constructs Nunjucks sees in `text[body]` as Hexo renders it: outside fenced code
/// and outside `{% raw %}`/`{% verbatim %}` blocks. `markdown` tells whether the body is
/// Markdown (code spans and blocks exist) or HTML.
pub fn nunjucks(text: &str, body: Range<usize>, markdown: bool) -> Vec<Found> {
    let src = &text[body.clone()];
    if !src.contains("{{") && !src.contains("{%") && !src.contains("{#") {
        return Vec::new();
    }
    let (fenced, mut inline, indented) = if markdown {
        code_regions(src)
    } else {
        Default::default()
    };
    // `<code>` written as HTML is protected like a code span (Hexo escapes the braces inside
    // every `<code>` element of the rendered page).
    inline.extend(html_code_elements(src));
    let mut out = Vec::new();
    let bytes = src.as_bytes();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != b'{' || !matches!(bytes[i + 1], b'{' | b'%' | b'#') {
            i += 1;
            continue;
        }
        if let Some(r) = fenced.iter().find(|r| r.contains(&i)) {
            i = r.end;
            continue;
        }
        let close = match bytes[i + 1] {
            b'{' => "}}",
            b'%' => "%}",
            _ => "#}",
        };
        let Some(len) = src[i + 2..].find(close) else {
            // Nunjucks fails on an unclosed construct too, but where it ends is unknown.
            i += 2;
            continue;
        };
        let end = i + 2 + len + 2;
        let inner = &src[i + 2..end - 2];
        let construct = match bytes[i + 1] {
            b'{' => Construct::Output,
            b'#' => Construct::Comment,
            _ => {
                let trimmed = inner.trim_start_matches('-').trim_start();
                let name: String = trimmed
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                let name = name.trim_end_matches('-').to_owned();
                if name == "raw" || name == "verbatim" {
                    // What is inside is text, up to its end tag.
                    let end_tag = format!("end{name}");
                    i = find_end_tag(src, end, &end_tag).unwrap_or(src.len());
                    continue;
                }
                let at = i + 2 + (inner.len() - trimmed.len());
                out.push(found(
                    Construct::Tag { name: name.clone() },
                    i..end,
                    Some(at..at + name.len()),
                    &inline,
                    &indented,
                    body.start,
                ));
                i = end;
                continue;
            }
        };
        out.push(found(
            construct,
            i..end,
            None,
            &inline,
            &indented,
            body.start,
        ));
        i = end;
    }
    out
}

fn found(
    construct: Construct,
    span: Range<usize>,
    name_span: Option<Range<usize>>,
    inline: &[Range<usize>],
    indented: &[Range<usize>],
    base: usize,
) -> Found {
    let code_span = inline.iter().find(|r| r.contains(&span.start)).cloned();
    let place = if code_span.is_some() {
        Place::InlineCode
    } else if indented.iter().any(|r| r.contains(&span.start)) {
        Place::IndentedCode
    } else {
        Place::Prose
    };
    let shift = |r: Range<usize>| r.start + base..r.end + base;
    Found {
        construct,
        span: shift(span),
        name_span: name_span.map(shift),
        place,
        code_span: code_span.map(shift),
    }
}

/// `<code ...>` ... `</code>` elements written as HTML, as Hexo's `/<code[^<>]*>[\s\S]+?<\/code>/`
/// finds them (body offsets).
fn html_code_elements(src: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = src[at..].find("<code") {
        let start = at + i;
        let rest = &src[start + 5..];
        let Some(gt) = rest.find(['>', '<']) else {
            break;
        };
        let attrs_ok = rest[..gt].is_empty() || rest.starts_with(|c: char| c.is_ascii_whitespace());
        if !attrs_ok || !rest[gt..].starts_with('>') {
            at = start + 5;
            continue;
        }
        let content = start + 5 + gt + 1;
        let Some(close) = src[content..].find("</code>") else {
            break;
        };
        let end = content + close + "</code>".len();
        out.push(start..end);
        at = end;
    }
    out
}

/// The offset just past `{% end_tag %}` at or after `from`.
fn find_end_tag(src: &str, from: usize, end_tag: &str) -> Option<usize> {
    let mut at = from;
    while let Some(i) = src[at..].find("{%") {
        let start = at + i;
        let close = src[start + 2..].find("%}")? + start + 2;
        let inner = src[start + 2..close].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inner == end_tag {
            return Some(close + 2);
        }
        at = close + 2;
    }
    None
}

type Regions = (Vec<Range<usize>>, Vec<Range<usize>>, Vec<Range<usize>>);

/// Fenced code blocks, code spans and indented code blocks of a Markdown body (body offsets).
fn code_regions(src: &str) -> Regions {
    let mut fenced = Vec::new();
    let mut inline = Vec::new();
    let mut indented = Vec::new();
    for (event, range) in
        Parser::new_ext(src, crate::document::markdown::options()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => fenced.push(range),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => indented.push(range),
            Event::Code(_) => inline.push(range),
            _ => {}
        }
    }
    (fenced, inline, indented)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(md: &str) -> Vec<(Construct, &str, Place)> {
        nunjucks(md, 0..md.len(), true)
            .into_iter()
            .map(|f| (f.construct, &md[f.span], f.place))
            .collect()
    }

    #[test]
    fn fenced_code_and_raw_are_text_everything_else_is_template() {
        let md = "正文 {{ page.title }}\n\n```\n{% if x %}shown{% endif %}\n```\n\n\
                  `{% asset_img a.png %}` and {% raw %}{{ kept }}{% endraw %}\n\n    {# gone #}\n";
        assert_eq!(
            scan(md),
            vec![
                (Construct::Output, "{{ page.title }}", Place::Prose),
                (
                    Construct::Tag {
                        name: "asset_img".into()
                    },
                    "{% asset_img a.png %}",
                    Place::InlineCode
                ),
                (Construct::Comment, "{# gone #}", Place::IndentedCode),
            ]
        );
    }

    #[test]
    fn names_skip_whitespace_control_and_html_bodies_have_no_code() {
        let html = "<p>{%- if a -%}</p>";
        let found = nunjucks(html, 0..html.len(), false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].construct, Construct::Tag { name: "if".into() });
        assert_eq!(&html[found[0].name_span.clone().unwrap()], "if");
        assert_eq!(found[0].place, Place::Prose);
    }

    #[test]
    fn html_code_elements_protect_like_code_spans() {
        let md = "- <pre><code>`{% foo %}{{ bar }}`</code></pre> {{ shown }}\n";
        let found = nunjucks(md, 0..md.len(), true);
        let running: Vec<&str> = found
            .iter()
            .filter(|f| f.runs())
            .map(|f| &md[f.span.clone()])
            .collect();
        assert_eq!(running, vec!["{{ shown }}"]);
    }

    #[test]
    fn unclosed_constructs_and_an_unclosed_raw_end_the_scan_quietly() {
        assert!(scan("a {{ b").is_empty());
        assert!(scan("{% raw %} {{ x }}").is_empty());
    }
}
