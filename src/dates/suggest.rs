use std::fmt::Write as _;

use super::scan::{parse_iso, Fields, Sep, ZoneK};
use super::{is_post_date, is_utc_name};

/// `YYYY-MM-DD[ HH:MM:SS[.f]][zone]` for the fields, with the month and day given; `None` when
/// the zone has no portable spelling (a name other than GMT/UTC).
pub(super) fn canonical(
    s: &str,
    f: &Fields,
    month: u32,
    day: u32,
    keep_t: bool,
    rfc_zone: bool,
) -> Option<String> {
    let mut out = format!("{:04}-{month:02}-{day:02}", f.year.value);
    let Some(t) = &f.time else {
        return Some(out);
    };
    let use_t = keep_t && matches!(t.sep, Sep::T | Sep::LowerT);
    out.push(if use_t { 'T' } else { ' ' });
    let second = t.second.as_ref().map_or(0, |s| s.value);
    let _ = write!(out, "{:02}:{:02}:{second:02}", t.hour.value, t.minute.value);
    if let Some(fr) = &t.fraction {
        out.push_str(&s[fr.clone()]);
    }
    let Some(z) = &f.zone else {
        return Some(out);
    };
    let gap = if use_t || (z.gap.is_empty() && !rfc_zone) {
        ""
    } else {
        " "
    };
    match &z.kind {
        ZoneK::Z | ZoneK::LowerZ => out.push_str(if use_t || gap.is_empty() {
            "Z"
        } else {
            " +0000"
        }),
        ZoneK::Name(name) if is_utc_name(name) => out.push_str(if use_t { "Z" } else { " +0000" }),
        ZoneK::Name(_) => return None,
        ZoneK::Offset {
            negative,
            hours,
            minutes,
            colon,
        } => {
            let m = minutes.as_ref().map_or(0, |m| m.value);
            let sign = if *negative { '-' } else { '+' };
            let colon = if *colon { ":" } else { "" };
            let _ = write!(out, "{gap}{sign}{:02}{colon}{m:02}", hours.value);
        }
    }
    Some(out)
}

/// A portable ISO date with two-digit fields throughout (`0:00:00` becomes `00:00:00`).
pub(super) fn tidy(s: &str) -> String {
    parse_iso(s)
        .and_then(|f| canonical(s, &f, f.month.value, f.day.value, true, false))
        .filter(|t| is_post_date(t))
        .unwrap_or_else(|| s.to_owned())
}

/// Keep a suggestion only if it is itself portable.
pub(super) fn checked(suggestion: Option<String>) -> Option<String> {
    suggestion.filter(|s| is_post_date(s))
}
