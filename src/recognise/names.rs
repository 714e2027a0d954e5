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

/// Name particles that may stand between the capitalised words of a run ("del Potro", "van de Zandschulp").
const RUN_PARTS: &[&str] = &[
    "de", "del", "della", "der", "den", "van", "von", "da", "di", "du", "dos", "das", "le", "la",
    "ter",
];

/// `\p{Lu}` and `\p{L}` for characters outside ASCII (rare in English copy): the regex crate's Unicode tables.
static UPPER: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A\p{Lu}\z").expect("upper pattern"));
static LETTER: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A\p{L}\z").expect("letter pattern"));
static LOWER: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A\p{Ll}\z").expect("lower pattern"));

/// The character at byte `i` of `text` (a char boundary) and its length, if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// `\p{Lu}`: an upper-case letter.
#[inline]
pub(crate) fn is_lu(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        UPPER.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// `\p{Ll}`: a lower-case letter.
#[inline]
pub(crate) fn is_ll(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        LOWER.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// `\p{L}`: a letter.
#[inline]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        LETTER.is_match(c.encode_utf8(&mut [0; 4]))
    }
}

/// Skips letters from byte `i`; returns the end.
#[inline]
fn skip_letters(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
        }
        match char_at(text, i) {
            Some((c, n)) if !c.is_ascii() && is_letter(c) => i += n,
            _ => return i,
        }
    }
}

/// The end of a capitalised token starting at `i` (an upper-case letter of length `n`):
/// `\p{Lu}(?:'\p{Lu})?\p{L}*(?:-\p{Lu}?\p{L}+)*`.
fn token_end(text: &str, i: usize, n: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i + n;
    if bytes.get(j) == Some(&b'\'')
        && let Some((c, n)) = char_at(text, j + 1)
        && is_lu(c)
    {
        j += 1 + n;
    }
    j = skip_letters(text, j);
    while bytes.get(j) == Some(&b'-') {
        match char_at(text, j + 1) {
            Some((c, _)) if is_letter(c) => j = skip_letters(text, j + 1),
            _ => break,
        }
    }
    j
}

/// The next run of capitalised words at or after `from`, as `(start, end)`: what the pattern
/// `TOK(?:[ ](?:PART[ ])*TOK)*` finds, leftmost first (TOK: [`token_end`], PART: [`RUN_PARTS`]).
fn next_run(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    // Skip 8 bytes at a time while they hold no upper-case ASCII letter and no non-ASCII byte.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        const LOW: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // Per ASCII byte: the high bit of `ge_a` is set when the byte is >= 'A', that of `gt_z` when > 'Z'.
        // A non-ASCII byte sets its own high bit (and may carry into the next byte: the chunk is scanned
        // byte by byte then anyway).
        let ge_a = x.wrapping_add(LOW * (0x80 - u64::from(b'A')));
        let gt_z = x.wrapping_add(LOW * (0x80 - u64::from(b'Z') - 1));
        if ((ge_a & !gt_z) | x) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    // The first upper-case letter.
    let (start, n) = loop {
        let b = *bytes.get(i)?;
        if b < 0x80 {
            if b.is_ascii_uppercase() {
                break (i, 1);
            }
            i += 1;
        } else {
            let (c, n) = char_at(text, i)?;
            if is_lu(c) {
                break (i, n);
            }
            i += n;
        }
    };
    let mut end = token_end(text, start, n);
    while bytes.get(end) == Some(&b' ') {
        let mut k = end + 1;
        // Greedy particles, each followed by a space.
        while let Some(n) = particle_len(bytes, k) {
            k += n + 1;
        }
        match char_at(text, k) {
            Some((c, n)) if is_lu(c) => end = token_end(text, k, n),
            _ => break,
        }
    }
    Some((start, end))
}

/// The length of the name particle at byte `k`, if one stands there followed by a space.
#[inline]
fn particle_len(bytes: &[u8], k: usize) -> Option<usize> {
    // All particles start with one of these letters.
    if !matches!(bytes.get(k), Some(b'd' | b'v' | b'l' | b't')) {
        return None;
    }
    let rest = &bytes[k..];
    RUN_PARTS
        .iter()
        .find(|p| rest.starts_with(p.as_bytes()) && rest.get(p.len()) == Some(&b' '))
        .map(|p| p.len())
}

fn is_name_token(tok: &str) -> bool {
    // At least one lower-case letter (not an acronym), and not a stop word, nor a hyphenated phrase made with
    // one ("Third-ranked", "Top-seeded", "Spanish-born").
    (if tok.is_ascii() {
        tok.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        tok.chars().any(char::is_lowercase)
    }) && !lexicon::is_stop(tok)
        && !(tok.contains('-')
            && tok.split('-').any(|p| {
                ORDINAL.contains(&p)
                    || (p.chars().next().is_some_and(|c| !c.is_uppercase())
                        && HYPHEN_WORDS.contains(&p))
            }))
}

/// The words of the run `text[start..end]` (separated by single spaces), with their offsets.
fn words(text: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = &text.as_bytes()[..end];
    let mut a = Some(start);
    std::iter::from_fn(move || {
        let s = a?;
        let e = bytes[s..]
            .iter()
            .position(|&b| b == b' ')
            .map_or(end, |p| s + p);
        a = (e < end).then_some(e + 1);
        Some((s, e))
    })
}

/// Every name candidate in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<NameMention> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some((ms, me)) = next_run(text, pos) {
        pos = me;
        // A country code in brackets: "Dimitrov (Bul)".
        if ms > 0 && bytes[ms - 1] == b'(' && bytes.get(me) == Some(&b')') && me - ms <= 3 {
            continue;
        }
        // Not inside a word ("iPhone", "McDonald" is one token anyway).
        if let Some(prev) = text[..ms].chars().next_back()
            && (prev.is_alphanumeric() || prev == '@' || prev == '#' || prev == '_')
        {
            continue;
        }
        if words(text, ms, me).any(|(a, b)| lexicon::is_org(&text[a..b])) {
            continue;
        }
        // Split into groups at stop words; particles join the group they sit in.
        let mut group: Option<(usize, usize)> = None;
        for (a, b) in words(text, ms, me) {
            let w = &text[a..b];
            // Particles are lower-case; the other words of a run start with a capital.
            if w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                && lexicon::PARTICLES.contains(&w)
            {
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
        }
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
