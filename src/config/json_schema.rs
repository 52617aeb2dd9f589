//! The JSON Schema of `postlint.toml`, derived from the structs the parser reads it with, so the
//! two cannot disagree.

use serde_json::Value;

use super::ConfigFile;

/// Draft 2020-12; unknown keys are rejected, as the parser rejects them.
pub fn config_schema() -> Value {
    let mut schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<ConfigFile>();
    schema.insert("title".into(), Value::String("postlint.toml".into()));
    schema.to_value()
}
