//! The whole path with every rule on: no panic, every label and fix inside the file on char
//! boundaries, and the rich and machine renderers accept whatever the rules produced.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use postlint::{CliOverrides, Settings};
use postlint::render::{formatter, FormatKind, Style};

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| {
        let cli = CliOverrides { select: Some(vec!["ALL".into()]), preset: Some("hexo".into()), ..Default::default() };
        Settings::resolve(None, &cli, std::path::Path::new(".")).expect("valid settings")
    })
}

fuzz_target!(|text: &str| {
    let report = postlint::lint_source("post.md", text, settings());
    let ok = |span: &std::ops::Range<usize>| {
        span.start <= span.end && span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
    };
    for d in &report.diagnostics {
        for span in std::iter::once(&d.primary.span).chain(d.secondary.iter().map(|l| &l.span)) {
            assert!(ok(span), "{} {:?}", d.code, span);
        }
        if let Some(fix) = &d.fix {
            assert!(ok(&fix.span), "{} fix {:?}", d.code, fix.span);
        }
    }
    let reports = [report];
    for kind in [FormatKind::Full, FormatKind::Sarif] {
        let out = formatter(kind, Style::default()).render(&reports);
        assert!(reports[0].diagnostics.is_empty() || !out.is_empty());
    }
});
