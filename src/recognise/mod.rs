//! Recognise stage: finds mentions (evidence) in normalised text. One file per fact kind, each with its own
//! example corpus in `tests/corpus/<kind>.jsonl`. Recognisers never build records: that is `resolve`'s job.
//!
//! Every recogniser returns mentions in text order, with byte spans into the normalised text. Scores, names and
//! descriptors are read by byte scanners; sport words and result cues by one pass of one combined pattern; rounds,
//! rankings, title phrases and tournaments by their pattern tried only near keywords that every match holds (one
//! shared scan of an article's words finds them: [`keywords`], [`find_near_in`]); seeds near "seed".

pub(crate) mod descriptor;
pub(crate) mod names;
pub(crate) mod ranking;
pub(crate) mod result;
pub(crate) mod round;
pub(crate) mod score;
pub(crate) mod seed;
pub(crate) mod sport;
pub(crate) mod tournament;

#[cfg(test)]
mod corpus_test;

use crate::lexicon::FxHashMap;

/// A byte span of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// Where the player that a ranking or seed phrase describes stands relative to the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlayerSide {
    /// The name follows the phrase: "world number 46 Rusedski", "ninth seed Felix Auger-Aliassime".
    After,
    /// The name comes before the phrase: "Henman, seeded three", "Norrie ... is now back up to 31st".
    Before,
    /// The phrase stands for the player itself ("the world No 1", "the American fifth seed"):
    /// resolved by coreference.
    Itself,
}

/// Compiles the patterns of the common paths now (every recogniser runs once), so the first article pays no
/// start-up cost. Patterns of rare paths compile on first need: the unanchored alternations (texts with "ſ" or
/// the Kelvin sign, tests) and the capture engine of each ranking alternative ([`Branches`]).
pub(crate) fn warm_up() {
    const TEXT: &str = "Henman, seeded three, beat the top seed 6-4 6-4 and the world No 1 was beaten by Rafael \
                        Nadal in the second round of the Australian Open, the Masters 1000 event in Shanghai; he \
                        won the title.";
    // The pieces, smallest first, with their cost in millions of instructions: 2-3 for the byte scanners and
    // the sport vocabulary, 5 seed, 14 tournament, 15 round, 25 result, 35 ranking (its DFA and the capture
    // engines of its alternatives). Pieces that share a table (the keyword scan's) wait for whichever builds it.
    const PIECES: [fn(); 6] = [
        || {
            let _ = score::find(TEXT);
            let _ = names::find(TEXT);
            let _ = descriptor::find(TEXT);
            let _ = sport::classify(TEXT);
            sport::warm_up();
        },
        || {
            let _ = seed::find(TEXT);
        },
        || {
            let _ = tournament::find(TEXT);
            tournament::warm_up();
        },
        || {
            let _ = round::find(TEXT);
            let _ = round::title_phrases(TEXT);
        },
        || {
            let _ = result::find(TEXT);
            result::warm_up();
        },
        || {
            let _ = ranking::find(TEXT);
            ranking::warm_up();
        },
    ];
    // Inside a rayon pool of several threads (the CLI builds its extractor there while another thread walks
    // the input folders), each piece is a task: this thread takes the last spawned (the largest) first, and a
    // thread that comes free steals from the smallest end, so the threads finish together instead of one
    // waiting for the other's half. Elsewhere (a library caller's thread) stay on this thread and start no
    // threads.
    if rayon::current_thread_index().is_some() && rayon::current_num_threads() > 1 {
        rayon::scope(|s| {
            for piece in PIECES {
                s.spawn(move |_| piece());
            }
        });
    } else {
        for piece in PIECES {
            piece();
        }
    }
}

/// `WORD_BYTE[c]`: whether byte `c` is a word byte of `(?-u:\b)` (an ASCII letter or digit, or `_`).
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'_';
        c += 1;
    }
    t
};

/// Whether `c` is an ASCII word byte, as `(?-u:\b)` reads it: one table load (asked about every byte of many
/// clauses).
#[inline]
pub(crate) fn is_word_byte(c: u8) -> bool {
    WORD_BYTE[usize::from(c)]
}

/// Whether `(?-u:\b)` holds at byte offset `p` of `b` (true only at character boundaries).
#[inline]
pub(crate) fn boundary(b: &[u8], p: usize) -> bool {
    let before = p > 0 && is_word_byte(b[p - 1]);
    let after = p < b.len() && is_word_byte(b[p]);
    before != after
}

pub(crate) use crate::segment::splat;

/// `WORD[c]`: whether byte `c` is an ASCII letter or digit.
static WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Keyword kinds of [`keywords`]: words that every phrase of a recogniser holds.
pub(crate) const KEY_ROUND: u8 = 1;
pub(crate) const KEY_RANKING: u8 = 2;
pub(crate) const KEY_TITLE: u8 = 4;
pub(crate) const KEY_TOURNAMENT: u8 = 8;
/// A word that may start a sport vocabulary match: its length and first eight bytes (any case) are those of one
/// of [`sport::first_runs`] (see [`WORD_TABLE`]; [`sport`] looks closer).
pub(crate) const KEY_SPORT: u8 = 16;
/// A word that may start a result cue: its length and first eight bytes (any case) are those of one of
/// [`result::first_words`] (see [`WORD_TABLE`]; [`result`] looks closer).
pub(crate) const KEY_RESULT: u8 = 32;
/// A word that may start a walkover phrase ([`score`]): "walkover" or the "walk" of "walk-over", any case.
pub(crate) const KEY_WALKOVER: u8 = 128;
/// The kinds kept with their table entries in [`Keywords::sports`] and [`Keywords::results`]; the others go to
/// [`Keywords::starts`].
const TABLE_KINDS: u8 = KEY_SPORT | KEY_RESULT;
/// A word whose letters, in any case, are the first run of ASCII letters and digits of a role word of the player
/// resolver (`resolve::ROLES`: "coach", "umpire", the "not" of "not_player"): only the table build
/// uses this kind; the scan puts such words in [`Keywords::roles`], not in the keys or marks.
const KEY_ROLE: u8 = 64;
/// The longest first run of a role word ("physiotherapist"): the scan looks words of up to this length up
/// for roles alone (checked by a test).
const ROLE_MAX: usize = 15;
/// The words whose starts the scan puts in [`Keywords::he_words`] (any case): every match of the descriptor
/// pattern (`descriptor`) starts one of these. None of them is in the [`WORD_TABLE`] (its build checks it).
const HE_WORDS: [&[u8]; 3] = [b"he", b"she", b"the"];
/// A bit of [`WordTable`]'s `filter` above the lengths: a word of [`HE_WORDS`] has this [`filter_index`], so
/// that [`look`] compares the word with them before the table look-up.
const HE_FILTER: u16 = 1 << 15;
/// Bit 0 of [`WordTable`]'s `filter` (no word has length 0): a start of [`KEY_PREFIXES`] has this
/// [`filter_index`], so that [`look`] reads [`PREFIXES`] only for such words.
const PREFIX_FILTER: u16 = 1;

/// The bit of [`WordTable`]'s `filter` entries that says a word of [`seed::each_seed_word`] (of at most
/// [`SCAN_MAX`] bytes), or one it stands for, has that [`filter_index`] and length: the scan then tests whether
/// the word ends with "seed" or "seeded" ([`push_seed`]).
const SEED_FILTER: u16 = 1 << 14;

/// The longest word of [`seed::each_seed_word`] ("seventeenthseeded"): the scan tests the longer words than
/// [`SCAN_MAX`] up to this length for a "seed" at their end, without the `filter` (they are rare).
const SEED_MAX: usize = 17;
const _: () = assert!(ROLE_MAX <= SEED_MAX);

/// The first eight bytes of `w` as a number (zero bytes past its end).
const fn key8(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() && i < 8 {
        k |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

/// The low `n` bytes of a key (`n <= 8`).
const fn low(k: u64, n: usize) -> u64 {
    if n >= 8 {
        k
    } else {
        k & ((1u64 << (8 * n)) - 1)
    }
}

const fn k(s: &str) -> u64 {
    key8(s.as_bytes())
}

/// How every cardinal number word ("one" to "ninety-nine") starts.
const CARD_STARTS: [&[u8]; 16] = [
    b"one", b"two", b"three", b"four", b"five", b"six", b"seven", b"eight", b"nine", b"ten",
    b"eleven", b"twelve", b"thir", b"fif", b"twenty", b"forty",
];

/// The length of the shortest of [`CARD_STARTS`].
const CARD_MIN: usize = {
    let mut min = usize::MAX;
    let mut i = 0;
    while i < CARD_STARTS.len() {
        if CARD_STARTS[i].len() < min {
            min = CARD_STARTS[i].len();
        }
        i += 1;
    }
    min
};

/// How every number word of the ranking patterns ("one" to "ninety-nine", "first" to "ninety-ninth") starts,
/// with "no" and "num" for "No 1", "number one".
const NUMBER_STARTS: [&[u8]; 19] = [
    b"one", b"two", b"thr", b"thi", b"four", b"fort", b"fiv", b"fif", b"fir", b"six", b"sev",
    b"sec", b"eig", b"nin", b"ten", b"ele", b"twe", b"no", b"num",
];

/// [`NUMBER_STARTS`] as little-endian numbers with the mask of their length.
const NUMBER_KEYS: [(u32, u32); NUMBER_STARTS.len()] = {
    let mut t = [(0, 0); NUMBER_STARTS.len()];
    let mut i = 0;
    while i < t.len() {
        let w = NUMBER_STARTS[i];
        let mask = u32::MAX >> (8 * (4 - w.len()));
        t[i] = (key8(w) as u32 & mask, mask);
        i += 1;
    }
    t
};

/// `NUMBER_TRIPLES[(c0 & 31) << 5 | (c1 & 31)]`, bit `c2 & 31`: whether some word of [`NUMBER_STARTS`]
/// starts with the bytes `c0 c1 c2` (any third byte for "no"), compared by their low five bits. A superset
/// test before the exact one.
static NUMBER_TRIPLES: [u32; 1024] = {
    let mut t = [0u32; 1024];
    let mut i = 0;
    while i < NUMBER_STARTS.len() {
        let w = NUMBER_STARTS[i];
        let at = ((w[0] & 31) as usize) << 5 | (w[1] & 31) as usize;
        t[at] |= if w.len() == 2 {
            u32::MAX
        } else {
            1 << (w[2] & 31)
        };
        i += 1;
    }
    t
};

/// Whether a ranking number may follow the "to", "from", "No" or "number" that ends at `e`: after an optional
/// dot and white space comes a digit, a number word, "No"/"number", or (`the_top`) "the top" ("back to the top
/// of the rankings"). Every ranking phrase holding one of these words has that after it (see
/// `ranking::alternatives`: `to\s+`, `from\s+`, `No\.?\s?`, `number\s+` then a number). A superset: a non-ASCII
/// character (Unicode white space, a letter that folds to ASCII as "ſ" does to "s") says yes.
pub(crate) fn number_may_follow(b: &[u8], e: usize, the_top: bool) -> bool {
    fn skip_space(b: &[u8], mut p: usize) -> usize {
        while b.get(p).is_some_and(|&c| ascii_space(c)) {
            p += 1;
        }
        p
    }
    let mut p = e;
    if b.get(p) == Some(&b'.') {
        p += 1;
    }
    p = skip_space(b, p);
    match b.get(p) {
        None => false,
        Some(&c) if c >= 0x80 || c.is_ascii_digit() => true,
        Some(_) => {
            if the_top && b.get(p..p + 3) == Some(b"the") {
                let q = skip_space(b, p + 3);
                if b.get(q).is_some_and(|&c| c >= 0x80) || b.get(q..q + 3) == Some(b"top") {
                    return true;
                }
            }
            if !matches!(b[p] | 0x20, b'o' | b't' | b'f' | b's' | b'e' | b'n') {
                return false;
            }
            // The next four bytes in lower case (bit 5 set: digits and punctuation never equal a letter): one
            // load, but for the last bytes of the text (a copy of a variable length is a call).
            let four = match b.get(p..p + 4) {
                Some(four) => four.try_into().expect("four bytes"),
                None => {
                    let mut four = [0u8; 4];
                    four[..b.len() - p].copy_from_slice(&b[p..]);
                    four
                }
            };
            let key = u32::from_le_bytes(four) | 0x2020_2020;
            let triple = ((key & 31) << 5 | (key >> 8 & 31)) as usize;
            if NUMBER_TRIPLES[triple] >> (key >> 16 & 31) & 1 == 0 {
                return false;
            }
            NUMBER_KEYS.iter().any(|&(k, mask)| key & mask == k)
        }
    }
}

/// The letters (bit `c - b'a'`) that start no word of [`NUMBER_STARTS`]: after one of them, in any case,
/// [`number_may_follow`] says no.
const NO_NUMBER_LETTERS: u32 = {
    let mut t = (1u32 << 26) - 1;
    let mut i = 0;
    while i < NUMBER_STARTS.len() {
        t &= !(1 << (NUMBER_STARTS[i][0] - b'a'));
        i += 1;
    }
    t
};

/// A quick "no" of [`number_may_follow`] for the word of `n <= 6` bytes ([`FOLLOW_WORDS`]) whose first eight
/// bytes (zero past the end of the text) are `raw`: true when one space and a letter that starts no number word
/// ([`NO_NUMBER_LETTERS`], "to win", "from Paris") follow it. Two-thirds of the follow words of running text
/// are told so without the call; the others ("to the", "to one", "to 10", "to\n") are asked about.
#[inline(always)]
fn no_number_after(raw: u64, n: usize) -> bool {
    let after = raw >> (8 * n);
    // In lower case (bit 5): only an ASCII letter gives one of `b'a'..=b'z'`.
    let c = (after >> 8) as u8 | 0x20;
    after as u8 == b' ' && c.is_ascii_lowercase() && NO_NUMBER_LETTERS >> (c - b'a') & 1 != 0
}

/// The keyword kinds of the run of ASCII letters and digits `b[s..e]` (a superset of what each recogniser
/// needs; see the recognisers' patterns). Compares numbers, not strings. Out of line: the scan asks only about
/// the words of [`KEY_EXACT`] and those that start with one of [`KEY_PREFIXES`] (see [`look`]).
#[inline(never)]
fn keyword_kinds(b: &[u8], s: usize, e: usize) -> u8 {
    let w = &b[s..e];
    let n = w.len();
    if !(2..=13).contains(&n) {
        return 0;
    }
    // The first eight bytes as a number, as written and in lower case (bit 5 lowers letters, keeps digits).
    let ck = match b.get(s..s + 8) {
        Some(eight) => low(
            u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            n,
        ),
        None => key8(w),
    };
    let lk = ck | low(splat(0x20), n);
    // "no" and a rest that starts neither with a digit nor, when long enough, with the first letter of one of
    // [`CARD_STARTS`] ("now", "Nov", "north", "nothing" do not) has no kinds: told before the `match`, a jump
    // table (these are most of the words that [`look`] asks about for their prefix).
    if n >= 3 && low(lk, 2) == const { k("no") } {
        let c = (lk >> 16) as u8;
        if !c.is_ascii_digit()
            && (n < 2 + CARD_MIN || !matches!(c, b'o' | b't' | b'f' | b's' | b'e' | b'n'))
        {
            return 0;
        }
    }
    // Whether `w` is `word` (in lower case / as written); `word` has at most eight bytes.
    macro_rules! lower {
        ($word:literal) => {
            n == $word.len() && lk == const { k($word) }
        };
    }
    macro_rules! exact {
        ($word:literal) => {
            n == $word.len() && ck == const { k($word) }
        };
    }
    macro_rules! lower_prefix {
        ($word:literal) => {
            n >= $word.len() && low(lk, $word.len()) == const { k($word) }
        };
    }
    let (mut round, mut ranking, mut title, mut tournament) = (false, false, false, false);
    let mut walkover = false;
    // Round: "round", "last", "group", "bronze", "place", "final(s)", "quarter...", "semi...".
    // Ranking: "world", "career", "former...", "ex", "No"/"no" (with digits), "number" (with digits), "ranked",
    // "to", "from".
    // Title phrases (case as written): "title", "trophy", "crown", "crowned", "championship", "Slam", "major".
    // Tournaments (as written): capitalised event words and the openers of "the Masters 1000 event in Shanghai".
    match lk as u8 {
        b'r' => {
            round = lower!("round");
            ranking = lower!("ranked");
            tournament = exact!("Roland");
        }
        b'l' => round = lower!("last"),
        b'g' => {
            round = lower!("group");
            tournament = exact!("Games");
        }
        b'b' => round = lower!("bronze"),
        b'p' => round = lower!("place"),
        b'f' => {
            round = lower!("final") || lower!("finals");
            ranking = (lower!("from") && number_may_follow(b, e, false)) || lower_prefix!("former");
            tournament = exact!("Finals");
        }
        b'q' => {
            round = lower_prefix!("quarter");
            tournament = exact!("Queen");
        }
        b's' => {
            round = lower_prefix!("semi");
            title = exact!("Slam") || exact!("slam");
        }
        b'w' => {
            ranking = lower!("world");
            walkover = lower!("walkover") || lower!("walk");
            tournament = exact!("Wells") || exact!("WTA") || w == b"Wimbledon";
        }
        b'c' => {
            ranking = lower!("career");
            title = exact!("crown") || exact!("crowned") || w == b"championship";
            tournament = exact!("Cup")
                || exact!("Classic")
                || matches!(w, b"Championship" | b"Championships" | b"Challenger");
        }
        b'e' => ranking = lower!("ex"),
        b'n' => {
            // "No"/"number" may run into the number: "No1", "numberone", "Noone".
            let number_follows = |i: usize| {
                let rest = &w[i..];
                rest.iter().all(u8::is_ascii_digit)
                    // (A rest shorter than every card start, as in "not" and "now", is told at once.)
                    || rest.len() >= CARD_MIN
                        && CARD_STARTS.iter().any(|c| {
                            rest.len() >= c.len() && rest[..c.len()].eq_ignore_ascii_case(c)
                        })
            };
            ranking = (matches!(w[..2], [b'N' | b'n', b'o']) && number_follows(2))
                || (lower_prefix!("number") && number_follows(6));
            // Alone, "No"/"number" must be followed by a number: "No. 1", "number one".
            if n == 2 || lower!("number") {
                ranking = ranking && number_may_follow(b, e, false);
            }
        }
        b't' => {
            ranking = lower!("to") && number_may_follow(b, e, true);
            title = exact!("title") || exact!("trophy");
            tournament = exact!("Trophy") || w == b"Tournament";
        }
        b'o' => tournament = exact!("Open") || exact!("Olympic") || exact!("Olympics"),
        b'm' => {
            title = exact!("major");
            tournament = exact!("Masters");
        }
        b'a' => tournament = exact!("ATP"),
        b'i' => tournament = exact!("ITF") || w == b"International",
        _ => {}
    }
    [
        (round, KEY_ROUND),
        (ranking, KEY_RANKING),
        (title, KEY_TITLE),
        (tournament, KEY_TOURNAMENT),
        (walkover, KEY_WALKOVER),
    ]
    .iter()
    .fold(
        0,
        |kinds, &(on, kind)| if on { kinds | kind } else { kinds },
    )
}

/// The keywords of one text, found by one scan ([`scan_keywords`]) and shared by the recognisers that start
/// from keywords (sport, result, round, title, tournament, ranking). Built once per article by the caller
/// (`resolve::extract_parts`) and passed to each recogniser with the same text.
#[derive(Default)]
pub(crate) struct Keywords {
    /// The keywords of the kinds of the word table, in a list per kind (see [`Keywords::sports`] and
    /// [`Keywords::results`]).
    keys: TableKeys,
    /// The starts of the keywords of the other kinds, a list per kind (see [`KindStarts`]).
    marks: KindStarts,
    /// The starts of the words that may be role words, in order (see [`Keywords::roles`]).
    roles: Vec<usize>,
    /// The starts of the words "he", "she" and "the", in order (see [`Keywords::he_words`]).
    he: Vec<usize>,
    /// The offsets of the "seed"s that may belong to a seed phrase, in order (see [`Keywords::seeds`]).
    seeds: Vec<usize>,
    /// Whether the text holds a character that `(?i)` matches to an ASCII letter.
    folds: bool,
}

impl Keywords {
    /// Scans `text` once.
    pub(crate) fn scan(text: &str) -> Self {
        let mut keywords = Keywords::default();
        keywords.rescan(text);
        keywords
    }

    /// [`Keywords::scan`] written into the buffers of `self` (a former scan, or the default): no allocation
    /// once they are as big as the text needs. (In place: the struct is too big to be moved without a call
    /// to `memcpy`.)
    pub(crate) fn rescan(&mut self, text: &str) {
        use std::mem::take;
        let (mut keys, mut roles, mut he, mut seeds) = (
            take(&mut self.keys),
            take(&mut self.roles),
            take(&mut self.he),
            take(&mut self.seeds),
        );
        keys.clear();
        self.marks.clear();
        roles.clear();
        he.clear();
        seeds.clear();
        // At most the room a buffer keeps between articles ([`TableKeys::recycle`]): the table keys fill the
        // whole buffer as it grows (it is written through to keep both ends valid), so a long text grows it
        // to what it needs, not to a sixteenth of its length.
        keys.reserve((text.len() / 16).min(4096));
        self.marks.reserve(text.len() / 256);
        // About one word in twelve of running text ("the" alone is one in twenty).
        he.reserve(text.len() / 64);
        // (The lists of kinds lent, not moved: eight `Vec`s.)
        let mut out = Found {
            keys,
            marks: &mut self.marks,
            roles,
            he,
            seeds,
        };
        self.folds = scan_keywords(text.as_bytes(), &mut out);
        self.keys = out.keys;
        self.roles = out.roles;
        self.he = out.he;
        self.seeds = out.seeds;
    }

    /// Empties the buffers for the next [`Keywords::rescan`], and frees them when a long text has made them big.
    pub(crate) fn recycle(&mut self) {
        self.keys.recycle();
        self.marks.recycle();
        recycle(&mut self.roles);
        recycle(&mut self.he);
        recycle(&mut self.seeds);
        self.folds = false;
    }

    /// The keywords of kind [`KEY_SPORT`] (with their other kinds), in order.
    pub(crate) fn sports(&self) -> &[Key] {
        self.keys.sports()
    }

    /// The keywords of kind [`KEY_RESULT`] (with their other kinds), in order.
    pub(crate) fn results(&self) -> impl ExactSizeIterator<Item = &Key> + '_ {
        self.keys.results()
    }

    /// The starts of the maximal runs of ASCII letters and digits whose first eight bytes (in lower case) and
    /// length are those of the first run of a role word of the player resolver, in order: every role word of
    /// the text, in any case and whatever bytes stand around it, starts one of these (with "coach's", "(Coach)",
    /// "not_player"), so that `resolve::players::mark_officials` need look closer only near them.
    pub(crate) fn roles(&self) -> &[usize] {
        &self.roles
    }

    /// The starts of the maximal runs of ASCII letters and digits that are "he", "she" or "the" in any case, in
    /// order: every match of the descriptor pattern starts one of these ([`descriptor`] looks closer, at the
    /// bytes around them too).
    pub(crate) fn he_words(&self) -> &[usize] {
        &self.he
    }

    /// In order, the offsets of the "seed" (any ASCII case) at the end of a maximal run of ASCII letters and
    /// digits, or six bytes before the end of one that ends "seeded", for the runs that the scan tests: those
    /// that pass its `filter` with [`SEED_FILTER`] (every word that [`seed::each_seed_word`] gives or
    /// stands for, in any case: "seed", "Seeded", "3rdseed", "topseeded"; and some others, as "linseed" may),
    /// less the words of the table that are no seed words, and the runs of 14 to [`SEED_MAX`] bytes. Every
    /// seed phrase holds one when the text has no character that folds to an ASCII letter
    /// ([`Keywords::folds`]).
    pub(crate) fn seeds(&self) -> &[usize] {
        &self.seeds
    }

    /// Whether the text holds a character that `(?i)` matches to an ASCII letter ("ſ", the Kelvin sign).
    pub(crate) fn folds(&self) -> bool {
        self.folds
    }

    /// The start offsets of the keywords of kind `kind` (one kind, not [`KEY_SPORT`] or [`KEY_RESULT`]), in
    /// order: the scan's list of that kind, no walk over the others.
    pub(crate) fn starts(&self, kind: u8) -> impl Iterator<Item = usize> + '_ {
        debug_assert_eq!(
            kind & TABLE_KINDS,
            0,
            "table kinds are in sports() and results()"
        );
        debug_assert_eq!(kind.count_ones(), 1, "one kind: {kind}");
        self.marks.of(kind).iter().copied()
    }
}

