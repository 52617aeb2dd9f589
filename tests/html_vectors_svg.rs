//! SVG and MathML keep their namespace: `<svg><image>` is SVG's image (not HTML's `img`), links
//! are `href` or `xlink:href` on any element, and animations can set a link's target.

mod common;
use common::lint_post;

fn post(body: &str) -> String {
    format!("---\ntitle: 矢量图\n---\n下面是一张矢量图。\n\n{body}\n")
}

#[test]
fn a_handler_on_svg_image_is_reported_at_the_attribute() {
    let text = post(r#"<svg width="10"><image href="/a.png" onerror="alert(1)"/></svg>"#);
    let found = lint_post("source/_posts/a.md", &text, &["HT005"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, r#"onerror="alert(1)""#);
    assert_eq!((found[0].line, found[0].col), (6, 38));
    assert!(found[0].message.contains("on `<image>`"));
}

#[test]
fn handlers_on_svg_and_mathml_elements_in_an_html_body() {
    let text = "---\ntitle: 图\n---\n<svg><a><rect onclick=\"a()\"/></a><foreignObject><p onmouseover=\"b()\">字</p></foreignObject></svg>\n<math><mtext onfocus=\"c()\">x</mtext></math>\n";
    let found = lint_post("source/_posts/a.html", text, &["HT005"]);
    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        texts,
        ["onclick=\"a()\"", "onmouseover=\"b()\"", "onfocus=\"c()\""]
    );
}

#[test]
fn links_in_both_spellings_and_animated_links() {
    let text = post(concat!(
        r#"<svg><a xlink:href="javascript:a()"><text>点</text></a>"#,
        r#"<a><set attributeName="href" to="javascript:b()"/><text>点</text></a>"#,
        r##"<a><animate attributeName="xlink:href" values="#x; JavaScript:c()"/></a></svg>"##,
    ));
    let found = lint_post("source/_posts/a.md", &text, &["HT006"]);
    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(
        texts,
        ["javascript:a()", "javascript:b()", "JavaScript:c()"]
    );
    assert!(found[1]
        .message
        .contains("`<set>` sets `href` to a `javascript:` URL"));
}

#[test]
fn svg_images_from_data_urls_and_plain_links_are_fine() {
    let text = post(
        r##"<svg><image href="data:image/png;base64,AAAA"/><a href="#top"><text>顶</text></a><animate attributeName="opacity" to="0"/></svg>"##,
    );
    assert!(lint_post("source/_posts/a.md", &text, &["HT005", "HT006"]).is_empty());
}
