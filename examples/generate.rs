//! Writes seeded synthetic mediation data (see `musalaha::generate`):
//!
//!     cargo run --release --example generate -- --actors 20000 --seed 1 --out target/synthetic/20000
//!
//! Files in the output folder: participations.csv (agreement,date,actor,role,side), nodes.csv
//! (id,label,kind,alignment) and edges.csv (source,target,kind,weight: the projected ties in the
//! default relations; `musalaha centrality --edges edges.csv` reads it).

use musalaha::generate::{generate, Spec};
use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: generate --actors N [--agreements M] [--seed S] --out DIR");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut actors, mut agreements, mut seed, mut out) = (None, None, 1u64, None);
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned();
        match (args[i].as_str(), value) {
            ("--actors", Some(v)) => actors = v.parse::<usize>().ok(),
            ("--agreements", Some(v)) => agreements = v.parse::<usize>().ok(),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            _ => return usage(),
        }
        i += 2;
    }
    let (Some(actors), Some(out)) = (actors, out) else {
        return usage();
    };
    let mut spec = Spec::new(actors, seed);
    if let Some(m) = agreements {
        spec.agreements = m;
    }
    let s = generate(spec);
    let graph = s.actor_graph();
    let write = |name: &str, f: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>| {
        let path = out.join(name);
        let mut w = BufWriter::new(File::create(&path)?);
        f(&mut w)?;
        std::io::Write::flush(&mut w)?;
        eprintln!("wrote {}", path.display());
        Ok::<(), std::io::Error>(())
    };
    let result = std::fs::create_dir_all(&out)
        .and_then(|_| write("participations.csv", &|w| s.write_participations(w)))
        .and_then(|_| write("nodes.csv", &|w| s.write_nodes(w)))
        .and_then(|_| write("edges.csv", &|w| s.write_edges(&graph, w)));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: cannot write to {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}
