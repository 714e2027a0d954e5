//! Person-name candidates: runs of capitalised words, with name particles ("del Potro", "de Minaur"),
//! hyphens ("Auger-Aliassime") and accents, split at words that never belong to a name ("But", "Spain's",
//! "World") and dropped when a word marks the run as an event or place ("Paris Masters", "Rod Laver Arena").
//! Corpus: `tests/corpus/names.jsonl`.
//!
//! A candidate is not yet a player: the resolver decides, from the whole article, which candidates are
//! players and links surnames to full names.

use super::Span;
use crate::lexicon;
use crate::segment::splat;
use once_cell::sync::Lazy;
use regex::Regex;

/// A capitalised name candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameMention {
    pub span: Span,
    /// The lengths of the candidate's words (its span split at its single spaces: name tokens and the
    /// particles between them), the first [`NameMention::words`] of them, as [`find`] saw them: the resolver
    /// takes its words from here rather than scanning the span again.
    lens: [u8; MAX_WORDS],
    /// How many of `lens` hold words; 0 when the words are not recorded (more than [`MAX_WORDS`] of them, a
    /// word longer than 255 bytes, or a mention made from a span alone).
    words: u8,
}

/// The most words whose lengths a [`NameMention`] records (keeps it at 24 bytes).
const MAX_WORDS: usize = 7;

impl NameMention {
    /// A mention of `span` whose words are not recorded.
    #[cfg(test)]
    pub(crate) fn new(span: Span) -> Self {
        NameMention {
            span,
            lens: [0; MAX_WORDS],
            words: 0,
        }
    }

    /// A mention of the one token `start..end`.
    #[inline]
    fn of_token(start: usize, end: usize) -> Self {
        let len = end - start;
        let mut lens = [0; MAX_WORDS];
        lens[0] = len as u8;
        NameMention {
            span: Span::new(start, end),
            lens,
            words: u8::from(len < 256),
        }
    }

    /// The lengths of the mention's words in order (the span is these words joined by single spaces), if
    /// recorded.
    #[inline]
    pub(crate) fn word_lens(&self) -> Option<&[u8]> {
        (self.words > 0).then(|| &self.lens[..usize::from(self.words)])
    }

    /// Records one more word of `len` bytes (or that the words are not recorded).
    #[inline]
    fn add_word(&mut self, len: usize) {
        let k = usize::from(self.words);
        if k > 0 && k < MAX_WORDS && len < 256 {
            self.lens[k] = len as u8;
            // `k + 1`, not `+= 1`: the byte just stored might be `words` as far as the compiler knows, so
            // the increment read it back from memory.
            self.words = (k + 1) as u8;
        } else {
            self.words = 0;
        }
    }

    /// Extends the mention to the token `start..end` of its run, with the particles between them
    /// (`bytes`: the text).
    #[inline]
    fn extend_to(&mut self, bytes: &[u8], start: usize, end: usize) {
        if start > self.span.end + 1 {
            self.add_particles(&bytes[self.span.end + 1..start - 1]);
        }
        self.add_word(end - start);
        self.span.end = end;
    }

    /// Records the particles `gap` (joined by single spaces) as words.
    #[cold]
    fn add_particles(&mut self, gap: &[u8]) {
        for p in gap.split(|&b| b == b' ') {
            self.add_word(p.len());
        }
    }
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

/// Name particles that may stand between the capitalised words of a run ("del Potro", "van de Zandschulp"):
/// what [`particle_len`] matches.
#[cfg(test)]
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
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    // Two bytes (up to U+07FF: every accented Latin letter), decoded here; the byte after a first byte
    // 0xC0..=0xDF of valid UTF-8 is a continuation byte.
    if (0xC0..0xE0).contains(&b)
        && let Some(&b1) = bytes.get(i + 1)
    {
        let c = char::from_u32(u32::from(b & 0x1F) << 6 | u32::from(b1 & 0x3F))?;
        return Some((c, 2));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// Bits of [`latin`]: a letter (`\p{L}`), upper case (`\p{Lu}`), lower case (`\p{Ll}`), and
/// [`char::is_lowercase`] (`\p{Ll}` and "ª", "º").
const IS_LETTER: u8 = 1;
const IS_UPPER: u8 = 2;
const IS_LOWER: u8 = 4;
const IS_LOWERCASE: u8 = 8;

/// The [`IS_LETTER`], [`IS_UPPER`], [`IS_LOWER`] and [`IS_LOWERCASE`] bits of a character of
/// U+0080..=U+017F (Latin-1 Supplement and Latin Extended-A, where nearly every accented letter of a European
/// name lies: "é", "ñ", "ü", "ø", "ł", "ć", "š", "ő"), in code rather than by a regex search per character;
/// `None` for any other character. A test compares it with the regex crate's `\p{L}`, `\p{Lu}` and `\p{Ll}`
/// (and with `char::is_lowercase`) at every one.
#[inline]
fn latin(c: char) -> Option<u8> {
    const LU: u8 = IS_LETTER | IS_UPPER;
    const LL: u8 = IS_LETTER | IS_LOWER | IS_LOWERCASE;
    let u = u32::from(c);
    Some(match u {
        // "ª" and "º" are letters of no case (though `char::is_lowercase`), "µ" a lower-case one; the rest
        // are signs and spaces.
        0xAA | 0xBA => IS_LETTER | IS_LOWERCASE,
        0xB5 => LL,
        0x80..=0xBF | 0xD7 | 0xF7 => 0,
        0xC0..=0xDE => LU,
        0xDF..=0xFF => LL,
        // Pairs of capital and small letter, the capital first, with a few lone small letters between.
        0x138 | 0x149 | 0x17F => LL,
        0x178 => LU,
        0x139..=0x148 | 0x179..=0x17E => {
            if u % 2 == 1 {
                LU
            } else {
                LL
            }
        }
        0x100..=0x177 => {
            if u % 2 == 0 {
                LU
            } else {
                LL
            }
        }
        _ => return None,
    })
}

/// Whether `c` has the class `bit` of [`latin`]: `ascii` answers for ASCII, [`latin`] for its characters and
/// `other` (a table or regex search) for the rest.
#[inline(always)]
fn in_class(c: char, bit: u8, ascii: fn(&char) -> bool, other: impl FnOnce(char) -> bool) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else if let Some(bits) = latin(c) {
        bits & bit != 0
    } else {
        other(c)
    }
}

/// `\p{Lu}`: an upper-case letter.
#[inline]
pub(crate) fn is_lu(c: char) -> bool {
    in_class(c, IS_UPPER, char::is_ascii_uppercase, |c| {
        UPPER.is_match(c.encode_utf8(&mut [0; 4]))
    })
}

/// `\p{Ll}`: a lower-case letter.
#[inline]
pub(crate) fn is_ll(c: char) -> bool {
    in_class(c, IS_LOWER, char::is_ascii_lowercase, |c| {
        LOWER.is_match(c.encode_utf8(&mut [0; 4]))
    })
}

/// The [`IS_LETTER`] and [`IS_LOWERCASE`] bits of a character outside ASCII (and maybe others).
#[inline(always)]
fn letter_bits(c: char) -> u8 {
    match latin(c) {
        Some(bits) => bits,
        None if is_letter(c) => IS_LETTER | if c.is_lowercase() { IS_LOWERCASE } else { 0 },
        None => 0,
    }
}

/// [`char::is_lowercase`], without its table search for the letters of [`latin`].
#[inline]
fn is_lowercase(c: char) -> bool {
    in_class(
        c,
        IS_LOWERCASE,
        char::is_ascii_lowercase,
        char::is_lowercase,
    )
}

/// `\p{L}`: a letter.
#[inline]
fn is_letter(c: char) -> bool {
    in_class(c, IS_LETTER, char::is_ascii_alphabetic, |c| {
        LETTER.is_match(c.encode_utf8(&mut [0; 4]))
    })
}

/// The high bit of each byte of `x` that is an ASCII letter in `lo..=hi`, and no other bit.
#[inline]
fn ascii_in(x: u64, lo: u8, hi: u8) -> u64 {
    // On the low seven bits of each byte (no carry leaves a byte): the high bit of `ge` is set when they
    // are >= `lo`, that of `gt` when they are > `hi`.
    let low = x & splat(0x7F);
    let ge = low.wrapping_add(splat(0x80 - lo));
    let gt = low.wrapping_add(splat(0x80 - hi - 1));
    ge & !gt & !x & splat(0x80)
}

/// The high bit of each byte of `x` that is an ASCII letter, and that of each lower-case one.
#[inline]
fn letters_and_lower(x: u64) -> (u64, u64) {
    // Bit 5 makes a letter lower-case: `| 0x20` maps 'A'..='Z' onto 'a'..='z' and no other byte into them;
    // `<< 2` moves bit 5 of each byte to its bit 7 (the bits moved out of a byte land below bit 2 of the next).
    let letters = ascii_in(x | splat(0x20), b'a', b'z');
    (letters, letters & (x << 2))
}

/// Bits `j` of the two masks: whether `chunk[j]` is an ASCII letter, and whether it is a lower-case one. With
/// SSE2 (every x86-64) the sixteen bytes in one register: a letter test `(b | 0x20) - b'a' < 26` and a
/// lower-case test `b - b'a' < 26` (unsigned), each written as a signed compare as in [`block_capitals`]
/// (adding 5 maps 'a'..='z' onto 102..=127 and no other byte there), and `pmovmskb`; elsewhere byte by byte.
#[inline(always)]
fn letters16(chunk: &[u8; 16]) -> (u32, u32) {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let splat = set_splat_i8_m128i;
        let v = m128i::from(*chunk);
        // (The constant on the right of `>`: see [`block_capitals`].)
        let small = |v| cmp_gt_mask_i8_m128i(add_i8_m128i(v, splat(5)), splat(101));
        let letters = small(bitor_m128i(v, splat(0x20)));
        (
            move_mask_i8_m128i(letters) as u32,
            move_mask_i8_m128i(small(v)) as u32,
        )
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_letters16(chunk)
}

/// [`letters16`] byte by byte.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_letters16(chunk: &[u8; 16]) -> (u32, u32) {
    chunk.iter().enumerate().fold((0, 0), |(l, s), (j, &b)| {
        (
            l | u32::from(b.is_ascii_alphabetic()) << j,
            s | u32::from(b.is_ascii_lowercase()) << j,
        )
    })
}

