//! Graphviz DOT export.
//!
//! The document is built as text in memory; the caller writes it with real
//! error handling. Node ids are generated (`n0`, `n1`, … for actors, `a0`, …
//! for agreements, `legend_*`), cluster ids are `cluster_` plus an id with
//! `_` for `-` (a DOT identifier allows letters, digits and `_`), and
//! every label and tooltip goes through [`text::escape`] (quoted strings) or
//! [`text::html`] (the HTML-like title), so no name can break the syntax or
//! be read by Graphviz as an escape or entity.
//!
//! Two views: [`actor_graph`] (actors joined by relation ties) and
//! [`two_mode`] (actors joined to the agreements they took part in, drawn as
//! boxes labelled with their date). The style is in [`style`]; a legend
//! cluster shows the kinds, alignments and relations present. Exporters
//! never compute measures: node sizes come in as scores ([`SizeBy`]).

use crate::export::style::{self, Outline, FONT};
use crate::export::text::{self, directed_lines, Dir};
use crate::graph::{ActorGraph, Relation};
use crate::model::{ActorKind, Agreement, Alignment, Dataset, PlaceKind};
use dot_writer::{Attributes, DotWriter, Scope};
use std::collections::{BTreeMap, BTreeSet};

pub use crate::export::text::escape;

/// Which names label the nodes (and which language titles and legends use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Labels {
    #[default]
    En,
    Ar,
    /// English on the first line, Arabic on the second.
    Both,
}

/// Graphviz layout engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Layout {
    /// dot for up to 25 nodes, fdp for more (the file names the engine chosen).
    #[default]
    Auto,
    /// Layered (hierarchical); good for small slices; draws clusters.
    Dot,
    /// Spring model (stress majorisation); good for the whole network.
    Neato,
    /// Spring model with clusters.
    Fdp,
    /// Multiscale spring model for large graphs.
    Sfdp,
    /// Circular.
    Circo,
    /// Radial.
    Twopi,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Auto => "auto",
            Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Fdp => "fdp",
            Layout::Sfdp => "sfdp",
            Layout::Circo => "circo",
            Layout::Twopi => "twopi",
        }
    }

    /// Whether the engine lays out and draws clusters (and so the legend box).
    pub fn draws_clusters(self) -> bool {
        matches!(self, Layout::Auto | Layout::Dot | Layout::Fdp)
    }

    /// The engine `auto` stands for with this many nodes.
    pub fn resolve(self, nodes: usize) -> Layout {
        match self {
            Layout::Auto if nodes <= AUTO_DOT_MAX => Layout::Dot,
            Layout::Auto => Layout::Fdp,
            l => l,
        }
    }

    /// Whether a rendered figure gets its legend laid out apart (with dot)
    /// and put beside the network: every engine but dot, since the spring
    /// and circular engines honour neither ranks nor (exactly) pinned
    /// positions.
    pub fn legend_apart(self) -> bool {
        !matches!(self, Layout::Auto | Layout::Dot)
    }
}

/// Largest number of nodes `--layout auto` draws with dot.
pub const AUTO_DOT_MAX: usize = 25;

/// How actors are grouped into clusters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClusterBy {
    /// One cluster per alignment.
    Alignment,
    /// One cluster per place of this kind: an actor goes to the place of
    /// that kind above (or at) its own place; an agreement (two-mode view) to
    /// the one above its first place. Actors without a place stay outside.
    Region(PlaceKind),
}

/// Node sizes from a measure, computed by the caller.
#[derive(Debug, Clone, Default)]
pub struct SizeBy {
    /// The measure's name, shown in the legend.
    pub measure: String,
    /// Score per actor id.
    pub scores: BTreeMap<String, f64>,
}

