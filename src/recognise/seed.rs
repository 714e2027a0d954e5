//! Seeds: "ninth seed X", "X, seeded three", "No. 3 seed", "top seed", "second-seeded", "27th seed".
//! "unseeded" gives none. Corpus: `tests/corpus/seed.jsonl`.

use super::{PlayerSide, Span};

/// A seeding phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SeedMention {
    pub span: Span,
    pub seed: u32,
    pub side: PlayerSide,
}

/// Every seeding phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<SeedMention> {
    let _ = text;
    Vec::new()
}

/// Corpus view: span and the seed number.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.seed.to_string()))
        .collect()
}
