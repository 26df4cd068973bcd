//! Writing DOT with dot-writer.
//!
//! The document is written with dot-writer into an in-memory buffer (writes to
//! a `Vec` cannot fail, so dot-writer's internal unwraps cannot fire). Node ids
//! are generated (`n0`, `a0`, `legend_*`), every text value is escaped by
//! `text::escape` before dot-writer quotes it, and HTML-like labels are passed
//! unquoted. dot-writer names clusters itself (`cluster_0`, …), so each cluster
//! also carries its stable identity in the `id` attribute (`cluster_legend`,
//! `cluster_alignment_opposition`, …).

use super::figure::{b, label_lines, pt, t, Attrs, Edge, Figure, Node, Val};
use super::legend::{legend, Present};
use super::{DotOptions, Layout, LegendShape, LEGEND_ID};
use crate::export::style::{FONT, TEXT_PT};
use crate::export::text;
use dot_writer::{Attributes, DotWriter, Scope};

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

/// The engine a figure is laid out with: the tune's, else the one asked
/// for (`auto` resolved by the number of nodes).
pub(super) fn engine(opts: &DotOptions, nodes: usize) -> Layout {
    opts.tune.engine.unwrap_or(opts.layout).resolve(nodes)
}

/// The DOT text of a figure; for engines that need it, also the network
/// without the legend and the legend on its own (see [`Drawing::apart`]).
pub(super) fn emit(
    fig: &Figure,
    present: &Present,
    two_mode: bool,
    opts: &DotOptions,
) -> (String, Option<(String, String)>) {
    let layout = engine(opts, fig.nodes.len());
    let with_legend = opts.legend && !fig.nodes.is_empty();
    let full = document(|g| {
        header(g, opts, layout, fig.nodes.len(), true);
        body(g, fig, layout, opts.tune.font_scale);
        if with_legend {
            legend_block(
                g,
                present,
                two_mode,
                layout != Layout::Dot,
                opts,
                LegendShape::Wide,
            );
        }
    });
    let apart = (with_legend && layout.legend_apart())
        .then(|| parts(fig, present, two_mode, opts, LegendShape::Wide));
    let apart = apart.map(|(main, leg)| (main, leg.unwrap_or_default()));
    (full, apart)
}

/// The network (with title and caption, without the page) and the legend
/// alone in `shape`, laid out with dot; no legend when there is none to draw.
pub(super) fn parts(
    fig: &Figure,
    present: &Present,
    two_mode: bool,
    opts: &DotOptions,
    shape: LegendShape,
) -> (String, Option<String>) {
    let layout = engine(opts, fig.nodes.len());
    let main = document(|g| {
        header(g, opts, layout, fig.nodes.len(), false);
        body(g, fig, layout, opts.tune.font_scale);
    });
    let with_legend = opts.legend && !fig.nodes.is_empty();
    let leg = with_legend.then(|| {
        let mut plain = DotOptions {
            title: String::new(),
            caption: String::new(),
            ..opts.clone()
        };
        // Fitted to a page, the legend's rows are packed tight (small node
        // minimums and margins), its cells kept apart.
        let page = opts.page.is_some();
        if page {
            plain.tune.compact = 2;
        }
        document(|g| {
            header(g, &plain, Layout::Dot, 0, false);
            if page {
                put_all(
                    &mut g.graph_attributes(),
                    &vec![("nodesep", b("0.2")), ("ranksep", b("0.15"))],
                );
            }
            legend_block(g, present, two_mode, false, opts, shape);
        })
    });
    (main, leg)
}

/// Spacing of each engine at each compaction level (0 as asked, 1, 2).
fn spacing(layout: Layout, compact: u8) -> Attrs {
    let c = usize::from(compact.min(2));
    let pick = |v: [&str; 3]| b(v[c]);
    match layout {
        Layout::Auto | Layout::Dot => vec![
            ("nodesep", pick(["0.25", "0.15", "0.08"])),
            ("ranksep", pick(["0.5", "0.3", "0.2"])),
        ],
        Layout::Neato | Layout::Fdp | Layout::Sfdp => {
            // A fixed seed, and for fdp overlap removal without prism (which is not
            // repeatable there): the same DOT file always gives the same drawing.
            let mut a: Attrs = vec![("start", b("1"))];
            if layout == Layout::Fdp {
                a.push(("overlap", b("false")));
                if c > 0 {
                    a.push(("K", pick(["0.3", "0.2", "0.12"])));
                }
            } else {
                a.push(("overlap", b("prism")));
                if c > 0 {
                    // Prism first spreads the layout by this many average node
                    // sizes (4 by default); less leaves less empty space.
                    a.push(("overlap_scaling", b("-1")));
                }
            }
            a.push(("sep", t(["+6", "+3", "+1"][c])));
            a.push(("pack", b("true")));
            a
        }
        Layout::Circo | Layout::Twopi => {
            let mut a: Attrs = vec![("overlap", b("false"))];
            if c > 0 {
                // Smaller than the defaults (circo 1 in between nodes, twopi
                // 0.5 in between circles).
                if layout == Layout::Circo {
                    a.push(("mindist", pick(["1.0", "0.6", "0.35"])));
                } else {
                    a.push(("ranksep", pick(["0.5", "0.35", "0.25"])));
                }
            }
            a
        }
    }
}

