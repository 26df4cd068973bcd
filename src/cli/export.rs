//! `musalaha export dot|graphml|gexf|json|cyjs|csv`: write the actor graph
//! (or the two-mode view) of a slice as Graphviz DOT or in an interchange
//! format — one file (a folder for CSV), or one per region, year or period
//! with an index — and optionally render DOT files with Graphviz.

use super::args::{
    measures, relations, MeasureArg, NetworkArgs, RelationArg, SliceArgs, DEFAULT_RELATION_TEXT,
};
use super::words::Usage;
use crate::analysis::centrality::Measure;
use crate::export::batch::{self, Per};
use crate::export::dot::{DotStyle, Labels, Layout};
use crate::export::json::LinksKey;
use crate::export::render::ImageFormat;
use crate::export::view::{ClusterBy, View, ViewOptions};
use crate::export::{check_style, export_one, export_view, ExportFormat, Origin};
use crate::graph::Weighting;
use crate::model::{Dataset, PlaceKind};
use crate::output::Output;
use crate::slice::Slice;
use std::path::{Path, PathBuf};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// Graphviz DOT (render with `musalaha render`, `--render`, or `dot -Tsvg`).
    Dot,
    /// GraphML with typed keys (NetworkX read_graphml, igraph Read_GraphML, Gephi, yEd).
    Graphml,
    /// GEXF 1.3 with time (spells per agreement) for Gephi's timeline; NetworkX read_gexf.
    Gexf,
    /// Node-link JSON (NetworkX node_link_graph; D3 and NetworkX before 3.4 with --links-key links).
    Json,
    /// Cytoscape.js JSON (Cytoscape.js elements; Cytoscape desktop import).
    Cyjs,
    /// A folder of CSV tables: nodes, edges, participations, agreements, terms, ... (needs -o DIR).
    Csv,
}

impl Target {
    fn as_str(self) -> &'static str {
        match self {
            Target::Dot => "dot",
            Target::Graphml => "graphml",
            Target::Gexf => "gexf",
            Target::Json => "json",
            Target::Cyjs => "cyjs",
            Target::Csv => "csv",
        }
    }
}

/// How nodes are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClusterChoice {
    /// One box per alignment.
    Alignment,
    /// One box per place at --level (actors by their place; agreements by their first place).
    Region,
}

/// How a figure looks: shared by `export dot` and `render`.
#[derive(Debug, Clone, clap::Args)]
pub struct StyleArgs {
    /// Relations to draw (comma-separated), or all. Not with --edges, whose rows are all
    /// used.
    #[arg(long, value_delimiter = ',', default_value = DEFAULT_RELATION_TEXT, value_name = "RELATION", conflicts_with = "edges")]
    pub relation: Vec<RelationArg>,
    /// Edge weights written to the file: agreement count, Newman's collaboration weighting, or none.
    #[arg(long, value_enum, default_value_t, conflicts_with = "edges")]
    pub weighting: Weighting,
    /// Node labels, title and legend: English, Arabic, or both (one line each).
    #[arg(long, value_enum, default_value_t)]
    pub labels: Labels,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Scale node labels by a centrality measure (as in `musalaha centrality`), e.g. betweenness.
    #[arg(long, value_name = "MEASURE")]
    pub size_by: Option<Measure>,
    /// Group nodes in boxes by alignment or by region (with --layout auto, dot or fdp).
    #[arg(long, value_enum, value_name = "BY")]
    pub cluster_by: Option<ClusterChoice>,
    /// Level of the place hierarchy for --per region and --cluster-by region.
    #[arg(
        long,
        default_value = "governorate",
        value_name = "KIND",
        conflicts_with = "edges"
    )]
    pub level: PlaceKind,
    /// Graphviz layout engine; auto takes dot for small figures and fdp for large ones.
    #[arg(long, value_enum, default_value_t)]
    pub layout: Layout,
    /// Draw agreements as boxes labelled with their date, joined to the actors taking part.
    #[arg(long, conflicts_with = "edges")]
    pub two_mode: bool,
    /// Title instead of the generated one (with --per, the region, year or period is appended).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    #[command(flatten)]
    pub page: super::page::PageArgs,
}

