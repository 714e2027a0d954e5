//! Segment stage: paragraphs and sentences of the normalised text, as byte spans.

/// A sentence: a byte span of the normalised text and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub para: usize,
}

/// Defines [`ABBREVIATIONS`] and [`is_abbreviation`] from one list.
macro_rules! abbreviations {
    ($($w:literal)|*) => {
        /// Words that a full stop follows without ending the sentence.
        const ABBREVIATIONS: &[&str] = &[$($w),*];

        /// Whether `word` is one of [`ABBREVIATIONS`].
        fn is_abbreviation(word: &str) -> bool {
            // Most words fail on their length and first byte before the list (see [`MAY_KEEP`]).
            let w = word.as_bytes();
            if !w.first().is_some_and(|&c| w.len() < 8 && MAY_KEEP[usize::from(c)] >> w.len() & 1 != 0) {
                return false;
            }
            matches!(word, $($w)|*)
        }
    };
}

abbreviations!(
    "No" | "no"
        | "Mr"
        | "Mrs"
        | "Ms"
        | "Dr"
        | "St"
        | "Jr"
        | "Sr"
        | "vs"
        | "v"
        | "Nos"
        | "Mt"
        | "Ft"
        | "Gen"
        | "Lt"
        | "Col"
        | "Prof"
        | "Inc"
        | "Co"
        | "Corp"
        | "Ltd"
        | "approx"
        | "Jan"
        | "Feb"
        | "Mar"
        | "Apr"
        | "Aug"
        | "Sept"
        | "Sep"
        | "Oct"
        | "Nov"
        | "Dec"
        | "U.S"
        | "e.g"
        | "i.e"
        | "etc"
        | "d"
        | "def"
        | "bt"
        | "beat"
);

/// One byte repeated in each byte of a word.
#[inline]
pub(crate) const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of each byte of `v` that is zero, and no other bit.
#[inline]
pub(crate) const fn zero_bytes(v: u64) -> u64 {
    // Adding 0x7F to the low seven bits of a byte sets its high bit unless they are all zero; no carry
    // leaves the byte.
    !((v & splat(0x7F)).wrapping_add(splat(0x7F)) | v | splat(0x7F))
}

/// The longest sentence kept whole, in bytes.
const MAX_SENTENCE: usize = 2000;

/// The offsets of the stops of a text, '\n', '.', '?' and '!', and of its double quotes, in order, found 64 bytes
/// at a time as a bit mask ([`stop_quote_bits`]). Stops come every forty-odd bytes of running text: a bit cleared
/// from a mask costs a few instructions where each call of a `memchr` searcher costs some tens (and '!' needed a
/// search of its own). The quotes are for the quote walk that [`sentences_into`] runs along.
fn stops(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    crate::blocks::Offsets::new(b, stop_quote_bits)
}

/// Bit `k`: whether `block[k]` is a stop, '\n', '.', '?' or '!'. With SSE2 (every x86-64), four compares per
/// sixteen bytes and one `pmovmskb` ([`crate::blocks::sse2_mask`]); elsewhere byte by byte.
#[inline(always)]
pub(crate) fn stop_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let eq = |v, c: u8| cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(c as i8));
        crate::blocks::sse2_mask(block, |v| {
            bitor_m128i(
                bitor_m128i(eq(v, b'\n'), eq(v, b'.')),
                bitor_m128i(eq(v, b'?'), eq(v, b'!')),
            )
        })
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_stop_bits(block)
}

/// [`stop_bits`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_stop_bits(block: &[u8; 64]) -> u64 {
    block.iter().enumerate().fold(0, |mask, (k, &c)| {
        mask | u64::from(matches!(c, b'\n' | b'.' | b'?' | b'!')) << k
    })
}

/// Bit `k`: whether `block[k]` is a stop ([`stop_bits`]) or a double quote. With SSE2 (every x86-64), four
/// compares and an add per sixteen bytes and one `pmovmskb`: '!' and '"' are neighbours, tested at once as a
/// range (where a compare each took a copy and an `or` more), the sum compared with its constant on the right
/// (`pcmpgtb` overwrites its left operand: the sum, which nothing else reads, where the constant on the left
/// took a copy of it per sixteen bytes). The quote's test costs less than a walk of the quotes' own over the
/// same blocks (a load, a compare, a `pmovmskb` and the loop's test per sixteen bytes).
#[inline(always)]
fn stop_quote_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let eq = |v, c: u8| cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(c as i8));
        crate::blocks::sse2_mask(block, |v| {
            // '!' and '"' (0x21 and 0x22) by one signed compare: adding 0x5D takes them, and only them, to the
            // two values above 125 (126 and 127).
            let bang_quote = cmp_gt_mask_i8_m128i(
                add_i8_m128i(v, set_splat_i8_m128i(0x5D)),
                set_splat_i8_m128i(125),
            );
            bitor_m128i(
                bitor_m128i(eq(v, b'\n'), eq(v, b'.')),
                bitor_m128i(eq(v, b'?'), bang_quote),
            )
        })
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_stop_quote_bits(block)
}

