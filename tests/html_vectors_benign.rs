//! Benign markup that real posts are full of gives no HTML or CSS error: tables, figures,
//! details, embeds from allowed hosts, `<noscript>` fallbacks, SVG icons, `srcdoc` with plain
//! content, `<style>` with ordinary CSS (a warning of its own, HT004, but no error).

mod common;
use common::lint_post;
use postlint::Severity;

const MARKDOWN: &str = r##"---
title: 一篇普通的文章
date: 2024-06-01 10:00:00
tags: [笔记]
---

开头的段落，有**强调**和`代码`。

<table>
<thead><tr><th>名称</th><th>说明</th></tr></thead>
<tbody><tr><td>甲</td><td>第一项</td></tr></tbody>
</table>

<figure>
<img src="/images/a.png" alt="示意图" loading="lazy" width="600" height="400">
<figcaption>图一：示意图</figcaption>
</figure>

<details>
<summary>展开看代码</summary>

```js
document.body.onload = () => alert("在代码块里");
```

</details>

<div class="video">
<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>
</div>

<img class="lazy" data-src="/images/b.png" alt="懒加载">
<noscript><img src="/images/b.png" alt="懒加载"></noscript>

<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><use href="#icon-star"/><path d="M0 0h16v16z" style="fill: currentColor"/></svg>

<p style="text-align: center; color: #666">居中的说明</p>

<a href="https://example.com/page?a=1&amp;b=2" target="_blank" rel="noopener">外部链接</a>

<div on-click="open" on:click="close">模板框架写的属性不是事件处理器</div>

<style>
.post-note { border-left: 4px solid #ccc; padding: 0 1em; }
@media (prefers-color-scheme: dark) { .post-note { border-color: #444; } }
.post-note::before { content: "注意："; }
</style>

<iframe srcdoc="&lt;p&gt;一段&lt;b&gt;嵌入&lt;/b&gt;的文字&lt;/p&gt;" src="https://www.youtube.com/embed/x"></iframe>

结尾。
"##;

#[test]
fn benign_markdown_post_has_no_html_error() {
    let errors: Vec<_> = lint_post("source/_posts/benign.md", MARKDOWN, &[])
        .into_iter()
        .filter(|f| f.code.starts_with("HT"))
        .collect();
    let codes: Vec<&str> = errors.iter().map(|f| f.code).collect();
    // The `<style>` element is reported as a warning by HT004; nothing else.
    assert_eq!(codes, ["HT004"], "{errors:#?}");
}

#[test]
fn benign_html_post_has_no_html_error() {
    let body = MARKDOWN.split_once("\n---\n").unwrap().1.replace(
        "```js\ndocument.body.onload = () => alert(\"在代码块里\");\n```",
        "<pre><code>x = 1</code></pre>",
    );
    let text = format!("---\ntitle: 页面\n---\n{body}");
    let settings = postlint::Settings::resolve(
        None,
        &postlint::CliOverrides::default(),
        std::path::Path::new("."),
    )
    .unwrap();
    let report = postlint::lint_source("source/_posts/benign.html", &text, &settings);
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("HT") && d.severity == Severity::Error)
        .map(|d| (d.code, &text[d.primary.span.clone()], &d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
