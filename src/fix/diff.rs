//! `--diff`: the fixes as a unified diff, which `patch -p0` or `git apply` can take.

use similar::TextDiff;

/// The unified diff from `old` to `new` of the file `name`, with three lines of context.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .missing_newline_hint(true)
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn shows_only_the_changed_lines_with_context() {
        let old = "\n\n---\ntitle: 标题\n---\nbody\n";
        let new = "---\ntitle: 标题\n---\nbody\n";
        let diff = super::unified("post.md", old, new);
        assert_eq!(
            diff,
            "--- a/post.md\n+++ b/post.md\n@@ -1,5 +1,3 @@\n-\n-\n ---\n title: 标题\n ---\n"
        );
    }
}
