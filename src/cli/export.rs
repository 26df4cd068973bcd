//! `musalaha export dot`: write the actor graph (or the two-mode view) of a
//! slice as Graphviz DOT — one file, or one per region, year or period with
//! an index — and optionally render each with Graphviz.

use crate::analysis::centrality::{compute, Measure};
use crate::error::{Error, Result};
use crate::export::batch::{self, IndexEntry, Per};
use crate::export::caption::{self, Counts};
use crate::export::dot::{self, ClusterBy, DotOptions, Drawing, Labels, Layout, SizeBy};
use crate::export::render::{self, ImageFormat};
use crate::filter::{Slice, SliceArgs};
use crate::graph::{Relation, DEFAULT_RELATIONS};
use crate::model::{Agreement, Dataset, PlaceKind};
use crate::output::{render as render_listing, Format};
use std::path::{Path, PathBuf};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// Graphviz DOT (render with `musalaha render`, `--render`, or `dot -Tsvg`).
    Dot,
}

/// How nodes are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClusterChoice {
    /// One box per alignment.
    Alignment,
    /// One box per place at --level (actors by their place; agreements by their first place).
    Region,
}

fn parse_level(s: &str) -> std::result::Result<PlaceKind, String> {
    s.parse::<PlaceKind>()
}

