//! Every exporter on a valid dataset built from arbitrary names (split at
//! 0x1E; tests/it/strange.rs builds it): DOT parses with graphviz-rust,
//! GraphML and GEXF are well-formed XML, node-link and Cytoscape JSON parse,
//! every CSV table parses with a constant number of fields.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/it/strange.rs"]
mod strange;
#[path = "../../tests/it/readers.rs"]
mod readers;

fuzz_target!(|data: &str| {
    let names: Vec<String> = data.split('\u{1E}').take(6).map(String::from).collect();
    readers::export_all_and_read_back(&strange::dataset(&names));
});
