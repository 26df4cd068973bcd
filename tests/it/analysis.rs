//! Issue 4's measures, slicing and queries on the small fixture, with every
//! expected value worked out by hand from tests/fixtures/valid/base.toml.
//!
//! The fixture's actor graph (default relations):
//!   edges  fac-a–gov (a1, a2), fac-b–gov (a2), med–fac-a (a1), med–gov (a1),
//!          guar–fac-a (a2), guar–fac-b (a2 guaranteeing, a3 negotiating), guar–gov (a2)
//!   arcs   fac-a↔gov, fac-b↔gov, fac-b↔guar (symmetric), med→fac-a, med→gov,
//!          guar→fac-a, guar→fac-b, guar→gov
//!   groups gov regime, fac-a/fac-b opposition, guar regime-ally, med third-party

use crate::support::{fixture, json, run};
use serde_json::Value;

fn valid() -> String {
    fixture("valid").to_str().unwrap().to_string()
}

fn scores(v: &Value, measure: &str) -> Vec<(String, f64)> {
    v.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["measure"] == measure)
        .map(|r| {
            (
                r["actor"].as_str().unwrap().to_string(),
                r["score"].as_f64().unwrap(),
            )
        })
        .collect()
}

fn score_of(v: &Value, measure: &str, actor: &str) -> f64 {
    scores(v, measure)
        .into_iter()
        .find(|(a, _)| a == actor)
        .unwrap_or_else(|| panic!("no {measure} for {actor}"))
        .1
}

#[test]
fn brokerage_roles_by_alignment() {
    // gov brokers fac-a→gov→fac-b and fac-b→gov→fac-a (itinerant: both ends opposition),
    // med→gov→fac-b (liaison); med→gov→fac-a is closed by med→fac-a, guar→gov→… by guar's arcs.
    // fac-b brokers gov→fac-b→guar (liaison); guar brokers fac-b→guar→fac-a (itinerant).
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "brokerage",
        "--format",
        "json",
    ]);
    let total = scores(&v, "brokerage");
    assert_eq!(total[0], ("gov".to_string(), 3.0));
    assert_eq!(score_of(&v, "brokerage", "fac-b"), 1.0);
    assert_eq!(score_of(&v, "brokerage", "guar"), 1.0);
    assert_eq!(score_of(&v, "brokerage", "fac-a"), 0.0);
    assert_eq!(score_of(&v, "brokerage-itinerant", "gov"), 2.0);
    assert_eq!(score_of(&v, "brokerage-liaison", "gov"), 1.0);
    assert_eq!(score_of(&v, "brokerage-liaison", "fac-b"), 1.0);
    assert_eq!(score_of(&v, "brokerage-itinerant", "guar"), 1.0);
    assert_eq!(score_of(&v, "brokerage-coordinator", "gov"), 0.0);
}

#[test]
fn newman_weighting() {
    // k: a1 ties 3 actors (1/2 per pair), a2 ties 4 (1/3), a3 ties 2 (1).
    // gov: fac-a 1/2 + 1/3, fac-b 1/3, med 1/2, guar 1/3 = 2; fac-b: gov 1/3 + guar (1/3 + 1) = 5/3.
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "strength",
        "--weighting",
        "newman",
        "--format",
        "json",
    ]);
    assert!((score_of(&v, "strength", "gov") - 2.0).abs() < 1e-12);
    assert!((score_of(&v, "strength", "fac-b") - 5.0 / 3.0).abs() < 1e-12);
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "strength",
        "--weighting",
        "none",
        "--format",
        "json",
    ]);
    assert_eq!(score_of(&v, "strength", "gov"), 4.0);
}

#[test]
fn directed_degree() {
    // gov: out to fac-a, fac-b; in from fac-a, fac-b, med, guar: 6 arcs / (n - 1 = 4).
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "degree",
        "--directed",
        "--format",
        "json",
    ]);
    assert_eq!(score_of(&v, "degree", "gov"), 1.5);
    // med: two out-arcs only.
    assert_eq!(score_of(&v, "degree", "med"), 0.5);
}

