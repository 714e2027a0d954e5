//! Resolve stage: coreference, who won, and the only place that builds records.
//!
//! Sentence by sentence, in text order: references are resolved to players (names, surnames, pronouns,
//! demonyms, descriptors), then the result cues of the sentence are turned into matches. Rankings and seeds are
//! attached to players once every reference is known.

/// The name of a rule as the [`Text`](crate::model::Text) of its records, made at compile time: each record
/// takes a copy (24 bytes, after a test that it is not on the heap) instead of a `Text` built from a `&str` at
/// run time, which branches on the length (the names have several lengths: that branch was often mispredicted)
/// before it writes the bytes. Every name is at most 24 bytes, so the constant is inline: a copy allocates
/// nothing.
macro_rules! rule {
    ($name:literal) => {{
        const RULE: $crate::resolve::Rule = &$crate::model::Text::const_new($name);
        RULE
    }};
}

/// A rule's name, made by [`rule!`].
pub(crate) type Rule = &'static crate::model::Text;

mod matches;
mod players;

use crate::input::Document;
use crate::model::{Article, Evidence, Player, PlayerRef, Ranking, SCHEMA_VERSION, Seed};
use crate::normalise::Normalised;
use crate::recognise::{
    Keywords, PlayerSide, Span, descriptor, names, ranking, recycle, result, round, score, seed,
    sport, tournament,
};
use crate::segment::{self, Sentence};
/// The role words of the player resolver, for the keyword scan's table (see `recognise::Keywords::roles`).
pub(crate) use players::ROLES;
use players::{Entity, Ref, RefKind};

/// Everything the recognisers found in one article, over its normalised text.
#[derive(Default)]
pub(crate) struct Mentions {
    pub scores: Vec<score::ScoreMention>,
    pub cues: Vec<result::Cue>,
    pub rounds: Vec<round::RoundMention>,
    pub tournaments: Vec<tournament::TournamentMention>,
    pub ranks: Vec<ranking::RankMention>,
    pub seeds: Vec<seed::SeedMention>,
}

/// The state of one article's resolution that its steps hand on to each other (references, results, records):
/// kept in the article's buffers ([`Scratch`]) between the steps of a batch.
#[derive(Default)]
pub(crate) struct State {
    /// The keywords of the text, found once for every recogniser that starts from keywords.
    pub keywords: Keywords,
    pub sents: Vec<Sentence>,
    /// For each byte: inside double quotes (reported speech)?  Stored as sorted quote ranges.
    pub quotes: Vec<Span>,
    pub entities: Vec<Entity>,
    pub refs: Vec<Ref>,
    pub m: Mentions,
    /// Seeds and world ranks told next to a name, by entity: they identify "the third seed" elsewhere.
    pub known_seed: Known,
    pub known_rank: Known,
    pub known_national: Known,
    /// The entities holding each known seed and world rank (inverse of `known_seed`, `known_rank`).
    pub seed_holders: Holders,
    pub rank_holders: Holders,
    /// Every name reference of the article, sorted: lets coreference look ahead for appositions.
    pub refs_ahead: Vec<Ref>,
}

/// What the resolution steps of one article work on: its text and the [`State`] in its buffers, borrowed for
/// one step (not moved out and back: no copy of the state). It reads as the state (`ctx.refs`); where a step
/// holds one part of the state while it changes another, it names both through `ctx.st`, whose fields the
/// borrow checker keeps apart.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub norm: &'a Normalised,
    st: &'a mut State,
}

impl std::ops::Deref for Ctx<'_> {
    type Target = State;
    fn deref(&self) -> &State {
        self.st
    }
}

impl std::ops::DerefMut for Ctx<'_> {
    fn deref_mut(&mut self) -> &mut State {
        self.st
    }
}

impl<'a> Ctx<'a> {
    /// An article's resolution state `st` over `norm` (both in the article's buffers), for one step.
    fn over(norm: &'a Normalised, st: &'a mut State) -> Self {
        Ctx {
            text: &norm.text,
            norm,
            st,
        }
    }
}

impl State {
    /// Empties every buffer but those of the first stage (the keywords and the scores: see
    /// [`Scratch::recycle`]) for the next article.
    fn recycle(&mut self) {
        recycle(&mut self.sents);
        recycle(&mut self.quotes);
        recycle(&mut self.entities);
        recycle(&mut self.refs);
        let m = &mut self.m;
        recycle(&mut m.cues);
        recycle(&mut m.rounds);
        recycle(&mut m.tournaments);
        recycle(&mut m.ranks);
        recycle(&mut m.seeds);
        for k in [
            &mut self.known_seed,
            &mut self.known_rank,
            &mut self.known_national,
        ] {
            recycle(&mut k.0);
        }
        recycle(&mut self.seed_holders.0);
        recycle(&mut self.rank_holders.0);
        recycle(&mut self.refs_ahead);
    }
}

/// A number (seed or rank) by entity: a map kept as a vector sorted by entity (an article knows a few), iterated
/// in entity order.
#[derive(Default)]
pub(crate) struct Known(Vec<(usize, u32)>);

/// The place of an entity in a [`Known`], for [`KnownEntry::or_insert`].
pub(crate) struct KnownEntry<'a> {
    known: &'a mut Known,
    e: usize,
}

impl Known {
    pub fn get(&self, e: &usize) -> Option<&u32> {
        let i = self.0.binary_search_by_key(e, |p| p.0).ok()?;
        Some(&self.0[i].1)
    }

    pub fn entry(&mut self, e: usize) -> KnownEntry<'_> {
        KnownEntry { known: self, e }
    }

    /// The entities and their numbers, by entity.
    pub fn iter(&self) -> impl Iterator<Item = (&usize, &u32)> {
        self.0.iter().map(|(e, n)| (e, n))
    }
}

impl<'a> KnownEntry<'a> {
    /// The entity's number, `n` when it had none.
    pub fn or_insert(self, n: u32) -> &'a mut u32 {
        let v = &mut self.known.0;
        let i = match v.binary_search_by_key(&self.e, |p| p.0) {
            Ok(i) => i,
            Err(i) => {
                v.insert(i, (self.e, n));
                i
            }
        };
        &mut v[i].1
    }
}

/// The entities holding each number of a [`Known`]: (number, entity) pairs sorted by number, then entity.
#[derive(Default)]
pub(crate) struct Holders(Vec<(u32, usize)>);

/// The holders of one number, by entity.
pub(crate) struct HoldersOf<'a>(&'a [(u32, usize)]);

impl HoldersOf<'_> {
    pub fn iter(&self) -> impl Iterator<Item = &usize> {
        self.0.iter().map(|p| &p.1)
    }
}

impl Holders {
    /// Fills with the inverse of `known` (cleared first).
    fn fill(&mut self, known: &Known) {
        self.0.clear();
        self.0.extend(known.0.iter().map(|&(e, n)| (n, e)));
        self.0.sort_unstable();
    }

    /// The holders of `n`, if any.
    pub fn get(&self, n: &u32) -> Option<HoldersOf<'_>> {
        let a = self.0.partition_point(|p| p.0 < *n);
        let b = a + self.0[a..].partition_point(|p| p.0 == *n);
        (a < b).then(|| HoldersOf(&self.0[a..b]))
    }
}

impl Ctx<'_> {
    pub fn in_quote(&self, pos: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= pos);
        self.quotes
            .get(i)
            .is_some_and(|q| q.start <= pos && pos < q.end)
    }

    /// The evidence of normalised span `span`: its source span, with its text in `source` (inlined: a ranking's
    /// or a seed's evidence is made in place).
    #[inline(always)]
    pub fn evidence(&self, span: Span, source: &str) -> Evidence {
        let (s, e) = self.norm.source_span(span.start, span.end);
        span_evidence(source, s, e)
    }

    pub fn sentence_of(&self, pos: usize) -> usize {
        players::sentence_of(&self.sents, pos)
    }

    /// The resolved references of sentence `si` (references are kept in text order).
    pub fn sentence_refs(&self, si: usize) -> &[Ref] {
        sentence_refs(&self.refs, si)
    }
}

/// The references of sentence `si` among `refs` (sorted by sentence): found by one binary search for the
/// first, then a forward step over the few of that sentence (no second binary search for the end).
#[inline]
fn sentence_refs(refs: &[Ref], si: usize) -> &[Ref] {
    let a = refs.partition_point(|r| r.sent < si);
    let n = refs[a..].iter().take_while(|r| r.sent == si).count();
    &refs[a..a + n]
}

/// "In Buenos Aires, ...", "at Indian Wells": a capitalised name after "in"/"at" is a place, not a person
/// (unless possessive: "in Federer's absence").
fn place_context(text: &str, span: Span) -> bool {
    let b = text.as_bytes();
    // Most names: one space or none before them, and no "in" or "at" (in any case of its first letter) right
    // before that. Told by selects and one branch (not a loop and a branch per byte: they are mispredicted
    // often); other names go on below.
    if let Some(&[x1, x2, x3]) = b.get(span.start.wrapping_sub(3)..span.start) {
        let one_space = x3 == b' ' && x2 != b' ';
        let last_two = std::hint::select_unpredictable(one_space, [x1, x2], [x2, x3]);
        let last_two = u16::from_le_bytes(last_two) | 0x20;
        if (one_space || x3 != b' ')
            && last_two != u16::from_le_bytes(*b"in")
            && last_two != u16::from_le_bytes(*b"at")
        {
            return false;
        }
    }
    // `text[..span.start].trim_end_matches(' ')` on bytes.
    let mut end = span.start;
    while end > 0 && b[end - 1] == b' ' {
        end -= 1;
    }
    let before = &b[..end];
    // Every preposition below ends "in", "In", "at" or "At": most names fail this first test.
    if !matches!(before, [.., b'i' | b'I', b'n'] | [.., b'a' | b'A', b't']) {
        return false;
    }
    let prep = before.ends_with(b" in")
        || before.ends_with(b" at")
        || before == b"In"
        || before == b"At"
        || before.ends_with(b"\nIn")
        || before.ends_with(b"\nAt")
        || before.ends_with(b". In")
        || before.ends_with(b". At");
    prep && !b[span.end..].starts_with(b"'s")
}

/// Quote ranges: from an opening double quote (after a space or at a line start, before a word) to the next
/// closing one, or to the end of the paragraph. Written into `out` (cleared first). (The stage runs the walk
/// along the sentence walk; this is its form alone.)
#[cfg(test)]
fn quote_ranges(text: &str, out: &mut Vec<Span>) {
    let mut quotes = QuoteWalk::new(text, out);
    segment::sentences_into(text, &mut Vec::new(), |i, lines| quotes.at(i, lines));
    quotes.finish();
}