/// For each capital letter (`c - b'A'`), bit `n` set when a word of `words` of `n` bytes starts with it: a
/// first test on a word's first byte and length before a list is searched. Every word must start with an ASCII
/// capital and be shorter than 32 bytes (checked when the table is built, at compile time).
pub(crate) const fn lengths_by_capital(words: &[&str]) -> [u32; 26] {
    let mut t = [0u32; 26];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        assert!(w[0].is_ascii_uppercase() && w.len() < 32);
        t[(w[0] - b'A') as usize] |= 1 << w.len();
        i += 1;
    }
    t
}

/// Whether `c` is ASCII white space: what `\s` matches in ASCII text, and `char::is_whitespace` for an ASCII
/// byte (tab, line feed, vertical tab, form feed, carriage return, space).
#[inline]
pub(crate) fn ascii_space(c: u8) -> bool {
    matches!(c, b'\t'..=b'\r' | b' ')
}

/// A per-thread buffer of a recogniser, taken (empty) for one article; [`give_back`] returns it.
pub(crate) fn take_buffer<T: 'static>(
    key: &'static std::thread::LocalKey<std::cell::RefCell<Vec<T>>>,
) -> Vec<T> {
    key.with(|b| std::mem::take(&mut *b.borrow_mut()))
}

/// Returns a buffer of [`take_buffer`] to its thread, emptied (and freed when big, see [`recycle`]).
pub(crate) fn give_back<T: 'static>(
    key: &'static std::thread::LocalKey<std::cell::RefCell<Vec<T>>>,
    mut v: Vec<T>,
) {
    recycle(&mut v);
    key.with(|b| *b.borrow_mut() = v);
}

/// `w` in ASCII lower case: `w` itself when it holds no ASCII capital (most words: no allocation).
pub(crate) fn ascii_lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(w.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// The byte at `i`, or `.` past the end of `b` (a byte that is no letter, digit or white space: the end of a
/// text reads as the end of a sentence).
#[inline]
pub(crate) fn byte_or_stop(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(b'.')
}

/// Empties `v` for the next article (a per-thread buffer of a stage's output or of the resolver), and frees it when a long input has made it big (so that a thread keeps
/// at most a few hundred kilobytes between articles).
pub(crate) fn recycle<T>(v: &mut Vec<T>) {
    v.clear();
    if v.capacity() > 4096 {
        *v = Vec::new();
    }
}

/// The starts of the keywords of the kinds other than [`KEY_SPORT`] and [`KEY_RESULT`] of one text, a list per
/// kind (indexed by the kind's bit), each in text order; a word of several kinds is in each of their lists.
/// Each recogniser that starts from these keywords ([`Keywords::starts`]) reads its own list: the one list of
/// all of them with their kinds was walked whole by each of the five recognisers (round, title, ranking,
/// tournament, walkover), each testing every keyword's kind to use the few of its own.
#[derive(Default)]
struct KindStarts([Vec<usize>; 8]);

impl KindStarts {
    /// The kinds that the scan gives a list: the others ([`TABLE_KINDS`], [`KEY_ROLE`]) are never pushed, so
    /// their lists stay empty and need no clearing.
    const KINDS: [u8; 5] = [
        KEY_ROUND,
        KEY_RANKING,
        KEY_TITLE,
        KEY_TOURNAMENT,
        KEY_WALKOVER,
    ];

    /// Empties the lists (keeping their room).
    fn clear(&mut self) {
        for kind in Self::KINDS {
            self.0[kind.trailing_zeros() as usize].clear();
        }
    }

    /// Makes room for `n` more starts in each list of a kind that the scan gives.
    fn reserve(&mut self, n: usize) {
        for kind in Self::KINDS {
            self.0[kind.trailing_zeros() as usize].reserve(n);
        }
    }

    /// Empties the lists, and frees those that a long text has made big (as [`recycle`]).
    fn recycle(&mut self) {
        for kind in Self::KINDS {
            recycle(&mut self.0[kind.trailing_zeros() as usize]);
        }
    }

    /// Adds `start` to the list of each kind of `kinds` but [`TABLE_KINDS`] (most keywords have one; a table
    /// keyword may have none).
    #[inline(always)]
    fn push(&mut self, start: usize, kinds: u8) {
        let mut rest = kinds & !TABLE_KINDS;
        debug_assert_eq!(rest & KEY_ROLE, 0, "role words are in `roles`");
        while rest != 0 {
            self.0[rest.trailing_zeros() as usize].push(start);
            rest &= rest - 1;
        }
    }

    /// The starts of the keywords of kind `kind` (one bit).
    fn of(&self, kind: u8) -> &[usize] {
        &self.0[kind.trailing_zeros() as usize]
    }
}

/// The keywords of the word table's kinds ([`KEY_SPORT`], [`KEY_RESULT`]) of one text, in a list per kind, each
/// in text order. Both lists live in one buffer and grow into it from its two ends: the sport keywords from the
/// front, the result keywords from the back (so there the last found comes first). The scan thus puts a key in
/// its list by one store at an index picked without a branch ([`TableKeys::push`]). Sport and result words come
/// in no order that a predictor learns: the recognisers that walked one list of both kinds and tested each
/// key's kind mispredicted that test often, and so would a test in the scan; a push to one of two `Vec`s picked
/// by a conditional move cost more instructions than the tests save.
#[derive(Default)]
struct TableKeys {
    /// The room: `buf[..front]` are the sport keywords, `buf[back..]` the result keywords, the last first;
    /// those between are stale.
    buf: Vec<Key>,
    front: usize,
    back: usize,
}

impl TableKeys {
    /// Empties both lists (keeping the room).
    fn clear(&mut self) {
        self.front = 0;
        self.back = self.buf.len();
    }

    /// Makes room for at least `n` keys in all.
    fn reserve(&mut self, n: usize) {
        while self.buf.len() < n {
            self.grow();
        }
    }

    /// [`TableKeys::clear`], and frees the buffer when a long text has made it big (as [`recycle`]).
    fn recycle(&mut self) {
        if self.buf.len() > 4096 {
            self.buf = Vec::new();
        }
        self.clear();
    }

    /// Adds the keyword `start..end` with `kinds`, of one table kind (no table word has both: see
    /// [`WORD_TABLE`]), and the `group` and `cue` of `slot`, to the list of its kind. (The slot is read after the
    /// test for room: its values read before were kept on the stack across the call that makes room.)
    #[inline(always)]
    fn push(&mut self, start: usize, end: usize, kinds: u8, slot: &Info) {
        if self.front == self.back {
            self.grow();
        }
        let key = Key {
            start,
            end,
            kinds,
            group: slot.group,
            cue: slot.cue,
        };
        debug_assert_eq!((key.kinds & TABLE_KINDS).count_ones(), 1, "{key:?}");
        // The next free place of the key's list: `back - 1` for a result keyword (`back > front >= 0`),
        // `front` for a sport keyword; then that list's end moves by one.
        let result = key.kinds & KEY_RESULT != 0;
        let at = std::hint::select_unpredictable(result, self.back - 1, self.front);
        self.buf[at] = key;
        self.front += usize::from(!result);
        self.back -= usize::from(result);
    }

    /// Doubles the room (to at least 64 keys), moving the result keywords to the new end.
    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let old = self.buf.len();
        let room = (2 * old).max(64);
        self.buf.resize(room, Key::default());
        self.buf.copy_within(self.back..old, self.back + room - old);
        self.back += room - old;
    }

    /// The keywords of kind [`KEY_SPORT`], in order.
    fn sports(&self) -> &[Key] {
        &self.buf[..self.front]
    }

    /// The keywords of kind [`KEY_RESULT`], in order.
    fn results(&self) -> impl ExactSizeIterator<Item = &Key> + '_ {
        self.buf[self.back..].iter().rev()
    }
}

/// What [`scan_keywords`] finds (see [`Keywords`]).
struct Found<'k> {
    keys: TableKeys,
    marks: &'k mut KindStarts,
    roles: Vec<usize>,
    he: Vec<usize>,
    seeds: Vec<usize>,
}

/// The words that [`keyword_kinds`] may accept whole, in lower case: a word is worth asking it about when it is
/// one of these in any case (words of more than eight bytes: when its first eight bytes and length are those of
/// one of these), or when it starts with one of [`KEY_PREFIXES`]. The table tells the kinds of most of them
/// ([`settle`]).
const KEY_EXACT: [&[u8]; 43] = [
    b"round",
    b"ranked",
    b"roland",
    b"last",
    b"group",
    b"games",
    b"bronze",
    b"place",
    b"final",
    b"finals",
    b"from",
    b"queen",
    b"slam",
    b"world",
    b"wells",
    b"wta",
    b"wimbledon",
    b"career",
    b"crown",
    b"crowned",
    b"championship",
    b"championships",
    b"cup",
    b"classic",
    b"challenger",
    b"ex",
    b"to",
    b"title",
    b"trophy",
    b"tournament",
    b"open",
    b"olympic",
    b"olympics",
    b"major",
    b"masters",
    b"walkover",
    b"walk",
    b"atp",
    b"itf",
    b"international",
    // Also prefixes: listed whole too, so that the test words cover them.
    b"number",
    b"former",
    b"quarter",
];

/// The starts (lower case) of the words that [`keyword_kinds`] reads by their start ("No1", "numberone",
/// "semifinal", "formerly", "quarterfinal"): every word of up to [`SCAN_MAX`] bytes that starts with one of
/// these in any case is asked about (or told by its table slot, see [`settle`]). No two share a [`prefix_slot`].
const KEY_PREFIXES: [&[u8]; 5] = [b"no", b"number", b"semi", b"former", b"quarter"];

/// The longest word that the scan looks at: [`keyword_kinds`] knows none longer (and the table words are
/// shorter; the scan has never looked a longer word up).
const SCAN_MAX: usize = 13;

/// The slot of [`PREFIXES`] for a word with [`word_key`] `key`: five bits of its first two bytes.
#[inline(always)]
const fn prefix_slot(key: u64) -> usize {
    ((key ^ key >> 8) & 31) as usize
}

/// `PREFIXES[prefix_slot(k)]`: `(mask, start)` such that a word's [`word_key`] `k` starts with the one
/// [`KEY_PREFIXES`] word of that slot when `k & mask == start` (a start that no key equals for the other
/// slots).
const PREFIXES: [(u64, u64); 32] = {
    let mut t = [(0, u64::MAX); 32];
    let mut i = 0;
    while i < KEY_PREFIXES.len() {
        let w = KEY_PREFIXES[i];
        let slot = prefix_slot(key8(w));
        assert!(t[slot].1 == u64::MAX, "one prefix per slot");
        // (Not the bits of a [`tagged`] key's length.)
        t[slot] = (low(u64::MAX, w.len()) & !TAG_BITS, key8(w));
        i += 1;
    }
    t
};

/// The index into [`WordTable`]'s `filter` of the word whose first eight bytes (as written, or its [`word_key`])
/// are `raw`: a hash of the low five bits of its first three bytes (lower case sets bit 5 only, so the bytes as
/// written give the same index). For a word of one or two bytes the bytes after it are whatever follows it (the
/// table marks such words under every value of those bytes).
#[inline(always)]
const fn filter_index(raw: u64) -> usize {
    filter_hash(raw as u32 & FILTER_MASK)
}

/// The bits of a word's first three bytes that [`filter_index`] reads: the low five of each.
const FILTER_MASK: u32 = 0x1f_1f1f;

/// [`filter_index`] of the bytes `masked` (a word's first four bytes ANDed with [`FILTER_MASK`]).
#[inline(always)]
const fn filter_hash(masked: u32) -> usize {
    // A 32-bit product: its multiplier fits in the instruction.
    (masked.wrapping_mul(0x9e37_79b9) >> (32 - FILTER_BITS)) as usize
}

/// The bits of [`filter_index`]: a filter of 32 KB. With 13 bits (16 KB) nearly twice as many words pass it
/// that the table does not hold (BBC tennis: 8% of the words against 4%), each a table look-up and often a
/// mispredicted branch; the bigger filter costs 2-3% more L1 read misses in a cache simulation.
const FILTER_BITS: u32 = 14;

/// The words of [`KEY_EXACT`] whose kinds [`keyword_kinds`] tells from their letters alone, in any case and
/// whatever follows (its test shows it): the table holds their kinds, and the scan need not ask.
const KEY_FREE: [&[u8]; 12] = [
    b"round",
    b"ranked",
    b"last",
    b"group",
    b"bronze",
    b"place",
    b"final",
    b"world",
    b"career",
    b"ex",
    b"walkover",
    b"walk",
];

/// A word of [`WordTable`], as its build and the tests see it: its key and the rest of its slot.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The word's [`word_key`], [`tagged`] with its length.
    key: u64,
    info: Info,
}

/// What [`WordTable`] holds of a [`Slot`] besides its key: eight bytes, so that one index addresses the slot's
/// key in `keys` and the rest in `info` with a scale of eight, where a slot of 16 bytes took a `shl` of the
/// index for every look-up. `len == 0` marks a free slot.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    len: u8,
    /// [`KEY_SPORT`] and [`KEY_RESULT`].
    kinds: u8,
    /// [`SLOT_ASK`]: whether [`keyword_kinds`] must be asked about the word (one of [`KEY_EXACT`], or a word
    /// that starts with one of [`KEY_PREFIXES`], of more than eight bytes: others share its slot);
    /// [`SLOT_SEED`]: whether it is a word of [`seed::each_seed_word`] ("seed", "seeded"); [`SLOT_CASE`]
    /// and [`SLOT_FOLLOW`]: how the scan tells its kinds without asking. With [`SLOT_CASE`], the top four bits
    /// are the kinds of the capitalised word ("Open").
    flags: u8,
    /// The kinds that [`keyword_kinds`] gives the word in any case and any context (one of [`KEY_FREE`]), or
    /// with [`SLOT_CASE`] in lower case; and [`KEY_ROLE`] for the first run of a role word. In [`WordTable`]'s
    /// slots `kinds` too (they have no bit in common), so that [`look`] reads all the kinds of a table word by
    /// one load, where `kinds | free` took a 16-bit load with `flags`, a copy, a shift and an `or`.
    free: u8,
    group: u16,
    cue: u16,
}
const _: () = assert!(std::mem::size_of::<Info>() == 8);

/// A flag of [`Info`]: ask [`keyword_kinds`].
const SLOT_ASK: u8 = 1;
/// A flag of [`Info`]: a seed word, which [`look`] tests for its "seed" ([`push_seed`]) as it tests the words
/// that the table does not hold.
const SLOT_SEED: u8 = 2;
/// A flag of [`Info`]: a word of eight bytes or fewer that [`keyword_kinds`] would be asked about, whose kinds
/// depend on its case alone ("Open", "title", "Slam", "not"): `free` holds those of the word in lower
/// case, the top four bits of `flags` those of the capitalised word; [`keyword_kinds`] is asked about the
/// other forms ("OPEN", "oPen").
const SLOT_CASE: u8 = 4;
/// A flag of [`Info`]: "to", "from" and "number" ([`FOLLOW_WORDS`]), in any case, are ranking keywords when a
/// number may follow them ([`number_may_follow`]; "the top" too after "to"), and have no other kinds.
const SLOT_FOLLOW: u8 = 8;
/// The kinds that [`SLOT_CASE`] words may have (the top four bits of `flags` hold those of the capitalised word).
const CASE_KINDS: u8 = KEY_ROUND | KEY_RANKING | KEY_TITLE | KEY_TOURNAMENT;
const _: () = assert!(CASE_KINDS == 0x0f);
/// The flags of [`Info`] that send the scan to [`told_kinds`].
const SLOT_TOLD: u8 = SLOT_ASK | SLOT_CASE | SLOT_FOLLOW;
/// The words of [`SLOT_FOLLOW`].
const FOLLOW_WORDS: [&[u8]; 3] = [b"to", b"from", b"number"];
// [`no_number_after`] reads the two bytes after a follow word from its first eight.
const _: () = {
    let mut i = 0;
    while i < FOLLOW_WORDS.len() {
        assert!(FOLLOW_WORDS[i].len() <= 6);
        i += 1;
    }
};

