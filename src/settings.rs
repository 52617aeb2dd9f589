//! One pure resolution: defaults < config file < command line -> `Settings`: the config's
//! sections (from `config`) and the rules that run (from `rules::selection`), composed.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::Spanned;

use crate::boundary::Boundary;
use crate::config::files::{resolve_files, Excludes};
use crate::config::html::{resolve_allow, resolve_html, HtmlSettings};
use crate::config::images::{resolve_images, ImageSettings};
use crate::config::layers::{layers, per_file_ignores};
use crate::config::referrer_covers::{
    resolve_covers, resolve_referrer, CoverSettings, ReferrerSettings,
};
use crate::config::schemas::{compile_source, glob_set, Collection, SchemaSet};
use crate::config::{Applied, CliOverrides, ConfigChain, ConfigError, Layer, LoadedConfig};
use crate::document::{Limits, YamlLimits};
use crate::rules::selection::{active_rules, ActiveRule, HtmlExceptions, SectionDefaults};
use crate::schema::SchemaSource;

pub use crate::config::files::DEFAULT_EXTENSIONS;

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

#[derive(Debug, Clone)]
pub struct Settings {
    pub rules: Vec<ActiveRule>,
    pub extensions: Vec<String>,
    /// Gitignore-style globs to skip while walking, with the folder they are relative to.
    pub exclude: Excludes,
    /// The folder of the config file in use (the nearest one), or the working directory.
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
    /// `[dates] portable`: FM202 reports what any generator misreads, whatever the preset.
    pub dates_portable: bool,
    /// `[templates] tags`: tag names the site's plugins register.
    pub template_tags: Vec<String>,
    /// The config file in use, if any (the nearest; the files it extends come before it).
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
    /// The repository root of the run, set by the [`Workspace`](crate::Workspace). Without it
    /// (or for a post outside it) each post's own root is used: see [`Settings::boundary_for`].
    pub boundary: Option<Arc<Boundary>>,
    /// `--follow-symlinks-outside`.
    pub follow_symlinks_outside: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::resolve(None, &CliOverrides::default(), Path::new("."))
            .expect("the defaults are valid")
    }
}

impl Settings {
    /// These settings with `root` as the repository root: posts, image files and static folders
    /// are read only inside it. The [`Workspace`](crate::Workspace) sets it for a run; library
    /// callers linting a site set it to the site's folder.
    pub fn with_root(mut self, root: &Path) -> Settings {
        self.boundary = Some(Arc::new(Boundary::new(root, self.follow_symlinks_outside)));
        self
    }

    /// The boundary a post's files are read within: the run's root when the post lies inside it,
    /// else the post's own (its nearest config's folder, else its git top level, else its
    /// folder).
    pub fn boundary_for(&self, post: &Path) -> Arc<Boundary> {
        if let Some(run) = &self.boundary {
            if run.contains_lexically(post) {
                return Arc::clone(run);
            }
        }
        Arc::new(Boundary::around(post, self.follow_symlinks_outside))
    }

    /// The settings of one config file's top level (its `extend` is not followed and no
    /// override applies: see [`Settings::resolve_chain`]) and the command line.
    pub fn resolve(
        config: Option<&LoadedConfig>,
        cli: &CliOverrides,
        cwd: &Path,
    ) -> Result<Settings, ConfigError> {
        let files: Vec<&LoadedConfig> = config.into_iter().collect();
        resolve_files_layers(&files, &Applied::default(), cli, cwd)
    }

    /// The settings of a config chain with the `[[overrides]]` and `[per-file-ignores]`
    /// entries in `applied` (`ConfigChain::matching` gives them for a path), and the command line.
    pub fn resolve_chain(
        chain: Option<&ConfigChain>,
        applied: &Applied,
        cli: &CliOverrides,
        cwd: &Path,
    ) -> Result<Settings, ConfigError> {
        let files = chain.map(|c| c.files()).unwrap_or_default();
        resolve_files_layers(&files, applied, cli, cwd)
    }
}