/// The walk that finds the quote ranges ([`quote_ranges`]), given the quotes of the text in order
/// ([`QuoteWalk::at`]) and then told the text is done ([`QuoteWalk::finish`]).
///
/// Only the quotes are walked, taken from the sentence walk's 64-byte masks ([`segment::sentences_into`]): a
/// line feed matters only while a quote is open, and then the first one between the open quote and the next
/// quote (or the end of the text) is found by a search of that span alone ([`first_line_feed`]), run only when
/// the count of line feeds that the sentence walk keeps has changed since the quote opened (most quotes close
/// in their paragraph: the search found nothing for 97 in 100 of them on BBC tennis). Line feeds
/// are many times as common as quotes in most texts (every paragraph has one or two), and a walk over both
/// took a bit of a mask per line feed and branches whose outcome was random (whether a block held one, whether
/// its mask was used up): about one mispredict per block.
struct QuoteWalk<'t> {
    bytes: &'t [u8],
    out: &'t mut Vec<Span>,
    /// Where the quote open now starts.
    open: Option<usize>,
    /// The number of line feeds before the quote open now.
    open_lines: usize,
}

impl<'t> QuoteWalk<'t> {
    /// A walk over `text`, its ranges written into `out` (cleared here).
    fn new(text: &'t str, out: &'t mut Vec<Span>) -> Self {
        out.clear();
        QuoteWalk {
            bytes: text.as_bytes(),
            out,
            open: None,
            open_lines: 0,
        }
    }

    /// The quote at `i`, after every quote before it; `lines` line feeds come before it.
    #[inline(always)]
    fn at(&mut self, i: usize, lines: usize) {
        let bytes = self.bytes;
        // The quote open since `s` ends at the first line feed after it, if one comes before this quote: then the
        // count of line feeds has grown since it opened.
        if let Some(s) = self.open
            && lines != self.open_lines
        {
            // (There is one: the count says so.)
            let n = first_line_feed(bytes, s + 1, i).unwrap_or(i);
            self.out.push(Span::new(s, n));
            self.open = None;
        }
        let prev_space = i == 0 || matches!(bytes[i - 1], b' ' | b'\n' | b'\t' | b'(' | b'[');
        let next_word = bytes
            .get(i + 1)
            .is_some_and(|&c| !matches!(c, b' ' | b'\n' | b'\t'));
        match self.open {
            None if prev_space && next_word => (self.open, self.open_lines) = (Some(i), lines),
            Some(s) if !(prev_space && next_word) => {
                self.out.push(Span::new(s, i + 1));
                self.open = None;
            }
            Some(s) => {
                // A new opening quote: the previous one ran to here.
                self.out.push(Span::new(s, i));
                (self.open, self.open_lines) = (Some(i), lines);
            }
            None => {}
        }
    }

    /// The end of the text: a quote still open runs to the end of its paragraph.
    fn finish(self) {
        let len = self.bytes.len();
        if let Some(s) = self.open {
            self.out.push(Span::new(
                s,
                first_line_feed(self.bytes, s + 1, len).unwrap_or(len),
            ));
        }
    }
}

/// The offset of the first line feed in `b[from..to]`, if any. A quote's span is some tens of bytes to a few
/// hundred: with SSE2 (every x86-64), 64 bytes at a time ([`crate::blocks::sse2_mask`]), the last window
/// ending at `to` (and overlapping the one before, its bits before `from` dropped), where a `memchr` call cost
/// some tens of instructions before it read a byte. Out of line: the quote walk calls it only for a quote that a
/// line feed ends (a few in a hundred) and at the end of the text.
#[inline(never)]
fn first_line_feed(b: &[u8], from: usize, to: usize) -> Option<usize> {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let bits = |w: &[u8]| {
            let w: &[u8; 64] = w.try_into().expect("64 bytes");
            crate::blocks::sse2_mask(w, |v| {
                cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b'\n' as i8))
            })
        };
        let mut at = from;
        while at + 64 <= to {
            let m = bits(&b[at..at + 64]);
            if m != 0 {
                return Some(at + m.trailing_zeros() as usize);
            }
            at += 64;
        }
        if at == to {
            return None;
        }
        if to >= 64 {
            // Bit `k` of the window is byte `to - 64 + k`: shifted by `at - (to - 64)` (1 to 63), bit `k` is
            // byte `at + k`.
            let m = bits(&b[to - 64..to]) >> (at + 64 - to);
            return (m != 0).then(|| at + m.trailing_zeros() as usize);
        }
        // A text shorter than a window.
        memchr::memchr(b'\n', &b[at..to]).map(|k| at + k)
    }
    #[cfg(not(target_feature = "sse2"))]
    memchr::memchr(b'\n', &b[from..to]).map(|k| from + k)
}

/// The buffers of one article's resolution that do not outlive it, kept per thread for the next article: once
/// they have grown to an article's size, its temporaries cost no allocation.
#[derive(Default)]
struct Scratch {
    cue_starts: Vec<usize>,
    found: Vec<matches::Found>,
    used: Vec<bool>,
    count: Vec<usize>,
    named: Vec<usize>,
    redo: Vec<usize>,
    order: Vec<usize>,
    shown: Vec<Shown>,
    first_at: Vec<usize>,
    spans: Vec<(usize, usize)>,
    matches: matches::Scratch,
    /// The normalised text and its offset map (its buffers reused: see [`Normalised::reusing`]).
    norm: Normalised,
    /// The article's sport, as the first stage tells it.
    sport: Option<&'static str>,
    names: Vec<names::NameMention>,
    descs: Vec<descriptor::Descriptor>,
    ranks: Vec<RankRow>,
    seeds: Vec<SeedRow>,
    /// Each name's entity.
    link: Vec<Option<usize>>,
    /// What the resolution steps hand on to each other.
    st: State,
}

thread_local! {
    /// The thread's buffers: one [`Scratch`] per article of a batch (one for a single article).
    static SCRATCH: std::cell::RefCell<Vec<Scratch>> = std::cell::RefCell::default();
}

impl Scratch {
    /// Empties every buffer for the next article.
    fn recycle(&mut self) {
        // The first stage's buffers (the text and its map, their buffers kept but freed when big; the keywords;
        // the scores): every article fills them.
        self.norm.clear();
        self.st.keywords.recycle();
        recycle(&mut self.st.m.scores);
        // The others only a tennis article's stages and resolution fill (`records` reads no more of another
        // sport's): an article of another sport, or one whose first stage did not end, left them empty.
        if self.sport.take() != Some("tennis") {
            debug_assert!(
                self.names.is_empty() && self.cue_starts.is_empty() && self.found.is_empty()
            );
            return;
        }
        recycle(&mut self.cue_starts);
        recycle(&mut self.found);
        recycle(&mut self.used);
        recycle(&mut self.count);
        recycle(&mut self.named);
        recycle(&mut self.redo);
        recycle(&mut self.order);
        recycle(&mut self.shown);
        recycle(&mut self.first_at);
        recycle(&mut self.spans);
        self.matches.recycle();
        self.st.recycle();
        recycle(&mut self.names);
        recycle(&mut self.descs);
        recycle(&mut self.ranks);
        recycle(&mut self.seeds);
        recycle(&mut self.link);
    }
}

/// A player's id number (`p1` is 1; 0 for an entity that is no player) and where its display name is: in the
/// source text or (`norm`) in the normalised text.
#[derive(Clone, Copy, Default)]
struct Shown {
    id: usize,
    norm: bool,
    start: usize,
    end: usize,
}

/// The player records' references by entity, for the records that name players.
pub(crate) struct PlayerRefs<'a> {
    /// By entity: `id` the number of its player record (0 when it has none).
    shown: &'a [Shown],
    /// The player records (their mentions not yet made): record `id` at `id - 1`.
    players: &'a [Player],
}

impl PlayerRefs<'_> {
    /// Whether every one of entities `v` has a player record.
    #[inline(always)]
    pub(crate) fn all_have(&self, v: &[usize]) -> bool {
        v.iter().all(|&e| self.shown[e].id != 0)
    }

    /// The reference to entity `e`'s player record, which it has (see [`PlayerRefs::all_have`]).
    #[inline(always)]
    pub(crate) fn player(&self, e: usize) -> PlayerRef {
        let r = &self.players[self.shown[e].id - 1];
        PlayerRef {
            id: r.id.clone(),
            name: r.name.clone(),
        }
    }

    /// The reference to entity `e`'s player record, if it has one. A method inlined where it is used rather
    /// than a closure (which was a call for each record, through a pointer for a match).
    #[inline(always)]
    pub(crate) fn get(&self, e: usize) -> Option<PlayerRef> {
        let id = self.shown[e].id;
        if id == 0 {
            return None;
        }
        // (Field by field: `PlayerRef::clone` may be left a call.)
        let r = &self.players[id - 1];
        Some(PlayerRef {
            id: r.id.clone(),
            name: r.name.clone(),
        })
    }
}

/// Runs normalise, segment, recognise and resolve over one document.
pub(crate) fn extract(doc: &Document) -> Article {
    let (parts, body) = parts(doc);
    extract_parts(parts, body)
}

/// A [`Document`] as its parts and its body, borrowed.
pub(crate) fn parts(doc: &Document) -> (Parts<'_>, &str) {
    let parts = Parts {
        source: doc.source.as_deref(),
        headline: doc.headline.as_deref(),
        published: doc.published.as_deref(),
        warnings: &doc.warnings,
    };
    (parts, &doc.body)
}

/// The fields of a [`Document`] other than its body, borrowed (so that plain text is extracted without a
/// copy of it).
#[derive(Clone, Copy)]
pub(crate) struct Parts<'a> {
    pub source: Option<&'a str>,
    pub headline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub warnings: &'a [String],
}

/// [`extract`] over a document given as its parts and its body.
pub(crate) fn extract_parts(doc: Parts, body: &str) -> Article {
    let mut article = None;
    extract_all(&[(doc, body)], &mut |a| article = Some(a));
    article.expect("one article per document")
}

/// How many articles a batch runs through each stage together: enough for a stage's code to be reused from
/// the instruction cache, few enough for their texts and buffers to stay in the data caches.
const BATCH: usize = 16;

/// The longest body that is extracted, in bytes: the stages keep text offsets in 32 bits. A longer body gives
/// an article with [`TOO_LONG`] as a warning and no facts (the CLI's `--max-bytes` stops such inputs long
/// before, at 16 MiB by default).
pub(crate) const MAX_BODY: usize = u32::MAX as usize;

/// The warning of an article whose body is longer than [`MAX_BODY`].
pub(crate) const TOO_LONG: &str = "text longer than 4 GiB (4294967295 bytes): not extracted";

/// The part of `body` that the stages read: all of it, or nothing when it is longer than [`MAX_BODY`].
fn readable(body: &str) -> &str {
    within(body, MAX_BODY)
}

/// `body`, or nothing when it is longer than `max` bytes.
fn within(body: &str, max: usize) -> &str {
    if body.len() > max { "" } else { body }
}

