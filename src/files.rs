//! Writing files so that they appear whole or not at all.
//!
//! Every file is first written to a temporary file in the folder it belongs
//! in and renamed into place once it is complete, so a failed or interrupted
//! command never leaves a truncated file, and an existing file is replaced
//! only by a complete new one. A [`FileSet`] does the same for a batch: no
//! file of the set is renamed into place until every one has been written.
//! Temporary files are removed when a write fails or the set is dropped
//! without being committed, and so are the folders made for the set (its
//! own folder and subfolders of it, e.g. one per part of a CSV batch).
//!
//! **A killed process** (SIGKILL, power loss) cannot clean up. What it can
//! leave is only ever hidden and named as ours: temporary files
//! `.musalaha-PID-XXXXXX.tmp` beside their targets and staging folders
//! `.musalaha-new-PID-XXXXXX` beside a folder being made or replaced;
//! never a partial file or a partial set under a final name. A folder that
//! did not exist is staged under such a hidden name and renamed into place
//! whole. The next write into the same folder removes the leftovers of
//! runs whose process (PID) is gone (Linux, through /proc; elsewhere they
//! stay until removed by hand). The one visible leftover is
//! `.musalaha-old-PID-XXXXXX/dir` when a kill falls between the two renames
//! of [`replace_dir`]: it holds the replaced folder and is never removed
//! automatically.
//!
//! Test hook: with `MUSALAHA_TEST_PAUSE_AFTER_FILES=N` in the environment,
//! the process prints `musalaha: test pause after N files` on stderr and
//! sleeps for an hour once N files of this run are staged (written to their
//! temporaries, none yet renamed into place), so tests/it/interrupt.rs can
//! kill it mid-batch deterministically. Unset, nothing changes.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempPath};

/// The prefix of this process's temporary files (`.musalaha-PID-`).
fn temp_prefix() -> String {
    format!(".musalaha-{}-", std::process::id())
}

/// Removes what killed runs left in `dir`: temporary files
/// `.musalaha-PID-*.tmp` and staging folders `.musalaha-new-PID-*` whose
/// process is gone. Only on Linux, where /proc tells which processes live.
fn sweep(dir: &Path) {
    #[cfg(target_os = "linux")]
    {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            let (rest, is_dir) = if let Some(r) = name.strip_prefix(".musalaha-new-") {
                (r, true)
            } else if let Some(r) = name
                .strip_prefix(".musalaha-")
                .filter(|_| name.ends_with(".tmp"))
            {
                (r, false)
            } else {
                continue;
            };
            let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
                continue;
            };
            if pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists() {
                continue;
            }
            let _ = if is_dir {
                std::fs::remove_dir_all(e.path())
            } else {
                std::fs::remove_file(e.path())
            };
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
}

/// The test hook of the module documentation: pauses once `staged` files
/// of this process are staged, when MUSALAHA_TEST_PAUSE_AFTER_FILES asks.
fn test_pause(staged: usize) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static STAGED: AtomicUsize = AtomicUsize::new(0);
    let total = STAGED.fetch_add(staged, Ordering::SeqCst) + staged;
    if let Some(n) = std::env::var("MUSALAHA_TEST_PAUSE_AFTER_FILES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        if total == n {
            eprintln!("musalaha: test pause after {n} files");
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

fn temp_in(dir: &Path, target: &Path) -> Result<NamedTempFile> {
    let mut b = tempfile::Builder::new();
    let prefix = temp_prefix();
    b.prefix(&prefix).suffix(".tmp");
    // Temporary files are private (0600); the file that replaces the target
    // keeps the target's permissions, or gets the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(target)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        b.permissions(std::fs::Permissions::from_mode(mode));
    }
    b.tempfile_in(dir)
        .map_err(|e| Error::write(target.display().to_string(), e))
}

/// The folder a file is written in (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes a file atomically: `fill` writes its contents to a temporary file
/// beside it, which replaces `path` only when `fill` succeeded.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let mut set = FileSet::beside(path);
    set.add(path, fill)?;
    set.commit()?;
    Ok(())
}

/// Replaces the folder `dir` (and everything in it) by a new one whose
/// files `fill` adds: the new folder is written beside it, then swapped in
/// by renaming; if anything fails, `dir` is left as it was.
pub fn replace_dir(dir: &Path, fill: impl FnOnce(&mut FileSet) -> Result<()>) -> Result<()> {
    let shown = dir.display().to_string();
    let above = parent(dir);
    sweep(above);
    let staging = tempfile::Builder::new()
        .prefix(&format!(".musalaha-new-{}-", std::process::id()))
        .tempdir_in(above)
        .map_err(|e| Error::write(shown.clone(), e))?;
    let mut set = FileSet {
        dir: staging.path().to_path_buf(),
        shown_dir: dir.to_path_buf(),
        made_dir: false,
        made_subdirs: Vec::new(),
        pending: Vec::new(),
        committed: false,
        staged_as: None,
    };
    fill(&mut set)?;
    set.commit()?;
    let old = tempfile::Builder::new()
        .prefix(&format!(".musalaha-old-{}-", std::process::id()))
        .tempdir_in(above)
        .map_err(|e| Error::write(shown.clone(), e))?;
    let old_path = old.path().join("dir");
    std::fs::rename(dir, &old_path).map_err(|e| Error::write(shown.clone(), e))?;
    let new_path = staging.keep();
    if let Err(e) = std::fs::rename(&new_path, dir) {
        // Put the old folder back.
        let _ = std::fs::rename(&old_path, dir);
        let _ = std::fs::remove_dir_all(&new_path);
        return Err(Error::write(shown, e));
    }
    // `old` (with the replaced folder in it) is removed when dropped.
    drop(old);
    Ok(())
}

