//! `musalaha agreements`: list the dated events of a slice.

use crate::error::Result;
use crate::filter::{resolve_actor, Slice, SliceArgs};
use crate::model::{
    Agreement, AgreementKind, Dataset, Day, Precision, Role, Side, SourceRef, Status, TermCode,
};
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha agreements`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha agreements --region eastern-ghouta\n  musalaha agreements --period hmeimim --actor \"Jaish al-Islam\" --format json\n  musalaha agreements --from 2018-03 --to 2018-04 --agreement-kind final-settlement"
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Only agreements this actor took part in (id or English/Arabic name).
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// The date of a listed agreement.
#[derive(Debug, Serialize)]
pub struct DateOut {
    pub start: Day,
    pub end: Day,
    pub precision: Precision,
    pub text: String,
}

/// A place as listed with an agreement.
#[derive(Debug, Serialize)]
pub struct PlaceOut {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
}

/// A participant as listed with an agreement.
#[derive(Debug, Serialize)]
pub struct ParticipantOut {
    pub actor: String,
    pub name_en: String,
    pub role: Role,
    pub side: Option<Side>,
    pub locator: Option<String>,
}

/// A term as listed with an agreement.
#[derive(Debug, Serialize)]
pub struct TermOut {
    pub code: TermCode,
    pub count: Option<u64>,
    pub destination: Option<String>,
    pub note: Option<String>,
}

/// One agreement as listed (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
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

    fn parties(&self, role: Role) -> String {
        self.participants
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.actor.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl Listing for AgreementRow {
    fn headers() -> Vec<&'static str> {
        vec![
            "id",
            "title",
            "date_start",
            "date_end",
            "date_precision",
            "date_text",
            "kind",
            "status",
            "phase",
            "follows",
            "places",
            "participants",
            "terms",
            "sources",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.title.clone(),
            self.date.start.to_string(),
            self.date.end.to_string(),
            self.date.precision.as_str().to_string(),
            self.date.text.clone(),
            self.kind.to_string(),
            self.status.to_string(),
            self.phase.map(|p| p.to_string()).unwrap_or_default(),
            self.follows.clone().unwrap_or_default(),
            self.places
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            self.participants
                .iter()
                .map(|p| match p.side {
                    Some(s) => format!("{}:{}:{}", p.actor, p.role, s),
                    None => format!("{}:{}", p.actor, p.role),
                })
                .collect::<Vec<_>>()
                .join("; "),
            self.terms
                .iter()
                .map(|t| match (t.count, &t.destination) {
                    (Some(c), Some(d)) => format!("{}={}>{}", t.code, c, d),
                    (Some(c), None) => format!("{}={}", t.code, c),
                    (None, Some(d)) => format!("{}>{}", t.code, d),
                    (None, None) => t.code.to_string(),
                })
                .collect::<Vec<_>>()
                .join("; "),
            self.sources
                .iter()
                .map(|s| format!("{}: {}", s.document, s.locator))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec![
            "date",
            "id",
            "kind",
            "status",
            "signatories",
            "guarantors/mediators",
        ]
    }
    fn table_cells(&self) -> Vec<String> {
        let mut third = self.parties(Role::Guarantor);
        let med = self.parties(Role::Mediator);
        if !med.is_empty() {
            if !third.is_empty() {
                third.push_str("; ");
            }
            third.push_str(&med);
        }
        vec![
            self.date.text.clone(),
            self.id.clone(),
            self.kind.to_string(),
            self.status.to_string(),
            self.parties(Role::Signatory),
            third,
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let mut slice = Slice::resolve(ds, &args.slice)?;
    if let Some(a) = &args.actor {
        slice.actor = Some(resolve_actor(ds, a)?);
    }
    let rows: Vec<AgreementRow> = slice
        .select(ds)
        .into_iter()
        .map(|a| AgreementRow::new(ds, a))
        .collect();
    Ok(render(&rows, args.format))
}
