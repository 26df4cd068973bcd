//! The page a figure is drawn for: its size, orientation, margin and the
//! smallest text allowed on it.
//!
//! A page is given as `a4`, `a3`, `letter`, … or `WxH` with a unit (`mm`,
//! `cm` or `in`; millimetres when there is none): `200x150mm`, `8.5x11in`.
//! Named sizes are turned to the orientation asked for (landscape by
//! default); a `WxH` size is taken as written unless an orientation is
//! asked for. [`Page`] carries the result in inches, the unit of Graphviz's
//! `size` and `margin`.

use std::fmt;
use std::str::FromStr;

const MM_PER_IN: f64 = 25.4;

/// A sheet size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageSize {
    /// ISO A series: A0 … A5.
    A(u8),
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// US Legal, 8.5 × 14 in.
    Legal,
    /// Width × height in millimetres, as written.
    Custom { width_mm: f64, height_mm: f64 },
}

/// Why a page size could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageSizeError {
    #[error("'{0}' is not a page size: use a4, a3, letter, legal, or WxH with mm, cm or in (e.g. 200x150mm, 8.5x11in)")]
    Unknown(String),
    #[error("'{0}': a page must be between 20 mm and 5 m on each side")]
    OutOfRange(String),
}

impl PageSize {
    /// Width and height in millimetres, portrait for named sizes.
    pub fn millimetres(self) -> (f64, f64) {
        match self {
            // A0 is 841 × 1189 mm; each step halves the long side (rounded down).
            PageSize::A(n) => {
                let (mut w, mut h) = (841.0f64, 1189.0f64);
                for _ in 0..n {
                    let half = (h / 2.0).floor();
                    h = w;
                    w = half;
                }
                (w, h)
            }
            PageSize::Letter => (8.5 * MM_PER_IN, 11.0 * MM_PER_IN),
            PageSize::Legal => (8.5 * MM_PER_IN, 14.0 * MM_PER_IN),
            PageSize::Custom {
                width_mm,
                height_mm,
            } => (width_mm, height_mm),
        }
    }

    /// Whether the size has a name (and so turns with the orientation).
    pub fn is_named(self) -> bool {
        !matches!(self, PageSize::Custom { .. })
    }

    /// The name as written on the command line (`a4`, `200x150mm`).
    pub fn name(self) -> String {
        match self {
            PageSize::A(n) => format!("A{n}"),
            PageSize::Letter => "Letter".into(),
            PageSize::Legal => "Legal".into(),
            PageSize::Custom {
                width_mm,
                height_mm,
            } => format!("{}x{}mm", num(width_mm), num(height_mm)),
        }
    }
}

/// A number without a needless fraction (`200`, `215.9`).
fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

impl FromStr for PageSize {
    type Err = PageSizeError;

    fn from_str(s: &str) -> Result<PageSize, PageSizeError> {
        let t = s.trim().to_ascii_lowercase();
        let unknown = || PageSizeError::Unknown(s.to_string());
        match t.as_str() {
            "letter" => return Ok(PageSize::Letter),
            "legal" => return Ok(PageSize::Legal),
            _ => {}
        }
        if let Some(n) = t.strip_prefix('a') {
            return match n.as_bytes() {
                [d @ b'0'..=b'5'] => Ok(PageSize::A(d - b'0')),
                _ => Err(unknown()),
            };
        }
        let (body, factor) = if let Some(b) = t.strip_suffix("mm") {
            (b, 1.0)
        } else if let Some(b) = t.strip_suffix("cm") {
            (b, 10.0)
        } else if let Some(b) = t.strip_suffix("in") {
            (b, MM_PER_IN)
        } else {
            (t.as_str(), 1.0)
        };
        let (w, h) = body.split_once(['x', '×', '*']).ok_or_else(unknown)?;
        let parse = |v: &str| -> Result<f64, PageSizeError> {
            let v = v.trim();
            if v.is_empty() || !v.chars().all(|c| c.is_ascii_digit() || c == '.') {
                return Err(unknown());
            }
            v.parse::<f64>().map_err(|_| unknown())
        };
        let (w, h) = (parse(w)? * factor, parse(h)? * factor);
        if !(20.0..=5000.0).contains(&w) || !(20.0..=5000.0).contains(&h) {
            return Err(PageSizeError::OutOfRange(s.to_string()));
        }
        Ok(PageSize::Custom {
            width_mm: w,
            height_mm: h,
        })
    }
}

/// Which way up the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Orientation {
    /// Taller than wide.
    Portrait,
    /// Wider than tall (the default for named sizes: networks are wide).
    #[default]
    Landscape,
}

impl Orientation {
    pub fn as_str(self) -> &'static str {
        match self {
            Orientation::Portrait => "portrait",
            Orientation::Landscape => "landscape",
        }
    }
}

/// The default margin around a figure on its page, in millimetres.
pub const DEFAULT_MARGIN_MM: f64 = 10.0;

/// The default smallest text on the page, in points: a size that prints
/// legibly (journal figure rules ask for 5–7 pt at the printed size).
pub const DEFAULT_MIN_FONT: f64 = 6.0;

/// A page to fit a figure on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Page {
    pub size: PageSize,
    /// The orientation asked for; `None` takes a named size landscape and a
    /// `WxH` size as written.
    pub orientation: Option<Orientation>,
    /// Margin on every side, in millimetres.
    pub margin_mm: f64,
    /// The smallest text allowed at the printed size, in points; 0 for no
    /// limit (the figure is only shrunk to the page).
    pub min_font: f64,
}

