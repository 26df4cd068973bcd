//! `musalaha centrality`: rank actors by measures on the actor graph of a slice.

use super::args::{measures, FormatArg, MeasureArg, NetworkArgs, RelationsArg, SliceArgs};
use crate::analysis::betweenness::Sampling;
use crate::analysis::centrality::Options;
use crate::graph::Weighting;
use crate::model::Dataset;
use crate::output::Output;
use crate::query::centrality::{CentralityQuery, Sliced};
use crate::slice::Over;

/// Arguments of `musalaha centrality`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha centrality --measure betweenness --top 10\n  musalaha centrality --measure degree --period before-hmeimim --relation signing\n  musalaha centrality --measure all --region daraa-governorate --format csv\n  musalaha centrality --measure betweenness --over period --top 3\n  musalaha centrality --measure brokerage --directed\n  musalaha centrality --two-mode --measure degree\n  musalaha centrality --measure betweenness --sample 50 --seed 7\n  musalaha centrality --measure betweenness --epsilon 0.01\n  musalaha centrality --edges edges.csv --nodes nodes.csv --measure pagerank --top 20\n\nExact definitions of the measures are in docs/measures.md. With --two-mode the graph is\nactors × agreements (the one figures draw with --two-mode): degree, strength, betweenness\nand closeness are defined there."
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
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
    #[arg(long, conflicts_with_all = ["directed", "weighted", "edges"])]
    pub two_mode: bool,
    /// Estimate betweenness from K source actors drawn at random (Brandes-Pich source
    /// sampling, scaled by n/K; no error bound) instead of all of them.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..), conflicts_with_all = ["epsilon", "two_mode"])]
    pub sample: Option<u64>,
    /// Estimate betweenness to within E (as a share of the n(n-1) ordered pairs) for every
    /// actor at once, with probability 1 - D (Riondato-Kornaropoulos path sampling).
    #[arg(long, value_name = "E", value_parser = open_unit, conflicts_with = "two_mode")]
    pub epsilon: Option<f64>,
    /// The probability that --epsilon's bound may fail.
    #[arg(long, value_name = "D", default_value_t = 0.1, value_parser = open_unit, requires = "epsilon")]
    pub delta: f64,
    /// Seed of --sample and --epsilon: the same seed gives the same estimate.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub seed: u64,
    /// One row per actor per year or named period (a `slice` column names it).
    #[arg(long, value_enum, conflicts_with = "edges")]
    pub over: Option<Over>,
    /// Show only the N highest-scoring actors (per measure and slice).
    #[arg(long, value_name = "N", value_parser = super::args::positive)]
    pub top: Option<usize>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// A number strictly between 0 and 1.
fn open_unit(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x < 1.0 => Ok(x),
        Ok(_) => Err("must lie strictly between 0 and 1".into()),
        Err(_) => Err(format!("'{s}' is not a number")),
    }
}

/// Runs the command on the network of --edges (and --nodes).
pub fn run_network(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    let Some(net) = args.network.read(args.directed)? else {
        return Ok(());
    };
    let rows = query(args).network_scores(net)?;
    Ok(out.rows(args.format.format, rows)?)
}

fn query(args: &Args) -> CentralityQuery {
    CentralityQuery {
        slice: args.slice.spec(),
        measures: measures(&args.measure),
        relations: args.relation.get(),
        weighting: args.weighting,
        options: Options {
            directed: args.directed,
            weighted: args.weighted,
            sampling: match (args.sample, args.epsilon) {
                (Some(k), _) => Sampling::Sources {
                    k: usize::try_from(k).unwrap_or(usize::MAX),
                    seed: args.seed,
                },
                (None, Some(epsilon)) => Sampling::Epsilon {
                    epsilon,
                    delta: args.delta,
                    seed: args.seed,
                },
                (None, None) => Sampling::Exact,
            },
        },
        two_mode: args.two_mode,
        over: args.over,
        top: args.top,
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let answer = query(args).run(ds)?;
    super::notes(ds, &answer.resolved);
    let format = args.format.format;
    match args.over {
        None => out.rows(format, answer.rows)?,
        Some(_) => out.rows(format, answer.rows.into_iter().map(Sliced))?,
    }
    Ok(())
}
