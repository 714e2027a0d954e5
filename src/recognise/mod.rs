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

use crate::lexicon::FxHashMap;
use std::cell::RefCell;

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

/// A top-level alternation compiled for speed: `all` finds matches without capture groups (the DFA path, no
/// backtracking per match), and [`Alternation::which`] tells which alternative produced a match.
///
/// Under leftmost-first semantics the alternative that produced a match is the first one that matches at its
/// start, and its match is the whole match. That is also the first alternative that matches the match text
/// exactly on its own, which a [`regex::RegexSet`] of anchored alternatives tells in one pass, provided the
/// pattern's assertions read the same on the match text alone as in context: true when the alternatives begin
/// and end with ASCII word characters (as all callers' do), and when no alternative's language ends where an
/// earlier one's only matches with a word character after it. When the set finds nothing (a non-ASCII letter
/// at an edge under `(?i)`), a capturing search at the match start answers instead.
pub(crate) struct Alternation {
    /// The whole pattern, no capture groups.
    pub all: regex::Regex,
    set: regex::RegexSet,
    captures: String,
    slow: once_cell::sync::OnceCell<regex::Regex>,
}

impl Alternation {
    /// `flags` (e.g. `(?x)`) apply to every piece; the pattern is `{prefix}(?:{alt0}|{alt1}|...){suffix}`.
    pub fn new(flags: &str, prefix: &str, alts: &[&str], suffix: &str) -> Self {
        // In verbose mode a comment runs to the end of the line: close every piece on a new line.
        let nl = if flags.contains('x') { "\n" } else { "" };
        let body: Vec<String> = alts.iter().map(|a| format!("(?:{a}{nl})")).collect();
        let all = format!("{flags}{prefix}(?:{}{nl}){suffix}", body.join("|"));
        let all = regex::Regex::new(&all).expect("alternation pattern");
        let set = regex::RegexSet::new(
            alts.iter()
                .map(|a| format!("{flags}^(?:{prefix}(?:{a}{nl}){suffix}{nl})$")),
        )
        .expect("alternation set");
        let groups: Vec<String> = alts.iter().map(|a| format!("({a}{nl})")).collect();
        let captures = format!("{flags}{prefix}(?:{}{nl}){suffix}", groups.join("|"));
        Alternation {
            all,
            set,
            captures,
            slow: once_cell::sync::OnceCell::new(),
        }
    }

    /// The index of the alternative that produced `m`, a match of `all` in `text`.
    pub fn which(&self, text: &str, m: &regex::Match) -> usize {
        // The answer for a match text alone depends on that text only: remember it per thread (match texts
        // repeat: "he", "won", "beat", "tennis").
        thread_local! {
            static SEEN: RefCell<FxHashMap<usize, FxHashMap<Box<str>, usize>>> = RefCell::default();
        }
        let key = std::ptr::from_ref(self) as usize;
        let t = m.as_str();
        let known = SEEN.with(|s| s.borrow().get(&key).and_then(|k| k.get(t).copied()));
        if let Some(i) = known {
            return i;
        }
        if let Some(i) = self.set.matches(t).iter().next() {
            SEEN.with(|s| {
                let mut s = s.borrow_mut();
                let k = s.entry(key).or_default();
                if k.len() >= 4096 {
                    k.clear();
                }
                k.insert(t.into(), i);
            });
            return i;
        }
        let slow = self
            .slow
            .get_or_init(|| regex::Regex::new(&self.captures).expect("alternation captures"));
        slow.captures_at(text, m.start())
            .and_then(|c| (1..c.len()).find(|&i| c.get(i).is_some()))
            .map_or(0, |i| i - 1)
    }
}
