//! The referrer side of an image request: which hosts' hotlink protection depends on the
//! `Referer` header, and which policy the browser applies to each image of a post. Everything
//! here is offline knowledge: postlint never requests an image.

use super::url::host_matches;
use super::{ImageKind, ImageRef};
use crate::config::referrer_covers::ReferrerSettings;
use crate::referrer::{HostKind, Policy};

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
            .filter(|(domain, _)| host_matches(host, domain))
            .max_by_key(|(domain, _)| domain.len())
            .map(|(_, kind)| kind)
    };
    best(&mut overrides.iter().map(|(d, k)| (d.as_str(), *k)))
        .or_else(|| best(&mut BUILT_IN_HOSTS.iter().copied()))
}

/// Where an image's referrer policy comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicySource {
    Attribute,
    SiteDefault,
    BrowserDefault,
}

/// The policy the browser applies to this image's request: a valid `referrerpolicy` on the
/// element that makes the request, else the site's `<meta name="referrer">` (from the config),
/// else the browser's. An empty or invalid attribute falls back, as browsers do.
pub fn effective_policy(image: &ImageRef, settings: &ReferrerSettings) -> (Policy, PolicySource) {
    let attribute = image
        .requester
        .as_ref()
        .and_then(|r| r.policy.as_deref())
        .and_then(Policy::parse);
    if let Some(policy) = attribute {
        return (policy, PolicySource::Attribute);
    }
    match settings.default_policy {
        Some(policy) => (policy, PolicySource::SiteDefault),
        None => (Policy::BROWSER_DEFAULT, PolicySource::BrowserDefault),
    }
}

/// Is this image requested by the reader's browser from the post's page? Front-matter images
/// are shown by the theme, whose markup postlint does not see.
pub fn requested_by_page(image: &ImageRef) -> bool {
    !matches!(image.kind, ImageKind::FrontMatter { .. })
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
}
