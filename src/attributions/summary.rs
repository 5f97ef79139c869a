//! The sources of one article, for the page: each distinct speaker with how often and how it speaks.

use super::{Attribution, SourceKind};
use serde::Serialize;

/// One distinct speaker of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceSummary {
    /// The resolved speaker ("Tomas Wirth", "DoD official"); sources without a name are left out.
    pub speaker: String,
    pub source_kind: SourceKind,
    pub anonymous: bool,
    /// Number of statements attributed to this speaker.
    pub statements: usize,
    pub direct: usize,
    pub indirect: usize,
    /// Indices into the article's attributions, in text order.
    pub attributions: Vec<usize>,
}

/// Groups the attributions of one article by speaker (case-insensitive), in order of first appearance.
pub fn summarize(attributions: &[Attribution]) -> Vec<SourceSummary> {
    let mut out: Vec<SourceSummary> = Vec::new();
    for (i, a) in attributions.iter().enumerate() {
        let Some(speaker) = a.speaker.as_deref() else { continue };
        let at = match out.iter().position(|s| s.speaker.eq_ignore_ascii_case(speaker)) {
            Some(at) => at,
            None => {
                out.push(SourceSummary {
                    speaker: speaker.to_string(),
                    source_kind: a.source_kind,
                    anonymous: a.anonymous,
                    statements: 0,
                    direct: 0,
                    indirect: 0,
                    attributions: Vec::new(),
                });
                out.len() - 1
            }
        };
        let s = &mut out[at];
        s.statements += 1;
        if a.direct {
            s.direct += 1;
        } else {
            s.indirect += 1;
        }
        s.anonymous |= a.anonymous;
        s.attributions.push(i);
    }
    out
}
