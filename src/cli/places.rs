//! `musalaha places` and `musalaha periods`: what --region and --period accept.

use super::args::FormatArg;
use crate::model::{Dataset, PlaceKind};
use crate::output::Output;
use crate::query::places::{periods, PlacesQuery};

/// Arguments of `musalaha places`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha places --kind governorate\n  musalaha places --under eastern-ghouta"
)]
pub struct Args {
    /// Only places of this kind.
    #[arg(long)]
    pub kind: Option<PlaceKind>,
    /// Only this place and the places below it (id or name).
    #[arg(long, value_name = "PLACE")]
    pub under: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs `places`.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = PlacesQuery {
        kind: args.kind,
        under: args.under.clone(),
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}

/// Arguments of `musalaha periods`.
#[derive(Debug, clap::Args)]
pub struct PeriodArgs {
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs `periods`.
pub fn run_periods(args: &PeriodArgs, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    Ok(out.rows(args.format.format, periods(ds))?)
}