/// Extracts every document of `docs`, in order, giving each article to `out`: the same articles as
/// [`extract`] on each (a single call gives one, with no list to allocate).
///
/// The stages before resolution (normalise, keyword scan, scores, sport, names, result cues, players,
/// rounds, tournaments, rankings, seeds, sentences) run over a group of up to [`BATCH`] articles before the
/// next stage starts: the code of all stages together is larger than the instruction cache, and a small
/// article would otherwise fetch it all again. Each article has its own buffers, so no stage sees another
/// article's data, and the results do not depend on the grouping.
pub(crate) fn extract_all(docs: &[(Parts, &str)], out: &mut impl FnMut(Article)) {
    for group in docs.chunks(BATCH) {
        // The thread's buffers, used where they stand. The guard empties them for the next group when the
        // extraction ends, also when it unwinds from a panic (which the CLI catches and reports per input),
        // so that no article ever sees another's data. A nested call (none is made), or one while the
        // thread's locals are being destroyed, gets fresh buffers.
        let mut done = false;
        let _ = SCRATCH.try_with(|cell| {
            if let Ok(pool) = cell.try_borrow_mut() {
                let mut guard = EmptiedOnDrop(pool, group.len());
                if guard.0.len() < group.len() {
                    guard.0.resize_with(group.len(), Scratch::default);
                }
                extract_group(group, &mut guard.0[..group.len()], out);
                done = true;
            }
        });
        if !done {
            let mut fresh: Vec<Scratch> = (0..group.len()).map(|_| Scratch::default()).collect();
            extract_group(group, &mut fresh, out);
        }
    }
}

/// The thread's [`Scratch`]es, borrowed for one group of articles; the first `.1` are emptied when dropped.
struct EmptiedOnDrop<'a>(std::cell::RefMut<'a, Vec<Scratch>>, usize);

impl Drop for EmptiedOnDrop<'_> {
    fn drop(&mut self) {
        let n = self.1;
        for s in &mut self.0[..n] {
            s.recycle();
        }
    }
}

/// One group of articles, each with its own buffers: every stage over all of them in turn, then each
/// article's resolution.
fn extract_group(docs: &[(Parts, &str)], scratch: &mut [Scratch], out: &mut impl FnMut(Article)) {
    for ((doc, body), s) in docs.iter().zip(scratch.iter_mut()) {
        first_stage(*doc, body, s);
    }
    for (name, stage) in TENNIS_STAGES {
        timed(name, || {
            for s in scratch.iter_mut().filter(|s| s.sport == Some("tennis")) {
                stage(s);
            }
        });
    }
    timed("records", || {
        for ((doc, body), s) in docs.iter().zip(scratch.iter_mut()) {
            out(records(*doc, body, s));
        }
    });
}

/// Time per stage, summed per thread, in builds with the `stage-timing` feature: a profile by the clock,
/// which instruction counts do not give (stages run at very different rates; see docs/PROFILE.md). Read
/// with [`crate::stage_times`].
#[cfg(feature = "stage-timing")]
pub(crate) mod timing {
    use std::cell::RefCell;
    use std::time::{Duration, Instant};

    thread_local! {
        static TOTALS: RefCell<Vec<(&'static str, Duration)>> = RefCell::default();
    }

    /// Runs `f`, adding its time to stage `name`.
    pub(crate) fn timed<R>(name: &'static str, f: impl FnOnce() -> R) -> R {
        let t = Instant::now();
        let r = f();
        let d = t.elapsed();
        TOTALS.with(|c| {
            let mut v = c.borrow_mut();
            match v.iter_mut().find(|(n, _)| *n == name) {
                Some(e) => e.1 += d,
                None => v.push((name, d)),
            }
        });
        r
    }

    /// The totals of this thread so far, in order of first use; they start again from zero.
    pub(crate) fn take() -> Vec<(&'static str, Duration)> {
        TOTALS.with(|c| std::mem::take(&mut *c.borrow_mut()))
    }
}
#[cfg(feature = "stage-timing")]
use timing::timed;

/// Without the `stage-timing` feature: the stage itself, nothing else.
#[cfg(not(feature = "stage-timing"))]
#[inline(always)]
fn timed<R>(_: &'static str, f: impl FnOnce() -> R) -> R {
    f()
}

/// A stage after [`first_stage`]: it reads an article's buffers and fills its own.
type Stage = fn(&mut Scratch);

/// The stages after [`first_stage`], with resolution's first two steps, in order, for tennis articles only,
/// each with its name for `stage-timing`. Each reads the normalised text (and what earlier stages put in the
/// buffers) and fills its own buffers.
const TENNIS_STAGES: [(&str, Stage); 10] = [
    ("names", |s| names::find_into(&s.norm.text, &mut s.names)),
    ("result cues", |s| {
        result::find_into(&s.norm.text, &s.st.keywords, &mut s.st.m.cues);
        s.cue_starts
            .extend(s.st.m.cues.iter().map(|c| c.span.start));
    }),
    ("players, officials", |s| {
        let text = s.norm.text.as_str();
        players::build_entities(
            text,
            &s.names,
            &s.cue_starts,
            &mut s.st.entities,
            &mut s.link,
        );
        players::mark_officials(
            text,
            &s.names,
            &s.link,
            &mut s.st.entities,
            s.st.keywords.roles(),
        );
    }),
    ("rounds", |s| {
        round::find_into(&s.norm.text, &s.st.keywords, &mut s.st.m.rounds)
    }),
    ("tournaments", |s| {
        tournament::find_into(&s.norm.text, &s.st.keywords, &mut s.st.m.tournaments)
    }),
    ("rankings", |s| {
        ranking::find_into(&s.norm.text, &s.st.keywords, &mut s.st.m.ranks)
    }),
    ("seeds", |s| {
        seed::find_into(&s.norm.text, &s.st.keywords, &mut s.st.m.seeds)
    }),
    ("quotes, sentences", |s| {
        let mut quotes = QuoteWalk::new(&s.norm.text, &mut s.st.quotes);
        segment::sentences_into(&s.norm.text, &mut s.st.sents, |i, lines| {
            quotes.at(i, lines)
        });
        quotes.finish();
    }),
    ("references", resolve_refs),
    ("results", resolve_results),
];

/// The first stage: the normalised text, the keyword scan, the scores and the sport.
fn first_stage(doc: Parts, body: &str, s: &mut Scratch) {
    let body = readable(body);
    let buffers = std::mem::take(&mut s.norm).into_buffers();
    s.norm = timed("normalise", || Normalised::reusing(body, buffers));
    let text = s.norm.text.as_str();
    timed("keyword scan", || s.st.keywords.rescan(text));
    s.sport = timed("scores, sport", || {
        score::find_into(text, &s.st.keywords, &mut s.st.m.scores);
        let valid = s.st.m.scores.iter().filter(|m| !m.sets.is_empty()).count();
        // The headline counts as a line before the text (when the text does not already start with it).
        let headline = doc.headline.filter(|h| !text.starts_with(h));
        sport::classify_article(headline, text, &s.st.keywords, valid)
    });
}

/// Resolution, first step (a tennis article, after the stages): each name becomes a reference of its entity
/// (with the nationality and age written next to it), seeds and ranks written next to a name become known,
/// and the descriptors are found.
fn resolve_refs(s: &mut Scratch) {
    let text = s.norm.text.as_str();
    let mut ctx = Ctx::over(&s.norm, &mut s.st);
    debug_assert!(ctx.refs.is_empty(), "refs of an earlier article");
    ctx.refs.reserve(s.names.len());
    let st = &mut *ctx.st;
    // The sentence of each name: names come in text order, the next one's is found by stepping from the last.
    let mut sents = SentenceWalk::new(&st.sents);
    // The links by zip (one per name): no bounds test per name.
    debug_assert_eq!(s.link.len(), s.names.len(), "one link per name");
    for (n, &l) in s.names.iter().zip(&s.link) {
        if let Some(e) = l {
            // The entity found once per name (its state's fields apart: the push below leaves it borrowed), not
            // again after the push (the entities' pointer and length reloaded, and a second bounds test).
            let ent = &mut st.entities[e];
            // The bytes before the name tested once for the three look-backs (most names: see
            // [`players::plain_before`]).
            let plain = players::plain_before(text.as_bytes(), n.span.start);
            if ent.not_player || (!plain && place_context(text, n.span)) {
                continue;
            }
            st.refs.push(Ref {
                span: n.span,
                entity: e,
                kind: RefKind::Name,
                sent: sents.at(n.span.start),
            });
            // Nationality and age written next to the name, until the entity has them.
            if ent.nationality.is_none() {
                ent.nationality = players::explicit_nationality_plain(text, n.span, plain);
            }
            if ent.age.is_none() {
                ent.age = players::explicit_age_plain(text, n.span, plain);
            }
        }
    }
    // `ctx.refs` came empty and the names come in text order, each starting after the one before (see the test
    // `names_in_text_order`): the name references are sorted by start as pushed. (The stable sort by start that
    // stood here changed nothing.)
    debug_assert!(ctx.refs.is_sorted_by_key(|r| r.span.start));
    // Seeds and ranks written next to a name, known before coreference.
    for m in &ctx.st.m.seeds {
        if m.side != PlayerSide::Itself
            && let Some((e, _)) = attach(&ctx, m.span, m.side)
        {
            ctx.st.known_seed.entry(e).or_insert(m.seed);
        }
    }
    for m in &ctx.st.m.ranks {
        let current = m.kind == crate::model::RankingKind::Current;
        let national = m.kind == crate::model::RankingKind::National;
        if m.side != PlayerSide::Itself
            && (current || national)
            && let Some((e, _)) = attach(&ctx, m.span, m.side)
        {
            let map = if current {
                &mut ctx.st.known_rank
            } else {
                &mut ctx.st.known_national
            };
            map.entry(e).or_insert(m.rank);
        }
    }
    ctx.st.seed_holders.fill(&ctx.st.known_seed);
    ctx.st.rank_holders.fill(&ctx.st.known_rank);
    // The name references, sorted, become `refs_ahead`; `resolve` builds `ctx.refs` anew in an empty buffer.
    std::mem::swap(&mut ctx.st.refs, &mut ctx.st.refs_ahead);
    descriptor::find_into(text, &ctx.keywords, &mut s.descs);
}

/// [`players::sentence_of`] for positions that do not decrease (the starts of the names, in text order): each
/// found by stepping forward from the one before. Sentences are disjoint and non-empty: their starts strictly
/// increase, so the sentence of `pos` is the last one found plus the number of the sentences after it that
/// start at or before `pos` (none when `pos` comes before the first sentence: sentence 0, as
/// [`players::sentence_of`] has it).
struct SentenceWalk<'a> {
    /// The sentence found last (0 before the first position).
    at: usize,
    /// The sentences after it: kept as a slice from one position to the next, where an index into all the
    /// sentences took a bounds test, a compare with its start (the fallback to a binary search, which text
    /// order never needs) and the slice made anew for each name.
    rest: &'a [Sentence],
}

