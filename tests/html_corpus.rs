//! The body layer over the corpus of real posts in `../shared/corpus/`: markup inside code is never
//! read as elements, known markup is found with exact spans, every span is sound, and the DOM is
//! the one html5ever alone would build.

mod common;
use common::corpus_dir;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use postlint::discover::discover;
use postlint::internals::document::{markdown, BodySyntax, Document};
use postlint::source::SourceFile;
use postlint::Settings;

/// Every post of the corpus: its path relative to the corpus and its text. (Documents are built
/// per test: a parsed body is scraper's DOM, which is neither `Send` nor `Sync`.)
fn sources() -> &'static [(String, String)] {
    static SOURCES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let corpus = corpus_dir();
        assert!(
            corpus.join("seed").is_dir(),
            "the corpus is expected at {}",
            corpus.display()
        );
        let settings = Settings::default();
        let found =
            discover(std::slice::from_ref(&corpus), &settings).expect("the corpus can be walked");
        found
            .files
            .iter()
            .filter_map(|path| Some((rel(&corpus, path), std::fs::read_to_string(path).ok()?)))
            .collect()
    })
}

fn documents() -> impl Iterator<Item = (&'static str, Document)> {
    sources().iter().map(|(rel, text)| {
        let source = SourceFile::new(rel.clone(), text.as_str());
        (rel.as_str(), Document::parse(source, Default::default()))
    })
}

fn rel(corpus: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(corpus).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn doc(rel_path: &str) -> Document {
    let (rel, text) = sources()
        .iter()
        .find(|(rel, _)| rel == rel_path)
        .unwrap_or_else(|| panic!("{rel_path} is not in the corpus"));
    Document::parse(
        SourceFile::new(rel.clone(), text.as_str()),
        Default::default(),
    )
}

/// Written `<script>` and `<iframe>` elements per top folder.
fn count_elements(name: &str) -> BTreeMap<String, Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (rel, d) in documents() {
        let folder = rel.split('/').next().unwrap_or_default().to_owned();
        for (e, spans) in d.markup().written_elements() {
            if e.name() == name {
                let p = d.source.position(spans.tag.start);
                found
                    .entry(folder.clone())
                    .or_default()
                    .push(format!("{rel}:{}:{}", p.line, p.column));
            }
        }
    }
    found
}

#[test]
fn hexo_docs_have_scripts_and_iframes_only_inside_code() {
    let Some(_) = common::corpus_or_skip("hexo_docs_have_scripts_and_iframes_only_inside_code")
    else {
        return;
    };
    assert!(sources().len() > 6500);
    let scripts = count_elements("script");
    let iframes = count_elements("iframe");
    assert_eq!(scripts.get("hexo-site"), None, "{scripts:?}");
    assert_eq!(iframes.get("hexo-site"), None, "{iframes:?}");
    assert_eq!(scripts.get("hugo-docs"), None, "{scripts:?}");
    // The ruby-lang news posts embed YouTube videos: real iframes, found.
    assert!(
        iframes.get("ruby-lang").is_some_and(|v| v.len() >= 6),
        "{iframes:?}"
    );
}

#[test]
fn a_code_fence_inside_a_blockquote_is_not_markup() {
    let Some(_) = common::corpus_or_skip("a_code_fence_inside_a_blockquote_is_not_markup") else {
        return;
    };
    let d = doc("hugo-docs/content/en/functions/transform/ToMath.md");
    let text = d.text();
    assert!(text.contains("  > ```go-html-template"));
    assert!(text.contains(">   <link rel=\"stylesheet\" href=\"...\">"));
    let names: Vec<_> = d.markup().elements().map(|e| e.name().to_owned()).collect();
    assert!(
        !names.iter().any(|n| n == "link" || n == "head"),
        "{names:?}"
    );
}

#[test]
fn the_webtoon_posts_event_handlers_are_found_with_spans() {
    let Some(_) = common::corpus_or_skip("the_webtoon_posts_event_handlers_are_found_with_spans")
    else {
        return;
    };
    let d = doc("rsshub-page/post/二次元/1화 표정관리.md");
    let text = d.text();
    let mut handlers = Vec::new();
    for (e, spans) in d.markup().written_elements() {
        for a in spans.attrs.iter().filter(|a| a.name.starts_with("on")) {
            let value = a.value_span.clone().expect("handlers have values");
            assert_eq!(&text[value.clone()], e.attr(&a.name).unwrap());
            assert_eq!(&text[a.name_span.clone()], a.name);
            handlers.push((a.name.clone(), text[value].to_owned()));
        }
    }
    let expected_per_img = [
        ("oncontextmenu", "return false"),
        ("ondragstart", "return false"),
        ("onselectstart", "return false"),
    ];
    let imgs = text.matches("<img ").count();
    assert!(imgs >= 10);
    assert_eq!(handlers.len(), imgs * 3);
    for chunk in handlers.chunks(3) {
        let chunk: Vec<_> = chunk
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        assert_eq!(chunk, expected_per_img);
    }
    // The body is one `<div>` around all the images, separated by blank lines.
    let div = d.markup().elements().find(|e| e.name() == "div").unwrap();
    assert!(div.spans.unwrap().end_tag.is_some());
}

