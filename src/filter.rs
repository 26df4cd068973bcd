//! Slicing the dataset: which agreements a command looks at.
//!
//! A slice combines a region (a place and everything below it), a date window
//! (from `--from`/`--to` and/or a named `--period`, intersected), agreement
//! kinds and an actor. Dates are fuzzy: by default an agreement is in the
//! window if any day it may mean is (overlap); `--strict-dates` asks that
//! every day it may mean is (containment).

use crate::error::{Error, Result};
use crate::graph::{project, ActorGraph};
use crate::model::date::parse_bound;
use crate::model::{Agreement, AgreementKind, Alignment, Dataset, Day, Role};
use crate::names::{Miss, Resolver};
use std::collections::BTreeSet;

/// What the user asked for, as typed.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SliceArgs {
    /// Only agreements in this place or below it (id or English/Arabic name), e.g. eastern-ghouta,
    /// "ريف دمشق"; several places separated by commas cover all of them.
    #[arg(long, value_name = "PLACE")]
    pub region: Option<String>,
    /// Only agreements that may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only agreements that may fall on or before this date (a month or year means its last day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only agreements within a named period (see `musalaha periods`), e.g. hmeimim, de-escalation.
    #[arg(long, value_name = "NAME")]
    pub period: Option<String>,
    /// Count an agreement only if all the days its date may mean are in the window.
    #[arg(long)]
    pub strict_dates: bool,
    /// Only these agreement kinds (comma-separated), e.g. final-settlement,de-escalation.
    #[arg(long = "agreement-kind", value_name = "KIND", value_delimiter = ',')]
    pub agreement_kinds: Vec<String>,
    /// Only actors of these alignments (comma-separated), e.g. regime,regime-ally: the graph keeps
    /// ties between such actors, listings keep agreements with at least one of them.
    #[arg(long = "alignment", value_name = "ALIGNMENT", value_delimiter = ',')]
    pub alignments: Vec<String>,
}

/// How `--over` cuts a slice into a series of slices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
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
    pub strict: bool,
    pub kinds: Vec<AgreementKind>,
    /// Only agreements this actor took part in.
    pub actor: Option<String>,
    /// With `actor`: only agreements where it played one of these roles.
    pub actor_roles: Vec<Role>,
    /// Only actors of these alignments (empty: all).
    pub alignments: Vec<Alignment>,
    /// The actors those alignments allow (None: all).
    pub allowed_actors: Option<BTreeSet<String>>,
}

fn miss_to_error(what: &'static str, query: &str, miss: Miss, help: &str) -> Error {
    match miss {
        Miss::Unknown { closest } => Error::UnknownName {
            what,
            query: query.to_string(),
            closest,
            help: help.to_string(),
        },
        Miss::Ambiguous { candidates } => Error::AmbiguousName {
            what,
            query: query.to_string(),
            candidates,
        },
    }
}

/// Parses a comma-separated list of roles.
pub fn parse_roles(list: &[String]) -> Result<Vec<Role>> {
    list.iter()
        .map(|r| {
            r.parse::<Role>()
                .map_err(|e| Error::BadArgument(format!("--role: {e}")))
        })
        .collect()
}

/// Resolves an actor given by id or name (English or Arabic, any alias).
pub fn resolve_actor(ds: &Dataset, query: &str) -> Result<String> {
    let mut r = Resolver::default();
    for a in ds.actors.values() {
        r.add(
            &a.id,
            [a.name_en.as_str(), a.name_ar.as_str()]
                .into_iter()
                .chain(a.aliases.iter().map(String::as_str)),
        );
    }
    r.resolve(query).map_err(|m| {
        miss_to_error(
            "actor",
            query,
            m,
            "run `musalaha actors` to list actors and their ids",
        )
    })
}

/// Resolves a place given by id or name.
pub fn resolve_place(ds: &Dataset, query: &str) -> Result<String> {
    let mut r = Resolver::default();
    for p in ds.places.values() {
        r.add(
            &p.id,
            [p.name_en.as_str(), p.name_ar.as_str()]
                .into_iter()
                .chain(p.aliases.iter().map(String::as_str)),
        );
    }
    r.resolve(query).map_err(|m| {
        miss_to_error(
            "place",
            query,
            m,
            "run `musalaha places` to list places and their ids",
        )
    })
}

