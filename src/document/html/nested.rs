//! What a browser parses more than once: a fragment holding `<noscript>` is parsed again with
//! scripting on (what readers get, and what can hide a live tag inside an attribute), and the
//! document of every `<iframe srcdoc>` is parsed in turn, its spans mapped back through the
//! decoded attribute value into the file.

use std::borrow::Cow;
use std::collections::HashSet;

use super::decode::value_map;
use super::{parse_one, FragmentKind, HtmlError, HtmlErrorKind, HtmlFragment, Origin};
use crate::document::offsets::OffsetMap;

/// `srcdoc` documents nested deeper than this are not read (each level can only be shorter than
/// the one holding it, so the work stays bounded by this times the post's size).
pub const MAX_SRCDOC_DEPTH: usize = 4;

/// Parse `text` as [`super::parse_fragment_limited`] does, followed by its other readings: the
/// fragment first, then its scripting-on reading when it has a `<noscript>`, then each `srcdoc`
/// document (with its own readings) in source order.
pub fn parse_nested(
    text: &str,
    map: OffsetMap,
    kind: FragmentKind,
    max_depth: usize,
) -> Vec<HtmlFragment> {
    let mut out = Vec::new();
    parse_into(&mut out, text, map, kind, max_depth, 0);
    out
}

fn parse_into(
    out: &mut Vec<HtmlFragment>,
    text: &str,
    map: OffsetMap,
    kind: FragmentKind,
    max_depth: usize,
    depth: usize,
) {
    let (mut fragment, srcdocs) = parse_one(text, map.clone(), kind, max_depth, false);
    if depth > 0 {
        fragment.origin = Origin::Srcdoc { depth };
        // Comments inside an attribute value are no suppression comments of the post.
        fragment.comments.clear();
    }
    let scripted = has_noscript(text).then(|| {
        let (mut scripted, _) = parse_one(text, map.clone(), kind, max_depth, true);
        keep_only_new(&mut scripted, &fragment);
        scripted
    });
    if depth == MAX_SRCDOC_DEPTH {
        if let Some(first) = srcdocs.first() {
            fragment.errors.push(HtmlError {
                kind: HtmlErrorKind::TooDeep,
                span: map.range_to_file(first.raw.clone()),
                message: Cow::Owned(format!(
                    "`srcdoc` documents nested more than {MAX_SRCDOC_DEPTH} deep are not checked"
                )),
            });
        }
    }
    out.push(fragment);
    out.extend(scripted.filter(|s| s.written_count() > 0 || !s.dropped_body.is_empty()));
    if depth == MAX_SRCDOC_DEPTH {
        return;
    }
    for srcdoc in srcdocs {
        let inner = value_map(text, srcdoc.raw, &srcdoc.value).then(&map);
        parse_into(
            out,
            &srcdoc.value,
            inner,
            FragmentKind::Document,
            max_depth,
            depth + 1,
        );
    }
}

fn has_noscript(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        text.as_bytes()[i + 1..]
            .get(..8)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"noscript"))
    })
}

/// Strip from the scripting-on reading everything the scripting-off one already has: spans of
/// elements at the same start tag, errors and comments (reported once, from the first reading).
fn keep_only_new(scripted: &mut HtmlFragment, first: &HtmlFragment) {
    let known: HashSet<usize> = first.spans.values().map(|s| s.tag.start).collect();
    scripted.spans.retain(|_, s| !known.contains(&s.tag.start));
    let known_body: HashSet<usize> = first.dropped_body.iter().map(|s| s.tag.start).collect();
    scripted
        .dropped_body
        .retain(|s| !known_body.contains(&s.tag.start));
    scripted.errors.clear();
    scripted.more_errors = 0;
    scripted.comments.clear();
    scripted.origin = Origin::Scripted;
}
