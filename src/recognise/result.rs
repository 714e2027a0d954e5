//! Result cues: the words that say who beat whom ("beat", "saw off", "lost to", "was beaten by", "a win over",
//! "X d. Y", "Result:"). A cue is evidence of direction only; the resolver finds the players around it.
//! Corpus: `tests/corpus/result.jsonl`.

use super::{Alternation, Anchored, Keywords, Span, WORD_TABLE, first_run, is_word_byte, word_key};
use crate::lexicon::{FxHashMap, FxHashSet};
use once_cell::sync::Lazy;

/// What a cue says about the players around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// The player before beat the player after: "A beat B", "A saw off B", "A d. B".
    Beat,
    /// The player before lost to the player after: "A lost to B", "A fell to B".
    LostTo,
    /// A passive: "A was beaten by B", "A, stunned by B": B, named after "by", won.
    Passive,
    /// A noun of victory: "A's win over B", "a 6-4 6-2 victory over B"; the winner is the clause's subject.
    WinOver,
    /// A noun of defeat: "A's defeat to B", "a loss to B", "suffered a defeat by B"; the subject lost.
    DefeatBy,
    /// "defeat of B": the subject won, B lost.
    DefeatOf,
    /// "won" / "winning" with no object: the subject won; the opponent comes from context.
    Won,
    /// "losing" / "lost" with no object: the subject lost; the opponent comes from context.
    Lost,
    /// "retired" / "retirement": the player before stopped playing and lost.
    Retired,
    /// "received a walkover": the player before won without playing.
    Walkover,
}

/// A result cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub span: Span,
    pub kind: CueKind,
}

/// The alternatives of the cue pattern, in priority order (leftmost-first), with their names.
const CUE_ALTS: &[(&str, &str)] = &[
    (
        "passive",
        r"(?:was|were|been|being|be|is|are|got|get|gets)\x20(?:(?:also|then|later|eventually|finally|again|[a-z]+ly)\x20)?
          (?:beaten|defeated|ousted|knocked\x20out|eliminated|thrashed|crushed|upset|stunned|edged(?:\x20out)?|downed
            |dispatched|outlasted|outplayed|outclassed|humbled|toppled|shocked|dumped(?:\x20out)?|seen\x20off
            |overcome|swept\x20aside|brushed\x20aside|routed|trounced|beat)(?-u:\b)",
    ),
    (
        "takenby",
        r"(?:was|were|is|are|being)\x20(?:taken|pushed|stretched)\x20(?:the\x20distance|to\x20(?:three|four|five|3|4|5)\x20sets|to\x20a\x20decider|all\x20the\x20way)\x20by(?-u:\b)",
    ),
    (
        "byagent",
        r"(?:beaten|defeated|ousted|knocked\x20out|eliminated|thrashed|crushed|upset|stunned|shocked|edged\x20out
          |downed|dispatched|outlasted|outplayed|outclassed|humbled|toppled|dumped\x20out|routed|trounced|beat)\x20by(?-u:\b)",
    ),
    ("beaten", r"beaten(?-u:\b)"),
    (
        "lostmatch",
        r"(?:lost|loses|losing)\x20(?:the\x20|his\x20|her\x20|their\x20)?(?:[a-z-]+\x20)?(?:match|rubber|final|semi-final|quarter-final|singles|encounter|clash|contest|tie)\x20(?:to|against)(?-u:\b)",
    ),
    (
        "wonmatch",
        r"(?:won|wins|winning)\x20(?:the\x20|his\x20|her\x20|their\x20)?(?:[a-z-]+\x20)?(?:match|rubber|final|semi-final|quarter-final|encounter|clash|contest)\x20against(?-u:\b)",
    ),
    (
        "lost",
        r"(?:lost|loses|losing|lose|fell|falls|falling|fall|went\x20down|goes\x20down|going\x20down|bowed\x20out
          |crashed\x20out|succumbed|slumped)(?:\x20(?:in\x20straight\x20sets|in\x20(?:two|three|four|five)\x20sets))?\x20(?:to|against)(?-u:\b)",
    ),
    ("dd", r"(?-u:\b)(?:d|def|bt)\.?\x20\p{Lu}"),
    (
        "winover",
        r"(?:winner|win|wins|victory|victories|triumph|success|upset|rout|demolition|thrashing)\x20(?:over|against)(?-u:\b)",
    ),
    (
        "defeatof",
        r"(?:defeat|dismantling|destruction|demolition)\x20of(?-u:\b)",
    ),
    (
        "defeatby",
        r"(?:defeat|defeats|loss|losses|exit|elimination)\x20(?:to|by|against|at\x20the\x20hands\x20of)(?-u:\b)",
    ),
    (
        "beat",
        r"(?:beat|beats|beating|defeated|defeats|defeating|overcame|overcomes|overcoming|overcome|ousted|ousts|ousting
          |knocked\x20out|knocks\x20out|knocking\x20out|eliminated|eliminates|eliminating|thrashed|thrashes|thrashing
          |crushed|crushes|crushing|routed|routs|upset|upsets|upsetting|stunned|stuns|shocked|shocks
          |edged(?:\x20(?:out|past))?|edges(?:\x20(?:out|past))?|downed|downs|dispatched|dispatches|dispatching|outlasted|outlasts
          |outplayed|outclassed|outclasses|swept\x20(?:past|aside)|sweeps\x20(?:past|aside)|brushed\x20aside|cruised\x20past|cruises\x20past
          |eased\x20past|eases\x20past|breezed\x20past|breezes\x20past|battled\x20past|battles\x20past|fought\x20past|fought\x20off|powered\x20past
          |powers\x20past|raced\x20past|stormed\x20past|storms\x20past|romped\x20past|got\x20past|gets\x20past|get\x20past|getting\x20past|triumphed\x20(?:in\x20(?:two|three|four|five|straight)\x20sets\x20)?over|triumphs\x20over|saw\x20off|sees\x20off
          |seeing\x20off|see\x20off|dumped\x20out|trounced|demolished|dismantled|toppled|topples|humbled|blitzed|whitewashed
          |(?:squeezed|squeezing|squeezes|slipped|slips|scraped|scrapes|scraping|eased|easing|cruised|cruising|breezed|breezing
             |battled|battling|fought|fighting|powered|powering|raced|racing|stormed|storming|romped|romping|swept|sweeping
             |marched|marching|charged|charging|sailed|sailing|glided|rolled|rolling|strolled|surged|blasted|blew|brushed
             |muscled|steamed|got|gets|getting|rallied|rallying|ground|grinding|edging|waltzed|coasted|coasting|motored
             |motoring|ploughed|ran|moved|moving|cut|cutting|slid|sliding|zipped|breezes|cruises|eases|storms|powers)\x20past
          |got\x20the\x20better\x20of|gets\x20the\x20better\x20of|held\x20off|holds\x20off|fended\x20off|fends\x20off
          |tore\x20apart|tearing\x20apart|tears\x20apart|overpowered|overpowers|thumped|hammered|swatted\x20aside|rallied\x20past|came\x20back\x20to\x20beat|knocked\x20off|ended\x20the\x20run\x20of)(?-u:\b)",
    ),
    (
        "walkover",
        r"(?:received|receives|given|handed|gets|got|was\x20awarded|awarded)\x20a\x20walkover(?-u:\b)",
    ),
    (
        "retired",
        r"(?:retired|retires|retiring|retire|quit|quits|withdrew\x20during|pulled\x20out|pulls\x20out)(?-u:\b)",
    ),
    ("won", r"(?:won|wins|winning|win)(?-u:\b)"),
    (
        "lostbare",
        r"(?:lost|losing|went\x20down|goes\x20down|going\x20down|fell|falling|slumped|crashed\x20out|bowed\x20out)(?-u:\b)",
    ),
];

static CUE: Lazy<Alternation> = Lazy::new(|| {
    let alts: Vec<&str> = CUE_ALTS.iter().map(|(_, a)| *a).collect();
    Alternation::new("(?x)", r"(?-u:\b)", &alts, "")
});

/// The pattern tried only at chosen offsets: the words that may start a cue.
static NEAR: Lazy<Anchored> = Lazy::new(|| CUE.anchored().clone());

/// The words that start the cues (every alternative starts with one of them, written as is: the pattern is case
/// sensitive).
static FIRST_WORDS: Lazy<FxHashSet<Box<[u8]>>> = Lazy::new(|| {
    CUE_ALTS
        .iter()
        .flat_map(|(_, a)| super::literals(a))
        .map(|t| t[..first_run(&t)].into())
        .collect()
});

/// One way a cue may go on after its first word, in the order the pattern tries them (see [`read_at`]).
#[derive(Clone)]
enum Step {
    /// A text of alternative `alt` (an index of [`CUE_ALTS`]): these bytes after the first word, then a word
    /// boundary. A NUL byte at the end stands for `\p{Lu}` (the "dd" alternative, no boundary after it).
    /// `two`: its first two bytes as `u16::from_le_bytes` when it has three or more, else [`ANY_TWO`].
    Lit {
        alt: usize,
        rest: Box<[u8]>,
        two: u32,
        /// The first eight bytes of `rest` as [`Prefix`] (the bytes before the NUL of "dd"): a compare of
        /// integers, not a call to `memcmp` per step tried.
        head: Prefix,
    },
    /// The "lostmatch" (`lost`) or "wonmatch" alternative `alt` after its verb: read by [`noun_prep`].
    NounPrep { alt: usize, lost: bool },
    /// The "passive" alternative `alt` after its verb ("was", "got"): read by [`passive`].
    Passive { alt: usize },
}

/// What the cue reader knows of a first word: the ways a cue may go on after it ([`read_at`] tries them).
struct Word {
    steps: Vec<Step>,
    /// The distinct `two`s (as [`read_at`] reads them: the first two bytes as `u16::from_le_bytes`) of the
    /// [`Step::Lit`] texts of three bytes or more.
    twos: Box<[u32]>,
    /// For each of `twos`, the `steps` that can match where the two bytes after the word are that `two`
    /// (its texts and the steps tried wherever), in order.
    by_two: Box<[Box<[Step]>]>,
    /// The `steps` tried wherever (shorter texts, [`Step::NounPrep`], [`Step::Passive`]): all that can
    /// match where the two bytes after the word are none of `twos`.
    anywhere: Box<[Step]>,
    /// The first and the second bytes of the `steps` as bit sets of ASCII bytes (see [`lead_sets`]).
    lead: Option<(u128, u128)>,
}

