//! Players: which name candidates are players, surnames linked to full names, and references resolved
//! (pronouns, demonyms such as "the Briton", descriptors such as "the 26-year-old" or "the world No 1").

use crate::lexicon;
use crate::recognise::{Span, ascii_space, names::NameMention};
use crate::segment::{Sentence, splat, zero_bytes};

/// A person the article names.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// Fullest form of the name: a span of the normalised text.
    pub name: Span,
    /// Number of words in that name.
    pub words: usize,
    /// Nationality stated explicitly next to a name ("Spain's X", "American X", "X of Spain").
    pub nationality: Option<&'static str>,
    /// Nationality votes from resolved demonyms ("the Briton").
    pub demonym_votes: Vec<&'static str>,
    pub age: Option<u32>,
    /// The person holds a non-playing role (coach, umpire, captain...).
    pub not_player: bool,
    /// Offset of the first mention (normalised text).
    pub first: usize,
}

impl Entity {
    /// An entity named by `span`, of `words` words, first mentioned there: nothing else known yet.
    fn new(span: Span, words: usize) -> Self {
        Entity {
            name: span,
            words,
            nationality: None,
            demonym_votes: Vec::new(),
            age: None,
            not_player: false,
            first: span.start,
        }
    }
}

/// Candidates looked at per lookup in [`build_entities`]: keeps pathological inputs (thousands of "Williams")
/// linear.
const SCAN: usize = 64;

/// How a reference points at its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    Name,
    Pronoun,
    Descriptor,
}

/// A reference to a player in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ref {
    pub span: Span,
    pub entity: usize,
    pub kind: RefKind,
    pub sent: usize,
}

/// The words of every name mention (split at spaces), as ids: equal words get equal ids, so that names compare
/// and index as integers. Kept in [`Scratch`] and filled in place for each article (no move of its buffers).
#[derive(Default)]
struct NameWords {
    /// The ids of all mentions' words, mention after mention.
    ids: Vec<u32>,
    /// Where each mention's words end in `ids`, after a leading 0: mention `i`'s words are
    /// `ids[ends[i]..ends[i + 1]]`. One number per mention (a mention starts where the one before ends), written
    /// through a slice sized up front: no start kept live in the word loop, no capacity test per mention.
    ends: Vec<u32>,
    /// The mentions of two or more words, in order: the first `multis` entries.
    multi: Vec<u32>,
    multis: usize,
    /// Number of distinct words.
    distinct: usize,
}

impl NameWords {
    #[cfg(test)]
    fn new(text: &str, names: &[NameMention]) -> Self {
        let mut words = NameWords::default();
        words.fill(text, names, &mut Slots::new(), &mut 0);
        words
    }

    /// The words of `names`, in this value's buffers (emptied first); the interner in `slots`, of generation
    /// `generation` (moved on by one).
    ///
    /// Not inlined into [`build_entities_in`]: fewer values live across its loops (fewer spills).
    #[inline(never)]
    fn fill(&mut self, text: &str, names: &[NameMention], slots: &mut Slots, generation: &mut u32) {
        let bytes = text.as_bytes();
        *generation = generation.wrapping_add(1);
        let mut intern =
            Interner::in_buffers(bytes, names.len() * 2, std::mem::take(slots), *generation);
        // The vectors pushed to in the loop as locals (moved back below): a push through `self` would reload
        // their lengths and pointers after every store (a store into a buffer may change `self` as far as the
        // compiler knows).
        let mut ids = std::mem::take(&mut self.ids);
        ids.clear();
        let mut ends = std::mem::take(&mut self.ends);
        ends.clear();
        ends.resize(names.len() + 1, 0);
        for (n, end) in names.iter().zip(&mut ends[1..]) {
            if let Some(lens) = n.word_lens() {
                // The words as the recogniser found them.
                let mut start = n.span.start;
                for &len in lens {
                    let len = usize::from(len);
                    ids.push(intern.id(start, len));
                    start += len + 1;
                }
            } else {
                let mut start = n.span.start;
                for word in bytes[n.span.start..n.span.end].split(|&b| b == b' ') {
                    ids.push(intern.id(start, word.len()));
                    start += word.len() + 1;
                }
            }
            *end = ids.len() as u32;
        }
        // Every mention written at `multi[k]`, `k` moved on past those of two or more words: no branch. (A pass
        // of its own: fewer values live in the word loop above.)
        if self.multi.len() < names.len() {
            self.multi.resize(names.len(), 0);
        }
        let multi = &mut self.multi[..];
        let mut k = 0;
        for (i, (&from, &to)) in ends.iter().zip(&ends[1..]).enumerate() {
            multi[k] = i as u32;
            k += usize::from(to - from > 1);
        }
        self.multis = k;
        self.distinct = intern.len();
        (self.ids, self.ends) = (ids, ends);
        (*slots, *generation) = intern.into_buffers();
    }

    /// Empties the buffers for the next article, and frees them when a long article has made them big (the
    /// shared [`crate::recognise::recycle`] bound).
    fn recycle(&mut self) {
        for v in [&mut self.ids, &mut self.ends, &mut self.multi] {
            crate::recognise::recycle(v);
        }
    }

    /// The id of the first word of mention `i` (every mention has one: [`NameWords::of`]`(i)[0]`, by one load of
    /// its start and no test of its length). ([`build_entities_in`] reads it so from its slices of the words:
    /// kept for the tests.)
    #[cfg(test)]
    fn first(&self, i: usize) -> u32 {
        self.ids[self.ends[i] as usize]
    }

    /// The word ids of mention `i` (the resolver reads them by [`NameWords::range`] and [`NameWords::at`]: kept for
    /// the tests).
    #[cfg(test)]
    fn of(&self, i: usize) -> &[u32] {
        self.at(self.range(i))
    }

    /// Where the word ids of mention `i` stand in `ids`.
    #[cfg(test)]
    fn range(&self, i: usize) -> WordRange {
        range_in(&self.ends, i)
    }

    /// The word ids at `range` (a [`NameWords::range`]).
    #[inline]
    fn at(&self, (a, b): WordRange) -> &[u32] {
        &self.ids[a as usize..b as usize]
    }
}

/// Where a mention's word ids stand in [`NameWords`]' `ids`: from, to.
type WordRange = (u32, u32);

/// [`NameWords::range`] of mention `i`, from the `ends` of the [`NameWords`].
#[inline]
fn range_in(ends: &[u32], i: usize) -> WordRange {
    // Both ends by one bounds test (two indexings test twice).
    let &[a, b] = ends[i..].first_chunk::<2>().expect("a mention's ends");
    (a, b)
}

/// An interner slot: the hash of a word, where its first occurrence stands in the text (offset and length),
/// its id, and the generation that wrote the slot.
#[derive(Clone, Copy, Default)]
struct Slot {
    hash: u64,
    start: u32,
    len: u32,
    id: u32,
    generation: u32,
}

/// Interner slots (see [`Slot`]).
type Slots = Vec<Slot>;

/// Ids for short words of a text (given by offset and length), in the order first seen: open addressing on a
/// hash of the length and the first and last eight bytes.
///
/// A slot keeps its word's offset and length (no vector of the words: a word is compared from its slot, and
/// fewer values live in the caller's loop).
struct Interner<'a> {
    /// The text the words are slices of.
    text: &'a [u8],
    /// Per slot: see [`Slot`] (a slot of another generation is empty: no clearing per article). A power of two,
    /// at least twice the number of words.
    slots: Slots,
    /// Number of distinct words (the next id).
    count: u32,
    /// The generation of this interner's slots: never 0.
    generation: u32,
}

impl<'a> Interner<'a> {
    #[cfg(test)]
    fn with_capacity(text: &'a [u8], n: usize) -> Self {
        Self::in_buffers(text, n, Vec::new(), 1)
    }

    /// An interner for about `n` words of `text` in the buffer `slots`, whose slots of other generations than
    /// `generation` count as empty (all are cleared when `generation` is 0, after a wrap: generation 1 then).
    fn in_buffers(text: &'a [u8], n: usize, mut slots: Slots, mut generation: u32) -> Self {
        let size = (n * 2).max(16).next_power_of_two();
        if generation == 0 {
            slots.clear();
            generation = 1;
        }
        // A table of an earlier, bigger article serves as it is (only more room).
        if slots.len() < size {
            slots.clear();
            slots.resize(size, Slot::default());
        }
        Interner {
            text,
            slots,
            count: 0,
            generation,
        }
    }

    /// The slots and the generation, for [`Interner::in_buffers`].
    fn into_buffers(self) -> (Slots, u32) {
        (self.slots, self.generation)
    }

    /// The hash of `w`, whose [`head_of`] is `head` when [`Interner::id`] has it.
    #[inline]
    fn hash(w: &[u8], head: Option<u64>) -> u64 {
        let n = w.len();
        // The first eight bytes, zero-padded (a byte loop for short words: no `memcpy` call); as [`head_of`]
        // gives them.
        let head = head.unwrap_or_else(|| match w.first_chunk::<8>() {
            Some(h) => head_of(*h, n),
            None => w
                .iter()
                .rev()
                .fold(0u64, |acc, &c| (acc << 8) | u64::from(c)),
        });
        // The last eight bytes of a longer word (as an array: no length test of a slice, no bound computed for
        // the shorter words, which are most).
        let tail = match w.last_chunk::<8>() {
            Some(t) if n > 8 => u64::from_le_bytes(*t),
            _ => 0,
        };
        Self::mix(head, tail, n)
    }

    /// The hash of a word of `n` bytes from its [`head_of`] and its last eight bytes (`tail`: 0 for a word of
    /// at most eight bytes).
    #[inline(always)]
    fn mix(head: u64, tail: u64, n: usize) -> u64 {
        (head ^ tail.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The id of the word `text[start..start + len]` (a new one when first seen).
    #[inline(always)]
    fn id(&mut self, start: usize, len: usize) -> u32 {
        // (The table is less than half full whenever a word is looked up, so a probe meets an empty slot: it
        // grows right after the insertion that fills it to half, below, not before every look-up, so that a
        // word seen before costs no test of the count.)
        // The text from the word's start, then the word in it (for a longer word, below) and its first eight
        // bytes, zero-padded: one length test each (the word cut as `text[start..start + len]` took a test for
        // an overflow of `start + len` more, and kept more values live in the caller's loop: 1.7% more
        // instructions in [`NameWords::fill`]); one load where the text goes on so far, masked by the table
        // ([`head_of`]: no shifts by a computed amount, and no test for an empty word, whose mask is 0). Read
        // here from the interner's own `text`: the caller keeps no second copy of the text live in its word
        // loop.
        //
        // A word of at most eight bytes with eight bytes of text from its start (most words) is hashed from
        // those bytes alone, and not cut at all: it lies in them (no test of its length against the text's
        // rest), and no slice of it stays live across the probe below (fewer values spilled in the caller's
        // word loop); a longer word is cut again where it is compared.
        let rest = &self.text[start..];
        let h = match rest.first_chunk::<8>() {
            Some(eight) if len <= 8 => Self::mix(head_of(*eight, len), 0, len),
            eight => Self::hash(&rest[..len], eight.map(|eight| head_of(*eight, len))),
        };
        let mask = self.slots.len() - 1;
        let mut i = (h >> 40) as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.generation != self.generation {
                let id = self.count;
                self.count += 1;
                self.slots[i] = Slot {
                    hash: h,
                    start: start as u32,
                    len: len as u32,
                    id,
                    generation: self.generation,
                };
                // (`* 2 > mask`: at least half of the `mask + 1` slots.)
                if self.count as usize * 2 > mask {
                    self.grow();
                }
                return id;
            }
            // The multiplication in `hash` is by an odd number (one to one): equal hashes of words of at
            // most eight bytes (no tail) and equal lengths mean equal first eight bytes, the whole words.
            if slot.hash == h
                && slot.len as usize == len
                && (len <= 8
                    || Self::same_long(
                        &self.text[slot.start as usize..][..len],
                        &self.text[start..][..len],
                    ))
            {
                return slot.id;
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether `a` and `b`, of the same length above eight bytes, are equal: their first and last eight
    /// bytes, the whole words up to sixteen bytes (no `memcmp` call in the interner loop: a call there makes
    /// it keep its values on the stack).
    #[inline(always)]
    fn same_long(a: &[u8], b: &[u8]) -> bool {
        if a.len() <= 16 {
            a.first_chunk::<8>() == b.first_chunk::<8>()
                && a.last_chunk::<8>() == b.last_chunk::<8>()
        } else {
            Self::same_longer(a, b)
        }
    }

    /// `a == b`, for words of more than sixteen bytes (rare).
    #[cold]
    #[inline(never)]
    fn same_longer(a: &[u8], b: &[u8]) -> bool {
        a == b
    }

    #[cold]
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let mut slots = vec![Slot::default(); size];
        let generation = self.generation;
        for &slot in self.slots.iter().filter(|s| s.generation == generation) {
            let mut i = (slot.hash >> 40) as usize & (size - 1);
            while slots[i].generation == generation {
                i = (i + 1) & (size - 1);
            }
            slots[i] = slot;
        }
        self.slots = slots;
    }

    fn len(&self) -> usize {
        self.count as usize
    }
}

/// The first `len` of `eight` (all eight when `len` is 8 to 15) as a little-endian integer, the other bytes 0:
/// the head of a word for [`Interner::hash`]. One table load and an AND (`HEAD_MASKS[k]` keeps the low `k`
/// bytes), where shifts by `8 * (8 - len)` each way took a test for the empty word (a shift by 64); the table
/// indexed by the low four bits of `len` (no clamp to 8: an AND where a compare and a select stood). A word of 16
/// bytes or more (rare) gets the head of `len % 16`: still a function of the word, so only its hash differs
/// (words above eight bytes are compared whole, never by their hash alone).
#[inline(always)]
fn head_of(eight: [u8; 8], len: usize) -> u64 {
    const HEAD_MASKS: [u64; 16] = {
        let mut t = [u64::MAX; 16];
        t[0] = 0;
        let mut k = 1;
        while k < 8 {
            t[k] = u64::MAX >> (64 - 8 * k);
            k += 1;
        }
        t
    };
    u64::from_le_bytes(eight) & HEAD_MASKS[len % 16]
}

/// Lists of entities by word id, in the order pushed, all in one arena (no allocation per list): walked both ways
/// (the entities by last word, which the relinking of headline adjectives walks first-pushed-first; the other
/// lists are [`ByWordRev`]s). Kept in [`Scratch`] and reset in place for each article.
#[derive(Default)]
struct ByWord {
    /// First and last node of each word's list.
    ends: Vec<(u32, u32)>,
    /// Entity, previous node, next node.
    nodes: Vec<(u32, u32, u32)>,
}

const NIL: u32 = u32::MAX;

impl ByWord {
    /// Empty lists for `words` word ids, room for `capacity` entries, in the buffers of an earlier article (no
    /// allocation per article).
    fn reset(&mut self, words: usize, capacity: usize) {
        self.ends.clear();
        self.ends.resize(words, (NIL, NIL));
        self.nodes.clear();
        self.nodes.reserve(capacity);
    }

    #[inline]
    fn push(&mut self, word: u32, entity: usize) {
        let n = self.nodes.len() as u32;
        // The old tail read once and the word's ends written before the push: after a store into `nodes` the
        // compiler reloaded `*tail` (the store might have changed it as far as it knows) and indexed `ends`
        // again.
        let (head, tail) = &mut self.ends[word as usize];
        let prev = *tail;
        *tail = n;
        if prev == NIL {
            *head = n;
        }
        self.nodes.push((entity as u32, prev, NIL));
        if prev != NIL {
            self.nodes[prev as usize].2 = n;
        }
    }

    /// The list of `word`, first pushed first.
    #[inline]
    fn iter(&self, word: u32) -> impl Iterator<Item = usize> + '_ {
        let mut n = self.ends[word as usize].0;
        std::iter::from_fn(move || {
            let &(e, _, next) = self.nodes.get(n as usize)?;
            n = next;
            Some(e as usize)
        })
    }

    /// The list of `word`, last pushed first.
    #[inline]
    fn iter_rev(&self, word: u32) -> impl Iterator<Item = usize> + '_ {
        let mut n = self.ends[word as usize].1;
        std::iter::from_fn(move || {
            let &(e, prev, _) = self.nodes.get(n as usize)?;
            n = prev;
            Some(e as usize)
        })
    }

    /// The last entity pushed for `word` (the lists that need it are [`ByWordRev`]s: kept for their test).
    #[cfg(test)]
    fn last(&self, word: u32) -> Option<usize> {
        self.iter_rev(word).next()
    }

    /// The only entity of `word`'s list, if it has exactly one (the lists that need it are [`ByWordRev`]s:
    /// kept for their test).
    #[cfg(test)]
    fn only(&self, word: u32) -> Option<usize> {
        let (head, tail) = self.ends[word as usize];
        (head != NIL && head == tail).then(|| self.nodes[head as usize].0 as usize)
    }
}

/// Lists of entities by word id, last pushed first, all in one arena: a [`ByWord`] without the forward links,
/// for the lists never walked first-pushed-first (a push writes one node and one tail: no head, no link in the
/// node before, no branch; the per-word table is half as big). Kept in [`Scratch`] and reset in place for each
/// article.
#[derive(Default)]
struct ByWordRev {
    /// Last node of each word's list.
    tails: Vec<u32>,
    /// Entity, previous node. (Filled by [`ByWordRev::write`], nodes of earlier articles stay past those pushed.)
    nodes: Vec<(u32, u32)>,
}

impl ByWordRev {
    /// Empty lists for `words` word ids, room for `capacity` entries, in the buffers of an earlier article (no
    /// allocation per article).
    fn reset(&mut self, words: usize, capacity: usize) {
        self.tails.clear();
        self.tails.resize(words, NIL);
        self.nodes.clear();
        self.nodes.reserve(capacity);
    }

    #[inline]
    fn push(&mut self, word: u32, entity: usize) {
        let n = self.nodes.len() as u32;
        let tail = &mut self.tails[word as usize];
        self.nodes.push((entity as u32, *tail));
        *tail = n;
    }

    /// The list of `word`, last pushed first.
    #[inline]
    fn iter_rev(&self, word: u32) -> impl Iterator<Item = usize> + '_ {
        self.view().iter_rev(word)
    }

    /// The last entity pushed for `word` (the loops read it through [`ByWordRev::view`]: kept for the tests).
    #[cfg(test)]
    fn last(&self, word: u32) -> Option<usize> {
        self.view().last(word)
    }

    /// The only entity of `word`'s list, if it has exactly one: its last node has no node before it (the loops
    /// read it through [`ByWordRev::view`]: kept for the tests).
    #[cfg(test)]
    fn only(&self, word: u32) -> Option<usize> {
        self.view().only(word)
    }