/// Files written together: all appear, or none.
pub struct FileSet {
    /// Where the files are written: the set's folder, or the hidden
    /// staging folder that becomes it (`staged_as`).
    dir: PathBuf,
    /// The set's folder as callers name it (paths inside it are written
    /// to the same place inside `dir`).
    shown_dir: PathBuf,
    /// The folder did not exist and was made for this set.
    made_dir: bool,
    /// Subfolders made for files of the set, in the order made.
    made_subdirs: Vec<PathBuf>,
    pending: Vec<(TempPath, PathBuf)>,
    committed: bool,
    /// A new folder staged under a hidden name: (staging folder, final
    /// folder); committing renames the one to the other.
    staged_as: Option<(tempfile::TempDir, PathBuf)>,
}

impl FileSet {
    /// A set of files in `dir`. A missing `dir` is made whole at commit: its
    /// parents are created, the files are written into a hidden staging
    /// folder beside it, which is renamed to `dir` when every file is there.
    pub fn in_dir(dir: &Path) -> Result<FileSet> {
        let shown = || dir.display().to_string();
        if dir.exists() {
            sweep(dir);
            return Ok(FileSet {
                dir: dir.to_path_buf(),
                shown_dir: dir.to_path_buf(),
                made_dir: false,
                made_subdirs: Vec::new(),
                pending: Vec::new(),
                committed: false,
                staged_as: None,
            });
        }
        let above = parent(dir);
        std::fs::create_dir_all(above).map_err(|e| Error::write(shown(), e))?;
        sweep(above);
        let staging = tempfile::Builder::new()
            .prefix(&format!(".musalaha-new-{}-", std::process::id()))
            .tempdir_in(above)
            .map_err(|e| Error::write(shown(), e))?;
        Ok(FileSet {
            dir: staging.path().to_path_buf(),
            shown_dir: dir.to_path_buf(),
            made_dir: false,
            made_subdirs: Vec::new(),
            pending: Vec::new(),
            committed: false,
            staged_as: Some((staging, dir.to_path_buf())),
        })
    }

    /// A set of files in the folder of `path`, which must exist.
    pub fn beside(path: &Path) -> FileSet {
        let dir = parent(path).to_path_buf();
        sweep(&dir);
        FileSet {
            shown_dir: dir.clone(),
            dir,
            made_dir: false,
            made_subdirs: Vec::new(),
            pending: Vec::new(),
            committed: false,
            staged_as: None,
        }
    }

    /// The folder of the set.
    /// (The folder as named, not the staging folder files go to first.)
    #[allow(clippy::misnamed_getters)]
    pub fn dir(&self) -> &Path {
        &self.shown_dir
    }

    /// Writes one file of the set (a path relative to the set's folder, or
    /// any path inside it) to a temporary file. Missing subfolders of the
    /// set's folder are made (and removed again if the set is dropped
    /// without being committed).
    pub fn add(
        &mut self,
        path: &Path,
        fill: impl FnOnce(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let target = if let Ok(inside) = path.strip_prefix(&self.shown_dir) {
            self.dir.join(inside)
        } else if path.is_absolute() || path.starts_with(&self.dir) {
            path.to_path_buf()
        } else {
            self.dir.join(path)
        };
        let folder = parent(&target).to_path_buf();
        // Only subfolders strictly inside the set's own (existing) folder.
        if !folder.exists()
            && folder != self.dir
            && folder.starts_with(&self.dir)
            && self.dir.is_dir()
        {
            let mut missing = Vec::new();
            let mut cur = folder.as_path();
            while !cur.exists() && cur.starts_with(&self.dir) && cur != self.dir {
                missing.push(cur.to_path_buf());
                match cur.parent() {
                    Some(p) => cur = p,
                    None => break,
                }
            }
            std::fs::create_dir_all(&folder)
                .map_err(|e| Error::write(folder.display().to_string(), e))?;
            self.made_subdirs.extend(missing.into_iter().rev());
        }
        let tmp = temp_in(parent(&target), &target)?;
        let shown = target.display().to_string();
        let mut w = std::io::BufWriter::new(tmp);
        fill(&mut w)?;
        let tmp = w
            .into_inner()
            .map_err(|e| Error::write(shown.clone(), e.into_error()))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| Error::write(shown.clone(), e))?;
        self.pending.push((tmp.into_temp_path(), target));
        test_pause(1);
        Ok(())
    }

