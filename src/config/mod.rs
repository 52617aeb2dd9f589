//! Configuration: `postlint.toml` layered under command-line flags into one immutable `Settings`.

pub mod file;
pub mod html;
pub mod images;
pub mod referrer_covers;
pub mod schemas;
pub mod settings;

use std::ops::Range;
use std::path::PathBuf;

pub use file::{discover, load, ConfigFile, LoadedConfig};
pub use schemas::SchemaSet;
pub use settings::{ActiveRule, CliOverrides, Settings};

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
