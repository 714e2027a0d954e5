//! Rounds: "second round", "round two", "last 16", "quarter-finals", "semi-final", "final", qualifying.
//! Codes `Q1 Q2 Q3 1R 2R 3R 4R R128 R64 R32 R16 QF SF F RR BR`. Corpus: `tests/corpus/round.jsonl`.

#[cfg(test)]
use super::ranking::sentence_start_after;
use super::ranking::{is_abbreviation_dot, next_word, prev_word, sentence_start};
use super::{Anchored, Span, alnum_run, ascii_lower, is_word_byte, word_start};
use once_cell::sync::Lazy;
use regex::Regex;

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

/// The round pattern (verbose mode). Every match holds one of the words [`super::Keywords`] finds for it, at most two
/// runs of spaces after its start.
const PATTERN: &str = r"(?-u:\b)(?:
          # qualifying: first qualifying round, final round of qualifying
          (?P<qa>(?i:first|second|third|final|1st|2nd|3rd))[-\s](?i:qualifying)[-\s](?i:round)
        | (?P<qb>(?i:first|second|third|final|1st|2nd|3rd))[-\s](?i:round)\s+(?i:of)\s+(?:(?i:the)\s+)?(?i:qualifying|qualifiers)
          # round of 16
        | (?i:round)\s+(?i:of)\s+(?P<ro>16|sixteen|32|thirty-two|64|128)
          # first round, second-round, opening round
        | (?P<nr>(?i:first|second|third|fourth|1st|2nd|3rd|4th|opening))[-\s](?i:round)
          # round one, round 2
        | (?i:round)\s+(?P<rn>(?i:one|two|three|four)|[1-4])
          # last 16, last eight, last-four
        | (?i:last)[-\s](?P<la>16|sixteen|32|thirty-two|64|eight|8|four)
          # round-robin, group stage
        | (?P<rr>(?i:round)[-\s](?i:robin)|(?i:group)[-\s](?i:stages?))
          # bronze medal match
        | (?P<br>(?i:bronze)[-\s](?i:medal)[-\s](?i:match|play-?off)|(?i:third)[-\s](?i:place)[-\s](?i:match|play-?off))
        | (?P<qf>(?i:quarter)[-\s]?(?i:finals?))
        | (?P<sf>(?i:semi)[-\s]?(?i:finals?)|(?i:semis))
        | (?P<f>finals?|Finals?)
        )(?-u:\b)";

static RE: Lazy<Anchored> = Lazy::new(|| Anchored::new("(?x)", PATTERN));

/// The round phrases of `text`: spans of the matches of [`PATTERN`].
///
/// The first keyword of a match is its first word, except in "first round", "second round of qualifying",
/// "first qualifying round" (an ordinal one or two runs of spaces before "round") and "third place match" (one
/// before "place"): only there does the pattern run before a keyword, and only at an ordinal.
#[cfg(test)]
fn matches(text: &str, keywords: &super::Keywords) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    matches_into(text, keywords, &mut out);
    out.into_iter().map(|(s, e, ())| (s, e)).collect()
}

/// [`matches`] pushed onto `out` (with a unit note each, as [`super::find_near_into`] gives them): the buffer of
/// [`find_into`], kept by the thread ([`MATCHES`]), so that no vector is made and grown per article.
fn matches_into(text: &str, keywords: &super::Keywords, out: &mut Vec<(usize, usize, ())>) {
    let b = text.as_bytes();
    // The windows of the hits: "round" may follow an ordinal and "qualifying" ("first qualifying round"),
    // "place" an ordinal ("third place match"), and every other hit opens its match (see [`matches`]): its window
    // is the hit alone, not the run of bytes before it up to white space (`Window::Runs(0)`).
    let hits = keywords
        .starts(super::KEY_ROUND)
        .map(|o| match b[o] | 0x20 {
            b'r' => (o, super::Window::From(ordinal_window(text, o, 2))),
            b'p' => (o, super::Window::From(ordinal_window(text, o, 1))),
            _ => (o, super::Window::From(o)),
        });
    let at = |t: &str, p: usize| match final_at(t.as_bytes(), p) {
        Some(e) => e,
        None => common_at(t.as_bytes(), p).or_else(|| RE.at(t, p)),
    };
    super::find_near_into(
        text,
        hits,
        |t, p| at(t, p).map(|e| (e, ())),
        |b, p, o| {
            word_start(b, p)
                && if p == o {
                    may_open(b, o)
                } else {
                    is_ordinal(alnum_run(b, p))
                }
        },
        out,
    );
}

/// The start of the window of a hit at `o` ("round" with `words` 2, "place" with 1) that holds the start of every
/// match of [`PATTERN`] whose first hit it is. Only an ordinal ([`ORDINALS`]: 3 to 7 letters and digits, the
/// last "t", "d", "h" or "g") opens a match before its first hit: one `[-\s]` before "round" or "place", or
/// `[-\s](?i:qualifying)[-\s]` before "round" ("first qualifying round"). So the window starts 7 bytes before
/// the end of such an ordinal (told by its last letter and its separator: the words [`super::find_near_into`]
/// passes there are few and short) or at `o`. Where a separator may be non-ASCII (Unicode white space) it is
/// left to [`super::window_start`] (`words` runs of white space, the window of every hit before). A window that
/// starts earlier finds the same matches ([`super::find_near_into`] tries the pattern only after the hits before
/// `o`, so a match it finds holds `o` first); these few byte tests replace a pass back over two words.
fn ordinal_window(text: &str, o: usize, words: usize) -> usize {
    let b = text.as_bytes();
    // A start at most that of an ordinal that ends one separator before `q`, if one may; `Err` where the byte
    // before `q` may be part of Unicode white space.
    let ordinal_before = |q: usize| -> Result<Option<usize>, ()> {
        let Some(e) = q.checked_sub(1) else {
            return Ok(None);
        };
        if b[e] >= 0x80 {
            return Err(());
        }
        Ok(((b[e] == b'-' || super::ascii_space(b[e]))
            && e >= 3
            && matches!(b[e - 1] | 0x20, b't' | b'd' | b'h' | b'g'))
        .then(|| e.saturating_sub(7)))
    };
    let Ok(one) = ordinal_before(o) else {
        return super::window_start(text, o, words);
    };
    let mut from = one.unwrap_or(o);
    // "qualifying" and a separator before `o`, its own separator before it.
    if words == 2
        && o >= 11
        && (b[o - 1] == b'-' || super::ascii_space(b[o - 1]))
        && starts_ci(&b[o - 11..o - 1], b"qualifying")
    {
        match ordinal_before(o - 11) {
            Ok(two) => from = two.unwrap_or(from),
            Err(()) => return super::window_start(text, o, words),
        }
    }
    from
}

thread_local! {
    /// The matches of [`find_into`]: a buffer kept, emptied, for the next article of the thread.
    static MATCHES: std::cell::RefCell<Vec<(usize, usize, ())>> = std::cell::RefCell::default();
}

/// [`PATTERN`] at a word start `p` holding "final", "finals", "Final" or "Finals" (the commonest round
/// word), in code: `Some(answer)`, or `None` when the pattern must tell (another word, a word byte or a
/// non-ASCII byte after it, or "qualifying"/"round" after it: "final round of qualifying").
fn final_at(b: &[u8], p: usize) -> Option<Option<usize>> {
    // The word (the run of ASCII letters and digits at `p`) read on its bytes, not found first: "final" or
    // "Final", then "s" or not, then no letter or digit.
    if !matches!(b.get(p..p + 5), Some(b"final" | b"Final")) {
        return None;
    }
    let e = if b.get(p + 5) == Some(&b's') {
        p + 6
    } else {
        p + 5
    };
    if b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    match b.get(e) {
        None => Some(Some(e)),
        Some(&c) if c == b'_' || c >= 0x80 => None,
        Some(b'-' | b'\t'..=b'\r' | b' ') if e == p + 5 => {
            let next = &b[e + 1..];
            let starts =
                |k: &[u8]| next.len() >= k.len() && next[..k.len()].eq_ignore_ascii_case(k);
            if starts(b"qualifying") || starts(b"round") || next.first().is_some_and(|&c| c >= 0x80)
            {
                None
            } else {
                Some(Some(e))
            }
        }
        Some(_) => Some(Some(e)),
    }
}

/// [`PATTERN`] at a word start `p`, read in code for its common forms (most of the calls on fact-dense text):
/// an ordinal then "round" ("first round", "opening-round"), "last" then a number ("last 16", "last-eight"),
/// "quarter-final(s)", "semi-final(s)" (a hyphen, a space or nothing between) and "semis". `Some(end)`: the
/// pattern's match at `p` ends at `end`. `None` leaves it to the pattern: other forms, "round" then white space
/// and "o" ("first round of qualifying", alternative `qb`), no match, and a non-ASCII byte where it could count
/// (Unicode white space, "ſ" that folds to "s"). No alternative before `nr` opens with an ordinal then "round",
/// and none before `la`, `qf` or `sf` with "last", "quarter" or "semi".
fn common_at(b: &[u8], p: usize) -> Option<usize> {
    let at = |i: usize| super::byte_or_stop(b, i);
    let sep = |i: usize| at(i) == b'-' || super::ascii_space(at(i));
    // `(?-u:\b)` after a word byte at `i`, told in ASCII: `Some(i)` then; `None` at a word or non-ASCII byte.
    let ends = |i: usize| (at(i) < 0x80 && !is_word_byte(at(i))).then_some(i);
    // `[-\s]?(?i:finals?)(?-u:\b)` from `i` (after "quarter" or "semi").
    let finals = |i: usize| {
        let i = if sep(i) { i + 1 } else { i };
        if !letters_at(b, i, b"final") {
            return None;
        }
        if at(i + 5) | 0x20 == b's' {
            ends(i + 6)
        } else {
            ends(i + 5)
        }
    };
    let w = alnum_run(b, p);
    let e = p + w.len();
    if is_ordinal(w) {
        // `nr`: `[-\s](?i:round)(?-u:\b)`, unless `\s+(?i:of)` may follow (`qb`).
        if !(sep(e) && letters_at(b, e + 1, b"round")) {
            return None;
        }
        let r = e + 6;
        let mut i = r;
        while super::ascii_space(at(i)) {
            i += 1;
        }
        return if at(i) >= 0x80 || (i > r && at(i) | 0x20 == b'o') {
            None
        } else {
            ends(r)
        };
    }
    if w.len() == 4 && starts_ci(w, b"last") {
        // `la`: `[-\s](?:16|sixteen|32|thirty-two|64|eight|8|four)(?-u:\b)`; a number word that runs on
        // ("last 164", "last fourth") matches no other choice either.
        if !sep(e) {
            return None;
        }
        let n = alnum_run(b, e + 1);
        return if matches!(
            n,
            b"16" | b"sixteen" | b"32" | b"64" | b"eight" | b"8" | b"four"
        ) {
            ends(e + 1 + n.len())
        } else {
            None
        };
    }
    if letters_at(b, p, b"quarter") {
        return finals(p + 7);
    }
    if letters_at(b, p, b"semi") {
        // `sf`: `(?i:semi)[-\s]?(?i:finals?)|(?i:semis)`.
        return finals(p + 4).or_else(|| {
            if at(p + 4) | 0x20 == b's' {
                ends(p + 5)
            } else {
                None
            }
        });
    }
    None
}

/// Whether a match may start at the word at `o`: a necessary condition by its first letter and one or two
/// comparisons (where it says no, [`PATTERN`] has no match at `o`) that spares the lazy DFA the round words
/// that start no phrase: "last season", "place in the final", "semi-finalist", "round here", "Group B".
/// Non-ASCII bytes where a letter or white space is asked for say yes (Unicode white space, "ſ" that folds to
/// "s").
fn may_open(b: &[u8], o: usize) -> bool {
    let at = |i: usize| super::byte_or_stop(b, i);
    let space = super::ascii_space;
    // Whether the word at `o` is `word` (any ASCII case), or starts with it (`prefix`).
    let is = |word: &[u8], prefix: bool| {
        b.get(o..o + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word))
            && (prefix || !at(o + word.len()).is_ascii_alphanumeric())
    };
    // Whether `(?-u:\b)` may hold at `i` after a word byte: a non-word byte there.
    let ends = |i: usize| !is_word_byte(at(i));
    // `[-\s]?(?i:finals?)(?-u:\b)` from `i` (after "quarter" or "semi").
    let finals = |mut i: usize| {
        if at(i) >= 0x80 {
            return true;
        }
        if at(i) == b'-' || space(at(i)) {
            i += 1;
        }
        for (k, &l) in b"final".iter().enumerate() {
            let c = at(i + k);
            if c >= 0x80 {
                return true;
            }
            if c | 0x20 != l {
                return false;
            }
        }
        let c = at(i + 5);
        c >= 0x80 || ends(i + 5) || (c | 0x20 == b's' && (at(i + 6) >= 0x80 || ends(i + 6)))
    };
    match b[o] | 0x20 {
        // `(?i:last)[-\s](?:16|sixteen|32|thirty-two|64|eight|8|four)`: the first two bytes of the number.
        b'l' if is(b"last", false) => {
            let (c, n, m) = (at(o + 4), at(o + 5), at(o + 6));
            c >= 0x80
                || ((c == b'-' || space(c))
                    && (n >= 0x80
                        || m >= 0x80
                        || match n | 0x20 {
                            b'1' => m == b'6',
                            b'3' => m == b'2',
                            b'6' => m == b'4',
                            b'8' => true,
                            b's' | b'e' => m | 0x20 == b'i',
                            b't' => m | 0x20 == b'h',
                            b'f' => m | 0x20 == b'o',
                            _ => false,
                        }))
        }
        // `(?i:round)`, then `\s+(?i:of)`, `\s+(?i:one|two|three|four)|[1-4]` or `[-\s](?i:robin)`.
        b'r' if is(b"round", false) => {
            let c = at(o + 5);
            if c >= 0x80 {
                return true;
            }
            if c == b'-' {
                return at(o + 6) >= 0x80 || at(o + 6) | 0x20 == b'r';
            }
            if !space(c) {
                return false;
            }
            let mut i = o + 6;
            while space(at(i)) {
                i += 1;
            }
            let c = at(i);
            c >= 0x80 || matches!(c | 0x20, b'o' | b't' | b'f' | b'r' | b'1'..=b'4')
        }
        // `(?i:group)[-\s](?i:stages?)`.
        b'g' if is(b"group", false) => {
            let (c, n) = (at(o + 5), at(o + 6));
            c >= 0x80 || ((c == b'-' || space(c)) && (n >= 0x80 || n | 0x20 == b's'))
        }
        // No alternative opens with "place" (only "third place match", at "third").
        b'p' => !is(b"place", false),
        b'q' if is(b"quarter", true) => finals(o + 7),
        // `(?i:semi)[-\s]?(?i:finals?)` or `(?i:semis)`, then `(?-u:\b)`.
        b's' if is(b"semi", true) => {
            (at(o + 4) | 0x20 == b's' && (at(o + 5) >= 0x80 || ends(o + 5))) || finals(o + 4)
        }
        _ => true,
    }
}

