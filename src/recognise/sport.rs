//! Which sport an article is about, from a weighted count of each sport's vocabulary.
//!
//! The vocabulary is a case-insensitive pattern (leftmost-first, non-overlapping matches counted), read in code:
//! its texts are listed in priority order (see [`super::literals`]) under the first word of each, and tried only
//! at the words that the shared word scan ([`super::Keywords`], [`super::KEY_SPORT`]) finds. A text holding a
//! character that folds to an ASCII letter ("ſ", the Kelvin sign) is counted by the pattern itself.

use super::{Alternation, Keywords, WORD_TABLE, first_run, is_word_byte, word_key};
use once_cell::sync::Lazy;

/// Sports told apart, in the order of the pattern's groups.
const SPORTS: &[&str] = &[
    "tennis",
    "football",
    "cricket",
    "rugby",
    "athletics",
    "basketball",
    "golf",
];

/// Each sport's vocabulary, in priority order (leftmost-first): (index into [`SPORTS`], weight, words).
const WORD_ALTS: &[(usize, usize, &str)] = &[
    (
        0,
        2,
        r"tennis|atp|wta|wimbledon|roland(?:\x20|-)garros|tie-?breaks?|break\x20points?|match\x20points?|set\x20points?
           |straight\x20sets|davis\x20cup|fed\x20cup|billie\x20jean\x20king\x20cup|double\x20faults?|deuce|forehands?|backhands?
           |(?:us|australian|french)\x20open|hopman\x20cup|masters\x201000|baseline|aces",
    ),
    (
        0,
        1,
        r"grand\x20slams?|first\x20set|second\x20set|third\x20set|final\x20set|deciding\x20set|volleys?|seeds?|seeded|unseeded
           |clay\x20court|hard\x20court|service\x20games?|broke\x20serve|on\x20serve|singles|doubles|racquets?|rackets?",
    ),
    (
        1,
        1,
        r"football|goals?|goalkeeper|striker|midfielder|defender|premiership|premier\x20league|fa\x20cup|penalty|penalties
           |free\x20kick|corner|offside|champions\x20league|uefa|fifa|red\x20card|yellow\x20card|relegation|manager|kick-off|half-time|equaliser",
    ),
    (
        2,
        1,
        r"cricket|wickets?|innings|bowler|bowled|batsman|batsmen|overs|test\x20match|lbw|ashes|odi|twenty20|run\x20out|centuries|century",
    ),
    (
        3,
        1,
        r"rugby|tries|scrum|scrum-half|line-out|lineout|fly-half|six\x20nations|five\x20nations|triple\x20crown|heineken\x20cup|conversion
           |touchline|prop|hooker|lock|flanker|sin-bin|all\x20blacks|lions|wallabies|springboks",
    ),
    (
        4,
        1,
        r"athletics|sprint|sprinter|hurdles|marathon|metres|relay|long\x20jump|high\x20jump|triple\x20jump|pole\x20vault|javelin|iaaf|indoor\x20season",
    ),
    (
        5,
        1,
        r"basketball|nba|rebounds?|assists|three-pointers?|quarterback|touchdown",
    ),
    (
        6,
        1,
        r"golf|birdies?|bogey|eagle|fairway|putt|pga|ryder\x20cup",
    ),
];

static WORDS: Lazy<Alternation> = Lazy::new(|| {
    let alts: Vec<&str> = WORD_ALTS.iter().map(|(_, _, a)| *a).collect();
    Alternation::new("(?xi)", r"(?-u:\b)", &alts, r"(?-u:\b)")
});

/// The vocabulary texts (lower case, in priority order) with their sport and weight, in the order they are tried.
fn texts() -> Vec<(Vec<u8>, usize, usize)> {
    WORD_ALTS
        .iter()
        .flat_map(|&(sport, weight, alt)| {
            super::literals(alt).into_iter().map(move |mut t| {
                assert!(t.iter().all(|c| c.is_ascii() && *c != 0), "{t:?}");
                t.make_ascii_lowercase();
                (t, sport, weight)
            })
        })
        .collect()
}

/// A vocabulary text (lower case) with its sport and weight.
#[derive(Clone)]
struct Text {
    t: Box<[u8]>,
    sport: usize,
    weight: usize,
    /// The bytes of `t` after the first eight of its first word (up to eight of them; the table matched those
    /// eight), each with bit 5 set, as a little-endian number; `mask` covers them. A text whose bytes there,
    /// with bit 5 set, differ cannot match: one compare rejects most texts.
    next: u64,
    mask: u64,
    /// The bytes of `next` that are no letters (digits, space, `-`), which must be equal as written: bit 5 set
    /// or not tells a digit from a control byte.
    exact: u64,
    /// Whether `next` holds the whole rest of `t`: then the compare of `next` (and `exact`) is the match.
    whole: bool,
}

