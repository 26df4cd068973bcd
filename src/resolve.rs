//! Resolving the names users type (ids, English or Arabic names, aliases) to
//! the dataset's actors, places and periods, with [`crate::names::Resolver`].

use crate::error::{Entity, Error, Result};
use crate::model::Dataset;
use crate::names::{Miss, Resolver};
use std::collections::BTreeSet;

fn miss_to_error(what: Entity, query: &str, miss: Miss) -> Error {
    match miss {
        Miss::Unknown { closest } => Error::UnknownName {
            what,
            query: query.to_string(),
            closest,
        },
        Miss::Ambiguous { candidates } => Error::AmbiguousName {
            what,
            query: query.to_string(),
            candidates,
        },
    }
}

/// Resolves an actor given by id or name (English or Arabic, any alias).
pub fn actor(ds: &Dataset, query: &str) -> Result<String> {
    let mut r = Resolver::default();
    for a in ds.actors.values() {
        r.add(
            &a.id,
            [a.name_en.as_str(), a.name_ar.as_str()]
                .into_iter()
                .chain(a.aliases.iter().map(String::as_str)),
        );
    }
    r.resolve(query)
        .map_err(|m| miss_to_error(Entity::Actor, query, m))
}

/// Resolves a place given by id or name.
pub fn place(ds: &Dataset, query: &str) -> Result<String> {
    let mut r = Resolver::default();
    for p in ds.places.values() {
        r.add(
            &p.id,
            [p.name_en.as_str(), p.name_ar.as_str()]
                .into_iter()
                .chain(p.aliases.iter().map(String::as_str)),
        );
    }
    r.resolve(query)
        .map_err(|m| miss_to_error(Entity::Place, query, m))
}

/// Resolves a region: one place, or several separated by commas (the
/// region's id then joins theirs with `+`). Returns the id and the set of
/// places covered (each place and everything below it).
pub fn region(ds: &Dataset, q: &str) -> Result<(String, BTreeSet<String>)> {
    match place(ds, q) {
        Ok(id) => {
            let set = ds.place_and_descendants(&id);
            Ok((id, set))
        }
        Err(e) if !q.contains(',') => Err(e),
        Err(_) => {
            let mut ids: Vec<String> = Vec::new();
            let mut set = BTreeSet::new();
            for part in q.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let id = place(ds, part)?;
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
pub fn period(ds: &Dataset, query: &str) -> Result<String> {
    let mut r = Resolver::default();
    for p in ds.periods.values() {
        r.add(&p.id, [p.name_en.as_str(), p.name_ar.as_str()]);
    }
    r.resolve(query)
        .map_err(|m| miss_to_error(Entity::Period, query, m))
}
