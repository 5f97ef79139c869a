//! URLs, e-mail addresses, phone numbers, version and serial numbers and clock times: nothing in
//! them is a quantity, so the number scanner skips their tokens.
//!
//! Written out by hand rather than as a regex: the six patterns the product used cost about a fifth
//! of the page's module (the regex crate) and a compilation on the page's first analysis, and this
//! scan runs over every sentence. The matcher gives exactly the matches of the regex it replaced
//! ([`NOT_QUANTITIES`] in the tests, the oracle it is compared with on written and generated text):
//! leftmost-first, like a backtracking engine, over the sentence alone.

use super::tokens::{TokKind, Tokens};
use crate::Span;

/// The spans of `sentence` (a span of `text`) that hold no quantity, in text order, without overlaps.
pub fn not_quantities(text: &str, sentence: Span) -> impl Iterator<Item = Span> + '_ {
    let start = sentence.start;
    Matches::new(sentence.text(text)).map(move |(a, b)| Span::new(start + a, start + b))
}

/// Whether `sentence` can hold a match at all, read on its tokens `t` (the numbers stage's): every
/// alternative but a URL and an e-mail address needs an ASCII digit, a URL needs "://" or "www."
/// (in any case) and an address "@". The scan passes over most sentences on this. The tokens
/// already cut each "@", ":" and "." as a mark of its own (and digits as digit runs), so one pass
/// over them answers, without reading the sentence's bytes again.
pub fn may_match(t: &Tokens, sentence: Span) -> bool {
    let b = &t.text.as_bytes()[sentence.range()];
    t.toks.iter().any(|tok| match tok.kind {
        TokKind::Digits => true,
        TokKind::Word => false,
        TokKind::Symbol => {
            let at = tok.span.start - sentence.start;
            match b[at] {
                b'@' => true,
                b':' => b[at + 1..].starts_with(b"//"),
                b'.' => at >= 3 && b[at - 3..at].eq_ignore_ascii_case(b"www"),
                _ => false,
            }
        }
    })
}

/// The matches in one haystack (a sentence), as byte ranges. The alternatives, tried in this order
/// at each position, the first that matches winning (as the regex's alternation did):
///
/// 1. a URL: `http://`, `https://` or `www.` (any case) after an ASCII word boundary, then the
///    run of non-white-space characters;
/// 2. an e-mail address: a run of neither white space nor "@", "@", such a run again, ".", then
///    two or more ASCII letters;
/// 3. a phone or serial number: an optional "+", an optional "(", digits, an optional ")", then two
///    or more groups of "-", "." or "/" and digits ("+1-222-333-4444", "2017/04/07");
/// 4. "(555) 123-4567";
/// 5. a version after a word boundary: "v" (any case), digits, then one or more "." and digits;
/// 6. a clock time after a word boundary: one or two digits, ":", two digits;
/// 7. an hour after a word boundary: one or two digits, an optional ":" and two digits, an optional
///    white space character, then "am"/"pm" ending a word or "a.m."/"p.m." (any case).
///
/// Word boundaries are ASCII (`[0-9A-Za-z_]` against anything else); white space is Unicode's.
struct Matches<'a> {
    text: &'a str,
    pos: usize,
    /// The first e-mail address at or after some earlier `pos` (none: `None`), once looked for.
    /// Where an address starts does not depend on where the search started (it looks back at
    /// nothing), so it stays right until `pos` passes its start.
    email: Option<Option<(usize, usize)>>,
}

impl<'a> Matches<'a> {
    fn new(text: &'a str) -> Self {
        Matches { text, pos: 0, email: None }
    }

    /// The first e-mail address starting at or after `from`.
    fn email_from(&mut self, from: usize) -> Option<(usize, usize)> {
        match self.email {
            Some(Some((start, end))) if start >= from => return Some((start, end)),
            Some(None) => return None,
            _ => {}
        }
        let found = first_email(self.text, from);
        self.email = Some(found);
        found
    }
}

