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

/// Why a name could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// Nothing matched; the closest ids by spelling.
    Unknown { closest: Vec<String> },
    /// Several entities matched; their ids.
    Ambiguous { candidates: Vec<String> },
}

/// Looks names up among a set of entities (actors, places, periods).
#[derive(Debug, Default)]
pub struct Resolver {
    /// (normalised key, entity id), one row per id/name/alias.
    keys: Vec<(String, String)>,
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
    /// An exact match of the normalised key wins; failing that, a unique entity
    /// whose key contains the whole query (at least three letters) is taken.
    pub fn resolve(&self, query: &str) -> Result<String, Miss> {
        let q = normalize(query);
        let exact: BTreeSet<&str> = self
            .keys
            .iter()
            .filter(|(k, _)| *k == q)
            .map(|(_, id)| id.as_str())
            .collect();
        // An exact id always wins, even if it is also some other entity's alias.
        if self.keys.iter().any(|(_, id)| id == query) {
            return Ok(query.to_string());
        }
        match exact.len() {
            1 => return Ok(exact.into_iter().next().unwrap_or_default().to_string()),
            n if n > 1 => {
                return Err(Miss::Ambiguous {
                    candidates: exact.into_iter().map(String::from).collect(),
                })
            }
            _ => {}
        }
        if q.chars().count() >= 3 {
            let partial: BTreeSet<&str> = self
                .keys
                .iter()
                .filter(|(k, _)| k.contains(&q))
                .map(|(_, id)| id.as_str())
                .collect();
            match partial.len() {
                1 => return Ok(partial.into_iter().next().unwrap_or_default().to_string()),
                n if n > 1 => {
                    return Err(Miss::Ambiguous {
                        candidates: partial.into_iter().take(10).map(String::from).collect(),
                    })
                }
                _ => {}
            }
        }
        let mut scored: Vec<(usize, &str)> = self
            .keys
            .iter()
            .map(|(k, id)| (edit_distance(k, &q), id.as_str()))
            .collect();
        scored.sort();
        let mut closest: Vec<String> = Vec::new();
        for (_, id) in scored {
            if !closest.iter().any(|c| c == id) {
                closest.push(id.to_string());
            }
            if closest.len() == 5 {
                break;
            }
        }
        Err(Miss::Unknown { closest })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
