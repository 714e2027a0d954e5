//! Players: which name candidates are players, surnames linked to full names, and references resolved
//! (pronouns, demonyms such as "the Briton", descriptors such as "the 26-year-old" or "the world No 1").

use crate::lexicon;
use crate::recognise::{Span, names::NameMention};
use crate::segment::Sentence;

/// A person the article names.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// Fullest form of the name.
    pub name: String,
    pub tokens: Vec<String>,
    /// Nationality stated explicitly next to a name ("Spain's X", "American X", "X of Spain").
    pub nationality: Option<&'static str>,
    /// Nationality votes from resolved demonyms ("the Briton").
    pub demonym_votes: Vec<&'static str>,
    pub age: Option<u32>,
    /// The person holds a non-playing role (coach, umpire, captain...).
    pub not_player: bool,
    /// Offset of the first mention (normalised text).
    pub first: usize,
}

/// How a reference points at its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    Name,
    Pronoun,
    Descriptor,
}

/// A reference to a player in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ref {
    pub span: Span,
    pub entity: usize,
    pub kind: RefKind,
    pub sent: usize,
}

fn tokens_of(name: &str) -> Vec<String> {
    name.split(' ').map(str::to_string).collect()
}

/// Builds entities from name candidates. Full names (two or more words) make entities; a single word links to
/// the entity whose surname contains it, or makes a surname-only entity.
pub(crate) fn build_entities(
    text: &str,
    names: &[NameMention],
    cue_starts: &[usize],
) -> (Vec<Entity>, Vec<Option<usize>>) {
    use std::collections::HashMap;
    /// Candidates looked at per lookup: keeps pathological inputs (thousands of "Williams") linear.
    const SCAN: usize = 64;
    let new_entity = |name: &str, tokens: Vec<String>, first: usize| Entity {
        name: name.to_string(),
        tokens,
        nationality: None,
        demonym_votes: Vec::new(),
        age: None,
        not_player: false,
        first,
    };
    let mut entities: Vec<Entity> = Vec::new();
    let mut link: Vec<Option<usize>> = vec![None; names.len()];
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    // Full names first, so that a surname seen before its full name still links ("Melzer shocks Agassi").
    for (i, n) in names.iter().enumerate() {
        let s = &text[n.span.start..n.span.end];
        if !s.contains(' ') {
            continue;
        }
        // A longer name that contains an existing one, or the reverse, is the same person: same first and
        // last words, one a suffix of the other ("Farina Elia" / "Sylvia Farina Elia"), or a prefix of at
        // least two words ("Juan Carlos" / "Juan Carlos Ferrero").
        let toks = tokens_of(s);
        let suffix =
            |long: &[String], short: &[String]| long.len() > short.len() && long.ends_with(short);
        let prefix = |long: &[String], short: &[String]| {
            short.len() >= 2 && long.len() > short.len() && long.starts_with(short)
        };
        let last = toks.last().cloned().unwrap_or_default();
        let cands = by_last
            .get(&last)
            .into_iter()
            .flatten()
            .rev()
            .take(SCAN)
            .chain(
                by_first
                    .get(&toks[0])
                    .into_iter()
                    .flatten()
                    .rev()
                    .take(SCAN),
            )
            .copied();
        let mut found = None;
        for j in cands {
            let e = &entities[j];
            if e.tokens.len() > 1
                && (e.name == s
                    || (e.tokens.last() == toks.last() && e.tokens[0] == toks[0])
                    || suffix(&e.tokens, &toks)
                    || suffix(&toks, &e.tokens)
                    || prefix(&e.tokens, &toks)
                    || prefix(&toks, &e.tokens))
            {
                found = Some(found.map_or(j, |f: usize| f.min(j)));
            }
        }
        let idx = match found {
            Some(j) => {
                if toks.len() > entities[j].tokens.len() {
                    entities[j].name = s.to_string();
                    entities[j].tokens = toks;
                    let e = &entities[j];
                    by_first.entry(e.tokens[0].clone()).or_default().push(j);
                    by_last
                        .entry(e.tokens.last().cloned().unwrap_or_default())
                        .or_default()
                        .push(j);
                }
                j
            }
            None => {
                let j = entities.len();
                by_first.entry(toks[0].clone()).or_default().push(j);
                by_last.entry(last).or_default().push(j);
                entities.push(new_entity(s, toks, n.span.start));
                j
            }
        };
        link[i] = Some(idx);
    }
    // Surname words (everything after the given name) and given names of the full names, for single words.
    let mut by_surname_word: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_given: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, e) in entities.iter().enumerate() {
        for t in &e.tokens[1..] {
            let v = by_surname_word.entry(t.clone()).or_default();
            if v.last() != Some(&j) {
                v.push(j);
            }
        }
        by_given.entry(e.tokens[0].clone()).or_default().push(j);
    }
    let mut single: HashMap<String, usize> = HashMap::new();
    // Single words: link to the most recently mentioned entity with that surname (or unique given name).
    let mut last_seen: Vec<usize> = entities.iter().map(|e| e.first).collect();
    for (i, n) in names.iter().enumerate() {
        if let Some(e) = link[i] {
            last_seen[e] = n.span.start;
            continue;
        }
        let s = &text[n.span.start..n.span.end];
        let mut cands: Vec<usize> = by_surname_word
            .get(s)
            .map(|v| v.iter().rev().take(SCAN).copied().collect())
            .unwrap_or_default();
        if cands.is_empty()
            && let Some(v) = by_given.get(s).filter(|v| v.len() == 1)
        {
            cands = v.clone();
        }
        let idx = if let Some(&best) = cands.iter().max_by_key(|&&e| {
            // Most recent mention before this one; else the first one named.
            let seen = last_seen[e];
            if seen <= n.span.start {
                (1, seen)
            } else {
                (0, usize::MAX - seen)
            }
        }) {
            best
        } else if let Some(&j) = single.get(s) {
            j
        } else {
            let j = entities.len();
            entities.push(new_entity(s, vec![s.to_string()], n.span.start));
            last_seen.push(n.span.start);
            single.insert(s.to_string(), j);
            j
        };
        last_seen[idx] = n.span.start;
        link[i] = Some(idx);
    }
    // Where each entity's mentions stand: all at the start of a line (a headline word), all at the start
    // of a sentence and not possessive.
    let line_start = |pos: usize| {
        let before = text[..pos].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with(['\n', '.', '!', '?', '"'])
    };
    let initial = |pos: usize| {
        let before = text[..pos].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with(['.', '!', '?', '"', '\n', ':'])
    };
    let mut all_line_start = vec![true; entities.len()];
    let mut all_initial = vec![true; entities.len()];
    for (i, n) in names.iter().enumerate() {
        if let Some(e) = link[i] {
            all_line_start[e] &= line_start(n.span.start);
            // "Rune (Den) bt Hijikata": a surname opening a results line is a name.
            let rest = &text[n.span.end..];
            let cue_next = {
                let gap = rest.len() - rest.trim_start_matches(' ').len();
                cue_starts.binary_search(&(n.span.end + gap)).is_ok()
            };
            let subject = cue_next
                || [
                    "'s", " (", " bt ", " d. ", " def. ", ", the ", ", a ", ", who ", ", whose ",
                ]
                .iter()
                .any(|p| rest.starts_with(p));
            all_initial[e] &= initial(n.span.start) && !subject;
        }
    }
    // "Classy Henman" in a headline: an opening adjective before the surname of a player named in full.
    let mut relink: HashMap<usize, usize> = HashMap::new();
    for (e, ent) in entities.iter().enumerate() {
        if ent.tokens.len() != 2 || !all_line_start[e] {
            continue;
        }
        let full = by_last
            .get(&ent.tokens[1])
            .into_iter()
            .flatten()
            .copied()
            .find(|&f| {
                f != e && entities[f].tokens.len() >= 2 && entities[f].tokens[0] != ent.tokens[0]
            });
        if let Some(f) = full {
            relink.insert(e, f);
        }
    }
    for l in link.iter_mut() {
        if let Some(f) = l.and_then(|e| relink.get(&e)) {
            *l = Some(*f);
        }
    }
    for (e, ent) in entities.iter_mut().enumerate() {
        // A lone capitalised word seen only at the start of sentences ("Basically", "Asked") is no name.
        if relink.contains_key(&e) || (ent.tokens.len() == 1 && all_initial[e]) {
            ent.not_player = true;
        }
    }
    (entities, link)
}

