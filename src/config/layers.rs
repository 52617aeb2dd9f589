//! A config file with the files it `extend`s, and the layers of keys that apply to one path.
//!
//! Layers are kept per file rather than merged into one TOML value, so every value still knows
//! the file (and span) it was written in: an error points into that file, and its relative paths
//! stay relative to it. The layers of a path, lowest first: each file of the chain from the base
//! to the nearest, each followed by its `[[overrides]]` entries that match the path.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::GlobSet;
use toml::Spanned;

use crate::boundary::{repository_root, Boundary, Resolved};

use super::file::{
    load, ConfigFile, CoversSection, DatesSection, HtmlSection, LoadedConfig, OverrideSection,
    ReferrerSection,
};
use super::images::ImagesSection;
use super::schemas::glob_set;
use super::ConfigError;

type Selectors = Vec<Spanned<String>>;

/// The keys that a file's top level and an `[[overrides]]` entry share, as one file wrote them.
#[derive(Debug, Clone, Copy)]
pub struct Layer<'a> {
    /// The file these keys come from: errors point into it, paths are relative to its folder.
    pub config: &'a LoadedConfig,
    /// The file's top level (`files`, `limits`, `collections`, ...); `None` for an override.
    pub top: Option<&'a ConfigFile>,
    pub select: Option<&'a Selectors>,
    pub extend_select: Option<&'a Selectors>,
    pub ignore: Option<&'a Selectors>,
    pub rules: Option<&'a BTreeMap<Spanned<String>, Spanned<String>>>,
    pub preset: Option<&'a Spanned<String>>,
    pub schema: Option<&'a Spanned<String>>,
    pub dates: Option<&'a DatesSection>,
    pub images: Option<&'a ImagesSection>,
    pub html: Option<&'a HtmlSection>,
    pub referrer: Option<&'a ReferrerSection>,
    pub covers: Option<&'a CoversSection>,
}

impl<'a> Layer<'a> {
    pub fn top(config: &'a LoadedConfig) -> Layer<'a> {
        let f = &config.file;
        Layer {
            config,
            top: Some(f),
            select: f.select.as_ref(),
            extend_select: f.extend_select.as_ref(),
            ignore: f.ignore.as_ref(),
            rules: f.rules.as_ref(),
            preset: f.preset.as_ref(),
            schema: f.schema.as_ref(),
            dates: f.dates.as_ref(),
            images: f.images.as_ref(),
            html: f.html.as_ref(),
            referrer: f.referrer.as_ref(),
            covers: f.covers.as_ref(),
        }
    }

    fn of_override(config: &'a LoadedConfig, o: &'a OverrideSection) -> Layer<'a> {
        Layer {
            config,
            top: None,
            select: o.select.as_ref(),
            extend_select: o.extend_select.as_ref(),
            ignore: o.ignore.as_ref(),
            rules: o.rules.as_ref(),
            preset: o.preset.as_ref(),
            schema: o.schema.as_ref(),
            dates: o.dates.as_ref(),
            images: o.images.as_ref(),
            html: o.html.as_ref(),
            referrer: o.referrer.as_ref(),
            covers: o.covers.as_ref(),
        }
    }

    /// An error about the text at `span` of the file this layer comes from.
    pub fn invalid(&self, span: Range<usize>, message: String) -> ConfigError {
        self.config.invalid(span, message)
    }
}

/// A `[per-file-ignores]` entry: the rules it turns off, as written.
#[derive(Debug, Clone, Copy)]
pub struct PerFileIgnore<'a> {
    pub config: &'a LoadedConfig,
    pub rules: &'a [Spanned<String>],
}

/// Which `[[overrides]]` and `[per-file-ignores]` entries of a chain apply (indexes in chain
/// order, base first). Two paths with the same `Applied` get the same settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Applied {
    pub overrides: Vec<usize>,
    pub per_file_ignores: Vec<usize>,
}

/// Globs relative to the folder of the file that wrote them.
#[derive(Debug)]
struct PathGlobs {
    root: PathBuf,
    globs: GlobSet,
}

impl PathGlobs {
    fn matches(&self, absolute: &Path) -> bool {
        let relative = absolute.strip_prefix(&self.root).unwrap_or(absolute);
        self.globs.is_match(relative)
    }
}

/// A config file and the files it extends, base first, with their entry globs compiled.
#[derive(Debug)]
pub struct ConfigChain {
    files: Vec<Arc<LoadedConfig>>,
    overrides: Vec<PathGlobs>,
    per_file_ignores: Vec<PathGlobs>,
}

