//! Working days in mainland China: weekends, public holidays and make-up working days (调休).
//!
//! The State Council moves working days every year, so "working days only" cannot be computed from
//! the weekday alone. The schedules are data (`static/calendars/cn-workdays.toml`, with their
//! sources); outside the years it covers, [`Calendar::day`] falls back to Monday–Friday and says the
//! answer is not from an official schedule, so the interface can tell the user.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use super::date::Date;
use super::toml::{self, Kind};
use super::Locale;

/// The schedules shipped with zhucan.
pub const BUILTIN_TOML: &str = include_str!("../../static/calendars/cn-workdays.toml");

/// A holiday period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    pub note: Option<String>,
    /// Days off.
    pub holidays: Vec<Holiday>,
    /// Weekend days that are working days.
    pub workdays: Vec<Date>,
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// The TOML could not be read (what the reader said, in English).
    Parse(String),
    /// A date outside its year, a range backwards, or a day both off and on.
    Inconsistent {
        /// The schedule's year.
        year: i32,
        /// What is wrong.
        problem: CalendarProblem,
    },
}

/// What is wrong with one year's schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalendarProblem {
    /// The year has two schedules.
    ListedTwice,
    /// A holiday with a day outside the schedule's year.
    HolidayOutsideYear(Box<Holiday>),
    /// A holiday that ends before it starts.
    HolidayBackwards(Box<Holiday>),
    /// Two holidays that overlap, or are not in date order.
    HolidaysOverlap(Box<Holiday>, Box<Holiday>),
    /// A make-up working day outside the schedule's year.
    WorkdayOutsideYear(Date),
    /// A make-up working day that is not a Saturday or Sunday.
    WorkdayNotWeekend(Date),
    /// A day that is both a holiday and a make-up working day.
    BothOffAndOn(Date),
}

impl CalendarError {
    /// The message in `locale`.
    ///
    /// ```
    /// use zhucan::core::calendar::{CalendarError, CalendarProblem};
    /// use zhucan::core::Locale;
    /// let e = CalendarError::Inconsistent { year: 2025, problem: CalendarProblem::WorkdayNotWeekend("2025-09-29".parse().unwrap()) };
    /// assert_eq!(e.message(Locale::ZhCn), "2025 年的日历：调休上班日 2025-09-29 不是星期六或星期日");
    /// assert_eq!(e.message(Locale::En), "calendar 2025: make-up working day 2025-09-29 is not a Saturday or Sunday");
    /// ```
    pub fn message(&self, locale: Locale) -> String {
        let w = words(locale);
        match self {
            CalendarError::Parse(detail) => (w.parse)(detail),
            CalendarError::Inconsistent { year, problem } => {
                let what = match problem {
                    CalendarProblem::ListedTwice => w.listed_twice.to_string(),
                    CalendarProblem::HolidayOutsideYear(h) => (w.holiday_outside_year)(h, *year),
                    CalendarProblem::HolidayBackwards(h) => (w.holiday_backwards)(h),
                    CalendarProblem::HolidaysOverlap(a, b) => (w.holidays_overlap)(a, b),
                    CalendarProblem::WorkdayOutsideYear(d) => (w.workday_outside_year)(*d, *year),
                    CalendarProblem::WorkdayNotWeekend(d) => (w.workday_not_weekend)(*d),
                    CalendarProblem::BothOffAndOn(d) => (w.both_off_and_on)(*d),
                };
                (w.inconsistent)(*year, &what)
            }
        }
    }
}

/// The English message.
impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for CalendarError {}

/// What is wrong with a calendar file, in one language.
pub struct CalendarWords {
    /// The file is not valid TOML (what the reader said).
    pub parse: fn(&str) -> String,
    /// A year's schedule is wrong (the year, what is wrong).
    pub inconsistent: fn(i32, &str) -> String,
    /// The year has two schedules.
    pub listed_twice: &'static str,
    /// A holiday outside the year (the holiday, the year).
    pub holiday_outside_year: fn(&Holiday, i32) -> String,
    /// A holiday that ends before it starts.
    pub holiday_backwards: fn(&Holiday) -> String,
    /// Two holidays overlap or are out of order.
    pub holidays_overlap: fn(&Holiday, &Holiday) -> String,
    /// A make-up working day outside the year (the day, the year).
    pub workday_outside_year: fn(Date, i32) -> String,
    /// A make-up working day on a weekday.
    pub workday_not_weekend: fn(Date) -> String,
    /// A day both off and on.
    pub both_off_and_on: fn(Date) -> String,
}

