//! Which sport an article is about, from a weighted count of each sport's vocabulary in one pass.

use super::Alternation;
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

/// Adds the weighted vocabulary counts of `text` to `counts`.
fn count(text: &str, counts: &mut [usize; 7]) {
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
        count(part, &mut counts);
    }
    counts[0] += 3 * tennis_scores;
    let (best, &n) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
    let second = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    if n >= 2 && n > second {
        Some(SPORTS[best])
    } else {
        None
    }
}

/// The sport of a text, from vocabulary alone.
pub(crate) fn classify(text: &str) -> Option<&'static str> {
    classify_with(text, 0)
}

/// Compiles the capturing fallback of the pattern (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    WORDS.warm_up();
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

    /// The headline and the text counted apart give the counts of the two joined by a newline.
    #[test]
    fn parts_count_as_joined() {
        let counts = |t: &str| {
            let mut c = [0; 7];
            count(t, &mut c);
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
