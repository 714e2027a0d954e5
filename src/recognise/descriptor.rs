//! References that stand for a player without naming them: pronouns ("he", "she"), demonyms ("the Briton",
//! "the Monegasque") and ages ("the 26-year-old"). Ranking and seed phrases that stand for a player ("the world
//! No 1", "the fifth seed") come from their own recognisers. Corpus: `tests/corpus/descriptor.jsonl`.

#[cfg(test)]
use super::Alternation;
use super::Keywords;
use super::Span;
use super::boundary;
use super::names;
use crate::lexicon;
use once_cell::sync::Lazy;

/// What a descriptor says about the player it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DescKind {
    /// "he", "she".
    Pronoun,
    /// "the Briton": the player's nationality.
    Demonym(&'static str),
    /// "the 26-year-old": the player's age.
    Age(u32),
    /// "the teenager", "the qualifier", "the defending champion": a role in the story.
    Role,
}

/// A descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Descriptor {
    pub span: Span,
    pub kind: DescKind,
}

/// Adjectives that may stand between "the" and the descriptor ("the young Briton").
#[cfg(test)]
const ADJ: &str = r"(?:in-form|young|unseeded|veteran|former|defending|top-seeded|big-serving|giant|teenage|left-handed|right-handed|experienced|tall|powerful)\x20";
#[cfg(test)]
const AGE: &str = r"[0-9]{2}-year-old(?-u:\b)";
#[cfg(test)]
const ROLE: &str = r"(?:teenager|youngster|wildcard(?:\x20entry)?|qualifier|veteran|holder|title\x20holder|defending\x20champion|champion|left-hander|right-hander|home\x20favourite|favourite|underdog|lucky\x20loser|world\x20champion|Olympic\x20champion)(?-u:\b)";
#[cfg(test)]
const DEM: &str = r"\p{Lu}\p{Ll}+(?:\x20Korean|\x20African|\x20Zealander)?";

/// What each alternative of the pattern is (the tests' view of [`Visit`]), in priority order: the pronoun,
/// then "the" with the adjective (age, role, demonym), then "the" without it — the order a backtracking
/// `[Tt]he\x20(?:ADJ)?(?:AGE|ROLE|DEM)` tries.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alt {
    Pronoun,
    Age,
    Role,
    Demonym { adjective: bool },
}

#[cfg(test)]
const ALTS: [Alt; 7] = [
    Alt::Pronoun,
    Alt::Age,
    Alt::Role,
    Alt::Demonym { adjective: true },
    Alt::Age,
    Alt::Role,
    Alt::Demonym { adjective: false },
];

#[cfg(test)]
static DESC: Lazy<Alternation> = Lazy::new(|| {
    let pron = r"(?:[Hh]e|[Ss]he)(?-u:\b)".to_string();
    let with = |x: &str| format!(r"[Tt]he\x20{ADJ}{x}");
    let without = |x: &str| format!(r"[Tt]he\x20{x}");
    let alts = [
        pron,
        with(AGE),
        with(ROLE),
        with(DEM),
        without(AGE),
        without(ROLE),
        without(DEM),
    ];
    let alts: Vec<&str> = alts.iter().map(String::as_str).collect();
    Alternation::new("", r"(?-u:\b)", &alts, "")
});

/// The adjectives of [`ADJ`], in pattern order.
const ADJECTIVES: &[&str] = &[
    "in-form",
    "young",
    "unseeded",
    "veteran",
    "former",
    "defending",
    "top-seeded",
    "big-serving",
    "giant",
    "teenage",
    "left-handed",
    "right-handed",
    "experienced",
    "tall",
    "powerful",
];

/// The roles of [`ROLE`], in the order the pattern tries them ("wildcard entry" before "wildcard").
const ROLES: &[&str] = &[
    "teenager",
    "youngster",
    "wildcard entry",
    "wildcard",
    "qualifier",
    "veteran",
    "holder",
    "title holder",
    "defending champion",
    "champion",
    "left-hander",
    "right-hander",
    "home favourite",
    "favourite",
    "underdog",
    "lucky loser",
    "world champion",
    "Olympic champion",
];

