//! Front-matter dates as written, classified by how Hexo, Jekyll and Hugo read them.
//!
//! The classifier works on the raw text, because YAML types a date differently depending on its
//! quotes, seconds and zone, and each generator then reads the result its own way:
//!
//! - **Hexo** (8.x) parses YAML with js-yaml 4 through hexo-front-matter 4.2. js-yaml turns an
//!   unquoted `YYYY-M-D`, or `YYYY-M-D h:mm:ss` with an optional `Z`/`±hh[:mm]` zone, into a
//!   `Date` (rolling impossible values over: `2024-02-30` becomes March 1), and hexo-front-matter
//!   then shifts every such `Date` by the build machine's UTC offset, so zone-less times mean the
//!   local clock but a written `Z` or `+08:00` is lost (hexojs/hexo-front-matter#28,
//!   hexojs/hexo#4548). Everything else stays a string, which Hexo's post processor hands to
//!   JavaScript's `new Date(...)` (`toDate` in lib/plugins/processor/common.ts); when that gives
//!   `Invalid Date`, the post silently takes the file's creation time (`updated`: its modification
//!   time). Both paths then go through `timezone()`, which shifts the instant by the difference
//!   between the machine's zone and `timezone` in `_config.yml`.
//! - **Jekyll** loads YAML with SafeYAML: an unquoted `YYYY-MM-DD` becomes a Date, an unquoted
//!   date-time *with seconds* a Time read as UTC when no zone is written; anything else stays a
//!   string. `date` is then re-read with Ruby's `Time.parse(value.to_s)` in the site's zone
//!   (`Utils.parse_date`); when that raises, the build stops with `Invalid date '...'`. Ruby reads
//!   `A/B/YYYY` day first.
//! - **Hugo** gets date strings from its YAML decoder and parses them with spf13/cast's list of
//!   Go layouts (`cast.ToTimeInDefaultLocationE`, via `htime.ToTimeInDefaultLocationE`): RFC 3339,
//!   `2006-01-02[ T]15:04:05` with optional `Z07:00`/`-0700` zones, RFC 1123/822/850, `02 Jan
//!   2006` and a few more, all with seconds and two-digit fields except the hour. A layout with a
//!   zone *name* (`GMT`) keeps the clock time and places it in the site's `timeZone`. Anything
//!   else is logged as `the "date" front matter field is not a parsable date`.
//!
//! [`classify`] sorts a string into [`DateClass::Portable`] (every generator reads the same
//! calendar date and clock time), [`DateClass::Invalid`] (no such date or time) or
//! [`DateClass::NonPortable`] (generators disagree; the explanation says how).

mod calendar;
mod full_width;
mod iso;
mod rfc2822;
mod scan;
mod slash;
mod suggest;
#[cfg(test)]
mod tests;

use std::ops::Range;

use calendar::{invalid, validate};
use full_width::{classify_full_width, is_full_width};
use iso::iso_class;
use rfc2822::{parse_rfc2822, rfc_class};
use scan::{parse_iso, parse_slash, Fields, ZoneF, ZoneK};
use slash::slash_class;

/// How a date string is read by Hexo, Jekyll and Hugo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateClass {
    /// Every generator reads the same calendar date and clock time.
    Portable(DateInfo),
    /// No such date or time: month 13, February 30, hour 25, ...
    Invalid(Invalid),
    /// A date that generators read differently, or that some of them reject.
    NonPortable(NonPortable),
}

/// The fields of a portable date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateInfo {
    pub year: u32,
    pub month: u32,
    pub day: u32,
    /// Hour, minute, second.
    pub time: Option<(u32, u32, u32)>,
    pub zone: Zone,
    pub layout: Layout,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Zone {
    None,
    /// `Z`.
    Utc,
    /// `+08:00` (`colon`) or `+0800`, in minutes east of UTC.
    Offset {
        minutes: i32,
        colon: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `2021-07-16 02:57:12 +0800` and its relatives.
    Iso,
    /// `Fri, 16 Jul 2021 02:57:12 +0000`.
    Rfc2822,
    /// `2013/7/13 20:46:25`, `01/02/2021`.
    Slash,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// Why there is no such date, e.g. "February 2023 has 28 days".
    pub reason: String,
    /// A few words for the label under the offending part, e.g. "no such day".
    pub label: &'static str,
    /// The offending bytes of the input.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonPortable {
    pub kind: Kind,
    /// One line: what is wrong.
    pub summary: String,
    /// A few words for the label under the offending part.
    pub label: &'static str,
    /// What Hexo, Jekyll and Hugo each do with it.
    pub explanation: String,
    /// The offending bytes of the input (the whole input when no part is to blame).
    pub range: Range<usize>,
    /// The portable spelling of the same date, when the conversion is unambiguous.
    pub suggestion: Option<String>,
    /// Hexo 8 reads it as written (see [`is_hexo_date`]).
    pub hexo: bool,
    /// Jekyll reads it as written: SafeYAML, then Ruby's `Time.parse` in the site's zone.
    pub jekyll: bool,
    /// Hugo reads it as written: spf13/cast's Go layouts, the zone kept.
    pub hugo: bool,
}

/// The generator a post is built with, as a preset names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Hexo,
    Jekyll,
    Hugo,
}

