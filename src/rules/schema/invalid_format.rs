super::schema_rule!(
    "FM106",
    "invalid-format",
    "A front-matter value is not in the format the schema asks for (date, URL, email...)",
    crate::schema::IssueKind::Format
);
