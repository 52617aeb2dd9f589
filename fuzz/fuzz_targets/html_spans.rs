//! Spanned HTML parsing with every reading (scripting on for `<noscript>`, `srcdoc` documents
//! to the nesting limit): element and attribute spans lie in the text, on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postlint::internals::document::html::{parse_nested, FragmentKind, DEFAULT_MAX_DEPTH};
use postlint::internals::document::offsets::OffsetMap;

fuzz_target!(|text: &str| {
    let fragments = parse_nested(text, OffsetMap::contiguous(0, text.len()), FragmentKind::Document, DEFAULT_MAX_DEPTH);
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end && r.end <= text.len() && text.is_char_boundary(r.start) && text.is_char_boundary(r.end)
    };
    for fragment in &fragments {
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
            assert!(ok(&e.span));
        }
    }
});
