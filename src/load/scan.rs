//! A lexical look at a file the TOML parser rejected, where its recovery
//! cannot be trusted: which lines begin outside any string (so a line
//! `[[agreement]]` inside a `"""` note is not taken for a header), where the
//! records begin (each is then parsed on its own, so a syntax error hides
//! only its own record), and which `id = "..."` lines a rejected record holds
//! (their ids still count as defined, so references to them elsewhere do not
//! cascade into `unknown-id` errors). Part of the invariant that loading
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

/// The lines of `text` from byte `from` on that begin outside any string,
/// as (byte offset of the line start, line without its newline). `from`
/// must be a point where no string is open (a line start of a valid part).
pub(super) struct CodeLines<'a> {
    text: &'a str,
    pos: usize,
    state: State,
    /// Where the multi-line string the scanner is in was opened.
    opened: usize,
}

impl<'a> CodeLines<'a> {
    pub(super) fn new(text: &'a str, from: usize) -> Self {
        CodeLines {
            text,
            pos: from.min(text.len()),
            state: State::Code,
            opened: 0,
        }
    }

    /// Where the last multi-line string was opened, if it never closes.
    fn unclosed_string(&self) -> Option<usize> {
        matches!(self.state, State::MultiBasic | State::MultiLiteral).then_some(self.opened)
    }

    /// Updates the string state over one line (without its newline) that
    /// starts at byte `line_start`.
    fn advance(&mut self, line_start: usize, line: &[u8]) {
        let run = |i: usize, q: u8| line[i..].iter().take_while(|&&b| b == q).count();
        let mut i = 0;
        while i < line.len() {
            let b = line[i];
            match self.state {
                State::Code => match b {
                    b'#' => break,
                    b'"' | b'\'' if run(i, b) >= 3 => {
                        self.state = if b == b'"' {
                            State::MultiBasic
                        } else {
                            State::MultiLiteral
                        };
                        self.opened = line_start + i;
                        i += 2;
                    }
                    b'"' => self.state = State::Basic,
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
                State::MultiBasic | State::MultiLiteral => {
                    let quote = if self.state == State::MultiBasic {
                        b'"'
                    } else {
                        b'\''
                    };
                    if b == b'\\' && quote == b'"' {
                        i += 1;
                    } else if b == quote && run(i, quote) >= 3 {
                        // A closing delimiter may carry up to two quotes of content.
                        i += run(i, quote).min(5) - 1;
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
            self.advance(start, &bytes[start..end]);
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

/// The table name of a header line `[name]` or `[[name]]`. Only names that
/// start with a letter and hold no comma count, so that a line of an array
/// value (`[1.5, 2]`, `["x"]`, `[true, false]`, `[inf]`) is never taken for
/// one; a line like `[name]` is never valid inside a value either, so a
/// broken header (`[[plac'e]]`, `[[actor]] junk`) still counts.
pub(super) fn header_name(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let t = t.strip_prefix('[')?;
    let t = t.strip_prefix('[').unwrap_or(t);
    let close = t.find(']')?;
    let name = t[..close].trim();
    let starts_with_letter = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    let value_word = matches!(name, "true" | "false" | "inf" | "nan");
    (starts_with_letter && !name.contains(',') && !value_word).then_some(name)
}

/// Whether a line is the header of a top-level record (`[[actor]]`, not
/// `[[agreement.terms]]`).
fn is_record_header(line: &str) -> bool {
    header_name(line).is_some_and(|n| !n.contains('.'))
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

/// The line starts of the top-level record headers outside strings, in order.
/// When the text ends inside a multi-line string (its closing quotes are
/// missing), the string is taken to end before the next header line after
/// its opening, and scanning goes on from there: the missing quotes then
/// hide one record, not the rest of the file.
pub(super) fn record_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    loop {
        let mut lines = CodeLines::new(text, from);
        out.extend(
            lines
                .by_ref()
                .filter(|(_, line)| is_record_header(line))
                .map(|(start, _)| start),
        );
        let Some(opened) = lines.unclosed_string() else {
            return out;
        };
        match next_header_line(text, opened) {
            Some(r) if r > from => from = r,
            _ => return out,
        }
    }
}

/// The start of the first record header line after the line holding byte
/// `after`, strings not respected.
fn next_header_line(text: &str, after: usize) -> Option<usize> {
    let next = after + text.get(after..)?.find('\n')? + 1;
    let mut at = next;
    for line in text.get(next..)?.split_inclusive('\n') {
        if is_record_header(line) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// The ids that `id = "..."` lines define in `text[from..to]`, a record the
/// parser rejected, each with the record type of the header above it.
/// Strings are not respected here: better to count one id too many as
/// defined than to report references to it.
pub(super) fn hidden_ids(text: &str, from: usize, to: usize) -> Vec<(Kind, String)> {
    let mut out = Vec::new();
    let Some(region) = text.get(from..to.min(text.len())) else {
        return out;
    };
    let mut kind = None;
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
        let text = "n = \"\"\"say \"hi\"\"\"\"\"\n[[actor]]\n";
        let lines: Vec<&str> = CodeLines::new(text, 0).map(|(_, l)| l).collect();
        assert_eq!(lines.last(), Some(&"[[actor]]"));
    }

    #[test]
    fn unterminated_single_line_string_ends_at_the_newline() {
        let text = "[[actor]]\nid = \"c\nname = 'x\n[[actor]]\n";
        assert_eq!(record_starts(text), [0, text.rfind("[[").unwrap()]);
    }

    #[test]
    fn record_starts_skip_strings_and_sub_tables() {
        let text = "a = 1\n[[actor]]\nnote = \"\"\"\n[[place]]\n\"\"\"\n[[agreement]]\n[[agreement.terms]]\n  [source]\n";
        let starts: Vec<&str> = record_starts(text)
            .into_iter()
            .map(|s| text[s..].lines().next().unwrap())
            .collect();
        assert_eq!(starts, ["[[actor]]", "[[agreement]]", "  [source]"]);
    }

    #[test]
    fn an_unclosed_multi_line_string_hides_one_record() {
        let text = "[[actor]]\nnote = \"\"\"open\nmore\n[[place]]\nid = \"p\"\n[[actor]]\nnote = '''x'''\n";
        let starts = record_starts(text);
        assert_eq!(starts.len(), 3, "{starts:?}");
        assert_eq!(&text[starts[1]..starts[1] + 9], "[[place]]");
    }

    #[test]
    fn headers() {
        assert_eq!(header_name("[[actor]]"), Some("actor"));
        assert_eq!(header_name("  [ place ]  # note"), Some("place"));
        assert_eq!(header_name("[[agreement.terms]]"), Some("agreement.terms"));
        assert_eq!(header_name("[[actor]"), Some("actor"));
        assert_eq!(header_name("[place]]"), Some("place"));
        assert_eq!(header_name("[[actor]] = 1"), Some("actor"));
        assert_eq!(header_name("[1.5, 2]"), None);
        assert_eq!(header_name("[true]"), None);
        assert_eq!(header_name("[true, false]"), None);
        assert_eq!(header_name("[[plac'e]]"), Some("plac'e"));
        assert_eq!(header_name("[\"x\"]"), None);
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
        let text = "id = \"r\"\n[[actor]]\nid = \"a\"\n[[place]]\nid = \"p\"\n[[agreement.terms]]\nid = \"q\"\n[[x]]\nid = \"z\"\n";
        let ids = hidden_ids(text, 0, text.len());
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
