//! Batch export: one slice per region, year or period, each with a stable,
//! readable file stem (`region-eastern-ghouta`, `year-2016`,
//! `period-hmeimim`), written in any format, and the index that lists what
//! each file contains. A batch is a [`FileSet`]: it appears whole or not at
//! all.

use crate::error::{Error, Result};
use crate::export::render::{self, ImageFormat};
use crate::export::text::slug;
use crate::export::view::{View, ViewOptions};
use crate::export::ExportFormat;
use crate::files::FileSet;
use crate::model::{Dataset, PlaceKind};
use crate::output::{Column, Format, Output, Row};
use crate::slice::{Over, Slice};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::Path;

/// What a batch is split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
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
                return Err(Error::NoPlacesAtLevel {
                    level,
                    within_region: base.region.is_some(),
                });
            }
        }
        Per::Year | Per::Period => {
            if per == Per::Period && base.period.is_some() {
                return Err(Error::PeriodBatchWithPeriod);
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

/// One line of the index: a file written and what it contains (its JSON
/// object and its CSV record alike).
#[derive(Debug, Clone, Default, Serialize)]
pub struct IndexEntry {
    /// The file written, relative to the output folder (a folder format:
    /// the subfolder, ending in `/`).
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
    /// Edges written: DOT draws ties (one per pair and relation) or
    /// participations (two-mode view); the interchange formats one edge per
    /// pair.
    pub edges: usize,
}

impl Row for IndexEntry {
    type Csv = IndexEntry;
    fn csv(&self) -> IndexEntry {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("file", |r: &Self| r.file.clone()),
            Column::new("key", |r: &Self| r.key.clone()),
            Column::new("agreements", |r: &Self| r.agreements.to_string()),
            Column::new("nodes", |r: &Self| r.nodes.to_string()),
            Column::new("edges", |r: &Self| r.edges.to_string()),
        ]
    }
}

/// What a batch wrote.
#[derive(Debug, Clone, Default)]
pub struct BatchReport {
    /// One entry per file written, in plan order.
    pub index: Vec<IndexEntry>,
    /// Stems of the parts with nothing to draw (no agreement or no edge).
    pub skipped: Vec<String>,
}

/// Writes one file per part into `dir` in `format` (a subfolder per part
/// for a folder format such as CSV; and, with `render`, a Graphviz figure
/// beside each DOT file), plus `index.csv` and `index.json`. Parts with nothing to draw are skipped. Nothing appears in
/// `dir` unless every file could be written.
pub fn write_batch(
    ds: &Dataset,
    parts: &[Part],
    options: &ViewOptions,
    format: &ExportFormat,
    render: Option<ImageFormat>,
    dir: &Path,
) -> Result<BatchReport> {
    if let Some(f) = render {
        format.check_render()?;
        render::require_graphviz(
            &dir.join(format!("*.{}", f.extension()))
                .display()
                .to_string(),
        )?;
    }
    let mut files = FileSet::in_dir(dir)?;
    let mut report = BatchReport::default();
    for part in parts {
        let view = View::build(ds, &part.slice, options)?;
        if view.agreements.is_empty() || view.edges.is_empty() {
            report.skipped.push(part.stem.clone());
            continue;
        }
        let exporter = format.exporter(ds, &part.slice, &view, Some(part))?;
        let file = if exporter.files().is_empty() {
            let file = format!("{}.{}", part.stem, exporter.extension());
            files.add(Path::new(&file), |w| {
                exporter
                    .write(&view, w)
                    .map_err(|e| Error::write(dir.join(&file).display().to_string(), e))
            })?;
            file
        } else {
            // A folder format: one subfolder per part.
            super::add_folder(&mut files, Path::new(&part.stem), exporter.as_ref(), &view)?;
            format!("{}/", part.stem)
        };
        let figure = match render {
            Some(f) => {
                let name = format!("{}.{}", part.stem, f.extension());
                let target = dir.join(&name).display().to_string();
                let bytes = format.render(ds, &part.slice, &view, Some(part), f, &target)?;
                files.add(Path::new(&name), |w| {
                    w.write_all(&bytes)
                        .map_err(|e| Error::write(target.clone(), e))
                })?;
                Some(name)
            }
            None => None,
        };
        report.index.push(IndexEntry {
            file,
            figure,
            per: part.per.as_str(),
            key: part.key.clone(),
            name_en: part.name_en.clone(),
            name_ar: part.name_ar.clone(),
            slice: part.slice.describe(),
            from: part.slice.from.map(|d| d.to_string()),
            to: part.slice.to.map(|d| d.to_string()),
            agreements: view.agreements.len(),
            nodes: view.nodes.len(),
            actors: view.actor_count(),
            edges: format.edge_count(&view),
        });
    }
    for (name, f) in [("index.csv", Format::Csv), ("index.json", Format::Json)] {
        let target = dir.join(name).display().to_string();
        files.add(Path::new(name), |w| {
            Output::new(w, target.clone()).rows(f, report.index.iter().cloned())
        })?;
    }
    files.commit()?;
    Ok(report)
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
            members: vec![],
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
