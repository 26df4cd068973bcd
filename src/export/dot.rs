//! Graphviz DOT export, written with dot-writer.
//!
//! dot-writer 0.1.4 writes node ids raw, does not escape quotes or
//! backslashes in quoted values, and unwraps every write. So: node ids are
//! generated (`n0`, `n1`, …), every label goes through [`escape`], and the
//! document is built in memory (writes to a `Vec` cannot fail); the caller
//! writes the finished text with real error handling.
//!
//! Style: node shape by actor kind, fill colour by alignment (Okabe–Ito
//! palette, distinguishable for colour-blind readers), edge style by relation
//! (signing solid, co-signing bold grey, negotiating tapered grey, guaranteeing
//! dashed arrow, mediating dotted arrow), pen width by weight. A legend
//! cluster lists the kinds, alignments and relations present.

use crate::graph::{ActorGraph, Relation, SimpleGraph};
use crate::model::{ActorKind, Alignment, Dataset};
use dot_writer::{Attributes, DotWriter};
use std::collections::BTreeSet;

/// Which names label the nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Labels {
    #[default]
    En,
    Ar,
    /// English on the first line, Arabic on the second.
    Both,
}

/// Options of one DOT document.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    pub title: String,
    pub caption: String,
    pub labels: Labels,
    pub relations: Vec<Relation>,
    pub legend: bool,
}

/// Escapes text for a double-quoted DOT string: backslash, quote, and line
/// breaks become `\\`, `\"`, `\n`; other control characters are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Graphviz shape for an actor kind.
pub fn shape(kind: ActorKind) -> &'static str {
    use ActorKind::*;
    match kind {
        State => "hexagon",
        Ministry => "house",
        MilitarySecurity => "box",
        ForeignMilitary => "box3d",
        ReconciliationCentre => "doubleoctagon",
        ArmedFaction => "ellipse",
        OperationsRoom => "doublecircle",
        ReconciliationCommittee => "octagon",
        NegotiationCommittee => "invhouse",
        CivilCommittee => "cylinder",
        LocalCouncil => "tab",
        Notables => "egg",
        ReligiousFigure => "egg",
        InternationalOrganisation => "diamond",
        Humanitarian => "Mdiamond",
        PoliticalBody => "component",
        Individual => "note",
        Militia => "trapezium",
    }
}

/// Fill colour for an alignment (Okabe–Ito palette).
pub fn colour(al: Alignment) -> &'static str {
    use Alignment::*;
    match al {
        Regime => "#D55E00",
        RegimeAlly => "#E69F00",
        Opposition => "#009E73",
        OppositionAlly => "#56B4E9",
        Jihadist => "#999999",
        International => "#0072B2",
        LocalMediator => "#F0E442",
        ThirdParty => "#CC79A7",
    }
}

/// Edge style for a relation: (style, colour, arrow).
pub fn edge_style(r: Relation) -> (&'static str, &'static str, bool) {
    match r {
        Relation::Signing => ("solid", "#000000", false),
        Relation::CoSigning => ("bold", "#888888", false),
        Relation::Negotiating => ("tapered", "#555555", false),
        Relation::Guaranteeing => ("dashed", "#000000", true),
        Relation::Mediating => ("dotted", "#000000", true),
    }
}

fn font_colour(al: Alignment) -> &'static str {
    match al {
        Alignment::International => "#FFFFFF",
        _ => "#000000",
    }
}

fn label_for(ds: &Dataset, id: &str, labels: Labels) -> String {
    let Some(a) = ds.actors.get(id) else {
        return id.to_string();
    };
    match labels {
        Labels::En => a.name_en.clone(),
        Labels::Ar => a.name_ar.clone(),
        Labels::Both => format!("{}\n{}", a.name_en, a.name_ar),
    }
}