/// The number words that may stand before "round" or "place" in [`PATTERN`].
const ORDINALS: [&[u8]; 9] = [
    b"first", b"second", b"third", b"fourth", b"1st", b"2nd", b"3rd", b"4th", b"opening",
];

/// Whether `w` is one of [`ORDINALS`] (in any case). Most words fail [`may_be_one_of`] first: the comparisons
/// of the list, by length first, compile to a jump table on the length, mispredicted at nearly every word.
fn is_ordinal(w: &[u8]) -> bool {
    const LENGTHS: [u32; 32] = lengths_by_first_byte(&ORDINALS);
    may_be_one_of(&LENGTHS, w) && ORDINALS.iter().any(|o| w.eq_ignore_ascii_case(o))
}

/// For each ASCII letter (in any case; indexed by `(c | 0x20) & 31`), a bit for the length of each of `words`
/// that starts with it. Other bytes share the indexes ("1" with "q"): a superset, for [`may_be_one_of`].
const fn lengths_by_first_byte(words: &[&[u8]]) -> [u32; 32] {
    let mut t = [0; 32];
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        assert!(!w.is_empty() && w.len() < 32);
        t[((w[0] | 0x20) & 31) as usize] |= 1 << w.len();
        i += 1;
    }
    t
}

/// The tables [`lengths_by_first_byte`] of two lists, as one of both.
const fn either(a: [u32; 32], b: [u32; 32]) -> [u32; 32] {
    let mut t = [0; 32];
    let mut i = 0;
    while i < 32 {
        t[i] = a[i] | b[i];
        i += 1;
    }
    t
}

/// Whether `w` may be one of the words of `lengths` ([`lengths_by_first_byte`]) in any ASCII case: a word of
/// theirs starts with its first byte (or one of the same index) and has its length. A necessary condition.
fn may_be_one_of(lengths: &[u32; 32], w: &[u8]) -> bool {
    w.first()
        .is_some_and(|&c| w.len() < 32 && lengths[usize::from(c | 0x20) & 31] >> w.len() & 1 != 0)
}

/// The groups of a round phrase `t` (a whole match of [`PATTERN`]), read by hand: the alternative and its number
/// word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Groups<'t> {
    /// `qa` / `qb`: "first qualifying round", "final round of qualifying".
    Qualifying(&'t str),
    /// `ro`: "round of 16".
    RoundOf(&'t str),
    /// `nr`: "second round", "opening-round".
    NumberRound(&'t str),
    /// `rn`: "round two".
    RoundNumber(&'t str),
    /// `la`: "last 16".
    Last(&'t str),
    RoundRobin,
    Bronze,
    Quarter,
    Semi,
    Final,
}

/// Whether the bytes `h` are the lower-case ASCII letters `k` in any ASCII case: `| 0x20` maps just the two
/// cases of a letter onto its lower case, so one OR and one compare a byte over a fixed-size array, folded
/// with no branch, where `eq_ignore_ascii_case` loops over the bytes and lower-cases both sides of each.
#[inline(always)]
fn letters_eq<const N: usize>(h: &[u8; N], k: &[u8; N]) -> bool {
    debug_assert!(k.iter().all(u8::is_ascii_lowercase));
    h.iter().zip(k).fold(0, |d, (&c, &l)| d | ((c | 0x20) ^ l)) == 0
}

/// Whether `t` starts with the lower-case ASCII letters `k` in any ASCII case ([`letters_eq`]).
fn starts_ci<const N: usize>(t: &[u8], k: &[u8; N]) -> bool {
    t.first_chunk().is_some_and(|h| letters_eq(h, k))
}

/// Whether `t` ends with the lower-case ASCII letters `k` in any ASCII case ([`letters_eq`]).
fn ends_ci<const N: usize>(t: &[u8], k: &[u8; N]) -> bool {
    t.last_chunk().is_some_and(|h| letters_eq(h, k))
}

/// Whether `b[i..]` starts with the lower-case ASCII letters `k` in any ASCII case ([`letters_eq`]).
fn letters_at<const N: usize>(b: &[u8], i: usize, k: &[u8; N]) -> bool {
    b.get(i..).is_some_and(|t| starts_ci(t, k))
}

/// The first word of `t`, up to a hyphen or a space.
#[cfg(test)]
fn first_word(t: &str) -> &str {
    &t[..t
        .find(|c: char| c == '-' || c.is_whitespace())
        .unwrap_or(t.len())]
}

/// [`first_word`] of a match of `qa`, `qb` or `nr` (an ordinal of ASCII letters and digits, then `[-\s]`):
/// its run of ASCII letters and digits, found without decoding characters.
fn ordinal_word(t: &str) -> &str {
    &t[..alnum_run(t.as_bytes(), 0).len()]
}

/// The last word of `t`, after a space.
fn last_word(t: &str) -> &str {
    let cut = t.rfind(char::is_whitespace);
    match cut {
        Some(i) => &t[i + t[i..].chars().next().map_or(1, char::len_utf8)..],
        None => t,
    }
}

fn groups(t: &str) -> Groups<'_> {
    // The commonest matches first (most of them on the web reports): the last alternative's four words. No
    // other alternative matches them whole, and each test below fails on them.
    if matches!(t.as_bytes(), b"final" | b"finals" | b"Final" | b"Finals") {
        return Groups::Final;
    }
    // Only the two qualifying alternatives hold "qualif"; their number is the first word. Their matches are 20
    // bytes or longer ("1st qualifying round"): shorter ones are not searched.
    if t.len() >= 20
        && t.as_bytes()
            .windows(6)
            .any(|w| w.eq_ignore_ascii_case(b"qualif"))
    {
        return Groups::Qualifying(ordinal_word(t));
    }
    if starts_ci(t.as_bytes(), b"round") {
        if ends_ci(t.as_bytes(), b"robin") {
            return Groups::RoundRobin;
        }
        // "round of 16" has "of" second; "round two" has the number second.
        let second = t[5..].trim_start();
        if starts_ci(second.as_bytes(), b"of") && second[2..].starts_with(char::is_whitespace) {
            return Groups::RoundOf(last_word(t));
        }
        return Groups::RoundNumber(last_word(t));
    }
    if ends_ci(t.as_bytes(), b"round") {
        return Groups::NumberRound(ordinal_word(t));
    }
    if starts_ci(t.as_bytes(), b"last") {
        // One hyphen or space after "last"; the number may hold a hyphen ("thirty-two").
        let rest = &t[4..];
        return Groups::Last(&rest[rest.chars().next().map_or(0, char::len_utf8)..]);
    }
    if starts_ci(t.as_bytes(), b"group") {
        return Groups::RoundRobin;
    }
    if starts_ci(t.as_bytes(), b"bronze") || starts_ci(t.as_bytes(), b"third") {
        return Groups::Bronze;
    }
    if starts_ci(t.as_bytes(), b"quarter") {
        return Groups::Quarter;
    }
    if starts_ci(t.as_bytes(), b"semi") {
        return Groups::Semi;
    }
    Groups::Final
}

/// Lower-case words that may follow "final" used as a noun ("the final in Paris", "a final defeat"); any other
/// lower-case word makes "final" an adjective ("final set", "one final push").
const FINAL_NOUN_NEXT: &[&str] = &[
    "of",
    "in",
    "at",
    "on",
    "against",
    "with",
    "to",
    "and",
    "or",
    "but",
    "was",
    "is",
    "will",
    "would",
    "had",
    "has",
    "have",
    "after",
    "before",
    "when",
    "where",
    "since",
    "last",
    "this",
    "next",
    "for",
    "by",
    "as",
    "he",
    "she",
    "they",
    "it",
    "then",
    "that",
    "which",
    "who",
    "defeat",
    "defeats",
    "win",
    "wins",
    "victory",
    "victories",
    "loss",
    "losses",
    "clash",
    "showdown",
    "meeting",
    "triumph",
    "success",
    "opponent",
    "here",
    "there",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "from",
    "between",
    "got",
    "ever",
    "without",
    "because",
    "while",
    "despite",
    "over",
    "too",
    "so",
    "again",
    "itself",
    "pits",
    "may",
    "could",
    "can",
    "should",
    "might",
    "if",
    "than",
    "are",
    "were",
    "being",
    "be",
    "did",
    "does",
    "versus",
    "vs",
    "v",
    "rematch",
    "defeated",
    "beat",
    "lost",
    "won",
    "saw",
    "took",
    "proved",
    "went",
    "came",
    "started",
    "begins",
    "began",
    "starts",
    "loom",
    "looms",
    "awaits",
    "last",
    "a",
    "the",
    "his",
    "her",
    "you",
    "we",
    "i",
    "she's",
    "he's",
    "we're",
    "you're",
    "i'm",
    "itself,",
];

/// [`FINAL_NOUN_NEXT`] as a set: asked about the word after most "final"s.
static FINAL_NOUN_NEXT_SET: Lazy<crate::lexicon::FxHashSet<&'static str>> =
    Lazy::new(|| FINAL_NOUN_NEXT.iter().copied().collect());

fn final_noun_next(w: &str) -> bool {
    FINAL_NOUN_NEXT_SET.contains(w)
}

/// Counted things that turn "the last eight" into a count ("the last eight matches").
const LAST_COUNTED: &[&str] = &[
    "matches",
    "games",
    "years",
    "meetings",
    "months",
    "weeks",
    "days",
    "sets",
    "points",
    "titles",
    "tournaments",
    "events",
    "slams",
    "seasons",
    "times",
    "encounters",
    "finals",
    "editions",
    "majors",
    "appearances",
    "grand",
    "minutes",
    "hours",
    "outings",
    "starts",
    "wins",
    "defeats",
    "losses",
    "contests",
    "rounds",
    "attempts",
    "visits",
    "occasions",
    "players",
    "men",
    "women",
    "holes",
    "races",
    "races,",
    "innings",
    "overs",
    "goals",
    "fixtures",
    "ties",
    "rubbers",
    "decades",
    "opponents",
    "victories",
];

static NEXT_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:set|sets|setting|lined|lines|lining|line|booked|books|book|booking|earned|earns|earn|secured|secures|secure|arranged|arranges|arrange)\s+up\s+(?:an?|his|her|their)\s*$|(?-u:\b)(?:booked|books|book|booking|earned|earns|earn|secured|secures|secure|arranged|set)\s+(?:an?|his|her|their)\s*$")
        .expect("next pattern")
});

static REACHED_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:reach|reached|reaches|reaching|made|make|makes|making|into|to|join|joined|joins|joining|qualif(?:y|ied|ies|ying)\s+for|(?:place|spot|berth|passage|way)\s+(?:in|into|to))\s+(?:the|a|an|his|her|their)(?:\s+(?:[0-9]{4}|first|second|third|maiden|first-ever|[a-z]+'s|\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)?))?\s*$|(?i)(?-u:\b)(?:into|reached|reach|reaches|reaching)\s+$")
        .expect("reached pattern")
});

static ELAPSED_INTO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:minutes|minute|hours|hour|games|game|sets|set|points|seconds|way)\s+into\s+(?:the|a|his|her)\s*$")
        .expect("elapsed pattern")
});

static FUTURE_CLAUSE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|'ll|shall|faces|face|meets|meet|awaits|await|plays|set\s+to|due\s+to|scheduled\s+to|next|potentially|going\s+to)(?-u:\b)")
        .expect("future pattern")
});

/// Words after a round adjective that mean the round was reached: "a semi-final place".
const REACHED_AFTER: &[&str] = &["place", "spot", "berth", "appearance", "ticket", "slot"];

fn last_code(n: &str) -> &'static str {
    match &*ascii_lower(n) {
        "16" | "sixteen" => "R16",
        "32" | "thirty-two" => "R32",
        "64" => "R64",
        "eight" | "8" => "QF",
        _ => "SF",
    }
}

fn numbered(n: &str) -> Option<&'static str> {
    Some(match &*ascii_lower(n) {
        "first" | "1st" | "opening" | "one" | "1" => "1R",
        "second" | "2nd" | "two" | "2" => "2R",
        "third" | "3rd" | "three" | "3" => "3R",
        "fourth" | "4th" | "four" | "4" => "4R",
        _ => return None,
    })
}

fn qualifying(n: &str) -> &'static str {
    match &*ascii_lower(n) {
        "first" | "1st" => "Q1",
        "second" | "2nd" => "Q2",
        _ => "Q3",
    }
}

