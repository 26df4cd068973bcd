//! Speed of loading, projecting, measuring and exporting: `cargo bench`.
//! Results are reported in docs/benchmarks.md (`python3 scripts/bench_report.py`);
//! tests never assert timings. The side-by-side comparison with other libraries is
//! scripts/perf_compare.py (docs/performance.md).
//!
//! Graphs: the embedded dataset (whole, default relations) and synthetic mediation
//! graphs from `musalaha::generate` (seed 1) with 10², 10³, 10⁴ and 10⁵ actors. Each
//! measure runs on the sizes where one iteration stays within a few seconds.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use musalaha::analysis::betweenness::Sampling;
use musalaha::analysis::centrality::{compute_on, Measure, Options};
use musalaha::export::view::{View, ViewOptions};
use musalaha::export::ExportFormat;
use musalaha::generate::{generate, Spec};
use musalaha::graph::csr::Compact;
use musalaha::graph::{SimpleGraph, DEFAULT_RELATIONS};
use musalaha::slice::Slice;
use std::hint::black_box;

/// Largest synthetic size each measure is benchmarked at.
fn largest(m: Measure) -> usize {
    match m {
        Measure::Betweenness | Measure::Closeness | Measure::Harmonic => 10_000,
        Measure::Brokerage | Measure::EffectiveSize | Measure::Constraint => 10_000,
        _ => 100_000,
    }
}

struct Synthetic {
    actors: usize,
    graph: SimpleGraph,
    edges_file: std::path::PathBuf,
}

fn synthetic(dir: &std::path::Path) -> Vec<Synthetic> {
    [100, 1_000, 10_000, 100_000]
        .into_iter()
        .map(|actors| {
            let s = generate(Spec::new(actors, 1));
            let ag = s.actor_graph();
            let mut graph = ag.simple(DEFAULT_RELATIONS);
            graph.groups = graph
                .nodes
                .iter()
                .map(|n| n[n.len() - 1..].to_string())
                .collect();
            let edges_file = dir.join(format!("edges-{actors}.csv"));
            let mut f = std::io::BufWriter::new(std::fs::File::create(&edges_file).unwrap());
            s.write_edges(&ag, &mut f).unwrap();
            drop(f);
            Synthetic {
                actors,
                graph,
                edges_file,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    c.bench_function("load and validate the embedded dataset", |b| {
        b.iter(|| musalaha::load::load_embedded().expect("valid"))
    });
    let ds = musalaha::load::load_embedded().expect("valid");
    c.bench_function("project the whole dataset to the simple graph", |b| {
        b.iter(|| {
            Slice::default()
                .actor_graph(black_box(&ds))
                .simple(DEFAULT_RELATIONS)
        })
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let graphs = synthetic(dir.path());

    let mut g = c.benchmark_group("generate and project synthetic mediation data");
    g.sample_size(10);
    for s in &graphs {
        g.bench_with_input(BenchmarkId::from_parameter(s.actors), &s.actors, |b, &n| {
            b.iter(|| {
                generate(Spec::new(n, 1))
                    .actor_graph()
                    .simple(DEFAULT_RELATIONS)
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("read an edge list (--edges)");
    g.sample_size(10);
    for s in &graphs {
        g.bench_with_input(
            BenchmarkId::from_parameter(s.actors),
            &s.edges_file,
            |b, p| {
                b.iter(|| {
                    let net = musalaha::network::read(p, None, false).expect("valid");
                    net.into_parts()
                })
            },
        );
    }
    g.finish();

    let real = Slice::default().actor_graph(&ds).simple(DEFAULT_RELATIONS);
    let real_compact = Compact::new(&real);
    for &m in Measure::ALL {
        c.bench_function(&format!("{} on the dataset graph", m.as_str()), |b| {
            b.iter(|| {
                compute_on(black_box(&real_compact), m, Options::default()).expect("computes")
            })
        });
        let mut g = c.benchmark_group(format!("{} on synthetic graphs", m.as_str()));
        g.sample_size(10);
        for s in graphs.iter().filter(|s| s.actors <= largest(m)) {
            let compact = Compact::new(&s.graph);
            compact.undirected();
            g.bench_with_input(BenchmarkId::from_parameter(s.actors), &compact, |b, cg| {
                b.iter(|| compute_on(cg, m, Options::default()).expect("computes"))
            });
        }
        g.finish();
    }
    let mut g = c.benchmark_group("weighted betweenness on synthetic graphs");
    g.sample_size(10);
    for s in graphs.iter().filter(|s| s.actors <= 10_000) {
        let compact = Compact::new(&s.graph);
        let opts = Options {
            weighted: true,
            ..Options::default()
        };
        g.bench_with_input(BenchmarkId::from_parameter(s.actors), &compact, |b, cg| {
            b.iter(|| compute_on(cg, Measure::Betweenness, opts).expect("computes"))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("sampled betweenness at 10^5 actors");
    g.sample_size(10);
    let big = Compact::new(&graphs[3].graph);
    for (name, sampling) in [
        ("--sample 100", Sampling::Sources { k: 100, seed: 1 }),
        (
            "--epsilon 0.05",
            Sampling::Epsilon {
                epsilon: 0.05,
                delta: 0.1,
                seed: 1,
            },
        ),
    ] {
        let opts = Options {
            sampling,
            ..Options::default()
        };
        g.bench_function(name, |b| {
            b.iter(|| compute_on(&big, Measure::Betweenness, opts).expect("computes"))
        });
    }
    g.finish();

    // Every exporter on the embedded dataset (the view once, then the writer),
    // and on the network of the 10^4-actor edge list read with --edges.
    let slice = Slice::default();
    let view = View::build(&ds, &slice, &ViewOptions::default()).expect("a view");
    let formats = ExportFormat::every();
    let network_file = &graphs
        .iter()
        .find(|s| s.actors == 10_000)
        .expect("the 10^4 graph")
        .edges_file;
    let network = musalaha::network::read_with(
        network_file,
        None,
        musalaha::network::ReadOptions {
            directed: false,
            details: true,
        },
    )
    .expect("reads");
    let network_view =
        View::from_network(&network, &ViewOptions::default(), "edges-10000.csv").expect("a view");
    for f in &formats {
        let exporter = f.exporter(&ds, &slice, &view, None).expect("an exporter");
        c.bench_function(&format!("export {} of the dataset", exporter.name()), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                exporter.write_every_file(&view, &mut out).expect("writes");
                out
            })
        });
        let exporter = f.network_exporter(&network_view).expect("an exporter");
        c.bench_function(
            &format!("export {} of a 10^4-actor edge list", exporter.name()),
            |b| {
                b.iter(|| {
                    let mut out = Vec::new();
                    exporter
                        .write_every_file(&network_view, &mut out)
                        .expect("writes");
                    out
                })
            },
        );
    }
    c.bench_function("build the export view of the dataset", |b| {
        b.iter(|| View::build(&ds, &slice, &ViewOptions::default()).expect("a view"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
