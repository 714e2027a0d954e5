//! Who beat whom: references resolved sentence by sentence, then each result cue turned into a match.

use super::Ctx;
use super::players::{Ref, RefKind};
use crate::model::{Evidence, Match, Outcome, Side, Tournament};
use crate::recognise::descriptor::{DescKind, Descriptor};
use crate::recognise::result::CueKind;
use crate::recognise::round::RoundRelation;
use crate::recognise::{PlayerSide, Span, ascii_space};
// (For the code without vector instructions, and its tests.)
#[cfg(any(test, not(target_feature = "sse2")))]
use crate::segment::{splat, zero_bytes};

/// The entities of one side of a found match: a player or a doubles pair, held inline (no allocation). Reads
/// as the slice of its entities.
#[derive(Clone, Copy)]
pub(crate) struct Team {
    ids: [usize; 2],
    len: TeamLen,
}

/// The number of players of a [`Team`]: an enum of the two values, so that every read of it is known to be at
/// most 2 and the slice `ids[..len]` of [`Team`]'s `Deref` needs no bounds check (with a `u8` each look at a
/// side, as in the merge of repeated reports or a doubles side's span, tested `len <= 2` and kept a branch
/// to a panic).
#[derive(Clone, Copy)]
#[repr(u8)]
enum TeamLen {
    One = 1,
    Two = 2,
}

impl Team {
    /// A single player.
    fn one(e: usize) -> Self {
        Team {
            ids: [e, 0],
            len: TeamLen::One,
        }
    }

    /// A doubles pair, in the order given.
    fn pair(a: usize, b: usize) -> Self {
        Team {
            ids: [a, b],
            len: TeamLen::Two,
        }
    }
}

impl std::ops::Deref for Team {
    type Target = [usize];
    fn deref(&self) -> &[usize] {
        &self.ids[..self.len as usize]
    }
}

/// Equal as the slices of their entities: the lengths and both ids compared as integers (a single player's
/// second id is always 0, see [`Team::one`]), where the slice comparison was a call to `memcmp` (the merge of
/// repeated reports compares sides for every pair of candidates: 21 thousand calls on the generated articles).
impl PartialEq for Team {
    fn eq(&self, other: &Self) -> bool {
        // (Without a branch: one test of the result, where two tests of unpredictable compares cost mispredicts.)
        ((self.ids[0] ^ other.ids[0])
            | (self.ids[1] ^ other.ids[1])
            | usize::from(self.len as u8 ^ other.len as u8))
            == 0
    }
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

/// A match found in the text, before it becomes a record.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub winner: Team,
    pub loser: Team,
    /// Index into `ctx.m.scores` and whether to flip it.
    pub score: Option<(usize, bool)>,
    pub outcome: Outcome,
    pub round: Option<&'static str>,
    /// Index into `ctx.m.tournaments` and whether it is named in the result's clause.
    pub tournament: Option<(usize, bool)>,
    pub span: Span,
    pub rule: super::Rule,
    pub sent: usize,
    /// The last sentence that reports this match (after merging repeated reports).
    pub last_sent: usize,
}

/// What the number of a ranking or seed phrase counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    Seed,
    World,
    National,
}

/// A reference that still has to be resolved to an entity: its place and what it is. (The place is a field of
/// its own, read without a match on what it is: the merge of references reads it often.)
#[derive(Clone, Copy)]
struct Pending {
    span: Span,
    what: What,
}

/// What a [`Pending`] reference is.
#[derive(Clone, Copy)]
enum What {
    /// A descriptor ("the Spaniard", "he").
    Desc(DescKind),
    /// A ranking or seed phrase that stands for a player ("the world No 1", "the fifth seed"): what its number
    /// counts, the number, and the nationality of a demonym before it ("the American fifth seed").
    Itself(Number, u32, Option<&'static str>),
}

/// The buffers of [`resolve`] kept for the next article (see `super::Scratch`).
#[derive(Default)]
pub(crate) struct Scratch {
    pending: Vec<Pending>,
    used_scores: Vec<bool>,
    parens: Vec<Span>,
    hits: Vec<Hit>,
    merge: MergeBuffers,
    /// The lead words of [`lead_words`].
    leads: Vec<(usize, u8)>,
}

impl Scratch {
    /// Empties every buffer for the next article.
    pub fn recycle(&mut self) {
        super::recycle(&mut self.pending);
        super::recycle(&mut self.used_scores);
        super::recycle(&mut self.parens);
        super::recycle(&mut self.hits);
        super::recycle(&mut self.merge.score_text);
        super::recycle(&mut self.merge.numbered);
        super::recycle(&mut self.merge.hashes);
        super::recycle(&mut self.merge.keys);
        super::recycle(&mut self.leads);
    }
}

/// Resolves descriptors and extracts matches, sentence by sentence, into `found` (empty). The name references
/// are `ctx.refs_ahead` (sorted); `ctx.refs` (empty) receives every resolved reference, names included.
pub(crate) fn resolve(
    ctx: &mut Ctx,
    descs: &[Descriptor],
    scratch: &mut Scratch,
    found: &mut Vec<Found>,
) {
    let pending = &mut scratch.pending;
    pending.reserve(descs.len() + ctx.m.ranks.len() + ctx.m.seeds.len());
    pending.extend(descs.iter().map(|d| Pending {
        span: d.span,
        what: What::Desc(d.kind),
    }));
    for r in &ctx.m.ranks {
        if r.side == PlayerSide::Itself {
            let number = if r.kind == crate::model::RankingKind::National {
                Number::National
            } else {
                Number::World
            };
            pending.push(Pending {
                span: r.span,
                what: What::Itself(number, r.rank, None),
            });
        }
    }
    for s in &ctx.m.seeds {
        if s.side == PlayerSide::Itself {
            pending.push(Pending {
                span: s.span,
                what: What::Itself(Number::Seed, s.seed, None),
            });
        }
    }
    pending.sort_by_key(|p| p.span.start);
    // "the American fifth seed": a demonym followed at once by a seed/rank phrase is one reference. (Merged
    // in place: the first `n` are the merged list.)
    let mut n_merged = 0usize;
    for k in 0..pending.len() {
        if let What::Itself(kind, n, _) = pending[k].what
            && let Some(prev) = n_merged.checked_sub(1).map(|j| pending[j])
            && let What::Desc(DescKind::Demonym(c)) = prev.what
            && pending[k].span.start <= prev.span.end + 1
        {
            pending[n_merged - 1] = Pending {
                span: Span::new(prev.span.start, pending[k].span.end.max(prev.span.end)),
                what: What::Itself(kind, n, Some(c)),
            };
            continue;
        }
        // Skip a pending reference that overlaps a name ("the Spaniard" never overlaps; safety). (A reference
        // is moved only once a merge has made room: before that, and in most articles, each is in its place,
        // where it was copied out and back.)
        if n_merged != k {
            pending[n_merged] = pending[k];
        }
        n_merged += 1;
    }
    pending.truncate(n_merged);
    let merged: &[Pending] = pending;
    let name_refs: &[Ref] = &ctx.st.refs_ahead;
    // Whether the names are disjoint (as the name scanner finds them): then the one name that may overlap a
    // pending reference is next to where the merge below has come, found without `overlaps_name`'s search.
    let names_disjoint = name_refs
        .windows(2)
        .all(|w| w[0].span.end <= w[1].span.start);
    // The first quote that ends after the last pending reference looked up (see [`in_quote_from`]).
    let mut quote_i = 0usize;
    let mut refs = std::mem::take(&mut ctx.st.refs);
    refs.reserve(name_refs.len() + merged.len());
    found.clear();
    let (mut ni, mut pi) = (0usize, 0usize);
    let used_scores = &mut scratch.used_scores;
    used_scores.resize(ctx.m.scores.len(), false);
    let mut cue_i = 0usize;
    let mut parens = SentParens::with(std::mem::take(&mut scratch.parens));
    let split = Splitter::of_known(ctx.text, ctx.norm.known_ascii());
    let mut hits = SentHits::with(std::mem::take(&mut scratch.hits));
    // The first reference of the sentence before the current one.
    let mut prev_from = 0usize;
    // The first reference merged for the sentence before the current one.
    let mut first_ref_of_last = 0usize;
    // The first score of the current sentence (or after it, or one before it that the walks below step over:
    // they catch up).
    let mut score_i = 0usize;
    // The first tournament of the sentence of the last result (or after it): see [`tournament_for`].
    let mut tour_i = 0usize;
    // (The sentences, cues and scores as slices of their own, borrowed apart from the entities the loop
    // changes: not read again through `ctx` after each change.)
    let (sents, cues, scores): (&[_], &[_], &[_]) =
        (&ctx.st.sents, &ctx.st.m.cues, &ctx.st.m.scores);
    for (si, &sent) in sents.iter().enumerate() {
        let first_ref_of_sentence = refs.len();
        let first_ref_of_prev = std::mem::replace(&mut first_ref_of_last, first_ref_of_sentence);
        // Merge name references and pending references of this sentence in order, resolving the pending: the
        // names up to the next pending reference (those at its place first), or to the sentence's end.
        loop {
            let next_pend = merged.get(pi).filter(|p| p.span.start < sent.end);
            let names_end = next_pend.map_or(sent.end, |p| p.span.start + 1);
            while let Some(n) = name_refs.get(ni)
                && n.span.start < names_end
            {
                // (Appended as a slice of one: the reference is copied from `name_refs` into `refs` after the
                // room test, where `push` loaded it first and kept it on the stack across the call that grows
                // the vector.)
                refs.extend_from_slice(std::slice::from_ref(n));
                ni += 1;
            }
            let Some(p) = next_pend else {
                break;
            };
            let sp = p.span;
            // (The names before `ni` start at or before `sp`, the others after it.)
            let overlaps = if names_disjoint {
                overlaps_name_at(name_refs, ni, sp)
            } else {
                overlaps_name(name_refs, sp)
            };
            debug_assert_eq!(overlaps, overlaps_name(name_refs, sp));
            if !overlaps
                && !in_quote_from(&ctx.st.quotes, &mut quote_i, sp.start)
                && let Some(e) = resolve_pending(
                    ctx,
                    p,
                    si,
                    (&refs[first_ref_of_sentence..], &refs),
                    found,
                    (&mut parens, &mut hits),
                    split,
                )
            {
                if let What::Itself(kind, n, nat) = p.what {
                    if kind == Number::National {
                        ctx.st.known_national.entry(e).or_insert(n);
                    }
                    if let Some(c) = nat {
                        ctx.st.entities[e].demonym_votes.push(c);
                    }
                }
                if let What::Desc(d) = p.what {
                    match d {
                        DescKind::Demonym(c) => ctx.st.entities[e].demonym_votes.push(c),
                        DescKind::Age(n) if ctx.st.entities[e].age.is_none() => {
                            ctx.st.entities[e].age = Some(n)
                        }
                        _ => {}
                    }
                }
                let kind = match p.what {
                    What::Desc(DescKind::Pronoun) => RefKind::Pronoun,
                    _ => RefKind::Descriptor,
                };
                refs.push(Ref {
                    span: sp,
                    entity: e,
                    kind,
                    sent: si,
                });
            }
            pi += 1;
        }
        // Every match needs a reference of its sentence (a cue's agent, a score's player): a sentence without
        // one tells none. (The cue and score places below only move forward: they catch up. Debug builds go
        // on and check that no match is found.)
        let no_refs = refs.len() == first_ref_of_sentence;
        if no_refs && !cfg!(debug_assertions) {
            continue;
        }
        #[cfg(debug_assertions)]
        let found_before = found.len();
        // Matches of this sentence.
        while cue_i < cues.len() && cues[cue_i].span.start < sent.start {
            cue_i += 1;
        }
        let first_cue = cue_i;
        while cue_i < cues.len() && cues[cue_i].span.start < sent.end {
            cue_i += 1;
        }
        if first_cue == cue_i {
            // No cue: a match is told here only by a score wholly in the sentence (scores are in text order).
            while score_i < scores.len() && scores[score_i].span.start < sent.start {
                score_i += 1;
            }
            if !scores[score_i..]
                .iter()
                .take_while(|s| s.span.start < sent.end)
                .any(|s| s.span.end <= sent.end)
            {
                continue;
            }
        }
        let (before, sref) = refs.split_at(first_ref_of_sentence);
        // (References are in sentence order: the first of the sentence before only moves forward. Those merged
        // before the sentence before lie before it: a name's sentence is the one its start is in, or the one
        // before it when between two. So the search starts at the first merged for the sentence before.)
        prev_from = prev_from.max(first_ref_of_prev);
        debug_assert!(first_ref_of_prev == 0 || before[first_ref_of_prev - 1].sent + 1 < si);
        while prev_from < before.len() && before[prev_from].sent + 1 < si {
            prev_from += 1;
        }
        sentence_matches(
            ctx,
            (si, sent, split),
            &cues[first_cue..cue_i],
            (sref, &before[prev_from..]),
            (used_scores, &mut parens, &mut hits),
            (&mut score_i, &mut tour_i),
            found,
        );
        #[cfg(debug_assertions)]
        assert!(
            !no_refs || found.len() == found_before,
            "a sentence without references told a match"
        );
    }
    ctx.refs = refs;
    (scratch.parens, scratch.hits) = (parens.items, hits.items);
    #[cfg(debug_assertions)]
    if std::env::var_os("SPORTEXT_DEBUG").is_some() {
        for f in found.iter() {
            eprintln!(
                "found s{} {} {:?} {:?} {:?}",
                f.sent, f.rule, f.winner, f.loser, f.tournament
            );
        }
    }
    if found.is_empty() {
        // Nothing for the steps below to refine.
        return;
    }
    // Title phrases only give rounds to results that lack one (and rounds are never taken away).
    let lacking = found.iter().any(|f| f.round.is_none());
    let titles = if lacking {
        // Only the title phrases of a sentence with a result that lacks its round count for `title_rounds`:
        // the keywords of other sentences are not tried. (`infer_rounds` looks for those of the opening two
        // sentences itself, when it comes to need them.) (Results are in sentence order. Debug builds check
        // that the phrases of those sentences are all found.)
        let needed = |si: usize| {
            let k = found.partition_point(|f| f.sent < si);
            found[k..]
                .iter()
                .take_while(|f| f.sent == si)
                .any(|f| f.round.is_none())
        };
        let titles = crate::recognise::round::title_phrases_in(ctx.text, &ctx.keywords, |o| {
            needed(ctx.sentence_of(o))
        });
        #[cfg(debug_assertions)]
        {
            let of_needed = |ts: &[Span]| -> Vec<Span> {
                ts.iter()
                    .copied()
                    .filter(|t| needed(ctx.sentence_of(t.start)))
                    .collect()
            };
            let all = crate::recognise::round::title_phrases_in(ctx.text, &ctx.keywords, |_| true);
            assert_eq!(
                of_needed(&titles),
                of_needed(&all),
                "title phrases of needed sentences"
            );
        }
        titles
    } else {
        Vec::new()
    };
    title_rounds(ctx, &titles, found);
    merge_duplicates(ctx, found, &mut scratch.merge);
    lone_score(ctx, used_scores, found);
    infer_rounds(ctx, lacking, found, &mut scratch.leads);
}

/// One result told without its score and one full score told without a result, later in the same article:
/// they belong together ("... to beat the top seed." ... "served out the deciding set: 6-7 (5) 6-2 6-4").
fn lone_score(ctx: &Ctx, used: &[bool], found: &mut [Found]) {
    let mut scoreless = found
        .iter_mut()
        .filter(|f| f.score.is_none() && f.outcome == Outcome::Completed);
    let (Some(f), None) = (scoreless.next(), scoreless.next()) else {
        return;
    };
    let mut free = (0..ctx.m.scores.len())
        .filter(|&i| {
            !used[i]
                && !ctx.m.scores[i].sets.is_empty()
                && !ctx.in_quote(ctx.m.scores[i].span.start)
        })
        .filter(|&i| {
            ctx.m.scores[i].span.start > f.span.start
                && ctx.m.scores[i].ending == Outcome::Completed
        });
    if let (Some(i), None) = (free.next(), free.next())
        && ctx.m.scores[i].first_side_wins() == Some(true)
    {
        f.score = Some((i, false));
    }
}

/// Whether one of the four words before `span` in its sentence makes it a wish or a plan ("bid to win the
/// title", "will face him in the final").
fn future_before(ctx: &Ctx, span: Span) -> bool {
    let s = ctx.sents[ctx.sentence_of(span.start)];
    ctx.text[s.start..span.start]
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| FUTURE.has_any_case(w))
}

/// A title won in the sentence of a result makes it a final: "won her first Grand Slam title after she
/// defeated X", "beat X to win his maiden title". A title phrase belongs to the nearest result before it in
/// its sentence, or to the sentence's first result when it comes first.
fn title_rounds(ctx: &Ctx, titles: &[Span], found: &mut [Found]) {
    let future = |span: Span| future_before(ctx, span);
    for &t in titles {
        if future(t) || ctx.in_quote(t.start) {
            continue;
        }
        let si = ctx.sentence_of(t.start);
        let a = found.partition_point(|f| f.sent < si);
        let b = found.partition_point(|f| f.sent <= si);
        let owner = (a..b)
            .filter(|&k| found[k].span.start <= t.start)
            .max_by_key(|&k| found[k].span.start)
            .or((a < b).then_some(a));
        if let Some(k) = owner
            && found[k].round.is_none()
        {
            found[k].round = Some("F");
        }
    }
}

/// Rounds told outside the result's own clause: a title won in the same sentence (a final), a "reached the
/// last eight" in the next sentence, and the round of the headline or opening sentence for the main match
/// (from a title phrase there only when `titles_looked`: some result lacked its round before `title_rounds`).
fn infer_rounds(ctx: &Ctx, titles_looked: bool, found: &mut [Found], leads: &mut Vec<(usize, u8)>) {
    let future = |span: Span| future_before(ctx, span);
    // A "booked a spot in the last eight" in a sentence of its own belongs to the result just before it; an
    // "X and Y also reached the second round" to the results of the players it names.
    // (Results are in sentence order.)
    let has_match = |found: &[Found], si: usize| {
        let k = found.partition_point(|f| f.sent < si);
        found.get(k).is_some_and(|f| f.sent == si)
    };
    // Results are in text order of their first report: the window of results told in the ten sentences
    // before sentence `si`.
    let window = |found: &[Found], si: usize| {
        let a = found.partition_point(|f| f.sent + 10 < si);
        let b = found.partition_point(|f| f.sent < si);
        a..b.max(a)
    };
    for r in &ctx.m.rounds {
        if r.relation == RoundRelation::Played || ctx.in_quote(r.span.start) {
            continue;
        }
        let si = ctx.sentence_of(r.span.start);
        if si == 0 || has_match(found, si) {
            continue;
        }
        let here = ctx.sentence_refs(si);
        let named = |e: usize| {
            here.iter()
                .any(|x| x.span.end <= r.span.start && x.entity == e)
        };
        let mut hit = false;
        let w = window(found, si);
        for f in found[w.clone()].iter_mut() {
            if f.round.is_none() && f.winner.len() == 1 && named(f.winner[0]) && f.last_sent < si {
                f.round = r.played();
                hit = true;
            }
        }
        if !hit
            && let Some(f) = found[w]
                .iter_mut()
                .filter(|f| f.last_sent < si && f.last_sent + 1 >= si)
                .max_by_key(|f| f.last_sent)
            && f.round.is_none()
        {
            f.round = r.played();
        }
    }
    // A heading line ("Quarterfinals", "Second Round:") gives the round of the result lines under it (looked
    // for only when some result lacks its round).
    let is_heading = |r: &crate::recognise::round::RoundMention| is_heading(ctx.text, r.span);
    if found.iter().any(|f| f.round.is_none())
        && let Some(first) = ctx.m.rounds.iter().position(is_heading)
    {
        let headings: Vec<(usize, &'static str)> = ctx.m.rounds[first..]
            .iter()
            .filter(|r| is_heading(r))
            .map(|r| (r.span.start, r.code))
            .collect();
        for f in found.iter_mut() {
            let k = headings.partition_point(|h| h.0 < f.span.start);
            if f.round.is_none() && k > 0 {
                f.round = Some(headings[k - 1].1);
            }
        }
    }
    // "in the previous round": the round before that of the result told just before.
    // (A result with its round is passed over before the rest of its sentence is sliced.)
    for i in 0..found.len() {
        if found[i].round.is_some() {
            continue;
        }
        let sent = ctx.sents[found[i].sent];
        let after = &ctx.text[found[i].span.start.max(sent.start)..sent.end];
        if earlier_round_in(after.as_bytes()) {
            let si = found[i].sent;
            let a = found.partition_point(|f| f.sent + 20 < si);
            let before = found[a..i]
                .iter()
                .enumerate()
                .filter(|&(_, g)| g.round.is_some() && g.last_sent < si)
                .max_by_key(|&(_, g)| g.last_sent)
                .and_then(|(_, g)| g.round);
            found[i].round = before.and_then(crate::recognise::round::previous);
        }
    }
    // "The other quarter-final ...", "X and Y also progressed": the day's results share the main round.
    // (Whole-text checks, made only when some result still lacks its round and the answer is needed.)
    let lacking = found.iter().any(|f| f.round.is_none());
    // The places of the lead words, found in one case-insensitive pass over the text when first needed (in
    // the buffer given, taken out of `bufs` then).
    let leads_cell = std::cell::OnceCell::new();
    let bufs = std::cell::Cell::new(Some(leads));
    let leads = || -> &[(usize, u8)] {
        leads_cell.get_or_init(|| {
            let out = bufs.take().expect("lead words found once");
            lead_words(ctx.text, out);
            let out: &[(usize, u8)] = out;
            out
        })
    };
    let bytes = ctx.text.as_bytes();
    // Whether `bytes[at..]` starts with `w` (lower case) in any case.
    let starts = |at: usize, w: &str| {
        bytes
            .get(at..at + w.len())
            .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    };
    // Whether `bytes[..end]` ends with `w` (lower case) in any case.
    let ends = |end: usize, w: &str| {
        end >= w.len() && bytes[end - w.len()..end].eq_ignore_ascii_case(w.as_bytes())
    };
    let same_day = || {
        lacking && {
            let after = |lead: u8, tails: &[&str]| {
                leads()
                    .iter()
                    .filter(|&&(_, k)| k == lead)
                    .any(|&(end, _)| tails.iter().any(|t| starts(end, t)))
            };
            after(
                LEAD_THE_OTHER,
                &["quarter", "semi", "first-round", "second-round"],
            ) || after(
                LEAD_ALSO,
                &[
                    "progressed",
                    "advanced",
                    "went through",
                    "made it through",
                    "won through",
                    "moved into",
                    "reached",
                ],
            )
        }
    };
    // A team cup won or its final named: "Spain's Davis Cup victory", "clinched the Hopman Cup".
    let cup_final = || {
        lacking
            && leads()
                .iter()
                .filter(|&&(_, k)| k == LEAD_CUP)
                .any(|&(end, _)| {
                    let Some(c) = [
                        "davis cup",
                        "fed cup",
                        "billie jean king cup",
                        "hopman cup",
                        "united cup",
                    ]
                    .into_iter()
                    .find(|c| ends(end, c)) else {
                        return false;
                    };
                    let start = end - c.len();
                    [" final", " victory", " triumph", " title", " win"]
                        .iter()
                        .any(|w| {
                            // "reach Hopman Cup final" names the next tie, not this one.
                            starts(end, w) && {
                                let before = ctx.text[..start].trim_end().len();
                                !(*w == " final"
                                    && [
                                        "reach", "reaches", "reached", "into", "to", "book",
                                        "booked",
                                    ]
                                    .iter()
                                    .any(|v| ends(before, v)))
                            }
                        })
                        || [
                            "won the ",
                            "win the ",
                            "lift the ",
                            "lifted the ",
                            "clinched the ",
                            "claimed the ",
                        ]
                        .iter()
                        .any(|v| ends(start, v))
                })
    };
    if let Some(main) = found
        .iter()
        .find(|f| f.round.is_some())
        .map(|f| (f.round, f.tournament))
    {
        let joins = |f: &Found| {
            f.round.is_none()
                && match (f.tournament, main.1) {
                    (Some((a, _)), Some((b, _))) => same_name(ctx, a, b),
                    _ => true,
                }
        };
        if found.iter().any(joins) && same_day() {
            for f in found.iter_mut() {
                if joins(f) {
                    f.round = main.0;
                }
            }
        }
    }
    // Rubbers of a team tie share the tie's round: the first round played named in the opening sentences
    // ("their Davis Cup semi-final in Seville"), else "the Davis Cup final".
    let team = [
        "Davis Cup",
        "Fed Cup",
        "Billie Jean King Cup",
        "Hopman Cup",
        "United Cup",
        "ATP Cup",
    ];
    // (Every team event's name holds "Cup": a quick byte test first, [`has_cup`].)
    let team_event = |name: &str| has_cup(name.as_bytes()) && team.iter().any(|c| name.contains(c));
    // (Results mostly follow one another with the same tournament: its name is read once per run of them.)
    let mut last: Option<(usize, bool)> = None;
    let mut team_at = |t: usize| match last {
        Some((u, team)) if u == t => team,
        _ => {
            let team = team_event(ctx.m.tournaments[t].name(ctx.text));
            last = Some((t, team));
            team
        }
    };
    if found
        .iter()
        .any(|f| f.round.is_none() && f.tournament.is_some_and(|t| team_at(t.0)))
    {
        let tie_round = ctx
            .m
            .rounds
            .iter()
            .find(|r| {
                let si = ctx.sentence_of(r.span.start);
                let sent = ctx.sents[si];
                let future = || {
                    ctx.text[sent.start..sent.end]
                        .split_whitespace()
                        .any(|w| FUTURE.has(w))
                };
                si <= 3
                    && r.relation == RoundRelation::Played
                    && !ctx.in_quote(r.span.start)
                    && !future()
            })
            .map(|r| r.code)
            .or_else(|| cup_final().then_some("F"));
        // (The tournament's name read once per run of results with it, as above.)
        for f in found.iter_mut() {
            if f.round.is_none() && f.tournament.is_some_and(|t| team_at(t.0)) {
                f.round = tie_round;
            }
        }
    }
    // The headline and the opening sentence tell the round of the main match.
    let Some(first) = found.iter().position(|f| f.sent <= 2) else {
        return;
    };
    if found[first].round.is_some() {
        return;
    }
    let (winner, loser) = (found[first].winner, found[first].loser);
    let mentions_player = |si: usize| {
        ctx.sentence_refs(si)
            .iter()
            .any(|r| winner.contains(&r.entity) || loser.contains(&r.entity))
    };
    // The round codes told there: none, one (told once or more), or several (`None`).
    let mut codes = ctx
        .m
        .rounds
        .iter()
        .filter(|r| {
            ctx.sentence_of(r.span.start) <= 1 && mentions_player(ctx.sentence_of(r.span.start))
        })
        .filter_map(|r| r.played());
    let mut code = codes.next();
    if let Some(c) = code
        && codes.any(|d| d != c)
    {
        code = None;
    } else if code.is_none() {
        // (The title phrases of the opening two sentences, looked for now: only as `resolve` would have, when
        // some result lacked its round before the steps above.)
        let title_by_winner = titles_looked
            && crate::recognise::round::title_phrases_in(ctx.text, &ctx.keywords, |o| {
                ctx.sentence_of(o) <= 1
            })
            .iter()
            .any(|t| {
                let si = ctx.sentence_of(t.start);
                si <= 1
                    && !future(*t)
                    && ctx
                        .sentence_refs(si)
                        .iter()
                        .any(|r| winner.contains(&r.entity) && r.span.end <= t.start)
            });
        if title_by_winner {
            code = Some("F");
        }
    }
    if code.is_some() {
        found[first].round = code;
    }
}

/// Whether `b` holds "Cup". (Each window's bytes matched as a pattern: a compare of its first byte, which
/// rejects most, where a slice compare of each window cost a loop of its own. `memchr` costs more on names
/// this short.)
fn has_cup(b: &[u8]) -> bool {
    b.windows(3).any(|w| matches!(w, [b'C', b'u', b'p']))
}

/// The phrases of an earlier round ("in the previous round").
#[cfg(test)]
static EARLIER_ROUND: Patterns = Patterns::new(&[
    "previous round",
    "round before",
    "round earlier",
    "earlier round",
]);

/// Whether `h` holds a phrase of an earlier round: "previous round", "round before", "round earlier" or
/// "earlier round" (as `EARLIER_ROUND.find(h).is_some()`). Each phrase holds "round" once, at a known place:
/// the words are compared around each "round" of `h` (found by a SIMD search, which rejects most texts at
/// once), not looked for byte by byte.
fn earlier_round_in(h: &[u8]) -> bool {
    static ROUND: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("round"));
    // (A loop of `find`, not `find_iter`, which copies the searcher into each iterator it makes.)
    let mut at = 0;
    while let Some(k) = ROUND.find(&h[at..]) {
        let (before, rest) = h.split_at(at + k);
        if before.ends_with(b"previous ")
            || before.ends_with(b"earlier ")
            || rest.starts_with(b"round before")
            || rest.starts_with(b"round earlier")
        {
            return true;
        }
        at += k + 5;
    }
    false
}