/// Roles that make a named person not a player when they stand just before the name or just after it.
const ROLES: &[&str] = &[
    "coach",
    "coached",
    "umpire",
    "captain",
    "referee",
    "commentator",
    "president",
    "director",
    "executive",
    "manager",
    "father",
    "mother",
    "dad",
    "mum",
    "brother",
    "sister",
    "wife",
    "husband",
    "girlfriend",
    "boyfriend",
    "agent",
    "spokesman",
    "spokeswoman",
    "physio",
    "physiotherapist",
    "trainer",
    "minister",
    "chairman",
    "chief",
    "supervisor",
    "not_player",
    "organiser",
    "doctor",
    "promoter",
    "sponsor",
    "analyst",
    "pundit",
    "journalist",
    "reporter",
    "writer",
    "presenter",
    "host",
    "mentor",
    "adviser",
    "advisor",
    "consultant",
    "psychologist",
    "owner",
    "founder",
    "ceo",
    "secretary",
    "chancellor",
    "mayor",
    "senator",
    "princess",
    "prince",
    "king",
    "queen",
    "duchess",
    "duke",
    "singer",
    "actor",
    "actress",
    "footballer",
    "golfer",
    "cricketer",
    "boxer",
    "driver",
    "striker",
    "son",
    "daughter",
    "uncle",
    "aunt",
    "grandfather",
];

