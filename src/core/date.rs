//! Calendar dates (proleptic Gregorian), with the arithmetic the policies need: age in full years
//! (周岁), weekdays, natural weeks (Monday to Sunday) and months.
//!
//! No clock: "today" is always passed in by the caller.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::Locale;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// 星期一
    Monday,
    /// 星期二
    Tuesday,
    /// 星期三
    Wednesday,
    /// 星期四
    Thursday,
    /// 星期五
    Friday,
    /// 星期六
    Saturday,
    /// 星期日
    Sunday,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] =
        [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday, Weekday::Saturday, Weekday::Sunday];

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format(String),
    /// Well-formed but not a real day (month 13, 30 February …).
    NoSuchDay(String),
}

impl DateError {
    /// The message in `locale`.
    ///
    /// ```
    /// use zhucan::core::date::Date;
    /// use zhucan::core::Locale;
    /// let e = "2025-02-30".parse::<Date>().unwrap_err();
    /// assert_eq!(e.message(Locale::ZhCn), "2025-02-30 不是真实存在的日期");
    /// assert_eq!(e.message(Locale::En), "2025-02-30 is not a real date");
    /// ```
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            DateError::Format(found) => (w.format)(found),
            DateError::NoSuchDay(text) => (w.no_such_day)(text),
        }
    }
}

/// The English message (also what serde reports for a bad date in a file).
impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for DateError {}

/// What a date that cannot be read is called, in one language.
pub struct DateWords {
    /// Not of the form `YYYY-MM-DD` (the text found).
    pub format: fn(&str) -> String,
    /// Not a real day (the text).
    pub no_such_day: fn(&str) -> String,
}

/// Simplified Chinese.
pub const ZH_CN: DateWords = DateWords {
    format: |found| format!("应为 2025-03-04 这样的日期，而不是“{found}”"),
    no_such_day: |text| format!("{text} 不是真实存在的日期"),
};

/// English.
pub const EN: DateWords = DateWords {
    format: |found| format!("expected a date like 2025-03-04, found {found:?}"),
    no_such_day: |text| format!("{text} is not a real date"),
};

