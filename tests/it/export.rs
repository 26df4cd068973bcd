//! Diagrams: `export dot` (single files and batches), `render`, styling,
//! escaping of hostile names, and the message when Graphviz is missing.
//!
//! Every DOT text produced here goes through [`assert_dot`]: the Rust DOT
//! parser of graphviz-rust (MIT) and, when it is installed, Graphviz itself
//! (mandatory when MUSALAHA_REQUIRE_GRAPHVIZ is set, as in .ci/run).

use crate::support::{check_with_graphviz, fixture, musalaha, run};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use std::collections::BTreeMap;
use std::path::Path;

fn data(name: &str) -> String {
    fixture(name).to_str().expect("utf-8 path").to_string()
}

// ---- checking DOT ----

/// Parses DOT with graphviz-rust and checks it with Graphviz when present
/// (which must then also print no warning). Returns the parsed graph.
fn assert_dot(dot: &str) -> Graph {
    let g = graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("invalid DOT: {e}\n{dot}"));
    assert!(
        matches!(g, Graph::Graph { .. }),
        "an undirected graph is expected"
    );
    // One Graphviz run checks both that the text is accepted and that it
    // draws without warnings (a bad HTML label, for example, is only a warning).
    if let Some(err) = check_with_graphviz(dot) {
        assert!(
            !err.contains("Warning") && !err.contains("Error"),
            "Graphviz complained: {err}"
        );
    } else {
        static SAID: std::sync::Once = std::sync::Once::new();
        SAID.call_once(|| say_skipped("Graphviz checks of the DOT files in tests/it/export.rs"));
    }
    g
}

/// Says on the real stderr (the test harness captures `eprintln!` of
/// passing tests) that a check was skipped because Graphviz is missing.
fn say_skipped(what: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {what} (no `dot` on PATH; install graphviz to run them)"
    );
}

/// The text of an id as Graphviz shows it in a label: quotes removed, DOT
/// escapes undone (`\"`, `\\`, `\n`), the `&amp;` entity read back, and
/// direction marks dropped.
fn shown(id: &Id) -> String {
    let raw = match id {
        Id::Escaped(s) => s
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or(s)
            .to_string(),
        Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.clone(),
    };
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('l') | Some('r') => out.push('\n'),
                Some(x) => out.push(x),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out.replace("&amp;", "&")
        .replace(['\u{200E}', '\u{200F}'], "")
}

fn id_text(id: &Id) -> String {
    match id {
        Id::Escaped(s) => s.trim_matches('"').to_string(),
        Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.clone(),
    }
}

fn attrs(list: &[Attribute]) -> BTreeMap<String, Id> {
    list.iter()
        .map(|Attribute(k, v)| (id_text(k), v.clone()))
        .collect()
}

/// Everything in a parsed graph, flattened: nodes by id (with the
/// subgraph they sit in), edges, subgraph ids, root graph attributes.
#[derive(Default)]
struct Parsed {
    nodes: BTreeMap<String, (BTreeMap<String, Id>, Vec<String>)>,
    edges: Vec<(String, String, BTreeMap<String, Id>)>,
    subgraphs: Vec<String>,
    graph: BTreeMap<String, Id>,
}

fn flatten(g: &Graph) -> Parsed {
    let stmts = match g {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts,
    };
    let mut p = Parsed::default();
    walk(stmts, &mut Vec::new(), &mut p);
    p
}

fn walk(stmts: &[Stmt], path: &mut Vec<String>, p: &mut Parsed) {
    let vertex = |v: &Vertex| match v {
        Vertex::N(NodeId(id, _)) => id_text(id),
        Vertex::S(_) => "<subgraph>".to_string(),
    };
    for s in stmts {
        match s {
            Stmt::Node(Node {
                id: NodeId(id, _),
                attributes,
            }) => {
                p.nodes
                    .insert(id_text(id), (attrs(attributes), path.clone()));
            }
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(a, b),
                attributes,
            }) => {
                p.edges.push((vertex(a), vertex(b), attrs(attributes)));
            }
            Stmt::Subgraph(Subgraph { id, stmts }) => {
                // dot-writer numbers clusters (cluster_0, …); their stable identity is
                // the `id` attribute set inside them.
                let name = stmts
                    .iter()
                    .find_map(|s| match s {
                        Stmt::Attribute(Attribute(k, v)) if id_text(k) == "id" => Some(id_text(v)),
                        _ => None,
                    })
                    .unwrap_or_else(|| id_text(id));
                p.subgraphs.push(name.clone());
                path.push(name);
                walk(stmts, path, p);
                path.pop();
            }
            Stmt::GAttribute(graphviz_rust::dot_structures::GraphAttributes::Graph(a))
                if path.is_empty() =>
            {
                p.graph.extend(attrs(a));
            }
            _ => {}
        }
    }
}

impl Parsed {
    fn actor_nodes(&self) -> Vec<&String> {
        self.nodes.keys().filter(|k| is_numbered(k, 'n')).collect()
    }
    fn agreement_nodes(&self) -> Vec<&String> {
        self.nodes.keys().filter(|k| is_numbered(k, 'a')).collect()
    }
    fn drawn_edges(&self) -> Vec<&(String, String, BTreeMap<String, Id>)> {
        self.edges
            .iter()
            .filter(|(a, _, _)| !a.starts_with("legend_"))
            .collect()
    }
    fn label(&self, node: &str) -> String {
        shown(&self.nodes[node].0["label"])
    }
    fn labels(&self) -> Vec<String> {
        self.actor_nodes().iter().map(|n| self.label(n)).collect()
    }
    fn attr(&self, node: &str, key: &str) -> Option<String> {
        self.nodes[node].0.get(key).map(id_text)
    }
}

fn is_numbered(id: &str, prefix: char) -> bool {
    id.strip_prefix(prefix)
        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| c.is_ascii_digit()))
}

fn export(args: &[&str]) -> (Parsed, String) {
    let mut all = vec!["export", "dot"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "musalaha {all:?} failed: {err}");
    let g = assert_dot(&out);
    (flatten(&g), out)
}

// ---- escaping ----

/// The names in tests/fixtures/hostile-names, as Graphviz must show them
/// (controls and bidi overrides dropped, tabs as spaces, CRLF as a break).
fn hostile_names() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "Government \"of\" \\N \\G \\L \\l \\\\ \\",
            "النظام \"السوري\" \\N \\",
        ),
        (
            "Faction <b>&amp; &lt; &#945; & {graph} [x] -- y -> z; }\nsecond line",
            "فصيل \"أ\" } digraph { ]",
        ),
        ("graph", "edge"),
        ("درعا / Daraa committee", "Daraa لجنة درعا"),
        ("Eviloverride and isolate", "شريرعكس"),
        ("<<B>bold</B>>", "<TABLE>"),
        ("Flag 🏳️‍🌈 tab bell strict", "لا\u{200D}إله\nسطر"),
    ]
}

