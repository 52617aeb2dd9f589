//! Referrer policy tokens and the built-in table of hosts whose hotlink protection depends on the
//! `Referer` header. Everything here is offline knowledge: postlint never requests an image.

use std::fmt;

/// A referrer policy token (<https://w3c.github.io/webappsec-referrer-policy/#referrer-policies>).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    NoReferrer,
    NoReferrerWhenDowngrade,
    SameOrigin,
    Origin,
    StrictOrigin,
    OriginWhenCrossOrigin,
    StrictOriginWhenCrossOrigin,
    UnsafeUrl,
}

impl Policy {
    /// What browsers use when neither the element nor the page sets a policy.
    pub const BROWSER_DEFAULT: Policy = Policy::StrictOriginWhenCrossOrigin;

    pub const ALL: [Policy; 8] = [
        Policy::NoReferrer,
        Policy::NoReferrerWhenDowngrade,
        Policy::SameOrigin,
        Policy::Origin,
        Policy::StrictOrigin,
        Policy::OriginWhenCrossOrigin,
        Policy::StrictOriginWhenCrossOrigin,
        Policy::UnsafeUrl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Policy::NoReferrer => "no-referrer",
            Policy::NoReferrerWhenDowngrade => "no-referrer-when-downgrade",
            Policy::SameOrigin => "same-origin",
            Policy::Origin => "origin",
            Policy::StrictOrigin => "strict-origin",
            Policy::OriginWhenCrossOrigin => "origin-when-cross-origin",
            Policy::StrictOriginWhenCrossOrigin => "strict-origin-when-cross-origin",
            Policy::UnsafeUrl => "unsafe-url",
        }
    }

    /// A token as the `referrerpolicy` attribute reads it (ASCII case-insensitive, no trimming).
    pub fn parse(token: &str) -> Option<Policy> {
        Policy::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(token))
    }

    /// The legacy keywords `<meta name="referrer">` still accepts (HTML's "shared declarative
    /// refresh steps": never, default, always, origin-when-crossorigin); the attribute does not.
    pub fn legacy(token: &str) -> Option<Policy> {
        match token.to_ascii_lowercase().as_str() {
            "never" => Some(Policy::NoReferrer),
            "default" => Some(Policy::BROWSER_DEFAULT),
            "always" => Some(Policy::UnsafeUrl),
            "origin-when-crossorigin" => Some(Policy::OriginWhenCrossOrigin),
            _ => None,
        }
    }

    /// Does a request to another site carry a `Referer`? Only `no-referrer` and `same-origin`
    /// never send one cross-origin. The `strict-*` policies and `no-referrer-when-downgrade` drop
    /// it only from an HTTPS page to an HTTP image, which browsers now upgrade or block as mixed
    /// content, so they count as sending one.
    pub fn sends_cross_origin(self) -> bool {
        !matches!(self, Policy::NoReferrer | Policy::SameOrigin)
    }
}

impl fmt::Display for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a host's hotlink protection treats the `Referer` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    /// Refuses a foreign `Referer` but serves requests without one: needs `no-referrer`.
    RefusesForeign,
    /// Refuses requests without a `Referer` (any site's is accepted): `no-referrer` breaks it.
    RequiresReferer,
    /// No known rule: neither check applies (overrides a built-in entry).
    Any,
}

impl HostKind {
    pub fn parse(text: &str) -> Option<HostKind> {
        match text {
            "refuses-foreign" => Some(HostKind::RefusesForeign),
            "requires-referer" => Some(HostKind::RequiresReferer),
            "any" => Some(HostKind::Any),
            _ => None,
        }
    }
}

