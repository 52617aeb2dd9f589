super::schema_rule!(
    "FM107",
    "value-out-of-range",
    "A front-matter value is empty, too short, too long, too small or too large",
    "out_of_range.md",
    crate::schema::IssueKind::Range
);
