//! Times one measure through the library on an edge list, for scripts/perf_compare.py:
//!
//!     cargo run --release --example kernel_time -- EDGES.csv MEASURE [--weighted] [--out values.json]
//!
//! MEASURE is a musalaha measure, or `bfs` for the floor of exact betweenness: one plain
//! breadth-first search from every node on one thread. Prints `{"load": s, "seconds": s}` (the
//! measure alone, as peers are timed) and writes the scores to --out as {id: score}.

use musalaha::analysis::centrality::{compute_on, Measure, Options};
use musalaha::analysis::shortest::Workspace;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: kernel_time EDGES MEASURE [--weighted] [--out FILE]");
        return ExitCode::from(2);
    }
    let weighted = args.iter().any(|a| a == "--weighted");
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1));
    let t = Instant::now();
    let net = match musalaha::network::read(std::path::Path::new(&args[0]), None, false) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (nodes, compact) = net.into_parts();
    let u = compact.undirected();
    let load = t.elapsed().as_secs_f64();
    if args[1] == "bfs" {
        let t = Instant::now();
        let mut ws = Workspace::new(u.node_count());
        for s in 0..u.node_count() as u32 {
            ws.bfs(u.out_rows(), s, false, None);
        }
        println!(
            "{{\"load\": {load}, \"seconds\": {}}}",
            t.elapsed().as_secs_f64()
        );
        return ExitCode::SUCCESS;
    }
    if args[1] == "bc-workspace" {
        // The generic workspace kernel on one thread, for comparison.
        let t = Instant::now();
        let mut ws = Workspace::new(u.node_count());
        let mut scores = vec![0.0; u.node_count()];
        for s in 0..u.node_count() as u32 {
            ws.bfs(u.out_rows(), s, true, None);
            ws.dependencies_hops(u.out_rows(), s, &mut scores);
        }
        println!(
            "{{\"load\": {load}, \"seconds\": {}}}",
            t.elapsed().as_secs_f64()
        );
        return ExitCode::SUCCESS;
    }
    let Some(m) = Measure::ALL.iter().find(|m| m.as_str() == args[1]) else {
        eprintln!("unknown measure {}", args[1]);
        return ExitCode::from(2);
    };
    let opts = Options {
        weighted,
        ..Options::default()
    };
    let t = Instant::now();
    let series = match compute_on(&compact, *m, opts) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let secs = t.elapsed().as_secs_f64();
    println!("{{\"load\": {load}, \"seconds\": {secs}}}");
    if let Some(path) = out {
        let values: serde_json::Map<String, serde_json::Value> = nodes
            .ids()
            .zip(&series[0].values)
            .map(|(id, v)| (id.to_string(), serde_json::json!(v)))
            .collect();
        let mut f = std::fs::File::create(path).expect("the values file can be written");
        let _ = f.write_all(
            serde_json::to_string(&values)
                .unwrap_or_default()
                .as_bytes(),
        );
    }
    ExitCode::SUCCESS
}
