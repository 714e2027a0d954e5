//! World and national rankings: "world No 1", "world number 46", "ranked 91st in the world", "tenth-ranked",
//! "back up to 31st", "from 204th ... to 40th", "former world number one", "British number one".
//! Corpus: `tests/corpus/ranking.jsonl`.
//!
//! Also home of the small number and context helpers the seed recogniser shares.

use super::{
    Anchored, Branches, PlayerSide, Span, Window, alnum_run, ascii_lower, find_near_into,
    word_start,
};
use crate::lexicon;
use crate::model::RankingKind;
use once_cell::sync::Lazy;
use regex::Regex;

/// A ranking phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RankMention {
    pub span: Span,
    pub rank: u32,
    pub kind: RankingKind,
    pub side: PlayerSide,
}

/// Cardinal number words, "one" to "ninety-nine".
pub(crate) const CARD_WORDS: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

/// Ordinal number words, "first" to "ninety-ninth".
pub(crate) const ORD_WORDS: &str = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";

/// Ordinals in digits: "1st", "31st", "204th".
pub(crate) const ORD_DIGITS: &str = "[0-9]{1,4}(?:st|nd|rd|th)";

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// The ordinals of the list above, for the tests: [`small_word`] and [`tens_word`] read them in a `match`.
#[cfg(test)]
const UNIT_ORDS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// The ordinals of the list above, for the tests: [`small_word`] and [`tens_word`] read them in a `match`.
#[cfg(test)]
const TEN_ORDS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// `w` in ASCII lower case, in a buffer on the stack, when it has at most 12 bytes (every number word of
/// [`UNITS`], [`UNIT_ORDS`], [`TENS`] and [`TEN_ORDS`] has fewer): the number words are told by one `match`
/// on it, not by a walk through the lists (asked about every seed and ranking).
fn lower_short(w: &str) -> Option<([u8; 12], usize)> {
    let n = w.len();
    if n > 12 {
        return None;
    }
    let mut buf = [0u8; 12];
    buf[..n].copy_from_slice(w.as_bytes());
    buf[..n].make_ascii_lowercase();
    Some((buf, n))
}

/// The value of a unit word ("one", "ninth"; any ASCII case): its index in [`UNITS`] or [`UNIT_ORDS`].
fn small_word(w: &str) -> Option<u32> {
    let (buf, n) = lower_short(w)?;
    Some(match &buf[..n] {
        b"zero" | b"zeroth" => 0,
        b"one" | b"first" => 1,
        b"two" | b"second" => 2,
        b"three" | b"third" => 3,
        b"four" | b"fourth" => 4,
        b"five" | b"fifth" => 5,
        b"six" | b"sixth" => 6,
        b"seven" | b"seventh" => 7,
        b"eight" | b"eighth" => 8,
        b"nine" | b"ninth" => 9,
        b"ten" | b"tenth" => 10,
        b"eleven" | b"eleventh" => 11,
        b"twelve" | b"twelfth" => 12,
        b"thirteen" | b"thirteenth" => 13,
        b"fourteen" | b"fourteenth" => 14,
        b"fifteen" | b"fifteenth" => 15,
        b"sixteen" | b"sixteenth" => 16,
        b"seventeen" | b"seventeenth" => 17,
        b"eighteen" | b"eighteenth" => 18,
        b"nineteen" | b"nineteenth" => 19,
        _ => return None,
    })
}

/// The value of a tens word ("twenty", "thirtieth"; any ASCII case): from its index in [`TENS`] or
/// [`TEN_ORDS`].
fn tens_word(w: &str) -> Option<u32> {
    let (buf, n) = lower_short(w)?;
    Some(match &buf[..n] {
        b"twenty" | b"twentieth" => 20,
        b"thirty" | b"thirtieth" => 30,
        b"forty" | b"fortieth" => 40,
        b"fifty" | b"fiftieth" => 50,
        b"sixty" | b"sixtieth" => 60,
        b"seventy" | b"seventieth" => 70,
        b"eighty" | b"eightieth" => 80,
        b"ninety" | b"ninetieth" => 90,
        _ => return None,
    })
}

/// The value of a number as written: "46", "31st", "one", "ninth", "twenty-first", "top" (1).
///
/// Reads `s` in place, any ASCII case (no lower-case copy): asked about every ranking and seed.
pub(crate) fn number_value(s: &str) -> Option<u32> {
    let w = s.trim();
    if w.eq_ignore_ascii_case("top") {
        return Some(1);
    }
    let b = w.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let rest = &b[digits..];
        if !(rest.is_empty()
            || [&b"st"[..], b"nd", b"rd", b"th"]
                .iter()
                .any(|x| rest.eq_ignore_ascii_case(x)))
        {
            return None;
        }
        // As `str::parse::<u32>`: `None` on overflow. Ranks and seeds start at 1: "seeded 0" is no seed.
        let mut n: u32 = 0;
        for &c in &b[..digits] {
            n = n.checked_mul(10)?.checked_add(u32::from(c - b'0'))?;
        }
        return (n > 0).then_some(n);
    }
    if let Some((t, u)) = w.split_once('-') {
        let t = tens_word(t)?;
        let u = small_word(u).filter(|&u| (1..10).contains(&u))?;
        return Some(t + u);
    }
    small_word(w).or_else(|| tens_word(w)).filter(|&v| v > 0)
}

/// True when `s` is written as a cardinal number ("46", "eight"), not an ordinal ("46th", "eighth").
pub(crate) fn is_cardinal(s: &str) -> bool {
    let w = ascii_lower(s);
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let last = w.rsplit('-').next().unwrap_or(&w);
    UNITS.contains(&last) || TENS.contains(&last)
}

/// Byte offset where the sentence holding `pos` starts (after the last full stop, `!`, `?` or newline).
/// Dots of abbreviations ("No.", "U.S.", "Mr.") do not end a sentence.
pub(crate) fn sentence_start(text: &str, pos: usize) -> usize {
    sentence_start_after(text, pos, (0, 0))
}

/// [`sentence_start`] of `pos`, told the answer `s0` for an earlier offset `p0 <= pos`: the backward search
/// stops at `p0`, as the search from `p0` on down is the one that gave `s0`.
pub(crate) fn sentence_start_after(text: &str, pos: usize, (p0, s0): (usize, usize)) -> usize {
    debug_assert!(p0 <= pos);
    let b = text.as_bytes();
    let pos = pos.min(b.len());
    // The last newline ends the search: the answer is after it, or at a full stop after it.
    let (floor, or) = match memchr::memrchr(b'\n', &b[p0..pos]) {
        Some(k) => (p0 + k + 1, p0 + k + 1),
        None => (p0, s0),
    };
    for k in memchr::memrchr3_iter(b'.', b'!', b'?', &b[floor..pos]) {
        let i = floor + k + 1;
        if b.get(i).is_some_and(|n| n.is_ascii_whitespace()) && !is_abbreviation_dot(text, i - 1) {
            return i;
        }
    }
    or
}

/// Byte offset where the sentence holding `pos` ends (just past its final punctuation, or at a newline).
pub(crate) fn sentence_end(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let from = pos.min(b.len());
    // Only the stops ('\n', '.', '!', '?') are looked at, found 64 bytes at a time by a mask of the block
    // ([`crate::segment::stop_bits`]), where a walk byte by byte cost a few instructions and a branch per byte
    // (and a mispredict at each stop).
    for k in crate::blocks::Offsets::new(&b[from..], crate::segment::stop_bits) {
        let i = from + k;
        if b[i] == b'\n' {
            return i;
        }
        if b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) && !is_abbreviation_dot(text, i) {
            return i + 1;
        }
    }
    b.len()
}

/// Whether the byte at `dot` is the dot of an abbreviation ("No.", "U.S.", "Mr."), which ends no sentence;
/// false for any other byte.
pub(crate) fn is_abbreviation_dot(text: &str, dot: usize) -> bool {
    let b = text.as_bytes();
    if b[dot] != b'.' {
        return false;
    }
    // Every abbreviation below has at most three bytes: when the four bytes before the dot are all ASCII bytes
    // of the word, the word is longer, and none (the common case: a dot after a word of the sentence), told
    // without the walk back to the word's start.
    if dot >= 4
        && b[dot - 4..dot]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'.')
    {
        return false;
    }
    let before = &text[..dot];
    let word_start = run_start(
        before,
        |c| c.is_ascii_alphanumeric() || c == b'.',
        |c| c.is_alphanumeric() || c == '.',
    );
    let word = &before[word_start..];
    matches!(
        word,
        "No" | "no" | "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr" | "vs" | "v"
    ) || (word.len() <= 3 && word.contains('.'))
        || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
}

/// The word after `pos`, skipping spaces, together with its start offset. A word is a run of letters,
/// digits, apostrophes and hyphens.
pub(crate) fn next_word(text: &str, pos: usize) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    // Past the spaces (byte by byte: `trim_start_matches` sets up a character searcher).
    let mut start = pos;
    while b.get(start) == Some(&b' ') {
        start += 1;
    }
    if start == pos && pos < b.len() {
        // No space: the phrase is followed directly by punctuation.
        return None;
    }
    let trimmed = &text[start..];
    let end = run_end(trimmed, is_word_ascii, is_word_char);
    if end == 0 {
        return None;
    }
    Some((start, &trimmed[..end]))
}

/// The word before `pos` (skipping spaces), or `None` at punctuation.
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut end = pos;
    while end > 0 && b[end - 1] == b' ' {
        end -= 1;
    }
    let before = &text[..end];
    let start = run_start(before, is_word_ascii, is_word_char);
    let w = &before[start..];
    (!w.is_empty()).then_some(w)
}

/// A character of a word of [`next_word`] and [`prev_word`]: a letter, a digit, an apostrophe or a hyphen.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// [`is_word_char`] of an ASCII byte.
fn is_word_ascii(c: u8) -> bool {
    WORD_ASCII[usize::from(c)]
}

/// [`is_word_ascii`] as a table: ASCII letters and digits, `'` and `-`.
static WORD_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
        c += 1;
    }
    t
};

/// Where the run of characters that `keep` accepts at the end of `s` starts. `keep_ascii` must answer as
/// `keep` on ASCII bytes, and `keep` must accept every letter: the scan reads bytes, passes the Latin letters of
/// two bytes ([`latin_letter_at`]) as they are, and reads characters only from another non-ASCII byte on.
#[inline]
fn run_start(s: &str, keep_ascii: fn(u8) -> bool, keep: fn(char) -> bool) -> usize {
    let b = s.as_bytes();
    let mut j = b.len();
    while j > 0 {
        let c = b[j - 1];
        if c >= 0x80 {
            // A byte of 0xc3..=0xc9 right before a last byte of a character leads a character of two bytes.
            if j >= 2 && latin_letter_at(b, j - 2) {
                j -= 2;
                continue;
            }
            // `j` follows an ASCII byte, a Latin letter (or is the end): a character boundary.
            let head = &s[..j];
            return head.rfind(|c| !keep(c)).map_or(0, |i| i + c_len(head, i));
        }
        if !keep_ascii(c) {
            return j;
        }
        j -= 1;
    }
    0
}

/// Where the run of characters that `keep` accepts at the start of `s` ends (see [`run_start`]).
#[inline]
fn run_end(s: &str, keep_ascii: fn(u8) -> bool, keep: fn(char) -> bool) -> usize {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c >= 0x80 {
            return run_end_from(s, i, keep_ascii, keep);
        }
        if !keep_ascii(c) {
            return i;
        }
    }
    b.len()
}

