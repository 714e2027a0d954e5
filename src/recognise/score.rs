//! Tennis match scores in every notation the press uses. Corpus: `tests/corpus/score.jsonl`.
//!
//! A small hand scanner makes one pass over the bytes of the (normalised) text. At every number that can start
//! a set (`6-4`, `7/6`) it reads the longest run of sets joined by spaces, commas or "and", with tie-breaks
//! (`7-6(4)`, `7-6 (7-4)`, `6-7 (6/8)`), a match tie-break (`[10-8]`, `(10-8)` or `10-8` as the deciding set)
//! and an ending marker (`ret.`, `(rtd)`, `retired`, `def.`, `defaulted`). The run is kept only when it is a
//! possible tennis match (see `judge`): precision first, so a run that breaks the rules gives nothing.
//! Walkovers ("walkover", "W/O") give a mention with no sets.
//!
//! No allocation happens for a rejected candidate: the sets are collected in a fixed buffer first.

use super::Span;
use crate::model::{Outcome, Score, SetScore};

/// One set as written: `first` games for the side written first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawSet {
    pub first: u32,
    pub second: u32,
    /// Tie-break points as written: `(7-4)` -> `(7, Some(4))`, `(4)` -> `(4, None)`.
    pub tiebreak: Option<(u32, Option<u32>)>,
    /// A match tie-break (`[10-8]`, or `10-8` in a deciding set).
    pub match_tiebreak: bool,
}

impl RawSet {
    const EMPTY: RawSet = RawSet {
        first: 0,
        second: 0,
        tiebreak: None,
        match_tiebreak: false,
    };

    fn new(first: u32, second: u32) -> Self {
        RawSet {
            first,
            second,
            ..RawSet::EMPTY
        }
    }

    fn hi(&self) -> u32 {
        self.first.max(self.second)
    }

    /// A set (or match tie-break) that is over: `Some(true)` when the first side won it. (Inlined: with
    /// [`judge`] inlined into [`run_at`], it was left a call of its own for every run judged.)
    #[inline(always)]
    fn won_by_first(&self) -> Option<bool> {
        let done = if self.match_tiebreak {
            match_tiebreak_valid(self.first, self.second)
        } else {
            set_finished(self.first, self.second)
        };
        done.then_some(self.first > self.second)
    }

    /// The tie-break number the canonical score shows: the smaller score (the loser's points).
    fn tiebreak_shown(&self) -> Option<u32> {
        self.tiebreak.map(|(a, b)| b.map_or(a, |b| a.min(b)))
    }
}

/// The most sets a mention holds: [`judge`] wants every set before the last finished, and no side with three of
/// them, so at most four come before the last.
const MENTION_SETS: usize = 5;

/// The sets of a mention, kept inline so that a mention needs no allocation of its own (a `Vec` of them cost
/// an allocation and a free per score). Reads as the slice of its sets (those past `len` may be any: a run's
/// sets are read into room that the runs before it used, see [`run_at`]).
#[derive(Clone, Copy)]
pub(crate) struct Sets {
    len: u8,
    sets: [RawSet; MENTION_SETS],
}

impl Sets {
    /// No sets (a walkover).
    pub(crate) const NONE: Sets = Sets {
        len: 0,
        sets: [RawSet::EMPTY; MENTION_SETS],
    };

    /// The first `n` sets of `all` (`n <= MENTION_SETS`). (A copy of fixed length: one of `n` sets would be a
    /// call to `memcpy`.)
    fn first(all: &[RawSet; MAX_SETS], n: usize) -> Self {
        assert!(n <= MENTION_SETS, "a match has at most {MENTION_SETS} sets");
        Sets {
            len: n as u8,
            sets: all[..MENTION_SETS].try_into().expect("MENTION_SETS sets"),
        }
    }
}

impl std::ops::Deref for Sets {
    type Target = [RawSet];

    // (`min`: `len` is never more, but a slice that the compiler can see is in range has no panic branch.)
    #[inline]
    fn deref(&self) -> &[RawSet] {
        &self.sets[..usize::from(self.len).min(MENTION_SETS)]
    }
}

impl<'a> IntoIterator for &'a Sets {
    type Item = &'a RawSet;
    type IntoIter = std::slice::Iter<'a, RawSet>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Sets {
    fn eq(&self, other: &Sets) -> bool {
        **self == **other
    }
}

impl Eq for Sets {}

impl std::fmt::Debug for Sets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A score found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScoreMention {
    pub span: Span,
    pub sets: Sets,
    /// How the match ended: `Retired` for "6-4 3-1 ret.", `Walkover` for "walkover" / "w/o" (then no sets).
    pub ending: Outcome,
    /// What [`ScoreMention::first_side_wins`] gives: found once, by [`judge`] (which counts the sets won
    /// anyway), where the resolver asks for it up to eight times per score.
    first_wins: Option<bool>,
}

impl ScoreMention {
    /// Whether the side written first won the match: `Some(true)` when it won more sets, `Some(false)` when the
    /// other side did, `None` when that cannot be told (a retirement with sets level, a walkover). (Found
    /// when the mention was made: see `first_wins`.)
    #[inline]
    pub fn first_side_wins(&self) -> Option<bool> {
        self.first_wins
    }

    /// The canonical score, winner first. `flip` is true when the side written second won the match.
    pub fn to_score(&self, flip: bool) -> Score {
        if self.ending == Outcome::Walkover {
            return Score {
                text: "W/O".into(),
                sets: Vec::new(),
            };
        }
        // The text is written into a buffer on the stack and copied into the `Text` at the end (pushing byte by
        // byte into a `Text` checks its capacity and form each time). A set takes at most `SET` bytes (at most
        // 10 as every number read is under 100); past `ROOM`, what the buffer holds is moved to the text first.
        const SET: usize = 6 + 3 * 10;
        const ROOM: usize = 64 - SET - 4;
        // Each set is written after a space, the first one's too; the text starts past it (`from`), but for a
        // mention of no sets (whose ending keeps its space) and after a move to the text (where the space parts
        // the sets).
        let mut text = crate::model::Text::default();
        let mut aligned = Aligned([0u8; 64]);
        let buf = &mut aligned.0;
        let mut len = 0;
        let mut from = usize::from(!self.sets.is_empty());
        let mut sets = Vec::with_capacity(self.sets.len());
        for s in &self.sets {
            if len > ROOM {
                text.push_str(&ascii(buf, len)[from..]);
                len = 0;
                from = 0;
            }
            let (w, l) = if flip {
                (s.second, s.first)
            } else {
                (s.first, s.second)
            };
            // The common set, two numbers under 10 and no tie-break: " w-l" in one store.
            if !s.match_tiebreak && s.tiebreak.is_none() && w | l < 10 {
                buf[len..len + 4].copy_from_slice(&[b' ', b'0' + w as u8, b'-', b'0' + l as u8]);
                len += 4;
                sets.push(SetScore {
                    winner: w,
                    loser: l,
                    tiebreak_winner: None,
                    tiebreak_loser: None,
                    match_tiebreak: false,
                });
                continue;
            }
            len = put_byte(buf, len, b' ');
            if s.match_tiebreak {
                len = put_byte(buf, len, b'[');
            }
            len = put_number(buf, len, w);
            len = put_byte(buf, len, b'-');
            len = put_number(buf, len, l);
            if s.match_tiebreak {
                len = put_byte(buf, len, b']');
            } else if let Some(t) = s.tiebreak_shown() {
                len = put_byte(buf, len, b'(');
                len = put_number(buf, len, t);
                len = put_byte(buf, len, b')');
            }
            let (tiebreak_winner, tiebreak_loser) = match s.tiebreak {
                Some((a, Some(b))) => (Some(a.max(b)), Some(a.min(b))),
                Some((a, None)) => (None, Some(a)),
                None => (None, None),
            };
            sets.push(SetScore {
                winner: w,
                loser: l,
                tiebreak_winner,
                tiebreak_loser,
                match_tiebreak: s.match_tiebreak,
            });
        }
        // (A copy of fixed length for each ending: one of length 0 or 4 would be a call to `memcpy`.)
        match self.ending {
            Outcome::Retired => {
                buf[len..len + 4].copy_from_slice(b" RET");
                len += 4;
            }
            Outcome::Defaulted => {
                buf[len..len + 4].copy_from_slice(b" DEF");
                len += 4;
            }
            _ => {}
        }
        // Nearly always the whole text is in the buffer: made at once (inline up to 24 bytes, built in
        // registers), not pushed onto an empty `Text`.
        if text.is_empty() {
            text = crate::model::Text::new(&ascii(buf, len)[from..]);
        } else {
            text.push_str(&ascii(buf, len)[from..]);
        }
        Score { text, sets }
    }
}

/// `b` at `buf[at]`; returns the end.
#[inline(always)]
fn put_byte(buf: &mut [u8; 64], at: usize, b: u8) -> usize {
    buf[at] = b;
    at + 1
}

/// `n` in decimal (what `format!("{n}")` writes) at `buf[at..]`, without a formatter; returns the end. One or
/// two digits are written directly (every number read is under 100).
#[inline(always)]
fn put_number(buf: &mut [u8; 64], at: usize, n: u32) -> usize {
    if n < 10 {
        put_byte(buf, at, b'0' + n as u8)
    } else if n < 100 {
        buf[at..at + 2].copy_from_slice(&[b'0' + (n / 10) as u8, b'0' + (n % 10) as u8]);
        at + 2
    } else {
        let mut tmp = [0; 20];
        let d = crate::output::decimal(u64::from(n), &mut tmp).as_bytes();
        buf[at..at + d.len()].copy_from_slice(d);
        at + d.len()
    }
}

/// The buffer of [`ScoreMention::to_score`], aligned for [`ascii`].
#[repr(align(16))]
struct Aligned([u8; 64]);

/// The score text written so far, `buf[..len]` (digits and punctuation: ASCII; so is the rest of `buf`). The
/// check of `from_utf8` is made on whole 16-byte blocks from the aligned start, which it reads two words at a
/// time (a shorter text it would read byte by byte), and the text cut from them.
#[inline(always)]
fn ascii(buf: &[u8; 64], len: usize) -> &str {
    let blocks = std::str::from_utf8(&buf[..(len + 15) & !15]).expect("ASCII");
    &blocks[..len]
}

/// A finished set: 6-0..6-4, 7-5, 7-6, or an advantage set n-(n-2) with n >= 8, either orientation.
///
/// A set of at most 7 games a side (nearly every one) is one bit of [`FINISHED_TO_7`]: where the tests of the
/// larger number (6, then 7) and of the smaller were a chain of branches whose first mispredicted often on
/// score-dense text. (`set_finished_as_games` in the tests compares it with those tests.)
#[inline]
fn set_finished(a: u32, b: u32) -> bool {
    if a | b < 8 {
        FINISHED_TO_7 >> (8 * a + b) & 1 != 0
    } else {
        // The larger number is 8 or more here.
        a.abs_diff(b) == 2
    }
}

/// Bit `8 * a + b` for each finished set `a`-`b` with `a` and `b` below 8: 6-0..6-4, 7-5, 7-6 and the same
/// turned round.
const FINISHED_TO_7: u64 = {
    let mut mask = 0u64;
    let mut a = 0;
    while a < 8 {
        let mut b = 0;
        while b < 8 {
            let (hi, lo) = if a > b { (a, b) } else { (b, a) };
            if (hi == 6 && lo <= 4) || (hi == 7 && (lo == 5 || lo == 6)) {
                mask |= 1 << (8 * a + b);
            }
            b += 1;
        }
        a += 1;
    }
    mask
};

