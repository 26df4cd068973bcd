//! `musalaha ego ACTOR --radius N`: the actors within N ties of an actor.

use crate::analysis::paths::distances;
use crate::error::{Error, Result};
use crate::filter::{resolve_actor, Slice, SliceArgs};
use crate::graph::{Relation, DEFAULT_RELATIONS};
use crate::model::Dataset;
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha ego`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha ego hmeimim-centre --radius 1\n  musalaha ego egypt --radius 2 --format csv"
)]
pub struct Args {
    /// The actor at the centre (id or English/Arabic name).
    pub actor: String,
    /// How many ties away to go.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub radius: usize,
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Relations to walk along (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One actor of the ego network (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct EgoRow {
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: String,
    pub alignment: String,
    /// Ties between the centre and this actor (0 for the centre).
    pub distance: usize,
    /// Neighbours one step closer to the centre.
    pub via: Vec<String>,
}

impl Listing for EgoRow {
    fn headers() -> Vec<&'static str> {
        vec![
            "actor",
            "name_en",
            "name_ar",
            "kind",
            "alignment",
            "distance",
            "via",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.actor.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.kind.clone(),
            self.alignment.clone(),
            self.distance.to_string(),
            self.via.join("; "),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["distance", "actor", "name_en", "kind", "via"]
    }
    fn table_cells(&self) -> Vec<String> {
        vec![
            self.distance.to_string(),
            self.actor.clone(),
            self.name_en.clone(),
            self.kind.clone(),
            self.via.join("; "),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let centre = resolve_actor(ds, &args.actor)?;
    let slice = Slice::resolve(ds, &args.slice)?;
    let relations = Relation::parse_list(&args.relation)?;
    let graph = slice.actor_graph(ds).simple(&relations);
    let Some(c) = graph.nodes.iter().position(|n| *n == centre) else {
        return Err(Error::BadArgument(format!(
            "{centre} has no ties in this slice and relation set\n  help: widen the slice or use --relation all"
        )));
    };
    let dist = distances(&graph, c);
    let adj = graph.adjacency();
    let mut rows: Vec<EgoRow> = (0..graph.nodes.len())
        .filter_map(|v| dist[v].filter(|d| *d <= args.radius).map(|d| (v, d)))
        .map(|(v, d)| {
            let id = &graph.nodes[v];
            let a = ds.actors.get(id);
            let mut via: Vec<String> = adj[v]
                .iter()
                .filter(|(w, _)| d > 0 && dist[*w] == Some(d - 1))
                .map(|(w, _)| graph.nodes[*w].clone())
                .collect();
            via.sort();
            EgoRow {
                actor: id.clone(),
                name_en: a.map_or_else(|| id.clone(), |a| a.name_en.clone()),
                name_ar: a.map_or_else(String::new, |a| a.name_ar.clone()),
                kind: a.map_or_else(String::new, |a| a.kind.to_string()),
                alignment: a.map_or_else(String::new, |a| a.alignment.to_string()),
                distance: d,
                via,
            }
        })
        .collect();
    rows.sort_by(|a, b| (a.distance, &a.actor).cmp(&(b.distance, &b.actor)));
    Ok(render(&rows, args.format))
}
