//! Which schema applies to which file: `[[collections]]` first (first match wins), then the
//! top-level `schema` or `preset`.

use std::path::{Path, PathBuf};

use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::schema::{compile, CompiledSchema, SchemaSource};

#[derive(Debug, Clone)]
pub struct Collection {
    pub globs: GlobSet,
    /// The folder the globs are relative to: that of the config file that wrote them.
    pub root: PathBuf,
    pub schema: Arc<CompiledSchema>,
}

#[derive(Debug, Clone, Default)]
pub struct SchemaSet {
    pub collections: Vec<Collection>,
    pub default: Option<Arc<CompiledSchema>>,
}

impl SchemaSet {
    /// The schema for a file, named by its path (relative to the working directory or absolute).
    pub fn for_path(&self, path: &Path) -> Option<&Arc<CompiledSchema>> {
        if !self.collections.is_empty() {
            let absolute = crate::schema::normalize(path);
            let found = self.collections.iter().find(|c| {
                let relative = absolute.strip_prefix(&c.root).unwrap_or(&absolute);
                c.globs.is_match(relative)
            });
            if let Some(c) = found {
                return Some(&c.schema);
            }
        }
        self.default.as_ref()
    }

    pub fn is_empty(&self) -> bool {
        self.default.is_none() && self.collections.is_empty()
    }

    pub fn any_requires_front_matter(&self) -> bool {
        self.default
            .iter()
            .chain(self.collections.iter().map(|c| &c.schema))
            .any(|s| s.requires_front_matter)
    }
}

pub fn glob_set(globs: &[String]) -> Result<GlobSet, (usize, String)> {
    let mut builder = GlobSetBuilder::new();
    for (i, g) in globs.iter().enumerate() {
        let glob = GlobBuilder::new(g.trim_start_matches("./"))
            .literal_separator(true)
            .build()
            .map_err(|e| (i, format!("bad glob `{g}`: {}", e.kind())))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| (0, e.to_string()))
}

pub fn compile_source(source: &SchemaSource, base: &Path) -> Result<Arc<CompiledSchema>, String> {
    compile(source, base, base).map_err(|e| e.to_string())
}
