//! Titles and captions of figures: a title that names the slice in words
//! (place and period names, not ids) and a caption with the counts and the
//! documents the agreements in the slice are coded from.

use crate::export::dot::Labels;
use crate::export::style::alignment_ar;
use crate::model::{Agreement, Dataset, Day, Document};
use crate::slice::Slice;
use std::collections::BTreeSet;

/// What a figure shows, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub agreements: usize,
    pub actors: usize,
    pub edges: usize,
}

/// Whole calendar years as "2016" or "2017–2018". Arabic says "من 2017
/// إلى 2018": a dash between numbers in right-to-left text is shown as
/// "2018–2017", which reads ambiguously.
fn year_span(from: Option<Day>, to: Option<Day>, arabic: bool) -> Option<String> {
    let (f, t) = (from?, to?);
    let whole = f.month == 1 && f.day == 1 && t.month == 12 && t.day == 31;
    match (whole, f.year == t.year) {
        (true, true) => Some(f.year.to_string()),
        (true, false) if arabic => Some(format!("من {} إلى {}", f.year, t.year)),
        (true, false) => Some(format!("{}–{}", f.year, t.year)),
        _ => None,
    }
}

/// The slice in words, in English or Arabic; empty for the whole dataset.
pub fn slice_phrase(ds: &Dataset, slice: &Slice, arabic: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some((id, _)) = &slice.region {
        // Several places (`a+b`, see `resolve::region`) are named together.
        let names: Vec<String> = id
            .split('+')
            .map(|one| match ds.places.get(one) {
                Some(p) if arabic => p.name_ar.clone(),
                Some(p) => p.name_en.clone(),
                None => one.to_string(),
            })
            .collect();
        parts.push(if arabic {
            names.join(" و")
        } else {
            names.join(" and ")
        });
    }
    let mut window_is_period = false;
    if let Some(id) = &slice.period {
        if let Some(p) = ds.periods.get(id) {
            parts.push(if arabic {
                p.name_ar.clone()
            } else {
                p.name_en.clone()
            });
            window_is_period = p.from == slice.from && p.to == slice.to;
        }
    }
    if !window_is_period {
        let dates = match (
            year_span(slice.from, slice.to, arabic),
            slice.from,
            slice.to,
        ) {
            (Some(y), _, _) => Some(y),
            (None, Some(f), Some(t)) if arabic => Some(format!("من {f} إلى {t}")),
            (None, Some(f), Some(t)) => Some(format!("{f} to {t}")),
            (None, Some(f), None) if arabic => Some(format!("من {f}")),
            (None, Some(f), None) => Some(format!("from {f}")),
            (None, None, Some(t)) if arabic => Some(format!("حتى {t}")),
            (None, None, Some(t)) => Some(format!("until {t}")),
            (None, None, None) => None,
        };
        parts.extend(dates);
    }
    if !slice.kinds.is_empty() {
        parts.push(
            slice
                .kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
        );
    }
    if !slice.alignments.is_empty() {
        let names: Vec<&str> = slice
            .alignments
            .iter()
            .map(|a| if arabic { alignment_ar(*a) } else { a.as_str() })
            .collect();
        parts.push(if arabic {
            format!("الفاعلون: {}", names.join(" + "))
        } else {
            format!("actors: {}", names.join(" + "))
        });
    }
    parts.join(if arabic { "، " } else { ", " })
}

/// The title of a figure: "Reconciliation network: &lt;slice&gt;", in the
/// language(s) of the labels (English first, Arabic on its own line).
pub fn title(ds: &Dataset, slice: &Slice, labels: Labels) -> String {
    let en = || {
        let p = slice_phrase(ds, slice, false);
        if p.is_empty() {
            "Reconciliation network: all agreements".to_string()
        } else {
            format!("Reconciliation network: {p}")
        }
    };
    let ar = || {
        let p = slice_phrase(ds, slice, true);
        if p.is_empty() {
            "شبكة المصالحات: كل الاتفاقات".to_string()
        } else {
            format!("شبكة المصالحات: {p}")
        }
    };
    match labels {
        Labels::En => en(),
        Labels::Ar => ar(),
        Labels::Both => format!("{}\n{}", en(), ar()),
    }
}

