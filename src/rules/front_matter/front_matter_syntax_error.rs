use crate::document::Format;
use crate::rules::{declare_rule, Context, Findings};
use crate::source::floor_char_boundary;

declare_rule! {
    code: "FM004",
    name: "front-matter-syntax-error",
    summary: "The front matter is not valid YAML (or TOML, or Hexo JSON)",
    severity: Error,
    enabled: true,
}

fn check(ctx: &Context, findings: &mut Findings) {
    let doc = ctx.doc;
    let (Some(err), Some(block)) = (&doc.front_matter_error, &doc.split.front_matter) else {
        return;
    };
    let text = doc.text();
    let start = floor_char_boundary(text, err.offset);
    // Point at the character the parser stopped on; at a line end, at the line break itself.
    let end = text[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    let language = match block.kind {
        Format::Yaml => "YAML",
        Format::Toml => "TOML",
        Format::Json => "JSON",
    };
    let d = findings
        .diagnostic(start..end, "the parser stopped here", format!("invalid {language} in front matter: {}", err.message))
        .with_help(
            "no other front-matter rule checks this file until the syntax error is fixed; \
             a value that contains quotes, `: ` or starts with `[`, `{`, `*`, `&`, `!`, `|`, `>`, `@` or `%` \
             must be quoted (use single quotes and double any single quote inside)",
        );
    findings.push(d);
}
