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
//! - [`graphml`], [`gexf`], [`json`] (node-link), [`cyjs`] (Cytoscape.js)
//!   and [`csv`] (a folder of tables): the interchange formats, which all
//!   write the attribute table of [`attrs`] (docs/interchange.md); [`xml`]
//!   escapes text for the XML ones.
//! - [`style`]: the visual encoding (shapes, colours, line styles).
//! - [`text`]: escaping and bidirectional-text marks.
//! - [`caption`]: titles and captions that name the slice and the sources.
//! - [`batch`]: one file per region, year or period, for any exporter, with
//!   an index.
//! - [`render`]: SVG, PNG or PDF through Graphviz (cairo/pango).

pub mod attrs;
pub mod batch;
pub mod caption;
pub mod csv;
pub mod cyjs;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod render;
pub mod style;
pub mod text;
pub mod view;
pub mod xml;

use std::io::Write;
use view::View;

/// A file format a view can be written in.
pub trait Exporter {
    /// The format's name in messages (`DOT`, `GraphML`, …).
    fn name(&self) -> &'static str;
    /// File extension, without the dot (empty for a folder format).
    fn extension(&self) -> &'static str;
    /// Writes the view.
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()>;
    /// For a format that is a folder of files (CSV tables): the names of its
    /// files, in writing order. Empty for single-file formats.
    fn files(&self) -> &'static [&'static str] {
        &[]
    }
    /// Writes one of [`Exporter::files`].
    fn write_file(&self, view: &View, file: &str, out: &mut dyn Write) -> std::io::Result<()> {
        let _ = file;
        self.write(view, out)
    }
    /// Writes the whole export into one stream: the one file, or every file
    /// of a folder format one after the other (for checks and benchmarks;
    /// files on disk go through [`export_view`] and [`batch`]).
    fn write_every_file(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()> {
        if self.files().is_empty() {
            return self.write(view, out);
        }
        for file in self.files() {
            self.write_file(view, file, out)?;
        }
        Ok(())
    }
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
    /// GraphML with typed keys.
    GraphMl { labels: Labels },
    /// Dynamic GEXF 1.3 (Gephi).
    Gexf { labels: Labels },
    /// Node-link JSON (NetworkX, D3).
    Json {
        labels: Labels,
        links_key: json::LinksKey,
    },
    /// Cytoscape.js JSON.
    Cytoscape { labels: Labels },
    /// A folder of CSV tables.
    Csv { labels: Labels, bom: bool },
}

impl ExportFormat {
    /// Every format once, with its default options (English labels, the
    /// `edges` key, no byte-order mark): for code that must cover them all.
    pub fn every() -> Vec<ExportFormat> {
        vec![
            ExportFormat::Dot(DotStyle::default()),
            ExportFormat::GraphMl { labels: Labels::En },
            ExportFormat::Gexf { labels: Labels::En },
            ExportFormat::Json {
                labels: Labels::En,
                links_key: json::LinksKey::Edges,
            },
            ExportFormat::Cytoscape { labels: Labels::En },
            ExportFormat::Csv {
                labels: Labels::En,
                bom: false,
            },
        ]
    }

