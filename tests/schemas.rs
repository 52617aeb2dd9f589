//! Front-matter schemas from the command line: presets, schema files and their `$ref`s,
//! collections, and the refusals (network, outside the repository).

mod common;
use common::{outcome, postlint_in, tree};

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// Runs `cmd` with `--format concise` added.
fn concise(cmd: &mut Command) -> (i32, String, String) {
    outcome(cmd.args(["--format", "concise"]))
}

const POST: &str = "---\ntitle: ''\ncomments: no\n---\n正文\n";

#[test]
fn a_ref_to_a_file_beside_the_schema_is_followed() {
    let dir = tree(&[
        ("postlint.toml", "schema = \"schemas/post.json\"\n"),
        (
            "schemas/post.json",
            r#"{"type": "object", "properties": {"title": {"$ref": "common.json#/$defs/title"}}}"#,
        ),
        (
            "schemas/common.json",
            r#"{"$defs": {"title": {"type": "string", "minLength": 1}}}"#,
        ),
        ("post.md", POST),
    ]);
    let (code, out, _) = concise(postlint_in(dir.path()).args(["check", "post.md"]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("post.md:2:8: error[FM107] `title` is empty"),
        "{out}"
    );
}

#[test]
fn a_ref_over_the_network_is_refused() {
    let dir = tree(&[
        ("postlint.toml", "schema = \"post.json\"\n"),
        (
            "post.json",
            r#"{"properties": {"title": {"$ref": "https://example.com/title.json"}}}"#,
        ),
        ("post.md", POST),
    ]);
    let (code, _, err) = concise(postlint_in(dir.path()).args(["check", "post.md"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("does not fetch schemas over the network"),
        "{err}"
    );
    assert!(
        err.contains("postlint.toml"),
        "the error points into the config: {err}"
    );
}

#[test]
fn a_schema_or_ref_outside_the_repository_is_refused() {
    let outside = tree(&[("title.json", r#"{"type": "string"}"#)]);
    let outside_path = outside.path().join("title.json");
    let schema = format!(
        r#"{{"properties": {{"title": {{"$ref": "{}"}}}}}}"#,
        url_of(&outside_path)
    );
    let dir = tree(&[
        ("postlint.toml", "schema = \"post.json\"\n"),
        ("post.json", &schema),
        ("post.md", POST),
    ]);
    let (code, _, err) = concise(postlint_in(dir.path()).args(["check", "post.md"]));
    assert_eq!(code, 2);
    assert!(err.contains("outside the repository"), "{err}");

    let dir = tree(&[
        ("site/postlint.toml", "schema = \"../post.json\"\n"),
        ("post.json", "{}"),
        ("site/post.md", POST),
    ]);
    let (code, _, err) = concise(postlint_in(dir.path().join("site")).args(["check", "post.md"]));
    assert_eq!(code, 2);
    assert!(err.contains("outside the repository"), "{err}");
}

fn url_of(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_first_matching_collection_wins() {
    let dir = tree(&[
        (
            "postlint.toml",
            "[[collections]]\nfiles = [\"source/_posts/**\"]\nschema = \"strict.json\"\n\n\
             [[collections]]\nfiles = [\"source/**\"]\npreset = \"hexo\"\n",
        ),
        ("strict.json", r#"{"type": "object", "required": ["date"]}"#),
        ("source/_posts/a.md", "---\ntitle: a\n---\n"),
        (
            "source/about/index.md",
            "---\ntitle: a\ncomments: no\n---\n",
        ),
        ("other/b.md", "---\ntitle: b\n---\n"),
    ]);
    let (code, out, _) = concise(postlint_in(dir.path()).args(["check", "."]));
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("error[")).collect();
    assert_eq!(
        lines,
        vec![
            "source/_posts/a.md:1:1: error[FM101] missing required key `date`",
            "source/about/index.md:3:11: error[FM103] `comments` should be a boolean (true or false), not the string \"no\"",
        ],
        "{out}"
    );
}

#[test]
fn presets_compile_and_print() {
    let dir = tree(&[("post.md", POST)]);
    for preset in ["hexo", "jekyll", "hugo"] {
        let out = postlint_in(dir.path())
            .args(["schema", preset])
            .output()
            .unwrap();
        assert!(out.status.success());
        let schema: Value = serde_json::from_slice(&out.stdout).expect("a preset is JSON");
        assert!(schema.get("$schema").is_some(), "{preset} names its draft");
        let (code, _, err) = concise(postlint_in(dir.path()).args([
            "check",
            "--no-config",
            "--preset",
            preset,
            "post.md",
        ]));
        assert_eq!(code, 1, "{preset}: {err}");
    }
    let (code, _, err) = concise(postlint_in(dir.path()).args([
        "check",
        "--no-config",
        "--preset",
        "gatsby",
        "post.md",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("unknown preset `gatsby`"), "{err}");
}

#[test]
fn formats_post_date_and_hexo_date_are_asserted() {
    let dir = tree(&[
        ("postlint.toml", "schema = \"s.json\"\n"),
        (
            "s.json",
            r#"{"properties": {"date": {"type": "string", "format": "post-date"}}}"#,
        ),
        ("good.md", "---\ndate: 2021-07-16 02:57:12 +0800\n---\n"),
        ("bad.md", "---\ndate: Fri, 16 Jul 2021 02:57:12 GMT\n---\n"),
    ]);
    let (code, out, _) = concise(postlint_in(dir.path()).args(["check", "--select", "FM106", "."]));
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().filter(|l| l.contains("error[")).collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(
        lines[0].starts_with("bad.md:2:7: error[FM106] `date` is not a date every generator reads"),
        "{out}"
    );
}

#[test]
fn the_seed_passes_the_hexo_preset_but_for_its_real_problems() {
    let Some(corpus) =
        common::corpus_or_skip("the_seed_passes_the_hexo_preset_but_for_its_real_problems")
    else {
        return;
    };
    let corpus = corpus.join("seed");
    let (code, out, _) = concise(postlint_in(&corpus).args([
        "check",
        "--no-config",
        "--preset",
        "hexo",
        "--select",
        "FM1",
        ".",
    ]));
    assert_eq!(code, 0, "no schema finding on the seed: {out}");
}
