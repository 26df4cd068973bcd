//! Text that goes into DOT: escaping for quoted strings and HTML-like labels,
//! and the bidirectional-text marks that keep English and Arabic lines in
//! their own direction.
//!
//! Graphviz interprets more than the DOT grammar says: inside a quoted
//! string only `\"` is an escape, but labels then expand `\n`, `\l`, `\r`,
//! `\N`, `\G`, … and character entities such as `&amp;` or `&#945;`. So a name
//! is written with backslashes doubled (a literal backslash), quotes escaped,
//! line breaks as `\n`, and every `&` as `&amp;`, which Graphviz turns back
//! into `&`: the figure shows the name exactly as it is in the data.

/// Writing direction of a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

/// Left-to-right mark.
pub const LRM: char = '\u{200E}';
/// Right-to-left mark.
pub const RLM: char = '\u{200F}';

/// Whether a character belongs to a right-to-left script (Hebrew, Arabic,
/// Syriac, Thaana, N'Ko, … and their presentation forms).
pub fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// The direction of the first strongly directional character, if any.
pub fn first_strong(s: &str) -> Option<Dir> {
    s.chars().find_map(|c| {
        if is_rtl(c) {
            Some(Dir::Rtl)
        } else if c.is_alphabetic() || c == LRM {
            Some(Dir::Ltr)
        } else if c == RLM {
            Some(Dir::Rtl)
        } else {
            None
        }
    })
}

/// Bidi controls that embed, override or isolate: they could reverse the
/// text that follows a name, so they are dropped. LRM, RLM and ALM stay.
fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Splits text into lines (`\n`, `\r\n`, U+2028, U+2029), turns tabs into
/// spaces, and drops other control and bidi-override characters and the
/// characters XML does not allow (U+FFFE, U+FFFF, lone controls): Graphviz
/// reads HTML-like labels (titles, captions, the legend) with an XML
/// parser and rejects the whole file for one of them.
pub fn clean_lines(s: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in s.chars() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => lines.push(String::new()),
            '\t' => lines.last_mut().expect("never empty").push(' '),
            c if c.is_control() || is_bidi_control(c) || !super::xml::allowed(c) => {}
            c => lines.last_mut().expect("never empty").push(c),
        }
    }
    lines
}

/// Makes a line display in the given direction: when its first strong
/// character runs the other way (e.g. an English line that starts with an
/// Arabic word, such as "درعا / Daraa"), a mark is put in front so that the
/// Unicode bidi algorithm does not reorder it.
pub fn directed(line: &str, dir: Dir) -> String {
    match (dir, first_strong(line)) {
        (Dir::Ltr, Some(Dir::Rtl)) => format!("{LRM}{line}"),
        (Dir::Rtl, Some(Dir::Ltr)) => format!("{RLM}{line}"),
        _ => line.to_string(),
    }
}

/// Lines of a name, each made to display in `dir`.
pub fn directed_lines(s: &str, dir: Dir) -> Vec<String> {
    clean_lines(s).iter().map(|l| directed(l, dir)).collect()
}

/// Escapes text for a double-quoted DOT string used as a label or tooltip:
/// backslash, quote and `&` become `\\`, `\"`, `&amp;`; line breaks become
/// `\n`; control and bidi-override characters are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in clean_lines(s).iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in line.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '&' => out.push_str("&amp;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// Escapes text for an HTML-like label: `&`, `<`, `>`, `"` become entities,
/// line breaks `<BR/>`; control and bidi-override characters are dropped.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in clean_lines(s).iter().enumerate() {
        if i > 0 {
            out.push_str("<BR/>");
        }
        for c in line.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// A file-name-safe slug: lowercase ASCII letters, digits and single
/// hyphens; anything else becomes a hyphen. Never empty.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_hostile_text() {
        assert_eq!(escape(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(escape("x\ny\r"), "x\\ny");
        assert_eq!(escape("}{<&> graph"), "}{<&amp;> graph");
        assert_eq!(escape("&amp; \\N"), "&amp;amp; \\\\N");
        assert_eq!(escape("\u{0007}bell\u{202E}"), "bell");
        assert_eq!(escape("a\u{2028}b"), "a\\nb");
        assert_eq!(escape("a\tb"), "a b");
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        // U+FFFE in a title made Graphviz reject the file ("not well-formed").
        assert_eq!(html("a\u{FFFE}b\u{FFFF}c"), "abc");
        assert_eq!(escape("a\u{FFFE}\u{7}b"), "ab");
    }

    #[test]
    fn html_escaping() {
        assert_eq!(
            html("<b>&\"x\"</b>\ny"),
            "&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;<BR/>y"
        );
    }

    #[test]
    fn marks_only_where_the_direction_would_flip() {
        assert_eq!(directed("Daraa", Dir::Ltr), "Daraa");
        assert_eq!(directed("درعا / Daraa", Dir::Ltr), "\u{200E}درعا / Daraa");
        assert_eq!(directed("درعا", Dir::Rtl), "درعا");
        assert_eq!(directed("HTS هيئة", Dir::Rtl), "\u{200F}HTS هيئة");
        assert_eq!(directed("\"1\" درعا", Dir::Ltr), "\u{200E}\"1\" درعا");
        assert_eq!(directed("2018", Dir::Rtl), "2018");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("eastern-ghouta"), "eastern-ghouta");
        assert_eq!(slug("A b/../c"), "a-b-c");
        assert_eq!(slug("دوما"), "x");
        assert_eq!(slug("--x--"), "x");
    }
}
