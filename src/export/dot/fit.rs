//! Fitting a rendered figure to its page with legible text.
//!
//! Graphviz shrinks a drawing that is larger than `size` uniformly, text
//! included, so a figure fits any page but may come out with text too small
//! to read. The fitting measures instead of hoping:
//!
//! 1. The network and the legend are laid out apart (the legend with dot),
//!    and the legend is put beside the network (tall legend) or under it
//!    (wide legend), whichever lets the whole be drawn larger.
//! 2. Graphviz's `-Tjson` output of the composed figure gives its bounding
//!    box and every text it draws with its font size. The scale Graphviz
//!    will apply on the page is `min(1, page width / drawing width, page
//!    height / drawing height)` (inside the margins); the smallest text on
//!    the page is the smallest font size times that scale.
//! 3. When that is below the minimum, the figure is drawn again, at most
//!    [`ATTEMPTS`] times in all: tighter spacing and smaller node minimums,
//!    long labels broken in lines, the stress-majorisation engine (neato)
//!    instead of a strip-shaped layered layout or a sparse fdp one (when the
//!    engine is `auto`), and larger fonts. The attempt with the largest text
//!    wins; if even that is below the minimum, the figure is refused with the
//!    smallest size reached ([`Error::FigureDoesNotFit`]).
//! 4. The winner is positioned once more with its real splines, measured
//!    again, and given `size` and margins that centre it on the page, so the
//!    SVG, PDF or PNG is exactly the page (a PNG at 150 dpi: the page in
//!    inches × 150 pixels).
//!
//! The fitting runs Graphviz through the [`Graphviz`] trait (the renderer
//! supplies the real program); the measuring, the scale and the page
//! attributes are unit-tested here, the whole search in tests/it/export.rs.

use super::page::{Page, PageSize};
use super::{Drawing, Layout, Parts};
use crate::error::{Error, Result};
use crate::export::render;
use crate::export::style::TEXT_PT;

/// What the page fitting varies when it draws a figure again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tune {
    /// Spacing: 0 as asked, 1 tighter, 2 tightest (with smaller node minimums).
    pub compact: u8,
    /// Break node labels longer than this many characters.
    pub wrap: Option<usize>,
    /// Every font size is multiplied by this (≥ 1).
    pub font_scale: f64,
    /// Another engine than the one asked for.
    pub engine: Option<Layout>,
    /// Another spline setting (the fitting lays out with straight edges).
    pub splines: Option<&'static str>,
}

impl Default for Tune {
    fn default() -> Tune {
        Tune {
            compact: 0,
            wrap: None,
            font_scale: 1.0,
            engine: None,
            splines: None,
        }
    }
}

impl Tune {
    /// The figure as asked, with fonts raised so that text at its natural
    /// size is at least the page's minimum.
    pub fn for_page(page: Option<&Page>) -> Tune {
        let font_scale = page.map_or(1.0, |p| (p.min_font / TEXT_PT).clamp(1.0, MAX_FONT_SCALE));
        Tune {
            font_scale,
            ..Tune::default()
        }
    }
}

/// How the legend is laid out: wide (one column per part) to go under the
/// network, tall (kinds beside the rest) to go beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendShape {
    Wide,
    Tall,
}

/// Where the legend goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// To the right of the network, top-aligned.
    Right,
    /// Under the network, left-aligned.
    Below,
}

/// Most layouts of the network tried for one figure.
pub const ATTEMPTS: usize = 4;

/// Largest font scale the fitting uses.
const MAX_FONT_SCALE: f64 = 4.0;

/// Graphviz's default `pad` around a drawing, in points (included in the
/// area `size` constrains).
const PAD_PT: f64 = 4.0;

/// Taken off each margin (inches) against Graphviz's rounding.
const ROUNDING_IN: f64 = 0.003;

/// Runs Graphviz: `dot` with `args` on a DOT text, returning its output.
pub trait Graphviz {
    fn run(&mut self, dot: &str, args: &[&str]) -> Result<Vec<u8>>;
}