/// Whether the round phrase at `span` is a heading: alone on a short line ("Quarterfinals", "Second Round:"),
/// at most 12 bytes besides it once trimmed (and of a trailing colon), with no comma or full stop. Looks at
/// most 40 bytes either side for the line's ends (a heading is a short line).
fn is_heading(text: &str, span: Span) -> bool {
    let b = text.as_bytes();
    // Most phrases stand inside a sentence: a visible ASCII byte 13 bytes before the phrase, with no line break
    // between, is in its line and kept by the trim (it is no white space), and so is the phrase's last letter
    // or digit (nor white space nor a colon): the trimmed line holds at least 13 bytes besides the phrase. (The
    // same 13 bytes after a phrase that starts with a letter or digit, when that byte is no colon: a trailing
    // colon is trimmed too.) Told without looking for the line.
    let before = span.start.wrapping_sub(13);
    let after = span.end + 12;
    if (b.get(before).is_some_and(u8::is_ascii_graphic)
        && b.get(span.end.wrapping_sub(1))
            .is_some_and(u8::is_ascii_alphanumeric)
        && !b[before..span.start].contains(&b'\n'))
        || (b
            .get(after)
            .is_some_and(|&c| c.is_ascii_graphic() && c != b':')
            && b.get(span.start).is_some_and(u8::is_ascii_alphanumeric)
            && !b[span.end..after].contains(&b'\n'))
    {
        return false;
    }
    let from = super::players::floor_boundary(text, span.start.saturating_sub(40));
    let to = super::players::ceil_boundary(text, span.end + 40);
    let ls = text[from..span.start].rfind('\n').map(|p| from + p + 1);
    let le = text[span.end..to].find('\n').map(|p| span.end + p);
    let (ls, le) = match (
        ls.or((from == 0).then_some(0)),
        le.or((to == text.len()).then_some(to)),
    ) {
        (Some(a), Some(b)) => (a, b),
        _ => return false,
    };
    let line = text[ls..le].trim().trim_end_matches(':');
    line.len() <= span.end - span.start + 12 && !line.contains([',', '.'])
}

/// Lead word "the other " of [`lead_words`].
const LEAD_THE_OTHER: u8 = 0;
/// Lead word "also " of [`lead_words`].
const LEAD_ALSO: u8 = 1;
/// Lead word "cup" of [`lead_words`].
const LEAD_CUP: u8 = 2;

/// Three bytes of each lead word ([`LEAD_ANCHORS`]) in each of their eight case forms (pattern `3 * m + k` is
/// the bytes of word `k` with byte `i` in upper case when bit `i` of `m` is set: a space stays one, so some
/// forms come twice, which costs nothing). The case forms of a word differ only in bit 5 of their letters,
/// which lies in the high nibble: they share the low nibbles by which Teddy puts patterns in buckets, and the
/// bucket of the word's first form (the lower-case one, pattern `k`: so the three words get three buckets)
/// then admits exactly its word's case forms, lower case tried first (searching the text itself costs about
/// what searching a lower-cased copy for three words did, without the copy).
static LEAD_STARTS: std::sync::LazyLock<Option<aho_corasick::packed::Searcher>> =
    std::sync::LazyLock::new(|| {
        let mut b = aho_corasick::packed::Config::new().builder();
        for m in 0..8 {
            for w in LEAD_ANCHORS {
                let form: Vec<u8> = (w.iter().enumerate())
                    .map(|(i, c)| {
                        if m >> i & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            *c
                        }
                    })
                    .collect();
                b.add(form);
            }
        }
        b.build()
    });

/// The lead words in lower case ([`LEAD_THE_OTHER`], [`LEAD_ALSO`], [`LEAD_CUP`]).
const LEAD_WORDS: [&[u8]; 3] = [b"the other ", b"also ", b"cup"];
/// The three bytes of each lead word that [`LEAD_STARTS`] looks for, at [`LEAD_AT`] in it: the rarest in
/// articles, which the search then stops at seldom but for the word itself (" ot" starts "other" and
/// "otherwise" alone, where "oth" is in "both" and "another"; "lso" ends "also" alone, where "als" is in
/// "finals").
const LEAD_ANCHORS: [&[u8; 3]; 3] = [b" ot", b"lso", b"cup"];
/// Where [`LEAD_ANCHORS`] stand in [`LEAD_WORDS`].
const LEAD_AT: [usize; 3] = [3, 1, 0];

/// Every occurrence of a lead word in `text` in any (ASCII) case: where it ends and which it is
/// ([`LEAD_THE_OTHER`], [`LEAD_ALSO`], [`LEAD_CUP`]), in text order, written into `out` (empty). Their
/// anchors ([`LEAD_ANCHORS`]) are found by a SIMD search of the text ([`LEAD_STARTS`]), or else byte by
/// byte, and the words compared around them. (No anchor can overlap another or itself, as none ends with
/// the start of one: the non-overlapping matches are all of them. No word can either, so each word's end
/// comes after the one before.)
fn lead_words(text: &str, out: &mut Vec<(usize, u8)>) {
    let b = text.as_bytes();
    let mut check = |at: usize, k: usize| {
        let Some(start) = at.checked_sub(LEAD_AT[k]) else {
            return;
        };
        let end = start + LEAD_WORDS[k].len();
        if b.get(start..end)
            .is_some_and(|w| w.eq_ignore_ascii_case(LEAD_WORDS[k]))
        {
            out.push((end, k as u8));
        }
    };
    match LEAD_STARTS.as_ref() {
        Some(s) => {
            for m in s.find_iter(b) {
                check(m.start(), m.pattern().as_usize() % 3);
            }
        }
        None => {
            for at in 0..b.len().saturating_sub(2) {
                if let Some(k) = LEAD_ANCHORS
                    .iter()
                    .position(|w| b[at..at + 3].eq_ignore_ascii_case(*w))
                {
                    check(at, k);
                }
            }
        }
    }
}

/// [`Ctx::in_quote`]`(pos)` for positions asked in text order: `quotes` (in text order and disjoint, as
/// `quote_ranges` finds them, so they end in order too) are stepped over from `*at` (moved on) while they end
/// at or before `pos`; the next one holds `pos` when it starts at or before it.
#[inline]
fn in_quote_from(quotes: &[Span], at: &mut usize, pos: usize) -> bool {
    while quotes.get(*at).is_some_and(|q| q.end <= pos) {
        *at += 1;
    }
    quotes.get(*at).is_some_and(|q| q.start <= pos)
}

/// [`overlaps_name`] for disjoint `names`, of which those before `at` start at or before `sp` and the others
/// after it. (Disjoint, they end in order too: the first to end after `sp.start`, the one `overlaps_name`
/// looks at, is the one before `at` or else the one at `at`.)
fn overlaps_name_at(names: &[Ref], at: usize, sp: Span) -> bool {
    match at.checked_sub(1).map(|j| names[j].span) {
        Some(n) if n.end > sp.start => n.start < sp.end,
        _ => names.get(at).is_some_and(|n| n.span.start < sp.end),
    }
}

fn overlaps_name(names: &[Ref], sp: Span) -> bool {
    let i = names.partition_point(|r| r.span.end <= sp.start);
    names.get(i).is_some_and(|r| r.span.start < sp.end)
}

/// The entity a pending reference stands for.
fn resolve_pending(
    ctx: &Ctx,
    p: &Pending,
    si: usize,
    (here, all): (&[Ref], &[Ref]),
    found: &[Found],
    (parens, hits): (&mut SentParens, &mut SentHits),
    split: Splitter,
) -> Option<usize> {
    let sp = p.span;
    let sent = ctx.sents[si];
    let compatible = |e: usize| -> bool {
        let ent = &ctx.entities[e];
        match &p.what {
            What::Desc(d) => match *d {
                DescKind::Demonym(c) => ent.nationality.is_none_or(|n| n == c),
                DescKind::Age(n) => ent.age.is_none_or(|a| a == n),
                DescKind::Pronoun | DescKind::Role => true,
            },
            What::Itself(kind, n, nat) => {
                let known = match kind {
                    Number::Seed => &ctx.known_seed,
                    Number::World => &ctx.known_rank,
                    Number::National => &ctx.known_national,
                };
                // "The British number one" is not "the world number one".
                let national_clash =
                    *kind == Number::World && ctx.known_national.get(&e) == Some(n);
                known.get(&e).is_none_or(|k| k == n)
                    && !national_clash
                    && nat.is_none_or(|c| ent.nationality.is_none_or(|x| x == c))
            }
        }
    };
    // "The world number one, the top seed in Melbourne, ...": an apposition of the reference just before.
    if !matches!(p.what, What::Desc(DescKind::Pronoun))
        && let Some(prev) = here.last()
        && prev.span.end <= sp.start
        && ctx.text[prev.span.end..sp.start] == *", "
    {
        return Some(prev.entity);
    }
    // "The No. 3 seed, Alexander Zverev, ...": an apposition names the player.
    if !matches!(p.what, What::Desc(DescKind::Pronoun)) {
        let after = &ctx.text[sp.end..];
        if let Some(rest) = after.strip_prefix(", ") {
            let at = sp.end + 2;
            // (`refs_ahead` is sorted by start: the references starting at `at` are found by a binary search.)
            let from = ctx.refs_ahead.partition_point(|r| r.span.start < at);
            if let Some(r) = ctx.refs_ahead[from..]
                .iter()
                .take_while(|r| r.span.start == at)
                .find(|r| r.kind == RefKind::Name)
                && rest[r.span.end - at..].starts_with(',')
            {
                return Some(r.entity);
            }
        }
    }
    // A seed or rank told with a name elsewhere ("third seed Venus Williams") names the player.
    if let What::Itself(kind, n, _) = &p.what {
        let known = match kind {
            Number::Seed => &ctx.known_seed,
            Number::World => &ctx.known_rank,
            Number::National => &ctx.known_national,
        };
        // The holder when there is exactly one.
        let only = |it: &mut dyn Iterator<Item = usize>| match (it.next(), it.next()) {
            (Some(e), None) => Some(e),
            _ => None,
        };
        let sole = match kind {
            Number::Seed => ctx
                .seed_holders
                .get(n)
                .and_then(|v| only(&mut v.iter().copied())),
            Number::World => ctx
                .rank_holders
                .get(n)
                .and_then(|v| only(&mut v.iter().copied())),
            Number::National => only(&mut known.iter().filter(|(_, k)| *k == n).map(|(e, _)| *e)),
        };
        if sole.is_some() {
            return sole;
        }
    }
    if let What::Desc(DescKind::Pronoun) = p.what {
        if let Some(first) = here.first() {
            return Some(first.entity);
        }
        return previous_subject(all, si, &compatible);
    }
    // Subject position: the reference opens its sentence (or its clause after a conjunction).
    let lead = ctx.text[sent.start..sp.start].trim();
    let subject_position = here.is_empty()
        && (lead.is_empty()
            || matches!(
                lead,
                "But"
                    | "And"
                    | "Yet"
                    | "So"
                    | "Then"
                    | "However,"
                    | "Now"
                    | "There,"
                    | "Instead,"
                    | "Still,"
            )
            // (The words of `lead` are those of the untrimmed range.)
            || split.words_at_most(ctx.text, sent.start, sp.start, 3) && !lead.contains(['"', ',']));
    // Object position: a compatible player already named in this sentence, other than its subject.
    // The sentence's subject: its first reference when that opens the sentence.
    let subject_here = here
        .first()
        .filter(|r| split.words_at_most(ctx.text, sent.start, r.span.start, 4))
        .map(|r| r.entity);
    // (The parentheticals are only looked at when the sentence has references before this one.)
    let parens: &[Span] = if here.is_empty() {
        &[]
    } else {
        parens.of(ctx, si, hits)
    };
    let paren_of = |pos: usize| {
        parens
            .iter()
            .find(|q| q.start <= pos && pos < q.end)
            .copied()
    };
    if !here.is_empty()
        && !matches!(p.what, What::Desc(DescKind::Pronoun))
        && let Some(r) = here.iter().rev().find(|r| {
            Some(r.entity) != subject_here
                && compatible(r.entity)
                && (paren_of(r.span.start).is_none()
                    || paren_of(r.span.start) == paren_of(sp.start))
                // A player named inside a quote is not who "said the top seed" describes.
                && ctx.in_quote(r.span.start) == ctx.in_quote(sp.start)
        })
    {
        return Some(r.entity);
    }
    // A demonym whose nationality only one recent player has explicitly.
    if let What::Desc(DescKind::Demonym(c)) = p.what {
        let mut recent = all
            .iter()
            .rev()
            .take_while(|r| r.sent + 6 >= si)
            .map(|r| r.entity)
            .filter(|&e| ctx.entities[e].nationality == Some(c));
        if let Some(e) = recent.next()
            && recent.all(|x| x == e)
        {
            return Some(e);
        }
    }
    // "the Olympic champion", "the teenager": a role in the story, most often its central player's: the one
    // named most often so far among those of the last few sentences.
    let role = matches!(p.what, What::Desc(DescKind::Role));
    if role && (subject_position || here.is_empty()) {
        // The compatible players of the last few sentences, latest first, each with its number of names.
        let mut recent: Vec<(usize, usize)> = Vec::new();
        for r in all.iter().rev().take_while(|r| r.sent + 4 >= si) {
            if !recent.iter().any(|c| c.0 == r.entity) && compatible(r.entity) {
                recent.push((r.entity, 0));
            }
        }
        if !recent.is_empty() {
            for r in all.iter().rev().take_while(|r| r.sent + 40 >= si) {
                if r.kind == RefKind::Name
                    && let Some(c) = recent.iter_mut().find(|c| c.0 == r.entity)
                {
                    c.1 += 1;
                }
            }
        }
        // The most named; of those, the latest.
        if let Some((k, _)) = recent
            .iter()
            .enumerate()
            .max_by_key(|(k, c)| (c.1, std::cmp::Reverse(*k)))
        {
            return Some(recent[k].0);
        }
    }
    if subject_position {
        // After a result, the next sentence's descriptor is most often about the winner.
        if let Some(f) = found
            .iter()
            .rev()
            .take_while(|f| f.sent + 1 >= si)
            .find(|f| f.sent + 1 == si)
        {
            for &e in f.winner.iter().chain(f.loser.iter()) {
                if compatible(e) && f.winner.len() == 1 {
                    return Some(e);
                }
            }
        }
        return previous_subject(all, si, &compatible);
    }
    // Object position: a player of the latest result other than this sentence's subject (winner first), else
    // the most recent compatible player other than the subject.
    let subject = subject_here;
    static WIN: Patterns =
        Patterns::any_case(&[" win ", "the win", " victory", " triumph", " success"]);
    static LOSS: Patterns = Patterns::any_case(&[" defeat", " loss", "beaten"]);
    let lead_text = &ctx.text[sent.start..sp.start];
    let about_a_win = || here.is_empty() && WIN.find(lead_text).is_some();
    // "despite his defeat, the world number 14 ...": the loser of the latest result.
    let about_a_loss = || here.is_empty() && LOSS.find(lead_text).is_some();
    if let Some(f) = found
        .iter()
        .rev()
        .take_while(|f| f.sent + 3 >= si)
        .find(|f| f.loser.len() == 1)
        && compatible(f.loser[0])
        && about_a_loss()
    {
        return Some(f.loser[0]);
    }
    // The latest singles result: when it is older than three sentences, only when the words before speak of
    // a win. (Results are in sentence order.)
    if let Some(f) = found
        .iter()
        .rev()
        .find(|f| f.winner.len() == 1)
        .filter(|f| f.sent + 3 >= si || about_a_win())
    {
        for &e in f.winner.iter().chain(f.loser.iter()) {
            if Some(e) != subject && compatible(e) {
                return Some(e);
            }
        }
    }
    all.iter()
        .rev()
        .take_while(|r| r.sent + 3 >= si)
        .map(|r| r.entity)
        .find(|&e| Some(e) != subject && compatible(e))
}

/// The subject (first reference) of the closest earlier sentence that has one.
fn previous_subject(all: &[Ref], si: usize, ok: &dyn Fn(usize) -> bool) -> Option<usize> {
    // References are in text order: the last one before this sentence is in the closest earlier sentence.
    let before = all.partition_point(|r| r.sent < si);
    let s = all[..before]
        .last()
        .map(|r| r.sent)
        .filter(|&s| s + 4 >= si)?;
    let from = all[..before].partition_point(|r| r.sent < s);
    all[from..before].iter().map(|r| r.entity).find(|&e| ok(e))
}

/// A list of lower-case words in byte order (each of 1 to 16 bytes, starting with a letter: see the test
/// below), looked up by binary search behind a filter on length and first and last letters built at compile
/// time.
struct WordList {
    words: &'static [&'static str],
    /// Bit `e - b'a'` of `ends[n][c - b'a']`: a word of `n` bytes starts with letter `c` and ends with letter
    /// `e` (bit 31 for a last byte that is no letter; `ends[17]`, for every longer word, and `ends[n][26..]`,
    /// for first bytes that are no letter, are 0).
    ends: [[u32; 32]; 18],
    /// Bit `d - b'a'` of `pair[c - b'a']`: a word starts with letters `c`, `d` (`pair[26..]`, for bytes that
    /// are no letter, are 0).
    pair: [u32; 32],
    /// The words starting with letter `c` are `words[from[c - b'a']..from[c - b'a' + 1]]`.
    from: [u16; 27],
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> Self {
        let mut ends = [[0u32; 32]; 18];
        let mut pair = [0u32; 32];
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            assert!(
                w.len() >= 2
                    && w.len() <= 16
                    && w[0].is_ascii_lowercase()
                    && w[1].is_ascii_lowercase()
            );
            let e = w[w.len() - 1];
            let e = if e.is_ascii_lowercase() { e - b'a' } else { 31 };
            ends[w.len()][(w[0] - b'a') as usize] |= 1 << e;
            pair[(w[0] - b'a') as usize] |= 1 << (w[1] - b'a');
            k += 1;
        }
        // (Words are in byte order: each letter's words follow one another.)
        let mut from = [0u16; 27];
        let mut c = 0;
        while c < 27 {
            let mut n = 0;
            while n < words.len() && words[n].as_bytes()[0] < b'a' + c as u8 {
                n += 1;
            }
            from[c] = n as u16;
            c += 1;
        }
        WordList {
            words,
            ends,
            pair,
            from,
        }
    }

    /// The words starting with lower-case letter `c`.
    fn starting(&self, c: u8) -> &'static [&'static str] {
        let i = (c - b'a') as usize;
        &self.words[self.from[i] as usize..self.from[i + 1] as usize]
    }

    /// Whether `w` in lower case may be in the list: some word has its length and first and last letters,
    /// and some word its first two letters (a NECESSARY test, made before any search).
    #[inline]
    fn may_have(&self, w: &[u8]) -> bool {
        // (Without a branch: a first or second byte that is no letter has index 31, whose bits are all 0, and
        // so do the lengths beyond 16 (`ends[17]`) and below 2 (no second letter). A last byte that is no
        // letter has index 31 too, set for listed words that end so.)
        let a = LETTER_INDEX[usize::from(w.first().copied().unwrap_or(0))];
        let b = LETTER_INDEX[usize::from(w.get(1).copied().unwrap_or(0))];
        let e = LETTER_INDEX[usize::from(w.last().copied().unwrap_or(0))];
        (self.ends[w.len().min(17)][usize::from(a)] >> e) & (self.pair[usize::from(a)] >> b) & 1
            == 1
    }

    fn has(&self, w: &str) -> bool {
        self.has_bytes(w.as_bytes())
    }

    /// Whether the word of bytes `w` is in the list.
    fn has_bytes(&self, w: &[u8]) -> bool {
        self.may_have(w)
            && w[0].is_ascii_lowercase()
            && self
                .starting(w[0])
                .binary_search_by(|p| p.as_bytes().cmp(w))
                .is_ok()
    }

    /// Whether `w` in lower case is in the list. (The filter inlined where called, the search not: most words
    /// are ruled out by the filter alone.)
    #[inline(always)]
    fn has_any_case(&self, w: &str) -> bool {
        self.has_bytes_any_case(w.as_bytes())
    }

    /// Whether the word of bytes `w` in lower case is in the list (as [`WordList::has_any_case`]).
    #[inline(always)]
    fn has_bytes_any_case(&self, w: &[u8]) -> bool {
        self.may_have(w) && self.search_any_case(w)
    }

    /// Whether `w` in lower case is in the list, searched for.
    #[inline(never)]
    fn search_any_case(&self, w: &[u8]) -> bool {
        // (Compared byte by byte in lower case: no copy of the word.)
        let lower = || w.iter().map(|c| c.to_ascii_lowercase());
        self.starting(w[0].to_ascii_lowercase())
            .binary_search_by(|p| p.bytes().cmp(lower()))
            .is_ok()
    }
}

/// The index of an ASCII letter in the alphabet in either case (0 to 25), 31 for every other byte.
static LETTER_INDEX: [u8; 256] = {
    let mut t = [31u8; 256];
    let mut c = 0;
    while c < 26 {
        t[(b'a' + c) as usize] = c;
        t[(b'A' + c) as usize] = c;
        c += 1;
    }
    t
};

/// Words before a cue that make it a wish, a plan or a hypothesis rather than a result (in byte order).
static NOT_RESULT_BEFORE: WordList = WordList::new(&[
    "bid", "can", "can't", "cannot", "chance", "could", "didn't", "failed", "fails", "hopes",
    "hoping", "if", "may", "might", "must", "never", "not", "should", "to", "unless", "will",
    "won't", "would",
]);