/// The size of [`VOCAB`]: a power of two above the number of [`WORD_TABLE`] groups, so that a group masked to
/// it needs no bounds test.
const GROUPS: usize = 256;

/// [`texts`] by the [`WORD_TABLE`] group of their first word, each group in priority order; the groups past
/// the table's are empty. A fixed size (and a boxed slice, not a `Vec`, per group) saves the look-up per keyword
/// the bounds test, the table's length and a multiply.
static VOCAB: Lazy<[Box<[Text]>; GROUPS]> = Lazy::new(|| {
    assert!(WORD_TABLE.groups <= GROUPS);
    let mut v = vec![Vec::new(); GROUPS];
    for (t, sport, weight) in texts() {
        let n = first_run(&t);
        let group = WORD_TABLE
            .get(word_key(&t, 0, n), n)
            .expect("every first word in the table")
            .group;
        let known = n.min(8);
        let after = &t[known..t.len().min(known + 8)];
        let (mut next, mut mask, mut exact) = (0u64, 0u64, 0u64);
        for (i, &c) in after.iter().enumerate() {
            next |= u64::from(c | 0x20) << (8 * i);
            mask |= 0xff << (8 * i);
            if !c.is_ascii_lowercase() {
                // (Not changed by bit 5: `c | 0x20 == c`.)
                assert_eq!(c | 0x20, c, "{t:?}");
                exact |= 0xff << (8 * i);
            }
        }
        let whole = t.len() <= known + 8;
        v[usize::from(group)].push(Text {
            t: t.into_boxed_slice(),
            sport,
            weight,
            next,
            mask,
            exact,
            whole,
        });
    }
    let v: Vec<Box<[Text]>> = v.into_iter().map(Vec::into_boxed_slice).collect();
    v.try_into()
        .unwrap_or_else(|_| unreachable!("GROUPS groups"))
});

/// The first words (runs of ASCII letters and digits, lower case) of the vocabulary, for the shared scan.
pub(crate) fn first_runs() -> Vec<Vec<u8>> {
    texts()
        .into_iter()
        .map(|(t, _, _)| t[..first_run(&t)].to_vec())
        .collect()
}

/// The vocabulary match starting at the keyword `key` of `b` (a maximal run of ASCII letters and digits, of
/// [`super::KEY_SPORT`]), as the pattern finds it there: its end, sport and weight. Exact when `b` holds no
/// character that folds to ASCII. The table matched the word's length and its first eight bytes in any case, so
/// every text of its [`VOCAB`] group has a first word of that length, and only the bytes after the first eight are
/// compared: first the next eight at once with bit 5 set in each ([`Text::next`]), which rejects most texts;
/// then, when those eight hold the rest of the text, its bytes that are no letters as written ([`Text::exact`]);
/// else byte by byte.
fn match_at(
    vocab: &[Box<[Text]>; GROUPS],
    b: &[u8],
    key: &super::Key,
) -> Option<(usize, usize, usize)> {
    let (p, n) = (key.start, key.end - key.start);
    let known = n.min(8);
    // The eight bytes after the known ones (none near the end of the text: no quick test).
    let raw = b
        .get(p + known..p + known + 8)
        .map(|x| u64::from_le_bytes(x.try_into().expect("eight bytes")));
    // (Every group is below `GROUPS`: the mask only spares the bounds test.)
    let found = vocab[usize::from(key.group) % GROUPS]
        .iter()
        .find_map(|text| {
            let (t, sport, weight) = (&text.t, &text.sport, &text.weight);
            let end = p + t.len();
            let same = match raw {
                // A letter of the text matches its byte with bit 5 set (the byte in either case); any other byte
                // must be the same.
                Some(x) if (x | 0x2020_2020_2020_2020) & text.mask != text.next => return None,
                Some(x) if text.whole => x & text.exact == text.next & text.exact,
                _ => match b.get(p + known..end) {
                    Some(x) => x
                        .iter()
                        .zip(&t[known..])
                        .all(|(&c, &l)| c.to_ascii_lowercase() == l),
                    None => false,
                },
            };
            (same && !b.get(end).is_some_and(|&c| is_word_byte(c)))
                .then_some((end, *sport, *weight))
        })?;
    // An "_" before the word: no `\b` there (the word is a maximal run of ASCII letters and digits: no other
    // word byte can stand before it), whichever text matched. Tested only after a match: most keywords match
    // none. At the text's start `p - 1` wraps and reads nothing.
    (b.get(p.wrapping_sub(1)) != Some(&b'_')).then_some(found)
}

