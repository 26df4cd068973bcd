//! `musalaha render`: draw a slice as SVG, PNG or PDF with Graphviz, with
//! the same slicing and style options as `export dot`.

use crate::error::{Error, Result};
use crate::export::render::{self, ImageFormat};
use crate::filter::SliceArgs;
use crate::model::Dataset;
use std::path::PathBuf;

use super::export::{check_style, figure, resolve_slice, StyleArgs};

/// Arguments of `musalaha render`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  musalaha render --region eastern-ghouta --from 2017 --to 2018 -o ghouta.svg
  musalaha render --layout neato --size-by betweenness --format pdf -o network.pdf
  musalaha render --region daraa-governorate --labels both --format png -o daraa.png

Needs Graphviz (`dot`, with its cairo/pango plugin) on PATH or in GRAPHVIZ_DOT, and fonts with
Arabic (e.g. fonts-noto-core). Without Graphviz it stops and says how to install it; `musalaha
export dot` still writes the DOT file.")]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub style: StyleArgs,
    /// Image format (default: from the extension of -o, else svg).
    #[arg(long, value_enum)]
    pub format: Option<ImageFormat>,
    /// The file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// Renders the figure and writes it; returns a one-line summary.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let relations = check_style(&args.style)?;
    let slice = resolve_slice(ds, &args.slice)?;
    let format = args
        .format
        .or_else(|| ImageFormat::from_path(&args.output))
        .unwrap_or_default();
    let target = args.output.display().to_string();
    render::require_graphviz(&target)?;
    let fig = figure(ds, &slice, &args.style, &relations, None)?;
    let bytes = render::render_drawing(&fig.drawing, format, &target)?;
    std::fs::write(&args.output, bytes).map_err(|source| Error::Write {
        target: target.clone(),
        source,
    })?;
    Ok(format!(
        "wrote {target} ({} actors{}, {} edges)\n",
        fig.drawing.actors,
        if fig.drawing.agreements > 0 {
            format!(", {} agreements", fig.drawing.agreements)
        } else {
            String::new()
        },
        fig.drawing.edges
    ))
}
