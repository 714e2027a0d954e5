//! Normalise stage: one canonical spelling for typographic variants, with a map back to source offsets.
//!
//! Curly quotes become straight ones, dashes and non-breaking hyphens become `-`, exotic spaces become ` `.
//! Every other character is kept as it is, so accented names survive. The map turns a byte offset in the
//! normalised text back into a byte offset in the source.

/// Normalised text and its offset map.
#[derive(Debug)]
pub(crate) struct Normalised {
    /// The normalised text.
    pub text: String,
    /// `map[i]` is the source offset of normalised byte `i`; `None` when the two are identical.
    map: Option<Vec<u32>>,
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

/// The first char at or after byte `from` (a char boundary) that has a replacement, with its offset.
fn next_replaced(src: &str, from: usize) -> Option<(usize, char, &'static str)> {
    let bytes = src.as_bytes();
    let mut i = from;
    loop {
        // Only '\r' and non-ASCII characters have replacements: skip eight bytes at a time past the others.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            let cr = x ^ (0x0101_0101_0101_0101 * u64::from(b'\r'));
            let has_cr = cr.wrapping_sub(0x0101_0101_0101_0101) & !cr & 0x8080_8080_8080_8080;
            if (x & 0x8080_8080_8080_8080) | has_cr != 0 {
                break;
            }
            i += 8;
        }
        let &b = bytes.get(i)?;
        if b == b'\r' || b >= 0xC0 {
            let c = src[i..].chars().next()?;
            if let Some(r) = replacement(c) {
                return Some((i, c, r));
            }
            i += c.len_utf8();
        } else {
            i += 1;
        }
    }
}

impl Normalised {
    /// Normalises `src`. Linear in its length; no allocation of a map when nothing changes.
    pub fn new(src: &str) -> Self {
        let mut next = next_replaced(src, 0);
        if next.is_none() {
            return Normalised {
                text: src.to_string(),
                map: None,
                src_len: src.len(),
            };
        }
        let mut text = String::with_capacity(src.len());
        let mut map: Vec<u32> = Vec::with_capacity(src.len() + 1);
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
            next = next_replaced(src, pos);
        }
        keep(&mut text, &mut map, pos, src.len());
        Normalised {
            text,
            map: Some(map),
            src_len: src.len(),
        }
    }

    /// The source span of normalised span `start..end`.
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        match &self.map {
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