const TABLE_BITS: u32 = 10;
/// The bits of a bucket's displacement ([`WordTable`]'s `shifts`): fewer than [`TABLE_BITS`], so that a
/// displacement moves a word within the quarter of the table that its [`slot_base`] picks.
const SHIFT_BITS: u32 = 8;
const SLOTS: usize = 1 << TABLE_BITS;
const BUCKET_BITS: u32 = 8;
const BUCKETS: usize = 1 << BUCKET_BITS;
/// The size of [`WordTable`]'s `filter`: every [`filter_index`].
const FILTER_SIZE: usize = 1 << FILTER_BITS;

/// The word table of the shared scan: the words (in lower case) that may start a sport vocabulary match or a
/// result cue, and the words of [`KEY_EXACT`], keyed by their first eight bytes and their length (longer words
/// that share both share an entry: the recognisers look closer).
///
/// A perfect hash: every word has a slot of its own, so a look-up is one hash, one load of the bucket's
/// displacement, one load of the slot's key and one compare; no probing. The displacements are searched for
/// when the table is built ("hash and displace").
pub(crate) struct WordTable {
    /// The slots' keys ([`Slot::key`]; zero for a free slot).
    keys: [u64; SLOTS],
    /// The rest of the slots ([`Slot::info`]).
    info: [Info; SLOTS],
    /// Per bucket (the top bits of the hash), what the slot bits of its words ([`slot_base`]) are XORed with:
    /// eight bits, so that the XOR of ten bits with them is a slot with no mask and no bounds check.
    shifts: [u8; BUCKETS],
    /// `pairs[filter_index(raw)]`, bit `n`: whether some word of the table has length `n` and the [`filter_index`]
    /// of `raw`, a hash of the low five bits of its first three bytes (every length from its own on for the
    /// starts of [`KEY_PREFIXES`]; any bytes past the end of a word of one or two bytes). A cheap filter before
    /// the table's own hash, on the bytes as written: most ordinary words fail it (on the BBC tennis articles
    /// 72% of the words, and 4% pass it that are not in the table; with 13 bits 69% and 8%, with the first two
    /// bytes alone 58% and 19%).
    /// Bit 0 is [`PREFIX_FILTER`], bits 14 and 15 [`SEED_FILTER`] and [`HE_FILTER`].
    filter: [u16; FILTER_SIZE],
    /// [`FILTER_MASK`], read from memory by the scan: as a constant, LLVM folds the four-byte load of a word's
    /// head into the `and` and then unfolds it again, which leaves a `mov` of the constant into a register for
    /// every word; read from here, the `and` takes it from memory (one instruction fewer per word).
    filter_mask: u32,
    /// [`lane_consts`] for each lane of a block, read from memory by [`block_scan_bits`] for the same reason: as
    /// constants, LLVM loads them into six registers for each block (the word loop's calls take every vector
    /// register), six instructions a block; read from here, each lane's from a copy of its own, every compare
    /// and add takes its constant from memory, with no load of its own.
    lanes: Lanes,
    /// [`MUL`], read from memory by [`WordTable::slot_index`] for the same reason: as a constant it takes a
    /// `movabs` into a register for every look-up (no multiply takes a 64-bit immediate); read from here, the
    /// `imul` takes it from memory.
    mul: u64,
    /// [`KEY_ORS`] and [`KEY_MASKS`], read by [`look`] at the table's address, which the word loop keeps in a
    /// register (or forms anyway for the `filter`): in a static of their own, a `lea` of its address (in
    /// position-independent code) for every word that passes the filter.
    forms: KeyForms,
    /// The number of entries that hold [`KEY_SPORT`].
    pub groups: usize,
    /// The number of entries that hold [`KEY_RESULT`].
    pub cues: usize,
}

/// What the [`WORD_TABLE`] says of a word: its kinds, its sport group and its result cue entry (see
/// [`WordTable`]; the numbers mean something only with the kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Entry {
    pub kinds: u8,
    pub group: u16,
    pub cue: u16,
}

/// A keyword found by the shared scan: the word `start..end` (a maximal run of ASCII letters and digits), its
/// kinds, and what the [`WORD_TABLE`] said of it, so that the recognisers need not look it up again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Key {
    pub start: usize,
    pub end: usize,
    pub kinds: u8,
    pub group: u16,
    pub cue: u16,
}

/// The multiplier of [`table_hash`] (the table's test shows that the displacements fit). An odd number drawn at
/// random (splitmix64): about half fit with the 8-bit displacements of [`slot_base`]'s bits 22..31 (the
/// former `0xad76_0caf_a169_7b61`, drawn for bits 32..41 and 10-bit displacements, does not); the golden
/// ratio's `0x9e37_79b9_7f4a_7c15` did not since the hash takes the tagged key alone.
const MUL: u64 = 0x417c_b9a8_26d8_31df;

/// The hash of the word with [`tagged`] key `key`: the top [`BUCKET_BITS`] pick the bucket, bits 22..31 the
/// slot (before the bucket's displacement, see [`slot_base`]). The tagged key tells the word's length already,
/// so the hash takes the key alone (one `xor` of the length fewer per look-up). `mul` is [`MUL`]: the table's
/// build passes the constant, the look-ups the table's copy of it ([`WordTable::mul`]).
#[inline]
fn table_hash(key: u64, mul: u64) -> u64 {
    key.wrapping_mul(mul)
}

/// The slot of the word with [`table_hash`] `h` before its bucket's displacement: bits 22..31 of the hash, one
/// shift of its low half (the top [`TABLE_BITS`] of a 32-bit value need no mask, where bits 32..41 took an
/// `and`). They depend on the key's first four bytes alone: the words that share those (and their tag's low
/// bits) share a base, and [`MUL`] is one that puts them in buckets of their own.
#[inline(always)]
fn slot_base(h: u64) -> usize {
    (h as u32 >> (32 - TABLE_BITS)) as usize
}

impl WordTable {
    /// The slot where the word with key `key` (its [`word_key`] [`tagged`] with its length) would be: its key
    /// and the rest.
    #[inline]
    fn slot(&self, key: u64) -> (u64, &Info) {
        let i = self.slot_index(key);
        (self.keys[i], &self.info[i])
    }

    /// The table's slots that hold a word, whole.
    #[cfg(test)]
    fn words(&self) -> Vec<Slot> {
        (0..SLOTS)
            .filter(|&i| self.info[i].len != 0)
            .map(|i| Slot {
                key: self.keys[i],
                info: self.info[i],
            })
            .collect()
    }

    /// The index of [`WordTable::slot`].
    #[inline]
    fn slot_index(&self, key: u64) -> usize {
        let h = table_hash(key, self.mul);
        let shift = self.shifts[(h >> (64 - BUCKET_BITS)) as usize];
        slot_base(h) ^ usize::from(shift)
    }

    /// The entry of the word with lower-case key `key` (see [`word_key`]) and length `n` (none for the words of
    /// [`KEY_EXACT`] that are neither sport nor result words).
    #[inline]
    pub fn get(&self, key: u64, n: usize) -> Option<Entry> {
        let key = tagged(key, n);
        let (at, s) = self.slot(key);
        (at == key && s.kinds != 0).then_some(Entry {
            kinds: s.kinds,
            group: s.group,
            cue: s.cue,
        })
    }

    /// Sets `bits` in the `filter` entries of the words that start with the `n` bytes of `key`: under every value
    /// of the bytes after them when `n` is less than three (the scan reads three bytes of every word).
    fn mark(&mut self, key: u64, n: usize, bits: u16) {
        let free = 3usize.saturating_sub(n);
        for past in 0..1u64 << (5 * free) {
            // The values of the bytes past the word, five bits each (none from three bytes on).
            let spread = (past & 31) | (past >> 5 & 31) << 8;
            let after = if free > 0 { spread << (8 * n) } else { 0 };
            self.filter[filter_index(key | after)] |= bits;
        }
    }

    /// The table of `words` (each distinct), or `None` when some bucket has no displacement that gives its
    /// words free slots.
    fn build(words: &[Slot], mul: u64) -> Option<WordTable> {
        // The slots hold the keys [`tagged`] with their words' lengths (the words' first eight bytes are ASCII).
        assert!(words.iter().all(|w| w.key & TAG_BITS == 0));
        let words: &[Slot] = &words
            .iter()
            .map(|w| Slot {
                key: tagged(w.key, usize::from(w.info.len)),
                ..*w
            })
            .collect::<Vec<Slot>>();
        let mut buckets = vec![Vec::new(); BUCKETS];
        for (i, w) in words.iter().enumerate() {
            let h = table_hash(w.key, mul);
            buckets[(h >> (64 - BUCKET_BITS)) as usize].push(i);
        }
        // The fullest buckets first, while most slots are free.
        let mut order: Vec<usize> = (0..BUCKETS).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(buckets[i].len()));
        let mut t = WordTable {
            keys: [0; SLOTS],
            info: [Info::default(); SLOTS],
            shifts: [0; BUCKETS],
            filter: [0; FILTER_SIZE],
            filter_mask: FILTER_MASK,
            #[cfg(target_feature = "sse2")]
            lanes: [lane_consts(); 4],
            #[cfg(not(target_feature = "sse2"))]
            lanes: (),
            mul,
            forms: KeyForms {
                ors: KEY_ORS,
                masks: KEY_MASKS,
            },
            groups: 0,
            cues: 0,
        };
        for bucket in order {
            let members = &buckets[bucket];
            if members.is_empty() {
                break;
            }
            let base = |i: usize| slot_base(table_hash(words[i].key, mul));
            let shift = (0..1 << SHIFT_BITS).find(|&d| {
                let at: Vec<usize> = members.iter().map(|&i| base(i) ^ d).collect();
                at.iter()
                    .enumerate()
                    .all(|(j, &a)| t.info[a].len == 0 && !at[..j].contains(&a))
            })?;
            t.shifts[bucket] = shift as u8;
            for &i in members {
                let info = words[i].info;
                t.keys[base(i) ^ shift] = words[i].key;
                // (In the table `free` holds `kinds` too: see [`Info`].)
                t.info[base(i) ^ shift] = Info {
                    free: info.free | info.kinds,
                    ..info
                };
            }
        }
        for w in words.iter().filter(|w| usize::from(w.info.len) <= SCAN_MAX) {
            t.mark(w.key, usize::from(w.info.len), 1 << w.info.len);
        }
        // Every length a word that starts with a prefix may have: from the prefix's own on (a shorter word's key
        // has zeros where the prefix has letters, so [`look`] would never ask about it: "for", "set", "now").
        for w in KEY_PREFIXES {
            let lengths = ((1u32 << (SCAN_MAX + 1)) - (1 << w.len())) as u16;
            t.mark(key8(w), w.len(), lengths | PREFIX_FILTER);
        }
        for w in HE_WORDS {
            t.mark(key8(w), w.len(), 1 << w.len() | HE_FILTER);
        }
        seed::each_seed_word(|w| {
            let n = w.len();
            assert!((3..=SEED_MAX).contains(&n));
            if n <= SCAN_MAX {
                let key = word_key(w, 0, n);
                t.mark(key, n, 1 << n | SEED_FILTER);
                let key = tagged(key, n);
                let i = t.slot_index(key);
                if t.keys[i] == key {
                    t.info[i].flags |= SLOT_SEED;
                }
            }
        });
        Some(t)
    }
}

/// The words that start sport vocabulary matches and result cues, and the words of [`KEY_EXACT`] (see
/// [`WordTable`]).
pub(crate) static WORD_TABLE: once_cell::sync::Lazy<WordTable> = once_cell::sync::Lazy::new(|| {
    let (words, groups, cues) = table_words();
    let mut t = WordTable::build(&words, MUL).expect("a displacement for every bucket");
    t.groups = usize::from(groups);
    t.cues = usize::from(cues);
    t
});

/// The words of [`WORD_TABLE`] (their keys untagged), and its numbers of sport groups and result cues.
fn table_words() -> (Vec<Slot>, u16, u16) {
    let mut words: Vec<Slot> = Vec::new();
    let mut index: FxHashMap<(u64, usize), usize> = FxHashMap::default();
    let (mut groups, mut cues) = (0u16, 0u16);
    let sport = sport::first_runs().into_iter().map(|w| (w, KEY_SPORT));
    let result = result::first_words().into_iter().map(|w| (w, KEY_RESULT));
    let exact = KEY_EXACT.iter().map(|w| (w.to_vec(), 0));
    let roles = role_runs().map(|w| (w.to_vec(), KEY_ROLE));
    for (w, kind) in sport.chain(result).chain(exact).chain(roles) {
        let n = w.len();
        assert!((1..=255).contains(&n));
        let key = word_key(&w, 0, n);
        let i = *index.entry((key, n)).or_insert_with(|| {
            words.push(Slot {
                key,
                info: Info {
                    len: n as u8,
                    ..Info::default()
                },
            });
            words.len() - 1
        });
        let slot = &mut words[i].info;
        if kind == KEY_ROLE {
            slot.free |= KEY_ROLE;
            continue;
        }
        if kind == KEY_SPORT && slot.kinds & KEY_SPORT == 0 {
            slot.group = groups;
            groups += 1;
        }
        if kind == KEY_RESULT && slot.kinds & KEY_RESULT == 0 {
            slot.cue = cues;
            cues += 1;
        }
        slot.kinds |= kind;
    }
    for slot in &mut words {
        // [`TableKeys`] holds a key in the list of its one table kind (a word of both would need a branch).
        assert_ne!(slot.info.kinds & TABLE_KINDS, TABLE_KINDS, "{slot:?}");
        settle(slot);
    }
    for w in HE_WORDS {
        assert!(!index.contains_key(&(word_key(w, 0, w.len()), w.len())));
    }
    assert!(words.len() * 2 <= SLOTS);
    (words, groups, cues)
}

/// Sets how the scan tells the kinds of `slot`'s word when [`keyword_kinds`] may give it some: a word of
/// [`KEY_EXACT`] or one that starts with one of [`KEY_PREFIXES`] (the scan tests [`PREFIXES`] only on the
/// words that the table does not hold).
fn settle(slot: &mut Slot) {
    let n = usize::from(slot.info.len);
    let key = slot.key;
    let exact = KEY_EXACT
        .iter()
        .any(|w| w.len() == n && word_key(w, 0, n) == key);
    let prefixed = KEY_PREFIXES
        .iter()
        .any(|p| n >= p.len() && low(key, p.len()) == key8(p));
    if !(exact || prefixed) || n > SCAN_MAX {
        return;
    }
    if n > 8 {
        // Other words share its slot: ask.
        slot.info.flags |= SLOT_ASK;
        return;
    }
    let w = &key.to_le_bytes()[..n];
    if KEY_FREE.contains(&w) {
        // ([`look`] makes no prefix test for the words that the table holds, but when their flags send it to
        // [`told_kinds`]: a word of [`KEY_FREE`], which has no such flag, must start with no prefix.)
        assert!(!prefixed, "{w:?}");
        slot.info.free |= keyword_kinds(w, 0, n);
    } else if FOLLOW_WORDS.contains(&w) {
        slot.info.flags |= SLOT_FOLLOW;
    } else {
        let lower = keyword_kinds(w, 0, n);
        let mut up = w.to_vec();
        up[0].make_ascii_uppercase();
        let cap = keyword_kinds(&up, 0, n);
        assert_eq!((lower | cap) & !CASE_KINDS, 0, "{w:?}");
        slot.info.free |= lower;
        slot.info.flags |= SLOT_CASE | cap << 4;
    }
}

/// The first runs of ASCII letters and digits of the role words of the player resolver, in lower case.
fn role_runs() -> impl Iterator<Item = &'static [u8]> {
    crate::resolve::ROLES.iter().map(|r| {
        let r = r.as_bytes();
        &r[..first_run(r)]
    })
}

/// `KEY_MASKS[n]`: the mask of the low `n` bytes of a key (all eight for `n >= 8`).
const KEY_MASKS: [u64; SCAN_MAX + 1] = {
    let mut t = [0; SCAN_MAX + 1];
    let mut n = 0;
    while n <= SCAN_MAX {
        t[n] = low(u64::MAX, n);
        n += 1;
    }
    t
};

/// [`KEY_ORS`] and [`KEY_MASKS`] together, as the scan reads them from its table ([`WordTable`]'s `forms`): a
/// word's key needs both.
struct KeyForms {
    ors: [u64; SEED_MAX + 1],
    masks: [u64; SCAN_MAX + 1],
}

/// The bits of a key that [`tagged`] may set: bit 7 of each byte, which no key of ASCII letters and digits has.
const TAG_BITS: u64 = splat(0x80);

/// The key `key` of a word of ASCII letters and digits ([`word_key`]) and its length `n`, told apart by the key
/// alone: for `n > 8` (where the key is the first eight bytes of longer words) bit `i` of `n` goes to bit 7 of
/// byte `i`; a key of `n <= 8` bytes has its length in its zero bytes (a letter or digit is no zero byte, in
/// lower case either). So the [`WordTable`] slots hold tagged keys, and [`look`] compares a word with its slot
/// by one compare of keys, not keys and lengths.
const fn tagged(key: u64, n: usize) -> u64 {
    if n <= 8 {
        return key;
    }
    assert!(n < 256);
    let mut tag = 0;
    let mut i = 0;
    while i < 8 {
        tag |= ((n as u64 >> i) & 1) << (8 * i + 7);
        i += 1;
    }
    key | tag
}

/// `KEY_ORS[n]`: what the first eight bytes of a word of `n` ASCII letters and digits are ORed with for its
/// [`tagged`] key (with [`KEY_MASKS`] for `n < 8`): the case bit and the tag of `n`.
const KEY_ORS: [u64; SEED_MAX + 1] = {
    let mut t = [0; SEED_MAX + 1];
    let mut n = 0;
    while n <= SEED_MAX {
        t[n] = tagged(splat(0x20), n);
        n += 1;
    }
    t
};

/// The first eight bytes of the word `b[s..s + n]` (letters and digits), in lower case, zero past its end.
#[inline]
pub(crate) fn word_key(b: &[u8], s: usize, n: usize) -> u64 {
    let k = match b.get(s..s + 8) {
        Some(eight) => low(
            u64::from_le_bytes(eight.try_into().expect("eight bytes")),
            n,
        ),
        None => key8(&b[s..s + n]),
    };
    k | low(splat(0x20), n.min(8))
}

/// Bit `k` of the result: whether `block[k]` is an ASCII letter or digit (as [`WORD`] tells). The range tests
/// are signed compares, one instruction each: `x` is in `lo..lo + len` when `x - lo + 0x80` (as `i8`) is less
/// than `len - 0x80`. With SSE2 (every x86-64), sixteen bytes per compare and one `pmovmskb` per sixteen
/// ([`crate::blocks::sse2_mask`]); elsewhere [`portable_word_bits`]. (The scan takes it with a second mask,
/// [`block_scan_bits`]; this one is the tests' reference.)
#[cfg(test)]
#[inline(always)]
fn block_word_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        crate::blocks::sse2_mask(block, sse2_alnum)
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_word_bits(block)
}

/// 0xFF in each byte of `v` that is an ASCII letter or digit, 0 in the others: the test of
/// [`block_word_bits`] on sixteen bytes (two signed compares, see there), shared with the round recogniser's
/// word bytes.
#[cfg(target_feature = "sse2")]
#[inline(always)]
pub(crate) fn sse2_alnum(v: safe_arch::m128i) -> safe_arch::m128i {
    sse2_alnum_and_d(v).0
}

/// The letter test's sum of each byte of `v`: `v | 0x20` less `b'a'`, plus 0x80 (a letter's is below
/// `26 - 0x80` as a signed byte), shared by [`sse2_alnum_and_d`] and [`sse2_word_and_d_signs`].
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn sse2_letter_sum(v: safe_arch::m128i) -> safe_arch::m128i {
    use safe_arch::*;
    add_i8_m128i(
        bitor_m128i(v, set_splat_i8_m128i(0x20)),
        set_splat_i8_m128i((0x80 - i32::from(b'a')) as i8),
    )
}

