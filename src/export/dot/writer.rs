//! Writing DOT with dot-writer.
//!
//! The document is written with dot-writer into an in-memory buffer (writes to
//! a `Vec` cannot fail, so dot-writer's internal unwraps cannot fire). Node ids
//! are generated (`n0`, `a0`, `legend_*`), every text value is escaped by
//! `text::escape` before dot-writer quotes it, and HTML-like labels are passed
//! unquoted. dot-writer names clusters itself (`cluster_0`, …), so each cluster
//! also carries its stable identity in the `id` attribute (`cluster_legend`,
//! `cluster_alignment_opposition`, …).

use super::figure::{b, label_lines, t, Attrs, Edge, Figure, Node, Val};
use super::legend::{legend, Present};
use super::{DotOptions, Layout, LEGEND_ID};
use crate::export::style::FONT;
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

/// The DOT text of a figure; for engines that need it, also the network
/// without the legend and the legend on its own (see [`Drawing::apart`]).
pub(super) fn emit(
    fig: &Figure,
    present: &Present,
    two_mode: bool,
    opts: &DotOptions,
) -> (String, Option<(String, String)>) {
    let layout = opts.layout.resolve(fig.nodes.len());
    let with_legend = opts.legend && !fig.nodes.is_empty();
    let full = document(|g| {
        header(g, opts, layout, fig.nodes.len());
        body(g, fig, layout);
        if with_legend {
            legend_block(g, present, two_mode, layout != Layout::Dot, opts);
        }
    });
    let apart = (with_legend && layout.legend_apart()).then(|| {
        let main = document(|g| {
            header(g, opts, layout, fig.nodes.len());
            body(g, fig, layout);
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
fn body(g: &mut Scope, fig: &Figure, layout: Layout) {
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
