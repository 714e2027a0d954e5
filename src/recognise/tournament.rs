//! Tournaments: Grand Slams, tour events by name or city ("the Masters 1000 event in Shanghai"), Davis Cup,
//! Billie Jean King Cup, Olympics. Corpus: `tests/corpus/tournament.jsonl`.

use super::{Alternation, Anchored, Span};
use once_cell::sync::Lazy;
use regex::Regex;

/// A tournament phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TournamentMention {
    /// The name in the text, trimmed of articles ("Paris Masters", "Australian Open", "Shanghai"): see
    /// [`TournamentMention::name`].
    pub span: Span,
}

impl TournamentMention {
    /// The name as the text the mention was found in gives it: the bytes of its span (no copy is kept: the
    /// name was always that slice of the text).
    #[inline]
    pub fn name<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}

/// A capitalised word that may stand in an event name ("Dubai", "U.S.", "Women's", "BNP").
const TOKEN: &str = r"\p{Lu}(?:\.(?:\p{Lu}\.)+|[\p{L}\p{M}&'-]*)";

/// The alternatives of the tournament pattern, in priority order (leftmost-first): known names, "the Masters
/// 1000 event in Shanghai" (the city is the name), and generic names ending in an event word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Alt {
    Known,
    City,
    Generic,
}

const ALTS: [Alt; 3] = [Alt::Known, Alt::City, Alt::Generic];

static RE: Lazy<Alternation> = Lazy::new(|| {
    let alts = [
        // known names that the generic pattern misses or that stand alone
        r"Roland[-\s]Garros|Wimbledon|Indian\s+Wells|Queen's\s+Club(?:\s+Championships)?|Open\s+13|Davis\s+Cup(?:\s+final)?|Fed\s+Cup|Billie\s+Jean\s+King\s+Cup|Hopman\s+Cup|Laver\s+Cup|United\s+Cup|ATP\s+Cup|(?:Nitto\s+|Next\s*Gen\s+)?ATP\s+(?:World\s+Tour\s+)?Finals|WTA\s+(?:Tour\s+)?Finals|(?:Tennis\s+)?Masters\s+Cup|(?:\p{Lu}\p{L}+\s+)?Olympics|Olympic\s+Games|Diamond\s+Games|Queen's".to_string(),
        // the Masters 1000 event in Shanghai
        r"(?:Masters(?:\s+1000)?|ATP(?:\s+(?:250|500|1000))?|WTA(?:\s+(?:125|250|500|1000))?|Challenger|ITF)\s+(?:event|tournament|title)\s+in\s+\p{Lu}\p{L}+(?:[\s-]\p{Lu}\p{L}+)?".to_string(),
        // Dubai Tennis Championships, Paris Masters, Miami Open
        format!(r"(?:{TOKEN}[\x20]+){{1,5}}(?:Open|Masters|Championships|Championship|Classic|International|Trophy|Cup|Tournament)"),
    ];
    let alts: Vec<&str> = alts.iter().map(String::as_str).collect();
    Alternation::new("(?x)", r"(?-u:\b)", &alts, r"(?-u:\b)")
});

/// [`RE`] run only near tournament keywords (every alternative starts with a capital letter): every match holds one of the words [`super::Keywords`] finds for
/// tournaments, at most five runs of spaces after its start ("Next Gen ATP World Tour Finals", five capitalised
/// words before "Open").
static NEAR: Lazy<Anchored> = Lazy::new(|| RE.anchored().clone());

/// The tournament phrases of `text`: spans of the matches of [`RE`], with the alternative that produced each
/// (told by the code reader [`read_at`], or by the anchored search that found the match).
///
/// Before its first keyword, a match holds only capitalised words of letters, `&'.-` (and non-ASCII
/// characters) between white space: the pattern runs only at capitals with nothing else up to the keyword.
#[cfg(test)]
fn matches(text: &str, keywords: &super::Keywords) -> Vec<(usize, usize, Alt)> {
    let mut out = Vec::new();
    matches_into(text, keywords, &mut out);
    out
}

/// [`matches`] pushed onto `out`.
fn matches_into(text: &str, keywords: &super::Keywords, out: &mut Vec<(usize, usize, Alt)>) {
    let hits = keywords.starts(super::KEY_TOURNAMENT).map(|o| {
        (
            o,
            super::Window::Lazy(|t, o, _| name_start(t.as_bytes(), o)),
        )
    });
    super::find_near_into(
        text,
        hits,
        |t, p| match read_at(t.as_bytes(), p) {
            Some(m) => m,
            None if !may_match(t.as_bytes(), p) => None,
            // The search that finds the match also tells the alternative.
            None => NEAR.at_which(t, p).map(|(e, i)| (e, ALTS[i])),
        },
        |b, p, _| (b[p].is_ascii_uppercase() || b[p] >= 0x80) && super::boundary(b, p),
        out,
    );
}

/// The classes of bytes for [`name_start`]: [`STOP`] ends the window, [`NAME`] is a byte of a name word (an
/// ASCII letter, `&'-.`, a non-ASCII byte), [`SPACE`] ASCII white space.
const STOP: u8 = 0;
const NAME: u8 = 1;
const SPACE: u8 = 2;
static NAME_CLASS: [u8; 256] = {
    let mut t = [STOP; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() || matches!(b, b'&' | b'\'' | b'-' | b'.' | 0x80..) {
            NAME
        } else if matches!(b, b'\t'..=b'\r' | b' ') {
            SPACE
        } else {
            STOP
        };
        c += 1;
    }
    t
};

/// The first offset `p` before the keyword at `o` where a match may start: at most five runs of white space
/// before `o` (ASCII ones; a non-ASCII space counts as none, which only widens the window), and the bytes
/// `p..o` pass [`name_like`], which holds for every end part of a text it holds for.
///
/// The backward walk of [`name_start_walk`] stops at the first of these it meets: a byte of class `STOP`
/// (it returns the offset after it), a word of name bytes opening with an ASCII lower-case letter before `o`
/// (its start), the sixth run of white space (its end). As it meets them from `o` back, it returns the
/// greatest of those offsets: read here off the class masks of the 16 bytes before `o` ([`classes16`]) by a
/// few bit operations, where the walk cost some instructions per byte (windows hold a dozen bytes on
/// average). The walk tells when none of them lies in those bytes.
fn name_start(b: &[u8], o: usize) -> usize {
    // Bit `k` (0..16) stands for byte `o - 16 + k`, bit 16 for the offset `o`; bytes before the text are zeros.
    let (name, space, lower) = classes16(b, o);
    let stop = !(name | space) & 0xffff;
    // Offsets of bits 1 to 16, whose byte before is in the masks: after a stop; a lower-case letter after a
    // byte that is no name byte (below bit 16: before `o`).
    let found = stop << 1 | lower & !(name << 1) & 0xfffe;
    // The ends of the runs of white space (white space before, none at the offset) above the greatest offset
    // found (all of them when none is: a shift by 0).
    let ends = (space << 1) & !space;
    let above = ends & u32::MAX << (32 - found.leading_zeros());
    // Fewer than six of them (five lowest bits cleared, none left): the greatest offset found is the answer.
    let mut sixth = above;
    for _ in 0..5 {
        sixth &= sixth.wrapping_sub(1);
    }
    if sixth == 0 {
        return match found.leading_zeros() {
            // None in the 16 bytes: the walk goes on before them.
            32 => name_start_walk(b, o),
            lz => o + (31 - lz as usize) - 16,
        };
    }
    // (Rare: six runs of white space in 16 bytes.) The sixth end from `o` back: five highest bits cleared.
    let mut ends = above;
    for _ in 0..5 {
        ends ^= 1 << (31 - ends.leading_zeros());
    }
    o + (31 - ends.leading_zeros() as usize) - 16
}

