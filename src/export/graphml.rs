//! GraphML: the view's simple graph with declared, typed keys.
//!
//! Every attribute of [`super::attrs::Table`] is a `<key>` whose id is its name
//! (`attr.name` = key id) and whose `attr.type` is `string`, `int`, `double`
//! or `boolean`; lists are `; `-joined strings. The graph is undirected
//! (`edgedefault="undirected"`) with one edge per actor pair, as `musalaha
//! stats` counts it; the pair's relations are in `relation`
//! (`signing+mediating`) and `oriented` says whether the edge runs from the
//! guarantor, mediator or host. NetworkX (`read_graphml`) and igraph
//! (`Graph.Read_GraphML`) read it with these types.

use crate::export::attrs::{Table, Type, Value};
use crate::export::dot::Labels;
use crate::export::view::View;
use crate::export::xml;
use crate::export::Exporter;
use std::fmt::Write as _;
use std::io::Write;

/// Writes views as GraphML.
#[derive(Debug, Clone, Default)]
pub struct GraphMlExporter {
    pub labels: Labels,
}

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Str | Type::List => "string",
        Type::Int => "int",
        Type::Double => "double",
        Type::Bool => "boolean",
    }
}

/// The document for a view.
pub fn document(view: &View, labels: Labels) -> String {
    let t = Table::of(view, labels);
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let _ = writeln!(
        s,
        "  <!-- musalaha {}: {} -->",
        env!("CARGO_PKG_VERSION"),
        // `--` may not appear inside a comment.
        xml::text(&view.slice).replace("--", "- -")
    );
    for (name, v) in &t.graph {
        let ty = match v {
            Value::Bool(_) => "boolean",
            _ => "string",
        };
        let _ = writeln!(
            s,
            "  <key id=\"{name}\" for=\"graph\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    for (what, list) in [("node", &t.node_attrs), ("edge", &t.edge_attrs)] {
        for a in list {
            let n = xml::attr(&a.name);
            let _ = writeln!(
                s,
                "  <key id=\"{n}\" for=\"{what}\" attr.name=\"{n}\" attr.type=\"{}\"/>",
                type_name(a.ty)
            );
        }
    }
    s.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
    for (name, v) in &t.graph {
        if let Some(text) = v.text() {
            let _ = writeln!(s, "    <data key=\"{name}\">{}</data>", xml::text(&text));
        }
    }
    let data = |s: &mut String, names: &[crate::export::attrs::Attr], values: &[Value]| {
        for (a, v) in names.iter().zip(values) {
            if let Some(text) = v.text() {
                let _ = writeln!(
                    s,
                    "      <data key=\"{}\">{}</data>",
                    xml::attr(&a.name),
                    xml::text(&text)
                );
            }
        }
    };
    for n in &t.nodes {
        let _ = writeln!(s, "    <node id=\"{}\">", xml::attr(&n.id));
        data(&mut s, &t.node_attrs, &n.values);
        s.push_str("    </node>\n");
    }
    for e in &t.edges {
        let _ = writeln!(
            s,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            e.id,
            xml::attr(&t.nodes[e.source].id),
            xml::attr(&t.nodes[e.target].id)
        );
        data(&mut s, &t.edge_attrs, &e.values);
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

impl Exporter for GraphMlExporter {
    fn name(&self) -> &'static str {
        "GraphML"
    }
    fn extension(&self) -> &'static str {
        "graphml"
    }
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(document(view, self.labels).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::attrs::testing;

    #[test]
    fn every_data_key_is_declared_once_with_its_type() {
        for two_mode in [false, true] {
            let (_, view) = testing::view(two_mode);
            let doc = document(&view, Labels::En);
            assert_eq!(doc, document(&view, Labels::En), "deterministic");
            let declared: Vec<&str> = doc
                .match_indices("<key id=\"")
                .map(|(i, m)| {
                    let rest = &doc[i + m.len()..];
                    &rest[..rest.find('"').unwrap()]
                })
                .collect();
            let mut unique = declared.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), declared.len());
            for (i, m) in doc.match_indices("<data key=\"") {
                let rest = &doc[i + m.len()..];
                let key = &rest[..rest.find('"').unwrap()];
                assert!(declared.contains(&key), "{key}");
            }
            assert!(doc.contains(
                "<key id=\"agreement_count\" for=\"node\" attr.name=\"agreement_count\" attr.type=\"int\"/>"
            ));
            assert_eq!(doc.matches("<node id=").count(), view.nodes.len());
            assert_eq!(doc.matches("<edge id=").count(), view.pairs().len());
        }
    }
}
