//! Batch export: one slice per region, year or period, each with a stable,
//! readable file stem (`region-eastern-ghouta`, `year-2016`,
//! `period-hmeimim`), and the index that lists what each file contains.

use crate::error::{Error, Result};
use crate::export::text::slug;
use crate::filter::{Over, Slice};
use crate::model::{Dataset, PlaceKind};
use crate::output::Listing;
use serde::Serialize;
use std::collections::BTreeSet;

/// What a batch is split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Per {
    /// One file per place at `--level` (e.g. each governorate).
    Region,
    /// One file per calendar year with agreements.
    Year,
    /// One file per named period (`musalaha periods`).
    Period,
}

impl Per {
    pub fn as_str(self) -> &'static str {
        match self {
            Per::Region => "region",
            Per::Year => "year",
            Per::Period => "period",
        }
    }
}

/// One slice of a batch.
#[derive(Debug, Clone)]
pub struct Part {
    /// File name without extension, e.g. `region-eastern-ghouta`.
    pub stem: String,
    pub per: Per,
    /// Place id, year, or period id.
    pub key: String,
    pub name_en: String,
    pub name_ar: String,
    pub slice: Slice,
}

/// Splits a slice into parts. Every part keeps all the other conditions of
/// `base` (dates, kinds, alignments, and for years and periods the region);
/// `level` is the kind of place for [`Per::Region`]. Parts come in a stable
/// order: regions by place id, years ascending, periods in dataset order.
pub fn plan(ds: &Dataset, base: &Slice, per: Per, level: PlaceKind) -> Result<Vec<Part>> {
    let mut parts = Vec::new();
    match per {
        Per::Region => {
            let mut places: Vec<_> = ds.places.values().filter(|p| p.kind == level).collect();
            places.sort_by(|a, b| a.id.cmp(&b.id));
            for p in places {
                let mut set = ds.place_and_descendants(&p.id);
                if let Some((_, within)) = &base.region {
                    set = set.intersection(within).cloned().collect::<BTreeSet<_>>();
                    if set.is_empty() {
                        continue;
                    }
                }
                let mut slice = base.clone();
                slice.region = Some((p.id.clone(), set));
                parts.push(Part {
                    stem: format!("region-{}", slug(&p.id)),
                    per,
                    key: p.id.clone(),
                    name_en: p.name_en.clone(),
                    name_ar: p.name_ar.clone(),
                    slice,
                });
            }
            if parts.is_empty() {
                return Err(Error::BadArgument(format!(
                    "--per region: no place of kind '{level}' in the data{}\n  help: choose another --level (see `musalaha places`)",
                    if base.region.is_some() { " within --region" } else { "" }
                )));
            }
        }
        Per::Year | Per::Period => {
            if per == Per::Period && base.period.is_some() {
                return Err(Error::BadArgument(
                    "--per period cannot be combined with --period\n  help: drop --period, or use --from/--to to narrow every period".into(),
                ));
            }
            let over = if per == Per::Year {
                Over::Year
            } else {
                Over::Period
            };
            for (key, slice) in base.over(ds, over) {
                let (name_en, name_ar) = match ds.periods.get(&key).filter(|_| per == Per::Period) {
                    Some(p) => (p.name_en.clone(), p.name_ar.clone()),
                    None => (key.clone(), key.clone()),
                };
                parts.push(Part {
                    stem: format!("{}-{}", per.as_str(), slug(&key)),
                    per,
                    key,
                    name_en,
                    name_ar,
                    slice,
                });
            }
        }
    }
    Ok(parts)
}

/// One line of the index: a file written and what it contains.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    /// The DOT file, relative to the output folder.
    pub file: String,
    /// The rendered figure (`--render`), if any.
    pub figure: Option<String>,
    /// `region`, `year` or `period`.
    pub per: &'static str,
    /// Place id, year or period id.
    pub key: String,
    pub name_en: String,
    pub name_ar: String,
    /// The slice as `musalaha` describes it (ids and dates).
    pub slice: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Agreements in the slice.
    pub agreements: usize,
    /// Nodes drawn: actors, plus agreements in the two-mode view.
    pub nodes: usize,
    pub actors: usize,
    /// Edges drawn (ties, or participations in the two-mode view).
    pub edges: usize,
}

