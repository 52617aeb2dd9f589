//! Which static-site generator a folder is the root of, told from the files generators keep
//! there. `postlint init` uses it to write a config, and directory walks to skip the folders a
//! generator keeps templates, build output and dependencies in (see [`defaults`]).
//!
//! Only the folder itself is looked at, never its parents: a site is recognised at its root.
//! Hexo is tried first because Hexo and Jekyll both keep a `_config.yml`, and Hexo's is the one
//! with keys of its own.

pub mod defaults;
pub mod site_config;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use site_config::{read_site_config, SiteConfig};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Generator {
    Hexo,
    Jekyll,
    Hugo,
}

impl Generator {
    /// The name people write it with.
    pub fn name(self) -> &'static str {
        match self {
            Generator::Hexo => "Hexo",
            Generator::Jekyll => "Jekyll",
            Generator::Hugo => "Hugo",
        }
    }

    /// The built-in front-matter schema for the generator's posts.
    pub fn preset(self) -> &'static str {
        match self {
            Generator::Hexo => "hexo",
            Generator::Jekyll => "jekyll",
            Generator::Hugo => "hugo",
        }
    }
}

/// A folder recognised as a site's root, with what gave it away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub generator: Generator,
    pub root: PathBuf,
    /// Human-readable clues, e.g. "a scaffolds/ folder".
    pub evidence: Vec<String>,
}

/// Keys of Hexo's `_config.yml` that Jekyll does not use.
const HEXO_KEYS: &[&str] = &[
    "new_post_name",
    "source_dir",
    "public_dir",
    "tag_dir",
    "archive_dir",
    "category_dir",
    "post_asset_folder",
    "render_drafts",
    "default_layout",
];

const CONFIG_EXTENSIONS: &[&str] = &["toml", "yaml", "yml", "json"];

/// The site whose root is `dir`, if any generator's files are there.
pub fn detect(dir: &Path) -> Option<Site> {
    let site = |generator, evidence: Vec<String>| {
        (!evidence.is_empty()).then(|| Site {
            generator,
            root: dir.to_owned(),
            evidence,
        })
    };
    site(Generator::Hexo, hexo_evidence(dir))
        .or_else(|| site(Generator::Hugo, hugo_evidence(dir)))
        .or_else(|| site(Generator::Jekyll, jekyll_evidence(dir)))
}

fn hexo_evidence(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    if let Some(Value::Object(config)) = site_config::parsed(&dir.join("_config.yml")) {
        let keys: Vec<&str> = HEXO_KEYS
            .iter()
            .copied()
            .filter(|k| config.contains_key(*k))
            .collect();
        if !keys.is_empty() {
            found.push(format!("_config.yml has Hexo keys ({})", keys.join(", ")));
        }
        // Jekyll also has a `theme` key, naming a gem; only Hexo keeps themes in themes/.
        if let Some(Value::String(theme)) = config.get("theme") {
            if !theme.is_empty() && dir.join("themes").join(theme).is_dir() {
                found.push(format!("_config.yml names the theme in themes/{theme}/"));
            }
        }
    }
    if dir.join("scaffolds").is_dir() {
        found.push("a scaffolds/ folder".into());
    }
    if let Some(package) = site_config::parsed(&dir.join("package.json")) {
        let depends = ["dependencies", "devDependencies"]
            .iter()
            .any(|k| package.get(k).and_then(|d| d.get("hexo")).is_some());
        if depends {
            found.push("package.json depends on hexo".into());
        }
    }
    found
}

fn hugo_evidence(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for ext in CONFIG_EXTENSIONS {
        if dir.join(format!("hugo.{ext}")).is_file() {
            found.push(format!("hugo.{ext}"));
        }
    }
    if dir.join("config/_default").is_dir() {
        found.push("a config/_default/ folder".into());
    }
    // `config.toml` alone names no generator (many tools read one); Hugo's sits beside the
    // folders only Hugo has.
    let hugo_folder = ["content", "archetypes"]
        .iter()
        .find(|d| dir.join(d).is_dir());
    if let Some(folder) = hugo_folder {
        for ext in CONFIG_EXTENSIONS {
            if dir.join(format!("config.{ext}")).is_file() {
                found.push(format!("config.{ext} beside a {folder}/ folder"));
            }
        }
    }
    found
}

fn jekyll_evidence(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    if dir.join("_config.yml").is_file() {
        found.push("_config.yml".into());
    }
    if dir.join("_posts").is_dir() {
        found.push("a _posts/ folder".into());
    }
    let gemfile = std::fs::read_to_string(dir.join("Gemfile")).unwrap_or_default();
    if gemfile.to_ascii_lowercase().contains("jekyll") {
        found.push("a Gemfile that mentions jekyll".into());
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::tree;

    fn generator(files: &[(&str, &str)]) -> Option<Generator> {
        let dir = tree(files);
        detect(dir.path()).map(|s| s.generator)
    }

    #[test]
    fn hexo_is_told_from_jekyll_by_its_keys_scaffolds_or_package() {
        let hexo = Some(Generator::Hexo);
        let jekyll = Some(Generator::Jekyll);
        assert_eq!(generator(&[("_config.yml", "new_post_name: x.md\n")]), hexo);
        assert_eq!(generator(&[("_config.yml", "title: a\n")]), jekyll);
        assert_eq!(
            generator(&[("_config.yml", "title: a\n"), ("scaffolds/post.md", "")]),
            hexo
        );
        let package = r#"{"dependencies": {"hexo": "^7.0.0"}}"#;
        assert_eq!(generator(&[("package.json", package)]), hexo);
        assert_eq!(generator(&[("package.json", r#"{"name": "x"}"#)]), None);
        // A Jekyll theme gem is not a Hexo theme; one kept in themes/ is.
        assert_eq!(generator(&[("_config.yml", "theme: minima\n")]), jekyll);
        assert_eq!(
            generator(&[("_config.yml", "theme: next\n"), ("themes/next/a", "")]),
            hexo
        );
    }

    #[test]
    fn jekyll_and_hugo_markers() {
        assert_eq!(
            generator(&[("_posts/2024-01-01-a.md", "")]),
            Some(Generator::Jekyll)
        );
        assert_eq!(
            generator(&[("Gemfile", "gem \"jekyll\", \"~> 4.3\"\n")]),
            Some(Generator::Jekyll)
        );
        assert_eq!(generator(&[("hugo.toml", "")]), Some(Generator::Hugo));
        assert_eq!(
            generator(&[("config/_default/hugo.yaml", "")]),
            Some(Generator::Hugo)
        );
        assert_eq!(
            generator(&[("config.toml", ""), ("content/a.md", "")]),
            Some(Generator::Hugo)
        );
        assert_eq!(generator(&[("config.toml", "")]), None);
        assert_eq!(generator(&[("README.md", "")]), None);
    }

    #[test]
    fn a_broken_config_is_no_evidence_but_other_files_still_are() {
        let dir = tree(&[("_config.yml", "a: [\n"), ("scaffolds/post.md", "")]);
        let site = detect(dir.path()).unwrap();
        assert_eq!(site.generator, Generator::Hexo);
        assert_eq!(site.evidence, vec!["a scaffolds/ folder".to_owned()]);
    }
}