#[test]
fn hostile_names_come_out_exactly_in_every_view() {
    let d = data("hostile-names");
    let names = hostile_names();
    let views: &[&[&str]] = &[
        &[],
        &["--two-mode"],
        &["--cluster-by", "alignment"],
        &["--cluster-by", "region", "--level", "town", "--two-mode"],
        &["--layout", "neato", "--size-by", "betweenness"],
        &[
            "--layout",
            "fdp",
            "--cluster-by",
            "region",
            "--level",
            "governorate",
        ],
        &["--layout", "circo", "--no-legend"],
    ];
    for view in views {
        for labels in ["en", "ar", "both"] {
            let mut args = vec!["--data", &d, "--relation", "all", "--labels", labels];
            args.extend_from_slice(view);
            let (p, dot) = export(&args);
            let got = p.labels();
            assert_eq!(got.len(), names.len(), "{view:?} {labels}: {got:?}");
            for (en, ar) in &names {
                let want = match labels {
                    "en" => en.to_string(),
                    "ar" => ar.to_string(),
                    _ => format!("{en}\n{ar}"),
                };
                assert!(
                    got.contains(&want),
                    "{view:?} --labels {labels}: no label {want:?} in {got:?}\n{dot}"
                );
            }
            // Titles and captions are HTML-like labels: escaped as HTML.
            let label = id_text(&p.graph["label"]);
            let source = if labels == "ar" {
                "المصادر: وثيقة &lt;&quot;مصدر&quot;&gt; &amp; \\"
            } else {
                "Sources: Test document &lt;script&gt;&amp;amp; &quot;quoted&quot; \\ {x}"
            };
            assert!(label.contains(source), "{label}");
        }
    }
}

