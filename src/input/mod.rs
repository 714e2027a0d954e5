//! Input stage: turning text, HTML and JSON into [`Document`]s.
//!
//! The core never does I/O; these functions take bytes or strings that the caller has read.

pub mod html;
pub mod json;
mod strip;
pub mod text;

/// One article to extract from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// Identifier of the input (a path, URL or id).
    pub source: Option<String>,
    /// The headline, when known.
    pub headline: Option<String>,
    /// Publication date as the input gives it.
    pub published: Option<String>,
    /// The article text. Evidence offsets point into this string.
    pub body: String,
    /// Non-fatal problems met while reading the input (carried into the article's `warnings`).
    pub warnings: Vec<String>,
}

impl Document {
    /// A document from plain text. A first line that reads as a title (short, no closing full stop) becomes
    /// the headline; the body is the whole text, so offsets into it are offsets into `text`.
    pub fn from_text(source: Option<String>, text: &str) -> Self {
        Document {
            source,
            headline: title_line(text).map(str::to_string),
            published: None,
            body: text.to_string(),
            warnings: Vec::new(),
        }
    }
}

/// The first non-empty line of `text` when it reads as a title: at most 200 bytes, not a URL, not ending with
/// sentence punctuation, and followed by a line break.
///
/// Byte searches on the line instead of `lines`, `trim`, `contains("://")` and `split_whitespace`: this runs
/// once per article, and on short items their set-up was a fixed cost. A line that holds wider characters
/// (which may be white space) or runs past the first 256 bytes goes to [`title_line_by_searches`], the plain
/// version (the test `title_line_as_searches` compares the two).
pub(crate) fn title_line(text: &str) -> Option<&str> {
    // The line starts at the first character that is not a byte-order mark or white space: the lines before
    // hold white space only.
    let rest = text.trim_start_matches('\u{feff}').trim_start();
    let bytes = rest.as_bytes();
    let head = &bytes[..bytes.len().min(256)];
    // `char::is_whitespace` in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
    let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let line = match memchr::memchr(b'\n', head) {
        Some(nl) => &head[..nl],
        None if head.len() == bytes.len() => head,
        // An ASCII character that is no white space past the 200th byte stays in the trimmed line.
        None if head[200..].iter().any(|b| b.is_ascii() && !space(b)) => return None,
        None => return title_line_by_searches(text),
    };
    if !line.is_ascii() {
        return title_line_by_searches(text);
    }
    let mut first = line;
    while let [init @ .., b] = first
        && space(b)
    {
        first = init;
    }
    // Not the whole text; no "://"; two words or more (white space inside the trimmed line: most often a
    // space).
    if first.len() == bytes.len()
        || first.len() > 200
        || first.starts_with(b"(")
        || first.ends_with(b".")
        || first.ends_with(b",")
        || first.ends_with(b";")
        || first.ends_with(b":")
        || memchr::memchr_iter(b':', first).any(|i| first[i + 1..].starts_with(b"//"))
        || (memchr::memchr(b' ', first).is_none() && !first.iter().any(space))
    {
        return None;
    }
    Some(&rest[..first.len()])
}

/// [`title_line`] with the standard library's searches: for lines that [`title_line`] does not take.
#[cold]
#[inline(never)]
fn title_line_by_searches(text: &str) -> Option<&str> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().find(|l| !l.trim().is_empty())?.trim();
    let rest_has_more = text.trim_start().len() > first.len();
    if !rest_has_more || first.len() > 200 || first.contains("://") || first.starts_with('(') {
        return None;
    }
    if first.ends_with(['.', ',', ';', ':']) || first.split_whitespace().count() < 2 {
        return None;
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::{title_line, title_line_by_searches};

    #[test]
    fn title_line_as_searches() {
        let long = "x".repeat(199);
        let half = "y".repeat(110);
        let pieces = [
            "Nadal beats Federer",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\u{b}",
            "\u{c}",
            "\u{feff}",
            "\u{a0}",
            "\u{2003}",
            "\u{2028}",
            "\u{85}",
            "é",
            "word",
            ".",
            ",",
            ";",
            ":",
            "://",
            ":/",
            "/",
            "(",
            ")",
            "a",
            long.as_str(),
            half.as_str(),
            "The final was played in Paris.",
        ];
        let mut texts = crate::recognise::random_texts(&pieces, 20_000, 6, 0x9e37_79b9_7f4a_7c15);
        texts.extend(crate::recognise::random_texts(&pieces, 5_000, 14, 7));
        texts.extend(crate::recognise::all_texts());
        for t in [
            "",
            " ",
            "\n",
            "a b",
            "a b\n",
            "a b \n",
            "a \u{a0}\nb",
            "\u{feff} a b\nc",
            "a\u{a0}b\nc",
        ] {
            texts.push(t.to_string());
        }
        let mut titles = 0;
        for text in &texts {
            let got = title_line(text);
            assert_eq!(got, title_line_by_searches(text), "{text:?}");
            titles += usize::from(got.is_some());
        }
        assert!(titles > 1_000, "{titles} titles");
    }
}