/// Adds the weighted vocabulary counts of `text` to `counts`.
/// `keywords` are those of `text`.
fn count(text: &str, keywords: &Keywords, counts: &mut [usize; 7]) {
    if keywords.folds() {
        count_by_pattern(text, counts);
        return;
    }
    let b = text.as_bytes();
    // (Once per text, not per keyword: the compiler does not hoist the look-up's check that it is built.)
    let vocab: &[Box<[Text]>; GROUPS] = &VOCAB;
    // Matches do not overlap: offsets below `next` are inside the last one.
    let mut next = 0;
    for key in keywords.sports() {
        if key.start < next {
            continue;
        }
        if let Some((end, sport, weight)) = match_at(vocab, b, key) {
            counts[sport] += weight;
            next = end;
        }
    }
}

/// [`count`] by the pattern itself.
fn count_by_pattern(text: &str, counts: &mut [usize; 7]) {
    for m in WORDS.all.find_iter(text) {
        let (sport, weight, _) = WORD_ALTS[WORDS.which(text, &m)];
        counts[sport] += weight;
    }
}

/// The sport of a text when its vocabulary says so clearly enough; `None` when it cannot be told.
/// `tennis_scores` is the number of valid tennis scores already found in the text: strong evidence.
pub(crate) fn classify_with(text: &str, tennis_scores: usize) -> Option<&'static str> {
    classify_parts(&[text], tennis_scores)
}

/// [`classify_with`] of the texts `parts` joined by newlines, without joining them: no vocabulary word holds a
/// newline, and to `(?-u:\b)` a newline reads as the edge of a text.
pub(crate) fn classify_parts(parts: &[&str], tennis_scores: usize) -> Option<&'static str> {
    let mut counts = [0usize; 7];
    for part in parts {
        count(part, &Keywords::scan(part), &mut counts);
    }
    decide(counts, tennis_scores)
}

/// [`classify_parts`] of an article: its headline, when it counts, then its text, whose keywords the caller
/// has already found.
pub(crate) fn classify_article(
    headline: Option<&str>,
    text: &str,
    keywords: &Keywords,
    tennis_scores: usize,
) -> Option<&'static str> {
    let mut counts = [0usize; 7];
    if let Some(h) = headline {
        count(h, &Keywords::scan(h), &mut counts);
    }
    count(text, keywords, &mut counts);
    decide(counts, tennis_scores)
}

/// The sport the vocabulary `counts` tell, with `tennis_scores` valid tennis scores as strong evidence.
fn decide(mut counts: [usize; 7], tennis_scores: usize) -> Option<&'static str> {
    counts[0] += 3 * tennis_scores;
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
    // Too little vocabulary (most often none): no sport, whatever the second count.
    if n < 2 {
        return None;
    }
    let second = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    if n > second { Some(SPORTS[best]) } else { None }
}

/// The sport of a text, from vocabulary alone.
pub(crate) fn classify(text: &str) -> Option<&'static str> {
    classify_with(text, 0)
}

