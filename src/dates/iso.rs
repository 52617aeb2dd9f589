use std::ops::Range;

use super::scan::{Fields, Sep, ZoneK};
use super::suggest::{canonical, checked};
use super::{info, is_utc_name, DateClass, Kind, Layout, NonPortable};

const HUGO_REJECTS: &str = "Hugo reports the field as not a parsable date";

/// What one check found; the suggestion is the same for every check, so it is added once.
struct Problem {
    kind: Kind,
    summary: String,
    label: &'static str,
    explanation: String,
    range: Range<usize>,
    hexo: bool,
    /// Only where the explanation says Ruby reads it; unknown counts as not read.
    jekyll: bool,
    hugo: bool,
}

/// Tried in order and the first problem wins: one finding per date, and the order decides
/// which one a date with several problems reports.
const CHECKS: &[fn(&str, &Fields) -> Option<Problem>] = &[
    separator,
    short_date_field,
    short_clock_field,
    short_hour_after_t,
    no_seconds,
    lowercase_z,
    blank_before_z,
    short_offset,
    blank_between_t_time_and_zone,
    blanks_before_zone,
    zone_name,
];

pub(super) fn iso_class(s: &str, f: &Fields) -> DateClass {
    match CHECKS.iter().find_map(|check| check(s, f)) {
        Some(p) => DateClass::NonPortable(NonPortable {
            kind: p.kind,
            summary: p.summary,
            label: p.label,
            explanation: p.explanation,
            range: p.range,
            suggestion: checked(canonical(s, f, f.month.value, f.day.value, true, false)),
            hexo: p.hexo,
            jekyll: p.jekyll,
            hugo: p.hugo,
        }),
        None => DateClass::Portable(info(f, Layout::Iso)),
    }
}

/// js-yaml turns these into a Date and hexo-front-matter then loses a written `Z`/`±hh:mm`.
fn yaml_zone_lost(f: &Fields) -> bool {
    matches!(
        f.zone.as_ref().map(|z| &z.kind),
        Some(ZoneK::Z | ZoneK::Offset { colon: true, .. })
    ) || matches!(
        f.zone.as_ref().map(|z| &z.kind),
        Some(ZoneK::Offset { minutes: None, .. })
    )
}

fn separator(_: &str, f: &Fields) -> Option<Problem> {
    let t = f.time.as_ref()?;
    if !matches!(t.sep, Sep::LowerT | Sep::Blanks) {
        return None;
    }
    let what = if t.sep == Sep::LowerT {
        "a lowercase `t`"
    } else {
        "several blanks or a tab"
    };
    Some(Problem {
        kind: Kind::Separator,
        summary: format!("{what} between date and time"),
        label: "separator",
        explanation: format!(
            "Hugo's Go layouts want exactly `T` or one space between date and time, so \
             {HUGO_REJECTS}; JavaScript's Date (Hexo) and Ruby (Jekyll) accept {what}"
        ),
        range: t.sep_range.clone(),
        hexo: !yaml_zone_lost(f),
        jekyll: true,
        hugo: false,
    })
}

fn short_date_field(s: &str, f: &Fields) -> Option<Problem> {
    let (name, field) = [("month", &f.month), ("day", &f.day)]
        .into_iter()
        .find(|(_, n)| n.len() == 1)?;
    Some(Problem {
        kind: Kind::ShortField,
        summary: format!("one-digit {name} in `{}`", &s[f.date_range.clone()]),
        label: "one digit",
        explanation: format!(
            "Hugo's Go layouts need two digits for the month and the day (`2006-01-02`), so \
             {HUGO_REJECTS}; Hexo (js-yaml, JavaScript's Date) and Jekyll (Ruby's Time.parse) \
             accept one"
        ),
        range: field.range.clone(),
        // js-yaml reads a one-digit month or day, but not a one-digit minute or second.
        hexo: !yaml_zone_lost(f)
            && f.time.as_ref().is_none_or(|t| {
                t.minute.len() == 2 && t.second.as_ref().is_none_or(|s| s.len() == 2)
            }),
        jekyll: true,
        hugo: false,
    })
}

fn short_clock_field(_: &str, f: &Fields) -> Option<Problem> {
    let t = f.time.as_ref()?;
    let n = [Some(&t.minute), t.second.as_ref()]
        .into_iter()
        .flatten()
        .find(|n| n.len() == 1)?;
    Some(Problem {
        kind: Kind::ShortField,
        summary: "one-digit minute or second".into(),
        label: "one digit",
        explanation: format!(
            "Hugo's Go layouts need two digits for minutes and seconds (`15:04:05`), so \
             {HUGO_REJECTS}; js-yaml (Hexo) does not read it as a timestamp either"
        ),
        range: n.range.clone(),
        hexo: false,
        jekyll: false,
        hugo: false,
    })
}

