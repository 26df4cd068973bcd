//! The legend: a grid of columns (actor kinds, alignments, relations, node
//! size) listing only what the figure shows, laid out as ranks for dot and
//! pinned (see [`super::layout`]) for the spring engines.

use super::figure::{
    alignment_label, b, edge_attrs, kind_label, label_lines, relation_label, t, Edge, Node,
};
use super::layout::pin;
use super::{DotOptions, Labels};
use crate::export::style;
use crate::export::view::{NodeKind, View};
use crate::graph::Relation;
use crate::model::{ActorKind, Alignment};
use std::collections::BTreeSet;

/// What the legend lists: only what the figure shows.
pub(super) struct Present {
    kinds: BTreeSet<ActorKind>,
    alignments: BTreeSet<Alignment>,
    relations: BTreeSet<Relation>,
}

impl Present {
    /// The actor kinds, alignments and relations of a view.
    pub(super) fn of(view: &View) -> Present {
        let mut kinds = BTreeSet::new();
        let mut alignments = BTreeSet::new();
        for n in &view.nodes {
            if let NodeKind::Actor(Some(k)) = n.kind {
                kinds.insert(k);
            }
            if let Some(a) = n.alignment {
                alignments.insert(a);
            }
        }
        Present {
            kinds,
            alignments,
            relations: view.edges.iter().map(|e| e.relation).collect(),
        }
    }
}

/// The legend's rows of nodes (one rank each) and the edges that draw the
/// relation samples and hold the grid together.
pub(super) fn legend(
    present: &Present,
    two_mode: bool,
    pinned: bool,
    opts: &DotOptions,
) -> (Vec<Vec<Node>>, Vec<Edge>) {
    let heading = |id: &str, en: &str, ar: &str| Node {
        id: id.to_string(),
        attrs: vec![
            ("label", t(label_lines(en, ar, opts.labels))),
            ("shape", b("plaintext")),
            ("style", b("solid")),
            ("fontsize", b("10")),
        ],
        cluster: None,
    };
    // Columns of cells; a cell is one or two nodes side by side.
    let mut columns: Vec<Vec<Vec<Node>>> = Vec::new();
    let mut edges = Vec::new();

    let kinds: Vec<Vec<Node>> = present
        .kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            vec![Node {
                id: format!("legend_kind_{i}"),
                attrs: vec![
                    ("label", t(kind_label(*k, opts.labels))),
                    ("shape", b(style::shape(*k))),
                    ("fillcolor", t("#FFFFFF")),
                ],
                cluster: None,
            }]
        })
        .collect();
    let mut aligns: Vec<Vec<Node>> = present
        .alignments
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let look = style::alignment_look(*a);
            vec![Node {
                id: format!("legend_alignment_{i}"),
                attrs: vec![
                    ("label", t(alignment_label(*a, opts.labels))),
                    ("shape", b("box")),
                    ("fillcolor", t(look.fill)),
                    ("fontcolor", t(look.font)),
                    ("style", t(format!("filled,{}", look.outline.as_str()))),
                ],
                cluster: None,
            }]
        })
        .collect();
    if two_mode {
        aligns.push(vec![Node {
            id: "legend_agreement".into(),
            attrs: vec![
                (
                    "label",
                    t(label_lines(
                        "agreement (date)",
                        "اتفاق (التاريخ)",
                        opts.labels,
                    )),
                ),
                ("shape", b("box")),
                ("fillcolor", t("#FFFFFF")),
            ],
            cluster: None,
        }]);
    }
    let rels: Vec<Vec<Node>> = present
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let a = format!("legend_relation_{i}_a");
            let z = format!("legend_relation_{i}_b");
            let mut attrs = edge_attrs(*r, 1.0, r.as_str().to_string());
            attrs.retain(|(k, _)| *k != "tooltip");
            // The label sits above the line and sets its length (dot), or
            // `len` does (spring engines).
            attrs.push(("label", t(relation_label(*r, opts.labels))));
            attrs.push(("len", b("1.3")));
            edges.push(Edge {
                a: a.clone(),
                b: z.clone(),
                attrs,
            });
            let point = |id: String| Node {
                id,
                attrs: vec![
                    ("label", t("")),
                    ("shape", b("point")),
                    ("width", b("0.02")),
                    ("style", b("invis")),
                ],
                cluster: None,
            };
            vec![point(a), point(z)]
        })
        .collect();

    // Kinds may need two columns to keep the legend about as tall as the
    // other columns.
    let rows = aligns
        .len()
        .max(rels.len())
        .max(kinds.len().div_ceil(2))
        .max(1);
    let mut kind_cols: Vec<Vec<Vec<Node>>> = kinds.chunks(rows).map(|c| c.to_vec()).collect();
    if let Some(first) = kind_cols.first_mut() {
        first.insert(
            0,
            vec![heading("legend_head_kind", "Actor kind", "نوع الفاعل")],
        );
    }
    for (i, c) in kind_cols.iter_mut().enumerate().skip(1) {
        c.insert(0, vec![heading(&format!("legend_head_kind_{i}"), "", "")]);
    }
    columns.extend(kind_cols);
    if !aligns.is_empty() {
        aligns.insert(
            0,
            vec![heading("legend_head_alignment", "Alignment", "الانتماء")],
        );
        columns.push(aligns);
    }
    let mut rels = rels;
    if !rels.is_empty() {
        rels.insert(
            0,
            vec![heading(
                "legend_head_relation",
                "Tie (width: agreements)",
                "الرابط (السماكة: عدد الاتفاقات)",
            )],
        );
        columns.push(rels);
    }
    if let Some((_, measure)) = &opts.size_by {
        columns.push(vec![vec![heading(
            "legend_head_size",
            &format!("Node size: {measure}"),
            &format!("حجم العقدة: {measure}"),
        )]]);
    }

    // Lay the columns out as a grid: rows are ranks (dot), cells are chained
    // by invisible edges so that every engine keeps the block together.
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut grid: Vec<Vec<Node>> = vec![Vec::new(); height];
    let mut prev_in_row: Vec<Option<String>> = vec![None; height];
    for (ci, col) in columns.iter().enumerate() {
        let mut prev_in_col: Option<String> = None;
        for r in 0..height {
            let cell: Vec<Node> = match col.get(r) {
                Some(c) => c.clone(),
                None => vec![Node {
                    id: format!("legend_pad_{ci}_{r}"),
                    attrs: vec![
                        ("style", b("invis")),
                        ("label", t("")),
                        ("shape", b("point")),
                    ],
                    cluster: None,
                }],
            };
            let first = cell[0].id.clone();
            let last = cell[cell.len() - 1].id.clone();
            let invis = || vec![("style", b("invis"))];
            if let Some(p) = &prev_in_col {
                edges.push(Edge {
                    a: p.clone(),
                    b: first.clone(),
                    attrs: invis(),
                });
            }
            if let Some(p) = &prev_in_row[r] {
                edges.push(Edge {
                    a: p.clone(),
                    b: first.clone(),
                    attrs: invis(),
                });
            }
            prev_in_col = Some(first);
            prev_in_row[r] = Some(last);
            grid[r].extend(cell);
        }
    }
    if pinned {
        let sample_height = if opts.labels == Labels::Both {
            0.8
        } else {
            0.55
        };
        pin(&columns, &mut grid, sample_height);
    }
    (grid, edges)
}
