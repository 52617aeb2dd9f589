//! Referrer policy tokens and the kinds of hotlink protection a host can have: the words the
//! config and the image model share. The table of known hosts is `images::referrer`.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        assert_eq!(Policy::parse("No-Referrer"), Some(Policy::NoReferrer));
        assert_eq!(Policy::parse(" no-referrer"), None);
        assert_eq!(Policy::legacy("never"), Some(Policy::NoReferrer));
    }
}
