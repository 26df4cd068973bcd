//! `musalaha centrality`: rank actors by measures on the actor graph of a slice.

use crate::analysis::centrality::{compute_with, Measure, Options, Series};
use crate::analysis::twomode::Bipartite;
use crate::error::{Error, Result};
use crate::filter::{Over, Slice, SliceArgs};
use crate::graph::{two_mode, Relation, SimpleGraph, Weighting, DEFAULT_RELATIONS};
use crate::model::Dataset;
use crate::output::{render, score, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha centrality`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha centrality --measure betweenness --top 10\n  musalaha centrality --measure degree --period before-hmeimim --relation signing\n  musalaha centrality --measure all --region daraa-governorate --format csv\n  musalaha centrality --measure betweenness --over period --top 3\n  musalaha centrality --measure brokerage --directed\n  musalaha centrality --two-mode --measure degree\n\nMeasures (exact definitions in docs/measures.md): degree, strength, betweenness, closeness,\neigenvector, pagerank, brokerage (Gould-Fernandez roles by alignment), effective-size,\nconstraint; or all. Relations: signing, co-signing, negotiating, guaranteeing, mediating, all."
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Measure(s), comma-separated, or all.
    #[arg(long, default_value = "degree")]
    pub measure: String,
    /// Relations that make the graph (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// Edge weights: agreement count, Newman's collaboration weighting, or none.
    #[arg(long, value_enum, default_value_t)]
    pub weighting: Weighting,
    /// Shortest paths (betweenness, closeness) treat a tie of weight w as 1/w long.
    #[arg(long)]
    pub weighted: bool,
    /// Use directed arcs: guarantor/mediator → party, symmetric ties both ways.
    #[arg(long)]
    pub directed: bool,
    /// Measure the two-mode graph (actors × agreements) with bipartite degree, betweenness or closeness.
    #[arg(long, conflicts_with_all = ["directed", "weighted"])]
    pub two_mode: bool,
    /// One row per actor per year or named period (a `slice` column names it).
    #[arg(long, value_enum)]
    pub over: Option<Over>,
    /// Show only the N highest-scoring actors (per measure and slice).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One actor's score (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    /// The slice's label with `--over`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slice: Option<String>,
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    /// Actor kind, or `agreement` for agreement nodes of the two-mode graph.
    pub kind: String,
    pub measure: String,
    pub score: f64,
}

/// Rows without a slice column.
struct Plain<'a>(&'a ScoreRow);
/// Rows with a slice column.
struct Sliced<'a>(&'a ScoreRow);

impl Serialize for Plain<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}
impl Serialize for Sliced<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

fn cells(r: &ScoreRow) -> Vec<String> {
    vec![
        r.actor.clone(),
        r.name_en.clone(),
        r.name_ar.clone(),
        r.kind.clone(),
        r.measure.clone(),
        if r.score.is_nan() {
            String::new()
        } else {
            score(r.score)
        },
    ]
}

/// The terminal table leaves out `kind` to stay narrow.
fn table_cells(r: &ScoreRow) -> Vec<String> {
    let mut c = cells(r);
    c.remove(3);
    c
}

impl Listing for Plain<'_> {
    fn headers() -> Vec<&'static str> {
        vec!["actor", "name_en", "name_ar", "kind", "measure", "score"]
    }
    fn cells(&self) -> Vec<String> {
        cells(self.0)
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["actor", "name_en", "name_ar", "measure", "score"]
    }
    fn table_cells(&self) -> Vec<String> {
        table_cells(self.0)
    }
}

impl Listing for Sliced<'_> {
    fn headers() -> Vec<&'static str> {
        vec![
            "slice", "actor", "name_en", "name_ar", "kind", "measure", "score",
        ]
    }
    fn cells(&self) -> Vec<String> {
        let mut c = vec![self.0.slice.clone().unwrap_or_default()];
        c.extend(cells(self.0));
        c
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["slice", "actor", "name_en", "name_ar", "measure", "score"]
    }
    fn table_cells(&self) -> Vec<String> {
        let mut c = vec![self.0.slice.clone().unwrap_or_default()];
        c.extend(table_cells(self.0));
        c
    }
}

/// What to compute, resolved from the arguments.
pub struct Request {
    pub relations: Vec<Relation>,
    pub measures: Vec<Measure>,
    pub weighting: Weighting,
    pub options: Options,
    pub two_mode: bool,
    pub top: Option<usize>,
}

fn rows_for(
    ds: &Dataset,
    labels: &[String],
    kinds: &[String],
    series: Vec<Series>,
    top: Option<usize>,
    slice: Option<&str>,
) -> Vec<ScoreRow> {
    let mut out = Vec::new();
    for s in series {
        let mut rows: Vec<ScoreRow> = labels
            .iter()
            .zip(kinds)
            .zip(s.values)
            .map(|((id, kind), v)| {
                let a = ds.actors.get(id);
                let ag = id
                    .strip_prefix("agreement:")
                    .and_then(|g| ds.agreements.get(g));
                ScoreRow {
                    slice: slice.map(String::from),
                    actor: id.clone(),
                    name_en: a
                        .map(|a| a.name_en.clone())
                        .or_else(|| ag.map(|g| g.title.clone()))
                        .unwrap_or_else(|| id.clone()),
                    name_ar: a
                        .map(|a| a.name_ar.clone())
                        .or_else(|| ag.and_then(|g| g.title_ar.clone()))
                        .unwrap_or_default(),
                    kind: kind.clone(),
                    measure: s.name.clone(),
                    score: v,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            let key = |x: f64| if x.is_nan() { f64::NEG_INFINITY } else { x };
            key(b.score)
                .total_cmp(&key(a.score))
                .then_with(|| a.actor.cmp(&b.actor))
        });
        if let Some(n) = top {
            rows.truncate(n);
        }
        out.extend(rows);
    }
    out
}

/// The simple graph of a slice with alignment groups set.
pub fn slice_graph(
    ds: &Dataset,
    slice: &Slice,
    relations: &[Relation],
    weighting: Weighting,
) -> SimpleGraph {
    let mut g = slice.actor_graph(ds).simple_weighted(relations, weighting);
    g.groups = g
        .nodes
        .iter()
        .map(|n| {
            ds.actors
                .get(n)
                .map_or_else(String::new, |a| a.alignment.to_string())
        })
        .collect();
    g
}

/// Scores of one slice.
pub fn scores(
    ds: &Dataset,
    slice: &Slice,
    req: &Request,
    label: Option<&str>,
) -> Result<Vec<ScoreRow>> {
    if req.two_mode {
        let ags: Vec<_> = slice
            .select(ds)
            .into_iter()
            .filter(|a| a.participants.iter().any(|p| slice.keeps_actor(&p.actor)))
            .collect();
        let mut tm = two_mode(&ags);
        tm.edges.retain(|e| slice.keeps_actor(&e.actor));
        tm.actors.retain(|a| slice.keeps_actor(a));
        let bp = Bipartite::new(&tm);
        let kinds: Vec<String> = bp
            .labels
            .iter()
            .map(|l| match ds.actors.get(l) {
                Some(a) => a.kind.to_string(),
                None => "agreement".to_string(),
            })
            .collect();
        let mut series = Vec::new();
        for m in &req.measures {
            let values = match m {
                Measure::Degree => bp.degree(),
                Measure::Betweenness => bp.betweenness(),
                Measure::Closeness => bp.closeness(),
                other => {
                    return Err(Error::BadArgument(format!(
                        "--two-mode: measure '{}' is not defined for the two-mode graph\n  help: use degree, betweenness or closeness with --two-mode",
                        other.as_str()
                    )))
                }
            };
            series.push(Series {
                name: m.as_str().to_string(),
                values,
            });
        }
        return Ok(rows_for(ds, &bp.labels, &kinds, series, req.top, label));
    }
    let graph = slice_graph(ds, slice, &req.relations, req.weighting);
    let kinds: Vec<String> = graph
        .nodes
        .iter()
        .map(|n| {
            ds.actors
                .get(n)
                .map_or_else(String::new, |a| a.kind.to_string())
        })
        .collect();
    let mut series = Vec::new();
    for m in &req.measures {
        series.extend(compute_with(&graph, *m, req.options)?);
    }
    Ok(rows_for(ds, &graph.nodes, &kinds, series, req.top, label))
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let slice = Slice::resolve(ds, &args.slice)?;
    let req = Request {
        relations: Relation::parse_list(&args.relation)?,
        measures: Measure::parse_list(&args.measure)?,
        weighting: args.weighting,
        options: Options {
            directed: args.directed,
            weighted: args.weighted,
        },
        two_mode: args.two_mode,
        top: args.top,
    };
    match args.over {
        None => {
            let rows = scores(ds, &slice, &req, None)?;
            Ok(render(
                &rows.iter().map(Plain).collect::<Vec<_>>(),
                args.format,
            ))
        }
        Some(over) => {
            let mut rows = Vec::new();
            for (label, s) in slice.over(ds, over) {
                rows.extend(scores(ds, &s, &req, Some(&label))?);
            }
            Ok(render(
                &rows.iter().map(Sliced).collect::<Vec<_>>(),
                args.format,
            ))
        }
    }
}
