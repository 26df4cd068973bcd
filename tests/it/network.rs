//! Any network in (issue 10): `--edges FILE` (and `--nodes`, `--directed`)
//! on `edges`, `path`, `ego`, `export` (every format) and `render`, on the
//! small edge lists of tests/fixtures/network/.
//!
//! small.csv: a–b signing (rows of weight 2 and 1, dated 2016-03 and
//! 2016-04), b–c mediating (2017), c–d friendship (2017-05-02), a–c without
//! kind or date, d–b signing (weight 3, 2018); small-nodes.csv labels them
//! and adds e, isolated. By hand: the shortest a–d paths are a–b–d and
//! a–c–d, so b and c each lie on half of one pair's paths: betweenness
//! 0.5 · 2 / ((5 − 1)(5 − 2)) = 1/12 on NetworkX's scale; degree
//! centrality a 2/4, b 3/4, c 3/4, d 2/4, e 0.

use crate::support::{fixture, json, run};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn net(name: &str) -> String {
    fixture(&format!("network/{name}"))
        .to_str()
        .expect("utf-8 path")
        .to_string()
}

fn small() -> Vec<String> {
    vec![
        "--edges".into(),
        net("small.csv"),
        "--nodes".into(),
        net("small-nodes.csv"),
    ]
}

fn with<'a>(head: &[&'a str], tail: &'a [String]) -> Vec<&'a str> {
    head.iter()
        .copied()
        .chain(tail.iter().map(String::as_str))
        .collect()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn edges_lists_ties_and_pairs_with_summed_weights_and_dates() {
    let s = small();
    let v = json(&with(&["edges", "--format", "json"], &s));
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    let ab = &rows[0];
    assert_eq!(
        (ab["source"].as_str(), ab["target"].as_str()),
        (Some("a"), Some("b"))
    );
    assert_eq!(ab["relation"], "signing");
    assert_eq!(ab["weight"], 3.0);
    assert_eq!(ab["rows"], 2);
    assert_eq!(ab["since"], "2016-03-01");
    assert_eq!(ab["until"], "2016-04-30");
    let ac = rows
        .iter()
        .find(|r| r["target"] == "c" && r["source"] == "a");
    assert_eq!(ac.unwrap()["relation"], "tie");
    // CSV and the directed reading: mediating b → c is an arc, signing not.
    let (code, out, err) = run(&with(&["edges", "--directed", "--format", "csv"], &s[..2]));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("source,target,relation,directed,weight,rows,since,until\n"));
    assert!(
        out.contains("b,c,mediating,true,1.0,1,2017-01-01,2017-12-31\n"),
        "{out}"
    );
    assert!(
        out.contains("b,d,signing,false,3.0,1,2018-01-01,2018-12-31\n"),
        "{out}"
    );
    // --simple: one row per pair.
    let v = json(&with(&["edges", "--simple", "--format", "json"], &s));
    assert_eq!(v.as_array().unwrap().len(), 5);
}