/// [`name_start`] as a walk back, a word and a run of white space at a time, byte by byte.
fn name_start_walk(b: &[u8], o: usize) -> usize {
    let class = |c: u8| NAME_CLASS[usize::from(c)];
    let mut runs = 0;
    let mut j = o;
    // The class of `b[j - 1]` (STOP before the text).
    let mut before = if j > 0 { class(b[j - 1]) } else { STOP };
    loop {
        // Back over the run of name bytes that ends at `j`.
        while before == NAME {
            j -= 1;
            before = if j > 0 { class(b[j - 1]) } else { STOP };
        }
        if before == STOP || (j < o && b[j].is_ascii_lowercase()) {
            return j;
        }
        // `b[j - 1]` ends a run of white space.
        runs += 1;
        if runs > 5 {
            return j;
        }
        while before == SPACE {
            j -= 1;
            before = if j > 0 { class(b[j - 1]) } else { STOP };
        }
    }
}

/// The masks of the 16 bytes before `top` (bit `k`: byte `top - 16 + k`; bytes before the text read as zeros,
/// of class [`STOP`]): bytes of class [`NAME`], bytes of class [`SPACE`], ASCII lower-case letters.
#[inline(always)]
fn classes16(b: &[u8], top: usize) -> (u32, u32, u32) {
    let lane: [u8; 16] = match top.checked_sub(16) {
        Some(base) => b[base..top].try_into().expect("sixteen bytes"),
        None => {
            let mut lane = [0u8; 16];
            lane[16 - top..].copy_from_slice(&b[..top]);
            lane
        }
    };
    #[cfg(target_feature = "sse2")]
    return sse2_classes16(lane);
    #[cfg(not(target_feature = "sse2"))]
    portable_classes16(lane)
}

/// [`classes16`] of a lane, with SSE2 (every x86-64): letters as `c | 0x20` in `a..=z` by two signed compares
/// (bytes beyond ASCII stay negative), `&'-.` by four compares, non-ASCII bytes by their high bits; white space
/// as ' ' or in `\t..=\r`; lower-case letters by two signed compares.
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn sse2_classes16(lane: [u8; 16]) -> (u32, u32, u32) {
    use safe_arch::*;
    let v = m128i::from(lane);
    let splat = |c: u8| set_splat_i8_m128i(c as i8);
    let eq = |c: u8| cmp_eq_mask_i8_m128i(v, splat(c));
    let between = |x: m128i, lo: u8, hi: u8| {
        bitand_m128i(
            cmp_gt_mask_i8_m128i(x, splat(lo - 1)),
            cmp_lt_mask_i8_m128i(x, splat(hi + 1)),
        )
    };
    let letter = between(bitor_m128i(v, splat(0x20)), b'a', b'z');
    let punct = bitor_m128i(
        bitor_m128i(eq(b'&'), eq(b'\'')),
        bitor_m128i(eq(b'-'), eq(b'.')),
    );
    let white = bitor_m128i(eq(b' '), between(v, b'\t', b'\r'));
    let bits = |x: m128i| move_mask_i8_m128i(x) as u32 & 0xffff;
    // (`bits(v)`: the high bits, the non-ASCII bytes.)
    let name = bits(bitor_m128i(letter, punct)) | bits(v);
    (name, bits(white), bits(between(v, b'a', b'z')))
}

/// [`classes16`] of a lane byte by byte, by [`NAME_CLASS`].
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_classes16(lane: [u8; 16]) -> (u32, u32, u32) {
    lane.iter()
        .enumerate()
        .fold((0, 0, 0), |(name, space, lower), (k, &c)| {
            let class = NAME_CLASS[usize::from(c)];
            (
                name | u32::from(class == NAME) << k,
                space | u32::from(class == SPACE) << k,
                lower | u32::from(c.is_ascii_lowercase()) << k,
            )
        })
}

/// The event words that end a generic name, in the order of [`RE`]'s generic alternative.
const EVENT_WORDS: [&[u8]; 9] = [
    b"Open",
    b"Masters",
    b"Championships",
    b"Championship",
    b"Classic",
    b"International",
    b"Trophy",
    b"Cup",
    b"Tournament",
];

/// [`NEAR`]`.at(text, p)` read in code for the common cases: "Wimbledon" and generic names ("Miami Open",
/// "U.S. Open", "Dubai Tennis Championships") in ASCII. `Some(answer)` when the code knows the answer, `None`
/// when the pattern must tell: at a non-ASCII byte (Unicode letters and white space) and where a known name or
/// the city form may start (their first words, or a word before "Olympic").
///
/// `p` is a word start holding an ASCII capital or a non-ASCII byte (see the start test of [`matches`]).
fn read_at(b: &[u8], p: usize) -> Option<Option<(usize, Alt)>> {
    if b[p] >= 0x80 {
        return None;
    }
    let word = word_at(b, p);
    let after = p + word.len();
    let next = b.get(after).copied();
    if next.is_some_and(|c| c >= 0x80 || c == b'_') {
        return None;
    }
    match word {
        b"Wimbledon" => return Some(Some((after, Alt::Known))),
        b"Davis" | b"Fed" | b"Hopman" | b"Laver" | b"United" => {
            return team_cup_at(b, after, word == b"Davis").map(|e| Some((e, Alt::Known)));
        }
        b"Roland" => return pair_at(b, after, b"Garros", true).map(|e| Some((e, Alt::Known))),
        b"Indian" => return pair_at(b, after, b"Wells", false).map(|e| Some((e, Alt::Known))),
        b"Queen" if next == Some(b'\'') => {
            return queens_at(b, after).map(|e| Some((e, Alt::Known)));
        }
        b"Queen" | b"Billie" | b"ATP" | b"Nitto" | b"WTA" | b"Tennis" | b"Masters"
        | b"Olympics" | b"Olympic" | b"Diamond" | b"Challenger" | b"ITF" => {
            return None;
        }
        _ if word.starts_with(b"Next") => return None,
        _ => {}
    }
    // "Open 13" and "Paris Olympics" (any capitalised word before "Olympics"): the pattern tells.
    if next.is_some_and(super::ascii_space) {
        let mut q = after;
        while q < b.len() && super::ascii_space(b[q]) {
            q += 1;
        }
        let rest = &b[q..];
        if rest.first().is_some_and(|&c| c >= 0x80)
            || rest.starts_with(b"Olympic")
            || (word == b"Open" && rest.starts_with(b"13"))
        {
            return None;
        }
    }
    generic_at(b, p).map(|e| e.map(|e| (e, Alt::Generic)))
}

/// The run of ASCII letters and digits at `p` ([`super::alnum_run`]), its end found 16 bytes at a time: one
/// mask of the bytes that are none, its lowest bit. The byte loop took about seven instructions a byte and
/// mispredicted its exit at most words (a candidate's first word has seven bytes on average).
#[inline]
fn word_at(b: &[u8], p: usize) -> &[u8] {
    #[allow(unused_mut)]
    let mut r = p;
    #[cfg(target_feature = "sse2")]
    while let Some(lane) = b.get(r..r + 16) {
        use safe_arch::*;
        let lane: [u8; 16] = lane.try_into().expect("sixteen bytes");
        let other = !move_mask_i8_m128i(super::sse2_alnum(m128i::from(lane))) as u32 & 0xffff;
        if other != 0 {
            return &b[p..r + other.trailing_zeros() as usize];
        }
        r += 16;
    }
    &b[p..r + super::alnum_run(b, r).len()]
}

