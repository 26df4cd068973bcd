//! The attribute table every interchange format writes: the nodes and the
//! edges of a view's simple graph ([`View::pairs`]), each with the same
//! named, typed attributes in the same order, so that GraphML, GEXF,
//! node-link JSON, Cytoscape.js JSON and the CSV tables agree on what a node
//! or an edge carries (docs/interchange.md lists them).
//!
//! Names are unique across nodes and edges (GraphML keys are declared once
//! per name, and igraph reads no key shared by nodes and edges).
//!
//! A format only decides how to spell a value: lists are arrays in JSON and
//! `; `-joined text in XML and CSV; a missing value (an actor without a
//! place, an undefined score) is left out in XML, `null` in JSON, an empty
//! cell in CSV.

use crate::export::dot::Labels;
use crate::export::style;
use crate::export::view::{NodeKind, Span, View, ViewNode, ViewPair};
use crate::graph::Relation;

/// The type of an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Str,
    Int,
    Double,
    Bool,
    /// A list of strings.
    List,
}

/// One attribute: its name (also its key id in GraphML and GEXF) and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    pub name: String,
    pub ty: Type,
}

impl Attr {
    fn new(name: impl Into<String>, ty: Type) -> Attr {
        Attr {
            name: name.into(),
            ty,
        }
    }
}

/// A value of an attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    Double(f64),
    Bool(bool),
    List(Vec<String>),
    /// No value (left out, `null`, or an empty cell).
    Missing,
}

impl Value {
    fn opt(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::Missing, |s| Value::Str(s.into()))
    }

    fn score(x: f64) -> Value {
        if x.is_finite() {
            Value::Double(x)
        } else {
            Value::Missing
        }
    }

    /// The value as text (lists `; `-joined); `None` when missing.
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Double(x) => Some(double(*x)),
            Value::Bool(b) => Some(b.to_string()),
            Value::List(l) => Some(l.join("; ")),
            Value::Missing => None,
        }
    }
}

impl Value {
    /// The value as JSON: lists as arrays, missing values and non-finite
    /// numbers as `null`.
    pub fn json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Str(s) => J::String(s.clone()),
            Value::Int(i) => J::from(*i),
            Value::Double(x) => serde_json::Number::from_f64(*x).map_or(J::Null, J::Number),
            Value::Bool(b) => J::Bool(*b),
            Value::List(l) => J::Array(l.iter().map(|s| J::String(s.clone())).collect()),
            Value::Missing => J::Null,
        }
    }
}

/// A JSON object that keeps its keys in the order given (serde_json's own
/// map sorts them).
#[derive(Debug, Clone, Default)]
pub struct Object(pub Vec<(String, Json)>);

/// A JSON value whose objects keep their key order.
#[derive(Debug, Clone)]
pub enum Json {
    Value(serde_json::Value),
    Object(Object),
    Array(Vec<Json>),
}

impl Object {
    pub fn push(&mut self, key: impl Into<String>, value: impl Into<Json>) {
        self.0.push((key.into(), value.into()));
    }
}

macro_rules! json_from {
    ($($t:ty),+) => { $(impl From<$t> for Json {
        fn from(v: $t) -> Json {
            Json::Value(v.into())
        }
    })+ };
}
json_from!(serde_json::Value, String, &str, bool);

impl From<Object> for Json {
    fn from(o: Object) -> Json {
        Json::Object(o)
    }
}

impl From<Vec<Object>> for Json {
    fn from(v: Vec<Object>) -> Json {
        Json::Array(v.into_iter().map(Json::Object).collect())
    }
}

impl serde::Serialize for Object {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Value(v) => v.serialize(s),
            Json::Object(o) => o.serialize(s),
            Json::Array(a) => a.serialize(s),
        }
    }
}

/// Spells as JSON: `[["2015-11-01", "2015-11-30"], …]`.
pub fn spells_json(spells: &[Span]) -> serde_json::Value {
    serde_json::Value::Array(
        spells
            .iter()
            .map(|s| serde_json::json!([s.start.to_string(), s.end.to_string()]))
            .collect(),
    )
}

impl Table {
    /// A node's attributes as a JSON object, after `first` (e.g. its id).
    pub fn node_json(&self, n: &Node, first: Object) -> Object {
        let mut o = first;
        for (a, v) in self.node_attrs.iter().zip(&n.values) {
            o.push(a.name.clone(), v.json());
        }
        o.push("spells", spells_json(&n.spells));
        o
    }