/// Whether "final"/"finals" at `start..end` names the last round (not "final set", "ATP Finals").
fn is_final_noun(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    // The word before counts only for "finals" and after "and", "one", "her", "his", "their": look it up
    // only then (most "final"s follow "the").
    let prev = if word.ends_with('s') || after_det_like(text, start) {
        prev_word(text, start)
    } else {
        None
    };
    if word.starts_with('F') {
        // Capitalised: only at the start of a sentence ("Final: ..."), never "ATP Finals".
        let s = sentence_start(text, start);
        if text[s..start].trim() != "" || word == "Finals" {
            return false;
        }
    }
    if text[end..].starts_with('-') && text[end + 1..].starts_with(|c: char| c.is_alphabetic()) {
        return false; // final-set
    }
    if prev.is_some_and(|p| {
        matches!(p, "and" | "one" | "her" | "his" | "their") && text[end..].starts_with(' ')
    }) && next_word(text, end).is_some_and(|(_, w)| !final_noun_next(w))
    {
        return false; // "seventh and final title"
    }
    if word.ends_with('s') {
        // "finals" only for past finals: "the 2002 and 2004 finals", "the finals".
        let ok = prev
            .is_some_and(|p| p == "the" || (p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit())));
        if !ok {
            return false;
        }
    }
    if prev.is_some_and(|p| {
        matches!(
            p,
            "ATP" | "WTA" | "Tour" | "Cup" | "NBA" | "NextGen" | "Gen" | "Championship" | "Fed"
        )
    }) && word.ends_with('s')
    {
        return false;
    }
    match next_word(text, end) {
        None => true,
        Some((_, w)) => {
            let lw = ascii_lower(w);
            if !w.starts_with(char::is_alphabetic) {
                return true; // "final - making", "final 6-3 6-4"
            }
            if w.starts_with(|c: char| c.is_uppercase()) {
                // "the final Grand Slam of the year"; but "in the final Federer ..." is rare.
                return !matches!(w, "Grand" | "Slam" | "Masters" | "Major" | "Test");
            }
            final_noun_next(&lw) || (lw.len() > 4 && lw.ends_with("ed")) || lw.ends_with("ly")
        }
    }
}

/// Whether [`prev_word`] at `start` may be "and", "one", "her", "his" or "their": whether the text before
/// `start`, less the spaces that end it, ends with one of them. A necessary condition.
fn after_det_like(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ').as_bytes();
    [&b"and"[..], b"one", b"her", b"his", b"their"]
        .iter()
        .any(|w| before.ends_with(w))
}

/// Whether the word after `end` ([`next_word`]) may be one of [`REACHED_AFTER`]: spaces, then one of their
/// first letters. A necessary condition.
fn may_reach_after(b: &[u8], end: usize) -> bool {
    let rest = &b[end..];
    rest.iter()
        .position(|&c| c != b' ')
        .is_some_and(|i| i > 0 && matches!(rest[i], b'p' | b's' | b'b' | b'a' | b't'))
}

/// The words that tell a clause of the future alone ([`future_word`]), in any ASCII case.
const FUTURE_WORDS: [&[u8]; 11] = [
    b"will",
    b"shall",
    b"faces",
    b"face",
    b"meets",
    b"meet",
    b"awaits",
    b"await",
    b"plays",
    b"next",
    b"potentially",
];

/// The words that tell a clause of the future when white space and the word "to" follow ([`future_word`]).
const FUTURE_BEFORE_TO: [&[u8]; 4] = [b"set", b"due", b"scheduled", b"going"];

/// Whether the word `b[s..e]` (a whole run of word bytes) makes [`FUTURE_CLAUSE`] match a clause of `b` that
/// ends at `end` and holds it: "will", "shall", "faces", ... (any ASCII case), "ll" after "'" and a word byte,
/// or "set", "due", "scheduled", "going" then white space and the word "to".
///
/// Inline at each word of [`scan_clause`]'s two loops: most words fail on their first byte and length before
/// any comparison (about one in twenty-four passes on the generated articles), and the comparisons are out of
/// line ([`future_word_compared`]).
#[inline(always)]
fn future_word(b: &[u8], s: usize, e: usize, end: usize) -> bool {
    const LENGTHS: [u32; 32] = either(
        either(
            lengths_by_first_byte(&FUTURE_WORDS),
            lengths_by_first_byte(&FUTURE_BEFORE_TO),
        ),
        lengths_by_first_byte(&[b"ll"]),
    );
    may_be_one_of(&LENGTHS, &b[s..e]) && future_word_compared(b, s, e, end)
}

/// [`future_word`] after its test of the first byte and the length: the comparisons. The word (a run of word
/// bytes) is read as its key ([`word_key`]), from one 8-byte load where the text holds eight bytes from its
/// start, and compared with the keys of the words of eight bytes or fewer, one comparison each, where
/// `eq_ignore_ascii_case` looped over the bytes of each word of the lists (about 64 instructions a call).
#[inline(never)]
fn future_word_compared(b: &[u8], s: usize, e: usize, end: usize) -> bool {
    /// The keys of [`FUTURE_WORDS`] but "potentially" (eleven bytes), and of [`FUTURE_BEFORE_TO`] but
    /// "scheduled" (nine).
    const ALONE: [u64; 10] = {
        let mut keys = [0; 10];
        let mut i = 0;
        while i < keys.len() {
            keys[i] = word_key(FUTURE_WORDS[i]);
            i += 1;
        }
        keys
    };
    const BEFORE_TO: [u64; 3] = [word_key(b"set"), word_key(b"due"), word_key(b"going")];
    debug_assert!(FUTURE_WORDS[10] == b"potentially" && FUTURE_BEFORE_TO[2] == b"scheduled");
    let w = &b[s..e];
    debug_assert!(!w.is_empty() && w.iter().all(|&c| is_word_byte(c)));
    let key = match b.get(s..s + 8) {
        // The word's bytes, `| 0x20` each, and the bytes after it cleared: [`word_key`] of it.
        Some(x) if w.len() <= 8 => {
            let x = u64::from_le_bytes(x.try_into().expect("8 bytes"));
            (x | 0x2020_2020_2020_2020) & (u64::MAX >> (64 - 8 * w.len()))
        }
        _ => word_key(w),
    };
    if ALONE.contains(&key) || (key == 0 && w.eq_ignore_ascii_case(b"potentially")) {
        return true;
    }
    // The "'" and the word byte before it are in the clause: neither ends one.
    if key == word_key(b"ll") {
        return s >= 2 && b[s - 1] == b'\'' && is_word_byte(b[s - 2]);
    }
    if BEFORE_TO.contains(&key) || (key == 0 && w.eq_ignore_ascii_case(b"scheduled")) {
        let mut j = e;
        while j < end && super::ascii_space(b[j]) {
            j += 1;
        }
        return j > e
            && end >= j + 2
            && b[j..j + 2].eq_ignore_ascii_case(b"to")
            && (j + 2 == end || !is_word_byte(b[j + 2]));
    }
    false
}

/// [`future_word_compared`] as it was, by the word lists and `eq_ignore_ascii_case` (the test compares the two).
#[cfg(test)]
fn future_word_by_lists(b: &[u8], s: usize, e: usize, end: usize) -> bool {
    let w = &b[s..e];
    let is = |k: &[u8]| w.eq_ignore_ascii_case(k);
    if FUTURE_WORDS.iter().any(|k| is(k)) {
        return true;
    }
    if is(b"ll") && s >= 2 && b[s - 1] == b'\'' && is_word_byte(b[s - 2]) {
        return true;
    }
    if FUTURE_BEFORE_TO.iter().any(|k| is(k)) {
        let mut j = e;
        while j < end && super::ascii_space(b[j]) {
            j += 1;
        }
        return j > e
            && end >= j + 2
            && b[j..j + 2].eq_ignore_ascii_case(b"to")
            && (j + 2 == end || !is_word_byte(b[j + 2]));
    }
    false
}

/// The clause of a round phrase, as [`scan_clause`] reads it.
struct Clause<'t> {
    /// Where it begins.
    start: usize,
    /// Whether the code reads it as the patterns do: it is ASCII but for characters of U+00C0-U+017E other than
    /// "ſ". None of them is white space of `\s` or one that `(?i)` folds to an ASCII letter, and each is a
    /// non-word byte to `(?-u:\b)` as any non-ASCII byte: they are what [`is_word_byte`] and the white space
    /// splits make of them. In the last five words only the `\p{Lu}\p{L}*` words of [`REACHED_BEFORE`] read
    /// them as letters: [`cased_word`].
    plain: bool,
    /// Whether [`FUTURE_CLAUSE`] matches it (when it is plain).
    future: bool,
    /// Its last five words split at white space, the last first (empty where it has fewer): [`tail_words`] of
    /// the clause, found on the same pass.
    tails: [&'t [u8]; 5],
    /// Whether white space ends it.
    trail: bool,
}

/// The clause of a round phrase at `start`, read in one backward pass: where it begins (just after the last
/// `,`, `;`, `:` or `(` of its sentence before `start`, or at the sentence start, [`sentence_start`]: after a
/// newline or after a `.`, `!` or `?` that ends a sentence), whether it is plain (see [`Clause::plain`]),
/// whether [`FUTURE_CLAUSE`] matches it when it is plain (see [`future_word`]), and its last words (the white space the pass meets
/// splits them: a second pass, [`tail_words`], cost as much as this one on the web reports' long clauses).
///
/// No match of [`NEXT_BEFORE`], [`REACHED_BEFORE`] or [`ELAPSED_INTO`] on the text from the sentence start holds
/// one of these marks or a newline (their words hold letters, digits, `'` and `-`; only `\s` might cross a
/// newline, and the sentence starts after it), and each opens with a word after a non-word byte: they match
/// the clause as they match the sentence.
///
/// The pass is two loops: the first splits the last five words off at white space, and the second, over the
/// words before them (most of a clause's words), no longer tests for white space nor keeps the words' ends.
fn scan_clause(text: &str, start: usize) -> Clause<'_> {
    let b = text.as_bytes();
    let (mut plain, mut future) = (true, false);
    let mut tails = [&b[..0]; 5];
    let mut n = 0;
    // The end of the run of non-space bytes the pass is in (its start when the pass is in white space).
    let mut run_end = start;
    let mut i = start;
    // The non-word bytes of the 64 before `hi` not passed yet ([`non_word_bits_before`]): the pass goes from
    // one to the one before, by their leading zeros, not byte by byte over the words between them (a loop
    // whose exit was mispredicted at nearly every word).
    let mut hi = start;
    let mut mask = non_word_bits_before(b, hi);
    // The last non-word byte before the one the pass is at: after it (or from 0, `None`) runs a word.
    let mut before = || loop {
        if mask != 0 {
            let lz = mask.leading_zeros();
            mask ^= 1 << (63 - lz);
            return Some(hi - 1 - lz as usize);
        }
        if hi <= 64 {
            return None;
        }
        hi -= 64;
        mask = non_word_bits_before(b, hi);
    };
    // Whether the stop byte `c` ([`CLAUSE_STOP`]) at `i - 1` ends the clause.
    let stops = |c: u8, i: usize| match c {
        b',' | b';' | b':' | b'(' | b'\n' => true,
        // A `.`, `!` or `?` ends the sentence, and the clause, when white space follows it and it is
        // no abbreviation's dot: what [`sentence_start_after`] answers (`i`, not `i - 1`) when told
        // that the search from `i - 1` gives `i - 1`, tested here without its two `memchr` searches
        // of one byte (a call of about 115 instructions; [`scan_clause_by_runs`] keeps it).
        _ => b.get(i).is_some_and(u8::is_ascii_whitespace) && ends_sentence(text, i - 1),
    };
    // Whether the non-ASCII byte `c` at `i - 1` leaves the clause plain: a byte of a character of
    // U+00C0-U+017E but "ſ" (U+017F); another one, which `\s` or `(?i)` may read as white space or as an
    // ASCII letter, leaves the clause to the patterns.
    let latin = |c: u8, i: usize| match c {
        0xC3 | 0xC4 => true,
        0xC5 => b[i] != 0xBF,
        // A continuation byte: the first byte of its character, before it, tells.
        0x80..=0xBF => true,
        _ => false,
    };
    let c = 'clause: {
        // The last five words.
        loop {
            // The run of word bytes that ends at `i`: after the last non-word byte before `i` (`q`), or
            // from 0.
            let e = i;
            let Some(q) = before() else {
                if e > 0 && !future {
                    future = future_word(b, 0, e, start);
                }
                break 'clause 0;
            };
            i = q + 1;
            if e > i && !future {
                future = future_word(b, i, e, start);
            }
            let c = b[q];
            // Tested in the order of their frequency: a space first (most of the non-word bytes here, and no
            // stop), then by one table look-up the stops (a `match` on the byte became a jump table,
            // mispredicted at nearly every word), then the rest of the white space (a newline is a stop).
            let space = if c == b' ' {
                true
            } else if CLAUSE_STOP[usize::from(c)] {
                if stops(c, i) {
                    break 'clause i;
                }
                false
            } else {
                if c >= 0x80 && !latin(c, i) {
                    plain = false;
                }
                super::ascii_space(c)
            };
            if space {
                if run_end > i {
                    tails[n] = &b[i..run_end];
                    n += 1;
                    if n == tails.len() {
                        i = q;
                        break;
                    }
                }
                run_end = q;
            }
            i = q;
        }
        // The words before them: white space only splits them (and is no stop, nor non-ASCII).
        loop {
            let e = i;
            let Some(q) = before() else {
                if e > 0 && !future {
                    future = future_word(b, 0, e, start);
                }
                break 'clause 0;
            };
            i = q + 1;
            if e > i && !future {
                future = future_word(b, i, e, start);
            }
            let c = b[q];
            if CLAUSE_STOP[usize::from(c)] {
                if stops(c, i) {
                    break 'clause i;
                }
            } else if c >= 0x80 && !latin(c, i) {
                plain = false;
            }
            i = q;
        }
    };
    if run_end > c && n < tails.len() {
        tails[n] = &b[c..run_end];
    }
    Clause {
        start: c,
        plain,
        future,
        tails,
        trail: start > c && super::ascii_space(b[start - 1]),
    }
}

