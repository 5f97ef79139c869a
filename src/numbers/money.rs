//! Currencies, read from `currencies.txt`: symbols and codes before the number ("$", "US$",
//! "EUR"), words and codes after it ("dollars", "euros", "USD").

use super::lexicon::{lines, Lexicon};
use super::tokens::Tokens;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Currency {
    pub code: &'static str,
    /// A multiplier the spelling carries ("MUSD" is millions of dollars).
    pub factor: f64,
}

impl Currency {
    /// Minor units ("cents", "pence"), counted in hundredths of the main unit.
    pub fn is_minor(&self) -> bool {
        matches!(self.code, "cent" | "penny")
    }
}

struct Tables {
    before: Lexicon<Currency>,
    after: Lexicon<Currency>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for [code, factor, pre, post] in lines(include_str!("currencies.txt")) {
            let c = Currency { code, factor: factor.parse().expect("currency factor") };
            let spellings =
                |s: &'static str| s.split('|').map(str::trim).filter(|s| !s.is_empty()).map(move |s| (s, c));
            before.extend(spellings(pre));
            after.extend(spellings(post));
        }
        Tables { before: Lexicon::new(before), after: Lexicon::new(after) }
    })
}

/// A currency written before a number and ending just before token `end`: its first token.
pub fn before(t: &Tokens, end: usize) -> Option<(Currency, usize)> {
    tables().before.before(t, end)
}

/// A currency symbol or code starting at token `i` ("$" in "$10-$20"): the index after it.
pub fn before_at(t: &Tokens, i: usize) -> Option<(Currency, usize)> {
    tables().before.at(t, i)
}

/// A currency written after a number, from token `i`: the index after it.
pub fn after(t: &Tokens, i: usize) -> Option<(Currency, usize)> {
    tables().after.at(t, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn toks(s: &str) -> Tokens<'_> {
        Tokens::new(s, Span::new(0, s.len()))
    }

    #[test]
    fn reads_symbols_and_codes_before_the_number() {
        let t = toks("US$ 150");
        assert_eq!(before(&t, 2).map(|(c, i)| (c.code, i)), Some(("USD", 0)));
        let t = toks("£5bn and €20,000");
        assert_eq!(before(&t, 1).map(|(c, _)| c.code), Some("GBP"));
        assert_eq!(before(&t, 5).map(|(c, _)| c.code), Some("EUR"));
    }

    #[test]
    fn reads_words_after_the_number() {
        let t = toks("323 million euros");
        assert_eq!(after(&t, 2).map(|(c, _)| c.code), Some("EUR"));
        let t = toks("125 million australian dollars");
        assert_eq!(after(&t, 2).map(|(c, i)| (c.code, i)), Some(("AUD", 4)));
    }
}
