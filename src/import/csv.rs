//! `musalaha import csv`: a folder of CSV tables → graph-data TOML.
//!
//! The tables and their columns are the ones `musalaha export csv` writes
//! ([`crate::export::csv::columns`], docs/formats.md): `actors.csv`,
//! `places.csv`, `documents.csv`, `periods.csv`, `agreements.csv`,
//! `participations.csv`, `terms.csv`, `sources.csv` and `date-readings.csv`;
//! `nodes.csv` and `edges.csv` are derived from the others and not read.
//! Every file is optional, and so is every column but the ones a record
//! cannot do without ([`REQUIRED`]); columns derived from others
//! (`date_start`, `date_end`, `date_precision` of agreements, `date` of
//! participations) are checked when filled, never needed.
//!
//! Conversion first reads the tables (UTF-8, a byte-order mark allowed;
//! RFC 4180), checks what only the tables can say (encoding, columns,
//! numbers, which agreement a participant, term, citation or date reading
//! belongs to, duplicates), then writes the TOML and validates it with the
//! loader, whose every diagnostic is mapped back to the cell it came from.
//! So all problems come at once, each as `file.csv:ROW:COLUMN`, where ROW
//! is the spreadsheet row (the header is row 1) and COLUMN counts from 1
//! (A).

use super::toml::{string, strings, Cell, Doc, Line};
use crate::error::{Diagnostic, Error, Result};
use crate::export::csv::columns;
use crate::load::SourceFile;
use crate::model::{Dataset, FuzzyDate, Role};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// The tables import reads, in the order they are read.
pub const TABLES: &[&str] = &[
    "actors.csv",
    "places.csv",
    "documents.csv",
    "periods.csv",
    "agreements.csv",
    "participations.csv",
    "terms.csv",
    "sources.csv",
    "date-readings.csv",
];

/// The columns a table must have.
pub const REQUIRED: &[(&str, &[&str])] = &[
    (
        "actors.csv",
        &["id", "name_en", "name_ar", "kind", "alignment"],
    ),
    ("places.csv", &["id", "name_en", "name_ar", "kind"]),
    ("documents.csv", &["id", "title_en", "title_ar", "kind"]),
    ("periods.csv", &["id", "name_en", "name_ar"]),
    ("agreements.csv", &["id", "title", "date", "kind", "status"]),
    ("participations.csv", &["actor", "agreement", "role"]),
    ("terms.csv", &["agreement", "code"]),
    (
        "sources.csv",
        &["record_type", "record_id", "document", "locator"],
    ),
    (
        "date-readings.csv",
        &["agreement", "date", "document", "locator"],
    ),
];

fn all_columns(table: &str) -> &'static [&'static str] {
    match table {
        "actors.csv" => columns::ACTORS,
        "places.csv" => columns::PLACES,
        "documents.csv" => columns::DOCUMENTS,
        "periods.csv" => columns::PERIODS,
        "agreements.csv" => columns::AGREEMENTS,
        "participations.csv" => columns::PARTICIPATIONS,
        "terms.csv" => columns::TERMS,
        "sources.csv" => columns::SOURCES,
        _ => columns::DATE_READINGS,
    }
}

fn required(table: &str) -> &'static [&'static str] {
    REQUIRED
        .iter()
        .find(|(t, _)| *t == table)
        .map_or(&[], |(_, c)| c)
}

/// A CSV file of the folder: its name (one of [`TABLES`]) and bytes.
#[derive(Debug, Clone)]
pub struct CsvFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// Reads the tables of [`TABLES`] that exist in `dir`.
pub fn read_folder(dir: &Path) -> Result<Vec<CsvFile>> {
    if !dir.is_dir() {
        return Err(Error::Io {
            path: dir.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder"),
        });
    }
    let mut out = Vec::new();
    for name in TABLES {
        let p = dir.join(name);
        if p.exists() {
            let bytes = std::fs::read(&p).map_err(|source| Error::Io {
                path: p.display().to_string(),
                source,
            })?;
            out.push(CsvFile { name, bytes });
        }
    }
    if out.is_empty() {
        return Err(Error::NoCsvFiles {
            dir: dir.display().to_string(),
        });
    }
    Ok(out)
}