    /// The exporter for the view of a network read from files
    /// ([`View::from_network`]).
    pub fn network_exporter(&self, view: &View) -> Result<Box<dyn Exporter>> {
        match self {
            ExportFormat::Dot(style) => Ok(Box::new(DotExporter::for_network(view, style)?)),
            ExportFormat::Csv { labels, bom } => {
                Ok(Box::new(csv::CsvExporter::network(*labels, *bom)))
            }
            other => {
                // The interchange formats read nothing but the view.
                let ds = Dataset::default();
                let slice = Slice::default();
                other.exporter(&ds, &slice, view, None)
            }
        }
    }

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
            ExportFormat::GraphMl { labels } => {
                Ok(Box::new(graphml::GraphMlExporter { labels: *labels }))
            }
            ExportFormat::Gexf { labels } => Ok(Box::new(gexf::GexfExporter { labels: *labels })),
            ExportFormat::Json { labels, links_key } => Ok(Box::new(json::NodeLinkExporter {
                labels: *labels,
                links_key: *links_key,
            })),
            ExportFormat::Cytoscape { labels } => {
                Ok(Box::new(cyjs::CytoscapeExporter { labels: *labels }))
            }
            ExportFormat::Csv { labels, bom } => {
                Ok(Box::new(csv::CsvExporter::new(ds, view, *labels, *bom)))
            }
        }
    }

    /// The format's name in messages.
    pub fn name(&self) -> &'static str {
        match self {
            ExportFormat::Dot(_) => "DOT",
            ExportFormat::GraphMl { .. } => "GraphML",
            ExportFormat::Gexf { .. } => "GEXF",
            ExportFormat::Json { .. } => "node-link JSON",
            ExportFormat::Cytoscape { .. } => "Cytoscape.js JSON",
            ExportFormat::Csv { .. } => "CSV",
        }
    }

    /// The number of edges the format writes for a view: DOT draws every tie
    /// (one per pair and relation), the interchange formats write one edge
    /// per pair ([`View::pairs`]).
    pub fn edge_count(&self, view: &View) -> usize {
        match self {
            ExportFormat::Dot(_) => view.edges.len(),
            _ => view.pairs().len(),
        }
    }

    /// Whether the format is a folder of files rather than one file.
    pub fn is_folder(&self) -> bool {
        matches!(self, ExportFormat::Csv { .. })
    }

    /// Whether the format can be rendered as a figure.
    pub fn check_render(&self) -> Result<()> {
        match self {
            ExportFormat::Dot(_) => Ok(()),
            other => Err(Error::NotRenderable {
                format: other.name(),
            }),
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
            other => Err(Error::NotRenderable {
                format: other.name(),
            }),
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

/// Refuses a view with nothing in it (a figure or file of nothing is
/// almost always a mistaken slice).
fn nonempty(view: &View) -> Result<()> {
    if view.nodes.is_empty() {
        return Err(Error::EmptySlice {
            slice: view.slice.clone(),
            events: view.agreements.len(),
        });
    }
    Ok(())
}

/// What [`export_one`] wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The view that was written (for counts).
    pub view: View,
    /// The rendered figure, if one was asked for.
    pub figure: Option<std::path::PathBuf>,
}

/// Writes every file of a folder format into `files`, under `prefix` (a
/// subfolder, or empty).
pub(crate) fn add_folder(
    files: &mut crate::files::FileSet,
    prefix: &std::path::Path,
    exporter: &dyn Exporter,
    view: &View,
) -> Result<()> {
    for name in exporter.files() {
        let path = prefix.join(name);
        let shown = files.dir().join(&path).display().to_string();
        files.add(&path, |w| {
            exporter
                .write_file(view, name, w)
                .map_err(|e| Error::write(shown.clone(), e))
        })?;
    }
    Ok(())
}

/// Where a view came from, to make its exporter: a slice of the dataset,
/// or a network read from files.
#[derive(Clone, Copy)]
pub enum Origin<'a> {
    Slice { ds: &'a Dataset, slice: &'a Slice },
    Network,
}

impl Origin<'_> {
    fn exporter(&self, format: &ExportFormat, view: &View) -> Result<Box<dyn Exporter>> {
        match self {
            Origin::Slice { ds, slice } => format.exporter(ds, slice, view, None),
            Origin::Network => format.network_exporter(view),
        }
    }

    fn render(
        &self,
        format: &ExportFormat,
        view: &View,
        image: ImageFormat,
        target: &str,
    ) -> Result<Vec<u8>> {
        match (self, format) {
            (Origin::Slice { ds, slice }, _) => format.render(ds, slice, view, None, image, target),
            (Origin::Network, ExportFormat::Dot(style)) => {
                let exporter = DotExporter::for_network(view, style)?;
                render::render_drawing(&exporter.drawing(view), image, target)
            }
            (Origin::Network, other) => Err(Error::NotRenderable {
                format: other.name(),
            }),
        }
    }
}

