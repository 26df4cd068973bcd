//! Speed of loading, projecting and measuring: `cargo bench`.
//! Results are reported in docs/benchmarks.md; tests never assert timings.

use criterion::{criterion_group, criterion_main, Criterion};
use musalaha::analysis::centrality::{compute_with, Measure, Options};
use musalaha::graph::{SimpleGraph, DEFAULT_RELATIONS};
use musalaha::slice::Slice;
use std::hint::black_box;

/// A reproducible random graph: n nodes, about n·k/2 edges (linear congruential generator).
fn random_graph(n: usize, k: usize) -> SimpleGraph {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut edges = Vec::new();
    for a in 0..n {
        for _ in 0..k / 2 {
            let b = next() % n;
            if a != b {
                edges.push((a.min(b), a.max(b), (1 + next() % 4) as f64));
            }
        }
    }
    edges.sort_by_key(|e| (e.0, e.1));
    edges.dedup_by_key(|e| (e.0, e.1));
    let nodes = (0..n).map(|i| format!("v{i:04}")).collect();
    let mut g = SimpleGraph::from_edges(nodes, &edges);
    g.groups = (0..n).map(|i| ["a", "b", "c"][i % 3].to_string()).collect();
    g
}

fn bench(c: &mut Criterion) {
    c.bench_function("load and validate the embedded dataset", |b| {
        b.iter(|| musalaha::load::load_embedded().expect("valid"))
    });
    let ds = musalaha::load::load_embedded().expect("valid");
    let relations = DEFAULT_RELATIONS;
    c.bench_function("project the whole dataset to the simple graph", |b| {
        b.iter(|| {
            Slice::default()
                .actor_graph(black_box(&ds))
                .simple(relations)
        })
    });
    let graph = Slice::default().actor_graph(&ds).simple(relations);
    let random = random_graph(1000, 6);
    for &m in Measure::ALL {
        c.bench_function(&format!("{} on the dataset graph", m.as_str()), |b| {
            b.iter(|| compute_with(black_box(&graph), m, Options::default()).expect("computes"))
        });
        c.bench_function(
            &format!("{} on a 1000-node random graph", m.as_str()),
            |b| {
                b.iter(|| {
                    compute_with(black_box(&random), m, Options::default()).expect("computes")
                })
            },
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
