//! Phase 5, dates: every date (an agreement's, its other readings, a source
//! document's) is a possible fuzzy date, and every period's bounds are
//! possible days in the right order. Every bad date is reported; loading
//! never stops at the first problem.

use super::raw::{Records, S};
use super::report::Reporter;
use crate::model::date::parse_bound;
use crate::model::FuzzyDate;

/// Reports every impossible date and every period that ends before it starts.
pub(super) fn check_dates(rep: &mut Reporter, r: &Records) {
    for rec in &r.documents {
        if let Some(s) = &rec.raw.date {
            date(rep, rec.file, s);
        }
    }
    for rec in &r.periods {
        let (f, x) = (rec.file, &rec.raw);
        let from = x.from.as_ref().and_then(|s| bound(rep, f, s, false));
        let to = x.to.as_ref().and_then(|s| bound(rep, f, s, true));
        if let (Some(a), Some(b), Some(s)) = (from, to, x.to.as_ref()) {
            if b < a {
                rep.on(
                    f,
                    s,
                    "bad-date",
                    format!(
                        "period '{}' ends ({b}) before it starts ({a})",
                        x.id.get_ref()
                    ),
                    "swap or correct the bounds",
                );
            }
        }
    }
    for rec in &r.agreements {
        date(rep, rec.file, &rec.raw.date);
        for x in &rec.raw.date_readings {
            date(rep, rec.file, &x.date);
        }
    }
}

fn date(rep: &mut Reporter, file: usize, s: &S) {
    if let Err(e) = FuzzyDate::parse(s.get_ref()) {
        rep.on(
            file,
            s,
            "bad-date",
            format!(
                "impossible date '{}': {e}",
                crate::error::shown(s.get_ref())
            ),
            "write YYYY-MM-DD, YYYY-MM or YYYY, optionally after early/mid/late, or a span A..B",
        );
    }
}

fn bound(rep: &mut Reporter, file: usize, s: &S, end: bool) -> Option<crate::model::Day> {
    match parse_bound(s.get_ref(), end) {
        Ok(d) => Some(d),
        Err(e) => {
            rep.on(
                file,
                s,
                "bad-date",
                format!("impossible period bound '{}': {e}", s.get_ref()),
                "write YYYY-MM-DD (or YYYY-MM, YYYY)",
            );
            None
        }
    }
}