/// How a figure looks: shared by `export dot` and `render`.
#[derive(Debug, Clone, clap::Args)]
pub struct StyleArgs {
    /// Relations to draw (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// Node labels, title and legend: English, Arabic, or both (one line each).
    #[arg(long, value_enum, default_value_t)]
    pub labels: Labels,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Scale node labels by a centrality measure (as in `musalaha centrality`), e.g. betweenness.
    #[arg(long, value_name = "MEASURE")]
    pub size_by: Option<String>,
    /// Group nodes in boxes by alignment or by region (with --layout auto, dot or fdp).
    #[arg(long, value_enum, value_name = "BY")]
    pub cluster_by: Option<ClusterChoice>,
    /// Level of the place hierarchy for --per region and --cluster-by region:
    /// governorate, area, city, … (see `musalaha codebook`).
    #[arg(long, value_parser = parse_level, default_value = "governorate", value_name = "KIND")]
    pub level: PlaceKind,
    /// Graphviz layout engine; auto takes dot for small figures and fdp for large ones.
    #[arg(long, value_enum, default_value_t)]
    pub layout: Layout,
    /// Draw agreements as boxes labelled with their date, joined to the actors taking part.
    #[arg(long)]
    pub two_mode: bool,
    /// Title instead of the generated one (with --per, the region, year or period is appended).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
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

--region takes several places separated by commas.

Style (see docs/figures.md): node shape = actor kind; fill = alignment (colour-blind-safe hues
in four greyscale tiers, with a dashed or dotted outline where two share a tier); ties: signing
solid, co-signing grey double line, negotiating grey with bars, guaranteeing dashed arrow,
mediating dotted open arrow; width grows with the number of agreements. The legend lists what
the figure shows; the title names the slice and the caption the sources.

Batch files are named region-<place-id>.dot, year-<YYYY>.dot, period-<period-id>.dot, and
index.csv / index.json list each file with its slice and node and edge counts.")]
pub struct Args {
    /// What to write.
    #[arg(value_enum)]
    pub target: Target,
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub style: StyleArgs,
    /// Write one file per region (at --level), per year, or per period into --out-dir.
    #[arg(long, value_enum, requires = "out_dir", conflicts_with = "output")]
    pub per: Option<Per>,
    /// Folder for --per (created if missing).
    #[arg(long, value_name = "DIR", requires = "per")]
    pub out_dir: Option<PathBuf>,
    /// Also render each DOT file with Graphviz (next to it, same name).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub render: Option<ImageFormat>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A figure built for one slice.
pub struct Figure<'a> {
    pub drawing: Drawing,
    pub agreements: Vec<&'a Agreement>,
}

fn size_by(text: &str) -> Result<Measure> {
    match Measure::parse_list(text) {
        Ok(v) if v.len() == 1 && text.trim() != "all" => Ok(v[0]),
        Ok(_) => Err(Error::BadArgument(
            "--size-by takes one measure, e.g. --size-by betweenness".into(),
        )),
        Err(e) => Err(Error::BadArgument(format!(
            "--size-by: {}",
            e.to_string().trim_start_matches("--measure: ")
        ))),
    }
}

/// Resolves the slicing flags (several `--region` places are handled by
/// [`Slice::resolve`] for every command).
pub fn resolve_slice(ds: &Dataset, args: &SliceArgs) -> Result<Slice> {
    Slice::resolve(ds, args)
}

/// Checks the style options that do not depend on the data.
pub fn check_style(style: &StyleArgs) -> Result<Vec<Relation>> {
    if style.cluster_by.is_some() && !style.layout.draws_clusters() {
        return Err(Error::BadArgument(format!(
            "--cluster-by needs a layout that draws clusters, but --layout is {}\n  help: use --layout dot or --layout fdp, or leave out --cluster-by",
            style.layout.as_str()
        )));
    }
    if let Some(m) = &style.size_by {
        size_by(m)?;
    }
    Relation::parse_list(&style.relation)
}

/// Builds the figure of a slice. In batch mode `part_name` (the region, year
/// or period) is appended to a title given with --title.
pub fn figure<'a>(
    ds: &'a Dataset,
    slice: &Slice,
    style: &StyleArgs,
    relations: &[Relation],
    part_name: Option<&str>,
) -> Result<Figure<'a>> {
    let agreements = slice.select(ds);
    let graph = slice.actor_graph(ds);
    let size = match &style.size_by {
        Some(m) => {
            let measure = size_by(m)?;
            let simple = graph.simple(relations);
            let scores = compute(&simple, measure);
            if !simple.nodes.is_empty() && !scores.iter().any(|x| x.is_finite()) {
                return Err(Error::BadArgument(format!(
                    "--size-by {}: the measure cannot be computed on this graph\n  help: try --size-by degree or betweenness",
                    measure.as_str()
                )));
            }
            Some(SizeBy {
                measure: measure.as_str().to_string(),
                scores: simple.nodes.iter().cloned().zip(scores).collect(),
            })
        }
        None => None,
    };
    let title = match (&style.title, part_name) {
        (Some(t), Some(part)) => format!("{t} — {part}"),
        (Some(t), None) => t.clone(),
        (None, _) => caption::title(ds, slice, style.labels),
    };
    let mut opts = DotOptions {
        title,
        caption: String::new(),
        labels: style.labels,
        relations: relations.to_vec(),
        legend: !style.no_legend,
        layout: style.layout,
        cluster_by: style.cluster_by.map(|c| match c {
            ClusterChoice::Alignment => ClusterBy::Alignment,
            ClusterChoice::Region => ClusterBy::Region(style.level),
        }),
        size_by: size,
    };
    let draw = |opts: &DotOptions| {
        if style.two_mode {
            dot::two_mode(ds, &agreements, &|a| slice.keeps_actor(a), opts)
        } else {
            dot::actor_graph(ds, &graph, opts)
        }
    };
    // Draw once to count, then again with the caption that gives the counts.
    let first = draw(&opts);
    let names: Vec<&str> = relations.iter().map(|r| r.as_str()).collect();
    let what = if style.two_mode {
        format!("participations ({})", names.join(", "))
    } else {
        format!("ties ({})", names.join(", "))
    };
    opts.caption = caption::caption(
        ds,
        &agreements,
        Counts {
            agreements: agreements.len(),
            actors: first.actors,
            edges: first.edges,
        },
        &what,
        style.labels,
    );
    let drawing = draw(&opts);
    Ok(Figure {
        drawing,
        agreements,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|source| Error::Write {
        target: path.display().to_string(),
        source,
    })
}

/// Renders `dot` next to `dot_path` (same stem); returns the figure's path.
fn render_next_to(drawing: &Drawing, dot_path: &Path, format: ImageFormat) -> Result<PathBuf> {
    let path = dot_path.with_extension(format.extension());
    let bytes = render::render_drawing(drawing, format, &path.display().to_string())?;
    write(&path, &bytes)?;
    Ok(path)
}