impl<'a> SentenceWalk<'a> {
    fn new(sents: &'a [Sentence]) -> Self {
        SentenceWalk {
            at: 0,
            rest: sents.get(1..).unwrap_or_default(),
        }
    }

    /// The sentence of `pos` (no less than the position before).
    #[inline]
    fn at(&mut self, pos: usize) -> usize {
        // Four sentences at a time: the steps to take are the number of the next four that start at or before
        // `pos` (the starts increase: those are the first ones), counted with no branch per sentence. A step
        // loop exits after a varying number of steps (a name is most often zero to three sentences after the
        // one before): its exit branch was mispredicted for most names. Four more only when all four are
        // passed.
        while let Some((next, after)) = self.rest.split_first_chunk::<4>() {
            let steps: usize = next.iter().map(|x| usize::from(x.start <= pos)).sum();
            self.at += steps;
            if steps < 4 {
                self.rest = &self.rest[steps..];
                return self.at;
            }
            self.rest = after;
        }
        // The last three sentences: one at a time.
        while let Some((x, after)) = self.rest.split_first()
            && x.start <= pos
        {
            self.at += 1;
            self.rest = after;
        }
        self.at
    }
}

/// Resolution, second step: the results, sentence by sentence (the coreference of the other references
/// with them).
fn resolve_results(s: &mut Scratch) {
    #[cfg(debug_assertions)]
    let text = s.norm.text.as_str();
    let mut ctx = Ctx::over(&s.norm, &mut s.st);
    matches::resolve(&mut ctx, &s.descs, &mut s.matches, &mut s.found);
    #[cfg(debug_assertions)]
    if std::env::var_os("SPORTEXT_DEBUG").is_some() {
        for r in &ctx.refs {
            eprintln!(
                "ref s{} {:?} {:?} -> {}",
                r.sent,
                r.kind,
                &text[r.span.start..r.span.end],
                {
                    let n = ctx.entities[r.entity].name;
                    &text[n.start..n.end]
                }
            );
        }
    }
}

/// The records of one article whose stages and resolution steps have run, with the buffers of `scratch` (used
/// where they stand, and left full: the caller empties them).
fn records(doc: Parts, body: &str, scratch: &mut Scratch) -> Article {
    let sport = scratch.sport;
    let mut warnings = doc.warnings.to_vec();
    if readable(body).len() < body.len() {
        warnings.push(TOO_LONG.into());
    }
    // The article is made from its records at each return (see [`article`]).
    if sport != Some("tennis") {
        let records = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        return article(&doc, sport, records, warnings);
    }
    let ctx = Ctx::over(&scratch.norm, &mut scratch.st);
    // The other buffers borrowed beside `ctx` (each a field of its own): taken out of `scratch` and put back,
    // each cost some fifteen instructions an article. Those written by index are sliced once grown (each
    // index then reads no pointer and length back from `scratch`).
    let found = &mut scratch.found;
    scratch.used.resize(ctx.entities.len(), false);
    let used = &mut scratch.used[..];
    // A side is one player or a pair (a `Team` holds at most two): its first and last player are all of it,
    // marked with no loop (whose exit would depend on how many there are).
    for f in found.iter() {
        for side in [&f.winner, &f.loser] {
            if let (Some(&a), Some(&b)) = (side.first(), side.last()) {
                used[a] = true;
                used[b] = true;
            }
        }
    }
    let ranks = &mut scratch.ranks;
    attach_ranks(&ctx, used, ranks);
    let seeds = &mut scratch.seeds;
    attach_seeds(&ctx, used, seeds);

    // Players: every person named with a full name, and surname-only names that take part in a fact.
    // Each entity's count of references, its first position (the key that orders the players) and the
    // reference that gives its display name: one pass over the references.
    let n_ent = ctx.entities.len();
    scratch.count.resize(n_ent, 0);
    scratch.first_at.resize(n_ent, usize::MAX);
    scratch.named.resize(n_ent, usize::MAX);
    let (count, first_at) = (&mut scratch.count[..], &mut scratch.first_at[..]);
    let named = &mut scratch.named[..];
    tally_refs(&ctx.refs, &ctx.entities, ctx.text, count, first_at, named);
    let order = &mut scratch.order;
    // (A loop over the entities with their marks and counts side by side: no bounds checks, and no generic
    // `extend` through two filters, which stayed a call.)
    order.reserve(n_ent);
    for (e, ((ent, &used), &n)) in ctx
        .entities
        .iter()
        .zip(used.iter())
        .zip(count.iter())
        .enumerate()
    {
        if !ent.not_player && (used || ent.words > 1) && n > 0 {
            order.push(e);
        }
    }
    order.sort_by_key(|&e| first_at[e]);
    let source = body;
    // Each player's id number by entity, and the player records by number (`players[id - 1]`), made in place
    // first, their mentions last: the records that name a player clone its id and display name from there (a
    // copy: they are short).
    scratch.shown.resize(ctx.entities.len(), Shown::default());
    let shown = &mut scratch.shown[..];
    // Room for every record at once (no regrowth while they are pushed).
    let mut players = Vec::with_capacity(order.len());
    let mut matches = Vec::with_capacity(found.len());
    let mut rankings = Vec::with_capacity(ranks.len());
    let mut seed_records = Vec::with_capacity(seeds.len());
    for (k, &e) in order.iter().enumerate() {
        let s = display_name(&ctx, named[e], e);
        shown[e] = Shown { id: k + 1, ..s };
        let t = if s.norm { ctx.text } else { source };
        let ent = &ctx.entities[e];
        let nationality = ent.nationality.or_else(|| majority(&ent.demonym_votes));
        // (Made in its slot, see [`push_built`]; the name sliced by [`span_text`], as the mentions are.)
        push_built(&mut players, || Player {
            id: player_id(k + 1),
            name: span_text(t, s.start, s.end).into(),
            nationality: nationality.map(Into::into),
            age: ent.age,
            // (Room for all its references: the mentions are pushed last, with no regrowth.)
            mentions: Vec::with_capacity(count[e]),
        });
    }
    let pref = PlayerRefs {
        shown,
        players: &players,
    };
    // (By reference: a `Found` moved into the call is a copy with `memcpy`.)
    for f in found.iter() {
        matches::push_record(&ctx, f, source, &pref, &mut matches);
    }
    found.clear();
    for &(e, rank, kind, span, rule) in ranks.iter() {
        if let Some(p) = pref.get(e) {
            rankings.push(Ranking {
                player: p,
                rank,
                kind,
                evidence: ctx.evidence(span, source),
                rule: rule.clone(),
            });
        }
    }
    for &(e, s, span, rule) in seeds.iter() {
        if let Some(p) = pref.get(e) {
            seed_records.push(Seed {
                player: p,
                seed: s,
                evidence: ctx.evidence(span, source),
                rule: rule.clone(),
            });
        }
    }
    // Last: the players' mentions, in one pass over the references (see [`push_mentions`]); the few players
    // whose spans came out of order have theirs made again, sorted, from their references.
    let redo = &mut scratch.redo;
    let span_of = |sp: Span| ctx.norm.source_span(sp.start, sp.end);
    // A text with no character replaced (most) has its spans as source spans: its own copy of the loop, with
    // no test per mention of whether to map them and fewer values kept across it.
    if ctx.norm.mapped() {
        push_mentions(&ctx.refs, span_of, shown, source, &mut players, redo);
    } else {
        let same = |sp: Span| (sp.start, sp.end);
        push_mentions(&ctx.refs, same, shown, source, &mut players, redo);
    }
    if !redo.is_empty() {
        // (`named`, read by now, lends its buffer for the references of each player made again.)
        let bufs = (redo, &mut scratch.named, &mut scratch.spans);
        remake_mentions(&ctx.refs, span_of, order, source, &mut players, bufs);
    }
    article(
        &doc,
        sport,
        (players, matches, rankings, seed_records),
        warnings,
    )
}

/// The article of `doc` with its records (players, matches, rankings, seeds) and `warnings`: made at each
/// return of [`records`], in the place of the value returned, where one made first and filled was copied out
/// at the end (a `memcpy` call of its 240 bytes). Inlined: a closure was a call of its own.
#[inline(always)]
fn article(
    doc: &Parts,
    sport: Option<&str>,
    (players, matches, rankings, seeds): (
        Vec<Player>,
        Vec<crate::model::Match>,
        Vec<Ranking>,
        Vec<Seed>,
    ),
    warnings: Vec<String>,
) -> Article {
    Article {
        schema_version: SCHEMA_VERSION.into(),
        source: doc.source.map(str::to_string),
        sport: sport.map(Into::into),
        headline: doc.headline.map(str::to_string),
        published: doc.published.map(str::to_string),
        players,
        matches,
        rankings,
        seeds,
        warnings,
    }
}

/// Each entity's references counted (`count[e]`), its first position (their least start) in `first_at[e]`, and
/// in `named[e]` the first of its references that writes its name as [`display_name`] wants it (`usize::MAX`
/// when none does). The three come filled with zeros, `usize::MAX` and `usize::MAX`, as long as the entities.
///
/// The entity's name is the span of one of its name mentions, nearly always of a name reference: a reference
/// with that very span is taken without comparing the text (the same answer: the same bytes). Texts are
/// compared as bytes (spans of the text end at characters: no boundary tests). A function of its own, so that
/// the loop keeps the slices in registers.
#[inline(never)]
fn tally_refs(
    refs: &[Ref],
    entities: &[players::Entity],
    text: &str,
    count: &mut [usize],
    first_at: &mut [usize],
    named: &mut [usize],
) {
    let text = text.as_bytes();
    // The four as long as `count` (they are as long as the entities): one bounds check per reference covers
    // them all (there were three, and the entities' a fourth).
    let n = count.len();
    let (first_at, named, entities) = (&mut first_at[..n], &mut named[..n], &entities[..n]);
    for (k, r) in refs.iter().enumerate() {
        let e = r.entity;
        count[e] += 1;
        let at = &mut first_at[e];
        *at = (*at).min(r.span.start);
        if named[e] == usize::MAX && r.kind == RefKind::Name {
            let span = entities[e].name;
            if r.span == span || text[r.span.start..r.span.end] == text[span.start..span.end] {
                named[e] = k;
            }
        }
    }
}

