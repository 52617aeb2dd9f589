//! The `[referrer]` and `[covers]` sections, resolved.

use super::layers::Layer;
use super::ConfigError;
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

/// `[referrer]` over the layers: each key the last layer that sets it wins.
pub fn resolve_referrer(layers: &[Layer<'_>]) -> Result<ReferrerSettings, ConfigError> {
    let mut out = ReferrerSettings::default();
    for layer in layers {
        let Some(section) = layer.referrer else {
            continue;
        };
        if let Some(p) = &section.default_policy {
            let text = p.get_ref().trim();
            let policy = Policy::parse(text).or_else(|| Policy::legacy(text));
            out.default_policy = Some(policy.ok_or_else(|| {
                layer.invalid(
                    p.span(),
                    format!(
                        "unknown referrer policy `{text}`: use one of {}",
                        Policy::ALL.map(|p| p.as_str()).join(", ")
                    ),
                )
            })?);
        }
        if let Some(table) = &section.hosts {
            let mut hosts = Vec::new();
            for (host, kind) in table {
                let parsed = HostKind::parse(kind.get_ref()).ok_or_else(|| {
                    layer.invalid(
                        kind.span(),
                        format!(
                            "unknown host kind `{}`: use \"refuses-foreign\", \"requires-referer\" or \"any\"",
                            kind.get_ref()
                        ),
                    )
                })?;
                hosts.push((host.trim().to_ascii_lowercase(), parsed));
            }
            out.hosts = hosts;
        }
    }
    Ok(out)
}

/// `[covers]` over the layers: each key the last layer that sets it wins.
pub fn resolve_covers(layers: &[Layer<'_>]) -> CoverSettings {
    let mut out = CoverSettings::default();
    for section in layers.iter().filter_map(|l| l.covers) {
        if let Some(keys) = &section.keys {
            out.keys = keys.clone();
        }
        if let Some(agree) = &section.agree {
            out.agree = agree.clone();
        }
        if section.in_body.is_some() {
            out.in_body = section.in_body;
        }
    }
    out
}