/// Options of one DOT document.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// Title (plain text; a line break starts a new line).
    pub title: String,
    /// Caption under the title (plain text).
    pub caption: String,
    pub labels: Labels,
    /// Relations drawn (actor graph) or roles drawn (two-mode: the roles
    /// behind these relations).
    pub relations: Vec<Relation>,
    pub legend: bool,
    pub layout: Layout,
    pub cluster_by: Option<ClusterBy>,
    pub size_by: Option<SizeBy>,
}

/// A finished DOT document and what it contains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawing {
    pub dot: String,
    /// Actor nodes.
    pub actors: usize,
    /// Agreement nodes (two-mode view), else 0.
    pub agreements: usize,
    /// Edges drawn (legend excluded).
    pub edges: usize,
    /// For engines that honour neither ranks nor pinned positions (neato,
    /// sfdp, circo, twopi): the network without the legend, and the legend
    /// alone (laid out with dot), so that a renderer can put the legend
    /// beside the network. `None` when not needed.
    pub apart: Option<(String, String)>,
}

// ---- the intermediate figure: nodes, edges, clusters ----

/// An attribute value: text to escape and quote, a bare keyword or number,
/// or an HTML-like label (already escaped).
#[derive(Debug, Clone)]
enum Val {
    Text(String),
    Bare(String),
    Html(String),
}

