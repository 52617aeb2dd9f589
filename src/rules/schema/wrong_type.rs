super::schema_rule!(
    "FM103",
    "wrong-type",
    "A front-matter value has the wrong type (string, boolean, number, list, mapping)",
    crate::schema::IssueKind::Type,
    fix: Unsafe
);