/// Words that make "to beat" a wish or a plan: "hopes to beat", "will need to beat", "a chance to beat" (in
/// byte order).
static FUTURE: WordList = WordList::new(FUTURE_WORDS);

/// The words of [`FUTURE`].
const FUTURE_WORDS: &[&str] = &[
    "able",
    "aim",
    "aiming",
    "aims",
    "attempt",
    "bid",
    "bidding",
    "can",
    "cannot",
    "chance",
    "could",
    "due",
    "expected",
    "expects",
    "face",
    "faces",
    "favorite",
    "favourite",
    "going",
    "hope",
    "hopes",
    "hoping",
    "if",
    "intends",
    "looking",
    "may",
    "might",
    "must",
    "need",
    "needs",
    "next",
    "plan",
    "plans",
    "ready",
    "seek",
    "seeking",
    "seeks",
    "should",
    "tipped",
    "tomorrow",
    "tries",
    "try",
    "trying",
    "unless",
    "want",
    "wanting",
    "wants",
    "will",
    "would",
];

/// A past-tense verb (in lower case): "rallied", "came", "went" ("rallied to beat", "came back to beat", "went on to beat").
fn past_verb(w: &[u8]) -> bool {
    (w.ends_with(b"ed") && w.len() > 4 && w != b"seeded" && w != b"ranked" && w != b"unseeded")
        || PAST_VERBS.has_bytes(w)
}

/// The past-tense verbs (and the gerunds of a fight back) of [`past_verb`] that do not end in "ed" (in byte
/// order).
static PAST_VERBS: WordList = WordList::new(PAST_VERB_WORDS);

/// The words of [`PAST_VERBS`].
const PAST_VERB_WORDS: &[&str] = &[
    "battling",
    "beat",
    "bouncing",
    "came",
    "coming",
    "dug",
    "fighting",
    "fought",
    "found",
    "got",
    "held",
    "hung",
    "kept",
    "left",
    "made",
    "overcame",
    "put",
    "rallying",
    "ran",
    "recovering",
    "rode",
    "saw",
    "shook",
    "storming",
    "threw",
    "took",
    "went",
    "won",
];

/// The index of an ASCII letter in the alphabet in either case (0 to 25), 30 for an ASCII digit, 31 for every
/// other byte: [`LETTER_INDEX`] that also tells the digits, so that one look-up says whether a byte is an
/// ASCII letter or digit (`< 31`).
static ALNUM_INDEX: [u8; 256] = {
    let mut t = LETTER_INDEX;
    let mut c = b'0';
    while c <= b'9' {
        t[c as usize] = 30;
        c += 1;
    }
    t
};

/// The one filter of a clause word before "to beat" ([`wish_and_past`]) that every word of [`FUTURE`] and
/// every past verb ([`past_verb`]) passes, in any case: bit `e` of `WISH_OR_PAST[n.min(17)][a]` is set when a
/// word of `n` bytes whose first and last bytes have [`ALNUM_INDEX`] `a` and `e` may be one. These are the
/// `ends` of the two lists (a digit, index 30, starts or ends no listed word: its bits are those of no list)
/// and, for the past verbs in "-ed" (of five bytes and more), the last letter 'd' after any first byte.
/// (Most words pass no list's filter: one look-up instead of one per list and a test of the ending.)
static WISH_OR_PAST: [[u32; 32]; 18] = {
    let (future, past) = (
        WordList::new(FUTURE_WORDS).ends,
        WordList::new(PAST_VERB_WORDS).ends,
    );
    let mut t = [[0u32; 32]; 18];
    let mut n = 0;
    while n < 18 {
        let mut a = 0;
        while a < 32 {
            t[n][a] = future[n][a] | past[n][a];
            if n >= 5 {
                t[n][a] |= 1 << (b'd' - b'a');
            }
            a += 1;
        }
        n += 1;
    }
    t
};

/// The parenthetical ranges (", who ... ," and similar, which hold their own subject) of sentence `sent`,
/// written into `out` in order, read off the [`PAREN`] hits of its [`CLAUSE_WORDS`] (`hits`, as found by
/// [`clause_hits`]): no pass of their own. A relative clause (", who ", ", whose ", ", which ", " - who ")
/// runs from its comma or hyphen to the next comma or semicolon or else the end of the sentence; an
/// apposition (", the ", ", a ") only counts when a comma or semicolon in the sentence closes it.
fn parens_of_hits(text: &str, sent: crate::segment::Sentence, hits: &[Hit], out: &mut Vec<Span>) {
    let b = text.as_bytes();
    for h in hits.iter().filter(|h| h.groups & PAREN != 0) {
        // The end of the closing comma or semicolon after the pattern.
        let closing = memchr::memchr2(b',', b';', &b[h.end..sent.end]).map(|q| h.end + q + 1);
        match b[h.start] {
            // " - who ": from the hyphen.
            b' ' => out.push(Span::new(h.start + 1, closing.unwrap_or(sent.end))),
            // ", the ", ", a ".
            _ if matches!(b[h.start + 2], b't' | b'a') => {
                if let Some(end) = closing {
                    out.push(Span::new(h.start, end));
                }
            }
            // ", who ", ", whose ", ", which ".
            _ => out.push(Span::new(h.start, closing.unwrap_or(sent.end))),
        }
    }
}

/// The words of `s`, as `s.split_whitespace()`: split at ASCII white space bytes when no wider space can be
/// in `s`, else by the standard split.
fn words(s: &str) -> Words<'_> {
    // (Every white space character beyond ASCII starts with byte 0xC2, 0xE1, 0xE2 or 0xE3 in UTF-8: U+0085,
    // U+00A0, U+1680, U+2000..=U+205F, U+3000. Without those bytes, letters such as "é" split nothing.)
    if s.is_ascii() || !s.bytes().any(|c| matches!(c, 0xC2 | 0xE1..=0xE3)) {
        Words::Ascii(s, 0)
    } else {
        Words::Other(s.split_whitespace())
    }
}

/// How [`words`] splits the parts of one article: at ASCII white space at once when no wide space can be in
/// the article at all (the usual case), else as `words` does, testing each part.
#[derive(Clone, Copy)]
struct Splitter {
    /// The article may hold a white space character beyond ASCII.
    wide: bool,
}

impl Splitter {
    #[cfg(test)]
    fn of(text: &str) -> Self {
        Self::of_known(text, false)
    }

    /// [`Splitter::of`] the article `text`, known to be ASCII when `ascii` (the normaliser read every byte of
    /// its source: no byte is read again, a scan of the whole article that cost about 380 instructions for
    /// each BBC article).
    fn of_known(text: &str, ascii: bool) -> Self {
        // (The test of `words` by a SIMD search for the lead bytes of the wide spaces.)
        let b = text.as_bytes();
        Splitter {
            wide: !ascii
                && !text.is_ascii()
                && (memchr::memchr3(0xC2, 0xE1, 0xE2, b).is_some()
                    || memchr::memchr(0xE3, b).is_some()),
        }
    }

    /// The words of `s`, a part of the article, as `words(s)` (and `s.split_whitespace()`).
    fn words(self, s: &str) -> Words<'_> {
        if self.wide {
            words(s)
        } else {
            Words::Ascii(s, 0)
        }
    }

    /// Whether `text[from..to]` (`text` the article) has at most `most` words, as
    /// `self.words(&text[from..to]).nth(most).is_none()`: the starts of words counted off masks of the white
    /// space of 16 bytes at a time ([`white_in16`]), up to the lane that passes `most`, when no wide space can
    /// be in the article (each word of `Words` is a call of `next`, which loops over its bytes).
    fn words_at_most(self, text: &str, from: usize, to: usize, most: usize) -> bool {
        if self.wide {
            return words(&text[from..to]).nth(most).is_none();
        }
        let b = text.as_bytes();
        let (mut n, mut base) = (0, from);
        // Whether the byte before `base` is in a word (the byte before `from` is not in the range: no).
        let mut carry = 0u32;
        while base < to {
            let word = !white_in16(b, base, to) & 0xFFFF;
            // A word starts at a byte of a word that follows no byte of a word.
            n += (word & !(word << 1 | carry)).count_ones() as usize;
            if n > most {
                return false;
            }
            carry = word >> 15;
            base += 16;
        }
        true
    }
}

/// Bit `k`: whether byte `base + k` of `b` is ASCII white space or lies at or after `to` (`base <= to <=
/// b.len()`; bytes past the end of `b` are read as zeros, no white space, before the bits from `to` are set).
#[inline(always)]
fn white_in(b: &[u8], base: usize, to: usize) -> u64 {
    let white = match b.get(base..base + 64) {
        Some(block) => white_bits(block.try_into().expect("64 bytes")),
        None => {
            let rest = &b[base..];
            let mut block = [0u8; 64];
            block[..rest.len()].copy_from_slice(rest);
            white_bits(&block)
        }
    };
    let end = to - base;
    white | if end < 64 { !0u64 << end } else { 0 }
}

/// Bit `k`: whether `block[k]` is ASCII white space ([`ascii_space`]: '\t' to '\r', ' '). With SSE2 (every
/// x86-64), a compare for ' ' and two signed compares for the range per sixteen bytes (bytes beyond ASCII are
/// negative: below 9); elsewhere byte by byte.
#[inline(always)]
fn white_bits(block: &[u8; 64]) -> u64 {
    #[cfg(target_feature = "sse2")]
    return crate::blocks::sse2_mask(block, white_lanes);
    #[cfg(not(target_feature = "sse2"))]
    portable_white_bits(block)
}

/// The test of [`white_bits`] on sixteen bytes: each lane all ones where its byte is ASCII white space.
#[cfg(target_feature = "sse2")]
#[inline(always)]
fn white_lanes(v: safe_arch::m128i) -> safe_arch::m128i {
    use safe_arch::*;
    let splat = |c: u8| set_splat_i8_m128i(c as i8);
    bitor_m128i(
        cmp_eq_mask_i8_m128i(v, splat(b' ')),
        bitand_m128i(
            cmp_gt_mask_i8_m128i(v, splat(b'\t' - 1)),
            cmp_lt_mask_i8_m128i(v, splat(b'\r' + 1)),
        ),
    )
}

/// Bit `k` (of the low sixteen): whether byte `base + k` of `b` is ASCII white space or lies at or after `to`
/// (as [`white_in`], on sixteen bytes: the gaps between two words of a result are mostly shorter).
#[inline(always)]
fn white_in16(b: &[u8], base: usize, to: usize) -> u32 {
    let lane: [u8; 16] = match b.get(base..base + 16) {
        Some(lane) => lane.try_into().expect("16 bytes"),
        None => {
            let rest = &b[base..];
            let mut lane = [0u8; 16];
            lane[..rest.len()].copy_from_slice(rest);
            lane
        }
    };
    #[cfg(target_feature = "sse2")]
    let white =
        safe_arch::move_mask_i8_m128i(white_lanes(safe_arch::m128i::from(lane))) as u32 & 0xFFFF;
    #[cfg(not(target_feature = "sse2"))]
    let white = lane
        .iter()
        .enumerate()
        .fold(0, |mask, (k, &c)| mask | u32::from(ascii_space(c)) << k);
    let end = to - base;
    (white | if end < 16 { !0u32 << end } else { 0 }) & 0xFFFF
}

/// [`white_bits`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_white_bits(block: &[u8; 64]) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |mask, (k, &c)| mask | u64::from(ascii_space(c)) << k)
}

/// The words of a range of an article without white space beyond ASCII, split at its ASCII white space as
/// [`Words::Ascii`] splits, but read off a mask of the white space of the 64 bytes from `base`: a word's start
/// and end are the counts of trailing zeros of two masks, where the loops over bytes of `Words::Ascii` cost
/// some instructions a byte and a mispredicted exit about once a word.
struct BlockWords<'a> {
    text: &'a str,
    /// The end of the range.
    to: usize,
    /// Where the block of `white` starts (at most `to`).
    base: usize,
    /// Bit `k`: byte `base + k` is white space, or lies at or after `to` (which ends a word as white space does).
    white: u64,
    /// The bytes of the block's words not yet returned: `!white` without the words before the place reached.
    /// (Kept as a mask, not as that place: the next word's start is one count of trailing zeros, with no
    /// shift by the place and no test of it against the block's end.)
    rest: u64,
}

impl<'a> BlockWords<'a> {
    /// The words of `text[from..to]`.
    fn new(text: &'a str, from: usize, to: usize) -> Self {
        let mut w = BlockWords {
            text,
            to,
            base: from,
            white: 0,
            rest: 0,
        };
        w.load(from);
        w
    }

    /// Makes the 64 bytes from `base` (at most `to`) the block of the mask, every word in it not yet returned.
    #[inline(always)]
    fn load(&mut self, base: usize) {
        let white = white_in(self.text.as_bytes(), base, self.to);
        (self.base, self.white, self.rest) = (base, white, !white);
    }
}

impl<'a> Iterator for BlockWords<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            if self.rest == 0 {
                // No word left in the block: the next block, if the range goes on.
                let next = self.base + 64;
                if next >= self.to {
                    return None;
                }
                self.load(next);
                continue;
            }
            // (`rest` plus its lowest bit: the lowest run of word bytes cleared by the carry, and the bit of
            // the white byte after it set; zero when the run goes on to the block's end.)
            let low = self.rest & self.rest.wrapping_neg();
            let s = low.trailing_zeros();
            let past = self.rest.wrapping_add(low);
            if past == 0 {
                // The word runs on past the block: read the block from the word's start, or, for a word that
                // fills a whole block (64 bytes and more), its end byte by byte.
                let start = self.base + s as usize;
                if s > 0 {
                    self.load(start);
                    continue;
                }
                let b = self.text.as_bytes();
                let mut end = start + 64;
                while end < self.to && !ascii_space(b[end]) {
                    end += 1;
                }
                self.load(end);
                return Some(&self.text.as_bytes()[start..end]);
            }
            let e = past.trailing_zeros();
            // (The word's bytes are `s..e`, the lowest run of `rest`: gone, as in `past`.)
            self.rest &= past;
            let (start, end) = (self.base + s as usize, self.base + e as usize);
            return Some(&self.text.as_bytes()[start..end]);
        }
    }
}

/// The iterator of [`words`]: an ASCII text and the place reached in it, or the standard split.
enum Words<'a> {
    Ascii(&'a str, usize),
    Other(std::str::SplitWhitespace<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            Words::Other(it) => it.next(),
            Words::Ascii(s, at) => {
                let s: &'a str = s;
                let b = s.as_bytes();
                let mut i = *at;
                while i < b.len() && ascii_space(b[i]) {
                    i += 1;
                }
                let start = i;
                while i < b.len() && !ascii_space(b[i]) {
                    i += 1;
                }
                *at = i;
                (start < i).then(|| &s[start..i])
            }
        }
    }
}

/// `w.trim_matches(|c: char| !c.is_alphanumeric())`, on bytes where the ends reached are ASCII (the
/// punctuation around a word: "Federer,", "(who"): an ASCII character is alphanumeric exactly when its byte
/// is, and a byte below 0x80 is a whole character. A character beyond ASCII at an end goes to `trim_matches`.
fn trim_non_alnum(w: &str) -> &str {
    let b = w.as_bytes();
    let keep = |c: &u8| c.is_ascii_alphanumeric() || !c.is_ascii();
    let Some(s) = b.iter().position(keep) else {
        return "";
    };
    let e = b.iter().rposition(keep).map_or(s, |k| k + 1);
    if !b[s].is_ascii() || !b[e - 1].is_ascii() {
        return w.trim_matches(|c: char| !c.is_alphanumeric());
    }
    &w[s..e]
}

/// The last word of `s`, as `s.split_whitespace().next_back()`: read byte by byte back from the end while the
/// bytes are ASCII, else by the standard split.
fn last_word(s: &str) -> Option<&str> {
    let space = ascii_space;
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && space(b[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && !space(b[start - 1]) {
        if !b[start - 1].is_ascii() {
            return s.split_whitespace().next_back();
        }
        start -= 1;
    }
    // (The word and all after it are ASCII here: a non-ASCII space could not have been missed.)
    (start < end).then(|| &s[start..end])
}

/// The high bit of each byte of `h` (the others 0) gathered into bit `k` for byte `k` (a multiply that moves
/// each bit to its place without carries).
#[cfg(any(test, not(target_feature = "sse2")))]
#[inline]
fn high_bits(h: u64) -> u32 {
    (h.wrapping_mul(0x0002_0408_1020_4081) >> 56) as u32
}

/// The two halves of a 16-byte window as numbers (little-endian: byte `k` of a half is its bits `8k..8k + 8`).
#[cfg(any(test, not(target_feature = "sse2")))]
#[inline]
fn halves(w: &[u8; 16]) -> (u64, u64) {
    let (lo, hi) = w.split_at(8);
    (
        u64::from_le_bytes(lo.try_into().expect("eight bytes")),
        u64::from_le_bytes(hi.try_into().expect("eight bytes")),
    )
}

/// The bytes of a 16-byte window as masks, bit `k` for `w[k]`: of its ASCII white space (see [`ascii_space`])
/// and of its bytes beyond ASCII. (Without a branch: a loop over bytes exits at a place that changes from word
/// to word, and is mispredicted there. With SSE2 (every x86-64), the compares of [`white_lanes`] and one
/// `pmovmskb` for each mask: a byte beyond ASCII has its high bit set, which `pmovmskb` gathers as it is.)
#[inline]
fn white_and_wide(w: &[u8; 16]) -> (u32, u32) {
    #[cfg(target_feature = "sse2")]
    {
        let v = safe_arch::m128i::from(*w);
        let white = safe_arch::move_mask_i8_m128i(white_lanes(v)) as u32 & 0xFFFF;
        let wide = safe_arch::move_mask_i8_m128i(v) as u32 & 0xFFFF;
        (white, wide)
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_white_and_wide(w)
}

/// [`white_and_wide`] without vector instructions: eight bytes at a time in a `u64`.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_white_and_wide(w: &[u8; 16]) -> (u32, u32) {
    let half = |x: u64| {
        let x7 = x & splat(0x7F);
        // (Sums of bytes below 0x80 carry into no other byte.) At least 9, below 14, or a space.
        let tab_to_cr = x7.wrapping_add(splat(0x77)) & !x7.wrapping_add(splat(0x72));
        let white = (tab_to_cr & !x & splat(0x80)) | zero_bytes(x ^ splat(b' '));
        (high_bits(white), high_bits(x & splat(0x80)))
    };
    let (lo, hi) = halves(w);
    let ((w0, n0), (w1, n1)) = (half(lo), half(hi));
    (w0 | w1 << 8, n0 | n1 << 8)
}

/// The spaces (b' ') of a 16-byte window as a mask, bit `k` for `w[k]` (as [`white_and_wide`]: with SSE2, one
/// compare and one `pmovmskb`).
#[inline]
pub(super) fn spaces(w: &[u8; 16]) -> u32 {
    #[cfg(target_feature = "sse2")]
    {
        use safe_arch::*;
        let v = m128i::from(*w);
        move_mask_i8_m128i(cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(b' ' as i8))) as u32 & 0xFFFF
    }
    #[cfg(not(target_feature = "sse2"))]
    portable_spaces(w)
}

/// [`spaces`] without vector instructions.
#[cfg(any(test, not(target_feature = "sse2")))]
fn portable_spaces(w: &[u8; 16]) -> u32 {
    let (lo, hi) = halves(w);
    high_bits(zero_bytes(lo ^ splat(b' '))) | high_bits(zero_bytes(hi ^ splat(b' '))) << 8
}

/// The last word of `text[from..end]`, as [`last_word`] of it, read off the masks of the 16 bytes before `end`
/// when they hold the word, the white space after it and a white space (or `from`) before it, all ASCII or
/// in a text without white space beyond ASCII (`!split.wide`): no loop over bytes, whose exits (after the
/// spaces, at the word's start) are mispredicted about once a word. Else by [`last_word`]. (As bytes: the
/// callers compare it with ASCII words only, and a byte slice pays no test of character boundaries.)
#[inline]
fn last_word_in(text: &str, from: usize, end: usize, split: Splitter) -> Option<&[u8]> {
    let slow = || last_word(&text[from..end]).map(str::as_bytes);
    let Some(ws) = end.checked_sub(16) else {
        return slow();
    };
    let Ok(w) = <&[u8; 16]>::try_from(&text.as_bytes()[ws..end]) else {
        return slow();
    };
    let (white, wide) = white_and_wide(w);
    // (The bytes before `from` count as white space: they end the word.)
    let before = (1u32 << from.saturating_sub(ws).min(16)) - 1;
    let white = white | before;
    // The word ends after the white space at the end (`word_end` bytes into the window), and starts after the
    // last white space before that.
    let word_end = 16 - (!(white << 16)).leading_zeros();
    let below = white & ((1u32 << word_end) - 1);
    if word_end == 0 || below == 0 {
        return slow();
    }
    let word_start = 32 - below.leading_zeros();
    if split.wide && wide & ((1u32 << word_end) - (1u32 << word_start)) != 0 {
        return slow();
    }
    Some(&text.as_bytes()[ws + word_start as usize..ws + word_end as usize])
}

/// Whether the first word of `text[start..end]` (up to its first space b' ', or all of it) ends with "ing",
/// read off the mask of the 16 bytes from `start` when they hold that word and the space after it (or `end`).
#[inline]
fn first_word_ends_ing(text: &str, start: usize, end: usize) -> bool {
    let slow = || {
        let t = &text.as_bytes()[start..end];
        let first = t.iter().position(|&b| b == b' ').map_or(t, |k| &t[..k]);
        first.ends_with(b"ing")
    };
    let Some(w) = text
        .as_bytes()
        .get(start..start + 16)
        .and_then(|w| <&[u8; 16]>::try_from(w).ok())
    else {
        return slow();
    };
    // (The end counts as a space.)
    let space = spaces(w) | (1u32 << (end - start).min(16));
    let k = space.trailing_zeros() as usize;
    if k == 16 && end - start > 16 {
        return slow();
    }
    // (The three bytes before `k` compared at once, and `k >= 3` tested with them, not before: no branch.)
    let j = k.max(3) - 3;
    let tail = u32::from(w[j]) | u32::from(w[j + 1]) << 8 | u32::from(w[j + 2]) << 16;
    (k >= 3) & (tail == u32::from_le_bytes(*b"ing\0"))
}

/// Where the first byte `a` or `b` of `h` is.
#[inline]
fn first_of(h: &[u8], a: u8, b: u8) -> Option<usize> {
    memchr::memchr2(a, b, h)
}

/// Facts of the sentence being resolved, computed once when first needed: [`SentParens`], [`SentHits`].
struct PerSentence<T> {
    si: usize,
    items: Vec<T>,
}

impl<T> PerSentence<T> {
    /// No sentence yet, with `items` as the buffer.
    fn with(items: Vec<T>) -> Self {
        PerSentence {
            si: usize::MAX,
            items,
        }
    }

    /// The items of sentence `si`; `fill` writes them into the (cleared or reused) buffer when `si` is new.
    /// (Inlined, with `fill` a call out of line: most calls ask again for the sentence just filled, and then
    /// cost a comparison, not a call with its saved registers.)
    #[inline]
    fn get(&mut self, si: usize, fill: impl FnOnce(&mut Vec<T>)) -> &[T] {
        if self.si != si {
            fill(&mut self.items);
            self.si = si;
        }
        &self.items
    }
}

/// The parentheticals of the sentence being resolved.
type SentParens = PerSentence<Span>;

impl SentParens {
    /// (Read off the clause words of the sentence, found for both: by one call out of line, [`fill_sentence`].)
    #[inline]
    fn of(&mut self, ctx: &Ctx, si: usize, hits: &mut SentHits) -> &[Span] {
        self.get(si, |spans| fill_sentence(ctx, si, hits, Some(spans)))
    }
}

/// The clause words of sentence `si` into `hits` when they are not there yet, then its parentheticals into
/// `spans` when asked for (cleared first). (Out of line: see [`PerSentence::get`]. The parentheticals are
/// asked for first in a sentence, and the clause words found in the same call: one call and one set of saved
/// registers per sentence, where the parentheticals' call made another for the clause words. The one place
/// that calls [`clause_hits`].)
#[inline(never)]
fn fill_sentence(ctx: &Ctx, si: usize, hits: &mut SentHits, spans: Option<&mut Vec<Span>>) {
    let sent = ctx.sents[si];
    if hits.si != si {
        clause_hits(ctx.text, (sent.start, sent.end), &mut hits.items);
        hits.si = si;
    }
    if let Some(spans) = spans {
        spans.clear();
        parens_of_hits(ctx.text, sent, &hits.items, spans)
    }
}

/// The words that end a clause, tell a head-to-head record or open a parenthetical, searched for once per
/// sentence. A [`Hit`]'s `groups` say which of the four sets ([`CLAUSE_END`], [`BREAKS`], [`H2H`],
/// [`PAREN`]) it belongs to.
static CLAUSE_WORDS: Patterns = Patterns::new(&[
    // 0..6: clause ends, which are also breaks.
    " but ",
    ", while ",
    " while ",
    "; ",
    ", and ",
    " whereas ",
    // 6..8: breaks only.
    ", with ",
    ", as ",
    // 8..16: head-to-head words.
    "meetings",
    "meeting",
    "encounters",
    "head-to-head",
    "occasions",
    " times in",
    " times out of",
    "matches against",
    // 16..22: parenthetical openers (see [`parens_of_hits`]).
    ", who ",
    ", whose ",
    ", which ",
    " - who ",
    ", the ",
    ", a ",
]);

/// The end of the clause a score stays in: " but ", ", while ", " while ", "; ", ", and ", " whereas ".
const CLAUSE_END: u8 = 1;
/// Where a clause starts after: the clause ends and ", with ", ", as ".
const BREAKS: u8 = 2;
/// Words of a head-to-head record: "meetings", "encounters", " times in", ...
const H2H: u8 = 4;
/// Openers of a parenthetical: ", who ", ", whose ", ", which ", " - who ", ", the ", ", a ".
const PAREN: u8 = 8;

/// The groups of pattern `k` of [`CLAUSE_WORDS`].
fn clause_word_groups(k: u32) -> u8 {
    match k {
        0..6 => CLAUSE_END | BREAKS,
        6..8 => BREAKS,
        8..16 => H2H,
        _ => PAREN,
    }
}

/// One occurrence of a [`CLAUSE_WORDS`] pattern in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    start: usize,
    end: usize,
    groups: u8,
}

