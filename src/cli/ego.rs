//! `musalaha ego ACTOR --radius N`: the actors within N ties of an actor.

use super::args::{FormatArg, RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::ego::EgoQuery;

/// Arguments of `musalaha ego`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha ego hmeimim-centre --radius 1\n  musalaha ego egypt --radius 2 --format csv"
)]
pub struct Args {
    /// The actor at the centre (id or English/Arabic name).
    pub actor: String,
    /// How many ties away to go.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub radius: usize,
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub relation: RelationsArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = EgoQuery {
        actor: args.actor.clone(),
        radius: args.radius,
        slice: args.slice.spec(),
        relations: args.relation.get(),
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
