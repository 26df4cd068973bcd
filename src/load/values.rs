//! Phase 4, vocabulary values: every coded field (a kind, an alignment, a
//! status, a role, a side, a term code) holds one of its vocabulary's
//! spellings (see [`crate::model::vocab`] and docs/codebook.md). Every bad
//! value is reported; loading never stops at the first problem.

use super::raw::{Records, S};
use super::report::Reporter;
use crate::model::*;

/// Reports every coded value that is not in its vocabulary.
pub(super) fn check_values(rep: &mut Reporter, r: &Records) {
    for rec in &r.places {
        check::<PlaceKind>(rep, rec.file, &rec.raw.kind);
    }
    for rec in &r.actors {
        check::<ActorKind>(rep, rec.file, &rec.raw.kind);
        check::<Alignment>(rep, rec.file, &rec.raw.alignment);
    }
    for rec in &r.agreements {
        let (f, a) = (rec.file, &rec.raw);
        check::<AgreementKind>(rep, f, &a.kind);
        check::<Status>(rep, f, &a.status);
        for x in &a.participants {
            check::<Role>(rep, f, &x.role);
            for r in &x.also {
                check::<Role>(rep, f, r);
            }
            if let Some(side) = &x.side {
                check::<Side>(rep, f, side);
            }
        }
        for t in &a.terms {
            check::<TermCode>(rep, f, &t.code);
            if let Some(u) = &t.unit {
                check::<Unit>(rep, f, u);
            }
        }
    }
}

fn check<T: Vocabulary>(rep: &mut Reporter, file: usize, s: &S) {
    if T::from_text(s.get_ref()).is_none() {
        rep.on(
            file,
            s,
            "bad-value",
            format!("'{}' is not a known {}", s.get_ref(), T::NAME),
            format!("use one of: {} (see docs/codebook.md)", T::spellings()),
        );
    }
}
