//! The HT rules over the corpus of real posts in `../shared/corpus/`: markup inside code is never
//! reported, and the RSS bot's event handlers are reported each at its attribute.

mod common;
use common::corpus_dir;

use std::path::Path;

use postlint::discover::discover;
use postlint::{lint_source, Diagnostic};
use postlint::{CliOverrides, Settings};

/// Every HT rule on, the style attribute rule included, no config file.
fn html_rules() -> Settings {
    let cli = CliOverrides {
        select: Some(vec!["HT".to_owned()]),
        ..Default::default()
    };
    Settings::resolve(None, &cli, Path::new(".")).expect("HT selects rules")
}

/// Path (relative to the corpus), text and HT findings of every post under `folder`.
fn lint_folder(folder: &str) -> Vec<(String, String, Vec<Diagnostic>)> {
    let corpus = corpus_dir();
    let settings = html_rules();
    let dir = corpus.join(folder);
    assert!(dir.is_dir(), "the corpus is expected at {}", dir.display());
    let found = discover(std::slice::from_ref(&dir), &settings).expect("the corpus can be walked");
    assert!(!found.files.is_empty(), "{folder} has posts");
    found
        .files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            let rel = path
                .strip_prefix(&corpus)
                .unwrap_or(path)
                .to_string_lossy()
                .replace('\\', "/");
            let report = lint_source(&rel, &text, &settings);
            let ht: Vec<Diagnostic> = report
                .diagnostics
                .into_iter()
                .filter(|d| d.code.starts_with("HT"))
                .collect();
            Some((rel, text, ht))
        })
        .collect()
}

fn describe(findings: &[(String, String, Vec<Diagnostic>)]) -> Vec<String> {
    findings
        .iter()
        .flat_map(|(rel, text, ds)| {
            ds.iter().map(move |d| {
                format!(
                    "{rel} {} {:?}: {}",
                    d.code,
                    &text[d.primary.span.clone()],
                    d.message
                )
            })
        })
        .collect()
}

#[test]
fn hexo_site_scripts_and_iframes_in_code_give_no_findings() {
    let Some(_) = common::corpus_or_skip("hexo_site_scripts_and_iframes_in_code_give_no_findings")
    else {
        return;
    };
    let posts = lint_folder("hexo-site");
    // The docs show 110 `<script>` and 9 `<iframe>` tags, all in code blocks or inline code.
    let scripts: usize = posts
        .iter()
        .map(|(_, t, _)| t.matches("<script").count())
        .sum();
    assert!(
        scripts >= 100,
        "hexo-site should show many <script> tags in code: {scripts}"
    );
    let found = describe(&posts);
    assert!(
        found.is_empty(),
        "HT findings in hexo-site:\n{}",
        found.join("\n")
    );
}

#[test]
fn hugo_docs_code_fence_in_a_blockquote_is_not_markup() {
    let Some(_) = common::corpus_or_skip("hugo_docs_code_fence_in_a_blockquote_is_not_markup")
    else {
        return;
    };
    let posts = lint_folder("hugo-docs");
    let (_, text, findings) = posts
        .iter()
        .find(|(rel, _, _)| rel == "hugo-docs/content/en/functions/transform/ToMath.md")
        .expect("ToMath.md is in the corpus");
    assert!(
        text.contains("> ```"),
        "the post has a fence inside a blockquote"
    );
    assert!(findings.is_empty(), "{findings:?}");
    let found = describe(&posts);
    assert!(
        found.is_empty(),
        "HT findings in hugo-docs:\n{}",
        found.join("\n")
    );
}

#[test]
fn webtoon_event_handlers_are_reported_at_each_attribute() {
    let Some(_) = common::corpus_or_skip("webtoon_event_handlers_are_reported_at_each_attribute")
    else {
        return;
    };
    let posts = lint_folder("rsshub-page");
    let (_, text, findings) = posts
        .iter()
        .find(|(rel, _, _)| rel.ends_with("1화 표정관리.md"))
        .expect("the Naver webtoon post is in the corpus");
    let handlers: Vec<&Diagnostic> = findings.iter().filter(|d| d.code == "HT005").collect();
    // Counted independently: every `on...=` attribute written in the post.
    let written = ["oncontextmenu=", "ondragstart=", "onselectstart="]
        .iter()
        .map(|a| text.matches(&format!(" {a}")).count())
        .sum::<usize>();
    assert!(written >= 30, "the post has many handlers: {written}");
    assert_eq!(handlers.len(), written, "one finding per handler attribute");
    for d in &handlers {
        let covered = &text[d.primary.span.clone()];
        let (name, value) = covered.split_once('=').expect("name=value");
        assert!(
            ["oncontextmenu", "ondragstart", "onselectstart"].contains(&name),
            "{covered}"
        );
        assert!(value.starts_with('"') && value.ends_with('"'), "{covered}");
        assert_eq!(&text[d.primary.span.start - 1..d.primary.span.start], " ");
        let fix = d.fix.as_ref().expect("a fix removes the attribute");
        assert_eq!(fix.span, d.primary.span.start - 1..d.primary.span.end);
        assert!(fix.replacement.is_empty());
    }
    let others: Vec<_> = findings.iter().filter(|d| d.code != "HT005").collect();
    assert!(others.is_empty(), "{others:?}");
}