/// [`run_end`] from its first non-ASCII byte, at `i`: the Latin letters of two bytes passed as they are, the
/// other characters decoded from the first of them on.
fn run_end_from(
    s: &str,
    mut i: usize,
    keep_ascii: fn(u8) -> bool,
    keep: fn(char) -> bool,
) -> usize {
    let b = s.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c >= 0x80 {
            if latin_letter_at(b, i) {
                i += 2;
                continue;
            }
            return i + s[i..].find(|c| !keep(c)).unwrap_or(s.len() - i);
        }
        if !keep_ascii(c) {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// Whether the character that starts at `i` of `b` (valid UTF-8, `i` a character boundary or the lead byte of
/// a character of two bytes) is a letter of U+00C0..U+027F, the Latin letters of names ("Sofía", "Łódź"): all of
/// that range but × and ÷ (the test `latin_letters_are_letters` checks each). Spares the accented letters of
/// names the character decoding and the Unicode tables.
#[inline]
fn latin_letter_at(b: &[u8], i: usize) -> bool {
    matches!(b[i], 0xc3..=0xc9) && !(b[i] == 0xc3 && matches!(b[i + 1], 0x97 | 0xb7))
}

fn c_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// `w.trim_end_matches("'s")`, without the substring searcher that sets up for a `&str` pattern.
fn trim_possessive(mut w: &str) -> &str {
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    w
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// True when a person's name starts right after `pos` ("... Rusedski", "... Russian Mikhail Youzhny").
pub(crate) fn name_follows(text: &str, pos: usize) -> bool {
    // Past the spaces, an ASCII byte other than a capital starts no capitalised word: most of the words after
    // a ranking or seed ("the top seed and", "ranked 39 in"), told before the word is read.
    let b = text.as_bytes();
    let first = b[pos..].iter().find(|&&c| c != b' ');
    if first.is_some_and(|&c| c < 0x80 && !c.is_ascii_uppercase()) {
        return false;
    }
    name_follows_by_word(text, pos)
}

/// [`name_follows`] by reading the word after `pos` (and the one after it when it is a nationality).
#[inline]
fn name_follows_by_word(text: &str, pos: usize) -> bool {
    let Some((start, w)) = next_word(text, pos) else {
        return false;
    };
    if !is_capitalised(w) {
        return false;
    }
    let w = trim_possessive(w);
    if lexicon::demonym(w).is_some() {
        // "seventh seed Russian Mikhail Youzhny": look past one nationality word.
        return next_word(text, start + w.len()).is_some_and(|(_, n)| {
            is_capitalised(n) && !lexicon::is_stop(trim_possessive(n)) && !lexicon::is_org(n)
        });
    }
    no_stop_or_org(text, start, w)
}

/// `!is_stop(w) && !is_org(w)` of the word `w` that starts at `start` of `text`: one look-up, its key read from
/// the text in one load where eight bytes are left.
#[inline]
fn no_stop_or_org(text: &str, start: usize, w: &str) -> bool {
    let (b, n) = (text.as_bytes(), w.len());
    let key = match b.get(start..start + 8) {
        Some(eight) => {
            let mask = if n >= 8 { !0 } else { (1u64 << (8 * n)) - 1 };
            u64::from_le_bytes(eight.try_into().expect("eight bytes")) & mask
        }
        None => lexicon::word_key(w.as_bytes()),
    };
    lexicon::name_flags().of_key(key, b, start, start + n) == 0
}

/// True when the phrase at `pos` is an apposition to a name just before it: "Keys, the 19th seed".
pub(crate) fn apposition_before(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let before = before
        .strip_suffix(" the")
        .or_else(|| before.strip_suffix(" a"))
        .unwrap_or(before);
    let Some(before) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    prev_word(before, before.len())
        .is_some_and(|w| is_capitalised(w) && !lexicon::is_stop(trim_possessive(w)))
}

/// The side of a nominal phrase ("world number 46", "ninth seed") that stands before a name or by itself.
pub(crate) fn nominal_side(text: &str, start: usize, end: usize) -> PlayerSide {
    nominal_side_named(text, start, end, name_follows(text, end))
}

/// [`nominal_side`], told whether a name follows (`named`: [`name_follows`] at `end`).
fn nominal_side_named(text: &str, start: usize, end: usize, named: bool) -> PlayerSide {
    if named {
        PlayerSide::After
    } else if text[end..].starts_with("'s") {
        PlayerSide::Itself
    } else if apposition_before(text, start) {
        PlayerSide::Before
    } else {
        PlayerSide::Itself
    }
}

fn num_pat() -> String {
    format!("(?i:{ORD_DIGITS}|[0-9]{{1,4}}|{ORD_WORDS}|{CARD_WORDS})")
}

/// The alternatives of the ranking pattern, in priority order (leftmost-first). Every match holds a word that
/// [`super::Keywords`] finds for rankings, at most two runs of spaces after its start.
fn alternatives() -> Vec<String> {
    let num = num_pat();
    let card = format!("(?i:[0-9]{{1,4}}|{CARD_WORDS})");
    let ord = format!("(?i:{ORD_DIGITS}|{ORD_WORDS})");
    let no = r"(?:No\.?|no\.?|number|Number)";
    let demonyms: Vec<String> = DEMONYMS.iter().map(|d| regex::escape(d)).collect();
    let demonyms = demonyms.join("|");
    vec![
        // 1: world number 46, former world No 1, world's No. 1-ranked
        format!(
            r"(?P<wf>(?i:former|ex)[\s-]+)?(?i:world)(?:'s)?\s+{no}\s?(?P<wn>{card}|{ord})(?P<wr>-ranked)?"
        ),
        // 2: the world's 91st-ranked
        format!(r"(?i:world's)\s+(?P<wo>{ord}|top)-ranked"),
        // 3: career-high No 3, career-high ranking of 12
        format!(
            r"(?i:career[-\s](?:high|best))\s+(?:(?i:world\s+)?(?i:ranking|rank)\s+(?i:of)\s+(?:{no}\s?)?(?P<chr>{num})|{no}\s?(?P<chn>{num})|(?P<cho>{ord}))"
        ),
        // 4: former number one Ivan Lendl
        format!(r"(?i:former|ex-)\s*{no}\s?(?P<fn>{card})"),
        // 5: British number one
        format!(r"(?P<nat>{demonyms})\s+{no}\s?(?P<nn>{card})"),
        // 6: No 2 Iga Swiatek, the No. 1-ranked, the No1 player in the world
        format!(r"No\.?\s?(?P<bn>[0-9]{{1,4}})(?P<br>-ranked)?"),
        // 7: tenth-ranked, top-ranked
        format!(r"(?P<hr>{ord}|(?i:top))-ranked"),
        // 8: ranked 91st in the world, ranked as low as 91st
        format!(
            r"(?i:ranked)\s+(?P<rq>(?i:as\s+(?:low|high)\s+(?:as|at))\s+)?(?P<rno>{no}\s?)?(?P<rn>{num})(?P<rw>\s+in\s+the\s+world(?:\s+rankings)?)?"
        ),
        // 9: slipped to 64 in the world, back up to 31st, will rise to fifth
        format!(
            r"(?P<mv>(?i:back\s+up|up|down|rose|risen|rise|rises|rising|climbed|climb|climbs|climbing|jumped|jump|jumps|leapt|leaped|leap|soared|soar|rocketed|slipped|slip|slips|slid|slide|slides|dropped|drop|drops|fell|fallen|fall|falls|tumbled|tumble|tumbles|plummeted|plunged|sank|sunk|moved|move|moves|returned|return|returns|returning|go|goes|went|back))\s+(?i:to)\s+(?P<mno>{no}\s?)?(?P<mn>{num})(?P<mw>\s+in\s+the\s+world(?:\s+rankings)?)?"
        ),
        // 10: from 204th (at the start of September) ... to 40th
        format!(
            r"(?i:from)\s+(?P<fno>{no}\s?)?(?P<frn>{num})(?P<frw>\s+in\s+the\s+world(?:\s+rankings)?)?"
        ),
        // 11: weeks at No. 1
        format!(r"(?i:weeks?|spell|stint|reign|days?)\s+at\s+(?:No\.?\s?|number\s+)(?P<an>{card})"),
        // 12: returning to the top spot, back to the top of the rankings
        format!(
            r"(?P<ts>(?i:return|returns|returned|returning|back|climbed|climbs|climb|rose|rise|rises|risen)\s+to\s+the\s+top\s+(?:spot|of\s+the\s+(?:world\s+|ATP\s+|WTA\s+)?rankings))"
        ),
    ]
}

#[cfg(test)]
fn pattern() -> String {
    format!(r"(?-u:\b)(?:{})(?-u:\b)", alternatives().join("|"))
}

/// [`pattern`] run anchored: the DFA of [`BRANCHES`] (the alternatives as patterns of one NFA, which match as
/// [`pattern`] does).
static RE: Lazy<Anchored> = Lazy::new(|| BRANCHES.anchored().clone());

/// The groups of a match of [`RE`].
static BRANCHES: Lazy<Branches> =
    Lazy::new(|| Branches::new("", r"(?-u:\b)", &alternatives(), r"(?-u:\b)"));

/// The ranking phrases of `text`: spans of the matches of [`pattern`].
///
/// The first keyword of a match is its first word, except in "tenth-ranked", before "to" ("rose to 5th", "back up to 31st",
/// "returned to the top spot": a movement word one or two runs of spaces before) and before "No"/"number"
/// ("British number one", "weeks at No 1": a demonym or a span word one or two runs before): only there does
/// the pattern run before a keyword, and only at such words ([`to_no_window`] reads the word right before a
/// "to" or "No"/"number" first, and tries no window before most of them).
fn matches_into(text: &str, keywords: &super::Keywords, out: &mut Vec<(usize, usize, ())>) {
    matches_with_window(text, keywords, hit_window, out)
}

/// The window of the keyword at `o` ([`Window::Lazy`]): [`to_no_window`] before a "to" or "No"/"number", the run
/// of bytes back to white space before "ranked" ("tenth-ranked"), `o` alone before every other keyword, which
/// starts the match it is first in ([`may_lead`]). One kind of window for every hit: a kind told per hit
/// (a run back to white space or `Window::From(o)`) cost a mispredicted branch where kinds alternate.
fn hit_window(text: &str, o: usize, done: usize) -> usize {
    match text.as_bytes()[o] | 0x20 {
        b't' | b'n' => to_no_window(text, o, done),
        b'r' => super::window_start(text, o, 0),
        _ => o,
    }
}

/// [`matches_into`] with `window` the window of every keyword. (Inlined: the window is a constant at each call.)
#[inline(always)]
fn matches_with_window(
    text: &str,
    keywords: &super::Keywords,
    window: fn(&str, usize, usize) -> usize,
    out: &mut Vec<(usize, usize, ())>,
) {
    let hits = keywords
        .starts(super::KEY_RANKING)
        .map(|o| (o, Window::Lazy(window)));
    find_near_into(
        text,
        hits,
        |t, p| {
            common_at(t.as_bytes(), p)
                .or_else(|| RE.at(t, p))
                .map(|e| (e, ()))
        },
        |b, p, o| {
            word_start(b, p)
                && if p == o {
                    may_open(b, p)
                } else {
                    may_lead(alnum_run(b, p), b[o] | 0x20)
                }
        },
        out,
    );
}

/// What stands right before a keyword at `o` (see [`word_before`]).
#[derive(Debug, PartialEq, Eq)]
enum Before<'b> {
    /// No white space, or white space after the start of the text or after an ASCII byte that is no letter or
    /// digit: no letter ends right before a `\s+` that ends at `o`.
    Nothing,
    /// ASCII spaces, and before them the run of ASCII letters and digits `w` from `k` (`Word(k, w)`), which the
    /// start of the text or an ASCII byte precedes: a word of the pattern that a `\s+` ending at `o` follows is
    /// `w` itself (its letters in any case; a letter that folds to ASCII, as "ſ", is no ASCII byte).
    Word(usize, &'b [u8]),
    /// A non-ASCII byte where it could count (Unicode white space, a letter): not told.
    Unknown,
}

/// [`Before`] of the keyword at `o` of `b`: read back over the ASCII white space and the word before it. (Inlined
/// where [`to_no_window`] calls it a second time, before "up" and "at", a call out of line cost more than the walk.)
#[inline(always)]
fn word_before(b: &[u8], o: usize) -> Before<'_> {
    let space = super::ascii_space;
    let mut s = o;
    while s > 0 && space(b[s - 1]) {
        s -= 1;
    }
    if s == 0 {
        return Before::Nothing;
    }
    let c = b[s - 1];
    if c >= 0x80 {
        return Before::Unknown;
    }
    if s == o || !c.is_ascii_alphanumeric() {
        return Before::Nothing;
    }
    let k = alnum_run_start(b, s - 1);
    if k > 0 && b[k - 1] >= 0x80 {
        return Before::Unknown;
    }
    Before::Word(k, &b[k..s])
}

/// Where the run of ASCII letters and digits that ends at `e` starts (`e` when `b[e - 1]` is none). The eight bytes
/// before `e` are read in one load and their letters and digits told by [`alnum_bits`]: the run's length is
/// then a count of bits, with no branch per byte (the exit of a byte loop mispredicts about once per word,
/// the words being of any length). Only a run of eight bytes or more goes on byte by byte.
fn alnum_run_start(b: &[u8], e: usize) -> usize {
    let mut k = e;
    if let Some(eight) = k.checked_sub(8).and_then(|i| b.get(i..k)) {
        let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        // The bytes that are no letter or digit, by their high bits; the last byte, `b[k - 1]`, is the highest.
        let other = !alnum_bits(x) & 0x8080_8080_8080_8080;
        let run = (other.leading_zeros() / 8) as usize;
        if run < 8 {
            return k - run;
        }
        k -= 8;
    }
    while k > 0 && b[k - 1].is_ascii_alphanumeric() {
        k -= 1;
    }
    k
}

/// The high bit of each byte of `x` set when that byte is an ASCII letter or digit, the other bits clear. On
/// seven-bit values `v`, `v + (0x80 - lo)` has its high bit set when `v >= lo`, and `v + (0x7f - hi)` when
/// `v > hi`, with no carry into the next byte: a range test for all eight bytes at once (letters in lower case
/// by bit 5). Bytes of 0x80 and up are none.
fn alnum_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let v = x & (0x7f * ONES);
    let in_range = |v: u64, lo: u64, hi: u64| (v + (0x80 - lo) * ONES) & !(v + (0x7f - hi) * ONES);
    let digit = in_range(v, 0x30, 0x39);
    let letter = in_range(v | (0x20 * ONES), 0x61, 0x7a);
    (digit | letter) & !x & (0x80 * ONES)
}

/// The start of the window of a "to" or "No"/"number" at `o` ([`Window::Lazy`]: asked only of a hit outside
/// the matches before it), past `o` when no match has it for its first keyword. It is told here from the word
/// before, without the pass back over two runs of white space ([`super::window_start`]) and the walk forward over
/// the words there:
/// - "to" opens no match; a match whose first keyword it is has a movement word (or the "back up" of "back up to")
///   right before its `\s+to` (alternatives 9 and 12 of [`alternatives`]): none without such a word, else the
///   window starts at that word (at "back" before "up").
/// - "No"/"number" opens only alternative 6; before it as the first keyword stands a demonym (5) or the "at"
///   of a span (11), after `\s+`: the window is `o` alone without one, else it starts at the demonym, or at
///   the span word before "at".
///
/// A non-ASCII byte where a word before could count (white space, a letter that folds to ASCII) keeps the
/// window of two runs.
fn to_no_window(text: &str, o: usize, _done: usize) -> usize {
    let b = text.as_bytes();
    let two_runs = || super::window_start(text, o, 2);
    match (b[o] | 0x20, word_before(b, o)) {
        (b't', Before::Nothing) => o + 1,
        (b't', Before::Word(_, w)) if !is_move_word(w) => o + 1,
        (b't', Before::Word(k, w)) if w.eq_ignore_ascii_case(b"up") => match word_before(b, k) {
            Before::Word(j, v) if v.eq_ignore_ascii_case(b"back") => j,
            Before::Unknown => two_runs(),
            _ => k,
        },
        (b't', Before::Word(k, _)) => k,
        (b'n', Before::Nothing) => o,
        (b'n', Before::Word(k, b"at")) => match word_before(b, k) {
            Before::Word(j, v) if SPAN_WORDS.iter().any(|m| v.eq_ignore_ascii_case(m)) => j,
            Before::Unknown => two_runs(),
            _ => o,
        },
        (b'n', Before::Word(k, w)) if is_demonym(w) => k,
        (b'n', Before::Word(..)) => o,
        _ => two_runs(),
    }
}

/// The matches of [`matches_into`] as a list (for the tests).
#[cfg(test)]
fn matches(text: &str, keywords: &super::Keywords) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    matches_into(text, keywords, &mut out);
    out.into_iter().map(|(s, e, ())| (s, e)).collect()
}