/// Whether the `.`, `!` or `?` at `stop`, white space after it, ends its sentence: it is no abbreviation's dot.
/// Out of line and cold: the pass of [`scan_clause`] meets few of them (68 a pass over BBC tennis, none on the
/// generated articles).
#[cold]
#[inline(never)]
fn ends_sentence(text: &str, stop: usize) -> bool {
    !is_abbreviation_dot(text, stop)
}

/// [`scan_clause`] as it was before [`non_word_bits_before`]: each run of word bytes found by [`word_run_start`], byte
/// by byte (the tests compare the two).
#[cfg(test)]
fn scan_clause_by_runs(text: &str, start: usize) -> Clause<'_> {
    let b = text.as_bytes();
    let (mut plain, mut future) = (true, false);
    let mut tails = [&b[..0]; 5];
    let mut n = 0;
    // The end of the run of non-space bytes the pass is in (its start when the pass is in white space).
    let mut run_end = start;
    let mut i = start;
    let c = loop {
        // The run of word bytes that ends at `i`.
        let e = i;
        i = word_run_start(b, i);
        if e > i && !future {
            future = future_word(b, i, e, start);
        }
        if i == 0 {
            break 0;
        }
        let c = b[i - 1];
        // Tested in the order of their frequency, by one table look-up for the stops (a `match` on the byte
        // became a jump table, mispredicted at nearly every word).
        if CLAUSE_STOP[usize::from(c)] {
            match c {
                b',' | b';' | b':' | b'(' | b'\n' => break i,
                // [`sentence_start_after`] told that the search from `i - 1` gives `i - 1`: it answers `i`
                // when the stop at `i - 1` ends a sentence (white space after it, no abbreviation), else
                // `i - 1`.
                _ if b.get(i).is_some_and(u8::is_ascii_whitespace)
                    && sentence_start_after(text, i, (i - 1, i - 1)) == i =>
                {
                    break i;
                }
                _ => {}
            }
        } else if super::ascii_space(c) {
            if run_end > i && n < tails.len() {
                tails[n] = &b[i..run_end];
                n += 1;
            }
            run_end = i - 1;
        } else if c >= 0x80
            // A non-ASCII byte: of a character other than those of U+00C0-U+017E but "ſ" (U+017F), which `\s`
            // or `(?i)` may read as white space or as an ASCII letter, it leaves the clause to the patterns.
            && !match c {
                0xC3 | 0xC4 => true,
                0xC5 => b[i] != 0xBF,
                // A continuation byte: the first byte of its character, before it, tells.
                0x80..=0xBF => true,
                _ => false,
            }
        {
            plain = false;
        }
        i -= 1;
    };
    if run_end > c && n < tails.len() {
        tails[n] = &b[c..run_end];
    }
    Clause {
        start: c,
        plain,
        future,
        tails,
        trail: start > c && super::ascii_space(b[start - 1]),
    }
}

/// The start of the run of word bytes ([`is_word_byte`]) that ends at `i` in `b`. An iterator's `rposition`,
/// without the bounds check per byte of a loop on `b[i - 1]` (most of [`scan_clause`]'s cost on the web
/// reports' long clauses). Eight bytes at a time (a word-byte mask of each, the last byte that is none found
/// by its leading zeros) cost more: the words are about four bytes long.
#[cfg(test)]
fn word_run_start(b: &[u8], i: usize) -> usize {
    b[..i]
        .iter()
        .rposition(|&c| !is_word_byte(c))
        .map_or(0, |k| k + 1)
}

/// The bytes that may end a clause in [`scan_clause`]: `,`, `;`, `:`, `(`, a newline, and `.`, `!`, `?` (when
/// they end a sentence).
static CLAUSE_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let stops = b",;:(\n.!?";
    let mut k = 0;
    while k < stops.len() {
        t[stops[k] as usize] = true;
        k += 1;
    }
    t
};

/// Bit `k`: whether byte `hi - 64 + k` of `b` is no word byte ([`is_word_byte`]): the 64 bytes before `hi`, for
/// the backward pass of [`scan_clause`]. Offsets before the text's start (where `hi < 64`) read as word bytes:
/// no bit is set for them.
#[inline(always)]
fn non_word_bits_before(b: &[u8], hi: usize) -> u64 {
    let padded;
    let block: &[u8; 64] = match hi.checked_sub(64) {
        Some(lo) => b[lo..hi].try_into().expect("64 bytes"),
        None => {
            let mut p = [b'a'; 64];
            p[64 - hi..].copy_from_slice(&b[..hi]);
            padded = p;
            &padded
        }
    };
    !word_byte_bits(block)
}

/// Bit `k`: whether `block[k]` is a word byte ([`is_word_byte`]: an ASCII letter or digit, or `_`). With SSE2
/// (every x86-64), the shared letter-or-digit test of [`super::block_word_bits`] ([`super::sse2_alnum`]) and one
/// compare for `_` per sixteen bytes, and one `pmovmskb` per sixteen ([`crate::blocks::sse2_mask`]); elsewhere
/// byte by byte.
#[inline(always)]
fn word_byte_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        crate::blocks::sse2_mask(block, |v| {
            let under = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'_' as i8));
            bitor_m128i(super::sse2_alnum(v), under)
        })
    }
    #[cfg(not(target_feature = "sse2"))]
    block
        .iter()
        .enumerate()
        .fold(0, |mask, (k, &c)| mask | u64::from(is_word_byte(c)) << k)
}

/// The last five words of a plain `clause` split at ASCII white space, the last first (empty where it has fewer),
/// and whether white space ends it: what [`scan_clause`] finds on its pass.
#[cfg(test)]
fn tail_words(clause: &[u8]) -> ([&[u8]; 5], bool) {
    let space = super::ascii_space;
    let mut out = [&clause[..0]; 5];
    let mut j = clause.len();
    for slot in &mut out {
        while j > 0 && space(clause[j - 1]) {
            j -= 1;
        }
        let e = j;
        while j > 0 && !space(clause[j - 1]) {
            j -= 1;
        }
        *slot = &clause[j..e];
        if j == 0 {
            break;
        }
    }
    (out, clause.last().is_some_and(|&c| space(c)))
}

/// Whether `w` is one of `words` (any ASCII case).
fn is_one_of(w: &[u8], words: &[&[u8]]) -> bool {
    words.iter().any(|k| w.eq_ignore_ascii_case(k))
}

/// Whether the word `w` (no white space) ends with one of `words` (any ASCII case) after a non-word byte or
/// its start: `(?-u:\b)(?:words)` at its end.
fn ends_with_word(w: &[u8], words: &[&[u8]]) -> bool {
    words.iter().any(|k| {
        w.len() >= k.len()
            && w[w.len() - k.len()..].eq_ignore_ascii_case(k)
            && (w.len() == k.len() || !is_word_byte(w[w.len() - k.len() - 1]))
    })
}

/// The determiners of [`NEXT_BEFORE`].
const NEXT_DETS: &[&[u8]] = &[b"a", b"an", b"his", b"her", b"their"];

/// [`NEXT_BEFORE`] on a plain clause ([`Clause::plain`]), read on its last words `w` (of [`tail_words`]).
fn next_before(w: &[&[u8]; 5]) -> bool {
    is_one_of(w[0], NEXT_DETS)
        && ((w[1].eq_ignore_ascii_case(b"up")
            && (ends_with_word(w[2], BOOKED)
                || ends_with_word(
                    w[2],
                    &[
                        b"sets",
                        b"setting",
                        b"set",
                        b"lined",
                        b"lines",
                        b"lining",
                        b"line",
                        b"arranges",
                        b"arrange",
                    ],
                )))
            || ends_with_word(w[1], BOOKED)
            || ends_with_word(w[1], &[b"set"]))
}

/// The verbs of [`NEXT_BEFORE`] that come before the determiner with or without "up" ("booked a", "earned
/// up a").
const BOOKED: &[&[u8]] = &[
    b"booked",
    b"books",
    b"book",
    b"booking",
    b"earned",
    b"earns",
    b"earn",
    b"secured",
    b"secures",
    b"secure",
    b"arranged",
];

/// The run of word bytes that ends `w`. For words `k` of word bytes, [`ends_with_word`]`(w, k)` is whether this
/// run is one of `k`: a match of one of them at the end of `w` after a non-word byte or its start is the whole run.
fn last_run(w: &[u8]) -> &[u8] {
    let n = w.iter().rev().take_while(|&&c| is_word_byte(c)).count();
    &w[w.len() - n..]
}

/// A word of at most eight bytes packed into a `u64` in lower case (`| 0x20` on every byte, the rest zero), to
/// compare with the keys of lower-case words ([`LEAD_KEYS`]) in one comparison each; `0` for a longer or empty
/// word. On word bytes (ASCII letters, digits, `_`) two keys are equal just when the words are equal in any
/// ASCII case: `| 0x20` folds the case of letters only, leaves digits as they are, makes `_` 0x7f (no letter),
/// and no byte of a word becomes zero.
const fn word_key(w: &[u8]) -> u64 {
    if w.len() > 8 {
        return 0;
    }
    let (mut k, mut i) = (0u64, 0);
    while i < w.len() {
        k |= ((w[i] | 0x20) as u64) << (8 * i);
        i += 1;
    }
    k
}

/// The keys ([`word_key`]) of the verbs of [`REACHED_BEFORE`] that come right before the determiner (after a
/// non-word byte or at the start of the word): "reached the", "into the".
const LEAD_KEYS: [u64; 14] = {
    let mut keys = [0; 14];
    let mut i = 0;
    while i < LEAD_WORDS.len() {
        keys[i] = word_key(LEAD_WORDS[i]);
        i += 1;
    }
    keys
};

/// The verbs of [`REACHED_BEFORE`] that come right before the determiner ("reached the", "into the").
const LEAD_WORDS: [&[u8]; 14] = [
    b"reach",
    b"reached",
    b"reaches",
    b"reaching",
    b"made",
    b"make",
    b"makes",
    b"making",
    b"into",
    b"to",
    b"join",
    b"joined",
    b"joins",
    b"joining",
];

/// [`REACHED_BEFORE`] on a plain clause ([`Clause::plain`]), read on its last words `w` (of [`tail_words`]); `trail`: white space
/// ends the clause.
fn reached_before(w: &[&[u8]; 5], trail: bool) -> bool {
    // `[a-z]+` of `[a-z]+'s`: ASCII letters only (`(?i)` folds no letter of a plain clause to one).
    let letters = |t: &[u8]| !t.is_empty() && t.iter().all(u8::is_ascii_alphabetic);
    // The verb before the determiner: `lead` and the word before it.
    let lead = |v: &[u8], before: &[u8]| {
        LEAD_KEYS.contains(&word_key(last_run(v)))
            || (v.eq_ignore_ascii_case(b"for")
                && ends_with_word(
                    before,
                    &[b"qualify", b"qualified", b"qualifies", b"qualifying"],
                ))
            || (is_one_of(v, &[b"in", b"into", b"to"])
                && ends_with_word(before, &[b"place", b"spot", b"berth", b"passage", b"way"]))
    };
    let det = |t: &[u8]| is_one_of(t, &[b"the", b"a", b"an", b"his", b"her", b"their"]);
    // One word between the determiner and the end.
    let one = |t: &[u8]| {
        (t.len() == 4 && t.iter().all(u8::is_ascii_digit))
            || is_one_of(
                t,
                &[b"first", b"second", b"third", b"maiden", b"first-ever"],
            )
            || (t.len() > 2
                && t[t.len() - 2..].eq_ignore_ascii_case(b"'s")
                && letters(&t[..t.len() - 2]))
            || cased_word(t)
    };
    (trail
        && ends_with_word(
            w[0],
            &[b"into", b"reached", b"reach", b"reaches", b"reaching"],
        ))
        || (det(w[0]) && lead(w[1], w[2]))
        || (det(w[1]) && one(w[0]) && lead(w[2], w[3]))
        || (det(w[2]) && cased_word(w[1]) && cased_word(w[0]) && lead(w[3], w[4]))
}

/// `(?i)\p{Lu}\p{L}*` of [`REACHED_BEFORE`] on the whole word `t` of a plain clause (see [`Clause::plain`]): a
/// letter that `(?i)\p{Lu}` takes (an upper-case letter or a case of one), then letters. Every ASCII letter is
/// both, and no other ASCII byte is either: the first byte that is no ASCII letter tells whether the word needs
/// [`latin_cased_word`] (one pass over the words of ASCII letters that nearly all are).
fn cased_word(t: &[u8]) -> bool {
    match t.iter().position(|c| !c.is_ascii_alphabetic()) {
        None => !t.is_empty(),
        Some(i) if t[i] < 0x80 => false,
        Some(_) => latin_cased_word(t),
    }
}

/// [`cased_word`] on a word with letters beyond ASCII. Of U+00C0-U+017E, "×" and "÷" are no letters, and "ı",
/// "ĸ" and "ŉ" are letters but no case of an upper-case one (`latin_letters_as_the_patterns` checks each
/// character against the pattern). False for a word that holds another non-ASCII character (a plain clause
/// holds none).
#[cold]
fn latin_cased_word(t: &[u8]) -> bool {
    let letter = |c: char| {
        c.is_ascii_alphabetic() || (('\u{c0}'..='\u{17e}').contains(&c) && !matches!(c, '×' | '÷'))
    };
    // The white space splits of a `str` at ASCII bytes: `t` is UTF-8.
    let Ok(t) = std::str::from_utf8(t) else {
        return false;
    };
    let mut chars = t.chars();
    chars
        .next()
        .is_some_and(|c| letter(c) && !matches!(c, 'ı' | 'ĸ' | 'ŉ'))
        && chars.all(letter)
}

/// [`ELAPSED_INTO`] on a plain clause ([`Clause::plain`]), read on its last words `w` (of [`tail_words`]).
fn elapsed_into(w: &[&[u8]; 5]) -> bool {
    is_one_of(w[0], &[b"the", b"a", b"his", b"her"])
        && w[1].eq_ignore_ascii_case(b"into")
        && ends_with_word(
            w[2],
            &[
                b"minutes", b"minute", b"hours", b"hour", b"games", b"game", b"sets", b"set",
                b"points", b"seconds", b"way",
            ],
        )
}

