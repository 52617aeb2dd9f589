//! Spanned HTML parsing: element and attribute spans lie in the text, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postlint::internals::document::html::{parse_fragment, FragmentKind};
use postlint::internals::document::offsets::OffsetMap;

fuzz_target!(|text: &str| {
    let fragment = parse_fragment(text, OffsetMap::contiguous(0, text.len()), FragmentKind::Document);
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    for node in fragment.html.tree.nodes() {
        if let Some(spans) = fragment.spans_of(node.id()) {
            assert!(ok(&spans.tag) && ok(&spans.name));
            for a in &spans.attrs {
                assert!(ok(&a.name_span) && ok(&a.span));
                if let Some(v) = &a.value_span {
                    assert!(ok(v));
                }
            }
        }
    }
    for e in &fragment.errors {
        assert!(e.span.end <= text.len());
    }
});
