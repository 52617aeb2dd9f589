use super::calendar::MONTH_NAMES;
use super::scan::{Fields, Order};
use super::suggest::{canonical, checked};
use super::{DateClass, Kind, NonPortable};

pub(super) fn slash_class(s: &str, f: &Fields) -> DateClass {
    let date = &s[f.date_range.clone()];
    let time_ok = f
        .time
        .as_ref()
        .is_none_or(|t| t.minute.len() == 2 && t.second.as_ref().is_none_or(|s| s.len() == 2));
    let hugo = "Hugo accepts dates only with dashes (`2006-01-02`) and reports the field as not a \
                parsable date";
    let (ambiguous, month, day, explanation, hexo) = match f.order {
        Order::SlashYmd => (
            false,
            f.month.value,
            f.day.value,
            format!(
                "Hexo (JavaScript's Date) and Jekyll (Ruby's Time.parse) read `{date}` as \
                 year/month/day in the site's time zone (Hexo's own docs write dates this way); \
                 {hugo}"
            ),
            time_ok,
        ),
        _ => {
            let (a, b) = (f.month.value, f.day.value);
            if a == b {
                (
                    false,
                    a,
                    b,
                    format!(
                        "day and month are the same, so Hexo (JavaScript's Date, month first) \
                         and Jekyll (Ruby's Time.parse, day first) agree; {hugo}"
                    ),
                    time_ok,
                )
            } else if a > 12 {
                (
                    false,
                    b,
                    a,
                    format!(
                        "JavaScript's Date reads `A/B/YYYY` month first, finds no month {a} and \
                         gives up, so Hexo silently uses the file's creation time; Ruby's \
                         Time.parse (Jekyll) reads it day first, as {a} {} {}; {hugo}",
                        MONTH_NAMES[b as usize - 1],
                        f.year.value
                    ),
                    false,
                )
            } else if b > 12 {
                (
                    false,
                    a,
                    b,
                    format!(
                        "JavaScript's Date (Hexo) reads it month first, as {} {b}, {}; Ruby's \
                         Time.parse (Jekyll) reads it day first, finds no month {b} and stops \
                         the build with `Invalid date` (for its `date` key); {hugo}",
                        MONTH_NAMES[a as usize - 1],
                        f.year.value
                    ),
                    time_ok,
                )
            } else {
                (
                    true,
                    0,
                    0,
                    format!(
                        "Hexo (JavaScript's Date) reads it month first, as {} {b}, {y}; Jekyll \
                         (Ruby's Time.parse) reads it day first, as {a} {} {y}; {hugo}",
                        MONTH_NAMES[a as usize - 1],
                        MONTH_NAMES[b as usize - 1],
                        y = f.year.value
                    ),
                    false,
                )
            }
        }
    };
    // Ruby reads `A/B/YYYY` day first: right whenever the day is unmistakable or both agree.
    let jekyll = match f.order {
        Order::SlashYmd => true,
        _ => f.month.value == f.day.value || f.month.value > 12,
    };
    let suggestion = if ambiguous {
        None
    } else {
        checked(canonical(s, f, month, day, false, false))
    };
    DateClass::NonPortable(NonPortable {
        kind: Kind::SlashDate { ambiguous },
        summary: if ambiguous {
            format!("`{date}` can be read day first or month first")
        } else {
            format!("slash date `{date}`")
        },
        label: if ambiguous {
            "day or month first?"
        } else {
            "slashes"
        },
        explanation,
        range: f.date_range.clone(),
        suggestion,
        hexo,
        jekyll,
        hugo: false,
    })
}

#[cfg(test)]
mod tests {
    use crate::dates::tests::non_portable;
    use crate::dates::*;

    #[test]
    fn slash_dates() {
        let np = non_portable("2013/7/13 20:46:25");
        assert_eq!(np.kind, Kind::SlashDate { ambiguous: false });
        assert_eq!(np.suggestion.as_deref(), Some("2013-07-13 20:46:25"));
        assert_eq!(np.range, 0..9);
        assert!(np.hexo);

        let np = non_portable("2013/07/13");
        assert_eq!(np.suggestion.as_deref(), Some("2013-07-13"));

        let np = non_portable("01/02/2021");
        assert_eq!(np.kind, Kind::SlashDate { ambiguous: true });
        assert_eq!(np.suggestion, None);
        assert!(!np.hexo);
        assert!(np.explanation.contains("January 2") && np.explanation.contains("1 February"));

        let np = non_portable("13/02/2021 10:00");
        assert_eq!(np.kind, Kind::SlashDate { ambiguous: false });
        assert_eq!(np.suggestion.as_deref(), Some("2021-02-13 10:00:00"));
        assert!(!np.hexo);

        let np = non_portable("02/13/2021");
        assert_eq!(np.suggestion.as_deref(), Some("2021-02-13"));
        assert!(np.hexo);
        assert!(np.explanation.contains("Invalid date"));

        let np = non_portable("05/05/2021");
        assert_eq!(np.kind, Kind::SlashDate { ambiguous: false });
        assert_eq!(np.suggestion.as_deref(), Some("2021-05-05"));
    }
}
