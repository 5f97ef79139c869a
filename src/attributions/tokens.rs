//! Words and punctuation of one paragraph, as byte spans, with whether each lies inside a quotation.

use crate::segment::QuoteRegion;
use crate::span::char_at;
use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// One punctuation character (quotation marks included).
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Inside a quoted passage, marks included.
    pub quoted: bool,
    /// A word whose first letter is upper case (worked out once: the stages ask often).
    pub capital: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }

    /// The word as written.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }

    /// Starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.capital
    }
}

/// Emoji and the characters that build them (joiners, variation selectors, skin tones, tags),
/// pictographic symbols and dingbats: read like white space, so "A port officer 🚢 said …" keeps
/// its source next to its cue instead of a punctuation token between them.
fn is_pictograph(c: char) -> bool {
    // Every range below starts at U+200D or later: most characters are out at the first test.
    c >= '\u{200D}'
        && matches!(c,
        '\u{200D}' | '\u{20E3}' | '\u{FE0E}' | '\u{FE0F}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2300}'..='\u{23FF}'
        // Not the ornamental quotation marks ❛❜❝❞❟❠ (275B–2760) and brackets ❨❩…❵ (2768–2775).
        | '\u{2600}'..='\u{275A}'
        | '\u{2761}'..='\u{2767}'
        | '\u{2776}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{1F000}'..='\u{1FAFF}'
        | '\u{E0020}'..='\u{E007F}')
}

fn is_word_char(c: char) -> bool {
    crate::span::is_alphanumeric(c)
}

/// Joiners kept inside a word when a letter or digit follows: "Al-Thawra", "didn’t", "U.S", "3.5".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | '_' | '/')
}

/// Tokens of `span` in `text`; `quotes` tells which lie inside quotation marks.
#[cfg(test)]
pub fn tokenize(text: &str, span: Span, quotes: &[QuoteRegion]) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(text, span, quotes, &mut out);
    out
}

/// [`tokenize`], appending to `all` (the tokens of a whole document, one paragraph after another).
pub fn tokenize_into(text: &str, span: Span, quotes: &[QuoteRegion], all: &mut Vec<Token>) {
    let s = span.text(text);
    let bytes = s.as_bytes();
    let first = all.len();
    // About one token in five bytes of news text.
    all.reserve(s.len() / 5 + 1);
    let out = all;
    let mut i = 0;
    while i < bytes.len() {
        // Most characters between words are single spaces.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        // ASCII is decided on the byte; other characters are decoded.
        let b = bytes[i];
        let (c, len, word) = if b.is_ascii() {
            if crate::span::is_ascii_alphanumeric_byte(b) {
                (char::from(b), 1, true)
            } else if b.is_ascii_whitespace() || b == 0x0B {
                i += 1;
                continue;
            } else {
                (char::from(b), 1, false)
            }
        } else {
            let (c, len) = char_at(s, i);
            if c.is_whitespace() || is_pictograph(c) {
                i += len;
                continue;
            }
            (c, len, is_word_char(c))
        };
        let start = span.start + i;
        if !word {
            out.push(Token {
                span: Span::new(start, start + len),
                kind: TokenKind::Punct(c),
                quoted: false,
                capital: false,
            });
            i += len;
            continue;
        }
        // `k` is the next character to read, `end` the end of the word so far.
        let mut k = i + len;
        let mut end = k;
        while k < bytes.len() {
            // A run of ASCII letters and digits: a table look-up a byte.
            let run = k;
            while k < bytes.len() && crate::span::is_ascii_alphanumeric_byte(bytes[k]) {
                k += 1;
            }
            if k > run {
                end = k;
                continue;
            }
            let b = bytes[k];
            // Most words end at an ASCII byte that is no joiner (a space, a comma): nothing to decode.
            if b < 0x80 && !matches!(b, b'-' | b'\'' | b'.' | b'&' | b'_' | b'/') {
                break;
            }
            let (d, dlen) = char_at(s, k);
            if is_word_char(d) {
                k += dlen;
                end = k;
            } else if is_joiner(d) && s[k + dlen..].chars().next().is_some_and(is_word_char) {
                k += dlen;
            } else if d == '.' && s[k + 1..].starts_with('-') && s[k + 2..].chars().next().is_some_and(is_word_char) {
                // "U.S.-led"
                k += 1;
            } else {
                break;
            }
        }
        // Dotted abbreviations keep their final full stop: "U.S.", "Sen.".
        let word = &s[i..end];
        if bytes.get(end) == Some(&b'.') && (word.contains('.') || is_title_abbreviation(word)) {
            end += 1;
            k = end;
        }
        out.push(Token {
            span: Span::new(start, span.start + end),
            kind: TokenKind::Word,
            quoted: false,
            capital: c.is_uppercase(),
        });
        i = k;
    }
    // The quotations come in text order: the first that ends after the paragraph's start is the
    // first its tokens can lie in, and most paragraphs have none (their tokens stay unquoted).
    let mut q = quotes.partition_point(|r| r.outer.end <= span.start);
    if quotes.get(q).is_none_or(|r| r.outer.start >= span.end) {
        return;
    }
    for t in &mut out[first..] {
        while q < quotes.len() && quotes[q].outer.end <= t.span.start {
            q += 1;
        }
        t.quoted = q < quotes.len() && quotes[q].outer.start <= t.span.start;
    }
}