/// Resolves `--region`: one place, or several separated by commas (the
/// region's id then joins theirs with `+`). Returns the id and the set of
/// places covered (each place and everything below it).
pub fn resolve_region(ds: &Dataset, q: &str) -> Result<(String, BTreeSet<String>)> {
    match resolve_place(ds, q) {
        Ok(id) => {
            let set = ds.place_and_descendants(&id);
            Ok((id, set))
        }
        Err(e) if !q.contains(',') => Err(e),
        Err(_) => {
            let mut ids: Vec<String> = Vec::new();
            let mut set = BTreeSet::new();
            for part in q.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let id = resolve_place(ds, part)?;
                set.extend(ds.place_and_descendants(&id));
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            Ok((ids.join("+"), set))
        }
    }
}

/// Resolves a period given by id or name.
pub fn resolve_period(ds: &Dataset, query: &str) -> Result<String> {
    let mut r = Resolver::default();
    for p in ds.periods.values() {
        r.add(&p.id, [p.name_en.as_str(), p.name_ar.as_str()]);
    }
    r.resolve(query).map_err(|m| {
        miss_to_error(
            "period",
            query,
            m,
            "run `musalaha periods` to list the named periods",
        )
    })
}

fn bound(text: &Option<String>, end: bool, flag: &str) -> Result<Option<Day>> {
    text.as_deref()
        .map(|t| {
            parse_bound(t, end).map_err(|e| {
                Error::BadArgument(format!(
                    "{flag} {t}: {e}\n  help: write a date as YYYY, YYYY-MM or YYYY-MM-DD"
                ))
            })
        })
        .transpose()
}

impl Slice {
    /// Resolves names and dates; errors name the flag to fix.
    pub fn resolve(ds: &Dataset, args: &SliceArgs) -> Result<Slice> {
        let region = match &args.region {
            Some(q) => Some(resolve_region(ds, q)?),
            None => None,
        };
        let mut from = bound(&args.from, false, "--from")?;
        let mut to = bound(&args.to, true, "--to")?;
        let mut period = None;
        if let Some(q) = &args.period {
            let id = resolve_period(ds, q)?;
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
                return Err(Error::BadArgument(format!(
                    "the date window is empty: it starts {f} and ends {t}\n  help: check --from, --to and --period"
                )));
            }
        }
        let mut kinds = Vec::new();
        for k in &args.agreement_kinds {
            kinds.push(
                k.parse::<AgreementKind>()
                    .map_err(|e| Error::BadArgument(format!("--agreement-kind: {e}")))?,
            );
        }
        let mut alignments = Vec::new();
        for k in &args.alignments {
            alignments.push(
                k.parse::<Alignment>()
                    .map_err(|e| Error::BadArgument(format!("--alignment: {e}")))?,
            );
        }
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
            strict: args.strict_dates,
            kinds,
            actor: None,
            actor_roles: Vec::new(),
            alignments,
            allowed_actors,
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
            if !a.participants.iter().any(|p| {
                &p.actor == actor
                    && (self.actor_roles.is_empty() || self.actor_roles.contains(&p.role))
            }) {
                return false;
            }
        }
        if let Some(allowed) = &self.allowed_actors {
            if !a.participants.iter().any(|p| allowed.contains(&p.actor)) {
                return false;
            }
        }
        true
    }

    /// Whether an actor is kept by the alignment filter.
    pub fn keeps_actor(&self, id: &str) -> bool {
        self.allowed_actors.as_ref().is_none_or(|s| s.contains(id))
    }

    /// The actor graph of the slice: its agreements projected, with ties
    /// between actors the alignment filter drops removed.
    pub fn actor_graph(&self, ds: &Dataset) -> ActorGraph {
        let mut g = project(&self.select(ds));
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

    /// The series of slices `--over` asks for, each with its label (`2016`,
    /// `hmeimim`). Years run from the first to the last year any agreement
    /// of the slice may fall in.
    pub fn over(&self, ds: &Dataset, over: Over) -> Vec<(String, Slice)> {
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
            "all agreements".into()
        } else {
            parts.join(", ")
        }
    }
}
