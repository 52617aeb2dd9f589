//! Attributes: their spans read back from the text, and the DOM's copy without duplicates.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, QualName};

use super::emitter::{utf8, SpanEmitter, TagType};
use super::names::intern;
use super::{AttrSpans, HtmlErrorKind};

pub(super) struct PendingAttr {
    pub(super) name: Vec<u8>,
    pub(super) value: Vec<u8>,
    pub(super) name_start: usize,
    pub(super) value_start: Option<usize>,
}

impl SpanEmitter<'_> {
    pub(super) fn finish_attr(&mut self) {
        let Some(attr) = self.attr.take() else {
            return;
        };
        if self.tag_type != Some(TagType::Start) {
            return;
        }
        // The tokenizer already consumed the attribute; its exact extent is read back from the
        // text with the tokenizer's own stop characters (`\r` counts, as it is a line break).
        let name_end = self
            .scan_until(attr.name_start + 1, b"\t\n\x0c\r />=")
            .max(attr.name_start);
        let name_span = attr.name_start..name_end;
        let (value_span, span_end) = match attr.value_start {
            None => (None, name_end),
            Some(start) => {
                let bytes = self.text.as_bytes();
                let quote = start
                    .checked_sub(1)
                    .and_then(|i| bytes.get(i))
                    .copied()
                    .filter(|q| *q == b'"' || *q == b'\'');
                match quote {
                    Some(q) => {
                        let end = self.scan_until(start, &[q]);
                        (Some(start..end), (end + 1).min(bytes.len()))
                    }
                    None => {
                        let end = self.scan_until(start, b"\t\n\x0c\r >");
                        (Some(start..end), end)
                    }
                }
            }
        };
        let Some(local) = intern(
            &mut self.dynamic_names,
            self.found,
            &utf8(&attr.name),
            &name_span,
        ) else {
            self.attr_spans.push(AttrSpans {
                name: utf8(&attr.name).into_owned(),
                name_span: name_span.clone(),
                value_span,
                span: name_span.start..span_end,
                duplicate: false,
            });
            return;
        };
        // Duplicates are rare and tags have few attributes: a linear scan until a tag has many.
        let duplicate = if self.dom_attrs.len() < 8 {
            self.dom_attrs.iter().any(|a| a.name.local == local)
        } else {
            if self.attr_names.is_empty() {
                self.attr_names = self
                    .dom_attrs
                    .iter()
                    .map(|a| a.name.local.clone())
                    .collect();
            }
            !self.attr_names.insert(local.clone())
        };
        if duplicate {
            self.found.error(
                HtmlErrorKind::Tokenizer,
                name_span.clone(),
                Cow::Borrowed("duplicate-attribute"),
            );
        }
        let spans = AttrSpans {
            name: String::from(&*local),
            name_span: name_span.clone(),
            value_span,
            span: name_span.start..span_end,
            duplicate,
        };
        if !duplicate {
            self.dom_attrs.push(Attribute {
                name: QualName::new(None, ns!(), local),
                value: StrTendril::from_slice(&utf8(&attr.value)),
            });
        }
        self.attr_spans.push(spans);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{on_small_stack, only, parse, text_of};

    #[test]
    fn tag_attribute_and_value_spans() {
        let text = r#"<div onclick="go()" id=a'b class='c d' hidden data-x = "y" e="">t</div>"#;
        let f = parse(text);
        let (div, s) = only(&f, "div");
        assert_eq!(text_of(text, &s.tag), &text[..text.find(">t").unwrap() + 1]);
        assert_eq!(text_of(text, &s.name), "div");
        assert_eq!(
            s.end_tag.as_ref().map(|e| text_of(text, e)).as_deref(),
            Some("</div>")
        );
        let attrs: Vec<_> = s
            .attrs
            .iter()
            .map(|a| {
                (
                    a.name.as_str(),
                    text_of(text, &a.name_span),
                    a.value_span.as_ref().map(|v| text_of(text, v)),
                    text_of(text, &a.span),
                )
            })
            .collect();
        let some = |v: &str| Some(v.to_owned());
        assert_eq!(
            attrs,
            [
                (
                    "onclick",
                    "onclick".into(),
                    some("go()"),
                    r#"onclick="go()""#.into()
                ),
                ("id", "id".into(), some("a'b"), "id=a'b".into()),
                ("class", "class".into(), some("c d"), "class='c d'".into()),
                ("hidden", "hidden".into(), None, "hidden".into()),
                (
                    "data-x",
                    "data-x".into(),
                    some("y"),
                    r#"data-x = "y""#.into()
                ),
                ("e", "e".into(), some(""), r#"e="""#.into()),
            ]
        );
        assert_eq!(div.value().attr("id"), Some("a'b"));
        assert_eq!(div.value().attr("hidden"), Some(""));
        assert_eq!(
            s.attr_value_span("CLASS")
                .map(|v| text_of(text, &v))
                .as_deref(),
            Some("c d")
        );
    }

    #[test]
    fn values_are_raw_text_while_the_dom_is_decoded() {
        let text = r#"<a href="?a=1&amp;b=2" title=x&lt;y>l</a>"#;
        let f = parse(text);
        let (a, s) = only(&f, "a");
        assert_eq!(a.value().attr("href"), Some("?a=1&b=2"));
        assert_eq!(
            text_of(text, &s.attr_value_span("href").unwrap()),
            "?a=1&amp;b=2"
        );
        assert_eq!(a.value().attr("title"), Some("x<y"));
        assert_eq!(
            text_of(text, &s.attr_value_span("title").unwrap()),
            "x&lt;y"
        );
    }

    #[test]
    fn upper_case_names_are_lowered_but_spans_show_the_source() {
        let text = "<IMG SRC=x.png ALT='A'>";
        let f = parse(text);
        let (img, s) = only(&f, "img");
        assert_eq!(img.value().attr("src"), Some("x.png"));
        assert_eq!(s.attrs[0].name, "src");
        assert_eq!(text_of(text, &s.attrs[0].name_span), "SRC");
        assert_eq!(text_of(text, &s.name), "IMG");
    }

    #[test]
    fn duplicate_attributes_keep_the_first_in_the_dom_and_all_in_spans() {
        let text = r#"<img src="a.png" SRC="b.png" alt>"#;
        let f = parse(text);
        let (img, s) = only(&f, "img");
        assert_eq!(img.value().attr("src"), Some("a.png"));
        assert_eq!(s.attrs.len(), 3);
        assert!(!s.attrs[0].duplicate && s.attrs[1].duplicate);
        assert_eq!(text_of(text, &s.attr_value_span("src").unwrap()), "a.png");
        assert_eq!(
            text_of(text, s.attrs[1].value_span.as_ref().unwrap()),
            "b.png"
        );
        let dup = f
            .errors
            .iter()
            .find(|e| e.message == "duplicate-attribute")
            .unwrap();
        assert_eq!(text_of(text, &dup.span), "SRC");
    }

    #[test]
    fn crlf_and_multi_byte_text_before_tags() {
        let text = "中文\r\n<img\r\n src=\"图.png\"\r\n alt=说明>\r\n<p title='é'>ü</p>";
        let f = parse(text);
        let (img, s) = only(&f, "img");
        assert_eq!(img.value().attr("src"), Some("图.png"));
        assert_eq!(
            text_of(text, &s.tag),
            "<img\r\n src=\"图.png\"\r\n alt=说明>"
        );
        assert_eq!(text_of(text, &s.attr_value_span("src").unwrap()), "图.png");
        assert_eq!(text_of(text, &s.attr_value_span("alt").unwrap()), "说明");
        let (_, p) = only(&f, "p");
        assert_eq!(text_of(text, &p.attr_value_span("title").unwrap()), "é");
        assert_eq!(text_of(text, p.end_tag.as_ref().unwrap()), "</p>");
    }

    #[test]
    fn many_attributes_stay_linear() {
        let n = 100_000;
        let (attrs, dom_attrs, dups) = on_small_stack(move || {
            let mut text = String::from("<div");
            for i in 0..n {
                text.push_str(&format!(" a{i}=\"{i}\""));
            }
            text.push_str(" a7=again>");
            let f = parse(&text);
            let (div, s) = only(&f, "div");
            let dups = s.attrs.iter().filter(|a| a.duplicate).count();
            (s.attrs.len(), div.value().attrs().count(), dups)
        });
        assert_eq!(attrs, n + 1);
        assert_eq!(dom_attrs, n);
        assert_eq!(dups, 1);
    }
}
