//! Issue 11: the traps a researcher could fall into, each closed and named,
//! on the embedded dataset.

use crate::support::{json, run};

fn count(args: &[&str]) -> usize {
    json(args).as_array().expect("an array").len()
}

#[test]
fn trap_place_names_take_the_widest_level_and_say_so() {
    // "Daraa in 2018": the governorate (about 40 records), not the city (3).
    let (code, out, err) = run(&[
        "agreements",
        "--region",
        "daraa",
        "--from",
        "2018",
        "--to",
        "2018",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let n = serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    assert!(
        n >= 35,
        "only {n} records for the Daraa governorate in 2018"
    );
    assert!(
        err.contains("daraa-governorate") && err.contains("daraa-city"),
        "{err}"
    );
    let arabic = count(&[
        "agreements",
        "--region",
        "درعا",
        "--from",
        "2018",
        "--to",
        "2018",
        "--format",
        "json",
    ]);
    assert_eq!(arabic, n);
    let city = count(&[
        "agreements",
        "--region",
        "daraa-city",
        "--from",
        "2018",
        "--to",
        "2018",
        "--format",
        "json",
    ]);
    assert!(city < n / 4, "the city alone has {city}");
    // An exact id is taken silently.
    let (_, _, err) = run(&["agreements", "--region", "daraa-city", "--format", "csv"]);
    assert!(err.is_empty(), "{err}");
    // Every name that is not an exact id is echoed with the id used.
    let (_, _, err) = run(&["partners", "جيش الإسلام", "--period", "de-escalation"]);
    assert!(
        err.contains("actor 'جيش الإسلام' is taken as jaish-al-islam"),
        "{err}"
    );
    let (code, _, err) = run(&["stats", "--period", "De-escalation period"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("note: period 'De-escalation period' is taken as de-escalation"),
        "{err}"
    );
}

#[test]
fn trap_counts_say_what_they_count() {
    let v = json(&["stats", "--over", "year", "--format", "json"]);
    let year = |y: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["slice"] == y)
            .unwrap()
            .clone()
    };
    // 2013 and 2017: 13 and 43 records by overlap, but 4 and 22 surely in the
    // year, of which 3 and 16 are concluded agreements proper.
    let y13 = year("2013");
    assert_eq!(
        (y13["events"].as_u64(), y13["agreements"].as_u64()),
        (Some(4), Some(3))
    );
    assert_eq!(y13["dates"], "within");
    let y17 = year("2017");
    assert_eq!(
        (y17["events"].as_u64(), y17["agreements"].as_u64()),
        (Some(22), Some(16))
    );
    assert_eq!(y17["uncertain"], 21);
    let v = json(&[
        "stats", "--over", "year", "--dates", "overlap", "--format", "json",
    ]);
    let y = v
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slice"] == "2017")
        .unwrap();
    assert_eq!(
        (y["events"].as_u64(), y["dates"].as_str()),
        (Some(43), Some("overlap"))
    );
    let (_, _, err) = run(&["stats", "--over", "year"]);
    assert!(
        err.contains("note: counted records whose dates fall wholly"),
        "{err}"
    );
}

#[test]
fn trap_a_host_is_a_host_not_a_mediator() {
    let v = json(&["partners", "qatar", "--format", "json"]);
    let links: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["link"].as_str().unwrap())
        .collect();
    assert!(!links.is_empty());
    assert!(links.iter().all(|l| *l == "host-for"), "{links:?}");
}

#[test]
fn trap_no_tie_to_ones_own_parent_body() {
    for (a, b) in [
        ("russian-military-police", "russia"),
        ("hmeimim-centre", "russia"),
        ("ministry-of-reconciliation", "syrian-government"),
    ] {
        let v = json(&["explain", a, b, "--format", "json"]);
        assert!(
            v.as_array().unwrap().is_empty(),
            "{a} and {b} are tied: {v}"
        );
    }
    // The military police still guarantees Douma for the factions.
    let v = json(&[
        "explain",
        "russian-military-police",
        "jaish-al-islam",
        "--format",
        "json",
    ]);
    assert_eq!(v[0]["relation"], "guaranteeing");
}

