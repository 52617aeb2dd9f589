//! `$ref` resolution: files inside the repository only. postlint never fetches a schema over the
//! network, and never reads outside the repository a schema was found in.

use std::path::{Component, Path, PathBuf};

use jsonschema::{Retrieve, Uri};
use serde_json::Value;

pub struct LocalOnly {
    pub root: PathBuf,
}

impl Retrieve for LocalOnly {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let text = uri.as_str();
        let url = url::Url::parse(text).map_err(|e| format!("bad $ref `{text}`: {e}"))?;
        if url.scheme() != "file" {
            return Err(format!(
                "$ref to `{text}` refused: postlint does not fetch schemas over the network; \
                 download it into the repository and refer to it by a relative path"
            )
            .into());
        }
        let path = url
            .to_file_path()
            .map_err(|_| format!("bad file $ref `{text}`"))?;
        let path = normalize(&path);
        if !path.starts_with(&self.root) {
            return Err(format!(
                "$ref to {} refused: it is outside the repository ({})",
                path.display(),
                self.root.display()
            )
            .into());
        }
        let real = match crate::boundary::Boundary::new(&self.root, false).resolve(&path) {
            crate::boundary::Resolved::Inside(real) => real,
            crate::boundary::Resolved::Outside => {
                return Err(format!(
                    "$ref to {} refused: it leads outside the repository ({}) through a symlink",
                    path.display(),
                    self.root.display()
                )
                .into())
            }
            crate::boundary::Resolved::Missing => path.clone(),
        };
        let body = std::fs::read_to_string(&real)
            .map_err(|e| format!("cannot read $ref {}: {e}", path.display()))?;
        Ok(serde_json::from_str(&body)
            .map_err(|e| format!("$ref {} is not valid JSON: {e}", path.display()))?)
    }
}

/// The working directory, asked of the system once: postlint never changes it, and a run made
/// 20,000 `getcwd` calls on 6,800 posts before.
pub fn working_dir() -> &'static Path {
    static CWD: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().unwrap_or_default())
}

/// An absolute path with `.` and `..` resolved lexically (no symlinks followed), so that
/// "inside the repository" is decided on the path as written.
pub fn normalize(path: &Path) -> PathBuf {
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        working_dir().join(path)
    };
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
