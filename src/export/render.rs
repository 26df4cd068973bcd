//! Rendering DOT to SVG, PNG or PDF with Graphviz.
//!
//! Graphviz's cairo/pango outputs (`-Tsvg:cairo`, `-Tpng:cairo`,
//! `-Tpdf:cairo`) are used: pango shapes Arabic and lays out each line in its
//! own direction, and the SVG carries glyph outlines, so it looks the same in
//! every viewer whatever fonts it has.
//!
//! There is no built-in renderer: the one pure-Rust candidate, layout-rs
//! 0.1.3, draws only four node shapes (the kind encoding would be lost), only
//! dashed edges (dotted, arrows and double lines would be lost), no
//! clusters, title or HTML labels, has a layered layout only (the whole
//! network comes out about 26,000 px wide), measures text by counting
//! characters and writes a fixed Times font. See docs/figures.md. Without
//! Graphviz, rendering stops with a message that says how to install it;
//! `musalaha export dot` still writes the DOT files.
//!
//! The `dot` program is looked up on `PATH`, or taken from the `GRAPHVIZ_DOT`
//! environment variable (the name other tools, e.g. PlantUML, use).

use crate::error::{Error, Result};
use crate::export::dot::fit::{self, Fitted, Graphviz, Place};
use crate::export::dot::Drawing;
use std::io::{ErrorKind, Read, Write};
use std::process::{Command, Stdio};

/// Image formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ImageFormat {
    /// Scalable vector graphics; text as glyph outlines.
    #[default]
    Svg,
    /// Bitmap at 150 dpi (a page is its size in inches × 150 pixels).
    Png,
    /// Vector PDF for print.
    Pdf,
}

impl ImageFormat {
    /// File extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }

    /// The format named by a file's extension, if any.
    pub fn from_path(path: &std::path::Path) -> Option<ImageFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            "pdf" => Some(ImageFormat::Pdf),
            _ => None,
        }
    }

    fn graphviz_args(self) -> &'static [&'static str] {
        match self {
            ImageFormat::Svg => &["-Tsvg:cairo"],
            ImageFormat::Png => &["-Tpng:cairo", "-Gdpi=150"],
            ImageFormat::Pdf => &["-Tpdf:cairo"],
        }
    }
}

/// The format to write `path` in: `format` if given, else the one the
/// extension names (SVG when there is none); an extension that names no
/// image format (`-o g.jpg`) is refused rather than filled with SVG.
pub fn image_format(format: Option<ImageFormat>, path: &std::path::Path) -> Result<ImageFormat> {
    if let Some(f) = format {
        return Ok(f);
    }
    match path.extension() {
        None => Ok(ImageFormat::Svg),
        Some(ext) => ImageFormat::from_path(path).ok_or_else(|| Error::UnknownImageExtension {
            path: path.display().to_string(),
            extension: ext.to_string_lossy().into_owned(),
        }),
    }
}

/// How to get Graphviz, for error messages.
pub const INSTALL_HINT: &str = "install Graphviz and Arabic-capable fonts, e.g. `apt-get install graphviz fonts-noto-core` (Debian, Ubuntu), `dnf install graphviz google-noto-sans-arabic-fonts` (Fedora), `brew install graphviz` (macOS), or `winget install graphviz` (Windows); or set GRAPHVIZ_DOT to the `dot` program. Without Graphviz, `musalaha export dot` still writes DOT files.";

/// The `dot` program to run.
pub fn graphviz_program() -> std::ffi::OsString {
    std::env::var_os("GRAPHVIZ_DOT")
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "dot".into())
}

/// Graphviz's version line (`dot - graphviz version 2.43.0 (0)`), or `None`
/// when it cannot be run.
pub fn graphviz_version() -> Option<String> {
    let out = Command::new(graphviz_program())
        .arg("-V")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stderr).trim().to_string();
    Some(text)
}

fn missing(target: &str) -> Error {
    Error::MissingTool {
        what: format!("rendering {target}"),
        tool: "Graphviz",
        help: INSTALL_HINT.to_string(),
    }
}

/// Checks that Graphviz can run; `target` names what would be written.
pub fn require_graphviz(target: &str) -> Result<()> {
    graphviz_version()
        .map(|_| ())
        .ok_or_else(|| missing(target))
}

