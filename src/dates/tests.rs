use super::*;

pub(super) fn portable(s: &str) -> DateInfo {
    match classify(s) {
        DateClass::Portable(info) => info,
        other => panic!("{s:?} should be portable, got {other:?}"),
    }
}

/// The reason and the text the range covers.
pub(super) fn invalid_at(s: &str) -> (String, String) {
    match classify(s) {
        DateClass::Invalid(inv) => (inv.reason, s[inv.range].to_owned()),
        other => panic!("{s:?} should be invalid, got {other:?}"),
    }
}

pub(super) fn non_portable(s: &str) -> NonPortable {
    match classify(s) {
        DateClass::NonPortable(np) => np,
        other => panic!("{s:?} should be non-portable, got {other:?}"),
    }
}

#[test]
fn blanks_around_the_date() {
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