#[test]
fn all_measures_at_once() {
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "all",
        "--format",
        "json",
    ]);
    let measures: std::collections::BTreeSet<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["measure"].as_str().unwrap().to_string())
        .collect();
    for m in [
        "degree",
        "strength",
        "betweenness",
        "closeness",
        "eigenvector",
        "pagerank",
        "brokerage",
        "brokerage-liaison",
        "effective-size",
        "constraint",
    ] {
        assert!(measures.contains(m), "missing {m}");
    }
    // PageRank sums to 1 over the 5 actors.
    let pr: f64 = scores(&v, "pagerank").iter().map(|(_, s)| s).sum();
    assert!((pr - 1.0).abs() < 1e-9);
}

#[test]
fn two_mode_bipartite_degree() {
    // 5 actors × 3 agreements; a2 has 4 participants (4/5), med is in a1 only (1/3).
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--two-mode",
        "--measure",
        "degree",
        "--format",
        "json",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 8);
    assert!((score_of(&v, "degree", "agreement:a2") - 0.8).abs() < 1e-12);
    assert!((score_of(&v, "degree", "med") - 1.0 / 3.0).abs() < 1e-12);
    assert!((score_of(&v, "degree", "gov") - 2.0 / 3.0).abs() < 1e-12);
    let row = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == "agreement:a2")
        .unwrap();
    assert_eq!(row["kind"], "agreement");
    assert_eq!(row["name_en"], "Douma settlement");
    let (code, _, err) = run(&[
        "centrality",
        "--data",
        &valid(),
        "--two-mode",
        "--measure",
        "pagerank",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("not defined for the two-mode graph"), "{err}");
}

#[test]
fn over_period_and_year() {
    // The fixture's one period, "early" (to 2015-12-31), holds a1: a triangle fac-a, gov, med.
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--over",
        "period",
        "--format",
        "json",
    ]);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert!(rows
        .iter()
        .all(|r| r["slice"] == "early" && r["score"] == 1.0));
    let (code, out, _) = run(&[
        "centrality",
        "--data",
        &valid(),
        "--over",
        "year",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "slice,actor,name_en,name_ar,kind,measure,score");
    // 2014: a1 (3 actors); 2016: a3 (2); 2018: a2 (4); 2015 and 2017 are empty.
    assert_eq!(lines.iter().filter(|l| l.starts_with("2014,")).count(), 3);
    assert_eq!(lines.iter().filter(|l| l.starts_with("2016,")).count(), 2);
    assert_eq!(lines.iter().filter(|l| l.starts_with("2018,")).count(), 4);
    assert_eq!(lines.len(), 1 + 9);
}