fn short_hour_after_t(_: &str, f: &Fields) -> Option<Problem> {
    let t = f.time.as_ref()?;
    (t.hour.len() == 1 && t.sep == Sep::T).then(|| Problem {
        kind: Kind::ShortField,
        summary: "one-digit hour after `T`".into(),
        label: "one digit",
        explanation: "JavaScript's Date cannot read a one-digit hour after `T`, so when the value \
                      is quoted Hexo silently uses the file's creation time (js-yaml reads it \
                      unquoted); Hugo and Jekyll read it"
            .into(),
        range: t.hour.range.clone(),
        hexo: false,
        jekyll: true,
        hugo: true,
    })
}

fn no_seconds(_: &str, f: &Fields) -> Option<Problem> {
    let t = f.time.as_ref()?;
    if t.second.is_some() {
        return None;
    }
    let explanation = if f.zone.is_none() {
        format!(
            "every date layout Hugo knows has seconds (`15:04:05`), so {HUGO_REJECTS}; Hexo \
             (JavaScript's Date) and Jekyll (Ruby's Time.parse) read it in the site's time zone. \
             Note that Jekyll reads the same time written unquoted with seconds and no zone as \
             UTC (a YAML timestamp)"
        )
    } else {
        format!(
            "every date layout Hugo knows has seconds (`15:04:05`), so {HUGO_REJECTS}; Hexo \
             (JavaScript's Date) and Jekyll (Ruby's Time.parse) read it"
        )
    };
    Some(Problem {
        kind: Kind::NoSeconds,
        summary: "time without seconds".into(),
        label: "no seconds",
        explanation,
        range: t.range.clone(),
        hexo: true,
        jekyll: true,
        hugo: false,
    })
}

/// A problem with how the zone is written: every zone check reports it the same way.
fn zone_problem(
    summary: String,
    explanation: String,
    range: Range<usize>,
    jekyll: bool,
) -> Option<Problem> {
    Some(Problem {
        kind: Kind::ZoneForm,
        summary,
        label: "zone",
        explanation,
        range,
        hexo: false,
        jekyll,
        hugo: false,
    })
}

fn lowercase_z(_: &str, f: &Fields) -> Option<Problem> {
    let z = f.zone.as_ref()?;
    if !matches!(z.kind, ZoneK::LowerZ) {
        return None;
    }
    zone_problem(
        "lowercase `z` for UTC".to_owned(),
        "Go's layouts match only an uppercase `Z`, so ".to_owned() + HUGO_REJECTS,
        z.range.clone(),
        false,
    )
}

fn blank_before_z(_: &str, f: &Fields) -> Option<Problem> {
    let z = f.zone.as_ref()?;
    if !matches!(z.kind, ZoneK::Z) || z.gap.is_empty() {
        return None;
    }
    zone_problem(
        "blank before `Z`".to_owned(),
        format!("Hugo accepts `Z` only right after the seconds, so {HUGO_REJECTS}"),
        z.gap.start..z.range.end,
        false,
    )
}

fn short_offset(s: &str, f: &Fields) -> Option<Problem> {
    let z = f.zone.as_ref()?;
    let ZoneK::Offset { hours, minutes, .. } = &z.kind else {
        return None;
    };
    if minutes.is_some() && hours.len() != 1 {
        return None;
    }
    zone_problem(
        format!(
            "zone offset `{}` is not written ±hhmm or ±hh:mm",
            &s[z.range.clone()]
        ),
        format!(
            "Hugo needs a zone offset with two-digit hours and minutes (`+0800` or `+08:00`), so \
             {HUGO_REJECTS}"
        ),
        z.range.clone(),
        false,
    )
}

fn blank_between_t_time_and_zone(_: &str, f: &Fields) -> Option<Problem> {
    let z = f.zone.as_ref()?;
    let with_t = f.time.as_ref().is_some_and(|t| t.sep == Sep::T);
    let ZoneK::Offset { colon, .. } = z.kind else {
        return None;
    };
    if !with_t || z.gap.is_empty() {
        return None;
    }
    // js-yaml reads `T02:57:12 +08:00` as a timestamp when unquoted, but not `+0800`.
    let explanation = if colon {
        format!(
            "JavaScript's Date cannot read a blank between a `T` time and its zone, so when the \
             value is quoted Hexo silently uses the file's creation time (js-yaml reads it \
             unquoted); {HUGO_REJECTS}; Jekyll reads it"
        )
    } else {
        format!(
            "JavaScript's Date cannot read a blank between a `T` time and its zone, so Hexo \
             silently uses the file's creation time, and {HUGO_REJECTS}; Jekyll reads it"
        )
    };
    zone_problem(
        "blank between a `T` time and its zone".to_owned(),
        explanation,
        z.gap.start..z.range.end,
        true,
    )
}

fn blanks_before_zone(s: &str, f: &Fields) -> Option<Problem> {
    let z = f.zone.as_ref()?;
    if !matches!(z.kind, ZoneK::Offset { .. })
        || !(z.gap.len() > 1 || s[z.gap.clone()].contains('\t'))
    {
        return None;
    }
    zone_problem(
        "several blanks before the zone".to_owned(),
        format!("Hugo's layouts allow one space before the zone, so {HUGO_REJECTS}"),
        z.gap.start..z.range.end,
        false,
    )
}

