//! `postlint init` on generated Hexo, Jekyll and Hugo repositories, and the default excludes
//! that keep their themes, layouts, build output and dependencies out of a walk without any
//! config. Only the posts may be linted.

mod common;
use common::{outcome, postlint_in, tree};

const POST: &str = "---\ntitle: a\n---\n\nBody.\n";

fn hexo() -> tempfile::TempDir {
    tree(&[
        (
            "_config.yml",
            "url: https://blog.example.com\npermalink: :year/:title/\nnew_post_name: :title.md\ntheme: landscape\n",
        ),
        ("scaffolds/post.md", POST),
        ("themes/landscape/layout/index.html", "<p>x</p>\n"),
        ("public/index.html", "<p>x</p>\n"),
        ("node_modules/hexo/README.md", POST),
        ("source/_posts/hello.md", POST),
    ])
}

fn jekyll() -> tempfile::TempDir {
    tree(&[
        (
            "_config.yml",
            "url: http://me.example.org\nbaseurl: /blog\n",
        ),
        ("Gemfile", "gem \"jekyll\"\n"),
        ("_layouts/default.html", "<p>x</p>\n"),
        ("_includes/head.html", "<p>x</p>\n"),
        ("_site/index.html", "<p>x</p>\n"),
        ("node_modules/x/README.md", POST),
        ("_posts/2024-01-01-hello.md", POST),
    ])
}

fn hugo() -> tempfile::TempDir {
    tree(&[
        ("hugo.toml", "baseURL = 'https://example.net/'\n"),
        ("archetypes/default.md", POST),
        ("layouts/_default/single.html", "<p>x</p>\n"),
        ("themes/t/layouts/index.html", "<p>x</p>\n"),
        ("public/index.html", "<p>x</p>\n"),
        ("node_modules/x/README.md", POST),
        ("content/posts/hello.md", POST),
    ])
}

fn show_files(dir: &std::path::Path) -> String {
    let (code, stdout, stderr) = outcome(postlint_in(dir).args(["check", "--show-files", "."]));
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn init_writes_preset_and_address_and_check_lints_only_posts() {
    for (dir, preset, url, https, post) in [
        (
            hexo(),
            "hexo",
            "https://blog.example.com",
            "true",
            "./source/_posts/hello.md\n",
        ),
        (
            jekyll(),
            "jekyll",
            "http://me.example.org",
            "false",
            "./_posts/2024-01-01-hello.md\n",
        ),
        (
            hugo(),
            "hugo",
            "https://example.net/",
            "true",
            "./content/posts/hello.md\n",
        ),
    ] {
        // Without any config, the default excludes already keep everything but the post out.
        assert_eq!(show_files(dir.path()), post, "{preset} without init");
        let (code, stdout, stderr) = outcome(postlint_in(dir.path()).arg("init"));
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("Wrote"), "{stdout}");
        let text = std::fs::read_to_string(dir.path().join("postlint.toml")).unwrap();
        assert!(text.contains(&format!("preset = \"{preset}\"")), "{text}");
        assert!(text.contains(&format!("\"{url}\"")), "{text}");
        assert!(text.contains(&format!("https-site = {https}")), "{text}");
        // The written file loads, and with it too only the post is linted.
        assert_eq!(show_files(dir.path()), post, "{preset} after init");
        let (code, _, stderr) = outcome(postlint_in(dir.path()).args(["check", "."]));
        assert_eq!(code, 0, "{preset}: {stderr}");
        // A second init keeps the file.
        let (code, _, stderr) = outcome(postlint_in(dir.path()).arg("init"));
        assert_eq!(code, 2);
        assert!(stderr.contains("--force"), "{stderr}");
        let (code, _, _) = outcome(postlint_in(dir.path()).args(["init", "--force"]));
        assert_eq!(code, 0);
    }
}

#[test]
fn show_files_why_names_each_exclusion_and_config_turns_defaults_off() {
    let dir = hexo();
    let (code, stdout, _) =
        outcome(postlint_in(dir.path()).args(["check", "--show-files=why", "."]));
    assert_eq!(code, 0);
    assert!(
        stdout.contains("excluded  ./themes/  (default exclude /themes/ for a Hexo site at .)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("linted    ./source/_posts/hello.md"),
        "{stdout}"
    );
    // Named files are linted unless --force-exclude.
    let named = "scaffolds/post.md";
    let (_, stdout, _) = outcome(postlint_in(dir.path()).args(["check", "--show-files", named]));
    assert_eq!(stdout, "scaffolds/post.md\n");
    let (_, stdout, _) =
        outcome(postlint_in(dir.path()).args(["check", "--show-files", "--force-exclude", named]));
    assert_eq!(stdout, "");
    std::fs::write(
        dir.path().join("postlint.toml"),
        "[files]\ndefault-excludes = false\n",
    )
    .unwrap();
    assert!(show_files(dir.path()).contains("./scaffolds/post.md"));
    std::fs::write(
        dir.path().join("postlint.toml"),
        "[files]\nexclude = [\"public/\"]\n",
    )
    .unwrap();
    let listed = show_files(dir.path());
    assert!(
        listed.contains("./themes/") && !listed.contains("./public/"),
        "{listed}"
    );
}
