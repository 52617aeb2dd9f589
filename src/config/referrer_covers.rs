//! The `[referrer]` and `[covers]` sections, resolved.

use super::{ConfigError, LoadedConfig};
use crate::referrer::{HostKind, Policy};

/// Cover keys of Hexo themes and the RSS-to-Hexo bots (headimg, thumbnail), Butterfly (cover,
/// top_img), and Jekyll/Hugo themes (banner, image).
pub const DEFAULT_COVER_KEYS: &[&str] = &[
    "headimg",
    "thumbnail",
    "cover",
    "top_img",
    "banner",
    "image",
];

#[derive(Debug, Clone, Default)]
pub struct ReferrerSettings {
    /// The page's policy from `<meta name="referrer">`; `None`: the browser default.
    pub default_policy: Option<Policy>,
    /// Host overrides from the config, checked before the built-in table.
    pub hosts: Vec<(String, HostKind)>,
}

#[derive(Debug, Clone)]
pub struct CoverSettings {
    pub keys: Vec<String>,
    pub agree: Vec<Vec<String>>,
    /// What the config says about IMG042; `None` when it says nothing.
    pub in_body: Option<bool>,
}

impl Default for CoverSettings {
    fn default() -> Self {
        CoverSettings {
            keys: DEFAULT_COVER_KEYS.iter().map(|s| s.to_string()).collect(),
            agree: vec![vec!["headimg".into(), "thumbnail".into()]],
            in_body: None,
        }
    }
}

fn invalid(config: &LoadedConfig, span: std::ops::Range<usize>, message: String) -> ConfigError {
    ConfigError::Invalid {
        path: config.path.clone(),
        text: config.text.clone(),
        span,
        message,
    }
}

pub fn resolve_referrer(config: Option<&LoadedConfig>) -> Result<ReferrerSettings, ConfigError> {
    let Some((config, section)) = config.and_then(|c| c.file.referrer.as_ref().map(|s| (c, s)))
    else {
        return Ok(ReferrerSettings::default());
    };
    let default_policy = match &section.default_policy {
        None => None,
        Some(p) => {
            let text = p.get_ref().trim();
            let policy = Policy::parse(text).or_else(|| Policy::legacy(text));
            Some(policy.ok_or_else(|| {
                invalid(
                    config,
                    p.span(),
                    format!(
                        "unknown referrer policy `{text}`: use one of {}",
                        Policy::ALL.map(|p| p.as_str()).join(", ")
                    ),
                )
            })?)
        }
    };
    let mut hosts = Vec::new();
    for (host, kind) in section.hosts.iter().flatten() {
        let parsed = HostKind::parse(kind.get_ref()).ok_or_else(|| {
            invalid(
                config,
                kind.span(),
                format!(
                    "unknown host kind `{}`: use \"refuses-foreign\", \"requires-referer\" or \"any\"",
                    kind.get_ref()
                ),
            )
        })?;
        hosts.push((host.trim().to_ascii_lowercase(), parsed));
    }
    Ok(ReferrerSettings {
        default_policy,
        hosts,
    })
}

pub fn resolve_covers(config: Option<&LoadedConfig>) -> CoverSettings {
    let defaults = CoverSettings::default();
    let Some(section) = config.and_then(|c| c.file.covers.as_ref()) else {
        return defaults;
    };
    CoverSettings {
        keys: section.keys.clone().unwrap_or(defaults.keys),
        agree: section.agree.clone().unwrap_or(defaults.agree),
        in_body: section.in_body,
    }
}