/// The end of the known name `<word>\s+Cup` (`Davis\s+Cup(?:\s+final)?` when `davis`) whose first word ends
/// at `after`, read in ASCII: the known names come first in [`RE`], and no other one opens with these words
/// but `(?:\p{Lu}\p{L}+\s+)?Olympics`. `None` (the pattern tells) when "Cup" does not follow, when a word
/// byte follows it, or when a non-ASCII byte may change the answer.
fn team_cup_at(b: &[u8], after: usize, davis: bool) -> Option<usize> {
    let at = |i: usize| super::byte_or_stop(b, i);
    let skip_space = |mut i: usize| {
        while super::ascii_space(at(i)) {
            i += 1;
        }
        i
    };
    let q = skip_space(after);
    if q == after || !b[q..].starts_with(b"Cup") {
        return None;
    }
    let e = q + 3;
    // `(?-u:\b)` after "Cup", or first `\s+final` and `(?-u:\b)` after it.
    let c = at(e);
    if c >= 0x80 || super::is_word_byte(c) {
        return None;
    }
    if davis && super::ascii_space(c) {
        let r = skip_space(e);
        if at(r) >= 0x80 {
            return None;
        }
        if b[r..].starts_with(b"final") {
            let c = at(r + 5);
            if c >= 0x80 {
                return None;
            }
            if !super::is_word_byte(c) {
                return Some(r + 5);
            }
        }
    }
    Some(e)
}

/// The end of the known name `Roland[-\s]Garros` (`dash`: one hyphen or white space character between) or
/// `Indian\s+Wells` whose first word ends at `after`, read in ASCII: no known name that opens with these words
/// comes before them in [`RE`]. `None` (the pattern tells) when the second word or the word boundary after it
/// is missing, or when a non-ASCII byte (white space?) stands between the words.
fn pair_at(b: &[u8], after: usize, second: &[u8], dash: bool) -> Option<usize> {
    let at = |i: usize| super::byte_or_stop(b, i);
    let mut q = after;
    if dash {
        if at(q) == b'-' || super::ascii_space(at(q)) {
            q += 1;
        }
    } else {
        while super::ascii_space(at(q)) {
            q += 1;
        }
    }
    let e = q + second.len();
    (q > after && b[q..].starts_with(second) && !super::is_word_byte(at(e))).then_some(e)
}

/// The end of the known name `Queen's\s+Club(?:\s+Championships)?` or else `Queen's` whose "Queen" ends at
/// `after` (an apostrophe there), read in ASCII: no other name of [`RE`] opens with "Queen'". `None` (the
/// pattern tells) when "Queen's" has no word boundary after it, or where white space may be non-ASCII.
fn queens_at(b: &[u8], after: usize) -> Option<usize> {
    let at = |i: usize| super::byte_or_stop(b, i);
    let skip_space = |mut i: usize| {
        while super::ascii_space(at(i)) {
            i += 1;
        }
        i
    };
    let e = after + 2;
    if at(after + 1) != b's' || at(e) >= 0x80 || super::is_word_byte(at(e)) {
        return None;
    }
    let q = skip_space(e);
    if q > e {
        if at(q) >= 0x80 {
            return None;
        }
        let club = q + 4;
        if b[q..].starts_with(b"Club") && !super::is_word_byte(at(club)) {
            // `(?:\s+Championships)?`, greedy.
            if at(club) >= 0x80 {
                return None;
            }
            let r = skip_space(club);
            if r > club {
                if at(r) >= 0x80 {
                    return None;
                }
                let champ = r + b"Championships".len();
                if b[r..].starts_with(b"Championships") && !super::is_word_byte(at(champ)) {
                    return Some(champ);
                }
            }
            return Some(club);
        }
    }
    Some(e)
}

/// Whether [`NEAR`] may match at `p` where [`read_at`] leaves it to the pattern: a necessary condition (where
/// it says no, the pattern has no match at `p`) that spares the lazy DFA the openers of known names and of the
/// city form that open nothing here ("WTA event was", "ATP has", "ITF)", "Olympic gold", "US Olympic team").
/// Non-ASCII bytes where a letter or white space is asked for say yes.
fn may_match(b: &[u8], p: usize) -> bool {
    if b[p] >= 0x80 {
        return true;
    }
    let word = word_at(b, p);
    let after = p + word.len();
    let at = |i: usize| super::byte_or_stop(b, i);
    let space = super::ascii_space;
    // The known names and the city form go on with white space after these words; then (`q` past the ASCII
    // white space) a number of the city form, or a word that may come next in a known name or the city form.
    let next = |q: usize| {
        let c = at(q);
        if c >= 0x80 || c.is_ascii_digit() {
            return true;
        }
        let w = word_at(b, q);
        match w {
            b"Cup" | b"World" | b"Tour" | b"Finals" | b"Games" | b"Olympics" => true,
            // `(?:event|tournament|title)\s+in\s+`.
            b"event" | b"tournament" | b"title" => {
                let mut i = q + w.len();
                if at(i) >= 0x80 {
                    return true;
                }
                if !space(at(i)) {
                    return false;
                }
                while space(at(i)) {
                    i += 1;
                }
                at(i) >= 0x80 || b[i..].starts_with(b"in")
            }
            _ => false,
        }
    };
    let c = at(after);
    if c >= 0x80 || c == b'_' {
        return true;
    }
    let mut q = after;
    while space(at(q)) {
        q += 1;
    }
    let known = match word {
        b"ATP" | b"WTA" | b"ITF" | b"Masters" | b"Challenger" | b"Olympic" => q > after && next(q),
        // Known names on their own.
        b"Olympics" | b"Wimbledon" => true,
        // Before "Olympic", only "Olympics" opens a known name (`(?:\p{Lu}\p{L}+\s+)?Olympics`); the other
        // words that [`read_at`] leaves to the pattern say yes.
        _ => !b[q..].starts_with(b"Olympic") || b[q..].starts_with(b"Olympics"),
    };
    // The generic alternative: the first token goes on (`&'-`, initials) or ends at a `\x20` run before a
    // capital; else [`generic_at`] would say no.
    known
        || ((matches!(c, b'&' | b'\'' | b'-' | b'.')
            || (c == b' ' && (at(q) >= 0x80 || at(q).is_ascii_uppercase())))
            && generic_at(b, p) != Some(None))
}

/// `TOKEN_BYTE[c]`: whether `c` goes on a word of `TOKEN` after its capital in ASCII (`[\p{L}\p{M}&'-]`).
static TOKEN_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphabetic() || matches!(c as u8, b'&' | b'\'' | b'-');
        c += 1;
    }
    t
};

/// The end of the run of [`TOKEN_BYTE`]s from `r`: 16 bytes at a time where they are there (one mask of the
/// bytes that are none, its lowest bit), byte by byte in the last ones.
#[inline]
fn token_end(b: &[u8], mut r: usize) -> usize {
    #[cfg(target_feature = "sse2")]
    while let Some(lane) = b.get(r..r + 16) {
        let other = !sse2_token_bytes(lane.try_into().expect("sixteen bytes")) & 0xffff;
        if other != 0 {
            return r + other.trailing_zeros() as usize;
        }
        r += 16;
    }
    r + b[r..]
        .iter()
        .position(|&c| !TOKEN_BYTE[usize::from(c)])
        .unwrap_or(b.len() - r)
}

/// Bit `k`: whether `lane[k]` is a [`TOKEN_BYTE`] (an ASCII letter, `&'-`), with SSE2: letters as `c | 0x20`
/// in `a..=z` by two signed compares (bytes beyond ASCII stay negative), then three compares.
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn sse2_token_bytes(lane: [u8; 16]) -> u32 {
    use safe_arch::*;
    let v = m128i::from(lane);
    let splat = |c: u8| set_splat_i8_m128i(c as i8);
    let eq = |c: u8| cmp_eq_mask_i8_m128i(v, splat(c));
    let lower = bitor_m128i(v, splat(0x20));
    let letter = bitand_m128i(
        cmp_gt_mask_i8_m128i(lower, splat(b'a' - 1)),
        cmp_lt_mask_i8_m128i(lower, splat(b'z' + 1)),
    );
    let punct = bitor_m128i(eq(b'&'), bitor_m128i(eq(b'\''), eq(b'-')));
    move_mask_i8_m128i(bitor_m128i(letter, punct)) as u32 & 0xffff
}