fn summary(f: &Figure) -> String {
    let d = &f.drawing;
    if d.agreements > 0 {
        format!(
            "{} actors, {} agreements, {} edges",
            d.actors, d.agreements, d.edges
        )
    } else {
        format!("{} actors, {} edges", d.actors, d.edges)
    }
}

/// Runs the command; with `-o` or `--per` writes files and returns a summary.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let relations = check_style(&args.style)?;
    let slice = resolve_slice(ds, &args.slice)?;
    if let Some(per) = args.per {
        let dir = args.out_dir.as_deref().unwrap_or(Path::new("."));
        return run_batch(args, ds, &slice, per, dir, &relations);
    }
    if let Some(format) = args.render {
        let Some(path) = &args.output else {
            return Err(Error::BadArgument(
                "--render needs -o FILE (or --per with --out-dir): the figure is written next to the DOT file".into(),
            ));
        };
        render::require_graphviz(
            &path
                .with_extension(format.extension())
                .display()
                .to_string(),
        )?;
    }
    let fig = figure(ds, &slice, &args.style, &relations, None)?;
    match &args.output {
        None => Ok(fig.drawing.dot),
        Some(path) => {
            write(path, fig.drawing.dot.as_bytes())?;
            let mut out = format!("wrote {} ({})\n", path.display(), summary(&fig));
            if let Some(format) = args.render {
                let img = render_next_to(&fig.drawing, path, format)?;
                out.push_str(&format!("wrote {}\n", img.display()));
            }
            Ok(out)
        }
    }
}

fn run_batch(
    args: &Args,
    ds: &Dataset,
    base: &Slice,
    per: Per,
    dir: &Path,
    relations: &[Relation],
) -> Result<String> {
    let parts = batch::plan(ds, base, per, args.style.level)?;
    if let Some(format) = args.render {
        render::require_graphviz(
            &dir.join(format!("*.{}", format.extension()))
                .display()
                .to_string(),
        )?;
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        target: dir.display().to_string(),
        source,
    })?;
    let mut index = Vec::new();
    let mut skipped = Vec::new();
    for part in &parts {
        let name = match args.style.labels {
            Labels::Ar => part.name_ar.as_str(),
            _ => part.name_en.as_str(),
        };
        let fig = figure(ds, &part.slice, &args.style, relations, Some(name))?;
        if fig.agreements.is_empty() || fig.drawing.edges == 0 {
            skipped.push(part.stem.clone());
            continue;
        }
        let file = format!("{}.dot", part.stem);
        let path = dir.join(&file);
        write(&path, fig.drawing.dot.as_bytes())?;
        let figure = match args.render {
            Some(format) => {
                render_next_to(&fig.drawing, &path, format)?;
                Some(format!("{}.{}", part.stem, format.extension()))
            }
            None => None,
        };
        index.push(IndexEntry {
            file,
            figure,
            per: per.as_str(),
            key: part.key.clone(),
            name_en: part.name_en.clone(),
            name_ar: part.name_ar.clone(),
            slice: part.slice.describe(),
            from: part.slice.from.map(|d| d.to_string()),
            to: part.slice.to.map(|d| d.to_string()),
            agreements: fig.agreements.len(),
            nodes: fig.drawing.actors + fig.drawing.agreements,
            actors: fig.drawing.actors,
            edges: fig.drawing.edges,
        });
    }
    write(
        &dir.join("index.csv"),
        render_listing(&index, Format::Csv).as_bytes(),
    )?;
    write(
        &dir.join("index.json"),
        render_listing(&index, Format::Json).as_bytes(),
    )?;
    let mut out = format!(
        "wrote {} DOT file{}{} and index.csv, index.json to {}\n",
        index.len(),
        if index.len() == 1 { "" } else { "s" },
        match args.render {
            Some(f) => format!(" (with {} figures)", f.extension()),
            None => String::new(),
        },
        dir.display()
    );
    if !skipped.is_empty() {
        out.push_str(&format!(
            "skipped {} slice{} with nothing to draw: {}\n",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            skipped.join(", ")
        ));
    }
    Ok(out)
}
