//! CSV tables (through the `csv` crate): a header row, then one record per row; free-text cells neutralised
//! for spreadsheets unless asked not to, and optionally a UTF-8 byte order mark for Excel.

use crate::error::{Error, Result};

use super::columns::{Cell, Column, Row, formula_like, neutralised};
use super::tables::{Encoding, TableSink};

/// The CSV sink.
pub type CsvSink = TableSink<Csv>;

/// How CSV tables are written for spreadsheets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Csv {
    /// Neutralise free-text cells a spreadsheet would read as formulas (see [`formula_like`]). Default: on.
    pub neutralise: bool,
    /// Start each file with a UTF-8 byte order mark, so that Excel reads non-ASCII names right.
    pub bom: bool,
    /// The field separator: `,` by default, `;` for spreadsheets in locales whose decimal separator is a comma.
    pub delimiter: u8,
}

impl Default for Csv {
    fn default() -> Csv {
        Csv { neutralise: true, bom: false, delimiter: b',' }
    }
}

/// Records appended to `out`, fields separated by `delimiter`; [`csv::Writer::flush`] completes them.
fn writer(out: &mut Vec<u8>, delimiter: u8) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new().has_headers(false).delimiter(delimiter).buffer_capacity(4096).from_writer(out)
}

fn csv_error(e: csv::Error) -> Error {
    Error::output(format!("{:?}", e.into_kind()))
}

impl Encoding for Csv {
    const EXTENSION: &'static str = "csv";

    fn header(&self, columns: &[Column], out: &mut Vec<u8>) -> Result<()> {
        if self.bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        let mut w = writer(out, self.delimiter);
        w.write_record(columns.iter().map(|c| c.name)).map_err(csv_error)?;
        w.flush().map_err(|e| Error::output(e.to_string()))
    }

    fn rows<R: Row<N>, const N: usize>(&self, rows: impl Iterator<Item = R>, out: &mut Vec<u8>) -> Result<()> {
        let mut w = writer(out, self.delimiter);
        let (mut int, mut float) = (itoa::Buffer::new(), ryu::Buffer::new());
        for row in rows {
            for (column, cell) in R::COLUMNS.iter().zip(row.cells()) {
                match cell {
                    Cell::Text(t) if self.neutralise && column.may_hold_formulas() && formula_like(t) => {
                        w.write_field(neutralised(t).as_bytes())
                    }
                    Cell::Text(t) => w.write_field(t),
                    Cell::Int(n) => w.write_field(int.format(n)),
                    Cell::Empty => w.write_field(""),
                    Cell::Float(x) => w.write_field(float.format(x)),
                }
                .map_err(csv_error)?;
            }
            w.write_record(None::<&[u8]>).map_err(csv_error)?;
        }
        w.flush().map_err(|e| Error::output(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::columns::sample::Sample;

    fn csv(rows: &[Sample], csv: Csv) -> String {
        let mut out = Vec::new();
        csv.header(Sample::COLUMNS, &mut out).unwrap();
        csv.rows(rows.iter(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn header_and_records_derive_from_the_column_table() {
        let rows = [
            Sample { name: "Tehran, Iran", kind: "x", count: 3, offset: Some(7), score: 0.9 },
            Sample { name: "say \"no\"", kind: "y", count: 0, offset: None, score: 1.0 },
        ];
        assert_eq!(
            csv(&rows, Csv::default()),
            "name,kind,count,offset,score\n\"Tehran, Iran\",x,3,7,0.9\n\"say \"\"no\"\"\",y,0,,1.0\n"
        );
        assert_eq!(csv(&[], Csv { bom: true, ..Csv::default() }), "\u{feff}name,kind,count,offset,score\n");
        let semicolons = Csv { delimiter: b';', ..Csv::default() };
        assert_eq!(csv(&rows, semicolons).lines().nth(1), Some("Tehran, Iran;x;3;7;0.9"));
    }

    #[test]
    fn neutralisation_follows_the_column_kinds() {
        // the same formula-like text in a text column and in a label column: only the text cell changes
        let row = [Sample { name: "=1+1", kind: "=1+1", count: 3, offset: None, score: 0.5 }];
        assert_eq!(csv(&row, Csv::default()).lines().nth(1), Some("'=1+1,=1+1,3,,0.5"));
        assert_eq!(csv(&row, Csv { neutralise: false, ..Csv::default() }).lines().nth(1), Some("=1+1,=1+1,3,,0.5"));
    }
}