/// The spline setting of a figure: routed splines avoid nodes; with the
/// spring engines they cost ~15 s on the whole network, so large figures
/// get curved edges (under a second).
pub(super) fn splines_for(layout: Layout, nodes: usize) -> &'static str {
    let routed = matches!(layout, Layout::Auto | Layout::Dot) || nodes <= SPLINES_MAX;
    if routed {
        "true"
    } else {
        "curved"
    }
}

/// Inches with three decimals.
fn inches(x: f64) -> String {
    format!("{x:.3}")
}

/// `graph {` and the default attributes of the graph, nodes and edges; with
/// `page`, also the page the figure is drawn for (`size`, `margin`, and for
/// dot `ratio=compress`), when the options have one.
fn header(g: &mut Scope, opts: &DotOptions, layout: Layout, nodes: usize, page: bool) {
    let fs = opts.tune.font_scale;
    let mut graph_attrs: Attrs = Vec::new();
    if !opts.title.is_empty() || !opts.caption.is_empty() {
        let title = text::html(&opts.title);
        let caption = text::html(&opts.caption);
        graph_attrs.push((
            "label",
            Val::Html(format!(
                "<B><FONT POINT-SIZE=\"{:.0}\">{title}</FONT></B><BR/><FONT POINT-SIZE=\"{:.0}\" COLOR=\"#333333\">{caption}</FONT>",
                // HTML labels take whole points (a fraction is dropped).
                (16.0 * fs).ceil(),
                (TEXT_PT * fs).ceil()
            )),
        ));
        graph_attrs.push(("labelloc", b("t")));
    }
    graph_attrs.push(("fontname", t(FONT)));
    graph_attrs.push(("layout", b(layout.as_str())));
    graph_attrs.extend(spacing(layout, opts.tune.compact));
    let splines = opts
        .tune
        .splines
        .unwrap_or_else(|| splines_for(layout, nodes));
    graph_attrs.push(("splines", b(splines)));
    graph_attrs.push(("outputorder", b("edgesfirst")));
    if let (true, Some(p)) = (page, &opts.page) {
        // The drawing is scaled down to the page inside its margins; `dot
        // -Tpdf` of this file gives a figure no larger than the page.
        let (w, h) = p.drawable_in();
        graph_attrs.push(("size", t(format!("{},{}", inches(w), inches(h)))));
        graph_attrs.push(("margin", t(inches(p.margin_in()))));
        if matches!(layout, Layout::Auto | Layout::Dot) {
            graph_attrs.push(("ratio", b("compress")));
        }
    }
    put_all(&mut g.graph_attributes(), &graph_attrs);
    let mut node_attrs: Attrs = vec![
        ("fontname", t(FONT)),
        ("fontsize", pt(TEXT_PT, opts)),
        ("style", b("filled")),
        ("penwidth", b("1.4")),
    ];
    match opts.tune.compact {
        0 => node_attrs.push(("margin", t("0.08,0.04"))),
        // Smaller minimum node sizes (0.75 × 0.5 in by default) and margins.
        c => {
            node_attrs.push(("margin", t(if c == 1 { "0.06,0.03" } else { "0.04,0.02" })));
            node_attrs.push(("width", b("0.3")));
            node_attrs.push(("height", b("0.3")));
        }
    }
    put_all(&mut g.node_attributes(), &node_attrs);
    put_all(
        &mut g.edge_attributes(),
        &vec![("fontname", t(FONT)), ("fontsize", pt(TEXT_PT, opts))],
    );
}

/// Largest figure (nodes) drawn with routed splines by the spring engines.
const SPLINES_MAX: usize = 60;

/// Clusters, nodes and edges of the figure.
fn body(g: &mut Scope, fig: &Figure, layout: Layout, fs: f64) {
    let clustered = layout.draws_clusters();
    for (key, label) in &fig.clusters {
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
                    ("label", t(label.clone())),
                    ("style", t("rounded,dashed")),
                    ("color", t("#888888")),
                    ("fontname", t(FONT)),
                    ("fontsize", b(format!("{:.1}", 11.0 * fs))),
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
fn legend_block(
    g: &mut Scope,
    present: &Present,
    two_mode: bool,
    pinned: bool,
    opts: &DotOptions,
    shape: LegendShape,
) {
    let (rows, edges) = legend(present, two_mode, pinned, opts, shape);
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
            ("fontsize", b(format!("{:.1}", 12.0 * opts.tune.font_scale))),
            ("style", t("rounded")),
            ("color", t("#999999")),
            ("margin", b("10")),
        ],
    );
    put_all(
        &mut c.node_attributes(),
        &vec![("fontsize", pt(TEXT_PT, opts))],
    );
    for row in &rows {
        let mut s = c.subgraph();
        s.set("rank", "same", false);
        write_nodes(&mut s, &row.iter().collect::<Vec<_>>());
    }
    write_edges(&mut c, &edges);
}
