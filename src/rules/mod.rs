//! The rule registry: one row per rule. A rule is metadata plus a pure `check` function.

pub mod dates;
pub mod front_matter;
pub mod html;
pub mod images;
pub mod schema;

use std::ops::Range;

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::document::Document;
use crate::schema::SchemaIssue;

/// Where rule docs are published: the rule's `.md` file in the repository.
pub const DOCS_BASE: &str = "https://github.com/postlint/postlint/blob/main/src/rules/";

pub struct Rule {
    /// Stable code, e.g. `FM002`.
    pub code: &'static str,
    /// Kebab-case name that says what is wrong.
    pub name: &'static str,
    pub summary: &'static str,
    /// The rule's docs (Markdown, fixed headings).
    pub docs: &'static str,
    /// The docs file's path under `src/rules/`, for the docs link.
    pub doc_path: &'static str,
    pub severity: Severity,
    pub enabled: bool,
    pub check: fn(&Context, &mut Findings),
}

impl Rule {
    pub fn url(&self) -> String {
        format!("{DOCS_BASE}{}", self.doc_path)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({})", self.code, self.name)
    }
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &front_matter::missing::RULE,
    &front_matter::not_at_start::RULE,
    &front_matter::unclosed::RULE,
    &front_matter::yaml_syntax::RULE,
    &front_matter::duplicate_key::RULE,
    &front_matter::not_mapping::RULE,
    &schema::missing_required::RULE,
    &schema::unknown_key::RULE,
    &schema::wrong_type::RULE,
    &schema::not_allowed::RULE,
    &schema::pattern::RULE,
    &schema::format::RULE,
    &schema::out_of_range::RULE,
    &schema::schema_mismatch::RULE,
    &dates::invalid_date::RULE,
    &dates::non_portable_date::RULE,
    &images::src_missing::RULE,
    &images::url_invalid::RULE,
    &images::insecure_url::RULE,
    &images::protocol_relative::RULE,
    &images::local_file_url::RULE,
    &images::data_url::RULE,
    &images::host_denied::RULE,
    &images::placeholder::RULE,
    &images::file_missing::RULE,
    &images::proxy_used::RULE,
    &images::referrer_invalid_policy::RULE,
    &images::referrer_blocked_host::RULE,
    &images::referrer_required_host::RULE,
    &images::alt_missing::RULE,
    &images::alt_valueless::RULE,
    &images::alt_markdown_empty::RULE,
    &images::cover_empty::RULE,
    &images::cover_disagree::RULE,
    &images::cover_not_in_body::RULE,
    &html::script_element::RULE,
    &html::iframe_host::RULE,
    &html::plugin_element::RULE,
    &html::style_element::RULE,
    &html::inline_event_handler::RULE,
    &html::dangerous_url::RULE,
    &html::form_element::RULE,
    &html::document_element::RULE,
    &html::obsolete_element::RULE,
    &html::style_attribute::RULE,
    &html::unclosed_raw_text::RULE,
    &html::html_parse_error::RULE,
    &html::denied_by_config::RULE,
];

/// Find a rule by code (any case) or name.
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// What a rule sees: the parsed post and the settings that apply to it.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub settings: &'a Settings,
    /// Schema errors of this file's front matter, placed; empty when no schema applies.
    pub schema_issues: &'a [SchemaIssue],
    /// The post's image references, collected once for all the image rules.
    image_refs: std::cell::OnceCell<Vec<crate::images::ImageRef>>,
}

impl<'a> Context<'a> {
    pub fn new(
        doc: &'a Document,
        settings: &'a Settings,
        schema_issues: &'a [SchemaIssue],
    ) -> Self {
        Context {
            doc,
            settings,
            schema_issues,
            image_refs: std::cell::OnceCell::new(),
        }
    }

    /// Every image reference of the post (see `images::image_refs`), computed on first use.
    pub fn image_refs(&self) -> &[crate::images::ImageRef] {
        self.image_refs
            .get_or_init(|| crate::images::image_refs(self.doc, &self.settings.images))
    }
}

/// What one rule reports while it checks one document.
pub struct Findings<'r> {
    rule: &'r Rule,
    severity: Severity,
    out: Vec<Diagnostic>,
}

impl<'r> Findings<'r> {
    pub fn new(rule: &'r Rule, severity: Severity) -> Self {
        Findings {
            rule,
            severity,
            out: Vec::new(),
        }
    }

    /// Start a finding of this rule at `span`, labelled `label`.
    pub fn diagnostic(
        &self,
        span: Range<usize>,
        label: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code: self.rule.code,
            name: self.rule.name,
            severity: self.severity,
            message: message.into(),
            primary: Label::new(span, label),
            secondary: Vec::new(),
            help: None,
            url: Some(self.rule.url()),
            fix: None,
        }
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.out
    }
}