/// A set score that can stand when play stopped: 3-1, 6-5, 6-6, 8-7 (an advantage set).
fn set_unfinished(a: u32, b: u32) -> bool {
    let (hi, lo) = (a.max(b), a.min(b));
    hi <= 5 || (hi == 6 && lo >= 5) || (hi >= 7 && lo >= 6 && hi - lo <= 1 && !(hi == 7 && lo == 6))
}

/// A finished set tie-break given in full: first to 7 (or to 10 in some deciding sets), by two.
fn tiebreak_valid(a: u32, b: u32) -> bool {
    let (hi, lo) = (a.max(b), a.min(b));
    (hi == 7 && lo <= 5) || (hi == 10 && lo <= 8) || (hi > 7 && hi - lo == 2)
}

/// A finished match tie-break: first to 10, by two.
fn match_tiebreak_valid(a: u32, b: u32) -> bool {
    let (hi, lo) = (a.max(b), a.min(b));
    (hi == 10 && lo <= 8) || (hi > 10 && hi - lo == 2)
}

/// Who leads with `f` sets won by the first side and `s` by the second: `Some(true)` for the first side,
/// `None` when level.
fn leader(f: u32, s: u32) -> Option<bool> {
    (f != s).then_some(f > s)
}

fn count(sets: &[RawSet]) -> (u32, u32) {
    sets.iter()
        .fold((0, 0), |(f, s), set| match set.won_by_first() {
            Some(true) => (f + 1, s),
            Some(false) => (f, s + 1),
            None => (f, s),
        })
}

/// What [`judge`] makes of a run of sets that is a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Verdict {
    ending: Outcome,
    /// Whether the ending marker belongs to the score.
    with_marker: bool,
    /// Whether the side written first won: [`leader`] of the sets each side won (what [`count`] gives for
    /// `sets`, as [`judge`] leaves them).
    first_wins: Option<bool>,
}

/// Decides whether `sets` (with an ending `marker` written right after them) is a possible match.
///
/// Returns the ending, whether the marker belongs to the score and who won, or `None` when the run is not a
/// match. May mark a deciding `10-8` as a match tie-break.
///
/// Inlined into [`run_at`]: called, it saved and restored six registers and packed its verdict into one for
/// every run of two sets or more.
#[inline(always)]
fn judge(sets: &mut [RawSet], marker: Option<Outcome>) -> Option<Verdict> {
    let n = sets.len();
    if n == 0 {
        return None;
    }
    // A bare `10-8` in place of a deciding third set is a match tie-break. From 11-9 on, a score by two is
    // read as an advantage set, as the results data (Sackmann) writes old deciding sets: `6-4 2-6 16-14`.
    // (Tested with the games of the last set, as one branch: a 10 is rare, where the test of `n` alone
    // mispredicted as runs of two and of three sets came in turn.)
    if (sets[n - 1].hi() == 10) & (n == 3) {
        let last = sets[2];
        if !last.match_tiebreak
            && last.tiebreak.is_none()
            && match_tiebreak_valid(last.first, last.second)
            && count(&sets[..2]) == (1, 1)
        {
            sets[2].match_tiebreak = true;
        }
    }
    // Every set before the last is a finished ordinary set; the sets each side won there. (So `won_by_first`
    // of each is `Some(first > second)`: with the last set's, `(f, s)` below is what `count` gives.)
    let (before, last) = (&sets[..n - 1], sets[n - 1]);
    let (mut f0, mut s0) = (0, 0);
    // Games like 21-19 or 25-23 belong to other sports: a tennis match has at least one ordinary set (one
    // not a match tie-break, of at most 7 games). Told in the same pass: the sets before the last are
    // ordinary when the loop does not return, so only their games and the last set's are left to test.
    let mut ordinary = !last.match_tiebreak && last.hi() <= 7;
    for s in before {
        if s.match_tiebreak || !set_finished(s.first, s.second) {
            return None;
        }
        ordinary |= s.hi() <= 7;
        if s.first > s.second {
            f0 += 1;
        } else {
            s0 += 1;
        }
    }
    if !ordinary {
        return None;
    }
    if last.match_tiebreak && (f0, s0) != (1, 1) {
        return None;
    }
    // No side may have won the match before the last set: 3 sets in a best of five.
    if f0.max(s0) >= 3 {
        return None;
    }
    let last_won = last.won_by_first();
    let (f, s) = match last_won {
        Some(true) => (f0 + 1, s0),
        Some(false) => (f0, s0 + 1),
        None => (f0, s0),
    };
    let (w, l) = (f.max(s), f.min(s));
    let complete = last_won.is_some()
        && ((w == 2 && l <= 1 && f0.max(s0) <= 1) || (w == 3 && l <= 2 && f0.max(s0) <= 2));
    let could_stop = (last_won.is_some() || set_unfinished(last.first, last.second))
        && !last.match_tiebreak
        && w <= 2;
    let verdict = |ending, with_marker| Verdict {
        ending,
        with_marker,
        first_wins: leader(f, s),
    };
    if let Some(m) = marker
        && could_stop
    {
        return Some(verdict(m, true));
    }
    complete.then(|| verdict(Outcome::Completed, false))
}

/// Whether an unfinished score could be a retirement (every set but the last finished, nobody has won): then
/// who won, as [`judge`] tells it.
fn could_retire(sets: &[RawSet]) -> Option<Option<bool>> {
    let mut copy = [RawSet::EMPTY; MAX_SETS];
    copy[..sets.len()].copy_from_slice(sets);
    match judge(&mut copy[..sets.len()], Some(Outcome::Retired)) {
        Some(Verdict {
            ending: Outcome::Retired,
            with_marker: true,
            first_wins,
        }) => Some(first_wins),
        _ => None,
    }
}

const MAX_SETS: usize = 7;

fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// A score number: one or two digits (no leading zero in two), not part of a longer number.
#[inline]
fn number(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let d0 = at(b, i);
    if !d0.is_ascii_digit() {
        return None;
    }
    let d1 = at(b, i + 1);
    if d1.is_ascii_digit() {
        if d0 == b'0' || at(b, i + 2).is_ascii_digit() {
            return None;
        }
        return Some((u32::from(d0 - b'0') * 10 + u32::from(d1 - b'0'), i + 2));
    }
    Some((u32::from(d0 - b'0'), i + 1))
}

/// `a-b` or `a/b` at `i`; returns the two numbers and the end.
#[inline]
fn pair(b: &[u8], i: usize) -> Option<(u32, u32, usize)> {
    let (x, j) = number(b, i)?;
    if !matches!(at(b, j), b'-' | b'/') {
        return None;
    }
    let (y, k) = number(b, j + 1)?;
    Some((x, y, k))
}

/// Whether byte `k` may follow a set score: not a letter or digit, not a continuation like `6/4/2005`,
/// `4-4-2`, `6-4.5` or `2-1:30`. The byte's kind is one load from [`AFTER_SET`] (the tests of a letter, a
/// digit and `%` were three compares and branches for every pair read); `clean_end_as_tests` in the tests
/// compares it with those tests for every two bytes. (What [`set_in`] reads from its window; kept for the
/// tests, the reference of `set_in_as_pair`.)
#[cfg(test)]
fn clean_end(b: &[u8], k: usize) -> bool {
    let kind = AFTER_SET[usize::from(at(b, k))];
    kind == 0 || (kind == 2 && !at(b, k + 1).is_ascii_digit())
}

/// What a byte after a set score says ([`clean_end`]): 1 for an ASCII letter, digit or `%` (the set goes on:
/// no score), 2 for `-`, `/`, `:` and `.` (no score when a digit follows), 0 for every other byte.
static AFTER_SET: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphanumeric() || b == b'%' {
            1
        } else if matches!(b, b'-' | b'/' | b':' | b'.') {
            2
        } else {
            0
        };
        c += 1;
    }
    t
};

/// A set at `i`, with its tie-break when it is 7-6 / 6-7, its end, and whether a space and a digit follow it
/// there ([`space_digit`]).
///
/// The pair and the byte after it ([`pair`], [`clean_end`]) lie in the eight bytes from `i`, read through one
/// window ([`set_in`]) whose every index the compiler sees is in range: one bounds test where each byte read
/// by [`at`] had its own. So do the two bytes after a set with no tie-break (the second number ends at 5 at
/// most), which [`run_at`] tests next for the common separator: read from the window, not from the text
/// again with a bounds test of their own. The rare tie-break is read out of line ([`tiebreak_after`]), so
/// that the common path is small enough to be inlined into both callers in [`run_at`] (called, it saved and
/// restored five registers and returned its result through memory, for every set read).
#[inline(always)]
fn set_at(b: &[u8], i: usize) -> Option<(RawSet, usize, bool)> {
    let w = window(b, i);
    let (x, y, k) = set_in(&w)?;
    let mut space_digit_after = space_digit_pair(w[k], w[k + 1]);
    let k = i + k;
    let mut set = RawSet::new(x, y);
    let mut end = k;
    // 6-6 takes a tie-break too: a retirement during the tie-break, `6-6(4) RET`. (Tested as one value, not
    // as the chain of branches of a `matches!`, whose tests of `x == 6` and then of `y` mispredicted often.)
    if tiebreak_set(x, y)
        && let Some((tb, q)) = tiebreak_after(b, k)
    {
        set.tiebreak = Some(tb);
        end = q;
        space_digit_after = space_digit(b, q);
    }
    Some((set, end, space_digit_after))
}

/// The eight bytes of `b` from `i`, as [`at`] reads them: those past the end of `b` are zeros (read out of
/// line, [`padded_window`], near the end of the text only: the copy of fewer than eight bytes is a call to
/// `memcpy`, which would make [`set_at`] save registers on every path).
///
/// The range is `i..i + 8` wrapping (empty past `usize::MAX - 8`, then read padded): two compares before the
/// load, of `i` with a constant and of `i + 8` with the length, where `i..i.saturating_add(8)` took a select
/// and a test of the slice's length too (nine instructions before the load for every set read, five now).
#[inline(always)]
fn window(b: &[u8], i: usize) -> [u8; 8] {
    match b.get(i..i.wrapping_add(8)) {
        Some(w) => w.try_into().expect("eight bytes"),
        None => padded_window(b, i),
    }
}

/// [`window`] when fewer than eight bytes are left from `i`.
#[cold]
#[inline(never)]
fn padded_window(b: &[u8], i: usize) -> [u8; 8] {
    let rest = b.get(i..).unwrap_or_default();
    let mut padded = [0u8; 8];
    let n = rest.len().min(8);
    padded[..n].copy_from_slice(&rest[..n]);
    padded
}

/// [`pair`] and [`clean_end`] on the window `w` of [`window`]: the two numbers of the set at its start and
/// the offset in `w` of the byte after them, when that byte may end a set. Every index is below 8: the first
/// number ends at 1 or 2, the dash follows, the second ends at 5 at most and [`clean_end`] reads one more.
/// (`set_in_as_pair` in the tests compares it with `pair` and `clean_end`.)
#[inline(always)]
fn set_in(w: &[u8; 8]) -> Option<(u32, u32, usize)> {
    let (x, j) = number_in(w, 0)?;
    // `-` (0x2D) and `/` (0x2F) are the bytes that give 0x2F with bit 1 set (as in `dash_bits`).
    if w[j] | 0x02 != b'/' {
        return None;
    }
    let (y, k) = number_in(w, j + 1)?;
    let kind = AFTER_SET[usize::from(w[k])];
    (kind == 0 || (kind == 2 && !w[k + 1].is_ascii_digit())).then_some((x, y, k))
}