/// The generic alternative of [`RE`] at `p` in ASCII: up to five capitalised words (`TOKEN`), each followed by
/// spaces, then an event word and a word boundary; greedy, so the most words that leave an event word after
/// them. `None` at a non-ASCII byte that the answer may hang on.
fn generic_at(b: &[u8], p: usize) -> Option<Option<usize>> {
    // Where each word's spaces end.
    let mut ends = [0usize; 5];
    let mut n = 0;
    let mut q = p;
    while n < 5 && q < b.len() {
        let c = b[q];
        if c >= 0x80 {
            return None;
        }
        if !c.is_ascii_uppercase() {
            break;
        }
        let mut r = q + 1;
        if b.get(r) == Some(&b'.') {
            // Initials: `\.(?:\p{Lu}\.)+`.
            let mut k = r + 1;
            while k + 1 < b.len() && b[k].is_ascii_uppercase() && b[k + 1] == b'.' {
                k += 2;
            }
            if k < b.len() && b[k] >= 0x80 {
                return None;
            }
            if k == r + 1 {
                break;
            }
            r = k;
        } else {
            r = token_end(b, r);
            if r < b.len() && b[r] >= 0x80 {
                return None;
            }
        }
        if b.get(r) != Some(&b' ') {
            break;
        }
        while b.get(r) == Some(&b' ') {
            r += 1;
        }
        ends[n] = r;
        n += 1;
        q = r;
    }
    for &at in ends[..n].iter().rev() {
        // The first letters of the event words (`sorted_lists` checks them).
        if !matches!(b.get(at), Some(b'O' | b'M' | b'C' | b'I' | b'T')) {
            continue;
        }
        for w in EVENT_WORDS {
            let e = at + w.len();
            if b[at..].starts_with(w) && !b.get(e).is_some_and(|&c| super::is_word_byte(c)) {
                return Some(Some(e));
            }
        }
    }
    Some(None)
}

#[cfg(test)]
/// Whether the bytes `s` between a match start and its first keyword may belong to a name: no ASCII byte but
/// letters, `&'.-` and white space, and no lower-case ASCII letter right after ASCII white space (see `TOKEN`
/// and the known names of [`RE`]). A superset test.
fn name_like(s: &[u8]) -> bool {
    let mut after_space = false;
    for &c in s {
        match c {
            b'\t'..=b'\r' | b' ' => {
                after_space = true;
                continue;
            }
            b'a'..=b'z' if after_space => return false,
            b'A'..=b'Z' | b'a'..=b'z' | b'&' | b'\'' | b'-' | b'.' | 0x80.. => {}
            _ => return false,
        }
        after_space = false;
    }
    true
}

/// In a "Masters 1000 event in Shanghai" match: what comes before the city.
static BEFORE_CITY: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s+in\s+").expect("city pattern"));

/// Capitalised words that start a sentence or clause and are not part of an event name.
const LEAD_STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "At",
    "On",
    "For",
    "From",
    "To",
    "After",
    "Before",
    "During",
    "Since",
    "Last",
    "This",
    "Next",
    "His",
    "Her",
    "Their",
    "Its",
    "But",
    "And",
    "When",
    "While",
    "With",
    "Without",
    "As",
    "By",
    "Of",
    "Into",
    "Despite",
    "Until",
    "Year's",
    "Year",
    "Both",
    "It",
    "He",
    "She",
    "They",
    "That",
    "Then",
    "Now",
    "Meanwhile",
    "However",
    "If",
    "So",
    "Or",
    "Our",
    "My",
    "Your",
    "Reigning",
    "Defending",
    "Former",
    "Current",
    "Two-time",
    "Three-time",
    "Four-time",
    "Five-time",
    "Six-time",
    "Seven-time",
    "Twice",
    "Champion",
    "Men's",
    "Women's",
    "Boys'",
    "Girls'",
    "Junior",
    "Mixed",
    "Doubles",
    "Singles",
    "Grand",
    "Slam",
    "Tennis",
    "ATP",
    "WTA",
    "Tour",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "I",
    "We",
    "You",
    "Watch",
    "Follow",
    "Read",
    "Live",
];

/// [`LEAD_STOP`] as a set of byte strings: asked about the first word of most matches (read as bytes, see
/// [`generic_name`]).
static LEAD_STOP_SET: Lazy<crate::lexicon::FxHashSet<&'static [u8]>> =
    Lazy::new(|| LEAD_STOP.iter().map(|w| w.as_bytes()).collect());

/// `LEAD_LENS[c - b'A']`: bit `n` set when a word of [`LEAD_STOP`] of `n` bytes starts with the capital `c`
/// (every one starts with an ASCII capital and is shorter than 32 bytes; built at compile time).
const LEAD_LENS: [u32; 26] = super::lengths_by_capital(LEAD_STOP);

/// Whether `w` is one of [`LEAD_STOP`]: the set is asked only when a word of its first letter and length is.
fn is_lead_stop(b: &[u8]) -> bool {
    match b.first() {
        Some(&c @ b'A'..=b'Z') if b.len() < 32 => {
            LEAD_LENS[usize::from(c - b'A')] >> b.len() & 1 != 0 && LEAD_STOP_SET.contains(b)
        }
        _ => false,
    }
}

/// Team events that a nation's name may stand before ("US Davis Cup").
const TEAM_EVENTS: &[&str] = &[
    "Davis Cup",
    "Fed Cup",
    "Billie Jean King Cup",
    "Hopman Cup",
    "Laver Cup",
    "United Cup",
];

/// Words that make a "Cup"/"Championship" another sport's competition, in byte order (for a binary search).
const OTHER_SPORTS: &[&str] = &[
    "African",
    "America's",
    "Anglo-Welsh",
    "Asian",
    "British",
    "Carling",
    "Challenge",
    "Champions",
    "Charity",
    "Coca-Cola",
    "Commonwealth",
    "Community",
    "Confederations",
    "County",
    "Cricket",
    "Currie",
    "Derby",
    "EFL",
    "Ellis",
    "Euro",
    "European",
    "FA",
    "Football",
    "Gold",
    "Golf",
    "Grand",
    "Heineken",
    "Indoor",
    "Intertoto",
    "Irish",
    "League",
    "Masters",
    "Melbourne",
    "National",
    "Nations",
    "Open",
    "Outdoor",
    "PGA",
    "Powergen",
    "Premier",
    "Premiership",
    "Rugby",
    "Ryder",
    "Scottish",
    "Six",
    "Solheim",
    "Stanley",
    "Super",
    "Tri",
    "UEFA",
    "US PGA",
    "Webb",
    "Welsh",
    "World",
];

/// Words allowed with a possessive "'s" inside a name ("Volvo Women's Open", "Queen's Club").
const POSSESSIVE_OK: &[&str] = &["Women's", "Men's", "Queen's", "Ladies'"];

/// Cities that name tour events, beside countries and demonyms, in byte order (for a binary search).
const EVENT_CITIES: &[&str] = &[
    "Acapulco",
    "Adelaide",
    "Auckland",
    "Barcelona",
    "Basel",
    "Beijing",
    "Brisbane",
    "Canadian",
    "Chennai",
    "Cincinnati",
    "Doha",
    "Dubai",
    "Eastbourne",
    "Halle",
    "Hamburg",
    "Hyderabad",
    "Indian",
    "Kooyong",
    "Madrid",
    "Marseille",
    "Memphis",
    "Miami",
    "Monte",
    "Montreal",
    "Moscow",
    "Paris",
    "Qatar",
    "Rome",
    "Rotterdam",
    "San",
    "Shanghai",
    "Stockholm",
    "Stuttgart",
    "Sydney",
    "Tokyo",
    "Toronto",
    "Vienna",
    "Washington",
];

fn is_place(w: &str) -> bool {
    crate::lexicon::country(w).is_some()
        || crate::lexicon::demonym(w).is_some()
        || EVENT_CITIES.binary_search(&w).is_ok()
}

