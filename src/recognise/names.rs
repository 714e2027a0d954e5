//! Person-name candidates: runs of capitalised words, with name particles ("del Potro", "de Minaur"),
//! hyphens ("Auger-Aliassime") and accents, split at words that never belong to a name ("But", "Spain's",
//! "World") and dropped when a word marks the run as an event or place ("Paris Masters", "Rod Laver Arena").
//! Corpus: `tests/corpus/names.jsonl`.
//!
//! A candidate is not yet a player: the resolver decides, from the whole article, which candidates are
//! players and links surnames to full names.

use super::Span;
use crate::lexicon;
use once_cell::sync::Lazy;
use regex::Regex;

/// A capitalised name candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameMention {
    pub span: Span,
}

/// Number words that start hyphenated phrases ("Third-ranked", "Top-seeded", "Two-time").
const ORDINAL: &[&str] = &[
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
    "Top", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "World",
    "Former", "Left", "Right",
];

/// Lower-case words that make a hyphenated capitalised token a phrase, not a name ("Third-ranked",
/// "Spanish-born"); other lower-case parts are kept ("Hsieh Su-wei").
const HYPHEN_WORDS: &[&str] = &[
    "ranked", "seeded", "seed", "year", "old", "born", "based", "time", "times", "set", "hander",
    "handed", "winning", "placed", "owned", "led", "up", "run", "like", "style", "speaking",
    "round", "final", "finals", "level", "class", "star", "game", "match", "court", "day", "week",
    "month", "season", "bound", "record", "era", "long", "high", "low", "best", "worst", "all",
    "only", "era", "breaking", "saving", "point",
];

static RUN: Lazy<Regex> = Lazy::new(|| {
    let tok = r"\p{Lu}(?:'\p{Lu})?\p{L}*(?:-\p{Lu}?\p{L}+)*";
    let part = r"(?:de|del|della|der|den|van|von|da|di|du|dos|das|le|la|ter)";
    Regex::new(&format!(r"{tok}(?:[ ](?:{part}[ ])*{tok})*")).expect("name pattern")
});

fn is_name_token(tok: &str) -> bool {
    // At least one lower-case letter (not an acronym), and not a stop word, nor a hyphenated phrase made with
    // one ("Third-ranked", "Top-seeded", "Spanish-born").
    tok.chars().any(char::is_lowercase)
        && !lexicon::is_stop(tok)
        && !tok.split('-').any(|p| {
            (tok.contains('-') && ORDINAL.contains(&p))
                || (p.chars().next().is_some_and(|c| !c.is_uppercase())
                    && HYPHEN_WORDS.contains(&p))
        })
}

/// Every name candidate in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<NameMention> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in RUN.find_iter(text) {
        // A country code in brackets: "Dimitrov (Bul)".
        if m.start() > 0
            && bytes[m.start() - 1] == b'('
            && bytes.get(m.end()) == Some(&b')')
            && m.as_str().len() <= 3
        {
            continue;
        }
        // Not inside a word ("iPhone", "McDonald" is one token anyway).
        if let Some(prev) = text[..m.start()].chars().next_back()
            && (prev.is_alphanumeric() || prev == '@' || prev == '#' || prev == '_')
        {
            continue;
        }
        // The run's words, with their offsets.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut s = m.start();
        for (i, b) in bytes[m.start()..m.end()].iter().enumerate() {
            if *b == b' ' {
                words.push((s, m.start() + i));
                s = m.start() + i + 1;
            }
        }
        words.push((s, m.end()));
        if words.iter().any(|&(a, b)| lexicon::is_org(&text[a..b])) {
            continue;
        }
        // Split into groups at stop words; particles join the group they sit in.
        let mut group: Option<(usize, usize)> = None;
        let mut last_was_particle = false;
        for &(a, b) in &words {
            let w = &text[a..b];
            let particle = lexicon::PARTICLES.contains(&w);
            if particle {
                last_was_particle = group.is_some();
                continue;
            }
            if is_name_token(w) {
                group = Some(match group {
                    Some((gs, _)) => (gs, b),
                    None => (a, b),
                });
            } else if let Some((gs, ge)) = group.take() {
                out.push(NameMention {
                    span: Span::new(gs, ge),
                });
            }
            last_was_particle = false;
        }
        let _ = last_was_particle;
        if let Some((gs, ge)) = group {
            out.push(NameMention {
                span: Span::new(gs, ge),
            });
        }
    }
    out
}

/// Corpus view: span and the name.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| {
            (
                m.span.start,
                m.span.end,
                text[m.span.start..m.span.end].to_string(),
            )
        })
        .collect()
}
