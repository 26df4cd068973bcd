//! The visual encoding of diagrams, in one place so that the figures, the
//! legend and docs/figures.md agree.
//!
//! - **Actor kind → node shape** (18 distinct Graphviz shapes).
//! - **Alignment → fill colour, lightness tier and outline.** Hues come from
//!   the Okabe–Ito palette (safe for colour-blind readers); their lightness is
//!   tuned to four tiers (near-black, dark, mid, light) that stay apart in
//!   greyscale, and alignments that share a tier differ by outline (solid,
//!   dashed, dotted). So a figure printed in black and white, or read by
//!   someone who cannot tell the hues apart, still separates all eight
//!   alignments: tier + outline is unique per alignment.
//! - **Relation → line style**, all in black or grey: signing solid,
//!   co-signing a grey double line, negotiating grey with bar ends,
//!   guaranteeing dashed with a filled arrow, mediating dotted with an open
//!   arrow. Line width grows with the logarithm of the number of agreements
//!   behind a tie, up to [`MAX_PEN_WIDTH`].
//! - **An inferred tie** (one that rests only on roles the coders inferred)
//!   keeps its relation's line style, drawn in a lighter grey, and carries a
//!   `?` mark at its middle: the mark survives greyscale and differs from
//!   every relation style.
//! - **A measure (`--size-by`) → label size**, by the square root of the
//!   score relative to the highest, from [`TEXT_PT`] to [`MAX_SIZED_PT`], so
//!   that one dominant actor cannot swamp the figure.
//!
//! Names in English and Arabic are given for every value so that legends
//! follow `--labels`.

use crate::graph::Relation;
use crate::model::{ActorKind, Alignment};

/// Graphviz shape for an actor kind; every kind has its own shape.
pub fn shape(kind: ActorKind) -> &'static str {
    use ActorKind::*;
    match kind {
        State => "hexagon",
        Ministry => "house",
        MilitarySecurity => "box",
        ForeignMilitary => "box3d",
        ReconciliationCentre => "doubleoctagon",
        ArmedFaction => "ellipse",
        OperationsRoom => "doublecircle",
        ReconciliationCommittee => "octagon",
        NegotiationCommittee => "invhouse",
        CivilCommittee => "cylinder",
        LocalCouncil => "tab",
        Notables => "egg",
        ReligiousFigure => "pentagon",
        InternationalOrganisation => "diamond",
        Humanitarian => "Mdiamond",
        PoliticalBody => "component",
        Individual => "note",
        Militia => "trapezium",
    }
}

/// Arabic name of an actor kind (for legends with `--labels ar|both`).
pub fn kind_ar(kind: ActorKind) -> &'static str {
    use ActorKind::*;
    match kind {
        State => "دولة",
        Ministry => "وزارة",
        MilitarySecurity => "جهة عسكرية أو أمنية",
        ForeignMilitary => "قوات عسكرية أجنبية",
        ReconciliationCentre => "مركز مصالحة",
        ArmedFaction => "فصيل مسلح",
        OperationsRoom => "غرفة عمليات",
        ReconciliationCommittee => "لجنة مصالحة",
        NegotiationCommittee => "لجنة تفاوض",
        CivilCommittee => "لجنة مدنية",
        LocalCouncil => "مجلس محلي",
        Notables => "وجهاء",
        ReligiousFigure => "شخصية دينية",
        InternationalOrganisation => "منظمة دولية",
        Humanitarian => "منظمة إنسانية",
        PoliticalBody => "هيئة سياسية",
        Individual => "فرد",
        Militia => "ميليشيا",
    }
}

/// How a node's outline is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    Solid,
    Dashed,
    Dotted,
}

impl Outline {
    pub fn as_str(self) -> &'static str {
        match self {
            Outline::Solid => "solid",
            Outline::Dashed => "dashed",
            Outline::Dotted => "dotted",
        }
    }
}

/// The look of an alignment: fill, text colour, outline, and the greyscale
/// tier (0 darkest … 3 lightest) its fill belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AlignmentLook {
    pub fill: &'static str,
    pub font: &'static str,
    pub outline: Outline,
    pub tier: u8,
}

