//! What a Markdown body holds for the HTML and image rules: its HTML (blocks, and the inline HTML
//! of each paragraph) assembled into fragments with maps back to the file, and its images and
//! links with the exact spans of their URLs.
//!
//! Code is never markup here: fenced and indented code blocks and code spans are not HTML to
//! pulldown-cmark, and code template tags (`{% highlight %}`, `{{< code >}}`, ...) are blanked
//! out before parsing.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::code_tags;
use super::html::FragmentKind;
use super::offsets::OffsetMap;

/// The Markdown dialect: CommonMark plus the GFM extensions Hexo (marked), Hugo (goldmark) and
/// Jekyll (kramdown) enable, and definition lists (goldmark and kramdown).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_DEFINITION_LIST
}

/// HTML text assembled from the body, ready to be parsed.
#[derive(Debug, Clone)]
pub struct RawFragment {
    pub kind: FragmentKind,
    pub text: String,
    pub map: OffsetMap,
}

/// How a Markdown link or image names its destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkStyle {
    /// `[text](url)`
    Inline,
    /// `[text][label]`, `[label][]` or `[label]`, with a `[label]: url` definition.
    Reference,
    /// `<https://...>` or `<someone@example.com>`.
    Autolink,
}

/// A Markdown image, `![alt](url "title")` or `![alt][label]`. Spans are byte ranges in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownImage {
    /// The whole image, `![...](...)` or `![...][...]`.
    pub span: Range<usize>,
    pub style: LinkStyle,
    /// The destination, unescaped.
    pub url: String,
    /// The destination as written (inside `<...>` when bracketed); for a reference-style image,
    /// in the definition line.
    pub url_span: Range<usize>,
    /// The alt text as plain text (emphasis and code marks removed).
    pub alt: String,
    /// Between `![` and `]`.
    pub alt_span: Range<usize>,
    /// The alt text is empty or only white space.
    pub alt_empty: bool,
    pub title: Option<String>,
    /// The `[label]: url` definition a reference-style image uses.
    pub definition: Option<Range<usize>>,
}

/// A Markdown link, `[text](url)`, `[text][label]` or `<url>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownLink {
    pub span: Range<usize>,
    pub style: LinkStyle,
    /// The destination, unescaped (`mailto:` is not added to e-mail autolinks).
    pub url: String,
    /// The destination as written; for reference-style links, in the definition line.
    pub url_span: Range<usize>,
    /// The link text, between `[` and `]` (the address itself for autolinks).
    pub text_span: Range<usize>,
    pub title: Option<String>,
    pub definition: Option<Range<usize>>,
}

/// Everything extracted from one Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    pub fragments: Vec<RawFragment>,
    pub images: Vec<MarkdownImage>,
    pub links: Vec<MarkdownLink>,
    /// Code template tag regions that were blanked out.
    pub masked: Vec<Range<usize>>,
}

/// Read the Markdown in `text[body]`. All spans are file offsets.
pub fn extract(text: &str, body: Range<usize>) -> Extracted {
    let src = &text[body.clone()];
    let masked = find_masked(src);
    let parsed = code_tags::blank(src, &masked);
    let mut walker = Walker::new(&parsed, body.start);
    walker.walk();
    let mut out = walker.out;
    out.masked = masked
        .into_iter()
        .map(|r| r.start + body.start..r.end + body.start)
        .collect();
    out
}

/// Code template tag regions, ignoring tags shown inside Markdown code (Hexo's docs write
/// `{% codeblock %}` in code fences to document it).
fn find_masked(src: &str) -> Vec<Range<usize>> {
    // Most posts have no such tag; only those pay for the extra parse that finds code.
    if code_tags::code_tag_regions(src, &[]).is_empty() {
        return Vec::new();
    }
    let mut code = Vec::new();
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => code.push(range),
            _ => {}
        }
    }
    // Code blocks nest no code, so the ranges are disjoint and already in order.
    code_tags::code_tag_regions(src, &code)
}