#[test]
fn stats_per_slice() {
    let v = json(&["stats", "--data", &valid(), "--format", "json"]);
    let s = &v[0];
    // a1 (a violated truce) and a2 (a settlement) are agreements proper; a3 is a meeting.
    assert_eq!(s["agreements"], 2);
    assert_eq!(s["events"], 3);
    assert_eq!(s["uncertain"], 0);
    assert_eq!(s["dates"], "overlap");
    assert_eq!(s["nodes"], 5);
    assert_eq!(s["edges"], 7);
    assert!((s["density"].as_f64().unwrap() - 0.7).abs() < 1e-12);
    assert_eq!(s["components"], 1);
    assert_eq!(s["largest_component"], 5);
    assert_eq!(s["diameter"], 2);
    assert!((s["mean_degree"].as_f64().unwrap() - 2.8).abs() < 1e-12);
    assert_eq!(s["total_weight"], 9.0);
    let v = json(&[
        "stats",
        "--data",
        &valid(),
        "--over",
        "year",
        "--format",
        "json",
    ]);
    let by_year: Vec<(String, u64, u64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["slice"].as_str().unwrap().to_string(),
                r["nodes"].as_u64().unwrap(),
                r["edges"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("2014", 3, 3),
        ("2015", 0, 0),
        ("2016", 2, 1),
        ("2017", 0, 0),
        ("2018", 4, 5),
    ];
    assert_eq!(by_year, want.map(|(y, n, e)| (y.to_string(), n, e)));
}

#[test]
fn path_with_agreements_on_each_link() {
    // fac-b and med share no tie; the one 2-step chain runs through gov.
    let v = json(&[
        "path",
        "--data",
        &valid(),
        "fac-b",
        "med",
        "--format",
        "json",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["length"], 2);
    assert_eq!(v[0]["actors"], serde_json::json!(["fac-b", "gov", "med"]));
    assert_eq!(
        v[0]["links"][0]["relations"],
        serde_json::json!(["signing"])
    );
    assert_eq!(v[0]["links"][0]["agreements"], serde_json::json!(["a2"]));
    assert_eq!(
        v[0]["links"][1]["relations"],
        serde_json::json!(["mediating"])
    );
    assert_eq!(v[0]["links"][1]["agreements"], serde_json::json!(["a1"]));
    // fac-a and fac-b: two chains (via gov, via guar), in id order.
    let v = json(&[
        "path",
        "--data",
        &valid(),
        "Faction A",
        "Faction B",
        "--format",
        "json",
    ]);
    let chains: Vec<Value> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["actors"].clone())
        .collect();
    assert_eq!(
        chains,
        vec![
            serde_json::json!(["fac-a", "gov", "fac-b"]),
            serde_json::json!(["fac-a", "guar", "fac-b"])
        ]
    );
    let (code, out, _) = run(&[
        "path",
        "--data",
        &valid(),
        "fac-a",
        "fac-b",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().next(),
        Some("path,step,from,to,relations,agreements")
    );
    assert_eq!(out.lines().count(), 5);
    // Signing only: med has no signing tie.
    let (code, _, err) = run(&[
        "path",
        "--data",
        &valid(),
        "fac-a",
        "med",
        "--relation",
        "signing",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("med has no ties"), "{err}");
}

#[test]
fn ego_network() {
    let v = json(&["ego", "--data", &valid(), "guar", "--format", "json"]);
    let got: Vec<(String, u64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["actor"].as_str().unwrap().to_string(),
                r["distance"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("guar", 0), ("fac-a", 1), ("fac-b", 1), ("gov", 1)].map(|(a, d)| (a.to_string(), d))
    );
    let v = json(&[
        "ego",
        "--data",
        &valid(),
        "guar",
        "--radius",
        "2",
        "--format",
        "json",
    ]);
    let med = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == "med")
        .unwrap();
    assert_eq!(med["distance"], 2);
    assert_eq!(med["via"], serde_json::json!(["fac-a", "gov"]));
}

#[test]
fn timeline_in_date_order_with_roles() {
    let v = json(&["timeline", "--data", &valid(), "guar", "--format", "json"]);
    let got = crate::support::pairs(&v, "agreement", "role");
    assert_eq!(
        got,
        [("a3", "negotiator"), ("a2", "guarantor")].map(|(a, r)| (a.to_string(), r.to_string()))
    );
    assert_eq!(v[0]["date"], "2016");
    assert_eq!(v[0]["start"], "2016-01-01");
    let v = json(&[
        "timeline",
        "--data",
        &valid(),
        "guar",
        "--role",
        "guarantor",
        "--format",
        "json",
    ]);
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn explain_lists_agreements_and_sources() {
    let v = json(&[
        "explain",
        "--data",
        &valid(),
        "fac-b",
        "guar",
        "--format",
        "json",
    ]);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["relation"], "negotiating");
    assert_eq!(rows[0]["agreement"], "a3");
    assert_eq!(rows[0]["role_a"], serde_json::json!(["negotiator"]));
    assert_eq!(rows[0]["sources"][0]["locator"], "s3");
    assert_eq!(rows[1]["relation"], "guaranteeing");
    assert_eq!(rows[1]["from"], "guar");
    assert_eq!(rows[1]["role_a"], serde_json::json!(["signatory"]));
    assert_eq!(rows[1]["role_b"], serde_json::json!(["guarantor"]));
}

#[test]
fn partners_by_role() {
    // guar as guarantor (a2 only): it guaranteed fac-a, fac-b and gov; the a3 negotiation drops out.
    let v = json(&[
        "partners",
        "--data",
        &valid(),
        "guar",
        "--role",
        "guarantor",
        "--format",
        "json",
    ]);
    let got = crate::support::pairs(&v, "actor", "link");
    assert!(got.iter().all(|(_, l)| l == "guarantor-for"), "{got:?}");
    assert_eq!(got.len(), 3);
}

#[test]
fn alignment_filter() {
    // Only opposition and regime actors: fac-a, fac-b, gov; ties fac-a–gov, fac-b–gov.
    let v = json(&[
        "stats",
        "--data",
        &valid(),
        "--alignment",
        "regime,opposition",
        "--format",
        "json",
    ]);
    assert_eq!(v[0]["nodes"], 3);
    assert_eq!(v[0]["edges"], 2);
}

#[test]
fn weighted_betweenness_uses_inverse_weights() {
    // With distances 1/w, fac-a–gov (w 2) is 0.5 long and fac-b–guar (w 2) 0.5 long; the
    // result must differ from the unweighted one for gov, which no longer lies on the
    // fac-a→fac-b path alone (via guar is 1 + 0.5 = 1.5 = via gov 0.5 + 1).
    let unweighted = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "betweenness",
        "--format",
        "json",
    ]);
    let weighted = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "betweenness",
        "--weighted",
        "--format",
        "json",
    ]);
    // Unweighted: gov 2/6 (see commands.rs). Weighted, pairs that are not adjacent or whose
    // direct tie is longer than a detour: fac-a/fac-b (1.5 via gov or guar: 1/2 each),
    // fac-b/med (via gov 1 + 1 = 2, via guar+fac-a 0.5+1+1: gov 1), guar/med (via gov 2 or
    // fac-a 2: 1/2 each), and guar–fac-a (direct 1 vs guar–fac-b–gov–fac-a 0.5+1+0.5: direct).
    assert!((score_of(&unweighted, "betweenness", "gov") - 2.0 / 6.0).abs() < 1e-12);
    assert!((score_of(&weighted, "betweenness", "gov") - 2.0 / 6.0).abs() < 1e-12);
    assert!((score_of(&weighted, "betweenness", "fac-a") - 0.5 / 6.0).abs() < 1e-12);
}

