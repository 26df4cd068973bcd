//! Property tests (issue 12): the entry points the fuzz targets (fuzz/) run,
//! here on stable with a fixed seed, so `cargo test` is deterministic.
//!
//! - No input panics: the TOML loader on arbitrary bytes and on TOML-like
//!   text, the CSV importer, the `--edges`/`--nodes` reader, the name
//!   matcher, the fuzzy-date parser.
//! - Any valid dataset, however strange its names (quotes, `<`, `&`, line
//!   breaks, bidi marks, right-to-left text, combining marks, control
//!   characters other than NUL, very long names), gives output its reader
//!   accepts in every format (tests/it/readers.rs); for a few cases Graphviz
//!   `dot` itself lays the DOT out and xmllint validates the GEXF against
//!   the GEXF 1.3 schema.
//!
//! Each property runs on its own seeded runner (ChaCha, fixed seed, no
//! failure persistence); a failure prints the shrunk input, which belongs
//! in tests/fixtures/hostile/ once fixed.

use crate::readers::export_all_and_read_back;
use crate::strange::dataset;
use musalaha::import::csv::{convert, CsvFile, TABLES};
use musalaha::load::{check_files, SourceFile};
use musalaha::model::{date::parse_bound, FuzzyDate};
use musalaha::names::{normalize, Resolver};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// A seeded runner: `cases` cases, no files written on failure.
fn runner(cases: u32, seed: u8) -> TestRunner {
    let config = Config {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::ChaCha,
        ..Config::default()
    };
    TestRunner::new_with_rng(
        config,
        TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]),
    )
}

fn run<S: Strategy>(cases: u32, seed: u8, strategy: S, test: impl Fn(S::Value)) {
    let result = runner(cases, seed).run(&strategy, |v| {
        test(v);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Characters that break writers: quotes, escapes, markup, delimiters,
/// line breaks, bidi and zero-width marks, Arabic, combining marks, control
/// characters (not NUL), emoji with joiners.
const NASTY: &[char] = &[
    '"',
    '\'',
    '\\',
    '<',
    '>',
    '&',
    ';',
    '#',
    '{',
    '}',
    '[',
    ']',
    '|',
    ',',
    '\t',
    '\n',
    '\r',
    '-',
    '>',
    '=',
    ' ',
    '\u{1}',
    '\u{8}',
    '\u{b}',
    '\u{c}',
    '\u{1b}',
    '\u{1f}',
    '\u{7f}',
    '\u{85}',
    '\u{9c}',
    '\u{a0}',
    '\u{ad}',
    '\u{200b}',
    '\u{200d}',
    '\u{200e}',
    '\u{200f}',
    '\u{202a}',
    '\u{202b}',
    '\u{202c}',
    '\u{202d}',
    '\u{202e}',
    '\u{2066}',
    '\u{2069}',
    '\u{2028}',
    '\u{2029}',
    '\u{feff}',
    '\u{fffd}',
    '\u{fffe}',
    'ا',
    'ل',
    'ح',
    'ة',
    'ى',
    'ء',
    '\u{64e}',
    '\u{651}',
    '\u{301}',
    '\u{308}',
    '\u{640}',
    '٣',
    'ﷺ',
    'ﻻ',
    'N',
    'G',
    'l',
    'x',
    '0',
    '%',
    '$',
    '@',
    '`',
    '😀',
    '\u{1f3f3}',
    '\u{fe0f}',
    'İ',
    'ß',
    'ﬃ',
];

/// Any non-NUL character, nasty ones five times out of six.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        5 => proptest::sample::select(NASTY),
        1 => any::<char>().prop_filter("no NUL", |c| *c != '\0'),
    ]
}

/// A strange name: short ones mostly, sometimes a very long one.
fn strange_name() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => proptest::collection::vec(nasty_char(), 0..24).prop_map(|v| v.into_iter().collect()),
        1 => (proptest::collection::vec(nasty_char(), 1..8), 500usize..3000)
            .prop_map(|(v, n)| v.into_iter().cycle().take(n).collect()),
    ]
}

fn strange_names() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(strange_name(), 1..6)
}

