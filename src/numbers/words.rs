//! English number words: "eight", "twenty-one", "two hundred and fifty", "1.5 million".

/// Alternation of the number words, for the extractor's regex (longest first where it matters).
pub const WORD_PATTERN: &str = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion";

fn unit_value(w: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    if let Some(i) = SMALL.iter().position(|&s| s == w) {
        return Some(i as f64);
    }
    TENS.iter().position(|&s| s == w).map(|i| (i as f64 + 2.0) * 10.0)
}

fn scale_value(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Parses a run of number words; `None` if any word is not a number word.
pub fn parse(s: &str) -> Option<f64> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut any = false;
    for w in s.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()) {
        let w = w.to_ascii_lowercase();
        if w == "and" {
            continue;
        }
        if let Some(v) = unit_value(&w) {
            current += v;
        } else if let Some(scale) = scale_value(&w) {
            let base = if current == 0.0 { 1.0 } else { current };
            if scale == 100.0 {
                current = base * 100.0;
            } else {
                total += base * scale;
                current = 0.0;
            }
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total + current)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn parses_compound_number_words() {
        assert_eq!(parse("twenty-one"), Some(21.0));
        assert_eq!(parse("two hundred and fifty"), Some(250.0));
        assert_eq!(parse("three million four hundred thousand"), Some(3_400_000.0));
        assert_eq!(parse("hundred"), Some(100.0));
        assert_eq!(parse("tanks"), None);
    }
}
