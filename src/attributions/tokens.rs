//! Words and punctuation of one paragraph, as byte spans, with whether each lies inside a quotation.

use crate::segment::QuoteRegion;
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
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.is_word() && self.text(text).chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Joiners kept inside a word when a letter or digit follows: "Al-Thawra", "didn’t", "U.S", "3.5".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | '_' | '/')
}

/// Tokens of `span` in `text`; `quotes` tells which lie inside quotation marks.
pub fn tokenize(text: &str, span: Span, quotes: &[QuoteRegion]) -> Vec<Token> {
    let mut out = Vec::new();
    let s = span.text(text);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = span.start + i;
        if !is_word_char(c) {
            out.push(Token { span: Span::new(start, start + c.len_utf8()), kind: TokenKind::Punct(c), quoted: false });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if is_joiner(d) && s[j + d.len_utf8()..].chars().next().is_some_and(is_word_char) {
                chars.next();
            } else if d == '.' && s[j + 1..].starts_with('-') && s[j + 2..].chars().next().is_some_and(is_word_char) {
                // "U.S.-led"
                chars.next();
            } else {
                break;
            }
        }
        // Dotted abbreviations keep their final full stop: "U.S.", "Sen.".
        let word = &s[i..end];
        if s[end..].starts_with('.') && (word.contains('.') || is_title_abbreviation(word)) {
            end += 1;
            chars.next();
        }
        out.push(Token { span: Span::new(start, span.start + end), kind: TokenKind::Word, quoted: false });
    }
    let mut q = 0;
    for t in &mut out {
        while q < quotes.len() && quotes[q].outer.end <= t.span.start {
            q += 1;
        }
        t.quoted = q < quotes.len() && quotes[q].outer.start <= t.span.start;
    }
    out
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

    #[test]
    fn keeps_abbreviations_and_hyphens_inside_words() {
        let w: Vec<_> = words("U.S. Sen. Al-Thawra didn’t go; the U.S.-led one.").into_iter().map(|x| x.0).collect();
        assert_eq!(w, ["U.S.", "Sen.", "Al-Thawra", "didn’t", "go", ";", "the", "U.S.-led", "one", "."]);
    }

    #[test]
    fn flags_words_inside_curly_quotes_with_emoji_and_accents() {
        let w = words("José 🙂 said “ça va” now");
        assert_eq!(
            w,
            [
                ("José", false),
                ("🙂", false),
                ("said", false),
                ("“", true),
                ("ça", true),
                ("va", true),
                ("”", true),
                ("now", false)
            ]
        );
    }
}