fn sound(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

#[test]
fn every_span_is_sound_and_every_tag_is_where_it_says() {
    let Some(_) = common::corpus_or_skip("every_span_is_sound_and_every_tag_is_where_it_says")
    else {
        return;
    };
    for (rel, d) in documents() {
        let text = d.text();
        let body = d.markup();
        for (e, s) in body.written_elements() {
            assert!(sound(text, &s.tag), "{rel}: {:?}", s.tag);
            let tag = &text[s.tag.clone()];
            assert!(tag.starts_with('<') && tag.ends_with('>'), "{rel}: {tag:?}");
            let name = &text[s.name.clone()];
            assert!(
                name.eq_ignore_ascii_case(e.name()) || (name == "image" && e.name() == "img"),
                "{rel}: {name:?} for <{}>",
                e.name()
            );
            if let Some(end) = &s.end_tag {
                assert!(sound(text, end), "{rel}");
                let end = text[end.clone()].to_ascii_lowercase();
                assert!(
                    end.starts_with("</") && end.contains(&e.name().to_ascii_lowercase()),
                    "{rel}: {end:?}"
                );
            }
            for a in &s.attrs {
                assert!(sound(text, &a.span) && sound(text, &a.name_span), "{rel}");
                assert!(
                    text[a.name_span.clone()].eq_ignore_ascii_case(&a.name),
                    "{rel}"
                );
                if let Some(v) = &a.value_span {
                    assert!(sound(text, v), "{rel}");
                    let raw = &text[v.clone()];
                    if !a.duplicate && !raw.contains('&') {
                        assert_eq!(e.attr(&a.name), Some(raw), "{rel}");
                    }
                }
            }
        }
        for e in body.html_errors() {
            assert!(sound(text, &e.span), "{rel}");
        }
        for i in &body.markdown_images {
            assert!(
                sound(text, &i.span) && sound(text, &i.url_span) && sound(text, &i.alt_span),
                "{rel}"
            );
            let raw = &text[i.url_span.clone()];
            assert!(
                raw == i.url || raw.contains(['\\', '&', '%']),
                "{rel}: {raw:?} for {:?}",
                i.url
            );
        }
        for l in &body.markdown_links {
            assert!(sound(text, &l.span) && sound(text, &l.url_span), "{rel}");
            let raw = &text[l.url_span.clone()];
            assert!(
                raw == l.url || raw.contains(['\\', '&', '%']),
                "{rel}: {raw:?} for {:?}",
                l.url
            );
        }
    }
}

#[test]
fn every_fragment_builds_the_dom_html5ever_builds() {
    let Some(_) = common::corpus_or_skip("every_fragment_builds_the_dom_html5ever_builds") else {
        return;
    };
    use html5ever::tendril::TendrilSink;
    use html5ever::{local_name, ns, QualName};
    use postlint::internals::document::html::{parse_fragment, FragmentKind};
    use postlint::internals::document::offsets::OffsetMap;

    let mut compared = 0;
    for (rel, d) in documents() {
        let text = d.text();
        let fragments: Vec<(String, OffsetMap)> = match BodySyntax::from_path(rel) {
            BodySyntax::Html => {
                let body = d.body();
                vec![(
                    text[body.clone()].to_owned(),
                    OffsetMap::contiguous(body.start, body.len()),
                )]
            }
            BodySyntax::Markdown => markdown::extract(text, d.body())
                .fragments
                .into_iter()
                .map(|f| (f.text, f.map))
                .collect(),
        };
        for (html, map) in fragments {
            let ours = parse_fragment(&html, map, FragmentKind::Block).html.html();
            let opts = html5ever::ParseOpts {
                tree_builder: html5ever::tree_builder::TreeBuilderOpts {
                    scripting_enabled: false,
                    ..Default::default()
                },
                ..Default::default()
            };
            let reference = html5ever::driver::parse_fragment(
                scraper::HtmlTreeSink::new(scraper::Html::new_fragment()),
                opts,
                QualName::new(None, ns!(html), local_name!("body")),
                Vec::new(),
                false,
            )
            .one(html.as_str())
            .html();
            assert_eq!(ours, reference, "{rel}");
            compared += 1;
        }
    }
    assert!(compared > 800, "{compared} fragments");
}
