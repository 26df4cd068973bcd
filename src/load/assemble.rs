//! Phase 7, building the model: the checked `Raw*` records become the
//! [`crate::model`] types. This phase reports nothing (the earlier phases
//! already reported every problem); what cannot be built is left out: a
//! record with a bad coded value or date, a participant with a bad role, a
//! term with a bad code, a date reading with a bad date. When an id is
//! defined twice the first record counts.

use super::raw::*;
use crate::model::date::parse_bound;
use crate::model::*;

/// The dataset the records describe.
pub(super) fn dataset(r: &Records) -> Dataset {
    let mut ds = Dataset::default();
    for rec in &r.documents {
        let d = &rec.raw;
        ds.documents
            .entry(d.id.get_ref().clone())
            .or_insert_with(|| Document {
                id: d.id.get_ref().clone(),
                title_ar: d.title_ar.clone(),
                title_en: d.title_en.clone(),
                date: d
                    .date
                    .as_ref()
                    .and_then(|s| FuzzyDate::parse(s.get_ref()).ok()),
                kind: d.kind.clone(),
                file: d.file.clone(),
                note: d.note.clone(),
            });
    }
    for rec in &r.periods {
        let x = &rec.raw;
        let bound =
            |s: &Option<S>, end| s.as_ref().and_then(|s| parse_bound(s.get_ref(), end).ok());
        ds.periods
            .entry(x.id.get_ref().clone())
            .or_insert_with(|| Period {
                id: x.id.get_ref().clone(),
                name_en: x.name_en.clone(),
                name_ar: x.name_ar.clone(),
                from: bound(&x.from, false),
                to: bound(&x.to, true),
                note: x.note.clone(),
            });
    }
    for rec in &r.places {
        if let Some(p) = place(&rec.raw) {
            ds.places.entry(p.id.clone()).or_insert(p);
        }
    }
    for rec in &r.actors {
        if let Some(a) = actor(&rec.raw) {
            ds.actors.entry(a.id.clone()).or_insert(a);
        }
    }
    for rec in &r.agreements {
        if let Some(a) = agreement(&rec.raw) {
            ds.agreements.entry(a.id.clone()).or_insert(a);
        }
    }
    ds
}

fn value<T: Vocabulary>(s: &S) -> Option<T> {
    T::from_text(s.get_ref())
}

fn text(s: &S) -> String {
    s.get_ref().clone()
}

fn refs(v: &[RawSourceRef]) -> Vec<SourceRef> {
    v.iter()
        .map(|r| SourceRef {
            document: text(&r.document),
            locator: r.locator.clone(),
        })
        .collect()
}

fn place(x: &RawPlace) -> Option<Place> {
    Some(Place {
        id: text(&x.id),
        name_en: x.name_en.clone(),
        name_ar: x.name_ar.clone(),
        aliases: x.aliases.clone(),
        kind: value(&x.kind)?,
        parent: x.parent.as_ref().map(text),
        members: x.members.iter().map(text).collect(),
        note: x.note.clone(),
    })
}

fn actor(a: &RawActor) -> Option<Actor> {
    Some(Actor {
        id: text(&a.id),
        name_en: a.name_en.clone(),
        name_ar: a.name_ar.clone(),
        aliases: a.aliases.clone(),
        kind: value(&a.kind)?,
        alignment: value(&a.alignment)?,
        parent: a.parent.as_ref().map(text),
        place: a.place.as_ref().map(text),
        note: a.note.clone(),
        sources: refs(&a.sources),
    })
}

fn agreement(a: &RawAgreement) -> Option<Agreement> {
    let date = FuzzyDate::parse(a.date.get_ref()).ok()?;
    let kind = value(&a.kind)?;
    let status = value(&a.status)?;
    let date_readings = a
        .date_readings
        .iter()
        .filter_map(|r| {
            Some(DateReading {
                date: FuzzyDate::parse(r.date.get_ref()).ok()?,
                document: text(&r.document),
                locator: r.locator.clone(),
                note: r.note.clone(),
            })
        })
        .collect();
    // One participant per role: `also` lists further roles of the same
    // participation, which share its actor, side, locator, note and mark.
    let participants = a
        .participants
        .iter()
        .flat_map(|x| {
            std::iter::once(&x.role)
                .chain(&x.also)
                .filter_map(move |r| {
                    Some(Participant {
                        actor: text(&x.actor),
                        role: value(r)?,
                        side: x.side.as_ref().and_then(value),
                        inferred: x.inferred,
                        locator: x.locator.clone(),
                        note: x.note.clone(),
                    })
                })
        })
        .collect();
    let terms = a
        .terms
        .iter()
        .filter_map(|t| {
            Some(Term {
                code: value(&t.code)?,
                count: t.count,
                unit: t.unit.as_ref().and_then(value),
                destination: t.destination.as_ref().map(text),
                locator: t.locator.clone(),
                note: t.note.clone(),
            })
        })
        .collect();
    Some(Agreement {
        id: text(&a.id),
        title: a.title.clone(),
        title_ar: a.title_ar.clone(),
        date,
        date_readings,
        date_note: a.date_note.clone(),
        places: a.places.iter().map(text).collect(),
        kind,
        phase: a.phase,
        follows: a.follows.as_ref().map(text),
        status,
        participants,
        terms,
        sources: refs(&a.sources),
        note: a.note.clone(),
    })
}
