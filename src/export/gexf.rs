//! GEXF 1.3 with time, for Gephi's timeline.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"`. Every node and
//! edge carries `<spells>`: one spell per agreement behind it, from the first
//! to the last day its date may mean (docs/formats.md: a month is its first
//! to its last day, `mid 2015-11` the 11th to the 20th, `late 2014` September
//! to December, a span `A..B` from the start of A to the end of B). Spells
//! that share a day are merged into one, since Gephi refuses overlapping
//! intervals on one element. The attributes of [`attrs::Table`] are static
//! `<attvalues>` (the node's `label` and the edge's `weight` are the
//! element's own attributes); colours and shapes come from
//! [`crate::export::style`] as `viz:color`, `viz:shape` and `viz:thickness`.
//!
//! Valid against the GEXF 1.3 schema (tests/fixtures/schemas/gexf-1.3/).
//! That schema puts the visualisation elements in the GEXF namespace itself
//! (its `viz.rnc` says `default namespace = inherit`), so the `viz:` prefix
//! is bound to `http://gexf.net/1.3`: Gephi, which reads the elements by
//! their local name, takes the colours and shapes; NetworkX, which looks
//! for them in `http://gexf.net/1.3/viz`, reads everything but them.

use crate::export::attrs::{self, Table, Type};
use crate::export::dot::Labels;
use crate::export::style;
use crate::export::view::{NodeKind, Span, View};
use crate::export::xml;
use crate::export::Exporter;
use std::fmt::Write as _;
use std::io::Write;

/// Writes views as dynamic GEXF 1.3.
#[derive(Debug, Clone, Default)]
pub struct GexfExporter {
    pub labels: Labels,
}

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Str | Type::List => "string",
        Type::Int => "integer",
        Type::Double => "double",
        Type::Bool => "boolean",
    }
}

/// `#RRGGBB` as `r="…" g="…" b="…"`.
fn rgb(hex: &str) -> String {
    let c = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    format!("r=\"{}\" g=\"{}\" b=\"{}\"", c(1), c(3), c(5))
}

fn spells(s: &mut String, spells: &[Span]) {
    if spells.is_empty() {
        return;
    }
    s.push_str("        <spells>\n");
    for sp in spells {
        let _ = writeln!(
            s,
            "          <spell start=\"{}\" end=\"{}\"/>",
            sp.start, sp.end
        );
    }
    s.push_str("        </spells>\n");
}

/// Attribute values, leaving out the names the element carries itself.
fn attvalues(s: &mut String, names: &[attrs::Attr], values: &[attrs::Value], skip: &str) {
    let mut open = false;
    for (a, v) in names.iter().zip(values) {
        if a.name == skip {
            continue;
        }
        let Some(text) = v.text() else { continue };
        if !open {
            s.push_str("        <attvalues>\n");
            open = true;
        }
        let _ = writeln!(
            s,
            "          <attvalue for=\"{}\" value=\"{}\"/>",
            xml::attr(&a.name),
            xml::attr(&text)
        );
    }
    if open {
        s.push_str("        </attvalues>\n");
    }
}

fn declare(s: &mut String, class: &str, names: &[attrs::Attr], skip: &str) {
    let _ = writeln!(s, "    <attributes class=\"{class}\" mode=\"static\">");
    for a in names.iter().filter(|a| a.name != skip) {
        let n = xml::attr(&a.name);
        let _ = writeln!(
            s,
            "      <attribute id=\"{n}\" title=\"{n}\" type=\"{}\"/>",
            type_name(a.ty)
        );
    }
    s.push_str("    </attributes>\n");
}