/// What a conversion gives: the TOML files (paths relative to the output
/// folder) and the dataset they load as.
#[derive(Debug, Clone)]
pub struct Converted {
    pub files: Vec<SourceFile>,
    pub dataset: Dataset,
}

/// A parsed table.
struct Sheet {
    file: &'static str,
    /// Column name → 1-based column number.
    cols: HashMap<String, usize>,
    /// (spreadsheet row, cells).
    rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    fn empty(file: &'static str) -> Sheet {
        Sheet {
            file,
            cols: HashMap::new(),
            rows: Vec::new(),
        }
    }

    /// The cell of a row and column (column 1 when the table lacks it).
    fn cell(&self, row: usize, col: &str) -> Cell {
        Cell {
            file: self.file,
            row,
            column: self.cols.get(col).copied().unwrap_or(1),
        }
    }
}

/// One row, read by column name.
struct Row<'a> {
    sheet: &'a Sheet,
    row: usize,
    cells: &'a [String],
}

impl<'a> Row<'a> {
    /// The cell's text as it is (free text).
    fn text(&self, col: &str) -> &'a str {
        self.sheet
            .cols
            .get(col)
            .and_then(|&c| self.cells.get(c - 1))
            .map_or("", String::as_str)
    }

    /// The cell's text trimmed (ids, codes, dates, numbers).
    fn code(&self, col: &str) -> &'a str {
        self.text(col).trim()
    }

    /// A `;`-separated list, each item trimmed, empty items dropped.
    fn list(&self, col: &str) -> Vec<String> {
        self.text(col)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    fn cell(&self, col: &str) -> Cell {
        self.sheet.cell(self.row, col)
    }
}

/// Collects diagnostics in the spreadsheet's terms.
struct Problems {
    dir: String,
    list: Vec<(Cell, &'static str, String, String)>,
}

impl Problems {
    fn add(
        &mut self,
        cell: Cell,
        code: &'static str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.list.push((cell, code, message.into(), help.into()));
    }

    fn diagnostics(mut self) -> Vec<Diagnostic> {
        self.list.sort_by(|a, b| a.0.cmp(&b.0));
        self.list
            .dedup_by(|a, b| a.0 == b.0 && a.1 == b.1 && a.2 == b.2);
        self.list
            .into_iter()
            .map(|(cell, code, message, help)| Diagnostic {
                file: shown(&self.dir, cell.file),
                line: cell.row,
                column: cell.column,
                code,
                message,
                help,
            })
            .collect()
    }
}

fn shown(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        Path::new(dir).join(file).display().to_string()
    }
}

/// Line and character column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn parse_sheet(f: &CsvFile, p: &mut Problems) -> Option<Sheet> {
    let at = |row, column| Cell {
        file: f.name,
        row,
        column,
    };
    let text = match std::str::from_utf8(&f.bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = std::str::from_utf8(&f.bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = position(good, good.len());
            p.add(
                at(line, column),
                "encoding",
                format!("{} is not UTF-8 text", f.name),
                "save it as \"CSV UTF-8\" (Excel) or with the character set Unicode (UTF-8) (LibreOffice)",
            );
            return None;
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        None => return Some(Sheet::empty(f.name)),
        Some(Ok(r)) => r.iter().map(|h| h.trim().to_string()).collect(),
        Some(Err(e)) => {
            p.add(
                at(1, 1),
                "syntax",
                format!("cannot read the header: {e}"),
                "",
            );
            return None;
        }
    };
    let known = all_columns(f.name);
    let mut cols = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        if !known.contains(&h.as_str()) {
            p.add(
                at(1, i + 1),
                "unknown-field",
                format!("unknown column '{h}' in {}", f.name),
                format!("remove or rename it; the columns are: {}", known.join(", ")),
            );
        } else if cols.insert(h.clone(), i + 1).is_some() {
            p.add(
                at(1, i + 1),
                "duplicate-id",
                format!("column '{h}' appears twice"),
                "keep one of them",
            );
        }
    }
    let mut missing = false;
    for c in required(f.name) {
        if !cols.contains_key(*c) {
            p.add(
                at(1, 1),
                "missing",
                format!("{} has no column '{c}'", f.name),
                format!("add it; {} needs {}", f.name, required(f.name).join(", ")),
            );
            missing = true;
        }
    }
    let mut rows = Vec::new();
    for (i, r) in records.enumerate() {
        let row = i + 2;
        match r {
            Err(e) => p.add(
                at(row, 1),
                "syntax",
                format!("cannot read the row: {e}"),
                "",
            ),
            Ok(r) => {
                let cells: Vec<String> = r.iter().map(String::from).collect();
                if cells.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if cells.len() != header.len() {
                    p.add(
                        at(row, cells.len().min(header.len()) + 1),
                        "syntax",
                        format!(
                            "the row has {} cells but the header has {}",
                            cells.len(),
                            header.len()
                        ),
                        "check for a missing or extra comma, or an unclosed quote",
                    );
                    continue;
                }
                rows.push((row, cells));
            }
        }
    }
    if missing {
        return None;
    }
    Some(Sheet {
        file: f.name,
        cols,
        rows,
    })
}

