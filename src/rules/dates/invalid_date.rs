use crate::dates::DateClass;
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "FM201",
    name: "invalid-date",
    summary: "A date key holds a date or time that does not exist (2024-02-30, 25:61)",
    severity: Error,
    enabled: true,
}

const CALENDAR_HELP: &str = "Hexo reads it without a word: js-yaml rolls an unquoted impossible \
    date over (`2024-02-30` becomes March 1, hour 25 becomes 01:00 the next day) and JavaScript's \
    Date rolls a quoted one over or gives up, and then Hexo uses the file's creation time; Jekyll \
    stops the build on such a `date` with `Invalid date` (Ruby may instead roll a day past the \
    month's end over); Hugo reports the field as not a parsable date. Write the date you mean";

const NOT_A_DATE_HELP: &str = "Hexo silently uses the file's creation time instead, Jekyll stops \
    the build on such a `date` with `Invalid date`, and Hugo reports the field as not a parsable \
    date. Write a date such as `2021-07-16 02:57:12 +0800`, or remove the key";

const BOOLEAN_HELP: &str = "Hexo hands `true` to JavaScript's Date, which makes it 1 ms after \
    1970 (`false` counts as no date); Jekyll's Time.parse cannot read it and stops the build on \
    such a `date`; Hugo reports the field as not a parsable date. Write a date such as \
    `2021-07-16 02:57:12 +0800`, or remove the key";

fn check(ctx: &Context, findings: &mut Findings) {
    for value in ctx.date_values() {
        let DateClass::Invalid(inv) = &value.class else {
            continue;
        };
        let (message, help) = if value.boolean {
            (
                format!("`{}` in `{}` is not a date", value.raw, value.key),
                BOOLEAN_HELP,
            )
        } else if inv.label == "not a date" {
            (
                format!("`{}` in `{}` is not a date", value.raw, value.key),
                NOT_A_DATE_HELP,
            )
        } else {
            (
                format!(
                    "impossible date `{}` in `{}`: {}",
                    value.raw, value.key, inv.reason
                ),
                CALENDAR_HELP,
            )
        };
        let d = findings
            .diagnostic(value.place(&inv.range), inv.label, message)
            .with_help(help);
        findings.push(d);
    }
}
