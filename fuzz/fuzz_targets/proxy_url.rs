//! Proxy unwrapping: the proxy and origin ranges lie in the URL, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postlint::internals::images::proxy::unwrap;

fuzz_target!(|url: &str| {
    if let Some(u) = unwrap(url, &[]) {
        for r in [&u.proxy, &u.origin_range] {
            assert!(r.start <= r.end && r.end <= url.len());
            assert!(url.is_char_boundary(r.start) && url.is_char_boundary(r.end));
        }
    }
});