thread_local! {
    /// The matches of [`matches_into`] for [`find_into`]: a buffer kept, emptied, for the next article of the
    /// thread.
    static MATCHES: std::cell::RefCell<Vec<(usize, usize, ())>> = std::cell::RefCell::default();
}

/// Whether a match of the pattern may start at the word start `p`, told by the bytes after the keyword words
/// that open a match ("to" opens none; "world", "career", "ex", "former", "No"/"number" and "ranked" need
/// white space and a certain letter after them, see [`alternatives`]); other words say yes. A necessary
/// condition: where it says no, [`RE`] has no match at `p`. Spares the lazy DFA the keywords that start
/// nothing ("to think", "World Indoor", "former champion", "ranked between"). Non-ASCII bytes where a
/// letter or white space is asked for say yes (Unicode white space, "ſ" that folds to "s").
fn may_open(b: &[u8], p: usize) -> bool {
    let at = |i: usize| super::byte_or_stop(b, i);
    let space = super::ascii_space;
    // Past the ASCII white space (and hyphens, when `hyphens`) from `i` on.
    let skip = |mut i: usize, hyphens: bool| {
        while space(at(i)) || (hyphens && at(i) == b'-') {
            i += 1;
        }
        i
    };
    // After "former"/"ex": `[\s-]+world` (alternative 1) or `\s*{no}` (4), hence `w`, `N` or `n` after
    // white space and hyphens.
    let world_or_no = |i: usize| {
        let c = at(skip(i, true));
        c >= 0x80 || matches!(c | 0x20, b'w' | b'n')
    };
    // After "world": `(?:'s)?\s+{no}` (1) or `'s\s+(?:{ord}|top)` (2): white space, then "No"/"number", a
    // digit or an ordinal word or "top" (first letters t, f, s, e, n).
    let world = |mut i: usize| {
        if b.get(i..i + 2) == Some(b"'s") {
            i += 2;
        }
        let c = at(i);
        // Alternative 2's `(?i:world's)` also reads "world'S" and "world'ſ": say yes to any apostrophe left.
        if c >= 0x80 || c == b'\'' {
            return true;
        }
        if !space(c) {
            return false;
        }
        let c = at(skip(i, false));
        c >= 0x80 || c.is_ascii_digit() || matches!(c | 0x20, b'n' | b't' | b'f' | b's' | b'e')
    };
    // After "career": `[-\s](?:high|best)` (3).
    let career = |i: usize| {
        let c = at(i);
        if c >= 0x80 {
            return true;
        }
        if !(c == b'-' || space(c)) {
            return false;
        }
        let c = at(i + 1);
        c >= 0x80 || matches!(c | 0x20, b'h' | b'b')
    };
    // After "No": `\.?\s?[0-9]` (6). A non-ASCII character there must be white space: its first byte is one
    // of those of the Unicode white space (U+0085, U+00A0, U+1680, U+2000-U+205F, U+3000), not "é" ("Noé").
    let no_digit = |mut i: usize| {
        if at(i) == b'.' {
            i += 1;
        }
        let c = at(i);
        if c >= 0x80 {
            return matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3);
        }
        if space(c) {
            i += 1;
        }
        at(i).is_ascii_digit()
    };
    // After "ranked": `\s+(?:as\s+…)?(?:{no}\s?)?{num}` (8): white space, then "as", "No"/"number" or a
    // number.
    let ranked = |i: usize| {
        let c = at(i);
        if c >= 0x80 {
            return true;
        }
        if !space(c) {
            return false;
        }
        let i = skip(i, false);
        let c = at(i);
        c >= 0x80 || c | 0x20 == b'a' || super::number_may_follow(b, i, false)
    };
    // Whether the word at `p` is `word` (any ASCII case), or starts with it (`prefix`).
    let is = |word: &[u8], prefix: bool| {
        b.get(p..p + word.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(word))
            && (prefix || !at(p + word.len()).is_ascii_alphanumeric())
    };
    // One or two comparisons, by first letter.
    match b[p] | 0x20 {
        // No alternative starts with "to" (only "top" and number words start with "to" in some case).
        b't' => !is(b"to", false),
        b'w' if is(b"world", false) => world(p + 5),
        b'c' if is(b"career", false) => career(p + 6),
        b'e' if is(b"ex", false) => world_or_no(p + 2),
        // No other alternative opens with a word that starts with "former" (not an ordinal: "fort...").
        b'f' if is(b"former", true) => world_or_no(p + 6),
        // Only "No" (alternative 6, case as written) opens a match; "number" and "no" only follow a word.
        b'n' if is(b"no", false) => b[p + 1] == b'o' && b[p] == b'N' && no_digit(p + 2),
        b'n' => !is(b"number", false),
        b'r' if is(b"ranked", false) => ranked(p + 6),
        _ => true,
    }
}

/// [`RE`] at a word start `p`, read in code for its two common forms (most of the calls on fact-dense text):
/// "world number 46" / "World No. 5" / "world number one" (alternative 1, with digits or a number word that
/// no hyphen follows) and "ranked 39" then maybe "in the world
/// (rankings)" (alternative 8, with digits). `Some(end)`: the match at `p` ends at `end`. `None` leaves it to
/// [`RE`]: other forms ("world's", "former", "No"/"number" or a number word after "ranked", an ordinal "39th"),
/// no match, and a non-ASCII byte where it could count (Unicode white space). Alternative 1 is the first; no
/// alternative before 8 opens with "ranked". `[0-9]{1,4}` comes before the ordinals of [`ORD_WORDS`] in
/// `{card}|{ord}`, and after `{ORD_DIGITS}` in `{num}`, which needs a letter after the digits.
fn common_at(b: &[u8], p: usize) -> Option<usize> {
    let at = |i: usize| super::byte_or_stop(b, i);
    let space = super::ascii_space;
    // Past the ASCII white space from `i` on; `None` at a non-ASCII byte after it.
    let spaces = |mut i: usize| {
        while space(at(i)) {
            i += 1;
        }
        (at(i) < 0x80).then_some(i)
    };
    // The end of the 1 to 4 digits at `i`, when a byte that is no letter, digit or `_` follows (`None` for
    // "39th": an ordinal, for the pattern to tell).
    let digits = |i: usize| {
        let n = b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let j = i + n;
        ((1..=4).contains(&n) && !super::is_word_byte(at(j))).then_some(j)
    };
    let w = alnum_run(b, p);
    let e = p + w.len();
    if w.eq_ignore_ascii_case(b"world") {
        // `(?i:world)\s+{no}\s?(?P<wn>[0-9]{1,4})(?P<wr>-ranked)?(?-u:\b)`.
        if !space(at(e)) {
            return None;
        }
        let i = spaces(e)?;
        let r = &b[i..];
        let mut i = if r.starts_with(b"number") || r.starts_with(b"Number") {
            i + 6
        } else if r.starts_with(b"No.") || r.starts_with(b"no.") {
            i + 3
        } else if r.starts_with(b"No") || r.starts_with(b"no") {
            i + 2
        } else {
            return None;
        };
        if at(i) >= 0x80 {
            return None;
        }
        if space(at(i)) {
            i += 1;
        }
        if at(i).is_ascii_alphabetic() {
            // A number word ("one", "tenth") that a byte other than a letter, digit, `_` or `-` ends.
            let w = alnum_run(b, i);
            let j = i + w.len();
            let c = at(j);
            let w = std::str::from_utf8(w).ok()?;
            let number = number_value(w).is_some() && !w.eq_ignore_ascii_case("top");
            return (number && c < 0x80 && c != b'-' && !super::is_word_byte(c)).then_some(j);
        }
        let j = digits(i)?;
        if at(j) >= 0x80 {
            return Some(j);
        }
        let k = j + 7;
        return Some(
            if b[j..].starts_with(b"-ranked") && !super::is_word_byte(at(k)) {
                k
            } else {
                j
            },
        );
    }
    if w.eq_ignore_ascii_case(b"ranked") {
        // `(?i:ranked)\s+(?P<rn>[0-9]{1,4})(?P<rw>\s+in\s+the\s+world(?:\s+rankings)?)?(?-u:\b)`.
        if !space(at(e)) {
            return None;
        }
        let j = digits(spaces(e)?)?;
        let c = at(j);
        if c >= 0x80 {
            return None;
        }
        if !space(c) {
            return Some(j);
        }
        // The common case first: "in the world" after single spaces, and no more letters.
        let k = j + 13;
        if b[j..].starts_with(b" in the world") && at(k) < 0x80 && !super::is_word_byte(at(k)) {
            if !space(at(k)) {
                return Some(k);
            }
            if at(k + 1) != b'r' && !space(at(k + 1)) && at(k + 1) < 0x80 {
                return Some(k);
            }
        }
        // `\s+` then the word `word` (as written) at its end: the offset past it, `Some(None)` when another
        // word is there, `None` at a non-ASCII byte.
        let word = |i: usize, word: &[u8]| -> Option<Option<usize>> {
            let i = spaces(i)?;
            Some(b[i..].starts_with(word).then_some(i + word.len()))
        };
        // "in the world", each word followed by white space (or, "world", by no word byte).
        let mut i = j;
        for w in [&b"in"[..], b"the"] {
            match word(i, w)? {
                Some(k) if space(at(k)) => i = k,
                Some(k) if at(k) >= 0x80 => return None,
                _ => return Some(j),
            }
        }
        let Some(k) = word(i, b"world")? else {
            return Some(j);
        };
        let c = at(k);
        if c >= 0x80 {
            return None;
        }
        if super::is_word_byte(c) {
            return Some(j);
        }
        if !space(c) {
            return Some(k);
        }
        return Some(match word(k, b"rankings")? {
            Some(r) if !super::is_word_byte(at(r)) => r,
            _ => k,
        });
    }
    None
}

