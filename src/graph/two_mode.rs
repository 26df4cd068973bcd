//! The two-mode graph: actors × agreements, one link per actor and agreement.
//!
//! This is the one rule set for every two-mode view: `centrality --two-mode`
//! measures exactly the graph that `export … --two-mode` draws. A
//! participation becomes a link when its role stands behind one of the chosen
//! relations ([`role_relation`]): signatory → `signing` (also chosen by
//! `co-signing`), negotiator → `negotiating`, guarantor → `guaranteeing`,
//! mediator, sponsor and host → `mediating`. Other roles (witness, attendee,
//! implementer, proposer, target, opponent) make no link, as they make no
//! actor-graph tie. Actors the slice's alignment filter drops are left out,
//! and so are agreements left with no link. An actor with several roles in one
//! agreement has one link carrying all of them.

use crate::graph::{Relation, Weighting};
use crate::model::{Agreement, Participant, Role};
use std::collections::HashMap;

/// One actor's link to one agreement.
#[derive(Debug, Clone, PartialEq)]
pub struct TwoModeLink {
    /// Index into [`TwoMode::actors`].
    pub actor: usize,
    /// Index into [`TwoMode::agreements`].
    pub agreement: usize,
    /// The actor's roles in the agreement behind the chosen relations, in
    /// the order the data lists them.
    pub roles: Vec<Role>,
    /// The relation of the first of those roles in relation order
    /// (signing before negotiating before guaranteeing before mediating).
    pub relation: Relation,
    /// 1 with `count` and `none`; 1/(k − 1) with `newman`, k = the actors
    /// linked to the agreement.
    pub weight: f64,
    /// Every role behind the link is the coders' inference.
    pub inferred: bool,
}

/// The two-mode graph of a slice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TwoMode {
    /// Actor ids, sorted.
    pub actors: Vec<String>,
    /// Agreement ids with at least one link, in the order given (by date).
    pub agreements: Vec<String>,
    /// Links sorted by agreement, then by the actor's first participation.
    pub links: Vec<TwoModeLink>,
}

/// The relation a role takes part in, if any.
pub fn role_relation(role: Role) -> Option<Relation> {
    match role {
        Role::Signatory => Some(Relation::Signing),
        Role::Negotiator => Some(Relation::Negotiating),
        Role::Guarantor => Some(Relation::Guaranteeing),
        Role::Mediator | Role::Sponsor | Role::Convener => Some(Relation::Mediating),
        Role::Host => Some(Relation::Hosting),
        _ => None,
    }
}

/// Whether a role's relation is among the chosen ones (`co-signing` also
/// chooses signatories).
fn wanted(r: Relation, relations: &[Relation]) -> bool {
    relations.contains(&r) || (r == Relation::Signing && relations.contains(&Relation::CoSigning))
}

impl TwoMode {
    /// Builds the two-mode graph of `agreements` (given in date order).
    pub fn build(
        agreements: &[&Agreement],
        relations: &[Relation],
        keep: &dyn Fn(&Participant) -> bool,
        weighting: Weighting,
    ) -> TwoMode {
        // (agreement index in input, actor id, roles, all inferred) in
        // participation order.
        let mut raw: Vec<(usize, &str, Vec<Role>, bool)> = Vec::new();
        for (gi, ag) in agreements.iter().enumerate() {
            let start = raw.len();
            for p in &ag.participants {
                let Some(r) = role_relation(p.role) else {
                    continue;
                };
                if !wanted(r, relations) || !keep(p) {
                    continue;
                }
                match raw[start..].iter_mut().find(|(_, a, _, _)| *a == p.actor) {
                    Some((_, _, roles, inferred)) => {
                        if !roles.contains(&p.role) {
                            roles.push(p.role)
                        }
                        *inferred &= p.inferred;
                    }
                    None => raw.push((gi, p.actor.as_str(), vec![p.role], p.inferred)),
                }
            }
        }
        let mut actors: Vec<String> = raw.iter().map(|(_, a, _, _)| a.to_string()).collect();
        actors.sort();
        actors.dedup();
        let actor_index: HashMap<&str, usize> = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.as_str(), i))
            .collect();
        let mut agreement_index: HashMap<usize, usize> = HashMap::new();
        let mut ids = Vec::new();
        let mut sizes: Vec<usize> = Vec::new();
        for (gi, _, _, _) in &raw {
            let next = ids.len();
            let k = *agreement_index.entry(*gi).or_insert(next);
            if k == next {
                ids.push(agreements[*gi].id.clone());
                sizes.push(0);
            }
            sizes[k] += 1;
        }
        let links = raw
            .into_iter()
            .map(|(gi, actor, roles, inferred)| {
                let agreement = agreement_index[&gi];
                let relation = roles
                    .iter()
                    .filter_map(|r| role_relation(*r))
                    .min()
                    .unwrap_or(Relation::Signing);
                let weight = match weighting {
                    Weighting::Count | Weighting::None => 1.0,
                    Weighting::Newman => 1.0 / (sizes[agreement].max(2) - 1) as f64,
                };
                TwoModeLink {
                    actor: actor_index[actor],
                    agreement,
                    roles,
                    relation,
                    weight,
                    inferred,
                }
            })
            .collect();
        TwoMode {
            actors,
            agreements: ids,
            links,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::project::fixtures::*;
    use Role::*;

    #[test]
    fn roles_behind_relations_make_links() {
        let a = agreement(
            "a1",
            vec![
                part("fac", Signatory, O),
                part("gov", Signatory, R),
                part("gov", Guarantor, R),
                part("un", Witness, N),
                part("egypt", Host, N),
            ],
        );
        let b = agreement("a2", vec![part("un", Witness, N)]);
        let all = TwoMode::build(&[&a, &b], Relation::ALL, &|_| true, Weighting::Count);
        assert_eq!(all.actors, ["egypt", "fac", "gov"]);
        // The witness-only agreement has no link.
        assert_eq!(all.agreements, ["a1"]);
        assert_eq!(all.links.len(), 3);
        let gov = all
            .links
            .iter()
            .find(|l| all.actors[l.actor] == "gov")
            .unwrap();
        assert_eq!(gov.roles, [Signatory, Guarantor]);
        assert_eq!(gov.relation, Relation::Signing);

        let guar = TwoMode::build(
            &[&a],
            &[Relation::Guaranteeing],
            &|_| true,
            Weighting::Count,
        );
        assert_eq!(guar.actors, ["gov"]);
        assert_eq!(guar.links[0].roles, [Guarantor]);
        assert_eq!(guar.links[0].relation, Relation::Guaranteeing);

        let co = TwoMode::build(&[&a], &[Relation::CoSigning], &|_| true, Weighting::Count);
        assert_eq!(co.actors, ["fac", "gov"]);

        let no_gov = TwoMode::build(
            &[&a],
            Relation::ALL,
            &|x| x.actor != "gov",
            Weighting::Count,
        );
        assert_eq!(no_gov.actors, ["egypt", "fac"]);
    }

    #[test]
    fn newman_weights_split_an_agreement() {
        let a = agreement(
            "a1",
            vec![
                part("x", Signatory, O),
                part("y", Signatory, R),
                part("z", Mediator, N),
            ],
        );
        let g = TwoMode::build(&[&a], Relation::ALL, &|_| true, Weighting::Newman);
        assert!(g.links.iter().all(|l| (l.weight - 0.5).abs() < 1e-12));
        let c = TwoMode::build(&[&a], Relation::ALL, &|_| true, Weighting::Count);
        assert!(c.links.iter().all(|l| l.weight == 1.0));
    }
}