impl StyleArgs {
    /// The figure's style.
    pub fn dot_style(&self) -> DotStyle {
        DotStyle {
            labels: self.labels,
            legend: !self.no_legend,
            layout: self.layout,
            title: self.title.clone(),
            size_by: self.size_by,
            page: self.page.page(),
        }
    }

    /// What the view shows.
    pub fn view_options(&self) -> ViewOptions {
        ViewOptions {
            relations: relations(&self.relation),
            weighting: self.weighting,
            two_mode: self.two_mode,
            cluster_by: self.cluster_by.map(|c| match c {
                ClusterChoice::Alignment => ClusterBy::Alignment,
                ClusterChoice::Region => ClusterBy::Region(self.level),
            }),
            measures: self.size_by.into_iter().collect(),
        }
    }

    /// Checks what does not depend on the data.
    pub fn check(&self) -> crate::Result<()> {
        check_style(&self.dot_style(), self.cluster_by.is_some())
    }

    /// Checks the style flags that an edge list cannot honour.
    pub fn check_network(&self) -> Result<(), Usage> {
        if self.cluster_by == Some(ClusterChoice::Region) {
            return Err(Usage(
                "--cluster-by region needs the dataset's places; an --edges network has none\n  help: use --cluster-by alignment (the --nodes file's group column)".into(),
            ));
        }
        Ok(())
    }
}

/// Arguments of `musalaha export`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  musalaha export dot --region eastern-ghouta --from 2017 --to 2018 -o ghouta.dot
  musalaha export dot --per region --level governorate --out-dir figures/ --render svg
  musalaha export dot --per period --labels both --out-dir periods/
  musalaha export dot --layout neato --size-by betweenness -o network.dot
  musalaha export dot --region daraa-governorate --two-mode --labels ar -o daraa.dot
  musalaha export dot --region daraa-governorate,quneitra-governorate --from 2018 -o south.dot
  musalaha export gexf --with-measures degree,betweenness -o network.gexf
  musalaha export graphml --region eastern-ghouta -o ghouta.graphml
  musalaha export json --relation all > network.json
  musalaha export cyjs --two-mode -o two-mode.cyjs
  musalaha export csv -o sheets/
  musalaha export graphml --per year --out-dir years/
  musalaha export gexf --edges my-network.csv --nodes my-nodes.csv -o my-network.gexf
  musalaha export graphml --edges my-network.tsv --directed --with-measures pagerank -o my.graphml
  musalaha export dot --edges my-network.csv --cluster-by alignment -o my-network.dot --render svg

--region takes several places separated by commas.

DOT style (see docs/figures.md): node shape = actor kind; fill = alignment (colour-blind-safe
hues in four greyscale tiers, with a dashed or dotted outline where two share a tier); ties:
signing solid, co-signing grey double line, negotiating grey with bars, guaranteeing dashed
arrow, mediating dotted open arrow; width grows with the number of agreements. The legend lists
what the figure shows; the title names the slice and the caption the sources.

GraphML, GEXF, JSON, Cytoscape.js and CSV (see docs/interchange.md) write one edge per actor
pair, as `musalaha stats` counts them: `relation` joins the pair's relations (signing+mediating),
`agreements` lists the agreements behind it. GEXF carries one spell per agreement for Gephi's
timeline. CSV writes a folder: nodes.csv, edges.csv, agreements.csv, participations.csv,
terms.csv, sources.csv, date-readings.csv and the whole actors, places, documents and periods
tables; `musalaha import csv` reads it back.

Files are written whole or not at all. Batch files are named region-<place-id>.<ext>,
year-<YYYY>.<ext>, period-<period-id>.<ext> (a folder of that name for CSV), and index.csv /
index.json list each file with its slice and node and edge counts.