/// The players' mentions pushed onto `players` (made with room for all their references, in `ctx.refs` order):
/// each reference of a player (`shown[e].id` not 0) becomes a mention of its source span, a repeat of the one
/// before skipped, as [`mentions`] makes them for spans in order. A player whose spans come out of order (a
/// start before the last one's) has its index in `players` pushed onto `redo` (perhaps more than once), and
/// its mentions are to be made again with [`mentions`]: the ones pushed are not the answer then.
#[inline(never)]
fn push_mentions(
    refs: &[Ref],
    span_of: impl Fn(Span) -> (usize, usize),
    shown: &[Shown],
    source: &str,
    players: &mut [Player],
    redo: &mut Vec<usize>,
) {
    for r in refs {
        // The player's index, `id - 1`: an entity that is no player (`id` 0) wraps to `usize::MAX`, which no
        // player has, so that one test both skips it and bounds the index (there were two).
        let k = shown[r.entity].id.wrapping_sub(1);
        let Some(player) = players.get_mut(k) else {
            continue;
        };
        let (start, end) = span_of(r.span);
        let out = &mut player.mentions;
        if let Some(last) = out.last() {
            if start < last.start {
                redo.push(k);
                continue;
            }
            if start == last.start && end == last.end {
                continue;
            }
        }
        out.push(span_evidence(source, start, end));
    }
}

/// The mentions of the players that [`push_mentions`] put in `redo` made again with [`mentions`] (sorted), from
/// their references in `refs` (player `k` is entity `order[k]`). `redo` (emptied here) and the other two
/// buffers are scratch.
#[cold]
fn remake_mentions(
    refs: &[Ref],
    span_of: impl Fn(Span) -> (usize, usize),
    order: &[usize],
    source: &str,
    players: &mut [Player],
    (redo, refs_of, spans): (&mut Vec<usize>, &mut Vec<usize>, &mut Vec<(usize, usize)>),
) {
    redo.sort_unstable();
    redo.dedup();
    for &k in redo.iter() {
        let e = order[k];
        refs_of.clear();
        refs_of.extend((0..refs.len()).filter(|&i| refs[i].entity == e));
        players[k].mentions = mentions(refs_of, |i| span_of(refs[i].span), source, spans);
    }
    redo.clear();
}

/// A player's mentions: the source spans of its references (`span_of` each of `refs`, in `ctx.refs` order)
/// sorted (stably) by start and without repeats, with their text in `source`. The references come nearly
/// always in text order: then each span is made a mention as it comes (a repeat of the one before skipped).
/// At the first one out of order, the spans are sorted in `sorted` (a buffer) and the mentions made again
/// from it.
#[inline(never)]
fn mentions<T: Copy>(
    refs: &[T],
    span_of: impl Fn(T) -> (usize, usize),
    source: &str,
    sorted: &mut Vec<(usize, usize)>,
) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::with_capacity(refs.len());
    let mut in_order = true;
    for &r in refs {
        let (start, end) = span_of(r);
        if let Some(last) = out.last() {
            if start < last.start {
                in_order = false;
                break;
            }
            if start == last.start && end == last.end {
                continue;
            }
        }
        out.push(span_evidence(source, start, end));
    }
    if !in_order {
        sorted.clear();
        sorted.extend(refs.iter().map(|&r| span_of(r)));
        sorted.sort_by_key(|p| p.0);
        sorted.dedup();
        out.clear();
        out.extend(sorted.iter().map(|&(s, e)| span_evidence(source, s, e)));
    }
    out
}

/// The evidence of `source[start..end]`; inlined into the loops of [`mentions`] (as a call, it is a third of
/// the cost of a mention: the call, the saved registers and the object copied out through the stack).
#[inline(always)]
fn span_evidence(source: &str, start: usize, end: usize) -> Evidence {
    Evidence {
        start,
        end,
        text: span_text(source, start, end).into(),
    }
}

/// `out.push(make())`, with the record made after its room is (an `extend` by one, through `once_with`).
/// A record made first and then pushed is built on the stack and copied into its slot (a `memcpy` call for a
/// match): `push` may grow the vector, and the record, live across that call, is dropped if it unwinds, so it
/// must stay whole in memory. Made after the room, it is built straight in its slot.
#[inline(always)]
pub(crate) fn push_built<T>(out: &mut Vec<T>, make: impl FnOnce() -> T) {
    out.extend(std::iter::once_with(make));
}

/// `source[start..end]`, its char-boundary checks made cheaper for the common span: one that is not empty and
/// ends before the end of `source` has both ends on boundaries when the bytes at `start` and `end` are not
/// UTF-8 continuation bytes. Four tests that the compiler can see imply the slice's own (which then fold away),
/// instead of the seven branches of two `is_char_boundary` calls; any other span is sliced as before (and
/// panics as before when it is not on boundaries). The two arms are the same code on purpose: the first is
/// compiled knowing the tests (hence the lint allowed).
#[inline(always)]
#[allow(clippy::if_same_then_else)]
fn span_text(source: &str, start: usize, end: usize) -> &str {
    let b = source.as_bytes();
    if start < end && end < b.len() && (b[start] as i8) >= -0x40 && (b[end] as i8) >= -0x40 {
        &source[start..end]
    } else {
        &source[start..end]
    }
}

/// "p1", "p2"...: a player's id. Below [`IDS`] a copy of a text made at compile time (no digits written, no
/// `memcpy` call).
fn player_id(n: usize) -> crate::model::Text {
    if let Some(id) = PLAYER_IDS.get(n) {
        return id.clone();
    }
    let mut id = crate::model::Text::const_new("p");
    id.push_str(crate::output::decimal(n as u64, &mut [0; 20]));
    id
}

/// How many player ids [`PLAYER_IDS`] holds ("p0" to "p99"; an article has some ten players).
const IDS: usize = 100;

/// "p0" to "p99" (in four bytes each, zero-padded): the bytes of [`PLAYER_IDS`].
const ID_BYTES: &[u8; 4 * IDS] = &{
    let mut t = [0; 4 * IDS];
    let mut n = 0;
    while n < IDS {
        t[4 * n] = b'p';
        if n < 10 {
            t[4 * n + 1] = b'0' + n as u8;
        } else {
            t[4 * n + 1] = b'0' + (n / 10) as u8;
            t[4 * n + 2] = b'0' + (n % 10) as u8;
        }
        n += 1;
    }
    t
};

/// The ids "p0" to "p99" as texts (inline: a clone is a copy).
static PLAYER_IDS: [crate::model::Text; IDS] = {
    let mut t = [const { crate::model::Text::const_new("") }; IDS];
    let mut n = 0;
    while n < IDS {
        let len = if n < 10 { 2 } else { 3 };
        let (_, rest) = ID_BYTES.split_at(4 * n);
        let (id, _) = rest.split_at(len);
        let Ok(id) = std::str::from_utf8(id) else {
            panic!("ASCII ids")
        };
        // (`replace` and `forget`: a value with a destructor cannot be dropped at compile time.)
        std::mem::forget(std::mem::replace(
            &mut t[n],
            crate::model::Text::const_new(id),
        ));
        n += 1;
    }
    t
};

fn majority(votes: &[&'static str]) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for &v in votes {
        let n = votes.iter().filter(|&&w| w == v).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((v, n));
        }
    }
    best.map(|(v, _)| v)
}

/// Where the player's name is written as the source text writes it (the fullest form): the source span of
/// reference `named` (from [`tally_refs`]: a name reference with exactly the entity's normalised name), else
/// (`usize::MAX`) the name in the normalised text.
fn display_name(ctx: &Ctx, named: usize, e: usize) -> Shown {
    if let Some(r) = ctx.refs.get(named) {
        let (start, end) = ctx.norm.source_span(r.span.start, r.span.end);
        return Shown {
            id: 0,
            norm: false,
            start,
            end,
        };
    }
    let span = ctx.entities[e].name;
    Shown {
        id: 0,
        norm: true,
        start: span.start,
        end: span.end,
    }
}

type RankRow = (usize, u32, crate::model::RankingKind, Span, Rule);

/// The player a ranking or seed phrase describes.
fn attach(ctx: &Ctx, span: Span, side: PlayerSide) -> Option<(usize, Rule)> {
    match side {
        PlayerSide::After => {
            let r = ref_after(&ctx.refs, &ctx.sents, span.start, span.end)?;
            let gap = &ctx.text[span.end..r.span.start];
            (gap.len() <= 40 && short_gap(gap)).then_some((r.entity, rule!("phrase-before-name")))
        }
        PlayerSide::Before => {
            let r = ref_before(&ctx.refs, &ctx.sents, span.start)?;
            Some((r.entity, rule!("phrase-after-name")))
        }
        PlayerSide::Itself => {
            let sent = ctx.sentence_of(span.start);
            let r = ctx.sentence_refs(sent).iter().find(|r| {
                r.kind == RefKind::Descriptor
                    && r.span.start <= span.start
                    && span.end <= r.span.end + 1
            })?;
            Some((r.entity, rule!("descriptor")))
        }
    }
}

/// The first reference that starts at or after `end`, if of the sentence of `start` (the sentence's first such
/// reference: `refs` are in text order, each within its sentence's place or the gap before it). One binary
/// search over the references; the sentence told from the reference's, not searched for.
#[inline]
fn ref_after<'a>(refs: &'a [Ref], sents: &[Sentence], start: usize, end: usize) -> Option<&'a Ref> {
    let a = refs.partition_point(|r| r.span.start < end);
    refs.get(a).filter(|r| in_sentence(sents, r.sent, start))
}

/// The last reference of the sentence of `start` that ends at or before it (`refs` as for `ref_after`). Those
/// that start past `start` end past it: one binary search skips them, and the few before are walked back, to
/// the first of an earlier sentence (the next sentence starts at or before `start`), past those of the next
/// sentence in the gap before it.
#[inline]
fn ref_before<'a>(refs: &'a [Ref], sents: &[Sentence], start: usize) -> Option<&'a Ref> {
    let b = refs.partition_point(|r| r.span.start <= start);
    refs[..b]
        .iter()
        .rev()
        .take_while(|r| sents.get(r.sent + 1).is_none_or(|s| s.start > start))
        .find(|r| r.span.end <= start && in_sentence(sents, r.sent, start))
}

/// Whether `players::sentence_of(sents, pos)` is `si`: `pos` at or after its start (or `si` the first) and
/// before the next one's.
#[inline]
fn in_sentence(sents: &[Sentence], si: usize, pos: usize) -> bool {
    (si == 0 || sents.get(si).is_some_and(|s| s.start <= pos))
        && sents.get(si + 1).is_none_or(|s| s.start > pos)
}

