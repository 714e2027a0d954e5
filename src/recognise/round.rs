//! Rounds: "second round", "round two", "last 16", "quarter-finals", "semi-final", "final", qualifying.
//! Codes `Q1 Q2 Q3 1R 2R 3R 4R R128 R64 R32 R16 QF SF F RR BR`. Corpus: `tests/corpus/round.jsonl`.

use super::Span;

/// How the round phrase relates to a match in the same clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoundRelation {
    /// The match was played in this round: "in the second round", "a second-round win", "the final".
    Played,
    /// The win took the player INTO this round: "reached the quarter-finals", "into the final",
    /// "booked a spot in the last eight". The match was played in the round before.
    Reached,
    /// A later match is set up in this round: "set up a third-round clash". The match was the round before.
    Next,
}

/// A round phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RoundMention {
    pub span: Span,
    /// The round code the phrase names.
    pub code: &'static str,
    pub relation: RoundRelation,
}

impl RoundMention {
    /// The round the match was played in, given the relation: `Reached`/`Next` step one round back.
    pub fn played(&self) -> Option<&'static str> {
        match self.relation {
            RoundRelation::Played => Some(self.code),
            RoundRelation::Reached | RoundRelation::Next => previous(self.code),
        }
    }
}

/// The round before `code`, when it is unambiguous.
pub(crate) fn previous(code: &str) -> Option<&'static str> {
    Some(match code {
        "F" => "SF",
        "SF" => "QF",
        "QF" => "R16",
        "R16" => "R32",
        "R32" => "R64",
        "R64" => "R128",
        "4R" => "3R",
        "3R" => "2R",
        "2R" => "1R",
        "Q3" => "Q2",
        "Q2" => "Q1",
        _ => return None,
    })
}

/// Every round phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<RoundMention> {
    let _ = text;
    Vec::new()
}

/// Corpus view: span and `"<code> <relation>"`, e.g. `"QF reached"`.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| {
            let rel = match m.relation {
                RoundRelation::Played => "played",
                RoundRelation::Reached => "reached",
                RoundRelation::Next => "next",
            };
            (m.span.start, m.span.end, format!("{} {rel}", m.code))
        })
        .collect()
}
