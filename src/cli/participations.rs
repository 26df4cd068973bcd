//! `musalaha participations`: every actor's role in every agreement of a
//! slice, e.g. who was excluded from which ceasefire.

use super::args::{FormatArg, SliceArgs};
use crate::model::{Dataset, Role};
use crate::output::Output;
use crate::query::participations::ParticipationsQuery;

/// Arguments of `musalaha participations`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha participations --role excluded\n  musalaha participations --role guarantor,proposed-guarantor --region daraa\n  musalaha participations --actor egypt --format csv\n\nA `*` after a role marks a role the coders inferred (`inferred` in JSON and CSV)."
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Only these roles (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ROLE")]
    pub role: Vec<Role>,
    /// Only this actor (id or English/Arabic name).
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = ParticipationsQuery {
        slice: args.slice.spec(),
        roles: args.role.clone(),
        actor: args.actor.clone(),
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