/// The document for a view.
pub fn document(view: &View, labels: Labels) -> String {
    let t = Table::of(view, labels);
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" \
         version=\"1.3\">\n",
    );
    let relations: Vec<String> = match t.graph.iter().find(|(k, _)| *k == "relations") {
        Some((_, attrs::Value::List(l))) => l.clone(),
        _ => Vec::new(),
    };
    let _ = writeln!(
        s,
        "  <meta>\n    <creator>musalaha {}</creator>\n    <description>{}</description>\n  </meta>",
        env!("CARGO_PKG_VERSION"),
        xml::text(&format!(
            "{}; {}: {}; weighting {}",
            view.slice,
            if view.options.two_mode {
                "two-mode, roles of"
            } else {
                "relations"
            },
            relations.join(", "),
            if view.network.is_some() {
                "from the file"
            } else {
                view.options.weighting.as_str()
            }
        ))
    );
    s.push_str("  <graph mode=\"dynamic\" timeformat=\"date\" defaultedgetype=\"undirected\">\n");
    declare(&mut s, "node", &t.node_attrs, "label");
    declare(&mut s, "edge", &t.edge_attrs, "weight");
    let _ = writeln!(s, "    <nodes count=\"{}\">", t.nodes.len());
    for n in &t.nodes {
        let vn = &view.nodes[n.node];
        let _ = writeln!(
            s,
            "      <node id=\"{}\" label=\"{}\">",
            xml::attr(&n.id),
            xml::attr(&n.label)
        );
        attvalues(&mut s, &t.node_attrs, &n.values, "label");
        spells(&mut s, &n.spells);
        let shape = match vn.kind {
            NodeKind::Actor(k) => style::viz_shape(k),
            NodeKind::Agreement(_) => style::VIZ_AGREEMENT_SHAPE,
        };
        let _ = writeln!(
            s,
            "        <viz:color {}/>\n        <viz:shape value=\"{shape}\"/>",
            rgb(attrs::colour(vn))
        );
        s.push_str("      </node>\n");
    }
    s.push_str("    </nodes>\n");
    let _ = writeln!(s, "    <edges count=\"{}\">", t.edges.len());
    for e in &t.edges {
        let _ = writeln!(
            s,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\" label=\"{}\">",
            e.id,
            xml::attr(&t.nodes[e.source].id),
            xml::attr(&t.nodes[e.target].id),
            attrs::double(e.weight),
            xml::attr(&e.relation)
        );
        attvalues(&mut s, &t.edge_attrs, &e.values, "weight");
        spells(&mut s, &e.spells);
        // The line of the pair's first relation (vocabulary order).
        if let Some(r) = e.relations.first() {
            let _ = writeln!(
                s,
                "        <viz:color {}/>\n        <viz:thickness value=\"{:.2}\"/>\n        <viz:shape value=\"{}\"/>",
                rgb(style::line_colour(*r)),
                style::pen_width(e.weight),
                style::viz_line(*r)
            );
        }
        s.push_str("      </edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

impl Exporter for GexfExporter {
    fn name(&self) -> &'static str {
        "GEXF"
    }
    fn extension(&self) -> &'static str {
        "gexf"
    }
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(document(view, self.labels).as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spells_and_attributes() {
        let (_, view) = crate::export::attrs::testing::view(false);
        let doc = document(&view, Labels::En);
        // a1 is "mid 2014-11": its days are the 11th to the 20th.
        assert!(doc.contains("<spell start=\"2014-11-11\" end=\"2014-11-20\"/>"));
        // a3 is "2016": the whole year.
        assert!(doc.contains("<spell start=\"2016-01-01\" end=\"2016-12-31\"/>"));
        assert!(!doc.contains("<attribute id=\"label\""));
        assert!(!doc.contains("<attribute id=\"weight\""));
        assert!(doc.contains("<attribute id=\"degree\" title=\"degree\" type=\"double\"/>"));
        assert!(doc.contains(&format!("<nodes count=\"{}\">", view.nodes.len())));
    }

    #[test]
    fn colours_as_channels() {
        assert_eq!(rgb("#C04F00"), "r=\"192\" g=\"79\" b=\"0\"");
        assert_eq!(rgb("#zz"), "r=\"0\" g=\"0\" b=\"0\"");
    }
}