type Attrs = Vec<(&'static str, Val)>;

fn t(s: impl Into<String>) -> Val {
    Val::Text(s.into())
}
fn b(s: impl Into<String>) -> Val {
    Val::Bare(s.into())
}

#[derive(Debug, Clone)]
struct Node {
    id: String,
    attrs: Attrs,
    cluster: Option<String>,
}

#[derive(Debug, Clone)]
struct Edge {
    a: String,
    b: String,
    attrs: Attrs,
}

#[derive(Debug, Clone)]
struct Cluster {
    label: String,
}

#[derive(Debug, Default)]
struct Figure {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    clusters: BTreeMap<String, Cluster>,
}

// ---- labels ----

fn label_lines(en: &str, ar: &str, labels: Labels) -> String {
    let mut lines = Vec::new();
    if labels != Labels::Ar {
        lines.extend(directed_lines(en, Dir::Ltr));
    }
    if labels != Labels::En {
        lines.extend(directed_lines(ar, Dir::Rtl));
    }
    lines.join("\n")
}

fn kind_label(k: ActorKind, labels: Labels) -> String {
    label_lines(k.as_str(), style::kind_ar(k), labels)
}

fn alignment_label(a: Alignment, labels: Labels) -> String {
    label_lines(a.as_str(), style::alignment_ar(a), labels)
}

fn relation_label(r: Relation, labels: Labels) -> String {
    label_lines(r.as_str(), style::relation_ar(r), labels)
}

fn actor_attrs(ds: &Dataset, id: &str, opts: &DotOptions) -> Attrs {
    let (label, kind, al, tip) = match ds.actors.get(id) {
        Some(a) => (
            label_lines(&a.name_en, &a.name_ar, opts.labels),
            a.kind,
            a.alignment,
            format!("{} — {} ({}, {})", a.id, a.name_en, a.kind, a.alignment),
        ),
        None => (
            id.to_string(),
            ActorKind::Individual,
            Alignment::LocalMediator,
            id.to_string(),
        ),
    };
    let look = style::alignment_look(al);
    let mut attrs: Attrs = vec![
        ("label", t(label)),
        ("shape", b(style::shape(kind))),
        ("fillcolor", t(look.fill)),
        ("fontcolor", t(look.font)),
    ];
    if look.outline != Outline::Solid {
        attrs.push(("style", t(format!("filled,{}", look.outline.as_str()))));
    }
    let mut tip = tip;
    if let Some(sb) = &opts.size_by {
        let max = sb.scores.values().cloned().fold(0.0, f64::max);
        let score = sb.scores.get(id).copied().unwrap_or(0.0);
        attrs.push((
            "fontsize",
            b(format!("{:.1}", style::scaled_font_size(score, max))),
        ));
        tip.push_str(&format!("; {} {:.6}", sb.measure, score));
    }
    attrs.push(("tooltip", t(tip)));
    attrs
}

fn actor_cluster(ds: &Dataset, id: &str, by: Option<ClusterBy>) -> Option<(String, Cluster)> {
    let a = ds.actors.get(id)?;
    match by? {
        ClusterBy::Alignment => Some((
            format!("cluster_alignment_{}", ident(a.alignment.as_str())),
            Cluster {
                label: a.alignment.as_str().to_string(),
            },
        )),
        ClusterBy::Region(level) => place_cluster(ds, a.place.as_deref()?, level),
    }
}

/// A DOT identifier made from an id: a slug with `_` for `-`.
fn ident(id: &str) -> String {
    text::slug(id).replace('-', "_")
}

fn place_cluster(ds: &Dataset, place: &str, level: PlaceKind) -> Option<(String, Cluster)> {
    let p = ds
        .place_ancestors(place)
        .into_iter()
        .find(|p| p.kind == level)?;
    Some((
        format!("cluster_region_{}", ident(&p.id)),
        Cluster {
            label: format!("{}\n{}", p.name_en, p.name_ar),
        },
    ))
}

fn cluster_label(ds: &Dataset, key: &str, c: &Cluster, labels: Labels) -> String {
    if let Some(al) = key
        .strip_prefix("cluster_alignment_")
        .and_then(|s| Alignment::ALL.iter().find(|a| ident(a.as_str()) == s))
    {
        return alignment_label(*al, labels);
    }
    let _ = ds;
    let (en, ar) = c.label.split_once('\n').unwrap_or((&c.label, ""));
    label_lines(en, ar, labels)
}

fn edge_attrs(r: Relation, weight: usize, tooltip: String) -> Attrs {
    let look = style::relation_look(r);
    vec![
        ("style", b(look.style)),
        ("color", t(look.color)),
        ("dir", b(look.dir)),
        ("arrowhead", b(look.arrowhead)),
        ("arrowtail", b(look.arrowtail)),
        ("penwidth", b(format!("{:.2}", style::pen_width(weight)))),
        ("tooltip", t(tooltip)),
    ]
}

// ---- the two views ----

/// The actor graph of a slice: one node per actor with a tie in the chosen
/// relations, one edge per tie (actor pair and relation).
pub fn actor_graph(ds: &Dataset, graph: &ActorGraph, opts: &DotOptions) -> Drawing {
    let ties: Vec<_> = graph
        .ties
        .iter()
        .filter(|t| opts.relations.contains(&t.relation))
        .collect();
    let actors: BTreeSet<&str> = ties
        .iter()
        .flat_map(|t| [t.from.as_str(), t.to.as_str()])
        .collect();
    let index: BTreeMap<&str, usize> = actors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let mut fig = Figure::default();
    for (i, id) in actors.iter().enumerate() {
        let cluster = actor_cluster(ds, id, opts.cluster_by);
        if let Some((k, c)) = &cluster {
            fig.clusters.insert(k.clone(), c.clone());
        }
        fig.nodes.push(Node {
            id: format!("n{i}"),
            attrs: actor_attrs(ds, id, opts),
            cluster: cluster.map(|c| c.0),
        });
    }
    for tie in &ties {
        let tip = format!(
            "{} {} {}: {}",
            tie.from,
            tie.relation.as_str(),
            tie.to,
            tie.agreements.join(", ")
        );
        fig.edges.push(Edge {
            a: format!("n{}", index[tie.from.as_str()]),
            b: format!("n{}", index[tie.to.as_str()]),
            attrs: edge_attrs(tie.relation, tie.weight(), tip),
        });
    }
    let present = Present::of(ds, actors.iter().copied(), ties.iter().map(|t| t.relation));
    let (dot, apart) = emit(ds, &fig, &present, false, opts);
    Drawing {
        actors: actors.len(),
        agreements: 0,
        edges: ties.len(),
        dot,
        apart,
    }
}

/// The two-mode view: actors and agreements, one edge per participation in
/// a role behind the chosen relations (signatory, negotiator, guarantor,
/// mediator/sponsor/host). `keep_actor` drops actors (alignment filter).
/// Agreements with no drawn participation are left out.
pub fn two_mode(
    ds: &Dataset,
    agreements: &[&Agreement],
    keep_actor: &dyn Fn(&str) -> bool,
    opts: &DotOptions,
) -> Drawing {
    struct Part<'a> {
        actor: &'a str,
        agreement: usize,
        relation: Relation,
        role: &'static str,
    }
    let mut parts = Vec::new();
    let mut used = BTreeSet::new();
    for (ai, ag) in agreements.iter().enumerate() {
        for p in &ag.participants {
            let Some(r) = style::role_relation(p.role) else {
                continue;
            };
            let wanted = opts.relations.contains(&r)
                || (r == Relation::Signing && opts.relations.contains(&Relation::CoSigning));
            if wanted && keep_actor(&p.actor) {
                parts.push(Part {
                    actor: &p.actor,
                    agreement: ai,
                    relation: r,
                    role: p.role.as_str(),
                });
                used.insert(ai);
            }
        }
    }
    let actors: BTreeSet<&str> = parts.iter().map(|p| p.actor).collect();
    let index: BTreeMap<&str, usize> = actors.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let mut fig = Figure::default();
    for (i, id) in actors.iter().enumerate() {
        let cluster = match opts.cluster_by {
            Some(ClusterBy::Region(_)) => None,
            by => actor_cluster(ds, id, by),
        };
        if let Some((k, c)) = &cluster {
            fig.clusters.insert(k.clone(), c.clone());
        }
        fig.nodes.push(Node {
            id: format!("n{i}"),
            attrs: actor_attrs(ds, id, opts),
            cluster: cluster.map(|c| c.0),
        });
    }
    // Agreement node ids follow the order of `agreements` (by date).
    let mut agreement_ids = BTreeMap::new();
    for ai in &used {
        let ag = agreements[*ai];
        let id = format!("a{}", agreement_ids.len());
        agreement_ids.insert(*ai, id.clone());
        let cluster = match opts.cluster_by {
            Some(ClusterBy::Region(level)) => {
                ag.places.first().and_then(|p| place_cluster(ds, p, level))
            }
            _ => None,
        };
        if let Some((k, c)) = &cluster {
            fig.clusters.insert(k.clone(), c.clone());
        }
        fig.nodes.push(Node {
            id,
            attrs: vec![
                ("label", t(ag.date.text.clone())),
                ("shape", b("box")),
                ("fillcolor", t("#FFFFFF")),
                ("fontsize", b("9")),
                (
                    "tooltip",
                    t(format!("{} ({}): {}", ag.id, ag.date.text, ag.title)),
                ),
            ],
            cluster: cluster.map(|c| c.0),
        });
    }
    for p in &parts {
        let look_rel = p.relation;
        let mut attrs = edge_attrs(
            look_rel,
            1,
            format!("{} {} {}", p.actor, p.role, agreements[p.agreement].id),
        );
        // Negotiators get a bar at the agreement end only.
        if look_rel == Relation::Negotiating {
            attrs.retain(|(k, _)| *k != "dir" && *k != "arrowtail");
            attrs.push(("dir", b("forward")));
        }
        fig.edges.push(Edge {
            a: format!("n{}", index[p.actor]),
            b: agreement_ids[&p.agreement].clone(),
            attrs,
        });
    }
    let present = Present::of(ds, actors.iter().copied(), parts.iter().map(|p| p.relation));
    let (dot, apart) = emit(ds, &fig, &present, true, opts);
    Drawing {
        actors: actors.len(),
        agreements: used.len(),
        edges: parts.len(),
        dot,
        apart,
    }
}