/// Exports the view of a slice in `format`: to `out` when `output` is
/// `None`, else atomically to that file, and with `render` also as a
/// Graphviz figure beside it (same stem). The file and the figure appear
/// together or not at all. A folder format (CSV) needs `output`, the
/// folder, which is made if missing; its files appear together or not at
/// all.
pub fn export_one(
    ds: &Dataset,
    slice: &Slice,
    options: &view::ViewOptions,
    format: &ExportFormat,
    output: Option<&std::path::Path>,
    render: Option<ImageFormat>,
    out: &mut dyn Write,
) -> Result<Written> {
    let view = View::build(ds, slice, options)?;
    export_view(
        Origin::Slice { ds, slice },
        view,
        format,
        output,
        render,
        out,
    )
}

/// Exports a view built already (of a slice, or of a network read from
/// files with [`View::from_network`]), as [`export_one`] does.
pub fn export_view(
    origin: Origin<'_>,
    view: View,
    format: &ExportFormat,
    output: Option<&std::path::Path>,
    render: Option<ImageFormat>,
    out: &mut dyn Write,
) -> Result<Written> {
    let figure = match (render, output) {
        (Some(f), Some(path)) => {
            format.check_render()?;
            let img = path.with_extension(f.extension());
            render::require_graphviz(&img.display().to_string())?;
            Some((f, img))
        }
        _ => None,
    };
    if format.is_folder() {
        let Some(dir) = output else {
            return Err(Error::FolderFormat {
                format: format.name(),
            });
        };
        if render.is_some() {
            format.check_render()?;
        }
        // The tables of a slice's records are worth writing even when no
        // record ties two actors; a slice with no record at all is not.
        if view.agreements.is_empty() {
            nonempty(&view)?;
        }
        let exporter = origin.exporter(format, &view)?;
        let mut files = crate::files::FileSet::in_dir(dir)?;
        add_folder(
            &mut files,
            std::path::Path::new(""),
            exporter.as_ref(),
            &view,
        )?;
        files.commit()?;
        return Ok(Written { view, figure: None });
    }
    nonempty(&view)?;
    let exporter = origin.exporter(format, &view)?;
    let Some(path) = output else {
        exporter
            .write(&view, out)
            .map_err(|e| Error::write("standard output", e))?;
        return Ok(Written { view, figure: None });
    };
    let mut files = crate::files::FileSet::beside(path);
    let shown = path.display().to_string();
    files.add(path, |w| {
        exporter
            .write(&view, w)
            .map_err(|e| Error::write(shown.clone(), e))
    })?;
    if let Some((f, img)) = &figure {
        let target = img.display().to_string();
        let bytes = origin.render(format, &view, *f, &target)?;
        files.add(img, |w| {
            w.write_all(&bytes)
                .map_err(|e| Error::write(target.clone(), e))
        })?;
    }
    files.commit()?;
    Ok(Written {
        view,
        figure: figure.map(|(_, p)| p),
    })
}

/// Renders the view of a network read from files as a figure into `path`,
/// atomically (as [`render_to_file`]).
pub fn render_view_to_file(
    view: &View,
    style: &DotStyle,
    format: Option<ImageFormat>,
    path: &std::path::Path,
) -> Result<()> {
    let format = render::image_format(format, path)?;
    let target = path.display().to_string();
    render::require_graphviz(&target)?;
    nonempty(view)?;
    let bytes = Origin::Network.render(&ExportFormat::Dot(style.clone()), view, format, &target)?;
    crate::files::write_atomically(path, |w| {
        w.write_all(&bytes)
            .map_err(|e| Error::write(target.clone(), e))
    })
}

/// Renders the view of a slice as a figure into `path`, atomically; the
/// format is `format`, else the one the file's extension names.
pub fn render_to_file(
    ds: &Dataset,
    slice: &Slice,
    options: &view::ViewOptions,
    style: &DotStyle,
    format: Option<ImageFormat>,
    path: &std::path::Path,
) -> Result<View> {
    let format = render::image_format(format, path)?;
    let target = path.display().to_string();
    render::require_graphviz(&target)?;
    let view = View::build(ds, slice, options)?;
    nonempty(&view)?;
    let bytes = ExportFormat::Dot(style.clone()).render(ds, slice, &view, None, format, &target)?;
    crate::files::write_atomically(path, |w| {
        w.write_all(&bytes)
            .map_err(|e| Error::write(target.clone(), e))
    })?;
    Ok(view)
}
