//! postlint: lint the content of static sites and blogs.
//!
//! The library parses each post once into a [`document::Document`], runs the enabled
//! [`rules`] over it and returns findings as plain data ([`diagnostic::Diagnostic`]); the
//! [`render`] module turns them into text. The library never prints.

pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod discover;
pub mod document;
pub mod images;
pub mod lint;
pub mod referrer;
pub mod render;
pub mod rules;
pub mod schema;
pub mod settings;
pub mod source;

pub use config::CliOverrides;
pub use diagnostic::{Diagnostic, Severity};
pub use lint::{lint_bytes, lint_file, lint_files, lint_source, FileReport};
pub use settings::Settings;
