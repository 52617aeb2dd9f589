//! The rule registry: every rule, once, in code order within its group. Each line names the
//! rule's module; its docs path, group and check follow from that line.

use super::{dates, front_matter, html, images, schema, suppressions, templates, Rule};

/// What a rule checks; each group is one folder of `src/rules/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// FM0xx: the front matter block itself.
    FrontMatter,
    /// FM1xx: front matter against its JSON Schema.
    Schema,
    /// FM2xx: front-matter dates.
    Dates,
    /// IMGxxx: images, their URLs, referrer policy, alt text and covers.
    Images,
    /// HTxxx: HTML in post bodies.
    Html,
    /// TPLxxx: template tags the generator evaluates.
    Templates,
    /// PLxxx: postlint's own suppression comments.
    Suppressions,
}

impl Group {
    /// The folder of `src/rules/` holding the group's rules.
    pub fn folder(self) -> &'static str {
        match self {
            Group::FrontMatter => "front_matter",
            Group::Schema => "schema",
            Group::Dates => "dates",
            Group::Images => "images",
            Group::Html => "html",
            Group::Templates => "templates",
            Group::Suppressions => "suppressions",
        }
    }
}

macro_rules! registry {
    ($($group:ident in $folder:ident { $($rule:ident),* $(,)? })*) => {
        /// Every rule, in code order within each group.
        pub static RULES: &[Rule] = &[$($(
            Rule {
                code: $folder::$rule::META.code,
                name: $folder::$rule::META.name,
                summary: $folder::$rule::META.summary,
                group: Group::$group,
                docs: include_str!(concat!(stringify!($folder), "/", stringify!($rule), ".md")),
                doc_path: concat!(stringify!($folder), "/", stringify!($rule), ".md"),
                severity: $folder::$rule::META.severity,
                enabled: $folder::$rule::META.enabled,
                fix: $folder::$rule::META.fix,
                check: $folder::$rule::CHECK,
            },
        )*)*];
    };
}

registry! {
    FrontMatter in front_matter {
        front_matter_missing,
        front_matter_not_at_start,
        front_matter_unclosed,
        front_matter_syntax_error,
        duplicate_key,
        front_matter_not_mapping,
    }
    Schema in schema {
        missing_required_key,
        unknown_key,
        wrong_type,
        value_not_allowed,
        pattern_mismatch,
        invalid_format,
        value_out_of_range,
        schema_mismatch,
    }
    Dates in dates {
        invalid_date,
        non_portable_date,
    }
    Images in images {
        image_src_missing,
        image_url_invalid,
        insecure_image_url,
        protocol_relative_image_url,
        local_file_image_url,
        data_image_url,
        image_host_denied,
        placeholder_image,
        image_file_missing,
        image_proxy_used,
        invalid_referrer_policy,
        referrer_blocked_host,
        referrer_required_host,
        img_missing_alt,
        img_alt_valueless,
        markdown_image_empty_alt,
        cover_empty,
        covers_disagree,
        cover_not_in_body,
    }
    Html in html {
        script_element,
        iframe_host_not_allowed,
        plugin_element,
        style_element,
        inline_event_handler,
        dangerous_url,
        form_element,
        document_element,
        obsolete_element,
        style_attribute,
        unclosed_raw_text,
        html_parse_error,
        css_script,
        denied_by_config,
    }
    Templates in templates {
        hexo_template_in_code,
        hexo_template_output,
        hexo_unknown_tag,
        hexo_unbalanced_tag,
    }
    Suppressions in suppressions {
        invalid_suppression,
        unused_suppression,
    }
}

/// Find a rule by code (any case) or name.
pub fn lookup(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code's prefix and number, e.g. ("IMG", 21).
    fn split_code(code: &str) -> (&str, u32) {
        let digits = code.find(|c: char| c.is_ascii_digit()).expect("a number");
        (&code[..digits], code[digits..].parse().expect("digits"))
    }

    #[test]
    fn codes_are_unique_and_ordered_within_groups() {
        let mut seen = std::collections::HashSet::new();
        for pair in RULES.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                a.group <= b.group,
                "{a:?} before {b:?}: groups out of order"
            );
            if a.group == b.group {
                assert!(
                    split_code(a.code) < split_code(b.code),
                    "{a:?} before {b:?}: codes out of order"
                );
            }
        }
        for rule in RULES {
            assert!(seen.insert(rule.code), "code {} twice", rule.code);
            let prefix = split_code(rule.code).0;
            let expected = match rule.group {
                Group::FrontMatter | Group::Schema | Group::Dates => "FM",
                Group::Images => "IMG",
                Group::Html => "HT",
                Group::Templates => "TPL",
                Group::Suppressions => "PL",
            };
            assert_eq!(prefix, expected, "{rule:?} in {:?}", rule.group);
        }
    }

    #[test]
    fn names_are_unique_kebab_case_and_name_the_file() {
        let mut seen = std::collections::HashSet::new();
        for rule in RULES {
            assert!(seen.insert(rule.name), "name {} twice", rule.name);
            let kebab = !rule.name.is_empty()
                && !rule.name.starts_with('-')
                && !rule.name.ends_with('-')
                && !rule.name.contains("--")
                && rule
                    .name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(kebab, "{rule:?}: name is not kebab-case");
            let file = format!("{}/{}.md", rule.group.folder(), rule.name.replace('-', "_"));
            assert_eq!(
                rule.doc_path, file,
                "{rule:?}: file name and rule name differ"
            );
        }
    }

    #[test]
    fn docs_have_the_fixed_headings() {
        for rule in RULES {
            assert!(
                rule.docs
                    .starts_with(&format!("# {} {}\n", rule.code, rule.name)),
                "{rule:?}: docs must start with `# {} {}`",
                rule.code,
                rule.name
            );
            let mut at = 0;
            for heading in super::super::DOC_HEADINGS {
                match rule.docs[at..].find(&format!("\n{heading}\n")) {
                    Some(i) => at += i + 1,
                    None => panic!("{rule:?}: docs lack `{heading}` (or it is out of order)"),
                }
            }
            let fix_section = rule
                .docs
                .find(&format!("\n{}\n", super::super::FIX_HEADING));
            assert_eq!(
                fix_section.is_some(),
                rule.fix.is_some(),
                "{rule:?}: a rule has a `{}` section exactly when it declares a fix",
                super::super::FIX_HEADING
            );
            if let Some(at) = fix_section {
                let instead = rule.docs.find("\n## What to write instead\n").unwrap_or(0);
                let options = rule.docs.find("\n## Options\n").unwrap_or(usize::MAX);
                assert!(
                    instead < at && at < options,
                    "{rule:?}: `{}` goes between \"What to write instead\" and \"Options\"",
                    super::super::FIX_HEADING
                );
            }
        }
    }
}
