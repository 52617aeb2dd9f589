//! Template tags (`TPL`): what the generator's template engine does to a post before its
//! Markdown is rendered. Each rule reads the constructs `crate::templates` finds once per post
//! (`Context::hexo_templates`) and reports only under the preset of its generator.

pub mod hexo_template_in_code;
pub mod hexo_template_output;
pub mod hexo_unbalanced_tag;
pub mod hexo_unknown_tag;

use crate::templates::{Construct, Found};

/// The construct as written, shortened for a message.
fn shown(text: &str, f: &Found) -> String {
    let written = &text[f.span.clone()];
    match written.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &written[..i]),
        None => written.to_owned(),
    }
}

fn kind(f: &Found) -> &'static str {
    match f.construct {
        Construct::Tag { .. } => "tag",
        Construct::Output => "output",
        Construct::Comment => "comment",
    }
}
