//! Configuration: `postlint.toml` read, checked and resolved into plain settings types, one
//! module per section. Nothing here knows the rules or the image model: `crate::settings`
//! composes these sections with the rule selection into one `Settings`.

pub mod effective;
pub mod file;
pub mod files;
pub mod html;
pub mod images;
pub mod json_schema;
pub mod layers;
pub mod referrer_covers;
pub mod schemas;

use std::ops::Range;
use std::path::PathBuf;

pub use file::{discover, load, ConfigFile, LoadedConfig};
pub use layers::{Applied, ConfigChain, Layer, PerFileIgnore};
pub use schemas::SchemaSet;

/// What the command line says; `None`/empty means "not given".
#[derive(Debug, Default, Clone)]
pub struct CliOverrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub max_warnings: Option<usize>,
    /// `--preset NAME`: replaces the config's top-level `preset`/`schema`.
    pub preset: Option<String>,
    /// `--follow-symlinks-outside`: posts, schemas and images may resolve outside the
    /// repository root. Only the command line can set it: a config file is content the checked
    /// pull request controls.
    pub follow_symlinks_outside: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config {}: {message}", path.display())]
    Io { path: PathBuf, message: String },
    /// Something wrong inside a config file, with the span of the offending text.
    #[error("{}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        text: String,
        span: Range<usize>,
        message: String,
    },
    /// Something wrong on the command line.
    #[error("{0}")]
    Cli(String),
}
