//! Front-matter splitting: ranges ordered, inside the text, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postlint::internals::document::split::split;

fuzz_target!(|text: &str| {
    let s = split(text);
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    assert!(ok(&s.body));
    if let Some(fm) = &s.front_matter {
        assert!(ok(&fm.open) && ok(&fm.content));
        assert!(fm.open.end <= fm.content.start);
        if let Some(close) = &fm.close {
            assert!(ok(close) && fm.content.end <= close.start && close.end <= s.body.start);
        }
    }
});
