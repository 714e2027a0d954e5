//! Generator of synthetic tennis articles for benchmarks (shared by the criterion benches and the
//! `gen_corpus` example that feeds `bench/cli-scale.sh`), and the benches' batch measurement
//! ([`batch_json_bytes`]).
//!
//! Everything here is made up: players with accented names, scores (tie-breaks, retirements), rounds,
//! tournaments, rankings, seeds, quotes, pronouns and results roundups. Output is deterministic for a seed,
//! so runs are comparable. No sentence comes from a real article.
#![allow(dead_code)]

/// A small deterministic PRNG (xorshift64*), so the benchmarks need no extra dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One item of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const GIVEN: &[&str] = &[
    "Tomás",
    "Jürgen",
    "Éric",
    "Nikolaj",
    "Álvaro",
    "Mateo",
    "Lukáš",
    "Sébastien",
    "Oskar",
    "Ivo",
    "Marek",
    "Dmitri",
    "Björn",
    "Andrés",
    "Gaël",
    "Paulo",
    "Kenji",
    "Liam",
    "Hugo",
    "Rafael",
    "Jiří",
    "Søren",
    "Emil",
    "Noé",
    "Zoë",
    "Inès",
    "Ana",
    "Katarzyna",
    "Léa",
    "Marta",
    "Yuki",
    "Petra",
    "Chloé",
    "Sofía",
    "Agnès",
    "Hana",
];

const SURNAMES: &[&str] = &[
    "Ferrándiz",
    "Kowalczyk",
    "Müllner",
    "de la Peña",
    "Ørsted",
    "Novák",
    "Delacroix",
    "van Loon",
    "Brännström",
    "Ostrowski",
    "Castaño",
    "Haraldsen",
    "Lemaître",
    "Vukić",
    "Achterberg",
    "Moreau",
    "Salvatierra",
    "Dvořák",
    "Tanaka",
    "Fitzgerald",
    "Okonkwo",
    "Ruiz-Tagle",
    "Halvorsen",
    "Sørensen",
    "Pellegrini",
    "Quintero",
    "Blažević",
    "Marchetti",
    "Lindqvist",
    "Auclair",
    "del Monte",
    "Szabó",
    "Nyström",
    "Kováčová",
    "Abelló",
];

const COUNTRIES: &[(&str, &str)] = &[
    ("Spain", "Spaniard"),
    ("France", "Frenchman"),
    ("Germany", "German"),
    ("Poland", "Pole"),
    ("Czech Republic", "Czech"),
    ("Denmark", "Dane"),
    ("Sweden", "Swede"),
    ("Argentina", "Argentine"),
    ("Japan", "Japanese"),
    ("Italy", "Italian"),
    ("Britain", "Briton"),
    ("Croatia", "Croat"),
];

const TOURNAMENTS: &[&str] = &[
    "Australian Open",
    "French Open",
    "Wimbledon",
    "US Open",
    "Paris Masters",
    "Madrid Open",
    "Italian Open",
    "Miami Open",
    "Queen's Club Championships",
    "Davis Cup",
    "Monte Carlo Masters",
    "Qatar Open",
];

const ROUNDS: &[&str] = &[
    "first round",
    "second round",
    "third round",
    "fourth round",
    "quarter-finals",
    "semi-finals",
    "final",
    "last 16",
    "last eight",
    "opening round",
];

const ORDINALS: &[&str] = &[
    "top", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "10th",
    "11th", "12th",
];

const BEAT: &[&str] = &[
    "beat",
    "defeated",
    "overcame",
    "saw off",
    "knocked out",
    "edged past",
    "swept aside",
    "outlasted",
    "eased past",
    "battled past",
    "thrashed",
    "ousted",
];

const FILLER: &[&str] = &[
    "The crowd stayed late under the lights as the wind picked up across the court.",
    "Rain delayed the start of play by almost two hours on the outside courts.",
    "Neither player found much rhythm on serve during a scrappy opening set.",
    "Tickets for the later rounds have already sold out, according to the organisers.",
    "The roof was closed for the evening session after a brief shower.",
    "Organisers said attendance this week was the highest in the event's history.",
    "Temperatures on court climbed well above thirty degrees in the afternoon.",
    "It was a long day for the ball kids, with three matches going the distance.",
    "The groundstaff worked through the night to repair the baseline on court two.",
    "Several matches were moved indoors when the evening turned cold and damp.",
];

