//! The evidence behind the ties between two actors: every agreement, the
//! roles each played in it, and the source locators.

use crate::error::Result;
use crate::graph::Relation;
use crate::model::{Dataset, Role, SourceRef};
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;

/// The ties between two actors.
#[derive(Debug, Clone)]
pub struct ExplainQuery {
    /// The two actors (ids or names).
    pub a: String,
    pub b: String,
    pub slice: SliceSpec,
}

/// One tie-producing agreement (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct ExplainRow {
    pub relation: Relation,
    /// For directed relations, the guarantor or mediator.
    pub from: String,
    pub to: String,
    pub agreement: String,
    pub date: String,
    pub title: String,
    pub role_a: Vec<Role>,
    pub role_b: Vec<Role>,
    /// Locators of the two participants' roles.
    pub participant_locators: Vec<String>,
    pub sources: Vec<SourceRef>,
    /// The tie rests in this agreement only on roles the coders inferred.
    pub inferred: bool,
}

/// CSV record of an [`ExplainRow`].
#[derive(Debug, Default, Serialize)]
pub struct ExplainCsv {
    pub relation: &'static str,
    pub from: String,
    pub to: String,
    pub agreement: String,
    pub date: String,
    pub title: String,
    pub role_a: String,
    pub role_b: String,
    pub participant_locators: String,
    pub sources: String,
    pub inferred: bool,
}

fn roles(r: &[Role]) -> String {
    r.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("+")
}

fn sources(s: &[SourceRef]) -> String {
    join(
        &s.iter()
            .map(|s| format!("{}: {}", s.document, s.locator))
            .collect::<Vec<_>>(),
    )
}

impl Row for ExplainRow {
    type Csv = ExplainCsv;
    fn csv(&self) -> ExplainCsv {
        ExplainCsv {
            relation: self.relation.as_str(),
            from: self.from.clone(),
            to: self.to.clone(),
            agreement: self.agreement.clone(),
            date: self.date.clone(),
            title: self.title.clone(),
            role_a: roles(&self.role_a),
            role_b: roles(&self.role_b),
            participant_locators: join(&self.participant_locators),
            sources: sources(&self.sources),
            inferred: self.inferred,
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("relation", |r: &Self| {
                format!("{}{}", r.relation, if r.inferred { "*" } else { "" })
            }),
            Column::new("date", |r: &Self| r.date.clone()),
            Column::new("agreement", |r: &Self| r.agreement.clone()),
            Column::new("roles", |r: &Self| {
                format!("{} / {}", roles(&r.role_a), roles(&r.role_b))
            }),
            Column::new("sources", |r: &Self| sources(&r.sources)),
        ]
    }
}

impl ExplainQuery {
    /// One row per tie and agreement, by date.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<ExplainRow>> {
        let ra = resolve::actor(ds, &self.a)?;
        let rb = resolve::actor(ds, &self.b)?;
        let (a, b) = (ra.id.clone(), rb.id.clone());
        let mut slice = Slice::resolve(ds, &self.slice)?;
        slice.resolved.splice(0..0, [ra, rb]);
        let graph = slice.actor_graph(ds);
        let mut rows = Vec::new();
        for t in graph
            .ties
            .iter()
            .filter(|t| (t.from == a && t.to == b) || (t.from == b && t.to == a))
        {
            for id in &t.agreements {
                let Some(ag) = ds.agreements.get(id) else {
                    continue;
                };
                let roles_of = |x: &str| -> Vec<Role> {
                    slice
                        .participants(ag)
                        .filter(|p| p.actor == x)
                        .map(|p| p.role)
                        .collect()
                };
                let locators: Vec<String> = slice
                    .participants(ag)
                    .filter(|p| p.actor == a || p.actor == b)
                    .filter_map(|p| p.locator.as_ref().map(|l| format!("{}: {l}", p.actor)))
                    .collect();
                rows.push(ExplainRow {
                    relation: t.relation,
                    from: t.from.clone(),
                    to: t.to.clone(),
                    agreement: id.clone(),
                    date: ag.date.text.clone(),
                    title: ag.title.clone(),
                    role_a: roles_of(&a),
                    role_b: roles_of(&b),
                    participant_locators: locators,
                    sources: ag.sources.clone(),
                    inferred: t.inferred.contains(id),
                });
            }
        }
        rows.sort_by(|x, y| {
            let dx = ds.agreements.get(&x.agreement).map(|g| g.date.start);
            let dy = ds.agreements.get(&y.agreement).map(|g| g.date.start);
            (dx, &x.agreement, x.relation).cmp(&(dy, &y.agreement, y.relation))
        });
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}
