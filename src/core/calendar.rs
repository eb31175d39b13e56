//! Working days in mainland China: weekends, public holidays and make-up working days (调休).
//!
//! The State Council moves working days every year, so "working days only" cannot be computed from
//! the weekday alone. The schedules are data (`static/calendars/cn-workdays.toml`, with their
//! sources); outside the years it covers, [`Calendar::day`] falls back to Monday–Friday and says the
//! answer is not from an official schedule, so the interface can tell the user.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::date::Date;

/// The schedules shipped with zhucan.
pub const BUILTIN_TOML: &str = include_str!("../../static/calendars/cn-workdays.toml");

/// A holiday period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    /// Chinese name (春节).
    pub zh: String,
    /// English name (Spring Festival).
    pub en: String,
    /// First day off.
    pub from: Date,
    /// Last day off (inclusive).
    pub to: Date,
}

/// One year's official schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearSchedule {
    /// The calendar year.
    pub year: i32,
    /// The notice that set it.
    pub notice: String,
    /// When the notice was published.
    pub published: Date,
    /// Where it was read.
    pub source: String,
    /// Address of the source.
    pub url: String,
    /// Anything worth knowing about how the schedule was read.
    #[serde(default)]
    pub note: Option<String>,
    /// Days off.
    pub holidays: Vec<Holiday>,
    /// Weekend days that are working days.
    pub workdays: Vec<Date>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    year: Vec<YearSchedule>,
}

/// What kind of day a date is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind {
    /// Monday–Friday, not a holiday.
    Workday,
    /// Saturday or Sunday, not a make-up working day.
    Weekend,
    /// A public holiday.
    Holiday {
        /// Chinese name.
        zh: String,
        /// English name.
        en: String,
    },
    /// A weekend day that is a working day (调休上班).
    MakeUpWorkday,
}

/// A date's kind, and whether it comes from an official schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayInfo {
    /// The kind of day.
    pub kind: DayKind,
    /// `false` when the year has no schedule loaded and Monday–Friday was assumed.
    pub official: bool,
}

impl DayInfo {
    /// Is it a working day?
    pub fn is_workday(&self) -> bool {
        matches!(self.kind, DayKind::Workday | DayKind::MakeUpWorkday)
    }
}

/// Problems in a calendar file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The TOML could not be read.
    #[error("calendar file: {0}")]
    Parse(String),
    /// A date outside its year, a range backwards, or a day both off and on.
    #[error("calendar {year}: {problem}")]
    Inconsistent {
        /// The schedule's year.
        year: i32,
        /// What is wrong.
        problem: String,
    },
}

/// Official working-day schedules by year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i32, YearSchedule>,
}

impl Calendar {
    /// Reads and checks a calendar file.
    pub fn from_toml(text: &str) -> Result<Calendar, CalendarError> {
        let file: CalendarFile = toml::from_str(text).map_err(|e| CalendarError::Parse(e.message().to_string()))?;
        let mut years = BTreeMap::new();
        for schedule in file.year {
            check(&schedule)?;
            if years.insert(schedule.year, schedule.clone()).is_some() {
                return Err(CalendarError::Inconsistent { year: schedule.year, problem: "listed twice".into() });
            }
        }
        Ok(Calendar { years })
    }

    /// The schedules shipped with zhucan (2024–2026 at present). An unreadable built-in file
    /// (caught by the tests) would give an empty calendar, never a panic.
    pub fn builtin() -> &'static Calendar {
        static BUILTIN: OnceLock<Calendar> = OnceLock::new();
        BUILTIN.get_or_init(|| Calendar::from_toml(BUILTIN_TOML).unwrap_or_default())
    }

    /// An empty calendar: every year falls back to Monday–Friday.
    pub fn weekdays_only() -> Calendar {
        Calendar::default()
    }

    /// Years with an official schedule.
    pub fn years(&self) -> impl Iterator<Item = &YearSchedule> {
        self.years.values()
    }

    /// The schedule for a year, if loaded.
    pub fn schedule(&self, year: i32) -> Option<&YearSchedule> {
        self.years.get(&year)
    }

    /// What kind of day `date` is.
    ///
    /// ```
    /// use zhucan::core::calendar::{Calendar, DayKind};
    /// let cal = Calendar::builtin();
    /// let national_day = "2025-10-01".parse().unwrap();
    /// assert!(matches!(cal.day(national_day).kind, DayKind::Holiday { .. }));
    /// let make_up = "2025-09-28".parse().unwrap(); // a Sunday
    /// assert!(cal.day(make_up).is_workday());
    /// ```
    pub fn day(&self, date: Date) -> DayInfo {
        let weekend = date.weekday().is_weekend();
        let Some(schedule) = self.years.get(&date.year()) else {
            let kind = if weekend { DayKind::Weekend } else { DayKind::Workday };
            return DayInfo { kind, official: false };
        };
        if let Some(h) = schedule.holidays.iter().find(|h| h.from <= date && date <= h.to) {
            return DayInfo { kind: DayKind::Holiday { zh: h.zh.clone(), en: h.en.clone() }, official: true };
        }
        let kind = if schedule.workdays.contains(&date) {
            DayKind::MakeUpWorkday
        } else if weekend {
            DayKind::Weekend
        } else {
            DayKind::Workday
        };
        DayInfo { kind, official: true }
    }
}

