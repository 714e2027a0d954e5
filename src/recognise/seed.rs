//! Seeds: "ninth seed X", "X, seeded three", "No. 3 seed", "top seed", "second-seeded", "27th seed".
//! "unseeded" gives none. Corpus: `tests/corpus/seed.jsonl`.

use super::ranking::{CARD_WORDS, ORD_DIGITS, ORD_WORDS, nominal_side, number_value, prev_word};
use super::{Anchored, Keywords, PlayerSide, Span, alnum_run, word_start};
use once_cell::sync::Lazy;

/// A seeding phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SeedMention {
    pub span: Span,
    pub seed: u32,
    pub side: PlayerSide,
}

/// The alternatives of the seed pattern, in priority order (leftmost-first).
fn alternatives() -> [String; 2] {
    [
        // ninth seed, No. 3 seed, top-seeded, 27th seed, number one seed
        format!(
            r"(?:(?P<o>(?i:{ORD_DIGITS}|{ORD_WORDS}|top))|No\.?\s?(?P<no>[0-9]{{1,3}})|(?i:number)\s+(?P<nw>(?i:{CARD_WORDS})))[-\s]?(?i:seed(?:ed)?)"
        ),
        // seeded three, seeded No 5, seeded 19th
        format!(
            r"(?i:seeded)\s+(?:(?:No\.?|(?i:number))\s?)?(?P<s>(?i:{ORD_DIGITS}|[0-9]{{1,3}}|{ORD_WORDS}|{CARD_WORDS}))"
        ),
    ]
}

fn pattern() -> String {
    let alts = alternatives().join("|");
    format!(r"(?-u:\b)(?:{alts})(?-u:\b)")
}

static RE: Lazy<Anchored> = Lazy::new(|| Anchored::new("", &pattern()));

/// `s` without the ASCII `prefix` (any case).
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.len();
    (s.len() >= n && s.as_bytes()[..n].eq_ignore_ascii_case(prefix.as_bytes())).then(|| &s[n..])
}

/// `s` without the ASCII `suffix` (any case).
fn strip_suffix_ci<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let n = suffix.len();
    (s.len() >= n && s.as_bytes()[s.len() - n..].eq_ignore_ascii_case(suffix.as_bytes()))
        .then(|| &s[..s.len() - n])
}

/// `s` without one leading character that `pred` accepts.
fn strip_one(s: &str, pred: impl Fn(char) -> bool) -> &str {
    match s.chars().next() {
        Some(c) if pred(c) => &s[c.len_utf8()..],
        _ => s,
    }
}

/// Whether `b[i..]` starts with `word` (ASCII lower-case letters, at most seven) in any ASCII case: one load,
/// an OR of the case bit and a compare where eight bytes are left (a byte ORed with 0x20 is a lower-case letter
/// exactly when it is that letter in either case), not a loop over the bytes.
#[inline]
fn starts_ci(b: &[u8], i: usize, word: &[u8]) -> bool {
    let n = word.len();
    debug_assert!(n < 8 && word.iter().all(u8::is_ascii_lowercase));
    match b.get(i..i + 8) {
        Some(eight) => {
            let v = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let mask = (1u64 << (8 * n)) - 1;
            let want = word.iter().rev().fold(0, |k, &c| k << 8 | u64::from(c));
            (v | 0x2020_2020_2020_2020) & mask == want
        }
        None => b
            .get(i..i + n)
            .is_some_and(|w| w.eq_ignore_ascii_case(word)),
    }
}

/// The number of a seed phrase `t` (a whole match of the pattern) as written, and whether it is the
/// "seeded three" form (the player stands before it). Reads the groups of [`alternatives`] by hand.
fn parse(t: &str) -> (&str, bool) {
    // "seeded" opens only the second alternative: the first opens with a number, "top", "No" or "number".
    if let Some(rest) = strip_prefix_ci(t, "seeded") {
        let rest = rest.trim_start();
        let v = if let Some(r) = rest.strip_prefix("No") {
            strip_one(r.strip_prefix('.').unwrap_or(r), char::is_whitespace)
        } else if let Some(r) = strip_prefix_ci(rest, "number") {
            strip_one(r, char::is_whitespace)
        } else {
            rest
        };
        return (v, true);
    }
    let body = strip_suffix_ci(t, "seeded")
        .or_else(|| strip_suffix_ci(t, "seed"))
        .unwrap_or(t);
    let body = body
        .strip_suffix(|c: char| c == '-' || c.is_whitespace())
        .unwrap_or(body);
    let v = if let Some(r) = body.strip_prefix("No") {
        strip_one(r.strip_prefix('.').unwrap_or(r), char::is_whitespace)
    } else if let Some(r) = strip_prefix_ci(body, "number") {
        r.trim_start()
    } else {
        body
    };
    (v, false)
}

