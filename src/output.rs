//! Output stage: an [`Article`] as one line of JSON, written by hand.
//!
//! The bytes are exactly those of `serde_json::to_vec(&article)` (same field order, same escapes, `null` for
//! absent values, the same fields left out), which the tests check on every fixture; writing them directly,
//! with the keys as literals and a fast path for strings that need no escape, costs about a third of going
//! through serde (the JSON is about 1.5 times the size of the article text, so this matters at full speed).

use crate::model::{Article, Evidence, Match, Player, PlayerRef, Ranking, Seed, SetScore, Side};

impl Article {
    /// Appends the article to `out` as one line of JSON (no newline): the same bytes as
    /// `serde_json::to_vec(self)`, written faster. When `body` is given, a last field `"text"` carries it (the
    /// text that evidence offsets point into).
    pub fn write_json(&self, body: Option<&str>, out: &mut Vec<u8>) {
        // Most of the JSON is evidence: about 40 bytes of keys and numbers per mention plus its text.
        let mentions: usize = self.players.iter().map(|p| p.mentions.len()).sum();
        out.reserve(
            256 + self.players.len() * 96
                + mentions * 48
                + self.matches.len() * 400
                + body.map_or(0, str::len),
        );
        // (The thread's buffer: one on the stack was zeroed for each article, a `memset` call.)
        BUF.with_borrow_mut(|buf| self.write_into(body, Writer::new(out, buf)));
    }

    /// [`Article::write_json`] with its writer.
    #[inline(always)]
    fn write_into(&self, body: Option<&str>, mut w: Writer) {
        w.lit(b"{\"schema_version\":");
        w.str(&self.schema_version);
        w.lit(b",\"source\":");
        w.opt_str(self.source.as_deref());
        w.lit(b",\"sport\":");
        w.opt_str(self.sport.as_deref());
        w.lit(b",\"headline\":");
        w.opt_str(self.headline.as_deref());
        if let Some(p) = &self.published {
            w.lit(b",\"published\":");
            w.str(p);
        }
        w.lit(b",\"players\":");
        players(&mut w, &self.players);
        w.lit(b",\"matches\":");
        records(&mut w, &self.matches, match_);
        w.lit(b",\"rankings\":");
        records(&mut w, &self.rankings, ranking);
        w.lit(b",\"seeds\":");
        records(&mut w, &self.seeds, seed);
        w.lit(b",\"warnings\":");
        w.list(&self.warnings, |w, s| w.str(s));
        if let Some(t) = body {
            w.lit(b",\"text\":");
            w.str(t);
        }
        w.lit(b"}");
        w.flush();
    }
}

/// Room in [`Writer`]'s buffer: most articles' JSON is written in one or two flushes (each a call and a
/// copy).
const CAP: usize = 1536;

thread_local! {
    /// [`Writer`]'s buffer, kept per thread: made once, not zeroed for each article (a `memset` call of [`CAP`]
    /// bytes when it was an array on the stack). What it holds from the article before is never read: the
    /// writer flushes only the bytes it wrote.
    static BUF: std::cell::RefCell<[u8; CAP]> = const { std::cell::RefCell::new([0; CAP]) };
}

/// The room that [`Writer::long_str`] leaves: the most that what follows a string in one room check may need
/// (for [`evidence_and_rule`]; in [`player`]'s general path, what follows its first string needs less).
const MAX_ROOM: usize = EVIDENCE + 8 + STR + 1;
// What follows the id in `player_fields` fits in what `long_str` leaves; `MATCH_HEAD` is the most room made.
const _: () = assert!(
    8 + STR + 15 + STR + 7 + NUM + 12 <= MAX_ROOM
        && MAX_ROOM <= PLAYER
        && PLAYER <= MATCH_HEAD
        && SET <= MATCH_HEAD
        && MATCH_TAIL <= MATCH_HEAD
        && 2 * MATCH_HEAD <= CAP
);
/// The room for [`Writer::put_str`]: a quoted string of 32 bytes, and the two bytes more that [`str_at`]
/// takes.
const STR: usize = 36;
/// The most that [`Writer::put_num`] puts in the buffer.
const NUM: usize = 20;

/// Writes JSON into a buffer on the stack and appends it to the output `Vec` up to [`CAP`] bytes at a time. A
/// record is written in a few pieces: one room check for each (see the `put_*` methods), then keys, numbers
/// and short strings as fixed-size copies into the array (no `Vec` length update or capacity check per piece,
/// no call to `memcpy`). Strings longer than 32 bytes are copied in whole when they need no escape and fit;
/// others go straight to the output after a flush.
///
/// The buffer is borrowed (the caller's array), not a field: a byte written into a field of the writer might,
/// for the compiler, be a byte of `len`, which it then reads back from memory after every piece; through a
/// reference held by the writer it cannot be (`&mut Writer` is exclusive), and `len` stays in a register.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
    buf: &'a mut [u8; CAP],
    len: usize,
}

impl<'a> Writer<'a> {
    fn new(out: &'a mut Vec<u8>, buf: &'a mut [u8; CAP]) -> Self {
        Writer { out, buf, len: 0 }
    }

    /// Appends the buffer to the output (cold: once or twice per article, its calls kept off the hot paths).
    #[cold]
    #[inline(never)]
    fn flush(&mut self) {
        self.out.extend_from_slice(&self.buf[..self.len]);
        self.len = 0;
    }

    /// Makes room for `n` bytes: the `put_*` calls that follow may write that many in all. (They check the
    /// bounds all the same: a miscount panics, it writes nothing wrong.)
    #[inline(always)]
    fn room(&mut self, n: usize) {
        debug_assert!(n <= MATCH_HEAD);
        if self.len > CAP - n {
            self.flush();
        }
    }

    /// A literal (a key, punctuation), with its own room check.
    #[inline(always)]
    fn lit(&mut self, s: &[u8]) {
        self.room(s.len());
        self.put(s);
    }

    /// A string, with its own room check.
    #[inline(always)]
    fn str(&mut self, s: &str) {
        self.room(STR);
        self.put_str(s);
    }

    /// A literal, in room made before.
    #[inline(always)]
    fn put(&mut self, s: &[u8]) {
        self.buf[self.len..self.len + s.len()].copy_from_slice(s);
        self.len += s.len();
    }

    /// `n` in decimal, in [`NUM`] bytes of room made before. Below 10,000 (nearly all: offsets, ranks, games)
    /// four bytes are written at once and the count of digits read from the table.
    #[inline(always)]
    fn put_num(&mut self, n: u64) {
        self.len = num_at(self.buf, self.len, n);
    }

    /// A JSON string, as [`string`] writes it, in [`STR`] bytes of room made before (a long one may flush the
    /// buffer, and leaves [`MAX_ROOM`] bytes of room: see [`Writer::long_str`]). One of at most 32 bytes with
    /// nothing to escape (names, ids, rules, most evidence) is copied as two overlapping fixed-size pieces.
    #[inline(always)]
    fn put_str(&mut self, s: &str) {
        match str_at(self.buf, self.len, s) {
            Some(end) => self.len = end,
            None => self.long_str::<false>(s),
        }
    }

    /// A string that is long or needs escapes, and after it its closing quote and, when `BRACE`, the brace of
    /// the object it ends (`"}`, in one two-byte store). One of at least 16 bytes that fits in the room left
    /// with [`MAX_ROOM`] bytes to spare is copied into the buffer while it is tested; any other (one that needs
    /// escapes, is shorter, or needs a flush first) takes [`Writer::long_str_flushed`], as a tail call: with no
    /// call of its own that returns here, this path needs fewer registers saved (three pushes and pops around
    /// each long evidence text, not six).
    #[inline(never)]
    fn long_str<const BRACE: bool>(&mut self, s: &str) {
        let b = s.as_bytes();
        let n = b.len();
        let at = self.len;
        let t = 1 + usize::from(BRACE);
        // The room left, taken first, so that the test below bounds the window (no bounds checks of its own).
        let room = &mut self.buf[at..];
        if n >= 16 && room.len() >= t + MAX_ROOM && n <= room.len() - (t + MAX_ROOM) {
            let dst = &mut room[..n + 1 + t];
            if copy_clean(&mut dst[1..n + 1], b) {
                dst[0] = b'"';
                dst[n + 1..].copy_from_slice(&b"\"}"[..t]);
                self.len = at + n + 1 + t;
                return;
            }
        }
        self.long_str_flushed::<BRACE>(s);
    }

    /// [`Writer::long_str`]'s other path: after a flush, a string of at least 16 bytes that leaves [`MAX_ROOM`]
    /// bytes of room in the empty buffer is copied into it while it is tested (so that the room made before for
    /// what follows stays made); one that needs escapes (or is shorter, or too long) goes straight to the
    /// output, and the brace (when `BRACE`) into the buffer after it.
    #[cold]
    #[inline(never)]
    fn long_str_flushed<const BRACE: bool>(&mut self, s: &str) {
        self.flush();
        let b = s.as_bytes();
        let n = b.len();
        let t = 1 + usize::from(BRACE);
        if n >= 16 && n + t + MAX_ROOM <= CAP {
            let dst = &mut self.buf[..n + 1 + t];
            if copy_clean(&mut dst[1..n + 1], b) {
                dst[0] = b'"';
                dst[n + 1..].copy_from_slice(&b"\"}"[..t]);
                self.len = n + 1 + t;
                return;
            }
        }
        string(self.out, s);
        if BRACE {
            self.put(b"}");
        }
    }

