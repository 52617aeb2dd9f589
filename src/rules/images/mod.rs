//! IMG: images, their URLs, referrer policy, alt text and covers.

pub mod alt_markdown_empty;
pub mod alt_missing;
pub mod alt_valueless;
pub mod cover_disagree;
pub mod cover_empty;
pub mod cover_not_in_body;
pub mod cover_values;
pub mod data_url;
pub mod file_missing;
pub mod host_denied;
pub mod insecure_url;
pub mod local_file_url;
pub mod placeholder;
pub mod protocol_relative;
pub mod proxy_used;
pub mod referrer_blocked_host;
pub mod referrer_images;
pub mod referrer_invalid_policy;
pub mod referrer_required_host;
pub mod src_missing;
pub mod url_checks;
pub mod url_invalid;
