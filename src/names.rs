//! Name matching in English and Arabic.
//!
//! Users type names the way they know them: `Faylaq al-Rahman`, `failaq al rahman`,
//! `فيلق الرحمن`, `فَيْلَق الرَّحْمٰن`. [`normalize`] folds all of these to one key;
//! [`Resolver`] looks an argument up among ids, English and Arabic names and
//! aliases, and explains a miss with the closest candidates.

use std::collections::BTreeSet;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a name to its matching key.
///
/// - Unicode: compatibility decomposition (NFKD), so precomposed and
///   decomposed accents, fullwidth Latin, ligatures and the Arabic
///   presentation forms that PDFs produce (`ﺟﻴﺶ`) all become plain letters;
///   then every combining mark is dropped (Latin accents, Arabic harakat,
///   the hamza and madda that decomposition splits off alef, waw and yeh).
/// - Latin: lower case; hyphens, underscores, apostrophes and ayn/hamza marks
///   (`' ’ ‘ ʿ ʾ`) become spaces or vanish; runs of spaces collapse.
/// - Arabic: tatweel and direction marks are removed; أ إ آ ٱ → ا; ة → ه;
///   ى → ي; ؤ → و; ئ → ي; the Persian and Urdu letters typed on other
///   keyboards fold to the Arabic ones (ی → ي, ک → ك, ہ ھ → ه); Arabic-Indic
///   digits become ASCII digits.
///
/// ```
/// use musalaha::names::normalize;
/// assert_eq!(normalize("Faylaq al-Rahman"), "faylaq al rahman");
/// assert_eq!(normalize("جَيْش الإسلام"), normalize("جيش الاسلام"));
/// assert_eq!(normalize("الغوطة الشرقية"), "الغوطه الشرقيه");
/// assert_eq!(normalize("Jaish al-Isla\u{304}m"), normalize("Jaish al-Islām"));
/// assert_eq!(normalize("ﺟﻴﺶ ﺍﻹﺳﻼﻡ"), normalize("جيش الإسلام"));
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        let mapped = match c {
            // Tatweel, direction and zero-width format characters.
            '\u{0640}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{061C}' => None,
            'ا' | 'ٱ' => Some('ا'),
            'ة' | 'ہ' | 'ھ' | 'ە' => Some('ه'),
            'ى' | 'ی' | 'ې' | 'ے' => Some('ي'),
            'ک' => Some('ك'),
            '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10),
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10),
            '\'' | '’' | '‘' | 'ʿ' | 'ʾ' | '`' => None,
            '-' | '_' | '/' | ',' | '.' | '(' | ')' | '،' => Some(' '),
            c if c.is_whitespace() => Some(' '),
            c => Some(c),
        };
        if let Some(m) = mapped {
            for l in m.to_lowercase() {
                if l == ' ' && (out.is_empty() || out.ends_with(' ')) {
                    continue;
                }
                out.push(l);
            }
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Names longer than this (in characters) are not compared by spelling for
/// suggestions (see [`Resolver::find`]); they still match exactly or in part.
pub const MAX_SUGGEST_CHARS: usize = 200;

/// Why a name could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// Nothing matched; the closest ids by spelling.
    Unknown { closest: Vec<String> },
    /// Several entities matched; their ids.
    Ambiguous { candidates: Vec<String> },
}

/// How a name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum How {
    /// The argument is the entity's id.
    Id,
    /// It is one of the entity's names or aliases (after folding).
    Name,
    /// It is part of one of its names (at least three letters).
    Partial,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Id => "id",
            How::Name => "name",
            How::Partial => "part of a name",
        }
    }
}

/// A name that was found: the id taken, how, and the other entities the
/// argument also fits (when a rule chose among several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: String,
    pub how: How,
    pub others: Vec<String>,
}

/// Looks names up among a set of entities (actors, places, periods).
#[derive(Debug, Default)]
pub struct Resolver {
    /// (normalised key, entity id), one row per id/name/alias.
    keys: Vec<(String, String)>,
}

