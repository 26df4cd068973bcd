//! Reading and validating the TOML dataset.
//!
//! Invariant: **loading never stops at the first problem.** Every file is
//! read and parsed, every record of every file is checked, and the caller
//! gets the dataset or the full list of [`Diagnostic`]s, each with
//! file:line:column, sorted and deduplicated. A syntax error hides only the
//! record it is in, and the ids of hidden records still count as defined, so
//! one mistake does not cascade into errors elsewhere.
//!
//! [`check_files`] is a short pipeline of phases, one file each:
//!
//! | file | phase (diagnostic codes) |
//! |---|---|
//! | `mod.rs` | public API; reading the folder as bytes, decoding UTF-8 (`encoding`) |
//! | `parse.rs` | 1. each file parsed once as TOML, each record deserialised with absolute spans (`syntax`, `unknown-field`, `missing`) |
//! | `scan.rs` | the lexical look at a file the parser rejected: where its records begin, which ids a broken one defines |
//! | `ids.rs` | 2. ids kebab-case and unique (`bad-id`, `duplicate-id`); the known-id sets |
//! | `refs.rs` | 3. every reference names a known record (`unknown-id`) |
//! | `values.rs` | 4. coded values are in their vocabulary (`bad-value`) |
//! | `dates.rs` | 5. dates are possible, periods in order (`bad-date`) |
//! | `rules.rs` | 5b. required content: places, sources, signatories' sides (`missing`); at most [`MAX_PARTICIPANTS`] per agreement (`limit`) |
//! | `cycles.rs` | 6. no cycle in the place/actor hierarchies or `follows` chains (`cycle`) |
//! | `assemble.rs` | 7. the model built from the checked records |
//!
//! The file format is separate from the model: `raw.rs` types mirror the
//! TOML (with spans), [`crate::model`] types are what the rest of the crate
//! uses. `report.rs` turns byte offsets into line:column and keeps the list.
//! Every phase is linear in the size of the data (hash maps for ids and
//! references, colour marks for cycles).

mod assemble;
mod cycles;
mod dates;
mod ids;
mod parse;
mod raw;
mod refs;
mod report;
mod rules;
mod scan;
mod values;

pub use ids::is_valid_id;
pub use rules::MAX_PARTICIPANTS;

use crate::error::{Diagnostic, Error, Result};
use crate::model::Dataset;
use report::Reporter;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A data file: the path shown in messages and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    /// `Some(offset)` when the file's bytes are not valid UTF-8: `text` then
    /// holds a lossy decoding (bad bytes become U+FFFD) and `offset` is where
    /// the first bad byte was, the same in the bytes and in `text`. Checking
    /// reports it as an `encoding` problem, with the file's other problems.
    pub invalid_utf8_at: Option<usize>,
}

impl SourceFile {
    /// A file given as text.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            path: path.into(),
            text: text.into(),
            invalid_utf8_at: None,
        }
    }

    /// A file given as bytes, decoded as UTF-8; invalid bytes are kept as a
    /// problem to report rather than an error that stops loading.
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>) -> Self {
        match String::from_utf8(bytes) {
            Ok(text) => SourceFile::new(path, text),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                SourceFile {
                    path: path.into(),
                    text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    invalid_utf8_at: Some(at),
                }
            }
        }
    }
}

/// The data files compiled into the binary (graph-data/ at build time).
pub fn embedded_files() -> Vec<SourceFile> {
    embedded::FILES
        .iter()
        .map(|(p, t)| SourceFile::new(*p, *t))
        .collect()
}

/// Every `*.toml` file below `dir`, sorted by path. A folder that cannot be
/// read is [`Error::DataDir`], one without data files [`Error::NoDataFiles`]
/// (both data problems, exit code 2). A file that is not UTF-8 is returned
/// (see [`SourceFile::invalid_utf8_at`]) so that checking reports it with
/// the other problems.
pub fn read_dir_files(dir: &Path) -> Result<Vec<SourceFile>> {
    fn walk(
        dir: &Path,
        out: &mut Vec<PathBuf>,
    ) -> std::result::Result<(), (PathBuf, std::io::Error)> {
        let entries = std::fs::read_dir(dir).map_err(|e| (dir.to_path_buf(), e))?;
        for e in entries {
            let p = e.map_err(|e| (dir.to_path_buf(), e))?.path();
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
        Ok(())
    }
    let unreadable = |path: &Path, e: std::io::Error| Error::DataDir {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|(p, e)| unreadable(&p, e))?;
    if paths.is_empty() {
        return Err(Error::NoDataFiles {
            dir: dir.display().to_string(),
        });
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).map_err(|e| unreadable(&p, e))?;
            Ok(SourceFile::from_bytes(p.display().to_string(), bytes))
        })
        .collect()
}

