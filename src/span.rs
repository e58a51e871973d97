//! Byte spans into a document's text, and the conversion to the code-point offsets that every output table uses.

/// A half-open byte range `start..end` into a document's text.
///
/// Both ends always fall on UTF-8 character boundaries. Tables written for users carry code-point offsets
/// instead: see [`CharOffsets`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, end exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text the span covers.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets of one text to code-point offsets (what Python's `text[start:end]` indexes).
///
/// Pure-ASCII texts need no table; otherwise a table of one `u32` per 64 bytes keeps memory small and each
/// conversion counts at most 63 bytes.
pub struct CharOffsets<'t> {
    bytes: &'t [u8],
    /// Added to every result (code points before this text in its document).
    base: usize,
    /// Code points before byte `64 * i`, for each `i` up to and including the text's end; empty when ASCII.
    checkpoints: Vec<u32>,
}

const CHECKPOINT_STRIDE: usize = 64;

impl<'t> CharOffsets<'t> {
    /// Builds the conversion table for `text`.
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets::with_base(text, 0)
    }

    /// Builds the conversion table for `text`, which starts `base` code points into its document.
    pub fn with_base(text: &'t str, base: usize) -> CharOffsets<'t> {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            checkpoints.reserve(bytes.len() / CHECKPOINT_STRIDE + 1);
            let mut chars = 0u32;
            checkpoints.push(0);
            for chunk in bytes.chunks(CHECKPOINT_STRIDE) {
                chars += count_chars(chunk);
                checkpoints.push(chars);
            }
        }
        CharOffsets { bytes, base, checkpoints }
    }

    /// Code-point offset of byte offset `byte` (a character boundary, or the text's length).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.checkpoints.is_empty() {
            return self.base + byte;
        }
        let block = byte / CHECKPOINT_STRIDE;
        let block_start = block * CHECKPOINT_STRIDE;
        self.base + self.checkpoints[block] as usize + count_chars(&self.bytes[block_start..byte]) as usize
    }
}

fn is_continuation_byte(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn count_chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| !is_continuation_byte(b)).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> usize {
        text[..byte].chars().count()
    }

    #[test]
    fn ascii_offsets_are_bytes() {
        let offsets = CharOffsets::new("Iran and Azerbaijan");
        assert_eq!(offsets.char_offset(9), 9);
    }

    #[test]
    fn non_ascii_offsets_count_code_points() {
        let text = "“Isn’t this” – Azerbaijan’s ministry said. ".repeat(20);
        let offsets = CharOffsets::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(offsets.char_offset(byte), naive(&text, byte), "byte {byte}");
        }
    }

    #[test]
    fn end_of_text_on_stride_boundary() {
        let text = format!("{}é", "a".repeat(62)); // 64 bytes
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.char_offset(64), 63);
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 5);
        assert!(a.overlaps(Span::new(4, 6)));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert!(a.contains(Span::new(1, 5)));
        assert_eq!(Span::new(3, 7).text("0123456789"), "3456");
    }
}
