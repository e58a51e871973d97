//! Offices and their dates: every row of an entity is one office it holds or held (its role, country and
//! period, any of them possibly empty), kept with parsed dates so that the office held on a given day can be
//! chosen.

use std::fmt;

/// A date of a gazetteer, written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A missing month or day is 0, so a date
/// given by its year sorts before the days of that year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12, or 0 when not given.
    pub month: u8,
    /// The day, 1 to 31, or 0 when not given.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// ```
    /// use whosaid::gazetteer::Date;
    /// assert_eq!(Date::parse("2024-05"), Some(Date { year: 2024, month: 5, day: 0 }));
    /// assert!(Date::parse("2024") < Date::parse("2024-01-01"));
    /// assert_eq!(Date::parse("2024-13-01"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let digits = |from: usize, n: usize| -> Option<u32> {
            let part = b.get(from..from + n)?;
            part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0')))
        };
        let year = digits(0, 4)? as i32;
        let (month, day) = match b.len() {
            4 => (0, 0),
            7 if b[4] == b'-' => (digits(5, 2)?, 0),
            10 if b[4] == b'-' && b[7] == b'-' => (digits(5, 2)?, digits(8, 2)?),
            _ => return None,
        };
        let month_ok = (1..=12).contains(&month) || (month == 0 && b.len() == 4);
        let day_ok = (1..=31).contains(&day) || (day == 0 && b.len() < 10);
        (month_ok && day_ok).then_some(Date { year, month: month as u8, day: day as u8 })
    }
}

impl Date {
    /// Parses a document's date as inputs write it: `YYYY-MM-DD`, alone or opening a timestamp
    /// (`2016-11-08T14:30:00Z`, `2016-11-08 14:30`), or `YYYY-MM`, `YYYY`; surrounding spaces are ignored.
    ///
    /// ```
    /// use whosaid::gazetteer::Date;
    /// assert_eq!(Date::parse_document_date(" 2016-11-08T14:30:00Z"), Date::parse("2016-11-08"));
    /// assert_eq!(Date::parse_document_date("Nov. 8, 2016"), None);
    /// ```
    pub fn parse_document_date(s: &str) -> Option<Date> {
        let s = s.trim();
        match s.as_bytes().get(10) {
            Some(b'T' | b' ') => Date::parse(&s[..10]),
            _ => Date::parse(s),
        }
    }

    /// The last day the date may stand for: `2016` is up to 2016-12-31, `2016-02` up to 2016-02-31 (days
    /// are compared, not counted).
    pub fn last_day(self) -> Date {
        Date {
            year: self.year,
            month: if self.month == 0 { 12 } else { self.month },
            day: if self.day == 0 { 31 } else { self.day },
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
            if self.day > 0 {
                write!(f, "-{:02}", self.day)?;
            }
        }
        Ok(())
    }
}

/// One office of an entity: one gazetteer row's role, country, subtype and period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Office {
    /// The role ("Minister of Defense"), possibly empty.
    pub role: String,
    /// The country id, possibly empty.
    pub country: String,
    /// The subtype, possibly empty.
    pub subtype: String,
    /// Start of the period, if known.
    pub from: Option<Date>,
    /// End of the period; `None` when ongoing or unknown.
    pub to: Option<Date>,
    /// The row, `file:line`.
    pub source: String,
}

impl Office {
    /// How recent the office is: an ongoing one (no end) is the most recent, then by end, then by start.
    pub(crate) fn recency(&self) -> (bool, Option<Date>, Option<Date>) {
        (self.to.is_none(), self.to, self.from)
    }
}

/// The office of `offices` held on `date`: one whose period contains it (a missing start or end leaves that
/// side open; an end given by its year or month lasts to that year's or month's end), the most recent such one;
/// `None` when none was held then.
pub fn held_on(offices: &[Office], date: Date) -> Option<&Office> {
    most_recent(
        offices
            .iter()
            .filter(|o| o.from.is_none_or(|from| from <= date) && o.to.is_none_or(|to| date <= to.last_day())),
    )
}

/// The most recent of `offices` (see [`Office`]: an ongoing office first, then by end, then by start); among
/// equally recent ones, the first listed.
pub fn latest(offices: &[Office]) -> Option<&Office> {
    most_recent(offices.iter())
}

fn most_recent<'a>(offices: impl Iterator<Item = &'a Office>) -> Option<&'a Office> {
    offices.fold(None, |best: Option<&Office>, o| match best {
        Some(b) if b.recency() >= o.recency() => Some(b),
        _ => Some(o),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn office(role: &str, from: &str, to: &str) -> Office {
        Office {
            role: role.into(),
            country: String::new(),
            subtype: String::new(),
            from: Date::parse(from),
            to: Date::parse(to),
            source: String::new(),
        }
    }

    #[test]
    fn dates_parse_and_print_as_written() {
        for s in ["2016", "2016-11", "2016-11-08"] {
            assert_eq!(Date::parse(s).unwrap().to_string(), s);
        }
        for bad in ["", "16", "2016-1", "2016-11-8", "2016-00", "2016-11-32", "2016-11-08-01", "20l6"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_latest_office_is_the_ongoing_one_then_the_last_ended() {
        let offices = [office("Defense", "2014", "2016"), office("Foreign", "2024", ""), office("PM", "2017", "2020")];
        assert_eq!(latest(&offices).unwrap().role, "Foreign");
        let ended =
            [office("Defense", "2014", "2016"), office("PM", "2017", "2020"), office("PM again", "2017", "2020")];
        assert_eq!(latest(&ended).unwrap().role, "PM");
        assert!(latest(&[]).is_none());
    }

    #[test]
    fn the_office_held_on_a_date() {
        let offices =
            [office("Defense", "2014", "2016"), office("PM", "2017-03", "2020-06-30"), office("Foreign", "2024", "")];
        let on = |d: &str| held_on(&offices, Date::parse(d).unwrap()).map(|o| o.role.as_str());
        assert_eq!(on("2016-11-08"), Some("Defense"));
        assert_eq!(on("2017-02-28"), None);
        assert_eq!(on("2020-06-30"), Some("PM"));
        assert_eq!(on("2025"), Some("Foreign"));
    }
}
