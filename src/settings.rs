//! One pure resolution: defaults < config file < command line -> `Settings`: the config's
//! sections (from `config`) and the rules that run (from `rules::selection`), composed.

use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::config::html::{resolve_html, HtmlSettings};
use crate::config::images::{resolve_images, ImageSettings};
use crate::config::referrer_covers::{
    resolve_covers, resolve_referrer, CoverSettings, ReferrerSettings,
};
use crate::config::schemas::{compile_source, glob_set, Collection, SchemaSet};
use crate::config::{CliOverrides, ConfigError, LoadedConfig};
use crate::document::{Limits, YamlLimits};
use crate::rules::selection::{active_rules, ActiveRule, HtmlExceptions, SectionDefaults};
use crate::schema::SchemaSource;

/// Keys that hold dates in Hexo, Jekyll, Hugo and common themes.
pub const DEFAULT_DATE_KEYS: &[&str] = &[
    "date",
    "updated",
    "lastmod",
    "last_modified_at",
    "publishDate",
    "pubDate",
    "expiryDate",
    "modified",
];

/// 16 MiB: far above any real post, low enough that a stray data dump is not parsed.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "html"];

#[derive(Debug, Clone)]
pub struct Settings {
    pub rules: Vec<ActiveRule>,
    pub extensions: Vec<String>,
    /// Gitignore-style globs to skip while walking, and the directory they are relative to.
    pub exclude: Vec<String>,
    pub root: PathBuf,
    /// `[limits]`: YAML depth and alias budget, HTML depth.
    pub limits: Limits,
    /// Files larger than this are reported and skipped.
    pub max_file_size: u64,
    pub max_warnings: Option<usize>,
    /// The front-matter schemas and which files they apply to.
    pub schemas: SchemaSet,
    /// Front-matter keys checked as dates.
    pub date_keys: Vec<String>,
    /// The config file in use, if any.
    pub config_path: Option<PathBuf>,
    /// `[images]`: image URL checks, proxies and local image files.
    pub images: ImageSettings,
    /// `[html]`: iframe hosts and site deny rules, compiled.
    pub html: HtmlSettings,
    /// `[[html.allow]]`: exceptions to the HTML rules.
    pub html_exceptions: HtmlExceptions,
    /// `[referrer]`: the site-wide policy and host overrides.
    pub referrer: ReferrerSettings,
    /// `[covers]`: cover keys and which cover checks apply.
    pub covers: CoverSettings,
    /// `baseline`: the accepted-findings file, resolved against the config file's folder.
    pub baseline: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::resolve(None, &CliOverrides::default(), Path::new("."))
            .expect("the defaults are valid")
    }
}

impl Settings {
    pub fn resolve(
        config: Option<&LoadedConfig>,
        cli: &CliOverrides,
        cwd: &Path,
    ) -> Result<Settings, ConfigError> {
        let file = config.map(|c| &c.file);
        let schemas = resolve_schemas(config, cli, cwd)?;
        let covers = resolve_covers(config);
        let images = resolve_images(config)?;
        let rules = active_rules(
            config,
            cli,
            SectionDefaults {
                requires_front_matter: schemas.any_requires_front_matter(),
                cover_in_body: covers.in_body,
                data_urls: images.data_urls,
                proxies: images.proxies,
            },
        )?;
        let html = resolve_html(config, cwd)?;
        let html_exceptions = HtmlExceptions::resolve(config, &html)?;
        let files = file.and_then(|f| f.files.as_ref());
        let extensions = files
            .and_then(|f| f.extensions.clone())
            .unwrap_or_else(|| DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect())
            .into_iter()
            .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
            .collect();
        let exclude = files
            .and_then(|f| f.exclude.as_ref())
            .map(|l| l.iter().map(|s| s.get_ref().clone()).collect())
            .unwrap_or_default();
        let limits = file.and_then(|f| f.limits.as_ref());
        let defaults = Limits::default();
        let parse_limits = Limits {
            yaml: YamlLimits {
                max_depth: limits
                    .and_then(|l| l.max_yaml_depth)
                    .unwrap_or(defaults.yaml.max_depth),
                max_alias_nodes: limits
                    .and_then(|l| l.max_alias_nodes)
                    .unwrap_or(defaults.yaml.max_alias_nodes),
            },
            max_html_depth: limits
                .and_then(|l| l.max_html_depth)
                .unwrap_or(defaults.max_html_depth),
        };
        Ok(Settings {
            rules,
            extensions,
            exclude,
            root: config.map_or_else(|| cwd.to_owned(), |c| c.dir().to_owned()),
            limits: parse_limits,
            max_file_size: limits
                .and_then(|l| l.max_file_size)
                .unwrap_or(DEFAULT_MAX_FILE_SIZE),
            max_warnings: cli.max_warnings.or(file.and_then(|f| f.max_warnings)),
            schemas,
            date_keys: file
                .and_then(|f| f.dates.as_ref())
                .and_then(|d| d.keys.clone())
                .unwrap_or_else(|| DEFAULT_DATE_KEYS.iter().map(|s| s.to_string()).collect()),
            config_path: config.map(|c| c.path.clone()),
            images,
            html,
            html_exceptions,
            referrer: resolve_referrer(config)?,
            covers,
            baseline: resolve_baseline(config)?,
        })
    }
}