    /// The lists as slices, for a loop that reads them while it stores elsewhere: read through the vectors, their
    /// pointers and lengths were loaded again after every store (a store into a buffer may change them as far as
    /// the compiler knows).
    #[inline(always)]
    fn view(&self) -> RevView<'_> {
        RevView {
            tails: &self.tails,
            nodes: &self.nodes,
        }
    }
}

/// A [`ByWordRev`]'s lists as slices (see [`ByWordRev::view`]).
#[derive(Clone, Copy)]
struct RevView<'a> {
    tails: &'a [u32],
    nodes: &'a [(u32, u32)],
}

impl<'a> RevView<'a> {
    /// As [`ByWordRev::iter_rev`].
    #[inline]
    fn iter_rev(self, word: u32) -> impl Iterator<Item = usize> + 'a {
        let mut n = self.tails[word as usize];
        std::iter::from_fn(move || {
            let &(e, prev) = self.nodes.get(n as usize)?;
            n = prev;
            Some(e as usize)
        })
    }

    /// As [`ByWordRev::last`].
    #[inline]
    fn last(self, word: u32) -> Option<usize> {
        self.iter_rev(word).next()
    }

    /// As [`ByWordRev::only`].
    #[inline]
    fn only(self, word: u32) -> Option<usize> {
        let &(e, prev) = self.nodes.get(self.tails[word as usize] as usize)?;
        (prev == NIL).then_some(e as usize)
    }
}

impl ByWordRev {
    /// Empty lists for `words` word ids (as [`ByWordRev::reset`]), filled by `f` through a [`RevWriter`] with
    /// room for `room` entries.
    ///
    /// For a loop that knows how many entries it may push at most: the writer's slices stay in registers, where
    /// a push through the vector reloaded its pointer and length after every store (a store into a buffer may
    /// change the vector as far as the compiler knows, and the vector is in memory for its growth call). The
    /// nodes are not cleared: those of an earlier article stay past the ones pushed, never reached from a tail
    /// (no clearing or filling of the room per article; the vector only grows).
    #[inline(always)]
    fn write<R>(&mut self, words: usize, room: usize, f: impl FnOnce(&mut RevWriter) -> R) -> R {
        self.tails.clear();
        self.tails.resize(words, NIL);
        if self.nodes.len() < room {
            self.nodes.resize(room, (NIL, NIL));
        }
        f(&mut RevWriter {
            tails: &mut self.tails[..],
            nodes: &mut self.nodes[..],
            len: 0,
        })
    }
}

/// A [`ByWordRev`] being filled through slices (see [`ByWordRev::write`]): its per-word tails, its nodes with
/// room made for every push, and the number of nodes pushed.
struct RevWriter<'a> {
    tails: &'a mut [u32],
    nodes: &'a mut [(u32, u32)],
    len: usize,
}

impl RevWriter<'_> {
    /// As [`ByWordRev::push`] (panics past the room made).
    #[inline(always)]
    fn push(&mut self, word: u32, entity: usize) {
        let tail = &mut self.tails[word as usize];
        self.nodes[self.len] = (entity as u32, *tail);
        *tail = self.len as u32;
        self.len += 1;
    }

    /// As [`ByWordRev::last`] (a tail is NIL or a node pushed).
    #[inline(always)]
    fn last(&self, word: u32) -> Option<usize> {
        let &(e, _) = self.nodes.get(self.tails[word as usize] as usize)?;
        Some(e as usize)
    }
}

/// The buffers of [`build_entities`] that do not outlive it, kept per thread for the next article (no
/// allocation per article). [`build_entities_in`] works in them where they stand: the [`NameWords`] and the four
/// lists are no longer moved out and back per article (each move copied the vectors, wrote empty ones in their
/// place and dropped those; the lists went into and out of calls by value). Only the interner's slots and the two
/// vectors that [`NameWords::fill`] pushes to are moved, as locals of its loop.
#[derive(Default)]
struct Scratch {
    /// [`Interner`] buffers, and the generation of the last article's slots.
    slots: Slots,
    generation: u32,
    words: NameWords,
    /// The words of each entity's name: those of its fullest mention, as they stand in `words` (kept as the
    /// range, not the mention: [`link_full_names`] reads a candidate's words by one load, not through the
    /// mention's ends).
    name_of: Vec<WordRange>,
    single: Vec<Option<usize>>,
    last_seen: Vec<usize>,
    /// Per entity, [`LINE_START`] while all its mentions stand at the start of a line, [`INITIAL`] while all
    /// may be initial (see [`build_entities_in`]).
    opens: Vec<u8>,
    relink: Vec<Option<usize>>,
    /// Entities by the id of their first and of their last word.
    by_first: ByWordRev,
    by_last: ByWord,
    /// Surname words and given names of the full names, for single words.
    by_surname_word: ByWordRev,
    by_given: ByWordRev,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// `v` emptied, then `n` copies of `x`.
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

/// Builds entities from name candidates. Full names (two or more words) make entities; a single word links to
/// the entity whose surname contains it, or makes a surname-only entity.
///
/// The entities go to `entities` and each mention's entity to `link` (both cleared first: buffers the caller
/// keeps for the next article).
pub(crate) fn build_entities(
    text: &str,
    names: &[NameMention],
    cue_starts: &[usize],
    entities: &mut Vec<Entity>,
    link: &mut Vec<Option<usize>>,
) {
    // In the thread's buffers, where they stand (no move of the whole `Scratch` per article); fresh ones
    // while the thread's locals are being destroyed.
    let mut run = |scratch: &mut Scratch| {
        build_entities_in(text, names, cue_starts, entities, link, scratch);
    };
    let done = SCRATCH
        .try_with(|s| s.try_borrow_mut().map(|mut s| run(&mut s)).is_ok())
        .unwrap_or(false);
    if !done {
        run(&mut Scratch::default());
    }
}

/// [`build_entities`] in the buffers of `scratch` (kept there for the next article).
fn build_entities_in(
    text: &str,
    names: &[NameMention],
    cue_starts: &[usize],
    entities: &mut Vec<Entity>,
    link: &mut Vec<Option<usize>>,
    scratch: &mut Scratch,
) {
    let Scratch {
        slots,
        generation,
        words: words_buf,
        name_of,
        single: single_buf,
        last_seen,
        opens: opens_buf,
        relink: relink_buf,
        by_first,
        by_last,
        by_surname_word,
        by_given,
    } = scratch;
    words_buf.fill(text, names, slots, generation);
    let words = &*words_buf;
    // The buffers of fixed length (`link`, `single`, `opens`, `relink`) as slices once
    // filled: indexed through `scratch` they would reload their lengths and pointers after every store (a store
    // into a buffer may change `scratch` as far as the compiler knows).
    // At most one entity per mention: no growing.
    entities.clear();
    entities.reserve(names.len());
    // Where the words of each entity's name stand.
    name_of.clear();
    link.clear();
    link.resize(names.len(), None);
    let link = &mut link[..];
    // Entities by the id of their first and of their last word.
    by_first.reset(words.distinct, names.len());
    by_last.reset(words.distinct, names.len());
    // Mentions of a single word.
    let singles = names.len() - words.multis;
    // Full names first, so that a surname seen before its full name still links ("Melzer shocks Agassi").
    link_full_names(names, words, by_first, by_last, entities, name_of, link);
    // Surname words (everything after the given name) and given names of the full names, for single words
    // (none when there is no single word).
    let lists = if singles > 0 { words.distinct } else { 0 };
    // Through writers with room made up front (at most one surname entry per word of the entities' names, which
    // are distinct mentions; one given name per entity): no reload of the vectors per push. The words' two
    // vectors as slices too (read through `words`, their pointers and lengths were reloaded after every push).
    let (ids, ends) = (&words.ids[..], &words.ends[..]);
    by_surname_word.write(lists, ids.len(), |surname| {
        by_given.write(lists, name_of.len(), |given| {
            for (j, &(a, b)) in name_of.iter().enumerate().filter(|_| singles > 0) {
                // As [`NameWords::at`].
                let toks = &ids[a as usize..b as usize];
                for &t in &toks[1..] {
                    if surname.last(t) != Some(j) {
                        surname.push(t, j);
                    }
                }
                given.push(toks[0], j);
            }
        })
    });
    // The surname-only entity made for each single word.
    refill(single_buf, lists, None);
    let single = &mut single_buf[..];
    // Where each entity's mentions stand: all at the start of a line (a headline word), all at the start
    // of a sentence and not possessive. Sized for every entity there may be (at most one more per single word):
    // filled in the loop below, which reads each name and its entity already (a pass of its own read them
    // again).
    refill(opens_buf, entities.len() + singles, LINE_START | INITIAL);
    let opens = &mut opens_buf[..];
    // Single words: link to the most recently mentioned entity with that surname (or unique given name).
    // Per entity, where it was last mentioned: sized, as `opens`, for every entity there may be and read through a
    // slice (a buffer of `scratch` pushed to in the loop had its pointer and length read again for every name). An
    // entity made in the loop has its place written there below.
    last_seen.clear();
    last_seen.extend(entities.iter().map(|e| e.first));
    last_seen.resize(entities.len() + singles, 0);
    let last_seen = &mut last_seen[..];
    // The lists and the words read through slices (no reload of their vectors after each store below).
    let (by_surname_word, by_given) = (by_surname_word.view(), by_given.view());
    for (i, n) in names.iter().enumerate() {
        // The entity of a full name (linked above), else the one of the single word.
        let idx = if let Some(e) = link[i] {
            e
        } else {
            // As [`NameWords::first`].
            let a = ends[i];
            let w = ids[a as usize];
            // Most single words have one entity with that surname word: the only candidate (no given name then).
            let only = by_surname_word.only(w);
            let given = || {
                by_given
                    .only(w)
                    .filter(|_| by_surname_word.last(w).is_none())
            };
            let cands = || by_surname_word.iter_rev(w).take(SCAN).chain(given());
            let idx = if let Some(e) = only {
                e
            } else if let Some(best) = cands().max_by_key(|&e| {
                // Most recent mention before this one; else the first one named.
                let seen = last_seen[e];
                if seen <= n.span.start {
                    (1, seen)
                } else {
                    (0, usize::MAX - seen)
                }
            }) {
                best
            } else if let Some(j) = single[w as usize] {
                j
            } else {
                let j = entities.len();
                entities.push(Entity::new(n.span, 1));
                // (A mention not linked as a full name has one word.)
                name_of.push((a, a + 1));
                single[w as usize] = Some(j);
                j
            };
            link[i] = Some(idx);
            idx
        };
        last_seen[idx] = n.span.start;
        note_opening(&mut opens[idx], text, n, cue_starts);
    }
    let opens = &opens[..entities.len()];
    // "Classy Henman" in a headline: an opening adjective before the surname of a player named in full.
    refill(relink_buf, entities.len(), None);
    let relink = &mut relink_buf[..];
    let mut relinked = false;
    for (e, ent) in entities.iter().enumerate() {
        if ent.words != 2 || opens[e] & LINE_START == 0 {
            continue;
        }
        let toks = words.at(name_of[e]);
        relink[e] = by_last
            .iter(toks[1])
            .find(|&f| f != e && entities[f].words >= 2 && words.at(name_of[f])[0] != toks[0]);
        relinked |= relink[e].is_some();
    }
    for l in link.iter_mut().filter(|_| relinked) {
        if let Some(f) = l.and_then(|e| relink[e]) {
            *l = Some(f);
        }
    }
    for (e, ent) in entities.iter_mut().enumerate() {
        // A lone capitalised word seen only at the start of sentences ("Basically", "Asked") is no name.
        if relink[e].is_some() || (ent.words == 1 && opens[e] & INITIAL != 0) {
            ent.not_player = true;
        }
    }
    words_buf.recycle();
}

/// Notes in `open`, an entity's [`LINE_START`] and [`INITIAL`] flags, where its mention `n` stands (see
/// [`build_entities_in`]): both flags ANDed with [`opening`]'s, and [`INITIAL`] cleared when the name is the
/// subject of what follows ("Rune (Den) bt Hijikata", "Rune's", "Rune, who"). The same for the mentions of an
/// entity in any order: the subject test is skipped only when it could change nothing.
#[inline(always)]
fn note_opening(open: &mut u8, text: &str, n: &NameMention, cue_starts: &[usize]) {
    // Both flags in one byte, ANDed with the class of the byte before the name: one bounds test, one load and
    // one store (two `bool` buffers took two of each, and the flags turned into `bool`s).
    *open &= opening(text.as_bytes(), n.span.start);
    // Whether the entity may still be all initial: one branch, mostly on to the next name (most mentions are not
    // initial, and most entities have a mention that is not). Three branches on the two flags stood here, each
    // mispredicted for many names.
    if *open & INITIAL == 0 {
        return;
    }
    // "Rune (Den) bt Hijikata": a surname opening a results line is a name.
    let rest = &text[n.span.end..];
    let cue_next = {
        let gap = rest.bytes().take_while(|&c| c == b' ').count();
        cue_starts.binary_search(&(n.span.end + gap)).is_ok()
    };
    // (The first two bytes of every form, tested first.)
    let subject = cue_next
        || (matches!(
            rest.as_bytes(),
            [b'\'', b's', ..] | [b' ', b'(' | b'b' | b'd', ..] | [b',', b' ', ..]
        ) && [
            "'s", " (", " bt ", " d. ", " def. ", ", the ", ", a ", ", who ", ", whose ",
        ]
        .iter()
        .any(|p| rest.starts_with(p)));
    if subject {
        *open &= !INITIAL;
    }
}

/// Per byte, for [`opening`]: whether it ends a line or a sentence before a name ([`LINE_START`]), whether a
/// name after it opens a sentence ([`INITIAL`]: the same bytes and ':'), whether it is a space or a tab
/// ([`BLANK`]). One load classes a byte (bit tests by shifts of a constant cost more: a shift by a variable
/// amount takes several instructions on x86).
static OPENING: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut k = 0;
    let line: &[u8] = b"\n.!?\"";
    while k < line.len() {
        t[line[k] as usize] = LINE_START | INITIAL;
        k += 1;
    }
    t[b':' as usize] = INITIAL;
    t[b' ' as usize] = BLANK;
    t[b'\t' as usize] = BLANK;
    t
};
const LINE_START: u8 = 1;
const INITIAL: u8 = 2;
const BLANK: u8 = 4;

/// Where a name at `start` of `b` stands, as [`LINE_START`] and [`INITIAL`] bits: whether the byte before the
/// spaces and tabs before the name (an ASCII character, or the last byte of another one, never equal to an ASCII
/// byte; none: the text's start) ends a line or sentence, and whether it opens a sentence (the same or ':').
///
/// Mostly one space or one other byte before the name: the byte is picked by a select and classed by a table,
/// with no branch on the text (the branches of a match there were mispredicted for many names). Two spaces or
/// tabs, or the text's start within two bytes: the byte loop.
#[inline(always)]
fn opening(b: &[u8], start: usize) -> u8 {
    let class = |c: u8| OPENING[usize::from(c)];
    let last_not_blank = || {
        b[..start]
            .iter()
            .rev()
            .find(|&&c| class(c) & BLANK == 0)
            .copied()
    };
    let prev = match b[..start] {
        // The byte before a blank, else the last byte: a blank only when both are (rare, a predicted branch).
        [.., p2, p1] => match std::hint::select_unpredictable(class(p1) & BLANK != 0, p2, p1) {
            p if class(p) & BLANK != 0 => last_not_blank(),
            p => Some(p),
        },
        _ => last_not_blank(),
    };
    // (No [`BLANK`] bit: the byte picked is none.)
    prev.map_or(LINE_START | INITIAL, class)
}

/// The full names (mentions of two or more words) of [`build_entities_in`]: each links to the first entity
/// that is the same person, or makes a new entity; `by_first` and `by_last` index the entities by the first and
/// last word of their fullest name.
///
/// Inlined: kept out of line (fewer values live across its loop) it saved 0.03% of the instructions but its
/// branches mispredicted more (+500 simulated mispredicts on the web reports for 3K instructions saved).
///
/// The words are read through slices: they are fields of the [`Scratch`] that holds the lists, so after every
/// store into a list's buffer (which might have changed them as far as the compiler knows) their pointers and
/// lengths were read from the `Scratch` again and spilled, for each name.
#[inline(always)]
fn link_full_names(
    names: &[NameMention],
    words: &NameWords,
    by_first: &mut ByWordRev,
    by_last: &mut ByWord,
    entities: &mut Vec<Entity>,
    name_of: &mut Vec<WordRange>,
    link: &mut [Option<usize>],
) {
    let (ids, ends, multi) = (
        &words.ids[..],
        &words.ends[..],
        &words.multi[..words.multis],
    );
    for &i in multi {
        let (i, n) = (i as usize, &names[i as usize]);
        let range = range_in(ends, i);
        let toks = &ids[range.0 as usize..range.1 as usize];
        // A longer name that contains an existing one, or the reverse, is the same person: same first and
        // last words, one a suffix of the other ("Farina Elia" / "Sylvia Farina Elia"), or a prefix of at
        // least two words ("Juan Carlos" / "Juan Carlos Ferrero").
        // Whether entity `j` is the same person. (A function inlined by force, not a closure: called from two
        // loops, a closure was left out of line when `NameWords::of` changed.)
        #[inline(always)]
        fn same_person(
            ids: &[u32],
            name_of: &[WordRange],
            j: usize,
            toks: &[u32],
            (first, last): (u32, u32),
        ) -> bool {
            // As [`NameWords::at`].
            let (a, b) = name_of[j];
            let e = &ids[a as usize..b as usize];
            let suffix =
                |long: &[u32], short: &[u32]| long.len() > short.len() && long.ends_with(short);
            let prefix = |long: &[u32], short: &[u32]| {
                short.len() >= 2 && long.len() > short.len() && long.starts_with(short)
            };
            // Same words (the same name) have the same first and last words.
            e.len() > 1
                && ((e[e.len() - 1] == last && e[0] == first)
                    || suffix(e, toks)
                    || suffix(toks, e)
                    || prefix(e, toks)
                    || prefix(toks, e))
        }
        let (first, last) = (toks[0], toks[toks.len() - 1]);
        // The first entity that is the same person among the candidates by last and by first word (none:
        // `usize::MAX`). A candidate at or past the one found cannot lower it: not tested (mostly the entity
        // the by-last list found, met again in the by-first list).
        let mut found = usize::MAX;
        for j in by_last.iter_rev(last).take(SCAN) {
            if j < found && same_person(ids, name_of, j, toks, (first, last)) {
                found = j;
            }
        }
        for j in by_first.iter_rev(first).take(SCAN) {
            if j < found && same_person(ids, name_of, j, toks, (first, last)) {
                found = j;
            }
        }
        let idx = match (found != usize::MAX).then_some(found) {
            Some(j) => {
                if toks.len() > entities[j].words {
                    entities[j].name = n.span;
                    entities[j].words = toks.len();
                    name_of[j] = range;
                    by_first.push(first, j);
                    by_last.push(last, j);
                }
                j
            }
            None => {
                let j = entities.len();
                by_first.push(first, j);
                by_last.push(last, j);
                entities.push(Entity::new(n.span, toks.len()));
                name_of.push(range);
                j
            }
        };
        link[i] = Some(idx);
    }
}

