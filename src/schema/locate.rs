//! Schema errors turned into findings placed in the post: `required` at the parent key (or the
//! opening fence), unknown keys at the key, everything else at the value; messages in plain words.

use std::ops::Range;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::JsonType;
use serde_json::Value;

use super::CompiledSchema;
use crate::diagnostic::Fix;
use crate::document::{pointer, Document, NodeKind, ScalarKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    Required,
    UnknownKey,
    Type,
    NotAllowed,
    Pattern,
    Format,
    Range,
    Other,
}

/// One schema error, placed and worded.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaIssue {
    pub kind: IssueKind,
    pub span: Range<usize>,
    pub label: String,
    pub message: String,
    pub help: Option<String>,
    /// Where in the schema the failing keyword is: `preset hexo#/properties/date/format`.
    pub schema_location: String,
    pub fix: Option<Fix>,
}

/// Validate the document's front matter and place every error. A document whose front matter did
/// not parse is never validated.
pub fn locate(doc: &Document, schema: &CompiledSchema) -> Vec<SchemaIssue> {
    let Some(fm) = &doc.front_matter else {
        return Vec::new();
    };
    let empty = Value::Object(Default::default());
    let value = if fm.value.is_null() {
        &empty
    } else {
        &fm.value
    };
    let placer = Placer { doc, schema };
    let mut issues: Vec<SchemaIssue> = schema
        .validator
        .iter_errors(value)
        .flat_map(|e| placer.place(&e, value))
        .collect();
    issues.sort_by(|a, b| (a.span.start, &a.message).cmp(&(b.span.start, &b.message)));
    issues.dedup();
    issues
}

struct Placer<'a> {
    doc: &'a Document,
    schema: &'a CompiledSchema,
}

/// `/a/b~1c` -> `a.b/c` for messages; the root is "the front matter".
fn key_path(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the front matter".into();
    }
    let parts: Vec<String> = pointer[1..]
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect();
    format!("`{}`", parts.join("."))
}

fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::Array => "a list",
        JsonType::Boolean => "a boolean (true or false)",
        JsonType::Integer => "a whole number",
        JsonType::Null => "empty (null)",
        JsonType::Number => "a number",
        JsonType::Object => "a mapping of keys to values",
        JsonType::String => "a string",
    }
}

fn expected_types(kind: &TypeKind) -> Vec<JsonType> {
    match kind {
        TypeKind::Single(t) => vec![*t],
        TypeKind::Multiple(set) => set.iter().collect(),
    }
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// How a value reads in a message: `the string "yes"`, `the number 1.1`, `a list`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "empty (null)".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.is_empty() => "an empty string".into(),
        Value::String(s) => format!("the string {}", Value::String(truncate(s, 60))),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a mapping".into(),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    format!("{cut}…")
}

fn format_name(format: &str) -> String {
    match format {
        "uri" | "iri" => "an absolute URL".into(),
        "uri-reference" | "iri-reference" => "a URL".into(),
        "date" => "a date (YYYY-MM-DD)".into(),
        "date-time" => "an RFC 3339 date-time (2021-07-16T02:57:12+08:00)".into(),
        "time" => "a time (HH:MM:SS)".into(),
        "email" => "an email address".into(),
        "post-date" => {
            "a date every generator reads the same way (YYYY-MM-DD HH:MM:SS, optional zone)".into()
        }
        "hexo-date" => "a date Hexo reads correctly".into(),
        other => format!("a valid `{other}`"),
    }
}