/// [`number`] at `n` of the window `w` (`n <= 3`): the number and the offset after it.
#[inline(always)]
fn number_in(w: &[u8; 8], n: usize) -> Option<(u32, usize)> {
    let d0 = w[n];
    if !d0.is_ascii_digit() {
        return None;
    }
    let d1 = w[n + 1];
    if d1.is_ascii_digit() {
        if d0 == b'0' || w[n + 2].is_ascii_digit() {
            return None;
        }
        return Some((u32::from(d0 - b'0') * 10 + u32::from(d1 - b'0'), n + 2));
    }
    Some((u32::from(d0 - b'0'), n + 1))
}

/// The tie-break of a 7-6 / 6-7 / 6-6 set that ends at `k`: `(` after at most two spaces, then
/// [`tiebreak_at`]. Out of line: one set in seven or so asks it.
#[inline(never)]
fn tiebreak_after(b: &[u8], k: usize) -> Option<((u32, Option<u32>), usize)> {
    let mut p = k;
    while p < k + 2 && at(b, p) == b' ' {
        p += 1;
    }
    if at(b, p) != b'(' {
        return None;
    }
    tiebreak_at(b, p + 1)
}

/// Whether a set of `x`-`y` games may carry a tie-break: 7-6, 6-7 or 6-6, the pairs of 6s and 7s but 7-7.
/// `(x | y) | 1 == 7`: both are at most 7 and their bits 2 and 1 not both clear, and `x & y == 6`: both have
/// bits 2 and 1 set (so both are 6 or 7) and not both bit 0 (not 7-7). Two compares and no branch in between
/// (`tiebreak_set_as_matches` in the tests compares it with the `matches!` it replaced).
#[inline]
fn tiebreak_set(x: u32, y: u32) -> bool {
    ((x | y | 1) == 7) & (x & y == 6)
}

/// The inside of a tie-break bracket after `(`: `4)` or `7-4)` / `7/4)`.
///
/// (The second number is read after the first, which was [`pair`] at `i` read again from the start.)
fn tiebreak_at(b: &[u8], i: usize) -> Option<((u32, Option<u32>), usize)> {
    let (x, j) = number(b, i)?;
    match at(b, j) {
        b')' => Some(((x, None), j + 1)),
        b'-' | b'/' => {
            let (y, k) = number(b, j + 1)?;
            (at(b, k) == b')' && tiebreak_valid(x, y)).then_some(((x, Some(y)), k + 1))
        }
        _ => None,
    }
}

/// A match tie-break in brackets at `i` (`[10-8]` or `(10-8)`).
fn match_tiebreak_at(b: &[u8], i: usize) -> Option<(RawSet, usize)> {
    let close = match at(b, i) {
        b'[' => b']',
        b'(' => b')',
        _ => return None,
    };
    let (x, y, k) = pair(b, i + 1)?;
    if at(b, k) != close || !match_tiebreak_valid(x, y) {
        return None;
    }
    let mut set = RawSet::new(x, y);
    set.match_tiebreak = true;
    Some((set, k + 1))
}

fn skip_blank(b: &[u8], mut p: usize) -> usize {
    while matches!(at(b, p), b' ' | b'\t') {
        p += 1;
    }
    p
}

fn starts_with_ci(b: &[u8], i: usize, word: &[u8]) -> bool {
    b.len() >= i + word.len() && b[i..i + word.len()].eq_ignore_ascii_case(word)
}

/// The separator between two sets at `p`: spaces, a comma, or "and". Returns where the next set starts and
/// whether the separator was "and".
fn separator(b: &[u8], p: usize) -> Option<(usize, bool)> {
    let mut q = skip_blank(b, p);
    let spaced = q > p;
    let mut comma = false;
    if at(b, q) == b',' {
        comma = true;
        q = skip_blank(b, q + 1);
    }
    if (spaced || comma) && q > p + usize::from(comma) && starts_with_ci(b, q, b"and") {
        let r = skip_blank(b, q + 3);
        if r > q + 3 {
            return Some((r, true));
        }
        return None;
    }
    (spaced || comma).then_some((q, false))
}

/// Whether the two bytes at `p` are a space and a digit: the separator of most sets ([`separator`] gives
/// `(p + 1, false)` there, and the next set starts at the digit). [`set_at`] makes the test from its window
/// ([`space_digit_pair`]); this reads the bytes from the text after a tie-break or a match tie-break.
#[inline(always)]
fn space_digit(b: &[u8], p: usize) -> bool {
    match b.get(p..p + 2) {
        Some(&[c, d]) => space_digit_pair(c, d),
        _ => false,
    }
}

/// [`space_digit`] of the bytes `c` and `d`, by one compare: less `" 0"` as a little-endian `u16` and with
/// its bytes swapped, the pair is `d - b'0'` exactly when `c` is a space (any other `c` leaves a non-zero high
/// byte), and that is below 10 for a digit. (`space_digit_as_bytes` in the tests compares it with the two
/// tests, `c == b' '` and `d.is_ascii_digit()`, for every pair of bytes.)
#[inline(always)]
fn space_digit_pair(c: u8, d: u8) -> bool {
    u16::from_le_bytes([c, d])
        .wrapping_sub(u16::from_le_bytes(*b" 0"))
        .swap_bytes()
        < 10
}

/// An ending marker right after the score at `p`: `ret.`, `(rtd)`, `retired`, `def.`, `defaulted`.
fn marker_at(b: &[u8], p: usize) -> Option<(Outcome, usize)> {
    const WORDS: [(&[u8], Outcome, bool); 6] = [
        (b"retired", Outcome::Retired, false),
        (b"retd", Outcome::Retired, true),
        (b"ret", Outcome::Retired, true),
        (b"rtd", Outcome::Retired, true),
        (b"defaulted", Outcome::Defaulted, false),
        (b"def", Outcome::Defaulted, true),
    ];
    let mut q = p;
    while q < p + 2 && at(b, q) == b' ' {
        q += 1;
    }
    if q == p && at(b, q) != b'(' {
        return None;
    }
    let paren = at(b, q) == b'(';
    if paren {
        q += 1;
    }
    // Every word starts with `r` or `d` (either case: `c | 0x20` is `r` for `R` and `r` only, `d` for `D` and
    // `d` only): any other byte, as after most scores ("6-4 in", "6-3, and"), is told by one test, not by the
    // six compares of the words.
    if !matches!(at(b, q) | 0x20, b'r' | b'd') {
        return None;
    }
    for (word, outcome, dot) in WORDS {
        if !starts_with_ci(b, q, word) || at(b, q + word.len()).is_ascii_alphabetic() {
            continue;
        }
        let mut e = q + word.len();
        if dot && at(b, e) == b'.' {
            e += 1;
        }
        if paren {
            if at(b, e) != b')' {
                return None;
            }
            e += 1;
        }
        return Some((outcome, e));
    }
    None
}

/// Whether the sentence around `start..end` says someone retired ("forced to retire when 6-2 3-0 down",
/// "leading 6-3 5-2 when X pulled out"): "retir" in the 60 bytes before the score back to a sentence stop
/// (`.`, `!`, `?`, a line feed), or "retir", "pulled out" or "quit " in the 80 bytes after it up to one.
///
/// The stops and the letters that may start a word ([`has_word_in`]) come from the same blocks of 64 bytes
/// ([`marks`]): one before the score, one or two after it. (The stops were found by a byte loop each way,
/// whose exit mispredicted, and the letters from the blocks again.) `retirement_as_scans` in the tests
/// compares it with the scans it replaced. Kept out of line: only an unfinished score with no marker asks it,
/// and inlined it made the loop of [`find_into`] larger for every dash.
#[inline(never)]
fn retirement_nearby(b: &[u8], start: usize, end: usize) -> bool {
    let from = start.saturating_sub(60);
    let (stops, letters) = marks(b, from);
    let (stops, letters) = (
        stops & low_bits(start - from),
        letters & low_bits(start - from),
    );
    // From the byte after the last stop (bit 63 - leading zeros), if there is one.
    let (from, letters) = match stops.checked_ilog2() {
        Some(k) => (from + k as usize + 1, letters >> k >> 1),
        None => (from, letters),
    };
    // "retir" finds retire, retired, retiring, retirement.
    if has_word_in(b, from, start, u128::from(letters), &[b"retir"]) {
        return true;
    }
    let to = (end + 80).min(b.len());
    let (stops, letters) = marks(b, end);
    let (mut stops, mut letters) = (u128::from(stops), u128::from(letters));
    // The second block only when the first (all in the window) holds no stop; the bits past `to` are cleared
    // below.
    if to - end > 64 && stops == 0 {
        let (more_stops, more_letters) = marks(b, end + 64);
        stops |= u128::from(more_stops) << 64;
        letters |= u128::from(more_letters) << 64;
    }
    let window = u128::MAX.checked_shr(128 - (to - end) as u32).unwrap_or(0);
    let stops = stops & window;
    // Up to the first stop: the bits below its lowest (all, when there is none).
    let before_stop = (stops & stops.wrapping_neg()).wrapping_sub(1);
    let to = end + (stops.trailing_zeros() as usize).min(to - end);
    has_word_in(
        b,
        end,
        to,
        letters & window & before_stop,
        &[b"retir", b"pulled out", b"quit "],
    )
}

/// The `n` low bits of a `u64` set (`n <= 64`).
#[inline]
fn low_bits(n: usize) -> u64 {
    u64::MAX.checked_shr(64 - n as u32).unwrap_or(0)
}

/// The sentence stops ([`stop_bits`]) and the letters `p`, `q` and `r` ([`first_letter_bits`]) of the 64
/// bytes of `b` from `at` (zeros past the end of `b`, which are neither): bit `k` for `b[at + k]`.
#[inline]
fn marks(b: &[u8], at: usize) -> (u64, u64) {
    let block: [u8; 64] = match b.get(at..at + 64) {
        Some(s) => s.try_into().expect("64 bytes"),
        None => {
            let rest = b.get(at..).unwrap_or_default();
            let mut padded = [0u8; 64];
            padded[..rest.len()].copy_from_slice(rest);
            padded
        }
    };
    (stop_bits(&block), first_letter_bits(&block))
}

/// Whether one of `words` (lower case, each starting with `p`, `q` or `r`) stands in `b[from..to]` (at most 128
/// bytes), any case, at the start of a word (not after a letter or digit of `b[from..to]`). `mask` has bit `k`
/// set for each `p`, `q` or `r` (either case) at `b[from + k]`, `k < to - from`, and no other bits.
///
/// The words are compared only where one may start: at a bit of `mask` (a window compared at every byte cost
/// some dozen instructions a byte, and there are a few hundred bytes for each unfinished score).
/// `words_as_windows` in the tests compares it with the search it replaced.
fn has_word_in(b: &[u8], from: usize, to: usize, mut mask: u128, words: &[&[u8]]) -> bool {
    let hay = &b[from..to];
    while mask != 0 {
        let k = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        if (k == 0 || !is_alnum(hay[k - 1]))
            && words.iter().any(|w| {
                hay.get(k..k + w.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(w))
            })
        {
            return true;
        }
    }
    false
}

