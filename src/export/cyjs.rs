//! Cytoscape.js JSON (`.cyjs`): what Cytoscape.js takes as `elements` and
//! Cytoscape (desktop) opens with File → Import → Network from File.
//!
//! `{"format_version": "1.0", "generated_by", "target_cytoscapejs_version",
//! "directed", "multigraph", "data": {…}, "elements": {"nodes": [{"data": {"id", "name", …}}],
//! "edges": [{"data": {"id", "source", "target", …}}]}}`: the view's simple
//! graph with the attributes of [`super::attrs::Table`] in each element's `data`
//! (`name` is the label, which Cytoscape shows; `value` repeats the id, as
//! NetworkX's `cytoscape_graph` wants it), plus `spells`. Edge ids are
//! `e0`, `e1`, … . `directed` and `multigraph` (both false) are for
//! NetworkX's `cytoscape_graph`; Cytoscape ignores them.

use crate::export::attrs::{Object, Table};
use crate::export::dot::Labels;
use crate::export::json::write_pretty;
use crate::export::view::View;
use crate::export::Exporter;
use std::io::Write;

/// Writes views as Cytoscape.js JSON.
#[derive(Debug, Clone, Default)]
pub struct CytoscapeExporter {
    pub labels: Labels,
}

/// The document for a view.
pub fn document(view: &View, labels: Labels) -> Object {
    let t = Table::of(view, labels);
    let element = |data: Object| {
        let mut o = Object::default();
        o.push("data", data);
        o
    };
    let nodes: Vec<Object> = t
        .nodes
        .iter()
        .map(|n| {
            let mut first = Object::default();
            first.push("id", n.id.clone());
            first.push("value", n.id.clone());
            first.push("name", n.label.clone());
            element(t.node_json(n, first))
        })
        .collect();
    let edges: Vec<Object> = t
        .edges
        .iter()
        .map(|e| {
            let mut first = Object::default();
            first.push("id", e.id.clone());
            first.push("source", t.nodes[e.source].id.clone());
            first.push("target", t.nodes[e.target].id.clone());
            element(t.edge_json(e, first))
        })
        .collect();
    let mut elements = Object::default();
    elements.push("nodes", nodes);
    elements.push("edges", edges);
    let mut doc = Object::default();
    doc.push("format_version", "1.0");
    doc.push(
        "generated_by",
        format!("musalaha {}", env!("CARGO_PKG_VERSION")),
    );
    doc.push("target_cytoscapejs_version", "~3.0");
    doc.push("directed", false);
    doc.push("multigraph", false);
    doc.push("data", t.graph_json());
    doc.push("elements", elements);
    doc
}

impl Exporter for CytoscapeExporter {
    fn name(&self) -> &'static str {
        "Cytoscape.js JSON"
    }
    fn extension(&self) -> &'static str {
        "cyjs"
    }
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()> {
        write_pretty(&document(view, self.labels), out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::attrs::testing;

    #[test]
    fn elements_with_data() {
        let (_, view) = testing::view(true);
        let mut out = Vec::new();
        CytoscapeExporter::default().write(&view, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), view.nodes.len());
        for n in nodes {
            assert_eq!(n["data"]["id"], n["data"]["value"]);
        }
        let e = &v["elements"]["edges"][0]["data"];
        assert_eq!(e["id"], "e0");
        assert!(e["roles"].is_array());
    }
}
