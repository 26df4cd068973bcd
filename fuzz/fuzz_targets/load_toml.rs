//! The TOML loader on arbitrary bytes: up to four data files (split at the
//! byte 0x1E), each decoded as UTF-8 or reported, then checked. Loading
//! returns a dataset or diagnostics; it must never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use musalaha::load::{check_files, SourceFile};

fuzz_target!(|data: &[u8]| {
    let files: Vec<SourceFile> = data
        .split(|&b| b == 0x1E)
        .take(4)
        .enumerate()
        .map(|(i, b)| SourceFile::from_bytes(format!("f{i}.toml"), b.to_vec()))
        .collect();
    let (_, diagnostics) = check_files(&files);
    for d in &diagnostics {
        // Every diagnostic points into a file (line and column from 1).
        assert!(d.line >= 1 && d.column >= 1, "{d}");
        let _ = d.to_string();
    }
});
