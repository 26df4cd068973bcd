//! The file format: `Raw*` types mirror the TOML records field for field,
//! with a span (absolute byte offsets into the record's file) on every value
//! a later phase may have to point at. They are deserialised one record at a
//! time, so one bad record never hides another (loading never stops at the
//! first problem). The validated types the rest of the crate uses live in
//! [`crate::model`]; only [`super::assemble`] turns one into the other.

use serde::Deserialize;
use toml::Spanned;

/// A text value with its span in the file.
pub(super) type S = Spanned<String>;

/// The record types a data file can hold, by their TOML array name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    Actor,
    Place,
    Agreement,
    Source,
    Period,
}

impl Kind {
    /// Every kind, in the order messages list them.
    pub(super) const ALL: [Kind; 5] = [
        Kind::Actor,
        Kind::Place,
        Kind::Agreement,
        Kind::Source,
        Kind::Period,
    ];

    /// The TOML array name: `[[actor]]`, `[[source]]`, ...
    pub(super) fn key(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Place => "place",
            Kind::Agreement => "agreement",
            Kind::Source => "source",
            Kind::Period => "period",
        }
    }

    /// The kind whose TOML array name is `key`.
    pub(super) fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Every TOML array name, for "expected one of" messages.
    pub(super) const KEYS: &'static [&'static str] =
        &["actor", "place", "agreement", "source", "period"];
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSourceRef {
    pub document: S,
    pub locator: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActor {
    pub id: S,
    pub name_en: String,
    pub name_ar: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: S,
    pub alignment: S,
    pub parent: Option<S>,
    pub place: Option<S>,
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawSourceRef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlace {
    pub id: S,
    pub name_en: String,
    pub name_ar: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: S,
    pub parent: Option<S>,
    #[serde(default)]
    pub members: Vec<S>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDocument {
    pub id: S,
    pub title_ar: String,
    pub title_en: String,
    pub date: Option<S>,
    pub kind: String,
    pub file: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPeriod {
    pub id: S,
    pub name_en: String,
    pub name_ar: String,
    pub from: Option<S>,
    pub to: Option<S>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawParticipant {
    pub actor: S,
    pub role: S,
    /// Further roles the actor held in the same participation.
    #[serde(default)]
    pub also: Vec<S>,
    pub side: Option<S>,
    #[serde(default)]
    pub inferred: bool,
    pub locator: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTerm {
    pub code: S,
    pub count: Option<u64>,
    pub unit: Option<S>,
    pub destination: Option<S>,
    pub locator: Option<String>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReading {
    pub date: S,
    pub document: S,
    pub locator: String,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAgreement {
    pub id: S,
    pub title: String,
    pub title_ar: Option<String>,
    pub date: S,
    #[serde(default)]
    pub date_readings: Vec<RawReading>,
    pub date_note: Option<String>,
    #[serde(default)]
    pub places: Vec<S>,
    pub kind: S,
    pub phase: Option<u32>,
    pub follows: Option<S>,
    pub status: S,
    #[serde(default)]
    pub participants: Vec<RawParticipant>,
    #[serde(default)]
    pub terms: Vec<RawTerm>,
    #[serde(default)]
    pub sources: Vec<RawSourceRef>,
    pub note: Option<String>,
}

/// A raw record with an id.
pub(super) trait HasId {
    fn id(&self) -> &S;
}

macro_rules! has_id {
    ($($t:ty),+) => { $(impl HasId for $t { fn id(&self) -> &S { &self.id } })+ };
}
has_id!(RawActor, RawPlace, RawDocument, RawPeriod, RawAgreement);

/// A record and the index of the file it came from.
pub(super) struct Rec<T> {
    pub file: usize,
    pub raw: T,
}

/// Every record that was read, by type, in file order (files sorted by path,
/// records in the order they appear).
#[derive(Default)]
pub(super) struct Records {
    pub actors: Vec<Rec<RawActor>>,
    pub places: Vec<Rec<RawPlace>>,
    pub agreements: Vec<Rec<RawAgreement>>,
    pub documents: Vec<Rec<RawDocument>>,
    pub periods: Vec<Rec<RawPeriod>>,
}
