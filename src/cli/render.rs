//! `musalaha render`: draw a slice as SVG, PNG or PDF with Graphviz, with
//! the same slicing and style options as `export dot`.

use super::args::SliceArgs;
use super::export::{summary, StyleArgs};
use crate::error::Error;
use crate::export::render::{self, ImageFormat};
use crate::export::view::View;
use crate::export::ExportFormat;
use crate::files::write_atomically;
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

Needs Graphviz (`dot`, with its cairo/pango plugin) on PATH or in GRAPHVIZ_DOT, and fonts with
Arabic (e.g. fonts-noto-core). Without Graphviz it stops and says how to install it; `musalaha
export dot` still writes the DOT file. The file is written whole or not at all.")]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub style: StyleArgs,
    /// Image format (default: from the extension of -o: .svg, .png or .pdf; svg when it has none).
    #[arg(long, value_enum)]
    pub format: Option<ImageFormat>,
    /// The file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

/// The image format: `--format`, else the file's extension, else SVG; an
/// extension that names no image format is refused.
pub fn image_format(
    format: Option<ImageFormat>,
    path: &std::path::Path,
) -> crate::Result<ImageFormat> {
    if let Some(f) = format {
        return Ok(f);
    }
    match path.extension() {
        None => Ok(ImageFormat::Svg),
        Some(ext) => ImageFormat::from_path(path).ok_or_else(|| Error::UnknownImageExtension {
            path: path.display().to_string(),
            extension: ext.to_string_lossy().into_owned(),
        }),
    }
}

/// Renders the figure and writes it; prints a one-line summary.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    args.style.check()?;
    let slice = Slice::resolve(ds, &args.slice.spec())?;
    let format = image_format(args.format, &args.output)?;
    let target = args.output.display().to_string();
    render::require_graphviz(&target)?;
    let view = View::build(ds, &slice, &args.style.view_options())?;
    let bytes = ExportFormat::Dot(args.style.dot_style())
        .render(ds, &slice, &view, None, format, &target)?;
    write_atomically(&args.output, |w| {
        w.write_all(&bytes)
            .map_err(|e| Error::write(target.clone(), e))
    })?;
    out.text(&format!("wrote {target} ({})\n", summary(&view)))?;
    Ok(())
}