fn check(s: &YearSchedule) -> Result<(), CalendarError> {
    let fail = |problem: String| Err(CalendarError::Inconsistent { year: s.year, problem });
    for h in &s.holidays {
        if h.from.year() != s.year || h.to.year() != s.year {
            return fail(format!("holiday {} ({}–{}) is not in {}", h.en, h.from, h.to, s.year));
        }
        if h.to < h.from {
            return fail(format!("holiday {} ends before it starts", h.en));
        }
    }
    for pair in s.holidays.windows(2) {
        if pair[1].from <= pair[0].to {
            return fail(format!("holidays {} and {} overlap or are out of order", pair[0].en, pair[1].en));
        }
    }
    for w in &s.workdays {
        if w.year() != s.year {
            return fail(format!("make-up working day {w} is not in {}", s.year));
        }
        if !w.weekday().is_weekend() {
            return fail(format!("make-up working day {w} is not a Saturday or Sunday"));
        }
        if s.holidays.iter().any(|h| h.from <= *w && *w <= h.to) {
            return fail(format!("{w} is both a holiday and a make-up working day"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn builtin_file_is_valid_and_covers_2024_to_2026() {
        let cal = Calendar::from_toml(BUILTIN_TOML).expect("built-in calendar is valid");
        let years: Vec<i32> = cal.years().map(|y| y.year).collect();
        assert_eq!(years, vec![2024, 2025, 2026]);
        assert_eq!(Calendar::builtin(), &cal);
    }

    #[test]
    fn holidays_weekends_and_make_up_days_2025() {
        let cal = Calendar::builtin();
        // 国庆节、中秋节 2025: Oct 1–8 off; Sun Sep 28 and Sat Oct 11 worked.
        for day in ["2025-10-01", "2025-10-04", "2025-10-08"] {
            assert!(matches!(cal.day(d(day)).kind, DayKind::Holiday { .. }), "{day}");
        }
        assert_eq!(cal.day(d("2025-09-28")).kind, DayKind::MakeUpWorkday);
        assert_eq!(cal.day(d("2025-10-11")).kind, DayKind::MakeUpWorkday);
        assert_eq!(cal.day(d("2025-10-09")).kind, DayKind::Workday);
        assert_eq!(cal.day(d("2025-10-12")).kind, DayKind::Weekend);
        assert!(cal.day(d("2025-10-12")).official);
    }

    #[test]
    fn counts_of_days_off_match_the_notices() {
        // Days off per the notices: 2024 has 8 spring-festival days, 2026 has 9.
        let cal = Calendar::builtin();
        let count = |from: &str, to: &str| {
            let (mut day, end, mut n) = (d(from), d(to), 0);
            while day <= end {
                if matches!(cal.day(day).kind, DayKind::Holiday { .. }) {
                    n += 1;
                }
                day = day.add_days(1).expect("next day");
            }
            n
        };
        assert_eq!(count("2024-02-01", "2024-02-29"), 8);
        assert_eq!(count("2026-02-01", "2026-02-28"), 9);
        assert_eq!(count("2026-01-01", "2026-12-31"), 3 + 9 + 3 + 5 + 3 + 3 + 7);
    }

    #[test]
    fn years_without_a_schedule_fall_back_to_monday_to_friday() {
        let cal = Calendar::builtin();
        let info = cal.day(d("2023-10-02")); // a Monday; in reality a holiday, but 2023 is not loaded
        assert_eq!(info, DayInfo { kind: DayKind::Workday, official: false });
        assert_eq!(cal.day(d("2027-01-02")).kind, DayKind::Weekend);
    }

    #[test]
    fn inconsistent_schedules_are_rejected() {
        let clash = BUILTIN_TOML.replace("\"2025-09-28\"", "\"2025-10-04\"");
        assert!(matches!(Calendar::from_toml(&clash), Err(CalendarError::Inconsistent { year: 2025, .. })));
        let weekday = BUILTIN_TOML.replace("\"2025-09-28\"", "\"2025-09-29\"");
        assert!(matches!(Calendar::from_toml(&weekday), Err(CalendarError::Inconsistent { .. })));
        assert!(matches!(Calendar::from_toml("year = 3"), Err(CalendarError::Parse(_))));
    }
}
