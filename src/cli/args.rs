//! Flags shared by several subcommands, and the value lists `--help` and
//! shell completion offer (from the vocabularies, with `all` where a list
//! may name every value).

use crate::analysis::centrality::Measure;
use crate::graph::Relation;
use crate::model::date::parse_bound;
use crate::model::{AgreementKind, Alignment, Day};
use crate::output::Format;
use crate::slice::{DateRule, SliceSpec};
use clap::builder::PossibleValue;
use clap::ValueEnum;
use std::sync::LazyLock;

/// `--from`: the first day a date may mean.
pub fn from_date(s: &str) -> Result<Day, String> {
    parse_bound(s, false).map_err(|e| format!("{e} (write a date as YYYY, YYYY-MM or YYYY-MM-DD)"))
}

/// `--to`: a month or year means its last day.
pub fn to_date(s: &str) -> Result<Day, String> {
    parse_bound(s, true).map_err(|e| format!("{e} (write a date as YYYY, YYYY-MM or YYYY-MM-DD)"))
}

/// A count that must be at least 1 (`--top`, `--max`).
pub fn positive(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("0 would list nothing; give 1 or more".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{s}' is not a whole number")),
    }
}

/// Another network instead of the dataset (`--edges`, `--nodes`): the
/// commands that take it measure that network.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct NetworkArgs {
    /// Use this edge list instead of the dataset: CSV or TSV with a header naming
    /// source,target and optionally weight, kind, date (docs/formats.md)
    #[arg(
        long,
        value_name = "FILE",
        conflicts_with_all = ["region", "from", "to", "period", "dates", "strict_dates", "agreement_kinds", "alignments"]
    )]
    pub edges: Option<std::path::PathBuf>,
    /// Labels, kinds and groups of the --edges nodes: a header naming id and optionally
    /// label, kind, group
    #[arg(long, value_name = "FILE", requires = "edges")]
    pub nodes: Option<std::path::PathBuf>,
}

impl NetworkArgs {
    /// Reads the network when --edges was given.
    pub fn read(&self, directed: bool) -> crate::Result<Option<crate::network::Network>> {
        self.edges
            .as_deref()
            .map(|e| crate::network::read(e, self.nodes.as_deref(), directed))
            .transpose()
    }

    /// Reads the network with every row's kind and date (for listings and
    /// exports).
    pub fn read_details(&self, directed: bool) -> crate::Result<Option<crate::network::Network>> {
        self.edges
            .as_deref()
            .map(|e| {
                crate::network::read_with(
                    e,
                    self.nodes.as_deref(),
                    crate::network::ReadOptions {
                        directed,
                        details: true,
                    },
                )
            })
            .transpose()
    }

    /// The name of the edge file, for titles and labels.
    pub fn name(&self) -> String {
        self.edges
            .as_deref()
            .and_then(|p| p.file_name())
            .map_or_else(String::new, |f| f.to_string_lossy().into_owned())
    }
}

/// The slicing flags every command that looks at agreements takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SliceArgs {
    /// Only agreements in this place or below it (id or English/Arabic name), e.g. eastern-ghouta,
    /// "ريف دمشق"; several places separated by commas cover all of them.
    #[arg(long, value_name = "PLACE")]
    pub region: Option<String>,
    /// Only agreements that may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = from_date)]
    pub from: Option<Day>,
    /// Only agreements that may fall on or before this date (a month or year means its last day).
    #[arg(long, value_name = "DATE", value_parser = to_date)]
    pub to: Option<Day>,
    /// Only agreements within a named period (see `musalaha periods`), e.g. hmeimim, de-escalation.
    #[arg(long, value_name = "NAME")]
    pub period: Option<String>,
    /// How fuzzy dates meet the window: overlap (any day the date may mean is in it; the default
    /// for one window) or within (every day is; the default for --over and --per series).
    #[arg(long, value_enum, value_name = "RULE", conflicts_with = "strict_dates")]
    pub dates: Option<DateRule>,
    /// The same as --dates within.
    #[arg(long)]
    pub strict_dates: bool,
    /// Only these agreement kinds (comma-separated), e.g. final-settlement,de-escalation.
    #[arg(long = "agreement-kind", value_name = "KIND", value_delimiter = ',')]
    pub agreement_kinds: Vec<AgreementKind>,
    /// Only actors of these alignments (comma-separated), e.g. regime,regime-ally: the graph keeps
    /// ties between such actors, listings keep agreements with at least one of them.
    #[arg(long = "alignment", value_name = "ALIGNMENT", value_delimiter = ',')]
    pub alignments: Vec<Alignment>,
    /// Leave out every role the coders inferred rather than read in the source (marked `*` in
    /// tables, `inferred` in JSON and CSV), to report results without them.
    #[arg(long)]
    pub no_inferred: bool,
}

