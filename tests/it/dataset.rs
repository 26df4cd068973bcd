//! The embedded dataset: it validates, its counts per region hold, and spot
//! checks taken from the sources (dates, roles, numbers, guarantors) hold.
//! Every expected value below was read off the source text, with its locator.

use crate::support::{json, run};
use serde_json::Value;

fn agreement(id: &str) -> Value {
    let all = json(&["agreements", "--format", "json"]);
    all.as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no agreement {id}"))
        .clone()
}

fn has_participant(a: &Value, actor: &str, role: &str) -> bool {
    a["participants"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["actor"] == actor && p["role"] == role)
}

fn term<'a>(a: &'a Value, code: &str) -> Vec<&'a Value> {
    a["terms"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["code"] == code)
        .collect()
}

fn count_in(region: &str) -> usize {
    json(&["agreements", "--region", region, "--format", "json"])
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn counts_per_region() {
    // Lower bounds from the study's own structure: every numbered case of section II has at
    // least as many dated records as it has distinct dated events, counted by hand.
    let want = [
        ("eastern-ghouta", 9), // II.17: 23 Jul & 19 Aug 2017, 7-12 & 14 & 21 & 24 Mar, 1 Apr 2018, …
        ("eastern-qalamoun", 8), // II.1
        ("moadamiyeh", 3),     // II.2: two phases and the 2015 siege
        ("barzeh", 2),         // II.4: two phases
        ("qaboun", 3),         // II.8
        ("al-waer", 3),        // II.13
        ("daraa-governorate", 30), // II.19: town by town in 2018
        ("quneitra-governorate", 2), // II.20: 20 and 30 July 2018
    ];
    for (region, min) in want {
        let n = count_in(region);
        assert!(n >= min, "{region}: {n} records, expected at least {min}");
    }
    // Regions are nested: everything in Eastern Ghouta is in Rif Dimashq.
    assert!(count_in("rif-dimashq") > count_in("eastern-ghouta") + count_in("eastern-qalamoun"));
}

#[test]
fn coverage_report_lists_counts_and_gaps() {
    let v = json(&["validate", "--coverage", "--format", "json"]);
    let rows = v.as_array().unwrap();
    let count = |section: &str, key: &str| {
        rows.iter()
            .find(|r| r["section"] == section && r["key"] == key)
            .map(|r| r["count"].as_u64().unwrap())
    };
    assert!(count("region", "daraa-governorate").unwrap() >= 30);
    assert!(count("year", "2018").unwrap() >= 40);
    assert!(count("kind", "final-settlement").unwrap() >= 20);
    // The Four Towns' first exchange names no actor: the report must say so.
    assert!(rows
        .iter()
        .any(|r| r["section"] == "no-participants" && r["key"] == "ft-2015-12-first-exchange"));
    // Every record has a locator on each participant in this dataset.
    assert!(!rows
        .iter()
        .any(|r| r["section"] == "participant-without-locator"));
}

#[test]
fn spot_checks_from_the_sources() {
    // II.17 line 306-307: Jaish al-Islam's fighters leave for Jarabulus with light weapons, 1 Apr 2018.
    let douma = agreement("eg-2018-04-01-douma");
    assert_eq!(douma["date"]["start"], "2018-04-01");
    assert!(has_participant(&douma, "jaish-al-islam", "signatory"));
    assert!(has_participant(&douma, "hmeimim-centre", "signatory"));
    assert!(has_participant(
        &douma,
        "russian-military-police",
        "guarantor"
    ));
    assert_eq!(term(&douma, "evacuation")[0]["destination"], "jarabulus");
    // II.17 line 314: Cairo memorandum 23 Jul 2017 with Egyptian mediation; Geneva 19 Aug 2017.
    let cairo = agreement("eg-2017-07-23-cairo-de-escalation");
    assert!(has_participant(&cairo, "egypt", "mediator"));
    assert_eq!(
        agreement("eg-2017-08-19-geneva-de-escalation")["date"]["start"],
        "2017-08-19"
    );
    // II.12 line 237: the first Four Towns exchange moved 336 people from al-Fu'a and Kafraya
    // and 123 wounded fighters from al-Zabadani.
    let ft = agreement("ft-2015-12-first-exchange");
    let counts: Vec<u64> = term(&ft, "evacuation")
        .iter()
        .filter_map(|t| t["count"].as_u64())
        .collect();
    assert!(counts.contains(&336) && counts.contains(&123), "{counts:?}");
    // II.16 line 286: 13 Dec 2016 Russia-Turkey-Iran agreement on East Aleppo.
    let aleppo = json(&[
        "agreements",
        "--region",
        "aleppo-governorate",
        "--from",
        "2016-12-13",
        "--to",
        "2016-12-13",
        "--strict-dates",
        "--format",
        "json",
    ]);
    let east = aleppo
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["date"]["start"] == "2016-12-13")
        .expect("13 Dec 2016 agreement");
    for s in ["russia", "turkey", "iran"] {
        assert!(
            east["participants"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["actor"] == s),
            "{s} missing"
        );
    }
    // I (intro) line 23: the Hmeimim centre was founded on 23 Feb 2016.
    let founding = agreement("nat-2016-02-23-hmeimim-centre-founding");
    assert_eq!(founding["date"]["start"], "2016-02-23");
    assert_eq!(founding["date"]["precision"], "day");
    assert!(has_participant(&founding, "hmeimim-centre", "target"));
    // I (intro) line 34: all reconciliation committees dissolved on 8 Mar 2017.
    let dissolution = json(&[
        "agreements",
        "--agreement-kind",
        "committee-dissolution",
        "--format",
        "json",
    ]);
    assert_eq!(dissolution[0]["date"]["start"], "2017-03-08");
    // Analysis III line 412: the Sochi agreement of 17 Sep 2018 between Russia and Turkey.
    let sochi = json(&[
        "agreements",
        "--from",
        "2018-09-17",
        "--to",
        "2018-09-17",
        "--strict-dates",
        "--format",
        "json",
    ]);
    let sochi = &sochi.as_array().unwrap()[0];
    assert!(sochi["participants"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["actor"] == "turkey"));
    // II.10: the al-Tall final agreement's month is written "كانون الثاني/ ديسمبر": December chosen.
    let tall = agreement("tall-2016-12-01-final-settlement");
    assert_eq!(tall["date"]["start"], "2016-12-01");
    let (code, out, _) = run(&["agreements", "--region", "al-tall", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(out.contains("tall-2016-12-01-final-settlement"));
}

#[test]
fn the_ministry_gives_way_to_hmeimim() {
    // The centre cannot appear before its founding on 23 Feb 2016; in the Hmeimim period its
    // betweenness exceeds the ministry's.
    let before = json(&[
        "centrality",
        "--period",
        "before-hmeimim",
        "--measure",
        "degree",
        "--format",
        "json",
    ]);
    assert!(!before
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["actor"] == "hmeimim-centre"));
    assert!(before
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["actor"] == "ministry-of-reconciliation"));
    let after = json(&[
        "centrality",
        "--period",
        "hmeimim",
        "--measure",
        "betweenness",
        "--format",
        "json",
    ]);
    let score = |id: &str| {
        after
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["actor"] == id)
            .map_or(0.0, |r| r["score"].as_f64().unwrap())
    };
    assert!(score("hmeimim-centre") > score("ministry-of-reconciliation"));
}
