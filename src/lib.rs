//! postlint: lint the content of static sites and blogs.
//!
//! The public surface is the pipeline and what it takes and gives:
//!
//! - [`Settings`]: `postlint.toml` ([`config`]) and the command line ([`CliOverrides`]) resolved
//!   into one immutable value; [`Workspace`] gives each file its own (the nearest config, its
//!   `extend` chain and matching overrides);
//! - [`discover()`] and [`lint_targets`] / [`lint_files`] / [`lint_file`] / [`lint_bytes`] / [`lint_source`]: from
//!   paths to one [`FileReport`] per file, parsed once and checked by every enabled rule;
//! - [`diagnostic`]: findings as plain data, with exact spans ([`source`] turns offsets into
//!   lines and character columns);
//! - [`render`]: the output formats;
//! - [`baseline`]: accepted findings, so that only new ones are reported;
//! - [`rules`]: the registry, for listing and documenting rules.
//!
//! The library never prints. Everything else (the parsed document, dates, the image model,
//! schema placement) is internal; fuzz targets, benches and tests reach it through the hidden
//! [`internals`] module, which is not API and may change in any release.

#[doc(hidden)]
pub mod dates;
#[doc(hidden)]
pub mod document;
#[doc(hidden)]
pub mod images;
#[doc(hidden)]
pub mod referrer;
#[doc(hidden)]
pub mod schema;

pub mod baseline;
pub mod boundary;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod fix;
pub mod generator;
pub mod init;
pub mod lint;
pub mod render;
pub mod rules;
pub mod settings;
pub mod source;
mod suppress;
mod templates;
#[cfg(test)]
mod test_support;
pub mod workspace;

pub use config::CliOverrides;
pub use diagnostic::{Diagnostic, Severity};
pub use discover::{discover, Target};
pub use lint::{lint_bytes, lint_file, lint_files, lint_source, lint_targets, FileReport};
pub use schema::{Preset, PRESETS};
pub use settings::Settings;
pub use workspace::{ConfigChoice, Workspace};

/// Not API: the parser, the image model and the other internals, for the fuzz targets, benches,
/// tests and the `inspect` command.
#[doc(hidden)]
pub mod internals {
    pub use crate::rules::html::css_scan;
    pub use crate::{dates, document, images, referrer, schema};
}
