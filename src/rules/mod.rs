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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Nasser Kanaani"), "nasser-kanaani");
        assert_eq!(slug("Foreign Ministry of Iran"), "foreign-ministry-of-iran");
        assert_eq!(slug("  Zarif-Khonsari, M. "), "zarif-khonsari-m");
    }
}