/// A gap between a phrase and the name after it that the phrase may describe: none of `,;:.("` and at most
/// three words (split at white space). On bytes when the gap is ASCII (white space then: tab to carriage
/// return and space, as `char::is_whitespace` has it).
fn short_gap(gap: &str) -> bool {
    if !gap.is_ascii() {
        return !gap.contains([',', ';', ':', '.', '(', '"'])
            && gap.split_whitespace().count() <= 3;
    }
    // One bit per byte below 64 (all the bytes looked for): a mask test, no branch per byte.
    const STOPS: u64 = 1 << b',' | 1 << b';' | 1 << b':' | 1 << b'.' | 1 << b'(' | 1 << b'"';
    const SPACES: u64 = 1 << b'\t' | 1 << b'\n' | 1 << 0x0B | 1 << 0x0C | 1 << b'\r' | 1 << b' ';
    let mut stops = 0;
    let mut words = 0;
    let mut space = true;
    for &c in gap.as_bytes() {
        let bit = 1u64.checked_shl(u32::from(c)).unwrap_or(0);
        stops |= bit & STOPS;
        let s = bit & SPACES != 0;
        words += usize::from(space && !s);
        space = s;
    }
    stops == 0 && words <= 3
}

/// The rankings of the article, by player, written into `out` (empty).
fn attach_ranks(ctx: &Ctx, used: &mut [bool], out: &mut Vec<RankRow>) {
    for m in &ctx.m.ranks {
        if ctx.in_quote(m.span.start) {
            continue;
        }
        // A bare "No. 6 Rublev" is as often a seed as a ranking in US copy: not enough to tell.
        let phrase = &ctx.text[m.span.start..m.span.end];
        // "the world number one and two": a group, no one player.
        let rest = ctx.text[m.span.end..].trim_start();
        if [
            "and two",
            "and 2",
            "and No",
            "and number",
            "or two",
            "and three",
        ]
        .iter()
        .any(|g| rest.starts_with(g))
        {
            continue;
        }
        let after = &ctx.text[m.span.end..players::ceil_boundary(ctx.text, m.span.end + 30)];
        let worldly = |t: &str| t.contains("world") || t.contains("rank");
        if phrase.starts_with("No") && !worldly(phrase) && !worldly(after) && m.rank > 1 {
            continue;
        }
        if let Some((e, rule)) = attach(ctx, m.span, m.side)
            && !out
                .iter()
                .any(|o| o.0 == e && o.1 == m.rank && o.2 == m.kind)
        {
            used[e] = true;
            out.push((e, m.rank, m.kind, m.span, rule));
        }
    }
}

type SeedRow = (usize, u32, Span, Rule);

