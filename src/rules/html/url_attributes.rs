//! Which attributes hold a URL a browser loads or navigates to, per element and namespace, and how
//! a browser reads such a value before it looks at the scheme.

use html5ever::{ns, Namespace};

/// What a URL attribute does with its value: `data:` is harmless only where it is shown as media.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlUse {
    /// Navigated to, framed or run as a document (`href`, `action`, `<object data>`).
    Document,
    /// Only ever shown as an image or media (`<img src>`, `poster`, `background`).
    Media,
}

/// Elements whose `src` only ever shows media.
const MEDIA_SRC: &[&str] = &["img", "source", "image", "video", "audio", "track", "input"];

/// How `<element attr>` uses its value, when it is a URL; `None` when it is not one.
pub(crate) fn url_use(namespace: &Namespace, element: &str, attr: &str) -> Option<UrlUse> {
    use UrlUse::{Document, Media};
    if *namespace == ns!(svg) {
        // SVG links and references (`<a>`, `<use>`, `<image>`, `<script>`, animations): both
        // spellings, any element.
        return match attr {
            "href" | "xlink:href" if element.eq_ignore_ascii_case("image") => Some(Media),
            "href" | "xlink:href" => Some(Document),
            _ => None,
        };
    }
    if *namespace == ns!(mathml) {
        // MathML Core lets any element be a link.
        return matches!(attr, "href" | "xlink:href").then_some(Document);
    }
    match attr {
        "src" if MEDIA_SRC.contains(&element) => Some(Media),
        "href" | "src" | "action" | "formaction" | "xlink:href" | "codebase" | "folder"
        | "longdesc" | "manifest" | "cite" | "archive" | "classid" => Some(Document),
        "data" if element == "object" => Some(Document),
        // Legacy image attributes some browsers still load (or once ran script URLs from).
        "background" | "lowsrc" | "dynsrc" | "poster" => Some(Media),
        _ => None,
    }
}

/// Schemes that run script where the URL is used.
const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "livescript", "mocha"];

/// The scheme of `url` when it is dangerous for `use_`, read as browsers do: leading and trailing
/// control characters and spaces dropped, tabs and newlines inside ignored, any case. `url` is the
/// value as the DOM holds it, entities already decoded.
pub(crate) fn dangerous_scheme(url: &str, use_: UrlUse) -> Option<&'static str> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = cleaned.split_once(':')?.0;
    if let Some(s) = SCRIPT_SCHEMES.iter().find(|s| **s == scheme) {
        return Some(s);
    }
    (scheme == "data" && use_ == UrlUse::Document).then_some("data")
}

/// SVG animation elements, which set another attribute of their target over time.
const ANIMATIONS: &[&str] = &["set", "animate", "animatetransform", "animatemotion"];

/// Attributes of an SVG animation that give values to its target attribute.
pub(crate) const ANIMATION_VALUES: &[&str] = &["to", "from", "by", "values"];

/// What the target attribute of an SVG animation element is, when it matters: a URL attribute
/// (whose animated values are judged as URLs) or an event handler (any value is script).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AnimationTarget {
    Url,
    Handler,
}

pub(crate) fn animation_target(
    namespace: &Namespace,
    element: &str,
    attribute_name: Option<&str>,
) -> Option<AnimationTarget> {
    if *namespace != ns!(svg) || !ANIMATIONS.contains(&element.to_ascii_lowercase().as_str()) {
        return None;
    }
    let target = attribute_name?.trim().to_ascii_lowercase();
    if matches!(target.as_str(), "href" | "xlink:href") {
        Some(AnimationTarget::Url)
    } else if super::inline_event_handler::is_handler(&target) {
        Some(AnimationTarget::Handler)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_as_browsers_read_them() {
        use UrlUse::*;
        assert_eq!(
            dangerous_scheme(" JavaScript:alert(1)", Document),
            Some("javascript")
        );
        assert_eq!(
            dangerous_scheme("java\tscript:x", Document),
            Some("javascript")
        );
        assert_eq!(dangerous_scheme("\u{1}vbscript:x", Media), Some("vbscript"));
        assert_eq!(dangerous_scheme("LiveScript:x", Media), Some("livescript"));
        assert_eq!(dangerous_scheme("mocha:x", Document), Some("mocha"));
        assert_eq!(dangerous_scheme("data:text/html,x", Document), Some("data"));
        assert_eq!(dangerous_scheme("data:image/png;base64,x", Media), None);
        assert_eq!(dangerous_scheme("javascript-tips.html", Document), None);
        assert_eq!(dangerous_scheme("https://example.com", Document), None);
    }

    #[test]
    fn the_table_knows_namespaces() {
        assert_eq!(
            url_use(&ns!(html), "object", "data"),
            Some(UrlUse::Document)
        );
        assert_eq!(url_use(&ns!(html), "div", "data"), None);
        assert_eq!(url_use(&ns!(svg), "image", "href"), Some(UrlUse::Media));
        assert_eq!(
            url_use(&ns!(svg), "a", "xlink:href"),
            Some(UrlUse::Document)
        );
        assert_eq!(url_use(&ns!(svg), "a", "src"), None);
        assert_eq!(url_use(&ns!(mathml), "mi", "href"), Some(UrlUse::Document));
        assert_eq!(url_use(&ns!(html), "td", "background"), Some(UrlUse::Media));
    }
}
