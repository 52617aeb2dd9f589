//! IMG: images, their URLs, referrer policy, alt text and covers.

pub mod cover_empty;
pub mod cover_not_in_body;
pub mod covers_disagree;
pub mod data_image_url;
pub mod image_file_missing;
pub mod image_host_denied;
pub mod image_proxy_used;
pub mod image_src_missing;
pub mod image_url_invalid;
pub mod img_alt_valueless;
pub mod img_missing_alt;
pub mod insecure_image_url;
pub mod invalid_referrer_policy;
pub mod local_file_image_url;
pub mod markdown_image_empty_alt;
pub mod placeholder_image;
pub mod protocol_relative_image_url;
pub mod referrer_blocked_host;
pub mod referrer_required_host;
pub mod url_checks;

use crate::images::{ImageKind, ImageRef};
use crate::referrer::Policy;

/// Help for an image whose element cannot carry `referrerpolicy` (a Markdown image, a
/// `<video poster>`).
pub(crate) fn cannot_carry_policy_help(image: &ImageRef, policy: Policy) -> String {
    let (what, instead) = match image.kind {
        ImageKind::Markdown => (
            "Markdown images",
            format!("Write this one as HTML, `<img src=\"...\" alt=\"...\" referrerpolicy=\"{policy}\">`; or"),
        ),
        _ => (
            "This element",
            format!("Show the image with an `<img referrerpolicy=\"{policy}\">`; or"),
        ),
    };
    format!(
        "{what} cannot carry `referrerpolicy`. {instead}, when the whole site can \
         live with it, set the theme's `<meta name=\"referrer\" content=\"{policy}\">` and \
         `[referrer] default-policy = \"{policy}\"` in postlint.toml; or serve the image through \
         an image proxy or from your own host"
    )
}