/// Fill, text colour and outline for an alignment (see the module docs).
pub fn alignment_look(al: Alignment) -> AlignmentLook {
    use Alignment::*;
    let (fill, outline, tier) = match al {
        Jihadist => ("#1A1A1A", Outline::Solid, 0),
        Regime => ("#C04F00", Outline::Solid, 1),
        RegimeAlly => ("#9E4A7F", Outline::Dashed, 1),
        International => ("#0072B2", Outline::Dotted, 1),
        Opposition => ("#5CCBA3", Outline::Solid, 2),
        OppositionAlly => ("#56B4E9", Outline::Dashed, 2),
        LocalMediator => ("#F0E442", Outline::Solid, 3),
        ThirdParty => ("#F2C4DE", Outline::Dashed, 3),
    };
    AlignmentLook {
        fill,
        font: if tier <= 1 { "#FFFFFF" } else { "#000000" },
        outline,
        tier,
    }
}

/// Arabic name of an alignment.
pub fn alignment_ar(al: Alignment) -> &'static str {
    use Alignment::*;
    match al {
        Regime => "النظام",
        RegimeAlly => "حليف للنظام",
        Opposition => "المعارضة",
        OppositionAlly => "حليف للمعارضة",
        Jihadist => "جهادي",
        International => "دولي",
        LocalMediator => "وسيط محلي",
        ThirdParty => "طرف ثالث",
    }
}

/// The look of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeLook {
    /// Graphviz `style`.
    pub style: &'static str,
    /// Graphviz `color` (a colour list `a:invis:a` draws a double line).
    pub color: &'static str,
    /// Graphviz `dir`.
    pub dir: &'static str,
    pub arrowhead: &'static str,
    pub arrowtail: &'static str,
}

/// Line style of a relation in the actor graph (see the module docs).
pub fn relation_look(r: Relation) -> EdgeLook {
    let look = |style, color, dir, arrowhead, arrowtail| EdgeLook {
        style,
        color,
        dir,
        arrowhead,
        arrowtail,
    };
    match r {
        Relation::Signing => look("solid", "#000000", "none", "none", "none"),
        Relation::CoSigning => look("solid", "#777777:invis:#777777", "none", "none", "none"),
        Relation::Negotiating => look("solid", "#666666", "both", "tee", "tee"),
        Relation::Guaranteeing => look("dashed", "#000000", "forward", "normal", "none"),
        Relation::Mediating => look("dotted", "#000000", "forward", "empty", "none"),
        Relation::Hosting => look("dotted", "#777777", "forward", "odot", "none"),
    }
}

/// Node shape in GEXF (`viz:shape`, which knows only disc, square, triangle
/// and diamond): triangles for armed and security bodies, diamonds for the
/// state, its ministries and centres, political bodies and international
/// and humanitarian organisations, discs for local committees, councils,
/// notables and persons. Agreements (two-mode view) are squares.
pub fn viz_shape(kind: Option<ActorKind>) -> &'static str {
    use ActorKind::*;
    match kind {
        Some(MilitarySecurity | ForeignMilitary | ArmedFaction | OperationsRoom | Militia) => {
            "triangle"
        }
        Some(
            State
            | Ministry
            | ReconciliationCentre
            | PoliticalBody
            | InternationalOrganisation
            | Humanitarian,
        ) => "diamond",
        Some(
            ReconciliationCommittee
            | NegotiationCommittee
            | CivilCommittee
            | LocalCouncil
            | Notables
            | ReligiousFigure
            | Individual,
        )
        | None => "disc",
    }
}

/// `viz:shape` of agreement nodes in GEXF.
pub const VIZ_AGREEMENT_SHAPE: &str = "square";

/// Fill of agreement nodes in the interchange formats (GEXF, GraphML, JSON,
/// CSV): a mid grey that shows on white and dark backgrounds alike (DOT
/// draws agreements as white boxes with an outline instead).
pub const AGREEMENT_FILL: &str = "#BBBBBB";

/// Line style of a relation in GEXF (`viz:shape` of an edge): the DOT line
/// styles, with co-signing as a double line (hosting is dotted like
/// mediating, told apart by its grey colour).
pub fn viz_line(r: Relation) -> &'static str {
    match r {
        Relation::Signing | Relation::Negotiating => "solid",
        Relation::CoSigning => "double",
        Relation::Guaranteeing => "dashed",
        Relation::Mediating | Relation::Hosting => "dotted",
    }
}

