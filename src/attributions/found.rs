//! What the finders produce before speakers are resolved: token ranges of one document.

use crate::Span;

/// One attribution found in the text, its source not yet resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Token range of the source phrase.
    pub source: Option<(usize, usize)>,
    /// The source is the subject of an earlier attribution ("…, adding that …"): its index.
    pub shares_source_of: Option<usize>,
    /// Token range of the cue.
    pub cue: (usize, usize),
    pub content: Span,
    /// Token range of the listener or outlet in "told Reuters".
    pub medium: Option<(usize, usize)>,
    pub direct: bool,
}
