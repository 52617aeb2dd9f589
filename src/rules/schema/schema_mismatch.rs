super::schema_rule!(
    "FM108",
    "schema-mismatch",
    "A front-matter value breaks another schema constraint (anyOf, oneOf, not, uniqueItems...)",
    crate::schema::IssueKind::Other
);
