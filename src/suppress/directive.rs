//! The grammar of one suppression comment: `postlint-<kind> [selectors] [-- reason]`, read the
//! same way from an HTML comment and from a front-matter `#` comment.

use std::ops::Range;

use crate::rules::selection::rules_named;
use crate::rules::{Group, RULES};

/// Written after `postlint-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Until a matching `postlint-enable`, or the end of the file.
    Disable,
    Enable,
    /// The line the comment is on.
    DisableLine,
    /// The line after the comment: the literal next line, blank or not.
    DisableNextLine,
    /// The whole file, wherever the comment is.
    DisableFile,
}

const KINDS: &[(&str, Kind)] = &[
    ("disable", Kind::Disable),
    ("enable", Kind::Enable),
    ("disable-line", Kind::DisableLine),
    ("disable-next-line", Kind::DisableNextLine),
    ("disable-file", Kind::DisableFile),
];

const PREFIX: &str = "postlint-";

impl Kind {
    pub fn keyword(self) -> &'static str {
        match self {
            Kind::Disable => "postlint-disable",
            Kind::Enable => "postlint-enable",
            Kind::DisableLine => "postlint-disable-line",
            Kind::DisableNextLine => "postlint-disable-next-line",
            Kind::DisableFile => "postlint-disable-file",
        }
    }
}

/// A comment as the carrier found it: the whole comment, and the text inside its delimiters.
#[derive(Debug, Clone)]
pub struct Comment {
    pub span: Range<usize>,
    pub content: Range<usize>,
}

/// One selector of a directive that names at least one rule a comment can suppress.
#[derive(Debug, Clone)]
pub struct Code {
    /// The selector as written (`HT005`, `IMG`, `inline-event-handler`).
    pub span: Range<usize>,
    /// Indices into `RULES`.
    pub rules: Vec<usize>,
}

#[derive(Debug, Clone)]
pub enum Selection {
    /// No selector written: every rule a comment can suppress.
    All,
    /// The valid selectors written; empty when every one was invalid (then nothing is
    /// suppressed, rather than everything).
    Codes(Vec<Code>),
}

/// What is wrong with a comment, at the place it is wrong (PL001).
#[derive(Debug, Clone)]
pub struct Problem {
    pub span: Range<usize>,
    pub label: &'static str,
    pub message: String,
    pub help: Option<String>,
}

/// The directive `comment` holds, or `None` when it is no directive (its text does not start
/// with `postlint-`) or an unknown one (then a problem says so).
pub fn read(
    text: &str,
    comment: &Comment,
    problems: &mut Vec<Problem>,
) -> Option<(Kind, Selection)> {
    let content = &text[comment.content.clone()];
    let lead = content.len() - content.trim_start().len();
    let start = comment.content.start + lead;
    let body = &text[start..comment.content.end];
    if !body.starts_with(PREFIX) {
        return None;
    }
    let keyword_len = body
        .find(|c: char| c.is_whitespace() || c == ',')
        .unwrap_or(body.len());
    let keyword = &body[..keyword_len];
    let Some(kind) = KINDS
        .iter()
        .find(|(k, _)| *k == &keyword[PREFIX.len()..])
        .map(|(_, kind)| *kind)
    else {
        problems.push(unknown_kind(keyword, start..start + keyword_len));
        return None;
    };
    let rest_start = start + keyword_len;
    let rest = &text[rest_start..comment.content.end];
    // Rule names have single hyphens only, so the first `--` is where the reason starts.
    let selectors = &rest[..rest.find("--").unwrap_or(rest.len())];
    let mut codes = Vec::new();
    let mut written = false;
    for (at, token) in tokens(selectors) {
        written = true;
        let span = rest_start + at..rest_start + at + token.len();
        match suppressible(token) {
            Ok(rules) => codes.push(Code { span, rules }),
            Err((label, message, help)) => problems.push(Problem {
                span,
                label,
                message,
                help,
            }),
        }
    }
    let selection = if written {
        Selection::Codes(codes)
    } else {
        Selection::All
    };
    Some((kind, selection))
}

/// The selectors of a directive with their offsets: separated by commas and white space.
fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(|c: char| c == ',' || c.is_whitespace())
        .scan(0, move |at, token| {
            let start = *at;
            *at += token.len()
                + s[start + token.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((start, token))
        })
        .filter(|(_, t)| !t.is_empty())
}

