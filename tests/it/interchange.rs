//! Interchange (issue 9): `export graphml|gexf|json|cyjs|csv` read back by
//! their real readers, and `import csv` back to data files.
//!
//! - Counts of every format equal `musalaha stats` for the same slice.
//! - GEXF validates against the GEXF 1.3 schema (tests/fixtures/schemas/)
//!   with xmllint, and GraphML and GEXF of hostile names are well-formed.
//! - NetworkX (read_graphml, read_gexf, node_link_graph, cytoscape_graph)
//!   and igraph (Graph.Read_GraphML) read the files through
//!   scripts/interchange_readers.py: counts, attribute types, one known
//!   edge's agreements and spells, Arabic and hostile names byte for byte.
//! - The embedded dataset exported to CSV and imported back lists the same
//!   agreements, actors, places and periods, byte for byte.
//! - docs/interchange.md: its `sh` and `python` blocks are run.
//!
//! The Python readers need an interpreter with networkx and igraph: the one
//! in MUSALAHA_PYTHON (.ci/run makes a virtual environment and sets it),
//! else `python3`. Without it, or without xmllint, the checks are skipped
//! with a note on stderr, unless MUSALAHA_REQUIRE_READERS is set (as in
//! .ci/run), which makes them mandatory.

use crate::support::{fixture, json, run};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn required() -> bool {
    std::env::var_os("MUSALAHA_REQUIRE_READERS").is_some()
}

/// Says on the real stderr (the harness captures `eprintln!` of passing
/// tests) that a check was skipped.
fn skipped(what: &str, why: &str) {
    use std::io::Write;
    assert!(
        !required(),
        "MUSALAHA_REQUIRE_READERS is set but {what} cannot run: {why}"
    );
    let _ = writeln!(std::io::stderr(), "skipped: {what} ({why})");
}

