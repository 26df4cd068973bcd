//! `musalaha edges`: the actor-graph edges of a slice, with the agreements
//! behind each (for spreadsheets and the NetworkX reference script).

use super::args::{FormatArg, RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::edges::EdgesQuery;

/// Arguments of `musalaha edges`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha edges --relation signing --format csv > signing.csv\n  musalaha edges --simple --relation all --format json"
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub relation: RelationsArg,
    /// One row per actor pair (the weighted simple graph measures run on).
    #[arg(long)]
    pub simple: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = EdgesQuery {
        slice: args.slice.spec(),
        relations: args.relation.get(),
        simple: args.simple,
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
