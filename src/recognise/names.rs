//! Person-name candidates. Corpus: `tests/corpus/names.jsonl`.

use super::Span;

/// A capitalised name candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameMention {
    pub span: Span,
}

/// Every name candidate in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<NameMention> {
    let _ = text;
    Vec::new()
}

/// Corpus view: span and the name.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| {
            (
                m.span.start,
                m.span.end,
                text[m.span.start..m.span.end].to_string(),
            )
        })
        .collect()
}