impl SliceArgs {
    /// The library's slice specification.
    pub fn spec(&self) -> SliceSpec {
        SliceSpec {
            region: self.region.clone(),
            from: self.from,
            to: self.to,
            period: self.period.clone(),
            dates: if self.strict_dates {
                Some(DateRule::Within)
            } else {
                self.dates
            },
            agreement_kinds: self.agreement_kinds.clone(),
            alignments: self.alignments.clone(),
            no_inferred: self.no_inferred,
        }
    }
}

/// Defines a command-line value that is one value of a vocabulary or `all`.
macro_rules! or_all {
    ($(#[$meta:meta])* $name:ident, $inner:ty, $all_help:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            /// Every value.
            All,
            /// One value.
            One($inner),
        }

        impl ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                static VALUES: LazyLock<Vec<$name>> = LazyLock::new(|| {
                    std::iter::once($name::All)
                        .chain(<$inner>::ALL.iter().map(|v| $name::One(*v)))
                        .collect()
                });
                &VALUES
            }
            fn to_possible_value(&self) -> Option<PossibleValue> {
                match self {
                    $name::All => Some(PossibleValue::new("all").help($all_help)),
                    $name::One(v) => v.to_possible_value(),
                }
            }
        }
    };
}

or_all!(
    /// A relation, or `all`.
    RelationArg,
    Relation,
    "every relation"
);
or_all!(
    /// A measure, or `all`.
    MeasureArg,
    Measure,
    "every measure"
);

/// The relations a list names, sorted, each once.
pub fn relations(list: &[RelationArg]) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    for r in list {
        match r {
            RelationArg::All => return Relation::ALL.to_vec(),
            RelationArg::One(r) if !out.contains(r) => out.push(*r),
            RelationArg::One(_) => {}
        }
    }
    out.sort();
    out
}

/// The measures a list names, in the order given, each once.
pub fn measures(list: &[MeasureArg]) -> Vec<Measure> {
    let mut out: Vec<Measure> = Vec::new();
    for m in list {
        match m {
            MeasureArg::All => return Measure::ALL.to_vec(),
            MeasureArg::One(m) if !out.contains(m) => out.push(*m),
            MeasureArg::One(_) => {}
        }
    }
    out
}

/// The default `--relation` of the measuring commands, as clap shows it.
pub const DEFAULT_RELATION_TEXT: &str = "signing,negotiating,guaranteeing,mediating,hosting";

/// `--relation` with the measuring commands' default.
#[derive(Debug, Clone, clap::Args)]
pub struct RelationsArg {
    /// Relations that make the graph (comma-separated), or all. Not with --edges, whose
    /// rows are all used.
    #[arg(long = "relation", value_name = "RELATION", value_delimiter = ',', default_value = DEFAULT_RELATION_TEXT, conflicts_with = "edges")]
    pub relation: Vec<RelationArg>,
}

impl RelationsArg {
    pub fn get(&self) -> Vec<Relation> {
        relations(&self.relation)
    }
}

/// `--format`.
#[derive(Debug, Clone, clap::Args)]
pub struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::DEFAULT_RELATIONS;

    #[test]
    fn the_default_relations_are_the_library_default() {
        let parsed: Vec<RelationArg> = DEFAULT_RELATION_TEXT
            .split(',')
            .map(|s| RelationArg::from_str(s, false).unwrap())
            .collect();
        assert_eq!(relations(&parsed), DEFAULT_RELATIONS);
    }

    #[test]
    fn lists_expand_all_and_drop_repeats() {
        use RelationArg::*;
        assert_eq!(
            relations(&[
                One(Relation::Mediating),
                One(Relation::Signing),
                One(Relation::Signing)
            ]),
            [Relation::Signing, Relation::Mediating]
        );
        assert_eq!(relations(&[One(Relation::Signing), All]).len(), 6);
        assert_eq!(
            measures(&[
                MeasureArg::One(Measure::PageRank),
                MeasureArg::One(Measure::Degree)
            ]),
            [Measure::PageRank, Measure::Degree]
        );
        assert_eq!(measures(&[MeasureArg::All]).len(), 10);
    }
}
