//! The body layer the HTML and image rules query: elements, attributes, Markdown images and links,
//! all with exact byte spans into the whole file (front matter included), through `Document`.

use std::ops::Range;

use postlint::internals::document::{Body, BodySyntax, Document, HtmlErrorKind, LinkStyle};
use postlint::source::SourceFile;
use proptest::prelude::*;
use scraper::Selector;

fn doc(name: &str, text: &str) -> Document {
    Document::parse(SourceFile::new(name, text), Default::default())
}

fn at<'t>(text: &'t str, span: &Range<usize>) -> &'t str {
    &text[span.clone()]
}

const POST: &str = r#"---
title: 标题：测试
---
中文段落 <span class="x" title='a&amp;b'>内联</span> 文本。

> <div onclick="alert(1)">
>   <img src="q.png">
> </div>

- <a href=javascript:void(0) hidden>item</a>

```html
<script>fenced()</script>
```

    <iframe src=indented></iframe>

`<script>inline()</script>` and ![图片](<my pic.png> "t") and ![][ref]

> ```
> <script>quoted()</script>
> ```

{% codeblock %}
<script>hexo()</script>
{% endcodeblock %}

{{< highlight html >}}
<iframe src=hugo></iframe>
{{< /highlight >}}

<iframe src="https://www.youtube.com/embed/x">

[ref]: /img/r.png
"#;

#[test]
fn spans_point_into_the_whole_file() {
    let d = doc("source/_posts/p.md", POST);
    let body = d.markup();
    assert_eq!(body.syntax, BodySyntax::Markdown);

    let span = body
        .elements()
        .find(|e| e.name() == "span")
        .expect("inline <span>");
    let s = span.spans.unwrap();
    assert_eq!(at(POST, &s.tag), "<span class=\"x\" title='a&amp;b'>");
    assert_eq!(at(POST, s.end_tag.as_ref().unwrap()), "</span>");
    assert_eq!(span.attr("title"), Some("a&b"));
    assert_eq!(at(POST, &span.attr_value_span("title").unwrap()), "a&amp;b");

    let div = body.elements().find(|e| e.name() == "div").unwrap();
    assert_eq!(
        at(POST, &div.attr_value_span("onclick").unwrap()),
        "alert(1)"
    );
    assert_eq!(
        at(POST, &div.tag_span().unwrap()),
        "<div onclick=\"alert(1)\">"
    );
    assert_eq!(
        at(POST, div.spans.unwrap().end_tag.as_ref().unwrap()),
        "</div>"
    );
    let img = body.elements().find(|e| e.name() == "img").unwrap();
    assert_eq!(at(POST, &img.attr_value_span("src").unwrap()), "q.png");

    let a = body.elements().find(|e| e.name() == "a").unwrap();
    assert_eq!(
        at(POST, &a.attr_value_span("href").unwrap()),
        "javascript:void(0)"
    );
    assert_eq!(a.attr_spans("hidden").unwrap().value_span, None);
    assert_eq!(at(POST, &a.attr_spans("hidden").unwrap().span), "hidden");
}

#[test]
fn code_never_yields_elements() {
    let d = doc("p.md", POST);
    let body = d.markup();
    let scripts: Vec<_> = body.elements().filter(|e| e.name() == "script").collect();
    assert!(
        scripts.is_empty(),
        "{:?}",
        scripts.iter().map(|e| e.tag_span()).collect::<Vec<_>>()
    );
    let iframes: Vec<_> = body.elements().filter(|e| e.name() == "iframe").collect();
    assert_eq!(iframes.len(), 1, "only the real iframe");
    assert_eq!(
        iframes[0].attr("src"),
        Some("https://www.youtube.com/embed/x")
    );
    assert_eq!(body.masked.len(), 2);
}

#[test]
fn an_unclosed_iframe_is_detected() {
    let d = doc("p.md", POST);
    let body = d.markup();
    let iframe = body.elements().find(|e| e.name() == "iframe").unwrap();
    assert!(iframe.spans.unwrap().end_tag.is_none());
    let error = body
        .html_errors()
        .find(|e| e.kind == HtmlErrorKind::UnclosedRawText)
        .unwrap();
    assert_eq!(
        at(POST, &error.span),
        "<iframe src=\"https://www.youtube.com/embed/x\">"
    );
}