impl Word {
    /// The steps that can match where the two bytes after the word are `next_two` (as [`read_at`] reads
    /// them), in order: a search of a few integers, not a test per step.
    #[inline]
    fn steps_after(&self, next_two: u32) -> &[Step] {
        match self.twos.iter().position(|&t| t == next_two) {
            Some(i) => &self.by_two[i],
            None => &self.anywhere,
        }
    }
}

impl Step {
    /// The alternative (an index of [`CUE_ALTS`]) that the step reads.
    fn alt(&self) -> usize {
        match *self {
            Step::Lit { alt, .. } | Step::NounPrep { alt, .. } | Step::Passive { alt } => alt,
        }
    }

    /// The `two` of a [`Step::Lit`] text, [`ANY_TWO`] for the other steps.
    fn two(&self) -> u32 {
        match *self {
            Step::Lit { two, .. } => two,
            _ => ANY_TWO,
        }
    }
}

/// Bit sets of the bytes that the [`Step::Lit`] texts of `steps` open with (first, second): a text of three
/// bytes or more is tried only where the two bytes after the first word are its first two. `None` when some
/// step is tried wherever (a [`Step::NounPrep`] or [`Step::Passive`], a shorter text) or a byte is not ASCII.
fn lead_sets(steps: &[Step]) -> Option<(u128, u128)> {
    let (mut first, mut second) = (0u128, 0u128);
    for step in steps {
        match step {
            Step::Lit { rest, .. } if rest.len() >= 3 && rest[0] < 0x80 && rest[1] < 0x80 => {
                first |= 1 << rest[0];
                second |= 1 << rest[1];
            }
            _ => return None,
        }
    }
    Some((first, second))
}

/// Whether byte `c` is in the bit set `set` of ASCII bytes.
fn in_set(set: u128, c: Option<&u8>) -> bool {
    c.is_some_and(|&c| c < 0x80 && set >> c & 1 != 0)
}

/// [`Word`] of each first word, from the texts of the pattern (see [`super::literals`]).
static FOLLOW: Lazy<FxHashMap<Box<[u8]>, Word>> = Lazy::new(|| {
    let mut map: FxHashMap<Box<[u8]>, Word> = FIRST_WORDS
        .iter()
        .map(|w| {
            let word = Word {
                steps: Vec::new(),
                twos: Box::default(),
                by_two: Box::default(),
                anywhere: Box::default(),
                lead: None,
            };
            (w.clone(), word)
        })
        .collect();
    for (alt, (name, a)) in CUE_ALTS.iter().enumerate() {
        // One step per verb for these: the reader tries every text of the alternative.
        let one_step = match *name {
            "lostmatch" | "wonmatch" => Some(Step::NounPrep {
                alt,
                lost: *name == "lostmatch",
            }),
            "passive" => Some(Step::Passive { alt }),
            _ => None,
        };
        for t in super::literals(a) {
            let n = first_run(&t);
            let steps = &mut map.get_mut(&t[..n]).expect("a first word").steps;
            let rest = &t[n..];
            if let Some(step) = &one_step {
                if !steps.iter().any(|s| s.alt() == alt) {
                    steps.push(step.clone());
                }
                continue;
            }
            // A NUL byte stands for a class: only "dd" has one (its final `\p{Lu}`).
            assert!(
                !rest.contains(&0)
                    || (*name == "dd" && rest.iter().position(|&c| c == 0) == Some(rest.len() - 1)),
                "{name}"
            );
            assert!(
                rest.last()
                    .is_none_or(|&c| c == 0 || c.is_ascii_alphanumeric()),
                "{name}"
            );
            let two = if rest.len() >= 3 {
                u32::from(u16::from_le_bytes([rest[0], rest[1]]))
            } else {
                ANY_TWO
            };
            let text = rest.strip_suffix(&[0]).unwrap_or(rest);
            steps.push(Step::Lit {
                alt,
                rest: rest.into(),
                two,
                head: Prefix::new(text),
            });
        }
    }
    for word in map.values_mut() {
        word.lead = lead_sets(&word.steps);
        let mut twos: Vec<u32> = word.steps.iter().map(Step::two).collect();
        twos.retain(|&t| t != ANY_TWO);
        twos.sort_unstable();
        twos.dedup();
        let tried = |two: u32| -> Box<[Step]> {
            (word.steps.iter())
                .filter(|s| s.two() == ANY_TWO || s.two() == two)
                .cloned()
                .collect()
        };
        word.by_two = twos.iter().map(|&t| tried(t)).collect();
        word.anywhere = tried(ANY_TWO);
        word.twos = twos.into();
    }
    map
});

/// By the [`WORD_TABLE`] cue entry (see [`super::Key`]) of a word of at most eight bytes (the table tells such
/// words apart exactly): its [`FOLLOW`] if it is a first word (none for the [`DEFERRED`] words, which the
/// table does not hold), and whether it is one of [`TRIGGERS`]. One table, so one bounds check per keyword.
static BY_CUE: Lazy<Vec<(Option<&'static Word>, bool)>> = Lazy::new(|| {
    let mut v = vec![(None, false); WORD_TABLE.cues];
    for (w, follow) in FOLLOW.iter() {
        let n = w.len();
        if n <= 8 && !DEFERRED.contains(&&**w) {
            let entry = WORD_TABLE
                .get(word_key(w, 0, n), n)
                .expect("every first word in the table");
            v[usize::from(entry.cue)].0 = Some(follow);
        }
    }
    for t in TRIGGERS.iter().filter(|t| t.len() <= 8) {
        let entry = WORD_TABLE
            .get(word_key(t, 0, t.len()), t.len())
            .expect("every trigger in the table");
        v[usize::from(entry.cue)].1 = true;
    }
    v
});

/// The nouns of the "lostmatch" and "wonmatch" alternatives, in their order ("singles" only after "lost"):
/// the table of [`noun_at`] ([`NOUNS`]).
const MATCH_NOUNS: [&[u8]; 10] = [
    b"match",
    b"rubber",
    b"final",
    b"semi-final",
    b"quarter-final",
    b"singles",
    b"encounter",
    b"clash",
    b"contest",
    b"tie",
];

/// Where the word after the pattern's optional `[a-z-]+\x20` at `q1` starts, if that word is there: the
/// whole run of lower-case letters and hyphens, as no shorter one has a space after it.
///
/// The run is told from the eight bytes at `q1` by one mask ([`class_outside`]): most words end within them,
/// where the byte loop took about four instructions a byte and mispredicted its exit. Only a longer run, or
/// a place less than eight bytes from the text's end, goes on byte by byte.
#[inline(always)]
fn class_word_end(b: &[u8], q1: usize) -> Option<usize> {
    let run = match eight_at(b, q1) {
        Some(v) => match class_outside(v) {
            0 => 8 + class_run(b, q1 + 8),
            outside => (outside.trailing_zeros() / 8) as usize,
        },
        None => class_run(b, q1),
    };
    (run > 0 && b.get(q1 + run) == Some(&b' ')).then_some(q1 + run + 1)
}

/// The length of the run of lower-case ASCII letters and hyphens at `q` (byte by byte).
#[inline(always)]
fn class_run(b: &[u8], q: usize) -> usize {
    b[q..]
        .iter()
        .position(|&c| !(c.is_ascii_lowercase() || c == b'-'))
        .unwrap_or(b.len() - q)
}

/// Bit 7 of each byte of `v` set where the byte is no lower-case ASCII letter nor `-`, every other bit clear.
/// On the low seven bits of each byte (no sum carries into the next byte): `+ 0x1f` sets bit 7 from `a` up,
/// `+ 0x05` from `{` up, and `^ 0x2d` then `+ 0x7f` sets it for every byte but `-`; a byte with bit 7 set
/// (beyond ASCII) is outside whatever its low bits.
#[inline(always)]
fn class_outside(v: u64) -> u64 {
    let high = super::splat(0x80);
    let low = v & !high;
    let letter = (low + super::splat(0x1f)) & !(low + super::splat(0x05));
    let not_dash = (low ^ super::splat(0x2d)) + super::splat(0x7f);
    let inside = (letter | !not_dash) & !v & high;
    !inside & high
}

/// One of [`MATCH_NOUNS`] with its space, as [`noun_at`] reads it from the eight bytes at its place.
#[derive(Clone, Copy)]
struct Noun {
    /// The first (up to) eight bytes, little-endian, zero above.
    key: u64,
    /// Ones over the bytes of `key` (none in an empty slot, which no text matches: its `key` is 1).
    mask: u64,
    /// The noun's bytes past the first eight ("al" of "semi-final"), empty for the nouns that fit in `key` with
    /// their space.
    tail: &'static [u8],
    /// The noun's length (without its space).
    len: usize,
    /// Whether it is read after "lost" only ("singles").
    lost_only: bool,
}

/// The multiplier of [`noun_slot`]: an odd number that puts the first four bytes of each of the ten nouns in
/// a slot of its own (the build of [`NOUNS`] asserts it).
const NOUN_MUL: u32 = 0x36f6_75cd;

/// The slot of [`NOUNS`] of the text whose eight bytes are `v`: by its first four bytes, the top four bits of
/// their product with [`NOUN_MUL`].
#[inline(always)]
fn noun_slot(v: u64) -> usize {
    ((v as u32).wrapping_mul(NOUN_MUL) >> 28) as usize
}

/// [`MATCH_NOUNS`] by [`noun_slot`] of their first eight bytes: a noun at a place is the one of its slot, if
/// any, so one masked compare tells (and the tail of a long noun a second).
static NOUNS: [Noun; 16] = {
    let empty = Noun {
        key: 1,
        mask: 0,
        tail: &[],
        len: 0,
        lost_only: false,
    };
    let mut t = [empty; 16];
    let mut i = 0;
    while i < MATCH_NOUNS.len() {
        let w = MATCH_NOUNS[i];
        // The noun and its space: `w` then 0x20, its first eight bytes in `key`.
        let n = w.len() + 1;
        let mut key = 0u64;
        let mut k = 0;
        while k < n && k < 8 {
            let c = if k < w.len() { w[k] } else { b' ' };
            key |= (c as u64) << (8 * k);
            k += 1;
        }
        let mask = if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
        let tail: &'static [u8] = if w.len() > 8 { w.split_at(8).1 } else { &[] };
        let slot = ((key as u32).wrapping_mul(NOUN_MUL) >> 28) as usize;
        assert!(t[slot].mask == 0, "two nouns in one slot");
        t[slot] = Noun {
            key,
            mask,
            tail,
            len: w.len(),
            // "singles": the only noun of seven bytes with an "i" second (the test checks the flags).
            lost_only: w.len() == 7 && w[1] == b'i',
        };
        i += 1;
    }
    t
};

