//! The dated events of a slice with their parties, terms and sources.

use crate::error::Result;
use crate::model::{
    Agreement, AgreementKind, Dataset, Day, Participant, Precision, Role, Side, SourceRef, Status,
    TermCode, Unit,
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
    /// The role is the coders' inference, not stated by the source.
    pub inferred: bool,
    pub locator: Option<String>,
    /// The coders' note on the role (why it is inferred, what the source says).
    pub note: Option<String>,
}

impl ParticipantOut {
    /// The actor id with `*` when the role is inferred (tables, CSV cells).
    fn marked(&self) -> String {
        if self.inferred {
            format!("{}*", self.actor)
        } else {
            self.actor.clone()
        }
    }
}

/// A term as listed with an agreement.
#[derive(Debug, Clone, Serialize)]
pub struct TermOut {
    pub code: TermCode,
    pub count: Option<u64>,
    pub unit: Option<Unit>,
    pub destination: Option<String>,
    pub locator: Option<String>,
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
/// `actor:role[:side]`, with `*` at the end when the role is inferred; each
/// term `code[=count[ unit]][>destination]`; each source `document: locator`.
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
    /// Builds the listed form of an agreement with all its participants.
    pub fn new(ds: &Dataset, a: &Agreement) -> AgreementRow {
        Self::with(ds, a, &|_| true)
    }

    /// Builds the listed form of an agreement with the participants `keep`
    /// keeps.
    pub fn with(ds: &Dataset, a: &Agreement, keep: &dyn Fn(&Participant) -> bool) -> AgreementRow {
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
                .filter(|p| keep(p))
                .map(|p| ParticipantOut {
                    actor: p.actor.clone(),
                    name_en: ds.actor_name(&p.actor).to_string(),
                    role: p.role,
                    side: p.side,
                    inferred: p.inferred,
                    locator: p.locator.clone(),
                    note: p.note.clone(),
                })
                .collect(),
            terms: a
                .terms
                .iter()
                .map(|t| TermOut {
                    code: t.code,
                    count: t.count,
                    unit: t.unit,
                    destination: t.destination.clone(),
                    locator: t.locator.clone(),
                    note: t.note.clone(),
                })
                .collect(),
            sources: a.sources.clone(),
        }
    }

    /// The signatories, `; `-joined, `*` marking inferred roles.
    fn signatories(&self) -> String {
        let ids: Vec<String> = self
            .participants
            .iter()
            .filter(|p| p.role == Role::Signatory)
            .map(ParticipantOut::marked)
            .collect();
        join(&ids)
    }

    /// Every other participant as `actor (role)`, `; `-joined: guarantors,
    /// mediators, hosts, witnesses, negotiators, … in the data's order.
    fn others(&self) -> String {
        let ids: Vec<String> = self
            .participants
            .iter()
            .filter(|p| p.role != Role::Signatory)
            .map(|p| format!("{} ({})", p.marked(), p.role))
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
                    .map(|p| {
                        let mark = if p.inferred { "*" } else { "" };
                        match p.side {
                            Some(s) => format!("{}:{}:{}{mark}", p.actor, p.role, s),
                            None => format!("{}:{}{mark}", p.actor, p.role),
                        }
                    })
                    .collect::<Vec<_>>(),
            ),
            terms: join(
                &self
                    .terms
                    .iter()
                    .map(|t| {
                        let count = match (t.count, t.unit) {
                            (Some(c), Some(u)) => format!("={c} {u}"),
                            (Some(c), None) => format!("={c}"),
                            _ => String::new(),
                        };
                        let dest = t
                            .destination
                            .as_ref()
                            .map_or(String::new(), |d| format!(">{d}"));
                        format!("{}{count}{dest}", t.code)
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
            Column::new("signatories", |r: &Self| r.signatories()),
            Column::new("others (role)", |r: &Self| r.others()),
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
            .map(|a| AgreementRow::with(ds, a, &|p| slice.keeps_role(p)))
            .collect();
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}
