//! `musalaha partners ACTOR`: whom an actor dealt with.

use super::args::{relations, FormatArg, RelationArg, SliceArgs};
use crate::model::{Dataset, Role};
use crate::output::Output;
use crate::query::partners::PartnersQuery;

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
    pub role: Vec<Role>,
    /// Relations to follow (comma-separated), or all.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "all",
        value_name = "RELATION"
    )]
    pub relation: Vec<RelationArg>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = PartnersQuery {
        actor: args.actor.clone(),
        slice: args.slice.spec(),
        roles: args.role.clone(),
        relations: relations(&args.relation),
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
