//! Measures checked against NetworkX. The fixtures in
//! tests/fixtures/reference/ hold a graph and NetworkX's values for it; they
//! are produced by scripts/networkx_reference.py.

use musalaha::analysis::centrality::{compute, Measure};
use musalaha::graph::{SimpleEdge, SimpleGraph};
use serde_json::Value;
use std::path::PathBuf;

fn fixtures() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference");
    let mut out: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .expect("reference fixtures exist")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 6, "expected the dataset and random reference graphs");
    out
}

fn graph(v: &Value) -> SimpleGraph {
    let nodes: Vec<String> = v["nodes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect();
    let idx = |s: &str| nodes.iter().position(|n| n == s).unwrap();
    let mut edges: Vec<SimpleEdge> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let (a, b) = (idx(e[0].as_str().unwrap()), idx(e[1].as_str().unwrap()));
            SimpleEdge { a: a.min(b), b: a.max(b), weight: e[2].as_f64().unwrap(), relations: vec![], agreements: vec![] }
        })
        .collect();
    edges.sort_by_key(|e| (e.a, e.b));
    SimpleGraph { nodes, edges }
}

#[test]
fn measures_agree_with_networkx() {
    for (name, v) in fixtures() {
        let g = graph(&v);
        for m in Measure::ALL {
            let want = &v["measures"][m.as_str()];
            let got = compute(&g, m);
            for (i, node) in g.nodes.iter().enumerate() {
                let w = want[node].as_f64().unwrap_or_else(|| panic!("{name}: no {} for {node}", m.as_str()));
                assert!(
                    (got[i] - w).abs() < 1e-9,
                    "{name}: {} of {node}: musalaha {} vs NetworkX {w}",
                    m.as_str(),
                    got[i]
                );
            }
        }
    }
}

#[test]
fn dataset_fixtures_match_the_current_data() {
    for (name, args) in [("dataset-all", vec![]), ("dataset-eastern-ghouta", vec!["--region", "eastern-ghouta"])] {
        let (_, v) = fixtures().into_iter().find(|(n, _)| n == name).unwrap();
        let mut full = vec!["edges", "--simple", "--format", "json"];
        full.extend(args);
        let rows = crate::support::json(&full);
        let mut current: Vec<(String, String, u64)> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["source"].as_str().unwrap().into(), r["target"].as_str().unwrap().into(), r["weight"].as_u64().unwrap()))
            .collect();
        current.sort();
        let stored: Vec<(String, String, u64)> = v["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e[0].as_str().unwrap().into(), e[1].as_str().unwrap().into(), e[2].as_u64().unwrap()))
            .collect();
        assert!(
            current == stored,
            "tests/fixtures/reference/{name}.json is out of date with graph-data/: run `python3 scripts/networkx_reference.py`"
        );
    }
}
