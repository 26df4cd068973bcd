//! From agreements to graphs.
//!
//! - [`mod@project`]: the projection onto actors. Each [`Tie`] of the
//!   [`ActorGraph`] is one relation between two actors and keeps the
//!   agreements that produced it, so every number computed on the graph can
//!   be traced back to agreements and sources.
//! - [`simple`]: the weighted [`SimpleGraph`] measures run on: one edge per
//!   actor pair for the chosen relations, weighted by [`Weighting`].
//! - [`two_mode`]: the one two-mode graph (actors × agreements), used by the
//!   two-mode measures and by every two-mode figure and export alike.
//!
//! Projection rules (docs/codebook.md): signatories on opposite sides →
//! `signing`; on the same side → `co-signing`; parties (signatory or
//! negotiator) on opposite sides where one only negotiated → `negotiating`;
//! guarantor → each signatory → `guaranteeing`; mediator/sponsor/convener →
//! each party → `mediating`; host → each party → `hosting`. No tie joins an
//! actor to itself or to a body it belongs to (or that belongs to it).

pub mod csr;
pub mod project;
pub mod simple;
pub mod two_mode;

pub use project::{project, project_with};
pub use simple::{SimpleArc, SimpleEdge, SimpleGraph, Weighting};
pub use two_mode::{TwoMode, TwoModeLink};

use crate::model::vocab::vocabulary;
use serde::Serialize;

vocabulary!(
    /// A kind of tie between two actors.
    Relation, "relation" {
    Signing => "signing", "signatories on opposite sides of one agreement";
    CoSigning => "co-signing", "signatories on the same side of one agreement";
    Negotiating => "negotiating", "parties on opposite sides where at least one only negotiated";
    Guaranteeing => "guaranteeing", "a guarantor and each signatory it guaranteed (directed)";
    Mediating => "mediating", "a mediator, sponsor or convener and each party (directed)";
    Hosting => "hosting", "a host (the venue of the talks or signing) and each party (directed)";
});

impl Relation {
    /// Whether the tie runs from a third party to a party.
    pub fn is_directed(self) -> bool {
        matches!(
            self,
            Relation::Guaranteeing | Relation::Mediating | Relation::Hosting
        )
    }
}

/// The default relations for measures: every relation that joins actors
/// across or around an agreement.
pub const DEFAULT_RELATIONS: &[Relation] = &[
    Relation::Signing,
    Relation::Negotiating,
    Relation::Guaranteeing,
    Relation::Mediating,
    Relation::Hosting,
];

/// One relation between two actors with the agreements behind it. For
/// undirected relations `from < to`; for directed ones `from` is the guarantor
/// or mediator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    pub agreements: Vec<String>,
    /// The agreements (among `agreements`) where the tie rests only on roles
    /// the coders inferred.
    pub inferred: Vec<String>,
}

impl Tie {
    /// Number of agreements behind the tie.
    pub fn weight(&self) -> usize {
        self.agreements.len()
    }
}

/// The actor graph projected from a set of agreements.
#[derive(Debug, Clone, Default)]
pub struct ActorGraph {
    /// Ties sorted by (relation, from, to).
    pub ties: Vec<Tie>,
}

impl ActorGraph {
    /// Ties that touch an actor.
    pub fn ties_of<'a>(&'a self, actor: &'a str) -> impl Iterator<Item = &'a Tie> + 'a {
        self.ties
            .iter()
            .filter(move |t| t.from == actor || t.to == actor)
    }

    /// Ties in the chosen relations.
    pub fn ties_in<'a>(&'a self, relations: &'a [Relation]) -> impl Iterator<Item = &'a Tie> + 'a {
        self.ties
            .iter()
            .filter(move |t| relations.contains(&t.relation))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::parse_list;

    #[test]
    fn relation_lists() {
        assert_eq!(parse_list("all", Relation::ALL).unwrap().len(), 6);
        assert_eq!(
            parse_list("mediating,signing,signing", Relation::ALL).unwrap(),
            vec![Relation::Mediating, Relation::Signing]
        );
        assert!(parse_list("friendship", Relation::ALL).is_err());
    }
}
