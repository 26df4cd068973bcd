//! The `--edges`/`--nodes` reader on arbitrary files: the first byte picks
//! directed or not and CSV or TSV; the rest is split at 0x1E into the edge
//! file and an optional node file, written to temporary files (the reader
//! takes paths). It must return a network or diagnostics, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let ext = if flags & 2 == 0 { "csv" } else { "tsv" };
    let mut parts = rest.splitn(2, |&b| b == 0x1E);
    let edges = dir.path().join(format!("e.{ext}"));
    std::fs::write(&edges, parts.next().unwrap_or(&[])).unwrap();
    let nodes = parts.next().map(|b| {
        let p = dir.path().join(format!("n.{ext}"));
        std::fs::write(&p, b).unwrap();
        p
    });
    match musalaha::network::read(&edges, nodes.as_deref(), flags & 1 == 1) {
        Ok(net) => {
            let (g, d) = net.csr();
            let _ = (g, d);
            let _ = net.simple();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
