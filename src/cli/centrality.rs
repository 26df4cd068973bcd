//! `musalaha centrality`: rank actors by measures on the actor graph of a slice.

use super::args::{measures, FormatArg, MeasureArg, RelationsArg, SliceArgs};
use crate::analysis::centrality::Options;
use crate::graph::Weighting;
use crate::model::Dataset;
use crate::output::Output;
use crate::query::centrality::{CentralityQuery, Sliced};
use crate::slice::Over;

/// Arguments of `musalaha centrality`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha centrality --measure betweenness --top 10\n  musalaha centrality --measure degree --period before-hmeimim --relation signing\n  musalaha centrality --measure all --region daraa-governorate --format csv\n  musalaha centrality --measure betweenness --over period --top 3\n  musalaha centrality --measure brokerage --directed\n  musalaha centrality --two-mode --measure degree\n\nExact definitions of the measures are in docs/measures.md. With --two-mode the graph is\nactors × agreements (the one figures draw with --two-mode): degree, strength, betweenness\nand closeness are defined there."
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Measure(s), comma-separated, or all.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "degree",
        value_name = "MEASURE"
    )]
    pub measure: Vec<MeasureArg>,
    #[command(flatten)]
    pub relation: RelationsArg,
    /// Edge weights: agreement count, Newman's collaboration weighting, or none.
    #[arg(long, value_enum, default_value_t)]
    pub weighting: Weighting,
    /// Shortest paths (betweenness, closeness) treat a tie of weight w as 1/w long.
    #[arg(long)]
    pub weighted: bool,
    /// Use directed arcs: guarantor/mediator → party, symmetric ties both ways.
    #[arg(long)]
    pub directed: bool,
    /// Measure the two-mode graph (actors × agreements) with bipartite degree, strength,
    /// betweenness or closeness.
    #[arg(long, conflicts_with_all = ["directed", "weighted"])]
    pub two_mode: bool,
    /// One row per actor per year or named period (a `slice` column names it).
    #[arg(long, value_enum)]
    pub over: Option<Over>,
    /// Show only the N highest-scoring actors (per measure and slice).
    #[arg(long, value_name = "N", value_parser = super::args::positive)]
    pub top: Option<usize>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let query = CentralityQuery {
        slice: args.slice.spec(),
        measures: measures(&args.measure),
        relations: args.relation.get(),
        weighting: args.weighting,
        options: Options {
            directed: args.directed,
            weighted: args.weighted,
        },
        two_mode: args.two_mode,
        over: args.over,
        top: args.top,
    };
    let answer = query.run(ds)?;
    super::notes(ds, &answer.resolved);
    let format = args.format.format;
    match args.over {
        None => out.rows(format, answer.rows)?,
        Some(_) => out.rows(format, answer.rows.into_iter().map(Sliced))?,
    }
    Ok(())
}
