//! Referrer, alt and cover rules on the real bot posts of `../shared/corpus/`.

mod common;

use std::path::{Path, PathBuf};

use postlint::{lint_bytes, FileReport};
use postlint::{CliOverrides, Settings};

fn corpus(rel: &str) -> PathBuf {
    common::corpus_dir().join(rel)
}

fn lint(rel: &str, settings: &Settings) -> FileReport {
    let path = corpus(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    lint_bytes(rel, &bytes, settings)
}

fn settings(extend: &[&str]) -> Settings {
    let cli = CliOverrides {
        extend_select: extend.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    Settings::resolve(None, &cli, Path::new(".")).unwrap()
}

const SEED: &str = "seed/8月2日，又一场国际盛会开幕！.md";

#[test]
fn the_seed_img_without_alt_is_reported_where_it_is() {
    let Some(_) = common::corpus_or_skip("the_seed_img_without_alt_is_reported_where_it_is") else {
        return;
    };
    let r = lint(SEED, &Settings::default());
    let img030: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "IMG030")
        .collect();
    assert_eq!(img030.len(), 1, "{:#?}", r.diagnostics);
    let p = r.source.position(img030[0].primary.span.start);
    assert_eq!((p.line, p.column), (16, 4));
    assert_eq!(&r.source.text[img030[0].primary.span.clone()], "<img");
}

#[test]
fn nothing_false_about_the_seed_referrerpolicy() {
    let Some(_) = common::corpus_or_skip("nothing_false_about_the_seed_referrerpolicy") else {
        return;
    };
    // Its image goes through a CORS proxy with `referrerpolicy="no-referrer"`: nothing to say,
    // whatever the site default.
    let r = lint(SEED, &Settings::default());
    let referrer: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code.starts_with("IMG02"))
        .collect();
    assert!(referrer.is_empty(), "{referrer:#?}");
}

#[test]
fn the_199it_placeholder_cover_with_no_body_image_is_reported_once() {
    let Some(_) =
        common::corpus_or_skip("the_199it_placeholder_cover_with_no_body_image_is_reported_once")
    else {
        return;
    };
    let rel =
        "rsshub-page/source/_posts/新媒体/199IT/首页更新/150年后数据比特数量将超地球原子总数.md";
    let r = lint(rel, &settings(&["IMG042"]));
    let found: Vec<_> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "IMG042")
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", r.diagnostics);
    let d = found[0];
    assert!(d.message.contains("no image"), "{}", d.message);
    assert_eq!(
        &r.source.text[d.primary.span.clone()],
        "'https://picsum.photos/400/300?random=1238'"
    );
    assert_eq!(r.source.position(d.primary.span.start).line, 8);
    // thumbnail names the same placeholder: labelled, not reported again.
    assert_eq!(d.secondary.len(), 1);
    assert_eq!(r.source.position(d.secondary[0].span.start).line, 12);
    // Off by default.
    let r = lint(rel, &Settings::default());
    assert!(r.diagnostics.iter().all(|d| d.code != "IMG042"));
}

#[test]
fn bot_posts_whose_cover_is_their_first_image_pass_img042() {
    let Some(_) = common::corpus_or_skip("bot_posts_whose_cover_is_their_first_image_pass_img042")
    else {
        return;
    };
    let dir = corpus("rsshub-page");
    let settings = settings(&["IMG042"]);
    let mut with = Vec::new();
    for entry in ignore::WalkBuilder::new(&dir).build().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            let bytes = std::fs::read(path).unwrap();
            let r = lint_bytes(&path.to_string_lossy(), &bytes, &settings);
            if r.diagnostics.iter().any(|d| d.code == "IMG042") {
                with.push(path.file_name().unwrap().to_string_lossy().into_owned());
            }
        }
    }
    assert_eq!(with, ["150年后数据比特数量将超地球原子总数.md"]);
}