/// Words of the movement alternatives (9 and 12 of [`alternatives`]) that may start a match, in lower case.
const MOVE_WORDS: [&[u8]; 51] = [
    b"back",
    b"up",
    b"down",
    b"rose",
    b"risen",
    b"rise",
    b"rises",
    b"rising",
    b"climbed",
    b"climb",
    b"climbs",
    b"climbing",
    b"jumped",
    b"jump",
    b"jumps",
    b"leapt",
    b"leaped",
    b"leap",
    b"soared",
    b"soar",
    b"rocketed",
    b"slipped",
    b"slip",
    b"slips",
    b"slid",
    b"slide",
    b"slides",
    b"dropped",
    b"drop",
    b"drops",
    b"fell",
    b"fallen",
    b"fall",
    b"falls",
    b"tumbled",
    b"tumble",
    b"tumbles",
    b"plummeted",
    b"plunged",
    b"sank",
    b"sunk",
    b"moved",
    b"move",
    b"moves",
    b"returned",
    b"return",
    b"returns",
    b"returning",
    b"go",
    b"goes",
    b"went",
];

/// Words of alternative 11 ("weeks at No 1") that start a match, in lower case.
const SPAN_WORDS: [&[u8]; 7] = [
    b"weeks", b"week", b"spell", b"stint", b"reign", b"days", b"day",
];

/// Whether a match may start at the word `w` before its first keyword, which starts with `key` (in lower
/// case): "to", "No"/"number", or "ranked" ("tenth-ranked", "twenty-first-ranked": any word, no white space
/// between). Every other keyword starts the match it is first in.
fn may_lead(w: &[u8], key: u8) -> bool {
    match key {
        b't' => is_move_word(w),
        b'n' => {
            // Span words have three to five letters and start with "w", "s", "r" or "d" (any case): most words
            // fail on that before any comparison. Demonyms: [`is_demonym`].
            ((3..=5).contains(&w.len())
                && matches!(w[0] | 0x20, b'w' | b's' | b'r' | b'd')
                && SPAN_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m)))
                || is_demonym(w)
        }
        b'r' => true,
        _ => false,
    }
}

/// For each letter (indexed by `c - b'a'`), a bit for the length of each of `words` (lower case, shorter than 32
/// bytes) that starts with it.
const fn lengths_by_letter(words: &[&[u8]]) -> [u32; 26] {
    let mut t = [0; 26];
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        assert!(w[0].is_ascii_lowercase() && w.len() < 32);
        t[(w[0] - b'a') as usize] |= 1 << w.len();
        i += 1;
    }
    t
}

/// For each letter (indexed by `c - b'a'`), a bit for the index of each of `words` (lower case, at most 64) that
/// starts with it.
const fn indexes_by_letter(words: &[&[u8]]) -> [u64; 26] {
    assert!(words.len() <= 64);
    let mut t = [0; 26];
    let mut i = 0;
    while i < words.len() {
        t[(words[i][0] - b'a') as usize] |= 1 << i;
        i += 1;
    }
    t
}

/// Whether `w` is one of [`MOVE_WORDS`] in any ASCII case. Most words fail on their first letter and length
/// together (no word of the list starts with that letter and has that length) before any comparison; the
/// others are compared only with the words of their first letter (a few of the fifty-one).
fn is_move_word(w: &[u8]) -> bool {
    const LENGTHS: [u32; 26] = lengths_by_letter(&MOVE_WORDS);
    const INDEXES: [u64; 26] = indexes_by_letter(&MOVE_WORDS);
    let Some(&c) = w.first() else {
        return false;
    };
    let c = usize::from((c | 0x20).wrapping_sub(b'a'));
    if !(c < 26 && w.len() < 32 && LENGTHS[c] >> w.len() & 1 != 0) {
        return false;
    }
    let mut ix = INDEXES[c];
    while ix != 0 {
        let i = ix.trailing_zeros() as usize;
        ix &= ix - 1;
        if w.eq_ignore_ascii_case(MOVE_WORDS[i]) {
            return true;
        }
    }
    false
}

/// The groups of a match of [`RE`]: read by hand for "world number 46" (alternative 1, the commonest), else
/// by [`Branches::captures`].
enum Groups<'t> {
    /// Alternative 1: the groups `wf` ("former " / "ex-"), `wn` (the number), `wr` ("-ranked").
    World([Option<&'t str>; 3]),
    /// Another alternative read by hand ([`read_groups`]): its group names and their texts.
    Read(&'static [&'static str], [Option<&'t str>; 4]),
    Other(super::BranchGroups<'t>),
}

impl<'t> Groups<'t> {
    /// The text of group `name`, if it took part in the match. (Always inlined: `name` is a constant at every
    /// call, so that its comparisons are of constant bytes, with no call to `bcmp`; a plain `#[inline]` left it
    /// a function, about 65 instructions a call on the web reports.)
    #[inline(always)]
    fn name(&self, name: &str) -> Option<&'t str> {
        match self {
            Groups::World(g) => match name {
                "wf" => g[0],
                "wn" => g[1],
                "wr" => g[2],
                _ => None,
            },
            Groups::Read(names, g) => names.iter().position(|&n| n == name).and_then(|i| g[i]),
            Groups::Other(c) => c.name(name),
        }
    }
}

/// The groups of the match `start..end` of [`RE`] in `text`.
fn groups(text: &str, start: usize, end: usize) -> Groups<'_> {
    let m = &text[start..end];
    if let Some(g) = world_number(m) {
        return Groups::World(g);
    }
    if let Some((names, g)) = read_groups(m) {
        return Groups::Read(names, g);
    }
    Groups::Other(BRANCHES.captures(text, start, end))
}

/// The groups of an ASCII match `m` of [`RE`] in the forms "from 204th (in the world)" (alternative 10),
/// "ranked (as low as) No 5 (in the world)" (8), "rose to 5th (in the world)" (9), "returned to the top spot"
/// (12), "former No 1" (4, when [`world_number`] said no), "world's 91st-ranked" (2, idem), "British number
/// one" (5), "No. 2", "No 1-ranked" (6), "tenth-ranked", "top-ranked" (7) and "weeks at No 1" (11), read by
/// hand; `None` for other forms ("career-high ...", 3) and non-ASCII text (where `(?i)` and `\s` reach beyond
/// ASCII). Which alternative produced `m` follows from its first word: no earlier alternative starts with
/// "from", "ranked", a movement word, a span word ("weeks"), a demonym, "No" then a dot, white space or a digit
/// ("Norwegian" is a demonym), or (after alternative 1) "former"/"ex-" or "world's" not followed by
/// "No"/"number"; a movement match goes on with a number unless "to the" follows (then it is alternative 12).
/// A match with no white space that ends with "-ranked" is alternative 7 unless it starts as alternatives 1-6
/// do ("ex", "former", "world", "career", "No"; every earlier one but 6 needs white space, and a demonym is
/// all letters, followed by white space).
fn read_groups(m: &str) -> Option<(&'static [&'static str], [Option<&str>; 4])> {
    let b = m.as_bytes();
    if !b.is_ascii() {
        return None;
    }
    let space = super::ascii_space;
    let at = |i: usize, w: &[u8]| {
        b.get(i..i + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
    };
    // Past the white space from `i` on; `None` unless there is some.
    let spaces = |i: usize| {
        let j = i + b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| space(c))
            .count();
        (j > i).then_some(j)
    };
    // The end of the word (letters) that starts at `i`.
    let word_end = |i: usize| {
        i + b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    };
    // `{no}\s?` at `i`: its end, or `i` when absent.
    let no = |i: usize| {
        let r = b.get(i..).unwrap_or_default();
        let mut j = if r.starts_with(b"No") || r.starts_with(b"no") {
            i + 2 + usize::from(b.get(i + 2) == Some(&b'.'))
        } else if r.starts_with(b"number") || r.starts_with(b"Number") {
            i + 6
        } else {
            return i;
        };
        if b.get(j).is_some_and(|&c| space(c)) {
            j += 1;
        }
        j
    };
    // `(?P<no>{no}\s?)?(?P<n>{num})(?P<w>\s+in\s+the\s+world…)?` from `i` to the end.
    let tail = |i: usize| {
        let j = no(i);
        let k = j + b
            .get(j..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| !space(c))
            .count();
        (k > j).then(|| {
            [
                (j > i).then(|| &m[i..j]),
                Some(&m[j..k]),
                (k < m.len()).then(|| &m[k..]),
            ]
        })
    };
    // Alternative 6: `No\.?\s?(?P<bn>[0-9]{1,4})(?P<br>-ranked)?`.
    if b.starts_with(b"No")
        && b.get(2)
            .is_some_and(|&c| c == b'.' || c.is_ascii_digit() || space(c))
    {
        let mut j = 2 + usize::from(b[2] == b'.');
        if b.get(j).is_some_and(|&c| space(c)) {
            j += 1;
        }
        let k = j + b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        return Some((
            &["bn", "br", "", ""],
            [Some(&m[j..k]), (k < m.len()).then(|| &m[k..]), None, None],
        ));
    }
    // Alternative 7: `(?P<hr>{ord}|top)-ranked`.
    if let Some(p) = m.strip_suffix("-ranked")
        && !p.is_empty()
        && !b.iter().any(|&c| space(c))
        && ![&b"ex"[..], b"former", b"world", b"career", b"no"]
            .iter()
            .any(|w| at(0, w))
    {
        return Some((&["hr", "", "", ""], [Some(p), None, None, None]));
    }
    // Alternative 2: `(?i:world's)\s+(?P<wo>{ord}|top)-ranked` (alternative 1 has "No"/"number" there).
    if at(0, b"world's")
        && let Some(i) = spaces(7)
        && let Some(p) = m.strip_suffix("-ranked")
        && p.len() > i
        && !(at(i, b"no") || at(i, b"number"))
    {
        return Some((&["wo", "", "", ""], [Some(&p[i..]), None, None, None]));
    }
    if at(0, b"from") {
        let [a, n, w] = tail(spaces(4)?)?;
        return Some((&["fno", "frn", "frw", ""], [a, n, w, None]));
    }
    if at(0, b"ranked") {
        let i = spaces(6)?;
        // `(?P<rq>as\s+(?:low|high)\s+(?:as|at)\s+)?`
        let rq = (|| {
            if !at(i, b"as") {
                return None;
            }
            let j = spaces(i + 2)?;
            let k = if at(j, b"low") {
                j + 3
            } else if at(j, b"high") {
                j + 4
            } else {
                return None;
            };
            let k = spaces(k)?;
            if !(at(k, b"as") || at(k, b"at")) {
                return None;
            }
            spaces(k + 2)
        })();
        let j = rq.unwrap_or(i);
        let [a, n, w] = tail(j)?;
        return Some((&["rq", "rno", "rn", "rw"], [rq.map(|_| &m[i..j]), a, n, w]));
    }
    if at(0, b"former") || at(0, b"ex-") {
        let i = if at(0, b"former") { 6 } else { 3 };
        let i = i + b[i..].iter().take_while(|&&c| space(c)).count();
        let j = no(i);
        if j == i || j == m.len() {
            return None;
        }
        return Some((&["fn", "", "", ""], [Some(&m[j..]), None, None, None]));
    }
    let first = word_end(0);
    if first > 0 && is_move_word(&b[..first]) {
        let mut mv = first;
        let mut i = spaces(first)?;
        if b[..first].eq_ignore_ascii_case(b"back") && at(i, b"up") && word_end(i) == i + 2 {
            mv = i + 2;
            i = spaces(i + 2)?;
        }
        if !(at(i, b"to") && word_end(i) == i + 2) {
            return None;
        }
        let i = spaces(i + 2)?;
        if at(i, b"the") && word_end(i) == i + 3 {
            // Alternative 12: the whole match is `ts`.
            return (mv == first).then_some((&["ts", "", "", ""], [Some(m), None, None, None]));
        }
        let [a, n, w] = tail(i)?;
        return Some((&["mv", "mno", "mn", "mw"], [Some(&m[..mv]), a, n, w]));
    }
    // Alternative 11: `(?i:weeks?|spell|stint|reign|days?)\s+at\s+(?:No\.?\s?|number\s+)(?P<an>{card})`.
    if first > 0
        && SPAN_WORDS
            .iter()
            .any(|w| b[..first].eq_ignore_ascii_case(w))
    {
        let i = spaces(first)?;
        if !b[i..].starts_with(b"at") {
            return None;
        }
        let i = spaces(i + 2)?;
        let j = if b[i..].starts_with(b"number") {
            spaces(i + 6)?
        } else {
            no(i)
        };
        return (j > i).then_some((&["an", "", "", ""], [Some(&m[j..]), None, None, None]));
    }
    // Alternative 5: `(?P<nat>{demonyms})\s+{no}\s?(?P<nn>{card})`.
    if first > 0 && is_demonym(&b[..first]) {
        let i = spaces(first)?;
        let j = no(i);
        return (j > i).then_some((
            &["nat", "nn", "", ""],
            [Some(&m[..first]), Some(&m[j..]), None, None],
        ));
    }
    None
}

