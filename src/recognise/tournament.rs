//! Tournaments: Grand Slams, tour events by name or city ("the Masters 1000 event in Shanghai"), Davis Cup,
//! Billie Jean King Cup, Olympics. Corpus: `tests/corpus/tournament.jsonl`.

use super::{Alternation, Anchored, Span};
use once_cell::sync::Lazy;
use regex::Regex;

/// A tournament phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TournamentMention {
    pub span: Span,
    /// The name as the text gives it, trimmed of articles ("Paris Masters", "Australian Open", "Shanghai").
    pub name: String,
}

/// A capitalised word that may stand in an event name ("Dubai", "U.S.", "Women's", "BNP").
const TOKEN: &str = r"\p{Lu}(?:\.(?:\p{Lu}\.)+|[\p{L}\p{M}&'-]*)";

/// The alternatives of the tournament pattern, in priority order (leftmost-first): known names, "the Masters
/// 1000 event in Shanghai" (the city is the name), and generic names ending in an event word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Alt {
    Known,
    City,
    Generic,
}

const ALTS: [Alt; 3] = [Alt::Known, Alt::City, Alt::Generic];

static RE: Lazy<Alternation> = Lazy::new(|| {
    let alts = [
        // known names that the generic pattern misses or that stand alone
        r"Roland[-\s]Garros|Wimbledon|Indian\s+Wells|Queen's\s+Club(?:\s+Championships)?|Open\s+13|Davis\s+Cup(?:\s+final)?|Fed\s+Cup|Billie\s+Jean\s+King\s+Cup|Hopman\s+Cup|Laver\s+Cup|United\s+Cup|ATP\s+Cup|(?:Nitto\s+|Next\s*Gen\s+)?ATP\s+(?:World\s+Tour\s+)?Finals|WTA\s+(?:Tour\s+)?Finals|(?:Tennis\s+)?Masters\s+Cup|(?:\p{Lu}\p{L}+\s+)?Olympics|Olympic\s+Games|Diamond\s+Games|Queen's".to_string(),
        // the Masters 1000 event in Shanghai
        r"(?:Masters(?:\s+1000)?|ATP(?:\s+(?:250|500|1000))?|WTA(?:\s+(?:125|250|500|1000))?|Challenger|ITF)\s+(?:event|tournament|title)\s+in\s+\p{Lu}\p{L}+(?:[\s-]\p{Lu}\p{L}+)?".to_string(),
        // Dubai Tennis Championships, Paris Masters, Miami Open
        format!(r"(?:{TOKEN}[\x20]+){{1,5}}(?:Open|Masters|Championships|Championship|Classic|International|Trophy|Cup|Tournament)"),
    ];
    let alts: Vec<&str> = alts.iter().map(String::as_str).collect();
    Alternation::new("(?x)", r"(?-u:\b)", &alts, r"(?-u:\b)")
});

/// [`RE`] run only near tournament keywords (every alternative starts with a capital letter): every match holds one of the words [`super::keywords`] finds for
/// tournaments, at most five runs of spaces after its start ("Next Gen ATP World Tour Finals", five capitalised
/// words before "Open").
static NEAR: Lazy<Anchored> = Lazy::new(|| Anchored::new("", RE.pattern()));

/// The tournament phrases of `text`: spans of the matches of [`RE`].
///
/// Before its first keyword, a match holds only capitalised words of letters, `&'.-` (and non-ASCII
/// characters) between white space: the pattern runs only at capitals with nothing else up to the keyword.
fn matches(text: &str) -> Vec<(usize, usize)> {
    let hits = super::keywords(text, super::KEY_TOURNAMENT)
        .into_iter()
        .map(|o| (o, 5));
    super::find_near_by(text, hits, &NEAR, |b, p, o| {
        (b[p].is_ascii_uppercase() || b[p] >= 0x80) && super::boundary(b, p) && name_like(&b[p..o])
    })
}

/// Whether the bytes `s` between a match start and its first keyword may belong to a name: no ASCII byte but
/// letters, `&'.-` and white space, and no lower-case ASCII letter right after ASCII white space (see `TOKEN`
/// and the known names of [`RE`]). A superset test.
fn name_like(s: &[u8]) -> bool {
    let mut after_space = false;
    for &c in s {
        match c {
            b'\t'..=b'\r' | b' ' => {
                after_space = true;
                continue;
            }
            b'a'..=b'z' if after_space => return false,
            b'A'..=b'Z' | b'a'..=b'z' | b'&' | b'\'' | b'-' | b'.' | 0x80.. => {}
            _ => return false,
        }
        after_space = false;
    }
    true
}

/// In a "Masters 1000 event in Shanghai" match: what comes before the city.
static BEFORE_CITY: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s+in\s+").expect("city pattern"));

