//! World and national rankings: "world No 1", "world number 46", "ranked 91st in the world", "tenth-ranked",
//! "back up to 31st", "from 204th ... to 40th", "former world number one", "British number one".
//! Corpus: `tests/corpus/ranking.jsonl`.

use super::{PlayerSide, Span};
use crate::model::RankingKind;

/// A ranking phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RankMention {
    pub span: Span,
    pub rank: u32,
    pub kind: RankingKind,
    pub side: PlayerSide,
}

/// Every ranking phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<RankMention> {
    let _ = text;
    Vec::new()
}

/// Corpus view: span and `"<rank> <kind>"`, e.g. `"46 current"`.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| {
            let kind = serde_json::to_value(m.kind).unwrap();
            (
                m.span.start,
                m.span.end,
                format!("{} {}", m.rank, kind.as_str().unwrap()),
            )
        })
        .collect()
}
