//! FM0xx: the front matter's structure and YAML.

pub mod duplicate_key;
pub mod missing;
pub mod not_at_start;
pub mod not_mapping;
pub mod unclosed;
pub mod yaml_syntax;
