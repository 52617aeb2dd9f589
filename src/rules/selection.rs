//! Which rules run at which severity, and the `[[html.allow]]` exceptions: the config's rule
//! selectors (codes, prefixes, names, `ALL`) resolved against the registry.
//!
//! Precedence, lowest first: each rule's built-in default; the section switches that change a
//! rule's default (`[images] data-urls` and `proxies` set to "warn" or "error"/"forbid",
//! `[covers] in-body`, a preset whose generator needs front matter); `select` (which replaces
//! the set) and `extend-select`; a section switch set to "allow", which turns its rule off
//! whatever was selected; `[rules]` severities; `ignore`. The command line's lists count with
//! the file's. So a severity in `[rules]` beats every section switch: `data-urls = "error"`
//! with `[rules] IMG006 = "warning"` reports warnings, and `proxies = "allow"` with
//! `[rules] IMG010 = "warning"` reports proxies.

use std::ops::Range;
use std::path::Path;

use globset::GlobSet;
use scraper::{ElementRef, Selector as CssSelector};
use toml::Spanned;

use super::{Group, Rule, RULES};
use crate::config::images::Level;
use crate::config::{CliOverrides, ConfigError, LoadedConfig};
use crate::diagnostic::Severity;

/// A rule that runs, with the severity it reports at.
#[derive(Debug, Clone, Copy)]
pub struct ActiveRule {
    pub rule: &'static Rule,
    pub severity: Severity,
}

/// What the config says outside the rule lists that changes a rule's default.
#[derive(Debug, Clone, Copy)]
pub struct SectionDefaults {
    /// A preset whose generator needs front matter in every post: FM001 on.
    pub requires_front_matter: bool,
    /// `[covers] in-body`: IMG042 on or off.
    pub cover_in_body: Option<bool>,
    /// `[images] data-urls`: IMG006 off ("allow"), a warning or an error.
    pub data_urls: Level,
    /// `[images] proxies`: IMG010 off ("allow"), a warning or an error ("forbid").
    pub proxies: Level,
}

/// A selector as written, with where it was written (for errors).
struct Selector<'a> {
    text: &'a str,
    span: Option<Range<usize>>,
}

/// The rules that run, in registry order.
pub fn active_rules(
    config: Option<&LoadedConfig>,
    cli: &CliOverrides,
    defaults: SectionDefaults,
) -> Result<Vec<ActiveRule>, ConfigError> {
    let file = config.map(|c| &c.file);
    let error = |sel: &Selector<'_>, message: String| match (config, &sel.span) {
        (Some(c), Some(span)) => c.invalid(span.clone(), message),
        _ => ConfigError::Cli(message),
    };
    let matching = |sel: &Selector<'_>| -> Result<Vec<usize>, ConfigError> {
        let found = matching_rules(sel.text);
        if found.is_empty() {
            return Err(error(sel, unknown_rule_message(sel.text)));
        }
        Ok(found)
    };

    let mut on: Vec<bool> = RULES.iter().map(|r| r.enabled).collect();
    let mut severity: Vec<Severity> = RULES.iter().map(|r| r.severity).collect();
    // A section switch turns a rule on or off by default and may raise its severity.
    let mut switch = |code: &str, enabled: bool, level: Option<Severity>| {
        let i = index_of(code);
        on[i] = enabled;
        if let Some(level) = level {
            severity[i] = level;
        }
    };
    if defaults.requires_front_matter {
        switch("FM001", true, None);
    }
    if let Some(in_body) = defaults.cover_in_body {
        switch("IMG042", in_body, None);
    }
    let levels = [("IMG006", defaults.data_urls), ("IMG010", defaults.proxies)];
    for (code, level) in levels {
        match level {
            Level::Allow => {}
            Level::Warn => switch(code, true, None),
            Level::Error => switch(code, true, Some(Severity::Error)),
        }
    }

    let select = match &cli.select {
        Some(list) => Some(from_cli(list)),
        None => file
            .and_then(|f| f.select.as_ref())
            .map(|l| from_file(Some(l))),
    };
    if let Some(select) = select {
        on.iter_mut().for_each(|b| *b = false);
        for sel in &select {
            for i in matching(sel)? {
                on[i] = true;
            }
        }
    }
    let mut extend = from_file(file.and_then(|f| f.extend_select.as_ref()));
    extend.extend(from_cli(&cli.extend_select));
    for sel in &extend {
        for i in matching(sel)? {
            on[i] = true;
        }
    }
    // "allow" means the kind of URL is fine: selecting a prefix or `ALL` does not report it;
    // only `[rules]` can.
    for (code, _) in levels.iter().filter(|(_, level)| *level == Level::Allow) {
        on[index_of(code)] = false;
    }
    if let Some(rules) = file.and_then(|f| f.rules.as_ref()) {
        for (key, value) in rules {
            let sel = Selector {
                text: key.get_ref(),
                span: Some(key.span()),
            };
            let targets = matching(&sel)?;
            let level = match value.get_ref().as_str() {
                "off" => None,
                "error" => Some(Severity::Error),
                "warning" | "warn" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                other => {
                    let sel = Selector {
                        text: other,
                        span: Some(value.span()),
                    };
                    return Err(error(
                        &sel,
                        format!("unknown severity `{other}`: use \"error\", \"warning\", \"info\" or \"off\""),
                    ));
                }
            };
            for i in targets {
                match level {
                    Some(level) => {
                        on[i] = true;
                        severity[i] = level;
                    }
                    None => on[i] = false,
                }
            }
        }
    }
    let mut ignore = from_file(file.and_then(|f| f.ignore.as_ref()));
    ignore.extend(from_cli(&cli.ignore));
    for sel in &ignore {
        for i in matching(sel)? {
            on[i] = false;
        }
    }

    Ok(RULES
        .iter()
        .zip(on.iter().zip(&severity))
        .filter(|(_, (on, _))| **on)
        .map(|(rule, (_, severity))| ActiveRule {
            rule,
            severity: *severity,
        })
        .collect())
}

