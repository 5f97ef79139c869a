//! Pasted and dropped text: splitting a paste into articles and reducing Markdown to its words.
//!
//! Written out rather than as regexes: the regex crate was a fifth of the page's module and compiled
//! its patterns on first use. Each function finds exactly what the regex it replaced found (the
//! patterns are in the tests, the oracles these functions are compared with on written and generated
//! text; plain string code, so the tests run natively: `lib.rs` builds this file for them).

/// Splits pasted text into articles on a line of `---` (or more dashes) or on two or more blank
/// lines in a row; one blank line is only a paragraph break. Empty parts are dropped.
pub fn split_articles(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut parts = Vec::new();
    let mut from = 0;
    for (start, end) in article_separators(&text) {
        parts.push(&text[from..start]);
        from = end;
    }
    parts.push(&text[from..]);
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
}

/// The separators between articles, leftmost first: a whole line of three or more dashes between
/// spaces or tabs (without its line break), or a line break followed by two or more lines of spaces
/// and tabs only (with their line breaks).
fn article_separators(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut p = 0;
    std::iter::from_fn(move || {
        while p < b.len() {
            let line_start = p == 0 || b[p - 1] == b'\n';
            let found = line_start.then(|| dash_line_end(b, p)).flatten().or_else(|| blank_lines_end(b, p));
            if let Some(end) = found {
                let start = p;
                p = end;
                return Some((start, end));
            }
            // Nothing else can start a separator before the next line break or line start.
            p = if b[p] == b'\n' { p + 1 } else { b[p..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| p + i) };
        }
        None
    })
}