/// The real Graphviz, for the page fitting.
struct Program<'a> {
    target: &'a str,
}

impl Graphviz for Program<'_> {
    fn run(&mut self, dot: &str, args: &[&str]) -> Result<Vec<u8>> {
        run(dot, args, self.target)
    }
}

/// Renders a drawing. A drawing with a page is fitted to it (see
/// [`crate::export::dot::fit`]): the output is the page, with text no smaller
/// than the page's minimum, or [`Error::FigureDoesNotFit`]. Without a page,
/// for engines that place the legend badly (neato, sfdp, circo, twopi) the
/// network and the legend are laid out apart and the legend is put to the
/// right of the network, top-aligned, before drawing.
pub fn render_drawing(d: &Drawing, format: ImageFormat, target: &str) -> Result<Vec<u8>> {
    if d.page.is_some() && d.options().is_some() {
        return render_fitted(d, format, target).map(|(bytes, _)| bytes);
    }
    match &d.apart {
        None => render(&d.dot, format, target),
        Some((main, legend)) => {
            let main_pos = run(main, &["-Tdot"], target)?;
            let legend_pos = run(legend, &["-Tdot"], target)?;
            let combined = compose(
                &String::from_utf8_lossy(&main_pos),
                &String::from_utf8_lossy(&legend_pos),
            )
            .ok_or_else(|| Error::Render {
                target: target.to_string(),
                message:
                    "could not place the legend beside the network (unexpected Graphviz output)"
                        .to_string(),
            })?;
            let mut args = vec!["-n2"];
            args.extend(format.graphviz_args());
            run(&combined, &args, target)
        }
    }
}

/// Renders a drawing fitted to its page; also says how it was fitted.
pub fn render_fitted(
    d: &Drawing,
    format: ImageFormat,
    target: &str,
) -> Result<(Vec<u8>, Option<Fitted>)> {
    let Some(page) = &d.page else {
        return render_drawing(d, format, target).map(|b| (b, None));
    };
    let fitted = fit::fit(d, page, &mut Program { target }, target)?;
    let mut args = vec!["-n2"];
    args.extend(format.graphviz_args());
    let bytes = run(&fitted.dot, &args, target)?;
    Ok((bytes, Some(fitted)))
}

/// Renders a DOT document; `target` names the file for error messages.
pub fn render(dot: &str, format: ImageFormat, target: &str) -> Result<Vec<u8>> {
    run(dot, format.graphviz_args(), target)
}

/// Runs Graphviz with `args` on `dot`; returns its output.
fn run(dot: &str, args: &[&str], target: &str) -> Result<Vec<u8>> {
    let mut child = Command::new(graphviz_program())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            ErrorKind::NotFound | ErrorKind::PermissionDenied => missing(target),
            _ => Error::Render {
                target: target.to_string(),
                message: format!("cannot start Graphviz: {e}"),
            },
        })?;
    let mut stdin = child.stdin.take();
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    // Feed and drain on separate threads so that neither pipe can fill up.
    let (out, err) = std::thread::scope(|s| {
        s.spawn(move || {
            if let Some(mut i) = stdin.take() {
                // A failed write shows up as Graphviz's exit status.
                let _ = i.write_all(dot.as_bytes());
            }
        });
        let err = s.spawn(move || {
            let mut v = Vec::new();
            if let Some(e) = stderr.as_mut() {
                let _ = e.read_to_end(&mut v);
            }
            v
        });
        let mut out = Vec::new();
        if let Some(o) = stdout.as_mut() {
            let _ = o.read_to_end(&mut out);
        }
        (out, err.join().unwrap_or_default())
    });
    let status = child.wait().map_err(|e| Error::Render {
        target: target.to_string(),
        message: format!("Graphviz did not finish: {e}"),
    })?;
    if !status.success() || out.is_empty() {
        let msg = String::from_utf8_lossy(&err);
        let msg: Vec<&str> = msg.lines().take(5).collect();
        let hint = if msg.iter().any(|l| l.contains("not recognized")) {
            "\n  help: this Graphviz lacks the cairo/pango plugin; install the full package (e.g. `apt-get install graphviz`)"
        } else {
            ""
        };
        return Err(Error::Render {
            target: target.to_string(),
            message: format!("Graphviz failed ({status}): {}{hint}", msg.join(" / ")),
        });
    }
    Ok(out)
}