impl Generator {
    pub fn from_preset(name: &str) -> Option<Generator> {
        match name.to_ascii_lowercase().as_str() {
            "hexo" => Some(Generator::Hexo),
            "jekyll" => Some(Generator::Jekyll),
            "hugo" => Some(Generator::Hugo),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Generator::Hexo => "Hexo",
            Generator::Jekyll => "Jekyll",
            Generator::Hugo => "Hugo",
        }
    }
}

impl NonPortable {
    /// Whether `generator` reads the date as written, so a site built only with it is fine.
    pub fn read_by(&self, generator: Generator) -> bool {
        match generator {
            Generator::Hexo => self.hexo,
            Generator::Jekyll => self.jekyll,
            Generator::Hugo => self.hugo,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `Fri, 16 Jul 2021 02:57:12 GMT`, as RSS feeds write dates.
    Rfc2822,
    /// Full-width forms such as `：` (U+FF1A) where ASCII belongs.
    FullWidth,
    /// `2013/7/13`, `13/02/2021`, or `01/02/2021` (`ambiguous`: day and month could swap).
    SlashDate { ambiguous: bool },
    /// `2021-07-16 02:57`.
    NoSeconds,
    /// A one-digit month, day, minute or second: `2021-7-6`.
    ShortField,
    /// A zone Hugo or JavaScript cannot read: `T02:57:12 +0800`, `02:57:12 Z`, `+08`, `UTC`.
    ZoneForm,
    /// Something other than `T` or one space between date and time.
    Separator,
    /// Blanks before or after the date, inside its quotes.
    Whitespace,
    /// A number where a date belongs.
    Number,
    /// Digits in no layout postlint knows.
    Unrecognized,
}

/// Whether every generator reads `s` as the same date and time: the `post-date` schema format.
pub fn is_post_date(s: &str) -> bool {
    matches!(classify(s), DateClass::Portable(_))
}

/// Whether Hexo 8 (hexo-front-matter 4.2, JavaScript's `Date`) reads `s` as the date and time
/// written, when the build machine's time zone is the `timezone` of `_config.yml` (or that is
/// unset): the `hexo-date` schema format.
///
/// Accepts zone-less dates and times, `+0800`-style zones, RFC 2822 dates with `GMT`/`UTC` or a
/// numeric zone, year-first slash dates and `M/D/YYYY` dates whose day is over 12. Rejects `Z`
/// and `+08:00` zones on an ISO date-time (js-yaml reads them, then hexo-front-matter shifts the
/// time by the machine's UTC offset), day-month ambiguous slash dates, and everything
/// JavaScript's `Date` cannot read (Hexo would silently use the file's creation time).
pub fn is_hexo_date(s: &str) -> bool {
    match classify(s) {
        // js-yaml reads these; hexo-front-matter then shifts them by the machine's UTC offset.
        DateClass::Portable(info) => !matches!(
            (info.layout, &info.zone),
            (Layout::Iso, Zone::Utc | Zone::Offset { colon: true, .. })
        ),
        DateClass::Invalid(_) => false,
        DateClass::NonPortable(np) => np.hexo,
    }
}

/// Classify a date as written (quotes removed).
pub fn classify(s: &str) -> DateClass {
    if s.chars().any(is_full_width) {
        return classify_full_width(s);
    }
    let trimmed = s.trim_matches([' ', '\t', '\r', '\n']);
    if trimmed.len() != s.len() && !trimmed.is_empty() {
        let lead = s.len() - s.trim_start_matches([' ', '\t', '\r', '\n']).len();
        return match classify_ascii(trimmed) {
            DateClass::Invalid(mut inv) => {
                inv.range = shift(inv.range, lead);
                DateClass::Invalid(inv)
            }
            inner => {
                let (suggestion, hexo, jekyll) = match &inner {
                    DateClass::Portable(_) => (Some(trimmed.to_owned()), true, true),
                    DateClass::NonPortable(np) => (np.suggestion.clone(), np.hexo, np.jekyll),
                    DateClass::Invalid(_) => (None, false, false),
                };
                DateClass::NonPortable(NonPortable {
                    kind: Kind::Whitespace,
                    summary: "blank space around the date".into(),
                    label: "blank space",
                    explanation: "Hugo's Go layouts do not skip blanks, so Hugo reports the field \
                                  as not a parsable date; JavaScript's Date (Hexo) and Ruby's \
                                  Time.parse (Jekyll) ignore them"
                        .into(),
                    range: 0..s.len(),
                    suggestion,
                    hexo,
                    jekyll,
                    hugo: false,
                })
            }
        };
    }
    classify_ascii(s)
}

/// Classify the raw text of a number found where a date belongs (`date: 20210716`).
pub fn classify_number(raw: &str) -> DateClass {
    let digits = raw.trim();
    let suggestion = (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]))
        .filter(|s| is_post_date(s));
    DateClass::NonPortable(NonPortable {
        kind: Kind::Number,
        summary: format!("`{digits}` is a number, not a date"),
        label: "a number",
        explanation: "Hexo hands a number to JavaScript's Date, which counts milliseconds since \
                      1970; Hugo (spf13/cast) counts seconds since 1970; Jekyll passes the digits \
                      to Ruby's Time.parse as text. The three disagree by decades"
            .into(),
        range: 0..raw.len(),
        suggestion,
        hexo: false,
        jekyll: false,
        hugo: false,
    })
}