fn is_title_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Lt"
            | "Col"
            | "Capt"
            | "Maj"
            | "Sgt"
            | "Adm"
            | "Prof"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn words(t: &str) -> Vec<(&str, bool)> {
        let seg = segment(t);
        tokenize(t, Span::new(0, t.len()), &seg.quotes).iter().map(|k| (k.text(t), k.quoted)).collect()
    }

    /// The tokenizer as it was before ASCII was decided on the byte at a token's start (quotes left out).
    /// (Native only, as the property test below: proptest is a native dev-dependency.)
    #[cfg(not(target_arch = "wasm32"))]
    fn tokenize_decoding(s: &str) -> Vec<Token> {
        // The Unicode tables themselves, not the tokenizer's helper.
        let is_word_char = |c: char| c.is_alphanumeric();
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let (c, len) = char_at(s, i);
            if c.is_whitespace() || is_pictograph(c) {
                i += len;
                continue;
            }
            if !is_word_char(c) {
                out.push(Token {
                    span: Span::new(i, i + len),
                    kind: TokenKind::Punct(c),
                    quoted: false,
                    capital: false,
                });
                i += len;
                continue;
            }
            let (mut k, mut end) = (i + len, i + len);
            while k < bytes.len() {
                let (d, dlen) = char_at(s, k);
                if is_word_char(d) {
                    k += dlen;
                    end = k;
                } else if is_joiner(d) && s[k + dlen..].chars().next().is_some_and(is_word_char) {
                    k += dlen;
                } else if d == '.' && s[k + 1..].starts_with('-') && s[k + 2..].chars().next().is_some_and(is_word_char)
                {
                    k += 1;
                } else {
                    break;
                }
            }
            let word = &s[i..end];
            if bytes.get(end) == Some(&b'.') && (word.contains('.') || is_title_abbreviation(word)) {
                end += 1;
                k = end;
            }
            out.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Word,
                quoted: false,
                capital: c.is_uppercase(),
            });
            i = k;
        }
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 5_000, ..Default::default() })]
        #[test]
        fn cuts_the_tokens_that_decoding_every_character_cuts(
            text in r"[ a-zA-Z0-9\t\n\x0B\x0C\r\x1C\x00,.'’\-&_/$%½€éÉßŒ東京😀🚀\u{200D}\u{FE0F}\u{2028}\u{A0}\u{3000}Ⓐ٣“”]{0,40}",
        ) {
            let with_abbreviations = format!("Sen. {text} U.S.-led Mr. {text}");
            for t in [text.as_str(), with_abbreviations.as_str()] {
                let mut fast = Vec::new();
                tokenize_into(t, Span::new(0, t.len()), &[], &mut fast);
                proptest::prop_assert_eq!(fast, tokenize_decoding(t));
            }
        }
    }

    #[test]
    fn keeps_abbreviations_and_hyphens_inside_words() {
        let w: Vec<_> = words("U.S. Sen. Al-Thawra didn’t go; the U.S.-led one.").into_iter().map(|x| x.0).collect();
        assert_eq!(w, ["U.S.", "Sen.", "Al-Thawra", "didn’t", "go", ";", "the", "U.S.-led", "one", "."]);
    }

    #[test]
    fn marks_words_that_begin_with_a_capital_in_any_script_and_never_a_mark() {
        let t = "Élan 🙂 said “Ça va” to 東京 and Ørsted.";
        let seg = segment(t);
        let capitals: Vec<&str> = tokenize(t, Span::new(0, t.len()), &seg.quotes)
            .iter()
            .filter(|k| k.is_capitalised())
            .map(|k| k.text(t))
            .collect();
        assert_eq!(capitals, ["Élan", "Ça", "Ørsted"]);
    }

    #[test]
    fn flags_words_inside_curly_quotes_with_emoji_and_accents() {
        // The emoji is read as white space (not a token), its bytes still counted in the offsets.
        let w = words("José 🙂 said “ça va” now");
        assert_eq!(
            w,
            [("José", false), ("said", false), ("“", true), ("ça", true), ("va", true), ("”", true), ("now", false)]
        );
    }
}
