//! Any network in: an edge list (and optionally a node list) in CSV or TSV,
//! read in one streamed pass into the compact graph core.
//!
//! **Edges** (`--edges FILE`): a header naming the columns, in any order and
//! case: `source`, `target` (required), `weight`, `kind`, `date`
//! (optional); other columns are ignored. Tab-separated when the file ends
//! in `.tsv`/`.tab` or its header holds a tab and no comma; quoting follows
//! RFC 4180. Ids are any non-empty text. Each row is one tie:
//!
//! - `weight`: a finite number > 0 (default 1). Several rows of one pair
//!   add up, as several agreements make one weighted edge of the actor
//!   graph;
//! - `kind`: free text; with `directed`, a row is an arc source → target,
//!   except rows of musalaha's symmetric relations (`signing`,
//!   `co-signing`, `negotiating`), which run both ways, as in the actor
//!   graph;
//! - `date`: empty or `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (checked, not used).
//!
//! **Nodes** (`--nodes FILE`): header with `id` and optionally `label`,
//! `kind`, `group` (or `alignment`: the groups of brokerage). Listed nodes
//! without edges are kept as isolated nodes.
//!
//! Every row is validated; problems come back together as
//! [`Error::InvalidData`] with `file:row:column` (the row is the line in the
//! file, the header being line 1), the first [`MAX_PROBLEMS`] listed and the
//! rest counted. A self-loop is a problem (the actor graph has none).
//!
//! Memory: the ids once (interned), 16 bytes per distinct pair, then the
//! compact graph (12 bytes per arc).

use crate::error::{Diagnostic, Error, Result};
use crate::graph::csr::CsrGraph;
use crate::graph::SimpleGraph;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Problems listed before the rest are only counted.
pub const MAX_PROBLEMS: usize = 20;

/// A network read from files.
#[derive(Debug, Clone, Default)]
pub struct Network {
    /// Node ids, in the order first seen (node list first).
    pub ids: Vec<String>,
    /// Label, kind and group per node from the node list (empty when not
    /// given; [`Network::label`] falls back to the id).
    pub labels: Vec<String>,
    pub kinds: Vec<String>,
    pub groups: Vec<String>,
    /// Undirected edges `a < b`, sorted, weights of a pair's rows summed in
    /// file order.
    pub edges: Vec<(u32, u32, f64)>,
    /// Arcs (with `directed`), sorted, weights summed; empty otherwise.
    pub arcs: Vec<(u32, u32, f64)>,
    pub directed: bool,
    /// Data rows read from the edge file.
    pub rows: usize,
}

const SYMMETRIC: [&str; 3] = ["signing", "co-signing", "negotiating"];

struct Problems {
    file: String,
    list: Vec<Diagnostic>,
    count: usize,
}

impl Problems {
    fn add(&mut self, line: u64, column: usize, code: &'static str, message: String, help: &str) {
        self.count += 1;
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Diagnostic {
                file: self.file.clone(),
                line: line as usize,
                column,
                code,
                message,
                help: help.to_string(),
            });
        }
    }

    fn finish(mut self) -> Result<()> {
        if self.count == 0 {
            return Ok(());
        }
        if self.count > self.list.len() {
            let more = self.count - self.list.len();
            self.list.push(Diagnostic {
                file: self.file.clone(),
                line: 0,
                column: 0,
                code: "more",
                message: format!(
                    "{more} more problem{} in this file, not listed ({} in all)",
                    if more == 1 { "" } else { "s" },
                    self.count
                ),
                help: String::new(),
            });
        }
        Err(Error::InvalidData(self.list))
    }
}

/// Opens a delimited file, telling CSV from TSV by the extension or the
/// header line.
fn open(path: &Path) -> Result<csv::Reader<Box<dyn Read>>> {
    let io = |source| Error::Io {
        path: path.display().to_string(),
        source,
    };
    let mut r = BufReader::with_capacity(1 << 16, File::open(path).map_err(io)?);
    let head = r.fill_buf().map_err(io)?;
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let tab = ext == "tsv" || ext == "tab" || (first.contains(&b'\t') && !first.contains(&b','));
    Ok(csv::ReaderBuilder::new()
        .delimiter(if tab { b'\t' } else { b',' })
        .flexible(true)
        .has_headers(true)
        .from_reader(Box::new(r) as Box<dyn Read>))
}

fn column(headers: &csv::ByteRecord, names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = String::from_utf8_lossy(h);
        names.iter().any(|n| h.trim().eq_ignore_ascii_case(n))
    })
}

#[derive(Default)]
struct Interner {
    map: HashMap<Box<str>, u32>,
}

