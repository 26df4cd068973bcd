//! The dataset's actors, optionally of one kind or alignment.

use crate::model::{ActorKind, Alignment, Dataset};
use crate::output::{join, Column, Row};
use serde::Serialize;
use std::collections::HashMap;

/// Which actors to list.
#[derive(Debug, Clone, Default)]
pub struct ActorsQuery {
    pub kind: Option<ActorKind>,
    pub alignment: Option<Alignment>,
}

/// One actor as listed (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub alignment: Alignment,
    pub parent: Option<String>,
    pub place: Option<String>,
    /// Concluded agreements proper the actor takes part in
    /// ([`crate::model::Agreement::is_concluded_agreement`]).
    pub agreements: usize,
    /// Every record the actor takes part in (meetings, offers, … too).
    pub events: usize,
}

/// CSV record of [`ActorRow`].
#[derive(Debug, Default, Serialize)]
pub struct ActorCsv {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub aliases: String,
    pub kind: &'static str,
    pub alignment: &'static str,
    pub parent: Option<String>,
    pub place: Option<String>,
    pub agreements: usize,
    pub events: usize,
}

impl Row for ActorRow {
    type Csv = ActorCsv;
    fn csv(&self) -> ActorCsv {
        ActorCsv {
            id: self.id.clone(),
            name_en: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            aliases: join(&self.aliases),
            kind: self.kind.as_str(),
            alignment: self.alignment.as_str(),
            parent: self.parent.clone(),
            place: self.place.clone(),
            agreements: self.agreements,
            events: self.events,
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("id", |r: &Self| r.id.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("name_ar", |r: &Self| r.name_ar.clone()),
            Column::new("kind", |r: &Self| r.kind.to_string()),
            Column::new("alignment", |r: &Self| r.alignment.to_string()),
            Column::new("agreements", |r: &Self| r.agreements.to_string()),
            Column::new("events", |r: &Self| r.events.to_string()),
        ]
    }
}

impl ActorsQuery {
    /// The actors, sorted by id.
    pub fn run(&self, ds: &Dataset) -> Vec<ActorRow> {
        // (concluded agreements, events) per actor.
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for g in ds.agreements.values() {
            let mut seen: Vec<&str> = g.participants.iter().map(|p| p.actor.as_str()).collect();
            seen.sort_unstable();
            seen.dedup();
            let proper = usize::from(g.is_concluded_agreement());
            for a in seen {
                let c = counts.entry(a).or_default();
                c.0 += proper;
                c.1 += 1;
            }
        }
        let mut rows: Vec<ActorRow> = ds
            .actors
            .values()
            .filter(|a| self.kind.is_none_or(|k| a.kind == k))
            .filter(|a| self.alignment.is_none_or(|k| a.alignment == k))
            .map(|a| ActorRow {
                id: a.id.clone(),
                name_en: a.name_en.clone(),
                name_ar: a.name_ar.clone(),
                aliases: a.aliases.clone(),
                kind: a.kind,
                alignment: a.alignment,
                parent: a.parent.clone(),
                place: a.place.clone(),
                agreements: counts.get(a.id.as_str()).map_or(0, |c| c.0),
                events: counts.get(a.id.as_str()).map_or(0, |c| c.1),
            })
            .collect();
        rows.sort_by(|a, b| a.id.cmp(&b.id));
        rows
    }
}