/// `KEY_BYTES[k]`: the mask of the first `min(k, 8)` bytes of a little-endian `u64` (the bytes of the key of a
/// word of `k` bytes, [`token`]).
static KEY_BYTES: [u64; 17] = {
    let mut t = [u64::MAX; 17];
    let mut k = 0;
    while k < 8 {
        t[k] = (1 << (8 * k)) - 1;
        k += 1;
    }
    t
};

/// Skips letters from byte `i`; returns the end. Sets `lower` if one of them is lower-case
/// (`char::is_lowercase`).
#[inline]
fn skip_letters(text: &str, i: usize, lower: &mut bool) -> usize {
    let (end, low) = letters_from(text, i, *lower);
    *lower = low;
    end
}

/// [`skip_letters`] with the flag in and out by value (kept in a register, not stored at each step).
#[inline(always)]
fn letters_from(text: &str, mut i: usize, mut lower: bool) -> (usize, bool) {
    let bytes = text.as_bytes();
    loop {
        // Letters outside ASCII first: the callers mostly start at one (where a token's ASCII letters stopped),
        // and the eight-byte step below would find no ASCII letter there.
        while let Some(&b) = bytes.get(i)
            && b >= 0x80
        {
            // U+00C0..=U+00FF (first byte 0xC3; most accented letters of names: "é", "ü", "ñ", "ø") in two
            // tests rather than a decode and [`latin`]'s range search: letters but "×" (second byte 0x97) and
            // "÷" (0xB7), which `& 0xDF` alone maps to 0x97; lower case from "ß" (0x9F) on.
            if b == 0xC3
                && let Some(&b1) = bytes.get(i + 1)
            {
                if b1 & 0xDF == 0x97 {
                    return (i, lower);
                }
                lower |= b1 >= 0x9F;
                i += 2;
                continue;
            }
            let Some((c, n)) = char_at(text, i) else {
                return (i, lower);
            };
            let bits = letter_bits(c);
            if bits & IS_LETTER == 0 {
                return (i, lower);
            }
            lower |= bits & IS_LOWERCASE != 0;
            i += n;
        }
        // ASCII letters, eight bytes at a time (a byte at a time near the end of the text).
        if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            let x = u64::from_le_bytes(*chunk);
            let (letters, small) = letters_and_lower(x);
            let other = !letters & splat(0x80);
            if other == 0 {
                lower |= small != 0;
                i += 8;
                continue;
            }
            // Little-endian: the lowest set bit is the first byte that is no ASCII letter.
            let n = other.trailing_zeros() / 8;
            lower |= small & ((1u64 << (8 * n)) - 1) != 0;
            i += n as usize;
        } else {
            while let Some(&b) = bytes.get(i)
                && b.is_ascii_alphabetic()
            {
                lower |= b >= b'a';
                i += 1;
            }
        }
        // Past the ASCII letters: a byte outside ASCII goes on (the loop above), any other ends the letters.
        if bytes.get(i).is_none_or(|&b| b < 0x80) {
            return (i, lower);
        }
    }
}

/// A capitalised token of a run.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// [`CAPS_ONLY`] and [`HYPHENATED`]: one byte rather than two flags (a value fewer in [`find_into`]'s
    /// loop, which runs short of registers), whose bits are apart from the lexicon's [`lexicon::NAME_STOP`]
    /// and [`lexicon::NAME_ORG`], so that [`is_name_token`] tests the token's flags and the lexicon's at once.
    shape: u8,
    /// Its [`lexicon::word_key`].
    key: u64,
}

/// [`Token::shape`]: the token holds no lower-case letter (`char::is_lowercase`): an acronym ("USA") or a lone
/// capital.
const CAPS_ONLY: u8 = 4;
/// [`Token::shape`]: the token holds a hyphen.
const HYPHENATED: u8 = 8;
const _: () = assert!((CAPS_ONLY | HYPHENATED) & (lexicon::NAME_STOP | lexicon::NAME_ORG) == 0);

/// [`Token::shape`] of a token that holds a lower-case letter (`lower`) and a hyphen (`hyphen`).
#[inline(always)]
fn shape(lower: bool, hyphen: bool) -> u8 {
    (u8::from(!lower) * CAPS_ONLY) | (u8::from(hyphen) * HYPHENATED)
}

#[cfg(test)]
impl Token {
    /// It holds a lower-case letter.
    fn lower(&self) -> bool {
        self.shape & CAPS_ONLY == 0
    }

    /// It holds a hyphen.
    fn hyphen(&self) -> bool {
        self.shape & HYPHENATED != 0
    }
}

/// The capitalised token starting at `i` (an upper-case letter):
/// `\p{Lu}(?:'\p{Lu})?\p{L}*(?:-\p{Lu}?\p{L}+)*`. The capital is not passed in (its character and length):
/// two values fewer carried around [`find_into`]'s loop, which runs short of registers.
#[inline(always)]
fn token(text: &str, i: usize) -> Token {
    let bytes = text.as_bytes();
    // Most tokens: an ASCII capital and at most fifteen ASCII letters, ended by an ASCII byte that is no
    // hyphen (and no apostrophe right after the capital).
    // (The capital and the sixteen bytes after it: the key is read from the capital on.) A capital outside
    // ASCII needs no test of its own here: the byte after its first is a continuation byte (0x80..0xC0),
    // neither an apostrophe nor a letter, so it ends no token below and takes [`token_general`].
    if let Some(window) = bytes.get(i..).and_then(<[u8]>::first_chunk::<17>) {
        if window[1] == b'\'' {
            // An apostrophe after an ASCII capital and before an ASCII byte other than a capital ("I'm",
            // "I've"): the token is the capital alone (the apostrophe joins only a capital, and no letter
            // follows the capital). Else [`token_general`].
            if (window[0] | window[2]) < 0x80 && !window[2].is_ascii_uppercase() {
                return Token {
                    start: i,
                    end: i + 1,
                    shape: CAPS_ONLY,
                    key: u64::from(window[0]),
                };
            }
            return token_general(text, i).at(bytes, i);
        }
        let chunk: &[u8; 16] = window[1..].try_into().expect("16 bytes");
        // The sixteen bytes after the capital tested at once: the letters before the first byte that is none
        // (`!letters` has bits 16 and up set: `k` is 16 when all are letters).
        let (letters, small) = letters16(chunk);
        let k = (!letters).trailing_zeros() as usize;
        // A lower-case letter among the first `k`: the first of them is one (`small` is 0 from bit 16 up:
        // `trailing_zeros` is then 32).
        let lower = (small.trailing_zeros() as usize) < k;
        if k < 16 {
            let end = i + 1 + k;
            let stop = chunk[k];
            if ends_ascii_token(stop) {
                // (So `stop` is ASCII: the capital too, as said above.)
                return Token {
                    start: i,
                    end,
                    shape: shape(lower, false),
                    // The capital and the letters after it, eight bytes at most.
                    key: u64::from_le_bytes(*window.first_chunk::<8>().expect("8 bytes"))
                        & KEY_BYTES[k + 1],
                };
            }
            // A letter outside ASCII or a hyphen after an ASCII capital: the token goes on from there. (Its
            // key from the bytes at hand, as above: `KEY_BYTES` has all eight bytes from 8 on.)
            if window[0] < 0x80 {
                let rest = accented_rest(text, i, chunk, letters, small);
                return Token {
                    start: i,
                    end: rest.end,
                    shape: rest.shape,
                    key: u64::from_le_bytes(*window.first_chunk::<8>().expect("8 bytes"))
                        & KEY_BYTES[(rest.end - i).min(16)],
                };
            }
        }
    } else if matches!(bytes.get(i + 1), None | Some(b' ')) {
        // Near the end of the text, a capital at the end or before a space ("I" at the end of a quote): the
        // capital alone, so ASCII (the byte after a capital outside ASCII is a continuation byte).
        return Token {
            start: i,
            end: i + 1,
            shape: CAPS_ONLY,
            key: u64::from(bytes[i]),
        };
    }
    token_general(text, i).at(bytes, i)
}

/// The rest of the token whose ASCII capital is at `i`, whose sixteen bytes after it are `chunk`, and whose
/// ASCII letters after the capital stop within them at a letter outside ASCII or a hyphen (`letters`, `small`:
/// [`letters16`] of `chunk`): [`hyphen_rest`] at a hyphen, else [`accented16`]'s test (most accented tokens,
/// "Sørensen", "Dvořák", end within them), else [`token_rest`]. Out of line, as [`token_rest`]: few tokens of
/// English copy come here. (`chunk` passed in, not cut from the text again: no length test of the text here.)
#[inline(never)]
fn accented_rest(text: &str, i: usize, chunk: &[u8; 16], letters: u32, small: u32) -> TokenEnd {
    // Where the ASCII letters stop (within `chunk`: `k < 16`, so `k % 16` is `k`, with no bounds test).
    let k = (!letters).trailing_zeros() as usize;
    // A hyphen there: [`hyphen_rest`] takes the parts after it (tested first, as few instructions: most tokens
    // of English copy that come here are hyphenated, "Top-seeded"; a jump there with this function's
    // arguments, before any other value is live).
    if chunk[k % 16] == b'-' {
        return hyphen_rest(text, i, chunk, letters, small);
    }
    if let Some((e, lower)) = accented16(chunk, letters, small) {
        return TokenEnd {
            end: i + 1 + e,
            shape: shape(lower, false),
        };
    }
    // Whether a lower-case letter comes before `k`, as [`token`] found it: worked out only here, where
    // [`token_rest`] needs it.
    let lower = small & ((1 << k) - 1) != 0;
    token_rest(text, i + 1 + k, lower)
}

