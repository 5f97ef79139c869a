//! Flattens the analysis into findings: one highlighted span each, with the class that colours it
//! and what the card should explain.

use super::model::Output;

/// What a highlight is; each has its own colour, legend entry and toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    Number,
    Date,
    Source,
    Cue,
    Content,
    Contradiction,
    Corroboration,
}

/// A set of classes (the hidden ones), a bit each: iterated in the order of [`Class::ALL`], as the
/// `BTreeSet` it replaces was (no B-tree code in the page's wasm, BENCHMARKS.md "Size (session 6)").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClassSet(u8);

impl ClassSet {
    pub fn contains(&self, class: &Class) -> bool {
        self.0 & (1 << *class as u8) != 0
    }

    pub fn insert(&mut self, class: Class) {
        self.0 |= 1 << class as u8;
    }

    pub fn remove(&mut self, class: &Class) {
        self.0 &= !(1 << *class as u8);
    }

    pub fn iter(&self) -> impl Iterator<Item = Class> + '_ {
        Class::ALL.into_iter().filter(|c| self.contains(c))
    }
}

impl FromIterator<Class> for ClassSet {
    fn from_iter<I: IntoIterator<Item = Class>>(classes: I) -> Self {
        let mut set = ClassSet::default();
        classes.into_iter().for_each(|c| set.insert(c));
        set
    }
}

impl Class {
    pub const ALL: [Class; 7] = [
        Class::Number,
        Class::Date,
        Class::Source,
        Class::Cue,
        Class::Content,
        Class::Contradiction,
        Class::Corroboration,
    ];

    /// Used in CSS names (`::highlight(cl-number)`, `.cl-number`) and in storage.
    pub fn key(self) -> &'static str {
        match self {
            Class::Number => "number",
            Class::Date => "date",
            Class::Source => "source",
            Class::Cue => "cue",
            Class::Content => "content",
            Class::Contradiction => "contradiction",
            Class::Corroboration => "corroboration",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Class::Number => "Numbers",
            Class::Date => "Dates & times",
            Class::Source => "Sources",
            Class::Cue => "Speech cues",
            Class::Content => "Quoted content",
            Class::Contradiction => "Contradictions",
            Class::Corroboration => "Corroborations",
        }
    }

    pub fn from_key(key: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn highlight_name(self) -> String {
        format!("cl-{}", self.key())
    }

    /// Later layers paint over earlier ones where spans overlap.
    pub fn priority(self) -> i32 {
        match self {
            Class::Content => 0,
            Class::Cue => 1,
            Class::Source => 2,
            Class::Number => 3,
            Class::Date => 3,
            Class::Corroboration => 4,
            Class::Contradiction => 5,
        }
    }
}

/// Where a finding comes from in the output, so the card can explain it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// `documents[doc].numbers[index]`
    Number(usize),
    /// `documents[doc].attributions[index]`
    Attribution(usize),
    /// `contradictions[index]`, `side_b` false for `a`.
    Contradiction { index: usize, side_b: bool },
    /// `corroborations[index].claims[claim]`
    Corroboration { index: usize, claim: usize },
}

/// One highlighted span in one document, offsets in the output's unit (UTF-16 on the page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub class: Class,
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub detail: Detail,
}

impl Finding {
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

/// Every finding of the cluster, sorted by document, then position.
pub fn collect(out: &Output) -> Vec<Finding> {
    let mut all = Vec::new();
    for (doc, d) in out.documents.iter().enumerate() {
        for (i, n) in d.numbers.iter().enumerate() {
            // Dates, times and spans of time ("before 9:30 a.m.") resolve to ISO strings.
            let temporal = matches!(n.kind.as_str(), "date" | "time")
                || (n.kind == "range" && matches!(n.value, Some(super::model::Value::Text(_))));
            let class = if temporal { Class::Date } else { Class::Number };
            all.push(Finding { class, doc, start: n.start, end: n.end, detail: Detail::Number(i) });
        }
        for (i, a) in d.attributions.iter().enumerate() {
            let detail = Detail::Attribution(i);
            if let Some(s) = &a.source {
                all.push(Finding { class: Class::Source, doc, start: s.start, end: s.end, detail });
            }
            all.push(Finding { class: Class::Cue, doc, start: a.cue.start, end: a.cue.end, detail });
            all.push(Finding { class: Class::Content, doc, start: a.content.start, end: a.content.end, detail });
        }
    }
    for (index, c) in out.contradictions.iter().enumerate() {
        for (side_b, s) in [(false, &c.a), (true, &c.b)] {
            let detail = Detail::Contradiction { index, side_b };
            all.push(Finding { class: Class::Contradiction, doc: s.doc, start: s.start, end: s.end, detail });
        }
    }
    for (index, c) in out.corroborations.iter().enumerate() {
        for (claim, s) in c.claims.iter().enumerate() {
            let detail = Detail::Corroboration { index, claim };
            all.push(Finding { class: Class::Corroboration, doc: s.doc, start: s.start, end: s.end, detail });
        }
    }
    all.retain(|f| f.end > f.start);
    crate::sort::by_key(&mut all, |f| (f.doc, f.start, f.end, f.class));
    all
}

/// The findings under an offset of a document, narrowest first, one per source of detail
/// (an attribution's source, cue and content make one card section, not three).
pub fn at(findings: &[Finding], doc: usize, offset: usize, shown: impl Fn(Class) -> bool) -> Vec<Finding> {
    let mut hits: Vec<Finding> =
        findings.iter().filter(|f| f.doc == doc && f.contains(offset) && shown(f.class)).copied().collect();
    crate::sort::by_key(&mut hits, |f| (f.end - f.start, f.class));
    let mut seen = Vec::new();
    hits.retain(|f| {
        let key = match f.detail {
            Detail::Attribution(i) => Some(i),
            _ => None,
        };
        match key {
            Some(i) if seen.contains(&i) => false,
            Some(i) => {
                seen.push(i);
                true
            }
            None => true,
        }
    });
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn class_set_keeps_and_lists_classes_in_their_order() {
        let mut set: ClassSet = [Class::Corroboration, Class::Number, Class::Cue].into_iter().collect();
        set.insert(Class::Number);
        set.remove(&Class::Cue);
        set.remove(&Class::Date);
        assert!(set.contains(&Class::Number) && set.contains(&Class::Corroboration) && !set.contains(&Class::Cue));
        assert_eq!(set.iter().collect::<Vec<_>>(), [Class::Number, Class::Corroboration]);
        let all: ClassSet = Class::ALL.into_iter().collect();
        assert_eq!(all.iter().collect::<Vec<_>>(), Class::ALL);
    }
}
