//! The SARIF output for the whole corpus validates against the official SARIF 2.1.0 schema.

mod common;
use common::postlint;

use serde_json::Value;

#[test]
fn corpus_sarif_validates_against_the_official_schema() {
    let Some(corpus) = common::corpus_or_skip("corpus_sarif_validates_against_the_official_schema")
    else {
        return;
    };
    // The schema lives beside the corpus, in `../shared/schemas`.
    let schema_path = corpus.join("../schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(schema_path).expect("SARIF schema in ../shared/schemas"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");

    let output = postlint()
        .args([
            "check",
            "--no-config",
            "--format",
            "sarif",
            "--select",
            "ALL",
        ])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        output.status.code() == Some(1),
        "findings exist in the corpus: {output:?}"
    );
    let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF output is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .take(20)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF output violates the schema:\n{}",
        errors.join("\n")
    );

    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 10, "the corpus gives findings");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], r["ruleId"],
            "ruleIndex points at the rule"
        );
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
    }
    // The seed post's finding names it by a percent-encoded relative URI.
    assert!(results.iter().any(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("seed/8%E6%9C%882%E6%97%A5%EF%BC%8C%E5%8F%88%E4%B8%80%E5%9C%BA%E5%9B%BD%E9%99%85%E7%9B%9B%E4%BC%9A%E5%BC%80%E5%B9%95%EF%BC%81.md")));
}