/// Where the first pattern of `group` that lies wholly in `from..to` starts (as `Patterns::find` over
/// `text[from..to]`, in text offsets). Hits are in order of start.
fn first_start(hits: &[Hit], group: u8, from: usize, to: usize) -> Option<usize> {
    hits_within(hits, group, from, to).next().map(|h| h.start)
}

/// Where the last pattern of `group` that lies wholly in `from..to` ends (as `Patterns::rfind_end` over
/// `text[from..to]`, in text offsets).
fn last_end(hits: &[Hit], group: u8, from: usize, to: usize) -> Option<usize> {
    hits_within(hits, group, from, to).map(|h| h.end).max()
}

/// The hits of `group` that lie wholly in `from..to`, in order of start.
fn hits_within(hits: &[Hit], group: u8, from: usize, to: usize) -> impl Iterator<Item = &Hit> {
    let a = hits.partition_point(|h| h.start < from);
    hits[a..]
        .iter()
        .take_while(move |h| h.start < to)
        .filter(move |h| h.groups & group != 0 && h.end <= to)
}

/// The [`CLAUSE_WORDS`] of the sentence being resolved, found in one pass.
type SentHits = PerSentence<Hit>;

impl SentHits {
    /// (Found by [`fill_sentence`], mostly already with the sentence's parentheticals.)
    #[inline]
    fn of(&mut self, ctx: &Ctx, si: usize) -> &[Hit] {
        if self.si != si {
            fill_sentence(ctx, si, self, None);
        }
        &self.items
    }
}

/// The searchers of [`clause_hits`], built once (one lazy static: one test of its state per sentence):
/// - the [`CLAUSE_WORDS`] that start with neither ';' nor ',', for a SIMD search of the places where one
///   starts (a fat Teddy: its sixteen buckets give fewer false candidates than a slim one's eight);
/// - the AVX2 searcher for ',' and ';' (when the CPU has AVX2): a sentence has a few commas, each found by a
///   call of its iterator, which spares each call the dispatch and set-up of `memchr::memchr2`.
static CLAUSE_SEARCH: std::sync::LazyLock<(
    Option<aho_corasick::packed::Searcher>,
    Option<CommaSearcher>,
)> = std::sync::LazyLock::new(|| {
    let anchors = aho_corasick::packed::Config::new()
        .only_teddy_fat(Some(true))
        .builder()
        .extend(
            CLAUSE_WORDS
                .pats
                .iter()
                .filter(|p| !p.starts_with([';', ','])),
        )
        .build();
    #[cfg(target_arch = "x86_64")]
    let commas = CommaSearcher::new(b',', b';');
    // (Off x86-64, `memchr::memchr2`.)
    #[cfg(not(target_arch = "x86_64"))]
    let commas = None;
    (anchors, commas)
});

/// The AVX2 searcher of two bytes (see [`CLAUSE_SEARCH`]).
#[cfg(target_arch = "x86_64")]
type CommaSearcher = memchr::arch::x86_64::avx2::memchr::Two;
/// (None is built off x86-64.)
#[cfg(not(target_arch = "x86_64"))]
type CommaSearcher = memchr::arch::all::memchr::Two;

/// The occurrences of [`CLAUSE_WORDS`] in `text[offset..to]` (on character boundaries), in order of start,
/// written into `out` (cleared first). Places are found by a SIMD search (or byte by byte without one), the
/// patterns compared there; those of the patterns that start with ';' or ',' at each such byte. (The search
/// reads bytes: the `str` is sliced only without one, sparing each sentence the character boundary tests.)
fn clause_hits(text: &str, (offset, to): (usize, usize), out: &mut Vec<Hit>) {
    out.clear();
    let h = &text.as_bytes()[offset..to];
    let hit = |i: usize, k: u32| Hit {
        start: offset + i,
        end: offset + i + CLAUSE_WORDS.pats[k as usize].len(),
        groups: clause_word_groups(k),
    };
    let (anchors, commas) = &*CLAUSE_SEARCH;
    let Some(anchors) = anchors else {
        CLAUSE_WORDS.each(&text[offset..to], |i, k| out.push(hit(i, k)));
        return;
    };
    // The patterns at `h[i..]` of those in `cand` (their candidates there).
    let at_each = |out: &mut Vec<Hit>, i: usize, mut cand: u32| {
        while cand != 0 {
            let k = cand.trailing_zeros();
            if CLAUSE_WORDS.at(k, h, i) {
                out.push(hit(i, k));
            }
            cand &= cand - 1;
        }
    };
    let mut at = 0;
    while let Some(m) = anchors.find_in(h, aho_corasick::Span::from(at..h.len())) {
        at_each(out, m.start(), CLAUSE_WORDS.candidates(h, m.start()));
        at = m.start() + 1;
    }
    // Then the patterns that start with ';' or ',' (no other pattern does), and all in order of start.
    let before = out.len();
    let mut each_stop = |i: usize| {
        // (Most commas start no pattern: ruled out by the look-ups of `candidates` before any call.)
        if h.get(i + 1) == Some(&b' ') {
            let cand = CLAUSE_WORDS.candidates(h, i);
            if cand != 0 {
                at_each(out, i, cand);
            }
        }
    };
    match commas {
        Some(commas) => commas.iter(h).for_each(&mut each_stop),
        None => memchr::memchr2_iter(b';', b',', h).for_each(&mut each_stop),
    }
    if before > 0 && out.len() > before {
        out.sort_by_key(|x| x.start);
    }
}

/// The matches told by the cues and scores of sentence `si`, pushed onto `found`.
///
/// (Inlined into its one caller, [`resolve`]: called apart, its arguments went through memory, tuples built
/// on the stack and read back, and were spilled again, at each of the sentences that reach it; inlined, fat
/// LTO runs about 49 instructions fewer per such sentence.)
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn sentence_matches(
    ctx: &Ctx,
    (si, sent, split): (usize, crate::segment::Sentence, Splitter),
    cues: &[crate::recognise::result::Cue],
    (refs, prev_refs): (&[Ref], &[Ref]),
    (used_scores, parens, hit_cache): (&mut [bool], &mut SentParens, &mut SentHits),
    (next_score, first_tournament): (&mut usize, &mut usize),
    found: &mut Vec<Found>,
) {
    let text = ctx.text;
    // The first score of the sentence: scores are in text order.
    while *next_score < ctx.m.scores.len() && ctx.m.scores[*next_score].span.start < sent.start {
        *next_score += 1;
    }
    let first_score = *next_score;
    let last_score = first_score
        + ctx.m.scores[first_score..]
            .iter()
            .take_while(|s| s.span.start < sent.end)
            .count();
    // (The next sentence's walk starts after the scores that start in this one, as sentences are disjoint and
    // in order: it steps over none of them again.)
    *next_score = last_score;
    // The scores wholly in the sentence: those that start in it but the last, when that one ends past the
    // sentence. (Scores never overlap, so they end in order too: no other can end past it. Debug builds check
    // the range against the filter.)
    let last_out = last_score > first_score && ctx.m.scores[last_score - 1].span.end > sent.end;
    let score_ids = first_score..last_score - usize::from(last_out);
    debug_assert!(
        score_ids
            .clone()
            .eq((first_score..last_score).filter(|&i| ctx.m.scores[i].span.end <= sent.end)),
        "the scores wholly in a sentence"
    );
    // The cues that may tell a match here (see [`cue_may_tell`]); with none and no score, none is told.
    let may_tell = |ci: usize| {
        let next_start = cues.get(ci + 1).map_or(sent.end, |c| c.span.start);
        cue_may_tell(ctx, cues[ci], next_start, refs, score_ids.clone())
    };
    // (Debug builds go on past the tests and check that a cue ruled out tells no match.)
    if score_ids.is_empty() && !(0..cues.len()).any(may_tell) && !cfg!(debug_assertions) {
        return;
    }
    let parens = parens.of(ctx, si, hit_cache);
    // (The clause words are found when first needed: many cues lack their players.)
    // The agent and object of the last result told in this sentence: "X had upset Y ..., and beat Z".
    let mut prev_pair: Option<(Ref, usize, usize)> = None;
    // The number of matches found before the cue just ruled out, in debug builds.
    let mut ruled_out: Option<usize> = None;
    for (ci, cue) in cues.iter().enumerate() {
        debug_assert!(
            ruled_out.is_none_or(|n| n == found.len()),
            "a cue ruled out told a match"
        );
        ruled_out = None;
        if !may_tell(ci) {
            if !cfg!(debug_assertions) {
                continue;
            }
            ruled_out = Some(found.len());
        }
        // A cue inside a score ("6-3 2-1 retired") says nothing more. Cues in quotes count ("the court Lleyton
        // beat Roger Federer on"): pronouns there are not resolved, so only named players take part.
        if score_ids.clone().any(|i| {
            let s = ctx.m.scores[i].span;
            s.start < cue.span.end && cue.span.start < s.end
        }) {
            continue;
        }
        let prev_end = if ci > 0 {
            cues[ci - 1].span.end
        } else {
            sent.start
        };
        let next_start = cues.get(ci + 1).map_or(sent.end, |c| c.span.start);
        let prev_rel_end = cues[..ci]
            .iter()
            .rev()
            .find(|c| !matches!(c.kind, CueKind::Won | CueKind::Lost))
            .map_or(sent.start, |c| c.span.end);
        // The next cue that names both players: the limit of this result's tournament and round phrases.
        let next_relational = cues[ci + 1..]
            .iter()
            .find(|c| !matches!(c.kind, CueKind::Won | CueKind::Lost))
            .map_or(sent.end, |c| c.span.start);
        // Wishes, plans and negations are not results.
        let last_word = last_word_in(text, sent.start, cue.span.start, split);
        if let Some(w) = last_word {
            if w.eq_ignore_ascii_case(b"to") {
                // "rallied to beat" is a result, "hopes to beat" is not: look at the clause's verb before "to".
                // Inside ", who needed three hours to beat X", the clause starts at the parenthetical.
                let from = parens
                    .iter()
                    .find(|p| p.start <= cue.span.start && cue.span.start < p.end)
                    .map_or(prev_end.max(sent.start), |p| p.start.max(prev_end));
                let (wish, past) = clause_wish_and_past(text, from, cue.span.start, split);
                if wish || !past {
                    continue;
                }
            } else if NOT_RESULT_BEFORE.has_bytes_any_case(w) {
                continue;
            }
        }
        // "If he beats Sinner in straight sets, ...": a condition, not a result. (Most sentences start with
        // an ASCII letter or digit other than those four, which no trimming moves: ruled out on that byte,
        // without the trimming.)
        if !text.as_bytes()[sent.start..cue.span.start]
            .first()
            .is_some_and(|&c| c.is_ascii_alphanumeric() && !matches!(c, b'I' | b'U' | b'S' | b'W'))
        {
            let opening = text[sent.start..cue.span.start]
                .trim_start()
                .trim_start_matches('"');
            // (The opening words first: they are rare; then no comma before the cue.)
            if matches!(opening.as_bytes().first(), Some(b'I' | b'U' | b'S' | b'W'))
                && ["If ", "Unless ", "Should ", "Whether ", "Whoever ", "Were "]
                    .iter()
                    .any(|p| opening.starts_with(p))
                && memchr::memchr(b',', opening.as_bytes()).is_none()
            {
                continue;
            }
        }
        let in_paren = |pos: usize| {
            parens
                .iter()
                .find(|p| p.start <= pos && pos < p.end)
                .copied()
        };
        let cue_paren = in_paren(cue.span.start);
        // The agent: the nearest reference before the cue, skipping parentheticals the cue is not in.
        let agent = {
            let limit = cue_paren.map_or(cue.span.start, |p| p.start);
            refs.iter()
                .rev()
                .filter(|r| r.span.end <= limit && r.span.start >= sent.start)
                .find(|r| {
                    let p = in_paren(r.span.start);
                    p.is_none() || p == cue_paren
                })
                .copied()
        };
        // Gerunds after "by", "after", "with" ("lined up a clash with X by beating Y") and nouns of victory
        // ("reached the final with a 6-1 6-2 win over Y") belong to the clause's subject, unless a possessive
        // stands right before ("Norrie's win over Y").
        // (As bytes: only compared with ASCII words, no test of character boundaries.)
        let cue_text = &text.as_bytes()[cue.span.start..cue.span.end];
        // (Whether its first word ends with "ing".)
        let gerund = first_word_ends_ing(text, cue.span.start, cue.span.end)
            && (last_word.is_some_and(|w| {
                ["by", "after", "before", "when", "while", "since"]
                    .iter()
                    .any(|p| p.as_bytes().eq_ignore_ascii_case(w))
            }) || text[..cue.span.start].trim_end().ends_with(','));
        let noun = matches!(
            cue.kind,
            CueKind::WinOver | CueKind::DefeatBy | CueKind::DefeatOf
        ) && !cue_text.starts_with(b"winner");
        let possessive = agent.is_some_and(|a| {
            text.as_bytes()[a.span.end..].starts_with(b"'s")
                && split
                    .words(&text[a.span.end..cue.span.start])
                    .nth(4)
                    .is_none()
        });
        // "After beating X in the semi-finals, Djokovic ...": the agent follows the opening clause.
        let opening_gerund = gerund && agent.is_none();
        let agent = if opening_gerund {
            let comma = text[cue.span.end..sent.end]
                .find(", ")
                .map(|p| cue.span.end + p + 2);
            comma
                .and_then(|c| {
                    refs.iter()
                        .find(|r| r.span.start >= c && r.span.start <= c + 40)
                })
                .copied()
        } else {
            agent
        };
        let agent = if opening_gerund {
            agent
        } else if cue_text.starts_with(b"winner") {
            // "Jan Hernych, a 6-4 7-5 winner over X": the apposition's head, whatever clause it sits in.
            let limit = cue_paren.map_or(cue.span.start, |p| p.start);
            refs.iter()
                .rev()
                .find(|r| r.span.end <= limit && r.span.start >= sent.start)
                .copied()
        } else if (gerund || noun) && !possessive {
            let limit = cue_paren.map_or(cue.span.start, |p| p.start);
            let clause_start = clause_start(hit_cache.of(ctx, si), sent.start, limit);
            refs.iter()
                .filter(|r| r.span.start >= clause_start && r.span.end <= limit)
                .find(|r| in_paren(r.span.start).is_none())
                .copied()
                .or(agent)
        } else {
            agent
        };
        // A second verb sharing the first one's subject: "..., and beat Naomi Osaka".
        let agent = match prev_pair {
            Some((pa, po, end)) if end <= cue.span.start => {
                // (On bytes: the words compared are ASCII.)
                let gap = trim_end_bytes(text, end, cue.span.start);
                let joined = gap.ends_with(b", and")
                    || gap.ends_with(b" and")
                    || gap.ends_with(b" and then");
                let no_new = refs
                    .iter()
                    .filter(|r| r.span.start >= end && r.span.end <= cue.span.start)
                    .all(|r| r.entity == po || r.entity == pa.entity);
                if joined && no_new { Some(pa) } else { agent }
            }
            _ => agent,
        };
        let mut object = refs
            .iter()
            .filter(|r| r.span.start >= cue.span.end && r.span.start < next_start)
            .filter(|r| !opening_gerund || agent.is_none_or(|a| r.span.start < a.span.start))
            .find(|r| agent.is_none_or(|a| a.entity != r.entity))
            .copied();
        // The object follows the cue closely: "beat world number one Aryna Sabalenka", not "edged after a
        // tie-break, second seed Gauff" nor "falling to the clay on her back as Sabalenka".
        if matches!(cue.kind, CueKind::Beat | CueKind::LostTo) {
            object = object.filter(|o| {
                let gap = &text.as_bytes()[cue.span.end..o.span.start];
                // (A byte search: the marks are ASCII. Six words take eleven bytes at least.)
                !gap.iter().any(|c| matches!(c, b',' | b';' | b'('))
                    && (gap.len() < 11 || split.words_at_most(text, cue.span.end, o.span.start, 5))
            });
        }
        // "the opening set that Sabalenka edged": a set, not a match.
        if let Some(a) = agent {
            let lead = trim_end_bytes(text, sent.start, a.span.start);
            if lead.ends_with(b"set that")
                || lead.ends_with(b"set which")
                || lead.ends_with(b"tie-break that")
            {
                continue;
            }
        }
        // "the same man he defeated": the object stands before the agent, named just before that phrase.
        if let Some(a) = agent.filter(|a| a.kind == RefKind::Pronoun) {
            let lead = text[sent.start..a.span.start].trim_end();
            let lead = lead
                .strip_suffix("whom")
                .or_else(|| lead.strip_suffix("that"))
                .unwrap_or(lead)
                .trim_end();
            if lead.ends_with(" man")
                || lead.ends_with(" woman")
                || lead.ends_with(" player")
                || lead.ends_with(" opponent")
            {
                object = refs
                    .iter()
                    .rev()
                    .find(|r| r.span.end <= a.span.start && r.entity != a.entity)
                    .copied();
            }
        }
        // A cue without its players tells nothing (every kind needs its agent, most their object too).
        let needs_object = !matches!(cue.kind, CueKind::Retired | CueKind::Won | CueKind::Lost);
        if agent.is_none() || (needs_object && object.is_none()) {
            continue;
        }
        // Head-to-head records are not results (tested here, after the cheaper tests).
        let hits = hit_cache.of(ctx, si);
        if head_to_head(text, hits, cue.span.end, next_start) {
            continue;
        }
        // A score named as a win belongs to the subject's win; as a loss, to its loss.
        let agent_lost = matches!(
            cue.kind,
            CueKind::LostTo | CueKind::DefeatBy | CueKind::Passive | CueKind::Lost
        );
        let named_as = |i: usize| -> Option<bool> {
            match score_named_as(text, ctx.m.scores[i].span.end)? {
                "win" | "victory" | "triumph" | "success" | "defeat of" => Some(true),
                "defeat" | "loss" => Some(false),
                _ => None,
            }
        };
        let pick_score = |used: &[bool], from: usize, to: usize| -> Option<usize> {
            // The score: the free score closest to the cue inside its clause.
            // A score stays in its clause: "A lost to B but C levelled with a 6-3 6-4 win over D". (A
            // sentence without a score has none to pick: its clause is not looked for.)
            if score_ids.is_empty() {
                return None;
            }
            let clause_end =
                first_start(hits, CLAUSE_END, cue.span.end, next_start).unwrap_or(next_start);
            let to = to.min(clause_end.max(from));
            score_ids
                .clone()
                .filter(|&i| !used[i])
                .filter(|&i| ctx.m.scores[i].span.start >= from && ctx.m.scores[i].span.end <= to)
                .filter(|&i| named_as(i) != Some(agent_lost))
                .min_by_key(|&i| {
                    let s = ctx.m.scores[i].span;
                    if s.start >= cue.span.end {
                        s.start - cue.span.end
                    } else {
                        2 * cue.span.start.saturating_sub(s.end) + 1
                    }
                })
        };
        let (winner, loser, rule) = match cue.kind {
            CueKind::Beat | CueKind::WinOver | CueKind::DefeatOf => {
                let (Some(a), Some(o)) = (agent, object) else {
                    continue;
                };
                let rule = match cue.kind {
                    CueKind::Beat => rule!("beat-verb"),
                    CueKind::WinOver => rule!("win-over"),
                    _ => rule!("defeat-of"),
                };
                (a, o, rule)
            }
            CueKind::LostTo | CueKind::DefeatBy => {
                let (Some(a), Some(o)) = (agent, object) else {
                    continue;
                };
                (
                    o,
                    a,
                    if cue.kind == CueKind::LostTo {
                        rule!("lost-to")
                    } else {
                        rule!("defeat-by")
                    },
                )
            }
            CueKind::Passive => {
                // The winner is named right after "by": "was beaten 7-6 6-4 by the in-form Kiefer".
                let (Some(a), Some(o)) = (agent, object) else {
                    continue;
                };
                let between = &text[cue.span.end..o.span.start];
                let by_ok = cue_text.ends_with(b" by")
                    && split.words_at_most(text, cue.span.end, o.span.start, 4)
                    || between
                        .rfind(" by ")
                        .is_some_and(|p| split.words(&between[p + 4..]).count() <= 4);
                let comma_by = between.trim() == ", by"
                    || between.trim() == "by"
                    || between.trim_start().starts_with(", by ");
                if !by_ok
                    || (between.contains([',', ';'])
                        && !comma_by
                        && !between
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit()))
                {
                    continue;
                }
                (o, a, rule!("passive"))
            }
            CueKind::Walkover => {
                let (Some(a), Some(o)) = (agent, object) else {
                    continue;
                };
                found.push(Found {
                    winner: Team::one(a.entity),
                    loser: Team::one(o.entity),
                    score: pick_score(used_scores, cue.span.end, next_start).map(|i| (i, false)),
                    outcome: Outcome::Walkover,
                    round: None,
                    tournament: None,
                    span: Span::new(a.span.start.min(cue.span.start), o.span.end),
                    rule: rule!("walkover"),
                    sent: si,
                    last_sent: si,
                });
                continue;
            }
            CueKind::Retired => {
                // "her opponent X retired (hurt)", "X was forced to retire when 6-2 3-0 down to Y".
                let Some(a) = agent else { continue };
                // (A byte search: the marks are ASCII.)
                let gap = &text.as_bytes()[a.span.end..cue.span.start];
                if !split.words_at_most(text, a.span.end, cue.span.start, 4)
                    || gap.iter().any(|c| matches!(c, b',' | b';'))
                {
                    continue;
                }
                let after = &text[cue.span.end..next_start];
                let explicit = object.filter(|o| {
                    let between = &text[cue.span.end..o.span.start];
                    [
                        " against ",
                        " to ",
                        " trailing ",
                        " with ",
                        " versus ",
                        " v ",
                    ]
                    .iter()
                    .any(|w| between.contains(w))
                        && !between.contains([';'])
                });
                let Some(w) = explicit.or_else(|| {
                    refs.iter()
                        .rev()
                        .find(|r| r.entity != a.entity && r.span.end <= a.span.start)
                        .copied()
                }) else {
                    continue;
                };
                let _ = after;
                let sc = pick_score(used_scores, prev_end, next_start);
                if let Some(i) = sc {
                    used_scores[i] = true;
                }
                // A retirement score is written from the side that led or from the winner: the winner is known.
                let flip = sc.is_some_and(|i| ctx.m.scores[i].first_side_wins() == Some(false));
                found.push(Found {
                    winner: Team::one(w.entity),
                    loser: Team::one(a.entity),
                    score: sc.map(|i| (i, flip)),
                    outcome: Outcome::Retired,
                    round: round_for(
                        ctx,
                        cue.span,
                        prev_rel_end,
                        next_relational,
                        parens,
                        hits,
                        Some(w.span.start),
                    ),
                    tournament: tournament_for(ctx, sent, cue.span, next_start, first_tournament),
                    span: Span::new(w.span.start.min(a.span.start), cue.span.end.max(w.span.end)),
                    rule: rule!("retired"),
                    sent: si,
                    last_sent: si,
                });
                continue;
            }
            CueKind::Won | CueKind::Lost => {
                // "Lopez ... won 6-2 3-6 6-3": a score for a result already told, with this player in it.
                let Some(a) = agent else { continue };
                // The score follows at once, or after a few words ("lost the semi-final 6-4 6-4").
                let Some(sc) = score_ids.clone().find(|&i| {
                    let st = ctx.m.scores[i].span.start;
                    !used_scores[i]
                        && st >= cue.span.end
                        && st <= next_start
                        && split.words_at_most(text, cue.span.end, st, 4)
                        // (A byte search: the marks are ASCII.)
                        && !text.as_bytes()[cue.span.end..st]
                            .iter()
                            .any(|c| matches!(c, b',' | b';' | b'.'))
                        && !refs
                            .iter()
                            .any(|r| r.span.start >= cue.span.end && r.span.end <= st)
                }) else {
                    continue;
                };
                let won = cue.kind == CueKind::Won;
                // "lost 7-6(4) 6-4 to Vacherot": the opponent follows the score.
                let s_end = ctx.m.scores[sc].span.end;
                let rest = text[s_end..next_start.max(s_end)].trim_start();
                // "lost 7-6(4) 6-4 to Vacherot", "won 6-2 6-2 against Schuurs and Stefani".
                let opp_words: &[&str] = if won {
                    &["against ", "over "]
                } else {
                    &["to ", "against "]
                };
                if opp_words.iter().any(|w| rest.starts_with(w))
                    && let Some(o) = refs.iter().find(|r| {
                        r.span.start >= s_end && r.span.start < next_start && r.entity != a.entity
                    })
                {
                    used_scores[sc] = true;
                    let flip = ctx.m.scores[sc].first_side_wins() == Some(false);
                    let (w, l) = if won { (a, *o) } else { (*o, a) };
                    let (wside, lside) = doubles_sides(text, refs, w, l);
                    found.push(Found {
                        winner: wside,
                        loser: lside,
                        score: Some((sc, flip)),
                        outcome: ctx.m.scores[sc].ending,
                        round: round_for(
                            ctx,
                            cue.span,
                            prev_rel_end,
                            next_relational,
                            parens,
                            hits,
                            Some(o.span.start),
                        ),
                        tournament: tournament_for(
                            ctx,
                            sent,
                            cue.span,
                            next_start,
                            first_tournament,
                        ),
                        span: Span::new(a.span.start, o.span.end),
                        rule: if won {
                            rule!("won-score-against")
                        } else {
                            rule!("lost-score-to")
                        },
                        sent: si,
                        last_sent: si,
                    });
                    continue;
                }
                if attach_to_told(ctx, found, si, a.entity, won, sc) {
                    used_scores[sc] = true;
                    continue;
                }
                // No result told yet: the one other player named in this sentence, or else in the one before.
                // ... or, when this sentence names nobody else, in the sentence before ("he lost the opening
                // set to Hewitt. The Russian fought back to win 1-6 6-3 6-4 6-4.").
                let others_here = refs
                    .iter()
                    .any(|r| r.entity != a.entity && !ctx.in_quote(r.span.start));
                let opponent = if others_here {
                    sole_opponent(ctx, refs, a.entity)
                } else {
                    sole_opponent(ctx, prev_refs, a.entity)
                };
                let Some(o) = opponent else {
                    continue;
                };
                used_scores[sc] = true;
                let (w, l) = if won { (a, o) } else { (o, a) };
                found.push(Found {
                    winner: Team::one(w.entity),
                    loser: Team::one(l.entity),
                    score: Some((sc, ctx.m.scores[sc].first_side_wins() == Some(false))),
                    outcome: ctx.m.scores[sc].ending,
                    round: round_for(
                        ctx,
                        cue.span,
                        prev_rel_end,
                        next_relational,
                        parens,
                        hits,
                        (!won).then_some(o.span.start),
                    ),
                    tournament: tournament_for(
                        ctx,
                        sent,
                        cue.span,
                        next_relational,
                        first_tournament,
                    ),
                    span: Span::new(a.span.start, ctx.m.scores[sc].span.end),
                    rule: if won {
                        rule!("won-score")
                    } else {
                        rule!("lost-score")
                    },
                    sent: si,
                    last_sent: si,
                });
                continue;
            }
        };
        let sc = pick_score(used_scores, prev_end.max(sent.start), next_start);
        if let Some(i) = sc {
            used_scores[i] = true;
        }
        let (wside, lside) = doubles_sides(text, refs, winner, loser);
        let mut lo = winner.span.start.min(loser.span.start).min(cue.span.start);
        let mut hi = winner.span.end.max(loser.span.end).max(cue.span.end);
        if let Some(i) = sc {
            lo = lo.min(ctx.m.scores[i].span.start);
            hi = hi.max(ctx.m.scores[i].span.end);
        }
        if wside.len() > 1 {
            lo = lo.min(
                refs.iter()
                    .filter(|r| wside.contains(&r.entity))
                    .map(|r| r.span.start)
                    .min()
                    .unwrap_or(lo),
            );
        }
        let outcome = sc.map_or(Outcome::Completed, |i| ctx.m.scores[i].ending);
        found.push(Found {
            winner: wside,
            loser: lside,
            score: sc.map(|i| (i, ctx.m.scores[i].first_side_wins() == Some(false))),
            outcome,
            round: round_for(
                ctx,
                cue.span,
                prev_rel_end,
                next_relational,
                parens,
                hits,
                matches!(
                    cue.kind,
                    CueKind::LostTo | CueKind::Passive | CueKind::DefeatBy
                )
                .then_some(winner.span.start),
            ),
            tournament: tournament_for(ctx, sent, cue.span, next_relational, first_tournament),
            span: Span::new(lo, hi),
            rule,
            sent: si,
            last_sent: si,
        });
        if matches!(
            cue.kind,
            CueKind::Beat | CueKind::WinOver | CueKind::DefeatOf
        ) {
            prev_pair = Some((winner, loser.entity, hi));
        }
    }
    debug_assert!(
        ruled_out.is_none_or(|n| n == found.len()),
        "a cue ruled out told a match"
    );
    // "a 7-5 7-6 (7-3) 6-1 win", "with a 6-4 6-4 defeat": a score named as a win or a loss of the subject.
    for i in score_ids.clone() {
        let s = ctx.m.scores[i].span;
        if used_scores[i] || ctx.in_quote(s.start) {
            continue;
        }
        let won = match score_named_as(text, s.end) {
            Some(
                "win" | "victory" | "triumph" | "success" | "thrashing" | "demolition" | "rout"
                | "upset" | "romp" | "defeat of",
            ) => true,
            Some("defeat" | "loss" | "reverse" | "exit") => false,
            _ => continue,
        };
        let possessive = refs
            .iter()
            .rev()
            .find(|r| r.span.end <= s.start && r.span.start >= sent.start)
            .filter(|r| text[r.span.end..s.start].starts_with("'s") && s.start - r.span.end <= 6);
        let Some(a) = possessive.or_else(|| {
            refs.iter()
                .filter(|r| r.span.start >= sent.start && r.span.end <= s.start)
                .find(|r| {
                    !parens
                        .iter()
                        .any(|p| p.start <= r.span.start && r.span.start < p.end)
                })
        }) else {
            continue;
        };
        let a = *a;
        let flip = ctx.m.scores[i].first_side_wins() == Some(false);
        if attach_to_told(ctx, found, si, a.entity, won, i) {
            used_scores[i] = true;
            continue;
        }
        // Else the one other player named in the sentence is the opponent.
        let others: Vec<&Ref> = refs
            .iter()
            .filter(|r| {
                r.entity != a.entity && r.span.start >= sent.start && !ctx.in_quote(r.span.start)
            })
            .collect();
        if others.is_empty() || others.iter().any(|r| r.entity != others[0].entity) {
            continue;
        }
        let o = *others[0];
        used_scores[i] = true;
        let (w, l) = if won { (a, o) } else { (o, a) };
        found.push(score_found(
            ctx,
            si,
            (i, flip),
            (w.entity, l.entity),
            Span::new(a.span.start.min(o.span.start), s.end.max(o.span.end)),
            rule!("score-noun"),
            (parens, hit_cache.of(ctx, si)),
            first_tournament,
        ));
    }
    // Scores with no cue: "Result: Nadal 6-7 (6/8) 6-2 Roddick", "Federer 6-3 6-4 Roddick".
    for i in score_ids {
        if used_scores[i] || ctx.in_quote(ctx.m.scores[i].span.start) {
            continue;
        }
        let s = ctx.m.scores[i].span;
        let before = refs.iter().rev().find(|r| r.span.end <= s.start);
        let after = refs.iter().find(|r| r.span.start >= s.end);
        let (Some(b), Some(a)) = (before, after) else {
            continue;
        };
        let gap1 = &text[b.span.end..s.start];
        let gap2 = &text[s.end..a.span.start];
        let tight = |g: &str| {
            let g = g.trim();
            g.is_empty() || (g.starts_with('(') && g.ends_with(')') && g.len() <= 20)
        };
        if !tight(gap1) || !tight(gap2) || b.entity == a.entity {
            continue;
        }
        let Some(first_wins) = ctx.m.scores[i].first_side_wins() else {
            continue;
        };
        used_scores[i] = true;
        let (w, l) = if first_wins { (b, a) } else { (a, b) };
        found.push(score_found(
            ctx,
            si,
            (i, !first_wins),
            (w.entity, l.entity),
            Span::new(b.span.start, a.span.end),
            rule!("result-line"),
            (parens, hit_cache.of(ctx, si)),
            first_tournament,
        ));
    }
}

