use super::scan::{Fields, Sep, ZoneK};
use super::suggest::{canonical, checked};
use super::{info, is_utc_name, DateClass, Kind, Layout, NonPortable};

pub(super) fn iso_class(s: &str, f: &Fields) -> DateClass {
    let hugo_rejects = "Hugo reports the field as not a parsable date";
    let np = |kind, summary: String, label, explanation: String, range, hexo| {
        DateClass::NonPortable(NonPortable {
            kind,
            summary,
            label,
            explanation,
            range,
            suggestion: checked(canonical(s, f, f.month.value, f.day.value, true, false)),
            hexo,
        })
    };
    // js-yaml turns these into a Date and hexo-front-matter then loses a written `Z`/`±hh:mm`.
    let yaml_zone_lost = matches!(
        f.zone.as_ref().map(|z| &z.kind),
        Some(ZoneK::Z | ZoneK::Offset { colon: true, .. })
    ) || matches!(
        f.zone.as_ref().map(|z| &z.kind),
        Some(ZoneK::Offset { minutes: None, .. })
    );

    if let Some(t) = &f.time {
        if matches!(t.sep, Sep::LowerT | Sep::Blanks) {
            let what = if t.sep == Sep::LowerT {
                "a lowercase `t`"
            } else {
                "several blanks or a tab"
            };
            return np(
                Kind::Separator,
                format!("{what} between date and time"),
                "separator",
                format!(
                    "Hugo's Go layouts want exactly `T` or one space between date and time, so \
                     {hugo_rejects}; JavaScript's Date (Hexo) and Ruby (Jekyll) accept {what}"
                ),
                t.sep_range.clone(),
                !yaml_zone_lost,
            );
        }
    }
    for field in [&f.month, &f.day] {
        if field.len() == 1 {
            return np(
                Kind::ShortField,
                format!(
                    "one-digit {} in `{}`",
                    if std::ptr::eq(field, &f.month) {
                        "month"
                    } else {
                        "day"
                    },
                    &s[f.date_range.clone()]
                ),
                "one digit",
                format!(
                    "Hugo's Go layouts need two digits for the month and the day \
                     (`2006-01-02`), so {hugo_rejects}; Hexo (js-yaml, JavaScript's Date) and \
                     Jekyll (Ruby's Time.parse) accept one"
                ),
                field.range.clone(),
                !yaml_zone_lost
                    && f.time.as_ref().is_none_or(|t| {
                        t.minute.len() == 2 && t.second.as_ref().is_none_or(|s| s.len() == 2)
                    }),
            );
        }
    }
    if let Some(t) = &f.time {
        let short = [Some(&t.minute), t.second.as_ref()]
            .into_iter()
            .flatten()
            .find(|n| n.len() == 1);
        if let Some(n) = short {
            return np(
                Kind::ShortField,
                "one-digit minute or second".into(),
                "one digit",
                format!(
                    "Hugo's Go layouts need two digits for minutes and seconds (`15:04:05`), so \
                     {hugo_rejects}; js-yaml (Hexo) does not read it as a timestamp either"
                ),
                n.range.clone(),
                false,
            );
        }
        if t.hour.len() == 1 && t.sep == Sep::T {
            return np(
                Kind::ShortField,
                "one-digit hour after `T`".into(),
                "one digit",
                "JavaScript's Date cannot read a one-digit hour after `T`, so when the value is \
                 quoted Hexo silently uses the file's creation time (js-yaml reads it unquoted); \
                 Hugo and Jekyll read it"
                    .into(),
                t.hour.range.clone(),
                false,
            );
        }
        if t.second.is_none() {
            return np(
                Kind::NoSeconds,
                "time without seconds".into(),
                "no seconds",
                if f.zone.is_none() {
                    format!(
                        "every date layout Hugo knows has seconds (`15:04:05`), so \
                         {hugo_rejects}; Hexo (JavaScript's Date) and Jekyll (Ruby's Time.parse) \
                         read it in the site's time zone. Note that Jekyll reads the same time \
                         written unquoted with seconds and no zone as UTC (a YAML timestamp)"
                    )
                } else {
                    format!(
                        "every date layout Hugo knows has seconds (`15:04:05`), so \
                         {hugo_rejects}; Hexo (JavaScript's Date) and Jekyll (Ruby's Time.parse) \
                         read it"
                    )
                },
                t.range.clone(),
                true,
            );
        }
    }
    if let Some(z) = &f.zone {
        let with_t = f.time.as_ref().is_some_and(|t| t.sep == Sep::T);
        let zone_text = &s[z.range.clone()];
        let problem = match &z.kind {
            ZoneK::LowerZ => Some((
                "lowercase `z` for UTC".to_owned(),
                "Go's layouts match only an uppercase `Z`, so ".to_owned() + hugo_rejects,
                z.range.clone(),
            )),
            ZoneK::Z if !z.gap.is_empty() => Some((
                "blank before `Z`".to_owned(),
                format!("Hugo accepts `Z` only right after the seconds, so {hugo_rejects}"),
                z.gap.start..z.range.end,
            )),
            ZoneK::Offset { hours, minutes, .. } if minutes.is_none() || hours.len() == 1 => {
                Some((
                    format!("zone offset `{zone_text}` is not written ±hhmm or ±hh:mm"),
                    format!(
                        "Hugo needs a zone offset with two-digit hours and minutes (`+0800` or \
                         `+08:00`), so {hugo_rejects}"
                    ),
                    z.range.clone(),
                ))
            }
            ZoneK::Offset { .. } if with_t && !z.gap.is_empty() => Some((
                "blank between a `T` time and its zone".to_owned(),
                if matches!(z.kind, ZoneK::Offset { colon: true, .. }) {
                    format!(
                        "JavaScript's Date cannot read a blank between a `T` time and its zone, \
                         so when the value is quoted Hexo silently uses the file's creation time \
                         (js-yaml reads it unquoted); {hugo_rejects}; Jekyll reads it"
                    )
                } else {
                    format!(
                        "JavaScript's Date cannot read a blank between a `T` time and its zone, \
                         so Hexo silently uses the file's creation time, and {hugo_rejects}; \
                         Jekyll reads it"
                    )
                },
                z.gap.start..z.range.end,
            )),
            ZoneK::Offset { .. } if z.gap.len() > 1 || s[z.gap.clone()].contains('\t') => Some((
                "several blanks before the zone".to_owned(),
                format!("Hugo's layouts allow one space before the zone, so {hugo_rejects}"),
                z.gap.start..z.range.end,
            )),
            ZoneK::Name(name) => Some((
                format!("time zone written as a name, `{name}`"),
                if is_utc_name(name) {
                    format!(
                        "Hugo's only layout with a zone name after an ISO time also wants a \
                         numeric offset (`-0700 MST`), so {hugo_rejects}; JavaScript's Date \
                         (Hexo) and Ruby (Jekyll) read `{name}`"
                    )
                } else {
                    format!(
                        "Hugo rejects a zone name here ({hugo_rejects}), and zone abbreviations \
                         are ambiguous: JavaScript and Ruby read `CST` as US Central time, not \
                         China Standard Time"
                    )
                },
                z.range.clone(),
            )),
            _ => None,
        };
        if let Some((summary, explanation, range)) = problem {
            return np(Kind::ZoneForm, summary, "zone", explanation, range, false);
        }
    }
    DateClass::Portable(info(f, Layout::Iso))
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
