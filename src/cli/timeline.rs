//! `musalaha timeline ACTOR`: every event of an actor in date order.

use super::args::{FormatArg, SliceArgs};
use crate::model::{Dataset, Role};
use crate::output::Output;
use crate::query::timeline::TimelineQuery;

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
    pub role: Vec<Role>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = TimelineQuery {
        actor: args.actor.clone(),
        slice: args.slice.spec(),
        roles: args.role.clone(),
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
