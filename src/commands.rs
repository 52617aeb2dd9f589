//! Runs the commands and writes their output; the only place that prints.
#![allow(clippy::print_stderr)]

/// `println!` panics when the reader goes away (`postlint rules | head -1`); a closed pipe just
/// ends the output.
macro_rules! outln {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

macro_rules! out {
    ($($arg:tt)*) => {{
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::CommandFactory;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use postlint::baseline::{Baseline, PathAnchor};
use postlint::config::files::ExcludeReason;
use postlint::config::{CliOverrides, ConfigError};
use postlint::diagnostic::Applicability;
use postlint::fix::{self, FixMode, Fixed};
use postlint::render::{
    fixable_line, formatter, statistics, summary_line, FormatKind, Style, Tally, Totals,
};
use postlint::rules::{lookup, RULES};
use postlint::{discover, lint, FileReport, Severity};
use postlint::{ConfigChoice, Settings, Workspace};

use crate::cli::{
    CheckArgs, ColorChoice, Command, ConfigArgs, ConfigCmdArgs, ConfigFormat, ManArgs, RuleArgs,
    ShowFiles,
};

const EXIT_OK: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_TOOL: u8 = 2;
/// Files linted and reported together when a check streams its report: enough to keep both
/// cores busy, few enough that the posts held at once stay a few megabytes.
const BATCH: usize = 256;
/// Rules the summary line names, when a run has more than this many findings.
const TOP_RULES: usize = 3;
const NAME_TOP_RULES_ABOVE: usize = 10;

pub fn run(command: Command) -> u8 {
    match command {
        Command::Check(args) => check(*args),
        Command::Init { dir, force } => init(&dir, force),
        Command::Rules(args) => rules(&args),
        Command::Rule { rule } => rule_docs(&rule),
        Command::Schema { preset } => print_schema(&preset),
        Command::Inspect { file } => inspect(&file),
        Command::Completions { shell } => {
            let mut cmd = crate::cli::Cli::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "postlint", &mut script);
            let _ = std::io::stdout().write_all(&script);
            EXIT_OK
        }
        Command::Config(args) => show_config(&args),
        Command::Man(args) => man(&args),
    }
}

/// The config in use: each file's nearest, the named one, or none.
fn workspace(args: &ConfigArgs, cli: &CliOverrides) -> Result<Arc<Workspace>, ConfigError> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let choice = match (&args.config, args.no_config) {
        (Some(path), _) => ConfigChoice::File(path.clone()),
        (None, true) => ConfigChoice::Ignore,
        (None, false) => ConfigChoice::Nearest,
    };
    Workspace::new(&cwd, choice, cli.clone()).map(Arc::new)
}

/// The settings of the working directory's config, as `rules` and run-wide options use them.
fn load_settings(args: &ConfigArgs, cli: &CliOverrides) -> Result<Arc<Settings>, ConfigError> {
    workspace(args, cli)?.root_settings()
}

fn print_config_error(err: &ConfigError, color: bool) {
    match err {
        ConfigError::Invalid {
            path,
            text,
            span,
            message,
        } => {
            let report = miette::miette!(
                labels = vec![LabeledSpan::at(span.clone(), "here")],
                code = "config",
                "invalid config: {message}"
            )
            .with_source_code(NamedSource::new(path.display().to_string(), text.clone()));
            let mut out = String::new();
            let handler = GraphicalReportHandler::new_themed(theme(color)).with_links(false);
            let _ = handler.render_report(&mut out, report.as_ref());
            eprint!("{out}");
        }
        other => eprintln!("postlint: {other}"),
    }
}

fn theme(color: bool) -> GraphicalTheme {
    if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    }
}

/// Colour for messages on stderr: `--color`, else a terminal without `NO_COLOR`.
fn stderr_color(choice: ColorChoice) -> bool {
    colored(choice, std::io::stderr().is_terminal())
}

fn use_color(choice: ColorChoice) -> bool {
    colored(choice, std::io::stdout().is_terminal())
}

fn colored(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn check(args: CheckArgs) -> u8 {
    let overrides = CliOverrides {
        max_warnings: args.max_warnings,
        follow_symlinks_outside: args.follow_symlinks_outside,
        ..args.rules.overrides()
    };
    let (workspace, settings) =
        match workspace(&args.config, &overrides).and_then(|w| w.root_settings().map(|s| (w, s))) {
            Ok(found) => found,
            Err(err) => {
                print_config_error(&err, stderr_color(args.color));
                return EXIT_TOOL;
            }
        };
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let baseline_path = match (&args.baseline, args.no_baseline) {
        (Some(path), _) => Some(path.clone()),
        (None, true) => None,
        (None, false) => settings.baseline.clone(),
    };
    // A baseline named by the config is content of the repository: it is read only inside it.
    if let (Some(path), None, false) = (&baseline_path, &args.baseline, args.no_baseline) {
        let boundary = workspace.boundary();
        let absolute = workspace.absolute(path);
        if !boundary.contains_lexically(&absolute)
            || boundary.resolve(&absolute) == postlint::boundary::Resolved::Outside
        {
            eprintln!(
                "postlint: the config's baseline {} is outside the repository ({}); postlint reads nothing outside it",
                path.display(),
                boundary.root().display()
            );
            return EXIT_TOOL;
        }
    }
    // A broken baseline stops the run before linting; when rewriting, it is only replaced.
    let baseline = match (&baseline_path, &args.write_baseline) {
        (Some(path), None) => match Baseline::load(path) {
            Ok(b) => Some((b, PathAnchor::new(&cwd, path))),
            Err(err) => {
                eprintln!("postlint: {err}");
                return EXIT_TOOL;
            }
        },
        _ => None,
    };
    if let Some(n) = args.threads {
        // Fails only if a pool exists already, which cannot happen before the first lint.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }

    // `--output concise` means a format, not a file named `concise`: refuse before writing it.
    if let Some(path) = &args.output {
        let name = path.to_string_lossy();
        let format = <postlint::render::FormatKind as clap::ValueEnum>::value_variants()
            .iter()
            .filter_map(clap::ValueEnum::to_possible_value)
            .find(|v| v.matches(&name, false));
        if let Some(format) = format {
            eprintln!(
                "postlint: --output takes a file to write the report to, and `{name}` is the name of a format; \
                 use `--format {}` (or `--output ./{name}` for a file of that name)",
                format.get_name()
            );
            return EXIT_TOOL;
        }
    }
    let (stdin, paths): (Vec<_>, Vec<_>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.as_os_str() == "-");
    let found = match discover::discover_targets(&paths, &workspace, args.force_exclude) {
        Ok(found) => found,
        Err(err) => {
            print_config_error(&err, stderr_color(args.color));
            return EXIT_TOOL;
        }
    };
    let mode = if args.unsafe_fixes {
        FixMode::Unsafe
    } else {
        FixMode::Safe
    };
    let fixing = args.fix || args.diff;
    if args.fix && !args.diff && !stdin.is_empty() {
        eprintln!(
            "postlint: --fix cannot write back to standard input; use --diff to see the fixes"
        );
        return EXIT_TOOL;
    }
    // With --force-exclude, input named as an excluded file is read (so the writer is not cut
    // off) and not linted, as a file named on the command line would be skipped.
    let stdin_excluded = match &args.stdin_filename {
        Some(name) if args.force_exclude && !stdin.is_empty() => {
            match workspace.excludes(Path::new(name), false) {
                Ok(excluded) => excluded,
                Err(err) => {
                    print_config_error(&err, stderr_color(args.color));
                    return EXIT_TOOL;
                }
            }
        }
        _ => false,
    };
    let stdin = if stdin_excluded {
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        Vec::new()
    } else {
        stdin
    };
    let mut fixed: Vec<Fixed> = Vec::new();
    if !stdin.is_empty() {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".into());
        // Input named with --stdin-filename gets the settings of a file at that place.
        let stdin_settings = match &args.stdin_filename {
            Some(name) => match workspace.settings_for(Path::new(name)) {
                Ok(s) => s,
                Err(err) => {
                    print_config_error(&err, stderr_color(args.color));
                    return EXIT_TOOL;
                }
            },
            None => settings.clone(),
        };
        let mut bytes = Vec::new();
        let report = match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => lint::lint_bytes(&name, &bytes, &stdin_settings),
            Err(err) => FileReport::failure(
                postlint::source::SourceFile::new(name, ""),
                0..0,
                format!("cannot read standard input: {err}"),
            ),
        };
        fixed.push(if fixing {
            fix::fix_report(report, &stdin_settings, mode)
        } else {
            unfixed(report)
        });
    }
    if let Some(how) = args.show_files {
        match how {
            ShowFiles::List => {
                for file in &found.files {
                    outln!("{}", file.path.display());
                }
            }
            ShowFiles::Why => show_files_why(&found, &cwd),
        }
        return if found.errors.is_empty() {
            EXIT_OK
        } else {
            EXIT_TOOL
        };
    }
    // A plain check reports each batch of files as soon as it is linted and drops their text,
    // so memory stays flat on a site of any size; fixing, diffs and a new baseline need every
    // file first.
    let streaming = !fixing && !args.diff && args.write_baseline.is_none();
    if fixing {
        fixed.extend(fix::fix_targets(&found.files, mode, !args.diff));
    } else if !streaming {
        fixed.extend(lint::lint_targets(&found.files).into_iter().map(unfixed));
    }
    if args.diff {
        return print_diffs(&fixed, &found.errors, mode);
    }
    let applied: usize = fixed.iter().map(|f| f.applied).sum();
    let files_fixed = fixed.iter().filter(|f| f.original.is_some()).count();
    let first: Vec<FileReport> = fixed.into_iter().map(|f| f.report).collect();
    if let Some(target) = &args.write_baseline {
        let old = Baseline::load(baseline_path.as_deref().unwrap_or(target)).ok();
        return write_baseline(
            target,
            old.as_ref(),
            &first,
            &found.errors,
            &cwd,
            args.quiet,
        );
    }

    let color = use_color(args.color);
    let style = Style {
        color,
        links: color,
        width: terminal_width(),
        unsafe_fixes: args.unsafe_fixes,
        group: !args.no_group,
    };
    let mut format = formatter(args.format, style);
    let mut tool_error = false;
    let mut sink = match ReportSink::open(args.output.as_deref()) {
        Ok(sink) => sink,
        Err(err) => {
            tool_error = true;
            eprintln!("postlint: {err}");
            ReportSink::discard()
        }
    };
    let mut applier = baseline.map(|(b, anchor)| b.applier(anchor));
    let mut totals = Totals::default();
    let mut tally = Tally::default();
    let mut saw_not_checked = false;
    let later = found
        .files
        .chunks(BATCH)
        .filter(|_| streaming)
        .map(lint::lint_targets);
    for mut batch in std::iter::once(first).chain(later) {
        for report in &mut batch {
            if let Some(applier) = &mut applier {
                applier.apply(report);
            }
            totals.add(report);
            tally.add(report);
            saw_not_checked |= report
                .diagnostics
                .iter()
                .any(|d| d.code == lint::NOT_CHECKED);
        }
        sink.write(&format.files(&batch));
    }
    if let Some(applier) = applier {
        let applied = applier.finish();
        totals.baselined = applied.baselined;
        if applied.stale > 0 && !args.quiet {
            let (what, verb) = if applied.stale == 1 {
                ("finding", "occurs")
            } else {
                ("findings", "occur")
            };
            eprintln!(
                "postlint: {} baselined {what} no longer {verb}; `--write-baseline` drops them",
                applied.stale
            );
        }
    }
    let overview = tally.finish();
    sink.write(&format.finish(&totals, &overview));
    let written = sink.written;
    if let Err(err) = sink.close() {
        tool_error = true;
        eprintln!("postlint: {err}");
    }
    let mut out = std::io::stdout().lock();
    // Machine formats on stdout stay parseable: anything else goes to stderr then.
    let human_stdout = args.output.is_some() || format.wants_summary();
    if args.statistics {
        let table = statistics(&overview);
        if human_stdout {
            let _ = out.write_all(table.as_bytes());
        } else {
            eprint!("{table}");
        }
    }
    // Paths that all failed to be found: their errors are the whole answer.
    let nothing_to_report = totals.files == 0 && !found.errors.is_empty();
    let over_max_warnings = settings
        .max_warnings
        .filter(|&max| totals.warnings > max && !args.exit_zero);
    if !args.quiet && !nothing_to_report {
        let mut lines = Vec::new();
        if args.fix && applied == 0 {
            lines.push("Nothing was fixed.".to_owned());
        } else if args.fix {
            lines.push(format!(
                "Fixed {} in {}.",
                count(applied, "finding"),
                count(files_fixed, "file")
            ));
        }
        // A handful of findings is read one by one; past that, the rules found most say where
        // to start. A rule found once is not a pattern worth naming.
        let many = totals.errors + totals.warnings + totals.infos > NAME_TOP_RULES_ABOVE;
        let top: Vec<(&str, usize)> = overview
            .top_rules(if many { TOP_RULES } else { 0 })
            .iter()
            .filter(|r| r.count > 1)
            .map(|r| (r.code, r.count))
            .collect();
        lines.push(summary_line(&totals, &top));
        lines.extend(fixable_line(&totals, args.unsafe_fixes));
        if args.format == FormatKind::Html && !tool_error {
            let place = args
                .output
                .as_ref()
                .map_or("stdout".to_owned(), |p| p.display().to_string());
            lines.push(format!(
                "Wrote the HTML report to {place} ({}).",
                size(written)
            ));
        }
        if let Some(max) = over_max_warnings {
            lines.push(format!(
                "Failed: {}, more than --max-warnings {max}.",
                count(totals.warnings, "warning")
            ));
        }
        for line in lines {
            if human_stdout {
                let _ = writeln!(out, "{line}");
            } else {
                eprintln!("{line}");
            }
        }
    }
    let _ = out.flush();
    for err in &found.errors {
        eprintln!("postlint: {}: {}", err.path.display(), err.message);
    }
    if found.files.is_empty() && stdin.is_empty() && !stdin_excluded && found.errors.is_empty() {
        eprintln!(
            "postlint: no posts found (looked for {})",
            settings
                .extensions
                .iter()
                .map(|e| format!("*.{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }

    if tool_error || totals.not_checked > 0 || !found.errors.is_empty() || saw_not_checked {
        EXIT_TOOL
    } else if args.exit_zero {
        EXIT_OK
    } else if totals.errors > 0
        || settings
            .max_warnings
            .is_some_and(|max| totals.warnings > max)
    {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// `--show-files=why`: every path in or out, in path order, each exclusion with its cause.
fn show_files_why(found: &discover::Targets, cwd: &Path) {
    let mut lines: Vec<(&Path, String)> = found
        .files
        .iter()
        .map(|f| (f.path.as_path(), format!("linted    {}", f.path.display())))
        .collect();
    for ex in &found.excluded {
        let slash = if ex.is_dir { "/" } else { "" };
        let why = match &ex.reason {
            ExcludeReason::Config { config, glob } => {
                format!("{} [files] exclude \"{glob}\"", shown(config, cwd))
            }
            ExcludeReason::Default(d) => format!(
                "default exclude {} for a {} site at {}",
                d.pattern,
                d.generator.name(),
                shown(&d.site, cwd)
            ),
        };
        lines.push((
            ex.path.as_path(),
            format!("excluded  {}{slash}  ({why})", ex.path.display()),
        ));
    }
    lines.sort_by(|a, b| a.0.cmp(b.0));
    for (_, line) in lines {
        outln!("{line}");
    }
}

/// `path` relative to the working directory when it is under it (`.` for the directory itself).
fn shown(path: &Path, cwd: &Path) -> String {
    let cwd = postlint::internals::schema::normalize(cwd);
    match path.strip_prefix(&cwd) {
        Ok(rel) if rel.as_os_str().is_empty() => ".".into(),
        Ok(rel) => rel.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// A report that `--fix` did not touch.
fn unfixed(report: FileReport) -> Fixed {
    Fixed {
        report,
        original: None,
        applied: 0,
    }
}

/// A PL000 finding is also how a fix that could not be written is reported.
/// `--diff`: the diffs on stdout, what they amount to on stderr; exit 1 when there is a fix.
fn print_diffs(
    fixed: &[Fixed],
    errors: &[postlint::discover::DiscoveryError],
    mode: FixMode,
) -> u8 {
    let mut out = std::io::stdout().lock();
    let mut files = 0;
    for diff in fixed.iter().filter_map(Fixed::diff) {
        files += 1;
        let _ = out.write_all(diff.as_bytes());
    }
    let _ = out.flush();
    let applied: usize = fixed.iter().map(|f| f.applied).sum();
    let reports: Vec<FileReport> = fixed.iter().map(|f| f.report.clone()).collect();
    let totals = Totals::of(&reports);
    eprintln!(
        "Would fix {} in {}.",
        count(applied, "finding"),
        count(files, "file")
    );
    if mode == FixMode::Safe && totals.fixable_unsafe > 0 {
        eprintln!("{} more with `--unsafe-fixes`.", totals.fixable_unsafe);
    }
    for r in reports.iter().filter(|r| r.not_checked) {
        if let Some(d) = r.diagnostics.first() {
            eprintln!("postlint: {}: {}", r.name(), d.message);
        }
    }
    for err in errors {
        eprintln!("postlint: {}: {}", err.path.display(), err.message);
    }
    if totals.not_checked > 0 || !errors.is_empty() {
        EXIT_TOOL
    } else if files > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// `--write-baseline`: records what this run would report, unless some file could not be
/// checked (its findings would be missing and come back as new ones).
fn write_baseline(
    target: &Path,
    old: Option<&Baseline>,
    reports: &[FileReport],
    errors: &[discover::DiscoveryError],
    cwd: &Path,
    quiet: bool,
) -> u8 {
    let failed: Vec<&FileReport> = reports.iter().filter(|r| r.not_checked).collect();
    if !failed.is_empty() || !errors.is_empty() {
        for r in &failed {
            for d in &r.diagnostics {
                eprintln!("postlint: {}: {}", r.name(), d.message);
            }
        }
        for err in errors {
            eprintln!("postlint: {}: {}", err.path.display(), err.message);
        }
        eprintln!(
            "postlint: baseline {} not written: {} could not be checked",
            target.display(),
            if failed.len() + errors.len() == 1 {
                "1 file".to_owned()
            } else {
                format!("{} files", failed.len() + errors.len())
            }
        );
        return EXIT_TOOL;
    }
    let anchor = PathAnchor::new(cwd, target);
    let mut baseline = Baseline::from_reports(reports, &anchor);
    if let Some(old) = old {
        baseline.keep_unlinted(old, reports, &anchor);
    }
    if let Err(err) = baseline.write(target) {
        eprintln!("postlint: {err}");
        return EXIT_TOOL;
    }
    if !quiet {
        let change = old.map_or(String::new(), |old| match baseline.change_from(old) {
            c if c.added + c.dropped == 0 => " (no change)".to_owned(),
            c => format!(
                " ({} new, {} dropped as no longer found)",
                c.added, c.dropped
            ),
        });
        outln!(
            "Recorded {} in {} in {}{change}.",
            count(baseline.len(), "finding"),
            count(baseline.files(), "file"),
            target.display()
        );
    }
    EXIT_OK
}

/// Where the report goes: stdout, or the `--output` file, written batch by batch.
struct ReportSink {
    out: Box<dyn Write>,
    path: Option<PathBuf>,
    /// Bytes written so far.
    written: usize,
    /// The first write error, reported once at the end.
    error: Option<std::io::Error>,
}

impl ReportSink {
    fn open(path: Option<&Path>) -> Result<ReportSink, String> {
        let out: Box<dyn Write> = match path {
            Some(path) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(path)
                    .map_err(|err| format!("cannot write {}: {err}", path.display()))?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout())),
        };
        Ok(ReportSink {
            out,
            path: path.map(Path::to_path_buf),
            written: 0,
            error: None,
        })
    }

    fn discard() -> ReportSink {
        ReportSink {
            out: Box::new(std::io::sink()),
            path: None,
            written: 0,
            error: None,
        }
    }

    fn write(&mut self, text: &str) {
        self.written += text.len();
        if self.error.is_none() {
            if let Err(err) = self.out.write_all(text.as_bytes()) {
                self.error = Some(err);
            }
        }
    }

    /// Flushes; an error writing the `--output` file is the run's failure (on stdout, a reader
    /// that went away, as `| head` does, is not).
    fn close(mut self) -> Result<(), String> {
        let flushed = self.out.flush();
        let error = self.error.take().or(flushed.err());
        match (error, &self.path) {
            (Some(err), Some(path)) => Err(format!("cannot write {}: {err}", path.display())),
            _ => Ok(()),
        }
    }
}

/// A file size for people: `812 bytes`, `4.2 KB`, `13.7 MB` (powers of 1000, as file managers show).
fn size(bytes: usize) -> String {
    match bytes {
        0..=999 => format!("{bytes} bytes"),
        1_000..=999_999 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

fn init(dir: &Path, force: bool) -> u8 {
    let plan = match postlint::init::plan(dir) {
        Ok(plan) => plan,
        Err(err) => {
            eprintln!("postlint: {err}");
            return EXIT_TOOL;
        }
    };
    match &plan.site {
        Some(site) => outln!(
            "Found a {} site in {} ({}).",
            site.generator.name(),
            dir.display(),
            site.evidence.join("; ")
        ),
        None => outln!(
            "No Hexo, Jekyll or Hugo site recognised in {}: writing a generic config.",
            dir.display()
        ),
    }
    if let Some(config) = &plan.site_config {
        let url = config.url.as_deref().unwrap_or("no address");
        outln!("Read {}: {url}.", config.path.display());
    }
    if let Some(err) = &plan.site_config_error {
        eprintln!("postlint: warning: {err} (the config is written without what it says)");
    }
    match postlint::init::write(&plan, force) {
        Ok(()) => {
            outln!("Wrote {}.", plan.path.display());
            EXIT_OK
        }
        Err(err) => {
            eprintln!("postlint: {err}");
            EXIT_TOOL
        }
    }
}

fn rules(args: &ConfigArgs) -> u8 {
    let settings = match load_settings(args, &CliOverrides::default()) {
        Ok(s) => s,
        Err(err) => {
            print_config_error(&err, stderr_color(ColorChoice::Auto));
            return EXIT_TOOL;
        }
    };
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    outln!(
        "{:<6}  {:<width$}  {:<8}  {:<3}  summary",
        "code",
        "name",
        "severity",
        "on"
    );
    for rule in RULES {
        let active = settings.rules.iter().find(|a| a.rule.code == rule.code);
        let severity: Severity = active.map_or(rule.severity, |a| a.severity);
        let on = if active.is_some() { "on" } else { "off" };
        outln!(
            "{:<6}  {:<width$}  {:<8}  {:<3}  {}",
            rule.code,
            rule.name,
            severity.as_str(),
            on,
            rule.summary
        );
    }
    EXIT_OK
}

fn rule_docs(name: &str) -> u8 {
    match lookup(name) {
        Some(rule) => {
            out!("{}", rule.docs);
            let fix = match rule.fix {
                Some(Applicability::Safe) => "fix: safe (`--fix` applies it)",
                Some(Applicability::Unsafe) => {
                    "fix: unsafe (applied only with `--fix --unsafe-fixes`)"
                }
                None => "no fix",
            };
            outln!(
                "\nDefault: {}, {}; {fix}.",
                rule.severity,
                if rule.enabled { "on" } else { "off" }
            );
            EXIT_OK
        }
        None => {
            eprintln!("postlint: no rule `{name}`; `postlint rules` lists them");
            EXIT_TOOL
        }
    }
}

fn print_schema(name: &str) -> u8 {
    if name == "config" {
        let schema = postlint::config::json_schema::config_schema();
        return print_json(&schema);
    }
    match postlint::internals::schema::preset(name) {
        Some(preset) => {
            out!("{}", preset.schema);
            EXIT_OK
        }
        None => {
            let names: Vec<&str> = postlint::PRESETS.iter().map(|p| p.name).collect();
            eprintln!(
                "postlint: no preset `{name}`; choose one of: {}",
                names.join(", ")
            );
            EXIT_TOOL
        }
    }
}

fn inspect(file: &Path) -> u8 {
    let boundary = postlint::boundary::Boundary::around(file, false);
    let real = match boundary.resolve(file) {
        postlint::boundary::Resolved::Inside(real) => real,
        postlint::boundary::Resolved::Outside => {
            eprintln!(
                "postlint: {}: {}",
                file.display(),
                lint::outside_root(&boundary)
            );
            return EXIT_TOOL;
        }
        postlint::boundary::Resolved::Missing => file.to_owned(),
    };
    let bytes = match std::fs::read(&real) {
        Ok(b) => b,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("postlint: {}: no such file", file.display());
            return EXIT_TOOL;
        }
        Err(err) => {
            eprintln!("postlint: {}: {}", file.display(), lint::io_reason(&err));
            return EXIT_TOOL;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("postlint: {}: the file is not valid UTF-8", file.display());
        return EXIT_TOOL;
    };
    let source = postlint::source::SourceFile::new(lint::display_name(file), text);
    let doc = postlint::internals::document::Document::parse(source, Default::default());
    if let Some(err) = &doc.front_matter_error {
        let p = doc.source.position(err.offset);
        eprintln!(
            "postlint: {}:{}:{}: invalid front matter: {}",
            doc.source.name, p.line, p.column, err.message
        );
        return EXIT_FINDINGS;
    }
    let value = doc
        .front_matter
        .as_ref()
        .map_or(serde_json::Value::Null, |fm| fm.value.clone());
    print_json(&value)
}

/// `value` as indented JSON on stdout.
fn print_json(value: &impl serde::Serialize) -> u8 {
    match serde_json::to_string_pretty(value) {
        Ok(json) => {
            outln!("{json}");
            EXIT_OK
        }
        Err(err) => {
            eprintln!("postlint: {err}");
            EXIT_TOOL
        }
    }
}

impl RuleArgs {
    /// The settings these options change (the others not given).
    fn overrides(&self) -> CliOverrides {
        CliOverrides {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            preset: self.preset.clone(),
            ..CliOverrides::default()
        }
    }
}

/// `postlint config [PATH]`: the settings that apply to PATH, as TOML or JSON.
fn show_config(args: &ConfigCmdArgs) -> u8 {
    let overrides = CliOverrides {
        max_warnings: args.max_warnings,
        follow_symlinks_outside: args.follow_symlinks_outside,
        ..args.rules.overrides()
    };
    let effective =
        match workspace(&args.config, &overrides).and_then(|w| w.effective_config(&args.path)) {
            Ok(effective) => effective,
            Err(err) => {
                print_config_error(&err, stderr_color(ColorChoice::Auto));
                return EXIT_TOOL;
            }
        };
    match args.format {
        ConfigFormat::Json => print_json(&effective),
        ConfigFormat::Toml => match effective.to_toml() {
            Ok(text) => {
                out!("{text}");
                EXIT_OK
            }
            Err(err) => {
                eprintln!("postlint: cannot write the configuration as TOML: {err}");
                EXIT_TOOL
            }
        },
    }
}

/// The command as the man pages describe it: built, without the `help` subcommand (it has no
/// page of its own).
fn man_command() -> clap::Command {
    let mut cmd = crate::cli::Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// One man page: `cmd`'s own, then a SEE ALSO section naming `see_also` (page names, section 1).
fn man_page(cmd: clap::Command, see_also: &[String]) -> std::io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .source(format!("postlint {}", env!("CARGO_PKG_VERSION")))
        .render(&mut page)?;
    if !see_also.is_empty() {
        let refs: Vec<String> = see_also
            .iter()
            .map(|name| format!("\\fB{}\\fR(1)", name.replace('-', "\\-")))
            .collect();
        page.extend_from_slice(format!(".SH \"SEE ALSO\"\n{}\n", refs.join(", ")).as_bytes());
    }
    Ok(page)
}

/// Every page: postlint.1 (its SEE ALSO lists the subcommands' pages), then postlint-SUB.1
/// for each subcommand (its SEE ALSO names postlint.1), as (file name, roff).
fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let cmd = man_command();
    let name = cmd.get_name().to_owned();
    let subs: Vec<clap::Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let sub_pages: Vec<String> = subs
        .iter()
        .map(|s| format!("{name}-{}", s.get_name()))
        .collect();
    let mut pages = vec![(format!("{name}.1"), man_page(cmd, &sub_pages)?)];
    for (sub, page_name) in subs.into_iter().zip(&sub_pages) {
        pages.push((
            format!("{page_name}.1"),
            man_page(sub, std::slice::from_ref(&name))?,
        ));
    }
    Ok(pages)
}

/// `postlint man [SUBCOMMAND]` prints one page; `--dir DIR` writes them all.
fn man(args: &ManArgs) -> u8 {
    let pages = match man_pages() {
        Ok(pages) => pages,
        Err(err) => {
            eprintln!("postlint: {err}");
            return EXIT_TOOL;
        }
    };
    if let Some(dir) = &args.dir {
        if let Err(err) = std::fs::create_dir_all(dir) {
            eprintln!("postlint: cannot create {}: {err}", dir.display());
            return EXIT_TOOL;
        }
        for (file, page) in &pages {
            let path = dir.join(file);
            if let Err(err) = std::fs::write(&path, page) {
                eprintln!("postlint: cannot write {}: {err}", path.display());
                return EXIT_TOOL;
            }
            eprintln!("Wrote {}", path.display());
        }
        return EXIT_OK;
    }
    let wanted = match &args.subcommand {
        None => "postlint.1".to_owned(),
        Some(sub) => format!("postlint-{sub}.1"),
    };
    match pages.iter().find(|(file, _)| *file == wanted) {
        Some((_, page)) => {
            let _ = std::io::stdout().write_all(page);
            EXIT_OK
        }
        None => {
            let names: Vec<&str> = pages
                .iter()
                .skip(1)
                .filter_map(|(file, _)| file.strip_prefix("postlint-")?.strip_suffix(".1"))
                .collect();
            eprintln!(
                "postlint: no subcommand `{}`; man pages exist for: {}",
                args.subcommand.as_deref().unwrap_or_default(),
                names.join(", ")
            );
            EXIT_TOOL
        }
    }
}
