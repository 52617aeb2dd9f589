//! Shared by the URL rules IMG001-IMG010: every image URL of the post and, for proxy URLs, the
//! origin inside, with a diagnostic that labels both the proxy and the origin.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Label};
use crate::images::{ImageRef, Target};
use crate::rules::{Context, Findings};

/// Report what `f` finds at each URL to check of every image: the URL, then its proxied origin.
pub fn each_target(
    ctx: &Context,
    findings: &mut Findings,
    mut f: impl FnMut(&Findings, &ImageRef, &Target) -> Option<Diagnostic>,
) {
    let settings = &ctx.settings.images;
    let targets = ctx
        .image_refs()
        .iter()
        .filter(|image| !image.url.is_empty())
        .flat_map(|image| image.targets(settings).into_iter().map(move |t| (image, t)));
    findings.extend(targets, |findings, (image, target)| {
        f(findings, image, &target)
    });
}

/// A finding at `target`; for an origin inside a proxy URL, the proxy part gets a label too and
/// the message says so.
pub fn at_target(
    findings: &Findings,
    image: &ImageRef,
    target: &Target,
    label: &str,
    message: String,
) -> Diagnostic {
    match &target.proxy {
        Some(proxy) => findings
            .diagnostic(
                target.span.clone(),
                format!("{label} (origin)"),
                format!(
                    "{message}, inside an image proxy URL in {}",
                    image.kind.describe()
                ),
            )
            .with_label(Label::new(proxy.clone(), "image proxy")),
        None => findings.diagnostic(
            target.span.clone(),
            label,
            format!("{message} in {}", image.kind.describe()),
        ),
    }
}

/// The file span of the first `len` bytes of the target's URL when they can be placed exactly.
pub fn prefix_span(image: &ImageRef, target: &Target, len: usize) -> Option<Range<usize>> {
    let exact = image.verbatim && target.span.len() == target.url.len();
    exact.then(|| target.span.start..target.span.start + len.min(target.span.len()))
}
