//! `postlint.toml`: its serde shape, discovery and loading. Every key is known; a typo is an error
//! that points at the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::ConfigError;

pub const FILE_NAME: &str = "postlint.toml";

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Another config file this one builds on, relative to this file; this file's keys win.
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extend: Option<Spanned<String>>,
    /// Rules to turn on, by code, code prefix or name; replaces the default set.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<Spanned<String>>>,
    /// Rules to add to the default (or selected) set.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extend_select: Option<Vec<Spanned<String>>>,
    /// Rules to turn off.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<Spanned<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_warnings: Option<usize>,
    /// Per-rule severity: `"error"`, `"warning"`, `"info"` or `"off"`.
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<FilesSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limits: Option<LimitsSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<DatesSection>,
    /// Template tags the site's plugins add (TPL rules).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub templates: Option<TemplatesSection>,
    /// Image URLs, proxies and local image files (IMG001-IMG019).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<super::images::ImagesSection>,
    /// HTML in post bodies (HTxxx): allowed iframe hosts, `[[html.deny]]` and `[[html.allow]]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<HtmlSection>,
    /// Referrer policy: the site-wide default and hotlink-protection host overrides (IMG02x).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrer: Option<ReferrerSection>,
    /// Front-matter cover images (IMG04x).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covers: Option<CoversSection>,
    /// The built-in schema for files in no collection: `hexo`, `jekyll` or `hugo`.
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<Spanned<String>>,
    /// A JSON Schema file for files in no collection, relative to this config file.
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Spanned<String>>,
    /// Groups of files with their own schema; the first matching entry wins.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collections: Option<Vec<CollectionSection>>,
    /// A baseline file of accepted findings, relative to this config file (see docs/baseline.md).
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Spanned<String>>,
    /// Settings for the files matching some globs; every matching entry applies, in file order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Vec<OverrideSection>>,
    /// Glob -> rules (codes, prefixes, names) turned off for the files it matches.
    #[schemars(with = "Option<BTreeMap<String, Vec<String>>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_file_ignores: Option<BTreeMap<Spanned<String>, Vec<Spanned<String>>>>,
}

