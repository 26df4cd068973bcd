//! `musalaha ego ACTOR --radius N`: the actors within N ties of an actor.

use super::args::{FormatArg, NetworkArgs, RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::ego::EgoQuery;

/// Arguments of `musalaha ego`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha ego hmeimim-centre --radius 1\n  musalaha ego egypt --radius 2 --format csv\n  musalaha ego --edges my-network.csv --nodes my-nodes.csv n17 --radius 2\n\nWith --edges, the centre is a node id or --nodes label; kind and alignment are the node list's\nkind and group."
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
    pub network: NetworkArgs,
    #[command(flatten)]
    pub relation: RelationsArg,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command on the network of --edges (and --nodes).
pub fn run_network(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    let Some(net) = args.network.read(false)? else {
        return Ok(());
    };
    let answer = query(args).run_network(&net)?;
    super::node_notes(&answer.resolved);
    Ok(out.rows(args.format.format, answer.rows)?)
}

fn query(args: &Args) -> EgoQuery {
    EgoQuery {
        actor: args.actor.clone(),
        radius: args.radius,
        slice: args.slice.spec(),
        relations: args.relation.get(),
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = query(args).run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
