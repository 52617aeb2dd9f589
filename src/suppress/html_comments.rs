//! Suppression comments in the body: the `<!-- -->` comments the HTML parser read. In Markdown
//! that is only the body's HTML (code blocks, code spans and code template tags are text, so a
//! comment shown there is not a directive); in `.html` posts it is every comment outside the
//! raw text of `<script>`, `<style>`, `<textarea>` and the like.

use super::directive::Comment;
use crate::document::Document;

pub fn comments(doc: &Document) -> Vec<Comment> {
    let text = doc.text();
    let mut out = Vec::new();
    for fragment in &doc.markup().fragments {
        for span in &fragment.comments {
            let written = &text[span.clone()];
            // Bogus comments (`<!x>`, `<?x>`) are comments to the parser but no place to write
            // a directive.
            if !written.starts_with("<!--") || !written.contains("postlint-") {
                continue;
            }
            // A comment never closed runs to the end of the fragment, swallowing the page (HT012
            // says so); what it holds is no directive.
            let Some(inner) = written
                .strip_suffix("-->")
                .or_else(|| written.strip_suffix("--!>"))
            else {
                continue;
            };
            let start = span.start + 4;
            out.push(Comment {
                span: span.clone(),
                content: start..(span.start + inner.len()).max(start),
            });
        }
    }
    out
}
