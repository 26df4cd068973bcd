//! Phase 5b, required content that the file format cannot express as
//! required fields: an agreement names a place and cites a source, a
//! signatory has a side (signing edges join signatories of opposite sides),
//! a place group lists its members and only a group has members.
//! Every gap is reported; loading never stops at the first problem.

use super::raw::Records;
use super::report::Reporter;
use crate::model::{PlaceKind, Role, Vocabulary};

/// The most participants one agreement may list. Every pair of an
/// agreement's participants may become a tie, so the actor graph grows with
/// the square of this number; real agreements list a few dozen.
pub const MAX_PARTICIPANTS: usize = 500;

/// Reports agreements without places or sources, signatories without a
/// side, and place groups without members (or members outside a group).
pub(super) fn check_required(rep: &mut Reporter, r: &Records) {
    for rec in &r.places {
        let (f, p) = (rec.file, &rec.raw);
        let group = PlaceKind::from_text(p.kind.get_ref()) == Some(PlaceKind::Group);
        if group && p.members.is_empty() {
            rep.on(
                f,
                &p.id,
                "missing",
                format!("place group '{}' has no members", p.id.get_ref()),
                "add members = [\"...\"] with the ids of the places it gathers",
            );
        }
        if let (false, Some(first)) = (group, p.members.first()) {
            rep.on(
                f,
                first,
                "bad-value",
                format!(
                    "place '{}' lists members but is not a group",
                    p.id.get_ref()
                ),
                "set kind = \"group\", or put the members' parent = this place instead",
            );
        }
    }
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
        if a.participants.len() > MAX_PARTICIPANTS {
            rep.on(
                f,
                &a.id,
                "limit",
                format!(
                    "agreement '{}' lists {} participants, more than the {MAX_PARTICIPANTS} musalaha handles in one agreement",
                    a.id.get_ref(),
                    a.participants.len()
                ),
                "split it into the agreements it stands for (its ties grow with the square of its participants)",
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