/// One link or image being read.
struct OpenLink<'a> {
    image: bool,
    link_type: LinkType,
    range: Range<usize>,
    dest: CowStr<'a>,
    title: CowStr<'a>,
    id: CowStr<'a>,
    /// Extent of the events inside the brackets.
    inner: Option<Range<usize>>,
    alt: String,
}

/// Text being assembled into an HTML fragment.
#[derive(Default)]
struct Assembly {
    text: String,
    map: OffsetMap,
    has_html: bool,
}

impl Assembly {
    fn push_verbatim(&mut self, src: &str, range: Range<usize>, offset: usize) {
        self.text.push_str(&src[range.clone()]);
        self.map
            .push_verbatim(range.start + offset..range.end + offset);
    }

    fn push_synthetic(&mut self, text: &str, range: Range<usize>, offset: usize) {
        self.text.push_str(text);
        self.map
            .push_synthetic(text.len(), range.start + offset..range.end + offset);
    }

    /// Inline HTML as the parser read it. A tag that runs over lines inside a blockquote has
    /// `>` markers in its source range that are not part of the tag: each of its lines is then
    /// placed where it is in the source, markers left out. Indentation alone (list items) is
    /// kept, as Hexo's and Jekyll's renderers keep it in attribute values.
    fn push_html(&mut self, src: &str, html: &str, range: Range<usize>, offset: usize) {
        let raw = &src[range.clone()];
        let non_space = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<_>>();
        if raw == html || non_space(raw) == non_space(html) {
            return self.push_verbatim(src, range, offset);
        }
        let mut at = range.start;
        for line in html.split_inclusive('\n') {
            match src[at..range.end].find(line) {
                Some(found) => {
                    let start = at + found;
                    self.push_verbatim(src, start..start + line.len(), offset);
                    at = start + line.len();
                }
                // Text the parser made up (a tab expanded to spaces): placed at what is left.
                None => {
                    self.push_synthetic(line, at..range.end, offset);
                    at = range.end;
                }
            }
        }
    }

    /// Text as the renderer writes it: escaped, so that it is never markup.
    fn push_text(&mut self, src: &str, text: &str, range: Range<usize>, offset: usize) {
        let escaped = escape(text);
        if src.get(range.clone()) == Some(&*escaped) {
            self.push_verbatim(src, range, offset);
        } else {
            self.push_synthetic(&escaped, range, offset);
        }
    }
}

fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.bytes().any(|b| b == b'<' || b == b'&') {
        return text.into();
    }
    text.replace('&', "&amp;").replace('<', "&lt;").into()
}

struct Walker<'a> {
    src: &'a str,
    /// Where `src` starts in the file.
    offset: usize,
    out: Extracted,
    /// HTML blocks read so far that the next HTML block may continue.
    block: Option<Assembly>,
    in_block: bool,
    inline: Assembly,
    links: Vec<OpenLink<'a>>,
    /// Depth of images being read: their content is alt text, not HTML.
    in_image: usize,
    /// Reference definitions by normalized label, built on first need.
    normalized_defs: Option<HashMap<String, Range<usize>>>,
}

impl<'a> Walker<'a> {
    fn new(src: &'a str, offset: usize) -> Self {
        Walker {
            src,
            offset,
            out: Extracted::default(),
            block: None,
            in_block: false,
            inline: Assembly::default(),
            links: Vec::new(),
            in_image: 0,
            normalized_defs: None,
        }
    }

