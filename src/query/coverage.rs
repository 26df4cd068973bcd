//! The dataset's coverage report (`musalaha validate --coverage`): how many
//! records per region, year, kind and status, and every gap a coder should
//! look at — records without participants or signatories, roles and terms
//! without a locator, dates that are inferred spans, unused actors.

use crate::model::{Dataset, PlaceKind, Precision, Role};
use crate::output::{Column, Row};
use serde::Serialize;
use std::collections::BTreeMap;

/// One line of the report.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct CoverageRow {
    /// `region`, `year`, `kind`, `status`, `roles` (stated / inferred), or
    /// a gap: `no-participants`, `no-signatory`, `inferred-role`,
    /// `participant-without-locator`, `term-without-locator`,
    /// `inferred-date`, `other-term`, `unused-actor`.
    pub section: String,
    /// The region/year/kind/status counted, or the record with the gap.
    pub key: String,
    pub count: usize,
    /// For gaps: what is missing (e.g. `hmeimim-centre:signatory`).
    pub detail: String,
}

impl Row for CoverageRow {
    type Csv = CoverageRow;
    fn csv(&self) -> CoverageRow {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("section", |r: &Self| r.section.clone()),
            Column::new("key", |r: &Self| r.key.clone()),
            Column::new("count", |r: &Self| r.count.to_string()),
            Column::new("detail", |r: &Self| r.detail.clone()),
        ]
    }
}

/// The governorate-level region an agreement's place lies in (`national`
/// for country-level and foreign places).
fn region_of(ds: &Dataset, place: &str) -> String {
    for p in ds.place_ancestors(place) {
        if p.kind == PlaceKind::Governorate
            || p.kind == PlaceKind::Zone && p.parent.as_deref() == Some("syria")
        {
            return p.id.clone();
        }
    }
    "national".to_string()
}

/// Builds the report.
pub fn coverage(ds: &Dataset) -> Vec<CoverageRow> {
    let mut out = Vec::new();
    let mut count = |section: &str, map: BTreeMap<String, usize>| {
        for (key, count) in map {
            out.push(CoverageRow {
                section: section.into(),
                key,
                count,
                detail: String::new(),
            });
        }
    };
    let mut regions: BTreeMap<String, usize> = BTreeMap::new();
    let mut years: BTreeMap<String, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
    for a in ds.agreements.values() {
        let mut rs: Vec<String> = a.places.iter().map(|p| region_of(ds, p)).collect();
        rs.sort();
        rs.dedup();
        if rs.len() > 1 {
            rs.retain(|r| r != "national");
        }
        for r in rs {
            *regions.entry(r).or_default() += 1;
        }
        let key = if a.date.start.year == a.date.end.year {
            a.date.start.year.to_string()
        } else {
            format!("{}-{}", a.date.start.year, a.date.end.year)
        };
        *years.entry(key).or_default() += 1;
        *kinds.entry(a.kind.to_string()).or_default() += 1;
        *statuses.entry(a.status.to_string()).or_default() += 1;
    }
    count("region", regions);
    count("year", years);
    count("kind", kinds);
    count("status", statuses);
    let roles = ds.agreements.values().flat_map(|a| a.participants.iter());
    let (all, inferred) = roles.fold((0, 0), |(n, i), p| (n + 1, i + usize::from(p.inferred)));
    out.push(CoverageRow {
        section: "roles".into(),
        key: "stated".into(),
        count: all - inferred,
        detail: String::new(),
    });
    out.push(CoverageRow {
        section: "roles".into(),
        key: "inferred".into(),
        count: inferred,
        detail: "coded by inference; listed below as inferred-role, left out by --no-inferred"
            .into(),
    });

    let mut gap = |section: &str, key: &str, detail: String| {
        out.push(CoverageRow {
            section: section.into(),
            key: key.into(),
            count: 1,
            detail,
        });
    };
    for a in ds.agreements_by_date() {
        if a.participants.is_empty() {
            gap("no-participants", &a.id, String::new());
        }
        if a.is_concluded_agreement() && !a.participants.iter().any(|p| p.role == Role::Signatory) {
            gap("no-signatory", &a.id, a.kind.to_string());
        }
        for p in a.participants.iter().filter(|p| p.inferred) {
            gap("inferred-role", &a.id, format!("{}:{}", p.actor, p.role));
        }
        for p in a.participants.iter().filter(|p| p.locator.is_none()) {
            gap(
                "participant-without-locator",
                &a.id,
                format!("{}:{}", p.actor, p.role),
            );
        }
        for t in a.terms.iter().filter(|t| t.locator.is_none()) {
            gap("term-without-locator", &a.id, t.code.to_string());
        }
        if a.date.precision == Precision::Range && a.date_note.is_some() {
            gap("inferred-date", &a.id, a.date.text.clone());
        }
        for t in a
            .terms
            .iter()
            .filter(|t| t.code == crate::model::TermCode::Other)
        {
            gap("other-term", &a.id, t.note.clone().unwrap_or_default());
        }
    }
    let used: std::collections::HashSet<&str> = ds
        .agreements
        .values()
        .flat_map(|a| a.participants.iter().map(|p| p.actor.as_str()))
        .collect();
    for actor in ds.actors.values() {
        if !used.contains(actor.id.as_str()) {
            gap("unused-actor", &actor.id, actor.kind.to_string());
        }
    }
    out
}