/// The groups `wf`, `wn`, `wr` of a match `m` of the whole pattern that reads as alternative 1
/// (`(?P<wf>(?i:former|ex)[\s-]+)?(?i:world)(?:'s)?\s+{no}\s?(?P<wn>…)(?P<wr>-ranked)?`), or `None` (then
/// [`Branches::captures`] answers). When `m` starts so, alternative 1 produced it: no later alternative starts
/// with "former world", "ex-world" or "world" followed by "No"/"number" (alternative 2 needs an ordinal there,
/// alternative 4 "No" right after "former"), and the first alternative that matches wins. The number then runs
/// to the end, or to "-ranked" (no number word holds it).
fn world_number(m: &str) -> Option<[Option<&str>; 3]> {
    let b = m.as_bytes();
    let at = |i: usize, w: &[u8]| {
        b.get(i..i + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
    };
    // The offset past the characters from `i` on that `keep` accepts.
    let skip = |i: usize, keep: fn(char) -> bool| {
        i + m[i..]
            .char_indices()
            .find(|&(_, c)| !keep(c))
            .map_or(m.len() - i, |(k, _)| k)
    };
    let mut i = 0;
    let mut wf = None;
    let lead = if at(0, b"former") {
        6
    } else if at(0, b"ex") {
        2
    } else {
        0
    };
    if lead > 0 {
        let j = skip(lead, |c| c == '-' || c.is_whitespace());
        if j == lead {
            return None;
        }
        wf = Some(&m[..j]);
        i = j;
    }
    if !at(i, b"world") {
        return None;
    }
    i += 5;
    if b[i..].starts_with(b"'s") {
        i += 2;
    }
    let j = skip(i, char::is_whitespace);
    if j == i {
        return None;
    }
    i = j;
    if b[i..].starts_with(b"No") || b[i..].starts_with(b"no") {
        i += 2;
        if b.get(i) == Some(&b'.') {
            i += 1;
        }
    } else if b[i..].starts_with(b"number") || b[i..].starts_with(b"Number") {
        i += 6;
    } else {
        return None;
    }
    if let Some(c) = m[i..].chars().next().filter(|c| c.is_whitespace()) {
        i += c.len_utf8();
    }
    let (n_end, wr) = match m.strip_suffix("-ranked") {
        Some(rest) if rest.len() > i => (rest.len(), Some("-ranked")),
        _ => (m.len(), None),
    };
    (n_end > i).then(|| [wf, Some(&m[i..n_end]), wr])
}

static TO_RE: Lazy<Regex> = Lazy::new(|| {
    let num = num_pat();
    Regex::new(&format!(
        r"(?-u:\b)(?i:to)\s+(?P<no>(?:No\.?|no\.?|number)\s?)?(?P<n>{num})(?P<w>\s+in\s+the\s+world(?:\s+rankings)?)?(?-u:\b)"
    ))
    .expect("ranking to pattern")
});

static PAST_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:\s+in\s+the\s+world(?:\s+rankings)?)?,?\s+(?:(?:back\s+)?in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|[12][0-9]{3})|at\s+the\s+(?:start|end|beginning)\s+of\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|the\s+year|the\s+season|[12][0-9]{3})|last\s+(?:year|season|month|summer|spring|autumn|winter)|earlier\s+(?:this|in\s+the)\s+(?:year|season))(?-u:\b)",
    )
    .expect("past pattern")
});

static FUTURE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|'ll|set\s+to|expected\s+to|poised\s+to|going\s+to|on\s+course\s+to|on\s+track\s+to|guaranteed\s+to|assured\s+of)(?-u:\b)")
        .expect("future pattern")
});

const DEMONYMS: &[&str] = &[
    "British",
    "English",
    "Scottish",
    "Welsh",
    "Irish",
    "American",
    "Spanish",
    "French",
    "German",
    "Russian",
    "Swiss",
    "Australian",
    "Italian",
    "Canadian",
    "Swedish",
    "Belgian",
    "Argentine",
    "Argentinian",
    "Chilean",
    "Croatian",
    "Serbian",
    "Czech",
    "Slovak",
    "Japanese",
    "Chinese",
    "Indian",
    "Dutch",
    "Greek",
    "Polish",
    "Norwegian",
    "Danish",
    "Austrian",
    "Brazilian",
    "Portuguese",
    "Romanian",
    "Ukrainian",
    "Belarusian",
    "Kazakh",
    "Bulgarian",
    "Hungarian",
    "Finnish",
    "Israeli",
    "Thai",
    "Korean",
    "Taiwanese",
    "Mexican",
    "Colombian",
    "Peruvian",
    "Ecuadorian",
    "Uruguayan",
    "Georgian",
    "Latvian",
    "Lithuanian",
    "Estonian",
    "Slovenian",
    "Slovakian",
    "Tunisian",
    "Moroccan",
    "Egyptian",
    "Indonesian",
    "Kiwi",
];

/// For each capital letter (`c - b'A'`), a bit for the length of each of [`DEMONYMS`] that starts with it.
const DEMONYM_LENGTHS: [u32; 26] = super::lengths_by_capital(DEMONYMS);

/// Whether `w` is one of [`DEMONYMS`] (as written there). Most words fail on their first byte and length
/// ([`DEMONYM_LENGTHS`]) before the list is compared: the capitalised words before "No"/"number" are
/// mostly names, and the list has some sixty words.
fn is_demonym(w: &[u8]) -> bool {
    match w.first() {
        Some(&c) if c.is_ascii_uppercase() && w.len() < 32 => {
            DEMONYM_LENGTHS[usize::from(c - b'A')] >> w.len() & 1 != 0
                && DEMONYMS.iter().any(|d| w == d.as_bytes())
        }
        _ => false,
    }
}

static RANK_CONTEXT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)rank|world|top[- ][0-9]+|No\.? ?1(?-u:\b)|number one")
        .expect("rank context pattern")
});

fn has_rank_context(sentence: &str) -> bool {
    RANK_CONTEXT.is_match(sentence)
}

/// The clause before `pos` (back to a comma or the start of the sentence).
fn clause_before(text: &str, pos: usize) -> &str {
    let s = sentence_start(text, pos);
    let before = &text[s..pos];
    match before.rfind([',', ';', ':']) {
        Some(i) => &before[i + 1..],
        None => before,
    }
}

fn followed_by_month(text: &str, end: usize) -> bool {
    next_word(text, end).is_some_and(|(_, w)| {
        matches!(
            w,
            "January"
                | "February"
                | "March"
                | "April"
                | "May"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "place"
                | "places"
                | "spot"
                | "spots"
                | "minute"
                | "birthday"
                | "time"
                | "times"
        )
    })
}

fn after_ok_for_cardinal(text: &str, end: usize) -> bool {
    // A bare cardinal after "ranked"/"to" must not count things: "ranked two places above".
    next_word(text, end).is_none_or(|(_, w)| !w.chars().next().is_some_and(char::is_lowercase))
}

/// Every ranking phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<RankMention> {
    find_in(text, &super::Keywords::scan(text))
}

/// [`find`], with the keywords of `text` already found.
pub(crate) fn find_in(text: &str, keywords: &super::Keywords) -> Vec<RankMention> {
    let mut out = Vec::new();
    find_into(text, keywords, &mut out);
    out
}