    /// `null` or the string, in [`STR`] bytes of room made before.
    #[inline(always)]
    fn put_opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.put_str(s),
            None => self.put(b"null"),
        }
    }

    /// `null` or the string, with its own room check. Inlined: its three calls per article (source, sport and
    /// headline) each cost a call and the registers it saves.
    #[inline(always)]
    fn opt_str(&mut self, s: Option<&str>) {
        self.room(STR);
        self.put_opt_str(s);
    }

    /// A JSON array; `each` writes one item, after room for [`ITEM`] bytes is made (the comma before it
    /// taken).
    #[inline(always)]
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.lit(b"[");
        for (i, it) in items.iter().enumerate() {
            self.room(ITEM + 1);
            if i > 0 {
                self.put(b",");
            }
            each(self, it);
        }
        self.lit(b"]");
    }
}

/// `n` in decimal at `buf[at..]`, in [`NUM`] bytes of room; returns the end. Below 10,000 (nearly all:
/// offsets, ranks, games) four bytes are written at once and the count of digits read from the table.
#[inline(always)]
fn num_at(buf: &mut [u8], at: usize, n: u64) -> usize {
    if n < 10_000 {
        table_num_at(buf, at, n as usize)
    } else {
        let mut tmp = [0; 20];
        let i = digits(n, &mut tmp);
        let digits = &tmp[i..];
        buf[at..at + digits.len()].copy_from_slice(digits);
        at + digits.len()
    }
}

/// `n < 10,000` in decimal at `buf[at..]`, from [`DIGITS_4`]: four bytes written at once and the count of
/// digits read from the table; returns the end.
#[inline(always)]
fn table_num_at(buf: &mut [u8], at: usize, n: usize) -> usize {
    // The digits, first in the lowest byte, zero bytes after them: what is written after the digits is
    // overwritten by what follows (or left beyond the end). Their count is a byte of its own table (a load, where
    // taking it from the word's highest byte took a shift, a compare and a select), masked so that the compiler
    // knows it to be at most 7 (within [`NUM`]: the bounds checks of what follows fold away).
    let word = DIGITS_4.words[n];
    buf[at..at + 4].copy_from_slice(&word.to_le_bytes());
    at + usize::from(DIGITS_4.lens[n] & 7)
}

/// A JSON string at `buf[len..]`, as [`string`] writes it, in [`STR`] bytes of room; returns the end, or
/// `None` (nothing written that counts) when it is longer than 32 bytes or needs escapes. One of at most 32
/// bytes with nothing to escape (names, ids, rules, most evidence) is copied as two overlapping fixed-size
/// pieces, into a window of `buf` taken with one bounds check (the copies into it need none of their own).
#[inline(always)]
fn str_at(buf: &mut [u8], len: usize, s: &str) -> Option<usize> {
    str_then_at(buf, len, s, b"\"")
}

/// [`str_at`] and what follows the string: `close`, its closing quote and up to two bytes more (`"}` after an
/// evidence text), written as one piece (a two-byte store, not a byte store each); returns the end of `close`.
/// In the same room: the window that `str_at` takes has the two bytes.
#[inline(always)]
fn str_then_at<const T: usize>(
    buf: &mut [u8],
    len: usize,
    s: &str,
    close: &[u8; T],
) -> Option<usize> {
    const { assert!(T >= 1 && T <= 3) };
    let b = s.as_bytes();
    let n = b.len();
    if n > 32 {
        return None;
    }
    // The quotes and the string, and two bytes more (the short path writes three bytes whatever the length).
    // Taken in two steps, so that its length is known to be `n + 4` (no wrapping), which bounds the copies.
    let dst = &mut buf[len..][..n + 4];
    let clean = if n >= 16 {
        let lo: [u8; 16] = b[..16].try_into().expect("sixteen bytes");
        let hi: [u8; 16] = b[n - 16..].try_into().expect("sixteen bytes");
        let ok = !any_escape(escape_lanes(&lo) | escape_lanes(&hi));
        if ok {
            dst[1..17].copy_from_slice(&lo);
            dst[n - 15..n + 1].copy_from_slice(&hi);
        }
        ok
    } else if n >= 8 {
        let lo: [u8; 8] = b[..8].try_into().expect("eight bytes");
        let hi: [u8; 8] = b[n - 8..].try_into().expect("eight bytes");
        let ok = !any_escape(escape_lanes_words(
            u64::from_le_bytes(lo),
            u64::from_le_bytes(hi),
        ));
        if ok {
            dst[1..9].copy_from_slice(&lo);
            dst[n - 7..n + 1].copy_from_slice(&hi);
        }
        ok
    } else if n >= 4 {
        let lo: [u8; 4] = b[..4].try_into().expect("four bytes");
        let hi: [u8; 4] = b[n - 4..].try_into().expect("four bytes");
        // The two halves as one word, tested as the strings of 8 to 16 bytes are (twice over: with SSE2 that
        // is fewer instructions than `escape_bits`' four wide constants).
        let (l, h) = (u32::from_le_bytes(lo), u32::from_le_bytes(hi));
        let word = u64::from(l) | u64::from(h) << 32;
        let ok = !any_escape(escape_lanes_words(word, word));
        if ok {
            dst[1..5].copy_from_slice(&lo);
            dst[n - 3..n + 1].copy_from_slice(&hi);
        }
        ok
    } else if n > 0 {
        // The first, middle and last bytes cover a string of one to three bytes.
        let (x, y, z) = (b[0], b[n / 2], b[n - 1]);
        let ok = clean3(x, y, z);
        if ok {
            dst[1..4].copy_from_slice(&[x, y, z]);
            dst[n] = z;
        }
        ok
    } else {
        true
    };
    if !clean {
        return None;
    }
    dst[0] = b'"';
    dst[n + 1..n + 1 + T].copy_from_slice(close);
    Some(len + n + 1 + T)
}

/// The room that [`Writer::list`] makes for the start of each item.
const ITEM: usize = 128;

/// `{"id":...,"name":...` (the object left open), in room made before (`14 + 2 * STR` bytes).
#[inline(always)]
fn id_and_name(w: &mut Writer, id: &str, name: &str) {
    w.put(b"{\"id\":");
    w.put_str(id);
    w.put(b",\"name\":");
    w.put_str(name);
}

/// The players' array. Each player is written by [`player`] after its lead (`[` or `,`, and `{"id":`).
fn players(w: &mut Writer, ps: &[Player]) {
    let Some((p, rest)) = ps.split_first() else {
        w.lit(b"[]");
        return;
    };
    player(w, p, b"[{\"id\":");
    for p in rest {
        player(w, p, b",{\"id\":");
    }
    w.lit(b"]");
}

/// The room that [`player`] makes: its lead and the fields before its mentions, each string in [`STR`] bytes
/// and the age in [`NUM`].
const PLAYER: usize = 7 + STR + 8 + STR + 15 + STR + 7 + NUM + 12;

/// A player after `lead` (`[{"id":` or `,{"id":`): one room check for the fields before the mentions, which
/// [`player_head`] writes when its strings are short and need no escape (nearly always); the general path
/// otherwise.
#[inline(always)]
fn player<const L: usize>(w: &mut Writer, p: &Player, lead: &[u8; L]) {
    w.room(PLAYER);
    match player_head(w.buf, w.len, p, lead) {
        Some(end) => w.len = end,
        None => player_fields(w, p, lead[0]),
    }
    mentions(w, &p.mentions);
}

/// A player's fields before its mentions after `lead` (`[` or `,`, then `{"id":`), in [`PLAYER`] bytes of
/// room made before, piece by piece: the general path (rare: a string of more than 32 bytes or with escapes),
/// which [`player_head`] replaced.
#[cold]
#[inline(never)]
fn player_fields(w: &mut Writer, p: &Player, lead: u8) {
    w.put(&[lead]);
    id_and_name(w, &p.id, &p.name);
    w.put(b",\"nationality\":");
    w.put_opt_str(p.nationality.as_deref());
    w.put(b",\"age\":");
    match p.age {
        Some(a) => w.put_num(a as u64),
        None => w.put(b"null"),
    }
    w.put(b",\"mentions\":");
}

