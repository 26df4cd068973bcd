//! Commands run on the small valid fixture (expected values worked out by
//! hand from tests/fixtures/valid/base.toml) and on the embedded dataset
//! (expected values worked out from the Eastern Ghouta records).

use crate::support::{fixture, json, run};
use serde_json::Value;

fn valid() -> String {
    fixture("valid").to_str().unwrap().to_string()
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_string())
        .collect()
}

// The fixture's actor graph (default relations signing, negotiating,
// guaranteeing, mediating), worked out by hand:
//   fac-a–gov (a1, a2), fac-b–gov (a2), med–fac-a (a1), med–gov (a1),
//   guar–fac-a (a2), guar–fac-b (a2 guaranteeing + a3 negotiating), guar–gov (a2).
// n = 5. Degrees: gov 4, fac-a 3, guar 3, fac-b 2, med 2.
// Non-adjacent pairs: fac-a/fac-b (via gov or guar), fac-b/med (via gov),
// guar/med (via gov or fac-a) → betweenness gov 2, fac-a 0.5, guar 0.5,
// normalised by (n-1)(n-2)/2 = 6.

#[test]
fn degree_centrality_on_fixture() {
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "degree",
        "--format",
        "json",
    ]);
    let got: Vec<(String, f64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["actor"].as_str().unwrap().into(),
                r["score"].as_f64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("gov", 1.0),
        ("fac-a", 0.75),
        ("guar", 0.75),
        ("fac-b", 0.5),
        ("med", 0.5),
    ];
    assert_eq!(got.len(), want.len());
    for ((a, s), (wa, ws)) in got.iter().zip(want) {
        assert_eq!(a, wa);
        assert!((s - ws).abs() < 1e-12, "{a}: {s} vs {ws}");
    }
    assert_eq!(v[0]["measure"], "degree");
    assert_eq!(v[0]["kind"], "state");
    assert_eq!(v[0]["name_ar"], "النظام");
}

#[test]
fn betweenness_and_strength_on_fixture() {
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "betweenness",
        "--top",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "actor"), ["gov", "fac-a", "guar"]);
    let s: Vec<f64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!((s[0] - 2.0 / 6.0).abs() < 1e-12);
    assert!((s[1] - 0.5 / 6.0).abs() < 1e-12);
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "strength",
        "--format",
        "json",
    ]);
    let gov = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == "gov")
        .unwrap();
    assert_eq!(gov["score"].as_f64().unwrap(), 5.0);
}

#[test]
fn relation_filter_changes_the_graph() {
    // Signing only: fac-a–gov, fac-b–gov; gov has degree 2 of n-1 = 2.
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--relation",
        "signing",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "actor"), ["gov", "fac-a", "fac-b"]);
    assert_eq!(v[0]["score"].as_f64().unwrap(), 1.0);
}

#[test]
fn centrality_csv_contract() {
    let (code, out, _) = run(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "betweenness",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("actor,name_en,name_ar,kind,measure,score")
    );
    assert_eq!(
        lines.next(),
        Some("gov,Government,النظام,state,betweenness,0.333333")
    );
    assert_eq!(out.lines().count(), 6);
}

