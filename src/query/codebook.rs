//! The controlled vocabularies with their meanings (`musalaha codebook`,
//! and the generated tables of docs/codebook.md).

use crate::analysis::centrality::Measure;
use crate::graph::{Relation, Weighting};
use crate::model::*;
use crate::output::{Column, Row};
use serde::Serialize;

/// One vocabulary value.
#[derive(Debug, Clone, Default, Serialize)]
pub struct VocabRow {
    pub vocabulary: &'static str,
    pub value: &'static str,
    pub meaning: &'static str,
}

impl Row for VocabRow {
    type Csv = VocabRow;
    fn csv(&self) -> VocabRow {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("vocabulary", |r: &Self| r.vocabulary.to_string()),
            Column::new("value", |r: &Self| r.value.to_string()),
            Column::new("meaning", |r: &Self| r.meaning.to_string()),
        ]
    }
}

macro_rules! rows {
    ($out:ident, $($t:ty),+) => {
        $(for v in <$t>::ALL {
            $out.push(VocabRow { vocabulary: <$t>::WHAT, value: v.as_str(), meaning: v.meaning() });
        })+
    };
}

/// Every value of the data model's vocabularies, in codebook order.
pub fn vocabulary() -> Vec<VocabRow> {
    let mut out = Vec::new();
    rows!(
        out,
        ActorKind,
        Alignment,
        PlaceKind,
        AgreementKind,
        Status,
        Role,
        Side,
        TermCode,
        Unit
    );
    out
}

/// The analysis vocabularies (relations, weightings, measures), for the
/// help texts and docs.
pub fn analysis_vocabulary() -> Vec<VocabRow> {
    let mut out = Vec::new();
    rows!(out, Relation, Weighting, Measure);
    out
}

/// The vocabularies as Markdown tables, one `###` section each.
pub fn markdown() -> String {
    let mut out = String::new();
    let mut current = "";
    for r in vocabulary() {
        if r.vocabulary != current {
            current = r.vocabulary;
            out.push_str(&format!(
                "\n### {current}\n\n| value | meaning |\n|---|---|\n"
            ));
        }
        out.push_str(&format!("| `{}` | {} |\n", r.value, r.meaning));
    }
    out
}
