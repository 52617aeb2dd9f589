use std::process::ExitCode;

use clap::Parser;

mod cli;
mod commands;

// Posts are parsed into many small short-lived allocations on every thread; mimalloc's
// per-thread heaps make that measurably cheaper than glibc's malloc (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    ExitCode::from(commands::run(cli.command))
}
