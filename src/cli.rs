//! Command-line definitions (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use postlint::render::FormatKind;

#[derive(Debug, Parser)]
#[command(
    name = "postlint",
    version,
    about = "Lint the content of static sites and blogs: front matter, HTML bodies, image URLs and referrer policy"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint posts: files, directories (walked, honouring .gitignore), or `-` for stdin.
    Check(Box<CheckArgs>),
    /// Write a commented postlint.toml for the site in DIR: its generator's preset, what its
    /// config says about the address, and excludes for what holds no posts.
    Init {
        /// The site's root folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Overwrite an existing postlint.toml.
        #[arg(long)]
        force: bool,
    },
    /// List every rule: code, name, default severity, whether it is on, summary.
    Rules(ConfigArgs),
    /// Print the documentation of one rule.
    Rule {
        /// A rule code (FM002) or name (front-matter-not-at-start).
        rule: String,
    },
    /// Print a built-in front-matter schema (hexo, jekyll, hugo), to copy and extend; or
    /// `config`: the JSON Schema of postlint.toml.
    Schema {
        /// The preset's name, or `config`.
        preset: String,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions { shell: clap_complete::Shell },
    /// Print the effective configuration for PATH (the nearest postlint.toml, what it extends,
    /// presets and the command line) as a postlint.toml, or as JSON.
    Config(Box<ConfigCmdArgs>),
    /// Print a man page (roff), e.g. `postlint man > /usr/local/share/man/man1/postlint.1`,
    /// `postlint man check`, or write them all with `--dir`.
    Man(ManArgs),
    /// Print a post's front matter as JSON, as schemas see it.
    Inspect {
        /// The post to read.
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Use this config file for every file, instead of each file's nearest postlint.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Ignore any postlint.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

/// The options of `check` that change which rules run and which schema applies (shared with
/// `config`, which shows their effect).
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// Validate front matter against a built-in schema: hexo, jekyll or hugo.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Rules to run instead of the configured set: codes, prefixes or names, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Rules to run in addition to the configured set.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Rules to turn off.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
}

/// `postlint config`.
#[derive(Debug, Args)]
pub struct ConfigCmdArgs {
    /// The file or folder whose settings to show.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Output format: TOML (a postlint.toml) or JSON.
    #[arg(long, value_enum, default_value_t = ConfigFormat::Toml)]
    pub format: ConfigFormat,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// As `check --max-warnings`.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// As `check --follow-symlinks-outside`.
    #[arg(long)]
    pub follow_symlinks_outside: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ConfigFormat {
    Toml,
    Json,
}

/// `postlint man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (`check` prints postlint-check.1); none: postlint.1.
    #[arg(conflicts_with = "dir")]
    pub subcommand: Option<String>,
    /// Write postlint.1 and a postlint-SUBCOMMAND.1 for every subcommand into DIR (created if
    /// missing), instead of printing one page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to lint.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Output format (`--output-format` is the same option, as ruff spells it).
    #[arg(long, visible_alias = "output-format", value_enum, default_value_t = FormatKind::Full)]
    pub format: FormatKind,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Apply `[files] exclude` to files and folders named on the command line too (for hooks
    /// and CI that pass every changed file).
    #[arg(long)]
    pub force_exclude: bool,
    /// Read posts and image files that symlinks lead to outside the repository root (off by
    /// default: in CI on a pull request, that would print files of the machine).
    #[arg(long)]
    pub follow_symlinks_outside: bool,
    /// Exit with 0 even when findings are reported (2 still means postlint could not check).
    #[arg(long)]
    pub exit_zero: bool,
    /// Exit with 1 when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// The file name to report for input read from `-`.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,
    /// Write the report to FILE (the summary still goes to the terminal).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print the number of findings per rule, most frequent first, with how many can be fixed,
    /// then per folder.
    #[arg(long)]
    pub statistics: bool,
    /// Show every finding: by default, when one rule has more than 5 findings in a file, `full`
    /// and `concise` show its first 3 and count the rest.
    #[arg(long)]
    pub no_group: bool,
    /// Print findings only: no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// List the files that would be linted, and stop. `--show-files=why` also lists what the
    /// excludes leave out, each with the exclude that does.
    #[arg(
        long,
        value_enum,
        value_name = "HOW",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "list"
    )]
    pub show_files: Option<ShowFiles>,
    /// Apply the safe fixes to the files, then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// Also apply (with `--fix`, `--diff`) or mark (in the report) the unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing; exit 1 when there is something to fix.
    #[arg(long)]
    pub diff: bool,
    /// Report only findings not recorded in this baseline file (instead of postlint.toml's
    /// `baseline`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Ignore postlint.toml's `baseline`: report every finding.
    #[arg(long, conflicts_with = "baseline")]
    pub no_baseline: bool,
    /// Record this run's findings in FILE as the baseline (replacing it), and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFiles {
    /// The files that would be linted, one a line.
    List,
    /// Every file that would be linted and every path excluded, with the reason.
    Why,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
