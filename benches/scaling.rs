//! Time per file against its size for the hostile shapes in tests/robustness.rs: each shape is
//! generated at 1x, 2x, 4x and 8x a base size and linted with every rule on (`lint_source`, one
//! thread, best of 3). Linear time shows as a steady MB/s and an 8x/1x time ratio near 8.
//!
//! `cargo bench --bench scaling` (all shapes) or `cargo bench --bench scaling -- NAME...`.
#![allow(clippy::print_stdout)]

use std::path::Path;
use std::time::{Duration, Instant};

use postlint::{CliOverrides, Settings};

const ROUNDS: usize = 3;
const STEPS: [usize; 4] = [1, 2, 4, 8];

/// A shape: its name, the number of repeated units at 1x, and the post for `n` units.
struct Shape {
    name: &'static str,
    base: usize,
    make: fn(usize) -> String,
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "lines",
        base: 125_000,
        make: |n| format!("---\ntitle: t\n---\n{}", "一行文字\n".repeat(n)),
    },
    Shape {
        name: "one-line",
        base: 400_000,
        make: |n| format!("---\ntitle: '{}'\n---\n", "长".repeat(n)),
    },
    Shape {
        name: "html-nested",
        base: 12_500,
        make: |n| format!("---\ntitle: t\n---\n{}\n", "<div>".repeat(n)),
    },
    Shape {
        name: "attributes",
        base: 12_500,
        make: |n| {
            let attrs: String = (0..n).map(|i| format!(" data-a{i}=\"v\"")).collect();
            format!("---\ntitle: t\n---\n<p{attrs}>x</p>\n")
        },
    },
    Shape {
        name: "images",
        base: 2_000,
        make: |n| {
            let imgs: String = (0..n)
                .map(|i| format!("<img src=\"http://img.example/{i}.jpg\">\n![](http://img.example/m{i}.png)\n\n"))
                .collect();
            format!("---\ntitle: t\ncover: http://img.example/c.jpg\n---\n{imgs}")
        },
    },
    Shape {
        name: "blockquotes",
        base: 12_500,
        make: |n| format!("---\ntitle: t\n---\n{}x\n", "> ".repeat(n)),
    },
    Shape {
        name: "list-items",
        base: 12_500,
        make: |n| format!("---\ntitle: t\n---\n{}x\n", "- ".repeat(n)),
    },
    Shape {
        name: "yaml-keys",
        base: 12_500,
        make: |n| {
            let keys: String = (0..n).map(|i| format!("k{i}: [a, {{b: c}}]\n")).collect();
            format!("---\n{keys}---\nx\n")
        },
    },
    Shape {
        name: "yaml-flow-line",
        base: 12_500,
        make: |n| {
            let keys: Vec<String> = (0..n).map(|i| format!("键{i}: 值")).collect();
            format!("---\nk: {{{}}}\n---\n正文\n", keys.join(", "))
        },
    },
    Shape {
        name: "yaml-duplicates",
        base: 12_500,
        make: |n| format!("---\n{}---\nx\n", "title: x\n".repeat(n)),
    },
    Shape {
        name: "html-errors",
        base: 12_500,
        make: |n| format!("---\ntitle: t\n---\n{}\n", "<b><i>x</b></i>".repeat(n)),
    },
];

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let cli = CliOverrides {
        select: Some(vec!["ALL".into()]),
        ..Default::default()
    };
    let settings = Settings::resolve(None, &cli, Path::new(".")).expect("default settings");
    println!(
        "{:<16} {:>9} {:>11} {:>9} {:>9}",
        "shape", "size", "time", "MB/s", "findings"
    );
    for shape in SHAPES
        .iter()
        .filter(|s| wanted.is_empty() || wanted.iter().any(|w| w == s.name))
    {
        let mut first = None;
        for step in STEPS {
            let text = (shape.make)(shape.base * step);
            let mut best = Duration::MAX;
            let mut findings = 0;
            for _ in 0..ROUNDS {
                let started = Instant::now();
                let report = postlint::lint_source("post.md", &text, &settings);
                best = best.min(started.elapsed());
                findings = std::hint::black_box(report).diagnostics.len();
            }
            let t1 = *first.get_or_insert(best);
            println!(
                "{:<16} {:>7.2}MB {:>9.1}ms {:>9.1} {:>9}{}",
                shape.name,
                text.len() as f64 / 1e6,
                best.as_secs_f64() * 1e3,
                text.len() as f64 / 1e6 / best.as_secs_f64(),
                findings,
                if step == STEPS[STEPS.len() - 1] {
                    format!(
                        "   {step}x size: {:.1}x time",
                        best.as_secs_f64() / t1.as_secs_f64()
                    )
                } else {
                    String::new()
                }
            );
        }
    }
}
