//! The generator's own config file, read for what postlint can use: the site's public URL and
//! its permalink pattern.
//!
//! The files are read with the parsers front matter uses (YAML with its depth and alias
//! budget, TOML, JSON), so a hostile or broken site config costs no more than a post.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{Generator, Site};
use crate::document::front_matter::{toml, yaml};
use crate::source::SourceFile;

/// What the generator's config says about where the site is served.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteConfig {
    /// The file these values were read from.
    pub path: PathBuf,
    /// Hexo and Jekyll `url`, Hugo `baseURL`.
    pub url: Option<String>,
    /// Jekyll `baseurl`, Hexo `root`: the path the site lives under.
    pub base_path: Option<String>,
    /// `permalink` (Hexo, Jekyll), or Hugo's `[permalinks]` as `section = pattern`.
    pub permalinks: Vec<(String, String)>,
}

impl SiteConfig {
    /// Whether the URL says the site is served over https (`None`: no URL, or no scheme).
    pub fn https(&self) -> Option<bool> {
        let url = self.url.as_deref()?.trim().to_ascii_lowercase();
        if url.starts_with("https://") {
            Some(true)
        } else if url.starts_with("http://") {
            Some(false)
        } else {
            None
        }
    }
}

/// The config file of `site`, read. `Ok(None)`: the site keeps none (Jekyll's is optional).
pub fn read_site_config(site: &Site) -> Result<Option<SiteConfig>, String> {
    let Some(path) = config_path(site) else {
        return Ok(None);
    };
    let value = parse_file(&path)?;
    let get = |key: &str| string_at(&value, key);
    let config = match site.generator {
        // The same keys but for the base path: Hexo's `root`, Jekyll's `baseurl`.
        Generator::Hexo | Generator::Jekyll => SiteConfig {
            url: get("url"),
            base_path: get(if site.generator == Generator::Hexo {
                "root"
            } else {
                "baseurl"
            }),
            permalinks: get("permalink")
                .map(|p| (String::new(), p))
                .into_iter()
                .collect(),
            path,
        },
        // Hugo's keys are case-insensitive: `baseURL` and `baseurl` are the same key.
        Generator::Hugo => SiteConfig {
            url: get_any_case(&value, "baseurl"),
            base_path: None,
            permalinks: hugo_permalinks(&value),
            path,
        },
    };
    Ok(Some(config))
}

/// The file a generator reads its settings from, as it looks for them.
fn config_path(site: &Site) -> Option<PathBuf> {
    let root = &site.root;
    let candidates: Vec<PathBuf> = match site.generator {
        Generator::Hexo | Generator::Jekyll => vec![root.join("_config.yml")],
        Generator::Hugo => ["hugo", "config"]
            .iter()
            .flat_map(|stem| {
                ["toml", "yaml", "yml", "json"].iter().flat_map(move |ext| {
                    [
                        root.join(format!("{stem}.{ext}")),
                        root.join("config/_default").join(format!("{stem}.{ext}")),
                    ]
                })
            })
            .collect(),
    };
    candidates.into_iter().find(|p| p.is_file())
}

/// A config file parsed by its extension; the error names the file, line and column.
pub fn parse_file(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {}", path.display(), crate::lint::io_reason(&e)))?;
    let source = SourceFile::new(path.display().to_string(), text.as_str());
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let parsed = match ext {
        "toml" => toml::parse(&text, 0).map(|p| p.value),
        "json" => {
            return serde_json::from_str(&text)
                .map_err(|e| format!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))
        }
        _ => yaml::parse(
            &text,
            &yaml::Placement::at(&source, 0..text.len()),
            yaml::YamlLimits::default(),
        )
        .map(|p| p.value),
    };
    parsed.map_err(|err| {
        let at = source.position(err.offset);
        format!(
            "{}:{}:{}: {}",
            path.display(),
            at.line,
            at.column,
            err.message
        )
    })
}

/// A file's value, or `None` when it is missing or does not parse: for detection, where a
/// broken file is simply no clue.
pub(super) fn parsed(path: &Path) -> Option<Value> {
    path.is_file().then(|| parse_file(path).ok()).flatten()
}

fn string_at(value: &Value, key: &str) -> Option<String> {
    scalar(value.get(key)?)
}

fn get_any_case(value: &Value, key: &str) -> Option<String> {
    let map = value.as_object()?;
    map.iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .and_then(|(_, v)| scalar(v))
}

/// A value as it would be written, for strings and numbers; empty strings count as unset.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn hugo_permalinks(value: &Value) -> Vec<(String, String)> {
    let Some(map) = value.as_object() else {
        return Vec::new();
    };
    let Some(Value::Object(links)) = map
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("permalinks"))
        .map(|(_, v)| v)
    else {
        return Vec::new();
    };
    links
        .iter()
        .filter_map(|(section, pattern)| Some((section.clone(), scalar(pattern)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with(generator: Generator, files: &[(&str, &str)]) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        for (rel, content) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, content).unwrap();
        }
        let site = Site {
            generator,
            root: dir.path().to_owned(),
            evidence: Vec::new(),
        };
        (dir, site)
    }

    #[test]
    fn urls_and_permalinks_per_generator() {
        let (_d, hexo) = site_with(
            Generator::Hexo,
            &[(
                "_config.yml",
                "url: https://blog.example.com\nroot: /\npermalink: :year/:title/\n",
            )],
        );
        let c = read_site_config(&hexo).unwrap().unwrap();
        assert_eq!(c.url.as_deref(), Some("https://blog.example.com"));
        assert_eq!(c.https(), Some(true));
        assert_eq!(c.permalinks, vec![(String::new(), ":year/:title/".into())]);

        let (_d, jekyll) = site_with(
            Generator::Jekyll,
            &[(
                "_config.yml",
                "url: \"http://me.github.io\"\nbaseurl: \"/blog\"\npermalink: pretty\n",
            )],
        );
        let c = read_site_config(&jekyll).unwrap().unwrap();
        assert_eq!(c.https(), Some(false));
        assert_eq!(c.base_path.as_deref(), Some("/blog"));

        let (_d, hugo) = site_with(
            Generator::Hugo,
            &[(
                "config/_default/hugo.toml",
                "baseurl = 'https://example.org/'\n[permalinks]\nposts = '/:year/:slug/'\n",
            )],
        );
        let c = read_site_config(&hugo).unwrap().unwrap();
        assert_eq!(c.url.as_deref(), Some("https://example.org/"));
        assert_eq!(c.permalinks, vec![("posts".into(), "/:year/:slug/".into())]);
        assert!(c.path.ends_with("config/_default/hugo.toml"));
    }

    #[test]
    fn errors_name_the_file_and_line_and_a_missing_file_is_none() {
        let (_d, hexo) = site_with(Generator::Hexo, &[("_config.yml", "url: a\nb: [\n")]);
        let err = read_site_config(&hexo).unwrap_err();
        assert!(err.contains("_config.yml:"), "{err}");
        let (_d, jekyll) = site_with(Generator::Jekyll, &[("_posts/a.md", "")]);
        assert_eq!(read_site_config(&jekyll).unwrap(), None);
        let (_d, hugo) = site_with(Generator::Hugo, &[("hugo.json", "{\"baseURL\": 1,}")]);
        let err = read_site_config(&hugo).unwrap_err();
        assert!(err.contains("hugo.json:1:"), "{err}");
    }
}
