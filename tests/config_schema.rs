//! `postlint schema config`: the JSON Schema of postlint.toml accepts the configs the repository
//! ships and rejects unknown keys, as the parser does.

mod common;
use common::{manifest_dir, postlint, stdout_of};

use serde_json::Value;

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&stdout_of(postlint().args(["schema", "config"])))
        .expect("the schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn as_json(toml_text: &str) -> Value {
    let table: toml::Table = toml::from_str(toml_text).expect("TOML");
    serde_json::to_value(table).expect("JSON")
}

fn configs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            configs(&path, out);
        } else if path.file_name().is_some_and(|n| n == "postlint.toml") {
            out.push(path);
        }
    }
}

#[test]
fn every_config_of_the_repository_is_valid_and_unknown_keys_are_not() {
    let validator = validator();
    let mut found = Vec::new();
    for dir in ["examples", "tests", "fixtures"] {
        configs(&manifest_dir().join(dir), &mut found);
    }
    assert!(!found.is_empty());
    for path in &found {
        let text = std::fs::read_to_string(path).unwrap();
        let value = as_json(&text);
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    let typo = as_json("[files]\nexclud = [\"a\"]\n");
    assert!(!validator.is_valid(&typo));
    assert!(!validator.is_valid(&as_json("selec = [\"FM\"]\n")));
    assert!(validator.is_valid(&as_json("[files]\ndefault-excludes = false\n")));
}