/// The length of the [`MATCH_NOUNS`] noun at `q2` with a space after it, if one is there ("singles" only
/// after "lost"): from the eight bytes at `q2`, the noun of their slot of [`NOUNS`], one masked compare (and
/// a test of the tail and the space of the three nouns longer than eight bytes, behind a branch), where the
/// jump on the first byte was mispredicted; near the end of the text, [`noun_by_first_byte`].
#[inline(always)]
fn noun_at(b: &[u8], q2: usize, lost: bool) -> Option<usize> {
    let Some(v) = eight_at(b, q2) else {
        return noun_by_first_byte(b, q2, lost);
    };
    let noun = &NOUNS[noun_slot(v)];
    (v & noun.mask == noun.key
        && (noun.tail.is_empty()
            || b[q2 + 8..].starts_with(noun.tail) && b.get(q2 + noun.len) == Some(&b' '))
        && (lost || !noun.lost_only))
        .then_some(noun.len)
}

/// [`noun_at`] byte by byte: the noun is chosen by its first byte (no two nouns of one first byte can both
/// match at one place: each is followed by a space and none holds one), then tested against a literal (the
/// noun and its space), which compiles to a few loads and compares.
#[cold]
fn noun_by_first_byte(b: &[u8], q2: usize, lost: bool) -> Option<usize> {
    let w = b.get(q2..)?;
    let n = match w.first()? {
        b'm' if w.starts_with(b"match ") => 5,
        b'r' if w.starts_with(b"rubber ") => 6,
        b'f' if w.starts_with(b"final ") => 5,
        b's' if w.starts_with(b"semi-final ") => 10,
        b's' if lost && w.starts_with(b"singles ") => 7,
        b'q' if w.starts_with(b"quarter-final ") => 13,
        b'e' if w.starts_with(b"encounter ") => 9,
        b'c' if w.starts_with(b"clash ") => 5,
        b'c' if w.starts_with(b"contest ") => 7,
        b't' if w.starts_with(b"tie ") => 3,
        _ => return None,
    };
    Some(n)
}

/// The "lostmatch" / "wonmatch" alternative after its verb, which ends at `q`: `\x20(?:the\x20|his\x20|
/// her\x20|their\x20)?(?:[a-z-]+\x20)?(?:nouns)\x20(?:to|against)\b` (only "against" after "won"), tried
/// in the pattern's order. The end of the match, if any. Out of line: inlined in [`read_at`], its offsets and
/// pointers were worked out before the step loop on every call (one in four tries it).
///
/// Where an article opens the phrase, the pattern's tries without it find nothing new: its word is a
/// `[a-z-]+\x20` that ends where the article does, so the noun after it is the one already tried there, and
/// no noun starts with an article. So only one start is read, after the article or at `q`
/// ([`article_len`]), with or without a word before the noun: two places, no loop.
#[inline(never)]
fn noun_prep(b: &[u8], q: usize, lost: bool) -> Option<usize> {
    if b.get(q) != Some(&b' ') {
        return None;
    }
    let q1 = q + 1 + article_len(b, q + 1);
    if let Some(q2) = class_word_end(b, q1)
        && let Some(e) = noun_prep_at(b, q2, lost)
    {
        return Some(e);
    }
    noun_prep_at(b, q1, lost)
}

/// The length of the article of [`noun_prep`] (with its space) at `q`, 0 if none: from the eight bytes at `q`,
/// "the ", "his " and "her " by one compare each of their four bytes and "their " of its six, joined with no
/// branch (whether an article follows the verb is a toss-up, mispredicted as a branch on its first byte).
#[inline(always)]
fn article_len(b: &[u8], q: usize) -> usize {
    const FOUR: [u32; 3] = [
        u32::from_le_bytes(*b"the "),
        u32::from_le_bytes(*b"his "),
        u32::from_le_bytes(*b"her "),
    ];
    const THEIR: u64 = u64::from_le_bytes(*b"their \0\0");
    match eight_at(b, q) {
        Some(v) => {
            let four = v as u32;
            let short = (four == FOUR[0]) | (four == FOUR[1]) | (four == FOUR[2]);
            let long = v & 0xffff_ffff_ffff == THEIR;
            4 * usize::from(short) + 6 * usize::from(long)
        }
        None => [&b"the "[..], b"his ", b"her ", b"their "]
            .into_iter()
            .find(|a| b[q..].starts_with(a))
            .map_or(0, <[u8]>::len),
    }
}

/// The noun of [`noun_prep`] at `q2` and the preposition after its space: the end of the match, if any.
#[inline(always)]
fn noun_prep_at(b: &[u8], q2: usize, lost: bool) -> Option<usize> {
    let q3 = q2 + noun_at(b, q2, lost)?;
    for prep in [&b"to"[..], b"against"] {
        if !lost && prep == b"to" {
            continue;
        }
        let e = q3 + 1 + prep.len();
        if b[q3 + 1..].starts_with(prep) && !b.get(e).is_some_and(|&c| is_word_byte(c)) {
            return Some(e);
        }
    }
    None
}

/// The old form of [`noun_prep`] (every article and noun tried in turn), kept as the reference of its test.
/// The "lostmatch" / "wonmatch" alternative after its verb, which ends at `q`: `\x20(?:the\x20|his\x20|
/// her\x20|their\x20)?(?:[a-z-]+\x20)?(?:nouns)\x20(?:to|against)\b` (only "against" after "won"), tried
/// in the pattern's order. The end of the match, if any. Out of line: inlined in [`read_at`], its offsets and
/// pointers were worked out before the step loop on every call (one in four tries it).
#[cfg(test)]
fn noun_prep_old(b: &[u8], q: usize, lost: bool) -> Option<usize> {
    if b.get(q) != Some(&b' ') {
        return None;
    }
    let q = q + 1;
    let article = [&b"the "[..], b"his ", b"her ", b"their "]
        .iter()
        .find(|a| b[q..].starts_with(a))
        .map(|a| q + a.len());
    for q1 in article.into_iter().chain([q]) {
        let class = class_word_end(b, q1);
        for q2 in class.into_iter().chain([q1]) {
            // Most words fail on their first byte: no noun starts with it.
            if !b
                .get(q2)
                .is_some_and(|c| matches!(c, b'm' | b'r' | b'f' | b's' | b'q' | b'e' | b'c' | b't'))
            {
                continue;
            }
            // (By reference: a loop over the array by value copied its ten slices per word.)
            for &noun in &MATCH_NOUNS {
                if noun[0] != b[q2] || (!lost && noun == b"singles") {
                    continue;
                }
                let q3 = q2 + noun.len();
                if !(b[q2..].starts_with(noun) && b.get(q3) == Some(&b' ')) {
                    continue;
                }
                for prep in [&b"to"[..], b"against"] {
                    if !lost && prep == b"to" {
                        continue;
                    }
                    let e = q3 + 1 + prep.len();
                    if b[q3 + 1..].starts_with(prep) && !b.get(e).is_some_and(|&c| is_word_byte(c))
                    {
                        return Some(e);
                    }
                }
            }
        }
    }
    None
}

/// The adverbs of the "passive" alternative that are words (its `[a-z]+ly` is read apart), in its order.
const PASSIVE_ADVERBS: [&[u8]; 6] = [
    b"also",
    b"then",
    b"later",
    b"eventually",
    b"finally",
    b"again",
];

/// The participles of the "passive" alternative, as its texts give them (`edged(?:\x20out)?` is "edged out",
/// then "edged"), in its order.
const PASSIVE_VERBS: [&[u8]; 28] = [
    b"beaten",
    b"defeated",
    b"ousted",
    b"knocked out",
    b"eliminated",
    b"thrashed",
    b"crushed",
    b"upset",
    b"stunned",
    b"edged out",
    b"edged",
    b"downed",
    b"dispatched",
    b"outlasted",
    b"outplayed",
    b"outclassed",
    b"humbled",
    b"toppled",
    b"shocked",
    b"dumped out",
    b"dumped",
    b"seen off",
    b"overcome",
    b"swept aside",
    b"brushed aside",
    b"routed",
    b"trounced",
    b"beat",
];

/// The first bytes of [`PASSIVE_VERBS`] as a bit set (see [`in_set`]): most words after "got" or "was" ("got
/// past", "was the") open no participle.
const PASSIVE_FIRST: u128 = {
    let mut set = 0;
    let mut i = 0;
    while i < PASSIVE_VERBS.len() {
        set |= 1 << PASSIVE_VERBS[i][0];
        i += 1;
    }
    set
};

/// [`PASSIVE_VERBS`] grouped by their first letter, in their order within each group, and the range of each
/// group in that list by the letter (`c - b'a'`; empty for a letter that opens none): a word is compared with
/// the participles of its first byte only (two at most but for "d", "o" and "s"), not looked for among all 28.
const PASSIVE_BY_FIRST: ([&[u8]; 28], [(u8, u8); 26]) = {
    let mut verbs: [&[u8]; 28] = [b""; 28];
    let mut ranges = [(0u8, 0u8); 26];
    let mut n = 0;
    let mut letter = 0;
    while letter < 26 {
        let start = n;
        let mut i = 0;
        while i < PASSIVE_VERBS.len() {
            if PASSIVE_VERBS[i][0] == b'a' + letter as u8 {
                verbs[n] = PASSIVE_VERBS[i];
                n += 1;
            }
            i += 1;
        }
        ranges[letter] = (start as u8, n as u8);
        letter += 1;
    }
    assert!(
        n == PASSIVE_VERBS.len(),
        "every participle opens with a letter"
    );
    (verbs, ranges)
};