    /// An edge's attributes as a JSON object, after `first`.
    pub fn edge_json(&self, e: &Edge, first: Object) -> Object {
        let mut o = first;
        for (a, v) in self.edge_attrs.iter().zip(&e.values) {
            o.push(a.name.clone(), v.json());
        }
        o.push("spells", spells_json(&e.spells));
        o
    }

    /// The graph-level facts as a JSON object, with the generator.
    pub fn graph_json(&self) -> Object {
        let mut o = Object::default();
        for (k, v) in &self.graph {
            o.push(*k, v.json());
        }
        o.push(
            "generator",
            format!("musalaha {}", env!("CARGO_PKG_VERSION")),
        );
        o
    }
}

/// A double as text: the shortest form that reads back as the same number
/// (`2`, `0.5`, `0.3333333333333333`).
pub fn double(x: f64) -> String {
    format!("{x}")
}

/// One node with its attribute values (in the order of [`Table::node_attrs`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Actor id, or `agreement:<id>` for an agreement (two-mode view).
    pub id: String,
    pub label: String,
    pub values: Vec<Value>,
    /// The days the node's agreements may fall on (disjoint, by date).
    pub spells: Vec<Span>,
    /// Index into [`View::nodes`].
    pub node: usize,
}

/// One edge with its attribute values (in the order of [`Table::edge_attrs`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// `e0`, `e1`, … in table order.
    pub id: String,
    /// Indices into [`Table::nodes`].
    pub source: usize,
    pub target: usize,
    pub weight: f64,
    /// Relation names joined by `+` (two-mode: the link's relation).
    pub relation: String,
    pub values: Vec<Value>,
    pub spells: Vec<Span>,
    /// The relations merged, in vocabulary order (for the line style).
    pub relations: Vec<Relation>,
}

/// The nodes and edges of a view with their attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub node_attrs: Vec<Attr>,
    pub edge_attrs: Vec<Attr>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Graph-level facts: `slice`, `relations`, `weighting`, `two_mode`.
    pub graph: Vec<(&'static str, Value)>,
}

/// The text a node is labelled with.
pub fn label(n: &ViewNode, labels: Labels) -> String {
    match labels {
        Labels::En => n.name_en.clone(),
        Labels::Ar if !n.name_ar.is_empty() => n.name_ar.clone(),
        Labels::Ar => n.name_en.clone(),
        Labels::Both if n.name_ar.is_empty() || n.name_ar == n.name_en => n.name_en.clone(),
        Labels::Both => format!("{} / {}", n.name_en, n.name_ar),
    }
}

/// The id a node has in every format.
pub fn node_id(n: &ViewNode) -> String {
    match n.kind {
        NodeKind::Actor(_) => n.id.clone(),
        NodeKind::Agreement(_) => format!("agreement:{}", n.id),
    }
}

/// Fill colour of a node (`#RRGGBB`): the alignment's; agreements grey;
/// white for actors the dataset does not know.
pub fn colour(n: &ViewNode) -> &'static str {
    match (n.kind, n.alignment) {
        (NodeKind::Agreement(_), _) => style::AGREEMENT_FILL,
        (_, Some(a)) => style::alignment_look(a).fill,
        (_, None) => "#FFFFFF",
    }
}