/// [`accented_rest`] for a token whose ASCII letters stop at a hyphen, with its arguments: ASCII letters after
/// the hyphen up to an ASCII byte other than a hyphen, all within `chunk` ("Ruiz-Tagle", "Top-seeded"), end
/// the token there, as [`token_rest`] finds it; any other token goes on to [`token_rest`]. Out of line, apart
/// from [`accented_rest`]: inline, its values took more registers there, saved and restored by every call,
/// of the accented tokens too.
#[inline(never)]
fn hyphen_rest(text: &str, i: usize, chunk: &[u8; 16], letters: u32, small: u32) -> TokenEnd {
    // Where the ASCII letters stop (at the hyphen, `k < 16`, as in [`accented_rest`]), and the first byte after
    // `k` that is no ASCII letter (16 if none: bits 16 and up of `!letters` are set).
    let k = (!letters).trailing_zeros() as usize;
    let e = (!letters & !((2 << k) - 1)).trailing_zeros() as usize;
    debug_assert_eq!(chunk[k % 16], b'-');
    // A letter after the hyphen (the part goes on), and an end within `chunk` (`e < 16`: `e % 16` is `e`).
    if e > k + 1 && e < 16 && ends_ascii_token(chunk[e % 16]) {
        return TokenEnd {
            end: i + 1 + e,
            shape: shape(small & ((1 << e) - 1) != 0, true),
        };
    }
    // Whether a lower-case letter comes before `k`, as [`token`] found it: worked out only here, where
    // [`token_rest`] needs it.
    let lower = small & ((1 << k) - 1) != 0;
    token_rest(text, i + 1 + k, lower)
}

/// The rest of a token among the sixteen bytes `chunk` after its ASCII capital, when its ASCII letters stop at
/// a byte outside ASCII (`letters`, `small`: [`letters16`] of `chunk`): the number of its bytes in `chunk` and
/// whether one of them is a lower-case letter, as [`token_rest`] finds them, in the common case: the token ends
/// within `chunk` at an ASCII byte other than a hyphen, and each of its characters outside ASCII is one of two
/// bytes whose first byte is 0xC3, 0xC4 or 0xC5 (U+00C0..=U+017F: letters, but "×" and "÷", as
/// [`letters_from`] and [`latin`] have it). `None` in any other case, and when no byte of the token but one of
/// U+0100..=U+017F may be lower-case (whose case [`latin`] works out): [`token_rest`] then decides.
#[inline(always)]
fn accented16(chunk: &[u8; 16], letters: u32, small: u32) -> Option<(usize, bool)> {
    let h = high16(chunk);
    // The token's bytes: ASCII letters and bytes outside ASCII, up to the first other byte (`e` is 16 if
    // none: bits 16 and up of the masks are 0).
    let e = (!(letters | h.high)).trailing_zeros() as usize;
    if e >= 16 || chunk[e] == b'-' {
        return None;
    }
    let p = (1u32 << e) - 1;
    // The bytes outside ASCII are the first bytes 0xC3..=0xC5 and the byte after each (which valid UTF-8
    // makes a continuation byte; it lies before `e`, being outside ASCII itself), and no "×" or "÷"
    // (0xC3 0x97, 0xC3 0xB7).
    let lead = h.lead & p;
    let after_c3 = h.c3 << 1 & p;
    if h.high & p != lead | lead << 1 || h.times & after_c3 != 0 {
        return None;
    }
    // Lower case: an ASCII one, or U+00DF..=U+00FF (second byte 0x9F and up after 0xC3).
    let lower = (small & p != 0) | (h.small_c3 & after_c3 != 0);
    if !lower && lead & !h.c3 != 0 {
        return None;
    }
    Some((e, lower))
}

/// The masks of [`accented16`] (bit `j` for `chunk[j]`).
#[derive(Debug, PartialEq, Eq)]
struct High16 {
    /// Bytes 0x80 and up.
    high: u32,
    /// Bytes 0xC3..=0xC5.
    lead: u32,
    /// Bytes 0xC3.
    c3: u32,
    /// Bytes whose bits but bit 5 are those of 0x97 (0x97 and 0xB7).
    times: u32,
    /// Bytes 0x9F..=0xFF and 0x00..=0x7F (read only after a 0xC3, where they are 0x9F..=0xBF).
    small_c3: u32,
}

/// [`High16`] of `chunk`: with SSE2 (every x86-64) a compare per mask on the sixteen bytes in one register
/// and `pmovmskb` (signed compares, as in [`letters16`]: adding 0xBA maps 0xC3..=0xC5 onto 125..=127 and no
/// other byte there, so that the constant is on the right of `>`: on the left, the compiler turned the compare
/// round and inverted its mask, one more instruction; 0x9F..=0x7F is the signed range -97..=127); elsewhere
/// byte by byte.
#[inline(always)]
fn high16(chunk: &[u8; 16]) -> High16 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let splat = set_splat_i8_m128i;
        let v = m128i::from(*chunk);
        let mask = |m| move_mask_i8_m128i(m) as u32;
        High16 {
            high: mask(v),
            lead: mask(cmp_gt_mask_i8_m128i(
                add_i8_m128i(v, splat(0xBAu8 as i8)),
                splat(124),
            )),
            c3: mask(cmp_eq_mask_i8_m128i(v, splat(0xC3u8 as i8))),
            times: mask(cmp_eq_mask_i8_m128i(
                bitand_m128i(v, splat(0xDFu8 as i8)),
                splat(0x97u8 as i8),
            )),
            small_c3: mask(cmp_gt_mask_i8_m128i(v, splat(0x9Eu8 as i8))),
        }
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_high16(chunk)
}

/// [`high16`] byte by byte.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_high16(chunk: &[u8; 16]) -> High16 {
    let bits = |f: fn(u8) -> bool| {
        chunk
            .iter()
            .enumerate()
            .fold(0, |m, (j, &b)| m | u32::from(f(b)) << j)
    };
    High16 {
        high: bits(|b| b >= 0x80),
        lead: bits(|b| (0xC3..=0xC5).contains(&b)),
        c3: bits(|b| b == 0xC3),
        times: bits(|b| b == 0x97 || b == 0xB7),
        small_c3: bits(|b| !(0x80..0x9F).contains(&b)),
    }
}

/// Whether a token whose letters stop at the byte `stop` ends there: an ASCII byte other than a hyphen
/// (`stop < 0x80 && stop != b'-'`), in one compare: the XOR keeps bit 7 and maps '-' alone to 0.
#[inline(always)]
fn ends_ascii_token(stop: u8) -> bool {
    (stop ^ b'-').wrapping_sub(1) < 0x7F
}

/// The end of a token and its [`Token::shape`], as the out-of-line [`accented_rest`], [`token_general`] and
/// [`token_rest`] give them back: two values, returned in registers (a whole [`Token`] is returned through
/// memory, which then holds every token of [`find_into`]'s loop, the common ones too; so was this one while it
/// held two flags: three fields are no pair of scalars to the compiler).
#[derive(Clone, Copy)]
struct TokenEnd {
    end: usize,
    shape: u8,
}

impl TokenEnd {
    /// The token of `bytes` from `start` to this end.
    #[inline(always)]
    fn at(self, bytes: &[u8], start: usize) -> Token {
        Token {
            start,
            end: self.end,
            shape: self.shape,
            key: key_of(bytes, start, self.end),
        }
    }
}

/// [`lexicon::word_key`] of `bytes[start..end]`, out of line (for the rare tokens of [`TokenEnd::at`]): the
/// eight bytes at `start` with those past `end` cleared, when the text has eight bytes there (one load and a
/// mask, not [`lexicon::word_key`]'s length cases).
#[inline(never)]
fn key_of(bytes: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    match bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(eight) if len < 8 => u64::from_le_bytes(*eight) & ((1 << (8 * len)) - 1),
        Some(eight) => u64::from_le_bytes(*eight),
        None => lexicon::word_key(&bytes[start..end]),
    }
}

/// [`token`] for any token (its capital at `i`).
#[inline(never)]
fn token_general(text: &str, i: usize) -> TokenEnd {
    let bytes = text.as_bytes();
    let (c, n) = char_at(text, i).expect("a capital");
    let mut lower = is_lowercase(c);
    let mut j = i + n;
    if bytes.get(j) == Some(&b'\'')
        && let Some((c, n)) = char_at(text, j + 1)
        && is_lu(c)
    {
        lower |= is_lowercase(c);
        j += 1 + n;
    }
    token_rest(text, j, lower)
}

/// The rest of a token from byte `j`, where its first letters and apostrophe (if any) end or stop at a letter
/// outside ASCII; `lower`: whether those first bytes hold a lower-case letter.
#[inline(never)]
fn token_rest(text: &str, mut j: usize, mut lower: bool) -> TokenEnd {
    let bytes = text.as_bytes();
    j = skip_letters(text, j, &mut lower);
    let mut hyphen = false;
    while bytes.get(j) == Some(&b'-') {
        match char_at(text, j + 1) {
            Some((c, _)) if is_letter(c) => {
                hyphen = true;
                j = skip_letters(text, j + 1, &mut lower);
            }
            _ => break,
        }
    }
    TokenEnd {
        end: j,
        shape: shape(lower, hyphen),
    }
}

/// Bit `k` of the result: whether `block[k]` is an upper-case ASCII letter or a byte of a character outside
/// ASCII (0x80 and up): with SSE2 (every x86-64) the tests of [`is_capital_or_high`] sixteen bytes at a time
/// ([`crate::blocks::sse2_mask`]), elsewhere [`portable_capitals`]. All bytes outside ASCII rather than only
/// the first byte of each character: `pmovmskb` reads the high bit of each byte, so ORing the block into the
/// letter test's result adds them in one instruction (the first bytes alone took a maximum, an equality test
/// and an OR); [`Capitals::next`] skips a character's other bytes.
#[inline(always)]
fn block_capitals(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let splat = set_splat_i8_m128i;
        crate::blocks::sse2_mask(block, |v| {
            // The sum on the left of `>`, the constant on the right: `pcmpgtb` overwrites its left operand,
            // so a constant there would first be copied into a register of its own, once per 16 bytes.
            let capital = cmp_gt_mask_i8_m128i(add_i8_m128i(v, splat(0x25)), splat(101));
            // Only the high bit of each byte counts: that of the bytes 0x80 and up is set in `v` itself.
            bitor_m128i(capital, v)
        })
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_capitals(block)
}

