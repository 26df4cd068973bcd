//! Collecting diagnostics: byte offsets become file:line:column (columns
//! count characters), and every phase adds to one list that is sorted and
//! deduplicated at the end. Nothing here stops loading: reporting a problem
//! only records it.

use super::raw::S;
use crate::error::Diagnostic;

/// Maps byte offsets of one file to line:column.
pub(super) struct Locator<'a> {
    path: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(path: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Locator {
            path,
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset; offsets past
    /// the end or inside a character are clamped, never a panic.
    pub(super) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line + 1, col)
    }

    pub(super) fn path(&self) -> &str {
        self.path
    }
}

/// The diagnostics of one load, over all its files.
pub(super) struct Reporter<'a> {
    locators: Vec<Locator<'a>>,
    diags: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    /// A reporter for files given as (path, text), indexed like the slice.
    pub(super) fn new(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Reporter {
            locators: files.into_iter().map(|(p, t)| Locator::new(p, t)).collect(),
            diags: Vec::new(),
        }
    }

    /// Records a problem at a byte offset of file `file`.
    pub(super) fn at(
        &mut self,
        file: usize,
        offset: usize,
        code: &'static str,
        message: String,
        help: impl Into<String>,
    ) {
        let Some(loc) = self.locators.get(file) else {
            return;
        };
        let (line, column) = loc.line_col(offset);
        self.diags.push(Diagnostic {
            file: loc.path.to_string(),
            line,
            column,
            code,
            message,
            help: help.into(),
        });
    }

    /// Records a problem at the start of a spanned value.
    pub(super) fn on(
        &mut self,
        file: usize,
        s: &S,
        code: &'static str,
        message: String,
        help: impl Into<String>,
    ) {
        self.at(file, s.span().start, code, message, help);
    }

    /// `path:line` of a byte offset, for "first at ..." messages.
    pub(super) fn place(&self, file: usize, offset: usize) -> String {
        match self.locators.get(file) {
            Some(loc) => format!("{}:{}", loc.path(), loc.line_col(offset).0),
            None => String::new(),
        }
    }

    /// Every problem, sorted by file, line and column (problems at the same
    /// position keep the order the phases found them), duplicates removed.
    /// A bad byte outside a string also breaks the TOML syntax there: the
    /// `encoding` problem says it better, so a `syntax` one at the same
    /// position is dropped.
    pub(super) fn finish(self) -> Vec<Diagnostic> {
        let mut diags = self.diags;
        diags.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
        diags.dedup();
        let same_place = |a: &Diagnostic, b: &Diagnostic| {
            (&a.file, a.line, a.column) == (&b.file, b.line, b.column)
        };
        let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
        for d in diags {
            let after_encoding = out
                .last()
                .is_some_and(|p| p.code == "encoding" && same_place(p, &d));
            if !(d.code == "syntax" && after_encoding) {
                out.push(d);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_offsets_are_clamped() {
        let text = "ab\nسورية = x\n";
        let loc = Locator::new("t.toml", text);
        assert_eq!(loc.line_col(0), (1, 1));
        assert_eq!(loc.line_col(3), (2, 1));
        // "سورية " is 6 characters but 11 bytes.
        let eq = text.find('=').unwrap();
        assert_eq!(loc.line_col(eq), (2, 7));
        assert_eq!(loc.line_col(10_000), (3, 1));
        // Inside a multi-byte character: no panic, a byte-based column.
        assert_eq!(loc.line_col(4).0, 2);
    }
}
