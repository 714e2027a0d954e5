//! Tennis match scores in every notation the press uses. Corpus: `tests/corpus/score.jsonl`.

use super::Span;
use crate::model::{Outcome, Score};

/// One set as written: `first` games for the side written first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawSet {
    pub first: u32,
    pub second: u32,
    /// Tie-break points as written: `(7-4)` -> `(7, Some(4))`, `(4)` -> `(4, None)`.
    pub tiebreak: Option<(u32, Option<u32>)>,
    /// A match tie-break (`[10-8]`, or `10-8` in a deciding set).
    pub match_tiebreak: bool,
}

/// A score found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScoreMention {
    pub span: Span,
    pub sets: Vec<RawSet>,
    /// How the match ended: `Retired` for "6-4 3-1 ret.", `Walkover` for "walkover" / "w/o" (then no sets).
    pub ending: Outcome,
}

impl ScoreMention {
    /// Whether the side written first won the match: `Some(true)` when it won more sets, `Some(false)` when the
    /// other side did, `None` when that cannot be told (a retirement with sets level, a walkover).
    pub fn first_side_wins(&self) -> Option<bool> {
        let _ = &self.sets;
        None
    }

    /// The canonical score, winner first. `flip` is true when the side written second won the match.
    pub fn to_score(&self, flip: bool) -> Score {
        let _ = flip;
        Score {
            text: String::new(),
            sets: Vec::new(),
        }
    }
}

/// Every score in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<ScoreMention> {
    let _ = text;
    Vec::new()
}

/// Corpus view: span and canonical text as written (first side first).
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.to_score(false).text))
        .collect()
}
