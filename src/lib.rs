//! whosaid reads news text and finds **who is mentioned** (officials, countries, organizations, places) and
//! **who said what** (quotations with their speaker, cue and offsets).
//!
//! It is dictionary-driven: gazetteers are plain TSV files (see [`Gazetteers`]) compiled into Aho-Corasick
//! automata, with `regex`-backed rules on top for officials by title, organizations by shape and surnames. The
//! curated defaults are embedded in the binary.
//!
//! ```
//! use whosaid::{Document, Extractor, Gazetteers};
//!
//! let extractor = Extractor::new(Gazetteers::embedded()).unwrap();
//! let doc = Document::new("a.txt", "Tehran would never intimidate Baku, Azeri officials said.");
//! let x = extractor.extract(&doc);
//! let found: Vec<(&str, &str, &str)> = x
//!     .mentions
//!     .iter()
//!     .map(|m| (m.span.text(&doc.text), m.mention_type.as_str(), x.entities[m.entity].name.as_str()))
//!     .collect();
//! assert_eq!(found, [("Tehran", "LOCATION", "Tehran"), ("Baku", "LOCATION", "Baku"), ("Azeri", "DEMONYM", "Azerbaijan")]);
//! // capitals link to their country
//! assert_eq!(x.entities[x.mentions[0].entity].country, "IR");
//! ```
//!
//! Spans inside the library are byte offsets ([`Span`]); the tables written for users carry code-point offsets
//! ([`CharOffsets`]), so that Python's `text[start:end]` equals the row's text column.
#![deny(missing_docs)]

pub mod choice;
pub mod document;
pub mod error;
pub mod eval;
pub mod extraction;
pub mod gazetteer;
pub mod gender;
pub mod input;
pub mod lexicon;
pub(crate) mod matcher;
mod mention_set;
pub mod output;
pub mod pipeline;
pub mod quote;
pub(crate) mod rules;
pub mod span;
pub mod text;

pub use choice::Choice;
pub use document::Document;
pub use error::{Error, ErrorKind, Result};
pub use extraction::{Extraction, Mention, MentionType, Origin};
pub use gazetteer::{Entity, EntityType, Form, Gazetteers};
pub use gender::{Gender, GenderSource};
pub use pipeline::Extractor;
pub use quote::{Quote, QuoteKind, Resolution, Speaker, SpeakerKind};
pub use span::{CharOffsets, Span};