/// `list` by first byte, each bucket in list order: the only entries that can match at a given byte.
fn by_first_byte(list: &[&'static str]) -> Vec<Vec<&'static str>> {
    let mut t = vec![Vec::new(); 256];
    for w in list {
        t[usize::from(w.as_bytes()[0])].push(*w);
    }
    t
}

/// The bit of the first three bytes `(a, b, c)` of a word in [`ADJ_OR_ROLE_START`]: each folded to its low
/// five bits.
const fn triple_index(a: u8, b: u8, c: u8) -> usize {
    ((a & 31) as usize) << 10 | ((b & 31) as usize) << 5 | (c & 31) as usize
}

/// Sets the bit of the first three bytes of each word of `list` in `t`.
const fn set_triples(mut t: [u64; 512], list: &[&str]) -> [u64; 512] {
    let mut k = 0;
    while k < list.len() {
        let w = list[k].as_bytes();
        let i = triple_index(w[0], w[1], w[2]);
        t[i / 64] |= 1 << (i % 64);
        k += 1;
    }
    t
}

/// The first three bytes of the adjectives and roles (folded by [`triple_index`]), one bit each (4 KB): a
/// lower-case word after "the " whose bit is clear matches no alternative (ages start with a digit, demonyms
/// with a capital, and every adjective and role has at least three bytes).
static ADJ_OR_ROLE_START: [u64; 512] = set_triples(set_triples([0; 512], ADJECTIVES), ROLES);

/// Whether an adjective or role may start at `q`: one bit of [`ADJ_OR_ROLE_START`] (bytes past the end
/// read as zero: no word that short matches).
#[cfg(test)]
fn adj_or_role_may_start(bytes: &[u8], q: usize) -> bool {
    let at = |k: usize| bytes.get(q + k).copied().unwrap_or(0);
    let i = triple_index(at(0), at(1), at(2));
    ADJ_OR_ROLE_START[i / 64] >> (i % 64) & 1 != 0
}

/// Whether the descriptor pattern may match after "the " at `q`: a necessary test of the byte there (and for
/// a lower-case letter, of the first three bytes). The reference of [`may_follow_the_word`].
#[cfg(test)]
fn may_follow_the(bytes: &[u8], q: usize) -> bool {
    match bytes.get(q) {
        Some(c) if c.is_ascii_lowercase() => adj_or_role_may_start(bytes, q),
        // Digits (ages), capitals (demonyms, "Olympic champion") and non-ASCII capitals.
        Some(c) => c.is_ascii_digit() || c.is_ascii_uppercase() || !c.is_ascii(),
        None => false,
    }
}

/// What [`may_follow_the_word`] answers for the byte after "the ", by the bit of [`ADJ_OR_ROLE_START`] of the
/// first three bytes: bit 0 is the answer when that bit is clear, bit 1 when it is set. Lower-case ASCII
/// letters (adjectives, roles) take the bit (0b10); digits (ages), ASCII capitals (demonyms, "Olympic
/// champion") and non-ASCII bytes (capitals) pass either way (0b11); other bytes never (0).
static FOLLOW_THE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_lowercase() {
            0b10
        } else if b.is_ascii_digit() || b.is_ascii_uppercase() || !b.is_ascii() {
            0b11
        } else {
            0
        };
        c += 1;
    }
    t
};

/// [`may_follow_the`] on the eight bytes `x` from "the " (as [`eight_bytes`] reads them: bytes 4 to 6 are the
/// first three after the space, zeros past the text's end, which no word starts with). The triple's bit is
/// read for every byte and [`FOLLOW_THE`] picks the answer, so that the kind of byte after "the" (a
/// lower-case word most of the time, a capital or a digit at random) costs no branch.
#[inline]
fn may_follow_the_word(x: u64) -> bool {
    let [_, _, _, _, c, c1, c2, _] = x.to_le_bytes();
    let i = triple_index(c, c1, c2);
    let bit = ADJ_OR_ROLE_START[i / 64] >> (i % 64) & 1;
    FOLLOW_THE[usize::from(c)] >> bit & 1 != 0
}

static ROLES_BY_FIRST: Lazy<Vec<Vec<&'static str>>> = Lazy::new(|| by_first_byte(ROLES));
static ADJECTIVES_BY_FIRST: Lazy<Vec<Vec<&'static str>>> = Lazy::new(|| by_first_byte(ADJECTIVES));

/// `ROLE`: the end of the first role at `q` that a word boundary follows.
fn role(bytes: &[u8], q: usize) -> Option<usize> {
    let rest = &bytes[q..];
    ROLES_BY_FIRST[usize::from(*rest.first()?)]
        .iter()
        .find(|w| rest.starts_with(w.as_bytes()) && boundary(bytes, q + w.len()))
        .map(|w| q + w.len())
}

/// `ADJ`: the end of an adjective and its space at `q`.
fn adjective(bytes: &[u8], q: usize) -> Option<usize> {
    let rest = &bytes[q..];
    ADJECTIVES_BY_FIRST[usize::from(*rest.first()?)]
        .iter()
        .find(|w| rest.starts_with(w.as_bytes()) && rest.get(w.len()) == Some(&b' '))
        .map(|w| q + w.len() + 1)
}