fn classify_ascii(s: &str) -> DateClass {
    if s.is_empty() {
        return DateClass::Invalid(invalid("the date is empty", "empty", 0..0));
    }
    if let Some(f) = parse_iso(s) {
        if let Some(inv) = validate(&f) {
            return DateClass::Invalid(inv);
        }
        return iso_class(s, &f);
    }
    if let Some(f) = parse_slash(s) {
        if let Some(inv) = validate(&f) {
            return DateClass::Invalid(inv);
        }
        return slash_class(s, &f);
    }
    if let Some(f) = parse_rfc2822(s) {
        if let Some(inv) = validate(&f) {
            return DateClass::Invalid(inv);
        }
        return rfc_class(s, &f);
    }
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return DateClass::Invalid(invalid(
            "this is not a date: it has no digits",
            "not a date",
            0..s.len(),
        ));
    }
    DateClass::NonPortable(NonPortable {
        kind: Kind::Unrecognized,
        summary: format!("`{s}` is not in a date layout every generator reads"),
        label: "unrecognized date",
        explanation: "Hugo accepts only the layouts of spf13/cast's list and reports anything \
                      else as not a parsable date; when JavaScript's Date cannot read it, Hexo \
                      silently uses the file's creation time; when Ruby's Time.parse cannot, \
                      Jekyll stops the build with `Invalid date` (for its `date` key)"
            .into(),
        range: 0..s.len(),
        suggestion: None,
        hexo: false,
        jekyll: false,
        hugo: false,
    })
}

fn zone_info(z: &Option<ZoneF>) -> Zone {
    match z.as_ref().map(|z| &z.kind) {
        None => Zone::None,
        Some(ZoneK::Z | ZoneK::LowerZ) => Zone::Utc,
        Some(ZoneK::Offset {
            negative,
            hours,
            minutes,
            colon,
        }) => {
            let m = (hours.value * 60 + minutes.as_ref().map_or(0, |m| m.value)) as i32;
            Zone::Offset {
                minutes: if *negative { -m } else { m },
                colon: *colon,
            }
        }
        Some(ZoneK::Name(name)) => {
            if is_utc_name(name) {
                Zone::Utc
            } else {
                Zone::None
            }
        }
    }
}

fn is_utc_name(name: &str) -> bool {
    ["GMT", "UTC", "UT"]
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
}

fn info(f: &Fields, layout: Layout) -> DateInfo {
    DateInfo {
        year: f.year.value,
        month: f.month.value,
        day: f.day.value,
        time: f.time.as_ref().map(|t| {
            (
                t.hour.value,
                t.minute.value,
                t.second.as_ref().map_or(0, |s| s.value),
            )
        }),
        zone: zone_info(&f.zone),
        layout,
    }
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}
