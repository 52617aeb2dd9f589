//! The parsing floor: what any linter of these posts must at least do, with no rules. It finds
//! the same files as `postlint check` (the same walk and excludes), reads each, splits off a
//! `---` YAML front matter and pulls every saphyr event from it, pulls every pulldown-cmark
//! event from the body, and parses every HTML block, inline HTML run and `.html` body with
//! scraper; files spread across the cores with rayon, as postlint spreads them.
//! `scripts/bench.sh` runs it beside postlint; BENCHMARKS.md gives postlint's time as a ratio of
//! this one.
//!
//! `cargo run --release --example parse-floor -- PATH...` prints the files and events it saw.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

use pulldown_cmark::{Event, Options, Parser};
use rayon::prelude::*;
use saphyr_parser::Parser as YamlParser;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let settings = postlint::Settings::default();
    let found = match postlint::discover::discover(&paths, &settings) {
        Ok(found) => found,
        Err(err) => {
            eprintln!("parse-floor: {err}");
            std::process::exit(2);
        }
    };
    let events: usize = found.files.par_iter().map(|p| parse(p)).sum();
    println!("{} files, {events} events", found.files.len());
}

fn parse(path: &std::path::Path) -> usize {
    let Ok(bytes) = std::fs::read(path) else {
        return 0;
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return 0;
    };
    let (front, body) = split(text);
    let mut events = 0;
    if let Some(front) = front {
        let mut parser = YamlParser::new_from_str(front);
        while let Some(Ok(_)) = parser.next_event() {
            events += 1;
        }
    }
    let is_html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if is_html {
        let doc = scraper::Html::parse_fragment(body);
        return events + doc.tree.nodes().count();
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_FOOTNOTES);
    let mut html = String::new();
    for event in Parser::new_ext(body, options) {
        events += 1;
        if let Event::Html(s) | Event::InlineHtml(s) = event {
            html.push_str(&s);
        } else if !html.is_empty() {
            events += scraper::Html::parse_fragment(&html).tree.nodes().count();
            html.clear();
        }
    }
    if !html.is_empty() {
        events += scraper::Html::parse_fragment(&html).tree.nodes().count();
    }
    events
}

/// The YAML between a first line `---` and the next `---` line, and the body after it.
fn split(text: &str) -> (Option<&str>, &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}
