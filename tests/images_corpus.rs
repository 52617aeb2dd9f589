//! Image URL rules (IMG001-IMG010) over the corpus of real posts in `../shared/corpus/`.

#![allow(clippy::print_stdout)]

mod common;

use std::path::{Path, PathBuf};

use postlint::discover::discover;
use postlint::{lint_files, Diagnostic, FileReport};
use postlint::{CliOverrides, Settings};

fn corpus(folder: &str) -> PathBuf {
    common::corpus_dir().join(folder)
}

fn check(folder: &str, codes: &[&str]) -> Vec<FileReport> {
    let dir = corpus(folder);
    assert!(dir.is_dir(), "the corpus is expected at {}", dir.display());
    let cli = CliOverrides {
        select: Some(codes.iter().map(|c| c.to_string()).collect()),
        ..Default::default()
    };
    let settings = Settings::resolve(None, &cli, Path::new("."))
        .expect("settings")
        .with_root(&dir);
    let files = discover(std::slice::from_ref(&dir), &settings)
        .expect("the corpus can be walked")
        .files;
    lint_files(&files, &settings)
}

fn place(report: &FileReport, d: &Diagnostic) -> (usize, usize, String) {
    let p = report.source.position(d.primary.span.start);
    let text = report.source.text[d.primary.span.clone()].to_owned();
    (p.line, p.column, text)
}

#[test]
fn seed_proxied_plain_http_origins_are_found_at_their_spans() {
    let Some(_) =
        common::corpus_or_skip("seed_proxied_plain_http_origins_are_found_at_their_spans")
    else {
        return;
    };
    let reports = check("seed", &["IMG003"]);
    let report = &reports[0];
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            let proxy = d.secondary.first().expect("the proxy is labelled");
            let proxy_text = &report.source.text[proxy.span.clone()];
            assert_eq!(proxy_text, "https://cors.zfour.workers.dev/?");
            let (line, column, text) = place(report, d);
            (line, column, text)
        })
        .collect();
    let origin =
        "http://static.1sapp.com/qupost/img/2021/07/16/987a6362b6f9eb2bf119145e87a3b903.jpeg";
    assert_eq!(
        found,
        vec![
            (8, 43, origin.to_owned()),  // headimg
            (12, 45, origin.to_owned()), // thumbnail
            (16, 46, origin.to_owned()), // <img src>
        ]
    );
}

#[test]
fn the_199it_random_placeholder_cover_is_flagged() {
    let Some(_) = common::corpus_or_skip("the_199it_random_placeholder_cover_is_flagged") else {
        return;
    };
    let reports = check("rsshub-page", &["IMG008"]);
    let hits: Vec<_> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .collect();
    assert_eq!(hits.len(), 2, "headimg and thumbnail of the 199IT post");
    for (report, d) in hits {
        assert!(report.name().contains("199IT"), "{}", report.name());
        let (line, column, text) = place(report, d);
        assert_eq!(text, "https://picsum.photos/400/300?random=1238");
        assert!(
            (line, column) == (8, 11) || (line, column) == (12, 13),
            "{line}:{column}"
        );
        assert!(d.message.contains("random placeholder"), "{}", d.message);
    }
}

#[test]
fn every_plain_http_image_of_ruby_lang_is_found() {
    let Some(_) = common::corpus_or_skip("every_plain_http_image_of_ruby_lang_is_found") else {
        return;
    };
    let reports = check("ruby-lang", &["IMG003"]);
    let mut count = 0;
    for report in &reports {
        for d in &report.diagnostics {
            let text = &report.source.text[d.primary.span.clone()];
            assert!(text.starts_with("http://"), "{}: {text}", report.name());
            count += 1;
        }
    }
    println!("ruby-lang: {count} plain-http images");
    // By grep: 34 inline `![...](http://` on one line, 20 `[logo]: http://` definitions used
    // by images, and one inline image whose `](http://` sits on the next line; no `<img>`,
    // `srcset` or `poster` in ruby-lang uses plain http.
    assert!(count >= 54, "found only {count}");
    assert_eq!(count, 55);
}
