//! Segment stage: paragraphs and sentences of the normalised text, as byte spans.

/// A sentence: a byte span of the normalised text and the paragraph it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub para: usize,
}

/// Words that a full stop follows without ending the sentence.
fn is_abbreviation(word: &str) -> bool {
    // Most words fail on their length or first byte before the table.
    let w = word.as_bytes();
    if w.len() > 6
        || !matches!(
            w.first(),
            Some(b'N' | b'n' | b'M' | b'D' | b'S' | b'J' | b'v' | b'F' | b'G' | b'L' | b'C')
                | Some(b'P' | b'I' | b'a' | b'A' | b'O' | b'U' | b'e' | b'i' | b'd' | b'b')
        )
    {
        return false;
    }
    matches!(
        word,
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
    )
}

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

/// Splits `text` into sentences. Linear time: one pass over the bytes.
pub(crate) fn sentences(text: &str) -> Vec<Sentence> {
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
    let mut stops = Stops::new(bytes);
    loop {
        i = stops.next(i);
        let Some(&b) = bytes.get(i) else { break };
        if b == b'\n' {
            // Empty paragraph lines (and the line breaks between paragraphs) give no sentence.
            if start < i {
                push(&mut out, start, i, para);
            }
            para += 1;
            start = i + 1;
        } else if is_sentence_end(text, i) {
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

/// Whether `c` can end a sentence or a paragraph: `\n`, `.`, `!`, `?`.
#[inline(always)]
fn is_stop(c: u8) -> bool {
    matches!(c, b'\n' | b'.' | b'!' | b'?')
}

/// The stop bytes ([`is_stop`]) of 32 bytes as a bit mask (bit `j` for byte `j`); written so that the compiler
/// tests them all at once (vector compares and a byte mask, no branch per byte).
#[inline(always)]
fn stop_mask(chunk: &[u8; 32]) -> u32 {
    let mut m = 0u32;
    for (j, &c) in chunk.iter().enumerate() {
        m |= u32::from(is_stop(c)) << j;
    }
    m
}

/// One forward scan for the stop bytes of a text: the bit mask of the 32 bytes from `base` is kept, so that
/// each stop costs a few bit operations and each 32 bytes one mask.
struct Stops<'a> {
    bytes: &'a [u8],
    base: usize,
    mask: u32,
}

impl<'a> Stops<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut s = Stops {
            bytes,
            base: 0,
            mask: 0,
        };
        s.load(0);
        s
    }

    /// The mask of the 32 bytes from `base` (fewer at the end of the text).
    fn load(&mut self, base: usize) {
        self.base = base;
        self.mask = match self.bytes.get(base..base + 32) {
            Some(chunk) => stop_mask(chunk.try_into().expect("32 bytes")),
            None => {
                let tail = &self.bytes[base.min(self.bytes.len())..];
                tail.iter()
                    .enumerate()
                    .fold(0, |m, (j, &c)| m | u32::from(is_stop(c)) << j)
            }
        };
    }

    /// The first stop at or after `i` (the text's length when there is none). `i` never goes back past a stop
    /// returned before.
    #[inline]
    fn next(&mut self, i: usize) -> usize {
        if i >= self.base + 32 {
            self.load(i);
        }
        // Bits below `i` are stops already passed.
        let mut m = self.mask & (u32::MAX << (i - self.base));
        loop {
            if m != 0 {
                return self.base + m.trailing_zeros() as usize;
            }
            if self.base + 32 >= self.bytes.len() {
                return self.bytes.len();
            }
            self.load(self.base + 32);
            m = self.mask;
        }
    }
}

fn is_sentence_end(text: &str, i: usize) -> bool {
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
    if !(next.is_uppercase() || next == '"' || next == '\'' || next.is_ascii_digit() || next == '(')
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
    while k > 0 && bb[k - 1] < 0x80 && !matches!(bb[k - 1], b'\t'..=b'\r' | b' ' | b'(' | b'"') {
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
    if is_abbreviation(word) {
        // "No." is an abbreviation only before a number.
        if word == "No" || word == "no" {
            return !next.is_ascii_digit();
        }
        return false;
    }
    true
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
    fn stops_finds_every_stop_byte() {
        let mut t = String::from("a.b!c?d\ne");
        for k in 0..80 {
            t.push_str(&"x".repeat(k % 37));
            t.push(['.', '!', '?', '\n', '\u{e9}'][k % 5]);
        }
        let b = t.as_bytes();
        // Every walk that calls `next` with positions that never go back past the stop it returned.
        for step in 1..40 {
            let mut stops = Stops::new(b);
            let mut i = 0;
            while i <= b.len() {
                let want = (i..b.len()).find(|&k| is_stop(b[k])).unwrap_or(b.len());
                let got = stops.next(i);
                assert_eq!(got, want, "{step} {i}");
                i = if got == b.len() { i + step } else { got + 1 + (step % 3) };
            }
        }
    }
}