fn zone_name(_: &str, f: &Fields) -> Option<Problem> {
    let z = f.zone.as_ref()?;
    let ZoneK::Name(name) = &z.kind else {
        return None;
    };
    let explanation = if is_utc_name(name) {
        format!(
            "Hugo's only layout with a zone name after an ISO time also wants a numeric offset \
             (`-0700 MST`), so {HUGO_REJECTS}; JavaScript's Date (Hexo) and Ruby (Jekyll) read \
             `{name}`"
        )
    } else {
        format!(
            "Hugo rejects a zone name here ({HUGO_REJECTS}), and zone abbreviations are \
             ambiguous: JavaScript and Ruby read `CST` as US Central time, not China Standard \
             Time"
        )
    };
    zone_problem(
        format!("time zone written as a name, `{name}`"),
        explanation,
        z.range.clone(),
        is_utc_name(name),
    )
}

#[cfg(test)]
mod tests {
    use crate::dates::tests::{non_portable, portable};
    use crate::dates::*;

    #[test]
    fn portable_iso_forms() {
        for s in [
            "2021-07-16",
            "2021-07-16 02:57:12",
            "2021-07-16T02:57:12",
            "2021-07-16 02:57:12.123",
            "2021-07-16T02:57:12Z",
            "2021-07-16T02:57:12.5Z",
            "2021-07-16T02:57:12+08:00",
            "2021-07-16T02:57:12+0800",
            "2021-07-16T02:57:12-05:00",
            "2021-07-16 02:57:12Z",
            "2021-07-16 02:57:12+0800",
            "2021-07-16 02:57:12+08:00",
            "2021-07-16 02:57:12 +0800",
            "2021-07-16 02:57:12 +08:00",
            "2021-08-03 00:00:00 +0000",
            "2013-11-22 5:00:00 +0000",
            "2024-02-29",
            "2000-02-29 12:00:00",
            "2021-12-31 23:59:59 -1200",
            "2021-07-16 02:57:12 +1400",
        ] {
            portable(s);
        }
        let info = portable("2021-07-16 02:57:12 +0800");
        assert_eq!((info.year, info.month, info.day), (2021, 7, 16));
        assert_eq!(info.time, Some((2, 57, 12)));
        assert_eq!(
            info.zone,
            Zone::Offset {
                minutes: 480,
                colon: false
            }
        );
        assert_eq!(portable("2021-07-16T02:57:12Z").zone, Zone::Utc);
        assert_eq!(
            portable("2021-07-16T02:57:12-05:30").zone,
            Zone::Offset {
                minutes: -330,
                colon: true
            }
        );
        assert_eq!(portable("2021-07-16").time, None);
    }

    #[test]
    fn hugo_needs_seconds_and_two_digits() {
        let np = non_portable("2019-06-01 15:40");
        assert_eq!(np.kind, Kind::NoSeconds);
        assert_eq!(np.range, 11..16);
        assert_eq!(np.suggestion.as_deref(), Some("2019-06-01 15:40:00"));
        assert!(np.hexo);
        let np = non_portable("2021-07-16T02:57Z");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16T02:57:00Z"));

        let np = non_portable("2021-7-6 02:57:12");
        assert_eq!(np.kind, Kind::ShortField);
        assert_eq!(np.range, 5..6);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-06 02:57:12"));
        assert!(np.hexo);
        assert!(!non_portable("2021-7-6 02:57:12+08:00").hexo);

        let np = non_portable("2021-07-16 02:5:12");
        assert_eq!(np.kind, Kind::ShortField);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:05:12"));

        let np = non_portable("2021-07-16T5:00:00Z");
        assert_eq!(np.kind, Kind::ShortField);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16T05:00:00Z"));

        // Several problems: one finding, one suggestion that fixes them all.
        let np = non_portable("2021-7-6 2:57");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-06 02:57:00"));
    }

    #[test]
    fn zone_forms() {
        let s = "2021-07-16T02:57:12 +0800";
        let np = non_portable(s);
        assert_eq!(np.kind, Kind::ZoneForm);
        assert_eq!(&s[np.range.clone()], " +0800");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16T02:57:12+0800"));
        assert!(!np.hexo);

        let s = "2021-07-16 02:57:12 Z";
        let np = non_portable(s);
        assert_eq!(&s[np.range.clone()], " Z");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12 +0000"));

        let np = non_portable("2021-07-16T02:57:12+08");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16T02:57:12+0800"));
        let np = non_portable("2021-07-16 02:57:12 +8:00");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12 +08:00"));
        let np = non_portable("2021-07-16T02:57:12z");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16T02:57:12Z"));
        let np = non_portable("2021-07-16 02:57:12 UTC");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12 +0000"));
        let np = non_portable("2021-07-16 02:57:12 CST");
        assert_eq!(np.suggestion, None);
        let np = non_portable("2021-07-16 02:57:12   +0800");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12 +0800"));
    }

    #[test]
    fn separators() {
        let np = non_portable("2021-07-16t02:57:12");
        assert_eq!(np.kind, Kind::Separator);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16T02:57:12"));
        let np = non_portable("2021-07-16  02:57:12");
        assert_eq!(np.kind, Kind::Separator);
        assert_eq!(np.range, 10..12);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12"));
    }
}
