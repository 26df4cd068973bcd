//! Every event of an actor in date order, with the role it played.

use crate::error::Result;
use crate::model::{AgreementKind, Dataset, Role, Side, Status};
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;

/// An actor's history.
#[derive(Debug, Clone)]
pub struct TimelineQuery {
    /// The actor (id or name).
    pub actor: String,
    pub slice: SliceSpec,
    /// Only events where the actor played one of these roles (empty: all).
    pub roles: Vec<Role>,
}

/// One event of the actor (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub date: String,
    pub start: String,
    pub end: String,
    pub agreement: String,
    pub title: String,
    pub kind: AgreementKind,
    pub status: Status,
    pub role: Role,
    pub side: Option<Side>,
    /// The role is the coders' inference, not stated by the source.
    pub inferred: bool,
    pub places: Vec<String>,
    pub locator: Option<String>,
}

/// CSV record of an [`EventRow`].
#[derive(Debug, Default, Serialize)]
pub struct EventCsv {
    pub date: String,
    pub start: String,
    pub end: String,
    pub agreement: String,
    pub title: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub role: &'static str,
    pub side: Option<&'static str>,
    pub inferred: bool,
    pub places: String,
    pub locator: Option<String>,
}

impl Row for EventRow {
    type Csv = EventCsv;
    fn csv(&self) -> EventCsv {
        EventCsv {
            date: self.date.clone(),
            start: self.start.clone(),
            end: self.end.clone(),
            agreement: self.agreement.clone(),
            title: self.title.clone(),
            kind: self.kind.as_str(),
            status: self.status.as_str(),
            role: self.role.as_str(),
            side: self.side.map(|s| s.as_str()),
            inferred: self.inferred,
            places: join(&self.places),
            locator: self.locator.clone(),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("date", |r: &Self| r.date.clone()),
            Column::new("role", |r: &Self| {
                format!("{}{}", r.role, if r.inferred { "*" } else { "" })
            }),
            Column::new("kind", |r: &Self| r.kind.to_string()),
            Column::new("status", |r: &Self| r.status.to_string()),
            Column::new("agreement", |r: &Self| r.agreement.clone()),
            Column::new("places", |r: &Self| join(&r.places)),
        ]
    }
}

impl TimelineQuery {
    /// One row per role the actor played, in date order.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<EventRow>> {
        let r = resolve::actor(ds, &self.actor)?;
        let actor = r.id.clone();
        let mut slice = Slice::resolve(ds, &self.slice)?;
        slice.resolved.insert(0, r);
        slice.actor = Some(actor.clone());
        slice.actor_roles = self.roles.clone();
        let roles = &self.roles;
        let rows = slice
            .select(ds)
            .into_iter()
            .flat_map(|a| {
                let actor = actor.clone();
                slice
                    .participants(a)
                    .filter(move |p| {
                        p.actor == actor && (roles.is_empty() || roles.contains(&p.role))
                    })
                    .map(move |p| EventRow {
                        date: a.date.text.clone(),
                        start: a.date.start.to_string(),
                        end: a.date.end.to_string(),
                        agreement: a.id.clone(),
                        title: a.title.clone(),
                        kind: a.kind,
                        status: a.status,
                        role: p.role,
                        side: p.side,
                        inferred: p.inferred,
                        places: a.places.clone(),
                        locator: p.locator.clone(),
                    })
            })
            .collect();
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}