    fn walk(&mut self) {
        let mut events = Parser::new_ext(self.src, options()).into_offset_iter();
        while let Some((event, range)) = events.next() {
            // The extent of what is inside a link's brackets (a nested link or image counts by
            // its start event, which covers all of it).
            if let Some(top) = self.links.last_mut() {
                if !matches!(event, Event::End(TagEnd::Image | TagEnd::Link)) {
                    let inner = top.inner.get_or_insert(range.clone());
                    inner.start = inner.start.min(range.start);
                    inner.end = inner.end.max(range.end);
                }
            }
            // Consecutive HTML blocks (only blank lines between them) are one fragment: the
            // renderer writes them out back to back, so a `<div>` opened in one is closed in
            // another, as in posts whose HTML has blank lines.
            let html_block_event = matches!(
                event,
                Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::End(TagEnd::HtmlBlock)
            );
            if !html_block_event && !self.in_block {
                self.flush_block();
            }
            match event {
                Event::Start(Tag::HtmlBlock) => {
                    self.flush_inline();
                    self.in_block = true;
                }
                Event::End(TagEnd::HtmlBlock) => self.in_block = false,
                Event::Html(_) => {
                    let block = self.block.get_or_insert_with(Assembly::default);
                    block.push_verbatim(self.src, range, self.offset);
                    block.has_html = true;
                }
                Event::InlineHtml(html) if self.in_image == 0 => {
                    self.inline.push_html(self.src, &html, range, self.offset);
                    self.inline.has_html = true;
                }
                Event::Text(text) => {
                    if let Some(top) = self.links.last_mut().filter(|l| l.image) {
                        top.alt.push_str(&text);
                    }
                    if self.in_image == 0 {
                        self.inline.push_text(self.src, &text, range, self.offset);
                    }
                }
                Event::Code(code) => {
                    if let Some(top) = self.links.last_mut().filter(|l| l.image) {
                        top.alt.push_str(&code);
                    }
                    if self.in_image == 0 {
                        let escaped = escape(&code);
                        self.inline.push_synthetic(&escaped, range, self.offset);
                    }
                }
                Event::SoftBreak | Event::HardBreak if self.in_image == 0 => {
                    self.inline.push_synthetic("\n", range, self.offset);
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    self.in_image += 1;
                    self.open_link(true, link_type, range, dest_url, title, id);
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => self.open_link(false, link_type, range, dest_url, title, id),
                Event::End(TagEnd::Image) => {
                    self.in_image = self.in_image.saturating_sub(1);
                    self.close_link(events.reference_definitions());
                }
                Event::End(TagEnd::Link) => self.close_link(events.reference_definitions()),
                Event::Start(tag) if !is_inline(&tag) => self.flush_inline(),
                Event::End(tag) if !is_inline_end(&tag) => self.flush_inline(),
                _ => {}
            }
        }
        self.flush_inline();
        self.flush_block();
    }

    fn open_link(
        &mut self,
        image: bool,
        link_type: LinkType,
        range: Range<usize>,
        dest: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
    ) {
        self.links.push(OpenLink {
            image,
            link_type,
            range,
            dest,
            title,
            id,
            inner: None,
            alt: String::new(),
        });
    }

    fn close_link(&mut self, defs: &pulldown_cmark::RefDefs<'_>) {
        let Some(link) = self.links.pop() else {
            return;
        };
        let src = self.src;
        let offset = self.offset;
        let range = link.range.clone();
        let open_len = if link.image { 2 } else { 1 };
        let inner = link
            .inner
            .clone()
            .unwrap_or(range.start + open_len..range.start + open_len);
        let style = match link.link_type {
            LinkType::Inline => LinkStyle::Inline,
            LinkType::Autolink | LinkType::Email => LinkStyle::Autolink,
            _ => LinkStyle::Reference,
        };
        let mut definition = None;
        let url_span = match style {
            LinkStyle::Autolink => {
                range.start + 1..range.end.saturating_sub(1).max(range.start + 1)
            }
            LinkStyle::Inline => inline_destination(src, &range, inner.end, &link.dest),
            LinkStyle::Reference => {
                let def = lookup_definition(defs, &mut self.normalized_defs, &link.id);
                match def {
                    Some(def) => {
                        definition = Some(def.clone());
                        definition_destination(src, &def, &link.dest)
                    }
                    None => range.clone(),
                }
            }
        };
        let shift = |r: Range<usize>| r.start + offset..r.end + offset;
        let title = (!link.title.is_empty()).then(|| link.title.to_string());
        if link.image {
            self.out.images.push(MarkdownImage {
                span: shift(range),
                style,
                url: link.dest.to_string(),
                url_span: shift(url_span),
                alt_empty: link.alt.trim().is_empty(),
                alt: link.alt,
                alt_span: shift(inner),
                title,
                definition: definition.map(shift),
            });
        } else {
            self.out.links.push(MarkdownLink {
                span: shift(range),
                style,
                url: link.dest.to_string(),
                url_span: shift(url_span),
                text_span: shift(inner),
                title,
                definition: definition.map(shift),
            });
        }
    }

    fn flush_inline(&mut self) {
        let inline = std::mem::take(&mut self.inline);
        if inline.has_html {
            self.out.fragments.push(RawFragment {
                kind: FragmentKind::Inline,
                text: inline.text,
                map: inline.map,
            });
        }
    }

    fn flush_block(&mut self) {
        if let Some(block) = self.block.take() {
            if block.has_html {
                self.out.fragments.push(RawFragment {
                    kind: FragmentKind::Block,
                    text: block.text,
                    map: block.map,
                });
            }
        }
    }
}

/// Tags that live inside a paragraph: their HTML belongs to the paragraph's fragment.
fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The span of the definition `label` refers to.
fn lookup_definition(
    defs: &pulldown_cmark::RefDefs<'_>,
    normalized: &mut Option<HashMap<String, Range<usize>>>,
    label: &str,
) -> Option<Range<usize>> {
    if let Some(def) = defs.get(label) {
        return Some(def.span.clone());
    }
    // Labels match case-insensitively with runs of white space collapsed; the table of
    // normalized labels is built once, so many such links stay linear.
    let table = normalized.get_or_insert_with(|| {
        defs.iter()
            .map(|(key, def)| (normalize_label(key), def.span.clone()))
            .collect()
    });
    table.get(&normalize_label(label)).cloned()
}

fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The destination of `[text](dest "title")`: after the `](` that follows the link text.
fn inline_destination(
    src: &str,
    range: &Range<usize>,
    text_end: usize,
    dest: &str,
) -> Range<usize> {
    let bytes = src.as_bytes();
    let mut i = text_end.max(range.start);
    while i + 1 < range.end && !(bytes[i] == b']' && bytes[i + 1] == b'(') {
        i += 1;
    }
    if i + 1 >= range.end {
        return range.clone();
    }
    scan_destination(src, i + 2, range.end)
        .filter(|r| plausible(&src[r.clone()], dest))
        .unwrap_or_else(|| search(src, range, dest))
}

/// The destination of a `[label]: dest "title"` definition.
fn definition_destination(src: &str, def: &Range<usize>, dest: &str) -> Range<usize> {
    let bytes = src.as_bytes();
    let mut i = def.start;
    // The label cannot hold unescaped brackets; its end is the first `]` that is not escaped.
    while i < def.end && bytes[i] != b'[' {
        i += 1;
    }
    i += 1;
    while i < def.end && bytes[i] != b']' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    if i + 1 >= def.end || bytes[i + 1] != b':' {
        return search(src, def, dest);
    }
    scan_destination(src, i + 2, def.end)
        .filter(|r| plausible(&src[r.clone()], dest))
        .unwrap_or_else(|| search(src, def, dest))
}

/// Read a link destination starting at `from` (white space, one line break and the `>` of a
/// blockquote before it are skipped): `<...>` gives what is inside the brackets, otherwise the
/// run up to white space or an unbalanced `)`.
fn scan_destination(src: &str, from: usize, limit: usize) -> Option<Range<usize>> {
    let bytes = &src.as_bytes()[..limit.min(src.len())];
    let mut i = from;
    let mut after_break = false;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' => {}
            b'\r' | b'\n' => after_break = true,
            b'>' if after_break => {}
            _ => break,
        }
        i += 1;
    }
    if i >= bytes.len() {
        return Some(i..i);
    }
    if bytes[i] == b'<' {
        let start = i + 1;
        let mut j = start;
        while j < bytes.len() && bytes[j] != b'>' && bytes[j] != b'\n' {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        return (j < bytes.len() && bytes[j] == b'>').then_some(start..j);
    }
    let start = i;
    let mut depth = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => {
                i += 2;
                continue;
            }
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            c if c.is_ascii_whitespace() || c.is_ascii_control() => break,
            _ => {}
        }
        i += 1;
    }
    Some(start..i.min(bytes.len()))
}

