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
//! - `date`: empty or `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (checked; kept with
//!   [`ReadOptions::details`] for exports, where they become time spells).
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
//! Memory: the ids once, in one text arena with one offset each (interned
//! through a table of u32 numbers, no `String` per id); 16 bytes per row
//! while reading, sorted and summed in place into one entry per distinct
//! pair; then the compact graph built straight from the sorted pairs (12
//! bytes per arc), the pairs freed. Only the compact graphs are kept. With
//! [`ReadOptions::details`] (exports and listings) the kind and date of
//! every row are kept too, as [`Tie`]s.

use crate::error::{Diagnostic, Entity, Error, Result};
use crate::graph::csr::{Compact, CsrGraph};
use crate::graph::SimpleGraph;
use crate::model::date::FuzzyDate;
use crate::model::Day;
use std::fs::File;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Problems listed before the rest are only counted.
pub const MAX_PROBLEMS: usize = 20;

/// How to read a network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Read the rows as arcs source → target (see the module documentation).
    pub directed: bool,
    /// Keep every row's kind and date, grouped into [`Tie`]s (for exports
    /// and edge listings; measures do not need them).
    pub details: bool,
}

/// The nodes of a network: ids in one text arena, and the node list's
/// label, kind and group of each (empty when not given).
#[derive(Debug, Clone, Default)]
pub struct Nodes {
    text: String,
    /// End of each id in `text` (the start is the previous end).
    ends: Vec<u32>,
    /// From the node list, one per node, or empty when there was none.
    labels: Vec<String>,
    kinds: Vec<String>,
    groups: Vec<String>,
}

impl Nodes {
    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The id of node `i`.
    pub fn id(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// Every id, in node order (the order first seen, node list first).
    pub fn ids(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(move |i| self.id(i))
    }

    /// The label of node `i`: the node list's, else the id.
    pub fn label(&self, i: usize) -> &str {
        match self.labels.get(i) {
            Some(l) if !l.is_empty() => l,
            _ => self.id(i),
        }
    }

    /// The names of node `i` as the outputs show them: the label (or id) is
    /// the name in `name_en`, the one every output shows by default; a label
    /// mostly in Arabic script is also the Arabic name (`name_ar`, shown by
    /// `--labels ar|both`), other labels have none.
    pub fn names(&self, i: usize) -> (&str, &str) {
        let label = self.label(i);
        if crate::names::is_arabic(label) {
            (label, label)
        } else {
            (label, "")
        }
    }

    /// The node list's kind of node `i` ("" when not given).
    pub fn kind(&self, i: usize) -> &str {
        self.kinds.get(i).map_or("", String::as_str)
    }

    /// The node list's group of node `i` ("" when not given).
    pub fn group(&self, i: usize) -> &str {
        self.groups.get(i).map_or("", String::as_str)
    }

    /// The node whose id is exactly `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.id(i) == id)
    }

    /// Resolves a user's argument to a node: an exact id, else an id or
    /// label equal after the normalisation of [`crate::names`] (case,
    /// marks, Arabic letter forms, digits), else a unique node whose id or
    /// label contains it. Unknown and ambiguous names are errors with the
    /// closest ids or the candidates.
    pub fn resolve(&self, query: &str) -> Result<(usize, crate::resolve::Resolution)> {
        use crate::names::{How, Miss, Resolver};
        if query.trim().is_empty() {
            return Err(Error::EmptyName { what: Entity::Node });
        }
        let plain = |i: usize, how: How, others: Vec<String>| crate::resolve::Resolution {
            what: Entity::Node,
            query: query.to_string(),
            id: self.id(i).to_string(),
            how,
            others,
        };
        if let Some(i) = self.index_of(query) {
            return Ok((i, plain(i, How::Id, Vec::new())));
        }
        let mut r = Resolver::default();
        for i in 0..self.len() {
            r.add(self.id(i), [self.label(i)]);
        }
        match r.find(query, &|_| None) {
            Ok(f) => {
                let i = self.index_of(&f.id).unwrap_or(0);
                Ok((i, plain(i, f.how, f.others)))
            }
            Err(Miss::Unknown { closest }) => Err(Error::UnknownName {
                what: Entity::Node,
                query: query.to_string(),
                closest,
            }),
            Err(Miss::Ambiguous { candidates }) => Err(Error::AmbiguousName {
                what: Entity::Node,
                query: query.to_string(),
                candidates,
            }),
        }
    }
}