/// An `[[overrides]]` entry: the keys of the top level that may change per path.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OverrideSection {
    /// Globs relative to this config file's folder.
    #[schemars(with = "Vec<String>")]
    pub files: Spanned<Vec<Spanned<String>>>,
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<Vec<Spanned<String>>>,
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extend_select: Option<Vec<Spanned<String>>>,
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore: Option<Vec<Spanned<String>>>,
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<BTreeMap<Spanned<String>, Spanned<String>>>,
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Spanned<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<DatesSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub images: Option<super::images::ImagesSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<HtmlSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrer: Option<ReferrerSection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub covers: Option<CoversSection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CollectionSection {
    /// Globs relative to this config file, e.g. `source/_posts/**`.
    #[schemars(with = "Vec<String>")]
    pub files: Spanned<Vec<Spanned<String>>>,
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schema: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<Spanned<String>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DatesSection {
    /// Front-matter keys whose values are checked as dates (FM2xx), at any depth.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<Vec<String>>,
    /// FM202 gives the advice for every generator even under a generator's preset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub portable: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TemplatesSection {
    /// Tag names the site's plugins register (`{% note %}`), known to the TPL rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReferrerSection {
    /// The policy the theme's `<meta name="referrer">` sets for every page.
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_policy: Option<Spanned<String>>,
    /// Host (and its subdomains) -> "refuses-foreign", "requires-referer" or "any".
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hosts: Option<BTreeMap<String, Spanned<String>>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CoversSection {
    /// Top-level front-matter keys that hold the post's cover image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<Vec<String>>,
    /// Groups of cover keys that must hold the same image when more than one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agree: Option<Vec<Vec<String>>>,
    /// Whether the cover must also appear in the body (turns IMG042 on or off by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_body: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HtmlSection {
    /// Hosts whose `<iframe>` embeds are allowed (HT002); replaces the default list.
    /// `*.example.com` allows every subdomain.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_iframe_hosts: Option<Vec<Spanned<String>>>,
    /// Site rules: elements matching a CSS selector are reported (HT100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deny: Option<Vec<HtmlDenySection>>,
    /// Exceptions: HT findings on elements matching `selector`, in `files`, of `rules`, are dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow: Option<Vec<HtmlAllowSection>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HtmlDenySection {
    /// A short name shown with each finding, e.g. `sinaimg-needs-referrerpolicy`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[schemars(with = "String")]
    pub selector: Spanned<String>,
    pub message: String,
    /// `"error"` (the default), `"warning"` or `"info"`.
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Spanned<String>>,
    /// The attribute to point at, when the element has it; otherwise the start tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HtmlAllowSection {
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selector: Option<Spanned<String>>,
    /// Globs relative to this config file.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<Spanned<Vec<Spanned<String>>>>,
    /// Codes (`HT001`), prefixes (`HT`) or names; all HT rules when absent.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FilesSection {
    /// File extensions linted when walking directories.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Vec<String>>,
    /// Globs (gitignore syntax) of paths to skip when walking directories; setting it replaces
    /// the default excludes of recognised sites.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclude: Option<Vec<Spanned<String>>>,
    /// Skip the folders a recognised Hexo, Jekyll or Hugo site keeps no posts in (themes,
    /// layouts, build output, dependencies). On unless `exclude` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_excludes: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsSection {
    /// Files larger than this many bytes get one finding and are skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_file_size: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_yaml_depth: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_alias_nodes: Option<usize>,
    /// HTML nested deeper than this is read as siblings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_html_depth: Option<usize>,
}

/// A parsed config file with its text, for errors that point into it.
#[derive(Debug)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub text: String,
    pub file: ConfigFile,
}

impl LoadedConfig {
    /// An error about the text at `span` of this config file.
    pub fn invalid(&self, span: std::ops::Range<usize>, message: String) -> ConfigError {
        ConfigError::Invalid {
            path: self.path.clone(),
            text: self.text.clone(),
            span,
            message,
        }
    }

    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or_else(|| Path::new("."))
    }
}

/// `postlint.toml` in `start` or the nearest directory above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|err| ConfigError::Io {
        path: path.to_owned(),
        message: err.to_string(),
    })?;
    let file = toml::from_str::<ConfigFile>(&text).map_err(|err| ConfigError::Invalid {
        path: path.to_owned(),
        text: text.clone(),
        span: err.span().unwrap_or(0..0),
        message: plain_types(&with_suggestion(err.message().trim())),
    })?;
    Ok(LoadedConfig {
        path: path.to_owned(),
        text,
        file,
    })
}

/// serde speaks of Rust types (`expected usize`); a config's author wrote TOML.
fn plain_types(message: &str) -> String {
    let mut out = message.to_owned();
    for (rust, plain) in [
        ("expected usize", "expected a whole number (0 or more)"),
        ("expected u64", "expected a whole number (0 or more)"),
        ("expected u32", "expected a whole number (0 or more)"),
        ("expected u16", "expected a whole number (0 or more)"),
        ("expected u8", "expected a whole number (0 or more)"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a boolean", "expected true or false"),
    ] {
        if let Some(rest) = out.strip_suffix(rust) {
            out = format!("{rest}{plain}");
        }
    }
    out.replace("invalid value: integer", "invalid value:")
}

/// serde names the expected fields of an unknown one; point at the nearest when it is close.
fn with_suggestion(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_owned();
    };
    let Some((field, expected)) = rest.split_once("`, expected ") else {
        return message.to_owned();
    };
    let best = expected
        .split(['`', ',', ' '])
        .filter(|s| !s.is_empty() && *s != "one" && *s != "of")
        .map(|name| (strsim::jaro_winkler(field, name), name))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, name)) if score > 0.8 => {
            format!("unknown key `{field}`: did you mean `{name}`? (expected {expected})")
        }
        _ => format!("unknown key `{field}` (expected {expected})"),
    }
}
