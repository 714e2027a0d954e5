//! Recognise stage: finds mentions (evidence) in normalised text. One file per fact kind, each with its own
//! example corpus in `tests/corpus/<kind>.jsonl`. Recognisers never build records: that is `resolve`'s job.
//!
//! Every recogniser scans the whole normalised text in one pass of one combined pattern and returns
//! mentions in text order, with byte spans into the normalised text.

pub(crate) mod descriptor;
pub(crate) mod names;
pub(crate) mod ranking;
pub(crate) mod result;
pub(crate) mod round;
pub(crate) mod score;
pub(crate) mod seed;
pub(crate) mod sport;
pub(crate) mod tournament;

#[cfg(test)]
mod corpus_test;

/// A byte span of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// Where the player that a ranking or seed phrase describes stands relative to the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlayerSide {
    /// The name follows the phrase: "world number 46 Rusedski", "ninth seed Felix Auger-Aliassime".
    After,
    /// The name comes before the phrase: "Henman, seeded three", "Norrie ... is now back up to 31st".
    Before,
    /// The phrase stands for the player itself ("the world No 1", "the American fifth seed"):
    /// resolved by coreference.
    Itself,
}

/// Compiles every pattern now, so the first article pays no start-up cost.
pub(crate) fn warm_up() {
    let _ = score::find("6-4 6-4");
    let _ = ranking::find("world No 1");
    let _ = seed::find("top seed");
    let _ = round::find("second round");
    let _ = tournament::find("Australian Open");
    let _ = names::find("Rafael Nadal");
    let _ = sport::classify("tennis");
}
