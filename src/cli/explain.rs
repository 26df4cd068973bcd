//! `musalaha explain A B`: every agreement and source locator behind the
//! ties between two actors.

use super::args::{FormatArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::explain::ExplainQuery;

/// Arguments of `musalaha explain`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha explain jaish-al-islam hmeimim-centre\n  musalaha explain egypt russia --format json"
)]
pub struct Args {
    /// First actor (id or English/Arabic name).
    #[arg(value_name = "ACTOR_A")]
    pub a: String,
    /// Second actor.
    #[arg(value_name = "ACTOR_B")]
    pub b: String,
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = ExplainQuery {
        a: args.a.clone(),
        b: args.b.clone(),
        slice: args.slice.spec(),
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