#[test]
fn every_format_of_strange_names_is_read_back() {
    run(24, 1, strange_names(), |names| {
        export_all_and_read_back(&dataset(&names));
    });
}

#[test]
fn graphviz_lays_out_strange_names() {
    // Graphviz itself, on a few cases (it is slower than the parser).
    run(4, 2, strange_names(), |names| {
        let dots = export_all_and_read_back(&dataset(&names));
        // One view of each label choice, one-mode and two-mode.
        for dot in dots.iter().step_by(2) {
            crate::support::check_with_graphviz(dot);
        }
    });
}

#[test]
fn gexf_of_strange_names_is_valid_against_the_schema() {
    use musalaha::export::{gexf::GexfExporter, view::View, Exporter};
    use std::process::{Command, Stdio};
    if Command::new("xmllint")
        .arg("--version")
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        assert!(
            std::env::var_os("MUSALAHA_REQUIRE_READERS").is_none(),
            "MUSALAHA_REQUIRE_READERS is set but xmllint cannot run"
        );
        eprintln!("skipped: GEXF schema check (no xmllint)");
        return;
    }
    let schema = crate::support::fixture("schemas/gexf-1.3/gexf.xsd");
    run(4, 3, strange_names(), |names| {
        let ds = musalaha::load::load_files(&dataset(&names)).unwrap();
        let slice = musalaha::slice::Slice::resolve(&ds, &Default::default()).unwrap();
        let view = View::build(&ds, &slice, &Default::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("g.gexf");
        let mut out = Vec::new();
        GexfExporter {
            labels: musalaha::export::dot::Labels::Both,
        }
        .write(&view, &mut out)
        .unwrap();
        std::fs::write(&file, &out).unwrap();
        let o = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "{}\nnames: {names:?}",
            String::from_utf8_lossy(&o.stderr)
        );
    });
}

/// Pieces of the data format, so that random text is often nearly valid.
const TOML_BITS: &[&str] = &[
    "[[actor]]\n",
    "[[place]]\n",
    "[[agreement]]\n",
    "[[source]]\n",
    "[[period]]\n",
    "[actor]\n",
    "id = \"a\"\n",
    "id = \"b\"\n",
    "id = \"Bad Id\"\n",
    "name_en = \"A\"\n",
    "name_ar = \"أ\"\n",
    "kind = \"state\"\n",
    "kind = \"country\"\n",
    "alignment = \"regime\"\n",
    "parent = \"a\"\n",
    "parent = \"b\"\n",
    "follows = \"a\"\n",
    "date = \"2016\"\n",
    "date = \"mid 2015-1\"\n",
    "date = \"2015..2014\"\n",
    "places = [\"a\"]\n",
    "participants = [{ actor = \"a\", role = \"signatory\" }]\n",
    "sources = [{ document = \"a\", locator = \"x\" }]\n",
    "\"\"\"\n",
    "'''\n",
    "=",
    "\"",
    "\n",
    "[",
    "]",
    "{",
    "}",
    "#",
    "\u{feff}",
    "\r\n",
    "\\u0000",
    "\\",
    "\u{202e}",
    "x = 1979-05-27T07:32:00Z\n",
    "status = \"held\"\n",
    "members = [\"a\", \"b\"]\n",
    "terms = [{ code = \"evacuation\", count = -1 }]\n",
];

fn toml_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::sample::select(TOML_BITS).prop_map(String::from),
            1 => proptest::collection::vec(nasty_char(), 0..6).prop_map(|v| v.into_iter().collect()),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

#[test]
fn the_loader_never_panics() {
    run(
        96,
        4,
        proptest::collection::vec(toml_like(), 1..4),
        |texts| {
            let files: Vec<SourceFile> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| SourceFile::new(format!("f{i}.toml"), t.as_str()))
                .collect();
            for d in check_files(&files).1 {
                assert!(d.line >= 1 && d.column >= 1, "{d}");
            }
        },
    );
    run(
        96,
        5,
        proptest::collection::vec(any::<u8>(), 0..400),
        |bytes| {
            let _ = check_files(&[SourceFile::from_bytes("b.toml", bytes)]);
        },
    );
}

