//! CSV: a folder of tables, so the network and the whole dataset can live in
//! a spreadsheet, and come back with `musalaha import csv`.
//!
//! - `nodes.csv`, `edges.csv`: the view's simple graph with the attributes of
//!   [`super::attrs::Table`] (`id` first; `source`, `target` first). With
//!   `--two-mode`, the actor × agreement graph.
//! - `agreements.csv`, `participations.csv`, `terms.csv`, `sources.csv`
//!   (citations), `date-readings.csv`: the slice's agreements, with every
//!   participant, term, citation and other reading of the date.
//! - `actors.csv`, `places.csv`, `documents.csv`, `periods.csv`: the whole
//!   reference tables, whatever the slice, so that every id the other
//!   tables use is defined and the folder imports as it is.
//!
//! RFC 4180, UTF-8 (optionally with a byte-order mark for Excel), one header
//! row; lists inside a cell are joined by `; `; empty cells are missing
//! values. The columns are in [`columns`] and docs/formats.md.

use crate::export::attrs::Table;
use crate::export::dot::Labels;
use crate::export::view::View;
use crate::export::Exporter;
use crate::model::Dataset;
use std::io::Write;

/// The columns of the dataset tables, shared with `musalaha import csv`.
pub mod columns {
    pub const AGREEMENTS: &[&str] = &[
        "id",
        "title",
        "title_ar",
        "date",
        "date_start",
        "date_end",
        "date_precision",
        "kind",
        "status",
        "phase",
        "follows",
        "places",
        "date_note",
        "note",
    ];
    pub const PARTICIPATIONS: &[&str] = &[
        "actor",
        "agreement",
        "role",
        "side",
        "inferred",
        "date",
        "locator",
        "note",
    ];
    pub const TERMS: &[&str] = &[
        "agreement",
        "code",
        "count",
        "unit",
        "destination",
        "locator",
        "note",
    ];
    pub const SOURCES: &[&str] = &["record_type", "record_id", "document", "locator"];
    pub const DATE_READINGS: &[&str] = &["agreement", "date", "document", "locator", "note"];
    pub const ACTORS: &[&str] = &[
        "id",
        "name_en",
        "name_ar",
        "aliases",
        "kind",
        "alignment",
        "parent",
        "place",
        "note",
    ];
    pub const PLACES: &[&str] = &[
        "id", "name_en", "name_ar", "aliases", "kind", "parent", "members", "note",
    ];
    pub const DOCUMENTS: &[&str] = &["id", "title_en", "title_ar", "date", "kind", "file", "note"];
    pub const PERIODS: &[&str] = &["id", "name_en", "name_ar", "from", "to", "note"];
}

/// The files of the folder for a network read from files (`--edges`):
/// there are no dataset tables.
pub const NETWORK_FILES: &[&str] = &["nodes.csv", "edges.csv"];

/// The files of the folder, in the order they are written.
pub const FILES: &[&str] = &[
    "nodes.csv",
    "edges.csv",
    "agreements.csv",
    "participations.csv",
    "terms.csv",
    "sources.csv",
    "date-readings.csv",
    "actors.csv",
    "places.csv",
    "documents.csv",
    "periods.csv",
];

type Rows = Vec<Vec<String>>;

