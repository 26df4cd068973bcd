//! `musalaha agreements`: list the dated events of a slice.

use super::args::{FormatArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::agreements::AgreementsQuery;

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
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = AgreementsQuery {
        slice: args.slice.spec(),
        actor: args.actor.clone(),
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
