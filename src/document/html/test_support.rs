//! Helpers for the parser's unit tests.

use std::ops::Range;

use scraper::ElementRef;

use super::{parse_fragment, ElementSpans, FragmentKind, HtmlFragment};
use crate::document::offsets::OffsetMap;

pub(super) fn parse(text: &str) -> HtmlFragment {
    parse_fragment(
        text,
        OffsetMap::contiguous(0, text.len()),
        FragmentKind::Document,
    )
}

/// The elements named `name`, in document order, with their spans.
pub(super) fn elements<'a>(
    f: &'a HtmlFragment,
    name: &str,
) -> Vec<(ElementRef<'a>, Option<&'a ElementSpans>)> {
    f.html
        .tree
        .root()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == name)
        .map(|e| (e, f.spans_of(e.id())))
        .collect()
}

pub(super) fn only<'a>(f: &'a HtmlFragment, name: &str) -> (ElementRef<'a>, &'a ElementSpans) {
    let found = elements(f, name);
    assert_eq!(found.len(), 1, "one <{name}> expected");
    (found[0].0, found[0].1.expect("written in the source"))
}

pub(super) fn text_of(text: &str, span: &Range<usize>) -> String {
    text[span.clone()].to_owned()
}

/// Pathological input runs on a thread with the 2 MiB stack rayon gives its workers.
pub(super) fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}
