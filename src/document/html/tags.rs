//! Start and end tags: the element each one made or closed, and its spans.

use std::borrow::Cow;
use std::ops::Range;

use ego_tree::NodeId;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{Tag, TagKind, Token as TreeToken, TokenSink, TokenSinkResult};
use html5ever::LocalName;
use html5gum::State;

use super::emitter::{utf8, SpanEmitter, TagType};
use super::names::{intern, OVERFLOW_NAME};
use super::open_elements::lower_name;
use super::sink::Processing;
use super::{ElementSpans, HtmlErrorKind};

impl SpanEmitter<'_> {
    /// Start reading a start or end tag.
    pub(super) fn init_tag(&mut self, kind: TagType) {
        self.tag_type = Some(kind);
        self.tag_name.clear();
        self.self_closing = false;
        self.dom_attrs.clear();
        self.attr_spans.clear();
        self.attr_names.clear();
        self.attr = None;
    }

    /// The current tag's name as an atom ([`OVERFLOW_NAME`] past the name budget).
    fn tag_name_atom(&mut self, span: &Range<usize>) -> LocalName {
        intern(
            &mut self.dynamic_names,
            self.found,
            &utf8(&self.tag_name),
            span,
        )
        .unwrap_or_else(|| LocalName::from(OVERFLOW_NAME))
    }

    pub(super) fn emit_start_tag(&mut self) -> Option<State> {
        let tag_span = self.tag_start..self.pos;
        let name_end = self.scan_until(self.tag_start + 1, b"\t\n\x0c\r />");
        let name_span = (self.tag_start + 1).min(name_end)..name_end;
        let name = self.tag_name_atom(&name_span);
        let dom_attrs = std::mem::take(&mut self.dom_attrs);
        let attr_spans = std::mem::take(&mut self.attr_spans);
        self.attr_names.clear();
        let had_duplicates = attr_spans.iter().any(|a| a.duplicate);
        self.last_start_tag.clone_from(&self.tag_name);
        let token = TreeToken::TagToken(Tag {
            kind: TagKind::StartTag,
            name: name.clone(),
            self_closing: self.self_closing,
            attrs: dom_attrs,
            had_duplicate_attributes: had_duplicates,
        });
        let result = self.process(
            token,
            tag_span.clone(),
            Processing::StartTag {
                self_closing: self.self_closing,
            },
        );
        // The element this tag made is the last one created with its name: anything created
        // before it (an implied `tbody`, reconstructed formatting elements) is not in the file.
        // In HTML content the tree builder renames `<image>` to `img`; inside `<svg>` it stays.
        let renamed = if &*name == "image" { "img" } else { &*name };
        let (created, added_to) = {
            let log = self.sink().log.borrow();
            let created = log.created.iter().rev().copied().find(|id| {
                self.sink().element_name(*id).is_some_and(|(_, n)| {
                    str::eq_ignore_ascii_case(&n, &name) || str::eq_ignore_ascii_case(&n, renamed)
                })
            });
            (created, log.attrs_added_to)
        };
        let element = created.or_else(|| added_to.filter(|id| !self.found.spans.contains_key(id)));
        let next_state = match result {
            TokenSinkResult::RawData(RawKind::Rcdata) => Some(State::RcData),
            TokenSinkResult::RawData(RawKind::Rawtext) => Some(State::RawText),
            TokenSinkResult::RawData(RawKind::ScriptData) => Some(State::ScriptData),
            TokenSinkResult::RawData(RawKind::ScriptDataEscaped(_)) => Some(State::ScriptData),
            TokenSinkResult::Plaintext => Some(State::PlainText),
            _ => None,
        };
        if element.is_none() && &*name == "body" {
            self.found.dropped_body.push(ElementSpans {
                tag: tag_span.clone(),
                name: name_span.clone(),
                attrs: attr_spans.clone(),
                end_tag: None,
            });
        }
        if let Some(id) = element {
            self.found.spans.insert(
                id,
                ElementSpans {
                    tag: tag_span.clone(),
                    name: name_span,
                    attrs: attr_spans,
                    end_tag: None,
                },
            );
            if next_state.is_some() {
                self.raw_open = Some((id, tag_span.clone(), name.clone()));
            } else {
                self.flatten_if_too_deep(id, &name, tag_span);
            }
        }
        next_state
    }

    /// Close an element at once when it is nested too deep, so the stack of open elements (and
    /// the tree builder's walks over it) stays bounded; its real end tag is then swallowed.
    fn flatten_if_too_deep(&mut self, id: NodeId, name: &LocalName, tag_span: Range<usize>) {
        let too_deep = {
            let open = self.sink().open.borrow();
            let depth = open.depth.get(&id).copied().unwrap_or(0) as usize;
            // The fragment's `html` root is on the stack too: the limit counts written elements.
            open.position.contains_key(&id)
                && depth.max(open.len()) > self.max_depth.saturating_add(1)
        };
        if !too_deep {
            return;
        }
        if !self.reported_too_deep {
            self.reported_too_deep = true;
            self.found.error(
                HtmlErrorKind::TooDeep,
                tag_span,
                Cow::Owned(format!(
                    "elements are nested more than {} levels deep ([limits] max-html-depth); deeper ones are read as siblings",
                    self.max_depth
                )),
            );
        }
        let token = TreeToken::TagToken(Tag {
            kind: TagKind::EndTag,
            name: name.clone(),
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        });
        self.sink().processing.set(Processing::EndTag);
        let _ = self.builder.process_token(token, 1);
        self.sink().processing.set(Processing::Other);
        self.sink().log.borrow_mut().errors.clear();
        self.sink().log.borrow_mut().created.clear();
        let mut open = self.sink().open.borrow_mut();
        if let Some(&at) = open.position.get(&id) {
            open.truncate(at);
        }
        drop(open);
        self.flattened.push((id, lower_name(name)));
    }

    pub(super) fn emit_end_tag(&mut self) {
        let tag_span = self.tag_start..self.pos;
        let name = self.tag_name_atom(&tag_span);
        self.dom_attrs.clear();
        self.attr_spans.clear();
        self.attr_names.clear();

        if let Some((id, ..)) = self.raw_open.take() {
            // In raw text the tokenizer only emits the end tag that closes the element.
            self.set_end_tag(id, tag_span.clone());
            let mut open = self.sink().open.borrow_mut();
            if let Some(&at) = open.position.get(&id) {
                open.truncate(at);
            }
        } else if self.flattened.last().is_some_and(|(_, n)| *n == name) {
            if let Some((id, _)) = self.flattened.pop() {
                self.set_end_tag(id, tag_span);
            }
            return;
        } else {
            let closed = self.sink().open.borrow_mut().close_named(&name);
            if let Some(id) = closed {
                self.set_end_tag(id, tag_span.clone());
            }
        }
        let token = TreeToken::TagToken(Tag {
            kind: TagKind::EndTag,
            name,
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate_attributes: false,
        });
        let _ = self.process(token, tag_span, Processing::EndTag);
    }

    fn set_end_tag(&mut self, id: NodeId, span: Range<usize>) {
        if let Some(spans) = self.found.spans.get_mut(&id) {
            if spans.end_tag.is_none() {
                spans.end_tag = Some(span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{elements, on_small_stack, only, parse, text_of};
    use super::super::HtmlErrorKind;

    #[test]
    fn implied_elements_have_no_spans() {
        let text = "<table><tr><td>1</td></tr></table>";
        let f = parse(text);
        assert!(elements(&f, "html")[0].1.is_none());
        assert!(elements(&f, "tbody")[0].1.is_none());
        let (_, tr) = only(&f, "tr");
        assert_eq!(text_of(text, &tr.tag), "<tr>");
        assert_eq!(
            tr.end_tag.as_ref().map(|e| text_of(text, e)).as_deref(),
            Some("</tr>")
        );
        let (_, td) = only(&f, "td");
        assert_eq!(td.tag, 11..15);
    }

    #[test]
    fn reconstructed_formatting_elements_have_no_spans() {
        let text = "<p><b>x<p>y</b>";
        let f = parse(text);
        let bs = elements(&f, "b");
        assert_eq!(bs.len(), 2);
        assert_eq!(bs[0].1.map(|s| s.tag.clone()), Some(3..6));
        assert!(
            bs[1].1.is_none(),
            "the second <b> is the tree builder's copy"
        );
    }

    #[test]
    fn raw_text_elements_read_their_content_as_text() {
        for name in [
            "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
        ] {
            let text = format!("<{name} a=1><img src=x></{name}><hr>");
            let f = parse(&text);
            let (el, s) = only(&f, name);
            assert!(
                elements(&f, "img").is_empty(),
                "<{name}> content is not markup"
            );
            assert_eq!(el.text().collect::<String>(), "<img src=x>");
            let end = s
                .end_tag
                .clone()
                .unwrap_or_else(|| panic!("</{name}> found"));
            assert_eq!(&text[end], format!("</{name}>"));
            assert_eq!(only(&f, "hr").1.tag.end, text.len());
            assert!(f
                .errors
                .iter()
                .all(|e| e.kind != HtmlErrorKind::UnclosedRawText));
        }
    }

    #[test]
    fn an_unclosed_raw_text_element_swallows_the_rest_and_is_reported() {
        for name in ["iframe", "textarea", "title", "style", "script", "xmp"] {
            let text = format!("<p>a</p><{name} src=\"v\">\n<p>b</p><img src=x onerror=y()>");
            let f = parse(&text);
            let (_, s) = only(&f, name);
            assert!(s.end_tag.is_none());
            assert_eq!(elements(&f, "p").len(), 1, "<{name}> swallowed the rest");
            assert!(elements(&f, "img").is_empty());
            let error = f
                .errors
                .iter()
                .find(|e| e.kind == HtmlErrorKind::UnclosedRawText)
                .unwrap_or_else(|| panic!("unclosed <{name}> reported"));
            assert_eq!(error.span, s.tag);
        }
        let f = parse("<plaintext><b>");
        assert!(elements(&f, "b").is_empty());
        assert!(f
            .errors
            .iter()
            .any(|e| e.kind == HtmlErrorKind::UnclosedRawText));
    }

    #[test]
    fn image_becomes_img_and_keeps_its_span() {
        let text = "<image src=a>";
        let f = parse(text);
        let (_, s) = only(&f, "img");
        assert_eq!(s.tag, 0..text.len());
    }

    #[test]
    fn image_in_svg_stays_image_and_keeps_its_span() {
        let text = r#"<svg><image href="a.png" onerror="x()"/></svg>"#;
        let f = parse(text);
        let (_, s) = only(&f, "image");
        assert_eq!(text_of(text, &s.attr_value_span("onerror").unwrap()), "x()");
    }

    #[test]
    fn a_dropped_body_tag_keeps_its_attribute_spans() {
        let text = "<p>x</p><body onload=\"a()\">";
        let f = parse(text);
        assert!(elements(&f, "body").is_empty());
        let [body] = &f.dropped_body[..] else {
            panic!("one dropped <body>: {:?}", f.dropped_body)
        };
        assert_eq!(
            text_of(text, &body.attr_value_span("onload").unwrap()),
            "a()"
        );
    }

    #[test]
    fn attributes_of_a_stray_html_tag_land_on_the_root_with_spans() {
        let text = "<p>x</p><html onload=\"evil()\">";
        let f = parse(text);
        let (root, s) = elements(&f, "html").into_iter().next().unwrap();
        assert_eq!(root.value().attr("onload"), Some("evil()"));
        let s = s.expect("the written <html> tag owns the attribute");
        assert_eq!(
            text_of(text, &s.attr_value_span("onload").unwrap()),
            "evil()"
        );
    }

    #[test]
    fn deep_nesting_is_flattened_not_quadratic_and_not_recursive() {
        let n = 100_000;
        let (count, spanned, too_deep, paired, last_end) = on_small_stack(move || {
            let text = format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
            let started = std::time::Instant::now();
            let f = parse(&text);
            let took = started.elapsed();
            let divs = elements(&f, "div");
            let paired = divs
                .iter()
                .filter(|(_, s)| s.is_some_and(|s| s.end_tag.is_some()))
                .count();
            let too_deep = f
                .errors
                .iter()
                .filter(|e| e.kind == HtmlErrorKind::TooDeep)
                .count();
            let last_end = divs[0].1.and_then(|s| s.end_tag.clone());
            assert!(took.as_secs() < 60, "took {took:?}");
            let count = divs.len();
            let spanned = divs.iter().filter(|(_, s)| s.is_some()).count();
            drop(f);
            (
                count,
                spanned,
                too_deep,
                paired,
                last_end.map(|e| e.end == text.len()),
            )
        });
        assert_eq!(count, n);
        assert_eq!(spanned, n);
        assert_eq!(paired, n);
        assert_eq!(too_deep, 1);
        assert_eq!(last_end, Some(true));
    }
}
