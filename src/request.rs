//! The request the faces send: a cluster as JSON (a JSONL line of the CLI, the JS API's arguments).

use crate::{Date, Document, Options};
use serde::Deserialize;

/// One article as the faces send it.
#[derive(Debug, Clone, Deserialize)]
pub struct DocumentInput {
    #[serde(default)]
    pub name: Option<String>,
    pub text: String,
    /// This article's publication date (`YYYY-MM-DD`), when it differs from the cluster's.
    #[serde(default)]
    pub pub_date: Option<String>,
}

/// One cluster: `{"id", "documents": [{"name", "text", "pub_date"}], "pub_date"}` or the short form
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
                .map(|(i, d)| {
                    let name = d.name.unwrap_or_else(|| format!("document {}", i + 1));
                    let date = parse_date(d.pub_date.as_deref()).map_err(|e| format!("{name}: pub_date: {e}"))?;
                    Ok(Document::new(name, d.text).with_pub_date(date))
                })
                .collect::<Result<_, String>>()?,
            (None, Some(text)) => vec![Document::new("document 1", text)],
            (Some(_), Some(_)) => return Err("give either \"documents\" or \"text\", not both".into()),
            (None, None) => return Err("no \"documents\" and no \"text\": nothing to analyse".into()),
        };
        let pub_date = parse_date(self.pub_date.as_deref()).map_err(|e| format!("pub_date: {e}"))?;
        Ok((docs, Options { pub_date }))
    }
}

/// An optional `YYYY-MM-DD`; an empty string counts as none (a page's empty date field).
fn parse_date(s: Option<&str>) -> Result<Option<Date>, String> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => Date::parse_iso(s).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_document_may_carry_its_own_pub_date_and_the_cluster_date_is_the_fallback() {
        let req: ClusterRequest = serde_json::from_str(
            r#"{"documents": [{"name": "a", "text": "x", "pub_date": "2017-06-09"}, {"text": "y", "pub_date": ""}],
                "pub_date": "2017-06-10"}"#,
        )
        .unwrap();
        let (docs, options) = req.into_parts().unwrap();
        assert_eq!(docs[0].pub_date, Some(Date { year: 2017, month: 6, day: 9 }));
        assert_eq!(docs[1].pub_date, None);
        assert_eq!(options.pub_date, Some(Date { year: 2017, month: 6, day: 10 }));
    }

    #[test]
    fn a_bad_document_date_names_the_document() {
        let req: ClusterRequest =
            serde_json::from_str(r#"{"documents": [{"name": "wire", "text": "x", "pub_date": "2017-02-30"}]}"#)
                .unwrap();
        let err = req.into_parts().unwrap_err();
        assert!(err.starts_with("wire: pub_date:"), "{err}");
    }
}
