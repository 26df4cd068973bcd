//! The projection of agreements onto actors: which participations make which
//! ties (the rules are in the module doc of [`crate::graph`] and in
//! docs/codebook.md).

use crate::graph::{ActorGraph, Relation, Tie};
use crate::model::{Agreement, Participant, Role, Side};
use std::collections::BTreeMap;

/// Projects agreements onto actors, with every participation and no actor
/// hierarchy (for tests and graphs without a dataset).
pub fn project(agreements: &[&Agreement]) -> ActorGraph {
    project_with(agreements, &|_| true, &|_, _| false)
}

/// Projects agreements onto actors. `keep` says which participations count
/// (the slice's `--no-inferred` and alignment filters); `related` says which
/// pairs of actors belong to each other (an actor and its parent body, at
/// any depth), which get no tie. A tie remembers, for each agreement behind
/// it, whether it rests only on inferred roles.
pub fn project_with(
    agreements: &[&Agreement],
    keep: &dyn Fn(&Participant) -> bool,
    related: &dyn Fn(&str, &str) -> bool,
) -> ActorGraph {
    // (relation, from, to) → agreement → "every role pair behind it is inferred".
    let mut map: BTreeMap<(Relation, String, String), BTreeMap<String, bool>> = BTreeMap::new();
    let mut add = |rel: Relation, p: &Participant, q: &Participant, agr: &str| {
        let (a, b) = (p.actor.as_str(), q.actor.as_str());
        if a == b || related(a, b) {
            return;
        }
        let (x, y) = if rel.is_directed() || a < b {
            (a, b)
        } else {
            (b, a)
        };
        let inferred = p.inferred || q.inferred;
        let all = map
            .entry((rel, x.to_string(), y.to_string()))
            .or_default()
            .entry(agr.to_string())
            .or_insert(true);
        *all &= inferred;
    };
    for ag in agreements {
        let ps: Vec<&Participant> = ag.participants.iter().filter(|p| keep(p)).collect();
        for (i, p) in ps.iter().enumerate() {
            for q in ps.iter().skip(i + 1) {
                if p.role.is_party() && q.role.is_party() {
                    let opposite = matches!(
                        (p.side, q.side),
                        (Some(Side::Regime), Some(Side::Opposition))
                            | (Some(Side::Opposition), Some(Side::Regime))
                    );
                    let both_signed = p.role == Role::Signatory && q.role == Role::Signatory;
                    if opposite && both_signed {
                        add(Relation::Signing, p, q, &ag.id);
                    } else if opposite {
                        add(Relation::Negotiating, p, q, &ag.id);
                    } else if both_signed && p.side.is_some() && p.side == q.side {
                        add(Relation::CoSigning, p, q, &ag.id);
                    }
                }
            }
            for q in &ps {
                if p.role == Role::Guarantor && q.role == Role::Signatory {
                    add(Relation::Guaranteeing, p, q, &ag.id);
                }
                if p.role.is_mediating() && q.role.is_party() {
                    add(Relation::Mediating, p, q, &ag.id);
                }
                if p.role == Role::Host && q.role.is_party() {
                    add(Relation::Hosting, p, q, &ag.id);
                }
            }
        }
    }
    ActorGraph {
        ties: map
            .into_iter()
            .map(|((relation, from, to), ags)| Tie {
                from,
                to,
                relation,
                inferred: ags
                    .iter()
                    .filter(|(_, all)| **all)
                    .map(|(a, _)| a.clone())
                    .collect(),
                agreements: ags.into_keys().collect(),
            })
            .collect(),
    }
}

