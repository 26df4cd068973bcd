//! `musalaha codebook`: the controlled vocabularies with their meanings.

use crate::output::{Format, Output};
use crate::query::codebook::{markdown, vocabulary};

/// Arguments of `musalaha codebook`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the vocabularies as the Markdown tables of docs/codebook.md.
    #[arg(long, conflicts_with = "format")]
    pub markdown: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Runs the command.
pub fn run(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    if args.markdown {
        return Ok(out.text(&markdown())?);
    }
    Ok(out.rows(args.format, vocabulary())?)
}