#[test]
fn path_and_ego_resolve_ids_and_labels_like_actor_names() {
    let s = small();
    // An Arabic label typed with a plain alef still finds `a`.
    let (code, out, err) = run(&with(&["path", "جيش الاسلام", "d", "--format", "json"], &s));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("node 'جيش الاسلام' is taken as a"), "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let chains: Vec<Vec<&str>> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(chains, [["a", "b", "d"], ["a", "c", "d"]]);
    assert_eq!(v[0]["links"][0]["relations"][0], "signing");
    assert_eq!(v[0]["links"][0]["weight"], 3.0);
    assert_eq!(v[1]["links"][0]["kinds"][0], "tie");
    assert_eq!(v[1]["links"][1]["kinds"][0], "friendship");
    // CSV: one row per link.
    let (_, out, _) = run(&with(&["path", "a", "d", "--format", "csv"], &s));
    assert_eq!(out.lines().count(), 5, "{out}");
    // Ego of d by a partial label, radius 1: b and c, via d.
    let v = json(&with(&["ego", "delta", "--format", "json"], &s));
    let got: Vec<(&str, u64, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["actor"].as_str().unwrap(),
                r["distance"].as_u64().unwrap(),
                r["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [("d", 0, ""), ("b", 1, "state"), ("c", 1, "club")]);
    let v = json(&with(
        &["ego", "a", "--radius", "2", "--format", "json"],
        &s,
    ));
    assert_eq!(v.as_array().unwrap().len(), 4, "e is isolated");
    // The isolated node has no path.
    let (code, _, err) = run(&with(&["path", "a", "Echo"], &s));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn unknown_and_ambiguous_names_are_usage_errors() {
    let s = small();
    let (code, _, err) = run(&with(&["path", "a", "nobody"], &s));
    assert_eq!(code, 2);
    assert!(err.contains("no node matches 'nobody'"), "{err}");
    assert!(err.contains("help: give a node id"), "{err}");
    let (code, _, err) = run(&with(&["ego", "Faction"], &s));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("'Faction' could mean several nodes"), "{err}");
}

#[test]
fn broken_files_report_every_row_with_its_position() {
    let f = net("broken-rows.csv");
    for cmd in [
        vec!["edges"],
        vec!["path", "a", "b"],
        vec!["ego", "a"],
        vec!["export", "json"],
        vec!["render", "-o", "/tmp/never-written.svg"],
    ] {
        let mut args = cmd.clone();
        args.extend(["--edges", f.as_str()]);
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{cmd:?}: {err}");
        assert!(out.is_empty());
        for at in [
            ":2:3: error[bad-value]",
            ":3:1: error[missing]",
            ":4:1: error[self-loop]",
            ":5:4: error[bad-date]",
            ":6:3: error[bad-value]",
        ] {
            assert!(err.contains(&format!("{f}{at}")), "{cmd:?}: {at} in {err}");
        }
    }
    let (code, _, err) = run(&["export", "gexf", "--edges", &net("broken-header.csv")]);
    assert_eq!(code, 2);
    assert!(
        err.contains("broken-header.csv:1:1: error[missing]"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "export",
        "gexf",
        "--edges",
        &net("small.csv"),
        "--nodes",
        &net("broken-nodes.csv"),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("broken-nodes.csv:3:1: error[duplicate-id]"),
        "{err}"
    );
    assert!(
        err.contains("broken-nodes.csv:4:1: error[missing]"),
        "{err}"
    );
    let (code, _, err) = run(&["edges", "--edges", "/no/such/edges.csv"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot read /no/such/edges.csv"), "{err}");
}

#[test]
fn dataset_only_flags_conflict_with_edges() {
    let f = net("small.csv");
    for args in [
        vec!["edges", "--region", "daraa"],
        vec!["edges", "--from", "2016"],
        vec!["path", "a", "b", "--period", "hmeimim"],
        vec!["ego", "a", "--to", "2017"],
        vec!["ego", "a", "--agreement-kind", "local-truce"],
        vec!["export", "json", "--alignment", "regime"],
        vec!["export", "json", "--two-mode"],
        vec!["export", "json", "--per", "year", "--out-dir", "/tmp/x"],
        vec!["export", "dot", "--level", "city"],
        vec!["export", "json", "--weighting", "newman"],
        vec!["render", "-o", "/tmp/x.svg", "--two-mode"],
        vec!["stats", "--over", "year"],
        vec!["centrality", "--over", "year"],
        vec!["centrality", "--relation", "signing"],
        vec!["stats", "--relation", "all"],
        vec!["export", "dot", "--relation", "mediating"],
    ] {
        let mut a = args.clone();
        a.extend(["--edges", f.as_str()]);
        let (code, _, err) = run(&a);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("cannot be used with"), "{args:?}: {err}");
    }
    // --directed and --nodes need --edges.
    let (code, _, _) = run(&["export", "json", "--directed"]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["edges", "--nodes", &net("small-nodes.csv")]);
    assert_eq!(code, 2);
    // Clusters by region need the dataset's places.
    let (code, _, err) = run(&[
        "export",
        "dot",
        "--edges",
        &f,
        "--cluster-by",
        "region",
        "--layout",
        "dot",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--cluster-by region needs the dataset"),
        "{err}"
    );
}

#[test]
fn edges_commands_never_load_the_dataset() {
    // A broken --data folder does not matter: the dataset is not read.
    let (code, out, err) = run(&[
        "--data",
        "/no/such/folder",
        "edges",
        "--edges",
        &net("small.csv"),
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 6);
}

/// An interpreter with networkx and igraph, if any (see interchange.rs).
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

const READERS: &str = r#"
import json, sys
import networkx as nx, igraph
d = sys.argv[1]
out = {}
for name, g in [
    ("graphml", nx.read_graphml(d + "/n.graphml")),
    ("gexf", nx.read_gexf(d + "/n.gexf")),
    ("json", nx.node_link_graph(json.load(open(d + "/n.json")), edges="edges")),
    ("cyjs", nx.cytoscape_graph(json.load(open(d + "/n.cyjs")))),
]:
    e = g.edges["a", "b"] if g.has_edge("a", "b") else {}
    out[name] = {
        "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
        "label_a": g.nodes["a"].get("label"), "kind_c": g.nodes["c"].get("kind"),
        "alignment_d": g.nodes["d"].get("alignment"),
        "betweenness_b": g.nodes["b"].get("betweenness"),
        "degree_b": g.nodes["b"].get("degree"),
        "ab_weight": e.get("weight"), "ab_relation": e.get("relation"),
        "cd_relation": g.edges["c", "d"].get("relation"),
    }
ig = igraph.Graph.Read_GraphML(d + "/n.graphml")
out["igraph"] = {"nodes": ig.vcount(), "edges": ig.ecount(), "weights": sorted(ig.es["weight"])}
print(json.dumps(out))
"#;

#[test]
fn exports_of_an_edge_list_are_read_back_by_their_readers() {
    let tmp = tempfile::tempdir().unwrap();
    let s = small();
    for f in ["dot", "graphml", "gexf", "json", "cyjs"] {
        let file = tmp.path().join(format!("n.{f}"));
        let mut args = vec!["export", f, "-o", path(&file)];
        if f != "dot" {
            args.extend(["--with-measures", "degree,betweenness"]);
        }
        let args = with(&args, &s);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{f}: {err}");
        assert_eq!(
            out,
            format!("wrote {} (5 nodes, 5 edges)\n", file.display())
        );
    }
    let dot = std::fs::read_to_string(tmp.path().join("n.dot")).unwrap();
    assert!(dot.contains("Network: small.csv"), "{dot}");
    crate::support::check_with_graphviz(&dot);
    // CSV: nodes.csv and edges.csv only.
    let dir = tmp.path().join("csv");
    let (code, out, err) = run(&with(&["export", "csv", "-o", path(&dir)], &s));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(": nodes.csv, edges.csv (5 nodes, 5 edges)"),
        "{out}"
    );
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["edges.csv", "nodes.csv"]);
    let edges = std::fs::read_to_string(dir.join("edges.csv")).unwrap();
    assert!(
        edges.contains("a,b,signing,3,,2016-03-01,2016-04-30,false\n"),
        "{edges}"
    );
    assert!(
        edges.contains("c,d,friendship,1,,2017-05-02,2017-05-02,false\n"),
        "{edges}"
    );
    let nodes = std::fs::read_to_string(dir.join("nodes.csv")).unwrap();
    assert!(
        nodes.contains("\nc,Faction Beta,actor,club,,Faction Beta,"),
        "{nodes}"
    );
    assert!(
        nodes.contains("\nd,Mediator Delta,actor,,locals,"),
        "{nodes}"
    );
    // GEXF: valid against the schema, with the dated rows as spells.
    let gexf = std::fs::read_to_string(tmp.path().join("n.gexf")).unwrap();
    assert!(gexf.contains("<spell start=\"2017-05-02\" end=\"2017-05-02\"/>"));
    let schema = fixture("schemas/gexf-1.3/gexf.xsd");
    if let Ok(o) = Command::new("xmllint")
        .args(["--noout", "--schema", path(&schema)])
        .arg(tmp.path().join("n.gexf"))
        .output()
    {
        assert!(
            o.status.success(),
            "GEXF fails the schema: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let Some(py) = python() else {
        assert!(
            std::env::var_os("MUSALAHA_REQUIRE_READERS").is_none(),
            "MUSALAHA_REQUIRE_READERS is set but no Python with networkx and igraph"
        );
        return;
    };
    let o = Command::new(py)
        .args(["-c", READERS, path(tmp.path())])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    for f in ["graphml", "gexf", "json", "cyjs"] {
        let r = &v[f];
        assert_eq!(r["nodes"], 5, "{f}: {r}");
        assert_eq!(r["edges"], 5, "{f}: {r}");
        assert_eq!(r["label_a"], "جيش الإسلام", "{f}");
        assert_eq!(r["kind_c"], "club", "{f}");
        assert_eq!(r["alignment_d"], "locals", "{f}");
        assert_eq!(r["ab_weight"], 3.0, "{f}");
        assert_eq!(r["ab_relation"], "signing", "{f}");
        assert_eq!(r["cd_relation"], "friendship", "{f}");
        assert_eq!(r["degree_b"], 0.75, "{f}");
        let b = r["betweenness_b"].as_f64().unwrap();
        assert!((b - 1.0 / 12.0).abs() < 1e-12, "{f}: {b}");
    }
    assert_eq!(v["igraph"]["nodes"], 5);
    assert_eq!(
        v["igraph"]["weights"],
        serde_json::json!([1.0, 1.0, 1.0, 3.0, 3.0])
    );
}

#[test]
fn directed_tsv_exports_arcs_and_renders() {
    let tmp = tempfile::tempdir().unwrap();
    let f = net("directed.tsv");
    let v = json(&["export", "json", "--edges", &f, "--directed"]);
    let edges = v["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 3);
    let g = edges
        .iter()
        .find(|e| e["relation"] == "guaranteeing")
        .unwrap();
    assert_eq!(
        (g["source"].as_str(), g["target"].as_str()),
        (Some("n1"), Some("n2"))
    );
    assert_eq!(g["oriented"], true);
    let s = edges.iter().find(|e| e["relation"] == "signing").unwrap();
    assert_eq!(s["oriented"], false);
    let a = edges.iter().find(|e| e["relation"] == "alliance").unwrap();
    assert_eq!(
        (a["source"].as_str(), a["oriented"].as_bool()),
        (Some("n3"), Some(true))
    );
    // The figure: rendered when Graphviz is there.
    let dot = tmp.path().join("d.dot");
    let (code, _, err) = run(&[
        "export",
        "dot",
        "--edges",
        &f,
        "--directed",
        "-o",
        path(&dot),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&dot).unwrap();
    assert!(text.contains("n3 alliance n1 (weight 1)"), "{text}");
    if crate::support::check_with_graphviz(&text).is_some() {
        let svg = tmp.path().join("d.svg");
        let (code, out, err) = run(&["render", "--edges", &f, "--directed", "-o", path(&svg)]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("(3 nodes, 3 edges)"), "{out}");
        assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    }
}

/// A node of the node list without edges is in no chain: the message names
/// the network (not a slice) and the help does not suggest slicing flags.
#[test]
fn no_path_in_a_network_says_network() {
    let tail = small();
    let (code, out, err) = run(&with(&["path", "a", "e"], &tail));
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("no chain of ties links a and e in this network"),
        "{err}"
    );
    assert!(err.contains("components"), "{err}");
    assert!(!err.contains("widen the slice"), "{err}");
}

/// A node label in Arabic script is also the node's Arabic name; every
/// label stays the name shown by default.
#[test]
fn arabic_labels_are_arabic_names() {
    let tail = small();
    let (code, out, err) = run(&with(&["centrality", "--format", "json"], &tail));
    assert_eq!(code, 0, "{err}");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).expect("json");
    let row = |id: &str| rows.iter().find(|r| r["actor"] == id).expect(id).clone();
    assert_eq!(row("a")["name_ar"], "جيش الإسلام");
    assert_eq!(row("a")["name_en"], "جيش الإسلام");
    assert_eq!(row("b")["name_en"], "Government");
    assert_eq!(row("b")["name_ar"], "");
}