With --edges (and --nodes) any network is exported instead of the dataset (docs/formats.md):
nodes keep their id, label, kind and group (as alignment), edges their kind (as relation),
summed weight and dates (GEXF spells); there are no agreements, and CSV writes nodes.csv and
edges.csv only.")]
pub struct Args {
    /// What to write.
    #[arg(value_enum)]
    pub target: Target,
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// With --edges: read the rows as arcs source → target (rows of the symmetric
    /// relations signing, co-signing and negotiating both ways).
    #[arg(long, requires = "edges")]
    pub directed: bool,
    #[command(flatten)]
    pub style: StyleArgs,
    /// Add these centrality scores as node attributes (comma-separated, or all; not for dot,
    /// which has --size-by).
    #[arg(long, value_delimiter = ',', value_name = "MEASURE")]
    pub with_measures: Vec<MeasureArg>,
    /// json: the key of the edge list: edges (NetworkX 3.6, or 3.4-3.5 with edges="edges") or links
    /// (D3, NetworkX before 3.4).
    #[arg(long, value_enum, value_name = "KEY")]
    pub links_key: Option<LinksKey>,
    /// csv: start each file with a UTF-8 byte-order mark, so that Excel shows Arabic.
    #[arg(long)]
    pub bom: bool,
    /// Write one file per region (at --level), per year, or per period into --out-dir.
    #[arg(long, value_enum, requires = "out_dir", conflicts_with_all = ["output", "edges"])]
    pub per: Option<Per>,
    /// Folder for --per (created if missing).
    #[arg(long, value_name = "DIR", requires = "per")]
    pub out_dir: Option<PathBuf>,
    /// Also render each DOT file with Graphviz (next to it, same name).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub render: Option<ImageFormat>,
    /// Write to this file instead of standard output (csv: this folder, made if missing).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl Args {
    fn format(&self) -> ExportFormat {
        let labels = self.style.labels;
        match self.target {
            Target::Dot => ExportFormat::Dot(self.style.dot_style()),
            Target::Graphml => ExportFormat::GraphMl { labels },
            Target::Gexf => ExportFormat::Gexf { labels },
            Target::Json => ExportFormat::Json {
                labels,
                links_key: self.links_key.unwrap_or_default(),
            },
            Target::Cyjs => ExportFormat::Cytoscape { labels },
            Target::Csv => ExportFormat::Csv {
                labels,
                bom: self.bom,
            },
        }
    }

    /// What the view shows: the style's options, and the measures asked for.
    fn view_options(&self) -> ViewOptions {
        let mut options = self.style.view_options();
        for m in measures(&self.with_measures) {
            if !options.measures.contains(&m) {
                options.measures.push(m);
            }
        }
        options
    }

