//! JSON pointers (RFC 6901) name front matter nodes in the span index and in findings; every
//! writer of one must escape keys the same way or lookups silently miss.

use std::borrow::Cow;

/// `key` as one pointer segment: `~` becomes `~0`, then `/` becomes `~1`. Borrowed when the key
/// needs no escaping, which is nearly always.
pub fn escape(key: &str) -> Cow<'_, str> {
    if !key.contains(['~', '/']) {
        return Cow::Borrowed(key);
    }
    // `~` first, or the `~` of a fresh `~1` would be escaped again.
    Cow::Owned(key.replace('~', "~0").replace('/', "~1"))
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_tilde_before_slash() {
        assert_eq!(escape("title"), "title");
        assert_eq!(escape("a/b"), "a~1b");
        assert_eq!(escape("~/x~1"), "~0~1x~01");
    }
}