/// Capitalised words that start a sentence or clause and are not part of an event name.
const LEAD_STOP: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "At",
    "On",
    "For",
    "From",
    "To",
    "After",
    "Before",
    "During",
    "Since",
    "Last",
    "This",
    "Next",
    "His",
    "Her",
    "Their",
    "Its",
    "But",
    "And",
    "When",
    "While",
    "With",
    "Without",
    "As",
    "By",
    "Of",
    "Into",
    "Despite",
    "Until",
    "Year's",
    "Year",
    "Both",
    "It",
    "He",
    "She",
    "They",
    "That",
    "Then",
    "Now",
    "Meanwhile",
    "However",
    "If",
    "So",
    "Or",
    "Our",
    "My",
    "Your",
    "Reigning",
    "Defending",
    "Former",
    "Current",
    "Two-time",
    "Three-time",
    "Four-time",
    "Five-time",
    "Six-time",
    "Seven-time",
    "Twice",
    "Champion",
    "Men's",
    "Women's",
    "Boys'",
    "Girls'",
    "Junior",
    "Mixed",
    "Doubles",
    "Singles",
    "Grand",
    "Slam",
    "Tennis",
    "ATP",
    "WTA",
    "Tour",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "I",
    "We",
    "You",
    "Watch",
    "Follow",
    "Read",
    "Live",
];

/// [`LEAD_STOP`] as a set: asked about the first word of most matches.
static LEAD_STOP_SET: Lazy<crate::lexicon::FxHashSet<&'static str>> =
    Lazy::new(|| LEAD_STOP.iter().copied().collect());

fn is_lead_stop(w: &str) -> bool {
    LEAD_STOP_SET.contains(w)
}

/// Team events that a nation's name may stand before ("US Davis Cup").
const TEAM_EVENTS: &[&str] = &[
    "Davis Cup",
    "Fed Cup",
    "Billie Jean King Cup",
    "Hopman Cup",
    "Laver Cup",
    "United Cup",
];

/// Words that make a "Cup"/"Championship" another sport's competition.
const OTHER_SPORTS: &[&str] = &[
    "FA",
    "World",
    "Ryder",
    "Heineken",
    "League",
    "Carling",
    "UEFA",
    "Stanley",
    "Gold",
    "Melbourne",
    "America's",
    "Challenge",
    "Currie",
    "Solheim",
    "Webb",
    "Ellis",
    "Powergen",
    "EFL",
    "Intertoto",
    "Confederations",
    "Cricket",
    "Rugby",
    "Football",
    "European",
    "Six",
    "Nations",
    "County",
    "Commonwealth",
    "Premiership",
    "Super",
    "Champions",
    "Scottish",
    "Welsh",
    "Irish",
    "Tri",
    "Asian",
    "African",
    "Euro",
    "Grand",
    "National",
    "Derby",
    "Premier",
    "Coca-Cola",
    "Community",
    "Charity",
    "Anglo-Welsh",
    "Indoor",
    "Outdoor",
    "Open",
    "Golf",
    "PGA",
    "US PGA",
    "Masters",
    "British",
];

/// Words allowed with a possessive "'s" inside a name ("Volvo Women's Open", "Queen's Club").
const POSSESSIVE_OK: &[&str] = &["Women's", "Men's", "Queen's", "Ladies'"];

/// Cities that name tour events, beside countries and demonyms.
const EVENT_CITIES: &[&str] = &[
    "Miami",
    "Madrid",
    "Paris",
    "Rome",
    "Dubai",
    "Doha",
    "Qatar",
    "Shanghai",
    "Cincinnati",
    "Monte",
    "Indian",
    "Toronto",
    "Montreal",
    "Canadian",
    "Beijing",
    "Tokyo",
    "Vienna",
    "Basel",
    "Rotterdam",
    "Marseille",
    "Acapulco",
    "Barcelona",
    "Hamburg",
    "Halle",
    "Eastbourne",
    "Sydney",
    "Brisbane",
    "Adelaide",
    "Auckland",
    "Stuttgart",
    "Washington",
    "Memphis",
    "Chennai",
    "Hyderabad",
    "Stockholm",
    "Moscow",
    "Kooyong",
    "San",
];

fn is_place(w: &str) -> bool {
    crate::lexicon::country(w).is_some()
        || crate::lexicon::demonym(w).is_some()
        || EVENT_CITIES.contains(&w)
}

