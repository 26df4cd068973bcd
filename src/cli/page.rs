//! The page flags of `render` and `export dot`: `--page`, `--orientation`,
//! `--min-font`, mapped to the library's [`Page`].

use crate::export::dot::page::{PageSize, DEFAULT_MIN_FONT};
use crate::export::dot::{Orientation, Page};

/// A `--page` value: a size, or `none` for the natural size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PageChoice {
    Size(PageSize),
    None,
}

fn page_choice(s: &str) -> Result<PageChoice, String> {
    if s.trim().eq_ignore_ascii_case("none") {
        return Ok(PageChoice::None);
    }
    s.parse::<PageSize>()
        .map(PageChoice::Size)
        .map_err(|e| e.to_string())
}

fn min_font(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=72.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "'{s}' is not a font size: give points from 0 (no minimum) to 72, e.g. 7"
        )),
    }
}

/// The page a figure is drawn for.
#[derive(Debug, Clone, clap::Args)]
pub struct PageArgs {
    /// Page to fit the figure on: a4 (default), a3, a2, a1, a0, a5, letter, legal, or WxH in mm (200x150, 200x150mm), cm (20x15cm) or inches (8x6in); none for the natural size.
    #[arg(long, value_name = "PAGE", default_value = "a4", value_parser = page_choice)]
    pub page: PageChoice,
    /// Page orientation (default: landscape for named sizes; a WxH page as written).
    #[arg(long, value_enum, value_name = "WAY")]
    pub orientation: Option<Orientation>,
    /// Smallest text allowed on the page, in points (0: no minimum); the figure is made more compact, or refused, to keep it.
    #[arg(long, value_name = "PT", default_value_t = DEFAULT_MIN_FONT, value_parser = min_font, allow_negative_numbers = true)]
    pub min_font: f64,
}

impl PageArgs {
    /// The page, or `None` for `--page none`.
    pub fn page(&self) -> Option<Page> {
        match self.page {
            PageChoice::None => None,
            PageChoice::Size(size) => Some(Page {
                size,
                orientation: self.orientation,
                min_font: self.min_font,
                ..Page::default()
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(page_choice("NONE"), Ok(PageChoice::None));
        assert_eq!(page_choice("a3"), Ok(PageChoice::Size(PageSize::A(3))));
        assert!(page_choice("a7").unwrap_err().contains("not a page size"));
        assert_eq!(min_font("6.5"), Ok(6.5));
        assert!(min_font("-1").is_err() && min_font("x").is_err() && min_font("100").is_err());
    }
}
