//! Graphviz DOT: the figure exporter.
//!
//! [`DotExporter`] writes a [`View`] as one DOT document styled for print:
//! node shape by actor kind, fill by alignment, line style by relation, a
//! legend of what the figure shows, and a title and caption that name the
//! slice, its counts (taken from the view) and its sources. The parts:
//! `figure` turns the view into nodes, edges and clusters with their
//! attributes; `legend` builds the legend grid and `layout` pins it for
//! the spring engines; `writer` writes the document through dot-writer.
//! Every label and tooltip goes through [`crate::export::text::escape`] (or
//! `text::html` for the HTML-like title), so no name can break the syntax.
//! [`page`] is the page a figure is drawn for and [`fit`] the search that
//! makes a rendered figure fit it with legible text.

mod figure;
pub mod fit;
mod layout;
mod legend;
pub mod page;
mod writer;

pub use fit::{LegendShape, Tune};
pub use page::{Orientation, Page, PageSize, PageSizeError};

use crate::analysis::centrality::Measure;
use crate::error::{Error, Result};
use crate::export::caption::{self, Counts};
use crate::export::view::View;
use crate::export::Exporter;
use crate::model::Dataset;
use crate::slice::Slice;
use std::io::Write;
use std::sync::Arc;

/// Which names label the nodes (and which language titles and legends use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Labels {
    #[default]
    En,
    Ar,
    /// English on the first line, Arabic on the second.
    Both,
}

/// Graphviz layout engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
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

/// The `id` attribute that marks the legend cluster (dot-writer numbers the
/// cluster itself); the renderer looks the legend up by it.
pub const LEGEND_ID: &str = "cluster_legend";

/// How a figure looks, as asked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DotStyle {
    pub labels: Labels,
    /// Draw the legend.
    pub legend: bool,
    pub layout: Layout,
    /// A title instead of the generated one (a batch appends the part's name).
    pub title: Option<String>,
    /// Scale node labels by this measure (one of the view's measures).
    pub size_by: Option<Measure>,
    /// The page to draw for; `None` draws at the natural size.
    pub page: Option<Page>,
}

/// Options of one DOT document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DotOptions {
    /// Title (plain text; a line break starts a new line).
    pub title: String,
    /// Caption under the title (plain text).
    pub caption: String,
    pub labels: Labels,
    pub legend: bool,
    pub layout: Layout,
    /// Index into the view's measures and the measure's name.
    pub size_by: Option<(usize, String)>,
    /// The page the DOT file is written for (its `size` and `margin`).
    pub page: Option<Page>,
    /// Spacing, label wrapping, font scale and engine: what the page
    /// fitting varies ([`Tune::default`] is the figure as asked).
    pub tune: Tune,
}

/// A finished DOT document.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub dot: String,
    /// For engines that honour neither ranks nor pinned positions (neato,
    /// sfdp, circo, twopi): the network without the legend, and the legend
    /// alone (laid out with dot), so that a renderer can put the legend
    /// beside the network. `None` when not needed.
    pub apart: Option<(String, String)>,
    /// The page to fit the rendered figure to, if any.
    pub page: Option<Page>,
    /// What the drawing was made from, so that the fitting can draw it
    /// again with another [`Tune`].
    source: Option<Arc<Source>>,
}

/// The view and options a drawing was made from.
#[derive(Debug)]
struct Source {
    view: View,
    options: DotOptions,
}

impl PartialEq for Drawing {
    fn eq(&self, other: &Drawing) -> bool {
        self.dot == other.dot && self.apart == other.apart && self.page == other.page
    }
}

/// The network and the legend of a figure as separate DOT documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    /// The network with the title and caption.
    pub main: String,
    /// The legend alone (laid out with dot); `None` without a legend.
    pub legend: Option<String>,
}

impl Drawing {
    /// The network and the legend apart, drawn with `tune` (and the legend
    /// in `shape`); `None` for a drawing not made by [`DotExporter`].
    pub fn parts(&self, tune: &Tune, shape: LegendShape) -> Option<Parts> {
        let src = self.source.as_ref()?;
        let options = DotOptions {
            tune: *tune,
            ..src.options.clone()
        };
        let fig = figure::figure(&src.view, &options);
        let present = legend::Present::of(&src.view);
        let (main, legend) =
            writer::parts(&fig, &present, src.view.options.two_mode, &options, shape);
        Some(Parts { main, legend })
    }

    /// The options the drawing was made with.
    pub fn options(&self) -> Option<&DotOptions> {
        self.source.as_ref().map(|s| &s.options)
    }

    /// Number of nodes of the network (actors and agreements).
    pub fn node_count(&self) -> usize {
        self.source.as_ref().map_or(0, |s| s.view.nodes.len())
    }

    /// Whether the view groups nodes in clusters.
    pub fn clustered(&self) -> bool {
        self.source
            .as_ref()
            .is_some_and(|s| s.view.options.cluster_by.is_some())
    }
}