/// The date messages in `locale`.
pub fn words(locale: Locale) -> &'static DateWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// Is `year` a leap year in the Gregorian calendar?
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The earliest date this type holds: 1000-01-01.
    pub const MIN: Date = Date { year: 1000, month: 1, day: 1 };

    /// A date, if it exists. Years 1000–9999 only: policies and birth dates never need more,
    /// and the bound keeps arithmetic far from overflow.
    ///
    /// ```
    /// use zhucan::core::date::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2025, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01. `None` outside years 1000–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// The date `n` days later (earlier for negative `n`).
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch().checked_add(n)?)
    }

    /// Days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Day of the week.
    ///
    /// ```
    /// use zhucan::core::date::{Date, Weekday};
    /// assert_eq!(Date::new(2025, 3, 4).unwrap().weekday(), Weekday::Tuesday);
    /// ```
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        let i = (self.days_since_epoch() + 3).rem_euclid(7);
        Weekday::ALL[i as usize]
    }

    /// The Monday that starts this date's natural week (自然周, Monday to Sunday).
    pub fn week_start(self) -> Date {
        let back = self.weekday().index() as i64;
        self.add_days(-back).unwrap_or(self)
    }

    /// The first day of this date's month.
    pub fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }

    /// This person's birthday in `year`. Someone born on 29 February has their birthday on
    /// 1 March in common years: they have not yet lived a full year on 28 February.
    pub fn anniversary_in(self, year: i32) -> Option<Date> {
        Date::new(year, self.month, self.day).or_else(|| Date::new(year, 3, 1))
    }

    /// Age in full years (周岁) on `on`, for someone born on `self`: the number of birthdays that
    /// have come by `on`, the birthday itself included. `None` if `on` is before the birth.
    ///
    /// ```
    /// use zhucan::core::date::Date;
    /// let born = Date::new(1945, 3, 4).unwrap();
    /// assert_eq!(born.age_on(Date::new(2025, 3, 3).unwrap()), Some(79));
    /// assert_eq!(born.age_on(Date::new(2025, 3, 4).unwrap()), Some(80));
    /// ```
    pub fn age_on(self, on: Date) -> Option<u32> {
        if on < self {
            return None;
        }
        let mut age = on.year - self.year;
        match self.anniversary_in(on.year) {
            Some(birthday) if on < birthday => age -= 1,
            _ => {}
        }
        u32::try_from(age).ok()
    }

    /// The date on which someone born on `self` turns `age` (周岁).
    pub fn date_of_age(self, age: u32) -> Option<Date> {
        let year = self.year.checked_add(i32::try_from(age).ok()?)?;
        self.anniversary_in(year)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD` (one- or two-digit month and day are accepted, as people type them).
    fn from_str(s: &str) -> Result<Date, DateError> {
        let text = s.trim();
        let bad = || DateError::Format(text.chars().take(40).collect());
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let digits = |p: &str, min: usize, max: usize| (min..=max).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4, 4) || !digits(m, 1, 2) || !digits(d, 1, 2) {
            return Err(bad());
        }
        let (year, month, day) = match (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) {
            (Ok(y), Ok(m), Ok(d)) => (y, m, d),
            _ => return Err(bad()),
        };
        Date::new(year, month, day).ok_or_else(|| DateError::NoSuchDay(text.to_string()))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The first Monday–Friday on or after `d`: `d` itself on a weekday, the Monday after a weekend
/// (holidays are not considered; the official calendar is [`crate::core::calendar`]'s). The day
/// on which a "typical working day" is valued.
///
/// ```
/// use zhucan::core::date::{next_weekday, Date};
/// let saturday = Date::new(2025, 3, 8).unwrap();
/// assert_eq!(next_weekday(saturday), Date::new(2025, 3, 10).unwrap());
/// ```
pub fn next_weekday(d: Date) -> Date {
    let ahead = match d.weekday() {
        Weekday::Saturday => 2,
        Weekday::Sunday => 1,
        _ => 0,
    };
    d.add_days(ahead).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    mod parsing {
        use super::*;

        #[test]
        fn accepts_iso_and_short_forms() {
            assert_eq!(d("2025-03-04"), Date { year: 2025, month: 3, day: 4 });
            assert_eq!(d(" 2025-3-4 "), Date { year: 2025, month: 3, day: 4 });
        }

        #[test]
        fn rejects_malformed_and_impossible_dates() {
            for bad in ["", "2025", "2025-03", "25-03-04", "2025/03/04", "2025-03-04-01", "２０２５-03-04", "2025-+3-04"] {
                assert!(matches!(bad.parse::<Date>(), Err(DateError::Format(_))), "{bad:?}");
            }
            for impossible in ["2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "0999-01-01"] {
                assert!(matches!(impossible.parse::<Date>(), Err(DateError::NoSuchDay(_))), "{impossible}");
            }
            assert!("2024-02-29".parse::<Date>().is_ok());
        }

        #[test]
        fn displays_zero_padded() {
            assert_eq!(d("2025-3-4").to_string(), "2025-03-04");
        }
    }

    mod arithmetic {
        use super::*;

        #[test]
        fn epoch_round_trip_over_four_centuries() {
            let start = d("1900-01-01");
            let mut prev = start.days_since_epoch() - 1;
            let mut date = start;
            while date < d("2300-01-01") {
                let n = date.days_since_epoch();
                assert_eq!(n, prev + 1, "{date}");
                assert_eq!(Date::from_days_since_epoch(n), Some(date));
                prev = n;
                date = match date.add_days(1) {
                    Some(next) => next,
                    None => panic!("no day after {date}"),
                };
            }
        }

        #[test]
        fn known_epoch_offsets() {
            assert_eq!(d("1970-01-01").days_since_epoch(), 0);
            assert_eq!(d("2000-03-01").days_since_epoch(), 11_017);
            assert_eq!(d("1969-12-31").days_since_epoch(), -1);
        }

        #[test]
        fn weekdays_match_the_calendar() {
            assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
            assert_eq!(d("2025-10-01").weekday(), Weekday::Wednesday);
            assert_eq!(d("2024-02-04").weekday(), Weekday::Sunday);
            assert_eq!(d("2026-02-14").weekday(), Weekday::Saturday);
        }

        #[test]
        fn natural_week_starts_on_monday() {
            assert_eq!(d("2025-03-09").week_start(), d("2025-03-03")); // Sunday
            assert_eq!(d("2025-03-03").week_start(), d("2025-03-03")); // Monday
            assert_eq!(d("2025-01-01").week_start(), d("2024-12-30")); // across a year
        }
    }

    mod age {
        use super::*;

        #[test]
        fn birthday_itself_counts() {
            let born = d("1945-03-04");
            assert_eq!(born.age_on(d("2025-03-03")), Some(79));
            assert_eq!(born.age_on(d("2025-03-04")), Some(80));
            assert_eq!(born.age_on(d("2025-12-31")), Some(80));
            assert_eq!(born.age_on(d("1945-03-04")), Some(0));
            assert_eq!(born.age_on(d("1945-03-03")), None);
        }

        #[test]
        fn leap_day_birthdays_fall_on_first_of_march_in_common_years() {
            let born = d("1944-02-29");
            assert_eq!(born.age_on(d("2025-02-28")), Some(80));
            assert_eq!(born.age_on(d("2025-03-01")), Some(81));
            assert_eq!(born.age_on(d("2024-02-29")), Some(80));
            assert_eq!(born.date_of_age(81), Some(d("2025-03-01")));
            assert_eq!(born.date_of_age(80), Some(d("2024-02-29")));
        }

        #[test]
        fn date_of_age_is_when_age_on_first_reaches_it() {
            let born = d("1947-11-30");
            let turns = born.date_of_age(80).map(|x| x.to_string());
            assert_eq!(turns.as_deref(), Some("2027-11-30"));
            assert_eq!(born.age_on(d("2027-11-29")), Some(79));
        }
    }

    mod weekdays {
        use super::*;

        #[test]
        fn next_weekday_keeps_a_weekday_and_moves_a_weekend_to_monday() {
            // 4 March 2025 was a Tuesday: 7 March a Friday, 8–9 March the weekend, 10 March a Monday.
            assert_eq!(next_weekday(d("2025-03-04")), d("2025-03-04"));
            assert_eq!(next_weekday(d("2025-03-07")), d("2025-03-07"));
            assert_eq!(next_weekday(d("2025-03-08")), d("2025-03-10"));
            assert_eq!(next_weekday(d("2025-03-09")), d("2025-03-10"));
            assert_eq!(next_weekday(d("2025-03-10")), d("2025-03-10"));
            // Saturday 31 May 2025 → Monday 2 June, across the month; Sunday 28 Dec 2025 → Monday 29 Dec.
            assert_eq!(next_weekday(d("2025-05-31")), d("2025-06-02"));
            assert_eq!(next_weekday(d("2025-12-28")), d("2025-12-29"));
            // Saturday 3 January 2026 → Monday 5 January; across the year: Sunday 31 Dec 2023 → 1 Jan 2024.
            assert_eq!(next_weekday(d("2026-01-03")), d("2026-01-05"));
            assert_eq!(next_weekday(d("2023-12-31")), d("2024-01-01"));
        }
    }
}
