//! Image and CORS proxies that carry the origin URL inside their own URL.
//!
//! Recognised forms (ranges are byte ranges of the URL string, so they map into the file):
//! - the whole query is the origin: `https://cors.example.workers.dev/?http://origin/a.jpg`;
//! - the path is the origin: `https://cors-anywhere.example/http://origin/a.jpg`;
//! - a `url=` or `u=` parameter: `https://images.weserv.nl/?url=http%3A%2F%2Forigin%2Fa.jpg`
//!   (a percent-encoded origin is decoded; its range covers the encoded text);
//! - Jetpack's Photon, `https://i0.wp.com/origin.example/a.jpg` (scheme implied);
//! - weserv's scheme-less `?url=origin.example/a.jpg` (scheme implied; `ssl:` means https);
//! - `[[images.proxy]]` patterns: a host with a parameter, or a host whose path is the origin.

use std::ops::Range;

use percent_encoding::percent_decode_str;

pub use crate::config::images::ProxyPattern;

use super::url::{authority_host, host_matches};

/// A proxy URL taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unwrapped {
    /// The proxy part: from the start of the URL to just before the origin.
    pub proxy: Range<usize>,
    /// The origin URL, decoded (and with `https://` added when the scheme is implied).
    pub origin: String,
    /// Where the origin is written in the proxy URL (encoded, when it is).
    pub origin_range: Range<usize>,
    /// The origin's scheme is not written; the proxy decides it.
    pub implied_scheme: bool,
}

/// Parameters that carry the origin URL on any host.
const URL_PARAMS: &[&str] = &["url", "u"];

/// Hosts whose `url=` may omit the scheme.
const WESERV: &[&str] = &["images.weserv.nl", "wsrv.nl"];

/// Find the origin URL inside `url`, if `url` is a proxy URL.
pub fn unwrap(url: &str, patterns: &[ProxyPattern]) -> Option<Unwrapped> {
    let after_scheme = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))
        .map(|rest| url.len() - rest.len())?;
    let host_end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    let host = authority_host(&url[after_scheme..host_end]).unwrap_or_default();
    let query_start = url.find('?').map(|i| i + 1);
    let path = &url[host_end..query_start.map_or(url.len(), |q| q - 1)];

    for p in patterns.iter().filter(|p| host_matches(&host, &p.host)) {
        let found = match &p.param {
            Some(param) => query_start.and_then(|q| param_value(url, q, param)),
            None => path_origin(url, host_end, true),
        };
        if found.is_some() {
            return found;
        }
    }
    if let Some(q) = query_start {
        // `?http://origin...`: the whole rest of the URL is the origin.
        if let Some(u) = absolute_origin(url, q..url.len()) {
            return Some(u);
        }
        for param in URL_PARAMS {
            if let Some(u) = param_value(url, q, param) {
                return Some(u);
            }
        }
        if WESERV.iter().any(|w| host_matches(&host, w)) {
            if let Some(range) = param_range(url, q, "url") {
                return implied(url, range, |v| match v.strip_prefix("ssl:") {
                    Some(rest) => (4, format!("https://{rest}")),
                    None => (0, format!("http://{v}")),
                });
            }
        }
    }
    if let Some(u) = path_origin(url, host_end, false) {
        return Some(u);
    }
    let photon = host.len() == "i0.wp.com".len()
        && host.starts_with('i')
        && host.as_bytes()[1].is_ascii_digit()
        && host.ends_with(".wp.com");
    if photon && path.len() > 1 {
        let start = host_end + 1;
        let end = url.find('?').unwrap_or(url.len());
        let ssl = query_start.is_some_and(|q| param_range(url, q, "ssl").is_some());
        return implied(url, start..end, |v| {
            let scheme = if ssl { "https" } else { "http" };
            (0, format!("{scheme}://{v}"))
        });
    }
    None
}

/// The origin in the path after the host: `/http://origin/...`; scheme-less when `any`.
fn path_origin(url: &str, host_end: usize, any: bool) -> Option<Unwrapped> {
    let start = host_end + 1;
    if url.as_bytes().get(host_end) != Some(&b'/') || start >= url.len() {
        return None;
    }
    if let Some(u) = absolute_origin(url, start..url.len()) {
        return Some(u);
    }
    if any {
        return implied(url, start..url.len(), |v| (0, format!("https://{v}")));
    }
    None
}

/// The text at `range` is an absolute http(s) URL, plain or percent-encoded.
fn absolute_origin(url: &str, range: Range<usize>) -> Option<Unwrapped> {
    let raw = &url[range.clone()];
    let decoded = decode(raw);
    let lower = decoded.to_ascii_lowercase();
    let is_url = lower.starts_with("http://") || lower.starts_with("https://");
    // `https:/origin` after a path collapse by some servers is not recognised on purpose.
    is_url.then_some(Unwrapped {
        proxy: 0..range.start,
        origin: decoded,
        origin_range: range,
        implied_scheme: false,
    })
}

