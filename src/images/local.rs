//! Relative and root-relative image paths resolved against the repository's files.
//!
//! The layout is recognised from the post's path and the files around it:
//! - Hexo: the post is under `<site>/source/` and `<site>/_config.yml` exists. `/a.png` is
//!   `source/a.png`; `a.png` is beside the post or in its asset folder `<post-name>/a.png`.
//! - Hugo: the post is under `<site>/content/` and `<site>` has `hugo.*` or `config.*`. `/a.png`
//!   is `static/a.png`; `a.png` is checked only in a page bundle (`index.md`, `_index.md`).
//! - Jekyll: `<site>/_config.yml` with the post outside `source/`. `/a.png` is `<site>/a.png`;
//!   relative paths depend on the page's permalink and are not checked.
//! - `[images] static-dirs`: more roots for `/a.png`, relative to the config file's folder.
//!   With them, `a.png` is also checked beside the post.
//!
//! When nothing is recognised the path is not checked: guessing wrongly would report files
//! that exist.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    Hexo { site: PathBuf },
    Hugo { site: PathBuf },
    Jekyll { site: PathBuf },
    Unknown,
}

/// Which layout the post at `post` belongs to.
pub fn layout(post: &Path) -> Layout {
    let post = absolute(post);
    let mut dirs = post.ancestors().skip(1);
    let mut child: Option<&Path> = None;
    for dir in dirs.by_ref() {
        let name = child.and_then(|c| c.file_name()).and_then(|n| n.to_str());
        if name == Some("source") && dir.join("_config.yml").is_file() {
            return Layout::Hexo { site: dir.into() };
        }
        let hugo_config = ["hugo", "config"].iter().any(|stem| {
            ["toml", "yaml", "yml", "json"]
                .iter()
                .any(|ext| dir.join(format!("{stem}.{ext}")).is_file())
        });
        if name == Some("content") && hugo_config {
            return Layout::Hugo { site: dir.into() };
        }
        if dir.join("_config.yml").is_file() && !dir.join("source").is_dir() {
            return Layout::Jekyll { site: dir.into() };
        }
        if dir.join(".git").exists() {
            break;
        }
        child = Some(dir);
    }
    Layout::Unknown
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_owned()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_owned())
    }
}

/// The places a local image URL may point at; empty when they cannot be known.
pub fn candidates(post: &Path, url: &str, static_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let path = percent_decode_str(path).decode_utf8_lossy();
    if path.is_empty() {
        return Vec::new();
    }
    let post = absolute(post);
    let Some(dir) = post.parent() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(rooted) = path.strip_prefix('/') {
        if rooted.starts_with('/') {
            return out;
        }
        for root in static_dirs {
            out.push(absolute(root).join(rooted));
        }
        match layout(&post) {
            Layout::Hexo { site } => out.push(site.join("source").join(rooted)),
            Layout::Hugo { site } => out.push(site.join("static").join(rooted)),
            Layout::Jekyll { site } => out.push(site.join(rooted)),
            Layout::Unknown => {}
        }
        return out;
    }
    if !static_dirs.is_empty() {
        out.push(dir.join(&*path));
    }
    match layout(&post) {
        Layout::Hexo { .. } => {
            out.push(dir.join(&*path));
            if let Some(stem) = post.file_stem() {
                out.push(dir.join(stem).join(&*path));
            }
        }
        Layout::Hugo { .. } => {
            let bundle = post
                .file_stem()
                .is_some_and(|s| s == "index" || s == "_index");
            if bundle {
                out.push(dir.join(&*path));
            }
        }
        Layout::Jekyll { .. } | Layout::Unknown => {}
    }
    out
}

/// A URL that names a file of the site rather than another server.
pub fn is_local(url: &str) -> bool {
    !url.is_empty()
        && !url.starts_with("//")
        && !url.starts_with('#')
        && !url.contains("{{")
        && !url.contains("{%")
        && !url.starts_with('\\')
        && super::scheme(url).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_are_recognised() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::create_dir_all(root.join("hexo/source/_posts/hello")).unwrap();
        std::fs::write(root.join("hexo/_config.yml"), "").unwrap();
        std::fs::write(root.join("hexo/source/_posts/hello/a.png"), "").unwrap();
        std::fs::create_dir_all(root.join("hexo/source/img")).unwrap();
        std::fs::write(root.join("hexo/source/img/b.png"), "").unwrap();
        let post = root.join("hexo/source/_posts/hello.md");
        assert!(matches!(layout(&post), Layout::Hexo { .. }));
        let found = |url: &str| candidates(&post, url, &[]).iter().any(|p| p.is_file());
        assert!(found("a.png"));
        assert!(found("/img/b.png"));
        assert!(!found("/img/c.png"));
        assert!(!candidates(&post, "/img/c.png", &[]).is_empty());

        std::fs::create_dir_all(root.join("hugo/content/posts/trip")).unwrap();
        std::fs::create_dir_all(root.join("hugo/static/i")).unwrap();
        std::fs::write(root.join("hugo/hugo.toml"), "").unwrap();
        std::fs::write(root.join("hugo/static/i/x.png"), "").unwrap();
        let post = root.join("hugo/content/posts/trip/index.md");
        assert!(matches!(layout(&post), Layout::Hugo { .. }));
        assert!(candidates(&post, "/i/x.png", &[])
            .iter()
            .any(|p| p.is_file()));
        assert_eq!(candidates(&post, "y.png", &[]).len(), 1);
        let leaf = root.join("hugo/content/posts/other.md");
        assert!(candidates(&leaf, "y.png", &[]).is_empty());

        std::fs::create_dir_all(root.join("jekyll/_posts")).unwrap();
        std::fs::write(root.join("jekyll/_config.yml"), "").unwrap();
        let post = root.join("jekyll/_posts/2020-01-01-a.md");
        assert!(matches!(layout(&post), Layout::Jekyll { .. }));
        assert!(candidates(&post, "a.png", &[]).is_empty());
        assert_eq!(candidates(&post, "/assets/a.png", &[]).len(), 1);

        std::fs::create_dir_all(root.join("plain/.git")).unwrap();
        let post = root.join("plain/post.md");
        assert_eq!(layout(&post), Layout::Unknown);
        assert!(candidates(&post, "/a.png", &[]).is_empty());
    }

    #[test]
    fn local_urls() {
        assert!(is_local("a.png"));
        assert!(is_local("/a/b.png"));
        assert!(is_local("../a.png"));
        assert!(!is_local("https://x/a.png"));
        assert!(!is_local("//x/a.png"));
        assert!(!is_local("data:image/png,"));
        assert!(!is_local("C:\\a.png"));
        assert!(!is_local("{{ site.url }}/a.png"));
    }
}
