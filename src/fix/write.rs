//! Writing a fixed file without ever losing the user's text: the new content goes to a
//! temporary file in the same folder, which is renamed over the original only if the original
//! still holds exactly the bytes that were linted.

use std::io::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("the file changed on disk since postlint read it; it was left alone")]
    Changed,
    #[error("the file is read-only; it was left alone")]
    ReadOnly,
    #[error("cannot write the file: {0}")]
    Io(String),
}

/// Replace the file at `path` with `new`, atomically, if it still holds `original`. A symlink
/// is followed, so the link stays a link; the file's permissions are kept.
pub fn write_if_unchanged(path: &Path, original: &[u8], new: &str) -> Result<(), WriteError> {
    let io = |err: std::io::Error| WriteError::Io(err.to_string());
    let real: PathBuf = std::fs::canonicalize(path).map_err(io)?;
    let meta = std::fs::metadata(&real).map_err(io)?;
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    if std::fs::read(&real).map_err(io)? != original {
        return Err(WriteError::Changed);
    }
    let dir = real.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".postlint-fix-")
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(new.as_bytes()).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    std::fs::set_permissions(temp.path(), meta.permissions()).map_err(io)?;
    temp.persist(&real).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_when_unchanged_and_keeps_permissions() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("post.md");
        std::fs::write(&path, "old\r\n").expect("write");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        write_if_unchanged(&path, b"old\r\n", "new\r\n").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("post.md");
        std::fs::write(&path, "edited by the user").expect("write");
        let err = write_if_unchanged(&path, b"what postlint read", "fixed").unwrap_err();
        assert!(matches!(err, WriteError::Changed), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "edited by the user"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_post_stays_a_symlink() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        std::fs::write(&target, "old").expect("write");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        write_if_unchanged(&link, b"old", "new").expect("written");
        assert!(std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
    }
}