#[test]
fn markdown_images_and_links() {
    let d = doc("p.md", POST);
    let body = d.markup();
    let images = &body.markdown_images;
    assert_eq!(images.len(), 2);
    assert_eq!(at(POST, &images[0].span), "![图片](<my pic.png> \"t\")");
    assert_eq!(images[0].url, "my pic.png");
    assert_eq!(at(POST, &images[0].url_span), "my pic.png");
    assert_eq!(at(POST, &images[0].alt_span), "图片");
    assert!(!images[0].alt_empty);
    assert_eq!(images[1].style, LinkStyle::Reference);
    assert!(images[1].alt_empty);
    assert_eq!(at(POST, &images[1].url_span), "/img/r.png");
    assert_eq!(
        at(POST, images[1].definition.as_ref().unwrap()),
        "[ref]: /img/r.png"
    );
    // The front matter is not Markdown.
    assert!(body.markdown_links.is_empty());
}

#[test]
fn implied_elements_have_no_spans() {
    let d = doc("p.html", "<table><tr><td>x</td></tr></table>");
    let body = d.markup();
    assert_eq!(body.syntax, BodySyntax::Html);
    let names: Vec<_> = body
        .elements()
        .map(|e| (e.name(), e.spans.is_some()))
        .collect();
    assert_eq!(
        names,
        [
            ("html", false),
            ("table", true),
            ("tbody", false),
            ("tr", true),
            ("td", true)
        ]
    );
}

#[test]
fn html_posts_are_one_fragment_after_the_front_matter() {
    let text = "---\r\ntitle: x\r\n---\r\n<p>a</p>\r\n\r\n<p onclick=\"b\">c</p>\r\n";
    let d = doc("page.html", text);
    let body = d.markup();
    assert_eq!(body.fragments.len(), 1);
    assert_eq!(body.fragments[0].range, d.body());
    let p = body.elements().filter(|e| e.name() == "p").nth(1).unwrap();
    assert_eq!(at(text, &p.attr_value_span("onclick").unwrap()), "b");
}

#[test]
fn select_across_fragments() {
    let text =
        "<p><img src=a.png></p>\n\nText <img src=b.png alt=\"B\"> more.\n\n<img src=c.png alt>\n";
    let d = doc("p.md", text);
    let body = d.markup();
    assert_eq!(body.fragments.len(), 3);
    let selector = Selector::parse("img[src]").unwrap();
    let srcs: Vec<_> = body
        .select(&selector)
        .map(|e| e.attr("src").unwrap())
        .collect();
    assert_eq!(srcs, ["a.png", "b.png", "c.png"]);
    let b = body.select(&selector).nth(1).unwrap().element;
    assert_eq!(at(text, &body.attr_value_span(b, "alt").unwrap()), "B");
    assert_eq!(
        at(text, &body.spans_of(b).unwrap().tag),
        "<img src=b.png alt=\"B\">"
    );
}

/// The rule the report shows: `<img>` without `alt`, pointing at the tag.
#[test]
fn example_rule_img_without_alt() {
    let text = "---\ntitle: t\n---\n<img src=a.png>\n\n<img src=b.png alt=\"\">\n\n<p><IMG SRC=c.png></p>\n";
    let d = doc("p.md", text);
    let found: Vec<&str> = d
        .markup()
        .written_elements()
        .filter(|(e, _)| e.name() == "img" && e.attr("alt").is_none())
        .map(|(_, spans)| at(text, &spans.tag))
        .collect();
    assert_eq!(found, ["<img src=a.png>", "<IMG SRC=c.png>"]);
}

#[test]
fn deep_markdown_nesting_on_a_small_stack() {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            let text = format!("{}\n\n{}", "<div>".repeat(100_000), "> ".repeat(10_000));
            let d = doc("p.md", &text);
            assert_eq!(d.markup().written_elements().count(), 100_000);
        })
        .unwrap()
        .join()
        .unwrap();
}

// ---------------------------------------------------------------------------------------------

const PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "div",
    "img",
    "p",
    "b",
    "i",
    "a",
    "span",
    "table",
    "tr",
    "td",
    "svg",
    "script",
    "iframe",
    "textarea",
    "title",
    "style",
    "noscript",
    "plaintext",
    "template",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "=",
    "\"",
    "'",
    "src",
    "alt",
    "onclick",
    "&amp;",
    "&",
    "&#",
    "&lt",
    "x",
    "中文",
    "é",
    "🙂",
    "\0",
    "<!--",
    "-->",
    "<!DOCTYPE html>",
    "<![CDATA[",
    "]]>",
    "> ",
    "- ",
    "1. ",
    "# ",
    "```",
    "~~~",
    "`",
    "    ",
    "|",
    "---",
    "![",
    "](",
    ")",
    "[",
    "]",
    "]: ",
    "*",
    "_",
    "\\",
    "{% raw %}",
    "{% endraw %}",
    "{% codeblock %}",
    "{% endcodeblock %}",
    "{{< highlight go >}}",
    "{{< /highlight >}}",
    "{{% code %}}",
    "<http://x>",
    "javascript:",
];

