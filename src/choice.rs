//! Plain enums whose values users choose by name (output formats, tables, input layouts): every value, each
//! value's name, and the value of a name. The command line offers them with its own help texts (`src/cli`).

use crate::error::{Error, Result};

/// An enum whose values are chosen by name.
pub trait Choice: Copy + Sized + 'static {
    /// Every value, in the order they are listed.
    const ALL: &'static [Self];

    /// The value's name, as typed on a command line.
    fn name(self) -> &'static str;

    /// The value named `name`.
    fn from_name(name: &str) -> Result<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == name).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|v| v.name()).collect();
            Error::usage(format!("unknown value {name:?} (expected one of {})", names.join(", ")))
        })
    }
}
