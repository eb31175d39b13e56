//! Money as integer fen (分; 1 yuan = 100 fen). Never floating point: 0.1 + 0.2 yuan must be
//! exactly 0.3 yuan on a subsidy statement.

use std::fmt;
use std::ops::{Add, AddAssign, Sub};

use serde::{Deserialize, Serialize};

use crate::core::Locale;

/// An amount of money in fen. May be negative only in differences (gains and losses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fen(pub i64);

/// Why a yuan amount could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Not a decimal number.
    NotANumber(String),
    /// More than two decimal places: finer than a fen.
    TooPrecise(String),
    /// Beyond any meal price or subsidy (more than 1,000,000 yuan).
    OutOfRange(String),
}

impl MoneyError {
    /// The message in `locale`.
    ///
    /// ```
    /// use zhucan::core::money::Fen;
    /// use zhucan::core::Locale;
    /// let e = Fen::parse_yuan("1.005").unwrap_err();
    /// assert_eq!(e.message(Locale::ZhCn), "1.005 的小数超过两位（最小单位是 0.01 元）");
    /// assert_eq!(e.message(Locale::En), "1.005 has more than two decimal places (the smallest unit is 0.01 yuan)");
    /// ```
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            MoneyError::NotANumber(found) => (w.not_a_number)(found),
            MoneyError::TooPrecise(text) => (w.too_precise)(text),
            MoneyError::OutOfRange(text) => (w.out_of_range)(text),
        }
    }
}

/// The English message.
impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for MoneyError {}

/// What an amount that cannot be read is called, in one language.
pub struct MoneyWords {
    /// Not a decimal number (the text found).
    pub not_a_number: fn(&str) -> String,
    /// Finer than a fen (the text).
    pub too_precise: fn(&str) -> String,
    /// Over a million yuan (the text).
    pub out_of_range: fn(&str) -> String,
}

/// Simplified Chinese.
pub const ZH_CN: MoneyWords = MoneyWords {
    not_a_number: |found| format!("应为以元为单位的金额，例如 12 或 10.5，而不是“{found}”"),
    too_precise: |text| format!("{text} 的小数超过两位（最小单位是 0.01 元）"),
    out_of_range: |text| format!("{text} 元超出了范围"),
};

/// English.
pub const EN: MoneyWords = MoneyWords {
    not_a_number: |found| format!("expected an amount in yuan such as 12 or 10.5, found {found:?}"),
    too_precise: |text| format!("{text} has more than two decimal places (the smallest unit is 0.01 yuan)"),
    out_of_range: |text| format!("{text} yuan is out of range"),
};

/// The money messages in `locale`.
pub fn words(locale: Locale) -> &'static MoneyWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// The largest amount a policy figure or price may have: one million yuan, in fen.
pub const MAX_FEN: i64 = 100_000_000;

impl Fen {
    /// Zero.
    pub const ZERO: Fen = Fen(0);

    /// Whole yuan.
    pub const fn yuan(y: i64) -> Fen {
        Fen(y * 100)
    }

    /// Reads a decimal yuan amount exactly: `"12"`, `"10.5"`, `"0.05"`, `"-3"`.
    ///
    /// ```
    /// use zhucan::core::money::Fen;
    /// assert_eq!(Fen::parse_yuan("10.5"), Ok(Fen(1050)));
    /// assert!(Fen::parse_yuan("1.005").is_err());
    /// ```
    pub fn parse_yuan(text: &str) -> Result<Fen, MoneyError> {
        let t = text.trim();
        let bad = || MoneyError::NotANumber(t.chars().take(40).collect());
        let (negative, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
        if whole.is_empty() && frac.is_empty() {
            return Err(bad());
        }
        if !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if body.ends_with('.') {
            return Err(bad());
        }
        let frac_digits = frac.trim_end_matches('0');
        if frac_digits.len() > 2 {
            return Err(MoneyError::TooPrecise(t.to_string()));
        }
        let whole_digits = whole.trim_start_matches('0');
        if whole_digits.len() > 7 {
            return Err(MoneyError::OutOfRange(t.to_string()));
        }
        let w: i64 = if whole_digits.is_empty() { 0 } else { whole_digits.parse().map_err(|_| bad())? };
        let mut f: i64 = if frac_digits.is_empty() { 0 } else { frac_digits.parse().map_err(|_| bad())? };
        if frac_digits.len() == 1 {
            f *= 10;
        }
        let fen = w * 100 + f;
        if fen > MAX_FEN {
            return Err(MoneyError::OutOfRange(t.to_string()));
        }
        Ok(Fen(if negative { -fen } else { fen }))
    }

    /// The smaller of two amounts.
    pub fn min(self, other: Fen) -> Fen {
        Fen(self.0.min(other.0))
    }

    /// The larger of two amounts.
    pub fn max(self, other: Fen) -> Fen {
        Fen(self.0.max(other.0))
    }

    /// `self` minus `other`, but never below zero.
    pub fn saturating_sub(self, other: Fen) -> Fen {
        Fen((self.0 - other.0).max(0))
    }

    /// This amount times a whole number.
    pub fn times(self, n: u32) -> Fen {
        Fen(self.0.saturating_mul(i64::from(n)))
    }

    /// `percent` % of this amount, rounded to the nearest fen (halves away from zero).
    ///
    /// ```
    /// use zhucan::core::money::Fen;
    /// assert_eq!(Fen(1250).percent(25), Fen(313)); // 312.5 → 313
    /// ```
    pub fn percent(self, percent: u32) -> Fen {
        let scaled = self.0.saturating_mul(i64::from(percent));
        let q = scaled / 100;
        let r = scaled % 100;
        Fen(if r.abs() * 2 >= 100 { q + r.signum() } else { q })
    }

    /// Is this amount zero?
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        *self = *self + rhs;
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0.saturating_sub(rhs.0))
    }
}