/// Offsets of "seed" in any ASCII case, in order: every seed phrase holds one, at most two runs of spaces after
/// its start. Two SIMD scans: "eed" in lower case (most forms: "seed", "Seed"), and the upper-case `E` and
/// `D` (rare in text) for the other forms ("SEED", "sEed").
#[cfg(test)]
fn hits(b: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    hits_into(b, &mut out);
    out
}

/// [`hits`] written into `out` (cleared first).
fn hits_into(b: &[u8], out: &mut Vec<usize>) {
    let seed_at = |s: usize| starts_ci(b, s, b"seed");
    /// The searcher for "eed", built once.
    static EED: Lazy<memchr::memmem::Finder<'static>> =
        Lazy::new(|| memchr::memmem::Finder::new(b"eed"));
    out.clear();
    out.extend(
        EED.find_iter(b)
            .filter(|&j| j >= 1 && b[j - 1] | 0x20 == b's')
            .map(|j| j - 1),
    );
    let n = out.len();
    for k in memchr::memchr2_iter(b'E', b'D', b) {
        // A "seed" holds its `E`s one or two bytes after its start, its `D` three.
        let backs: &[usize] = if b[k] == b'D' { &[3] } else { &[1, 2] };
        for &back in backs {
            if k >= back && seed_at(k - back) {
                out.push(k - back);
            }
        }
    }
    if out.len() > n {
        out.sort_unstable();
        out.dedup();
    }
}

