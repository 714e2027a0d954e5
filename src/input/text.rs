//! Decoding the bytes of a text file into a UTF-8 string, and sniffing whether text is HTML.
//!
//! [`decode`] strips a UTF-8 byte-order mark, decodes UTF-16 with a BOM, falls back to Windows-1252 for bytes
//! that are not valid UTF-8 (with a warning), and refuses binary data and empty input with a typed error.

use crate::error::{Error, ErrorKind};
use encoding_rs::{Encoding, WINDOWS_1252};

/// How many leading bytes are inspected for NUL and control bytes.
const SNIFF_LEN: usize = 8 * 1024;

/// Warning given when bytes that are not valid UTF-8 are decoded as Windows-1252.
pub(crate) const WARN_1252: &str = "not valid UTF-8: decoded as Windows-1252";

/// Decodes the bytes of a text file: UTF-8 (a BOM is stripped), UTF-16 LE/BE with a BOM, or, when the bytes are
/// not valid UTF-8 and carry no BOM, Windows-1252 with the warning `"not valid UTF-8: decoded as Windows-1252"`.
///
/// Returns the text and the warnings met while decoding.
///
/// # Errors
/// - [`ErrorKind::Binary`] when the bytes look like binary data (a known file signature such as PNG, JPEG, GIF,
///   ZIP, PDF or gzip; NUL bytes in the first 8 KiB; or a high share of control bytes); the message names what
///   the data looks like.
/// - [`ErrorKind::Empty`] when the input is empty or holds only whitespace.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), Error> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "the input is empty"));
    }
    let mut warnings = Vec::new();
    let text = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        decode_with(enc, &bytes[bom_len..], &mut warnings)
    } else {
        check_binary(bytes)?;
        utf8_or_1252(bytes, &mut warnings)
    };
    check_text(&text)?;
    Ok((text, warnings))
}

/// `bytes` as a `str` when they are valid UTF-8 (the answer of `std::str::from_utf8`), validated by SIMD
/// (`simdutf8`, AVX2 or SSE 4.2 chosen at run time): about 0.1 instructions per byte whatever the text, where
/// the standard library's check leaves its word-at-a-time path at every non-ASCII byte (2.3 instructions per
/// byte on generated articles with accented names, a fifth of what the CLI spends outside the extraction).
pub(crate) fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// `bytes` as UTF-8 when they are valid UTF-8, else decoded as Windows-1252 with a warning.
pub(crate) fn utf8_or_1252(bytes: &[u8], warnings: &mut Vec<String>) -> String {
    match utf8(bytes) {
        Some(s) => s.to_string(),
        None => {
            warnings.push(WARN_1252.to_string());
            WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned()
        }
    }
}

/// Decodes `bytes` (BOM already removed) with `enc`, noting malformed sequences in `warnings`.
pub(crate) fn decode_with(
    enc: &'static Encoding,
    bytes: &[u8],
    warnings: &mut Vec<String>,
) -> String {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "malformed {} bytes replaced with U+FFFD",
            enc.name()
        ));
    }
    text.into_owned()
}

/// Errors with [`ErrorKind::Empty`] when `text` holds nothing but whitespace (or BOMs).
pub(crate) fn check_text(text: &str) -> Result<(), Error> {
    if text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}' || c == '\0')
    {
        return Err(Error::new(
            ErrorKind::Empty,
            "the input holds only whitespace",
        ));
    }
    Ok(())
}

/// The kind of file a known signature at the start of `bytes` names, if any.
fn magic(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"PK\x05\x06", "a ZIP archive"),
        (b"%PDF-", "a PDF document"),
        (b"\x1f\x8b", "gzip-compressed data"),
        (b"BZh", "bzip2-compressed data"),
        (b"\xfd7zXZ\x00", "xz-compressed data"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
        (b"\x7fELF", "an ELF executable"),
        (b"MZ\x90\x00", "a Windows executable"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Microsoft Office document",
        ),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"OggS", "Ogg media"),
        (b"ID3", "an MP3 file"),
        (b"fLaC", "a FLAC audio file"),
        (b"\x00\x00\x01\x00", "an icon file"),
        (b"wOFF", "a WOFF font"),
        (b"wOF2", "a WOFF2 font"),
    ];
    for (sig, name) in SIGS {
        if bytes.starts_with(sig) {
            return Some(name);
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "a WebP image",
            b"WAVE" => "a WAV audio file",
            b"AVI " => "an AVI video",
            _ => "a RIFF media file",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4/QuickTime media file");
    }
    None
}

