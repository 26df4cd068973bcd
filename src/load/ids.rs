//! Phase 2, ids: every record id is kebab-case and unique among the records
//! of its type; and the sets of known ids that references are checked
//! against (hash sets, so each check is O(1)). Ids of records that could not
//! be read (see [`super::parse::Parsed::hidden`]) count as known, so one
//! broken record does not cascade into errors elsewhere.

use super::parse::Parsed;
use super::raw::{HasId, Kind, Rec, Records};
use super::report::Reporter;
use std::collections::{HashMap, HashSet};

/// A kebab-case id: lower-case ASCII letters and digits joined by single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reports ids that are not kebab-case or are defined twice.
pub(super) fn check_ids(rep: &mut Reporter, r: &Records) {
    check(rep, &r.actors, "actor");
    check(rep, &r.places, "place");
    check(rep, &r.documents, "source document");
    check(rep, &r.periods, "period");
    check(rep, &r.agreements, "agreement");
}

fn check<T: HasId>(rep: &mut Reporter, records: &[Rec<T>], what: &str) {
    // id -> (file, offset) of its first definition.
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::with_capacity(records.len());
    for rec in records {
        let s = rec.raw.id();
        let id = s.get_ref().as_str();
        if !is_valid_id(id) {
            rep.on(
                rec.file,
                s,
                "bad-id",
                format!("{what} id '{id}' is not kebab-case"),
                "ids use lower-case ASCII letters, digits and single hyphens, e.g. jaish-al-islam",
            );
        }
        if let Some(&(f, off)) = seen.get(id) {
            let first = rep.place(f, off);
            rep.on(
                rec.file,
                s,
                "duplicate-id",
                format!("{what} id '{id}' is defined twice (first at {first})"),
                "give one of the two records another id, or merge them",
            );
        } else {
            seen.insert(id, (rec.file, s.span().start));
        }
    }
}

/// The ids a reference of one type may name.
pub(super) struct Known<'a> {
    set: HashSet<&'a str>,
    /// Ids of the records that were read, in file order: the candidates for
    /// "closest" suggestions.
    defined: Vec<&'a str>,
}

impl<'a> Known<'a> {
    fn new<T: HasId>(records: &'a [Rec<T>], hidden: &'a [(Kind, String)], kind: Kind) -> Self {
        let defined: Vec<&str> = records
            .iter()
            .map(|r| r.raw.id().get_ref().as_str())
            .collect();
        let set = defined
            .iter()
            .copied()
            .chain(
                hidden
                    .iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, id)| id.as_str()),
            )
            .collect();
        Known { set, defined }
    }

    pub(super) fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    pub(super) fn defined(&self) -> &[&'a str] {
        &self.defined
    }
}

/// Known ids of every type that references point to.
pub(super) struct KnownIds<'a> {
    pub actors: Known<'a>,
    pub places: Known<'a>,
    pub documents: Known<'a>,
    pub agreements: Known<'a>,
}

pub(super) fn known_ids(p: &Parsed) -> KnownIds<'_> {
    let r = &p.records;
    KnownIds {
        actors: Known::new(&r.actors, &p.hidden, Kind::Actor),
        places: Known::new(&r.places, &p.hidden, Kind::Place),
        documents: Known::new(&r.documents, &p.hidden, Kind::Source),
        agreements: Known::new(&r.agreements, &p.hidden, Kind::Agreement),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("jaish-al-islam"));
        assert!(is_valid_id("unsc-2401"));
        assert!(!is_valid_id("Jaish"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("a-"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("قرية"));
    }
}
