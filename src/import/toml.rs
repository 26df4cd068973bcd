//! TOML written by hand in the layout of graph-data/: one field per line,
//! participants, terms, sources and date readings as one inline table per
//! line. Each line remembers the spreadsheet cells its values came from, so
//! a diagnostic of the loader (file:line:column in the TOML) can be told in
//! the spreadsheet's terms (file.csv:ROW:COLUMN).

/// A cell of a CSV file: the file, its spreadsheet row (the header is row
/// 1) and column (1 = A).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub file: &'static str,
    pub row: usize,
    pub column: usize,
}

/// A TOML basic string: `"…"` with backslash, quote and control characters
/// escaped; everything else (Arabic, bidi marks, emoji) as it is.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x80 => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An array of strings on one line.
pub fn strings(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// One generated file: its text and, per line, the cells its values start
/// at (character column in the line, 1-based → cell).
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub text: String,
    /// Per line (0-based): the segments of that line.
    pub lines: Vec<Vec<(usize, Cell)>>,
}

/// A line being built from `key = value` parts, each from one cell.
pub struct Line {
    text: String,
    segments: Vec<(usize, Cell)>,
}

impl Line {
    /// A line that starts with `prefix` (e.g. `  { ` or nothing).
    pub fn new(prefix: &str, cell: Cell) -> Line {
        Line {
            text: prefix.to_string(),
            segments: vec![(1, cell)],
        }
    }

    /// Appends text that came from `cell`.
    pub fn push(&mut self, text: &str, cell: Cell) {
        self.segments.push((self.text.chars().count() + 1, cell));
        self.text.push_str(text);
    }

    /// Appends text that belongs to no cell in particular.
    pub fn raw(&mut self, text: &str) {
        self.text.push_str(text);
    }
}

impl Doc {
    /// Appends a line that maps to one cell.
    pub fn line(&mut self, text: &str, cell: Cell) {
        let mut l = Line::new("", cell);
        l.raw(text);
        self.push(l);
    }

    /// Appends a comment or blank line (mapped to nothing in particular).
    pub fn plain(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
        self.lines.push(Vec::new());
    }

    /// Appends a built line.
    pub fn push(&mut self, line: Line) {
        debug_assert!(!line.text.contains('\n'));
        self.text.push_str(&line.text);
        self.text.push('\n');
        self.lines.push(line.segments);
    }

    /// The cell behind a position (1-based line and character column).
    pub fn cell_at(&self, line: usize, column: usize) -> Option<&Cell> {
        let segs = self.lines.get(line.checked_sub(1)?)?;
        segs.iter()
            .rev()
            .find(|(start, _)| *start <= column)
            .or_else(|| segs.first())
            .map(|(_, c)| c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_only_what_toml_needs() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("x\ny\r\t\u{7}"), r#""x\ny\r\t\u0007""#);
        assert_eq!(string("شرير\u{202D}عكس"), "\"شرير\u{202D}عكس\"");
        let text = format!("k = {}\n", string("\u{7f}\u{1}bell \"x\"\n'''"));
        let v: ::toml::Table = ::toml::from_str(&text).unwrap();
        assert_eq!(v["k"].as_str().unwrap(), "\u{7f}\u{1}bell \"x\"\n'''");
    }

    #[test]
    fn positions_map_to_cells() {
        let c = |column| Cell {
            file: "t.csv",
            row: 2,
            column,
        };
        let mut d = Doc::default();
        d.plain("# comment");
        let mut l = Line::new("  { ", c(1));
        l.push("actor = \"a\"", c(1));
        l.raw(", ");
        l.push("role = \"boss\"", c(3));
        l.raw(" },");
        d.push(l);
        assert_eq!(d.cell_at(1, 1), None);
        assert_eq!(d.cell_at(2, 1).unwrap().column, 1);
        assert_eq!(d.cell_at(2, 6).unwrap().column, 1);
        assert_eq!(d.cell_at(2, 25).unwrap().column, 3);
    }
}