fn resolve_baseline(config: Option<&LoadedConfig>) -> Result<Option<PathBuf>, ConfigError> {
    let Some((config, path)) = config.and_then(|c| Some((c, c.file.baseline.as_ref()?))) else {
        return Ok(None);
    };
    if path.get_ref().trim().is_empty() {
        return Err(config.invalid(path.span(), "`baseline` is an empty path".into()));
    }
    Ok(Some(config.dir().join(path.get_ref())))
}

fn resolve_schemas(
    config: Option<&LoadedConfig>,
    cli: &CliOverrides,
    cwd: &Path,
) -> Result<SchemaSet, ConfigError> {
    let base = config.map_or_else(|| cwd.to_owned(), |c| c.dir().to_owned());
    let root = crate::schema::normalize(&base);
    let in_file = |span: std::ops::Range<usize>, message: String| match config {
        Some(c) => ConfigError::Invalid {
            path: c.path.clone(),
            text: c.text.clone(),
            span,
            message,
        },
        None => ConfigError::Cli(message),
    };
    let source = |preset: Option<&Spanned<String>>,
                  schema: Option<&Spanned<String>>,
                  span: std::ops::Range<usize>| {
        match (preset, schema) {
            (Some(_), Some(s)) => Err(in_file(
                s.span(),
                "give either `preset` or `schema`, not both".into(),
            )),
            (Some(p), None) => Ok(Some((SchemaSource::Preset(p.get_ref().clone()), p.span()))),
            (None, Some(s)) => Ok(Some((
                SchemaSource::File(PathBuf::from(s.get_ref())),
                s.span(),
            ))),
            (None, None) if span.is_empty() => Ok(None),
            (None, None) => Err(in_file(
                span,
                "a collection needs a `schema` or a `preset`".into(),
            )),
        }
    };
    let compile = |(source, span): (SchemaSource, std::ops::Range<usize>)| {
        compile_source(&source, &root).map_err(|message| in_file(span, message))
    };
    let file = config.map(|c| &c.file);
    let default = match &cli.preset {
        Some(name) => Some(
            compile_source(&SchemaSource::Preset(name.clone()), &root).map_err(ConfigError::Cli)?,
        ),
        None => source(
            file.and_then(|f| f.preset.as_ref()),
            file.and_then(|f| f.schema.as_ref()),
            0..0,
        )?
        .map(compile)
        .transpose()?,
    };
    let mut collections = Vec::new();
    for entry in file
        .and_then(|f| f.collections.as_ref())
        .into_iter()
        .flatten()
    {
        let globs: Vec<String> = entry
            .files
            .get_ref()
            .iter()
            .map(|g| g.get_ref().clone())
            .collect();
        let set = glob_set(&globs).map_err(|(i, message)| {
            let span = entry
                .files
                .get_ref()
                .get(i)
                .map_or(entry.files.span(), |g| g.span());
            in_file(span, message)
        })?;
        let Some(found) = source(
            entry.preset.as_ref(),
            entry.schema.as_ref(),
            entry.files.span(),
        )?
        else {
            continue;
        };
        collections.push(Collection {
            globs: set,
            schema: compile(found)?,
        });
    }
    Ok(SchemaSet {
        collections,
        default,
        root,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(select: Option<&[&str]>, ignore: &[&str]) -> Result<Vec<&'static str>, ConfigError> {
        let cli = CliOverrides {
            select: select.map(|s| s.iter().map(|x| x.to_string()).collect()),
            ignore: ignore.iter().map(|x| x.to_string()).collect(),
            ..Default::default()
        };
        Ok(Settings::resolve(None, &cli, Path::new("."))?
            .rules
            .iter()
            .map(|r| r.rule.code)
            .collect())
    }

    #[test]
    fn selection_by_code_prefix_and_name() {
        assert!(!resolve(None, &[]).unwrap().contains(&"FM001"));
        assert_eq!(resolve(Some(&["FM001"]), &[]).unwrap(), vec!["FM001"]);
        assert_eq!(
            resolve(Some(&["duplicate-key"]), &[]).unwrap(),
            vec!["FM005"]
        );
        assert!(resolve(Some(&["FM00"]), &["FM00"]).unwrap().is_empty());
        assert!(resolve(Some(&["FM"]), &[]).unwrap().contains(&"FM101"));
        assert!(resolve(Some(&["ALL"]), &[]).unwrap().contains(&"FM001"));
        let err = resolve(Some(&["duplicate-keys"]), &[])
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean `duplicate-key`"), "{err}");
    }

    fn load(text: &str) -> Result<Settings, ConfigError> {
        let config = LoadedConfig {
            path: PathBuf::from("/site/postlint.toml"),
            text: text.to_owned(),
            file: toml::from_str(text).expect("valid TOML"),
        };
        Settings::resolve(Some(&config), &CliOverrides::default(), Path::new("/site"))
    }

    #[test]
    fn html_exceptions_name_html_rules() {
        let s = load(
            "[[html.allow]]\nfiles = [\"legacy/**\"]\nrules = [\"script-element\", \"HT00\"]\n",
        )
        .unwrap();
        let ex = &s.html_exceptions;
        assert!(ex.entries[0].codes.contains(&"HT001"));
        assert!(ex.allows("HT002", "/site/legacy/old.md", None));
        assert!(!ex.allows("HT100", "/site/legacy/old.md", None));
        assert!(!ex.allows("HT001", "/site/posts/new.md", None));
        let text = "[[html.allow]]\nrules = [\"FM001\"]\n";
        assert!(matches!(load(text), Err(ConfigError::Invalid { .. })));
    }

    #[test]
    fn baseline_is_relative_to_the_config_file() {
        let s = load("baseline = \"ci/baseline.json\"\n").unwrap();
        assert_eq!(s.baseline, Some(PathBuf::from("/site/ci/baseline.json")));
        assert_eq!(load("").unwrap().baseline, None);
        assert!(matches!(
            load("baseline = \" \"\n"),
            Err(ConfigError::Invalid { .. })
        ));
    }

    #[test]
    fn rules_severities_beat_section_switches() {
        let severity = |text: &str| {
            load(text)
                .unwrap()
                .rules
                .iter()
                .find(|a| a.rule.code == "IMG006")
                .map(|a| a.severity)
        };
        use crate::diagnostic::Severity;
        assert_eq!(severity(""), Some(Severity::Warning));
        assert_eq!(
            severity("[images]\ndata-urls = \"error\"\n"),
            Some(Severity::Error)
        );
        assert_eq!(severity("[images]\ndata-urls = \"allow\"\n"), None);
        let both = "[images]\ndata-urls = \"error\"\n[rules]\nIMG006 = \"warning\"\n";
        assert_eq!(severity(both), Some(Severity::Warning));
        let both = "[images]\ndata-urls = \"allow\"\n[rules]\nIMG006 = \"info\"\n";
        assert_eq!(severity(both), Some(Severity::Info));
    }
}
