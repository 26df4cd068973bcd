//! Rendering listings as an aligned table, JSON or CSV.
//!
//! Every listing is a slice of records that serialise to JSON (the stable
//! contract documented in docs/formats.md) and flatten to rows of cells for
//! the table and the CSV form; CSV headers use the JSON field names.

use serde::Serialize;

/// Output format of a listing command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading in a terminal.
    #[default]
    Table,
    /// A JSON array of objects (stable contract, see docs/formats.md).
    Json,
    /// RFC 4180 CSV with a header row (stable contract).
    Csv,
}

/// A record that can be listed in every format.
pub trait Listing: Serialize {
    /// Column names (the JSON field names, flattened).
    fn headers() -> Vec<&'static str>;
    /// The record's cells, in header order.
    fn cells(&self) -> Vec<String>;
    /// Columns of the terminal table (defaults to the CSV columns).
    fn table_headers() -> Vec<&'static str> {
        Self::headers()
    }
    /// Cells of the terminal table.
    fn table_cells(&self) -> Vec<String> {
        self.cells()
    }
}

/// Renders records in the chosen format; ends with a newline.
pub fn render<T: Listing>(items: &[T], format: Format) -> String {
    match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(items).unwrap_or_else(|_| "[]".into());
            s.push('\n');
            s
        }
        Format::Csv => {
            let mut s = csv_line(
                &T::headers()
                    .iter()
                    .map(|h| h.to_string())
                    .collect::<Vec<_>>(),
            );
            for it in items {
                s.push_str(&csv_line(&it.cells()));
            }
            s
        }
        Format::Table => table(
            &T::table_headers(),
            &items.iter().map(|i| i.table_cells()).collect::<Vec<_>>(),
        ),
    }
}

/// One CSV line: fields with a comma, quote, CR or LF are quoted, quotes doubled.
pub fn csv_line(cells: &[String]) -> String {
    let mut s = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        if c.contains([',', '"', '\n', '\r']) {
            s.push('"');
            s.push_str(&c.replace('"', "\"\""));
            s.push('"');
        } else {
            s.push_str(c);
        }
    }
    s.push('\n');
    s
}

/// Display width of a cell: characters, not counting combining marks.
fn width(s: &str) -> usize {
    s.chars()
        .filter(|c| !matches!(*c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{200E}' | '\u{200F}'))
        .count()
}

/// Aligned plain-text table with a header rule.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut w: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < w.len() {
                w[i] = w[i].max(width(c));
            }
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut s = String::new();
        let n = cells.len();
        for (i, c) in cells.into_iter().enumerate() {
            s.push_str(c);
            if i + 1 < n {
                s.push_str(&" ".repeat(w[i] - width(c) + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(headers.to_vec());
    out.push_str(&line(
        w.iter()
            .map(|n| "-".repeat(*n))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
    out
}

/// Formats a score with fixed precision so outputs diff cleanly.
pub fn score(x: f64) -> String {
    format!("{x:.6}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let l = csv_line(&["a".into(), "b,c".into(), "say \"hi\"".into(), "x\ny".into()]);
        assert_eq!(l, "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\n");
    }

    #[test]
    fn table_aligns_columns_by_characters() {
        let t = table(
            &["id", "name"],
            &[
                vec!["dm".into(), "دوما".into()],
                vec!["harasta".into(), "x".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "id       name");
        assert_eq!(lines[1], "-------  ----");
        assert_eq!(lines[2], "dm       دوما");
        assert_eq!(lines[3], "harasta  x");
    }
}