/// [`has_word_in`] with the letters of `b[from..to]` found by [`first_letters`].
#[cfg(test)]
fn has_word(b: &[u8], from: usize, to: usize, words: &[&[u8]]) -> bool {
    has_word_in(b, from, to, first_letters(b, from, to), words)
}

/// Bit `k`: whether `b[from + k]` (`k < to - from`, at most 128) is `p`, `q` or `r` in either case. Read as one
/// or two blocks of 64 bytes from `from` (zeros past the end of the text), the bits past `to` cleared.
#[cfg(test)]
fn first_letters(b: &[u8], from: usize, to: usize) -> u128 {
    let n = to - from;
    assert!(n <= 128, "a window of at most 128 bytes");
    let mut mask = u128::from(marks(b, from).1);
    if n > 64 {
        mask |= u128::from(marks(b, from + 64).1) << 64;
    }
    if n == 0 {
        0
    } else {
        mask & u128::MAX >> (128 - n)
    }
}

/// Bit `k`: whether `block[k]` ends a sentence for [`retirement_nearby`]: `.`, `!`, `?` or a line feed. With
/// SSE2, sixteen bytes per four compares; elsewhere byte by byte.
#[inline(always)]
fn stop_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        crate::blocks::sse2_mask(block, |v| {
            let is = |c: u8| cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(c as i8));
            bitor_m128i(
                bitor_m128i(is(b'.'), is(b'!')),
                bitor_m128i(is(b'?'), is(b'\n')),
            )
        })
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_stop_bits(block)
}

/// [`stop_bits`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_stop_bits(block: &[u8; 64]) -> u64 {
    block.iter().enumerate().fold(0, |mask, (k, &c)| {
        mask | u64::from(matches!(c, b'.' | b'!' | b'?' | b'\n')) << k
    })
}

/// Bit `k`: whether `block[k] | 0x20` is `p`, `q` or `r`. With SSE2, sixteen bytes per test: `x = (c | 0x20) -
/// b'p'` (wrapping) is at most 2 exactly when `min(x, 2) == x`, unsigned; elsewhere byte by byte.
#[inline(always)]
fn first_letter_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        crate::blocks::sse2_mask(block, |v| {
            let x = sub_i8_m128i(
                bitor_m128i(v, set_splat_i8_m128i(0x20)),
                set_splat_i8_m128i(b'p' as i8),
            );
            cmp_eq_mask_i8_m128i(min_u8_m128i(x, set_splat_i8_m128i(2)), x)
        })
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_first_letter_bits(block)
}

/// [`first_letter_bits`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_first_letter_bits(block: &[u8; 64]) -> u64 {
    block.iter().enumerate().fold(0, |mask, (k, &c)| {
        mask | u64::from((c | 0x20).wrapping_sub(b'p') <= 2) << k
    })
}

/// Parses the run of sets starting at `i`: pushes the mention onto `out` when it is a match (built in place, not
/// moved out of a returned `Option`), and returns where to go on scanning.
///
/// `sets` is the caller's room for the sets read, made once per text (zeroed per run, its 168 bytes were some
/// seven instructions for each): only the first `n` are read, and the sets past them a mention copies with
/// [`Sets::first`] are not part of it (see [`Sets`]).
fn run_at(b: &[u8], i: usize, out: &mut Vec<ScoreMention>, sets: &mut [RawSet; MAX_SETS]) -> usize {
    let Some((first, mut end, mut space_digit_after)) = set_at(b, i) else {
        return i + 1;
    };
    sets[0] = first;
    let mut n = 1;
    let mut and_cut = None;
    loop {
        // The common separator, one space with the next set's digit after it ("6-4 6-3"), is told by one test
        // of those two bytes ([`space_digit`], made where the set was read); the rest by [`separator`], whose
        // loop over the blanks and test for "and" took some twenty-five instructions, and whose exit
        // mispredicted as often as the test of the byte after it did (each tells whether the run goes on).
        let (q, and, digit) = if space_digit_after {
            (end + 1, false, true)
        } else {
            let Some((q, and)) = separator(b, end) else {
                break;
            };
            (q, and, at(b, q).is_ascii_digit())
        };
        let next = if digit {
            set_at(b, q)
        } else if matches!(at(b, q), b'[' | b'(') {
            match_tiebreak_at(b, q).map(|(set, e)| (set, e, space_digit(b, e)))
        } else {
            None
        };
        let Some((set, e, sd)) = next else {
            break;
        };
        if n == MAX_SETS {
            // Far too many sets for one match: skip the whole run.
            return e;
        }
        if and {
            and_cut = Some((n, end));
        }
        sets[n] = set;
        n += 1;
        end = e;
        space_digit_after = sd;
    }
    let marker = marker_at(b, end);
    let run_end = end;
    // Pushes the mention of the first `n` sets of `all`, ending at `end`; returns `end`.
    let mut mention = |all: &[RawSet; MAX_SETS], n: usize, end: usize, ending, first_wins| {
        out.push(ScoreMention {
            span: Span::new(i, end),
            sets: Sets::first(all, n),
            ending,
            first_wins,
        });
        end
    };
    let all = sets;
    // A lone set with no marker ("2-1", "3-0" of other sports, a set quoted alone) is no match: `judge` wants
    // two sets won for a completed one and a marker for a stopped one; nor is it a retirement (two sets at
    // least) or two matches joined by "and" (`and_cut` is set only at a second set). Told here without the
    // call: about a third of the runs read on the generated articles are such, and `judge` cost some sixty
    // instructions for each.
    if n == 1 && marker.is_none() {
        debug_assert!(judge(&mut all[..1], None).is_none() && and_cut.is_none());
        return run_end;
    }
    if let Some(v) = judge(&mut all[..n], marker.map(|m| m.0)) {
        let end = if v.with_marker {
            marker.map_or(end, |m| m.1)
        } else {
            end
        };
        return mention(all, n, end, v.ending, v.first_wins);
    }
    if marker.is_none()
        && n >= 2
        && let Some(first_wins) = could_retire(&all[..n])
        && retirement_nearby(b, i, end)
    {
        return mention(all, n, end, Outcome::Retired, first_wins);
    }
    // "6-4 6-3 and 6-2 6-1": two matches joined by "and".
    if let Some((k, cut)) = and_cut
        && let Some(
            v @ Verdict {
                ending: Outcome::Completed,
                ..
            },
        ) = judge(&mut all[..k], None)
    {
        return mention(all, k, cut, Outcome::Completed, v.first_wins);
    }
    run_end
}

/// A walkover phrase at `i` ("walkover", "walk-over", "W/O"): returns its end.
fn walkover_at(b: &[u8], i: usize) -> Option<usize> {
    if i > 0 && is_alnum(b[i - 1]) {
        return None;
    }
    let end = if starts_with_ci(b, i, b"walkover") {
        i + 8
    } else if starts_with_ci(b, i, b"walk-over") {
        i + 9
    } else if starts_with_ci(b, i, b"w/o") {
        // "w/o the" is shorthand for "without".
        if at(b, i + 3) == b' ' && at(b, i + 4).is_ascii_lowercase() {
            return None;
        }
        i + 3
    } else {
        return None;
    };
    if is_alnum(at(b, end)) {
        return None;
    }
    // "it was no walkover": a figure of speech.
    let lead = &b[i.saturating_sub(8)..i];
    if lead.ends_with(b"no ") || lead.ends_with(b"not a ") {
        return None;
    }
    Some(end)
}

/// Every score in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<ScoreMention> {
    find_in(text, &super::Keywords::scan(text))
}

/// [`find`] with the keywords of `text` already found.
///
/// One pass over the bytes for `-` and `/` ([`dashes`]) finds every place where a mention may be anchored, and code reads the
/// mention only there; the shared keyword scan gives the rest:
/// - a score starts at a number of one or two digits followed by `-` or `/` (see [`pair`]), so only a `-` or
///   `/` right after a digit opens a candidate, at the start of the digits before it;
/// - a walkover phrase ([`walkover_at`]) is "w/o" (its `/` one byte after its start) or starts at a word
///   "walkover" or "walk" (of "walk-over"), any case: the keywords of [`super::KEY_WALKOVER`].
///
/// Walkovers and scores never overlap (a run of sets holds no `w`), and walkover phrases never overlap each
/// other, so the two kinds are found apart and merged by start. A run of sets read at a number makes the scan
/// skip what it read (see [`run_at`]); as in the byte-by-byte reader this replaces (`find_by_digits` in the
/// tests), a number that starts right where a run ended is passed over too.
pub(crate) fn find_in(text: &str, keywords: &super::Keywords) -> Vec<ScoreMention> {
    let mut out = Vec::new();
    find_into(text, keywords, &mut out);
    out
}

/// [`find_in`] written into `out` (cleared first).
pub(crate) fn find_into(text: &str, keywords: &super::Keywords, out: &mut Vec<ScoreMention>) {
    let b = text.as_bytes();
    out.clear();
    let mut walkovers: Vec<(usize, usize)> = Vec::new();
    // Whether a walkover phrase may start `back` bytes before `d`: a `w` there (a cheap test, inlined).
    let w_at = |d: usize, back: usize| d >= back && matches!(b[d - back], b'w' | b'W');
    // The walkover phrase at `s`, read by [`walkover_at`].
    let mut walkover = |s: usize| {
        if let Some(end) = walkover_at(b, s) {
            walkovers.push((s, end));
        }
    };
    for s in keywords.starts(super::KEY_WALKOVER) {
        walkover(s);
    }
    // Numbers that start before `done` were read, or passed over.
    let mut done = 0;
    // The room for the sets of each run (see [`run_at`]).
    let mut sets = [RawSet::EMPTY; MAX_SETS];
    let mut ds = dashes(b);
    while let Some(d) = ds.next() {
        if b[d] == b'/' && w_at(d, 1) {
            walkover(d - 1);
        }
        // The number before the dash: one or two digits (a longer one is no score number).
        if d == 0 || !b[d - 1].is_ascii_digit() {
            continue;
        }
        let mut k = d - 1;
        if k > 0 && b[k - 1].is_ascii_digit() {
            k -= 1;
            if k > 0 && b[k - 1].is_ascii_digit() {
                continue;
            }
        }
        if k < done {
            continue;
        }
        let prev = if k > 0 { b[k - 1] } else { b' ' };
        if NO_SCORE_AFTER[usize::from(prev)] {
            continue;
        }
        let next = run_at(b, k, out, &mut sets);
        done = next.max(k + 1) + 1;
        // The dashes of the run just read (its later sets), dropped from the block's mask at once: each was
        // passed over by `k < done`, a test that mispredicted on score-dense text. None of them can open a
        // walkover either: a run holds digits, dashes, blanks, commas, brackets, "and" and an ending marker,
        // no `w` before a `/`. Those of a later block (a run across a block's end) still meet the test.
        ds.skip_below(done);
    }
    if walkovers.is_empty() {
        return;
    }
    // Merged by start: a score starts at a digit and a walkover at a `w`, so no two starts are equal and the
    // stable sort keeps the walkovers in their (sorted) order.
    walkovers.sort_unstable();
    out.extend(walkovers.into_iter().map(|(start, end)| ScoreMention {
        span: Span::new(start, end),
        sets: Sets::NONE,
        ending: Outcome::Walkover,
        first_wins: None,
    }));
    out.sort_by_key(|m| m.span.start);
}