#[test]
fn hostile_names_in_titles_and_file_names() {
    let d = data("hostile-names");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let (code, out, err) = run(&[
        "export",
        "dot",
        "--data",
        &d,
        "--per",
        "region",
        "--out-dir",
        dir,
        "--labels",
        "both",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote 2 DOT files"), "{out}");
    for stem in ["region-gov-a", "region-gov-b"] {
        let dot = std::fs::read_to_string(tmp.path().join(format!("{stem}.dot"))).unwrap();
        let p = flatten(&assert_dot(&dot));
        let title = id_text(&p.graph["label"]);
        if stem == "region-gov-a" {
            assert!(
                title.contains("Governorate &lt;A&gt; &amp; &quot;B&quot; \\ {graph}"),
                "{title}"
            );
        } else {
            assert!(title.contains("Reconciliation network: node"), "{title}");
        }
    }
    let (code, out, err) = run(&[
        "export",
        "dot",
        "--data",
        &d,
        "--per",
        "period",
        "--out-dir",
        dir,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote 2 DOT files"), "{out}");
    let dot = std::fs::read_to_string(tmp.path().join("period-early.dot")).unwrap();
    let p = flatten(&assert_dot(&dot));
    assert!(id_text(&p.graph["label"]).contains("Early &lt;period&gt; &amp; &quot;quotes&quot;"));
}

#[test]
fn the_dot_checks_can_fail() {
    assert!(
        graphviz_rust::parse("graph { a [label=\"x\\\"] }").is_err(),
        "an unclosed string"
    );
    assert!(
        graphviz_rust::parse("graph { a [label=\"x\"]] }").is_err(),
        "a stray bracket"
    );
    assert!(
        graphviz_rust::parse("graph { a [label=<<B>x</B>] }").is_err(),
        "an unclosed HTML label"
    );
    assert_eq!(
        shown(&Id::Escaped(r#""a\\N \"q\" &amp;amp; x\ny""#.into())),
        "a\\N \"q\" &amp; x\ny"
    );
}

// ---- styling ----

#[test]
fn legend_shapes_fills_and_edge_styles() {
    let (p, _) = export(&["--data", &data("valid"), "--relation", "all"]);
    // The legend cluster lists the kinds, alignments and relations present.
    assert!(p.subgraphs.contains(&"cluster_legend".to_string()));
    let in_legend = |prefix: &str| {
        p.nodes
            .iter()
            .filter(|(id, (_, path))| {
                id.starts_with(prefix) && path.contains(&"cluster_legend".to_string())
            })
            .count()
    };
    assert_eq!(in_legend("legend_kind_"), 2, "state and armed-faction");
    assert_eq!(
        in_legend("legend_alignment_"),
        4,
        "regime, regime-ally, opposition, third-party"
    );
    assert_eq!(
        in_legend("legend_relation_"),
        10,
        "two ends for each of 5 relations"
    );
    // Shapes by kind, fills by alignment.
    let by_label = |name: &str| {
        p.actor_nodes()
            .into_iter()
            .find(|n| p.label(n) == name)
            .unwrap_or_else(|| panic!("no node {name}"))
            .clone()
    };
    let gov = by_label("Government");
    assert_eq!(p.attr(&gov, "shape").as_deref(), Some("hexagon"));
    assert_eq!(p.attr(&gov, "fillcolor").as_deref(), Some("#C04F00"));
    let fac = by_label("Faction A");
    assert_eq!(p.attr(&fac, "shape").as_deref(), Some("ellipse"));
    let guar = by_label("Guarantor State");
    assert_eq!(
        p.attr(&guar, "style").as_deref(),
        Some("filled,dashed"),
        "allies have a dashed outline"
    );
    // Edge style per relation; the tooltip names the relation.
    let mut style = BTreeMap::new();
    for (_, _, a) in p.drawn_edges() {
        let rel = id_text(&a["tooltip"])
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string();
        style.insert(
            rel,
            (
                id_text(&a["style"]),
                id_text(&a["color"]),
                id_text(&a["arrowhead"]),
            ),
        );
    }
    assert_eq!(style["signing"].0, "solid");
    assert_eq!(style["guaranteeing"].0, "dashed");
    assert_eq!(style["mediating"].0, "dotted");
    assert_eq!(style["mediating"].2, "empty");
    assert_eq!(style["negotiating"].2, "tee");
    assert!(
        style["co-signing"].1.contains("invis"),
        "co-signing is a double line"
    );
    // Width by weight: fac-a and gov signed two agreements.
    let (_, _, a) = p
        .drawn_edges()
        .into_iter()
        .find(|(_, _, a)| id_text(&a["tooltip"]).starts_with("fac-a signing gov"))
        .unwrap();
    assert_eq!(id_text(&a["penwidth"]), "2.70");
    // Fonts on the graph, nodes and edges (edge labels otherwise fall back to a serif).
    let out = run(&["export", "dot", "--data", &data("valid")]).1;
    assert!(out.contains("graph [label=<") && out.contains("fontname=\"Noto Sans\", layout=dot"));
    assert!(out.contains("node [fontname=\"Noto Sans\""));
    assert!(out.contains("edge [fontname=\"Noto Sans\""));
}

#[test]
fn no_legend_title_caption_and_languages() {
    let (p, _) = export(&["--data", &data("valid"), "--no-legend"]);
    assert!(!p.subgraphs.contains(&"cluster_legend".to_string()));
    assert!(p.nodes.keys().all(|k| !k.starts_with("legend_")));
    let title = id_text(&p.graph["label"]);
    assert!(
        title.contains("Reconciliation network: all agreements"),
        "{title}"
    );
    assert!(title.contains("3 agreements, 5 actors, 8 ties"), "{title}");
    assert!(title.contains("Sources: Test document"), "{title}");

    let (p, _) = export(&[
        "--data",
        &data("valid"),
        "--region",
        "ghouta",
        "--period",
        "early",
        "--labels",
        "ar",
    ]);
    let title = id_text(&p.graph["label"]);
    assert!(title.contains("شبكة المصالحات: الغوطة، مبكر"), "{title}");
    assert!(title.contains("المصادر: وثيقة"), "{title}");
    assert_eq!(p.labels(), vec!["فصيل أ", "النظام", "دولة وسيطة"]);

    let (p, _) = export(&[
        "--data",
        &data("valid"),
        "--from",
        "2016",
        "--to",
        "2018",
        "--labels",
        "both",
    ]);
    let title = id_text(&p.graph["label"]);
    assert!(
        title.contains("Reconciliation network: 2016–2018<BR/>شبكة المصالحات: من 2016 إلى 2018"),
        "{title}"
    );

    let (p, _) = export(&["--data", &data("valid"), "--title", "Figure 3 <draft>"]);
    assert!(id_text(&p.graph["label"]).contains("Figure 3 &lt;draft&gt;"));
}

#[test]
fn size_clusters_layouts_and_two_mode() {
    let d = data("valid");
    // --size-by scales labels by the measure and says so in the legend.
    let (p, _) = export(&["--data", &d, "--size-by", "betweenness"]);
    let sizes: Vec<String> = p
        .actor_nodes()
        .iter()
        .filter_map(|n| p.attr(n, "fontsize"))
        .collect();
    assert_eq!(sizes.len(), 5);
    assert!(
        sizes.contains(&"16.0".to_string()) && sizes.contains(&"10.0".to_string()),
        "{sizes:?}"
    );
    assert!(p.nodes.contains_key("legend_head_size"));
    for bad in ["nonsense", "all", "degree,strength"] {
        let (code, _, err) = run(&["export", "dot", "--data", &d, "--size-by", bad]);
        assert_eq!(code, 2, "{bad}");
        assert!(err.contains("--size-by"), "{err}");
    }
    // Clusters by alignment and by region.
    let (p, _) = export(&["--data", &d, "--cluster-by", "alignment"]);
    assert!(
        p.subgraphs
            .contains(&"cluster_alignment_opposition".to_string()),
        "{:?}",
        p.subgraphs
    );
    let in_opposition = p
        .actor_nodes()
        .into_iter()
        .filter(|n| {
            p.nodes[*n]
                .1
                .contains(&"cluster_alignment_opposition".to_string())
        })
        .count();
    assert_eq!(in_opposition, 2);
    let (p, _) = export(&[
        "--data",
        &d,
        "--two-mode",
        "--cluster-by",
        "region",
        "--level",
        "city",
    ]);
    assert!(
        p.subgraphs.contains(&"cluster_region_douma".to_string()),
        "{:?}",
        p.subgraphs
    );
    let (code, _, err) = run(&[
        "export",
        "dot",
        "--data",
        &d,
        "--cluster-by",
        "alignment",
        "--layout",
        "neato",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--layout dot or --layout fdp"), "{err}");
    let (code, _, err) = run(&["export", "dot", "--data", &d, "--level", "galaxy"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid value 'galaxy' for '--level") && err.contains("governorate"),
        "{err}"
    );
    // Layout engines are written into the file; auto picks dot for small figures.
    for (flag, engine) in [
        ("auto", "dot"),
        ("neato", "neato"),
        ("sfdp", "sfdp"),
        ("twopi", "twopi"),
    ] {
        let (p, _) = export(&["--data", &d, "--layout", flag]);
        assert_eq!(id_text(&p.graph["layout"]), engine);
    }
    // The two-mode view: agreements as boxes labelled with their date.
    let (p, _) = export(&["--data", &d, "--two-mode"]);
    let mut dates: Vec<String> = p.agreement_nodes().iter().map(|n| p.label(n)).collect();
    dates.sort();
    assert_eq!(dates, vec!["2016", "2018-04-01", "mid 2014-11"]);
    assert!(p
        .agreement_nodes()
        .iter()
        .all(|n| p.attr(n, "shape").as_deref() == Some("box")));
    assert_eq!(
        p.drawn_edges().len(),
        9,
        "one edge per drawn participation (3 + 4 + 2)"
    );
    assert!(p.nodes.contains_key("legend_agreement"));
}

#[test]
fn whole_network_picks_a_spring_layout() {
    let (p, dot) = export(&["--size-by", "betweenness", "--labels", "both"]);
    assert_eq!(id_text(&p.graph["layout"]), "fdp");
    assert!(p.actor_nodes().len() > 40);
    // Spring layouts pin the legend in place.
    assert!(dot.contains("pos=\""), "legend nodes are pinned");
}

// ---- batches ----

fn read_index(dir: &Path) -> (Vec<serde_json::Value>, String) {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let csv = std::fs::read_to_string(dir.join("index.csv")).unwrap();
    (json.as_array().unwrap().clone(), csv)
}

/// Checks every file the index lists against the file itself.
fn check_index(dir: &Path, entries: &[serde_json::Value], two_mode: bool) {
    for e in entries {
        let file = e["file"].as_str().unwrap();
        let dot = std::fs::read_to_string(dir.join(file)).unwrap();
        let p = flatten(&assert_dot(&dot));
        let nodes = p.actor_nodes().len() + p.agreement_nodes().len();
        assert_eq!(e["nodes"], nodes, "{file}");
        assert_eq!(e["actors"], p.actor_nodes().len(), "{file}");
        assert_eq!(e["edges"], p.drawn_edges().len(), "{file}");
        if !two_mode {
            assert!(p.agreement_nodes().is_empty());
        }
        assert!(e["agreements"].as_u64().unwrap() > 0, "{file}");
    }
}

#[test]
fn batch_per_year_with_stable_names_and_an_index() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("years");
    let (code, out, err) = run(&[
        "export",
        "dot",
        "--data",
        &data("valid"),
        "--per",
        "year",
        "--out-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote 3 DOT files"), "{out}");
    assert!(
        out.contains("skipped 2 slices with nothing to draw: year-2015, year-2017"),
        "{out}"
    );
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "index.csv",
            "index.json",
            "year-2014.dot",
            "year-2016.dot",
            "year-2018.dot"
        ]
    );
    let (entries, csv) = read_index(&dir);
    assert_eq!(
        csv.lines().next().unwrap(),
        "file,figure,per,key,name_en,name_ar,slice,from,to,agreements,nodes,actors,edges"
    );
    assert_eq!(csv.lines().count(), 4);
    assert!(csv.contains("year-2014.dot,,year,2014,2014,2014,2014-01-01 to 2014-12-31,2014-01-01,2014-12-31,1,3,3,"), "{csv}");
    assert_eq!(entries[0]["file"], "year-2014.dot");
    assert_eq!(entries[2]["slice"], "2018-01-01 to 2018-12-31");
    check_index(&dir, &entries, false);
    // Each year file is titled by its year.
    let dot = std::fs::read_to_string(dir.join("year-2016.dot")).unwrap();
    assert!(dot.contains("Reconciliation network: 2016"));
    // A second run writes the same bytes.
    let again = tmp.path().join("again");
    run(&[
        "export",
        "dot",
        "--data",
        &data("valid"),
        "--per",
        "year",
        "--out-dir",
        again.to_str().unwrap(),
    ]);
    for f in &files {
        assert_eq!(
            std::fs::read(dir.join(f)).unwrap(),
            std::fs::read(again.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn batch_per_region_on_the_embedded_data() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (code, out, err) = run(&[
        "export",
        "dot",
        "--per",
        "region",
        "--level",
        "area",
        "--region",
        "rif-dimashq",
        "--from",
        "2016",
        "--two-mode",
        "--out-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("DOT files"), "{out}");
    let (entries, _) = read_index(dir);
    let stems: Vec<&str> = entries
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert!(stems.contains(&"region-eastern-ghouta.dot"), "{stems:?}");
    for e in &entries {
        assert_eq!(
            e["file"],
            format!("region-{}.dot", e["key"].as_str().unwrap())
        );
    }
    let keys: Vec<&str> = entries.iter().map(|e| e["key"].as_str().unwrap()).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "regions come sorted by place id");
    for e in &entries {
        assert_eq!(e["per"], "region");
        assert!(
            e["slice"].as_str().unwrap().contains("from 2016-01-01"),
            "{e}"
        );
    }
    check_index(dir, &entries, true);
}

#[test]
fn batch_per_period_on_the_embedded_data() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let (code, _, err) = run(&[
        "export",
        "dot",
        "--per",
        "period",
        "--labels",
        "both",
        "--out-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (entries, _) = read_index(dir);
    let files: Vec<&str> = entries
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert_eq!(files[0], "period-ministry.dot");
    assert!(
        files.contains(&"period-hmeimim.dot") && files.contains(&"period-before-hmeimim.dot"),
        "{files:?}"
    );
    let hmeimim = entries.iter().find(|e| e["key"] == "hmeimim").unwrap();
    assert_eq!(hmeimim["name_ar"], "مرحلة مركز حميميم");
    assert_eq!(hmeimim["from"], "2016-02-23");
    check_index(dir, &entries, false);
}

#[test]
fn batch_errors_name_the_flag() {
    let d = data("valid");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    for (args, needle) in [
        (vec!["--per", "year"], "--out-dir"),
        (
            vec!["--per", "year", "--out-dir", dir, "-o", "x.dot"],
            "--output",
        ),
        (
            vec!["--per", "period", "--period", "early", "--out-dir", dir],
            "--per period cannot be combined with --period",
        ),
        (
            vec!["--per", "region", "--level", "camp", "--out-dir", dir],
            "no place of kind 'camp'",
        ),
        (vec!["--render", "svg"], "--render needs -o FILE"),
    ] {
        let mut all = vec!["export", "dot", "--data", &d];
        all.extend(args.iter().copied());
        let (code, out, err) = run(&all);
        assert_eq!(code, 2, "{all:?}: {out}{err}");
        assert!(err.contains(needle), "{all:?}: {err}");
        assert!(out.is_empty());
    }
}

// ---- rendering ----

/// Without Graphviz (GRAPHVIZ_DOT pointing nowhere, or nothing on PATH),
/// rendering stops with exit code 1 and says how to install it; nothing is
/// written; plain DOT export still works.
#[test]
fn renderer_fallback_without_graphviz() {
    let tmp = tempfile::tempdir().unwrap();
    let svg = tmp.path().join("fig.svg");
    let d = data("valid");
    let cases: Vec<(&str, &str)> = vec![("GRAPHVIZ_DOT", "/nonexistent/dot"), ("PATH", "")];
    for (var, value) in cases {
        let out = musalaha()
            .env(var, value)
            .env_remove(if var == "PATH" {
                "GRAPHVIZ_DOT"
            } else {
                "UNUSED"
            })
            .args(["render", "--data", &d, "-o", svg.to_str().unwrap()])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{var}: {err}");
        assert!(err.contains("needs Graphviz, which was not found"), "{err}");
        assert!(
            err.contains("apt-get install graphviz fonts-noto-core"),
            "{err}"
        );
        assert!(
            err.contains("musalaha export dot` still writes DOT files"),
            "{err}"
        );
        assert!(!svg.exists());
        let dotfile = tmp.path().join("fig.dot");
        let out = musalaha()
            .env(var, value)
            .args([
                "export",
                "dot",
                "--data",
                &d,
                "-o",
                dotfile.to_str().unwrap(),
                "--render",
                "png",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(
            !dotfile.exists(),
            "nothing is written when the figure cannot be"
        );
        let out = musalaha()
            .env(var, value)
            .args([
                "export",
                "dot",
                "--data",
                &d,
                "-o",
                dotfile.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_dot(&std::fs::read_to_string(&dotfile).unwrap());
        std::fs::remove_file(&dotfile).unwrap();
    }
}

fn graphviz_available() -> bool {
    let ok = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("MUSALAHA_REQUIRE_GRAPHVIZ").is_none(),
            "MUSALAHA_REQUIRE_GRAPHVIZ is set but `dot` cannot run"
        );
        say_skipped("rendering with Graphviz (render_svg_png_pdf_with_graphviz)");
    }
    ok
}

#[test]
fn render_svg_png_pdf_with_graphviz() {
    if !graphviz_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let d = data("hostile-names");
    for (file, extra, magic) in [
        ("a.svg", vec![], &b"<?xml"[..]),
        ("b.png", vec!["--labels", "both"], &b"\x89PNG"[..]),
        ("c.pdf", vec!["--two-mode"], &b"%PDF"[..]),
        ("d.out", vec!["--format", "png"], &b"\x89PNG"[..]),
        // Engines whose legend is laid out apart and put beside the network.
        ("e.svg", vec!["--layout", "neato"], &b"<?xml"[..]),
        (
            "f.png",
            vec!["--layout", "circo", "--labels", "ar"],
            &b"\x89PNG"[..],
        ),
        (
            "g.svg",
            vec!["--layout", "fdp", "--cluster-by", "alignment"],
            &b"<?xml"[..],
        ),
    ] {
        let path = tmp.path().join(file);
        let mut args = vec![
            "render",
            "--data",
            &d,
            "--relation",
            "all",
            "-o",
            path.to_str().unwrap(),
        ];
        args.extend(extra.iter().copied());
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.starts_with("wrote "), "{out}");
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{file}");
    }
    // At the natural size (no page), the composed figure is wider than the
    // network alone: the legend is beside it.
    let width = |p: &Path| png_size(p).0;
    let with = tmp.path().join("with.png");
    let without = tmp.path().join("without.png");
    run(&[
        "render",
        "--data",
        &d,
        "--layout",
        "neato",
        "--page",
        "none",
        "-o",
        with.to_str().unwrap(),
    ]);
    run(&[
        "render",
        "--data",
        &d,
        "--layout",
        "neato",
        "--page",
        "none",
        "--no-legend",
        "-o",
        without.to_str().unwrap(),
    ]);
    assert!(
        width(&with) > width(&without) + 100,
        "{} vs {}",
        width(&with),
        width(&without)
    );
    // Batch rendering writes each figure next to its DOT file and lists it.
    let dir = tmp.path().join("batch");
    let (code, out, err) = run(&[
        "export",
        "dot",
        "--data",
        &d,
        "--per",
        "year",
        "--render",
        "svg",
        "--out-dir",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(with svg figures)"), "{out}");
    let (entries, _) = read_index(&dir);
    for e in &entries {
        let fig = e["figure"].as_str().unwrap();
        assert!(dir.join(fig).exists(), "{fig}");
        assert_eq!(
            fig.trim_end_matches(".svg"),
            e["file"].as_str().unwrap().trim_end_matches(".dot")
        );
    }
    // A broken Graphviz run is reported with its message.
    let out = musalaha()
        .env("GRAPHVIZ_DOT", "false")
        .args([
            "render",
            "--data",
            &d,
            "-o",
            tmp.path().join("x.svg").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

// ---- pages, inferred ties, dominant nodes ----

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(p: &Path) -> (u32, u32) {
    let b = std::fs::read(p).unwrap();
    assert!(
        b.starts_with(b"\x89PNG\r\n\x1a\n") && &b[12..16] == b"IHDR",
        "{p:?}"
    );
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    (be(16), be(20))
}

/// Width and height of the first page of a PDF, from its MediaBox.
fn pdf_size(p: &Path) -> (f64, f64) {
    let b = std::fs::read(p).unwrap();
    let text = String::from_utf8_lossy(&b);
    let at = text.find("/MediaBox").expect("a MediaBox");
    let open = at + text[at..].find('[').unwrap() + 1;
    let close = open + text[open..].find(']').unwrap();
    let n: Vec<f64> = text[open..close]
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    (n[2] - n[0], n[3] - n[1])
}

/// An attribute of the root `<svg>` element.
fn svg_attr(svg: &str, name: &str) -> String {
    let start = svg.find("<svg").expect("an <svg> element");
    let tag = &svg[start..start + svg[start..].find('>').unwrap()];
    let pat = format!(" {name}=\"");
    let i = tag
        .find(&pat)
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        + pat.len();
    tag[i..i + tag[i..].find('"').unwrap()].to_string()
}

/// Width and height of an SVG in points (its `width` and `height`).
fn svg_size(svg: &str) -> (f64, f64) {
    let pt = |v: String| v.trim_end_matches("pt").parse::<f64>().unwrap();
    (pt(svg_attr(svg, "width")), pt(svg_attr(svg, "height")))
}

/// The smallest text of a Graphviz core SVG as printed: the smallest
/// `font-size` of a non-blank `<text>` times the drawing's scale (the
/// `scale(…)` of the graph's group) and the SVG's own scale (`width` over
/// the `viewBox` width). Graphviz writes the scale to two decimals, so the
/// scale is taken as the largest value that rounds to what is written: the
/// check can fail only when the text is surely smaller.
fn smallest_svg_text(svg: &str) -> f64 {
    let g = svg.find("class=\"graph\"").expect("the graph group");
    let t = g + svg[g..].find("transform=\"scale(").expect("a scale") + "transform=\"scale(".len();
    let scale: f64 = svg[t..]
        .split([' ', ')'])
        .next()
        .unwrap()
        .parse::<f64>()
        .unwrap()
        + 0.005;
    let view: Vec<f64> = svg_attr(svg, "viewBox")
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    let own = svg_size(svg).0 / view[2];
    // Graphviz 2.43 writes a viewBox offset by the margin but as wide as the
    // drawing alone; a viewer then shows it that much larger. Count that
    // only when it makes text smaller, never to pass the check.
    let own = own.min(1.0);
    let mut smallest = f64::INFINITY;
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        rest = &rest[i..];
        let end = rest.find("</text>").unwrap();
        let tag_end = rest.find('>').unwrap();
        let tag = &rest[..tag_end];
        let body = &rest[tag_end + 1..end];
        if !body.trim().is_empty() {
            let f = tag.find("font-size=\"").expect("a font size") + "font-size=\"".len();
            let size: f64 = tag[f..f + tag[f..].find('"').unwrap()].parse().unwrap();
            smallest = smallest.min(size);
        }
        rest = &rest[end..];
    }
    assert!(smallest.is_finite(), "no text in the SVG");
    smallest * scale.min(1.0) * own
}

/// A `GRAPHVIZ_DOT` for the tests: Graphviz with its core SVG writer in
/// place of cairo's. The layout, the fitting and the positions are the same;
/// the core writer keeps text as `<text font-size=…>`, which the tests read.
fn core_svg_graphviz(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("dot-core-svg");
    std::fs::write(
        &path,
        "#!/bin/sh\nfor a do\n  shift\n  [ \"$a\" = \"-Tsvg:cairo\" ] && a=-Tsvg\n  set -- \"$@\" \"$a\"\ndone\nexec dot \"$@\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Runs musalaha with the core-SVG Graphviz.
fn run_core_svg(gv: &Path, args: &[&str]) -> (i32, String, String) {
    let out = musalaha()
        .env("GRAPHVIZ_DOT", gv)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const A4_LANDSCAPE_PT: (f64, f64) = (297.0 / 25.4 * 72.0, 210.0 / 25.4 * 72.0);

fn assert_near(got: (f64, f64), want: (f64, f64), slack: f64, what: &str) {
    assert!(
        (got.0 - want.0).abs() <= slack && (got.1 - want.1).abs() <= slack,
        "{what}: {got:?}, expected {want:?}"
    );
}

/// Issue 11.6: the per-year batch used to come out as strips (7,412 ×
/// 1,129 px) or posters (6,153 × 4,826 px) whose labels could not be read
/// at page width. Every figure now is the page (A4 landscape by default),
/// its smallest text at least the minimum (6 pt by default) as printed, and
/// each DOT file carries the page for `dot -Tpdf`.
#[test]
fn per_year_figures_fit_a4_with_legible_text() {
    if !graphviz_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let gv = core_svg_graphviz(tmp.path());
    let dir = tmp.path().join("years");
    let (code, _, err) = run_core_svg(
        &gv,
        &[
            "export",
            "dot",
            "--per",
            "year",
            "--render",
            "svg",
            "--out-dir",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (entries, _) = read_index(&dir);
    assert!(entries.len() >= 5, "{entries:?}");
    let (w, h) = (
        297.0 / 25.4 - 2.0 * 10.0 / 25.4,
        210.0 / 25.4 - 2.0 * 10.0 / 25.4,
    );
    for e in &entries {
        let fig = e["figure"].as_str().unwrap();
        let svg = std::fs::read_to_string(dir.join(fig)).unwrap();
        assert_near(svg_size(&svg), A4_LANDSCAPE_PT, 1.0, fig);
        let smallest = smallest_svg_text(&svg);
        assert!(
            smallest >= 6.0 - 1e-6,
            "{fig}: smallest text {smallest:.2} pt"
        );
        // The DOT file carries the page.
        let file = e["file"].as_str().unwrap();
        let dot = std::fs::read_to_string(dir.join(file)).unwrap();
        let p = flatten(&assert_dot(&dot));
        assert_eq!(
            id_text(&p.graph["size"]),
            format!("{w:.3},{h:.3}"),
            "{file}"
        );
        assert_eq!(id_text(&p.graph["margin"]), format!("{:.3}", 10.0 / 25.4));
    }
    // Graphviz alone on a DOT file gives a PDF no larger than the page.
    let first = dir.join(entries[0]["file"].as_str().unwrap());
    let pdf = tmp.path().join("plain.pdf");
    let ok = std::process::Command::new("dot")
        .args([
            "-Tpdf:cairo",
            "-o",
            pdf.to_str().unwrap(),
            first.to_str().unwrap(),
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    let (pw, ph) = pdf_size(&pdf);
    assert!(
        pw <= A4_LANDSCAPE_PT.0 + 1.0 && ph <= A4_LANDSCAPE_PT.1 + 1.0,
        "{pw} × {ph}"
    );
}

/// The whole network does not fit A4 with 6 pt text: it is refused with the
/// page, the smallest size reached and a larger page to try; on A3 it fits.
#[test]
fn whole_network_fits_a3_and_is_refused_on_a4() {
    if !graphviz_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let gv = core_svg_graphviz(tmp.path());
    let svg = tmp.path().join("whole.svg");
    let (code, out, err) = run_core_svg(&gv, &["render", "-o", svg.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("does not fit A4 landscape (297 × 210 mm) with text of at least 6 pt")
            && err.contains("its smallest text would be")
            && err.contains("--page a3"),
        "{err}"
    );
    assert!(!svg.exists(), "nothing is written");
    let (code, _, err) = run_core_svg(
        &gv,
        &[
            "render",
            "--page",
            "a3",
            "--size-by",
            "betweenness",
            "-o",
            svg.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert_near(
        svg_size(&text),
        (420.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0),
        1.0,
        "A3 landscape",
    );
    let smallest = smallest_svg_text(&text);
    assert!(smallest >= 6.0 - 1e-6, "smallest text {smallest:.2} pt");
}

/// PNG, PDF and SVG at named and measured pages, in both orientations;
/// `--min-font` raises the text and a page too small is refused.
#[test]
fn pages_sizes_orientations_and_minimum_fonts() {
    if !graphviz_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let gv = core_svg_graphviz(tmp.path());
    let d = data("figures");
    let out = |name: &str| tmp.path().join(name);
    let render = |extra: &[&str], file: &Path| {
        let mut args = vec![
            "render",
            "--data",
            &d,
            "--relation",
            "all",
            "-o",
            file.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let (code, _, err) = run_core_svg(&gv, &args);
        assert_eq!(code, 0, "{args:?}: {err}");
    };
    // A PNG at a page is the page at 150 dpi.
    render(
        &["--page", "a4", "--orientation", "landscape"],
        &out("a4.png"),
    );
    let (w, h) = png_size(&out("a4.png"));
    let want = (
        (297.0 / 25.4 * 150.0_f64).round(),
        (210.0 / 25.4 * 150.0_f64).round(),
    );
    assert_near((w as f64, h as f64), want, 1.0, "A4 landscape PNG");
    render(&["--page", "letter"], &out("letter.png"));
    assert_near(
        {
            let (w, h) = png_size(&out("letter.png"));
            (w as f64, h as f64)
        },
        (1650.0, 1275.0),
        1.0,
        "Letter landscape PNG",
    );
    render(
        &["--page", "letter", "--orientation", "portrait"],
        &out("portrait.pdf"),
    );
    assert_near(
        pdf_size(&out("portrait.pdf")),
        (612.0, 792.0),
        1.0,
        "Letter portrait PDF",
    );
    // A measured page is taken as written.
    render(
        &["--page", "200x150mm", "--format", "pdf"],
        &out("custom.out"),
    );
    let mm = |x: f64| x / 25.4 * 72.0;
    assert_near(
        pdf_size(&out("custom.out")),
        (mm(200.0), mm(150.0)),
        1.0,
        "200x150mm PDF",
    );
    render(&["--page", "6x8in"], &out("inches.svg"));
    let svg = std::fs::read_to_string(out("inches.svg")).unwrap();
    assert_near(svg_size(&svg), (432.0, 576.0), 1.0, "6x8in SVG");
    assert!(smallest_svg_text(&svg) >= 6.0 - 1e-6);
    // A larger minimum raises the text.
    render(&["--min-font", "11"], &out("big.svg"));
    let svg = std::fs::read_to_string(out("big.svg")).unwrap();
    let smallest = smallest_svg_text(&svg);
    assert!(smallest >= 11.0 - 1e-6, "{smallest}");
    // A page too small for the minimum is refused, naming the page.
    let (code, _, err) = run_core_svg(
        &gv,
        &[
            "render",
            "--data",
            &d,
            "--page",
            "40x30mm",
            "--min-font",
            "8",
            "-o",
            out("tiny.svg").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("does not fit a 40 × 30 mm page"), "{err}");
    assert!(err.contains("help: use a larger page"), "{err}");
    assert!(!out("tiny.svg").exists());
    // --min-font 0 only shrinks the figure to the page.
    render(&["--page", "40x30mm", "--min-font", "0"], &out("tiny.png"));
    let (w, h) = png_size(&out("tiny.png"));
    assert_near((w as f64, h as f64), (236.0, 177.0), 1.0, "40x30mm PNG");
}

#[test]
fn bad_page_values_are_usage_errors_naming_the_flag() {
    let d = data("valid");
    for (flag, value) in [
        ("--page", "a9"),
        ("--page", "200x"),
        ("--page", "200x150ft"),
        ("--page", "5x5mm"),
        ("--page", ""),
        ("--orientation", "sideways"),
        ("--min-font", "-1"),
        ("--min-font", "big"),
    ] {
        for cmd in [&["export", "dot"][..], &["render", "-o", "x.svg"][..]] {
            let mut args: Vec<&str> = cmd.to_vec();
            args.extend(["--data", &d, flag, value]);
            let (code, out, err) = run(&args);
            assert_eq!(code, 2, "{args:?}: {out}{err}");
            assert!(err.contains(flag), "{args:?}: {err}");
            assert!(out.is_empty());
        }
    }
    // The DOT file of a page: Letter portrait, inside 10 mm margins.
    let (p, _) = export(&[
        "--data",
        &d,
        "--page",
        "letter",
        "--orientation",
        "portrait",
    ]);
    let m = 10.0 / 25.4;
    assert_eq!(
        id_text(&p.graph["size"]),
        format!("{:.3},{:.3}", 8.5 - 2.0 * m, 11.0 - 2.0 * m)
    );
    assert_eq!(id_text(&p.graph["ratio"]), "compress");
    // No page: no size.
    let (p, _) = export(&["--data", &d, "--page", "none"]);
    assert!(!p.graph.contains_key("size") && !p.graph.contains_key("margin"));
}

/// Issue 11.2: an edge that rests only on roles the coders inferred is drawn
/// lighter with a `?` mark, and only such edges are; its tooltip names the
/// inferred agreements; the legend explains the mark when the figure has
/// one. The edges that are inferred come from `musalaha edges`, not from the
/// figure.
#[test]
fn inferred_ties_are_marked_exactly_where_the_roles_are_inferred() {
    let d = data("figures");
    let edges = crate::support::json(&[
        "edges",
        "--data",
        &d,
        "--relation",
        "all",
        "--format",
        "json",
    ]);
    let mut inferred_pairs = std::collections::BTreeSet::new();
    let mut partly = std::collections::BTreeSet::new();
    for e in edges.as_array().unwrap() {
        let (inf, ags) = (
            e["inferred"].as_array().unwrap(),
            e["agreements"].as_array().unwrap(),
        );
        let key = format!(
            "{} {} {}",
            e["source"].as_str().unwrap(),
            e["relation"].as_str().unwrap(),
            e["target"].as_str().unwrap()
        );
        if !inf.is_empty() && inf.len() == ags.len() {
            inferred_pairs.insert(key);
        } else if !inf.is_empty() {
            partly.insert(key);
        }
    }
    assert_eq!(inferred_pairs.len(), 2, "{inferred_pairs:?}");
    assert_eq!(partly.len(), 1, "{partly:?}");
    for labels in ["en", "ar"] {
        let (p, _) = export(&["--data", &d, "--relation", "all", "--labels", labels]);
        let mut marked = std::collections::BTreeSet::new();
        for (_, _, a) in p.drawn_edges() {
            let tip = id_text(&a["tooltip"]);
            let key = tip.split(':').next().unwrap().to_string();
            let is_marked = a.contains_key("xlabel");
            if is_marked {
                marked.insert(key.clone());
                let mark = if labels == "ar" { "؟" } else { "?" };
                assert_eq!(shown(&a["xlabel"]), mark);
                assert_eq!(id_text(&a["color"]), "#8F8F8F", "lighter");
                assert!(tip.contains("(inferred by the coders: ag-2-0)"), "{tip}");
                // The relation's line style is kept: guaranteeing is dashed.
                assert_eq!(id_text(&a["style"]), "dashed");
                assert_eq!(id_text(&a["arrowhead"]), "normal");
            } else {
                assert_ne!(id_text(&a["color"]), "#8F8F8F");
            }
            if partly.contains(&key) {
                assert!(!is_marked);
                assert!(tip.ends_with("; inferred in gov-inferred"), "{tip}");
            }
        }
        assert_eq!(marked, inferred_pairs, "{labels}");
        assert!(p.nodes.contains_key("legend_relation_inferred_a"));
    }
    // Two-mode: a link whose roles are all inferred.
    let (p, _) = export(&["--data", &d, "--relation", "all", "--two-mode"]);
    let mut links: Vec<String> = p
        .drawn_edges()
        .into_iter()
        .filter(|(_, _, a)| a.contains_key("xlabel"))
        .map(|(_, _, a)| id_text(&a["tooltip"]))
        .collect();
    links.sort();
    assert_eq!(links.len(), 2, "{links:?}");
    assert!(
        links[0].starts_with("fac-3 signatory gov-inferred"),
        "{links:?}"
    );
    assert!(links[1].starts_with("guar guarantor ag-2-0"), "{links:?}");
    assert!(links.iter().all(|t| t.contains("(inferred by the coders")));
    // Without inferred roles, or without inferred edges, there is no mark.
    for args in [
        vec!["--data", d.as_str(), "--relation", "all", "--no-inferred"],
        vec!["--data", d.as_str(), "--relation", "signing"],
    ] {
        let (p, _) = export(&args);
        assert!(p
            .drawn_edges()
            .iter()
            .all(|(_, _, a)| !a.contains_key("xlabel")));
        assert!(
            !p.nodes.contains_key("legend_relation_inferred_a"),
            "{args:?}"
        );
    }
}

/// Issue 11.6: one dominant node must not swamp the figure. The hub of the
/// fixture takes part in every agreement and one of its ties rests on 14:
/// label sizes stay between 10 and 16 pt (√ scaling), the other actors do
/// not all collapse to the smallest, line widths stop at 6 pt, the legend
/// says how size is scaled, and the figure fits A4 with legible text.
#[test]
fn one_dominant_node_stays_within_bounds() {
    let d = data("figures");
    for measure in ["betweenness", "degree", "strength"] {
        let (p, _) = export(&["--data", &d, "--relation", "all", "--size-by", measure]);
        let sizes: Vec<f64> = p
            .actor_nodes()
            .iter()
            .map(|n| p.attr(n, "fontsize").unwrap().parse().unwrap())
            .collect();
        assert!(
            sizes.iter().all(|s| (10.0..=16.0).contains(s)),
            "{measure}: {sizes:?}"
        );
        assert!(sizes.contains(&16.0), "{measure}: the hub is largest");
        let head = p.label("legend_head_size");
        assert!(head.contains(measure) && head.contains('√'), "{head}");
        for (_, _, a) in p.drawn_edges() {
            let w: f64 = id_text(&a["penwidth"]).parse().unwrap();
            assert!((1.2..=6.0).contains(&w), "{w}");
        }
    }
    let (p, _) = export(&["--data", &d, "--size-by", "degree"]);
    let mut sizes: Vec<f64> = p
        .actor_nodes()
        .iter()
        .map(|n| p.attr(n, "fontsize").unwrap().parse().unwrap())
        .collect();
    sizes.sort_by(f64::total_cmp);
    sizes.dedup();
    assert!(
        sizes.len() >= 3,
        "degrees 1, 2 and 12 stay apart: {sizes:?}"
    );
    let heaviest = p
        .drawn_edges()
        .into_iter()
        .map(|(_, _, a)| id_text(&a["penwidth"]))
        .max_by(|a, b| a.parse::<f64>().unwrap().total_cmp(&b.parse().unwrap()))
        .unwrap();
    assert_eq!(
        heaviest, "6.00",
        "14 agreements give the widest line, capped"
    );
    if !graphviz_available() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let gv = core_svg_graphviz(tmp.path());
    let svg = tmp.path().join("hub.svg");
    let (code, _, err) = run_core_svg(
        &gv,
        &[
            "render",
            "--data",
            &d,
            "--size-by",
            "betweenness",
            "-o",
            svg.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert_near(svg_size(&text), A4_LANDSCAPE_PT, 1.0, "A4 landscape");
    assert!(smallest_svg_text(&text) >= 6.0 - 1e-6);
}

// ---- the examples and the docs ----

/// Every `musalaha render …` line of examples/figures.sh is a valid command:
/// run as `export dot` with the same options, it succeeds and yields valid DOT.
#[test]
fn example_figure_commands_are_valid() {
    let script =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/figures.sh"))
            .unwrap();
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/figures.md"))
            .unwrap();
    let mut n = 0;
    for line in script
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("render "))
    {
        // `render <name> <options…>` is the script's helper.
        let words: Vec<&str> = line.split_whitespace().collect();
        let name = words[1];
        let opts: Vec<String> = words[2..]
            .iter()
            .map(|w| w.trim_matches('"').to_string())
            .collect();
        let mut args = vec!["export".to_string(), "dot".to_string()];
        args.extend(opts.iter().cloned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{line}: {err}");
        graphviz_rust::parse(&out).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert!(
            docs.contains(&format!("figures/{name}.svg")),
            "docs/figures.md does not show {name}"
        );
        n += 1;
    }
    assert!(n >= 5, "only {n} figures in examples/figures.sh");
}

/// Issue 8: `centrality --two-mode` measures exactly the graph that
/// `export dot --two-mode` draws, whatever the relations and slice.
#[test]
fn measured_and_drawn_two_mode_graphs_are_one_graph() {
    use std::collections::{BTreeMap, BTreeSet};
    let cases: [&[&str]; 5] = [
        &[],
        &["--relation", "signing"],
        &["--relation", "guaranteeing,mediating"],
        &["--relation", "all", "--region", "daraa-governorate"],
        &["--alignment", "opposition,regime-ally", "--from", "2017"],
    ];
    for extra in cases {
        let mut args = vec!["--two-mode"];
        args.extend_from_slice(extra);
        let (p, _) = export(&args);
        // Node ids of the drawing → dataset ids, from the tooltips.
        let entity = |n: &str| -> String {
            let tip = p.attr(n, "tooltip").expect("every node has a tooltip");
            if n.starts_with('a') {
                format!("agreement:{}", tip.split(" (").next().unwrap())
            } else {
                tip.split(" — ").next().unwrap().to_string()
            }
        };
        let drawn_nodes: BTreeSet<String> = p
            .actor_nodes()
            .into_iter()
            .chain(p.agreement_nodes())
            .map(|n| entity(n))
            .collect();
        let mut drawn_degree: BTreeMap<String, f64> = BTreeMap::new();
        let mut pairs = BTreeSet::new();
        for (a, b, _) in p.drawn_edges() {
            assert!(
                pairs.insert((entity(a), entity(b))),
                "{extra:?}: one edge per pair"
            );
            *drawn_degree.entry(entity(a)).or_default() += 1.0;
            *drawn_degree.entry(entity(b)).or_default() += 1.0;
        }
        let mut measure = vec![
            "centrality",
            "--two-mode",
            "--measure",
            "strength",
            "--format",
            "json",
        ];
        measure.extend_from_slice(extra);
        let v = crate::support::json(&measure);
        let measured: BTreeMap<String, f64> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["actor"].as_str().unwrap().to_string(),
                    r["score"].as_f64().unwrap(),
                )
            })
            .collect();
        assert!(!measured.is_empty(), "{extra:?}: nothing measured");
        assert_eq!(
            measured.keys().cloned().collect::<BTreeSet<_>>(),
            drawn_nodes,
            "{extra:?}: the measured and drawn nodes differ"
        );
        assert_eq!(measured, drawn_degree, "{extra:?}: the links differ");
    }
}
