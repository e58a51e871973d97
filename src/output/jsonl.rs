//! JSON Lines tables.

use crate::error::{Error, Result};

use super::columns::{Cell, Column, Row};
use super::tables::{Encoding, TableSink};

/// The JSON Lines sink.
pub type JsonlSink = TableSink<Jsonl>;

/// JSON Lines: one JSON object per row and line, `\n`-terminated, no header. Its keys are the table's column
/// names in column order; offsets and counts are JSON numbers, an absent offset is `null`, `confidence` a
/// number, everything else a string. Cells are written exactly as extracted (never neutralised).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Jsonl;

impl Encoding for Jsonl {
    const EXTENSION: &'static str = "jsonl";

    fn header(&self, _columns: &[Column], _out: &mut Vec<u8>) -> Result<()> {
        // every line names its fields
        Ok(())
    }

    fn rows<R: Row<N>, const N: usize>(&self, rows: impl Iterator<Item = R>, out: &mut Vec<u8>) -> Result<()> {
        let mut int = itoa::Buffer::new();
        for row in rows {
            out.push(b'{');
            for (i, (column, cell)) in R::COLUMNS.iter().zip(row.cells()).enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                // column names are plain words (a test checks): no escaping needed
                out.push(b'"');
                out.extend_from_slice(column.name.as_bytes());
                out.extend_from_slice(b"\":");
                match cell {
                    Cell::Text(t) => serde_json::to_writer(&mut *out, t).map_err(json_error)?,
                    Cell::Int(n) => out.extend_from_slice(int.format(n).as_bytes()),
                    Cell::Empty => out.extend_from_slice(b"null"),
                    Cell::Float(x) => serde_json::to_writer(&mut *out, &x).map_err(json_error)?,
                }
            }
            out.extend_from_slice(b"}\n");
        }
        Ok(())
    }
}

fn json_error(e: serde_json::Error) -> Error {
    Error::output(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::columns::sample::Sample;
    use crate::output::rows::{EntityRow, MentionRow, QuoteRow};

    fn jsonl(rows: &[Sample]) -> String {
        let mut out = Vec::new();
        Jsonl.rows(rows.iter(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn records_keep_names_order_and_types() {
        let row = Sample { name: "a\"b\n", kind: "x", count: 3, offset: Some(7), score: 0.9 };
        let none = Sample { name: "=1+1", offset: None, score: f32::NAN, ..row };
        assert_eq!(
            jsonl(&[row, none]),
            "{\"name\":\"a\\\"b\\n\",\"kind\":\"x\",\"count\":3,\"offset\":7,\"score\":0.9}\n\
             {\"name\":\"=1+1\",\"kind\":\"x\",\"count\":3,\"offset\":null,\"score\":null}\n"
        );
    }

    #[test]
    fn column_names_need_no_escaping() {
        let names = MentionRow::COLUMNS.iter().chain(QuoteRow::COLUMNS).chain(EntityRow::COLUMNS).map(|c| c.name);
        for name in names {
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{name}");
        }
    }
}