/// Loads the embedded dataset.
pub fn load_embedded() -> Result<Dataset> {
    load_files(&embedded_files())
}

/// Loads `dir` if given, else the embedded dataset.
pub fn load(dir: Option<&Path>) -> Result<Dataset> {
    match dir {
        Some(d) => load_files(&read_dir_files(d)?),
        None => load_embedded(),
    }
}

/// Parses and validates files; all problems or the dataset.
pub fn load_files(files: &[SourceFile]) -> Result<Dataset> {
    let (ds, diags) = check_files(files);
    if diags.is_empty() {
        Ok(ds)
    } else {
        Err(Error::InvalidData(diags))
    }
}

/// Parses and validates; returns what could be built (every record that
/// could be read and checked) and every problem found, sorted by position.
pub fn check_files(files: &[SourceFile]) -> (Dataset, Vec<Diagnostic>) {
    let mut rep = Reporter::new(files.iter().map(|f| (f.path.as_str(), f.text.as_str())));
    check_encoding(&mut rep, files);
    let parsed = parse::parse_files(&mut rep, files.iter().map(|f| f.text.as_str()));
    ids::check_ids(&mut rep, &parsed.records);
    let known = ids::known_ids(&parsed);
    refs::check_references(&mut rep, &parsed.records, &known);
    values::check_values(&mut rep, &parsed.records);
    dates::check_dates(&mut rep, &parsed.records);
    rules::check_required(&mut rep, &parsed.records);
    cycles::check_cycles(&mut rep, &parsed.records);
    let ds = assemble::dataset(&parsed.records);
    (ds, rep.finish())
}

