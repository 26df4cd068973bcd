//! Phase 1, parsing: each file is parsed once as a whole TOML document
//! ([`toml::de::DeTable`], which keeps the span of every key and value), and
//! each top-level record (`[[actor]]`, `[[place]]`, `[[agreement]]`,
//! `[[source]]`, `[[period]]`) is deserialised on its own into its `Raw*`
//! type. Its spans are absolute byte offsets into the file, with no offset
//! arithmetic anywhere.
//!
//! Loading never stops at the first problem. A record that does not fit its
//! type (an unknown field, a missing one, a wrong type) is reported and left
//! out; the others still load. When a file is not valid TOML, the parser's
//! recovery is not trusted (it can drop earlier records, or stop at a key
//! without `=`): the file is cut into its records at the header lines found
//! outside strings (see [`super::scan`]) and each is parsed on its own. A
//! record with a syntax error is reported once (with the first error it has
//! on its own, so one mistake is one diagnostic) and left out; the ids it
//! defines still count as known (see [`Parsed::hidden`]); the position of
//! that error is the one place where an offset is added (the record's start
//! in the file). The file is then parsed once more with the broken records
//! blanked out (same length, so the other records' spans are still the
//! file's offsets).
//!
//! Cost: one parse for a valid file, three for a file with syntax errors
//! (whatever their number): linear in the size of the file.

use super::raw::*;
use super::report::Reporter;
use super::scan;
use serde::de::{Deserialize, IgnoredAny};
use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

/// What parsing produced.
#[derive(Default)]
pub(super) struct Parsed {
    pub records: Records,
    /// Ids of records that a syntax error hid or that did not fit their type:
    /// still known, so references to them produce no `unknown-id`.
    pub hidden: Vec<(Kind, String)>,
}

/// Parses every file (given as text, indexed like the reporter's files).
pub(super) fn parse_files<'t>(
    rep: &mut Reporter,
    texts: impl IntoIterator<Item = &'t str>,
) -> Parsed {
    let mut out = Parsed::default();
    for (file, text) in texts.into_iter().enumerate() {
        parse_file(rep, file, text, &mut out);
    }
    out
}

/// One top-level entry of a parsed document, at byte offset `pos`.
struct Item<'i> {
    pos: usize,
    what: ItemKind<'i>,
}

enum ItemKind<'i> {
    /// An element of a known record array.
    Record(Kind, Spanned<DeValue<'i>>),
    /// A known key whose value is not an array of records.
    NotArray(Spanned<DeValue<'i>>),
    /// A key that names no record type.
    Unknown(String),
}

/// The top-level entries of a document, in file order.
fn items(doc: DeTable<'_>) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    for (key, value) in doc {
        let key_pos = key.span().start;
        match Kind::from_key(key.get_ref()) {
            Some(kind) => {
                let span = value.span();
                let pos = span.start;
                match value.into_inner() {
                    DeValue::Array(elements) => {
                        out.extend(elements.into_iter().map(|el| Item {
                            pos: el.span().start,
                            what: ItemKind::Record(kind, el),
                        }));
                    }
                    other => out.push(Item {
                        pos,
                        what: ItemKind::NotArray(Spanned::new(span, other)),
                    }),
                }
            }
            None => out.push(Item {
                pos: key_pos,
                what: ItemKind::Unknown(key.get_ref().to_string()),
            }),
        }
    }
    out.sort_by_key(|i| i.pos);
    out
}