/// The "passive" alternative after its verb ("was", "got"), which ends at `q`: `\x20(?:(?:also|then|later|
/// eventually|finally|again|[a-z]+ly)\x20)?(?:participles)\b`, tried in the pattern's order (with an adverb
/// first). The end of the match, if any. Every byte it reads is ASCII or fails the pattern as any byte that is
/// not a letter does (`[a-z]`, the literals, `(?-u:\b)`): no case is left to the pattern. Out of line, as
/// [`noun_prep`] is.
#[inline(never)]
fn passive(b: &[u8], q: usize) -> Option<usize> {
    if b.get(q) != Some(&b' ') {
        return None;
    }
    let q = q + 1;
    // The first participle (in order) at `i`, with a word boundary after it.
    let participle = |i: usize| {
        if !in_set(PASSIVE_FIRST, b.get(i)) {
            return None;
        }
        // (A byte of the set is a lower-case letter.)
        let (from, to) = PASSIVE_BY_FIRST.1[usize::from(b[i] - b'a')];
        PASSIVE_BY_FIRST.0[usize::from(from)..usize::from(to)]
            .iter()
            .find_map(|v| {
                let e = i + v.len();
                (b[i..].starts_with(v) && !b.get(e).is_some_and(|&c| is_word_byte(c))).then_some(e)
            })
    };
    // An adverb is the whole run of lower-case letters at `q` (a space must follow it): one of the words, or
    // `[a-z]+ly` (a run of three letters or more that ends in "ly").
    let run = b[q..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let adverb = &b[q..q + run];
    if b.get(q + run) == Some(&b' ')
        && in_set(PASSIVE_FIRST, b.get(q + run + 1))
        && (PASSIVE_ADVERBS.contains(&adverb) || (run > 2 && adverb.ends_with(b"ly")))
        && let Some(e) = participle(q + run + 1)
    {
        return Some(e);
    }
    participle(q)
}

/// Whether the character at `at` (a non-ASCII byte of `b`, valid UTF-8) is `\p{Lu}`, for the characters of
/// two bytes below U+0240 (the Latin letters of names: "Éric", "Álvaro", "Željko"), where the capitals are
/// the upper-case characters (the `latin_capital_is_lu` test compares with the pattern on each); `None` for
/// the other characters.
fn latin_capital(b: &[u8], at: usize) -> Option<bool> {
    let lead = b[at];
    if !(0xc2..=0xc8).contains(&lead) {
        return None;
    }
    let c = u32::from(lead & 0x1f) << 6 | u32::from(b[at + 1] & 0x3f);
    char::from_u32(c).map(char::is_uppercase)
}

/// The cue pattern at a first word `word` that ends at `q` (with no word byte before it: the caller tests)
/// in code: `Some(Some((end, alternative)))` for a match, `Some(None)` for none, `None` when the pattern must
/// tell (a non-ASCII capital after "d.").
fn read_at(b: &[u8], q: usize, word: &Word) -> Option<Option<(usize, usize)>> {
    // The eight bytes after the first word, read once for every step (see [`Prefix::starts_in`]): a per-step
    // read had its bounds and pointers worked out before the loop on each call, most of which try one step.
    let eight = eight_at(b, q);
    // The two bytes after the first word, as the `two` of the texts (past the end, no text's).
    let next_two = match eight {
        Some(v) => u32::from(v as u16),
        None => match b.get(q..q + 2) {
            Some(&[x, y]) => u32::from(u16::from_le_bytes([x, y])),
            _ => NO_TWO,
        },
    };
    // Most texts fail on their first two bytes (a space and the first letter of a word): only the steps that
    // can match after these two are tried.
    for step in word.steps_after(next_two) {
        match step {
            Step::Lit {
                alt, rest, head: h, ..
            } => {
                // A NUL can only be the last byte.
                if let Some((&0, head)) = rest.split_last() {
                    // "d. F": the capital ends the match.
                    let at = q + head.len();
                    if h.starts_in(eight, b, q, head) && at < b.len() {
                        if b[at].is_ascii_uppercase() {
                            return Some(Some((at + 1, *alt)));
                        }
                        if b[at] >= 0x80 {
                            match latin_capital(b, at) {
                                Some(true) => return Some(Some((at + 2, *alt))),
                                Some(false) => {}
                                None => return None,
                            }
                        }
                    }
                    continue;
                }
                let e = q + rest.len();
                if h.starts_in(eight, b, q, rest) && !b.get(e).is_some_and(|&c| is_word_byte(c)) {
                    return Some(Some((e, *alt)));
                }
            }
            Step::NounPrep { alt, lost } => {
                if let Some(e) = noun_prep(b, q, *lost) {
                    return Some(Some((e, *alt)));
                }
            }
            Step::Passive { alt } => {
                if let Some(e) = passive(b, q) {
                    return Some(Some((e, *alt)));
                }
            }
        }
    }
    Some(None)
}

/// The first (up to) eight bytes of a text, for [`Prefix::starts`]: `b[q..].starts_with(text)` read as one
/// masked compare of integers where eight bytes of `b` follow `q` (a call to `memcmp` cost more than the
/// test for the short texts of the cues, tried about once per keyword).
#[derive(Clone, Copy)]
struct Prefix {
    /// The first `min(len, 8)` bytes of the text, little-endian, zero above.
    key: u64,
    /// Ones over the bytes of `key`.
    mask: u64,
}

impl Prefix {
    fn new(text: &[u8]) -> Self {
        let n = text.len().min(8);
        let mut eight = [0u8; 8];
        eight[..n].copy_from_slice(&text[..n]);
        Prefix {
            key: u64::from_le_bytes(eight),
            mask: u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0),
        }
    }

    /// `b[q..].starts_with(text)`, where `self` is `Prefix::new(text)` (`q` at most `b.len()`).
    #[cfg(test)]
    fn starts(&self, b: &[u8], q: usize, text: &[u8]) -> bool {
        self.starts_in(eight_at(b, q), b, q, text)
    }

    /// [`Prefix::starts`] with `eight` the [`eight_at`] of `b` and `q`, read once by the caller for all the
    /// texts it tries at `q`.
    #[inline]
    fn starts_in(&self, eight: Option<u64>, b: &[u8], q: usize, text: &[u8]) -> bool {
        match eight {
            // Past eight bytes (a few long texts: "\x20the\x20better\x20of"), the rest as a slice.
            Some(v) => {
                v & self.mask == self.key && (text.len() <= 8 || b[q + 8..].starts_with(&text[8..]))
            }
            None => b[q..].starts_with(text),
        }
    }
}

/// The eight bytes `b[q..q + 8]` as a little-endian integer, `None` where fewer than eight follow `q`.
#[inline]
fn eight_at(b: &[u8], q: usize) -> Option<u64> {
    b.get(q..q + 8)
        .map(|eight| u64::from_le_bytes(eight.try_into().expect("eight bytes")))
}

/// The `two` of a [`Step::Lit`] text of fewer than three bytes: tried whatever bytes follow.
const ANY_TWO: u32 = 1 << 16;

/// The two bytes after a first word that ends the text or is one byte before its end: no text's `two`.
const NO_TWO: u32 = 1 << 17;

/// Common first words ("was", "is", "got") that the shared scan does not look for: every cue that starts with
/// one of them holds one of [`TRIGGERS`] as its second or third word ("was beaten", "was narrowly beaten",
/// "got the better of", "got a walkover"), with one space before each word and only ASCII letters and digits in the
/// words between (the `deferred_words_reach_a_trigger` test checks this on the texts of the pattern). The cue
/// reader looks back from each trigger for them ([`deferred_before`]), so the scan stops at far fewer words.
const DEFERRED: [&[u8]; 11] = [
    b"was", b"were", b"is", b"are", b"be", b"been", b"being", b"got", b"get", b"gets", b"getting",
];

/// The words that bring the [`DEFERRED`] words into play: the participles of the passive, the verbs of "was
/// taken the distance by", "awarded"/"walkover", and "past"/"better" ("got past", "gets the better of").
const TRIGGERS: [&[u8]; 33] = [
    b"beaten",
    b"defeated",
    b"ousted",
    b"knocked",
    b"eliminated",
    b"thrashed",
    b"crushed",
    b"upset",
    b"stunned",
    b"edged",
    b"downed",
    b"dispatched",
    b"outlasted",
    b"outplayed",
    b"outclassed",
    b"humbled",
    b"toppled",
    b"shocked",
    b"dumped",
    b"seen",
    b"overcome",
    b"swept",
    b"brushed",
    b"routed",
    b"trounced",
    b"beat",
    b"taken",
    b"pushed",
    b"stretched",
    b"awarded",
    b"walkover",
    b"past",
    b"better",
];

/// How many words before a trigger a [`DEFERRED`] word may stand ("got the better": one word between).
const REACH: usize = 2;

/// The words that the shared scan looks for: the first words of the cues, less [`DEFERRED`], and
/// [`TRIGGERS`].
pub(crate) fn first_words() -> Vec<Vec<u8>> {
    let mut words: Vec<Vec<u8>> = FIRST_WORDS
        .iter()
        .filter(|w| !DEFERRED.contains(&&***w))
        .map(|w| w.to_vec())
        .collect();
    for t in TRIGGERS {
        if !FIRST_WORDS.contains(t) {
            words.push(t.to_vec());
        }
    }
    words
}

/// [`Word`] of each [`DEFERRED`] word, by its [`run_key`].
static DEFERRED_WORDS: Lazy<Vec<(u64, &'static Word)>> = Lazy::new(|| {
    DEFERRED
        .iter()
        .map(|&w| (run_key(w, 0, w.len()), FOLLOW.get(w).expect("a first word")))
        .collect()
});

/// The bytes `b[s..s + n]` (`n` at most seven, no zero byte among them) as a little-endian integer, zero-padded:
/// two such runs are equal when their keys are (a compare of integers, not a call to `memcmp` per word).
#[inline]
fn run_key(b: &[u8], s: usize, n: usize) -> u64 {
    debug_assert!(n < 8);
    match b.get(s..s + 8) {
        Some(eight) => {
            u64::from_le_bytes(eight.try_into().expect("eight bytes")) & ((1u64 << (8 * n)) - 1)
        }
        None => b[s..s + n]
            .iter()
            .rev()
            .fold(0, |k, &c| k << 8 | u64::from(c)),
    }
}

/// Whether `b[s..e]` holds an ASCII capital: eight bytes at a time for words of at most eight bytes.
#[inline]
fn has_ascii_upper(b: &[u8], s: usize, e: usize) -> bool {
    let n = e - s;
    let Some(eight) = b.get(s..s + 8).filter(|_| n <= 8) else {
        return b[s..e].iter().any(u8::is_ascii_uppercase);
    };
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // (The low `n` bytes; none when `n` is 0, a shift by 64.)
    let mask = u64::MAX.checked_shr(64 - 8 * n as u32).unwrap_or(0);
    let v = u64::from_le_bytes(eight.try_into().expect("eight bytes")) & mask;
    let low = v & !HIGH;
    // Per byte, the high bit of `low + (0x80 - c)` is set where the low seven bits are `c` or more (no carry
    // leaves a byte: the sums stay below 0x100); a byte is a capital where it is `A` or more, below `[` and
    // ASCII, and the bytes past `e`, zero, are none.
    let at_least_a = low + super::splat(0x80 - b'A');
    let past_z = low + super::splat(0x80 - b'[');
    at_least_a & !past_z & !v & HIGH != 0
}

