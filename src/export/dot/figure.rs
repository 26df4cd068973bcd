//! From a [`View`] to the figure the DOT writer writes: nodes, edges and
//! clusters with their Graphviz attributes. Node ids are generated (`n0`,
//! `n1`, … for actors in id order, `a0`, … for agreements by date), cluster
//! ids are `cluster_` plus the view's cluster key with `_` for `-`.

use super::{DotOptions, Labels};
use crate::export::style::{self, Outline};
use crate::export::text::{self, directed_lines, Dir};
use crate::export::view::{NodeKind, View, ViewNode};
use crate::graph::Relation;
use crate::model::{ActorKind, Alignment};
use std::collections::BTreeMap;

/// An attribute value: text to escape and quote, a bare keyword or number,
/// or an HTML-like label (already escaped).
#[derive(Debug, Clone)]
pub(super) enum Val {
    Text(String),
    Bare(String),
    Html(String),
}

pub(super) type Attrs = Vec<(&'static str, Val)>;

pub(super) fn t(s: impl Into<String>) -> Val {
    Val::Text(s.into())
}
pub(super) fn b(s: impl Into<String>) -> Val {
    Val::Bare(s.into())
}

#[derive(Debug, Clone)]
pub(super) struct Node {
    pub id: String,
    pub attrs: Attrs,
    pub cluster: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) struct Edge {
    pub a: String,
    pub b: String,
    pub attrs: Attrs,
}

/// Nodes, edges and clusters (cluster id → label) of a figure.
#[derive(Debug, Default)]
pub(super) struct Figure {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub clusters: BTreeMap<String, String>,
}

// ---- labels ----

/// English and/or Arabic lines, each with the direction marks it needs.
pub(super) fn label_lines(en: &str, ar: &str, labels: Labels) -> String {
    // A missing Arabic name falls back to the English one; a name that is
    // both (an Arabic label of an edge-list node) is written once.
    let show_ar = labels != Labels::En && !ar.is_empty();
    let show_en = (labels != Labels::Ar || ar.is_empty()) && !(show_ar && en == ar);
    let mut lines = Vec::new();
    if show_en {
        lines.extend(directed_lines(en, Dir::Ltr));
    }
    if show_ar {
        lines.extend(directed_lines(ar, Dir::Rtl));
    }
    lines.join("\n")
}

pub(super) fn kind_label(k: ActorKind, labels: Labels) -> String {
    label_lines(k.as_str(), style::kind_ar(k), labels)
}

pub(super) fn alignment_label(a: Alignment, labels: Labels) -> String {
    label_lines(a.as_str(), style::alignment_ar(a), labels)
}

pub(super) fn relation_label(r: Relation, labels: Labels) -> String {
    label_lines(r.as_str(), style::relation_ar(r), labels)
}

/// Breaks each line of `s` that is longer than `width` characters at spaces
/// into lines of about equal length (a word longer than `width` stays whole).
pub(super) fn wrap(s: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out: Vec<String> = Vec::new();
    for line in s.lines() {
        let len = line.chars().count();
        if len <= width {
            out.push(line.to_string());
            continue;
        }
        // A line ends once it reaches the length that would share the text
        // out evenly, or when the next word would pass `width`.
        let target = len.div_ceil(len.div_ceil(width));
        let mut cur = String::new();
        let mut cur_len = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let w = word.chars().count();
            if cur_len > 0 && (cur_len >= target || cur_len + 1 + w > width) {
                out.push(std::mem::take(&mut cur));
                cur_len = 0;
            }
            if cur_len > 0 {
                cur.push(' ');
                cur_len += 1;
            }
            cur.push_str(word);
            cur_len += w;
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out.join("\n")
}

/// A font size in points, scaled by the figure's font scale.
pub(super) fn pt(size: f64, opts: &DotOptions) -> Val {
    b(format!("{:.1}", size * opts.tune.font_scale))
}

/// A DOT identifier made from a key: a slug with `_` for `-`.
fn ident(key: &str) -> String {
    text::slug(key).replace('-', "_")
}

/// The mark an inferred edge carries, in the figure's language.
pub(super) fn inferred_mark(labels: Labels) -> &'static str {
    if labels == Labels::Ar {
        style::INFERRED_MARK_AR
    } else {
        style::INFERRED_MARK
    }
}

/// The attributes of an edge of relation `r` carrying `weight` agreements;
/// an `inferred` edge is drawn lighter and marked with `?` at its middle.
pub(super) fn edge_attrs(
    r: Relation,
    weight: f64,
    tooltip: String,
    inferred: bool,
    opts: &DotOptions,
) -> Attrs {
    let look = if inferred {
        style::inferred_look(r)
    } else {
        style::relation_look(r)
    };
    let mut attrs = vec![
        ("style", b(look.style)),
        ("color", t(look.color)),
        ("dir", b(look.dir)),
        ("arrowhead", b(look.arrowhead)),
        ("arrowtail", b(look.arrowtail)),
        ("penwidth", b(format!("{:.2}", style::pen_width(weight)))),
        ("tooltip", t(tooltip)),
    ];
    if inferred {
        attrs.push(("xlabel", t(inferred_mark(opts.labels))));
        attrs.push(("fontcolor", t("#000000")));
        attrs.push(("fontsize", pt(style::TEXT_PT + 2.0, opts)));
        attrs.push(("class", t("inferred")));
    }
    attrs
}

fn actor_attrs(view: &View, n: &ViewNode, opts: &DotOptions) -> Attrs {
    let (kind, al) = match (n.kind, n.alignment) {
        (NodeKind::Actor(Some(k)), Some(a)) => (k, a),
        _ => (ActorKind::Individual, Alignment::LocalMediator),
    };
    let tip = match n.kind {
        NodeKind::Actor(Some(k)) => format!(
            "{} — {} ({}, {})",
            n.id,
            n.name_en,
            k,
            n.alignment.map_or("", |a| a.as_str())
        ),
        _ => n.id.clone(),
    };
    let look = style::alignment_look(al);
    let (en, ar) = match opts.tune.wrap {
        Some(w) => (wrap(&n.name_en, w), wrap(&n.name_ar, w)),
        None => (n.name_en.clone(), n.name_ar.clone()),
    };
    let mut attrs: Attrs = vec![
        ("label", t(label_lines(&en, &ar, opts.labels))),
        ("shape", b(style::shape(kind))),
        ("fillcolor", t(look.fill)),
        ("fontcolor", t(look.font)),
    ];
    if look.outline != Outline::Solid {
        attrs.push(("style", t(format!("filled,{}", look.outline.as_str()))));
    }
    let mut tip = tip;
    if let Some((m, _)) = opts.size_by {
        let max = view
            .nodes
            .iter()
            .filter(|x| matches!(x.kind, NodeKind::Actor(_)))
            .filter_map(|x| x.scores.get(m).copied())
            .fold(0.0, f64::max);
        let score = n.scores.get(m).copied().unwrap_or(0.0);
        attrs.push(("fontsize", pt(style::scaled_font_size(score, max), opts)));
        let name = view.measures.get(m).map_or("", String::as_str);
        tip.push_str(&format!("; {name} {score:.6}"));
    }
    attrs.push(("tooltip", t(tip)));
    attrs
}

fn agreement_attrs(view: &View, n: &ViewNode, opts: &DotOptions) -> Attrs {
    let date = n
        .agreements
        .first()
        .map(|&i| view.agreements[i].date.text.clone())
        .unwrap_or_default();
    vec![
        ("label", t(date.clone())),
        ("shape", b("box")),
        ("fillcolor", t("#FFFFFF")),
        ("fontsize", pt(style::TEXT_PT, opts)),
        ("tooltip", t(format!("{} ({}): {}", n.id, date, n.name_en))),
    ]
}

/// The figure of a view: nodes with shape by kind and fill by alignment,
/// edges styled by relation, clusters.
pub(super) fn figure(view: &View, opts: &DotOptions) -> Figure {
    let mut fig = Figure::default();
    let mut ids = Vec::with_capacity(view.nodes.len());
    let (mut actors, mut agreements) = (0, 0);
    for n in &view.nodes {
        let (id, attrs) = match n.kind {
            NodeKind::Actor(_) => {
                actors += 1;
                (format!("n{}", actors - 1), actor_attrs(view, n, opts))
            }
            NodeKind::Agreement(_) => {
                agreements += 1;
                (
                    format!("a{}", agreements - 1),
                    agreement_attrs(view, n, opts),
                )
            }
        };
        let cluster = n.cluster.as_ref().map(|c| {
            let key = format!("cluster_{}", ident(&c.key));
            fig.clusters.insert(
                key.clone(),
                label_lines(&c.name_en, &c.name_ar, opts.labels),
            );
            key
        });
        ids.push(id.clone());
        fig.nodes.push(Node { id, attrs, cluster });
    }
    let two_mode = view.options.two_mode;
    for e in &view.edges {
        let (s, d) = (&view.nodes[e.source], &view.nodes[e.target]);
        let agreement_ids = |list: &[usize]| -> Vec<&str> {
            list.iter()
                .filter_map(|&i| view.agreements.get(i))
                .map(|a| a.id.as_str())
                .collect()
        };
        let mut tip = if two_mode {
            let roles: Vec<&str> = e.roles.iter().map(|r| r.as_str()).collect();
            format!("{} {} {}", s.id, roles.join("+"), d.id)
        } else {
            match e.kind {
                // A tie of an edge list: its kind and weight.
                Some(_) => format!(
                    "{} {} {} (weight {})",
                    s.id,
                    crate::export::attrs::relation_text(e),
                    d.id,
                    crate::export::attrs::double(e.weight)
                ),
                None => format!(
                    "{} {} {}: {}",
                    s.id,
                    e.relation.as_str(),
                    d.id,
                    agreement_ids(&e.agreements).join(", ")
                ),
            }
        };
        // The tooltip says which agreements rest only on inferred roles.
        if e.is_inferred() {
            tip.push_str(&format!(
                " (inferred by the coders: {})",
                agreement_ids(&e.inferred).join(", ")
            ));
        } else if !e.inferred.is_empty() {
            tip.push_str(&format!(
                "; inferred in {}",
                agreement_ids(&e.inferred).join(", ")
            ));
        }
        // Line width shows the number of agreements behind the edge (the
        // weight, for an edge list).
        let strength = if view.network.is_some() {
            e.weight
        } else {
            e.agreements.len() as f64
        };
        let mut attrs = edge_attrs(e.relation, strength, tip, e.is_inferred(), opts);
        // An edge list's tie of another kind: a plain line, an arrow when
        // it is an arc.
        if e.kind.is_some() && e.directed {
            attrs.retain(|(k, _)| !matches!(*k, "dir" | "arrowhead"));
            attrs.push(("dir", b("forward")));
            attrs.push(("arrowhead", b("normal")));
        }
        // In the two-mode view negotiators get a bar at the agreement end only.
        if two_mode && e.relation == Relation::Negotiating {
            attrs.retain(|(k, _)| *k != "dir" && *k != "arrowtail");
            attrs.push(("dir", b("forward")));
        }
        fig.edges.push(Edge {
            a: ids[e.source].clone(),
            b: ids[e.target].clone(),
            attrs,
        });
    }
    fig
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fall_back_and_are_not_repeated() {
        let lines = |en, ar, l| label_lines(en, ar, l).lines().count();
        // Both names: one line each with both, one line otherwise.
        assert_eq!(lines("Russia", "روسيا", Labels::Both), 2);
        assert_eq!(lines("Russia", "روسيا", Labels::En), 1);
        assert_eq!(lines("Russia", "روسيا", Labels::Ar), 1);
        assert!(label_lines("Russia", "روسيا", Labels::Ar).contains("روسيا"));
        // No Arabic name: Arabic labels fall back to the English one.
        assert!(label_lines("Echo", "", Labels::Ar).contains("Echo"));
        assert_eq!(lines("Echo", "", Labels::Both), 1);
        // The same name in both (an Arabic edge-list label): written once.
        assert_eq!(lines("جيش الإسلام", "جيش الإسلام", Labels::Both), 1);
    }
}
