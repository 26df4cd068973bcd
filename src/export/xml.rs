//! Escaping text for XML 1.0 (GraphML and GEXF are written by hand).
//!
//! Text keeps every character XML 1.0 can carry, byte for byte: quotes,
//! `<`, `&`, line breaks, tabs, right-to-left text and bidi controls. Markup
//! characters become entities; in attribute values line breaks and tabs
//! become character references (a parser would otherwise turn them into
//! spaces), and a carriage return does so everywhere (a parser would turn
//! `\r\n` into `\n`). The only characters dropped are those XML 1.0 forbids
//! even as references: C0 controls other than tab, line feed and carriage
//! return (e.g. U+0007 BELL), and U+FFFE, U+FFFF.

/// Whether XML 1.0 can carry a character.
pub fn allowed(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// Escapes text content of an element.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| allowed(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value (to be written between double quotes).
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| allowed(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls() {
        assert_eq!(text("a < b & \"c\" > d"), "a &lt; b &amp; \"c\" &gt; d");
        assert_eq!(
            attr("a \"b\"\n\tc\r\n"),
            "a &quot;b&quot;&#10;&#9;c&#13;&#10;"
        );
        assert_eq!(text("x\r\ny"), "x&#13;\ny");
        assert_eq!(text("bell\u{7}\u{FFFE}"), "bell");
        assert_eq!(text("&amp;"), "&amp;amp;");
        // Bidi controls and Arabic stay.
        assert_eq!(text("شرير\u{202D}عكس"), "شرير\u{202D}عكس");
    }
}