/// [`stop_quote_bits`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_stop_quote_bits(block: &[u8; 64]) -> u64 {
    block.iter().enumerate().fold(0, |mask, (k, &c)| {
        mask | u64::from(matches!(c, b'\n' | b'.' | b'?' | b'!' | b'"')) << k
    })
}

/// Splits `text` into sentences. Linear time: one pass over the bytes.
#[cfg(test)]
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    sentences_into(text, &mut out, |_, _| {});
    out
}

/// Splits `text` into sentences, written into `out` (cleared first), and calls `quote` with the offset of each
/// double quote and the number of line feeds before it, in order. Linear time: one pass over the bytes. The
/// quotes come with the stops, from the same 64-byte masks: the quote ranges ([`crate::resolve`]) are walked
/// along, where a walk of their own read every block of the text again. The count of line feeds (the walk
/// counts them for the paragraphs) tells the quote walk whether one came since the quote it holds open, where
/// a search of the span between them for one cost some fifty instructions per quote, and found one only a few
/// times in a hundred.
pub(crate) fn sentences_into(
    text: &str,
    out: &mut Vec<Sentence>,
    mut quote: impl FnMut(usize, usize),
) {
    let bytes = text.as_bytes();
    out.clear();
    out.reserve(text.len() / 64 + 1);
    let mut para = 0usize;
    let mut start = 0usize;
    // Where the trim of the sentence at `start` starts: past its leading white space when the end of the
    // sentence before found it ([`sentence_end`] reads over that white space to the next sentence's first
    // byte), so that the trim reads one byte; else `start`. (Always a trim, not a branch on whether the end
    // is known: sentences after a line break and after a stop come in no order.)
    let mut lead = 0usize;
    // Every stop is visited in order: after one that does not end a sentence the walk goes on from the next
    // byte, and one that does ends the sentence after the quotes and brackets that follow it, none a stop.
    // A quote is passed on and is nothing to the sentences (one that closes a sentence is taken by
    // [`sentence_end`] from the bytes).
    for i in stops(bytes) {
        if bytes[i] == b'\n' {
            // Empty paragraph lines (and the line breaks between paragraphs) give no sentence.
            if start < i {
                push(text, out, start, lead, i, false, para);
            }
            para += 1;
            start = i + 1;
            lead = start;
        } else if bytes[i] == b'"' {
            quote(i, para);
        } else if let Some((e, next)) = sentence_end(text, i) {
            // The sentence takes its closing quotes and brackets; its last byte, the stop or one of them, is no
            // white space.
            push(text, out, start, lead, e, true, para);
            start = e;
            lead = next;
        }
    }
    push(text, out, start, lead, bytes.len(), false, para);
}

/// Pushes the sentence `s..e` of `text` (both char boundaries), trimmed, unless it is blank. `lead`: where its
/// leading white space is trimmed from (`s`, or a byte past `s` when `s..lead` is known to be white space);
/// `closed`: whether `text[e - 1]` is known to be no white space. A "sentence" longer than any real one (a list
/// with no full stops, a run of numbers) is cut at spaces, so that no later step spends more than bounded time
/// on one sentence (its pieces trimmed in full).
#[inline(always)]
fn push(
    text: &str,
    out: &mut Vec<Sentence>,
    s: usize,
    lead: usize,
    e: usize,
    closed: bool,
    para: usize,
) {
    if e - s > MAX_SENTENCE {
        push_long(text, out, s, e, para);
        return;
    }
    let a = trim_start(text, lead, e);
    let z = if closed { e } else { trim_end(text, a, e) };
    if a < z {
        out.push(Sentence {
            start: a,
            end: z,
            para,
        });
    }
}

/// [`push`] for a "sentence" longer than [`MAX_SENTENCE`]: cut at spaces into pieces no longer, each trimmed
/// in full. Out of line (rare): inlined, its search for a space held the three 64-bit constants of a word-wise
/// `rfind` in registers through the whole sentence walk, whose own state was then spilled and reloaded at each
/// stop.
#[cold]
#[inline(never)]
fn push_long(text: &str, out: &mut Vec<Sentence>, mut s: usize, e: usize, para: usize) {
    while e - s > MAX_SENTENCE {
        let mut cut = s + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[s..cut].rfind(' ').map_or(cut, |p| s + p + 1);
        push_trimmed(text, out, s, cut, para);
        s = cut;
    }
    push_trimmed(text, out, s, e, para);
}

/// Pushes `s..e` without its leading and trailing white space, unless nothing is left.
fn push_trimmed(text: &str, out: &mut Vec<Sentence>, s: usize, e: usize, para: usize) {
    let a = trim_start(text, s, e);
    let z = trim_end(text, a, e);
    if a < z {
        out.push(Sentence {
            start: a,
            end: z,
            para,
        });
    }
}

/// The white space characters beyond ASCII (what `char::is_whitespace` says), of two or three bytes in UTF-8.
const WIDE_WHITE: [u32; 19] = [
    0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
];