impl Interner {
    fn get(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.map.get(id) {
            return i;
        }
        let i = self.map.len() as u32;
        self.map.insert(id.into(), i);
        i
    }

    fn into_ids(self) -> Vec<String> {
        let mut ids = vec![String::new(); self.map.len()];
        for (k, i) in self.map {
            ids[i as usize] = k.into_string();
        }
        ids
    }
}

fn date_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Sorts `(a, b, w)` by pair (stable, so a pair's rows keep file order) and
/// sums each pair's weights, in place.
fn collapse(mut v: Vec<(u32, u32, f64)>) -> Vec<(u32, u32, f64)> {
    v.sort_by_key(|e| (e.0, e.1));
    v.dedup_by(|later, kept| {
        if later.0 == kept.0 && later.1 == kept.1 {
            kept.2 += later.2;
            true
        } else {
            false
        }
    });
    v.shrink_to_fit();
    v
}

/// Reads an edge list, and a node list when given (see the module
/// documentation for the formats). O(rows) time; every row is checked.
///
/// ```
/// use musalaha::network::read;
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("e.csv");
/// std::fs::write(&path, "source,target,weight\nالحكومة,Faction A,2\nFaction A,x,1\n").unwrap();
/// let net = read(&path, None, false).unwrap();
/// assert_eq!(net.ids, ["الحكومة", "Faction A", "x"]);
/// assert_eq!(net.edges, vec![(0, 1, 2.0), (1, 2, 1.0)]);
/// ```
pub fn read(edges: &Path, nodes: Option<&Path>, directed: bool) -> Result<Network> {
    let mut ids = Interner::default();
    let mut info: HashMap<u32, (String, String, String)> = HashMap::new();
    if let Some(path) = nodes {
        read_nodes(path, &mut ids, &mut info)?;
    }
    let file = edges.display().to_string();
    let mut problems = Problems {
        file: file.clone(),
        list: Vec::new(),
        count: 0,
    };
    let mut rdr = open(edges)?;
    let headers = rdr
        .byte_headers()
        .map_err(|e| Error::InvalidData(vec![syntax(&file, 1, &e)]))?
        .clone();
    let (Some(src), Some(tgt)) = (
        column(&headers, &["source", "from"]),
        column(&headers, &["target", "to"]),
    ) else {
        return Err(Error::InvalidData(vec![Diagnostic {
            file,
            line: 1,
            column: 1,
            code: "missing",
            message: "the header names no `source` and `target` columns".into(),
            help: "start the file with a header such as source,target,weight".into(),
        }]));
    };
    let weight = column(&headers, &["weight"]);
    let kind = column(&headers, &["kind", "relation"]);
    let date = column(&headers, &["date"]);
    // Reserve for the rows the file's size suggests (about 24 bytes a row),
    // instead of doubling past them.
    let guess = std::fs::metadata(edges).map_or(0, |m| m.len() as usize / 24);
    let mut edge_list: Vec<(u32, u32, f64)> = Vec::with_capacity(guess.min(1 << 28));
    let mut arc_list: Vec<(u32, u32, f64)> = Vec::new();
    let mut rec = csv::ByteRecord::new();
    let mut rows = 0usize;
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.add(
                    line,
                    1,
                    "syntax",
                    e.to_string(),
                    "check the quoting of this row",
                );
                if problems.count > 100 * MAX_PROBLEMS && problems.list.len() >= MAX_PROBLEMS {
                    break;
                }
                continue;
            }
        }
        rows += 1;
        let line = rec.position().map_or(rows as u64 + 1, |p| p.line());
        let field = |i: usize| -> Option<&str> {
            rec.get(i)
                .map(|b| std::str::from_utf8(b).unwrap_or("\u{FFFD}"))
        };
        let mut ok = true;
        let id = |i: usize, what: &str, problems: &mut Problems| -> Option<String> {
            match field(i).map(str::trim) {
                Some(s) if !s.is_empty() && !s.contains('\u{FFFD}') => Some(s.to_string()),
                Some(s) if s.contains('\u{FFFD}') => {
                    problems.add(
                        line,
                        i + 1,
                        "encoding",
                        format!("the {what} is not valid UTF-8"),
                        "save the file as UTF-8",
                    );
                    None
                }
                _ => {
                    problems.add(
                        line,
                        i + 1,
                        "missing",
                        format!("the {what} id is empty"),
                        "every row needs a source and a target",
                    );
                    None
                }
            }
        };
        let a = id(src, "source", &mut problems);
        let b = id(tgt, "target", &mut problems);
        let w = match weight.map(|i| (i, field(i).map(str::trim))) {
            None => 1.0,
            Some((i, s)) => match s.and_then(|s| s.parse::<f64>().ok()) {
                Some(w) if w.is_finite() && w > 0.0 => w,
                _ => {
                    problems.add(
                        line,
                        i + 1,
                        "bad-value",
                        format!("weight '{}' is not a number above 0", s.unwrap_or("")),
                        "weights are positive numbers (a tie of weight w is 1/w long)",
                    );
                    ok = false;
                    1.0
                }
            },
        };
        if let Some(i) = date {
            let d = field(i).map(str::trim).unwrap_or("");
            if !d.is_empty() && !date_ok(d) {
                problems.add(
                    line,
                    i + 1,
                    "bad-date",
                    format!("'{d}' is not a date"),
                    "write dates as YYYY, YYYY-MM or YYYY-MM-DD",
                );
                ok = false;
            }
        }
        let (Some(a), Some(b)) = (a, b) else {
            continue;
        };
        if a == b {
            problems.add(
                line,
                src + 1,
                "self-loop",
                format!("'{a}' is tied to itself"),
                "drop the row: measures ignore self-ties",
            );
            continue;
        }
        if !ok || problems.count > 0 {
            // Keep validating, stop building.
            continue;
        }
        let (x, y) = (ids.get(&a), ids.get(&b));
        edge_list.push((x.min(y), x.max(y), w));
        if directed {
            arc_list.push((x, y, w));
            let k = kind.and_then(field).map(str::trim).unwrap_or("");
            if SYMMETRIC.contains(&k) {
                arc_list.push((y, x, w));
            }
        }
    }
    problems.finish()?;
    let ids = ids.into_ids();
    let n = ids.len();
    let (mut labels, mut kinds, mut groups) = (
        vec![String::new(); n],
        vec![String::new(); n],
        vec![String::new(); n],
    );
    for (i, (l, k, g)) in info {
        let i = i as usize;
        labels[i] = l;
        kinds[i] = k;
        groups[i] = g;
    }
    Ok(Network {
        ids,
        labels,
        kinds,
        groups,
        edges: collapse(edge_list),
        arcs: collapse(arc_list),
        directed,
        rows,
    })
}

