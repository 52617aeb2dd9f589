//! The one place that decides whether postlint may open a path.
//!
//! postlint runs in CI on pull requests from strangers and prints excerpts of what it reads into
//! logs, annotations and SARIF that are often public. So every file it opens because of the
//! content it checks (posts, schemas, image files, static folders) must resolve, symlinks
//! included, inside the repository root of the run. The resolver below follows symlinks itself,
//! one component at a time, and never `lstat`s a path outside the root: whether something exists
//! out there cannot change what postlint reports.

use std::collections::HashSet;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::config::file::FILE_NAME;

/// Symlink hops allowed while resolving one path, as Linux's `MAXSYMLINKS`.
const MAX_HOPS: usize = 40;

/// Where a path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// To this file or folder inside the root (absolute, no symlink left in it).
    Inside(PathBuf),
    /// Nowhere: a component is missing (or a symlink loop), and all of it is inside the root.
    Missing,
    /// Outside the root, lexically or through a symlink. Nothing out there was looked at.
    Outside,
}

/// The repository root of a run and whether symlinks may lead out of it.
#[derive(Debug, Clone)]
pub struct Boundary {
    /// As written (absolute, `..` resolved lexically): paths are first compared with this.
    lexical: PathBuf,
    /// With its own symlinks resolved: what resolved paths are compared with.
    real: PathBuf,
    follow_outside: bool,
    /// Real folders under the root already walked with no symlink in them: the posts of one
    /// folder then cost one `lstat` each instead of one per component of their path.
    known_dirs: Arc<Mutex<HashSet<PathBuf>>>,
}

impl PartialEq for Boundary {
    fn eq(&self, other: &Boundary) -> bool {
        (&self.lexical, &self.real, self.follow_outside)
            == (&other.lexical, &other.real, other.follow_outside)
    }
}

impl Eq for Boundary {}

impl Boundary {
    /// The boundary at `root`. With `follow_outside`, paths are resolved by the operating system
    /// and never refused (`--follow-symlinks-outside`).
    pub fn new(root: &Path, follow_outside: bool) -> Boundary {
        let lexical = crate::schema::normalize(root);
        let real = std::fs::canonicalize(&lexical).unwrap_or_else(|_| lexical.clone());
        Boundary {
            lexical,
            real,
            follow_outside,
            known_dirs: Arc::default(),
        }
    }

    /// The boundary of a post linted with no run root: its nearest config's folder, else its
    /// git top level, else its own folder.
    pub fn around(post: &Path, follow_outside: bool) -> Boundary {
        let post = crate::schema::normalize(post);
        let folder = post.parent().unwrap_or(&post);
        Boundary::new(&root_around(folder, folder), follow_outside)
    }

    /// The repository root as written.
    pub fn root(&self) -> &Path {
        &self.lexical
    }

    pub fn follows_outside(&self) -> bool {
        self.follow_outside
    }

    /// Whether `path` lies inside the root as written, before any symlink is followed.
    pub fn contains_lexically(&self, path: &Path) -> bool {
        let path = crate::schema::normalize(path);
        path.starts_with(&self.lexical) || path.starts_with(&self.real)
    }

    /// Where `path` leads, following symlinks but never looking outside the root.
    pub fn resolve(&self, path: &Path) -> Resolved {
        let path = crate::schema::normalize(path);
        if self.follow_outside {
            return match std::fs::canonicalize(&path) {
                Ok(real) => Resolved::Inside(real),
                Err(_) => Resolved::Missing,
            };
        }
        let rest = match path
            .strip_prefix(&self.real)
            .or_else(|_| path.strip_prefix(&self.lexical))
        {
            Ok(rest) => rest.to_owned(),
            Err(_) => return Resolved::Outside,
        };
        self.walk(rest)
    }

    /// Whether `path` names an existing file or folder inside the root.
    pub fn exists(&self, path: &Path) -> bool {
        matches!(self.resolve(path), Resolved::Inside(_))
    }

    /// Whether `path` is a regular file inside the root (after symlinks).
    pub fn is_file(&self, path: &Path) -> bool {
        self.metadata(path).is_some_and(|m| m.is_file())
    }

    /// Whether `path` is a folder inside the root (after symlinks).
    pub fn is_dir(&self, path: &Path) -> bool {
        self.metadata(path).is_some_and(|m| m.is_dir())
    }

    fn metadata(&self, path: &Path) -> Option<std::fs::Metadata> {
        match self.resolve(path) {
            Resolved::Inside(real) => std::fs::metadata(real).ok(),
            Resolved::Missing | Resolved::Outside => None,
        }
    }

    /// Resolves `rest` (relative to the real root) component by component. A symlink's target
    /// is joined to the folder holding it and checked against the root before anything is
    /// looked up there.
    fn walk(&self, rest: PathBuf) -> Resolved {
        if let (Some(parent), Some(name)) = (rest.parent(), rest.file_name()) {
            let dir = self.real.join(parent);
            if self.known(&dir) {
                return self.walk_from(dir, vec![PathBuf::from(name)]);
            }
        }
        let resolved = self.walk_from(self.real.clone(), components_reversed(&rest));
        if let Resolved::Inside(real) = &resolved {
            if let Some(dir) = real.parent().filter(|d| d.starts_with(&self.real)) {
                if let Ok(mut known) = self.known_dirs.lock() {
                    known.insert(dir.to_owned());
                }
            }
        }
        resolved
    }