    /// Flags that belong to other formats.
    fn check_flags(&self) -> Result<(), Usage> {
        let target = self.target.as_str();
        let only = |flag: &str, format: &str, help: &str| {
            Usage(format!(
                "{flag} applies to `musalaha export {format}`, not to {target}\n  help: {help}"
            ))
        };
        if self.target == Target::Dot {
            if !self.with_measures.is_empty() {
                return Err(only(
                    "--with-measures",
                    "graphml|gexf|json|cyjs|csv",
                    "DOT figures take one measure with --size-by",
                ));
            }
        } else {
            let dot_only = [
                ("--no-legend", self.style.no_legend),
                ("--size-by", self.style.size_by.is_some()),
                ("--layout", self.style.layout != Layout::Auto),
                ("--title", self.style.title.is_some()),
                ("--render", self.render.is_some()),
            ];
            if let Some((flag, _)) = dot_only.iter().find(|(_, set)| *set) {
                let help = if *flag == "--size-by" {
                    "use --with-measures to add scores as node attributes"
                } else {
                    "drop it: it shapes DOT figures only"
                };
                return Err(only(flag, "dot", help));
            }
        }
        if self.links_key.is_some() && self.target != Target::Json {
            return Err(only("--links-key", "json", "drop it"));
        }
        if self.bom && self.target != Target::Csv {
            return Err(only("--bom", "csv", "drop it"));
        }
        Ok(())
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// What a view holds, for the summary line (edges as drawn in DOT: one
/// per tie).
pub fn summary(view: &View) -> String {
    counts(view, view.edges.len())
}

fn counts(view: &View, edges: usize) -> String {
    if view.network.is_some() {
        return format!(
            "{}, {}",
            plural(view.nodes.len(), "node"),
            plural(edges, "edge")
        );
    }
    let agreements = view.agreement_node_count();
    if agreements > 0 {
        format!(
            "{} actors, {} agreements, {} edges",
            view.actor_count(),
            agreements,
            edges
        )
    } else {
        format!("{} actors, {} edges", view.actor_count(), edges)
    }
}

/// The summary line for a format: interchange formats write one edge per
/// pair.
fn summary_for(format: &ExportFormat, view: &View) -> String {
    counts(view, format.edge_count(view))
}

/// Runs the command on the network of --edges (and --nodes): the same
/// exporters, on the view of the network.
pub fn run_network(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    args.check_flags()?;
    args.style.check()?;
    args.style.check_network()?;
    if args.render.is_some() && args.output.is_none() {
        return Err(Usage(
            "--render needs -o FILE: the figure is written next to the DOT file\n  help: add -o FILE.dot".into(),
        )
        .into());
    }
    let Some(net) = args.network.read_details(args.directed)? else {
        return Ok(());
    };
    let format = args.format();
    let view = View::from_network(&net, &args.view_options(), &args.network.name())?;
    drop(net);
    let written = export_view(
        Origin::Network,
        view,
        &format,
        args.output.as_deref(),
        args.render,
        out.writer(),
    )?;
    report(args, &format, &written, out)
}

fn report(
    args: &Args,
    format: &ExportFormat,
    written: &crate::export::Written,
    out: &mut Output,
) -> anyhow::Result<()> {
    if let Some(path) = &args.output {
        let files = if written.view.network.is_some() {
            crate::export::csv::NETWORK_FILES
        } else {
            crate::export::csv::FILES
        };
        out.text(&format!(
            "wrote {}{} ({})\n",
            path.display(),
            if format.is_folder() {
                format!(": {}", files.join(", "))
            } else {
                String::new()
            },
            summary_for(format, &written.view)
        ))?;
    }
    if let Some(img) = &written.figure {
        out.text(&format!("wrote {}\n", img.display()))?;
    }
    Ok(())
}

/// Runs the command; with `-o` or `--per` writes files and prints a summary.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    args.check_flags()?;
    args.style.check()?;
    let slice = Slice::resolve(ds, &args.slice.spec())?;
    super::notes(ds, &slice.resolved);
    let format = args.format();
    let options = args.view_options();
    if let Some(per) = args.per {
        let dir = args.out_dir.as_deref().unwrap_or(Path::new("."));
        let parts = batch::plan(ds, &slice, per, args.style.level)?;
        let report = batch::write_batch(ds, &parts, &options, &format, args.render, dir)?;
        let n = report.index.len();
        let what = if format.is_folder() {
            format!("{} folder{}", format.name(), if n == 1 { "" } else { "s" })
        } else {
            format!("{} file{}", format.name(), if n == 1 { "" } else { "s" })
        };
        out.text(&format!(
            "wrote {n} {what}{} and index.csv, index.json to {}\n",
            match args.render {
                Some(f) => format!(" (with {} figures)", f.extension()),
                None => String::new(),
            },
            dir.display()
        ))?;
        if !report.skipped.is_empty() {
            out.text(&format!(
                "skipped {} with nothing to draw: {}\n",
                plural(report.skipped.len(), "slice"),
                report.skipped.join(", ")
            ))?;
        }
        return Ok(());
    }
    if args.render.is_some() && args.output.is_none() {
        return Err(Usage(
            "--render needs -o FILE (or --per with --out-dir): the figure is written next to the DOT file\n  help: add -o FILE.dot".into(),
        )
        .into());
    }
    let written = export_one(
        ds,
        &slice,
        &options,
        &format,
        args.output.as_deref(),
        args.render,
        out.writer(),
    )?;
    report(args, &format, &written, out)
}
