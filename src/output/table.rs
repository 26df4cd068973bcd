//! The terminal table: columns aligned by display width (East Asian wide
//! characters count two columns, combining marks and direction marks none),
//! fitted to a line width by wrapping the widest columns at spaces (and
//! inside long ids after hyphens).
//!
//! Line breaks, tabs and other control characters inside a cell are shown as
//! spaces so that one cell never breaks the layout.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns narrower than this are never wrapped.
const MIN_WRAP: usize = 12;

/// Display width of a cell.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Cuts a cell into lines of at most `w` columns, breaking at spaces, and
/// inside a word only when the word alone is too wide.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    if width(s) <= w {
        return vec![s.to_string()];
    }
    let mut lines = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0;
    for word in s.split(' ') {
        let ww = width(word);
        let sep = usize::from(!cur.is_empty());
        if cur_w + sep + ww <= w {
            if sep == 1 {
                cur.push(' ');
            }
            cur.push_str(word);
            cur_w += sep + ww;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            cur_w = 0;
        }
        if ww <= w {
            cur.push_str(word);
            cur_w = ww;
            continue;
        }
        // A word wider than the column: break after hyphens, and inside a
        // piece only when the piece alone is too wide.
        for piece in word.split_inclusive('-') {
            let pw = width(piece);
            if cur_w + pw > w && !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0;
            }
            if pw <= w {
                cur.push_str(piece);
                cur_w += pw;
                continue;
            }
            for c in piece.chars() {
                let cw = c.width().unwrap_or(0);
                if cur_w + cw > w && !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                    cur_w = 0;
                }
                cur.push(c);
                cur_w += cw;
            }
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Column widths that fit `max_width` (two spaces between columns). The
/// widest columns are capped at one width, as large as fits: first only the
/// columns that hold text with spaces (they wrap at word boundaries), then,
/// if that is not enough, every column. A column is never narrower than its
/// header or `MIN_WRAP`.
pub fn fit(natural: &[usize], headers: &[usize], spaced: &[bool], max_width: usize) -> Vec<usize> {
    let gaps = 2 * natural.len().saturating_sub(1);
    let capped = |cap: usize, all: bool| -> Vec<usize> {
        natural
            .iter()
            .zip(headers)
            .zip(spaced)
            .map(|((&n, &h), &sp)| {
                if all || sp {
                    n.min(cap.max(h).max(MIN_WRAP))
                } else {
                    n
                }
            })
            .collect()
    };
    let total = |w: &[usize]| w.iter().sum::<usize>() + gaps;
    if total(natural) <= max_width {
        return natural.to_vec();
    }
    let widest = natural.iter().copied().max().unwrap_or(0);
    for all in [false, true] {
        if total(&capped(0, all)) > max_width && !all {
            continue;
        }
        // The largest cap that fits (the total grows with the cap).
        let (mut lo, mut hi) = (0, widest);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if total(&capped(mid, all)) <= max_width {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return capped(lo, all);
    }
    capped(0, true)
}

/// An aligned plain-text table with a header rule, at most `max_width`
/// columns wide where the cells allow it; trailing spaces are trimmed.
pub fn render(headers: &[&str], rows: &[Vec<String>], max_width: usize) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let header_w: Vec<usize> = headers.iter().map(|h| width(h)).collect();
    let mut natural = header_w.clone();
    for r in &rows {
        for (i, c) in r.iter().enumerate().take(natural.len()) {
            natural[i] = natural[i].max(width(c));
        }
    }
    let spaced: Vec<bool> = (0..natural.len())
        .map(|i| {
            rows.iter()
                .any(|r| r.get(i).is_some_and(|c| c.trim().contains(' ')))
        })
        .collect();
    let w = fit(&natural, &header_w, &spaced, max_width);
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        let n = cells.len();
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i + 1 < n {
                s.push_str(&" ".repeat(w[i].saturating_sub(width(c)) + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    out.push_str(&line(&w.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>()));
    for r in &rows {
        let wrapped: Vec<Vec<String>> = r
            .iter()
            .enumerate()
            .take(w.len())
            .map(|(i, c)| wrap(c, w[i]))
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let cells: Vec<String> = wrapped
                .iter()
                .map(|c| c.get(k).cloned().unwrap_or_default())
                .collect();
            out.push_str(&line(&cells));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns_by_display_width() {
        let t = render(
            &["id", "name"],
            &[
                vec!["dm".into(), "دوما".into()],
                vec!["harasta".into(), "x".into()],
                vec!["漢字".into(), "جَيْش".into()],
            ],
            100,
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "id       name");
        assert_eq!(lines[1], "-------  ----");
        assert_eq!(lines[2], "dm       دوما");
        assert_eq!(lines[3], "harasta  x");
        // Wide characters take two columns; the harakat none.
        assert_eq!(lines[4], "漢字     جَيْش");
        assert_eq!(width("جَيْش"), 3);
    }

    #[test]
    fn long_cells_wrap_to_fit_the_width() {
        let long = "eg-2018-03-21-harasta (2018-03-21); eg-2018-03-24-faylaq-al-rahman (2018-03-24); eg-2018-04-01-douma (2018-04-01)";
        let t = render(
            &["link", "actor", "agreements"],
            &[vec![
                "counterpart".into(),
                "hmeimim-centre".into(),
                long.into(),
            ]],
            60,
        );
        for l in t.lines() {
            assert!(width(l) <= 60, "{l:?} is {} wide", width(l));
        }
        // Every word of the long cell is still there, in order.
        let words: Vec<&str> = t
            .lines()
            .skip(2)
            .flat_map(|l| l.split_whitespace())
            .filter(|w| *w != "counterpart" && *w != "hmeimim-centre")
            .collect();
        assert_eq!(words.join(" "), long);
    }

    #[test]
    fn control_characters_cannot_break_rows() {
        let t = render(&["a"], &[vec!["x\ny\tz".into()]], 100);
        assert_eq!(t.lines().count(), 3);
        assert_eq!(t.lines().nth(2), Some("x y z"));
    }

    #[test]
    fn wrap_breaks_words_only_when_needed() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(
            wrap("ministry-of-reconciliation", 15),
            ["ministry-of-", "reconciliation"]
        );
        assert_eq!(wrap("", 3), [""]);
    }
}
