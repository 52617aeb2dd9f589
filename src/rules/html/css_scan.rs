//! A token-level scan of CSS for the constructs that run script or load code: cssparser reads
//! the CSS (escapes decoded, comments and strings tokenized as a browser does), and this walks
//! its tokens, blocks included, to a bounded depth.

use std::ops::Range;

use cssparser::{ParseError, Parser, Token};

use super::url_attributes::{dangerous_scheme, UrlUse};

/// Blocks nested deeper than this are skipped unread (cssparser skips them without recursion).
const MAX_DEPTH: usize = 32;

/// A construct found, with its byte range in the scanned CSS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssScript {
    pub span: Range<usize>,
    pub construct: Construct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Construct {
    /// `expression(...)`: Internet Explorer runs its argument as script on every layout.
    Expression,
    /// `url(javascript:...)`: a script URL where CSS loads a resource.
    ScriptUrl(&'static str),
    /// `behavior` / `-ms-behavior` (an HTC file of script) or `-moz-binding` (an XBL binding).
    LoadsCode(String),
}

/// Properties whose value loads a file of code into the page.
const CODE_PROPERTIES: &[&str] = &["behavior", "-ms-behavior", "-moz-binding"];

/// Functions whose string argument is a URL the browser loads.
const URL_FUNCTIONS: &[&str] = &["url", "src", "image", "image-set", "-webkit-image-set"];

/// Every script-running or code-loading construct in `css`, in source order.
pub fn scan(css: &str) -> Vec<CssScript> {
    let mut parser = Parser::new(css);
    let mut out = Vec::new();
    walk(&mut parser, 0, None, &mut out);
    out.sort_by_key(|f| f.span.start);
    out
}

/// A declaration of a code-loading property being read: where its name starts, the name, the
/// end of its value so far and whether that value is only `none`.
struct Declaration {
    start: usize,
    name: String,
    value_end: Option<usize>,
    only_none: bool,
}

fn walk(parser: &mut Parser, depth: usize, function: Option<&str>, out: &mut Vec<CssScript>) {
    // Identifiers separated only by comments: old Internet Explorer dropped comments before it
    // read the rest, so `expr/**/ession(` is `expression(`.
    let mut joined: Option<(usize, String)> = None;
    // The identifier before a `:`, to recognise a property name.
    let mut last_ident: Option<(usize, String)> = None;
    let mut declaration: Option<Declaration> = None;
    // Where an identifier ending in an escaped `url(` started: the string after it is a URL.
    let mut escaped_url: Option<usize> = None;
    loop {
        let start = parser.position().byte_index();
        let Ok(token) = parser.next_including_whitespace_and_comments() else {
            break;
        };
        let token = token.clone();
        let end = parser.position().byte_index();
        match &token {
            Token::Comment(_) => continue,
            Token::WhiteSpace(_) => {
                joined = None;
                continue;
            }
            _ => {}
        }
        if let Some(d) = &mut declaration {
            match &token {
                Token::Semicolon => finish(declaration.take(), out),
                Token::Ident(v) if d.value_end.is_none() && v.eq_ignore_ascii_case("none") => {
                    d.value_end = Some(end);
                }
                _ => {
                    d.only_none = false;
                    d.value_end = Some(end);
                }
            }
        }
        match &token {
            Token::Ident(name) => {
                // `(` and `:` can only be in an identifier escaped (`\0075\0072\006C\0028`):
                // old Internet Explorer decoded escapes before it parsed, so it read a call.
                if let Some(construct) = escaped_call(name) {
                    out.push(CssScript {
                        span: start..end,
                        construct,
                    });
                }
                if name.to_ascii_lowercase().ends_with("url(") {
                    escaped_url = Some(start);
                    continue;
                }
                let text = match joined.take() {
                    Some((at, mut j)) => {
                        j.push_str(name);
                        (at, j)
                    }
                    None => (start, name.to_string()),
                };
                last_ident = Some(text.clone());
                joined = Some(text);
                continue;
            }
            Token::Colon => {
                if let Some((at, name)) = last_ident.take() {
                    let lower = name.to_ascii_lowercase();
                    if CODE_PROPERTIES.contains(&lower.as_str()) && declaration.is_none() {
                        declaration = Some(Declaration {
                            start: at,
                            name: lower,
                            value_end: None,
                            only_none: true,
                        });
                    }
                }
            }
            Token::UnquotedUrl(url) | Token::BadUrl(url) => {
                if let Some(scheme) = dangerous_scheme(url, UrlUse::Media) {
                    out.push(CssScript {
                        span: start..end,
                        construct: Construct::ScriptUrl(scheme),
                    });
                }
            }
            Token::QuotedString(url)
                if escaped_url.is_some()
                    || function.is_some_and(|f| URL_FUNCTIONS.contains(&f)) =>
            {
                if let Some(scheme) = dangerous_scheme(url, UrlUse::Media) {
                    out.push(CssScript {
                        span: escaped_url.unwrap_or(start)..end,
                        construct: Construct::ScriptUrl(scheme),
                    });
                }
            }
            Token::Function(name) => {
                let (at, full) = match joined.take() {
                    Some((at, mut j)) => {
                        j.push_str(name);
                        (at, j)
                    }
                    None => (start, name.to_string()),
                };
                let lower = name.to_ascii_lowercase();
                nested(parser, depth, Some(&lower), out);
                if full.eq_ignore_ascii_case("expression") {
                    out.push(CssScript {
                        span: at..parser.position().byte_index(),
                        construct: Construct::Expression,
                    });
                }
                if let Some(d) = &mut declaration {
                    d.value_end = Some(parser.position().byte_index());
                }
            }
            Token::ParenthesisBlock | Token::SquareBracketBlock | Token::CurlyBracketBlock => {
                // A declaration never spans into a `{}` block: a rule's body starts a new one.
                if matches!(token, Token::CurlyBracketBlock) {
                    declaration = None;
                }
                nested(parser, depth, None, out);
                if let Some(d) = &mut declaration {
                    d.value_end = Some(parser.position().byte_index());
                }
            }
            _ => {}
        }
        joined = None;
        last_ident = None;
        escaped_url = None;
    }
    finish(declaration, out);
}

/// `expression(` or `url(` with a script URL, spelled inside one identifier with escapes.
fn escaped_call(ident: &str) -> Option<Construct> {
    let lower = ident.to_ascii_lowercase();
    if lower.contains("expression(") {
        return Some(Construct::Expression);
    }
    let (_, rest) = lower.split_once("url(")?;
    let url = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '\'' || c == '"');
    dangerous_scheme(url, UrlUse::Media).map(Construct::ScriptUrl)
}

