//! The TPL rules on real sites: Hexo's own documentation site under the hexo preset, and the
//! other generators' sites, where the Hexo rules are off.

mod common;
use common::{outcome, postlint_in, tree};

use std::collections::BTreeMap;
use std::path::Path;

/// TPL findings per tag name (the name quoted first in the message) for `check ARGS`.
fn tpl_by_code(dir: &Path, args: &[&str]) -> BTreeMap<String, usize> {
    let mut cmd = postlint_in(dir);
    cmd.args(["check", "--select", "TPL", "--format", "json"])
        .args(args);
    let (code, stdout, stderr) = outcome(&mut cmd);
    assert_ne!(code, 2, "{stderr}");
    let findings: serde_json::Value = serde_json::from_str(&stdout).expect("JSON output");
    let mut counts = BTreeMap::new();
    for f in findings.as_array().expect("findings") {
        let message = f["message"].as_str().unwrap_or_default();
        let name = message.split('`').nth(1).unwrap_or_default();
        *counts
            .entry(format!("{} {name}", f["code"].as_str().unwrap_or_default()))
            .or_default() += 1;
    }
    counts
}

#[test]
fn hexos_own_docs_need_only_their_theme_and_embed_tags_declared() {
    let Some(corpus) =
        common::corpus_or_skip("hexos_own_docs_need_only_their_theme_and_embed_tags_declared")
    else {
        return;
    };
    let site = corpus.join("hexo-site");
    // The docs show Nunjucks all the time, in fences, inline code and `<code>`, which Hexo
    // protects; what is left is the site's own `{% note %}` theme tag and `{% youtube %}`
    // from the embed plugin, unknown until they are declared.
    let found = tpl_by_code(&site, &["--no-config", "--preset", "hexo", "."]);
    let names: Vec<&str> = found.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        vec!["TPL003 endnote", "TPL003 note", "TPL003 youtube"],
        "{found:?}"
    );
    assert_eq!(found["TPL003 note"], found["TPL003 endnote"]);

    let dir = tree(&[(
        "postlint.toml",
        "preset = \"hexo\"\n[templates]\ntags = [\"note\", \"youtube\"]\n",
    )]);
    let config = dir.path().join("postlint.toml");
    let found = tpl_by_code(&site, &["--config", config.to_str().unwrap(), "."]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_hexo_rules_are_off_under_the_other_presets_and_without_one() {
    let Some(corpus) =
        common::corpus_or_skip("the_hexo_rules_are_off_under_the_other_presets_and_without_one")
    else {
        return;
    };
    for (site, preset) in [
        ("ruby-lang", "jekyll"),
        ("hugo-docs", "hugo"),
        ("hexo-site", ""),
    ] {
        let mut args = vec!["--no-config"];
        if !preset.is_empty() {
            args.extend(["--preset", preset]);
        }
        args.push(".");
        let found = tpl_by_code(&corpus.join(site), &args);
        assert!(found.is_empty(), "{site}: {found:?}");
    }
}
