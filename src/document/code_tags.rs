//! Template tags whose content is code: Hexo's and Jekyll's `{% codeblock %}`, `{% code %}`,
//! `{% highlight %}`, `{% raw %}` (and Nunjucks' `{% verbatim %}`), Hugo's `{{< highlight >}}`,
//! `{{< code >}}` and `{{< code-toggle >}}` (also with `{{% %}}` delimiters). Whatever HTML is
//! inside them is an example, not markup of the post.

use std::ops::Range;

/// Liquid/Nunjucks block tags whose body is code.
const LIQUID_CODE_TAGS: &[&str] = &["codeblock", "code", "highlight", "raw", "verbatim"];

/// Hugo shortcodes whose inner content is code.
const HUGO_CODE_SHORTCODES: &[&str] = &["highlight", "code", "code-toggle"];

/// The regions (opening tag to closing tag, both included) of code tags in `text`. Openers that
/// start inside `code` (sorted ranges: Markdown code spans and blocks, where a tag is shown, not
/// used) are ignored; a tag that is never closed runs to the end of the text.
pub fn code_tag_regions(text: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut regions = Vec::new();
    let mut i = 0;
    while let Some(found) = find_from(bytes, i, b'{') {
        i = found + 1;
        if in_ranges(code, found) {
            continue;
        }
        let Some(opener) = parse_opener(text, found) else {
            continue;
        };
        let end = find_closer(text, opener.end, &opener).map_or(text.len(), |c| c.end);
        regions.push(found..end);
        i = end;
    }
    regions
}

/// Replace every byte inside `regions` with a space, keeping line breaks so that lines and byte
/// offsets stay where they were. Without regions the text is returned as it is.
pub fn blank<'a>(text: &'a str, regions: &[Range<usize>]) -> std::borrow::Cow<'a, str> {
    if regions.is_empty() {
        return text.into();
    }
    let mut bytes = text.as_bytes().to_vec();
    for r in regions {
        for b in &mut bytes[r.start.min(text.len())..r.end.min(text.len())] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Regions start at `{` and end after `}` or at the end of the text, all character
    // boundaries, so whole characters became spaces and the text is still UTF-8.
    String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
        .into()
}

#[derive(Debug)]
struct Opener {
    /// Byte after the opening tag.
    end: usize,
    hugo: bool,
    name: String,
}

fn parse_opener(text: &str, at: usize) -> Option<Opener> {
    let rest = &text[at..];
    if let Some(inner) = rest.strip_prefix("{%") {
        let inner = inner.strip_prefix('-').unwrap_or(inner);
        let name = tag_name(inner.trim_start());
        if !LIQUID_CODE_TAGS.contains(&name) {
            return None;
        }
        let close = rest.find("%}")?;
        return Some(Opener {
            end: at + close + 2,
            hugo: false,
            name: name.to_owned(),
        });
    }
    let (inner, close_delim) = if let Some(inner) = rest.strip_prefix("{{<") {
        (inner, ">}}")
    } else if let Some(inner) = rest.strip_prefix("{{%") {
        (inner, "%}}")
    } else {
        return None;
    };
    // `{{</* highlight */>}}` is Hugo's way of showing a shortcode without running it.
    let name = tag_name(inner.trim_start());
    if !HUGO_CODE_SHORTCODES.contains(&name) {
        return None;
    }
    let close = rest.find(close_delim)?;
    if rest[..close].trim_end().ends_with('/') {
        // Self-closing: no inner content.
        return None;
    }
    Some(Opener {
        end: at + close + close_delim.len(),
        hugo: true,
        name: name.to_owned(),
    })
}

