//! HTML parse throughput: spanned parsing (html5gum tokens fed to html5ever's tree builder)
//! against plain `scraper::Html::parse_fragment` on the same fragments, and the time to parse every
//! post body of the corpus (Markdown, HTML fragments, images and links).
//!
//! `cargo bench --bench html_parse` (reads `../shared/corpus`), or
//! `cargo bench --bench html_parse -- DIR` for another directory of posts. Single-threaded; each
//! figure is the best of 20 rounds.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use postlint::discover::discover;
use postlint::internals::document::html::{parse_fragment, FragmentKind};
use postlint::internals::document::offsets::OffsetMap;
use postlint::internals::document::{markdown, BodySyntax, Document};
use postlint::source::SourceFile;
use postlint::Settings;

const ROUNDS: usize = 20;

fn best(mut run: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut check = 0;
    for _ in 0..ROUNDS {
        let started = Instant::now();
        check = std::hint::black_box(run());
        best = best.min(started.elapsed());
    }
    (best, check)
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")));
    let settings = Settings::default();
    let found =
        discover(std::slice::from_ref(&dir), &settings).expect("the directory can be walked");
    let posts: Vec<(String, String)> = found
        .files
        .iter()
        .filter_map(|p| {
            Some((
                p.to_string_lossy().into_owned(),
                std::fs::read_to_string(p).ok()?,
            ))
        })
        .collect();
    let parse = |(name, text): &(String, String)| {
        Document::parse(
            SourceFile::new(name.as_str(), text.as_str()),
            Default::default(),
        )
    };

    // Whole bodies, as the linter parses them.
    let body_bytes: usize = posts.iter().map(|p| parse(p).body().len()).sum();
    let mut bodies = Duration::MAX;
    let mut elements = 0;
    for _ in 0..ROUNDS {
        // Only the body parsing is timed, not reading the front matter.
        let docs: Vec<Document> = posts.iter().map(parse).collect();
        let started = Instant::now();
        elements = docs
            .iter()
            .map(|d| d.markup().written_elements().count())
            .sum::<usize>();
        bodies = bodies.min(started.elapsed());
    }
    println!(
        "{} posts, {:.1} MB of bodies: parsed in {:.0} ms ({:.1} MB/s), {} elements written in them",
        posts.len(),
        body_bytes as f64 / 1e6,
        bodies.as_secs_f64() * 1e3,
        mb_per_s(body_bytes, bodies),
        elements
    );

    // The HTML fragments alone: ours against plain scraper on the very same text.
    let fragments: Vec<(String, OffsetMap)> = posts
        .iter()
        .flat_map(|p| {
            let d = parse(p);
            let text = d.text();
            match BodySyntax::from_path(&p.0) {
                BodySyntax::Html => {
                    let b = d.body();
                    vec![(
                        text[b.clone()].to_owned(),
                        OffsetMap::contiguous(b.start, b.len()),
                    )]
                }
                BodySyntax::Markdown => markdown::extract(text, d.body())
                    .fragments
                    .into_iter()
                    .map(|f| (f.text, f.map))
                    .collect(),
            }
        })
        .collect();
    let html_bytes: usize = fragments.iter().map(|f| f.0.len()).sum();
    let (plain, n1) = best(|| {
        fragments
            .iter()
            .map(|(t, _)| scraper::Html::parse_fragment(t).tree.nodes().count())
            .sum()
    });
    let (spanned, n2) = best(|| {
        fragments
            .iter()
            .map(|(t, m)| {
                parse_fragment(t, m.clone(), FragmentKind::Block)
                    .html
                    .tree
                    .nodes()
                    .count()
            })
            .sum()
    });
    assert_eq!(n1, n2, "both build the same trees");
    println!(
        "{} HTML fragments, {:.2} MB: plain scraper {:.1} MB/s ({:.1} ms), spanned {:.1} MB/s ({:.1} ms), {:+.0}%",
        fragments.len(),
        html_bytes as f64 / 1e6,
        mb_per_s(html_bytes, plain),
        plain.as_secs_f64() * 1e3,
        mb_per_s(html_bytes, spanned),
        spanned.as_secs_f64() * 1e3,
        (spanned.as_secs_f64() / plain.as_secs_f64() - 1.0) * 100.0
    );

    // The same HTML as one document: per-fragment setup no longer counts.
    let joined: String = fragments.iter().map(|f| f.0.as_str()).collect();
    let (plain, _) = best(|| scraper::Html::parse_fragment(&joined).tree.nodes().count());
    let (spanned, _) = best(|| {
        let map = OffsetMap::contiguous(0, joined.len());
        parse_fragment(&joined, map, FragmentKind::Document)
            .html
            .tree
            .nodes()
            .count()
    });
    println!(
        "the same HTML as one fragment: plain scraper {:.1} MB/s, spanned {:.1} MB/s, {:+.0}%",
        mb_per_s(html_bytes, plain),
        mb_per_s(html_bytes, spanned),
        (spanned.as_secs_f64() / plain.as_secs_f64() - 1.0) * 100.0
    );
}