/// [`block_capitals`] without vector instructions: byte by byte into an array of flags, which the compiler
/// turns into a few vector instructions of its own (the flag of byte `8 * r + j` is bit `r`), the eight rows
/// ORed and the 8x8 bit matrix transposed as in the keyword scan's word mask ([`super::transpose8`]).
#[cfg(any(test, not(target_feature = "sse2")))]
#[inline(always)]
fn portable_capitals(block: &[u8; 64]) -> u64 {
    let flags: [u8; 64] =
        std::array::from_fn(|i| u8::from(is_capital_or_high(block[i])) << (i / 8));
    let rows = flags.chunks_exact(8).fold(0, |rows, row| {
        rows | u64::from_le_bytes(row.try_into().expect("eight bytes"))
    });
    super::transpose8(rows)
}

/// Whether `b` is an upper-case ASCII letter or a byte of a character outside ASCII (0x80 and up).
/// The letter test `b - b'A' < 26` (unsigned) is written as a signed one: adding 0x25 maps 'A'..='Z' onto
/// 102..=127 and no other byte there, so that the vector form is one signed compare (SSE2 has no unsigned
/// one: the unsigned test costs a min, an equality test and a copy).
#[cfg(any(test, not(target_feature = "sse2")))]
#[inline(always)]
fn is_capital_or_high(b: u8) -> bool {
    ((b.wrapping_add(0x25) as i8) > 101) | (b >= 0x80)
}

/// The upper-case letters of a text in order, found 64 bytes at a time: each block of the text is tested once,
/// into a bit mask, however often the caller asks (it asks again after each run of capitalised words, a few
/// dozen bytes on); a capital then costs a few bit operations.
struct Capitals<'a> {
    text: &'a str,
    /// Start of the current block (a multiple of 64).
    base: usize,
    /// [`block_capitals`] of the block at `base`, less the bytes already given out or skipped.
    bits: u64,
}

impl<'a> Capitals<'a> {
    fn new(text: &'a str) -> Self {
        Capitals {
            text,
            base: 0,
            bits: Self::bits_at(text.as_bytes(), 0),
        }
    }

    /// [`block_capitals`] of the 64 bytes at `base` (zero-padded past the end).
    #[inline]
    fn bits_at(bytes: &[u8], base: usize) -> u64 {
        match bytes.get(base..).and_then(<[u8]>::first_chunk::<64>) {
            Some(block) => block_capitals(block),
            None => Self::last_bits(bytes, base),
        }
    }

    /// [`Capitals::bits_at`] for the last, short block.
    #[inline(never)]
    fn last_bits(bytes: &[u8], base: usize) -> u64 {
        let mut block = [0u8; 64];
        let rest = bytes.get(base..).unwrap_or_default();
        block[..rest.len()].copy_from_slice(rest);
        block_capitals(&block)
    }

    /// The first upper-case letter at or after byte `from` (at or after the position of the letter given
    /// last), with the character and its length.
    #[inline]
    fn next(&mut self, from: usize) -> Option<(usize, char, usize)> {
        let bytes = self.text.as_bytes();
        if from >= self.base + 64 {
            self.base = from & !63;
            self.bits = Self::bits_at(bytes, self.base);
        }
        // Not the bytes before `from`. `from` is in the block at `base` now (it is at or after the letter given
        // last, which is at or after `base`), so `from - base` is `from % 64`: the shift needs no `base`.
        debug_assert!(from >= self.base && from - self.base < 64);
        self.bits &= u64::MAX << (from % 64);
        loop {
            while self.bits == 0 {
                self.base += 64;
                if self.base >= bytes.len() {
                    return None;
                }
                self.bits = Self::bits_at(bytes, self.base);
            }
            let i = self.base + self.bits.trailing_zeros() as usize;
            self.bits &= self.bits - 1;
            let b = bytes[i];
            if b < 0x80 {
                return Some((i, b as char, 1));
            }
            // A character outside ASCII: tested at its first byte (0xC0 and up), and its other bytes, set in
            // the mask too, skipped: those in this block cleared here, those that run into the next block
            // passed over there (bytes 0x80..0xC0: no character starts with one).
            if b >= 0xC0
                && let Some((c, n)) = char_at(self.text, i)
            {
                if is_lu(c) {
                    return Some((i, c, n));
                }
                self.bits &= u64::MAX
                    .checked_shl((i + n - self.base) as u32)
                    .unwrap_or(0);
            }
        }
    }
}

/// The start of the next token of a run of capitalised words whose last token ends at `end`, if the run goes
/// on, with its first character and that character's length: the runs are what the pattern
/// `TOK(?:[ ](?:PART[ ])*TOK)*` matches (TOK: [`token`], PART: [`RUN_PARTS`]), and their tokens are the words
/// other than particles.
#[inline(always)]
fn next_start(text: &str, end: usize) -> Option<(usize, char, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(end) != Some(&b' ') {
        return None;
    }
    let mut k = end + 1;
    loop {
        let b = *bytes.get(k)?;
        // A capital first (the run goes on): no particle starts with one, so the particle test is paid only
        // by the words that do not go on a run (or are particles).
        if b.is_ascii_uppercase() {
            return Some((k, b as char, 1));
        }
        if b >= 0x80 {
            let (c, n) = char_at(text, k).filter(|&(c, _)| is_lu(c))?;
            return Some((k, c, n));
        }
        // Greedy particles, each followed by a space.
        k += particle_len(bytes, k)? + 1;
    }
}

/// The run of capitalised words starting with the token at `start` (an upper-case letter `c` of length `n`):
/// calls `each` with its tokens, in order; returns the end of the run. [`find`] does the same inline.
#[cfg(test)]
fn walk_run(text: &str, start: usize, mut each: impl FnMut(&Token)) -> usize {
    let mut t = token(text, start);
    loop {
        each(&t);
        match next_start(text, t.end) {
            Some((k, _, _)) => t = token(text, k),
            None => return t.end,
        }
    }
}

/// The length of the name particle at byte `k`, if one stands there followed by a space.
#[inline(always)]
fn particle_len(bytes: &[u8], k: usize) -> Option<usize> {
    // All particles start with one of the letter pairs of [`PARTICLE_PAIRS`] (followed by a third byte):
    // one table read and one rarely taken branch, which passes far fewer of the words after a run ("the",
    // "to", "that", "last") than a test of the first letter alone.
    let &[b0, b1, _] = bytes.get(k..).and_then(<[u8]>::first_chunk::<3>)?;
    if PARTICLE_PAIRS[usize::from(b0)] >> (b1 & 31) & 1 == 0 {
        return None;
    }
    // Particles are two to five letters long: the space is one of the next six bytes.
    let rest = &bytes[k..];
    let n = rest.iter().take(6).position(|&b| b == b' ')?;
    match &rest[..n] {
        b"de" | b"del" | b"della" | b"der" | b"den" | b"van" | b"von" | b"da" | b"di" | b"du"
        | b"dos" | b"das" | b"le" | b"la" | b"ter" => Some(n),
        _ => None,
    }
}

/// `PARTICLE_PAIRS[b0]`: bit `b1 & 31` for each second letter `b1` of a particle of [`particle_len`] whose
/// first letter is `b0` (other bytes whose low five bits are the same pass too: the full test weeds them out).
static PARTICLE_PAIRS: [u32; 256] = {
    let mut t = [0u32; 256];
    let pairs: [&[u8; 2]; 10] = [
        b"de", b"da", b"di", b"du", b"do", b"va", b"vo", b"le", b"la", b"te",
    ];
    let mut i = 0;
    while i < pairs.len() {
        let [b0, b1] = *pairs[i];
        t[b0 as usize] |= 1 << (b1 & 31);
        i += 1;
    }
    t
};

/// A name token: at least one lower-case letter (not an acronym), not a stop word (`flags`: the token's
/// lexicon flags, [`lexicon::NAME_STOP`] or none: a [`lexicon::NAME_ORG`] word has ended the run before), nor
/// a hyphenated phrase made with one ("Third-ranked", "Top-seeded", "Spanish-born"). The flags and the
/// token's [`Token::shape`] ORed: one test for most tokens (only a hyphen goes on to the phrase test).
#[inline(always)]
fn is_name_token(text: &str, t: &Token, flags: u8) -> bool {
    debug_assert_eq!(flags & lexicon::NAME_ORG, 0);
    let c = flags | t.shape;
    c == 0 || (c == HYPHENATED && !is_hyphen_phrase(&text[t.start..t.end]))
}

/// A hyphenated token made with an [`ORDINAL`] or a lower-case [`HYPHEN_WORDS`] word: a part whose
/// [`lexicon::word_key`] is in [`PHRASE_PARTS`] (all those words are eight bytes or shorter, so the key is the
/// whole part; and all [`HYPHEN_WORDS`] are lower-case). One hash probe per part, where the lists were
/// compared word by word (`memcmp`s of the `&str`s). The signature as before: [`find_into`]'s loop, short of
/// registers, calls it unchanged.
#[inline(never)]
fn is_hyphen_phrase(token: &str) -> bool {
    // A token has a capital first. (Asserted, not only assumed: a call that may unwind, as the old form's
    // could. Without it the compiler knew the call never unwinds, and [`find_into`]'s loop, laid out
    // afresh, kept its values in other registers: +56 thousand instructions on the generated articles,
    // the probe's gain and more.)
    assert!(!token.is_empty(), "a token");
    token
        .as_bytes()
        .split(|&b| b == b'-')
        .any(|p| p.len() <= 8 && is_phrase_part(lexicon::word_key(p)))
}

