//! The dated events of a slice with their parties, terms and sources.

use crate::error::Result;
use crate::model::{
    Agreement, AgreementKind, Dataset, Day, Precision, Role, Side, SourceRef, Status, TermCode,
};
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;

/// Which agreements to list.
#[derive(Debug, Clone, Default)]
pub struct AgreementsQuery {
    pub slice: SliceSpec,
    /// Only agreements this actor (id or name) took part in.
    pub actor: Option<String>,
}

/// The date of a listed agreement.
#[derive(Debug, Clone, Serialize)]
pub struct DateOut {
    pub start: Day,
    pub end: Day,
    pub precision: Precision,
    pub text: String,
}

/// A place as listed with an agreement.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceOut {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
}

/// A participant as listed with an agreement.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantOut {
    pub actor: String,
    pub name_en: String,
    pub role: Role,
    pub side: Option<Side>,
    pub locator: Option<String>,
}

/// A term as listed with an agreement.
#[derive(Debug, Clone, Serialize)]
pub struct TermOut {
    pub code: TermCode,
    pub count: Option<u64>,
    pub destination: Option<String>,
    pub note: Option<String>,
}

/// One agreement as listed (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct AgreementRow {
    pub id: String,
    pub title: String,
    pub date: DateOut,
    pub kind: AgreementKind,
    pub status: Status,
    pub phase: Option<u32>,
    pub follows: Option<String>,
    pub places: Vec<PlaceOut>,
    pub participants: Vec<ParticipantOut>,
    pub terms: Vec<TermOut>,
    pub sources: Vec<SourceRef>,
}

/// CSV record of [`AgreementRow`]: places are ids; each participant is
/// `actor:role[:side]`; each term `code[=count][>destination]`; each source
/// `document: locator`.
#[derive(Debug, Default, Serialize)]
pub struct AgreementCsv {
    pub id: String,
    pub title: String,
    pub date_start: String,
    pub date_end: String,
    pub date_precision: &'static str,
    pub date_text: String,
    pub kind: &'static str,
    pub status: &'static str,
    pub phase: Option<u32>,
    pub follows: Option<String>,
    pub places: String,
    pub participants: String,
    pub terms: String,
    pub sources: String,
}

impl AgreementRow {
    /// Builds the listed form of an agreement.
    pub fn new(ds: &Dataset, a: &Agreement) -> AgreementRow {
        AgreementRow {
            id: a.id.clone(),
            title: a.title.clone(),
            date: DateOut {
                start: a.date.start,
                end: a.date.end,
                precision: a.date.precision,
                text: a.date.text.clone(),
            },
            kind: a.kind,
            status: a.status,
            phase: a.phase,
            follows: a.follows.clone(),
            places: a
                .places
                .iter()
                .map(|p| {
                    let pl = ds.places.get(p);
                    PlaceOut {
                        id: p.clone(),
                        name_en: pl.map_or_else(|| p.clone(), |x| x.name_en.clone()),
                        name_ar: pl.map_or_else(String::new, |x| x.name_ar.clone()),
                    }
                })
                .collect(),
            participants: a
                .participants
                .iter()
                .map(|p| ParticipantOut {
                    actor: p.actor.clone(),
                    name_en: ds.actor_name(&p.actor).to_string(),
                    role: p.role,
                    side: p.side,
                    locator: p.locator.clone(),
                })
                .collect(),
            terms: a
                .terms
                .iter()
                .map(|t| TermOut {
                    code: t.code,
                    count: t.count,
                    destination: t.destination.clone(),
                    note: t.note.clone(),
                })
                .collect(),
            sources: a.sources.clone(),
        }
    }

    /// Actors in one of the roles, `; `-joined.
    fn parties(&self, roles: &[Role]) -> String {
        let ids: Vec<&str> = roles
            .iter()
            .flat_map(|role| {
                self.participants
                    .iter()
                    .filter(move |p| p.role == *role)
                    .map(|p| p.actor.as_str())
            })
            .collect();
        join(&ids)
    }
}

impl Row for AgreementRow {
    type Csv = AgreementCsv;
    fn csv(&self) -> AgreementCsv {
        AgreementCsv {
            id: self.id.clone(),
            title: self.title.clone(),
            date_start: self.date.start.to_string(),
            date_end: self.date.end.to_string(),
            date_precision: self.date.precision.as_str(),
            date_text: self.date.text.clone(),
            kind: self.kind.as_str(),
            status: self.status.as_str(),
            phase: self.phase,
            follows: self.follows.clone(),
            places: join(
                &self
                    .places
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect::<Vec<_>>(),
            ),
            participants: join(
                &self
                    .participants
                    .iter()
                    .map(|p| match p.side {
                        Some(s) => format!("{}:{}:{}", p.actor, p.role, s),
                        None => format!("{}:{}", p.actor, p.role),
                    })
                    .collect::<Vec<_>>(),
            ),
            terms: join(
                &self
                    .terms
                    .iter()
                    .map(|t| match (t.count, &t.destination) {
                        (Some(c), Some(d)) => format!("{}={}>{}", t.code, c, d),
                        (Some(c), None) => format!("{}={}", t.code, c),
                        (None, Some(d)) => format!("{}>{}", t.code, d),
                        (None, None) => t.code.to_string(),
                    })
                    .collect::<Vec<_>>(),
            ),
            sources: join(
                &self
                    .sources
                    .iter()
                    .map(|s| format!("{}: {}", s.document, s.locator))
                    .collect::<Vec<_>>(),
            ),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("date", |r: &Self| r.date.text.clone()),
            Column::new("id", |r: &Self| r.id.clone()),
            Column::new("kind", |r: &Self| r.kind.to_string()),
            Column::new("status", |r: &Self| r.status.to_string()),
            Column::new("signatories", |r: &Self| r.parties(&[Role::Signatory])),
            Column::new("guarantors/mediators", |r: &Self| {
                r.parties(&[Role::Guarantor, Role::Mediator])
            }),
        ]
    }
}

impl AgreementsQuery {
    /// The agreements of the slice, by date.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<AgreementRow>> {
        let mut slice = Slice::resolve(ds, &self.slice)?;
        if let Some(a) = &self.actor {
            let r = resolve::actor(ds, a)?;
            slice.actor = Some(r.id.clone());
            slice.resolved.push(r);
        }
        let rows = slice
            .select(ds)
            .into_iter()
            .map(|a| AgreementRow::new(ds, a))
            .collect();
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}
