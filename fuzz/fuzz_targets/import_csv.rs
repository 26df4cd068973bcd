//! `import csv` on arbitrary tables: the bytes are split at 0x1E into the
//! tables import reads, in their order; conversion returns TOML that loads,
//! or diagnostics. It must never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use musalaha::import::csv::{convert, CsvFile, TABLES};

fuzz_target!(|data: &[u8]| {
    let files: Vec<CsvFile> = data
        .split(|&b| b == 0x1E)
        .zip(TABLES.iter())
        .map(|(b, name)| CsvFile {
            name,
            bytes: b.to_vec(),
        })
        .collect();
    match convert(&files, "fuzz") {
        Ok(c) => {
            // What import writes loads again.
            musalaha::load::load_files(&c.files).expect("converted files load");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