/// `AGE`: the end of "NN-year-old" at `q`.
fn age(bytes: &[u8], q: usize) -> Option<usize> {
    let rest = &bytes[q..];
    let ok = rest.len() >= 11
        && rest[0].is_ascii_digit()
        && rest[1].is_ascii_digit()
        && rest[2..].starts_with(b"-year-old")
        && boundary(bytes, q + 11);
    ok.then_some(q + 11)
}

/// `DEM`: the end of a capitalised word at `q` (`\p{Lu}\p{Ll}+`), with " Korean", " African" or " Zealander".
/// On bytes while the letters are ASCII.
fn demonym_word(text: &str, q: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let first = *bytes.get(q)?;
    let start = if first.is_ascii_uppercase() {
        q + 1
    } else if first.is_ascii() {
        return None;
    } else {
        let c = text[q..].chars().next()?;
        if !names::is_lu(c) {
            return None;
        }
        q + c.len_utf8()
    };
    let mut end = start;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii_lowercase() {
            end += 1;
        } else if b.is_ascii() {
            break;
        } else {
            let c = text[end..].chars().next()?;
            if !names::is_ll(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    if end == start {
        return None;
    }
    // The three words start with different capitals: at most one may follow, told by the byte after the space.
    let rest = &bytes[end..];
    let word: &[u8] = match rest {
        [b' ', b'K', ..] => b" Korean",
        [b' ', b'A', ..] => b" African",
        [b' ', b'Z', ..] => b" Zealander",
        _ => return Some(end),
    };
    Some(if rest.starts_with(word) {
        end + word.len()
    } else {
        end
    })
}

/// What [`each_match`] reports: a method for each kind of alternative, so that every call site names its
/// kind. (Handed back as an `Alt` and matched by the caller, the kind compiled to a jump table whose
/// indirect branch missed at about every second descriptor: the kinds come in no order. A single callback
/// with the kind as an argument does no better: the compiler merges its calls into one with the kind chosen
/// by a phi, and the jump table comes back.)
trait Visit {
    /// A pronoun ("he", "she") at `start..end`.
    fn pronoun(&mut self, start: usize, end: usize);
    /// A role ("the qualifier") at `start..end`.
    fn role(&mut self, start: usize, end: usize);
    /// An age ("the 26-year-old") at `start..end`.
    fn age(&mut self, start: usize, end: usize);
    /// A demonym ("the Briton", "the young Briton" if `adjective`) at `start..end`.
    fn demonym(&mut self, start: usize, end: usize, adjective: bool);
}

/// The tests' view: every match as its span and [`Alt`].
#[cfg(test)]
impl<F: FnMut(usize, usize, Alt)> Visit for F {
    fn pronoun(&mut self, start: usize, end: usize) {
        self(start, end, Alt::Pronoun);
    }
    fn role(&mut self, start: usize, end: usize) {
        self(start, end, Alt::Role);
    }
    fn age(&mut self, start: usize, end: usize) {
        self(start, end, Alt::Age);
    }
    fn demonym(&mut self, start: usize, end: usize, adjective: bool) {
        self(start, end, Alt::Demonym { adjective });
    }
}

/// The descriptor pattern at byte `p`, where "the " or "The " stands at a word boundary: reports the first
/// alternative that matches there to `v` and returns its end. Only the alternatives that can start with the
/// byte after "the " are tried: adjectives start with a lower-case ASCII letter, ages with a digit, roles with
/// an ASCII letter and demonyms with a capital (checked by a test). [`each_match`] calls it only where
/// [`may_follow_the_word`] holds.
fn the_at(text: &str, p: usize, v: &mut impl Visit) -> Option<usize> {
    let bytes = text.as_bytes();
    let q = p + 4;
    let c = *bytes.get(q)?;
    if c.is_ascii_lowercase() {
        // (The bit of the first three bytes is set: the caller checked [`may_follow_the_word`].)
        if let Some(q2) = adjective(bytes, q) {
            if let Some(e) = age(bytes, q2) {
                v.age(p, e);
                return Some(e);
            }
            if let Some(e) = role(bytes, q2) {
                v.role(p, e);
                return Some(e);
            }
            if let Some(e) = demonym_word(text, q2) {
                v.demonym(p, e, true);
                return Some(e);
            }
        }
        let e = role(bytes, q)?;
        v.role(p, e);
        return Some(e);
    }
    if c.is_ascii_digit() {
        let e = age(bytes, q)?;
        v.age(p, e);
        return Some(e);
    }
    // "Olympic champion" is the only role with a capital.
    if c == b'O'
        && let Some(e) = role(bytes, q)
    {
        v.role(p, e);
        return Some(e);
    }
    let e = demonym_word(text, q)?;
    v.demonym(p, e, false);
    Some(e)
}

/// The bytes of a round of [`for_he_sites`] (one more is read: the byte after the last).
#[cfg(test)]
const ROUND: usize = 64;

/// The "he" and "He" of `c[..ROUND]`, as words of eight flag bytes: byte `k` of word `j` is `1 << k` when
/// `c[8 * j + k..]` starts "he" or "He", and zero otherwise. Written byte by byte so that the compiler turns it
/// into a few vector compares.
#[cfg(test)]
fn he_flags(c: &[u8; ROUND + 1]) -> [u64; ROUND / 8] {
    let mut r = [0u8; ROUND];
    for (k, r) in r.iter_mut().enumerate() {
        // `| 0x20` maps 'H' to 'h' (and no other byte to 'h').
        *r = u8::from((c[k] | 0x20 == b'h') & (c[k + 1] == b'e')) << (k % 8);
    }
    let mut words = [0; ROUND / 8];
    for (j, w) in words.iter_mut().enumerate() {
        *w = u64::from_le_bytes(*r[8 * j..].first_chunk::<8>().expect("eight bytes"));
    }
    words
}

/// The flag bytes of `w` (byte `k` either `1 << k` or zero) as the eight bits of a byte, the first byte
/// lowest.
#[cfg(test)]
fn byte_bits(w: u64) -> u64 {
    // The product's top byte is the sum of the bytes: no two share a bit, so no carry.
    w.wrapping_mul(0x0101_0101_0101_0101) >> 56
}

/// Calls `visit(h)` for every index `h` holding "he" or "He" followed by a non-word byte or the end of the
/// text, in order: a few vector compares per round of [`ROUND`] bytes, a look at each hit. The former scan of
/// [`each_match`], kept as the reference of [`Keywords::he_words`] (see its test).
#[cfg(test)]
fn for_he_sites(bytes: &[u8], mut visit: impl FnMut(usize)) {
    // The last bytes (fewer than a round and one) are read from a copy padded with spaces, which start no
    // "he", so that `visit` has one call site.
    let mut tail = [b' '; ROUND + 1];
    let mut at = 0;
    loop {
        let c: &[u8; ROUND + 1] = if let Some(c) = bytes.get(at..at + ROUND + 1) {
            c.try_into().expect("a round and one")
        } else if at < bytes.len() {
            tail[..bytes.len() - at].copy_from_slice(&bytes[at..]);
            &tail
        } else {
            break;
        };
        let flags = he_flags(c);
        if flags.iter().fold(0, |a, &w| a | w) != 0 {
            let mut bits = 0;
            for (j, &w) in flags.iter().enumerate() {
                bits |= byte_bits(w) << (8 * j);
            }
            while bits != 0 {
                let h = at + bits.trailing_zeros() as usize;
                if !bytes.get(h + 2).is_some_and(|&b| super::is_word_byte(b)) {
                    visit(h);
                }
                bits &= bits - 1;
            }
        }
        at += ROUND;
    }
}

/// Reports every match of the descriptor pattern to `v` (see [`Visit`]), leftmost first. Every match
/// starts a maximal run of ASCII letters and digits that is "he", "He", "she", "She", "the" or "The" ("he" with
/// a word boundary after it, at a word start): the keyword scan lists the starts of the runs "he", "she" and
/// "the" in any case (`he_words`, see [`Keywords::he_words`]), and code at each decides which of the three it
/// is. The run has no ASCII letter or digit on either side; `(?-u:\b)` also wants no '_' there.
fn each_match(text: &str, he_words: &[usize], mut v: impl Visit) {
    let bytes = text.as_bytes();
    // No match starts before `i` (the end of the previous match).
    let mut i = 0;
    for &s in he_words {
        if s < i {
            continue;
        }
        // The byte before the run, the run, the byte after it and (after "the ") the first three bytes of the
        // next word read as one load (zeros before the text's start and past its end: no '_' or ' ').
        let x = match s.checked_sub(1) {
            Some(before) => eight_bytes(bytes, before),
            None => eight_bytes(bytes, 0) << 8,
        };
        if x as u8 == b'_' {
            continue;
        }
        // From the run on, as [`may_follow_the_word`] reads it; `| 0x20` lower-cases the first letter only.
        let x = x >> 8;
        let w = x as u32 | 0x20;
        let next = |k: u32| (w >> (8 * k)) as u8;
        // "the" (the first letter in either case) before a space first: about three in four runs are.
        if w == u32::from_le_bytes(*b"the ") {
            if may_follow_the_word(x)
                && let Some(e) = the_at(text, s, &mut v)
            {
                i = e;
            }
            continue;
        }
        if w & 0xFFFF == u32::from(u16::from_le_bytes(*b"he")) {
            // "he" or "He".
            if next(2) != b'_' {
                i = s + 2;
                v.pronoun(s, i);
            }
            continue;
        }
        // "she" (the first letter in either case), no '_' after it.
        if w & 0xFF_FFFF == u32::from_le_bytes(*b"she\0") && next(3) != b'_' {
            i = s + 3;
            v.pronoun(s, i);
        }
    }
}

/// The eight bytes of `bytes` from `s` as a little-endian word, zeros past the end.
#[inline(always)]
fn eight_bytes(bytes: &[u8], s: usize) -> u64 {
    let rest = bytes.get(s..).unwrap_or_default();
    match rest.first_chunk::<8>() {
        Some(&c) => u64::from_le_bytes(c),
        None => {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(w)
        }
    }
}

/// The words after a demonym that keep it a reference to one player ("the American fifth seed", "the German
/// got on top"): player words, verbs, prepositions, ordinals and irregular past tenses (regular ones end in
/// "ed"). One table look-up instead of a comparison per listed word of the same length.
static PLAYER_WORDS: Lazy<lexicon::WordMap<bool>> = Lazy::new(|| {
    lexicon::WordMap::new(
        [
            "world",
            "number",
            "No",
            "no",
            "top",
            "seed",
            "qualifier",
            "wildcard",
            "star",
            "teenager",
            "player",
            "veteran",
            "left-hander",
            "right-hander",
            "champion",
            "defending",
            "former",
            "was",
            "is",
            "has",
            "had",
            "will",
            "would",
            "could",
            "said",
            "says",
            "added",
            "who",
            "then",
            "now",
            "also",
            "took",
            "won",
            "lost",
            "made",
            "saved",
            "broke",
            "hit",
            "served",
            "needed",
            "never",
            "still",
            "did",
            "does",
            "went",
            "came",
            "looked",
            "showed",
            "and",
            "in",
            "at",
            "on",
            "with",
            "for",
            "to",
            "from",
            "by",
            "after",
            "before",
            "first",
            "second",
            "third",
            "fifth",
            "eighth",
            "ninth",
            "twelfth",
            "beat",
            "The German got on top",
            "ed",
            "got",
            "kept",
            "fought",
            "struck",
            "held",
            "led",
            "ran",
            "drew",
            "fell",
            "began",
            "found",
            "gave",
            "met",
            "overcame",
            "threw",
            "swept",
            "upset",
            "saw",
            "felt",
            "told",
            "wins",
            "takes",
            "hits",
            "leads",
            "faces",
            "plays",
            "needs",
            "gets",
            "goes",
        ]
        .map(|w| (w, true)),
    )
});

/// Every descriptor in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<Descriptor> {
    let mut out = Vec::new();
    find_into(text, &Keywords::scan(text), &mut out);
    out
}

/// [`find`] written into `out` (cleared first), with the keywords of `text`.
pub(crate) fn find_into(text: &str, keywords: &Keywords, out: &mut Vec<Descriptor>) {
    // About the descriptors of running text (about one per 120 bytes).
    out.clear();
    out.reserve(text.len() / 64 + 8);
    each_match(text, keywords.he_words(), Push { text, out });
}

/// The [`Visit`] of [`find_into`]: pushes each descriptor of `text` onto `out`.
struct Push<'a> {
    text: &'a str,
    out: &'a mut Vec<Descriptor>,
}