/// Calls `f` with each word (in lower case) that may hold the "seed" of a seed phrase as a maximal run of ASCII
/// letters and digits: "seed" or "seeded" after what the pattern's first alternative lets stand right before
/// them ("3rdseed", "topseeded", "1seed" of "No.1seed", "No12seed", "oneseed" of "number oneseed", "firstseed"
/// of "twenty-firstseed"), or alone (the other seed phrases: a hyphen or white space before the "seed", or the
/// second alternative's "seeded"). Where the text has no character that folds to an ASCII letter, every seed
/// phrase holds such a word in some case, its "seed" at its end or six bytes before its end: the shared scan
/// finds them ([`Keywords::seeds`]).
///
/// Of the words with digits, only those whose digits past their third byte are all `0` (one word stands for
/// the ten that differ there): the scan's filter reads a word's length and first three bytes, no more, and the
/// word table's build marks some 20,000 words instead of 90,000 (start-up).
pub(crate) fn each_seed_word(mut f: impl FnMut(&[u8])) {
    let mut word = Vec::with_capacity(32);
    let mut with_tails = |heads: &[&[u8]]| {
        for tail in [&b"seed"[..], b"seeded"] {
            word.clear();
            for h in heads {
                word.extend_from_slice(h);
            }
            word.extend_from_slice(tail);
            f(&word);
        }
    };
    with_tails(&[]);
    with_tails(&[b"top"]);
    // Every run of letters of the number words (in lower case): the last word of "twenty-first" and the rest.
    for words in [ORD_WORDS, CARD_WORDS] {
        for w in words.split(|c: char| !c.is_ascii_alphabetic()) {
            if !w.is_empty() {
                with_tails(&[w.as_bytes()]);
            }
        }
    }
    // Digits: "No 12seed", "No12seed", "1234thseed".
    for len in 1..=4 {
        for v in 0..10u32.pow(len) {
            let mut d = [0u8; 4];
            let mut rest = v;
            for c in d[..len as usize].iter_mut().rev() {
                *c = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            let d = &d[..len as usize];
            // Zeros from the word's fourth byte on: from the fourth digit, or after "no" from the second.
            let zeros_from = |i: usize| d.iter().skip(i).all(|&c| c == b'0');
            if zeros_from(3) {
                for suffix in [&b"st"[..], b"nd", b"rd", b"th"] {
                    with_tails(&[d, suffix]);
                }
                if len <= 3 {
                    with_tails(&[d]);
                }
            }
            if len <= 3 && zeros_from(1) {
                with_tails(&[b"no", d]);
            }
        }
    }
}

/// The old scan, for the test: `d` with `memchr` and the three bytes before.
#[cfg(test)]
fn hits_by_d(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr2_iter(b'd', b'D', b)
        .filter(move |&k| k >= 3 && b[k - 3..k].eq_ignore_ascii_case(b"see"))
        .map(|k| k - 3)
}

/// Whether the "seed" at `o` may belong to a seed phrase: a number may follow "seeded" ("seeded three"), or a
/// number word, digits or "top" ends right before it, after at most one hyphen or white space ("ninth seed",
/// "No. 3 seed", "top-seeded"). A superset: non-ASCII bytes there (Unicode white space, "ſ" that folds to "s")
/// say yes. Spares the pattern the many "seed"s of "the seeds", "unseeded", "the seedings".
fn may_be_seed(b: &[u8], o: usize) -> bool {
    if starts_ci(b, o, b"seeded") && super::number_may_follow(b, o + 6, false) {
        return true;
    }
    let mut q = o;
    if q > 0 && matches!(b[q - 1], b'-' | b'\t'..=b'\r' | b' ') {
        q -= 1;
    }
    if q == 0 {
        return false;
    }
    let last = b[q - 1];
    if last.is_ascii_digit() || last >= 0x80 {
        return true;
    }
    if q < 2 || b[q - 2] >= 0x80 {
        return q >= 2;
    }
    // How every number word, ordinal and "top" ends.
    matches!(
        [b[q - 2] | 0x20, last | 0x20],
        [b's', b't']
            | [b'n', b'd']
            | [b'r', b'd']
            | [b't', b'h']
            | [b'o', b'p']
            | [b'n', b'e']
            | [b'w', b'o']
            | [b'e', b'e']
            | [b'u', b'r']
            | [b'v', b'e']
            | [b'i', b'x']
            | [b'e', b'n']
            | [b'h', b't']
            | [b't', b'y']
    )
}

/// Whether a seed phrase may start at `p`, before or at its first "seed" `o` (an ASCII letter or digit starts a
/// word there): every alternative of the pattern opens with a digit, "No", "number", "top", "seeded" or a
/// number word (all ASCII letters there start with t, f, s, e or n in some case). At `o` only "seeded" opens a
/// phrase. Before `o`, a number word, ordinal or "top" (one word, or two joined by a hyphen: "twenty-first")
/// has "seed" right after it, after at most one hyphen or white space; only "No" and "number" open a longer
/// phrase. A necessary condition (where it says no, the pattern has no match at `p`) that spares the lazy DFA
/// the "the" of "the ninth seed" and the other words of a hit's window; non-ASCII bytes say yes (Unicode white
/// space, "ſ" that folds to "s").
#[inline]
fn may_open(b: &[u8], p: usize, o: usize) -> bool {
    word_start(b, p)
        && (b[p].is_ascii_digit() || matches!(b[p] | 0x20, b't' | b'f' | b's' | b'e' | b'n'))
        && seed_may_follow(b, p, o)
}

/// [`may_open`] past its first-letter test, out of line.
#[inline(never)]
fn seed_may_follow(b: &[u8], p: usize, o: usize) -> bool {
    let ci = |i: usize, w: &[u8]| {
        b.get(i..i + w.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(w))
    };
    if p == o {
        // No alternative but the second ("seeded three") opens with "seed".
        return ci(p, b"seeded");
    }
    let at = |i: usize| super::byte_or_stop(b, i);
    // Whether the phrase's "seed" may start inside the run of letters and digits that ends at `e`
    // ("fourthseed"), right after it, or past one hyphen or white space. That "seed" is `o` or later: the
    // "seed"s between `p` and `o` fail [`may_be_seed`], which every "seed" that ends such a phrase passes.
    let seed_by = |e: usize| o <= e + 1 || at(e) >= 0x80 || at(e + 1) >= 0x80;
    let e = p + alnum_run(b, p).len();
    if seed_by(e) {
        return true;
    }
    // "twenty-first seed": the second word of a hyphenated ordinal.
    if at(e) == b'-'
        && at(e + 1).is_ascii_alphanumeric()
        && seed_by(e + 1 + alnum_run(b, e + 1).len())
    {
        return true;
    }
    // The longer openers: "No 3 seed", "number one seed", and "seeded" (when its "seed" is not `o`).
    b[p..e].starts_with(b"No") || (e - p == 6 && ci(p, b"number")) || ci(p, b"seeded")
}

/// The matches of the seed pattern in `text`, in order: tried at the word starts that [`may_open`] a phrase
/// before each "seed" that [`may_be_seed`], among those of `keywords` (the keywords of `text`), or of
/// [`hits_into`] where the text has a character that folds to an ASCII letter.
#[cfg(test)]
fn matches(text: &str, keywords: &Keywords) -> Vec<(usize, usize, Option<Reading>)> {
    let mut out = Vec::new();
    matches_into(text, keywords, &mut out);
    out
}

/// [`matches`] pushed onto `out`: the buffer of [`find_into`], kept by the thread ([`MATCHES`]), so that no
/// vector is made and grown per article.
fn matches_into(text: &str, keywords: &Keywords, out: &mut Vec<(usize, usize, Option<Reading>)>) {
    let b = text.as_bytes();
    // (The windows of [`seed_window`]: at most two runs of white space before each hit.)
    let mut find = |hits: &[usize]| {
        super::find_near_into(
            text,
            hits.iter()
                .copied()
                .filter(|&o| may_be_seed(b, o))
                .map(|o| (o, super::Window::From(seed_window(text, o)))),
            seed_at,
            may_open,
            out,
        )
    };
    if !keywords.folds() {
        return find(keywords.seeds());
    }
    let mut hits = super::take_buffer(&HITS);
    hits_into(b, &mut hits);
    find(&hits);
    super::give_back(&HITS, hits);
}

/// The start of the window of a "seed" at `o` that [`may_be_seed`] ([`super::Window::From`]): at most the start of
/// every match of the pattern whose first "seed" is `o`. Such a match holds no white space but the one `[-\s]?` right
/// before that "seed", unless it opens with "No" (`No\.?\s?[0-9]{1,3}`) or "number" (`(?i:number)\s+`) one run of
/// white space further back: so the window starts after the last white space before `o` (past that one separator),
/// unless the text before that white space ends with "No", "No." or "number" (any case). The sixteen bytes before
/// tell it by their masks ([`super::window_bits`]); where they hold no white space, or a non-ASCII byte after the
/// last (Unicode white space, "ſ" that folds to "s"), where fewer than sixteen bytes come before, where a non-ASCII
/// byte ends the text before that white space, or where "No" or "number" may open the match, the window of two runs
/// of white space ([`super::window_start`]). Spares that walk back, and the walk forward over the words it adds:
/// the "draw, " of "draw, fourth seed", the "the" of "the 10th seed".
fn seed_window(text: &str, o: usize) -> usize {
    let b = text.as_bytes();
    let two_runs = || super::window_start(text, o, 2);
    let q = if o > 0 && matches!(b[o - 1], b'-' | b'\t'..=b'\r' | b' ') {
        o - 1
    } else {
        o
    };
    let Some(block) = q.checked_sub(16).map(|i| &b[i..q]) else {
        return two_runs();
    };
    let (high, space) = super::window_bits(block.try_into().expect("sixteen bytes"));
    if space == 0 {
        return two_runs();
    }
    // The last white space before `q`, at `q - 16 + k`; the bytes after it ASCII (bit `k` of `high` is clear).
    let k = 31 - space.leading_zeros();
    if high >> k != 0 {
        return two_runs();
    }
    let r = q - 16 + k as usize + 1;
    // The text before the run of white space that ends at `r`.
    let mut j = r - 1;
    while j > 0 && super::ascii_space(b[j - 1]) {
        j -= 1;
    }
    let before = &b[..j];
    if before.last().is_some_and(|&c| c >= 0x80)
        || before.ends_with(b"No")
        || before.ends_with(b"No.")
        || before
            .get(j.saturating_sub(6)..)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"number"))
    {
        return two_runs();
    }
    r
}

