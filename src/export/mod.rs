//! Exporters: turn a slice's graph into files. Exporters never compute
//! measures and never write files themselves; they return the text (or, for
//! [`render`], the bytes Graphviz produced).
//!
//! - [`dot`]: Graphviz DOT of the actor graph or the two-mode view.
//! - [`style`]: the visual encoding (shapes, colours, line styles).
//! - [`text`]: escaping and bidirectional-text marks.
//! - [`caption`]: titles and captions that name the slice and the sources.
//! - [`batch`]: one slice per region, year or period, with stable file names.
//! - [`render`]: SVG, PNG or PDF through Graphviz (cairo/pango).

pub mod batch;
pub mod caption;
pub mod dot;
pub mod render;
pub mod style;
pub mod text;
