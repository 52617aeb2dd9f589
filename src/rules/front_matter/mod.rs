//! FM0xx: the front matter's structure and YAML.

pub mod duplicate_key;
pub mod front_matter_missing;
pub mod front_matter_not_at_start;
pub mod front_matter_not_mapping;
pub mod front_matter_syntax_error;
pub mod front_matter_unclosed;
