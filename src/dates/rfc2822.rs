use super::scan::{parse_time, parse_zone_and_end, Cur, Fields, Num, Order, Sep, ZoneK};
use super::suggest::{canonical, checked};
use super::{info, is_utc_name, DateClass, Kind, Layout, NonPortable};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LONG_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(super) fn parse_rfc2822(s: &str) -> Option<Fields> {
    let mut c = Cur {
        b: s.as_bytes(),
        i: 0,
    };
    let mut weekday = false;
    if c.peek()?.is_ascii_alphabetic() {
        let r = c.letters();
        let word = s[r].to_ascii_lowercase();
        if !DAYS.contains(&word.as_str()) && !LONG_DAYS.contains(&word.as_str()) {
            return None;
        }
        if !c.eat(b',') {
            return None;
        }
        weekday = true;
        if c.blanks().is_empty() {
            return None;
        }
    }
    let date_start = c.i;
    let day = c.digits(1, 2)?;
    if c.blanks().is_empty() {
        return None;
    }
    let r = c.letters();
    let word = s[r.clone()].to_ascii_lowercase();
    let month_index = MONTHS.iter().position(|m| *m == word)?;
    let month = Num {
        value: month_index as u32 + 1,
        range: r,
    };
    if c.blanks().is_empty() {
        return None;
    }
    let year = c.digits(4, 4)?;
    let date_range = date_start..c.i;
    let sep_start = c.i;
    let blanks = c.blanks();
    if blanks.is_empty() {
        return None;
    }
    let sep = if blanks.len() == 1 {
        Sep::Space
    } else {
        Sep::Blanks
    };
    let sep_range = sep_start..c.i;
    let time = parse_time(&mut c, sep, sep_range)?;
    let zone = parse_zone_and_end(&mut c)?;
    if zone.as_ref().is_some_and(|z| z.gap.is_empty()) {
        return None;
    }
    Some(Fields {
        order: Order::Rfc,
        year,
        month,
        day,
        date_range,
        weekday,
        time: Some(time),
        zone,
    })
}

pub(super) fn rfc_class(s: &str, f: &Fields) -> DateClass {
    let Some(t) = &f.time else {
        // The parser always records the time of an RFC 2822 date.
        return DateClass::Portable(info(f, Layout::Rfc2822));
    };
    let day_ok = f.day.len() == 2;
    let rfc1123_shape = f.weekday
        && day_ok
        && t.second.is_some()
        && t.hour.len() == 2
        && t.minute.len() == 2
        && t.second.as_ref().is_some_and(|s| s.len() == 2)
        && t.sep == Sep::Space
        && f.zone.as_ref().is_some_and(|z| z.gap.len() == 1);
    let numeric = matches!(
        f.zone.as_ref().map(|z| &z.kind),
        Some(ZoneK::Offset {
            colon: false,
            minutes: Some(_),
            ..
        })
    ) && f.zone.as_ref().is_some_and(|z| z.range.len() == 5);
    if rfc1123_shape && numeric {
        // Go's RFC1123Z, JavaScript's Date and Ruby's Time.parse all read it, zone included.
        return DateClass::Portable(info(f, Layout::Rfc2822));
    }
    let zone_name = match f.zone.as_ref().map(|z| &z.kind) {
        Some(ZoneK::Name(n)) => Some(n.as_str()),
        Some(ZoneK::Z) => Some("Z"),
        _ => None,
    };
    let hugo = if rfc1123_shape && zone_name.is_some_and(|n| n.len() >= 3) {
        format!(
            "Hugo matches Go's RFC 1123 layout but then drops the zone name and places the clock \
             time in the site's `timeZone` (Etc/UTC unless configured), so on a site whose \
             `timeZone` is not UTC the date is hours off{}",
            if zone_name.is_some_and(|n| !is_utc_name(n)) {
                "; a zone name such as `CST` is ambiguous anyway (JavaScript and Ruby read it as US \
                 Central time)"
            } else {
                ""
            }
        )
    } else {
        let why = if !f.weekday {
            "it has no weekday"
        } else if !day_ok {
            "its day has one digit"
        } else if t.second.is_none() {
            "it has no seconds"
        } else if f.zone.is_none() {
            "it has no zone"
        } else {
            "its spacing or zone differs"
        };
        format!(
            "Hugo reads RFC 2822 dates only in Go's RFC 1123 layout (`Mon, 02 Jan 2006 15:04:05 \
             MST`), and {why}, so Hugo reports the field as not a parsable date"
        )
    };
    let hexo = match f.zone.as_ref().map(|z| &z.kind) {
        None => true,
        Some(ZoneK::Name(n)) => is_utc_name(n),
        Some(ZoneK::Z) => true,
        Some(ZoneK::Offset { .. }) => true,
        Some(ZoneK::LowerZ) => false,
    };
    DateClass::NonPortable(NonPortable {
        kind: Kind::Rfc2822,
        summary: "RFC 2822 date, as RSS feeds write them".into(),
        label: "RFC 2822 date",
        explanation: format!(
            "Hexo (JavaScript's Date) and Jekyll (Ruby's Time.parse) read it in its zone; {hugo}"
        ),
        range: 0..s.len(),
        suggestion: checked(canonical(s, f, f.month.value, f.day.value, false, true)),
        hexo,
        jekyll: true,
        hugo: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::dates::tests::{non_portable, portable};
    use crate::dates::*;

    #[test]
    fn rfc2822_with_numeric_zone_is_portable() {
        let info = portable("Fri, 16 Jul 2021 02:57:12 +0000");
        assert_eq!(info.layout, Layout::Rfc2822);
        assert_eq!((info.month, info.day), (7, 16));
        portable("Mon, 01 Feb 2021 10:00:00 -0500");
    }

    #[test]
    fn rfc2822_as_bots_write_it() {
        let np = non_portable("Fri, 16 Jul 2021 02:57:12 GMT");
        assert_eq!(np.kind, Kind::Rfc2822);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12 +0000"));
        assert!(np.explanation.contains("timeZone"), "{}", np.explanation);
        assert!(np.hexo);
        assert_eq!(np.range, 0..29);

        let np = non_portable("Thu, 9 Jun 2022 02:30:00 GMT");
        assert!(np.explanation.contains("one digit"), "{}", np.explanation);
        assert_eq!(np.suggestion.as_deref(), Some("2022-06-09 02:30:00 +0000"));

        let np = non_portable("16 Jul 2021 02:57:12 UTC");
        assert!(np.explanation.contains("no weekday"), "{}", np.explanation);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12 +0000"));

        let np = non_portable("Fri, 16 Jul 2021 02:57 +0800");
        assert!(np.explanation.contains("no seconds"), "{}", np.explanation);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:00 +0800"));

        let np = non_portable("Fri, 16 Jul 2021 02:57:12 CST");
        assert_eq!(np.suggestion, None);
        assert!(!np.hexo);
        assert!(np.explanation.contains("US"), "{}", np.explanation);

        let np = non_portable("friday, 16 jul 2021 02:57:12 gmt");
        assert_eq!(np.kind, Kind::Rfc2822);
    }
}
