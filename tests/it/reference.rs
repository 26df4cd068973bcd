//! Measures checked against NetworkX. The fixtures in
//! tests/fixtures/reference/ hold a graph (undirected edges, directed arcs,
//! groups) and NetworkX's values for it; scripts/networkx_reference.py
//! produces them (brokerage: an independent Python implementation there;
//! weighted betweenness: exact rational arithmetic there, since NetworkX
//! misses ties of floating-point path lengths).

use musalaha::analysis::centrality::{compute_with, Measure, Options};
use musalaha::analysis::twomode::Bipartite;
use musalaha::graph::{Relation, SimpleArc, SimpleGraph, TwoMode, TwoModeLink};
use musalaha::model::Role;
use serde_json::Value;
use std::path::PathBuf;

fn fixtures() -> Vec<(String, Value)> {
    all_fixtures()
        .into_iter()
        .filter(|(n, _)| !n.starts_with("twomode-"))
        .collect()
}

fn all_fixtures() -> Vec<(String, Value)> {
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
    assert!(
        out.len() >= 13,
        "expected the dataset, karate and random reference graphs"
    );
    out
}

type Triples = Vec<(String, String, f64)>;

fn triples(v: &Value) -> Triples {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap().into(),
                e[1].as_str().unwrap().into(),
                e[2].as_f64().unwrap(),
            )
        })
        .collect()
}

fn graph(v: &Value) -> SimpleGraph {
    let nodes: Vec<String> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    let idx = |s: &str| nodes.iter().position(|n| n == s).unwrap();
    let edges: Vec<(usize, usize, f64)> = triples(&v["edges"])
        .iter()
        .map(|(a, b, w)| (idx(a), idx(b), *w))
        .collect();
    let mut g = SimpleGraph::from_edges(nodes.clone(), &edges);
    g.arcs = triples(&v["arcs"])
        .iter()
        .map(|(a, b, w)| SimpleArc {
            from: idx(a),
            to: idx(b),
            weight: *w,
        })
        .collect();
    g.groups = nodes
        .iter()
        .map(|n| v["groups"][n].as_str().unwrap().to_string())
        .collect();
    g
}

/// (fixture key, measure, options)
fn variants() -> Vec<(String, Measure, Options)> {
    let mut out = Vec::new();
    for &m in Measure::ALL {
        for directed in [false, true] {
            let suffix = if directed { "/directed" } else { "" };
            if m != Measure::Brokerage {
                out.push((
                    format!("{}{suffix}", m.as_str()),
                    m,
                    Options {
                        directed,
                        ..Options::default()
                    },
                ));
            }
            if matches!(
                m,
                Measure::Betweenness | Measure::Closeness | Measure::Harmonic
            ) {
                out.push((
                    format!("{}/weighted{suffix}", m.as_str()),
                    m,
                    Options {
                        directed,
                        weighted: true,
                        ..Options::default()
                    },
                ));
            }
        }
    }
    out.push(("brokerage".into(), Measure::Brokerage, Options::default()));
    out
}

