//! The CSS scan behind HT013: no panic, no hang, every construct's span inside the CSS on char
//! boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postlint::internals::css_scan::scan;

fuzz_target!(|css: &str| {
    for found in scan(css) {
        let r = &found.span;
        assert!(r.start <= r.end && r.end <= css.len(), "{r:?}");
        assert!(css.is_char_boundary(r.start) && css.is_char_boundary(r.end), "{r:?}");
    }
});
