//! Output files that appear whole or not at all: each is written under a temporary name in its directory and
//! renamed into place when the run completes ([`PendingFile::commit`]); one that is never committed is
//! removed, so a failed run leaves an earlier output untouched.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Makes `dir` (and its parents) if needed; fails when it exists and is no directory.
pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::output("exists and is not a directory").in_file(dir));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::output_io(dir, e))
}

/// A file written under a temporary name and renamed into place by [`PendingFile::commit`].
pub(crate) struct PendingFile {
    temp: PathBuf,
    target: PathBuf,
}

impl PendingFile {
    /// `dir/name`, opened under a temporary name in `dir`.
    pub(crate) fn create(dir: &Path, name: &str) -> Result<(PendingFile, File)> {
        let target = dir.join(name);
        let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let file = File::create(&temp).map_err(|e| Error::output_io(&temp, e))?;
        Ok((PendingFile { temp, target }, file))
    }

    /// Where it goes: the name errors give.
    pub(crate) fn target(&self) -> &Path {
        &self.target
    }

    /// Moves the file into place (close it first).
    pub(crate) fn commit(&self) -> Result<()> {
        std::fs::rename(&self.temp, &self.target).map_err(|e| Error::output_io(&self.target, e))
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        // after a commit the temporary name no longer exists; after a failure it is removed
        let _ = std::fs::remove_file(&self.temp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_committed_files_appear() {
        let dir = tempfile::tempdir().unwrap();
        let (kept, file) = PendingFile::create(dir.path(), "kept.csv").unwrap();
        drop(file);
        let (dropped, _file) = PendingFile::create(dir.path(), "dropped.csv").unwrap();
        kept.commit().unwrap();
        drop(kept);
        drop(dropped);
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert_eq!(names, ["kept.csv"]);
    }
}