/// `lead` and a player's fields before its mentions, up to `"mentions":`, at `buf[at..]` in [`PLAYER`] bytes of
/// room; returns the end, or `None` (nothing written that counts) when a string is longer than 32 bytes or
/// needs escapes. All of it goes into one window of `buf` taken with one bounds check, its end kept in a
/// local: the offsets in it are bounded (each string adds at most 34 bytes, the age at most [`NUM`]), so the
/// copies into it need no checks of their own and the writer's length is stored once.
#[inline(always)]
fn player_head<const L: usize>(
    buf: &mut [u8; CAP],
    at: usize,
    p: &Player,
    lead: &[u8; L],
) -> Option<usize> {
    let win = &mut buf[at..][..PLAYER];
    win[..L].copy_from_slice(lead);
    let mut k = str_at(win, L, &p.id)?;
    win[k..k + 8].copy_from_slice(b",\"name\":");
    k = str_at(win, k + 8, &p.name)?;
    win[k..k + 15].copy_from_slice(b",\"nationality\":");
    k += 15;
    k = match p.nationality.as_deref() {
        Some(s) => str_at(win, k, s)?,
        None => {
            win[k..k + 4].copy_from_slice(b"null");
            k + 4
        }
    };
    win[k..k + 7].copy_from_slice(b",\"age\":");
    k += 7;
    k = match p.age {
        Some(a) => num_at(win, k, u64::from(a)),
        None => {
            win[k..k + 4].copy_from_slice(b"null");
            k + 4
        }
    };
    win[k..k + 12].copy_from_slice(b",\"mentions\":");
    Some(at + k + 12)
}

/// A player's mentions and the player's closing brace: `[..]}`. One room check for each mention (no list item
/// bookkeeping: most of the JSON is here); a function of its own, so that the loop has the registers. After
/// the first, the mentions are written with the writer's length and buffer in locals (the length stored into
/// the writer, and the buffer taken from it again, only around a flush or a long text; the length at the end),
/// not stored and read back per mention.
#[inline(never)]
fn mentions(w: &mut Writer, es: &[Evidence]) {
    let Some((e, rest)) = es.split_first() else {
        w.lit(b"[]}");
        return;
    };
    w.room(EVIDENCE + 1);
    evidence(w, e, &const { padded(b"[{\"start\":") });
    let mut len = w.len;
    let mut buf = &mut *w.buf;
    for e in rest {
        if len > CAP - (EVIDENCE + 1) {
            w.len = len;
            w.flush();
            len = w.len;
            buf = &mut *w.buf;
        }
        match evidence_at(buf, len, e, &const { padded(b",{\"start\":") }) {
            Ok(end) => len = end,
            Err(at) => {
                w.len = at;
                w.long_str::<true>(&e.text);
                len = w.len;
                buf = &mut *w.buf;
            }
        }
    }
    w.len = len;
    w.lit(b"]}");
}

/// In room made before (`15 + 2 * STR` bytes).
#[inline(always)]
fn player_ref(w: &mut Writer, p: &PlayerRef) {
    id_and_name(w, &p.id, &p.name);
    w.put(b"}");
}

/// A side of a match and `next`, the brace that closes a single player and the key that follows: a single
/// player written in place, its brace and the key in one piece; a pair by [`doubles_pair`], then the key.
#[inline(always)]
fn side<const N: usize>(w: &mut Writer, s: &Side, next: &[u8; N]) {
    match s {
        Side::Single(p) => {
            w.room(14 + 2 * STR + N);
            id_and_name(w, &p.id, &p.name);
            w.put(next);
        }
        Side::Pair(ps) => {
            doubles_pair(w, ps);
            w.lit(&next[1..]);
        }
    }
}

/// The players of a doubles side (rare: kept out of [`match_`]).
#[inline(never)]
fn doubles_pair(w: &mut Writer, ps: &[PlayerRef]) {
    w.list(ps, player_ref);
}

/// An array of records (matches, rankings, seeds): `each` writes one after its lead (`[` or `,`), which it
/// writes in the window of its first piece (no room check and no comma of their own).
#[inline(always)]
fn records<T>(w: &mut Writer, items: &[T], mut each: impl FnMut(&mut Writer, &T, u8)) {
    if items.is_empty() {
        w.lit(b"[]");
        return;
    }
    for (i, it) in items.iter().enumerate() {
        each(w, it, if i == 0 { b'[' } else { b',' });
    }
    w.lit(b"]");
}

/// A match after `lead` (`[` or `,`), in four kinds of pieces, each after one room check: the sides and the
/// score's text ([`match_head`]), each set ([`set_score`]), the fields from the outcome to the evidence key
/// ([`match_tail`]), then the evidence and the rule. The head and the tail are written into one window of the
/// buffer each when their strings are short and need no escape and the sides are single players (nearly
/// always); the general path otherwise, out of line.
fn match_(w: &mut Writer, m: &Match, lead: u8) {
    w.room(MATCH_HEAD);
    match match_head(w.buf, w.len, m, lead) {
        Some(end) => w.len = end,
        None => match_head_general(w, m, lead),
    }
    if let Some(s) = &m.score {
        for (i, set) in s.sets.iter().enumerate() {
            set_score(w, set, i > 0);
        }
    }
    w.room(MATCH_TAIL);
    match match_tail(w.buf, w.len, m) {
        Some(end) => w.len = end,
        None => match_tail_general(w, m),
    }
    evidence_and_rule(w, &m.evidence, &m.rule);
}

/// The room that [`match_head`] takes: the lead and `{"winner":`, two single players (each string in [`STR`]
/// bytes), the keys between them, and the score's text and the key of its sets.
const MATCH_HEAD: usize = 11 + 2 * (6 + STR + 8 + STR) + 10 + 10 + 8 + STR + 9;

/// `lead` and a match's fields before its sets, up to `"sets":[` (or up to `"score":null`), at `buf[at..]` in
/// [`MATCH_HEAD`] bytes of room; returns the end, or `None` (nothing written that counts) when a side is a
/// doubles pair or a string is longer than 32 bytes or needs escapes. All of it goes into one window of `buf`
/// taken with one bounds check, as [`player_head`] writes a player.
#[inline(always)]
fn match_head(buf: &mut [u8; CAP], at: usize, m: &Match, lead: u8) -> Option<usize> {
    let (Side::Single(a), Side::Single(b)) = (&m.winner, &m.loser) else {
        return None;
    };
    let win = &mut buf[at..][..MATCH_HEAD];
    win[0] = lead;
    win[1..17].copy_from_slice(b"{\"winner\":{\"id\":");
    let mut k = str_at(win, 17, &a.id)?;
    win[k..k + 8].copy_from_slice(b",\"name\":");
    k = str_at(win, k + 8, &a.name)?;
    win[k..k + 16].copy_from_slice(b"},\"loser\":{\"id\":");
    k = str_at(win, k + 16, &b.id)?;
    win[k..k + 8].copy_from_slice(b",\"name\":");
    k = str_at(win, k + 8, &b.name)?;
    win[k..k + 10].copy_from_slice(b"},\"score\":");
    k += 10;
    k = match &m.score {
        Some(s) => {
            win[k..k + 8].copy_from_slice(b"{\"text\":");
            k = str_at(win, k + 8, &s.text)?;
            win[k..k + 9].copy_from_slice(b",\"sets\":[");
            k + 9
        }
        None => {
            win[k..k + 4].copy_from_slice(b"null");
            k + 4
        }
    };
    Some(at + k)
}

/// What [`match_head`] writes, piece by piece: the general path (rare: a doubles pair, or a string of more than
/// 32 bytes or with escapes), in [`MATCH_HEAD`] bytes of room made before.
#[cold]
#[inline(never)]
fn match_head_general(w: &mut Writer, m: &Match, lead: u8) {
    w.put(&[lead]);
    w.put(b"{\"winner\":");
    side(w, &m.winner, b"},\"loser\":");
    side(w, &m.loser, b"},\"score\":");
    match &m.score {
        Some(s) => {
            w.room(8 + STR + 9);
            w.put(b"{\"text\":");
            w.put_str(&s.text);
            w.put(b",\"sets\":[");
        }
        None => w.lit(b"null"),
    }
}

/// The most that [`set_score`] writes: a comma, the games, the tie-break points, the match tie-break flag and
/// the closing brace.
const SET: usize = 1 + 10 + NUM + 9 + NUM + 19 + NUM + 18 + NUM + 22 + 1;

/// A set of a score (after a comma when `comma`), after one room check, into one window of the buffer.
#[inline(always)]
fn set_score(w: &mut Writer, set: &SetScore, comma: bool) {
    w.room(SET);
    let at = w.len;
    let win = &mut w.buf[at..][..SET];
    // The comma is written whether or not it is wanted: when not, the set starts on it.
    win[0] = b',';
    let mut k = usize::from(comma);
    if set.winner < 10 && set.loser < 10 {
        // The usual set: one digit each, added into one template.
        let mut head = *b"{\"winner\":0,\"loser\":0";
        head[10] += set.winner as u8;
        head[20] += set.loser as u8;
        win[k..k + 21].copy_from_slice(&head);
        k += 21;
    } else {
        win[k..k + 10].copy_from_slice(b"{\"winner\":");
        k = num_at(win, k + 10, u64::from(set.winner));
        win[k..k + 9].copy_from_slice(b",\"loser\":");
        k = num_at(win, k + 9, u64::from(set.loser));
    }
    // (One branch for the three optional fields: most sets have none.)
    if set.tiebreak_winner.is_some() | set.tiebreak_loser.is_some() | set.match_tiebreak {
        if let Some(t) = set.tiebreak_winner {
            win[k..k + 19].copy_from_slice(b",\"tiebreak_winner\":");
            k = num_at(win, k + 19, u64::from(t));
        }
        if let Some(t) = set.tiebreak_loser {
            win[k..k + 18].copy_from_slice(b",\"tiebreak_loser\":");
            k = num_at(win, k + 18, u64::from(t));
        }
        if set.match_tiebreak {
            win[k..k + 22].copy_from_slice(b",\"match_tiebreak\":true");
            k += 22;
        }
    }
    win[k] = b'}';
    w.len = at + k + 1;
}

