//! Counts of a dataset's records by type and kind (`musalaha validate`).

use crate::model::Dataset;
use crate::output::{Column, Row};
use serde::Serialize;
use std::collections::BTreeMap;

/// One count (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Default, Serialize)]
pub struct CountRow {
    pub record: &'static str,
    pub kind: String,
    pub count: usize,
}

impl Row for CountRow {
    type Csv = CountRow;
    fn csv(&self) -> CountRow {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("record", |r: &Self| r.record.to_string()),
            Column::new("kind", |r: &Self| r.kind.clone()),
            Column::new("count", |r: &Self| r.count.to_string()),
        ]
    }
}

/// Counts by record type and kind; a `total` row first for each type.
pub fn counts(ds: &Dataset) -> Vec<CountRow> {
    fn group(record: &'static str, kinds: impl Iterator<Item = String>, out: &mut Vec<CountRow>) {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for k in kinds {
            *m.entry(k).or_default() += 1;
        }
        out.push(CountRow {
            record,
            kind: "total".into(),
            count: m.values().sum(),
        });
        for (k, c) in m {
            out.push(CountRow {
                record,
                kind: k,
                count: c,
            });
        }
    }
    let mut out = Vec::new();
    group(
        "actor",
        ds.actors.values().map(|a| a.kind.to_string()),
        &mut out,
    );
    group(
        "place",
        ds.places.values().map(|a| a.kind.to_string()),
        &mut out,
    );
    group(
        "agreement",
        ds.agreements.values().map(|a| a.kind.to_string()),
        &mut out,
    );
    group(
        "participant",
        ds.agreements
            .values()
            .flat_map(|a| a.participants.iter().map(|p| p.role.to_string())),
        &mut out,
    );
    group(
        "source",
        ds.documents.values().map(|d| d.kind.clone()),
        &mut out,
    );
    group(
        "period",
        ds.periods.values().map(|_| "period".to_string()),
        &mut out,
    );
    out
}
