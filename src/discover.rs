//! Which files to lint: explicit files always, directories walked with the `ignore` crate
//! (gitignore-aware, also outside git), keeping post extensions only. The list is sorted.

use std::path::{Path, PathBuf};

use ignore::overrides::OverrideBuilder;
use ignore::types::TypesBuilder;
use ignore::WalkBuilder;

use crate::lint::io_reason;
use crate::settings::Settings;

/// A path that could not be walked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveryError {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<DiscoveryError>,
}

pub fn discover(paths: &[PathBuf], settings: &Settings) -> Result<Discovered, String> {
    let mut types = TypesBuilder::new();
    for ext in &settings.extensions {
        types
            .add("post", &format!("*.{ext}"))
            .map_err(|e| format!("bad extension `{ext}`: {e}"))?;
    }
    let types = types.select("post").build().map_err(|e| e.to_string())?;
    let mut overrides = OverrideBuilder::new(&settings.root);
    for glob in &settings.exclude {
        overrides
            .add(&format!("!{glob}"))
            .map_err(|e| format!("bad exclude glob `{glob}`: {e}"))?;
    }
    let overrides = overrides.build().map_err(|e| e.to_string())?;

    let mut found = Discovered::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &types, &overrides, &mut found),
            Ok(_) => found.files.push(path.clone()),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                found.errors.push(DiscoveryError {
                    path: path.clone(),
                    message: "no such file or directory".into(),
                })
            }
            Err(err) => found.errors.push(DiscoveryError {
                path: path.clone(),
                message: io_reason(&err),
            }),
        }
    }
    found.files.sort();
    found.files.dedup();
    Ok(found)
}

fn walk(
    dir: &Path,
    types: &ignore::types::Types,
    overrides: &ignore::overrides::Override,
    found: &mut Discovered,
) {
    let walker = WalkBuilder::new(dir)
        .require_git(false)
        .types(types.clone())
        .overrides(overrides.clone())
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file()) {
                    found.files.push(entry.into_path());
                }
            }
            Err(err) => {
                let path = match &err {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => dir.to_owned(),
                };
                found.errors.push(DiscoveryError {
                    path,
                    message: err.to_string(),
                });
            }
        }
    }
}
