//! Output files that appear whole or not at all: each is written under a temporary name in its directory,
//! `.NAME.tmp-PID`, and renamed into place when the run completes ([`PendingFile::commit`]); one that is never
//! committed is removed, so a failed run leaves an earlier output untouched.
//!
//! A run that is interrupted (Ctrl-C, SIGTERM) does not unwind: the binary calls
//! [`remove_unfinished_files`] from its signal handler thread before it ends. A run that was killed outright
//! (SIGKILL, a power cut) leaves its temporary files behind; the next run writing the same file into the same
//! directory removes those whose process is gone ([`remove_stale`]).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// The temporary files not yet committed, and whether new ones may still be made.
struct Registry {
    temps: Vec<PathBuf>,
    closed: bool,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry { temps: Vec::new(), closed: false });

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    REGISTRY.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Removes every output file this process is still writing under its temporary name, and refuses to start new
/// ones: for a process about to end without unwinding (on Ctrl-C or SIGTERM). Outputs already in place, from
/// this run or an earlier one, are not touched. Returns how many files were removed.
pub fn remove_unfinished_files() -> usize {
    let mut registry = registry();
    registry.closed = true;
    let temps = std::mem::take(&mut registry.temps);
    temps.iter().filter(|temp| std::fs::remove_file(temp).is_ok()).count()
}

/// Makes `dir` (and its parents) if needed; fails when it exists and is no directory.
pub(crate) fn create_dir(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::output("exists and is not a directory").in_file(dir));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::output_io(dir, e))
}

/// The temporary name of `name` in `dir` for the process `pid`.
fn temp_name(name: &str, pid: u32) -> String {
    format!(".{name}.tmp-{pid}")
}

/// Removes the temporary files of `name` in `dir` left by runs that are no longer alive (`.NAME.tmp-PID` whose
/// process is gone). Files of live processes, and any other file, stay. Returns the names removed.
pub(crate) fn remove_stale(dir: &Path, name: &str) -> Vec<PathBuf> {
    let prefix = format!(".{name}.tmp-");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)).and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) && std::fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

/// True when a process `pid` runs (or may run: when it cannot be told, it is taken as alive).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        if pid <= 0 {
            return true;
        }
        // signal 0: no signal is sent, only whether the process exists (EPERM: it does, as another user's)
        // SAFETY: kill with signal 0 has no effect on any process; it only reads whether `pid` exists.
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// A file written under a temporary name and renamed into place by [`PendingFile::commit`].
pub(crate) struct PendingFile {
    temp: PathBuf,
    target: PathBuf,
}

impl PendingFile {
    /// `dir/name`, opened under a temporary name in `dir` (stale temporary files of `name` are removed first).
    pub(crate) fn create(dir: &Path, name: &str) -> Result<(PendingFile, File)> {
        remove_stale(dir, name);
        let target = dir.join(name);
        let temp = dir.join(temp_name(name, std::process::id()));
        // created under the lock, so that an interruption either sees it registered or stops it being made
        let mut registry = registry();
        if registry.closed {
            return Err(Error::output("the run was interrupted").in_file(&target));
        }
        let file = File::create(&temp).map_err(|e| Error::output_io(&temp, e))?;
        registry.temps.push(temp.clone());
        Ok((PendingFile { temp, target }, file))
    }

    /// Where it goes: the name errors give.
    pub(crate) fn target(&self) -> &Path {
        &self.target
    }

    /// Moves the file into place (close it first).
    pub(crate) fn commit(&self) -> Result<()> {
        let mut registry = registry();
        if registry.closed {
            return Err(Error::output("the run was interrupted").in_file(&self.target));
        }
        std::fs::rename(&self.temp, &self.target).map_err(|e| Error::output_io(&self.target, e))?;
        registry.temps.retain(|t| t != &self.temp);
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        // after a commit the temporary name no longer exists; after a failure it is removed
        let mut registry = registry();
        let _ = std::fs::remove_file(&self.temp);
        registry.temps.retain(|t| t != &self.temp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        names.sort();
        names
    }

    #[test]
    fn only_committed_files_appear() {
        let dir = tempfile::tempdir().unwrap();
        let (kept, file) = PendingFile::create(dir.path(), "kept.csv").unwrap();
        drop(file);
        let (dropped, _file) = PendingFile::create(dir.path(), "dropped.csv").unwrap();
        kept.commit().unwrap();
        drop(kept);
        drop(dropped);
        assert_eq!(names(dir.path()), ["kept.csv"]);
    }

    #[cfg(unix)]
    #[test]
    fn stale_temporary_files_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // no process has a pid this large (Linux allows at most 2^22)
        let dead = temp_name("mentions.csv", 999_999_999);
        let alive = temp_name("mentions.csv", std::os::unix::process::parent_id());
        for name in [&dead, &alive, &temp_name("quotes.csv", 999_999_999), &".notes.tmp-1".to_owned()] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let removed = remove_stale(dir.path(), "mentions.csv");
        assert_eq!(removed, [dir.path().join(&dead)]);
        assert_eq!(names(dir.path()), [alive.as_str(), ".notes.tmp-1", ".quotes.csv.tmp-999999999"]);
    }
}
