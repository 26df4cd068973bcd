//! Node-link JSON, as NetworkX's `node_link_graph` reads it.
//!
//! `{"directed": false, "multigraph": false, "graph": {…}, "nodes": [{"id",
//! …}], "edges": [{"source", "target", …}]}`: the view's simple graph with
//! the attributes of [`super::attrs::Table`] (lists as arrays, missing values as
//! `null`) and each element's `spells` (`[[start, end], …]`). The edge
//! list is under `edges`, which NetworkX 3.6 reads by default and 3.4–3.5
//! with `edges="edges"`; [`LinksKey::Links`] writes `links` instead, for D3
//! and NetworkX before 3.4.

use crate::export::attrs::{Object, Table};
use crate::export::dot::Labels;
use crate::export::view::View;
use crate::export::Exporter;
use std::io::Write;

/// The key the edge list is written under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum LinksKey {
    /// `edges` (NetworkX 3.6 by default, 3.4-3.5 with edges="edges").
    #[default]
    Edges,
    /// `links` (D3, NetworkX before 3.4 by default).
    Links,
}

impl LinksKey {
    pub fn as_str(self) -> &'static str {
        match self {
            LinksKey::Edges => "edges",
            LinksKey::Links => "links",
        }
    }
}

/// Writes views as node-link JSON.
#[derive(Debug, Clone, Default)]
pub struct NodeLinkExporter {
    pub labels: Labels,
    pub links_key: LinksKey,
}

/// The document for a view.
pub fn document(view: &View, labels: Labels, links_key: LinksKey) -> Object {
    let t = Table::of(view, labels);
    let nodes: Vec<Object> = t
        .nodes
        .iter()
        .map(|n| {
            let mut first = Object::default();
            first.push("id", n.id.clone());
            t.node_json(n, first)
        })
        .collect();
    let edges: Vec<Object> = t
        .edges
        .iter()
        .map(|e| {
            let mut first = Object::default();
            first.push("source", t.nodes[e.source].id.clone());
            first.push("target", t.nodes[e.target].id.clone());
            t.edge_json(e, first)
        })
        .collect();
    let mut doc = Object::default();
    doc.push("directed", false);
    doc.push("multigraph", false);
    doc.push("graph", t.graph_json());
    doc.push("nodes", nodes);
    doc.push(links_key.as_str(), edges);
    doc
}

/// Writes a JSON document pretty-printed, with a final line break.
pub(crate) fn write_pretty<T: serde::Serialize>(
    doc: &T,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

impl Exporter for NodeLinkExporter {
    fn name(&self) -> &'static str {
        "node-link JSON"
    }
    fn extension(&self) -> &'static str {
        "json"
    }
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()> {
        write_pretty(&document(view, self.labels, self.links_key), out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::attrs::testing;

    #[test]
    fn node_link_keeps_key_order_and_lists() {
        let (_, view) = testing::view(false);
        let mut out = Vec::new();
        NodeLinkExporter::default().write(&view, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\n  \"directed\": false,\n  \"multigraph\": false,"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["nodes"].as_array().unwrap().len(), view.nodes.len());
        let e = &v["edges"][0];
        assert!(e["agreements"].is_array() && e["spells"].is_array());
        assert!(
            text.contains("\"id\": \"fac-a\",\n      \"label\""),
            "id first"
        );
        let links = document(&view, Labels::En, LinksKey::Links);
        assert!(links.0.iter().any(|(k, _)| k == "links"));
    }
}