impl Table {
    /// The table of a view; `labels` chooses the label text.
    pub fn of(view: &View, labels: Labels) -> Table {
        let two_mode = view.options.two_mode;
        let clustered = view.options.cluster_by.is_some();
        let mut node_attrs = vec![
            Attr::new("label", Type::Str),
            Attr::new("node_type", Type::Str),
            Attr::new("kind", Type::Str),
            Attr::new("alignment", Type::Str),
            Attr::new("name_en", Type::Str),
            Attr::new("name_ar", Type::Str),
            Attr::new("place", Type::Str),
        ];
        if clustered {
            node_attrs.push(Attr::new("cluster", Type::Str));
        }
        if two_mode {
            node_attrs.push(Attr::new("bipartite", Type::Int));
            node_attrs.push(Attr::new("date", Type::Str));
            node_attrs.push(Attr::new("status", Type::Str));
        }
        node_attrs.extend([
            Attr::new("agreement_count", Type::Int),
            Attr::new("first_date", Type::Str),
            Attr::new("last_date", Type::Str),
            Attr::new("color", Type::Str),
        ]);
        for m in &view.measures {
            node_attrs.push(Attr::new(m.clone(), Type::Double));
        }
        let nodes = view
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let (node_type, kind) = match n.kind {
                    NodeKind::Actor(k) => ("actor", k.map(|k| k.as_str())),
                    NodeKind::Agreement(k) => ("agreement", Some(k.as_str())),
                };
                let mut values = vec![
                    Value::Str(label(n, labels)),
                    Value::Str(node_type.into()),
                    Value::opt(kind.map(String::from).or_else(|| n.other_kind.clone())),
                    Value::opt(
                        n.alignment
                            .map(|a| a.as_str().to_string())
                            .or_else(|| n.group.clone()),
                    ),
                    Value::Str(n.name_en.clone()),
                    Value::Str(n.name_ar.clone()),
                    Value::opt(n.place.clone()),
                ];
                if clustered {
                    values.push(Value::opt(n.cluster.as_ref().map(|c| {
                        c.key
                            .strip_prefix("alignment_")
                            .or_else(|| c.key.strip_prefix("region_"))
                            .unwrap_or(&c.key)
                            .to_string()
                    })));
                }
                if two_mode {
                    let agreement = match n.kind {
                        NodeKind::Agreement(_) => {
                            n.agreements.first().map(|&a| &view.agreements[a])
                        }
                        NodeKind::Actor(_) => None,
                    };
                    values.push(Value::Int(i64::from(agreement.is_some())));
                    values.push(Value::opt(agreement.map(|a| a.date.text.clone())));
                    values.push(Value::opt(agreement.map(|a| a.status.as_str())));
                }
                values.extend([
                    Value::Int(n.agreements.len() as i64),
                    Value::opt(n.span.map(|s| s.start.to_string())),
                    Value::opt(n.span.map(|s| s.end.to_string())),
                    Value::Str(colour(n).into()),
                ]);
                values.extend(
                    (0..view.measures.len())
                        .map(|m| Value::score(n.scores.get(m).copied().unwrap_or(f64::NAN))),
                );
                Node {
                    id: node_id(n),
                    label: label(n, labels),
                    values,
                    spells: view.node_spells(n),
                    node: i,
                }
            })
            .collect();
        let mut edge_attrs = vec![
            Attr::new("relation", Type::Str),
            Attr::new("weight", Type::Double),
            Attr::new("agreements", Type::List),
            Attr::new("since", Type::Str),
            Attr::new("until", Type::Str),
        ];
        if two_mode {
            edge_attrs.push(Attr::new("roles", Type::List));
        } else {
            edge_attrs.push(Attr::new("oriented", Type::Bool));
        }
        let edges = view
            .pairs()
            .iter()
            .enumerate()
            .map(|(i, p)| edge(view, i, p))
            .collect();
        let relations: Vec<String> = match view.network {
            // An edge list: the kinds its edges have.
            Some(_) => {
                let mut k: Vec<String> = view.edges.iter().map(relation_text).collect();
                k.sort_unstable();
                k.dedup();
                k
            }
            None => view
                .options
                .relations
                .iter()
                .map(|r| r.as_str().to_string())
                .collect(),
        };
        Table {
            node_attrs,
            edge_attrs,
            nodes,
            edges,
            graph: vec![
                ("slice", Value::Str(view.slice.clone())),
                ("relations", Value::List(relations)),
                (
                    "weighting",
                    Value::Str(match view.network {
                        Some(_) => "file".into(),
                        None => view.options.weighting.as_str().into(),
                    }),
                ),
                ("two_mode", Value::Bool(two_mode)),
            ],
        }
    }

    /// The position of a node attribute.
    pub fn node_attr(&self, name: &str) -> Option<usize> {
        self.node_attrs.iter().position(|a| a.name == name)
    }
}

/// The relation an edge is called by: musalaha's relation, or the kind an
/// edge list gives (`tie` when it gives none).
pub fn relation_text(e: &crate::export::view::ViewEdge) -> String {
    match e.kind.as_deref() {
        None => e.relation.as_str().to_string(),
        Some("") => "tie".to_string(),
        Some(k) => k.to_string(),
    }
}

