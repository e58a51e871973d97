//! The mentions of a document being built, ordered by start and never overlapping: the store behind
//! `DocBuilder`.
//!
//! An article has tens of mentions: a sorted vector (binary search, a short move on insertion) is fastest.
//! A 16 MiB part of a large file has a hundred thousand, and rules insert among them: a vector would move
//! megabytes per insertion, so past [`LARGE`] mentions the set moves into a B-tree map keyed by start.

use std::collections::BTreeMap;
use std::collections::btree_map;

use crate::extraction::Mention;

/// Mentions from which the set keeps them in a map.
const LARGE: usize = 1024;

/// Mentions keyed by their start (unique, since mentions never overlap and are never empty).
pub(crate) enum MentionSet {
    Small(Vec<Mention>),
    Large(BTreeMap<usize, Mention>),
}

/// The mentions of a [`MentionSet`] in a range of starts, in order.
pub(crate) enum Iter<'a> {
    Small(std::slice::Iter<'a, Mention>),
    Large(btree_map::Range<'a, usize, Mention>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Mention;

    fn next(&mut self) -> Option<&'a Mention> {
        match self {
            Iter::Small(it) => it.next(),
            Iter::Large(it) => it.next().map(|(_, m)| m),
        }
    }
}

impl MentionSet {
    pub fn new() -> MentionSet {
        MentionSet::Small(Vec::new())
    }

    /// Adds `mention`; the caller has checked that it overlaps none.
    pub fn insert(&mut self, mention: Mention) {
        match self {
            MentionSet::Small(v) if v.len() < LARGE => {
                let at = v.partition_point(|m| m.span.start < mention.span.start);
                v.insert(at, mention);
            }
            MentionSet::Small(v) => {
                let mut map: BTreeMap<usize, Mention> = v.drain(..).map(|m| (m.span.start, m)).collect();
                map.insert(mention.span.start, mention);
                *self = MentionSet::Large(map);
            }
            MentionSet::Large(map) => {
                map.insert(mention.span.start, mention);
            }
        }
    }

    /// Removes the mention starting at byte `start`, if any.
    pub fn remove(&mut self, start: usize) {
        match self {
            MentionSet::Small(v) => {
                let at = v.partition_point(|m| m.span.start < start);
                if v.get(at).is_some_and(|m| m.span.start == start) {
                    v.remove(at);
                }
            }
            MentionSet::Large(map) => {
                map.remove(&start);
            }
        }
    }

    /// Removes the mentions that start in `from..to`.
    pub fn remove_starting_in(&mut self, from: usize, to: usize) {
        match self {
            MentionSet::Small(v) => {
                let first = v.partition_point(|m| m.span.start < from);
                let end = v.partition_point(|m| m.span.start < to).max(first);
                v.drain(first..end);
            }
            MentionSet::Large(map) => {
                let starts: Vec<usize> = map.range(from..to.max(from)).map(|(&s, _)| s).collect();
                for s in starts {
                    map.remove(&s);
                }
            }
        }
    }

    /// The mention starting last before byte `pos`, if any.
    pub fn last_starting_before(&self, pos: usize) -> Option<&Mention> {
        match self {
            MentionSet::Small(v) => v.partition_point(|m| m.span.start < pos).checked_sub(1).map(|i| &v[i]),
            MentionSet::Large(map) => map.range(..pos).next_back().map(|(_, m)| m),
        }
    }

    /// The mentions starting in `from..to`, in order.
    pub fn starting_in(&self, from: usize, to: usize) -> Iter<'_> {
        let to = to.max(from);
        match self {
            MentionSet::Small(v) => {
                let first = v.partition_point(|m| m.span.start < from);
                let end = v.partition_point(|m| m.span.start < to);
                Iter::Small(v[first..end].iter())
            }
            MentionSet::Large(map) => Iter::Large(map.range(from..to)),
        }
    }

    /// The mention starting exactly at byte `start`, if any.
    pub fn get(&self, start: usize) -> Option<&Mention> {
        match self {
            MentionSet::Small(v) => {
                let at = v.partition_point(|m| m.span.start < start);
                v.get(at).filter(|m| m.span.start == start)
            }
            MentionSet::Large(map) => map.get(&start),
        }
    }

    /// All mentions, in order.
    pub fn iter(&self) -> Iter<'_> {
        self.starting_in(0, usize::MAX)
    }

    /// All mentions, in order.
    pub fn into_vec(self) -> Vec<Mention> {
        match self {
            MentionSet::Small(v) => v,
            MentionSet::Large(map) => map.into_values().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::{MentionType, Origin};
    use crate::gazetteer::Form;
    use crate::span::Span;

    fn mention(start: usize) -> Mention {
        Mention {
            span: Span::new(start, start + 2),
            entity: crate::extraction::EntityRef::new(0),
            mention_type: MentionType::Person,
            form: Form::Name,
            origin: Origin::Gazetteer,
            sentence: 0,
        }
    }

    fn starts(it: Iter<'_>) -> Vec<usize> {
        it.map(|m| m.span.start).collect()
    }

    #[test]
    fn small_and_large_sets_answer_alike() {
        // the same operations on a set kept small and on one grown large
        let mut large = MentionSet::new();
        for i in (0..2 * LARGE).rev() {
            large.insert(mention(10 * i + 1_000_000));
        }
        assert!(matches!(large, MentionSet::Large(_)));
        for set in [&mut MentionSet::new(), &mut large] {
            for start in [50, 10, 30, 90, 70] {
                set.insert(mention(start));
            }
            set.remove(30);
            set.remove(31); // none there
            assert_eq!(starts(set.starting_in(10, 71)), [10, 50, 70]);
            assert_eq!(set.last_starting_before(50).map(|m| m.span.start), Some(10));
            assert_eq!(set.last_starting_before(10).map(|m| m.span.start), None);
            assert_eq!(set.get(70).map(|m| m.span.start), Some(70));
            set.remove_starting_in(40, 80);
            assert_eq!(starts(set.starting_in(0, 1_000)), [10, 90]);
        }
        assert_eq!(large.iter().count(), 2 * LARGE + 2);
        let all = large.into_vec();
        assert!(all.windows(2).all(|w| w[0].span.start < w[1].span.start));
    }
}