/// What a laid-out figure measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measure {
    /// Width and height of the bounding box, in points.
    pub width: f64,
    pub height: f64,
    /// The smallest font size of any text drawn, in points (None: no text).
    pub smallest_font: Option<f64>,
}

impl Measure {
    /// The scale Graphviz applies to fit `page` (at most 1).
    pub fn scale(&self, page: &Page) -> f64 {
        let (w, h) = page.drawable_in();
        let (dw, dh) = (self.width + 2.0 * PAD_PT, self.height + 2.0 * PAD_PT);
        if dw <= 0.0 || dh <= 0.0 {
            return 1.0;
        }
        (w * 72.0 / dw).min(h * 72.0 / dh).min(1.0)
    }

    /// The smallest text on the page, in points.
    pub fn smallest_on(&self, page: &Page) -> f64 {
        self.smallest_font
            .map_or(f64::INFINITY, |f| f * self.scale(page))
    }
}

/// Reads Graphviz `-Tjson` output: the bounding box, and the font size of
/// every non-blank text in every drawing operation list.
pub fn measure(json: &[u8]) -> Option<Measure> {
    let v: serde_json::Value = serde_json::from_slice(json).ok()?;
    let bb: Vec<f64> = v
        .get("bb")?
        .as_str()?
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .ok()?;
    if bb.len() != 4 {
        return None;
    }
    let mut smallest: Option<f64> = None;
    let mut scan = |obj: &serde_json::Value| {
        let Some(map) = obj.as_object() else {
            return;
        };
        for (key, ops) in map {
            if !key.ends_with("draw_") {
                continue;
            }
            let mut font = None;
            for op in ops.as_array().into_iter().flatten() {
                match op.get("op").and_then(|o| o.as_str()) {
                    Some("F") => font = op.get("size").and_then(|s| s.as_f64()),
                    Some("T") => {
                        let text = op.get("text").and_then(|t| t.as_str()).unwrap_or("");
                        if let (Some(f), false) = (font, text.trim().is_empty()) {
                            smallest = Some(smallest.map_or(f, |s: f64| s.min(f)));
                        }
                    }
                    _ => {}
                }
            }
        }
    };
    scan(&v);
    for list in ["objects", "edges"] {
        for o in v.get(list).and_then(|x| x.as_array()).into_iter().flatten() {
            scan(o);
        }
    }
    Some(Measure {
        width: bb[2] - bb[0],
        height: bb[3] - bb[1],
        smallest_font: smallest,
    })
}

/// A figure fitted to its page.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The positioned figure with its page (`size`, `margin`), for `-n2`.
    pub dot: String,
    /// The scale Graphviz applies.
    pub scale: f64,
    /// The smallest text on the page, in points.
    pub smallest: f64,
    /// The tune and legend place that won.
    pub tune: Tune,
    pub place: Option<Place>,
}

/// One way of drawing the figure, laid out and measured.
#[derive(Debug, Clone)]
struct Trial {
    tune: Tune,
    place: Option<Place>,
    /// The composed figure (legend placed), ready for `-n2`.
    composed: String,
    measure: Measure,
    smallest: f64,
}

fn unexpected(target: &str, what: &str) -> Error {
    Error::Render {
        target: target.to_string(),
        message: format!("unexpected Graphviz output ({what})"),
    }
}

/// Width and height of a positioned graph's root box, in points.
fn root_box(pos: &str) -> Option<(f64, f64)> {
    let bb: Vec<f64> = render::root_value(pos, "bb")?
        .split(',')
        .map(|x| x.trim().parse::<f64>().ok())
        .collect::<Option<_>>()?;
    (bb.len() == 4).then(|| (bb[2] - bb[0], bb[3] - bb[1]))
}

