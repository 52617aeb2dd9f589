//! The text of the `postlint.toml` that `init` writes. Every value it sets is a real key;
//! what postlint has no key for (the site's address, its permalinks) is written as comments,
//! so the file says what was found without the strict parser rejecting it.

use std::fmt::Write as _;

use crate::generator::defaults::patterns;
use crate::generator::{Generator, Site, SiteConfig};

const HEADER_DOCS: &str = "\
# Keys: postlint's README (\"Configuration\") and docs/configuration.md.
# `postlint config` prints the settings in effect for a post, `postlint schema config` the
# JSON Schema of this file, for editors.
";

pub fn render(
    site: Option<&Site>,
    config: Option<&SiteConfig>,
    config_error: Option<&str>,
) -> String {
    let Some(site) = site else {
        return generic();
    };
    let name = site.generator.name();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# postlint.toml, written by `postlint init` for the {name} site in this folder."
    );
    let _ = writeln!(out, "# Recognised by: {}.", site.evidence.join("; "));
    out.push_str(HEADER_DOCS);
    out.push('\n');
    let _ = writeln!(
        out,
        "# Front matter is checked against the built-in {name} schema. `postlint schema {preset}`\n\
         # prints it, to copy and extend (then `schema = \"schemas/post.json\"` instead).\n\
         preset = \"{preset}\"",
        preset = site.generator.preset()
    );
    out.push('\n');
    site_address(&mut out, site.generator, config, config_error);
    excludes(&mut out, site.generator);
    out
}

/// What the generator's config says about the address, as comments, and the one thing postlint
/// takes from it: whether the site is served over https.
fn site_address(
    out: &mut String,
    generator: Generator,
    config: Option<&SiteConfig>,
    config_error: Option<&str>,
) {
    if let Some(err) = config_error {
        let _ = writeln!(
            out,
            "# The {} config could not be read, so its address is not known here:\n# {}\n",
            generator.name(),
            one_line(err)
        );
        return;
    }
    let Some(config) = config else {
        let _ = writeln!(out, "# No {} config file was found.\n", generator.name());
        return;
    };
    let file = config
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let url_key = match generator {
        Generator::Hugo => "baseURL",
        Generator::Hexo | Generator::Jekyll => "url",
    };
    let base_key = match generator {
        Generator::Hexo => "root",
        Generator::Jekyll | Generator::Hugo => "baseurl",
    };
    let mut found = Vec::new();
    if let Some(url) = &config.url {
        found.push(format!("{url_key} = {}", quoted(url)));
    }
    if let Some(base) = &config.base_path {
        found.push(format!("{base_key} = {}", quoted(base)));
    }
    for (section, pattern) in &config.permalinks {
        if section.is_empty() {
            found.push(format!("permalink = {}", quoted(pattern)));
        } else {
            found.push(format!("permalinks.{section} = {}", quoted(pattern)));
        }
    }
    if found.is_empty() {
        let _ = writeln!(out, "# {file} gives no address ({url_key}) or permalink.");
    } else {
        let _ = writeln!(out, "# From {file}:");
        for line in found {
            let _ = writeln!(out, "#   {line}");
        }
    }
    out.push_str(
        "# postlint has no key for the site's address or permalinks: it uses the address's scheme\n\
         # (below); image paths relative to a page's permalink are not checked (IMG009).\n",
    );
    match config.https() {
        Some(https) => {
            let why = if https {
                "served over https, so a plain-http image is mixed content (IMG003 errors)"
            } else {
                "served over plain http, so plain-http images are not mixed content (IMG003 warns)"
            };
            let _ = writeln!(
                out,
                "\n[images]\n# The site is {why}.\nhttps-site = {https}"
            );
        }
        None => out.push_str(
            "# Without an http(s) address, images are judged as on an https site (the default).\n",
        ),
    }
    out.push('\n');
}

fn excludes(out: &mut String, generator: Generator) {
    let _ = writeln!(
        out,
        "[files]\n\
         # Folders {} keeps templates, build output and dependencies in: no posts. postlint skips\n\
         # them by default in a {} site; this list replaces those defaults, so add to it.\n\
         exclude = [",
        generator.name(),
        generator.name()
    );
    for pattern in patterns(generator) {
        let _ = writeln!(out, "    {},", quoted(pattern));
    }
    out.push_str("]\n");
}

fn generic() -> String {
    let mut out = String::from(
        "# postlint.toml, written by `postlint init`.\n\
         # No Hexo, Jekyll or Hugo site was recognised in this folder, so no schema is set: front\n\
         # matter is parsed and posts are linted, but keys are not checked against a schema.\n",
    );
    out.push_str(HEADER_DOCS);
    out.push_str(
        "\n# preset = \"hexo\"              # or \"jekyll\", \"hugo\"; or schema = \"schemas/post.json\"\n\
         \n[files]\n\
         # extensions = [\"md\", \"markdown\", \"html\"]   # what directory walks pick up\n\
         # exclude = [\"drafts/**\"]                    # gitignore-style, relative to this file\n",
    );
    out
}

/// A value shown in a comment: quoted, escaped, never breaking the line.
fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| format!("{value:?}"))
}

fn one_line(text: &str) -> String {
    text.split(['\n', '\r']).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn values_with_line_breaks_stay_inside_their_comment() {
        let site = Site {
            generator: Generator::Jekyll,
            root: PathBuf::from("/s"),
            evidence: vec!["_config.yml".into()],
        };
        let config = SiteConfig {
            path: PathBuf::from("/s/_config.yml"),
            url: Some("https://a.example\nselect = []".into()),
            base_path: None,
            permalinks: Vec::new(),
        };
        let text = render(Some(&site), Some(&config), None);
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        assert!(parsed.get("select").is_none(), "{text}");
        assert_eq!(parsed["preset"].as_str(), Some("jekyll"));
        assert_eq!(parsed["images"]["https-site"].as_bool(), Some(true));
    }
}
