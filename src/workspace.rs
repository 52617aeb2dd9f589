//! Which settings each file gets: the nearest `postlint.toml` above it (with the files it
//! `extend`s), its matching `[[overrides]]` and `[per-file-ignores]`, and the command line.
//!
//! Lookups are cached: the nearest config once per folder, each config chain loaded once, and
//! one `Settings` per chain and set of matching entries, so ten thousand posts under one config
//! resolve a handful of times.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::boundary::{root_around, run_root, Boundary};
use crate::config::file::FILE_NAME;
use crate::config::{Applied, CliOverrides, ConfigChain, ConfigError};
use crate::settings::Settings;

/// Where the config comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigChoice {
    /// Each file's nearest `postlint.toml`; files under none get the working directory's.
    Nearest,
    /// `--config FILE`: this one (and what it extends) for every file.
    File(PathBuf),
    /// `--no-config`: the defaults.
    Ignore,
}

#[derive(Debug)]
pub struct Workspace {
    cwd: PathBuf,
    cli: CliOverrides,
    choice: ConfigChoice,
    /// The chain for files under no config: the working directory's, or `--config`.
    fallback: Option<usize>,
    /// The repository root of the run: nothing outside it is read.
    boundary: Arc<Boundary>,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Folder -> the chain of its nearest config (`None`: no config above it).
    folders: HashMap<PathBuf, Option<usize>>,
    chains: Vec<Arc<ConfigChain>>,
    chain_of_file: HashMap<PathBuf, usize>,
    /// Keyed by the chain, the matching entries and the repository root.
    settings: HashMap<(Option<usize>, Applied, PathBuf), Arc<Settings>>,
}

impl Workspace {
    /// Loads (and checks) the config that applies to the working directory, or the named one.
    pub fn new(
        cwd: &Path,
        choice: ConfigChoice,
        cli: CliOverrides,
    ) -> Result<Workspace, ConfigError> {
        let mut workspace = Workspace {
            cwd: crate::schema::normalize(cwd),
            boundary: Arc::new(Boundary::new(cwd, cli.follow_symlinks_outside)),
            cli,
            choice: choice.clone(),
            fallback: None,
            state: Mutex::new(State::default()),
        };
        let fallback = match &choice {
            ConfigChoice::Ignore => None,
            ConfigChoice::File(path) => {
                let path = workspace.absolute(path);
                Some(workspace.chain(&mut workspace.lock(), &path)?)
            }
            ConfigChoice::Nearest => {
                let cwd = workspace.cwd.clone();
                workspace.nearest(&mut workspace.lock(), &cwd)?
            }
        };
        workspace.fallback = fallback;
        let config_file = fallback.map(|i| workspace.lock().chains[i].nearest().path.clone());
        workspace.boundary = Arc::new(Boundary::new(
            &run_root(&workspace.cwd, config_file.as_deref()),
            workspace.cli.follow_symlinks_outside,
        ));
        Ok(workspace)
    }

    /// The repository root of the run (see [`crate::boundary`]).
    pub fn boundary(&self) -> &Arc<Boundary> {
        &self.boundary
    }

    /// The boundary for a path named on the command line: the run's when the path lies inside
    /// it, else the path's own repository root (the user named that place; what is in it may
    /// still not lead out of it).
    pub fn boundary_for(&self, path: &Path) -> Arc<Boundary> {
        let absolute = self.absolute(path);
        if self.boundary.contains_lexically(&absolute) {
            return Arc::clone(&self.boundary);
        }
        let named = if absolute.is_dir() {
            absolute.clone()
        } else {
            absolute.parent().unwrap_or(&absolute).to_owned()
        };
        Arc::new(Boundary::new(
            &root_around(&named, &named),
            self.cli.follow_symlinks_outside,
        ))
    }

    /// The settings of the working directory's config (or the named one), no override applied:
    /// for options of the whole run and the commands that lint no file.
    pub fn root_settings(&self) -> Result<Arc<Settings>, ConfigError> {
        self.resolve(&mut self.lock(), self.fallback, Applied::default())
    }

    /// The settings for one file (a post, or the `--stdin-filename`).
    pub fn settings_for(&self, path: &Path) -> Result<Arc<Settings>, ConfigError> {
        self.settings_within(path, &self.boundary_for(path))
    }

    /// The settings for one file under a path named with `boundary` as its repository root
    /// (the run's, or the named path's own when it lies outside the run's).
    pub fn settings_within(
        &self,
        path: &Path,
        boundary: &Arc<Boundary>,
    ) -> Result<Arc<Settings>, ConfigError> {
        let path = self.absolute(path);
        let mut state = self.lock();
        let chain = self.chain_for_folder(&mut state, path.parent().unwrap_or(&path))?;
        let applied = match chain {
            Some(i) => state.chains[i].matching(&path),
            None => Applied::default(),
        };
        self.resolve_within(&mut state, chain, applied, boundary)
    }

    /// The settings for what lies in `folder` as far as walking goes (extensions, excludes).
    pub fn folder_settings(&self, folder: &Path) -> Result<Arc<Settings>, ConfigError> {
        let folder = self.absolute(folder);
        let mut state = self.lock();
        let chain = self.chain_for_folder(&mut state, &folder)?;
        self.resolve(&mut state, chain, Applied::default())
    }

    /// Whether the config where `path` stands excludes it (or a folder above it) from walks.
    pub fn excludes(&self, path: &Path, is_dir: bool) -> Result<bool, ConfigError> {
        let absolute = self.absolute(path);
        let settings = self.folder_settings(absolute.parent().unwrap_or(&absolute))?;
        Ok(settings.exclude.excludes(&absolute, is_dir))
    }