/// The registry index of a rule this module names by code.
fn index_of(code: &str) -> usize {
    RULES
        .iter()
        .position(|r| r.code == code)
        .expect("the rule is in the registry")
}

fn from_file(list: Option<&Vec<Spanned<String>>>) -> Vec<Selector<'_>> {
    list.map(|l| {
        l.iter()
            .map(|s| Selector {
                text: s.get_ref(),
                span: Some(s.span()),
            })
            .collect()
    })
    .unwrap_or_default()
}

fn from_cli(list: &[String]) -> Vec<Selector<'_>> {
    list.iter()
        .map(|s| Selector {
            text: s,
            span: None,
        })
        .collect()
}

/// The rules a selector names, as `--select` reads it: a code, a code prefix (`FM`, `HT0`), a
/// name, or `ALL`. When nothing matches, the error says what the selector may have meant.
pub fn rules_named(selector: &str) -> Result<Vec<&'static Rule>, String> {
    let found = matching_rules(selector);
    if found.is_empty() {
        return Err(unknown_rule_message(selector));
    }
    Ok(found.into_iter().map(|i| &RULES[i]).collect())
}

/// Indices into `RULES` matched by a code, a code prefix (`FM`, `FM0`), a name, or `ALL`.
fn matching_rules(selector: &str) -> Vec<usize> {
    let upper = selector.to_ascii_uppercase();
    RULES
        .iter()
        .enumerate()
        .filter(|(_, r)| upper == "ALL" || r.code.starts_with(&upper) || r.name == selector)
        .map(|(i, _)| i)
        .collect()
}

fn unknown_rule_message(selector: &str) -> String {
    let best = RULES
        .iter()
        .map(|r| (strsim::jaro_winkler(selector, r.name), r.name))
        .chain(RULES.iter().map(|r| {
            (
                strsim::jaro_winkler(&selector.to_ascii_uppercase(), r.code),
                r.code,
            )
        }))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, name)) if score > 0.8 => {
            format!("unknown rule `{selector}`: did you mean `{name}`? (`postlint rules` lists them)")
        }
        _ => format!("unknown rule `{selector}`: give a code (FM002), a prefix (FM) or a name (`postlint rules` lists them)"),
    }
}

/// One `[[html.allow]]` entry with its rule selectors resolved to codes.
#[derive(Debug, Clone)]
pub struct HtmlException {
    pub selector: Option<CssSelector>,
    pub files: Option<GlobSet>,
    /// Codes of the rules this exception switches off; empty for all.
    pub codes: Vec<&'static str>,
}

/// The `[[html.allow]]` entries of the config, and the folder their `files` globs start from.
#[derive(Debug, Clone, Default)]
pub struct HtmlExceptions {
    pub entries: Vec<HtmlException>,
    pub root: std::path::PathBuf,
}

impl HtmlExceptions {
    pub fn resolve(
        config: Option<&LoadedConfig>,
        html: &crate::config::html::HtmlSettings,
    ) -> Result<HtmlExceptions, ConfigError> {
        let mut entries = Vec::new();
        for entry in &html.allow {
            let mut codes = Vec::new();
            for r in &entry.rules {
                let text = r.get_ref();
                let upper = text.to_ascii_uppercase();
                let found = RULES
                    .iter()
                    .filter(|rule| rule.group == Group::Html)
                    .filter(|rule| rule.code.starts_with(&upper) || rule.name == text)
                    .map(|rule| rule.code);
                let before = codes.len();
                codes.extend(found);
                if codes.len() == before {
                    let message = format!("`{text}` is no HTML rule: give a code (HT002), a prefix (HT0) or a name (iframe-host-not-allowed)");
                    return Err(match config {
                        Some(c) => c.invalid(r.span(), message),
                        None => ConfigError::Cli(message),
                    });
                }
            }
            entries.push(HtmlException {
                selector: entry.selector.clone(),
                files: entry.files.clone(),
                codes,
            });
        }
        Ok(HtmlExceptions {
            entries,
            root: html.root.clone(),
        })
    }

    /// Does an `[[html.allow]]` entry switch rule `code` off for this element in this file?
    /// Findings with no element (Markdown links, parse errors) match entries without a selector.
    pub fn allows(&self, code: &str, file: &str, element: Option<ElementRef<'_>>) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        let absolute = crate::schema::normalize(Path::new(file));
        let relative = absolute.strip_prefix(&self.root).unwrap_or(&absolute);
        self.entries.iter().any(|a| {
            (a.codes.is_empty() || a.codes.contains(&code))
                && a.files.as_ref().is_none_or(|g| g.is_match(relative))
                && match (&a.selector, element) {
                    (None, _) => true,
                    (Some(sel), Some(el)) => sel.matches(&el),
                    (Some(_), None) => false,
                }
        })
    }
}
