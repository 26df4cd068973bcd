//! Closed vocabularies of the data model: every kind, role, side, status and
//! term code the dataset may use. Each value has a stable kebab-case spelling
//! (used in TOML, JSON and CSV) and a one-line meaning (used in `--help`,
//! error hints and the codebook).

/// A closed vocabulary: what it is called and how its values are spelled.
pub trait Vocabulary: Sized + Copy {
    /// What the vocabulary is called in messages ("role", "actor kind", ...).
    const NAME: &'static str;
    /// Parses the kebab-case spelling (exact match).
    fn from_text(s: &str) -> Option<Self>;
    /// All spellings joined for messages.
    fn spellings() -> String;
}

/// Defines a closed vocabulary: an enum with its kebab-case spellings and meanings.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal, $meaning:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in codebook order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What the vocabulary is called in messages ("role", "actor kind", ...).
            pub const WHAT: &'static str = $what;

            /// The stable kebab-case spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// One line saying what the value means.
            pub fn meaning(self) -> &'static str {
                match self { $($name::$variant => $meaning),+ }
            }

            /// Parses the kebab-case spelling (exact match).
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }

            /// All spellings joined for messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl $crate::model::vocab::Vocabulary for $name {
            const NAME: &'static str = $what;
            fn from_text(s: &str) -> Option<Self> {
                Self::parse(s)
            }
            fn spellings() -> String {
                Self::expected()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::parse(s).ok_or_else(|| format!("unknown {} '{}'; expected one of: {}", $what, s, Self::expected()))
            }
        }

        // The command line lists, checks and completes the values from here.
        #[cfg(feature = "cli")]
        impl clap::ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                Self::ALL
            }
            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.as_str()).help(self.meaning()))
            }
        }
    };
}
pub(crate) use vocabulary;

/// Parses a comma-separated list of a vocabulary's spellings; `all` (when
/// `allow_all`) means every value. Duplicates are dropped; order is kept.
pub fn parse_list<T: Vocabulary + PartialEq + 'static>(
    text: &str,
    all: &'static [T],
) -> Result<Vec<T>, UnknownValue> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if part == "all" {
            return Ok(all.to_vec());
        }
        match T::from_text(part) {
            Some(v) if !out.contains(&v) => out.push(v),
            Some(_) => {}
            None => {
                return Err(UnknownValue {
                    vocabulary: T::NAME,
                    value: part.to_string(),
                    expected: T::spellings(),
                })
            }
        }
    }
    Ok(out)
}

/// A spelling that is not in a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {vocabulary} '{value}'; expected one of: {expected}, or all")]
pub struct UnknownValue {
    pub vocabulary: &'static str,
    pub value: String,
    pub expected: String,
}

vocabulary!(
    /// What sort of body or person an actor is.
    ActorKind, "actor kind" {
    State => "state", "a sovereign state acting as such (Russia, Turkey, Egypt, ...)";
    Ministry => "ministry", "a government ministry, e.g. the Ministry of State for National Reconciliation";
    MilitarySecurity => "military-security", "a Syrian military or security body: army division, intelligence branch, a governorate's security committee, a governor's office";
    ForeignMilitary => "foreign-military", "a foreign state's armed forces or one of their bodies (Russian defence ministry, Russian military police)";
    ReconciliationCentre => "reconciliation-centre", "the Russian centre for reconciliation at Hmeimim and its offices";
    ArmedFaction => "armed-faction", "an armed opposition or jihadist faction";
    OperationsRoom => "operations-room", "an operations room, joint command or coalition of factions";
    ReconciliationCommittee => "reconciliation-committee", "a local reconciliation committee (usually formed by or close to the government)";
    NegotiationCommittee => "negotiation-committee", "a local negotiation committee representing a besieged town";
    CivilCommittee => "civil-committee", "a civil, joint or follow-up committee of residents";
    LocalCouncil => "local-council", "an opposition local council";
    Notables => "notables", "notables, elders, tribal or religious figures acting as a group";
    ReligiousFigure => "religious-figure", "a cleric or religious authority acting as an individual";
    InternationalOrganisation => "international-organisation", "the UN, its agencies and offices, the ICRC";
    Humanitarian => "humanitarian", "a humanitarian organisation such as the Syrian Arab Red Crescent";
    PoliticalBody => "political-body", "a parliament, party, opposition coalition or its committee";
    Individual => "individual", "a named person acting in their own name or for a body (linked by parent)";
    Militia => "militia", "a pro-government or foreign-backed militia (National Defence Forces, Hezbollah, ...)";
});