/// `,"outcome":"…","round":` for each [`Outcome`](crate::model::Outcome) (in its order), in 32 bytes, and its length: one copy of 32
/// bytes for any outcome (the bytes after the length are overwritten by what follows).
const OUTCOME_KEYS: [([u8; 32], usize); 4] = [
    padded(b",\"outcome\":\"completed\",\"round\":"),
    padded(b",\"outcome\":\"retired\",\"round\":"),
    padded(b",\"outcome\":\"walkover\",\"round\":"),
    padded(b",\"outcome\":\"defaulted\",\"round\":"),
];

/// `,"doubles":…,"evidence":` for a match that is not doubles (index 0) and one that is, in 28 bytes.
const DOUBLES_KEYS: [([u8; 28], usize); 2] = [
    padded(b",\"doubles\":false,\"evidence\":"),
    padded(b",\"doubles\":true,\"evidence\":"),
];

/// `s` at the start of `N` bytes (zeros after it), and its length.
const fn padded<const N: usize>(s: &[u8]) -> ([u8; N], usize) {
    let mut t = [0; N];
    let mut i = 0;
    while i < s.len() {
        t[i] = s[i];
        i += 1;
    }
    (t, s.len())
}

/// The room that [`match_tail`] takes: the end of the score's sets, the outcome and round, the tournament, and
/// the doubles flag and the evidence key.
const MATCH_TAIL: usize = 2 + 32 + STR + 14 + 8 + STR + 1 + 28;

/// A match's fields from the end of the score's sets (`]}`, when it has a score) to `"evidence":`, at
/// `buf[at..]` in [`MATCH_TAIL`] bytes of room; returns the end, or `None` (nothing written that counts) when
/// the round or the tournament's name is longer than 32 bytes or needs escapes. One window, as in
/// [`match_head`]; the outcome and the doubles flag with their keys are copied from tables, with no branch.
#[inline(always)]
fn match_tail(buf: &mut [u8; CAP], at: usize, m: &Match) -> Option<usize> {
    let win = &mut buf[at..][..MATCH_TAIL];
    // Written whether or not there is a score: without one, the outcome's key starts on it.
    win[..2].copy_from_slice(b"]}");
    let mut k = 2 * usize::from(m.score.is_some());
    let (key, n) = &OUTCOME_KEYS[m.outcome as usize];
    win[k..k + 32].copy_from_slice(key);
    k += n;
    k = match m.round.as_deref() {
        Some(r) => str_at(win, k, r)?,
        None => {
            win[k..k + 4].copy_from_slice(b"null");
            k + 4
        }
    };
    win[k..k + 14].copy_from_slice(b",\"tournament\":");
    k += 14;
    k = match &m.tournament {
        Some(t) => {
            win[k..k + 8].copy_from_slice(b"{\"name\":");
            str_then_at(win, k + 8, &t.name, b"\"}")?
        }
        None => {
            win[k..k + 4].copy_from_slice(b"null");
            k + 4
        }
    };
    let (key, n) = &DOUBLES_KEYS[usize::from(m.doubles)];
    win[k..k + 28].copy_from_slice(key);
    Some(at + k + n)
}

/// What [`match_tail`] writes, piece by piece: the general path (rare: a round or a tournament's name of more
/// than 32 bytes or with escapes), in [`MATCH_TAIL`] bytes of room made before.
#[cold]
#[inline(never)]
fn match_tail_general(w: &mut Writer, m: &Match) {
    if m.score.is_some() {
        w.put(b"]}");
    }
    w.room(32 + STR);
    let (key, n) = &OUTCOME_KEYS[m.outcome as usize];
    w.put(&key[..*n]);
    w.put_opt_str(m.round.as_deref());
    w.room(14 + 8 + STR + 1 + 28);
    w.put(b",\"tournament\":");
    match &m.tournament {
        Some(t) => {
            w.put(b"{\"name\":");
            w.put_str(&t.name);
            w.put(b"}");
        }
        None => w.put(b"null"),
    }
    let (key, n) = &DOUBLES_KEYS[usize::from(m.doubles)];
    w.put(&key[..*n]);
}

/// `,"kind":"…","evidence":` for each [`RankingKind`](crate::model::RankingKind) (in its order), in 40 bytes, and its length.
const KIND_KEYS: [([u8; 40], usize); 5] = [
    padded(b",\"kind\":\"current\",\"evidence\":"),
    padded(b",\"kind\":\"previous\",\"evidence\":"),
    padded(b",\"kind\":\"career-high\",\"evidence\":"),
    padded(b",\"kind\":\"projected\",\"evidence\":"),
    padded(b",\"kind\":\"national\",\"evidence\":"),
];

fn ranking(w: &mut Writer, r: &Ranking, lead: u8) {
    let (kind, n) = &KIND_KEYS[r.kind as usize];
    record_head(w, lead, &r.player, b"},\"rank\":", r.rank, kind, *n);
    evidence_and_rule(w, &r.evidence, &r.rule);
}

fn seed(w: &mut Writer, s: &Seed, lead: u8) {
    record_head(
        w,
        lead,
        &s.player,
        b"},\"seed\":",
        s.seed,
        b",\"evidence\":",
        12,
    );
    evidence_and_rule(w, &s.evidence, &s.rule);
}

/// The room that [`record_head`] takes: the lead, `{"player":`, the player's id and name (each in [`STR`]
/// bytes), and the number with the keys around it.
const RECORD_HEAD: usize = 11 + 6 + STR + 8 + STR + 9 + NUM + 40;

/// `lead` (`[` or `,`) and a ranking's or seed's fields before its evidence: `{"player":{..}` and `key` (the
/// brace that closes the player and `,"KEY":`), `n`, and the first `tail_len` bytes of `tail` (what follows
/// the number, up to `"evidence":`). After one room check, into one window of the buffer when the player's
/// strings are short and need no escape (nearly always), as [`player_head`] writes a player; piece by piece
/// otherwise.
#[inline(always)]
fn record_head<const K: usize, const T: usize>(
    w: &mut Writer,
    lead: u8,
    p: &PlayerRef,
    key: &[u8; K],
    n: u32,
    tail: &[u8; T],
    tail_len: usize,
) {
    w.room(RECORD_HEAD);
    let at = w.len;
    let win = &mut w.buf[at..][..RECORD_HEAD];
    win[0] = lead;
    win[1..17].copy_from_slice(b"{\"player\":{\"id\":");
    let written = str_at(win, 17, &p.id).and_then(|k| {
        win[k..k + 8].copy_from_slice(b",\"name\":");
        str_at(win, k + 8, &p.name)
    });
    match written {
        Some(k) => {
            win[k..k + K].copy_from_slice(key);
            let k = num_at(win, k + K, u64::from(n));
            win[k..k + T].copy_from_slice(tail);
            w.len = at + k + tail_len;
        }
        None => record_head_general(w, lead, p, key, n, &tail[..tail_len]),
    }
}

/// What [`record_head`] writes, piece by piece: the general path (rare: a string of more than 32 bytes or with
/// escapes), in [`RECORD_HEAD`] bytes of room made before.
#[cold]
#[inline(never)]
fn record_head_general(w: &mut Writer, lead: u8, p: &PlayerRef, key: &[u8], n: u32, tail: &[u8]) {
    w.put(&[lead]);
    w.put(b"{\"player\":");
    id_and_name(w, &p.id, &p.name);
    w.room(key.len() + NUM + tail.len());
    w.put(key);
    w.put_num(u64::from(n));
    w.put(tail);
}

/// The last two fields of a record (after `"evidence":`) and its closing brace.
fn evidence_and_rule(w: &mut Writer, e: &Evidence, rule: &str) {
    w.room(MAX_ROOM);
    evidence(w, e, &const { padded(b"{\"start\":") });
    // The key, a short rule and the brace in one window of the room left (at least `8 + STR + 1` bytes, after
    // a short evidence text or a long one).
    let at = w.len;
    let win = &mut w.buf[at..][..8 + STR + 1];
    win[..8].copy_from_slice(b",\"rule\":");
    match str_then_at(win, 8, rule, b"\"}") {
        Some(end) => w.len = at + end,
        None => {
            w.len = at + 8;
            w.long_str::<true>(rule);
        }
    }
}

/// The room that [`evidence`] needs.
const EVIDENCE: usize = 9 + NUM + 7 + NUM + 8 + STR + 1;

/// An evidence object after `lead` (its opening `{"start":`, perhaps after a comma: at the start of sixteen
/// bytes, and its length), in [`EVIDENCE`] bytes of room (one more with the comma) made before. The end of the written bytes is kept in a local (a register),
/// not in the writer, until the object is written.
#[inline(always)]
fn evidence(w: &mut Writer, e: &Evidence, lead: &([u8; 16], usize)) {
    match evidence_at(w.buf, w.len, e, lead) {
        Ok(end) => w.len = end,
        Err(at) => {
            w.len = at;
            w.long_str::<true>(&e.text);
        }
    }
}

