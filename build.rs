//! Writes one test per fixture folder for `tests/fixtures.rs`, so that a new folder is a new
//! test named after its rule without a hand-kept list.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=fixtures");
    let mut folders: Vec<String> = match std::fs::read_dir("fixtures") {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        // A packaged crate has no fixtures; the test file then has no fixture tests.
        Err(_) => Vec::new(),
    };
    folders.sort();
    let mut out = String::from("fixture_tests! {\n");
    for folder in &folders {
        let test: String = folder
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        out.push_str(&format!("    {test} => {folder:?},\n"));
    }
    out.push_str("}\n");
    let dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&dir).join("fixture_tests.rs"), out).expect("OUT_DIR is writable");
}
