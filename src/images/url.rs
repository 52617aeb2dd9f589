//! URL pieces every image and embed check agrees on: the scheme, the host, and whether a host
//! is a configured domain. One parser and one matcher, so that a host the proxy unwrapper, the
//! referrer table and the host lists see is the same host.

/// The scheme of an absolute URL, lower case (`http`, `data`, `c` for `C:\`...).
pub fn scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then(|| scheme.to_ascii_lowercase())
}

/// The host of an absolute or protocol-relative URL, lower case, without port or credentials.
pub fn host(url: &str) -> Option<String> {
    let rest = if let Some(r) = url.strip_prefix("//") {
        r
    } else {
        let (_, r) = url.split_once("://")?;
        r
    };
    let authority = rest.split(['/', '?', '#', '\\']).next()?;
    authority_host(authority)
}

/// The host of an authority (`user@host:port`), lower case, without a trailing dot.
pub fn authority_host(authority: &str) -> Option<String> {
    let authority = authority.rsplit('@').next()?;
    let host = if authority.starts_with('[') {
        authority.split_inclusive(']').next()?
    } else {
        authority.split(':').next()?
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// The host a browser requests for an image URL: absolute `http(s)` and protocol-relative URLs
/// only. For a proxied URL (`https://proxy/?http://origin/...`) this is the proxy, which is what
/// sees the `Referer`.
pub fn request_host(url: &str) -> Option<String> {
    let url = url.trim();
    let web = url.starts_with("//") || matches!(scheme(url).as_deref(), Some("http" | "https"));
    if !web {
        return None;
    }
    host(url)
}

/// `host` is `domain` or one of its subdomains. `*.example.com` and `.example.com` are read as
/// `example.com`.
pub fn host_matches(host: &str, domain: &str) -> bool {
    let host = host.trim_end_matches('.');
    let domain = domain
        .trim_start_matches("*.")
        .trim_start_matches('.')
        .trim_end_matches('.');
    host.eq_ignore_ascii_case(domain)
        || host.len() > domain.len()
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.'
            && host[host.len() - domain.len()..].eq_ignore_ascii_case(domain)
}

/// `host` is `pattern` exactly, or one of its subdomains when the pattern is `*.domain`: the
/// reading of lists where a bare host means that host only (`[html] allow-iframe-hosts`).
pub fn host_is(host: &str, pattern: &str) -> bool {
    if pattern.starts_with("*.") {
        host_matches(host, pattern)
    } else {
        host.trim_end_matches('.').eq_ignore_ascii_case(pattern)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://User@Ex.COM:8080/a").as_deref(),
            Some("ex.com")
        );
        assert_eq!(host("//cdn.x.org/a").as_deref(), Some("cdn.x.org"));
        assert_eq!(host("/a/b"), None);
        assert!(host_matches("a.picsum.photos", "picsum.photos"));
        assert!(host_matches("a.picsum.photos.", "*.picsum.photos"));
        assert!(!host_matches("notpicsum.photos", "picsum.photos"));
        assert!(host_is("player.example.com", "player.example.com"));
        assert!(!host_is("a.player.example.com", "player.example.com"));
        assert!(host_is("media.example.edu", "*.example.edu"));
        assert_eq!(scheme("C:\\x").as_deref(), Some("c"));
        assert_eq!(scheme("a/b:c"), None);
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
}