vocabulary!(
    /// Which camp an actor belonged to.
    Alignment, "alignment" {
    Regime => "regime", "the Syrian government and its institutions";
    RegimeAlly => "regime-ally", "a state or force allied with the Syrian government (Russia, Iran, Hezbollah)";
    Opposition => "opposition", "the armed or civil opposition";
    OppositionAlly => "opposition-ally", "a state backing the opposition (Turkey, Qatar)";
    Jihadist => "jihadist", "jihadist groups outside the opposition mainstream (ISIS, al-Nusra/HTS)";
    International => "international", "international organisations and officials";
    LocalMediator => "local-mediator", "local committees, notables and figures mediating between the sides";
    ThirdParty => "third-party", "a state or body mediating without belonging to either camp (Egypt, the US in 2016)";
});

vocabulary!(
    /// The side a participant stood on in one agreement.
    Side, "side" {
    Regime => "regime", "the government side of the agreement";
    Opposition => "opposition", "the opposition side of the agreement";
    Neutral => "neutral", "neither side: a mediator, host or witness";
});

vocabulary!(
    /// What kind of place.
    PlaceKind, "place kind" {
    Country => "country", "a country";
    Governorate => "governorate", "a Syrian governorate (muhafaza)";
    Zone => "zone", "a de-escalation zone or other zone defined by an agreement";
    Area => "area", "a region, countryside, sector or valley within or across governorates";
    District => "district", "an administrative district (mintaqa)";
    City => "city", "a city";
    Town => "town", "a town";
    Neighbourhood => "neighbourhood", "a city neighbourhood";
    Village => "village", "a village";
    Camp => "camp", "a refugee camp (e.g. Yarmouk)";
    Site => "site", "a base, airport, crossing or other site";
    Group => "group", "a named group of places the sources speak of together (the Four Towns, the Astana zones); its members are places";
});

vocabulary!(
    /// What kind of event an agreement record is.
    AgreementKind, "agreement kind" {
    LocalTruce => "local-truce", "a local truce or ceasefire that leaves the opposition in place";
    FinalSettlement => "final-settlement", "a settlement returning an area to government control, often with evacuation";
    DeEscalation => "de-escalation", "a de-escalation memorandum or zone agreement";
    EvacuationSwap => "evacuation-swap", "an exchange of evacuations between besieged areas (e.g. the Four Towns)";
    InternationalFramework => "international-framework", "an agreement between states that frames local deals";
    Offer => "offer", "an offer or initiative put to a town or faction";
    Demand => "demand", "a threat, ultimatum or demand sent to a town or faction";
    NegotiationMeeting => "negotiation-meeting", "a negotiation round or meeting";
    CommitteeFormation => "committee-formation", "the forming of a committee";
    CommitteeDissolution => "committee-dissolution", "the dissolving of committees";
    Founding => "founding", "the founding of an institution (the ministry, the Hmeimim centre)";
    Surrender => "surrender", "individuals or groups handing themselves in to settle their status";
    Statement => "statement", "a public statement, admission, endorsement or rejection";
    Crackdown => "crackdown", "arrests or a security campaign against reconciliation figures or committees";
    MilitaryPressure => "military-pressure", "a siege, offensive or other military pressure used to force an agreement";
    Defection => "defection", "a fighter, group, committee or official changing sides";
    ProtectiveMeasure => "protective-measure", "a measure protecting people who settled or reconciled (security cards, lists of the settled, guarantees of non-arrest)";
});