impl Push<'_> {
    fn push(&mut self, start: usize, end: usize, kind: DescKind) {
        self.out.push(Descriptor {
            span: Span::new(start, end),
            kind,
        });
    }
}

impl Visit for Push<'_> {
    fn pronoun(&mut self, start: usize, end: usize) {
        self.push(start, end, DescKind::Pronoun);
    }

    fn role(&mut self, start: usize, end: usize) {
        self.push(start, end, DescKind::Role);
    }

    fn age(&mut self, start: usize, end: usize) {
        // "...NN-year-old": the two digits.
        let a = &self.text[end - "NN-year-old".len()..end - "-year-old".len()];
        if let Ok(n) = a.parse()
            && (10..=60).contains(&n)
        {
            self.push(start, end, DescKind::Age(n));
        }
    }

    fn demonym(&mut self, start: usize, end: usize, adjective: bool) {
        let text = self.text;
        // After "the " and the adjective with its space.
        let t = &text[start..end];
        let mut d = "the ".len();
        if adjective {
            d += t[d..].find(' ').expect("adjective and space") + 1;
        }
        let d = &t[d..];
        // Only demonyms proper; "the Spaniard's" keeps the possessive outside the span.
        let Some(code) = lexicon::demonym(d) else {
            return;
        };
        // "the American fifth seed" / "the Swiss world number one": the demonym is an adjective; still a
        // reference to one player. "the British tennis" is not: a lower-case noun that is not a player word
        // follows.
        let rest = &text[end..];
        let next = word_after(rest);
        let adjective_ok = rest.starts_with(['.', ',', ';', ':', '\'', ')', '"'])
            || rest.is_empty()
            || next.chars().next().is_some_and(|c| c.is_ascii_digit())
            || next.ends_with("seed")
            || next.ends_with("seeded")
            || next.ends_with("ranked")
            || next.ends_with("ed")
            || (next.ends_with("th") && next.len() > 4)
            || PLAYER_WORDS.get(next).is_some();
        if adjective_ok {
            self.push(start, end, DescKind::Demonym(code));
        }
    }
}

