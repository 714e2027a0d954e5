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
pub(crate) fn title_line(text: &str) -> Option<&str> {
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
