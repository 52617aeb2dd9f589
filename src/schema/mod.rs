//! Front-matter schemas: built-in presets and users' JSON Schema files, compiled once per run
//! and shared by every thread.

mod locate;
mod presets;
mod retrieve;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

pub use locate::{locate, IssueKind, SchemaIssue};
pub use presets::{preset, Preset, PRESETS};
pub use retrieve::{normalize, working_dir};

/// Where a schema comes from, as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaSource {
    Preset(String),
    File(PathBuf),
}

/// A schema ready to validate front matter.
pub struct CompiledSchema {
    /// How findings name the schema: `preset hexo` or the file's path.
    pub name: String,
    /// The schema document, to look up property names for suggestions.
    pub raw: Value,
    pub validator: jsonschema::Validator,
    /// The preset asks for front matter in every post (FM001 on).
    pub requires_front_matter: bool,
    /// The generator a preset is for; `None` for a schema file.
    pub generator: Option<crate::dates::Generator>,
}

impl std::fmt::Debug for CompiledSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CompiledSchema({})", self.name)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    #[error("unknown preset `{0}`: choose one of {list}", list = presets::names())]
    UnknownPreset(String),
    #[error("cannot read schema {}: {reason}", path.display())]
    Read { path: PathBuf, reason: String },
    #[error("schema {} is not valid JSON: {reason}", path.display())]
    Json { path: PathBuf, reason: String },
    #[error("schema {name} is not a valid JSON Schema: {reason}")]
    Invalid { name: String, reason: String },
    #[error("schema {} is outside the repository ({}); postlint only reads schemas inside it", path.display(), root.display())]
    Outside { path: PathBuf, root: PathBuf },
}

/// Compile `source`; file paths are relative to `base` and must stay inside `root`.
pub fn compile(
    source: &SchemaSource,
    base: &Path,
    root: &Path,
) -> Result<Arc<CompiledSchema>, SchemaError> {
    let (name, raw, location, requires_front_matter) = match source {
        SchemaSource::Preset(name) => {
            let preset = preset(name).ok_or_else(|| SchemaError::UnknownPreset(name.clone()))?;
            let raw: Value =
                serde_json::from_str(preset.schema).map_err(|e| SchemaError::Invalid {
                    name: format!("preset {name}"),
                    reason: e.to_string(),
                })?;
            (
                format!("preset {name}"),
                raw,
                None,
                preset.requires_front_matter,
            )
        }
        SchemaSource::File(path) => {
            let path = retrieve::normalize(&base.join(path));
            let root = retrieve::normalize(root);
            if !path.starts_with(&root) {
                return Err(SchemaError::Outside { path, root });
            }
            // A schema that is a symlink out of the repository is refused like a path that is.
            let real = match crate::boundary::Boundary::new(&root, false).resolve(&path) {
                crate::boundary::Resolved::Inside(real) => real,
                crate::boundary::Resolved::Outside => {
                    return Err(SchemaError::Outside { path, root })
                }
                crate::boundary::Resolved::Missing => path.clone(),
            };
            let text = std::fs::read_to_string(&real).map_err(|e| SchemaError::Read {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let raw: Value = serde_json::from_str(&text).map_err(|e| SchemaError::Json {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let shown = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            (shown, raw, Some(path), false)
        }
    };
    let mut options = jsonschema::options()
        .should_validate_formats(true)
        .with_retriever(retrieve::LocalOnly {
            root: retrieve::normalize(root),
        });
    if raw.get("$schema").is_none() {
        options = options.with_draft(jsonschema::Draft::Draft202012);
    }
    if let Some(path) = &location {
        if let Ok(url) = url::Url::from_file_path(path) {
            options = options.with_base_uri(url.to_string());
        }
    }
    for (format, check) in formats() {
        options = options.with_format(format, check);
    }
    let validator = options.build(&raw).map_err(|e| SchemaError::Invalid {
        name: name.clone(),
        reason: e.to_string(),
    })?;
    let generator = match source {
        SchemaSource::Preset(name) => crate::dates::Generator::from_preset(name),
        SchemaSource::File(_) => None,
    };
    Ok(Arc::new(CompiledSchema {
        name,
        raw,
        validator,
        requires_front_matter,
        generator,
    }))
}

/// Formats postlint adds to JSON Schema, for the values posts hold.
type FormatCheck = fn(&str) -> bool;

fn formats() -> Vec<(&'static str, FormatCheck)> {
    vec![
        ("post-date", crate::dates::is_post_date),
        ("hexo-date", crate::dates::is_hexo_date),
    ]
}