/// Every tournament phrase in `text` (normalised), in order.
pub(crate) fn find(text: &str) -> Vec<TournamentMention> {
    let mut out = Vec::new();
    for (m_start, m_end) in matches(text) {
        let m_str = &text[m_start..m_end];
        let alt = ALTS[RE.which_at(text, m_start, m_end)];
        if alt == Alt::Known {
            let (s, e) = (m_start, m_end);
            let name = &text[s..e];
            if name == "Queen's" && !text[..s].ends_with("at ") {
                continue;
            }
            if name.ends_with("Olympics") && !name.starts_with("Olympics") {
                // "Paris Olympics" but not "the Special Olympics"-like organisations.
                let first = name.split_whitespace().next().unwrap_or("");
                if is_lead_stop(first) || first == "Special" || first == "Winter" {
                    let rest = name[first.len()..].trim_start();
                    let off = e - rest.len();
                    if first != "Special" && first != "Winter" {
                        out.push(TournamentMention {
                            span: Span::new(off, e),
                            name: rest.to_string(),
                        });
                    }
                    continue;
                }
            }
            out.push(TournamentMention {
                span: Span::new(s, e),
                name: name.to_string(),
            });
        } else if alt == Alt::City {
            let at = BEFORE_CITY
                .find(m_str)
                .expect("' in ' before the city")
                .end();
            let city = &m_str[at..];
            if is_lead_stop(city) {
                continue;
            }
            out.push(TournamentMention {
                span: Span::new(m_start + at, m_end),
                name: city.to_string(),
            });
        } else {
            let (mut s, e) = (m_start, m_end);
            let full = m_str;
            // Drop leading sentence words and anything up to a possessive ("Federer's Australian Open").
            // At most six words: up to five names and the event word, joined by spaces.
            let mut buf = [(0, ""); 8];
            let mut len = 0;
            for w in full.split_whitespace() {
                buf[len] = (w.as_ptr() as usize - full.as_ptr() as usize, w);
                len += 1;
            }
            let words = &buf[..len];
            let mut first = 0;
            for (i, (_, w)) in words.iter().enumerate() {
                let possessive =
                    (w.ends_with("'s") || w.ends_with("s'")) && !POSSESSIVE_OK.contains(w);
                let adjective = w
                    .split_once('-')
                    .is_some_and(|(_, b)| b.starts_with(char::is_lowercase));
                if possessive
                    || (i == first && (is_lead_stop(w) || adjective))
                    || w.bytes().all(|b| b.is_ascii_digit()) && i == first
                {
                    first = i + 1;
                }
            }
            if first >= words.len() - 1 {
                continue; // only the keyword is left: "the Open", "Davis Cup" handled above
            }
            // "Sinner US Open", "Djokovic Miami Open" (headlines): the name starts at the place word.
            if let Some(i) = (first + 1..words.len() - 1).find(|&i| is_place(words[i].1)) {
                first = i;
            }
            s += words[first].0;
            if let Some(team) = TEAM_EVENTS.iter().find(|t| text[s..e].ends_with(*t)) {
                s = e - team.len();
            }
            let name = &text[s..e];
            let keyword = name.split_whitespace().next_back().expect("keyword");
            let others = || {
                let mut ws = name.split_whitespace();
                ws.next_back();
                ws
            };
            // The keyword first: it is cheaper than the other words.
            if matches!(keyword, "Cup" | "Championship" | "Championships" | "Trophy")
                && others().any(|w| OTHER_SPORTS.contains(&w))
            {
                continue;
            }
            if keyword == "Cup"
                && others().any(|w| matches!(w, "FA" | "Ryder" | "Heineken" | "League" | "World"))
            {
                continue;
            }
            out.push(TournamentMention {
                span: Span::new(s, e),
                name: name.to_string(),
            });
        }
    }
    out
}

/// Compiles the capturing fallback of the pattern (see [`super::warm_up`]).
pub(crate) fn warm_up() {
    RE.warm_up();
}

/// Corpus view: span and name.
#[cfg(test)]
pub(crate) fn describe(text: &str) -> Vec<(usize, usize, String)> {
    find(text)
        .into_iter()
        .map(|m| (m.span.start, m.span.end, m.name))
        .collect()
}

#[cfg(test)]
mod same_tests {
    /// The keyword windows find what the plain pattern finds.
    #[test]
    fn same_as_the_plain_pattern() {
        for t in &crate::recognise::all_texts() {
            let want: Vec<(usize, usize)> = super::RE
                .all
                .find_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(super::matches(t), want, "{t}");
        }
    }

    /// Edge cases of the start test of `matches`: the same as the plain pattern.
    #[test]
    fn same_on_tricky_strings() {
        let texts = [
            "U.S. Open, the Women's Open, Federer won the Australian Open, ATP Finals, Nitto ATP Finals",
            "BNP Paribas Open, Rogers Cup, Queen's Club Championships, Next Gen ATP Finals, Indian Wells",
            "Davis Cup final, Paris Olympics, AT&T Classic, The 2019 Miami Open, A1 Open, x.Open, X-men Open",
            "Dubai Tennis Championships, Abierto Mexicano Telcel Open, \u{c9}cole Open, Señor Open, A B C D E F Open",
            "Indian\u{2028}Wells, Roland-Garros, the Masters 1000 event in Shanghai, Two-time Open, St. Petersburg Open",
            "Mubadala Silicon Valley Classic, Swiss Indoors, ASB Classic, Hall of Fame Open, Los Cabos Open",
        ];
        for t in texts.map(|t| crate::normalise::Normalised::new(t).text) {
            let want: Vec<(usize, usize)> = super::RE
                .all
                .find_iter(&t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(super::matches(&t), want, "{t}");
        }
    }
}
