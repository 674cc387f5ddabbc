//! Countries as users type them: a name in English or Arabic, whole or its beginning, or an ISO
//! 3166 code (EG, EGY). The programme records countries by English name; this table ties each of
//! the names it uses to its Arabic name and codes.

use super::normalize::fold_for_search;

/// A country the programme names: its English name as the data writes it, other English names,
/// its Arabic name, and its ISO 3166-1 alpha-2 and alpha-3 codes.
pub struct Country {
    pub name_en: &'static str,
    pub also_en: &'static [&'static str],
    pub name_ar: &'static str,
    pub codes: [&'static str; 2],
}

const fn country(
    name_en: &'static str,
    also_en: &'static [&'static str],
    name_ar: &'static str,
    codes: [&'static str; 2],
) -> Country {
    Country {
        name_en,
        also_en,
        name_ar,
        codes,
    }
}

pub const COUNTRIES: &[Country] = &[
    country("Argentina", &[], "الأرجنتين", ["AR", "ARG"]),
    country("Brazil", &[], "البرازيل", ["BR", "BRA"]),
    country("Canada", &[], "كندا", ["CA", "CAN"]),
    country("China", &[], "الصين", ["CN", "CHN"]),
    country(
        "Cote d'Ivoire",
        &["Côte d'Ivoire", "Ivory Coast"],
        "كوت ديفوار",
        ["CI", "CIV"],
    ),
    country("Egypt", &[], "مصر", ["EG", "EGY"]),
    country("France", &[], "فرنسا", ["FR", "FRA"]),
    country("Germany", &[], "ألمانيا", ["DE", "DEU"]),
    country("Hong Kong", &[], "هونغ كونغ", ["HK", "HKG"]),
    country("India", &[], "الهند", ["IN", "IND"]),
    country("Ireland", &[], "أيرلندا", ["IE", "IRL"]),
    country("Italy", &[], "إيطاليا", ["IT", "ITA"]),
    country("Japan", &[], "اليابان", ["JP", "JPN"]),
    country("Kenya", &[], "كينيا", ["KE", "KEN"]),
    country("Mauritania", &[], "موريتانيا", ["MR", "MRT"]),
    country("Mexico", &[], "المكسيك", ["MX", "MEX"]),
    country("Morocco", &[], "المغرب", ["MA", "MAR"]),
    country("Netherlands", &["The Netherlands", "Holland"], "هولندا", ["NL", "NLD"]),
    country("Nigeria", &[], "نيجيريا", ["NG", "NGA"]),
    country("Norway", &[], "النرويج", ["NO", "NOR"]),
    country("Pakistan", &[], "باكستان", ["PK", "PAK"]),
    country("Poland", &[], "بولندا", ["PL", "POL"]),
    country("Russia", &["Russian Federation"], "روسيا", ["RU", "RUS"]),
    country("Singapore", &[], "سنغافورة", ["SG", "SGP"]),
    country("South Africa", &[], "جنوب أفريقيا", ["ZA", "ZAF"]),
    country("Switzerland", &[], "سويسرا", ["CH", "CHE"]),
    country("Taiwan", &[], "تايوان", ["TW", "TWN"]),
    country("Tunisia", &[], "تونس", ["TN", "TUN"]),
    country(
        "UAE",
        &["United Arab Emirates"],
        "الإمارات العربية المتحدة",
        ["AE", "ARE"],
    ),
    country(
        "United Kingdom",
        &["UK", "Great Britain", "Britain"],
        "المملكة المتحدة",
        ["GB", "GBR"],
    ),
    country(
        "United States",
        &["United States of America", "America"],
        "الولايات المتحدة",
        ["US", "USA"],
    ),
];

/// The Arabic name of a country the programme names in English, when the table has it.
pub fn arabic_name(name_en: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|c| c.name_en == name_en || c.also_en.contains(&name_en))
        .map(|c| c.name_ar)
}

impl Country {
    fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name_en)
            .chain(self.also_en.iter().copied())
            .chain(std::iter::once(self.name_ar))
    }
}

/// Whether a word of `name` (or `name` itself, for typed text of several words) begins with
/// `typed`; both folded. Arabic words also match without their article, so "يابان" finds
/// "اليابان". Word starts, not any position, so "us" does not find "Russia".
pub fn starts_a_word(name: &str, typed: &str) -> bool {
    if typed.is_empty() {
        return false;
    }
    name.char_indices()
        .filter(|&(at, _)| at == 0 || name[..at].ends_with([' ', '-', '(', '\'']))
        .any(|(at, _)| {
            let rest = &name[at..];
            rest.starts_with(typed) || rest.strip_prefix("ال").is_some_and(|r| r.starts_with(typed))
        })
}

/// What `--country` asks for: the known countries it names, and the folded text itself for
/// countries the table does not know (a `--data` file may name any).
pub struct CountryQuery {
    typed: String,
    names: Vec<String>,
    by_code: bool,
    pub includes_egypt: bool,
}

impl CountryQuery {
    pub fn new(typed: &str) -> Self {
        let typed = fold_for_search(typed.trim());
        // A code names exactly one country; only otherwise is the text a name or its beginning.
        let by_code: Vec<&Country> = COUNTRIES
            .iter()
            .filter(|c| c.codes.iter().any(|code| fold_for_search(code) == typed))
            .collect();
        let is_code = !by_code.is_empty();
        let known = if by_code.is_empty() {
            COUNTRIES
                .iter()
                .filter(|c| c.names().any(|n| starts_a_word(&fold_for_search(n), &typed)))
                .collect()
        } else {
            by_code
        };
        CountryQuery {
            includes_egypt: known.iter().any(|c| c.name_en == "Egypt"),
            names: known.iter().flat_map(|c| c.names()).map(fold_for_search).collect(),
            by_code: is_code,
            typed,
        }
    }

    /// Whether a country as the data writes it is one of those asked for.
    pub fn matches(&self, country: &str) -> bool {
        let folded = fold_for_search(country);
        self.names.contains(&folded) || (!self.by_code && starts_a_word(&folded, &self.typed))
    }

    /// Whether the text names a country in the table.
    pub fn names_a_known_country(&self) -> bool {
        !self.names.is_empty()
    }

    pub fn typed(&self) -> &str {
        &self.typed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_codes_beginnings_and_arabic() {
        for typed in ["Egypt", "egy", "EG", "EGY", "مصر"] {
            assert!(CountryQuery::new(typed).matches("Egypt"), "{typed}");
        }
        for typed in ["USA", "us", "United States", "الولايات", "states"] {
            assert!(CountryQuery::new(typed).matches("United States"), "{typed}");
        }
        assert!(CountryQuery::new("اليابان").matches("Japan"));
        assert!(CountryQuery::new("يابان").matches("Japan"));
        assert!(
            !CountryQuery::new("us").matches("Russia"),
            "a code is not part of a word"
        );
        assert!(!CountryQuery::new("Egypt").matches("Germany"));
    }

    #[test]
    fn countries_outside_the_table_match_by_their_beginning() {
        let q = CountryQuery::new("atlan");
        assert!(!q.names_a_known_country());
        assert!(q.matches("Atlantis"));
    }
}