/// [`evidence`] at `buf[at..]`: returns the end, or (`Err`) the end of its `,"text":` when the text is longer
/// than 32 bytes or needs escapes (for [`Writer::long_str`] to write from there).
#[inline(always)]
fn evidence_at(
    buf: &mut [u8; CAP],
    at: usize,
    e: &Evidence,
    lead: &([u8; 16], usize),
) -> Result<usize, usize> {
    // The lead, the numbers, the keys, a short text and the brace in one window of known length: the copies
    // into it need no bounds checks of their own (the numbers' lengths are bounded, and `str_at` writes at most
    // `STR` bytes), not even the text's, which a window of the whole buffer would need.
    let win = &mut buf[at..][..10 + NUM + 7 + NUM + 8 + STR];
    // The lead as one piece of sixteen bytes (one vector store, not three stores of eight, two and one bytes):
    // the bytes after it are overwritten by what follows.
    let (head, l) = lead;
    debug_assert!(*l <= 10);
    win[..16].copy_from_slice(head);
    // Both offsets below 10,000 (nearly always) told by one test (their `|` is at least each of them, so it
    // passes only then; some pairs below take the longer path, which writes the same): then both are read
    // from the table, with no test each and no jumps around `num_at`'s longer path.
    let k = if e.start | e.end < 10_000 {
        let k = table_num_at(win, *l, e.start);
        win[k..k + 7].copy_from_slice(b",\"end\":");
        table_num_at(win, k + 7, e.end)
    } else {
        let k = num_at(win, *l, e.start as u64);
        win[k..k + 7].copy_from_slice(b",\"end\":");
        num_at(win, k + 7, e.end as u64)
    };
    win[k..k + 8].copy_from_slice(b",\"text\":");
    match str_then_at(win, k + 8, &e.text, b"\"}") {
        Some(end) => Ok(at + end),
        None => Err(at + k + 8),
    }
}

/// 0 to 9999 in decimal: the ASCII digits of `n` in `words[n]`, the first in the lowest byte, zero bytes after
/// them, and their count in `lens[n]` (50 KB; two loads instead of dividing and shifting, for the offsets of
/// every evidence). One static, so that both tables are read from one base address.
static DIGITS_4: Digits4 = {
    let mut t = Digits4 {
        words: [0; 10_000],
        lens: [0; 10_000],
    };
    let mut n = 0;
    while n < 10_000 {
        let mut word = 0u32;
        let mut shift = 0;
        let mut div = if n >= 1000 {
            1000
        } else if n >= 100 {
            100
        } else if n >= 10 {
            10
        } else {
            1
        };
        while div > 0 {
            word |= ((b'0' as u32) + (n / div % 10) as u32) << shift;
            shift += 8;
            div /= 10;
        }
        t.words[n] = word;
        t.lens[n] = (shift / 8) as u8;
        n += 1;
    }
    t
};

/// The layout of [`DIGITS_4`].
struct Digits4 {
    words: [u32; 10_000],
    lens: [u8; 10_000],
}

/// "00" to "99": two digits at a time.
const DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// The two digits of `n < 100`.
#[inline]
fn pair(n: u64) -> [u8; 2] {
    let i = 2 * n as usize;
    [DIGIT_PAIRS[i], DIGIT_PAIRS[i + 1]]
}

/// Writes `n` in decimal at the end of `buf`, two digits at a time; returns where the digits start.
fn digits(mut n: u64, buf: &mut [u8; 20]) -> usize {
    let mut i = buf.len();
    while n >= 100 {
        i -= 2;
        buf[i..i + 2].copy_from_slice(&pair(n % 100));
        n /= 100;
    }
    if n >= 10 {
        i -= 2;
        buf[i..i + 2].copy_from_slice(&pair(n));
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    i
}

/// [`DIGIT_PAIRS`] as a `str`, so that digits are taken as text without a UTF-8 check.
const DIGIT_PAIRS_STR: &str = match std::str::from_utf8(&DIGIT_PAIRS) {
    Ok(s) => s,
    Err(_) => panic!("ASCII digits"),
};

/// `n` in decimal, as `format!("{n}")` writes it, in `buf` (no formatter). Below 100 (game counts) the digits
/// come from a table, with no UTF-8 check.
pub(crate) fn decimal(n: u64, buf: &mut [u8; 20]) -> &str {
    if n < 10 {
        let i = 2 * n as usize + 1;
        return &DIGIT_PAIRS_STR[i..i + 1];
    }
    if n < 100 {
        let i = 2 * n as usize;
        return &DIGIT_PAIRS_STR[i..i + 2];
    }
    let i = digits(n, buf);
    std::str::from_utf8(&buf[i..]).expect("ASCII digits")
}

/// The high bit of some byte is set when a byte of `w` is a control byte (below 0x20), `"` or `\\`: the bytes
/// a JSON string escapes. Exact as a yes/no answer (the classic borrow test for "has a byte less than n"), not
/// as to which byte.
///
/// Control bytes and `"` are one test: flipping bit 1 maps `"` (0x22) to 0x20 and the control bytes onto
/// themselves, and leaves every other byte at 0x21 or above, so they are the bytes that become less than 0x21.
/// A backslash is the byte that becomes zero (less than 1) when flipped to `w ^ 0x5c`. Each borrow test is
/// `(x - n) & !x`, and the two `x` have the high bits of `w` (the flips are below 0x80), so one `& !w` serves
/// both.
#[inline(always)]
fn escape_bits(w: u64) -> u64 {
    use crate::segment::splat;
    let control_or_quote = (w ^ splat(0x02)).wrapping_sub(splat(0x21));
    let backslash = (w ^ splat(b'\\')).wrapping_sub(splat(1));
    (control_or_quote | backslash) & !w & splat(0x80)
}

/// Whether `b` holds a byte that a JSON string escapes; eight bytes at a time.
#[inline]
fn needs_escape(b: &[u8]) -> bool {
    let n = b.len();
    if n >= 8 {
        let (words, _) = b.as_chunks::<8>();
        let mut acc = 0;
        for w in words {
            acc |= escape_bits(u64::from_le_bytes(*w));
        }
        // The last eight bytes cover the tail (some bytes twice).
        let last: [u8; 8] = b[n - 8..].try_into().expect("eight bytes");
        acc |= escape_bits(u64::from_le_bytes(last));
        acc != 0
    } else if n >= 4 {
        // Two overlapping halves.
        let lo: [u8; 4] = b[..4].try_into().expect("four bytes");
        let hi: [u8; 4] = b[n - 4..].try_into().expect("four bytes");
        let w = u64::from(u32::from_le_bytes(lo)) | (u64::from(u32::from_le_bytes(hi)) << 32);
        escape_bits(w) != 0
    } else {
        b.iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\')
    }
}

/// Copies `src` (at least 16 bytes) into `dst` (as long) sixteen bytes at a time, the last piece overlapping
/// the one before, and tells whether `src` is free of bytes that a JSON string escapes. When it is, `dst`
/// holds the copy. When not (the caller then writes the string elsewhere), `dst` holds the copy of the whole
/// pieces of sixteen before the first one that needs an escape, the rest left as it was; or, when every whole
/// piece is clean (the escaped byte is in the tail that the last piece covers), the whole copy.
///
/// One pass, fixed-size copies. Each piece is tested before it is copied: the early exit leaves the loop
/// without a trip count known on entry, so LLVM does not turn its copies into a call of `memcpy` (which, with
/// the tests `|` together over the whole string and one exit, it did with fat LTO).
#[inline(always)]
fn copy_clean(dst: &mut [u8], src: &[u8]) -> bool {
    let n = src.len();
    let last: &[u8; 16] = src[n - 16..].try_into().expect("sixteen bytes");
    for (d, c) in dst
        .as_chunks_mut::<16>()
        .0
        .iter_mut()
        .zip(src.as_chunks::<16>().0)
    {
        if any_escape(escape_lanes(c)) {
            return false;
        }
        *d = *c;
    }
    dst[n - 16..].copy_from_slice(last);
    !any_escape(escape_lanes(last))
}

/// The escape test of sixteen bytes, in a form that tests of more bytes `|` together before one
/// [`any_escape`]: with SSE2 (every x86-64) a vector with each lane all ones where its byte is one that a JSON
/// string escapes (three compares: about half the instructions of two [`escape_bits`] words); elsewhere the
/// [`escape_bits`] of the two words.
#[cfg(target_feature = "sse2")]
type Lanes = safe_arch::m128i;
#[cfg(not(target_feature = "sse2"))]
type Lanes = u64;

/// [`Lanes`] of sixteen bytes.
#[inline(always)]
fn escape_lanes(h: &[u8; 16]) -> Lanes {
    #[cfg(target_feature = "sse2")]
    return sse2_escape_lanes(safe_arch::m128i::from(*h));
    #[cfg(not(target_feature = "sse2"))]
    {
        let word = |i: usize| u64::from_le_bytes(h[i..i + 8].try_into().expect("eight bytes"));
        escape_bits(word(0)) | escape_bits(word(8))
    }
}

/// [`Lanes`] of the sixteen bytes of two words, `lo` first (in little-endian order): for the strings of 8 to
/// 16 bytes, read as two overlapping words.
#[inline(always)]
fn escape_lanes_words(lo: u64, hi: u64) -> Lanes {
    #[cfg(target_feature = "sse2")]
    return sse2_escape_lanes(safe_arch::m128i::from([lo, hi]));
    #[cfg(not(target_feature = "sse2"))]
    return escape_bits(lo) | escape_bits(hi);
}

/// The SSE2 test of [`escape_lanes`]. A control byte is one that `min(byte, 0x1f)` leaves as it is (an unsigned
/// minimum: SSE2 has no unsigned compare); `"` and `\\` are compared for.
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn sse2_escape_lanes(v: safe_arch::m128i) -> safe_arch::m128i {
    use safe_arch::*;
    let splat = |c: u8| set_splat_i8_m128i(c as i8);
    let control = cmp_eq_mask_i8_m128i(min_u8_m128i(v, splat(0x1f)), v);
    let quote = cmp_eq_mask_i8_m128i(v, splat(b'"'));
    let backslash = cmp_eq_mask_i8_m128i(v, splat(b'\\'));
    control | quote | backslash
}

/// Whether [`Lanes`] (of one or more tests `|` together) found a byte to escape.
#[inline(always)]
fn any_escape(l: Lanes) -> bool {
    #[cfg(target_feature = "sse2")]
    return safe_arch::move_mask_i8_m128i(l) != 0;
    #[cfg(not(target_feature = "sse2"))]
    return l != 0;
}

/// The bytes that a JSON string escapes: control bytes, `"` and `\\`.
static ESCAPE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = c < 0x20 || c == b'"' as usize || c == b'\\' as usize;
        c += 1;
    }
    t
};