/// How much to stretch a spring layout's x positions (and shrink its y
/// positions by the same factor, keeping the area) so that the network with
/// its title and legend takes the page's shape; `None` when it nearly does.
fn stretch_factor(
    main_pos: &str,
    legend: Option<(f64, f64)>,
    place: Option<Place>,
    page: &Page,
) -> Option<f64> {
    let (w, h) = root_box(main_pos)?;
    let title = match render::root_value(main_pos, "labelloc").as_deref() {
        Some("t") => render::root_value(main_pos, "lheight")
            .and_then(|x| x.parse::<f64>().ok())
            .map_or(0.0, |x| x * 72.0),
        _ => 0.0,
    };
    let (wn, hn) = (w, (h - title).max(1.0));
    let area = wn * hn;
    let (dw, dh) = page.drawable_in();
    let r = dw / dh;
    let gap = render::LEGEND_GAP;
    // The network width that gives the whole the page's aspect ratio:
    // the positive root of wn² + b·wn − r·area = 0.
    let b = match (legend, place) {
        (Some((lw, _)), Some(Place::Right)) => gap + lw - r * title,
        (Some((_, lh)), Some(Place::Below)) => -r * (title + gap + lh),
        _ => -r * title,
    };
    let target = (-b + (b * b + 4.0 * r * area).sqrt()) / 2.0;
    if !(target.is_finite() && target > 0.0) {
        return None;
    }
    let a = ((target * target / area) / (wn / hn))
        .sqrt()
        .clamp(0.5, 2.0);
    ((a - 1.0).abs() > 0.05).then_some(a)
}

/// Lays out, places the legend, measures: the best of the legend beside
/// and under the network, and for neato of the layout as it comes and
/// stretched towards the page's shape (with `neato -n` removing overlaps).
fn trial(
    d: &Drawing,
    tune: Tune,
    page: &Page,
    gv: &mut dyn Graphviz,
    target: &str,
) -> Result<Option<Trial>> {
    let Some(wide) = d.parts(&tune, LegendShape::Wide) else {
        return Ok(None);
    };
    let main_pos = gv.run(&wide.main, &["-Tdot"])?;
    let main_pos = String::from_utf8_lossy(&main_pos).into_owned();
    // The legends laid out: beside (tall) and under (wide) the network.
    let mut legends: Vec<(Option<Place>, Option<String>)> = Vec::new();
    match &wide.legend {
        None => legends.push((None, None)),
        Some(wide_legend) => {
            let tall = d
                .parts(&tune, LegendShape::Tall)
                .and_then(|p: Parts| p.legend)
                .unwrap_or_else(|| wide_legend.clone());
            for (place, legend) in [(Place::Right, &tall), (Place::Below, wide_legend)] {
                let pos = gv.run(legend, &["-Tdot"])?;
                legends.push((
                    Some(place),
                    Some(String::from_utf8_lossy(&pos).into_owned()),
                ));
            }
        }
    }
    let stretchable = engine_of(d, &tune) == Layout::Neato && !d.clustered();
    let mut best: Option<Trial> = None;
    for (place, legend_pos) in &legends {
        let mut networks = vec![main_pos.clone()];
        if stretchable {
            let size = legend_pos.as_deref().and_then(root_box);
            if let Some(a) = stretch_factor(&main_pos, size, *place, page) {
                let stretched = render::stretch(&main_pos, a, 1.0 / a)
                    .ok_or_else(|| unexpected(target, "no positions"))?;
                let pos = gv.run(&stretched, &["-n", "-Tdot"])?;
                networks.push(String::from_utf8_lossy(&pos).into_owned());
            }
        }
        for net in networks {
            let composed = match legend_pos {
                None => render::reposition(&net),
                Some(l) => render::compose_at(&net, l, place.unwrap_or(Place::Right)),
            }
            .ok_or_else(|| unexpected(target, "no bounding box"))?;
            let json = gv.run(&composed, &["-n2", "-Tjson"])?;
            let m = measure(&json).ok_or_else(|| unexpected(target, "no JSON bounding box"))?;
            let smallest = m.smallest_on(page);
            // The larger text wins; on a tie, the larger drawing.
            let better = best.as_ref().is_none_or(|b| {
                smallest > b.smallest + 1e-9
                    || ((smallest - b.smallest).abs() <= 1e-9
                        && m.scale(page) > b.measure.scale(page))
            });
            if better {
                best = Some(Trial {
                    tune,
                    place: *place,
                    composed,
                    measure: m,
                    smallest,
                });
            }
        }
    }
    Ok(best)
}