/// The built-in table. An entry matches the host itself and every subdomain. Each entry names
/// where the behaviour is documented; `[referrer.hosts]` in `postlint.toml` overrides any of them.
pub const BUILT_IN_HOSTS: &[(&str, HostKind)] = &[
    // Weibo's image CDN (wx1.sinaimg.cn, tvax1.sinaimg.cn, ...): 403 for a foreign Referer, image
    // for none. DIYgod/RSSHub#10874 (maintainer: "only requires the referer to be Weibo's or
    // absent"), miniflux/v2#2261, l0ng-ai/papr#16 (curl-tested), and many blog posts from the
    // April 2019 change (e.g. blog.gobyte.cn/post/cfce32d8.html). RSSHub#11716 (2023) reports
    // empty Referers refused too; papr#16 (later) found them served again.
    ("sinaimg.cn", HostKind::RefusesForeign),
    // WeChat Official Accounts images: a foreign Referer gets the "此图片来自微信公众平台，未经允许
    // 不可引用" placeholder; no Referer gets the image (an.admirable.pro/wechat-platform-referer,
    // ningto.com "解决微信公众号文章中的图片不能显示的问题").
    ("mmbiz.qpic.cn", HostKind::RefusesForeign),
    // Douban (img1.doubanio.com ... img9): 403 for a foreign Referer, empty Referer served
    // (ifttl.com/douban-img-anti-hotlink, jibing57.com/2018/04/24/douban-image-403).
    ("doubanio.com", HostKind::RefusesForeign),
    // sspai (少数派): 403 without a Referer, any site's Referer accepted (l0ng-ai/papr#21 with a
    // curl table, ginqi7/image-slicing#6, Rongronggg9/rsstt-img-relay#7).
    ("cdnfile.sspai.com", HostKind::RequiresReferer),
];

/// The kind of `host` (lower case, no port): the most specific entry of `overrides` (from the
/// config) or else of the built-in table; `None` when no entry matches.
pub fn host_kind(host: &str, overrides: &[(String, HostKind)]) -> Option<HostKind> {
    let host = host.trim_end_matches('.');
    let best = |entries: &mut dyn Iterator<Item = (&str, HostKind)>| {
        entries
            .filter(|(domain, _)| matches_domain(host, domain))
            .max_by_key(|(domain, _)| domain.len())
            .map(|(_, kind)| kind)
    };
    best(&mut overrides.iter().map(|(d, k)| (d.as_str(), *k)))
        .or_else(|| best(&mut BUILT_IN_HOSTS.iter().copied()))
}

fn matches_domain(host: &str, domain: &str) -> bool {
    let domain = domain.trim_start_matches("*.").trim_start_matches('.');
    host.eq_ignore_ascii_case(domain)
        || (host.len() > domain.len()
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.'
            && host[host.len() - domain.len()..].eq_ignore_ascii_case(domain))
}

/// The host a browser requests for an image URL: absolute `http(s)` and protocol-relative URLs
/// only. For a proxied URL (`https://proxy/?http://origin/...`) this is the proxy, which is what
/// sees the `Referer`.
pub fn request_host(url: &str) -> Option<String> {
    let url = url.trim();
    let parsed = if url.starts_with("//") {
        url::Url::parse(&format!("https:{url}")).ok()?
    } else {
        url::Url::parse(url).ok()?
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    parsed.host_str().map(|h| h.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_match_subdomains_and_overrides_win() {
        assert_eq!(
            host_kind("wx1.sinaimg.cn", &[]),
            Some(HostKind::RefusesForeign)
        );
        assert_eq!(host_kind("sinaimg.cn", &[]), Some(HostKind::RefusesForeign));
        assert_eq!(host_kind("notsinaimg.cn", &[]), None);
        assert_eq!(
            host_kind("img3.doubanio.com", &[]),
            Some(HostKind::RefusesForeign)
        );
        let over = vec![("tvax1.sinaimg.cn".to_owned(), HostKind::Any)];
        assert_eq!(host_kind("tvax1.sinaimg.cn", &over), Some(HostKind::Any));
        assert_eq!(
            host_kind("wx2.sinaimg.cn", &over),
            Some(HostKind::RefusesForeign)
        );
    }

    #[test]
    fn request_host_is_the_proxy() {
        assert_eq!(
            request_host("https://cors.example.dev/?http://wx1.sinaimg.cn/a.jpg").as_deref(),
            Some("cors.example.dev")
        );
        assert_eq!(
            request_host("//MMBIZ.qpic.cn/x").as_deref(),
            Some("mmbiz.qpic.cn")
        );
        assert_eq!(request_host("/images/a.png"), None);
        assert_eq!(request_host("data:image/png;base64,AA"), None);
    }

    #[test]
    fn tokens() {
        assert_eq!(Policy::parse("No-Referrer"), Some(Policy::NoReferrer));
        assert_eq!(Policy::parse(" no-referrer"), None);
        assert_eq!(Policy::legacy("never"), Some(Policy::NoReferrer));
    }
}
