//! Phase 3, references: every id a record points to (a parent, a place, an
//! actor, a source document, a followed agreement) names a known record of
//! the right type. Each check is a hash-set lookup; only an unknown id costs
//! more, to suggest the closest known ones. Every unknown reference is
//! reported: loading never stops at the first problem.

use super::ids::{Known, KnownIds};
use super::raw::{Records, S};
use super::report::Reporter;

/// Reports every reference to an id that no record defines.
pub(super) fn check_references(rep: &mut Reporter, r: &Records, k: &KnownIds) {
    for rec in &r.places {
        if let Some(par) = &rec.raw.parent {
            reference(rep, rec.file, par, "place", &k.places);
        }
        for m in &rec.raw.members {
            reference(rep, rec.file, m, "place", &k.places);
        }
    }
    for rec in &r.actors {
        let (f, a) = (rec.file, &rec.raw);
        if let Some(par) = &a.parent {
            reference(rep, f, par, "actor", &k.actors);
        }
        if let Some(pl) = &a.place {
            reference(rep, f, pl, "place", &k.places);
        }
        for s in &a.sources {
            reference(rep, f, &s.document, "source document", &k.documents);
        }
    }
    for rec in &r.agreements {
        let (f, a) = (rec.file, &rec.raw);
        for x in &a.date_readings {
            reference(rep, f, &x.document, "source document", &k.documents);
        }
        for s in &a.places {
            reference(rep, f, s, "place", &k.places);
        }
        if let Some(s) = &a.follows {
            reference(rep, f, s, "agreement", &k.agreements);
        }
        for s in &a.sources {
            reference(rep, f, &s.document, "source document", &k.documents);
        }
        for x in &a.participants {
            reference(rep, f, &x.actor, "actor", &k.actors);
        }
        for t in &a.terms {
            if let Some(d) = &t.destination {
                reference(rep, f, d, "place", &k.places);
            }
        }
    }
}

fn reference(rep: &mut Reporter, file: usize, s: &S, what: &str, known: &Known) {
    let id = s.get_ref();
    if known.contains(id) {
        return;
    }
    let mut scored: Vec<(usize, &str)> = known
        .defined()
        .iter()
        .map(|k| (crate::names::edit_distance(k, id), *k))
        .collect();
    scored.sort();
    let closest: Vec<&str> = scored.iter().take(3).map(|(_, k)| *k).collect();
    let help = if closest.is_empty() {
        format!("define {} {what} with this id first", article(what))
    } else {
        format!(
            "define {} {what} with this id, or use an existing one (closest: {})",
            article(what),
            closest.join(", ")
        )
    };
    rep.on(
        file,
        s,
        "unknown-id",
        format!("unknown {what} id '{id}'"),
        help,
    );
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