fn syntax(file: &str, line: u64, e: &csv::Error) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        line: line as usize,
        column: 1,
        code: "syntax",
        message: e.to_string(),
        help: "the file must be CSV or TSV with a header row".into(),
    }
}

fn read_nodes(
    path: &Path,
    ids: &mut Interner,
    info: &mut HashMap<u32, (String, String, String)>,
) -> Result<()> {
    let file = path.display().to_string();
    let mut problems = Problems {
        file: file.clone(),
        list: Vec::new(),
        count: 0,
    };
    let mut rdr = open(path)?;
    let headers = rdr
        .byte_headers()
        .map_err(|e| Error::InvalidData(vec![syntax(&file, 1, &e)]))?
        .clone();
    let Some(idc) = column(&headers, &["id"]) else {
        return Err(Error::InvalidData(vec![Diagnostic {
            file,
            line: 1,
            column: 1,
            code: "missing",
            message: "the header names no `id` column".into(),
            help: "start the node file with a header such as id,label,kind,group".into(),
        }]));
    };
    let label = column(&headers, &["label", "name"]);
    let kind = column(&headers, &["kind"]);
    let group = column(&headers, &["group", "alignment"]);
    let mut rec = csv::ByteRecord::new();
    while rdr.read_byte_record(&mut rec).map_err(|e| {
        Error::InvalidData(vec![syntax(
            &file,
            e.position().map_or(0, |p| p.line()),
            &e,
        )])
    })? {
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>| -> String {
            c.and_then(|i| rec.get(i))
                .map(|b| String::from_utf8_lossy(b).trim().to_string())
                .unwrap_or_default()
        };
        let id = get(Some(idc));
        if id.is_empty() {
            problems.add(
                line,
                idc + 1,
                "missing",
                "the node id is empty".into(),
                "every row needs an id",
            );
            continue;
        }
        let i = ids.get(&id);
        if info
            .insert(i, (get(label), get(kind), get(group)))
            .is_some()
        {
            problems.add(
                line,
                idc + 1,
                "duplicate-id",
                format!("node '{id}' is listed twice"),
                "list each node once",
            );
        }
    }
    problems.finish()
}

impl Network {
    /// The label of node `i`: the node list's, else the id.
    pub fn label(&self, i: usize) -> &str {
        match self.labels.get(i) {
            Some(l) if !l.is_empty() => l,
            _ => &self.ids[i],
        }
    }