/// [`find_in`] written into `out` (cleared first).
pub(crate) fn find_into(text: &str, keywords: &super::Keywords, out: &mut Vec<RankMention>) {
    out.clear();
    let mut found = super::take_buffer(&MATCHES);
    matches_into(text, keywords, &mut found);
    for &(start, end, ()) in &found {
        let c = groups(text, start, end);
        let g = |n: &str| c.name(n);
        let push = |out: &mut Vec<RankMention>, s: usize, e: usize, v: &str, kind, side| {
            if let Some(rank) = number_value(v).filter(|&r| r > 0) {
                out.push(RankMention {
                    span: Span::new(s, e),
                    rank,
                    kind,
                    side,
                });
            }
        };
        if let Some(v) = g("wn") {
            let before_ranking = next_word(text, end).is_some_and(|(_, w)| w == "ranking");
            let kind = if g("wf").is_some() {
                RankingKind::CareerHigh
            } else if before_ranking && FUTURE_RE.is_match(clause_before(text, start)) {
                RankingKind::Projected
            } else {
                RankingKind::Current
            };
            let side = if before_ranking {
                PlayerSide::Before
            } else {
                nominal_side(text, start, end)
            };
            push(out, start, end, v, kind, side);
        } else if let Some(v) = g("wo") {
            push(
                out,
                start,
                end,
                v,
                RankingKind::Current,
                nominal_side(text, start, end),
            );
        } else if let Some(v) = g("chr").or(g("chn")).or(g("cho")) {
            push(
                out,
                start,
                end,
                v,
                RankingKind::CareerHigh,
                PlayerSide::Before,
            );
        } else if let Some(v) = g("fn") {
            push(
                out,
                start,
                end,
                v,
                RankingKind::CareerHigh,
                nominal_side(text, start, end),
            );
        } else if let Some(v) = g("nn") {
            push(
                out,
                start,
                end,
                v,
                RankingKind::National,
                nominal_side(text, start, end),
            );
        } else if let Some(v) = g("bn") {
            // A bare "No 2" is a ranking only before a name, as "-ranked", or "the No 54 player in the world".
            // (`name_follows` read once, for the test and the side.)
            let rest = &text[end..];
            let ranked = g("br").is_some();
            let named = !ranked && name_follows(text, end);
            let ok = ranked
                || named
                || rest.starts_with(" player in the world")
                || rest.starts_with(" in the world");
            if ok {
                let named = named || (ranked && name_follows(text, end));
                push(
                    out,
                    start,
                    end,
                    v,
                    RankingKind::Current,
                    nominal_side_named(text, start, end, named),
                );
            }
        } else if let Some(v) = g("hr") {
            push(
                out,
                start,
                end,
                v,
                RankingKind::Current,
                nominal_side(text, start, end),
            );
        } else if let Some(v) = g("rn") {
            let cardinal = is_cardinal(v);
            let in_world = g("rw").is_some();
            if (cardinal && !in_world && (g("rno").is_none() || !after_ok_for_cardinal(text, end)))
                || (!in_world && followed_by_month(text, end))
            {
                continue;
            }
            let q = ascii_lower(g("rq").unwrap_or(""));
            let kind = if q.contains("high") {
                RankingKind::CareerHigh
            } else if q.contains("low") || PAST_RE.is_match(&text[end..]) {
                RankingKind::Previous
            } else {
                RankingKind::Current
            };
            push(out, start, end, v, kind, PlayerSide::Before);
        } else if let Some(v) = g("mn") {
            let in_world = g("mw").is_some();
            let sent = &text[sentence_start(text, start)..sentence_end(text, end)];
            if is_cardinal(v) && !in_world && g("mno").is_none() {
                continue;
            }
            let court = next_word(text, end)
                .is_some_and(|(_, w)| matches!(w, "Court" | "court" | "Centre" | "seed" | "seeds"));
            if court
                || (!in_world
                    && ((g("mno").is_none() && !has_rank_context(sent))
                        || followed_by_month(text, end)))
            {
                continue;
            }
            // "up to" needs "back"/"now" or a ranking word right here: "up to 5th" alone is too vague.
            let kind = if FUTURE_RE.is_match(clause_before(text, start)) {
                RankingKind::Projected
            } else if PAST_RE.is_match(&text[end..]) {
                RankingKind::Previous
            } else {
                RankingKind::Current
            };
            push(out, start, end, v, kind, PlayerSide::Before);
        } else if let Some(v) = g("frn") {
            let in_world = g("frw").is_some();
            let s_end = sentence_end(text, end);
            let sent = &text[sentence_start(text, start)..s_end];
            if (is_cardinal(v) && g("fno").is_none()) || !(in_world || has_rank_context(sent)) {
                continue;
            }
            if followed_by_month(text, end) {
                continue;
            }
            push(
                out,
                start,
                end,
                v,
                RankingKind::Previous,
                PlayerSide::Before,
            );
            // The matching "to 40th" later in the sentence is the ranking now.
            if let Some(t) = TO_RE.captures(&text[end..s_end]) {
                let tm = t.get(0).expect("match");
                let tv = t.name("n").expect("n").as_str();
                let bare_count = is_cardinal(tv) && t.name("no").is_none() && t.name("w").is_none();
                let ok = !(bare_count || followed_by_month(text, end + tm.end()));
                if ok {
                    let kind = if FUTURE_RE.is_match(&text[end..end + tm.start()]) {
                        RankingKind::Projected
                    } else {
                        RankingKind::Current
                    };
                    push(
                        out,
                        end + tm.start(),
                        end + tm.end(),
                        tv,
                        kind,
                        PlayerSide::Before,
                    );
                }
            }
        } else if g("ts").is_some() {
            let sent = &text[sentence_start(text, start)..sentence_end(text, end)];
            if !text[start..end].ends_with("rankings") && !has_rank_context(sent) {
                continue;
            }
            let kind = if FUTURE_RE.is_match(clause_before(text, start)) {
                RankingKind::Projected
            } else {
                RankingKind::Current
            };
            push(out, start, end, "1", kind, PlayerSide::Before);
        } else if let Some(v) = g("an") {
            let kind = if FUTURE_RE.is_match(clause_before(text, start)) {
                RankingKind::Projected
            } else {
                RankingKind::Current
            };
            push(out, start, end, v, kind, PlayerSide::Before);
        }
    }
    super::give_back(&MATCHES, found);
    out.sort_by_key(|m| m.span);
    out.dedup_by_key(|m| m.span);
}

