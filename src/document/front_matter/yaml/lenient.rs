//! libyaml (Jekyll), js-yaml (Hexo) and go-yaml (Hugo) accept a top-level flow collection whose
//! closing `]` sits at column 0, and a quoted scalar continued on a line at column 0; saphyr
//! rejects both as bad indentation. Real sites are full of them, so after such an error the
//! front matter is parsed again with those continuation lines indented by one space, which
//! changes no value (leading white space there is folded away) and keeps every span exact.

/// 0-based lines of `text` that start at column 0 while a quoted scalar or a flow collection is
/// open, found with a small scanner that knows quotes, escapes, brackets and comments.
pub fn continuation_lines(text: &str) -> Vec<usize> {
    let mut lines = Vec::new();
    let (mut double, mut single, mut flow) = (false, false, 0usize);
    // The last non-blank character on the current line outside quotes, or None at line start.
    let mut prev: Option<char> = None;
    let mut line = 0;
    let mut at_line_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if at_line_start {
            at_line_start = false;
            if (double || single || flow > 0) && !matches!(c, ' ' | '\t' | '\n' | '\r') {
                lines.push(line);
            }
        }
        if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            line += 1;
            at_line_start = true;
            prev = None;
            continue;
        }
        if double {
            match c {
                '\\' => {
                    chars.next_if(|n| *n != '\n' && *n != '\r');
                }
                '"' => double = false,
                _ => {}
            }
            continue;
        }
        if single {
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    single = false;
                }
            }
            continue;
        }
        let starts_node = matches!(prev, None | Some(':' | '-' | '[' | '{' | ',' | '?'));
        match c {
            ' ' | '\t' => continue,
            '#' if prev.is_none() || text_before_is_blank(prev) => {
                // A comment runs to the end of the line.
                while chars.next_if(|n| *n != '\n' && *n != '\r').is_some() {}
                continue;
            }
            '"' if starts_node => double = true,
            '\'' if starts_node => single = true,
            '[' | '{' if starts_node || flow > 0 => flow += 1,
            ']' | '}' if flow > 0 => flow -= 1,
            _ => {}
        }
        prev = Some(c);
    }
    lines
}

fn text_before_is_blank(prev: Option<char>) -> bool {
    // Called after blanks were skipped, so a `#` that follows a token directly (`a#b`) is not a
    // comment only when it touches it; the scanner cannot tell, and erring towards "comment"
    // only means a line is not shifted.
    prev.is_some()
}

/// `text` with one space put in front of each of `lines` (sorted), counting lines as the parser
/// does: `\n`, `\r\n` and a lone `\r` each end one.
pub fn shift_lines(text: &str, lines: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + lines.len());
    let mut next = lines.iter().copied().peekable();
    let mut line = 0;
    let mut rest = text;
    loop {
        if next.peek() == Some(&line) {
            next.next();
            out.push(' ');
        }
        let Some(end) = rest.find(['\n', '\r']) else {
            out.push_str(rest);
            return out;
        };
        let len = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        out.push_str(&rest[..end + len]);
        rest = &rest[end + len..];
        line += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_flow_and_quoted_continuations() {
        let text = "a: [\n  'x',\n]\nt: \"one\ntwo\"\nit's: fine\nu: 'q\n''r'\nz: 1 # [\nw: 2\n";
        assert_eq!(continuation_lines(text), vec![2, 4, 7]);
        assert_eq!(shift_lines("a\nb\nc", &[1]), "a\n b\nc");
        assert_eq!(shift_lines("a\rb\r\nc", &[1, 2]), "a\r b\r\n c");
    }
}