/// Whether the bytes `x`, `y` and `z` are free of bytes that a JSON string escapes (one table look-up each:
/// cheaper than a word test for the strings of one to three bytes, such as ids, nationalities and "he").
#[inline(always)]
fn clean3(x: u8, y: u8, z: u8) -> bool {
    !(ESCAPE[x as usize] | ESCAPE[y as usize] | ESCAPE[z as usize])
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters
/// as `\u00XX` (lowercase hex); everything else as is.
///
/// The writer's path for the strings that [`str_at`] and [`copy_clean`] do not take: those that need escapes
/// and those too long for the buffer. So no short fast path here: a short string that comes here needs escapes.
#[inline(always)]
fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    let n = b.len();
    out.reserve(n + 2);
    out.push(b'"');
    if needs_escape(b) {
        escaped(out, b);
    } else {
        out.extend_from_slice(b);
    }
    out.push(b'"');
}

/// The bytes of a string that needs escapes (the slow path: rare, except for a whole body of several lines).
/// Clean runs are skipped eight bytes at a time and copied whole.
#[cold]
fn escaped(out: &mut Vec<u8>, b: &[u8]) {
    let mut run = 0;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if let Some(w) = b.get(i..i + 8)
            && escape_bits(u64::from_le_bytes(w.try_into().expect("eight bytes"))) == 0
        {
            i += 8;
            continue;
        }
        i += 1;
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                &[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 0xf) as usize],
                ]
            }
            _ => continue,
        };
        out.extend_from_slice(&b[run..i - 1]);
        out.extend_from_slice(esc);
        run = i;
    }
    out.extend_from_slice(&b[run..]);
}

#[cfg(test)]
mod tests {
    use super::{
        CAP, MATCH_HEAD, MATCH_TAIL, MAX_ROOM, NUM, PLAYER, STR, Writer, any_escape, decimal,
        escape_bits, escape_lanes, escape_lanes_words, match_, match_head, match_tail,
        needs_escape, player_fields, player_head, players, str_at, str_then_at, string,
    };
    use crate::Extractor;

    /// What `write` writes after `fill` bytes already in the writer's buffer (spaces, checked to come out
    /// first and unchanged): for the room checks at every fill level, up to the buffer's edge.
    fn after_fill(fill: usize, write: impl FnOnce(&mut Writer)) -> String {
        let mut out = Vec::new();
        let mut buf = [0; CAP];
        let mut w = Writer::new(&mut out, &mut buf);
        for _ in 0..fill {
            w.lit(b" ");
        }
        write(&mut w);
        w.flush();
        assert_eq!(&out[..fill], " ".repeat(fill).as_bytes());
        String::from_utf8(out[fill..].to_vec()).unwrap()
    }

    #[test]
    fn numbers_as_format_writes_them() {
        let mut n = 0u64;
        let mut all = Vec::new();
        while n < 200_000 {
            all.push(n);
            // Every number of the table below 10,000, then a sample.
            n += if n <= 10_000 { 1 } else { 1 + n / 50 };
        }
        all.extend([
            999,
            1000,
            9999,
            10_000,
            99_999,
            100_000,
            u32::MAX as u64,
            u64::MAX,
        ]);
        for n in all {
            let mut out = b"x".to_vec();
            let mut buf = [0; CAP];
            let mut w = Writer::new(&mut out, &mut buf);
            w.room(NUM);
            w.put_num(n);
            w.lit(b",");
            w.flush();
            assert_eq!(out, format!("x{n},").into_bytes());
            assert_eq!(decimal(n, &mut [0; 20]), n.to_string());
        }
    }

    #[test]
    fn copy_clean_copies_and_tests_as_needs_escape() {
        let mut cases: Vec<Vec<u8>> = Vec::new();
        for len in 16..=80 {
            for pos in 0..len {
                for c in [
                    0u8, 0x1f, b'"', b'\\', 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xff,
                ] {
                    let mut v: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
                    v[pos] = c;
                    cases.push(v);
                }
            }
        }
        let pieces = [
            "a", "Federer", " ", "\"", "\\", "\n", "\t", "\u{1}", "é", "\u{2019}", "6-4", ".",
        ];
        for t in crate::recognise::random_texts(&pieces, 200, 24, 0x2545_f491_4f6c_dd1d) {
            for k in [16, 17, 31, 48] {
                cases.extend(t.as_bytes().windows(k).step_by(5).map(<[u8]>::to_vec));
            }
        }
        for v in &cases {
            // Each byte of `dst` starts unlike the byte of `v` that may be copied over it.
            let mut dst: Vec<u8> = v.iter().map(|&c| !c).collect();
            let clean = super::copy_clean(&mut dst, v);
            assert_eq!(clean, !needs_escape(v), "{v:?}");
            // What the doc promises: the whole pieces of sixteen before the first that needs an escape are
            // copied, the rest is left; all of it when every whole piece is clean.
            let whole = v.len() / 16;
            let first_bad = (0..whole)
                .find(|&k| needs_escape(&v[16 * k..16 * k + 16]))
                .unwrap_or(whole);
            let mut want: Vec<u8> = v.iter().map(|&c| !c).collect();
            if first_bad == whole {
                want.copy_from_slice(v);
            } else {
                want[..16 * first_bad].copy_from_slice(&v[..16 * first_bad]);
            }
            assert_eq!(dst, want, "{v:?}");
            if clean {
                assert_eq!(&dst, v);
            }
        }
    }