/// Whether a score number may not start right after the byte: an ASCII letter or digit, or one of `-`, `/`,
/// `.`, `:`, `[` and `+` (a number of a longer token: "a6-4", "1/6-4", "+6-4"). One load and test, where the
/// tests of a digit, a letter and the six bytes took some fifteen instructions for every candidate number.
static NO_SCORE_AFTER: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'.' | b':' | b'[' | b'+');
        c += 1;
    }
    t
};

/// The offsets of the bytes `-` and `/` of a text, in order: what `memchr::memchr2_iter(b'-', b'/', b)` gives,
/// found 64 bytes at a time as a bit mask ([`dash_bits`]). Most of these bytes are hyphens in words ("top-10",
/// "left-handed") and dates, which the caller passes over after a test or two: a bit cleared from a mask costs
/// a few instructions where each `memchr2` call made by the iterator costs some fifty.
fn dashes(b: &[u8]) -> crate::blocks::Offsets<'_, impl Fn(&[u8; 64]) -> u64> {
    crate::blocks::Offsets::new(b, dash_bits)
}

/// Bit `k`: whether `block[k]` is `-` (0x2D) or `/` (0x2F). These two bytes are the ones that give 0x2F when
/// bit 1 is set, so one OR and one compare test for both. With SSE2 (every x86-64), sixteen bytes per compare,
/// and most blocks (which hold none) told by one `pmovmskb` of the four compares ORed; elsewhere byte by byte.
#[inline(always)]
fn dash_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let lane = |i: usize| {
            let v =
                m128i::from(<[u8; 16]>::try_from(&block[16 * i..16 * i + 16]).expect("16 bytes"));
            cmp_eq_mask_i8_m128i(
                bitor_m128i(v, set_splat_i8_m128i(0x02)),
                set_splat_i8_m128i(0x2f),
            )
        };
        let (l0, l1, l2, l3) = (lane(0), lane(1), lane(2), lane(3));
        if move_mask_i8_m128i(bitor_m128i(bitor_m128i(l0, l1), bitor_m128i(l2, l3))) == 0 {
            return 0;
        }
        [l0, l1, l2, l3]
            .iter()
            .enumerate()
            .fold(0, |mask, (i, &l)| {
                mask | u64::from(move_mask_i8_m128i(l) as u16) << (16 * i)
            })
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_dash_bits(block)
}

/// [`dash_bits`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_dash_bits(block: &[u8; 64]) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |mask, (k, &c)| mask | u64::from(c | 0x02 == 0x2f) << k)
}

/// Corpus view: span and canonical text as written (first side first).
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.to_score(false).text.into()))
        .collect()
}

#[cfg(test)]
mod reference {
    use super::*;

    /// [`judge`] as it was before the test for an ordinary set joined the loop over the sets before the last
    /// (an `any` over all the sets first): the reference of `judge_as_before`.
    pub(super) fn judge(sets: &mut [RawSet], marker: Option<Outcome>) -> Option<Verdict> {
        let n = sets.len();
        if n == 0 {
            return None;
        }
        if n == 3 {
            let last = sets[2];
            if !last.match_tiebreak
                && last.tiebreak.is_none()
                && last.hi() == 10
                && match_tiebreak_valid(last.first, last.second)
                && count(&sets[..2]) == (1, 1)
            {
                sets[2].match_tiebreak = true;
            }
        }
        if !sets.iter().any(|s| !s.match_tiebreak && s.hi() <= 7) {
            return None;
        }
        let (before, last) = (&sets[..n - 1], sets[n - 1]);
        let (mut f0, mut s0) = (0, 0);
        for s in before {
            if s.match_tiebreak || !set_finished(s.first, s.second) {
                return None;
            }
            if s.first > s.second {
                f0 += 1;
            } else {
                s0 += 1;
            }
        }
        if last.match_tiebreak && (f0, s0) != (1, 1) {
            return None;
        }
        if f0.max(s0) >= 3 {
            return None;
        }
        let last_won = last.won_by_first();
        let (f, s) = match last_won {
            Some(true) => (f0 + 1, s0),
            Some(false) => (f0, s0 + 1),
            None => (f0, s0),
        };
        let (w, l) = (f.max(s), f.min(s));
        let complete = last_won.is_some()
            && ((w == 2 && l <= 1 && f0.max(s0) <= 1) || (w == 3 && l <= 2 && f0.max(s0) <= 2));
        let could_stop = (last_won.is_some() || set_unfinished(last.first, last.second))
            && !last.match_tiebreak
            && w <= 2;
        let verdict = |ending, with_marker| Verdict {
            ending,
            with_marker,
            first_wins: leader(f, s),
        };
        if let Some(m) = marker
            && could_stop
        {
            return Some(verdict(m, true));
        }
        complete.then(|| verdict(Outcome::Completed, false))
    }

    /// [`marker_at`] without the test of the word's first byte: the reference of `marker_at_as_before`.
    pub(super) fn marker_at(b: &[u8], p: usize) -> Option<(Outcome, usize)> {
        const WORDS: [(&[u8], Outcome, bool); 6] = [
            (b"retired", Outcome::Retired, false),
            (b"retd", Outcome::Retired, true),
            (b"ret", Outcome::Retired, true),
            (b"rtd", Outcome::Retired, true),
            (b"defaulted", Outcome::Defaulted, false),
            (b"def", Outcome::Defaulted, true),
        ];
        let mut q = p;
        while q < p + 2 && at(b, q) == b' ' {
            q += 1;
        }
        if q == p && at(b, q) != b'(' {
            return None;
        }
        let paren = at(b, q) == b'(';
        if paren {
            q += 1;
        }
        for (word, outcome, dot) in WORDS {
            if !starts_with_ci(b, q, word) || at(b, q + word.len()).is_ascii_alphabetic() {
                continue;
            }
            let mut e = q + word.len();
            if dot && at(b, e) == b'.' {
                e += 1;
            }
            if paren {
                if at(b, e) != b')' {
                    return None;
                }
                e += 1;
            }
            return Some((outcome, e));
        }
        None
    }

    /// The next walkover phrase ([`walkover_at`]) that starts at or after `from`: its start and end. Found by
    /// `memchr3` on the `/` of "w/o" and the `k` of "walk(-)over" (rare bytes), each checked where the phrase
    /// would start, so that the scan for scores looks for digits alone.
    pub(super) fn next_walkover(b: &[u8], from: usize) -> Option<(usize, usize)> {
        let mut p = from;
        while let Some(k) = memchr::memchr3(b'/', b'k', b'K', &b[p..]) {
            let k = p + k;
            let back = if b[k] == b'/' { 1 } else { 3 };
            if let Some(s) = k.checked_sub(back)
                && s >= from
                && matches!(b[s], b'w' | b'W')
                && let Some(end) = walkover_at(b, s)
            {
                return Some((s, end));
            }
            p = k + 1;
        }
        None
    }

    /// Whether any of the 32 bytes is an ASCII digit; written so that the compiler tests them all at once
    /// (vector compares, no branch per byte).
    #[inline(always)]
    pub(super) fn has_digit(chunk: &[u8; 32]) -> bool {
        let mut any = 0u8;
        for &c in chunk {
            any |= u8::from(c.wrapping_sub(b'0') < 10);
        }
        any != 0
    }

    /// The next offset from `i` that holds an ASCII digit (where a score may start): 32 bytes per test while
    /// none is found, then the chunk with the hit byte by byte.
    pub(super) fn next_start(b: &[u8], mut i: usize) -> Option<usize> {
        while let Some(chunk) = b.get(i..i + 32) {
            if has_digit(chunk.try_into().expect("32 bytes")) {
                break;
            }
            i += 32;
        }
        b[i.min(b.len())..]
            .iter()
            .position(u8::is_ascii_digit)
            .map(|k| i + k)
    }

