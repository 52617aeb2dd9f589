//! Stray end tags in Markdown posts. Markdown splits HTML into blocks, so `<div>` in one block
//! and `</div>` in a later one is how Markdown is wrapped in HTML; but an end tag of a theme
//! container that nothing earlier in the post opened closes the theme's own element.

mod common;
use common::lint_post;

fn ht012(text: &str) -> Vec<(String, usize, usize)> {
    lint_post("source/_posts/a.md", text, &["HT012"])
        .into_iter()
        .map(|f| (f.text, f.line, f.col))
        .collect()
}

#[test]
fn a_closing_div_with_nothing_to_close_is_reported() {
    let text =
        "---\ntitle: 转载\n---\n正文第一段。\n\n</div>\n\n正文第二段。\n\n> 引用 </section>\n";
    let found = ht012(text);
    assert_eq!(
        found,
        [
            ("</div>".to_owned(), 6, 1),
            ("</section>".to_owned(), 10, 6)
        ]
    );
    let message = &lint_post("source/_posts/a.md", text, &["HT012"])[0].message;
    assert!(
        message.contains("closes the theme's own `<div>`"),
        "{message}"
    );
}

#[test]
fn end_tags_that_close_html_from_an_earlier_block_are_fine() {
    let text = "---\ntitle: 提示\n---\n<div class=\"note\">\n<article>\n\n**Markdown** 内容。\n\n</article>\n</div>\n";
    assert!(ht012(text).is_empty());
}

#[test]
fn one_opening_tag_balances_one_closing_tag() {
    let text =
        "---\ntitle: 提示\n---\n<div class=\"note\">\n\n内容。\n\n</div>\n\n后来的。\n\n</div>\n";
    assert_eq!(ht012(text), [("</div>".to_owned(), 12, 1)]);
}

#[test]
fn end_tags_markdown_may_have_opened_are_left_alone() {
    // `</li>` and `</p>` may close what Markdown wrote around the inline HTML.
    let text = "---\ntitle: 列表\n---\n- 第一项。</li> </ul>\n\n段落</p>\n";
    assert!(ht012(text).is_empty());
}