fn resolve_files_layers(
    files: &[&LoadedConfig],
    applied: &Applied,
    cli: &CliOverrides,
    cwd: &Path,
) -> Result<Settings, ConfigError> {
    let layers = layers(files, applied);
    let nearest = files.last();
    let root = nearest.map_or_else(|| cwd.to_owned(), |c| c.dir().to_owned());
    let schemas = resolve_schemas(&layers, cli, &root)?;
    let covers = resolve_covers(&layers);
    let images = resolve_images(&layers)?;
    let rules = active_rules(
        &layers,
        &per_file_ignores(files, applied),
        cli,
        SectionDefaults {
            requires_front_matter: schemas.any_requires_front_matter(),
            cover_in_body: covers.in_body,
            data_urls: images.data_urls,
            proxies: images.proxies,
        },
    )?;
    let html = resolve_html(&layers)?;
    let mut html_exceptions = HtmlExceptions::default();
    for layer in &layers {
        if let Some(allow) = resolve_allow(layer)? {
            html_exceptions = HtmlExceptions::resolve(layer, &allow)?;
        }
    }
    let (extensions, exclude) = resolve_files(&layers, &crate::schema::normalize(&root))?;
    let tops = || layers.iter().filter_map(|l| l.top);
    let defaults = Limits::default();
    let mut limits = Limits {
        yaml: YamlLimits {
            max_depth: defaults.yaml.max_depth,
            max_alias_nodes: defaults.yaml.max_alias_nodes,
        },
        max_html_depth: defaults.max_html_depth,
    };
    let mut max_file_size = DEFAULT_MAX_FILE_SIZE;
    let mut max_warnings = None;
    for top in tops() {
        if let Some(l) = &top.limits {
            limits.yaml.max_depth = l.max_yaml_depth.unwrap_or(limits.yaml.max_depth);
            limits.yaml.max_alias_nodes = l.max_alias_nodes.unwrap_or(limits.yaml.max_alias_nodes);
            limits.max_html_depth = l.max_html_depth.unwrap_or(limits.max_html_depth);
            max_file_size = l.max_file_size.unwrap_or(max_file_size);
        }
        max_warnings = top.max_warnings.or(max_warnings);
    }
    let mut date_keys: Vec<String> = DEFAULT_DATE_KEYS.iter().map(|s| s.to_string()).collect();
    for keys in layers
        .iter()
        .filter_map(|l| l.dates.and_then(|d| d.keys.as_ref()))
    {
        date_keys = keys.clone();
    }
    let template_tags = tops()
        .filter_map(|t| t.templates.as_ref().and_then(|s| s.tags.clone()))
        .next_back()
        .unwrap_or_default();
    let dates_portable = layers
        .iter()
        .filter_map(|l| l.dates.and_then(|d| d.portable))
        .next_back()
        .unwrap_or(false);
    Ok(Settings {
        rules,
        extensions,
        exclude,
        root,
        limits,
        max_file_size,
        max_warnings: cli.max_warnings.or(max_warnings),
        schemas,
        date_keys,
        dates_portable,
        template_tags,
        config_path: nearest.map(|c| c.path.clone()),
        images,
        html,
        html_exceptions,
        referrer: resolve_referrer(&layers)?,
        covers,
        baseline: resolve_baseline(files)?,
        boundary: None,
        follow_symlinks_outside: cli.follow_symlinks_outside,
    })
}

/// The nearest config file that names a baseline decides it; the path is relative to that file.
fn resolve_baseline(files: &[&LoadedConfig]) -> Result<Option<PathBuf>, ConfigError> {
    let Some((config, path)) = files
        .iter()
        .rev()
        .find_map(|c| Some((*c, c.file.baseline.as_ref()?)))
    else {
        return Ok(None);
    };
    if path.get_ref().trim().is_empty() {
        return Err(config.invalid(path.span(), "`baseline` is an empty path".into()));
    }
    Ok(Some(config.dir().join(path.get_ref())))
}

/// The schema source a layer names, with where it is named; both keys at once is an error.
fn named_source(
    layer: &Layer<'_>,
    preset: Option<&Spanned<String>>,
    schema: Option<&Spanned<String>>,
) -> Result<Option<(SchemaSource, Range<usize>)>, ConfigError> {
    match (preset, schema) {
        (Some(_), Some(s)) => Err(layer.invalid(
            s.span(),
            "give either `preset` or `schema`, not both".into(),
        )),
        (Some(p), None) => Ok(Some((SchemaSource::Preset(p.get_ref().clone()), p.span()))),
        (None, Some(s)) => Ok(Some((
            SchemaSource::File(PathBuf::from(s.get_ref())),
            s.span(),
        ))),
        (None, None) => Ok(None),
    }
}

/// Schemas over the layers: a file's top-level `preset`/`schema` and `[[collections]]` replace
/// earlier ones; an override's `preset`/`schema` gives its files that schema whatever the
/// collections say, until a later layer sets one again. `--preset` replaces the top-level one.
/// Schema paths and collection globs are relative to the file that wrote them.
fn resolve_schemas(
    layers: &[Layer<'_>],
    cli: &CliOverrides,
    root: &Path,
) -> Result<SchemaSet, ConfigError> {
    let mut default = None;
    let mut collections = Vec::new();
    let mut forced = None;
    for layer in layers {
        let base = crate::schema::normalize(layer.config.dir());
        let compile = |(source, span): (SchemaSource, Range<usize>)| {
            compile_source(&source, &base).map_err(|message| layer.invalid(span, message))
        };
        if let Some(found) = named_source(layer, layer.preset, layer.schema)? {
            let schema = compile(found)?;
            if layer.top.is_some() {
                default = Some(schema);
                forced = None;
            } else {
                forced = Some(schema);
            }
        }
        let Some(entries) = layer.top.and_then(|t| t.collections.as_ref()) else {
            continue;
        };
        collections = Vec::new();
        forced = None;
        for entry in entries {
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
                layer.invalid(span, message)
            })?;
            let Some(found) = named_source(layer, entry.preset.as_ref(), entry.schema.as_ref())?
            else {
                return Err(layer.invalid(
                    entry.files.span(),
                    "a collection needs a `schema` or a `preset`".into(),
                ));
            };
            collections.push(Collection {
                globs: set,
                root: base.clone(),
                schema: compile(found)?,
            });
        }
    }
    if let Some(name) = &cli.preset {
        let root = crate::schema::normalize(root);
        default = Some(
            compile_source(&SchemaSource::Preset(name.clone()), &root).map_err(ConfigError::Cli)?,
        );
    }
    Ok(match forced {
        Some(schema) => SchemaSet {
            collections: Vec::new(),
            default: Some(schema),
        },
        None => SchemaSet {
            collections,
            default,
        },
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