impl Iterator for Matches<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        let email = self.email_from(self.pos);
        // Before an address starts, the other alternatives only; at its start, a URL comes first.
        let before = email.map_or(b.len(), |(start, _)| start);
        let mut p = self.pos;
        // `position` over the slice: no bounds test per byte, and the compiler unrolls it.
        while let Some(skipped) = b[p.min(before)..before].iter().position(|&c| CAN_START[usize::from(c)]) {
            p += skipped;
            let (found, next) = match b[p] {
                b'0'..=b'9' => {
                    let run = digits_end(b, p);
                    let found = serial(b, p).or_else(|| {
                        let boundary = word_boundary_before(b, p);
                        boundary.then(|| clock_time(b, p).or_else(|| hour(self.text, p))).flatten()
                    });
                    // Later digits of the run start nothing new: no word boundary, the same serial.
                    (found, run)
                }
                b'+' => (serial(b, p), p + 1),
                b'(' => (serial(b, p).or_else(|| us_phone(self.text, p)), p + 1),
                // A letter inside a word starts nothing.
                _ if !word_boundary_before(b, p) => (None, p + 1),
                b'h' | b'H' | b'w' | b'W' => (url(self.text, p), p + 1),
                _ => (version(b, p), p + 1),
            };
            if let Some(end) = found {
                self.pos = end;
                return Some((p, end));
            }
            p = next;
        }
        let (start, end) = email?;
        let end = url(self.text, start).unwrap_or(end);
        self.pos = end;
        Some((start, end))
    }
}

/// The bytes that can start a match other than an e-mail address: digits, "+", "(", and the first
/// letters of "http", "www" and "v2.1" (the rest, and a word boundary before them, checked there).
static CAN_START: [bool; 256] = {
    let mut can = [false; 256];
    let starts = b"0123456789+(hHwWvV";
    let mut i = 0;
    while i < starts.len() {
        can[starts[i] as usize] = true;
        i += 1;
    }
    can
};

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// An ASCII word boundary before the word byte at `p`.
fn word_boundary_before(b: &[u8], p: usize) -> bool {
    p == 0 || !is_word_byte(b[p - 1])
}

