super::schema_rule!(
    "FM102",
    "unknown-key",
    "A key the schema does not allow (a typo, most often)",
    crate::schema::IssueKind::UnknownKey,
    fix: Unsafe
);