/// Whether a text is mostly Arabic script.
pub(crate) fn is_arabic(s: &str) -> bool {
    let (mut ar, mut other) = (0, 0);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
            ar += 1;
        } else {
            other += 1;
        }
    }
    ar > other
}

/// How far a query is from a key: the smallest edit distance between the
/// query and any run of whole words of the key, so that a misspelt word
/// (`حميمم`) is close to the name it belongs to (`مركز حميميم للمصالحة`)
/// rather than to a short unrelated name.
pub fn word_distance(query: &str, key: &str) -> usize {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let n_query = query.split(' ').filter(|w| !w.is_empty()).count().max(1);
    let mut best = edit_distance(query, key);
    for len in 1..=n_query.min(words.len()) {
        for start in 0..=words.len() - len {
            let run = words[start..start + len].join(" ");
            best = best.min(edit_distance(query, &run));
        }
    }
    best
}

impl Resolver {
    /// Adds an entity with every name it may be called by.
    pub fn add<'a>(&mut self, id: &str, names: impl IntoIterator<Item = &'a str>) {
        self.keys.push((normalize(id), id.to_string()));
        for n in names {
            let k = normalize(n);
            if !k.is_empty() {
                self.keys.push((k, id.to_string()));
            }
        }
    }

    /// Resolves a user's argument to one id.
    ///
    /// An exact id always wins; then an exact match of a folded name; then a
    /// unique entity whose name contains the whole query (at least three
    /// letters). Where several entities match at the same step, `choose`
    /// may pick one of them (it returns the chosen id, e.g. the widest
    /// place); otherwise the name is ambiguous.
    pub fn find(
        &self,
        query: &str,
        choose: &dyn Fn(&[&str]) -> Option<String>,
    ) -> Result<Found, Miss> {
        if self.keys.iter().any(|(_, id)| id == query) {
            // Other entities the same text names (an id that is also a name).
            let q = normalize(query);
            let others = self.ids_where(|k| *k == q, query);
            return Ok(Found {
                id: query.to_string(),
                how: How::Id,
                others,
            });
        }
        let q = normalize(query);
        if q.is_empty() {
            return Err(Miss::Unknown {
                closest: Vec::new(),
            });
        }
        type Test<'a> = &'a dyn Fn(&str) -> bool;
        let steps: [(How, Test); 2] = [
            (How::Name, &|k: &str| k == q),
            (How::Partial, &|k: &str| {
                q.chars().count() >= 3 && k.contains(&q)
            }),
        ];
        for (how, test) in steps {
            let ids: BTreeSet<&str> = self
                .keys
                .iter()
                .filter(|(k, _)| test(k))
                .map(|(_, id)| id.as_str())
                .collect();
            let ids: Vec<&str> = ids.into_iter().collect();
            match ids.len() {
                0 => continue,
                1 => {
                    return Ok(Found {
                        id: ids[0].to_string(),
                        how,
                        others: Vec::new(),
                    })
                }
                _ => match choose(&ids) {
                    Some(id) => {
                        let others = ids
                            .iter()
                            .filter(|x| **x != id)
                            .map(|x| x.to_string())
                            .collect();
                        return Ok(Found { id, how, others });
                    }
                    None => {
                        return Err(Miss::Ambiguous {
                            candidates: ids.into_iter().take(10).map(String::from).collect(),
                        })
                    }
                },
            }
        }
        Err(Miss::Unknown {
            closest: self.closest(&q, 5),
        })
    }

    /// Resolves without a rule for several matches (see [`Resolver::find`]).
    pub fn resolve(&self, query: &str) -> Result<String, Miss> {
        self.find(query, &|_| None).map(|f| f.id)
    }

    fn ids_where(&self, test: impl Fn(&String) -> bool, except: &str) -> Vec<String> {
        let ids: BTreeSet<&str> = self
            .keys
            .iter()
            .filter(|(k, id)| test(k) && id != except)
            .map(|(_, id)| id.as_str())
            .collect();
        ids.into_iter().map(String::from).collect()
    }

    /// The ids whose names are closest to a folded query, by [`word_distance`]
    /// over the keys in the query's script (Arabic with Arabic names, Latin
    /// with Latin names and ids).
    ///
    /// Edit distances cost the product of the two lengths, so a query or a
    /// key longer than [`MAX_SUGGEST_CHARS`] is not compared: a very long
    /// argument gets no suggestions rather than a wait of minutes.
    fn closest(&self, q: &str, n: usize) -> Vec<String> {
        let long = |s: &str| s.chars().nth(MAX_SUGGEST_CHARS).is_some();
        if long(q) {
            return Vec::new();
        }
        let arabic = is_arabic(q);
        let mut scored: Vec<(usize, &str)> = self
            .keys
            .iter()
            .filter(|(k, _)| !long(k) && is_arabic(k) == arabic)
            .map(|(k, id)| (word_distance(q, k), id.as_str()))
            .collect();
        scored.sort();
        let mut closest: Vec<String> = Vec::new();
        for (_, id) in scored {
            if !closest.iter().any(|c| c == id) {
                closest.push(id.to_string());
            }
            if closest.len() == n {
                break;
            }
        }
        closest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_very_long_query_is_answered_at_once_without_suggestions() {
        let mut r = Resolver::default();
        r.add("a", ["Faylaq al-Rahman", &"long name ".repeat(100_000)]);
        let q = "x y ".repeat(250_000);
        assert_eq!(
            r.resolve(&q),
            Err(Miss::Unknown {
                closest: Vec::new()
            })
        );
        // A long query that is part of a long name still matches.
        assert_eq!(r.resolve(&"long name ".repeat(1000)).unwrap(), "a");
        // Short misspellings are still suggested.
        assert_eq!(
            r.resolve("faylak"),
            Err(Miss::Unknown {
                closest: vec!["a".to_string()]
            })
        );
    }

    #[test]
    fn latin_variants_fold_together() {
        assert_eq!(normalize("Faylaq al-Rahman"), "faylaq al rahman");
        assert_eq!(normalize("  FAYLAQ   al_Rahman "), "faylaq al rahman");
        assert_eq!(normalize("Jaysh al-Islam"), normalize("jaysh al islam"));
        assert_eq!(normalize("Mu'adamiyat"), "muadamiyat");
    }

    #[test]
    fn arabic_diacritics_tatweel_and_letter_forms() {
        assert_eq!(normalize("فَيْلَق الرَّحْمٰن"), normalize("فيلق الرحمن"));
        assert_eq!(normalize("فيــلق"), "فيلق");
        assert_eq!(normalize("إدلب"), normalize("ادلب"));
        assert_eq!(normalize("أحرار"), "احرار");
        assert_eq!(normalize("آذار"), "اذار");
        assert_eq!(normalize("الغوطة"), normalize("الغوطه"));
        assert_eq!(normalize("مصطفى"), normalize("مصطفي"));
        assert_eq!(normalize("مؤسسة"), normalize("موسسه"));
        assert_ne!(normalize("دوما"), normalize("درعا"));
    }

    #[test]
    fn unicode_forms_fold_to_the_plain_spelling() {
        let plain = normalize("Jaish al-Islam");
        // Precomposed and decomposed macrons.
        assert_eq!(normalize("Jaish al-Isl\u{101}m"), plain);
        assert_eq!(normalize("Jaish al-Isla\u{304}m"), plain);
        // Fullwidth Latin.
        assert_eq!(normalize("Ｊａｉｓｈ ａｌ－Ｉｓｌａｍ"), plain);
        let arabic = normalize("جيش الإسلام");
        // Persian yeh, and a plain alef for the hamza.
        assert_eq!(normalize("جیش الاسلام"), arabic);
        // Arabic presentation forms, as copied from a PDF (with a lam-alef ligature).
        assert_eq!(normalize("ﺟﻴﺶ ﺍﻹﺳﻼﻡ"), arabic);
        // Keheh and Arabic-Indic digits.
        assert_eq!(normalize("کتیبة ٢٤٠١"), normalize("كتيبه 2401"));
        // Direction marks and zero-width joiners are invisible.
        assert_eq!(normalize("\u{200F}جيش\u{200D} الإسلام\u{202C}"), arabic);
        // Folding never merges different letters.
        assert_ne!(normalize("دوما"), normalize("درعا"));
        assert_ne!(normalize("Daraa"), normalize("Darayya"));
    }

    #[test]
    fn edit_distance_counts_chars() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("حميميم", "حميمم"), 1);
    }

    fn resolver() -> Resolver {
        let mut r = Resolver::default();
        r.add(
            "faylaq-al-rahman",
            ["Faylaq al-Rahman", "فيلق الرحمن", "Failaq al-Rahman"],
        );
        r.add("jaish-al-islam", ["Jaish al-Islam", "جيش الإسلام"]);
        r.add("jaish-al-tawhid", ["Jaish al-Tawhid", "جيش التوحيد"]);
        r
    }

    #[test]
    fn resolves_ids_names_and_aliases() {
        let r = resolver();
        assert_eq!(r.resolve("faylaq-al-rahman").unwrap(), "faylaq-al-rahman");
        assert_eq!(r.resolve("failaq al rahman").unwrap(), "faylaq-al-rahman");
        assert_eq!(r.resolve("فَيلق الرحمن").unwrap(), "faylaq-al-rahman");
        assert_eq!(r.resolve("جيش الاسلام").unwrap(), "jaish-al-islam");
        assert_eq!(r.resolve("islam").unwrap(), "jaish-al-islam");
    }

    #[test]
    fn ambiguous_and_unknown_names_explain_themselves() {
        let r = resolver();
        match r.resolve("jaish") {
            Err(Miss::Ambiguous { candidates }) => {
                assert_eq!(candidates, vec!["jaish-al-islam", "jaish-al-tawhid"])
            }
            other => panic!("expected ambiguity, got {other:?}"),
        }
        match r.resolve("jaish al islan") {
            Err(Miss::Unknown { closest }) => assert_eq!(closest[0], "jaish-al-islam"),
            other => panic!("expected a miss, got {other:?}"),
        }
    }

    #[test]
    fn arabic_typos_suggest_by_arabic_similarity() {
        let mut r = Resolver::default();
        r.add(
            "hmeimim-centre",
            [
                "Russian Centre for Reconciliation at Hmeimim",
                "مركز حميميم للمصالحة",
            ],
        );
        r.add("egypt", ["Egypt", "مصر"]);
        r.add("russia", ["Russia", "روسيا"]);
        match r.resolve("حميمم") {
            Err(Miss::Unknown { closest }) => assert_eq!(closest[0], "hmeimim-centre"),
            other => panic!("expected a miss, got {other:?}"),
        }
        match r.resolve("hmeimm") {
            Err(Miss::Unknown { closest }) => assert_eq!(closest[0], "hmeimim-centre"),
            other => panic!("expected a miss, got {other:?}"),
        }
        assert_eq!(word_distance("حميمم", "مركز حميميم للمصالحه"), 1);
    }

    #[test]
    fn a_rule_can_choose_among_several_matches() {
        let mut r = Resolver::default();
        r.add("daraa-city", ["Daraa", "درعا"]);
        r.add("daraa-governorate", ["Daraa governorate", "Daraa", "درعا"]);
        assert!(matches!(r.resolve("Daraa"), Err(Miss::Ambiguous { .. })));
        let widest = |ids: &[&str]| {
            ids.iter()
                .find(|i| i.ends_with("governorate"))
                .map(|s| s.to_string())
        };
        let f = r.find("درعا", &widest).unwrap();
        assert_eq!(f.id, "daraa-governorate");
        assert_eq!(f.how, How::Name);
        assert_eq!(f.others, ["daraa-city"]);
        let f = r.find("daraa-city", &widest).unwrap();
        assert_eq!((f.id.as_str(), f.how), ("daraa-city", How::Id));
    }
}
