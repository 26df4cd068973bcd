//! `musalaha validate`: check a dataset; print counts by kind, or every problem.

use crate::error::{Error, Result};
use crate::load::{check_files, embedded_files, read_dir_files};
use crate::model::Dataset;
use crate::output::{render, Format, Listing};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Arguments of `musalaha validate`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha validate\n  musalaha validate --data ./graph-data\n  musalaha validate --coverage\n\nOn problems, each is printed as file:line:column: error[code]: message, with a help line,\nand the exit code is 2."
)]
pub struct Args {
    /// Print the coverage report instead: counts per region, year, kind and status, and every
    /// record lacking participants, a signatory, a locator, or with an inferred date.
    #[arg(long)]
    pub coverage: bool,
    /// Output format of the counts.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One count (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct CountRow {
    pub record: &'static str,
    pub kind: String,
    pub count: usize,
}

impl Listing for crate::coverage::CoverageRow {
    fn headers() -> Vec<&'static str> {
        vec!["section", "key", "count", "detail"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.section.clone(),
            self.key.clone(),
            self.count.to_string(),
            self.detail.clone(),
        ]
    }
}

impl Listing for CountRow {
    fn headers() -> Vec<&'static str> {
        vec!["record", "kind", "count"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.record.to_string(),
            self.kind.clone(),
            self.count.to_string(),
        ]
    }
}

/// Counts of a dataset by record type and kind; a `total` row per type.
pub fn counts(ds: &Dataset) -> Vec<CountRow> {
    fn group(record: &'static str, kinds: impl Iterator<Item = String>, out: &mut Vec<CountRow>) {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for k in kinds {
            *m.entry(k).or_default() += 1;
        }
        let total = m.values().sum();
        out.push(CountRow {
            record,
            kind: "total".into(),
            count: total,
        });
        for (k, c) in m {
            out.push(CountRow {
                record,
                kind: k,
                count: c,
            });
        }
    }
    let mut out = Vec::new();
    group(
        "actor",
        ds.actors.values().map(|a| a.kind.to_string()),
        &mut out,
    );
    group(
        "place",
        ds.places.values().map(|a| a.kind.to_string()),
        &mut out,
    );
    group(
        "agreement",
        ds.agreements.values().map(|a| a.kind.to_string()),
        &mut out,
    );
    group(
        "participant",
        ds.agreements
            .values()
            .flat_map(|a| a.participants.iter().map(|p| p.role.to_string())),
        &mut out,
    );
    group(
        "source",
        ds.documents.values().map(|d| d.kind.clone()),
        &mut out,
    );
    group(
        "period",
        ds.periods.values().map(|_| "period".to_string()),
        &mut out,
    );
    out
}

/// Runs the command.
pub fn run(args: &Args, data: Option<&Path>) -> Result<String> {
    let files = match data {
        Some(d) => read_dir_files(d)?,
        None => embedded_files(),
    };
    let (ds, diags) = check_files(&files);
    if !diags.is_empty() {
        return Err(Error::InvalidData(diags));
    }
    if args.coverage {
        return Ok(render(&crate::coverage::coverage(&ds), args.format));
    }
    let mut text = render(&counts(&ds), args.format);
    if args.format == Format::Table {
        text = format!("dataset is valid ({} files)\n\n{text}", files.len());
    }
    Ok(text)
}