#[test]
fn measures_agree_with_networkx() {
    let mut checked = 0;
    for (name, v) in fixtures() {
        let g = graph(&v);
        for (key, m, opts) in variants() {
            let series = compute_with(&g, m, opts);
            let Ok(series) = series else {
                // Only eigenvector may fail (no convergence); NetworkX must have failed too.
                assert!(
                    key.starts_with("eigenvector"),
                    "{name}: {key} failed: {series:?}"
                );
                let want = &v["measures"][&key];
                assert!(
                    g.nodes.iter().all(|n| want[n].is_null()),
                    "{name}: {key} failed where NetworkX converged"
                );
                continue;
            };
            for s in series {
                let fixture_key = if m == Measure::Brokerage {
                    s.name.clone()
                } else {
                    // Weighted betweenness is checked against exact rational arithmetic:
                    // NetworkX drops paths whose float lengths differ in the last bit.
                    key.replace("betweenness/weighted", "betweenness/weighted-exact")
                };
                let want = &v["measures"][&fixture_key];
                assert!(want.is_object(), "{name}: fixture has no {fixture_key}");
                for (i, node) in g.nodes.iter().enumerate() {
                    let got = s.values[i];
                    match want[node].as_f64() {
                        Some(w) => assert!(
                            (got - w).abs() < 1e-9,
                            "{name}: {fixture_key} of {node}: musalaha {got} vs NetworkX {w}"
                        ),
                        None => assert!(
                            got.is_nan(),
                            "{name}: {fixture_key} of {node}: musalaha {got}, NetworkX undefined"
                        ),
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 5000, "only {checked} values compared");
}

/// The weighted-betweenness bug NetworkX has (and musalaha had): on Zachary's karate club,
/// paths whose lengths tie in exact arithmetic differ in the last bit in floating point, and
/// NetworkX drops them. musalaha compares lengths with a relative tolerance and agrees with
/// the rational-arithmetic reference to 1e-12; NetworkX is off by up to 2.9%.
#[test]
fn weighted_betweenness_counts_ties_as_exact_arithmetic_does() {
    let (_, v) = fixtures().into_iter().find(|(n, _)| n == "karate").unwrap();
    let g = graph(&v);
    let opts = Options {
        weighted: true,
        ..Options::default()
    };
    let got = &compute_with(&g, Measure::Betweenness, opts).unwrap()[0].values;
    let exact = &v["measures"]["betweenness/weighted-exact"];
    let networkx = &v["measures"]["betweenness/weighted"];
    let mut worst_networkx: f64 = 0.0;
    for (i, node) in g.nodes.iter().enumerate() {
        let e = exact[node].as_f64().unwrap();
        assert!(
            (got[i] - e).abs() <= 1e-12 * e.max(1e-3),
            "{node}: musalaha {} vs exact {e}",
            got[i]
        );
        if e > 0.0 {
            worst_networkx = worst_networkx.max((networkx[node].as_f64().unwrap() - e).abs() / e);
        }
    }
    assert!(
        worst_networkx > 0.02,
        "NetworkX now agrees with exact arithmetic ({worst_networkx}): update the docs"
    );
}

#[test]
fn dataset_fixtures_match_the_current_data() {
    for (name, args) in [
        ("dataset-all", vec![]),
        ("dataset-eastern-ghouta", vec!["--region", "eastern-ghouta"]),
    ] {
        let (_, v) = fixtures().into_iter().find(|(n, _)| n == name).unwrap();
        let mut full = vec!["edges", "--simple", "--format", "json"];
        full.extend(args);
        let rows = crate::support::json(&full);
        let mut current: Triples = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["source"].as_str().unwrap().into(),
                    r["target"].as_str().unwrap().into(),
                    r["weight"].as_f64().unwrap(),
                )
            })
            .collect();
        current.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let mut stored = triples(&v["edges"]);
        stored.sort_by(|a, b| a.partial_cmp(b).unwrap());
        assert!(
            current == stored,
            "tests/fixtures/reference/{name}.json is out of date with graph-data/: run `python3 scripts/networkx_reference.py`"
        );
    }
}

#[test]
fn bipartite_measures_agree_with_networkx() {
    let mut checked = 0;
    for (name, v) in all_fixtures()
        .into_iter()
        .filter(|(n, _)| n.starts_with("twomode-"))
    {
        let strings = |k: &str| -> Vec<String> {
            v[k].as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect()
        };
        let actors = strings("actors");
        let agreements = strings("agreements");
        let pos = |list: &[String], x: &str| list.iter().position(|y| y == x).unwrap();
        let tm = TwoMode {
            links: v["pairs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| TwoModeLink {
                    actor: pos(&actors, p[0].as_str().unwrap()),
                    agreement: pos(&agreements, p[1].as_str().unwrap()),
                    roles: vec![Role::Signatory],
                    relation: Relation::Signing,
                    weight: 1.0,
                    inferred: false,
                })
                .collect(),
            actors,
            agreements,
        };
        let bp = Bipartite::new(&tm);
        for (measure, values) in [
            ("degree", bp.degree()),
            ("strength", bp.strength()),
            ("betweenness", bp.betweenness()),
            ("closeness", bp.closeness()),
        ] {
            for (label, got) in bp.labels.iter().zip(values) {
                let want = v["measures"][measure][label]
                    .as_f64()
                    .unwrap_or_else(|| panic!("{name}: no {measure} for {label}"));
                assert!(
                    (got - want).abs() < 1e-9,
                    "{name}: two-mode {measure} of {label}: musalaha {got} vs NetworkX {want}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} values compared");
}