/// Whether the word `text[s..e]` is a compound adjective ("Two-time", "Grass-court"): a lower-case letter
/// after its first `-`. Read on bytes; the text is decoded only where a non-ASCII character follows the `-`.
fn is_adjective(text: &str, (s, e): (usize, usize)) -> bool {
    let w = &text.as_bytes()[s..e];
    w.iter()
        .position(|&c| c == b'-')
        .is_some_and(|i| match w.get(i + 1) {
            Some(&c) if c < 0x80 => c.is_ascii_lowercase(),
            Some(_) => text[s + i + 1..e]
                .chars()
                .next()
                .is_some_and(char::is_lowercase),
            None => false,
        })
}

fn all_digits(w: &[u8]) -> bool {
    w.iter().all(|b| b.is_ascii_digit())
}

/// Whether `w` is one of [`OTHER_SPORTS`] (a binary search: their byte order is their order as texts).
fn is_other_sport(w: &[u8]) -> bool {
    OTHER_SPORTS
        .binary_search_by(|s| s.as_bytes().cmp(w))
        .is_ok()
}

/// Every tournament phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<TournamentMention> {
    find_in(text, &super::Keywords::scan(text))
}

/// Pushes the mention of a match of a known name or of "in <city>" (none when the name is not one), and says
/// whether the match was one of those two kinds.
fn push_known_or_city(
    text: &str,
    m_start: usize,
    m_end: usize,
    alt: Alt,
    out: &mut Vec<TournamentMention>,
) -> bool {
    match alt {
        Alt::Known => {
            let (s, e) = (m_start, m_end);
            let name = &text[s..e];
            if name == "Queen's" && !text[..s].ends_with("at ") {
                return true;
            }
            if name.ends_with("Olympics") && !name.starts_with("Olympics") {
                // "Paris Olympics" but not "the Special Olympics"-like organisations.
                let first = name.split_whitespace().next().unwrap_or("");
                if is_lead_stop(first.as_bytes()) || first == "Special" || first == "Winter" {
                    let rest = name[first.len()..].trim_start();
                    let off = e - rest.len();
                    if first != "Special" && first != "Winter" {
                        out.push(TournamentMention {
                            span: Span::new(off, e),
                        });
                    }
                    return true;
                }
            }
            out.push(TournamentMention {
                span: Span::new(s, e),
            });
            true
        }
        Alt::City => {
            let m_str = &text[m_start..m_end];
            let at = BEFORE_CITY
                .find(m_str)
                .expect("' in ' before the city")
                .end();
            let city = &m_str[at..];
            if !is_lead_stop(city.as_bytes()) {
                out.push(TournamentMention {
                    span: Span::new(m_start + at, m_end),
                });
            }
            true
        }
        _ => false,
    }
}

/// [`find`], with the keywords of `text` already found.
pub(crate) fn find_in(text: &str, keywords: &super::Keywords) -> Vec<TournamentMention> {
    let mut out = Vec::new();
    find_into(text, keywords, &mut out);
    out
}

/// [`find_in`] written into `out` (cleared first).
pub(crate) fn find_into(text: &str, keywords: &super::Keywords, out: &mut Vec<TournamentMention>) {
    thread_local! {
        /// The matches of one text ([`matches_into`]), kept for the next.
        static FOUND: std::cell::RefCell<Vec<(usize, usize, Alt)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut found = super::take_buffer(&FOUND);
    matches_into(text, keywords, &mut found);
    // At most one mention per match: no growing.
    out.clear();
    out.reserve(found.len());
    for &(m_start, m_end, alt) in &found {
        if push_known_or_city(text, m_start, m_end, alt, out) {
            continue;
        }
        if let Some(s) = generic_name(text, m_start, m_end) {
            out.push(TournamentMention {
                span: Span::new(s, m_end),
            });
        }
    }
    super::give_back(&FOUND, found);
}

/// Where the name of the generic match `text[m_start..e]` starts, or `None` when the match names no tennis
/// event. Reads only the bytes of the match: its words as byte slices (split at ASCII spaces, where `str`
/// slices would test both ends for character boundaries), as texts only for the place look-up.
fn generic_name(text: &str, m_start: usize, e: usize) -> Option<usize> {
    let b = text.as_bytes();
    let (words, len) = match_words(b, m_start, e);
    let words = &words[..len];
    let word = |i: usize| &b[words[i].0..words[i].1];
    // Drop leading sentence words and anything up to a possessive ("Federer's Australian Open").
    let mut first = 0;
    for (i, &(ws, we)) in words.iter().enumerate() {
        let w = &b[ws..we];
        let possessive = (w.ends_with(b"'s") || w.ends_with(b"s'"))
            && !POSSESSIVE_OK.iter().any(|p| p.as_bytes() == w);
        if possessive
            || (i == first && (is_lead_stop(w) || is_adjective(text, (ws, we)) || all_digits(w)))
        {
            first = i + 1;
        }
    }
    if first >= len - 1 {
        return None; // only the keyword is left: "the Open", "Davis Cup" handled above
    }
    // "Sinner US Open", "Djokovic Miami Open" (headlines): the name starts at the place word.
    if let Some(i) = (first + 1..len - 1).find(|&i| is_place(&text[words[i].0..words[i].1])) {
        first = i;
    }
    let s = words[first].0;
    let keyword = word(len - 1);
    // Every team event ends with "Cup".
    let team = (keyword == b"Cup")
        .then(|| TEAM_EVENTS.iter().find(|t| b[s..e].ends_with(t.as_bytes())))
        .flatten();
    if let Some(team) = team {
        // None of the words of a team event is another sport's ([`OTHER_SPORTS`]).
        Some(e - team.len())
    } else if matches!(
        keyword,
        b"Cup" | b"Championship" | b"Championships" | b"Trophy"
    ) && (first..len - 1).any(|i| is_other_sport(word(i)))
    {
        // (The words that make only a "Cup" another sport's, "FA", "Ryder", "Heineken", "League" and
        // "World", are among these.)
        None
    } else {
        Some(s)
    }
}

/// The words of the generic match `b[m_start..e]`, as offsets in `b`, and their number: up to five names and the
/// event word, joined by ASCII spaces (`[\x20]+` in the pattern; no word holds white space). The spaces are
/// found 16 bytes at a time ([`space_bits16`]) and taken by their bits, where a byte loop per word mispredicted
/// its exit at about three words in five.
fn match_words(b: &[u8], m_start: usize, e: usize) -> ([(usize, usize); 6], usize) {
    let mut words = [(0, 0); 6];
    let mut len = 0;
    // The start of the word the split is in.
    let mut q = m_start;
    let mut c = m_start;
    while c < e {
        let lane: [u8; 16] = match b.get(c..c + 16) {
            Some(lane) => lane.try_into().expect("sixteen bytes"),
            None => {
                let mut lane = [0; 16];
                lane[..b.len() - c].copy_from_slice(&b[c..]);
                lane
            }
        };
        // The spaces of the match among these bytes.
        let mut spaces = space_bits16(lane) & ((1u32 << (e - c).min(16)) - 1);
        while spaces != 0 {
            let s = c + spaces.trailing_zeros() as usize;
            spaces &= spaces - 1;
            if s > q {
                words[len] = (q, s);
                len += 1;
            }
            q = s + 1;
        }
        c += 16;
    }
    if e > q {
        words[len] = (q, e);
        len += 1;
    }
    (words, len)
}

/// Bit `k`: whether `lane[k]` is an ASCII space (`\x20`): one SSE2 compare and its byte mask, or a byte loop
/// elsewhere.
#[inline(always)]
fn space_bits16(lane: [u8; 16]) -> u32 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let v = m128i::from(lane);
        move_mask_i8_m128i(cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b' ' as i8))) as u32 & 0xffff
    }
    #[cfg(not(target_feature = "sse2"))]
    lane.iter()
        .enumerate()
        .fold(0, |m, (k, &c)| m | u32::from(c == b' ') << k)
}

/// Builds the pattern's DFA, which also tells the alternatives apart (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    Lazy::force(&RE);
}

/// Corpus view: span and name.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.name(text).to_string()))
        .collect()
}

/// The `split_whitespace` version of [`find_in`]: the reference of `same_as_split_whitespace`.
#[cfg(test)]
mod reference {
    use super::*;

