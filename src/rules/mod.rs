//! Rules on top of the dictionary: officials from titles and appositions, organizations by their shape,
//! acronyms defined in the text, and surnames standing for full names.
//!
//! Every rule works on the mentions the dictionary found (a demonym before a title gives the official's
//! country, an organization before it the organization's country) and adds mentions that record which rule
//! made them. Each rule's examples are pinned by the unit tests of its module.

pub(crate) mod compounds;
pub(crate) mod names;
pub(crate) mod officials;
pub(crate) mod organizations;
pub(crate) mod surnames;

/// Lower-case ASCII slug of a name for rule-made entity ids: "Nasser Kanaani" -> "nasser-kanaani".
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The text before byte `pos` with trailing spaces skipped: returns the new position.
pub(crate) fn skip_spaces_back(text: &str, mut pos: usize) -> usize {
    while pos > 0 && matches!(text.as_bytes()[pos - 1], b' ' | b'\t') {
        pos -= 1;
    }
    if text[..pos].ends_with('\u{a0}') {
        pos -= '\u{a0}'.len_utf8();
    }
    pos
}

/// Position before a possessive `'s` / `’s` that ends at `pos`, if there is one.
pub(crate) fn before_possessive(text: &str, pos: usize) -> Option<usize> {
    let before = &text[..pos];
    before.strip_suffix("'s").or_else(|| before.strip_suffix("’s")).map(str::len)
}

/// The word (letters, digits, hyphens, periods) that ends at `pos`, and where it starts.
pub(crate) fn word_before(text: &str, pos: usize) -> Option<(usize, &str)> {
    let before = &text[..pos];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '-' | '.'))
        .last()
        .map(|(i, _)| i)?;
    Some((start, &before[start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Nasser Kanaani"), "nasser-kanaani");
        assert_eq!(slug("Foreign Ministry of Iran"), "foreign-ministry-of-iran");
        assert_eq!(slug("  Zarif-Khonsari, M. "), "zarif-khonsari-m");
    }

    #[test]
    fn text_helpers() {
        let text = "Japan’s  Defense";
        assert_eq!(skip_spaces_back(text, text.len() - "Defense".len()), "Japan’s".len());
        assert_eq!(before_possessive(text, "Japan’s".len()), Some(5));
        assert_eq!(word_before("the U.S. Army", 8), Some((4, "U.S.")));
        assert_eq!(word_before("x ", 2), None);
    }
}
