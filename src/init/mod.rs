//! `postlint init`: a first `postlint.toml` for the site in a folder, from what its generator's
//! files say. The library decides and writes; the command prints.

mod template;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::config::file::FILE_NAME;
use crate::generator::{detect, read_site_config, Site, SiteConfig};

/// What `init` found in a folder and the config it would write there.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Where the config goes: `DIR/postlint.toml`.
    pub path: PathBuf,
    pub site: Option<Site>,
    /// The generator's config, when the site keeps one that parses.
    pub site_config: Option<SiteConfig>,
    /// Why the generator's config could not be read (the config is written without it).
    pub site_config_error: Option<String>,
    pub text: String,
}

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{}: not a directory", .0.display())]
    NotADirectory(PathBuf),
    #[error("{} exists already; `postlint init --force` overwrites it", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {message}", path.display())]
    Write { path: PathBuf, message: String },
}

/// Looks at `dir` and renders the config for it; nothing is written.
pub fn plan(dir: &Path) -> Result<Plan, InitError> {
    if !dir.is_dir() {
        return Err(InitError::NotADirectory(dir.to_owned()));
    }
    let site = detect(dir);
    let (site_config, site_config_error) = match site.as_ref().map(read_site_config) {
        Some(Ok(config)) => (config, None),
        Some(Err(err)) => (None, Some(err)),
        None => (None, None),
    };
    let text = template::render(
        site.as_ref(),
        site_config.as_ref(),
        site_config_error.as_deref(),
    );
    Ok(Plan {
        path: dir.join(FILE_NAME),
        site,
        site_config,
        site_config_error,
        text,
    })
}

/// Writes the planned config; an existing one is kept unless `force`.
pub fn write(plan: &Plan, force: bool) -> Result<(), InitError> {
    let failed = |err: std::io::Error| InitError::Write {
        path: plan.path.clone(),
        message: crate::lint::io_reason(&err),
    };
    // `create_new` rather than a check first: a config that appears meanwhile is not lost.
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let file = options.open(&plan.path);
    let mut file = match file {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(InitError::Exists(plan.path.clone()))
        }
        Err(err) => return Err(failed(err)),
    };
    file.write_all(plan.text.as_bytes()).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{load, CliOverrides};
    use crate::test_support::tree as site;
    use crate::Settings;

    /// The written file loads and resolves as postlint would use it.
    fn settings_of(plan: &Plan) -> Settings {
        let config = load(&plan.path).unwrap_or_else(|e| panic!("{e}\n{}", plan.text));
        Settings::resolve(Some(&config), &CliOverrides::default(), config.dir())
            .unwrap_or_else(|e| panic!("{e}\n{}", plan.text))
    }

    #[test]
    fn a_hexo_site_gets_its_preset_scheme_and_excludes() {
        let dir = site(&[
            (
                "_config.yml",
                "url: http://blog.example.com\npermalink: :year/:title/\nnew_post_name: :title.md\n",
            ),
            ("scaffolds/post.md", ""),
        ]);
        let plan = plan(dir.path()).unwrap();
        write(&plan, false).unwrap();
        assert!(plan.text.contains("preset = \"hexo\""), "{}", plan.text);
        assert!(plan.text.contains("\"http://blog.example.com\""));
        assert!(plan.text.contains("\":year/:title/\""));
        let settings = settings_of(&plan);
        assert!(!settings.images.https_site);
        assert_eq!(
            settings.exclude.globs,
            vec!["/scaffolds/", "/themes/", "/node_modules/", "/public/"]
        );
        assert_eq!(
            settings.schemas.default.as_ref().map(|s| s.name.as_str()),
            Some("preset hexo")
        );
    }

    #[test]
    fn an_existing_config_is_kept_unless_forced() {
        let dir = site(&[("hugo.toml", "baseURL = 'https://x.org/'\n")]);
        std::fs::write(dir.path().join(FILE_NAME), "# mine\n").unwrap();
        let plan = plan(dir.path()).unwrap();
        assert!(matches!(write(&plan, false), Err(InitError::Exists(_))));
        assert_eq!(
            std::fs::read_to_string(&plan.path).unwrap(),
            "# mine\n",
            "kept"
        );
        write(&plan, true).unwrap();
        assert!(settings_of(&plan).images.https_site);
        assert!(std::fs::read_to_string(&plan.path)
            .unwrap()
            .contains("preset = \"hugo\""));
    }

    #[test]
    fn an_unknown_folder_gets_a_generic_file_that_loads() {
        let dir = site(&[("notes/a.md", "")]);
        let plan = plan(dir.path()).unwrap();
        assert!(plan.site.is_none());
        write(&plan, false).unwrap();
        let settings = settings_of(&plan);
        assert!(settings.schemas.is_empty());
        assert!(plan.text.contains("No Hexo, Jekyll or Hugo site"));
    }

    #[test]
    fn a_broken_generator_config_is_reported_and_the_file_still_written() {
        let dir = site(&[("_config.yml", "url: [\n"), ("_posts/a.md", "")]);
        let plan = plan(dir.path()).unwrap();
        let err = plan.site_config_error.clone().unwrap();
        assert!(err.contains("_config.yml:"), "{err}");
        write(&plan, false).unwrap();
        assert!(settings_of(&plan).schemas.default.is_some());
        assert!(plan.text.contains("could not be read"), "{}", plan.text);
    }
}
