//! Writing listings as an aligned table, JSON or CSV, row by row, to any
//! [`std::io::Write`].
//!
//! A listed record is a [`Row`]: it serialises to JSON as it is (the stable
//! contract of docs/formats.md), flattens to one CSV record (a serde struct of
//! scalar fields, written through the `csv` crate), and names the columns of
//! the terminal table, each a header with the function that fills it. JSON
//! and CSV stream: each row is written as soon as it comes. The table needs
//! every row to size its columns, so it keeps the cells (not the rows) until
//! the end.

mod csv;
mod json;
pub mod table;

use crate::error::{Error, Result};
use serde::Serialize;
use std::io::Write;

/// Output format of a listing command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Aligned columns for reading in a terminal.
    #[default]
    Table,
    /// A JSON array of objects (stable contract, see docs/formats.md).
    Json,
    /// RFC 4180 CSV with a header row (stable contract).
    Csv,
}

/// One column of the terminal table: its header and what fills it.
pub struct Column<R> {
    pub header: &'static str,
    pub cell: Box<dyn Fn(&R) -> String>,
}

impl<R> Column<R> {
    /// A column with a header and a cell function.
    pub fn new(header: &'static str, cell: impl Fn(&R) -> String + 'static) -> Column<R> {
        Column {
            header,
            cell: Box::new(cell),
        }
    }

    /// The same column reading a part of a larger row.
    pub fn map<S: 'static>(self, part: impl Fn(&S) -> &R + 'static) -> Column<S>
    where
        R: 'static,
    {
        let cell = self.cell;
        Column {
            header: self.header,
            cell: Box::new(move |s| cell(part(s))),
        }
    }
}

/// A record that can be listed in every format.
pub trait Row: Serialize {
    /// The flat CSV record: scalar fields only, lists joined by `; `. Its
    /// field names are the CSV header; `Default` gives the header of an
    /// empty listing.
    type Csv: Serialize + Default;
    /// This row as a CSV record.
    fn csv(&self) -> Self::Csv;
    /// The columns of the terminal table (a readable subset of the fields).
    fn columns() -> Vec<Column<Self>>
    where
        Self: Sized;
}

/// Where listings and text go: a writer, its name for error messages, and
/// the width terminal tables are fitted to.
pub struct Output<'a> {
    writer: &'a mut dyn Write,
    target: String,
    /// Widest line a table may have; longer cells wrap (default 100).
    pub table_width: usize,
}

/// The table width used when none is given.
pub const DEFAULT_TABLE_WIDTH: usize = 100;

impl<'a> Output<'a> {
    /// Output to a writer named `target` in error messages.
    pub fn new(writer: &'a mut dyn Write, target: impl Into<String>) -> Output<'a> {
        Output {
            writer,
            target: target.into(),
            table_width: DEFAULT_TABLE_WIDTH,
        }
    }

    /// The error for a failed write.
    pub fn error(&self, e: std::io::Error) -> Error {
        Error::write(self.target.clone(), e)
    }

    /// Writes text as it is.
    pub fn text(&mut self, s: &str) -> Result<()> {
        self.writer
            .write_all(s.as_bytes())
            .map_err(|e| Error::write(self.target.clone(), e))
    }

    /// The underlying writer (for formats that write themselves).
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut *self.writer
    }

    /// Writes a listing, row by row, in the chosen format.
    pub fn rows<R: Row>(
        &mut self,
        format: Format,
        rows: impl IntoIterator<Item = R>,
    ) -> Result<()> {
        let target = self.target.clone();
        match format {
            Format::Json => json::write(&mut *self.writer, &target, rows),
            Format::Csv => csv::write(&mut *self.writer, &target, rows),
            Format::Table => {
                let columns = R::columns();
                let headers: Vec<&str> = columns.iter().map(|c| c.header).collect();
                let cells: Vec<Vec<String>> = rows
                    .into_iter()
                    .map(|r| columns.iter().map(|c| (c.cell)(&r)).collect())
                    .collect();
                let text = table::render(&headers, &cells, self.table_width);
                self.text(&text)
            }
        }
    }

    /// Flushes the writer.
    pub fn flush(&mut self) -> Result<()> {
        self.writer
            .flush()
            .map_err(|e| Error::write(self.target.clone(), e))
    }
}

/// Formats a score with fixed precision so outputs diff cleanly; an
/// undefined score (NaN) is empty.
pub fn score(x: f64) -> String {
    if x.is_nan() {
        String::new()
    } else {
        format!("{x:.6}")
    }
}

/// Joins a list for one CSV or table cell.
pub fn join<T: AsRef<str>>(items: &[T]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Renders rows into a string (for tests and small in-memory uses).
pub fn to_string<R: Row>(format: Format, rows: impl IntoIterator<Item = R>) -> Result<String> {
    let mut buf = Vec::new();
    Output::new(&mut buf, "a string").rows(format, rows)?;
    String::from_utf8(buf).map_err(|e| Error::Serialise {
        format: "text",
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct T {
        id: String,
        names: Vec<String>,
        score: f64,
    }

    #[derive(Serialize, Default)]
    struct TCsv {
        id: String,
        names: String,
        score: String,
    }

    impl Row for T {
        type Csv = TCsv;
        fn csv(&self) -> TCsv {
            TCsv {
                id: self.id.clone(),
                names: join(&self.names),
                score: score(self.score),
            }
        }
        fn columns() -> Vec<Column<T>> {
            vec![
                Column::new("id", |r: &T| r.id.clone()),
                Column::new("score", |r: &T| score(r.score)),
            ]
        }
    }

    fn rows() -> Vec<T> {
        vec![
            T {
                id: "a".into(),
                names: vec!["x, y".into(), "say \"hi\"".into()],
                score: 0.5,
            },
            T {
                id: "دوما".into(),
                names: vec!["line\nbreak".into()],
                score: f64::NAN,
            },
        ]
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_writes_a_header() {
        let s = to_string(Format::Csv, rows()).unwrap();
        assert_eq!(
            s,
            "id,names,score\na,\"x, y; say \"\"hi\"\"\",0.500000\nدوما,\"line\nbreak\",\n"
        );
        let empty = to_string(Format::Csv, Vec::<T>::new()).unwrap();
        assert_eq!(empty, "id,names,score\n");
    }

    #[test]
    fn json_streams_the_same_bytes_as_a_pretty_array() {
        #[derive(Serialize)]
        struct J {
            id: &'static str,
            nested: Vec<u32>,
        }
        impl Row for J {
            type Csv = TCsv;
            fn csv(&self) -> TCsv {
                TCsv::default()
            }
            fn columns() -> Vec<Column<J>> {
                vec![]
            }
        }
        let v = vec![
            J {
                id: "a",
                nested: vec![1, 2],
            },
            J {
                id: "b",
                nested: vec![],
            },
        ];
        let expected = serde_json::to_string_pretty(&v).unwrap() + "\n";
        assert_eq!(to_string(Format::Json, v).unwrap(), expected);
        assert_eq!(to_string(Format::Json, Vec::<J>::new()).unwrap(), "[]\n");
    }

    #[test]
    fn write_errors_name_the_target() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut w = Broken;
        for f in [Format::Json, Format::Csv, Format::Table] {
            let e = Output::new(&mut w, "standard output")
                .rows(f, rows())
                .unwrap_err();
            match e {
                Error::Write { target, source } => {
                    assert_eq!(target, "standard output");
                    assert_eq!(source.kind(), std::io::ErrorKind::BrokenPipe);
                }
                other => panic!("{f:?}: {other}"),
            }
        }
    }
}