    /// The compact graphs: undirected, and directed when read so.
    pub fn csr(&self) -> (CsrGraph, Option<CsrGraph>) {
        let n = self.ids.len();
        let u = CsrGraph::undirected(n, &self.edges);
        let d = self.directed.then(|| CsrGraph::directed(n, &self.arcs));
        (u, d)
    }

    /// The network as a [`SimpleGraph`] (node ids as labels, groups from
    /// the node list), for the measures that need edge lists and groups
    /// (brokerage, Burt's measures). Without `directed`, every edge is an
    /// arc both ways.
    pub fn simple(&self) -> SimpleGraph {
        let edges: Vec<(usize, usize, f64)> = self
            .edges
            .iter()
            .map(|&(a, b, w)| (a as usize, b as usize, w))
            .collect();
        let mut g = SimpleGraph::from_edges(self.ids.clone(), &edges);
        if self.directed {
            g.arcs = self
                .arcs
                .iter()
                .map(|&(a, b, w)| crate::graph::SimpleArc {
                    from: a as usize,
                    to: b as usize,
                    weight: w,
                })
                .collect();
        }
        g.groups = self.groups.clone();
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        (dir, p)
    }

    #[test]
    fn csv_and_tsv_any_column_order_weights_add_up() {
        let (_d, p) = write(
            "e.tsv",
            "weight\tkind\ttarget\tsource\n2\tsigning\tb\ta\n1\tguaranteeing\ta\tg\n3\tsigning\ta\tb\n",
        );
        let net = read(&p, None, true).unwrap();
        assert_eq!(net.ids, ["a", "b", "g"]);
        assert_eq!(net.edges, vec![(0, 1, 5.0), (0, 2, 1.0)]);
        // signing both ways (2 + 3 each way), guaranteeing g → a only.
        assert_eq!(net.arcs, vec![(0, 1, 5.0), (1, 0, 5.0), (2, 0, 1.0)]);
        assert_eq!(net.rows, 3);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_position() {
        let (_d, p) = write(
            "e.csv",
            "source,target,weight,date\na,b,x,2016\n,b,1,2016\nc,c,1,\nd,e,1,16-3\nf,g,-1,2018-02\n",
        );
        let Err(Error::InvalidData(d)) = read(&p, None, false) else {
            panic!("bad rows accepted");
        };
        let got: Vec<(usize, usize, &str)> = d.iter().map(|x| (x.line, x.column, x.code)).collect();
        assert_eq!(
            got,
            [
                (2, 3, "bad-value"),
                (3, 1, "missing"),
                (4, 1, "self-loop"),
                (5, 4, "bad-date"),
                (6, 3, "bad-value")
            ]
        );
        assert!(d[0]
            .to_string()
            .starts_with(&format!("{}:2:3: error[bad-value]", p.display())));
    }

    #[test]
    fn problems_are_capped_and_counted() {
        let mut text = String::from("source,target\n");
        for _ in 0..30 {
            text.push_str("a,a\n");
        }
        let (_d, p) = write("e.csv", &text);
        let Err(Error::InvalidData(d)) = read(&p, None, false) else {
            panic!();
        };
        assert_eq!(d.len(), MAX_PROBLEMS + 1);
        assert!(
            d[MAX_PROBLEMS].message.contains("10 more problems"),
            "{}",
            d[MAX_PROBLEMS].message
        );
    }

    #[test]
    fn nodes_add_labels_groups_and_isolated_nodes() {
        let (_d, e) = write("e.csv", "source,target\nx,y\n");
        let (_d2, n) = write("n.csv", "id,label,group\ny,Why,regime\nz,Zed,opposition\n");
        let net = read(&e, Some(&n), false).unwrap();
        assert_eq!(net.ids, ["y", "z", "x"]);
        assert_eq!(net.labels, ["Why", "Zed", ""]);
        assert_eq!(net.label(2), "x");
        assert_eq!(net.groups, ["regime", "opposition", ""]);
        assert_eq!(net.csr().0.node_count(), 3);
        let (_d3, h) = write("h.csv", "from,to\n");
        assert!(matches!(read(&h, None, false), Ok(net) if net.ids.is_empty()));
        let (_d4, bad) = write("b.csv", "a,b\n1,2\n");
        assert!(matches!(
            read(&bad, None, false),
            Err(Error::InvalidData(_))
        ));
        assert!(matches!(
            read(Path::new("/no/such/file.csv"), None, false),
            Err(Error::Io { .. })
        ));
    }
}
