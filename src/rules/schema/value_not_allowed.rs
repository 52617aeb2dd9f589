super::schema_rule!(
    "FM104",
    "value-not-allowed",
    "A front-matter value is not one of the values the schema allows",
    crate::schema::IssueKind::NotAllowed
);
