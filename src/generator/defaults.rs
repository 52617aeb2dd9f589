//! The folders each generator keeps templates, build output and dependencies in: never posts,
//! yet full of `.md` and `.html` files. Directory walks skip them in every recognised site, with
//! no config needed; `[files] exclude` or `default-excludes = false` turns this off.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use super::{detect, Generator};

/// Gitignore lines, anchored at the site's root.
pub fn patterns(generator: Generator) -> &'static [&'static str] {
    match generator {
        Generator::Hexo => &["/scaffolds/", "/themes/", "/node_modules/", "/public/"],
        Generator::Jekyll => &[
            "/_layouts/",
            "/_includes/",
            "/_site/",
            "/vendor/",
            "/node_modules/",
            "/.jekyll-cache/",
        ],
        Generator::Hugo => &[
            "/archetypes/",
            "/layouts/",
            "/themes/",
            "/public/",
            "/resources/",
            "/node_modules/",
        ],
    }
}

/// Why a path is skipped by default: the pattern of the site that skips it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultExclude {
    pub generator: Generator,
    pub site: PathBuf,
    pub pattern: String,
}

#[derive(Debug)]
struct SiteMatcher {
    generator: Generator,
    root: PathBuf,
    matcher: Gitignore,
}

/// What is known of one folder.
#[derive(Debug, Clone)]
struct Folder {
    site: Option<Arc<SiteMatcher>>,
    /// A repository's root: sites are not looked for above it.
    repository: bool,
}

/// The default excludes of every site above a path. Each folder is looked at once.
#[derive(Debug, Clone, Default)]
pub struct SiteExcludes {
    folders: Arc<Mutex<HashMap<PathBuf, Folder>>>,
}

impl SiteExcludes {
    /// Whether a site among the folders above `path` (absolute and normalized), up to the
    /// repository's root, skips it or a folder above it.
    pub fn reason(&self, path: &Path, is_dir: bool) -> Option<DefaultExclude> {
        for dir in path.ancestors().skip(1) {
            let folder = self.folder(dir);
            if let Some(site) = &folder.site {
                let relative = path.strip_prefix(&site.root).ok()?;
                let hit = site.matcher.matched_path_or_any_parents(relative, is_dir);
                if hit.is_ignore() {
                    return Some(DefaultExclude {
                        generator: site.generator,
                        site: site.root.clone(),
                        pattern: hit
                            .inner()
                            .map_or(String::new(), |g| g.original().to_owned()),
                    });
                }
            }
            if folder.repository {
                break;
            }
        }
        None
    }

    fn folder(&self, dir: &Path) -> Folder {
        // The lock is not held while the folder is read, so another walk is never held up by
        // a slow disk; two that race only look twice.
        if let Some(known) = self.lock().get(dir) {
            return known.clone();
        }
        let folder = Folder {
            site: detect(dir).and_then(|site| {
                let mut builder = GitignoreBuilder::new(dir);
                for line in patterns(site.generator) {
                    builder.add_line(None, line).ok()?;
                }
                Some(Arc::new(SiteMatcher {
                    generator: site.generator,
                    root: dir.to_owned(),
                    matcher: builder.build().ok()?,
                }))
            }),
            repository: dir.join(".git").exists(),
        };
        self.lock().insert(dir.to_owned(), folder.clone());
        folder
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Folder>> {
        self.folders.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_the_site_are_skipped_relative_to_its_root() {
        let tmp = tempfile::tempdir().unwrap();
        let root = crate::schema::normalize(tmp.path());
        let site = root.join("blog");
        std::fs::create_dir_all(site.join("scaffolds")).unwrap();
        std::fs::create_dir_all(site.join("source/_posts")).unwrap();
        std::fs::write(site.join("_config.yml"), "title: x\n").unwrap();
        let excludes = SiteExcludes::default();
        let hit = excludes.reason(&site.join("themes"), true).unwrap();
        assert_eq!(hit.generator, Generator::Hexo);
        assert_eq!(hit.site, site);
        assert_eq!(hit.pattern, "/themes/");
        assert!(excludes
            .reason(&site.join("themes/next/layout/post.html"), false)
            .is_some());
        assert_eq!(
            excludes.reason(&site.join("source/_posts/a.md"), false),
            None
        );
        // Anchored: a folder named public inside the content is content.
        assert_eq!(excludes.reason(&site.join("source/public"), true), None);
        // Not a site: nothing is skipped.
        assert_eq!(excludes.reason(&root.join("other/themes"), true), None);
    }

    #[test]
    fn sites_above_the_repository_root_are_not_looked_for() {
        let tmp = tempfile::tempdir().unwrap();
        let root = crate::schema::normalize(tmp.path());
        std::fs::create_dir_all(root.join("scaffolds")).unwrap();
        std::fs::create_dir_all(root.join("repo/.git")).unwrap();
        let excludes = SiteExcludes::default();
        assert!(excludes.reason(&root.join("themes"), true).is_some());
        assert_eq!(excludes.reason(&root.join("repo/themes/a.md"), false), None);
    }
}
