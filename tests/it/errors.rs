//! Every error class of docs/errors.md through the real binary: one clear
//! message, its documented exit code, no panic, backtrace or Debug output
//! (tests/it/hostile.rs `assert_clean`).

use crate::hostile::assert_clean;
use crate::support::{fixture, musalaha};
use std::path::Path;
use std::process::Stdio;

/// Runs with extra environment; returns (code, stdout, stderr) after
/// checking stderr is clean.
fn run_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut c = musalaha();
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_clean(&format!("{args:?}"), out.status.code(), &err);
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}

fn expect(args: &[&str], code: i32, texts: &[&str]) -> String {
    let (got, _, err) = run_env(args, &[]);
    assert_eq!(got, code, "{args:?}: {err}");
    for t in texts {
        assert!(err.contains(t), "{args:?}: stderr lacks {t:?}:\n{err}");
    }
    assert!(
        err.starts_with("musalaha: ") || err.starts_with("error: "),
        "{err}"
    );
    err
}

#[test]
fn data_and_usage_errors_are_exit_2() {
    let broken = fixture("broken/bad-date");
    expect(
        &["validate", "--data", broken.to_str().unwrap()],
        2,
        &["error[bad-date]", ".toml:", "nothing was computed"],
    );
    expect(&["--bogus"], 2, &["unexpected argument '--bogus'"]);
    expect(
        &["export", "csv"],
        2,
        &["cannot go to standard output", "help: add -o DIR"],
    );
    expect(
        &["export", "dot", "--from", "2099-01-01"],
        2,
        &["nothing to draw", "help: widen the slice"],
    );
    expect(
        &["partners", "no-such-actor-zz"],
        2,
        &["no actor matches", "musalaha actors"],
    );
    expect(
        &["agreements", "--from", "2018", "--to", "2017"],
        2,
        &["the date window is empty"],
    );
}

#[test]
fn io_errors_name_the_path() {
    // A file given as the data folder, a folder given as a file.
    expect(
        &["--data", "Cargo.toml", "stats"],
        2,
        &["cannot read Cargo.toml", "Not a directory"],
    );
    expect(
        &["stats", "--edges", "src"],
        1,
        &["cannot read src", "Is a directory"],
    );
    expect(
        &["stats", "--edges", "no/such/file.csv"],
        1,
        &["cannot read no/such/file.csv"],
    );
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    expect(
        &["--data", empty.to_str().unwrap(), "stats"],
        2,
        &["holds no .toml data files"],
    );
    expect(
        &[
            "import",
            "csv",
            empty.to_str().unwrap(),
            "--out",
            tmp.path().join("o").to_str().unwrap(),
        ],
        2,
        &["holds none of the CSV tables"],
    );
    // Permission denied: an unreadable data file (root reads anything, so
    // this part runs only for other users).
    let locked = tmp.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let file = locked.join("data.toml");
    std::fs::copy(fixture("valid/base.toml"), &file).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&file).is_err() {
            expect(
                &["--data", locked.to_str().unwrap(), "stats"],
                2,
                &["Permission denied"],
            );
        } else {
            eprintln!("skipped: permission-denied check (running as root)");
        }
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
}

#[test]
fn a_full_disk_is_exit_1_and_a_closed_pipe_is_quiet() {
    let full = std::fs::File::create("/dev/full");
    if let Ok(full) = full {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("musalaha"))
            .args(["agreements", "--format", "json"])
            .stdout(full)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_clean("/dev/full", out.status.code(), &err);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("cannot write standard output: No space left on device"),
            "{err}"
        );
    }
    // The reader goes away at once: nothing on stderr, exit 0.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("musalaha"))
        .args(["participations", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn a_missing_or_failing_graphviz_is_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("g.dot");
    let t = target.to_str().unwrap();
    let nowhere = tmp.path().join("no-dot-here");
    let (code, _, err) = run_env(
        &["export", "dot", "--render", "svg", "-o", t],
        &[("GRAPHVIZ_DOT", nowhere.to_str().unwrap())],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("needs Graphviz, which was not found")
            && err.contains("help: install Graphviz"),
        "{err}"
    );
    assert!(!target.exists(), "nothing written");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A `dot` that knows its version but fails to render.
        let fake = tmp.path().join("dot");
        std::fs::write(
            &fake,
            "#!/bin/sh\nif [ \"$1\" = -V ]; then echo 'dot - graphviz version 2.43.0' >&2; exit 0; fi\ncat >/dev/null\necho 'Error: <stdin>: syntax error in line 1' >&2\nexit 1\n",
        )
        .unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let (code, _, err) = run_env(
            &["export", "dot", "--render", "svg", "-o", t],
            &[("GRAPHVIZ_DOT", fake.to_str().unwrap())],
        );
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains("cannot render") && err.contains("syntax error in line 1"),
            "{err}"
        );
        assert!(!target.exists() && !Path::new(&t.replace(".dot", ".svg")).exists());
    }
}