/// Writes the actor graph of a slice as DOT.
pub fn to_dot(ds: &Dataset, graph: &ActorGraph, simple: &SimpleGraph, opts: &DotOptions) -> String {
    let mut buf: Vec<u8> = Vec::new();
    {
        let mut w = DotWriter::from(&mut buf);
        w.set_pretty_print(true);
        let mut g = w.graph();
        g.graph_attributes()
            .set(
                "label",
                &escape(&format!("{}\n{}", opts.title, opts.caption)),
                true,
            )
            .set("labelloc", "t", false)
            .set("fontname", "Noto Sans", true)
            .set("overlap", "false", false)
            .set("splines", "true", false);
        g.node_attributes()
            .set("style", "filled", false)
            .set("fontname", "Noto Sans", true)
            .set("fontsize", "10", false);
        g.edge_attributes().set("fontname", "Noto Sans", true);

        for (i, id) in simple.nodes.iter().enumerate() {
            let (kind, al) = ds
                .actors
                .get(id)
                .map_or((ActorKind::Individual, Alignment::LocalMediator), |a| {
                    (a.kind, a.alignment)
                });
            g.node_named(format!("n{i}"))
                .set("label", &escape(&label_for(ds, id, opts.labels)), true)
                .set("shape", shape(kind), false)
                .set("fillcolor", colour(al), true)
                .set("fontcolor", font_colour(al), true)
                .set(
                    "tooltip",
                    &escape(&format!("{id} ({}, {})", kind, al)),
                    true,
                );
        }

        let index = |id: &str| simple.nodes.iter().position(|n| n == id);
        for t in graph
            .ties
            .iter()
            .filter(|t| opts.relations.contains(&t.relation))
        {
            let (Some(a), Some(b)) = (index(&t.from), index(&t.to)) else {
                continue;
            };
            let (style, col, arrow) = edge_style(t.relation);
            let width = 1.0 + (t.weight() as f64).log2();
            g.edge(format!("n{a}"), format!("n{b}"))
                .attributes()
                .set("style", style, false)
                .set("color", col, true)
                .set("dir", if arrow { "forward" } else { "none" }, false)
                .set("penwidth", &format!("{width:.2}"), false)
                .set(
                    "tooltip",
                    &escape(&format!(
                        "{}: {}",
                        t.relation.as_str(),
                        t.agreements.join(", ")
                    )),
                    true,
                );
        }

        if opts.legend && !simple.nodes.is_empty() {
            let kinds: BTreeSet<ActorKind> = simple
                .nodes
                .iter()
                .filter_map(|n| ds.actors.get(n))
                .map(|a| a.kind)
                .collect();
            let aligns: BTreeSet<Alignment> = simple
                .nodes
                .iter()
                .filter_map(|n| ds.actors.get(n))
                .map(|a| a.alignment)
                .collect();
            let rels: BTreeSet<Relation> = graph
                .ties
                .iter()
                .filter(|t| opts.relations.contains(&t.relation))
                .map(|t| t.relation)
                .collect();
            let mut c = g.cluster();
            c.set("label", "Legend", true)
                .set("fontname", "Noto Sans", true)
                .set("style", "rounded", false);
            for (i, k) in kinds.iter().enumerate() {
                c.node_named(format!("legend_kind_{i}"))
                    .set("label", k.as_str(), true)
                    .set("shape", shape(*k), false)
                    .set("fillcolor", "#FFFFFF", true);
            }
            for (i, a) in aligns.iter().enumerate() {
                c.node_named(format!("legend_alignment_{i}"))
                    .set("label", a.as_str(), true)
                    .set("shape", "box", false)
                    .set("fillcolor", colour(*a), true)
                    .set("fontcolor", font_colour(*a), true);
            }
            for (i, r) in rels.iter().enumerate() {
                let (style, col, arrow) = edge_style(*r);
                for end in ["a", "b"] {
                    c.node_named(format!("legend_rel_{i}_{end}"))
                        .set("label", "", true)
                        .set("shape", "point", false)
                        .set("width", "0.05", false);
                }
                c.edge(format!("legend_rel_{i}_a"), format!("legend_rel_{i}_b"))
                    .attributes()
                    .set("label", r.as_str(), true)
                    .set("style", style, false)
                    .set("color", col, true)
                    .set("dir", if arrow { "forward" } else { "none" }, false);
            }
        }
    }
    String::from_utf8(buf).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_hostile_text() {
        assert_eq!(escape(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(escape("x\ny\r"), "x\\ny");
        assert_eq!(escape("}{<&> graph"), "}{<&> graph");
        assert_eq!(escape("\u{0007}bell"), "bell");
    }
}
