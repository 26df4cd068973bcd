//! Shortest chains between actors and ego networks, on the unweighted simple
//! actor graph (a hop is one tie, whatever its weight).

use crate::graph::SimpleGraph;
use std::collections::VecDeque;

/// Breadth-first distances from `source` (None where unreachable).
pub fn distances(graph: &SimpleGraph, source: usize) -> Vec<Option<usize>> {
    let adj = graph.adjacency();
    let mut dist = vec![None; graph.nodes.len()];
    let mut queue = VecDeque::new();
    dist[source] = Some(0);
    queue.push_back(source);
    while let Some(v) = queue.pop_front() {
        let d = dist[v].unwrap_or(0);
        for &(w, _) in &adj[v] {
            if dist[w].is_none() {
                dist[w] = Some(d + 1);
                queue.push_back(w);
            }
        }
    }
    dist
}

/// Every shortest path from `a` to `b` as node index lists, in lexicographic
/// order of actor ids, at most `limit` of them. Empty when unreachable.
pub fn all_shortest_paths(
    graph: &SimpleGraph,
    a: usize,
    b: usize,
    limit: usize,
) -> Vec<Vec<usize>> {
    let from_b = distances(graph, b);
    let Some(total) = from_b[a] else {
        return Vec::new();
    };
    let mut adj = graph.adjacency();
    for list in adj.iter_mut() {
        list.sort_by(|x, y| graph.nodes[x.0].cmp(&graph.nodes[y.0]));
    }
    let mut out = Vec::new();
    let mut path = vec![a];
    fn walk(
        adj: &[Vec<(usize, f64)>],
        from_b: &[Option<usize>],
        path: &mut Vec<usize>,
        left: usize,
        limit: usize,
        out: &mut Vec<Vec<usize>>,
    ) {
        if out.len() >= limit {
            return;
        }
        let v = *path.last().unwrap_or(&0);
        if left == 0 {
            out.push(path.clone());
            return;
        }
        for &(w, _) in &adj[v] {
            if from_b[w] == Some(left - 1) {
                path.push(w);
                walk(adj, from_b, path, left - 1, limit, out);
                path.pop();
            }
        }
    }
    walk(&adj, &from_b, &mut path, total, limit, &mut out);
    out
}

/// Number of connected components and the node sets, largest first.
pub fn components(graph: &SimpleGraph) -> Vec<Vec<usize>> {
    let n = graph.nodes.len();
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    for s in 0..n {
        if seen[s] {
            continue;
        }
        let comp: Vec<usize> = distances(graph, s)
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.map(|_| i))
            .collect();
        for &i in &comp {
            seen[i] = true;
        }
        out.push(comp);
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    out
}

/// Longest shortest path within a set of mutually reachable nodes.
pub fn diameter(graph: &SimpleGraph, component: &[usize]) -> usize {
    component
        .iter()
        .map(|&s| distances(graph, s).into_iter().flatten().max().unwrap_or(0))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> SimpleGraph {
        // Square a-b-d, a-c-d plus tail d-e and a separate pair x-y.
        SimpleGraph::from_edges(
            ["a", "b", "c", "d", "e", "x", "y"]
                .map(String::from)
                .to_vec(),
            &[
                (0, 1, 1.0),
                (0, 2, 1.0),
                (1, 3, 1.0),
                (2, 3, 1.0),
                (3, 4, 1.0),
                (5, 6, 1.0),
            ],
        )
    }

    #[test]
    fn shortest_paths_all_and_limited() {
        let g = g();
        assert_eq!(
            all_shortest_paths(&g, 0, 4, 10),
            vec![vec![0, 1, 3, 4], vec![0, 2, 3, 4]]
        );
        assert_eq!(all_shortest_paths(&g, 0, 4, 1).len(), 1);
        assert!(all_shortest_paths(&g, 0, 5, 10).is_empty());
        assert_eq!(all_shortest_paths(&g, 2, 2, 10), vec![vec![2]]);
    }

    #[test]
    fn components_and_diameter() {
        let g = g();
        let c = components(&g);
        assert_eq!(c, vec![vec![0, 1, 2, 3, 4], vec![5, 6]]);
        assert_eq!(diameter(&g, &c[0]), 3);
        assert_eq!(diameter(&g, &c[1]), 1);
    }
}
