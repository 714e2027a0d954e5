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
    /// When `mapped`, the pieces of the normalised text in order, the first at 0 (see [`Normalised::source_at`]);
    /// else the text is the source (and `map` is empty).
    map: Vec<Piece>,
    /// When `mapped`, `blocks[k]` is the index in `map` of the piece that holds normalised byte `64 * k`.
    blocks: Vec<u32>,
    mapped: bool,
    src_len: usize,
    /// The text is known to be ASCII: the source was (the one replacement in ASCII text, of '\r', is a space).
    /// (The source's bytes are all read for it anyway; false when not known.)
    ascii: bool,
}

/// The buffers of a [`Normalised`], for [`Normalised::reusing`]: the text, the pieces, the blocks.
pub(crate) type Buffers = (String, Vec<Piece>, Vec<u32>);

/// A piece of the normalised text, from byte `norm` to the next piece's start: a run of characters kept as
/// they are, which starts at source offset `src` (`kept`), or the replacement of the character at `src`.
/// Only the places where the two texts go apart are stored, not an offset per byte.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    norm: u32,
    src: u32,
    kept: bool,
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

/// Finds, in order, the characters of a text that have a replacement. Only '\r' and the characters whose
/// UTF-8 starts with 0xC2 (U+0080..U+00BF), 0xE2 (U+2000..U+2FFF), 0xE3 (U+3000..U+3FFF) or 0xEF
/// (U+F000..U+FFFF) may have one, and those bytes are never inside a character: the search goes from one of
/// them to the next, and accented letters (0xC3..0xC5) are not looked at.
struct Replaced<'a> {
    src: &'a str,
    /// The source is ASCII.
    ascii: bool,
    /// The next '\r', the next 0xE3 and the next 0xC2, 0xE2 or 0xEF at or after the last search position
    /// (`src.len()` when there is none): each searched again only once passed, so that no byte is searched
    /// twice for the same needles.
    cr: usize,
    e3: usize,
    lead: usize,
}

impl<'a> Replaced<'a> {
    fn new(src: &'a str) -> Self {
        let b = src.as_bytes();
        let at = |found: Option<usize>| found.unwrap_or(b.len());
        // (ASCII text, most of the older wire copy: only '\r' is looked for.)
        let ascii = b.is_ascii();
        Replaced {
            src,
            ascii,
            cr: at(memchr::memchr(b'\r', b)),
            e3: if ascii {
                b.len()
            } else {
                at(memchr::memchr(0xE3, b))
            },
            lead: if ascii {
                b.len()
            } else {
                at(memchr::memchr3(0xC2, 0xE2, 0xEF, b))
            },
        }
    }