/// [`sse2_alnum`], and 0xFF in each byte of `v` that is [`ONE_BYTE_KEY`] in either case: one more compare, on the
/// letter test's sum (`v | 0x20` less `b'a'`, plus 0x80).
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn sse2_alnum_and_d(v: safe_arch::m128i) -> (safe_arch::m128i, safe_arch::m128i) {
    use safe_arch::*;
    let splat = set_splat_i8_m128i;
    let sum = sse2_letter_sum(v);
    let letter = cmp_gt_mask_i8_m128i(splat((26i32 - 0x80) as i8), sum);
    let digit = cmp_gt_mask_i8_m128i(
        splat((10i32 - 0x80) as i8),
        add_i8_m128i(v, splat((0x80 - i32::from(b'0')) as i8)),
    );
    let d = cmp_eq_mask_i8_m128i(sum, splat((0x80 + i32::from(ONE_BYTE_KEY - b'a')) as i8));
    (bitor_m128i(letter, digit), d)
}

/// [`sse2_alnum_and_d`] as [`block_scan_bits`] wants it, in bit 7 of each byte only (the bit that `pmovmskb`
/// reads): of the first vector, whether the byte of `v` is an ASCII letter or digit; of the second, whether it
/// is [`ONE_BYTE_KEY`] in either case (a whole 0xFF or 0). Each range test is a wrapping add that moves the
/// range to the bottom of the signed bytes and a saturating add that moves it to just below zero, the rest to
/// zero or above: no compare, no copy of the letter sum to keep it for the "d" compare (which reads the letter
/// test's result, equal to its constant for "d" alone), and the two results meet in one `por`: eleven
/// instructions per sixteen bytes, where full masks by `pcmpgtb` took twelve and a `not` of the block's mask.
/// The six constants come in `c` ([`lane_consts`]): the scan reads them from its table, see [`WordTable`]'s
/// `lanes`.
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn sse2_word_and_d_signs(
    v: safe_arch::m128i,
    c: &[safe_arch::m128i; 6],
) -> (safe_arch::m128i, safe_arch::m128i) {
    use safe_arch::*;
    // A letter's sum is in -128..=-103 (as `sse2_letter_sum`), the others' in -102..=127; plus 102 with
    // saturation: -26..=-1 for a letter, 0..=127 for the others.
    let letter = add_saturating_i8_m128i(add_i8_m128i(bitor_m128i(v, c[0]), c[1]), c[3]);
    // A digit's sum is in -128..=-119, the others' in -118..=127; plus 118: -10..=-1 and 0..=127.
    let digit = add_saturating_i8_m128i(add_i8_m128i(v, c[2]), c[4]);
    let d = cmp_eq_mask_i8_m128i(letter, c[5]);
    (bitor_m128i(letter, digit), d)
}

/// The constants of [`sse2_word_and_d_signs`], in the order it reads them: the case bit (`0x20`), what the
/// letter test's sum adds (`0x80 - b'a'`, see [`sse2_letter_sum`]), what the digit test adds (`0x80 - b'0'`),
/// what each test's saturating add adds (`102 = 0x80 - 26`, `118 = 0x80 - 10`), and the letter test's result
/// for [`ONE_BYTE_KEY`].
#[cfg(target_feature = "sse2")]
fn lane_consts() -> [safe_arch::m128i; 6] {
    [
        0x20,
        0x80 - i32::from(b'a'),
        0x80 - i32::from(b'0'),
        0x80 - 26,
        0x80 - 10,
        i32::from(ONE_BYTE_KEY - b'a') - 26,
    ]
    .map(|c| safe_arch::set_splat_i8_m128i(c as i8))
}

/// What [`block_scan_bits`] reads its constants from: with SSE2 those of [`lane_consts`] once for each of the
/// four sixteen-byte lanes of a block (see [`WordTable`]'s `lanes`).
#[cfg(target_feature = "sse2")]
type Lanes = [[safe_arch::m128i; 6]; 4];
#[cfg(not(target_feature = "sse2"))]
type Lanes = ();

/// The one word of one byte that the table holds (in lower case): the "d" of "Davenport d. Zheng", a result
/// cue. The scan skips the other words of one byte without a look at the filter ([`Scan::block`]); its test
/// checks that no other has a slot or a `filter` bit.
const ONE_BYTE_KEY: u8 = b'd';

/// The bits of a block for [`Scan::block`]: [`block_word_bits`], and bit `k` set when `block[k]` is
/// [`ONE_BYTE_KEY`] in either case. With SSE2 one compare and one `pmovmskb` more per sixteen bytes, each
/// lane's constants read from its own copy in `lanes` (see [`WordTable`]'s `lanes`).
#[inline(always)]
fn block_scan_bits(block: &[u8; 64], lanes: &Lanes) -> (u64, u64) {
    #[cfg(target_feature = "sse2")]
    {
        lane_scan_bits(block_lanes(block), lanes)
    }
    #[cfg(not(target_feature = "sse2"))]
    {
        let () = *lanes;
        (portable_word_bits(block), portable_d_bits(block))
    }
}

/// The four sixteen-byte lanes of `block`.
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn block_lanes(block: &[u8; 64]) -> [safe_arch::m128i; 4] {
    std::array::from_fn(|i| {
        let lane: [u8; 16] = block[16 * i..16 * i + 16]
            .try_into()
            .expect("sixteen bytes");
        safe_arch::m128i::from(lane)
    })
}

/// [`block_scan_bits`] of the block whose lanes are `v` ([`block_lanes`]).
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn lane_scan_bits(v: [safe_arch::m128i; 4], lanes: &Lanes) -> (u64, u64) {
    use safe_arch::*;
    // (Bit 7 of each byte, which is all that `pmovmskb` reads: see [`sse2_word_and_d_signs`].)
    (0..4).fold((0, 0), |(word, d), i| {
        let (w, one) = sse2_word_and_d_signs(v[i], &lanes[i]);
        (
            word | u64::from(move_mask_i8_m128i(w) as u16) << (16 * i),
            d | u64::from(move_mask_i8_m128i(one) as u16) << (16 * i),
        )
    })
}

/// The second mask of [`block_scan_bits`] byte by byte.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_d_bits(block: &[u8; 64]) -> u64 {
    (0..64).fold(0, |bits, k| {
        bits | u64::from(block[k] | 0x20 == ONE_BYTE_KEY) << k
    })
}

/// [`block_word_bits`] without vector instructions: byte by byte into an array of flags, which the compiler
/// turns into a few vector instructions of its own: the flag of byte `8 * r + j` is bit `r` of a byte (zero for
/// no word byte). ORing the eight rows of eight flags gives a number whose byte `j` holds bit `r` for byte
/// `8 * r + j` of the block; an 8x8 bit transpose ([`transpose8`]) puts that bit at `8 * r + j`.
#[cfg(any(test, not(target_feature = "sse2")))]
#[inline(always)]
fn portable_word_bits(block: &[u8; 64]) -> u64 {
    let flags: [u8; 64] = std::array::from_fn(|i| {
        let c = block[i];
        let letter = ((c | 0x20).wrapping_add(0x80 - b'a') as i8) < (26 - 0x80) as i8;
        let digit = (c.wrapping_add(0x80 - b'0') as i8) < (10 - 0x80) as i8;
        u8::from(letter | digit) << (i / 8)
    });
    let rows = flags.chunks_exact(8).fold(0, |rows, row| {
        rows | u64::from_le_bytes(row.try_into().expect("eight bytes"))
    });
    transpose8(rows)
}

/// The 8x8 bit matrix `x` (bit `j` of byte `i`) transposed: bit `8 * i + j` goes to `8 * j + i`. Three swaps of
/// blocks of bits across the diagonal: single bits, then 2x2 blocks, then 4x4 blocks (Hacker's Delight 7-3).
#[cfg(any(test, not(target_feature = "sse2")))]
#[inline(always)]
pub(crate) const fn transpose8(mut x: u64) -> u64 {
    let t = (x ^ (x >> 7)) & 0x00aa_00aa_00aa_00aa;
    x ^= t ^ (t << 7);
    let t = (x ^ (x >> 14)) & 0x0000_cccc_0000_cccc;
    x ^= t ^ (t << 14);
    let t = (x ^ (x >> 28)) & 0x0000_0000_f0f0_f0f0;
    x ^ t ^ (t << 28)
}

/// [`block_scan_bits`] of the 64 bytes `b[at..at + 64]` (`block`); and, while `probe` is not zero (no
/// character that folds to an ASCII letter, "ſ" or the Kelvin sign, found yet), whether one ends in the block:
/// then `probe` becomes zero. The first test, for a byte of 0x80 or more, is on the lanes that the word bits
/// read (one load of each), and ANDed with `probe` it is the only branch: no test of a flag of its own.
#[inline(always)]
fn block_bits(b: &[u8], at: usize, block: &[u8; 64], probe: &mut u32, lanes: &Lanes) -> (u64, u64) {
    #[cfg(target_feature = "sse2")]
    let (high, bits) = {
        use safe_arch::*;
        let v = block_lanes(block);
        let high = move_mask_i8_m128i(bitor_m128i(
            bitor_m128i(v[0], v[1]),
            bitor_m128i(v[2], v[3]),
        ));
        (high as u32, lane_scan_bits(v, lanes))
    };
    #[cfg(not(target_feature = "sse2"))]
    let (high, bits) = (
        u32::from(block.iter().fold(0, |high, &c| high | c) >= 0x80),
        block_scan_bits(block, lanes),
    );
    if high & *probe != 0 && block_folds(b, at, block) {
        *probe = 0;
    }
    bits
}

/// Whether "ſ" (C5 BF) or the Kelvin sign (E2 84 AA) ends in the 64 bytes `b[at..at + 64]` (`block`; or
/// starts in the two bytes before them, or in them). The test is for their last bytes, BF and AA: their
/// first, C5 and E2, start "ř", "š", "ž" of Czech names and the curly quotes, where BF and AA end only rarer
/// characters (on the generated articles half the blocks hold a byte of 0x80 or more, one in twelve a C5,
/// none a BF or an AA). With SSE2 two compares per sixteen bytes and one `pmovmskb`; [`folds_near`] only when
/// they find one.
#[inline(always)]
fn block_folds(b: &[u8], at: usize, block: &[u8; 64]) -> bool {
    #[cfg(target_feature = "sse2")]
    let last = {
        use safe_arch::*;
        let ends = block_lanes(block)
            .into_iter()
            .fold(m128i::default(), |ends, v| {
                let bf = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(0xbfu8 as i8));
                let aa = cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(0xaau8 as i8));
                bitor_m128i(ends, bitor_m128i(bf, aa))
            });
        move_mask_i8_m128i(ends) != 0
    };
    #[cfg(not(target_feature = "sse2"))]
    let last = block.iter().any(|&c| c == 0xbf || c == 0xaa);
    last && folds_near(b, at)
}

/// Whether "ſ" or the Kelvin sign starts in `b[at - 2..at + 64]` (within `b`): each one whose last byte is
/// in `b[at..at + 64]` starts there.
#[cold]
#[inline(never)]
fn folds_near(b: &[u8], at: usize) -> bool {
    (at.saturating_sub(2)..(at + 64).min(b.len())).any(|i| {
        b[i..].starts_with("\u{17f}".as_bytes()) || b[i..].starts_with("\u{212a}".as_bytes())
    })
}

/// Adds to `out.seeds` the "seed" (any ASCII case) that ends the word `b[s..s + n]` (a maximal run of ASCII
/// letters and digits), or that starts its last six bytes "seeded", if any: four bytes loaded and compared at
/// once, the case bit ORed in (only a letter ORed with 0x20 gives a lower-case letter).
/// (Always inlined: at the call site that [`look`] weights as cold it was called, 40 thousand instructions more
/// on the generated articles.)
#[inline(always)]
fn push_seed(b: &[u8], s: usize, n: usize, out: &mut Found) {
    let e = s + n;
    // (A function, not a closure: as a closure it was left out of line at one call site.)
    #[inline(always)]
    fn seed_at(b: &[u8], i: usize) -> bool {
        let v = u32::from_le_bytes(b[i..i + 4].try_into().expect("four bytes"));
        v | 0x2020_2020 == u32::from_le_bytes(*b"seed")
    }
    if n >= 4 && seed_at(b, e - 4) {
        out.seeds.push(e - 4);
    } else if n >= 6 && b[e - 2] | 0x20 == b'e' && b[e - 1] | 0x20 == b'd' && seed_at(b, e - 6) {
        out.seeds.push(e - 6);
    }
}

/// Adds the word `b[s..s + n]` (a maximal run of ASCII letters and digits of at most [`SCAN_MAX`] bytes, whose
/// first eight bytes, and maybe more, are `raw`) to `out` when it has kinds: those of its [`WORD_TABLE`] entry,
/// [`told_kinds`] when the entry's flags say so, and [`keyword_kinds`] when [`PREFIXES`] say that a word
/// missing from the table may have some. The caller has read the word's entry of the table's `filter`
/// (indexed by its bytes as written), `entry`, and found bit `n` set: most words stop there
/// ([`Scan::block`]); else one table look-up that fails and one prefix test.
#[inline(always)]
fn look(b: &[u8], s: usize, n: usize, raw: u64, entry: u16, table: &WordTable, out: &mut Found) {
    // Its [`tagged`] key: one compare with the slot's tells the first eight bytes and the length.
    let key = (raw | table.forms.ors[n]) & table.forms.masks[n];
    // (A word of another length has another key: its bytes are not zero.)
    if entry & HE_FILTER != 0
        && (key == const { k("the") } || key == const { k("he") } || key == const { k("she") })
    {
        out.he.push(s);
        return;
    }
    let (at, slot) = table.slot(key);
    if at != key {
        // A word that the table does not hold (a false pass of the `filter`): maybe a seed word ("3rdseed") or
        // a word that starts with a prefix ("semifinal", "No1").
        if entry & SEED_FILTER != 0 {
            push_seed(b, s, n, out);
        }
        if entry & PREFIX_FILTER != 0 {
            let (mask, start) = PREFIXES[prefix_slot(key)];
            if key & mask == start {
                push_kinds(s, n, keyword_kinds(b, s, s + n), &NO_SLOT, out);
            }
        }
        return;
    }
    // (All its kinds: the table's `free` holds `kinds` too.)
    let (mut kinds, flags) = (slot.free, slot.flags);
    // Of the words that the table holds, only the seed words are tested: not "tennis" or "first", which share
    // their `filter` entry with "tenseed" and "firstseed". (The flag alone: a seed word's `filter` entry has
    // [`SEED_FILTER`], and a word that hits its slot has the same entry, as a test checks.)
    // Both rare (on BBC tennis one table word in fifty is a seed word, one in twenty-five a role word): weighted
    // so, the register allocator spills the word's values around their pushes, not on every table word.
    if flags & SLOT_SEED != 0 {
        std::hint::cold_path();
        push_seed(b, s, n, out);
    }
    if kinds & KEY_ROLE != 0 {
        std::hint::cold_path();
        out.roles.push(s);
        kinds ^= KEY_ROLE;
    }
    // (The table's words that start with a prefix have flags of `SLOT_TOLD`, see [`settle`]: no prefix test.)
    if flags & SLOT_TOLD != 0 {
        kinds &= TABLE_KINDS;
        // (The follow words, the most common, without a call: "to" is one word in forty; most of the time
        // a letter that starts no number follows it.)
        kinds |= if flags & SLOT_FOLLOW != 0 {
            if !no_number_after(raw, n) && number_may_follow(b, s + n, n == 2) {
                KEY_RANKING
            } else {
                0
            }
        } else {
            told_kinds(b, s, n, raw, u16::from(flags) | u16::from(slot.free) << 8)
        };
    }
    push_kinds(s, n, kinds, slot, out);
}

/// The `group` and `cue` (none) of the words that [`keyword_kinds`] tells, not the table.
static NO_SLOT: Info = Info {
    len: 0,
    kinds: 0,
    flags: 0,
    free: 0,
    group: 0,
    cue: 0,
};

/// Adds the word `s..s + n` with `kinds` (and, with [`TABLE_KINDS`], the `group` and `cue` of its table entry
/// `slot`, or [`NO_SLOT`]) to `out.keys` and the lists of `out.marks`, as its kinds say.
#[inline(always)]
fn push_kinds(s: usize, n: usize, kinds: u8, slot: &Info, out: &mut Found) {
    if kinds & TABLE_KINDS != 0 {
        out.keys.push(s, s + n, kinds, slot);
    }
    out.marks.push(s, kinds);
}

/// The kinds other than [`TABLE_KINDS`] of the word `b[s..s + n]` (whose first eight bytes, and maybe more, are
/// `raw`), a table word with [`SLOT_ASK`] or [`SLOT_CASE`] in its slot's `flags` (the low byte of `slot`; its
/// `free` the high byte): by the slot for the lower-case and capitalised forms of a [`SLOT_CASE`] word, else by
/// [`keyword_kinds`]. Out of line: the scan's loop keeps only the test of the flags.
#[inline(never)]
fn told_kinds(b: &[u8], s: usize, n: usize, raw: u64, slot: u16) -> u8 {
    let [flags, free] = slot.to_le_bytes();
    if flags & SLOT_CASE != 0 {
        // 0x20 in each byte written in capitals (all the word's bytes are letters: its key is a table word's).
        let caps = !raw & KEY_MASKS[n] & splat(0x20);
        if caps == 0 {
            return free & CASE_KINDS;
        }
        if caps == 0x20 {
            return flags >> 4;
        }
    }
    keyword_kinds(b, s, s + n)
}

/// The state of [`scan_keywords`] between blocks.
struct Scan<'t> {
    b: &'t [u8],
    table: &'t WordTable,
    /// Whether the byte before the block is a word byte (bit 0).
    carry: u64,
}

impl Scan<'_> {
    /// The words that start in the 64 bytes at `at`, but those of one byte other than [`ONE_BYTE_KEY`]:
    /// `block` holds them and eight more (zero past the end of the text), so that every word that starts in the
    /// block has eight bytes to read; `w` and `next` are the word bits of the block and of the next one (zero
    /// past the end), so that a word that runs into the next block ends where its bits say; `d` marks the
    /// block's bytes that are [`ONE_BYTE_KEY`] in either case.
    #[inline(always)]
    fn block(
        &mut self,
        at: usize,
        block: &[u8; 72],
        (w, d): (u64, u64),
        next: u64,
        out: &mut Found,
    ) {
        // A word byte after a non-word byte, and before a word byte (the byte after bit 63 is the next block's
        // first) or a "d": no other word of one byte has kinds or passes the filter, so they are skipped here
        // (one word in ten of running text, one in four of results lines), before their filter test.
        let starts = w & !(w << 1 | self.carry) & (w >> 1 | next << 63 | d);
        self.carry = w >> 63;
        // The word that runs into the next block, if it starts in this one (the last start, with word bytes
        // from there to the block's end): taken out of `starts` and looked at last, with its length counted
        // on into the next block. So every other word ends at a non-word byte of this block, and bit 63 set
        // in the mask of the ends (`ends`) changes none of their lengths but tells that no count meets zero:
        // no `mov` of 64 before each `tzcnt` (which is `bsf` without BMI1), and no test for 64 per word.
        let ends = !w | 1 << 63;
        // The starts are word bytes: the highest bit of `starts` is above every non-word byte (the block ends
        // inside the last start's word) exactly when `starts > !w`, one compare. The loop is written twice,
        // once for each answer, so that this is the only branch on it: a test after the loop (whether there
        // is a last word) would be a second branch per block, as hard to guess as this one.
        if starts > !w {
            let h = 63 - starts.leading_zeros() as usize;
            self.words(at, block, starts ^ 1 << h, ends, out);
            // (Past 64 bytes in the next block the word is too long anyway.)
            self.word(
                at,
                block,
                h,
                64 - h + (!next).trailing_zeros() as usize,
                out,
            );
        } else {
            self.words(at, block, starts, ends, out);
        }
    }

    /// The words that start at the bits of `starts` and end at a bit of `ends` in this block, for
    /// [`Scan::block`].
    #[inline(always)]
    fn words(&self, at: usize, block: &[u8; 72], mut starts: u64, ends: u64, out: &mut Found) {
        while starts != 0 {
            let k = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            self.word(at, block, k, (ends >> k).trailing_zeros() as usize, out);
        }
    }

    /// The word of `n` bytes that starts at `block[k]` (`at + k` in the text), for [`Scan::block`].
    #[inline(always)]
    fn word(&self, at: usize, block: &[u8; 72], k: usize, n: usize, out: &mut Found) {
        if n > SCAN_MAX {
            self.long_word(at + k, n, block, k, out);
            return;
        }
        // The `filter` reads the first three bytes: a load of four for every word, the eight of its key only
        // for the words that pass (about three in ten), so the four need no copy of their own.
        let head = u32::from_le_bytes(block[k..k + 4].try_into().expect("four bytes"));
        // (`filter_index` with the table's copy of its mask.)
        let entry = self.table.filter[filter_hash(head & self.table.filter_mask)];
        if entry >> n & 1 == 0 {
            return;
        }
        // Weighted as rare (about one word in four passes): the register allocator then keeps the word loop's
        // values (the block's address, its word ends) in registers and spills the slow paths' around their
        // calls, not the other way round.
        std::hint::cold_path();
        let raw = u64::from_le_bytes(block[k..k + 8].try_into().expect("eight bytes"));
        look(self.b, at + k, n, raw, entry, self.table, out);
    }

    /// The word of `n > SCAN_MAX` bytes at `s` (`block[k..]`): too long for a keyword; maybe a glued seed
    /// ("seventeenthseed"), or a role ("physiotherapist"; no role is longer than `ROLE_MAX <= SEED_MAX`, its
    /// slot tells): a rare word, looked up whole.
    #[inline(always)]
    fn long_word(&self, s: usize, n: usize, block: &[u8; 72], k: usize, out: &mut Found) {
        if n <= SEED_MAX {
            push_seed(self.b, s, n, out);
            let key = u64::from_le_bytes(block[k..k + 8].try_into().expect("eight bytes"))
                | self.table.forms.ors[n];
            let (at, slot) = self.table.slot(key);
            if slot.free & KEY_ROLE != 0 && at == key {
                out.roles.push(s);
            }
        }
    }
}

