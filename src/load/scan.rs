//! A lexical look at the text around a syntax error, where the TOML parser
//! could not be trusted: which lines begin outside any string (so a line
//! `[[agreement]]` inside a `"""` note is not taken for a header), where the
//! next record begins (parsing resumes there, so a syntax error hides only
//! its own record), and which `id = "..."` lines the hidden region holds
//! (their ids still count as defined, so references to them elsewhere do
//! not cascade into `unknown-id` errors). Part of the invariant that loading
//! never stops at the first problem.

use super::raw::Kind;

/// Where the scanner is: outside strings, or inside one of TOML's four
/// string forms.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Code,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
}

/// The lines of `text` from byte `from` on that begin outside any string
/// and comment, as (byte offset of the line start, line without its newline).
/// `from` must be a point where no string is open (a record header).
pub(super) struct CodeLines<'a> {
    text: &'a str,
    pos: usize,
    state: State,
}

impl<'a> CodeLines<'a> {
    pub(super) fn new(text: &'a str, from: usize) -> Self {
        CodeLines {
            text,
            pos: from.min(text.len()),
            state: State::Code,
        }
    }

    /// Updates the string state over one line (without its newline).
    fn advance(&mut self, line: &[u8]) {
        let run = |i: usize, q: u8| line[i..].iter().take_while(|&&b| b == q).count();
        let mut i = 0;
        while i < line.len() {
            let b = line[i];
            match self.state {
                State::Code => match b {
                    b'#' => break,
                    b'"' if run(i, b'"') >= 3 => {
                        self.state = State::MultiBasic;
                        i += 2;
                    }
                    b'"' => self.state = State::Basic,
                    b'\'' if run(i, b'\'') >= 3 => {
                        self.state = State::MultiLiteral;
                        i += 2;
                    }
                    b'\'' => self.state = State::Literal,
                    _ => {}
                },
                State::Basic => match b {
                    b'\\' => i += 1,
                    b'"' => self.state = State::Code,
                    _ => {}
                },
                State::Literal => {
                    if b == b'\'' {
                        self.state = State::Code;
                    }
                }
                State::MultiBasic => match b {
                    b'\\' => i += 1,
                    // A closing `"""` may carry up to two quotes of content.
                    b'"' if run(i, b'"') >= 3 => {
                        i += run(i, b'"').min(5) - 1;
                        self.state = State::Code;
                    }
                    _ => {}
                },
                State::MultiLiteral => {
                    if b == b'\'' && run(i, b'\'') >= 3 {
                        i += run(i, b'\'').min(5) - 1;
                        self.state = State::Code;
                    }
                }
            }
            i += 1;
        }
        // Single-line strings end at the newline, closed or not.
        if matches!(self.state, State::Basic | State::Literal) {
            self.state = State::Code;
        }
    }
}

impl<'a> Iterator for CodeLines<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() {
            let start = self.pos;
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| start + i);
            let outside = self.state == State::Code;
            self.advance(&bytes[start..end]);
            self.pos = end + 1;
            if outside {
                // Line starts and ends are at ASCII bytes, so this cannot fail.
                if let Some(line) = self.text.get(start..end) {
                    return Some((start, line));
                }
            }
        }
        None
    }
}

/// The table name of a header line `[name]` or `[[name]]` (optionally with a
/// trailing comment). Only bare names that start with a letter count, so that
/// a line of an array value (`[1.5, 2]`, `[true]`) is never taken for one.
pub(super) fn header_name(line: &str) -> Option<&str> {
    let t = line.trim();
    let t = t.strip_prefix('[')?;
    let t = t.strip_prefix('[').unwrap_or(t);
    let close = t.find(']')?;
    let name = t[..close].trim();
    let rest = t[close..].trim_start_matches(']').trim_start();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    let bare = name.split('.').all(|part| {
        let part = part.trim();
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    });
    let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    let value_word = matches!(name, "true" | "false" | "inf" | "nan");
    (bare && starts_with_letter && !value_word).then_some(name)
}

/// The value of an `id = "..."` line. Lenient, since it reads text the parser
/// rejected: the `=` or the closing quote may be missing.
pub(super) fn id_value(line: &str) -> Option<&str> {
    let t = line.trim_start().strip_prefix("id")?;
    let t = t.trim_start();
    let t = t.strip_prefix('=').unwrap_or(t).trim_start();
    let quote = t.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let body = &t[1..];
    let value = body.find(quote).map_or(body, |end| &body[..end]).trim();
    (!value.is_empty()).then_some(value)
}

