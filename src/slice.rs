//! Slicing the dataset: which agreements a command looks at.
//!
//! A slice combines a region (a place and everything below it), a date window
//! (from `--from`/`--to` and/or a named `--period`, intersected), agreement
//! kinds and an actor. Dates are fuzzy: by default an agreement is in the
//! window if any day it may mean is (overlap); `--strict-dates` asks that
//! every day it may mean is (containment).

use crate::error::{Error, Result};
use crate::graph::{project_with, ActorGraph};
use crate::model::vocab::vocabulary;
use crate::model::{Agreement, AgreementKind, Alignment, Dataset, Day, Participant, Role};
use crate::resolve::{self, Resolution};
use std::collections::BTreeSet;

/// What a command looks at, as asked: names not yet resolved, dates parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SliceSpec {
    /// A place (id or English/Arabic name) or several separated by commas:
    /// agreements in any of them or below.
    pub region: Option<String>,
    /// Agreements that may fall on or after this day.
    pub from: Option<Day>,
    /// Agreements that may fall on or before this day.
    pub to: Option<Day>,
    /// A named period (id or name), intersected with `from`/`to`.
    pub period: Option<String>,
    /// How fuzzy dates meet the window; `None`: the command's default
    /// (overlap for one window, within for a series of years or periods).
    pub dates: Option<DateRule>,
    /// Only these agreement kinds (empty: all).
    pub agreement_kinds: Vec<AgreementKind>,
    /// Only actors of these alignments (empty: all).
    pub alignments: Vec<Alignment>,
    /// Leave out the roles the coders inferred (`inferred = true`).
    pub no_inferred: bool,
}

vocabulary!(
    /// How a record's fuzzy date is tested against a window.
    DateRule, "date rule" {
    Overlap => "overlap", "the record is in the window if any day its date may mean is (nothing that could belong is lost)";
    Within => "within", "the record is in the window only if every day its date may mean is (each record in at most one year or period)";
});

/// How `--over` cuts a slice into a series of slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Over {
    /// One slice per calendar year.
    Year,
    /// One slice per named period (see `musalaha periods`).
    Period,
}

/// A resolved slice.
#[derive(Debug, Clone, Default)]
pub struct Slice {
    /// The region's place id and the set of places it covers.
    pub region: Option<(String, BTreeSet<String>)>,
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub period: Option<String>,
    /// Containment (`within`) rather than overlap for this window.
    pub strict: bool,
    /// The date rule asked for (`None`: each use's default).
    pub dates: Option<DateRule>,
    pub kinds: Vec<AgreementKind>,
    /// Only agreements this actor took part in.
    pub actor: Option<String>,
    /// With `actor`: only agreements where it played one of these roles.
    pub actor_roles: Vec<Role>,
    /// Only actors of these alignments (empty: all).
    pub alignments: Vec<Alignment>,
    /// The actors those alignments allow (None: all).
    pub allowed_actors: Option<BTreeSet<String>>,
    /// Leave out inferred roles.
    pub no_inferred: bool,
    /// How the region and period names were taken.
    pub resolved: Vec<Resolution>,
}

