//! Phase 5b, required content that the file format cannot express as
//! required fields: an agreement names a place and cites a source, and a
//! signatory has a side (signing edges join signatories of opposite sides).
//! Every gap is reported; loading never stops at the first problem.

use super::raw::Records;
use super::report::Reporter;
use crate::model::{Role, Vocabulary};

/// Reports agreements without places or sources and signatories without a side.
pub(super) fn check_required(rep: &mut Reporter, r: &Records) {
    for rec in &r.agreements {
        let (f, a) = (rec.file, &rec.raw);
        if a.places.is_empty() {
            rep.on(
                f,
                &a.id,
                "missing",
                format!("agreement '{}' names no place", a.id.get_ref()),
                "add places = [\"...\"] with at least one place id (a country or zone for international frameworks)",
            );
        }
        if a.sources.is_empty() {
            rep.on(
                f,
                &a.id,
                "missing",
                format!("agreement '{}' cites no source", a.id.get_ref()),
                "add sources = [{ document = \"study-2018\", locator = \"...\" }]",
            );
        }
        for x in &a.participants {
            if Role::from_text(x.role.get_ref()) == Some(Role::Signatory) && x.side.is_none() {
                rep.on(
                    f,
                    &x.actor,
                    "missing",
                    format!("signatory '{}' has no side", x.actor.get_ref()),
                    "add side = \"regime\", \"opposition\" or \"neutral\": signing edges join signatories of opposite sides",
                );
            }
        }
    }
}
