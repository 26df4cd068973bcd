//! `musalaha actors`: list actors.

use crate::error::{Error, Result};
use crate::model::{ActorKind, Alignment, Dataset};
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha actors`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha actors --kind armed-faction\n  musalaha actors --alignment regime-ally --format json"
)]
pub struct Args {
    /// Only actors of this kind (see `musalaha codebook`), e.g. armed-faction, reconciliation-committee.
    #[arg(long)]
    pub kind: Option<String>,
    /// Only actors of this alignment, e.g. regime, opposition, local-mediator.
    #[arg(long)]
    pub alignment: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One actor as listed (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct ActorRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub alignment: Alignment,
    pub parent: Option<String>,
    pub place: Option<String>,
    /// Number of agreements the actor takes part in.
    pub agreements: usize,
}

impl Listing for ActorRow {
    fn headers() -> Vec<&'static str> {
        vec![
            "id",
            "name_en",
            "name_ar",
            "aliases",
            "kind",
            "alignment",
            "parent",
            "place",
            "agreements",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.aliases.join("; "),
            self.kind.to_string(),
            self.alignment.to_string(),
            self.parent.clone().unwrap_or_default(),
            self.place.clone().unwrap_or_default(),
            self.agreements.to_string(),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec![
            "id",
            "name_en",
            "name_ar",
            "kind",
            "alignment",
            "agreements",
        ]
    }
    fn table_cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.kind.to_string(),
            self.alignment.to_string(),
            self.agreements.to_string(),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let kind = args
        .kind
        .as_deref()
        .map(|k| {
            k.parse::<ActorKind>()
                .map_err(|e| Error::BadArgument(format!("--kind: {e}")))
        })
        .transpose()?;
    let alignment = args
        .alignment
        .as_deref()
        .map(|k| {
            k.parse::<Alignment>()
                .map_err(|e| Error::BadArgument(format!("--alignment: {e}")))
        })
        .transpose()?;
    let mut rows: Vec<ActorRow> = ds
        .actors
        .values()
        .filter(|a| kind.is_none_or(|k| a.kind == k))
        .filter(|a| alignment.is_none_or(|k| a.alignment == k))
        .map(|a| ActorRow {
            id: a.id.clone(),
            name_en: a.name_en.clone(),
            name_ar: a.name_ar.clone(),
            aliases: a.aliases.clone(),
            kind: a.kind,
            alignment: a.alignment,
            parent: a.parent.clone(),
            place: a.place.clone(),
            agreements: ds
                .agreements
                .values()
                .filter(|g| g.participants.iter().any(|p| p.actor == a.id))
                .count(),
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(render(&rows, args.format))
}
