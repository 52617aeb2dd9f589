//! `[files]`: which files a directory walk picks up, and which it skips.

use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::layers::Layer;
use super::ConfigError;

pub const DEFAULT_EXTENSIONS: &[&str] = &["md", "markdown", "html"];

/// `[files] exclude`: gitignore-style globs, relative to the folder of the file that wrote them.
#[derive(Debug, Clone)]
pub struct Excludes {
    pub globs: Vec<String>,
    pub root: PathBuf,
    matcher: Gitignore,
}

impl Excludes {
    pub fn none(root: &Path) -> Excludes {
        Excludes {
            globs: Vec::new(),
            root: root.to_owned(),
            matcher: Gitignore::empty(),
        }
    }

    /// Whether `path` (absolute and normalized) or a folder above it is excluded. Paths outside
    /// the root are never excluded.
    pub fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        match path.strip_prefix(&self.root) {
            Ok(relative) if !relative.as_os_str().is_empty() => self
                .matcher
                .matched_path_or_any_parents(relative, is_dir)
                .is_ignore(),
            _ => false,
        }
    }
}

/// The extensions and excludes of the top levels among `layers` (the last that sets each wins);
/// `root` is used when no file sets `exclude`.
pub fn resolve_files(
    layers: &[Layer<'_>],
    root: &Path,
) -> Result<(Vec<String>, Excludes), ConfigError> {
    let mut extensions: Vec<String> = DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect();
    let mut excludes = Excludes::none(root);
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
                matcher,
            };
        }
    }
    Ok((extensions, excludes))
}