#[test]
fn limits_are_refused_by_name_and_deep_hierarchies_work() {
    use std::fmt::Write;
    let tmp = tempfile::tempdir().unwrap();
    let head = "[[source]]\nid = \"doc\"\ntitle_ar = \"و\"\ntitle_en = \"D\"\nkind = \"study\"\n\n[[place]]\nid = \"syria\"\nname_en = \"Syria\"\nname_ar = \"س\"\nkind = \"country\"\n";
    let actor = |i: usize| {
        let (k, a) = if i % 2 == 0 {
            ("armed-faction", "opposition")
        } else {
            ("state", "regime")
        };
        format!("[[actor]]\nid = \"a{i}\"\nname_en = \"A{i}\"\nname_ar = \"ف\"\nkind = \"{k}\"\nalignment = \"{a}\"\n")
    };
    let agreement = |place: &str, n: usize| {
        let parts: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "{{ actor = \"a{i}\", role = \"signatory\", side = \"{}\" }}",
                    if i % 2 == 0 { "opposition" } else { "regime" }
                )
            })
            .collect();
        format!("[[agreement]]\nid = \"g\"\ntitle = \"T\"\ndate = \"2016\"\nplaces = [\"{place}\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nparticipants = [{}]\nsources = [{{ document = \"doc\", locator = \"s\" }}]\n", parts.join(", "))
    };
    // One agreement over the participant limit.
    let n = musalaha::load::MAX_PARTICIPANTS + 1;
    let crowd = tmp.path().join("crowd");
    std::fs::create_dir(&crowd).unwrap();
    let text = format!(
        "{head}{}{}",
        (0..n).map(actor).collect::<String>(),
        agreement("syria", n)
    );
    std::fs::write(crowd.join("d.toml"), text).unwrap();
    expect(
        &["--data", crowd.to_str().unwrap(), "stats"],
        2,
        &[
            "error[limit]",
            &format!("lists {n} participants, more than the 500"),
        ],
    );
    // A place hierarchy 30 000 deep (a recursive walk of it overflowed the
    // stack of a debug build): validation, places, a region, clusters.
    let depth = 30_000;
    let deep = tmp.path().join("deep");
    std::fs::create_dir(&deep).unwrap();
    let mut text = head.to_string();
    for i in 0..depth {
        let parent = if i == 0 {
            "syria".to_string()
        } else {
            format!("p{}", i - 1)
        };
        writeln!(text, "[[place]]\nid = \"p{i}\"\nname_en = \"P{i}\"\nname_ar = \"ب\"\nkind = \"area\"\nparent = \"{parent}\"").unwrap();
    }
    text.push_str(&(0..4).map(actor).collect::<String>());
    text.push_str(&agreement(&format!("p{}", depth - 1), 4));
    std::fs::write(deep.join("d.toml"), text).unwrap();
    let d = deep.to_str().unwrap();
    for args in [
        vec!["--data", d, "validate"],
        vec!["--data", d, "stats", "--region", "p0"],
        vec![
            "--data",
            d,
            "export",
            "dot",
            "--cluster-by",
            "region",
            "--level",
            "area",
        ],
        vec!["--data", d, "export", "gexf", "--region", "Syria"],
    ] {
        let (code, _, err) = run_env(&args, &[]);
        assert_eq!(code, 0, "{args:?}: {err}");
    }
    let (code, out, err) = run_env(&["--data", d, "places", "--format", "csv"], &[]);
    assert_eq!(code, 0, "{err}");
    let last = format!("p{}", depth - 1);
    let row = out
        .lines()
        .find(|l| l.starts_with(&format!("{last},")))
        .unwrap();
    assert!(
        row.contains(&format!(
            "syria > p0 > p1 > p2 > p3 > p4 > p5 > p6 > … {} more … > p{} > ",
            depth + 1 - 16,
            depth - 8
        )),
        "{row}"
    );
    assert!(
        out.len() < depth * 400,
        "the listing is linear in the places"
    );
}