fn closest<'a>(ids: impl IntoIterator<Item = &'a String>, to: &str) -> String {
    let mut scored: Vec<(usize, &String)> = ids
        .into_iter()
        .map(|k| (crate::names::edit_distance(k, to), k))
        .collect();
    scored.sort();
    scored
        .iter()
        .take(3)
        .map(|(_, k)| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows of a table, skipping those whose id repeats an earlier one (which
/// is reported).
fn unique_rows<'a>(
    sheet: &'a Sheet,
    key: &str,
    what: &str,
    p: &mut Problems,
) -> (Vec<Row<'a>>, BTreeSet<String>) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (row, cells) in &sheet.rows {
        let r = Row {
            sheet,
            row: *row,
            cells,
        };
        let id = r.code(key).to_string();
        if !id.is_empty() {
            if let Some(first) = seen.get(&id) {
                p.add(
                    r.cell(key),
                    "duplicate-id",
                    format!("{what} id '{id}' is defined twice (first at row {first})"),
                    "give one of the two rows another id, or merge them",
                );
                continue;
            }
            seen.insert(id, *row);
        }
        out.push(r);
    }
    let ids = seen.into_keys().collect();
    (out, ids)
}

fn rows(sheet: &Sheet) -> impl Iterator<Item = Row<'_>> {
    sheet.rows.iter().map(move |(row, cells)| Row {
        sheet,
        row: *row,
        cells,
    })
}

/// Writes `key = "text"` on its own line when the cell is not empty.
fn opt_text(doc: &mut Doc, r: &Row, key: &str, col: &str, trim: bool) {
    let v = if trim { r.code(col) } else { r.text(col) };
    if !v.is_empty() {
        doc.line(&format!("{key} = {}", string(v)), r.cell(col));
    }
}

fn req_text(doc: &mut Doc, r: &Row, key: &str, col: &str, trim: bool, p: &mut Problems) {
    let v = if trim { r.code(col) } else { r.text(col) };
    if !trim && v.trim().is_empty() {
        p.add(
            r.cell(col),
            "missing",
            format!("{col} is empty"),
            format!("fill in {col}: {} needs it", r.sheet.file),
        );
    }
    doc.line(&format!("{key} = {}", string(v)), r.cell(col));
}

fn list_line(doc: &mut Doc, r: &Row, key: &str, col: &str) {
    let v = r.list(col);
    if !v.is_empty() {
        doc.line(&format!("{key} = {}", strings(&v)), r.cell(col));
    }
}

/// Parses a whole number cell; reports it when it is not one.
fn number<T: std::str::FromStr>(r: &Row, col: &str, p: &mut Problems) -> Option<T> {
    let v = r.code(col);
    if v.is_empty() {
        return None;
    }
    match v.parse::<T>() {
        Ok(n) => Some(n),
        Err(_) => {
            p.add(
                r.cell(col),
                "bad-value",
                format!("{col} '{v}' is not a whole number"),
                format!("write {col} as digits (0, 1, 2, …) or leave it empty"),
            );
            None
        }
    }
}

