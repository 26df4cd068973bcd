//! `musalaha centrality`: rank actors by a measure on the actor graph of a slice.

use crate::analysis::centrality::{compute, Measure};
use crate::error::Result;
use crate::filter::{Slice, SliceArgs};
use crate::graph::{Relation, DEFAULT_RELATIONS};
use crate::model::{ActorKind, Dataset};
use crate::output::{render, score, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha centrality`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha centrality --measure betweenness --top 10\n  musalaha centrality --measure degree --period before-hmeimim --relation signing\n  musalaha centrality --measure all --region daraa-governorate --format csv\n\nMeasures (definitions in docs/measures.md): degree (neighbours/(n-1)), strength (sum of agreement\ncounts), betweenness (normalised, unweighted), closeness (Wasserman-Faust). Relations: signing,\nco-signing, negotiating, guaranteeing, mediating, all."
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Measure(s): degree, strength, betweenness, closeness (comma-separated), or all.
    #[arg(long, default_value = "degree")]
    pub measure: String,
    /// Relations that make the graph (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// Show only the N highest-scoring actors (per measure).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One actor's score (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: Option<ActorKind>,
    pub measure: &'static str,
    pub score: f64,
}

impl Listing for ScoreRow {
    fn headers() -> Vec<&'static str> {
        vec!["actor", "name_en", "name_ar", "kind", "measure", "score"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.actor.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.kind.map(|k| k.to_string()).unwrap_or_default(),
            self.measure.to_string(),
            score(self.score),
        ]
    }
}

/// Scores of the chosen measures, each sorted highest first (ties by id).
pub fn scores(
    ds: &Dataset,
    slice: &Slice,
    relations: &[Relation],
    measures: &[Measure],
    top: Option<usize>,
) -> Vec<ScoreRow> {
    let graph = slice.actor_graph(ds).simple(relations);
    let mut out = Vec::new();
    for m in measures {
        let values = compute(&graph, *m);
        let mut rows: Vec<ScoreRow> = graph
            .nodes
            .iter()
            .zip(values)
            .map(|(id, s)| {
                let a = ds.actors.get(id);
                ScoreRow {
                    actor: id.clone(),
                    name_en: a.map_or_else(|| id.clone(), |a| a.name_en.clone()),
                    name_ar: a.map_or_else(String::new, |a| a.name_ar.clone()),
                    kind: a.map(|a| a.kind),
                    measure: m.as_str(),
                    score: s,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.actor.cmp(&b.actor))
        });
        if let Some(n) = top {
            rows.truncate(n);
        }
        out.extend(rows);
    }
    out
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let slice = Slice::resolve(ds, &args.slice)?;
    let relations = Relation::parse_list(&args.relation)?;
    let measures = Measure::parse_list(&args.measure)?;
    Ok(render(
        &scores(ds, &slice, &relations, &measures, args.top),
        args.format,
    ))
}
