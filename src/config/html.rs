//! `[html]` compiled: iframe hosts, `[[html.deny]]` selectors and `[[html.allow]]` exceptions.
//! Selectors and globs are parsed once here; a bad one is a config error at its span.

use std::ops::Range;
use std::path::PathBuf;

use globset::GlobSet;
use scraper::Selector;
use toml::Spanned;

use super::file::HtmlSection;
use super::layers::Layer;
use super::schemas::glob_set;
use super::ConfigError;
use crate::diagnostic::Severity;

/// Embed hosts allowed by default: the video and audio players blogs embed most.
pub const DEFAULT_IFRAME_HOSTS: &[&str] = &[
    "www.youtube.com",
    "www.youtube-nocookie.com",
    "player.bilibili.com",
    "player.vimeo.com",
    "open.spotify.com",
    "w.soundcloud.com",
    "music.163.com",
    "player.youku.com",
    "v.qq.com",
    "www.google.com",
    "codepen.io",
    "gist.github.com",
];

#[derive(Debug, Clone)]
pub struct DenyRule {
    pub name: Option<String>,
    pub selector: Selector,
    /// The selector as written, shown in findings.
    pub selector_text: String,
    pub message: String,
    /// `None`: the rule's (HT100's) severity.
    pub severity: Option<Severity>,
    pub attribute: Option<String>,
}

/// An `[[html.allow]]` entry; its rule selectors are resolved against the registry by
/// `rules::selection`.
#[derive(Debug, Clone)]
pub struct AllowRule {
    pub selector: Option<Selector>,
    pub files: Option<GlobSet>,
    /// The folder `files` globs are relative to: that of the file that wrote them.
    pub root: PathBuf,
    /// The rules this exception switches off, as written; empty for all.
    pub rules: Vec<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub struct HtmlSettings {
    /// Lower-case hosts; `*.example.com` matches subdomains.
    pub iframe_hosts: Vec<String>,
    pub deny: Vec<DenyRule>,
}

impl Default for HtmlSettings {
    fn default() -> Self {
        HtmlSettings {
            iframe_hosts: DEFAULT_IFRAME_HOSTS.iter().map(|h| h.to_string()).collect(),
            deny: Vec::new(),
        }
    }
}

fn selector(layer: &Layer<'_>, text: &Spanned<String>) -> Result<Selector, ConfigError> {
    Selector::parse(text.get_ref()).map_err(|e| {
        layer.invalid(
            text.span(),
            format!("bad CSS selector `{}`: {e}", text.get_ref()),
        )
    })
}

/// `allow-iframe-hosts` and `[[html.deny]]` over the layers: each key the last layer that sets
/// it wins. (`[[html.allow]]` needs the rule registry: see [`resolve_allow`].)
pub fn resolve_html(layers: &[Layer<'_>]) -> Result<HtmlSettings, ConfigError> {
    let mut out = HtmlSettings::default();
    for layer in layers {
        if let Some(section) = layer.html {
            apply(&mut out, layer, section)?;
        }
    }
    Ok(out)
}

fn apply(
    out: &mut HtmlSettings,
    layer: &Layer<'_>,
    section: &HtmlSection,
) -> Result<(), ConfigError> {
    let invalid = |span: Range<usize>, message: String| layer.invalid(span, message);
    if let Some(hosts) = &section.allow_iframe_hosts {
        out.iframe_hosts = Vec::new();
        for host in hosts {
            let h = host.get_ref().trim().to_ascii_lowercase();
            if h.is_empty() || h.contains(['/', ':', ' ']) {
                return Err(invalid(
                    host.span(),
                    format!("`{}` is not a host name: write it as `player.example.com` (no scheme or path)", host.get_ref()),
                ));
            }
            out.iframe_hosts.push(h);
        }
    }
    if let Some(list) = &section.deny {
        out.deny = Vec::new();
        for entry in list {
            let severity = match &entry.severity {
                None => None,
                Some(s) => Some(match s.get_ref().as_str() {
                    "error" => Severity::Error,
                    "warning" | "warn" => Severity::Warning,
                    "info" => Severity::Info,
                    other => {
                        return Err(invalid(
                            s.span(),
                            format!(
                                "unknown severity `{other}`: use \"error\", \"warning\" or \"info\""
                            ),
                        ))
                    }
                }),
            };
            out.deny.push(DenyRule {
                name: entry.name.clone(),
                selector: selector(layer, &entry.selector)?,
                selector_text: entry.selector.get_ref().clone(),
                message: entry.message.clone(),
                severity,
                attribute: entry.attribute.as_ref().map(|a| a.to_ascii_lowercase()),
            });
        }
    }
    Ok(())
}

/// One layer's `[[html.allow]]` entries with their selectors and globs compiled; `None` when
/// the layer does not set the key.
pub fn resolve_allow(layer: &Layer<'_>) -> Result<Option<Vec<AllowRule>>, ConfigError> {
    let Some(list) = layer.html.and_then(|h| h.allow.as_ref()) else {
        return Ok(None);
    };
    let root = crate::schema::normalize(layer.config.dir());
    let mut out = Vec::new();
    for entry in list {
        let files = match &entry.files {
            None => None,
            Some(list) => {
                let globs: Vec<String> =
                    list.get_ref().iter().map(|g| g.get_ref().clone()).collect();
                Some(glob_set(&globs).map_err(|(i, message)| {
                    let span = list.get_ref().get(i).map_or(list.span(), |g| g.span());
                    layer.invalid(span, message)
                })?)
            }
        };
        out.push(AllowRule {
            selector: entry
                .selector
                .as_ref()
                .map(|s| selector(layer, s))
                .transpose()?,
            files,
            root: root.clone(),
            rules: entry.rules.clone().unwrap_or_default(),
        });
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<HtmlSettings, ConfigError> {
        let config = crate::config::LoadedConfig {
            path: PathBuf::from("/site/postlint.toml"),
            text: text.to_owned(),
            file: toml::from_str(text).expect("valid TOML"),
        };
        resolve_html(&[Layer::top(&config)])
    }

    #[test]
    fn a_bad_selector_is_an_error_at_the_selector() {
        let text = "[[html.deny]]\nselector = \"img[src*=\"\nmessage = \"x\"\n";
        match load(text) {
            Err(ConfigError::Invalid { span, message, .. }) => {
                assert_eq!(&text[span], "\"img[src*=\"");
                assert!(
                    message.contains("bad CSS selector `img[src*=`"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
