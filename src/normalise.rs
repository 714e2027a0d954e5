//! Normalise stage: one canonical spelling for typographic variants, with a map back to source offsets.
//!
//! Curly quotes become straight ones, dashes and non-breaking hyphens become `-`, exotic spaces become ` `.
//! Every other character is kept as it is, so accented names survive. The map turns a byte offset in the
//! normalised text back into a byte offset in the source.

/// Normalised text and its offset map.
#[derive(Debug, Default)]
pub(crate) struct Normalised {
    /// The normalised text.
    pub text: String,
    /// When `mapped`, `map[i]` is the source offset of normalised byte `i`; else the two are identical (and
    /// `map` is empty).
    map: Vec<u32>,
    mapped: bool,
    src_len: usize,
}

fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        '\u{2026}' => "...",
        '\r' => " ",
        _ => return None,
    })
}

/// The offset of the first byte at or after `from` that is not ASCII (`bytes.len()` when there is none): blocks
/// of 256 bytes, then of 64 in the block that holds one, by the standard library's (vectorised) `is_ascii`; then
/// eight bytes at a time.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    for block in [256, 64] {
        loop {
            let end = (i + block).min(bytes.len());
            if !bytes[i..end].is_ascii() {
                break;
            }
            if end == bytes.len() {
                return end;
            }
            i = end;
        }
    }
    while let Some(w) = bytes.get(i..i + 8) {
        let high = u64::from_le_bytes(w.try_into().expect("8 bytes")) & HIGH;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// Finds, in order, the characters of a text that have a replacement.
struct Replaced<'a> {
    src: &'a str,
    /// The next '\r' at or after the last search position (`src.len()` when there is none): searched once per
    /// '\r', not once per call.
    cr: usize,
}

impl<'a> Replaced<'a> {
    fn new(src: &'a str) -> Self {
        let cr = memchr::memchr(b'\r', src.as_bytes()).unwrap_or(src.len());
        Replaced { src, cr }
    }

    /// The first char at or after byte `from` (a char boundary) that has a replacement, with its offset.
    fn next(&mut self, from: usize) -> Option<(usize, char, &'static str)> {
        let bytes = self.src.as_bytes();
        let mut i = from;
        loop {
            // Only '\r' and non-ASCII characters have replacements.
            if self.cr < i {
                self.cr = memchr::memchr(b'\r', &bytes[i..]).map_or(bytes.len(), |k| i + k);
            }
            i = next_non_ascii(bytes, i).min(self.cr);
            if i >= bytes.len() {
                return None;
            }
            let c = self.src[i..].chars().next()?;
            if let Some(r) = replacement(c) {
                return Some((i, c, r));
            }
            i += c.len_utf8();
        }
    }
}

impl Normalised {
    /// Normalises `src`. Linear in its length; no allocation of a map when nothing changes.
    #[cfg(test)]
    pub fn new(src: &str) -> Self {
        Self::reusing(src, String::new(), Vec::new())
    }

    /// Normalises `src` into the buffers `text` and `map` (cleared first; see [`Normalised::into_buffers`]):
    /// linear in its length, and no allocation once the buffers are as big as the text.
    pub fn reusing(src: &str, mut text: String, mut map: Vec<u32>) -> Self {
        text.clear();
        map.clear();
        let mut replaced = Replaced::new(src);
        let mut next = replaced.next(0);
        if next.is_none() {
            text.push_str(src);
            return Normalised {
                text,
                map,
                mapped: false,
                src_len: src.len(),
            };
        }
        text.reserve(src.len());
        map.reserve(src.len() + 1);
        // The characters of `src[from..to]`, kept as they are: every byte maps to the start of its character.
        let keep = |text: &mut String, map: &mut Vec<u32>, from: usize, to: usize| {
            let kept = &src[from..to];
            text.push_str(kept);
            let mut char_start = from as u32;
            map.extend(kept.bytes().enumerate().map(|(k, b)| {
                if b & 0xC0 != 0x80 {
                    char_start = (from + k) as u32;
                }
                char_start
            }));
        };
        let mut pos = 0;
        while let Some((at, c, r)) = next {
            keep(&mut text, &mut map, pos, at);
            text.push_str(r);
            map.extend(std::iter::repeat_n(at as u32, r.len()));
            pos = at + c.len_utf8();
            next = replaced.next(pos);
        }
        keep(&mut text, &mut map, pos, src.len());
        Normalised {
            text,
            map,
            mapped: true,
            src_len: src.len(),
        }
    }

    /// The buffers of the text and the map, for [`Normalised::reusing`].
    pub fn into_buffers(self) -> (String, Vec<u32>) {
        (self.text, self.map)
    }

    /// The source span of normalised span `start..end`.
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        match self.mapped.then_some(&self.map) {
            None => (start, end),
            Some(map) => {
                let s = map.get(start).map_or(self.src_len, |&v| v as usize);
                let e = if end >= map.len() {
                    self.src_len
                } else {
                    map[end] as usize
                };
                (s, e.max(s))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_replacement() {
        let mut src = String::new();
        for k in 0..80 {
            src.push_str(&"a".repeat(k % 37));
            src.push(
                [
                    '\u{2019}',
                    'é',
                    '\r',
                    '\u{2014}',
                    'x',
                    '\u{feff}',
                    '\u{1F3BE}',
                ][k % 7],
            );
        }
        let mut want = Vec::new();
        for (i, c) in src.char_indices() {
            if let Some(r) = replacement(c) {
                want.push((i, c, r));
            }
        }
        let mut got = Vec::new();
        let mut r = Replaced::new(&src);
        let mut pos = 0;
        while let Some((at, c, rep)) = r.next(pos) {
            got.push((at, c, rep));
            pos = at + c.len_utf8();
        }
        assert_eq!(got, want);
        assert!(want.len() > 40);
    }

    #[test]
    fn next_non_ascii_finds_the_first_high_byte() {
        // Short texts in full, and longer ones (past a 256-byte block) at a few positions.
        for n in (0..200).chain([300, 520, 700]) {
            let step = if n < 200 { 7 } else { 61 };
            for at in (0..n).step_by(step).chain([n]) {
                let mut b = vec![b'a'; n];
                if at < n {
                    b[at] = 0xC3;
                }
                for from in 0..=n {
                    let want = (from..n).find(|&k| b[k] >= 0x80).unwrap_or(n);
                    assert_eq!(next_non_ascii(&b, from), want, "{n} {at} {from}");
                }
            }
        }
    }

    #[test]
    fn identity_when_plain() {
        let n = Normalised::new("Norrie beat Alcaraz 6-4 6-3");
        assert_eq!(n.text, "Norrie beat Alcaraz 6-4 6-3");
        assert_eq!(n.source_span(0, 6), (0, 6));
    }

    #[test]
    fn maps_back_through_replacements() {
        let src = "Norrie\u{2019}s win 7\u{2013}6 over Gaël";
        let n = Normalised::new(src);
        assert_eq!(n.text, "Norrie's win 7-6 over Gaël");
        let s = n.text.find("7-6").unwrap();
        let (a, b) = n.source_span(s, s + 3);
        assert_eq!(&src[a..b], "7\u{2013}6");
        let g = n.text.find("Gaël").unwrap();
        let (a, b) = n.source_span(g, n.text.len());
        assert_eq!(&src[a..b], "Gaël");
    }
}
