//! `musalaha explain A B`: every agreement and source locator behind the
//! ties between two actors.

use crate::error::Result;
use crate::filter::{resolve_actor, Slice, SliceArgs};
use crate::graph::Relation;
use crate::model::{Dataset, Role, SourceRef};
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha explain`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha explain jaish-al-islam hmeimim-centre\n  musalaha explain egypt russia --format json"
)]
pub struct Args {
    /// First actor (id or English/Arabic name).
    #[arg(value_name = "ACTOR_A")]
    pub a: String,
    /// Second actor.
    #[arg(value_name = "ACTOR_B")]
    pub b: String,
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One tie-producing agreement (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
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
}

impl Listing for ExplainRow {
    fn headers() -> Vec<&'static str> {
        vec![
            "relation",
            "from",
            "to",
            "agreement",
            "date",
            "title",
            "role_a",
            "role_b",
            "participant_locators",
            "sources",
        ]
    }
    fn cells(&self) -> Vec<String> {
        let roles = |r: &[Role]| r.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("+");
        vec![
            self.relation.as_str().to_string(),
            self.from.clone(),
            self.to.clone(),
            self.agreement.clone(),
            self.date.clone(),
            self.title.clone(),
            roles(&self.role_a),
            roles(&self.role_b),
            self.participant_locators.join("; "),
            self.sources
                .iter()
                .map(|s| format!("{}: {}", s.document, s.locator))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["relation", "date", "agreement", "roles", "sources"]
    }
    fn table_cells(&self) -> Vec<String> {
        let c = self.cells();
        vec![
            c[0].clone(),
            c[4].clone(),
            c[3].clone(),
            format!("{} / {}", c[6], c[7]),
            c[9].clone(),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let a = resolve_actor(ds, &args.a)?;
    let b = resolve_actor(ds, &args.b)?;
    let slice = Slice::resolve(ds, &args.slice)?;
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
                ag.participants
                    .iter()
                    .filter(|p| p.actor == x)
                    .map(|p| p.role)
                    .collect()
            };
            let locators: Vec<String> = ag
                .participants
                .iter()
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
            });
        }
    }
    rows.sort_by(|x, y| {
        let dx = ds.agreements.get(&x.agreement).map(|g| g.date.start);
        let dy = ds.agreements.get(&y.agreement).map(|g| g.date.start);
        (dx, &x.agreement, x.relation).cmp(&(dy, &y.agreement, y.relation))
    });
    Ok(render(&rows, args.format))
}