    /// Renames every file of the set into place; returns their paths.
    pub fn commit(mut self) -> Result<Vec<PathBuf>> {
        let mut done = Vec::new();
        for (tmp, target) in std::mem::take(&mut self.pending) {
            tmp.persist(&target)
                .map_err(|e| Error::write(target.display().to_string(), e.error))?;
            done.push(target);
        }
        if let Some((staging, fin)) = self.staged_as.take() {
            let shown = fin.display().to_string();
            let staged = staging.keep();
            if let Err(e) = std::fs::rename(&staged, &fin) {
                let _ = std::fs::remove_dir_all(&staged);
                return Err(Error::write(shown, e));
            }
            done = done
                .into_iter()
                .map(|p| match p.strip_prefix(&staged) {
                    Ok(inside) => fin.join(inside),
                    Err(_) => p,
                })
                .collect();
        }
        self.committed = true;
        Ok(done)
    }
}

impl Drop for FileSet {
    fn drop(&mut self) {
        // Pending temporary files delete themselves (TempPath); a folder made
        // for a set that was never committed goes too, if nothing else is in it.
        self.pending.clear();
        if !self.committed {
            for d in self.made_subdirs.iter().rev() {
                let _ = std::fs::remove_dir(d);
            }
        }
        if self.made_dir && !self.committed {
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        let r = write_atomically(&p, |w| {
            w.write_all(b"half").unwrap();
            Err(Error::Serialise {
                format: "test",
                message: "stop".into(),
            })
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomically(&p, |w| {
            w.write_all(b"new").map_err(|e| Error::write("a", e))
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn leftovers_of_dead_runs_are_swept_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        // PIDs above the kernel's maximum (4194304) are never alive.
        let dead = dir.path().join(".musalaha-4999999-abc.tmp");
        let dead_dir = dir.path().join(".musalaha-new-4999999-abc");
        let old = dir.path().join(".musalaha-old-4999999-abc");
        let alive = dir
            .path()
            .join(format!(".musalaha-{}-abc.tmp", std::process::id()));
        let mine = dir.path().join(".musalaha-notes.txt");
        for f in [&dead, &alive, &mine] {
            std::fs::write(f, "x").unwrap();
        }
        std::fs::create_dir(&dead_dir).unwrap();
        std::fs::create_dir(&old).unwrap();
        write_atomically(&dir.path().join("a.txt"), |w| {
            w.write_all(b"a").map_err(|e| Error::write("a", e))
        })
        .unwrap();
        assert!(!dead.exists() && !dead_dir.exists());
        assert!(alive.exists() && mine.exists() && old.exists());
    }

    #[test]
    fn a_replaced_folder_is_swapped_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("data");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.toml"), "old").unwrap();
        let failed = replace_dir(&out, |set| {
            set.add(Path::new("new.toml"), |w| {
                w.write_all(b"new").map_err(|e| Error::write("new", e))
            })?;
            Err(Error::Serialise {
                format: "test",
                message: "stop".into(),
            })
        });
        assert!(failed.is_err());
        assert!(out.join("old.toml").exists() && !out.join("new.toml").exists());
        replace_dir(&out, |set| {
            set.add(Path::new("new.toml"), |w| {
                w.write_all(b"new").map_err(|e| Error::write("new", e))
            })
        })
        .unwrap();
        assert!(!out.join("old.toml").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("new.toml")).unwrap(),
            "new"
        );
        // Nothing else is left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_set_appears_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new-folder");
        {
            let mut set = FileSet::in_dir(&out).unwrap();
            set.add(Path::new("one.dot"), |w| {
                w.write_all(b"1").map_err(|e| Error::write("one", e))
            })
            .unwrap();
            let failed = set.add(Path::new("two.dot"), |_| {
                Err(Error::Serialise {
                    format: "test",
                    message: "stop".into(),
                })
            });
            assert!(failed.is_err());
            // Dropped without commit.
        }
        assert!(!out.exists(), "the folder made for the set is gone");
        {
            let mut set = FileSet::in_dir(&out).unwrap();
            set.add(Path::new("part/a/one.csv"), |w| {
                w.write_all(b"1").map_err(|e| Error::write("one", e))
            })
            .unwrap();
            assert!(
                !out.exists(),
                "the part folder is made inside the hidden staging folder"
            );
        }
        assert!(!out.exists(), "subfolders made for the set are gone too");
        let mut set = FileSet::in_dir(&out).unwrap();
        for name in ["one.dot", "two.dot"] {
            set.add(Path::new(name), |w| {
                w.write_all(name.as_bytes())
                    .map_err(|e| Error::write(name, e))
            })
            .unwrap();
        }
        // Staged under a hidden name until the commit.
        assert!(!out.exists(), "nothing under the final name yet");
        let hidden: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            hidden.len() == 1 && hidden[0].starts_with(".musalaha-new-"),
            "{hidden:?}"
        );
        let written = set.commit().unwrap();
        assert_eq!(written, [out.join("one.dot"), out.join("two.dot")]);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(out.join("one.dot"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o644);
        }
        assert_eq!(
            std::fs::read_to_string(out.join("two.dot")).unwrap(),
            "two.dot"
        );
    }
}