/// Builds the pattern's DFA (see [`super::warm_up`]); the capture engine of an alternative compiles when the
/// alternative is first asked about.
pub(crate) fn warm_up() {
    Lazy::force(&BRANCHES);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number_value("46"), Some(46));
        assert_eq!(number_value("31st"), Some(31));
        assert_eq!(number_value("one"), Some(1));
        assert_eq!(number_value("ninth"), Some(9));
        assert_eq!(number_value("twenty-first"), Some(21));
        assert_eq!(number_value("Twenty"), Some(20));
        assert_eq!(number_value("top"), Some(1));
        assert_eq!(number_value("12x"), None);
        assert!(is_cardinal("eight"));
        assert!(!is_cardinal("eighth"));
    }

    /// The reading of [`number_value`] before it read in place: a lower-case copy and its digits as a `String`.
    fn number_value_by_copy(s: &str) -> Option<u32> {
        let small = |w: &str| {
            UNITS
                .iter()
                .position(|u| *u == w)
                .or_else(|| UNIT_ORDS.iter().position(|u| *u == w))
                .map(|i| i as u32)
        };
        let tens = |w: &str| {
            TENS.iter()
                .position(|u| *u == w)
                .or_else(|| TEN_ORDS.iter().position(|u| *u == w))
                .map(|i| 20 + 10 * i as u32)
        };
        let w = s.trim().to_ascii_lowercase();
        if w == "top" {
            return Some(1);
        }
        let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() {
            let rest = &w[digits.len()..];
            if !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
                return None;
            }
            return digits.parse().ok().filter(|&n: &u32| n > 0);
        }
        if let Some((t, u)) = w.split_once('-') {
            let t = tens(t)?;
            let u = small(u).filter(|&u| (1..10).contains(&u))?;
            return Some(t + u);
        }
        small(&w).or_else(|| tens(&w)).filter(|&v| v > 0)
    }

    /// [`is_abbreviation_dot`] as it was, with no first test on the four bytes before the dot: the reference
    /// of `abbreviation_dot_as_before`.
    fn is_abbreviation_dot_before(text: &str, dot: usize) -> bool {
        if text.as_bytes()[dot] != b'.' {
            return false;
        }
        let before = &text[..dot];
        let word_start = run_start(
            before,
            |c| c.is_ascii_alphanumeric() || c == b'.',
            |c| c.is_alphanumeric() || c == '.',
        );
        let word = &before[word_start..];
        matches!(
            word,
            "No" | "no" | "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jr" | "Sr" | "vs" | "v"
        ) || (word.len() <= 3 && word.contains('.'))
            || (word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
    }

    /// [`is_abbreviation_dot`] answers as before at every dot of the corpus texts and of random texts of
    /// abbreviations, words of every length (ASCII and not) and stops.
    #[test]
    fn abbreviation_dot_as_before() {
        let pieces = [
            "No", "no", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "vs", "v", "U.S", "A", "a",
            "B.", "e.g", ".", ". ", " ", "-", "'", "é", "Łó", "ÉÉ", "x", "ab", "abc", "abcd", "12",
            "2025", "Sinner", "No1", "\n",
        ];
        let texts = crate::recognise::all_texts_then_random(&pieces, 20_000, 10, 0xab_b7e5);
        let mut dots = 0;
        for t in &texts {
            for (i, _) in t.match_indices('.') {
                assert_eq!(
                    is_abbreviation_dot(t, i),
                    is_abbreviation_dot_before(t, i),
                    "{i} in {t:?}"
                );
                dots += 1;
            }
        }
        assert!(dots > 25_000, "{dots}");
    }

    /// [`sentence_end`] as it was: a walk byte by byte. The reference of `sentence_end_as_the_walk`.
    fn sentence_end_by_walk(text: &str, pos: usize) -> usize {
        let b = text.as_bytes();
        let mut i = pos.min(b.len());
        while i < b.len() {
            let c = b[i];
            if c == b'\n' {
                return i;
            }
            if matches!(c, b'.' | b'!' | b'?')
                && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace())
                && !is_abbreviation_dot(text, i)
            {
                return i + 1;
            }
            i += 1;
        }
        b.len()
    }

    /// [`sentence_end`] (the stops found by block masks) answers as the walk byte by byte at every offset (and
    /// past the end) of the corpus texts and of random texts of stops, abbreviations, white space, non-ASCII
    /// letters and runs longer than a block.
    #[test]
    fn sentence_end_as_the_walk() {
        let pieces = [
            "No.",
            "no. 3",
            "U.S.",
            "Mr. Smith",
            " v. ",
            "A.",
            "world No. 1",
            ".",
            "!",
            "?",
            "\n",
            " ",
            "\t",
            ". ",
            "! ",
            "?\n",
            "...",
            "é",
            "Łódź",
            "—",
            "ranked 5th",
            "e.g.",
            "St.",
            "2.5",
            "x",
            "a run of words longer than one block of sixty-four bytes without any stop in it at all",
        ];
        let texts = crate::recognise::all_texts_then_random(&pieces, 3_000, 12, 0x5e47_e9ce);
        let mut checked = 0;
        for t in &texts {
            for pos in 0..=t.len() + 1 {
                assert_eq!(
                    sentence_end(t, pos),
                    sentence_end_by_walk(t, pos),
                    "{pos} in {t:?}"
                );
                checked += 1;
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    /// [`next_word`], [`prev_word`] and the abbreviation test read as their character versions.
    #[test]
    fn word_runs_as_by_chars() {
        fn by_chars_next(text: &str, pos: usize) -> Option<(usize, &str)> {
            let rest = &text[pos..];
            let trimmed = rest.trim_start_matches(' ');
            if trimmed.len() == rest.len() && !rest.is_empty() {
                return None;
            }
            let start = pos + (rest.len() - trimmed.len());
            let end = trimmed
                .find(|c: char| !is_word_char(c))
                .unwrap_or(trimmed.len());
            (end > 0).then(|| (start, &trimmed[..end]))
        }
        fn by_chars_prev(text: &str, pos: usize) -> Option<&str> {
            let before = text[..pos].trim_end_matches(' ');
            if !before.ends_with(is_word_char) {
                return None;
            }
            let start = before
                .rfind(|c: char| !is_word_char(c))
                .map_or(0, |i| i + c_len(before, i));
            Some(&before[start..])
        }
        let by_chars_dot = |before: &str| {
            before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
                .map_or(0, |i| i + c_len(before, i))
        };
        let mut texts = crate::recognise::all_texts();
        texts.truncate(400);
        texts.extend(
            [
                "Jos\u{e9}'s d\u{e9}j\u{e0}-vu x\u{a0}y caf\u{e9} \u{c9}mile.Z U.S. \u{2028}No.\u{e9}",
                "\u{e9}", "a", "", " ", "- '", "\u{2019}s \u{e9}e \u{e9}\u{e9}-x '\u{e9}'",
                "\u{c6}r\u{f8}\u{d7}\u{df}\u{f7}\u{1c5}\u{24f}\u{27f} \u{d7}x x\u{f7} \u{133}-\u{141}\u{f3}d\u{17a} \u{bf}\u{c0}.\u{280}\u{b5}\u{bf}",
            ]
            .map(str::to_string),
        );
        for t in &texts {
            for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                assert_eq!(next_word(t, pos), by_chars_next(t, pos), "{t:?} {pos}");
                assert_eq!(prev_word(t, pos), by_chars_prev(t, pos), "{t:?} {pos}");
                let before = &t[..pos];
                assert_eq!(
                    run_start(
                        before,
                        |c| c.is_ascii_alphanumeric() || c == b'.',
                        |c| c.is_alphanumeric() || c == '.'
                    ),
                    by_chars_dot(before),
                    "{t:?} {pos}"
                );
            }
        }
    }

    /// [`latin_letter_at`] says yes exactly on the letters among the characters of U+00C0..U+027F, and on no
    /// other character.
    #[test]
    fn latin_letters_are_letters() {
        for c in ('\u{0}'..='\u{7ff}').chain(['\u{800}', '\u{ffff}', '\u{10000}']) {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let want = ('\u{c0}'..='\u{27f}').contains(&c) && c.is_alphabetic();
            assert_eq!(latin_letter_at(b, 0), want, "{c:?}");
        }
    }

    /// [`number_value`] reads as the copying version on number words, digits and edge cases.
    #[test]
    fn same_number_value_as_by_copy() {
        let mut words: Vec<String> = [
            "",
            " ",
            "0",
            "00",
            "007",
            "1st",
            "1ST",
            "2Nd",
            "31st",
            "4294967295",
            "4294967296",
            "99999999999",
            "12x",
            "12 th",
            "12th ",
            " Top",
            "TOP",
            "tops",
            "top-",
            "-one",
            "twenty-",
            "twenty-one-two",
            "Twenty-First",
            "twenty-zero",
            "twenty-tenth",
            "ninety-ninth",
            "zero",
            "zeroth",
            "\u{a0}five\u{2028}",
            "fi\u{17f}th",
            "\u{212a}",
            "one two",
            "1-2",
            "twenty–one",
            "Ninetieth",
            "ELEVENTH",
            "nineteen",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        for list in [&UNITS[..], &UNIT_ORDS, &TENS, &TEN_ORDS] {
            for w in list {
                words.push(w.to_string());
                words.push(w.to_uppercase());
                for t in TENS {
                    words.push(format!("{t}-{w}"));
                    words.push(format!("{}-{w}", t.to_uppercase()));
                }
            }
        }
        for n in 0..200 {
            for suffix in ["", "st", "nd", "rd", "th", "ST", "s", "-"] {
                words.push(format!("{n}{suffix}"));
            }
        }
        for w in &words {
            assert_eq!(number_value(w), number_value_by_copy(w), "{w:?}");
        }
    }

    /// Every word of one to three bytes of `bytes`.
    fn short_words(bytes: &[u8]) -> Vec<Vec<u8>> {
        let mut words = Vec::new();
        for &x in bytes {
            words.push(vec![x]);
            for &y in bytes {
                words.push(vec![x, y]);
                for &z in bytes {
                    words.push(vec![x, y, z]);
                }
            }
        }
        words
    }

    /// [`is_demonym`] says what the list says: on its words, their prefixes, their case variants, and every
    /// word of one to three bytes of capitals and a few other bytes.
    #[test]
    fn is_demonym_as_the_list() {
        let mut words: Vec<Vec<u8>> = Vec::new();
        for d in DEMONYMS {
            let d = d.as_bytes();
            for n in 0..=d.len() {
                words.push(d[..n].to_vec());
            }
            words.push(d.to_ascii_uppercase());
            words.push(d.to_ascii_lowercase());
            words.push([d, b"s"].concat());
            words.push([b"X", d].concat());
        }
        words.extend(short_words(&[
            b'A', b'Z', b'a', b'0', b'@', b'[', 0xC3, 0x80,
        ]));
        let mut seen = 0;
        for w in &words {
            let want = DEMONYMS.iter().any(|d| &w[..] == d.as_bytes());
            seen += usize::from(want);
            assert_eq!(is_demonym(w), want, "{w:?}");
        }
        assert!(seen >= DEMONYMS.len(), "{seen}");
    }

    /// [`may_lead`] and [`is_move_word`] say what the plain lists say.
    #[test]
    fn may_lead_as_the_lists() {
        let mut words: Vec<Vec<u8>> = MOVE_WORDS
            .iter()
            .chain(SPAN_WORDS.iter())
            .map(|w| w.to_vec())
            .chain(DEMONYMS.iter().map(|d| d.as_bytes().to_vec()))
            .collect();
        for w in words.clone() {
            words.push(w.to_ascii_uppercase());
            words.push(w.to_ascii_lowercase());
            words.push(w[..w.len() - 1].to_vec());
            words.push([&w[..], b"s"].concat());
        }
        words.extend(
            [
                &b""[..],
                b"x",
                b"Up",
                b"uP",
                b"to",
                b"_back",
                b"1",
                b"\xc5\xbfpell",
            ]
            .map(<[u8]>::to_vec),
        );
        // Every word of one to three bytes of some letters (of the lists' first letters and others), a digit
        // and a few other bytes.
        words.extend(short_words(b"uUpPdDwWbBaRyz0@[`{"));
        for w in &words {
            let move_word = MOVE_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m));
            assert_eq!(is_move_word(w), move_word, "{w:?}");
            assert_eq!(may_lead(w, b't'), move_word, "{w:?}");
            let n = SPAN_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m))
                || DEMONYMS.iter().any(|d| &w[..] == d.as_bytes());
            assert_eq!(may_lead(w, b'n'), n, "{w:?}");
        }
    }

    /// The keyword windows and the groups of the alternatives give what the capturing pattern gave.
    /// The hand-read groups of every form [`read_groups`] reads are those of the branches.
    #[test]
    fn read_groups_as_the_branches() {
        let names = [
            "wf", "wn", "wr", "wo", "chr", "chn", "cho", "fn", "nat", "nn", "bn", "br", "hr", "rq",
            "rno", "rn", "rw", "mv", "mno", "mn", "mw", "fno", "frn", "frw", "an", "ts",
        ];
        let mut texts = crate::recognise::all_texts();
        texts.push(
            "from No. 5 in the world, ranked as low as 91st in the world rankings, ranked  as high at No 3, \
             back up to 31st, rose TO the top, back to No4, former No 1, ex-number 2, former  no. 3, went to \
             number 9 in the world, dropped to 40th, from number 12, ranked No.1, ranked a"
                .to_string(),
        );
        texts.push(
            "No. 2 Sinner, the No 1-ranked, No1 player, No.\t54, No.3-ranked, 10th-ranked, Third-ranked, \
             top-ranked, TOP-ranked, twenty-first-ranked, world's top-ranked, World's  91st-ranked, \
             world's No. 2-ranked, week at No. 1, weeks at number  one, Days at No2, reign at number one, \
             returning to the top spot, return to the top of the ATP rankings, back to the top of the rankings, \
             rose to the top spot, British number one, Slovakian No. 2, Slovak no 3, Norwegian No 1, \
             Norwegian number two, ex-No 1, former No.1-ranked, ex-world No 3, career-high No 5, \
             career-best ranking of 12, Canadian No.\n4, British  Number ten"
                .to_string(),
        );
        let mut forms = std::collections::BTreeSet::new();
        for t in &texts {
            for (s, e) in matches(t, &crate::recognise::Keywords::scan(t)) {
                let m = &t[s..e];
                if world_number(m).is_some() {
                    continue;
                }
                if let Some((ns, g)) = read_groups(m) {
                    forms.insert(ns[0]);
                    let c = BRANCHES.captures(t, s, e);
                    for n in names {
                        let got = ns.iter().position(|&x| x == n).and_then(|i| g[i]);
                        assert_eq!(got, c.name(n), "{n} in {m:?} of {t}");
                    }
                }
            }
        }
        // Every form was read by hand somewhere.
        let all = ["fno", "rq", "fn", "mv", "ts", "an", "nat", "bn", "hr", "wo"];
        assert_eq!(forms, all.into_iter().collect(), "forms read");
    }

    #[test]
    fn same_as_the_capturing_pattern() {
        let re = Regex::new(&pattern()).unwrap();
        let names: Vec<&str> = re.capture_names().flatten().collect();
        let groups = |c: &regex::Captures| -> Vec<Option<String>> {
            names
                .iter()
                .map(|n| c.name(n).map(|m| m.as_str().to_string()))
                .collect()
        };
        let branch_groups = |c: &Groups| -> Vec<Option<String>> {
            names
                .iter()
                .map(|n| c.name(n).map(str::to_string))
                .collect()
        };
        for t in &crate::recognise::all_texts() {
            let want: Vec<(usize, usize, Vec<Option<String>>)> = re
                .captures_iter(t)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    (m.start(), m.end(), groups(&c))
                })
                .collect();
            let got: Vec<(usize, usize, Vec<Option<String>>)> =
                matches(t, &crate::recognise::Keywords::scan(t))
                    .into_iter()
                    .map(|(s, e)| (s, e, branch_groups(&super::groups(t, s, e))))
                    .collect();
            assert_eq!(got, want, "{t}");
        }
    }

    /// Edge cases of the start test of [`matches`]: the same as the plain pattern.
    #[test]
    fn same_on_tricky_strings() {
        let re = Regex::new(&pattern()).unwrap();
        let texts = [
            "twenty-first-ranked, top-ranked player, Top-ranked, x-tenth-ranked, 12th-ranked, world's top-ranked",
            "back up to 31st, up to No 5 in the world, Back  Up\tto No.5, rose\u{2028}to fifth, went to 3",
            "British number one, British  No.1, Swiss No 2, weeks at No. 1, spell at number one, Days at No 3",
            "the former - world No 1, ex-world number two, former No. 4, ex- No 3, formerly world No 1",
            "rose to the top of the rankings, returned to the top spot, fell to 64th in the world rankings",
            "from No 5 to No 3, from 204th at the start of May to 40th, career-high No 3, ranked as low as 91st",
            "the No 1, No.\u{a0}3 Iga, world\u{2028}number 46, WORLD NO 1, World Number One, to NUMBER ONE",
            "former\u{2028}- world No.\u{a0}1-ranked, Ex-World's number twenty-one, WORLD no 3, world No1-ranked",
            "formerly world No 1, world's No. 91st-ranked, world's 91st-ranked, ex world no.\tthird, former-No 2",
            "world  Number  Twenty-First-ranked, ex - world number one, world's number one-ranked player",
        ];
        let names: Vec<&str> = re.capture_names().flatten().collect();
        for t in texts.map(|t| crate::normalise::Normalised::new(t).text) {
            let want: Vec<(usize, usize, Vec<Option<&str>>)> = re
                .captures_iter(&t)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let g = names.iter().map(|n| c.name(n).map(|x| x.as_str()));
                    (m.start(), m.end(), g.collect())
                })
                .collect();
            let got: Vec<(usize, usize, Vec<Option<&str>>)> =
                matches(&t, &crate::recognise::Keywords::scan(&t))
                    .into_iter()
                    .map(|(s, e)| {
                        let c = groups(&t, s, e);
                        (s, e, names.iter().map(|n| c.name(n)).collect())
                    })
                    .collect();
            assert_eq!(got, want, "{t}");
        }
    }

    /// Where [`common_at`] answers, it answers as the pattern: at every word start of the corpora and of random
    /// texts made of the pieces of its forms and their near misses.
    #[test]
    fn common_at_same_as_the_pattern() {
        let pieces = [
            "world",
            "World",
            "WORLD",
            "world's",
            "ranked",
            "Ranked",
            "number",
            "Number",
            "No",
            "no",
            "No.",
            "NO",
            "nu",
            "in",
            "In",
            "the",
            "world",
            "rankings",
            "Rankings",
            "worldwide",
            "-ranked",
            "-Ranked",
            "ranked",
            "5",
            "39",
            "1234",
            "12345",
            "39th",
            "1st",
            "one",
            "as",
            "low",
            "former",
            "world number ",
            "World No. ",
            "world no ",
            "ranked ",
            " in the world",
            " in the world rankings",
            "ranked 39 in the ",
            " in  the\t",
            " world number 5 ",
            " ranked 39 in the world ",
            " ranked 4 in the world rankings.",
            " World No. 12-ranked ",
            "One",
            "tenth",
            "twenty",
            "twenty-one",
            "zero",
            "zeroth",
            "ninety-ninth",
            "oneself",
            "top",
            " world number one ",
            " in the world r",
            " in the world\u{a0}",
            " in the worldx",
        ];
        let answered =
            crate::recognise::reader_agrees(&pieces, 200_000, common_at, |t, p| RE.at(t, p));
        assert!(answered > 10_000, "{answered}");
    }

    /// Where [`may_open`] says no, the pattern has no match: every word start of the corpus and of edge cases.
    #[test]
    fn may_open_is_necessary() {
        crate::recognise::assert_necessary_at_word_starts(
            &[
                "to the top, to 5, World's 91st-ranked, world'S 91st-ranked, world'ſ 91st-ranked, world\u{a0}No 1",
                "career-best 3rd, career\u{a0}high No 3, career high ranking of 5, career-ſ, career,best No 3",
                "ex-world No 1, ex - No 3, ex world no. 3, formerNo 1, former\u{2028}No 1, formerly world No 1",
                "No.\u{a0}3, No 3, No. 3, No.3, NO 3, no 3, number 3, Number 3, No1, No\tone, No.\u{2028}4",
                "ranked\u{a0}3rd, ranked as low as 5, ranked No 5, ranked ſixth, ranked  fifth, ranked\tnumber one",
                "Ranked 5, tenth-ranked player, ranked between, ranked in, RANKED AS HIGH AS 4, ranked. 5",
                "World Indoor, world, world rankings, world  number one, WORLD'S TOP-RANKED, world's\ttop-ranked",
                "Former champion, former world No 1, ex-No 2, former-No 2, former - world no 4, EX WORLD NO 1",
                "Noé Vukić, No\u{a0}5, No.\u{85}5, No\u{3000}5, No.é, No\u{1680}4, No\u{2000}3",
            ],
            may_open,
            |t, p| RE.at(t, p),
        );
    }

    /// [`no_stop_or_org`] answers as the two look-ups it replaces, on every word start and length of texts of
    /// stop words, organisation words, names and possessives, near their ends too (fewer than eight bytes left).
    #[test]
    fn no_stop_or_org_as_two_lookups() {
        let texts = crate::recognise::random_texts(
            &[
                " ",
                "The",
                "Open",
                "A",
                "Federer",
                "Championships",
                "International",
                "Internationals",
                "'s",
                "\u{c9}lise",
                "ATP",
                "Monday",
                "Cup",
                "-",
                "x",
            ],
            3_000,
            5,
            11,
        );
        let mut listed = 0;
        for t in &texts {
            for start in (0..t.len()).filter(|&p| t.is_char_boundary(p)) {
                for end in (start + 1..=t.len()).filter(|&e| t.is_char_boundary(e)) {
                    let w = &t[start..end];
                    let want = !lexicon::is_stop(w) && !lexicon::is_org(w);
                    listed += usize::from(!want);
                    assert_eq!(no_stop_or_org(t, start, w), want, "{t:?} {start} {end}");
                }
            }
        }
        assert!(listed > 1000, "{listed}");
    }

    /// The early answer of [`name_follows`] by the first byte agrees with the word it spares reading.
    #[test]
    fn name_follows_as_by_the_word() {
        let texts = crate::recognise::all_texts_and_random(
            &[
                "seed  Federer, seed federer seed 'Federer seed -Nadal seed \u{c9}mile seed \u{e9}mile seed",
            ],
            &[
                " ",
                "Federer",
                "the",
                "Russian",
                "ATP",
                "'s",
                ",",
                "-",
                "\u{c9}lise",
                "\u{e9}",
                "3",
                "\u{a0}",
            ],
            7,
        );
        let mut yes = 0;
        for t in &texts {
            for p in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                let want = name_follows_by_word(t, p);
                yes += usize::from(want);
                assert_eq!(name_follows(t, p), want, "{p} {t}");
            }
        }
        assert!(yes > 1000, "{yes}");
    }

    /// [`matches_into`] with the windows it had before [`to_no_window`]: two runs of white space before every "to"
    /// and "No"/"number", none before the other keywords.
    fn matches_with_full_windows(
        text: &str,
        keywords: &super::super::Keywords,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let full = |text: &str, o: usize, _done: usize| {
            let runs = if matches!(text.as_bytes()[o] | 0x20, b't' | b'n') {
                2
            } else {
                0
            };
            super::super::window_start(text, o, runs)
        };
        matches_with_window(text, keywords, full, &mut out);
        out.into_iter().map(|(s, e, ())| (s, e)).collect()
    }

    /// The windows of [`to_no_window`] (a "to" or "No" dropped or narrowed by the word before it) give the matches
    /// that the full windows gave, and those of the plain pattern: on every text of the corpora and on random
    /// texts of movement words, demonyms, span words, "at", the keywords, numbers and edge pieces.
    #[test]
    fn hit_windows_as_the_full_windows() {
        let texts = crate::recognise::all_texts_and_random(
            &[
                "rose to 5, went\u{a0}to 3, back up to 4, British No 1, weeks at No 1, x_rose to 5, -to 5",
            ],
            &[
                " ",
                "  ",
                "\t",
                "\n",
                "\u{a0}",
                "\u{2028}",
                "\u{212a}",
                "\u{17f}",
                "\u{e9}",
                ".",
                ",",
                "-",
                "_",
                "x",
                "5",
                "one",
                "to 5",
                "To 5th",
                "to No 3",
                "No 1",
                "No.2",
                "number one",
                "to",
                "No",
                "at",
                "At",
                "up",
                "back",
                "Back",
                "rose",
                "riſe",
                "ran",
                "ed",
                "Rose",
                "weeks",
                "Day",
                "reign",
                "British",
                "Swiss",
                "the",
                "top",
                "world",
                "ranked",
                "from",
                "former",
                "ex",
                "in",
                "the world",
                " rose to ",
                " back up to ",
                " Back\tup to ",
                " British No",
                " weeks at No",
                " day at number",
            ],
            0x5eed_4a11,
        );
        let re = Regex::new(&pattern()).unwrap();
        let (mut dropped, mut narrowed, mut from_word, mut found, mut ascii) = (0, 0, 0, 0, 0);
        for t in &texts {
            let keywords = crate::recognise::Keywords::scan(t);
            let b = t.as_bytes();
            for o in keywords.starts(super::super::KEY_RANKING) {
                if matches!(b[o] | 0x20, b't' | b'n') {
                    match to_no_window(t, o, 0) {
                        f if f > o => dropped += 1,
                        f if f == o => narrowed += 1,
                        f if f != super::super::window_start(t, o, 2) => from_word += 1,
                        _ => {}
                    }
                }
            }
            let want = matches_with_full_windows(t, &keywords);
            found += want.len();
            assert_eq!(matches(t, &keywords), want, "{t:?}");
            // And those of the plain pattern on ASCII texts (a movement word with "ſ" before a "to", as "riſe\u{a0}To
            // 5th", is not one that `may_lead` knows, with any window).
            if t.is_ascii() {
                ascii += 1;
                let plain: Vec<_> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(want, plain, "{t:?}");
            }
        }
        assert!(
            dropped > 1000 && narrowed > 1000 && from_word > 500 && found > 1000 && ascii > 1000,
            "{dropped} {narrowed} {from_word} {found} {ascii}"
        );
    }

    /// [`alnum_bits`] as the byte test, for every byte value at every place of the eight; [`alnum_run_start`] as
    /// the byte loop at every end of random byte strings of letters, digits and others (non-ASCII too).
    #[test]
    fn alnum_run_as_the_byte_loop() {
        for c in 0..=255u8 {
            for place in 0..8 {
                for fill in [0u8, b'a', 0xff, b' ', b'Z'] {
                    let mut bytes = [fill; 8];
                    bytes[place] = c;
                    let bits = alnum_bits(u64::from_le_bytes(bytes));
                    for (i, &x) in bytes.iter().enumerate() {
                        let want = if x.is_ascii_alphanumeric() { 0x80 } else { 0 };
                        assert_eq!(bits >> (8 * i) & 0xff, want, "{bytes:?} {i}");
                    }
                }
            }
        }
        let alphabet = b"aZz09AM_-@[`{/: \x80\xc3\xff\x7f";
        let mut seed = 0x1234_5678_9abc_def1u64;
        for _ in 0..20_000 {
            let n = 1 + (seed % 24) as usize;
            let mut b = Vec::new();
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                b.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            for e in 1..=b.len() {
                let mut want = e;
                while want > 0 && b[want - 1].is_ascii_alphanumeric() {
                    want -= 1;
                }
                assert_eq!(alnum_run_start(&b, e), want, "{b:?} {e}");
            }
        }
    }

    /// [`word_before`] as read from its definition: the ASCII white space before `o`, then what ends there.
    #[test]
    fn word_before_cases() {
        let cases: [(&str, usize, Before); 12] = [
            ("to", 0, Before::Nothing),
            ("  to", 2, Before::Nothing),
            ("(to", 1, Before::Nothing),
            ("rose to", 5, Before::Word(0, b"rose")),
            ("x-Rose \t to", 9, Before::Word(2, b"Rose")),
            ("rose, to", 6, Before::Nothing),
            ("rose\u{a0}to", 6, Before::Unknown),
            ("ri\u{17f}e to", 6, Before::Unknown),
            ("\u{e9}5 to", 4, Before::Unknown),
            ("5 to", 2, Before::Word(0, b"5")),
            ("x_at No", 5, Before::Word(2, b"at")),
            ("rose-to", 5, Before::Nothing),
        ];
        for (t, o, want) in cases {
            assert_eq!(word_before(t.as_bytes(), o), want, "{t:?} {o}");
        }
    }

    #[test]
    fn sides() {
        let t = "World number 46 Rusedski lost.";
        assert_eq!(find(t)[0].side, PlayerSide::After);
        let t = "The world number one lost.";
        assert_eq!(find(t)[0].side, PlayerSide::Itself);
        let t = "Gauff, the world No. 2, won.";
        assert_eq!(find(t)[0].side, PlayerSide::Before);
        let t = "Keys, ranked 14th, won.";
        assert_eq!(find(t)[0].side, PlayerSide::Before);
    }
}