fn decode(raw: &str) -> String {
    if raw.contains('%') {
        percent_decode_str(raw).decode_utf8_lossy().into_owned()
    } else {
        raw.to_owned()
    }
}

/// The origin at `range` without a scheme; `make` gives (bytes to skip, origin URL).
fn implied(
    url: &str,
    range: Range<usize>,
    make: impl Fn(&str) -> (usize, String),
) -> Option<Unwrapped> {
    let decoded = decode(&url[range.clone()]);
    if decoded.is_empty() || decoded.starts_with('/') {
        return None;
    }
    let (_, origin) = make(&decoded);
    Some(Unwrapped {
        proxy: 0..range.start,
        origin,
        origin_range: range,
        implied_scheme: true,
    })
}

/// The raw value range of the first `name=` parameter of the query starting at `q`.
fn param_range(url: &str, q: usize, name: &str) -> Option<Range<usize>> {
    let end = url[q..].find('#').map_or(url.len(), |i| q + i);
    let mut pos = q;
    for pair in url[q..end].split('&') {
        let start = pos;
        pos += pair.len() + 1;
        if let Some((key, _)) = pair.split_once('=') {
            if key == name {
                let value_start = start + key.len() + 1;
                return Some(value_start..start + pair.len());
            }
        } else if pair == name {
            return Some(start + pair.len()..start + pair.len());
        }
    }
    None
}

/// `name=` holding an absolute URL. An unencoded origin with its own `&...` query is cut at
/// the first `&`, as the proxy's server reads it.
fn param_value(url: &str, q: usize, name: &str) -> Option<Unwrapped> {
    let range = param_range(url, q, name)?;
    absolute_origin(url, range)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(url: &str) -> Option<(String, String, String, bool)> {
        let u = unwrap(url, &[])?;
        Some((
            url[u.proxy].to_owned(),
            url[u.origin_range].to_owned(),
            u.origin,
            u.implied_scheme,
        ))
    }

    #[test]
    fn query_is_the_origin() {
        let url = "https://cors.zfour.workers.dev/?http://static.example.com/a.jpeg";
        let (proxy, raw, origin, implied) = parts(url).unwrap();
        assert_eq!(proxy, "https://cors.zfour.workers.dev/?");
        assert_eq!(raw, "http://static.example.com/a.jpeg");
        assert_eq!(origin, raw);
        assert!(!implied);
    }

    #[test]
    fn url_parameters() {
        let url = "https://images.weserv.nl/?url=http%3A%2F%2Fo.example%2Fa.jpg&w=300";
        let (proxy, raw, origin, _) = parts(url).unwrap();
        assert_eq!(proxy, "https://images.weserv.nl/?url=");
        assert_eq!(raw, "http%3A%2F%2Fo.example%2Fa.jpg");
        assert_eq!(origin, "http://o.example/a.jpg");
        let url = "https://p.example/img?w=3&u=https://o.example/a.png";
        assert_eq!(parts(url).unwrap().1, "https://o.example/a.png");
        let url = "https://wsrv.nl/?url=o.example/a.png";
        let (_, raw, origin, implied) = parts(url).unwrap();
        assert_eq!(
            (raw.as_str(), origin.as_str(), implied),
            ("o.example/a.png", "http://o.example/a.png", true)
        );
    }

    #[test]
    fn path_forms() {
        let url = "https://cors-anywhere.example.com/http://o.example/a.png";
        assert_eq!(parts(url).unwrap().1, "http://o.example/a.png");
        let url = "https://i2.wp.com/o.example/wp-content/a.png?resize=300";
        let (proxy, raw, origin, implied) = parts(url).unwrap();
        assert_eq!(proxy, "https://i2.wp.com/");
        assert_eq!(raw, "o.example/wp-content/a.png");
        assert_eq!(origin, "http://o.example/wp-content/a.png");
        assert!(implied);
    }

    #[test]
    fn plain_urls_are_not_proxies() {
        for url in [
            "https://example.com/a.png",
            "https://example.com/a.png?v=2",
            "https://example.com/?url=/local.png",
            "/images/a.png",
            "data:image/png;base64,AAAA",
        ] {
            assert_eq!(unwrap(url, &[]), None, "{url}");
        }
    }

    #[test]
    fn configured_patterns() {
        let p = [ProxyPattern {
            host: "img.example.net".into(),
            param: Some("src".into()),
        }];
        let url = "https://img.example.net/fetch?src=http://o.example/a.png";
        let u = unwrap(url, &p).unwrap();
        assert_eq!(u.origin, "http://o.example/a.png");
        let p = [ProxyPattern {
            host: "cdn.example.net".into(),
            param: None,
        }];
        let u = unwrap("https://cdn.example.net/o.example/a.png", &p).unwrap();
        assert_eq!(u.origin, "https://o.example/a.png");
        assert!(u.implied_scheme);
    }
}
