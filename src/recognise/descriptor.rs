//! References that stand for a player without naming them: pronouns ("he", "she"), demonyms ("the Briton",
//! "the Monegasque") and ages ("the 26-year-old"). Ranking and seed phrases that stand for a player ("the world
//! No 1", "the fifth seed") come from their own recognisers. Corpus: `tests/corpus/descriptor.jsonl`.

use super::{Alternation, Span};
use crate::lexicon;
use once_cell::sync::Lazy;

/// What a descriptor says about the player it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DescKind {
    /// "he", "she".
    Pronoun,
    /// "the Briton": the player's nationality.
    Demonym(&'static str),
    /// "the 26-year-old": the player's age.
    Age(u32),
    /// "the teenager", "the qualifier", "the defending champion": a role in the story.
    Role,
}

/// A descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Descriptor {
    pub span: Span,
    pub kind: DescKind,
}

/// Adjectives that may stand between "the" and the descriptor ("the young Briton").
const ADJ: &str = r"(?:in-form|young|unseeded|veteran|former|defending|top-seeded|big-serving|giant|teenage|left-handed|right-handed|experienced|tall|powerful)\x20";
const AGE: &str = r"[0-9]{2}-year-old(?-u:\b)";
const ROLE: &str = r"(?:teenager|youngster|wildcard(?:\x20entry)?|qualifier|veteran|holder|title\x20holder|defending\x20champion|champion|left-hander|right-hander|home\x20favourite|favourite|underdog|lucky\x20loser|world\x20champion|Olympic\x20champion)(?-u:\b)";
const DEM: &str = r"\p{Lu}\p{Ll}+(?:\x20Korean|\x20African|\x20Zealander)?";

/// What each alternative of the pattern is, in priority order: the pronoun, then "the" with the adjective
/// (age, role, demonym), then "the" without it — the order a backtracking `[Tt]he\x20(?:ADJ)?(?:AGE|ROLE|DEM)`
/// tries.
#[derive(Clone, Copy)]
enum Alt {
    Pronoun,
    Age,
    Role,
    Demonym { adjective: bool },
}

const ALTS: [Alt; 7] = [
    Alt::Pronoun,
    Alt::Age,
    Alt::Role,
    Alt::Demonym { adjective: true },
    Alt::Age,
    Alt::Role,
    Alt::Demonym { adjective: false },
];

static DESC: Lazy<Alternation> = Lazy::new(|| {
    let pron = r"(?:[Hh]e|[Ss]he)(?-u:\b)".to_string();
    let with = |x: &str| format!(r"[Tt]he\x20{ADJ}{x}");
    let without = |x: &str| format!(r"[Tt]he\x20{x}");
    let alts = [
        pron,
        with(AGE),
        with(ROLE),
        with(DEM),
        without(AGE),
        without(ROLE),
        without(DEM),
    ];
    let alts: Vec<&str> = alts.iter().map(String::as_str).collect();
    Alternation::new("", r"(?-u:\b)", &alts, "")
});

/// Every descriptor in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<Descriptor> {
    let mut out = Vec::new();
    for m in DESC.all.find_iter(text) {
        let t = m.as_str();
        let kind = match ALTS[DESC.which(text, &m)] {
            Alt::Pronoun => DescKind::Pronoun,
            Alt::Role => DescKind::Role,
            Alt::Age => {
                // "...NN-year-old": the two digits.
                let a = &t[t.len() - "NN-year-old".len()..t.len() - "-year-old".len()];
                match a.parse() {
                    Ok(n) if (10..=60).contains(&n) => DescKind::Age(n),
                    _ => continue,
                }
            }
            Alt::Demonym { adjective } => {
                // After "the " and the adjective with its space.
                let mut d = "the ".len();
                if adjective {
                    d += t[d..].find(' ').expect("adjective and space") + 1;
                }
                let d = &t[d..];
                // Only demonyms proper; "the Spaniard's" keeps the possessive outside the span.
                match lexicon::demonym(d) {
                    Some(code) => {
                        // "the American fifth seed" / "the Swiss world number one": the demonym is an adjective;
                        // still a reference to one player. "the British tennis" is not: a lower-case noun that is
                        // not a player word follows.
                        let rest = &text[m.end()..];
                        let next: String = rest
                            .trim_start()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '-')
                            .collect();
                        let adjective_ok = rest.starts_with(['.', ',', ';', ':', '\'', ')', '"'])
                            || rest.is_empty()
                            || next.chars().next().is_some_and(|c| c.is_ascii_digit())
                            || matches!(
                                next.as_str(),
                                "world"
                                    | "number"
                                    | "No"
                                    | "no"
                                    | "top"
                                    | "seed"
                                    | "qualifier"
                                    | "wildcard"
                                    | "star"
                                    | "teenager"
                                    | "player"
                                    | "veteran"
                                    | "left-hander"
                                    | "right-hander"
                                    | "champion"
                                    | "defending"
                                    | "former"
                                    | "was"
                                    | "is"
                                    | "has"
                                    | "had"
                                    | "will"
                                    | "would"
                                    | "could"
                                    | "said"
                                    | "says"
                                    | "added"
                                    | "who"
                                    | "then"
                                    | "now"
                                    | "also"
                                    | "took"
                                    | "won"
                                    | "lost"
                                    | "made"
                                    | "saved"
                                    | "broke"
                                    | "hit"
                                    | "served"
                                    | "needed"
                                    | "never"
                                    | "still"
                                    | "did"
                                    | "does"
                                    | "went"
                                    | "came"
                                    | "looked"
                                    | "showed"
                                    | "and"
                                    | "in"
                                    | "at"
                                    | "on"
                                    | "with"
                                    | "for"
                                    | "to"
                                    | "from"
                                    | "by"
                                    | "after"
                                    | "before"
                            )
                            || next.ends_with("seed")
                            || next.ends_with("seeded")
                            || next.ends_with("ranked")
                            || next.ends_with("ed")
                            || matches!(
                                next.as_str(),
                                "first"
                                    | "second"
                                    | "third"
                                    | "fifth"
                                    | "eighth"
                                    | "ninth"
                                    | "twelfth"
                            )
                            || (next.ends_with("th") && next.len() > 4)
                            || matches!(
                                next.as_str(),
                                "beat"
                                    | "wins"
                                    | "takes"
                                    | "hits"
                                    | "leads"
                                    | "faces"
                                    | "plays"
                                    | "needs"
                                    | "gets"
                                    | "goes"
                            );
                        if !adjective_ok {
                            continue;
                        }
                        DescKind::Demonym(code)
                    }
                    None => continue,
                }
            }
        };
        out.push(Descriptor {
            span: Span::new(m.start(), m.end()),
            kind,
        });
    }
    out
}

/// Corpus view: span and kind.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|d| {
            let v = match d.kind {
                DescKind::Pronoun => "pronoun".to_string(),
                DescKind::Demonym(c) => format!("demonym {c}"),
                DescKind::Age(n) => format!("age {n}"),
                DescKind::Role => "role".to_string(),
            };
            (d.span.start, d.span.end, v)
        })
        .collect()
}
