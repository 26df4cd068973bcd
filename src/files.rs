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

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::{NamedTempFile, TempPath};

fn temp_in(dir: &Path, target: &Path) -> Result<NamedTempFile> {
    let mut b = tempfile::Builder::new();
    b.prefix(".musalaha-").suffix(".tmp");
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
    let staging = tempfile::Builder::new()
        .prefix(".musalaha-new-")
        .tempdir_in(above)
        .map_err(|e| Error::write(shown.clone(), e))?;
    let mut set = FileSet {
        dir: staging.path().to_path_buf(),
        made_dir: false,
        made_subdirs: Vec::new(),
        pending: Vec::new(),
        committed: false,
    };
    fill(&mut set)?;
    set.commit()?;
    let old = tempfile::Builder::new()
        .prefix(".musalaha-old-")
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
    dir: PathBuf,
    /// The folder did not exist and was made for this set.
    made_dir: bool,
    /// Subfolders made for files of the set, in the order made.
    made_subdirs: Vec<PathBuf>,
    pending: Vec<(TempPath, PathBuf)>,
    committed: bool,
}

impl FileSet {
    /// A set of files in `dir`, which is created (with its parents) if missing.
    pub fn in_dir(dir: &Path) -> Result<FileSet> {
        let made_dir = !dir.exists();
        if made_dir {
            std::fs::create_dir_all(dir).map_err(|e| Error::write(dir.display().to_string(), e))?;
        }
        Ok(FileSet {
            dir: dir.to_path_buf(),
            made_dir,
            made_subdirs: Vec::new(),
            pending: Vec::new(),
            committed: false,
        })
    }

    /// A set of files in the folder of `path`, which must exist.
    pub fn beside(path: &Path) -> FileSet {
        FileSet {
            dir: parent(path).to_path_buf(),
            made_dir: false,
            made_subdirs: Vec::new(),
            pending: Vec::new(),
            committed: false,
        }
    }

    /// The folder of the set.
    pub fn dir(&self) -> &Path {
        &self.dir
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
        let target = if path.is_absolute() || path.starts_with(&self.dir) {
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
            assert!(out.join("part/a").is_dir());
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
        assert_eq!(
            std::fs::read_dir(&out).unwrap().count(),
            2,
            "only temporaries so far"
        );
        assert!(!out.join("one.dot").exists());
        let written = set.commit().unwrap();
        assert_eq!(written.len(), 2);
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
