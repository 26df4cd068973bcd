//! Every participation of a slice: who took part in what, in which role —
//! e.g. who was excluded from which ceasefire (`--role excluded`).

use crate::error::Result;
use crate::model::{AgreementKind, Dataset, Role, Side};
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;

/// Which participations to list.
#[derive(Debug, Clone, Default)]
pub struct ParticipationsQuery {
    pub slice: SliceSpec,
    /// Only these roles (empty: all).
    pub roles: Vec<Role>,
    /// Only this actor (id or name).
    pub actor: Option<String>,
}

/// One actor's role in one agreement (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct ParticipationRow {
    pub actor: String,
    pub name_en: String,
    pub agreement: String,
    pub date: String,
    pub kind: AgreementKind,
    pub places: Vec<String>,
    pub role: Role,
    pub side: Option<Side>,
    /// The role is the coders' inference, not stated by the source.
    pub inferred: bool,
    pub locator: Option<String>,
}

/// CSV record of a [`ParticipationRow`].
#[derive(Debug, Default, Serialize)]
pub struct ParticipationCsv {
    pub actor: String,
    pub name_en: String,
    pub agreement: String,
    pub date: String,
    pub kind: &'static str,
    pub places: String,
    pub role: &'static str,
    pub side: Option<&'static str>,
    pub inferred: bool,
    pub locator: Option<String>,
}

impl Row for ParticipationRow {
    type Csv = ParticipationCsv;
    fn csv(&self) -> ParticipationCsv {
        ParticipationCsv {
            actor: self.actor.clone(),
            name_en: self.name_en.clone(),
            agreement: self.agreement.clone(),
            date: self.date.clone(),
            kind: self.kind.as_str(),
            places: join(&self.places),
            role: self.role.as_str(),
            side: self.side.map(|s| s.as_str()),
            inferred: self.inferred,
            locator: self.locator.clone(),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("date", |r: &Self| r.date.clone()),
            Column::new("agreement", |r: &Self| r.agreement.clone()),
            Column::new("actor", |r: &Self| r.actor.clone()),
            Column::new("role", |r: &Self| {
                format!("{}{}", r.role, if r.inferred { "*" } else { "" })
            }),
            Column::new("places", |r: &Self| join(&r.places)),
        ]
    }
}

impl ParticipationsQuery {
    /// The participations, by agreement date, in the data's order within one.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<ParticipationRow>> {
        let mut slice = Slice::resolve(ds, &self.slice)?;
        let actor = match &self.actor {
            Some(q) => {
                let r = resolve::actor(ds, q)?;
                let id = r.id.clone();
                slice.resolved.insert(0, r);
                Some(id)
            }
            None => None,
        };
        let mut rows = Vec::new();
        for a in slice.select(ds) {
            for p in slice.participants(a) {
                if !self.roles.is_empty() && !self.roles.contains(&p.role) {
                    continue;
                }
                if actor.as_ref().is_some_and(|x| *x != p.actor) {
                    continue;
                }
                rows.push(ParticipationRow {
                    actor: p.actor.clone(),
                    name_en: ds.actor_name(&p.actor).to_string(),
                    agreement: a.id.clone(),
                    date: a.date.text.clone(),
                    kind: a.kind,
                    places: a.places.clone(),
                    role: p.role,
                    side: p.side,
                    inferred: p.inferred,
                    locator: p.locator.clone(),
                });
            }
        }
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}
