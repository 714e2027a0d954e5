//! Drops what the page extractor never reads before the HTML parser sees it: the content of `<style>` elements
//! and of `<script>` elements that are not JSON (JSON-LD is read for the headline, date and body).
//!
//! On news pages these hold about half of the bytes, and the HTML parser tokenises raw text one character at a
//! time; the extractor skips both elements with their subtrees, so the parsed page is the same without them.
//!
//! The scan follows the HTML tokeniser closely enough to know where elements start: comments, start and end tags
//! with quoted attribute values, raw-text elements (`title`, `textarea`, `xmp`, `iframe`, `noembed`,
//! `noframes`, `noscript`) whose content is not markup, and SVG/MathML (foreign content, where `<style>` and
//! `<script>` are ordinary elements). Where it is unsure, it keeps the bytes: a script that holds `<!--` (whose
//! end the tokeniser finds by other rules), `<plaintext>`, a tag or comment left open at the end.

use std::borrow::Cow;

/// The page with the content of non-JSON `<script>` and of `<style>` elements removed (the tags stay).
pub(crate) fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes before `kept` are already in `out` (or, while `out` is `None`, unchanged so far).
    let mut kept = 0usize;
    let mut i = 0usize;
    // Depth of open `<svg>`/`<math>` elements: inside, nothing is stripped.
    let mut foreign = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            match comment_end(b, lt + 4) {
                Some(e) => i = e,
                None => break,
            }
            continue;
        }
        if foreign > 0 && rest.starts_with(b"![CDATA[") {
            match memchr::memmem::find(&b[lt..], b"]]>") {
                Some(e) => i = lt + e + 3,
                None => break,
            }
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?') => {
                // Doctype or bogus comment: to the next '>'.
                match memchr::memchr(b'>', rest) {
                    Some(e) => i = lt + 1 + e + 1,
                    None => break,
                }
            }
            Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let name_end = name_end(b, lt + 2);
                let Some((end, _)) = tag_end(b, name_end) else {
                    break;
                };
                let name = &b[lt + 2..name_end];
                if foreign > 0
                    && (name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math"))
                {
                    foreign -= 1;
                }
                i = end;
            }
            Some(b'/') => {
                // "</>" is dropped, "</ ..." is a bogus comment.
                match memchr::memchr(b'>', rest) {
                    Some(e) => i = lt + 1 + e + 1,
                    None => break,
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = name_end(b, lt + 1);
                let Some((end, self_closing)) = tag_end(b, name_end) else {
                    break;
                };
                let name = &b[lt + 1..name_end];
                i = end;
                let is = |n: &[u8]| name.eq_ignore_ascii_case(n);
                if is(b"svg") || is(b"math") {
                    if !self_closing {
                        foreign += 1;
                    }
                    continue;
                }
                if foreign > 0 {
                    continue;
                }
                if is(b"plaintext") {
                    break;
                }
                let raw = is(b"script")
                    || is(b"style")
                    || is(b"title")
                    || is(b"textarea")
                    || is(b"xmp")
                    || is(b"iframe")
                    || is(b"noembed")
                    || is(b"noframes")
                    || is(b"noscript");
                if !raw {
                    continue;
                }
                let Some(close) = raw_end(b, end, name) else {
                    break;
                };
                let content = &b[end..close];
                let strip = is(b"style")
                    || (is(b"script")
                        && !contains_ci(&b[lt..end], b"json")
                        && memchr::memmem::find(content, b"<!--").is_none());
                if strip && !content.is_empty() {
                    let o = out.get_or_insert_with(|| String::with_capacity(html.len() / 2));
                    o.push_str(&html[kept..end]);
                    kept = close;
                }
                i = close;
            }
            _ => i = lt + 1,
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[kept..]);
            Cow::Owned(o)
        }
    }
}

/// Where a comment whose text starts at `from` (just after `<!--`) ends, as the tokeniser reads it: `<!-->`,
/// `<!--->`, else the first `-->` or `--!>`.
fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    let rest = &b[from..];
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut k = from;
    while let Some(e) = memchr::memmem::find(&b[k..], b"--") {
        let at = k + e + 2;
        if b.get(at) == Some(&b'>') {
            return Some(at + 1);
        }
        if b[at..].starts_with(b"!>") {
            return Some(at + 2);
        }
        k = k + e + 1;
    }
    None
}

/// The end of a tag name starting at `from`: the first whitespace, `/` or `>`.
fn name_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        .map_or(b.len(), |e| from + e)
}