/// Small agreements for the graph tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::model::*;

    pub(crate) fn part(actor: &str, role: Role, side: Option<Side>) -> Participant {
        Participant {
            actor: actor.into(),
            role,
            side,
            inferred: false,
            locator: None,
            note: None,
        }
    }

    pub(crate) fn agreement(id: &str, ps: Vec<Participant>) -> Agreement {
        Agreement {
            id: id.into(),
            title: id.into(),
            title_ar: None,
            date: FuzzyDate::parse("2018-01-01").unwrap(),
            date_readings: vec![],
            date_note: None,
            places: vec!["p".into()],
            kind: AgreementKind::FinalSettlement,
            phase: None,
            follows: None,
            status: Status::Signed,
            participants: ps,
            terms: vec![],
            sources: vec![],
            note: None,
        }
    }

    pub(crate) const R: Option<Side> = Some(Side::Regime);
    pub(crate) const O: Option<Side> = Some(Side::Opposition);
    pub(crate) const N: Option<Side> = Some(Side::Neutral);
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;
    use crate::graph::Relation;
    use crate::model::*;

    use Role::*;

    fn rel(g: &ActorGraph, r: Relation) -> Vec<(String, String, usize)> {
        g.ties
            .iter()
            .filter(|t| t.relation == r)
            .map(|t| (t.from.clone(), t.to.clone(), t.weight()))
            .collect()
    }

    #[test]
    fn projection_rules() {
        let a = agreement(
            "a1",
            vec![
                part("fac1", Signatory, O),
                part("fac2", Signatory, O),
                part("hmeimim", Signatory, R),
                part("russia", Guarantor, R),
                part("egypt", Mediator, N),
                part("un", Witness, N),
                part("mp", Implementer, R),
            ],
        );
        let g = project(&[&a]);
        let s = |x: &str, y: &str, w| (x.to_string(), y.to_string(), w);
        assert_eq!(
            rel(&g, Relation::Signing),
            vec![s("fac1", "hmeimim", 1), s("fac2", "hmeimim", 1)]
        );
        assert_eq!(rel(&g, Relation::CoSigning), vec![s("fac1", "fac2", 1)]);
        assert_eq!(
            rel(&g, Relation::Guaranteeing),
            vec![
                s("russia", "fac1", 1),
                s("russia", "fac2", 1),
                s("russia", "hmeimim", 1)
            ]
        );
        assert_eq!(
            rel(&g, Relation::Mediating),
            vec![
                s("egypt", "fac1", 1),
                s("egypt", "fac2", 1),
                s("egypt", "hmeimim", 1)
            ]
        );
        assert!(rel(&g, Relation::Negotiating).is_empty());
        // Witnesses and implementers make no actor-graph edges.
        assert!(!g
            .ties
            .iter()
            .any(|t| t.from == "un" || t.to == "un" || t.from == "mp" || t.to == "mp"));
    }

    #[test]
    fn negotiators_and_weights_and_no_self_loops() {
        let a = agreement(
            "a1",
            vec![
                part("x", Negotiator, O),
                part("y", Signatory, R),
                part("y", Guarantor, R),
            ],
        );
        let b = agreement("a2", vec![part("x", Signatory, O), part("y", Signatory, R)]);
        let g = project(&[&a, &b]);
        assert_eq!(
            rel(&g, Relation::Negotiating),
            vec![("x".into(), "y".into(), 1)]
        );
        assert_eq!(
            rel(&g, Relation::Signing),
            vec![("x".into(), "y".into(), 1)]
        );
        // The guarantor who is also a signatory gets no edge to itself.
        assert!(rel(&g, Relation::Guaranteeing).is_empty());
        let s = g.simple(Relation::ALL);
        assert_eq!(s.nodes, vec!["x", "y"]);
        assert_eq!(s.edges.len(), 1);
        assert_eq!(s.edges[0].weight, 2.0);
        assert_eq!(
            s.edges[0].relations,
            vec![Relation::Signing, Relation::Negotiating]
        );
        let only_signing = g.simple(&[Relation::Signing]);
        assert_eq!(only_signing.edges[0].weight, 1.0);
    }

    #[test]
    fn side_missing_never_yields_signing() {
        let a = agreement(
            "a1",
            vec![part("x", Negotiator, None), part("y", Negotiator, R)],
        );
        assert!(project(&[&a]).ties.is_empty());
    }

    #[test]
    fn hosts_host_conveners_mediate_and_the_rest_make_no_tie() {
        let a = agreement(
            "a1",
            vec![
                part("fac", Signatory, O),
                part("gov", Signatory, R),
                part("qatar", Host, N),
                part("centre", Convener, R),
                part("isis", Excluded, None),
                part("army", Pressurer, R),
                part("un", Supervisor, N),
                part("us", ProposedGuarantor, N),
                part("tv", Announcer, N),
            ],
        );
        let g = project(&[&a]);
        let s = |x: &str, y: &str| (x.to_string(), y.to_string(), 1);
        assert_eq!(
            rel(&g, Relation::Hosting),
            vec![s("qatar", "fac"), s("qatar", "gov")]
        );
        assert_eq!(
            rel(&g, Relation::Mediating),
            vec![s("centre", "fac"), s("centre", "gov")]
        );
        for silent in ["isis", "army", "un", "us", "tv"] {
            assert!(
                g.ties_of(silent).next().is_none(),
                "{silent} should make no tie"
            );
        }
    }

    #[test]
    fn no_tie_joins_an_actor_to_its_own_body() {
        let a = agreement(
            "a1",
            vec![
                part("fac", Signatory, O),
                part("centre", Signatory, R),
                part("russia", Guarantor, R),
                part("police", Guarantor, R),
            ],
        );
        // centre and police belong to russia (through a ministry).
        let related = |x: &str, y: &str| {
            let belongs = |c: &str, p: &str| matches!((c, p), ("centre" | "police", "russia"));
            belongs(x, y) || belongs(y, x)
        };
        let g = project_with(&[&a], &|_| true, &related);
        let s = |x: &str, y: &str| (x.to_string(), y.to_string(), 1);
        assert_eq!(
            rel(&g, Relation::Guaranteeing),
            vec![
                s("police", "centre"),
                s("police", "fac"),
                s("russia", "fac")
            ]
        );
        assert_eq!(rel(&g, Relation::Signing), vec![s("centre", "fac")]);
    }

    #[test]
    fn ties_remember_agreements_that_rest_on_inferred_roles() {
        let mut inferred = part("fac", Signatory, O);
        inferred.inferred = true;
        let a = agreement(
            "a1",
            vec![
                inferred.clone(),
                part("gov", Signatory, R),
                part("egypt", Mediator, N),
            ],
        );
        // In a2 the same pair is stated.
        let b = agreement(
            "a2",
            vec![part("fac", Signatory, O), part("gov", Signatory, R)],
        );
        let g = project(&[&a, &b]);
        let signing: Vec<&Tie> = g
            .ties
            .iter()
            .filter(|t| t.relation == Relation::Signing)
            .collect();
        assert_eq!(signing[0].agreements, ["a1", "a2"]);
        assert_eq!(signing[0].inferred, ["a1"]);
        let med: Vec<&Tie> = g.ties_of("egypt").collect();
        assert_eq!(med.len(), 2);
        let to_fac = med.iter().find(|t| t.to == "fac").unwrap();
        assert_eq!(to_fac.inferred, ["a1"]);
        let to_gov = med.iter().find(|t| t.to == "gov").unwrap();
        assert!(to_gov.inferred.is_empty());
        // Leaving inferred roles out removes the a1 signing and the egypt–fac tie.
        let g = project_with(&[&a, &b], &|p| !p.inferred, &|_, _| false);
        let signing: Vec<&Tie> = g
            .ties
            .iter()
            .filter(|t| t.relation == Relation::Signing)
            .collect();
        assert_eq!(signing[0].agreements, ["a2"]);
        assert!(g.ties_of("egypt").all(|t| t.to == "gov"));
        // The simple graph keeps the same marks per pair.
        let s = project(&[&a, &b]).simple(Relation::ALL);
        let pair = s
            .edges
            .iter()
            .find(|e| s.nodes[e.a] == "fac" && s.nodes[e.b] == "gov")
            .unwrap();
        assert_eq!(pair.inferred, ["a1"]);
    }
}