/// The dataset tables of a slice, ready to write.
#[derive(Debug, Clone, Default)]
struct Tables {
    agreements: Rows,
    participations: Rows,
    terms: Rows,
    sources: Rows,
    date_readings: Rows,
    actors: Rows,
    places: Rows,
    documents: Rows,
    periods: Rows,
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn list(v: &[String]) -> String {
    v.join("; ")
}

impl Tables {
    fn new(ds: &Dataset, view: &View) -> Tables {
        let mut t = Tables::default();
        for a in view.agreements_in(ds) {
            t.agreements.push(vec![
                a.id.clone(),
                a.title.clone(),
                opt(&a.title_ar),
                a.date.text.clone(),
                a.date.start.to_string(),
                a.date.end.to_string(),
                a.date.precision.as_str().into(),
                a.kind.as_str().into(),
                a.status.as_str().into(),
                a.phase.map(|p| p.to_string()).unwrap_or_default(),
                opt(&a.follows),
                list(&a.places),
                opt(&a.date_note),
                opt(&a.note),
            ]);
            for p in &a.participants {
                t.participations.push(vec![
                    p.actor.clone(),
                    a.id.clone(),
                    p.role.as_str().into(),
                    p.side.map(|s| s.as_str().to_string()).unwrap_or_default(),
                    p.inferred.to_string(),
                    a.date.text.clone(),
                    opt(&p.locator),
                    opt(&p.note),
                ]);
            }
            for x in &a.terms {
                t.terms.push(vec![
                    a.id.clone(),
                    x.code.as_str().into(),
                    x.count.map(|c| c.to_string()).unwrap_or_default(),
                    x.unit.map(|u| u.as_str().to_string()).unwrap_or_default(),
                    opt(&x.destination),
                    opt(&x.locator),
                    opt(&x.note),
                ]);
            }
            for s in &a.sources {
                t.sources.push(vec![
                    "agreement".into(),
                    a.id.clone(),
                    s.document.clone(),
                    s.locator.clone(),
                ]);
            }
            for r in &a.date_readings {
                t.date_readings.push(vec![
                    a.id.clone(),
                    r.date.text.clone(),
                    r.document.clone(),
                    r.locator.clone(),
                    opt(&r.note),
                ]);
            }
        }
        for a in ds.actors.values() {
            t.actors.push(vec![
                a.id.clone(),
                a.name_en.clone(),
                a.name_ar.clone(),
                list(&a.aliases),
                a.kind.as_str().into(),
                a.alignment.as_str().into(),
                opt(&a.parent),
                opt(&a.place),
                opt(&a.note),
            ]);
            for s in &a.sources {
                t.sources.push(vec![
                    "actor".into(),
                    a.id.clone(),
                    s.document.clone(),
                    s.locator.clone(),
                ]);
            }
        }
        for p in ds.places.values() {
            t.places.push(vec![
                p.id.clone(),
                p.name_en.clone(),
                p.name_ar.clone(),
                list(&p.aliases),
                p.kind.as_str().into(),
                opt(&p.parent),
                list(&p.members),
                opt(&p.note),
            ]);
        }
        for d in ds.documents.values() {
            t.documents.push(vec![
                d.id.clone(),
                d.title_en.clone(),
                d.title_ar.clone(),
                d.date.as_ref().map(|x| x.text.clone()).unwrap_or_default(),
                d.kind.clone(),
                opt(&d.file),
                opt(&d.note),
            ]);
        }
        for p in ds.periods.values() {
            t.periods.push(vec![
                p.id.clone(),
                p.name_en.clone(),
                p.name_ar.clone(),
                p.from.map(|d| d.to_string()).unwrap_or_default(),
                p.to.map(|d| d.to_string()).unwrap_or_default(),
                opt(&p.note),
            ]);
        }
        t
    }
}

/// Writes views as a folder of CSV tables.
#[derive(Debug, Clone)]
pub struct CsvExporter {
    pub labels: Labels,
    /// Start each file with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    tables: Tables,
    /// A network read from files: only nodes.csv and edges.csv.
    network: bool,
}

impl CsvExporter {
    /// The exporter for the view of a slice of `ds`.
    pub fn new(ds: &Dataset, view: &View, labels: Labels, bom: bool) -> CsvExporter {
        CsvExporter {
            labels,
            bom,
            tables: Tables::new(ds, view),
            network: false,
        }
    }

    /// The exporter for the view of a network read from files: nodes.csv
    /// and edges.csv ([`NETWORK_FILES`]).
    pub fn network(labels: Labels, bom: bool) -> CsvExporter {
        CsvExporter {
            labels,
            bom,
            tables: Tables::default(),
            network: true,
        }
    }