#[test]
fn table_is_the_default_and_aligned() {
    let (code, out, _) = run(&["centrality", "--data", &valid(), "--measure", "degree"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("actor"));
    assert!(lines[1].starts_with("-----"));
    // Columns are aligned by characters (Arabic names are multi-byte).
    let col = lines[0].chars().count() - "score".len();
    let row: Vec<char> = lines[2].chars().collect();
    assert_eq!(row[col..].iter().collect::<String>(), "1.000000");
}

#[test]
fn agreements_json_contract_and_fuzzy_dates() {
    let v = json(&["agreements", "--data", &valid(), "--format", "json"]);
    assert_eq!(ids(&v, "id"), ["a1", "a3", "a2"], "sorted by date");
    let a1 = &v[0];
    assert_eq!(a1["date"]["start"], "2014-11-11");
    assert_eq!(a1["date"]["end"], "2014-11-20");
    assert_eq!(a1["date"]["precision"], "month");
    assert_eq!(a1["date"]["text"], "mid 2014-11");
    assert_eq!(a1["kind"], "local-truce");
    assert_eq!(a1["status"], "violated");
    assert_eq!(a1["places"][0]["id"], "douma");
    assert_eq!(a1["places"][0]["name_ar"], "دوما");
    assert_eq!(a1["participants"][2]["actor"], "med");
    assert_eq!(a1["participants"][2]["role"], "mediator");
    assert_eq!(a1["participants"][2]["side"], "neutral");
    assert_eq!(a1["terms"][0]["code"], "ceasefire");
    assert_eq!(a1["sources"][0]["document"], "doc");
    assert_eq!(a1["sources"][0]["locator"], "s1");
    let a2 = &v[2];
    assert_eq!(a2["terms"][0]["count"], 120);
    assert_eq!(a2["terms"][0]["destination"], "homs");
    assert_eq!(a2["follows"], "a1");

    // Overlap: "mid 2014-11" (11-20 Nov) may fall before 15 Nov.
    let v = json(&[
        "agreements",
        "--data",
        &valid(),
        "--to",
        "2014-11-15",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "id"), ["a1"]);
    let v = json(&[
        "agreements",
        "--data",
        &valid(),
        "--to",
        "2014-11-15",
        "--strict-dates",
        "--format",
        "json",
    ]);
    assert!(v.as_array().unwrap().is_empty());
    let v = json(&[
        "agreements",
        "--data",
        &valid(),
        "--from",
        "2016",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "id"), ["a3", "a2"]);
    let v = json(&[
        "agreements",
        "--data",
        &valid(),
        "--period",
        "early",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "id"), ["a1"]);
}

#[test]
fn region_filter_uses_the_place_hierarchy() {
    let v = json(&[
        "agreements",
        "--data",
        &valid(),
        "--region",
        "ghouta",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "id"), ["a1", "a2"]);
    // Arabic name with a different letter form (ه for ة) still matches.
    let v = json(&[
        "agreements",
        "--data",
        &valid(),
        "--region",
        "الغوطه",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "id"), ["a1", "a2"]);
    let v = json(&[
        "agreements",
        "--data",
        &valid(),
        "--actor",
        "guar",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "id"), ["a3", "a2"]);
}

#[test]
fn agreements_csv_has_a_header_and_flattened_cells() {
    let (code, out, _) = run(&[
        "agreements",
        "--data",
        &valid(),
        "--region",
        "douma",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "id,title,date_start,date_end,date_precision,date_text,kind,status,phase,follows,places,participants,terms,sources");
    assert!(lines[2].starts_with("a2,Douma settlement,2018-04-01,2018-04-01,day,2018-04-01,final-settlement,signed,2,a1,douma,"));
    assert!(lines[2].contains("evacuation=120>homs"));
}

#[test]
fn partners_by_arabic_name() {
    // "فصيل ا" normalises to the same key as "فصيل أ" (fac-a).
    let v = json(&["partners", "--data", &valid(), "فصيل ا", "--format", "json"]);
    let got = crate::support::pairs(&v, "actor", "link");
    let want = [
        ("gov", "counterpart"),
        ("fac-b", "co-signatory"),
        ("guar", "guaranteed-by"),
        ("med", "mediated-by"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    let gov = &v[0];
    assert_eq!(gov["agreements"].as_array().unwrap().len(), 2);
    assert_eq!(gov["agreements"][0]["id"], "a1");
    assert_eq!(gov["agreements"][0]["date"], "mid 2014-11");
}

#[test]
fn partners_of_a_negotiator() {
    let v = json(&[
        "partners",
        "--data",
        &valid(),
        "Guarantor State",
        "--format",
        "json",
    ]);
    let links = crate::support::pairs(&v, "actor", "link");
    assert!(links.contains(&("fac-b".into(), "negotiated-with".into())));
    assert!(links.contains(&("fac-a".into(), "guarantor-for".into())));
    assert!(links.contains(&("gov".into(), "guarantor-for".into())));
}

#[test]
fn unknown_and_ambiguous_names() {
    let (code, out, err) = run(&["partners", "--data", &valid(), "Facton Z"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no actor matches 'Facton Z'"), "{err}");
    assert!(err.contains("closest: fac-a"), "{err}");
    let (code, _, err) = run(&["partners", "--data", &valid(), "faction"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("could mean several actors: fac-a, fac-b"),
        "{err}"
    );
    let (code, _, err) = run(&["agreements", "--data", &valid(), "--region", "Atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("no place matches 'Atlantis'"), "{err}");
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        vec!["centrality", "--measure", "fame"],
        vec!["centrality", "--relation", "friendship"],
        vec!["agreements", "--from", "2018-13"],
        vec!["agreements", "--from", "2018", "--to", "2017"],
        vec!["agreements", "--format", "xml"],
        vec!["actors", "--kind", "wizard"],
        vec!["no-such-command"],
    ] {
        let mut full = args.clone();
        let d = valid();
        full.extend(["--data", d.as_str()]);
        let (code, out, err) = run(&full);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn actors_listing_and_filters() {
    let v = json(&[
        "actors",
        "--data",
        &valid(),
        "--kind",
        "state",
        "--format",
        "json",
    ]);
    assert_eq!(ids(&v, "id"), ["gov", "guar", "med"]);
    assert_eq!(v[0]["alignment"], "regime");
    assert_eq!(v[0]["agreements"], 2);
    assert_eq!(v[0]["events"], 2);
    assert_eq!(
        (v[1]["agreements"].as_u64(), v[1]["events"].as_u64()),
        (Some(1), Some(2)),
        "guar guaranteed a2 and negotiated at the a3 meeting"
    );
    assert!(v[0]["aliases"].is_array());
    let (_, out, _) = run(&["actors", "--data", &valid(), "--format", "csv"]);
    assert!(out
        .starts_with("id,name_en,name_ar,aliases,kind,alignment,parent,place,agreements,events\n"));
}

#[test]
fn edges_keep_their_agreements() {
    let v = json(&[
        "edges",
        "--data",
        &valid(),
        "--relation",
        "all",
        "--format",
        "json",
    ]);
    let fa_gov = v
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "fac-a" && e["target"] == "gov" && e["relation"] == "signing")
        .expect("signing edge fac-a–gov");
    assert_eq!(fa_gov["weight"], 2);
    assert_eq!(fa_gov["agreements"], serde_json::json!(["a1", "a2"]));
    let co = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["relation"] == "co-signing")
        .count();
    assert_eq!(co, 1);
    let simple = json(&["edges", "--data", &valid(), "--simple", "--format", "json"]);
    assert_eq!(simple.as_array().unwrap().len(), 7);
}

/// Checks that a DOT text is well formed: quoted strings close, braces
/// balance outside strings, and every statement line is an attribute, node,
/// edge or subgraph statement.
fn assert_valid_dot(dot: &str) {
    let mut depth = 0i32;
    let mut in_str = false;
    let mut escaped = false;
    for c in dot.chars() {
        if in_str {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_str = false,
                (false, '\n') => panic!("raw newline inside a DOT string"),
                _ => {}
            }
        } else {
            match c {
                '"' => in_str = true,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    assert!(depth >= 0, "unbalanced braces");
                }
                _ => {}
            }
        }
    }
    assert!(!in_str, "unterminated string");
    assert_eq!(depth, 0, "unbalanced braces");
}

#[test]
fn export_dot_escapes_hostile_names() {
    let dir = fixture("hostile/dot-names/data");
    let (code, dot, err) = run(&[
        "export",
        "dot",
        "--data",
        dir.to_str().unwrap(),
        "--labels",
        "both",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(dot.starts_with("graph {"));
    assert_valid_dot(&dot);
    // `&` is written `&amp;`: Graphviz reads entities in labels, so the name's "&amp;" shows as typed.
    assert!(dot.contains(r#"label="Faction \"A\" \\ {graph} <b>&amp;amp; node -- edge;\nsecond line\nفصيل \"أ\" } digraph {""#), "{dot}");
    // Node ids are generated, never names.
    assert!(dot.contains("n0 ["));
    crate::support::check_with_graphviz(&dot);
}

#[test]
fn export_dot_styles_and_file_output() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("g.dot");
    let (code, out, err) = run(&[
        "export",
        "dot",
        "--data",
        &valid(),
        "--relation",
        "all",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote") && out.contains("5 actors"), "{out}");
    let dot = std::fs::read_to_string(&path).unwrap();
    assert_valid_dot(&dot);
    assert!(
        dot.contains("style=dashed"),
        "guaranteeing edges are dashed"
    );
    assert!(dot.contains("style=dotted"), "mediating edges are dotted");
    assert!(dot.contains("style=solid"), "signing edges are solid");
    assert!(dot.contains("shape=hexagon"), "states are hexagons");
    assert!(dot.contains("shape=ellipse"), "factions are ellipses");
    assert!(dot.contains("label=\"Legend\""));
    crate::support::check_with_graphviz(&dot);
    let (code, _, err) = run(&[
        "export",
        "dot",
        "--data",
        &valid(),
        "-o",
        "/nonexistent-dir/x.dot",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot write /nonexistent-dir/x.dot"), "{err}");
}

#[test]
fn help_lists_commands_and_examples() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for c in [
        "actors",
        "agreements",
        "centrality",
        "partners",
        "export",
        "validate",
        "Examples:",
        "Exit codes",
    ] {
        assert!(out.contains(c), "--help lacks {c}");
    }
    let (code, out, _) = run(&["centrality", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--measure") && out.contains("--region") && out.contains("--format"));
}

// ---- the embedded dataset: Eastern Ghouta, worked out from its records ----

#[test]
fn embedded_dataset_validates() {
    let (code, out, err) = run(&["validate"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("dataset is valid"));
}

#[test]
fn eastern_ghouta_agreements() {
    let v = json(&[
        "agreements",
        "--region",
        "eastern-ghouta",
        "--format",
        "json",
    ]);
    let got = ids(&v, "id");
    for id in [
        "eg-2017-07-23-cairo-de-escalation",
        "eg-2017-08-19-geneva-de-escalation",
        "eg-2018-03-14-dafdaa-committee",
        "eg-2018-03-21-harasta",
        "eg-2018-03-24-faylaq-al-rahman",
        "eg-2018-04-01-douma",
    ] {
        assert!(got.contains(&id.to_string()), "{id} missing from {got:?}");
    }
    let douma = v
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "eg-2018-04-01-douma")
        .unwrap();
    assert_eq!(douma["follows"], "eg-2017-07-23-cairo-de-escalation");
    let deferral = douma["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "conscription-deferral")
        .unwrap();
    assert_eq!(deferral["count"], 6);
    let evac = douma["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "evacuation")
        .unwrap();
    assert_eq!(evac["destination"], "jarabulus");
    // The Cairo memorandum was mediated by Egypt.
    let cairo = v
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "eg-2017-07-23-cairo-de-escalation")
        .unwrap();
    assert!(cairo["participants"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["actor"] == "egypt" && p["role"] == "mediator"));
}

#[test]
fn eastern_ghouta_partners_of_jaish_al_islam() {
    let v = json(&[
        "partners",
        "جيش الإسلام",
        "--region",
        "eastern-ghouta",
        "--format",
        "json",
    ]);
    let got = crate::support::pairs(&v, "actor", "link");
    let want = [
        ("russia", "counterpart"),
        ("hmeimim-centre", "counterpart"),
        ("russia", "negotiated-with"),
        ("russian-military-police", "guaranteed-by"),
        ("egypt", "mediated-by"),
        // Cairo is the venue of the 23 Jul 2017 memorandum: Egypt's hosting is inferred
        // (II.17 line 314; graph-data/agreements/eastern-ghouta.toml).
        ("egypt", "hosted-by"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn eastern_ghouta_degree() {
    // Hmeimim's neighbours in the Eastern Ghouta graph: Ahrar al-Sham, Faylaq
    // al-Rahman, Jaish al-Islam (signing), the Syrian government (guaranteeing
    // Harasta), the Russian military police (guaranteeing Douma): 5 of n - 1 = 7.
    // Russia guarantees Harasta too, but the centre is a body of Russia's
    // defence ministry, so the two get no tie (docs/codebook.md).
    let v = json(&[
        "centrality",
        "--region",
        "eastern-ghouta",
        "--measure",
        "degree",
        "--format",
        "json",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 8);
    assert_eq!(v[0]["actor"], "hmeimim-centre");
    assert!((v[0]["score"].as_f64().unwrap() - 5.0 / 7.0).abs() < 1e-12);
    // Russia: the three factions it signed with or guaranteed, and Egypt
    // (Cairo) — no tie to its own centre or military police.
    let russia = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == "russia")
        .unwrap();
    assert!((russia["score"].as_f64().unwrap() - 4.0 / 7.0).abs() < 1e-12);
}

#[test]
fn codebook_doc_matches_the_vocabularies() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/codebook.md")).unwrap();
    let start = doc.find("<!-- vocabulary:start").expect("start marker");
    let body_start = doc[start..].find('\n').unwrap() + start + 1;
    let end = doc.find("<!-- vocabulary:end -->").expect("end marker");
    let (code, out, _) = run(&["codebook", "--markdown"]);
    assert_eq!(code, 0);
    assert!(
        doc[body_start..end] == out,
        "docs/codebook.md is out of date: regenerate its vocabulary section with `musalaha codebook --markdown`"
    );
}

#[test]
fn every_subcommand_has_help_with_examples() {
    for cmd in [
        "actors",
        "places",
        "agreements",
        "centrality",
        "partners",
        "path",
        "ego",
        "timeline",
        "explain",
        "stats",
        "edges",
        "export",
        "render",
        "validate",
    ] {
        let (code, out, _) = run(&[cmd, "--help"]);
        assert_eq!(code, 0, "{cmd} --help");
        assert!(out.contains("Examples:"), "{cmd} --help has no examples");
        assert!(
            out.contains("--format") || cmd == "export" || cmd == "render",
            "{cmd} --help lacks --format"
        );
    }
}

/// Splits a shell-like command line: words separated by spaces, "double quotes" group.
fn shell_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[test]
fn readme_tour_shows_real_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut checked = 0;
    for block in readme.split("```console\n").skip(1) {
        let body = &block[..block.find("```").expect("closed block")];
        let mut lines = body.lines();
        let Some(cmd) = lines.next().and_then(|l| l.strip_prefix("$ musalaha ")) else {
            continue;
        };
        if body.lines().filter(|l| l.starts_with("$ ")).count() > 1 {
            continue; // a list of commands, not a command with its output
        }
        let args = shell_words(cmd);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "README command failed: {cmd}: {err}");
        let shown: String = lines.map(|l| format!("{l}\n")).collect();
        assert_eq!(
            shown, out,
            "README output of `musalaha {cmd}` is out of date"
        );
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} README examples checked");
}
