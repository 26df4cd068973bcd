//! The place hierarchy (what `--region` accepts) and the named periods
//! (what `--period` accepts).

use crate::error::Result;
use crate::model::{Dataset, Day, PlaceKind};
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use serde::Serialize;

/// Which places to list.
#[derive(Debug, Clone, Default)]
pub struct PlacesQuery {
    pub kind: Option<PlaceKind>,
    /// Only this place (id or name) and the places below it.
    pub under: Option<String>,
}

/// One place (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct PlaceRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: PlaceKind,
    pub parent: Option<String>,
    /// Ids from the root down to the place, joined by ` > `.
    pub path: String,
    /// For a group: the places it gathers.
    pub members: Vec<String>,
}

/// CSV record of [`PlaceRow`].
#[derive(Debug, Default, Serialize)]
pub struct PlaceCsv {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub kind: &'static str,
    pub parent: Option<String>,
    pub path: String,
    pub members: String,
}

impl Row for PlaceRow {
    type Csv = PlaceCsv;
    fn csv(&self) -> PlaceCsv {
        PlaceCsv {
            id: self.id.clone(),
            name_en: self.name_en.clone(),
            name_ar: self.name_ar.clone(),
            kind: self.kind.as_str(),
            parent: self.parent.clone(),
            path: self.path.clone(),
            members: join(&self.members),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("id", |r: &Self| r.id.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("name_ar", |r: &Self| r.name_ar.clone()),
            Column::new("kind", |r: &Self| r.kind.to_string()),
            Column::new("parent", |r: &Self| r.parent.clone().unwrap_or_default()),
            Column::new("path", |r: &Self| r.path.clone()),
        ]
    }
}

impl PlacesQuery {
    /// The places, sorted by their path from the root.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<PlaceRow>> {
        let mut resolved = Vec::new();
        let under = match &self.under {
            Some(q) => {
                let r = resolve::place(ds, q)?;
                let set = ds.place_and_descendants(&r.id);
                resolved.push(r);
                Some(set)
            }
            None => None,
        };
        let paths = Paths::new(ds);
        let mut rows: Vec<PlaceRow> = ds
            .places
            .values()
            .filter(|p| self.kind.is_none_or(|k| p.kind == k))
            .filter(|p| under.as_ref().is_none_or(|u| u.contains(&p.id)))
            .map(|p| {
                let chain = paths.path(ds, &p.id);
                PlaceRow {
                    id: p.id.clone(),
                    name_en: p.name_en.clone(),
                    name_ar: p.name_ar.clone(),
                    kind: p.kind,
                    parent: p.parent.clone(),
                    path: chain,
                    members: p.members.clone(),
                }
            })
            .collect();
        rows.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(Answer {
            rows,
            resolved,
            notes: Vec::new(),
        })
    }
}

/// One named period (JSON contract: docs/formats.md).
/// A place's path shows at most this many places at each end; the places
/// between are counted (`a > b > … 99 980 more … > y > z`), so that listing
/// a hierarchy 10⁵ deep costs O(places), not O(places × depth).
pub const PATH_ENDS: usize = 8;

/// Depths of every place and, per place, its ancestor [`PATH_ENDS`] − 1
/// levels below the root: computed once, without recursion.
struct Paths<'a> {
    depth: std::collections::HashMap<&'a str, usize>,
    /// The place at depth PATH_ENDS − 1 on the way to the root (or the
    /// place itself when it is higher).
    anchor: std::collections::HashMap<&'a str, &'a str>,
}

impl<'a> Paths<'a> {
    fn new(ds: &'a Dataset) -> Paths<'a> {
        use std::collections::HashMap;
        let mut depth: HashMap<&str, usize> = HashMap::new();
        let mut anchor: HashMap<&str, &str> = HashMap::new();
        let mut walk: Vec<&str> = Vec::new();
        for p in ds.places.values() {
            // Up to the first place already known (or the root), then down.
            walk.clear();
            let mut cur = Some(p.id.as_str());
            let (mut d, mut a) = (None, None);
            while let Some(id) = cur {
                if let Some(&known) = depth.get(id) {
                    d = Some(known);
                    a = anchor.get(id).copied();
                    break;
                }
                if walk.len() > ds.places.len() {
                    break; // a cycle: only in data that failed validation
                }
                walk.push(id);
                cur = ds
                    .places
                    .get(id)
                    .and_then(|x| x.parent.as_deref())
                    .filter(|par| ds.places.contains_key(*par));
            }
            for &id in walk.iter().rev() {
                let here = d.map_or(0, |x| x + 1);
                let anc = if here < PATH_ENDS {
                    id
                } else {
                    a.unwrap_or(id)
                };
                depth.insert(id, here);
                anchor.insert(id, anc);
                d = Some(here);
                a = Some(anc);
            }
        }
        Paths { depth, anchor }
    }

    /// The path from the root down to `id`, its middle elided when long.
    fn path(&self, ds: &Dataset, id: &str) -> String {
        let up = |from: &str, n: usize| -> Vec<String> {
            // The first n places up from `from` (not the whole chain).
            let mut v: Vec<String> = Vec::new();
            let mut cur = ds.places.get(from);
            while let Some(p) = cur.filter(|_| v.len() < n) {
                v.push(p.id.clone());
                cur = p.parent.as_ref().and_then(|par| ds.places.get(par));
            }
            v.reverse();
            v
        };
        let d = self.depth.get(id).copied().unwrap_or(0);
        if d < 2 * PATH_ENDS {
            return up(id, 2 * PATH_ENDS).join(" > ");
        }
        let top = up(self.anchor.get(id).copied().unwrap_or(id), PATH_ENDS);
        let bottom = up(id, PATH_ENDS);
        let more = d + 1 - 2 * PATH_ENDS;
        format!(
            "{} > … {more} more … > {}",
            top.join(" > "),
            bottom.join(" > ")
        )
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PeriodRow {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl Row for PeriodRow {
    type Csv = PeriodRow;
    fn csv(&self) -> PeriodRow {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        let day = |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_default();
        vec![
            Column::new("id", |r: &Self| r.id.clone()),
            Column::new("name_en", |r: &Self| r.name_en.clone()),
            Column::new("name_ar", |r: &Self| r.name_ar.clone()),
            Column::new("from", move |r: &Self| day(r.from)),
            Column::new("to", move |r: &Self| day(r.to)),
        ]
    }
}

/// The named periods, in dataset order.
pub fn periods(ds: &Dataset) -> Vec<PeriodRow> {
    ds.periods
        .values()
        .map(|p| PeriodRow {
            id: p.id.clone(),
            name_en: p.name_en.clone(),
            name_ar: p.name_ar.clone(),
            from: p.from,
            to: p.to,
        })
        .collect()
}
