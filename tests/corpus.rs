//! The whole corpus of real posts in `../shared/corpus/` (about 6,800 files from Hexo, Hugo and
//! Jekyll sites and an RSS-to-Hexo bot), linted with the default settings: nothing panics, every
//! file is checked, and the findings on known posts are exactly where they should be.

mod common;
use common::corpus_dir;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use postlint::discover::discover;
use postlint::{lint_files, FileReport, Settings};

/// The corpus linted once with the default settings, shared by the tests below.
fn reports() -> &'static [FileReport] {
    static REPORTS: OnceLock<Vec<FileReport>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        let corpus = corpus_dir();
        assert!(
            corpus.join("seed").is_dir(),
            "the corpus is expected at {}",
            corpus.display()
        );
        let settings = Settings::default().with_root(&corpus);
        let found = discover(&[corpus], &settings).expect("the default settings walk directories");
        assert!(
            found.errors.is_empty(),
            "cannot walk the corpus: {:?}",
            found.errors
        );
        lint_files(&found.files, &settings)
    })
}

/// A report's path relative to the corpus, with `/`.
fn rel(report: &FileReport) -> String {
    let corpus = corpus_dir();
    let path = Path::new(report.name());
    let rel = path.strip_prefix(&corpus).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn report(rel_path: &str) -> &'static FileReport {
    reports()
        .iter()
        .find(|r| rel(r) == rel_path)
        .unwrap_or_else(|| panic!("{rel_path} is not in the corpus"))
}

#[test]
fn every_file_is_checked() {
    let Some(_) = common::corpus_or_skip("every_file_is_checked") else {
        return;
    };
    let reports = reports();
    assert!(
        reports.len() > 6500,
        "only {} posts found in the corpus",
        reports.len()
    );
    let not_checked: Vec<String> = reports.iter().filter(|r| r.not_checked).map(rel).collect();
    assert!(not_checked.is_empty(), "not checked: {not_checked:?}");
    for folder in [
        "seed/",
        "rsshub-page/",
        "hexo-site/",
        "hugo-docs/",
        "ruby-lang/",
    ] {
        assert!(
            reports.iter().any(|r| rel(r).starts_with(folder)),
            "nothing linted in {folder}"
        );
    }
}

#[test]
fn every_span_is_inside_its_file() {
    let Some(_) = common::corpus_or_skip("every_span_is_inside_its_file") else {
        return;
    };
    for r in reports() {
        let text = &r.source.text;
        for d in &r.diagnostics {
            for span in std::iter::once(&d.primary.span).chain(d.secondary.iter().map(|l| &l.span))
            {
                assert!(
                    span.start <= span.end
                        && span.end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end),
                    "{}: {} span {span:?} is not a range of the {}-byte file",
                    rel(r),
                    d.code,
                    text.len()
                );
            }
        }
    }
}

#[test]
fn the_seed_post_starts_with_a_blank_line() {
    let Some(_) = common::corpus_or_skip("the_seed_post_starts_with_a_blank_line") else {
        return;
    };
    let r = report("seed/8月2日，又一场国际盛会开幕！.md");
    // Front-matter findings only: the body's findings (IMG030, ...) are checked in their own tests.
    let codes: Vec<&str> = r
        .diagnostics
        .iter()
        .map(|d| d.code)
        .filter(|c| c.starts_with("FM"))
        .collect();
    assert_eq!(codes, ["FM002", "FM202"], "{:#?}", r.diagnostics);
    let d = &r.diagnostics[0];
    let at = |offset| {
        let p = r.source.position(offset);
        (p.line, p.column)
    };
    // The label sits on the blank first line (an empty span: the line has no characters).
    assert_eq!(at(d.primary.span.start), (1, 1));
    assert_eq!(d.primary.span, 0..0);
    assert_eq!(d.primary.message.as_deref(), Some("blank line"));
    assert_eq!(d.secondary.len(), 1);
    let fence = &d.secondary[0];
    assert_eq!(at(fence.span.start), (2, 1));
    assert_eq!(&r.source.text[fence.span.clone()], "---");
    assert_eq!(
        d.message,
        "front matter starts on line 2, not at the first byte of the file"
    );
    let fix = d.fix.as_ref().expect("FM002 offers a fix");
    assert_eq!((fix.span.clone(), fix.replacement.as_str()), (0..1, ""));
}