const QUOTES: &[&str] = &[
    "\"I felt good from the first ball and I think I served really well today,\" {P} said.",
    "\"It was a tough match, he played some unbelievable points in the second set,\" said {P}.",
    "\"I just tried to stay calm and take my chances when they came,\" {P} told reporters.",
    "\"My body feels fine and I am looking forward to the next one,\" {P} added.",
    "\"Honestly I did not expect to go this far here,\" admitted {P}.",
];

/// A made-up player's full name.
fn player(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES))
}

/// The surname of a full name (everything after the given name).
fn surname(full: &str) -> &str {
    full.split_once(' ').map_or(full, |(_, s)| s)
}

/// A winner's score of `sets` sets (best of three or five), with tie-breaks and the odd retirement.
pub fn score(rng: &mut Rng, best_of_five: bool) -> String {
    let sets_to_win = if best_of_five { 3 } else { 2 };
    let lost = rng.below(sets_to_win);
    // Sets won (true) and lost (false), shuffled, then the winner takes the last set.
    let mut order: Vec<bool> = vec![true; sets_to_win];
    order.extend(std::iter::repeat_n(false, lost));
    let n = order.len();
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    if !order[n - 1] {
        let w = order.iter().position(|&x| x).unwrap_or(0);
        order.swap(w, n - 1);
    }
    let mut parts = Vec::new();
    for won in order {
        let set = match rng.below(6) {
            0 => {
                let tb = rng.below(6);
                let (a, b) = (7 + tb / 3, tb);
                if won {
                    format!("7-6 ({a}-{b})")
                } else {
                    format!("6-7 ({b}-{a})")
                }
            }
            1 => (if won { "7-5" } else { "5-7" }).to_string(),
            k => {
                let l = [0, 1, 2, 3, 4, 2][k];
                if won {
                    format!("6-{l}")
                } else {
                    format!("{l}-6")
                }
            }
        };
        parts.push(set);
    }
    let mut s = parts.join(" ");
    if rng.below(25) == 0 {
        s.push_str(" retired");
    }
    s
}

/// One article of about `target` bytes (at least a headline and a lead paragraph), as plain text with a
/// headline line. Paragraphs are separated by blank lines.
pub fn article(seed: u64, target: usize) -> String {
    let mut rng = Rng::new(seed);
    let cast: Vec<String> = (0..8).map(|_| player(&mut rng)).collect();
    let tournament = rng.pick(TOURNAMENTS);
    let slam = matches!(
        tournament,
        "Australian Open" | "French Open" | "Wimbledon" | "US Open"
    );
    let (w, l) = (&cast[0], &cast[1]);
    let round = rng.pick(ROUNDS);
    let mut out = String::with_capacity(target + 512);
    out.push_str(&format!(
        "{} through to {} at {}\n\n",
        surname(w),
        round,
        tournament
    ));
    let (country, demonym) = COUNTRIES[rng.below(COUNTRIES.len())];
    out.push_str(&format!(
        "{}th seed {w} {} {}'s {l} {} to reach the {} of the {tournament} on Tuesday.\n\n",
        4 + rng.below(12),
        rng.pick(BEAT),
        country,
        score(&mut rng, slam),
        round,
    ));
    let mut k = 0usize;
    while out.len() < target {
        k += 1;
        // Four distinct players for this paragraph.
        let first = rng.below(cast.len());
        let step = 1 + rng.below(cast.len() / 4 - 1);
        let [a, b, c, d] = [0, 1, 2, 3].map(|i| &cast[(first + i * step) % cast.len()]);
        let para = match rng.below(11) {
            0 => format!(
                "The {demonym}, ranked {} in the world, had lost both of their previous meetings.",
                10 + rng.below(80)
            ),
            1 => format!(
                "World number {} {a} {} {} {} in the {}, and {} will face the {} seed next.",
                1 + rng.below(40),
                rng.pick(BEAT),
                b,
                score(&mut rng, slam),
                rng.pick(ROUNDS),
                surname(a),
                rng.pick(ORDINALS),
            ),
            2 => rng.pick(QUOTES).replace("{P}", surname(a)),
            3 => format!(
                "Earlier, {} needed {} sets to get past {b}, who retired in the fourth with a back injury.",
                surname(a),
                3 + rng.below(2),
            ),
            4 => format!(
                "Results from day {k}:\n{a} bt {b} {}\n{c} bt {d} {}\n{b} bt {c} {}",
                score(&mut rng, slam),
                score(&mut rng, slam),
                score(&mut rng, slam),
            ),
            5 => format!(
                "The {}-year-old from {country} lost {} to {b} in last year's {}.",
                18 + rng.below(16),
                score(&mut rng, slam),
                rng.pick(TOURNAMENTS),
            ),
            6 => format!(
                "{} was seeded {} here and had dropped only {} games all week before running into {}.",
                surname(a),
                1 + rng.below(16),
                rng.below(30),
                surname(b),
            ),
            7 => format!(
                "In the women's draw, {} seed {} came from a set down to beat {} {}. She meets {} on Thursday.",
                rng.pick(ORDINALS),
                a,
                b,
                score(&mut rng, false),
                surname(c),
            ),
            8 => format!(
                "{} and {} won the doubles title, beating {} and {} {} in the final of the {}.",
                surname(a),
                surname(b),
                surname(c),
                surname(d),
                score(&mut rng, false),
                rng.pick(TOURNAMENTS),
            ),
            _ => format!("{} {}", rng.pick(FILLER), rng.pick(FILLER)),
        };
        // Sentences start with a capital ("Del Monte was seeded ...").
        let mut chars = para.chars();
        if let Some(f) = chars.next() {
            out.extend(f.to_uppercase());
            out.push_str(chars.as_str());
        }
        out.push_str("\n\n");
    }
    out
}

