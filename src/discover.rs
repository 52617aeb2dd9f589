//! Which files to lint, each with its settings. Directories are walked with the `ignore` crate
//! (gitignore-aware, also outside git); every entry met is judged by the config that applies
//! where it stands: its extensions and `[files] exclude`. Files named on the command line are
//! always linted, unless `force_exclude` makes excludes hold for them too. The list is sorted.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::WalkBuilder;

use crate::boundary::{Boundary, Resolved};
use crate::config::files::ExcludeReason;
use crate::config::ConfigError;
use crate::lint::io_reason;
use crate::settings::Settings;
use crate::workspace::Workspace;

/// A path that could not be walked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveryError {
    pub path: PathBuf,
    pub message: String,
}

/// A file to lint and the settings that apply to it.
#[derive(Debug, Clone)]
pub struct Target {
    pub path: PathBuf,
    pub settings: Arc<Settings>,
}

/// The files under some paths, for one set of settings.
#[derive(Debug, Default)]
pub struct Discovered {
    pub files: Vec<PathBuf>,
    pub errors: Vec<DiscoveryError>,
}

/// The files under some paths, each with its own settings.
#[derive(Debug, Default)]
pub struct Targets {
    pub files: Vec<Target>,
    pub errors: Vec<DiscoveryError>,
    /// What the excludes kept out (a folder stands for all it holds), sorted.
    pub excluded: Vec<Excluded>,
}

/// A file or folder left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excluded {
    pub path: PathBuf,
    pub is_dir: bool,
    pub reason: ExcludeReason,
}

/// Where the settings of a place come from.
#[derive(Debug, Clone)]
enum Judge {
    /// One set for everything.
    Fixed(Arc<Settings>),
    /// Each place's own.
    Workspace(Arc<Workspace>),
}

impl Judge {
    fn absolute(&self, path: &Path) -> PathBuf {
        match self {
            Judge::Fixed(_) => crate::schema::normalize(path),
            Judge::Workspace(w) => w.absolute(path),
        }
    }

    fn boundary(&self, path: &Path) -> Arc<Boundary> {
        match self {
            Judge::Fixed(s) => s.boundary_for(path),
            Judge::Workspace(w) => w.boundary_for(path),
        }
    }

    /// The judge for what lies under a path named with `boundary` as its root.
    fn within(&self, boundary: &Arc<Boundary>) -> Judge {
        match self {
            Judge::Fixed(s) if s.boundary.as_ref() == Some(boundary) => self.clone(),
            Judge::Fixed(s) => Judge::Fixed(Arc::new(Settings {
                boundary: Some(Arc::clone(boundary)),
                ..(**s).clone()
            })),
            Judge::Workspace(_) => self.clone(),
        }
    }

    fn folder(&self, folder: &Path) -> Result<Arc<Settings>, ConfigError> {
        match self {
            Judge::Fixed(s) => Ok(s.clone()),
            Judge::Workspace(w) => w.folder_settings(folder),
        }
    }

    /// The settings of a file under a path named with `boundary` as its repository root.
    fn file(&self, path: &Path, boundary: &Arc<Boundary>) -> Result<Arc<Settings>, ConfigError> {
        match self {
            Judge::Fixed(s) => Ok(s.clone()),
            Judge::Workspace(w) => w.settings_within(path, boundary),
        }
    }
}

/// The files under `paths`, all judged by `settings` (named files always kept).
pub fn discover(paths: &[PathBuf], settings: &Settings) -> Result<Discovered, String> {
    let found = collect(paths, &Judge::Fixed(Arc::new(settings.clone())), false)
        .map_err(|e| e.to_string())?;
    Ok(Discovered {
        files: found.files.into_iter().map(|t| t.path).collect(),
        errors: found.errors,
    })
}

/// The files under `paths`, each with the settings of the config where it stands. A config
/// that cannot be loaded on the way is an error: nothing is linted with the wrong settings.
pub fn discover_targets(
    paths: &[PathBuf],
    workspace: &Arc<Workspace>,
    force_exclude: bool,
) -> Result<Targets, ConfigError> {
    collect(
        paths,
        &Judge::Workspace(Arc::clone(workspace)),
        force_exclude,
    )
}

