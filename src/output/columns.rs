//! Column tables: each row type lists its columns once, in order ([`Row::COLUMNS`]: name, kind, workbook
//! width), and gives its cells in the same order ([`Row::cells`]). Everything a format needs derives from these
//! two: the CSV header and records, the JSON Lines keys and values, the workbook's header, cells and column
//! widths, and spreadsheet safety (which cells are neutralised, from the column kinds).

use std::borrow::Cow;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Free text taken from a document or a gazetteer (ids, names, quotations): a spreadsheet could read it as a
    /// formula, so CSV neutralises it (see [`formula_like`]).
    Text,
    /// A word of a fixed vocabulary (`PERSON`, `direct`, `explicit`, `q1`): never a formula, written as it is.
    Label,
    /// A count or a code-point offset.
    Int,
    /// An offset that may be absent: an empty CSV field, `null` in JSON Lines, an empty workbook cell.
    OptionalInt,
    /// A number between 0 and 1.
    Float,
}

/// One column of a table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// Its name: the CSV header, the JSON Lines field, the workbook header.
    pub name: &'static str,
    /// What it holds.
    pub kind: ColumnKind,
    /// Its width in the workbook, in characters; `None` for the default width.
    pub width: Option<f64>,
}

impl Column {
    const fn new(name: &'static str, kind: ColumnKind) -> Column {
        Column { name, kind, width: None }
    }

    /// A free-text column.
    pub const fn text(name: &'static str) -> Column {
        Column::new(name, ColumnKind::Text)
    }

    /// A column of fixed words.
    pub const fn label(name: &'static str) -> Column {
        Column::new(name, ColumnKind::Label)
    }

    /// A column of counts or offsets.
    pub const fn int(name: &'static str) -> Column {
        Column::new(name, ColumnKind::Int)
    }

    /// A column of offsets that may be absent.
    pub const fn optional_int(name: &'static str) -> Column {
        Column::new(name, ColumnKind::OptionalInt)
    }

    /// A column of fractional numbers.
    pub const fn float(name: &'static str) -> Column {
        Column::new(name, ColumnKind::Float)
    }

    /// The column, `width` characters wide in the workbook.
    pub const fn width(self, width: f64) -> Column {
        Column { width: Some(width), ..self }
    }

    /// True when a cell of this column must be checked for formulas (free text).
    #[inline]
    pub fn may_hold_formulas(&self) -> bool {
        self.kind == ColumnKind::Text
    }
}

/// One cell of a row, borrowed from the row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Text (a [`ColumnKind::Text`] or [`ColumnKind::Label`] column).
    Text(&'a str),
    /// A whole number.
    Int(usize),
    /// No value (an absent [`ColumnKind::OptionalInt`]).
    Empty,
    /// A fractional number.
    Float(f32),
}

impl Cell<'_> {
    /// An optional whole number: [`Cell::Int`] or [`Cell::Empty`].
    pub fn optional(n: Option<usize>) -> Cell<'static> {
        n.map_or(Cell::Empty, Cell::Int)
    }

    /// True when the cell is a value its column's kind allows.
    pub fn fits(&self, kind: ColumnKind) -> bool {
        matches!(
            (self, kind),
            (Cell::Text(_), ColumnKind::Text | ColumnKind::Label)
                | (Cell::Int(_), ColumnKind::Int | ColumnKind::OptionalInt)
                | (Cell::Empty, ColumnKind::OptionalInt)
                | (Cell::Float(_), ColumnKind::Float)
        )
    }
}

/// A row of one of the tables: its column table and its cells, `N` of each.
pub trait Row<const N: usize> {
    /// The table's columns, in order.
    const COLUMNS: &'static [Column; N];

    /// The row's cells, one per column, in column order.
    fn cells(&self) -> [Cell<'_>; N];
}

impl<R: Row<N>, const N: usize> Row<N> for &R {
    const COLUMNS: &'static [Column; N] = R::COLUMNS;

    fn cells(&self) -> [Cell<'_>; N] {
        (**self).cells()
    }
}

/// A fractional cell as a number for a format that stores `f64` (the workbook): the `f64` whose shortest
/// decimal form is the `f32`'s, 0.9 and not 0.8999999761581421, as CSV and JSON Lines write it.
pub fn float_as_written(x: f32) -> f64 {
    ryu::Buffer::new().format(x).parse().unwrap_or(f64::from(x))
}

/// Spreadsheet safety (the OWASP recommendation against CSV injection): true when a spreadsheet (Excel,
/// LibreOffice, Google Sheets) would read `cell` as a formula, that is when it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return and is more than that one character (the standard-input document id `-` is no
/// formula).
#[inline]
pub fn formula_like(cell: &str) -> bool {
    cell.len() > 1 && cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cell as a spreadsheet may safely read it: a formula-like cell gets a leading apostrophe, which
/// spreadsheets show as text, so `text[start:end]` equals the cell without that first character.
pub fn neutralised(cell: &str) -> Cow<'_, str> {
    if formula_like(cell) { Cow::Owned(format!("'{cell}")) } else { Cow::Borrowed(cell) }
}

/// A row with one column of each kind, for the encoders' tests.
#[cfg(test)]
pub(crate) mod sample {
    use super::*;

    /// One row of the sample table.
    pub(crate) struct Sample {
        pub(crate) name: &'static str,
        pub(crate) kind: &'static str,
        pub(crate) count: usize,
        pub(crate) offset: Option<usize>,
        pub(crate) score: f32,
    }

    impl Row<5> for Sample {
        const COLUMNS: &'static [Column; 5] = &[
            Column::text("name").width(20.0),
            Column::label("kind"),
            Column::int("count"),
            Column::optional_int("offset"),
            Column::float("score"),
        ];

        fn cells(&self) -> [Cell<'_>; 5] {
            [
                Cell::Text(self.name),
                Cell::Text(self.kind),
                Cell::Int(self.count),
                Cell::optional(self.offset),
                Cell::Float(self.score),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        for (cell, expected) in [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1 202 555", "'+1 202 555"),
            ("-2 points", "'-2 points"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Tehran", "Tehran"),
            ("a=b", "a=b"),
            ("", ""),
            ("-", "-"),
        ] {
            assert_eq!(neutralised(cell), expected);
        }
    }

    #[test]
    fn only_free_text_may_hold_formulas() {
        let kinds: Vec<bool> = sample::Sample::COLUMNS.iter().map(Column::may_hold_formulas).collect();
        assert_eq!(kinds, [true, false, false, false, false]);
    }

    #[test]
    fn fractions_keep_their_shortest_decimal() {
        assert_eq!(float_as_written(0.9), 0.9);
        assert_eq!(float_as_written(0.65), 0.65);
        assert_eq!(float_as_written(0.0), 0.0);
        assert_ne!(f64::from(0.9f32), 0.9, "what a plain conversion gives");
    }

    #[test]
    fn cells_fit_their_column_kinds() {
        assert!(Cell::Text("x").fits(ColumnKind::Label));
        assert!(Cell::Empty.fits(ColumnKind::OptionalInt));
        assert!(!Cell::Empty.fits(ColumnKind::Int));
        assert!(!Cell::Int(1).fits(ColumnKind::Text));
        assert!(!Cell::Float(1.0).fits(ColumnKind::Int));
    }
}