/// Reports each file whose bytes were not UTF-8, at the first bad byte.
fn check_encoding(rep: &mut Reporter, files: &[SourceFile]) {
    for (i, f) in files.iter().enumerate() {
        if let Some(at) = f.invalid_utf8_at {
            rep.at(
                i,
                at,
                "encoding",
                "the file is not valid UTF-8 (the first bad byte is here)".to_string(),
                "re-save the file as UTF-8 (data files are UTF-8 text, not Latin-1 or Windows-1256)",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Vec<SourceFile> {
        vec![SourceFile::new("t.toml", text)]
    }

    const BASE: &str = r#"
[[source]]
id = "doc"
title_ar = "وثيقة"
title_en = "Doc"
kind = "study"

[[place]]
id = "syria"
name_en = "Syria"
name_ar = "سورية"
kind = "country"

[[place]]
id = "douma"
name_en = "Douma"
name_ar = "دوما"
kind = "city"
parent = "syria"

[[actor]]
id = "a"
name_en = "A"
name_ar = "أ"
kind = "armed-faction"
alignment = "opposition"

[[actor]]
id = "b"
name_en = "B"
name_ar = "ب"
kind = "reconciliation-centre"
alignment = "regime-ally"
"#;

    #[test]
    fn valid_file_loads() {
        let text = format!(
            "{BASE}\n[[agreement]]\nid = \"x\"\ntitle = \"X\"\ndate = \"2018-04-01\"\nplaces = [\"douma\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nparticipants = [{{ actor = \"a\", role = \"signatory\", side = \"opposition\" }}, {{ actor = \"b\", role = \"signatory\", side = \"regime\" }}]\nsources = [{{ document = \"doc\", locator = \"s1\" }}]\n"
        );
        let ds = load_files(&file(&text)).unwrap();
        assert_eq!(ds.agreements.len(), 1);
        assert_eq!(ds.place_and_descendants("syria").len(), 2);
    }

    #[test]
    fn all_problems_reported_with_positions() {
        let text = format!(
            "{BASE}\n[[agreement]]\nid = \"x\"\ntitle = \"X\"\ndate = \"2018-02-30\"\nplaces = [\"dooma\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nparticipants = [{{ actor = \"zz\", role = \"boss\", side = \"opposition\" }}]\nsources = [{{ document = \"doc\", locator = \"s1\" }}]\n\n[[actor]]\nid = \"a\"\nname_en = \"A2\"\nname_ar = \"أ\"\nkind = \"armed-faction\"\nalignment = \"opposition\"\ncolour = \"red\"\n"
        );
        let (_, d) = check_files(&file(&text));
        let codes: Vec<&str> = d.iter().map(|x| x.code).collect();
        assert!(codes.contains(&"bad-date"), "{codes:?}");
        assert!(codes.contains(&"unknown-id"), "{codes:?}");
        assert!(codes.contains(&"bad-value"), "{codes:?}");
        assert!(codes.contains(&"unknown-field"), "{codes:?}");
        let date = d.iter().find(|x| x.code == "bad-date").unwrap();
        let line = text.lines().position(|l| l.contains("2018-02-30")).unwrap() + 1;
        assert_eq!((date.line, date.column), (line, 8));
        let place = d.iter().find(|x| x.message.contains("dooma")).unwrap();
        assert!(place.help.contains("douma"), "{}", place.help);
    }

    #[test]
    fn duplicates_and_cycles() {
        let text = format!(
            "{BASE}\n[[place]]\nid = \"douma\"\nname_en = \"D\"\nname_ar = \"د\"\nkind = \"city\"\n\n[[place]]\nid = \"p1\"\nname_en = \"P1\"\nname_ar = \"ب\"\nkind = \"area\"\nparent = \"p2\"\n\n[[place]]\nid = \"p2\"\nname_en = \"P2\"\nname_ar = \"ب\"\nkind = \"area\"\nparent = \"p1\"\n"
        );
        let (_, d) = check_files(&file(&text));
        assert_eq!(d.iter().filter(|x| x.code == "duplicate-id").count(), 1);
        assert_eq!(d.iter().filter(|x| x.code == "cycle").count(), 1);
        assert!(d
            .iter()
            .any(|x| x.message.contains("p1 -> p2 -> p1") || x.message.contains("p2 -> p1 -> p2")));
    }

    #[test]
    fn syntax_error_in_one_record_does_not_hide_others() {
        let text = format!("{BASE}\n[[actor]]\nid = \"c\nname_en = 1\n\n[[actor]]\nid = \"Bad Id\"\nname_en = \"X\"\nname_ar = \"س\"\nkind = \"state\"\nalignment = \"regime\"\n");
        let (ds, d) = check_files(&file(&text));
        assert!(d.iter().any(|x| x.code == "syntax"));
        assert!(d.iter().any(|x| x.code == "bad-id"));
        assert_eq!(ds.actors.len(), 3);
    }

    /// An agreement between actors `a` and `b` (of BASE) in `place`.
    fn agreement(id: &str, place: &str, extra: &str) -> String {
        format!(
            "\n[[agreement]]\nid = \"{id}\"\ntitle = \"X\"\ndate = \"2018-04-01\"\nplaces = [\"{place}\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nparticipants = [{{ actor = \"a\", role = \"signatory\", side = \"opposition\" }}, {{ actor = \"b\", role = \"signatory\", side = \"regime\" }}]\nsources = [{{ document = \"doc\", locator = \"s1\" }}]\n{extra}"
        )
    }

    #[test]
    fn syntax_error_hides_no_id_from_other_files() {
        // The actor `c` has a syntax error (not on its id line); an agreement
        // in another file names it. Only the syntax error is reported.
        let actors = format!(
            "{BASE}\n[[actor]]\nid = \"c\"\nname_en = \"C\nname_ar = \"ج\"\nkind = \"state\"\nalignment = \"regime\"\n"
        );
        let agreements = agreement("x", "douma", "").replace("actor = \"b\"", "actor = \"c\"");
        let files = vec![
            SourceFile::new("actors.toml", actors),
            SourceFile::new("agreements.toml", agreements),
        ];
        let (ds, d) = check_files(&files);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].file.as_str(), d[0].code), ("actors.toml", "syntax"));
        assert_eq!(d[0].line, BASE.lines().count() + 4);
        assert_eq!(ds.agreements.len(), 1);
        assert_eq!(ds.actors.len(), 2);
    }

    #[test]
    fn bracket_lines_inside_multi_line_notes_load() {
        let note = "note = \"\"\"\nSee:\n[[agreement]]\n[source]\n  [the 2016 text]\n\"\"\"\ndate_note = '''\n[[actor]]\n'''\n";
        let text = format!(
            "{BASE}{}{}",
            agreement("x", "douma", note),
            agreement("y", "syria", "")
        );
        let ds = load_files(&file(&text)).unwrap();
        assert_eq!(ds.agreements.len(), 2);
        assert!(ds.agreements["x"]
            .note
            .as_deref()
            .is_some_and(|n| n.contains("\n[[agreement]]\n[source]\n")));
        assert_eq!(ds.agreements["x"].date_note.as_deref(), Some("[[actor]]\n"));
    }

    #[test]
    fn spans_point_into_the_whole_file() {
        // A bad value in the last record of a file, after a note with a
        // header-like line: the position is the file's, not the record's.
        let note = "note = \"\"\"\n[[agreement]]\n\"\"\"\n";
        let text = format!("{BASE}{}", agreement("x", "douma", note))
            .replace("final-settlement", "final-setlement");
        let (_, d) = check_files(&file(&text));
        assert_eq!(d.len(), 1, "{d:?}");
        let line = text
            .lines()
            .position(|l| l.contains("final-setlement"))
            .unwrap()
            + 1;
        assert_eq!((d[0].code, d[0].line, d[0].column), ("bad-value", line, 8));
    }

    #[test]
    fn invalid_utf8_is_reported_with_the_other_problems() {
        let mut bytes = format!("{BASE}{}", agreement("x", "dooma", "")).into_bytes();
        let at = bytes.windows(3).position(|w| w == b"\"B\"").unwrap() + 1;
        bytes[at] = 0xC9; // Latin-1 for 'É': not UTF-8 here.
        let f = SourceFile::from_bytes("t.toml", bytes);
        assert_eq!(f.invalid_utf8_at, Some(at));
        let (_, d) = check_files(&[f]);
        let codes: Vec<&str> = d.iter().map(|x| x.code).collect();
        assert_eq!(codes, ["encoding", "unknown-id"], "{d:?}");
        let line = BASE.lines().position(|l| l == "name_en = \"B\"").unwrap() + 1;
        assert_eq!((d[0].line, d[0].column), (line, 12));
        assert!(d[0].help.contains("UTF-8"));
    }

    #[test]
    fn a_bad_byte_outside_a_string_is_one_problem() {
        let mut bytes = BASE.as_bytes().to_vec();
        let at = BASE.find("kind = \"study\"").unwrap() + "kind".len();
        bytes.insert(at, 0xFF);
        let (_, d) = check_files(&[SourceFile::from_bytes("t.toml", bytes)]);
        let codes: Vec<&str> = d.iter().map(|x| x.code).collect();
        assert_eq!(codes, ["encoding"], "{d:?}");
    }

    #[test]
    fn cycle_is_shown_from_the_first_walk_that_enters_it() {
        // a -> c -> d -> c: the walk from `a` enters the cycle at `c`; the
        // reference that closes it is d's parent.
        let places = [("a", "c"), ("c", "d"), ("d", "c"), ("e", "e")]
            .iter()
            .map(|(id, par)| {
                format!("\n[[place]]\nid = \"{id}\"\nname_en = \"P\"\nname_ar = \"ب\"\nkind = \"area\"\nparent = \"{par}\"\n")
            })
            .collect::<String>();
        let text = format!("{BASE}{places}");
        let (_, d) = check_files(&file(&text));
        let cycles: Vec<(usize, &str)> = d
            .iter()
            .filter(|x| x.code == "cycle")
            .map(|x| (x.line, x.message.as_str()))
            .collect();
        let parent_line = |id: &str| {
            text.lines()
                .position(|l| l == format!("id = \"{id}\""))
                .unwrap()
                + 5
        };
        assert_eq!(
            cycles,
            [
                (
                    parent_line("d"),
                    "the place hierarchy has a cycle: c -> d -> c"
                ),
                (parent_line("e"), "the place hierarchy has a cycle: e -> e"),
            ]
        );
    }

    /// `n` places, each the parent of the next.
    fn place_chain(n: usize) -> String {
        let mut text = String::from(
            "[[place]]\nid = \"p0\"\nname_en = \"P\"\nname_ar = \"ب\"\nkind = \"country\"\n",
        );
        for i in 1..n {
            text.push_str(&format!(
                "[[place]]\nid = \"p{i}\"\nname_en = \"P\"\nname_ar = \"ب\"\nkind = \"area\"\nparent = \"p{}\"\n",
                i - 1
            ));
        }
        text
    }

    #[test]
    fn a_place_hierarchy_100000_deep_loads() {
        let n = 100_000;
        let ds = load_files(&file(&place_chain(n))).unwrap();
        assert_eq!(ds.places.len(), n);
        assert_eq!(ds.place_and_descendants("p0").len(), n);
        assert_eq!(ds.place_and_descendants(&format!("p{}", n - 10)).len(), 10);
        assert_eq!(ds.place_and_descendants("nowhere").len(), 1);
    }

    #[test]
    fn a_follows_cycle_100000_long_is_reported_once() {
        let n = 100_000;
        let mut text = BASE.to_string();
        for i in 0..n {
            let next = (i + 1) % n;
            text.push_str(&format!(
                "[[agreement]]\nid = \"g{i}\"\ntitle = \"G\"\ndate = \"2016\"\nplaces = [\"syria\"]\nkind = \"negotiation-meeting\"\nstatus = \"held\"\nfollows = \"g{next}\"\nsources = [{{ document = \"doc\", locator = \"s\" }}]\n"
            ));
        }
        let (ds, d) = check_files(&file(&text));
        assert_eq!(d.len(), 1, "{:?}", d.first());
        assert_eq!(d[0].code, "cycle");
        // Walks start from the smallest id, g0, so the cycle closes at the
        // last agreement's `follows`.
        let shown = d[0]
            .message
            .trim_start_matches("the agreement (follows) hierarchy has a cycle: ");
        let ids: Vec<&str> = shown.split(" -> ").collect();
        assert_eq!(ids.len(), n + 1);
        assert_eq!((ids[0], ids[1], ids[n]), ("g0", "g1", "g0"));
        assert_eq!(d[0].line, text.lines().count() - 1);
        assert_eq!(ds.agreements.len(), n);
    }

    #[test]
    fn codebook_v2_fields_load() {
        use crate::model::{AgreementKind, Role, Unit};
        let text = format!(
            "{BASE}\n[[place]]\nid = \"both\"\nname_en = \"Both towns\"\nname_ar = \"البلدتان\"\nkind = \"group\"\nmembers = [\"douma\", \"syria\"]\n\n[[agreement]]\nid = \"x\"\ntitle = \"X\"\ndate = \"2018-04-01\"\nplaces = [\"douma\"]\nkind = \"defection\"\nstatus = \"implemented\"\nparticipants = [{{ actor = \"a\", role = \"signatory\", side = \"opposition\", inferred = true, note = \"presumed\" }}, {{ actor = \"b\", role = \"host\", also = [\"mediator\", \"convener\"], side = \"neutral\" }}]\nterms = [{{ code = \"evacuation\", count = 120, unit = \"fighters\" }}]\nsources = [{{ document = \"doc\", locator = \"s1\" }}]\n"
        );
        let ds = load_files(&file(&text)).unwrap();
        let a = &ds.agreements["x"];
        assert_eq!(a.kind, AgreementKind::Defection);
        assert!(a.participants[0].inferred);
        let roles: Vec<Role> = a
            .participants
            .iter()
            .filter(|p| p.actor == "b")
            .map(|p| p.role)
            .collect();
        assert_eq!(roles, [Role::Host, Role::Mediator, Role::Convener]);
        assert!(a
            .participants
            .iter()
            .filter(|p| p.actor == "b")
            .all(|p| !p.inferred));
        assert_eq!(a.terms[0].unit, Some(Unit::Fighters));
        assert_eq!(ds.places["both"].members, ["douma", "syria"]);
        assert!(ds.place_and_descendants("both").contains("douma"));
    }

    #[test]
    fn codebook_v2_values_are_checked() {
        let text = format!(
            "{BASE}\n[[place]]\nid = \"lonely\"\nname_en = \"L\"\nname_ar = \"ل\"\nkind = \"group\"\n\n[[place]]\nid = \"town\"\nname_en = \"T\"\nname_ar = \"ت\"\nkind = \"town\"\nmembers = [\"nowhere\"]\n\n[[agreement]]\nid = \"x\"\ntitle = \"X\"\ndate = \"2018-04-01\"\nplaces = [\"douma\"]\nkind = \"final-settlement\"\nstatus = \"signed\"\nparticipants = [{{ actor = \"a\", role = \"signatory\", side = \"opposition\", also = [\"boss\"] }}]\nterms = [{{ code = \"evacuation\", count = 3, unit = \"camels\" }}]\nsources = [{{ document = \"doc\", locator = \"s1\" }}]\n"
        );
        let (_, d) = check_files(&file(&text));
        let has = |code: &str, needle: &str| {
            d.iter()
                .any(|x| x.code == code && x.message.contains(needle))
        };
        assert!(
            has("missing", "place group 'lonely' has no members"),
            "{d:?}"
        );
        assert!(
            has("bad-value", "place 'town' lists members but is not a group"),
            "{d:?}"
        );
        assert!(has("unknown-id", "unknown place id 'nowhere'"), "{d:?}");
        assert!(has("bad-value", "'boss' is not a known role"), "{d:?}");
        assert!(has("bad-value", "'camels' is not a known unit"), "{d:?}");
    }
}