/// The old [`is_hyphen_phrase`], by the word lists (the tests' reference).
#[cfg(test)]
fn listed_hyphen_phrase(token: &str) -> bool {
    token.split('-').any(|p| {
        ORDINAL.contains(&p)
            || (p.chars().next().is_some_and(|c| !c.is_uppercase()) && HYPHEN_WORDS.contains(&p))
    })
}

/// The number of slots of [`PHRASE_PARTS`] (a power of two, at least three per word).
const PHRASE_SLOTS: usize = 256;

/// The multiplier of [`phrase_home`].
const PHRASE_MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// The first slot of [`PHRASE_PARTS`] to probe for the key `key`.
#[inline(always)]
const fn phrase_home(key: u64) -> usize {
    (key.wrapping_mul(PHRASE_MUL) >> (64 - PHRASE_SLOTS.trailing_zeros())) as usize
}

/// [`lexicon::word_key`] of `w` (one to eight bytes), at compile time.
const fn const_key(w: &[u8]) -> u64 {
    assert!(
        w.len() <= 8 && !w.is_empty(),
        "a phrase part of one to eight bytes"
    );
    let mut key = 0;
    let mut j = 0;
    while j < w.len() {
        key |= (w[j] as u64) << (8 * j);
        j += 1;
    }
    key
}

/// The keys of [`ORDINAL`] and [`HYPHEN_WORDS`] by open addressing: a key at [`phrase_home`] or in the next
/// slots up to an empty one (0: no part's key but the empty part's, which [`is_phrase_part`] turns down).
static PHRASE_PARTS: [u64; PHRASE_SLOTS] = {
    let mut t = [0u64; PHRASE_SLOTS];
    let lists = [ORDINAL, HYPHEN_WORDS];
    let mut l = 0;
    while l < lists.len() {
        let mut w = 0;
        while w < lists[l].len() {
            let key = const_key(lists[l][w].as_bytes());
            let mut i = phrase_home(key);
            while t[i] != 0 && t[i] != key {
                i = (i + 1) % PHRASE_SLOTS;
            }
            t[i] = key;
            w += 1;
        }
        l += 1;
    }
    t
};

/// Whether `key` is the [`lexicon::word_key`] of a word of [`PHRASE_PARTS`].
#[inline(always)]
fn is_phrase_part(key: u64) -> bool {
    let mut i = phrase_home(key);
    loop {
        let k = PHRASE_PARTS[i];
        if k == key {
            return key != 0;
        }
        if k == 0 {
            return false;
        }
        i = (i + 1) % PHRASE_SLOTS;
    }
}

/// Whether the capital at byte `i` stands inside a word ("iPhone"): after a letter, digit, '@', '#' or '_'.
#[inline(always)]
fn inside_word(text: &str, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let b = text.as_bytes()[p];
    // A table look-up, not a branch per kind of byte. Most capitals follow a byte of neither class (a space,
    // a quote, a bracket): one test of the class for them, not a test of the byte's high bit first (which the
    // compiler made of a test for [`NOT_ASCII`] before [`WORDY`]).
    let class = BYTE_CLASS[usize::from(b)];
    if class == 0 {
        false
    } else if class == WORDY {
        true
    } else {
        text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    }
}

/// [`BYTE_CLASS`]: an ASCII letter or digit, '@', '#' or '_' (a capital after it is inside a word).
const WORDY: u8 = 1;
/// [`BYTE_CLASS`]: no ASCII byte (0x80 and up).
const NOT_ASCII: u8 = 2;

/// The classes of each byte value: [`WORDY`] and [`NOT_ASCII`] bits.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() || matches!(b, b'@' | b'#' | b'_') {
            t[i] |= WORDY;
        }
        if b >= 0x80 {
            t[i] |= NOT_ASCII;
        }
        i += 1;
    }
    t
};

/// Every name candidate in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<NameMention> {
    let mut out = Vec::new();
    find_into(text, &mut out);
    out
}

/// [`find`] written into `out` (cleared first).
pub(crate) fn find_into(text: &str, buf: &mut Vec<NameMention>) {
    let bytes = text.as_bytes();
    let flags_of = lexicon::name_flags();
    // (A local vector, given back at the end: its length stays in a register.)
    let mut out = std::mem::take(buf);
    // More than the candidates of running text (about one per 60 bytes): no growing.
    out.clear();
    out.reserve(text.len() / 32 + 8);
    let mut caps = Capitals::new(text);
    let mut pos = 0;
    // (Only where each capital stands: its character is read again where needed.)
    while let Some((ms, _, _)) = caps.next(pos) {
        // The run's first token, read once for all the paths below.
        let mut t = token(text, ms);
        // Not inside a word ("iPhone", "McDonald" is one token anyway): the run is walked, no more.
        if inside_word(text, ms) {
            pos = skip_run(text, t);
            continue;
        }
        // A token of one letter ("I", most often: an ASCII capital, as a capital outside ASCII has two bytes
        // or more) is no name token. Unless a space follows it and it is an event or place word (which takes
        // back the run), the rest of its run, if it goes on, gives the same candidates as a run of its own,
        // found next; and if no space follows, its run ends there with nothing to keep (no candidate, so the
        // country code's truncation is a no-op too). Told from the token's end, not by a test of the bytes
        // after the capital before the token is read. (The key's first byte is the capital.)
        if t.end == ms + 1
            && !(bytes.get(ms + 1) == Some(&b' ') && flags_of.letter_is_org(t.key as u8))
        {
            pos = ms + 1;
            continue;
        }
        // The run's candidates go straight to `out`, taken back if a word marks the run as an event or place:
        // `state >> 1` is the length to keep. Bit 0: whether the last of `out` is the group of name tokens
        // being built (split at stop words; particles join the group they sit in): a name token then extends
        // it. (One value for both: the loop runs short of registers.)
        let mut state = out.len() << 1;
        let me = loop {
            // One look-up per token for both flags.
            let flags = flags_of.of_key(t.key, bytes, t.start, t.end);
            if flags & lexicon::NAME_ORG != 0 {
                break Err(t);
            }
            if !is_name_token(text, &t, flags) {
                state &= !1;
            } else if state & 1 != 0
                && let Some(last) = out.last_mut()
            {
                last.extend_to(bytes, t.start, t.end);
            } else {
                out.push(NameMention::of_token(t.start, t.end));
                state |= 1;
            }
            match next_start(text, t.end) {
                Some((next, _, _)) => t = token(text, next),
                None => break Ok(t.end),
            }
        };
        let me = match me {
            Ok(me) => me,
            Err(t) => {
                // An event or place: the rest of the run is walked, no more.
                out.truncate(state >> 1);
                pos = skip_run(text, t);
                continue;
            }
        };
        pos = me;
        // A country code in brackets: "Dimitrov (Bul)". (The bracket after the run first: few runs have one,
        // while many are that short.) A run of at most three bytes is one token (a longer first token is
        // needed for a second: a lone one was skipped above, an event or place word ended the run), so its
        // candidate, if any, is the last of `out` and starts at `ms`: its start is read there rather than
        // `ms` kept live through the run's loop, which is short of registers. Without a candidate there is
        // nothing to take back (the truncation is then a no-op, whatever the last of `out` is).
        if bytes.get(me) == Some(&b')')
            && let Some(last) = out.last()
            && me - last.span.start <= 3
            && last.span.start > 0
            && bytes[last.span.start - 1] == b'('
        {
            out.truncate(state >> 1);
            continue;
        }
    }
    *buf = out;
}

/// Whether the ASCII capital at byte `i` is a [`token`] of its own, in the common cases (two tests for other
/// capitals): a space follows it ("I think"), or `'` and a lower-case letter ("I'm": the apostrophe joins
/// only a capital). Test-only: the form [`find_into`] used before it told a token of one letter from the
/// token's end.
#[cfg(test)]
fn lone_capital(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1) {
        Some(b' ') => true,
        Some(b'\'') => bytes.get(i + 2).is_some_and(u8::is_ascii_lowercase),
        _ => false,
    }
}