    fn graph_tables(&self, view: &View) -> (Rows, Rows, Vec<String>, Vec<String>) {
        let t = Table::of(view, self.labels);
        let node_header = std::iter::once("id".to_string())
            .chain(t.node_attrs.iter().map(|a| a.name.clone()))
            .collect();
        let edge_header = ["source", "target"]
            .into_iter()
            .map(String::from)
            .chain(t.edge_attrs.iter().map(|a| a.name.clone()))
            .collect();
        let nodes = t
            .nodes
            .iter()
            .map(|n| {
                std::iter::once(n.id.clone())
                    .chain(n.values.iter().map(|v| v.text().unwrap_or_default()))
                    .collect()
            })
            .collect();
        let edges = t
            .edges
            .iter()
            .map(|e| {
                [t.nodes[e.source].id.clone(), t.nodes[e.target].id.clone()]
                    .into_iter()
                    .chain(e.values.iter().map(|v| v.text().unwrap_or_default()))
                    .collect()
            })
            .collect();
        (nodes, edges, node_header, edge_header)
    }
}

/// Writes one table: the header, then the rows.
pub fn write_table<S: AsRef<str>>(
    out: &mut dyn Write,
    bom: bool,
    header: &[S],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    if bom {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut w = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(&mut *out);
    w.write_record(header.iter().map(|h| h.as_ref()))?;
    for r in rows {
        w.write_record(r)?;
    }
    w.flush()?;
    Ok(())
}

impl Exporter for CsvExporter {
    fn name(&self) -> &'static str {
        "CSV"
    }
    fn extension(&self) -> &'static str {
        ""
    }
    /// A folder format: `write` writes `edges.csv` alone.
    fn write(&self, view: &View, out: &mut dyn Write) -> std::io::Result<()> {
        self.write_file(view, "edges.csv", out)
    }
    fn files(&self) -> &'static [&'static str] {
        if self.network {
            NETWORK_FILES
        } else {
            FILES
        }
    }
    fn write_file(&self, view: &View, file: &str, out: &mut dyn Write) -> std::io::Result<()> {
        use columns::*;
        let t = &self.tables;
        let (header, rows): (&[&str], &Rows) = match file {
            "nodes.csv" | "edges.csv" => {
                let (nodes, edges, nh, eh) = self.graph_tables(view);
                return if file == "nodes.csv" {
                    write_table(out, self.bom, &nh, &nodes)
                } else {
                    write_table(out, self.bom, &eh, &edges)
                };
            }
            "agreements.csv" => (AGREEMENTS, &t.agreements),
            "participations.csv" => (PARTICIPATIONS, &t.participations),
            "terms.csv" => (TERMS, &t.terms),
            "sources.csv" => (SOURCES, &t.sources),
            "date-readings.csv" => (DATE_READINGS, &t.date_readings),
            "actors.csv" => (ACTORS, &t.actors),
            "places.csv" => (PLACES, &t.places),
            "documents.csv" => (DOCUMENTS, &t.documents),
            "periods.csv" => (PERIODS, &t.periods),
            other => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("the CSV export has no file {other}"),
                ))
            }
        };
        write_table(out, self.bom, header, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::attrs::testing;

    fn file(e: &CsvExporter, view: &View, name: &str) -> String {
        let mut out = Vec::new();
        e.write_file(view, name, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tables_with_headers_even_when_empty() {
        let (ds, view) = testing::view(false);
        let e = CsvExporter::new(&ds, &view, Labels::En, false);
        for name in FILES {
            assert!(!file(&e, &view, name).is_empty(), "{name}");
        }
        assert!(file(&e, &view, "nodes.csv").starts_with("id,label,node_type,"));
        assert_eq!(
            file(&e, &view, "date-readings.csv"),
            "agreement,date,document,locator,note\n"
        );
        let p = file(&e, &view, "participations.csv");
        assert!(
            p.contains("fac-a,a1,signatory,opposition,false,mid 2014-11,"),
            "{p}"
        );
        assert!(e.write_file(&view, "other.csv", &mut Vec::new()).is_err());
        let bom = CsvExporter::new(&ds, &view, Labels::En, true);
        assert!(file(&bom, &view, "actors.csv").starts_with("\u{FEFF}id,"));
    }
}