    fn known(&self, dir: &Path) -> bool {
        self.known_dirs
            .lock()
            .map(|known| known.contains(dir))
            .unwrap_or(false)
    }

    fn walk_from(&self, mut current: PathBuf, mut pending: Vec<PathBuf>) -> Resolved {
        let mut hops = 0;
        while let Some(part) = pending.pop() {
            let next = current.join(&part);
            let meta = match std::fs::symlink_metadata(&next) {
                Ok(meta) => meta,
                Err(err) if err.kind() == ErrorKind::NotFound => return Resolved::Missing,
                // A folder we may not enter, or a file used as a folder: nothing there to read.
                Err(_) => return Resolved::Missing,
            };
            if !meta.file_type().is_symlink() {
                current = next;
                continue;
            }
            hops += 1;
            if hops > MAX_HOPS {
                return Resolved::Missing;
            }
            let Ok(target) = std::fs::read_link(&next) else {
                return Resolved::Missing;
            };
            let target = crate::schema::normalize(&current.join(target));
            let Ok(inside) = target.strip_prefix(&self.real) else {
                return Resolved::Outside;
            };
            // Start again from the root with the target's components, then what was left.
            pending.extend(components_reversed(inside));
            current = self.real.clone();
        }
        Resolved::Inside(current)
    }
}

/// The components of a relative, normalized path, last first (a stack).
fn components_reversed(path: &Path) -> Vec<PathBuf> {
    let mut parts: Vec<PathBuf> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(PathBuf::from(name)),
            _ => None,
        })
        .collect();
    parts.reverse();
    parts
}

/// The repository root for a run started in `cwd`: the folder of the config file in use, else
/// the top level of the git work tree around `cwd`, else `cwd`.
pub fn run_root(cwd: &Path, config_file: Option<&Path>) -> PathBuf {
    if let Some(dir) = config_file.and_then(Path::parent) {
        return crate::schema::normalize(dir);
    }
    git_top(cwd).unwrap_or_else(|| crate::schema::normalize(cwd))
}

/// The root for a path named outside the run's root: its own nearest config's folder, else its
/// git top level, else `fallback` (the folder the user named).
pub fn root_around(path: &Path, fallback: &Path) -> PathBuf {
    let path = crate::schema::normalize(path);
    for dir in path.ancestors() {
        if dir.join(FILE_NAME).is_file() {
            return dir.to_owned();
        }
    }
    git_top(&path).unwrap_or_else(|| crate::schema::normalize(fallback))
}

/// The git top level around `dir`: how far a config's `extend` may reach. Outside a git work
/// tree there is no repository a pull request could come from, and configs may extend any file.
pub fn repository_root(dir: &Path) -> Option<PathBuf> {
    git_top(dir)
}

/// The nearest folder at or above `dir` holding `.git` (a folder, or a file for worktrees).
fn git_top(dir: &Path) -> Option<PathBuf> {
    let dir = crate::schema::normalize(dir);
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_owned)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn symlinks_are_followed_only_inside_the_root() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("repo");
        let outside = tmp.path().join("outside");
        std::fs::create_dir_all(repo.join("posts")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret"), "token").unwrap();
        std::fs::write(repo.join("posts/a.md"), "a").unwrap();
        symlink("../../outside/secret", repo.join("posts/leak.md")).unwrap();
        symlink("a.md", repo.join("posts/alias.md")).unwrap();
        symlink(&outside, repo.join("posts/dir")).unwrap();
        symlink("loop", repo.join("posts/loop")).unwrap();
        let b = Boundary::new(&repo, false);

        assert_eq!(
            b.resolve(&repo.join("posts/alias.md")),
            Resolved::Inside(std::fs::canonicalize(repo.join("posts/a.md")).unwrap())
        );
        assert_eq!(b.resolve(&repo.join("posts/leak.md")), Resolved::Outside);
        assert_eq!(b.resolve(&repo.join("posts/dir/secret")), Resolved::Outside);
        assert_eq!(
            b.resolve(&repo.join("posts/dir/nothing")),
            Resolved::Outside
        );
        assert_eq!(
            b.resolve(&repo.join("posts/../../outside/secret")),
            Resolved::Outside
        );
        assert_eq!(b.resolve(&repo.join("posts/missing.md")), Resolved::Missing);
        assert_eq!(b.resolve(&repo.join("posts/loop")), Resolved::Missing);

        let open = Boundary::new(&repo, true);
        assert!(matches!(
            open.resolve(&repo.join("posts/leak.md")),
            Resolved::Inside(_)
        ));
    }

    #[test]
    fn the_run_root_is_the_config_folder_then_git_then_cwd() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("site/posts")).unwrap();
        let config = repo.join("site/postlint.toml");
        assert_eq!(
            run_root(&repo.join("site/posts"), Some(&config)),
            repo.join("site")
        );
        assert_eq!(run_root(&repo.join("site/posts"), None), repo);
        let bare = tmp.path().join("bare");
        std::fs::create_dir_all(&bare).unwrap();
        if git_top(&bare).is_none() {
            assert_eq!(run_root(&bare, None), bare);
        }
    }
}