/// The end of the seed pattern's match at `p`, as [`Anchored::at`] of [`RE`] gives it: the two commonest
/// forms are read in code ([`simple_at`], which gives their [`Reading`] too), the pattern reads the rest.
fn seed_at(text: &str, p: usize) -> Option<(usize, Option<Reading>)> {
    match simple_at(text.as_bytes(), p) {
        Some((e, r)) => Some((e, Some(r))),
        None => RE.at(text, p).map(|e| (e, None)),
    }
}

/// What [`parse`] and [`number_value`] give for a phrase that [`simple_at`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    /// The seed number (`None` for "seeded 0", "0th seed").
    seed: Option<u32>,
    /// The "seeded 12" form.
    seeded: bool,
    /// The number is "top" (any case).
    top: bool,
}

/// A byte that `(?-u:\b)` counts as part of a word.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The value of `w` (ASCII letters, any case) when it is an ordinal word of the pattern's first alternative
/// that is one word ("fifth" 5, "twentieth" 20), or "top" (1).
fn simple_ordinal(w: &[u8]) -> Option<u32> {
    let mut lower = [0u8; 11];
    let l = lower.get_mut(..w.len())?;
    for (d, c) in l.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    Some(match &*l {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        b"fortieth" => 40,
        b"fiftieth" => 50,
        b"sixtieth" => 60,
        b"seventieth" => 70,
        b"eightieth" => 80,
        b"ninetieth" => 90,
        b"top" => 1,
        _ => return None,
    })
}