/// Errors with [`ErrorKind::Binary`] when `bytes` (which carry no BOM) look like binary data.
pub(crate) fn check_binary(bytes: &[u8]) -> Result<(), Error> {
    if let Some(name) = magic(bytes) {
        return Err(Error::new(
            ErrorKind::Binary,
            format!("binary data: looks like {name}"),
        ));
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    // (The `memchr` crate's SIMD search: `<[u8]>::contains` reads a word at a time, about 1 instruction per
    // byte, as much as the count of control bytes below.)
    if memchr::memchr(0, head).is_some() {
        return Err(Error::new(
            ErrorKind::Binary,
            "binary data: NUL bytes in the first 8 KiB (UTF-16 text needs a byte-order mark)",
        ));
    }
    // Most text has few bytes below 0x20 (line feeds) and no DEL: their count, a cheaper test per byte than
    // [`is_control`]'s, bounds the count of control bytes and settles the common case.
    if count_low(head) * 10 <= head.len() {
        return Ok(());
    }
    let controls = count_controls(head);
    if controls * 10 > head.len() {
        return Err(Error::new(
            ErrorKind::Binary,
            format!(
                "binary data: {controls} control bytes in the first {} bytes",
                head.len()
            ),
        ));
    }
    Ok(())
}

/// The number of [`is_control`] bytes in `head` ([`count_where`]).
fn count_controls(head: &[u8]) -> usize {
    count_where(head, is_control)
}

/// The number of bytes of `head` below 0x20 or equal to 0x7f (DEL): at least [`count_controls`], and counted
/// in fewer vector instructions (two comparisons per byte, not six).
fn count_low(head: &[u8]) -> usize {
    count_where(head, |b| (b < 0x20) | (b == 0x7f))
}

/// The number of bytes of `head` that pass `test`, counted in 64-byte blocks with a byte-wide sum per block so
/// that the loop compiles to vector code (about 1.4 instructions per byte for [`is_control`]; a filtered count
/// took 11-14).
#[inline(always)]
fn count_where(head: &[u8], test: impl Fn(u8) -> bool) -> usize {
    let mut blocks = head.chunks_exact(64);
    let mut count = 0;
    for block in &mut blocks {
        let mut n = 0u8;
        for &b in block {
            n += u8::from(test(b));
        }
        count += usize::from(n);
    }
    count + blocks.remainder().iter().filter(|&&b| test(b)).count()
}

/// Whether `b` is a control byte that plain text does not hold (C0 controls other than tab, line feed, form
/// feed and carriage return, and DEL), written without short-circuits (see [`count_controls`]).
#[inline]
fn is_control(b: u8) -> bool {
    ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c)) | (b == 0x7f)
}

