use crate::dates::{DateClass, Kind};
use crate::rules::{declare_rule, Context, Findings};

declare_rule! {
    code: "FM202",
    name: "non-portable-date",
    summary: "A date is written in a form Hexo, Jekyll and Hugo read differently (RFC 2822, full-width colons, slashes, no seconds)",
    severity: Warning,
    enabled: true,
    fix: Unsafe,
}

fn check(ctx: &Context, findings: &mut Findings) {
    // A site built by one generator only needs the dates that generator misreads.
    let generator = if ctx.settings.dates_portable {
        None
    } else {
        ctx.generator()
    };
    for value in ctx.date_values() {
        let DateClass::NonPortable(np) = &value.class else {
            continue;
        };
        if generator.is_some_and(|g| np.read_by(g)) {
            continue;
        }
        if value.toml_datetime {
            // A TOML datetime: Hugo takes the TOML parser's value, and only Hugo reads `+++`.
            continue;
        }
        let instead = match (&np.suggestion, np.kind) {
            (Some(s), _) => format!("Write `{s}` instead"),
            (None, Kind::SlashDate { ambiguous: true }) => {
                "Write the date you mean as YYYY-MM-DD".to_owned()
            }
            _ => "Write it as YYYY-MM-DD HH:MM:SS, with a zone such as +0800 if you need one"
                .to_owned(),
        };
        let mut d = findings
            .diagnostic(
                value.place(&np.range),
                np.label,
                format!("`{}`: {}", value.key, np.summary),
            )
            .with_help(match generator {
                Some(g) => format!(
                    "{} builds this post (its preset), and does not read it as written: {}. {instead}",
                    g.name(),
                    np.explanation
                ),
                None => format!("{}. {instead}", np.explanation),
            });
        if let Some(fix) = np.suggestion.as_deref().and_then(|s| value.fix(s)) {
            d = d.with_fix(fix);
        }
        findings.push(d);
    }
}
