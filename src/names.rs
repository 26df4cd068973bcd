//! Name matching in English and Arabic.
//!
//! Users type names the way they know them: `Faylaq al-Rahman`, `failaq al rahman`,
//! `فيلق الرحمن`, `فَيْلَق الرَّحْمٰن`. [`normalize`] folds all of these to one key;
//! [`Resolver`] looks an argument up among ids, English and Arabic names and
//! aliases, and explains a miss with the closest candidates.

use std::collections::BTreeSet;

/// Folds a name to its matching key.
///
/// - Latin: lower case; hyphens, underscores, apostrophes and ayn/hamza marks
///   (`' ’ ‘ ʿ ʾ`) become spaces or vanish; runs of spaces collapse.
/// - Arabic: diacritics (fathatan … sukun, superscript alef) and tatweel are
///   removed; أ إ آ ٱ → ا; ة → ه; ى → ي; ؤ → و; ئ → ي.
///
/// ```
/// use musalaha::names::normalize;
/// assert_eq!(normalize("Faylaq al-Rahman"), "faylaq al rahman");
/// assert_eq!(normalize("جَيْش الإسلام"), normalize("جيش الاسلام"));
/// assert_eq!(normalize("الغوطة الشرقية"), "الغوطه الشرقيه");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped = match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200E}' | '\u{200F}' => None,
            'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
            'ة' => Some('ه'),
            'ى' => Some('ي'),
            'ؤ' => Some('و'),
            'ئ' => Some('ي'),
            '\'' | '’' | '‘' | 'ʿ' | 'ʾ' | '`' => None,
            '-' | '_' | '/' | ',' | '.' | '(' | ')' => Some(' '),
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
