//! The records sportext produces: the output schema.
//!
//! Mentions found in the text are evidence; the records here are conclusions. Every fact carries an
//! [`Evidence`] span (byte offsets into the text given to the extractor) and the name of the rule that
//! produced it.

use serde::{Deserialize, Serialize};

/// A short string stored inline up to 24 bytes, so that ids, names, codes and most mentions need no
/// allocation. It dereferences to `&str`, compares with `&str` and `String`, and is built with `.into()`.
pub use compact_str::CompactString as Text;

/// Version of the record schema. Bumped on any incompatible change to the field names or meanings.
pub const SCHEMA_VERSION: &str = "1.0";

/// A span of the input text that supports a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Byte offset of the first byte of the span in the text given to `extract`.
    pub start: usize,
    /// Byte offset one past the last byte of the span.
    pub end: usize,
    /// Exactly `text[start..end]`.
    pub text: Text,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Version of this schema ([`SCHEMA_VERSION`]).
    pub schema_version: Text,
    /// Identifier of the input (a path, URL or id), when known.
    pub source: Option<String>,
    /// `"tennis"` when the article is about tennis; another sport's name (`football`, `cricket`, `rugby`,
    /// `athletics`, `basketball`, `golf`) when its vocabulary says so clearly; null when it cannot be told.
    /// Only tennis articles carry players, matches, rankings and seeds.
    pub sport: Option<Text>,
    /// The headline, when known.
    pub headline: Option<String>,
    /// Publication date as given by the input, when known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<String>,
    /// Every player named in the article, in order of first mention.
    pub players: Vec<Player>,
    /// Match results stated or clearly implied by the article.
    pub matches: Vec<Match>,
    /// World and national rankings of named players.
    pub rankings: Vec<Ranking>,
    /// Tournament seedings of named players.
    pub seeds: Vec<Seed>,
    /// Non-fatal problems met while reading the article.
    pub warnings: Vec<String>,
}

/// A player named in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Player {
    /// Identifier, stable within the article (`p1`, `p2`, ...).
    pub id: Text,
    /// The fullest form of the name the article uses.
    pub name: Text,
    /// Country code (IOC style, e.g. `GBR`, `MON`) when the text states it.
    pub nationality: Option<Text>,
    /// Age in years when the text states it.
    pub age: Option<u32>,
    /// Every span that refers to this player.
    pub mentions: Vec<Evidence>,
}

/// A reference to a player record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerRef {
    /// The player's `id` in this article.
    pub id: Text,
    /// The player's name (as in the player record).
    pub name: Text,
}

/// One side of a match: a single player, or a doubles pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Side {
    /// A singles player.
    Single(PlayerRef),
    /// A doubles pair, in the order the text gives them.
    Pair(Vec<PlayerRef>),
}

/// How a match ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Played to the end.
    Completed,
    /// The loser retired during the match.
    Retired,
    /// The loser did not start: a walkover.
    Walkover,
    /// The loser was defaulted (disqualified).
    Defaulted,
}

/// The games of one set, from the match winner's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetScore {
    /// Games won by the match winner (for a match tie-break: its points).
    pub winner: u32,
    /// Games won by the match loser (for a match tie-break: its points).
    pub loser: u32,
    /// Tie-break points of the winner of the tie-break, as far as the text gives them.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tiebreak_winner: Option<u32>,
    /// Tie-break points of the loser of the tie-break (the smaller number), when given.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub tiebreak_loser: Option<u32>,
    /// True when this "set" is a match tie-break (`[10-8]`).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub match_tiebreak: bool,
}

/// A match score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// Canonical text: winner first, e.g. `7-6(4) 6-4`, `6-4 3-1 RET`, `W/O`.
    pub text: Text,
    /// Each set, from the winner's side.
    pub sets: Vec<SetScore>,
}

/// A tournament as the text names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tournament {
    /// The name as written (e.g. `Paris Masters`, `Australian Open`).
    pub name: Text,
}

/// A match result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The winning side.
    pub winner: Side,
    /// The losing side.
    pub loser: Side,
    /// The score, null when the text gives none.
    pub score: Option<Score>,
    /// How the match ended.
    pub outcome: Outcome,
    /// Round code (`Q1`..`Q3`, `1R`..`4R`, `R128`..`R16`, `QF`, `SF`, `F`, `RR`, `BR`); null when unknown.
    pub round: Option<Text>,
    /// The tournament, null when unknown.
    pub tournament: Option<Tournament>,
    /// True for a doubles match.
    pub doubles: bool,
    /// The span stating the result.
    pub evidence: Evidence,
    /// The rule that produced this record.
    pub rule: Text,
}

/// Kind of a ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RankingKind {
    /// The ranking at the time of the report.
    Current,
    /// An earlier ranking.
    Previous,
    /// The best ranking of the player's career.
    CareerHigh,
    /// A ranking the player will reach.
    Projected,
    /// A national ranking ("British number one").
    National,
}

/// A ranking of a named player.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// The player.
    pub player: PlayerRef,
    /// The rank (1 = best).
    pub rank: u32,
    /// What kind of ranking this is.
    pub kind: RankingKind,
    /// The span stating it.
    pub evidence: Evidence,
    /// The rule that produced this record.
    pub rule: Text,
}

/// A tournament seeding of a named player.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seed {
    /// The player.
    pub player: PlayerRef,
    /// The seed (1 = top seed).
    pub seed: u32,
    /// The span stating it.
    pub evidence: Evidence,
    /// The rule that produced this record.
    pub rule: Text,
}
