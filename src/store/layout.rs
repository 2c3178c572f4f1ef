//! Finds the customer list in a scenario file's text without parsing the rest.
//!
//! A small scanner over the top-level struct: it skips whitespace, comments, strings and nested
//! brackets of the fields before `customers` (metadata and settings, a few hundred bytes).
//! It gives up (`None`) on anything unusual, such as raw strings, char literals or `#![enable]`
//! attributes other than the `implicit_some` ron writes; the caller then parses the whole file
//! with ron.

/// ron's writer starts files with this; other extensions could change what rows mean.
const IMPLICIT_SOME: &[u8] = b"#![enable(implicit_some)]";

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Byte offset of the `[` that opens the top-level `customers` list.
#[must_use]
pub fn customers_open(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = skip_trivia(b, 0)?;
    if b.get(i..).is_some_and(|rest| rest.starts_with(IMPLICIT_SOME)) {
        i = skip_trivia(b, i + IMPLICIT_SOME.len())?;
    }
    let name = ident_len(b, i);
    if name > 0 {
        if b.get(i..i + name)? != b"Scenario" {
            return None;
        }
        i = skip_trivia(b, i + name)?;
    }
    if b.get(i) != Some(&b'(') {
        return None;
    }
    i += 1;
    loop {
        i = skip_trivia(b, i)?;
        let len = ident_len(b, i);
        if len == 0 {
            return None;
        }
        let key = b.get(i..i + len)?;
        i = skip_trivia(b, i + len)?;
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_trivia(b, i + 1)?;
        if key == b"customers" {
            return (b.get(i) == Some(&b'[')).then_some(i);
        }
        i = skip_value(b, i)?;
        if b.get(i) != Some(&b',') {
            return None;
        }
        i += 1;
    }
}

fn ident_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(c) if c.is_ascii_digit() => 0,
        _ => b
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| is_ident_byte(c))
            .count(),
    }
}

/// Past whitespace and `//` or `/* */` comments (nested block comments are left to ron).
fn skip_trivia(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match (b.get(i), b.get(i + 1)) {
            (Some(c), _) if c.is_ascii_whitespace() => i += 1,
            (Some(b'/'), Some(b'/')) => {
                i += b.get(i..)?.iter().position(|&c| c == b'\n')?;
            }
            (Some(b'/'), Some(b'*')) => {
                let body = b.get(i + 2..)?;
                let end = memchr::memmem::find(body, b"*/")?;
                if memchr::memmem::find(body.get(..end)?, b"/*").is_some() {
                    return None;
                }
                i += 2 + end + 2;
            }
            _ => return Some(i),
        }
    }
}

/// From the start of a value to the `,` or closing bracket after it, at the same depth.
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    let mut depth = 0_usize;
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                i += 1;
                loop {
                    match b.get(i)? {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => {
                i = skip_trivia(b, i)?;
                continue;
            }
            b'\'' | b'#' => return None,
            b'r' | b'b' if matches!(b.get(i + 1), Some(b'"' | b'#')) => return None,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            b',' if depth == 0 => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_list_after_comments_strings_and_nesting() {
        let text = "// a (comment) with [brackets]\nScenario(\n  format_version: 3,\n  metadata: (title: \"customers: [\\\"x\\\"]\", n: [1, (2)]),\n  /* customers: [] */\n  customers: [\n  ],\n)";
        let open = customers_open(text).unwrap();
        assert_eq!(text.get(open - 11..=open), Some("customers: ["));
    }

    #[test]
    fn gives_up_on_what_it_does_not_know() {
        assert_eq!(
            customers_open("#![enable(unwrap_newtypes)]\n(customers: [])"),
            None
        );
        assert_eq!(
            customers_open("#![enable(implicit_some)]\n(customers: [])"),
            Some(38)
        );
        assert_eq!(customers_open("(title: r\"x\", customers: [])"), None);
        assert_eq!(customers_open("(format_version: 3)"), None);
        assert_eq!(customers_open("Other(customers: [])"), None);
        assert_eq!(customers_open("(customers: [])"), Some(12));
    }
}