fn header_comment(doc: &mut Doc, from: &str) {
    doc.plain(&format!("# Written by `musalaha import csv` from {from}."));
    doc.plain("# Edit the tables and import them again, or edit this file and check it with");
    doc.plain("# `musalaha validate --data DIR`.");
}

/// Converts the tables to TOML and validates it; `dir` names the folder in
/// messages. Returns the files, or every problem as a diagnostic.
pub fn convert(files: &[CsvFile], dir: &str) -> Result<Converted> {
    let mut p = Problems {
        dir: dir.to_string(),
        list: Vec::new(),
    };
    let mut sheets: BTreeMap<&str, Sheet> = BTreeMap::new();
    for name in TABLES {
        let sheet = files
            .iter()
            .find(|f| f.name == *name)
            .and_then(|f| parse_sheet(f, &mut p))
            .unwrap_or_else(|| Sheet::empty(name));
        sheets.insert(name, sheet);
    }
    let sheet = |n: &str| &sheets[n];

    let (places, _) = unique_rows(sheet("places.csv"), "id", "place", &mut p);
    let (documents, _) = unique_rows(sheet("documents.csv"), "id", "source document", &mut p);
    let (periods, _) = unique_rows(sheet("periods.csv"), "id", "period", &mut p);
    let (actors, actor_ids) = unique_rows(sheet("actors.csv"), "id", "actor", &mut p);
    let (agreements, agreement_ids) =
        unique_rows(sheet("agreements.csv"), "id", "agreement", &mut p);

    // What belongs to which agreement (or actor), in row order.
    let mut attach = |table: &str, key: &str| -> BTreeMap<String, Vec<Row>> {
        let mut by: BTreeMap<String, Vec<Row>> = BTreeMap::new();
        for r in rows(sheet(table)) {
            let id = r.code(key).to_string();
            if agreement_ids.contains(&id) {
                by.entry(id).or_default().push(r);
            } else {
                p.add(
                    r.cell(key),
                    "unknown-id",
                    format!("no agreement '{id}' in agreements.csv"),
                    format!(
                        "use the id of a row of agreements.csv (closest: {})",
                        closest(&agreement_ids, &id)
                    ),
                );
            }
        }
        by
    };
    let participants = attach("participations.csv", "agreement");
    let terms = attach("terms.csv", "agreement");
    let readings = attach("date-readings.csv", "agreement");
    let mut agreement_sources: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    let mut actor_sources: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for r in rows(sheet("sources.csv")) {
        let id = r.code("record_id").to_string();
        let (ids, target, what) = match r.code("record_type") {
            "agreement" => (&agreement_ids, &mut agreement_sources, "agreements.csv"),
            "actor" => (&actor_ids, &mut actor_sources, "actors.csv"),
            other => {
                p.add(
                    r.cell("record_type"),
                    "bad-value",
                    format!("'{other}' is not a record type"),
                    "use agreement or actor",
                );
                continue;
            }
        };
        if ids.contains(&id) {
            target.entry(id).or_default().push(r);
        } else {
            p.add(
                r.cell("record_id"),
                "unknown-id",
                format!("no row '{id}' in {what}"),
                format!(
                    "use the id of a row of {what} (closest: {})",
                    closest(ids, &id)
                ),
            );
        }
    }

    let mut docs: Vec<(&'static str, Doc)> = Vec::new();

    // Documents.
    let mut d = Doc::default();
    header_comment(&mut d, "documents.csv");
    for r in &documents {
        d.plain("");
        d.line("[[source]]", r.cell("id"));
        req_text(&mut d, r, "id", "id", true, &mut p);
        req_text(&mut d, r, "title_ar", "title_ar", false, &mut p);
        req_text(&mut d, r, "title_en", "title_en", false, &mut p);
        opt_text(&mut d, r, "date", "date", true);
        req_text(&mut d, r, "kind", "kind", false, &mut p);
        opt_text(&mut d, r, "file", "file", false);
        opt_text(&mut d, r, "note", "note", false);
    }
    docs.push(("sources.toml", d));

    // Periods.
    let mut d = Doc::default();
    header_comment(&mut d, "periods.csv");
    for r in &periods {
        d.plain("");
        d.line("[[period]]", r.cell("id"));
        req_text(&mut d, r, "id", "id", true, &mut p);
        req_text(&mut d, r, "name_en", "name_en", false, &mut p);
        req_text(&mut d, r, "name_ar", "name_ar", false, &mut p);
        opt_text(&mut d, r, "from", "from", true);
        opt_text(&mut d, r, "to", "to", true);
        opt_text(&mut d, r, "note", "note", false);
    }
    docs.push(("periods.toml", d));

    // Places.
    let mut d = Doc::default();
    header_comment(&mut d, "places.csv");
    for r in &places {
        d.plain("");
        d.line("[[place]]", r.cell("id"));
        req_text(&mut d, r, "id", "id", true, &mut p);
        req_text(&mut d, r, "name_en", "name_en", false, &mut p);
        req_text(&mut d, r, "name_ar", "name_ar", false, &mut p);
        list_line(&mut d, r, "aliases", "aliases");
        req_text(&mut d, r, "kind", "kind", true, &mut p);
        opt_text(&mut d, r, "parent", "parent", true);
        list_line(&mut d, r, "members", "members");
        opt_text(&mut d, r, "note", "note", false);
    }
    docs.push(("places.toml", d));

    // Actors.
    let mut d = Doc::default();
    header_comment(&mut d, "actors.csv and sources.csv");
    for r in &actors {
        d.plain("");
        d.line("[[actor]]", r.cell("id"));
        req_text(&mut d, r, "id", "id", true, &mut p);
        req_text(&mut d, r, "name_en", "name_en", false, &mut p);
        req_text(&mut d, r, "name_ar", "name_ar", false, &mut p);
        list_line(&mut d, r, "aliases", "aliases");
        req_text(&mut d, r, "kind", "kind", true, &mut p);
        req_text(&mut d, r, "alignment", "alignment", true, &mut p);
        opt_text(&mut d, r, "parent", "parent", true);
        opt_text(&mut d, r, "place", "place", true);
        opt_text(&mut d, r, "note", "note", false);
        if let Some(cites) = actor_sources.get(r.code("id")) {
            source_lines(&mut d, cites);
        }
    }
    docs.push(("actors.toml", d));

    // Agreements.
    let mut d = Doc::default();
    header_comment(
        &mut d,
        "agreements.csv, participations.csv, terms.csv, sources.csv and date-readings.csv",
    );
    for r in &agreements {
        let id = r.code("id").to_string();
        d.plain("");
        d.line("[[agreement]]", r.cell("id"));
        req_text(&mut d, r, "id", "id", true, &mut p);
        req_text(&mut d, r, "title", "title", false, &mut p);
        opt_text(&mut d, r, "title_ar", "title_ar", false);
        req_text(&mut d, r, "date", "date", true, &mut p);
        let date = FuzzyDate::parse(r.code("date")).ok();
        if let Some(date) = &date {
            check_derived(r, date, &mut p);
        }
        if let Some(rs) = readings.get(&id) {
            d.line("date_readings = [", rs[0].cell("agreement"));
            for x in rs {
                let mut l = Line::new("  { ", x.cell("date"));
                l.push(
                    &format!("date = {}", string(x.code("date"))),
                    x.cell("date"),
                );
                l.raw(", ");
                l.push(
                    &format!("document = {}", string(x.code("document"))),
                    x.cell("document"),
                );
                l.raw(", ");
                l.push(
                    &format!("locator = {}", string(x.text("locator"))),
                    x.cell("locator"),
                );
                if x.text("locator").trim().is_empty() {
                    p.add(
                        x.cell("locator"),
                        "missing",
                        "locator is empty",
                        "say where in the document the reading is",
                    );
                }
                if !x.text("note").is_empty() {
                    l.raw(", ");
                    l.push(
                        &format!("note = {}", string(x.text("note"))),
                        x.cell("note"),
                    );
                }
                l.raw(" },");
                d.push(l);
            }
            d.line("]", rs[0].cell("agreement"));
        }
        opt_text(&mut d, r, "date_note", "date_note", false);
        let places = r.list("places");
        if places.is_empty() {
            p.add(
                r.cell("places"),
                "missing",
                format!("agreement '{id}' names no place"),
                "list at least one place id in places (a country or zone for international frameworks), separated by ;",
            );
        }
        d.line(&format!("places = {}", strings(&places)), r.cell("places"));
        req_text(&mut d, r, "kind", "kind", true, &mut p);
        if let Some(n) = number::<u32>(r, "phase", &mut p) {
            d.line(&format!("phase = {n}"), r.cell("phase"));
        }
        opt_text(&mut d, r, "follows", "follows", true);
        req_text(&mut d, r, "status", "status", true, &mut p);
        if let Some(ps) = participants.get(&id) {
            d.line("participants = [", ps[0].cell("agreement"));
            for x in ps {
                d.push(participant_line(x, date.as_ref(), &mut p));
            }
            d.line("]", ps[0].cell("agreement"));
        }
        if let Some(ts) = terms.get(&id) {
            d.line("terms = [", ts[0].cell("agreement"));
            for x in ts {
                let mut l = Line::new("  { ", x.cell("code"));
                l.push(
                    &format!("code = {}", string(x.code("code"))),
                    x.cell("code"),
                );
                if let Some(n) = number::<u64>(x, "count", &mut p) {
                    l.raw(", ");
                    l.push(&format!("count = {n}"), x.cell("count"));
                }
                for (key, trim) in [
                    ("unit", true),
                    ("destination", true),
                    ("locator", false),
                    ("note", false),
                ] {
                    let v = if trim { x.code(key) } else { x.text(key) };
                    if !v.is_empty() {
                        l.raw(", ");
                        l.push(&format!("{key} = {}", string(v)), x.cell(key));
                    }
                }
                l.raw(" },");
                d.push(l);
            }
            d.line("]", ts[0].cell("agreement"));
        }
        match agreement_sources.get(&id) {
            Some(cites) => source_lines(&mut d, cites),
            None => p.add(
                r.cell("id"),
                "missing",
                format!("agreement '{id}' cites no source"),
                format!(
                    "add a row to sources.csv: record_type agreement, record_id {id}, a document id and a locator"
                ),
            ),
        }
        opt_text(&mut d, r, "note", "note", false);
    }
    docs.push(("agreements.toml", d));

    // The loader checks the rest: ids, vocabularies, dates, references,
    // cycles. Its diagnostics are told in the tables' terms.
    let files: Vec<SourceFile> = docs
        .iter()
        .map(|(name, doc)| SourceFile::new(*name, doc.text.clone()))
        .collect();
    // Rows the tables already found something missing in (no place, no
    // source, a signatory without a side), which the loader finds too.
    let missing: BTreeSet<(&str, usize)> = p
        .list
        .iter()
        .filter(|(_, code, _, _)| *code == "missing")
        .map(|(c, _, _, _)| (c.file, c.row))
        .collect();
    let dataset = match crate::load::load_files(&files) {
        Ok(ds) => Some(ds),
        Err(Error::InvalidData(diags)) => {
            for x in diags {
                let cell = docs
                    .iter()
                    .find(|(name, _)| *name == x.file)
                    .and_then(|(_, doc)| doc.cell_at(x.line, x.column))
                    .cloned();
                let Some(cell) = cell else {
                    // Not from a cell (a bug in the conversion): say where.
                    p.add(
                        Cell {
                            file: "agreements.csv",
                            row: 1,
                            column: 1,
                        },
                        x.code,
                        format!("in the converted {}: {}", x.file, x.message),
                        x.help,
                    );
                    continue;
                };
                if x.code == "missing" && missing.contains(&(cell.file, cell.row)) {
                    continue;
                }
                p.add(cell, x.code, x.message, x.help);
            }
            None
        }
        Err(e) => return Err(e),
    };
    match dataset {
        Some(dataset) if p.list.is_empty() => Ok(Converted { files, dataset }),
        _ => Err(Error::InvalidData(p.diagnostics())),
    }
}

fn source_lines(d: &mut Doc, cites: &[Row]) {
    d.line("sources = [", cites[0].cell("record_id"));
    for x in cites {
        let mut l = Line::new("  { ", x.cell("document"));
        l.push(
            &format!("document = {}", string(x.code("document"))),
            x.cell("document"),
        );
        l.raw(", ");
        l.push(
            &format!("locator = {}", string(x.text("locator"))),
            x.cell("locator"),
        );
        l.raw(" },");
        d.push(l);
    }
    d.line("]", cites[0].cell("record_id"));
}

fn participant_line(x: &Row, date: Option<&FuzzyDate>, p: &mut Problems) -> Line {
    let mut l = Line::new("  { ", x.cell("actor"));
    l.push(
        &format!("actor = {}", string(x.code("actor"))),
        x.cell("actor"),
    );
    l.raw(", ");
    l.push(
        &format!("role = {}", string(x.code("role"))),
        x.cell("role"),
    );
    let side = x.code("side");
    if !side.is_empty() {
        l.raw(", ");
        l.push(&format!("side = {}", string(side)), x.cell("side"));
    } else if Role::parse(x.code("role")) == Some(Role::Signatory) {
        p.add(
            x.cell("side"),
            "missing",
            format!("signatory '{}' has no side", x.code("actor")),
            "fill in side: regime, opposition or neutral (signing edges join signatories of opposite sides)",
        );
    }
    match x.code("inferred").to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" => {}
        "true" | "yes" | "1" => {
            l.raw(", ");
            l.push("inferred = true", x.cell("inferred"));
        }
        other => p.add(
            x.cell("inferred"),
            "bad-value",
            format!("inferred '{other}' is not true or false"),
            "write true (the role is the coders' inference; say why in the note) or false, or leave it empty",
        ),
    }
    for key in ["locator", "note"] {
        if !x.text(key).is_empty() {
            l.raw(", ");
            l.push(&format!("{key} = {}", string(x.text(key))), x.cell(key));
        }
    }
    l.raw(" },");
    let given = x.code("date");
    if let Some(d) = date {
        if !given.is_empty() && given != d.text {
            p.add(
                x.cell("date"),
                "bad-value",
                format!(
                    "date '{given}' differs from the agreement's date '{}' in agreements.csv",
                    d.text
                ),
                "this column repeats the agreement's date: correct it or leave it empty",
            );
        }
    }
    l
}