fn is_role(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    let w = w.strip_suffix("'s").unwrap_or(&w);
    ROLES.contains(&w)
}

/// Marks entities whose mentions stand next to a role word ("coach Darren Cahill", "umpire Carlos Ramos",
/// "X, his coach,").
pub(crate) fn mark_officials(
    text: &str,
    names: &[NameMention],
    link: &[Option<usize>],
    entities: &mut [Entity],
) {
    for (i, n) in names.iter().enumerate() {
        let Some(e) = link[i] else { continue };
        let mut from = n.span.start.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..n.span.start];
        // A byline: "By Jane Doe", or a short line of names alone ("Jamie Smith and Flo Jones").
        // Only a short line can be a byline: look at most 80 bytes either side for its ends.
        let lo = floor_boundary(text, n.span.start.saturating_sub(80));
        let hi = ceil_boundary(text, n.span.end + 80);
        let line_from = text[lo..n.span.start]
            .rfind('\n')
            .map(|p| lo + p + 1)
            .unwrap_or(lo);
        let line_to = text[n.span.end..hi]
            .find('\n')
            .map_or(hi, |p| n.span.end + p);
        let line = text[line_from..line_to].trim();
        let byline = before.trim_end().ends_with("By")
            || (line.len() < 80
                && !line.ends_with(['.', '!', '?', '"'])
                && line.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(w, "and" | "&" | "by")
                })
                && line.split_whitespace().count() >= 2
                && line.split_whitespace().count() <= 8
                && line_from > 0);
        if byline {
            entities[e].not_player = true;
        }
        let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
        let stop_at_punct = words
            .iter()
            .take_while(|w| {
                !w.trim_end_matches(['"', '\'', ')'])
                    .ends_with(['.', ';', ':', '!', '?'])
            })
            .any(|w| is_role(w));
        let mut to = (n.span.end + 40).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let after = &text[n.span.end..to];
        let after_role = after.starts_with(", ")
            && after[2..]
                .split_whitespace()
                .take(3)
                .any(|w| is_role(w) && !w.ends_with("'s"));
        if stop_at_punct || after_role {
            entities[e].not_player = true;
        }
    }
}

/// Sentence index of each byte offset, by binary search over sentence starts.
pub(crate) fn sentence_of(sents: &[Sentence], pos: usize) -> usize {
    match sents.binary_search_by(|s| s.start.cmp(&pos)) {
        Ok(i) => i,
        Err(0) => 0,
        Err(i) => i - 1,
    }
}