    /// [`super::find`] as it was: the spans of the mentions, with the names it kept.
    pub(super) fn find(text: &str) -> Vec<(Span, String)> {
        let mut out = Vec::new();
        for (m_start, m_end, alt) in matches(text, &crate::recognise::Keywords::scan(text)) {
            let m_str = &text[m_start..m_end];
            let mut known = Vec::new();
            if push_known_or_city(text, m_start, m_end, alt, &mut known) {
                out.extend(known.iter().map(|m| (m.span, m.name(text).to_string())));
                continue;
            }
            {
                let (mut s, e) = (m_start, m_end);
                let full = m_str;
                // Drop leading sentence words and anything up to a possessive ("Federer's Australian Open").
                // At most six words: up to five names and the event word, joined by spaces.
                let mut buf = [(0, ""); 8];
                let mut len = 0;
                for w in full.split_whitespace() {
                    buf[len] = (w.as_ptr() as usize - full.as_ptr() as usize, w);
                    len += 1;
                }
                let words = &buf[..len];
                let mut first = 0;
                for (i, (_, w)) in words.iter().enumerate() {
                    let possessive =
                        (w.ends_with("'s") || w.ends_with("s'")) && !POSSESSIVE_OK.contains(w);
                    let adjective = w
                        .split_once('-')
                        .is_some_and(|(_, b)| b.starts_with(char::is_lowercase));
                    if possessive
                        || (i == first && (is_lead_stop(w.as_bytes()) || adjective))
                        || w.bytes().all(|b| b.is_ascii_digit()) && i == first
                    {
                        first = i + 1;
                    }
                }
                if first >= words.len() - 1 {
                    continue; // only the keyword is left: "the Open", "Davis Cup" handled above
                }
                // "Sinner US Open", "Djokovic Miami Open" (headlines): the name starts at the place word.
                if let Some(i) = (first + 1..words.len() - 1).find(|&i| is_place(words[i].1)) {
                    first = i;
                }
                s += words[first].0;
                if let Some(team) = TEAM_EVENTS.iter().find(|t| text[s..e].ends_with(*t)) {
                    s = e - team.len();
                }
                let name = &text[s..e];
                let keyword = name.split_whitespace().next_back().expect("keyword");
                let others = || {
                    let mut ws = name.split_whitespace();
                    ws.next_back();
                    ws
                };
                // The keyword first: it is cheaper than the other words.
                if matches!(keyword, "Cup" | "Championship" | "Championships" | "Trophy")
                    && others().any(|w| OTHER_SPORTS.contains(&w))
                {
                    continue;
                }
                if keyword == "Cup"
                    && others()
                        .any(|w| matches!(w, "FA" | "Ryder" | "Heineken" | "League" | "World"))
                {
                    continue;
                }
                out.push((Span::new(s, e), name.to_string()));
            }
        }
        out
    }
}

#[cfg(test)]
mod same_tests {
    /// The spans of the matches, after checking that each comes with the alternative `which_at` names.
    fn spans(t: &str) -> Vec<(usize, usize)> {
        super::matches(t, &crate::recognise::Keywords::scan(t))
            .into_iter()
            .map(|(s, e, alt)| {
                assert!(
                    alt == super::ALTS[super::RE.which_at(t, s, e)],
                    "{s} in {t}"
                );
                (s, e)
            })
            .collect()
    }

