//! Phase 6, cycles: the place hierarchy, the actor hierarchy and the chains
//! of agreements (`follows`) have no cycle. One pass with colour marks
//! (unvisited, on the current walk, done) visits every record once, so a
//! chain 10⁵ deep costs O(n), not O(n²). Each cycle is reported once, at the
//! reference that closes it; every cycle is reported, loading never stops at
//! the first problem.

use super::raw::{Records, S};
use super::report::Reporter;
use std::collections::HashMap;

/// Reports every cycle in the three parent relations.
pub(super) fn check_cycles(rep: &mut Reporter, r: &Records) {
    let places = r.places.iter().filter_map(|rec| {
        let par = rec.raw.parent.as_ref()?;
        Some((rec.raw.id.get_ref().as_str(), rec.file, par))
    });
    report_cycles(rep, places, "place");
    let actors = r.actors.iter().filter_map(|rec| {
        let par = rec.raw.parent.as_ref()?;
        Some((rec.raw.id.get_ref().as_str(), rec.file, par))
    });
    report_cycles(rep, actors, "actor");
    let follows = r.agreements.iter().filter_map(|rec| {
        let par = rec.raw.follows.as_ref()?;
        Some((rec.raw.id.get_ref().as_str(), rec.file, par))
    });
    report_cycles(rep, follows, "agreement (follows)");
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Unvisited,
    OnWalk,
    Done,
}

/// Finds the cycles of a relation given as (child id, file, reference to the
/// parent) edges; when a child has two edges (a duplicate id), the later one
/// counts. Walks start from the ids in sorted order, so a cycle is always
/// shown from the same record.
fn report_cycles<'a>(
    rep: &mut Reporter,
    edges: impl Iterator<Item = (&'a str, usize, &'a S)>,
    what: &str,
) {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut ids: Vec<&str> = Vec::new();
    let mut edge: Vec<(usize, &S)> = Vec::new();
    for (id, file, par) in edges {
        match index.get(id) {
            Some(&i) => edge[i] = (file, par),
            None => {
                index.insert(id, ids.len());
                ids.push(id);
                edge.push((file, par));
            }
        }
    }
    let parent: Vec<Option<usize>> = edge
        .iter()
        .map(|(_, par)| index.get(par.get_ref().as_str()).copied())
        .collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&i| ids[i]);

    let mut mark = vec![Mark::Unvisited; ids.len()];
    // Position of each node on the current walk.
    let mut at = vec![0usize; ids.len()];
    let mut walk: Vec<usize> = Vec::new();
    for start in order {
        walk.clear();
        let mut cur = start;
        loop {
            match mark[cur] {
                Mark::Done => break,
                Mark::OnWalk => {
                    let cycle = &walk[at[cur]..];
                    let mut shown: Vec<&str> = cycle.iter().map(|&i| ids[i]).collect();
                    shown.push(ids[cur]);
                    // The reference that closes the cycle: the last node's parent.
                    if let Some(&last) = walk.last() {
                        let (file, par) = edge[last];
                        rep.on(
                            file,
                            par,
                            "cycle",
                            format!("the {what} hierarchy has a cycle: {}", shown.join(" -> ")),
                            "a record cannot be its own ancestor; point one parent higher up",
                        );
                    }
                    break;
                }
                Mark::Unvisited => {
                    mark[cur] = Mark::OnWalk;
                    at[cur] = walk.len();
                    walk.push(cur);
                    match parent[cur] {
                        Some(next) => cur = next,
                        None => break,
                    }
                }
            }
        }
        for &n in &walk {
            mark[n] = Mark::Done;
        }
    }
}