/// The match at `p` when it is one of the two commonest forms, read in code: "seeded 12" (then one to three
/// digits after ASCII white space) and "fifth seed" / "11th-seeded" (a one-word ordinal or "top", at most one
/// hyphen or ASCII white space, "seed" or "seeded"). `None` says "not read here" (the pattern decides), never
/// "no match". Where it answers, the pattern gives the same end: "seeded" opens no ordinal, so only the
/// second alternative matches there, and its `[0-9]{1,3}` takes every digit when a non-word byte follows (the
/// ordinal digits before it need a letter); a whole word that is an ordinal leaves no shorter ordinal
/// alternative a way on to "seed", and `(?:ed)?` is taken when a word boundary follows it.
fn simple_at(b: &[u8], p: usize) -> Option<(usize, Reading)> {
    if p > 0 && is_word(b[p - 1]) {
        return None;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    if starts_ci(b, p, b"seeded") {
        let mut q = p + 6;
        while matches!(at(q), b' ' | b'\t'..=b'\r') {
            q += 1;
        }
        let digits = b[q.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let e = q + digits;
        if !(q > p + 6 && (1..=3).contains(&digits) && e < b.len() && !is_word(b[e])) {
            return None;
        }
        let reading = Reading {
            seed: value_of_digits(&b[q..e]),
            seeded: true,
            top: false,
        };
        return Some((e, reading));
    }
    let w = alnum_run(b, p);
    let e = p + w.len();
    let digits = w.iter().take_while(|c| c.is_ascii_digit()).count();
    let seed = if digits > 0 {
        let ordinal = digits <= 4
            && w.len() == digits + 2
            && [b"st", b"nd", b"rd", b"th"]
                .iter()
                .any(|s| w[digits..].eq_ignore_ascii_case(*s));
        if !ordinal {
            return None;
        }
        value_of_digits(&w[..digits])
    } else {
        Some(simple_ordinal(w)?)
    };
    let reading = Reading {
        seed,
        seeded: false,
        top: w.eq_ignore_ascii_case(b"top"),
    };
    let mut q = e;
    if matches!(at(q), b'-' | b' ' | b'\t'..=b'\r') {
        q += 1;
    }
    if !starts_ci(b, q, b"seed") {
        return None;
    }
    q += 4;
    if starts_ci(b, q, b"ed") && q + 2 < b.len() && !is_word(b[q + 2]) {
        return Some((q + 2, reading));
    }
    (q < b.len() && !is_word(b[q])).then_some((q, reading))
}

/// The value of one to four ASCII digits, as [`number_value`] gives it: `None` for 0.
fn value_of_digits(d: &[u8]) -> Option<u32> {
    let n = d.iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0'));
    (n > 0).then_some(n)
}

thread_local! {
    /// The "seed" offsets of [`matches`]: a buffer kept, emptied, for the next article of the thread.
    static HITS: std::cell::RefCell<Vec<usize>> = std::cell::RefCell::default();
    /// The matches of [`find_into`]: a buffer kept, emptied, for the next article of the thread.
    static MATCHES: std::cell::RefCell<Vec<(usize, usize, Option<Reading>)>> = std::cell::RefCell::default();
}

/// The [`Reading`] of a whole match `t` of the pattern, by [`parse`] and [`number_value`].
fn read(t: &str) -> Reading {
    let (v, seeded) = parse(t);
    Reading {
        seed: number_value(v),
        seeded,
        top: v.eq_ignore_ascii_case("top"),
    }
}

/// Every seeding phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<SeedMention> {
    let mut out = Vec::new();
    find_into(text, &Keywords::scan(text), &mut out);
    out
}

/// [`find`] written into `out` (cleared first), with the keywords of `text`.
pub(crate) fn find_into(text: &str, keywords: &Keywords, out: &mut Vec<SeedMention>) {
    out.clear();
    let mut found = super::take_buffer(&MATCHES);
    matches_into(text, keywords, &mut found);
    for &(start, end, reading) in &found {
        let Reading { seed, seeded, top } = reading.unwrap_or_else(|| read(&text[start..end]));
        if !seeded {
            // "a top seed" is any of the leading seeds, not the first.
            if top && prev_word(text, start).is_some_and(|w| w.eq_ignore_ascii_case("a")) {
                continue;
            }
            if let Some(seed) = seed {
                out.push(SeedMention {
                    span: Span::new(start, end),
                    seed,
                    side: nominal_side(text, start, end),
                });
            }
        } else {
            // "seeded two places higher", "seeded three times": a count, not a seed.
            let counts = super::ranking::next_word(text, end).is_some_and(|(_, w)| {
                matches!(
                    w,
                    "places"
                        | "place"
                        | "spots"
                        | "times"
                        | "players"
                        | "years"
                        | "of"
                        | "or"
                        | "to"
                )
            });
            if counts {
                continue;
            }
            if let Some(seed) = seed {
                out.push(SeedMention {
                    span: Span::new(start, end),
                    seed,
                    side: PlayerSide::Before,
                });
            }
        }
    }
    super::give_back(&MATCHES, found);
}

/// Corpus view: span and the seed number.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.seed.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`find_into`] with its matches in the thread's kept buffer ([`MATCHES`]) finds what it finds on a thread
    /// whose buffer is new: every test text after all the others (in order and in reverse order: the
    /// buffer holds the matches of other texts before), the buffer empty after each text.
    #[test]
    fn find_into_with_the_kept_buffer_as_with_a_new_one() {
        crate::recognise::kept_buffer_as_new(find_into, &MATCHES);
    }

    /// [`starts_ci`] answers as `eq_ignore_ascii_case` on the bytes there, at every offset of texts of the words in
    /// mixed case, of bytes one case bit away from letters ('@', '[', '{', '`') and non-ASCII ones, near their
    /// ends too.
    #[test]
    fn starts_ci_as_eq_ignore_case() {
        let texts = crate::recognise::random_texts(
            &[
                "seed", "SeEd", "sEEDED", "ed", "Ed", " ", "s", "\u{1c5}", "\u{17f}", "3", "@",
                "[", "{", "`", "E",
            ],
            3_000,
            6,
            5,
        );
        for t in &texts {
            let b = t.as_bytes();
            for i in 0..=b.len() {
                for w in [&b"seed"[..], b"seeded", b"ed"] {
                    let want = b
                        .get(i..i + w.len())
                        .is_some_and(|s| s.eq_ignore_ascii_case(w));
                    assert_eq!(starts_ci(b, i, w), want, "{t:?} {i}");
                }
            }
        }
    }

    /// The hand-read groups and the keyword windows give what the capturing pattern gave.
    #[test]
    fn same_as_the_capturing_pattern() {
        let re = regex::Regex::new(&pattern()).unwrap();
        let texts = crate::recognise::all_texts();
        for t in &texts {
            let want: Vec<(usize, usize, String, bool)> = re
                .captures_iter(t)
                .map(|c| {
                    let m = c.get(0).unwrap();
                    let (v, seeded) = match c.name("s") {
                        Some(s) => (s.as_str(), true),
                        None => (
                            c.name("o")
                                .or(c.name("no"))
                                .or(c.name("nw"))
                                .unwrap()
                                .as_str(),
                            false,
                        ),
                    };
                    (m.start(), m.end(), v.to_string(), seeded)
                })
                .collect();
            let got: Vec<(usize, usize, String, bool)> = matches(t, &Keywords::scan(t))
                .into_iter()
                .map(|(s, e, _)| {
                    let (v, seeded) = parse(&t[s..e]);
                    (s, e, v.to_string(), seeded)
                })
                .collect();
            assert_eq!(got, want, "{t}");
        }
    }

    /// The "seed"s of the shared scan ([`Keywords::seeds`]) give the matches of the pattern, and are "seed"s of
    /// the byte scan ([`hits`]), on random texts of seed phrases glued or not ("3rdseed", "No12seeded",
    /// "twenty-firstSeed"), in mixed case, with `_`, digits, number words and non-ASCII bytes around them ("ſ"
    /// too, which hands the search over to [`hits`]).
    #[test]
    fn scan_seeds_as_the_pattern() {
        let re = regex::Regex::new(&pattern()).unwrap();
        let texts = crate::recognise::random_texts(
            &[
                "seed",
                "SEED",
                "Seeded",
                "seeded",
                "sEEd",
                "seeds",
                "ed",
                " ",
                " ",
                "-",
                "_",
                ".",
                "3",
                "3rd",
                "1234th",
                "21ST",
                "No",
                "No.",
                "1",
                "12",
                "123",
                "top",
                "TOP",
                "fifth",
                "Seventeenth",
                "twenty",
                "-first",
                "number ",
                "one",
                "eleven",
                "x",
                "\u{a0}",
                "\u{e9}",
                "\u{17f}",
            ],
            30_000,
            6,
            7,
        );
        let mut found = 0;
        for t in &texts {
            let keywords = Keywords::scan(t);
            let got: Vec<(usize, usize)> = matches(t, &keywords)
                .into_iter()
                .map(|(s, e, _)| (s, e))
                .collect();
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(got, want, "{t:?}");
            found += got.len();
            let all = hits(t.as_bytes());
            assert!(keywords.seeds().iter().all(|o| all.contains(o)), "{t:?}");
        }
        assert!(found > 500, "{found}");
    }

    /// [`seed_window`] on the forms of the generated roundups, and where it leaves the window to
    /// [`super::super::window_start`].
    #[test]
    fn seed_window_values() {
        let at = |t: &str| seed_window(t, t.rfind("seed").unwrap());
        let two = |t: &str| super::super::window_start(t, t.rfind("seed").unwrap(), 2);
        for (t, want) in [
            (
                "In the women's draw, fourth seed Sofía",
                "fourth seed Sofía",
            ),
            ("Nyström will face the 10th seed next.", "10th seed next."),
            (
                "As it turned out, De la Peña was seeded 7 here",
                "was seeded 7 here",
            ),
            ("on Tuesday.\n\n13th seed Jürgen", "13th seed Jürgen"),
            (
                "a reference to the twenty-first-seeded",
                "twenty-first-seeded",
            ),
            ("a reference to the topseed", "topseed"),
        ] {
            assert_eq!(&t[at(t)..], want, "{t:?}");
        }
        for t in [
            "short 3 seed",
            "the player ranked No. 3 seed",
            "the player ranked No 12 seed",
            "the player ranked number  one seed",
            "the player ranked NUMBER one-seed",
            "the player ranked thirteenth\u{a0}seed",
            "the player ranked Jürgen seed",
            "the player ranked ſeventh seed",
            "the_player_ranked_seventh_seed",
        ] {
            assert_eq!(at(t), two(t), "{t:?}");
        }
    }

    /// [`matches`] (with the windows of [`seed_window`]) gives the matches of the pattern on random texts of
    /// seed phrases after sixteen bytes or more of words (the window reads the sixteen bytes before a hit).
    #[test]
    fn matches_as_the_pattern_after_words() {
        let re = regex::Regex::new(&pattern()).unwrap();
        let texts = crate::recognise::random_texts(
            &[
                "seed", "Seeded", "seeded", " ", " ", "  ", "-", ".", "\n", "3", "3rd", "21ST",
                "No", "No.", "12", "top", "fifth", "twenty", "-first", "number ", "NUMBER", "one",
                "the", "draw,", "x", "\u{a0}", "\u{e9}", "\u{17f}",
            ],
            30_000,
            12,
            11,
        );
        let mut found = 0;
        for t in texts {
            let t = format!("In the women's draw {t}");
            let got: Vec<(usize, usize)> = matches(&t, &Keywords::scan(&t))
                .into_iter()
                .map(|(s, e, _)| (s, e))
                .collect();
            let want: Vec<(usize, usize)> =
                re.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(got, want, "{t:?}");
            found += got.len();
        }
        assert!(found > 1500, "{found}");
    }

    /// The packed search finds every "seed" the byte scan finds.
    #[test]
    fn hits_as_the_byte_scan() {
        let mut texts = crate::recognise::all_texts();
        texts.push(
            "seeseed SEED sEeD seeDed seedseed ſeed xseed seed SeEd seEd sEEd SEEd seeeed eseed"
                .to_string(),
        );
        for n in 0..20 {
            for k in 0..n {
                let mut t = "x".repeat(n);
                t.replace_range(k..k, "seed");
                texts.push(t.clone());
                texts.push(t.to_uppercase());
                texts.push(t.replace("seed", "seeed").replace("x", "e"));
            }
        }
        for t in &texts {
            let b = t.as_bytes();
            assert_eq!(hits(b), hits_by_d(b).collect::<Vec<_>>(), "{t}");
        }
    }

    /// Where [`may_open`] says no, the pattern has no match: every word start of the corpus and of edge cases.
    /// Where [`simple_at`] answers, the pattern gives the same end, at every offset of the corpus texts and of
    /// edge cases (ends of the text, `_`, Unicode white space, long numbers, hyphens, case).
    #[test]
    fn simple_at_as_the_pattern() {
        let texts = crate::recognise::all_texts_and(&[
            "seeded 12, seeded 1234 seeded  7 seeded\t3x seeded 3_ seeded 3\u{e9} seeded\u{a0}4 SEEDED 9.",
            "fifth seed, 11th-seeded, top seed_ TOP SEEDED, Fifth  seed 1234th seed 12345th seed 3rd seeds",
            "twentieth seed ninetieth-seed first\nseed x_first seed topseed top-seeded.",
            "seeded 4",
            "fifth seed",
            "fifth seeded",
            "seeded",
            "seeded 123456789012345678901234 0th seed, seeded 0 seeded 000, 0001st seed 9999th seed, seeded 999 Top Seed, a top seed",
            "FIRST seed Second-seed third\tseeded nineteenth seed Eightieth seed, seventy seed, fourty seed",
        ]);
        let mut answered = 0;
        for t in &texts {
            for p in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                if let Some((e, reading)) = simple_at(t.as_bytes(), p) {
                    answered += 1;
                    assert_eq!(Some(e), RE.at(t, p), "{t:?} at {p}");
                    assert_eq!(reading, read(&t[p..e]), "{t:?} at {p}");
                }
            }
        }
        assert!(answered > 20, "{answered}");
    }

    #[test]
    fn may_open_is_necessary() {
        let mut texts = crate::recognise::all_texts();
        texts.extend(
            [
                "the ninth seed, twenty-first seed, twenty-firſt seed, top-seeded, top ſeed, fourthseed",
                "No. 3 seed, No.3 seed, No 3-seeded, number one seed, NUMBER ONE seed, 1ſt seed, 1st\u{a0}seed",
                "the 34-year-old, seeded eighth, seeded No 5, Seeded three, SEEDED 3, unseeded, the third seeds",
                "tenth\u{2028}seed, fourth-seed, Top Seed, eighth-Seeded, thirty-third-seeded, 3rd-seed, x-3rd seed",
                "Norwegian seed, No3 seed, seedseed, the seed, 10thseed, fifth- seed, fifth -seed, ninety-ninthseed",
            ]
            .map(|t| crate::normalise::Normalised::new(t).text),
        );
        for t in &texts {
            let b = t.as_bytes();
            let hs = hits(b);
            for p in (0..b.len()).filter(|&p| word_start(b, p)) {
                // The first "seed" at or after `p` that [`may_be_seed`] (`p` itself when it is one).
                let o = hs
                    .iter()
                    .copied()
                    .find(|&o| o >= p && may_be_seed(b, o))
                    .unwrap_or(usize::MAX);
                if !may_open(b, p, o) {
                    assert_eq!(RE.at(t, p), None, "{p} {o} {t}");
                }
            }
        }
    }

    #[test]
    fn sides() {
        assert_eq!(
            find("ninth seed Felix Auger-Aliassime won")[0].side,
            PlayerSide::After
        );
        assert_eq!(
            find("seventh seed Russian Mikhail Youzhny")[0].side,
            PlayerSide::After
        );
        assert_eq!(find("he beat the top seed.")[0].side, PlayerSide::Itself);
        assert_eq!(find("Keys, the 19th seed, won")[0].side, PlayerSide::Before);
        assert_eq!(
            find("Henman, seeded three, won")[0].side,
            PlayerSide::Before
        );
    }
}