impl std::iter::Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Fen {
    /// Yuan with as few decimals as needed: `12`, `10.5`, `0.05`, `-3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (yuan, fen) = (abs / 100, abs % 100);
        match fen {
            0 => write!(f, "{sign}{yuan}"),
            x if x % 10 == 0 => write!(f, "{sign}{yuan}.{}", x / 10),
            x => write!(f, "{sign}{yuan}.{x:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_decimals() {
        assert_eq!(Fen::parse_yuan("12"), Ok(Fen(1200)));
        assert_eq!(Fen::parse_yuan("10.5"), Ok(Fen(1050)));
        assert_eq!(Fen::parse_yuan("10.50"), Ok(Fen(1050)));
        assert_eq!(Fen::parse_yuan("0.05"), Ok(Fen(5)));
        assert_eq!(Fen::parse_yuan(".5"), Ok(Fen(50)));
        assert_eq!(Fen::parse_yuan("-3"), Ok(Fen(-300)));
        assert_eq!(Fen::parse_yuan("007"), Ok(Fen(700)));
        assert_eq!(Fen::parse_yuan("1.230"), Ok(Fen(123)));
    }

    #[test]
    fn rejects_what_is_not_a_yuan_amount() {
        for bad in ["", "-", ".", "1.", "abc", "1,5", "1e3", "NaN", "inf", "12元", "--1", "1.2.3"] {
            assert!(matches!(Fen::parse_yuan(bad), Err(MoneyError::NotANumber(_))), "{bad:?}");
        }
        assert!(matches!(Fen::parse_yuan("1.005"), Err(MoneyError::TooPrecise(_))));
        assert!(matches!(Fen::parse_yuan("99999999"), Err(MoneyError::OutOfRange(_))));
        assert!(matches!(Fen::parse_yuan("1000000.01"), Err(MoneyError::OutOfRange(_))));
        assert_eq!(Fen::parse_yuan("1000000"), Ok(Fen(MAX_FEN)));
    }

    #[test]
    fn displays_yuan_without_trailing_zeros() {
        assert_eq!(Fen(1200).to_string(), "12");
        assert_eq!(Fen(1050).to_string(), "10.5");
        assert_eq!(Fen(5).to_string(), "0.05");
        assert_eq!(Fen(-250).to_string(), "-2.5");
        assert_eq!(Fen(0).to_string(), "0");
    }

    #[test]
    fn percent_rounds_half_away_from_zero() {
        assert_eq!(Fen(1200).percent(25), Fen(300));
        assert_eq!(Fen(1250).percent(25), Fen(313));
        assert_eq!(Fen(1249).percent(25), Fen(312));
        assert_eq!(Fen(1000).percent(0), Fen(0));
        assert_eq!(Fen(1000).percent(100), Fen(1000));
    }

    #[test]
    fn saturating_sub_stops_at_zero() {
        assert_eq!(Fen(300).saturating_sub(Fen(500)), Fen(0));
        assert_eq!(Fen(500).saturating_sub(Fen(300)), Fen(200));
    }
}
