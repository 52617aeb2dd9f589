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

use std::fmt::Write as _;
use std::ops::Range;

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
                let (suggestion, hexo) = match &inner {
                    DateClass::Portable(_) => (Some(trimmed.to_owned()), true),
                    DateClass::NonPortable(np) => (np.suggestion.clone(), np.hexo),
                    DateClass::Invalid(_) => (None, false),
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
    })
}

// ----------------------------------------------------------------------------------------------
// Full-width forms

fn is_full_width(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')
}

fn classify_full_width(s: &str) -> DateClass {
    // The ASCII text, and for each of its bytes (and its end) the byte offset in `s`.
    let mut ascii = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut wide: Vec<Range<usize>> = Vec::new();
    for (i, c) in s.char_indices() {
        let plain = match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if plain != c {
            wide.push(i..i + c.len_utf8());
        }
        for _ in 0..plain.len_utf8() {
            map.push(i);
        }
        ascii.push(plain);
    }
    map.push(s.len());
    let back = |r: Range<usize>| map[r.start]..map[r.end];
    let first = wide[0].clone();
    let mut seen: Vec<char> = Vec::new();
    for r in &wide {
        let c = s[r.clone()].chars().next().unwrap_or(' ');
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    let names: Vec<String> = seen.iter().map(|&c| full_width_name(c)).collect();
    let digits = seen.iter().any(|c| c.is_numeric());
    let only_space = seen.iter().all(|&c| c == '\u{3000}');
    // What JavaScript's Date makes of it (node 20): `２０２１-07-16` is 2001-07-16, full-width
    // colons and hyphens are Invalid Date, an ideographic space is read as a space.
    let js = if digits {
        "JavaScript's Date misreads full-width digits (`２０２１-07-16` comes out as 2001-07-16), \
         so Hexo dates the post wrongly"
    } else if only_space {
        "JavaScript's Date (Hexo) reads it as a space"
    } else if seen.iter().all(|c| matches!(c, '：' | '－' | '\u{3000}')) {
        "JavaScript's Date cannot read the date, so Hexo silently uses the file's creation time \
         instead"
    } else {
        "JavaScript's Date may not read the date, and then Hexo silently uses the file's \
         creation time instead"
    };
    let what = names.join(" and ");
    match classify(&ascii) {
        DateClass::Invalid(mut inv) => {
            inv.range = back(inv.range);
            DateClass::Invalid(inv)
        }
        inner => {
            let (suggestion, hexo_inner) = match inner {
                DateClass::Portable(_) => (Some(tidy(&ascii)), is_hexo_date(&ascii)),
                DateClass::NonPortable(np) => (np.suggestion, np.hexo),
                DateClass::Invalid(_) => (None, false),
            };
            DateClass::NonPortable(NonPortable {
                kind: Kind::FullWidth,
                summary: format!("date written with {what}"),
                label: "full-width character",
                explanation: format!(
                    "{what} is not the ASCII character every date parser expects (Chinese and \
                     Japanese input methods type it). {js}; Hugo reports the field as not a \
                     parsable date; Ruby's Time.parse (Jekyll) may drop the time or reject the \
                     date"
                ),
                range: first,
                suggestion,
                hexo: only_space && hexo_inner,
            })
        }
    }
}

fn full_width_name(c: char) -> String {
    let name = match c {
        '：' => "colon",
        '－' => "hyphen",
        '／' => "slash",
        '＋' => "plus sign",
        '．' => "full stop",
        '\u{3000}' => return "an ideographic space (U+3000)".into(),
        '０'..='９' => "digit",
        _ => "form",
    };
    format!("a full-width {name} `{c}` (U+{:04X})", c as u32)
}

// ----------------------------------------------------------------------------------------------
// Parsing

#[derive(Debug, Clone)]
struct Num {
    value: u32,
    range: Range<usize>,
}

impl Num {
    fn len(&self) -> usize {
        self.range.len()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    T,
    LowerT,
    Space,
    /// Several blanks, or a tab.
    Blanks,
}

#[derive(Debug, Clone)]
struct TimeF {
    sep: Sep,
    sep_range: Range<usize>,
    hour: Num,
    minute: Num,
    second: Option<Num>,
    fraction: Option<Range<usize>>,
    range: Range<usize>,
}

#[derive(Debug, Clone)]
enum ZoneK {
    Z,
    LowerZ,
    Offset {
        negative: bool,
        hours: Num,
        minutes: Option<Num>,
        colon: bool,
    },
    Name(String),
}

#[derive(Debug, Clone)]
struct ZoneF {
    /// Blanks between the time and the zone.
    gap: Range<usize>,
    kind: ZoneK,
    range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// `YYYY-MM-DD`.
    Iso,
    /// `YYYY/M/D`.
    SlashYmd,
    /// `A/B/YYYY`.
    SlashAby,
    /// `Fri, 16 Jul 2021`.
    Rfc,
}

#[derive(Debug, Clone)]
struct Fields {
    order: Order,
    year: Num,
    /// For `A/B/YYYY`: A. Otherwise the month.
    month: Num,
    /// For `A/B/YYYY`: B. Otherwise the day.
    day: Num,
    date_range: Range<usize>,
    /// RFC 2822: a weekday was written (followed by a comma).
    weekday: bool,
    time: Option<TimeF>,
    zone: Option<ZoneF>,
}

struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cur<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn digits(&mut self, min: usize, max: usize) -> Option<Num> {
        let start = self.i;
        let mut value = 0u32;
        while self.i - start < max {
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    value = value * 10 + u32::from(d - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        if self.i - start < min || matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i = start;
            return None;
        }
        Some(Num {
            value,
            range: start..self.i,
        })
    }

    fn blanks(&mut self) -> Range<usize> {
        let start = self.i;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        start..self.i
    }

    fn letters(&mut self) -> Range<usize> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        start..self.i
    }
}

/// `h:mm[:ss[.fff]]` at the cursor.
fn parse_time(c: &mut Cur, sep: Sep, sep_range: Range<usize>) -> Option<TimeF> {
    let start = c.i;
    let hour = c.digits(1, 2)?;
    if !c.eat(b':') {
        return None;
    }
    let minute = c.digits(1, 2)?;
    let mut second = None;
    let mut fraction = None;
    if c.eat(b':') {
        second = Some(c.digits(1, 2)?);
        if c.peek() == Some(b'.') {
            let dot = c.i;
            c.i += 1;
            let digits = c.digits(1, 12)?;
            fraction = Some(dot..digits.range.end);
        }
    }
    Some(TimeF {
        sep,
        sep_range,
        hour,
        minute,
        second,
        fraction,
        range: start..c.i,
    })
}

/// An optional zone, then the end of the text.
fn parse_zone_and_end(c: &mut Cur) -> Option<Option<ZoneF>> {
    let gap = c.blanks();
    if c.done() {
        return if gap.is_empty() { Some(None) } else { None };
    }
    let start = c.i;
    let kind = match c.peek()? {
        b'Z' if c.b.get(c.i + 1).is_none_or(|b| !b.is_ascii_alphabetic()) => {
            c.i += 1;
            ZoneK::Z
        }
        b'z' if c.b.get(c.i + 1).is_none_or(|b| !b.is_ascii_alphabetic()) => {
            c.i += 1;
            ZoneK::LowerZ
        }
        sign @ (b'+' | b'-') => {
            c.i += 1;
            let run = c.b[c.i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let (hours, minutes, colon) = match run {
                1 | 2 => {
                    let hours = c.digits(1, 2)?;
                    let colon = c.eat(b':');
                    let minutes = if colon { Some(c.digits(2, 2)?) } else { None };
                    (hours, minutes, colon)
                }
                4 => {
                    let both = c.digits(4, 4)?;
                    let mid = both.range.start + 2;
                    let hours = Num {
                        value: both.value / 100,
                        range: both.range.start..mid,
                    };
                    let minutes = Num {
                        value: both.value % 100,
                        range: mid..both.range.end,
                    };
                    (hours, Some(minutes), false)
                }
                _ => return None,
            };
            ZoneK::Offset {
                negative: sign == b'-',
                hours,
                minutes,
                colon,
            }
        }
        b if b.is_ascii_alphabetic() => {
            let r = c.letters();
            if !(2..=5).contains(&r.len()) {
                return None;
            }
            ZoneK::Name(String::from_utf8_lossy(&c.b[r]).into_owned())
        }
        _ => return None,
    };
    let range = start..c.i;
    if !c.done() {
        return None;
    }
    Some(Some(ZoneF { gap, kind, range }))
}

/// Between date and time: `T`, `t`, or blanks. `None` when neither.
fn parse_sep(c: &mut Cur) -> Option<(Sep, Range<usize>)> {
    let start = c.i;
    let sep = match c.peek()? {
        b'T' => {
            c.i += 1;
            Sep::T
        }
        b't' => {
            c.i += 1;
            Sep::LowerT
        }
        b' ' | b'\t' => {
            let r = c.blanks();
            if &c.b[r] == b" " {
                Sep::Space
            } else {
                Sep::Blanks
            }
        }
        _ => return None,
    };
    Some((sep, start..c.i))
}

fn parse_time_tail(c: &mut Cur) -> Option<(Option<TimeF>, Option<ZoneF>)> {
    if c.done() {
        return Some((None, None));
    }
    let (sep, sep_range) = parse_sep(c)?;
    let time = parse_time(c, sep, sep_range)?;
    let zone = parse_zone_and_end(c)?;
    Some((Some(time), zone))
}

fn parse_iso(s: &str) -> Option<Fields> {
    let mut c = Cur {
        b: s.as_bytes(),
        i: 0,
    };
    let year = c.digits(4, 4)?;
    if !c.eat(b'-') {
        return None;
    }
    let month = c.digits(1, 2)?;
    if !c.eat(b'-') {
        return None;
    }
    let day = c.digits(1, 2)?;
    let date_range = 0..c.i;
    let (time, zone) = parse_time_tail(&mut c)?;
    Some(Fields {
        order: Order::Iso,
        year,
        month,
        day,
        date_range,
        weekday: false,
        time,
        zone,
    })
}

fn parse_slash(s: &str) -> Option<Fields> {
    let mut c = Cur {
        b: s.as_bytes(),
        i: 0,
    };
    let first = c.digits(1, 4)?;
    if !c.eat(b'/') {
        return None;
    }
    let second = c.digits(1, 2)?;
    if !c.eat(b'/') {
        return None;
    }
    let third = c.digits(1, 4)?;
    let date_range = 0..c.i;
    let (order, year, month, day) = match (first.len(), third.len()) {
        (4, 1..=2) => (Order::SlashYmd, first, second, third),
        (1..=2, 4) => (Order::SlashAby, third, first, second),
        _ => return None,
    };
    let (time, zone) = parse_time_tail(&mut c)?;
    Some(Fields {
        order,
        year,
        month,
        day,
        date_range,
        weekday: false,
        time,
        zone,
    })
}

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

fn parse_rfc2822(s: &str) -> Option<Fields> {
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

// ----------------------------------------------------------------------------------------------
// Validation

const MONTH_NAMES: [&str; 12] = [
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

fn invalid(reason: impl Into<String>, label: &'static str, range: Range<usize>) -> Invalid {
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
fn validate(f: &Fields) -> Option<Invalid> {
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

// ----------------------------------------------------------------------------------------------
// Classification

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

/// `YYYY-MM-DD[ HH:MM:SS[.f]][zone]` for the fields, with the month and day given; `None` when
/// the zone has no portable spelling (a name other than GMT/UTC).
fn canonical(
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
fn tidy(s: &str) -> String {
    parse_iso(s)
        .and_then(|f| canonical(s, &f, f.month.value, f.day.value, true, false))
        .filter(|t| is_post_date(t))
        .unwrap_or_else(|| s.to_owned())
}

/// Keep a suggestion only if it is itself portable.
fn checked(suggestion: Option<String>) -> Option<String> {
    suggestion.filter(|s| is_post_date(s))
}

fn iso_class(s: &str, f: &Fields) -> DateClass {
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

fn slash_class(s: &str, f: &Fields) -> DateClass {
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
    })
}

fn rfc_class(s: &str, f: &Fields) -> DateClass {
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
    })
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

#[cfg(test)]
mod tests {
    use super::*;

    fn portable(s: &str) -> DateInfo {
        match classify(s) {
            DateClass::Portable(info) => info,
            other => panic!("{s:?} should be portable, got {other:?}"),
        }
    }

    /// The reason and the text the range covers.
    fn invalid_at(s: &str) -> (String, String) {
        match classify(s) {
            DateClass::Invalid(inv) => (inv.reason, s[inv.range].to_owned()),
            other => panic!("{s:?} should be invalid, got {other:?}"),
        }
    }

    fn non_portable(s: &str) -> NonPortable {
        match classify(s) {
            DateClass::NonPortable(np) => np,
            other => panic!("{s:?} should be non-portable, got {other:?}"),
        }
    }

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
    fn rfc2822_with_numeric_zone_is_portable() {
        let info = portable("Fri, 16 Jul 2021 02:57:12 +0000");
        assert_eq!(info.layout, Layout::Rfc2822);
        assert_eq!((info.month, info.day), (7, 16));
        portable("Mon, 01 Feb 2021 10:00:00 -0500");
    }

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

    #[test]
    fn full_width_colons() {
        let s = "2021-07-16 0：00：00";
        let np = non_portable(s);
        assert_eq!(np.kind, Kind::FullWidth);
        assert_eq!(&s[np.range.clone()], "：");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 00:00:00"));
        assert!(np.summary.contains("colon"), "{}", np.summary);
        assert!(!np.hexo);

        let np = non_portable("２０２１-07-16");
        assert!(np.explanation.contains("2001"), "{}", np.explanation);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16"));
        let np = non_portable("2021-07-16\u{3000}02:57:12");
        assert!(np.hexo);
        assert!(np.summary.contains("U+3000"), "{}", np.summary);

        let s = "2021－07－16　02：57：12";
        let np = non_portable(s);
        assert_eq!(&s[np.range.clone()], "－");
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12"));
        assert!(np.summary.contains("hyphen") && np.summary.contains("colon"));

        // A full-width impossible date is an impossible date, pointed at in the original text.
        let s = "2021-02-30 10：00：00";
        let DateClass::Invalid(inv) = classify(s) else {
            panic!()
        };
        assert_eq!(&s[inv.range], "30");
        let s = "2021-07-16 25：00：00";
        let DateClass::Invalid(inv) = classify(s) else {
            panic!()
        };
        assert_eq!(&s[inv.range], "25");
        let s = "２０２１-07-16 10：61：00";
        let DateClass::Invalid(inv) = classify(s) else {
            panic!()
        };
        assert_eq!(&s[inv.range], "61");
    }

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
    fn separators_and_blanks() {
        let np = non_portable("2021-07-16t02:57:12");
        assert_eq!(np.kind, Kind::Separator);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16T02:57:12"));
        let np = non_portable("2021-07-16  02:57:12");
        assert_eq!(np.kind, Kind::Separator);
        assert_eq!(np.range, 10..12);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16 02:57:12"));

        let np = non_portable(" 2021-07-16 ");
        assert_eq!(np.kind, Kind::Whitespace);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16"));
        assert!(np.hexo);
        let s = " 2021-02-30";
        assert_eq!(invalid_at(s).1, "30");
    }

    #[test]
    fn numbers_and_unknown_text() {
        let np = match classify_number("20210716") {
            DateClass::NonPortable(np) => np,
            other => panic!("{other:?}"),
        };
        assert_eq!(np.kind, Kind::Number);
        assert_eq!(np.suggestion.as_deref(), Some("2021-07-16"));
        let DateClass::NonPortable(np) = classify_number("1626403032") else {
            panic!()
        };
        assert_eq!(np.suggestion, None);
        let DateClass::NonPortable(np) = classify_number("20211399") else {
            panic!()
        };
        assert_eq!(np.suggestion, None);

        for s in [
            "July 16, 2021",
            "2021年7月16日",
            "20210716",
            "2021-07-16 +0800",
            "2021.07.16",
            "16-07-2021",
            "2021-07-16T02:57:12.",
            "2021-07-16 02:57:12 +08000",
        ] {
            assert_eq!(non_portable(s).kind, Kind::Unrecognized, "{s}");
        }
    }

    #[test]
    fn schema_formats() {
        for s in [
            "2021-07-16",
            "2021-07-16 02:57:12",
            "2021-07-16 02:57:12 +0800",
            "2021-07-16T02:57:12+08:00",
            "2021-07-16T02:57:12Z",
            "Fri, 16 Jul 2021 02:57:12 +0000",
        ] {
            assert!(is_post_date(s), "{s}");
        }
        for s in [
            "2021-07-16 02:57",
            "2013/7/13 20:46:25",
            "Fri, 16 Jul 2021 02:57:12 GMT",
            "2024-02-30",
            "",
            "soon",
        ] {
            assert!(!is_post_date(s), "{s}");
        }

        for s in [
            "2021-07-16",
            "2021-07-16 02:57:12",
            "2021-07-16T02:57:12",
            "2021-07-16 02:57:12 +0800",
            "2021-08-03 00:00:00 +0000",
            "2021-07-16 02:57",
            "2013/7/13 20:46:25",
            "02/13/2021",
            "Fri, 16 Jul 2021 02:57:12 GMT",
            "Fri, 16 Jul 2021 02:57:12 +0000",
            "2021-7-6 02:57:12",
        ] {
            assert!(is_hexo_date(s), "{s}");
        }
        for s in [
            // js-yaml reads these, then hexo-front-matter shifts them by the machine's offset.
            "2021-07-16T02:57:12+08:00",
            "2021-07-16 02:57:12 +08:00",
            "2021-07-16T02:57:12Z",
            // JavaScript's Date cannot read these: Hexo uses the file's creation time.
            "2021-07-16T02:57:12 +0800",
            "2021-07-16 0：00：00",
            "13/02/2021",
            // Day or month first: Hexo picks one.
            "01/02/2021",
            "2024-02-30",
            "Fri, 16 Jul 2021 02:57:12 CST",
        ] {
            assert!(!is_hexo_date(s), "{s}");
        }
    }

    #[test]
    fn suggestions_are_portable_and_keep_the_date() {
        for s in [
            "Fri, 16 Jul 2021 02:57:12 GMT",
            "2021-07-16 0：00：00",
            "2013/7/13 20:46:25",
            "13/02/2021",
            "2019-06-01 15:40",
            "2021-7-6 2:57",
            "2021-07-16T02:57:12 +0800",
            "2021-07-16t02:57:12",
        ] {
            let np = non_portable(s);
            let suggestion = np
                .suggestion
                .unwrap_or_else(|| panic!("{s}: no suggestion"));
            assert!(is_post_date(&suggestion), "{s} -> {suggestion}");
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "-",
            "/",
            ":",
            "+",
            "Z",
            "T",
            "2021",
            "2021-",
            "2021-07-",
            "2021-07-16T",
            "2021-07-16 ",
            "2021-07-16 02:",
            "2021-07-16 02:57:",
            "1/2/3",
            "Fri,",
            "Fri, 16",
            "Fri, 16 Jul",
            "Fri, 16 Foo 2021 02:57:12 GMT",
            "：",
            "\u{3000}",
            "２",
            "9999999999",
            "2021-07-16 02:57:12 +",
            "2021-07-16 02:57:12 +08:",
            "0000-00-00",
        ] {
            let _ = classify(s);
            let _ = is_hexo_date(s);
        }
    }
}