/// Whether `text` looks like HTML: a doctype or an `<html>`, `<head>` or `<body>` tag in its first KiB, or text
/// starting with a tag and holding common HTML tags (`<p>`, `<div>`, `<br>`, ...) there.
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let mut end = text.len().min(1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    if ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|t| head.contains(t))
    {
        return true;
    }
    const TAGS: &[&str] = &[
        "<p>", "<p ", "</p>", "<div", "<br", "<article", "<title>", "<meta ", "<span", "<a href",
        "<h1", "<h2", "<ul>", "<li>", "<table",
    ];
    let hits = TAGS.iter().filter(|t| head.contains(*t)).count();
    hits >= 2 || (hits >= 1 && head.starts_with('<'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_plain_and_bom() {
        let (t, w) = decode("Café au lait".as_bytes()).unwrap();
        assert_eq!(t, "Café au lait");
        assert!(w.is_empty());
        let (t, w) = decode(b"\xef\xbb\xbfServe and volley").unwrap();
        assert_eq!(t, "Serve and volley");
        assert!(w.is_empty());
    }

    #[test]
    fn utf8_check_as_the_standard_library() {
        // Pieces of valid UTF-8 of every length (1-4 bytes, the edges of each range) and bytes that break it
        // (lone continuations, overlongs, surrogates, past U+10FFFF, truncated sequences), joined at random
        // into texts of 0 to 300 bytes, with the odd byte flipped: the SIMD check must give the standard
        // library's answer, and its `str` the same bytes.
        let pieces: [&[u8]; 22] = [
            b"a",
            b" ",
            b"Federer 6-4 ",
            b"\x7f",
            "é".as_bytes(),
            "ß".as_bytes(),
            "\u{7ff}".as_bytes(),
            "\u{800}".as_bytes(),
            "€".as_bytes(),
            "\u{ffff}".as_bytes(),
            "\u{10000}".as_bytes(),
            "\u{10ffff}".as_bytes(),
            "Świątek".as_bytes(),
            b"\x80",
            b"\xbf",
            b"\xc0\xaf",
            b"\xe0\x80\xaf",
            b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80",
            b"\xe2\x82",
            b"\xf0\x9f\x98",
            b"\xff",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || crate::recognise::xorshift(&mut seed);
        let (mut valid, mut invalid) = (0, 0);
        for _ in 0..20_000 {
            let mut text = Vec::new();
            let len = (next() % 300) as usize;
            // A third of the texts may hold bytes that break UTF-8, each piece one time in sixteen.
            let bad = next() % 3 == 0;
            while text.len() < len {
                let k = (next() % 64) as usize;
                let piece = if bad && k >= 60 {
                    pieces[13 + k % 9]
                } else {
                    pieces[k % 13]
                };
                text.extend_from_slice(piece);
            }
            if next() % 8 == 0 && !text.is_empty() {
                let i = (next() as usize) % text.len();
                text[i] ^= 1 << (next() % 8);
            }
            let want = std::str::from_utf8(&text).ok();
            assert_eq!(utf8(&text), want, "{text:?}");
            if want.is_some() {
                valid += 1;
            } else {
                invalid += 1;
            }
        }
        assert!(
            valid > 2_000 && invalid > 2_000,
            "{valid} valid, {invalid} invalid"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in "Set point é".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap().0, "Set point é");
        assert_eq!(decode(&be).unwrap().0, "Set point é");
    }

    #[test]
    fn invalid_utf8_is_windows_1252() {
        let (t, w) = decode(b"Mons\xe9e won \x93easily\x94").unwrap();
        assert_eq!(t, "Monsée won \u{201c}easily\u{201d}");
        assert_eq!(w, vec![WARN_1252.to_string()]);
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        let e = decode(png).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Binary);
        assert!(e.message.contains("PNG"), "{}", e.message);
        let e = decode(b"%PDF-1.7\n...").unwrap_err();
        assert!(e.message.contains("PDF"));
        let e = decode(b"\x1f\x8b\x08\x00").unwrap_err();
        assert!(e.message.contains("gzip"));
        let e = decode(b"some text\x00with a NUL").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Binary);
        assert!(e.message.contains("NUL"));
        let e = decode(b"\x01\x02\x03\x04\x05abc\x06\x07\x08").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Binary);
        assert!(e.message.contains("control"));
    }

    #[test]
    fn low_bytes_bound_the_control_bytes() {
        let mixed: Vec<u8> = (0..3000u32).map(|i| (i * 37 % 256) as u8).collect();
        for len in [0, 1, 63, 64, 65, 200, 1000, 3000] {
            let head = &mixed[..len];
            let expected = head.iter().filter(|&&b| b < 0x20 || b == 0x7f).count();
            assert_eq!(count_low(head), expected, "length {len}");
            assert!(count_low(head) >= count_controls(head));
        }
        // Many line feeds and tabs pass the bound's test only by the exact count; control bytes do not.
        assert!(check_binary("set\n\tpoint\r\n".repeat(300).as_bytes()).is_ok());
        let mut text = b"six games to love ".repeat(50);
        for i in (0..text.len()).step_by(9) {
            text[i] = 0x01;
        }
        let e = check_binary(&text).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Binary);
        assert!(
            e.message.contains("100 control bytes in the first 900"),
            "{}",
            e.message
        );
    }

    #[test]
    fn control_bytes_are_the_c0_set_but_layout_and_del() {
        for b in 0..=255u8 {
            let expected = (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f;
            assert_eq!(is_control(b), expected, "byte {b:#04x}");
        }
        let mixed: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 256) as u8).collect();
        for len in [0, 1, 63, 64, 65, 200, 1000] {
            let expected = mixed[..len].iter().filter(|&&b| is_control(b)).count();
            assert_eq!(count_controls(&mixed[..len]), expected, "length {len}");
        }
        // One control byte in ten is the limit: 10% passes, more is binary.
        let mut text = b"abcdefghi\x01".repeat(50);
        assert!(check_binary(&text).is_ok());
        text.push(0x02);
        assert_eq!(check_binary(&text).unwrap_err().kind, ErrorKind::Binary);
    }

    #[test]
    fn empty_and_whitespace() {
        assert_eq!(decode(b"").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(decode(b"  \r\n\t ").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(
            decode(b"\xef\xbb\xbf \n").unwrap_err().kind,
            ErrorKind::Empty
        );
        assert_eq!(decode(b"\xff\xfe").unwrap_err().kind, ErrorKind::Empty);
    }

    #[test]
    fn html_sniffing() {
        assert!(looks_like_html("<!DOCTYPE html><title>x</title>"));
        assert!(looks_like_html("\u{feff}  <HTML lang=en>"));
        assert!(looks_like_html("<p>First point.</p><p>Second.</p>"));
        assert!(looks_like_html("<div class=a>text</div>"));
        assert!(!looks_like_html("Nadal won 6-4 6-2 in Rome."));
        assert!(!looks_like_html("The score was 3 < 4 and 5 > 2."));
        assert!(!looks_like_html(""));
    }
}
