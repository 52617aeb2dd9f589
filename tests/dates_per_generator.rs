//! FM202 under a generator's preset reports only the dates that generator misreads;
//! with no preset, or `[dates] portable = true`, it reports what any generator misreads.

mod common;
use common::{outcome, postlint_in, tree};

/// One post per date form, each with the generators that read it as written.
const DATES: &[(&str, &str)] = &[
    // Jekyll and Hexo read a one-digit month; Hugo's layouts need two digits.
    ("short-month.md", "2016-3-21 12:00:00"),
    // Hexo and Jekyll read a time without seconds; Hugo rejects it.
    ("no-seconds.md", "2021-07-16 10:30"),
    // RSS dates: Hexo and Jekyll read them in their zone; Hugo drops the zone name.
    ("rfc2822.md", "Fri, 16 Jul 2021 02:57:12 GMT"),
    // Day and month could swap: Ruby reads day first, JavaScript month first.
    ("ambiguous.md", "01/02/2021"),
    // Full-width colon from a Chinese input method: nobody reads it as written.
    ("full-width.md", "2021-07-16 10：30：00"),
];

fn fm202_files(config: &str) -> Vec<String> {
    let mut files: Vec<(String, String)> = vec![("postlint.toml".into(), config.into())];
    for (name, date) in DATES {
        files.push((
            (*name).into(),
            format!("---\ntitle: 日期\ndate: \"{date}\"\n---\n\n正文。\n"),
        ));
    }
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let dir = tree(&borrowed);
    let mut cmd = postlint_in(dir.path());
    cmd.args(["check", "--select", "FM202", "--format", "json", "."]);
    let (code, stdout, stderr) = outcome(&mut cmd);
    assert_ne!(code, 2, "{stderr}");
    let findings: serde_json::Value = serde_json::from_str(&stdout).expect("JSON output");
    let mut files: Vec<String> = findings
        .as_array()
        .expect("an array of findings")
        .iter()
        .map(|f| f["path"].as_str().unwrap_or_default().to_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn each_preset_hears_only_about_what_its_generator_misreads() {
    let all = vec![
        "ambiguous.md",
        "full-width.md",
        "no-seconds.md",
        "rfc2822.md",
        "short-month.md",
    ];
    assert_eq!(fm202_files(""), all, "no preset: every generator counts");
    assert_eq!(
        fm202_files("preset = \"jekyll\"\n"),
        vec!["ambiguous.md", "full-width.md"]
    );
    assert_eq!(
        fm202_files("preset = \"hexo\"\n"),
        vec!["ambiguous.md", "full-width.md"]
    );
    assert_eq!(
        fm202_files("preset = \"hugo\"\n"),
        all,
        "Hugo misreads every one of them"
    );
    assert_eq!(
        fm202_files("preset = \"jekyll\"\n[dates]\nportable = true\n"),
        all,
        "portable = true keeps the cross-generator advice"
    );
}
