//! `musalaha places` and `musalaha periods`: what --region and --period accept.

use crate::error::{Error, Result};
use crate::filter::resolve_place;
use crate::model::{Dataset, Day, PlaceKind};
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha places`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha places --kind governorate\n  musalaha places --under eastern-ghouta"
)]
pub struct Args {
    /// Only places of this kind (governorate, area, city, town, neighbourhood, village, ...).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only this place and the places below it (id or name).
    #[arg(long, value_name = "PLACE")]
    pub under: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One place (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct PlaceRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: PlaceKind,
    pub parent: Option<String>,
    /// Ids from the root down to the place, joined by ` > `.
    pub path: String,
}

impl Listing for PlaceRow {
    fn headers() -> Vec<&'static str> {
        vec!["id", "name_en", "name_ar", "kind", "parent", "path"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.kind.to_string(),
            self.parent.clone().unwrap_or_default(),
            self.path.clone(),
        ]
    }
}

/// Runs `places`.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let kind = args
        .kind
        .as_deref()
        .map(|k| {
            k.parse::<PlaceKind>()
                .map_err(|e| Error::BadArgument(format!("--kind: {e}")))
        })
        .transpose()?;
    let under = match &args.under {
        Some(q) => Some(ds.place_and_descendants(&resolve_place(ds, q)?)),
        None => None,
    };
    let mut rows: Vec<PlaceRow> = ds
        .places
        .values()
        .filter(|p| kind.is_none_or(|k| p.kind == k))
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
            }
        })
        .collect();
    rows.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(render(&rows, args.format))
}

/// Arguments of `musalaha periods`.
#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One period (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct PeriodRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl Listing for PeriodRow {
    fn headers() -> Vec<&'static str> {
        vec!["id", "name_en", "name_ar", "from", "to"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.from.map(|d| d.to_string()).unwrap_or_default(),
            self.to.map(|d| d.to_string()).unwrap_or_default(),
        ]
    }
}

/// Runs `periods`.
pub fn run_periods(args: &PeriodArgs, ds: &Dataset) -> Result<String> {
    let rows: Vec<PeriodRow> = ds
        .periods
        .values()
        .map(|p| PeriodRow {
            id: p.id.clone(),
            name_en: p.name_en.clone(),
            name_ar: p.name_ar.clone(),
            from: p.from,
            to: p.to,
        })
        .collect();
    Ok(render(&rows, args.format))
}
