//! `postlint config`: the settings that apply to a path, written back as one `postlint.toml`.
//!
//! The values come from the resolved [`Settings`] (so the defaults, every layer of the chain and
//! the command line are in them), except those that `Settings` holds only compiled (schemas,
//! collection and `[[html.allow]]` globs, CSS selectors), which are replayed from the layers as
//! the resolvers read them. Every rule is listed in `[rules]` with its severity or `"off"`: that
//! table beats every section switch, so the file gives the same rules whatever else it says.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use toml::Spanned;

use super::file::{
    CollectionSection, ConfigFile, CoversSection, DatesSection, FilesSection, HtmlAllowSection,
    HtmlDenySection, HtmlSection, LimitsSection, ReferrerSection, TemplatesSection,
};
use super::images::{ImagesSection, Level, ProxySection};
use super::layers::{layers, Layer};
use super::{Applied, CliOverrides, ConfigChain};
use crate::referrer::HostKind;
use crate::rules::RULES;
use crate::settings::Settings;

/// The configuration that applies to one path, as `postlint config` prints it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct EffectiveConfig {
    /// The file or folder asked about, as named.
    pub path: PathBuf,
    pub kind: PathKind,
    /// The config files it came from, lowest first (the base of an `extend` chain first).
    pub config_files: Vec<PathBuf>,
    /// The folder the paths and globs of `config` are relative to: the nearest config file's,
    /// else the working directory.
    pub root: PathBuf,
    /// The command-line options that changed settings, as they would be typed.
    pub command_line: Vec<String>,
    /// What the file cannot say exactly, one sentence each.
    pub notes: Vec<String>,
    /// The settings, in the shape of `postlint.toml`.
    pub config: ConfigFile,
}

impl EffectiveConfig {
    /// `config` as TOML, after a header of comments naming where it came from.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        let mut out = String::new();
        let kind = match self.kind {
            PathKind::File => "file",
            PathKind::Folder => "folder",
        };
        out.push_str(&format!(
            "# The configuration postlint uses for the {kind} `{}`.\n",
            self.path.display()
        ));
        if self.config_files.is_empty() {
            out.push_str("# No config file: the defaults.\n");
        } else {
            out.push_str("# From these config files, lowest first:\n");
            for file in &self.config_files {
                out.push_str(&format!("#   {}\n", file.display()));
            }
        }
        if !self.command_line.is_empty() {
            out.push_str(&format!(
                "# With the command line: {}\n",
                self.command_line.join(" ")
            ));
        }
        let but = if self.notes.is_empty() {
            ""
        } else {
            " (but for the notes below)"
        };
        out.push_str(&format!(
            "# Paths are relative to {}: saved there as postlint.toml, this gives the same settings{but}.\n",
            self.root.display()
        ));
        for note in &self.notes {
            out.push_str(&format!("# Note: {note}\n"));
        }
        out.push('\n');
        out.push_str(&toml::to_string(&self.config)?);
        Ok(out)
    }
}

/// Where the asked-about path stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PathKind {
    /// A folder: its top-level settings, with the `[[overrides]]` and `[per-file-ignores]` of
    /// the nearest config written out as they are (they apply per file).
    Folder,
    /// A file: its matching `[[overrides]]` and `[per-file-ignores]` already applied.
    File,
}

