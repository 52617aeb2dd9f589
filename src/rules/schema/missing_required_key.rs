super::schema_rule!(
    "FM101",
    "missing-required-key",
    "A key the schema requires is missing from the front matter",
    crate::schema::IssueKind::Required
);
