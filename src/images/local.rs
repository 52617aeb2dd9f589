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

use crate::boundary::Boundary;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    Hexo { site: PathBuf },
    Hugo { site: PathBuf },
    Jekyll { site: PathBuf },
    Unknown,
}

/// Which layout the post at `post` belongs to. Only folders inside `boundary` are looked at.
pub fn layout(post: &Path, boundary: &Boundary) -> Layout {
    let post = absolute(post);
    let mut dirs = post.ancestors().skip(1);
    let mut child: Option<&Path> = None;
    for dir in dirs.by_ref() {
        if !boundary.contains_lexically(dir) {
            break;
        }
        let is_file = |name: &str| boundary.is_file(&dir.join(name));
        let name = child.and_then(|c| c.file_name()).and_then(|n| n.to_str());
        if name == Some("source") && is_file("_config.yml") {
            return Layout::Hexo { site: dir.into() };
        }
        let hugo_config = ["hugo", "config"].iter().any(|stem| {
            ["toml", "yaml", "yml", "json"]
                .iter()
                .any(|ext| is_file(&format!("{stem}.{ext}")))
        });
        if name == Some("content") && hugo_config {
            return Layout::Hugo { site: dir.into() };
        }
        if is_file("_config.yml") && !boundary.is_dir(&dir.join("source")) {
            return Layout::Jekyll { site: dir.into() };
        }
        if boundary.exists(&dir.join(".git")) {
            break;
        }
        child = Some(dir);
    }
    Layout::Unknown
}

fn absolute(path: &Path) -> PathBuf {
    crate::schema::normalize(path)
}

/// Where a local image URL may point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Places {
    /// Nowhere that can be known (no layout recognised, or a protocol-relative path).
    Unknown,
    /// The path climbs above the folder the site serves it from (`root`): on the built site the
    /// browser stops at the site root, and nothing is looked up for it here.
    Escapes { root: PathBuf },
    /// Any of these files (all inside their served folder).
    Files(Vec<PathBuf>),
}

/// The places a local image URL may point at, decided on the path as written: nothing is
/// looked up on disk. `layout` is the post's (see [`layout`]); `root` is the repository root.
pub fn candidates(
    post: &Path,
    url: &str,
    static_dirs: &[PathBuf],
    layout: &Layout,
    root: &Path,
) -> Places {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let path = percent_decode_str(path).decode_utf8_lossy();
    if path.is_empty() {
        return Places::Unknown;
    }
    let post = absolute(post);
    let Some(dir) = post.parent() else {
        return Places::Unknown;
    };
    // Each candidate is a base the site serves files from and the path under it.
    let mut bases: Vec<(PathBuf, PathBuf)> = Vec::new();
    if let Some(rooted) = path.strip_prefix('/') {
        if rooted.starts_with('/') {
            return Places::Unknown;
        }
        for root in static_dirs {
            let root = absolute(root);
            bases.push((root.clone(), root));
        }
        match layout {
            Layout::Hexo { site } => bases.push((site.join("source"), site.join("source"))),
            Layout::Hugo { site } => bases.push((site.join("static"), site.join("static"))),
            Layout::Jekyll { site } => bases.push((site.clone(), site.clone())),
            Layout::Unknown => {}
        }
        return places(bases, rooted);
    }
    if !static_dirs.is_empty() {
        bases.push((root.to_owned(), dir.to_owned()));
    }
    match layout {
        Layout::Hexo { site } => {
            bases.push((site.join("source"), dir.to_owned()));
            if let Some(stem) = post.file_stem() {
                bases.push((site.join("source"), dir.join(stem)));
            }
        }
        Layout::Hugo { site } => {
            let bundle = post
                .file_stem()
                .is_some_and(|s| s == "index" || s == "_index");
            if bundle {
                bases.push((site.join("content"), dir.to_owned()));
            }
        }
        Layout::Jekyll { .. } | Layout::Unknown => {}
    }
    places(bases, &path)
}