/// The relation of the round phrase at `start..end` to a match in its clause.
fn relation(text: &str, start: usize, end: usize) -> RoundRelation {
    let Clause {
        start: c,
        plain,
        future,
        tails: w,
        trail,
    } = scan_clause(text, start);
    let reached_after = || {
        may_reach_after(text.as_bytes(), end)
            && next_word(text, end).is_some_and(|(_, w)| REACHED_AFTER.contains(&w))
    };
    if !plain {
        // `\s` and `(?i)` reach beyond ASCII and the Latin letters: the patterns tell.
        return relation_by_patterns(&text[c..start], reached_after);
    }
    if next_before(&w) {
        return RoundRelation::Next;
    }
    if reached_before(&w, trail) {
        if elapsed_into(&w) {
            return RoundRelation::Played;
        }
        return RoundRelation::Reached;
    }
    if reached_after() {
        return RoundRelation::Reached;
    }
    if future {
        return RoundRelation::Next;
    }
    RoundRelation::Played
}

/// [`relation`] by the patterns, on a `clause` that is not plain ([`Clause::plain`]).
fn relation_by_patterns(clause: &str, reached_after: impl Fn() -> bool) -> RoundRelation {
    if NEXT_BEFORE.is_match(clause) {
        return RoundRelation::Next;
    }
    if REACHED_BEFORE.is_match(clause) {
        if ELAPSED_INTO.is_match(clause) {
            return RoundRelation::Played;
        }
        return RoundRelation::Reached;
    }
    if reached_after() {
        return RoundRelation::Reached;
    }
    if FUTURE_CLAUSE.is_match(clause) {
        return RoundRelation::Next;
    }
    RoundRelation::Played
}

/// Every round phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<RoundMention> {
    find_in(text, &super::Keywords::scan(text))
}

/// [`find`], with the keywords of `text` already found.
pub(crate) fn find_in(text: &str, keywords: &super::Keywords) -> Vec<RoundMention> {
    let mut out = Vec::new();
    find_into(text, keywords, &mut out);
    out
}

