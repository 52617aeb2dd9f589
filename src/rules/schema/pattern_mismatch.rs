super::schema_rule!(
    "FM105",
    "pattern-mismatch",
    "A front-matter value does not match the schema's pattern",
    crate::schema::IssueKind::Pattern
);
