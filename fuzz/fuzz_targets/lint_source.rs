//! The whole path with every rule on: no panic, every label inside the file on char boundaries.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use postlint::config::{CliOverrides, Settings};

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| {
        let cli = CliOverrides { select: Some(vec!["ALL".into()]), preset: Some("hexo".into()), ..Default::default() };
        Settings::resolve(None, &cli, std::path::Path::new(".")).expect("valid settings")
    })
}

fuzz_target!(|text: &str| {
    let report = postlint::lint_source("post.md", text, settings());
    for d in &report.diagnostics {
        for span in std::iter::once(&d.primary.span).chain(d.secondary.iter().map(|l| &l.span)) {
            assert!(span.start <= span.end && span.end <= text.len(), "{} {:?}", d.code, span);
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{}", d.code);
        }
    }
});