vocabulary!(
    /// How an agreement turned out.
    Status, "status" {
    Signed => "signed", "signed or concluded; the source says nothing of its implementation";
    Implemented => "implemented", "carried out";
    PartlyImplemented => "partly-implemented", "carried out in part";
    Violated => "violated", "signed, then broken";
    Rejected => "rejected", "offered and turned down";
    Failed => "failed", "negotiations or implementation failed";
    Proposed => "proposed", "put forward; outcome not stated";
    Accepted => "accepted", "an offer or demand that was accepted (the agreement that followed is its own record)";
    Held => "held", "a meeting that took place; no agreement stated";
    Announced => "announced", "announced, e.g. a founding or a dissolution";
});

vocabulary!(
    /// The role a participant played in an agreement.
    Role, "role" {
    Signatory => "signatory", "signed or concluded the agreement as a party";
    Guarantor => "guarantor", "guaranteed the agreement";
    Mediator => "mediator", "mediated between the parties";
    Sponsor => "sponsor", "sponsored or brokered the agreement from outside";
    Host => "host", "hosted the talks or signing";
    Attendee => "attendee", "attended the talks";
    Witness => "witness", "witnessed or supervised without being a party";
    Negotiator => "negotiator", "negotiated for a side without (known) signing";
    Implementer => "implementer", "carried out the agreement (e.g. the Red Crescent running evacuations)";
    Proposer => "proposer", "put forward an offer or demand";
    Target => "target", "the town, committee or faction an offer or demand was put to; the body a formation or dissolution created or dissolved";
    Opponent => "opponent", "worked against the agreement or committee (rejected it publicly, arrested its members, broke it up)";
    Excluded => "excluded", "a group the agreement excludes from its ceasefire or expels (ISIS, al-Nusra/HTS); makes no tie";
    Pressurer => "pressurer", "pressed the parties or the town into the agreement (a siege, an offensive, a committee pressing factions); makes no tie";
    Announcer => "announcer", "announced the agreement or event without being a party to it";
    Supervisor => "supervisor", "supervised the agreement's implementation (more than a passive witness)";
    Convener => "convener", "called the talks or meeting and brought the parties together (the venue is the host)";
    ProposedGuarantor => "proposed-guarantor", "proposed as guarantor in an initiative that was not concluded; makes no tie";
    ProposedMediator => "proposed-mediator", "proposed as mediator in an initiative that was not concluded; makes no tie";
});

impl AgreementKind {
    /// Kinds that are agreements proper (truces, settlements, de-escalation
    /// memoranda, evacuation exchanges, frameworks between states), as
    /// opposed to the other events the dataset records (offers, demands,
    /// meetings, committee formations, foundings, statements, crackdowns,
    /// military pressure, surrenders).
    pub fn is_agreement(self) -> bool {
        matches!(
            self,
            AgreementKind::LocalTruce
                | AgreementKind::FinalSettlement
                | AgreementKind::DeEscalation
                | AgreementKind::EvacuationSwap
                | AgreementKind::InternationalFramework
        )
    }
}

impl Status {
    /// Statuses of an agreement that was concluded (whatever became of it).
    pub fn is_concluded(self) -> bool {
        matches!(
            self,
            Status::Signed | Status::Implemented | Status::PartlyImplemented | Status::Violated
        )
    }
}

impl Role {
    /// Parties: actors that stood on a side and dealt with the other side.
    pub fn is_party(self) -> bool {
        matches!(self, Role::Signatory | Role::Negotiator)
    }
    /// Roles that yield mediating edges to every party.
    pub fn is_mediating(self) -> bool {
        matches!(self, Role::Mediator | Role::Sponsor | Role::Convener)
    }
}