impl Slice {
    /// Resolves names; the window is `from`/`to` intersected with the period.
    pub fn resolve(ds: &Dataset, spec: &SliceSpec) -> Result<Slice> {
        let mut resolved = Vec::new();
        let region = match &spec.region {
            Some(q) => {
                let r = resolve::region(ds, q)?;
                resolved.extend(r.resolved);
                Some((r.id, r.places))
            }
            None => None,
        };
        let mut from = spec.from;
        let mut to = spec.to;
        let mut period = None;
        if let Some(q) = &spec.period {
            let r = resolve::period(ds, q)?;
            let id = r.id.clone();
            resolved.push(r);
            let p = &ds.periods[&id];
            from = match (from, p.from) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            to = match (to, p.to) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            period = Some(id);
        }
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                return Err(Error::EmptyWindow { from: f, to: t });
            }
        }
        let mut kinds = spec.agreement_kinds.clone();
        kinds.dedup();
        let mut alignments = spec.alignments.clone();
        alignments.dedup();
        let allowed_actors = (!alignments.is_empty()).then(|| {
            ds.actors
                .values()
                .filter(|a| alignments.contains(&a.alignment))
                .map(|a| a.id.clone())
                .collect()
        });
        Ok(Slice {
            region,
            from,
            to,
            period,
            strict: spec.dates == Some(DateRule::Within),
            dates: spec.dates,
            kinds,
            actor: None,
            actor_roles: Vec::new(),
            alignments,
            allowed_actors,
            no_inferred: spec.no_inferred,
            resolved,
        })
    }

    /// Whether an agreement is in the slice.
    pub fn matches(&self, a: &Agreement) -> bool {
        if let Some((_, set)) = &self.region {
            if !a.places.iter().any(|p| set.contains(p)) {
                return false;
            }
        }
        let in_window = if self.strict {
            a.date.within(self.from, self.to)
        } else {
            a.date.overlaps(self.from, self.to)
        };
        if !in_window {
            return false;
        }
        if !self.kinds.is_empty() && !self.kinds.contains(&a.kind) {
            return false;
        }
        if let Some(actor) = &self.actor {
            if !self.participants(a).any(|p| {
                &p.actor == actor
                    && (self.actor_roles.is_empty() || self.actor_roles.contains(&p.role))
            }) {
                return false;
            }
        }
        if let Some(allowed) = &self.allowed_actors {
            if !self.participants(a).any(|p| allowed.contains(&p.actor)) {
                return false;
            }
        }
        true
    }

    /// Whether an actor is kept by the alignment filter.
    pub fn keeps_actor(&self, id: &str) -> bool {
        self.allowed_actors.as_ref().is_none_or(|s| s.contains(id))
    }

    /// Whether a participation counts in this slice: not an inferred role
    /// under `--no-inferred`.
    pub fn keeps_role(&self, p: &Participant) -> bool {
        !(self.no_inferred && p.inferred)
    }

    /// Whether a participation is kept by both filters (role and alignment),
    /// as the two-mode graph needs.
    pub fn keeps(&self, p: &Participant) -> bool {
        self.keeps_role(p) && self.keeps_actor(&p.actor)
    }

    /// The participations of an agreement the slice counts.
    pub fn participants<'a>(
        &'a self,
        a: &'a Agreement,
    ) -> impl Iterator<Item = &'a Participant> + 'a {
        a.participants.iter().filter(|p| self.keeps_role(p))
    }

    /// The actor graph of the slice: its agreements projected (without the
    /// roles it leaves out, and with no tie between an actor and a body it
    /// belongs to), with ties between actors the alignment filter drops
    /// removed.
    pub fn actor_graph(&self, ds: &Dataset) -> ActorGraph {
        let mut g = project_with(&self.select(ds), &|p| self.keeps_role(p), &|a, b| {
            ds.actors_related(a, b)
        });
        g.ties
            .retain(|t| self.keeps_actor(&t.from) && self.keeps_actor(&t.to));
        g
    }

    /// The agreements in the slice, by date.
    pub fn select<'a>(&self, ds: &'a Dataset) -> Vec<&'a Agreement> {
        ds.agreements_by_date()
            .into_iter()
            .filter(|a| self.matches(a))
            .collect()
    }

    /// The same slice restricted to the window [from, to] (intersected with
    /// its own); None when the intersection is empty.
    pub fn narrowed(&self, from: Option<Day>, to: Option<Day>) -> Option<Slice> {
        let f = match (self.from, from) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let t = match (self.to, to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let (Some(f), Some(t)) = (f, t) {
            if t < f {
                return None;
            }
        }
        Some(Slice {
            from: f,
            to: t,
            ..self.clone()
        })
    }

    /// The date rule this slice selects by.
    pub fn date_rule(&self) -> DateRule {
        if self.strict {
            DateRule::Within
        } else {
            DateRule::Overlap
        }
    }

    /// The records of the slice's window split by certainty: those surely
    /// in it (every day their date may mean is) and those that only may be.
    /// Every other condition of the slice applies.
    pub fn certainty<'a>(&self, ds: &'a Dataset) -> (Vec<&'a Agreement>, Vec<&'a Agreement>) {
        let overlap = Slice {
            strict: false,
            ..self.clone()
        };
        overlap
            .select(ds)
            .into_iter()
            .partition(|a| a.date.within(self.from, self.to))
    }

    /// The series of slices `--over` asks for, each with its label (`2016`,
    /// `hmeimim`). Years run from the first to the last year any agreement
    /// of the slice may fall in. Unless a date rule was asked for, each part
    /// selects by `within`, so that a record counts in at most one year or
    /// period.
    pub fn over(&self, ds: &Dataset, over: Over) -> Vec<(String, Slice)> {
        let mut parts = self.over_windows(ds, over);
        let strict = self.dates.unwrap_or(DateRule::Within) == DateRule::Within;
        for (_, s) in &mut parts {
            s.strict = strict;
        }
        parts
    }

    fn over_windows(&self, ds: &Dataset, over: Over) -> Vec<(String, Slice)> {
        match over {
            Over::Year => {
                let ags = self.select(ds);
                let (Some(first), Some(last)) = (
                    ags.iter().map(|a| a.date.start.year).min(),
                    ags.iter().map(|a| a.date.end.year).max(),
                ) else {
                    return Vec::new();
                };
                (first..=last)
                    .filter_map(|y| {
                        let from = Day {
                            year: y,
                            month: 1,
                            day: 1,
                        };
                        let to = Day {
                            year: y,
                            month: 12,
                            day: 31,
                        };
                        self.narrowed(Some(from), Some(to))
                            .map(|s| (y.to_string(), s))
                    })
                    .collect()
            }
            Over::Period => ds
                .periods
                .values()
                .filter_map(|p| {
                    self.narrowed(p.from, p.to).map(|mut s| {
                        s.period = Some(p.id.clone());
                        (p.id.clone(), s)
                    })
                })
                .collect(),
        }
    }

    /// A short human description ("region eastern-ghouta, 2017-01-01 to 2018-12-31").
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some((id, _)) = &self.region {
            parts.push(format!("region {id}"));
        }
        if let Some(p) = &self.period {
            parts.push(format!("period {p}"));
        }
        match (self.from, self.to) {
            (Some(f), Some(t)) => parts.push(format!("{f} to {t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("until {t}")),
            (None, None) => {}
        }
        if !self.kinds.is_empty() {
            parts.push(
                self.kinds
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join("+"),
            );
        }
        if let Some(a) = &self.actor {
            parts.push(format!("actor {a}"));
        }
        if !self.alignments.is_empty() {
            parts.push(format!(
                "alignment {}",
                self.alignments
                    .iter()
                    .map(|a| a.as_str())
                    .collect::<Vec<_>>()
                    .join("+")
            ));
        }
        if parts.is_empty() {
            "all records".into()
        } else {
            parts.join(", ")
        }
    }
}
