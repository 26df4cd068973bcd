//! `musalaha validate`: check a dataset; print counts by kind, or every problem.

use crate::error::Error;
use crate::load::{check_files, embedded_files, read_dir_files};
use crate::output::{Format, Output};
use crate::query::counts::counts;
use crate::query::coverage::coverage;
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

/// Runs the command.
pub fn run(args: &Args, data: Option<&Path>, out: &mut Output) -> anyhow::Result<()> {
    let files = match data {
        Some(d) => read_dir_files(d)?,
        None => embedded_files(),
    };
    let (ds, diags) = check_files(&files);
    if !diags.is_empty() {
        return Err(Error::InvalidData(diags).into());
    }
    if args.coverage {
        return Ok(out.rows(args.format, coverage(&ds))?);
    }
    if args.format == Format::Table {
        out.text(&format!("dataset is valid ({} files)\n\n", files.len()))?;
    }
    Ok(out.rows(args.format, counts(&ds))?)
}
