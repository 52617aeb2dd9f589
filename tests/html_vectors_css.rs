//! CSS that runs script or loads code (HT013), in `style` attributes and `<style>` elements,
//! read by a CSS tokenizer: escapes and comments as a browser reads them, strings never code.

mod common;
use common::lint_post;

fn ht013(name: &str, text: &str) -> Vec<(String, (usize, usize))> {
    lint_post(name, text, &["HT013"])
        .into_iter()
        .map(|f| (f.text, (f.line, f.col)))
        .collect()
}

#[test]
fn script_constructs_in_style_attributes_of_a_markdown_post() {
    let text = concat!(
        "---\ntitle: 样式\n---\n旧文章的样式：\n\n",
        "<div style=\"width:expression(alert(1))\">宽</div>\n",
        "<p style='background-image: url(\"JAVASCRIPT:a()\")'>图</p>\n",
        "<b style=\"x: EXPRE/**/SSION(b())\">粗</b> <i style=\"-moz-binding:url(/x.xml#y)\">斜</i>\n",
        "<u style=\"behavior&colon; url(a.htc)\">下</u>\n",
    );
    assert_eq!(
        ht013("source/_posts/a.md", text),
        [
            ("expression(alert(1))".to_owned(), (6, 19)),
            ("\"JAVASCRIPT:a()\"".to_owned(), (7, 33)),
            ("EXPRE/**/SSION(b())".to_owned(), (8, 14)),
            ("-moz-binding:url(/x.xml#y)".to_owned(), (8, 51)),
            ("behavior&colon; url(a.htc)".to_owned(), (9, 11)),
        ]
    );
}

#[test]
fn script_constructs_in_a_style_element_of_an_html_post() {
    let text = "---\ntitle: 页\n---\n<style>\n/* 注释 */\n.a { color: red }\n.b { background: url(vbscript:x) }\n.c { w: \\65xpression(y) }\n</style>\n";
    assert_eq!(
        ht013("source/_posts/a.html", text),
        [
            ("url(vbscript:x)".to_owned(), (7, 18)),
            ("\\65xpression(y)".to_owned(), (8, 9)),
        ]
    );
}

#[test]
fn a_url_spelled_with_escapes_in_an_identifier() {
    // Old Internet Explorer decoded CSS escapes before it parsed: this was `url('javascript:...')`.
    let text = "---\ntitle: 转义\n---\n<div style=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\0029'\\0029\">x</div>\n";
    let found = ht013("source/_posts/a.md", text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].0.starts_with("\\0075\\0072") && found[0].0.ends_with("\\0029'"));
    assert_eq!(found[0].1, (4, 30));
}

#[test]
fn messages_say_what_runs_and_how() {
    let text = "---\ntitle: t\n---\n<p style=\"behavior:url(x.htc)\">x</p>\n";
    let found = lint_post("source/_posts/a.md", text, &["HT013"]);
    assert!(
        found[0]
            .message
            .contains("HTC behavior, which runs script in Internet Explorer"),
        "{}",
        found[0].message
    );
}

#[test]
fn ordinary_css_and_code_look_alikes_give_nothing() {
    let text = concat!(
        "---\ntitle: 样式\n---\n",
        "<p style=\"color: #333; background: url(/bg.png) center / cover\">字</p>\n",
        "<style>.x::after { content: 'expression(1)' } a[href^=javascript] { color: red } ",
        ".y { background: url(data:image/svg+xml;utf8,<svg/>) } .z { behavior: none }</style>\n",
        "\n`<p style=\"width: expression(1)\">`\n",
    );
    assert!(ht013("source/_posts/a.md", text).is_empty());
}

#[test]
fn malformed_and_huge_css_is_bounded() {
    let open = "(".repeat(200_000);
    let text = format!("---\ntitle: t\n---\n<p style=\"{open}expression(x)\">x</p>\n<style>{open}</style>\n<p style=\"url(javascript:\">y</p>\n");
    let found = ht013("source/_posts/a.md", &text);
    // Past 32 nested blocks nothing is read; the unterminated `url(` at the end still is.
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "url(javascript:");
}