/// Nationality written next to a name: "Spain's X", "American X", "sixth-seeded Italian X", "X of Spain",
/// "X (ESP)", "X from Switzerland".
pub(crate) fn explicit_nationality(text: &str, span: Span) -> Option<&'static str> {
    let before = &text[floor_boundary(text, span.start.saturating_sub(60))..span.start];
    let before = before
        .get(before.find(' ').map_or(0, |p| p + 1)..)
        .unwrap_or("");
    let words: Vec<&str> = before.split(' ').filter(|w| !w.is_empty()).collect();
    for (k, w) in words.iter().rev().take(4).enumerate() {
        if w.ends_with([',', '.', ';', ':', '"']) && k > 0 {
            break;
        }
        if let Some(c) = w.strip_suffix("'s").and_then(lexicon::country) {
            return Some(c);
        }
        if let Some(c) = lexicon::demonym(w) {
            return Some(c);
        }
        // Stop at words that cannot sit between a nationality and a name.
        let lw = w.to_ascii_lowercase();
        let filler = lw.chars().next().is_some_and(|c| c.is_ascii_digit())
            || lw.ends_with("seed")
            || lw.ends_with("seeded")
            || lw.ends_with("ranked")
            || matches!(
                lw.as_str(),
                "qualifier"
                    | "wildcard"
                    | "world"
                    | "number"
                    | "no"
                    | "no."
                    | "top"
                    | "teenager"
                    | "veteran"
                    | "left-hander"
                    | "right-hander"
                    | "lucky"
                    | "loser"
                    | "former"
                    | "fellow"
                    | "compatriot"
                    | "champion"
                    | "defending"
                    | "teenage"
                    | "giant"
                    | "youngster"
                    | "star"
                    | "duo"
            );
        if !filler && k > 0 {
            break;
        }
        if !filler && k == 0 && lexicon::demonym(w).is_none() {
            break;
        }
    }
    let after = &text[span.end..ceil_boundary(text, span.end + 40)];
    let after = after
        .get(..after.char_indices().nth(40).map_or(after.len(), |(i, _)| i))
        .unwrap_or(after);
    for prefix in [" of the ", " of ", " from the ", " from "] {
        if let Some(rest) = after.strip_prefix(prefix) {
            for len in [3usize, 2, 1] {
                let cand: Vec<&str> = rest
                    .split([' ', ',', '.', ')'])
                    .filter(|w| !w.is_empty())
                    .take(len)
                    .collect();
                if cand.len() == len
                    && let Some(c) = lexicon::country(&cand.join(" "))
                {
                    return Some(c);
                }
            }
        }
    }
    if let Some(rest) = after.strip_prefix(" (") {
        let inner: String = rest.chars().take_while(|&c| c != ')').collect();
        // "(ESP)", "(Esp)", and the codes press lists use for a few nations ("(US)", "(UK)").
        if (2..=3).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_alphabetic()) {
            let upper = inner.to_ascii_uppercase();
            let alias = match upper.as_str() {
                "US" => "USA",
                "UK" | "GB" => "GBR",
                other => other,
            };
            if let Some(c) = crate::lexicon::code(alias) {
                return Some(c);
            }
        }
        if let Some(c) = lexicon::country(&inner) {
            return Some(c);
        }
    }
    None
}

/// Age written next to a name: "18-year-old Mirza", "Martinez, 32,", "Sinner (23)".
pub(crate) fn explicit_age(text: &str, span: Span) -> Option<u32> {
    let before = &text[..span.start];
    let before = before.trim_end();
    if let Some(rest) = before.strip_suffix("-year-old") {
        let digits: String = rest
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect();
        let n: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
        return (10..=60).contains(&n).then_some(n);
    }
    let after = &text[span.end..];
    for (open, close) in [(", ", ','), (" (", ')')] {
        if let Some(rest) = after.strip_prefix(open) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() == 2 && rest[2..].starts_with(close) {
                let n: u32 = digits.parse().ok()?;
                return (14..=50).contains(&n).then_some(n);
            }
        }
    }
    None
}

/// The nearest char boundary at or after `i` (clamped to the text).
pub(crate) fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The nearest char boundary at or before `i` (clamped to the text).
pub(crate) fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
