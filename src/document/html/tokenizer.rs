//! The callbacks html5gum's tokenizer makes, turned into html5ever tokens plus spans.

use std::borrow::Cow;
use std::convert::Infallible;

use html5ever::tokenizer::{Doctype, Token as TreeToken, TokenSink};
use html5gum::{Emitter, State};

use super::attributes::PendingAttr;
use super::emitter::{tendril, DoctypeBuf, SpanEmitter, TagType};
use super::sink::Processing;
use super::{floor_boundary, HtmlErrorKind};

impl Emitter for SpanEmitter<'_> {
    type Token = Infallible;

    fn move_position(&mut self, offset: isize) {
        self.pos = self.pos.saturating_add_signed(offset);
    }

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_chars();
        if let Some((_, span, name)) = self.raw_open.take() {
            self.found.error(
                HtmlErrorKind::UnclosedRawText,
                span,
                Cow::Owned(format!(
                    "<{name}> is never closed: everything after it is read as its text"
                )),
            );
        }
        let end = self.text.len();
        let _ = self.process(TreeToken::EOFToken, end..end, Processing::Other);
        self.builder.end();
    }

    fn emit_error(&mut self, error: html5gum::Error) {
        let code = error.as_str();
        let end = self.pos.min(self.text.len());
        // The tokenizer reports an error after reading the character that caused it; that
        // character is the span (an error at the end of the input is an empty span there).
        // A tag, comment or doctype the input ends inside is reported where it opens
        // (`<!--`, `<img`): the end of the file says nothing about where to look.
        if matches!(code, "eof-in-tag" | "eof-in-comment" | "eof-in-doctype")
            && self.tag_start < end
        {
            let open = self.tag_start
                ..self
                    .scan_until(self.tag_start + 1, b"\t\n\x0c\r />")
                    .min(end);
            self.found
                .error(HtmlErrorKind::Tokenizer, open, Cow::Borrowed(code));
            return;
        }
        let start = if code.starts_with("eof-") {
            end
        } else {
            self.text[..floor_boundary(self.text, end)]
                .char_indices()
                .next_back()
                .map_or(end, |(i, _)| i)
        };
        self.found
            .error(HtmlErrorKind::Tokenizer, start..end, Cow::Borrowed(code));
    }

    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }

    fn emit_string(&mut self, s: &[u8]) {
        if self.chars.is_empty() {
            let start = self.pos.saturating_sub(s.len());
            self.chars_span = Some(start..self.pos);
        } else if let Some(span) = &mut self.chars_span {
            span.end = self.pos;
        }
        self.chars.extend_from_slice(s);
    }

    fn init_start_tag(&mut self) {
        self.init_tag(TagType::Start);
    }

    fn init_end_tag(&mut self) {
        self.init_tag(TagType::End);
    }

    fn init_comment(&mut self) {
        self.comment.clear();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.finish_attr();
        self.flush_chars();
        match self.tag_type.take() {
            Some(TagType::Start) => self.emit_start_tag(),
            Some(TagType::End) => {
                self.emit_end_tag();
                None
            }
            None => None,
        }
    }

    fn emit_current_comment(&mut self) {
        self.flush_chars();
        let span = self.tag_start..self.pos;
        self.found.comments.push(span.clone());
        let token = TreeToken::CommentToken(tendril(&self.comment));
        let _ = self.process(token, span, Processing::Other);
        self.comment.clear();
    }

    fn emit_current_doctype(&mut self) {
        self.flush_chars();
        let span = self.tag_start..self.pos;
        let d = std::mem::take(&mut self.doctype);
        let token = TreeToken::DoctypeToken(Doctype {
            name: Some(d.name).filter(|n| !n.is_empty()).map(|n| tendril(&n)),
            public_id: d.public_id.map(|v| tendril(&v)),
            system_id: d.system_id.map(|v| tendril(&v)),
            force_quirks: d.force_quirks,
        });
        let _ = self.process(token, span, Processing::Other);
    }

    fn set_self_closing(&mut self) {
        if self.tag_type == Some(TagType::End) {
            self.emit_error(html5gum::Error::EndTagWithTrailingSolidus);
        } else {
            self.self_closing = true;
        }
    }

    fn set_force_quirks(&mut self) {
        self.doctype.force_quirks = true;
    }

    fn push_tag_name(&mut self, s: &[u8]) {
        self.tag_name.extend_from_slice(s);
    }

    fn push_comment(&mut self, s: &[u8]) {
        self.comment.extend_from_slice(s);
    }

    fn push_doctype_name(&mut self, s: &[u8]) {
        self.doctype.name.extend_from_slice(s);
    }

    fn init_doctype(&mut self) {
        self.doctype = DoctypeBuf::default();
    }

    fn init_attribute(&mut self) {
        self.finish_attr();
        if self.tag_type == Some(TagType::End) {
            self.emit_error(html5gum::Error::EndTagWithAttributes);
        }
        // The tokenizer has consumed the attribute's first byte already.
        self.attr = Some(PendingAttr {
            name: Vec::new(),
            value: Vec::new(),
            name_start: self.pos.saturating_sub(1),
            value_start: None,
        });
    }

    fn init_attribute_value(&mut self) {
        if let Some(attr) = &mut self.attr {
            attr.value_start = Some(self.pos);
        }
        // The next read is the double-quoted value's first: see `PausingReader`.
        let double_quoted = self
            .pos
            .checked_sub(1)
            .and_then(|i| self.text.as_bytes().get(i))
            == Some(&b'"');
        if double_quoted && self.attr_spans.len() % 8 == 7 {
            self.pause.set(true);
        }
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        if let Some(attr) = &mut self.attr {
            attr.name.extend_from_slice(s);
        }
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if let Some(attr) = &mut self.attr {
            attr.value.extend_from_slice(s);
        }
    }

    fn set_doctype_public_identifier(&mut self, value: &[u8]) {
        self.doctype.public_id = Some(value.to_vec());
    }

    fn set_doctype_system_identifier(&mut self, value: &[u8]) {
        self.doctype.system_id = Some(value.to_vec());
    }

    fn push_doctype_public_identifier(&mut self, s: &[u8]) {
        self.doctype
            .public_id
            .get_or_insert_with(Vec::new)
            .extend_from_slice(s);
    }

    fn push_doctype_system_identifier(&mut self, s: &[u8]) {
        self.doctype
            .system_id
            .get_or_insert_with(Vec::new)
            .extend_from_slice(s);
    }

    fn start_open_tag(&mut self) {
        self.tag_start = self.pos.saturating_sub(1);
    }

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.tag_type == Some(TagType::End)
            && !self.last_start_tag.is_empty()
            && self.last_start_tag == self.tag_name
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{elements, only, parse, text_of};
    use super::super::HtmlErrorKind;

    #[test]
    fn foreign_content() {
        let text = "<svg viewBox='0 0 1 1'><foreignObject><div>x</div></foreignObject><![CDATA[<b>]]></svg>";
        let f = parse(text);
        let (_, svg) = only(&f, "svg");
        assert_eq!(
            text_of(text, &svg.attr_value_span("viewbox").unwrap()),
            "0 0 1 1"
        );
        assert!(svg.end_tag.is_some());
        let (_, fo) = only(&f, "foreignObject");
        assert_eq!(
            text_of(text, fo.end_tag.as_ref().unwrap()),
            "</foreignObject>"
        );
        assert!(elements(&f, "b").is_empty(), "CDATA is text in SVG");
        assert_eq!(elements(&f, "div").len(), 1);
    }

    #[test]
    fn tokenizer_and_tree_builder_errors_are_placed() {
        let text = r#"<img src="a"alt="b"></div>"#;
        let f = parse(text);
        let ws = f
            .errors
            .iter()
            .find(|e| e.message == "missing-whitespace-between-attributes")
            .unwrap();
        let alt = text.find("alt").unwrap();
        assert_eq!(ws.span, alt..alt + 1);
        let stray = f
            .errors
            .iter()
            .find(|e| e.kind == HtmlErrorKind::TreeBuilder)
            .unwrap();
        assert_eq!(text_of(text, &stray.span), "</div>");
        let f = parse("<a></a x=1>");
        assert!(f
            .errors
            .iter()
            .any(|e| e.message == "end-tag-with-attributes"));
    }

    #[test]
    fn a_tag_cut_off_by_the_end_makes_no_element() {
        let f = parse(r#"<p>a</p><img src="x"#);
        assert!(elements(&f, "img").is_empty());
        assert!(f.errors.iter().any(|e| e.message == "eof-in-tag"));
    }
}