/// `text[from..to].trim_end()` as bytes: the ASCII white space at its end stepped over byte by byte, and
/// `trim_end` asked only when a byte beyond ASCII ends the rest (which may be white space such as U+00A0).
fn trim_end_bytes(text: &str, from: usize, to: usize) -> &[u8] {
    let b = text.as_bytes();
    let mut end = to;
    while end > from && ascii_space(b[end - 1]) {
        end -= 1;
    }
    if end > from && !b[end - 1].is_ascii() {
        return text[from..end].trim_end().as_bytes();
    }
    &b[from..end]
}

/// `trim_non_alnum(w)` for the bytes `w` (not empty, UTF-8) of a word of a clause: the word itself when both
/// ends are ASCII letters or digits, and without its last byte when only that one is an ASCII mark ("hopes,",
/// "rallied."), the common cases, without the scans of `trim_non_alnum` from both ends. (The cut byte is ASCII,
/// so the rest ends on a character boundary.)
#[inline(always)]
fn clause_word(w: &[u8]) -> &[u8] {
    let n = w.len();
    // (An ASCII letter or digit has an `ALNUM_INDEX` below 31.)
    let alnum = |c: u8| ALNUM_INDEX[usize::from(c)] < 31;
    if !alnum(w[0]) {
        clause_word_slow(w)
    } else if alnum(w[n - 1]) {
        w
    } else if n >= 2 && w[n - 1].is_ascii() && alnum(w[n - 2]) {
        &w[..n - 1]
    } else {
        clause_word_slow(w)
    }
}

/// `trim_non_alnum` of the word of bytes `w` (UTF-8: a word of a `str`, split at ASCII white space).
#[inline(never)]
fn clause_word_slow(w: &[u8]) -> &[u8] {
    trim_non_alnum(std::str::from_utf8(w).expect("a word of a str")).as_bytes()
}

/// [`wish_and_past`] of the words of `text[from..to]`, the clause before "to beat", split as `split` splits.
/// (Not inlined: few cues follow "to", and the loop inlined into [`sentence_matches`] costs its other parts
/// registers and branch places.)
#[inline(never)]
fn clause_wish_and_past(text: &str, from: usize, to: usize, split: Splitter) -> (bool, bool) {
    // (Words read off masks where the article has no wide space: see [`BlockWords`].)
    if split.wide {
        wish_and_past(words(&text[from..to]).map(str::as_bytes))
    } else {
        wish_and_past(BlockWords::new(text, from, to))
    }
}

/// Whether the `words` before "to beat" make it a wish (a word of [`FUTURE`]) and whether they hold a past
/// verb ([`past_verb`]): "hopes to beat", "rallied to beat". (The scan stops at a wish, which decides alone.)
#[inline]
fn wish_and_past<'a>(words: impl Iterator<Item = &'a [u8]>) -> (bool, bool) {
    let mut past = false;
    let mut lower = [0u8; 16];
    for w in words {
        // The word without the punctuation around it (trimmed only when an end is not an ASCII letter or
        // digit), compared in lower case. (The look-ups of its end bytes serve both: a word whose ends are
        // ASCII letters or digits, most words, is itself, and its look-ups are the filter's below.)
        let (a, e) = (
            ALNUM_INDEX[usize::from(w[0])],
            ALNUM_INDEX[usize::from(w[w.len() - 1])],
        );
        let (w, a, e) = if a < 31 && e < 31 {
            (w, a, e)
        } else {
            let w = clause_word(w);
            // (Only `clause_word_slow` leaves a word empty, which is neither a wish nor a past verb.)
            let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
                continue;
            };
            (
                w,
                ALNUM_INDEX[usize::from(first)],
                ALNUM_INDEX[usize::from(last)],
            )
        };
        // (Most words are neither: ruled out by the shared filter of both tests on length and end bytes,
        // `WISH_OR_PAST`.)
        if (WISH_OR_PAST[w.len().min(17)][usize::from(a)] >> e) & 1 == 0 {
            continue;
        }
        // (Each list is searched only when its filter on length and first letters lets the word through.)
        if FUTURE.has_bytes_any_case(w) {
            // A wish whatever the verb.
            return (true, past);
        }
        // (Once a past verb is seen, only a wish can change the verdict.)
        past = past
            || if w.len() > lower.len() {
                // Longer than every listed verb: only the ending counts.
                w[w.len() - 2..].eq_ignore_ascii_case(b"ed")
            } else if PAST_VERBS.may_have(w)
                || w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case(b"ed")
            {
                let l = &mut lower[..w.len()];
                l.copy_from_slice(w);
                l.make_ascii_lowercase();
                past_verb(l)
            } else {
                false
            };
    }
    (false, past)
}

/// Whether `cue` (followed by the next cue or the sentence's end at `next_start`) can tell a match in the
/// sentence of `refs` (its references, not empty) and `score_ids` (its scores): a NECESSARY test, true for
/// every cue that [`sentence_matches`] turns into a match. Each kind needs its agent (some reference of the
/// sentence: `refs` is not empty), and
/// - "won" / "lost" a score that starts in `cue.span.end..=next_start`;
/// - "retired" nothing more (its winner is any other reference);
/// - every other kind its object: a reference that starts in `cue.span.end..next_start`, or else one before
///   a pronoun agent ("the same man he defeated"), which needs a pronoun among `refs`.
fn cue_may_tell(
    ctx: &Ctx,
    cue: crate::recognise::result::Cue,
    next_start: usize,
    refs: &[Ref],
    mut score_ids: std::ops::Range<usize>,
) -> bool {
    match cue.kind {
        CueKind::Won | CueKind::Lost => score_ids.any(|i| {
            let st = ctx.m.scores[i].span.start;
            st >= cue.span.end && st <= next_start
        }),
        CueKind::Retired => true,
        _ => refs.iter().any(|r| {
            r.kind == RefKind::Pronoun
                || (r.span.start >= cue.span.end && r.span.start < next_start)
        }),
    }
}

/// A singles result told by score `i` (read flipped or not) in sentence `si`, with no cue of its own: its
/// round and tournament are read from the whole sentence.
#[allow(clippy::too_many_arguments)]
fn score_found(
    ctx: &Ctx,
    si: usize,
    (i, flip): (usize, bool),
    (winner, loser): (usize, usize),
    span: Span,
    rule: super::Rule,
    (parens, hits): (&[Span], &[Hit]),
    first_tournament: &mut usize,
) -> Found {
    let s = ctx.m.scores[i].span;
    let sent = ctx.sents[si];
    Found {
        winner: Team::one(winner),
        loser: Team::one(loser),
        score: Some((i, flip)),
        outcome: ctx.m.scores[i].ending,
        round: round_for(ctx, s, sent.start, sent.end, parens, hits, None),
        tournament: tournament_for(ctx, sent, s, sent.end, first_tournament),
        span,
        rule,
        sent: si,
        last_sent: si,
    }
}

/// Whether the words after a cue (`text[from..to]`, in the sentence of `hits`), up to the end of their
/// clause, tell a head-to-head record ("beat her in all three meetings", "has beaten him five times in six
/// matches").
fn head_to_head(text: &str, hits: &[Hit], from: usize, to: usize) -> bool {
    // (Only the first head-to-head word in `from..to` needs testing against the cut, as no such word holds a
    // '.' or ';'. Most cues have none: no search for the cut.)
    let Some(first) = hits_within(hits, H2H, from, to).next() else {
        return false;
    };
    let after = &text[from..to];
    let cut = first_of(after.as_bytes(), b'.', b';').unwrap_or(after.len());
    first.end <= from + cut
}

/// Gives score `sc` to a result told in the last two sentences without one, in which `agent` won (`won`) or
/// lost: "Lopez ... beat Srichaphan. Lopez won 6-2 3-6 6-3." Returns whether it found one.
fn attach_to_told(
    ctx: &Ctx,
    found: &mut [Found],
    si: usize,
    agent: usize,
    won: bool,
    sc: usize,
) -> bool {
    let told = found
        .iter_mut()
        .rev()
        .take_while(|f| f.sent + 2 >= si)
        .find(|f| {
            f.score.is_none()
                && f.winner.len() == 1
                && if won {
                    f.winner[0] == agent
                } else {
                    f.loser[0] == agent
                }
        });
    match told {
        Some(f) => {
            f.score = Some((sc, ctx.m.scores[sc].first_side_wins() == Some(false)));
            f.outcome = ctx.m.scores[sc].ending;
            true
        }
        None => false,
    }
}

/// The one player other than `agent` named in the sentence (outside quotes); `None` when that is not exactly
/// one player.
fn sole_opponent(ctx: &Ctx, here: &[Ref], agent: usize) -> Option<Ref> {
    let pick = |rs: &mut dyn Iterator<Item = Ref>| -> Result<Option<Ref>, ()> {
        let mut one: Option<Ref> = None;
        for r in rs {
            if r.entity == agent || ctx.in_quote(r.span.start) {
                continue;
            }
            match one {
                Some(o) if o.entity != r.entity => return Err(()),
                Some(_) => {}
                None => one = Some(r),
            }
        }
        Ok(one)
    };
    pick(&mut here.iter().copied()).ok().flatten()
}

/// The noun naming a score: the word right after it ("a 6-4 6-4 win", "a 6-0 6-0 defeat of X" gives
/// `"defeat of"`: a defeat inflicted, so a win).
fn score_named_as(text: &str, end: usize) -> Option<&'static str> {
    // (Byte by byte: the spaces and commas skipped and the letters of the word are ASCII, and a character
    // beyond ASCII ends the word as its first byte does.)
    let b = text.as_bytes();
    let mut at = end;
    while at < b.len() && matches!(b[at], b' ' | b',') {
        at += 1;
    }
    let rest = &b[at..];
    // The word is `w` when the text goes on with it and no ASCII letter follows. The first byte picks the one
    // or two nouns to compare (most words after a score start with none of their letters), each a compare
    // of known length, where the word's end was scanned for and the word matched against all thirteen.
    let is =
        |w: &[u8]| rest.starts_with(w) && !rest.get(w.len()).is_some_and(u8::is_ascii_alphabetic);
    let noun = match *rest.first()? {
        b'w' if is(b"win") => "win",
        b'v' if is(b"victory") => "victory",
        b't' if is(b"triumph") => "triumph",
        b't' if is(b"thrashing") => "thrashing",
        b's' if is(b"success") => "success",
        b'd' if is(b"defeat") => {
            return Some(if rest[6..].starts_with(b" of ") {
                "defeat of"
            } else {
                "defeat"
            });
        }
        b'd' if is(b"demolition") => "demolition",
        b'r' if is(b"rout") => "rout",
        b'r' if is(b"romp") => "romp",
        b'r' if is(b"reverse") => "reverse",
        b'u' if is(b"upset") => "upset",
        b'l' if is(b"loss") => "loss",
        b'e' if is(b"exit") => "exit",
        _ => return None,
    };
    Some(noun)
}

/// Where the clause holding `pos` starts: after the last ", while", " but ", ", and ", "; " (a
/// [`BREAKS`] word) in `from..pos`, both in the sentence of `hits`.
fn clause_start(hits: &[Hit], from: usize, pos: usize) -> usize {
    last_end(hits, BREAKS, from, pos).unwrap_or(from)
}

/// A few ASCII patterns (each of two bytes or more, at most 32) searched for together in one pass over the
/// text. Tables built at compile time give, for each byte, the patterns it can start (or end) with, and
/// continue with: most positions are ruled out with one look-up, the rest with two, before any comparison.
struct Patterns {
    pats: &'static [&'static str],
    /// Compare in any ASCII case (the patterns are written in lower case).
    any_case: bool,
    /// Bit `k` of `first[b]`: `pats[k]` starts with byte `b`; of `second[b]`: its second byte is `b`; of
    /// `third[b]` and `fourth[b]`: its third (fourth) byte is `b` or it is shorter.
    first: [u32; 256],
    second: [u32; 256],
    third: [u32; 256],
    fourth: [u32; 256],
}

impl Patterns {
    const fn new(pats: &'static [&'static str]) -> Self {
        Self::build(pats, false)
    }

    /// Patterns in lower case, matched in any ASCII case (as in `text.to_ascii_lowercase()`).
    const fn any_case(pats: &'static [&'static str]) -> Self {
        Self::build(pats, true)
    }

    const fn build(pats: &'static [&'static str], any_case: bool) -> Self {
        assert!(pats.len() <= 32);
        let mut t = Patterns {
            pats,
            any_case,
            first: [0; 256],
            second: [0; 256],
            third: [0; 256],
            fourth: [0; 256],
        };
        let mut k = 0;
        while k < pats.len() {
            let p = pats[k].as_bytes();
            assert!(p.len() >= 2 && p.is_ascii());
            let bit = 1u32 << k;
            t.first[p[0] as usize] |= bit;
            t.second[p[1] as usize] |= bit;
            if any_case {
                t.first[p[0].to_ascii_uppercase() as usize] |= bit;
                t.second[p[1].to_ascii_uppercase() as usize] |= bit;
            }
            let mut b = 0;
            while b < 256 {
                if Self::byte_fits(p, 2, b as u8, any_case) {
                    t.third[b] |= bit;
                }
                if Self::byte_fits(p, 3, b as u8, any_case) {
                    t.fourth[b] |= bit;
                }
                b += 1;
            }
            k += 1;
        }
        t
    }

    /// Whether byte `c` may stand at offset `j` of an occurrence of `p` (any byte may beyond its end).
    const fn byte_fits(p: &[u8], j: usize, c: u8, any_case: bool) -> bool {
        p.len() <= j || p[j] == c || (any_case && p[j].to_ascii_uppercase() == c)
    }

    /// Whether pattern `k` is at `h[i..]`.
    fn at(&self, k: u32, h: &[u8], i: usize) -> bool {
        let p = self.pats[k as usize].as_bytes();
        h.get(i..i + p.len()).is_some_and(|w| {
            if self.any_case {
                w.eq_ignore_ascii_case(p)
            } else {
                w == p
            }
        })
    }

    /// The patterns that may be at `h[i..]` (`h[i + 1]` exists), by their first four bytes (as far as `h`
    /// goes).
    #[inline]
    fn candidates(&self, h: &[u8], i: usize) -> u32 {
        let mut cand = self.first[h[i] as usize] & self.second[h[i + 1] as usize];
        if cand != 0 {
            if let Some(&c) = h.get(i + 2) {
                cand &= self.third[c as usize];
            }
            if let Some(&c) = h.get(i + 3) {
                cand &= self.fourth[c as usize];
            }
        }
        cand
    }

    /// Where the first pattern in `hay` starts: the least `hay.find(p)` over the patterns.
    fn find(&self, hay: &str) -> Option<usize> {
        let h = hay.as_bytes();
        // Each pair of bytes against the first two of the patterns, then the candidates compared.
        for i in 0..h.len().saturating_sub(1) {
            let mut cand = self.candidates(h, i);
            while cand != 0 {
                if self.at(cand.trailing_zeros(), h, i) {
                    return Some(i);
                }
                cand &= cand - 1;
            }
        }
        None
    }

    /// Calls `f(i, k)` for every occurrence of every pattern `k` in `hay` at `i`, in order of `i` (then `k`).
    fn each(&self, hay: &str, mut f: impl FnMut(usize, u32)) {
        let h = hay.as_bytes();
        for i in 0..h.len().saturating_sub(1) {
            let mut cand = self.candidates(h, i);
            while cand != 0 {
                let k = cand.trailing_zeros();
                if self.at(k, h, i) {
                    f(i, k);
                }
                cand &= cand - 1;
            }
        }
    }
}

/// Doubles: "A and B beat C and D" gives pairs when both sides are pairs. A partner is the reference next to
/// a player's, joined by "and", "&" or "/" (a country between commas or in brackets may stand between:
/// "Goransson, Sweden, and Verbeek").
///
/// (Two pairs are four references of four players: fewer tell singles. That test is inlined where a match is
/// built, before the call that looks for partners: most sentences name fewer. The call takes the two
/// references' places and entities as integers and gives back the two partners as integers (see
/// [`side_team`]): the references were copied onto the stack for it before the test and the two sides came
/// back through memory, about 40 instructions for every match built.)
#[inline(always)]
fn doubles_sides(text: &str, refs: &[Ref], w: Ref, l: Ref) -> (Team, Team) {
    let (pw, pl) = if refs.len() < 4 {
        (0, 0)
    } else {
        partner_sides(text, refs, w.span, w.entity, l.span, l.entity)
    };
    (side_team(w.entity, pw), side_team(l.entity, pl))
}

/// The side of player `e` whose partner `p` is as [`partner_sides`] gives it: 0 for none (a single player),
/// else twice the partner's entity plus one, plus one when the partner's reference comes first.
#[inline(always)]
fn side_team(e: usize, p: usize) -> Team {
    if p == 0 {
        Team::one(e)
    } else if p & 1 == 1 {
        Team::pair(p / 2 - 1, e)
    } else {
        Team::pair(e, p / 2 - 1)
    }
}

