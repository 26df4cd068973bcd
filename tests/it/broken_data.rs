//! Every error path of loading: a small broken dataset each, its message with
//! file:line:column, and exit code 2.

use crate::support::{fixture, run};

/// Validates a broken fixture and returns stderr, asserting exit code 2 and
/// that nothing went to stdout.
fn broken(name: &str) -> String {
    let dir = fixture(&format!("broken/{name}"));
    let (code, out, err) = run(&["validate", "--data", dir.to_str().unwrap()]);
    assert_eq!(
        code, 2,
        "{name}: expected exit 2, got {code}; stderr: {err}"
    );
    assert!(out.is_empty(), "{name}: stdout should be empty, got {out}");
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert!(
        !err.contains("Error {"),
        "{name}: debug formatting leaked: {err}"
    );
    err
}

/// The single line that reports `code`, as `base.toml:L:C: error[code]: ...`.
fn line_of<'a>(err: &'a str, code: &str) -> &'a str {
    err.lines()
        .find(|l| l.contains(&format!("error[{code}]")))
        .unwrap_or_else(|| panic!("no error[{code}] in: {err}"))
}

#[test]
fn valid_fixture_validates() {
    let dir = fixture("valid");
    let (code, out, err) = run(&["validate", "--data", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("dataset is valid"));
    assert!(out
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["agreement", "total", "3"]));
    assert!(out
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["actor", "total", "5"]));
}

#[test]
fn unknown_field() {
    let err = broken("unknown-field");
    let l = line_of(&err, "unknown-field");
    assert!(l.contains("base.toml:83:1:"), "{l}");
    assert!(l.contains("unknown field `venue`"), "{l}");
    assert!(err.contains("help: remove or rename the field"));
}

#[test]
fn unknown_id_suggests_the_closest() {
    let err = broken("unknown-id");
    let l = line_of(&err, "unknown-id");
    assert!(l.contains("base.toml:118:13:"), "{l}");
    assert!(l.contains("unknown actor id 'fac-c'"), "{l}");
    assert!(err.contains("closest: fac-a, fac-b"), "{err}");
}

#[test]
fn duplicate_id_names_the_first_definition() {
    let err = broken("duplicate-id");
    let l = line_of(&err, "duplicate-id");
    assert!(l.contains("base.toml:57:6:"), "{l}");
    assert!(
        l.contains("actor id 'fac-a' is defined twice (first at"),
        "{l}"
    );
    assert!(l.contains("base.toml:50)"), "{l}");
}

#[test]
fn impossible_date() {
    let err = broken("bad-date");
    let l = line_of(&err, "bad-date");
    assert!(l.contains("base.toml:95:8:"), "{l}");
    assert!(l.contains("'2018-02-30'") && l.contains("28 days"), "{l}");
}

#[test]
fn role_that_does_not_exist() {
    let err = broken("bad-role");
    let l = line_of(&err, "bad-value");
    assert!(l.contains("base.toml:105:28:"), "{l}");
    assert!(l.contains("'patron' is not a known role"), "{l}");
    assert!(err.contains("signatory, guarantor, mediator"), "{err}");
}

#[test]
fn cycle_in_place_hierarchy() {
    let err = broken("place-cycle");
    let l = line_of(&err, "cycle");
    assert!(l.contains("base.toml:26:10:"), "{l}");
    assert!(l.contains("douma -> ghouta -> douma"), "{l}");
}

#[test]
fn toml_syntax_error() {
    let err = broken("syntax");
    let l = line_of(&err, "syntax");
    assert!(l.contains("base.toml:112:"), "{l}");
}

#[test]
fn signatory_without_side() {
    let err = broken("missing-side");
    let l = line_of(&err, "missing");
    assert!(l.contains("base.toml:103:13:"), "{l}");
    assert!(l.contains("signatory 'fac-b' has no side"), "{l}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let err = broken("many");
    assert!(line_of(&err, "bad-date").contains("base.toml:80:8:"));
    assert!(line_of(&err, "bad-value").contains("'broker'"));
    assert!(line_of(&err, "unknown-id").contains("'hims'"));
    assert!(err.contains("3 problems found in the data"), "{err}");
}

#[test]
fn folder_without_data() {
    let err = broken("empty");
    assert!(err.contains("holds no .toml data files"), "{err}");
}

/// Asserts that stderr carries no panic and no Rust debug formatting.
fn assert_clean(what: &str, err: &str) {
    for leak in [
        "panicked",
        "Error {",
        "Os {",
        "kind: ",
        "Custom {",
        "RUST_BACKTRACE",
    ] {
        assert!(!err.contains(leak), "{what}: `{leak}` on stderr: {err}");
    }
}

#[test]
fn missing_folder_is_a_data_problem() {
    let (code, out, err) = run(&["validate", "--data", "/nonexistent/musalaha-data"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("cannot read /nonexistent/musalaha-data: "),
        "{err}"
    );
    assert!(
        err.contains("help: give --data a readable folder of .toml data files"),
        "{err}"
    );
    assert_clean("missing folder", &err);
}

#[test]
fn data_path_that_is_a_file_is_a_data_problem() {
    let file = fixture("valid/base.toml");
    let (code, out, err) = run(&["validate", "--data", file.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains(&format!("cannot read {}: ", file.display())),
        "{err}"
    );
    assert_clean("file as --data", &err);
}

#[test]
fn folder_without_data_says_what_to_give() {
    let err = broken("empty");
    assert!(
        err.contains("broken/empty holds no .toml data files"),
        "{err}"
    );
    assert!(
        err.contains("help: point --data at a folder like graph-data/"),
        "{err}"
    );
    assert_clean("empty folder", &err);
}

#[test]
fn invalid_utf8_is_a_data_problem_with_a_position() {
    let err = broken("encoding");
    let l = line_of(&err, "encoding");
    assert!(l.contains("base.toml:51:20:"), "{l}");
    assert!(l.contains("not valid UTF-8"), "{l}");
    assert!(err.contains("help: re-save the file as UTF-8"), "{err}");
    assert!(err.contains("1 problem found in the data"), "{err}");
    assert_clean("invalid UTF-8", &err);
}

#[test]
fn a_syntax_error_hides_no_ids_from_other_files() {
    // actors.toml breaks the record of `med`; agreements.toml names `med`:
    // one problem, not a cascade of unknown ids.
    let err = broken("hidden-record");
    let problems: Vec<&str> = err.lines().filter(|l| l.contains(": error[")).collect();
    assert_eq!(problems.len(), 1, "{err}");
    assert!(
        problems[0].contains("actors.toml:72:26: error[syntax]"),
        "{err}"
    );
    assert!(err.contains("1 problem found in the data"), "{err}");
    assert_clean("hidden record", &err);
}

#[test]
fn multi_line_notes_may_hold_lines_that_begin_with_a_bracket() {
    let dir = fixture("valid-bracket-note");
    let (code, out, err) = run(&["validate", "--data", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("dataset is valid"));
    assert!(out
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["agreement", "total", "3"]));
    assert!(out
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["actor", "total", "5"]));
}

#[test]
fn other_commands_refuse_broken_data_too() {
    let dir = fixture("broken/bad-date");
    let (code, out, err) = run(&["centrality", "--data", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("error[bad-date]"));
}
