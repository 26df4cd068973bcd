//! The legend: a grid of columns (actor kinds, alignments, relations, the
//! inferred mark, node size) listing only what the figure shows, laid out as
//! ranks for dot and pinned (see [`super::layout`]) for the spring engines.
//! It comes wide (one column per part, to go under the network) or tall
//! (kinds beside everything else, to go beside it).

use super::figure::{
    alignment_label, b, edge_attrs, kind_label, label_lines, pt, relation_label, t, Edge, Node,
};
use super::layout::pin;
use super::{DotOptions, Labels, LegendShape};
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
    /// Whether some edge rests only on inferred roles.
    inferred: bool,
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
            relations: view
                .edges
                .iter()
                .filter(|e| e.kind.is_none())
                .map(|e| e.relation)
                .collect(),
            inferred: view.edges.iter().any(|e| e.is_inferred()),
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
    shape: LegendShape,
) -> (Vec<Vec<Node>>, Vec<Edge>) {
    let heading = |id: &str, en: &str, ar: &str| Node {
        id: id.to_string(),
        attrs: vec![
            ("label", t(label_lines(en, ar, opts.labels))),
            ("shape", b("plaintext")),
            ("style", b("solid")),
            ("fontsize", pt(style::TEXT_PT, opts)),
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
    let mut sample = |i: String, r: Relation, inferred: bool, label: String| {
        let a = format!("legend_relation_{i}_a");
        let z = format!("legend_relation_{i}_b");
        let mut attrs = edge_attrs(r, 1.0, String::new(), inferred, opts);
        // The inferred sample's mark is in its label, at the legend's size.
        attrs.retain(|(k, _)| !matches!(*k, "tooltip" | "xlabel" | "fontsize" | "fontcolor"));
        // The label sits above the line and sets its length (dot), or
        // `len` does (spring engines).
        attrs.push(("label", t(label)));
        attrs.push(("len", b("1.3")));
        edges.push(Edge {
            a: a.clone(),
            b: z.clone(),
            attrs,
        });
        vec![point(a), point(z)]
    };
    let mut rels: Vec<Vec<Node>> = present
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| sample(i.to_string(), *r, false, relation_label(*r, opts.labels)))
        .collect();
    if present.inferred {
        // A signing line marked as inferred stands for every relation.
        rels.push(sample(
            "inferred".into(),
            Relation::Signing,
            true,
            label_lines(
                &format!("{} inferred by the coders", style::INFERRED_MARK),
                &format!("{} استنتاج المرمّزين", style::INFERRED_MARK_AR),
                opts.labels,
            ),
        ));
    }

    let rel_head = || {
        vec![heading(
            "legend_head_relation",
            "Tie (width: log of agreements)",
            "الرابط (السماكة: لوغاريتم عدد الاتفاقات)",
        )]
    };
    let align_head = || vec![heading("legend_head_alignment", "Alignment", "الانتماء")];
    let size_head = opts.size_by.as_ref().map(|(_, measure)| {
        vec![heading(
            "legend_head_size",
            &format!("Label size: {measure} (√, largest 1.6×)"),
            &format!("حجم التسمية: {measure} (جذر تربيعي، الأكبر 1.6×)"),
        )]
    });
    // Everything but the kinds: one column each (wide), or one column (tall).
    let mut others: Vec<Vec<Vec<Node>>> = Vec::new();
    match shape {
        LegendShape::Wide => {
            if !aligns.is_empty() {
                aligns.insert(0, align_head());
                others.push(aligns);
            }
            if !rels.is_empty() {
                rels.insert(0, rel_head());
                others.push(rels);
            }
            if let Some(h) = size_head {
                others.push(vec![h]);
            }
        }
        LegendShape::Tall => {
            let mut col = Vec::new();
            if !aligns.is_empty() {
                col.push(align_head());
                col.extend(aligns);
            }
            if !rels.is_empty() {
                col.push(rel_head());
                col.extend(rels);
            }
            col.extend(size_head);
            if !col.is_empty() {
                others.push(col);
            }
        }
    }
    // Kinds may need two columns to keep the legend about as tall as the
    // other columns.
    let rows = others
        .iter()
        .map(|c| c.len().saturating_sub(1))
        .max()
        .unwrap_or(0)
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
    columns.extend(others);

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
