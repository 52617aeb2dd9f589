//! Horizontal bar charts drawn as inline SVG. Each chart is an image for screen readers
//! (`role="img"` with a label); the table after it carries the same numbers as text.

use maud::{html, Markup};

pub struct Bar<'a> {
    pub label: &'a str,
    pub href: Option<&'a str>,
    pub value: usize,
    /// CSS class of the bar (`error`, `warning`, `info`, `folder`).
    pub class: &'a str,
}

/// Bars beyond this many are left to the table.
const MAX_BARS: usize = 30;
const ROW: usize = 22;
/// Pixels per label character (12px monospace), and the widest label area.
const CHAR_WIDTH: usize = 8;
const MAX_LABEL_WIDTH: usize = 330;
const BAR_WIDTH: usize = 480;
/// Characters of a label shown; the full label is the bar's tooltip.
const LABEL_CHARS: usize = 40;

pub fn bars<'a>(title: &str, bars: impl Iterator<Item = Bar<'a>>) -> Markup {
    let all: Vec<Bar> = bars.collect();
    let shown = &all[..all.len().min(MAX_BARS)];
    let max = shown.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = shown.len() * ROW + 4;
    let longest = shown
        .iter()
        .map(|b| short(b.label).chars().count())
        .max()
        .unwrap_or(0);
    let label_width = (longest * CHAR_WIDTH + 16).min(MAX_LABEL_WIDTH);
    let width = label_width + BAR_WIDTH + 70;
    let label = format!("{title} (bar chart; the table below gives the same numbers)");
    html! {
        figure.chart {
            svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(label)
                viewBox={ "0 0 " (width) " " (height) } width=(width) height=(height) {
                @for (i, bar) in shown.iter().enumerate() {
                    @let y = i * ROW;
                    @let len = (bar.value * BAR_WIDTH).div_ceil(max).max(1);
                    g {
                        title { (bar.label) ": " (bar.value) }
                        @if let Some(href) = bar.href {
                            a href=(href) { text.label x=(label_width - 8) y=(y + 15) text-anchor="end" { (short(bar.label)) } }
                        } @else {
                            text.label x=(label_width - 8) y=(y + 15) text-anchor="end" { (short(bar.label)) }
                        }
                        rect class={ "bar " (bar.class) } x=(label_width) y=(y + 3) width=(len) height=(ROW - 6) rx="2" {}
                        text.value x=(label_width + len + 6) y=(y + 15) { (bar.value) }
                    }
                }
            }
            @if all.len() > MAX_BARS {
                figcaption { "The " (MAX_BARS) " largest of " (all.len()) "; the table lists all." }
            }
        }
    }
}

/// A label cut to [`LABEL_CHARS`], keeping its end (a folder's last part says most).
fn short(label: &str) -> String {
    let n = label.chars().count();
    if n <= LABEL_CHARS {
        return label.to_owned();
    }
    let tail: String = label.chars().skip(n - (LABEL_CHARS - 1)).collect();
    format!("…{tail}")
}
