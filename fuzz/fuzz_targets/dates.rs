//! The fuzzy-date parser and the --from/--to bound parser on arbitrary
//! text: a date or an error, never a panic; a parsed date's interval is in
//! order and its text parses again to the same interval.
#![no_main]
use libfuzzer_sys::fuzz_target;
use musalaha::model::{date::parse_bound, Day, FuzzyDate};

fuzz_target!(|text: &str| {
    if let Ok(d) = FuzzyDate::parse(text) {
        assert!(d.start <= d.end, "{text:?}");
        let again = FuzzyDate::parse(&d.text).expect("its own text parses");
        assert_eq!((again.start, again.end), (d.start, d.end));
        let _ = (d.year(), d.to_string());
    }
    let _ = parse_bound(text, false);
    let _ = parse_bound(text, true);
    let _ = Day::parse(text);
});
