//! Nothing lost (issue 12.4): a process killed (SIGKILL) in the middle of a
//! batch export or an import leaves every file that was there byte for
//! byte, and nothing under a final name; what it leaves is hidden
//! (`.musalaha-…`) and swept by the next run (src/files.rs). "The middle"
//! is reached deterministically with the test hook
//! MUSALAHA_TEST_PAUSE_AFTER_FILES=N: the binary says so on stderr and
//! sleeps once N files are staged, and the test kills it then.

use crate::support::run;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// Every file below `dir` (relative path → bytes).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

/// Names in `dir` that are not hidden leftovers of ours.
fn visible(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with(".musalaha-"))
        .collect();
    v.sort();
    v
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".musalaha-"))
        .collect()
}

/// Runs the binary until it has staged `files` files, then kills it.
fn kill_after(files: usize, args: &[&str]) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("musalaha"))
        .args(args)
        .env("MUSALAHA_TEST_PAUSE_AFTER_FILES", files.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            let status = child.wait().unwrap();
            panic!("musalaha {args:?} ended ({status}) before the pause: {seen}");
        }
        if line.contains(&format!("test pause after {files} files")) {
            break;
        }
        seen.push_str(&line);
    }
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
}

#[test]
fn a_batch_killed_midway_leaves_the_folder_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("figures");
    std::fs::create_dir(&out).unwrap();
    // A previous batch and a file of the user's.
    std::fs::write(out.join("year-2016.dot"), "old figure").unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    let before = snapshot(&out);
    let args = [
        "export",
        "dot",
        "--per",
        "year",
        "--out-dir",
        out.to_str().unwrap(),
    ];
    kill_after(2, &args);
    assert_eq!(snapshot_visible(&out), before, "every file as it was");
    assert_eq!(visible(&out), ["notes.txt", "year-2016.dot"]);
    assert!(!leftovers(&out).is_empty(), "the kill fell mid-batch");
    // The next run sweeps the dead run's temporaries and writes the batch.
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(leftovers(&out), Vec::<String>::new());
    assert!(visible(&out).contains(&"index.json".to_string()));
    assert_eq!(std::fs::read(out.join("notes.txt")).unwrap(), b"mine");
}

/// The snapshot without our hidden leftovers.
fn snapshot_visible(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| !p.to_string_lossy().starts_with(".musalaha-"))
        .collect()
}

#[test]
fn an_interchange_batch_killed_midway_makes_no_folder() {
    let tmp = tempfile::tempdir().unwrap();
    for (format, files) in [("gexf", 1), ("csv", 5)] {
        let out = tmp.path().join(format);
        let args = [
            "export",
            format,
            "--per",
            "year",
            "--out-dir",
            out.to_str().unwrap(),
        ];
        kill_after(files, &args);
        assert!(!out.exists(), "{format}: no folder under its final name");
        assert_eq!(
            visible(tmp.path()).iter().filter(|n| *n == format).count(),
            0
        );
        let (code, _, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        assert!(out.join("index.csv").exists());
    }
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new(), "swept");
}

#[test]
fn an_import_killed_midway_changes_nothing_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let sheets = tmp.path().join("sheets");
    let (code, _, err) = run(&["export", "csv", "-o", sheets.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // Into a new folder: killed, nothing appears.
    let fresh = tmp.path().join("fresh");
    let import = |out: &Path, force: bool| {
        let mut a = vec![
            "import".to_string(),
            "csv".into(),
            sheets.to_str().unwrap().into(),
            "--out".into(),
            out.to_str().unwrap().into(),
        ];
        if force {
            a.push("--force".into());
        }
        a
    };
    let args = import(&fresh, false);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    kill_after(2, &args);
    assert!(!fresh.exists());
    // Over an existing dataset with --force: killed, it is as it was.
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::write(data.join("mine.toml"), "# my data\n").unwrap();
    let before = snapshot(&data);
    let forced = import(&data, true);
    let forced: Vec<&str> = forced.iter().map(String::as_str).collect();
    kill_after(2, &forced);
    assert_eq!(snapshot(&data), before);
    // Without --force an existing folder is never replaced.
    let plain = import(&data, false);
    let plain: Vec<&str> = plain.iter().map(String::as_str).collect();
    let (code, _, err) = run(&plain);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(snapshot(&data), before);
    // Not over a file either.
    let file = tmp.path().join("file.toml");
    std::fs::write(&file, "x").unwrap();
    let onto_file = import(&file, false);
    let onto_file: Vec<&str> = onto_file.iter().map(String::as_str).collect();
    let (code, _, err) = run(&onto_file);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"x");
    // The next runs sweep what the killed ones left and succeed.
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&forced);
    assert_eq!(code, 0, "{err}");
    assert!(!data.join("mine.toml").exists() && data.join("actors.toml").exists());
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
}