    #[test]
    fn escape_test_is_exact() {
        let bad = |c: u8| c < 0x20 || c == b'"' || c == b'\\';
        for len in 0..=24 {
            for pos in 0..len {
                for c in 0..=255u8 {
                    for fill in [b'a', 0x1f, 0x21, 0x5b, 0x5d, 0x80, 0xff] {
                        let mut v = vec![fill; len];
                        v[pos] = c;
                        let want = v.iter().any(|&b| bad(b));
                        assert_eq!(needs_escape(&v), want, "{v:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn escape_lanes_test_as_escape_bits() {
        // Every byte value at every position of sixteen, among fills of clean and escaped bytes: the vector
        // test says what the two `escape_bits` words it replaced say, and what the byte-wise definition says.
        let bad = |c: u8| c < 0x20 || c == b'"' || c == b'\\';
        for pos in 0..16 {
            for c in 0..=255u8 {
                for fill in [b'a', 0x1f, 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xa0, 0xff] {
                    let mut h = [fill; 16];
                    h[pos] = c;
                    let word = |i: usize| u64::from_le_bytes(h[i..i + 8].try_into().unwrap());
                    let words = escape_bits(word(0)) | escape_bits(word(8)) != 0;
                    assert_eq!(any_escape(escape_lanes(&h)), words, "{h:?}");
                    assert_eq!(any_escape(escape_lanes_words(word(0), word(8))), words);
                    assert_eq!(words, h.iter().any(|&b| bad(b)), "{h:?}");
                }
            }
        }
        // Two lanes `|` together, as `str_at` and `copy_clean` test them.
        for c in 0..=255u8 {
            let clean = [b'x'; 16];
            let mut h = clean;
            h[7] = c;
            assert_eq!(
                any_escape(escape_lanes(&clean) | escape_lanes(&h)),
                bad(c),
                "{c}"
            );
            assert_eq!(any_escape(escape_lanes(&h) | escape_lanes(&clean)), bad(c));
        }
    }

    #[test]
    fn short_strings_in_the_buffer_as_serde_json_writes_them() {
        // Strings of 1 to 32 bytes with every ASCII byte at every position: through `string`, and through
        // `str_at` (its byte, word and vector tests) and `str_then_at` (with the brace after the quote).
        for n in 1..=32 {
            for pos in 0..n {
                for c in 0..0x80u8 {
                    let mut v = vec![b'q'; n];
                    v[pos] = c;
                    let s = String::from_utf8(v).unwrap();
                    let mut buf = [0; CAP];
                    let want = serde_json::to_string(&s).unwrap();
                    let mut out = b"x".to_vec();
                    string(&mut out, &s);
                    assert_eq!(&out[1..], want.as_bytes(), "{s:?}");
                    match str_at(&mut buf, 3, &s) {
                        Some(end) => assert_eq!(&buf[3..end], want.as_bytes()),
                        None => assert!(needs_escape(s.as_bytes()), "{s:?}"),
                    }
                    assert_eq!(str_at(&mut buf, 3, &s).is_none(), want.len() != n + 2);
                    if let Some(end) = str_then_at(&mut buf, 3, &s, b"\"}") {
                        assert_eq!(&buf[3..end], format!("{want}}}").as_bytes());
                    }
                }
            }
        }
    }

    #[test]
    fn player_head_writes_as_the_general_path() {
        // Ids, names and nationalities of every length from 0 to 40 (the fast path takes up to 32), clean or
        // with an escape at the start or end; ages absent, short, at the table's edge and beyond it.
        let mut strs: Vec<String> = Vec::new();
        for n in 0..=40 {
            let clean: String = (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            strs.push(clean.clone());
            if n > 0 {
                for (at, c) in [(0, '"'), (n - 1, '\\'), (n / 2, '\n')] {
                    let mut v = clean.clone().into_bytes();
                    v[at] = c as u8;
                    strs.push(String::from_utf8(v).unwrap());
                }
            }
        }
        strs.push("Aryna Sabalenka".into());
        strs.push("Jiří Lehečka".into());
        let ages = [
            None,
            Some(0),
            Some(9),
            Some(42),
            Some(999),
            Some(9999),
            Some(10_000),
            Some(u32::MAX),
        ];
        let mut cases = Vec::new();
        for (i, id) in strs.iter().enumerate() {
            let name = &strs[(i * 7 + 3) % strs.len()];
            let nat = (i % 3 != 0).then(|| strs[(i * 13 + 5) % strs.len()].as_str().into());
            cases.push(crate::model::Player {
                id: id.as_str().into(),
                name: name.as_str().into(),
                nationality: nat,
                age: ages[i % ages.len()],
                mentions: Vec::new(),
            });
            // Each string in each field, the others short and clean.
            let clean = |s: &str| crate::model::Text::from(s);
            let age = ages[(i + 3) % ages.len()];
            for (id, name, nat) in [
                (id.as_str(), "Andy Murray", Some("GBR")),
                ("p12", id.as_str(), None),
                ("p3", "Iga Swiatek", Some(id.as_str())),
            ] {
                cases.push(crate::model::Player {
                    id: clean(id),
                    name: clean(name),
                    nationality: nat.map(clean),
                    age,
                    mentions: Vec::new(),
                });
            }
        }
        let mut taken = [0; 2];
        for p in &cases {
            let short_clean = |s: &str| s.len() <= 32 && !needs_escape(s.as_bytes());
            let fast = short_clean(&p.id)
                && short_clean(&p.name)
                && p.nationality.as_deref().is_none_or(short_clean);
            for lead in [b"[{\"id\":", b",{\"id\":"] {
                // The general path, which `player_head` replaced.
                let mut want = Vec::new();
                let mut buf = [0; CAP];
                let mut w = Writer::new(&mut want, &mut buf);
                w.room(PLAYER);
                player_fields(&mut w, p, lead[0]);
                w.flush();
                let mut buf = [0; CAP];
                match player_head(&mut buf, 5, p, lead) {
                    Some(end) => {
                        taken[1] += 1;
                        assert!(fast, "{p:?}");
                        assert_eq!(&buf[5..end], &want[..], "{p:?}");
                        assert!(end - 5 <= PLAYER);
                    }
                    None => {
                        taken[0] += 1;
                        assert!(!fast, "{p:?}");
                    }
                }
            }
        }
        // Both paths taken, many times.
        assert!(taken[0] > 50 && taken[1] > 50, "{taken:?}");
        // The whole array as serde_json writes it, after other bytes that fill the buffer to every level
        // around a flush.
        let mut ps: Vec<crate::model::Player> = cases.clone();
        for (i, p) in ps.iter_mut().enumerate() {
            p.mentions = (0..i % 3)
                .map(|k| crate::model::Evidence {
                    start: k * 1000 + i,
                    end: k * 1000 + i + 3,
                    text: "abc".into(),
                })
                .collect();
        }
        for take in [0, 1, 2, 5, ps.len()] {
            for fill in (0..CAP)
                .step_by(37)
                .chain(CAP - PLAYER - 3..CAP - PLAYER + 3)
            {
                let got = after_fill(fill, |w| players(w, &ps[..take]));
                assert_eq!(got, serde_json::to_string(&ps[..take]).unwrap());
            }
        }
    }

    #[test]
    fn matches_as_serde_json_writes_them() {
        use crate::model::{
            Evidence, Match, Outcome, PlayerRef, Score, SetScore, Side, Text, Tournament,
        };
        // Strings of every length from 0 to 40 (the windows take up to 32), clean or with an escape.
        let mut strs: Vec<String> = Vec::new();
        for n in 0..=40 {
            let clean: String = (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            strs.push(clean.clone());
            if n > 0 && n % 3 == 0 {
                let mut v = clean.into_bytes();
                v[n / 2] = if n % 2 == 0 { b'"' } else { b'\n' };
                strs.push(String::from_utf8(v).unwrap());
            }
        }
        strs.push("Jiří Lehečka".into());
        let pick = |i: usize| Text::from(strs[i % strs.len()].as_str());
        let short = |i: usize| Text::from(["p1", "p12", "Andy Murray", "QF", "6-4 6-4"][i % 5]);
        let pref = |id: Text, name: Text| PlayerRef { id, name };
        let sets = |i: usize| -> Vec<SetScore> {
            let games = [0, 1, 4, 6, 7, 9, 10, 12, 99, 10_000, u32::MAX];
            (0..i % 4)
                .map(|k| SetScore {
                    winner: games[(i + k) % games.len()],
                    loser: games[(i * 3 + k) % games.len()],
                    tiebreak_winner: (i % 5 == 1).then_some(games[(i + 2 * k) % games.len()]),
                    tiebreak_loser: (i % 7 == 2).then_some(games[(i + 5 * k) % games.len()]),
                    match_tiebreak: i % 6 == 3 && k == 0,
                })
                .collect()
        };
        let outcomes = [
            Outcome::Completed,
            Outcome::Retired,
            Outcome::Walkover,
            Outcome::Defaulted,
        ];
        let mut ms = Vec::new();
        for i in 0..8 * strs.len() {
            // Each field in turn takes the test string, the others short and clean.
            let f = i % 8;
            let s = |field: usize| if f == field { pick(i / 8) } else { short(i) };
            let winner = if i % 11 == 5 {
                Side::Pair(vec![pref(s(0), s(1)), pref(short(i + 1), short(i + 2))])
            } else {
                Side::Single(pref(s(0), s(1)))
            };
            ms.push(Match {
                winner,
                loser: Side::Single(pref(s(2), s(3))),
                score: (i % 9 != 4).then(|| Score {
                    text: s(4),
                    sets: sets(i),
                }),
                outcome: outcomes[i % 4],
                round: (i % 3 != 1).then(|| s(5)),
                tournament: (i % 5 != 2).then(|| Tournament { name: s(6) }),
                doubles: i % 2 == 1,
                evidence: Evidence {
                    start: i,
                    end: i * 37,
                    text: s(7),
                },
                rule: short(i + 3),
            });
        }
        // The windows and the general paths both taken, many times, and the windows' bytes those of the
        // whole array's.
        let mut taken = [[0; 2]; 2];
        for m in &ms {
            let mut buf = [0; CAP];
            let head = match_head(&mut buf, 5, m, b'[');
            taken[0][usize::from(head.is_some())] += 1;
            if let Some(end) = head {
                assert!(end - 5 <= MATCH_HEAD);
            }
            let tail = match_tail(&mut buf, 5, m);
            taken[1][usize::from(tail.is_some())] += 1;
            if let Some(end) = tail {
                assert!(end - 5 <= MATCH_TAIL);
            }
        }
        assert!(taken.iter().flatten().all(|&n| n > 15), "{taken:?}");
        for take in [0, 1, 2, 7, ms.len()] {
            for fill in (0..CAP)
                .step_by(41)
                .chain(CAP - MATCH_HEAD - 3..CAP - MATCH_HEAD + 3)
            {
                let got = after_fill(fill, |w| super::records(w, &ms[..take], match_));
                assert_eq!(got, serde_json::to_string(&ms[..take]).unwrap());
            }
        }
    }

    #[test]
    fn rankings_and_seeds_as_serde_json_write_them() {
        use crate::model::{Evidence, PlayerRef, Ranking, RankingKind, Seed, Text};
        // Ids and names of every length from 0 to 40 (the window takes up to 32), clean or with an escape;
        // every kind; numbers short, at the table's edge and beyond it.
        let mut strs: Vec<String> = Vec::new();
        for n in 0..=40 {
            let clean: String = (0..n).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            strs.push(clean.clone());
            if n > 0 {
                let mut v = clean.into_bytes();
                v[n / 2] = if n % 2 == 0 { b'\\' } else { b'\t' };
                strs.push(String::from_utf8(v).unwrap());
            }
        }
        let kinds = [
            RankingKind::Current,
            RankingKind::Previous,
            RankingKind::CareerHigh,
            RankingKind::Projected,
            RankingKind::National,
        ];
        let numbers = [0, 1, 9, 10, 123, 9999, 10_000, u32::MAX];
        let (mut rankings, mut seeds) = (Vec::new(), Vec::new());
        for i in 0..2 * strs.len() {
            let s = &strs[i / 2];
            let (id, name) = if i % 2 == 0 {
                (s.as_str(), "Iga Swiatek")
            } else {
                ("p7", s.as_str())
            };
            let player = PlayerRef {
                id: Text::from(id),
                name: Text::from(name),
            };
            let evidence = Evidence {
                start: i,
                end: i + 9,
                text: Text::from("world number one"),
            };
            rankings.push(Ranking {
                player: player.clone(),
                rank: numbers[i % numbers.len()],
                kind: kinds[i % kinds.len()],
                evidence: evidence.clone(),
                rule: Text::from("rank-after-name"),
            });
            seeds.push(Seed {
                player,
                seed: numbers[(i + 3) % numbers.len()],
                evidence,
                rule: Text::from("seed-in-parens"),
            });
        }
        for take in [0, 1, 2, rankings.len()] {
            for fill in (0..CAP).step_by(43).chain(CAP - 200..CAP - 190) {
                let got = after_fill(fill, |w| {
                    super::records(w, &rankings[..take], super::ranking);
                    w.lit(b"|");
                    super::records(w, &seeds[..take], super::seed);
                });
                let want = format!(
                    "{}|{}",
                    serde_json::to_string(&rankings[..take]).unwrap(),
                    serde_json::to_string(&seeds[..take]).unwrap()
                );
                assert_eq!(got, want);
            }
        }
    }

    #[test]
    fn evidence_offsets_as_serde_json_writes_them() {
        // Pairs of offsets on both sides of the table's edge, and pairs below it whose `|` is not (8192 and
        // 1808): through the mentions' loop, against serde_json.
        let offsets = [
            0,
            9,
            10,
            999,
            1000,
            1808,
            8192,
            9999,
            10_000,
            123_456,
            usize::MAX,
        ];
        let mut es = Vec::new();
        for &start in &offsets {
            for &end in &offsets {
                es.push(crate::model::Evidence {
                    start,
                    end,
                    text: "Sinner".into(),
                });
            }
        }
        let mut out = Vec::new();
        let mut buf = [0; CAP];
        let mut w = Writer::new(&mut out, &mut buf);
        super::mentions(&mut w, &es);
        w.flush();
        let want = serde_json::to_string(&es).unwrap() + "}";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn strings_as_serde_json_writes_them() {
        let mut cases: Vec<String> = vec![
            String::new(),
            "plain".into(),
            "a\"b".into(),
            "line one\nline two\r\n\ttab \\ back \u{8}\u{c}\u{0}\u{1f}\u{7f}é\"".into(),
        ];
        for c in 0..0x80u8 {
            cases.push(format!(
                "{}{}{}",
                "x".repeat(c as usize % 23),
                c as char,
                &"0123456789"[c as usize % 10..]
            ));
            cases.push(format!("{}{}", "y".repeat(c as usize % 7), c as char));
        }
        // Long ones, clean or with escapes at the start, middle or end, around the size of the writer's
        // buffer and beyond.
        for n in [
            33, 100, 511, 512, 513, 1000, 1025, 1391, 1392, 1393, 1536, 1537, 3000,
        ] {
            let clean = "é".repeat(n / 2) + &"x".repeat(n % 2);
            cases.push(clean.clone());
            for at in [0, n / 2, n - 1] {
                let mut v = clean.clone().into_bytes();
                // (Byte `at` and its neighbour in the same character replaced: still UTF-8.)
                if at % 2 == 0 {
                    v[at] = b'\n';
                    if at + 1 < v.len() && v[at + 1] & 0xc0 == 0x80 {
                        v[at + 1] = b'\\';
                    }
                } else {
                    v[at - 1] = b'a';
                    v[at] = b'"';
                }
                cases.push(String::from_utf8(v).unwrap());
            }
        }
        for s in &cases {
            let mut out = Vec::new();
            string(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
            // Through the buffered writer, after some bytes in the buffer.
            let mut out = Vec::new();
            let mut buf = [0; CAP];
            let mut w = Writer::new(&mut out, &mut buf);
            w.lit(b"[");
            w.str(s);
            w.room(1 + STR + 1);
            w.put(b",");
            w.put_str(s);
            w.put(b"]");
            w.flush();
            let want = serde_json::to_string(s).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("[{want},{want}]"));
        }
    }

    /// `long_str` writes the string as `string` does and then `}` (when `BRACE`), at every fill level of the
    /// buffer (its own path, or a flush first), for clean strings and strings with escapes, and leaves
    /// `MAX_ROOM` bytes of room.
    #[test]
    fn long_str_writes_as_string_then_brace() {
        let mut cases: Vec<String> = Vec::new();
        for n in [
            0, 3, 15, 16, 17, 31, 32, 33, 47, 48, 100, 700, 1391, 1392, 1393, 2000,
        ] {
            let clean = "ab".repeat(n / 2) + &"c".repeat(n % 2);
            cases.push(clean.clone());
            if n > 0 {
                for at in [0, n / 2, n - 1] {
                    let mut v = clean.clone().into_bytes();
                    v[at] = if at % 2 == 0 { b'"' } else { b'\n' };
                    cases.push(String::from_utf8(v).unwrap());
                }
            }
        }
        for s in &cases {
            let want = serde_json::to_string(s).unwrap();
            for fill in (0..=CAP - MAX_ROOM).step_by(37).chain([CAP - MAX_ROOM]) {
                let got = after_fill(fill, |w| {
                    w.long_str::<true>(s);
                    assert!(w.len + MAX_ROOM <= CAP);
                });
                assert_eq!(got, format!("{want}}}"), "{s:?} after {fill}");
                let got = after_fill(fill, |w| {
                    w.long_str::<false>(s);
                    assert!(w.len + MAX_ROOM <= CAP);
                });
                assert_eq!(got, want, "{s:?} after {fill}");
            }
        }
    }

    #[test]
    fn same_bytes_as_serde_json() {
        let ex = Extractor::new();
        let mut texts: Vec<String> = Vec::new();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for sub in std::fs::read_dir(&dir).unwrap() {
            let sub = sub.unwrap().path();
            if sub.is_dir() {
                for f in std::fs::read_dir(sub).unwrap() {
                    texts.push(std::fs::read_to_string(f.unwrap().path()).unwrap());
                }
            }
        }
        texts.push(
            "Roger \"Fed\" Federer\\ beat\tAndy\u{1}Murray 6-4 6-4 in the final.\n\u{7f}é".into(),
        );
        texts.push(
            "Rafael Nadal beat Novak Djokovic 7-6 (7-4) 6-7 (3-7) 7-6 [10-8] in Rome.".into(),
        );
        // Articles without records, one with no text at all.
        texts.push("The weather was fine on day 1.".into());
        texts.push(
            "Arsenal beat Chelsea 2-1 in the Premier League; the striker scored twice.".into(),
        );
        texts.push(String::new());
        assert!(texts.len() > 30);
        for (i, t) in texts.iter().enumerate() {
            let mut a = ex.extract(t);
            if i % 2 == 1 {
                // Long fields before the records, with escapes.
                a.source = Some(format!("{}\"{}", "s".repeat(120), i));
                a.headline = Some(format!("{}\n{}", "h".repeat(200), "é".repeat(40)));
            }
            a.published = Some("2025-01-0\"2".into());
            a.warnings.push("w\u{1f}".into());
            // A long warning with escapes, and a long evidence text with escapes (not the text's, but
            // output copies it as it is).
            a.warnings
                .push(format!("{}\"{}\n", "long ".repeat(300), "é".repeat(700)));
            if let Some(e) = a.players.first_mut().and_then(|p| p.mentions.first_mut()) {
                e.text = format!("{}\\{}", "x".repeat(1500), e.text).into();
            }
            let mut ours = Vec::new();
            a.write_json(None, &mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&a).unwrap()
            );
            let mut with_text = Vec::new();
            a.write_json(Some(t), &mut with_text);
            let mut v = serde_json::to_value(&a).unwrap();
            v["text"] = serde_json::Value::String(t.clone());
            assert_eq!(
                serde_json::from_slice::<serde_json::Value>(&with_text).unwrap(),
                v
            );
        }
    }
}
