//! # sportext
//!
//! Turns sports news articles into typed, verifiable records: who beat whom, the score, the round, the
//! tournament, rankings, seeds and the players, each fact with the exact span of text that supports it.
//!
//! The pipeline runs one way: input (text, HTML, JSON) -> normalise (with a map back to source offsets) ->
//! segment -> recognise (mentions: evidence) -> resolve (records: conclusions) -> output.
//!
//! Build one [`Extractor`] (every pattern is compiled once) and call it from as many threads as you like:
//!
//! ```
//! use sportext::Extractor;
//!
//! let ex = Extractor::new();
//! let article = ex.extract("Jannik Sinner beat Carlos Alcaraz 7-6 (7-4) 6-4 in the final of the Paris Masters.");
//! assert_eq!(article.sport.as_deref(), Some("tennis"));
//! let m = &article.matches[0];
//! assert_eq!(m.score.as_ref().unwrap().text, "7-6(4) 6-4");
//! assert_eq!(m.round.as_deref(), Some("F"));
//! // Every fact points back at the text that supports it.
//! let text = "Jannik Sinner beat Carlos Alcaraz 7-6 (7-4) 6-4 in the final of the Paris Masters.";
//! assert_eq!(&text[m.evidence.start..m.evidence.end], m.evidence.text);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod blocks;
mod error;
pub mod eval;
pub mod input;
mod lexicon;
mod model;
mod normalise;
mod output;
mod recognise;
mod resolve;
mod segment;

pub use error::{Error, ErrorKind};
pub use input::Document;
pub use model::*;

/// The extractor: compiled patterns and lexicons, built once and shared.
///
/// `Extractor` is `Send + Sync`; one instance serves any number of threads.
#[derive(Debug)]
pub struct Extractor {
    _private: (),
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// Builds an extractor, compiling every pattern once (about 0.1 s). Called inside a rayon thread pool of
    /// several threads, the patterns compile on two of them; otherwise on the calling thread alone.
    pub fn new() -> Self {
        recognise::warm_up();
        Extractor { _private: () }
    }

    /// Extracts the facts of one article given as plain text. A first line that reads as a title becomes the
    /// headline. Evidence offsets are byte offsets into `text`. A text longer than 4 GiB (`u32::MAX` bytes)
    /// is not read: its article has no facts and says so in `warnings`.
    pub fn extract(&self, text: &str) -> Article {
        // As `extract_document(&Document::from_text(None, text))`, without copying the text.
        resolve::extract_parts(
            resolve::Parts {
                source: None,
                headline: input::title_line(text),
                published: None,
                warnings: &[],
            },
            text,
        )
    }

    /// Extracts the facts of a document (source id, headline, publication date, body). Evidence offsets are
    /// byte offsets into `doc.body`. A body longer than 4 GiB is not read, as in [`Extractor::extract`].
    pub fn extract_document(&self, doc: &Document) -> Article {
        resolve::extract(doc)
    }

    /// Extracts many documents: the same articles as [`Extractor::extract_document`] on each, in order.
    ///
    /// Faster than one call per document when there are many small ones (news articles of a few KB): each
    /// stage runs over several articles in turn while its code is in the processor's instruction cache, instead
    /// of every article fetching the code of every stage again. Each article still has its own buffers, so the
    /// results never depend on which documents are extracted together.
    pub fn extract_batch(&self, docs: &[Document]) -> Vec<Article> {
        let parts: Vec<_> = docs.iter().map(resolve::parts).collect();
        let mut out = Vec::with_capacity(docs.len());
        resolve::extract_all(&parts, &mut |a| out.push(a));
        out
    }
}

/// With the `stage-timing` feature: the time each stage took on this thread since the last call, summed
/// over the articles, in order of first use (a profile by the clock: `cargo run --release --features
/// stage-timing --example prof -- DIR REPS batch` prints it). Not part of the stable API.
#[cfg(feature = "stage-timing")]
#[doc(hidden)]
pub fn stage_times() -> Vec<(&'static str, std::time::Duration)> {
    resolve::timing::take()
}

#[cfg(test)]
mod tests {
    use super::*;
    fn assert_send_sync<T: Send + Sync>() {}
    #[test]
    fn extractor_is_send_sync() {
        assert_send_sync::<Extractor>();
    }
}