/// The end of the run of capitalised words whose token `t` is.
#[inline(never)]
fn skip_run(text: &str, mut t: Token) -> usize {
    while let Some((k, _, _)) = next_start(text, t.end) {
        t = token(text, k);
    }
    t.end
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

#[cfg(test)]
mod tests {
    use super::*;

    /// [`latin`] answers as `\p{L}`, `\p{Lu}` and `\p{Ll}` do at every character it answers for, and
    /// answers for all of U+0080..=U+017F (and its [`IS_LOWERCASE`] as `char::is_lowercase`); `is_letter`,
    /// `is_lu` and `is_ll` agree with the patterns, `is_lowercase` with `char::is_lowercase` and `char_at`
    /// with `chars` on every character up to U+07FF and on a sample above (the fall-backs).
    #[test]
    fn latin_letters_as_the_unicode_classes() {
        let class = |p: &str| Regex::new(&format!(r"\A{p}\z")).unwrap();
        let (l, lu, ll) = (class(r"\p{L}"), class(r"\p{Lu}"), class(r"\p{Ll}"));
        let mut answered = 0;
        for c in ('\u{80}'..='\u{7ff}').chain(['\u{1e9e}', '\u{2160}', 'Ω', 'ж', '中', '\u{1d400}'])
        {
            let s = c.to_string();
            let want = (l.is_match(&s), lu.is_match(&s), ll.is_match(&s));
            if let Some(bits) = latin(c) {
                answered += 1;
                let got = (
                    bits & IS_LETTER != 0,
                    bits & IS_UPPER != 0,
                    bits & IS_LOWER != 0,
                );
                assert_eq!(got, want, "{c:?} U+{:04X}", u32::from(c));
                assert_eq!(bits & IS_LOWERCASE != 0, c.is_lowercase(), "{c:?}");
            }
            assert_eq!((is_letter(c), is_lu(c), is_ll(c)), want, "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
            let bits = letter_bits(c);
            assert_eq!(
                (bits & IS_LETTER != 0, bits & IS_LOWERCASE != 0),
                (want.0, want.0 && c.is_lowercase()),
                "{c:?}"
            );
            assert_eq!(char_at(&s, 0), Some((c, c.len_utf8())), "{c:?}");
        }
        assert_eq!(answered, 0x180 - 0x80);
    }

    /// The runs of the pattern that [`next_run`] implements, by the regex crate.
    fn regex_runs(text: &str) -> Vec<(usize, usize)> {
        let tok = r"\p{Lu}(?:'\p{Lu})?\p{L}*(?:-\p{Lu}?\p{L}+)*";
        let parts = RUN_PARTS.join("|");
        let re = Regex::new(&format!("{tok}(?:[ ](?:(?:{parts})[ ])*{tok})*")).unwrap();
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    /// The runs that [`find`] walks, with their tokens.
    fn runs(text: &str) -> Vec<((usize, usize), Vec<Token>)> {
        let mut caps = Capitals::new(text);
        let mut pos = 0;
        let mut out = Vec::new();
        while let Some((s, _, _)) = caps.next(pos) {
            let mut tokens = Vec::new();
            let e = walk_run(text, s, |t| tokens.push(*t));
            out.push(((s, e), tokens));
            pos = e;
        }
        out
    }

    fn same_as_regex(text: &str) {
        let mut got = Vec::new();
        for ((s, e), tokens) in runs(text) {
            got.push((s, e));
            for t in &tokens {
                let tok = &text[t.start..t.end];
                assert_eq!(
                    t.lower(),
                    tok.chars().any(char::is_lowercase),
                    "{tok:?} in {text:?}"
                );
                assert_eq!(t.hyphen(), tok.contains('-'), "{tok:?} in {text:?}");
                assert_eq!(t.key, lexicon::word_key(tok.as_bytes()), "{tok:?}");
            }
        }
        assert_eq!(got, regex_runs(text), "text: {text:?}");
    }

    /// [`Capitals::next`] gives what a search of the characters gives (the first `\p{Lu}` at or after `from`), on
    /// random texts of ASCII and other capitals and letters, signs and spaces, asked from positions that move
    /// on as [`find_into`] moves them: past the letter given, a few bytes on, or many blocks on.
    #[test]
    fn capitals_as_a_search() {
        let pieces = [
            "a",
            "B",
            "cd",
            "Ef",
            " ",
            "  ",
            ". ",
            "É",
            "é",
            "Ł",
            "ß",
            "中",
            "—",
            "\u{1d400}",
            "x",
            "Ωmega",
            "the ",
            "(",
            "Z",
            "0",
        ];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || crate::recognise::xorshift(&mut x) >> 16;
        let mut asked = 0;
        for _ in 0..3_000 {
            let n = (next() % 120) as usize;
            let text: String = (0..n)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            let search = |from: usize| {
                text[from..]
                    .char_indices()
                    .find(|&(_, c)| is_lu(c))
                    .map(|(k, c)| (from + k, c, c.len_utf8()))
            };
            let mut caps = Capitals::new(&text);
            let mut from = 0;
            loop {
                let got = caps.next(from);
                assert_eq!(got, search(from), "{text:?} from {from}");
                asked += 1;
                let Some((i, _, len)) = got else { break };
                // On past the letter: right after it, or some bytes or blocks later (at a character).
                let mut to = i + len + [0, 1, 5, 40, 70, 200][(next() % 6) as usize];
                while to < text.len() && !text.is_char_boundary(to) {
                    to += 1;
                }
                from = to.min(text.len());
            }
        }
        assert!(asked > 10_000, "{asked}");
    }

    /// [`token`] on a capital, then each character of U+0080..=U+07FF (two bytes: the fast path of
    /// [`letters_from`] for U+00C0..=U+00FF, the decode for the rest) between ASCII letters: its end, lower-case
    /// flag and key are those of the pattern's letters (`\p{L}`, `char::is_lowercase`).
    #[test]
    fn token_letters_outside_ascii() {
        let mut tested = 0;
        for c in '\u{80}'..='\u{7ff}' {
            for (head, tail) in [
                ("A", "bc d"),
                ("AB", "CD e"),
                ("A", ""),
                ("Abcdefghijklmnop", "x"),
                ("A", "-Bc"),
            ] {
                let text = format!("{head}{c}{tail}");
                let t = token(&text, 0);
                let want: String = text
                    .chars()
                    .scan(false, |hyphen, ch| {
                        // The pattern's letters, with hyphens that a letter follows.
                        let ok = is_letter(ch) || (ch == '-' && !*hyphen);
                        *hyphen = ch == '-';
                        ok.then_some(ch)
                    })
                    .collect();
                let want = want.trim_end_matches('-');
                assert_eq!(
                    t.end,
                    want.len(),
                    "{c:?} U+{:04X} in {text:?}",
                    u32::from(c)
                );
                assert_eq!(
                    t.lower(),
                    want.chars().any(char::is_lowercase),
                    "{c:?} in {text:?}"
                );
                assert_eq!(
                    t.key,
                    lexicon::word_key(want.as_bytes()),
                    "{c:?} in {text:?}"
                );
                tested += 1;
            }
        }
        assert_eq!(tested, 5 * 0x780);
    }

    /// [`key_of`] is [`lexicon::word_key`] for every span of a few texts (near their ends too, where fewer
    /// than eight bytes are left).
    #[test]
    fn key_of_every_span() {
        for text in [
            "Ab",
            "Jürgen Halvorsen-Ørsted de la Peña.",
            "Abcdefghijklmnopq r",
        ] {
            let b = text.as_bytes();
            for start in 0..b.len() {
                for end in start + 1..=b.len() {
                    assert_eq!(
                        key_of(b, start, end),
                        lexicon::word_key(&b[start..end]),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_token_ends_at_every_byte() {
        for b in 0..=255u8 {
            assert_eq!(ends_ascii_token(b), b < 0x80 && b != b'-', "{b:#04x}");
        }
    }

    /// [`is_capital_or_high`] answers as the unsigned range test it replaced at every byte, and
    /// [`block_capitals`] sets a block's bits as it does byte by byte (in four blocks of every byte value and in
    /// random blocks).
    #[test]
    fn capital_or_high_at_every_byte() {
        let mut block = [0u8; 64];
        for b in 0..=255u8 {
            assert_eq!(
                is_capital_or_high(b),
                b.wrapping_sub(b'A') < 26 || b >= 0x80,
                "{b:#04x}"
            );
            block[usize::from(b % 64)] = b;
            if b % 64 == 63 {
                let want = (0..64).fold(0u64, |m, k| {
                    m | u64::from(block[k].is_ascii_uppercase() || block[k] >= 0x80) << k
                });
                assert_eq!(block_capitals(&block), want, "{block:?}");
                assert_eq!(portable_capitals(&block), want, "{block:?}");
            }
        }
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            let block: [u8; 64] = std::array::from_fn(|_| {
                crate::recognise::xorshift(&mut state);
                (state >> 24) as u8
            });
            let want = (0..64).fold(0u64, |m, k| {
                m | u64::from(block[k].is_ascii_uppercase() || block[k] >= 0x80) << k
            });
            assert_eq!(block_capitals(&block), want, "{block:?}");
            assert_eq!(portable_capitals(&block), want, "{block:?}");
        }
    }

    /// [`letters16`] marks the letters and the lower-case letters of sixteen bytes as the byte tests do (every
    /// byte value at every position among letters, and random chunks), and [`KEY_BYTES`] keeps the bytes the
    /// key of a token of `k` letters takes.
    #[test]
    fn letters16_at_every_byte() {
        let want = |chunk: &[u8; 16]| portable_letters16(chunk);
        for pos in 0..16 {
            for b in 0..=255u8 {
                let mut chunk = *b"abcDEFghiJKLmnoP";
                chunk[pos] = b;
                let (letters, small) = letters16(&chunk);
                assert_eq!((letters, small), want(&chunk), "{chunk:?}");
                assert_eq!(
                    letters >> pos & 1,
                    u32::from(b.is_ascii_alphabetic()),
                    "{b:#04x}"
                );
                assert_eq!(
                    small >> pos & 1,
                    u32::from(b.is_ascii_lowercase()),
                    "{b:#04x}"
                );
            }
        }
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..5000 {
            let chunk: [u8; 16] = std::array::from_fn(|_| {
                crate::recognise::xorshift(&mut state);
                // Mostly letters, so that runs of them reach far into the chunk.
                let b = (state >> 24) as u8;
                if b < 200 { b'A' + b % 58 } else { b }
            });
            assert_eq!(letters16(&chunk), want(&chunk), "{chunk:?}");
        }
        let x = u64::from_le_bytes(*b"Abcdefgh");
        assert_eq!(KEY_BYTES.len(), 17);
        for (k, mask) in KEY_BYTES.iter().enumerate() {
            let word = &b"Abcdefghijklmnop"[..k];
            assert_eq!(x & mask, lexicon::word_key(word), "{k}");
        }
        // The lower-case test of [`token`]: a lower-case letter among the first `k` bytes, as the mask of them
        // tells, for every 16-bit mask.
        for small in 0..=u32::from(u16::MAX) {
            for k in 0..=16 {
                assert_eq!(
                    (small.trailing_zeros() as usize) < k,
                    small & ((1 << k) - 1) != 0,
                    "{small:#x} {k}"
                );
            }
        }
    }

    /// [`high16`] marks the bytes [`portable_high16`] tests (every byte value at every position among
    /// accented letters, and random chunks).
    #[test]
    fn high16_at_every_byte() {
        let base: [u8; 16] = "ab\u{e9}cd\u{142}e\u{f8}fghij"
            .as_bytes()
            .try_into()
            .unwrap();
        for pos in 0..16 {
            for b in 0..=255u8 {
                let mut chunk = base;
                chunk[pos] = b;
                let h = high16(&chunk);
                assert_eq!(h, portable_high16(&chunk), "{chunk:?}");
                assert_eq!(h.high >> pos & 1, u32::from(b >= 0x80), "{b:#04x}");
                assert_eq!(
                    h.lead >> pos & 1,
                    u32::from(matches!(b, 0xC3..=0xC5)),
                    "{b:#04x}"
                );
                assert_eq!(h.c3 >> pos & 1, u32::from(b == 0xC3), "{b:#04x}");
                assert_eq!(
                    h.times >> pos & 1,
                    u32::from(b == 0x97 || b == 0xB7),
                    "{b:#04x}"
                );
                assert_eq!(
                    h.small_c3 >> pos & 1,
                    u32::from(!(0x80..0x9F).contains(&b)),
                    "{b:#04x}"
                );
            }
        }
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5000 {
            let chunk: [u8; 16] = std::array::from_fn(|_| {
                crate::recognise::xorshift(&mut state);
                (state >> 24) as u8
            });
            assert_eq!(high16(&chunk), portable_high16(&chunk), "{chunk:?}");
        }
    }

    /// [`token`] (with [`accented_rest`]'s test of the sixteen bytes after an ASCII capital) gives the token
    /// [`token_general`] gives, at every capital of random texts of ASCII letters and of letters and other
    /// characters outside ASCII ("×", "÷", upper- and lower-case ones of U+00C0..=U+017F, others of two and
    /// three bytes), spaces, hyphens and apostrophes.
    #[test]
    fn accented_tokens_as_the_general_path() {
        let pieces = [
            "a", "b", "K", "z", "A", " ", " ", "-", "'", ".", "\u{e9}", "\u{e9}", "\u{c9}",
            "\u{df}", "\u{de}", "\u{d7}", "\u{f7}", "\u{ff}", "\u{c0}", "\u{142}", "\u{141}",
            "\u{10d}", "\u{10c}", "\u{138}", "\u{149}", "\u{178}", "\u{17e}", "\u{17d}", "\u{17f}",
            "\u{aa}", "\u{b5}", "\u{a0}", "\u{2019}", "\u{391}", "\u{3b1}", "\u{1e9e}",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut accented = 0;
        for round in 0..4000 {
            crate::recognise::xorshift(&mut state);
            // Mostly ASCII letters, with more of the other pieces in later rounds.
            let other = 2 + round % 5;
            let text: String = (0..40)
                .map(|_| {
                    crate::recognise::xorshift(&mut state);
                    let r = (state >> 20) as usize;
                    if r % 8 < other {
                        pieces[(r >> 3) % pieces.len()]
                    } else {
                        ["a", "e", "n", "r", "s", "t", "B", "D"][(r >> 3) % 8]
                    }
                })
                .collect();
            let bytes = text.as_bytes();
            for (i, c) in text.char_indices() {
                if !is_lu(c) {
                    continue;
                }
                let got = token(&text, i);
                let want = token_general(&text, i).at(bytes, i);
                assert_eq!(
                    (got.start, got.end, got.shape, got.key),
                    (want.start, want.end, want.shape, want.key),
                    "{text:?} at {i}"
                );
                accented += usize::from(text[i..got.end].bytes().any(|b| b >= 0x80));
            }
        }
        assert!(accented > 1000, "{accented}");
        // The common cases each way: letters of U+00C0..=U+00FF and of U+0100..=U+017F, with an ASCII
        // lower-case letter or none.
        for (t, end, lower) in [
            ("S\u{f8}rensen ", 9, true),
            ("Dvo\u{159}\u{e1}k,", 8, true),
            ("J\u{d6}RG ", 5, false),
            ("J\u{f6}RG ", 5, true),
            ("\u{141}\u{d3}D\u{179} ", 7, false),
            ("L\u{141}\u{d3}D\u{179} ", 8, false),
            ("L\u{142}\u{d3}D\u{179} ", 8, true),
            ("A\u{d7}B ", 1, false),
            ("Ab\u{e9}-Cd ", 7, true),
        ] {
            // (Sixteen bytes after the capital at least, as the test of them needs.)
            let t = format!("{t}and more words");
            let tok = token(&t, 0);
            assert_eq!((tok.end, tok.lower()), (end, lower), "{t:?}");
        }
        // Hyphenated tokens: two ASCII parts within the sixteen bytes (the short path of `hyphen_rest`), and
        // the cases that go on to `token_rest`.
        for (t, end, lower, hyphen) in [
            ("Ruiz-Tagle ", 10, true, true),
            ("Top-seeded,", 10, true, true),
            ("AB-CD ", 5, false, true),
            ("A-B.", 3, false, true),
            ("AB-cd-EF ", 8, true, true),
            ("AB-\u{c9}mile ", 9, true, true),
            ("AB-Cd\u{e9} ", 7, true, true),
            ("AB- x", 2, false, false),
            ("AB-'x", 2, false, false),
            ("ABCDEFGHIJKLM-Nopqrs ", 20, true, true),
            ("ABCDEFGHIJKLMNO-P ", 17, false, true),
        ] {
            let t = format!("{t}and more words");
            let tok = token(&t, 0);
            let want = token_general(&t, 0).at(t.as_bytes(), 0);
            assert_eq!((tok.end, tok.shape), (want.end, want.shape), "{t:?}");
            assert_eq!(
                (tok.end, tok.lower(), tok.hyphen()),
                (end, lower, hyphen),
                "{t:?}"
            );
        }
    }

    /// [`Capitals::next`] gives the upper-case letters (`\p{Lu}`) at or after the byte asked for, whatever the
    /// characters of one to four bytes around them and across the 64-byte blocks (random texts, stepped a byte
    /// or a character past each capital, or further), as the search of the characters does.
    #[test]
    fn capitals_among_characters_of_every_length() {
        let pieces = [
            "a",
            "A",
            "Z",
            " ",
            "-",
            "'",
            "É",
            "é",
            "ß",
            "Ł",
            "ł",
            "×",
            "Ω",
            "ж",
            "Ж",
            "’",
            "中",
            "Ａ",
            "\u{1d400}",
            "\u{1d41a}",
            "ab",
            "Xyz ",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            crate::recognise::xorshift(&mut state);
            (state >> 20) as usize % n
        };
        for round in 0..3000 {
            let len = 1 + next(200);
            let mut text = String::new();
            while text.len() < len {
                text.push_str(pieces[next(pieces.len())]);
            }
            let want: Vec<(usize, char, usize)> = text
                .char_indices()
                .filter(|&(_, c)| is_lu(c))
                .map(|(i, c)| (i, c, c.len_utf8()))
                .collect();
            let mut caps = Capitals::new(&text);
            let mut from = 0;
            loop {
                let expect = want.iter().copied().find(|&(i, _, _)| i >= from);
                let got = caps.next(from);
                assert_eq!(got, expect, "{text:?} from {from}");
                let Some((i, _, n)) = got else { break };
                // A byte on (into the capital's other bytes), a character on, or a few bytes further.
                from = match round % 3 {
                    0 => i + 1,
                    1 => i + n,
                    _ => i + n + next(5),
                };
            }
        }
    }

    /// [`inside_word`] answers as the test it replaced, after every ASCII byte and a few other characters.
    #[test]
    fn inside_word_after_every_byte() {
        let before = (0..128u8)
            .map(char::from)
            .chain(['\u{e9}', '\u{c9}', '\u{a0}', '\u{2019}', '5']);
        for c in before {
            let text = format!("{c}Ab");
            let i = c.len_utf8();
            let want = c.is_ascii_alphanumeric()
                || matches!(c, '@' | '#' | '_')
                || (!c.is_ascii() && c.is_alphanumeric());
            assert_eq!(inside_word(&text, i), want, "{c:?}");
        }
        assert!(!inside_word("Ab", 0));
    }

    #[test]
    fn lone_capitals_are_tokens_of_one_letter() {
        let flags = lexicon::name_flags();
        for c in b'A'..=b'Z' {
            let org = flags.of(&[c]) & lexicon::NAME_ORG != 0;
            assert_eq!(flags.letter_is_org(c), org, "{}", c as char);
        }
        let mut texts = crate::recognise::all_texts();
        texts.extend(
            [
                "I",
                "I ",
                "I'm",
                "I'M",
                "I'",
                "I'\u{e9}",
                "I-x",
                "I.",
                "A b",
                "I've I'll",
            ]
            .map(String::from),
        );
        for text in &texts {
            let bytes = text.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                if b.is_ascii_uppercase() && lone_capital(bytes, i) {
                    let t = token(text, i);
                    assert_eq!((t.end, t.lower()), (i + 1, false), "{text:?} at {i}");
                }
            }
        }
    }

    /// [`token`]'s paths for a capital alone (before an apostrophe and no capital, or near the end of the
    /// text before a space or at the end) give what [`token_general`] gives; and [`find_into`]'s skip of a
    /// token of one letter covers every capital [`lone_capital`] passed (that is no event or place word).
    #[test]
    fn one_letter_tokens_as_the_general_path() {
        let flags = lexicon::name_flags();
        let mut texts = crate::recognise::all_texts();
        for tail in [
            "I", "I ", "I'm", "I'M", "I'", "I'\u{e9}", "I've", "A b", "O'Brien", "X'Y", "I.", "I-x",
        ] {
            texts.push(tail.to_string());
            texts.push(format!("{tail} and more words after it"));
            texts.push(format!("Some words before it: {tail}"));
        }
        let mut seen = 0;
        for text in &texts {
            let bytes = text.as_bytes();
            for (i, c) in text.char_indices() {
                if !is_lu(c) {
                    continue;
                }
                let t = token(text, i);
                let g = token_general(text, i).at(bytes, i);
                assert_eq!(
                    (t.end, t.shape, t.key),
                    (g.end, g.shape, g.key),
                    "{text:?} at {i}"
                );
                if c.is_ascii() && lone_capital(bytes, i) && !flags.letter_is_org(bytes[i]) {
                    let skipped = t.end == i + 1
                        && !(bytes.get(i + 1) == Some(&b' ') && flags.letter_is_org(t.key as u8));
                    assert!(skipped, "{text:?} at {i}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 0);
    }

    /// Each mention records the lengths of its words, split at its spaces, unless there are too many or one
    /// is too long.
    #[test]
    fn mentions_record_their_words() {
        let mut texts = crate::recognise::all_texts();
        texts.extend(
            [
                "Juan Martin del Potro and Van de Zandschulp, Auger-Aliassime.",
                "Ab Cd Ef Gh Ij Kl Mn and Ab de Cd van Ef Gh Ij Kl Mn",
                "Ab de la Cd",
            ]
            .map(String::from),
        );
        texts.push(format!("Ab C{} Ef", "d".repeat(300)));
        let mut recorded = 0;
        for text in &texts {
            for m in find(text) {
                let name = &text[m.span.start..m.span.end];
                let want: Vec<usize> = name.split(' ').map(str::len).collect();
                match m.word_lens() {
                    Some(lens) => {
                        recorded += 1;
                        let got: Vec<usize> = lens.iter().map(|&n| usize::from(n)).collect();
                        assert_eq!(got, want, "{name:?} in {text:?}");
                    }
                    None => assert!(
                        want.len() > MAX_WORDS || want.iter().any(|&n| n > 255),
                        "{name:?} in {text:?}"
                    ),
                }
            }
        }
        assert!(recorded > 100, "{recorded}");
    }

    /// [`is_hyphen_phrase`] answers as the word lists: for each listed word as a part (alone, first, last, in
    /// the middle), in other cases, longer, shorter, and for parts of nine bytes and more.
    #[test]
    fn hyphen_phrases_as_the_lists() {
        assert!(is_phrase_part(lexicon::word_key(b"Third")));
        assert!(is_phrase_part(lexicon::word_key(b"speaking")));
        assert!(!is_phrase_part(lexicon::word_key(b"third")));
        assert!(!is_phrase_part(0));
        let mut parts: Vec<String> =
            "Ruiz Tagle Auger Aliassime Su wei speakings Thirds Firsts Anna Lena \u{e9}t\u{e9} \
             Jo Wilfried a ranke rankedd"
                .split_whitespace()
                .map(String::from)
                .collect();
        parts.push(String::new());
        for w in ORDINAL.iter().chain(HYPHEN_WORDS) {
            parts.push(w.to_string());
            parts.push(w.to_uppercase());
            parts.push(w.to_lowercase());
            let mut c = w.chars();
            let first = c.next().expect("a word");
            parts.push(first.to_uppercase().chain(c).collect());
            parts.push(w[..w.len() - 1].to_string());
            parts.push(format!("{w}s"));
        }
        for a in &parts {
            for b in ["Top", "Ruiz", "born", "x", ""] {
                for token in [
                    a.clone(),
                    format!("{a}-{b}"),
                    format!("{b}-{a}"),
                    format!("Ab-{a}-{b}"),
                ] {
                    // (No token is empty: it has a capital first.)
                    if token.is_empty() {
                        continue;
                    }
                    assert_eq!(
                        is_hyphen_phrase(&token),
                        listed_hyphen_phrase(&token),
                        "{token:?}"
                    );
                }
            }
        }
        assert!(is_hyphen_phrase("Top-seeded"));
        assert!(is_hyphen_phrase("Spanish-born"));
        assert!(!is_hyphen_phrase("Ruiz-Tagle"));
    }

    #[test]
    fn particles_are_the_listed_ones() {
        for w in RUN_PARTS
            .iter()
            .copied()
            .chain(["d", "t", "dell", "dellaa", "vann", "x", "de,"])
        {
            for tail in ["", " ", "x", " x"] {
                let text = format!("{w}{tail}");
                let want = (RUN_PARTS.contains(&w) && tail.starts_with(' ')).then_some(w.len());
                assert_eq!(particle_len(text.as_bytes(), 0), want, "{text:?}");
            }
        }
    }

    /// What [`particle_len`] answers, from [`RUN_PARTS`] alone: a listed particle at `k`, then a space.
    fn listed_particle_len(bytes: &[u8], k: usize) -> Option<usize> {
        let rest = bytes.get(k..)?;
        RUN_PARTS
            .iter()
            .find(|p| rest.starts_with(p.as_bytes()) && rest.get(p.len()) == Some(&b' '))
            .map(|p| p.len())
    }

    /// [`particle_len`] with its [`PARTICLE_PAIRS`] pre-filter answers as the list does: after every pair of
    /// byte values (with the tails of the particles and others), on random texts, and at every byte of the
    /// test texts.
    #[test]
    fn particle_pairs_keep_every_particle() {
        let tails: Vec<Vec<u8>> = RUN_PARTS
            .iter()
            .map(|p| p.as_bytes()[2..].to_vec())
            .chain([vec![], vec![b'x'], vec![b'l', b'l', b'a']])
            .collect();
        let mut checked = 0;
        for b0 in 0..=255u8 {
            for b1 in 0..=255u8 {
                for tail in &tails {
                    for end in [&b" x"[..], b"", b"x "] {
                        let text: Vec<u8> = [&[b0, b1][..], tail, end].concat();
                        assert_eq!(
                            particle_len(&text, 0),
                            listed_particle_len(&text, 0),
                            "{text:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1_000_000, "{checked}");
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b"dvltaeiounrs EDL-x";
        for _ in 0..20_000 {
            let n = (crate::recognise::xorshift(&mut x) % 12) as usize;
            let text: Vec<u8> = (0..n)
                .map(|_| {
                    let r = crate::recognise::xorshift(&mut x) >> 24;
                    alphabet[(r % alphabet.len() as u64) as usize]
                })
                .collect();
            for k in 0..=text.len() {
                assert_eq!(
                    particle_len(&text, k),
                    listed_particle_len(&text, k),
                    "{text:?} {k}"
                );
            }
        }
        let mut found = 0;
        for t in &crate::recognise::all_texts() {
            for k in 0..=t.len() {
                let want = listed_particle_len(t.as_bytes(), k);
                assert_eq!(particle_len(t.as_bytes(), k), want, "{k} in {t:?}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 10, "{found}");
    }

    #[test]
    fn runs_match_the_pattern_on_the_corpus() {
        for t in &crate::recognise::all_texts() {
            same_as_regex(t);
        }
    }

    #[test]
    fn runs_match_the_pattern_across_blocks() {
        // Capitals and characters outside ASCII on both sides of the 64-byte blocks of `Capitals`.
        for pad in 55..=70 {
            for tail in [
                "Ab Cd",
                "\u{c9}mile Zo\u{e9}",
                "x\u{e9}Ab",
                "ABCDEFGHIJ kl Mn",
                "Ab-Cd de Ef",
            ] {
                let text = format!("{}{tail} {}{tail}", "x ".repeat(pad / 2), "y".repeat(pad));
                same_as_regex(&text);
                // Without its last character.
                let cut = text.char_indices().last().map_or(0, |(i, _)| i);
                same_as_regex(&text[..cut]);
            }
        }
    }

    #[test]
    fn runs_match_the_pattern_on_edge_cases() {
        for t in [
            "",
            "A",
            "Ab",
            "AbcdefghIJ",
            "Abcdefgh",
            "Abcdefghijklmnop q Abcdefghijklmno Abcdefghijklmnopq Abcdefghi",
            "Abcdefghijkl-Mn Abcdefghijkl\u{e9} Abcdefghijkl' ABCDEFGHIJK Abcdefghijk",
            "Abcdefg",
            "Abcdefg-",
            "Abcdefg-h",
            "Abc-Def Ghi",
            "O'Brien O'b O' X'Y",
            "Émile Zoé Ölsen",
            "Abcdefgé",
            "Abcdéfgh ij",
            "Juan Martin del Potro",
            "van de Zandschulp Van de Zandschulp",
            "Alex de  Minaur",
            "Auger-Aliassime, Hsieh Su-wei.",
            "iPhone McDonald (Bul)",
            "x\u{e9}Abc A\u{301}b",
            "Abcdefgh\u{0}ij",
            "ABCDEFGHIJKLMNOP q",
            "Ab\u{1F600}",
        ] {
            same_as_regex(t);
        }
    }

    /// [`shape`]'s bits, one per flag.
    #[test]
    fn shape_bits() {
        assert_eq!(shape(true, false), 0);
        assert_eq!(shape(false, false), CAPS_ONLY);
        assert_eq!(shape(true, true), HYPHENATED);
        assert_eq!(shape(false, true), CAPS_ONLY | HYPHENATED);
    }

    /// [`is_name_token`] as it was written with two flags and the stop word's flag, on every token of the
    /// corpus runs and of hyphenated edge cases, with and without [`lexicon::NAME_STOP`].
    #[test]
    fn name_token_as_with_flags() {
        fn reference(text: &str, t: &Token, stop: bool) -> bool {
            t.lower() && !stop && !(t.hyphen() && is_hyphen_phrase(&text[t.start..t.end]))
        }
        let mut texts = crate::recognise::all_texts();
        texts.extend(
            [
                "Third-ranked Top-seeded Spanish-born Auger-Aliassime USA-Born Hsieh Su-wei A-B AB-Cd I",
                "Ab-Cd-Ef World No-One Fourth-Seeded \u{c9}mile-Zo\u{e9} THE-END Two-time",
            ]
            .map(String::from),
        );
        let mut seen = [0usize; 4];
        for text in &texts {
            for (_, tokens) in runs(text) {
                for t in &tokens {
                    for stop in [false, true] {
                        let flags = u8::from(stop) * lexicon::NAME_STOP;
                        let got = is_name_token(text, t, flags);
                        assert_eq!(got, reference(text, t, stop), "{:?}", &text[t.start..t.end]);
                        seen[usize::from(t.hyphen()) * 2 + usize::from(got)] += 1;
                    }
                }
            }
        }
        // Each kind met: name tokens and others, with a hyphen and without.
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }
}
