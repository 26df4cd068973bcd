//! `musalaha stats`: size and shape of the actor graph, per slice.

use super::args::{FormatArg, RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::stats::StatsQuery;
use crate::slice::Over;

/// Arguments of `musalaha stats`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha stats\n  musalaha stats --over year\n  musalaha stats --over period --relation signing --format csv"
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub relation: RelationsArg,
    /// One row per year or named period.
    #[arg(long, value_enum)]
    pub over: Option<Over>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = StatsQuery {
        slice: args.slice.spec(),
        relations: args.relation.get(),
        over: args.over,
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