/// Roles that make a named person not a player when they stand just before the name or just after it.
pub(crate) const ROLES: &[&str] = &[
    "coach",
    "coached",
    "umpire",
    "captain",
    "referee",
    "commentator",
    "president",
    "director",
    "executive",
    "manager",
    "father",
    "mother",
    "dad",
    "mum",
    "brother",
    "sister",
    "wife",
    "husband",
    "girlfriend",
    "boyfriend",
    "agent",
    "spokesman",
    "spokeswoman",
    "physio",
    "physiotherapist",
    "trainer",
    "minister",
    "chairman",
    "chief",
    "supervisor",
    "not_player",
    "organiser",
    "doctor",
    "promoter",
    "sponsor",
    "analyst",
    "pundit",
    "journalist",
    "reporter",
    "writer",
    "presenter",
    "host",
    "mentor",
    "adviser",
    "advisor",
    "consultant",
    "psychologist",
    "owner",
    "founder",
    "ceo",
    "secretary",
    "chancellor",
    "mayor",
    "senator",
    "princess",
    "prince",
    "king",
    "queen",
    "duchess",
    "duke",
    "singer",
    "actor",
    "actress",
    "footballer",
    "golfer",
    "cricketer",
    "boxer",
    "driver",
    "striker",
    "son",
    "daughter",
    "uncle",
    "aunt",
    "grandfather",
];

static ROLE_SET: once_cell::sync::Lazy<lexicon::WordSet> =
    once_cell::sync::Lazy::new(|| lexicon::WordSet::of(ROLES));

/// Where the bit of a role with these first, second and last bytes (each OR 0x20: lower case for letters, and
/// never a letter for other bytes) and length stands in [`ROLE_BITS`].
#[inline]
const fn role_hash(first: u8, second: u8, last: u8, len: usize) -> usize {
    let x = first as u32 | (second as u32) << 8 | (last as u32) << 16 | (len as u32) << 24;
    (x.wrapping_mul(0x9E37_79B1) >> 22) as usize
}

/// One bit per [`role_hash`] of the roles (1024 bits): a pre-check on the stack that every role passes and
/// few other words do, before the set is looked at. Every role has 3 to 15 bytes (checked by a test).
const fn role_bits() -> [u64; 16] {
    let mut t = [0u64; 16];
    let mut i = 0;
    while i < ROLES.len() {
        let r = ROLES[i].as_bytes();
        let h = role_hash(r[0] | 0x20, r[1] | 0x20, r[r.len() - 1] | 0x20, r.len());
        t[h >> 6] |= 1 << (h & 63);
        i += 1;
    }
    t
}

static ROLE_BITS: [u64; 16] = role_bits();

/// For each ASCII byte, one bit per length of the roles that start with it (in either case), and one per
/// length of their "'s" forms (two more): a one-load pre-check for a word that starts and ends with a letter
/// or digit (most words, "the", "said", "beat", fail it). Lengths are at most 17.
const fn role_first_lens() -> [u32; 128] {
    let mut t = [0u32; 128];
    let mut i = 0;
    while i < ROLES.len() {
        let r = ROLES[i].as_bytes();
        let bits = 1 << r.len() | 1 << (r.len() + 2);
        t[r[0] as usize] |= bits;
        t[r[0].to_ascii_uppercase() as usize] |= bits;
        i += 1;
    }
    t
}

static ROLE_FIRST_LENS: [u32; 128] = role_first_lens();

/// For each byte, one bit per length of the first run of ASCII letters and digits of the roles that start with
/// it (in either case): "not" of "not_player" gives 3. First runs have at most 15 bytes. Every role starts with
/// a letter: a byte that is no letter has no bit (one load tells both).
const fn role_run_lens() -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < ROLES.len() {
        let r = ROLES[i].as_bytes();
        let mut n = 0;
        while n < r.len() && r[n].is_ascii_alphanumeric() {
            n += 1;
        }
        t[r[0] as usize] |= 1 << n;
        t[r[0].to_ascii_uppercase() as usize] |= 1 << n;
        i += 1;
    }
    t
}

static ROLE_RUN_LENS: [u16; 256] = role_run_lens();

/// All bits for an ASCII letter or digit, none for any other byte: [`u8::is_ascii_alphanumeric`] as a mask
/// that [`role_may_stand`] ANDs with a [`ROLE_RUN_LENS`] entry (no branch on the byte).
static ALNUM_ALL: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut c = 0;
    while c < 256 {
        if (c as u8).is_ascii_alphanumeric() {
            t[c] = u16::MAX;
        }
        c += 1;
    }
    t
};

/// Whether a role word (see [`is_role`]) may be one of the last three words of `text[from..to]` split at white
/// space: a necessary test for [`role_before`] ([`role_after`] makes its first test alone) from the role starts
/// that the keyword scan found (`roles`, see [`crate::recognise::Keywords::roles`]), by binary search.
///
/// A role word trimmed (and without its "'s") is ASCII letters (and "_") with no letter or digit on either
/// side, so its first run of letters and digits is a maximal one in the text, and one of `roles`, unless
/// the window cuts it: at `from` (the word's start is a suffix of a longer run: its length must then be that
/// of a role's first run, and the word there a role, see [`word_may_be_role`]) or at `to` (a prefix of a longer
/// run: not looked at closer here).
///
/// `cut_to`: [`cuts_word`]`(b, to)`, which the caller may know without reading the bytes.
///
/// Inlined always: a call per name (from [`official_context`]) cost more than its body's mostly first tests.
#[inline(always)]
fn role_may_stand(b: &[u8], roles: &[usize], from: usize, to: usize, cut_to: bool) -> bool {
    let i = roles.partition_point(|&s| s < from);
    if roles.get(i).is_some_and(|&s| s < to) || cut_to {
        return true;
    }
    if from < to && from > 0 {
        // Most windows start with a byte that no role's first run starts with (no letter among them), or with a
        // run no role's first run has: the lengths of the runs of roles starting with it (none: not a letter,
        // so not cut there either), then whether the window cuts a word there, then the run's length up to 16.
        // Both first tests from two loads and an AND, with one branch (mostly not taken): the byte tests of
        // `is_ascii_alphanumeric` on the byte before the window, random in the text, mispredicted often.
        //
        // Before them, and mostly enough: the callers ([`role_before`]) look at the window's last three words
        // alone, so a word at `from` followed by three more words is none of them. Three word starts in the
        // window's next 31 bytes ([`space_word_starts`]: each starts a word of the window split at white space,
        // ASCII or any) tell it with no branch on the bytes, where the tests below (their first branch
        // mispredicted for about half the names) ran for every window with no role start.
        if let Some(w) = b[from..to].first_chunk::<32>()
            && more_bits_than::<2>(space_word_starts(w) & !1)
        {
            return false;
        }
        let lens = ROLE_RUN_LENS[usize::from(b[from])] & ALNUM_ALL[usize::from(b[from - 1])];
        if lens == 0 {
            return false;
        }
        // The run's length from the window's first eight bytes (the text's eight bytes at `from`), inline, where
        // the window has them and they hold the run's end (most runs); else by [`alnum_run16`], whose call per
        // window (and its test of the room) cost more than this.
        let n = match b[from..to].first_chunk::<8>() {
            Some(&eight) => match alnum_len8(eight) {
                8 => alnum_run16(b, from),
                first => first,
            },
            None => alnum_run16(b, from),
        };
        // (A run of 16 or more is no role's first run.) Then, with no role start in the window and no cut at
        // `to`, only the window's first word may be a role: tested as one word here (few are roles), not by the
        // caller's search of the last three words.
        return n < 16 && lens >> n & 1 != 0 && word_may_be_role(b, from, to);
    }
    false
}

/// Whether the word of `b` at `from` (up to ASCII white space, or `to`) may be a role word ([`is_role`]) when the
/// window `from..to` is split at white space: true when a byte of it is not ASCII (the split may then fall
/// there, at other white space), else whether it is one.
#[inline]
fn word_may_be_role(b: &[u8], from: usize, to: usize) -> bool {
    let w = &b[from..to];
    let n = w
        .iter()
        .position(|&c| ascii_space(c) || !c.is_ascii())
        .unwrap_or(w.len());
    n < w.len() && !w[n].is_ascii() || is_role_ascii(&w[..n])
}

/// Whether `at` falls inside a run of ASCII letters and digits of `b` (one on either side).
#[inline(always)]
fn cuts_word(b: &[u8], at: usize) -> bool {
    at > 0 && at < b.len() && b[at - 1].is_ascii_alphanumeric() && b[at].is_ascii_alphanumeric()
}

/// The high bit of each byte of `v` that is an ASCII letter or digit, and no other bit (exact in every byte:
/// no carry leaves a byte).
#[inline]
fn alnum_bytes(v: u64) -> u64 {
    let low = v & splat(0x7F);
    // The high bit of `low + (0x80 - k)`: the byte is at least `k` (at most 0x7F + 0x7F: no carry out).
    let at_least = |x: u64, k: u8| x.wrapping_add(splat(0x80 - k));
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    let folded = low | splat(0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (digit | letter) & !v & splat(0x80)
}

/// The number of ASCII letters and digits that `eight` starts with (8: all of them).
#[inline(always)]
fn alnum_len8(eight: [u8; 8]) -> usize {
    ((!alnum_bytes(u64::from_le_bytes(eight)) & splat(0x80)).trailing_zeros() / 8) as usize
}

/// The length of the run of ASCII letters and digits at `from` in `b`, counted up to 16 (16 for a longer
/// one): eight bytes at once where the text has them (no branch per byte), else (and past them) a byte loop.
#[inline]
fn alnum_run16(b: &[u8], from: usize) -> usize {
    if let Some(&eight) = b.get(from..).and_then(|r| r.first_chunk::<8>()) {
        // The first byte that is no letter or digit (8: none, then the byte loop from there).
        let first = alnum_len8(eight);
        if first < 8 {
            return first;
        }
        return 8 + b[from + 8..]
            .iter()
            .take(8)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
    }
    b[from..]
        .iter()
        .take(16)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count()
}

/// `word` without the characters that are not alphanumeric at either end.
fn trim_non_alnum(word: &str) -> &str {
    if !word.is_ascii() {
        return word.trim_matches(|c: char| !c.is_alphanumeric());
    }
    std::str::from_utf8(trim_non_alnum_ascii(word.as_bytes())).unwrap_or("")
}

/// [`trim_non_alnum`] for ASCII bytes.
#[inline]
fn trim_non_alnum_ascii(b: &[u8]) -> &[u8] {
    match b.iter().position(u8::is_ascii_alphanumeric) {
        Some(s) => {
            let e = b.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(s);
            &b[s..=e]
        }
        None => &[],
    }
}

/// A role word, in any case and with or without "'s" ("Coach", "coach's").
fn is_role(word: &str) -> bool {
    if word.is_ascii() {
        return is_role_ascii(word.as_bytes());
    }
    // No role is shorter than three letters.
    if word.len() < 3 {
        return false;
    }
    role_in(trim_non_alnum(word).as_bytes())
}

/// [`is_role`] for an ASCII word.
#[inline]
fn is_role_ascii(b: &[u8]) -> bool {
    // Most words start and end with an ASCII letter or digit: nothing to trim.
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    if first.is_ascii_alphanumeric() && last.is_ascii_alphanumeric() {
        // Nothing to trim: the word, or the word less its "'s", is the role.
        let n = b.len();
        return n <= 17 && ROLE_FIRST_LENS[usize::from(*first)] & (1 << n) != 0 && role_in(b);
    }
    role_in(trim_non_alnum_ascii(b))
}

/// A trimmed word is a role, in any case, with or without "'s".
#[inline]
fn role_in(w: &[u8]) -> bool {
    let n = w.len();
    let core = if n >= 2 && w[n - 2] == b'\'' && w[n - 1] | 0x20 == b's' {
        &w[..n - 2]
    } else {
        w
    };
    let len = core.len();
    if !(3..=15).contains(&len) {
        return false;
    }
    // Most words fail the pre-check on their first, second and last bytes and length.
    let h = role_hash(core[0] | 0x20, core[1] | 0x20, core[len - 1] | 0x20, len);
    if ROLE_BITS[h >> 6] & (1 << (h & 63)) == 0 {
        return false;
    }
    // Lower-cased on the stack: no role is longer than 15 bytes.
    let mut buf = [0u8; 15];
    let l = &mut buf[..len];
    for (d, s) in l.iter_mut().zip(core) {
        *d = s.to_ascii_lowercase();
    }
    ROLE_SET.contains_bytes(l)
}

/// The high bit of each byte of `v` that is below 0x21 (ASCII white space among them) or not ASCII, and no
/// other bit (exact in every byte: no carry leaves a byte).
#[inline]
fn space_or_high(v: u64) -> u64 {
    (!((v & splat(0x7F)).wrapping_add(splat(0x5F))) | v) & splat(0x80)
}

/// Where the word ending at `end` (exclusive) starts: after the last ASCII white space byte before `end`, or
/// 0. `Err(())` when a byte of the word is not ASCII. Eight bytes at a time.
#[inline]
fn ascii_word_start(b: &[u8], end: usize) -> Result<usize, ()> {
    let mut st = end;
    while st >= 8 {
        let eight: [u8; 8] = b[st - 8..st].try_into().expect("eight bytes");
        let m = space_or_high(u64::from_le_bytes(eight));
        if m == 0 {
            st -= 8;
            continue;
        }
        // The last such byte (the highest lane).
        let p = st - 8 + (63 - m.leading_zeros() as usize) / 8;
        if ascii_space(b[p]) {
            return Ok(p + 1);
        }
        if !b[p].is_ascii() {
            return Err(());
        }
        // A control byte: part of the word.
        st = p;
    }
    while st > 0 && !ascii_space(b[st - 1]) {
        if !b[st - 1].is_ascii() {
            return Err(());
        }
        st -= 1;
    }
    Ok(st)
}

/// Where the word ending at `end` (exclusive) starts: after the last space before `end`, or 0. Sixteen bytes at
/// a time, as a mask of their spaces ([`super::matches::spaces`]: with SSE2 one compare and one `pmovmskb`,
/// where eight bytes in a `u64` took ten instructions, and more steps: most words before a name fit in
/// sixteen bytes with the space before them). The windows split off the end of `b[..end]`: no bounds test per
/// step.
#[inline]
fn word_start(b: &[u8], end: usize) -> usize {
    let mut head = &b[..end];
    while let Some((rest, w)) = head.split_last_chunk::<16>() {
        let m = super::matches::spaces(w);
        if m != 0 {
            // The last space: the highest bit of the mask (bits 0 to 15).
            return rest.len() + (31 - m.leading_zeros() as usize) + 1;
        }
        head = rest;
    }
    head.iter().rposition(|&c| c == b' ').map_or(0, |p| p + 1)
}

/// `s.split_whitespace()`, on bytes when `s` is ASCII.
fn words(s: &str) -> impl Iterator<Item = &str> {
    let ascii = s.is_ascii();
    let mut slow = (!ascii).then(|| s.split_whitespace());
    let mut rest = if ascii { s } else { "" };
    std::iter::from_fn(move || {
        if let Some(it) = &mut slow {
            return it.next();
        }
        let b = rest.as_bytes();
        let st = b.iter().position(|&c| !ascii_space(c))?;
        let e = b[st..]
            .iter()
            .position(|&c| ascii_space(c))
            .map_or(b.len(), |p| st + p);
        let w = &rest[st..e];
        rest = &rest[e..];
        Some(w)
    })
}

/// The offset of the last line break in `b` (a short slice), eight bytes at a time ([`byline_line`]'s search
/// before a name within 80 bytes of the text's start; elsewhere by [`newline_bits80`]).
#[inline]
fn last_newline(b: &[u8]) -> Option<usize> {
    let mut end = b.len();
    while end >= 8 {
        let eight: [u8; 8] = b[end - 8..end].try_into().expect("eight bytes");
        let m = zero_bytes(u64::from_le_bytes(eight) ^ splat(b'\n'));
        if m != 0 {
            return Some(end - 8 + (63 - m.leading_zeros() as usize) / 8);
        }
        end -= 8;
    }
    b[..end].iter().rposition(|&c| c == b'\n')
}

/// The line breaks of the 80 bytes `w`, bit `k` for `w[k]`: with SSE2, one compare and one `pmovmskb` per 16
/// bytes and no branch, where [`last_newline`] and [`first_newline`] took a branch and some ten instructions per
/// eight bytes (a name that ends its line has mostly none of them in the 80 bytes before it).
#[inline(always)]
fn newline_bits80(w: &[u8; 80]) -> u128 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let nl = set_splat_i8_m128i(b'\n' as i8);
        (0..5).fold(0, |m, i| {
            let lane: [u8; 16] = w[16 * i..16 * i + 16].try_into().expect("sixteen bytes");
            let bits = move_mask_i8_m128i(cmp_eq_mask_i8_m128i(m128i::from(lane), nl)) as u16;
            m | u128::from(bits) << (16 * i)
        })
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_newline_bits80(w)
}

/// [`newline_bits80`] byte by byte.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_newline_bits80(w: &[u8; 80]) -> u128 {
    w.iter()
        .enumerate()
        .fold(0, |m, (k, &c)| m | u128::from(c == b'\n') << k)
}

/// The offset of the first line break in `b` (a short slice), eight bytes at a time ([`byline_line`]'s search
/// after a name within 80 bytes of the text's end; elsewhere by [`newline_bits80`]).
#[inline]
fn first_newline(b: &[u8]) -> Option<usize> {
    let mut st = 0;
    while st + 8 <= b.len() {
        let eight: [u8; 8] = b[st..st + 8].try_into().expect("eight bytes");
        let m = zero_bytes(u64::from_le_bytes(eight) ^ splat(b'\n'));
        if m != 0 {
            return Some(st + m.trailing_zeros() as usize / 8);
        }
        st += 8;
    }
    b[st..].iter().position(|&c| c == b'\n').map(|p| st + p)
}

