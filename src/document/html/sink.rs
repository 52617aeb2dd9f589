//! The tree sink: scraper's, plus a log of what each token did.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{ns, Attribute, LocalName, QualName};
use scraper::{Html, HtmlTreeSink};

use super::open_elements::OpenElements;

/// Elements that never have content, so never wait for an end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// What kind of token the tree builder is processing, which decides how insertions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Processing {
    Other,
    StartTag { self_closing: bool },
    EndTag,
}

#[derive(Default)]
pub(super) struct SinkLog {
    /// Elements created while the current token was processed, in order.
    pub(super) created: Vec<NodeId>,
    /// The element that got the attributes of a start tag that created no element (`<html a>`).
    pub(super) attrs_added_to: Option<NodeId>,
    /// Tree builder errors raised by the current token.
    pub(super) errors: Vec<Cow<'static, str>>,
}

pub(super) struct SpanSink {
    pub(super) inner: HtmlTreeSink,
    pub(super) log: RefCell<SinkLog>,
    pub(super) open: RefCell<OpenElements>,
    pub(super) processing: Cell<Processing>,
}

impl SpanSink {
    pub(super) fn new() -> Self {
        SpanSink {
            inner: HtmlTreeSink::new(Html::new_fragment()),
            log: RefCell::new(SinkLog::default()),
            open: RefCell::new(OpenElements::default()),
            processing: Cell::new(Processing::Other),
        }
    }

    /// Is `node` an HTML element (as opposed to SVG or MathML), and its local name.
    pub(super) fn element_name(&self, node: NodeId) -> Option<(bool, LocalName)> {
        let html = self.inner.0.borrow();
        let name = &html.tree.get(node)?.value().as_element()?.name;
        Some((name.ns == ns!(html), name.local.clone()))
    }

    /// The tree builder inserts at the current node, so an insertion into a parent we track
    /// tells that everything opened after that parent has been closed, and a new element that
    /// can have content is now open.
    fn observe_insert(&self, parent: Option<&NodeId>, child: &NodeOrText<NodeId>) {
        let processing = self.processing.get();
        if processing == Processing::EndTag {
            // End tags insert only elements that are closed at once (`</p>` makes an empty
            // `<p>`, `</br>` a `<br>`) and the adoption agency's moves, which say nothing
            // reliable about the stack.
            return;
        }
        let mut open = self.open.borrow_mut();
        let parent_depth = parent.map_or(0, |p| {
            open.truncate_above(*p);
            open.depth.get(p).copied().unwrap_or(0)
        });
        let NodeOrText::AppendNode(child) = child else {
            return;
        };
        if open.position.contains_key(child) || !self.log.borrow().created.contains(child) {
            return;
        }
        let Some((html, name)) = self.element_name(*child) else {
            return;
        };
        let self_closing = matches!(processing, Processing::StartTag { self_closing: true });
        if (html && VOID_ELEMENTS.contains(&&*name)) || (!html && self_closing) {
            return;
        }
        let depth = parent_depth.max(open.stack.len() as u32) + 1;
        open.depth.insert(*child, depth);
        open.push(*child, &name);
    }
}

impl TreeSink for SpanSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.log.borrow_mut().errors.push(msg);
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.log.borrow_mut().created.push(id);
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.observe_insert(Some(parent), &child);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        // Foster parenting: the insertion point is not the current node, so only the new
        // element is recorded as open.
        self.observe_insert(None, &child);
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.observe_insert(None, &new_node);
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, mut attrs: Vec<Attribute>) {
        self.log.borrow_mut().attrs_added_to = Some(*target);
        // scraper inserts each attribute at its sorted place; sorted input makes every insertion
        // an append, so 100,000 attributes on `<html>` stay fast.
        attrs.sort_by(|a, b| a.name.cmp(&b.name));
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn associate_with_form(
        &self,
        target: &NodeId,
        form: &NodeId,
        nodes: (&NodeId, Option<&NodeId>),
    ) {
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &NodeId) -> bool {
        self.inner.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(
        &self,
        location: &NodeId,
        template: &NodeId,
        attrs: &[Attribute],
    ) -> bool {
        self.inner
            .attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &NodeId) {
        self.inner
            .maybe_clone_an_option_into_selectedcontent(option);
    }
}