vocabulary!(
    /// What a term's count counts.
    Unit, "unit" {
    Persons => "persons", "people, fighters and civilians together or unspecified";
    Fighters => "fighters", "armed fighters";
    Civilians => "civilians", "civilians";
    Families => "families", "families";
    Detainees => "detainees", "detainees or prisoners";
    Buses => "buses", "buses";
    Batches => "batches", "batches or convoys in which people leave";
    Hours => "hours", "hours";
    Days => "days", "days";
    Months => "months", "months";
    Years => "years", "years";
    Pounds => "pounds", "Syrian pounds";
    Areas => "areas", "areas, towns or localities";
    Zones => "zones", "zones (de-escalation or security zones)";
    Governorates => "governorates", "governorates";
    Km => "km", "kilometres";
    Weapons => "weapons", "weapons or pieces of equipment";
});

vocabulary!(
    /// Coded terms of an agreement.
    TermCode, "term code" {
    Ceasefire => "ceasefire", "ceasefire or end of hostilities";
    HeavyWeaponsHandover => "heavy-weapons-handover", "handover or destruction of heavy and medium weapons";
    WeaponsHandover => "weapons-handover", "handover of all or light weapons";
    Evacuation => "evacuation", "departure of fighters and/or civilians (with destination and number where given)";
    ForeignFightersExit => "foreign-fighters-exit", "departure of non-Syrian or named jihadist fighters";
    StatusSettlement => "status-settlement", "settling (taswiya) the status of fighters, deserters or wanted people";
    DetaineeRelease => "detainee-release", "release of detainees held by the government";
    PrisonerExchange => "prisoner-exchange", "exchange of prisoners or abductees between the sides";
    MissingPersons => "missing-persons", "disclosure of the fate of detainees or missing persons";
    AidEntry => "aid-entry", "entry of food, medical or relief supplies";
    SiegeLifting => "siege-lifting", "lifting or easing of a siege or checkpoints' restrictions";
    RoadOpening => "road-opening", "opening of roads or crossings";
    StateInstitutionsReturn => "state-institutions-return", "return of state institutions and services";
    ServicesRestoration => "services-restoration", "restoration of infrastructure and services, compensation";
    FlagRaising => "flag-raising", "raising the state flag";
    RegimeWithdrawal => "regime-withdrawal", "withdrawal or non-entry of government forces";
    RegimeEntry => "regime-entry", "entry or deployment of government forces into the area";
    OppositionBodiesDissolved => "opposition-bodies-dissolved", "the opposition's own councils, courts, police or other bodies dissolve";
    Education => "education", "schooling, exams and the education process";
    JointCheckpoints => "joint-checkpoints", "joint checkpoints or joint control";
    LocalProtection => "local-protection", "local fighters or committees keep security in the area";
    NoArmedPresence => "no-armed-presence", "no armed presence or display inside the area";
    ConscriptionDeferral => "conscription-deferral", "deferral of compulsory or reserve military service";
    DefectorsReturn => "defectors-return", "return of defectors to their units or amnesty for them";
    Amnesty => "amnesty", "amnesty or guarantee of non-prosecution";
    CiviliansReturn => "civilians-return", "return of displaced residents";
    StudentsReturn => "students-return", "return of students to their universities and schools";
    EmployeesReturn => "employees-return", "return of dismissed or absent state employees to their jobs";
    NoDisplacement => "no-displacement", "no forced displacement or demographic change";
    MedicalCare => "medical-care", "treatment of the wounded and sick";
    PropertyProtection => "property-protection", "protection of homes and property; no looting";
    Deadline => "deadline", "a time limit or duration set by the agreement (count in the unit the source gives; the note names the unit)";
    JointOperations => "joint-operations", "joint military operations or cooperation against a third party";
    RussianMilitaryPolice => "russian-military-police", "deployment of Russian military police";
    FifthCorpsIntegration => "fifth-corps-integration", "integration of fighters into the Fifth Corps or auxiliary forces";
    LocalCouncil => "local-council", "forming or replacing the local council or a joint committee";
    DeEscalationZone => "de-escalation-zone", "establishing or joining a de-escalation zone";
    Exclusion => "exclusion", "groups excluded from the agreement (ISIS, al-Nusra)";
    Demilitarisation => "demilitarisation", "a demilitarised or buffer zone";
    Other => "other", "any other term (say which in the note)";
});
