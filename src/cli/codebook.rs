//! `musalaha codebook`: the controlled vocabularies with their meanings.

use crate::error::Result;
use crate::model::*;
use crate::output::{render, Format, Listing};
use serde::Serialize;

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

/// One vocabulary value.
#[derive(Debug, Serialize)]
pub struct VocabRow {
    pub vocabulary: &'static str,
    pub value: &'static str,
    pub meaning: &'static str,
}

impl Listing for VocabRow {
    fn headers() -> Vec<&'static str> {
        vec!["vocabulary", "value", "meaning"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.vocabulary.into(),
            self.value.into(),
            self.meaning.into(),
        ]
    }
}

macro_rules! rows {
    ($out:ident, $($t:ty),+) => {
        $(for v in <$t>::ALL {
            $out.push(VocabRow { vocabulary: <$t>::WHAT, value: v.as_str(), meaning: v.meaning() });
        })+
    };
}

/// Every vocabulary value, in codebook order.
pub fn vocabulary() -> Vec<VocabRow> {
    let mut out = Vec::new();
    rows!(
        out,
        ActorKind,
        Alignment,
        PlaceKind,
        AgreementKind,
        Status,
        Role,
        Side,
        TermCode
    );
    out
}

/// The vocabularies as Markdown tables, one `###` section each.
pub fn markdown() -> String {
    let mut out = String::new();
    let mut current = "";
    for r in vocabulary() {
        if r.vocabulary != current {
            current = r.vocabulary;
            out.push_str(&format!(
                "\n### {current}\n\n| value | meaning |\n|---|---|\n"
            ));
        }
        out.push_str(&format!("| `{}` | {} |\n", r.value, r.meaning));
    }
    out
}

/// Runs the command.
pub fn run(args: &Args) -> Result<String> {
    if args.markdown {
        return Ok(markdown());
    }
    Ok(render(&vocabulary(), args.format))
}