/// The engine a tune lays the figure out with.
fn engine_of(d: &Drawing, tune: &Tune) -> Layout {
    tune.engine
        .unwrap_or(d.options().map_or(Layout::Auto, |o| o.layout))
        .resolve(d.node_count())
}

/// The tunes tried, in order: as asked; tighter with labels broken at 20
/// characters; tightest with labels broken at 14; and a placeholder for
/// the best of these with larger fonts (see [`fit`]). With `auto`, the
/// later ones use neato (fdp when clustered).
fn tunes(d: &Drawing, first: Tune) -> [Tune; ATTEMPTS] {
    let tightest = Tune {
        compact: 2,
        wrap: Some(14),
        engine: None,
        ..first
    };
    let asked = d.options().map_or(Layout::Auto, |o| o.layout);
    let alt = match asked {
        Layout::Auto if d.clustered() => Some(Layout::Fdp),
        Layout::Auto => Some(Layout::Neato),
        _ => None,
    };
    [
        first,
        Tune {
            compact: 1,
            wrap: Some(20),
            engine: alt,
            ..first
        },
        Tune {
            engine: alt,
            ..tightest
        },
        Tune {
            engine: alt,
            ..tightest
        },
    ]
}

/// Fits a drawing to its page: the positioned figure with `size` and
/// margins that put it in the middle of the page, or
/// [`Error::FigureDoesNotFit`] when no attempt keeps the text at the
/// page's minimum. `target` names the file for messages.
pub fn fit(d: &Drawing, page: &Page, gv: &mut dyn Graphviz, target: &str) -> Result<Fitted> {
    let first = d.options().map_or_else(Tune::default, |o| o.tune);
    let nodes = d.node_count();
    let min = page.min_font.max(0.0);
    let mut best: Option<Trial> = None;
    let mut last: Option<(Tune, f64)> = None;
    let mut largest_font = first.font_scale;
    for (i, mut tune) in tunes(d, first).into_iter().enumerate() {
        // Larger fonts grow the nodes but not the spacing, so the text on
        // the page grows, though more slowly than the fonts: the third
        // attempt raises them by the square of the last attempt's
        // shortfall; the fourth takes the best attempt so far (its spacing,
        // label breaks and engine) and raises its fonts in the same way, by
        // at least a tenth more than any tried. At most 2.5 times.
        let base = match i {
            2 => last,
            3 => best.as_ref().map(|b| (b.tune, b.smallest)),
            _ => None,
        };
        if let Some((b, reached)) = base {
            if i == 3 {
                tune = Tune { splines: None, ..b };
            }
            if reached > 0.0 && reached.is_finite() && reached < min {
                let short = min / reached;
                let floor = if i == 3 {
                    largest_font * 1.1
                } else {
                    first.font_scale
                };
                tune.font_scale = (b.font_scale * short * short)
                    .max(floor)
                    .clamp(first.font_scale, 2.5 * first.font_scale);
            }
        }
        largest_font = largest_font.max(tune.font_scale);
        // Laid out with straight edges (the positions do not depend on the
        // splines, which cost most of the time); dot routes its own cheaply.
        let engine = engine_of(d, &tune);
        if engine != Layout::Dot {
            tune.splines = Some("false");
        }
        let Some(t) = trial(d, tune, page, gv, target)? else {
            break;
        };
        last = Some((t.tune, t.smallest));
        let done = t.smallest + 1e-9 >= min;
        if best.as_ref().is_none_or(|b| t.smallest > b.smallest) {
            best = Some(t);
        }
        if done {
            break;
        }
    }
    let best = best.ok_or_else(|| unexpected(target, "nothing to draw"))?;
    if best.smallest + 1e-9 < min {
        return Err(does_not_fit(page, best.smallest, target));
    }
    // Position with the real splines, measure again; if the curves make the
    // drawing larger and the text smaller than the minimum, keep straight
    // edges (which is what was measured).
    let engine = engine_of(d, &best.tune);
    let real = super::writer::splines_for(engine, nodes);
    let mut finals = Vec::new();
    if best.tune.splines.is_some_and(|s| s != real) {
        finals.push(render::set_root_attr(&best.composed, "splines", real));
    }
    finals.push(best.composed.clone());
    let mut last = None;
    for composed in finals {
        let positioned = gv.run(&composed, &["-n2", "-Tdot"])?;
        let positioned = String::from_utf8_lossy(&positioned).into_owned();
        let json = gv.run(&positioned, &["-n2", "-Tjson"])?;
        let m = measure(&json).ok_or_else(|| unexpected(target, "no JSON bounding box"))?;
        let smallest = m.smallest_on(page);
        last = Some((positioned, m, smallest));
        if smallest + 1e-9 >= min {
            break;
        }
    }
    let (positioned, m, smallest) = last.ok_or_else(|| unexpected(target, "nothing to draw"))?;
    if smallest + 1e-9 < min {
        return Err(does_not_fit(page, smallest, target));
    }
    let scale = m.scale(page);
    Ok(Fitted {
        dot: on_page(&positioned, &m, page),
        scale,
        smallest,
        tune: best.tune,
        place: best.place,
    })
}