/// The partners of [`doubles_sides`] of four references or more (see [`side_team`]): of the winner at `ws`
/// (entity `we`) and of the loser at `ls` (entity `le`).
#[inline(never)]
fn partner_sides(
    text: &str,
    refs: &[Ref],
    ws: Span,
    we: usize,
    ls: Span,
    le: usize,
) -> (usize, usize) {
    // (A winner without a partner tells singles, before the loser's is looked for.)
    let Some(pw) = partner(text, refs, ws, we, le) else {
        return (0, 0);
    };
    sides(
        refs,
        (ws, we),
        (ls, le),
        Some(pw),
        partner(text, refs, ls, le, we),
    )
}

/// The partner of the reference at `sp` (entity `e`): the entity of the reference next to it (not `avoid`,
/// not `e`), when the gap between them joins them (see [`doubles_sides`]).
fn partner(text: &str, refs: &[Ref], sp: Span, e: usize, avoid: usize) -> Option<usize> {
    let k = refs.iter().position(|x| x.span == sp)?;
    let next = refs
        .get(k + 1)
        .filter(|n| n.entity != avoid && n.entity != e);
    if let Some(n) = next.filter(|n| gap_joined(text, sp.end, n.span.start)) {
        return Some(n.entity);
    }
    let prev = k
        .checked_sub(1)
        .map(|j| refs[j])
        .filter(|p| p.entity != avoid && p.entity != e);
    prev.filter(|p| gap_joined(text, p.span.end, sp.start))
        .map(|p| p.entity)
}

/// Whether the gap `text[from..to]` between two references joins them as a pair (none when they overlap:
/// nested or run-together names). (Its last byte other than a space is tested first: a join ends with "and",
/// "&" or "/", and other white space or a byte beyond ASCII is left to the whole test.)
fn gap_joined(text: &str, from: usize, to: usize) -> bool {
    let b = text.as_bytes();
    let mut e = to.min(b.len());
    while e > from && b[e - 1] == b' ' {
        e -= 1;
    }
    e > from
        && (matches!(b[e - 1], b'd' | b'&' | b'/') || b[e - 1] < b' ' || !b[e - 1].is_ascii())
        && text.get(from..to).is_some_and(|gap| {
            // (Every join ends with "and", "&" or "/": most gaps are ruled out by their end alone.)
            let e = gap.trim_end();
            if !(e.ends_with("and") || e.ends_with('&') || e.ends_with('/')) {
                return false;
            }
            let g = gap.trim();
            if matches!(g, "and" | "&" | "/") {
                return true;
            }
            // (Every other join ends with "and": most gaps are ruled out here.)
            if !g.ends_with("and") {
                return false;
            }
            // ", Sweden, and " / " (SWE) and "
            let inner = g.strip_suffix("and").map(str::trim_end).unwrap_or("");
            let inner = inner.strip_suffix(',').unwrap_or(inner);
            let country = inner.trim_start_matches(',').trim();
            let bracket = country.starts_with('(') && country.ends_with(')') && country.len() <= 8;
            let named = !country.is_empty()
                && country.len() <= 30
                && country
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w == "of");
            g.ends_with("and") && (bracket || (g.starts_with(',') && named))
        })
}

/// The two sides' partners (as [`side_team`] reads them) from the partners found of the winner `w` and the
/// loser `l` (each its place and entity): pairs when both have a partner of their own, the partner first
/// when its reference comes first; singles otherwise.
fn sides(
    refs: &[Ref],
    w: (Span, usize),
    l: (Span, usize),
    pw: Option<usize>,
    pl: Option<usize>,
) -> (usize, usize) {
    match (pw, pl) {
        (Some(a), Some(b)) if a != b && a != l.1 && b != w.1 => {
            let pair = |sp: Span, p: usize| {
                let k = refs.iter().position(|x| x.span == sp).unwrap_or(0);
                let p_first = k > 0 && refs[k - 1].entity == p;
                2 * (p + 1) + usize::from(p_first)
            };
            (pair(w.0, a), pair(l.0, b))
        }
        _ => (0, 0),
    }
}

/// The round of a match: a round phrase in the cue's clause, nearest the cue.
fn round_for(
    ctx: &Ctx,
    cue: Span,
    from: usize,
    to: usize,
    parens: &[Span],
    hits: &[Hit],
    winner_after: Option<usize>,
) -> Option<&'static str> {
    // (No round phrase in `from..to`: none in the clause either, which starts there or later.)
    let first = ctx.m.rounds.partition_point(|r| r.span.start < from);
    if ctx.m.rounds.get(first).is_none_or(|r| r.span.start >= to) {
        return None;
    }
    // The clause of the cue: "A beat B in the fourth round, and C was beaten by D in the round of 16". (Its
    // start is at or after `from`: the rounds before it are walked over from `first`.)
    let from = from.max(clause_start(hits, from.min(cue.start), cue.start));
    let first = first
        + ctx.m.rounds[first..]
            .iter()
            .take_while(|r| r.span.start < from)
            .count();
    debug_assert_eq!(first, ctx.m.rounds.partition_point(|r| r.span.start < from));
    let paren_of = |pos: usize| {
        parens
            .iter()
            .find(|p| p.start <= pos && pos < p.end)
            .copied()
    };
    let cue_paren = paren_of(cue.start);
    ctx.m.rounds[first..]
        .iter()
        .take_while(|r| r.span.start < to)
        .filter(|r| r.span.end <= to && paren_of(r.span.start) == cue_paren)
        .min_by_key(|r| {
            if r.span.start >= cue.end {
                r.span.start - cue.end
            } else {
                cue.start - r.span.end.min(cue.start)
            }
        })
        .and_then(|r| {
            // "X reached the final ... before falling to Y": the round reached is the one X lost in (when
            // the winner is named after the phrase, X is the one who reached it).
            if winner_after.is_some_and(|w| w > r.span.start)
                && r.relation == RoundRelation::Reached
                && r.span.end <= cue.start
            {
                Some(r.code)
            } else {
                r.played()
            }
        })
}

/// The index of the first of `items` (in order of `start`) that starts at or after `pos`, as
/// `items.partition_point(|t| start(t) < pos)`, walked from `from`, which must not lie beyond it (the first
/// item of the sentence that `pos` lies in: a sentence holds few).
fn first_from<T>(items: &[T], from: usize, pos: usize, start: impl Fn(&T) -> usize) -> usize {
    let mut i = from;
    while i < items.len() && start(&items[i]) < pos {
        i += 1;
    }
    i
}

/// The tournament of a match: a tournament named after the cue in its clause (`true`: named there), else the
/// article's first. The cue lies in sentence `sent`. `first_of_sentence` is the first tournament that starts
/// at or after the start of the sentence of the result before (or 0): the sentences of results come in text
/// order, and it is moved forward to this one's, so that the few tournaments of the sentence are walked over
/// where a binary search of the whole list was made twice per result.
fn tournament_for(
    ctx: &Ctx,
    sent: crate::segment::Sentence,
    cue: Span,
    to: usize,
    first_of_sentence: &mut usize,
) -> Option<(usize, bool)> {
    debug_assert!(ctx.sents[ctx.sentence_of(cue.start)] == sent);
    let tours = &ctx.m.tournaments;
    // (Moved forward by the same walk as the cue's place below.)
    *first_of_sentence = first_from(tours, *first_of_sentence, sent.start, |t| t.span.start);
    let a = *first_of_sentence;
    debug_assert_eq!(a, tours.partition_point(|t| t.span.start < sent.start));
    // No tournament starts between the sentence's start and `to` (often none is left in the article): none is
    // named after the cue in its clause, nor before it (one named before the cue ends before the cue starts,
    // which is before `to`). The article's first, then, without the walks below.
    debug_assert!(cue.start < to);
    if tours.get(a).is_none_or(|t| t.span.start >= to) {
        return (!tours.is_empty()).then_some((0, false));
    }
    let first = first_from(tours, a, cue.end, |t| t.span.start);
    debug_assert_eq!(first, tours.partition_point(|t| t.span.start < cue.end));
    let local = ctx.m.tournaments[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.span.start < to)
        .find(|(_, t)| {
            t.span.end <= to && {
                let before = ctx.text[cue.end..t.span.start].trim_end();
                let before = before
                    .strip_suffix("the")
                    .or_else(|| before.strip_suffix("this year's"))
                    .or_else(|| before.strip_suffix("last year's"))
                    .unwrap_or(before)
                    .trim_end();
                [
                    "in", "at", "of", "during", "for", "won", "win", "title", "clinch", "claim",
                    "lift",
                ]
                .iter()
                .any(|p| before.ends_with(p))
            }
        })
        .map(|(k, _)| first + k);
    // Or one named before the cue in its sentence: "met in the Shanghai Masters final, when X beat Y".
    let local = local.or_else(|| {
        ctx.m.tournaments[a..]
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.span.end <= cue.start)
            .filter(|(_, t)| {
                let before = ctx.text[sent.start..t.span.start].trim_end();
                before.ends_with("in the") || before.ends_with("at the")
            })
            .last()
            .map(|(k, _)| a + k)
    });
    match local {
        Some(k) => Some((k, true)),
        None => (!ctx.m.tournaments.is_empty()).then_some((0, false)),
    }
}

/// Whether tournaments `a` and `b` of `ctx.m.tournaments` have the same name. Always inlined: with fat LTO the
/// call of an outlined `same_name` cost more than the comparison (generated articles: +30K instructions).
#[inline(always)]
fn same_name(ctx: &Ctx, a: usize, b: usize) -> bool {
    // The names as bytes of the text: equal bytes are equal names (no char boundary checks).
    let name = |k: usize| {
        let s = ctx.m.tournaments[k].span;
        &ctx.text.as_bytes()[s.start..s.end]
    };
    a == b || name(a) == name(b)
}

/// Merges repeated reports of the same match (same sides, compatible details), in place: the results kept
/// stay in order of their first report.
fn merge_duplicates(ctx: &Ctx, found: &mut Vec<Found>, bufs: &mut MergeBuffers) {
    // A short list of results is scanned; a long one is indexed by the first player of each side and the score.
    const SCAN: usize = 32;
    // Only results with the same sides can merge: when no two share the first player of each side (the usual
    // case), there is nothing to merge and no score to render.
    if found.len() <= SCAN
        && !found.iter().enumerate().any(|(k, f)| {
            found[..k]
                .iter()
                .any(|g| g.winner[0] == f.winner[0] && g.loser[0] == f.loser[0])
        })
    {
        return;
    }
    let mut index = DuplicateIndex::default();
    // Each score as read by a result (index, flipped), numbered once by the text it renders (two readings
    // that render the same text get the same number, found by comparing their fields, no text made):
    // comparing two results' scores is then a number comparison.
    let MergeBuffers {
        score_text,
        numbered,
        hashes,
        keys,
    } = bufs;
    score_text.clear();
    score_text.resize(ctx.m.scores.len(), [u32::MAX; 2]);
    // The readings numbered so far with the hash of what they render (equal texts, equal hashes): a new
    // reading is compared only with those of the same hash, all of them in a short list, those listed under
    // its hash in a long roundup with thousands of scores.
    numbered.clear();
    // (The hashes of `numbered` again, alone: a short list is scanned by hash first.)
    hashes.clear();
    // The digests of `hashes` (see [`Digests`]): most readings are new, told apart from all listed by one bit
    // with no scan of `hashes`.
    let mut hash_digests = Digests::default();
    let many = found.len() > SCAN;
    let mut by_hash: crate::lexicon::FxHashMap<u64, Vec<u32>> = Default::default();
    for &(i, flip) in found.iter().filter_map(|f| f.score.as_ref()) {
        if score_text[i][usize::from(flip)] == u32::MAX {
            let a = &ctx.m.scores[i];
            let hash = score_text_hash(a, flip);
            let same_as = |n: u32| {
                let (hn, j, fj) = numbered[n as usize];
                hn == hash && same_score_text(a, flip, &ctx.m.scores[j], fj)
            };
            let known = if many {
                by_hash
                    .get(&hash)
                    .and_then(|v| v.iter().copied().find(|&n| same_as(n)))
            } else {
                first_fitting_seen(hashes, &hash_digests, hash, |n| same_as(n as u32))
                    .map(|n| n as u32)
            };
            let n = known.unwrap_or_else(|| {
                numbered.push((hash, i, flip));
                hashes.push(hash);
                hash_digests.add(hash_digest(hash));
                let n = (numbered.len() - 1) as u32;
                if many {
                    by_hash.entry(hash).or_default().push(n);
                }
                n
            });
            score_text[i][usize::from(flip)] = n;
        }
    }
    let score_id = |f: &Found| f.score.map(|(i, flip)| score_text[i][usize::from(flip)]);
    // The results kept are `found[..kept]`; the others are merged into them (and dropped at the end).
    let mut kept = 0;
    // The first player of each side of each result kept (`keys[j]` for `found[j]`): a short list is scanned
    // by these first.
    keys.clear();
    for k in 0..found.len() {
        let (out, rest) = found.split_at_mut(k);
        let out = &mut out[..kept];
        let f = &rest[0];
        let f_score = score_id(f);
        // (The sides first: they rule out most.)
        let fits = |g: &Found| {
            g.winner == f.winner
                && g.loser == f.loser
                && match (g.tournament, f.tournament) {
                    (Some((a, _)), Some((b, _))) => same_name(ctx, a, b),
                    _ => true,
                }
                && (g.round == f.round || g.round.is_none() || f.round.is_none())
                && match (score_id(g), f_score) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        let key = (f.winner[0], f.loser[0]);
        let same = if out.len() <= SCAN {
            first_fitting(keys, key, |j| fits(&out[j]))
        } else {
            if index.all.is_empty() {
                for (j, g) in out.iter().enumerate() {
                    index.add(j, (g.winner[0], g.loser[0]), score_id(g));
                }
            }
            index.first(key, f_score, |j| fits(&out[j]))
        };
        match same {
            Some(j) => {
                let g = &mut out[j];
                let had_score = g.score.is_some();
                g.last_sent = g.last_sent.max(f.sent);
                if g.score.is_none() {
                    g.score = f.score;
                    g.outcome = f.outcome;
                }
                g.round = g.round.or(f.round);
                if !g.tournament.as_ref().is_some_and(|t| t.1)
                    && f.tournament.as_ref().is_some_and(|t| t.1)
                {
                    g.tournament = f.tournament;
                }
                if !had_score
                    && !index.all.is_empty()
                    && let Some(id) = score_id(&out[j])
                {
                    index.scored(j, key, id);
                }
            }
            None => {
                if !index.all.is_empty() {
                    index.add(kept, key, f_score);
                }
                keep_at(found, kept, k);
                keys.push(key);
                kept += 1;
            }
        }
    }
    found.truncate(kept);
}

/// Moves `v[k]` down to `v[kept]` (`kept <= k`) for a compaction in place that keeps `v[..kept]` and never reads
/// `v[kept + 1..=k]` again (as [`merge_duplicates`]: the loop is past them, and they are cut off at the end): a
/// copy, not a swap, and none while nothing has been dropped (`kept == k`, the usual case), where a swap in place
/// was three `memcpy` calls of a `Found` for nothing.
fn keep_at<T: Clone>(v: &mut [T], kept: usize, k: usize) {
    if kept != k {
        v[kept] = v[k].clone();
    }
}

/// The lists of [`merge_duplicates`], kept for the next article (see [`Scratch`]).
#[derive(Default)]
struct MergeBuffers {
    /// The number of each score's text as read (not flipped, flipped); `u32::MAX` when not numbered yet.
    score_text: Vec<[u32; 2]>,
    /// The readings numbered: the hash of their text, the score and whether flipped.
    numbered: Vec<(u64, usize, bool)>,
    /// The hashes of `numbered`, alone.
    hashes: Vec<u64>,
    /// The first player of each side of each result kept.
    keys: Vec<(usize, usize)>,
}

/// A set of 64 bits, one for each 6-bit digest (below 64) of the hashes of a list (`add`ed as the list grows):
/// a hash whose digest's bit is clear is in no place of the list. (Equal hashes have equal digests; two unequal
/// ones may share one, and then the list is scanned for nothing, as before.)
#[derive(Default, Clone, Copy)]
struct Digests(u64);

impl Digests {
    fn add(&mut self, d: u8) {
        self.0 |= 1 << d;
    }

    fn may_have(&self, d: u8) -> bool {
        self.0 >> d & 1 != 0
    }
}

/// The digest of a score reading's hash for [`Digests`]: its top six bits (the hash ends with a multiply,
/// whose top bits depend on all the fields).
fn hash_digest(hash: u64) -> u8 {
    (hash >> 58) as u8
}

/// [`first_fitting`] over `hashes` whose digests are `seen`: none when the digest of `hash` is not among them
/// (most score readings are new: a scan of the list, whose end mispredicted, saved). (The same test on the
/// pairs of players of the results kept was a coin flip in the generated articles, which repeat pairs: it
/// moved the mispredicts there and cost instructions on short lists.)
fn first_fitting_seen(
    hashes: &[u64],
    seen: &Digests,
    hash: u64,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    if !seen.may_have(hash_digest(hash)) {
        return None;
    }
    first_fitting(hashes, hash, fits)
}

/// The first index `j` with `keys[j] == key` for which `fits(j)` holds: as `(0..keys.len()).find(..)` with
/// a `fits` that holds only where the key is equal, the keys compared in a tight scan first.
fn first_fitting<K: PartialEq + Copy>(
    keys: &[K],
    key: K,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = keys[from..].iter().position(|&k| k == key) {
        if fits(from + p) {
            return Some(from + p);
        }
        from += p + 1;
    }
    None
}

/// Whether score `a` read flipped or not (`fa`) and score `b` read as `fb` give the same text by
/// `ScoreMention::to_score`: "W/O" for a walkover; else each set's games from the winner's side with its
/// match tie-break brackets or its shown tie-break points, then the ending's " RET" or " DEF". (That text
/// is written with decimal numbers and fixed separators, so equal texts are exactly equal fields.)
fn same_score_text(
    a: &crate::recognise::score::ScoreMention,
    fa: bool,
    b: &crate::recognise::score::ScoreMention,
    fb: bool,
) -> bool {
    let walkover = |m: &crate::recognise::score::ScoreMention| m.ending == Outcome::Walkover;
    if walkover(a) || walkover(b) {
        return walkover(a) && walkover(b);
    }
    ending_suffix(a.ending) == ending_suffix(b.ending)
        && a.sets.len() == b.sets.len()
        && a.sets
            .iter()
            .zip(&b.sets)
            .all(|(x, y)| shown_set(x, fa) == shown_set(y, fb))
}

/// Which suffix a score's text gets for its ending (none, retired, defaulted), for [`same_score_text`].
fn ending_suffix(o: Outcome) -> u8 {
    match o {
        Outcome::Retired => 1,
        Outcome::Defaulted => 2,
        _ => 0,
    }
}

/// What of a set shows in a score's text read from one side: its games, whether it is a match tie-break and
/// the tie-break figure written, for [`same_score_text`].
fn shown_set(s: &crate::recognise::score::RawSet, flip: bool) -> ((u32, u32), bool, Option<u32>) {
    let games = if flip {
        (s.second, s.first)
    } else {
        (s.first, s.second)
    };
    let shown = if s.match_tiebreak {
        None
    } else {
        s.tiebreak.map(|(x, y)| y.map_or(x, |y| x.min(y)))
    };
    (games, s.match_tiebreak, shown)
}

/// A hash of what a score renders to when read from one side: two readings that [`same_score_text`] calls
/// equal hash equally.
fn score_text_hash(m: &crate::recognise::score::ScoreMention, flip: bool) -> u64 {
    // (A multiply-rotate mix of the fields: cheap, and equal fields give equal hashes.)
    let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    if m.ending == Outcome::Walkover {
        return mix(0, u64::MAX);
    }
    let mut h = mix(0, u64::from(ending_suffix(m.ending)));
    for s in &m.sets {
        let ((x, y), mtb, shown) = shown_set(s, flip);
        h = mix(h, u64::from(x) << 32 | u64::from(y));
        h = mix(h, shown.map_or(1 << 40, u64::from) | u64::from(mtb) << 41);
    }
    h
}

/// The results kept so far by [`merge_duplicates`], by the first player of each side (`(winner, loser)`), as
/// ascending indices: a result with a score can only be a duplicate of one with no score or the same score, so
/// a long roundup that repeats a pair of players costs no scan of all that pair's results.
#[derive(Default)]
struct DuplicateIndex {
    all: crate::lexicon::FxHashMap<(usize, usize), Vec<usize>>,
    unscored: crate::lexicon::FxHashMap<(usize, usize), Vec<usize>>,
    by_score: crate::lexicon::FxHashMap<(usize, usize, u32), Vec<usize>>,
}

impl DuplicateIndex {
    fn add(&mut self, k: usize, key: (usize, usize), score: Option<u32>) {
        self.all.entry(key).or_default().push(k);
        match score {
            Some(id) => self.by_score.entry((key.0, key.1, id)).or_default().push(k),
            None => self.unscored.entry(key).or_default().push(k),
        }
    }

    /// Result `k`, kept without a score, has taken score `id`.
    fn scored(&mut self, k: usize, key: (usize, usize), id: u32) {
        if let Some(v) = self.unscored.get_mut(&key)
            && let Ok(p) = v.binary_search(&k)
        {
            v.remove(p);
        }
        let v = self.by_score.entry((key.0, key.1, id)).or_default();
        if let Err(p) = v.binary_search(&k) {
            v.insert(p, k);
        }
    }

    /// The first result (lowest index) that `fits`, among those that can: all of the pair's results for a
    /// result with no score, else those with no score or the same one, taken in index order.
    fn first(
        &self,
        key: (usize, usize),
        score: Option<u32>,
        fits: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let none: &[usize] = &[];
        let Some(id) = score else {
            let all = self.all.get(&key).map_or(none, Vec::as_slice);
            return all.iter().copied().find(|&k| fits(k));
        };
        let a = self.unscored.get(&key).map_or(none, Vec::as_slice);
        let b = self
            .by_score
            .get(&(key.0, key.1, id))
            .map_or(none, Vec::as_slice);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let k = if j == b.len() || (i < a.len() && a[i] < b[j]) {
                i += 1;
                a[i - 1]
            } else {
                j += 1;
                b[j - 1]
            };
            if fits(k) {
                return Some(k);
            }
        }
        None
    }
}

/// A side of a match record whose players all have records: a single player (inlined), or a doubles pair
/// (rare: a call).
#[inline(always)]
fn side(v: &[usize], pref: &super::PlayerRefs) -> Side {
    if let [e] = v {
        Side::Single(pref.player(*e))
    } else {
        pair(v, pref)
    }
}

/// The players of a doubles side (each has a record). (The vector made at its size and pushed onto, not
/// collected through an adapter, which starts at a capacity of four.)
#[inline(never)]
fn pair(v: &[usize], pref: &super::PlayerRefs) -> Side {
    let mut players = Vec::with_capacity(v.len());
    for &e in v {
        players.push(pref.player(e));
    }
    Side::Pair(players)
}

/// Turns a found match into a record pushed onto `out` (nothing when a player of it has no record), its
/// evidence text taken from `source`. Built in place in `out` rather than returned: a `Match` is 264 bytes,
/// and each move of it is a call to `memcpy`. Its players are checked first, and the record is made after
/// its room, straight in its slot (see [`super::push_built`]); its sides are made in the record, not first as
/// values of their own (an `Option<Side>` was built on the stack and copied out of, twice).
pub(crate) fn push_record(
    ctx: &Ctx,
    f: &Found,
    source: &str,
    pref: &super::PlayerRefs,
    out: &mut Vec<Match>,
) {
    if !(pref.all_have(&f.winner) && pref.all_have(&f.loser)) {
        return;
    }
    super::push_built(out, || {
        record(ctx, f, source, side(&f.winner, pref), side(&f.loser, pref))
    });
}

