//! Prints a DOT chart of the alignment palette as printed in colour, in
//! greyscale, and as simulated for deuteranopia, protanopia and tritanopia,
//! with the line styles of the relations below, stated and inferred by the
//! coders (lighter, with a `?` mark). It reads the palette from
//! `musalaha::export::style`, so the chart always shows what figures use.
//!
//!     cargo run --example palette | dot -Tsvg:cairo -o docs/figures/palette.svg
//!
//! Greyscale is ITU-R BT.601 luma; the colour-vision simulations apply the
//! matrices of Machado, Oliveira & Fernandes (2009), severity 1, in linear RGB.

use musalaha::export::style::{alignment_look, inferred_look, relation_look, FONT, INFERRED_MARK};
use musalaha::graph::Relation;
use musalaha::model::Alignment;

type Rgb = [f64; 3];

/// A way of seeing a colour: its name and the colour as seen.
type View = (&'static str, fn(Rgb) -> Rgb);

fn parse(hex: &str) -> Rgb {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64;
    [c(1), c(3), c(5)]
}

fn to_hex(c: Rgb) -> String {
    let b = |x: f64| x.round().clamp(0.0, 255.0) as u8;
    format!("#{:02X}{:02X}{:02X}", b(c[0]), b(c[1]), b(c[2]))
}

fn luma(c: Rgb) -> f64 {
    0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
}

fn linear(v: f64) -> f64 {
    let v = v / 255.0;
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn encoded(v: f64) -> f64 {
    let v = v.clamp(0.0, 1.0);
    255.0
        * if v <= 0.003_130_8 {
            12.92 * v
        } else {
            1.055 * v.powf(1.0 / 2.4) - 0.055
        }
}

fn simulate(c: Rgb, m: [[f64; 3]; 3]) -> Rgb {
    let l = c.map(linear);
    let row = |r: [f64; 3]| encoded(r[0] * l[0] + r[1] * l[1] + r[2] * l[2]);
    [row(m[0]), row(m[1]), row(m[2])]
}

const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const TRITANOPIA: [[f64; 3]; 3] = [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.303900],
];

fn main() {
    let views: [View; 5] = [
        ("colour", |c| c),
        ("greyscale", |c| {
            let y = luma(c);
            [y, y, y]
        }),
        ("deuteranopia", |c| simulate(c, DEUTERANOPIA)),
        ("protanopia", |c| simulate(c, PROTANOPIA)),
        ("tritanopia", |c| simulate(c, TRITANOPIA)),
    ];
    let mut out = String::new();
    out.push_str("graph {\n");
    out.push_str(&format!(
        "  graph [label=\"musalaha: alignment fills and outlines, relation lines\", labelloc=t, fontname=\"{FONT}\", nodesep=0.15, ranksep=0.25];\n"
    ));
    out.push_str(&format!(
        "  node [fontname=\"{FONT}\", fontsize=10, shape=box, penwidth=1.6];\n"
    ));
    let mut heads = Vec::new();
    for (r, (name, f)) in views.iter().enumerate() {
        let head = format!("v{r}");
        out.push_str(&format!(
            "  subgraph {{ rank=same; {head} [label=\"{name}\", shape=plaintext];"
        ));
        let mut prev = head.clone();
        for (i, a) in Alignment::ALL.iter().enumerate() {
            let look = alignment_look(*a);
            let id = format!("v{r}_{i}");
            out.push_str(&format!(
                " {id} [label=\"{}\", style=\"filled,{}\", fillcolor=\"{}\", fontcolor=\"{}\"]; {prev} -- {id} [style=invis];",
                a.as_str(),
                look.outline.as_str(),
                to_hex(f(parse(look.fill))),
                look.font
            ));
            prev = id;
        }
        out.push_str(" }\n");
        heads.push(head);
    }
    // Relation lines: black and grey only, so one row serves every view;
    // below them the same relations resting only on inferred roles.
    for (row, inferred) in [("relations", false), ("inferred", true)] {
        out.push_str(&format!(
            "  subgraph {{ rank=same; {row} [label=\"{row}\", shape=plaintext];"
        ));
        let mut prev = row.to_string();
        for (i, r) in Relation::ALL.iter().enumerate() {
            let l = if inferred {
                inferred_look(*r)
            } else {
                relation_look(*r)
            };
            let (a, b) = (format!("{row}{i}a"), format!("{row}{i}b"));
            let mark = if inferred {
                format!(", xlabel=\"{INFERRED_MARK}\", fontsize=9")
            } else {
                ", fontsize=9".to_string()
            };
            out.push_str(&format!(
                " {a} [shape=point, style=invis, width=0.02]; {b} [shape=point, style=invis, width=0.02]; {prev} -- {a} [style=invis]; {a} -- {b} [label=\"{}\", style={}, color=\"{}\", dir={}, arrowhead={}, arrowtail={}, penwidth=1.2, fontname=\"{FONT}\"{mark}];",
                r.as_str(), l.style, l.color, l.dir, l.arrowhead, l.arrowtail
            ));
            prev = b;
        }
        out.push_str(" }\n");
        heads.push(row.into());
    }
    out.push_str(&format!("  {} [style=invis];\n", heads.join(" -- ")));
    out.push_str("}\n");
    print!("{out}");
}