/// Prose after a name ending at `end`: one of the next four words of its line is neither capitalised nor
/// "and", "&" or "by", so that no line holding the name is a byline ([`byline_line`] is false).
///
/// Only words of ASCII graphic bytes after one space and before a space or line break, within 80 bytes,
/// are looked at: such a word is a whole word of the line however [`byline_line`] splits it, and it ends
/// before the line's end there (a line break, or 80 bytes on); a word whose first byte decides starts
/// there, inside the line. Anything else: false (no conclusion).
#[inline]
fn prose_after(b: &[u8], end: usize) -> bool {
    // Mostly one space and a word that its first byte decides (a lower-case letter but "a" and "b", a digit, a
    // mark) right after the name: the first word of the loop below, with one table load for its byte tests.
    if let Some(&[b' ', c]) = b.get(end..).and_then(|r| r.first_chunk::<2>())
        && PROSE_FIRST[usize::from(c)]
    {
        return true;
    }
    prose_words(b, end)
}

/// [`prose_after`] without its first test: the words after the name, one by one.
#[inline(always)]
fn prose_words(b: &[u8], end: usize) -> bool {
    let limit = (end + 80).min(b.len());
    // The rest of the name's word ("'s", ",").
    let mut i = end;
    while i < limit && b[i].is_ascii_graphic() {
        i += 1;
    }
    for _ in 0..4 {
        if i >= limit || b[i] != b' ' {
            return false;
        }
        let st = i + 1;
        // Mostly a word that starts with a lower-case letter: decided by its first bytes (it starts inside
        // the line whatever its end, and is "and" or "by" only if its first bytes are).
        let c = *b.get(st).filter(|_| st < limit).unwrap_or(&b' ');
        let at = |k: usize| b.get(st + k).copied().unwrap_or(b' ');
        // Bytes that decide alone by one table load (as in [`prose_after`]), "a" and "b" by the bytes after them
        // ("&", a capital, anything else: not prose).
        let fails = PROSE_FIRST[usize::from(c)]
            || match c {
                b'a' => !(at(1) == b'n' && at(2) == b'd'),
                b'b' => at(1) != b'y',
                _ => false,
            };
        if fails {
            return true;
        }
        let e = graphic_end(b, st, limit);
        if e == st || e >= limit || !matches!(b[e], b' ' | b'\n') {
            return false;
        }
        let w = &b[st..e];
        if !(w[0].is_ascii_uppercase() || matches!(w, b"and" | b"&" | b"by")) {
            return true;
        }
        if b[e] == b'\n' {
            return false;
        }
        i = e;
    }
    false
}

/// For each byte, whether a word that starts with it after a name is prose by that byte alone in
/// [`prose_after`]: an ASCII graphic byte but a capital, "a" and "b" (which may start "and" and "by") and "&".
static PROSE_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_graphic() && !b.is_ascii_uppercase() && !matches!(b, b'a' | b'b' | b'&');
        c += 1;
    }
    t
};

/// The high bit of each byte of `v` that is not an ASCII graphic byte (below 0x21, 0x7F, or not ASCII), and no
/// other bit (exact in every byte: no carry leaves a byte).
#[inline]
fn not_graphic_bytes(v: u64) -> u64 {
    let low = v & splat(0x7F);
    // The high bit of `low + 0x5F`: `low` is at least 0x21; of `low + 1`: `low` is 0x7F.
    (!low.wrapping_add(splat(0x5F)) | low.wrapping_add(splat(0x01)) | v) & splat(0x80)
}

/// The first offset at or after `from` and before `limit` (at most `b.len()`) whose byte is not an ASCII graphic
/// one, else `limit`: eight bytes at a time while they lie before `limit` (no branch per byte), the last few one
/// at a time.
#[inline]
fn graphic_end(b: &[u8], mut from: usize, limit: usize) -> usize {
    while let Some(eight) = b.get(from..limit).and_then(|r| r.first_chunk::<8>()) {
        let m = not_graphic_bytes(u64::from_le_bytes(*eight));
        if m != 0 {
            return from + (m.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while from < limit && b[from].is_ascii_graphic() {
        from += 1;
    }
    from
}

/// A byline: a short line of capitalised words alone ("Jamie Smith and Flo Jones"), not the first line.
fn byline_line(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes();
    if prose_after(bytes, span.end) {
        return false;
    }
    // Only a short line can be a byline: look at most 80 bytes either side for its ends (the first line
    // break at or after the span's end, the last one before the span).
    let plain = |c: u8| c.is_ascii() && !ascii_space(c);
    let hi = ceil_boundary(text, span.end + 80);
    // Mostly the 80 bytes after the name at once: those from `hi` on, when it fell short of them, are those of
    // one character beyond ASCII, no line break.
    let line_to = match bytes[span.end..].first_chunk::<80>() {
        Some(w) => match newline_bits80(w) {
            0 => hi,
            m => span.end + m.trailing_zeros() as usize,
        },
        None => first_newline(&bytes[span.end..hi]).map_or(hi, |p| span.end + p),
    };
    // Most names stand 80 bytes or more before the end of their line: when that part of the line starts
    // (the name's first byte) and ends with a plain byte, the trimmed line holds it whole and is too long,
    // whatever its start (no need to look for it).
    if line_to - span.start >= 80 && plain(bytes[span.start]) && plain(bytes[line_to - 1]) {
        return false;
    }
    let lo = floor_boundary(text, span.start.saturating_sub(80));
    // Mostly the 80 bytes before the name at once: those before `lo`, when it moved past their start, are UTF-8
    // continuation bytes, no line break.
    let line_from = match span.start.checked_sub(80).map(|s| &bytes[s..span.start]) {
        Some(w) => match newline_bits80(w.try_into().expect("80 bytes")) {
            0 => lo,
            m => span.start - 80 + (127 - m.leading_zeros() as usize) + 1,
        },
        None => last_newline(&bytes[lo..span.start]).map_or(lo, |p| lo + p + 1),
    };
    if line_from == 0 {
        return false;
    }
    // Most lines are long and start and end with no space: nothing to trim.
    if line_to - line_from >= 80 && plain(bytes[line_from]) && plain(bytes[line_to - 1]) {
        return false;
    }
    let line = text[line_from..line_to].trim();
    if line.len() >= 80 || line.ends_with(['.', '!', '?', '"']) {
        return false;
    }
    let mut count = 0;
    for w in words(line) {
        if !(w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "and" | "&" | "by")) {
            return false;
        }
        count += 1;
    }
    (2..=8).contains(&count)
}

/// `before.trim_end().ends_with("By")`, on bytes unless the last character before the spaces is not ASCII.
fn ends_with_by(before: &str) -> bool {
    let b = before.as_bytes();
    let mut k = b.len();
    while k > 0 && ascii_space(b[k - 1]) {
        k -= 1;
    }
    if k > 0 && !b[k - 1].is_ascii() {
        return before.trim_end().ends_with("By");
    }
    b[..k].ends_with(b"By")
}

/// A word ends a clause: its last character, before closing quotes and brackets, is a stop.
#[inline]
fn ends_clause(w: &[u8]) -> bool {
    // Most words end with a letter or digit.
    if w.last().is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let n = w.len()
        - w.iter()
            .rev()
            .take_while(|c| matches!(c, b'"' | b'\'' | b')'))
            .count();
    matches!(w[..n].last(), Some(b'.' | b';' | b':' | b'!' | b'?'))
}

/// A role among the last three words of `before` (split at white space), in the same clause.
fn role_before(before: &str) -> bool {
    role_before_from(before, before.len())
}

/// [`role_before`] with the words looked at ending at or before `end` (only white space after it).
#[inline(always)]
fn role_before_from(before: &str, mut end: usize) -> bool {
    // Backwards on bytes while the words looked at are ASCII (as white space then is).
    let b = before.as_bytes();
    for _ in 0..3 {
        while end > 0 && ascii_space(b[end - 1]) {
            end -= 1;
        }
        if end == 0 {
            return false;
        }
        let Ok(st) = ascii_word_start(b, end) else {
            return role_before_slow(before);
        };
        let w = &b[st..end];
        if ends_clause(w) {
            return false;
        }
        if is_role_ascii(w) {
            return true;
        }
        end = st;
    }
    false
}

/// [`role_before`] on characters.
fn role_before_slow(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| !ends_clause(w.as_bytes()))
        .any(is_role)
}

/// "X, his coach": a role (not possessive) among the three words after a comma. `roles`: see
/// [`role_may_stand`].
fn role_after(text: &str, end: usize, roles: &[usize]) -> bool {
    if !text.as_bytes()[end..].starts_with(b", ") {
        return false;
    }
    let hi = ceil_boundary(text, end + 40);
    let b = text.as_bytes();
    let (from, cut_to) = (end + 2, cuts_word(b, hi));
    // [`role_may_stand`]'s first test (its test of a word cut at `from` fails here: a space stands before it).
    let s = roles[roles.partition_point(|&s| s < from)..]
        .first()
        .map_or(usize::MAX, |&s| s);
    (s < hi || cut_to)
        && first_three_hold_role(text, from, hi, if cut_to { s.min(hi - 1) } else { s })
}

/// [`role_after`] past its first tests: a role (not possessive) among the first three words of
/// `text[from..hi]`, where `from` follows a space and `p` is the first place where one may stand (at or after
/// `from`). Out of line: inlined, its count of word starts changed the registers of the officials pass (one
/// instruction more in the prose test's loop, run for every name, where this runs for a few).
#[inline(never)]
fn first_three_hold_role(text: &str, from: usize, hi: usize, p: usize) -> bool {
    let b = text.as_bytes();
    // A role among the first three words starts at a role start, or is the word cut at `hi` (see
    // [`role_may_stand`]; no word is cut at `from`, after the space): so `p`, the first role start or the last
    // byte of a cut word, must lie in the first three words. Mostly it does not (a window of 38 bytes mostly
    // cuts its last word, the sixth or so): four word starts up to `p` tell it from one mask of 32 bytes, where
    // the walk below took some 400 instructions with three role tests (about 150 windows a BBC batch, a few of
    // them with a role). The count is of ASCII bytes above 0x20 after a space: each starts a word of the
    // window split at ASCII white space, or at any white space (a word of white space beyond ASCII alone, which
    // the walk hands to `words`, is no word there: it is not counted).
    if let Some(w) = b.get(from..).and_then(|r| r.first_chunk::<32>())
        && more_bits_than::<3>(space_word_starts(w) & u32::MAX >> (31 - (p - from).min(31)))
    {
        return false;
    }
    let after = &text[from..hi];
    // Forwards on bytes while the words looked at are ASCII (as white space then is).
    let b = after.as_bytes();
    let mut st = 0;
    for _ in 0..3 {
        while st < b.len() && ascii_space(b[st]) {
            st += 1;
        }
        if st == b.len() {
            return false;
        }
        let mut e = st;
        while e < b.len() && !ascii_space(b[e]) {
            if !b[e].is_ascii() {
                return words(after)
                    .take(3)
                    .any(|w| is_role(w) && !w.ends_with("'s"));
            }
            e += 1;
        }
        let w = &b[st..e];
        if is_role_ascii(w) && !w.ends_with(b"'s") {
            return true;
        }
        st = e;
    }
    false
}

/// Whether `m` has more than `N` bits set: `N` lowest bits cleared, one by one.
#[inline(always)]
fn more_bits_than<const N: usize>(mut m: u32) -> bool {
    for _ in 0..N {
        m &= m.wrapping_sub(1);
    }
    m != 0
}

/// Bit `k`: whether `w[k]` is an ASCII byte above 0x20 (no white space) at `k == 0` or after a space (0x20):
/// each such byte starts a word of `w` split at white space, ASCII or any, so their count up to a place is at
/// most the count of words that start there or before (see [`role_after`]). With SSE2, two compares per
/// sixteen bytes and two `pmovmskb`; elsewhere byte by byte.
#[inline(always)]
fn space_word_starts(w: &[u8; 32]) -> u32 {
    #[cfg(target_feature = "sse2")]
    let (space, word) = {
        use safe_arch::*;
        let masks = |h: &[u8]| {
            let v = m128i::from(<[u8; 16]>::try_from(h).expect("sixteen bytes"));
            let space = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b' ' as i8));
            // 0x21 to 0x7F: above 0x20 as a signed byte (the bytes beyond ASCII are negative).
            let word = cmp_gt_mask_i8_m128i(v, set_splat_i8_m128i(b' ' as i8));
            (
                move_mask_i8_m128i(space) as u32 & 0xFFFF,
                move_mask_i8_m128i(word) as u32 & 0xFFFF,
            )
        };
        let ((s0, w0), (s1, w1)) = (masks(&w[..16]), masks(&w[16..]));
        (s0 | s1 << 16, w0 | w1 << 16)
    };
    #[cfg(not(target_feature = "sse2"))]
    let (space, word) = portable_space_word(w);
    word & (space << 1 | 1)
}

/// The spaces and the ASCII bytes above 0x20 of [`space_word_starts`], byte by byte.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_space_word(w: &[u8; 32]) -> (u32, u32) {
    w.iter().enumerate().fold((0, 0), |(s, o), (k, &c)| {
        (
            s | u32::from(c == b' ') << k,
            o | u32::from(c > b' ' && c.is_ascii()) << k,
        )
    })
}

/// Marks entities whose mentions stand next to a role word ("coach Darren Cahill", "umpire Carlos Ramos",
/// "X, his coach,"). `link`: the entity of each name, one per name (from [`build_entities`]). `roles`: the role
/// starts of the keyword scan of `text` ([`crate::recognise::Keywords::roles`]).
pub(crate) fn mark_officials(
    text: &str,
    names: &[NameMention],
    link: &[Option<usize>],
    entities: &mut [Entity],
    roles: &[usize],
) {
    debug_assert_eq!(link.len(), names.len(), "one link per name");
    for (n, &e) in names.iter().zip(link) {
        let Some(e) = e else { continue };
        // Every test below can only mark the entity: nothing to learn about one already marked.
        if entities[e].not_player {
            continue;
        }
        if official_context(text, n.span, roles) {
            entities[e].not_player = true;
        }
    }
}

/// A byline ("By Jane Doe", or a short line of names alone) or a role among the three words before the name
/// in the same clause, or after a comma. The cheap tests first; role words only where the keyword scan found
/// that one may stand (`roles`, see [`role_may_stand`]).
fn official_context(text: &str, span: Span, roles: &[usize]) -> bool {
    // The window's raw start, `lo`, for the byte tests, and its first char boundary, `from`, only where a `str`
    // is needed (rare). The byte tests give the same answers from `lo`: the bytes before `from` are UTF-8
    // continuation bytes, which are no white space (the trimming stops at them as at `from`), no part of "By",
    // no role start and no letter (so no cut word at the window's start, as at `from`, which follows one).
    let lo = span.start.saturating_sub(40);
    let before = || {
        let from = floor_boundary(text, lo);
        (&text[from..span.start], from - lo)
    };
    // One backward pass over the window: the white space before the name once, then "By" and the words.
    let b = &text.as_bytes()[lo..span.start];
    let role_near = |cut_to| role_may_stand(text.as_bytes(), roles, lo, span.start, cut_to);
    // Mostly one space before the name, after an ASCII byte that is no white space (one table load for both
    // tests): the trimming stops at the space, no word is cut at the name, and "By" is the two bytes before it.
    let by_or_role = if let Some(&[x, y, b' ']) = b.last_chunk::<3>()
        && PLAIN[usize::from(y)]
    {
        [x, y] == *b"By"
            || role_near(false) && {
                let (before, skip) = before();
                role_before_from(before, b.len() - 1 - skip)
            }
    } else {
        let mut end = b.len();
        while end > 0 && ascii_space(b[end - 1]) {
            end -= 1;
        }
        // White space before the name: it starts no word there (no cut).
        let cut_to = end == b.len() && cuts_word(text.as_bytes(), span.start);
        if end > 0 && !b[end - 1].is_ascii() {
            // Maybe Unicode white space before: on characters.
            ends_with_by(before().0) || role_near(cut_to) && role_before(before().0)
        } else {
            b[..end].ends_with(b"By")
                || role_near(cut_to) && {
                    // (`end` is at or past `from`: the trimming stopped at or before the window's first character.)
                    let (before, skip) = before();
                    role_before_from(before, end - skip)
                }
        }
    };
    by_or_role || role_after(text, span.end, roles) || byline_line(text, span)
}

/// For each byte, whether it is ASCII and no white space (see [`ascii_space`]): the byte before the one space
/// before a name in [`official_context`]'s common case.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        // (`ascii_space`, which is no `const fn`.)
        t[c] = c < 0x80 && !matches!(c as u8, b'\t'..=b'\r' | b' ');
        c += 1;
    }
    t
};

/// Sentence index of each byte offset, by binary search over sentence starts.
pub(crate) fn sentence_of(sents: &[Sentence], pos: usize) -> usize {
    match sents.binary_search_by(|s| s.start.cmp(&pos)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    }
}

/// Words that may stand between a nationality and a name (besides those that start with a digit or end with
/// "seed", "seeded" or "ranked"), lower-case.
const FILLERS: [&str; 23] = [
    "qualifier",
    "wildcard",
    "world",
    "number",
    "no",
    "no.",
    "top",
    "teenager",
    "veteran",
    "left-hander",
    "right-hander",
    "lucky",
    "loser",
    "former",
    "fellow",
    "compatriot",
    "champion",
    "defending",
    "teenage",
    "giant",
    "youngster",
    "star",
    "duo",
];

/// For each byte, one bit per length of the [`FILLERS`] that start (`last == false`) or end (`last == true`)
/// with it, in either case.
const fn filler_filter(last: bool) -> [u32; 256] {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < FILLERS.len() {
        let w = FILLERS[i].as_bytes();
        let c = if last { w[w.len() - 1] } else { w[0] };
        t[c as usize] |= 1 << w.len();
        if c.is_ascii_lowercase() {
            t[c.to_ascii_uppercase() as usize] |= 1 << w.len();
        }
        i += 1;
    }
    t
}

static FILLER_FIRST: [u32; 256] = filler_filter(false);
static FILLER_LAST: [u32; 256] = filler_filter(true);

/// [`filler_bytes`] on a `str`.
#[cfg(test)]
fn filler(w: &str) -> bool {
    filler_bytes(w.as_bytes())
}

