//! Every exporter on a dataset, each output read back by a real reader in
//! process: DOT by graphviz-rust's parser (and no character XML forbids,
//! which Graphviz's HTML-label parser rejects), GraphML and GEXF by an XML parser
//! (roxmltree: well-formed, the root element expected), node-link and
//! Cytoscape.js JSON by serde_json, the CSV tables by the csv crate (every
//! record as long as the header). Shared by the property tests
//! (tests/it/props.rs) and the `export` fuzz target (fuzz/, by path).

use musalaha::export::dot::{DotStyle, Labels};
use musalaha::export::json::LinksKey;
use musalaha::export::view::{View, ViewOptions};
use musalaha::export::ExportFormat;
use musalaha::load::{load_files, SourceFile};
use musalaha::slice::{Slice, SliceSpec};

/// The DOT texts written (one per view and label choice), for callers that
/// also run Graphviz on them.
pub fn export_all_and_read_back(files: &[SourceFile]) -> Vec<String> {
    let ds = load_files(files).unwrap_or_else(|e| panic!("the dataset loads: {e}"));
    let slice = Slice::resolve(&ds, &SliceSpec::default()).expect("the whole dataset");
    let mut dots = Vec::new();
    for two_mode in [false, true] {
        let options = ViewOptions {
            two_mode,
            ..ViewOptions::default()
        };
        let view = View::build(&ds, &slice, &options).expect("a view");
        for labels in [Labels::En, Labels::Ar, Labels::Both] {
            let formats = [
                ExportFormat::Dot(DotStyle {
                    labels,
                    legend: true,
                    ..DotStyle::default()
                }),
                ExportFormat::GraphMl { labels },
                ExportFormat::Gexf { labels },
                ExportFormat::Json {
                    labels,
                    links_key: LinksKey::Edges,
                },
                ExportFormat::Cytoscape { labels },
                ExportFormat::Csv { labels, bom: true },
            ];
            for format in formats {
                let exporter = format
                    .exporter(&ds, &slice, &view, None)
                    .expect("an exporter");
                let mut outputs: Vec<(String, Vec<u8>)> = Vec::new();
                if exporter.files().is_empty() {
                    let mut out = Vec::new();
                    exporter.write(&view, &mut out).expect("writes to memory");
                    outputs.push((String::new(), out));
                } else {
                    for name in exporter.files() {
                        let mut out = Vec::new();
                        exporter
                            .write_file(&view, name, &mut out)
                            .expect("writes to memory");
                        outputs.push((name.to_string(), out));
                    }
                }
                for (file, bytes) in outputs {
                    let text = String::from_utf8(bytes)
                        .unwrap_or_else(|e| panic!("{} {file} is not UTF-8: {e}", format.name()));
                    check(&format, &file, &text);
                    if matches!(format, ExportFormat::Dot(_)) {
                        dots.push(text);
                    }
                }
            }
        }
    }
    dots
}

fn check(format: &ExportFormat, file: &str, text: &str) {
    match format {
        ExportFormat::Dot(_) => {
            if let Err(e) = graphviz_rust::parse(text) {
                panic!("graphviz-rust rejects the DOT: {e}\n{text}");
            }
            // Graphviz reads HTML-like labels with an XML parser, which
            // rejects the whole file for one character XML forbids.
            if let Some(c) = text.chars().find(|&c| !musalaha::export::xml::allowed(c)) {
                panic!("the DOT holds {c:?}, which Graphviz's XML parser rejects");
            }
        }
        ExportFormat::GraphMl { .. } | ExportFormat::Gexf { .. } => {
            let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| {
                panic!("{} is not well-formed XML: {e}\n{text}", format.name())
            });
            let root = doc.root_element().tag_name().name();
            let want = if matches!(format, ExportFormat::Gexf { .. }) {
                "gexf"
            } else {
                "graphml"
            };
            assert_eq!(root, want);
        }
        ExportFormat::Json { .. } | ExportFormat::Cytoscape { .. } => {
            let v: serde_json::Value = serde_json::from_str(text)
                .unwrap_or_else(|e| panic!("{} does not parse: {e}\n{text}", format.name()));
            assert!(v.is_object(), "{text}");
        }
        ExportFormat::Csv { .. } => {
            let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
            let mut r = csv::ReaderBuilder::new().from_reader(body.as_bytes());
            let width = r
                .headers()
                .unwrap_or_else(|e| panic!("{file}: no header: {e}"))
                .len();
            for rec in r.records() {
                let rec = rec.unwrap_or_else(|e| panic!("{file} does not parse: {e}\n{text}"));
                assert_eq!(rec.len(), width, "{file}: a row of another length\n{text}");
            }
        }
    }
}