/// The effective configuration of `path`, from its chain (`None`: no config), the entries of
/// the chain that apply (`Applied::default()` for a folder), its resolved settings and the
/// command line.
pub fn effective(
    path: &Path,
    kind: PathKind,
    chain: Option<&ConfigChain>,
    applied: &Applied,
    settings: &Settings,
    cli: &CliOverrides,
) -> EffectiveConfig {
    let files = chain.map(|c| c.files()).unwrap_or_default();
    let layers = layers(&files, applied);
    let root = crate::schema::normalize(&settings.root);
    let mut notes = Vec::new();
    let place = |p: &Path| relative_to(&crate::schema::normalize(p), &root);

    let mut config = ConfigFile {
        max_warnings: settings.max_warnings,
        rules: Some(rule_table(settings)),
        files: Some(files_section(settings, &root, &mut notes)),
        limits: Some(LimitsSection {
            max_file_size: Some(settings.max_file_size),
            max_yaml_depth: Some(settings.limits.yaml.max_depth),
            max_alias_nodes: Some(settings.limits.yaml.max_alias_nodes),
            max_html_depth: Some(settings.limits.max_html_depth),
        }),
        dates: Some(DatesSection {
            keys: Some(settings.date_keys.clone()),
            portable: Some(settings.dates_portable),
        }),
        templates: Some(TemplatesSection {
            tags: Some(settings.template_tags.clone()),
        }),
        images: Some(images_section(settings, &place)),
        html: Some(html_section(settings, &layers, &root, &mut notes)),
        referrer: Some(ReferrerSection {
            default_policy: settings
                .referrer
                .default_policy
                .map(|p| spanned(p.as_str().to_owned())),
            hosts: Some(
                settings
                    .referrer
                    .hosts
                    .iter()
                    .map(|(host, kind)| (host.clone(), spanned(host_kind(*kind).to_owned())))
                    .collect(),
            ),
        }),
        covers: Some(CoversSection {
            keys: Some(settings.covers.keys.clone()),
            agree: Some(settings.covers.agree.clone()),
            in_body: settings.covers.in_body,
        }),
        baseline: settings.baseline.as_deref().map(|b| spanned(place(b))),
        ..ConfigFile::default()
    };
    schemas(&mut config, &layers, cli, &root, &mut notes);

    match kind {
        PathKind::File => {
            if chain.is_some_and(|c| {
                c.files()
                    .iter()
                    .any(|f| f.file.overrides.is_some() || f.file.per_file_ignores.is_some())
            }) {
                notes.push(format!(
                    "the [[overrides]] and [per-file-ignores] entries that match {} are applied above; the others are left out",
                    path.display()
                ));
            }
        }
        PathKind::Folder => {
            for file in &files {
                let nearest = chain.is_some_and(|c| std::ptr::eq(c.nearest(), *file));
                if nearest {
                    config.overrides = file.file.overrides.clone();
                    config.per_file_ignores = file.file.per_file_ignores.clone();
                } else if file.file.overrides.is_some() || file.file.per_file_ignores.is_some() {
                    notes.push(format!(
                        "the [[overrides]] and [per-file-ignores] of {} are left out (they apply per file: `postlint config FILE` shows a file's settings)",
                        file.path.display()
                    ));
                }
            }
            let cli_rules =
                !cli.extend_select.is_empty() || !cli.ignore.is_empty() || cli.select.is_some();
            if cli_rules && (config.overrides.is_some() || config.per_file_ignores.is_some()) {
                notes.push(
                    "the command line's rule options applied after [[overrides]] and [per-file-ignores]; here those entries come after them".into(),
                );
            }
        }
    }
    if cli.follow_symlinks_outside {
        notes.push("--follow-symlinks-outside is set only on the command line".into());
    }

    EffectiveConfig {
        path: path.to_owned(),
        kind,
        config_files: files.iter().map(|f| f.path.clone()).collect(),
        root,
        command_line: command_line(cli),
        notes,
        config,
    }
}

fn spanned<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