fn tag_name(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The closing tag matching `opener`, searched from `from`.
fn find_closer(text: &str, from: usize, opener: &Opener) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(found) = find_from(bytes, i, b'{') {
        i = found + 1;
        let rest = &text[found..];
        if opener.hugo {
            let (inner, close_delim) = if let Some(inner) = rest.strip_prefix("{{<") {
                (inner, ">}}")
            } else if let Some(inner) = rest.strip_prefix("{{%") {
                (inner, "%}}")
            } else {
                continue;
            };
            let Some(inner) = inner.trim_start().strip_prefix('/') else {
                continue;
            };
            if tag_name(inner.trim_start()) == opener.name {
                let close = rest.find(close_delim)?;
                return Some(found..found + close + close_delim.len());
            }
        } else if let Some(inner) = rest.strip_prefix("{%") {
            let inner = inner.strip_prefix('-').unwrap_or(inner);
            let Some(name) = tag_name(inner.trim_start()).strip_prefix("end") else {
                continue;
            };
            if name == opener.name {
                let close = rest.find("%}")?;
                return Some(found..found + close + 2);
            }
        }
    }
    None
}

fn find_from(haystack: &[u8], from: usize, byte: u8) -> Option<usize> {
    let from = from.min(haystack.len());
    haystack[from..]
        .iter()
        .position(|&b| b == byte)
        .map(|i| from + i)
}

/// Is `at` inside one of the sorted, non-overlapping `ranges`?
pub fn in_ranges(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= at);
    ranges.get(i).is_some_and(|r| r.start <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(text: &str) -> Vec<&str> {
        code_tag_regions(text, &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn liquid_blocks() {
        let text =
            "a {% codeblock lang:html %}\n<b>\n{% endcodeblock %} b {%- raw -%}x{%- endraw -%}";
        assert_eq!(
            regions(text),
            [
                "{% codeblock lang:html %}\n<b>\n{% endcodeblock %}",
                "{%- raw -%}x{%- endraw -%}"
            ]
        );
        assert_eq!(
            regions("{% highlight ruby %}<i>{% endhighlight %}{% code %}<u>{% endcode %}"),
            [
                "{% highlight ruby %}<i>{% endhighlight %}",
                "{% code %}<u>{% endcode %}"
            ]
        );
    }

    #[test]
    fn other_tags_are_not_code() {
        assert!(regions("{% include x.html %} {% blockquote %}<b>{% endblockquote %}").is_empty());
        assert!(regions("{{< youtube id >}} {{< figure src=x >}}").is_empty());
        assert!(regions("{% codeblock_x %}").is_empty());
    }

    #[test]
    fn hugo_shortcodes() {
        let text = "{{< highlight go \"linenos=table\" >}}\n<b>\n{{< /highlight >}} {{% code %}}<i>{{% /code %}}";
        assert_eq!(
            regions(text),
            [
                "{{< highlight go \"linenos=table\" >}}\n<b>\n{{< /highlight >}}",
                "{{% code %}}<i>{{% /code %}}"
            ]
        );
        assert!(regions("{{</* highlight go */>}}<b>{{</* /highlight */>}}").is_empty());
        assert!(regions("{{< highlight go />}}<b>").is_empty());
    }

    #[test]
    fn unclosed_runs_to_the_end() {
        assert_eq!(regions("x {% raw %}<b>"), ["{% raw %}<b>"]);
    }

    #[test]
    fn openers_in_code_are_ignored() {
        let text = "`{% raw %}` <b>x</b> {% raw %}<i>{% endraw %}";
        let code = text.find("` <b>").map(|end| 0..end + 1);
        let found: Vec<_> = code_tag_regions(text, code.as_slice())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["{% raw %}<i>{% endraw %}"]);
    }

    #[test]
    fn blanking_keeps_offsets_and_lines() {
        let text = "a{% raw %}\r\n中<b>{% endraw %}z";
        let regions = code_tag_regions(text, &[]);
        let blanked = blank(text, &regions);
        assert_eq!(blanked.len(), text.len());
        assert!(blanked.starts_with('a') && blanked.ends_with('z'));
        assert_eq!(blanked.matches('\n').count(), 1);
        assert!(!blanked.contains('<'));
        assert_eq!(blanked.find("\r\n"), text.find("\r\n"));
    }

    #[test]
    fn ranges_lookup() {
        let ranges = [2..4, 8..9];
        assert!(!in_ranges(&ranges, 1));
        assert!(in_ranges(&ranges, 2));
        assert!(in_ranges(&ranges, 3));
        assert!(!in_ranges(&ranges, 4));
        assert!(in_ranges(&ranges, 8));
        assert!(!in_ranges(&ranges, 9));
    }
}
