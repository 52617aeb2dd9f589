//! Interning element and attribute names, within a budget.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use html5ever::LocalName;

use super::{Found, HtmlErrorKind};

/// Distinct element and attribute names outside html5ever's static set interned per fragment.
/// Names are interned in string_cache's global set, whose lookups slow down as it fills: 400,000
/// distinct attribute names took 4 s, 1,000,000 most of a minute. Past the budget, attributes
/// stay out of the tree (their spans are still recorded, so the rules that read spans see them)
/// and elements get [`OVERFLOW_NAME`].
const MAX_DYNAMIC_NAMES: usize = 10_000;

/// The name of elements whose own name was past [`MAX_DYNAMIC_NAMES`].
pub const OVERFLOW_NAME: &str = "postlint-overflow-name";

/// `name` as an atom, or `None` past the budget of distinct dynamic names (reported once, at
/// `span`).
pub(super) fn intern(
    names: &mut HashSet<Box<str>>,
    found: &mut Found,
    name: &str,
    span: &Range<usize>,
) -> Option<LocalName> {
    // Names of up to 7 bytes are packed into the atom itself, never into the global set.
    if name.len() <= 7 {
        return Some(LocalName::from(name));
    }
    if let Some(atom) = LocalName::try_static(name) {
        return Some(atom);
    }
    if !names.contains(name) {
        if names.len() >= MAX_DYNAMIC_NAMES {
            if names.len() == MAX_DYNAMIC_NAMES {
                // One more entry marks the budget as reported.
                names.insert(Box::from(""));
                found.error(
                    HtmlErrorKind::TooManyNames,
                    span.clone(),
                    Cow::Owned(format!(
                        "more than {MAX_DYNAMIC_NAMES} different element and attribute names; from here on new names are not read into the HTML tree, so `[[html.deny]]` selectors do not see them"
                    )),
                );
            }
            return None;
        }
        names.insert(Box::from(name));
    }
    Some(LocalName::from(name))
}
