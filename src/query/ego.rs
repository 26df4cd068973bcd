//! The actors within N ties of an actor.

use crate::analysis::paths::distances;
use crate::error::{Error, Result};
use crate::graph::Relation;
use crate::model::Dataset;
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;

/// An ego network.
#[derive(Debug, Clone)]
pub struct EgoQuery {
    /// The actor at the centre (id or name).
    pub actor: String,
    /// How many ties away to go.
    pub radius: usize,
    pub slice: SliceSpec,
    /// Relations to walk along.
    pub relations: Vec<Relation>,
}

/// One actor of the ego network (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
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

/// CSV record of an [`EgoRow`].
#[derive(Debug, Default, Serialize)]
pub struct EgoCsv {
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: String,
    pub alignment: String,
    pub distance: usize,
    pub via: String,
}

impl Row for EgoRow {
    type Csv = EgoCsv;
    fn csv(&self) -> EgoCsv {
        EgoCsv {
            actor: self.actor.clone(),
            name_en: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            kind: self.kind.clone(),
            alignment: self.alignment.clone(),
            distance: self.distance,
            via: join(&self.via),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("distance", |r: &Self| r.distance.to_string()),
            Column::new("actor", |r: &Self| r.actor.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("kind", |r: &Self| r.kind.clone()),
            Column::new("via", |r: &Self| join(&r.via)),
        ]
    }
}

impl EgoQuery {
    /// The nodes within the radius on a network read from files; the
    /// centre resolves to a node id or label. `kind` and `alignment` are
    /// the node list's kind and group.
    pub fn run_network(&self, net: &crate::network::Network) -> Result<Answer<EgoRow>> {
        let (c, r) = net.nodes.resolve(&self.actor)?;
        let graph = net.simple();
        let dist = distances(&graph, c);
        let adj = graph.adjacency();
        let mut rows: Vec<EgoRow> = (0..graph.nodes.len())
            .filter_map(|v| dist[v].filter(|d| *d <= self.radius).map(|d| (v, d)))
            .map(|(v, d)| {
                let mut via: Vec<String> = adj[v]
                    .iter()
                    .filter(|(w, _)| d > 0 && dist[*w] == Some(d - 1))
                    .map(|(w, _)| graph.nodes[*w].clone())
                    .collect();
                via.sort();
                EgoRow {
                    actor: graph.nodes[v].clone(),
                    name_en: net.names(v).0.to_string(),
                    name_ar: net.names(v).1.to_string(),
                    kind: net.nodes.kind(v).to_string(),
                    alignment: net.nodes.group(v).to_string(),
                    distance: d,
                    via,
                }
            })
            .collect();
        rows.sort_by(|a, b| (a.distance, &a.actor).cmp(&(b.distance, &b.actor)));
        Ok(Answer {
            rows,
            resolved: vec![r],
            notes: Vec::new(),
        })
    }

    /// The actors within the radius, by distance then id.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<EgoRow>> {
        let r = resolve::actor(ds, &self.actor)?;
        let centre = r.id.clone();
        let mut slice = Slice::resolve(ds, &self.slice)?;
        slice.resolved.insert(0, r);
        let graph = slice.actor_graph(ds).simple(&self.relations);
        let Some(c) = graph.nodes.iter().position(|n| *n == centre) else {
            return Err(Error::NotInGraph { actor: centre });
        };
        let dist = distances(&graph, c);
        let adj = graph.adjacency();
        let mut rows: Vec<EgoRow> = (0..graph.nodes.len())
            .filter_map(|v| dist[v].filter(|d| *d <= self.radius).map(|d| (v, d)))
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
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}