fn nested(parser: &mut Parser, depth: usize, function: Option<&str>, out: &mut Vec<CssScript>) {
    if depth >= MAX_DEPTH {
        return;
    }
    let _ = parser.parse_nested_block(|inner| {
        walk(inner, depth + 1, function, out);
        Ok::<(), ParseError<()>>(())
    });
}

fn finish(declaration: Option<Declaration>, out: &mut Vec<CssScript>) {
    let Some(d) = declaration else { return };
    let Some(end) = d.value_end.filter(|_| !d.only_none) else {
        return;
    };
    out.push(CssScript {
        span: d.start..end,
        construct: Construct::LoadsCode(d.name),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(css: &str) -> Vec<(&str, Construct)> {
        scan(css)
            .into_iter()
            .map(|f| (&css[f.span.clone()], f.construct))
            .collect()
    }

    #[test]
    fn expression_in_any_spelling() {
        let css = "width: expression(alert(1)); height: EXPR/**/ESSION(b()); x: \\65 xpression(c)";
        assert_eq!(
            found(css),
            [
                ("expression(alert(1))", Construct::Expression),
                ("EXPR/**/ESSION(b())", Construct::Expression),
                ("\\65 xpression(c)", Construct::Expression),
            ]
        );
    }

    #[test]
    fn script_urls_quoted_unquoted_and_bad() {
        let css = "a{background:url(javascript:a())} b{background-image:url(\"vbscript:b\")} c{background:url(javascript:alert('x'))}";
        let got = found(css);
        // `(` cannot be in an unquoted URL: the browser's token (a bad URL) ends at the first `)`.
        assert_eq!(
            got[0],
            ("url(javascript:a()", Construct::ScriptUrl("javascript"))
        );
        assert_eq!(got[1], ("\"vbscript:b\"", Construct::ScriptUrl("vbscript")));
        assert_eq!(
            got[2],
            (
                "url(javascript:alert('x')",
                Construct::ScriptUrl("javascript")
            )
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn calls_spelled_with_escapes_inside_one_identifier() {
        let css = r"background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\0029'\0029; w:\65 xpression\28 1\29";
        let got = found(css);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, Construct::ScriptUrl("javascript"));
        // From the escaped `url(` to the end of the string after it.
        assert!(
            got[0].0.starts_with(r"\0075") && got[0].0.ends_with(r"\0029'"),
            "{}",
            got[0].0
        );
        assert_eq!(got[1].1, Construct::Expression);
    }

    #[test]
    fn code_loading_properties() {
        let css = "p { behavior: url(x.htc) } q { -moz-binding : url(\"b.xml#x\") ; color: red } r { behavior: none }";
        assert_eq!(
            found(css),
            [
                (
                    "behavior: url(x.htc)",
                    Construct::LoadsCode("behavior".into())
                ),
                (
                    "-moz-binding : url(\"b.xml#x\")",
                    Construct::LoadsCode("-moz-binding".into())
                ),
            ]
        );
    }

    #[test]
    fn ordinary_css_has_nothing() {
        let css = "@media (max-width: 600px) { .post img { max-width: 100%; background: url(data:image/png;base64,AA) } }\n.note::before { content: \"expression(\"; }\na[href^='javascript'] { color: red }";
        assert!(found(css).is_empty(), "{:?}", found(css));
    }

    #[test]
    fn malformed_and_deep_css_ends() {
        let deep = "(".repeat(100_000) + "expression(x)";
        assert!(found(&deep).is_empty());
        let shallow = "(".repeat(10) + "expression(x)";
        assert_eq!(found(&shallow).len(), 1);
        for css in [
            "url(",
            "expression(",
            "behavior:",
            "\"unterminated",
            "/* open",
            "\\",
        ] {
            let _ = scan(css);
        }
    }
}