/// Simplified Chinese (holidays by their Chinese names). The TOML reader explains itself in
/// English only, so its words are left out here.
pub const ZH_CN: CalendarWords = CalendarWords {
    parse: |_detail| "日历文件的格式不对".to_string(),
    inconsistent: |year, what| format!("{year} 年的日历：{what}"),
    listed_twice: "出现了两次",
    holiday_outside_year: |h, year| format!("假期“{}”（{}至{}）不在 {year} 年内", h.zh, h.from, h.to),
    holiday_backwards: |h| format!("假期“{}”的结束日期早于开始日期", h.zh),
    holidays_overlap: |a, b| format!("假期“{}”和“{}”重叠，或者顺序不对", a.zh, b.zh),
    workday_outside_year: |d, year| format!("调休上班日 {d} 不在 {year} 年内"),
    workday_not_weekend: |d| format!("调休上班日 {d} 不是星期六或星期日"),
    both_off_and_on: |d| format!("{d} 既是假日又是调休上班日"),
};

/// English (holidays by their English names).
pub const EN: CalendarWords = CalendarWords {
    parse: |detail| format!("calendar file: {detail}"),
    inconsistent: |year, what| format!("calendar {year}: {what}"),
    listed_twice: "listed twice",
    holiday_outside_year: |h, year| format!("holiday {} ({}–{}) is not in {year}", h.en, h.from, h.to),
    holiday_backwards: |h| format!("holiday {} ends before it starts", h.en),
    holidays_overlap: |a, b| format!("holidays {} and {} overlap or are out of order", a.en, b.en),
    workday_outside_year: |d, year| format!("make-up working day {d} is not in {year}"),
    workday_not_weekend: |d| format!("make-up working day {d} is not a Saturday or Sunday"),
    both_off_and_on: |d| format!("{d} is both a holiday and a make-up working day"),
};

/// The calendar messages in `locale`.
pub fn words(locale: Locale) -> &'static CalendarWords {
    match locale {
        Locale::ZhCn => &ZH_CN,
        Locale::En => &EN,
    }
}

/// Official working-day schedules by year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i32, YearSchedule>,
}

