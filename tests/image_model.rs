//! The referrer rules read the one image model: `srcset` candidates, `<picture><source>` and
//! lazy-loading attributes are checked like `<img src>`, with the fix on the requesting `<img>`.

use postlint::{lint_source, Settings};

const POST: &str = "---\ntitle: 图片\n---\n\
<img src=\"/local.png\" srcset=\"https://wx1.sinaimg.cn/large/a.jpg 2x\" alt=\"a\">\n\n\
<img data-src=\"https://mmbiz.qpic.cn/b.jpg\" alt=\"b\">\n\n\
<picture><source srcset=\"https://img1.doubanio.com/c.webp\"><img src=\"/c.png\" alt=\"c\" referrerpolicy=\"origin\"></picture>\n";

#[test]
fn srcset_lazy_and_picture_sources_are_checked_for_referrer_policy() {
    let report = lint_source("post.md", POST, &Settings::default());
    let found: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "IMG021")
        .map(|d| (d.code, &POST[d.primary.span.clone()]))
        .collect();
    assert_eq!(
        found,
        [
            ("IMG021", "https://wx1.sinaimg.cn/large/a.jpg"),
            ("IMG021", "https://mmbiz.qpic.cn/b.jpg"),
            ("IMG021", "https://img1.doubanio.com/c.webp"),
        ],
        "{:#?}",
        report.diagnostics
    );
    let fixes: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "IMG021")
        .map(|d| {
            let fix = d.fix.as_ref().expect("an <img> can take referrerpolicy");
            (&POST[fix.span.clone()], fix.replacement.as_str())
        })
        .collect();
    assert_eq!(
        fixes,
        [
            ("", " referrerpolicy=\"no-referrer\""),
            ("", " referrerpolicy=\"no-referrer\""),
            // The <source> is fetched by its <picture>'s <img>, whose policy is replaced.
            (
                "referrerpolicy=\"origin\"",
                "referrerpolicy=\"no-referrer\""
            ),
        ]
    );
    // Insertions go right after the tag name of the requesting <img>.
    let first = report
        .diagnostics
        .iter()
        .find(|d| d.code == "IMG021")
        .unwrap();
    let at = first.fix.as_ref().unwrap().span.start;
    assert_eq!(&POST[at - 4..at], "<img");
}
