//! Markdown extraction: every fragment, image and link span lies in the text on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postlint::internals::document::markdown::extract;

fuzz_target!(|text: &str| {
    let found = extract(text, 0..text.len());
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    for image in &found.images {
        assert!(ok(&image.span) && ok(&image.url_span) && ok(&image.alt_span));
    }
    for link in &found.links {
        assert!(ok(&link.span) && ok(&link.url_span));
    }
    for masked in &found.masked {
        assert!(ok(masked));
    }
});
