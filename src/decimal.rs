//! Floats written as text exactly as `format!("{v}")` and `format!("{v:.N}")` write them, without
//! core's float formatting (`flt2dec`: its code and tables were 45 KB of the page's wasm,
//! BENCHMARKS.md, "Size (session 6)"). The shortest digits come from `zmij`, which the output's
//! JSON numbers use already; fixed decimals are computed exactly from the float's bits, rounding
//! the exact binary value half to even, as core does.

/// `v` as `format!("{v}")` writes it: the shortest digits that read back as `v`, never with an
/// exponent ("27", "0.0000001", "-0", "NaN", "inf").
pub fn shortest(v: f64) -> String {
    if !v.is_finite() {
        return non_finite(v).into();
    }
    let mut buffer = zmij::Buffer::new();
    // zmij writes "27.0", "0.001", "1e-7", "1.5e+20": its digits and where the point goes.
    let text = buffer.format_finite(v.abs());
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits_all = format!("{int_part}{frac_part}");
    let leading_zeros = digits_all.len() - digits_all.trim_start_matches('0').len();
    let digits = digits_all.trim_start_matches('0').trim_end_matches('0');
    // The value is 0.DIGITS × 10^point.
    let point = int_part.len() as i32 + exponent - leading_zeros as i32;
    let bumped;
    let digits = if is_lower_of_even_tie(v, point - digits.len() as i32) {
        bumped = round_up_last(digits);
        bumped.as_str()
    } else {
        digits
    };
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    if digits.is_empty() {
        out.push('0');
        return out;
    }
    if point <= 0 {
        out.push_str("0.");
        push_zeros(&mut out, (-point) as usize);
        out.push_str(digits);
    } else if point as usize >= digits.len() {
        out.push_str(digits);
        push_zeros(&mut out, point as usize - digits.len());
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

/// `v` as `format!("{v:.decimals$}")` writes it: the exact binary value rounded half to even to
/// `decimals` places ("0.2" for 0.25 to one place, "-0.0" for -0.01).
pub fn fixed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return non_finite(v).into();
    }
    let (mantissa, exponent) = parts(v);
    let mut digits = if exponent >= 0 {
        // An integer: its digits, then the decimals' zeros.
        let mut digits = integer_digits(mantissa, exponent as u32);
        push_zeros(&mut digits, decimals);
        digits
    } else {
        let scaled = rounded_scaled(mantissa, (-exponent) as u32, decimals);
        scaled.to_string()
    };
    // At least one digit before the point.
    if digits.len() <= decimals {
        let mut padded = String::new();
        push_zeros(&mut padded, decimals + 1 - digits.len());
        padded.push_str(&digits);
        digits = padded;
    }
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    let point = digits.len() - decimals;
    out.push_str(&digits[..point]);
    if decimals > 0 {
        out.push('.');
        out.push_str(&digits[point..]);
    }
    out
}

/// Whether `v` lies exactly halfway between two numbers with their last digit at 10^position and
/// the lower one is even: zmij then gives the lower (half to even), core the upper.
fn is_lower_of_even_tie(v: f64, position: i32) -> bool {
    let (mantissa, exponent) = parts(v);
    if mantissa == 0 {
        return false;
    }
    let zeros = mantissa.trailing_zeros() as i32;
    // v / 10^position = odd / 2 needs 2^(zeros + exponent - position) = 1/2 and, for a positive
    // position, 5^position dividing the mantissa.
    if zeros + exponent + 1 != position {
        return false;
    }
    if position > 0 && (position > 22 || mantissa % 5u64.pow(position as u32) != 0) {
        return false;
    }
    // odd = 2 × lower + 1 ≡ the mantissa's odd part (mod 4), as 5 ≡ 1 (mod 4): lower is even when it is 1.
    (mantissa >> zeros) % 4 == 1
}

