//! The in-memory dataset: actors, places, agreements, documents and periods,
//! already validated. The model does no I/O; `load` builds it from TOML.

pub mod date;
pub mod vocab;

use indexmap::IndexMap;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

pub use date::{Day, FuzzyDate, Precision, Qualifier};
pub use vocab::*;

/// Where a fact can be found: a document id and a locator inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub document: String,
    pub locator: String,
}

/// A body or person taking part in agreements.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub alignment: Alignment,
    /// The body this actor belongs to (an individual's body, a faction's coalition).
    pub parent: Option<String>,
    /// The place an actor is tied to (a committee's town).
    pub place: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// A named place in the hierarchy.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub aliases: Vec<String>,
    pub kind: PlaceKind,
    pub parent: Option<String>,
    /// For a group (`kind = "group"`): the places it gathers.
    pub members: Vec<String>,
    pub note: Option<String>,
}

/// A document the data is coded from.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub id: String,
    pub title_ar: String,
    pub title_en: String,
    pub date: Option<FuzzyDate>,
    pub kind: String,
    pub file: Option<String>,
    pub note: Option<String>,
}

/// A named span of time (`hmeimim`, `de-escalation`, ...).
#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub note: Option<String>,
}

/// One actor's part in one agreement.
#[derive(Debug, Clone, Serialize)]
pub struct Participant {
    pub actor: String,
    pub role: Role,
    pub side: Option<Side>,
    /// The role is the coders' inference, not something the source states
    /// (the note says why); `--no-inferred` leaves such roles out.
    pub inferred: bool,
    pub locator: Option<String>,
    pub note: Option<String>,
}

/// A coded term of an agreement.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub code: TermCode,
    /// A number the source gives (fighters evacuated, detainees released, ...).
    pub count: Option<u64>,
    /// What `count` counts.
    pub unit: Option<Unit>,
    /// Destination place for evacuations.
    pub destination: Option<String>,
    pub locator: Option<String>,
    pub note: Option<String>,
}

/// Another reading of an agreement's date, from another passage or version.
#[derive(Debug, Clone, Serialize)]
pub struct DateReading {
    pub date: FuzzyDate,
    pub document: String,
    pub locator: String,
    pub note: Option<String>,
}

/// A dated event: an agreement, offer, meeting, founding, ...
#[derive(Debug, Clone, Serialize)]
pub struct Agreement {
    pub id: String,
    pub title: String,
    pub title_ar: Option<String>,
    pub date: FuzzyDate,
    /// Other readings of the date; `date_note` says why `date` was chosen.
    pub date_readings: Vec<DateReading>,
    pub date_note: Option<String>,
    pub places: Vec<String>,
    pub kind: AgreementKind,
    pub phase: Option<u32>,
    pub follows: Option<String>,
    pub status: Status,
    pub participants: Vec<Participant>,
    pub terms: Vec<Term>,
    pub sources: Vec<SourceRef>,
    pub note: Option<String>,
}

/// The whole validated dataset. Records keep the order of the files they
/// came from (files sorted by path), so every output is deterministic.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub actors: IndexMap<String, Actor>,
    pub places: IndexMap<String, Place>,
    pub agreements: IndexMap<String, Agreement>,
    pub documents: IndexMap<String, Document>,
    pub periods: IndexMap<String, Period>,
}

impl Agreement {
    /// Whether the record is an agreement proper that was concluded: an
    /// agreement kind ([`AgreementKind::is_agreement`]) with a concluded
    /// status ([`Status::is_concluded`]). Counts of "agreements" count these;
    /// every record is an "event".
    pub fn is_concluded_agreement(&self) -> bool {
        self.kind.is_agreement() && self.status.is_concluded()
    }
}

impl Dataset {
    /// The place and every place below it in the hierarchy. Linear in the
    /// number of places: one pass builds the children lists, one walk
    /// collects the subtree (each place is visited once, even in a cycle).
    pub fn place_and_descendants(&self, id: &str) -> BTreeSet<String> {
        let mut children: HashMap<&str, Vec<&str>> = HashMap::new();
        for p in self.places.values() {
            if let Some(par) = &p.parent {
                children
                    .entry(par.as_str())
                    .or_default()
                    .push(p.id.as_str());
            }
            // A group's members count as lying below it.
            for m in &p.members {
                children.entry(p.id.as_str()).or_default().push(m.as_str());
            }
        }
        let mut set = BTreeSet::new();
        set.insert(id.to_string());
        let mut stack = vec![id];
        while let Some(cur) = stack.pop() {
            for &child in children.get(cur).into_iter().flatten() {
                if set.insert(child.to_string()) {
                    stack.push(child);
                }
            }
        }
        set
    }

    /// The chain from a place up to the root, starting with the place itself.
    pub fn place_ancestors(&self, id: &str) -> Vec<&Place> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut cur = self.places.get(id);
        while let Some(p) = cur {
            if !seen.insert(p.id.as_str()) {
                break;
            }
            out.push(p);
            cur = p.parent.as_ref().and_then(|par| self.places.get(par));
        }
        out
    }

    /// The bodies an actor belongs to, nearest first (its parent, the
    /// parent's parent, …), without the actor itself.
    pub fn actor_ancestors(&self, id: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut cur = self.actors.get(id).and_then(|a| a.parent.as_deref());
        while let Some(p) = cur {
            if p == id || !seen.insert(p) {
                break;
            }
            out.push(p);
            cur = self.actors.get(p).and_then(|a| a.parent.as_deref());
        }
        out
    }

    /// Whether one actor belongs to the other, at any depth (an individual
    /// and its body, a unit and its state): such pairs get no tie.
    pub fn actors_related(&self, a: &str, b: &str) -> bool {
        self.actor_ancestors(a).contains(&b) || self.actor_ancestors(b).contains(&a)
    }

    /// Agreements sorted by date (start, then end), then id.
    pub fn agreements_by_date(&self) -> Vec<&Agreement> {
        let mut v: Vec<&Agreement> = self.agreements.values().collect();
        v.sort_by(|a, b| (a.date.start, a.date.end, &a.id).cmp(&(b.date.start, b.date.end, &b.id)));
        v
    }

    /// English name of an actor, or the id if unknown.
    pub fn actor_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.actors.get(id).map_or(id, |a| a.name_en.as_str())
    }
}
