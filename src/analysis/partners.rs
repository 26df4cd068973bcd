//! Who an actor dealt with: its counterparts across signing and negotiating
//! ties, its co-signatories, who guaranteed or mediated for it and for whom it
//! did, each with the agreements and dates behind the tie.

use crate::graph::{ActorGraph, Relation};
use crate::model::{Dataset, Day};
use serde::Serialize;

/// How the other actor relates to the one asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Link {
    /// Signed with it from the other side.
    Counterpart,
    /// Negotiated with it from the other side (at least one did not sign).
    NegotiatedWith,
    /// Signed beside it on the same side.
    CoSignatory,
    /// Guaranteed an agreement it signed.
    GuaranteedBy,
    /// It guaranteed an agreement this actor signed.
    GuarantorFor,
    /// Mediated, sponsored or hosted an agreement it was party to.
    MediatedBy,
    /// It mediated for this actor.
    MediatorFor,
}

impl Link {
    pub fn as_str(self) -> &'static str {
        match self {
            Link::Counterpart => "counterpart",
            Link::NegotiatedWith => "negotiated-with",
            Link::CoSignatory => "co-signatory",
            Link::GuaranteedBy => "guaranteed-by",
            Link::GuarantorFor => "guarantor-for",
            Link::MediatedBy => "mediated-by",
            Link::MediatorFor => "mediator-for",
        }
    }
}

/// An agreement behind a tie.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementRef {
    pub id: String,
    pub date: String,
    pub title: String,
}

/// One partner of the actor asked about.
#[derive(Debug, Clone, Serialize)]
pub struct Partner {
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    pub relation: Relation,
    pub link: Link,
    pub agreements: Vec<AgreementRef>,
    #[serde(skip)]
    pub first: Option<Day>,
}

/// Partners of `actor` in the graph, counterparts first, then by first date.
pub fn partners(ds: &Dataset, graph: &ActorGraph, actor: &str) -> Vec<Partner> {
    let mut out: Vec<Partner> = graph
        .ties_of(actor)
        .map(|t| {
            let (other, outgoing) = if t.from == actor {
                (&t.to, true)
            } else {
                (&t.from, false)
            };
            let link = match (t.relation, outgoing) {
                (Relation::Signing, _) => Link::Counterpart,
                (Relation::Negotiating, _) => Link::NegotiatedWith,
                (Relation::CoSigning, _) => Link::CoSignatory,
                (Relation::Guaranteeing, true) => Link::GuarantorFor,
                (Relation::Guaranteeing, false) => Link::GuaranteedBy,
                (Relation::Mediating, true) => Link::MediatorFor,
                (Relation::Mediating, false) => Link::MediatedBy,
            };
            let mut ags: Vec<&crate::model::Agreement> = t
                .agreements
                .iter()
                .filter_map(|id| ds.agreements.get(id))
                .collect();
            ags.sort_by(|a, b| (a.date.start, &a.id).cmp(&(b.date.start, &b.id)));
            let a = ds.actors.get(other.as_str());
            Partner {
                actor: other.clone(),
                name_en: a.map_or_else(|| other.clone(), |a| a.name_en.clone()),
                name_ar: a.map_or_else(String::new, |a| a.name_ar.clone()),
                relation: t.relation,
                link,
                first: ags.first().map(|a| a.date.start),
                agreements: ags
                    .iter()
                    .map(|a| AgreementRef {
                        id: a.id.clone(),
                        date: a.date.text.clone(),
                        title: a.title.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.link, a.first, &a.actor).cmp(&(b.link, b.first, &b.actor)));
    out
}