impl Default for Page {
    /// A4 landscape, 10 mm margins, text of at least 7 pt.
    fn default() -> Page {
        Page {
            size: PageSize::A(4),
            orientation: None,
            margin_mm: DEFAULT_MARGIN_MM,
            min_font: DEFAULT_MIN_FONT,
        }
    }
}

impl Page {
    /// Width and height of the sheet in millimetres, turned as asked.
    pub fn millimetres(&self) -> (f64, f64) {
        let (w, h) = self.size.millimetres();
        let turn = |o: Orientation| match o {
            Orientation::Landscape => (w.max(h), w.min(h)),
            Orientation::Portrait => (w.min(h), w.max(h)),
        };
        match (self.orientation, self.size.is_named()) {
            (Some(o), _) => turn(o),
            (None, true) => turn(Orientation::Landscape),
            (None, false) => (w, h),
        }
    }

    /// Width and height of the sheet in inches.
    pub fn inches(&self) -> (f64, f64) {
        let (w, h) = self.millimetres();
        (w / MM_PER_IN, h / MM_PER_IN)
    }

    /// The margin in inches (never more than a quarter of the short side).
    pub fn margin_in(&self) -> f64 {
        let (w, h) = self.inches();
        (self.margin_mm.max(0.0) / MM_PER_IN).min(w.min(h) / 4.0)
    }

    /// The area a drawing may take, inside the margins, in inches.
    pub fn drawable_in(&self) -> (f64, f64) {
        let (w, h) = self.inches();
        let m = self.margin_in();
        (w - 2.0 * m, h - 2.0 * m)
    }

    /// The same page with another size (for hints: "it would fit A2").
    pub fn with_size(&self, size: PageSize) -> Page {
        Page { size, ..*self }
    }

    /// The orientation the sheet ends up in.
    pub fn turned(&self) -> Orientation {
        let (w, h) = self.millimetres();
        if w >= h {
            Orientation::Landscape
        } else {
            Orientation::Portrait
        }
    }
}

impl fmt::Display for Page {
    /// `A4 landscape (297 × 210 mm)`, `200x150mm (200 × 150 mm)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (w, h) = self.millimetres();
        if self.size.is_named() {
            write!(
                f,
                "{} {} ({} × {} mm)",
                self.size.name(),
                self.turned().as_str(),
                num(w),
                num(h)
            )
        } else {
            write!(f, "a {} × {} mm page", num(w), num(h))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(s: &str, o: Option<Orientation>) -> Page {
        Page {
            size: s.parse().unwrap(),
            orientation: o,
            ..Page::default()
        }
    }

    #[test]
    fn named_sizes() {
        assert_eq!(PageSize::A(4).millimetres(), (210.0, 297.0));
        assert_eq!(PageSize::A(3).millimetres(), (297.0, 420.0));
        assert_eq!(PageSize::A(0).millimetres(), (841.0, 1189.0));
        assert_eq!(PageSize::A(5).millimetres(), (148.0, 210.0));
        assert_eq!("A4".parse::<PageSize>(), Ok(PageSize::A(4)));
        assert_eq!(" letter ".parse::<PageSize>(), Ok(PageSize::Letter));
        let p = page("a4", None);
        assert_eq!(p.millimetres(), (297.0, 210.0), "landscape by default");
        assert_eq!(
            page("a4", Some(Orientation::Portrait)).millimetres(),
            (210.0, 297.0)
        );
        assert_eq!(p.to_string(), "A4 landscape (297 × 210 mm)");
        let (w, h) = page("letter", None).inches();
        assert!((w - 11.0).abs() < 1e-9 && (h - 8.5).abs() < 1e-9);
    }

    #[test]
    fn custom_sizes_with_units() {
        assert_eq!(page("200x150mm", None).millimetres(), (200.0, 150.0));
        assert_eq!(page("20x15cm", None).millimetres(), (200.0, 150.0));
        assert_eq!(page("150x200", None).millimetres(), (150.0, 200.0));
        let (w, h) = page("8x6in", None).inches();
        assert!((w - 8.0).abs() < 1e-9 && (h - 6.0).abs() < 1e-9);
        // Turned only when asked.
        assert_eq!(
            page("150x200mm", Some(Orientation::Landscape)).millimetres(),
            (200.0, 150.0)
        );
        assert_eq!(page("200x150mm", None).to_string(), "a 200 × 150 mm page");
    }

    #[test]
    fn bad_sizes_are_refused() {
        for bad in [
            "",
            "a9",
            "a",
            "a44",
            "b5",
            "x",
            "200x",
            "x150",
            "200-150",
            "-200x150",
            "200x150ft",
            "1e3x100",
            "nan x 3",
            "200x150x100",
        ] {
            assert!(bad.parse::<PageSize>().is_err(), "{bad}");
        }
        assert!(matches!(
            "5x5mm".parse::<PageSize>(),
            Err(PageSizeError::OutOfRange(_))
        ));
        assert!("10000x200".parse::<PageSize>().is_err());
    }

    #[test]
    fn margins_and_drawable_area() {
        let p = page("a4", None);
        let (w, h) = p.drawable_in();
        assert!((w - 277.0 / 25.4).abs() < 1e-9 && (h - 190.0 / 25.4).abs() < 1e-9);
        let tiny = Page {
            margin_mm: 100.0,
            ..page("40x40mm", None)
        };
        assert!((tiny.margin_in() - 10.0 / 25.4).abs() < 1e-9, "capped");
    }
}