/// An interpreter that has networkx and igraph, if any.
fn python() -> Option<PathBuf> {
    let candidate = std::env::var_os("MUSALAHA_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("python3"));
    let ok = Command::new(&candidate)
        .args(["-c", "import networkx, igraph"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then_some(candidate)
}

fn xmllint_available() -> bool {
    Command::new("xmllint")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A path under the repository.
fn root(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Runs the binary, asserting success; returns stdout.
fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "musalaha {args:?}: {err}");
    out
}

/// Node and edge counts of `musalaha stats` for a slice.
fn stats(slice: &[&str]) -> (u64, u64) {
    let mut args = vec!["stats", "--format", "json"];
    args.extend_from_slice(slice);
    let v = json(&args);
    (
        v[0]["nodes"].as_u64().unwrap(),
        v[0]["edges"].as_u64().unwrap(),
    )
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn csv_rows(p: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(p).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// Counts nodes and edges of an exported file without a reader library.
fn counts(format: &str, file: &Path) -> (u64, u64) {
    match format {
        "graphml" | "gexf" => {
            let t = read(file);
            (
                t.matches("<node id=").count() as u64,
                t.matches("<edge id=").count() as u64,
            )
        }
        "json" => {
            let v: Value = serde_json::from_str(&read(file)).unwrap();
            (
                v["nodes"].as_array().unwrap().len() as u64,
                v["edges"].as_array().unwrap().len() as u64,
            )
        }
        "cyjs" => {
            let v: Value = serde_json::from_str(&read(file)).unwrap();
            (
                v["elements"]["nodes"].as_array().unwrap().len() as u64,
                v["elements"]["edges"].as_array().unwrap().len() as u64,
            )
        }
        "csv" => (
            csv_rows(&file.join("nodes.csv")).len() as u64,
            csv_rows(&file.join("edges.csv")).len() as u64,
        ),
        _ => unreachable!(),
    }
}

fn ext(format: &str) -> &str {
    if format == "csv" {
        ""
    } else {
        format
    }
}

const FORMATS: &[&str] = &["graphml", "gexf", "json", "cyjs", "csv"];

#[test]
fn every_format_counts_what_stats_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let slices: [&[&str]; 3] = [
        &[],
        &["--region", "eastern-ghouta", "--from", "2016"],
        &[
            "--relation",
            "all",
            "--alignment",
            "regime,regime-ally,opposition",
        ],
    ];
    for (i, slice) in slices.iter().enumerate() {
        let want = stats(slice);
        for f in FORMATS {
            let file = tmp.path().join(format!("s{i}.{}", ext(f)));
            let mut args = vec!["export", f, "-o", path(&file)];
            args.extend_from_slice(slice);
            let out = ok(&args);
            assert!(
                out.contains(&format!("{} actors, {} edges", want.0, want.1)),
                "{f} {slice:?}: {out}"
            );
            assert_eq!(counts(f, &file), want, "{f} {slice:?}");
        }
    }
    // Standard output gets the same bytes as the file, and a second run
    // the same bytes again.
    for f in ["graphml", "gexf", "json", "cyjs"] {
        let out = ok(&["export", f]);
        assert_eq!(out, read(&tmp.path().join(format!("s0.{f}"))), "{f}");
    }
}

#[test]
fn the_two_mode_view_and_measures_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let region = ["--region", "eastern-ghouta"];
    let agreements = json(&[
        "agreements",
        "--format",
        "json",
        "--region",
        "eastern-ghouta",
    ]);
    for f in FORMATS {
        let file = tmp.path().join(format!("tm.{}", ext(f)));
        let out = ok(&[
            "export",
            f,
            "--two-mode",
            "--with-measures",
            "degree,betweenness",
            "-o",
            path(&file),
            region[0],
            region[1],
        ]);
        assert!(out.contains(" agreements, "), "{out}");
        let (nodes, edges) = counts(f, &file);
        assert!(nodes > 0 && edges >= nodes / 2, "{f}: {nodes} {edges}");
        // Agreement nodes are prefixed and carry their date and status.
        if *f == "json" {
            let v: Value = serde_json::from_str(&read(&file)).unwrap();
            let ags: Vec<&Value> = v["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|n| n["node_type"] == "agreement")
                .collect();
            assert!(!ags.is_empty());
            assert!(ags.len() <= agreements.as_array().unwrap().len());
            for a in &ags {
                assert!(a["id"].as_str().unwrap().starts_with("agreement:"));
                assert_eq!(a["bipartite"], 1);
                assert!(a["date"].is_string() && a["status"].is_string());
                assert!(a["degree"].is_number() && a["betweenness"].is_number());
            }
            let e = &v["edges"][0];
            assert!(e["roles"].is_array() && e.get("oriented").is_none(), "{e}");
        }
        if *f == "csv" {
            let header = read(&file.join("nodes.csv"));
            assert!(
                header
                    .lines()
                    .next()
                    .unwrap()
                    .ends_with(",color,degree,betweenness"),
                "{header}"
            );
        }
    }
    // Measures the two-mode graph does not have are refused, naming the flag.
    let (code, _, err) = run(&[
        "export",
        "graphml",
        "--two-mode",
        "--with-measures",
        "pagerank",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--two-mode"), "{err}");
    // Brokerage adds its roles as columns.
    let out = ok(&["export", "graphml", "--with-measures", "brokerage"]);
    for key in ["brokerage", "brokerage-liaison", "brokerage-gatekeeper"] {
        assert!(
            out.contains(&format!(
                "<key id=\"{key}\" for=\"node\" attr.name=\"{key}\" attr.type=\"double\"/>"
            )),
            "{key}"
        );
    }
}

#[test]
fn flags_belong_to_their_formats() {
    for (args, says) in [
        (vec!["export", "graphml", "--layout", "neato"], "--layout"),
        (
            vec!["export", "gexf", "--size-by", "degree"],
            "--with-measures",
        ),
        (vec!["export", "json", "--no-legend"], "--no-legend"),
        (vec!["export", "cyjs", "--title", "x"], "--title"),
        (
            vec!["export", "dot", "--with-measures", "degree"],
            "--size-by",
        ),
        (
            vec!["export", "graphml", "--links-key", "links"],
            "--links-key",
        ),
        (vec!["export", "json", "--bom"], "--bom"),
        (vec!["export", "csv"], "-o DIR"),
        (
            vec!["export", "gexf", "-o", "x.gexf", "--render", "svg"],
            "--render",
        ),
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty());
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn batches_in_every_format_with_an_index() {
    let tmp = tempfile::tempdir().unwrap();
    // The same series as `stats --over year` (which selects by --dates
    // within, as batches do).
    let per_year: BTreeMap<String, (u64, u64)> =
        json(&["stats", "--over", "year", "--format", "json"])
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["slice"].as_str().unwrap().to_string(),
                    (r["nodes"].as_u64().unwrap(), r["edges"].as_u64().unwrap()),
                )
            })
            .collect();
    for f in ["graphml", "csv"] {
        let dir = tmp.path().join(f);
        let out = ok(&["export", f, "--per", "year", "--out-dir", path(&dir)]);
        let (entries, _) = {
            let v: Value = serde_json::from_str(&read(&dir.join("index.json"))).unwrap();
            (v.as_array().unwrap().clone(), ())
        };
        assert!(entries.len() >= 3, "{out}");
        for e in &entries {
            let file = e["file"].as_str().unwrap();
            let key = e["key"].as_str().unwrap();
            let want = per_year[key];
            let (nodes, edges) = if f == "csv" {
                assert_eq!(file, format!("year-{key}/"));
                for name in ["agreements.csv", "participations.csv", "actors.csv"] {
                    assert!(dir.join(file).join(name).exists(), "{file}{name}");
                }
                counts("csv", &dir.join(file))
            } else {
                assert_eq!(file, format!("year-{key}.graphml"));
                counts("graphml", &dir.join(file))
            };
            assert_eq!((nodes, edges), want, "{file}");
            assert_eq!(e["nodes"], nodes);
            assert_eq!(e["edges"], edges, "{file}: the index counts pairs");
        }
    }
}

/// A copy of the hostile-names fixture with one more actor whose names are
/// over 10 kB, in an agreement of its own.
fn hostile_data(dir: &Path) -> PathBuf {
    let data = dir.join("hostile");
    std::fs::create_dir_all(&data).unwrap();
    let mut text = read(&fixture("hostile-names/base.toml"));
    let long_en = "Long <name> & \\\"quoted\\\" \\\\ ".repeat(450);
    let long_ar = "اسم طويل جدا ".repeat(400);
    text.push_str(&format!(
        "\n[[actor]]\nid = \"long\"\nname_en = \"{long_en}\"\nname_ar = \"{long_ar}\"\nkind = \"notables\"\nalignment = \"local-mediator\"\n\n[[agreement]]\nid = \"a3\"\ntitle = \"Long\"\ndate = \"2016-03\"\nplaces = [\"town-a\"]\nkind = \"local-truce\"\nstatus = \"signed\"\nparticipants = [\n  {{ actor = \"long\", role = \"signatory\", side = \"opposition\" }},\n  {{ actor = \"gov\", role = \"signatory\", side = \"regime\" }},\n]\nsources = [{{ document = \"doc\", locator = \"s3\" }}]\n"
    ));
    std::fs::write(data.join("base.toml"), text).unwrap();
    data
}

/// The names of the actors of a dataset, by id.
fn names(data: &str) -> BTreeMap<String, (String, String)> {
    json(&["actors", "--format", "json", "--data", data])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                (
                    a["name_en"].as_str().unwrap().to_string(),
                    a["name_ar"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect()
}

/// What XML 1.0 can carry of a text (the exporters drop the rest).
fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(
            |c| matches!(*c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..),
        )
        .collect()
}

fn xmllint(args: &[&str]) -> Option<(bool, String)> {
    if !xmllint_available() {
        return None;
    }
    let out = Command::new("xmllint").args(args).output().unwrap();
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

#[test]
fn gexf_is_valid_against_the_schema_and_xml_is_well_formed() {
    let tmp = tempfile::tempdir().unwrap();
    let hostile = hostile_data(tmp.path());
    let schema = fixture("schemas/gexf-1.3/gexf.xsd");
    let mut gexf = Vec::new();
    let mut graphml = Vec::new();
    for (name, args) in [
        ("whole", vec![]),
        ("two-mode", vec!["--two-mode", "--with-measures", "degree"]),
        (
            "all",
            vec![
                "--relation",
                "all",
                "--labels",
                "both",
                "--cluster-by",
                "region",
            ],
        ),
        ("hostile", vec!["--data", path(&hostile)]),
        (
            "hostile-two-mode",
            vec!["--data", path(&hostile), "--two-mode"],
        ),
    ] {
        for f in ["gexf", "graphml"] {
            let file = tmp.path().join(format!("{name}.{f}"));
            let mut a = vec!["export", f, "-o", path(&file)];
            a.extend(args.iter().copied());
            ok(&a);
            if f == "gexf" {
                gexf.push(file);
            } else {
                graphml.push(file);
            }
        }
    }
    let schema_args: Vec<&str> = ["--noout", "--schema", path(&schema)]
        .into_iter()
        .chain(gexf.iter().map(|p| path(p)))
        .collect();
    match xmllint(&schema_args) {
        None => skipped(
            "xmllint checks of GEXF and GraphML",
            "no `xmllint` on PATH; install libxml2-utils",
        ),
        Some((valid, err)) => {
            assert!(valid, "GEXF fails the 1.3 schema: {err}");
            let wf: Vec<&str> = ["--noout"]
                .into_iter()
                .chain(graphml.iter().map(|p| path(p)))
                .collect();
            let (valid, err) = xmllint(&wf).unwrap();
            assert!(valid, "GraphML is not well-formed: {err}");
        }
    }
    // The schema check can fail: an element the schema does not know.
    if xmllint_available() {
        let bad = tmp.path().join("bad.gexf");
        std::fs::write(
            &bad,
            read(&gexf[0]).replacen("<nodes ", "<bogus/><nodes ", 1),
        )
        .unwrap();
        let (valid, _) = xmllint(&["--noout", "--schema", path(&schema), path(&bad)]).unwrap();
        assert!(!valid, "xmllint accepted an invalid GEXF file");
    }
    // Dynamic GEXF with dated spells.
    let text = read(&gexf[0]);
    assert!(text.contains("<graph mode=\"dynamic\" timeformat=\"date\""));
    assert!(text.contains("<spell start=\"2017-07-23\" end=\"2017-07-23\"/>"));
    assert!(text.contains("<viz:color r=\"92\" g=\"203\" b=\"163\"/>"));
}

/// Exports every format and reads each back with the real readers.
#[test]
fn real_readers_read_every_format() {
    let Some(python) = python() else {
        skipped(
            "NetworkX and igraph readers of the interchange files",
            "no Python with networkx and igraph; set MUSALAHA_PYTHON or pip install -r scripts/requirements-interchange.txt",
        );
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let hostile = hostile_data(tmp.path());
    let hostile = path(&hostile).to_string();
    let known = ("jaish-al-islam", "russia");
    let mut plan = Vec::new();
    let mut add =
        |name: &str, format: &str, file_format: &str, args: &[&str], node: &str, edge: Value| {
            let file = tmp.path().join(format!("{name}.{}", ext(file_format)));
            let mut a = vec!["export", format, "-o", path(&file)];
            a.extend_from_slice(args);
            ok(&a);
            plan.push(serde_json::json!({
                "path": path(&file), "format": file_format, "node": node, "edge": edge,
                "name": name,
            }));
        };
    let measures = ["--with-measures", "degree,betweenness"];
    let edge = serde_json::json!([known.0, known.1]);
    add(
        "whole",
        "graphml",
        "graphml",
        &measures,
        known.0,
        edge.clone(),
    );
    add("whole", "gexf", "gexf", &measures, known.0, edge.clone());
    add("whole", "json", "json", &measures, known.0, edge.clone());
    add(
        "whole-links",
        "json",
        "json-links",
        &["--links-key", "links"],
        known.0,
        edge.clone(),
    );
    add("whole", "cyjs", "cyjs", &measures, known.0, edge.clone());
    add(
        "two-mode",
        "graphml",
        "graphml",
        &["--two-mode"],
        known.0,
        Value::Null,
    );
    for f in ["graphml", "gexf", "json", "cyjs"] {
        let format = f;
        add(
            &format!("hostile-{f}"),
            format,
            f,
            &["--data", &hostile],
            "fac-a",
            serde_json::json!(["fac-a", "gov"]),
        );
    }
    for f in ["graphml", "gexf"] {
        add(
            &format!("hostile-long-{f}"),
            f,
            f,
            &["--data", &hostile],
            "long",
            serde_json::json!(["gov", "long"]),
        );
    }
    let input = serde_json::json!({ "files": plan }).to_string();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scripts/interchange_readers.py");
    let mut child = Command::new(&python)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the readers failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = report["files"].as_array().unwrap();
    let (nodes, edges) = stats(&[]);
    let agreements: BTreeMap<String, (String, String)> = json(&["agreements", "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_string(),
                (
                    a["date"]["start"].as_str().unwrap().to_string(),
                    a["date"]["end"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    let hostile_names = names(&hostile);
    let mut seen = 0;
    for (f, p) in files.iter().zip(&plan) {
        let name = p["name"].as_str().unwrap();
        let format = f["format"].as_str().unwrap();
        let readers: Vec<&str> = ["networkx", "igraph"]
            .into_iter()
            .filter(|r| f.get(*r).is_some())
            .collect();
        for reader in readers {
            let r = &f[reader];
            let what = format!("{name} ({format}, {reader})");
            assert_eq!(r["directed"], false, "{what}");
            if name.starts_with("whole") {
                seen += 1;
                assert_eq!(
                    (r["nodes"].as_u64(), r["edges"].as_u64()),
                    (Some(nodes), Some(edges)),
                    "{what}"
                );
                let node = &r["node"];
                assert_eq!(node["name_ar"], "جيش الإسلام", "{what}: {node}");
                assert_eq!(node["name_en"], "Jaish al-Islam", "{what}");
                assert_eq!(node["kind"], "armed-faction", "{what}");
                let e = &r["edge"];
                assert_eq!(e["relation"], "signing+negotiating", "{what}: {e}");
                assert_eq!(e["weight"], 2.0, "{what}");
                let ids = [
                    "eg-2017-07-23-cairo-de-escalation",
                    "eg-2017-douma-fifth-corps-talks",
                ];
                match format {
                    "json" | "json-links" | "cyjs" => {
                        assert_eq!(e["agreements"], serde_json::json!(ids), "{what}")
                    }
                    _ => assert_eq!(e["agreements"], ids.join("; "), "{what}"),
                }
                // Attribute types as declared (igraph reads every number
                // as a float).
                let nt = &r["node_types"];
                let et = &r["edge_types"];
                let int = if reader == "igraph" { "float" } else { "int" };
                assert_eq!(nt["agreement_count"], serde_json::json!([int]), "{what}");
                assert_eq!(nt["name_ar"], serde_json::json!(["str"]), "{what}");
                assert_eq!(et["weight"], serde_json::json!(["float"]), "{what}");
                assert_eq!(et["oriented"], serde_json::json!(["bool"]), "{what}");
                if !name.ends_with("links") {
                    assert_eq!(nt["betweenness"], serde_json::json!(["float"]), "{what}");
                    assert!(node["degree"].as_f64().unwrap() > 0.0, "{what}");
                }
                if format == "gexf" {
                    // One spell per agreement of the edge, from the first to
                    // the last day its date may mean; spells that share a
                    // day merged (these two do: a day within a range).
                    let mut spans: Vec<(String, String)> =
                        ids.iter().map(|a| agreements[*a].clone()).collect();
                    spans.sort();
                    let mut want: Vec<(String, String)> = Vec::new();
                    for (s, e) in spans {
                        match want.last_mut() {
                            Some(last) if s <= last.1 => last.1 = last.1.clone().max(e),
                            _ => want.push((s, e)),
                        }
                    }
                    assert_eq!(want.len(), 1, "the known edge's spells overlap");
                    let got: Vec<(String, String)> = e["spells"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| {
                            (
                                s[0].as_str().unwrap().to_string(),
                                s[1].as_str().unwrap().to_string(),
                            )
                        })
                        .collect();
                    assert_eq!(got, want, "{what}");
                    assert_eq!(r["graph"]["mode"], "dynamic");
                }
            } else if name == "two-mode" {
                seen += 1;
                assert_eq!(r["node"]["name_ar"], "جيش الإسلام", "{what}");
                assert!(r["nodes"].as_u64() > Some(nodes), "{what}");
            } else {
                seen += 1;
                // Hostile names: exactly the data's, less what XML cannot
                // carry.
                let xml = matches!(format, "graphml" | "gexf");
                assert_eq!(
                    r["nodes"].as_u64(),
                    Some(hostile_names.len() as u64),
                    "{what}"
                );
                let id = if name.contains("long") {
                    "long"
                } else {
                    "fac-a"
                };
                let (en, ar) = &hostile_names[id];
                let fix = |s: &str| if xml { xml_safe(s) } else { s.to_string() };
                assert_eq!(r["node"]["name_en"], fix(en), "{what}");
                assert_eq!(r["node"]["name_ar"], fix(ar), "{what}");
                assert!(r["edge"].is_object(), "{what}");
            }
        }
    }
    // GraphML is read by NetworkX and igraph, the others by NetworkX.
    assert_eq!(seen, 6 + 2 + 5 + 3, "every file was read by its readers");
    // Every hostile name comes out exactly, in every reader: checked on the
    // node-link file with all nodes.
    let v: Value = serde_json::from_str(&read(&tmp.path().join("hostile-json.json"))).unwrap();
    for n in v["nodes"].as_array().unwrap() {
        let (en, ar) = &hostile_names[n["id"].as_str().unwrap()];
        assert_eq!(n["name_en"], *en);
        assert_eq!(n["name_ar"], *ar);
    }
    assert!(hostile_names["long"].0.len() > 10_000);
}

#[test]
fn hostile_names_stay_well_formed_in_csv_and_cyjs() {
    let tmp = tempfile::tempdir().unwrap();
    let hostile = hostile_data(tmp.path());
    let data = path(&hostile);
    let names = names(data);
    let dir = tmp.path().join("sheets");
    ok(&["export", "csv", "--data", data, "-o", path(&dir)]);
    let rows = csv_rows(&dir.join("nodes.csv"));
    assert_eq!(rows.len(), names.len());
    for r in &rows {
        let (en, ar) = &names[&r["id"]];
        assert_eq!(&r["name_en"], en);
        assert_eq!(&r["name_ar"], ar);
    }
    let file = tmp.path().join("h.cyjs");
    ok(&["export", "cyjs", "--data", data, "-o", path(&file)]);
    let v: Value = serde_json::from_str(&read(&file)).unwrap();
    let els = &v["elements"];
    let ids: Vec<&str> = els["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap())
        .collect();
    for n in els["nodes"].as_array().unwrap() {
        let d = &n["data"];
        assert_eq!(d["name_en"], names[d["id"].as_str().unwrap()].0);
        assert!(d["name"].is_string());
    }
    for e in els["edges"].as_array().unwrap() {
        let d = &e["data"];
        assert!(d["id"].as_str().unwrap().starts_with('e'));
        assert!(ids.contains(&d["source"].as_str().unwrap()));
        assert!(ids.contains(&d["target"].as_str().unwrap()));
    }
    // The CSV folder of hostile names comes back through import exactly.
    let back = tmp.path().join("back");
    ok(&["import", "csv", path(&dir), "--out", path(&back)]);
    for q in ["actors", "agreements", "places", "periods"] {
        assert_eq!(
            ok(&[q, "--format", "json", "--data", data]),
            ok(&[q, "--format", "json", "--data", path(&back)]),
            "{q}"
        );
    }
}

#[test]
fn the_embedded_dataset_survives_a_round_trip_through_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let sheets = tmp.path().join("sheets");
    ok(&["export", "csv", "-o", path(&sheets)]);
    let data = tmp.path().join("data");
    let out = ok(&["import", "csv", path(&sheets), "--out", path(&data)]);
    let records = crate::support::json(&["agreements", "--format", "json"])
        .as_array()
        .unwrap()
        .len();
    assert!(out.contains(&format!("{records} agreements")), "{out}");
    ok(&["validate", "--data", path(&data)]);
    for q in [
        vec!["agreements", "--format", "json"],
        vec!["actors", "--format", "json"],
        vec!["places", "--format", "json"],
        vec!["periods", "--format", "json"],
        vec!["validate", "--coverage", "--format", "json"],
    ] {
        let mut again = q.clone();
        again.extend(["--data", path(&data)]);
        assert!(ok(&q) == ok(&again), "{q:?} differs after the round trip");
    }
    // Exporting the imported data gives the same tables again.
    let sheets2 = tmp.path().join("sheets2");
    ok(&["export", "csv", "--data", path(&data), "-o", path(&sheets2)]);
    for f in std::fs::read_dir(&sheets).unwrap() {
        let name = f.unwrap().file_name();
        assert!(
            std::fs::read(sheets.join(&name)).unwrap()
                == std::fs::read(sheets2.join(&name)).unwrap(),
            "{name:?}"
        );
    }
    // --out is not replaced without --force; with it, whole.
    let (code, _, err) = run(&["import", "csv", path(&sheets), "--out", path(&data)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    std::fs::write(data.join("stray.toml"), "[[actor]]\n").unwrap();
    let template = root("docs/csv-template");
    ok(&[
        "import",
        "csv",
        path(&template),
        "--out",
        path(&data),
        "--force",
    ]);
    assert!(!data.join("stray.toml").exists());
    let v = json(&["agreements", "--format", "json", "--data", path(&data)]);
    assert_eq!(v.as_array().unwrap().len(), 1);
    // A byte-order mark (Excel) is fine, and Arabic survives.
    let bom = tmp.path().join("bom");
    ok(&[
        "export",
        "csv",
        "--bom",
        "--region",
        "eastern-ghouta",
        "-o",
        path(&bom),
    ]);
    assert!(std::fs::read(bom.join("actors.csv"))
        .unwrap()
        .starts_with("\u{FEFF}id,".as_bytes()));
    let back = tmp.path().join("bom-back");
    ok(&["import", "csv", path(&bom), "--out", path(&back)]);
    let a = json(&["actors", "--format", "json", "--data", path(&back)]);
    assert!(a
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["name_ar"] == "جيش الإسلام"));
}

#[test]
fn bad_rows_are_reported_at_their_cells_all_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("never");
    let dir = fixture("import/bad");
    let (code, out, err) = run(&["import", "csv", path(&dir), "--out", path(&out_dir)]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(!out_dir.exists(), "nothing is written");
    let d = path(&dir);
    for want in [
        format!("{d}/actors.csv:3:5: error[bad-value]: 'warlord' is not a known actor kind"),
        format!("{d}/actors.csv:4:1: error[duplicate-id]: actor id 'hmeimim-centre' is defined twice (first at row 3)"),
        format!("{d}/actors.csv:5:9: error[syntax]: the row has 8 cells but the header has 9"),
        format!("{d}/agreements.csv:2:4: error[bad-date]: impossible date '2018-02-30'"),
        format!("{d}/agreements.csv:2:12: error[unknown-id]: unknown place id 'dooma'"),
        format!("{d}/participations.csv:2:1: error[unknown-id]: unknown actor id 'jaish-al-islaam'"),
        format!("{d}/participations.csv:3:4: error[missing]: signatory 'hmeimim-centre' has no side"),
        format!("{d}/participations.csv:4:2: error[unknown-id]: no agreement 'duma-2018-04-01' in agreements.csv"),
        format!("{d}/periods.csv:2:25: error[encoding]: periods.csv is not UTF-8 text"),
        format!("{d}/sources.csv:3:1: error[bad-value]: 'place' is not a record type"),
        format!("{d}/terms.csv:2:3: error[bad-value]: count 'many' is not a whole number"),
    ] {
        assert!(err.contains(&want), "missing {want}\nin:\n{err}");
    }
    assert!(err.contains("closest: douma"), "{err}");
    assert!(err.contains("11 problems found"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    // A folder with none of the tables.
    let (code, _, err) = run(&["import", "csv", path(tmp.path()), "--out", path(&out_dir)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holds none of the CSV tables"), "{err}");
}

#[test]
fn the_template_imports_and_validates() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("data");
    let template = root("docs/csv-template");
    let out = ok(&["import", "csv", path(&template), "--out", path(&out_dir)]);
    assert!(
        out.contains("3 actors, 4 places, 1 agreement, 1 source document, 1 period"),
        "{out}"
    );
    ok(&["validate", "--data", path(&out_dir)]);
    let e = json(&["edges", "--format", "json", "--data", path(&out_dir)]);
    assert_eq!(e.as_array().unwrap().len(), 3);
    // The template has every column export csv writes.
    for f in [
        "actors.csv",
        "places.csv",
        "documents.csv",
        "periods.csv",
        "agreements.csv",
        "participations.csv",
        "terms.csv",
        "sources.csv",
        "date-readings.csv",
    ] {
        let sheets = tmp.path().join("sheets");
        if !sheets.exists() {
            ok(&["export", "csv", "-o", path(&sheets)]);
        }
        let header = |p: &Path| read(p).lines().next().unwrap().to_string();
        assert_eq!(header(&template.join(f)), header(&sheets.join(f)), "{f}");
    }
}

/// The fenced blocks of a Markdown file with one of the info strings, in
/// order.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    for line in text.lines() {
        match &mut cur {
            None if line.trim_end() == format!("```{lang}") => cur = Some(String::new()),
            Some(b) if line.trim_end() == "```" => {
                out.push(std::mem::take(b));
                cur = None;
            }
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
            None => {}
        }
    }
    out
}

#[test]
fn the_commands_of_docs_interchange_run() {
    let doc = read(&root("docs/interchange.md"));
    let sh = blocks(&doc, "sh");
    let py = blocks(&doc, "python");
    assert!(
        sh.len() >= 3 && py.len() >= 3,
        "{} sh, {} python blocks",
        sh.len(),
        py.len()
    );
    let tmp = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_musalaha"));
    let path_var = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for (i, block) in sh.iter().enumerate() {
        for line in block.lines() {
            assert!(
                line.starts_with("musalaha "),
                "block {i}: only musalaha commands here: {line}"
            );
        }
        let out = Command::new("bash")
            .args(["-euo", "pipefail", "-c", block])
            .current_dir(tmp.path())
            .env("PATH", &path_var)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "sh block {i} failed:\n{block}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let Some(python) = python() else {
        skipped(
            "the Python blocks of docs/interchange.md",
            "no Python with networkx and igraph; set MUSALAHA_PYTHON",
        );
        return;
    };
    let script = py.join("\n");
    let out = Command::new(&python)
        .args(["-c", &script])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the Python blocks failed:\n{}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    // What the page says they print.
    assert!(stdout.contains("جيش الإسلام"), "{stdout}");
    assert!(stdout.contains("signing+negotiating 2.0"), "{stdout}");
    assert!(stdout.contains("dynamic"), "{stdout}");
}

/// Optional: the real Cytoscape.js (under Node) loads the `.cyjs` files,
/// when MUSALAHA_NODE_PATH names a node_modules folder with cytoscape.
#[test]
fn cytoscape_js_loads_the_cyjs_files() {
    let Some(modules) = std::env::var_os("MUSALAHA_NODE_PATH") else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipped: loading .cyjs files into Cytoscape.js (optional; set MUSALAHA_NODE_PATH to a node_modules folder with cytoscape)"
        );
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let script = root("scripts/cytoscape_check.js");
    for (name, args) in [("whole", vec![]), ("two-mode", vec!["--two-mode"])] {
        let file = tmp.path().join(format!("{name}.cyjs"));
        let mut a = vec!["export", "cyjs", "-o", path(&file)];
        a.extend(args.iter().copied());
        ok(&a);
        let out = Command::new("node")
            .arg(&script)
            .arg(&file)
            .arg("jaish-al-islam")
            .env("NODE_PATH", &modules)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "Cytoscape.js failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            (v["nodes"].as_u64().unwrap(), v["edges"].as_u64().unwrap()),
            counts("cyjs", &file),
            "{name}"
        );
        assert_eq!(v["name_ar"]["jaish-al-islam"], "جيش الإسلام");
    }
}