/// Words that may stand between a nationality and a name ("Spanish world number one X", "Italian qualifier X"),
/// in any case: on the bytes of the word (its callers need no `str`, no char boundary tests).
fn filler_bytes(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    if first.is_ascii_digit() {
        return true;
    }
    // Ends with "seed", "seeded" or "ranked" in any case: the last four bytes (and the two before them) read as
    // one number each and lower-cased by setting bit 5 of every byte (exact here, the suffixes being letters:
    // `c | 0x20` is a given lower-case letter only for that letter in either case), not compared byte by byte.
    let n = b.len();
    if last | 0x20 == b'd' && n >= 4 {
        let t = &b[n - 4..];
        let tail = u32::from_le_bytes([t[0], t[1], t[2], t[3]]) | 0x2020_2020;
        if tail == u32::from_le_bytes(*b"seed") {
            return true;
        }
        if n >= 6 {
            let head = u16::from_le_bytes([b[n - 6], b[n - 5]]) | 0x2020;
            if (tail == u32::from_le_bytes(*b"eded") && head == u16::from_le_bytes(*b"se"))
                || (tail == u32::from_le_bytes(*b"nked") && head == u16::from_le_bytes(*b"ra"))
            {
                return true;
            }
        }
    }
    // Most words fail the pre-check on their first and last bytes and length.
    n <= 12
        && FILLER_FIRST[usize::from(first)] & FILLER_LAST[usize::from(last)] & (1 << n) != 0
        && filler_word(b)
}

/// One of the [`FILLERS`], in any case.
fn filler_word(w: &[u8]) -> bool {
    // Lower-cased on the stack: the longest filler word has 12 bytes.
    let mut buf = [0u8; 12];
    let Some(l) = buf.get_mut(..w.len()) else {
        return false;
    };
    for (d, s) in l.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    FILLERS.iter().any(|f| f.as_bytes() == &*l)
}

/// The first three words of `rest` split at spaces, commas, full stops and closing brackets (empty ones
/// skipped), and how many there are: `rest.split([' ', ',', '.', ')'])` on the bytes (the four separators are
/// ASCII, never part of another character; a `char` pattern decodes every character).
fn first_words(rest: &str) -> ([&str; 3], usize) {
    let mut words = [""; 3];
    let mut n = 0;
    let mut st = 0;
    for (i, &c) in rest.as_bytes().iter().enumerate() {
        if matches!(c, b' ' | b',' | b'.' | b')') {
            if i > st {
                words[n] = &rest[st..i];
                n += 1;
                if n == 3 {
                    return (words, n);
                }
            }
            st = i + 1;
        }
    }
    if st < rest.len() {
        words[n] = &rest[st..];
        n += 1;
    }
    (words, n)
}

/// The country named by the words at the start of `rest` (split at spaces, commas, full stops and closing
/// brackets): the longest of three, two or one words that names one.
fn country_words(rest: &str) -> Option<&'static str> {
    // Every country name starts with an ASCII capital (the lexicon test
    // `countries_and_demonyms_start_with_an_ascii_capital`), and so does the first word here unless a separator
    // comes first: most texts after " of " ("of the year", "of his") fail on their first byte, with no split.
    if !matches!(
        rest.as_bytes().first(),
        Some(b'A'..=b'Z' | b' ' | b',' | b'.' | b')')
    ) {
        return None;
    }
    country_phrase(rest)
}

/// [`country_words`] past its test of the first byte. Out of line: few texts get this far (some tens a BBC
/// batch, almost none of the generated roundups), and inlined its look-ups changed the registers of
/// [`nationality_near`]'s walk before the name, run for every name not known to stop there.
#[inline(never)]
fn country_phrase(rest: &str) -> Option<&'static str> {
    let (words, n) = first_words(rest);
    let b = rest.as_bytes();
    let at = |w: &str| w.as_ptr() as usize - rest.as_ptr() as usize;
    // Whether the first `k + 1` words stand apart by single spaces, from the words' places: their phrase is then
    // a slice of `rest` (most texts). (A scan of the slice for the other separators stood here, per phrase.)
    let mut spaced = [true; 3];
    for k in 1..n {
        let st = at(words[k]);
        spaced[k] =
            spaced[k - 1] && st == at(words[k - 1]) + words[k - 1].len() + 1 && b[st - 1] == b' ';
    }
    for len in (1..=n).rev() {
        let ws = &words[..len];
        let c = if spaced[len - 1] {
            lexicon::country_bytes(&b[at(ws[0])..at(ws[len - 1]) + ws[len - 1].len()])
        } else {
            // The words joined by single spaces on the stack (the text after a name looked at is at most 40
            // bytes, and the phrase no longer), where a `String` was allocated per phrase; a longer one as before.
            let mut buf = [b' '; 40];
            let (mut to, mut fits) = (0, true);
            for w in ws {
                let Some(room) = buf.get_mut(to..to + w.len()) else {
                    fits = false;
                    break;
                };
                room.copy_from_slice(w.as_bytes());
                to += w.len() + 1;
            }
            if fits {
                lexicon::country_bytes(&buf[..to - 1])
            } else {
                lexicon::country(&ws.join(" "))
            }
        };
        if c.is_some() {
            return c;
        }
    }
    None
}

/// The common case before a name at `start`, told once for the three look-backs of each name (the place test
/// of `resolve_refs`, [`first_word_before`] and [`explicit_age_plain`]): one space right before the name, after an
/// ASCII graphic byte, and the two bytes before that space (the first in either case) none of "in", "at" (a
/// place's preposition) and "ld" (the end of "-year-old"). Then the name is in no place context, the word
/// before it ends right before that space, and no age is written before it. (Each look-back read and tested
/// these bytes on its own.) False tells nothing: the look-backs test for themselves.
#[inline(always)]
pub(crate) fn plain_before(b: &[u8], start: usize) -> bool {
    let Some(&[x1, x2, x3]) = b.get(start.wrapping_sub(3)..start) else {
        return false;
    };
    let q = u16::from_le_bytes([x1 | 0x20, x2]);
    x3 == b' '
        && x2.is_ascii_graphic()
        && q != u16::from_le_bytes(*b"in")
        && q != u16::from_le_bytes(*b"at")
        && q != u16::from_le_bytes(*b"ld")
}

/// Nationality written next to a name: "Spain's X", "American X", "sixth-seeded Italian X", "X of Spain",
/// "X (ESP)", "X from Switzerland".
#[cfg(test)]
pub(crate) fn explicit_nationality(text: &str, span: Span) -> Option<&'static str> {
    explicit_nationality_plain(text, span, plain_before(text.as_bytes(), span.start))
}

/// [`explicit_nationality`], told whether the bytes before the name are [`plain_before`] (`plain`; false
/// when not known).
#[inline]
pub(crate) fn explicit_nationality_plain(
    text: &str,
    span: Span,
    plain: bool,
) -> Option<&'static str> {
    // Most names: a word before them where the search stops, and no form after them (each starts with a space
    // then "o", "f" or "("). Told inline, in the caller; the rest out of line (a call with a large frame).
    let first = first_word_before(text, span.start, plain);
    let b = text.as_bytes();
    if matches!(first, FirstWord::Stops)
        && !(b.get(span.end) == Some(&b' ')
            && matches!(b.get(span.end + 1), Some(b'o' | b'f' | b'(')))
    {
        return None;
    }
    nationality_near(text, span, first)
}

/// [`explicit_nationality`] past its first test (`first`: the word before the name).
#[inline(never)]
fn nationality_near(text: &str, span: Span, first: FirstWord) -> Option<&'static str> {
    // One call of [`nationality_before`] (inlined here: a call of its own cost a frame set up and torn down for
    // each name that gets this far), its first word taken from `first`.
    let first = match first {
        FirstWord::Stops => None,
        FirstWord::At(st, end) => Some(Some((st, end))),
        FirstWord::Unsure => Some(None),
    };
    let before = first.and_then(|first| nationality_before(text, span.start, first));
    if before.is_some() {
        return before;
    }
    // Every form below starts with " of ", " from " or " (".
    if !matches!(
        text.as_bytes()[span.end..],
        [b' ', b'o', b'f', b' ', ..] | [b' ', b'f', b'r', b'o', b'm', b' ', ..] | [b' ', b'(', ..]
    ) {
        return None;
    }
    let after = &text[span.end..ceil_boundary(text, span.end + 40)];
    nationality_after(after)
}

/// What the word right before a name (split at spaces) tells [`nationality_before`].
enum FirstWord {
    /// It starts with a lower-case ASCII letter, or ends with an ASCII byte that is no letter, and is not a
    /// [`filler_bytes`]: [`nationality_before`] would stop at it, with none (most names).
    Stops,
    /// The word `text[st..end]`, found as [`nationality_before`] would find it (its window holds it whole).
    At(usize, usize),
    /// In doubt: the word reaches back to where that function's window may start.
    Unsure,
}

/// The word right before the name at `start`, once for both [`explicit_nationality`] steps: most names stop
/// there (see [`FirstWord`]). `plain`: see [`explicit_nationality_plain`].
#[inline]
fn first_word_before(text: &str, start: usize, plain: bool) -> FirstWord {
    let b = text.as_bytes();
    // Mostly one space before the name (known when `plain`).
    let mut end = start;
    if plain || (start >= 2 && b[start - 1] == b' ' && b[start - 2] != b' ') {
        end = start - 1;
    } else {
        while end > 0 && b[end - 1] == b' ' && start - end < 64 {
            end -= 1;
        }
    }
    let st = word_start(b, end);
    // (Past this test `end > st`: `b[end - 1]` is no space.)
    if st <= start.saturating_sub(60) + 3 {
        return FirstWord::Unsure;
    }
    if !b[st].is_ascii_lowercase() {
        // A word that ends with an ASCII byte that is no letter ("Open.\n\n", "However,", "\"") is no country's
        // name with "'s" (that ends with an "s") and no demonym (each ends with a letter: the lexicon test
        // `demonyms_end_with_letters`): unless it is a filler ("No.", "6-2\n": a digit first),
        // [`nationality_before`] stops at it, with none. (Most fail [`may_be_filler`]: no call of
        // [`filler_bytes`].)
        let last = b[end - 1];
        if last.is_ascii()
            && !last.is_ascii_alphabetic()
            && !b[st].is_ascii_digit()
            && !filler_at(b, st, end)
        {
            return FirstWord::Stops;
        }
        return FirstWord::At(st, end);
    }
    // `!filler_bytes(w)` for a word starting with a lower-case letter (not a digit): most fail the pre-check
    // (past the test above `st > 3`: its four bytes before `end` are in range).
    if filler_at(b, st, end) {
        FirstWord::At(st, end)
    } else {
        FirstWord::Stops
    }
}

/// [`filler_bytes`] of the word `b[st..end]` (split at spaces, starting with no digit), with [`may_be_filler`]
/// first: most words fail it, with no call. The one form of the test for every caller.
#[inline(always)]
fn filler_at(b: &[u8], st: usize, end: usize) -> bool {
    may_be_filler(b, st, end) && filler_bytes(&b[st..end])
}

/// Whether the word `b[st..end]`, split at spaces (a space or nothing before `st`), that starts with no digit
/// may be a [`filler_bytes`]: it ends with "seed", "seeded" ("eded") or "ranked" ("nked"), or passes the
/// pre-check on its first and last bytes and length. False: no filler (most words), told inline where every
/// word ending with a "d" ("defeated", "and", "said") took a call of [`filler_bytes`] and a mispredicted branch.
///
/// The last four bytes are read before `end` and lower-cased as in [`filler_bytes`]; of a word shorter than
/// four bytes they take the space before it, which is no letter (no suffix), or are none when `end < 4`.
#[inline(always)]
fn may_be_filler(b: &[u8], st: usize, end: usize) -> bool {
    let w = &b[st..end];
    let (n, last) = (w.len(), w[w.len() - 1]);
    let tail = b[..end]
        .last_chunk::<4>()
        .map_or(0, |t| u32::from_le_bytes(*t) | 0x2020_2020);
    let suffix = (tail == u32::from_le_bytes(*b"seed"))
        | (tail == u32::from_le_bytes(*b"eded"))
        | (tail == u32::from_le_bytes(*b"nked"));
    suffix
        || (n <= 12
            && FILLER_FIRST[usize::from(w[0])] & FILLER_LAST[usize::from(last)] & (1 << n) != 0)
}

/// The last bytes of a word past the first that stop [`nationality_before`]'s walk (`,` `.` `;` `:` `"`: no
/// word before them sits in the same phrase). A table: one load and one branch that is rarely taken, where the
/// `matches!` was a range test (a branch that went either way: letters above the range, digits in it) and a
/// bit test.
static STOP_ENDS: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(i as u8, b',' | b'.' | b';' | b':' | b'"');
        i += 1;
    }
    t
};

/// Nationality written before the name at `start`: "Spain's X", "American X", "sixth-seeded Italian X".
/// `first`: the word right before the name (`text[st..end]`) when [`first_word_before`] found it.
fn nationality_before(
    text: &str,
    start: usize,
    first: Option<(usize, usize)>,
) -> Option<&'static str> {
    let lo = floor_boundary(text, start.saturating_sub(60));
    // The window on bytes (no `str`: the look-ups below take bytes, and no char boundary tests).
    let b = &text.as_bytes()[lo..start];
    // At most four words before the name, split at spaces (never part of another character), from the last;
    // not the first, maybe partial, word of the window (unless the window has no space at all). The first one
    // as [`first_word_before`] found it (inside the window, past its start: what [`word_before`] finds).
    let (mut st, mut end) = match first {
        Some((st, e)) => (st - lo, e - lo),
        None => word_before(b, b.len())?,
    };
    for k in 0..4 {
        // The word's bytes (looked up as bytes: a `str` of them took char boundary tests).
        let wb = &b[st..end];
        if k > 0 && STOP_ENDS[usize::from(wb[wb.len() - 1])] {
            return None;
        }
        let c = wb[0];
        // Every country name and demonym of the lexicon starts with an ASCII capital: no look-up for other
        // ASCII first bytes (most words).
        if !c.is_ascii() || c.is_ascii_uppercase() {
            if let Some(c) = wb.strip_suffix(b"'s").and_then(lexicon::country_bytes) {
                return Some(c);
            }
            if let Some(c) = lexicon::demonym_bytes(wb) {
                return Some(c);
            }
        }
        // Stop after the fourth word (before its filler test: whether it is one no longer matters), and at
        // words that cannot sit between a nationality and a name. Told without a call for a word that starts
        // with a digit (a [`filler_bytes`] always: the scores of a results line) and for a first word given in
        // lower case ([`first_word_before`] gives one only when it is a [`filler_bytes`]).
        if k == 3 {
            return None;
        }
        // Most other words fail [`may_be_filler`]: no call.
        let filler = c.is_ascii_digit()
            || (k == 0 && first.is_some() && c.is_ascii_lowercase())
            || filler_at(b, st, end);
        if !filler {
            return None;
        }
        (st, end) = word_before(b, st)?;
    }
    None
}

/// The word of the window `b` (before a name) that ends before `to` (spaces between), as `(start, end)`: none
/// when only spaces are left, or when the word is the window's first and may be partial (it starts the window
/// and a space follows it).
#[inline(always)]
fn word_before(b: &[u8], to: usize) -> Option<(usize, usize)> {
    // Mostly one space (no loop).
    let mut end = to;
    if end >= 2 && b[end - 1] == b' ' && b[end - 2] != b' ' {
        end -= 1;
    } else {
        while end > 0 && b[end - 1] == b' ' {
            end -= 1;
        }
    }
    if end == 0 {
        return None;
    }
    let st = word_start(b, end);
    // (`end` short of the window's end: a space follows the word.)
    (st > 0 || end == b.len()).then_some((st, end))
}

/// Nationality written right after a name (`after` starts with the byte after it): "X of Spain",
/// "X from Switzerland", "X (ESP)".
fn nationality_after(after: &str) -> Option<&'static str> {
    for prefix in [" of the ", " of ", " from the ", " from "] {
        if let Some(rest) = after.strip_prefix(prefix)
            && let Some(c) = country_words(rest)
        {
            return Some(c);
        }
    }
    if let Some(rest) = after.strip_prefix(" (") {
        let inner = rest
            .bytes()
            .position(|c| c == b')')
            .map_or(rest, |p| &rest[..p]);
        // "(ESP)", "(Esp)", and the codes press lists use for a few nations ("(US)", "(UK)").
        if (2..=3).contains(&inner.len()) && inner.bytes().all(|c| c.is_ascii_alphabetic()) {
            let mut buf = [0u8; 3];
            let upper = &mut buf[..inner.len()];
            upper.copy_from_slice(inner.as_bytes());
            upper.make_ascii_uppercase();
            let alias = match &*upper {
                b"US" => "USA",
                b"UK" | b"GB" => "GBR",
                other => std::str::from_utf8(other).unwrap_or(""),
            };
            if let Some(c) = crate::lexicon::code(alias) {
                return Some(c);
            }
        }
        if let Some(c) = lexicon::country(inner) {
            return Some(c);
        }
    }
    None
}

/// Age written next to a name: "18-year-old Mirza", "Martinez, 32,", "Sinner (23)".
#[cfg(test)]
pub(crate) fn explicit_age(text: &str, span: Span) -> Option<u32> {
    explicit_age_plain(text, span, plain_before(text.as_bytes(), span.start))
}

/// [`explicit_age`], told whether the bytes before the name are [`plain_before`] (`plain`; false when not
/// known).
#[inline]
pub(crate) fn explicit_age_plain(text: &str, span: Span, plain: bool) -> Option<u32> {
    let b = text.as_bytes();
    // Most names: one space before them after a word that does not end with the "ld" of "-year-old" (its last
    // byte an ASCII graphic one: no white space): no age before them, told without the trimming loop (known
    // when `plain`). (The "ld" told by one compare of both bytes as a number: a test of the "d" alone branched
    // on it, mispredicted after the many words that end with one, "said", "and", "defeated".)
    let no_age_before = plain
        || matches!(
            b[..span.start],
            [.., l, p, b' '] if p.is_ascii_graphic() && u16::from_le_bytes([l, p]) != u16::from_le_bytes(*b"ld")
        );
    if !no_age_before && let Some(age) = age_before(text, span.start) {
        return age;
    }
    // ", 32," or " (23)": two digits then the closing byte (the first digit tested first, alone: most names
    // fail there).
    if b.get(span.end + 2).is_some_and(u8::is_ascii_digit)
        && let Some(&[open, sp, d1, d2, close]) = b.get(span.end..span.end + 5)
        && d2.is_ascii_digit()
        && matches!((open, sp, close), (b',', b' ', b',') | (b' ', b'(', b')'))
    {
        let n = u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0');
        return (14..=50).contains(&n).then_some(n);
    }
    None
}

/// "18-year-old" right before the name at `start` (white space between): `Some` of [`explicit_age`]'s answer
/// when the trimmed text before it ends with "-year-old", else `None`.
fn age_before(text: &str, start: usize) -> Option<Option<u32>> {
    let b = text.as_bytes();
    // `text[..start].trim_end()` on bytes while the white space is ASCII.
    let mut end = start;
    while end > 0 && ascii_space(b[end - 1]) {
        end -= 1;
    }
    let end = if end > 0 && !b[end - 1].is_ascii() {
        text[..end].trim_end().len()
    } else {
        end
    };
    if b[..end].ends_with(b"-year-old") {
        let to = end - "-year-old".len();
        let from = to
            - b[..to]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
        let n: Option<u32> = text[from..to].parse().ok();
        return Some(n.filter(|n| (10..=60).contains(n)));
    }
    None
}