/// The keyword offsets and kinds of `b`, into `out`, and whether `b` holds a character that `(?i)` matches to
/// an ASCII letter ("ſ", the Kelvin sign). Finds the words 64 bytes at a time: a bit mask of the word bytes
/// gives where words start (a word byte after a non-word byte) and, from each start, where the word ends (the
/// next non-word byte, in this block or the next: the bits of the next block are found before the words of
/// this one). The last bytes (fewer than 72) are copied into a buffer padded with zeros.
fn scan_keywords(b: &[u8], out: &mut Found) -> bool {
    let table: &WordTable = &WORD_TABLE;
    let lanes = &table.lanes;
    let mut scan = Scan { b, table, carry: 0 };
    // The blocks at `at < tail_at` have 72 bytes in `b`; the rest are read from `buf`.
    let tail_at = if b.len() >= 72 {
        (b.len() - 72) / 64 * 64 + 64
    } else {
        0
    };
    let tail = &b[tail_at..];
    // Not zero while no character that folds to an ASCII letter is found ([`block_bits`] tests the blocks
    // before the tail for one that ends in them; here the tail, from two bytes before it).
    let mut probe = u32::MAX;
    let near = &b[tail_at.saturating_sub(2)..];
    if near.iter().any(|&c| c >= 0x80)
        && (0..near.len()).any(|i| {
            near[i..].starts_with("\u{17f}".as_bytes())
                || near[i..].starts_with("\u{212a}".as_bytes())
        })
    {
        probe = 0;
    }
    let mut buf = [0u8; 136];
    buf[..tail.len()].copy_from_slice(tail);
    let block_at = |at: usize| -> &[u8; 72] {
        let bytes = if at < tail_at {
            &b[at..at + 72]
        } else {
            &buf[at - tail_at..at - tail_at + 72]
        };
        bytes.try_into().expect("72 bytes")
    };
    // The word bits of the block at `at`, wherever it lies (the first block and the last ones).
    let bits = |at: usize, probe: &mut u32| {
        let block: &[u8; 64] = block_at(at)[..64].try_into().expect("64 bytes");
        if at < tail_at {
            block_bits(b, at, block, probe, lanes)
        } else {
            block_scan_bits(block, lanes)
        }
    };
    let mut at = 0;
    let mut w = if b.is_empty() {
        (0, 0)
    } else {
        bits(0, &mut probe)
    };
    while at < b.len() {
        // Most blocks, and the next one, have their 72 bytes in `b`: read as one slice, whose bounds test is
        // the test of where they lie (`at + 136 <= b.len()` is `at + 64 < tail_at`: `at` is a multiple of 64);
        // `bits` and `block_at` for the others.
        let (block, next) = if let Some(both) = b[at..].first_chunk::<136>() {
            let next_block = both[64..128].try_into().expect("64 bytes");
            let next = block_bits(b, at + 64, next_block, &mut probe, lanes);
            (both[..72].try_into().expect("72 bytes"), next)
        } else {
            let next = if at + 64 < b.len() {
                bits(at + 64, &mut probe)
            } else {
                (0, 0)
            };
            (block_at(at), next)
        };
        scan.block(at, block, w, next.0, out);
        w = next;
        at += 64;
    }
    probe == 0
}

/// A piece of the small regex subset that [`literals`] reads.
enum Piece {
    /// One byte.
    Byte(u8),
    /// Anything else that takes text (a class, a repetition, `\p{..}`): [`literals`] writes a NUL byte for it.
    Other,
    /// A group: its alternatives, each a sequence (`\b` is an empty group).
    Group(Vec<Vec<Piece>>),
    /// `piece?` (greedy).
    Opt(Box<Piece>),
}

/// Parses alternatives of a verbose (`(?x)`) pattern from `p[*i..]` up to an unmatched `)` or the end.
fn parse_alts(p: &[u8], i: &mut usize) -> Vec<Vec<Piece>> {
    let mut alts = vec![Vec::new()];
    while *i < p.len() {
        let piece = match p[*i] {
            b')' => break,
            b'|' => {
                *i += 1;
                alts.push(Vec::new());
                continue;
            }
            b' ' | b'\n' | b'\t' | b'\r' => {
                *i += 1;
                continue;
            }
            b'(' => {
                *i += 1;
                if p[*i] == b'?' {
                    // Flags and group kind: `(?:`, `(?-u:`.
                    while p[*i] != b':' {
                        *i += 1;
                    }
                    *i += 1;
                }
                let inner = parse_alts(p, i);
                assert_eq!(p.get(*i), Some(&b')'), "closed group");
                *i += 1;
                Piece::Group(inner)
            }
            b'\\' => {
                *i += 2;
                match p[*i - 1] {
                    b'x' => {
                        let hex = std::str::from_utf8(&p[*i..*i + 2]).expect("hex");
                        *i += 2;
                        Piece::Byte(u8::from_str_radix(hex, 16).expect("hex byte"))
                    }
                    b'b' => Piece::Group(vec![Vec::new()]),
                    b'p' => {
                        while p[*i] != b'}' {
                            *i += 1;
                        }
                        *i += 1;
                        Piece::Other
                    }
                    c => Piece::Byte(c),
                }
            }
            b'[' => {
                while p[*i] != b']' {
                    *i += 1;
                }
                *i += 1;
                Piece::Other
            }
            c => {
                *i += 1;
                Piece::Byte(c)
            }
        };
        let piece = match p.get(*i) {
            Some(b'?') => {
                *i += 1;
                Piece::Opt(Box::new(piece))
            }
            Some(b'+' | b'*') => {
                *i += 1;
                Piece::Other
            }
            _ => piece,
        };
        alts.last_mut().expect("an alternative").push(piece);
    }
    alts
}

/// The texts of `pieces` (a sequence) in priority order: what a backtracking (leftmost-first) search tries first
/// comes first.
fn expand(pieces: &[Piece]) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::new()];
    for piece in pieces {
        let options: Vec<Vec<u8>> = match piece {
            Piece::Byte(c) => vec![vec![*c]],
            Piece::Other => vec![vec![0]],
            Piece::Group(alts) => alts.iter().flat_map(|a| expand(a)).collect(),
            Piece::Opt(p) => {
                let mut o = expand(std::slice::from_ref(p));
                o.push(Vec::new());
                o
            }
        };
        out = out
            .iter()
            .flat_map(|head| {
                options.iter().map(move |tail| {
                    let mut t = head.clone();
                    t.extend_from_slice(tail);
                    t
                })
            })
            .collect();
    }
    out
}

/// Every text that the verbose (`(?x)`) pattern `pattern` matches, in priority order, for the subset of regex
/// syntax that the vocabulary patterns use (literals, `\x20`, `(?:..)`, `|`, `?`, `\b`); anything else that takes
/// text (a class, `+`, `\p{..}`) is written as one NUL byte. For compiling word lists into code.
pub(crate) fn literals(pattern: &str) -> Vec<Vec<u8>> {
    let p = pattern.as_bytes();
    let mut i = 0;
    let alts = parse_alts(p, &mut i);
    assert_eq!(i, p.len(), "the whole pattern read: {pattern}");
    alts.iter().flat_map(|a| expand(a)).collect()
}

/// The length of the run of ASCII letters and digits that starts `w`.
pub(crate) fn first_run(w: &[u8]) -> usize {
    w.iter()
        .position(|&c| !WORD[usize::from(c)])
        .unwrap_or(w.len())
}

/// The start offsets of the keywords of kind `kind` in `text`, in order (tests).
#[cfg(test)]
pub(crate) fn keywords(text: &str, kind: u8) -> Vec<usize> {
    Keywords::scan(text).starts(kind).collect()
}

/// A pattern that starts with `(?-u:\b)`, tried only at chosen offsets: [`Anchored::at`] gives the end of the
/// match that the unanchored pattern would find starting exactly there. The search is anchored and stops as
/// soon as no match can go on, so a miss costs a few bytes of work.
///
/// It runs a forward lazy DFA in the context of the whole text (so `(?-u:\b)` at the offset reads the byte
/// before it), built from one NFA without capture groups: no reverse NFA (an anchored search knows its start)
/// and no second pattern for offsets after a word byte, which keeps start-up cheap. Several patterns may be
/// given ([`Anchored::many`]): the search then also tells which one matched, with the priority of a
/// leftmost-first alternation of them in order. Cloning shares the DFA.
#[derive(Clone)]
pub(crate) struct Anchored {
    inner: std::sync::Arc<AnchoredDfa>,
}

/// A per-thread cache pool of a lazy DFA or PikeVM.
type CachePool<T> = regex_automata::util::pool::Pool<T, Box<dyn Fn() -> T + Send + Sync>>;

struct AnchoredDfa {
    dfa: std::sync::Arc<regex_automata::hybrid::dfa::DFA>,
    caches: CachePool<regex_automata::hybrid::dfa::Cache>,
}

/// Compiles `patterns` (full syntax, flags inline) into one forward NFA, as `regex` reads them; with capture
/// groups when `captures`.
fn compile_nfa(patterns: &[String], captures: bool) -> regex_automata::nfa::thompson::NFA {
    use regex_automata::nfa::thompson;
    let which = if captures {
        thompson::WhichCaptures::All
    } else {
        thompson::WhichCaptures::None
    };
    thompson::Compiler::new()
        .configure(thompson::Config::new().which_captures(which))
        .build_many(patterns)
        .expect("pattern")
}

impl Anchored {
    /// `flags` (e.g. `(?x)`) apply to the whole `pattern`.
    pub fn new(flags: &str, pattern: &str) -> Self {
        let nl = if flags.contains('x') { "\n" } else { "" };
        Self::from_nfa(compile_nfa(&[format!("{flags}(?:{pattern}{nl})")], false))
    }

    /// The patterns `{prefix}(?:{alt}){suffix}` of each alternative, which as a whole match as
    /// `{prefix}(?:{alt0}|{alt1}|...){suffix}` when `prefix` is an assertion (one way to match).
    pub fn many(flags: &str, prefix: &str, alts: &[&str], suffix: &str) -> Self {
        Self::from_nfa(compile_nfa(
            &alt_patterns(flags, prefix, alts, suffix),
            false,
        ))
    }

    fn from_nfa(nfa: regex_automata::nfa::thompson::NFA) -> Self {
        let dfa = std::sync::Arc::new(
            regex_automata::hybrid::dfa::DFA::builder()
                .build_from_nfa(nfa)
                .expect("lazy DFA"),
        );
        let d = std::sync::Arc::clone(&dfa);
        Anchored {
            inner: std::sync::Arc::new(AnchoredDfa {
                dfa,
                caches: CachePool::new(Box::new(move || d.create_cache())),
            }),
        }
    }

    /// The end of the match starting at `p` (a character boundary of `text`), if any.
    pub fn at(&self, text: &str, p: usize) -> Option<usize> {
        self.at_which(text, p).map(|(e, _)| e)
    }

    /// The end of the match starting at `p` (a character boundary of `text`) and the index of the pattern that
    /// produced it, if any.
    pub fn at_which(&self, text: &str, p: usize) -> Option<(usize, usize)> {
        use regex_automata::{Anchored as Anchor, Input};
        let input = Input::new(text).range(p..).anchored(Anchor::Yes);
        let mut cache = self.inner.caches.get();
        self.inner
            .dfa
            .try_search_fwd(&mut cache, &input)
            .expect("the lazy DFA never quits (no Unicode word boundary)")
            .map(|m| (m.offset(), m.pattern().as_usize()))
    }
}

/// The patterns `{flags}{prefix}(?:{alt}){suffix}` of [`Anchored::many`] and [`Branches`].
fn alt_patterns<S: AsRef<str>>(flags: &str, prefix: &str, alts: &[S], suffix: &str) -> Vec<String> {
    // In verbose mode a comment runs to the end of the line: close every piece on a new line.
    let nl = if flags.contains('x') { "\n" } else { "" };
    alts.iter()
        .map(|a| format!("{flags}{prefix}(?:{}{nl}){suffix}{nl}", a.as_ref()))
        .collect()
}

/// Where a window starts that holds the start of every match containing byte `o`, for patterns that put at most
/// `runs` runs of whitespace (`\s`) between a match's start and any hit inside it.
///
/// The walk back reads sixteen bytes at a time while they are ASCII: [`window_bits`] marks their white space, and
/// the runs that end in them (a space whose next byte is none) are counted by a table of bit counts, with no
/// branch per byte (the exit of a byte loop over each word mispredicted about once per word, the words being of
/// any length). Sixteen bytes with a non-ASCII one, and the first bytes of the text, go character by character.
/// With SSE2 the masks come from vector compares whose constants sit in vector registers: an earlier version
/// with eight bytes in a 64-bit word (SWAR) held four 64-bit constants in general registers, and the saves of
/// those registers cost more than it gained on the short windows of web reports.
pub(crate) fn window_start(text: &str, o: usize, runs: usize) -> usize {
    let b = text.as_bytes();
    let mut seen = 0;
    // Whether the character that starts at `j` is white space read on the way back (false at `o`: a run counts
    // once its last space is read).
    let mut in_space = false;
    let mut j = o;
    while j > 0 {
        if let Some(block) = j.checked_sub(16).map(|i| &b[i..j]) {
            let (high, space) = window_bits(block.try_into().expect("sixteen bytes"));
            if high == 0 {
                // Bit `k` is `b[j - 16 + k]`; its next byte is bit `k + 1`, or `b[j]` for bit 15.
                let ends = space & !((space >> 1) | (u32::from(in_space) << 15));
                let n = usize::from(
                    BIT_COUNT[(ends & 0xFF) as usize] + BIT_COUNT[(ends >> 8) as usize],
                );
                if seen + n > runs {
                    // The run that makes `runs + 1`: the `runs - seen + 1`-th end from the top.
                    let mut e = ends;
                    for _ in 0..runs - seen {
                        e &= !(1 << (31 - e.leading_zeros()));
                    }
                    return j - 16 + (31 - e.leading_zeros() as usize) + 1;
                }
                seen += n;
                in_space = space & 1 != 0;
                j -= 16;
                continue;
            }
        }
        // Character by character over these (up to) sixteen bytes.
        let stop = j.saturating_sub(16);
        while j > stop {
            // The character that ends at `j`: one byte when ASCII, else decoded.
            let (start, space) = if b[j - 1] < 0x80 {
                (j - 1, ascii_space(b[j - 1]))
            } else {
                let c = text[..j].chars().next_back().expect("a character");
                (j - c.len_utf8(), c.is_whitespace())
            };
            if space && !in_space {
                seen += 1;
                if seen > runs {
                    return j;
                }
            }
            in_space = space;
            j = start;
        }
    }
    0
}

/// `BIT_COUNT[m]`: the number of bits set in `m` (`count_ones` is a long sequence without `popcnt`, which the
/// x86-64 baseline lacks).
static BIT_COUNT: [u8; 256] = {
    let mut t = [0; 256];
    let mut m = 0;
    while m < 256 {
        t[m] = (m as u32).count_ones() as u8;
        m += 1;
    }
    t
};

/// Two masks of sixteen bytes (bit `k` for byte `k`): the bytes that are not ASCII, and the ASCII white space
/// (`\t` to `\r`, or a space).
#[inline(always)]
fn window_bits(block: &[u8; 16]) -> (u32, u32) {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let v = m128i::from(*block);
        let splat = |c: u8| set_splat_i8_m128i(c as i8);
        // Signed compares: a non-ASCII byte is negative, so it is neither above `\t - 1` nor a space.
        let space = cmp_eq_mask_i8_m128i(v, splat(b' '))
            | (cmp_gt_mask_i8_m128i(v, splat(b'\t' - 1))
                & cmp_lt_mask_i8_m128i(v, splat(b'\r' + 1)));
        (
            move_mask_i8_m128i(v) as u32 & 0xFFFF,
            move_mask_i8_m128i(space) as u32 & 0xFFFF,
        )
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_window_bits(block)
}

/// [`window_bits`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_window_bits(block: &[u8; 16]) -> (u32, u32) {
    block
        .iter()
        .enumerate()
        .fold((0, 0), |(high, space), (k, &c)| {
            (
                high | u32::from(c >= 0x80) << k,
                space | u32::from(ascii_space(c)) << k,
            )
        })
}

/// Whether a match of a pattern that starts with an ASCII letter or digit may start at `p`: a word start.
#[inline]
pub(crate) fn word_start(b: &[u8], p: usize) -> bool {
    WORD[usize::from(b[p])] && (p == 0 || !is_word_byte(b[p - 1]))
}

/// The run of ASCII letters and digits that starts at `p` in `b` (its end by [`word_run_end`]: sixteen bytes at a
/// time, not a byte loop whose exit was mispredicted at about one word in three).
#[inline]
pub(crate) fn alnum_run(b: &[u8], p: usize) -> &[u8] {
    &b[p..word_run_end(b, p, b.len())]
}

/// The matches of a pattern in `text` in order, exactly those `find_iter` of its unanchored form gives, given
/// that every match contains one of the `hits` (e.g. of a keyword every match has): tries the pattern only at
/// the offsets of a window before each hit that `may_start` allows. `at(text, p)` gives the end of the match
/// starting at `p` and a note on it (e.g. which alternative matched), so that recognisers may read some forms
/// in code and ask the pattern for the rest; it must answer exactly as [`Anchored::at`] of the pattern would.
///
/// `hits` gives each hit `o` (ascending) with `runs`: the most runs of whitespace between the start of a match
/// and `o` when `o` is the first hit in that match. `may_start(b, p, o)` tells whether a match whose first hit
/// is `o` may start at `p` (`p <= o`); it may say yes too often, never too seldom.
///
/// Why the first hit is enough: the offsets tried while looking at hit `o` all lie after the hits before it, so
/// `o` is the first hit at or after each of them, and a match starting there holds a hit, hence holds `o` first.
///
/// (Tests only: the recognisers call [`find_near_into`] with a buffer they keep.)
#[cfg(test)]
pub(crate) fn find_near_at<T>(
    text: &str,
    hits: impl IntoIterator<Item = (usize, usize)>,
    at: impl FnMut(&str, usize) -> Option<(usize, T)>,
    may_start: impl Fn(&[u8], usize, usize) -> bool,
) -> Vec<(usize, usize, T)> {
    find_near_in(
        text,
        hits.into_iter().map(|(o, runs)| (o, Window::Runs(runs))),
        at,
        may_start,
    )
}