fn edge(view: &View, i: usize, p: &ViewPair) -> Edge {
    let relation = p
        .relations
        .iter()
        .map(|r| r.as_str())
        .chain(p.kinds.iter().map(|k| if k.is_empty() { "tie" } else { k }))
        .collect::<Vec<_>>()
        .join("+");
    let agreements: Vec<String> = p
        .agreements
        .iter()
        .map(|&a| view.agreements[a].id.clone())
        .collect();
    let mut values = vec![
        Value::Str(relation.clone()),
        Value::Double(p.weight),
        Value::List(agreements),
        Value::opt(p.span.map(|s| s.start.to_string())),
        Value::opt(p.span.map(|s| s.end.to_string())),
    ];
    if view.options.two_mode {
        let roles = p
            .ties
            .iter()
            .flat_map(|&t| view.edges[t].roles.iter())
            .map(|r| r.as_str().to_string())
            .collect();
        values.push(Value::List(roles));
    } else {
        values.push(Value::Bool(p.oriented));
    }
    Edge {
        id: format!("e{i}"),
        source: p.source,
        target: p.target,
        weight: p.weight,
        relation,
        values,
        spells: view.pair_spells(p),
        relations: p.relations.clone(),
    }
}

/// Views of the small valid fixture, for the exporters' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::export::view::{ClusterBy, View, ViewOptions};
    use crate::load::{load_files, SourceFile};
    use crate::model::{Dataset, PlaceKind};
    use crate::slice::{Slice, SliceSpec};

    pub fn dataset() -> Dataset {
        load_files(&[SourceFile::new(
            "base.toml",
            include_str!("../../tests/fixtures/valid/base.toml"),
        )])
        .expect("the fixture loads")
    }

    /// The view of the whole fixture: actor graph or two-mode, with degree
    /// and clusters by region.
    pub fn view(two_mode: bool) -> (Dataset, View) {
        let ds = dataset();
        let slice = Slice::resolve(&ds, &SliceSpec::default()).unwrap();
        let options = ViewOptions {
            two_mode,
            cluster_by: Some(ClusterBy::Region(PlaceKind::Governorate)),
            measures: vec![crate::analysis::centrality::Measure::Degree],
            ..ViewOptions::default()
        };
        let v = View::build(&ds, &slice, &options).unwrap();
        (ds, v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_across_nodes_edges_and_the_graph() {
        for two_mode in [false, true] {
            let (_, view) = testing::view(two_mode);
            let t = Table::of(&view, Labels::Both);
            let mut names: Vec<&str> = t
                .node_attrs
                .iter()
                .chain(&t.edge_attrs)
                .map(|a| a.name.as_str())
                .chain(t.graph.iter().map(|(k, _)| *k))
                .collect();
            let n = names.len();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), n, "{names:?}");
            for n in &t.nodes {
                assert_eq!(n.values.len(), t.node_attrs.len());
                assert!(!n.spells.is_empty());
            }
            for e in &t.edges {
                assert_eq!(e.values.len(), t.edge_attrs.len());
            }
            assert!(t.node_attr("cluster").is_some() && t.node_attr("degree").is_some());
            assert_eq!(t.node_attr("bipartite").is_some(), two_mode);
        }
    }

    #[test]
    fn labels_and_ids() {
        let (_, view) = testing::view(true);
        let t = Table::of(&view, Labels::Both);
        let a = t.nodes.iter().find(|n| n.id == "agreement:a1").unwrap();
        assert!(a.label.starts_with(&view.nodes[a.node].name_en));
        let fac = t.nodes.iter().find(|n| n.id == "fac-a").unwrap();
        assert!(fac.label.contains(" / "), "{}", fac.label);
        let t = Table::of(&view, Labels::Ar);
        let fac = t.nodes.iter().find(|n| n.id == "fac-a").unwrap();
        assert_eq!(fac.label, view.nodes[fac.node].name_ar);
    }

    #[test]
    fn values_as_text() {
        assert_eq!(Value::Double(2.0).text().unwrap(), "2");
        assert_eq!(Value::Double(0.5).text().unwrap(), "0.5");
        assert_eq!(
            Value::List(vec!["a".into(), "b".into()]).text().unwrap(),
            "a; b"
        );
        assert_eq!(Value::Missing.text(), None);
        assert_eq!(Value::score(f64::NAN), Value::Missing);
        assert_eq!(double(1.0 / 3.0).parse::<f64>().unwrap(), 1.0 / 3.0);
    }
}
