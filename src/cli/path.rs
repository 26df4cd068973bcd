//! `musalaha path A B`: the shortest chains of actors linking two actors.

use super::args::{NetworkArgs, RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::{Format, Output};
use crate::query::path::PathQuery;

/// Arguments of `musalaha path`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha path jaish-al-islam egypt\n  musalaha path \"فيلق الرحمن\" ministry-of-reconciliation --relation all --format json\n  musalaha path --edges my-network.csv --nodes my-nodes.csv \"Faction A\" n17\n\nEach link lists the relations and agreements that tie its two actors. With --edges, the two\nnames are node ids or --nodes labels (matched as actor names are: case, marks and Arabic\nletter forms folded) and each link lists the kinds and weight of its ties."
)]
pub struct Args {
    /// First actor (id or English/Arabic name).
    #[arg(value_name = "ACTOR_A")]
    pub first: String,
    /// Second actor.
    #[arg(value_name = "ACTOR_B")]
    pub second: String,
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub relation: RelationsArg,
    /// At most this many shortest paths.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = super::args::positive)]
    pub max: usize,
    /// Output format (csv: one row per link).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Runs the command on the network of --edges (and --nodes).
pub fn run_network(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    let Some(net) = args.network.read_details(false)? else {
        return Ok(());
    };
    let rows = query(args).run_network(&net)?;
    super::node_notes(&rows.resolved);
    write(args, out, rows.rows)
}

fn query(args: &Args) -> PathQuery {
    PathQuery {
        from: args.first.clone(),
        to: args.second.clone(),
        slice: args.slice.spec(),
        relations: args.relation.get(),
        max: args.max,
    }
}

fn write(
    args: &Args,
    out: &mut Output,
    rows: Vec<crate::query::path::PathRow>,
) -> anyhow::Result<()> {
    match args.format {
        Format::Csv => out.rows(Format::Csv, rows.iter().flat_map(|r| r.link_rows()))?,
        f => out.rows(f, rows)?,
    }
    Ok(())
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = query(args).run(ds)?;
    super::notes(ds, &rows.resolved);
    write(args, out, rows.rows)
}