/// Writes views as Graphviz DOT.
#[derive(Debug, Clone)]
pub struct DotExporter {
    pub options: DotOptions,
}

impl DotExporter {
    /// The exporter for the view of a slice: the title names the slice (or
    /// is `style.title`, with `part` appended in a batch) and the caption
    /// gives the view's counts and the documents its agreements cite.
    pub fn new(
        ds: &Dataset,
        slice: &Slice,
        view: &View,
        style: &DotStyle,
        part: Option<&str>,
    ) -> Result<DotExporter> {
        let title = match (&style.title, part) {
            (Some(t), Some(p)) => format!("{t} — {p}"),
            (Some(t), None) => t.clone(),
            (None, _) => caption::title(ds, slice, style.labels),
        };
        let names: Vec<&str> = view.options.relations.iter().map(|r| r.as_str()).collect();
        let what = if view.options.two_mode {
            format!("participations ({})", names.join(", "))
        } else {
            format!("ties ({})", names.join(", "))
        };
        let caption = caption::caption(
            ds,
            &view.agreements_in(ds),
            Counts {
                agreements: view.agreements.len(),
                actors: view.actor_count(),
                edges: view.edges.len(),
            },
            &what,
            style.labels,
        );
        DotExporter::with(view, style, title, caption)
    }

    /// The exporter for the view of a network read from files: the title
    /// is `style.title` or names the file; the caption counts nodes and
    /// ties and names the file.
    pub fn for_network(view: &View, style: &DotStyle) -> Result<DotExporter> {
        let name = view.network.as_deref().unwrap_or("");
        let title = match &style.title {
            Some(t) => t.clone(),
            None => format!("Network: {name}"),
        };
        let caption = format!(
            "{} nodes, {} ties\nData: {name} (musalaha {})",
            view.nodes.len(),
            view.edges.len(),
            env!("CARGO_PKG_VERSION")
        );
        DotExporter::with(view, style, title, caption)
    }

    fn with(view: &View, style: &DotStyle, title: String, caption: String) -> Result<DotExporter> {
        let size_by = match style.size_by {
            Some(m) => {
                let i = view.measures.iter().position(|x| x == m.as_str()).ok_or(
                    Error::NoFiniteScore {
                        measure: m.as_str(),
                    },
                )?;
                let actors: Vec<f64> = view
                    .nodes
                    .iter()
                    .filter(|n| matches!(n.kind, crate::export::view::NodeKind::Actor(_)))
                    .filter_map(|n| n.scores.get(i).copied())
                    .collect();
                if !actors.is_empty() && !actors.iter().any(|x| x.is_finite()) {
                    return Err(Error::NoFiniteScore {
                        measure: m.as_str(),
                    });
                }
                Some((i, m.as_str().to_string()))
            }
            None => None,
        };
        Ok(DotExporter {
            options: DotOptions {
                title,
                caption,
                labels: style.labels,
                legend: style.legend,
                layout: style.layout,
                size_by,
                page: style.page,
                tune: Tune::for_page(style.page.as_ref()),
            },
        })
    }

    /// The DOT document of a view (and, for engines that need it, the
    /// network and the legend apart).
    pub fn drawing(&self, view: &View) -> Drawing {
        let fig = figure::figure(view, &self.options);
        let present = legend::Present::of(view);
        let (dot, apart) = writer::emit(&fig, &present, view.options.two_mode, &self.options);
        let page = self.options.page;
        Drawing {
            dot,
            apart,
            page,
            source: page.map(|_| {
                Arc::new(Source {
                    view: view.clone(),
                    options: self.options.clone(),
                })
            }),
        }
    }
}