// ---- legend ----

/// What the legend lists: only what the figure shows.
struct Present {
    kinds: BTreeSet<ActorKind>,
    alignments: BTreeSet<Alignment>,
    relations: BTreeSet<Relation>,
}

impl Present {
    fn of<'a>(
        ds: &Dataset,
        actors: impl Iterator<Item = &'a str>,
        relations: impl Iterator<Item = Relation>,
    ) -> Present {
        let mut kinds = BTreeSet::new();
        let mut alignments = BTreeSet::new();
        for a in actors.filter_map(|id| ds.actors.get(id)) {
            kinds.insert(a.kind);
            alignments.insert(a.alignment);
        }
        Present {
            kinds,
            alignments,
            relations: relations.collect(),
        }
    }
}

fn legend(
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
            let mut attrs = edge_attrs(*r, 1, r.as_str().to_string());
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
    if let Some(sb) = &opts.size_by {
        columns.push(vec![vec![heading(
            "legend_head_size",
            &format!("Node size: {}", sb.measure),
            &format!("حجم العقدة: {}", sb.measure),
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

/// Rough size in inches of a legend node, from its label.
fn estimated_size(n: &Node) -> (f64, f64) {
    let get = |key: &str| {
        n.attrs.iter().find_map(|(k, v)| match v {
            Val::Text(s) | Val::Bare(s) if *k == key => Some(s.clone()),
            _ => None,
        })
    };
    if get("shape").as_deref() == Some("point") {
        return (0.05, 0.05);
    }
    let label = get("label").unwrap_or_default();
    let chars = label.lines().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
    let lines = label.lines().count().max(1) as f64;
    (0.075 * chars + 0.45, 0.17 * lines + 0.25)
}

/// Pins the legend grid with `pos="x,y!"` (inches) for engines that honour
/// pinned nodes but not ranks (fdp).
fn pin(columns: &[Vec<Vec<Node>>], grid: &mut [Vec<Node>], sample_height: f64) {
    let cell_size = |cell: &[Node]| -> (f64, f64) {
        if cell.len() > 1 {
            // A relation sample: its label sits on the edge between two points.
            (1.4, sample_height)
        } else {
            cell.first().map_or((0.0, 0.0), estimated_size)
        }
    };
    let height = grid.len();
    let widths: Vec<f64> = columns
        .iter()
        .map(|c| c.iter().map(|cell| cell_size(cell).0).fold(0.3, f64::max))
        .collect();
    let heights: Vec<f64> = (0..height)
        .map(|r| {
            columns
                .iter()
                .filter_map(|c| c.get(r))
                .map(|cell| cell_size(cell).1)
                .fold(0.3, f64::max)
        })
        .collect();
    let mut pos: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let mut x = 0.0;
    for (ci, col) in columns.iter().enumerate() {
        let mut y = 0.0;
        for (r, cell) in col.iter().enumerate() {
            let cy = -(y + heights[r] / 2.0);
            if cell.len() > 1 {
                let step = (widths[ci] - 0.2) / (cell.len() - 1) as f64;
                for (i, n) in cell.iter().enumerate() {
                    pos.insert(n.id.clone(), (x + 0.1 + step * i as f64, cy));
                }
            } else if let Some(n) = cell.first() {
                pos.insert(n.id.clone(), (x + widths[ci] / 2.0, cy));
            }
            y += heights[r] + 0.12;
        }
        x += widths[ci] + 0.3;
    }
    for n in grid.iter_mut().flatten() {
        if let Some((px, py)) = pos.get(&n.id) {
            n.attrs.push(("pos", t(format!("{px:.2},{py:.2}!"))));
        }
    }
}

// ---- writing ----
//
// The document is written with dot-writer into an in-memory buffer (writes to
// a `Vec` cannot fail, so dot-writer's internal unwraps cannot fire). Node ids
// are generated (`n0`, `a0`, `legend_*`), every text value is escaped by
// `text::escape` before dot-writer quotes it, and HTML-like labels are passed
// unquoted. dot-writer names clusters itself (`cluster_0`, …), so each cluster
// also carries its stable identity in the `id` attribute (`cluster_legend`,
// `cluster_alignment_opposition`, …).

/// Writes one attribute through dot-writer's `Attributes` API.
fn put<A: Attributes>(target: &mut A, key: &str, v: &Val) {
    match v {
        Val::Text(s) => target.set(key, &text::escape(s), true),
        Val::Bare(s) => target.set(key, s, false),
        Val::Html(s) => target.set(key, &format!("<{s}>"), false),
    };
}

fn put_all<A: Attributes>(target: &mut A, attrs: &Attrs) {
    for (k, v) in attrs {
        put(target, k, v);
    }
}

fn write_nodes(scope: &mut Scope, nodes: &[&Node]) {
    for n in nodes {
        let mut node = scope.node_named(n.id.as_str());
        put_all(&mut *node, &n.attrs);
    }
}

fn write_edges(scope: &mut Scope, edges: &[Edge]) {
    for e in edges {
        let mut attrs = scope.edge(e.a.as_str(), e.b.as_str()).attributes();
        put_all(&mut attrs, &e.attrs);
    }
}

/// Builds a whole DOT document in memory with dot-writer.
fn document(write: impl FnOnce(&mut Scope)) -> String {
    let mut buf: Vec<u8> = Vec::new();
    {
        let mut writer = DotWriter::from(&mut buf);
        writer.set_pretty_print(true);
        let mut graph = writer.graph();
        write(&mut graph);
    }
    // Every value written is a Rust string, so the buffer is UTF-8.
    String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The DOT text of a figure; for engines that need it, also the network
/// without the legend and the legend on its own (see [`Drawing::apart`]).
fn emit(
    ds: &Dataset,
    fig: &Figure,
    present: &Present,
    two_mode: bool,
    opts: &DotOptions,
) -> (String, Option<(String, String)>) {
    let layout = opts.layout.resolve(fig.nodes.len());
    let with_legend = opts.legend && !fig.nodes.is_empty();
    let full = document(|g| {
        header(g, opts, layout, fig.nodes.len());
        body(g, ds, fig, opts, layout);
        if with_legend {
            legend_block(g, present, two_mode, layout != Layout::Dot, opts);
        }
    });
    let apart = (with_legend && layout.legend_apart()).then(|| {
        let main = document(|g| {
            header(g, opts, layout, fig.nodes.len());
            body(g, ds, fig, opts, layout);
        });
        let plain = DotOptions {
            title: String::new(),
            caption: String::new(),
            ..opts.clone()
        };
        let leg = document(|g| {
            header(g, &plain, Layout::Dot, 0);
            legend_block(g, present, two_mode, false, opts);
        });
        (main, leg)
    });
    (full, apart)
}

/// `graph {` and the default attributes of the graph, nodes and edges.
fn header(g: &mut Scope, opts: &DotOptions, layout: Layout, nodes: usize) {
    let mut graph_attrs: Attrs = Vec::new();
    if !opts.title.is_empty() || !opts.caption.is_empty() {
        let title = text::html(&opts.title);
        let caption = text::html(&opts.caption);
        graph_attrs.push((
            "label",
            Val::Html(format!(
                "<B><FONT POINT-SIZE=\"16\">{title}</FONT></B><BR/><FONT POINT-SIZE=\"10\" COLOR=\"#333333\">{caption}</FONT>"
            )),
        ));
        graph_attrs.push(("labelloc", b("t")));
    }
    graph_attrs.push(("fontname", t(FONT)));
    graph_attrs.push(("layout", b(layout.as_str())));
    match layout {
        Layout::Auto | Layout::Dot => {
            graph_attrs.push(("nodesep", b("0.25")));
            graph_attrs.push(("ranksep", b("0.5")));
        }
        Layout::Neato | Layout::Fdp | Layout::Sfdp => {
            // A fixed seed, and for fdp overlap removal without prism (which is not
            // repeatable there): the same DOT file always gives the same drawing.
            graph_attrs.push(("start", b("1")));
            let overlap = if layout == Layout::Fdp {
                "false"
            } else {
                "prism"
            };
            graph_attrs.push(("overlap", b(overlap)));
            graph_attrs.push(("sep", t("+6")));
            graph_attrs.push(("pack", b("true")));
        }
        Layout::Circo | Layout::Twopi => {
            graph_attrs.push(("overlap", b("false")));
        }
    }
    // Routed splines avoid nodes; with the spring engines they cost ~15 s on
    // the whole network, so large figures get curved edges (under a second).
    let routed = matches!(layout, Layout::Auto | Layout::Dot) || nodes <= SPLINES_MAX;
    graph_attrs.push(("splines", b(if routed { "true" } else { "curved" })));
    graph_attrs.push(("outputorder", b("edgesfirst")));
    put_all(&mut g.graph_attributes(), &graph_attrs);
    put_all(
        &mut g.node_attributes(),
        &vec![
            ("fontname", t(FONT)),
            ("fontsize", b("10")),
            ("style", b("filled")),
            ("penwidth", b("1.4")),
            ("margin", t("0.08,0.04")),
        ],
    );
    put_all(
        &mut g.edge_attributes(),
        &vec![("fontname", t(FONT)), ("fontsize", b("9"))],
    );
}

/// Largest figure (nodes) drawn with routed splines by the spring engines.
const SPLINES_MAX: usize = 60;

/// Clusters, nodes and edges of the figure.
fn body(g: &mut Scope, ds: &Dataset, fig: &Figure, opts: &DotOptions, layout: Layout) {
    let clustered = layout.draws_clusters();
    for (key, c) in &fig.clusters {
        let members: Vec<&Node> = fig
            .nodes
            .iter()
            .filter(|n| n.cluster.as_deref() == Some(key.as_str()))
            .collect();
        if clustered {
            let mut cluster = g.cluster();
            put_all(
                &mut cluster,
                &vec![
                    ("id", t(key.clone())),
                    ("label", t(cluster_label(ds, key, c, opts.labels))),
                    ("style", t("rounded,dashed")),
                    ("color", t("#888888")),
                    ("fontname", t(FONT)),
                    ("fontsize", b("11")),
                ],
            );
            write_nodes(&mut cluster, &members);
        } else {
            write_nodes(g, &members);
        }
    }
    let loose: Vec<&Node> = fig.nodes.iter().filter(|n| n.cluster.is_none()).collect();
    write_nodes(g, &loose);
    write_edges(g, &fig.edges);
}

/// The legend cluster: rows are ranks (dot); `pinned` also fixes every node
/// with `pos` (fdp, neato).
fn legend_block(g: &mut Scope, present: &Present, two_mode: bool, pinned: bool, opts: &DotOptions) {
    let (rows, edges) = legend(present, two_mode, pinned, opts);
    let mut c = g.cluster();
    put_all(
        &mut c,
        &vec![
            ("id", t(LEGEND_ID)),
            (
                "label",
                t(label_lines("Legend", "مفتاح الرسم", opts.labels)),
            ),
            ("fontname", t(FONT)),
            ("fontsize", b("12")),
            ("style", t("rounded")),
            ("color", t("#999999")),
            ("margin", b("10")),
        ],
    );
    put_all(&mut c.node_attributes(), &vec![("fontsize", b("9"))]);
    for row in &rows {
        let mut s = c.subgraph();
        s.set("rank", "same", false);
        write_nodes(&mut s, &row.iter().collect::<Vec<_>>());
    }
    write_edges(&mut c, &edges);
}

/// The `id` attribute that marks the legend cluster (dot-writer numbers the
/// cluster itself); the renderer looks the legend up by it.
pub const LEGEND_ID: &str = "cluster_legend";