impl Placer<'_> {
    fn index(&self) -> Option<&crate::document::SpanIndex> {
        self.doc.front_matter.as_ref().map(|fm| &fm.index)
    }

    /// The value's span at `pointer` (or its nearest ancestor's), and whether it is exact.
    fn value_span(&self, pointer: &str) -> (Range<usize>, bool) {
        match self.index().and_then(|i| i.nearest(pointer)) {
            Some((found, node)) => (node.value.clone(), found == pointer),
            None => (self.fence(), false),
        }
    }

    fn fence(&self) -> Range<usize> {
        self.doc
            .split
            .front_matter
            .as_ref()
            .map_or(0..0, |b| b.open.clone())
    }

    /// The key naming `pointer` (falling back to its value, then to the fence).
    fn key_span(&self, pointer: &str) -> Range<usize> {
        if pointer.is_empty() {
            return self.fence();
        }
        match self.index().and_then(|i| i.nearest(pointer)) {
            Some((_, node)) => node.key.clone().unwrap_or_else(|| node.value.clone()),
            None => self.fence(),
        }
    }

    fn raw(&self, span: &Range<usize>) -> &str {
        &self.doc.text()[span.clone()]
    }

    fn node_kind(&self, pointer: &str) -> Option<NodeKind> {
        self.index().and_then(|i| i.get(pointer)).map(|n| n.kind)
    }

    fn issue(
        &self,
        kind: IssueKind,
        span: Range<usize>,
        label: impl Into<String>,
        message: String,
        schema_path: &str,
    ) -> SchemaIssue {
        SchemaIssue {
            kind,
            span,
            label: label.into(),
            message,
            help: self
                .description(schema_path)
                .map(|d| format!("expected: {d}")),
            schema_location: format!("{}#{}", self.schema.name, schema_path),
            fix: None,
        }
    }

    /// The `description` of the subschema that holds the failing keyword, as help.
    fn description(&self, schema_path: &str) -> Option<String> {
        let parent = &schema_path[..schema_path.rfind('/').unwrap_or(0)];
        schema_at(&self.schema.raw, parent)?
            .get("description")?
            .as_str()
            .map(str::to_owned)
    }

    fn place(&self, error: &jsonschema::ValidationError<'_>, root: &Value) -> Vec<SchemaIssue> {
        let pointer = error.instance_path().as_str().to_owned();
        let schema_path = error.schema_path().as_str().to_owned();
        let instance = root.pointer(&pointer).unwrap_or(&Value::Null);
        let what = key_path(&pointer);
        match error.kind() {
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().unwrap_or_default().to_owned();
                let (span, label) = if pointer.is_empty() {
                    (self.fence(), format!("this front matter has no `{name}`"))
                } else {
                    (self.key_span(&pointer), format!("{what} has no `{name}`"))
                };
                let place = if pointer.is_empty() {
                    String::new()
                } else {
                    format!(" in {what}")
                };
                let mut issue = self.issue(
                    IssueKind::Required,
                    span,
                    label,
                    format!("missing required key `{name}`{place}"),
                    &schema_path,
                );
                let property_help = schema_at(
                    &self.schema.raw,
                    &schema_path[..schema_path.rfind('/').unwrap_or(0)],
                )
                .and_then(|s| {
                    s.get("properties")?
                        .get(&name)?
                        .get("description")?
                        .as_str()
                        .map(str::to_owned)
                });
                issue.help = Some(match property_help {
                    Some(d) => format!("add `{name}: ...` ({d})"),
                    None => format!("add `{name}: ...`"),
                });
                vec![issue]
            }
            ValidationErrorKind::AdditionalProperties { unexpected }
            | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
                let allowed = self.allowed_keys(&schema_path);
                unexpected
                    .iter()
                    .map(|key| {
                        let child = format!("{pointer}/{}", pointer::escape(key));
                        let span = self.key_span(&child);
                        let place = if pointer.is_empty() {
                            String::new()
                        } else {
                            format!(" in {what}")
                        };
                        let mut issue = self.issue(
                            IssueKind::UnknownKey,
                            span,
                            "not allowed here",
                            format!("unknown key `{key}`{place}"),
                            &schema_path,
                        );
                        issue.help = Some(match nearest(key, &allowed) {
                            Some(best) => format!("did you mean `{best}`?"),
                            None if !allowed.is_empty() && allowed.len() <= 15 => {
                                format!(
                                    "the schema allows: {}",
                                    allowed
                                        .iter()
                                        .map(|k| format!("`{k}`"))
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                )
                            }
                            None => "remove it, or add it to the schema's `properties`".into(),
                        });
                        if let Some(best) = nearest(key, &allowed) {
                            issue.fix = Some(Fix::unsafe_edit(
                                format!("rename `{key}` to `{best}`"),
                                issue.span.clone(),
                                best,
                            ));
                        }
                        issue
                    })
                    .collect()
            }
            ValidationErrorKind::Type { kind } => {
                vec![self.type_issue(&pointer, &schema_path, instance, &expected_types(kind))]
            }
            ValidationErrorKind::Enum { options } => {
                let (span, _) = self.value_span(&pointer);
                let choices: Vec<String> = options
                    .as_array()
                    .map(|a| a.iter().map(|v| v.to_string()).collect())
                    .unwrap_or_default();
                let mut issue = self.issue(
                    IssueKind::NotAllowed,
                    span,
                    "not an allowed value",
                    format!(
                        "{what} is {}, which is not one of: {}",
                        describe(instance),
                        choices.join(", ")
                    ),
                    &schema_path,
                );
                if let Some(s) = instance.as_str() {
                    let names: Vec<String> = options
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect();
                    if let Some(best) = nearest(s, &names) {
                        issue.help = Some(format!("did you mean `{best}`?"));
                    }
                }
                vec![issue]
            }
            ValidationErrorKind::Constant { expected_value } => {
                let (span, _) = self.value_span(&pointer);
                vec![self.issue(
                    IssueKind::NotAllowed,
                    span,
                    "not the required value",
                    format!(
                        "{what} must be {expected_value}, not {}",
                        describe(instance)
                    ),
                    &schema_path,
                )]
            }
            ValidationErrorKind::Pattern { pattern } => {
                let (span, _) = self.value_span(&pointer);
                vec![self.issue(
                    IssueKind::Pattern,
                    span,
                    "does not match",
                    format!("{what} does not match the pattern `{pattern}`"),
                    &schema_path,
                )]
            }
            ValidationErrorKind::Format { format } => {
                let (span, _) = self.value_span(&pointer);
                vec![self.issue(
                    IssueKind::Format,
                    span,
                    format!("not {}", format_name(format)),
                    format!("{what} is not {}", format_name(format)),
                    &schema_path,
                )]
            }
            ValidationErrorKind::MinLength { limit } => {
                let (span, _) = self.value_span(&pointer);
                let (label, message) = if instance.as_str() == Some("") {
                    ("empty".to_owned(), format!("{what} is empty"))
                } else {
                    (
                        format!("shorter than {limit}"),
                        format!("{what} is shorter than {limit} characters"),
                    )
                };
                vec![self.issue(IssueKind::Range, span, label, message, &schema_path)]
            }
            kind => {
                let (span, _) = self.value_span(&pointer);
                let (issue_kind, label, message) = range_or_other(kind, &what, instance, error);
                vec![self.issue(issue_kind, span, label, message, &schema_path)]
            }
        }
    }

    fn type_issue(
        &self,
        pointer: &str,
        schema_path: &str,
        instance: &Value,
        expected: &[JsonType],
    ) -> SchemaIssue {
        let what = key_path(pointer);
        let (span, exact) = self.value_span(pointer);
        let names: Vec<String> = expected.iter().map(|t| type_name(*t).to_owned()).collect();
        let message = format!(
            "{what} should be {}, not {}",
            or_list(&names),
            describe(instance)
        );
        let mut issue = self.issue(
            IssueKind::Type,
            span.clone(),
            format!("{} here", describe(instance)),
            message,
            schema_path,
        );
        if !exact {
            return issue;
        }
        let raw = self.raw(&span).to_owned();
        let plain = self.node_kind(pointer) == Some(NodeKind::Scalar(ScalarKind::Plain));
        let toml = self
            .doc
            .split
            .front_matter
            .as_ref()
            .is_some_and(|b| b.kind == crate::document::Format::Toml);
        if instance.is_null() {
            issue.help = Some("the key has no value: give it one, or delete the line".into());
            return issue;
        }
        let wants = |t: JsonType| expected.contains(&t);
        if wants(JsonType::Boolean) {
            let word = instance.as_str().unwrap_or_default().to_ascii_lowercase();
            let meaning = match word.as_str() {
                "yes" | "y" | "on" | "true" => Some(true),
                "no" | "n" | "off" | "false" => Some(false),
                _ => None,
            };
            if let Some(meaning) = meaning {
                issue.help = Some(if plain && !toml {
                    format!(
                        "YAML 1.2 (js-yaml, which Hexo uses) reads `{raw}` as a string, YAML 1.1 (Ruby's Psych, \
                         which Jekyll uses) as a boolean: write `{meaning}`"
                    )
                } else {
                    format!(
                        "{raw} is a quoted string, not a boolean: write `{meaning}` without quotes"
                    )
                });
                issue.fix = Some(Fix::unsafe_edit(
                    format!("write `{meaning}`"),
                    span,
                    meaning.to_string(),
                ));
                return issue;
            }
        }
        if wants(JsonType::String)
            && plain
            && !toml
            && !instance.is_string()
            && !instance.is_array()
            && !instance.is_object()
        {
            let quoted = format!("'{}'", raw.replace('\'', "''"));
            let read_as = instance.to_string();
            issue.help = Some(if instance.is_number() && read_as != raw {
                format!("YAML reads `{raw}` as the number {read_as}, losing how it was written: quote it, {quoted}")
            } else {
                format!("quote it to make it a string: {quoted}")
            });
            issue.fix = Some(Fix::unsafe_edit("quote the value", span, quoted));
            return issue;
        }
        if wants(JsonType::Array) && instance.is_string() {
            issue.help = Some(format!("write a list: `[{raw}]`, or one `- item` per line"));
            issue.fix = Some(Fix::unsafe_edit(
                "make it a one-item list",
                span,
                format!("[{raw}]"),
            ));
        }
        issue
    }

    /// Property names the subschema holding `schema_path`'s keyword declares.
    fn allowed_keys(&self, schema_path: &str) -> Vec<String> {
        let parent = &schema_path[..schema_path.rfind('/').unwrap_or(0)];
        schema_at(&self.schema.raw, parent)
            .and_then(|s| s.get("properties"))
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }
}