/// The rows of one (pair, kind), with [`ReadOptions::details`]: undirected
/// `source < target`; directed as the arc runs (a symmetric kind once,
/// `source < target`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tie {
    pub source: u32,
    pub target: u32,
    /// Index into [`Network::kinds`] (the kind as written; "" for none).
    pub kind: u32,
    /// Sum of the rows' weights.
    pub weight: f64,
    /// Number of rows.
    pub rows: u32,
    /// The days each dated row may mean (start, end), sorted, repeats
    /// dropped.
    pub dates: Vec<(Day, Day)>,
    /// Whether the tie is an arc (read with `directed`, kind not symmetric).
    pub directed: bool,
}

/// A network read from files.
#[derive(Debug, Clone, Default)]
pub struct Network {
    pub nodes: Nodes,
    /// The undirected graph: one edge per pair, the weights of its rows summed.
    graph: CsrGraph,
    /// With `directed`: the arcs, the weights of each arc's rows summed.
    digraph: Option<CsrGraph>,
    pub directed: bool,
    /// Data rows read from the edge file.
    pub rows: usize,
    /// With [`ReadOptions::details`]: the ties, by (source, target, kind).
    pub ties: Vec<Tie>,
    /// The kinds the ties name, in first-seen order ("" first).
    pub kinds: Vec<String>,
}

const SYMMETRIC: [&str; 3] = ["signing", "co-signing", "negotiating"];

struct Problems {
    file: String,
    list: Vec<Diagnostic>,
    count: usize,
}

impl Problems {
    fn new(file: &str) -> Problems {
        Problems {
            file: file.to_string(),
            list: Vec::new(),
            count: 0,
        }
    }

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
        let h = h.trim().trim_start_matches('\u{feff}');
        names.iter().any(|n| h.eq_ignore_ascii_case(n))
    })
}

/// Interns ids: their text in one arena, a hash table of node numbers
/// whose keys are read from the arena.
#[derive(Default)]
struct Interner {
    nodes: Nodes,
    table: hashbrown::HashTable<u32>,
    hasher: std::hash::RandomState,
}

impl Interner {
    fn get(&mut self, id: &str) -> u32 {
        let h = self.hasher.hash_one(id);
        let nodes = &self.nodes;
        if let Some(&i) = self.table.find(h, |&i| nodes.id(i as usize) == id) {
            return i;
        }
        let i = self.nodes.len() as u32;
        self.nodes.text.push_str(id);
        self.nodes.ends.push(self.nodes.text.len() as u32);
        let (nodes, hasher) = (&self.nodes, &self.hasher);
        self.table
            .insert_unique(h, i, |&j| hasher.hash_one(nodes.id(j as usize)));
        i
    }

