//! `musalaha path A B`: the shortest chains of actors linking two actors.

use super::args::{RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::{Format, Output};
use crate::query::path::PathQuery;

/// Arguments of `musalaha path`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha path jaish-al-islam egypt\n  musalaha path \"فيلق الرحمن\" ministry-of-reconciliation --relation all --format json\n\nEach link lists the relations and agreements that tie its two actors."
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
    pub relation: RelationsArg,
    /// At most this many shortest paths.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = super::args::positive)]
    pub max: usize,
    /// Output format (csv: one row per link).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = PathQuery {
        from: args.first.clone(),
        to: args.second.clone(),
        slice: args.slice.spec(),
        relations: args.relation.get(),
        max: args.max,
    }
    .run(ds)?;
    super::notes(ds, &rows.resolved);
    match args.format {
        Format::Csv => out.rows(Format::Csv, rows.rows.iter().flat_map(|r| r.link_rows()))?,
        f => out.rows(f, rows.rows)?,
    }
    Ok(())
}
