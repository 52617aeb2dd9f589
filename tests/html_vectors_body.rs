//! A `<body>` (or `<html>`) tag inside a post: the parser drops the tag, but a browser copies its
//! attributes onto the page's own element, so its handlers run and its URLs load.

mod common;
use common::{lint_post, Found};

fn post(body: &str) -> String {
    format!("---\ntitle: 转载\n---\n本文由机器人转载。\n\n{body}\n")
}

fn codes_and_text(found: &[Found]) -> Vec<(&str, &str)> {
    found.iter().map(|f| (f.code, f.text.as_str())).collect()
}

#[test]
fn a_handler_on_a_dropped_body_tag_is_reported_at_the_attribute() {
    let text = post(r#"<body onload="steal(document.cookie)" class="x">"#);
    let found = lint_post("source/_posts/a.md", &text, &["HT005", "HT008"]);
    assert_eq!(
        codes_and_text(&found),
        [
            (
                "HT008",
                r#"<body onload="steal(document.cookie)" class="x">"#
            ),
            ("HT005", r#"onload="steal(document.cookie)""#),
        ]
    );
    assert_eq!((found[1].line, found[1].col), (6, 7));
    assert!(
        found[1]
            .message
            .contains("copies `onload` onto the page's own `<body>`"),
        "{}",
        found[1].message
    );
}

#[test]
fn the_same_in_an_html_body_and_with_other_handlers_and_a_script_url() {
    let text = "---\ntitle: 页面\n---\n<p>正文</p>\n<BODY OnPageShow=\"a()\" background=\"javascript:b()\">\n";
    let found = lint_post("source/_posts/a.html", text, &["HT005", "HT006"]);
    assert_eq!(
        codes_and_text(&found),
        [("HT005", "OnPageShow=\"a()\""), ("HT006", "javascript:b()"),]
    );
    assert_eq!((found[0].line, found[0].col), (5, 7));
    assert!(found[1].message.contains("`background` of a `<body>` tag"));
}

#[test]
fn a_handler_on_a_stray_html_tag_is_reported_too() {
    let text = post(r#"<p>一段</p><html onmouseover="x()">"#);
    let found = lint_post("source/_posts/a.md", &text, &["HT005"]);
    assert_eq!(codes_and_text(&found), [("HT005", r#"onmouseover="x()""#)]);
}

#[test]
fn a_plain_body_tag_has_no_handler_finding() {
    let text = post(r#"<body class="post">"#);
    assert!(lint_post("source/_posts/a.md", &text, &["HT005", "HT006"]).is_empty());
}