/// The end of the run of ASCII digits starting at `p` (`p` itself if there is none).
fn digits_end(b: &[u8], p: usize) -> usize {
    p + b[p.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The end of the run of characters that are not white space (and, with `stop_at`, not that
/// character) starting at `p`.
fn run_end(text: &str, p: usize, stop_at: Option<char>) -> usize {
    text[p..].find(|c: char| c.is_whitespace() || Some(c) == stop_at).map_or(text.len(), |i| p + i)
}

/// Alternative 1: a URL at `p`.
fn url(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Most words starting with "h" or "w" are not URLs: one byte tells.
    if !matches!(b.get(p + 1), Some(b't' | b'T' | b'w' | b'W')) || !word_boundary_before(b, p) {
        return None;
    }
    let starts = |prefix: &[u8]| b.len() - p >= prefix.len() && b[p..p + prefix.len()].eq_ignore_ascii_case(prefix);
    let after = [&b"http://"[..], b"https://", b"www."].into_iter().find(|prefix| starts(prefix))?.len() + p;
    let end = run_end(text, after, None);
    (end > after).then_some(end)
}

/// Alternative 2: the first e-mail address starting at or after `from`.
fn first_email(text: &str, from: usize) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut lo = from;
    loop {
        let at = lo + memchr::memchr(b'@', &b[lo..])?;
        // The local part starts after the last white space before the "@" (no "@" lies between).
        let start = text[lo..at].rfind(char::is_whitespace).map_or(lo, |i| {
            let ws = text[lo + i..].chars().next().map_or(1, char::len_utf8);
            lo + i + ws
        });
        if start < at {
            if let Some(end) = email_domain_end(text, at) {
                return Some((start, end));
            }
        }
        lo = at + 1;
    }
}

/// The end of an address whose "@" is at `at`: the domain is a run of neither white space nor "@";
/// the last "." in it followed by two ASCII letters (with at least one character before it) ends
/// the run's part, and the letters after it end the match.
fn email_domain_end(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let run_end = run_end(text, at + 1, Some('@'));
    let letters = |i: usize| b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
    (at + 2..run_end).rev().find(|&dot| b[dot] == b'.' && letters(dot + 1) >= 2).map(|dot| dot + 1 + letters(dot + 1))
}

/// Alternative 3: a phone, serial or slash-date number at `p`.
fn serial(b: &[u8], p: usize) -> Option<usize> {
    let mut q = p;
    if b[q] == b'+' {
        q += 1;
    }
    if b.get(q) == Some(&b'(') {
        q += 1;
    }
    let digits = digits_end(b, q);
    if digits == q {
        return None;
    }
    q = digits;
    if b.get(q) == Some(&b')') {
        q += 1;
    }
    let mut groups = 0;
    while matches!(b.get(q), Some(b'-' | b'.' | b'/')) {
        let digits = digits_end(b, q + 1);
        if digits == q + 1 {
            break;
        }
        q = digits;
        groups += 1;
    }
    (groups >= 2).then_some(q)
}

/// Alternative 4: "(555) 123-4567" at `p` (white space of any length between the parts).
fn us_phone(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    let digit_run = |from: usize, n: usize| b.len() >= from + n && b[from..from + n].iter().all(u8::is_ascii_digit);
    if !(digit_run(p + 1, 3) && b.get(p + 4) == Some(&b')')) {
        return None;
    }
    let q = p + 5 + text[p + 5..].find(|c: char| !c.is_whitespace()).unwrap_or(text.len() - p - 5);
    (digit_run(q, 3) && b.get(q + 3) == Some(&b'-') && digit_run(q + 4, 4)).then_some(q + 8)
}

/// Alternative 5: "v2.1.3" at `p` (a word boundary before it checked by the caller).
fn version(b: &[u8], p: usize) -> Option<usize> {
    let mut q = digits_end(b, p + 1);
    if q == p + 1 {
        return None;
    }
    let mut groups = 0;
    while b.get(q) == Some(&b'.') {
        let digits = digits_end(b, q + 1);
        if digits == q + 1 {
            break;
        }
        q = digits;
        groups += 1;
    }
    (groups >= 1).then_some(q)
}

/// The end of one or two digits at `p` and the ":" and two digits after them, if they are there.
/// Three digits or more never start one: the backtracking regex found a digit where it wanted ":".
fn hour_and_minutes(b: &[u8], p: usize) -> Option<(usize, Option<usize>)> {
    let hour_end = digits_end(b, p);
    if !(1..=2).contains(&(hour_end - p)) {
        return None;
    }
    let minutes = b.get(hour_end) == Some(&b':') && digits_end(b, hour_end + 1) >= hour_end + 3;
    Some((hour_end, minutes.then_some(hour_end + 3)))
}

/// Alternative 6: a clock time "16:30" at `p` (a word boundary before it checked by the caller).
fn clock_time(b: &[u8], p: usize) -> Option<usize> {
    hour_and_minutes(b, p)?.1
}

/// Alternative 7: "4 pm", "11:30a.m." at `p` (a word boundary before it checked by the caller).
fn hour(text: &str, p: usize) -> Option<usize> {
    let b = text.as_bytes();
    let (hour_end, minutes_end) = hour_and_minutes(b, p)?;
    // A ":" that does not start two digits leaves the regex nothing to match ("4:3 pm").
    let mut q = match minutes_end {
        Some(end) => end,
        None if b.get(hour_end) == Some(&b':') => return None,
        None => hour_end,
    };
    if let Some(space) = text[q..].chars().next().filter(|c| c.is_whitespace()) {
        q += space.len_utf8();
    }
    let at = |i: usize| b.get(q + i).map(u8::to_ascii_lowercase);
    if !matches!(at(0), Some(b'a' | b'p')) {
        return None;
    }
    if at(1) == Some(b'm') && !at(2).is_some_and(is_word_byte) {
        Some(q + 2)
    } else if at(1) == Some(b'.') && at(2) == Some(b'm') && at(3) == Some(b'.') {
        Some(q + 4)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(t: &str) -> Vec<&str> {
        not_quantities(t, Span::new(0, t.len())).map(|s| s.text(t)).collect()
    }

    #[test]
    fn blocks_urls_phones_versions_and_clock_times_in_multibyte_text() {
        let t = "Café ☕ call +1-222-333-4444, see www.example.com/2017 at 16:30 — v2.1.3";
        assert_eq!(blocked(t), ["+1-222-333-4444", "www.example.com/2017", "16:30", "v2.1.3"]);
    }

    #[test]
    fn blocks_e_mail_addresses_after_non_ascii_text() {
        let t = "Schreiben Sie an presse@hafen.example.org — “ask Zoë” at ops.desk@东京.example.jp.";
        assert_eq!(blocked(t), ["presse@hafen.example.org", "ops.desk@东京.example.jp"]);
    }

    #[test]
    fn offsets_count_from_the_start_of_the_text_not_the_sentence() {
        let t = "Zoë said “no”. Call (555) 123-4567 at 4 p.m.";
        let sentence = Span::new(t.find("Call").unwrap(), t.len());
        let spans: Vec<Span> = not_quantities(t, sentence).collect();
        let texts: Vec<&str> = spans.iter().map(|s| s.text(t)).collect();
        assert_eq!(texts, ["(555) 123-4567", "4 p.m."]);
        assert_eq!(spans[0].start, t.find('(').unwrap());
    }

    #[test]
    fn a_word_boundary_at_the_sentence_start_counts_even_after_a_letter_before_it() {
        // The regex looked at the sentence alone: its start is a boundary.
        let t = "x4 pm";
        assert_eq!(not_quantities(t, Span::new(1, t.len())).map(|s| s.text(t)).collect::<Vec<_>>(), ["4 pm"]);
        assert!(blocked(t).is_empty());
    }

    /// The regex this module replaced, the oracle of the tests (native only: the regex crate is a
    /// dev-dependency).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_the_regex {
        use super::*;
        use proptest::prelude::*;

        const NOT_QUANTITIES: &str = concat!(
            r"(?-u:\b)(?i-u:https?://|www\.)\S+",
            r"|[^\s@]+@[^\s@]+\.(?i-u:[a-z]{2,})",
            r"|\+?\(?[0-9]+\)?(?:[-./][0-9]+){2,}",
            r"|\([0-9]{3}\)\s*[0-9]{3}-[0-9]{4}",
            r"|(?-u:\b)(?i-u:v)[0-9]+(?:\.[0-9]+)+",
            r"|(?-u:\b)[0-9]{1,2}:[0-9]{2}",
            r"|(?-u:\b)[0-9]{1,2}(?::[0-9]{2})?\s?(?i-u:[ap]m\b|[ap]\.m\.)",
        );

        fn regex_spans(t: &str) -> Vec<(usize, usize)> {
            static RE: std::sync::LazyLock<regex::Regex> =
                std::sync::LazyLock::new(|| regex::Regex::new(NOT_QUANTITIES).unwrap());
            RE.find_iter(t).map(|m| (m.start(), m.end())).collect()
        }

        fn spans(t: &str) -> Vec<(usize, usize)> {
            Matches::new(t).collect()
        }

        #[test]
        fn matches_as_the_regex_does_on_written_cases() {
            for t in [
                "",
                "59 missiles at 4:40 a.m. on 7/4/2017",
                "call (555) 123-4567 or (555)123-4567 or (555)  123-45678",
                "+1 (555) 123-4567 and +(44)20-7946-0958 and +44",
                "(12)-3-4 (123)-45-6 (1)",
                "v2.1.3 V10.0 v2. xv2.1 _v1.2 é v3.4 v.1.2",
                "16:30 116:30 1:3 1:300 a1:30 12:30pm 12:30 pm 1 PM 1pm. 1 pmx 1 p.m. 1 p.m 1\u{a0}a.m. 1\u{3000}am",
                "4:3 pm 44 am 444 am 4  am 4:30\tA.M. 4:30\n am",
                "http://a.b https://x https:// http://  www.x.org Www. wwwx.org awww.x hTTps://é.fr/路",
                "a@b.co a@b.c @b.com a@@b.com a@b.co.uk. x.y@z.museum1 a@b.c.de..fg a@.co",
                "mail jo@x.org, 555-123-4567@b.com, 1.2.3@4.5.ab “q”@é.fr",
                "a@b a@b.c9d.ef a b@c d@e.fg",
                "1.2.3 1-2 1-2-3 1/2/3/ 12.5% 3.14.15 0.5.",
                "x1-2-3 _1-2-3 ★12:30 ✓4 pm 東京12:30 3pm_ 3pm-",
                "https://t.co/x@y.com www.a@b.cd 1@2.ab",
            ] {
                assert_eq!(spans(t), regex_spans(t), "{t:?}");
            }
        }

        /// Pieces that reach every alternative and the edges between them, with multi-byte text.
        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop::sample::select(vec![
                    "1", "2", "12", "345", "0", ":", ".", "-", "/", "@", "(", ")", "+", "a", "m", "p", "v", "V", "h",
                    "w", "x", "E", "co", "org", "_", " ", "  ", "\t", "\n", "\u{a0}", "http://", "https://", "www.",
                    "WWW.", "a.m.", "P.M.", "pm", "AM", "“", "”", "é", "Zoë", "☕", "👍🏽", "東京", "₂", "٣",
                ]),
                0..24,
            )
            .prop_map(|pieces| pieces.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]
            #[test]
            fn matches_as_the_regex_does_on_generated_text(t in text()) {
                prop_assert_eq!(spans(&t), regex_spans(&t), "{:?}", t);
            }

            #[test]
            fn a_sentence_ruled_out_holds_no_match(t in text()) {
                if !may_match_text(&t) {
                    prop_assert!(regex_spans(&t).is_empty(), "{:?}", t);
                }
            }

            #[test]
            fn rules_out_on_the_tokens_what_a_search_of_the_bytes_rules_out(t in text(), lead in text()) {
                // The sentence after other text: positions count from the sentence's start.
                let text = format!("{lead}{t}");
                let sentence = Span::new(lead.len(), text.len());
                let tokens = Tokens::new(&text, sentence);
                prop_assert_eq!(may_match(&tokens, sentence), may_match_by_search(&t), "{:?}", text);
            }
        }

        fn may_match_text(t: &str) -> bool {
            may_match(&Tokens::new(t, Span::new(0, t.len())), Span::new(0, t.len()))
        }

        /// [`may_match`] as a search of the sentence's bytes for "@", ":" and "." (as it was before
        /// it read the tokens).
        fn may_match_by_search(t: &str) -> bool {
            let b = t.as_bytes();
            b.iter().any(u8::is_ascii_digit)
                || memchr::memchr3_iter(b'@', b':', b'.', b).any(|at| match b[at] {
                    b'@' => true,
                    b':' => b[at + 1..].starts_with(b"//"),
                    _ => at >= 3 && b[at - 3..at].eq_ignore_ascii_case(b"www"),
                })
        }

        #[test]
        fn rules_out_only_sentences_without_digits_links_or_addresses() {
            for t in ["Zoë went to 東京 “today”.", "Whatever they said, http:/x ww w. at: wwwx", "wwW", "😀 l’été."]
            {
                assert!(!may_match_text(t), "{t:?}");
            }
            for t in ["see éhttp://x.fr", "WWW.x.org", "HtTpS://é", "a@b.co", "at www.", "nothing 1", "東京2020"] {
                assert!(may_match_text(t), "{t:?}");
            }
        }
    }
}
