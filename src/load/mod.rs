//! Reading and validating the TOML dataset.
//!
//! Invariant: loading never stops at the first problem. Each file is cut into
//! its top-level records (`[[actor]]`, `[[place]]`, `[[agreement]]`,
//! `[[source]]`, `[[period]]`), each record is parsed on its own, and then every
//! reference, id, date and vocabulary value is checked; the caller gets the
//! dataset or the full list of [`Diagnostic`]s with file:line:column.
//!
//! The file format is separate from the model: `Raw*` types mirror the TOML
//! (with spans), [`crate::model`] types are what the rest of the crate uses.

use crate::error::{Diagnostic, Error, Result};
use crate::model::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A data file: the path shown in messages and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// The data files compiled into the binary (graph-data/ at build time).
pub fn embedded_files() -> Vec<SourceFile> {
    embedded::FILES
        .iter()
        .map(|(p, t)| SourceFile {
            path: (*p).to_string(),
            text: (*t).to_string(),
        })
        .collect()
}

/// Every `*.toml` file below `dir`, sorted by path.
pub fn read_dir_files(dir: &Path) -> Result<Vec<SourceFile>> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
        for e in std::fs::read_dir(dir)? {
            let p = e?.path();
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    if paths.is_empty() {
        return Err(Error::BadArgument(format!(
            "{} holds no .toml data files\n  help: point --data at a folder like graph-data/ (actors/, places/, agreements/, sources.toml, periods.toml)",
            dir.display()
        )));
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|source| Error::Io {
                path: p.display().to_string(),
                source,
            })?;
            Ok(SourceFile {
                path: p.display().to_string(),
                text,
            })
        })
        .collect()
}

/// Loads the embedded dataset.
pub fn load_embedded() -> Result<Dataset> {
    load_files(&embedded_files())
}

/// Loads `dir` if given, else the embedded dataset.
pub fn load(dir: Option<&Path>) -> Result<Dataset> {
    match dir {
        Some(d) => load_files(&read_dir_files(d)?),
        None => load_embedded(),
    }
}

/// Parses and validates files; all problems or the dataset.
pub fn load_files(files: &[SourceFile]) -> Result<Dataset> {
    let (ds, diags) = check_files(files);
    if diags.is_empty() {
        Ok(ds)
    } else {
        Err(Error::InvalidData(diags))
    }
}

// ---------------------------------------------------------------- raw format

type S = Spanned<String>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawChunk {
    #[serde(default)]
    actor: Vec<RawActor>,
    #[serde(default)]
    place: Vec<RawPlace>,
    #[serde(default)]
    agreement: Vec<RawAgreement>,
    #[serde(default)]
    source: Vec<RawDocument>,
    #[serde(default)]
    period: Vec<RawPeriod>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSourceRef {
    document: S,
    locator: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: S,
    name_en: String,
    name_ar: String,
    #[serde(default)]
    aliases: Vec<String>,
    kind: S,
    alignment: S,
    parent: Option<S>,
    place: Option<S>,
    note: Option<String>,
    #[serde(default)]
    sources: Vec<RawSourceRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    id: S,
    name_en: String,
    name_ar: String,
    #[serde(default)]
    aliases: Vec<String>,
    kind: S,
    parent: Option<S>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    id: S,
    title_ar: String,
    title_en: String,
    date: Option<S>,
    kind: String,
    file: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    id: S,
    name_en: String,
    name_ar: String,
    from: Option<S>,
    to: Option<S>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParticipant {
    actor: S,
    role: S,
    side: Option<S>,
    locator: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    code: S,
    count: Option<u64>,
    destination: Option<S>,
    locator: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReading {
    date: S,
    document: S,
    locator: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAgreement {
    id: S,
    title: String,
    title_ar: Option<String>,
    date: S,
    #[serde(default)]
    date_readings: Vec<RawReading>,
    date_note: Option<String>,
    #[serde(default)]
    places: Vec<S>,
    kind: S,
    phase: Option<u32>,
    follows: Option<S>,
    status: S,
    #[serde(default)]
    participants: Vec<RawParticipant>,
    #[serde(default)]
    terms: Vec<RawTerm>,
    #[serde(default)]
    sources: Vec<RawSourceRef>,
    note: Option<String>,
}

// ---------------------------------------------------------------- positions

/// Maps byte offsets of one file to line:column.
struct Locator<'a> {
    path: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Locator {
            path,
            text,
            line_starts,
        }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line + 1, col)
    }

    fn diag(&self, offset: usize, code: &'static str, message: String, help: String) -> Diagnostic {
        let (line, column) = self.line_col(offset);
        Diagnostic {
            file: self.path.to_string(),
            line,
            column,
            code,
            message,
            help,
        }
    }
}

/// Splits a file into chunks that each begin at a top-level table header
/// (`[[agreement]]`, `[source]`, ...); dotted headers stay in their chunk.
fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') && offset > 0 {
            let header = t.trim_start_matches('[');
            let name_end = header.find(']').unwrap_or(header.len());
            let name = header[..name_end].trim();
            if !name.is_empty() && !name.contains('.') && !name.contains('"') {
                starts.push(offset);
            }
        }
        offset += line.len();
    }
    starts.dedup();
    let mut out: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    out.push(*starts.last().unwrap_or(&0)..text.len());
    out
}

