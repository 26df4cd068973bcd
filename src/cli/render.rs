//! `musalaha render`: draw a slice as SVG, PNG or PDF with Graphviz, with
//! the same slicing and style options as `export dot`.

use super::args::{NetworkArgs, SliceArgs};
use super::export::{summary, StyleArgs};
use crate::export::render::ImageFormat;
use crate::export::render_to_file;
use crate::model::Dataset;
use crate::output::Output;
use crate::slice::Slice;
use std::path::PathBuf;

/// Arguments of `musalaha render`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  musalaha render --region eastern-ghouta --from 2017 --to 2018 -o ghouta.svg
  musalaha render --layout neato --size-by betweenness --format pdf -o network.pdf
  musalaha render --region daraa-governorate --labels both --format png -o daraa.png
  musalaha render --edges my-network.csv --nodes my-nodes.csv --size-by degree -o my-network.svg

Needs Graphviz (`dot`, with its cairo/pango plugin) on PATH or in GRAPHVIZ_DOT, and fonts with
Arabic (e.g. fonts-noto-core). Without Graphviz it stops and says how to install it; `musalaha
export dot` still writes the DOT file. The file is written whole or not at all.")]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// With --edges: read the rows as arcs source → target (arrows; rows of the symmetric
    /// relations signing, co-signing and negotiating stay plain lines).
    #[arg(long, requires = "edges")]
    pub directed: bool,
    #[command(flatten)]
    pub style: StyleArgs,
    /// Image format (default: from the extension of -o: .svg, .png or .pdf; svg when it has none).
    #[arg(long, value_enum)]
    pub format: Option<ImageFormat>,
    /// The file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// Renders the network of --edges (and --nodes).
pub fn run_network(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    args.style.check()?;
    args.style.check_network()?;
    let Some(net) = args.network.read_details(args.directed)? else {
        return Ok(());
    };
    let view = crate::export::view::View::from_network(
        &net,
        &args.style.view_options(),
        &args.network.name(),
    )?;
    drop(net);
    crate::export::render_view_to_file(&view, &args.style.dot_style(), args.format, &args.output)?;
    out.text(&format!(
        "wrote {} ({})\n",
        args.output.display(),
        summary(&view)
    ))?;
    Ok(())
}

/// Renders the figure and writes it; prints a one-line summary.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    args.style.check()?;
    let slice = Slice::resolve(ds, &args.slice.spec())?;
    super::notes(ds, &slice.resolved);
    let view = render_to_file(
        ds,
        &slice,
        &args.style.view_options(),
        &args.style.dot_style(),
        args.format,
        &args.output,
    )?;
    out.text(&format!(
        "wrote {} ({})\n",
        args.output.display(),
        summary(&view)
    ))?;
    Ok(())
}