impl Exporter for DotExporter {
    fn name(&self) -> &'static str {
        "DOT"
    }
    fn extension(&self) -> &'static str {
        "dot"
    }
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(self.drawing(view).dot.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::view::{NodeKind, ViewAgreement, ViewEdge, ViewNode, ViewOptions};
    use crate::graph::Relation;
    use crate::model::{ActorKind, AgreementKind, Alignment, FuzzyDate};

    fn node(id: &str, name: &str, kind: ActorKind, al: Alignment) -> ViewNode {
        ViewNode {
            id: id.into(),
            kind: NodeKind::Actor(Some(kind)),
            alignment: Some(al),
            name_en: name.into(),
            name_ar: "اسم".into(),
            place: None,
            cluster: None,
            scores: vec![],
            agreements: vec![0, 1],
            span: None,
            other_kind: None,
            group: None,
            dates: vec![],
        }
    }

    fn edge(s: usize, t: usize, r: Relation, inferred: Vec<usize>) -> ViewEdge {
        ViewEdge {
            source: s,
            target: t,
            relation: r,
            roles: vec![],
            directed: r.is_directed(),
            weight: 1.0,
            agreements: vec![0],
            inferred,
            span: None,
            kind: None,
            dates: vec![],
        }
    }

    /// Three actors, a stated signing tie and a guaranteeing tie that rests
    /// only on an inferred role.
    fn view() -> View {
        let ag = |id: &str| ViewAgreement {
            id: id.into(),
            title: id.into(),
            title_ar: None,
            date: FuzzyDate::parse("2017-03-01").unwrap(),
            kind: AgreementKind::LocalTruce,
            status: crate::model::Status::Signed,
            places: vec![],
        };
        View {
            options: ViewOptions::default(),
            nodes: vec![
                node(
                    "a",
                    "Opposition factions of the northern countryside",
                    ActorKind::ArmedFaction,
                    Alignment::Opposition,
                ),
                node("b", "Government", ActorKind::State, Alignment::Regime),
                node("c", "Guarantor", ActorKind::State, Alignment::RegimeAlly),
            ],
            edges: vec![
                edge(0, 1, Relation::Signing, vec![]),
                edge(2, 0, Relation::Guaranteeing, vec![0]),
            ],
            agreements: vec![ag("x1"), ag("x2")],
            measures: vec![],
            slice: String::new(),
            network: None,
        }
    }

    fn exporter(page: Option<Page>) -> DotExporter {
        DotExporter {
            options: DotOptions {
                title: "T".into(),
                legend: true,
                page,
                tune: Tune::for_page(page.as_ref()),
                ..DotOptions::default()
            },
        }
    }

    #[test]
    fn the_dot_file_carries_the_page() {
        let d = exporter(Some(Page::default())).drawing(&view());
        assert!(d.dot.contains("size=\"10.906,7.480\""), "{}", d.dot);
        assert!(d.dot.contains("margin=\"0.394\""), "{}", d.dot);
        assert!(d.dot.contains("ratio=compress"), "{}", d.dot);
        assert_eq!(d.page, Some(Page::default()));
        // The parts for the renderer have no page: the fitting sets it.
        let p = d.parts(&Tune::default(), LegendShape::Wide).unwrap();
        assert!(!p.main.contains(" size=\"") && p.legend.is_some());
        // Without a page: no size, no source to draw again.
        let d = exporter(None).drawing(&view());
        assert!(!d.dot.contains(" size=\""));
        assert!(d.parts(&Tune::default(), LegendShape::Wide).is_none());
    }

    #[test]
    fn only_the_inferred_tie_is_marked_and_the_legend_says_so() {
        let d = exporter(None).drawing(&view());
        let lines: Vec<&str> = d.dot.lines().filter(|l| l.contains(" -- n")).collect();
        assert_eq!(lines.len(), 2, "{}", d.dot);
        let marked: Vec<&&str> = lines
            .iter()
            .filter(|l| l.contains("xlabel=\"?\""))
            .collect();
        assert_eq!(marked.len(), 1, "{lines:?}");
        assert!(marked[0].starts_with("  n2 -- n0"), "{}", marked[0]);
        assert!(marked[0].contains("(inferred by the coders: x1)"));
        assert!(marked[0].contains("style=dashed") && marked[0].contains("#8F8F8F"));
        assert!(d.dot.contains("? inferred by the coders"), "{}", d.dot);
    }

    #[test]
    fn tunes_wrap_labels_scale_fonts_and_tighten_spacing() {
        let d = exporter(Some(Page::default())).drawing(&view());
        let tune = Tune {
            compact: 2,
            wrap: Some(14),
            font_scale: 1.5,
            engine: Some(Layout::Neato),
            splines: Some("false"),
        };
        let p = d.parts(&tune, LegendShape::Tall).unwrap();
        assert!(
            p.main
                .contains("label=\"Opposition\\nfactions of\\nthe northern\\ncountryside\""),
            "{}",
            p.main
        );
        assert!(p.main.contains("fontsize=15.0") && p.main.contains("POINT-SIZE=\"15\""));
        assert!(p.main.contains("layout=neato") && p.main.contains("sep=\"+1\""));
        assert!(p.main.contains("splines=false"));
        // The tall legend stacks alignments and ties in one column: fewer
        // rank rows side by side than the wide one has columns.
        let wide = d.parts(&tune, LegendShape::Wide).unwrap().legend.unwrap();
        let tall = p.legend.unwrap();
        assert_ne!(wide, tall);
        assert!(tall.matches("rank=same").count() > wide.matches("rank=same").count());
    }

    #[test]
    fn wrapping_balances_lines() {
        use figure::wrap;
        assert_eq!(wrap("Government", 14), "Government");
        assert_eq!(
            wrap(
                "Opposition factions of the northern Homs and southern Hama countryside",
                20
            ),
            "Opposition factions\nof the northern Homs\nand southern Hama\ncountryside"
        );
        // A long word stays whole; existing breaks stay.
        assert_eq!(wrap("Supercalifragilistic x", 5), "Supercalifragilistic\nx");
        assert_eq!(wrap("a b\nc d", 1), "a\nb\nc\nd");
        assert_eq!(wrap("", 3), "");
    }
}
