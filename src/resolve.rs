//! Resolving the names users type (ids, English or Arabic names, aliases) to
//! the dataset's actors, places and periods, with [`crate::names::Resolver`],
//! and saying which entity was taken.
//!
//! Rules (docs/queries.md): an exact id is taken as it is; then a folded name
//! or alias; then a unique entity whose name contains the argument. A place
//! name that fits places at several levels of the hierarchy (`Daraa`: the
//! governorate and the city) takes the **widest** one (fewest ancestors);
//! places also answer to their names without the words "governorate" /
//! "محافظة" and "city" / "مدينة". Whenever the argument was not an exact id,
//! or other entities share it, the [`Resolution`] says so, and the command
//! line prints it on stderr.

use crate::error::{Entity, Error, Result};
use crate::model::Dataset;
use crate::names::{Found, How, Miss, Resolver};
use std::collections::BTreeSet;

/// Which entity an argument was taken to mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    pub what: Entity,
    /// The argument as given.
    pub query: String,
    /// The id taken.
    pub id: String,
    pub how: How,
    /// Other entities the argument also fits.
    pub others: Vec<String>,
}

impl Resolution {
    /// Whether there is nothing to say: an exact id no other entity shares.
    pub fn is_plain(&self) -> bool {
        self.how == How::Id && self.others.is_empty()
    }

    fn of(what: Entity, query: &str, f: Found) -> Resolution {
        Resolution {
            what,
            query: query.to_string(),
            id: f.id,
            how: f.how,
            others: f.others,
        }
    }
}

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

fn non_empty(what: Entity, query: &str) -> Result<()> {
    if query.trim().is_empty() {
        return Err(Error::EmptyName { what });
    }
    Ok(())
}

/// Resolves an actor given by id or name (English or Arabic, any alias).
pub fn actor(ds: &Dataset, query: &str) -> Result<Resolution> {
    non_empty(Entity::Actor, query)?;
    let mut r = Resolver::default();
    for a in ds.actors.values() {
        r.add(
            &a.id,
            [a.name_en.as_str(), a.name_ar.as_str()]
                .into_iter()
                .chain(a.aliases.iter().map(String::as_str)),
        );
    }
    r.find(query, &|_| None)
        .map(|f| Resolution::of(Entity::Actor, query, f))
        .map_err(|m| miss_to_error(Entity::Actor, query, m))
}

/// A place's name without its kind word ("Daraa governorate" → "Daraa",
/// "محافظة درعا" → "درعا"), if it has one.
fn without_kind_word(name: &str) -> Option<&str> {
    let n = name.trim();
    for suffix in [" governorate", " Governorate", " city", " City"] {
        if let Some(s) = n.strip_suffix(suffix) {
            return Some(s.trim());
        }
    }
    for prefix in ["محافظة ", "مدينة "] {
        if let Some(s) = n.strip_prefix(prefix) {
            return Some(s.trim());
        }
    }
    None
}

/// Resolves a place given by id or name; a name that fits places at several
/// levels takes the widest.
pub fn place(ds: &Dataset, query: &str) -> Result<Resolution> {
    non_empty(Entity::Place, query)?;
    let mut r = Resolver::default();
    for p in ds.places.values() {
        let names: Vec<&str> = [p.name_en.as_str(), p.name_ar.as_str()]
            .into_iter()
            .chain(p.aliases.iter().map(String::as_str))
            .collect();
        let stripped: Vec<&str> = names.iter().filter_map(|n| without_kind_word(n)).collect();
        r.add(&p.id, names.into_iter().chain(stripped));
    }
    let widest = |ids: &[&str]| -> Option<String> {
        let depth = |id: &str| ds.place_ancestors(id).len();
        let min = ids.iter().map(|i| depth(i)).min()?;
        let at: Vec<&&str> = ids.iter().filter(|i| depth(i) == min).collect();
        (at.len() == 1).then(|| at[0].to_string())
    };
    r.find(query, &widest)
        .map(|f| Resolution::of(Entity::Place, query, f))
        .map_err(|m| miss_to_error(Entity::Place, query, m))
}

/// A resolved region: its id (several places join theirs with `+`), the set
/// of places it covers (each place and everything below it), and how each
/// name was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub id: String,
    pub places: BTreeSet<String>,
    pub resolved: Vec<Resolution>,
}

/// Resolves a region: one place, or several separated by commas.
pub fn region(ds: &Dataset, q: &str) -> Result<Region> {
    non_empty(Entity::Place, q.replace(',', " ").as_str())?;
    match place(ds, q) {
        Ok(r) => Ok(Region {
            id: r.id.clone(),
            places: ds.place_and_descendants(&r.id),
            resolved: vec![r],
        }),
        Err(e) if !q.contains(',') => Err(e),
        Err(_) => {
            let mut ids: Vec<String> = Vec::new();
            let mut places = BTreeSet::new();
            let mut resolved = Vec::new();
            for part in q.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let r = place(ds, part)?;
                places.extend(ds.place_and_descendants(&r.id));
                if !ids.contains(&r.id) {
                    ids.push(r.id.clone());
                }
                resolved.push(r);
            }
            Ok(Region {
                id: ids.join("+"),
                places,
                resolved,
            })
        }
    }
}

/// Resolves a period given by id or name.
pub fn period(ds: &Dataset, query: &str) -> Result<Resolution> {
    non_empty(Entity::Period, query)?;
    let mut r = Resolver::default();
    for p in ds.periods.values() {
        r.add(&p.id, [p.name_en.as_str(), p.name_ar.as_str()]);
    }
    r.find(query, &|_| None)
        .map(|f| Resolution::of(Entity::Period, query, f))
        .map_err(|m| miss_to_error(Entity::Period, query, m))
}
