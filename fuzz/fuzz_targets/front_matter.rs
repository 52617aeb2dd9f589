//! YAML/TOML/JSON front matter to value and span index: every indexed span lies in the file.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postlint::internals::document::{Document, Limits};
use postlint::source::SourceFile;

fuzz_target!(|body: &str| {
    for fence in ["---", "+++", ";;;"] {
        let text = format!("{fence}\n{body}\n{fence}\n");
        let doc = Document::parse(SourceFile::new("f.md", text.as_str()), Limits::default());
        if let Some(err) = &doc.front_matter_error {
            assert!(err.offset <= text.len());
        }
        if let Some(fm) = &doc.front_matter {
            for d in &fm.duplicates {
                assert!(d.first.end <= text.len() && d.second.end <= text.len());
                assert!(text.is_char_boundary(d.first.start) && text.is_char_boundary(d.second.end));
            }
            if let Some(root) = fm.index.get("") {
                assert!(root.value.start <= root.value.end && root.value.end <= text.len());
            }
        }
    }
});