/// The digits plus one in the last place (the last digit of an even number is never 9).
fn round_up_last(digits: &str) -> String {
    let mut bytes = digits.as_bytes().to_vec();
    if let Some(last) = bytes.last_mut() {
        *last += 1;
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// |v| = mantissa × 2^exponent.
fn parts(v: f64) -> (u64, i32) {
    let bits = v.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

fn non_finite(v: f64) -> &'static str {
    if v.is_nan() {
        "NaN"
    } else if v > 0.0 {
        "inf"
    } else {
        "-inf"
    }
}

fn push_zeros(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n('0', n));
}

/// mantissa × 10^decimals / 2^shift, rounded half to even (mantissa < 2^53, decimals ≤ 19, so the
/// product fits in 117 bits).
fn rounded_scaled(mantissa: u64, shift: u32, decimals: usize) -> u128 {
    assert!(decimals <= 19, "decimal::fixed: at most 19 decimals");
    let scaled = mantissa as u128 * 10u128.pow(decimals as u32);
    if shift >= 128 {
        return 0; // below 2^-11 of a unit in the last place: less than half
    }
    let quotient = scaled >> shift;
    let remainder = scaled & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if remainder > half || (remainder == half && quotient & 1 == 1) {
        quotient + 1
    } else {
        quotient
    }
}

/// The decimal digits of mantissa × 2^exponent, in base-10^9 limbs (least significant first).
fn integer_digits(mantissa: u64, mut exponent: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![mantissa % BASE, mantissa / BASE % BASE, mantissa / BASE / BASE];
    while exponent > 0 {
        let step = exponent.min(32);
        exponent -= step;
        let mut carry = 0u64;
        for limb in &mut limbs {
            let product = (*limb << step) + carry; // < 10^9 × 2^32 + carry: fits in 64 bits
            *limb = product % BASE;
            carry = product / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        let text = limb.to_string();
        if i > 0 {
            push_zeros(&mut out, 9 - text.len());
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn bit_patterns(seed: u64, n: usize) -> impl Iterator<Item = u64> {
        let mut x = seed;
        (0..n).map(move |_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
    }

    fn edge_values() -> Vec<f64> {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.25,
            0.35,
            0.05,
            0.15,
            -0.01,
            -0.04,
            9.95,
            99.5,
            0.95,
            0.1,
            0.2,
            0.3,
            1e-7,
            1e-5,
            123456.0,
            1e15,
            1e16,
            1e21,
            1e22,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            2f64.powi(53),
            2f64.powi(53) + 2.0,
            2f64.powi(64),
            2f64.powi(75),
            2f64.powi(76) + 2f64.powi(30),
            std::f64::consts::PI,
            1.0 / 3.0,
            2.0 / 3.0,
            f64::NAN,
            -f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for k in -30..30 {
            values.push(10f64.powi(k));
            values.push(-(10f64.powi(k)) * 3.0);
            values.push(10f64.powi(k) * 0.5);
            values.push(10f64.powi(k) * 1.25);
        }
        // Halves and quarters: exact ties at 0, 1 and 2 decimals.
        for n in -400..400 {
            values.push(n as f64 / 8.0);
            values.push(n as f64 * 0.005);
            values.push(n as f64 * 0.05);
        }
        values
    }

    fn check(v: f64) {
        assert_eq!(shortest(v), format!("{v}"), "shortest of {v:e} ({:#x})", v.to_bits());
        for decimals in 0..=4 {
            assert_eq!(fixed(v, decimals), format!("{v:.decimals$}"), "{decimals} decimals of {v:e}");
        }
    }

    #[test]
    fn writes_edge_values_as_format_does() {
        for v in edge_values() {
            check(v);
        }
    }

    #[test]
    fn writes_random_bit_patterns_as_format_does() {
        for bits in bit_patterns(0x9e37_79b9_7f4a_7c15, 40_000) {
            check(f64::from_bits(bits));
        }
    }

    #[test]
    fn writes_everyday_values_as_format_does() {
        // Values the page shows: times in ms, percentages, megabytes, ratios of small counts.
        for bits in bit_patterns(42, 20_000) {
            let v = (bits % 10_000_000) as f64 / 1000.0;
            check(v);
            check(-v);
            check(v / 7.0);
            check((bits % 1000) as f64 / ((bits >> 20) % 999 + 1) as f64);
        }
    }

    #[test]
    fn writes_the_date_grammars_repeat_counts_as_format_does() {
        // "every 2.75 weeks": a count with decimals times a unit's multiple, as `grammar.rs` computes it.
        for v in [0u32, 1, 2, 3, 12, 99, 1000, 65_535, 4_294_967_295] {
            for (frac, flen) in [(0u32, 1), (5, 1), (25, 2), (75, 2), (333, 3), (1, 9), (999_999_999, 9), (123, 7)] {
                for times in [1u32, 2, 3, 6, 7, 10, 12, 24, 100, 1000] {
                    let n = f64::from(v) + f64::from(frac) / 10f64.powi(flen);
                    check(n * f64::from(times));
                    check(0.5 * f64::from(times));
                }
            }
        }
    }

    #[test]
    fn writes_integral_values_of_every_magnitude_as_format_does() {
        for exponent in 0..=1023u64 {
            for bits in bit_patterns(exponent + 1, 20) {
                let v = f64::from_bits(((exponent + 1023) << 52) | (bits >> 12));
                check(v);
            }
        }
    }
}
