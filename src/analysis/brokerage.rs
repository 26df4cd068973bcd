//! Gould–Fernandez brokerage roles (Gould & Fernandez 1989, "Structures of
//! mediation", Sociological Methodology 19).
//!
//! On the directed arcs of the actor graph (guarantor/mediator → party;
//! signing, co-signing and negotiating ties both ways), node b brokers an
//! open two-path a → b → c (a ≠ c, and no arc a → c). With groups g(·) (the
//! actors' alignments) the two-path is counted as:
//!
//! | role | groups |
//! |---|---|
//! | coordinator | g(a) = g(b) = g(c) |
//! | itinerant (consultant) | g(a) = g(c) ≠ g(b) |
//! | representative | g(a) = g(b) ≠ g(c) |
//! | gatekeeper | g(b) = g(c) ≠ g(a) |
//! | liaison | all three differ |
//!
//! `brokerage` is the total. No weights are used. NetworkX has no
//! implementation: scripts/networkx_reference.py holds an independent one.

use crate::analysis::centrality::Series;
use crate::graph::SimpleGraph;
use std::collections::HashSet;

/// The role names in output order (after the total).
pub const ROLES: [&str; 5] = [
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
];

/// Total brokerage and the five role counts per node. Without groups, every
/// node is in one group (all brokerage is coordination).
///
/// ```
/// use musalaha::graph::SimpleGraph;
/// use musalaha::analysis::brokerage::roles;
/// // A guarantor g between two factions f1 → g → f2 of one camp: an itinerant broker.
/// let mut g = SimpleGraph::from_arcs(vec!["f1".into(), "g".into(), "f2".into()], &[(0, 1, 1.0), (1, 2, 1.0)]);
/// g.groups = vec!["opposition".into(), "regime-ally".into(), "opposition".into()];
/// let s = roles(&g);
/// assert_eq!(s[0].name, "brokerage");
/// assert_eq!(s[0].values, vec![0.0, 1.0, 0.0]);
/// assert_eq!(s[2].name, "brokerage-itinerant");
/// assert_eq!(s[2].values[1], 1.0);
/// ```
pub fn roles(graph: &SimpleGraph) -> Vec<Series> {
    let n = graph.nodes.len();
    let group = |i: usize| graph.groups.get(i).map_or("", String::as_str);
    let arcs: HashSet<(usize, usize)> = graph.arcs.iter().map(|a| (a.from, a.to)).collect();
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in &arcs {
        if a != b {
            succs[a].push(b);
            preds[b].push(a);
        }
    }
    let mut counts = vec![[0.0f64; 5]; n];
    for b in 0..n {
        for &a in &preds[b] {
            for &c in &succs[b] {
                if a == c || arcs.contains(&(a, c)) {
                    continue;
                }
                let (ga, gb, gc) = (group(a), group(b), group(c));
                let role = if ga == gb && gb == gc {
                    0
                } else if ga == gc {
                    1
                } else if ga == gb {
                    2
                } else if gb == gc {
                    3
                } else {
                    4
                };
                counts[b][role] += 1.0;
            }
        }
    }
    let mut out = vec![Series {
        name: "brokerage".into(),
        values: counts.iter().map(|c| c.iter().sum()).collect(),
    }];
    for (i, r) in ROLES.iter().enumerate() {
        out.push(Series {
            name: format!("brokerage-{r}"),
            values: counts.iter().map(|c| c[i]).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_on_a_hand_made_graph() {
        // Nodes: 0 r1, 1 r2 (regime), 2 o1, 3 o2 (opposition), 4 m (mediator).
        // Arcs: 0→1, 1→2 : 1 brokers r1→r2→o1 (representative, open since no 0→2)
        //       4→1       : 1 brokers m→r2→o1 (liaison)
        //       4→2, 2→3  : 2 brokers m→o1→o2 (gatekeeper), r2→o1→o2 (gatekeeper)
        //       3→0       : 3 ... 2→3→0 (o1→o2→r1: representative), 0→1 from 3: 3→0→1 (o2→r1→r2: gatekeeper at 0)
        let nodes = ["r1", "r2", "o1", "o2", "m"].map(String::from).to_vec();
        let mut g = SimpleGraph::from_arcs(
            nodes,
            &[
                (0, 1, 1.0),
                (1, 2, 1.0),
                (4, 1, 1.0),
                (4, 2, 1.0),
                (2, 3, 1.0),
                (3, 0, 1.0),
            ],
        );
        g.groups = ["regime", "regime", "opposition", "opposition", "third"]
            .map(String::from)
            .to_vec();
        let s = roles(&g);
        let get = |name: &str, i: usize| s.iter().find(|x| x.name == name).unwrap().values[i];
        // Node 1 (r2): 0→1→2 representative; 4→1→2 is closed by the arc 4→2, so not counted.
        assert_eq!(get("brokerage-representative", 1), 1.0);
        assert_eq!(get("brokerage-liaison", 1), 0.0);
        // Node 2 (o1): 1→2→3 (r2, o1, o2): gatekeeper; 4→2→3 (m, o1, o2): gatekeeper.
        assert_eq!(get("brokerage-gatekeeper", 2), 2.0);
        // Node 3 (o2): 2→3→0 (o1, o2, r1): representative.
        assert_eq!(get("brokerage-representative", 3), 1.0);
        // Node 0 (r1): 3→0→1 (o2, r1, r2): gatekeeper.
        assert_eq!(get("brokerage-gatekeeper", 0), 1.0);
        assert_eq!(get("brokerage", 4), 0.0);
        let total: f64 = s[0].values.iter().sum();
        assert_eq!(total, 5.0);
    }

    #[test]
    fn coordinator_and_itinerant() {
        // a→b→c all one group: coordinator; x→y→z with x, z in one group, y in another: itinerant.
        let mut g = SimpleGraph::from_arcs(
            ["a", "b", "c", "x", "y", "z"].map(String::from).to_vec(),
            &[(0, 1, 1.0), (1, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0)],
        );
        g.groups = ["g", "g", "g", "p", "q", "p"].map(String::from).to_vec();
        let s = roles(&g);
        assert_eq!(s[1].values[1], 1.0, "b coordinates");
        assert_eq!(s[2].values[4], 1.0, "y is itinerant");
    }
}