#[cfg(test)]
mod sentence_tests {
    use super::*;

    /// The byte loop that [`sentence_start_after`] replaced.
    fn plain(text: &str, pos: usize) -> usize {
        let b = text.as_bytes();
        let mut i = pos.min(b.len());
        while i > 0 {
            let c = b[i - 1];
            if c == b'\n' {
                return i;
            }
            if matches!(c, b'.' | b'!' | b'?')
                && b.get(i).is_some_and(|n| n.is_ascii_whitespace())
                && !is_abbreviation_dot(text, i - 1)
            {
                return i;
            }
            i -= 1;
        }
        0
    }

    fn check(t: &str) {
        let mut last = (0, 0);
        for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
            let want = plain(t, pos);
            assert_eq!(sentence_start(t, pos), want, "{t:?} at {pos}");
            assert_eq!(sentence_start_after(t, pos, last), want, "{t:?} at {pos}");
            if pos % 5 == 0 {
                last = (pos, want);
            }
        }
    }

    #[test]
    fn same_as_the_byte_loop() {
        for t in [
            "Mr. Smith won. No. 1 seed! Why? U.S. Open\nNew line. Again.\n\nEnd",
            ".a. b.\tc! d?\ne. ",
            "",
            "\n",
            "No. 3 and St. Louis v. Dr. X. Done",
        ] {
            check(t);
        }
        for t in crate::recognise::all_texts().iter().take(300) {
            check(t);
        }
    }
}