/// How far before a hit [`find_near_in`] tries the pattern.
#[derive(Clone, Copy)]
pub(crate) enum Window {
    /// Up to `runs` runs of white space before the hit (see [`window_start`]). (Tests only: the recognisers'
    /// windows are [`Window::Lazy`] or [`Window::From`].)
    #[cfg(test)]
    Runs(usize),
    /// From the offset that `f(text, hit, done)` gives: a start that holds every start of a match whose first
    /// hit is this one at or after `done`, the offset below which all was tried or lies in a match (`f` may stop
    /// looking back there); past the hit when no match has it first. Computed only when the hit is tried, not
    /// for a hit inside the match of an earlier one.
    Lazy(fn(&str, usize, usize) -> usize),
    /// From the offset given, computed by the caller when it reads the hit: at most the start of every match
    /// whose first hit is this one.
    From(usize),
}

/// The matches that `find_near_at` (above; kept for tests) gives, with the window of each hit given as [`Window`].
///
/// `may_start` must say no inside a word: at an ASCII letter or digit right after another (every pattern here
/// opens with `(?-u:\b)` before a word byte or a non-ASCII character); such offsets are not asked about.
pub(crate) fn find_near_in<T>(
    text: &str,
    hits: impl IntoIterator<Item = (usize, Window)>,
    at: impl FnMut(&str, usize) -> Option<(usize, T)>,
    may_start: impl Fn(&[u8], usize, usize) -> bool,
) -> Vec<(usize, usize, T)> {
    let mut out = Vec::new();
    find_near_into(text, hits, at, may_start, &mut out);
    out
}

/// [`find_near_in`] pushing the matches onto `out` (a buffer the caller keeps: no allocation per text).
pub(crate) fn find_near_into<T>(
    text: &str,
    hits: impl IntoIterator<Item = (usize, Window)>,
    mut at: impl FnMut(&str, usize) -> Option<(usize, T)>,
    may_start: impl Fn(&[u8], usize, usize) -> bool,
    out: &mut Vec<(usize, usize, T)>,
) {
    let b = text.as_bytes();
    // Offsets below `next` are done: tried, or inside a match.
    let mut next = 0;
    for (o, window) in hits {
        if o < next {
            continue;
        }
        let from = match window {
            #[cfg(test)]
            Window::Runs(runs) => window_start(text, o, runs),
            Window::Lazy(f) => f(text, o, next),
            Window::From(from) => from,
        };
        let mut p = from.max(next);
        // The offsets tried are below `lim`: up to the hit, inside the text.
        let lim = (o + 1).min(b.len());
        while p <= o {
            match (p < b.len() && may_start(b, p, o))
                .then(|| at(text, p))
                .flatten()
            {
                Some((e, note)) => {
                    out.push((p, e, note));
                    p = e.max(p + 1);
                }
                None => {
                    // No match starts inside a word: pass the rest of its letters and digits at once.
                    p += 1;
                    if p < lim && WORD[usize::from(b[p - 1])] {
                        p = word_run_end(b, p, lim);
                    }
                }
            }
        }
        next = p;
    }
}

/// The end of the run of ASCII letters and digits ([`WORD`]) from `p` in `b`, or `lim` where that comes first
/// (`p <= lim <= b.len()`): [`find_near_into`]'s pass over the rest of a word, and [`alnum_run`]. Where sixteen bytes from `p` are in
/// the text, the SSE2 letter-or-digit test of them ([`sse2_alnum`]) and the trailing zeros of its other bytes give
/// it with no branch per byte (the byte loop's exit was mispredicted at about one word in three, the words being
/// of any length); a run of sixteen or more, and the text's last sixteen bytes, go on byte by byte.
#[inline(always)]
fn word_run_end(b: &[u8], mut p: usize, lim: usize) -> usize {
    debug_assert!(p <= lim && lim <= b.len());
    #[cfg(target_feature = "sse2")]
    if let Some(block) = b.get(p..p + 16) {
        use safe_arch::*;
        let v = m128i::from(<[u8; 16]>::try_from(block).expect("sixteen bytes"));
        // The mask's bits 16 to 31 are clear, so its inverse's trailing zeros are at most 16.
        let n = (!(move_mask_i8_m128i(sse2_alnum(v)) as u32)).trailing_zeros() as usize;
        if n < 16 || p + 16 >= lim {
            return (p + n).min(lim);
        }
        p += 16;
    }
    while p < lim && WORD[usize::from(b[p])] {
        p += 1;
    }
    p
}

/// The alternatives of a `{prefix}(?:{alt0}|{alt1}|...){suffix}` pattern (`prefix` an assertion): told a match
/// of the whole pattern, [`Branches::captures`] gives the groups of the alternative that produced it. An
/// anchored lazy DFA search of the alternatives as patterns of one NFA, at the match start and in context,
/// tells which alternative produced it (leftmost-first: the first one that matches there); only that one then
/// runs with capture groups, over the match (a bounded backtracker on its own NFA, compiled when the
/// alternative is first asked about; a PikeVM when the match is too long for the backtracker). No reverse NFA.
pub(crate) struct Branches {
    near: Anchored,
    patterns: Vec<String>,
    groups: Vec<once_cell::sync::OnceCell<AltGroups>>,
}

/// The capture engines of one alternative of [`Branches`].
struct AltGroups {
    back: std::sync::Arc<BoundedBacktracker>,
    back_caches: CachePool<regex_automata::nfa::thompson::backtrack::Cache>,
    pike: std::sync::Arc<PikeVM>,
    caches: CachePool<regex_automata::nfa::thompson::pikevm::Cache>,
}

impl AltGroups {
    fn new(pattern: &str) -> Self {
        let nfa = compile_nfa(&[pattern.to_string()], true);
        let pike = std::sync::Arc::new(PikeVM::new_from_nfa(nfa.clone()).expect("PikeVM"));
        let back = std::sync::Arc::new(
            BoundedBacktracker::new_from_nfa(nfa).expect("bounded backtracker"),
        );
        let (p, b) = (std::sync::Arc::clone(&pike), std::sync::Arc::clone(&back));
        AltGroups {
            back,
            back_caches: CachePool::new(Box::new(move || b.create_cache())),
            pike,
            caches: CachePool::new(Box::new(move || p.create_cache())),
        }
    }
}

use regex_automata::nfa::thompson::{backtrack::BoundedBacktracker, pikevm::PikeVM};

/// The groups of one match, by name, as texts (see [`Branches::captures`]).
pub(crate) struct BranchGroups<'t> {
    hay: &'t str,
    caps: regex_automata::util::captures::Captures,
}

impl<'t> BranchGroups<'t> {
    /// The text of group `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<&'t str> {
        self.caps
            .get_group_by_name(name)
            .map(|s| &self.hay[s.range()])
    }
}

impl Branches {
    /// `flags` (e.g. `(?x)`) apply to every piece; the pattern is `{prefix}(?:{alt0}|{alt1}|...){suffix}`.
    pub fn new(flags: &str, prefix: &str, alts: &[String], suffix: &str) -> Self {
        let patterns = alt_patterns(flags, prefix, alts, suffix);
        Branches {
            near: Anchored::from_nfa(compile_nfa(&patterns, false)),
            groups: patterns
                .iter()
                .map(|_| once_cell::sync::OnceCell::new())
                .collect(),
            patterns,
        }
    }

    /// The whole pattern run anchored (see [`Anchored`]): the same DFA that tells the alternatives apart.
    pub fn anchored(&self) -> &Anchored {
        &self.near
    }

    /// The groups of the match `start..end` of the whole pattern in `text`.
    pub fn captures<'t>(&'t self, text: &'t str, start: usize, end: usize) -> BranchGroups<'t> {
        use regex_automata::{Anchored as Anchor, Input};
        let which = self.near.at_which(text, start);
        debug_assert_eq!(which.map(|(e, _)| e), Some(end), "a match of the pattern");
        let i = which.map_or(0, |(_, i)| i);
        let g = self.groups[i].get_or_init(|| AltGroups::new(&self.patterns[i]));
        // The alternative's own match at `start` ends at `end`: search only up to there (the edges still read
        // the text around).
        let input = Input::new(text).range(start..end).anchored(Anchor::Yes);
        let mut caps = g.pike.create_captures();
        let done = input.get_span().len() <= g.back.max_haystack_len()
            && g.back
                .try_search(&mut g.back_caches.get(), &input, &mut caps)
                .is_ok();
        if !done {
            g.pike.search(&mut g.caches.get(), &input, &mut caps);
        }
        BranchGroups { hay: text, caps }
    }
}

/// A lazily compiled [`regex::Regex`]: derefs to it, compiling it on first use.
pub(crate) struct LazyRegex {
    pattern: String,
    re: once_cell::sync::OnceCell<regex::Regex>,
}

impl std::ops::Deref for LazyRegex {
    type Target = regex::Regex;
    fn deref(&self) -> &regex::Regex {
        self.re
            .get_or_init(|| regex::Regex::new(&self.pattern).expect("pattern"))
    }
}

/// A top-level alternation compiled for speed: `all` finds matches without capture groups (the DFA path, no
/// backtracking per match), and [`Alternation::which`] tells which alternative produced a match.
///
/// Under leftmost-first semantics the alternative that produced a match is the first one that matches at its
/// start (in context), and its match is the whole match: an anchored lazy DFA search of the alternatives as
/// separate patterns at the match start tells it ([`Anchored::many`]). That DFA also serves recognisers that
/// try the pattern at chosen offsets only ([`Alternation::anchored`]); `all` (unanchored, with a reverse NFA to
/// find match starts) is compiled only when first used.
pub(crate) struct Alternation {
    /// The whole pattern, no capture groups (compiled on first use).
    pub all: LazyRegex,
    near: Anchored,
}

impl Alternation {
    /// `flags` (e.g. `(?x)`) apply to every piece; the pattern is `{prefix}(?:{alt0}|{alt1}|...){suffix}`,
    /// `prefix` an assertion.
    pub fn new(flags: &str, prefix: &str, alts: &[&str], suffix: &str) -> Self {
        // In verbose mode a comment runs to the end of the line: close every piece on a new line.
        let nl = if flags.contains('x') { "\n" } else { "" };
        let body: Vec<String> = alts.iter().map(|a| format!("(?:{a}{nl})")).collect();
        Alternation {
            all: LazyRegex {
                pattern: format!("{flags}{prefix}(?:{}{nl}){suffix}", body.join("|")),
                re: once_cell::sync::OnceCell::new(),
            },
            near: Anchored::many(flags, prefix, alts, suffix),
        }
    }

    /// The index of the alternative that produced `m`, a match of `all` in `text`.
    pub fn which(&self, text: &str, m: &regex::Match) -> usize {
        self.which_at(text, m.start(), m.end())
    }

    /// The whole pattern run anchored: [`Anchored::at`] at an offset gives the end of the match there.
    pub fn anchored(&self) -> &Anchored {
        &self.near
    }

    /// The index of the alternative that produced the match `start..end` of the whole pattern in `text`.
    pub fn which_at(&self, text: &str, start: usize, end: usize) -> usize {
        let which = self.near.at_which(text, start);
        debug_assert_eq!(which.map(|(e, _)| e), Some(end), "a match of the pattern");
        which.map_or(0, |(_, i)| i)
    }
}

/// The next state of a small deterministic generator (xorshift64), written back to `seed` and returned: the
/// tests' random inputs, the same on every run.
#[cfg(test)]
pub(crate) fn xorshift(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// `count` random texts, each of `pieces_per_text` of `pieces` drawn by xorshift from `seed`: the same texts on
/// every run (tests that compare a fast search with the plain one on texts made to hit its edge cases).
#[cfg(test)]
pub(crate) fn random_texts(
    pieces: &[&str],
    count: usize,
    pieces_per_text: usize,
    seed: u64,
) -> Vec<String> {
    let mut seed = seed;
    (0..count)
        .map(|_| {
            let mut t = String::new();
            for _ in 0..pieces_per_text {
                xorshift(&mut seed);
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            t
        })
        .collect()
}

/// Pieces of random texts that every reader must get right around a phrase: white space of several kinds
/// (Unicode ones that `\s` reads), characters that `(?i)` folds to ASCII ("ſ") or that are letters beyond
/// ASCII, punctuation, and word bytes that join a word.
#[cfg(test)]
const EDGE_PIECES: &[&str] = &[
    " ", "  ", "\t", "\n", "\u{a0}", "\u{2028}", "ſ", "é", ".", ",", "-", "_", "x",
];

/// Asserts that a code reader of a pattern's common forms answers as the anchored pattern wherever it
/// answers (`Some(end)`; `None` leaves a word start to the pattern): at every word start of [`all_texts`] and of
/// `count` [`random_texts`] of eight of `pieces` and [`EDGE_PIECES`]. Returns how many answers it checked.
#[cfg(test)]
pub(crate) fn reader_agrees(
    pieces: &[&str],
    count: usize,
    read: impl Fn(&[u8], usize) -> Option<usize>,
    pattern: impl Fn(&str, usize) -> Option<usize>,
) -> usize {
    let pieces = [pieces, EDGE_PIECES].concat();
    let mut texts = all_texts();
    texts.extend(random_texts(&pieces, count, 8, 0x9e37_79b9_7f4a_7c15));
    let mut answered = 0;
    for t in &texts {
        let b = t.as_bytes();
        for p in (0..b.len()).filter(|&p| word_start(b, p)) {
            if let Some(e) = read(b, p) {
                assert_eq!(Some(e), pattern(t, p), "{t}: {p}");
                answered += 1;
            }
        }
    }
    answered
}

/// Texts for tests that compare a fast recogniser with the plain pattern it replaces: the example corpora,
/// the fixtures, edge cases, and the `.txt`/`.html` files of the folders in `SPORTEXT_EXTRA_TEXTS`
/// (colon-separated), all normalised.
#[cfg(test)]
pub(crate) fn all_texts() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut raw: Vec<String> = Vec::new();
    for kind in std::fs::read_dir(root.join("tests/corpus"))
        .expect("corpus")
        .flatten()
    {
        let data = std::fs::read_to_string(kind.path()).expect("corpus file");
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("corpus line");
            raw.push(v["text"].as_str().expect("text").to_string());
        }
    }
    walk(&root.join("fixtures"), &mut raw);
    for dir in std::env::var("SPORTEXT_EXTRA_TEXTS")
        .unwrap_or_default()
        .split(':')
    {
        if !dir.is_empty() {
            walk(std::path::Path::new(dir), &mut raw);
        }
    }
    raw.extend(
        [
            "No 3 seed, No.3 seed,\tnumber  twenty-one-seed, 3rdseed xtop seed 1st\u{2028}seed",
            "firſt seed, ſixth-seeded, TOP SEED, seeded\u{2028}two, seeded number\tone, No 12-seed, seeded No.4, \
             eleven seed; the seeds, unseeded, seedings, seed, twenty-first-seed, seeded 3rd",
            "seeded\u{85}No. 5, SEEDED number one, top-seeded, a top seed, seeded three times",
            "world\u{2028}number 46, ex-world No 1, former\tNo 1, British\u{3000}number one, No2 Iga",
            "He climbed back  up   to 31st in the world; from 204th at the start of May to 40th.",
            "the  second\u{1680}round, round of\u{2029}16, last-eight, first qualifying round, Final: x",
            "1Éric Open, xÉcole Masters, Señor Open, Nitto ATP World Tour Finals, Next Gen ATP Finals",
            "won   the title, crowned, championship point, lifted her first\u{85}Grand Slam title",
            "back to No.1, rose to\u{2028}ſixth, up to ſeventh, to NUMBER ONE, from  204th, from No 5, climbed to \
             twenty-first, back to the\u{3000}top spot, return to the top of the rankings, No.\u{a0}3 Iga, no one, \
             British number\t\tone, weeks at number\n two, No 1 Novak, No. fifth, No\u{2028}5, to",
        ]
        .map(String::from),
    );
    raw.iter()
        .map(|t| crate::normalise::Normalised::new(t).text)
        .collect()
}

/// [`all_texts`], then `count` [`random_texts`] of `pieces_per_text` of `pieces` each, drawn from `seed`.
#[cfg(test)]
pub(crate) fn all_texts_then_random(
    pieces: &[&str],
    count: usize,
    pieces_per_text: usize,
    seed: u64,
) -> Vec<String> {
    let mut texts = all_texts();
    texts.extend(random_texts(pieces, count, pieces_per_text, seed));
    texts
}

/// For a recogniser whose `find_into` keeps its matches in the thread's buffer `buffer`: it finds on every test
/// text, after all the others (in order and in reverse order: the buffer held the matches of other texts
/// before), what it finds on a thread whose buffer is new for each text, and leaves the buffer empty after each
/// text; and it finds more than 50 mentions in all.
#[cfg(test)]
pub(crate) fn kept_buffer_as_new<M, B>(
    find_into: fn(&str, &Keywords, &mut Vec<M>),
    buffer: &'static std::thread::LocalKey<std::cell::RefCell<Vec<B>>>,
) where
    M: Clone + PartialEq + std::fmt::Debug + Send + 'static,
    B: 'static,
{
    let texts = all_texts();
    let run = |order: &mut dyn Iterator<Item = &String>| {
        let mut got = std::collections::HashMap::new();
        let mut out = Vec::new();
        for t in order {
            find_into(t, &Keywords::scan(t), &mut out);
            assert!(buffer.with(|b| b.borrow().is_empty()));
            got.insert(t.clone(), out.clone());
        }
        got
    };
    let forward = run(&mut texts.iter());
    let backward = run(&mut texts.iter().rev());
    let fresh = std::thread::spawn({
        let texts = texts.clone();
        move || {
            texts
                .iter()
                .map(|t| {
                    let mut out = Vec::new();
                    find_into(t, &Keywords::scan(t), &mut out);
                    // A new buffer for each text: the thread's, taken away.
                    buffer.with(|b| *b.borrow_mut() = Vec::new());
                    (t.clone(), out)
                })
                .collect::<std::collections::HashMap<_, _>>()
        }
    })
    .join()
    .expect("no panic");
    let mut found = 0;
    for t in &texts {
        assert_eq!(forward[t], fresh[t], "{t}");
        assert_eq!(backward[t], fresh[t], "{t}");
        found += fresh[t].len();
    }
    assert!(found > 50, "{found}");
}

/// [`all_texts`] and then `extra` (edge cases of one test).
#[cfg(test)]
pub(crate) fn all_texts_and(extra: &[&str]) -> Vec<String> {
    let mut texts = all_texts();
    texts.extend(extra.iter().map(|t| t.to_string()));
    texts
}

/// [`all_texts_and`] `extra`, then 20,000 [`random_texts`] of six of `pieces` each, drawn from `seed`.
#[cfg(test)]
pub(crate) fn all_texts_and_random(extra: &[&str], pieces: &[&str], seed: u64) -> Vec<String> {
    let mut texts = all_texts_and(extra);
    texts.extend(random_texts(pieces, 20_000, 6, seed));
    texts
}

/// Asserts that a pre-check is a necessary condition for an anchored pattern: at every word start of the corpus
/// texts and of `extra` (normalised first) where `may_open` says no, `at` (the pattern tried there) finds no
/// match.
#[cfg(test)]
pub(crate) fn assert_necessary_at_word_starts(
    extra: &[&str],
    may_open: impl Fn(&[u8], usize) -> bool,
    at: impl Fn(&str, usize) -> Option<usize>,
) {
    let mut texts = all_texts();
    texts.extend(
        extra
            .iter()
            .map(|t| crate::normalise::Normalised::new(t).text),
    );
    for t in &texts {
        let b = t.as_bytes();
        for p in (0..b.len()).filter(|&p| word_start(b, p)) {
            if !may_open(b, p) {
                assert_eq!(at(t, p), None, "{p} {t}");
            }
        }
    }
}

#[cfg(test)]
mod keyword_tests {
    use super::*;