/// The one colour of a relation's line (the first of a Graphviz colour list).
pub fn line_colour(r: Relation) -> &'static str {
    let c = relation_look(r).color;
    c.split(':').next().unwrap_or(c)
}

/// Arabic name of a relation.
pub fn relation_ar(r: Relation) -> &'static str {
    match r {
        Relation::Signing => "توقيع",
        Relation::CoSigning => "توقيع مشترك",
        Relation::Negotiating => "تفاوض",
        Relation::Guaranteeing => "ضمان",
        Relation::Mediating => "وساطة",
        Relation::Hosting => "استضافة",
    }
}

/// The look of an edge that rests only on inferred roles: the relation's
/// look in a lighter grey (the line style, double line and arrows stay, so
/// the relation can still be read); the `?` mark ([`INFERRED_MARK`]) is set
/// by the figure.
pub fn inferred_look(r: Relation) -> EdgeLook {
    let look = relation_look(r);
    let color = if look.color.contains("invis") {
        "#ADADAD:invis:#ADADAD"
    } else {
        "#8F8F8F"
    };
    EdgeLook { color, ..look }
}

/// The mark at the middle of an inferred edge (`؟` in Arabic figures).
pub const INFERRED_MARK: &str = "?";
/// The Arabic question mark, for figures labelled in Arabic only.
pub const INFERRED_MARK_AR: &str = "؟";

/// Widest line, in points: the width stops growing at about 10 agreements.
pub const MAX_PEN_WIDTH: f64 = 6.0;

/// Pen width of an edge carrying `weight` agreements: 1.2 for one, growing
/// with the logarithm so that heavy ties stand out, and capped at
/// [`MAX_PEN_WIDTH`] so that no tie swamps the page.
pub fn pen_width(weight: f64) -> f64 {
    if !weight.is_finite() {
        return 1.2;
    }
    (1.2 + 1.5 * weight.max(1.0).log2()).min(MAX_PEN_WIDTH)
}

/// The size of the smallest text of a figure before it is fitted to a page:
/// node labels, legend entries, agreement dates and the caption.
pub const TEXT_PT: f64 = 10.0;

/// The largest label a measure gives (`--size-by`): 1.6 times the smallest.
pub const MAX_SIZED_PT: f64 = 16.0;

/// Font size of a node scaled by a measure: [`TEXT_PT`] for a score of zero,
/// growing with the square root of the score relative to the highest (so the
/// label's area grows with the score) up to [`MAX_SIZED_PT`] for the highest.
/// Bounded whatever the scores: an actor whose score dwarfs the rest gets
/// the largest size and no more, and the others keep readable sizes.
pub fn scaled_font_size(score: f64, max: f64) -> f64 {
    if max > 0.0 && max.is_finite() && score.is_finite() {
        TEXT_PT + (MAX_SIZED_PT - TEXT_PT) * (score / max).clamp(0.0, 1.0).sqrt()
    } else {
        TEXT_PT
    }
}

