//! The elements open at the tree builder's insertion point, as far as the sink can tell.

use ego_tree::NodeId;
use html5ever::LocalName;

use super::fast_hash::FastMap;

/// An approximation of the tree builder's stack of open elements (which it keeps private), kept
/// to pair end tags with the elements they close. It is exact for well-nested markup; for
/// misnested markup an end tag pairs with the nearest open element of its name.
#[derive(Default)]
pub(super) struct OpenElements {
    pub(super) stack: Vec<(NodeId, LocalName)>,
    pub(super) position: FastMap<NodeId, usize>,
    /// Stack positions by lower-cased name, so pairing an end tag never scans the stack.
    pub(super) by_name: FastMap<LocalName, Vec<usize>>,
    /// Depth in the DOM of the elements inserted so far.
    pub(super) depth: FastMap<NodeId, u32>,
}

impl OpenElements {
    pub(super) fn push(&mut self, id: NodeId, name: &LocalName) {
        let key = lower_name(name);
        self.position.insert(id, self.stack.len());
        self.by_name
            .entry(key.clone())
            .or_default()
            .push(self.stack.len());
        self.stack.push((id, key));
    }

    pub(super) fn truncate(&mut self, len: usize) {
        while self.stack.len() > len {
            let Some((id, key)) = self.stack.pop() else {
                break;
            };
            self.position.remove(&id);
            if let Some(positions) = self.by_name.get_mut(&key) {
                positions.pop();
            }
        }
    }

    /// Close everything opened after `id`, if `id` is open.
    pub(super) fn truncate_above(&mut self, id: NodeId) {
        if let Some(&at) = self.position.get(&id) {
            self.truncate(at + 1);
        }
    }

    /// Close the nearest open element named `name` and everything opened after it.
    pub(super) fn close_named(&mut self, name: &LocalName) -> Option<NodeId> {
        let at = *self.by_name.get(name)?.last()?;
        let id = self.stack[at].0;
        self.truncate(at);
        Some(id)
    }

    pub(super) fn len(&self) -> usize {
        self.stack.len()
    }
}

pub(super) fn lower_name(name: &LocalName) -> LocalName {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        LocalName::from(name.to_ascii_lowercase())
    } else {
        name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{elements, only, parse};

    #[test]
    fn end_tags_pair_with_their_elements() {
        let text = "<div><div><span>a</span></div><p>b<p>c</div><br>";
        let f = parse(text);
        let divs = elements(&f, "div");
        assert_eq!(divs[0].1.unwrap().end_tag, Some(38..44));
        assert_eq!(divs[1].1.unwrap().end_tag, Some(24..30));
        let (_, span) = only(&f, "span");
        assert_eq!(span.end_tag, Some(17..24));
        // A `<p>` closed by the next `<p>` and a void element have no end tag.
        assert!(elements(&f, "p")
            .iter()
            .all(|(_, s)| s.unwrap().end_tag.is_none()));
        assert!(only(&f, "br").1.end_tag.is_none());
        let (_, outer) = (divs[0].0, divs[0].1.unwrap());
        assert_eq!(outer.outer(), 0..44);
        assert_eq!(outer.inner(), Some(5..38));
    }
}