#[test]
fn the_bot_title_with_nested_quotes_is_a_syntax_error_at_line_3_column_10() {
    let Some(_) = common::corpus_or_skip(
        "the_bot_title_with_nested_quotes_is_a_syntax_error_at_line_3_column_10",
    ) else {
        return;
    };
    let r = report(
        "rsshub-page/post/二次元/AGE 动漫 - 番剧详情/\"\"\"\"\"\"\"'第1集'\"\"\"\"\"\"\".md",
    );
    let fm004: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "FM004").collect();
    assert_eq!(fm004.len(), 1, "{:#?}", r.diagnostics);
    let p = r.source.position(fm004[0].primary.span.start);
    assert_eq!((p.line, p.column), (3, 10));
    // `title: ""` is a complete scalar; the third `"` is where the parser gives up.
    assert_eq!(&r.source.text[fm004[0].primary.span.clone()], "\"");
    assert!(
        fm004[0].message.starts_with("invalid YAML in front matter"),
        "{}",
        fm004[0].message
    );
}

#[test]
fn every_bot_post_and_only_those_start_with_a_blank_line() {
    let Some(_) = common::corpus_or_skip("every_bot_post_and_only_those_start_with_a_blank_line")
    else {
        return;
    };
    let with_fm002: BTreeSet<String> = reports()
        .iter()
        .filter(|r| r.diagnostics.iter().any(|d| d.code == "FM002"))
        .map(rel)
        .collect();
    let bot_posts: BTreeSet<String> = reports()
        .iter()
        .map(rel)
        .filter(|p| p.starts_with("seed/") || p.starts_with("rsshub-page/"))
        .collect();
    assert_eq!(bot_posts.len(), 15);
    assert_eq!(with_fm002, bot_posts);
}

/// The structural errors in the corpus, exactly: a false positive on real posts shows up here.
#[test]
fn front_matter_errors_in_the_corpus_are_exactly_the_known_ones() {
    let Some(_) =
        common::corpus_or_skip("front_matter_errors_in_the_corpus_are_exactly_the_known_ones")
    else {
        return;
    };
    let mut found = BTreeSet::new();
    for r in reports() {
        for d in r
            .diagnostics
            .iter()
            .filter(|d| matches!(d.code, "FM003" | "FM004" | "FM005" | "FM006"))
        {
            let p = r.source.position(d.primary.span.start);
            found.insert((rel(r), d.code, p.line, p.column, d.message.clone()));
        }
    }
    let dup_title = |path: &str| {
        (
            format!("ruby-lang/{path}"),
            "FM005",
            4,
            1,
            "duplicate key `title`".to_owned(),
        )
    };
    let expected = BTreeSet::from([
        (
            "rsshub-page/post/二次元/AGE 动漫 - 番剧详情/\"\"\"\"\"\"\"'第1集'\"\"\"\"\"\"\".md"
                .to_owned(),
            "FM004",
            3,
            10,
            "invalid YAML in front matter: invalid trailing content after double-quoted scalar"
                .to_owned(),
        ),
        dup_title("fr/news/_posts/2013-06-27-ruby-1-8-7-p374-is-released.md"),
        dup_title("ja/news/_posts/2024-03-21-buffer-overread-cve-2024-27280.md"),
        dup_title("ko/news/_posts/2013-09-28-design-contest.md"),
        dup_title("ko/news/_posts/2013-11-21-fukuoka-ruby-award-2014.md"),
    ]);
    assert_eq!(found, expected);
}

#[test]
fn translated_posts_that_keep_the_english_title_label_both_titles() {
    let Some(_) =
        common::corpus_or_skip("translated_posts_that_keep_the_english_title_label_both_titles")
    else {
        return;
    };
    let r = report("ruby-lang/ko/news/_posts/2013-09-28-design-contest.md");
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "FM005")
        .expect("FM005");
    let text = &r.source.text;
    assert_eq!(&text[d.primary.span.clone()], "title");
    assert_eq!(&text[d.secondary[0].span.clone()], "title");
    let line_of = |offset| r.source.position(offset).line;
    assert_eq!(
        (
            line_of(d.secondary[0].span.start),
            line_of(d.primary.span.start)
        ),
        (3, 4)
    );
}