#[test]
fn closeness_and_burt_measures_by_hand() {
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "closeness,effective-size,constraint",
        "--format",
        "json",
    ]);
    // gov reaches all 4 others in one step; med reaches fac-a, gov in 1 and fac-b, guar in 2.
    assert!((score_of(&v, "closeness", "gov") - 1.0).abs() < 1e-12);
    assert!((score_of(&v, "closeness", "med") - 4.0 / 6.0).abs() < 1e-12);
    // Burt on gov, mutual weights 2w: p = fac-a .4, fac-b .2, med .2, guar .2.
    // Redundancy-adjusted contacts: fac-a .8, fac-b .8, med .6, guar .6 → effective size 2.8.
    assert!((score_of(&v, "effective-size", "gov") - 2.8).abs() < 1e-12);
    // Constraint: (.4+.15)² + (.2+.1)² + (.2+.1)² + (.2+.1+.2·2/3)² = .3025 + .09 + .09 + 169/900.
    let want = 0.3025 + 0.09 + 0.09 + 169.0 / 900.0;
    assert!((score_of(&v, "constraint", "gov") - want).abs() < 1e-12);
}

/// A small edge list in a temporary folder.
fn edge_file(name: &str, text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    let s = p.to_str().unwrap().to_string();
    (dir, s)
}

#[test]
fn any_network_in_through_edges_and_nodes() {
    // A path a – b – c plus d – b, weights on one pair split over two rows.
    let (_d, edges) = edge_file(
        "net.csv",
        "source,target,weight,kind\na,b,1,signing\na,b,1,signing\nb,c,1,guaranteeing\nd,b,3,mediating\n",
    );
    let (_n, nodes) = edge_file("nodes.tsv", "id\tlabel\tkind\tgroup\nb\tBee\thub\tregime\n");
    let v = json(&[
        "centrality",
        "--edges",
        &edges,
        "--nodes",
        &nodes,
        "--measure",
        "betweenness,strength",
        "--format",
        "json",
    ]);
    // b lies on every path between the other three: 3 pairs of 3.
    assert_eq!(score_of(&v, "betweenness", "b"), 1.0);
    assert_eq!(score_of(&v, "strength", "b"), 6.0);
    assert_eq!(score_of(&v, "strength", "a"), 2.0);
    let b = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["actor"] == "b")
        .unwrap();
    assert_eq!(
        (b["name_en"].as_str(), b["kind"].as_str()),
        (Some("Bee"), Some("hub"))
    );
    // Directed: b → c and d → b one way, a ↔ b both ways (signing).
    let v = json(&[
        "centrality",
        "--edges",
        &edges,
        "--directed",
        "--measure",
        "degree",
        "--format",
        "json",
    ]);
    assert_eq!(score_of(&v, "degree", "b"), 4.0 / 3.0);
    let v = json(&["stats", "--edges", &edges, "--format", "json"]);
    assert_eq!(v[0]["nodes"], 4);
    assert_eq!(v[0]["edges"], 3);
    assert_eq!(v[0]["events"], 4);
    assert_eq!(v[0]["diameter"], 2);
    assert_eq!(v[0]["slice"], "net.csv");
}