impl Listing for IndexEntry {
    fn headers() -> Vec<&'static str> {
        vec![
            "file",
            "figure",
            "per",
            "key",
            "name_en",
            "name_ar",
            "slice",
            "from",
            "to",
            "agreements",
            "nodes",
            "actors",
            "edges",
        ]
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.file.clone(),
            self.figure.clone().unwrap_or_default(),
            self.per.to_string(),
            self.key.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.slice.clone(),
            self.from.clone().unwrap_or_default(),
            self.to.clone().unwrap_or_default(),
            self.agreements.to_string(),
            self.nodes.to_string(),
            self.actors.to_string(),
            self.edges.to_string(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, Period, Place};

    fn place(id: &str, kind: PlaceKind, parent: Option<&str>) -> Place {
        Place {
            id: id.into(),
            name_en: id.into(),
            name_ar: id.into(),
            aliases: vec![],
            kind,
            parent: parent.map(String::from),
            note: None,
        }
    }

    fn ds() -> Dataset {
        let mut ds = Dataset::default();
        for p in [
            place("syria", PlaceKind::Country, None),
            place("rif-dimashq", PlaceKind::Governorate, Some("syria")),
            place("daraa", PlaceKind::Governorate, Some("syria")),
            place("ghouta", PlaceKind::Area, Some("rif-dimashq")),
            place("douma", PlaceKind::City, Some("ghouta")),
        ] {
            ds.places.insert(p.id.clone(), p);
        }
        for (id, from, to) in [
            ("early", None, Some((2015, 12, 31))),
            ("late", Some((2016, 1, 1)), None),
        ] {
            let day = |x: Option<(i32, u32, u32)>| x.map(|(y, m, d)| Day::new(y, m, d).unwrap());
            ds.periods.insert(
                id.into(),
                Period {
                    id: id.into(),
                    name_en: id.into(),
                    name_ar: id.into(),
                    from: day(from),
                    to: day(to),
                    note: None,
                },
            );
        }
        ds
    }

    #[test]
    fn regions_at_a_level_sorted_by_id() {
        let ds = ds();
        let parts = plan(&ds, &Slice::default(), Per::Region, PlaceKind::Governorate).unwrap();
        let stems: Vec<_> = parts.iter().map(|p| p.stem.as_str()).collect();
        assert_eq!(stems, ["region-daraa", "region-rif-dimashq"]);
        let rd = &parts[1].slice.region.as_ref().unwrap().1;
        assert!(rd.contains("douma") && rd.contains("ghouta"));
        assert!(plan(&ds, &Slice::default(), Per::Region, PlaceKind::Camp).is_err());
    }

    #[test]
    fn regions_within_a_region() {
        let ds = ds();
        let base = Slice {
            region: Some(("ghouta".into(), ds.place_and_descendants("ghouta"))),
            ..Slice::default()
        };
        let parts = plan(&ds, &base, Per::Region, PlaceKind::Governorate).unwrap();
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].stem, "region-rif-dimashq");
        assert!(!parts[0]
            .slice
            .region
            .as_ref()
            .unwrap()
            .1
            .contains("rif-dimashq"));
    }

    #[test]
    fn periods_intersect_the_window() {
        let ds = ds();
        let base = Slice {
            from: Some(Day::new(2016, 6, 1).unwrap()),
            ..Slice::default()
        };
        let parts = plan(&ds, &base, Per::Period, PlaceKind::Governorate).unwrap();
        // "early" ends before the window starts.
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].stem, "period-late");
        assert_eq!(parts[0].slice.from, Some(Day::new(2016, 6, 1).unwrap()));
        let with_period = Slice {
            period: Some("early".into()),
            ..Slice::default()
        };
        assert!(plan(&ds, &with_period, Per::Period, PlaceKind::Governorate).is_err());
    }
}
