//! References that stand for a player without naming them: pronouns ("he", "she"), demonyms ("the Briton",
//! "the Monegasque") and ages ("the 26-year-old"). Ranking and seed phrases that stand for a player ("the world
//! No 1", "the fifth seed") come from their own recognisers. Corpus: `tests/corpus/descriptor.jsonl`.

use super::Span;
use crate::lexicon;
use once_cell::sync::Lazy;
use regex::Regex;

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

static DESC: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?P<pron>[Hh]e|[Ss]he)(?-u:\b)|[Tt]he\x20(?:(?:in-form|young|unseeded|veteran|former|defending|top-seeded|big-serving|giant|teenage|left-handed|right-handed|experienced|tall|powerful)\x20)?(?:(?P<age>[0-9]{2})-year-old(?-u:\b)|(?P<role>teenager|youngster|wildcard(?:\x20entry)?|qualifier|veteran|holder|title\x20holder|defending\x20champion|champion|left-hander|right-hander|home\x20favourite|favourite|underdog|lucky\x20loser|world\x20champion|Olympic\x20champion|top\x20seed)(?-u:\b)|(?P<dem>\p{Lu}\p{Ll}+(?:\x20Korean|\x20African|\x20Zealander)?)))",
    )
    .expect("descriptor pattern")
});

/// Every descriptor in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<Descriptor> {
    let mut out = Vec::new();
    for c in DESC.captures_iter(text) {
        let m = c.get(0).expect("whole match");
        let kind = if c.name("pron").is_some() {
            DescKind::Pronoun
        } else if c.name("role").is_some() {
            DescKind::Role
        } else if let Some(a) = c.name("age") {
            match a.as_str().parse() {
                Ok(n) if (10..=60).contains(&n) => DescKind::Age(n),
                _ => continue,
            }
        } else {
            let d = c.name("dem").expect("demonym group");
            // Only demonyms proper; "the Spaniard's" keeps the possessive outside the span.
            match lexicon::demonym(d.as_str()) {
                Some(code) => {
                    // "the American fifth seed" / "the Swiss world number one": the demonym is an adjective;
                    // still a reference to one player. "the British tennis" is not: a lower-case noun that is
                    // not a player word follows.
                    let rest = &text[d.end()..];
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
                            "first" | "second" | "third" | "fifth" | "eighth" | "ninth" | "twelfth"
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
