//! `musalaha actors`: list actors.

use super::args::FormatArg;
use crate::model::{ActorKind, Alignment, Dataset};
use crate::output::Output;
use crate::query::actors::ActorsQuery;

/// Arguments of `musalaha actors`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha actors --kind armed-faction\n  musalaha actors --alignment regime-ally --format json"
)]
pub struct Args {
    /// Only actors of this kind (see `musalaha codebook`).
    #[arg(long)]
    pub kind: Option<ActorKind>,
    /// Only actors of this alignment.
    #[arg(long)]
    pub alignment: Option<Alignment>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = ActorsQuery {
        kind: args.kind,
        alignment: args.alignment,
    }
    .run(ds);
    Ok(out.rows(args.format.format, rows)?)
}