/// The nearest char boundary at or after `i` (clamped to the text).
pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    // On bytes: inside the text, a boundary is a byte that is no UTF-8 continuation byte (`10xxxxxx`, below
    // -0x40 as an `i8`), the first byte too (fewer tests than `str::is_char_boundary`).
    let b = text.as_bytes();
    while i < b.len() && (b[i] as i8) < -0x40 {
        i += 1;
    }
    i.min(b.len())
}

/// The nearest char boundary at or before `i` (clamped to the text).
pub(crate) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_same_as_byte_loops() {
        let t = "ab cd\u{e9}ef\x01gh ij\tkl  mnopqrstuvwxyz0123\u{a0}x abcdefghijklmnop q\nr";
        let b = t.as_bytes();
        for end in 0..=b.len() {
            let mut st = end;
            while st > 0 && b[st - 1] != b' ' {
                st -= 1;
            }
            assert_eq!(word_start(b, end), st, "{end}");
            let mut st = Ok(end);
            while let Ok(k) = st
                && k > 0
                && !ascii_space(b[k - 1])
            {
                st = if b[k - 1].is_ascii() {
                    Ok(k - 1)
                } else {
                    Err(())
                };
            }
            assert_eq!(ascii_word_start(b, end), st, "{end}");
        }
    }

    #[test]
    fn newline_bits80_marks_line_breaks() {
        let mut w = [b'a'; 80];
        assert_eq!(newline_bits80(&w), 0);
        for k in [0, 7, 15, 16, 40, 63, 64, 79] {
            w[k] = b'\n';
        }
        // Bytes beyond ASCII and other control bytes are no line breaks.
        w[20] = 0xC3;
        w[21] = b'\r';
        w[65] = 0x8A;
        let want = [0u32, 7, 15, 16, 40, 63, 64, 79]
            .iter()
            .fold(0u128, |m, &k| m | 1 << k);
        assert_eq!(newline_bits80(&w), want);
        assert_eq!(portable_newline_bits80(&w), want);
        for k in 0..80 {
            let mut w = [b' '; 80];
            w[k] = b'\n';
            assert_eq!(newline_bits80(&w), 1 << k, "{k}");
            assert_eq!(portable_newline_bits80(&w), 1 << k, "{k}");
        }
    }

    #[test]
    fn newline_searches_same_as_memchr() {
        let t = b"ab\ncdefghij\nklmnopqrstuvwxyz\n\n0123456789abcdefghij\xc3\xa9\n";
        for a in 0..t.len() {
            for e in a..=t.len() {
                let s = &t[a..e];
                assert_eq!(last_newline(s), memchr::memrchr(b'\n', s), "{a} {e}");
                assert_eq!(first_newline(s), memchr::memchr(b'\n', s), "{a} {e}");
            }
        }
    }

    #[test]
    fn role_may_stand_same_as_branchy_window_start_test_and_the_first_word() {
        // The form before `ALNUM_ALL`: the byte before the window tested on its own.
        fn old(b: &[u8], roles: &[usize], from: usize, to: usize, cut_to: bool) -> bool {
            let i = roles.partition_point(|&s| s < from);
            if roles.get(i).is_some_and(|&s| s < to) || cut_to {
                return true;
            }
            if from < to && from > 0 {
                let lens = ROLE_RUN_LENS[usize::from(b[from])];
                if lens == 0 || !b[from - 1].is_ascii_alphanumeric() {
                    return false;
                }
                let n = alnum_run16(b, from);
                return n < 16 && lens >> n & 1 != 0;
            }
            false
        }
        let mut texts: Vec<String> = vec![(0u8..=255).map(char::from).collect()];
        let pieces = [
            "coach",
            "Coach",
            "umpire",
            "xumpire",
            "manager",
            "acoach",
            "not_player",
            " ",
            "a",
            "Z",
            "9",
            "_",
            "\u{e9}",
            "chairmanship",
            "presidentxyzabcdef",
            "\n",
        ];
        texts.extend(crate::recognise::random_texts(
            &pieces,
            300,
            12,
            0x2545_f491_4f6c_dd1d,
        ));
        let mut passed = 0;
        for t in &texts {
            let b = t.as_bytes();
            for from in 0..b.len() {
                for to in [from, from + 1, from + 8, from + 40, b.len()] {
                    let to = to.min(b.len());
                    for cut_to in [false, true] {
                        // Since, also the window's first word (the only one that may be a role here).
                        let word = || {
                            let w = &b[from..to];
                            let n = w.iter().take_while(|c| !ascii_space(**c)).count();
                            !w[..n].is_ascii() || is_role(std::str::from_utf8(&w[..n]).unwrap())
                        };
                        // And only where three more words do not follow it in the window's next 31 bytes.
                        let more = || {
                            let w = &b[from..to];
                            w.len() < 32
                                || (1..32)
                                    .filter(|&k| (0x21..0x80).contains(&w[k]) && w[k - 1] == b' ')
                                    .count()
                                    < 3
                        };
                        let want = old(b, &[], from, to, cut_to) && (cut_to || word() && more());
                        assert_eq!(
                            role_may_stand(b, &[], from, to, cut_to),
                            want,
                            "{t:?} {from}..{to}"
                        );
                        passed += usize::from(want && !cut_to);
                    }
                }
            }
        }
        assert!(passed > 100, "{passed}");
    }

    #[test]
    fn alnum_all_same_as_is_ascii_alphanumeric() {
        for c in 0..=255u8 {
            let want = if c.is_ascii_alphanumeric() {
                u16::MAX
            } else {
                0
            };
            assert_eq!(ALNUM_ALL[usize::from(c)], want, "{c}");
        }
    }

    #[test]
    fn alnum_len8_counts_leading_letters_and_digits() {
        assert_eq!(alnum_len8(*b"coach Da"), 5);
        assert_eq!(alnum_len8(*b"abcdefgh"), 8);
        assert_eq!(alnum_len8(*b"09Az_abc"), 4);
        assert_eq!(alnum_len8(*b" coach D"), 0);
        assert_eq!(alnum_len8(*b"ab\xc3\xa9cdef"), 2);
        // Against the byte loop, on every byte at every place (the rest letters or digits).
        for c in 0..=255u8 {
            for at in 0..8 {
                let mut eight = *b"a1b2c3d4";
                eight[at] = c;
                let want = eight
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                assert_eq!(alnum_len8(eight), want, "{c} at {at}");
            }
        }
    }

    /// The byte-by-byte test of a word's first bytes (`c`, then `a1` and `a2`) that `prose_after` and
    /// `prose_words` made before `PROSE_FIRST`: true when they make the word prose (no byline word).
    fn first_bytes_fail(c: u8, a1: u8, a2: u8) -> bool {
        match c {
            b'a' => !(a1 == b'n' && a2 == b'd'),
            b'b' => a1 != b'y',
            b'&' => false,
            _ => c.is_ascii_graphic() && !c.is_ascii_uppercase(),
        }
    }

    #[test]
    fn prose_words_first_byte_by_table_same_as_match() {
        // The form before `PROSE_FIRST` in `prose_words`: whether a word's first bytes make it prose.
        let old = first_bytes_fail;
        let new = |c: u8, a1: u8, a2: u8| {
            PROSE_FIRST[usize::from(c)]
                || match c {
                    b'a' => !(a1 == b'n' && a2 == b'd'),
                    b'b' => a1 != b'y',
                    _ => false,
                }
        };
        for c in 0..=255u8 {
            for a1 in [b'n', b'y', b'd', b' ', b'x', 0xC3] {
                for a2 in [b'd', b'n', b' ', b'y'] {
                    assert_eq!(new(c, a1, a2), old(c, a1, a2), "{c} {a1} {a2}");
                }
            }
        }
    }

    #[test]
    fn alnum_run16_same_as_byte_loop() {
        let mut texts: Vec<String> = vec![(0u8..=255).map(char::from).collect()];
        let pieces = [
            "a", "Z", "09", "_", " ", "@", "[", "`", "{", "/", ":", "\u{e9}", "abcdefgh", "\n",
        ];
        texts.extend(crate::recognise::random_texts(
            &pieces,
            300,
            12,
            0x9e37_79b9_7f4a_7c15,
        ));
        for t in &texts {
            let b = t.as_bytes();
            for from in 0..b.len() {
                let want = b[from..]
                    .iter()
                    .take(16)
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                assert_eq!(alnum_run16(b, from), want, "{t:?} {from}");
            }
        }
    }

    #[test]
    fn graphic_end_same_as_byte_loop() {
        // Every byte value in every lane of a word, with graphic bytes around it.
        for c in 0..=255u8 {
            for k in 0..8 {
                let mut eight = *b"abcdefgh";
                eight[k] = c;
                let want = (0..8)
                    .map(|j| u64::from(!eight[j].is_ascii_graphic()) << (8 * j + 7))
                    .sum::<u64>();
                assert_eq!(
                    not_graphic_bytes(u64::from_le_bytes(eight)),
                    want,
                    "{c} {k}"
                );
            }
        }
        // Random texts: every start and every limit.
        let mut texts: Vec<Vec<u8>> = vec![(0u8..=255).collect()];
        let pieces = [
            "a", "Z", "09", "~", "!", " ", "\u{7f}", "\t", "\n", "\u{e9}", "abcdefgh", ",'s",
            "\u{1}",
        ];
        texts.extend(
            crate::recognise::random_texts(&pieces, 300, 16, 0x2545_f491_4f6c_dd1d)
                .into_iter()
                .map(String::into_bytes),
        );
        for b in &texts {
            for limit in 0..=b.len() {
                for from in 0..=limit {
                    let mut want = from;
                    while want < limit && b[want].is_ascii_graphic() {
                        want += 1;
                    }
                    assert_eq!(graphic_end(b, from, limit), want, "{b:?} {from} {limit}");
                }
            }
        }
    }

    /// Ids in the order first seen, by a map of the words' bytes: the reference for the interner.
    fn ids_by_map<'t>(
        words: impl Iterator<Item = &'t [u8]>,
        map: &mut std::collections::HashMap<&'t [u8], u32>,
    ) -> Vec<u32> {
        words
            .map(|w| {
                let n = map.len() as u32;
                *map.entry(w).or_insert(n)
            })
            .collect()
    }

    /// The interner (words by offset and length in a text, compared from their slots) gives the ids of a map
    /// of the words, through its growth from a small table: short and long words, words that differ only in
    /// their middle or last byte, the empty word, and words at the end of the text (no eight-byte load).
    /// [`ByWordRev`] gives what [`ByWord`] gave for its lists (last pushed first, the last, the only entity),
    /// after every push of random rounds of pushes, in buffers reused from round to round.
    #[test]
    fn by_word_rev_same_as_by_word() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| (crate::recognise::xorshift(&mut state) % n) as u32;
        let (mut a, mut b) = (ByWord::default(), ByWordRev::default());
        let mut checked = 0;
        for round in 0..60 {
            let words = 1 + next(40) as usize;
            let pushes = next(3 * words as u64 + 1) as usize;
            a.reset(words, pushes);
            b.reset(words, next(4) as usize);
            for _ in 0..pushes {
                // Few entities in some rounds: the same entity pushed twice in a row.
                let (w, e) = (
                    next(words as u64),
                    next(if round % 3 == 0 { 3 } else { 50 }),
                );
                a.push(w, e as usize);
                b.push(w, e as usize);
                for w in 0..words as u32 {
                    let (x, y): (Vec<usize>, Vec<usize>) =
                        (a.iter_rev(w).collect(), b.iter_rev(w).collect());
                    assert_eq!(x, y, "round {round} word {w}");
                    assert_eq!(a.last(w), b.last(w));
                    assert_eq!(a.only(w), b.only(w));
                    assert_eq!(b.only(w).is_some(), y.len() == 1);
                    checked += 1;
                }
            }
            for w in 0..words as u32 {
                assert_eq!(a.iter_rev(w).count(), b.iter_rev(w).count());
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn rev_writer_same_as_pushes() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| (crate::recognise::xorshift(&mut state) % n) as u32;
        let (mut a, mut b) = (ByWordRev::default(), ByWordRev::default());
        for round in 0..200 {
            let words = 1 + next(30) as usize;
            let pushes = next(2 * words as u64 + 1) as usize;
            let room = pushes + next(4) as usize;
            let pairs: Vec<(u32, usize)> = (0..pushes)
                .map(|_| {
                    (
                        next(words as u64),
                        next(if round % 3 == 0 { 3 } else { 40 }) as usize,
                    )
                })
                .collect();
            a.reset(words, pushes);
            let mut lasts = (Vec::new(), Vec::new());
            for &(w, e) in &pairs {
                lasts.0.push(a.last(w));
                a.push(w, e);
            }
            // (`b`'s nodes of the rounds before stay past its pushes.)
            let pushed = b.write(words, room, |wr| {
                for &(w, e) in &pairs {
                    lasts.1.push(wr.last(w));
                    wr.push(w, e);
                }
                wr.len
            });
            assert_eq!(pushed, pushes);
            assert_eq!(lasts.0, lasts.1, "round {round}");
            assert_eq!(a.nodes, b.nodes[..pushes], "round {round}");
            assert_eq!(a.tails, b.tails, "round {round}");
            for w in 0..words as u32 {
                assert_eq!(a.only(w), b.only(w));
                assert!(a.iter_rev(w).eq(b.iter_rev(w)));
            }
        }
    }

    #[test]
    fn interner_gives_ids_in_order() {
        let mut words: Vec<String> = (0..500).map(|i| format!("w{}", i % 137)).collect();
        for w in [
            "",
            "a",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "abcdefgXijklmnopq",
            "abcdefghijklmnopqrstuvwxyz-abcdefgh",
            "abcdefghijklmnopqrstuvwxyz_abcdefgh",
            "abcdefghi",
            "a",
            "abcdefghijklmnopq",
        ] {
            words.push(w.to_string());
        }
        let pieces = [
            "Li",
            "Na",
            "del",
            "Potro",
            "Auger-Aliassime",
            "Mackenzie-McDonald",
            "x",
        ];
        for t in crate::recognise::random_texts(&pieces, 40, 12, 0x9e37_79b9_7f4a_7c15) {
            words.extend(t.split(' ').map(str::to_string));
        }
        let text = words.join(" ");
        let mut offsets = Vec::new();
        let mut start = 0;
        for w in &words {
            offsets.push((start, w.len()));
            start += w.len() + 1;
        }
        let mut map = std::collections::HashMap::new();
        let want = ids_by_map(
            offsets.iter().map(|&(s, n)| &text.as_bytes()[s..s + n]),
            &mut map,
        );
        let mut intern = Interner::with_capacity(text.as_bytes(), 2);
        let got: Vec<u32> = offsets.iter().map(|&(s, n)| intern.id(s, n)).collect();
        assert_eq!(got, want);
        assert_eq!(intern.len(), map.len());
    }

    /// [`head_of`] is the old head of [`Interner::id`] (the eight bytes shifted left and back right by
    /// `8 * (8 - len)`, 0 for an empty word) and the zero-padded first `len` bytes, for every length to 15 and
    /// random bytes; a longer length gives the head of its length modulo 16.
    #[test]
    fn head_of_same_as_shifts() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let eight = x.to_le_bytes();
            for len in 0..=15usize {
                let old = if len == 0 {
                    0
                } else {
                    let cut = 8 * (8 - len.min(8)) as u32;
                    u64::from_le_bytes(eight) << cut >> cut
                };
                let padded = eight[..len.min(8)]
                    .iter()
                    .rev()
                    .fold(0u64, |acc, &c| (acc << 8) | u64::from(c));
                assert_eq!(head_of(eight, len), old, "{eight:?} {len}");
                assert_eq!(head_of(eight, len), padded, "{eight:?} {len}");
            }
            // Longer words: the head of their length modulo 16.
            for len in 16..=40usize {
                assert_eq!(head_of(eight, len), head_of(eight, len % 16), "{len}");
            }
        }
    }

    /// [`floor_boundary`] on bytes is the first position at or after `i` where `str::is_char_boundary` holds
    /// (clamped to the text), on random texts of one- to four-byte characters, from every position and past
    /// the end.
    #[test]
    fn floor_boundary_same_as_is_char_boundary() {
        let pieces = ["a", " ", "\u{e9}", "\u{2028}", "\u{1f3be}", "\n", "\u{a0}"];
        for t in crate::recognise::random_texts(&pieces, 300, 10, 0x2545_f491_4f6c_dd1d) {
            for i in 0..t.len() + 3 {
                let want = (i..t.len())
                    .find(|&j| t.is_char_boundary(j))
                    .unwrap_or(t.len());
                assert_eq!(floor_boundary(&t, i), want, "{t:?} {i}");
            }
        }
    }

    /// [`filler_bytes`] as it was before its suffix words were read as numbers: "seed", "seeded" and "ranked"
    /// compared byte by byte with `eq_ignore_ascii_case` (the test's reference).
    fn filler_bytes_by_suffixes(b: &[u8]) -> bool {
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return false;
        };
        if first.is_ascii_digit() {
            return true;
        }
        let ends = |suffix: &str| {
            b.len() >= suffix.len()
                && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
        };
        if last.eq_ignore_ascii_case(&b'd') && (ends("seed") || ends("seeded") || ends("ranked")) {
            return true;
        }
        let n = b.len();
        n <= 12
            && FILLER_FIRST[usize::from(first)] & FILLER_LAST[usize::from(last)] & (1 << n) != 0
            && filler_word(b)
    }

    /// [`filler_bytes`] is its reference [`filler_bytes_by_suffixes`] on every case of the three suffix words
    /// after several prefixes, each with every byte in turn replaced by bytes that differ from a suffix letter
    /// in bit 5 only or are no letter, and on the words of random texts.
    #[test]
    fn filler_bytes_same_as_by_suffixes() {
        let mut words: Vec<Vec<u8>> = Vec::new();
        for suffix in ["seed", "seeded", "ranked", "ed", "eded", "nked"] {
            for case in 0..1u32 << suffix.len() {
                let cased: Vec<u8> = suffix
                    .bytes()
                    .enumerate()
                    .map(|(i, c)| {
                        if case >> i & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect();
                for prefix in ["", "x", "top-", "1", "un", "s", "ra", "se", "\u{e9}"] {
                    let w = [prefix.as_bytes(), &cased].concat();
                    for at in 0..w.len() {
                        for b in [
                            b'@',
                            b'`',
                            b'$',
                            b'D',
                            b'x',
                            0xC3,
                            w[at] ^ 0x20,
                            w[at] ^ 0x01,
                        ] {
                            let mut other = w.clone();
                            other[at] = b;
                            words.push(other);
                        }
                    }
                    words.push(w);
                }
            }
        }
        let pieces = [
            "seed", "Seeded", "RANKED", "ranked", "d", "e", "s", "-", "7", "eded", "nked", "ra",
        ];
        for t in crate::recognise::random_texts(&pieces, 400, 6, 0x2545_f491_4f6c_dd1d) {
            words.push(t.into_bytes());
        }
        for w in &words {
            assert_eq!(
                filler_bytes(w),
                filler_bytes_by_suffixes(w),
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
        assert!(
            filler_bytes(b"sixth-SEEDED") && filler_bytes(b"top-ranked") && filler_bytes(b"Seed")
        );
        assert!(!filler_bytes(b"seeed") && !filler_bytes(b"ranted") && !filler_bytes(b"eded"));
    }

    /// [`may_be_filler`] is true for every [`filler_bytes`] word that starts with no digit (after a space, or at
    /// a window's start), and false for most other words.
    #[test]
    fn may_be_filler_holds_every_filler() {
        let mut words: Vec<String> = FILLERS.iter().map(|w| w.to_string()).collect();
        words.extend(FILLERS.iter().map(|w| w.to_ascii_uppercase()));
        for w in [
            "seed",
            "Seeded",
            "sixth-seeded",
            "top-RANKED",
            "sEeD",
            "d",
            "ed",
            "No.",
            "world",
        ] {
            words.push(w.to_string());
        }
        let pieces = [
            "seed", "ed", "ranked", "d", "e", "s", "-", "o", "n", "w", "No", "r", ".",
        ];
        words.extend(crate::recognise::random_texts(
            &pieces,
            400,
            5,
            0x9e37_79b9_7f4a_7c15,
        ));
        for w in words
            .iter()
            .filter(|w| !w.is_empty() && !w.starts_with(|c: char| c.is_ascii_digit()))
        {
            for before in ["", " ", "xx ", "see "] {
                let b = [before.as_bytes(), w.as_bytes()].concat();
                let (st, end) = (before.len(), b.len());
                if filler_bytes(w.as_bytes()) {
                    assert!(may_be_filler(&b, st, end), "{before:?} {w:?}");
                }
            }
        }
        for w in [
            "world",
            "number",
            "No",
            "seeded",
            "ranked",
            "qualifier",
            "TOP",
        ] {
            assert!(may_be_filler(w.as_bytes(), 0, w.len()), "{w}");
        }
        for w in [
            "defeated", "and", "said", "Federer", "beat", "seeed", "ranted",
        ] {
            assert!(!may_be_filler(w.as_bytes(), 0, w.len()), "{w}");
            assert!(!filler_bytes(w.as_bytes()), "{w}");
        }
    }

    /// The interner's comparison of long words by their first and last eight bytes is `==`: words of 9 to
    /// 24 bytes against the same words with one byte changed, anywhere.
    #[test]
    fn same_long_is_equality() {
        let base: Vec<u8> = b"Mackenzie-McDonald-Auger".to_vec();
        for n in 9..=base.len() {
            let a = &base[..n];
            assert!(Interner::same_long(a, a));
            for at in 0..n {
                for b in [b'x', a[at] ^ 0x20, a[at] + 1] {
                    let mut other = a.to_vec();
                    other[at] = b;
                    assert_eq!(Interner::same_long(a, &other), *a == other[..], "{n} {at}");
                }
            }
        }
    }

    #[test]
    fn name_words_split_at_spaces() {
        // Names near the end of the text (no eight-byte load) and long words (more than one).
        let text = "Juan Martin del Potro and Auger-Aliassime Mackenzie-McDonald Lu Yen-hsun Li Na";
        let names: Vec<NameMention> = [(0, 21), (26, 60), (61, 73), (73, 78), (76, 78), (61, 63)]
            .into_iter()
            .map(|(s, e)| NameMention::new(Span::new(s, e)))
            .chain(crate::recognise::names::find(text))
            .collect();
        let words = NameWords::new(text, &names);
        let mut map = std::collections::HashMap::new();
        for (i, n) in names.iter().enumerate() {
            let want = ids_by_map(
                text.as_bytes()[n.span.start..n.span.end].split(|&b| b == b' '),
                &mut map,
            );
            assert_eq!(words.of(i), want, "{:?}", &text[n.span.start..n.span.end]);
            assert_eq!(words.first(i), want[0]);
            // The range is the mention's two ends, and its words are the mention's.
            let range = words.range(i);
            assert_eq!(range, (words.ends[i], words.ends[i + 1]));
            assert_eq!(words.at(range), want);
        }
        assert_eq!(words.distinct, map.len());
        // One end per mention after a leading 0, the last at the end of the ids.
        assert_eq!(words.ends.len(), names.len() + 1);
        assert_eq!(
            (words.ends[0], words.ends[names.len()] as usize),
            (0, words.ids.len())
        );
        // The mentions of two or more words, also in the buffers of a bigger article.
        let Scratch {
            slots,
            generation,
            words,
            ..
        } = &mut Scratch::default();
        words.fill(text, &names, slots, generation);
        words.recycle();
        for some in [&names[..], &names[1..4], &names[3..]] {
            words.fill(text, some, slots, generation);
            let want: Vec<u32> = (0..some.len() as u32)
                .filter(|&i| words.of(i as usize).len() > 1)
                .collect();
            assert_eq!(words.multi[..words.multis], want);
            words.recycle();
        }
    }

    /// [`build_entities_in`] in buffers kept from article to article (reset in place) gives what it gives in
    /// fresh buffers: the entities (name, words, first mention, not a player) and each mention's entity, over
    /// the test texts in turn, big and small.
    #[test]
    fn build_entities_same_in_reused_buffers() {
        type Built = (Vec<(Span, usize, usize, bool)>, Vec<Option<usize>>);
        let run = |t: &str, scratch: &mut Scratch| -> Built {
            let names = crate::recognise::names::find(t);
            let (mut entities, mut link) = (Vec::new(), Vec::new());
            build_entities_in(t, &names, &[], &mut entities, &mut link, scratch);
            let ents = entities
                .iter()
                .map(|e| (e.name, e.words, e.first, e.not_player))
                .collect();
            (ents, link)
        };
        let mut kept = Scratch::default();
        let texts = texts();
        let mut linked = 0;
        for t in texts.iter().chain(texts.iter().rev()) {
            let want = run(t, &mut Scratch::default());
            linked += want.1.iter().flatten().count();
            assert_eq!(run(t, &mut kept), want, "{t:?}");
        }
        assert!(linked > 100, "{linked}");
    }

    /// [`opening`] gives what the match and the flag tests of [`build_entities_in`] gave: every byte value
    /// after one space, a tab, two blanks or nothing, at the text's start and further on, and every position of
    /// random texts.
    #[test]
    fn opening_same_as_match() {
        fn old(b: &[u8], start: usize) -> (bool, bool) {
            let before = &b[..start];
            let prev = match before {
                [.., p, b' '] if !matches!(p, b' ' | b'\t') => Some(*p),
                _ => before
                    .iter()
                    .rev()
                    .find(|&&b| !matches!(b, b' ' | b'\t'))
                    .copied(),
            };
            let line_start = matches!(prev, None | Some(b'\n' | b'.' | b'!' | b'?' | b'"'));
            (line_start, line_start || prev == Some(b':'))
        }
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for c in 0..=255u8 {
            for gap in [&b""[..], b" ", b"\t", b"  ", b" \t", b"\t ", b"\t\t"] {
                for lead in [&b""[..], b"x", b"xy"] {
                    let mut t = lead.to_vec();
                    t.push(c);
                    t.extend_from_slice(gap);
                    t.push(b'N');
                    texts.push(t);
                }
            }
        }
        let pieces = [
            " ", "\t", "\n", ".", "!", "?", "\"", ":", ",", "a", "Z", "\u{e9}", "\u{a0}", "  ",
        ];
        texts.extend(
            crate::recognise::random_texts(&pieces, 400, 10, 0x2545_f491_4f6c_dd1d)
                .into_iter()
                .map(String::into_bytes),
        );
        let mut seen = [0usize; 4];
        for b in &texts {
            for start in 0..=b.len() {
                let c = opening(b, start);
                assert_eq!(c & !(LINE_START | INITIAL), 0, "{b:?} {start}");
                let got = (c & LINE_START != 0, c & INITIAL != 0);
                assert_eq!(got, old(b, start), "{b:?} {start}");
                seen[usize::from(got.0) * 2 + usize::from(got.1)] += 1;
            }
        }
        // Neither, initial only (':'), both; never a line start that is not initial.
        assert!(
            seen[0] > 1000 && seen[1] > 100 && seen[3] > 1000 && seen[2] == 0,
            "{seen:?}"
        );
    }

    #[test]
    fn roles_fit_the_filter() {
        for r in ROLES {
            let b = r.as_bytes();
            assert!((3..=15).contains(&b.len()), "{r}");
            assert!(
                b[0].is_ascii_lowercase() && b[b.len() - 1].is_ascii_lowercase(),
                "{r}"
            );
            let upper = r.to_ascii_uppercase();
            for w in [
                r.to_string(),
                upper.clone(),
                format!("{r}'s"),
                format!("{upper}'S"),
            ] {
                assert!(role_in(w.as_bytes()) && is_role_ascii(w.as_bytes()), "{w}");
            }
        }
    }

    /// The code before the byte scans, as it was.
    mod reference {
        use super::super::*;

        pub(super) fn is_role(word: &str) -> bool {
            if word.len() < 3 {
                return false;
            }
            let b = word.as_bytes();
            let w = if b[0].is_ascii_alphanumeric() && b[b.len() - 1].is_ascii_alphanumeric() {
                b
            } else {
                trim_non_alnum(word).as_bytes()
            };
            // (The pre-check on first and last bytes and length only saved time.)
            if w.is_empty() || w.eq_ignore_ascii_case(b"'s") {
                return false;
            }
            in_role_set(w)
        }

        /// Whether `w`, lower-cased and without a final "'s", is a role.
        fn in_role_set(w: &[u8]) -> bool {
            let mut buf = [0u8; 17];
            let Some(l) = buf.get_mut(..w.len()) else {
                return false;
            };
            for (d, s) in l.iter_mut().zip(w) {
                *d = s.to_ascii_lowercase();
            }
            let l = l.strip_suffix(b"'s").unwrap_or(l);
            ROLE_SET.contains_bytes(l)
        }

        fn words_rev(s: &str) -> impl Iterator<Item = &str> {
            let ascii = s.is_ascii();
            let mut slow = (!ascii).then(|| s.split_whitespace());
            let mut rest = if ascii { s } else { "" };
            std::iter::from_fn(move || {
                if let Some(it) = &mut slow {
                    return it.next_back();
                }
                let b = rest.as_bytes();
                let e = b.iter().rposition(|&c| !ascii_space(c))? + 1;
                let st = b[..e]
                    .iter()
                    .rposition(|&c| ascii_space(c))
                    .map_or(0, |p| p + 1);
                let w = &rest[st..e];
                rest = &rest[..st];
                Some(w)
            })
        }

        fn byline_line(text: &str, newlines: &[usize], span: Span) -> bool {
            let lo = floor_boundary(text, span.start.saturating_sub(80));
            let hi = ceil_boundary(text, span.end + 80);
            let line_from = match newlines.partition_point(|&p| p < span.start) {
                0 => lo,
                k => (newlines[k - 1] + 1).max(lo),
            };
            if line_from == 0 {
                return false;
            }
            let line_to = newlines
                .get(newlines.partition_point(|&p| p < span.end))
                .map_or(hi, |&p| p.min(hi));
            let line = text[line_from..line_to].trim();
            if line.len() >= 80 || line.ends_with(['.', '!', '?', '"']) {
                return false;
            }
            let mut count = 0;
            for w in words(line) {
                if !(w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "and" | "&" | "by"))
                {
                    return false;
                }
                count += 1;
            }
            (2..=8).contains(&count)
        }

        pub(super) fn official_context(text: &str, span: Span) -> bool {
            let newlines: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
            let from = floor_boundary(text, span.start.saturating_sub(40));
            let before = &text[from..span.start];
            let byline = before.trim_end().ends_with("By") || byline_line(text, &newlines, span);
            let role_before = || {
                words_rev(before)
                    .take(3)
                    .take_while(|w| {
                        let b = w.as_bytes();
                        let n = b.len()
                            - b.iter()
                                .rev()
                                .take_while(|c| matches!(c, b'"' | b'\'' | b')'))
                                .count();
                        !matches!(b[..n].last(), Some(b'.' | b';' | b':' | b'!' | b'?'))
                    })
                    .any(is_role)
            };
            let role_after = || {
                let after = &text[span.end..ceil_boundary(text, span.end + 40)];
                after.starts_with(", ")
                    && words(&after[2..])
                        .take(3)
                        .any(|w| is_role(w) && !w.ends_with("'s"))
            };
            byline || role_before() || role_after()
        }

        pub(super) fn explicit_nationality(text: &str, span: Span) -> Option<&'static str> {
            let before = &text[floor_boundary(text, span.start.saturating_sub(60))..span.start];
            // Not the first, maybe partial, word.
            let before = before
                .get(before.find(' ').map_or(0, |p| p + 1)..)
                .unwrap_or("");
            // `before.split(' ').rev()` without empty words, on bytes (a space byte is never part of another character).
            let mut rest = before;
            let words = std::iter::from_fn(move || {
                let b = rest.as_bytes();
                let e = b.iter().rposition(|&c| c != b' ')? + 1;
                let st = b[..e].iter().rposition(|&c| c == b' ').map_or(0, |p| p + 1);
                let w = &rest[st..e];
                rest = &rest[..st];
                Some(w)
            })
            .take(4);
            for (k, w) in words.enumerate() {
                if w.ends_with([',', '.', ';', ':', '"']) && k > 0 {
                    break;
                }
                if let Some(c) = w.strip_suffix("'s").and_then(lexicon::country) {
                    return Some(c);
                }
                if let Some(c) = lexicon::demonym(w) {
                    return Some(c);
                }
                // Stop at words that cannot sit between a nationality and a name.
                if !filler(w) {
                    break;
                }
            }
            let after = &text[span.end..ceil_boundary(text, span.end + 40)];
            // Every form below starts with a space then 'o', 'f' or '('.
            if !matches!(after.as_bytes(), [b' ', b'o' | b'f' | b'(', ..]) {
                return None;
            }
            crate::resolve::players::nationality_after(after)
        }

        pub(super) fn explicit_age(text: &str, span: Span) -> Option<u32> {
            let before = &text[..span.start];
            let before = before.trim_end();
            if let Some(rest) = before.strip_suffix("-year-old") {
                let digits: String = rest
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let n: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
                return (10..=60).contains(&n).then_some(n);
            }
            let after = &text[span.end..];
            for (open, close) in [(", ", ','), (" (", ')')] {
                if let Some(rest) = after.strip_prefix(open) {
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    if digits.len() == 2 && rest[2..].starts_with(close) {
                        let n: u32 = digits.parse().ok()?;
                        return (14..=50).contains(&n).then_some(n);
                    }
                }
            }
            None
        }
    }

    /// Texts to compare on: the recognisers' corpus, the fixtures and tricky strings.
    fn texts() -> Vec<String> {
        crate::recognise::all_texts_and(&[
            "\nJane Doe and John Roe\nSmith won.",
            "Headline\nBy  Jane Doe\n\nText",
            "Headline\n  Jane Doe  \nText",
            "x\u{a0}coach Jim Courier said",
            "the coach\u{2009}Jim Courier said",
            "the Coach's Jim Courier, his COACH'S friend",
            "Jim Courier, the \u{e9}coach",
            "Jim Courier, \"coach\", said",
            "said (coach) Jim Courier",
            "the coach. Jim Courier",
            "the coach\u{85}Jim Courier",
            "caf\u{e9} coach Jim Courier, his \u{e9}pouse",
            "\u{2003}\u{2003}\nJim Courier\u{2003}\n",
            "By\u{a0}\u{a0}Jim Courier",
            "x\n\u{e9}Jim Courier et \u{c9}mile\u{e9}\n",
        ])
    }

    /// Spans to test: every capitalised word and pair of words.
    /// `new` and `old` agree at every name-like span of `t`.
    fn same_on_spans<T: PartialEq + std::fmt::Debug>(
        t: &str,
        new: impl Fn(&str, Span) -> T,
        old: impl Fn(&str, Span) -> T,
    ) {
        for s in spans(t) {
            assert_eq!(new(t, s), old(t, s), "{:?} in {t:?}", &t[s.start..s.end]);
        }
    }

    fn spans(t: &str) -> Vec<Span> {
        let b = t.as_bytes();
        let mut out = Vec::new();
        for (i, &c) in b.iter().enumerate() {
            if c.is_ascii_uppercase() && (i == 0 || !b[i - 1].is_ascii_alphabetic()) {
                let mut e = i;
                for _ in 0..2 {
                    while e < b.len() && b[e].is_ascii_alphabetic() {
                        e += 1;
                    }
                    out.push(Span { start: i, end: e });
                    if e < b.len() && b[e] == b' ' {
                        e += 1;
                    }
                }
            }
        }
        out
    }

    /// The words of [`country_words`] as the `char`-pattern split found them (the code before the byte split).
    fn country_words_by_chars(rest: &str) -> Vec<&str> {
        rest.split([' ', ',', '.', ')'])
            .filter(|w| !w.is_empty())
            .take(3)
            .collect()
    }

    /// [`country_phrase`]: the longest phrase of three, two or one words that names a country, apart by single
    /// spaces (a slice of the text) or by other separators (joined on the stack, or on the heap past 40 bytes).
    #[test]
    fn country_phrase_finds_the_longest_country() {
        let country = |p: &str| lexicon::country(p).expect(p);
        assert_eq!(country_phrase("France was beaten"), Some(country("France")));
        assert_eq!(
            country_phrase("United States, said"),
            Some(country("United States"))
        );
        assert_eq!(
            country_phrase("Czech   Republic) and"),
            Some(country("Czech Republic"))
        );
        assert_eq!(
            country_phrase("Czech,Republic"),
            Some(country("Czech Republic"))
        );
        assert_eq!(
            country_phrase("South Africa"),
            Some(country("South Africa"))
        );
        assert_eq!(country_phrase("Spain"), Some(country("Spain")));
        assert_eq!(country_phrase("Xanadu was beaten"), None);
        assert_eq!(country_phrase(" ,."), None);
        // Past the 40 bytes of the stack: joined on the heap, with the same answer.
        assert_eq!(country_phrase(&format!("{},Spain", "X".repeat(45))), None);
        assert_eq!(
            country_phrase(&format!("Spain,{}", "y".repeat(45))),
            Some(country("Spain"))
        );
    }

    #[test]
    fn country_words_split_same_as_char_split() {
        fn lookup_old(rest: &str) -> Option<&'static str> {
            let ws = country_words_by_chars(rest);
            (1..=ws.len())
                .rev()
                .find_map(|len| lexicon::country(&ws[..len].join(" ")))
        }
        let mut inputs: Vec<String> = texts();
        for t in [
            "United States, said",
            "the United States",
            "  United   States",
            "United,States)",
            "Great Britain.",
            "Czech Republic) and",
            "South Africa",
            "Spain",
            "",
            " ",
            ",.)",
            "Bosnia and Herzegovina's",
            "caf\u{e9} Spain \u{a0}France",
            "\u{2003}Spain) x",
            // First bytes that settle [`country_words`] before the split: lower case, other ASCII, non-ASCII.
            "the year",
            "his Spain",
            "(Spain)",
            "\"Spain\"",
            "-Spain",
            "\u{c9}spa\u{f1}a Spain",
        ] {
            inputs.push(t.to_string());
        }
        // Random strings of separators, letters, country words and non-ASCII characters.
        let parts = [
            " ", ",", ".", ")", "a", "Spain", "United", "States", "Kingdom", "\u{e9}", "\u{a0}",
            "\u{2003}", "South", "Africa", "New", "Zealand",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..(x % 9) {
                crate::recognise::xorshift(&mut x);
                t.push_str(parts[(x % parts.len() as u64) as usize]);
            }
            crate::recognise::xorshift(&mut x);
            inputs.push(t);
        }
        let mut found = 0;
        for t in &inputs {
            // Every suffix of the test texts at a character boundary (what follows " of " and the like).
            for (k, _) in t.char_indices().chain([(t.len(), ' ')]) {
                let rest = &t[k..];
                let (ws, n) = first_words(rest);
                assert_eq!(ws[..n], country_words_by_chars(rest), "{rest:?}");
                let c = country_words(rest);
                assert_eq!(c, lookup_old(rest), "{rest:?}");
                found += usize::from(c.is_some());
            }
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn explicit_nationality_same_as_before() {
        let mut more = texts();
        for t in [
            "Spain's Rafael Nadal",
            "the Spanish world number one Rafael Nadal",
            "the 12th-seeded Italian Jannik Sinner",
            "said: \"American Coco Gauff",
            "nothing,American Coco Gauff",
            "American   Coco Gauff",
            "Americans' Coco Gauff",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAmerican Coco Gauff",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx American Coco Gauff",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAmerican  Coco Gauff",
            "American Coco Gauff",
            " American Coco Gauff",
            "Coco Gauff of the United States, Coco Gauff from Spain. Coco Gauff (US) Coco Gauff (esp)",
            "the WILDCARD Coco Gauff, the fourth-Seeded caf\u{e9} Coco Gauff",
            // Words that start with a digit, up to the fourth word and past it, and lower-case first words.
            "by Spain's 6-4 6-3 6-2\nRafael Nadal, Spanish 6-4 6-3 7-5 6-2\nRafael Nadal, Spain's 1 2\nRafael Nadal",
            "American 12th seed Coco Gauff, American top seed Coco Gauff, the seed Coco Gauff",
            "Spanish  world   number one  Rafael Nadal, Spanish 1st,seed Rafael Nadal, 1 2 3 Rafael Nadal",
            "Spanish\u{a0}3 seed Rafael Nadal, Spain's\nRafael Nadal, caf\u{e9}'s 2 Rafael Nadal",
            // Words that end with an ASCII byte that is no letter.
            "at the US Open.\n\nRafael Nadal. However, Rafael Nadal said \"Rafael Nadal the No. Rafael Nadal",
            "by Americans\nRafael Nadal, by American,Rafael Nadal, the world No.\nRafael Nadal, (7-2)\nRafael Nadal",
            "by Spanish 6-2)\nRafael Nadal, by Spain's NO.\nRafael Nadal, by Spanish Seeded:Rafael Nadal",
            "by the U.S.'s Rafael Nadal, by the U.S. Rafael Nadal, by the U.S.\nRafael Nadal",
            // Lower-case first words that end with a "d": fillers or not, the suffix read past the word's start.
            "Spanish defeated Rafael Nadal, American and Coco Gauff, Spanish world Rafael Nadal, d Rafael Nadal",
            "Spanish seed Rafael Nadal, Spanish top-SEEDED Rafael Nadal, Spanish ranked Rafael Nadal, ed Coco Gauff",
            "Spanish reseeded Rafael Nadal, Spanish eed Rafael Nadal, Spanish deed Rafael Nadal, Spain's nked Coco",
            "Spanish unranked Rafael Nadal, Spanish speed Rafael Nadal, Spanish Seed Rafael Nadal, \u{e9}d Coco",
        ] {
            more.push(t.to_string());
        }
        for t in &more {
            same_on_spans(t, explicit_nationality, reference::explicit_nationality);
        }
    }

    /// [`STOP_ENDS`] holds the five bytes of the `matches!` it replaced and no other (every byte tested).
    #[test]
    fn stop_ends_are_the_five_bytes() {
        for c in 0..=255u8 {
            let want = matches!(c, b',' | b'.' | b';' | b':' | b'"');
            assert_eq!(STOP_ENDS[usize::from(c)], want, "{c}");
        }
    }

    /// What [`plain_before`] tells holds: the name is in no place context, and the nationality and age found
    /// with it are the ones found without it (`plain` false: the look-backs test for themselves), at every
    /// start of random texts from pieces that make the near misses frequent.
    #[test]
    fn plain_before_changes_nothing() {
        let pieces = [
            "in",
            "In",
            "at",
            "At",
            "ld",
            "Ld",
            "-year-old",
            "18",
            "Spain's",
            "American",
            "seed",
            " ",
            "  ",
            "\n",
            "\t",
            ".",
            ",",
            "X",
            "\u{e9}",
            "t",
            "n",
            "d",
            "l",
            "i",
            "a",
        ];
        let texts = crate::recognise::random_texts(&pieces, 2000, 10, 0x2545_f491_4f6c_dd1d);
        let mut plain_ones = 0;
        for t in &texts {
            let bounds: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for w in bounds.windows(2) {
                let span = Span::new(w[0], t.len().min(w[1] + 4));
                let span = Span::new(span.start, floor_boundary(t, span.end));
                let plain = plain_before(t.as_bytes(), span.start);
                plain_ones += usize::from(plain);
                if plain {
                    assert!(!crate::resolve::place_context(t, span), "{t:?} {span:?}");
                }
                assert_eq!(
                    explicit_nationality_plain(t, span, plain),
                    explicit_nationality_plain(t, span, false),
                    "{t:?} {span:?}"
                );
                assert_eq!(
                    explicit_age_plain(t, span, plain),
                    explicit_age_plain(t, span, false),
                    "{t:?} {span:?}"
                );
            }
        }
        assert!(plain_ones > 500, "{plain_ones}");
    }

    #[test]
    fn explicit_age_same_as_before() {
        let mut more = texts();
        for t in [
            "the 18-year-old Sania Mirza, 18-year-old  Sania Mirza, 9-year-old Sania Mirza",
            "the 61-year-old Sania Mirza, 018-year-old Sania Mirza, 99999999999-year-old Sania Mirza",
            "a-year-old Sania Mirza, 18-year-old\u{a0}Sania Mirza, 18-year-old \u{2003} Sania Mirza",
            "Sania Mirza, 32, Sania Mirza, 13, Sania Mirza (23) Sania Mirza (51) Sania Mirza, 3,",
            "Sania Mirza, 321, Sania Mirza (23 Sania Mirza, 2a, Sania Mirza,  23, Sania Mirza (\u{e9}",
            "Sania Mirza, 23",
            "bold Sania Mirza and Sania Mirza 18-year-old\nSania Mirza 18-year-old\tSania Mirza \"Sania Mirza",
        ] {
            more.push(t.to_string());
        }
        for t in &more {
            same_on_spans(t, explicit_age, reference::explicit_age);
        }
    }

    #[test]
    fn filler_same_as_list() {
        for w in FILLERS {
            assert!(filler(w) && filler(&w.to_ascii_uppercase()), "{w}");
            assert!(!filler(&format!("x{w}")) && !filler(&w[1..]), "{w}");
        }
        for w in [
            "1st",
            "9",
            "top-seeded",
            "SEED",
            "ranked",
            "",
            "d",
            "seedy",
            "no.1",
            "Giants",
        ] {
            let old = w.starts_with(|c: char| c.is_ascii_digit())
                || ["seed", "seeded", "ranked"]
                    .iter()
                    .any(|s| w.to_ascii_lowercase().ends_with(s))
                || FILLERS.contains(&w.to_ascii_lowercase().as_str());
            assert_eq!(filler(w), old, "{w}");
        }
    }

    #[test]
    fn is_role_same_as_before() {
        let mut words: Vec<String> = Vec::new();
        for t in texts() {
            words.extend(t.split_whitespace().map(str::to_string));
        }
        for r in ROLES {
            for w in [
                format!("{r}'s,"),
                format!("({r})"),
                format!("\"{r}'S"),
                format!("{r}s"),
                format!("x{r}"),
                format!("{r}'"),
                format!("{r}'s's"),
                format!("{r}.'s"),
                r.to_string(),
                r.to_ascii_uppercase(),
                format!("{}{}'s", r[..1].to_ascii_uppercase(), &r[1..]),
                format!("{r}'S"),
            ] {
                words.push(w);
            }
        }
        for w in &words {
            assert_eq!(is_role(w), reference::is_role(w), "{w:?}");
        }
    }

    #[test]
    fn official_context_same_as_before() {
        for t in &texts() {
            let keywords = crate::recognise::Keywords::scan(t);
            let new = |t: &str, s: Span| official_context(t, s, keywords.roles());
            same_on_spans(t, new, reference::official_context);
        }
    }

    /// [`prose_after`]'s first test (one table load) gives what the loop after it gives for the word it looks at:
    /// every byte after the space, with every pair of bytes after it.
    #[test]
    fn prose_first_same_as_the_first_word_test() {
        // The loop's test of a word's first bytes, decided for every `at1` and `at2` only where `PROSE_FIRST`
        // says so.
        let fails = first_bytes_fail;
        for c in 0..=255u8 {
            let always =
                (0..=255u8).all(|x| [b'n', b'd', b'y', b' ', x].iter().all(|&y| fails(c, x, y)));
            assert_eq!(PROSE_FIRST[usize::from(c)], always, "{c}");
        }
        assert!(PROSE_FIRST[usize::from(b's')] && PROSE_FIRST[usize::from(b',')]);
        assert!(!PROSE_FIRST[usize::from(b'S')] && !PROSE_FIRST[usize::from(b'a')]);
        assert!(
            !PROSE_FIRST[usize::from(b'b')]
                && !PROSE_FIRST[0xE9]
                && !PROSE_FIRST[usize::from(b' ')]
        );
        // And the whole function against the loop alone, after every name-like span and at every offset of
        // short texts of the bytes that matter.
        let mut all = texts();
        for c in [
            " ", "a", "b", "&", "x", "X", ",", "\n", "\u{e9}", "and", "by",
        ] {
            for d in [" ", "a", "by", "x", "X", "\n", "and"] {
                all.push(format!("Jim{c}{d}"));
                all.push(format!("Jim {c}{d} Bo"));
            }
        }
        for t in &all {
            let b = t.as_bytes();
            for end in 0..=b.len() {
                assert_eq!(prose_after(b, end), prose_words(b, end), "{end} in {t:?}");
            }
        }
    }

    #[test]
    fn plain_is_ascii_and_no_space() {
        for c in 0..=255u8 {
            assert_eq!(
                PLAIN[usize::from(c)],
                c.is_ascii() && !ascii_space(c),
                "{c}"
            );
        }
        assert!(PLAIN[usize::from(b'y')] && PLAIN[usize::from(b',')] && PLAIN[0]);
        assert!(
            !PLAIN[usize::from(b' ')] && !PLAIN[usize::from(b'\n')] && !PLAIN[0x0B] && !PLAIN[0xA0]
        );
    }

    /// [`byline_line`]'s line ends from the 80-byte masks (or, near the text's ends, the byte searches): lines of
    /// capitalised words, bylines when short, with their line breaks at every distance from the name up to past
    /// the masks, white space and characters beyond ASCII at the line's ends, in long texts and short ones.
    #[test]
    fn byline_same_with_line_breaks_at_every_distance() {
        let pad = "The match went on for hours. ".repeat(4);
        let (mut bylines, mut n) = (0, 0);
        for before in 0..=90 {
            for after in 0..=90 {
                for (head, tail) in [
                    ("Ann ", " and Bo"),
                    ("\u{e9}\u{e9} ", " \u{e9}"),
                    ("  ", "  "),
                ] {
                    let prefix: String = head.chars().cycle().take(before).collect();
                    let suffix: String = tail.chars().cycle().take(after).collect();
                    for p in ["", pad.as_str()] {
                        let t = format!("{p}\n{prefix}Jim Courier{suffix}\n{p}");
                        let start = p.len() + 1 + prefix.len();
                        let span = Span {
                            start,
                            end: start + "Jim Courier".len(),
                        };
                        let want = reference::official_context(&t, span);
                        let keywords = crate::recognise::Keywords::scan(&t);
                        assert_eq!(official_context(&t, span, keywords.roles()), want, "{t:?}");
                        bylines += usize::from(want);
                        n += 1;
                    }
                }
            }
        }
        assert!(bylines > 1000 && bylines < n / 2, "{bylines} of {n}");
    }

    /// The same where the windows of [`official_context`] cut words (a role at the start of the window before
    /// the name, a longer word cut to a role at the end of the window after it) and where a name starts in a
    /// word: spans at every letter or digit.
    #[test]
    fn official_context_same_at_window_edges() {
        let mut texts = Vec::new();
        for r in ROLES {
            for gap in 1..=44 {
                let sp = " ".repeat(gap);
                let y = "y".repeat(gap);
                texts.push(format!("Then x{r}{sp}Jim Courier, his {y}{r}s friend"));
                texts.push(format!("Then x{r} a{sp}Jim Courier, a {y} {r}'s x"));
                texts.push(format!("Then {r}{sp}Jim Courier,  {y}{r}"));
                texts.push(format!("\u{e9}{r}x{y} Jim {r}Courier, x {y}, {r}x"));
            }
        }
        texts.push("the coachJim Courier; cannot_player Jim Courier".to_string());
        // Windows that start inside a character of two to four bytes, before white space only, "By", a role.
        for gap in 30..=44 {
            let sp = " ".repeat(gap);
            for c in ["\u{e9}", "\u{2003}", "\u{1f3be}"] {
                texts.push(format!("{c}{c}{sp}Jim Courier"));
                texts.push(format!("{c}By{sp}Jim Courier"));
                texts.push(format!("{c}coach{sp}Jim Courier"));
                texts.push(format!("{c}{c}{sp}\u{a0}Jim Courier"));
            }
        }
        for t in &texts {
            let keywords = crate::recognise::Keywords::scan(t);
            let b = t.as_bytes();
            for i in (0..b.len()).filter(|&i| b[i].is_ascii_alphanumeric()) {
                let e = i + b[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                let span = Span { start: i, end: e };
                assert_eq!(
                    official_context(t, span, keywords.roles()),
                    reference::official_context(t, span),
                    "{i} in {t:?}"
                );
            }
        }
    }

    #[test]
    fn more_bits_than_counts_the_bits_set() {
        for m in [
            0u32,
            1,
            2,
            3,
            0x8000_0000,
            0x8000_0001,
            7,
            0x0101_0100,
            u32::MAX,
            0x1234_5678,
        ] {
            assert_eq!(more_bits_than::<2>(m), m.count_ones() > 2, "{m:#x}");
            assert_eq!(more_bits_than::<3>(m), m.count_ones() > 3, "{m:#x}");
        }
    }

    #[test]
    fn space_word_starts_same_as_byte_by_byte() {
        let bytes = [
            b' ',
            b'!',
            0x20 - 1,
            b'\n',
            b'\t',
            b'a',
            b'Z',
            0x7F,
            0x80,
            0xC3,
            0xFF,
            0,
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            let mut w = [0u8; 32];
            for c in &mut w {
                crate::recognise::xorshift(&mut state);
                *c = bytes[(state % bytes.len() as u64) as usize];
            }
            let want = (0..32).fold(0u32, |m, k| {
                let start =
                    w[k].is_ascii_graphic() | (w[k] == 0x7F) && (k == 0 || w[k - 1] == b' ');
                m | u32::from(start) << k
            });
            let (space, word) = portable_space_word(&w);
            assert_eq!(word & (space << 1 | 1), want, "{w:?}");
            assert_eq!(space_word_starts(&w), want, "{w:?}");
        }
        // After a tab no count (a subset of the words), nor at a byte beyond ASCII after a space.
        let w = b"coach of  the\tyear \xC2\xA0xx  1 2!  a";
        let want = 1 | 1 << 6 | 1 << 10 | 1 << 25 | 1 << 27 | 1 << 31;
        assert_eq!(space_word_starts(w), want);
    }

    /// [`role_after`]'s count of word starts before the first place a role may stand gives what the walk over
    /// the first three words gives: roles and other words as the first to sixth word after ", ", at every
    /// length, with white space of several kinds between them and characters beyond ASCII.
    #[test]
    fn role_after_same_as_before_with_roles_at_every_word() {
        let pieces = [
            "coach",
            "Coach's",
            "umpire",
            "coaches",
            "not_player",
            "who",
            "has",
            "a",
            "longerwordthan",
            " ",
            " ",
            " ",
            "  ",
            "\n",
            "\t",
            "\u{a0}",
            "\u{e9}",
            ",",
            "(",
        ];
        let mut texts = Vec::new();
        for (k, tail) in crate::recognise::random_texts(&pieces, 4000, 16, 0x5DEE_CE66_D1CE_4E5B)
            .into_iter()
            .enumerate()
        {
            let tail = &tail[..floor_boundary(&tail, k % 50)];
            texts.push(format!("Then Jim Courier, {tail}"));
            texts.push(format!(
                "Then Jim Courier, {tail} and more words after it, a few"
            ));
        }
        let mut marked = 0;
        for t in &texts {
            let keywords = crate::recognise::Keywords::scan(t);
            let span = Span { start: 5, end: 16 };
            let want = reference::official_context(t, span);
            assert_eq!(official_context(t, span, keywords.roles()), want, "{t:?}");
            marked += usize::from(want);
        }
        assert!(marked > 1000, "{marked}");
    }
}
