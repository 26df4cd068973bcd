//! `musalaha partners ACTOR`: whom an actor dealt with.

use crate::analysis::partners::{partners, Partner};
use crate::error::Result;
use crate::filter::{parse_roles, resolve_actor, Slice, SliceArgs};
use crate::graph::Relation;
use crate::model::Dataset;
use crate::output::{render, Format, Listing};

/// Arguments of `musalaha partners`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha partners jaish-al-islam\n  musalaha partners \"مركز حميميم للمصالحة\" --period de-escalation\n  musalaha partners egypt --format json\n  musalaha partners russia --role guarantor\n\nLinks: counterpart (signed with it from the other side), negotiated-with, co-signatory,\nguaranteed-by / guarantor-for, mediated-by / mediator-for."
)]
pub struct Args {
    /// The actor: id, English or Arabic name, or alias.
    pub actor: String,
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Only agreements in which the actor played one of these roles (comma-separated), e.g. guarantor.
    #[arg(long, value_delimiter = ',', value_name = "ROLE")]
    pub role: Vec<String>,
    /// Relations to follow (comma-separated), or all.
    #[arg(long, default_value = "all")]
    pub relation: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

impl Listing for Partner {
    fn headers() -> Vec<&'static str> {
        vec![
            "actor",
            "name_en",
            "name_ar",
            "relation",
            "link",
            "count",
            "agreements",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.actor.clone(),
            self.name_en.clone(),
            self.name_ar.clone(),
            self.relation.as_str().to_string(),
            self.link.as_str().to_string(),
            self.agreements.len().to_string(),
            self.agreements
                .iter()
                .map(|a| format!("{} ({})", a.id, a.date))
                .collect::<Vec<_>>()
                .join("; "),
        ]
    }
    fn table_headers() -> Vec<&'static str> {
        vec!["link", "actor", "name_en", "count", "agreements"]
    }
    fn table_cells(&self) -> Vec<String> {
        let c = self.cells();
        vec![
            c[4].clone(),
            c[0].clone(),
            c[1].clone(),
            c[5].clone(),
            c[6].clone(),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let actor = resolve_actor(ds, &args.actor)?;
    let mut slice = Slice::resolve(ds, &args.slice)?;
    if !args.role.is_empty() {
        slice.actor = Some(actor.clone());
        slice.actor_roles = parse_roles(&args.role)?;
    }
    let relations = Relation::parse_list(&args.relation)?;
    let mut graph = slice.actor_graph(ds);
    graph.ties.retain(|t| relations.contains(&t.relation));
    Ok(render(&partners(ds, &graph, &actor), args.format))
}
