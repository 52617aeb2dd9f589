use std::ops::Range;

#[derive(Debug, Clone)]
pub(super) struct Num {
    pub(super) value: u32,
    pub(super) range: Range<usize>,
}

impl Num {
    pub(super) fn len(&self) -> usize {
        self.range.len()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    T,
    LowerT,
    Space,
    /// Several blanks, or a tab.
    Blanks,
}

#[derive(Debug, Clone)]
pub(super) struct TimeF {
    pub(super) sep: Sep,
    pub(super) sep_range: Range<usize>,
    pub(super) hour: Num,
    pub(super) minute: Num,
    pub(super) second: Option<Num>,
    pub(super) fraction: Option<Range<usize>>,
    pub(super) range: Range<usize>,
}

#[derive(Debug, Clone)]
pub(super) enum ZoneK {
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
pub(super) struct ZoneF {
    /// Blanks between the time and the zone.
    pub(super) gap: Range<usize>,
    pub(super) kind: ZoneK,
    pub(super) range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
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
pub(super) struct Fields {
    pub(super) order: Order,
    pub(super) year: Num,
    /// For `A/B/YYYY`: A. Otherwise the month.
    pub(super) month: Num,
    /// For `A/B/YYYY`: B. Otherwise the day.
    pub(super) day: Num,
    pub(super) date_range: Range<usize>,
    /// RFC 2822: a weekday was written (followed by a comma).
    pub(super) weekday: bool,
    pub(super) time: Option<TimeF>,
    pub(super) zone: Option<ZoneF>,
}

pub(super) struct Cur<'a> {
    pub(super) b: &'a [u8],
    pub(super) i: usize,
}

impl Cur<'_> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    pub(super) fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    pub(super) fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    pub(super) fn digits(&mut self, min: usize, max: usize) -> Option<Num> {
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

    pub(super) fn blanks(&mut self) -> Range<usize> {
        let start = self.i;
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
        start..self.i
    }

    pub(super) fn letters(&mut self) -> Range<usize> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        start..self.i
    }
}

/// `h:mm[:ss[.fff]]` at the cursor.
pub(super) fn parse_time(c: &mut Cur, sep: Sep, sep_range: Range<usize>) -> Option<TimeF> {
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
pub(super) fn parse_zone_and_end(c: &mut Cur) -> Option<Option<ZoneF>> {
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
pub(super) fn parse_sep(c: &mut Cur) -> Option<(Sep, Range<usize>)> {
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

pub(super) fn parse_time_tail(c: &mut Cur) -> Option<(Option<TimeF>, Option<ZoneF>)> {
    if c.done() {
        return Some((None, None));
    }
    let (sep, sep_range) = parse_sep(c)?;
    let time = parse_time(c, sep, sep_range)?;
    let zone = parse_zone_and_end(c)?;
    Some((Some(time), zone))
}

pub(super) fn parse_iso(s: &str) -> Option<Fields> {
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

pub(super) fn parse_slash(s: &str) -> Option<Fields> {
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