// ---- placing the legend beside a laid-out network ----

/// Joins DOT line continuations (backslash-newline) that Graphviz writes in
/// long attribute values.
fn unfold(text: &str) -> String {
    text.replace("\\\r\n", "").replace("\\\n", "")
}

/// Byte range of the `{ … }` block that starts at or after `from`, skipping
/// quoted strings and HTML-like `< … >` values.
fn block(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let start = from + text[from..].find('{')?;
    let (mut depth, mut in_str, mut esc, mut angle) = (0i32, false, false, 0i32);
    for (i, &c) in bytes.iter().enumerate().skip(start) {
        if in_str {
            match (esc, c) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' if angle == 0 => in_str = true,
            b'<' => angle += 1,
            b'>' if angle > 0 => angle -= 1,
            b'{' if angle == 0 => depth += 1,
            b'}' if angle == 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some((start, i + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// Finds `name="value"` (the name not part of a longer name) at or after
/// `from`; returns the byte range of the value (without quotes).
fn find_attr(text: &str, name: &str, from: usize) -> Option<(usize, usize)> {
    let pat = format!("{name}=\"");
    let mut at = from;
    while let Some(i) = text[at..].find(&pat) {
        let i = at + i;
        let before = text[..i].chars().next_back();
        if before.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
            let v = i + pat.len();
            let end = v + text[v..].find('"')?;
            return Some((v, end));
        }
        at = i + pat.len();
    }
    None
}

fn numbers(s: &str) -> Option<Vec<f64>> {
    s.split(',').map(|x| x.trim().parse::<f64>().ok()).collect()
}

/// Moves every coordinate in `pos`, `lp`, `xlp` and `bb` values by (dx, dy).
fn translate(text: &str, dx: f64, dy: f64) -> Option<String> {
    let mut out = text.to_string();
    for name in ["pos", "lp", "xlp", "bb"] {
        let mut at = 0;
        while let Some((v, e)) = find_attr(&out, name, at) {
            let value = &out[v..e];
            let moved = if name == "bb" {
                let n = numbers(value)?;
                if n.len() != 4 {
                    return None;
                }
                format!(
                    "{:.2},{:.2},{:.2},{:.2}",
                    n[0] + dx,
                    n[1] + dy,
                    n[2] + dx,
                    n[3] + dy
                )
            } else {
                let mut pts = Vec::new();
                for tok in value.split_whitespace() {
                    let (prefix, rest) = match tok.get(..2) {
                        Some("e,") | Some("s,") => tok.split_at(2),
                        _ => ("", tok),
                    };
                    let n = numbers(rest.trim_end_matches('!'))?;
                    if n.len() != 2 {
                        return None;
                    }
                    pts.push(format!("{prefix}{:.2},{:.2}", n[0] + dx, n[1] + dy));
                }
                pts.join(" ")
            };
            out.replace_range(v..e, &moved);
            at = v + moved.len();
        }
    }
    Some(out)
}

/// A positioned graph with every position stretched by (sx, sy) about the
/// origin, its root `bb` and `lp` dropped: the input of `neato -n`, which
/// removes the overlaps this creates and lays the edges out again.
pub fn stretch(main_pos: &str, sx: f64, sy: f64) -> Option<String> {
    let text = unfold(main_pos);
    let (root, root_end) = root_attrs(&text)?;
    let mut head = text[..root_end].to_string();
    for name in ["bb", "lp"] {
        if let Some((_, (a, b))) = attr_list(&head[root..])
            .into_iter()
            .find(|(n, _)| n == name)
        {
            let (a, b) = (root + a - name.len() - 1, root + b);
            let rest = &head[b..];
            let skip = rest.len() - rest.trim_start_matches([',', ' ', '\t', '\n']).len();
            head.replace_range(a..b + skip, "");
        }
    }
    let mut out = format!("{head}{}", &text[root_end..]);
    let mut at = head.len();
    while let Some((v, e)) = find_attr(&out, "pos", at) {
        let mut pts = Vec::new();
        for tok in out[v..e].split_whitespace() {
            let (prefix, rest) = match tok.get(..2) {
                Some("e,") | Some("s,") => tok.split_at(2),
                _ => ("", tok),
            };
            let n = numbers(rest.trim_end_matches('!'))?;
            if n.len() != 2 {
                return None;
            }
            pts.push(format!("{prefix}{:.2},{:.2}", n[0] * sx, n[1] * sy));
        }
        let moved = pts.join(" ");
        out.replace_range(v..e, &moved);
        at = v + moved.len();
    }
    Some(out)
}

/// Puts the laid-out legend (`legend_pos`, Graphviz `-Tdot` output with a
/// `cluster_legend`) to the right of the laid-out network (`main_pos`),
/// top-aligned, and returns one positioned graph for `neato -n2`.
pub fn compose(main_pos: &str, legend_pos: &str) -> Option<String> {
    compose_at(main_pos, legend_pos, Place::Right)
}

/// Space between the network and the legend, in points.
pub const LEGEND_GAP: f64 = 24.0;

/// The root graph's attribute statement of a `-Tdot` output (unfolded):
/// where it starts and ends.
fn root_attrs(text: &str) -> Option<(usize, usize)> {
    let root = text.find("graph [")?;
    Some((root, root + block_end(&text[root..])?))
}

/// A positioned graph (Graphviz `-Tdot` output) made ready for `neato -n2`
/// as it is: its engine becomes neato, which keeps the positions.
pub fn reposition(main_pos: &str) -> Option<String> {
    let main = unfold(main_pos);
    let (root, root_end) = root_attrs(&main)?;
    find_attr(&main[..root_end], "bb", root)?;
    let mut head = main[..root_end].to_string();
    for engine in ["sfdp", "circo", "twopi", "fdp", "dot"] {
        head = head.replace(&format!("layout={engine}"), "layout=neato");
    }
    Some(format!("{head}{}", &main[root_end..]))
}

/// The attributes of an attribute list `[k=v, …]` starting at `text[0]`:
/// each name with the byte range of its value (quotes included), skipping
/// quoted strings and HTML-like `< … >` values.
fn attr_list(text: &str) -> Vec<(String, (usize, usize))> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = match text.find('[') {
        Some(i) => i + 1,
        None => return out,
    };
    while i < bytes.len() {
        // Skip separators.
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r' | b',' | b';') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b']' {
            break;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
            i += 1;
        }
        let name = text[start..i].to_string();
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n') {
            i += 1;
        }
        if name.is_empty() || i >= bytes.len() || bytes[i] != b'=' {
            break;
        }
        i += 1;
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n') {
            i += 1;
        }
        let v = i;
        match bytes.get(i) {
            Some(b'"') => {
                i += 1;
                let mut esc = false;
                while i < bytes.len() {
                    match (esc, bytes[i]) {
                        (true, _) => esc = false,
                        (false, b'\\') => esc = true,
                        (false, b'"') => break,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            Some(b'<') => {
                let mut depth = 0;
                while i < bytes.len() {
                    match bytes[i] {
                        b'<' => depth += 1,
                        b'>' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ => {
                while i < bytes.len()
                    && !matches!(bytes[i], b',' | b']' | b' ' | b'\t' | b'\n' | b';')
                {
                    i += 1;
                }
            }
        }
        out.push((name, (v, i.min(bytes.len()))));
    }
    out
}

/// The value of a root graph attribute (quotes removed).
pub fn root_value(text: &str, name: &str) -> Option<String> {
    let (root, root_end) = root_attrs(text)?;
    let head = &text[root..root_end];
    attr_list(head)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, (a, b))| head[a..b].trim_matches('"').to_string())
}

/// Sets an attribute of the root graph in a DOT text whose first statement
/// is the root's attribute list (as in Graphviz output and in what
/// [`compose_at`] returns); adds it when missing.
pub fn set_root_attr(text: &str, name: &str, value: &str) -> String {
    let Some((root, root_end)) = root_attrs(text) else {
        return text.to_string();
    };
    let head = &text[root..root_end];
    if let Some((_, (a, b))) = attr_list(head).into_iter().find(|(n, _)| n == name) {
        let (a, b) = (root + a, root + b);
        return format!("{}\"{value}\"{}", &text[..a], &text[b..]);
    }
    let open = root + "graph [".len();
    format!("{}{name}=\"{value}\", {}", &text[..open], &text[open..])
}

/// Puts the laid-out legend (`legend_pos`, Graphviz `-Tdot` output with a
/// `cluster_legend`) beside or under the laid-out network (`main_pos`) and
/// returns one positioned graph for `neato -n2`. Beside, its top is level
/// with the top of the network (under the title); under, its left edge is
/// level with the network's. The root graph's `bb` and `lp` are dropped so
/// that Graphviz computes them again around both parts (and centres the
/// title); the layout becomes neato.
pub fn compose_at(main_pos: &str, legend_pos: &str, place: Place) -> Option<String> {
    let main = unfold(main_pos);
    let legend = unfold(legend_pos);
    // The root graph's attribute statement comes first in -Tdot output.
    let (root, root_end) = root_attrs(&main)?;
    let (bv, be) = find_attr(&main[..root_end], "bb", root)?;
    let mbb = numbers(&main[bv..be])?;
    // The title (a top label) takes the top of the box.
    let title = match (
        root_value(&main, "lheight").and_then(|h| h.parse::<f64>().ok()),
        root_value(&main, "labelloc").as_deref(),
    ) {
        (Some(h), Some("t")) => h * 72.0,
        _ => 0.0,
    };
    let mut head = main[..root_end].to_string();
    for name in ["bb", "lp"] {
        if let Some((v, e)) = find_attr(&head, name, root) {
            // Remove `name="…"` and a following comma.
            let start = v - name.len() - 2;
            let mut end = e + 1;
            let rest = &head[end..];
            let skip = rest.len() - rest.trim_start_matches([',', ' ', '\t', '\n']).len();
            end += skip;
            head.replace_range(start..end, "");
        }
    }
    for engine in ["sfdp", "circo", "twopi", "fdp", "dot"] {
        head = head.replace(&format!("layout={engine}"), "layout=neato");
    }
    let body_end = main.rfind('}')?;
    // dot-writer numbers clusters; the legend is the one whose id is cluster_legend.
    let mark = legend
        .find(&format!("id={}", crate::export::dot::LEGEND_ID))
        .or_else(|| legend.find(&format!("id=\"{}\"", crate::export::dot::LEGEND_ID)))?;
    let cl = legend[..mark].rfind("subgraph ")?;
    let (_, cl_end) = block(&legend, cl)?;
    let cluster = &legend[cl..cl_end];
    let (lv, le) = find_attr(cluster, "bb", 0)?;
    let lbb = numbers(&cluster[lv..le])?;
    if mbb.len() != 4 || lbb.len() != 4 {
        return None;
    }
    let (dx, dy) = match place {
        Place::Right => (mbb[2] + LEGEND_GAP - lbb[0], mbb[3] - title - lbb[3]),
        Place::Below => (mbb[0] - lbb[0], mbb[1] - LEGEND_GAP - lbb[3]),
    };
    let moved = translate(cluster, dx, dy)?;
    Some(format!(
        "{head}{}\n{moved}\n}}\n",
        &main[root_end..body_end]
    ))
}

/// Length of an attribute statement `graph [ … ];` up to and including `]`.
fn block_end(text: &str) -> Option<usize> {
    let (mut in_str, mut esc, mut angle) = (false, false, 0i32);
    for (i, c) in text.char_indices() {
        if in_str {
            match (esc, c) {
                (true, _) => esc = false,
                (false, '\\') => esc = true,
                (false, '"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if angle == 0 => in_str = true,
            '<' => angle += 1,
            '>' if angle > 0 => angle -= 1,
            ']' if angle == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn translating_positions() {
        let t = translate(
            r#"a [pos="1,2", xlp="9,9"]; b -- c [pos="e,1,1 2,2 3.5,4", lp="0,0"]; graph [bb="0,0,10,20"];"#,
            10.0,
            -1.0,
        )
        .unwrap();
        assert!(t.contains(r#"pos="11.00,1.00""#), "{t}");
        // `xlp` (an external label) is moved once, not taken for `lp`.
        assert!(t.contains(r#"xlp="19.00,8.00""#), "{t}");
        assert!(
            t.contains(r#"pos="e,11.00,0.00 12.00,1.00 13.50,3.00""#),
            "{t}"
        );
        assert!(t.contains(r#"lp="10.00,-1.00""#), "{t}");
        assert!(t.contains(r#"bb="10.00,-1.00,20.00,19.00""#), "{t}");
        assert!(translate(r#"a [pos="x,y"]"#, 1.0, 1.0).is_none());
    }

    #[test]
    fn composing_puts_the_legend_right_of_the_network() {
        let main = "graph {\n\tgraph [bb=\"0,0,100,50\",\n\t\tlabel=<<B>T</B>>,\n\t\tlayout=sfdp,\n\t\tlp=\"50,40\"\n\t];\n\ta [pos=\"10,10\"];\n}\n";
        let legend = "graph {\n\tgraph [bb=\"0,0,40,30\"];\n\tsubgraph cluster_0 {\n\t\tgraph [bb=\"5,5,40,30\", id=cluster_legend, label=\"{Legend}\"];\n\t\tx [pos=\"20,\\\n20\"];\n\t}\n}\n";
        let c = compose(main, legend).unwrap();
        assert!(!c.contains("bb=\"0,0,100,50\""), "{c}");
        assert!(!c.contains("lp=\"50,40\""), "{c}");
        assert!(c.contains("layout=neato") && !c.contains("sfdp"), "{c}");
        // dx = 100 + 24 - 5, dy = 50 - 30
        assert!(c.contains("bb=\"124.00,25.00,159.00,50.00\""), "{c}");
        assert!(c.contains("x [pos=\"139.00,40.00\"]"), "{c}");
        assert!(c.contains("a [pos=\"10,10\"]"), "{c}");
        assert_eq!(c.matches('{').count(), c.matches('}').count(), "{c}");
        assert!(compose("graph { a }", legend).is_none());
        // Under the network, left-aligned: dx = 0 - 5, dy = 0 - 24 - 30.
        let c = compose_at(main, legend, Place::Below).unwrap();
        assert!(c.contains("bb=\"0.00,-49.00,35.00,-24.00\""), "{c}");
        // Beside a titled network: level with the top under the title.
        let titled = main.replace("layout=sfdp,", "labelloc=t, lheight=0.25, layout=sfdp,");
        let c = compose_at(&titled, legend, Place::Right).unwrap();
        assert!(c.contains("bb=\"124.00,7.00,159.00,32.00\""), "{c}");
    }

    #[test]
    fn stretching_positions() {
        let g = "graph {\n\tgraph [bb=\"0,0,10,10\", lp=\"5,9\", layout=neato];\n\ta [pos=\"10,\\\n4\"];\n\ta -- b [pos=\"e,1,1 2,2\"];\n}\n";
        let s = stretch(g, 0.5, 2.0).unwrap();
        assert!(!s.contains("bb=") && !s.contains("lp="), "{s}");
        assert!(s.contains("graph [layout=neato]"), "{s}");
        assert!(s.contains("a [pos=\"5.00,8.00\"]"), "{s}");
        assert!(s.contains("pos=\"e,0.50,2.00 1.00,4.00\""), "{s}");
        assert!(stretch("graph { a }", 1.0, 1.0).is_none());
    }

    #[test]
    fn root_attributes_are_set_and_engines_kept_positions() {
        let g = "graph {\n\tgraph [bb=\"0,0,1,1\", layout=fdp, splines=false];\n\ta [pos=\"1,1\"];\n}\n";
        let s = set_root_attr(g, "splines", "curved");
        assert!(s.contains("splines=\"curved\"]"), "{s}");
        let s = set_root_attr(g, "size", "7,5");
        assert!(s.contains("graph [size=\"7,5\", bb="), "{s}");
        let quoted = set_root_attr(&s, "size", "1,2");
        assert!(quoted.contains("size=\"1,2\", bb"), "{quoted}");
        let r = reposition(g).unwrap();
        assert!(
            r.contains("layout=neato") && r.contains("bb=\"0,0,1,1\""),
            "{r}"
        );
        assert!(reposition("graph { a }").is_none());
    }

    #[test]
    fn formats_from_paths() {
        assert_eq!(
            ImageFormat::from_path(Path::new("a/b.SVG")),
            Some(ImageFormat::Svg)
        );
        assert_eq!(
            ImageFormat::from_path(Path::new("b.pdf")),
            Some(ImageFormat::Pdf)
        );
        assert_eq!(ImageFormat::from_path(Path::new("b.dot")), None);
        assert_eq!(ImageFormat::from_path(Path::new("b")), None);
    }
}