/// Builds the vocabulary tables (see [`super::warm_up`]); [`WORDS`] serves only texts that hold a character
/// that `(?i)` folds to an ASCII letter ("ſ", the Kelvin sign) and compiles on first need.
pub(crate) fn warm_up() {
    Lazy::force(&VOCAB);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_sports_apart() {
        assert_eq!(
            classify("Nadal won the first set and saved two break points before the tie-break."),
            Some("tennis")
        );
        assert_eq!(
            classify("The striker scored two goals and the goalkeeper saved a penalty."),
            Some("football")
        );
        assert_eq!(
            classify("The bowler took four wickets in the second innings."),
            Some("cricket")
        );
        assert_eq!(classify("Nothing to see here."), None);
    }

    /// The counts in code are those of the pattern: on the corpora, and on edge cases (case, "ſ", the Kelvin
    /// sign, words at the edges of the text, hyphens, "_", overlapping phrases).
    #[test]
    fn same_as_the_pattern() {
        let mut texts = crate::recognise::all_texts_and(&[
            "tennis",
            "Tennis.",
            "TENNIS_",
            "_tennis x",
            "xtennis tennisx ten-nis",
            "first set points, break points and match point; set point. tie-breaks, tiebreak, Tie-Break",
            "first set\npoints, break  points, straight sets",
            "Roland-Garros, roland garros, Roland\u{a0}Garros, US Open, us  open, Masters 1000, masters 10000",
            "ſeeds, \u{212a}ick-off, bac\u{212a}hands, ſtraight ſets, tennis\u{17f}",
            "scrum-half, scrum, fly-half, sin-bin, kick-off, half-time, three-pointers, twenty20, Twenty20s",
            "\u{e9}tennis, tennis\u{e9}, caf\u{e9} aces\u{2019}s, 1000 aces",
            "on serve on  serve broke serve, service games, service game, the service",
            "billie jean king cup, billie jean king, Fed Cup, Davis cup, hopman cup",
            "seeds seeded unseeded seed, SEEDS, volley, volleys",
            "backhandz forehandz athleticz basketbalz goalkeepez premiershix, BACKHANDS",
            // Bytes that differ from a text's byte in bit 5 alone ('\r' from '-', control bytes from digits).
            "kick\roff kick-off scrum\rhalf twenty\u{12}0 twenty20 masters\u{0}1000 masters 1\u{10}00 Tie\rbreak",
        ]);
        texts.extend(crate::recognise::random_texts(
            &[
                "kick", "off", "-", "\r", "\u{7}", " ", "\u{0}", "twenty", "20", "\u{12}", "0",
                "masters", "1000", "half", "TIME", "scrum", "Tie", "BREAK", "s", "points", "three",
                "pointers", "x", "_", "\u{e9}", "\n",
            ],
            20_000,
            6,
            0x9e37_79b9_7f4a_7c15,
        ));
        let words: Vec<String> = WORD_ALTS
            .iter()
            .flat_map(|(_, _, a)| super::super::literals(a))
            .map(|t| String::from_utf8(t).unwrap())
            .collect();
        for pad in 0..3 {
            texts.push(format!("{}{}", "x".repeat(pad), words.join(" ")));
            texts.push(words.join(&"-".repeat(pad + 1)));
            texts.push(words.join("").to_uppercase());
        }
        for t in &texts {
            let (mut fast, mut slow) = ([0; 7], [0; 7]);
            count(t, &Keywords::scan(t), &mut fast);
            count_by_pattern(t, &mut slow);
            assert_eq!(fast, slow, "{t}");
        }
    }

    /// Each table group holds the texts whose first word is its word, in priority order; the groups past the
    /// table's are empty.
    #[test]
    fn vocab_by_group() {
        let group = |w: &[u8]| {
            usize::from(
                WORD_TABLE
                    .get(word_key(w, 0, w.len()), w.len())
                    .unwrap()
                    .group,
            )
        };
        let texts = |w: &[u8]| -> Vec<(&[u8], usize, usize)> {
            VOCAB[group(w)]
                .iter()
                .map(|t| (&t.t[..], t.sport, t.weight))
                .collect()
        };
        assert_eq!(texts(b"tennis"), [(&b"tennis"[..], 0, 2)]);
        assert_eq!(texts(b"first"), [(&b"first set"[..], 0, 1)]);
        assert_eq!(
            texts(b"scrum"),
            [(&b"scrum"[..], 3, 1), (&b"scrum-half"[..], 3, 1)]
        );
        assert!(VOCAB[..WORD_TABLE.groups].iter().all(|g| !g.is_empty()));
        assert!(VOCAB[WORD_TABLE.groups..].iter().all(|g| g.is_empty()));
    }

    /// The only characters outside ASCII that `(?i)` matches to ASCII letters are "ſ" and the Kelvin sign.
    #[test]
    fn only_two_characters_fold_to_ascii() {
        let re = regex::Regex::new("(?i)^[a-z]$").unwrap();
        let folding: Vec<char> = (0x80..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| re.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, ['\u{17f}', '\u{212a}']);
    }

    /// The headline and the text counted apart give the counts of the two joined by a newline.
    #[test]
    fn parts_count_as_joined() {
        let counts = |t: &str| {
            let mut c = [0; 7];
            count(t, &Keywords::scan(t), &mut c);
            c
        };
        let texts = crate::recognise::all_texts();
        for pair in texts.windows(2) {
            let (a, b) = (pair[0].as_str(), pair[1].as_str());
            // A headline-sized first part.
            let cut = (0..=a.len().min(200))
                .rev()
                .find(|&i| a.is_char_boundary(i))
                .unwrap_or(0);
            let a = &a[..cut];
            let joined = format!("{a}\n{b}");
            let mut apart = counts(a);
            for (x, y) in apart.iter_mut().zip(counts(b)) {
                *x += y;
            }
            assert_eq!(apart, counts(&joined), "{joined}");
            for n in 0..3 {
                assert_eq!(
                    classify_parts(&[a, b], n),
                    classify_with(&joined, n),
                    "{joined}"
                );
            }
        }
    }
}
