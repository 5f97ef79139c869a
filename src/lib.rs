//! ClaimLens: finds the numbers, the attributions and the contradictions in news articles.
//!
//! Data flows one way, one module (folder) per stage:
//!
//! ```text
//! text ─► segment ─► numbers ──────┐
//!                 └► attributions ─┴► claims ─► findings (contradictions, corroborations) ─► output
//! ```
//!
//! Every stage works in **byte offsets** into the document text ([`Span`]). Only [`output`]
//! converts them, to the unit the consumer asks for (code points for the CLI, UTF-16 code
//! units for JavaScript).
//!
//! The core is pure Rust: no browser types, so it is tested and benchmarked natively. The faces
//! (CLI, wasm bindings, page) call [`analyze`] and [`output`] (`write_json`, `render`) and nothing else.

pub mod attributions;
pub mod claims;
pub mod decimal;
pub mod numbers;
pub mod output;
pub mod request;
pub mod segment;
pub mod sort;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod source_code;
mod span;
/// The page's paste handling (`src/web/paste.rs`, wasm32 only) is plain string code: built here for
/// its native tests against the regexes it replaced (regex and proptest are native dev-dependencies).
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "web/paste.rs"]
mod web_paste;
mod word_map;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use span::Span;

/// One article of a cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What the reader calls it: a file name or a pane title.
    pub name: String,
    pub text: String,
    /// This article's own publication date; when `None`, the cluster's ([`Options::pub_date`]).
    pub pub_date: Option<Date>,
}

impl Document {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Document { name: name.into(), text: text.into(), pub_date: None }
    }

    /// The same article with its own publication date.
    pub fn with_pub_date(mut self, pub_date: Option<Date>) -> Self {
        self.pub_date = pub_date;
        self
    }
}

/// A calendar date, used as the publication date that relative dates ("last month") resolve against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking that the day exists in that month.
    pub fn parse_iso(s: &str) -> Result<Date, String> {
        let bad = || format!("not a date of the form YYYY-MM-DD: {s:?}");
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next().ok_or_else(bad)?, parts.next().ok_or_else(bad)?, parts.next().ok_or_else(bad)?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        let day: u32 = d.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(format!("no such day: {s:?}"));
        }
        Ok(Date { year, month, day })
    }
}

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// How the analysis should run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Publication date of the articles: relative dates ("yesterday", "last month") resolve against it.
    pub pub_date: Option<Date>,
}

/// What one document holds, in byte offsets.
#[derive(Debug, Clone, Default)]
pub struct DocumentAnalysis {
    pub segments: segment::Segments,
    pub numbers: Vec<numbers::Quantity>,
    pub attributions: Vec<attributions::Attribution>,
}

/// The result for a whole cluster, in byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub documents: Vec<DocumentAnalysis>,
    pub claims: Vec<claims::Claim>,
    pub contradictions: Vec<claims::Contradiction>,
    pub corroborations: Vec<claims::Corroboration>,
}

/// Analyses a cluster of articles about one event.
pub fn analyze(docs: &[Document], options: &Options) -> Analysis {
    let documents: Vec<DocumentAnalysis> = docs
        .iter()
        .map(|doc| {
            let segments = segment::segment(&doc.text);
            // Relative dates resolve against the article's own date, else the cluster's.
            let doc_options = Options { pub_date: doc.pub_date.or(options.pub_date) };
            // Both stages compare words in lower case at their own spans: one copy serves them.
            let lower = doc.text.to_ascii_lowercase();
            let numbers = numbers::extract_lowered(&doc.text, &lower, &segments, &doc_options);
            let attributions = attributions::extract_lowered(&doc.text, &lower, &segments);
            DocumentAnalysis { segments, numbers, attributions }
        })
        .collect();
    let (claims, findings) = claims::build_and_compare(docs, &documents);
    Analysis { documents, claims, contradictions: findings.contradictions, corroborations: findings.corroborations }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_dates_resolve_against_each_articles_own_pub_date() {
        let date = |s: &str| Date::parse_iso(s).ok();
        let docs = [
            Document::new("a", "The vote was held yesterday.").with_pub_date(date("2017-06-09")),
            Document::new("b", "The vote was held yesterday."),
        ];
        let analysis = analyze(&docs, &Options { pub_date: date("2017-06-20") });
        let value = |d: usize| {
            analysis.documents[d].numbers.iter().find(|q| q.kind == numbers::Kind::Date).and_then(|q| q.value.clone())
        };
        assert_eq!(value(0), Some(numbers::Value::Text("2017-06-08".into())));
        assert_eq!(value(1), Some(numbers::Value::Text("2017-06-19".into())));
    }
}
