//! Who an actor dealt with: its counterparts across signing and negotiating
//! ties, its co-signatories, who guaranteed or mediated for it and for whom it
//! did, each with the agreements and dates behind the tie.

use crate::error::Result;
use crate::graph::{ActorGraph, Relation};
use crate::model::{Dataset, Day, Role};
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;

/// Whom an actor dealt with.
#[derive(Debug, Clone)]
pub struct PartnersQuery {
    /// The actor (id or name).
    pub actor: String,
    pub slice: SliceSpec,
    /// Only agreements in which the actor played one of these roles.
    pub roles: Vec<Role>,
    /// Relations to follow.
    pub relations: Vec<Relation>,
}

impl PartnersQuery {
    /// The actor's partners, counterparts first, then by first date.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<Partner>> {
        let r = resolve::actor(ds, &self.actor)?;
        let actor = r.id.clone();
        let mut slice = Slice::resolve(ds, &self.slice)?;
        slice.resolved.insert(0, r);
        if !self.roles.is_empty() {
            slice.actor = Some(actor.clone());
            slice.actor_roles = self.roles.clone();
        }
        let mut graph = slice.actor_graph(ds);
        graph.ties.retain(|t| self.relations.contains(&t.relation));
        Ok(Answer {
            rows: partners(ds, &graph, &actor),
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}

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
    /// Mediated, sponsored or convened an agreement it was party to.
    MediatedBy,
    /// It mediated for this actor.
    MediatorFor,
    /// Hosted (gave the venue for) an agreement it was party to.
    HostedBy,
    /// It hosted an agreement this actor was party to.
    HostFor,
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
            Link::HostedBy => "hosted-by",
            Link::HostFor => "host-for",
        }
    }
}

/// CSV record of a [`Partner`]: each agreement `id (date)`.
#[derive(Debug, Default, Serialize)]
pub struct PartnerCsv {
    pub actor: String,
    pub name_en: String,
    pub name_ar: String,
    pub relation: &'static str,
    pub link: &'static str,
    pub count: usize,
    pub agreements: String,
}

impl Partner {
    fn agreement_list(&self) -> String {
        join(
            &self
                .agreements
                .iter()
                .map(|a| format!("{} ({}){}", a.id, a.date, if a.inferred { "*" } else { "" }))
                .collect::<Vec<_>>(),
        )
    }
}

impl Row for Partner {
    type Csv = PartnerCsv;
    fn csv(&self) -> PartnerCsv {
        PartnerCsv {
            actor: self.actor.clone(),
            name_en: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            relation: self.relation.as_str(),
            link: self.link.as_str(),
            count: self.agreements.len(),
            agreements: self.agreement_list(),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("link", |r: &Self| r.link.as_str().to_string()),
            Column::new("actor", |r: &Self| r.actor.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("count", |r: &Self| r.agreements.len().to_string()),
            Column::new("agreements", |r: &Self| r.agreement_list()),
        ]
    }
}

/// An agreement behind a tie.
#[derive(Debug, Clone, Serialize)]
pub struct AgreementRef {
    pub id: String,
    pub date: String,
    pub title: String,
    /// The tie rests in this agreement only on roles the coders inferred.
    pub inferred: bool,
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
                (Relation::Hosting, true) => Link::HostFor,
                (Relation::Hosting, false) => Link::HostedBy,
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
                        inferred: t.inferred.contains(&a.id),
                    })
                    .collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.link, a.first, &a.actor).cmp(&(b.link, b.first, &b.actor)));
    out
}