fn range_or_other(
    kind: &ValidationErrorKind,
    what: &str,
    instance: &Value,
    error: &jsonschema::ValidationError<'_>,
) -> (IssueKind, String, String) {
    use ValidationErrorKind as K;
    let range = |label: String, message: String| (IssueKind::Range, label, message);
    match kind {
        K::MaxLength { limit } => range(
            format!("longer than {limit}"),
            format!("{what} is longer than {limit} characters"),
        ),
        K::Minimum { limit } => range(
            format!("less than {limit}"),
            format!("{what} is {instance}, less than the minimum {limit}"),
        ),
        K::Maximum { limit } => range(
            format!("more than {limit}"),
            format!("{what} is {instance}, more than the maximum {limit}"),
        ),
        K::ExclusiveMinimum { limit } => range(
            format!("not above {limit}"),
            format!("{what} is {instance}; it must be more than {limit}"),
        ),
        K::ExclusiveMaximum { limit } => range(
            format!("not below {limit}"),
            format!("{what} is {instance}; it must be less than {limit}"),
        ),
        K::MinItems { limit } => range(
            format!("fewer than {limit} items"),
            format!("{what} has fewer than {limit} items"),
        ),
        K::MaxItems { limit } => range(
            format!("more than {limit} items"),
            format!("{what} has more than {limit} items"),
        ),
        K::MinProperties { limit } => range(
            format!("fewer than {limit} keys"),
            format!("{what} has fewer than {limit} keys"),
        ),
        K::MaxProperties { limit } => range(
            format!("more than {limit} keys"),
            format!("{what} has more than {limit} keys"),
        ),
        K::MultipleOf { .. } => range(
            "not a multiple".into(),
            format!("{what}: {}", error.masked()),
        ),
        K::UniqueItems => (
            IssueKind::Other,
            "repeated items".into(),
            format!("{what} lists the same item more than once"),
        ),
        K::FalseSchema => (
            IssueKind::Other,
            "not allowed".into(),
            format!("{what} is not allowed here"),
        ),
        K::AnyOf { .. } | K::OneOfNotValid { .. } => (
            IssueKind::Other,
            format!("{} here", describe(instance)),
            format!(
                "{what} is {}, which matches none of the shapes the schema allows",
                describe(instance)
            ),
        ),
        K::OneOfMultipleValid { .. } => (
            IssueKind::Other,
            "ambiguous".into(),
            format!("{what} matches more than one of the schema's `oneOf` shapes"),
        ),
        _ => (
            IssueKind::Other,
            "here".into(),
            format!("{what}: {}", error.masked()),
        ),
    }
}

/// The nearest candidate to `word`, when it is close enough to be a likely typo.
fn nearest(word: &str, candidates: &[String]) -> Option<String> {
    candidates
        .iter()
        .map(|c| {
            (
                strsim::jaro_winkler(&word.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.clone())
}

/// The subschema at a keyword location, following local `$ref`s.
fn schema_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = root;
    if path.is_empty() {
        return Some(node);
    }
    for segment in path[1..].split('/') {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        if segment == "$ref" {
            let target = node.get("$ref")?.as_str()?;
            node = root.pointer(target.strip_prefix('#')?)?;
            continue;
        }
        node = match node {
            Value::Object(map) => map.get(&segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}