/// The first word of `rest.trim_start()` (its letters, digits and '-'): on bytes while they are ASCII, on
/// characters from a byte that is not.
#[inline]
fn word_after(rest: &str) -> &str {
    let b = rest.as_bytes();
    // (The ASCII white space of `char::is_whitespace`.)
    let st = b
        .iter()
        .position(|&c| !matches!(c, b' ' | b'\t'..=b'\r'))
        .unwrap_or(b.len());
    let end = b[st..]
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'-'))
        .map_or(b.len(), |k| st + k);
    if b.get(end).is_some_and(|c| !c.is_ascii()) {
        return word_after_chars(rest);
    }
    &rest[st..end]
}

/// [`word_after`] on characters.
fn word_after_chars(rest: &str) -> &str {
    let trimmed = rest.trim_start();
    trimmed
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(trimmed, |k| &trimmed[..k])
}

/// Corpus view: span and kind.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|d| {
            let v = match d.kind {
                DescKind::Pronoun => "pronoun".to_string(),
                DescKind::Demonym(c) => format!("demonym {c}"),
                DescKind::Age(n) => format!("age {n}"),
                DescKind::Role => "role".to_string(),
            };
            (d.span.start, d.span.end, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`word_after`] on bytes gives what it gives on characters, on random texts with Unicode white space,
    /// letters and digits, and on the fixtures.
    #[test]
    fn word_after_same_as_on_chars() {
        let pieces = [
            " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1c}", "\u{a0}", "\u{2003}", "seed",
            "-", "'", "ed", "\u{e9}", "\u{2160}", "\u{661}", "7", "Open", ".", ",", "_", "x",
        ];
        let mut texts = crate::recognise::random_texts(&pieces, 3000, 8, 0x243f_6a88_85a3_08d3);
        texts.extend(crate::recognise::all_texts());
        for t in &texts {
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                assert_eq!(
                    word_after(&t[i..]),
                    word_after_chars(&t[i..]),
                    "{:?}",
                    &t[i..]
                );
            }
        }
    }

    /// The matches of the regex the scanner implements, with the alternative [`Alternation::which`] reports.
    fn regex_matches(text: &str) -> Vec<(usize, usize, Alt)> {
        DESC.all
            .find_iter(text)
            .map(|m| (m.start(), m.end(), ALTS[DESC.which(text, &m)]))
            .collect()
    }

    fn same_as_regex(text: &str) {
        let mut got = Vec::new();
        each_match(text, Keywords::scan(text).he_words(), |s, e, a| {
            got.push((s, e, a))
        });
        assert_eq!(got, regex_matches(text), "text: {text:?}");
    }

    /// Every site of [`for_he_sites`] (the former scan) where [`each_match`] may find something starts a run
    /// of [`Keywords::he_words`] (a pronoun: a non-word byte before the "he") or ends the first letter of one
    /// (a lower-case 'h' after an 's' or 't', in any case, at a word start).
    fn same_sites(text: &str) {
        let b = text.as_bytes();
        let word = |k: usize| super::super::is_word_byte(b[k]);
        let mut want = Vec::new();
        for_he_sites(b, |h| {
            if h == 0 || !word(h - 1) {
                want.push(h);
            } else if b[h] == b'h'
                && matches!(b[h - 1] | 0x20, b's' | b't')
                && (h == 1 || !word(h - 2))
            {
                want.push(h - 1);
            }
        });
        let words = Keywords::scan(text);
        let words = words.he_words();
        for s in want {
            assert!(words.binary_search(&s).is_ok(), "{s} {text:?}");
        }
    }

    #[test]
    fn he_words_give_the_sites_of_the_former_scan() {
        let mut texts = super::super::all_texts();
        let edge = "he He HE hE she She SHE sHe the The THE tHe she_ _he the_ _the \u{e9}he he\u{e9} \
                    \u{e9}the\u{e9} hes the1 1he 4he Ohe whe xthe thee (He) He's \u{1}he\u{1} she. t he s he \
                    the Briton _the Briton The 26-year-old the_ young The veteran_ the\u{e9} She_ he";
        for pad in 0..64 {
            texts.push(format!("{}{edge}", "x ".repeat(pad / 2)));
            texts.push(format!("{}{}", " ".repeat(pad), edge.replace(' ', "")));
            texts.push(format!(
                "{}{}",
                "y".repeat(pad),
                edge.replace(' ', "\u{e9}")
            ));
            texts.push(format!("{}he", "y".repeat(pad)));
            texts.push(format!("{}the", " ".repeat(pad)));
        }
        for t in &texts {
            same_sites(t);
            same_as_regex(t);
        }
    }

    /// The descriptors as the former `find_into` built them: every match as an [`Alt`], then one `match`.
    fn find_by_alt(text: &str) -> Vec<Descriptor> {
        let mut out = Vec::new();
        each_match(text, Keywords::scan(text).he_words(), |start, end, alt| {
            let kind = match alt {
                Alt::Pronoun => DescKind::Pronoun,
                Alt::Role => DescKind::Role,
                Alt::Age => {
                    let a = &text[end - "NN-year-old".len()..end - "-year-old".len()];
                    match a.parse() {
                        Ok(n) if (10..=60).contains(&n) => DescKind::Age(n),
                        _ => return,
                    }
                }
                Alt::Demonym { adjective } => {
                    let t = &text[start..end];
                    let mut d = "the ".len();
                    if adjective {
                        d += t[d..].find(' ').expect("adjective and space") + 1;
                    }
                    match lexicon::demonym(&t[d..]) {
                        Some(code) => {
                            let rest = &text[end..];
                            let next = word_after(rest);
                            let adjective_ok = rest
                                .starts_with(['.', ',', ';', ':', '\'', ')', '"'])
                                || rest.is_empty()
                                || next.chars().next().is_some_and(|c| c.is_ascii_digit())
                                || next.ends_with("seed")
                                || next.ends_with("seeded")
                                || next.ends_with("ranked")
                                || next.ends_with("ed")
                                || (next.ends_with("th") && next.len() > 4)
                                || PLAYER_WORDS.get(next).is_some();
                            if !adjective_ok {
                                return;
                            }
                            DescKind::Demonym(code)
                        }
                        None => return,
                    }
                }
            };
            out.push(Descriptor {
                span: Span::new(start, end),
                kind,
            });
        });
        out
    }

    /// [`find`] (its [`Visit`] with a method per kind) gives what the former `match` on [`Alt`] gave, on every
    /// test text and on random texts of descriptor pieces.
    #[test]
    fn visit_gives_what_the_match_on_alt_gave() {
        let pieces = [
            "the ",
            "The ",
            "he ",
            "She ",
            "young ",
            "veteran",
            "26-year-old",
            "99-year-old",
            "Briton",
            "Swiss",
            "Spaniard",
            "South",
            " Korean",
            "Xyz",
            " tennis",
            " fifth seed",
            " won",
            ".",
            "'s",
            "qualifier",
            " world",
            "É",
            "x",
            "_",
            " ",
        ];
        let mut texts = crate::recognise::random_texts(&pieces, 5000, 10, 0x1319_8a2e_0370_7344);
        texts.extend(crate::recognise::all_texts());
        let mut seen = 0;
        for t in &texts {
            let want = find_by_alt(t);
            seen += want.len();
            assert_eq!(find(t), want, "{t:?}");
        }
        assert!(seen > 1000, "{seen}");
    }

    #[test]
    fn scanner_matches_the_pattern_on_fixtures() {
        for dir in ["fixtures/tennis", "fixtures/other"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for f in std::fs::read_dir(dir).expect("fixtures") {
                let path = f.expect("entry").path();
                if let Ok(t) = std::fs::read_to_string(&path) {
                    same_as_regex(&t);
                }
            }
        }
    }

    #[test]
    fn he_sites_finds_every_he_before_a_non_word_byte() {
        let text = "hhe Hee hhhhe hheHe he\u{e9}h\u{c8}he eh HE hE hi\u{0}he \u{1}ie theHHhehe x h he_ he1 the \
                    \u{1}he he\u{1}he h\u{1}e hhe\u{1}";
        let b = text.as_bytes();
        for n in 0..=b.len() {
            let b = &b[..n];
            let want: Vec<usize> = (0..b.len().saturating_sub(1))
                .filter(|&k| {
                    matches!(b[k], b'h' | b'H')
                        && b[k + 1] == b'e'
                        && !b.get(k + 2).is_some_and(|&c| super::super::is_word_byte(c))
                })
                .collect();
            let mut got = Vec::new();
            for_he_sites(b, |h| got.push(h));
            assert_eq!(got, want, "{n}");
        }
    }

    /// [`eight_bytes`] and [`may_follow_the_word`] give what the byte reads of [`may_follow_the`] gave, at
    /// every byte of the test texts, of random byte strings (every length up to 12, so every tail) and for
    /// every byte value after "the " followed by every byte value.
    #[test]
    fn may_follow_the_word_same_as_on_bytes() {
        let check = |b: &[u8]| {
            for s in 0..b.len() {
                let x = eight_bytes(b, s);
                let mut want = [0u8; 8];
                for (k, w) in want.iter_mut().enumerate() {
                    *w = b.get(s + k).copied().unwrap_or(0);
                }
                assert_eq!(x, u64::from_le_bytes(want), "{s} {b:?}");
                assert_eq!(
                    may_follow_the_word(x),
                    may_follow_the(b, s + 4),
                    "{s} {b:?}"
                );
            }
        };
        for t in super::super::all_texts() {
            check(t.as_bytes());
        }
        for w in ADJECTIVES.iter().chain(ROLES) {
            for n in 1..=w.len() {
                check(format!("the {}", &w[..n]).as_bytes());
            }
        }
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as u8
        };
        // Bytes from a small alphabet, so that the triples of words often match.
        let alphabet = b"the TtHhOo1a-ylwcqvdfrugpbxz\xe9\x00_ ";
        for len in 0..=12 {
            for _ in 0..3000 {
                let b: Vec<u8> = (0..len)
                    .map(|_| alphabet[usize::from(next()) % alphabet.len()])
                    .collect();
                check(&b);
            }
        }
        let mut hits = 0;
        for c in 0..=255u8 {
            for d in 0..=255u8 {
                let b = [b't', b'h', b'e', b' ', c, d, b'e'];
                hits += usize::from(may_follow_the(&b, 4));
                check(&b);
            }
        }
        assert!(hits > 20_000, "{hits}");
    }

    #[test]
    fn alternatives_start_as_the_scanner_assumes() {
        assert!(
            ADJECTIVES
                .iter()
                .all(|w| w.as_bytes()[0].is_ascii_lowercase())
        );
        assert!(ROLES.iter().all(|w| w.as_bytes()[0].is_ascii_alphabetic()));
        assert!(
            ROLES
                .iter()
                .all(|w| w.as_bytes()[0].is_ascii_lowercase() || w.starts_with('O'))
        );
    }

    #[test]
    fn scanner_matches_the_pattern_on_edge_cases() {
        for t in [
            "he",
            "He",
            "she",
            "She",
            "the",
            "The ",
            "the Briton",
            "the Britons",
            "the South Korean",
            "the South Koreans",
            "the New Zealander",
            "the young Briton",
            "the veteran",
            "the veteran said",
            "the veteran 30-year-old",
            "the 30-year-old",
            "the 30-year-olds",
            "the 3-year-old",
            "the wildcard entry",
            "the wildcard entrys",
            "the wildcard",
            "the wildcards",
            "the title holder",
            "the left-hander",
            "the left-handers",
            "the left-handed Spaniard",
            "the Émile",
            "the Éric",
            "the Ölsen",
            "the ÁÉ",
            "she_",
            "_he",
            "éhe",
            "the  Briton",
            "The he she",
            "tHe",
            "THE Briton",
            "the A",
            "the Ab",
            "the AB",
            "the young",
            "the young ",
            "the young young Briton",
            "Hello the Olympic champion",
            "the world champion's",
            "theyoung",
            "hehe he",
            "the Dane. He",
            "the Swiss world No 1",
            "the \u{1F600}",
            "the Aé",
            "the Aéb Korean",
            "the Korean African",
            "the t",
            "the ta",
            "the tal",
            "the tall",
            "the tall Swede",
            "the 2",
            "the hol",
            "the Olympic",
            "the lucky",
        ] {
            same_as_regex(t);
        }
    }

    #[test]
    fn scanner_matches_the_pattern_on_random_text() {
        let pieces = [
            "the ",
            "The ",
            "he",
            "He ",
            "she",
            "She",
            " ",
            ".",
            "_",
            "young ",
            "veteran",
            "26-year-old",
            "Briton",
            "South",
            " Korean",
            " African",
            " Zealander",
            "wildcard",
            " entry",
            "champion",
            "world ",
            "É",
            "é",
            "x",
            "t",
            "h",
            "e",
            "s",
            "1",
            "Ab",
            "'s",
            "-",
            "left-hander",
            "s ",
        ];
        // A small linear congruential generator: the same texts on every run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut t = String::new();
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let n = (state >> 60) as usize + 1;
            for _ in 0..n {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                t.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            same_as_regex(&t);
        }
    }
}
