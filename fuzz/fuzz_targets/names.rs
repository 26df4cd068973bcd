//! The name matcher: arbitrary names (split at 0x1E; the last piece is the
//! query) folded, added to a resolver and looked up, with and without a
//! rule to choose among several matches.
#![no_main]
use libfuzzer_sys::fuzz_target;
use musalaha::names::{normalize, Resolver};

fuzz_target!(|data: &str| {
    let mut pieces: Vec<&str> = data.split('\u{1E}').collect();
    let query = pieces.pop().unwrap_or("");
    let mut r = Resolver::default();
    for (i, name) in pieces.iter().enumerate() {
        r.add(&format!("e{i}"), [*name, &name.to_uppercase()]);
        // Folding is idempotent.
        let k = normalize(name);
        assert_eq!(normalize(&k), k, "normalize is not idempotent on {name:?}");
    }
    let _ = r.resolve(query);
    let _ = r.find(query, &|ids| ids.first().map(|s| s.to_string()));
    let _ = musalaha::names::word_distance(&normalize(query), &normalize(data));
});
