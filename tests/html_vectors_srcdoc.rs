//! `<iframe srcdoc>` holds a whole document that the browser renders; it is parsed and linted
//! like the post's own HTML, with spans mapped back through the entity-encoded value.

mod common;
use common::lint_post;

#[test]
fn a_handler_in_a_srcdoc_document_points_into_the_value() {
    let text = "---\ntitle: 嵌入\n---\n嵌入的页面：\n\n<iframe srcdoc=\"&lt;p&gt;你好&lt;/p&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;\"></iframe>\n";
    let found = lint_post("source/_posts/a.md", text, &["HT005"]);
    assert_eq!(found.len(), 1, "{found:?}");
    // The span covers the handler as written, entity-encoded quotes and all.
    assert_eq!(found[0].text, "onerror=&quot;alert(1)&quot;");
    assert_eq!(found[0].line, 6);
    assert!(
        found[0].message.contains("`<iframe srcdoc>`"),
        "{}",
        found[0].message
    );
}

#[test]
fn scripts_and_script_urls_inside_srcdoc_in_an_html_body() {
    let text = "---\ntitle: 页\n---\n<iframe src=\"https://www.youtube.com/embed/x\" srcdoc='<script>alert(1)</script><a href=\"javascript:b()\">点</a>'></iframe>\n";
    let found = lint_post("source/_posts/a.html", text, &["HT001", "HT006"]);
    let got: Vec<(&str, &str)> = found.iter().map(|f| (f.code, f.text.as_str())).collect();
    assert_eq!(got, [("HT001", "<script>"), ("HT006", "javascript:b()")]);
}

#[test]
fn srcdoc_inside_srcdoc_is_read_to_the_limit_and_the_limit_is_reported() {
    // Each level encodes the next one's `&` once more.
    fn nest(inner: &str, levels: usize) -> String {
        let mut doc = inner.to_owned();
        for _ in 0..levels {
            doc = format!(
                "<iframe srcdoc=\"{}\"></iframe>",
                doc.replace('&', "&amp;").replace('"', "&quot;")
            );
        }
        doc
    }
    let two = format!(
        "---\ntitle: 套\n---\n{}\n",
        nest("<b onclick=x()>深</b>", 2)
    );
    let found = lint_post("source/_posts/a.html", &two, &["HT005"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "onclick=x()");

    let deep = format!(
        "---\ntitle: 套\n---\n{}\n",
        nest("<b onclick=x()>深</b>", 12)
    );
    let found = lint_post("source/_posts/a.html", &deep, &["HT005", "HT012"]);
    let codes: Vec<&str> = found.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["HT012"], "{found:?}");
    assert!(found[0].message.contains("nested more than 4 deep"));
}

#[test]
fn html_document_tags_inside_srcdoc_are_normal() {
    let text = "---\ntitle: 页\n---\n<iframe srcdoc=\"<html><head><title>标题</title></head><body><p>正文</p></body></html>\"></iframe>\n";
    let found = lint_post("source/_posts/a.html", text, &["HT005", "HT008", "HT012"]);
    assert!(found.is_empty(), "{found:?}");
}