/// The record of a found match with its sides `winner` and `loser` (see [`push_record`]).
#[inline(always)]
fn record(ctx: &Ctx, f: &Found, source: &str, winner: Side, loser: Side) -> Match {
    let score = match (f.outcome, f.score) {
        (_, Some((i, flip))) => Some(ctx.m.scores[i].to_score(flip)),
        (Outcome::Walkover, None) => Some(crate::model::Score {
            text: "W/O".into(),
            sets: Vec::new(),
        }),
        (Outcome::Retired, None) => Some(crate::model::Score {
            text: "RET".into(),
            sets: Vec::new(),
        }),
        (_, None) => None,
    };
    let (start, end) = ctx.norm.source_span(f.span.start, f.span.end);
    Match {
        doubles: f.winner.len() > 1,
        winner,
        loser,
        score,
        outcome: f.outcome,
        round: f.round.map(Into::into),
        // (The name's span sliced by `span_text`: fewer boundary tests.)
        tournament: f.tournament.map(|(k, _)| {
            let span = ctx.m.tournaments[k].span;
            Tournament {
                name: super::span_text(ctx.text, span.start, span.end).into(),
            }
        }),
        evidence: Evidence {
            start,
            end,
            text: super::span_text(source, start, end).into(),
        },
        rule: f.rule.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Team`]'s equality answers as the comparison of the slices of their entities (the old form), on every
    /// pair of the singles and pairs of a few ids (equal and unequal, in both orders).
    #[test]
    fn team_eq_as_the_slices() {
        let ids = [0usize, 1, 2, 7, usize::MAX];
        let mut teams = Vec::new();
        for &a in &ids {
            teams.push(Team::one(a));
            for &b in &ids {
                teams.push(Team::pair(a, b));
            }
        }
        let mut equal = 0;
        for x in &teams {
            for y in &teams {
                let old = **x == **y;
                assert_eq!(x == y, old, "{x:?} {y:?}");
                equal += usize::from(old);
            }
        }
        // (Each team equals itself only: the list holds no repeat.)
        assert_eq!(equal, teams.len());
    }

    /// [`trim_end_bytes`] answers as `text[from..to].trim_end()`, with ASCII and other white space at the end
    /// (U+00A0, U+2009), letters beyond ASCII, and empty ranges.
    #[test]
    fn trim_end_bytes_as_trim_end() {
        let text = "the set that \t\n Sabalenka, caf\u{e9} \u{a0} x\u{2009}\u{a0}  \u{e9}t\u{e9}";
        for from in 0..=text.len() {
            for to in from..=text.len() {
                if text.is_char_boundary(from) && text.is_char_boundary(to) {
                    let old = text[from..to].trim_end().as_bytes();
                    assert_eq!(trim_end_bytes(text, from, to), old, "{from}..{to}");
                }
            }
        }
        assert_eq!(trim_end_bytes(text, 0, 16), b"the set that");
        assert_eq!(trim_end_bytes("x \u{a0} ", 0, 5), b"x");
        assert_eq!(trim_end_bytes("   ", 1, 3), b"");
    }

    /// A [`Team`] reads as the slice of its players: one for a single player, both of a pair in order.
    #[test]
    fn team_reads_as_its_players() {
        assert_eq!(*Team::one(5), [5]);
        assert_eq!(*Team::pair(3, 9), [3, 9]);
        assert_eq!(*Team::pair(9, 3), [9, 3]);
        assert_eq!(Team::one(5).len(), 1);
        assert_eq!(Team::pair(0, 0).len(), 2);
    }

    /// [`has_cup`] answers as the three-byte windows it replaced, on every line of the test texts, their
    /// suffixes from each 'C', and random strings of "C", "u", "p", "Cu", "up" and other bytes.
    #[test]
    fn has_cup_as_the_windows() {
        let old = |b: &[u8]| b.windows(3).any(|w| w == b"Cup");
        let texts = crate::recognise::all_texts_then_random(
            &["C", "u", "p", "Cu", "up", "Cup", "c", "U", "x", " ", "CC"],
            20_000,
            5,
            0xc0f,
        );
        let mut told = [0usize; 2];
        for t in &texts {
            for line in t.lines() {
                let b = line.as_bytes();
                for from in std::iter::once(0).chain(memchr::memchr_iter(b'C', b)) {
                    let want = old(&b[from..]);
                    assert_eq!(has_cup(&b[from..]), want, "{line:?} {from}");
                    told[usize::from(want)] += 1;
                }
            }
        }
        assert!(told[0] > 1000 && told[1] > 1000, "{told:?}");
    }

    /// [`earlier_round_in`] answers as the [`EARLIER_ROUND`] search it replaced: on every text of the tests and
    /// its lines (whole, and from each "round" on and up to each "round"'s end, to cut the phrases at their
    /// edges), and on random texts of the phrases' words, cut and joined (every phrase told, and near misses).
    #[test]
    fn earlier_round_as_the_patterns() {
        let pieces = [
            "previous round",
            "previous ",
            "round before",
            "round",
            " before",
            "earlier round",
            "earlier ",
            "round earlier",
            "rounds",
            "Round",
            "previous",
            "earlier",
            "roun",
            "d before",
            "preview round",
            " ",
            "x",
            "previous  round",
            "round  before",
            "é",
        ];
        let texts = crate::recognise::all_texts_then_random(&pieces, 20_000, 6, 0x9e37);
        let mut told = [0usize; 2];
        let mut check = |h: &str| {
            let want = EARLIER_ROUND.find(h).is_some();
            assert_eq!(earlier_round_in(h.as_bytes()), want, "{h:?}");
            told[usize::from(want)] += 1;
        };
        for t in &texts {
            check(t);
            for line in t.lines() {
                check(line);
                for (p, _) in line.match_indices("round") {
                    check(&line[..p + 5]);
                    check(&line[p..]);
                    if p > 0 && line.is_char_boundary(p - 1) {
                        check(&line[p - 1..]);
                    }
                }
            }
        }
        // (Both answers are told, often.)
        assert!(told[0] > 1000 && told[1] > 1000, "{told:?}");
    }

    /// [`score_named_as`] names what [`score_named_as_by_strings`] names at every place of the test texts and of
    /// random texts of the nouns, their prefixes, longer words, capitals, " of ", commas and non-ASCII letters.
    #[test]
    fn score_named_as_as_the_scan() {
        let pieces = [
            "win",
            "wins",
            "winner",
            "victory",
            "victor",
            "triumph",
            "triumphs",
            "thrashing",
            "thrash",
            "success",
            "demolition",
            "demo",
            "rout",
            "routs",
            "route",
            "upset",
            "romp",
            "ro",
            "defeat",
            "defeated",
            "loss",
            "lost",
            "reverse",
            "exit",
            "exits",
            "Win",
            "Defeat",
            "of",
            " of ",
            " ",
            ",",
            ", ",
            "6-4",
            "é",
            "ß",
            "-",
            "s",
            "d",
            "r",
            "t",
            ".",
        ];
        let texts = crate::recognise::all_texts_then_random(&pieces, 20_000, 6, 0x5c0e_0a3e);
        let mut named = 0;
        for t in &texts {
            for end in (0..=t.len()).filter(|&e| t.is_char_boundary(e)) {
                let want = score_named_as_by_strings(t, end);
                assert_eq!(score_named_as(t, end), want, "{t:?} at {end}");
                named += usize::from(want.is_some());
            }
        }
        assert!(named > 10_000, "{named}");
    }

    /// [`keep_at`] keeps what the swap it replaced kept: random vectors compacted in place by random choices
    /// (every result kept, none, and mixes), `v[..kept]` the same at every step and at the end.
    #[test]
    fn keep_at_keeps_as_the_swap() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || crate::recognise::xorshift(&mut seed);
        for round in 0..3000 {
            let n = (next() % 40) as usize;
            let start: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
            let (mut a, mut b) = (start.clone(), start.clone());
            let (mut kept_a, mut kept_b) = (0, 0);
            for k in 0..n {
                let keep = match round % 3 {
                    0 => true,
                    1 => k % 5 == 0,
                    _ => next() % 3 != 0,
                };
                if keep {
                    a.swap(kept_a, k);
                    kept_a += 1;
                    keep_at(&mut b, kept_b, k);
                    kept_b += 1;
                }
                assert_eq!(a[..kept_a], b[..kept_b]);
            }
            a.truncate(kept_a);
            b.truncate(kept_b);
            assert_eq!(a, b);
        }
    }

    /// [`first_fitting_seen`] finds what `find` finds over all places: random lists of hashes, some repeated
    /// and some sharing digests with others, with random `fits`; each hash of the list looked for and others.
    #[test]
    fn first_fitting_seen_finds_as_find() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || crate::recognise::xorshift(&mut seed);
        let mut told = [0usize; 2];
        for _ in 0..4000 {
            let n = (next() % 40) as usize;
            // Few distinct values: repeats; values that differ only in their low bits: shared digests.
            let pool: Vec<u64> = (0..1 + next() % 12)
                .map(|_| (next() & !0xff) | (next() % 4))
                .collect();
            let hashes: Vec<u64> = (0..n)
                .map(|_| pool[(next() % pool.len() as u64) as usize])
                .collect();
            let fitting: Vec<bool> = (0..n).map(|_| next() % 3 != 0).collect();
            let mut seen = Digests::default();
            for &h in &hashes {
                seen.add(hash_digest(h));
            }
            let others: Vec<u64> = (0..8).map(|_| next()).collect();
            for &h in pool.iter().chain(&others) {
                let want = (0..n).find(|&j| hashes[j] == h && fitting[j]);
                let got = first_fitting_seen(&hashes, &seen, h, |j| {
                    assert_eq!(hashes[j], h);
                    fitting[j]
                });
                assert_eq!(got, want, "{hashes:?} {h}");
                told[usize::from(got.is_some())] += 1;
            }
        }
        // (Both answers are told, often.)
        assert!(told[0] > 10_000 && told[1] > 10_000, "{told:?}");
    }

    /// A [`Digests`] holds every digest added and no other: every value below 64, added in random orders.
    #[test]
    fn digests_hold_what_was_added() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || crate::recognise::xorshift(&mut seed);
        for _ in 0..500 {
            let mut seen = Digests::default();
            let mut added = [false; 64];
            for _ in 0..(next() % 80) {
                let d = (next() % 64) as u8;
                seen.add(d);
                added[usize::from(d)] = true;
                for v in 0..64u8 {
                    assert_eq!(seen.may_have(v), added[usize::from(v)]);
                }
            }
        }
    }

    #[test]
    fn word_lists_are_sorted_lower_case_and_short() {
        for list in [&FUTURE, &NOT_RESULT_BEFORE, &PAST_VERBS] {
            assert!(list.words.windows(2).all(|w| w[0] < w[1]));
            assert!(list.words.iter().all(|w| *w == w.to_ascii_lowercase()));
            assert!(
                list.words
                    .iter()
                    .all(|w| list.has(w) && list.has_any_case(w))
            );
        }
        assert!(FUTURE.has_any_case("Hopes"));
        assert!(!FUTURE.has("Hopes"));
        assert!(!FUTURE.has_any_case("hoped"));
        assert!(!FUTURE.has_any_case("") && !FUTURE.has_any_case("éa"));
        // The filtered lookups answer as a plain one, on the words of the texts and their variants.
        let mut texts = crate::recognise::all_texts();
        texts.truncate(200);
        // (And the listed words grown, cut and changed at their last letter, in upper and lower case.)
        for list in [&FUTURE, &NOT_RESULT_BEFORE, &PAST_VERBS] {
            texts.extend(list.words.iter().map(|w| {
                let (head, last) = w.split_at(w.len() - 1);
                format!(
                    "{w}s {head} {head}e {head}d {head}'{last} x{w} {}",
                    w.to_ascii_uppercase()
                )
            }));
        }
        let mut checked = 0;
        for t in &texts {
            for w in t.split_whitespace() {
                let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric());
                let upper = trimmed.to_ascii_uppercase();
                let cut = &w.as_bytes()[..w.len() - 1];
                for w in [w, trimmed, &upper]
                    .map(str::as_bytes)
                    .into_iter()
                    .chain([cut])
                {
                    for list in [&FUTURE, &NOT_RESULT_BEFORE, &PAST_VERBS] {
                        let plain = list.words.iter().any(|p| p.as_bytes() == w);
                        assert_eq!(list.has_bytes(w), plain, "{w:?}");
                        if let Ok(s) = std::str::from_utf8(w) {
                            let lower = s.to_ascii_lowercase();
                            assert_eq!(list.has_any_case(s), list.words.contains(&&*lower), "{s}");
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn pattern_sets_find_as_the_least_find() {
        const PATS: &[&str] = &[" but ", ", and ", "; ", " while "];
        static SET: Patterns = Patterns::new(PATS);
        for hay in [
            "",
            "a",
            "he won, and she lost but then; while",
            " but ; , and  while x",
            "no break here",
            "ends with; ",
            "Federer, who won, beat Nadal, the top seed; Murray - who lost - said, a bit, whose, which ,",
        ] {
            let first = PATS.iter().filter_map(|p| hay.find(p)).min();
            assert_eq!(SET.find(hay), first, "{hay:?}");
        }
        static CASE: Patterns = Patterns::any_case(&[" win ", "beaten"]);
        assert_eq!(CASE.find("After the WIN over"), Some(9));
        assert_eq!(CASE.find("he was BeAtEn"), Some(7));
        assert_eq!(CASE.find("winning"), None);
    }

    /// `clause_hits` (the SIMD search, then the commas and semicolons by the AVX2 searcher) finds what the
    /// byte-by-byte search of every pattern finds, on every sentence of the test texts and on random texts
    /// thick with commas and semicolons.
    #[test]
    fn clause_hits_as_the_search_byte_by_byte() {
        let pieces = [
            ", ",
            ",",
            "; ",
            ";",
            ", and ",
            ", while ",
            " while ",
            ", with ",
            ", as ",
            ", who ",
            ", whose ",
            ", which ",
            ", the ",
            ", a ",
            " - who ",
            " but ",
            " whereas ",
            "meetings",
            " times in",
            "é",
            " ",
            "x",
            "\n",
            ",,",
            ";;",
        ];
        let texts =
            crate::recognise::all_texts_then_random(&pieces, 3000, 14, 0x9e37_79b9_7f4a_7c15);
        let mut total = 0;
        for t in &texts {
            for s in crate::segment::sentences(t) {
                let hay = &t[s.start..s.end];
                let mut want = Vec::new();
                CLAUSE_WORDS.each(hay, |i, k| {
                    want.push(Hit {
                        start: s.start + i,
                        end: s.start + i + CLAUSE_WORDS.pats[k as usize].len(),
                        groups: clause_word_groups(k),
                    })
                });
                let mut got = Vec::new();
                clause_hits(t, (s.start, s.end), &mut got);
                assert_eq!(got, want, "{hay:?}");
                total += want.len();
            }
        }
        assert!(total > 10_000, "{total}");
    }

    /// The clause words found once per sentence give, for every range of it, what searching the range for
    /// each set of words gave.
    #[test]
    fn sentence_hits_find_as_the_searches_of_each_range() {
        let group_pats = |g: u8| -> Vec<&str> {
            (0..CLAUSE_WORDS.pats.len() as u32)
                .filter(|&k| clause_word_groups(k) & g != 0)
                .map(|k| CLAUSE_WORDS.pats[k as usize])
                .collect()
        };
        let mut texts: Vec<String> = [
            "He won, and she lost but then; while, with a, as the; whereas",
            " but ; , and  while x, while y",
            "their meetings: five times in six meeting, head-to-head; occasions",
            "12 times out of 13 matches against him, as , with, while but",
            "no break here",
            "ends with; ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for t in crate::recognise::all_texts().iter().take(15) {
            texts.push(t.chars().take(300).collect());
        }
        for hay in &texts {
            let mut hits = Vec::new();
            CLAUSE_WORDS.each(hay, |i, k| {
                hits.push(Hit {
                    start: i,
                    end: i + CLAUSE_WORDS.pats[k as usize].len(),
                    groups: clause_word_groups(k),
                })
            });
            let mut fast = Vec::new();
            clause_hits(hay, (0, hay.len()), &mut fast);
            assert_eq!(fast, hits, "{hay:?}");
            let bounds: Vec<usize> = (0..=hay.len())
                .filter(|&i| hay.is_char_boundary(i))
                .step_by(5)
                .chain([hay.len()])
                .collect();
            for g in [CLAUSE_END, BREAKS, H2H] {
                let pats = group_pats(g);
                for (x, &a) in bounds.iter().enumerate() {
                    for &b in &bounds[x..] {
                        let r = &hay[a..b];
                        let first = pats.iter().filter_map(|p| r.find(p)).min().map(|i| a + i);
                        let last = pats
                            .iter()
                            .filter_map(|p| r.rfind(p).map(|i| a + i + p.len()))
                            .max();
                        assert_eq!(first_start(&hits, g, a, b), first, "{hay:?} {a}..{b}");
                        assert_eq!(last_end(&hits, g, a, b), last, "{hay:?} {a}..{b}");
                    }
                }
            }
        }
    }

    /// Scores compared field by field are equal exactly when their texts are (and then hash equally), on every
    /// pair of readings of the corpus's scores and of some tricky ones.
    #[test]
    fn score_texts_compare_as_rendered() {
        use crate::recognise::score::{ScoreMention, find};
        let mut all: Vec<ScoreMention> = Vec::new();
        for t in crate::recognise::all_texts().iter().take(200) {
            all.extend(find(t));
        }
        for t in [
            "6-4 3-1 ret. and 6-4 3-1 def. and 4-6 1-3 ret and 7-6 (7-4) 6-4 and 7-6 (4) 6-4",
            "6-7 (6/8) 6-1 6-1, 7-6 (8-6) 7-6 (4) 6-4, 6-4 3-6 [10-8], 4-6 6-3 [8-10], walkover",
            "6-4 6-4 and 4-6 4-6 and 6-4 4-6 6-4 and 4-6 6-4 4-6, 7-6 (6) 6-4, 6-7 (6) 4-6",
        ] {
            all.extend(find(t));
        }
        assert!(all.len() > 20);
        for a in &all {
            for b in &all {
                for fa in [false, true] {
                    for fb in [false, true] {
                        let same = a.to_score(fa).text == b.to_score(fb).text;
                        assert_eq!(same_score_text(a, fa, b, fb), same, "{a:?} {fa} {b:?} {fb}");
                        if same {
                            assert_eq!(score_text_hash(a, fa), score_text_hash(b, fb));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn window_words_are_those_of_the_byte_scans() {
        let pieces = [
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "\u{2003}",
            "\u{e9}",
            "to",
            "ing",
            "beating",
            "winning",
            "x",
            ",",
            "abcdefghijklmnop",
            "defeated",
            "I",
        ];
        let mut texts = crate::recognise::all_texts()
            .into_iter()
            .take(40)
            .collect::<Vec<_>>();
        texts.extend(crate::recognise::random_texts(
            &pieces,
            400,
            12,
            0x2545_f491_4f6c_dd1d,
        ));
        let mut checked = 0;
        for t in &texts {
            let ends: Vec<usize> = (0..=t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for (k, &end) in ends.iter().enumerate() {
                for &from in ends[k.saturating_sub(24)..=k].iter().chain(&ends[..1]) {
                    assert_eq!(
                        last_word_in(t, from, end, Splitter::of(t)),
                        last_word(&t[from..end]).map(str::as_bytes),
                        "{t:?} {from} {end}"
                    );
                    assert_eq!(
                        last_word_in(t, from, end, Splitter { wide: true }),
                        last_word(&t[from..end]).map(str::as_bytes),
                        "{t:?} {from} {end}"
                    );
                    let s = &t[from..end];
                    let first = s.split(' ').next().unwrap_or(s);
                    assert_eq!(
                        first_word_ends_ing(t, from, end),
                        first.ends_with("ing"),
                        "{t:?} {from} {end}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    #[test]
    fn window_masks_are_those_without_vectors() {
        // Every byte value at every place of a window, among letters, among spaces and among bytes beyond
        // ASCII, then windows of random bytes: the masks of `white_and_wide` and `spaces` are those of the
        // eight-bytes-at-a-time code they replaced, and those of a test of each byte.
        let plain = |w: &[u8; 16]| {
            (0..16).fold((0u32, 0u32, 0u32), |(white, wide, space), k| {
                (
                    white | u32::from(ascii_space(w[k])) << k,
                    wide | u32::from(w[k] >= 0x80) << k,
                    space | u32::from(w[k] == b' ') << k,
                )
            })
        };
        let check = |w: &[u8; 16]| {
            let (white, wide, space) = plain(w);
            assert_eq!(white_and_wide(w), (white, wide), "{w:?}");
            assert_eq!(portable_white_and_wide(w), (white, wide), "{w:?}");
            assert_eq!(spaces(w), space, "{w:?}");
            assert_eq!(portable_spaces(w), space, "{w:?}");
        };
        for fill in [b'a', b' ', 0xC3] {
            for c in 0..=255u8 {
                for k in 0..16 {
                    let mut w = [fill; 16];
                    w[k] = c;
                    check(&w);
                }
            }
        }
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            let w: [u8; 16] = std::array::from_fn(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            });
            check(&w);
        }
    }

    #[test]
    fn white_bits_are_those_byte_by_byte() {
        // Every byte value at every place of a block, among letters and among spaces.
        for fill in [b'a', b' '] {
            for c in 0..=255u8 {
                for k in 0..64 {
                    let mut block = [fill; 64];
                    block[k] = c;
                    assert_eq!(
                        white_bits(&block),
                        portable_white_bits(&block),
                        "{c} at {k}"
                    );
                }
            }
        }
        for k in 0..64 {
            let block: [u8; 64] = std::array::from_fn(|i| (i * 37 + k * 11) as u8);
            assert_eq!(white_bits(&block), portable_white_bits(&block));
        }
        // The sixteen-byte masks of `white_in16`: every byte value at every place, every end, and lanes that
        // run past the end of the bytes.
        let plain = |b: &[u8], base: usize, to: usize| -> u32 {
            (0..16).fold(0, |m, k| {
                let white = base + k >= to || b.get(base + k).is_some_and(|&c| ascii_space(c));
                m | u32::from(white) << k
            })
        };
        for c in 0..=255u8 {
            for k in 0..20 {
                let mut b = vec![b'a'; 20];
                b[k] = c;
                for to in 0..=20 {
                    for base in [0, 3, 4].into_iter().filter(|&x| x <= to) {
                        assert_eq!(
                            white_in16(&b, base, to),
                            plain(&b, base, to),
                            "{c} {k} {base} {to}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn block_words_and_their_counts_are_those_of_split_whitespace() {
        let same = |t: &str, from: usize, to: usize| {
            let split = Splitter::of(t);
            let want: Vec<&str> = t[from..to].split_whitespace().collect();
            if !split.wide {
                let got: Vec<&str> = BlockWords::new(t, from, to)
                    .map(|w| std::str::from_utf8(w).unwrap())
                    .collect();
                assert_eq!(got, want, "{:?}", &t[from..to]);
            }
            for most in 0..want.len() + 2 {
                assert_eq!(split.words_at_most(t, from, to, most), want.len() <= most);
            }
        };
        // Words and gaps of every length up to 150 (words past a block, filling blocks), at every place.
        let mut seed = 7u64;
        for _ in 0..300 {
            let mut t = String::new();
            while t.len() < 400 {
                let n = below(&mut seed, 150) + 1;
                let n = if below(&mut seed, 4) == 0 {
                    n
                } else {
                    n % 9 + 1
                };
                t.extend((0..n).map(|i| ['x', '\u{e9}', 'y'][i % 3]));
                let gap = below(&mut seed, 70) + 1;
                let gap = if below(&mut seed, 4) == 0 {
                    gap
                } else {
                    gap % 3 + 1
                };
                t.extend(
                    (0..gap)
                        .map(|_| [' ', '\t', '\n', '\r', '\u{b}', '\u{c}'][below(&mut seed, 6)]),
                );
            }
            for _ in 0..20 {
                let a = below(&mut seed, t.len() as u64 + 1);
                let b = below(&mut seed, t.len() as u64 + 1);
                let (from, to) = (a.min(b), a.max(b));
                if t.is_char_boundary(from) && t.is_char_boundary(to) {
                    same(&t, from, to);
                }
            }
            same(&t, 0, t.len());
        }
        // Every range of some test texts that starts and ends at a character.
        for t in crate::recognise::all_texts().iter().take(50) {
            for (i, _) in t.char_indices().step_by(7) {
                let from = super::super::players::floor_boundary(t, i / 2);
                same(t, from, i);
                same(t, i, t.len());
            }
        }
        for t in ["", " ", "a", " a ", "\u{a0}x y", "x\u{2003}y z"] {
            same(t, 0, t.len());
        }
    }

    #[test]
    fn words_are_those_of_split_whitespace() {
        for s in [
            "",
            " ",
            "a",
            "He hopes to",
            "He hopes to  ",
            "x\u{a0}y",
            "x y\u{a0}",
            "caf\u{e9} to",
            "to caf\u{e9}",
            "a\tb\u{b}c\u{c}",
            "a\r\n",
            "\u{2003}word",
            "word\u{2003}",
        ] {
            assert_eq!(last_word(s), s.split_whitespace().next_back(), "{s:?}");
            assert!(words(s).eq(s.split_whitespace()), "{s:?}");
        }
        // Every white space character beyond ASCII, between letters beyond ASCII.
        for c in (0x80..=0x3000u32).filter_map(char::from_u32) {
            let s = format!("J\u{fc}rgen{c}Pe\u{f1}a \u{1e9e}{c}x");
            assert!(words(&s).eq(s.split_whitespace()), "{s:?}");
            assert!(Splitter::of(&s).words(&s).eq(s.split_whitespace()));
            let part = &s[1..s.len() - 1];
            assert!(Splitter::of(&s).words(part).eq(part.split_whitespace()));
        }
        for t in crate::recognise::all_texts().iter().take(50) {
            for (i, _) in t.char_indices().step_by(7) {
                let s = &t[..i];
                assert_eq!(last_word(s), s.split_whitespace().next_back());
                let from = super::super::players::floor_boundary(t, i / 2);
                assert!(words(&t[from..i]).eq(t[from..i].split_whitespace()));
                assert!(
                    Splitter::of(t)
                        .words(&t[from..i])
                        .eq(t[from..i].split_whitespace())
                );
            }
        }
    }

    #[test]
    fn head_to_head_is_the_search_up_to_the_cut() {
        let old = |text: &str, hits: &[Hit], from: usize, to: usize| {
            let after = &text[from..to];
            let cut = first_of(after.as_bytes(), b'.', b';').unwrap_or(after.len());
            first_start(hits, H2H, from, from + cut).is_some()
        };
        let pieces = [
            "beat him",
            " in all three meetings",
            "meeting",
            "meetings",
            ". ",
            "; ",
            ".",
            ";",
            " times in",
            " times out of",
            "head-to-head",
            "encounters",
            "occasions",
            " but ",
            ", and ",
            "matches against",
            "x",
            " ",
        ];
        let mut hits = Vec::new();
        let mut told = 0;
        for t in crate::recognise::random_texts(&pieces, 300, 8, 3) {
            clause_hits(&t, (0, t.len()), &mut hits);
            for from in (0..=t.len()).step_by(3) {
                for to in (from..=t.len()).step_by(5) {
                    let h = head_to_head(&t, &hits, from, to);
                    assert_eq!(h, old(&t, &hits, from, to), "{t:?} {from}..{to}");
                    told += usize::from(h);
                }
            }
        }
        assert!(told > 1000);
    }

    /// [`score_named_as`] as first written, by string searches.
    fn score_named_as_by_strings(text: &str, end: usize) -> Option<&'static str> {
        let rest = text[end..].trim_start_matches([' ', ',']);
        let word_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        const NOUNS: &[&str] = &[
            "win",
            "victory",
            "triumph",
            "success",
            "thrashing",
            "demolition",
            "rout",
            "upset",
            "romp",
            "defeat",
            "loss",
            "reverse",
            "exit",
        ];
        let noun = NOUNS.iter().copied().find(|n| *n == word)?;
        if noun == "defeat" && rest[word_len..].starts_with(" of ") {
            return Some("defeat of");
        }
        Some(noun)
    }

    #[test]
    fn score_nouns_are_read_as_by_string_searches() {
        let pieces = [
            "6-4 6-3",
            " ",
            ", ",
            ",",
            "win",
            "wins",
            "victory",
            "defeat",
            " of ",
            "of",
            "loss",
            "exit",
            "Win",
            "rout\u{e9}",
            "\u{e9}",
            "upset",
            "romp",
            "reverse",
            "x",
            "thrashing",
            "demolition",
        ];
        let mut texts = crate::recognise::random_texts(&pieces, 400, 8, 11);
        texts.extend(crate::recognise::all_texts().into_iter().take(60));
        let mut named = 0;
        for t in &texts {
            for (end, _) in t.char_indices().chain([(t.len(), ' ')]) {
                let got = score_named_as(t, end);
                assert_eq!(got, score_named_as_by_strings(t, end), "{t:?} at {end}");
                named += usize::from(got.is_some());
            }
        }
        assert!(named > 100);
    }

    #[test]
    fn either_byte_is_found_in_any_position() {
        for n in 0..40 {
            let mut s = "x".repeat(n);
            assert_eq!(first_of(s.as_bytes(), b',', b'-'), None);
            s.push('-');
            s.push_str("yy,");
            assert_eq!(first_of(s.as_bytes(), b',', b'-'), Some(n));
            assert_eq!(first_of(&s.as_bytes()[n + 1..], b',', b'-'), Some(2));
            // Bytes just above and below the ones sought, and non-ASCII bytes, are no match.
            let t = format!("{}+.é\u{80}/", "x".repeat(n));
            assert_eq!(first_of(t.as_bytes(), b',', b'-'), None);
        }
    }

    /// The parentheticals of one sentence as first written, sentence by sentence.
    fn parentheticals_of_one(text: &str, sent: crate::segment::Sentence, out: &mut Vec<Span>) {
        let s = &text[sent.start..sent.end];
        let b = s.as_bytes();
        for i in memchr::memchr2_iter(b',', b'-', b) {
            let c = b[i];
            let rest = &s[i + 1..];
            let closing = |body: usize| {
                rest.as_bytes()[body..]
                    .iter()
                    .position(|&c| c == b',' || c == b';')
                    .map(|q| i + 1 + body + q + 1)
            };
            let relative = if c == b',' {
                [" who ", " whose ", " which "]
                    .iter()
                    .find(|p| rest.starts_with(**p))
                    .map(|p| p.len())
            } else {
                (i > 0 && b[i - 1] == b' ' && rest.starts_with(" who ")).then_some(5)
            };
            if let Some(body) = relative {
                out.push(Span::new(
                    sent.start + i,
                    sent.start + closing(body).unwrap_or(s.len()),
                ));
            } else if c == b','
                && let Some(body) = [" the ", " a "]
                    .iter()
                    .find(|p| rest.starts_with(**p))
                    .map(|p| p.len())
                && let Some(end) = closing(body)
            {
                out.push(Span::new(sent.start + i, sent.start + end));
            }
        }
    }

    /// The parentheticals read off the clause words of each sentence are those first found by a pass of their
    /// own.
    #[test]
    fn parentheticals_of_hits_are_those_of_each_sentence() {
        let mut texts: Vec<String> = [
            "Federer, who won, beat Nadal, the top seed, in Paris. Murray - who lost - said, a bit later",
            ", who x, whose y; which z, the end. - who , a b, the",
            "X, the, a, who. Y - who - who, which",
            "A, and B, as C, with D; while E, whereas - who, a; the",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend(crate::recognise::all_texts());
        // And random texts made of the pieces that open, close or nearly open a parenthetical.
        let pieces = [
            ", who ", ", whose ", ", which ", ", the ", ", a ", " - who ", "- who ", " -who ",
            ",who ", ", ", ",", "; ", "-", " - ", ". ", " ", "who", "the", "a", "Nadal", "won",
            "é", "\n", ", an ", ", they ", ",  who ",
        ];
        texts.extend(crate::recognise::random_texts(
            &pieces,
            3000,
            12,
            0x2545_f491_4f6c_dd1d,
        ));
        let mut total = 0;
        for t in &texts {
            let t = crate::normalise::Normalised::new(t).text;
            let (mut want, mut got, mut hits) = (Vec::new(), Vec::new(), Vec::new());
            for s in crate::segment::sentences(&t) {
                parentheticals_of_one(&t, s, &mut want);
                clause_hits(&t, (s.start, s.end), &mut hits);
                parens_of_hits(&t, s, &hits, &mut got);
            }
            assert_eq!(got, want, "{t}");
            total += want.len();
        }
        // (The random texts hold thousands: the comparison is not of empty lists.)
        assert!(total > 3000, "{total} parentheticals");
    }

    /// `trim_non_alnum` trims as `trim_matches` does, on random words of punctuation, letters beyond ASCII
    /// and white space, and on the words of the corpus texts.
    #[test]
    fn trim_non_alnum_is_trim_matches() {
        let pieces = [
            "Federer", ",", "(", ")", "\"", "'", "é", "É", "ß", "1", "-", ".", "x", "\u{a0}",
            "\u{2019}", "¿", "…", "ñ", "Z", ":", "٣", "!?",
        ];
        let mut texts = crate::recognise::random_texts(&pieces, 4000, 4, 0x2545_f491_4f6c_dd1d);
        texts.extend(crate::recognise::random_texts(&pieces, 2000, 1, 7));
        texts.extend(
            crate::recognise::all_texts()
                .iter()
                .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>()),
        );
        texts.push(String::new());
        for w in &texts {
            assert_eq!(
                trim_non_alnum(w),
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "{w:?}"
            );
        }
    }

    /// `clause_word` cuts as `trim_non_alnum` does, on random words of punctuation, letters beyond ASCII and
    /// digits and on every word of the corpus texts; and `wish_and_past` with it gives what it gave with
    /// `trim_non_alnum` on every run of up to twelve words of the corpus texts and of the random texts.
    #[test]
    fn clause_word_is_trim_non_alnum() {
        let pieces = [
            "Federer", ",", "(", ")", "\"", "'", "é", "É", "ß", "1", "-", ".", "x", "\u{2019}",
            "…", "Z", ":", "!?", "hopes", "rallied", "ed",
        ];
        let mut texts = crate::recognise::random_texts(&pieces, 4000, 4, 0x2545_f491_4f6c_dd1d);
        texts.extend(crate::recognise::random_texts(&pieces, 2000, 1, 7));
        texts.extend(crate::recognise::all_texts().iter().map(|t| t.to_string()));
        let old = |words: &[&str]| {
            let mut past = false;
            for w in words {
                let w = trim_non_alnum(w);
                if FUTURE.has(&w.to_ascii_lowercase()) {
                    return (true, past);
                }
                past = past || past_verb(w.to_ascii_lowercase().as_bytes());
            }
            (false, past)
        };
        let mut wishes = 0;
        for t in &texts {
            let words: Vec<&str> = t.split_whitespace().collect();
            for (i, w) in words.iter().enumerate() {
                assert_eq!(
                    clause_word(w.as_bytes()),
                    trim_non_alnum(w).as_bytes(),
                    "{w:?}"
                );
                let run = &words[i..(i + 12).min(words.len())];
                let got = wish_and_past(run.iter().map(|w| w.as_bytes()));
                assert_eq!(got, old(run), "{run:?}");
                wishes += usize::from(got.0);
            }
        }
        // (The runs hold wishes: the comparison is not of empty verdicts.)
        assert!(wishes > 100, "{wishes} wishes");
    }

    /// The verdict of `wish_and_past` before "to beat" as `sentence_matches` reads the clause (off the masks
    /// of `BlockWords`, or split by `words` in an article with wide spaces) is that of the plain test of every
    /// word (trimmed by `trim_non_alnum`, each list searched in lower case), on every range of up to 80 bytes
    /// at word starts of random texts of listed words in several cases, verbs in "-ed", the two "-ed" words
    /// that are no past verb, digits, marks and letters beyond ASCII, and of the corpus texts.
    #[test]
    fn wish_and_past_is_the_plain_test_of_each_word() {
        let old = |clause: &str| {
            let mut past = false;
            for w in clause.split_whitespace() {
                let w = trim_non_alnum(w).to_ascii_lowercase();
                if FUTURE.has(&w) {
                    return (true, past);
                }
                past = past || past_verb(w.as_bytes());
            }
            (false, past)
        };
        let pieces = [
            " ",
            " ",
            "  ",
            "\n",
            "hopes",
            "Hopes",
            "WILL",
            "need",
            "came",
            "Came",
            "WENT",
            "won",
            "rallied",
            "RALLIED",
            "seeded",
            "Ranked",
            "ed",
            "Ed",
            "red",
            "bed",
            "d",
            "x",
            "ab",
            "1",
            "2000",
            ",",
            ".",
            "\"",
            "(",
            "é",
            "ß",
            "\u{2019}",
            "\u{a0}",
            "Ł",
            "\u{201c}",
            "\u{2014}",
            "\u{10400}",
            "\u{0663}",
            "'s",
            "overcame",
            "favourite",
            "bid",
            "tomorrow",
            "recovering",
        ];
        let mut texts = crate::recognise::random_texts(&pieces, 1500, 40, 0x9e37_79b9_7f4a_7c15);
        texts.extend(crate::recognise::all_texts().iter().map(|t| t.to_string()));
        let (mut checked, mut wishes, mut pasts) = (0, 0, 0);
        for t in &texts {
            let split = Splitter::of(t);
            let starts: Vec<usize> = (0..t.len())
                .filter(|&i| t.is_char_boundary(i) && (i == 0 || ascii_space(t.as_bytes()[i - 1])))
                .collect();
            // (The corpus texts are long: ranges from every tenth word start of theirs.)
            let step = if t.len() > 5000 { 10 } else { 1 };
            for &from in starts.iter().step_by(step) {
                for to in (from..=(from + 80).min(t.len())).filter(|&i| t.is_char_boundary(i)) {
                    let want = old(&t[from..to]);
                    let got = if split.wide {
                        wish_and_past(words(&t[from..to]).map(str::as_bytes))
                    } else {
                        wish_and_past(BlockWords::new(t, from, to))
                    };
                    assert_eq!(got, want, "{:?}", &t[from..to]);
                    checked += 1;
                    wishes += usize::from(want.0);
                    pasts += usize::from(want.1 && !want.0);
                }
            }
        }
        // (Both verdicts are met many times: the comparison is not of empty verdicts.)
        assert!(
            checked > 100_000 && wishes > 10_000 && pasts > 10_000,
            "{checked} {wishes} {pasts}"
        );
    }

    /// The shared filter `WISH_OR_PAST` lets through every word of `FUTURE` and every past verb in any case:
    /// the listed words in lower, title and upper case, every "-ed" word of up to twenty bytes after every first
    /// byte, and every word of the corpus texts and of random words that is one.
    #[test]
    fn wish_or_past_lets_every_wish_and_past_verb_through() {
        let passes = |w: &[u8]| {
            let (a, e) = (
                ALNUM_INDEX[usize::from(w[0])],
                ALNUM_INDEX[usize::from(w[w.len() - 1])],
            );
            (WISH_OR_PAST[w.len().min(17)][usize::from(a)] >> e) & 1 == 1
        };
        let is_one = |w: &[u8]| {
            let l = w.to_ascii_lowercase();
            FUTURE.has_bytes_any_case(w) || past_verb(&l)
        };
        let mut words: Vec<Vec<u8>> = Vec::new();
        for w in FUTURE_WORDS.iter().chain(PAST_VERB_WORDS) {
            let mut title = w.as_bytes().to_vec();
            title[0].make_ascii_uppercase();
            words.extend([
                w.as_bytes().to_vec(),
                title,
                w.to_ascii_uppercase().into_bytes(),
            ]);
        }
        for c in 0..=255u8 {
            for n in 1..=20 {
                for end in [b"ed", b"ED", b"eD"] {
                    let mut w = vec![c];
                    w.extend(std::iter::repeat_n(b'x', n));
                    w.extend(end);
                    words.push(w);
                }
            }
        }
        let pieces = [
            "a", "e", "d", "D", "s", "w", "1", "'", "é", "hope", "came", "ed",
        ];
        let random = crate::recognise::random_texts(&pieces, 20_000, 5, 11);
        words.extend(random.iter().map(|w| w.as_bytes().to_vec()));
        for t in crate::recognise::all_texts() {
            words.extend(t.split_whitespace().map(|w| w.as_bytes().to_vec()));
        }
        let mut ones = 0;
        for w in &words {
            if is_one(w) {
                assert!(passes(w), "{:?}", String::from_utf8_lossy(w));
                ones += 1;
            }
        }
        assert!(ones > 5000, "{ones}");
        // (Letters and digits have their own indexes, below 31; every other byte 31.)
        for c in 0..=255u8 {
            assert_eq!(
                ALNUM_INDEX[usize::from(c)] < 31,
                c.is_ascii_alphanumeric(),
                "{c}"
            );
            assert_eq!(ALNUM_INDEX[usize::from(c)] == 30, c.is_ascii_digit(), "{c}");
        }
    }

    /// The lead words found by the search of the text's case forms are those of a search of its lower-cased
    /// copy, on the corpus texts and on random texts mixing the words' cases.
    #[test]
    fn lead_words_are_those_of_the_lower_cased_text() {
        let old = |t: &str| {
            let lower = t.to_ascii_lowercase();
            let mut v: Vec<(usize, u8)> = ["the other ", "also ", "cup"]
                .iter()
                .zip(0u8..)
                .flat_map(|(w, k)| lower.match_indices(w).map(move |(at, _)| (at + w.len(), k)))
                .collect();
            v.sort_unstable();
            v
        };
        let pieces = [
            "the ",
            "THE ",
            "The ",
            "tHe",
            "other ",
            "Other ",
            "OTHER ",
            "otheR",
            "oth",
            "er ",
            "ER ",
            "also ",
            "ALSO ",
            "Also ",
            "aLsO",
            "als",
            "o ",
            "O ",
            "cup",
            "cUp",
            "CUP",
            "Cup",
            "cu",
            "p",
            "the  other",
            "another ",
            "both",
            "é",
            " ",
            "x",
            "\n",
            "hiccup",
            "th",
            "e ",
            "oTH",
            "aLS",
            " ot",
            " OT",
            "Ot",
            "lso",
            "LSO",
            "finals",
            "a",
            "A",
        ];
        let mut texts =
            crate::recognise::all_texts_then_random(&pieces, 20_000, 10, 0x9e37_79b9_7f4a_7c15);
        // (Short texts too: below Teddy's least length the packed searcher falls back to Rabin-Karp.)
        texts.extend(crate::recognise::random_texts(
            &pieces,
            5_000,
            2,
            0x2545_f491_4f6c_dd1d,
        ));
        let (mut found, mut out) = (0, Vec::new());
        for t in &texts {
            out.clear();
            lead_words(t, &mut out);
            assert_eq!(out, old(t), "{t}");
            found += out.len();
        }
        assert!(found > 20_000, "{found} lead words");
    }

    /// A number below `m` from the tests' generator (the resolver tests' `xorshift`).
    fn below(seed: &mut u64, m: u64) -> usize {
        crate::recognise::xorshift(seed);
        (*seed % m) as usize
    }

    /// Fewer than `most` disjoint spans in text order, each after a gap of less than `gap` bytes and `min_len`
    /// plus less than `len` bytes long, drawn from `seed`; and the end of the last.
    fn disjoint_spans(
        seed: &mut u64,
        most: u64,
        gap: u64,
        min_len: usize,
        len: u64,
    ) -> (Vec<Span>, usize) {
        let (mut spans, mut pos) = (Vec::new(), 0);
        for _ in 0..below(seed, most) {
            pos += below(seed, gap);
            let n = min_len + below(seed, len);
            spans.push(Span::new(pos, pos + n));
            pos += n;
        }
        (spans, pos)
    }

    /// The place walked to from any place not beyond it is that of `partition_point`, for items of random
    /// starts (repeated ones too) and every position. (The places of [`tournament_for`], moved from result to
    /// result, are checked against `partition_point` at every call by its debug assertions, on every text of
    /// the tests.)
    #[test]
    fn first_from_is_partition_point() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut walked = 0;
        for _ in 0..400 {
            let mut starts: Vec<usize> = (0..below(&mut seed, 12))
                .map(|_| below(&mut seed, 40))
                .collect();
            starts.sort_unstable();
            for pos in 0..45 {
                let want = starts.partition_point(|&s| s < pos);
                for from in 0..=want {
                    assert_eq!(
                        first_from(&starts, from, pos, |&s| s),
                        want,
                        "{starts:?} {from} {pos}"
                    );
                    walked += want - from;
                }
            }
        }
        assert!(walked > 10_000, "{walked}");
    }

    /// The overlap told from the merge's place among disjoint names is that of the binary search, for names
    /// of random lengths and gaps (empty ones too) and spans at every place.
    #[test]
    fn overlaps_name_at_is_overlaps_name() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut checked = 0;
        for _ in 0..400 {
            let (spans, pos) = disjoint_spans(&mut seed, 8, 4, 0, 4);
            let names: Vec<Ref> = spans
                .into_iter()
                .map(|span| Ref {
                    span,
                    entity: 0,
                    kind: RefKind::Name,
                    sent: 0,
                })
                .collect();
            for start in 0..pos + 3 {
                for end in start..start + 5 {
                    let sp = Span::new(start, end);
                    let at = names.partition_point(|n| n.span.start <= start);
                    assert_eq!(overlaps_name_at(&names, at, sp), overlaps_name(&names, sp));
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000);
    }

    /// `is_heading` as it was, without the quick test of the bytes 13 before and after the phrase.
    fn is_heading_plain(text: &str, span: Span) -> bool {
        let from = crate::resolve::players::floor_boundary(text, span.start.saturating_sub(40));
        let to = crate::resolve::players::ceil_boundary(text, span.end + 40);
        let ls = text[from..span.start].rfind('\n').map(|p| from + p + 1);
        let le = text[span.end..to].find('\n').map(|p| span.end + p);
        let (ls, le) = match (
            ls.or((from == 0).then_some(0)),
            le.or((to == text.len()).then_some(to)),
        ) {
            (Some(a), Some(b)) => (a, b),
            _ => return false,
        };
        let line = text[ls..le].trim().trim_end_matches(':');
        line.len() <= span.end - span.start + 12 && !line.contains([',', '.'])
    }

    /// `is_heading` answers as the plain line test: at every round phrase of the test texts, and at every span
    /// (of up to 16 bytes, on char boundaries) of random texts of headings, phrases, white space and
    /// punctuation.
    #[test]
    fn is_heading_same_as_plain() {
        let mut checked = 0;
        let mut headings = 0;
        for t in crate::recognise::all_texts() {
            for r in crate::recognise::round::find(&t) {
                let h = is_heading(&t, r.span);
                assert_eq!(h, is_heading_plain(&t, r.span), "{:?} in {t}", r.span);
                checked += 1;
                headings += h as usize;
            }
        }
        assert!(checked > 100, "{checked}");
        assert!(headings > 0);
        let pieces = [
            "Second Round",
            "Quarterfinals",
            "final",
            "semi-final",
            "last 16",
            "Round 2",
            "R16",
            ":",
            ": ",
            "\n",
            "\n\n",
            " ",
            "  ",
            "\t",
            "\r\n",
            "\u{a0}",
            "\u{2028}",
            "é",
            "ſ",
            ".",
            ",",
            "-",
            "x",
            "Men's singles",
            "won the",
            "1",
            "(",
            ")",
            "'",
            "abcdefghijklm",
        ];
        let mut random_headings = 0;
        for t in crate::recognise::random_texts(&pieces, 400, 10, 0x9e37_79b9_7f4a_7c15) {
            for start in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for end in (start..=(start + 16).min(t.len())).filter(|&i| t.is_char_boundary(i)) {
                    let sp = Span::new(start, end);
                    let h = is_heading(&t, sp);
                    assert_eq!(h, is_heading_plain(&t, sp), "{sp:?} in {t:?}");
                    random_headings += h as usize;
                    checked += 1;
                }
            }
        }
        assert!(random_headings > 1_000, "{random_headings}");
        assert!(checked > 100_000, "{checked}");
    }

    /// The quotes stepped over by positions in text order answer as `Ctx::in_quote`'s search does, for quotes of
    /// random lengths and gaps.
    #[test]
    fn in_quote_from_is_in_quote() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut inside = 0;
        for _ in 0..400 {
            let (quotes, pos) = disjoint_spans(&mut seed, 6, 5, 1, 6);
            let mut at = 0;
            let mut p = 0;
            while p < pos + 3 {
                let i = quotes.partition_point(|q| q.end <= p);
                let want = quotes.get(i).is_some_and(|q| q.start <= p && p < q.end);
                assert_eq!(in_quote_from(&quotes, &mut at, p), want);
                inside += usize::from(want);
                p += below(&mut seed, 3);
            }
        }
        assert!(inside > 1_000, "{inside}");
    }

    /// A side's partner as [`partner_sides`] gives it: none, after the player, before it.
    #[test]
    fn side_team_reads_the_partner() {
        assert_eq!(&*side_team(5, 0), &[5]);
        assert_eq!(&*side_team(0, 0), &[0]);
        assert_eq!(&*side_team(5, 2 * (3 + 1)), &[5, 3]);
        assert_eq!(&*side_team(5, 2 * (3 + 1) + 1), &[3, 5]);
        assert_eq!(&*side_team(5, 2), &[5, 0]);
        assert_eq!(&*side_team(5, 3), &[0, 5]);
    }

    /// [`doubles_sides`] before its shortcuts (fewer than four references, no partner of the winner): both
    /// partners looked for in every case.
    fn doubles_sides_of_both_partners(text: &str, refs: &[Ref], w: Ref, l: Ref) -> (Team, Team) {
        let (pw, pl) = (
            partner(text, refs, w.span, w.entity, l.entity),
            partner(text, refs, l.span, l.entity, w.entity),
        );
        let (a, b) = sides(refs, (w.span, w.entity), (l.span, l.entity), pw, pl);
        (side_team(w.entity, a), side_team(l.entity, b))
    }

    /// The sides are those found with both partners looked for, on random sentences of names joined or not
    /// ("and", "&", "/", a country between commas or in brackets) among other words, of one to seven players
    /// (the shortcut of fewer than four references, inlined where a match is built, is met too).
    #[test]
    fn doubles_sides_are_those_of_both_partners() {
        let mut seed = 0x51_7cc1_b727_220au64;
        let joins = [
            " and ",
            " & ",
            "/",
            ", Sweden, and ",
            " (SWE) and ",
            " beat ",
            " lost to ",
            ", ",
            " with ",
            " and",
        ];
        let (mut pairs, mut short) = (0, 0);
        for _ in 0..3000 {
            let (mut text, mut refs) = (String::new(), Vec::new());
            for k in 0..1 + below(&mut seed, 7) {
                if k > 0 {
                    text.push_str(joins[below(&mut seed, joins.len() as u64)]);
                }
                let start = text.len();
                text.push_str(["Ann Lee", "Bo", "Cy Dee", "Di"][below(&mut seed, 4)]);
                refs.push(Ref {
                    span: Span::new(start, text.len()),
                    entity: below(&mut seed, 6),
                    kind: RefKind::Name,
                    sent: 0,
                });
            }
            for _ in 0..4 {
                let (w, l) = (
                    refs[below(&mut seed, refs.len() as u64)],
                    refs[below(&mut seed, refs.len() as u64)],
                );
                let got = doubles_sides(&text, &refs, w, l);
                let want = doubles_sides_of_both_partners(&text, &refs, w, l);
                assert_eq!(
                    (&*got.0, &*got.1),
                    (&*want.0, &*want.1),
                    "{text:?} {:?} {:?}",
                    w.span,
                    l.span
                );
                pairs += usize::from(got.0.len() > 1);
                short += usize::from(refs.len() < 4);
            }
        }
        assert!(pairs > 100 && short > 1000, "{pairs} {short}");
    }
}