    fn into_nodes(self) -> Nodes {
        let mut n = self.nodes;
        n.text.shrink_to_fit();
        n.ends.shrink_to_fit();
        n
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
fn collapse(v: &mut Vec<(u32, u32, f64)>) {
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
}

/// A row kept for the details: pair, kind, weight, date, direction.
struct DetailRow {
    a: u32,
    b: u32,
    kind: u32,
    w: f64,
    date: Option<(Day, Day)>,
    directed: bool,
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
/// assert_eq!(net.nodes.ids().collect::<Vec<_>>(), ["الحكومة", "Faction A", "x"]);
/// assert_eq!(net.edges().collect::<Vec<_>>(), vec![(0, 1, 2.0), (1, 2, 1.0)]);
/// ```
pub fn read(edges: &Path, nodes: Option<&Path>, directed: bool) -> Result<Network> {
    read_with(
        edges,
        nodes,
        ReadOptions {
            directed,
            details: false,
        },
    )
}

/// [`read`] with [`ReadOptions`].
pub fn read_with(edges: &Path, nodes: Option<&Path>, options: ReadOptions) -> Result<Network> {
    let directed = options.directed;
    let mut ids = Interner::default();
    let mut info: Vec<(u32, String, String, String)> = Vec::new();
    if let Some(path) = nodes {
        read_nodes(path, &mut ids, &mut info)?;
    }
    let file = edges.display().to_string();
    let mut problems = Problems::new(&file);
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
    // (min, max, w) per row; with `directed` also the arcs (symmetric rows
    // both ways).
    let mut list: Vec<(u32, u32, f64)> = Vec::with_capacity(guess.min(1 << 28));
    let mut arcs: Vec<(u32, u32, f64)> = Vec::new();
    let mut details: Vec<DetailRow> = Vec::new();
    let mut kinds: Vec<String> = vec![String::new()];
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
        let field = |i: usize| -> Option<std::result::Result<&str, ()>> {
            rec.get(i).map(|b| std::str::from_utf8(b).map_err(|_| ()))
        };
        let mut ok = true;
        let id = |i: usize, what: &str, problems: &mut Problems| -> Option<&str> {
            match field(i).map(|r| r.map(str::trim)) {
                Some(Ok(s)) if !s.is_empty() => Some(s),
                Some(Err(())) => {
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
        let text = |i: usize| field(i).and_then(|r| r.ok()).map_or("", str::trim);
        let w = match weight {
            None => 1.0,
            Some(i) => {
                let s = text(i);
                match s.parse::<f64>() {
                    Ok(w) if w.is_finite() && w > 0.0 => w,
                    _ => {
                        problems.add(
                            line,
                            i + 1,
                            "bad-value",
                            format!("weight '{s}' is not a number above 0"),
                            "weights are positive numbers (a tie of weight w is 1/w long)",
                        );
                        ok = false;
                        1.0
                    }
                }
            }
        };
        let mut day = None;
        if let Some(i) = date {
            let d = text(i);
            if !d.is_empty() {
                match FuzzyDate::parse(d) {
                    Ok(f) if date_ok(d) => day = Some((f.start, f.end)),
                    _ => {
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
        let (x, y) = (ids.get(a), ids.get(b));
        let k = kind.map_or("", text);
        let symmetric = SYMMETRIC.contains(&k);
        list.push((x.min(y), x.max(y), w));
        if directed {
            arcs.push((x, y, w));
            if symmetric {
                arcs.push((y, x, w));
            }
        }
        if options.details {
            let kind = match kinds.iter().position(|s| s == k) {
                Some(p) => p as u32,
                None => {
                    kinds.push(k.to_string());
                    (kinds.len() - 1) as u32
                }
            };
            let arc = directed && !symmetric;
            let (a, b) = if arc { (x, y) } else { (x.min(y), x.max(y)) };
            details.push(DetailRow {
                a,
                b,
                kind,
                w,
                date: day,
                directed: arc,
            });
        }
    }
    drop(rec);
    problems.finish()?;
    let mut nodes = ids.into_nodes();
    let n = nodes.len();
    if !info.is_empty() {
        let (mut labels, mut nkinds, mut groups) = (
            vec![String::new(); n],
            vec![String::new(); n],
            vec![String::new(); n],
        );
        for (i, l, k, g) in info {
            let i = i as usize;
            labels[i] = l;
            nkinds[i] = k;
            groups[i] = g;
        }
        nodes.labels = labels;
        nodes.kinds = nkinds;
        nodes.groups = groups;
    }
    let digraph = directed.then(|| {
        collapse(&mut arcs);
        CsrGraph::directed(n, &arcs)
    });
    drop(arcs);
    collapse(&mut list);
    let graph = CsrGraph::from_sorted_edges(n, list);
    let ties = if options.details {
        ties_of(details)
    } else {
        Vec::new()
    };
    Ok(Network {
        nodes,
        graph,
        digraph,
        directed,
        rows,
        ties,
        kinds: if options.details { kinds } else { Vec::new() },
    })
}

/// Groups the detail rows into ties by (source, target, kind), rows in
/// file order.
fn ties_of(mut rows: Vec<DetailRow>) -> Vec<Tie> {
    rows.sort_by_key(|r| (r.a, r.b, r.kind, !r.directed));
    let mut out: Vec<Tie> = Vec::new();
    for r in rows {
        match out.last_mut() {
            Some(t)
                if t.source == r.a
                    && t.target == r.b
                    && t.kind == r.kind
                    && t.directed == r.directed =>
            {
                t.weight += r.w;
                t.rows += 1;
                t.dates.extend(r.date);
            }
            _ => out.push(Tie {
                source: r.a,
                target: r.b,
                kind: r.kind,
                weight: r.w,
                rows: 1,
                dates: r.date.into_iter().collect(),
                directed: r.directed,
            }),
        }
    }
    for t in &mut out {
        t.dates.sort_unstable();
        t.dates.dedup();
    }
    out
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
    info: &mut Vec<(u32, String, String, String)>,
) -> Result<()> {
    let file = path.display().to_string();
    let mut problems = Problems::new(&file);
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
    loop {
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                problems.add(
                    e.position().map_or(0, |p| p.line()),
                    1,
                    "syntax",
                    e.to_string(),
                    "check the quoting of this row",
                );
                continue;
            }
        }
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>| -> Option<String> {
            match c.and_then(|i| rec.get(i)) {
                None => Some(String::new()),
                Some(b) => std::str::from_utf8(b).ok().map(|s| s.trim().to_string()),
            }
        };
        let (Some(id), Some(l), Some(k), Some(g)) =
            (get(Some(idc)), get(label), get(kind), get(group))
        else {
            problems.add(
                line,
                idc + 1,
                "encoding",
                "the row is not valid UTF-8".into(),
                "save the file as UTF-8",
            );
            continue;
        };
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
        let before = ids.nodes.len();
        let i = ids.get(&id);
        if (i as usize) < before {
            problems.add(
                line,
                idc + 1,
                "duplicate-id",
                format!("node '{id}' is listed twice"),
                "list each node once",
            );
            continue;
        }
        info.push((i, l, k, g));
    }
    problems.finish()
}

impl Network {
    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// The label of node `i`: the node list's, else the id.
    pub fn label(&self, i: usize) -> &str {
        self.nodes.label(i)
    }

    /// The English and Arabic names of node `i` ([`Nodes::names`]).
    pub fn names(&self, i: usize) -> (&str, &str) {
        self.nodes.names(i)
    }

    /// The undirected compact graph (one edge per pair).
    pub fn graph(&self) -> &CsrGraph {
        &self.graph
    }

    /// The directed compact graph, when read with `directed`.
    pub fn digraph(&self) -> Option<&CsrGraph> {
        self.digraph.as_ref()
    }

    /// The undirected edges `(a, b, w)` with `a < b`, sorted: the weights of
    /// a pair's rows summed.
    pub fn edges(&self) -> impl Iterator<Item = (u32, u32, f64)> + '_ {
        let g = &self.graph;
        (0..g.node_count() as u32).flat_map(move |v| {
            g.out(v)
                .iter()
                .zip(g.out_weights(v))
                .filter(move |(&t, _)| t > v)
                .map(move |(&t, &w)| (v, t, w))
        })
    }

    /// Number of undirected edges.
    pub fn edge_count(&self) -> usize {
        self.graph.arc_count() / 2
    }

    /// The sum of the undirected edges' weights.
    pub fn total_weight(&self) -> f64 {
        self.edges().fold(0.0, |s, e| s + e.2)
    }

    /// The kind text of a tie.
    pub fn kind_of(&self, t: &Tie) -> &str {
        self.kinds.get(t.kind as usize).map_or("", String::as_str)
    }

    /// The compact graphs, for measures, and the nodes apart.
    pub fn into_parts(self) -> (Nodes, Compact<'static>) {
        (self.nodes, Compact::from_csr(self.graph, self.digraph))
    }

    /// The network as a [`SimpleGraph`] (node ids as labels, groups from
    /// the node list), for the measures that need edge lists and groups
    /// (brokerage, Burt's measures). Without `directed`, every edge is an
    /// arc both ways.
    pub fn simple(&self) -> SimpleGraph {
        let edges: Vec<(usize, usize, f64)> = self
            .edges()
            .map(|(a, b, w)| (a as usize, b as usize, w))
            .collect();
        let mut g = SimpleGraph::from_edges(self.nodes.ids().map(String::from).collect(), &edges);
        if let Some(d) = &self.digraph {
            g.arcs = (0..d.node_count() as u32)
                .flat_map(|v| {
                    d.out(v).iter().zip(d.out_weights(v)).map(move |(&t, &w)| {
                        crate::graph::SimpleArc {
                            from: v as usize,
                            to: t as usize,
                            weight: w,
                        }
                    })
                })
                .collect();
        }
        g.groups = (0..self.node_count())
            .map(|i| self.nodes.group(i).to_string())
            .collect();
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
        let net = read_with(
            &p,
            None,
            ReadOptions {
                directed: true,
                details: true,
            },
        )
        .unwrap();
        assert_eq!(net.nodes.ids().collect::<Vec<_>>(), ["a", "b", "g"]);
        assert_eq!(
            net.edges().collect::<Vec<_>>(),
            vec![(0, 1, 5.0), (0, 2, 1.0)]
        );
        // signing both ways (2 + 3 each way), guaranteeing g → a only.
        let d = net.digraph().unwrap();
        let arcs: Vec<(u32, u32, f64)> = (0..3u32)
            .flat_map(|v| {
                d.out(v)
                    .iter()
                    .zip(d.out_weights(v))
                    .map(move |(&t, &w)| (v, t, w))
            })
            .collect();
        assert_eq!(arcs, vec![(0, 1, 5.0), (1, 0, 5.0), (2, 0, 1.0)]);
        assert_eq!(net.rows, 3);
        // The ties keep kinds: signing a–b (two rows), guaranteeing g → a.
        let ties: Vec<(u32, u32, &str, f64, u32, bool)> = net
            .ties
            .iter()
            .map(|t| {
                (
                    t.source,
                    t.target,
                    net.kind_of(t),
                    t.weight,
                    t.rows,
                    t.directed,
                )
            })
            .collect();
        assert_eq!(
            ties,
            [
                (0, 1, "signing", 5.0, 2, false),
                (2, 0, "guaranteeing", 1.0, 1, true)
            ]
        );
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
        assert_eq!(net.nodes.ids().collect::<Vec<_>>(), ["y", "z", "x"]);
        assert_eq!(net.label(0), "Why");
        assert_eq!(net.label(2), "x");
        assert_eq!(
            (0..3).map(|i| net.nodes.group(i)).collect::<Vec<_>>(),
            ["regime", "opposition", ""]
        );
        assert_eq!(net.graph().node_count(), 3);
        let (_d3, h) = write("h.csv", "from,to\n");
        assert!(matches!(read(&h, None, false), Ok(net) if net.nodes.is_empty()));
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

#[cfg(test)]
mod more_tests {
    use super::*;

    #[test]
    fn names_resolve_by_id_label_and_folded_arabic() {
        let dir = tempfile::tempdir().unwrap();
        let e = dir.path().join("e.csv");
        let n = dir.path().join("n.csv");
        std::fs::write(&e, "source,target\nn1,n2\nn2,n3\nn3,n4\n").unwrap();
        std::fs::write(
            &n,
            "id,label\nn1,جيش الإسلام\nn2,Faction Alpha\nn3,Faction Beta\n",
        )
        .unwrap();
        let net = read(&e, Some(&n), false).unwrap();
        assert_eq!(net.nodes.resolve("n2").unwrap().0, 1);
        // Hamza forms and case fold.
        let (i, r) = net.nodes.resolve("جيش الاسلام").unwrap();
        assert_eq!((i, r.id.as_str()), (0, "n1"));
        assert_eq!(net.nodes.resolve("faction alpha").unwrap().0, 1);
        assert!(matches!(
            net.nodes.resolve("Faction"),
            Err(Error::AmbiguousName { .. })
        ));
        assert!(matches!(
            net.nodes.resolve("nobody"),
            Err(Error::UnknownName {
                what: Entity::Node,
                ..
            })
        ));
        assert!(matches!(
            net.nodes.resolve(" "),
            Err(Error::EmptyName { .. })
        ));
    }

    #[test]
    fn sorted_edges_build_the_same_rows_as_the_general_builder() {
        let edges = vec![(0, 2, 1.0), (0, 3, 2.0), (1, 2, 3.0), (2, 3, 4.0)];
        let a = CsrGraph::from_sorted_edges(5, edges.clone());
        let b = CsrGraph::undirected(5, &edges);
        for v in 0..5 {
            assert_eq!(a.out(v), b.out(v));
            assert_eq!(a.out_weights(v), b.out_weights(v));
        }
        assert_eq!(a.arc_count(), 8);
        // Unsorted input takes the general path.
        let c = CsrGraph::from_sorted_edges(3, vec![(1, 2, 1.0), (0, 1, 1.0)]);
        assert_eq!(c.out(1), &[0, 2]);
    }
}