/// `path` relative to `root` when under it (`.` for the root itself), else as it is.
fn relative_to(path: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".into(),
        Ok(rel) => rel.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// A glob relative to `from`, made relative to `root`; `None` when `from` is not `root` or a
/// folder under it (a glob cannot be moved up).
fn rebase_glob(glob: &str, from: &Path, root: &Path) -> Option<String> {
    let from = crate::schema::normalize(from);
    let rel = from.strip_prefix(root).ok()?;
    if rel.as_os_str().is_empty() {
        return Some(glob.to_owned());
    }
    let rel = rel.to_string_lossy().replace('\\', "/");
    Some(format!("{rel}/{}", glob.trim_start_matches("./")))
}

/// Every rule of the registry, with its severity or `"off"`.
fn rule_table(settings: &Settings) -> BTreeMap<Spanned<String>, Spanned<String>> {
    RULES
        .iter()
        .map(|rule| {
            let level = settings
                .rules
                .iter()
                .find(|a| a.rule.code == rule.code)
                .map_or("off", |a| a.severity.as_str());
            (spanned(rule.code.to_owned()), spanned(level.to_owned()))
        })
        .collect()
}

fn files_section(settings: &Settings, root: &Path, notes: &mut Vec<String>) -> FilesSection {
    let ex = &settings.exclude;
    let exclude = ex.source.as_ref().map(|source| {
        if crate::schema::normalize(&ex.root) != root {
            notes.push(format!(
                "[files] exclude is relative to {}, where {} wrote it",
                ex.root.display(),
                source.display()
            ));
        }
        ex.globs.iter().cloned().map(spanned).collect()
    });
    FilesSection {
        extensions: Some(settings.extensions.clone()),
        exclude,
        default_excludes: Some(ex.defaults.is_some()),
    }
}

fn images_section(settings: &Settings, place: &dyn Fn(&Path) -> String) -> ImagesSection {
    let i = &settings.images;
    let level = |l: Level, strong: &str| {
        spanned(
            match l {
                Level::Allow => "allow",
                Level::Warn => "warn",
                Level::Error => strong,
            }
            .to_owned(),
        )
    };
    ImagesSection {
        front_matter_keys: Some(i.front_matter_keys.clone()),
        data_urls: Some(level(i.data_urls, "error")),
        allow_hosts: Some(i.allow_hosts.clone()),
        deny_hosts: Some(i.deny_hosts.clone()),
        placeholder_hosts: Some(i.placeholder_hosts.clone()),
        proxies: Some(level(i.proxies, "forbid")),
        proxy: Some(
            i.proxy_patterns
                .iter()
                .map(|p| ProxySection {
                    host: p.host.clone(),
                    param: p.param.clone(),
                })
                .collect(),
        ),
        static_dirs: Some(i.static_dirs.iter().map(|d| place(d)).collect()),
        https_site: Some(i.https_site),
    }
}

fn html_section(
    settings: &Settings,
    layers: &[Layer<'_>],
    root: &Path,
    notes: &mut Vec<String>,
) -> HtmlSection {
    let deny = settings
        .html
        .deny
        .iter()
        .map(|d| HtmlDenySection {
            name: d.name.clone(),
            selector: spanned(d.selector_text.clone()),
            message: d.message.clone(),
            severity: d.severity.map(|s| spanned(s.as_str().to_owned())),
            attribute: d.attribute.clone(),
        })
        .collect();
    // The last layer that sets `[[html.allow]]` decides it, as the resolver reads it.
    let allow = layers
        .iter()
        .rev()
        .find_map(|l| Some((l, l.html?.allow.as_ref()?)))
        .map(|(layer, list)| {
            list.iter()
                .map(|entry| HtmlAllowSection {
                    selector: entry.selector.clone(),
                    files: entry.files.as_ref().map(|globs| {
                        spanned(rebased(
                            globs.get_ref(),
                            layer,
                            root,
                            "[[html.allow]]",
                            notes,
                        ))
                    }),
                    rules: entry.rules.clone(),
                })
                .collect()
        });
    HtmlSection {
        allow_iframe_hosts: Some(
            settings
                .html
                .iframe_hosts
                .iter()
                .cloned()
                .map(spanned)
                .collect(),
        ),
        deny: Some(deny),
        allow,
    }
}

/// Globs `layer`'s file wrote, relative to `root`; as written (and a note) when they cannot be.
fn rebased(
    globs: &[Spanned<String>],
    layer: &Layer<'_>,
    root: &Path,
    what: &str,
    notes: &mut Vec<String>,
) -> Vec<Spanned<String>> {
    let dir = layer.config.dir();
    let moved: Option<Vec<String>> = globs
        .iter()
        .map(|g| rebase_glob(g.get_ref(), dir, root))
        .collect();
    match moved {
        Some(list) => list.into_iter().map(spanned).collect(),
        None => {
            notes.push(format!(
                "the {what} globs of {} are relative to its folder",
                layer.config.path.display()
            ));
            globs.to_vec()
        }
    }
}

/// A schema named by a layer: a preset, or a file (absolute).
enum Source {
    Preset(String),
    File(PathBuf),
}

/// The schemas over the layers, as `settings::resolve_schemas` reads them: the top-level
/// `preset`/`schema` and `[[collections]]`, or the schema an override forces.
fn schemas(
    config: &mut ConfigFile,
    layers: &[Layer<'_>],
    cli: &CliOverrides,
    root: &Path,
    notes: &mut Vec<String>,
) {
    let named =
        |layer: &Layer<'_>, preset: Option<&Spanned<String>>, schema: Option<&Spanned<String>>| {
            match (preset, schema) {
                (Some(p), _) => Some(Source::Preset(p.get_ref().clone())),
                (None, Some(s)) => Some(Source::File(crate::schema::normalize(
                    &layer.config.dir().join(s.get_ref()),
                ))),
                (None, None) => None,
            }
        };
    let mut default = None;
    let mut forced = None;
    let mut collections = Vec::new();
    for layer in layers {
        if let Some(source) = named(layer, layer.preset, layer.schema) {
            if layer.top.is_some() {
                default = Some(source);
                forced = None;
            } else {
                forced = Some(source);
            }
        }
        let Some(entries) = layer.top.and_then(|t| t.collections.as_ref()) else {
            continue;
        };
        forced = None;
        collections = entries
            .iter()
            .map(|entry| {
                let source = named(layer, entry.preset.as_ref(), entry.schema.as_ref());
                let files = rebased(entry.files.get_ref(), layer, root, "collections", notes);
                (files, source)
            })
            .collect();
    }
    if let Some(name) = &cli.preset {
        default = Some(Source::Preset(name.clone()));
    }
    if forced.is_some() {
        default = forced;
        collections = Vec::new();
    }
    let write = |source: Option<Source>| match source {
        Some(Source::Preset(name)) => (Some(spanned(name)), None),
        Some(Source::File(path)) => (None, Some(spanned(relative_to(&path, root)))),
        None => (None, None),
    };
    (config.preset, config.schema) = write(default);
    if !collections.is_empty() {
        config.collections = Some(
            collections
                .into_iter()
                .map(|(files, source)| {
                    let (preset, schema) = write(source);
                    CollectionSection {
                        files: spanned(files),
                        schema,
                        preset,
                    }
                })
                .collect(),
        );
    }
}

fn host_kind(kind: HostKind) -> &'static str {
    match kind {
        HostKind::RefusesForeign => "refuses-foreign",
        HostKind::RequiresReferer => "requires-referer",
        HostKind::Any => "any",
    }
}

/// The options of `cli` as they would be typed.
fn command_line(cli: &CliOverrides) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(preset) = &cli.preset {
        out.push(format!("--preset {preset}"));
    }
    if let Some(select) = &cli.select {
        out.push(format!("--select {}", select.join(",")));
    }
    if !cli.extend_select.is_empty() {
        out.push(format!("--extend-select {}", cli.extend_select.join(",")));
    }
    if !cli.ignore.is_empty() {
        out.push(format!("--ignore {}", cli.ignore.join(",")));
    }
    if let Some(n) = cli.max_warnings {
        out.push(format!("--max-warnings {n}"));
    }
    if cli.follow_symlinks_outside {
        out.push("--follow-symlinks-outside".into());
    }
    out
}
