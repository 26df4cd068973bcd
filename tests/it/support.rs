//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::PathBuf;

/// The real `musalaha` binary.
pub fn musalaha() -> Command {
    Command::cargo_bin("musalaha").expect("the musalaha binary is built")
}

/// A path under tests/fixtures.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs the binary and returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = musalaha().args(args).output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// Runs and parses stdout as JSON, asserting success.
pub fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "musalaha {args:?} failed: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// Runs Graphviz `dot` once on a DOT text when it is installed, asserts
/// that it accepts it, and returns what it printed on stderr (warnings).
/// Without Graphviz the check is skipped with a note on stderr, unless
/// MUSALAHA_REQUIRE_GRAPHVIZ is set (as .ci/run does), which makes it
/// mandatory. `None` when Graphviz did not run.
pub fn check_with_graphviz(dot: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command as Std, Stdio};
    let required = std::env::var_os("MUSALAHA_REQUIRE_GRAPHVIZ").is_some();
    let child = Std::new("dot")
        .args(["-Tsvg", "-o", "/dev/null"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            assert!(
                !required,
                "MUSALAHA_REQUIRE_GRAPHVIZ is set but `dot` cannot run: {e}"
            );
            eprintln!("skipped: Graphviz check (no `dot` on PATH; install graphviz to run it)");
            return None;
        }
    };
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(dot.as_bytes())
        .expect("write to dot");
    let out = child.wait_with_output().expect("dot finishes");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "Graphviz rejected the DOT: {err}");
    Some(err)
}

/// The (a, b) string fields of every object of a JSON array.
pub fn pairs(v: &serde_json::Value, a: &str, b: &str) -> Vec<(String, String)> {
    v.as_array()
        .expect("a JSON array")
        .iter()
        .map(|r| {
            (
                r[a].as_str().unwrap_or_default().to_string(),
                r[b].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}