/// One past the `>` that ends a tag whose attributes start at `from`, skipping quoted attribute values, and
/// whether the tag is self-closing (`/>`).
fn tag_end(b: &[u8], from: usize) -> Option<(usize, bool)> {
    let space = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let mut k = from;
    loop {
        // Before an attribute name.
        let mut slash = false;
        while k < b.len() && (space(b[k]) || b[k] == b'/') {
            slash = b[k] == b'/';
            k += 1;
        }
        match b.get(k) {
            None => return None,
            Some(b'>') => return Some((k + 1, slash)),
            _ => {}
        }
        // The name: its first character may be anything (even '=').
        k += 1;
        while k < b.len() && !space(b[k]) && !matches!(b[k], b'/' | b'>' | b'=') {
            k += 1;
        }
        while k < b.len() && space(b[k]) {
            k += 1;
        }
        if b.get(k) != Some(&b'=') {
            continue;
        }
        k += 1;
        while k < b.len() && space(b[k]) {
            k += 1;
        }
        match b.get(k) {
            None => return None,
            Some(&q @ (b'"' | b'\'')) => {
                let e = memchr::memchr(q, &b[k + 1..])?;
                k = k + 1 + e + 1;
            }
            Some(b'>') => return Some((k + 1, false)),
            Some(_) => {
                while k < b.len() && !space(b[k]) && b[k] != b'>' {
                    k += 1;
                }
            }
        }
    }
}

/// Where the raw content of element `name` that starts at `from` ends: at `</name` followed by whitespace, `/`
/// or `>` (any case).
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut k = from;
    while let Some(e) = memchr::memmem::find(&b[k..], b"</") {
        let at = k + e;
        let n = at + 2;
        if b.len() > n + name.len()
            && b[n..n + name.len()].eq_ignore_ascii_case(name)
            && matches!(
                b[n + name.len()],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
            )
        {
            return Some(at);
        }
        k = at + 2;
    }
    None
}

/// Does `hay` contain `needle` (lowercase ASCII), ignoring ASCII case?
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::strip_raw_text;

    #[test]
    fn strips_scripts_and_styles_only() {
        let page = "<head><style>p{color:red}</style><script src=a.js>var a = 1 < 2;</script>\
                    <script type=\"application/ld+json\">{\"headline\":\"x\"}</script></head>\
                    <body><p>Text <b>here</b></p><SCRIPT>x()</SCRIPT ></body>";
        assert_eq!(
            strip_raw_text(page),
            "<head><style></style><script src=a.js></script>\
             <script type=\"application/ld+json\">{\"headline\":\"x\"}</script></head>\
             <body><p>Text <b>here</b></p><SCRIPT></SCRIPT ></body>"
        );
    }

    #[test]
    fn keeps_what_it_is_unsure_of() {
        for page in [
            // Script content that the tokeniser reads with its escape rules.
            "<script><!-- document.write('<script>x</script>') --></script><p>a</p>",
            // A script tag inside a comment, an attribute value, a raw-text element, SVG.
            "<!-- <script>x</script> --><p>a</p>",
            "<div title='<script>x</script>'>a</div>",
            "<textarea><script>x</script></textarea>",
            "<title><style>x</style></title>",
            "<svg><style>x</style><script>y</script></svg>",
            "<plaintext><script>x</script>",
            // Left open at the end.
            "<p>a</p><script>x",
            "<p>a</p><script src='x",
            "<!-- <style>x</style>",
        ] {
            assert_eq!(strip_raw_text(page), page, "{page}");
        }
    }

    #[test]
    fn comments_end_as_the_tokeniser_ends_them() {
        assert_eq!(
            strip_raw_text("<!--->a<style>x</style>"),
            "<!--->a<style></style>"
        );
        assert_eq!(
            strip_raw_text("<!--><script>x</script>"),
            "<!--><script></script>"
        );
        assert_eq!(
            strip_raw_text("<!-- a --!><style>x</style>"),
            "<!-- a --!><style></style>"
        );
        assert_eq!(
            strip_raw_text("<svg/><style>x</style>"),
            "<svg/><style></style>"
        );
        assert_eq!(
            strip_raw_text("<svg><g></g></svg><style>x</style>"),
            "<svg><g></g></svg><style></style>"
        );
        assert_eq!(
            strip_raw_text("<style>a</styles></style>"),
            "<style></style>"
        );
    }
}
