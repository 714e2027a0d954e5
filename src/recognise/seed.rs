//! Seeds: "ninth seed X", "X, seeded three", "No. 3 seed", "top seed", "second-seeded", "27th seed".
//! "unseeded" gives none. Corpus: `tests/corpus/seed.jsonl`.

use super::ranking::{CARD_WORDS, ORD_DIGITS, ORD_WORDS, nominal_side, number_value, prev_word};
use super::{PlayerSide, Span};
use once_cell::sync::Lazy;
use regex::Regex;

/// A seeding phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SeedMention {
    pub span: Span,
    pub seed: u32,
    pub side: PlayerSide,
}

static RE: Lazy<Regex> = Lazy::new(|| {
    let pat = format!(
        r"(?x)(?-u:\b)(?:
          # ninth seed, No. 3 seed, top-seeded, 27th seed, number one seed
          (?:(?P<o>(?i:{ORD_DIGITS}|{ORD_WORDS}|top))|No\.?\s?(?P<no>[0-9]{{1,3}})|(?i:number)\s+(?P<nw>(?i:{CARD_WORDS})))[-\s]?(?i:seed(?:ed)?)
          # seeded three, seeded No 5, seeded 19th
        | (?i:seeded)\s+(?:(?:No\.?|(?i:number))\s?)?(?P<s>(?i:{ORD_DIGITS}|[0-9]{{1,3}}|{ORD_WORDS}|{CARD_WORDS}))
        )(?-u:\b)"
    );
    Regex::new(&pat).expect("seed pattern")
});

/// Every seeding phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<SeedMention> {
    let mut out = Vec::new();
    for c in RE.captures_iter(text) {
        let m = c.get(0).expect("match");
        let (start, end) = (m.start(), m.end());
        if let Some(v) = c.name("o").or(c.name("no")).or(c.name("nw")) {
            let v = v.as_str();
            // "a top seed" is any of the leading seeds, not the first.
            if v.eq_ignore_ascii_case("top")
                && prev_word(text, start).is_some_and(|w| w.eq_ignore_ascii_case("a"))
            {
                continue;
            }
            if let Some(seed) = number_value(v) {
                out.push(SeedMention {
                    span: Span::new(start, end),
                    seed,
                    side: nominal_side(text, start, end),
                });
            }
        } else if let Some(v) = c.name("s") {
            // "seeded two places higher", "seeded three times": a count, not a seed.
            let counts = super::ranking::next_word(text, end).is_some_and(|(_, w)| {
                matches!(
                    w,
                    "places"
                        | "place"
                        | "spots"
                        | "times"
                        | "players"
                        | "years"
                        | "of"
                        | "or"
                        | "to"
                )
            });
            if counts {
                continue;
            }
            if let Some(seed) = number_value(v.as_str()) {
                out.push(SeedMention {
                    span: Span::new(start, end),
                    seed,
                    side: PlayerSide::Before,
                });
            }
        }
    }
    out
}

/// Corpus view: span and the seed number.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.seed.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides() {
        assert_eq!(
            find("ninth seed Felix Auger-Aliassime won")[0].side,
            PlayerSide::After
        );
        assert_eq!(
            find("seventh seed Russian Mikhail Youzhny")[0].side,
            PlayerSide::After
        );
        assert_eq!(find("he beat the top seed.")[0].side, PlayerSide::Itself);
        assert_eq!(find("Keys, the 19th seed, won")[0].side, PlayerSide::Before);
        assert_eq!(
            find("Henman, seeded three, won")[0].side,
            PlayerSide::Before
        );
    }
}