/// `path` joined to each `(served root, folder)`; the first served root it climbs above makes
/// it escape.
fn places(bases: Vec<(PathBuf, PathBuf)>, path: &str) -> Places {
    if bases.is_empty() {
        return Places::Unknown;
    }
    let mut files = Vec::new();
    for (root, folder) in bases {
        let joined = crate::schema::normalize(&folder.join(path));
        if !joined.starts_with(&root) {
            return Places::Escapes { root };
        }
        files.push(joined);
    }
    Places::Files(files)
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
    use crate::boundary::Boundary;

    #[test]
    fn layouts_are_recognised() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let b = Boundary::new(root, false);
        let files = |p: Places| match p {
            Places::Files(f) => f,
            _ => Vec::new(),
        };
        std::fs::create_dir_all(root.join("hexo/source/_posts/hello")).unwrap();
        std::fs::write(root.join("hexo/_config.yml"), "").unwrap();
        std::fs::write(root.join("hexo/source/_posts/hello/a.png"), "").unwrap();
        std::fs::create_dir_all(root.join("hexo/source/img")).unwrap();
        std::fs::write(root.join("hexo/source/img/b.png"), "").unwrap();
        let post = root.join("hexo/source/_posts/hello.md");
        assert!(matches!(layout(&post, &b), Layout::Hexo { .. }));
        let found = |url: &str| {
            files(candidates(&post, url, &[], &layout(&post, &b), root))
                .iter()
                .any(|p| p.is_file())
        };
        assert!(found("a.png"));
        assert!(found("/img/b.png"));
        assert!(!found("/img/c.png"));
        assert!(!files(candidates(
            &post,
            "/img/c.png",
            &[],
            &layout(&post, &b),
            root
        ))
        .is_empty());
        assert_eq!(
            candidates(&post, "../../../etc/passwd", &[], &layout(&post, &b), root),
            Places::Escapes {
                root: crate::schema::normalize(&root.join("hexo/source"))
            }
        );
        assert_eq!(
            candidates(&post, "/../../x.png", &[], &layout(&post, &b), root),
            Places::Escapes {
                root: crate::schema::normalize(&root.join("hexo/source"))
            }
        );
        assert!(found("../_posts/hello/a.png"));

        std::fs::create_dir_all(root.join("hugo/content/posts/trip")).unwrap();
        std::fs::create_dir_all(root.join("hugo/static/i")).unwrap();
        std::fs::write(root.join("hugo/hugo.toml"), "").unwrap();
        std::fs::write(root.join("hugo/static/i/x.png"), "").unwrap();
        let post = root.join("hugo/content/posts/trip/index.md");
        assert!(matches!(layout(&post, &b), Layout::Hugo { .. }));
        assert!(
            files(candidates(&post, "/i/x.png", &[], &layout(&post, &b), root))
                .iter()
                .any(|p| p.is_file())
        );
        assert_eq!(
            files(candidates(&post, "y.png", &[], &layout(&post, &b), root)).len(),
            1
        );
        let leaf = root.join("hugo/content/posts/other.md");
        assert_eq!(
            candidates(&leaf, "y.png", &[], &layout(&leaf, &b), root),
            Places::Unknown
        );

        std::fs::create_dir_all(root.join("jekyll/_posts")).unwrap();
        std::fs::write(root.join("jekyll/_config.yml"), "").unwrap();
        let post = root.join("jekyll/_posts/2020-01-01-a.md");
        assert!(matches!(layout(&post, &b), Layout::Jekyll { .. }));
        assert_eq!(
            candidates(&post, "a.png", &[], &layout(&post, &b), root),
            Places::Unknown
        );
        assert_eq!(
            files(candidates(
                &post,
                "/assets/a.png",
                &[],
                &layout(&post, &b),
                root
            ))
            .len(),
            1
        );

        std::fs::create_dir_all(root.join("plain/.git")).unwrap();
        let post = root.join("plain/post.md");
        assert_eq!(layout(&post, &b), Layout::Unknown);
        assert_eq!(
            candidates(&post, "/a.png", &[], &layout(&post, &b), root),
            Places::Unknown
        );
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
