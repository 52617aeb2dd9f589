use std::ops::Range;

use super::scan::{Fields, Num, Order, ZoneF, ZoneK};
use super::Invalid;

pub(super) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

pub(super) fn invalid(
    reason: impl Into<String>,
    label: &'static str,
    range: Range<usize>,
) -> Invalid {
    Invalid {
        reason: reason.into(),
        label,
        range,
    }
}

fn check_day(year: u32, month: u32, day: &Num) -> Option<Invalid> {
    let max = days_in_month(year, month);
    if day.value >= 1 && day.value <= max {
        return None;
    }
    let name = MONTH_NAMES[month as usize - 1];
    let reason = if day.value == 0 {
        "day 0 does not exist".to_owned()
    } else if month == 2 && day.value == 29 {
        format!("{year} is not a leap year: February {year} has 28 days")
    } else if month == 2 {
        format!("February {year} has {max} days")
    } else {
        format!("{name} has {max} days")
    };
    Some(invalid(reason, "no such day", day.range.clone()))
}

fn check_month(month: &Num) -> Option<Invalid> {
    (!(1..=12).contains(&month.value)).then(|| {
        invalid(
            format!("month {} does not exist", month.value),
            "no such month",
            month.range.clone(),
        )
    })
}

/// The calendar date and clock time, whatever the layout; `None` when all is well.
pub(super) fn validate(f: &Fields) -> Option<Invalid> {
    match f.order {
        Order::SlashAby => {
            let (a, b) = (&f.month, &f.day);
            if a.value > 12 && b.value > 12 {
                return Some(invalid(
                    format!("neither {} nor {} can be a month", a.value, b.value),
                    "no such month",
                    f.date_range.clone(),
                ));
            }
            if a.value == 0 || b.value == 0 {
                let zero = if a.value == 0 { a } else { b };
                return Some(invalid(
                    "day or month 0 does not exist",
                    "zero",
                    zero.range.clone(),
                ));
            }
            let day_check = if a.value > 12 {
                check_day(f.year.value, b.value, a)
            } else if b.value > 12 {
                check_day(f.year.value, a.value, b)
            } else {
                None
            };
            if day_check.is_some() {
                return day_check;
            }
        }
        _ => {
            if let Some(inv) = check_month(&f.month) {
                return Some(inv);
            }
            if let Some(inv) = check_day(f.year.value, f.month.value, &f.day) {
                return Some(inv);
            }
        }
    }
    if let Some(t) = &f.time {
        if t.hour.value == 24 {
            return Some(invalid(
                "hour 24 does not exist: write 00 of the next day",
                "no such hour",
                t.hour.range.clone(),
            ));
        }
        if t.hour.value > 24 {
            return Some(invalid(
                format!("hour {} does not exist", t.hour.value),
                "no such hour",
                t.hour.range.clone(),
            ));
        }
        if t.minute.value > 59 {
            return Some(invalid(
                format!("minute {} does not exist", t.minute.value),
                "no such minute",
                t.minute.range.clone(),
            ));
        }
        if let Some(s) = &t.second {
            if s.value == 60 {
                return Some(invalid(
                    "second 60 (a leap second) is rejected by Go and JavaScript",
                    "no such second",
                    s.range.clone(),
                ));
            }
            if s.value > 60 {
                return Some(invalid(
                    format!("second {} does not exist", s.value),
                    "no such second",
                    s.range.clone(),
                ));
            }
        }
    }
    if let Some(ZoneF {
        kind: ZoneK::Offset { hours, minutes, .. },
        range,
        ..
    }) = &f.zone
    {
        let mins = minutes.as_ref().map_or(0, |m| m.value);
        if mins > 59 || hours.value * 60 + mins > 14 * 60 {
            return Some(invalid(
                "no time zone is more than 14 hours from UTC",
                "no such zone",
                range.clone(),
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::dates::tests::invalid_at;

    #[test]
    fn impossible_dates_point_at_the_field() {
        assert_eq!(
            invalid_at("2024-02-30"),
            ("February 2024 has 29 days".into(), "30".into())
        );
        assert_eq!(
            invalid_at("2023-02-29 10:00:00"),
            (
                "2023 is not a leap year: February 2023 has 28 days".into(),
                "29".into()
            )
        );
        assert_eq!(
            invalid_at("1900-02-29"),
            (
                "1900 is not a leap year: February 1900 has 28 days".into(),
                "29".into()
            )
        );
        assert_eq!(invalid_at("2021-13-01").1, "13");
        assert_eq!(invalid_at("2021-00-10").0, "month 0 does not exist");
        assert_eq!(invalid_at("2021-04-31").0, "April has 30 days");
        assert_eq!(invalid_at("2021-07-00").0, "day 0 does not exist");
        assert_eq!(invalid_at("2021-07-32").1, "32");
        assert_eq!(invalid_at("2021-07-16 25:00:00").1, "25");
        assert_eq!(invalid_at("2021-07-16 24:00:00").1, "24");
        assert_eq!(invalid_at("2021-07-16 23:61:00").1, "61");
        assert_eq!(invalid_at("2021-07-16 23:59:60").1, "60");
        assert_eq!(invalid_at("2021-07-16 23:59:61").1, "61");
        assert_eq!(invalid_at("2021-07-16 02:57:12 +2500").1, "+2500");
        assert_eq!(invalid_at("2021-07-16 02:57:12 +0860").1, "+0860");
        assert_eq!(invalid_at("2021-07-16T02:57:12+15:00").1, "+15:00");
        // In other layouts too.
        assert_eq!(invalid_at("Fri, 31 Feb 2021 02:57:12 GMT").1, "31");
        assert_eq!(invalid_at("2021/02/30").1, "30");
        assert_eq!(invalid_at("13/14/2021").1, "13/14/2021");
        assert_eq!(invalid_at("02/30/2021").1, "30");
        assert_eq!(invalid_at("31/04/2021").1, "31");
        // Not a date at all.
        assert_eq!(invalid_at("yesterday").1, "yesterday");
        assert_eq!(invalid_at("").0, "the date is empty");
    }
}