/// [`find_in`] written into `out` (cleared first).
pub(crate) fn find_into(text: &str, keywords: &super::Keywords, out: &mut Vec<RoundMention>) {
    out.clear();
    let mut found = super::take_buffer(&MATCHES);
    matches_into(text, keywords, &mut found);
    for &(start, end, ()) in &found {
        if text[..start].ends_with(['-', '/']) {
            continue;
        }
        let g = groups(&text[start..end]);
        let code = match g {
            Groups::Qualifying(q) => Some(qualifying(q)),
            Groups::RoundOf(n) => Some(last_code(n)),
            Groups::RoundNumber(_)
                if text[end..].starts_with(|c: char| {
                    c == '-'
                        || c == '.' && text[end + 1..].starts_with(|d: char| d.is_ascii_digit())
                }) =>
            {
                None
            }
            Groups::NumberRound(n) | Groups::RoundNumber(n) => numbered(n),
            Groups::Last(n) => {
                let prev = prev_word(text, start);
                let hyphen = text[start + 4..].starts_with('-');
                let counted = next_word(text, end).is_some_and(|(_, w)| {
                    LAST_COUNTED.contains(&&*ascii_lower(w))
                        || w.starts_with(|c: char| c.is_ascii_digit())
                }) || text[end..].starts_with(" of his")
                    || text[end..].starts_with(" of her")
                    || text[end..].starts_with(" of their");
                // "each of the last eight" counts things.
                let partitive = text[..start].ends_with(" of the ");
                if (prev.is_none() || prev == Some("the") || hyphen) && !counted && !partitive {
                    Some(last_code(n))
                } else {
                    None
                }
            }
            Groups::RoundRobin => Some("RR"),
            Groups::Bronze => Some("BR"),
            Groups::Quarter => Some("QF"),
            Groups::Semi => Some("SF"),
            Groups::Final => is_final_noun(text, start, end).then_some("F"),
        };
        if let Some(code) = code {
            out.push(RoundMention {
                span: Span::new(start, end),
                code,
                relation: relation(text, start, end),
            });
        }
    }
    super::give_back(&MATCHES, found);
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

/// The title pattern (verbose mode). Every match holds one of the words [`super::Keywords`] finds for titles,
/// at most eleven runs of spaces after its start.
const TITLE_PATTERN: &str = r"(?-u:\b)(?:
        (?:won|wins|win|winning|claimed|claims|claim|claiming|clinched|clinches|clinch|lifted|lifts|lift|lifting
          |captured|captures|capture|capturing|sealed|seals|secured|secures|defended|defends|defend|retained|retains
          |retain|collected|collects|bagged|landed|scooped|take|takes|took|taking)
        \x20(?:[A-Za-z0-9'-]+\x20){0,8}?(?:(?:Grand\x20Slam\x20|major\x20)?(?:title|trophy|crown|championship)|[Gg]rand\x20[Ss]lam|major)(?-u:\b)
      | (?:championship|title)\x20points?(?-u:\b)
      | crowned(?-u:\b)
      )";

/// Whether `w` is a verb that starts the first alternative of [`TITLE_PATTERN`] (as written there, case
/// included).
fn is_title_verb(w: &[u8]) -> bool {
    // Most words fail on their length or first byte before any comparison.
    if !(3..=10).contains(&w.len())
        || !matches!(w[0], b'w' | b'c' | b'l' | b's' | b'd' | b'r' | b'b' | b't')
    {
        return false;
    }
    matches!(
        w,
        b"won"
            | b"wins"
            | b"win"
            | b"winning"
            | b"claimed"
            | b"claims"
            | b"claim"
            | b"claiming"
            | b"clinched"
            | b"clinches"
            | b"clinch"
            | b"lifted"
            | b"lifts"
            | b"lift"
            | b"lifting"
            | b"captured"
            | b"captures"
            | b"capture"
            | b"capturing"
            | b"sealed"
            | b"seals"
            | b"secured"
            | b"secures"
            | b"defended"
            | b"defends"
            | b"defend"
            | b"retained"
            | b"retains"
            | b"retain"
            | b"collected"
            | b"collects"
            | b"bagged"
            | b"landed"
            | b"scooped"
            | b"take"
            | b"takes"
            | b"took"
            | b"taking"
    )
}

// Read in code since round 4 ([`title_verb_at`], [`title_word_at`]); kept for the tests until the lead removes it.
#[cfg_attr(not(test), allow(dead_code))]
static TITLE: Lazy<Anchored> = Lazy::new(|| Anchored::new("(?x)", TITLE_PATTERN));

/// Phrases saying a player won a tournament ("won her first Grand Slam title", "to lift the trophy",
/// "saved three championship points"): the match they belong to was a final.
///
/// The first keyword of a match is at most eleven spaces after its start, with only the bytes of
/// [`title_window`] between them, and the match starts at a verb of the pattern or at the keyword itself
/// ("championship point", "crowned"): the pattern runs only there.
pub(crate) fn title_phrases(text: &str) -> Vec<Span> {
    title_phrases_in(text, &super::Keywords::scan(text), |_| true)
}

/// [`title_phrases`], with the keywords of `text` already found, tried only at the keywords where `keep` says
/// yes (a match's first keyword is in the match: filtering keywords by sentence keeps the matches of the
/// sentences kept, as no match spans a sentence boundary).
pub(crate) fn title_phrases_in(
    text: &str,
    keywords: &super::Keywords,
    keep: impl Fn(usize) -> bool,
) -> Vec<Span> {
    let hits = keywords
        .starts(super::KEY_TITLE)
        .filter(|&o| keep(o))
        .map(|o| {
            (
                o,
                super::Window::Lazy(|t, o, done| title_window(t.as_bytes(), o, done)),
            )
        });
    super::find_near_in(
        text,
        hits,
        |t, p| title_at(t, p).map(|e| (e, ())),
        |b, p, o| word_start(b, p) && (p == o || is_title_verb(alnum_run(b, p))),
    )
    .into_iter()
    .map(|(s, e, ())| Span::new(s, e))
    .collect()
}

/// The end of the title phrase that starts at `p` of `t`, if one does: from its verb, or from its keyword.
fn title_at(t: &str, p: usize) -> Option<usize> {
    let b = t.as_bytes();
    let w = alnum_run(b, p);
    if is_title_verb(w) {
        title_verb_at(b, p + w.len())
    } else {
        title_word_at(b, p + w.len(), w)
    }
}

/// Where [`title_phrases_in`] starts trying the pattern for the keyword at `o`: the first word start before `o`
/// where a verb of the pattern starts, or `o` itself when there is none (then the window is that one offset, and the
/// words before the keyword are read once, here, instead of twice, back to the window's start and forward again).
///
/// Only the verbs in the run of bytes of `[A-Za-z0-9'-]` and single spaces that ends at `o`, at most eleven spaces
/// long, are looked at: a match holds only such bytes ([`title_verb_at`], [`title_tail_at`], [`title_word_at`]:
/// the pattern is ASCII, has no other byte, and puts one space between words), so one that holds `o` starts in
/// that run; and at most eleven spaces lie between a match's start and its first keyword (a verb, a space, eight
/// words each with a space, "Grand " and "Slam "). So any match whose first keyword is `o` starts at or after the
/// offset returned, at a word start that [`title_phrases_in`]'s `may_start` allows.
///
/// The look back stops at `done` (the offset below which all was tried): a verb that ends before it can start no
/// match still to find, and the start returned is then the first verb at or after it (or `o`), which leaves
/// the same word starts to try from `done` on.
fn title_window(b: &[u8], o: usize, done: usize) -> usize {
    let word = |c: u8| super::WORD[usize::from(c)];
    let mut from = o;
    let mut spaces = 0;
    // The end of the next run of letters and digits before `j` (the run at `o` may go on after it).
    let mut end = if o > 0 && word(b[o - 1]) {
        o + alnum_run(b, o).len()
    } else {
        o
    };
    let mut j = o;
    while j > done {
        let c = b[j - 1];
        if word(c) {
            // A run of letters and digits: pass it at once, then ask at its start what `may_start` asks.
            let mut s = j - 1;
            while s > 0 && word(b[s - 1]) {
                s -= 1;
            }
            if word_start(b, s) && is_title_verb(&b[s..end]) {
                from = s;
            }
            j = s;
            continue;
        }
        if c == b' ' {
            // Two spaces in a row, or a twelfth space: no match holding `o` starts before.
            spaces += 1;
            if spaces > 11 || b[j] == b' ' {
                break;
            }
        } else if c != b'\'' && c != b'-' {
            break;
        }
        end = j - 1;
        j -= 1;
    }
    from
}

/// The first alternative of [`TITLE_PATTERN`] after its verb, which ends at `q`, in code (the pattern is
/// ASCII throughout): a space, then the fewest words of `[A-Za-z0-9'-]` each followed by one space (at most
/// eight) that leave a title phrase after them. The end of the match, if any.
fn title_verb_at(b: &[u8], q: usize) -> Option<usize> {
    if b.get(q) != Some(&b' ') {
        return None;
    }
    let mut r = q + 1;
    for k in 0..=8 {
        if let Some(e) = title_tail_at(b, r) {
            return Some(e);
        }
        if k == 8 {
            break;
        }
        // `[A-Za-z0-9'-]+\x20`: the whole run, as no shorter one has a space after it.
        let run = b[r..]
            .iter()
            .position(|&c| !(c.is_ascii_alphanumeric() || c == b'\'' || c == b'-'))
            .unwrap_or(b.len() - r);
        if run == 0 || b.get(r + run) != Some(&b' ') {
            return None;
        }
        r += run + 1;
    }
    None
}

/// The end of the title phrase of [`TITLE_PATTERN`] at `r`, tried in the pattern's order: "Grand Slam " or
/// "major " then a title word, a title word, "[Gg]rand [Ss]lam", "major"; each then a word boundary.
fn title_tail_at(b: &[u8], r: usize) -> Option<usize> {
    let free = |i: usize| !b.get(i).is_some_and(|&c| super::is_word_byte(c));
    let word_at = |r: usize| {
        [&b"title"[..], b"trophy", b"crown", b"championship"]
            .iter()
            .find(|w| b[r..].starts_with(w) && free(r + w.len()))
            .map(|w| r + w.len())
    };
    let rest = &b[r..];
    if rest.starts_with(b"Grand Slam ")
        && let Some(e) = word_at(r + 11)
    {
        return Some(e);
    }
    if rest.starts_with(b"major ")
        && let Some(e) = word_at(r + 6)
    {
        return Some(e);
    }
    if let Some(e) = word_at(r) {
        return Some(e);
    }
    if rest.len() >= 10
        && matches!(rest[0], b'G' | b'g')
        && &rest[1..6] == b"rand "
        && matches!(rest[6], b'S' | b's')
        && &rest[7..10] == b"lam"
        && free(r + 10)
    {
        return Some(r + 10);
    }
    (rest.starts_with(b"major") && free(r + 5)).then_some(r + 5)
}

/// [`TITLE_PATTERN`] at a word start whose word `w` (ending at `e`) is no verb of its first alternative: only
/// `(?:championship|title)\x20points?\b` and `crowned\b` may match there. The end of the match, if any.
fn title_word_at(b: &[u8], e: usize, w: &[u8]) -> Option<usize> {
    let free = |i: usize| !b.get(i).is_some_and(|&c| super::is_word_byte(c));
    match w {
        b"crowned" => free(e).then_some(e),
        b"championship" | b"title" if b[e..].starts_with(b" point") => {
            let q = e + 6;
            if b.get(q) == Some(&b's') && free(q + 1) {
                Some(q + 1)
            } else {
                free(q).then_some(q)
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod same_tests {
    use super::*;

    /// [`find_into`] with its matches in the thread's kept buffer ([`MATCHES`]) finds what it finds on a thread
    /// whose buffer is new: every test text after all the others (in order and in reverse order: the
    /// buffer holds the matches of other texts before), the buffer empty after each text.
    #[test]
    fn find_into_with_the_kept_buffer_as_with_a_new_one() {
        crate::recognise::kept_buffer_as_new(find_into, &MATCHES);
    }

    /// [`title_phrases_in`] with its windows from [`title_window`] finds what it found with the windows of eleven
    /// runs of white space before each keyword: all phrases, and with keywords kept by segment (as by sentence:
    /// none of the bytes that end one lies in a phrase), those of the segments kept, and no phrase the old
    /// windows did not give. Every test text, and random texts of title words, verbs and separators; every
    /// keyword's window start is a word start before it or the keyword itself.
    #[test]
    fn title_window_same_as_the_runs_window() {
        let old =
            |text: &str, keywords: &crate::recognise::Keywords, keep: &dyn Fn(usize) -> bool| {
                let hits = keywords
                    .starts(crate::recognise::KEY_TITLE)
                    .filter(|&o| keep(o))
                    .map(|o| (o, 11));
                crate::recognise::find_near_at(
                    text,
                    hits,
                    |t, p| title_at(t, p).map(|e| (e, ())),
                    |b, p, o| word_start(b, p) && (p == o || is_title_verb(alnum_run(b, p))),
                )
                .into_iter()
                .map(|(s, e, ())| Span::new(s, e))
                .collect::<Vec<Span>>()
            };
        let pieces = [
            "won ",
            "won",
            "took ",
            "lift ",
            "claimed ",
            "the ",
            "a ",
            "her ",
            "first ",
            "Grand Slam ",
            "grand slam",
            "major ",
            "major",
            "title",
            "titles",
            "trophy",
            "crown",
            "crowned",
            "championship",
            " point",
            " points",
            "Slam",
            " ",
            "  ",
            ". ",
            ", ",
            "-",
            "'",
            "\n",
            "\t",
            "x",
            "_",
            "9",
            "\u{a0}",
            "é",
            "re-",
            "!",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 20000, 30, 0x1d8e_4e27_c47d_124f);
        let (mut phrases, mut dropped, mut windows) = (0, 0, 0);
        for t in &texts {
            let b = t.as_bytes();
            let keywords = crate::recognise::Keywords::scan(t);
            for o in keywords.starts(crate::recognise::KEY_TITLE) {
                let from = title_window(b, o, 0);
                assert!(from == o || (from < o && word_start(b, from)), "{t:?} {o}");
                windows += usize::from(from < o);
                // Looking back only to `done` leaves the same verbs to try from `done` on.
                let verbs = |from: usize, done: usize| {
                    (from.max(done)..o)
                        .filter(|&p| word_start(b, p) && is_title_verb(alnum_run(b, p)))
                        .collect::<Vec<usize>>()
                };
                for done in [1, o / 3, o / 2, o.saturating_sub(4), o.saturating_sub(1), o] {
                    assert_eq!(
                        verbs(title_window(b, o, done), done),
                        verbs(from, done),
                        "{t:?} {o} {done}"
                    );
                }
            }
            let all = old(t, &keywords, &|_| true);
            assert_eq!(title_phrases_in(t, &keywords, |_| true), all, "{t:?}");
            phrases += all.len();
            // The segment of each offset: how many sentence-ending bytes come before it.
            let seg = |o: usize| b[..o].iter().filter(|c| b".!?\n".contains(c)).count();
            for parity in 0..2 {
                let keep = |o: usize| seg(o) % 2 == parity;
                let was = old(t, &keywords, &keep);
                let now = title_phrases_in(t, &keywords, keep);
                let kept: Vec<Span> = was.iter().copied().filter(|s| keep(s.start)).collect();
                assert_eq!(now, kept, "{t:?} {parity}");
                dropped += was.len() - kept.len();
            }
        }
        // Phrases, verbs before keywords and phrases that only the old windows gave (in segments not kept) were seen.
        assert!(
            phrases > 5000 && windows > 5000 && dropped > 500,
            "{phrases} {windows} {dropped}"
        );
    }

    /// The matches with the windows of [`ordinal_window`] for "round" and "place" and the hit alone for the other
    /// hits are those found with the windows of two, one and no runs of white space before them (as before): every test text, and random texts of ordinals,
    /// round words and separators (Unicode white space, hyphens, doubled spaces, word bytes). Each window starts
    /// at the hit, at the old window's start or a few bytes before the hit.
    #[test]
    fn ordinal_window_same_as_the_runs_window() {
        let old = |text: &str, keywords: &crate::recognise::Keywords| {
            let b = text.as_bytes();
            let hits = keywords
                .starts(crate::recognise::KEY_ROUND)
                .map(|o| match b[o] | 0x20 {
                    b'r' => (o, 2),
                    b'p' => (o, 1),
                    _ => (o, 0),
                });
            crate::recognise::find_near_at(
                text,
                hits,
                |t, p| match final_at(t.as_bytes(), p) {
                    Some(e) => e.map(|e| (e, ())),
                    None => common_at(t.as_bytes(), p)
                        .or_else(|| RE.at(t, p))
                        .map(|e| (e, ())),
                },
                |b, p, o| {
                    word_start(b, p)
                        && if p == o {
                            may_open(b, o)
                        } else {
                            is_ordinal(alnum_run(b, p))
                        }
                },
            )
            .into_iter()
            .map(|(s, e, ())| (s, e))
            .collect::<Vec<(usize, usize)>>()
        };
        let pieces = [
            "first",
            "Second",
            "third",
            "4th",
            "1st",
            "opening",
            "final",
            "qualifying",
            "round",
            "Round",
            "place",
            "match",
            "of",
            "the",
            "qualifiers",
            "robin",
            "one",
            "16",
            "last",
            "semi",
            "x",
            "_",
            " ",
            "  ",
            "-",
            "\n",
            "\t",
            "\u{a0}",
            "\u{2003}",
            "é",
            ",",
            ". ",
            "'",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 50000, 16, 0x6a09_e667_f3bc_c908);
        let (mut found, mut before) = (0, 0);
        for t in &texts {
            let b = t.as_bytes();
            let keywords = crate::recognise::Keywords::scan(t);
            for o in keywords.starts(crate::recognise::KEY_ROUND) {
                let words = match b[o] | 0x20 {
                    b'r' => 2,
                    b'p' => 1,
                    _ => continue,
                };
                let from = ordinal_window(t, o, words);
                // At the hit, the old window, or at most 7 bytes before an ordinal's separator.
                assert!(
                    from == o
                        || from == crate::recognise::window_start(t, o, words)
                        || (from < o && o - from <= 19),
                    "{t:?} {o}"
                );
                before += usize::from(from < o);
            }
            let all = old(t, &keywords);
            assert_eq!(matches(t, &keywords), all, "{t:?}");
            found += all.len();
        }
        assert!(found > 3000 && before > 2000, "{found} {before}");
    }

    /// [`final_at`] gives what it gave when it found the word's run first, at every offset of every test text
    /// and of random texts.
    #[test]
    fn final_at_same_as_by_the_run() {
        let by_run = |b: &[u8], p: usize| {
            let w = alnum_run(b, p);
            if !matches!(w, b"final" | b"finals" | b"Final" | b"Finals") {
                return None;
            }
            let e = p + w.len();
            match b.get(e) {
                None => Some(Some(e)),
                Some(&c) if c == b'_' || c >= 0x80 => None,
                Some(b'-' | b'\t'..=b'\r' | b' ') if w.len() == 5 => {
                    let next = &b[e + 1..];
                    let starts =
                        |k: &[u8]| next.len() >= k.len() && next[..k.len()].eq_ignore_ascii_case(k);
                    if starts(b"qualifying")
                        || starts(b"round")
                        || next.first().is_some_and(|&c| c >= 0x80)
                    {
                        None
                    } else {
                        Some(Some(e))
                    }
                }
                Some(_) => Some(Some(e)),
            }
        };
        let pieces = [
            "final",
            "Final",
            "finals",
            "Finals",
            "FINAL",
            "finalist",
            "s",
            "S",
            "1",
            "_",
            " ",
            "-",
            ".",
            "é",
            "round",
            "qualifying",
            "\u{a0}",
            "\n",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 3000, 8, 0x9e37_79b9_7f4a_7c15);
        // Answers, and "final"s left to the pattern (a word byte, white space then "round" or "qualifying").
        let (mut answered, mut left) = (0, 0);
        for t in &texts {
            let b = t.as_bytes();
            for p in 0..b.len() {
                let want = by_run(b, p);
                assert_eq!(final_at(b, p), want, "{t:?} at {p}");
                answered += usize::from(want.is_some());
                left += usize::from(want.is_none() && b[p..].starts_with(b"final"));
            }
        }
        assert!(answered > 1000 && left > 1000, "{answered} {left}");
    }

    /// [`word_run_start`] gives what the byte-by-byte loop gave, at every offset of every test text and of
    /// random texts with long words, digits, `_` and bytes beyond ASCII.
    #[test]
    fn word_run_start_same_as_the_byte_loop() {
        let plain = |b: &[u8], mut i: usize| {
            while i > 0 && is_word_byte(b[i - 1]) {
                i -= 1;
            }
            i
        };
        let pieces = [
            "a",
            "Z",
            "_",
            "9",
            "semifinal",
            "quarterfinalists",
            " ",
            ",",
            "-",
            "'",
            "é",
            "\u{17f}",
            "\n",
            "@",
            "`",
            "{",
            "[",
            "/",
            ":",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 3000, 24, 0x2545_f491_4f6c_dd1d);
        let mut longer = 0;
        for t in &texts {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                let want = plain(b, i);
                assert_eq!(word_run_start(b, i), want, "{t:?} at {i}");
                longer += usize::from(i - want >= 8);
            }
        }
        // Long runs were seen.
        assert!(longer > 1000, "{longer}");
    }

    /// The keyword windows and the hand-read groups give what the capturing pattern gave.
    #[test]
    fn same_as_the_capturing_pattern() {
        let title = Regex::new(&format!("(?x){TITLE_PATTERN}")).unwrap();
        let re = Regex::new(&format!("(?x){PATTERN}")).unwrap();
        for t in &crate::recognise::all_texts() {
            let want: Vec<(usize, usize, Groups)> = re
                .captures_iter(t)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let g = |n: &str| c.name(n).map(|x| x.as_str());
                    let groups = if let Some(q) = g("qa").or(g("qb")) {
                        Groups::Qualifying(q)
                    } else if let Some(n) = g("ro") {
                        Groups::RoundOf(n)
                    } else if let Some(n) = g("nr") {
                        Groups::NumberRound(n)
                    } else if let Some(n) = g("rn") {
                        Groups::RoundNumber(n)
                    } else if let Some(n) = g("la") {
                        Groups::Last(n)
                    } else if g("rr").is_some() {
                        Groups::RoundRobin
                    } else if g("br").is_some() {
                        Groups::Bronze
                    } else if g("qf").is_some() {
                        Groups::Quarter
                    } else if g("sf").is_some() {
                        Groups::Semi
                    } else {
                        assert!(g("f").is_some());
                        Groups::Final
                    };
                    (m.start(), m.end(), groups)
                })
                .collect();
            let got: Vec<(usize, usize, Groups)> = matches(t, &crate::recognise::Keywords::scan(t))
                .into_iter()
                .map(|(s, e)| (s, e, groups(&t[s..e])))
                .collect();
            assert_eq!(got, want, "{t}");
            let want: Vec<Span> = title
                .find_iter(t)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            assert_eq!(title_phrases(t), want, "{t}");
        }
    }
}

#[cfg(test)]
mod tricky_tests {
    use super::*;

    /// Where [`may_open`] says no, the pattern has no match: every word start of the corpus and of edge cases.
    #[test]
    fn may_open_is_necessary() {
        crate::recognise::assert_necessary_at_word_starts(
            &[
                "last season, last 15, last 16, last\u{a0}16, last-Sixteen, last ſixteen, LAST EIGHT, last\tfour",
                "last thirty-two, last two, last 64, last 8, last eighth, last-32, last\u{2028}eight, last_16, lastfour",
                "round here, round of 16, round\u{a0}two, round  one, round-robin, round robin, round 4, round 5",
                "Round-Robin, round-ſ, round\tFour, round three, round-of 16, round_one, rounds, round.",
                "Group B, group stage, group-stages, group\u{2028}stage, group ſtage, groups, GROUP STAGES",
                "place in the final, third place match, place, Place, placed, semi-finalist, semi-final, semifinal",
                "semis, Semis., semi final, semi\u{a0}final, semi-finals, semi-finalſ, semi-finalsx, semiſ, semi_final",
                "quarters or semi-finals, quarter-final, quarterfinal, Quarter Finals, quarter\u{85}final, quarter-fin",
                "quarter-finalist, quarter-finals., quarter-finalſ, semi-f, semi-, quarter",
            ],
            may_open,
            |t, p| RE.at(t, p),
        );
    }

    /// Where [`common_at`] answers, it answers as the pattern: at every word start of the corpora and of random
    /// texts made of the pieces of its forms and their near misses.
    #[test]
    fn common_at_same_as_the_pattern() {
        let pieces = [
            "first",
            "Second",
            "third",
            "FOURTH",
            "1st",
            "2nd",
            "4th",
            "opening",
            "final",
            "last",
            "quarter",
            "Semi",
            "semi",
            "round",
            "Round",
            "rounds",
            "of",
            "Of",
            "the",
            "qualifying",
            "place",
            "final",
            "finals",
            "Finals",
            "finalist",
            "s",
            "S",
            "16",
            "164",
            "sixteen",
            "32",
            "thirty-two",
            "64",
            "eight",
            "8",
            "four",
            "fourth",
            "1",
            "first round",
            "second-round",
            "opening round ",
            "3rd round",
            " round of ",
            "last 16",
            "last-eight",
            "last four",
            "quarter-final",
            "quarterfinals",
            "Quarter Finals",
            "semi-final",
            "semifinals",
            "semis",
            " the ",
            "round\u{a0}",
            "first ",
            "last ",
            "semi ",
            "quarter-",
        ];
        let answered =
            crate::recognise::reader_agrees(&pieces, 100_000, common_at, |t, p| RE.at(t, p));
        assert!(answered > 10_000, "{answered}");
    }

    /// The code of the title pattern answers as the anchored pattern at every word start of the corpora.
    #[test]
    fn title_code_same_as_the_anchored_pattern() {
        for t in &crate::recognise::all_texts() {
            let b = t.as_bytes();
            for p in (0..b.len()).filter(|&p| word_start(b, p)) {
                let w = alnum_run(b, p);
                let got = if is_title_verb(w) {
                    title_verb_at(b, p + w.len())
                } else {
                    title_word_at(b, p + w.len(), w)
                };
                assert_eq!(got, TITLE.at(t, p), "{t}: {p}");
            }
        }
    }

    /// The packed keys of the lead verbs ([`LEAD_KEYS`]) answer as [`ends_with_word`] on the words.
    #[test]
    fn lead_keys_same_as_ends_with_word() {
        let words = LEAD_WORDS;
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for w in &words {
            for pre in [&b""[..], b"(", b"x", b"'", b"-", b"_", b"1", b"\xc3\xa9"] {
                for suf in [&b""[..], b"s", b"_", b"."] {
                    let mut v = [pre, w, suf].concat();
                    cases.push(v.clone());
                    v.make_ascii_uppercase();
                    cases.push(v);
                }
            }
        }
        // Pseudo-random words over a small alphabet that reaches the keys' bytes, case and boundaries.
        let alphabet = b"reachdmkingtojsoREACHDMKINGTOJSO_-'(19";
        let mut x: u32 = 12345;
        for _ in 0..20_000 {
            let mut v = Vec::new();
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            for _ in 0..(x >> 16) % 12 {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                v.push(alphabet[(x >> 16) as usize % alphabet.len()]);
            }
            cases.push(v);
        }
        for v in &cases {
            assert_eq!(
                LEAD_KEYS.contains(&word_key(last_run(v))),
                ends_with_word(v, &words),
                "{:?}",
                String::from_utf8_lossy(v)
            );
        }
    }

    /// Edge cases of the start tests of [`matches`] and [`title_phrases`]: the same as the plain patterns.
    #[test]
    fn same_as_the_plain_patterns() {
        let re = Regex::new(&format!("(?x){PATTERN}")).unwrap();
        let title = Regex::new(&format!("(?x){TITLE_PATTERN}")).unwrap();
        let texts = [
            "the third place match, third-place play-off, Third\u{2028}place playoff, THIRD PLACE MATCH",
            "2nd round of the qualifying, 1st-round, Opening round, FOURTH round, 4th\u{a0}round, xfirst round",
            "last\u{2028}16, last-Sixteen, the last  eight, last eight, last-4, Last 32, last\tThirty-two, lastfour",
            "final qualifying round, second qualifying-round, first\u{85}qualifying\u{85}round, round robin",
            "Round-of 16, round\u{a0}two, xround one, semi_final, _final, quarter final, Quarter-Finals, semis",
            "bronze medal match, group stages, round of 128, final round of qualifiers, opening-round, finals",
            "he had won a first title, take home the trophy, won his 20th Grand Slam title, Won the title",
            "takes the crown, they won the first-ever major, championship points saved, was crowned, won a slam",
            "won the a b c d e f g h title, won the a b c d e f g h i title, won x  title, taking-the title",
            "title points, title pointsx, title point_, championship point, title  points, crowned_, crowned",
            "won a b c d e f g h title, won a b c d e f g h i title, won a-b 'c d4 title, won  title, won x_y title",
            "won the Grand Slam title, won the Grand Slam, won the grand slam, won a major, won a major title, won a majorx",
            "won the Grand Slam trophy, won Grand Slam crowns, won the crown, took the championship, won \u{e9} title",
            "won the Grand Slam titles, won the Grand  Slam title, won the major  title, won it; title, won. title",
            "final, finals, Final: the FINAL, final_, finals_, final-round, final qualifying round, Final Round of qualifiers",
            "final\u{a0}round of qualifying, final\u{2028}qualifying round, final-\u{e9}, finalround, final  round of qualifying",
            "the final ROUND OF QUALIFYING, final-Qualifying-Round, finals round, Finals qualifying round, final",
            "Crowned, title-points, title point, titles point, trophy points, Grand Slam title point, crownedx",
        ];
        for t in texts.map(|t| crate::normalise::Normalised::new(t).text) {
            let want: Vec<(usize, usize)> =
                re.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(
                matches(&t, &crate::recognise::Keywords::scan(&t)),
                want,
                "{t}"
            );
            let want: Vec<Span> = title
                .find_iter(&t)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            assert_eq!(title_phrases(&t), want, "{t}");
        }
    }
}

#[cfg(test)]
mod title_tests {
    use super::title_phrases;

    #[test]
    fn finds_title_wins() {
        let t = "Keys won her first Grand Slam title after saving two championship points.";
        let got: Vec<&str> = title_phrases(t)
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            vec!["won her first Grand Slam title", "championship points"]
        );
        assert!(title_phrases("He won the first set and the second.").is_empty());
    }
}

#[cfg(test)]
mod relation_tests {
    use super::*;

    /// Compares the byte code of [`relation`] at `pos` of `text` with the plain patterns on the text from the
    /// sentence start (as [`relation`] once ran them) and on the clause.
    fn check(text: &str, pos: usize) -> [bool; 4] {
        let before = &text[sentence_start(text, pos)..pos];
        let want = match before.rfind([',', ';', ':', '(']) {
            Some(i) => pos - before.len() + i + 1,
            None => pos - before.len(),
        };
        let got = scan_clause(text, pos);
        let (c, ascii, got_future) = (got.start, got.plain, got.future);
        let clause = &text[c..pos];
        // Plain: ASCII, but for characters of U+00C0-U+017E (not "ſ").
        let plain = clause
            .chars()
            .all(|ch| ch.is_ascii() || ('\u{c0}'..='\u{17e}').contains(&ch));
        assert_eq!((c, ascii), (want, plain), "{pos}: {text:?}");
        let next = NEXT_BEFORE.is_match(before);
        let reached = REACHED_BEFORE.is_match(before);
        let elapsed = ELAPSED_INTO.is_match(before);
        let future = FUTURE_CLAUSE.is_match(clause);
        let (w, trail) = tail_words(clause.as_bytes());
        // The words found on the pass are those of a second pass over the clause.
        assert_eq!((got.tails, got.trail), (w, trail), "tails: {clause:?}");
        if ascii {
            assert_eq!(next_before(&w), next, "next: {before:?}");
            assert_eq!(reached_before(&w, trail), reached, "reached: {before:?}");
            assert_eq!(elapsed_into(&w), elapsed, "elapsed: {before:?}");
            assert_eq!(got_future, future, "future: {clause:?}");
        } else {
            assert_eq!(NEXT_BEFORE.is_match(clause), next, "next: {before:?}");
            assert_eq!(
                REACHED_BEFORE.is_match(clause),
                reached,
                "reached: {before:?}"
            );
            assert_eq!(
                ELAPSED_INTO.is_match(clause),
                elapsed,
                "elapsed: {before:?}"
            );
        }
        [next, reached, elapsed, future]
    }

    /// Every word start of every test text and of the BBC tennis articles (when present).
    #[test]
    fn same_as_the_plain_patterns_on_the_corpus() {
        let mut texts = crate::recognise::all_texts();
        if let Ok(dir) = std::fs::read_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/bbcsport/tennis"
        )) {
            let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    texts.push(crate::normalise::Normalised::new(&t).text);
                }
            }
        }
        // How often each pattern matched: the test must see every one match.
        let mut seen = [0; 4];
        for t in &texts {
            let b = t.as_bytes();
            for pos in (0..=b.len()).filter(|&p| p == 0 || b[p - 1] == b' ' || b[p - 1] == b'\n') {
                for (n, hit) in seen.iter_mut().zip(check(t, pos)) {
                    *n += usize::from(hit);
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
        eprintln!("{} texts, matches {seen:?}", texts.len());
    }

    /// Edge cases: every prefix of each string, and some of their suffixes.
    #[test]
    fn same_as_the_plain_patterns_on_tricky_strings() {
        let texts = [
            "He'll face the, it'll, 'll x, _'ll, 'LL, x'll_ then SET UP A",
            "\u{17f}et up a \u{17f}et up his SET\u{a0}UP\u{2028}THEIR set  up  an   booked a",
            "reached the  into  qualified for the Australian Open qualif\u{212a}ying for the \u{c9}tienne Big",
            "way into the, minutes into a, MINUTE\tINTO HIS, place in the 2019 spot into their maiden",
            "is set  to, due to, due\u{85}to, x_will will_ will- -will WILL, going too, going to, setto, Set to",
            "berth in her first-ever, passage to the Ana's, made his Roland Garros, joins a \u{c9}mile Z\u{e9}",
            "scheduled\tto next_ potentially, awaits await meets meet faces face plays shall Shall",
            "lined up her lines up a lining up their book his earns an arranged a, set her, secure their",
            "reached the 2008 Wimbledon  , made the second, into their Big Four, to a first-ever, reach  ",
            "join the Ana's, reaching\x0b, into\x0cthe, reached\u{a0}the\u{a0}, to THE K\u{212a}x, TO AN, set HIS ",
            "x-into the, _into the, 2into a, reached\nthe, Dr. into the, Mr. reached the. Into the! to the? x",
            "reached the big apple pie, into the ab's, into the 'ab's, to the 12345, to a 123, onto the, upset up a",
            "reach\x0b\x0b, made THE ATP, qualifies  for her, way  in  the, spot-in the, place_in the, Qualify for",
            "hours into the, game into a, way into his, upsets into the, set\tup\ta, reset up an, upset a, sets a",
            "J\u{fc}rgen Vuki\u{107} and No\u{e9} S\u{f8}rensen then set up a, \u{d8}rsted a b c d will reach the",
            "\u{17f}et x y z w v set up a, \u{17f} a b c d e will, \u{212a} a b c d e f go, \u{e9}will a b c d e f",
            "Ji\u{159}\u{ed} a b c d going\u{a0}to the, \u{c9}x\u{a0}y z w v u reached the, \u{e9}'ll a b c d e f",
            "\u{141}\u{f3}d\u{17a} x y z w reached the, \u{c0}set to a b c d e, y\u{e9}set to x y z w v into the",
        ];
        for t in texts {
            for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                check(&t[..i], i);
                for (j, _) in t[..i].char_indices().filter(|&(j, _)| j % 7 == 0) {
                    check(&t[j..i], i - j);
                }
            }
        }
    }

    /// Clauses of random words that mix Latin letters (of the plain clauses and "ſ", "ı", "×"), the Kelvin sign,
    /// curly quotes, dashes and non-ASCII white space with the words of the patterns, each ending a text: the
    /// byte code on the plain ones, and [`relation`], tell what the patterns tell.
    #[test]
    fn same_as_the_plain_patterns_on_random_latin_clauses() {
        let words = [
            "reached",
            "the",
            "into",
            "set",
            "up",
            "a",
            "his",
            "for",
            "qualified",
            "way",
            "minutes",
            "will",
            "'ll",
            "to",
            "due",
            "M\u{fc}llner",
            "\u{c9}ric",
            "\u{d8}rsted",
            "Vuki\u{107}",
            "\u{df}x",
            "\u{f8}",
            "\u{131}x",
            "x\u{131}",
            "\u{138}",
            "\u{149}a",
            "\u{17f}et",
            "\u{d7}",
            "a\u{f7}",
            "\u{212a}",
            "boo\u{212a}ed",
            "\u{2019}s",
            "ab\u{2019}s",
            "Ana's",
            "\u{e9}'s",
            "\u{2013}",
            "x\u{2014}",
            "\u{a0}",
            "\u{3000}",
            "\u{201c}",
            "through",
            "Pe\u{f1}a",
            "2019",
            "first-ever",
            "place",
            "in",
            "",
            " ",
            "\t",
            "\u{e9}will",
            "will\u{e9}",
            "\u{e0}into",
            "th\u{e9}",
            "\u{c0}",
            "\u{17e}",
        ];
        // Mostly words then a space; some glued to the next piece.
        let pieces: Vec<String> = words
            .iter()
            .flat_map(|w| [format!("{w} "), format!("{w} "), w.to_string()])
            .collect();
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut counts = [0usize; 3];
        for t in crate::recognise::random_texts(&pieces, 40_000, 6, 19) {
            let hits = check(&t, t.len());
            let plain = scan_clause(&t, t.len()).plain;
            counts[usize::from(plain)] += 1;
            counts[2] += usize::from(plain && hits[1] && !t.is_ascii());
            // The relation itself, against the patterns on the clause (no round phrase follows: no word after).
            let clause = &t[scan_clause(&t, t.len()).start..];
            assert_eq!(
                relation(&t, t.len(), t.len()),
                relation_by_patterns(clause, || false),
                "{t:?}"
            );
        }
        // Both kinds of clause, and plain ones with Latin letters that the reached pattern matches, are seen.
        assert!(counts.iter().all(|&n| n > 500), "{counts:?}");
    }

    /// [`word_byte_bits`] tells what [`is_word_byte`] tells of every byte value at every place of a block, and of
    /// random blocks; [`non_word_bits_before`] of a text shorter than a block sets no bit before its start.
    #[test]
    fn word_byte_bits_as_byte_by_byte() {
        let by_bytes = |block: &[u8; 64]| {
            (0..64).fold(0u64, |m, k| m | u64::from(is_word_byte(block[k])) << k)
        };
        for c in 0..=255u8 {
            for k in 0..64 {
                let mut block = [b' '; 64];
                block[k] = c;
                assert_eq!(word_byte_bits(&block), by_bytes(&block), "{c} at {k}");
                let mut block = [b'x'; 64];
                block[k] = c;
                assert_eq!(word_byte_bits(&block), by_bytes(&block), "{c} at {k}");
            }
        }
        let mut seed = 0x853c_49e6_748f_ea9bu64;
        for _ in 0..20_000 {
            let block: [u8; 64] =
                std::array::from_fn(|_| (super::super::xorshift(&mut seed) >> 24) as u8);
            assert_eq!(word_byte_bits(&block), by_bytes(&block), "{block:?}");
        }
        let t = b" ab_9,\xe9 z";
        for hi in 0..=t.len() {
            let want = (0..hi).fold(0u64, |m, j| {
                m | u64::from(!is_word_byte(t[j])) << (64 - hi + j)
            });
            assert_eq!(non_word_bits_before(t, hi), want, "{hi}");
        }
    }

    /// [`scan_clause`] (the non-word bytes found by their mask) reads what [`scan_clause_by_runs`] (each run of
    /// word bytes passed byte by byte) read: at every character boundary of every test text, of the BBC tennis
    /// articles (when present), and of random texts of long words, stops, abbreviations, white space and
    /// characters beyond ASCII, that put clause starts on both sides of block edges and near the text start.
    #[test]
    fn scan_clause_same_as_by_runs() {
        let mut texts = crate::recognise::all_texts();
        if let Ok(dir) = std::fs::read_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/bbcsport/tennis"
        )) {
            let mut paths: Vec<_> = dir.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    texts.push(crate::normalise::Normalised::new(&t).text);
                }
            }
        }
        let pieces = [
            "will ",
            "set to ",
            "reached the ",
            "into ",
            "'ll ",
            "a",
            "quarterfinalists",
            "x_y",
            "2019",
            " ",
            "  ",
            "\t",
            "\n",
            ", ",
            "; ",
            ": ",
            "(",
            ". ",
            "! ",
            "? ",
            "Mr. ",
            "U.S. ",
            "3.5 ",
            ".",
            "\u{e9}",
            "\u{17f}",
            "\u{a0}",
            "\u{2019}s ",
            "Vuki\u{107} ",
            "-",
            "_",
            "'",
        ];
        texts.extend(crate::recognise::random_texts(
            &pieces,
            20_000,
            24,
            0x2545_f491_4f6c_dd1d,
        ));
        let mut seen = [0usize; 4];
        for t in &texts {
            for p in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                let (got, want) = (scan_clause(t, p), scan_clause_by_runs(t, p));
                assert_eq!(
                    (got.start, got.plain, got.future, got.tails, got.trail),
                    (want.start, want.plain, want.future, want.tails, want.trail),
                    "{t:?} at {p}"
                );
                seen[0] += usize::from(p - want.start > 64);
                seen[1] += usize::from(want.start == 0 && p > 0);
                seen[2] += usize::from(!want.plain);
                seen[3] += usize::from(want.future);
            }
        }
        assert!(seen.iter().all(|&n| n > 1000), "{seen:?}");
    }

    /// [`cased_word`] on every word of one to three characters of U+0080-U+017F, ASCII letters, a digit and
    /// `'`, against `(?i)\p{Lu}\p{L}*` (on the words of plain clauses: of ASCII and U+00C0-U+017E but "ſ").
    #[test]
    fn latin_letters_as_the_patterns() {
        let word = Regex::new(r"^(?i)\p{Lu}\p{L}*$").expect("word pattern");
        let mut chars: Vec<char> = ('\u{80}'..='\u{17f}').collect();
        chars.extend(['a', 'K', 'z', 'Z', 's', '1', '\'', '_']);
        let in_plain = |c: char| c.is_ascii() || ('\u{c0}'..='\u{17e}').contains(&c);
        let mut seen = [0; 2];
        for &a in &chars {
            for &b in chars.iter().step_by(3) {
                for w in [
                    a.to_string(),
                    format!("{a}{b}"),
                    format!("{b}{a}x"),
                    format!("x{a}{b}"),
                ] {
                    let want = word.is_match(&w);
                    if w.chars().all(in_plain) {
                        assert_eq!(cased_word(w.as_bytes()), want, "{w:?}");
                        seen[usize::from(want)] += 1;
                    } else {
                        // Outside the plain clauses: false, not the pattern's answer.
                        assert!(!cased_word(w.as_bytes()), "{w:?}");
                    }
                }
            }
        }
        assert!(!cased_word(b""));
        assert!(seen.iter().all(|&n| n > 1000), "{seen:?}");
    }

    /// [`may_be_one_of`] is a necessary condition: every word of a table built by [`lengths_by_first_byte`], in
    /// any case, passes it, at every offset of the corpus and of random texts.
    #[test]
    fn first_byte_lengths_are_necessary() {
        let words: [&[u8]; 6] = [b"first", b"1st", b"Opening", b"will", b"ll", b"scheduled"];
        let lengths = lengths_by_first_byte(&words);
        let texts = crate::recognise::all_texts_and_random(
            &[
                "FIRST First_ 1ST 1st2 opening Openings fourth4 x_first firstx WILL 'll LL Scheduled scheduledx",
            ],
            &[
                "first",
                "1st",
                "Opening",
                "will",
                "ll",
                "scheduled",
                "x",
                "_",
                " ",
                "-",
                "\u{e9}",
                "2",
            ],
            12,
        );
        let mut hits = 0;
        for t in &texts {
            let b = t.as_bytes();
            for s in 0..b.len() {
                for e in s..b.len().min(s + 12) {
                    let w = &b[s..e];
                    if words.iter().any(|k| w.eq_ignore_ascii_case(k)) {
                        hits += 1;
                        assert!(may_be_one_of(&lengths, w), "{s} {e} {t}");
                    }
                }
            }
        }
        assert!(hits > 10_000, "{hits}");
        assert!(!may_be_one_of(&lengths, b""));
    }

    /// [`ordinal_word`] tells what [`first_word`] told of the matches of `qa`, `qb` and `nr`: every ordinal (and
    /// "final") in two cases, then each separator (ASCII or Unicode white space, a hyphen), then the rest.
    #[test]
    fn ordinal_word_as_first_word() {
        // Every ordinal match's first word: an ordinal, then a hyphen or white space (ASCII or not), then more.
        let mut seen = 0;
        for o in ORDINALS.iter().chain(&[&b"final"[..]]) {
            let o = std::str::from_utf8(o).expect("ASCII");
            for sep in ["-", " ", "\t", "\u{a0}", "\u{2028}", "\u{3000}"] {
                for rest in ["round", "Qualifying round", "round of qualifying"] {
                    for w in [o.to_string(), o.to_ascii_uppercase()] {
                        let t = format!("{w}{sep}{rest}");
                        assert_eq!(ordinal_word(&t), first_word(&t), "{t:?}");
                        seen += 1;
                    }
                }
            }
        }
        assert!(seen > 100, "{seen}");
    }

    /// [`after_det_like`] and [`may_reach_after`] are necessary conditions: at every offset of the corpus and of
    /// edge cases where [`prev_word`] gives "and", "one", "her", "his" or "their", or [`next_word`] a word of
    /// [`REACHED_AFTER`], they say yes.
    #[test]
    fn word_checks_are_necessary() {
        let texts = crate::recognise::all_texts_and(&[
            "and final, one  final, her\u{a0}final, x-his final, their_final, 'their final, Sand final",
            "final place, final  spot, final\u{a0}berth, final-ticket, final slot, finalplace, final  ",
            "the semi-final appearance x, final  Place, final \u{e9}place, final place-y",
        ]);
        let mut hits = (0, 0);
        for t in &texts {
            let b = t.as_bytes();
            for p in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                if prev_word(t, p)
                    .is_some_and(|w| matches!(w, "and" | "one" | "her" | "his" | "their"))
                {
                    hits.0 += 1;
                    assert!(after_det_like(t, p), "{p} {t}");
                }
                if next_word(t, p).is_some_and(|(_, w)| REACHED_AFTER.contains(&w)) {
                    hits.1 += 1;
                    assert!(may_reach_after(b, p), "{p} {t}");
                }
            }
        }
        assert!(hits.0 > 10 && hits.1 > 5, "{hits:?}");
    }
}

