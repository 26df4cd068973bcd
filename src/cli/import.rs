//! `musalaha import csv`: turn a folder of CSV tables (as `musalaha export
//! csv` writes them, or made from the template in docs/formats.md) into
//! graph-data TOML that validates.

use super::words::Usage;
use crate::error::Error;
use crate::import;
use crate::output::Output;
use std::path::PathBuf;

/// Formats that can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Source {
    /// A folder of CSV tables: actors, places, documents, periods, agreements, participations,
    /// terms, sources, date-readings (.csv).
    Csv,
}

/// Arguments of `musalaha import`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  musalaha export csv -o sheets/ && musalaha import csv sheets/ --out my-data/
  musalaha import csv sheets/ --out my-data/ --force
  musalaha validate --data my-data/ && musalaha --data my-data/ stats

The columns of each table are in docs/formats.md, with a template folder in docs/csv-template/.
Every problem is reported at once as file.csv:ROW:COLUMN (the header is row 1, column A is 1),
and nothing is written then (exit code 2). The TOML files appear all together or not at all;
an existing --out folder that is not empty is replaced only with --force.")]
pub struct Args {
    /// What to read.
    #[arg(value_enum)]
    pub source: Source,
    /// The folder of CSV tables.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The folder to write the TOML data files into (made if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Replace --out, and everything in it, if it exists and is not empty.
    #[arg(long)]
    pub force: bool,
}

/// Runs the command.
pub fn run(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    let shown = args.dir.display().to_string();
    let files = import::csv::read_folder(&args.dir)?;
    let converted = match import::csv::convert(&files, &shown) {
        Ok(c) => c,
        Err(Error::InvalidData(diags)) => {
            let mut text: String = diags.iter().map(|d| format!("{d}\n")).collect();
            text.push_str(&format!(
                "{} problem{} found in {shown}; nothing was written",
                diags.len(),
                if diags.len() == 1 { "" } else { "s" }
            ));
            return Err(Usage(text).into());
        }
        Err(e) => return Err(e.into()),
    };
    import::write(&args.out, &converted.files, args.force)?;
    let ds = &converted.dataset;
    let names: Vec<&str> = converted.files.iter().map(|f| f.path.as_str()).collect();
    let n =
        |count: usize, word: &str| format!("{count} {word}{}", if count == 1 { "" } else { "s" });
    out.text(&format!(
        "wrote {} ({}): {}, {}, {}, {}, {}\n",
        args.out.display(),
        names.join(", "),
        n(ds.actors.len(), "actor"),
        n(ds.places.len(), "place"),
        n(ds.agreements.len(), "agreement"),
        n(ds.documents.len(), "source document"),
        n(ds.periods.len(), "period")
    ))?;
    Ok(())
}
