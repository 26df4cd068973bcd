//! The place hierarchy (what `--region` accepts) and the named periods
//! (what `--period` accepts).

use crate::error::Result;
use crate::model::{Dataset, Day, PlaceKind};
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use serde::Serialize;

/// Which places to list.
#[derive(Debug, Clone, Default)]
pub struct PlacesQuery {
    pub kind: Option<PlaceKind>,
    /// Only this place (id or name) and the places below it.
    pub under: Option<String>,
}

/// One place (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct PlaceRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: PlaceKind,
    pub parent: Option<String>,
    /// Ids from the root down to the place, joined by ` > `.
    pub path: String,
    /// For a group: the places it gathers.
    pub members: Vec<String>,
}

/// CSV record of [`PlaceRow`].
#[derive(Debug, Default, Serialize)]
pub struct PlaceCsv {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: &'static str,
    pub parent: Option<String>,
    pub path: String,
    pub members: String,
}

impl Row for PlaceRow {
    type Csv = PlaceCsv;
    fn csv(&self) -> PlaceCsv {
        PlaceCsv {
            id: self.id.clone(),
            name_en: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            kind: self.kind.as_str(),
            parent: self.parent.clone(),
            path: self.path.clone(),
            members: join(&self.members),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("id", |r: &Self| r.id.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("name_ar", |r: &Self| r.name_ar.clone()),
            Column::new("kind", |r: &Self| r.kind.to_string()),
            Column::new("parent", |r: &Self| r.parent.clone().unwrap_or_default()),
            Column::new("path", |r: &Self| r.path.clone()),
        ]
    }
}

impl PlacesQuery {
    /// The places, sorted by their path from the root.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<PlaceRow>> {
        let mut resolved = Vec::new();
        let under = match &self.under {
            Some(q) => {
                let r = resolve::place(ds, q)?;
                let set = ds.place_and_descendants(&r.id);
                resolved.push(r);
                Some(set)
            }
            None => None,
        };
        let mut rows: Vec<PlaceRow> = ds
            .places
            .values()
            .filter(|p| self.kind.is_none_or(|k| p.kind == k))
            .filter(|p| under.as_ref().is_none_or(|u| u.contains(&p.id)))
            .map(|p| {
                let mut chain: Vec<&str> = ds
                    .place_ancestors(&p.id)
                    .iter()
                    .map(|x| x.id.as_str())
                    .collect();
                chain.reverse();
                PlaceRow {
                    id: p.id.clone(),
                    name_en: p.name_en.clone(),
                    name_ar: p.name_ar.clone(),
                    kind: p.kind,
                    parent: p.parent.clone(),
                    path: chain.join(" > "),
                    members: p.members.clone(),
                }
            })
            .collect();
        rows.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Answer {
            rows,
            resolved,
            notes: Vec::new(),
        })
    }
}

/// One named period (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Default, Serialize)]
pub struct PeriodRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl Row for PeriodRow {
    type Csv = PeriodRow;
    fn csv(&self) -> PeriodRow {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        let day = |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_default();
        vec![
            Column::new("id", |r: &Self| r.id.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("name_ar", |r: &Self| r.name_ar.clone()),
            Column::new("from", move |r: &Self| day(r.from)),
            Column::new("to", move |r: &Self| day(r.to)),
        ]
    }
}

/// The named periods, in dataset order.
pub fn periods(ds: &Dataset) -> Vec<PeriodRow> {
    ds.periods
        .values()
        .map(|p| PeriodRow {
            id: p.id.clone(),
            name_en: p.name_en.clone(),
            name_ar: p.name_ar.clone(),
            from: p.from,
            to: p.to,
        })
        .collect()
}