#[cfg(test)]
mod letters_tests {
    use super::*;

    /// The case-blind tests as they were: `eq_ignore_ascii_case` on the slice of `t` (the reference of
    /// `letters_as_eq_ignore_ascii_case`).
    fn starts_ci_before(t: &[u8], k: &[u8]) -> bool {
        t.len() >= k.len() && t[..k.len()].eq_ignore_ascii_case(k)
    }

    fn ends_ci_before(t: &[u8], k: &[u8]) -> bool {
        t.len() >= k.len() && t[t.len() - k.len()..].eq_ignore_ascii_case(k)
    }

    /// One key `k`: every text made of `k` with one byte replaced by each of the 256 byte values, in upper and
    /// lower case, cut short and run on by a byte, compared at the start, at the end and at an offset.
    fn check<const N: usize>(k: &[u8; N]) {
        let mut texts: Vec<Vec<u8>> = vec![Vec::new(), k.to_vec(), k.to_ascii_uppercase()];
        for i in 0..N {
            for c in 0..=255u8 {
                let mut t = k.to_vec();
                t[i] = c;
                texts.push(t.clone());
                texts.push(t.to_ascii_uppercase());
            }
        }
        for t in texts.clone() {
            texts.push(t[..t.len().saturating_sub(1)].to_vec());
            texts.push([&t[..], b"x"].concat());
            texts.push([b"x", &t[..]].concat());
        }
        let mut hits = 0;
        for t in &texts {
            assert_eq!(starts_ci(t, k), starts_ci_before(t, k), "{t:?} {k:?}");
            assert_eq!(ends_ci(t, k), ends_ci_before(t, k), "{t:?} {k:?}");
            for i in 0..=t.len() + 1 {
                let want = t.get(i..).is_some_and(|r| starts_ci_before(r, k));
                assert_eq!(letters_at(t, i, k), want, "{t:?} {k:?} at {i}");
            }
            hits += usize::from(starts_ci(t, k));
        }
        // The key in both cases, and each byte replaced by either case of its letter (in lower and upper case),
        // as they are and run on by a byte: no other text starts with the key.
        assert_eq!(hits, 2 * (2 + 4 * N), "{k:?}");
    }

