//! Dates with honest precision.
//!
//! The sources date events to the day ("21 March 2018"), the month
//! ("November 2015"), the year ("2013"), with a qualifier ("mid-November
//! 2015", "late 2014"), or as a span ("between 7 and 12 March 2018").
//! A [`FuzzyDate`] keeps what the source says and the interval of days it can
//! mean, so filters can ask "could this be in the slice" (overlap) or "is it
//! surely in the slice" (containment).
//!
//! Text form, as written in the TOML files:
//!
//! | text                      | meaning                        | interval                |
//! |---------------------------|--------------------------------|-------------------------|
//! | `2018-03-21`              | a day                          | that day                |
//! | `2015-11`                 | a month                        | 1–30 Nov 2015           |
//! | `2013`                    | a year                         | 1 Jan–31 Dec 2013       |
//! | `mid 2015-11`             | middle of a month              | 11–20 Nov 2015          |
//! | `early 2015-11`/`late …`  | start/end of a month           | 1–10 / 21–end           |
//! | `mid 2012`                | middle of a year               | 1 May–31 Aug 2012       |
//! | `early 2012`/`late 2012`  | start/end of a year            | Jan–Apr / Sep–Dec       |
//! | `2018-03-07..2018-03-12`  | a span between two dates       | 7–12 Mar 2018           |

use crate::error::shown;
use serde::Serialize;
use std::fmt;

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month; `None` for a month outside 1–12.
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

impl Day {
    /// A checked day; `Err` explains what is impossible about it.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Day, String> {
        if !(1900..=2100).contains(&year) {
            return Err(format!("year {year} is outside 1900-2100"));
        }
        let Some(last) = days_in_month(year, month) else {
            return Err(format!("month {month} does not exist (use 01-12)"));
        };
        if day == 0 || day > last {
            return Err(format!(
                "day {day} does not exist in {year}-{month:02} (it has {last} days)"
            ));
        }
        Ok(Day { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Day, String> {
        match FuzzyDate::parse(s)? {
            FuzzyDate {
                precision: Precision::Day,
                start,
                ..
            } => Ok(start),
            _ => Err(format!(
                "'{}' is not a full date; write YYYY-MM-DD",
                shown(s)
            )),
        }
    }

    fn last_of_month(year: i32, month: u32) -> Day {
        let day = days_in_month(year, month).unwrap_or(31);
        Day { year, month, day }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// How precisely the source dates an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
    Range,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
        }
    }
}

/// Early / mid / late part of a month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Early,
    Mid,
    Late,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Early => "early",
            Qualifier::Mid => "mid",
            Qualifier::Late => "late",
        }
    }
}

/// A date as precise as the source, with the interval of days it may mean.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FuzzyDate {
    /// First day the date can mean.
    pub start: Day,
    /// Last day the date can mean (equal to `start` for a day).
    pub end: Day,
    pub precision: Precision,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The date as written in the data (`mid 2015-11`).
    pub text: String,
}

