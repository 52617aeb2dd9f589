//! `<noscript>` read both ways. Readers' browsers parse with scripting on: the content of a
//! `<noscript>` is then text up to the first `</noscript>`, even one inside an attribute, and
//! what follows it is live markup. With scripting off the content is markup. Both are checked.

mod common;
use common::lint_post;

#[test]
fn a_tag_hidden_in_an_attribute_with_scripting_off_is_live_with_it_on() {
    let text = "---\ntitle: 图片\n---\n懒加载的图片：\n\n<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>\n";
    let found = lint_post("source/_posts/a.md", text, &["HT005"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "onerror=alert(1)");
    assert_eq!((found[0].line, found[0].col), (6, 43));
    assert!(
        found[0].message.contains("with scripting on"),
        "{}",
        found[0].message
    );
}

#[test]
fn the_same_in_an_html_body() {
    let text = "---\ntitle: 页面\n---\n<noscript><style title=\"</noscript><svg onload=x()>\"></style></noscript>\n";
    let found = lint_post("source/_posts/a.html", text, &["HT005"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "onload=x()");
    assert_eq!((found[0].line, found[0].col), (4, 41));
}

#[test]
fn markup_inside_noscript_is_still_checked_as_written() {
    // With scripting off the `<img>` is an element; its handler counts once, not once per reading.
    let text = "---\ntitle: 图\n---\n<noscript><img src=\"/a.png\" alt=\"图\" onload=\"a()\"></noscript>\n";
    let found = lint_post("source/_posts/a.md", text, &["HT005"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "onload=\"a()\"");
    assert!(!found[0].message.contains("scripting on"));
}

#[test]
fn an_ordinary_noscript_fallback_gives_nothing() {
    let text = "---\ntitle: 图\n---\n<img class=\"lazy\" data-src=\"/a.png\" alt=\"图\">\n<noscript><img src=\"/a.png\" alt=\"图\"></noscript>\n";
    let found = lint_post("source/_posts/a.md", text, &[]);
    assert!(found.iter().all(|f| !f.code.starts_with("HT")), "{found:?}");
}