fn post() -> impl Strategy<Value = String> {
    (
        prop::bool::ANY,
        prop::collection::vec(prop::sample::select(PIECES), 0..60),
    )
        .prop_map(|(front, pieces)| {
            let mut s = if front {
                String::from("---\ntitle: 你好\n---\n")
            } else {
                String::new()
            };
            s.extend(pieces);
            s
        })
}

fn check_span(text: &str, span: &Range<usize>, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end, "{what} {span:?} is reversed");
    prop_assert!(
        span.end <= text.len(),
        "{what} {span:?} is outside the file"
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
    Ok(())
}

fn check_body(text: &str, body: &Body, html_file: bool) -> Result<(), TestCaseError> {
    for f in &body.fragments {
        check_span(text, &f.range, "fragment")?;
    }
    for (e, s) in body.written_elements() {
        check_span(text, &s.tag, "tag")?;
        check_span(text, &s.name, "name")?;
        prop_assert!(
            text[s.tag.clone()].starts_with('<'),
            "tag {:?}",
            &text[s.tag.clone()]
        );
        if html_file {
            prop_assert!(text[s.tag.clone()].ends_with('>'));
            let written = text[s.name.clone()].to_ascii_lowercase();
            // NUL in a name becomes U+FFFD in the DOM; `<image>` makes an `img`.
            prop_assert!(
                written == e.name().to_ascii_lowercase()
                    || written.contains('\0')
                    || (written == "image" && e.name() == "img"),
                "name {written:?} for <{}>",
                e.name()
            );
        }
        if let Some(end) = &s.end_tag {
            check_span(text, end, "end tag")?;
            prop_assert!(text[end.clone()].starts_with("</"));
        }
        for a in &s.attrs {
            check_span(text, &a.name_span, "attribute name")?;
            check_span(text, &a.span, "attribute")?;
            if let Some(v) = &a.value_span {
                check_span(text, v, "attribute value")?;
                prop_assert!(a.span.start <= v.start && v.end <= a.span.end);
                let raw = &text[v.clone()];
                if html_file && !a.duplicate && !raw.contains(['&', '\0', '\r']) {
                    prop_assert_eq!(e.attr(&a.name), Some(raw));
                }
            }
        }
    }
    for e in body.html_errors() {
        check_span(text, &e.span, "error")?;
    }
    for i in &body.markdown_images {
        for (span, what) in [
            (&i.span, "image"),
            (&i.url_span, "url"),
            (&i.alt_span, "alt"),
        ] {
            check_span(text, span, what)?;
        }
    }
    for l in &body.markdown_links {
        for (span, what) in [
            (&l.span, "link"),
            (&l.url_span, "url"),
            (&l.text_span, "text"),
        ] {
            check_span(text, span, what)?;
        }
    }
    for m in &body.masked {
        check_span(text, m, "masked")?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn markdown_bodies_never_panic_and_spans_are_sound(text in post()) {
        let d = doc("p.md", &text);
        check_body(&text, d.markup(), false)?;
    }

    #[test]
    fn html_bodies_never_panic_and_spans_are_sound(text in post()) {
        let d = doc("p.html", &text);
        check_body(&text, d.markup(), true)?;
    }
}

/// The DOM html5ever's own tokenizer and tree builder make, with scripting disabled as ours.
fn reference_dom(text: &str) -> String {
    use html5ever::tendril::TendrilSink;
    use html5ever::{local_name, ns, QualName};
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    html5ever::driver::parse_fragment(
        scraper::HtmlTreeSink::new(scraper::Html::new_fragment()),
        opts,
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
        false,
    )
    .one(text)
    .html()
}

fn our_dom(text: &str) -> String {
    use postlint::internals::document::html::{parse_fragment, FragmentKind};
    use postlint::internals::document::offsets::OffsetMap;
    parse_fragment(
        text,
        OffsetMap::contiguous(0, text.len()),
        FragmentKind::Document,
    )
    .html
    .html()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// html5gum's tokens fed to the tree builder build the same tree as html5ever alone.
    #[test]
    fn the_dom_is_html5evers(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..60)) {
        let text: String = pieces.concat();
        prop_assert_eq!(our_dom(&text), reference_dom(&text), "{:?}", text);
    }
}
