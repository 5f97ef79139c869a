//! The request the faces send: a cluster as JSON (a JSONL line of the CLI, the JS API's arguments).

use crate::{Date, Document, Options};
use serde::Deserialize;

/// One article as the faces send it.
#[derive(Debug, Clone, Deserialize)]
pub struct DocumentInput {
    #[serde(default)]
    pub name: Option<String>,
    pub text: String,
}

/// One cluster: `{"id", "documents": [{"name", "text"}], "pub_date"}` or the short form
/// `{"id", "text"}` for a single article.
#[derive(Debug, Clone, Deserialize)]
pub struct ClusterRequest {
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    #[serde(default)]
    pub documents: Option<Vec<DocumentInput>>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub pub_date: Option<String>,
}

impl ClusterRequest {
    /// The documents and options, or a message saying what is wrong with the request.
    pub fn into_parts(self) -> Result<(Vec<Document>, Options), String> {
        let docs: Vec<Document> = match (self.documents, self.text) {
            (Some(docs), None) => docs
                .into_iter()
                .enumerate()
                .map(|(i, d)| Document::new(d.name.unwrap_or_else(|| format!("document {}", i + 1)), d.text))
                .collect(),
            (None, Some(text)) => vec![Document::new("document 1", text)],
            (Some(_), Some(_)) => return Err("give either \"documents\" or \"text\", not both".into()),
            (None, None) => return Err("no \"documents\" and no \"text\": nothing to analyse".into()),
        };
        let pub_date = match self.pub_date.as_deref() {
            None | Some("") => None,
            Some(s) => Some(Date::parse_iso(s).map_err(|e| format!("pub_date: {e}"))?),
        };
        Ok((docs, Options { pub_date }))
    }
}