/// The bytes of the trims of a sentence, as tables (one load and one compare per byte, where the range and the
/// space were two branches): `[0]` ASCII white space, what `char::is_whitespace` says of an ASCII byte (tab, line
/// feed, vertical tab, form feed, carriage return, space); `[1]` the first byte of a character of
/// [`WIDE_WHITE`]; `[2]` the last byte of one; `[3]` and `[4]`: `[0]` or `[1]`, `[0]` or `[2]`, the bytes that
/// may start (end) white space, for the one test that settles most trims. Most sentences that start or end
/// with a byte beyond ASCII (a name: "Élodie", "Peña") are then trimmed on bytes too: no character of theirs
/// starts (or ends) as a white space character does.
static TRIM: [[bool; 256]; 5] = {
    let mut t = [[false; 256]; 5];
    let mut b = 0;
    while b < 0x80 {
        t[0][b] = matches!(b as u8, b'\t'..=b'\r' | b' ');
        b += 1;
    }
    let mut i = 0;
    while i < WIDE_WHITE.len() {
        let c = WIDE_WHITE[i];
        let first = if c < 0x800 {
            0xC0 | c >> 6
        } else {
            0xE0 | c >> 12
        };
        t[1][first as usize] = true;
        t[2][(0x80 | (c & 0x3F)) as usize] = true;
        i += 1;
    }
    let mut b = 0;
    while b < 256 {
        t[3][b] = t[0][b] || t[1][b];
        t[4][b] = t[0][b] || t[2][b];
        b += 1;
    }
    t
};

/// The start of `text[s..e]` (both char boundaries) without its leading white space: skipped on bytes; at the
/// first byte of a character that may be white space the general trim takes over.
#[inline(always)]
fn trim_start(text: &str, s: usize, e: usize) -> usize {
    let b = text.as_bytes();
    // Most sentences start with no white space: their first byte settles it, one load and one test where
    // the loop and the test after it took two tests and their set-up.
    if s < e && !TRIM[3][usize::from(b[s])] {
        return s;
    }
    let mut a = s;
    while a < e && TRIM[0][usize::from(b[a])] {
        a += 1;
    }
    if a < e && TRIM[1][usize::from(b[a])] {
        a = e - text[a..e].trim_start().len();
    }
    a
}

/// The end of `text[a..e]` (both char boundaries, `text[a]` no white space when `a < e`) without its trailing
/// white space, as [`trim_start`].
#[inline(always)]
fn trim_end(text: &str, a: usize, e: usize) -> usize {
    let b = text.as_bytes();
    // Most sentences end with no white space (a stop, a letter before a line break): as in [`trim_start`].
    if e > a && !TRIM[4][usize::from(b[e - 1])] {
        return e;
    }
    let mut z = e;
    while z > a && TRIM[0][usize::from(b[z - 1])] {
        z -= 1;
    }
    if z > a && TRIM[2][usize::from(b[z - 1])] {
        // `a` is at a character that is not white space: the trim stops after it.
        z = a + text[a..z].trim_end().len();
    }
    z
}

/// The bytes that stop the walk back over the word before a full stop: ASCII white space, `(` and `"` (the word
/// starts after them) and every byte that is not ASCII (the general form takes over). One load per byte.
static WORD_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'\t'..=b'\r' | b' ' | b'(' | b'"');
        b += 1;
    }
    t
};

/// The high bit of each of the last seven of the eight bytes `b` that may be a [`WORD_STOP`] byte: set at every
/// such byte (and at the other bytes below `)`, which the caller tests again).
#[inline]
fn maybe_word_stops(b: &[u8]) -> u64 {
    let x = u64::from_le_bytes(b.try_into().expect("eight bytes"));
    // For a byte below 0x80, adding 0x57 sets its high bit exactly when it is at least 0x29 (no carry leaves
    // the byte); a byte from 0x80 up has its high bit already.
    let low = (x & splat(0x7F)).wrapping_add(splat(0x57));
    // Little-endian: the first byte (not one of the seven) is the lowest.
    (x | !low) & splat(0x80) & !0x80
}

/// Whether an ASCII byte may open a sentence after a stop and white space: a capital, a quote, a digit or '('
/// (a non-ASCII character may if it is upper case: false here, the general test decides). Nearly every stop
/// followed by white space is followed by one: a table's one branch, where the test for a capital alone failed
/// as often as a digit or a quote came.
static OPENER: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(b as u8, b'A'..=b'Z' | b'"' | b'\'' | b'0'..=b'9' | b'(');
        b += 1;
    }
    t
};

/// Whether a byte is a closing quote or bracket, which a sentence takes after its stop: '"', '\'' or ')'.
static CLOSER: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b')' as usize] = true;
    t
};

/// The bytes that may come right after a stop that ends a sentence: a closer ([`CLOSER`]), a space or a tab.
static AFTER_END: [bool; 256] = {
    let mut t = CLOSER;
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t
};

/// For each ASCII byte, bit `n` set when a word of `n` bytes that starts with it may keep a full stop from
/// ending the sentence: an abbreviation ([`is_abbreviation`]) or, `n` being 1, a capital (an initial). The
/// word before most stops has no such bit (a word of seven bytes or more has none): one test settles it.
static MAY_KEEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        let w = ABBREVIATIONS[i].as_bytes();
        assert!(w.len() <= 6);
        t[w[0] as usize] |= 1 << w.len();
        i += 1;
    }
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] |= 1 << 1;
        c += 1;
    }
    t
};