/// The rules a selector names that a comment can suppress: the `PL` rules report on the
/// comments themselves and are left out of prefixes and `ALL`; a selector naming only them is
/// a problem.
fn suppressible(selector: &str) -> Result<Vec<usize>, (&'static str, String, Option<String>)> {
    let rules = rules_named(selector).map_err(|m| {
        (
            "unknown rule",
            m,
            Some("a suppression comment names rules by code (HT005), prefix (HT) or name, separated by commas or spaces; a reason goes after `--`".into()),
        )
    })?;
    let indices: Vec<usize> = rules
        .iter()
        .filter(|r| r.group != Group::Suppressions)
        .filter_map(|r| RULES.iter().position(|x| std::ptr::eq(x, *r)))
        .collect();
    if indices.is_empty() {
        return Err((
            "cannot be suppressed",
            format!("`{selector}` cannot be suppressed by a comment: the PL rules report on suppression comments themselves"),
            Some("fix the comment it reports, or turn the rule off in postlint.toml (`ignore = [\"PL002\"]`)".into()),
        ));
    }
    Ok(indices)
}

fn unknown_kind(keyword: &str, span: Range<usize>) -> Problem {
    let guess = KINDS
        .iter()
        .map(|(k, _)| (strsim::jaro_winkler(&keyword[PREFIX.len()..], k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8);
    let message = match guess {
        Some((_, k)) => {
            format!("unknown suppression comment `{keyword}`: did you mean `{PREFIX}{k}`?")
        }
        None => format!("unknown suppression comment `{keyword}`"),
    };
    Problem {
        span,
        label: "unknown directive",
        message,
        help: Some("write postlint-disable-next-line, postlint-disable-line, postlint-disable ... postlint-enable, or postlint-disable-file, then the rules".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The directive's kind and selectors as written (`*` for none), and each problem's
    /// message with the text it points at.
    type Parsed<'a> = (Option<(Kind, Vec<&'a str>)>, Vec<(String, &'a str)>);

    fn parse(text: &str) -> Parsed<'_> {
        let comment = Comment {
            span: 0..text.len(),
            content: 0..text.len(),
        };
        let mut problems = Vec::new();
        let found = read(text, &comment, &mut problems).map(|(kind, sel)| {
            let codes = match sel {
                Selection::All => vec!["*"],
                Selection::Codes(c) => c.iter().map(|c| &text[c.span.clone()]).collect(),
            };
            (kind, codes)
        });
        let problems = problems
            .iter()
            .map(|p| (p.message.clone(), &text[p.span.clone()]))
            .collect();
        (found, problems)
    }

    #[test]
    fn selectors_are_codes_prefixes_and_names_before_the_reason() {
        let (found, problems) = parse(
            " postlint-disable-next-line HT005, IMG  inline-event-handler -- a reason, HT001 ",
        );
        assert_eq!(
            found,
            Some((
                Kind::DisableNextLine,
                vec!["HT005", "IMG", "inline-event-handler"]
            ))
        );
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn a_bare_directive_means_every_rule() {
        assert_eq!(
            parse("postlint-disable-file").0,
            Some((Kind::DisableFile, vec!["*"]))
        );
        assert_eq!(
            parse("postlint-disable -- why").0,
            Some((Kind::Disable, vec!["*"]))
        );
    }

    #[test]
    fn other_comments_are_not_directives() {
        assert!(parse(" see postlint-disable HT005 ").0.is_none());
        assert!(parse(" more ").0.is_none());
    }

    #[test]
    fn unknown_codes_and_kinds_are_problems_at_their_place() {
        let (found, problems) = parse("postlint-disable HT999,HT005");
        assert_eq!(found, Some((Kind::Disable, vec!["HT005"])));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].1, "HT999");
        let (found, problems) = parse("postlint-disable-nextline HT005");
        assert!(found.is_none());
        assert_eq!(problems[0].1, "postlint-disable-nextline");
        assert!(problems[0]
            .0
            .contains("did you mean `postlint-disable-next-line`"));
    }

    #[test]
    fn only_invalid_selectors_suppress_nothing() {
        let (found, problems) = parse("postlint-disable-line nonsense PL002");
        assert_eq!(found, Some((Kind::DisableLine, vec![])));
        assert_eq!(problems.len(), 2);
        assert!(problems[1].0.contains("cannot be suppressed"));
    }
}
