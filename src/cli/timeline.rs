//! `musalaha timeline ACTOR`: every event of an actor in date order.

use crate::error::Result;
use crate::filter::{parse_roles, resolve_actor, Slice, SliceArgs};
use crate::model::{AgreementKind, Dataset, Role, Side, Status};
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha timeline`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha timeline hmeimim-centre\n  musalaha timeline \"علي حيدر\"\n  musalaha timeline egypt --format json"
)]
pub struct Args {
    /// The actor (id or English/Arabic name).
    pub actor: String,
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Only events where the actor played one of these roles (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ROLE")]
    pub role: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One event of the actor (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
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
    pub places: Vec<String>,
    pub locator: Option<String>,
}

impl Listing for EventRow {
    fn headers() -> Vec<&'static str> {
        vec![
            "date",
            "start",
            "end",
            "agreement",
            "title",
            "kind",
            "status",
            "role",
            "side",
            "places",
            "locator",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.date.clone(),
            self.start.clone(),
            self.end.clone(),
            self.agreement.clone(),
            self.title.clone(),
            self.kind.to_string(),
            self.status.to_string(),
            self.role.to_string(),
            self.side.map(|s| s.to_string()).unwrap_or_default(),
            self.places.join("; "),
            self.locator.clone().unwrap_or_default(),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["date", "role", "kind", "status", "agreement", "places"]
    }
    fn table_cells(&self) -> Vec<String> {
        vec![
            self.date.clone(),
            self.role.to_string(),
            self.kind.to_string(),
            self.status.to_string(),
            self.agreement.clone(),
            self.places.join("; "),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let actor = resolve_actor(ds, &args.actor)?;
    let mut slice = Slice::resolve(ds, &args.slice)?;
    slice.actor = Some(actor.clone());
    slice.actor_roles = parse_roles(&args.role)?;
    let rows: Vec<EventRow> = slice
        .select(ds)
        .into_iter()
        .flat_map(|a| {
            let actor = actor.clone();
            let roles = slice.actor_roles.clone();
            a.participants
                .iter()
                .filter(move |p| p.actor == actor && (roles.is_empty() || roles.contains(&p.role)))
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
                    places: a.places.clone(),
                    locator: p.locator.clone(),
                })
        })
        .collect();
    Ok(render(&rows, args.format))
}
