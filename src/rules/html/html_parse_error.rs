use std::collections::{BTreeSet, HashMap};

use scraper::ElementRef;

use crate::document::html::FragmentKind;
use crate::document::{HtmlErrorKind, HtmlFragment, Origin};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "HT012",
    name: "html-parse-error",
    summary: "Broken HTML that a browser repairs differently from what the author meant",
    severity: Warning,
    enabled: true,
}

/// Tokenizer errors (WHATWG codes) whose repair changes what the reader sees, and what happens.
const TOKENIZER: &[(&str, &str)] = &[
    (
        "eof-in-tag",
        "this tag is never closed with `>`: the browser drops it",
    ),
    (
        "eof-in-comment",
        "this comment is never closed: everything after it is hidden",
    ),
    (
        "eof-in-script-html-comment-like-text",
        "the script's `<!--` is never closed: the page after it is script",
    ),
    (
        "abrupt-closing-of-empty-comment",
        "`<!-->` closes the comment at once: what follows is shown",
    ),
    (
        "incorrectly-closed-comment",
        "`--!>` closes the comment, though the author may not have meant it to",
    ),
    (
        "nested-comment",
        "comments do not nest: the first `-->` ends both, and the rest is shown",
    ),
    (
        "incorrectly-opened-comment",
        "`<!` without `--` starts a bogus comment that hides text up to the next `>`",
    ),
    (
        "cdata-in-html-content",
        "CDATA sections are not HTML: the browser hides it as a comment",
    ),
    (
        "duplicate-attribute",
        "a repeated attribute is ignored: the first one wins",
    ),
    (
        "missing-whitespace-between-attributes",
        "attributes run together without a space between them",
    ),
    (
        "unexpected-character-in-attribute-name",
        "a quote or `<` in an attribute name: a quote is probably misplaced",
    ),
    (
        "unexpected-character-in-unquoted-attribute-value",
        "a quote, `<`, `=` or backtick in an unquoted value: quote the value",
    ),
    (
        "unexpected-equals-sign-before-attribute-name",
        "an `=` where an attribute name should be",
    ),
    ("missing-attribute-value", "`=` with no value after it"),
    (
        "end-tag-with-attributes",
        "attributes on an end tag are ignored",
    ),
];

fn check(ctx: &Context, findings: &mut Findings) {
    if super::allowed_anywhere(ctx, META.code) {
        return;
    }
    let text = ctx.doc.text();
    let mut seen = BTreeSet::new();
    let mut left_open = LeftOpen::default();
    for fragment in &ctx.doc.markup().fragments {
        for error in &fragment.errors {
            let message = match error.kind {
                HtmlErrorKind::Tokenizer => TOKENIZER
                    .iter()
                    .find(|(code, _)| *code == error.message)
                    .map(|(_, m)| m.to_string()),
                HtmlErrorKind::TreeBuilder => tree_error(
                    &text[error.span.clone()],
                    &error.message,
                    fragment.kind,
                    &mut left_open,
                ),
                HtmlErrorKind::TooDeep | HtmlErrorKind::TooManyNames => {
                    Some(error.message.to_string())
                }
                HtmlErrorKind::UnclosedRawText => None,
            };
            let Some(message) = message else { continue };
            if !seen.insert((error.span.start, error.span.end)) {
                continue;
            }
            let label = match error.kind {
                HtmlErrorKind::Tokenizer => error.message.to_string(),
                HtmlErrorKind::TooDeep => "the first element nested too deep".to_owned(),
                HtmlErrorKind::TooManyNames => "the first name left out".to_owned(),
                _ => "here".to_owned(),
            };
            let d = findings
                .diagnostic(error.span.clone(), label, message)
                .with_help("fix the markup so that it means what it says; an HTML validator shows the same error");
            findings.push(d);
        }
        if fragment.kind != FragmentKind::Document && fragment.origin == Origin::Source {
            left_open.add(fragment);
        }
    }
}

/// Elements that Markdown HTML fragments started and left open, by name: an end tag in a later
/// fragment that closes one of them is how Markdown posts wrap Markdown in HTML.
#[derive(Default)]
struct LeftOpen(HashMap<String, usize>);

impl LeftOpen {
    fn add(&mut self, fragment: &HtmlFragment) {
        let elements = fragment
            .html
            .tree
            .root()
            .descendants()
            .filter_map(ElementRef::wrap);
        for element in elements {
            let open = fragment
                .spans_of(element.id())
                .is_some_and(|s| s.end_tag.is_none() && !s.tag.is_empty());
            if open {
                *self.0.entry(element.value().name().to_owned()).or_default() += 1;
            }
        }
    }

    /// Take one element named `name` left open, if there is one.
    fn close(&mut self, name: &str) -> bool {
        match self.0.get_mut(&name.to_ascii_lowercase()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

/// A tree-construction error worth reporting: misnested formatting tags anywhere, and end tags
/// that match no open element. In Markdown an end tag in a later block than its start tag is
/// normal (Markdown splits HTML into blocks), so there only an end tag of a theme container
/// that nothing before it in the post opened is reported.
fn tree_error(
    token: &str,
    message: &str,
    kind: FragmentKind,
    left_open: &mut LeftOpen,
) -> Option<String> {
    if message == "Formatting element not current node"
        || message == "Formatting element not in scope"
    {
        return Some(format!(
            "`{token}` closes an element that is not the innermost one: the browser reorders the tags"
        ));
    }
    let end_tag = token.strip_prefix("</")?;
    let name = end_tag.trim_end_matches('>').trim();
    if ["html", "head", "body"]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n))
    {
        return None;
    }
    if kind == FragmentKind::Document {
        return Some(format!(
            "`{token}` matches no open element: the browser ignores it or closes other elements"
        ));
    }
    let name = name.to_ascii_lowercase();
    if !THEME_CONTAINERS.contains(&name.as_str()) || left_open.close(&name) {
        return None;
    }
    Some(format!(
        "`{token}` matches no `<{name}>` opened before it in the post: inside the page it closes the theme's own `<{name}>` around the post, and what follows falls outside it"
    ))
}

/// Elements a theme wraps a post in, and Markdown never writes: in a Markdown post a stray end
/// tag of one of them closes the theme's element. Others (`</p>`, `</li>`, `</code>`) may close
/// what Markdown itself wrote around the HTML, or are ignored.
const THEME_CONTAINERS: &[&str] = &[
    "article", "aside", "div", "footer", "header", "main", "nav", "section",
];