    /// The first char at or after byte `from` (a char boundary) that has a replacement, with its offset.
    fn next(&mut self, from: usize) -> Option<(usize, char, &'static str)> {
        let bytes = self.src.as_bytes();
        let mut i = from;
        loop {
            let after = |found: Option<usize>| found.map_or(bytes.len(), |k| i + k);
            if self.cr < i {
                self.cr = after(memchr::memchr(b'\r', &bytes[i..]));
            }
            if self.e3 < i {
                self.e3 = after(memchr::memchr(0xE3, &bytes[i..]));
            }
            if self.lead < i {
                self.lead = after(memchr::memchr3(0xC2, 0xE2, 0xEF, &bytes[i..]));
            }
            i = self.cr.min(self.e3).min(self.lead);
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
        Self::reusing(src, (String::new(), Vec::new(), Vec::new()))
    }

    /// Normalises `src` into the buffers `text` and `map` (cleared first; see [`Normalised::into_buffers`]):
    /// linear in its length, and no allocation once the buffers are as big as the text.
    pub fn reusing(src: &str, buffers: Buffers) -> Self {
        let (mut text, mut map, mut blocks) = buffers;
        text.clear();
        map.clear();
        blocks.clear();
        let mut replaced = Replaced::new(src);
        let mut next = replaced.next(0);
        if next.is_none() {
            text.push_str(src);
            return Normalised {
                text,
                map,
                blocks,
                mapped: false,
                src_len: src.len(),
                ascii: replaced.ascii,
            };
        }
        text.reserve(src.len());
        // The characters of `src[from..to]`, kept as they are.
        let keep = |text: &mut String, map: &mut Vec<Piece>, from: usize, to: usize| {
            if from < to {
                map.push(Piece {
                    norm: text.len() as u32,
                    src: from as u32,
                    kept: true,
                });
                text.push_str(&src[from..to]);
            }
        };
        let mut pos = 0;
        while let Some((at, c, r)) = next {
            keep(&mut text, &mut map, pos, at);
            if !r.is_empty() {
                map.push(Piece {
                    norm: text.len() as u32,
                    src: at as u32,
                    kept: false,
                });
                text.push_str(r);
            }
            pos = at + c.len_utf8();
            next = replaced.next(pos);
        }
        keep(&mut text, &mut map, pos, src.len());
        let mut k = 0;
        for start in (0..text.len()).step_by(64) {
            while map.get(k + 1).is_some_and(|p| p.norm as usize <= start) {
                k += 1;
            }
            blocks.push(k as u32);
        }
        Normalised {
            text,
            map,
            blocks,
            mapped: true,
            src_len: src.len(),
            ascii: replaced.ascii,
        }
    }

    /// Empties the text and the map for the next article, as `reusing("")` would, keeping their buffers: the
    /// text freed past 64 KB, the pieces (one for each replaced character and each run between them) as other
    /// per-article buffers are (see [`crate::recognise::recycle`]), the blocks (one per 64 bytes of text) with a
    /// text of 64 KB.
    pub fn clear(&mut self) {
        self.text.clear();
        if self.text.capacity() > 1 << 16 {
            self.text = String::new();
        }
        crate::recognise::recycle(&mut self.map);
        self.blocks.clear();
        if self.blocks.capacity() > 1 << 10 {
            self.blocks = Vec::new();
        }
        self.mapped = false;
        self.src_len = 0;
        self.ascii = false;
    }

    /// Whether the text is known to be ASCII (when not, it may be or not): its source was, as the search for
    /// the replaced characters found. Later steps that must know skip a scan of their own.
    pub fn known_ascii(&self) -> bool {
        self.ascii
    }

    /// Whether offsets in the text are mapped to the source (some character was replaced): when not, a span of
    /// the text is its own source span ([`Normalised::source_span`] returns it as it is).
    pub fn mapped(&self) -> bool {
        self.mapped
    }

    /// The buffers of the text and the map, for [`Normalised::reusing`].
    pub fn into_buffers(self) -> Buffers {
        (self.text, self.map, self.blocks)
    }

    /// The source offset of normalised byte `i`: the start of the source character it comes from (the one it
    /// is part of, or the one it replaces); the source's length from the end of the text on.
    fn source_at(&self, i: usize) -> usize {
        if !self.mapped {
            return i.min(self.src_len);
        }
        if i >= self.text.len() {
            return self.src_len;
        }
        // The last piece that starts at or before `i`: from the one that holds the start of `i`'s block of 64
        // bytes (a block holds few).
        let mut k = self.blocks[i / 64] as usize;
        while self.map.get(k + 1).is_some_and(|p| p.norm as usize <= i) {
            k += 1;
        }
        let p = self.map[k];
        if !p.kept {
            return p.src as usize;
        }
        // A kept character's bytes all map to its start; the piece starts at a character's start.
        let mut j = i;
        while !self.text.is_char_boundary(j) {
            j -= 1;
        }
        p.src as usize + (j - p.norm as usize)
    }

    /// The source span of normalised span `start..end`.
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        if !self.mapped {
            return (start, end);
        }
        let s = self.source_at(start);
        (s, self.source_at(end).max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text is known to be ASCII exactly when its source is (and then it is); it is mapped exactly when some
    /// character was replaced, and unmapped, its spans are their own source spans.
    #[test]
    fn known_ascii_and_mapped() {
        for (src, known, mapped) in [
            ("Federer beat Nadal 6-3 6-4.", true, false),
            ("", true, false),
            ("line one\r\nline two", true, true),
            ("Federer\u{00A0}beat Nadal", false, true),
            ("\u{201C}Yes,\u{201D} he said.", false, true),
            ("Mons\u{00E9}e lost.", false, false),
        ] {
            let mut n = Normalised::new(src);
            assert_eq!(n.known_ascii(), known, "{src:?}");
            assert!(!n.known_ascii() || n.text.is_ascii(), "{src:?}");
            assert_eq!(n.mapped(), mapped, "{src:?}");
            if !mapped {
                for (s, e) in [(0, 0), (0, src.len()), (3, 7)] {
                    assert_eq!(n.source_span(s, e), (s, e));
                }
            }
            n.clear();
            assert!(!n.known_ascii());
        }
    }

    #[test]
    fn finds_every_replacement() {
        let mut src = String::new();
        for k in 0..160 {
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
                    '\u{00A0}',
                    '\u{00A9}',
                    '\u{3000}',
                    '\u{3042}',
                    '\u{FE0F}',
                    'Ś',
                    '\u{2122}',
                ][k % 14],
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

    /// The map of the first version: the source offset of every byte of the normalised text.
    fn byte_map(src: &str) -> Vec<u32> {
        let mut map = Vec::new();
        for (i, c) in src.char_indices() {
            let n = replacement(c).map_or(c.len_utf8(), str::len);
            map.extend(std::iter::repeat_n(i as u32, n));
        }
        map
    }

    #[test]
    fn the_pieces_map_every_offset_as_a_map_of_every_byte_did() {
        const PIECES: [&str; 16] = [
            "a",
            "Gaël ",
            "\u{2019}",
            "\u{201C}",
            "7\u{2013}6",
            "\u{00A0}",
            "\u{200B}",
            "\u{2026}",
            "\r\n",
            "Świątek",
            "\u{3000}",
            "\u{3042}",
            "\u{FEFF}",
            "\u{FE0F}",
            "\u{1F3BE}",
            "\u{00AD}",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut checked = 0;
        for n in 0..400 {
            let mut src = String::new();
            // Up to 60 pieces: texts of up to about 400 bytes, several blocks of 64.
            for _ in 0..n % 61 {
                crate::recognise::xorshift(&mut seed);
                src.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            let norm = Normalised::new(&src);
            let want_text: String = src
                .chars()
                .map(|c| replacement(c).map_or(c.to_string(), str::to_string))
                .collect();
            assert_eq!(norm.text, want_text, "{src:?}");
            let map = byte_map(&src);
            assert_eq!(map.len(), norm.text.len());
            let old = |i: usize| map.get(i).map_or(src.len(), |&v| v as usize);
            if norm.mapped {
                for i in 0..=norm.text.len() + 1 {
                    assert_eq!(norm.source_at(i), old(i), "{src:?} {i}");
                }
            }
            let len = norm.text.len();
            for start in 0..=len + 1 {
                // Every end up to 80 bytes on, and the text's end.
                for end in (start..=(start + 80).min(len + 1)).chain([len, len + 1]) {
                    if end < start {
                        continue;
                    }
                    let want = if norm.mapped {
                        let s = old(start);
                        (s, old(end).max(s))
                    } else {
                        (start, end)
                    };
                    assert_eq!(norm.source_span(start, end), want, "{src:?} {start}..{end}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
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
