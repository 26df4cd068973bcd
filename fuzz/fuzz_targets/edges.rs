//! The `--edges`/`--nodes` reader on arbitrary files: the first byte picks
//! directed or not, CSV or TSV, and whether ties keep kinds and dates; the rest is split at 0x1E into the edge
//! file and an optional node file, written to temporary files (the reader
//! takes paths). It must return a network or diagnostics, never panic, and
//! every exporter must write the network's view.
#![no_main]
use libfuzzer_sys::fuzz_target;
use musalaha::export::ExportFormat;

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
    let options = musalaha::network::ReadOptions {
        directed: flags & 1 == 1,
        details: flags & 4 == 4,
    };
    match musalaha::network::read_with(&edges, nodes.as_deref(), options) {
        Ok(net) => {
            let _ = (net.graph().node_count(), net.digraph().map(|d| d.arc_count()));
            let _ = net.simple();
            let _ = net.nodes.resolve("a");
            // The --edges exports: the view and every exporter on it.
            let opts = musalaha::export::view::ViewOptions::default();
            if let Ok(view) = musalaha::export::view::View::from_network(&net, &opts, "e") {
                for format in ExportFormat::every() {
                    if let Ok(exporter) = format.network_exporter(&view) {
                        let mut out = Vec::new();
                        exporter.write_every_file(&view, &mut out).unwrap();
                    }
                }
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