/// The seeds of the article, by player, written into `out` (empty).
fn attach_seeds(ctx: &Ctx, used: &mut [bool], out: &mut Vec<SeedRow>) {
    for m in &ctx.m.seeds {
        if ctx.in_quote(m.span.start) {
            continue;
        }
        if let Some((e, rule)) = attach(ctx, m.span, m.side)
            && !out.iter().any(|o| o.0 == e)
        {
            used[e] = true;
            out.push((e, m.seed, m.span, rule));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognise::xorshift;

    /// [`quote_ranges`] finds the ranges that its `memchr2` loop found (a walk over every quote and line feed),
    /// on every test text and on random texts of quotes, line feeds, spaces and words: quotes open across one
    /// or more line feeds, closed, reopened, and open at the end of the text with or without a line feed.
    #[test]
    fn quote_ranges_as_by_memchr2() {
        fn old(text: &str) -> Vec<Span> {
            let bytes = text.as_bytes();
            let mut out = Vec::new();
            let mut open: Option<usize> = None;
            let mut i = 0;
            loop {
                i = memchr::memchr2(b'"', b'\n', &bytes[i..]).map_or(bytes.len(), |k| i + k);
                let Some(&b) = bytes.get(i) else { break };
                if b == b'"' {
                    let prev_space =
                        i == 0 || matches!(bytes[i - 1], b' ' | b'\n' | b'\t' | b'(' | b'[');
                    let next_word = bytes
                        .get(i + 1)
                        .is_some_and(|&c| !matches!(c, b' ' | b'\n' | b'\t'));
                    match open {
                        None if prev_space && next_word => open = Some(i),
                        Some(s) if !(prev_space && next_word) => {
                            out.push(Span::new(s, i + 1));
                            open = None;
                        }
                        Some(s) => {
                            out.push(Span::new(s, i));
                            open = Some(i);
                        }
                        None => {}
                    }
                } else if let Some(s) = open.take() {
                    out.push(Span::new(s, i));
                }
                i += 1;
            }
            if let Some(s) = open {
                out.push(Span::new(s, text.len()));
            }
            out
        }
        let texts = crate::recognise::all_texts_then_random(
            &[
                "\"", " \"", "\" ", "\n", " ", "word", "(", "[", "\t", "é", "said",
            ],
            3000,
            40,
            0x51a7_e3c0_9d2f_4b61,
        );
        let mut out = Vec::new();
        // Ranges in all, those a line feed ends, and those the end of the text ends.
        let (mut ranges, mut at_line_feed, mut at_end) = (0, 0, 0);
        for t in &texts {
            quote_ranges(t, &mut out);
            assert_eq!(out, old(t), "{t:?}");
            ranges += out.len();
            at_line_feed += out
                .iter()
                .filter(|r| t.as_bytes().get(r.end) == Some(&b'\n'))
                .count();
            at_end += out.iter().filter(|r| r.end == t.len()).count();
        }
        assert!(ranges > 1000, "{ranges}");
        assert!(
            at_line_feed > 1000 && at_end > 100,
            "{at_line_feed} {at_end}"
        );
    }

    /// [`first_line_feed`] finds what `memchr` finds, on every span of texts of every length up to 300 bytes
    /// (shorter and longer than a window) holding no line feed, one, or a few, at random places.
    #[test]
    fn first_line_feed_as_memchr() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut found = 0;
        for n in 0..300 {
            for feeds in 0..4 {
                let mut t = vec![b'x'; n];
                for _ in 0..feeds.min(n) {
                    xorshift(&mut x);
                    t[x as usize % n] = b'\n';
                }
                // Every span from every start below 70 and every tenth start above.
                for from in (0..=n).filter(|&f| f < 70 || f % 10 == 0) {
                    for to in from..=n {
                        let want = memchr::memchr(b'\n', &t[from..to]).map(|k| from + k);
                        assert_eq!(first_line_feed(&t, from, to), want, "{n} {from} {to}");
                        found += usize::from(want.is_some());
                    }
                }
            }
        }
        assert!(found > 100_000, "{found}");
    }

    /// The name candidates come in text order, each starting after the one before (so that [`resolve_refs`]
    /// pushes the name references sorted by start, with no sort): on every test text and on random texts of
    /// capitalised words, particles, brackets and stops.
    #[test]
    fn names_in_text_order() {
        let texts = crate::recognise::all_texts_and_random(
            &["Jane Doe (Esp) bt John de la Roe 6-2", "\nBy Jim Courier\n"],
            &[
                "Roger ",
                "Federer",
                " ",
                "van ",
                "de ",
                "(",
                ")",
                "Esp",
                ". ",
                "\n",
                "The ",
                "O'Neal",
                "Open",
                "\u{c9}mile ",
                "iPhone ",
                "I ",
                "and ",
                ", ",
            ],
            0x9b05_688c_2b3e_6c1f,
        );
        let mut names = Vec::new();
        let mut pairs = 0;
        for t in &texts {
            names::find_into(t, &mut names);
            for w in names.windows(2) {
                assert!(w[0].span.end <= w[1].span.start, "{t:?}: {w:?}");
                pairs += 1;
            }
        }
        assert!(pairs > 5_000, "{pairs}");
    }

    /// The ids from the table are those written digit by digit, below its end and beyond.
    /// [`rule!`] makes the `Text` that the records built from the name at run time (`name.into()`, which it
    /// replaced): equal, inline (a copy allocates nothing), its clone equal too; for every name that the stage
    /// gives (the list is checked against the `rule!` calls in the sources).
    #[test]
    fn rule_texts_as_built_from_the_names() {
        let made: [(Rule, &str); 17] = [
            (rule!("phrase-before-name"), "phrase-before-name"),
            (rule!("phrase-after-name"), "phrase-after-name"),
            (rule!("descriptor"), "descriptor"),
            (rule!("beat-verb"), "beat-verb"),
            (rule!("win-over"), "win-over"),
            (rule!("defeat-of"), "defeat-of"),
            (rule!("lost-to"), "lost-to"),
            (rule!("defeat-by"), "defeat-by"),
            (rule!("passive"), "passive"),
            (rule!("walkover"), "walkover"),
            (rule!("retired"), "retired"),
            (rule!("won-score-against"), "won-score-against"),
            (rule!("lost-score-to"), "lost-score-to"),
            (rule!("won-score"), "won-score"),
            (rule!("lost-score"), "lost-score"),
            (rule!("score-noun"), "score-noun"),
            (rule!("result-line"), "result-line"),
        ];
        for (text, name) in made {
            let built: crate::model::Text = name.into();
            assert_eq!(*text, built);
            assert_eq!(text.as_str(), name);
            assert_eq!(text.len(), name.len());
            assert!(!text.is_heap_allocated(), "{name}");
            let copy = text.clone();
            assert_eq!(copy, built);
            assert_eq!(
                serde_json::to_string(&copy).unwrap(),
                serde_json::to_string(name).unwrap()
            );
        }
        let mut listed: Vec<&str> = made.iter().map(|m| m.1).collect();
        listed.sort_unstable();
        let mut called = Vec::new();
        for src in [include_str!("mod.rs"), include_str!("matches.rs")] {
            for (i, _) in src.match_indices("rule!(\"") {
                let rest = &src[i + 7..];
                called.push(&rest[..rest.find('"').unwrap()]);
            }
        }
        called.sort_unstable();
        called.dedup();
        assert_eq!(listed, called);
    }

    /// [`article`] puts each part where it belongs: the document's strings copied, the sport's name, the
    /// records and the warnings as given; absent parts as `None`.
    #[test]
    fn article_of_its_parts() {
        let warnings = vec!["w".to_string()];
        let doc = Parts {
            source: Some("a.txt"),
            headline: Some("Nadal wins"),
            published: None,
            warnings: &warnings,
        };
        let player = Player {
            id: "p1".into(),
            name: "Nadal".into(),
            nationality: None,
            age: Some(38),
            mentions: Vec::new(),
        };
        let records = (vec![player.clone()], Vec::new(), Vec::new(), Vec::new());
        let a = article(&doc, Some("tennis"), records, vec!["x".to_string()]);
        assert_eq!(a.schema_version, SCHEMA_VERSION);
        assert_eq!(a.source.as_deref(), Some("a.txt"));
        assert_eq!(a.sport.as_deref(), Some("tennis"));
        assert_eq!(a.headline.as_deref(), Some("Nadal wins"));
        assert_eq!(a.published, None);
        assert_eq!(a.players, [player]);
        assert!(a.matches.is_empty() && a.rankings.is_empty() && a.seeds.is_empty());
        assert_eq!(a.warnings, ["x"]);
        let none = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let b = article(&doc, None, none, Vec::new());
        assert_eq!((b.sport, b.players.len(), b.warnings.len()), (None, 0, 0));
    }

    #[test]
    fn player_ids_from_the_table_as_written() {
        for n in 0..3 * IDS {
            assert_eq!(player_id(n), format!("p{n}"));
        }
    }

    /// A body up to the limit is read whole; a longer one not at all (not cut, which could split a character
    /// or a fact). The limit is what the stages' 32-bit offsets hold.
    #[test]
    fn bodies_over_the_limit_are_not_read() {
        assert_eq!(within("6-4 6-4", 7), "6-4 6-4");
        assert_eq!(within("6-4 6-4", 6), "");
        assert_eq!(within("", 0), "");
        assert_eq!(
            readable("Nadal beat Federer 6-4 6-4."),
            "Nadal beat Federer 6-4 6-4."
        );
        assert_eq!(MAX_BODY as u64, u64::from(u32::MAX));
        assert!(TOO_LONG.contains(&MAX_BODY.to_string()));
    }

    /// The former `place_context`, on `str`: the reference of the byte version.
    fn place_context_str(text: &str, span: Span) -> bool {
        let before = text[..span.start].trim_end_matches(' ');
        let prep = before.ends_with(" in")
            || before.ends_with(" at")
            || before == "In"
            || before == "At"
            || before.ends_with("\nIn")
            || before.ends_with("\nAt")
            || before.ends_with(". In")
            || before.ends_with(". At");
        prep && !text[span.end..].starts_with("'s")
    }

    /// Random references (of three kinds, to entities named by the span of one of them or of none, over a text
    /// of few words, so that other spans often write the same name) for the tests of [`tally_refs`] and
    /// [`push_mentions`]: the text, the entities and the references in text order (mostly; `shuffled`, some
    /// steps back).
    fn random_refs(
        seed: &mut u64,
        n_ent: usize,
        len: usize,
        shuffled: bool,
    ) -> (String, Vec<players::Entity>, Vec<Ref>) {
        let words = ["Nadal ", "Rafa ", "Nadal ", "he ", "Ruud "];
        let text: String = (0..120)
            .map(|i| words[(i * 7 + i / 5) % words.len()])
            .collect();
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices(' ').map(|(i, _)| i + 1))
            .filter(|&i| i < text.len())
            .collect();
        let word_at = |i: usize| {
            let w = starts[i % starts.len()];
            Span::new(w, w + text[w..].find(' ').unwrap_or(0))
        };
        let mut at = 0;
        let refs: Vec<Ref> = (0..len)
            .map(|_| {
                xorshift(seed);
                at = match *seed % 8 {
                    0 => at,
                    1 if shuffled => (*seed >> 8) as usize % starts.len(),
                    _ => at + (*seed >> 16) as usize % 3,
                };
                Ref {
                    span: word_at(at),
                    entity: (*seed >> 24) as usize % n_ent,
                    kind: [
                        RefKind::Name,
                        RefKind::Name,
                        RefKind::Pronoun,
                        RefKind::Descriptor,
                    ][(*seed >> 32) as usize % 4],
                    sent: 0,
                }
            })
            .collect();
        let entities = (0..n_ent)
            .map(|e| {
                xorshift(seed);
                // The span of one of its references, or any word.
                let name = match refs
                    .iter()
                    .filter(|r| r.entity == e)
                    .nth(*seed as usize % 3)
                {
                    Some(r) if !(*seed).is_multiple_of(4) => r.span,
                    _ => word_at((*seed >> 8) as usize),
                };
                players::Entity {
                    name,
                    words: 1,
                    nationality: None,
                    demonym_votes: Vec::new(),
                    age: None,
                    not_player: false,
                    first: 0,
                }
            })
            .collect();
        (text, entities, refs)
    }

    /// `tally_refs` counts each entity's references, finds their least start, and names the reference that
    /// `display_name` took before from the entity's references (the first name reference of the entity's span
    /// or with its text), as a filter over all references finds them.
    #[test]
    fn tally_refs_same_as_filter() {
        let mut seed = 0x6a09_e667_f3bc_c909u64;
        let mut named_some = 0;
        for n_ent in 1..12 {
            for len in 0..50 {
                let (text, entities, refs) = random_refs(&mut seed, n_ent, len, true);
                let mut count = vec![0; n_ent];
                let mut first_at = vec![usize::MAX; n_ent];
                let mut named = vec![usize::MAX; n_ent];
                tally_refs(
                    &refs,
                    &entities,
                    &text,
                    &mut count,
                    &mut first_at,
                    &mut named,
                );
                for (e, ent) in entities.iter().enumerate() {
                    let want: Vec<usize> = (0..len).filter(|&k| refs[k].entity == e).collect();
                    assert_eq!(count[e], want.len());
                    let at = want.iter().map(|&k| refs[k].span.start).min();
                    assert_eq!(first_at[e], at.unwrap_or(usize::MAX));
                    let name = &text[ent.name.start..ent.name.end];
                    let want = want.iter().copied().find(|&k| {
                        let r = &refs[k];
                        r.kind == RefKind::Name && &text[r.span.start..r.span.end] == name
                    });
                    assert_eq!(named[e], want.unwrap_or(usize::MAX));
                    named_some += usize::from(want.is_some());
                }
            }
        }
        assert!(named_some > 1000, "{named_some}");
    }

    /// The mentions made as the spans come (with the sort only for spans out of order) are those of sorting
    /// (stably) by start and dropping repeats.
    #[test]
    fn mentions_same_as_sort_and_dedup() {
        let source: String = (0..64u8).map(|i| char::from(b'a' + i % 26)).collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut sorted = Vec::new();
        for len in 0..40 {
            for shuffled in [false, true] {
                let mut spans = Vec::new();
                let mut at = 0;
                for _ in 0..len {
                    xorshift(&mut seed);
                    // Mostly forward, with repeats, equal starts of other ends, and (shuffled) steps back.
                    at = match seed % 8 {
                        0 | 1 => at,
                        2 if shuffled => (seed >> 8) as usize % 48,
                        _ => (at + (seed >> 16) as usize % 5).min(48),
                    };
                    spans.push((
                        at,
                        at + (seed >> 24) as usize % 3 + usize::from(seed % 8 == 1),
                    ));
                }
                let mut want = spans.clone();
                want.sort_by_key(|p| p.0);
                want.dedup();
                let got = mentions(&spans, |p| p, &source, &mut sorted);
                let got: Vec<(usize, usize)> = got.iter().map(|m| (m.start, m.end)).collect();
                assert_eq!(got, want, "{spans:?}");
                for m in mentions(&spans, |p| p, &source, &mut sorted) {
                    assert_eq!(m.text, source[m.start..m.end]);
                }
            }
        }
    }

    /// `push_built` pushes what its maker makes at the end, as `push` does: onto an empty vector, one with room,
    /// and a full one (which grows); the maker is called once per push.
    #[test]
    fn push_built_as_push() {
        let mut v: Vec<String> = Vec::new();
        let mut want: Vec<String> = Vec::new();
        let mut calls = 0;
        for k in 0..20 {
            if k == 7 {
                v.reserve_exact(3);
                want.reserve_exact(3);
            }
            push_built(&mut v, || {
                calls += 1;
                format!("m{k}")
            });
            want.push(format!("m{k}"));
            assert_eq!(v, want);
        }
        assert_eq!(calls, 20);
    }

    /// `PlayerRefs`: `all_have` tells whether every entity of a side has a player record, `player` gives an
    /// entity's reference (its record's id and name), and `get` the same or none.
    #[test]
    fn player_refs_of_entities() {
        let player = |id: &str, name: &str| Player {
            id: id.into(),
            name: name.into(),
            nationality: None,
            age: None,
            mentions: Vec::new(),
        };
        let players = [player("p1", "Iga Swiatek"), player("p2", "Coco Gauff")];
        // Entities 0 and 3 are players 2 and 1; 1 and 2 have no record.
        let mut shown = vec![Shown::default(); 4];
        shown[0].id = 2;
        shown[3].id = 1;
        let pref = PlayerRefs {
            shown: &shown,
            players: &players,
        };
        assert!(pref.all_have(&[0]) && pref.all_have(&[3, 0]) && pref.all_have(&[]));
        assert!(!pref.all_have(&[1]) && !pref.all_have(&[0, 2]) && !pref.all_have(&[2, 3]));
        for (e, id, name) in [(0, "p2", "Coco Gauff"), (3, "p1", "Iga Swiatek")] {
            let want = PlayerRef {
                id: id.into(),
                name: name.into(),
            };
            assert_eq!(pref.player(e), want);
            assert_eq!(pref.get(e), Some(want));
        }
        assert_eq!(pref.get(1), None);
        assert_eq!(pref.get(2), None);
    }

    /// `span_text` gives what slicing gives, on every span of texts with one-, two-, three- and four-byte
    /// characters at the start, the middle and the end: the same text for a span on boundaries (empty ones and
    /// ones that end at the end too), a panic for one that is not (or is reversed, or past the end).
    #[test]
    fn span_text_same_as_slicing() {
        for text in ["Nadal", "é Djokovic ü", "€a 𝄞b", "ab\u{10348}", "x"] {
            for start in 0..=text.len() + 1 {
                for end in 0..=text.len() + 1 {
                    let want = text.get(start..end);
                    let got = std::panic::catch_unwind(|| span_text(text, start, end)).ok();
                    assert_eq!(got, want, "{text:?} {start}..{end}");
                }
            }
        }
    }

    /// The mentions that `push_mentions` (and `remake_mentions` for those it puts in `redo`) make for every
    /// player are those that `mentions` makes from each player's references: random references (in order, and
    /// with steps back), some entities no players, players in random order.
    #[test]
    fn push_mentions_same_as_mentions_by_player() {
        let mut seed = 0x3c6e_f372_fe94_f82bu64;
        let (mut redo, mut refs_of, mut spans) = (Vec::new(), Vec::new(), Vec::new());
        let mut remade = 0;
        for n_ent in 1..10 {
            for len in 0..40 {
                for shuffled in [false, true] {
                    let (text, _, refs) = random_refs(&mut seed, n_ent, len, shuffled);
                    // A made-up map to the source: a shift, the same for both ends.
                    let span_of = |sp: Span| (sp.start + 1, sp.end + 1);
                    let source = format!(" {text}");
                    let mut order: Vec<usize> = (0..n_ent)
                        .filter(|&e| {
                            xorshift(&mut seed);
                            !seed.is_multiple_of(4) && refs.iter().any(|r| r.entity == e)
                        })
                        .collect();
                    order.reverse();
                    let mut shown = vec![Shown::default(); n_ent];
                    let mut players: Vec<Player> = order
                        .iter()
                        .enumerate()
                        .map(|(k, &e)| {
                            shown[e].id = k + 1;
                            let n = refs.iter().filter(|r| r.entity == e).count();
                            Player {
                                id: player_id(k + 1),
                                name: "".into(),
                                nationality: None,
                                age: None,
                                mentions: Vec::with_capacity(n),
                            }
                        })
                        .collect();
                    push_mentions(&refs, span_of, &shown, &source, &mut players, &mut redo);
                    remade += usize::from(!redo.is_empty());
                    if !redo.is_empty() {
                        let bufs = (&mut redo, &mut refs_of, &mut spans);
                        remake_mentions(&refs, span_of, &order, &source, &mut players, bufs);
                    }
                    assert!(redo.is_empty());
                    for (p, &e) in players.iter().zip(&order) {
                        let mine: Vec<usize> = (0..len).filter(|&k| refs[k].entity == e).collect();
                        let want = mentions(&mine, |k| span_of(refs[k].span), &source, &mut spans);
                        assert_eq!(p.mentions, want);
                    }
                }
            }
        }
        assert!(remade > 100, "{remade}");
    }

    /// `ref_after` and `ref_before` find what a walk over the references of the sentence of the position finds,
    /// on random sentences (with gaps between them) and references sorted in text order, each within its
    /// sentence or the gap before it (as the results step merges them), overlapping, of several lengths, and
    /// sentences with none; positions before, in and after them all.
    #[test]
    fn ref_after_and_before_same_as_walks() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for len in 0..60 {
            let mut sents = Vec::new();
            let mut refs = Vec::new();
            let mut at = 0;
            for si in 0..len / 4 + 1 {
                xorshift(&mut seed);
                let gap_start = at;
                let start = at + (seed >> 8) as usize % 3;
                let end = start + 1 + (seed >> 12) as usize % 20;
                sents.push(Sentence {
                    start,
                    end,
                    para: 0,
                });
                at = end;
                let mut r_at = gap_start;
                for _ in 0..(seed >> 20) as usize % 5 {
                    xorshift(&mut seed);
                    r_at += (seed >> 8) as usize % 4;
                    if r_at >= end {
                        break;
                    }
                    let r_end = (r_at + 1 + (seed >> 16) as usize % 5).min(end);
                    refs.push(Ref {
                        span: Span::new(r_at, r_end),
                        entity: refs.len(),
                        kind: RefKind::Name,
                        sent: si,
                    });
                }
            }
            let at_of = |r: Option<&Ref>| r.map(std::ptr::from_ref);
            for start in 0..at + 3 {
                let own = sentence_refs(&refs, players::sentence_of(&sents, start));
                let before = own.iter().rev().find(|r| r.span.end <= start);
                let got = ref_before(&refs, &sents, start);
                assert_eq!(at_of(got), at_of(before), "{len} {start}");
                for end in start..at + 3 {
                    // (Compared as places in `refs`: the same reference, not an equal one.)
                    let after = own.iter().find(|r| r.span.start >= end);
                    let got = ref_after(&refs, &sents, start, end);
                    assert_eq!(at_of(got), at_of(after), "{len} {start} {end}");
                }
            }
        }
    }

    #[test]
    fn sentence_refs_same_as_two_binary_searches() {
        // Sorted sentence numbers with gaps, repeats and runs, from a small deterministic generator.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..60 {
            let mut refs = Vec::new();
            let mut sent = 0;
            for _ in 0..len {
                xorshift(&mut seed);
                sent += (seed % 4) as usize / 2 + usize::from(seed.is_multiple_of(7)) * 3;
                refs.push(Ref {
                    span: Span::new(0, 0),
                    entity: 0,
                    kind: RefKind::Name,
                    sent,
                });
            }
            for si in 0..sent + 3 {
                let a = refs.partition_point(|r| r.sent < si);
                let b = refs.partition_point(|r| r.sent <= si);
                let got = sentence_refs(&refs, si);
                assert_eq!(
                    (got.as_ptr(), got.len()),
                    (refs[a..b].as_ptr(), b - a),
                    "{len} {si}"
                );
            }
        }
    }

    /// Walks `sents` over positions from `first` on, each `1 + x % max_skip` after the one before (none skipped
    /// when `max_skip` is 1), past the end, and asserts each answer against the binary search.
    fn walk_matches_binary_search(
        sents: &[Sentence],
        first: usize,
        end: usize,
        max_skip: u64,
        seed: &mut u64,
    ) {
        let mut walk = SentenceWalk::new(sents);
        let mut pos = first;
        while pos <= end {
            assert_eq!(
                walk.at(pos),
                players::sentence_of(sents, pos),
                "{sents:?} {first} {pos}"
            );
            // The same position again: no step.
            assert_eq!(
                walk.at(pos),
                players::sentence_of(sents, pos),
                "{sents:?} {first} {pos} again"
            );
            pos += 1 + (xorshift(seed) % max_skip) as usize;
        }
    }

    #[test]
    fn sentence_walk_same_as_binary_search_random() {
        // Sentences of random lengths (starts strictly increasing, the first at 0 or later), every count up to
        // 24; walks from every first position, by single bytes and by random skips (zero to past the last
        // sentence in one step).
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for n in 0..25 {
            for _ in 0..8 {
                let mut sents = Vec::new();
                let mut at = (xorshift(&mut seed) % 3) as usize;
                for _ in 0..n {
                    let len = 1 + (xorshift(&mut seed) % 6) as usize;
                    sents.push(Sentence {
                        start: at,
                        end: at + len,
                        para: 0,
                    });
                    at += len + (xorshift(&mut seed) % 2) as usize;
                }
                for first in 0..at + 3 {
                    walk_matches_binary_search(&sents, first, at + 3, 1, &mut seed);
                    for max_skip in [4, 12, 40, 200] {
                        walk_matches_binary_search(&sents, first, at + 3, max_skip, &mut seed);
                    }
                }
            }
        }
    }

    #[test]
    fn sentence_walk_same_as_binary_search() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for text in [
            "",
            "One.",
            "  Federer beat Nadal. He won.\n\nThen   she lost! Why? Because.  ",
            "A. B. C. D. E. F. G. H. I. J. K. L. M.\nN. O.",
        ] {
            let mut sents = Vec::new();
            segment::sentences_into(text, &mut sents, |_, _| {});
            for first in 0..=text.len() + 1 {
                walk_matches_binary_search(&sents, first, text.len() + 1, 1, &mut seed);
                walk_matches_binary_search(&sents, first, text.len() + 1, 9, &mut seed);
            }
        }
        // Each answer, walking byte by byte over the last text: the sentence indices, not only their agreement.
        let text = "  Federer beat Nadal. He won.\n\nThen   she lost! Why? Because.  ";
        let mut sents = Vec::new();
        segment::sentences_into(text, &mut sents, |_, _| {});
        let mut walk = SentenceWalk::new(&sents);
        let got: Vec<usize> = [0, 2, 10, 21, 22, 31, 49, 50, 54, 55, 64, 70]
            .into_iter()
            .map(|p| walk.at(p))
            .collect();
        let want: Vec<usize> = [0, 2, 10, 21, 22, 31, 49, 50, 54, 55, 64, 70]
            .into_iter()
            .map(|p| players::sentence_of(&sents, p))
            .collect();
        assert_eq!(got, want);
        assert_eq!(got, [0, 0, 0, 0, 1, 2, 3, 3, 4, 4, 4, 4], "{sents:?}");
    }

    #[test]
    fn short_gap_same_as_str_version() {
        let str_version = |gap: &str| {
            !gap.contains([',', ';', ':', '.', '(', '"']) && gap.split_whitespace().count() <= 3
        };
        let pieces = [
            " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{a0}", "\u{2003}", "a", "bc", "No",
            "1", "seed", ",", ";", ":", ".", "(", "\"", "-", "\u{e9}",
        ];
        let mut texts = vec![String::new(), "the world No 1".to_string()];
        texts.extend(crate::recognise::random_texts(
            &pieces,
            3000,
            9,
            0x2545_f491_4f6c_dd1d,
        ));
        for t in &texts {
            assert_eq!(short_gap(t), str_version(t), "{t:?}");
        }
    }

    #[test]
    fn place_context_same_as_str_version() {
        let mut texts = vec![
            "In Paris, At Rome. In  Madrid at Wells in Federer's absence\nIn Monte\nAt Doha. At  X Pain tin Bat".to_string(),
            "at X".to_string(),
            "In X".to_string(),
            "\u{e9}in X \u{e9}at Y. In\u{a0} Z".to_string(),
        ];
        // Random texts from a small alphabet that makes the prepositions frequent.
        let pieces = [
            "In", "At", "in", "at", " ", "  ", ".", "\n", "X", "'s", "\u{e9}", "t", "n", "I", "a",
        ];
        texts.extend(crate::recognise::random_texts(
            &pieces,
            500,
            12,
            0x9e37_79b9_7f4a_7c15,
        ));
        for t in &texts {
            for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for end in (start..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                    let span = Span::new(start, end);
                    assert_eq!(
                        place_context(t, span),
                        place_context_str(t, span),
                        "{t:?} {start}..{end}"
                    );
                }
            }
        }
    }

    /// A panic in the middle of an article (the CLI catches it and reports that input) must not leave that
    /// article's data in the thread's buffers for the next one.
    #[test]
    fn buffers_are_emptied_when_an_extraction_unwinds() {
        let cell = std::cell::RefCell::new(vec![Scratch::default(), Scratch::default()]);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut guard = EmptiedOnDrop(cell.borrow_mut(), 2);
            for s in guard.0.iter_mut() {
                s.cue_starts.extend([3, 9]);
                s.norm = Normalised::reusing("Federer beat Nadal", Default::default());
                s.used.push(true);
                s.sport = Some("tennis");
            }
            panic!("a bug in a stage");
        }));
        assert!(caught.is_err());
        for scratch in cell.borrow().iter() {
            assert!(scratch.cue_starts.is_empty());
            assert!(scratch.norm.text.is_empty());
            assert!(scratch.used.is_empty());
            assert_eq!(scratch.sport, None);
        }
    }

    /// Articles extracted one after another on one thread give what each gives alone.
    #[test]
    fn each_article_alone_whatever_came_before() {
        let a = "Tennis\n\nRoger Federer beat Rafael Nadal 6-4 6-3 in the final.";
        let b = "Tennis\n\nSerena Williams beat Maria Sharapova 7-5 6-2 in the semi-finals.";
        let run = |body: &str| {
            let parts = Parts {
                source: None,
                headline: None,
                published: None,
                warnings: &[],
            };
            extract_parts(parts, body)
        };
        let first_b = run(b);
        let _ = run(a);
        assert_eq!(run(b), first_b);
        assert_eq!(first_b.matches.len(), 1);
        assert_eq!(first_b.players[0].name, "Serena Williams");
    }
}