    /// What `postlint config PATH` prints: the settings of a file (its matching overrides
    /// applied) or of a folder (its top level, with the nearest config's overrides as entries),
    /// as one config. A path that does not exist is an error naming it.
    pub fn effective_config(
        &self,
        path: &Path,
    ) -> Result<crate::config::effective::EffectiveConfig, ConfigError> {
        use crate::config::effective::{effective, PathKind};
        let absolute = self.absolute(path);
        let metadata = std::fs::metadata(&absolute).map_err(|err| {
            ConfigError::Cli(if err.kind() == std::io::ErrorKind::NotFound {
                format!("{}: no such file or folder", path.display())
            } else {
                format!("{}: {err}", path.display())
            })
        })?;
        let (kind, folder) = if metadata.is_dir() {
            (PathKind::Folder, absolute.clone())
        } else {
            let parent = absolute.parent().unwrap_or(&absolute).to_owned();
            (PathKind::File, parent)
        };
        let boundary = self.boundary_for(path);
        let mut state = self.lock();
        let chain = self.chain_for_folder(&mut state, &folder)?;
        let applied = match (chain, kind) {
            (Some(i), PathKind::File) => state.chains[i].matching(&absolute),
            _ => Applied::default(),
        };
        let settings = self.resolve_within(&mut state, chain, applied.clone(), &boundary)?;
        let chain = chain.map(|i| Arc::clone(&state.chains[i]));
        Ok(effective(
            path,
            kind,
            chain.as_deref(),
            &applied,
            &settings,
            &self.cli,
        ))
    }

    /// `path` absolute, with `.` and `..` resolved against the working directory.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        crate::schema::normalize(&self.cwd.join(path))
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave a half-written entry: every insert is
        // one call. The state stays usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn chain_for_folder(
        &self,
        state: &mut State,
        folder: &Path,
    ) -> Result<Option<usize>, ConfigError> {
        match self.choice {
            ConfigChoice::Nearest => Ok(self.nearest(state, folder)?.or(self.fallback)),
            _ => Ok(self.fallback),
        }
    }

    /// The chain of the nearest config in `folder` or above, caching every folder on the way.
    fn nearest(&self, state: &mut State, folder: &Path) -> Result<Option<usize>, ConfigError> {
        let mut walked = Vec::new();
        let mut found = None;
        for dir in folder.ancestors() {
            if let Some(known) = state.folders.get(dir) {
                found = *known;
                break;
            }
            walked.push(dir.to_owned());
            let candidate = dir.join(FILE_NAME);
            if candidate.is_file() {
                found = Some(self.chain(state, &candidate)?);
                break;
            }
        }
        for dir in walked {
            state.folders.insert(dir, found);
        }
        Ok(found)
    }

    /// The chain of the config file at `path`, loaded and checked once.
    fn chain(&self, state: &mut State, path: &Path) -> Result<usize, ConfigError> {
        if let Some(&i) = state.chain_of_file.get(path) {
            return Ok(i);
        }
        let chain = ConfigChain::load(path)?;
        // Every override and per-file-ignores entry is checked now, whether or not a file
        // matches it: a typo in one is an error, not a silent no-op.
        Settings::resolve_chain(Some(&chain), &chain.everything(), &self.cli, &self.cwd)?;
        state.chains.push(Arc::new(chain));
        let i = state.chains.len() - 1;
        state.chain_of_file.insert(path.to_owned(), i);
        Ok(i)
    }

    fn resolve(
        &self,
        state: &mut State,
        chain: Option<usize>,
        applied: Applied,
    ) -> Result<Arc<Settings>, ConfigError> {
        let boundary = Arc::clone(&self.boundary);
        self.resolve_within(state, chain, applied, &boundary)
    }

    fn resolve_within(
        &self,
        state: &mut State,
        chain: Option<usize>,
        applied: Applied,
        boundary: &Arc<Boundary>,
    ) -> Result<Arc<Settings>, ConfigError> {
        let key = (chain, applied, boundary.root().to_owned());
        if let Some(settings) = state.settings.get(&key) {
            return Ok(settings.clone());
        }
        let mut settings = Settings::resolve_chain(
            chain.map(|i| state.chains[i].as_ref()),
            &key.1,
            &self.cli,
            &self.cwd,
        )?;
        settings.boundary = Some(Arc::clone(boundary));
        let settings = Arc::new(settings);
        state.settings.insert(key, settings.clone());
        Ok(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_with_the_same_matching_entries_share_one_settings() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("site/drafts")).unwrap();
        std::fs::write(
            root.join("site/postlint.toml"),
            "[[overrides]]\nfiles = [\"drafts/**\"]\nignore = [\"FM002\"]\n",
        )
        .unwrap();
        let ws = Workspace::new(root, ConfigChoice::Nearest, CliOverrides::default()).unwrap();
        let a = ws.settings_for(&root.join("site/a.md")).unwrap();
        let b = ws.settings_for(&root.join("site/b.md")).unwrap();
        let draft = ws.settings_for(&root.join("site/drafts/c.md")).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &draft));
        let on = |s: &Settings| s.rules.iter().any(|r| r.rule.code == "FM002");
        assert!(on(&a) && !on(&draft));
        assert_eq!(a.root, crate::schema::normalize(&root.join("site")));
        // The working directory has no config: the defaults, rooted there.
        let top = ws.root_settings().unwrap();
        assert_eq!(top.config_path, None);
        assert_eq!(ws.lock().chains.len(), 1, "the site's chain is loaded once");
    }
}