/// Whether the run of ASCII letters `b[s..e]` (one to eight bytes) holds a capital: a letter is one where its
/// case bit (bit 5) is clear, so one `and` of eight bytes tells (where [`has_ascii_upper`] tells each byte's
/// class).
#[inline]
fn letters_have_capital(b: &[u8], s: usize, e: usize) -> bool {
    let n = e - s;
    debug_assert!((1..=8).contains(&n) && b[s..e].iter().all(u8::is_ascii_alphabetic));
    match eight_at(b, s) {
        // (The low `n` bytes: a shift by 0 to 56.)
        Some(v) => !v & u64::MAX >> (64 - 8 * n) & super::splat(0x20) != 0,
        None => b[s..e].iter().any(|&c| c & 0x20 == 0),
    }
}

/// The [`DEFERRED`] words among the [`REACH`] words before the trigger that starts at `p`, each a maximal run
/// of ASCII letters and digits with one space after it, into `out` in text order.
fn deferred_before(b: &[u8], mut p: usize, out: &mut Vec<(usize, usize, &'static Word)>) {
    let mut found = [(0, 0, None); REACH];
    for (i, slot) in found.iter_mut().enumerate() {
        if p == 0 || b[p - 1] != b' ' {
            break;
        }
        let e = p - 1;
        // The start of the last word is needed only to tell whether it is a deferred word (at most seven
        // bytes): eight word bytes tell that it is not.
        let floor = if i + 1 == REACH {
            e.saturating_sub(8)
        } else {
            0
        };
        let s = run_start(b, floor, e);
        if s == e {
            break;
        }
        // Every deferred word starts with one of these letters (as written: the test is case sensitive).
        if (2..=7).contains(&(e - s)) && matches!(b[s], b'w' | b'i' | b'a' | b'b' | b'g') {
            // The run holds only word bytes: no zero byte.
            let key = run_key(b, s, e - s);
            *slot = (
                s,
                e,
                DEFERRED_WORDS.iter().find(|(k, _)| *k == key).map(|d| d.1),
            );
        }
        p = s;
    }
    for &(s, e, word) in found.iter().rev() {
        if let Some(word) = word {
            out.push((s, e, word));
        }
    }
}

/// The start of the run of ASCII letters and digits that ends at `e`, going back to `floor` at most: as
/// `while s > floor && WORD[b[s - 1]] { s -= 1 }` from `s = e`, eight bytes at a time.
#[inline]
fn run_start(b: &[u8], floor: usize, e: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut s = e;
    while s >= floor + 8 {
        let v = u64::from_le_bytes(b[s - 8..s].try_into().expect("eight bytes"));
        // Per byte, the high bit of `x + (0x80 - c)` is set where `x` (seven bits) is `c` or more, as in
        // `has_ascii_upper`; letters are compared in lower case (bit 5 set: no other byte becomes a letter).
        let low = v & !HIGH;
        let lower = low | super::splat(0x20);
        let digit = (low + super::splat(0x80 - b'0')) & !(low + super::splat(0x80 - b':'));
        let letter = (lower + super::splat(0x80 - b'a')) & !(lower + super::splat(0x80 - b'{'));
        let other = !((digit | letter) & !v) & HIGH;
        if other != 0 {
            // The run starts after the last byte of the eight that is not a word byte (the highest one of
            // `other`): byte `7 - lz / 8` of them.
            return s - (other.leading_zeros() / 8) as usize;
        }
        s -= 8;
    }
    while s > floor && super::WORD[usize::from(b[s - 1])] {
        s -= 1;
    }
    s
}

/// A participle ("beaten", "knocked out", "defeated") with "by" a few words after it, not after "has"/"had".
/// Byte code where the text around is ASCII, else [`followed_by_by_chars`].
fn followed_by_by(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let word = &b[start..end];
    let participle = word.ends_with(b"ed")
        || word.ends_with(b"en")
        || word.ends_with(b" out")
        || word == b"upset";
    if !participle {
        return false;
    }
    let space = super::ascii_space;
    // The last word before `start`, as `split_whitespace` gives it.
    let mut k = start;
    while k > 0 && space(b[k - 1]) {
        k -= 1;
    }
    let mut j = k;
    while j > 0 && !space(b[j - 1]) {
        j -= 1;
    }
    // The last word that `split_whitespace` gives is the end of `prev` after its last Unicode white space (if
    // any: then `prev` holds a non-ASCII byte). It is one of the auxiliaries only where `prev` is one, or ends
    // with one after a non-ASCII byte; a non-ASCII character at the end may be white space (read as a `char`:
    // a letter there, "Mladenović defeated", ends a word that is no auxiliary). Only those cases go to the
    // code on characters: a name before the participle ("Müller defeated") is none of them.
    let prev = &b[j..k];
    if prev.is_ascii() {
        if matches!(prev, b"has" | b"have" | b"had" | b"having") {
            return false;
        }
    } else if prev.last().is_some_and(|&c| c >= 0x80)
        && text[j..k]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace)
        || [&b"has"[..], b"have", b"had", b"having"].iter().any(|a| {
            prev.len() > a.len() && prev.ends_with(a) && prev[prev.len() - a.len() - 1] >= 0x80
        })
    {
        return followed_by_by_chars(text, start, end);
    }
    // The words of the next 60 bytes up to the first '.', ';' or '"', at most six, read once. A non-ASCII byte
    // met before the answer hands over to the code on characters (Unicode white space and capitals, the cut
    // at a character boundary), which answers as this loop does wherever the bytes read are ASCII.
    let stop = b.len().min(end + 60);
    let is_stop = |c: u8| matches!(c, b'.' | b';' | b'"');
    let mut i = end;
    for _ in 0..6 {
        while i < stop && space(b[i]) {
            i += 1;
        }
        if i == stop || is_stop(b[i]) {
            return false;
        }
        let s = i;
        // A word that opens with an ASCII capital before any "by" ends the look with a no, whatever bytes
        // follow in it (a name: "defeated Chloé"); the code on characters reads the same word (every byte
        // before it is ASCII) and says the same.
        if b[s].is_ascii_uppercase() {
            return false;
        }
        // So does a Latin capital of two bytes ("defeated Élodie"): every byte before it is ASCII, so the code on
        // characters reads the same word (or, where `stop` cuts the capital, no word and no "by" after it).
        if b[s] >= 0x80 && latin_capital(b, s) == Some(true) {
            return false;
        }
        while i < stop && !space(b[i]) && !is_stop(b[i]) {
            if b[i] >= 0x80 {
                return followed_by_by_chars(text, start, end);
            }
            i += 1;
        }
        if &b[s..i] == b"by" {
            return true;
        }
    }
    false
}