/// The documents cited by a set of agreements, in dataset order.
pub fn sources<'a>(ds: &'a Dataset, agreements: &[&Agreement]) -> Vec<&'a Document> {
    let cited: BTreeSet<&str> = agreements
        .iter()
        .flat_map(|a| a.sources.iter().map(|s| s.document.as_str()))
        .collect();
    ds.documents
        .values()
        .filter(|d| cited.contains(d.id.as_str()))
        .collect()
}

/// Joins items into lines of at most about `width` characters.
fn wrap(prefix: &str, items: &[String], sep: &str, width: usize) -> Vec<String> {
    let mut lines = vec![prefix.to_string()];
    for (i, it) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{it}{sep}")
        } else {
            it.clone()
        };
        let cur = lines.last_mut().expect("never empty");
        if cur.chars().count() + 1 + piece.chars().count() > width
            && cur.chars().count() > prefix.len()
        {
            lines.push(piece);
        } else {
            if !cur.is_empty() && !cur.ends_with(' ') {
                cur.push(' ');
            }
            cur.push_str(&piece);
        }
    }
    lines
}

/// The caption: counts, then the sources, in English (for `en` and `both`)
/// or Arabic.
pub fn caption(
    ds: &Dataset,
    agreements: &[&Agreement],
    counts: Counts,
    what: &str,
    labels: Labels,
) -> String {
    let docs = sources(ds, agreements);
    let year = |d: &Document| d.date.as_ref().map(|x| format!(" ({})", x.year()));
    let mut lines = Vec::new();
    if labels == Labels::Ar {
        lines.push(format!(
            "عدد الاتفاقات: {}، عدد الفاعلين: {}، عدد الروابط: {}",
            counts.agreements, counts.actors, counts.edges
        ));
        let items: Vec<String> = docs
            .iter()
            .map(|d| format!("{}{}", d.title_ar, year(d).unwrap_or_default()))
            .collect();
        if !items.is_empty() {
            lines.extend(wrap("المصادر:", &items, "؛", 100));
        }
        lines.push("البيانات: musalaha".to_string());
    } else {
        lines.push(format!(
            "{} agreements, {} actors, {} {what}",
            counts.agreements, counts.actors, counts.edges
        ));
        let items: Vec<String> = docs
            .iter()
            .map(|d| format!("{}{}", d.title_en, year(d).unwrap_or_default()))
            .collect();
        if !items.is_empty() {
            lines.extend(wrap("Sources:", &items, ";", 100));
        }
        lines.push(format!("Data: musalaha {}", env!("CARGO_PKG_VERSION")));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping() {
        let items: Vec<String> = ["aaaa", "bbbb", "cccc"].map(String::from).to_vec();
        assert_eq!(wrap("S:", &items, ";", 100), vec!["S: aaaa; bbbb; cccc"]);
        assert_eq!(
            wrap("S:", &items, ";", 9),
            vec!["S: aaaa;", "bbbb;", "cccc"]
        );
        assert_eq!(wrap("S:", &items, ";", 10), vec!["S: aaaa;", "bbbb; cccc"]);
    }

    #[test]
    fn years_and_spans() {
        let d = |y, m, dd| Day::new(y, m, dd).unwrap();
        assert_eq!(
            year_span(Some(d(2017, 1, 1)), Some(d(2018, 12, 31)), true),
            Some("من 2017 إلى 2018".into())
        );
        assert_eq!(
            year_span(Some(d(2016, 1, 1)), Some(d(2016, 12, 31)), false),
            Some("2016".into())
        );
        assert_eq!(
            year_span(Some(d(2017, 1, 1)), Some(d(2018, 12, 31)), false),
            Some("2017–2018".into())
        );
        assert_eq!(
            year_span(Some(d(2017, 1, 2)), Some(d(2018, 12, 31)), false),
            None
        );
        assert_eq!(year_span(None, Some(d(2018, 12, 31)), false), None);
    }
}
