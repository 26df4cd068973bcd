//! `musalaha path A B`: the shortest chains of actors linking two actors.

use crate::analysis::paths::all_shortest_paths;
use crate::error::{Error, Result};
use crate::filter::{resolve_actor, Slice, SliceArgs};
use crate::graph::{Relation, DEFAULT_RELATIONS};
use crate::model::Dataset;
use crate::output::{render, Format, Listing};
use serde::Serialize;

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
    /// Relations to walk along (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// At most this many shortest paths.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub max: usize,
    /// Output format (csv: one row per link).
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One link of a path.
#[derive(Debug, Serialize)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub relations: Vec<Relation>,
    pub agreements: Vec<String>,
}

/// One shortest path (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct PathRow {
    pub path: usize,
    pub length: usize,
    pub actors: Vec<String>,
    pub links: Vec<Link>,
}

impl Listing for PathRow {
    fn headers() -> Vec<&'static str> {
        vec!["path", "length", "actors", "links"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.path.to_string(),
            self.length.to_string(),
            self.actors.join(" > "),
            self.links
                .iter()
                .map(|l| format!("{}-{}: {}", l.from, l.to, l.agreements.join(" ")))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["path", "length", "chain"]
    }
    fn table_cells(&self) -> Vec<String> {
        let mut chain = self.actors.first().cloned().unwrap_or_default();
        for l in &self.links {
            let rels: Vec<&str> = l.relations.iter().map(|r| r.as_str()).collect();
            chain.push_str(&format!(
                " —[{} ×{}]— {}",
                rels.join("+"),
                l.agreements.len(),
                l.to
            ));
        }
        vec![self.path.to_string(), self.length.to_string(), chain]
    }
}

/// A flat CSV row per link.
#[derive(Debug, Serialize)]
pub struct LinkRow {
    pub path: usize,
    pub step: usize,
    pub from: String,
    pub to: String,
    pub relations: String,
    pub agreements: String,
}

impl Listing for LinkRow {
    fn headers() -> Vec<&'static str> {
        vec!["path", "step", "from", "to", "relations", "agreements"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.path.to_string(),
            self.step.to_string(),
            self.from.clone(),
            self.to.clone(),
            self.relations.clone(),
            self.agreements.clone(),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let a = resolve_actor(ds, &args.first)?;
    let b = resolve_actor(ds, &args.second)?;
    let slice = Slice::resolve(ds, &args.slice)?;
    let relations = Relation::parse_list(&args.relation)?;
    let graph = slice.actor_graph(ds).simple(&relations);
    let idx = |id: &str| graph.nodes.iter().position(|n| n == id);
    let (Some(ia), Some(ib)) = (idx(&a), idx(&b)) else {
        let missing = if idx(&a).is_none() { &a } else { &b };
        return Err(Error::BadArgument(format!(
            "{missing} has no ties in this slice and relation set, so no path exists\n  help: widen the slice or use --relation all"
        )));
    };
    let paths = all_shortest_paths(&graph, ia, ib, args.max.max(1));
    if paths.is_empty() {
        return Err(Error::BadArgument(format!(
            "no chain of ties links {a} and {b} in this slice (they are in different components)\n  help: widen the slice or use --relation all"
        )));
    }
    let edge = |x: usize, y: usize| {
        graph
            .edges
            .iter()
            .find(|e| (e.a, e.b) == (x.min(y), x.max(y)))
    };
    let rows: Vec<PathRow> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| PathRow {
            path: i + 1,
            length: p.len() - 1,
            actors: p.iter().map(|&v| graph.nodes[v].clone()).collect(),
            links: p
                .windows(2)
                .map(|w| {
                    let e = edge(w[0], w[1]);
                    Link {
                        from: graph.nodes[w[0]].clone(),
                        to: graph.nodes[w[1]].clone(),
                        relations: e.map(|e| e.relations.clone()).unwrap_or_default(),
                        agreements: e.map(|e| e.agreements.clone()).unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect();
    if args.format == Format::Csv {
        let flat: Vec<LinkRow> = rows
            .iter()
            .flat_map(|r| {
                r.links.iter().enumerate().map(move |(s, l)| LinkRow {
                    path: r.path,
                    step: s + 1,
                    from: l.from.clone(),
                    to: l.to.clone(),
                    relations: l
                        .relations
                        .iter()
                        .map(|x| x.as_str())
                        .collect::<Vec<_>>()
                        .join("+"),
                    agreements: l.agreements.join("; "),
                })
            })
            .collect();
        return Ok(render(&flat, Format::Csv));
    }
    Ok(render(&rows, args.format))
}
