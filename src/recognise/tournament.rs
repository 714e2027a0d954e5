//! Tournaments: Grand Slams, tour events by name or city ("the Masters 1000 event in Shanghai"), Davis Cup,
//! Billie Jean King Cup, Olympics. Corpus: `tests/corpus/tournament.jsonl`.

use super::Span;

/// A tournament phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TournamentMention {
    pub span: Span,
    /// The name as the text gives it, trimmed of articles ("Paris Masters", "Australian Open", "Shanghai").
    pub name: String,
}

/// Every tournament phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<TournamentMention> {
    let _ = text;
    Vec::new()
}

/// Corpus view: span and name.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.name))
        .collect()
}