fn collect(paths: &[PathBuf], judge: &Judge, force_exclude: bool) -> Result<Targets, ConfigError> {
    let mut found = Targets::default();
    for path in paths {
        // Where a named path leads is looked at only inside the repository. One that leads out
        // is kept as a target: linting it reports, on its own name, that it was not read.
        let boundary = judge.boundary(path);
        let judge = &judge.within(&boundary);
        let real = match boundary.resolve(path) {
            Resolved::Inside(real) => real,
            Resolved::Outside => {
                if force_exclude && excluded_where_it_stands(judge, path, false)?.is_some() {
                    continue;
                }
                found.files.push(Target {
                    path: path.clone(),
                    settings: judge.file(path, &boundary)?,
                });
                continue;
            }
            Resolved::Missing => path.clone(),
        };
        match std::fs::metadata(&real) {
            Ok(meta) => {
                let is_dir = meta.is_dir();
                if force_exclude {
                    if let Some(reason) = excluded_where_it_stands(judge, path, is_dir)? {
                        found.excluded.push(Excluded {
                            path: path.clone(),
                            is_dir,
                            reason,
                        });
                        continue;
                    }
                }
                if is_dir {
                    walk(path, judge, &boundary, &mut found)?;
                } else {
                    found.files.push(Target {
                        path: path.clone(),
                        settings: judge.file(path, &boundary)?,
                    });
                }
            }
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                found.errors.push(DiscoveryError {
                    path: path.clone(),
                    message: "no such file or directory".into(),
                })
            }
            Err(err) => found.errors.push(DiscoveryError {
                path: path.clone(),
                message: io_reason(&err),
            }),
        }
    }
    found.files.sort_by(|a, b| a.path.cmp(&b.path));
    found.files.dedup_by(|a, b| a.path == b.path);
    found.excluded.sort_by(|a, b| a.path.cmp(&b.path));
    found.excluded.dedup_by(|a, b| a.path == b.path);
    Ok(found)
}

/// Why the config of the folder holding `path` excludes it (or a folder above it), if it does.
fn excluded_where_it_stands(
    judge: &Judge,
    path: &Path,
    is_dir: bool,
) -> Result<Option<ExcludeReason>, ConfigError> {
    let absolute = judge.absolute(path);
    let folder = absolute.parent().unwrap_or(&absolute);
    let settings = judge.folder(folder)?;
    Ok(settings.exclude.reason(&absolute, is_dir))
}

fn walk(
    dir: &Path,
    judge: &Judge,
    boundary: &Arc<Boundary>,
    found: &mut Targets,
) -> Result<(), ConfigError> {
    // The walker's filter cannot return an error: the first one is kept here and ends the walk.
    let failure: Arc<Mutex<Option<ConfigError>>> = Arc::default();
    let filter_judge = judge.clone();
    let filter_failure = Arc::clone(&failure);
    let excluded: Arc<Mutex<Vec<Excluded>>> = Arc::default();
    let filter_excluded = Arc::clone(&excluded);
    let walker = WalkBuilder::new(dir)
        .require_git(false)
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let absolute = filter_judge.absolute(entry.path());
            let folder = absolute.parent().unwrap_or(&absolute);
            let settings = match filter_judge.folder(folder) {
                Ok(settings) => settings,
                Err(err) => {
                    let mut slot = filter_failure.lock().unwrap_or_else(|e| e.into_inner());
                    slot.get_or_insert(err);
                    return false;
                }
            };
            if let Some(reason) = settings.exclude.reason(&absolute, is_dir) {
                let mut list = filter_excluded.lock().unwrap_or_else(|e| e.into_inner());
                list.push(Excluded {
                    path: entry.path().to_owned(),
                    is_dir,
                    reason,
                });
                return false;
            }
            is_dir
                || absolute
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| settings.extensions.iter().any(|x| x == e))
        })
        .build();
    for entry in walker {
        if let Some(err) = failure.lock().unwrap_or_else(|e| e.into_inner()).take() {
            return Err(err);
        }
        match entry {
            Ok(entry) => {
                if entry.depth() > 0 && entry.file_type().is_some_and(|t| t.is_file()) {
                    let settings = judge.file(entry.path(), boundary)?;
                    found.files.push(Target {
                        path: entry.into_path(),
                        settings,
                    });
                }
            }
            Err(err) => {
                let path = match &err {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => dir.to_owned(),
                };
                found.errors.push(DiscoveryError {
                    path,
                    message: err.to_string(),
                });
            }
        }
    }
    if let Some(err) = failure.lock().unwrap_or_else(|e| e.into_inner()).take() {
        return Err(err);
    }
    found
        .excluded
        .append(&mut excluded.lock().unwrap_or_else(|e| e.into_inner()));
    Ok(())
}
