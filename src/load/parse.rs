//! Phase 1, parsing: each file is parsed once as a whole TOML document
//! ([`toml::de::DeTable`], which keeps the span of every key and value), and
//! each top-level record (`[[actor]]`, `[[place]]`, `[[agreement]]`,
//! `[[source]]`, `[[period]]`) is deserialised on its own into its `Raw*`
//! type. Spans are absolute byte offsets into the file, with no arithmetic.
//!
//! Loading never stops at the first problem. A record that does not fit its
//! type (an unknown field, a missing one, a wrong type) is reported and left
//! out; the others still load. When a file is not valid TOML, the parser's
//! recovery is not trusted: the file is cut into its records at the header
//! lines found outside strings (see [`super::scan`]) and the parts around the
//! first error are parsed again on their own, until each syntax error is
//! pinned to one record. That record is reported once (with the first error
//! it has on its own, so one mistake is one diagnostic) and left out; the
//! ids it defines still count as known (see [`Parsed::hidden`]). A part is
//! parsed on a copy of the text whose earlier bytes are blanked out, so its
//! offsets too are the file's.
//!
//! Cost: one parse for a valid file; a few more per syntax error.

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

/// One file being parsed.
struct FileParse<'t> {
    file: usize,
    text: &'t str,
    /// Where the file's records begin (from 0 to the end of the text): part
    /// `i` is `text[bounds[i]..bounds[i + 1]]`.
    bounds: Vec<usize>,
    /// Keys before the first header form one record, the root table; only
    /// the first unknown one is reported.
    root_end: usize,
    root_reported: bool,
}

/// Parses one file.
fn parse_file(rep: &mut Reporter, file: usize, text: &str, out: &mut Parsed) {
    let (doc, errors) = DeTable::parse_recoverable(text);
    let starts = scan::record_starts(text);
    let root_end = starts.first().copied().unwrap_or(text.len());
    let mut fp = FileParse {
        file,
        text,
        bounds: Vec::new(),
        root_end,
        root_reported: false,
    };
    if errors.is_empty() {
        fp.take_all(rep, doc.into_inner(), out);
        return;
    }
    fp.bounds.push(0);
    fp.bounds.extend(starts.into_iter().filter(|&s| s > 0));
    fp.bounds.push(text.len());
    fp.bounds.dedup();
    let parts = fp.bounds.len() - 1;
    fp.broken(rep, 0, parts, doc.into_inner(), &errors, out);
}

impl FileParse<'_> {
    /// Parses parts `i..j` on their own.
    fn parts(&mut self, rep: &mut Reporter, i: usize, j: usize, out: &mut Parsed) {
        let (from, to) = (self.bounds[i], self.bounds[j]);
        let Some(part) = self.text.get(from..to) else {
            return;
        };
        let mut view = " ".repeat(from);
        view.push_str(part);
        let (doc, errors) = DeTable::parse_recoverable(&view);
        if errors.is_empty() {
            self.take_all(rep, doc.into_inner(), out);
        } else {
            self.broken(rep, i, j, doc.into_inner(), &errors, out);
        }
    }

    /// Parts `i..j` parsed together have syntax errors: pins them down.
    fn broken(
        &mut self,
        rep: &mut Reporter,
        i: usize,
        j: usize,
        doc: DeTable<'_>,
        errors: &[toml::de::Error],
        out: &mut Parsed,
    ) {
        let (from, to) = (self.bounds[i], self.bounds[j]);
        if j - i == 1 {
            // One record: report its first error, keep its ids, leave it out.
            if let Some(e) = errors.first() {
                report_error(rep, self.file, from, e);
            }
            for item in items(doc) {
                if let ItemKind::Record(kind, value) = &item.what {
                    out.hidden.extend(record_id(value).map(|id| (*kind, id)));
                }
            }
            out.hidden.extend(scan::hidden_ids(self.text, from, to));
            return;
        }
        drop(doc);
        // Parse apart the record holding the first error, what comes before
        // it (where the cause may be, e.g. an unclosed `[`) and what follows.
        let first = errors.iter().min_by_key(|e| offset(e, from));
        let at = first.map_or(from, |e| offset(e, from));
        let k = (self.bounds.partition_point(|&b| b <= at).saturating_sub(1)).clamp(i, j - 1);
        let before = rep.len();
        for (x, y) in [(i, k), (k, k + 1), (k + 1, j)] {
            if x < y {
                self.parts(rep, x, y, out);
            }
        }
        // Each part is fine on its own: the records conflict (a table
        // defined twice); report that.
        if rep.len() == before {
            if let Some(e) = first {
                report_error(rep, self.file, from, e);
            }
        }
    }

    /// Takes every entry of a document that parsed without syntax errors.
    fn take_all(&mut self, rep: &mut Reporter, doc: DeTable<'_>, out: &mut Parsed) {
        for item in items(doc) {
            if matches!(item.what, ItemKind::Unknown(_)) && item.pos < self.root_end {
                if self.root_reported {
                    continue;
                }
                self.root_reported = true;
            }
            take(rep, self.file, item, out);
        }
    }
}

/// Where a parse error is (errors without a span are put at `start`).
fn offset(e: &toml::de::Error, start: usize) -> usize {
    e.span().map_or(start, |s| s.start.max(start))
}

/// Reports a parser or deserialiser error.
fn report_error(rep: &mut Reporter, file: usize, start: usize, e: &toml::de::Error) {
    let (code, help) = classify(e.message());
    rep.at(
        file,
        offset(e, start),
        code,
        e.message().trim().to_string(),
        help,
    );
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
        assert_eq!(p.records.actors.len(), 1);
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
}