#[test]
fn bad_edge_rows_are_all_reported_with_file_and_row() {
    let (_d, edges) = edge_file(
        "bad.csv",
        "source,target,weight\na,b,2\nc,c,1\nd,,1\ne,f,heavy\n",
    );
    let (code, out, err) = run(&["centrality", "--edges", &edges]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    for want in [
        format!("{edges}:3:1: error[self-loop]"),
        format!("{edges}:4:2: error[missing]"),
        format!("{edges}:5:3: error[bad-value]"),
    ] {
        assert!(err.contains(&want), "{err}");
    }
    assert!(err.contains("3 problems found"), "{err}");
    let (code, _, err) = run(&["stats", "--edges", "/no/such/edges.csv"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = run(&["centrality", "--edges", &edges, "--region", "daraa"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn sampled_betweenness_is_seeded_and_checked() {
    let args = |extra: &[&str]| {
        let mut a = vec!["centrality", "--measure", "betweenness", "--format", "json"];
        a.extend_from_slice(extra);
        json(&a)
    };
    let a = args(&["--sample", "40", "--seed", "7"]);
    assert_eq!(a, args(&["--sample", "40", "--seed", "7"]));
    assert_ne!(a, args(&["--sample", "40", "--seed", "8"]));
    // All sources: exact.
    assert_eq!(args(&["--sample", "100000"]), args(&[]));
    let exact = args(&[]);
    let rk = args(&["--epsilon", "0.02", "--seed", "3"]);
    let worst = scores(&exact, "betweenness")
        .iter()
        .map(|(actor, e)| (e - score_of(&rk, "betweenness", actor)).abs())
        .fold(0.0, f64::max);
    // The guarantee (probability 0.9) is 0.02 · n/(n − 2) on this scale.
    assert!(worst < 0.021, "error {worst}");
    for bad in [
        vec!["centrality", "--measure", "degree", "--sample", "5"],
        vec!["centrality", "--measure", "betweenness", "--epsilon", "1.5"],
        vec!["centrality", "--measure", "betweenness", "--sample", "0"],
        vec![
            "centrality",
            "--two-mode",
            "--measure",
            "betweenness",
            "--sample",
            "5",
        ],
    ] {
        let (code, _, err) = run(&bad);
        assert_eq!(code, 2, "{bad:?}: {err}");
    }
}

#[test]
fn harmonic_closeness_by_hand() {
    // gov reaches the 4 others in one step: 4; med reaches fac-a, gov in 1 and fac-b, guar in 2.
    let v = json(&[
        "centrality",
        "--data",
        &valid(),
        "--measure",
        "harmonic",
        "--format",
        "json",
    ]);
    assert_eq!(score_of(&v, "harmonic", "gov"), 4.0);
    assert_eq!(score_of(&v, "harmonic", "med"), 3.0);
}

#[test]
fn weighted_closeness_is_the_same_on_every_run() {
    let first = run(&[
        "centrality",
        "--measure",
        "closeness",
        "--weighted",
        "--format",
        "json",
    ])
    .1;
    for _ in 0..3 {
        let again = run(&[
            "centrality",
            "--measure",
            "closeness",
            "--weighted",
            "--format",
            "json",
        ])
        .1;
        assert_eq!(first, again);
    }
}