/// A news page around the article of `seed`: a head with scripts and metadata, navigation, the article in
/// `<p>`s, related links, comments and a footer. About `target` bytes of article text.
pub fn html_page(seed: u64, target: usize) -> String {
    let text = article(seed, target);
    let mut paras = text.split("\n\n").filter(|p| !p.trim().is_empty());
    let headline = paras.next().unwrap_or("Tennis");
    let mut out = String::with_capacity(text.len() * 2 + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{headline} - Sport News</title>\n"));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta property=\"article:published_time\" content=\"2024-05-28T18:04:00Z\">\n");
    out.push_str("<link rel=\"stylesheet\" href=\"/static/site.css\">\n");
    out.push_str("<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} ");
    out.push_str("gtag('js', new Date()); gtag('config', 'X-000000');</script>\n");
    out.push_str("<style>.nav a{color:#333;padding:4px}.story p{line-height:1.5}.share{display:flex}</style>\n");
    out.push_str("</head><body>\n<header class=\"site-header\"><a class=\"logo\" href=\"/\">Sport News</a>\n<nav><ul>");
    for s in [
        "Home",
        "Football",
        "Cricket",
        "Tennis",
        "Golf",
        "Rugby",
        "Formula 1",
        "Athletics",
        "More",
    ] {
        out.push_str(&format!(
            "<li><a href=\"/{}\">{s}</a></li>",
            s.to_ascii_lowercase().replace(' ', "-")
        ));
    }
    out.push_str("</ul></nav></header>\n<main id=\"main-content\"><div class=\"story\">\n");
    out.push_str(&format!("<h1 class=\"story-headline\">{headline}</h1>\n"));
    out.push_str("<div class=\"byline\">By <span class=\"author\">Staff writer</span> <time datetime=\"2024-05-28\">28 May 2024</time></div>\n");
    out.push_str(
        "<div class=\"share\"><a href=\"#\">Share on social</a> <a href=\"#\">Email</a></div>\n",
    );
    out.push_str("<article class=\"story-body\">\n");
    for p in paras {
        let p = p
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('\n', "<br>\n");
        out.push_str(&format!("<p>{p}</p>\n"));
    }
    out.push_str("</article>\n<aside class=\"related\"><h2>Related stories</h2><ul>");
    for i in 0..6 {
        out.push_str(&format!(
            "<li><a href=\"/tennis/{}\">More tennis news, part {i}</a></li>",
            seed * 10 + i
        ));
    }
    out.push_str("</ul></aside>\n<section class=\"comments\"><h3>Comments</h3><p>Comments are closed.</p></section>\n");
    out.push_str("</div></main>\n<footer><p>Copyright Sport News. All rights reserved.</p>");
    out.push_str("<a href=\"/terms\">Terms</a> <a href=\"/privacy\">Privacy</a></footer>\n");
    out.push_str("<script src=\"/static/app.js\" async></script>\n</body></html>\n");
    out
}

/// The benches' batch measurement: `docs` extracted by one `Extractor::extract_batch` call, each article's
/// JSON line written; returns the bytes of JSON.
pub fn batch_json_bytes(ex: &sportext::Extractor, docs: &[sportext::Document]) -> usize {
    let mut out = Vec::new();
    ex.extract_batch(docs)
        .iter()
        .map(|a| {
            out.clear();
            a.write_json(None, &mut out);
            out.len()
        })
        .sum()
}