/// `date_start`, `date_end` and `date_precision` follow from `date`.
fn check_derived(r: &Row, date: &FuzzyDate, p: &mut Problems) {
    for (col, want) in [
        ("date_start", date.start.to_string()),
        ("date_end", date.end.to_string()),
        ("date_precision", date.precision.as_str().to_string()),
    ] {
        let given = r.code(col);
        if !given.is_empty() && given != want {
            p.add(
                r.cell(col),
                "bad-value",
                format!(
                    "{col} '{given}' does not follow from date '{}' ({want})",
                    date.text
                ),
                "date_start, date_end and date_precision follow from date: correct them or leave them empty",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(name: &'static str, text: &str) -> CsvFile {
        CsvFile {
            name,
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn base() -> Vec<CsvFile> {
        vec![
            f(
                "documents.csv",
                "id,title_en,title_ar,date,kind,file,note\ndoc,Doc,وثيقة,2018,study,,\n",
            ),
            f(
                "places.csv",
                "id,name_en,name_ar,aliases,kind,parent,note\nsyria,Syria,سورية,,country,,\ndouma,Douma,دوما,Duma; دوما,city,syria,\"a \"\"quoted\"\", multi\nline note\"\n",
            ),
            f(
                "actors.csv",
                "id,name_en,name_ar,aliases,kind,alignment,parent,place,note\na,A,جيش الإسلام,,armed-faction,opposition,,douma,\nb,B,مركز حميميم,,reconciliation-centre,regime-ally,,,\n",
            ),
            f(
                "agreements.csv",
                "id,title,title_ar,date,date_start,date_end,date_precision,kind,status,phase,follows,places,date_note,note\nx,X,,mid 2015-11,2015-11-11,,,final-settlement,implemented,1,,douma,,\n",
            ),
            f(
                "participations.csv",
                "actor,agreement,role,side,inferred,date,locator,note\na,x,signatory,opposition,true,mid 2015-11,l1,\nb,x,signatory,regime,false,,l2,\n",
            ),
            f("sources.csv", "record_type,record_id,document,locator\nagreement,x,doc,s1\nactor,a,doc,s2\n"),
        ]
    }

    #[test]
    fn a_valid_folder_converts_and_keeps_arabic_and_quotes() {
        let c = convert(&base(), "in").unwrap();
        assert_eq!(c.dataset.actors["a"].name_ar, "جيش الإسلام");
        assert_eq!(
            c.dataset.places["douma"].note.as_deref(),
            Some("a \"quoted\", multi\nline note")
        );
        assert_eq!(c.dataset.places["douma"].aliases, ["Duma", "دوما"]);
        let x = &c.dataset.agreements["x"];
        assert_eq!(x.participants.len(), 2);
        assert_eq!(x.phase, Some(1));
        assert!(x.participants[0].inferred && !x.participants[1].inferred);
        assert_eq!(c.dataset.actors["a"].sources.len(), 1);
    }

    #[test]
    fn every_problem_at_its_cell() {
        let mut files = base();
        files[3] = f(
            "agreements.csv",
            "id,title,title_ar,date,date_start,date_end,date_precision,kind,status,phase,follows,places,date_note,note\nx,X,,2015-02-30,,,,final-settlement,done,one,,dooma,,\nx,Again,,2015,,,,local-truce,signed,,,,,\n",
        );
        files[4] = f(
            "participations.csv",
            "actor,agreement,role,side,inferred,date,locator,note\nzz,x,signatory,,maybe,,l1,\nb,y,signatory,regime,,,l2,\n",
        );
        let Err(Error::InvalidData(d)) = convert(&files, "in") else {
            panic!("expected problems");
        };
        let at: Vec<String> = d
            .iter()
            .map(|x| format!("{}:{}:{} {}", x.file, x.line, x.column, x.code))
            .collect();
        for want in [
            "in/agreements.csv:2:4 bad-date",
            "in/agreements.csv:2:9 bad-value",
            "in/agreements.csv:2:10 bad-value",
            "in/agreements.csv:2:12 unknown-id",
            "in/agreements.csv:3:1 duplicate-id",
            "in/participations.csv:2:1 unknown-id",
            "in/participations.csv:2:4 missing",
            "in/participations.csv:2:5 bad-value",
            "in/participations.csv:3:2 unknown-id",
        ] {
            assert!(at.iter().any(|a| a == want), "{want} not in {at:#?}");
        }
        let place = d.iter().find(|x| x.message.contains("dooma")).unwrap();
        assert!(place.help.contains("douma"), "{}", place.help);
    }

    #[test]
    fn encoding_columns_and_row_lengths() {
        let mut files = base();
        files[2] = CsvFile {
            name: "actors.csv",
            bytes: b"id,name_en,name_ar,kind,alignment,colour\na,A,\xC7,state,regime,red\n"
                .to_vec(),
        };
        files[1] = f(
            "places.csv",
            "\u{FEFF}id,name_en,name_ar,kind,parent\nsyria,Syria,سورية,country\n",
        );
        let Err(Error::InvalidData(d)) = convert(&files, "") else {
            panic!("expected problems");
        };
        let codes: Vec<(&str, &str)> = d.iter().map(|x| (x.file.as_str(), x.code)).collect();
        assert!(codes.contains(&("actors.csv", "encoding")), "{codes:?}");
        assert!(codes.contains(&("places.csv", "syntax")), "{codes:?}");
        // The byte-order mark is not part of the first column's name.
        assert!(!d.iter().any(|x| x.message.contains("unknown column 'id'")));
    }

    #[test]
    fn derived_columns_must_agree() {
        let mut files = base();
        files[3] = f(
            "agreements.csv",
            "id,title,date,date_start,date_precision,kind,status,places\nx,X,mid 2015-11,2015-11-01,day,final-settlement,implemented,douma\n",
        );
        let Err(Error::InvalidData(d)) = convert(&files, "") else {
            panic!("expected problems");
        };
        let cols: Vec<usize> = d.iter().map(|x| x.column).collect();
        assert_eq!(cols, [4, 5], "{d:?}");
    }
}
