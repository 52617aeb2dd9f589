super::schema_rule!(
    "FM107",
    "value-out-of-range",
    "A front-matter value is empty, too short, too long, too small or too large",
    crate::schema::IssueKind::Range
);