impl ConfigChain {
    /// Loads `path` and, through `extend`, every file it builds on. A cycle is an error at the
    /// `extend` that closes it.
    pub fn load(path: &Path) -> Result<ConfigChain, ConfigError> {
        let mut files: Vec<Arc<LoadedConfig>> = Vec::new();
        let mut seen: Vec<PathBuf> = Vec::new();
        let mut next = path.to_owned();
        let first = crate::schema::normalize(path);
        let folder = first.parent().unwrap_or(&first);
        let boundary = repository_root(folder).map(|root| Boundary::new(&root, false));
        loop {
            let config = load(&next)?;
            seen.push(identity(&next));
            let extend = config.file.extend.clone();
            files.push(Arc::new(config));
            let Some(extend) = extend else { break };
            let child = files.last().expect("just pushed");
            let target = crate::schema::normalize(&child.dir().join(extend.get_ref()));
            // A config is content of the repository too: `extend` may not read a file of the
            // machine (its lines would be printed in the error).
            let outside = boundary.as_ref().filter(|b| {
                !b.contains_lexically(&target) || b.resolve(&target) == Resolved::Outside
            });
            if let Some(boundary) = outside {
                return Err(child.invalid(
                    extend.span(),
                    format!(
                        "`extend`: {} is outside the repository ({}); a config can only extend files inside it",
                        extend.get_ref(),
                        boundary.root().display()
                    ),
                ));
            }
            if !target.is_file() {
                return Err(child.invalid(
                    extend.span(),
                    format!("`extend`: no config file at {}", target.display()),
                ));
            }
            if seen.contains(&identity(&target)) {
                let mut names: Vec<String> =
                    files.iter().map(|f| f.path.display().to_string()).collect();
                names.push(target.display().to_string());
                return Err(child.invalid(
                    extend.span(),
                    format!("`extend` makes a cycle: {}", names.join(" -> ")),
                ));
            }
            next = target;
        }
        files.reverse();
        ConfigChain::from_files(files)
    }

    /// One file on its own: its `extend` is not followed.
    pub fn single(config: LoadedConfig) -> Result<ConfigChain, ConfigError> {
        ConfigChain::from_files(vec![Arc::new(config)])
    }

    fn from_files(files: Vec<Arc<LoadedConfig>>) -> Result<ConfigChain, ConfigError> {
        let mut overrides = Vec::new();
        let mut per_file_ignores = Vec::new();
        for config in &files {
            let root = crate::schema::normalize(config.dir());
            for entry in config.file.overrides.iter().flatten() {
                let list = &entry.files;
                if list.get_ref().is_empty() {
                    return Err(config.invalid(
                        list.span(),
                        "an override needs at least one glob in `files`".into(),
                    ));
                }
                let globs = compile(config, list.get_ref(), list.span())?;
                overrides.push(PathGlobs {
                    root: root.clone(),
                    globs,
                });
            }
            for glob in config
                .file
                .per_file_ignores
                .iter()
                .flatten()
                .map(|(g, _)| g)
            {
                let globs = compile(config, std::slice::from_ref(glob), glob.span())?;
                per_file_ignores.push(PathGlobs {
                    root: root.clone(),
                    globs,
                });
            }
        }
        Ok(ConfigChain {
            files,
            overrides,
            per_file_ignores,
        })
    }

    /// The files of the chain, base first; the last is the one that was looked for.
    pub fn files(&self) -> Vec<&LoadedConfig> {
        self.files.iter().map(|f| f.as_ref()).collect()
    }

    /// The file that was looked for (or named), whose folder is the settings' root.
    pub fn nearest(&self) -> &LoadedConfig {
        self.files.last().expect("a chain has a file")
    }

    /// The entries whose globs match `path` (absolute and normalized).
    pub fn matching(&self, path: &Path) -> Applied {
        let hits = |list: &[PathGlobs]| {
            list.iter()
                .enumerate()
                .filter(|(_, g)| g.matches(path))
                .map(|(i, _)| i)
                .collect()
        };
        Applied {
            overrides: hits(&self.overrides),
            per_file_ignores: hits(&self.per_file_ignores),
        }
    }

    /// Every entry, for checking all of them once whichever files they match.
    pub fn everything(&self) -> Applied {
        Applied {
            overrides: (0..self.overrides.len()).collect(),
            per_file_ignores: (0..self.per_file_ignores.len()).collect(),
        }
    }
}

/// The layers for `applied` over `files` (base first): each file's top level, then its
/// overrides in `applied`.
pub fn layers<'a>(files: &[&'a LoadedConfig], applied: &Applied) -> Vec<Layer<'a>> {
    let mut out = Vec::new();
    let mut index = 0;
    for config in files {
        out.push(Layer::top(config));
        for entry in config.file.overrides.iter().flatten() {
            if applied.overrides.contains(&index) {
                out.push(Layer::of_override(config, entry));
            }
            index += 1;
        }
    }
    out
}

/// The `[per-file-ignores]` entries in `applied`, over `files` (base first).
pub fn per_file_ignores<'a>(
    files: &[&'a LoadedConfig],
    applied: &Applied,
) -> Vec<PerFileIgnore<'a>> {
    files
        .iter()
        .flat_map(|config| {
            config
                .file
                .per_file_ignores
                .iter()
                .flatten()
                .map(move |(_, rules)| PerFileIgnore { config, rules })
        })
        .enumerate()
        .filter(|(i, _)| applied.per_file_ignores.contains(i))
        .map(|(_, entry)| entry)
        .collect()
}

fn compile(
    config: &LoadedConfig,
    globs: &[Spanned<String>],
    whole: Range<usize>,
) -> Result<GlobSet, ConfigError> {
    let texts: Vec<String> = globs.iter().map(|g| g.get_ref().clone()).collect();
    glob_set(&texts).map_err(|(i, message)| {
        let span = globs.get(i).map_or(whole, |g| g.span());
        config.invalid(span, message)
    })
}

/// The same file however it is reached (symlinks, `..`).
fn identity(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| crate::schema::normalize(path))
}