/// Font family set on the graph, nodes and edges. Pango falls back to Noto
/// Sans Arabic (fonts-noto-core) for Arabic script.
pub const FONT: &str = "Noto Sans";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_kind_has_its_own_shape() {
        let shapes: BTreeSet<_> = ActorKind::ALL.iter().map(|k| shape(*k)).collect();
        assert_eq!(shapes.len(), ActorKind::ALL.len());
    }

    /// Luma (ITU-R BT.601) of a `#RRGGBB` colour: what a greyscale print keeps.
    fn luma(hex: &str) -> f64 {
        let c = |i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64;
        0.299 * c(1) + 0.587 * c(3) + 0.114 * c(5)
    }

    #[test]
    fn alignments_stay_apart_in_greyscale() {
        // Tier + outline is unique per alignment …
        let keys: BTreeSet<_> = Alignment::ALL
            .iter()
            .map(|a| {
                let l = alignment_look(*a);
                (l.tier, l.outline.as_str())
            })
            .collect();
        assert_eq!(keys.len(), Alignment::ALL.len());
        // … and the tiers are at least 45 luma levels (of 255) apart, while
        // fills within a tier stay within 20 of each other.
        let mut tiers: Vec<Vec<f64>> = vec![Vec::new(); 4];
        for a in Alignment::ALL {
            let l = alignment_look(*a);
            tiers[l.tier as usize].push(luma(l.fill));
        }
        for t in &tiers {
            let (lo, hi) = t
                .iter()
                .fold((255.0f64, 0.0f64), |(a, b), x| (a.min(*x), b.max(*x)));
            assert!(hi - lo <= 20.0, "{t:?}");
        }
        for w in tiers.windows(2) {
            let top = w[0].iter().cloned().fold(0.0, f64::max);
            let bottom = w[1].iter().cloned().fold(255.0, f64::min);
            assert!(bottom - top >= 45.0, "{tiers:?}");
        }
        // The two camps are far apart.
        assert!(
            luma(alignment_look(Alignment::Opposition).fill)
                - luma(alignment_look(Alignment::Regime).fill)
                > 50.0
        );
    }

    #[test]
    fn relations_differ_without_colour() {
        let looks: BTreeSet<_> = Relation::ALL
            .iter()
            .map(|r| {
                let l = relation_look(*r);
                (l.style, l.color.contains("invis"), l.arrowhead)
            })
            .collect();
        assert_eq!(looks.len(), Relation::ALL.len());
        assert_eq!(relation_look(Relation::Guaranteeing).style, "dashed");
        assert_eq!(relation_look(Relation::Mediating).style, "dotted");
        assert_eq!(relation_look(Relation::Signing).style, "solid");
    }

    #[test]
    fn interchange_looks() {
        assert_eq!(line_colour(Relation::CoSigning), "#777777");
        assert_eq!(viz_line(Relation::CoSigning), "double");
        assert_eq!(viz_shape(Some(ActorKind::ArmedFaction)), "triangle");
        assert_eq!(viz_shape(None), "disc");
        let lines: BTreeSet<_> = Relation::ALL.iter().map(|r| viz_line(*r)).collect();
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn inferred_ties_differ_without_colour_from_every_relation() {
        // A drawn tie without colour: line style, double line, arrowhead,
        // and whether it carries the `?` mark. All twelve (six relations,
        // stated or inferred) differ.
        let mut looks = BTreeSet::new();
        for r in Relation::ALL {
            for inferred in [false, true] {
                let l = if inferred {
                    inferred_look(*r)
                } else {
                    relation_look(*r)
                };
                looks.insert((l.style, l.color.contains("invis"), l.arrowhead, inferred));
                if inferred {
                    // Same line as the relation, lighter.
                    let plain = relation_look(*r);
                    assert_eq!(
                        (l.style, l.dir, l.arrowhead, l.arrowtail),
                        (plain.style, plain.dir, plain.arrowhead, plain.arrowtail)
                    );
                    assert!(
                        luma(&l.color[..7]) > luma(&plain.color[..7]),
                        "{r:?}: {}",
                        l.color
                    );
                }
            }
        }
        assert_eq!(looks.len(), 2 * Relation::ALL.len());
    }

    #[test]
    fn widths_and_sizes() {
        assert!((pen_width(1.0) - 1.2).abs() < 1e-9);
        assert!(pen_width(4.0) > pen_width(2.0));
        assert_eq!(pen_width(1e9), MAX_PEN_WIDTH);
        assert_eq!(pen_width(f64::NAN), 1.2);
        assert_eq!(scaled_font_size(0.0, 0.0), TEXT_PT);
        assert_eq!(scaled_font_size(1.0, 1.0), MAX_SIZED_PT);
        assert_eq!(scaled_font_size(f64::NAN, 1.0), TEXT_PT);
        assert_eq!(scaled_font_size(5.0, f64::INFINITY), TEXT_PT);
        // Square root: a quarter of the highest score gets half the growth.
        assert!((scaled_font_size(0.25, 1.0) - 13.0).abs() < 1e-9);
    }

    #[test]
    fn one_dominant_score_keeps_every_size_in_bounds() {
        // One actor scores 1000 times the others.
        let scores = [1000.0, 1.0, 1.0, 0.5, 0.0];
        let max = 1000.0;
        let sizes: Vec<f64> = scores.iter().map(|s| scaled_font_size(*s, max)).collect();
        assert_eq!(sizes[0], MAX_SIZED_PT);
        assert!(sizes.iter().all(|s| (TEXT_PT..=MAX_SIZED_PT).contains(s)));
        // The others stay apart from zero (√ keeps small scores visible).
        assert!(sizes[1] > sizes[4] + 0.1, "{sizes:?}");
    }
}
