//! One pure resolution: defaults < config file < command line -> `Settings`.

use std::path::{Path, PathBuf};

use toml::Spanned;

use super::html::{resolve_html, HtmlSettings};
use super::images::{resolve_images, ImageSettings};
use super::referrer_covers::{resolve_covers, resolve_referrer, CoverSettings, ReferrerSettings};
use super::schemas::{compile_source, glob_set, Collection, SchemaSet};
use super::{ConfigError, LoadedConfig};
use crate::diagnostic::Severity;
use crate::document::{Limits, YamlLimits};
use crate::rules::{Rule, RULES};
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

/// A rule that runs, with the severity it reports at.
#[derive(Debug, Clone, Copy)]
pub struct ActiveRule {
    pub rule: &'static Rule,
    pub severity: Severity,
}

/// What the command line says; `None`/empty means "not given".
#[derive(Debug, Default, Clone)]
pub struct CliOverrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub max_warnings: Option<usize>,
    /// `--preset NAME`: replaces the config's top-level `preset`/`schema`.
    pub preset: Option<String>,
}

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
    /// `[html]`: iframe hosts, site deny rules and exceptions, compiled.
    pub html: HtmlSettings,
    /// `[referrer]`: the site-wide policy and host overrides.
    pub referrer: ReferrerSettings,
    /// `[covers]`: cover keys and which cover checks apply.
    pub covers: CoverSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::resolve(None, &CliOverrides::default(), Path::new("."))
            .expect("the defaults are valid")
    }
}

/// A selector as written, with where it was written (for errors).
struct Selector<'a> {
    text: &'a str,
    span: Option<std::ops::Range<usize>>,
}

impl Settings {
    pub fn resolve(
        config: Option<&LoadedConfig>,
        cli: &CliOverrides,
        cwd: &Path,
    ) -> Result<Settings, ConfigError> {
        let file = config.map(|c| &c.file);
        let error = |sel: &Selector<'_>, message: String| match (config, &sel.span) {
            (Some(c), Some(span)) => ConfigError::Invalid {
                path: c.path.clone(),
                text: c.text.clone(),
                span: span.clone(),
                message,
            },
            _ => ConfigError::Cli(message),
        };
        let matching = |sel: &Selector<'_>| -> Result<Vec<usize>, ConfigError> {
            let found = matching_rules(sel.text);
            if found.is_empty() {
                return Err(error(sel, unknown_rule_message(sel.text)));
            }
            Ok(found)
        };

        let schemas = resolve_schemas(config, cli, cwd)?;
        let mut on: Vec<bool> = RULES.iter().map(|r| r.enabled).collect();
        if schemas.any_requires_front_matter() {
            // A preset whose generator needs front matter in every post turns FM001 on by default.
            if let Some(i) = RULES.iter().position(|r| r.code == "FM001") {
                on[i] = true;
            }
        }
        let covers = resolve_covers(config);
        if let Some(in_body) = covers.in_body {
            // `[covers] in-body` sets IMG042's default; an explicit selection still wins.
            if let Some(i) = RULES.iter().position(|r| r.code == "IMG042") {
                on[i] = in_body;
            }
        }
        let select = match &cli.select {
            Some(list) => Some(from_cli(list)),
            None => file
                .and_then(|f| f.select.as_ref())
                .map(|l| from_file(Some(l))),
        };
        if let Some(select) = select {
            on.iter_mut().for_each(|b| *b = false);
            for sel in &select {
                for i in matching(sel)? {
                    on[i] = true;
                }
            }
        }
        let mut extend = from_file(file.and_then(|f| f.extend_select.as_ref()));
        extend.extend(from_cli(&cli.extend_select));
        for sel in &extend {
            for i in matching(sel)? {
                on[i] = true;
            }
        }
        let mut severity: Vec<Severity> = RULES.iter().map(|r| r.severity).collect();
        if let Some(rules) = file.and_then(|f| f.rules.as_ref()) {
            for (key, value) in rules {
                let sel = Selector {
                    text: key.get_ref(),
                    span: Some(key.span()),
                };
                let targets = matching(&sel)?;
                let level = match value.get_ref().as_str() {
                    "off" => None,
                    "error" => Some(Severity::Error),
                    "warning" | "warn" => Some(Severity::Warning),
                    "info" => Some(Severity::Info),
                    other => {
                        let sel = Selector {
                            text: other,
                            span: Some(value.span()),
                        };
                        return Err(error(
                            &sel,
                            format!("unknown severity `{other}`: use \"error\", \"warning\", \"info\" or \"off\""),
                        ));
                    }
                };
                for i in targets {
                    match level {
                        Some(level) => {
                            on[i] = true;
                            severity[i] = level;
                        }
                        None => on[i] = false,
                    }
                }
            }
        }
        let mut ignore = from_file(file.and_then(|f| f.ignore.as_ref()));
        ignore.extend(from_cli(&cli.ignore));
        for sel in &ignore {
            for i in matching(sel)? {
                on[i] = false;
            }
        }

        let rules = RULES
            .iter()
            .zip(on.iter().zip(&severity))
            .filter(|(_, (on, _))| **on)
            .map(|(rule, (_, severity))| ActiveRule {
                rule,
                severity: *severity,
            })
            .collect();

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
            images: resolve_images(config)?,
            html: resolve_html(config, cwd)?,
            referrer: resolve_referrer(config)?,
            covers,
        })
    }

    pub fn is_enabled(&self, code: &str) -> bool {
        self.rules.iter().any(|r| r.rule.code == code)
    }
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

fn from_file(list: Option<&Vec<Spanned<String>>>) -> Vec<Selector<'_>> {
    list.map(|l| {
        l.iter()
            .map(|s| Selector {
                text: s.get_ref(),
                span: Some(s.span()),
            })
            .collect()
    })
    .unwrap_or_default()
}

fn from_cli(list: &[String]) -> Vec<Selector<'_>> {
    list.iter()
        .map(|s| Selector {
            text: s,
            span: None,
        })
        .collect()
}

/// Indices into `RULES` matched by a code, a code prefix (`FM`, `FM0`), a name, or `ALL`.
fn matching_rules(selector: &str) -> Vec<usize> {
    let upper = selector.to_ascii_uppercase();
    RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| upper == "ALL" || r.code.starts_with(&upper) || r.name == selector)
        .map(|(i, _)| i)
        .collect()
}

fn unknown_rule_message(selector: &str) -> String {
    let best = RULES
        .iter()
        .map(|r| (strsim::jaro_winkler(selector, r.name), r.name))
        .chain(RULES.iter().map(|r| {
            (
                strsim::jaro_winkler(&selector.to_ascii_uppercase(), r.code),
                r.code,
            )
        }))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, name)) if score > 0.8 => {
            format!("unknown rule `{selector}`: did you mean `{name}`? (`postlint rules` lists them)")
        }
        _ => format!("unknown rule `{selector}`: give a code (FM002), a prefix (FM) or a name (`postlint rules` lists them)"),
    }
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
}
