//! The hostile corpus (tests/fixtures/hostile/, README.md there): every
//! input that once made musalaha panic, hang, overflow its stack or print
//! something unclear, replayed through the real binary.
//!
//! Each case is a folder with a `case` file of `key: value` lines:
//! `args:` the command line (split at spaces; `{dir}` is the case folder,
//! `{tmp}` a fresh temporary folder, `@FILE` the text of FILE in the case
//! folder, without its final line break), `exit:` the expected exit code,
//! and any number of `stderr:`/`stdout:` lines, each a text the stream must
//! contain, and `stdout-lacks:` lines, texts it must not (`\u{…}` escapes
//! allowed). Every case must also end cleanly: exit code 0, 1 or 2, no
//! panic, no backtrace hint, no Debug formatting.

use crate::support::{fixture, musalaha};
use std::path::Path;

/// Texts that only a panic or a Debug dump prints.
const NEVER: &[&str] = &[
    "panicked",
    "RUST_BACKTRACE",
    "overflowed its stack",
    "internal error",
    "Some(",
    "None,",
    "Error {",
    "Os {",
    "kind: ",
    " { .. }",
];

/// Checks what a user sees on stderr: no panic, no backtrace, no Debug.
pub fn assert_clean(what: &str, code: Option<i32>, stderr: &str) {
    assert!(
        matches!(code, Some(0..=2)),
        "{what}: exit code {code:?}\n{stderr}"
    );
    for bad in NEVER {
        assert!(
            !stderr.contains(bad),
            "{what}: stderr shows {bad:?}:\n{}",
            crate::hostile::head(stderr)
        );
    }
}

/// The first few hundred characters of a long text.
pub fn head(s: &str) -> String {
    s.chars().take(600).collect()
}

/// `\u{XXXX}` escapes of a case file as characters.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 3..];
        let end = tail.find('}').expect("\\u{…} closed");
        let c = u32::from_str_radix(&tail[..end], 16).expect("hex");
        out.push(char::from_u32(c).expect("a character"));
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

fn replay(case: &Path) {
    let name = case.file_name().unwrap().to_string_lossy().to_string();
    let spec = std::fs::read_to_string(case.join("case"))
        .unwrap_or_else(|e| panic!("{name}: no case file: {e}"));
    let tmp = tempfile::tempdir().unwrap();
    let (mut args, mut exit, mut stderr, mut stdout) = (None, None, Vec::new(), Vec::new());
    let mut lacks: Vec<String> = Vec::new();
    for line in spec.lines().filter(|l| !l.starts_with('#')) {
        let Some((key, value)) = line.split_once(": ") else {
            continue;
        };
        match key {
            "args" => args = Some(value.to_string()),
            "exit" => exit = Some(value.trim().parse::<i32>().expect("exit: a number")),
            "stderr" => stderr.push(value.to_string()),
            "stdout" => stdout.push(value.to_string()),
            "stdout-lacks" => lacks.push(value.to_string()),
            other => panic!("{name}: unknown key {other}"),
        }
    }
    let args: Vec<String> = args
        .unwrap_or_else(|| panic!("{name}: no args"))
        .split(' ')
        .filter(|a| !a.is_empty())
        .map(|a| match a.strip_prefix('@') {
            Some(file) => {
                let t = std::fs::read_to_string(case.join(file)).expect("@FILE reads");
                t.strip_suffix('\n').unwrap_or(&t).to_string()
            }
            None => a
                .replace("{dir}", case.to_str().unwrap())
                .replace("{tmp}", tmp.path().to_str().unwrap()),
        })
        .collect();
    let out = musalaha().args(&args).output().expect("the binary runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let got = String::from_utf8_lossy(&out.stdout);
    assert_clean(&name, out.status.code(), &err);
    assert_eq!(
        out.status.code(),
        exit,
        "{name}: exit code\nstderr: {}",
        head(&err)
    );
    for want in stderr {
        assert!(
            err.contains(&want),
            "{name}: stderr lacks {want:?}:\n{}",
            head(&err)
        );
    }
    for bad in lacks {
        let bad = unescape(&bad);
        assert!(!got.contains(&bad), "{name}: stdout shows {bad:?}");
    }
    for want in stdout {
        assert!(
            got.contains(&want),
            "{name}: stdout lacks {want:?}:\n{}",
            head(&got)
        );
    }
}

#[test]
fn every_hostile_input_ends_cleanly_with_its_message() {
    let root = fixture("hostile");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4, "the corpus is there: {cases:?}");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy();
        assert!(
            readme.contains(&format!("`{name}`")),
            "tests/fixtures/hostile/README.md does not describe {name}"
        );
        replay(case);
    }
}