/// CSV-like text: cells of nasty text, commas, quotes and line breaks.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    const BITS: &[&str] = &[
        ",",
        "\"",
        "\n",
        "\r\n",
        "id",
        "name_en",
        "name_ar",
        "kind",
        "alignment",
        "actor",
        "agreement",
        "role",
        "date",
        "title",
        "status",
        "a",
        "b",
        "state",
        "regime",
        "2016",
        "signatory",
        "final-settlement",
        "implemented",
        "\u{feff}",
        "\"\"",
        "1",
        "-1",
        "x;y",
    ];
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::sample::select(BITS).prop_map(|s| s.as_bytes().to_vec()),
            1 => proptest::collection::vec(any::<u8>(), 0..4),
        ],
        0..80,
    )
    .prop_map(|v| v.concat())
}

#[test]
fn the_csv_importer_never_panics() {
    run(
        96,
        6,
        proptest::collection::vec(csv_like(), 1..TABLES.len()),
        |tables| {
            let files: Vec<CsvFile> = tables
                .into_iter()
                .zip(TABLES.iter())
                .map(|(bytes, name)| CsvFile { name, bytes })
                .collect();
            if let Ok(c) = convert(&files, "sheets") {
                musalaha::load::load_files(&c.files).expect("converted files load");
            }
        },
    );
}

#[test]
fn the_edge_reader_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    run(
        96,
        7,
        (csv_like(), proptest::option::of(csv_like()), any::<bool>()),
        |(edges, nodes, directed)| {
            let e = dir.path().join("e.csv");
            std::fs::write(
                &e,
                [b"source,target,weight,kind,date\n".as_slice(), &edges].concat(),
            )
            .unwrap();
            let n = nodes.map(|b| {
                let p = dir.path().join("n.csv");
                std::fs::write(&p, b).unwrap();
                p
            });
            let options = musalaha::network::ReadOptions {
                directed,
                details: true,
            };
            if let Ok(net) = musalaha::network::read_with(&e, n.as_deref(), options) {
                let _ = (
                    net.graph().node_count(),
                    net.digraph().map(|d| d.arc_count()),
                );
                let _ = net.simple();
                let _ = net.nodes.resolve("a");
                // The --edges exports: the view and every exporter on it.
                let opts = musalaha::export::view::ViewOptions::default();
                if let Ok(view) = musalaha::export::view::View::from_network(&net, &opts, "e.csv") {
                    for format in musalaha::export::ExportFormat::every() {
                        if let Ok(exporter) = format.network_exporter(&view) {
                            let mut out = Vec::new();
                            exporter.write_every_file(&view, &mut out).unwrap();
                        }
                    }
                }
            }
        },
    );
}

#[test]
fn the_name_matcher_never_panics_and_folding_is_stable() {
    run(
        256,
        8,
        (
            proptest::collection::vec(strange_name(), 0..6),
            strange_name(),
        ),
        |(names, query)| {
            let mut r = Resolver::default();
            for (i, n) in names.iter().enumerate() {
                r.add(&format!("e{i}"), [n.as_str()]);
                let k = normalize(n);
                assert_eq!(normalize(&k), k, "{n:?}");
            }
            let _ = r.resolve(&query);
            let _ = r.find(&query, &|ids| ids.last().map(|s| s.to_string()));
        },
    );
}

#[test]
fn the_date_parser_never_panics() {
    const BITS: &[&str] = &[
        "2016",
        "-",
        "..",
        " ",
        "early",
        "mid",
        "late",
        "02",
        "29",
        "13",
        "00",
        "1",
        "9999",
        "0000",
        "2015-12-31",
        "2016-02-29",
        "٢٠١٦",
        "\u{200f}",
        "?",
        "~",
    ];
    run(
        512,
        9,
        proptest::collection::vec(proptest::sample::select(BITS), 0..10),
        |bits| {
            let text = bits.concat();
            if let Ok(d) = FuzzyDate::parse(&text) {
                assert!(d.start <= d.end, "{text:?}");
                let again = FuzzyDate::parse(&d.text).unwrap();
                assert_eq!((again.start, again.end), (d.start, d.end), "{text:?}");
            }
            let _ = parse_bound(&text, false);
            let _ = parse_bound(&text, true);
        },
    );
}
