//! Script URLs in the attributes a browser loads or follows, per element and namespace, and in
//! SVG animations that set a link's target.

use std::path::Path;

use postlint::{lint_source, CliOverrides, Settings};

/// The HT006 findings of a Markdown post with `body`, as (value text, message).
fn ht006(body: &str) -> Vec<(String, String)> {
    let settings = Settings::resolve(None, &CliOverrides::default(), Path::new("."))
        .expect("default settings");
    let text = format!("---\ntitle: 测试\n---\n中文。\n\n{body}\n");
    lint_source("source/_posts/p.md", &text, &settings)
        .diagnostics
        .into_iter()
        .filter(|d| d.code == "HT006")
        .map(|d| (text[d.primary.span.clone()].to_owned(), d.message))
        .collect()
}

fn values(body: &str) -> Vec<String> {
    ht006(body).into_iter().map(|(v, _)| v).collect()
}

#[test]
fn legacy_and_form_url_attributes_are_read() {
    let body = r#"<table background="javascript:a()"><tr><td>x</td></tr></table>
<img lowsrc="javascript:b()" dynsrc="vbscript:c" src="a.png">
<video poster="javascript:d()"></video>
<form action="javascript:e()"><button formaction=" JavaScript:f()">go</button></form>
<object data="javascript:g()" codebase="javascript:h()"></object>
<a folder="javascript:i()">x</a>"#;
    assert_eq!(
        values(body),
        [
            "javascript:a()",
            "javascript:b()",
            "vbscript:c",
            "javascript:d()",
            "javascript:e()",
            " JavaScript:f()",
            "javascript:g()",
            "javascript:h()",
            "javascript:i()",
        ]
    );
}

#[test]
fn livescript_and_mocha_are_script_schemes() {
    assert_eq!(
        values(r#"<a href="livescript:x">a</a> <a href="MOCHA:y">b</a>"#),
        ["livescript:x", "MOCHA:y"]
    );
}

#[test]
fn entities_and_controls_are_decoded_before_the_scheme_is_judged() {
    let found = ht006(r#"<a href="&#x6A;ava&Tab;script&colon;x()">a</a>"#);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "&#x6A;ava&Tab;script&colon;x()");
    assert!(found[0].1.contains("`javascript:` URL in `href` of `<a>`"));
}

#[test]
fn data_urls_are_fine_only_where_they_are_media() {
    assert!(values(r#"<video poster="data:image/png;base64,AA"></video>"#).is_empty());
    assert!(values(r#"<svg><image href="data:image/png;base64,AA"/></svg>"#).is_empty());
    assert_eq!(
        values(r#"<object data="data:text/html,x"></object>"#),
        ["data:text/html,x"]
    );
    // `data` is no URL on other elements.
    assert!(values(r#"<div data="javascript:x">x</div>"#).is_empty());
}

#[test]
fn svg_and_mathml_links_in_both_spellings() {
    assert_eq!(
        values(
            r#"<svg><a xlink:href="javascript:a()"><text>x</text></a><use href="javascript:b()"/></svg>"#
        ),
        ["javascript:a()", "javascript:b()"]
    );
    assert_eq!(
        values(r#"<math><mi href="javascript:c()">x</mi></math>"#),
        ["javascript:c()"]
    );
}

#[test]
fn svg_animations_that_set_a_link_are_judged_by_their_values() {
    let found = ht006(
        r#"<svg><a><set attributeName="href" to="javascript:a()"/><text>x</text></a>
<a><animate attributeName="xlink:href" values="/ok;javascript:b()"/></a>
<a><animate attributeName="href" from="javascript:c()" by="/x"/></a>
<a><animate attributeName="href" to="/fine"/></a>
<rect><set attributeName="onclick" to="d()"/></rect></svg>"#,
    );
    let got: Vec<&str> = found.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(
        got,
        ["javascript:a()", "javascript:b()", "javascript:c()", "d()"]
    );
    assert!(found[0]
        .1
        .contains("`<set>` sets `href` to a `javascript:` URL through `to`"));
    assert!(found[3].1.contains("animates the event handler `onclick`"));
}

#[test]
fn the_span_is_the_value_in_the_whole_file_with_chinese_before_it() {
    let settings = Settings::resolve(None, &CliOverrides::default(), Path::new(".")).unwrap();
    let text = "---\ntitle: 标题\n---\n中文段落。\n\n<video poster=\"javascript:x\"></video>\n";
    let report = lint_source("source/_posts/p.md", text, &settings);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "HT006")
        .unwrap();
    let start = text.find("javascript:x").unwrap();
    assert_eq!(d.primary.span, start..start + "javascript:x".len());
}