/// Parses one file: once as a whole; when that fails, once per record to
/// find the broken ones, and once more with the broken records blanked out
/// (same length, so the spans of the others stay file offsets).
fn parse_file(rep: &mut Reporter, file: usize, text: &str, out: &mut Parsed) {
    let starts = scan::record_starts(text);
    let mut root = Root {
        end: starts.first().copied().unwrap_or(text.len()),
        reported: false,
    };
    let (doc, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        take_all(rep, file, doc.into_inner(), &mut root, out);
        return;
    }
    drop((doc, errors));

    let mut bounds = vec![0];
    bounds.extend(starts.into_iter().filter(|&s| s > 0 && s < text.len()));
    bounds.push(text.len());
    let mut view = String::with_capacity(text.len());
    let mut clean = Vec::new();
    for w in bounds.windows(2) {
        let (from, to) = (w[0], w[1]);
        let Some(part) = text.get(from..to) else {
            // Not reached (parts start at line starts); keep the length.
            view.extend(std::iter::repeat_n(' ', to.saturating_sub(from)));
            continue;
        };
        match part_problem(part) {
            None => {
                view.push_str(part);
                clean.push((from, to));
            }
            Some((e, ids)) => {
                let at = from + offset(&e).min(part.len());
                report_error(rep, file, at, &e);
                out.hidden.extend(ids);
                out.hidden.extend(scan::hidden_ids(text, from, to));
                view.extend(std::iter::repeat_n(' ', part.len()));
            }
        }
    }

    let (doc, errors) = DeTable::parse_recoverable(&view);
    // Errors left (always, if no record was broken alone) mean that records
    // fine on their own conflict (a table defined twice): report the first,
    // and keep every id they define as known, since the parser's recovery
    // may have dropped some.
    if let Some(e) = errors.iter().min_by_key(|e| offset(e)) {
        report_error(rep, file, offset(e), e);
        for (from, to) in clean {
            out.hidden.extend(scan::hidden_ids(text, from, to));
        }
    }
    take_all(rep, file, doc.into_inner(), &mut root, out);
}