/// Whether the stop at `i` (a '.', '?' or '!') ends a sentence, and if so `(e, next)`: `e` the end of the
/// sentence after the quotes and brackets that close it, `next` the end of the spaces and tabs that follow
/// (the next sentence's first byte, which is no white space, or the end of the text).
#[inline(always)]
fn sentence_end(text: &str, i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    // `e`, `j` and the opener `c` at `j`. Most sentences end with the stop, one space and an ASCII opener (". He",
    // ". \"I"): the two bytes after the stop settle that (no closer, one space, no second one), where the walk
    // over the closers and the spaces took some twenty instructions and four branches. Most other stops are
    // followed by a byte that is neither a closer nor a space or tab (a line feed, a digit): no end, settled by
    // that byte. (`i < bytes.len()`: the caller has read the stop.)
    let (e, j, c) = match bytes[i + 1..] {
        [b' ', c, ..] if OPENER[usize::from(c)] => (i + 1, i + 2, c),
        [n, ..] if !AFTER_END[usize::from(n)] => return None,
        _ => {
            // The closing quotes and brackets. The stops that come here have one, or spaces before a byte that is
            // no ASCII opener, or end the text: the first closer is added without a branch (whether it is there
            // goes either way), a second is rare.
            let mut e = i + 1;
            e += usize::from(CLOSER[usize::from(bytes.get(e).copied().unwrap_or(0))]);
            while e < bytes.len() && CLOSER[usize::from(bytes[e])] {
                e += 1;
            }
            // Must be followed by space(s) then a capital letter, a quote or a digit.
            if e >= bytes.len() {
                return Some((e, e));
            }
            if bytes[e] != b' ' && bytes[e] != b'\t' {
                return None;
            }
            let mut j = e + 1;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                j += 1;
            }
            if j >= bytes.len() {
                return Some((e, j));
            }
            let c = bytes[j];
            let opens = if c < 0x80 {
                OPENER[usize::from(c)]
            } else {
                text[j..].chars().next().is_some_and(char::is_uppercase)
            };
            if !opens {
                return None;
            }
            (e, j, c)
        }
    };
    if bytes[i] != b'.' || !keeps_stop(text, i, c) {
        return Some((e, j));
    }
    None
}

/// 1 for the bytes that, as the last byte before a word of [`keeps_stop`], leave the word's start unsure: a
/// byte that [`maybe_word_stops`] marks but that is no [`WORD_STOP`] (an apostrophe, '%', a control byte:
/// the word goes on over it), and every byte that is not ASCII (the word may go on over the character's other
/// bytes); 0 for the others. The walk of [`keeps_stop_walk`] decides after them.
static UNSURE_BEFORE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b >= 0x80 || (b < 0x29 && !WORD_STOP[b])) as u8;
        b += 1;
    }
    t
};

/// Whether the full stop at `i`, before a sentence opener whose first byte is `next`, belongs to the word
/// before it (an abbreviation or an initial) and so ends no sentence.
#[inline(always)]
fn keeps_stop(text: &str, i: usize, next: u8) -> bool {
    // The word before the full stop: abbreviations and initials do not end sentences. Seven bytes at most: a
    // longer word is neither an abbreviation nor an initial, so the stop ends the sentence. Most words before a
    // stop are that long: one test of the seven bytes settles them, and the same test finds where a shorter
    // word starts.
    if i >= 8 {
        let bb = text.as_bytes();
        // The eight bytes before the stop and the stop: `i < bb.len()` is known from the stop's own byte, and
        // the two bytes read below are read from this array at offsets that are plainly in range (`& 7` is
        // one instruction, where an offset in `bb` took a compare and a branch each).
        let w: &[u8; 9] = bb[i - 8..=i].try_into().expect("nine bytes");
        // `w[k]`: the last byte that may be a stop among the seven before `i`, or the byte before them when
        // there is none (`| 0x80` marks that byte, which `maybe_word_stops` leaves out): then the word is taken
        // to start seven bytes before `i`, which settles it as a long one below. Long words and short ones
        // come in no order, so no branch tells them apart.
        let m = maybe_word_stops(&w[..8]) | 0x80;
        let k = ((63 - m.leading_zeros() as usize) / 8) & 7;
        // The word `k + 1..8` of `w` (at most seven bytes, all ASCII) settles the question unless the byte
        // before it leaves its start unsure, or a word of its first byte and length may keep the stop (no such
        // word has seven bytes). One branch: the two tests are combined as integers, which the compiler leaves
        // as they are (as booleans, `&` and `|` became a branch each).
        if (UNSURE_BEFORE[usize::from(w[k])] | MAY_KEEP[usize::from(w[k + 1])] >> (7 - k)) & 1 == 0
        {
            return false;
        }
    }
    keeps_stop_walk(text, i, next)
}