// ---------------------------------------------------------------- checking

/// Spans are absolute byte offsets into the record's file.
struct At {
    file: usize,
    offset: usize,
}

struct Pending {
    actors: Vec<(usize, RawActor)>,
    places: Vec<(usize, RawPlace)>,
    agreements: Vec<(usize, RawAgreement)>,
    documents: Vec<(usize, RawDocument)>,
    periods: Vec<(usize, RawPeriod)>,
    /// Ids of records that failed to parse, by record type (`actor`, ...):
    /// still known, so references to them do not cascade into more errors.
    broken_ids: Vec<(String, String)>,
}

fn shift(s: &mut S, by: usize) {
    let span = s.span();
    let v = std::mem::take(s.get_mut());
    *s = Spanned::new(span.start + by..span.end + by, v);
}

fn shift_opt(s: &mut Option<S>, by: usize) {
    if let Some(s) = s {
        shift(s, by);
    }
}

fn shift_refs(v: &mut [RawSourceRef], by: usize) {
    for r in v {
        shift(&mut r.document, by);
    }
}

/// A kebab-case id: lower-case ASCII letters and digits joined by single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

struct Checker<'a> {
    locators: Vec<Locator<'a>>,
    diags: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn report(&mut self, at: At, code: &'static str, message: String, help: impl Into<String>) {
        let d = self.locators[at.file].diag(at.offset, code, message, help.into());
        self.diags.push(d);
    }

    fn at(file: usize, s: &S) -> At {
        At {
            file,
            offset: s.span().start,
        }
    }

    fn vocab<T: Vocabulary>(&mut self, file: usize, s: &S) -> Option<T> {
        let v = T::from_text(s.get_ref());
        if v.is_none() {
            self.report(
                Self::at(file, s),
                "bad-value",
                format!("'{}' is not a known {}", s.get_ref(), T::NAME),
                format!("use one of: {} (see docs/codebook.md)", T::spellings()),
            );
        }
        v
    }

    fn date(&mut self, file: usize, s: &S) -> Option<FuzzyDate> {
        match FuzzyDate::parse(s.get_ref()) {
            Ok(d) => Some(d),
            Err(e) => {
                self.report(
                    Self::at(file, s),
                    "bad-date",
                    format!("impossible date '{}': {e}", s.get_ref()),
                    "write YYYY-MM-DD, YYYY-MM or YYYY, optionally after early/mid/late, or a span A..B",
                );
                None
            }
        }
    }

    fn reference(
        &mut self,
        file: usize,
        s: &S,
        what: &str,
        known: &HashMap<String, ()>,
        keys: &[&str],
    ) {
        if !known.contains_key(s.get_ref()) {
            let mut scored: Vec<(usize, &&str)> = keys
                .iter()
                .map(|k| (crate::names::edit_distance(k, s.get_ref()), k))
                .collect();
            scored.sort();
            let closest: Vec<&str> = scored.iter().take(3).map(|(_, k)| **k).collect();
            let help = if closest.is_empty() {
                format!("define {} {what} with this id first", article(what))
            } else {
                format!(
                    "define {} {what} with this id, or use an existing one (closest: {})",
                    article(what),
                    closest.join(", ")
                )
            };
            self.report(
                Self::at(file, s),
                "unknown-id",
                format!("unknown {what} id '{}'", s.get_ref()),
                help,
            );
        }
    }

    fn id(&mut self, file: usize, s: &S, what: &str, seen: &mut HashMap<String, (usize, usize)>) {
        let id = s.get_ref();
        if !is_valid_id(id) {
            self.report(
                Self::at(file, s),
                "bad-id",
                format!("{what} id '{id}' is not kebab-case"),
                "ids use lower-case ASCII letters, digits and single hyphens, e.g. jaish-al-islam",
            );
        }
        if let Some(&(f, off)) = seen.get(id) {
            let (line, _) = self.locators[f].line_col(off);
            let first = format!("{}:{}", self.locators[f].path, line);
            self.report(
                Self::at(file, s),
                "duplicate-id",
                format!("{what} id '{id}' is defined twice (first at {first})"),
                "give one of the two records another id, or merge them",
            );
        } else {
            seen.insert(id.to_string(), (file, s.span().start));
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// A raw record with an id.
trait HasId {
    fn id(&self) -> &S;
}

macro_rules! has_id {
    ($($t:ty),+) => { $(impl HasId for $t { fn id(&self) -> &S { &self.id } })+ };
}
has_id!(RawActor, RawPlace, RawDocument, RawPeriod, RawAgreement);

/// Checks that the records' ids are kebab-case and unique.
fn check_ids<T: HasId>(ck: &mut Checker, records: &[(usize, T)], what: &str) {
    let mut seen = HashMap::new();
    for (f, r) in records {
        ck.id(*f, r.id(), what, &mut seen);
    }
}

/// The ids of a record list, in file order.
fn id_list<T: HasId>(records: &[(usize, T)]) -> Vec<&str> {
    records
        .iter()
        .map(|(_, r)| r.id().get_ref().as_str())
        .collect()
}

/// Parses and validates; returns what could be built and every problem found.
pub fn check_files(files: &[SourceFile]) -> (Dataset, Vec<Diagnostic>) {
    let mut ck = Checker {
        locators: files
            .iter()
            .map(|f| Locator::new(&f.path, &f.text))
            .collect(),
        diags: Vec::new(),
    };
    let mut p = Pending {
        actors: vec![],
        places: vec![],
        agreements: vec![],
        documents: vec![],
        periods: vec![],
        broken_ids: vec![],
    };

    // 1. Parse every record of every file.
    for (fi, f) in files.iter().enumerate() {
        for range in chunks(&f.text) {
            let by = range.start;
            let chunk = &f.text[range];
            match toml::from_str::<RawChunk>(chunk) {
                Ok(mut c) => {
                    for mut a in c.actor.drain(..) {
                        shift(&mut a.id, by);
                        shift(&mut a.kind, by);
                        shift(&mut a.alignment, by);
                        shift_opt(&mut a.parent, by);
                        shift_opt(&mut a.place, by);
                        shift_refs(&mut a.sources, by);
                        p.actors.push((fi, a));
                    }
                    for mut x in c.place.drain(..) {
                        shift(&mut x.id, by);
                        shift(&mut x.kind, by);
                        shift_opt(&mut x.parent, by);
                        p.places.push((fi, x));
                    }
                    for mut d in c.source.drain(..) {
                        shift(&mut d.id, by);
                        shift_opt(&mut d.date, by);
                        p.documents.push((fi, d));
                    }
                    for mut x in c.period.drain(..) {
                        shift(&mut x.id, by);
                        shift_opt(&mut x.from, by);
                        shift_opt(&mut x.to, by);
                        p.periods.push((fi, x));
                    }
                    for mut a in c.agreement.drain(..) {
                        shift(&mut a.id, by);
                        shift(&mut a.date, by);
                        shift(&mut a.kind, by);
                        shift(&mut a.status, by);
                        shift_opt(&mut a.follows, by);
                        for r in &mut a.date_readings {
                            shift(&mut r.date, by);
                            shift(&mut r.document, by);
                        }
                        for s in &mut a.places {
                            shift(s, by);
                        }
                        for x in &mut a.participants {
                            shift(&mut x.actor, by);
                            shift(&mut x.role, by);
                            shift_opt(&mut x.side, by);
                        }
                        for t in &mut a.terms {
                            shift(&mut t.code, by);
                            shift_opt(&mut t.destination, by);
                        }
                        shift_refs(&mut a.sources, by);
                        p.agreements.push((fi, a));
                    }
                }
                Err(e) => {
                    let offset = by + e.span().map_or(0, |s| s.start);
                    let msg = e.message().trim().to_string();
                    let (code, help) = if msg.starts_with("unknown field") {
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
                    };
                    ck.report(At { file: fi, offset }, code, msg, help);
                    if let Ok(table) = toml::from_str::<toml::Table>(chunk) {
                        for (kind, v) in table {
                            for rec in v.as_array().into_iter().flatten() {
                                if let Some(id) = rec.get("id").and_then(|x| x.as_str()) {
                                    p.broken_ids.push((kind.clone(), id.to_string()));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // 2. Ids: kebab-case and unique per kind.
    check_ids(&mut ck, &p.actors, "actor");
    check_ids(&mut ck, &p.places, "place");
    check_ids(&mut ck, &p.documents, "source document");
    check_ids(&mut ck, &p.periods, "period");
    check_ids(&mut ck, &p.agreements, "agreement");

    // Known ids per record type (including those of records that failed to
    // parse, so references to them do not cascade) and the candidate lists
    // for "closest" suggestions.
    let broken_ids = std::mem::take(&mut p.broken_ids);
    let known = |ids: &[&str], kind: &str| -> HashMap<String, ()> {
        ids.iter()
            .map(|s| (s.to_string(), ()))
            .chain(
                broken_ids
                    .iter()
                    .filter(|(k, _)| k == kind)
                    .map(|(_, id)| (id.clone(), ())),
            )
            .collect()
    };
    let ak = id_list(&p.actors);
    let pk = id_list(&p.places);
    let dk = id_list(&p.documents);
    let gk = id_list(&p.agreements);
    let actor_ids = known(&ak, "actor");
    let place_ids = known(&pk, "place");
    let doc_ids = known(&dk, "source");
    let agr_ids = known(&gk, "agreement");

    let mut ds = Dataset::default();

    // 3. Documents and periods.
    for (f, d) in &p.documents {
        let date = d.date.as_ref().and_then(|s| ck.date(*f, s));
        ds.documents
            .entry(d.id.get_ref().clone())
            .or_insert(Document {
                id: d.id.get_ref().clone(),
                title_ar: d.title_ar.clone(),
                title_en: d.title_en.clone(),
                date,
                kind: d.kind.clone(),
                file: d.file.clone(),
                note: d.note.clone(),
            });
    }
    for (f, x) in &p.periods {
        let mut bound = |s: &Option<S>, end: bool| -> Option<Day> {
            let s = s.as_ref()?;
            match crate::model::date::parse_bound(s.get_ref(), end) {
                Ok(d) => Some(d),
                Err(e) => {
                    ck.report(
                        Checker::at(*f, s),
                        "bad-date",
                        format!("impossible period bound '{}': {e}", s.get_ref()),
                        "write YYYY-MM-DD (or YYYY-MM, YYYY)",
                    );
                    None
                }
            }
        };
        let from = bound(&x.from, false);
        let to = bound(&x.to, true);
        if let (Some(a), Some(b), Some(s)) = (from, to, x.to.as_ref()) {
            if b < a {
                ck.report(
                    Checker::at(*f, s),
                    "bad-date",
                    format!(
                        "period '{}' ends ({b}) before it starts ({a})",
                        x.id.get_ref()
                    ),
                    "swap or correct the bounds",
                );
            }
        }
        ds.periods.entry(x.id.get_ref().clone()).or_insert(Period {
            id: x.id.get_ref().clone(),
            name_en: x.name_en.clone(),
            name_ar: x.name_ar.clone(),
            from,
            to,
            note: x.note.clone(),
        });
    }

    // 4. Places and the hierarchy.
    let mut place_parent: BTreeMap<String, (usize, S)> = BTreeMap::new();
    for (f, x) in &p.places {
        let kind = ck.vocab::<PlaceKind>(*f, &x.kind);
        if let Some(par) = &x.parent {
            ck.reference(*f, par, "place", &place_ids, &pk);
            place_parent.insert(x.id.get_ref().clone(), (*f, par.clone()));
        }
        if let Some(kind) = kind {
            ds.places.entry(x.id.get_ref().clone()).or_insert(Place {
                id: x.id.get_ref().clone(),
                name_en: x.name_en.clone(),
                name_ar: x.name_ar.clone(),
                aliases: x.aliases.clone(),
                kind,
                parent: x.parent.as_ref().map(|s| s.get_ref().clone()),
                note: x.note.clone(),
            });
        }
    }
    report_cycles(&mut ck, &place_parent, "place");

    // 5. Actors.
    let mut actor_parent: BTreeMap<String, (usize, S)> = BTreeMap::new();
    for (f, a) in &p.actors {
        let kind = ck.vocab::<ActorKind>(*f, &a.kind);
        let alignment = ck.vocab::<Alignment>(*f, &a.alignment);
        if let Some(par) = &a.parent {
            ck.reference(*f, par, "actor", &actor_ids, &ak);
            actor_parent.insert(a.id.get_ref().clone(), (*f, par.clone()));
        }
        if let Some(pl) = &a.place {
            ck.reference(*f, pl, "place", &place_ids, &pk);
        }
        for r in &a.sources {
            ck.reference(*f, &r.document, "source document", &doc_ids, &dk);
        }
        if let (Some(kind), Some(alignment)) = (kind, alignment) {
            ds.actors.entry(a.id.get_ref().clone()).or_insert(Actor {
                id: a.id.get_ref().clone(),
                name_en: a.name_en.clone(),
                name_ar: a.name_ar.clone(),
                aliases: a.aliases.clone(),
                kind,
                alignment,
                parent: a.parent.as_ref().map(|s| s.get_ref().clone()),
                place: a.place.as_ref().map(|s| s.get_ref().clone()),
                note: a.note.clone(),
                sources: a
                    .sources
                    .iter()
                    .map(|r| SourceRef {
                        document: r.document.get_ref().clone(),
                        locator: r.locator.clone(),
                    })
                    .collect(),
            });
        }
    }
    report_cycles(&mut ck, &actor_parent, "actor");

    // 6. Agreements.
    let mut follows: BTreeMap<String, (usize, S)> = BTreeMap::new();
    for (f, a) in &p.agreements {
        let f = *f;
        let date = ck.date(f, &a.date);
        let kind = ck.vocab::<AgreementKind>(f, &a.kind);
        let status = ck.vocab::<Status>(f, &a.status);
        let mut readings = Vec::new();
        for r in &a.date_readings {
            ck.reference(f, &r.document, "source document", &doc_ids, &dk);
            if let Some(d) = ck.date(f, &r.date) {
                readings.push(DateReading {
                    date: d,
                    document: r.document.get_ref().clone(),
                    locator: r.locator.clone(),
                    note: r.note.clone(),
                });
            }
        }
        for s in &a.places {
            ck.reference(f, s, "place", &place_ids, &pk);
        }
        if a.places.is_empty() {
            ck.report(
                Checker::at(f, &a.id),
                "missing",
                format!("agreement '{}' names no place", a.id.get_ref()),
                "add places = [\"...\"] with at least one place id (a country or zone for international frameworks)",
            );
        }
        if let Some(s) = &a.follows {
            ck.reference(f, s, "agreement", &agr_ids, &gk);
            follows.insert(a.id.get_ref().clone(), (f, s.clone()));
        }
        if a.sources.is_empty() {
            ck.report(
                Checker::at(f, &a.id),
                "missing",
                format!("agreement '{}' cites no source", a.id.get_ref()),
                "add sources = [{ document = \"study-2018\", locator = \"...\" }]",
            );
        }
        for r in &a.sources {
            ck.reference(f, &r.document, "source document", &doc_ids, &dk);
        }
        let mut participants = Vec::new();
        for x in &a.participants {
            ck.reference(f, &x.actor, "actor", &actor_ids, &ak);
            let role = ck.vocab::<Role>(f, &x.role);
            let side = x.side.as_ref().and_then(|s| ck.vocab::<Side>(f, s));
            if role == Some(Role::Signatory) && x.side.is_none() {
                ck.report(
                    Checker::at(f, &x.actor),
                    "missing",
                    format!("signatory '{}' has no side", x.actor.get_ref()),
                    "add side = \"regime\", \"opposition\" or \"neutral\": signing edges join signatories of opposite sides",
                );
            }
            if let Some(role) = role {
                participants.push(Participant {
                    actor: x.actor.get_ref().clone(),
                    role,
                    side,
                    locator: x.locator.clone(),
                    note: x.note.clone(),
                });
            }
        }
        let mut terms = Vec::new();
        for t in &a.terms {
            if let Some(d) = &t.destination {
                ck.reference(f, d, "place", &place_ids, &pk);
            }
            if let Some(code) = ck.vocab::<TermCode>(f, &t.code) {
                terms.push(Term {
                    code,
                    count: t.count,
                    destination: t.destination.as_ref().map(|s| s.get_ref().clone()),
                    locator: t.locator.clone(),
                    note: t.note.clone(),
                });
            }
        }
        if let (Some(date), Some(kind), Some(status)) = (date, kind, status) {
            ds.agreements
                .entry(a.id.get_ref().clone())
                .or_insert(Agreement {
                    id: a.id.get_ref().clone(),
                    title: a.title.clone(),
                    title_ar: a.title_ar.clone(),
                    date,
                    date_readings: readings,
                    date_note: a.date_note.clone(),
                    places: a.places.iter().map(|s| s.get_ref().clone()).collect(),
                    kind,
                    phase: a.phase,
                    follows: a.follows.as_ref().map(|s| s.get_ref().clone()),
                    status,
                    participants,
                    terms,
                    sources: a
                        .sources
                        .iter()
                        .map(|r| SourceRef {
                            document: r.document.get_ref().clone(),
                            locator: r.locator.clone(),
                        })
                        .collect(),
                    note: a.note.clone(),
                });
        }
    }
    report_cycles(&mut ck, &follows, "agreement (follows)");

    let mut diags = ck.diags;
    diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    diags.dedup();
    (ds, diags)
}

/// Reports each cycle in a parent relation once, at the edge that closes it.
fn report_cycles(ck: &mut Checker, parent: &BTreeMap<String, (usize, S)>, what: &str) {
    let mut reported: Vec<String> = Vec::new();
    for start in parent.keys() {
        let mut path = vec![start.clone()];
        let mut cur = start.clone();
        while let Some((f, next)) = parent.get(&cur) {
            let next_id = next.get_ref().clone();
            if let Some(pos) = path.iter().position(|x| *x == next_id) {
                let cycle: Vec<String> = path[pos..].to_vec();
                let mut key = cycle.clone();
                key.sort();
                let key = key.join(",");
                if !reported.contains(&key) {
                    reported.push(key);
                    let mut shown = cycle.clone();
                    shown.push(next_id.clone());
                    ck.report(
                        Checker::at(*f, next),
                        "cycle",
                        format!("the {what} hierarchy has a cycle: {}", shown.join(" -> ")),
                        "a record cannot be its own ancestor; point one parent higher up",
                    );
                }
                break;
            }
            path.push(next_id.clone());
            cur = next_id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Vec<SourceFile> {
        vec![SourceFile {
            path: "t.toml".into(),
            text: text.into(),
        }]
    }

    const BASE: &str = r#"
[[source]]
id = "doc"
title_ar = "وثيقة"
title_en = "Doc"
kind = "study"

[[place]]
id = "syria"
name_en = "Syria"
name_ar = "سورية"
kind = "country"

[[place]]
id = "douma"
name_en = "Douma"
name_ar = "دوما"
kind = "city"
parent = "syria"

[[actor]]
id = "a"
name_en = "A"
name_ar = "أ"
kind = "armed-faction"
alignment = "opposition"

[[actor]]
id = "b"
name_en = "B"
name_ar = "ب"
kind = "reconciliation-centre"
alignment = "regime-ally"
"#;

    #[test]
    fn valid_file_loads() {
        let text = format!(
            "{BASE}\n[[agreement]]\nid = \"x\"\ntitle = \"X\"\ndate = \"2018-04-01\"\nplaces = [\"douma\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nparticipants = [{{ actor = \"a\", role = \"signatory\", side = \"opposition\" }}, {{ actor = \"b\", role = \"signatory\", side = \"regime\" }}]\nsources = [{{ document = \"doc\", locator = \"s1\" }}]\n"
        );
        let ds = load_files(&file(&text)).unwrap();
        assert_eq!(ds.agreements.len(), 1);
        assert_eq!(ds.place_and_descendants("syria").len(), 2);
    }

    #[test]
    fn all_problems_reported_with_positions() {
        let text = format!(
            "{BASE}\n[[agreement]]\nid = \"x\"\ntitle = \"X\"\ndate = \"2018-02-30\"\nplaces = [\"dooma\"]\nkind = \"final-settlement\"\nstatus = \"implemented\"\nparticipants = [{{ actor = \"zz\", role = \"boss\", side = \"opposition\" }}]\nsources = [{{ document = \"doc\", locator = \"s1\" }}]\n\n[[actor]]\nid = \"a\"\nname_en = \"A2\"\nname_ar = \"أ\"\nkind = \"armed-faction\"\nalignment = \"opposition\"\ncolour = \"red\"\n"
        );
        let (_, d) = check_files(&file(&text));
        let codes: Vec<&str> = d.iter().map(|x| x.code).collect();
        assert!(codes.contains(&"bad-date"), "{codes:?}");
        assert!(codes.contains(&"unknown-id"), "{codes:?}");
        assert!(codes.contains(&"bad-value"), "{codes:?}");
        assert!(codes.contains(&"unknown-field"), "{codes:?}");
        let date = d.iter().find(|x| x.code == "bad-date").unwrap();
        let line = text.lines().position(|l| l.contains("2018-02-30")).unwrap() + 1;
        assert_eq!((date.line, date.column), (line, 8));
        let place = d.iter().find(|x| x.message.contains("dooma")).unwrap();
        assert!(place.help.contains("douma"), "{}", place.help);
    }

    #[test]
    fn duplicates_and_cycles() {
        let text = format!(
            "{BASE}\n[[place]]\nid = \"douma\"\nname_en = \"D\"\nname_ar = \"د\"\nkind = \"city\"\n\n[[place]]\nid = \"p1\"\nname_en = \"P1\"\nname_ar = \"ب\"\nkind = \"area\"\nparent = \"p2\"\n\n[[place]]\nid = \"p2\"\nname_en = \"P2\"\nname_ar = \"ب\"\nkind = \"area\"\nparent = \"p1\"\n"
        );
        let (_, d) = check_files(&file(&text));
        assert_eq!(d.iter().filter(|x| x.code == "duplicate-id").count(), 1);
        assert_eq!(d.iter().filter(|x| x.code == "cycle").count(), 1);
        assert!(d
            .iter()
            .any(|x| x.message.contains("p1 -> p2 -> p1") || x.message.contains("p2 -> p1 -> p2")));
    }

    #[test]
    fn syntax_error_in_one_record_does_not_hide_others() {
        let text = format!("{BASE}\n[[actor]]\nid = \"c\nname_en = 1\n\n[[actor]]\nid = \"Bad Id\"\nname_en = \"X\"\nname_ar = \"س\"\nkind = \"state\"\nalignment = \"regime\"\n");
        let (ds, d) = check_files(&file(&text));
        assert!(d.iter().any(|x| x.code == "syntax"));
        assert!(d.iter().any(|x| x.code == "bad-id"));
        assert_eq!(ds.actors.len(), 3);
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("jaish-al-islam"));
        assert!(is_valid_id("unsc-2401"));
        assert!(!is_valid_id("Jaish"));
        assert!(!is_valid_id("a--b"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id(""));
    }

    #[test]
    fn chunking_keeps_dotted_headers_inside() {
        let text = "[[a]]\nx=1\n[a.b]\ny=2\n[[c]]\n";
        let c = chunks(text);
        assert_eq!(c.len(), 2);
        assert_eq!(&text[c[1].clone()], "[[c]]\n");
    }
}