/// The error for a figure whose text stays below the minimum, with the
/// smallest standard page it would probably fit.
fn does_not_fit(page: &Page, smallest: f64, target: &str) -> Error {
    let min = page.min_font;
    // Text grows at most linearly with the page side; A sizes grow by √2.
    let larger = (0..=4u8)
        .rev()
        .map(|n| page.with_size(PageSize::A(n)))
        .find(|p| {
            let (w, h) = page.inches();
            let (pw, ph) = p.inches();
            let factor = (pw / w).min(ph / h);
            factor > 1.01 && smallest * factor >= min
        });
    Error::FigureDoesNotFit {
        target: target.to_string(),
        page: page.to_string(),
        min_font: min,
        // Rounded down, so that it never reads as the minimum itself.
        smallest: (smallest * 10.0).floor() / 10.0,
        larger: larger.map(|p| p.size.name().to_ascii_lowercase()),
    }
}

/// The positioned figure with the page: `size` (the drawable area) and
/// margins that centre the scaled drawing so that the output is the page.
fn on_page(positioned: &str, m: &Measure, page: &Page) -> String {
    let (pw, ph) = page.inches();
    let (dw, dh) = page.drawable_in();
    let s = m.scale(page);
    let w = (m.width + 2.0 * PAD_PT) * s / 72.0;
    let h = (m.height + 2.0 * PAD_PT) * s / 72.0;
    // Graphviz rounds the output up by about half a point; a hair less
    // margin gives the page to the pixel at 72, 150 and 300 dpi.
    let mx = ((pw - w) / 2.0 - ROUNDING_IN).max(0.0);
    let my = ((ph - h) / 2.0 - ROUNDING_IN).max(0.0);
    let attrs = format!(
        "\tgraph [size=\"{dw:.4},{dh:.4}\", margin=\"{mx:.4},{my:.4}\", pad=\"{:.4}\"];\n",
        PAD_PT / 72.0
    );
    match positioned.rfind('}') {
        Some(end) => format!("{}{attrs}}}\n", &positioned[..end]),
        None => positioned.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(min: f64) -> Page {
        Page {
            min_font: min,
            ..Page::default()
        }
    }

    const JSON: &str = r#"{"bb":"0,0,1000,200",
        "_ldraw_":[{"op":"F","size":16.0,"face":"Noto Sans"},{"op":"T","text":"Title"},
                   {"op":"F","size":10.0,"face":"Noto Sans"},{"op":"T","text":"caption"}],
        "objects":[{"_ldraw_":[{"op":"F","size":9.0},{"op":"T","text":" "},
                               {"op":"F","size":12.0},{"op":"T","text":"node"}]},
                   {"_draw_":[{"op":"e","rect":[1,2,3,4]}]}],
        "edges":[{"_tldraw_":[{"op":"F","size":11.0},{"op":"T","text":"?"}]}]}"#;

    #[test]
    fn measuring_reads_the_box_and_the_smallest_text() {
        let m = measure(JSON.as_bytes()).unwrap();
        assert_eq!((m.width, m.height), (1000.0, 200.0));
        // The 9 pt text is blank, so 10 pt (the caption) is the smallest.
        assert_eq!(m.smallest_font, Some(10.0));
        assert!(measure(b"{}").is_none());
        assert!(measure(b"not json").is_none());
        assert!(measure(br#"{"bb":"1,2,3"}"#).is_none());
    }

    #[test]
    fn the_scale_is_graphvizs() {
        // A4 landscape inside 10 mm margins: 785.2 × 538.6 pt.
        let m = Measure {
            width: 1000.0 - 8.0,
            height: 200.0 - 8.0,
            smallest_font: Some(10.0),
        };
        let p = page(7.0);
        let s = m.scale(&p);
        assert!((s - 277.0 / 25.4 * 72.0 / 1000.0).abs() < 1e-9, "{s}");
        assert!((m.smallest_on(&p) - 10.0 * s).abs() < 1e-9);
        // Never enlarged.
        let small = Measure {
            width: 10.0,
            height: 10.0,
            smallest_font: None,
        };
        assert_eq!(small.scale(&p), 1.0);
        assert_eq!(small.smallest_on(&p), f64::INFINITY);
    }

    #[test]
    fn the_page_attributes_centre_the_drawing() {
        let m = Measure {
            width: 100.0 - 8.0,
            height: 50.0 - 8.0,
            smallest_font: Some(10.0),
        };
        let dot = on_page("graph {\n\ta;\n}\n", &m, &page(7.0));
        let (pw, ph) = page(7.0).inches();
        let mx = (pw - 100.0 / 72.0) / 2.0 - ROUNDING_IN;
        let my = (ph - 50.0 / 72.0) / 2.0 - ROUNDING_IN;
        assert!(
            dot.contains(&format!("margin=\"{mx:.4},{my:.4}\"")),
            "{dot}"
        );
        assert!(dot.ends_with("];\n}\n"), "{dot}");
    }

    #[test]
    fn a_figure_that_cannot_fit_names_a_larger_page() {
        let e = does_not_fit(&page(7.0), 3.6, "x.svg");
        match e {
            Error::FigureDoesNotFit {
                larger, smallest, ..
            } => {
                // A4 → A2 doubles the sides: 7.2 pt.
                assert_eq!(larger.as_deref(), Some("a2"));
                assert_eq!(smallest, 3.6);
            }
            other => panic!("{other}"),
        }
        match does_not_fit(&page(7.0), 0.1, "x.svg") {
            Error::FigureDoesNotFit { larger, .. } => assert_eq!(larger, None),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn fonts_are_raised_for_a_large_minimum() {
        assert_eq!(Tune::for_page(None).font_scale, 1.0);
        assert_eq!(Tune::for_page(Some(&page(7.0))).font_scale, 1.0);
        assert!((Tune::for_page(Some(&page(12.0))).font_scale - 1.2).abs() < 1e-9);
        assert_eq!(
            Tune::for_page(Some(&page(500.0))).font_scale,
            MAX_FONT_SCALE
        );
    }
}