#[test]
fn trap_witnesses_are_listed_in_the_agreements_table() {
    let v = json(&["participations", "--role", "witness", "--format", "json"]);
    let first = &v[0];
    let agreement = first["agreement"].as_str().unwrap();
    let actor = first["actor"].as_str().unwrap();
    let (_, table, _) = run(&["agreements", "--format", "table"]);
    let joined: String = table.split_whitespace().collect();
    assert!(
        joined.contains(&format!("{actor}(witness)")),
        "{actor} (witness of {agreement}) is not in the table"
    );
}

#[test]
fn trap_an_unknown_image_extension_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let jpg = dir.path().join("g.jpg");
    let (code, _, err) = run(&[
        "render",
        "--region",
        "eastern-ghouta",
        "-o",
        jpg.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("extension 'jpg'") && err.contains("--format"),
        "{err}"
    );
    assert!(!jpg.exists());
}

#[test]
fn trap_empty_names_and_zero_counts_are_refused() {
    for args in [
        vec!["agreements", "--region", ",,"],
        vec!["agreements", "--region", ""],
        vec!["partners", ""],
        vec!["centrality", "--top", "0"],
        vec!["path", "russia", "egypt", "--max", "0"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(!err.is_empty(), "{args:?}");
    }
}

#[test]
fn trap_missing_data_folder_is_a_data_problem() {
    let (code, _, err) = run(&["actors", "--data", "/nonexistent/graph-data"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("/nonexistent/graph-data"), "{err}");
}

#[test]
fn trap_arabic_typos_suggest_by_arabic_similarity() {
    let (code, _, err) = run(&["partners", "حميمم"]);
    assert_eq!(code, 2);
    let closest = err.split("closest: ").nth(1).unwrap_or_default();
    assert!(closest.starts_with("hmeimim-centre"), "{err}");
}

#[test]
fn trap_inferred_roles_are_visible_and_can_be_left_out() {
    // Visible: a field in JSON, a mark in tables, a count in the coverage report.
    let all = json(&["participations", "--format", "json"]);
    let inferred: Vec<&serde_json::Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["inferred"] == true)
        .collect();
    assert!(
        inferred.len() > 50,
        "only {} inferred roles",
        inferred.len()
    );
    let cov = json(&["validate", "--coverage", "--format", "json"]);
    let counted = cov
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["section"] == "roles" && r["key"] == "inferred")
        .unwrap()["count"]
        .as_u64()
        .unwrap();
    assert_eq!(counted as usize, inferred.len());
    let one = inferred[0];
    let (_, table, _) = run(&["participations", "--actor", one["actor"].as_str().unwrap()]);
    assert!(
        table.contains(&format!("{}*", one["role"].as_str().unwrap())),
        "{table}"
    );
    // Left out: by every slicing command.
    let without = json(&["participations", "--no-inferred", "--format", "json"]);
    assert_eq!(
        without.as_array().unwrap().len(),
        all.as_array().unwrap().len() - inferred.len()
    );
    let ags = json(&["agreements", "--no-inferred", "--format", "json"]);
    assert!(ags.as_array().unwrap().iter().all(|a| a["participants"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["inferred"] == false)));
    // And they change results a researcher would report.
    let with = json(&["centrality", "--measure", "betweenness", "--format", "json"]);
    let without = json(&[
        "centrality",
        "--measure",
        "betweenness",
        "--no-inferred",
        "--format",
        "json",
    ]);
    let score = |v: &serde_json::Value, id: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|r| r["actor"] == id)
            .unwrap()["score"]
            .as_f64()
            .unwrap()
    };
    assert!(score(&with, "hmeimim-centre") > score(&without, "hmeimim-centre") + 0.1);
    // Edges say which of their agreements rest on inferred roles.
    let edges = json(&["edges", "--format", "json"]);
    assert!(edges
        .as_array()
        .unwrap()
        .iter()
        .any(|e| !e["inferred"].as_array().unwrap().is_empty()));
}