    /// [`future_word`] (its first-byte and length test inline, [`future_word_compared`] out of line) on words
    /// of a clause that ends at the text's end.
    #[test]
    fn future_word_values() {
        let at = |t: &str, w: &str| {
            let s = t.find(w).expect("word");
            future_word(t.as_bytes(), s, s + w.len(), t.len())
        };
        assert!(at("he will play", "will"));
        assert!(at("Potentially a", "Potentially"));
        assert!(at("she'll face", "ll"));
        assert!(at("set to meet", "set"));
        assert!(at("is due\tTO", "due"));
        assert!(!at("'ll be", "ll"));
        assert!(!at("set top", "set"));
        assert!(!at("set to", "to"));
        assert!(!at("with whom", "with"));
        assert!(!at("scheduled", "scheduled"));
        assert!(!at("going", "going"));
    }

    /// [`future_word_compared`] (keys from one load) as [`future_word_by_lists`] on every run of word bytes of
    /// random texts of the future words in mixed case, their neighbours and separators, at every place (a load
    /// of eight bytes or the byte loop near the end).
    #[test]
    fn future_word_compared_as_by_lists() {
        let pieces = [
            "will",
            "WiLL",
            "shall",
            "faces",
            "Face",
            "meets",
            "meet",
            "awaits",
            "await",
            "plays",
            "next",
            "potentially",
            "POTENTIALLY",
            "set",
            "due",
            "scheduled",
            "Scheduled",
            "going",
            "ll",
            "to",
            "To",
            "wil",
            "wills",
            "sets",
            "setto",
            "nexts",
            "potential",
            "schedule",
            "x",
            "_",
            "9",
            " ",
            "  ",
            "\t",
            "'",
            "-",
            ".",
            "\u{e9}",
        ];
        let (mut runs, mut yes) = (0, 0);
        for t in crate::recognise::random_texts(&pieces, 20_000, 8, 0x9e37_79b9_7f4a_7c15) {
            let b = t.as_bytes();
            let mut s = 0;
            while s < b.len() {
                if !is_word_byte(b[s]) {
                    s += 1;
                    continue;
                }
                let e = s + b[s..].iter().take_while(|&&c| is_word_byte(c)).count();
                for end in [e, (e + 3).min(b.len()), b.len()] {
                    let want = future_word_by_lists(b, s, e, end);
                    assert_eq!(
                        future_word_compared(b, s, e, end),
                        want,
                        "{t:?} {s}..{e} {end}"
                    );
                    runs += 1;
                    yes += usize::from(want);
                }
                s = e;
            }
        }
        assert!(runs > 100_000 && yes > 5_000, "{runs} {yes}");
    }

    /// [`ends_sentence`] on stops that end a sentence and dots of abbreviations.
    #[test]
    fn ends_sentence_values() {
        let t = "He won. Then No. 1 and Mr. Nadal at the U.S. Open! Yes? And 6-4. x";
        let at = |k: &str| t.find(k).expect("in the text") + k.len() - 1;
        assert!(ends_sentence(t, at("won.")));
        assert!(!ends_sentence(t, at("No.")));
        assert!(!ends_sentence(t, at("Mr.")));
        assert!(!ends_sentence(t, at("U.S.")));
        assert!(ends_sentence(t, at("Open!")));
        assert!(ends_sentence(t, at("Yes?")));
        assert!(ends_sentence(t, at("6-4.")));
    }

    /// [`starts_ci`], [`ends_ci`] and [`letters_at`] answer as `eq_ignore_ascii_case` did for every key they are
    /// given.
    #[test]
    fn letters_as_eq_ignore_ascii_case() {
        check(b"round");
        check(b"robin");
        check(b"of");
        check(b"last");
        check(b"group");
        check(b"bronze");
        check(b"third");
        check(b"quarter");
        check(b"semi");
        check(b"final");
        check(b"qualifying");
    }
}
