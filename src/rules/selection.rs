//! Which rules run at which severity, and the `[[html.allow]]` exceptions: the config's rule
//! selectors (codes, prefixes, names, `ALL`) resolved against the registry.
//!
//! Precedence, lowest first: each rule's built-in default; the section switches that change a
//! rule's default (`[images] data-urls` and `proxies` set to "warn" or "error"/"forbid",
//! `[covers] in-body`, a preset whose generator needs front matter; "allow" turns its rule off
//! and keeps `select` from turning it back on, only `[rules]` can); then each config layer,
//! lowest first (the base of an `extend` chain, its matching `[[overrides]]`, ..., the nearest
//! file and its overrides), applying in turn `select` (which replaces the set),
//! `extend-select`, `[rules]` severities and `ignore`; then the command line's `--select`,
//! `--extend-select` and `--ignore`; last `[per-file-ignores]`. So a severity in `[rules]`
//! beats every section switch: `data-urls = "error"` with `[rules] IMG006 = "warning"` reports
//! warnings, and `proxies = "allow"` with `[rules] IMG010 = "warning"` reports proxies.

use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::GlobSet;
use scraper::{ElementRef, Selector as CssSelector};
use toml::Spanned;

use super::{Group, Rule, RULES};
use crate::config::html::AllowRule;
use crate::config::images::Level;
use crate::config::{CliOverrides, ConfigError, Layer, LoadedConfig, PerFileIgnore};
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

/// A selector as written, with the file and span it was written at (for errors).
struct Selector<'a> {
    text: &'a str,
    at: Option<(&'a LoadedConfig, Range<usize>)>,
}

impl Selector<'_> {
    fn error(&self, message: String) -> ConfigError {
        match &self.at {
            Some((config, span)) => config.invalid(span.clone(), message),
            None => ConfigError::Cli(message),
        }
    }

    fn matching(&self) -> Result<Vec<usize>, ConfigError> {
        let found = matching_rules(self.text);
        if found.is_empty() {
            return Err(self.error(unknown_rule_message(self.text)));
        }
        Ok(found)
    }
}

/// The rules that run, in registry order. `layers` are lowest first (see `config::layers`);
/// each applies its `select`, `extend-select`, `[rules]` and `ignore` in that order, then the
/// command line's lists apply, then `per_file_ignores`.
pub fn active_rules(
    layers: &[Layer<'_>],
    per_file_ignores: &[PerFileIgnore<'_>],
    cli: &CliOverrides,
    defaults: SectionDefaults,
) -> Result<Vec<ActiveRule>, ConfigError> {
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
    let mut allowed = vec![false; RULES.len()];
    for (code, level) in levels {
        match level {
            // "allow" means the kind of URL is fine: selecting a prefix or `ALL` does not
            // report it; only `[rules]` can.
            Level::Allow => {
                switch(code, false, None);
                allowed[index_of(code)] = true;
            }
            Level::Warn => switch(code, true, None),
            Level::Error => switch(code, true, Some(Severity::Error)),
        }
    }

    let select = |on: &mut Vec<bool>, list: &[Selector<'_>], reset: bool| {
        if reset {
            on.iter_mut().for_each(|b| *b = false);
        }
        for sel in list {
            for i in sel.matching()? {
                on[i] = !allowed[i];
            }
        }
        Ok::<(), ConfigError>(())
    };
    let ignore = |on: &mut Vec<bool>, list: &[Selector<'_>]| {
        for sel in list {
            for i in sel.matching()? {
                on[i] = false;
            }
        }
        Ok::<(), ConfigError>(())
    };
    for layer in layers {
        if let Some(list) = layer.select {
            select(&mut on, &from_file(layer.config, list), true)?;
        }
        if let Some(list) = layer.extend_select {
            select(&mut on, &from_file(layer.config, list), false)?;
        }
        for (key, value) in layer.rules.into_iter().flatten() {
            let sel = Selector {
                text: key.get_ref(),
                at: Some((layer.config, key.span())),
            };
            let targets = sel.matching()?;
            let level = match value.get_ref().as_str() {
                "off" => None,
                "error" => Some(Severity::Error),
                "warning" | "warn" => Some(Severity::Warning),
                "info" => Some(Severity::Info),
                other => {
                    return Err(layer.invalid(
                        value.span(),
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
        if let Some(list) = layer.ignore {
            ignore(&mut on, &from_file(layer.config, list))?;
        }
    }
    if let Some(list) = &cli.select {
        select(&mut on, &from_cli(list), true)?;
    }
    select(&mut on, &from_cli(&cli.extend_select), false)?;
    ignore(&mut on, &from_cli(&cli.ignore))?;
    for entry in per_file_ignores {
        ignore(&mut on, &from_file(entry.config, entry.rules))?;
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

fn from_file<'a>(config: &'a LoadedConfig, list: &'a [Spanned<String>]) -> Vec<Selector<'a>> {
    list.iter()
        .map(|s| Selector {
            text: s.get_ref(),
            at: Some((config, s.span())),
        })
        .collect()
}

fn from_cli(list: &[String]) -> Vec<Selector<'_>> {
    list.iter()
        .map(|s| Selector { text: s, at: None })
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
    /// The folder `files` globs are relative to.
    pub root: PathBuf,
    /// Codes of the rules this exception switches off; empty for all.
    pub codes: Vec<&'static str>,
}

/// The `[[html.allow]]` entries that apply.
#[derive(Debug, Clone, Default)]
pub struct HtmlExceptions {
    pub entries: Vec<HtmlException>,
}

impl HtmlExceptions {
    /// The exceptions of `allow`, written in `layer`'s file.
    pub fn resolve(layer: &Layer<'_>, allow: &[AllowRule]) -> Result<HtmlExceptions, ConfigError> {
        let mut entries = Vec::new();
        for entry in allow {
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
                    return Err(layer.invalid(r.span(), message));
                }
            }
            entries.push(HtmlException {
                selector: entry.selector.clone(),
                files: entry.files.clone(),
                root: entry.root.clone(),
                codes,
            });
        }
        Ok(HtmlExceptions { entries })
    }

    /// Does an `[[html.allow]]` entry switch rule `code` off for this element in this file?
    /// Findings with no element (Markdown links, parse errors) match entries without a selector.
    pub fn allows(&self, code: &str, file: &str, element: Option<ElementRef<'_>>) -> bool {
        if self.entries.is_empty() {
            return false;
        }
        let absolute = crate::schema::normalize(Path::new(file));
        self.entries.iter().any(|a| {
            let relative = absolute.strip_prefix(&a.root).unwrap_or(&absolute);
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