fn blanks_end(b: &[u8], p: usize) -> usize {
    p + b[p..].iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

/// The end of the line at `p` if it is `[ \t]*-{3,}[ \t]*`.
fn dash_line_end(b: &[u8], p: usize) -> Option<usize> {
    let dashes = blanks_end(b, p);
    let after = dashes + b[dashes..].iter().take_while(|&&c| c == b'-').count();
    let end = blanks_end(b, after);
    (after - dashes >= 3 && b.get(end).is_none_or(|&c| c == b'\n')).then_some(end)
}

/// The end of the blank lines after the line break at `p`, if there are two or more.
fn blank_lines_end(b: &[u8], p: usize) -> Option<usize> {
    if b[p] != b'\n' {
        return None;
    }
    let (mut end, mut lines) = (p + 1, 0);
    loop {
        let blank = blanks_end(b, end);
        if b.get(blank) != Some(&b'\n') {
            break;
        }
        end = blank + 1;
        lines += 1;
    }
    (lines >= 2).then_some(end)
}

/// Markdown reduced to its words: headings, emphasis, code marks, links and images lose their marks.
pub fn markdown_to_text(md: &str) -> String {
    let md = md.replace("\r\n", "\n");
    let out = without_inline_marks(&without_line_marks(&md));
    out.lines().filter(|l| l.trim() != "---" && l.trim() != "***").collect::<Vec<_>>().join("\n").trim().to_string()
}

/// The text without the marks that start a line: a heading's `#` to `######` and the spaces after
/// them, a quote's `>` and one space, a list item's `-`, `*` or `+`, its spaces and a task box
/// (`[ ]`, `[x]`) with its spaces; any spaces or tabs before a mark go too.
fn without_line_marks(md: &str) -> String {
    let b = md.as_bytes();
    let mut out = String::with_capacity(md.len());
    let mut line = 0;
    while line < b.len() {
        let next_line = b[line..].iter().position(|&c| c == b'\n').map_or(b.len(), |i| line + i + 1);
        out.push_str(&md[line_mark_end(b, line).unwrap_or(line)..next_line]);
        line = next_line;
    }
    out
}

/// The end of the mark starting the line at `p`, if it has one.
fn line_mark_end(b: &[u8], p: usize) -> Option<usize> {
    let mark = blanks_end(b, p);
    let after_blanks = |q: usize| Some(blanks_end(b, q)).filter(|&end| end > q);
    match b.get(mark)? {
        b'#' => {
            let hashes = b[mark..].iter().take_while(|&&c| c == b'#').count();
            if hashes > 6 {
                return None;
            }
            after_blanks(mark + hashes)
        }
        b'>' => Some(mark + 1 + usize::from(matches!(b.get(mark + 1), Some(b' ' | b'\t')))),
        b'-' | b'*' | b'+' => {
            let end = after_blanks(mark + 1)?;
            let task_box = b.get(end) == Some(&b'[') && matches!(b.get(end + 1), Some(b' ' | b'x' | b'X'));
            let after_box = (task_box && b.get(end + 2) == Some(&b']')).then(|| after_blanks(end + 3)).flatten();
            Some(after_box.unwrap_or(end))
        }
        _ => None,
    }
}

/// The text with its inline marks replaced by the words inside them: `[words](url)` and
/// `![words](url)`, `**words**`, `__words__`, `*words*` (on one line) and `` `words` ``. Leftmost
/// first, the marks tried in that order at each position; marks do not nest.
fn without_inline_marks(md: &str) -> String {
    let b = md.as_bytes();
    let mut out = String::with_capacity(md.len());
    let mut next = NextOf::new(b);
    let (mut copied, mut p) = (0, 0);
    while p < b.len() {
        let found = match b[p] {
            b'!' | b'[' => next.link(p),
            b'*' => next.closed(p, b"**", b"*").or_else(|| next.closed(p, b"*", b"*\n")),
            b'_' => next.closed(p, b"__", b"_"),
            b'`' => next.code(p),
            _ => None,
        };
        match found {
            Some((words, end)) => {
                out.push_str(&md[copied..p]);
                out.push_str(&md[words.0..words.1]);
                (copied, p) = (end, end);
            }
            None => p += 1,
        }
    }
    out.push_str(&md[copied..]);
    out
}

/// Where the next of some bytes is, for the inline marks; each search is remembered while the
/// positions asked for move forward, so that a text full of unclosed marks is read once per kind of
/// closing mark, not once per opening one.
struct NextOf<'a> {
    b: &'a [u8],
    /// Per set of closing bytes: (searched from, found at or `b.len()`).
    found: Vec<(&'static [u8], usize, usize)>,
}

impl<'a> NextOf<'a> {
    fn new(b: &'a [u8]) -> Self {
        NextOf { b, found: Vec::new() }
    }

    /// The first of `bytes` at or after `from`.
    fn of(&mut self, bytes: &'static [u8], from: usize) -> Option<usize> {
        let b = self.b;
        let search = || b[from.min(b.len())..].iter().position(|c| bytes.contains(c)).map_or(b.len(), |i| from + i);
        let at = match self.found.iter_mut().find(|(kind, _, _)| *kind == bytes) {
            Some((_, searched, at)) if *searched <= from && from <= *at => *at,
            Some((_, searched, at)) => {
                (*searched, *at) = (from, search());
                *at
            }
            None => {
                let at = search();
                self.found.push((bytes, from, at));
                at
            }
        };
        (at < b.len()).then_some(at)
    }

    /// `[words](url)` or `![words](url)` at `p`: the words up to the first "]", then "(", then
    /// anything up to the first ")".
    fn link(&mut self, p: usize) -> Option<((usize, usize), usize)> {
        let open = if self.b[p] == b'!' { p + 1 } else { p };
        if self.b.get(open) != Some(&b'[') {
            return None;
        }
        let close = self.of(b"]", open + 1)?;
        if self.b.get(close + 1) != Some(&b'(') {
            return None;
        }
        let end = self.of(b")", close + 2)?;
        Some(((open + 1, close), end + 1))
    }

    /// `mark`, one or more bytes up to the first of `stops`, which must be where `mark` is again.
    fn closed(&mut self, p: usize, mark: &[u8], stops: &'static [u8]) -> Option<((usize, usize), usize)> {
        let words = p + mark.len();
        if !self.b[p..].starts_with(mark) || self.b.get(words).is_some_and(|c| stops.contains(c)) {
            return None;
        }
        let close = self.of(stops, words)?;
        (close > words && self.b[close..].starts_with(mark)).then_some(((words, close), close + mark.len()))
    }

    /// `` `words` `` at `p` (the words may be empty).
    fn code(&mut self, p: usize) -> Option<((usize, usize), usize)> {
        let close = self.of(b"`", p + 1)?;
        Some(((p + 1, close), close + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_a_dash_line_between_blanks_and_on_two_blank_lines() {
        let parts = split_articles("Zoë.\n \t---- \nTwo “x”.\n\n \n\t\nThree 東京.\n\nStill three.\r\n---\r\nFour.");
        assert_eq!(parts, ["Zoë.", "Two “x”.", "Three 東京.\n\nStill three.", "Four."]);
    }

    #[test]
    fn removes_marks_and_keeps_their_words() {
        let md = "## Café 😀\n> “Quoted”\n  * [x] done *now*\n###### six\n####### seven\n\
                  ![alt é](img.png) __under__ **bold** `` x\n+ item";
        assert_eq!(markdown_to_text(md), "Café 😀\n“Quoted”\ndone now\nsix\n####### seven\nalt é under bold  x\nitem");
    }

    /// The regexes these functions replaced, the oracles of the tests (native only: regex and
    /// proptest are native dev-dependencies).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_the_regexes {
        use super::*;
        use proptest::prelude::*;
        use std::sync::LazyLock;

        static SEPARATOR: LazyLock<regex::Regex> =
            LazyLock::new(|| regex::Regex::new(r"(?m)^[ \t]*-{3,}[ \t]*$|\n[ \t]*\n(?:[ \t]*\n)+").unwrap());
        static LINE_MARKS: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?:\[[ xX]\][ \t]+)?)").unwrap()
        });
        static INLINE: LazyLock<regex::Regex> = LazyLock::new(|| {
            regex::Regex::new(r"!?\[([^\]]*)\]\([^)]*\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\n]+)\*|`([^`]*)`").unwrap()
        });

        fn separators_by_regex(text: &str) -> Vec<(usize, usize)> {
            SEPARATOR.find_iter(text).map(|m| (m.start(), m.end())).collect()
        }

        fn line_marks_by_regex(md: &str) -> String {
            LINE_MARKS.replace_all(md, "").into_owned()
        }

        fn inline_marks_by_regex(md: &str) -> String {
            INLINE
                .replace_all(md, |c: &regex::Captures| {
                    (1..=5).find_map(|i| c.get(i)).map(|m| m.as_str().to_string()).unwrap_or_default()
                })
                .into_owned()
        }

        fn assert_same(text: &str) {
            assert_eq!(article_separators(text).collect::<Vec<_>>(), separators_by_regex(text), "{text:?}");
            assert_eq!(without_line_marks(text), line_marks_by_regex(text), "{text:?}");
            assert_eq!(without_inline_marks(text), inline_marks_by_regex(text), "{text:?}");
        }

        #[test]
        fn finds_what_the_regexes_found_on_written_text() {
            for text in [
                "",
                "---",
                "--",
                "a\n---\nb\n \t--- \t\nc\n----x\n",
                "a\n\nb\n\n\nc\n \n\t\n \nd\n\n",
                "\n\n\n---\n\n\n",
                "# a\n####### b\n###### c\n#d\n  > e\n>f\n- [x] g\n* [ ]h\n+  [X]  i\n-j\n- [y] k\n",
                "[a](b) ![c](d) [e] (f) [g](h [i](j)k) **l** **m* __n__ _o_ *p\nq* *r* `s` `` `t",
                "**** ** *a**b* [](x) [a]( `\n` \n*\n* é*东京* [😀](“x”)",
            ] {
                assert_same(text);
            }
        }

        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop::sample::select(vec![
                    "-", "---", "#", "##", ">", "*", "**", "+", "_", "__", "`", "[", "]", "(", ")", "!", "[x]", "[ ]",
                    "\n", "\n\n", " ", "\t", "x", "X", "a", "é", "“", "東京", "👍🏽",
                ]),
                0..24,
            )
            .prop_map(|pieces| pieces.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]
            #[test]
            fn finds_what_the_regexes_found_on_generated_text(text in text()) {
                prop_assert_eq!(article_separators(&text).collect::<Vec<_>>(), separators_by_regex(&text), "{:?}", text);
                prop_assert_eq!(without_line_marks(&text), line_marks_by_regex(&text), "{:?}", text);
                prop_assert_eq!(without_inline_marks(&text), inline_marks_by_regex(&text), "{:?}", text);
            }
        }
    }
}