    /// The maximal runs of word bytes of `b` (as [`WORD`] says), as start and end, walked a byte at a time.
    fn word_runs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < b.len() && !WORD[usize::from(b[i])] {
                i += 1;
            }
            let s = i;
            while i < b.len() && WORD[usize::from(b[i])] {
                i += 1;
            }
            (i > s).then_some((s, i))
        })
    }

    /// The keywords of `b` found word by word, asking [`keyword_kinds`] about every word, and a plain map of
    /// the sport and result words about every word of up to [`SCAN_MAX`] bytes.
    fn plain_scan(b: &[u8]) -> Vec<Key> {
        let mut table: FxHashMap<(u64, usize), u8> = FxHashMap::default();
        let sport = sport::first_runs().into_iter().map(|w| (w, KEY_SPORT));
        for (w, kind) in sport.chain(result::first_words().into_iter().map(|w| (w, KEY_RESULT))) {
            *table
                .entry((word_key(&w, 0, w.len()), w.len()))
                .or_default() |= kind;
        }
        let mut keys = Vec::new();
        for (s, i) in word_runs(b) {
            let n = i - s;
            let mut entry = Entry::default();
            if n <= SCAN_MAX && table.contains_key(&(word_key(b, s, n), n)) {
                entry = WORD_TABLE.get(word_key(b, s, n), n).unwrap();
                assert_eq!(entry.kinds, table[&(word_key(b, s, n), n)]);
            }
            let Entry { kinds, group, cue } = entry;
            let kinds = kinds | keyword_kinds(b, s, i);
            if kinds != 0 {
                keys.push(Key {
                    start: s,
                    end: i,
                    kinds,
                    group,
                    cue,
                });
            }
        }
        keys
    }

    /// [`lane_consts`] holds the six bytes that [`sse2_word_and_d_signs`] reads, in its order, and the table
    /// holds them once for each lane.
    #[cfg(target_feature = "sse2")]
    #[test]
    fn lane_consts_are_the_splats() {
        let bytes = lane_consts().map(<[u8; 16]>::from);
        let want = [0x20, 0x1f, 0x50, 0x66, 0x76, 0xe9].map(|c: u8| [c; 16]);
        assert_eq!(bytes, want);
        for lane in WORD_TABLE.lanes {
            assert_eq!(lane.map(<[u8; 16]>::from), want);
        }
    }

    /// [`sse2_word_and_d_signs`]: bit 7 of its first vector is [`sse2_alnum_and_d`]'s word test, its second is
    /// the same "d" test, for every byte.
    #[cfg(target_feature = "sse2")]
    #[test]
    fn sse2_word_and_d_signs_are_the_tests() {
        for c in 0..=255u8 {
            let v = safe_arch::m128i::from([c; 16]);
            let (word, d) = sse2_alnum_and_d(v);
            let (signs, d2) = sse2_word_and_d_signs(v, &WORD_TABLE.lanes[usize::from(c % 4)]);
            let [w, s, d, d2] = [word, signs, d, d2].map(|m| <[u8; 16]>::from(m)[0]);
            assert_eq!(s >> 7, w >> 7, "{c}");
            assert_eq!(w == 0xff, c.is_ascii_alphanumeric(), "{c}");
            assert_eq!(d2, d, "{c}");
            assert_eq!(d == 0xff, c | 0x20 == ONE_BYTE_KEY, "{c}");
        }
    }

    #[test]
    fn transpose8_moves_each_bit() {
        for i in 0..8 {
            for j in 0..8 {
                assert_eq!(transpose8(1 << (8 * i + j)), 1 << (8 * j + i), "{i} {j}");
            }
        }
    }

    /// [`block_word_bits`] on blocks of random bytes (more word bytes than not, and a few not ASCII).
    #[test]
    fn word_bits_of_random_blocks() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let pieces = b"aZz09 \n.,-'_\x80\xc5AqdD\xc4\xe4";
        for _ in 0..2000 {
            let block: [u8; 64] = std::array::from_fn(|_| {
                xorshift(&mut state);
                if state >> 60 == 0 {
                    (state >> 8) as u8
                } else {
                    pieces[(state >> 20) as usize % pieces.len()]
                }
            });
            let want = (0..64).fold(0u64, |bits, k| {
                bits | u64::from(WORD[usize::from(block[k])]) << k
            });
            assert_eq!(block_word_bits(&block), want, "{block:?}");
            assert_eq!(portable_word_bits(&block), want, "{block:?}");
            let d = (0..64).fold(0u64, |bits, k| {
                bits | u64::from(matches!(block[k], b'd' | b'D')) << k
            });
            assert_eq!(
                block_scan_bits(&block, &WORD_TABLE.lanes),
                (want, d),
                "{block:?}"
            );
            assert_eq!(portable_d_bits(&block), d, "{block:?}");
        }
    }

    #[test]
    fn word_bits_match_the_table() {
        let bytes: Vec<u8> = (0..=255u8).chain(b"aZ09_ Final".iter().copied()).collect();
        for at in 0..bytes.len() - 64 {
            let bits = block_word_bits(bytes[at..at + 64].try_into().unwrap());
            assert_eq!(
                portable_word_bits(bytes[at..at + 64].try_into().unwrap()),
                bits
            );
            let d = portable_d_bits(bytes[at..at + 64].try_into().unwrap());
            assert_eq!(
                block_scan_bits(bytes[at..at + 64].try_into().unwrap(), &WORD_TABLE.lanes),
                (bits, d)
            );
            for k in 0..64 {
                let want = bytes.get(at + k).is_some_and(|&c| WORD[usize::from(c)]);
                assert_eq!(bits >> k & 1 != 0, want, "{at} {k}");
            }
        }
    }

    /// At the end of a text, [`number_may_follow`] reads the missing bytes as zeros: the same answer as with
    /// zero bytes after the text (read in one load).
    #[test]
    fn number_may_follow_at_the_end() {
        let mut n = 0;
        for w in NUMBER_STARTS
            .iter()
            .chain(&CARD_STARTS)
            .chain(&[&b"xyzw"[..], b"the top", b"One"])
        {
            for cut in 0..=w.len() {
                for before in ["to ", "No.", "from  ", "No"] {
                    let t = [before.as_bytes(), &w[..cut]].concat();
                    let padded = [t.as_slice(), &[0; 4]].concat();
                    for the_top in [false, true] {
                        let e = before.find(' ').unwrap_or(2);
                        assert_eq!(
                            number_may_follow(&t, e, the_top),
                            number_may_follow(&padded, e, the_top),
                            "{t:?}"
                        );
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 500);
    }

    /// [`no_number_after`] says no only where [`number_may_follow`] does: for each follow word in its three
    /// cases, every pair of bytes after it, then a third byte and the rest drawn at random; and it says so for
    /// a space and a letter that starts no number word.
    #[test]
    fn no_number_after_agrees() {
        let mut seed = 0x5eed_f011_0f0f_u64;
        let (mut quick, mut asked) = (0, 0);
        for w in FOLLOW_WORDS {
            let forms = [
                w.to_vec(),
                w.to_ascii_uppercase(),
                [&w[..1].to_ascii_uppercase()[..], &w[1..]].concat(),
            ];
            for form in forms {
                let n = form.len();
                for pair in 0..=u16::MAX {
                    let r = xorshift(&mut seed).to_le_bytes();
                    let mut t = [&form[..], &pair.to_le_bytes(), &r].concat();
                    // Now and then, a text that ends after the two bytes.
                    if r[0] < 8 {
                        t.truncate(n + 2);
                    }
                    // (As the scan reads it: zeros past the end of the text.)
                    let padded = [&t[..], &[0; 8]].concat();
                    let raw = u64::from_le_bytes(padded[..8].try_into().expect("eight bytes"));
                    let [c0, c1] = pair.to_le_bytes();
                    let expect =
                        c0 == b' ' && c1.is_ascii_alphabetic() && !b"otfsenOTFSEN".contains(&c1);
                    assert_eq!(no_number_after(raw, n), expect, "{t:?}");
                    if expect {
                        assert!(!number_may_follow(&t, n, n == 2), "{t:?}");
                        quick += 1;
                    } else {
                        asked += 1;
                    }
                }
            }
        }
        assert_eq!(quick, 9 * 40);
        assert_eq!(asked, 9 * 65536 - 9 * 40);
    }

    /// [`keyword_kinds`] of the words that start with "no" (any case) and go on: a ranking keyword when "no"
    /// (or "No") runs into a number ("No1", "noone"), whatever follows; its test before the `match` agrees.
    #[test]
    fn no_words_by_their_rest() {
        let letters = "abcdefghijklmnopqrstuvwxyz0189";
        let mut rests: Vec<String> = CARD_STARTS
            .iter()
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect();
        for a in letters.chars() {
            rests.push(a.to_string());
            for b in letters.chars() {
                rests.push(format!("{a}{b}"));
                rests.push(format!("{a}{b}ne"));
                rests.push(format!("{a}{b}nety"));
            }
        }
        for rest in &rests {
            for no in ["no", "No", "NO", "nO"] {
                for rest in [rest.clone(), rest.to_ascii_uppercase()] {
                    let w = format!("{no}{rest}");
                    let r = rest.as_bytes();
                    let number = r.iter().all(u8::is_ascii_digit)
                        || r.len() >= CARD_MIN
                            && CARD_STARTS.iter().any(|c| {
                                r.len() >= c.len() && r[..c.len()].eq_ignore_ascii_case(c)
                            });
                    let want = if no.as_bytes()[1] == b'o' && number {
                        KEY_RANKING
                    } else {
                        0
                    };
                    for after in ["", " 1", " one", ". x"] {
                        let t = format!("{w}{after}");
                        assert_eq!(keyword_kinds(t.as_bytes(), 0, w.len()), want, "{t}");
                    }
                }
            }
        }
    }

    /// [`keyword_kinds`] tells the kinds of the words of [`KEY_FREE`] from their letters alone: the same in
    /// every case and whatever follows.
    #[test]
    fn free_words_are_free() {
        for w in KEY_FREE {
            assert!(KEY_EXACT.contains(&w) && !KEY_PREFIXES.iter().any(|p| w.starts_with(p)));
            let want = keyword_kinds(w, 0, w.len());
            for case in 0..1u32 << w.len() {
                let mut v = w.to_vec();
                for (i, c) in v.iter_mut().enumerate() {
                    if case >> i & 1 != 0 {
                        c.make_ascii_uppercase();
                    }
                }
                for after in ["", " 1", ". 2", " one", " the top", "s", "\u{e9}"] {
                    let mut t = v.clone();
                    t.extend_from_slice(after.as_bytes());
                    assert_eq!(keyword_kinds(&t, 0, w.len()), want, "{t:?}");
                }
            }
        }
    }

    /// `w` (lower case), capitalised and in capitals.
    fn case_forms(w: &str) -> [String; 3] {
        let mut up = w.to_string();
        up[..1].make_ascii_uppercase();
        [w.to_string(), up, w.to_ascii_uppercase()]
    }

    /// Two texts of `words` after `pad` bytes: joined by spaces, and joined by "é" (no ASCII gap).
    fn push_padded<S: std::borrow::Borrow<str>>(texts: &mut Vec<String>, words: &[S], pad: usize) {
        texts.push(format!("{}{}", "x ".repeat(pad / 2), words.join(" ")));
        texts.push(format!("{}{}", " ".repeat(pad), words.join("\u{e9}")));
    }

    /// The block scan with its filter finds what asking about every word finds.
    #[test]
    fn scan_finds_every_keyword() {
        let mut texts = all_texts();
        // With the table's sport and result words, so that its filter is seen to let each of them through.
        let table_words: Vec<Vec<u8>> = sport::first_runs()
            .into_iter()
            .chain(result::first_words())
            .collect();
        let words: Vec<String> = KEY_EXACT
            .iter()
            .chain(&KEY_PREFIXES)
            .copied()
            .chain(table_words.iter().map(|w| w.as_slice()))
            .flat_map(|w| {
                let w = String::from_utf8(w.to_vec()).unwrap();
                let [w, up, upper] = case_forms(&w);
                // A second letter in capitals ("oPen"), and the word before a number (as "to", "from" and
                // "number" are keywords only there).
                let mut mixed = w.clone().into_bytes();
                mixed[w.len().min(2) - 1..w.len().min(2)].make_ascii_uppercase();
                let mixed = String::from_utf8(mixed).unwrap();
                [
                    w.clone(),
                    up.clone(),
                    upper.clone(),
                    mixed,
                    format!("{w}s"),
                    format!("{up}s"),
                    format!("{w}ed"),
                    format!("{w}finals"),
                    format!("{w}1"),
                    format!("{w}one"),
                    format!("{w} 1"),
                    format!("{up} one"),
                    format!("{upper}. 2"),
                    format!("{w} the top"),
                ]
            })
            .chain(
                [
                    "not", "now", "Nov", "nothing", "Novak", "noone", "No1", "semis",
                ]
                .iter()
                .flat_map(|w| case_forms(w)),
            )
            .collect();
        // Every offset modulo 64, so that words cross block edges.
        for pad in 0..64 {
            push_padded(&mut texts, &words, pad);
            // Characters that fold to ASCII (or start with the same bytes) across block edges: in the first
            // block, in the blocks that the scan reads with the next one from the text, and in the last ones.
            for c in [
                '\u{17f}', '\u{212a}', '\u{145}', '\u{2019}', '\u{2129}', '\u{c5}',
            ] {
                for lead in [pad, pad + 128, pad + 320] {
                    texts.push(format!(
                        "{}{c}x Final{}",
                        "y".repeat(lead),
                        " z".repeat(100)
                    ));
                    texts.push(format!("{}\u{e9}{c}", "y".repeat(lead)));
                }
            }
        }
        for t in &texts {
            scan_is_plain_scan(t);
        }
    }

    /// `KindStarts::push` puts a start in the list of each of its kinds (not the table kinds), in order, and
    /// `clear` empties them.
    #[test]
    fn kind_starts_by_kind() {
        let mut starts = KindStarts::default();
        for (start, kinds) in [
            (3, KEY_TITLE | KEY_TOURNAMENT),
            (9, KEY_ROUND),
            (12, KEY_TOURNAMENT | KEY_SPORT),
            (15, KEY_RESULT),
            (20, KEY_WALKOVER | KEY_RANKING | KEY_ROUND),
        ] {
            starts.push(start, kinds);
        }
        let of = |kind| starts.of(kind).to_vec();
        assert_eq!(of(KEY_ROUND), [9, 20]);
        assert_eq!(of(KEY_RANKING), [20]);
        assert_eq!(of(KEY_TITLE), [3]);
        assert_eq!(of(KEY_TOURNAMENT), [3, 12]);
        assert_eq!(of(KEY_WALKOVER), [20]);
        assert!(of(KEY_SPORT).is_empty() && of(KEY_RESULT).is_empty());
        starts.clear();
        assert!(starts.0.iter().all(Vec::is_empty));
    }

    /// [`scan_keywords`] finds in `t` what [`plain_scan`] finds: the same marks, and in each of the lists of
    /// [`Keywords::sports`] and [`Keywords::results`] the keywords of its kind, as
    /// the one list of both kinds that the scan gave before held them, in order (that list was the keywords
    /// of [`plain_scan`] with a table kind). Returns the lengths of the two lists.
    fn scan_is_plain_scan(t: &str) -> (usize, usize) {
        let mut marks = KindStarts::default();
        let mut found = Found {
            keys: TableKeys::default(),
            marks: &mut marks,
            roles: Vec::new(),
            he: Vec::new(),
            seeds: Vec::new(),
        };
        let folds = scan_keywords(t.as_bytes(), &mut found);
        let all = plain_scan(t.as_bytes());
        for bit in 0..8 {
            let kind = 1u8 << bit;
            let want: Vec<usize> = all
                .iter()
                .filter(|k| k.kinds & kind & !TABLE_KINDS != 0)
                .map(|k| k.start)
                .collect();
            assert_eq!(found.marks.0[bit], want, "{kind} {t}");
        }
        let keys: Vec<Key> = all
            .into_iter()
            .filter(|k| k.kinds & TABLE_KINDS != 0)
            .collect();
        let results: Vec<Key> = found.keys.results().copied().collect();
        for (got, kind) in [(found.keys.sports(), KEY_SPORT), (&results[..], KEY_RESULT)] {
            let want: Vec<Key> = keys
                .iter()
                .filter(|k| k.kinds & kind != 0)
                .copied()
                .collect();
            if let Some(i) = (0..got.len().max(want.len())).find(|&i| got.get(i) != want.get(i)) {
                let show = |k: Option<&Key>| k.map(|k| (*k, &t[k.start..k.end]));
                panic!("{kind}: {:?} != {:?}", show(got.get(i)), show(want.get(i)));
            }
        }
        // The lists of the public scan are these.
        let keywords = Keywords::scan(t);
        assert_eq!(keywords.sports(), found.keys.sports(), "{t}");
        assert!(keywords.results().eq(&results), "{t}");
        let want = t.contains('\u{17f}') || t.contains('\u{212a}');
        assert_eq!(folds, want, "{t}");
        (found.keys.sports().len(), results.len())
    }

    /// The scan's lists of sport and result keywords on random texts of the table's words, in their three case
    /// forms, with glue and pieces that join, split or end words.
    #[test]
    fn scan_lists_of_random_texts() {
        let words: Vec<String> = sport::first_runs()
            .into_iter()
            .chain(result::first_words())
            .flat_map(|w| case_forms(&String::from_utf8(w).expect("ASCII")))
            // Most with a space after them, so that they stay words; some bare, to be glued to what follows.
            .flat_map(|w| [format!("{w} "), format!("{w} "), w])
            .collect();
        let mut pieces: Vec<&str> = words.iter().map(String::as_str).collect();
        pieces.extend([
            " ", " ", " ", ", ", ". ", "-", "'s ", "s", "1", "_", "\u{e9}", "\u{17f}", "\n",
        ]);
        pieces.extend(EDGE_PIECES);
        let (mut sports, mut results) = (0, 0);
        // Short texts, and long ones whose lists outgrow the room several times.
        let mut texts = random_texts(&pieces, 3000, 40, 0x51ed_270b_2717_4a93);
        texts.extend(random_texts(&pieces, 20, 3000, 0x2545_f491_4f6c_dd1d));
        for t in texts {
            let (s, r) = scan_is_plain_scan(&t);
            sports += s;
            results += r;
        }
        assert!(sports > 20_000 && results > 20_000, "{sports} {results}");
    }

    /// [`TableKeys`] holds what a list per kind holds: keys of random kinds (one table kind, and other kinds with
    /// it) pushed into it and into two `Vec`s, compared after every push; across the growth of its
    /// room (from none, and from a reserve), and after [`TableKeys::clear`] and [`TableKeys::recycle`] with
    /// stale keys in its room.
    #[test]
    fn table_keys_are_two_lists() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut keys = TableKeys::default();
        let mut pushed = 0;
        for round in 0..40 {
            match round % 4 {
                0 => keys.clear(),
                1 => keys.recycle(),
                2 => {
                    keys.clear();
                    keys.reserve(round * 7);
                }
                _ => keys = TableKeys::default(),
            }
            let (mut sports, mut results) = (Vec::new(), Vec::new());
            for i in 0..round * 97 {
                let r = xorshift(&mut state);
                let kinds =
                    [KEY_SPORT, KEY_RESULT][(r % 2) as usize] | (r >> 8) as u8 & !TABLE_KINDS;
                let key = Key {
                    start: i,
                    end: i + 1 + (r >> 16) as usize % 13,
                    kinds,
                    group: (r >> 24) as u16,
                    cue: (r >> 40) as u16,
                };
                let slot = Info {
                    group: key.group,
                    cue: key.cue,
                    ..NO_SLOT
                };
                keys.push(key.start, key.end, key.kinds, &slot);
                if kinds & KEY_SPORT != 0 {
                    sports.push(key);
                }
                if kinds & KEY_RESULT != 0 {
                    results.push(key);
                }
                assert_eq!(keys.sports(), sports);
                assert!(keys.results().eq(&results));
                assert!(keys.front <= keys.back && keys.back <= keys.buf.len());
                pushed += 1;
            }
        }
        assert!(pushed > 30_000, "{pushed}");
    }

    /// One compare of [`tagged`] keys says what the compares of the key and the length said: for every slot and
    /// every length that a word with the slot's first eight bytes may have, the tagged key equals the slot's
    /// when the length is the slot's word's, and only then.
    #[test]
    fn tagged_keys_tell_the_length() {
        let mut seen = 0;
        for slot in WORD_TABLE.words().iter().filter(|s| s.info.len != 0) {
            let key = slot.key & !TAG_BITS;
            let bytes = key.to_le_bytes().iter().filter(|&&c| c != 0).count();
            assert_eq!(slot.key, tagged(key, usize::from(slot.info.len)));
            for n in 1..=255 {
                // The lengths of the words whose first eight bytes give `key`.
                if (n < 8 && bytes == n) || (n >= 8 && bytes == 8) {
                    assert_eq!(
                        tagged(key, n) == slot.key,
                        n == usize::from(slot.info.len),
                        "{slot:?} {n}"
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen > 1000, "{seen}");
        // The scan's keys: the case bit and the tag at once.
        for n in 1..=SEED_MAX {
            let raw = key8(b"AbCdEfGhIj");
            let want = tagged(word_key(b"AbCdEfGhIj", 0, n.min(10)), n);
            let got = if n <= SCAN_MAX {
                (raw | WORD_TABLE.forms.ors[n]) & WORD_TABLE.forms.masks[n]
            } else {
                raw | WORD_TABLE.forms.ors[n]
            };
            assert_eq!(got, want, "{n}");
        }
    }

    /// [`Scan::block`]'s word that runs into the next block, told by `starts > !w` and taken out of the
    /// loop ([`Scan::words`]), against the old form: one loop over every start, whose length up to the next
    /// non-word byte of the block is 64 when there is none, then counted on into the next block. The same
    /// starts, in order, with the same lengths, for random masks (with runs of word bytes of every length,
    /// and blocks that end in a word byte) and for the edge cases.
    #[test]
    fn straddling_word_is_the_old_last_word() {
        let old = |starts: u64, w: u64, next: u64| -> Vec<(usize, usize)> {
            let mut starts = starts;
            let mut found = Vec::new();
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let mut n = (!w >> k).trailing_zeros() as usize;
                if n == 64 {
                    n = 64 - k + (!next).trailing_zeros() as usize;
                }
                found.push((k, n));
            }
            found
        };
        let new = |starts: u64, w: u64, next: u64| -> Vec<(usize, usize)> {
            let ends = !w | 1 << 63;
            let words = |mut starts: u64, found: &mut Vec<(usize, usize)>| {
                while starts != 0 {
                    let k = starts.trailing_zeros() as usize;
                    starts &= starts - 1;
                    found.push((k, (ends >> k).trailing_zeros() as usize));
                }
            };
            let mut found = Vec::new();
            if starts > !w {
                let h = 63 - starts.leading_zeros() as usize;
                words(starts ^ 1 << h, &mut found);
                found.push((h, 64 - h + (!next).trailing_zeros() as usize));
            } else {
                words(starts, &mut found);
            }
            found
        };
        let mut state = 0x5eed_b10c_u64;
        let mut n = 0;
        for i in 0..200_000u32 {
            let mut r = || xorshift(&mut state);
            // Word bytes three in four, or runs of them (an OR of shifts), or the edge cases.
            let (w, next) = match i % 4 {
                0 => (r() | r(), r() | r()),
                1 => {
                    let x = r();
                    (x | x << 1 | x << 2 | x << 3, r() & r())
                }
                2 => (!(r() & r() & r()), !(r() & r())),
                _ => {
                    let edge = [
                        0,
                        !0,
                        1 << 63,
                        !0 >> 1,
                        !0 << 1,
                        !0 << 60,
                        0x8000_0000_0000_0001,
                    ];
                    let pick = r();
                    (edge[(pick % 7) as usize], edge[(pick >> 8) as usize % 7])
                }
            };
            let (carry, d) = (r() & 1, r() & r() & r());
            let starts = w & !(w << 1 | carry) & (w >> 1 | next << 63 | d);
            let h = 63 - (starts | 1).leading_zeros() as usize;
            // The old test of the last word: a start, and word bytes from it to the block's end.
            let straddles = starts != 0 && !w >> h == 0;
            assert_eq!(starts > !w, straddles, "{w:#x} {starts:#x}");
            assert_eq!(
                new(starts, w, next),
                old(starts, w, next),
                "{w:#x} {next:#x} {starts:#x}"
            );
            n += usize::from(straddles);
        }
        assert!(n > 50_000, "{n}");
    }

    /// Of the words of one byte, only [`ONE_BYTE_KEY`] has a slot or a `filter` bit (the prefix, "he" and
    /// seed words are all longer), so [`Scan::block`] skips the others without their filter test: each word of
    /// one byte, in either case, found by the scan as by [`plain_scan`] at every offset of a block, alone and
    /// between others.
    #[test]
    fn one_byte_words_but_d_have_no_kinds() {
        for slot in WORD_TABLE.words().iter().filter(|s| s.info.len == 1) {
            assert_eq!(slot.key, u64::from(ONE_BYTE_KEY), "{slot:?}");
        }
        // The filter's bit for length 1 is set only under the index of "d" (with any two bytes after it).
        for (i, f) in WORD_TABLE.filter.iter().enumerate() {
            if f >> 1 & 1 != 0 {
                let hit = (0..1u64 << 10).any(|past| {
                    let after = ((past & 31) | (past >> 5 & 31) << 8) << 8;
                    filter_index(u64::from(ONE_BYTE_KEY) | after) == i
                });
                assert!(hit, "{i}");
            }
        }
        let mut n = 0;
        for c in (0..=255u8).filter(|&c| WORD[usize::from(c)]) {
            let c = char::from(c);
            for pad in 0..66 {
                for t in [
                    format!("{}{c}", " ".repeat(pad)),
                    format!("{}{c}. Zheng {c} d {c}", "x ".repeat(pad / 2)),
                    format!("{}{c}\u{e9}d D.", "-".repeat(pad)),
                ] {
                    scan_is_plain_scan(&t);
                    n += 1;
                }
            }
        }
        assert!(n > 12_000, "{n}");
    }

    /// The table is perfect with [`MUL`] and 8-bit displacements: every word of [`table_words`] has a slot of
    /// its own, where [`WordTable::slot_index`] finds it (and the table's words are all there).
    #[test]
    fn every_table_word_has_its_own_slot() {
        let (words, _, _) = table_words();
        let mut seen = std::collections::HashSet::new();
        for w in &words {
            let key = tagged(w.key, usize::from(w.info.len));
            let i = WORD_TABLE.slot_index(key);
            assert!(i < SLOTS && seen.insert(i), "{w:?}");
            assert_eq!(WORD_TABLE.keys[i], key, "{w:?}");
            assert_eq!(WORD_TABLE.info[i].len, w.info.len, "{w:?}");
            assert_eq!(WORD_TABLE.info[i].kinds, w.info.kinds, "{w:?}");
            assert_eq!(WORD_TABLE.info[i].free, w.info.free | w.info.kinds, "{w:?}");
        }
        assert_eq!(
            WORD_TABLE
                .words()
                .iter()
                .filter(|s| s.info.len != 0)
                .count(),
            words.len()
        );
        assert!(words.len() > 400, "{}", words.len());
        assert!(
            WORD_TABLE
                .shifts
                .iter()
                .all(|&d| u32::from(d) < 1 << SHIFT_BITS)
        );
    }

    /// The scan's form of [`filter_index`] (the table's copy of [`FILTER_MASK`] and [`filter_hash`]) gives the
    /// index the table was built with, for the bytes as written in any case and whatever follows the third.
    #[test]
    fn filter_hash_of_the_table_mask_is_filter_index() {
        assert_eq!(WORD_TABLE.filter_mask, FILTER_MASK);
        assert_eq!(WORD_TABLE.mul, MUL);
        assert_eq!(filter_hash(0), 0);
        assert_eq!(filter_hash(1), 0x9e37_79b9 >> 18);
        assert_eq!(
            filter_index(u64::from_le_bytes(*b"set poin")),
            filter_index(u64::from_le_bytes(*b"SeT_____"))
        );
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let old =
                ((x as u32 & 0x1f_1f1f).wrapping_mul(0x9e37_79b9) >> (32 - FILTER_BITS)) as usize;
            assert_eq!(filter_index(x), old);
            assert_eq!(filter_hash(x as u32 & WORD_TABLE.filter_mask), old);
            assert!(old < FILTER_SIZE);
        }
    }

    /// A word that hits a slot with [`SLOT_SEED`] has [`SEED_FILTER`] in its `filter` entry, so that [`look`]
    /// tests the slot's flag alone (as it tested both): every such slot's word, in its three case forms.
    #[test]
    fn seed_slots_pass_the_seed_filter() {
        let table = &*WORD_TABLE;
        let mut seen = 0;
        for slot in table
            .words()
            .iter()
            .filter(|s| s.info.flags & SLOT_SEED != 0)
        {
            let n = usize::from(slot.info.len);
            assert!((3..=SCAN_MAX).contains(&n), "{slot:?}");
            // (Its first eight bytes: the `filter` reads the first three.)
            let w = &(slot.key & !TAG_BITS).to_le_bytes()[..n.min(8)];
            for form in case_forms(std::str::from_utf8(w).expect("ASCII")) {
                let raw = key8(form.as_bytes());
                let entry = table.filter[filter_index(raw)];
                assert!(entry >> n & 1 != 0 && entry & SEED_FILTER != 0, "{form}");
                seen += 1;
            }
        }
        assert!(seen >= 6, "{seen}");
    }

    /// [`block_folds`] is true for every block in which "ſ" or the Kelvin sign ends, and only when one starts
    /// in the block or the two bytes before it, on random texts of the bytes of both and their neighbours, at
    /// offsets of every kind (the first block, blocks from two bytes on); and [`folds_near`] tells the same.
    #[test]
    fn block_folds_finds_the_last_bytes() {
        let alphabet = [0xc5u8, 0xbf, 0xe2, 0x84, 0xaa, 0xc4, 0x80, b'a', b' ', 0xe9];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || xorshift(&mut state);
        let (mut yes, mut no) = (0, 0);
        let starts = |b: &[u8], i: usize| {
            ["\u{17f}", "\u{212a}"]
                .into_iter()
                .find(|c| b[i..].starts_with(c.as_bytes()))
                .map(str::len)
        };
        for round in 0..20_000 {
            // Some texts dense with these bytes, some with one or two among ASCII letters.
            let dense = round % 2 == 0;
            let b: Vec<u8> = (0..80)
                .map(|_| {
                    let r = next();
                    if dense || r % 16 == 0 {
                        alphabet[(r >> 8) as usize % alphabet.len()]
                    } else {
                        b'x'
                    }
                })
                .collect();
            for at in [0, 1, 2, 3, 16] {
                let block: &[u8; 64] = b[at..at + 64].try_into().expect("64 bytes");
                let got = block_folds(&b, at, block);
                let ends_in = (0..b.len())
                    .any(|i| starts(&b, i).is_some_and(|n| (at..at + 64).contains(&(i + n - 1))));
                let starts_near = (at.saturating_sub(2)..at + 64).any(|i| starts(&b, i).is_some());
                assert!(!ends_in || got, "{b:?} {at}");
                assert!(!got || starts_near, "{b:?} {at}");
                assert_eq!(folds_near(&b, at), starts_near, "{b:?} {at}");
                if got {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 1000 && no > 1000, "{yes} {no}");
    }

    /// The scan puts in [`Keywords::roles`] the starts of the maximal runs of letters and digits whose length
    /// and first eight bytes in lower case are those of a role's first run, as a plain walk over the runs finds.
    #[test]
    fn scan_finds_every_role() {
        let runs: Vec<(u64, usize)> = role_runs()
            .map(|r| (word_key(r, 0, r.len()), r.len()))
            .collect();
        assert!(runs.iter().all(|&(_, n)| (1..=ROLE_MAX).contains(&n)));
        let mut texts = all_texts();
        let words: Vec<String> = crate::resolve::ROLES
            .iter()
            .flat_map(|w| {
                let [w, up, upper] = case_forms(w);
                [
                    w.clone(),
                    up.clone(),
                    upper,
                    format!("{w}s"),
                    format!("({up}'s)"),
                    format!("x{w}"),
                    format!("{w}\u{e9}"),
                    w[1..].to_string(),
                ]
            })
            .collect();
        for pad in 0..64 {
            push_padded(&mut texts, &words, pad);
        }
        for t in &texts {
            let b = t.as_bytes();
            let want: Vec<usize> = word_runs(b)
                .filter(|&(s, e)| runs.contains(&(word_key(b, s, e - s), e - s)))
                .map(|(s, _)| s)
                .collect();
            assert_eq!(Keywords::scan(t).roles(), want, "{t}");
        }
    }

    /// The scan puts in [`Keywords::he_words`] the starts of the maximal runs of letters and digits that are
    /// "he", "she" or "the" in any case, as a plain walk over the runs finds.
    #[test]
    fn scan_finds_every_he_word() {
        let mut texts = all_texts();
        let words = [
            "he",
            "He",
            "HE",
            "hE",
            "she",
            "She",
            "SHE",
            "the",
            "The",
            "THE",
            "tHe",
            "hes",
            "he1",
            "1he",
            "he_",
            "_he",
            "_the_",
            "the\u{e9}",
            "\u{e9}he",
            "thee",
            "tthe",
            "4he",
            "he's",
            "(She)",
            "Th",
            "sh",
            "h",
            "e",
        ];
        for pad in 0..64 {
            push_padded(&mut texts, &words, pad);
            texts.push(format!("{}{}", "y".repeat(pad), words.join("")));
            texts.push(format!("{}the", " ".repeat(pad)));
        }
        for t in &texts {
            let b = t.as_bytes();
            let want: Vec<usize> = word_runs(b)
                .filter(|&(s, e)| HE_WORDS.iter().any(|w| b[s..e].eq_ignore_ascii_case(w)))
                .map(|(s, _)| s)
                .collect();
            assert_eq!(Keywords::scan(t).he_words(), want, "{t}");
        }
    }
}

#[cfg(test)]
mod branch_tests {
    use super::Branches;

    /// Both ways to the groups (an alternative alone, the whole pattern in context) give the same texts.
    #[test]
    fn groups_are_texts_on_both_paths() {
        let b = Branches::new(
            "",
            r"(?-u:\b)",
            &[r"(?P<a>y)z".to_string(), r"(?P<b>x)(?i:k)".to_string()],
            r"(?-u:\b)",
        );
        // Fast path: the second alternative matches "xk" alone.
        let c = b.captures(" xk ", 1, 3);
        assert_eq!((c.name("a"), c.name("b")), (None, Some("x")));
        // Fallback: "x\u{212a}" (Kelvin sign) ends in a non-word byte, so the final `\b` holds only in context.
        let text = "x\u{212a}a";
        let c = b.captures(text, 0, 4);
        assert_eq!((c.name("a"), c.name("b")), (None, Some("x")));
    }
}

#[cfg(test)]
mod window_tests {
    /// `window_start` read one character at a time.
    fn plain(text: &str, o: usize, runs: usize) -> usize {
        let mut seen = 0;
        let mut in_space = false;
        for (i, c) in text[..o].char_indices().rev() {
            if c.is_whitespace() {
                if !in_space {
                    seen += 1;
                    if seen > runs {
                        return i + c.len_utf8();
                    }
                    in_space = true;
                }
            } else {
                in_space = false;
            }
        }
        0
    }

    /// `window_start` before it read sixteen bytes at a time: a byte loop over each run of plain bytes.
    fn by_bytes(text: &str, o: usize, runs: usize) -> usize {
        let plain = |c: u8| c < 0x80 && !super::ascii_space(c);
        let b = text.as_bytes();
        let mut seen = 0;
        let mut in_space = false;
        let mut j = o;
        while j > 0 {
            if plain(b[j - 1]) {
                j -= 1;
                while j > 0 && plain(b[j - 1]) {
                    j -= 1;
                }
                in_space = false;
                continue;
            }
            let (start, space) = if b[j - 1] < 0x80 {
                (j - 1, super::ascii_space(b[j - 1]))
            } else {
                let c = text[..j].chars().next_back().expect("a character");
                (j - c.len_utf8(), c.is_whitespace())
            };
            if space {
                if !in_space {
                    seen += 1;
                    if seen > runs {
                        return j;
                    }
                    in_space = true;
                }
            } else {
                in_space = false;
            }
            j = start;
        }
        0
    }

    /// `window_start`, the walk before it and the walk by characters at every character boundary of `t`.
    fn check_all_offsets(t: &str) {
        for o in (0..=t.len()).filter(|&o| t.is_char_boundary(o)) {
            for runs in [0, 1, 2, 3, 5, 11] {
                let got = super::window_start(t, o, runs);
                assert_eq!(got, by_bytes(t, o, runs), "{o} {runs} {t:?}");
                assert_eq!(got, plain(t, o, runs), "{o} {runs} {t:?}");
            }
        }
    }

    #[test]
    fn same_as_by_characters() {
        for t in &super::all_texts() {
            check_all_offsets(t);
        }
    }

    /// Random texts of letters, digits, ASCII white space and multi-byte characters (white space or not).
    #[test]
    fn same_as_by_characters_on_random_texts() {
        const PIECES: [&str; 14] = [
            "a", "Z", "7", ".", " ", " ", "\t", "\n", "\r\n", "\u{b}", "é", "’", "\u{a0}",
            "\u{3000}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let len = (super::xorshift(&mut seed) % 40) as usize;
            let t: String = (0..len)
                .map(|_| PIECES[(super::xorshift(&mut seed) % PIECES.len() as u64) as usize])
                .collect();
            check_all_offsets(&t);
        }
    }

    /// `window_bits` (and its portable form) marks exactly the non-ASCII bytes and the ASCII white space, every
    /// byte value in every place of the sixteen.
    #[test]
    fn window_bits_of_every_byte() {
        for c in 0..=255u8 {
            for k in 0..16 {
                for fill in [b'a', b' ', 0, 0x7f, 0x80, 0xff, b'\t', b'\r'] {
                    let mut bytes = [fill; 16];
                    bytes[k] = c;
                    let want = bytes.iter().enumerate().fold((0, 0), |(h, s), (i, &v)| {
                        (
                            h | u32::from(v >= 0x80) << i,
                            s | u32::from(super::ascii_space(v)) << i,
                        )
                    });
                    assert_eq!(super::window_bits(&bytes), want, "{c} {k} {fill}");
                    assert_eq!(super::portable_window_bits(&bytes), want, "{c} {k} {fill}");
                }
            }
        }
    }

    /// `word_run_end` against a byte loop, at every start and limit of random texts of letters, digits, spaces,
    /// punctuation and non-ASCII bytes, with runs shorter and longer than sixteen bytes.
    #[test]
    fn word_run_end_as_the_byte_loop() {
        const PIECES: [&str; 8] = [
            "a",
            "Z9",
            " ",
            "-",
            "é",
            "seventeenth",
            "abcdefghijklmnopqrstu",
            "_",
        ];
        let mut seed = 0x5eed_1234_u64;
        for _ in 0..200 {
            let len = (super::xorshift(&mut seed) % 12) as usize;
            let t: String = (0..len)
                .map(|_| PIECES[(super::xorshift(&mut seed) % PIECES.len() as u64) as usize])
                .collect();
            let b = t.as_bytes();
            for lim in 0..=b.len() {
                for p in 0..=lim {
                    let mut want = p;
                    while want < lim && b[want].is_ascii_alphanumeric() {
                        want += 1;
                    }
                    assert_eq!(super::word_run_end(b, p, lim), want, "{t:?} {p} {lim}");
                }
            }
        }
        assert_eq!(super::word_run_end(b"seventeenth seed", 0, 16), 11);
        assert_eq!(super::word_run_end(b"seventeenth seed", 3, 7), 7);
        assert_eq!(super::word_run_end(b"abcdefghijklmnopqrstu vw", 1, 24), 21);
    }

    /// `BIT_COUNT` against a count bit by bit.
    #[test]
    fn bit_count_table() {
        for m in 0..256usize {
            let want = (0..8).filter(|i| m >> i & 1 == 1).count();
            assert_eq!(usize::from(super::BIT_COUNT[m]), want, "{m}");
        }
    }
}