    /// The word lists searched by binary search are in byte order.
    #[test]
    fn sorted_lists() {
        for list in [super::OTHER_SPORTS, super::EVENT_CITIES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        // `generic_at` tries the event words only after these first letters.
        for w in super::EVENT_WORDS {
            assert!(matches!(w[0], b'O' | b'M' | b'C' | b'I' | b'T'), "{w:?}");
        }
        // A team event is never another sport's: `find_in` does not ask.
        for t in super::TEAM_EVENTS {
            assert!(
                t.split(' ').all(|w| !super::is_other_sport(w.as_bytes())),
                "{t}"
            );
        }
    }

    /// `find_in` reads the words of a generic match as the `split_whitespace` version did; the mentions of
    /// the corpus texts and of edge cases are those it found.
    #[test]
    fn same_as_split_whitespace() {
        let mut texts = crate::recognise::all_texts();
        for t in [
            "Federer's Australian Open, The Miami Open, Two-time Open, Sinner US Open, Djokovic Miami Open",
            "FA Cup, World Cup, Ryder Cup, US Davis Cup, The Billie Jean King Cup, Rogers Cup, Gold Cup",
            "Women's Open, Boys' Open, Girls' Championships, A  B   Open, Big League Trophy, Madrid Masters",
            "Heineken Cup, League Cup, Melbourne Cup, Grand Slam Cup, Swiss Indoors Championship, The Open",
            "Europe's Davis Cup, USDavis Cup, ADavis Cup, Davis  Cup, Brisbane International, Two-Time Open",
        ] {
            texts.push(crate::normalise::Normalised::new(t).text);
        }
        for t in &texts {
            // The name of a mention, its span's bytes, is the name the reference kept.
            let found: Vec<_> = super::find(t)
                .iter()
                .map(|m| (m.span, m.name(t).to_string()))
                .collect();
            assert_eq!(found, super::reference::find(t), "{t}");
        }
    }

    /// At every offset the code reader answers, it answers as the anchored pattern, with the alternative that
    /// `which_at` names.
    fn read_at_agrees(t: &str) {
        let b = t.as_bytes();
        for p in 0..b.len() {
            if !t.is_char_boundary(p)
                || !(b[p].is_ascii_uppercase() || b[p] >= 0x80)
                || !crate::recognise::boundary(b, p)
            {
                continue;
            }
            if let Some(got) = super::read_at(b, p) {
                let want = super::NEAR.at(t, p);
                assert_eq!(got.map(|(e, _)| e), want, "{p} in {t}");
                if let Some((e, alt)) = got {
                    assert!(
                        alt == super::ALTS[super::RE.which_at(t, p, e)],
                        "{p} in {t}"
                    );
                }
            }
        }
    }

    /// Where `may_match` says no, the pattern has no match: every start that `matches` may try, in the corpus
    /// texts and edge cases.
    #[test]
    fn may_match_is_necessary() {
        let mut texts = crate::recognise::all_texts();
        for t in [
            "WTA event was in Filderstadt, WTA entry list, WTA). The, WTA singles title, WTA Tour title",
            "WTA final, WTA are, ATP Tour's sponsor, ATP, admitted, ATP 250 event in Metz, ATP\u{a0}Cup, ITF)",
            "ITF headquarters, ATP Cups, ATP Cup\u{e9}, ATP event\u{e9}, ATP event  in\tDoha, ATP title in Rome",
            "Olympic Stadium, Olympic team, US Olympic team, Chilean Olympic gold, Paris Olympics, Olympic Games",
            "Olympic Olympics, Olympics Olympic, Wimbledon Olympic gold, Masters 1000 event in Shanghai, Masters",
            "Challenger tournament in Bath, Challenger event, ITF tournament\u{2028}in Cairo, WTA\u{2028}Finals",
            "WTA 125 event in Paris, WTA Tour Finals, Nitto ATP Finals, Next Gen ATP Finals, ATP's Tour Open",
            "ATP-Tour Open, WTA_x, ATP\u{e9} Open, Masters\tCup, Masters  Cup, ITF Open, WTA Open, Olympic Open",
            "ATP World Tour Finals, ATP World Tour Masters Cup, US Olympic Open, Davis Olympic Cup, Queen's Olympic",
        ] {
            texts.push(crate::normalise::Normalised::new(t).text);
        }
        for t in &texts {
            let b = t.as_bytes();
            for p in 0..b.len() {
                if t.is_char_boundary(p)
                    && (b[p].is_ascii_uppercase() || b[p] >= 0x80)
                    && crate::recognise::boundary(b, p)
                    && !super::may_match(b, p)
                {
                    assert_eq!(super::NEAR.at(t, p), None, "{p} in {t}");
                }
            }
        }
    }

    /// The known names read in code ("Roland Garros", "Indian Wells", "Queen's Club"), on random texts of
    /// their pieces and of what may stand around them: the code reader answers as the anchored pattern, and
    /// the keyword windows find what the plain pattern finds.
    #[test]
    fn known_pairs_on_random_texts() {
        let pieces = [
            "Roland",
            "Indian",
            "Queen",
            "Queen's",
            "'s",
            "'",
            " ",
            "  ",
            "\t",
            "-",
            "Garros",
            "Wells",
            "Club",
            "Championships",
            " Open",
            "Olympics",
            "x",
            "_",
            "\u{e9}",
            "\u{a0}",
            ", ",
            "\u{2028}",
        ];
        // Not normalised: non-ASCII white space where the pattern reads `\s`.
        let edges = [
            "Queen's Club\u{a0}Championships, Queen's\u{a0}Club, Queen's Club \u{2028}Championships",
            "Roland\u{a0}Garros, Indian\u{a0}Wells, Indian \u{2028}Wells, Queen's \u{a0}Club, Roland\u{2028}Garros",
        ];
        let texts = crate::recognise::random_texts(&pieces, 6000, 8, 0x9e37_79b9_7f4a_7c15);
        for t in edges.iter().map(|t| t.to_string()).chain(texts) {
            read_at_agrees(&t);
            let want: Vec<(usize, usize)> = super::RE
                .all
                .find_iter(&t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(spans(&t), want, "{t:?}");
        }
    }

    /// The code reader and the anchored pattern agree on the corpus texts.
    #[test]
    fn read_at_same_as_the_pattern() {
        for t in &crate::recognise::all_texts() {
            read_at_agrees(t);
        }
    }

    /// `name_start` as it was (an `rposition` per run): the reference of `name_start_same_as_before`.
    fn name_start_before(b: &[u8], o: usize) -> usize {
        let class = |c: u8| super::NAME_CLASS[usize::from(c)];
        let run_start = |j: usize, k: u8| {
            b[..j]
                .iter()
                .rposition(|&c| class(c) != k)
                .map_or(0, |i| i + 1)
        };
        let mut runs = 0;
        let mut j = o;
        loop {
            j = run_start(j, super::NAME);
            if j == 0 || class(b[j - 1]) == super::STOP || (j < o && b[j].is_ascii_lowercase()) {
                return j;
            }
            runs += 1;
            if runs > 5 {
                return j;
            }
            j = run_start(j, super::SPACE);
        }
    }

    /// The vector masks of `classes16` are the masks of `super::NAME_CLASS`, for every byte value at every place of
    /// the lane, and for random lanes.
    #[test]
    fn classes16_same_as_the_table() {
        let mut lanes = Vec::new();
        for c in 0..=255u8 {
            for k in 0..16 {
                let mut lane = [b'a'; 16];
                lane[k] = c;
                lanes.push(lane);
                lanes.push([c; 16]);
            }
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut lane = [0u8; 16];
            for c in &mut lane {
                crate::recognise::xorshift(&mut seed);
                *c = (seed >> 24) as u8;
            }
            lanes.push(lane);
        }
        for lane in lanes {
            let (name, space, lower) = super::portable_classes16(lane);
            for (k, &c) in lane.iter().enumerate() {
                assert_eq!(
                    name >> k & 1 != 0,
                    super::NAME_CLASS[usize::from(c)] == super::NAME
                );
                assert_eq!(
                    space >> k & 1 != 0,
                    super::NAME_CLASS[usize::from(c)] == super::SPACE
                );
                assert_eq!(lower >> k & 1 != 0, c.is_ascii_lowercase());
            }
            #[cfg(target_feature = "sse2")]
            assert_eq!(
                super::sse2_classes16(lane),
                (name, space, lower),
                "{lane:?}"
            );
        }
    }

    /// The texts of the byte-scan tests: the corpus texts, texts of 40 letters with one byte of each value at
    /// every place, and 5,000 random texts of 40 bytes drawn from `pieces` (from `seed`).
    fn byte_texts(mut seed: u64, pieces: &[u8]) -> Vec<Vec<u8>> {
        let mut texts: Vec<Vec<u8>> = crate::recognise::all_texts()
            .into_iter()
            .map(String::into_bytes)
            .collect();
        for c in 0..=255u8 {
            for k in 0..40 {
                let mut t = vec![b'a'; 40];
                t[k] = c;
                texts.push(t);
            }
        }
        for _ in 0..5000 {
            let t: Vec<u8> = (0..40)
                .map(|_| {
                    crate::recognise::xorshift(&mut seed);
                    pieces[(seed % pieces.len() as u64) as usize]
                })
                .collect();
            texts.push(t);
        }
        texts
    }

    /// `token_end` ends the run of `TOKEN_BYTE`s where the byte loop does: at every offset of texts of every
    /// byte value next to letters, of random texts and of the corpora.
    #[test]
    fn token_end_is_the_byte_loop() {
        let texts = byte_texts(0x1234_5678_9abc_def1, b"aZ&'-. \xc3x0");
        for b in &texts {
            for r in 0..=b.len() {
                let want = r + b[r..]
                    .iter()
                    .position(|&c| !super::TOKEN_BYTE[usize::from(c)])
                    .unwrap_or(b.len() - r);
                assert_eq!(super::token_end(b, r), want, "{b:?} {r}");
            }
        }
    }

    /// The word predicates of `generic_name` read on bytes answer as their forms on texts did, for every word of
    /// the corpus texts and of the lists, and for compounds with ASCII and non-ASCII letters after the `-`.
    #[test]
    fn byte_word_tests_as_on_texts() {
        let texts = crate::recognise::all_texts();
        let mut words: Vec<&str> = texts.iter().flat_map(|t| t.split_whitespace()).collect();
        words.extend(super::LEAD_STOP);
        words.extend(super::OTHER_SPORTS);
        words.extend(super::POSSESSIVE_OK);
        words.extend([
            "Two-time",
            "Grass-court",
            "X-Élan",
            "X-élan",
            "Fifty-",
            "-a",
            "-",
            "A-B-c",
            "Ä-ö",
            "9-1",
            "",
        ]);
        for w in words {
            let adjective = w
                .bytes()
                .position(|c| c == b'-')
                .is_some_and(|i| w[i + 1..].chars().next().is_some_and(char::is_lowercase));
            assert_eq!(super::is_adjective(w, (0, w.len())), adjective, "{w}");
            let padded = format!("x {w} y");
            assert_eq!(
                super::is_adjective(&padded, (2, 2 + w.len())),
                adjective,
                "{w}"
            );
            assert_eq!(
                super::is_other_sport(w.as_bytes()),
                super::OTHER_SPORTS.binary_search(&w).is_ok(),
                "{w}"
            );
            assert_eq!(
                super::is_lead_stop(w.as_bytes()),
                super::LEAD_STOP.contains(&w),
                "{w}"
            );
        }
    }

    /// `word_at` is `alnum_run` at every offset of the corpus texts, of texts with one byte of each value among
    /// letters (at every place of 40), and of random texts of letters, digits, stops and non-ASCII bytes.
    #[test]
    fn word_at_is_alnum_run() {
        let texts = byte_texts(0x2345_6789_abcd_ef12, b"aZz09/:@[`{_. \xc3\x7f");
        for b in &texts {
            for p in 0..=b.len() {
                assert_eq!(
                    super::word_at(b, p),
                    crate::recognise::alnum_run(b, p),
                    "{b:?} {p}"
                );
            }
        }
    }

    /// `name_start` gives the start that it gave before, at every offset of the corpus texts and of random
    /// texts of name bytes, white space, stops and lower-case words.
    #[test]
    fn name_start_same_as_before() {
        let mut texts = crate::recognise::all_texts();
        texts.extend(crate::recognise::random_texts(
            &[
                " ", "  ", "\t", "\n", "A", "Open", "b", "the", "&", "'", "-", ".", "\u{e9}",
                "\u{a0}", ",", "1", "(", "U.S.", "x-Y", "\r\n",
            ],
            3000,
            24,
            0x5eed_1234,
        ));
        // Windows longer than the 16 bytes read at once, and six runs of white space within them.
        texts.extend(
            [
                "x Aaaaaaaaaaaaaaaaaaaaaaa Open",
                "Aaaaaaa Bbbbbbbb Cccccccc Open",
                "A B C D E F G Open. a B C D E F Cup",
                "(A  B\tC D\r\nE F Open",
            ]
            .map(String::from),
        );
        for t in &texts {
            let b = t.as_bytes();
            for o in 0..=b.len() {
                assert_eq!(
                    super::name_start(b, o),
                    name_start_before(b, o),
                    "{t:?} {o}"
                );
            }
        }
    }

    /// `name_start` opens the window no later than the run window and the byte test of the old start test did.
    #[test]
    fn name_start_holds_the_old_window() {
        let mut texts = crate::recognise::all_texts();
        texts.push("a b Ab\u{a0}Cd E\u{2003}F G H I J Open x. Y-Z a\tB Cup ".to_string());
        for t in &texts {
            let b = t.as_bytes();
            for o in crate::recognise::keywords(t, crate::recognise::KEY_TOURNAMENT) {
                let from = super::name_start(b, o);
                for p in crate::recognise::window_start(t, o, 5)..=o {
                    if super::name_like(&b[p..o]) {
                        assert!(from <= p, "{o} {p} in {t}");
                    }
                }
            }
        }
    }

    /// The keyword windows find what the plain pattern finds.
    #[test]
    fn same_as_the_plain_pattern() {
        for t in &crate::recognise::all_texts() {
            let want: Vec<(usize, usize)> = super::RE
                .all
                .find_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(spans(t), want, "{t}");
        }
    }

    /// Edge cases of the start test of `matches`: the same as the plain pattern.
    #[test]
    fn same_on_tricky_strings() {
        let texts = [
            "U.S. Open, the Women's Open, Federer won the Australian Open, ATP Finals, Nitto ATP Finals",
            "BNP Paribas Open, Rogers Cup, Queen's Club Championships, Next Gen ATP Finals, Indian Wells",
            "Davis Cup final, Paris Olympics, AT&T Classic, The 2019 Miami Open, A1 Open, x.Open, X-men Open",
            "Dubai Tennis Championships, Abierto Mexicano Telcel Open, \u{c9}cole Open, Señor Open, A B C D E F Open",
            "Indian\u{2028}Wells, Roland-Garros, the Masters 1000 event in Shanghai, Two-time Open, St. Petersburg Open",
            "Mubadala Silicon Valley Classic, Swiss Indoors, ASB Classic, Hall of Fame Open, Los Cabos Open",
            "Wimbledon_x Wimbledon2 Wimbledon\u{e9} Wimbledon, Open 13, Open  13x, Paris\tOlympics, Rome \u{a0}Open",
            "A B C D E F G Open, A  B   Open Open Cup, U.S.A. Open, U.S.A Open, U.\u{c9}. Open, A. Open, A.B Cup",
            "Miami Opener, Big Championships, Big Championship, Big Cupboard Cup, O'Neil Trophy, Tata-Steel Cup_",
            "Fed Cup, Federer Cup, NextGen Finals, Masters Cup, X Open\u{e9}, Madrid \u{c9}Open, Abc\u{301} Open",
            "Davis Cup final, Davis Cup finals, Davis  Cup\tfinal_ Davis Cup\u{a0}final, Davis Cup final\u{e9} Davis Cup",
            "Davis\u{a0}Cup, Davis Cup\u{e9}, Davis Cups, Davis Cup_, Davis-Cup, Davis Cup Open, Fed Cup final, Laver Cup",
            "Hopman Cup Open, United Cup, United Cupboard Cup, United States Open, Davis Olympics, Fed  Cup2 Davis Cup fin",
            "Davis Cup \u{e9}final, Davis Cup  final. United Cup final, Hopman\u{2028}Cup, Laver Cup Trophy, Fed Cup",
            "Roland Garros, Roland-Garros_ Roland\tGarros, Roland  Garros Open, Roland\u{a0}Garros, Roland-Garrosx",
            "Roland Garros\u{e9} Roland- Garros, Roland Olympics, Indian Wells, Indian \t Wells2 Indian\u{a0}Wells",
            "Indian Wellsx Open, Indian Open, Indian Wells\u{e9} Indian-Wells Open, Indian  Olympics, IndianWells Cup",
            "Queen's Club, Queen's Club Championships, Queen's  Club\tChampionships_ Queen's Clubs, Queen's\u{a0}Club",
            "Queen's Club\u{a0}Championships, Queen's Club \u{e9}, Queen's Championships, Queen'sx Open, Queen' Open",
            "Queen's, Queen's\u{e9} Queen Olympics, Queen's Olympics, Queen Elizabeth Open, Queen's Club Championship",
            "Queen's Club Championshipsx Cup, Queen's Club  \u{e9}Cup, Queen'",
            "Queen's Club",
            "Roland-",
            "Indian ",
        ];
        for t in texts.map(|t| crate::normalise::Normalised::new(t).text) {
            let want: Vec<(usize, usize)> = super::RE
                .all
                .find_iter(&t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(spans(&t), want, "{t}");
            read_at_agrees(&t);
        }
    }
}

#[cfg(test)]
mod word_tests {
    use super::*;

    /// The split of a generic match as it was: a byte search for the next space per word (the reference of
    /// `match_words_as_before`).
    fn match_words_by_position(b: &[u8], m_start: usize, e: usize) -> Vec<(usize, usize)> {
        let mut words = Vec::new();
        let mut q = m_start;
        while q < e {
            let w_end = b[q..e].iter().position(|&c| c == b' ').map_or(e, |k| q + k);
            if w_end > q {
                words.push((q, w_end));
            }
            q = w_end + 1;
        }
        words
    }

    /// [`match_words`] splits as the byte search did: every span of at most six words of random texts of
    /// words, spaces and other bytes (spans across 16-byte lanes, ending at or near the text's end), and the
    /// generic matches of the test texts.
    #[test]
    fn match_words_as_before() {
        let pieces = [
            "Open",
            "A",
            "Australian",
            "U.S.",
            " ",
            "  ",
            "   ",
            "x",
            "Championships",
            "\t",
            "é",
            "-",
        ];
        let texts = crate::recognise::random_texts(&pieces, 3_000, 12, 0x9e37_79b9_7f4a_7c15);
        let mut spans = 0;
        for t in &texts {
            let b = t.as_bytes();
            for s in 0..b.len() {
                for e in s..=b.len() {
                    let want = match_words_by_position(b, s, e);
                    if want.len() > 6 {
                        break;
                    }
                    let (words, len) = match_words(b, s, e);
                    assert_eq!(&words[..len], &want[..], "{t:?} {s}..{e}");
                    spans += 1;
                }
            }
        }
        assert!(spans > 100_000, "{spans}");
        for t in crate::recognise::all_texts() {
            let b = t.as_bytes();
            for (s, e, alt) in matches(&t, &crate::recognise::Keywords::scan(&t)) {
                if alt == Alt::Generic {
                    let (words, len) = match_words(b, s, e);
                    assert_eq!(
                        &words[..len],
                        &match_words_by_position(b, s, e)[..],
                        "{t:?}"
                    );
                }
            }
        }
    }

    /// [`space_bits16`] on lanes of spaces and other bytes.
    #[test]
    fn space_bits16_values() {
        assert_eq!(space_bits16(*b"US Open  tennis "), 0b1000_0001_1000_0100);
        assert_eq!(space_bits16([b' '; 16]), 0xffff);
        assert_eq!(space_bits16(*b"\t\n\r\x0b\x0cabc\xa0xyz0123"), 0);
    }
}
