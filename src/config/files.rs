//! `[files]`: which files a directory walk picks up, and which it skips.

use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::layers::Layer;
use super::ConfigError;
use crate::generator::defaults::{DefaultExclude, SiteExcludes};

pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "html"];

/// `[files] exclude`: gitignore-style globs, relative to the folder of the file that wrote them,
/// and the generators' default excludes unless they are turned off.
#[derive(Debug, Clone)]
pub struct Excludes {
    pub globs: Vec<String>,
    pub root: PathBuf,
    /// The config file that wrote `globs`.
    pub source: Option<PathBuf>,
    matcher: Gitignore,
    /// The folders recognised sites keep no posts in; `None` when turned off.
    pub defaults: Option<SiteExcludes>,
}

/// Why a walk skips a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExcludeReason {
    /// A `[files] exclude` glob of `config`.
    Config { config: PathBuf, glob: String },
    /// A folder the site's generator keeps no posts in.
    Default(DefaultExclude),
}

impl Excludes {
    /// No globs, and the generators' defaults.
    pub fn none(root: &Path) -> Excludes {
        Excludes {
            globs: Vec::new(),
            root: root.to_owned(),
            source: None,
            matcher: Gitignore::empty(),
            defaults: Some(SiteExcludes::default()),
        }
    }

    /// Whether `path` (absolute and normalized) or a folder above it is excluded. Paths outside
    /// the root are never excluded by the globs.
    pub fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        self.reason(path, is_dir).is_some()
    }

    /// Why `path` is excluded, if it is. A `!glob` that re-includes the path also keeps it from
    /// the defaults.
    pub fn reason(&self, path: &Path, is_dir: bool) -> Option<ExcludeReason> {
        if !self.globs.is_empty() {
            if let Ok(relative) = path.strip_prefix(&self.root) {
                if !relative.as_os_str().is_empty() {
                    let hit = self.matcher.matched_path_or_any_parents(relative, is_dir);
                    if hit.is_whitelist() {
                        return None;
                    }
                    if let Some(glob) = hit.inner().filter(|_| hit.is_ignore()) {
                        return Some(ExcludeReason::Config {
                            config: self.source.clone().unwrap_or_default(),
                            glob: glob.original().to_owned(),
                        });
                    }
                }
            }
        }
        let defaults = self.defaults.as_ref()?;
        defaults.reason(path, is_dir).map(ExcludeReason::Default)
    }
}

/// The extensions and excludes of the top levels among `layers` (the last that sets each wins);
/// `root` is used when no file sets `exclude`. The generators' defaults hold unless a file sets
/// `exclude` (which replaces them) or `default-excludes` (which decides).
pub fn resolve_files(
    layers: &[Layer<'_>],
    root: &Path,
) -> Result<(Vec<String>, Excludes), ConfigError> {
    let mut extensions: Vec<String> = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect();
    let mut excludes = Excludes::none(root);
    let mut defaults: Option<bool> = None;
    for layer in layers {
        let Some(files) = layer.top.and_then(|t| t.files.as_ref()) else {
            continue;
        };
        if let Some(list) = &files.extensions {
            extensions = list
                .iter()
                .map(|e| e.trim_start_matches('.').to_ascii_lowercase())
                .collect();
        }
        if let Some(on) = files.default_excludes {
            defaults = Some(on);
        }
        if let Some(list) = &files.exclude {
            let dir = crate::schema::normalize(layer.config.dir());
            let mut builder = GitignoreBuilder::new(&dir);
            for glob in list {
                builder.add_line(None, glob.get_ref()).map_err(|e| {
                    layer.invalid(
                        glob.span(),
                        format!("bad exclude glob `{}`: {e}", glob.get_ref()),
                    )
                })?;
            }
            let matcher = builder
                .build()
                .map_err(|e| layer.invalid(list[0].span(), e.to_string()))?;
            excludes = Excludes {
                globs: list.iter().map(|g| g.get_ref().clone()).collect(),
                root: dir,
                source: Some(layer.config.path.clone()),
                matcher,
                defaults: None,
            };
        }
    }
    let keep_defaults = defaults.unwrap_or(excludes.source.is_none());
    excludes.defaults = keep_defaults.then(SiteExcludes::default);
    Ok((extensions, excludes))
}