    /// The byte-by-byte reader that [`find`] replaced: the reference of `same_as_find_by_digits`.
    pub(super) fn find_by_digits(text: &str) -> Vec<ScoreMention> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        // The next walkover, found once and kept until passed (they are rare).
        let mut walkover = next_walkover(b, 0);
        while i < b.len() {
            // Only a digit can start a score: skip everything else in one tight loop.
            let digit = next_start(b, i);
            if let Some((start, end)) = walkover
                && digit.is_none_or(|k| start < k)
            {
                out.push(ScoreMention {
                    span: Span::new(start, end),
                    sets: Sets::NONE,
                    ending: Outcome::Walkover,
                    first_wins: None,
                });
                i = end;
                walkover = next_walkover(b, end);
                continue;
            }
            let Some(k) = digit else { break };
            i = k;
            let prev = if i > 0 { b[i - 1] } else { b' ' };
            let starts =
                !is_alnum(prev) && !matches!(prev, b'-' | b'/' | b'.' | b':' | b'[' | b'+');
            if starts {
                let next = run_at(b, i, &mut out, &mut [RawSet::EMPTY; MAX_SETS]);
                i = next.max(i + 1);
            } else {
                i += 1;
            }
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            // A walkover inside the text just read is not one (a run of sets holds no `w`: this never happens).
            if let Some((start, _)) = walkover
                && start < i
            {
                walkover = next_walkover(b, i);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::reference::{find_by_digits, next_start, next_walkover};
    use super::*;

    fn one(text: &str) -> ScoreMention {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn finished_sets() {
        for (a, b) in [
            (6, 0),
            (6, 4),
            (4, 6),
            (7, 5),
            (5, 7),
            (7, 6),
            (6, 7),
            (8, 6),
            (14, 12),
            (70, 68),
        ] {
            assert!(set_finished(a, b), "{a}-{b}");
        }
        for (a, b) in [
            (6, 5),
            (5, 3),
            (7, 3),
            (8, 5),
            (6, 6),
            (10, 7),
            (21, 18),
            (0, 0),
        ] {
            assert!(!set_finished(a, b), "{a}-{b}");
        }
    }

    #[test]
    fn unfinished_sets() {
        for (a, b) in [
            (3, 1),
            (0, 0),
            (5, 5),
            (6, 5),
            (5, 6),
            (6, 6),
            (8, 7),
            (9, 9),
        ] {
            assert!(set_unfinished(a, b), "{a}-{b}");
        }
        for (a, b) in [(6, 2), (7, 6), (7, 3), (8, 2), (0, 30)] {
            assert!(!set_unfinished(a, b), "{a}-{b}");
        }
    }

    #[test]
    fn tiebreaks_and_match_tiebreaks() {
        assert!(tiebreak_valid(7, 4) && tiebreak_valid(8, 10) && tiebreak_valid(10, 2));
        assert!(!tiebreak_valid(7, 6) && !tiebreak_valid(9, 6) && !tiebreak_valid(6, 4));
        assert!(
            match_tiebreak_valid(10, 8)
                && match_tiebreak_valid(7, 10)
                && match_tiebreak_valid(16, 14)
        );
        assert!(
            !match_tiebreak_valid(10, 9)
                && !match_tiebreak_valid(9, 7)
                && !match_tiebreak_valid(13, 10)
        );
    }

    #[test]
    fn tiebreak_shows_the_smaller_score() {
        assert_eq!(one("7-6 (8-6) 6-4").to_score(false).text, "7-6(6) 6-4");
        assert_eq!(
            one("6-7 (6/8) 6-1 6-1").to_score(false).text,
            "6-7(6) 6-1 6-1"
        );
        assert_eq!(
            one("6-7 (7-5) 6-2 6-4").to_score(false).text,
            "6-7(5) 6-2 6-4"
        );
        assert_eq!(one("7-6 (4) 6-4").to_score(false).text, "7-6(4) 6-4");
        assert_eq!(one("7-6 6-4").to_score(false).text, "7-6 6-4");
        let sets = one("7-6 (8-6) 7-6 (4) 6-4").to_score(false).sets;
        assert_eq!(
            (sets[0].tiebreak_winner, sets[0].tiebreak_loser),
            (Some(8), Some(6))
        );
        assert_eq!(
            (sets[1].tiebreak_winner, sets[1].tiebreak_loser),
            (None, Some(4))
        );
        assert_eq!(
            (sets[2].tiebreak_winner, sets[2].tiebreak_loser),
            (None, None)
        );
    }

    #[test]
    fn flip_turns_the_score_winner_first() {
        let m = one("lost 4-6 6-7 (5-7) to him");
        assert_eq!(m.first_side_wins(), Some(false));
        let s = m.to_score(true);
        assert_eq!(s.text, "6-4 7-6(5)");
        assert_eq!((s.sets[0].winner, s.sets[0].loser), (6, 4));
        assert_eq!((s.sets[1].winner, s.sets[1].loser), (7, 6));
        assert_eq!(s.sets[1].tiebreak_loser, Some(5));
        let m = one("won 4-6 6-3 [10-8]");
        assert_eq!(m.first_side_wins(), Some(true));
        assert_eq!(m.to_score(true).text, "6-4 3-6 [8-10]");
        assert!(m.to_score(false).sets[2].match_tiebreak);
    }

    #[test]
    fn endings() {
        let m = one("6-4 3-1 ret.");
        assert_eq!(
            (m.ending, m.first_side_wins()),
            (Outcome::Retired, Some(true))
        );
        assert_eq!(m.to_score(false).text, "6-4 3-1 RET");
        let m = one("6-3 3-6 1-0 ret.");
        assert_eq!((m.ending, m.first_side_wins()), (Outcome::Retired, None));
        let m = one("4-6 2-2 def.");
        assert_eq!(
            (m.ending, m.first_side_wins()),
            (Outcome::Defaulted, Some(false))
        );
        assert_eq!(m.to_score(true).text, "6-4 2-2 DEF");
        let m = one("He received a walkover.");
        assert_eq!((m.ending, m.first_side_wins()), (Outcome::Walkover, None));
        assert_eq!(
            m.to_score(false),
            Score {
                text: "W/O".into(),
                sets: vec![]
            }
        );
        // A marker after a finished best-of-five match does not belong to the score.
        let m = one("6-4 6-4 6-4 retired from the sport");
        assert_eq!((m.ending, m.span), (Outcome::Completed, Span::new(0, 11)));
    }

    #[test]
    fn match_must_stop_when_won() {
        assert_eq!(one("6-4 6-4 6-4").sets.len(), 3);
        assert_eq!(one("6-4 4-6 6-4 6-4").sets.len(), 4);
        for text in [
            "6-4 6-4 6-4 6-4",
            "6-4 6-4 4-6 6-4 6-4",
            "6-4 4-6",
            "6-4",
            "6-4 4-6 6-4 4-6",
        ] {
            assert!(find(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn next_start_finds_digits() {
        let text = "ab \u{e9}c/:Wxyz0123456789 abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz 9 wa w/ \
                    W/o Wa w\u{f}w wal WAL wAlk was want with walk-over w 1";
        let b = text.as_bytes();
        for i in 0..=b.len() {
            let want = (i..b.len()).find(|&k| b[k].is_ascii_digit());
            assert_eq!(next_start(b, i), want, "{i}");
        }
    }

    /// The walkovers found by [`next_walkover`] are those that [`walkover_at`] finds at every `w`.
    #[test]
    fn next_walkover_finds_every_walkover() {
        let mut texts = crate::recognise::all_texts();
        texts.push(
            "w/o W/O walkover WALK-OVER Walkover. no walkover, w/o the, kw/o wk walk walkovers w/ow/o W/o\
             Wwalkover walk-over walk/over w/o."
                .to_string(),
        );
        for t in &texts {
            let b = t.as_bytes();
            let mut want = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if matches!(b[i], b'w' | b'W')
                    && let Some(end) = walkover_at(b, i)
                {
                    want.push((i, end));
                    i = end;
                } else {
                    i += 1;
                }
            }
            let mut got = Vec::new();
            let mut from = 0;
            while let Some((s, e)) = next_walkover(b, from) {
                got.push((s, e));
                from = e;
            }
            assert_eq!(got, want, "{t}");
        }
    }

    /// The `memchr3` scan finds what the byte-by-byte reader found, on the corpus texts and on edge cases
    /// (numbers right after a run, long numbers, walkovers in every case, anchors at the ends of the text).
    #[test]
    fn same_as_find_by_digits() {
        let texts = crate::recognise::all_texts_and(&[
            "7-6(4)6-4 6-3, [10-8]6-4 6-3 6-2, 6-4 3-1 ret.5-3 6-1, 6-4 6-3 (rtd)6-2 6-1",
            "123-4 6-4 6-4, 06-4 6-3 6-1, 6-4-2 6-4 6-4, 1/6-4 6-2, a6-4 6-2, +6-4 6-3 6-2",
            "6-4 6-4 w/o walkover WALKOVER WalKover WALK-OVER walk-over 6-2 6-2 Walkover. no walkover",
            "w/o the, w/ok, kw/o, walkovers, 6/4 6/2 W/O 10-8 6-4 6-4 and 6-2 6-1 6-2 6-3 and 1-6 2-6",
            "6-4 6-3 6-4 6-4 6-4 6-4 6-4 6-4 6-4 6-2, 7-6 (7-4) 6-6(4) RET, 6-7 (6/8) 6-1 6-1",
            "6-4 2-0 when he retired, 6-3 5-2 and he pulled out. 4-6 4-1 9-1 9:30 6-4.5 2-1:30",
            "W/O",
            "6-1 6-1",
            "-/k",
            "walkover",
            "_walkover walk_over walk-overs Walk-Over_ \u{e9}walkover walkover\u{e9} 1walkover walk",
            "x 6-",
            "6-4 6",
        ]);
        for t in &texts {
            assert_eq!(find(t), find_by_digits(t), "{t}");
        }
    }

    /// `space_digit` holds for a space and a digit only, and where it holds the separator's path gives what
    /// it stands for: the next set at the digit, not after "and" (every two bytes, with the text ending after
    /// them or going on with a byte that a separator or a set may hold).
    #[test]
    fn space_digit_as_separator_says() {
        assert!(space_digit(b"6-4 6-3", 3));
        assert!(space_digit(b" 0", 0));
        assert!(!space_digit(b"6-4 6-3", 2));
        assert!(!space_digit(b"6-4  6-3", 3));
        assert!(!space_digit(b"6-4, 6-3", 3));
        assert!(!space_digit(b"6-4 ", 3));
        assert!(!space_digit(b"6-4", 3));
        for c in 0..=255u8 {
            for d in 0..=255u8 {
                for tail in [&b""[..], b" ", b"\t", b",", b"-", b"a", b"nd 6"] {
                    let mut b = vec![b'6', b'-', b'4', c, d];
                    b.extend_from_slice(tail);
                    let fast = space_digit(&b, 3);
                    assert_eq!(fast, c == b' ' && d.is_ascii_digit(), "{c} {d} {tail:?}");
                    if fast {
                        assert_eq!(separator(&b, 3), Some((4, false)), "{c} {d} {tail:?}");
                    }
                }
            }
        }
    }

    /// The dash bits are those of the byte-by-byte test, for every byte value at every place of a block (the
    /// rest of the block filled with bytes near the dashes), and on random blocks.
    #[test]
    fn dash_bits_as_bytes_say() {
        let plain = |block: &[u8; 64]| -> u64 {
            (0..64).fold(0, |m, k| {
                m | u64::from(matches!(block[k], b'-' | b'/')) << k
            })
        };
        // Fillers: the dashes, the bytes next to them and those that differ from them in bit 7 or bit 1 only.
        for fill in [
            0, b'-', b'/', b',', b'.', 0x0d, 0x0f, 0xad, 0xaf, 0x2c, b'6', 0xff,
        ] {
            for c in 0..=255u8 {
                for k in 0..64 {
                    let mut block = [fill; 64];
                    block[k] = c;
                    let want = plain(&block);
                    assert_eq!(dash_bits(&block), want, "{fill} {c} {k}");
                    assert_eq!(portable_dash_bits(&block), want, "{fill} {c} {k}");
                }
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let block: [u8; 64] = std::array::from_fn(|_| {
                crate::recognise::xorshift(&mut seed);
                // Mostly the bytes near the dashes: 0x28..=0x37.
                if seed & 1 == 0 {
                    0x28 + (seed >> 8) as u8 % 16
                } else {
                    (seed >> 8) as u8
                }
            });
            assert_eq!(dash_bits(&block), plain(&block));
            assert_eq!(portable_dash_bits(&block), plain(&block));
        }
        // The test above does meet dashes and slashes, and other bytes.
        assert_eq!(plain(&[b'-'; 64]), u64::MAX);
        assert_eq!(plain(&[b'/'; 64]), u64::MAX);
        assert_eq!(plain(&[b'.'; 64]), 0);
    }

    /// [`dashes`] gives what `memchr2_iter` gave (the search it replaced), on every text of the tests, on random
    /// texts of dashes, slashes and other bytes of every length up to three blocks and more, and on their
    /// slices from every start of the first block (ends of blocks at every place of the text).
    #[test]
    fn dashes_as_memchr2() {
        let mut texts: Vec<Vec<u8>> = crate::recognise::all_texts()
            .into_iter()
            .map(String::into_bytes)
            .collect();
        let pieces = [
            "-", "/", "6-4", "w/o", "a", " ", "\u{e9}", ".", "0", "//", "--",
        ];
        for t in crate::recognise::random_texts(&pieces, 300, 70, 0x9e37_79b9_7f4a_7c15) {
            let b = t.into_bytes();
            for n in 0..b.len().min(200) {
                texts.push(b[..n].to_vec());
            }
            for s in 0..b.len().min(64) {
                texts.push(b[s..].to_vec());
            }
        }
        let mut hits = 0;
        for b in &texts {
            let want: Vec<usize> = memchr::memchr2_iter(b'-', b'/', b).collect();
            assert_eq!(dashes(b).collect::<Vec<_>>(), want, "{b:?}");
            hits += want.len();
        }
        assert!(hits > 100_000, "{hits}");
    }

    /// The search of [`retirement_nearby`] that [`has_word`] replaced: `needle` compared at every byte of `hay`.
    fn has_by_windows(hay: &[u8], needle: &[u8]) -> bool {
        hay.windows(needle.len())
            .enumerate()
            .any(|(k, w)| w.eq_ignore_ascii_case(needle) && (k == 0 || !is_alnum(hay[k - 1])))
    }

    /// Each of `masks` gives bit `j` of a block exactly where `is` holds for byte `j`: every byte value at every
    /// place of a block filled with each of `fills`.
    fn block_bits_as_bytes(fills: [u8; 6], masks: [fn(&[u8; 64]) -> u64; 2], is: fn(u8) -> bool) {
        for fill in fills {
            for c in 0..=255u8 {
                for k in 0..64 {
                    let mut block = [fill; 64];
                    block[k] = c;
                    let want = (0..64).fold(0, |m, j| m | u64::from(is(block[j])) << j);
                    for mask in masks {
                        assert_eq!(mask(&block), want, "{fill} {c} {k}");
                    }
                }
            }
        }
    }

    /// [`has_word`] answers as the windows compared at every byte, for every stretch of up to 128 bytes (at every
    /// place, of every length) of the test texts and of random texts of the words, their parts and neighbours
    /// in both cases; and [`first_letter_bits`] gives the bits of the byte-by-byte test for every byte value
    /// at every place of a block.
    #[test]
    fn words_as_windows() {
        block_bits_as_bytes(
            [0, b' ', b'p', b'R', 0x50 | 0x80, 0xff],
            [first_letter_bits, portable_first_letter_bits],
            |c| matches!(c.to_ascii_lowercase(), b'p' | b'q' | b'r'),
        );
        let pieces = [
            "retir",
            "RETIRED",
            "Retire",
            "pulled out",
            "Pulled Out",
            "pulled",
            "quit ",
            "QUIT ",
            "quit",
            "xretire",
            "9retire",
            "p",
            "q",
            "r",
            "P",
            " ",
            ".",
            "\u{e9}",
            "a",
            "ret",
            "quits",
            "out",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 400, 40, 0x2545_f491_4f6c_dd1d);
        let words: [&[&[u8]]; 2] = [&[b"retir"], &[b"retir", b"pulled out", b"quit "]];
        let (mut yes, mut no) = (0, 0);
        for t in &texts {
            let b = t.as_bytes();
            for from in (0..b.len()).step_by(7) {
                for to in from..=(from + 128).min(b.len()) {
                    for w in words {
                        let want = w.iter().any(|n| has_by_windows(&b[from..to], n));
                        assert_eq!(has_word(b, from, to, w), want, "{t:?} {from} {to}");
                        if want {
                            yes += 1;
                        } else {
                            no += 1;
                        }
                    }
                }
            }
        }
        assert!(yes > 100_000 && no > 100_000, "{yes} {no}");
    }

    /// [`retirement_nearby`] answers as the byte scans for the stops and the windows compared at every byte
    /// that it replaced, for every score place (`start..end`, ends up to 12 bytes on) in the test texts and in
    /// random texts of the words, stops and neighbours; and [`stop_bits`] gives the bits of the byte-by-byte
    /// test for every byte value at every place of a block.
    #[test]
    fn retirement_as_scans() {
        fn by_scans(b: &[u8], start: usize, end: usize) -> bool {
            let sentence_end = |c: u8| matches!(c, b'.' | b'!' | b'?' | b'\n');
            let mut from = start.saturating_sub(60);
            if let Some(k) = b[from..start].iter().rposition(|&c| sentence_end(c)) {
                from += k + 1;
            }
            let mut to = (end + 80).min(b.len());
            if let Some(k) = b[end..to].iter().position(|&c| sentence_end(c)) {
                to = end + k;
            }
            has_by_windows(&b[from..start], b"retir")
                || [&b"retir"[..], b"pulled out", b"quit "]
                    .iter()
                    .any(|w| has_by_windows(&b[end..to], w))
        }
        block_bits_as_bytes(
            [0, b' ', b'.', b'a', 0x8a, 0xff],
            [stop_bits, portable_stop_bits],
            |c| matches!(c, b'.' | b'!' | b'?' | b'\n'),
        );
        let pieces = [
            "retir",
            "RETIRED",
            "Retire",
            "pulled out",
            "Pulled Out",
            "quit ",
            "QUIT ",
            "quit",
            "xretire",
            "p",
            "r",
            " ",
            ".",
            "!",
            "?",
            "\n",
            "a",
            "6-4",
            "\u{e9}",
            "ret",
            "out",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 300, 60, 0x9e37_79b9_7f4a_7c15);
        let (mut yes, mut no) = (0, 0);
        for t in &texts {
            let b = t.as_bytes();
            for start in (0..b.len()).step_by(5) {
                for end in start..=(start + 12).min(b.len()) {
                    let want = by_scans(b, start, end);
                    assert_eq!(
                        retirement_nearby(b, start, end),
                        want,
                        "{t:?} {start} {end}"
                    );
                    if want {
                        yes += 1;
                    } else {
                        no += 1;
                    }
                }
            }
        }
        assert!(yes > 10_000 && no > 100_000, "{yes} {no}");
        assert_eq!(low_bits(0), 0);
        assert_eq!(low_bits(3), 0b111);
        assert_eq!(low_bits(64), u64::MAX);
    }

    /// [`clean_end`] answers as the tests it replaced, for every byte after a set and every byte after that
    /// one (or the end of the text).
    #[test]
    fn clean_end_as_tests() {
        fn by_tests(b: &[u8], k: usize) -> bool {
            let c = at(b, k);
            if is_alnum(c) || c == b'%' {
                return false;
            }
            !(matches!(c, b'-' | b'/' | b':' | b'.') && at(b, k + 1).is_ascii_digit())
        }
        let (mut yes, mut no) = (0, 0);
        for c in 0..=255u8 {
            assert_eq!(clean_end(&[b'4', c], 1), by_tests(&[b'4', c], 1), "{c}");
            for d in 0..=255u8 {
                let b = [b'4', c, d];
                let want = by_tests(&b, 1);
                assert_eq!(clean_end(&b, 1), want, "{c} {d}");
                if want {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 10_000 && no > 10_000, "{yes} {no}");
    }

    /// [`set_finished`] answers as the tests of the games it replaced, for every set of up to 40 games a side;
    /// and [`FINISHED_TO_7`] holds the 14 finished sets of at most 7 games.
    #[test]
    fn set_finished_as_games() {
        for a in 0..40 {
            for b in 0..40 {
                let (hi, lo) = (a.max(b), a.min(b));
                let want = (hi == 6 && lo <= 4)
                    || (hi == 7 && (lo == 5 || lo == 6))
                    || (hi >= 8 && hi - lo == 2);
                assert_eq!(set_finished(a, b), want, "{a}-{b}");
            }
        }
        assert_eq!(FINISHED_TO_7.count_ones(), 14);
        assert_eq!(FINISHED_TO_7 >> (8 * 6 + 4) & 1, 1);
        assert_eq!(FINISHED_TO_7 >> (8 * 5 + 7) & 1, 1);
        assert_eq!(FINISHED_TO_7 >> (8 * 6 + 5) & 1, 0);
    }

    /// [`NO_SCORE_AFTER`] holds for the bytes that the tests it replaced name, and only for those.
    #[test]
    fn no_score_after_as_tests() {
        for c in 0..=255u8 {
            assert_eq!(
                NO_SCORE_AFTER[usize::from(c)],
                is_alnum(c) || matches!(c, b'-' | b'/' | b'.' | b':' | b'[' | b'+'),
                "{c}"
            );
        }
        assert!(NO_SCORE_AFTER[usize::from(b'a')] && !NO_SCORE_AFTER[usize::from(b' ')]);
        assert!(!NO_SCORE_AFTER[usize::from(b'(')] && NO_SCORE_AFTER[usize::from(b'+')]);
    }

    /// [`space_digit_pair`] holds exactly when the first byte is a space and the second a digit, for every
    /// pair of bytes.
    #[test]
    fn space_digit_as_bytes() {
        for c in 0..=255u8 {
            for d in 0..=255u8 {
                assert_eq!(
                    space_digit_pair(c, d),
                    c == b' ' && d.is_ascii_digit(),
                    "{c} {d}"
                );
            }
        }
        assert!(
            space_digit(b"6-4 6-3", 3) && !space_digit(b"6-4 6", 5) && !space_digit(b"6-4,6", 3)
        );
    }

    /// [`judge`] gives what it gave before the test for an ordinary set joined its loop (`reference::judge`),
    /// and leaves the sets as it did, for random runs of one to seven sets (games 0 to 12 and some larger,
    /// tie-breaks, match tie-breaks) with and without a marker.
    #[test]
    fn judge_as_before() {
        let mut seed = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: u64| crate::recognise::xorshift(&mut seed) % m;
        let (mut some, mut none) = (0, 0);
        for _ in 0..200_000 {
            let n = 1 + next(MAX_SETS as u64) as usize;
            let mut sets = [RawSet::EMPTY; MAX_SETS];
            for s in &mut sets[..n] {
                // Mostly the games of real sets, so that runs are often matches.
                let games = |r: u64| match r % 8 {
                    0 => 10 + (r >> 3) % 9,
                    1 => (r >> 3) % 30,
                    _ => (r >> 3) % 8,
                } as u32;
                *s = RawSet::new(games(next(1 << 20)), games(next(1 << 20)));
                s.match_tiebreak = next(10) == 0;
                if next(6) == 0 {
                    s.tiebreak = Some((next(12) as u32, (next(2) == 0).then(|| next(12) as u32)));
                }
            }
            let marker = [None, Some(Outcome::Retired), Some(Outcome::Defaulted)][next(3) as usize];
            let mut want_sets = sets;
            let want = reference::judge(&mut want_sets[..n], marker);
            assert_eq!(
                judge(&mut sets[..n], marker),
                want,
                "{:?} {marker:?}",
                &want_sets[..n]
            );
            assert_eq!(sets, want_sets);
            if want.is_some() {
                some += 1;
            } else {
                none += 1;
            }
        }
        assert!(some > 10_000 && none > 10_000, "{some} {none}");
    }

    /// [`marker_at`] gives what it gave without its test of the word's first byte (`reference::marker_at`),
    /// at every offset of the test texts and of random texts of markers, their pieces and other words.
    #[test]
    fn marker_at_as_before() {
        let pieces = [
            " ",
            "  ",
            "(",
            ")",
            ".",
            "ret",
            "RET",
            "retd",
            "Retired",
            "rtd",
            "def",
            "DEF",
            "defaulted",
            "d",
            "r",
            "e",
            "and",
            "in",
            "6-4",
            ",",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 3000, 8, 0x2545_f491_4f6c_dd1d);
        let mut found = 0;
        for t in &texts {
            let b = t.as_bytes();
            for p in 0..=b.len() + 1 {
                let want = reference::marker_at(b, p);
                assert_eq!(marker_at(b, p), want, "{t:?} {p}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 300, "{found}");
    }

    /// [`set_in`] on the [`window`] at `i` gives what [`pair`] and then [`clean_end`] give at `i`: for every
    /// text of up to seven bytes of an alphabet of the bytes they tell apart (so at every end of the text
    /// too), and at every offset of random texts of any bytes.
    #[test]
    fn set_in_as_pair() {
        fn check(b: &[u8], i: usize) -> bool {
            let want = pair(b, i).filter(|&(_, _, k)| clean_end(b, k));
            let got = set_in(&window(b, i)).map(|(x, y, k)| (x, y, i + k));
            assert_eq!(got, want, "{b:?} at {i}");
            got.is_some()
        }
        const ALPHABET: [u8; 8] = [b'0', b'1', b'6', b'9', b'-', b'/', b'.', b'a'];
        let mut sets = 0;
        for len in 0..=7u32 {
            for mut code in 0..8usize.pow(len) {
                let mut b = [0u8; 7];
                for c in &mut b[..len as usize] {
                    *c = ALPHABET[code % 8];
                    code /= 8;
                }
                sets += usize::from(check(&b[..len as usize], 0));
            }
        }
        assert!(sets > 10_000, "{sets}");
        let mut seed = 0x2545_f491_4f6c_dd1d;
        for _ in 0..2000 {
            let len = (crate::recognise::xorshift(&mut seed) % 24) as usize;
            let b: Vec<u8> = (0..len)
                .map(|_| {
                    let r = crate::recognise::xorshift(&mut seed);
                    // Mostly digits and dashes, so that sets are common.
                    match r % 4 {
                        0 | 1 => b'0' + (r >> 8) as u8 % 10,
                        2 => ALPHABET[(r >> 8) as usize % 8],
                        _ => (r >> 8) as u8,
                    }
                })
                .collect();
            for i in 0..=len + 1 {
                check(&b, i);
            }
        }
    }

    /// [`Sets`] reads as the `Vec` it replaced: the first `n` sets of the run, for every `n` a mention may
    /// have; and equality, order and `Debug` are those of the slice (the sets past `len` do not count).
    #[test]
    fn sets_as_vec() {
        let mut all = [RawSet::EMPTY; MAX_SETS];
        for (k, s) in all.iter_mut().enumerate() {
            *s = RawSet::new(6, k as u32);
        }
        all[2].tiebreak = Some((7, Some(4)));
        all[4].match_tiebreak = true;
        for n in 0..=MENTION_SETS {
            let sets = Sets::first(&all, n);
            let vec = all[..n].to_vec();
            assert_eq!(&*sets, &vec[..]);
            assert_eq!(sets.len(), n);
            assert_eq!(sets.is_empty(), n == 0);
            assert_eq!((&sets).into_iter().copied().collect::<Vec<_>>(), vec);
            assert_eq!(format!("{sets:?}"), format!("{vec:?}"));
            let mut other = all;
            other[n..].fill(RawSet::new(1, 1));
            assert_eq!(Sets::first(&other, n), sets);
            if n > 0 {
                other[n - 1] = RawSet::new(1, 1);
                assert_ne!(Sets::first(&other, n), sets);
            }
        }
        assert_eq!(Sets::NONE, Sets::first(&all, 0));
        assert_eq!(format!("{:?}", Sets::NONE), "[]");
    }

    /// Every mention of the test texts has at most [`MENTION_SETS`] sets, and runs of more sets give none.
    #[test]
    fn mentions_hold_at_most_five_sets() {
        assert_eq!(one("6-4 4-6 6-4 4-6 6-4").sets.len(), 5);
        assert!(find("6-4 4-6 6-4 4-6 6-4 6-4").is_empty());
        assert!(find("6-4 4-6 6-4 4-6 6-4 6-4 6-2").is_empty());
        for t in &crate::recognise::all_texts() {
            assert!(find(t).iter().all(|m| m.sets.len() <= MENTION_SETS), "{t}");
        }
    }

    #[test]
    fn numbers_print_as_format_does() {
        for n in [0, 1, 9, 10, 42, 99, 100, 1234, 70, u32::MAX] {
            let mut buf = [b'x'; 64];
            let end = put_number(&mut buf, 3, n);
            assert_eq!(&ascii(&buf, end)[3..], format!("{n}"));
        }
    }

    /// `to_score` past the buffer's room (the text moved to the `Text` part way, the space between sets kept) and
    /// with no sets (an ending alone keeps its space).
    #[test]
    fn to_score_long_and_empty() {
        let long = RawSet {
            first: 12,
            second: 14,
            tiebreak: Some((11, Some(13))),
            match_tiebreak: false,
        };
        let m = ScoreMention {
            span: Span::new(0, 1),
            sets: Sets {
                len: 5,
                sets: [long, long, long, RawSet::new(6, 4), long],
            },
            ending: Outcome::Retired,
            first_wins: None,
        };
        assert_eq!(
            m.to_score(false).text,
            "12-14(11) 12-14(11) 12-14(11) 6-4 12-14(11) RET"
        );
        assert_eq!(
            m.to_score(true).text,
            "14-12(11) 14-12(11) 14-12(11) 4-6 14-12(11) RET"
        );
        let m = ScoreMention {
            sets: Sets::NONE,
            ..m
        };
        assert_eq!(m.to_score(false).text, " RET");
    }

    /// The canonical text is what the `format!` version wrote, for every score of the texts, both ways round.
    #[test]
    fn same_text_as_format() {
        for t in &crate::recognise::all_texts() {
            for m in find(t) {
                for flip in [false, true] {
                    let mut want = Vec::new();
                    for s in &m.sets {
                        let (w, l) = if flip {
                            (s.second, s.first)
                        } else {
                            (s.first, s.second)
                        };
                        want.push(if s.match_tiebreak {
                            format!("[{w}-{l}]")
                        } else if let Some(n) = s.tiebreak_shown() {
                            format!("{w}-{l}({n})")
                        } else {
                            format!("{w}-{l}")
                        });
                    }
                    let mut want = want.join(" ");
                    match m.ending {
                        Outcome::Retired => want.push_str(" RET"),
                        Outcome::Defaulted => want.push_str(" DEF"),
                        Outcome::Walkover => want = "W/O".to_string(),
                        _ => {}
                    }
                    assert_eq!(m.to_score(flip).text, want, "{t}");
                }
            }
        }
    }

    /// What `first_side_wins` computed from the sets at each call before `judge` gave it once.
    fn first_side_wins_counted(m: &ScoreMention) -> Option<bool> {
        if m.ending == Outcome::Walkover {
            return None;
        }
        let (f, s) = count(&m.sets);
        match f.cmp(&s) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The winner `judge` gives each mention is the one counted from its sets: for every score of the test
    /// texts and of the texts of the score tests, and for random runs of sets (games, tie-breaks, match
    /// tie-breaks, endings and "and" between sets).
    #[test]
    fn first_side_wins_as_counted() {
        let mut texts = crate::recognise::all_texts();
        texts.extend(
            [
                "lost 4-6 6-7 (5-7) to him",
                "won 4-6 6-3 [10-8]",
                "6-4 3-1 ret.",
                "6-3 3-6 1-0 ret.",
                "4-6 2-2 def.",
                "He received a walkover.",
                "6-4 6-4 6-4 retired from the sport",
                "6-4 6-3 and 6-2 6-1",
                "6-4 2-6 10-8",
                "4-6 6-2 16-14",
                "she won 6-4 3-1 before her opponent retired",
            ]
            .map(String::from),
        );
        let (mut seen, mut first, mut second, mut level) = (0, 0, 0, 0);
        let mut check = |t: &str| {
            for m in find(t) {
                let want = first_side_wins_counted(&m);
                assert_eq!(m.first_side_wins(), want, "{t}: {m:?}");
                seen += 1;
                match want {
                    Some(true) => first += 1,
                    Some(false) => second += 1,
                    None => level += 1,
                }
            }
        };
        for t in &texts {
            check(t);
        }
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut below = |m: u64| crate::recognise::xorshift(&mut x) % m;
        const GAMES: [u32; 12] = [0, 1, 2, 3, 4, 5, 6, 6, 7, 7, 8, 10];
        const FINISHED: [(u32, u32); 10] = [
            (6, 0),
            (6, 1),
            (6, 2),
            (6, 3),
            (6, 4),
            (7, 5),
            (7, 6),
            (8, 6),
            (10, 8),
            (12, 10),
        ];
        const ENDS: [&str; 8] = ["", "", "", " ret.", " (rtd)", " def.", " retired", "."];
        for _ in 0..40_000 {
            let mut t = String::from(if below(4) == 0 { "retired " } else { "won " });
            for k in 0..=below(5) {
                if k > 0 {
                    t.push_str([" ", ", ", " and "][below(3) as usize]);
                }
                // Mostly a finished set (either side first), else any games.
                let (a, b) = if below(4) > 0 {
                    let (w, l) = FINISHED[below(FINISHED.len() as u64) as usize];
                    if below(2) == 0 { (w, l) } else { (l, w) }
                } else {
                    (GAMES[below(12) as usize], GAMES[below(12) as usize])
                };
                match below(8) {
                    0 => t.push_str(&format!("[{}-{}]", a + 4, b + 4)),
                    1 => t.push_str(&format!("{a}-{b} ({})", below(9))),
                    2 => t.push_str(&format!("{a}-{b} ({}-{})", below(12), below(12))),
                    _ => t.push_str(&format!("{a}-{b}")),
                }
            }
            t.push_str(ENDS[below(8) as usize]);
            check(&t);
        }
        // Each answer is tried many times.
        assert!(
            seen > 10_000 && first > 5_000 && second > 5_000 && level > 2_000,
            "{seen} {first} {second} {level}"
        );
    }

    /// [`tiebreak_set`] answers as the `matches!` it replaced, for every pair of numbers [`number`] can read
    /// (0..=99) and far past them, and for random pairs of any size; and the sets of the test texts and of random
    /// digit/dash/paren strings carry the tie-breaks that the old test gives them.
    #[test]
    fn tiebreak_set_as_matches() {
        let old = |x: u32, y: u32| matches!((x, y), (7, 6) | (6, 7) | (6, 6));
        let mut yes = 0;
        for x in 0..=1000 {
            for y in 0..=1000 {
                assert_eq!(tiebreak_set(x, y), old(x, y), "{x}-{y}");
                yes += usize::from(old(x, y));
            }
        }
        assert_eq!(yes, 3);
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200_000 {
            let x = crate::recognise::xorshift(&mut seed) as u32;
            let y = (crate::recognise::xorshift(&mut seed) >> 32) as u32;
            for (x, y) in [
                (x, y),
                (x & 7, y),
                (x, y & 7),
                (x & 15, y & 15),
                (x | 6, y | 6),
            ] {
                assert_eq!(tiebreak_set(x, y), old(x, y), "{x}-{y}");
            }
        }
        // Every set read in the texts: a tie-break only on 7-6, 6-7 and 6-6, and there whenever a bracket that
        // `tiebreak_at` reads follows (after at most two spaces).
        let pieces = [
            "7", "6", "5", "1", "0", "-", "/", "(", ")", " ", "  ", "[", "]", "7-6", "6-7", "6-6",
            "(4)", "(7-4)",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 2000, 30, 0x9e37_79b9_7f4a_7c15);
        let (mut with, mut without) = (0, 0);
        for t in &texts {
            let b = t.as_bytes();
            for i in 0..b.len() {
                let Some((set, end, space_digit_after)) = set_at(b, i) else {
                    continue;
                };
                // The separator test made from the window is the one on the text.
                assert_eq!(space_digit_after, space_digit(b, end), "{t:?} {i}");
                let (_, _, k) = pair(b, i).expect("a set is a pair");
                let p = k + b[k..].iter().take(2).take_while(|&&c| c == b' ').count();
                let want = if old(set.first, set.second) && at(b, p) == b'(' {
                    tiebreak_at(b, p + 1)
                } else {
                    None
                };
                assert_eq!(set.tiebreak, want.map(|w| w.0), "{t:?} {i}");
                assert_eq!(end, want.map_or(k, |w| w.1), "{t:?} {i}");
                if want.is_some() {
                    with += 1;
                } else {
                    without += 1;
                }
            }
        }
        assert!(with > 1_000 && without > 10_000, "{with} {without}");
    }

    #[test]
    fn spans_are_exact() {
        let text = "Yes (6-0, 6-0), then 7-6 (5) 6-4, and a 6-2 3-0 (rtd).";
        let spans: Vec<&str> = find(text)
            .iter()
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert_eq!(spans, ["6-0, 6-0", "7-6 (5) 6-4", "6-2 3-0 (rtd)"]);
    }
}
