//! Units of measure, read from `units.txt`: canonical symbol, dimension and SI conversion.

use super::lexicon::{lines, Lexicon};
use super::tokens::Tokens;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    pub symbol: &'static str,
    pub dimension: &'static str,
    factor: f64,
    offset: f64,
}

impl Unit {
    /// The value in the SI unit of the dimension (m, m², m³, kg, m/s, K, s, bit).
    pub fn to_si(self, value: f64) -> f64 {
        (value + self.offset) * self.factor
    }

    pub fn is_time(self) -> bool {
        self.dimension == "time"
    }
}

fn table() -> &'static Lexicon<Unit> {
    static TABLE: OnceLock<Lexicon<Unit>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut phrases = Vec::new();
        for [symbol, dimension, factor, offset, spellings] in lines(include_str!("units.txt")) {
            let unit = Unit {
                symbol,
                dimension,
                factor: factor.parse().expect("unit factor"),
                offset: offset.parse().expect("unit offset"),
            };
            phrases.extend(spellings.split('|').map(|s| (s.trim(), unit)));
        }
        Lexicon::new(phrases)
    })
}

/// The unit spelt from token `i` on, and the index after it.
pub fn at(t: &Tokens, i: usize) -> Option<(Unit, usize)> {
    table().at(t, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn unit(s: &str) -> Option<&'static str> {
        let t = Tokens::new(s, Span::new(0, s.len()));
        at(&t, 0).map(|(u, _)| u.symbol)
    }

    #[test]
    fn reads_unit_spellings_to_canonical_symbols() {
        assert_eq!(unit("kilometres"), Some("km"));
        assert_eq!(unit("Miles"), Some("mi"));
        assert_eq!(unit("square kilometres"), Some("km2"));
        assert_eq!(unit("km/h"), Some("km/h"));
        assert_eq!(unit("°C"), Some("°C"));
        assert_eq!(unit("months"), Some("month"));
        assert_eq!(unit("tanks"), None);
    }

    #[test]
    fn converts_to_si() {
        let t = Tokens::new("17 miles", Span::new(0, 8));
        let (mi, _) = at(&t, 1).unwrap();
        assert!((mi.to_si(17.0) - 27358.848).abs() < 1e-6);
        let t = Tokens::new("°F", Span::new(0, "°F".len()));
        let (f, _) = at(&t, 0).unwrap();
        assert!((f.to_si(32.0) - 273.15).abs() < 1e-9);
    }
}
