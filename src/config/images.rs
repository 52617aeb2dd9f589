//! `[images]`: which front-matter keys hold images, which URLs are allowed, image proxies and
//! where local image files live (IMG001-IMG019).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::layers::Layer;
use super::ConfigError;

/// Front-matter keys that hold an image (or a list of images) in Hexo, Jekyll and Hugo themes.
pub const DEFAULT_FRONT_MATTER_KEYS: &[&str] = &[
    "headimg",
    "thumbnail",
    "cover",
    "banner",
    "top_img",
    "image",
    "images",
    "og_image",
];

/// Services that serve random or stand-in pictures.
pub const DEFAULT_PLACEHOLDER_HOSTS: &[&str] = &[
    "picsum.photos",
    "placehold.it",
    "placehold.co",
    "via.placeholder.com",
    "placeholder.com",
    "dummyimage.com",
    "placekitten.com",
    "loremflickr.com",
    "source.unsplash.com",
    "fakeimg.pl",
];

#[derive(Debug, Default, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ImagesSection {
    /// Front-matter keys (at any depth) whose string or list values are image URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub front_matter_keys: Option<Vec<String>>,
    /// `data:` image URLs: "allow", "warn" (default) or "error".
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_urls: Option<Spanned<String>>,
    /// When set, image hosts outside this list are reported (subdomains included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_hosts: Option<Vec<String>>,
    /// Image hosts that are reported (subdomains included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deny_hosts: Option<Vec<String>>,
    /// Hosts of placeholder images; replaces the built-in list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placeholder_hosts: Option<Vec<String>>,
    /// Image proxies: "allow" (default), "warn" or "forbid".
    #[schemars(with = "Option<String>")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxies: Option<Spanned<String>>,
    /// More image proxies: `[[images.proxy]] host = "...", param = "..."` (no `param`: the
    /// origin is the path after the host).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy: Option<Vec<ProxySection>>,
    /// Folders (relative to the config file) that root-relative image paths are served from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub static_dirs: Option<Vec<String>>,
    /// The site is served over https: plain-http images are mixed content (an error).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub https_site: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProxySection {
    pub host: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
}

/// A proxy from `[[images.proxy]]`: on `host` (and its subdomains), the origin is the value of
/// `param`, or the path after the host when `param` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyPattern {
    pub host: String,
    pub param: Option<String>,
}

/// How strongly a kind of URL is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Error,
}

#[derive(Debug, Clone)]
pub struct ImageSettings {
    pub front_matter_keys: Vec<String>,
    pub data_urls: Level,
    pub allow_hosts: Vec<String>,
    pub deny_hosts: Vec<String>,
    pub placeholder_hosts: Vec<String>,
    pub proxies: Level,
    pub proxy_patterns: Vec<ProxyPattern>,
    /// Absolute, or relative to the working directory.
    pub static_dirs: Vec<PathBuf>,
    pub https_site: bool,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            front_matter_keys: strings(DEFAULT_FRONT_MATTER_KEYS),
            data_urls: Level::Warn,
            allow_hosts: Vec::new(),
            deny_hosts: Vec::new(),
            placeholder_hosts: strings(DEFAULT_PLACEHOLDER_HOSTS),
            proxies: Level::Allow,
            proxy_patterns: Vec::new(),
            static_dirs: Vec::new(),
            https_site: true,
        }
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// `[images]` over the layers, lowest first: each key the last layer that sets it wins; every
/// layer's values are checked.
pub fn resolve_images(layers: &[Layer<'_>]) -> Result<ImageSettings, ConfigError> {
    let mut out = ImageSettings::default();
    for layer in layers {
        if let Some(section) = layer.images {
            apply(&mut out, layer, section)?;
        }
    }
    Ok(out)
}

fn apply(
    out: &mut ImageSettings,
    c: &Layer<'_>,
    section: &ImagesSection,
) -> Result<(), ConfigError> {
    let level = |value: &Spanned<String>, strong: &str| match value.get_ref().as_str() {
        "allow" => Ok(Level::Allow),
        "warn" | "warning" => Ok(Level::Warn),
        s if s == strong => Ok(Level::Error),
        other => Err(c.invalid(
            value.span(),
            format!("unknown value `{other}`: use \"allow\", \"warn\" or \"{strong}\""),
        )),
    };
    if let Some(v) = &section.data_urls {
        out.data_urls = level(v, "error")?;
    }
    if let Some(v) = &section.proxies {
        out.proxies = level(v, "forbid")?;
    }
    if let Some(keys) = &section.front_matter_keys {
        out.front_matter_keys = keys.clone();
    }
    let lower = |l: &Vec<String>| l.iter().map(|h| h.to_ascii_lowercase()).collect();
    if let Some(l) = &section.allow_hosts {
        out.allow_hosts = lower(l);
    }
    if let Some(l) = &section.deny_hosts {
        out.deny_hosts = lower(l);
    }
    if let Some(l) = &section.placeholder_hosts {
        out.placeholder_hosts = lower(l);
    }
    if let Some(list) = &section.proxy {
        out.proxy_patterns = list
            .iter()
            .map(|p| ProxyPattern {
                host: p.host.to_ascii_lowercase(),
                param: p.param.clone(),
            })
            .collect();
    }
    if let Some(dirs) = &section.static_dirs {
        out.static_dirs = dirs.iter().map(|d| c.config.dir().join(d)).collect();
    }
    if let Some(https) = section.https_site {
        out.https_site = https;
    }
    Ok(())
}
