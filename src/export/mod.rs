//! Exporters: a slice's graph as files other tools read.
//!
//! The seam is [`view::View`], a format-neutral picture of one slice built
//! once, and the [`Exporter`] trait: a format is one implementation that
//! writes a view to any [`std::io::Write`]. Exporters never compute measures
//! (scores arrive in the view) and never touch the file system (the caller
//! hands them a writer; [`crate::files`] makes files appear atomically).
//!
//! - [`view`]: the view and its builder.
//! - [`dot`]: Graphviz DOT, styled for print.
//! - [`style`]: the visual encoding (shapes, colours, line styles).
//! - [`text`]: escaping and bidirectional-text marks.
//! - [`caption`]: titles and captions that name the slice and the sources.
//! - [`batch`]: one file per region, year or period, for any exporter, with
//!   an index.
//! - [`render`]: SVG, PNG or PDF through Graphviz (cairo/pango).

pub mod batch;
pub mod caption;
pub mod dot;
pub mod render;
pub mod style;
pub mod text;
pub mod view;

use std::io::Write;
use view::View;

/// A file format a view can be written in.
pub trait Exporter {
    /// The format's name in messages (`DOT`, `GraphML`, …).
    fn name(&self) -> &'static str;
    /// File extension, without the dot.
    fn extension(&self) -> &'static str;
    /// Writes the view.
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()>;
}

use crate::error::{Error, Result};
use crate::model::Dataset;
use crate::slice::Slice;
use batch::Part;
use dot::{DotExporter, DotStyle, Labels};
use render::ImageFormat;

/// A format to export in, with its options: the one place that maps a
/// format to its exporter (a new format is one variant and one file).
#[derive(Debug, Clone, PartialEq)]
pub enum ExportFormat {
    /// Graphviz DOT styled for print.
    Dot(DotStyle),
}

impl ExportFormat {
    /// The exporter for the view of a slice; `part` is the batch part the
    /// slice belongs to, if any (figure titles name it).
    pub fn exporter(
        &self,
        ds: &Dataset,
        slice: &Slice,
        view: &View,
        part: Option<&Part>,
    ) -> Result<Box<dyn Exporter>> {
        match self {
            ExportFormat::Dot(style) => {
                let name = part.map(|p| match style.labels {
                    Labels::Ar => p.name_ar.as_str(),
                    _ => p.name_en.as_str(),
                });
                Ok(Box::new(DotExporter::new(ds, slice, view, style, name)?))
            }
        }
    }

    /// Whether the format can be rendered as a figure.
    pub fn check_render(&self) -> Result<()> {
        match self {
            ExportFormat::Dot(_) => Ok(()),
        }
    }

    /// Renders the view as a figure with Graphviz (DOT only); `target`
    /// names the file for messages.
    pub fn render(
        &self,
        ds: &Dataset,
        slice: &Slice,
        view: &View,
        part: Option<&Part>,
        format: ImageFormat,
        target: &str,
    ) -> Result<Vec<u8>> {
        match self {
            ExportFormat::Dot(style) => {
                let name = part.map(|p| match style.labels {
                    Labels::Ar => p.name_ar.as_str(),
                    _ => p.name_en.as_str(),
                });
                let exporter = DotExporter::new(ds, slice, view, style, name)?;
                render::render_drawing(&exporter.drawing(view), format, target)
            }
        }
    }
}

/// Checks the style options that do not depend on the data.
pub fn check_style(style: &DotStyle, cluster: bool) -> Result<()> {
    if cluster && !style.layout.draws_clusters() {
        return Err(Error::ClustersNeedLayout {
            layout: style.layout.as_str(),
        });
    }
    Ok(())
}