/// Could `raw` be written for `dest`? Escapes and entities make them differ, so only an
/// obviously wrong scan is rejected.
fn plausible(raw: &str, dest: &str) -> bool {
    raw == dest
        || raw.contains(['\\', '&', '%'])
        || raw.chars().next().is_some_and(|c| dest.starts_with(c))
}

/// Fall back to the first literal occurrence of the destination, or the whole range.
fn search(src: &str, range: &Range<usize>, dest: &str) -> Range<usize> {
    if !dest.is_empty() {
        if let Some(at) = src[range.clone()].rfind(dest) {
            let start = range.start + at;
            return start..start + dest.len();
        }
    }
    range.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Extracted {
        extract(text, 0..text.len())
    }

    /// Each fragment's assembled text.
    fn texts(e: &Extracted) -> Vec<&str> {
        e.fragments.iter().map(|f| f.text.as_str()).collect()
    }

    #[test]
    fn html_blocks_in_blockquotes_and_lists_are_joined_without_markers() {
        let text =
            "> <div onclick=\"x\">\n>   <p>hi</p>\n> </div>\n\n- <ul>\n  <li>a</li>\n  </ul>\n";
        let e = md(text);
        assert_eq!(
            texts(&e),
            [
                "<div onclick=\"x\">\n  <p>hi</p>\n</div>\n",
                "<ul>\n<li>a</li>\n</ul>\n"
            ]
        );
        let first = &e.fragments[0];
        // `onclick` maps back past the `> ` of its line; `</div>` past the one of the third.
        let local = first.text.find("onclick").unwrap();
        assert_eq!(
            first.map.start_to_file(local),
            text.find("onclick").unwrap()
        );
        let local = first.text.find("</div>").unwrap();
        assert_eq!(first.map.start_to_file(local), text.find("</div>").unwrap());
    }

    #[test]
    fn inline_html_of_a_paragraph_is_one_fragment_with_its_text() {
        let text = "A <span title=\"t\">b & `<i>` c</span> d\n\n# H <b>x</b>\n";
        let e = md(text);
        assert_eq!(
            texts(&e),
            [
                "A <span title=\"t\">b &amp; &lt;i> c</span> d",
                "H <b>x</b>"
            ]
        );
        assert!(e.fragments.iter().all(|f| f.kind == FragmentKind::Inline));
        let f = &e.fragments[0];
        let local = f.text.find("</span>").unwrap();
        assert_eq!(f.map.start_to_file(local), text.find("</span>").unwrap());
    }

    #[test]
    fn inline_html_over_lines_in_a_blockquote_leaves_the_markers_out() {
        let text = "> see <img src=\"a.png\"\n> onerror=\"x()\"> here\n>> <b\n>> id=y>z</b>\n";
        let e = md(text);
        assert_eq!(
            texts(&e),
            [
                "see <img src=\"a.png\"\nonerror=\"x()\"> here",
                "<b\nid=y>z</b>"
            ]
        );
        let f = &e.fragments[0];
        let local = f.text.find("onerror").unwrap();
        assert_eq!(f.map.start_to_file(local), text.find("onerror").unwrap());
        let f = &e.fragments[1];
        let local = f.text.find("id=y").unwrap();
        assert_eq!(f.map.start_to_file(local), text.find("id=y").unwrap());
    }

    #[test]
    fn paragraphs_without_html_make_no_fragment() {
        assert!(md("just *text* and `<code>`\n\n    <b>indented</b>\n")
            .fragments
            .is_empty());
    }

    #[test]
    fn code_is_never_markup() {
        let text = "```html\n<script>a()</script>\n```\n\n    <iframe>\n\n`<b>` and ``<i>``\n\n> ```\n> <script>b()</script>\n> ```\n\n~~~\n<img src=x>\n~~~\n";
        assert!(md(text).fragments.is_empty());
    }

    #[test]
    fn code_template_tags_are_masked() {
        let text = "{% codeblock lang:html %}\n<script>a()</script>\n{% endcodeblock %}\n\n\
                    {% raw %}<iframe src=x>{% endraw %}\n\n\
                    {{< highlight html >}}\n<div onclick=\"y\">\n{{< /highlight >}}\n\n\
                    {% highlight ruby %}\n<b>\n{% endhighlight %}\n\n<p class=real>ok</p>\n";
        let e = md(text);
        assert_eq!(texts(&e), ["<p class=real>ok</p>\n"]);
        assert_eq!(e.masked.len(), 4);
        assert!(e.masked.iter().all(|r| text[r.clone()].starts_with('{')));
    }

    #[test]
    fn template_tags_shown_in_code_do_not_mask() {
        let text = "```\n{% codeblock %}\n```\n\n<p id=after>x</p>\n\n`{% raw %}` <b>y</b>\n";
        let e = md(text);
        assert!(e.masked.is_empty());
        assert_eq!(texts(&e), ["<p id=after>x</p>\n", "{% raw %} <b>y</b>"]);
    }

    #[test]
    fn html_blocks_separated_by_blank_lines_are_one_fragment() {
        let text = "<div>\n<img src=a>\n\n<img src=b>\n\n\n</div>\n\ntext\n\n<p>x</p>\n";
        let e = md(text);
        assert_eq!(
            texts(&e),
            ["<div>\n<img src=a>\n<img src=b>\n</div>\n", "<p>x</p>\n"]
        );
    }

    fn image<'a>(
        e: &'a Extracted,
        text: &str,
        n: usize,
    ) -> (&'a MarkdownImage, String, String, String) {
        let i = &e.images[n];
        (
            i,
            text[i.span.clone()].to_owned(),
            text[i.url_span.clone()].to_owned(),
            text[i.alt_span.clone()].to_owned(),
        )
    }

    #[test]
    fn inline_images() {
        let text = "中文 ![alt *x*](<a b.png> \"T\") ![](u\\(1\\).png) ![ ](p(q).png 'x')\n";
        let e = md(text);
        let (i, span, url, alt) = image(&e, text, 0);
        assert_eq!(span, "![alt *x*](<a b.png> \"T\")");
        assert_eq!((i.url.as_str(), url.as_str()), ("a b.png", "a b.png"));
        assert_eq!((i.alt.as_str(), alt.as_str()), ("alt x", "alt *x*"));
        assert_eq!(i.title.as_deref(), Some("T"));
        assert!(!i.alt_empty && i.style == LinkStyle::Inline);
        let (i, _, url, alt) = image(&e, text, 1);
        assert_eq!((i.url.as_str(), url.as_str()), ("u(1).png", "u\\(1\\).png"));
        assert!(i.alt_empty && alt.is_empty());
        assert_eq!(i.alt_span.start, text.find("![](").unwrap() + 2);
        let (i, _, url, _) = image(&e, text, 2);
        assert_eq!(url, "p(q).png");
        assert!(i.alt_empty);
    }

    #[test]
    fn reference_images_point_at_their_definition() {
        let text = "![Alt][Logo] and ![logo][] and ![logo]\n\n> [logo]:\n>   <https://x.test/l.png> \"t\"\n";
        let e = md(text);
        assert_eq!(e.images.len(), 3);
        for n in 0..3 {
            let (i, _, url, _) = image(&e, text, n);
            assert_eq!(i.style, LinkStyle::Reference);
            assert_eq!(i.url, "https://x.test/l.png");
            assert_eq!(url, "https://x.test/l.png");
            assert_eq!(i.url_span.start, text.find("https").unwrap());
            let def = i.definition.clone().unwrap();
            assert!(text[def].starts_with("[logo]:"));
        }
        assert_eq!(image(&e, text, 0).3, "Alt");
    }

    #[test]
    fn reference_labels_match_ignoring_case_and_spacing() {
        let text = "![a][Some   Ref] [b][some\n ref]\n\n[SOME REF]: /x.png\n";
        let e = md(text);
        assert_eq!(&text[e.images[0].url_span.clone()], "/x.png");
        assert_eq!(&text[e.links[0].url_span.clone()], "/x.png");
    }

    #[test]
    fn many_reference_links_stay_linear() {
        let n = 20_000;
        let mut text = String::new();
        for i in 0..n {
            text.push_str(&format!("[x][L  {i}] "));
        }
        text.push_str("\n\n");
        for i in 0..n {
            text.push_str(&format!("[l {i}]: /{i}\n"));
        }
        let e = md(&text);
        assert_eq!(e.links.len(), n);
        assert_eq!(
            &text[e.links[n - 1].url_span.clone()],
            format!("/{}", n - 1)
        );
    }

    #[test]
    fn links_and_autolinks() {
        let text = "[a](javascript:alert(1)) [b][r] <https://x.test/?q=1> <me@x.test> [c](<u v> 't')\n\n[r]: javascript:void(0)\n";
        let e = md(text);
        let urls: Vec<_> = e
            .links
            .iter()
            .map(|l| {
                (
                    l.url.as_str(),
                    &text[l.url_span.clone()],
                    &text[l.text_span.clone()],
                    l.style,
                )
            })
            .collect();
        assert_eq!(
            urls,
            [
                (
                    "javascript:alert(1)",
                    "javascript:alert(1)",
                    "a",
                    LinkStyle::Inline
                ),
                (
                    "javascript:void(0)",
                    "javascript:void(0)",
                    "b",
                    LinkStyle::Reference
                ),
                (
                    "https://x.test/?q=1",
                    "https://x.test/?q=1",
                    "https://x.test/?q=1",
                    LinkStyle::Autolink
                ),
                ("me@x.test", "me@x.test", "me@x.test", LinkStyle::Autolink),
                ("u v", "u v", "c", LinkStyle::Inline),
            ]
        );
    }

    #[test]
    fn html_inside_image_alt_is_not_markup() {
        let e = md("![<b>x</b>](y.png)\n");
        assert!(e.fragments.is_empty());
        assert_eq!(e.images[0].alt, "x");
    }

    #[test]
    fn table_cells_and_tight_list_items_have_their_own_fragments() {
        let text = "| a | <i>b</i> |\n|---|---|\n| <u>1</u> | 2 |\n\n- <s>x</s>\n- y\n";
        assert_eq!(texts(&md(text)), ["<i>b</i>", "<u>1</u>", "<s>x</s>"]);
    }

    #[test]
    fn crlf_lines() {
        let text = "<div\r\n  class=\"a\">\r\nx\r\n</div>\r\n\r\n![i](p.png)\r\n";
        let e = md(text);
        assert_eq!(texts(&e), ["<div\n  class=\"a\">\nx\n</div>\n"]);
        let f = &e.fragments[0];
        let local = f.text.find("class").unwrap();
        assert_eq!(f.map.start_to_file(local), text.find("class").unwrap());
        assert_eq!(&text[e.images[0].url_span.clone()], "p.png");
    }
}