impl Calendar {
    /// Reads and checks a calendar file.
    pub fn from_toml(text: &str) -> Result<Calendar, CalendarError> {
        let root = toml::parse(text).map_err(|e| CalendarError::Parse(e.problem.message(crate::core::Locale::En).to_string()))?;
        let mut years = BTreeMap::new();
        for schedule in read_file(&root).map_err(CalendarError::Parse)? {
            check(&schedule)?;
            if years.insert(schedule.year, schedule.clone()).is_some() {
                return Err(CalendarError::Inconsistent { year: schedule.year, problem: CalendarProblem::ListedTwice });
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

/// The `[[year]]` schedules of a calendar file (with the file's own key names in any message).
fn read_file(root: &toml::Table<'_>) -> Result<Vec<YearSchedule>, String> {
    fn only(t: &toml::Table<'_>, keys: &[&str], path: &str) -> Result<(), String> {
        match t.iter().find(|(k, _)| !keys.contains(&k.name.as_ref())) {
            Some((k, _)) => Err(format!("{path}: unknown key `{}`", k.name)),
            None => Ok(()),
        }
    }
    fn get<'t, 'i>(t: &'t toml::Table<'i>, key: &str, path: &str) -> Result<&'t Kind<'i>, String> {
        t.get(key).map(|v| &v.kind).ok_or_else(|| format!("{path}: missing key `{key}`"))
    }
    fn string(v: &Kind<'_>, path: &str) -> Result<String, String> {
        match v {
            Kind::String(s) => Ok(s.to_string()),
            _ => Err(format!("{path}: expected a string")),
        }
    }
    fn date(v: &Kind<'_>, path: &str) -> Result<Date, String> {
        string(v, path)?.parse().map_err(|e| format!("{path}: {e}"))
    }
    fn items<'t, 'i>(v: &'t Kind<'i>, path: &str) -> Result<&'t [toml::Value<'i>], String> {
        match v {
            Kind::Array(a) => Ok(&a.items),
            _ => Err(format!("{path}: expected an array")),
        }
    }
    fn table<'t, 'i>(v: &'t Kind<'i>, path: &str) -> Result<&'t toml::Table<'i>, String> {
        match v {
            Kind::Table(t) => Ok(t),
            _ => Err(format!("{path}: expected a table")),
        }
    }
    only(root, &["year"], "calendar")?;
    let mut out = Vec::new();
    for (i, y) in items(get(root, "year", "calendar")?, "year")?.iter().enumerate() {
        let p = format!("year[{i}]");
        let t = table(&y.kind, &p)?;
        only(t, &["year", "notice", "published", "source", "url", "note", "holidays", "workdays"], &p)?;
        let year = match get(t, "year", &p)? {
            Kind::Integer { digits, radix } => i64::from_str_radix(digits, *radix).ok().and_then(|n| i32::try_from(n).ok()),
            _ => None,
        };
        let year = year.ok_or_else(|| format!("{p}.year: expected a year"))?;
        let mut holidays = Vec::new();
        for (j, h) in items(get(t, "holidays", &p)?, &p)?.iter().enumerate() {
            let hp = format!("{p}.holidays[{j}]");
            let h = table(&h.kind, &hp)?;
            holidays.push(Holiday {
                zh: string(get(h, "zh", &hp)?, &hp)?,
                en: string(get(h, "en", &hp)?, &hp)?,
                from: date(get(h, "from", &hp)?, &hp)?,
                to: date(get(h, "to", &hp)?, &hp)?,
            });
        }
        let workdays = items(get(t, "workdays", &p)?, &p)?.iter().map(|w| date(&w.kind, &p)).collect::<Result<_, _>>()?;
        out.push(YearSchedule {
            year,
            notice: string(get(t, "notice", &p)?, &p)?,
            published: date(get(t, "published", &p)?, &p)?,
            source: string(get(t, "source", &p)?, &p)?,
            url: string(get(t, "url", &p)?, &p)?,
            note: t.get("note").map(|v| string(&v.kind, &p)).transpose()?,
            holidays,
            workdays,
        });
    }
    Ok(out)
}

fn check(s: &YearSchedule) -> Result<(), CalendarError> {
    let fail = |problem: CalendarProblem| Err(CalendarError::Inconsistent { year: s.year, problem });
    for h in &s.holidays {
        if h.from.year() != s.year || h.to.year() != s.year {
            return fail(CalendarProblem::HolidayOutsideYear(Box::new(h.clone())));
        }
        if h.to < h.from {
            return fail(CalendarProblem::HolidayBackwards(Box::new(h.clone())));
        }
    }
    for pair in s.holidays.windows(2) {
        if pair[1].from <= pair[0].to {
            return fail(CalendarProblem::HolidaysOverlap(Box::new(pair[0].clone()), Box::new(pair[1].clone())));
        }
    }
    for w in &s.workdays {
        if w.year() != s.year {
            return fail(CalendarProblem::WorkdayOutsideYear(*w));
        }
        if !w.weekday().is_weekend() {
            return fail(CalendarProblem::WorkdayNotWeekend(*w));
        }
        if s.holidays.iter().any(|h| h.from <= *w && *w <= h.to) {
            return fail(CalendarProblem::BothOffAndOn(*w));
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

    #[test]
    fn what_is_wrong_is_said_in_each_language() {
        // 2025-10-04 (a Saturday) is in the National Day holiday, 1–8 October.
        let clash = Calendar::from_toml(&BUILTIN_TOML.replace("\"2025-09-28\"", "\"2025-10-04\"")).expect_err("clash");
        assert_eq!(clash, CalendarError::Inconsistent { year: 2025, problem: CalendarProblem::BothOffAndOn(d("2025-10-04")) });
        assert_eq!(clash.message(Locale::ZhCn), "2025 年的日历：2025-10-04 既是假日又是调休上班日");
        assert_eq!(clash.to_string(), "calendar 2025: 2025-10-04 is both a holiday and a make-up working day");
        let h = Holiday { zh: "春节".into(), en: "Spring Festival".into(), from: d("2024-02-10"), to: d("2024-02-17") };
        let outside = CalendarError::Inconsistent { year: 2025, problem: CalendarProblem::HolidayOutsideYear(Box::new(h)) };
        assert_eq!(outside.message(Locale::ZhCn), "2025 年的日历：假期“春节”（2024-02-10至2024-02-17）不在 2025 年内");
        assert_eq!(outside.message(Locale::En), "calendar 2025: holiday Spring Festival (2024-02-10–2024-02-17) is not in 2025");
    }
}