/// [`followed_by_by`] on characters.
fn followed_by_by_chars(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    let participle =
        word.ends_with("ed") || word.ends_with("en") || word.ends_with(" out") || word == "upset";
    if !participle {
        return false;
    }
    let prev = text[..start].split_whitespace().next_back().unwrap_or("");
    if matches!(prev, "has" | "have" | "had" | "having") {
        return false;
    }
    // At most 60 bytes, cut back to a character boundary (accented names).
    let mut stop = text.len().min(end + 60);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let after = &text[end..stop];
    let after = &after[..after.find(['.', ';', '"']).unwrap_or(after.len())];
    after
        .split_whitespace()
        .take(6)
        .position(|w| w == "by")
        .is_some_and(|i| {
            after
                .split_whitespace()
                .take(i)
                .all(|w| !w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// The matches of the cue pattern in `text`, as `find_iter` gives them, with the alternative when the code
/// read it ([`read_at`]): every match starts with one of [`FIRST_WORDS`] (ASCII, at a word start), so the
/// pattern is tried only at such words, and only where the code cannot tell. Each match goes to `found` as
/// `(start, end, alternative)`, in order: no list of them is built.
fn each_match(text: &str, keywords: &Keywords, mut found: impl FnMut(usize, usize, Option<usize>)) {
    let b = text.as_bytes();
    // The first words to read, in text order: the keywords of the scan, and the deferred words before
    // triggers.
    let mut words = super::take_buffer(&WORDS);
    words.reserve(64);
    let mut sorted = true;
    let by_cue = &BY_CUE[..];
    for key in keywords.results() {
        let (p, e) = (key.start, key.end);
        let w = &b[p..e];
        // The table holds the words in lower case and tells words of more than eight bytes by their first
        // eight.
        let (word, trigger) = if w.len() > 8 {
            (FOLLOW.get(w), TRIGGERS.contains(&w))
        } else {
            by_cue[usize::from(key.cue)]
        };
        if trigger {
            let before = words.len();
            deferred_before(b, p, &mut words);
            if words.len() > before && before > 0 && words[before].0 <= words[before - 1].0 {
                sorted = false;
            }
        }
        // The pattern is case sensitive: a first word with a capital starts no cue. (A word of the table
        // holds only letters: its bytes in lower case are a first word's.)
        if let Some(word) = word
            && !if w.len() > 8 {
                has_ascii_upper(b, p, e)
            } else {
                letters_have_capital(b, p, e)
            }
        {
            words.push((p, e, word));
        }
    }
    if !sorted {
        words.sort_unstable_by_key(|&(p, _, _)| p);
        words.dedup_by_key(|&mut (p, _, _)| p);
    }
    // Offsets below `next` are inside the last match.
    let mut next = 0;
    for &(p, e, word) in &words {
        if p < next {
            continue;
        }
        // A word byte before the word: the pattern must tell (it may match inside a word). Each word is a
        // maximal run of ASCII letters and digits (a keyword of the scan, or one that `deferred_before`
        // found): of the word bytes, only '_' can stand before it.
        debug_assert!(p == 0 || !super::WORD[usize::from(b[p - 1])]);
        let glued = p > 0 && b[p - 1] == b'_';
        // Most hits are followed by no text of their word: the two bytes after it tell.
        if !glued
            && word.lead.is_some_and(|(first, second)| {
                !(in_set(first, b.get(e)) && in_set(second, b.get(e + 1)))
            })
        {
            continue;
        }
        let m = match if glued { None } else { read_at(b, e, word) } {
            Some(m) => m.map(|(e, alt)| (e, Some(alt))),
            None => NEAR.at(text, p).map(|e| (e, None)),
        };
        if let Some((e, alt)) = m {
            found(p, e, alt);
            next = e;
        }
    }
    super::give_back(&WORDS, words);
}

thread_local! {
    /// The first words of [`each_match`]: a buffer kept, emptied, for the next article of the thread.
    static WORDS: std::cell::RefCell<Vec<(usize, usize, &'static Word)>> = std::cell::RefCell::default();
}

/// The matches of [`each_match`] as a list (for the tests).
#[cfg(test)]
fn matches(text: &str, keywords: &Keywords) -> Vec<(usize, usize, Option<usize>)> {
    let mut out = Vec::new();
    each_match(text, keywords, |s, e, alt| out.push((s, e, alt)));
    out
}

/// Every result cue in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<Cue> {
    find_in(text, &Keywords::scan(text))
}

/// [`find`], with the keywords of `text` already found.
pub(crate) fn find_in(text: &str, keywords: &Keywords) -> Vec<Cue> {
    let mut out = Vec::new();
    find_into(text, keywords, &mut out);
    out
}

/// What a match of an alternative of [`CUE_ALTS`] gives (see [`READINGS`]).
#[derive(Clone, Copy)]
struct Reading {
    /// The kind of the cue, `None` for no cue ("beaten" without its "by").
    kind: Option<CueKind>,
    /// Whether a "by" after the match ([`followed_by_by`]) makes the cue a [`CueKind::Passive`] instead.
    by: bool,
    /// Whether the match ends with the capital after an abbreviation ("d. F"), left out of the cue.
    abbreviation: bool,
}

/// The [`Reading`] of a match of the alternative named `group`.
fn reading(group: &str) -> Reading {
    let (kind, by) = match group {
        // "X was taken the distance by Y before winning": X won.
        "takenby" => (Some(CueKind::Beat), false),
        "passive" | "byagent" => (Some(CueKind::Passive), false),
        // "beaten 6-4 7-5 by Nakashima", "knocked out in the second round by X".
        "beat" | "dd" | "wonmatch" => (Some(CueKind::Beat), group == "beat"),
        // "beaten" alone is a result only with its "by": "beaten 6-4 7-5 by Nakashima".
        "beaten" => (None, true),
        "lost" | "lostmatch" => (Some(CueKind::LostTo), false),
        "winover" => (Some(CueKind::WinOver), false),
        "defeatof" => (Some(CueKind::DefeatOf), false),
        "defeatby" => (Some(CueKind::DefeatBy), false),
        "walkover" => (Some(CueKind::Walkover), false),
        "retired" => (Some(CueKind::Retired), false),
        "won" => (Some(CueKind::Won), false),
        _ => (Some(CueKind::Lost), false),
    };
    Reading {
        kind,
        by,
        abbreviation: group == "dd",
    }
}

/// The [`Reading`] of each alternative, by its index in [`CUE_ALTS`]: a table, not a `match` on the names per
/// cue (compiled to a jump on the name's length, which the CPU mispredicted for most cues).
static READINGS: Lazy<Vec<Reading>> =
    Lazy::new(|| CUE_ALTS.iter().map(|(name, _)| reading(name)).collect());

/// [`find_in`] written into `out` (cleared first).
pub(crate) fn find_into(text: &str, keywords: &Keywords, out: &mut Vec<Cue>) {
    out.clear();
    out.reserve(16);
    let readings = &READINGS[..];
    each_match(text, keywords, |start, end, alt| {
        let alt = alt.unwrap_or_else(|| CUE.which_at(text, start, end));
        let r = readings[alt];
        let kind = if r.by && followed_by_by(text, start, end) {
            CueKind::Passive
        } else {
            match r.kind {
                Some(kind) => kind,
                None => return,
            }
        };
        let mut cue_end = end;
        if r.abbreviation {
            // The pattern takes the capital that follows; the cue is the abbreviation alone.
            // (The space is the last one, a few bytes before the end: a look back, not a `memrchr` call.)
            let s = &text.as_bytes()[start..end];
            cue_end = start + s.iter().rposition(|&c| c == b' ').unwrap_or(s.len());
        }
        out.push(Cue {
            span: Span::new(start, cue_end),
            kind,
        });
    });
}

/// Builds the pattern's DFA, which also tells the alternatives apart, and the cue tables (see
/// [`super::warm_up`]).
pub(crate) fn warm_up() {
    Lazy::force(&CUE);
    Lazy::force(&NEAR);
    Lazy::force(&FIRST_WORDS);
    Lazy::force(&FOLLOW);
    Lazy::force(&BY_CUE);
    Lazy::force(&DEFERRED_WORDS);
    Lazy::force(&READINGS);
}

/// Corpus view: span and kind.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|c| (c.span.start, c.span.end, format!("{:?}", c.kind)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`PASSIVE_ADVERBS`] and [`PASSIVE_VERBS`] are the lists of the "passive" alternative: its texts are
    /// each verb before the space, then each adverb (and the class, a NUL and "ly") or none, then each
    /// participle, in this order.
    #[test]
    fn passive_lists_are_the_pattern() {
        let (name, a) = CUE_ALTS[0];
        assert_eq!(name, "passive");
        let texts = super::super::literals(a);
        let verbs: Vec<&[u8]> =
            texts
                .iter()
                .map(|t| &t[..first_run(t)])
                .fold(Vec::new(), |mut v, w| {
                    if v.last() != Some(&w) {
                        v.push(w);
                    }
                    v
                });
        let mut want = Vec::new();
        for verb in &verbs {
            let adverbs = PASSIVE_ADVERBS
                .iter()
                .map(|a| a.to_vec())
                .chain([b"\0ly".to_vec()]);
            for adverb in adverbs
                .map(|mut a| {
                    a.push(b' ');
                    a
                })
                .chain([Vec::new()])
            {
                for participle in PASSIVE_VERBS {
                    want.push([&verb[..], b" ", &adverb, participle].concat());
                }
            }
        }
        assert_eq!(texts, want);
    }

    /// The cue reader finds what `find_iter` finds on random texts made of the pieces of its passive and
    /// "d." forms (adverbs, participles, spaces, capitals, word bytes and non-ASCII characters around them).
    #[test]
    fn same_as_find_iter_on_random_texts() {
        let pieces = [
            "was ",
            "got ",
            "be ",
            "is",
            " ",
            "also ",
            "oddly ",
            "ly ",
            "Ly ",
            "then",
            "beaten",
            "beat",
            "edged",
            "dumped",
            " out",
            " off",
            "seen",
            "knocked",
            "swept aside",
            "past",
            "_",
            "\u{e9}",
            "\u{a0}",
            "d",
            "bt ",
            "def. ",
            "\u{c9}",
            "\u{178}",
            "\u{1e9e}",
            "A",
            "taken the distance by ",
            "a walkover",
            ", ",
        ];
        for t in crate::recognise::random_texts(&pieces, 5000, 8, 0x2545_f491_4f6c_dd1d) {
            let want: Vec<(usize, usize)> = CUE
                .all
                .find_iter(&t)
                .map(|m| (m.start(), m.end()))
                .collect();
            let found = matches(&t, &Keywords::scan(&t));
            let got: Vec<(usize, usize)> = found.iter().map(|&(s, e, _)| (s, e)).collect();
            assert_eq!(got, want, "{t:?}");
            for (s, e, alt) in found {
                if let Some(alt) = alt {
                    assert_eq!(alt, CUE.which_at(&t, s, e), "{t:?}: {}", &t[s..e]);
                }
            }
        }
    }

    /// [`run_start`] finds the start that the byte loop finds: at every end and floor of texts of all bytes
    /// (each ASCII byte next to letters and digits, non-ASCII bytes) and of the corpora.
    /// The steps [`read_at`] takes from a word's table are the steps whose `two` is [`ANY_TWO`] or the two
    /// bytes after the word, in order, for every `two` of the word and for others.
    #[test]
    fn steps_by_two_are_the_filter() {
        let key = |s: &Step| match s {
            Step::Lit { alt, rest, two, .. } => (*alt, rest.to_vec(), *two),
            _ => (s.alt(), Vec::new(), ANY_TWO),
        };
        for word in FOLLOW.values() {
            let mut nexts: Vec<u32> = word.twos.to_vec();
            nexts.extend([NO_TWO, u32::from(u16::from_le_bytes(*b" x")), 0x2020, 0]);
            for next in nexts {
                let expected: Vec<_> = (word.steps.iter())
                    .filter(|s| s.two() == ANY_TWO || s.two() == next)
                    .map(key)
                    .collect();
                let got = word.steps_after(next);
                assert_eq!(got.iter().map(key).collect::<Vec<_>>(), expected);
            }
        }
    }

    /// [`class_word_end`] skips one whole word of lower-case letters and hyphens and its space, or nothing.
    #[test]
    fn class_word_end_values() {
        assert_eq!(class_word_end(b"tough match to", 0), Some(6));
        assert_eq!(class_word_end(b"x semi-final to", 2), Some(13));
        assert_eq!(class_word_end(b"Tough match", 0), None);
        assert_eq!(class_word_end(b"match", 0), None);
        assert_eq!(class_word_end(b" match", 0), None);
        assert_eq!(class_word_end(b"ab", 2), None);
    }

    /// [`class_outside`] marks exactly the bytes that are no lower-case letter nor `-`: every byte value at
    /// every place of a word of letters, and random words.
    #[test]
    fn class_outside_is_the_byte_test() {
        let by_bytes = |v: u64| {
            v.to_le_bytes().iter().enumerate().fold(0u64, |m, (k, &c)| {
                m | u64::from(!(c.is_ascii_lowercase() || c == b'-')) << (8 * k + 7)
            })
        };
        for c in 0..=255u8 {
            for k in 0..8 {
                let mut bytes = *b"abcdwxyz";
                bytes[k] = c;
                let v = u64::from_le_bytes(bytes);
                assert_eq!(class_outside(v), by_bytes(v), "{c} at {k}");
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let v = super::super::xorshift(&mut seed);
            assert_eq!(class_outside(v), by_bytes(v), "{v:x}");
        }
        assert_eq!(class_outside(u64::from_le_bytes(*b"semi-f z")), 0x80 << 48);
    }

    /// [`class_word_end`] is the byte loop it replaced, at every offset of random texts of lower-case
    /// letters, hyphens, spaces and other bytes (runs of all lengths, near the end too).
    #[test]
    fn class_word_end_is_the_byte_loop() {
        let old = |b: &[u8], q1: usize| {
            let run = class_run(b, q1);
            (run > 0 && b.get(q1 + run) == Some(&b' ')).then_some(q1 + run + 1)
        };
        // Lower-case runs of many lengths (past eight bytes too, where the mask hands over to the byte loop)
        // between hyphens, spaces, capitals, digits, bytes beyond ASCII and the neighbours of 'a' and 'z'.
        let pieces = [
            "a",
            "z",
            "semi",
            "quarterfinal",
            "abcdefghijklmnopq",
            "-",
            " ",
            "  ",
            "A",
            "Z",
            ".",
            "0",
            "\u{e9}",
            "{",
            "`",
            "@",
        ];
        for text in crate::recognise::random_texts(&pieces, 3_000, 8, 0x9e37_79b9_7f4a_7c15) {
            let text = text.as_bytes();
            for q1 in 0..=text.len() {
                assert_eq!(class_word_end(text, q1), old(text, q1), "{text:?} {q1}");
            }
        }
    }

    /// [`noun_at`] gives each noun's length where a space follows it, "singles" only after "lost".
    #[test]
    fn noun_at_lengths() {
        for n in MATCH_NOUNS {
            let w = [n, b" to"].concat();
            let lost_only = n == b"singles";
            assert_eq!(noun_at(&w, 0, true), Some(n.len()));
            assert_eq!(noun_at(&w, 0, false), (!lost_only).then_some(n.len()));
            assert_eq!(noun_at(n, 0, true), None);
            assert_eq!(noun_at(&w, 1, true), None);
        }
        assert_eq!(noun_at(b"x match ", 2, true), Some(5));
        assert_eq!(noun_at(b"matches ", 0, true), None);
        assert_eq!(noun_at(b"tie", 3, true), None);
    }

    /// Each noun has a slot of its own in [`NOUNS`] (asserted in its build), with its length, and [`noun_at`]
    /// answers as [`noun_by_first_byte`] at every place of texts of the nouns' pieces, near the end too.
    #[test]
    fn nouns_by_slot() {
        let mut slots: Vec<usize> = MATCH_NOUNS
            .iter()
            .map(|n| {
                noun_slot(u64::from_le_bytes(
                    [n, &b" xxxxxxx"[..]].concat()[..8].try_into().unwrap(),
                ))
            })
            .collect();
        for (n, &slot) in MATCH_NOUNS.iter().zip(&slots) {
            assert_eq!(NOUNS[slot].len, n.len());
            assert_eq!(NOUNS[slot].lost_only, *n == b"singles");
            assert_eq!(NOUNS[slot].tail, n.get(8..).unwrap_or_default());
        }
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), MATCH_NOUNS.len());
        assert_eq!(
            NOUNS.iter().filter(|n| n.mask == 0).count(),
            16 - MATCH_NOUNS.len()
        );
        let mut pieces: Vec<&str> = vec![
            " ", "x", "semi-", "quarter-", "fin", "al", "encounte", "r", "-", "s",
        ];
        for n in MATCH_NOUNS {
            pieces.push(std::str::from_utf8(n).unwrap());
        }
        let texts = crate::recognise::random_texts(&pieces, 5_000, 6, 0x2545_f491_4f6c_dd1d);
        let mut hits = 0;
        for t in &texts {
            let b = t.as_bytes();
            for q2 in 0..=b.len() {
                for lost in [false, true] {
                    let want = noun_by_first_byte(b, q2, lost);
                    hits += usize::from(want.is_some());
                    assert_eq!(noun_at(b, q2, lost), want, "{t:?} {q2} {lost}");
                }
            }
        }
        assert!(hits > 1_000, "{hits}");
    }

    /// [`PASSIVE_BY_FIRST`] holds, for each letter, the participles that open with it in their order.
    #[test]
    fn passive_by_first_groups() {
        let (verbs, ranges) = PASSIVE_BY_FIRST;
        for (k, &(from, to)) in ranges.iter().enumerate() {
            let want: Vec<&[u8]> = PASSIVE_VERBS
                .iter()
                .copied()
                .filter(|v| v[0] == b'a' + k as u8)
                .collect();
            assert_eq!(&verbs[usize::from(from)..usize::from(to)], &want[..], "{k}");
            assert_eq!(in_set(PASSIVE_FIRST, Some(&(b'a' + k as u8))), from < to);
        }
        assert_eq!(ranges[usize::from(b'd' - b'a')], (4, 9));
        assert_eq!(
            verbs[4..9],
            [
                &b"defeated"[..],
                b"downed",
                b"dispatched",
                b"dumped out",
                b"dumped"
            ]
        );
        assert_eq!(ranges[usize::from(b'a' - b'a')], (0, 0));
    }

    /// [`article_len`] reads the four articles, by the eight bytes at `q` and near the end of the text.
    #[test]
    fn article_len_values() {
        for (t, n) in [
            ("the ", 4),
            ("his ", 4),
            ("her ", 4),
            ("their ", 6),
            ("the final to", 4),
            ("their match to", 6),
            ("theirs ", 0),
            ("then ", 0),
            ("there ", 0),
            ("The ", 0),
            ("the", 0),
            ("thei", 0),
            ("hers ", 0),
            (" the ", 0),
            ("", 0),
        ] {
            assert_eq!(article_len(t.as_bytes(), 0), n, "{t:?}");
            // The same article with eight bytes after it, read as one integer.
            let long = format!("{t}xxxxxxxx");
            assert_eq!(article_len(long.as_bytes(), 0), n, "{long:?}");
        }
        assert_eq!(article_len(b"x her ", 2), 4);
        assert_eq!(article_len(b"x their", 2), 0);
    }

    /// [`noun_prep`] (nouns chosen by their first byte) answers as its old form, which tried every article
    /// and noun in turn, at every offset of random texts of the pattern's pieces and of the test texts.
    #[test]
    fn noun_prep_is_the_old_form() {
        let mut pieces: Vec<&str> = vec![
            " ", "the ", "their ", "his ", "her ", "th", "he", "thei", "to", "against", "agains",
            "-", "a", "x ", "Big ", "tough ", "s", "semi-", "sin", "ties", "\u{e9}", "_", ",", "9",
            "T",
        ];
        for n in MATCH_NOUNS {
            pieces.push(std::str::from_utf8(n).unwrap());
        }
        let mut texts = crate::recognise::random_texts(&pieces, 20_000, 9, 0x9e37_79b9_7f4a_7c15);
        texts.extend(crate::recognise::all_texts().into_iter().take(20));
        // Texts that match, one per noun, article and preposition (the random ones seldom do).
        for n in MATCH_NOUNS {
            let n = std::str::from_utf8(n).unwrap();
            for a in ["", "the ", "their ", "his ", "her ", "the tough ", "tough "] {
                for p in ["to", "against"] {
                    texts.push(format!(" {a}{n} {p} X"));
                }
            }
        }
        let mut hits = 0;
        for t in &texts {
            let b = t.as_bytes();
            for q in 0..b.len().min(30_000) {
                for lost in [false, true] {
                    let want = noun_prep_old(b, q, lost);
                    hits += usize::from(want.is_some());
                    assert_eq!(noun_prep(b, q, lost), want, "{t:?} {q} {lost}");
                }
            }
        }
        assert!(hits >= MATCH_NOUNS.len() * 7 * 2, "{hits}");
    }

    #[test]
    fn run_start_is_the_byte_loop() {
        let mut texts: Vec<Vec<u8>> = crate::recognise::all_texts()
            .into_iter()
            .take(20)
            .map(String::into_bytes)
            .collect();
        let mut all = Vec::new();
        for c in 0u8..=255 {
            all.extend_from_slice(b"ab9Z");
            all.push(c);
            all.extend_from_slice(b"aaaaaaaaaaaaaaaaaaaaaaaaa0");
            all.push(c);
            all.push(c);
        }
        texts.push(all);
        texts.push(b"x".to_vec());
        for b in &texts {
            for e in 0..b.len().min(30_000) {
                for floor in [0, e.saturating_sub(8), e.saturating_sub(3), e] {
                    let mut s = e;
                    while s > floor && super::super::WORD[usize::from(b[s - 1])] {
                        s -= 1;
                    }
                    assert_eq!(run_start(b, floor, e), s, "{e} {floor}");
                }
            }
        }
    }

    /// [`latin_capital`] answers as `\p{Lu}` on every character it reads.
    #[test]
    fn latin_capital_is_lu() {
        let lu = regex::Regex::new(r"^\p{Lu}").unwrap();
        for c in (0x80..0x300).filter_map(char::from_u32) {
            let s = c.to_string();
            let want = lu.is_match(&s);
            match latin_capital(s.as_bytes(), 0) {
                Some(got) => assert_eq!(got, want, "{c:?}"),
                None => assert!(c as u32 >= 0x240, "{c:?}"),
            }
        }
    }

    /// [`has_ascii_upper`] answers as a test of each byte: on every run of ASCII letters and digits of the corpora
    /// (and each of its prefixes) and on edge cases (all bytes around the capitals, non-ASCII bytes, text ends).
    #[test]
    fn same_as_any_upper() {
        let mut texts = crate::recognise::all_texts_and(&[
            "@AZ[`az{ \u{c1}\u{da}X Won WON wOn beaT ABCDEFGHI abcdefgh abcdefgH Abcdefgh",
        ]);
        texts.push((0u8..=127).map(char::from).collect());
        texts.push("A@Z[a`z{\u{c1}\u{e1}\u{ff}".into());
        for t in &texts {
            let b = t.as_bytes();
            for s in 0..b.len() {
                for e in s..(s + 10).min(b.len()) + 1 {
                    assert_eq!(
                        has_ascii_upper(b, s, e),
                        b[s..e].iter().any(u8::is_ascii_uppercase),
                        "{s}..{e} of {t:?}"
                    );
                }
                if s > 20_000 {
                    break;
                }
            }
        }
    }

    /// [`letters_have_capital`] answers as a test of each byte on every run of one to eight ASCII letters of the
    /// corpora and of edge cases (both cases of every letter, the ends of the text).
    #[test]
    fn letters_have_capital_is_any_upper() {
        let mut texts = crate::recognise::all_texts_and(&[
            "Won WON wOn beaT ABCDEFGHI abcdefgh abcdefgH Abcdefgh aZ Za zA",
        ]);
        texts.push(('A'..='Z').chain('a'..='z').collect());
        texts.push(('a'..='z').rev().chain(('A'..='Z').rev()).collect());
        let mut checked = 0;
        for t in &texts {
            let b = t.as_bytes();
            for s in 0..b.len().min(20_000) {
                for e in s + 1..(s + 8).min(b.len()) + 1 {
                    if !b[s..e].iter().all(u8::is_ascii_alphabetic) {
                        break;
                    }
                    let want = b[s..e].iter().any(u8::is_ascii_uppercase);
                    assert_eq!(letters_have_capital(b, s, e), want, "{s}..{e} of {t:?}");
                    checked += usize::from(want);
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// [`eight_at`] reads eight bytes little-endian where they are, and none nearer the end.
    #[test]
    fn eight_at_reads_eight_bytes() {
        let b = b"abcdefghij";
        assert_eq!(eight_at(b, 0), Some(u64::from_le_bytes(*b"abcdefgh")));
        assert_eq!(eight_at(b, 2), Some(u64::from_le_bytes(*b"cdefghij")));
        assert_eq!(
            eight_at(b, 0).map(|v| v as u16),
            Some(u16::from_le_bytes(*b"ab"))
        );
        assert_eq!(eight_at(b, 3), None);
        assert_eq!(eight_at(b, 10), None);
        assert_eq!(eight_at(b"", 0), None);
    }

    /// [`Prefix::starts`] answers as `starts_with` for every text of the cue steps, at every offset of the
    /// corpora and of random texts of the bytes of the texts, and near the end of the text.
    #[test]
    fn prefix_starts_is_starts_with() {
        let mut texts = crate::recognise::all_texts_and(&[
            "was beaten by d. X got the better of them beat the record",
        ]);
        let mut alphabet: Vec<u8> = Vec::new();
        for word in FOLLOW.values() {
            for step in &word.steps {
                if let Step::Lit { rest, .. } = step {
                    alphabet.extend(rest.iter().filter(|&&c| c != 0));
                    let text = String::from_utf8(rest.strip_suffix(&[0]).unwrap_or(rest).to_vec())
                        .expect("ASCII");
                    texts.push(text.clone());
                    texts.push(format!("{text}x"));
                    texts.push(text[..text.len().saturating_sub(1)].to_string());
                }
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..2000 {
            let n = (seed % 24) as usize;
            let t: String = (0..n)
                .map(|_| {
                    crate::recognise::xorshift(&mut seed);
                    char::from(alphabet[(seed % alphabet.len() as u64) as usize])
                })
                .collect();
            texts.push(t);
        }
        let mut checked = 0;
        for word in FOLLOW.values() {
            for step in &word.steps {
                let Step::Lit { rest, head, .. } = step else {
                    continue;
                };
                let text = rest.strip_suffix(&[0]).unwrap_or(rest);
                for t in &texts {
                    let b = t.as_bytes();
                    // Where the reader tries the steps: after a word (and, on short texts, everywhere).
                    let tried = |q: usize| b.len() < 64 || (q > 0 && is_word_byte(b[q - 1]));
                    for q in (0..=b.len()).filter(|&q| tried(q)) {
                        let expected = b[q..].starts_with(text);
                        assert_eq!(head.starts(b, q, text), expected, "{t:?} {q} {text:?}");
                        checked += usize::from(expected);
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// The byte code of [`followed_by_by`] answers as the code on characters, at every word of the corpora and
    /// of edge cases.
    #[test]
    fn same_as_followed_by_by_chars() {
        let texts = crate::recognise::all_texts_and(&[
            "has beaten him by, had been beaten by, was beaten\u{a0}by X, beaten in three sets by Y",
            "beaten 6-4 by, defeated  Z by, knocked out in the second round by, upset by, ousted. by",
            "stunned \u{c9}ric by, beaten a b c d e by, beaten a b c d e f by, beaten \"by\", beaten;by",
            "having\u{2028}beaten by, have beaten by, thrashed\tby, \u{e9}d beaten by him, beaten by",
            "beaten by\u{a0}X, beaten by\u{e9}, beaten b\u{e9} by, beaten in \u{c9}cole by, beaten by. \u{e9}",
            "beaten x. \u{e9} by, beaten a b c d e f by \u{e9}, beaten \u{a0}by, beaten by\u{2028}, ousted; \u{e9}",
            "beaten aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee ffff by\u{e9}, beaten aaaaaaaaa bbbbbbbbb cccccccc ddddddddd eeeeeeeee fff \u{e9}by",
            "beaten aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee fff by, beaten aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee ffffff by",
            // Non-ASCII words before the participle, with and without an auxiliary at their end.
            "M\u{fc}ller defeated him by, x\u{a0}has beaten by, \u{e9}has beaten by, M\u{fc}llerhas beaten by",
            "a\u{2028}had\u{a0}beaten by, \u{e9}having beaten by, \u{e9}have\u{a0} beaten by, \u{e9}\u{a0}beaten by",
            "x\u{3000}have beaten by, \u{e9}hav beaten by, \u{e9}shad beaten by, \u{e9}s\u{a0}ad beaten by",
            // Capitals with non-ASCII bytes after the participle.
            "defeated Chlo\u{e9} by, defeated Chlo\u{e9}by, beaten C\u{a0}by, beaten c\u{a0}by, beaten Z\u{2028}by",
            // Non-ASCII last characters before the participle, white space or not; Latin capitals (and other
            // letters) after it, one cut by the 60 bytes.
            "Mladenovi\u{107} defeated him by, Mladenovi\u{107}\u{a0}defeated by, \u{107}\u{85} beaten by",
            "defeated \u{c9}ric by, beaten \u{e9}ric by, beaten \u{c9}by, beaten \u{1e9e} by, beaten \u{17d} by",
            "beaten \u{c9}, beaten x \u{237} by, beaten x \u{23a} by, beaten \u{100}\u{a0}by, beaten x \u{c0}",
            "beaten aaaaaaaaaaa bbbbbbbbbbb ccccccccccc ddddddddddd eeeeeeeee \u{c9}by, beaten by",
            "beaten aaaaaaaaaaa bbbbbbbbbbb ccccccccccc ddddddddddd eeeeeeee \u{c9} by, beaten by",
        ]);
        for t in &texts {
            let b = t.as_bytes();
            for s in (0..b.len()).filter(|&p| super::super::word_start(b, p)) {
                for e in [
                    s + first_run(&b[s..]),
                    (s + first_run(&b[s..]) + 4).min(b.len()),
                ] {
                    if t.is_char_boundary(e) {
                        assert_eq!(
                            followed_by_by(t, s, e),
                            followed_by_by_chars(t, s, e),
                            "{t}: {s}..{e}"
                        );
                    }
                }
            }
        }
    }

    /// Every text of the pattern that starts with a [`DEFERRED`] word holds one of [`TRIGGERS`] at most
    /// [`REACH`] words later, with one space before each word, only runs of ASCII letters and digits between
    /// (`[a-z]+ly`, a NUL and letters here, is one), and a space or the final `\b` after it.
    #[test]
    fn deferred_words_reach_a_trigger() {
        for (name, a) in CUE_ALTS {
            for t in super::super::literals(a) {
                let n = first_run(&t);
                if !DEFERRED.contains(&&t[..n]) {
                    continue;
                }
                let words: Vec<&[u8]> = t[n..]
                    .strip_prefix(b" ")
                    .expect("a space after a deferred word")
                    .split(|&c| c == b' ')
                    .collect();
                let i = (0..words.len().min(REACH))
                    .find(|&i| TRIGGERS.contains(&words[i]))
                    .unwrap_or_else(|| panic!("{name}: {}", String::from_utf8_lossy(&t)));
                for w in &words[..i] {
                    let letters = w.strip_prefix(b"\0").unwrap_or(w);
                    assert!(letters.len() == w.len() || *name == "passive");
                    assert!(
                        !letters.is_empty() && letters.iter().all(u8::is_ascii_alphanumeric),
                        "{name}: {}",
                        String::from_utf8_lossy(&t)
                    );
                }
                assert!(i + 1 < words.len() || *name != "dd");
            }
        }
        // The only class between a deferred word and its trigger is `[a-z]+` (of "passive").
        assert!(CUE_ALTS[0].1.contains("[a-z]+ly") && CUE_ALTS[0].1.matches('[').count() == 1);
    }

    /// The pattern tried at the words of the shared scan finds what `find_iter` finds: on the corpora, and on
    /// edge cases (case, words at the edges of the text, "_", non-ASCII neighbours, "d." abbreviations).
    #[test]
    fn same_as_find_iter() {
        let mut texts = crate::recognise::all_texts();
        texts.extend(
            [
                "beat",
                "Beat him. beat",
                "_beat x beat_ xbeat d. Federer d Federer bt. Nadal def. \u{c9}ric d.\u{a0}X d.",
                "was beaten by, was also beaten by, is knocked out by him, were taken the distance by Y",
                "lost the final to, lost to, lost in straight sets to, went down to, fell, falling",
                "\u{e9}beat \u{e9}won won\u{e9} retired\u{2019}s; he was narrowly beaten and lost",
                "saw off, sees off, got the better of, came back to beat, ended the run of, triumphed in two sets over",
                "win over, wins against, defeat of, defeat at the hands of, received a walkover, WON, Lost to",
                "was beaten, was  beaten, was narrowly beaten, was ly beaten, was oddly beaten, was Oddly beaten",
                "is beatenly, were taken the distance by, being pushed to five sets by, got past, get  past, gets a",
                "was beaten_ by, was beat, is upset, be seen off, are swept aside, was1 beaten, was beaten2",
                "was\tbeaten, was\u{a0}beaten, was-beaten, is also beaten, is alsobeaten, been eventually beaten",
                "lost the match to, lost his final against, losing the semi-final to, lost a-b match to, won match against",
                // Words of more than eight bytes that share their first eight and length with a first word.
                "eliminatez X, eliminatex past, dispatchez, outlastez by, eliminated, eliminatin, knockingz out",
                // The code reader: "lostmatch" / "wonmatch" paths, "d." capitals, words before and after.
                "lost the final match to, lost the x final tox, won the singles against, lost their -- final to",
                "won her  final against, lost the_final to, won a final against_, loses the tie against, losing final to",
                "lost the tie-break final to, won the semi-final against, lost the Davis final to, lost\u{a0}the final to",
                "d. A, bt B, def.\u{c9}, d Z., d.  X, d.x, bt.B, beat by, beaten by X, knocked out by, came back to beat",
                "eased past, eased  past, eased, x_won, won_, 1won, won1, beat-by, the winner over, triumphed in two sets over",
            ]
            .map(String::from),
        );
        let words: Vec<String> = CUE_ALTS
            .iter()
            .flat_map(|(_, a)| super::super::literals(a))
            .filter(|t| t.len() < 40 && !t.contains(&0))
            .map(|t| String::from_utf8(t).unwrap())
            .collect();
        for sep in [" ", "  ", ". ", "-", "_", "\u{e9}"] {
            texts.push(words.join(sep));
        }
        for t in &texts {
            let want: Vec<(usize, usize)> =
                CUE.all.find_iter(t).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = matches(t, &Keywords::scan(t))
                .iter()
                .map(|&(s, e, _)| (s, e))
                .collect();
            assert_eq!(got, want, "{t}");
            for (s, e, alt) in matches(t, &Keywords::scan(t)) {
                if let Some(alt) = alt {
                    assert_eq!(alt, CUE.which_at(t, s, e), "{t}: {}", &t[s..e]);
                }
            }
        }
    }
}