/// Why one record of a file that is not valid TOML cannot be read with the
/// others, with the ids it defines: its first syntax error on its own (what
/// to fix first), or a record type that is not an array of records (a
/// `[agreement]` table, or a stray `[[agreement.terms]]` before any
/// `[[agreement]]`), which would clash with the records of that type
/// elsewhere in the file. Error offsets are relative to the part.
fn part_problem(part: &str) -> Option<(toml::de::Error, Vec<(Kind, String)>)> {
    let (doc, errors) = DeTable::parse_recoverable(part);
    let mut items = items(doc.into_inner());
    let ids = |items: &[Item<'_>]| {
        items
            .iter()
            .filter_map(|i| match &i.what {
                ItemKind::Record(kind, value) => Some((*kind, record_id(value)?)),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    if let Some(e) = errors.into_iter().next() {
        return Some((e, ids(&items)));
    }
    let clash = items
        .iter()
        .position(|i| matches!(i.what, ItemKind::NotArray(_)))?;
    let ids = ids(&items);
    let ItemKind::NotArray(value) = items.swap_remove(clash).what else {
        return None;
    };
    let e = Vec::<IgnoredAny>::deserialize(ValueDeserializer::from(value)).err()?;
    Some((e, ids))
}

/// Keys before the first header form one record, the root table: only the
/// first unknown one is reported.
struct Root {
    end: usize,
    reported: bool,
}

/// Takes every entry of a document.
fn take_all(rep: &mut Reporter, file: usize, doc: DeTable<'_>, root: &mut Root, out: &mut Parsed) {
    for item in items(doc) {
        if matches!(item.what, ItemKind::Unknown(_)) && item.pos < root.end {
            if root.reported {
                continue;
            }
            root.reported = true;
        }
        take(rep, file, item, out);
    }
}

/// Where a parse error is in the text that was parsed.
fn offset(e: &toml::de::Error) -> usize {
    e.span().map_or(0, |s| s.start)
}

/// Reports a parser error at byte `at` of the file.
fn report_error(rep: &mut Reporter, file: usize, at: usize, e: &toml::de::Error) {
    let (code, help) = classify(e.message());
    rep.at(file, at, code, e.message().trim().to_string(), help);
}

/// The `id` string of a parsed record, if it has one.
fn record_id(value: &Spanned<DeValue<'_>>) -> Option<String> {
    value
        .get_ref()
        .get("id")
        .and_then(|id| id.get_ref().as_str())
        .map(str::to_string)
}

/// Deserialises one syntactically sound entry into its record list, or
/// reports why it does not fit.
fn take(rep: &mut Reporter, file: usize, item: Item<'_>, out: &mut Parsed) {
    let (kind, value) = match item.what {
        ItemKind::Record(kind, value) => (kind, value),
        ItemKind::NotArray(value) => {
            if let Err(e) = Vec::<IgnoredAny>::deserialize(ValueDeserializer::from(value)) {
                report_de_error(rep, file, item.pos, &e);
            }
            return;
        }
        ItemKind::Unknown(key) => {
            let e = <toml::de::Error as serde::de::Error>::unknown_field(&key, Kind::KEYS);
            report_de_error(rep, file, item.pos, &e);
            return;
        }
    };
    let id = record_id(&value);
    let r = &mut out.records;
    let result = match kind {
        Kind::Actor => de(value).map(|raw| r.actors.push(Rec { file, raw })),
        Kind::Place => de(value).map(|raw| r.places.push(Rec { file, raw })),
        Kind::Agreement => de(value).map(|raw| r.agreements.push(Rec { file, raw })),
        Kind::Source => de(value).map(|raw| r.documents.push(Rec { file, raw })),
        Kind::Period => de(value).map(|raw| r.periods.push(Rec { file, raw })),
    };
    if let Err(e) = result {
        report_de_error(rep, file, item.pos, &e);
        out.hidden.extend(id.map(|id| (kind, id)));
    }
}

/// Deserialises a record; its spans are those of the parsed file.
fn de<'de, T: Deserialize<'de>>(value: Spanned<DeValue<'de>>) -> Result<T, toml::de::Error> {
    T::deserialize(ValueDeserializer::from(value))
}

/// Reports a deserialiser error (at `pos`, the record, if it has no span).
fn report_de_error(rep: &mut Reporter, file: usize, pos: usize, e: &toml::de::Error) {
    let offset = e.span().map_or(pos, |s| s.start);
    let (code, help) = classify(e.message());
    rep.at(file, offset, code, e.message().trim().to_string(), help);
}

/// The diagnostic code and help for a parser or deserialiser message.
fn classify(message: &str) -> (&'static str, &'static str) {
    let msg = message.trim();
    if msg.starts_with("unknown field") {
        (
            "unknown-field",
            "remove or rename the field; docs/codebook.md lists the fields of each record",
        )
    } else if msg.starts_with("missing field") {
        (
            "missing",
            "add the field; docs/codebook.md lists the required fields",
        )
    } else if msg.starts_with("invalid type") {
        (
            "syntax",
            "check the value's type (text in quotes, numbers bare, lists in [ ])",
        )
    } else {
        ("syntax", "fix the TOML syntax at this point")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Diagnostic;

    fn parse(text: &str) -> (Parsed, Vec<Diagnostic>) {
        let mut rep = Reporter::new([("t.toml", text)]);
        let parsed = parse_files(&mut rep, [text]);
        (parsed, rep.finish())
    }

    const TWO: &str = "[[place]]\nid = \"a\"\nname_en = \"A\"\nname_ar = \"أ\"\nkind = \"city\"\n\n[[place]]\nid = \"b\"\nname_en = \"B\"\nname_ar = \"ب\"\nkind = \"city\"\nparent = \"a\"\n";

    #[test]
    fn spans_are_absolute_file_offsets() {
        let (p, d) = parse(TWO);
        assert!(d.is_empty(), "{d:?}");
        let b = &p.records.places[1].raw;
        let second = TWO.rfind("id = \"b\"").unwrap() + "id = ".len();
        assert_eq!(b.id.span(), second..second + 3);
        assert_eq!(&TWO[b.id.span()], "\"b\"");
        let parent = b.parent.as_ref().unwrap();
        assert_eq!(&TWO[parent.span()], "\"a\"");
        assert!(parent.span().start > TWO.find("[[place]]\nid = \"b\"").unwrap());
    }

    #[test]
    fn spans_stay_absolute_after_a_syntax_error() {
        let text = format!("[[place]]\nid = \"x\nkind = 1\n\n{TWO}");
        let (p, d) = parse(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "syntax");
        assert_eq!(d[0].line, 2);
        assert_eq!(p.records.places.len(), 2);
        let b = &p.records.places[1].raw;
        assert_eq!(&text[b.id.span()], "\"b\"");
        assert!(p.hidden.contains(&(Kind::Place, "x".to_string())));
    }

    #[test]
    fn brackets_inside_strings_are_not_headers() {
        let text = format!(
            "[[place]]\nid = \"n\"\nname_en = \"N\"\nname_ar = \"ن\"\nkind = \"city\"\nnote = \"\"\"\n[[agreement]]\n[place]\n  [not a header\n\"\"\"\n\n{TWO}"
        );
        let (p, d) = parse(&text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.records.places.len(), 3);
        let note = p.records.places[0].raw.note.as_deref().unwrap();
        assert!(note.contains("[[agreement]]\n[place]"), "{note}");
    }

    #[test]
    fn syntax_error_before_a_note_with_a_header_line_does_not_cascade() {
        let text = format!(
            "[[place]]\nid = \"n\"\nname_en = = \"N\"\nnote = \"\"\"\n[[agreement]]\nid = \"g\"\n\"\"\"\n\n{TWO}"
        );
        let (p, d) = parse(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("syntax", 3));
        assert_eq!(p.records.places.len(), 2);
    }

    #[test]
    fn a_broken_header_hides_only_its_record() {
        let text = format!("[[place]\nid = \"x\"\n\n{TWO}");
        let (p, d) = parse(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(p.records.places.len(), 2);
        assert!(p.hidden.contains(&(Kind::Place, "x".to_string())));
    }

    #[test]
    fn a_key_without_value_hides_only_its_record() {
        // The parser stops at such a line; parsing resumes at the next record.
        let text = format!("[[place]]\nid = \"x\"\nname_en \"X\"\n\n{TWO}");
        let (p, d) = parse(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(p.records.places.len(), 2);
    }

    #[test]
    fn an_unclosed_array_hides_only_its_record() {
        let text = format!("[[place]]\nid = \"x\"\naliases = [\"y\",\n\n{TWO}");
        let (p, d) = parse(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(p.records.places.len(), 2);
    }

    #[test]
    fn an_unterminated_multi_line_string_hides_only_its_record() {
        let text = format!("[[place]]\nid = \"x\"\nnote = \"\"\"open\n\n{TWO}");
        let (p, d) = parse(&text);
        assert_eq!(d.len(), 1, "{d:?}");
        // Reported where the string runs into the next record.
        assert_eq!((d[0].line, d[0].column), (5, 1));
        assert_eq!(p.records.places.len(), 2);
        assert!(p.hidden.contains(&(Kind::Place, "x".to_string())));
    }

    #[test]
    fn records_that_conflict_are_reported() {
        // Each part is valid alone, but `actor` is both an inline array and
        // an array of tables: not TOML, so not accepted silently.
        let text = "actor = []\n[[actor]]\nid = \"a\"\nname_en = \"A\"\nname_ar = \"أ\"\nkind = \"state\"\nalignment = \"regime\"\n";
        let (p, d) = parse(text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("syntax", 2));
        // The parser's recovery dropped the record; its id is still known.
        assert!(p.hidden.contains(&(Kind::Actor, "a".to_string())));
    }

    #[test]
    fn records_that_do_not_fit_are_reported_and_their_ids_kept() {
        let text = format!("whatever = 1\n\n{TWO}\n[[place]]\nid = \"c\"\ncolour = \"red\"\n\n[[place]]\nid = \"d\"\n\n[actor]\nid = \"z\"\n");
        let (p, d) = parse(&text);
        let codes: Vec<&str> = d.iter().map(|x| x.code).collect();
        assert_eq!(
            codes,
            ["unknown-field", "unknown-field", "missing", "syntax"]
        );
        assert!(d[0]
            .message
            .contains("unknown field `whatever`, expected one of `actor`"));
        assert_eq!(p.records.places.len(), 2);
        assert!(p.hidden.contains(&(Kind::Place, "c".to_string())));
        assert!(p.hidden.contains(&(Kind::Place, "d".to_string())));
    }

    #[test]
    fn every_broken_record_is_reported_once() {
        // 2,000 records, every other one broken: each broken record is one
        // diagnostic and the others load (three parses, not one per error).
        let mut text = String::new();
        for i in 0..2_000 {
            let name = if i % 2 == 0 { "\"P\"" } else { "\"P" };
            text.push_str(&format!(
                "[[place]]\nid = \"p{i}\"\nname_en = {name}\nname_ar = \"ب\"\nkind = \"area\"\n"
            ));
        }
        let (p, d) = parse(&text);
        assert_eq!(d.len(), 1_000);
        assert!(d.iter().all(|x| x.code == "syntax"));
        assert_eq!((d[0].line, d[1].line), (8, 18));
        assert_eq!(p.records.places.len(), 1_000);
        assert_eq!(p.hidden.iter().filter(|(_, id)| id == "p1999").count(), 2);
    }
}