/// [`keeps_stop`] by walking back over the word byte by byte.
fn keeps_stop_walk(text: &str, i: usize, next: u8) -> bool {
    let mut k = i;
    let before = &text[..i];
    let bb = before.as_bytes();
    let floor = i.saturating_sub(7);
    while k > floor && !WORD_STOP[usize::from(bb[k - 1])] {
        k -= 1;
    }
    if k == floor && floor > 0 {
        return false;
    }
    let word_start = if k == 0 || bb[k - 1] < 0x80 {
        k
    } else {
        before
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            })
    };
    let word = &before[word_start..];
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    if is_abbreviation(word) {
        // "No." is an abbreviation only before a number.
        if word == "No" || word == "no" {
            return next.is_ascii_digit();
        }
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        sentences(t).iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn splits_on_full_stops_and_lines() {
        let t = "Norrie won. He said \"Great.\" Then left.\nNew para here";
        assert_eq!(
            texts(t),
            vec![
                "Norrie won.",
                "He said \"Great.\"",
                "Then left.",
                "New para here"
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_scores() {
        let t = "The world No. 1 beat J. Smith 6-4. Then Mr. Jones spoke.";
        assert_eq!(
            texts(t),
            vec![
                "The world No. 1 beat J. Smith 6-4.",
                "Then Mr. Jones spoke."
            ]
        );
    }
    #[test]
    fn maybe_word_stops_hold_at_every_word_stop_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'a'; 8];
                eight[at] = b;
                let want = at > 0 && WORD_STOP[usize::from(b)];
                let m = maybe_word_stops(&eight);
                assert!(!want || m == 0x80 << (8 * at), "{b} at {at}");
                // Letters and the bytes from ')' up to 0x7F are never taken for stops.
                if (0x29..0x80).contains(&b) || at == 0 {
                    assert_eq!(m, 0, "{b} at {at}");
                }
            }
        }
    }

    #[test]
    fn stop_bits_as_byte_by_byte() {
        let stop = |c: u8| matches!(c, b'\n' | b'.' | b'?' | b'!');
        let stop_quote = |c: u8| stop(c) || c == b'"';
        for c in 0..=255u8 {
            for at in 0..64 {
                let mut block = [b'a'; 64];
                block[at] = c;
                let want = u64::from(stop(c)) << at;
                assert_eq!(stop_bits(&block), want, "{c} at {at}");
                assert_eq!(portable_stop_bits(&block), want, "{c} at {at}");
                let want = u64::from(stop_quote(c)) << at;
                assert_eq!(stop_quote_bits(&block), want, "{c} at {at}");
                assert_eq!(portable_stop_quote_bits(&block), want, "{c} at {at}");
            }
        }
        // Random blocks, each byte a stop or a quote with a chance of one in four.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let block: [u8; 64] = std::array::from_fn(|_| {
                crate::recognise::xorshift(&mut x);
                let c = (x >> 24) as u8;
                if c & 3 == 0 {
                    b"\n.?!\"\n.\""[usize::from(c >> 2 & 7)]
                } else {
                    c
                }
            });
            let want = (0..64).fold(0u64, |m, k| m | u64::from(stop(block[k])) << k);
            assert_eq!(stop_bits(&block), want, "{block:?}");
            assert_eq!(portable_stop_bits(&block), want, "{block:?}");
            let want = (0..64).fold(0u64, |m, k| m | u64::from(stop_quote(block[k])) << k);
            assert_eq!(stop_quote_bits(&block), want, "{block:?}");
            assert_eq!(portable_stop_quote_bits(&block), want, "{block:?}");
        }
    }

    #[test]
    fn stops_as_every_stop_byte() {
        let mut texts =
            crate::recognise::all_texts_and(&["", "!", "a\n", "x.".repeat(100).as_str(), "\""]);
        // Every length around the block size, stops and quotes at the first and last bytes.
        for n in 0..200 {
            texts.push("!".to_string() + &"ab?cd".repeat(n / 5) + &"e".repeat(n % 5) + ".");
            texts.push("\"".to_string() + &"a\"b".repeat(n / 3) + &"e".repeat(n % 3) + "\"");
            texts.push("a".repeat(n));
        }
        for t in &texts {
            let b = t.as_bytes();
            let want: Vec<usize> = (0..b.len())
                .filter(|&k| matches!(b[k], b'\n' | b'.' | b'?' | b'!' | b'"'))
                .collect();
            assert_eq!(stops(b).collect::<Vec<_>>(), want, "{t}");
            // The walk passes on every quote, in order.
            let mut quotes = Vec::new();
            sentences_into(t, &mut Vec::new(), |i, lines| quotes.push((i, lines)));
            let want: Vec<(usize, usize)> = (0..b.len())
                .filter(|&k| b[k] == b'"')
                .map(|k| (k, b[..k].iter().filter(|&&c| c == b'\n').count()))
                .collect();
            assert_eq!(quotes, want, "{t}");
        }
    }

    /// The version of round 4 (memchr3 per sentence, full word scan), as the reference.
    fn old_sentences(text: &str) -> Vec<Sentence> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(text.len() / 64 + 1);
        let mut para = 0usize;
        let mut start = 0usize;
        let mut i = 0usize;
        let push_one = |out: &mut Vec<Sentence>, s: usize, e: usize, para: usize| {
            let seg = &text[s..e];
            let sb = seg.as_bytes();
            // ASCII white space (what `char::is_whitespace` says of ASCII) is trimmed on bytes; at a non-ASCII
            // byte the general trim takes over.
            let white = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
            let mut lead = 0;
            while lead < sb.len() && white(sb[lead]) {
                lead += 1;
            }
            if lead < sb.len() && sb[lead] >= 0x80 {
                lead = seg.len() - seg.trim_start().len();
            }
            let mut trail = 0;
            while trail < sb.len() - lead && white(sb[sb.len() - 1 - trail]) {
                trail += 1;
            }
            if trail < sb.len() - lead && sb[sb.len() - 1 - trail] >= 0x80 {
                trail = seg.len() - seg.trim_end().len();
            }
            if s + lead < e - trail {
                out.push(Sentence {
                    start: s + lead,
                    end: e - trail,
                    para,
                });
            }
        };
        // A "sentence" longer than any real one (a list with no full stops, a run of numbers) is cut at spaces,
        // so that no later step spends more than bounded time on one sentence.
        let push = |out: &mut Vec<Sentence>, mut s: usize, e: usize, para: usize| {
            while e - s > MAX_SENTENCE {
                let mut cut = s + MAX_SENTENCE;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                let cut = text[s..cut].rfind(' ').map_or(cut, |p| s + p + 1);
                push_one(out, s, cut, para);
                s = cut;
            }
            push_one(out, s, e, para);
        };
        // The next '!' at or after `i` (`bytes.len()` if none), found once and kept until passed: it is rare,
        // and `memchr3` takes only the three common stops.
        let next = |b: u8, from: usize| {
            memchr::memchr(b, &bytes[from..]).map_or(bytes.len(), |k| from + k)
        };
        let mut bang = next(b'!', 0);
        loop {
            if bang < i {
                bang = next(b'!', i);
            }
            let other =
                memchr::memchr3(b'\n', b'.', b'?', &bytes[i..]).map_or(bytes.len(), |k| i + k);
            i = other.min(bang);
            let Some(&b) = bytes.get(i) else { break };
            if b == b'\n' {
                // Empty paragraph lines (and the line breaks between paragraphs) give no sentence.
                if start < i {
                    push(&mut out, start, i, para);
                }
                para += 1;
                start = i + 1;
            } else if matches!(b, b'.' | b'!' | b'?') && old_is_sentence_end(text, i) {
                // Take closing quotes and brackets with the sentence.
                let mut e = i + 1;
                while e < bytes.len() && matches!(bytes[e], b'"' | b'\'' | b')') {
                    e += 1;
                }
                push(&mut out, start, e, para);
                start = e;
                i = e;
                continue;
            }
            i += 1;
        }
        push(&mut out, start, bytes.len(), para);
        out
    }

    fn old_is_sentence_end(text: &str, i: usize) -> bool {
        let bytes = text.as_bytes();
        // Must be followed by space(s) then a capital letter, a quote or a digit.
        let mut j = i + 1;
        while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
            j += 1;
        }
        if j >= bytes.len() {
            return true;
        }
        if bytes[j] != b' ' && bytes[j] != b'\t' {
            return false;
        }
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        if j >= bytes.len() {
            return true;
        }
        let next = text[j..].chars().next().unwrap_or(' ');
        if !(next.is_uppercase()
            || next == '"'
            || next == '\''
            || next.is_ascii_digit()
            || next == '(')
        {
            return false;
        }
        if bytes[i] != b'.' {
            return true;
        }
        // The word before the full stop: abbreviations and initials do not end sentences.
        let before = &text[..i];
        // Back to a space, '(' or '"' on bytes while they are ASCII; the general form below for the rest.
        let bb = before.as_bytes();
        let mut k = bb.len();
        while k > 0 && bb[k - 1] < 0x80 && !matches!(bb[k - 1], b'\t'..=b'\r' | b' ' | b'(' | b'"')
        {
            k -= 1;
        }
        let word_start = if k == 0 || bb[k - 1] < 0x80 {
            k
        } else {
            before
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
                .map_or(0, |p| {
                    p + before[p..].chars().next().map_or(1, char::len_utf8)
                })
        };
        let word = &before[word_start..];
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && c.is_uppercase()
        {
            return false;
        }
        // The list itself, not `is_abbreviation` and its first test.
        if ABBREVIATIONS.contains(&word) {
            // "No." is an abbreviation only before a number.
            if word == "No" || word == "no" {
                return !next.is_ascii_digit();
            }
            return false;
        }
        true
    }

    /// Same sentences as the round-4 code on every text of the corpora and on tricky strings.
    #[test]
    fn same_as_old_sentences() {
        let mut texts = crate::recognise::all_texts_and(&[
            "",
            " ",
            "a.",
            "Hi. \u{3000}Bye.\u{3000} \nx",
            "\u{a0}Mr. Smith. Approximately. Wonderful. \u{e9}t\u{e9}. Encore! Zo? \"Yes.\" (No.) J. K.",
            "No. 1. No. A. U.S. Open. Tennis\u{e9}s. Ab\u{e9}cdefgh. Grand\u{e9}. X.\n\n\nY",
        ]);
        texts.push("word ".repeat(900) + ". Next.");
        // Words of every length before a stop, holding bytes that may look like the start of a word (an
        // apostrophe, '%', '!', control bytes) or that are one ('(', '"', white space, letters beyond ASCII).
        texts.extend(crate::recognise::random_texts(
            &[
                "Mr",
                "No",
                "J",
                "U.S",
                "e.g",
                "Nadal",
                "Wimbledon",
                "ab",
                "'s",
                "%",
                "!",
                "#",
                "\u{1}",
                "(",
                "\"",
                ")",
                "'",
                " ",
                "  ",
                "\t",
                "\n",
                "\u{a0}",
                "\u{e9}",
                "\u{3000}",
                ".",
                ". ",
                "? ",
                "! ",
                "6",
                "A",
                "x",
            ],
            20_000,
            10,
            0x2545_f491_4f6c_dd1d,
        ));
        // Every abbreviation and words that share its first byte and length or not, before stops, after
        // names and white space of every kind (names that start or end beyond ASCII, white space beyond it).
        let mut pieces: Vec<&str> = ABBREVIATIONS.to_vec();
        pieces.extend([
            "Mo",
            "Sun",
            "Slam",
            "bet",
            "day",
            "Jim",
            "Z",
            "approxi",
            "Federer",
            "Peña",
            "Élodie",
            "\u{1e00}x",
            "\u{85}",
            "\u{2009}",
            "\u{202f}",
            "\u{2028}",
            "\u{205f}",
            "\u{1680}",
            "\u{a3}",
            ". ",
            ". ",
            "? ",
            ".\" ",
            ".) ",
            ".\"' ",
            " ",
            "  ",
            "\t",
            "\n",
            "\r",
            "'",
            "%",
            "(",
            "\"",
            "6",
            "Xy",
        ]);
        texts.extend(crate::recognise::random_texts(
            &pieces,
            20_000,
            12,
            0x9e37_79b9_7f4a_7c15,
        ));
        for t in &texts {
            assert_eq!(sentences(t), old_sentences(t), "{t}");
            // Each stop as the old test reads it, with the end and the next start as the old code found them.
            let b = t.as_bytes();
            for i in (0..b.len()).filter(|&i| matches!(b[i], b'.' | b'?' | b'!')) {
                let want = old_is_sentence_end(t, i).then(|| {
                    let e = i
                        + 1
                        + b[i + 1..]
                            .iter()
                            .take_while(|c| b"\"')".contains(c))
                            .count();
                    let next = e + b[e..]
                        .iter()
                        .take_while(|c| matches!(c, b' ' | b'\t'))
                        .count();
                    (e, next)
                });
                assert_eq!(sentence_end(t, i), want, "{t} at {i}");
            }
        }
    }

    /// A "sentence" longer than [`MAX_SENTENCE`] is cut after the last space before each 2000 bytes (at a char
    /// boundary when it has none), its pieces trimmed.
    #[test]
    fn push_long_cuts_at_spaces() {
        let piece = |start, end| Sentence {
            start,
            end,
            para: 3,
        };
        let t = "abcd ".repeat(900);
        let mut out = Vec::new();
        push_long(&t, &mut out, 0, t.len(), 3);
        assert_eq!(out, [piece(0, 1999), piece(2000, 3999), piece(4000, 4499)]);
        // No space: cut before the character that crosses the 2000th byte.
        let t = "x".to_string() + &"\u{e9}".repeat(1500);
        out.clear();
        push_long(&t, &mut out, 0, t.len(), 3);
        assert_eq!(out, [piece(0, 1999), piece(1999, 3001)]);
    }

    /// The trims as `str::trim_start` and `str::trim_end` on every span between char boundaries of short texts
    /// (white space of every kind at both ends, inside and alone) and on random spans of the corpora: the
    /// one-byte test that settles most trims agrees with the full trims.
    #[test]
    fn trims_as_str_trims() {
        let check = |t: &str, s: usize, e: usize| {
            let a = trim_start(t, s, e);
            assert_eq!(&t[a..e], t[s..e].trim_start(), "{t:?} {s}..{e}");
            assert_eq!(&t[a..trim_end(t, a, e)], t[s..e].trim(), "{t:?} {s}..{e}");
        };
        let mut texts = crate::recognise::random_texts(
            &[
                " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{2009}",
                "\u{3000}", "\u{205f}", "\u{1680}", "a", ".", "\u{e9}", "\u{a3}", "\u{2010}",
                "\u{3001}", "\u{1e00}",
            ],
            3_000,
            6,
            0x2545_f491_4f6c_dd1d,
        );
        texts.push(String::new());
        for t in &texts {
            let cuts: Vec<usize> = (0..=t.len()).filter(|&k| t.is_char_boundary(k)).collect();
            for (n, &s) in cuts.iter().enumerate() {
                for &e in &cuts[n..] {
                    check(t, s, e);
                }
            }
        }
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for t in crate::recognise::all_texts() {
            let cuts: Vec<usize> = (0..=t.len()).filter(|&k| t.is_char_boundary(k)).collect();
            for _ in 0..200 {
                crate::recognise::xorshift(&mut x);
                let s = cuts[(x % cuts.len() as u64) as usize];
                crate::recognise::xorshift(&mut x);
                let e = cuts[(x % cuts.len() as u64) as usize];
                check(&t, s.min(e), s.max(e));
            }
        }
    }

    /// The byte tables as their definitions, at every byte (and the trims' as `char::is_whitespace` at
    /// every character).
    #[test]
    fn tables_as_their_definitions() {
        for c in 0..=255u8 {
            let i = usize::from(c);
            let white = matches!(c, b'\t'..=b'\r' | b' ');
            assert_eq!(TRIM[0][i], white, "{c}");
            assert_eq!(TRIM[3][i], TRIM[0][i] || TRIM[1][i], "{c}");
            assert_eq!(TRIM[4][i], TRIM[0][i] || TRIM[2][i], "{c}");
            assert_eq!(CLOSER[i], matches!(c, b'"' | b'\'' | b')'), "{c}");
            assert_eq!(
                AFTER_END[i],
                matches!(c, b'"' | b'\'' | b')' | b' ' | b'\t'),
                "{c}"
            );
            let opens = c.is_ascii_uppercase() || c.is_ascii_digit() || b"\"'(".contains(&c);
            assert_eq!(OPENER[i], opens, "{c}");
            let unsure = c >= 0x80 || (c < 0x29 && !WORD_STOP[i]);
            assert_eq!(UNSURE_BEFORE[i], u8::from(unsure), "{c}");
            // Every byte that `maybe_word_stops` leaves out is a byte of a word, or unsure.
            let mut eight = *b"aaaaaaaa";
            eight[7] = c;
            assert!(maybe_word_stops(&eight) != 0 || !WORD_STOP[i], "{c}");
            for n in 0..8 {
                // A bit for every abbreviation and initial, none for the other words tried.
                let keeps = ABBREVIATIONS
                    .iter()
                    .any(|a| a.len() == n && a.as_bytes()[0] == c)
                    || (n == 1 && c.is_ascii_uppercase());
                assert_eq!(MAY_KEEP[i] >> n & 1 == 1, keeps, "{c} {n}");
            }
        }
        // A character is white space exactly when its first byte is in `TRIM[1]` (or `TRIM[0]`) and the
        // character is one of `WIDE_WHITE`; the same for its last byte and `TRIM[2]`.
        for ch in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = ch.encode_utf8(&mut buf).as_bytes();
            let wide = WIDE_WHITE.contains(&u32::from(ch));
            assert_eq!(
                ch.is_whitespace(),
                wide || TRIM[0][usize::from(b[0])] && b.len() == 1,
                "{ch:?}"
            );
            if wide {
                assert!(
                    TRIM[1][usize::from(b[0])] && TRIM[2][usize::from(b[b.len() - 1])],
                    "{ch:?}"
                );
            }
            let t = format!("{ch}x{ch}");
            // (From the 'x', which is no white space, for the end.)
            let x = ch.len_utf8();
            let (a, z) = (trim_start(&t, 0, t.len()), trim_end(&t, x, t.len()));
            assert_eq!(&t[a..], t.trim_start(), "{ch:?}");
            assert_eq!(&t[x..z], t[x..].trim_end(), "{ch:?}");
        }
    }

    /// [`keeps_stop`] as it read the two bytes before round 38: at their offsets in the text.
    fn old_keeps_stop(text: &str, i: usize, next: u8) -> bool {
        if i >= 8 {
            let bb = text.as_bytes();
            let m = maybe_word_stops(&bb[i - 8..i]) | 0x80;
            let last = i - 8 + (63 - m.leading_zeros() as usize) / 8;
            let start = last + 1;
            if (UNSURE_BEFORE[usize::from(bb[last])]
                | MAY_KEEP[usize::from(bb[start])] >> (i - start))
                & 1
                == 0
            {
                return false;
            }
        }
        keeps_stop_walk(text, i, next)
    }

    /// [`keeps_stop`] reads its nine-byte window as the old code read the text: the same answer at every full
    /// stop of the corpora and of random texts of letters, stops, quotes, spaces and line feeds, and before
    /// every opener byte.
    #[test]
    fn keeps_stop_as_before() {
        let mut texts = crate::recognise::all_texts_and(&["Mr. J. No. U.S. e.g. St. A.B. x."]);
        texts.extend(crate::recognise::random_texts(
            &[
                "Mr", "No", "no", "J", "U.S", "e.g", "Prof", "beat", "Nadal", "ab", "'s", "%", "(",
                "\"", ")", "'", " ", "\t", "\n", "\u{a0}", "\u{e9}", "\u{3000}", ".", ". ", "?",
                "!", "6", "A", "x",
            ],
            20_000,
            14,
            0x2545_f491_4f6c_dd1d,
        ));
        let mut n = 0;
        for t in &texts {
            let b = t.as_bytes();
            for i in (0..b.len()).filter(|&i| b[i] == b'.') {
                for next in [b'A', b'1', b'"', b'('] {
                    assert_eq!(
                        keeps_stop(t, i, next),
                        old_keeps_stop(t, i, next),
                        "{t:?} {i}"
                    );
                    n += 1;
                }
            }
        }
        assert!(n > 100_000, "{n}");
    }
}