impl FuzzyDate {
    /// Parses the text form described in the module documentation.
    ///
    /// ```
    /// use musalaha::model::FuzzyDate;
    /// let d = FuzzyDate::parse("mid 2015-11").unwrap();
    /// assert_eq!(d.start.to_string(), "2015-11-11");
    /// assert_eq!(d.end.to_string(), "2015-11-20");
    /// assert!(FuzzyDate::parse("2017-02-29").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<FuzzyDate, String> {
        let t = text.trim();
        if t.is_empty() {
            return Err("empty date".into());
        }
        if let Some((a, b)) = t.split_once("..") {
            // One span, of two single dates: no recursion, so a text of
            // many `..` is one error, not a deep call chain.
            if b.contains("..") {
                return Err("a span has one `..` between two dates".into());
            }
            let a = FuzzyDate::parse_single(a.trim())?;
            let b = FuzzyDate::parse_single(b.trim())?;
            if b.end < a.start {
                return Err(format!(
                    "the span ends ({}) before it starts ({})",
                    b.end, a.start
                ));
            }
            return Ok(FuzzyDate {
                start: a.start,
                end: b.end,
                precision: Precision::Range,
                qualifier: None,
                text: t.to_string(),
            });
        }
        FuzzyDate::parse_single(t)
    }

    /// One date (no span), trimmed and not empty.
    fn parse_single(t: &str) -> Result<FuzzyDate, String> {
        if t.is_empty() {
            return Err("empty date".into());
        }
        let (qualifier, rest) = match t.split_once(' ') {
            Some(("early", r)) => (Some(Qualifier::Early), r.trim()),
            Some(("mid", r)) => (Some(Qualifier::Mid), r.trim()),
            Some(("late", r)) => (Some(Qualifier::Late), r.trim()),
            Some((q, _)) => {
                return Err(format!(
                    "unknown qualifier '{}'; use early, mid or late",
                    shown(q)
                ));
            }
            None => (None, t),
        };
        let parts: Vec<&str> = rest.split('-').collect();
        let num = |s: &str, what: &str| -> Result<u32, String> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || s.len() > 4 {
                Err(format!("'{}' is not a {what} number", shown(s)))
            } else {
                s.parse::<u32>().map_err(|e| e.to_string())
            }
        };
        let year = num(parts[0], "year")? as i32;
        if parts[0].len() != 4 {
            return Err(format!("year '{}' must have four digits", shown(parts[0])));
        }
        let (start, end, precision) = match parts.len() {
            1 => {
                let (m1, m2) = match qualifier {
                    None => (1, 12),
                    Some(Qualifier::Early) => (1, 4),
                    Some(Qualifier::Mid) => (5, 8),
                    Some(Qualifier::Late) => (9, 12),
                };
                (
                    Day::new(year, m1, 1)?,
                    Day::last_of_month(year, m2),
                    Precision::Year,
                )
            }
            2 => {
                let month = num(parts[1], "month")?;
                let first = Day::new(year, month, 1)?;
                let last = Day::last_of_month(year, month);
                let (d1, d2) = match qualifier {
                    None => (1, last.day),
                    Some(Qualifier::Early) => (1, 10),
                    Some(Qualifier::Mid) => (11, 20),
                    Some(Qualifier::Late) => (21, last.day),
                };
                (
                    Day { day: d1, ..first },
                    Day { day: d2, ..first },
                    Precision::Month,
                )
            }
            3 => {
                if qualifier.is_some() {
                    return Err("a qualifier (early/mid/late) cannot go with a full date".into());
                }
                let d = Day::new(year, num(parts[1], "month")?, num(parts[2], "day")?)?;
                (d, d, Precision::Day)
            }
            _ => {
                return Err(format!(
                    "'{}' is not YYYY, YYYY-MM or YYYY-MM-DD",
                    shown(rest)
                ))
            }
        };
        Ok(FuzzyDate {
            start,
            end,
            precision,
            qualifier,
            text: t.to_string(),
        })
    }

    /// Whether any day this date can mean lies in `[from, to]` (open ends allowed).
    pub fn overlaps(&self, from: Option<Day>, to: Option<Day>) -> bool {
        from.is_none_or(|f| self.end >= f) && to.is_none_or(|t| self.start <= t)
    }

    /// Whether every day this date can mean lies in `[from, to]`.
    pub fn within(&self, from: Option<Day>, to: Option<Day>) -> bool {
        from.is_none_or(|f| self.start >= f) && to.is_none_or(|t| self.end <= t)
    }

    /// The year of the first day (used for `--over year`).
    pub fn year(&self) -> i32 {
        self.start.year
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Parses a `--from`/`--to` bound: a full date, a month or a year. A month or
/// year means its first day for `--from` and its last day for `--to`.
pub fn parse_bound(text: &str, is_end: bool) -> Result<Day, String> {
    let d = FuzzyDate::parse(text)?;
    if d.precision == Precision::Range || d.qualifier.is_some() {
        return Err(format!(
            "'{}' is not a plain date; write YYYY, YYYY-MM or YYYY-MM-DD",
            shown(text)
        ));
    }
    Ok(if is_end { d.end } else { d.start })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::new(y, m, d).unwrap()
    }

    #[test]
    fn a_text_of_many_spans_is_one_error_not_a_deep_recursion() {
        let text = "2015..".repeat(200_000) + "2016";
        let e = FuzzyDate::parse(&text).unwrap_err();
        assert!(e.contains("one `..`"), "{e}");
        assert!(FuzzyDate::parse("2015..2016..2017").is_err());
        let d = FuzzyDate::parse("2015-03 .. 2016").unwrap();
        assert_eq!(d.precision, Precision::Range);
    }

    #[test]
    fn day_precision() {
        let d = FuzzyDate::parse("2018-03-21").unwrap();
        assert_eq!(d.start, day(2018, 3, 21));
        assert_eq!(d.end, d.start);
        assert_eq!(d.precision, Precision::Day);
    }

    #[test]
    fn month_covers_whole_month_and_leap_february() {
        let d = FuzzyDate::parse("2016-02").unwrap();
        assert_eq!((d.start, d.end), (day(2016, 2, 1), day(2016, 2, 29)));
        let d = FuzzyDate::parse("2017-02").unwrap();
        assert_eq!(d.end, day(2017, 2, 28));
        let d = FuzzyDate::parse("2015-11").unwrap();
        assert_eq!(d.end, day(2015, 11, 30));
    }

    #[test]
    fn qualifiers_of_month_and_year() {
        let d = FuzzyDate::parse("mid 2015-11").unwrap();
        assert_eq!((d.start, d.end), (day(2015, 11, 11), day(2015, 11, 20)));
        assert_eq!(d.qualifier, Some(Qualifier::Mid));
        let d = FuzzyDate::parse("late 2014-11").unwrap();
        assert_eq!((d.start, d.end), (day(2014, 11, 21), day(2014, 11, 30)));
        let d = FuzzyDate::parse("early 2018-02").unwrap();
        assert_eq!(d.end, day(2018, 2, 10));
        let d = FuzzyDate::parse("mid 2012").unwrap();
        assert_eq!((d.start, d.end), (day(2012, 5, 1), day(2012, 8, 31)));
        let d = FuzzyDate::parse("late 2013").unwrap();
        assert_eq!((d.start, d.end), (day(2013, 9, 1), day(2013, 12, 31)));
    }

    #[test]
    fn spans() {
        let d = FuzzyDate::parse("2018-03-07..2018-03-12").unwrap();
        assert_eq!((d.start, d.end), (day(2018, 3, 7), day(2018, 3, 12)));
        assert_eq!(d.precision, Precision::Range);
        let d = FuzzyDate::parse("2013-11..2014-01").unwrap();
        assert_eq!((d.start, d.end), (day(2013, 11, 1), day(2014, 1, 31)));
        assert!(FuzzyDate::parse("2018-03-12..2018-03-07")
            .unwrap_err()
            .contains("ends"));
    }

    #[test]
    fn impossible_dates_are_rejected_with_reason() {
        assert!(FuzzyDate::parse("2017-02-29")
            .unwrap_err()
            .contains("28 days"));
        assert!(FuzzyDate::parse("2018-13")
            .unwrap_err()
            .contains("month 13"));
        assert!(FuzzyDate::parse("2018-04-31").is_err());
        assert!(FuzzyDate::parse("2018-00-10").is_err());
        assert!(FuzzyDate::parse("18-03-01").is_err());
        assert!(FuzzyDate::parse("soon").is_err());
        assert!(FuzzyDate::parse("mid 2018-03-04").is_err());
        assert!(FuzzyDate::parse("around 2018")
            .unwrap_err()
            .contains("qualifier"));
        assert!(FuzzyDate::parse("2016-02-29").is_ok());
        assert!(FuzzyDate::parse("1900-02-29").is_err());
        assert!(FuzzyDate::parse("2000-02-29").is_ok());
    }

    #[test]
    fn overlap_and_containment() {
        let nov = FuzzyDate::parse("2015-11").unwrap();
        // A slice that starts mid-month: the month could fall in it.
        assert!(nov.overlaps(Some(day(2015, 11, 15)), None));
        assert!(!nov.within(Some(day(2015, 11, 15)), None));
        assert!(nov.within(Some(day(2015, 11, 1)), Some(day(2015, 11, 30))));
        assert!(!nov.overlaps(Some(day(2015, 12, 1)), None));
        assert!(!nov.overlaps(None, Some(day(2015, 10, 31))));
        assert!(nov.overlaps(None, None));
    }

    #[test]
    fn bounds() {
        assert_eq!(parse_bound("2016", false).unwrap(), day(2016, 1, 1));
        assert_eq!(parse_bound("2016", true).unwrap(), day(2016, 12, 31));
        assert_eq!(parse_bound("2016-02", true).unwrap(), day(2016, 2, 29));
        assert!(parse_bound("mid 2016", true).is_err());
    }
}
