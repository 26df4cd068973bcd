//! The library core seen from outside (issue 8): streamed output and closed
//! pipes, display-width tables, value lists in help and completion, Unicode
//! name matching, atomic files and batches.

use crate::support::{fixture, musalaha, run};
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use unicode_width::UnicodeWidthStr;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_musalaha"))
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    for format in ["json", "csv", "table"] {
        let mut child = bin()
            .args(["agreements", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn tables_fit_100_columns_by_display_width() {
    for args in [
        vec!["centrality", "--measure", "betweenness", "--top", "10"],
        vec!["partners", "جيش الإسلام"],
        vec!["agreements", "--region", "eastern-ghouta"],
        vec!["explain", "jaish-al-islam", "hmeimim-centre"],
        vec!["actors"],
        vec!["stats", "--over", "year"],
        vec!["agreements", "--period", "hmeimim"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        for line in out.lines() {
            assert!(
                line.width() <= 100,
                "{args:?}: {} columns: {line}",
                line.width()
            );
        }
    }
    let out = musalaha()
        .env("COLUMNS", "70")
        .args(["partners", "jaish-al-islam"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.width() <= 70), "{text}");
    // Every agreement is still there, whole, once the wrapped lines are joined.
    let joined: String = text.split_whitespace().collect();
    assert!(
        joined.contains("eg-2017-07-23-cairo-de-escalation(2017-07-23)"),
        "{text}"
    );
}

#[test]
fn value_lists_come_from_the_vocabularies() {
    let (_, help, _) = run(&["centrality", "--help"]);
    for v in [
        "betweenness",
        "effective-size",
        "co-signing",
        "guaranteeing",
        "newman",
    ] {
        assert!(help.contains(v), "centrality --help lacks {v}");
    }
    let (_, help, _) = run(&["actors", "--help"]);
    for v in [
        "reconciliation-centre",
        "negotiation-committee",
        "regime-ally",
    ] {
        assert!(help.contains(v), "actors --help lacks {v}");
    }
    let (_, help, _) = run(&["timeline", "--help"]);
    assert!(help.contains("implementer") && help.contains("witness"));
    let (code, script, _) = run(&["completions", "bash"]);
    assert_eq!(code, 0);
    for v in ["betweenness", "guaranteeing", "armed-faction", "signatory"] {
        assert!(script.contains(v), "the bash completion lacks {v}");
    }
    let (code, _, err) = run(&["centrality", "--measure", "prestige"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid value 'prestige' for '--measure"),
        "{err}"
    );
    assert!(err.contains("betweenness"), "{err}");
}

#[test]
fn names_match_across_unicode_forms() {
    for name in [
        "Jaish al-Isl\u{101}m",
        "Jaish al-Isla\u{304}m",
        "Ｊａｉｓｈ ａｌ－Ｉｓｌａｍ",
        "جیش الاسلام",
        "ﺟﻴﺶ ﺍﻹﺳﻼﻡ",
        "جَيْشُ الإِسْلَام",
    ] {
        let v = crate::support::json(&["timeline", name, "--format", "json"]);
        assert!(
            !v.as_array().unwrap().is_empty(),
            "{name:?} found no events"
        );
        let (code, out, err) = run(&["explain", name, "hmeimim-centre", "--format", "csv"]);
        assert_eq!(code, 0, "{name:?}: {err}");
        assert!(out.contains("eg-2018-04-01-douma"), "{name:?}: {out}");
    }
}

/// A fake Graphviz that answers `-V` but fails to render.
fn failing_graphviz(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("fake-dot");
    std::fs::write(
        &p,
        "#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'dot - graphviz version 9.0.0' >&2; exit 0; fi\ncat >/dev/null\necho 'Error: out of paint' >&2\nexit 3\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    p
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_failed_export_leaves_every_file_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let fake = failing_graphviz(tmp.path());
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let dot = work.join("net.dot");
    std::fs::write(&dot, "old dot").unwrap();
    std::fs::write(work.join("net.svg"), "old svg").unwrap();
    let before = listing(&work);
    let out = musalaha()
        .env("GRAPHVIZ_DOT", &fake)
        .args(["export", "dot", "--render", "svg", "-o"])
        .arg(&dot)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("out of paint"), "{err}");
    assert_eq!(
        listing(&work),
        before,
        "the DOT file and the figure are untouched"
    );

    // A batch that fails on its first figure: an existing folder keeps its
    // files and gets no new ones; a new folder is not left behind.
    let batch = work.join("batch");
    std::fs::create_dir(&batch).unwrap();
    std::fs::write(batch.join("index.csv"), "old index").unwrap();
    let before = listing(&batch);
    for dir in [batch.clone(), work.join("new-batch")] {
        let out = musalaha()
            .env("GRAPHVIZ_DOT", &fake)
            .args([
                "export",
                "dot",
                "--per",
                "year",
                "--render",
                "svg",
                "--out-dir",
            ])
            .arg(&dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
    }
    assert_eq!(listing(&batch), before);
    assert!(!work.join("new-batch").exists());

    // The same batch without --render replaces the index and adds the files.
    let out = musalaha()
        .args(["export", "dot", "--per", "year", "--out-dir"])
        .arg(&batch)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let names: Vec<String> = listing(&batch).into_iter().map(|(n, _)| n).collect();
    assert!(names.contains(&"year-2016.dot".to_string()), "{names:?}");
    assert!(
        names.iter().all(|n| !n.starts_with(".musalaha-")),
        "{names:?}"
    );
    let index = std::fs::read_to_string(batch.join("index.csv")).unwrap();
    assert!(index.starts_with("file,figure,per,"), "{index}");
}

#[test]
fn a_data_folder_without_data_files_is_bad_input() {
    let dir = fixture("broken/empty");
    let (code, out, err) = run(&["actors", "--data", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("holds no .toml data files") && err.contains("help:"),
        "{err}"
    );
}