/// The start of the first top-level record header (`[[actor]]`, not
/// `[[agreement.terms]]`) on a line beginning at or after `after`, outside
/// strings, scanning from `from` (a point where no string is open).
pub(super) fn next_record_start(text: &str, from: usize, after: usize) -> Option<usize> {
    CodeLines::new(text, from)
        .filter(|(start, _)| *start >= after)
        .find(|(_, line)| header_name(line).is_some_and(|n| !n.contains('.')))
        .map(|(start, _)| start)
}

/// The ids that `id = "..."` lines define in `text[from..to]`, a region the
/// parser could not read, each with the record type of the header above it
/// (`kind` before the first header). Strings are not respected here: better
/// to count one id too many as defined than to report references to it.
pub(super) fn hidden_ids(
    text: &str,
    from: usize,
    to: usize,
    mut kind: Option<Kind>,
) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    let Some(region) = text.get(from..to.min(text.len())) else {
        return out;
    };
    for line in region.lines() {
        if let Some(name) = header_name(line) {
            if !name.contains('.') {
                kind = Kind::from_key(name);
            }
        } else if let (Some(k), Some(id)) = (kind, id_value(line)) {
            out.push((k, id.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_inside_multi_line_strings_are_skipped() {
        let text = "a = 1\nnote = \"\"\"x\n[[agreement]]\n\"\"\"\nb = '''\n[y]\n'''\n[[actor]]\nc = \"\\\"\" # \"\"\"\nd = 2\n";
        let lines: Vec<&str> = CodeLines::new(text, 0).map(|(_, l)| l).collect();
        assert_eq!(
            lines,
            [
                "a = 1",
                "note = \"\"\"x",
                "b = '''",
                "[[actor]]",
                "c = \"\\\"\" # \"\"\"",
                "d = 2"
            ]
        );
    }

    #[test]
    fn closing_delimiter_may_carry_quotes() {
        let text = "n = \"\"\"say \"hi\"\"\"\"\n[[actor]]\n";
        let lines: Vec<&str> = CodeLines::new(text, 0).map(|(_, l)| l).collect();
        assert_eq!(lines.last(), Some(&"[[actor]]"));
    }

    #[test]
    fn unterminated_single_line_string_ends_at_the_newline() {
        let text = "id = \"c\nname = 'x\n[[actor]]\n";
        assert_eq!(
            next_record_start(text, 0, 1),
            Some(text.find("[[").unwrap())
        );
    }

    #[test]
    fn headers() {
        assert_eq!(header_name("[[actor]]"), Some("actor"));
        assert_eq!(header_name("  [ place ]  # note"), Some("place"));
        assert_eq!(header_name("[[agreement.terms]]"), Some("agreement.terms"));
        assert_eq!(header_name("[[actor]"), Some("actor"));
        assert_eq!(header_name("[1.5, 2]"), None);
        assert_eq!(header_name("[true]"), None);
        assert_eq!(header_name("[\"x\"]"), None);
        assert_eq!(header_name("[[actor]] = 1"), None);
        assert_eq!(header_name("id = 1"), None);
    }

    #[test]
    fn ids_are_read_leniently() {
        assert_eq!(id_value("id = \"fac-a\""), Some("fac-a"));
        assert_eq!(id_value("  id='x' # c"), Some("x"));
        assert_eq!(id_value("id \"c\""), Some("c"));
        assert_eq!(id_value("id = \"c"), Some("c"));
        assert_eq!(id_value("idx = \"c\""), None);
        assert_eq!(id_value("id = 3"), None);
    }

    #[test]
    fn hidden_ids_take_the_kind_of_the_header_above() {
        let text = "id = \"a\"\n[[place]]\nid = \"p\"\n[[agreement.terms]]\nid = \"q\"\n[[x]]\nid = \"z\"\n";
        let ids = hidden_ids(text, 0, text.len(), Some(Kind::Actor));
        assert_eq!(
            ids,
            [
                (Kind::Actor, "a".to_string()),
                (Kind::Place, "p".to_string()),
                (Kind::Place, "q".to_string()),
            ]
        );
    }
}
