//! Word lists shared by the recognisers and the resolver: nations and their demonyms, words that are never
//! part of a person's name, and words that mark a capitalised phrase as an organisation, event or place.

use once_cell::sync::Lazy;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the FxHash mix) for the word lists: the keys are short fixed words
/// and the maps are built once, so hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`].
#[allow(dead_code)] // For other modules; the word lists here use [`WordSet`].
pub(crate) type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// (IOC-style code, country names, demonyms/adjectives).
const NATIONS: &[(&str, &[&str], &[&str])] = &[
    (
        "ARG",
        &["Argentina"],
        &["Argentine", "Argentinian", "Argentinean"],
    ),
    ("AUS", &["Australia"], &["Australian", "Aussie"]),
    ("AUT", &["Austria"], &["Austrian"]),
    ("BLR", &["Belarus"], &["Belarusian", "Belarussian"]),
    ("BEL", &["Belgium"], &["Belgian"]),
    ("BOL", &["Bolivia"], &["Bolivian"]),
    ("BIH", &["Bosnia"], &["Bosnian"]),
    ("BRA", &["Brazil"], &["Brazilian"]),
    ("BUL", &["Bulgaria"], &["Bulgarian"]),
    ("CAN", &["Canada"], &["Canadian"]),
    ("CHI", &["Chile"], &["Chilean"]),
    ("CHN", &["China"], &["Chinese"]),
    ("TPE", &["Taiwan", "Chinese Taipei"], &["Taiwanese"]),
    ("COL", &["Colombia"], &["Colombian"]),
    ("CRO", &["Croatia"], &["Croatian", "Croat"]),
    ("CYP", &["Cyprus"], &["Cypriot"]),
    ("CZE", &["Czech Republic", "Czechia"], &["Czech"]),
    ("DEN", &["Denmark"], &["Dane", "Danish"]),
    ("ECU", &["Ecuador"], &["Ecuadorian"]),
    ("EGY", &["Egypt"], &["Egyptian"]),
    (
        "GBR",
        &[
            "Britain",
            "Great Britain",
            "United Kingdom",
            "UK",
            "England",
            "Scotland",
            "Wales",
        ],
        &[
            "British",
            "Briton",
            "English",
            "Englishman",
            "Englishwoman",
            "Scot",
            "Scottish",
            "Welsh",
            "Welshman",
        ],
    ),
    ("EST", &["Estonia"], &["Estonian"]),
    ("FIN", &["Finland"], &["Finn", "Finnish"]),
    ("FRA", &["France"], &["French", "Frenchman", "Frenchwoman"]),
    ("GEO", &["Georgia"], &["Georgian"]),
    ("GER", &["Germany"], &["German"]),
    ("GRE", &["Greece"], &["Greek"]),
    ("HUN", &["Hungary"], &["Hungarian"]),
    ("IND", &["India"], &["Indian"]),
    ("INA", &["Indonesia"], &["Indonesian"]),
    ("IRL", &["Ireland"], &["Irish", "Irishman"]),
    ("ISR", &["Israel"], &["Israeli"]),
    ("ITA", &["Italy"], &["Italian"]),
    ("JPN", &["Japan"], &["Japanese"]),
    ("KAZ", &["Kazakhstan"], &["Kazakh", "Kazakhstani"]),
    (
        "KOR",
        &["South Korea", "Korea"],
        &["South Korean", "Korean"],
    ),
    ("LAT", &["Latvia"], &["Latvian"]),
    ("LTU", &["Lithuania"], &["Lithuanian"]),
    ("LUX", &["Luxembourg"], &[]),
    ("MEX", &["Mexico"], &["Mexican"]),
    ("MON", &["Monaco"], &["Monegasque", "Monacan"]),
    ("MAR", &["Morocco"], &["Moroccan"]),
    (
        "NED",
        &["Netherlands", "Holland"],
        &["Dutch", "Dutchman", "Dutchwoman"],
    ),
    ("NZL", &["New Zealand"], &["New Zealander", "Kiwi"]),
    ("NOR", &["Norway"], &["Norwegian"]),
    ("PAK", &["Pakistan"], &["Pakistani"]),
    ("PAR", &["Paraguay"], &["Paraguayan"]),
    ("PER", &["Peru"], &["Peruvian"]),
    ("PHI", &["Philippines"], &["Filipino", "Filipina"]),
    ("POL", &["Poland"], &["Pole", "Polish"]),
    ("POR", &["Portugal"], &["Portuguese"]),
    ("ROU", &["Romania"], &["Romanian"]),
    ("RUS", &["Russia"], &["Russian"]),
    ("SRB", &["Serbia"], &["Serb", "Serbian"]),
    ("SCG", &["Serbia and Montenegro"], &[]),
    ("SVK", &["Slovakia"], &["Slovak", "Slovakian"]),
    ("SLO", &["Slovenia"], &["Slovene", "Slovenian"]),
    ("RSA", &["South Africa"], &["South African"]),
    ("ESP", &["Spain"], &["Spaniard", "Spanish"]),
    ("SWE", &["Sweden"], &["Swede", "Swedish"]),
    ("SUI", &["Switzerland"], &["Swiss"]),
    ("THA", &["Thailand"], &["Thai"]),
    ("TUN", &["Tunisia"], &["Tunisian"]),
    ("TUR", &["Turkey"], &["Turk", "Turkish"]),
    ("UKR", &["Ukraine"], &["Ukrainian"]),
    (
        "USA",
        &["United States", "USA", "US", "America", "U.S."],
        &["American"],
    ),
    ("URU", &["Uruguay"], &["Uruguayan"]),
    ("UZB", &["Uzbekistan"], &["Uzbek"]),
    ("VEN", &["Venezuela"], &["Venezuelan"]),
    ("ZIM", &["Zimbabwe"], &["Zimbabwean"]),
    ("CYP", &[], &["Cypriot"]),
    ("ARM", &["Armenia"], &["Armenian"]),
    ("MDA", &["Moldova"], &["Moldovan"]),
    ("HKG", &["Hong Kong"], &[]),
];

/// A word list for fast exact lookups of short words: a pre-check (for each pair of first two bytes, folded
/// to their low five bits, and for each last byte, one bit per word length, lengths of 63 bytes and more
/// sharing the last bit) rejects most words of running text at once; the others are looked up in an
/// open-addressing table keyed by a hash of the length and the first eight bytes.
pub(crate) struct WordMap<V> {
    /// Per [`WordMap::pair`] of the first two bytes: one bit per word length.
    lens: Box<[u64; 1024]>,
    /// The same for the last byte.
    ends: [u64; 256],
    /// The slots: a power of two at least twice the number of words.
    slots: Vec<Slot<V>>,
    /// Shift that turns a hash into a slot.
    shift: u32,
}

/// A slot of a [`WordMap`].
#[derive(Clone, Copy)]
struct Slot<V> {
    /// [`key8`] of the word.
    key: u64,
    /// The word's length, or [`EMPTY`] for an empty slot.
    len: usize,
    word: &'static [u8],
    value: V,
}

/// The length of an empty [`Slot`].
const EMPTY: usize = usize::MAX;

/// The first eight bytes of `w` (fewer for a shorter word, zero-padded) as a little-endian integer, read with
/// at most two overlapping loads.
#[inline(always)]
fn key8(w: &[u8]) -> u64 {
    let n = w.len();
    let r2 = |i: usize| u64::from(u16::from_le_bytes([w[i], w[i + 1]]));
    let r4 = |i: usize| u64::from(u32::from_le_bytes([w[i], w[i + 1], w[i + 2], w[i + 3]]));
    match n {
        0 => 0,
        1 => u64::from(w[0]),
        // The two loads overlap on equal bytes: OR joins them.
        2 | 3 => r2(0) | r2(n - 2) << (8 * (n - 2)),
        4..=7 => r4(0) | r4(n - 4) << (8 * (n - 4)),
        _ => u64::from_le_bytes(w[..8].try_into().expect("8 bytes")),
    }
}

/// The key of `word` in a [`WordMap`]: its first eight bytes (fewer for a shorter word, zero-padded) as a
/// little-endian integer.
#[inline]
pub(crate) fn word_key(word: &[u8]) -> u64 {
    key8(word)
}

impl<V: Copy + Default> WordMap<V> {
    /// The map of `words`; a word listed twice keeps its last value.
    pub(crate) fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let words: Vec<(&'static str, V)> = words.into_iter().collect();
        let bits = (words.len() * 2)
            .max(16)
            .next_power_of_two()
            .trailing_zeros();
        let size = 1usize << bits;
        let empty = Slot {
            key: 0,
            len: EMPTY,
            word: &[][..],
            value: V::default(),
        };
        let mut m = WordMap {
            lens: Box::new([0; 1024]),
            ends: [0; 256],
            slots: vec![empty; size],
            shift: 64 - bits,
        };
        for (w, v) in words {
            let w = w.as_bytes();
            m.lens[Self::pair(w)] |= Self::bit(w);
            m.ends[Self::last_slot(w)] |= Self::bit(w);
            let key = key8(w);
            let mut i = m.home(key, w.len());
            while m.slots[i].len != EMPTY && m.slots[i].word != w {
                i = (i + 1) & (size - 1);
            }
            m.slots[i] = Slot {
                key,
                len: w.len(),
                word: w,
                value: v,
            };
        }
        m
    }

    /// The first two bytes (0 for a missing one), each folded to its low five bits: `0..1024`.
    #[inline]
    fn pair(w: &[u8]) -> usize {
        let b = |i: usize| w.get(i).map_or(0, |&b| usize::from(b & 31));
        b(0) << 5 | b(1)
    }

    #[inline]
    fn last_slot(w: &[u8]) -> usize {
        w.last().map_or(0, |&b| usize::from(b))
    }

    #[inline]
    fn bit(w: &[u8]) -> u64 {
        1 << w.len().min(63)
    }

    /// The first slot to probe for a word with [`key8`] `key` and length `len`.
    #[inline(always)]
    fn home(&self, key: u64, len: usize) -> usize {
        (key.wrapping_add(len as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> self.shift) as usize
    }

    /// The value of `word` (exact, case-sensitive), if listed.
    #[inline(always)]
    pub(crate) fn get_bytes(&self, word: &[u8]) -> Option<V> {
        // The pre-check inline at the caller, the table look-up out of line.
        if self.lens[Self::pair(word)] & self.ends[Self::last_slot(word)] & Self::bit(word) == 0 {
            return None;
        }
        self.lookup(word)
    }

    /// The table look-up of [`WordMap::get_bytes`], for a word that passed the pre-check.
    #[inline(never)]
    fn lookup(&self, word: &[u8]) -> Option<V> {
        self.probe(word)
    }

    /// The value of `word` (exact, case-sensitive), if listed, without the pre-check: for callers whose
    /// words are mostly listed. Inline; no call to `memcmp` for words of up to eight bytes.
    #[inline(always)]
    pub(crate) fn probe(&self, word: &[u8]) -> Option<V> {
        let key = key8(word);
        let n = word.len();
        let mask = self.slots.len() - 1;
        let mut i = self.home(key, n);
        loop {
            let s = &self.slots[i];
            if s.len == EMPTY {
                return None;
            }
            if s.key == key && s.len == n && (n <= 8 || s.word[8..] == word[8..]) {
                return Some(s.value);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `word` (exact, case-sensitive), if listed.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        self.get_bytes(word.as_bytes())
    }

    /// Every word of the list.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        // The keys were inserted as `&str`: valid UTF-8.
        self.slots
            .iter()
            .filter(|s| s.len != EMPTY)
            .map(|s| std::str::from_utf8(s.word).expect("inserted as str"))
    }
}

/// A [`WordMap`] without values.
pub(crate) type WordSet = WordMap<()>;

impl WordSet {
    /// A set of the words of `list`.
    pub(crate) fn of(list: &[&'static str]) -> Self {
        WordMap::new(list.iter().map(|&w| (w, ())))
    }

    /// True if `word` (exact, case-sensitive) is listed.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// True if `word` (exact, case-sensitive) is listed.
    #[inline]
    pub(crate) fn contains_bytes(&self, word: &[u8]) -> bool {
        self.get_bytes(word).is_some()
    }
}

static COUNTRY: Lazy<WordMap<&'static str>> = Lazy::new(|| {
    WordMap::new(
        NATIONS
            .iter()
            .flat_map(|(code, names, _)| names.iter().map(move |n| (*n, *code))),
    )
});

static DEMONYM: Lazy<WordMap<&'static str>> = Lazy::new(|| {
    WordMap::new(
        NATIONS
            .iter()
            .flat_map(|(code, _, dems)| dems.iter().map(move |d| (*d, *code)))
            // Plural and collective forms used for pairs and teams.
            .chain([
                ("Americans", "USA"),
                ("Britons", "GBR"),
                ("Spaniards", "ESP"),
                ("Russians", "RUS"),
            ]),
    )
});

/// The country code for a country name ("Spain" -> `ESP`).
#[inline]
pub(crate) fn country(word: &str) -> Option<&'static str> {
    COUNTRY.get(word)
}

/// [`country`] of a word given as bytes (a word cut out of a text at ASCII bytes: no `str` slice with its
/// char boundary tests needed for the look-up).
#[inline]
pub(crate) fn country_bytes(word: &[u8]) -> Option<&'static str> {
    COUNTRY.get_bytes(word)
}

/// The country code for a demonym ("Spaniard", "Spanish" -> `ESP`).
#[inline]
pub(crate) fn demonym(word: &str) -> Option<&'static str> {
    DEMONYM.get(word)
}

/// [`demonym`] of a word given as bytes (see [`country_bytes`]).
#[inline]
pub(crate) fn demonym_bytes(word: &[u8]) -> Option<&'static str> {
    DEMONYM.get_bytes(word)
}

/// Words that are never part of a person's name when capitalised (sentence starts, titles, calendar words).
const STOP: &[&str] = &[
    "A",
    "An",
    "The",
    "And",
    "But",
    "Or",
    "Nor",
    "So",
    "Yet",
    "If",
    "As",
    "At",
    "By",
    "For",
    "From",
    "In",
    "Into",
    "Of",
    "On",
    "To",
    "With",
    "Without",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "While",
    "When",
    "Where",
    "Why",
    "What",
    "Who",
    "Whom",
    "Which",
    "How",
    "That",
    "This",
    "These",
    "Those",
    "Then",
    "There",
    "Here",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "Him",
    "Them",
    "Me",
    "Us",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Despite",
    "Although",
    "Though",
    "Because",
    "Meanwhile",
    "However",
    "Earlier",
    "Later",
    "Elsewhere",
    "Also",
    "Now",
    "Not",
    "No",
    "Yes",
    "All",
    "Both",
    "Each",
    "Every",
    "Many",
    "Most",
    "Some",
    "Such",
    "Other",
    "Another",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Last",
    "Next",
    "Top",
    "World",
    "Former",
    "Defending",
    "Champion",
    "Seed",
    "Seeded",
    "Unseeded",
    "Number",
    "Result",
    "Results",
    "Score",
    "Scores",
    "Men",
    "Women",
    "Men's",
    "Women's",
    "Mixed",
    "Singles",
    "Doubles",
    "Round",
    "Final",
    "Finals",
    "Semi",
    "Quarter",
    "Game",
    "Set",
    "Match",
    "Tie",
    "Tennis",
    "Sport",
    "Sports",
    "News",
    "Photo",
    "Getty",
    "Images",
    "Reuters",
    "AP",
    "AFP",
    "PA",
    "Read",
    "More",
    "Related",
    "Watch",
    "Video",
    "Live",
    "Click",
    "Follow",
    "Share",
    "Advertisement",
    "Sponsored",
    "Qualifier",
    "Wildcard",
    "Loser",
    "Veteran",
    "Teenager",
    "Youngster",
    "Olympic",
    "Olympics",
    "Day",
    "Week",
    "Year",
    "Season",
    "Grand",
    "Slam",
    "Masters",
    "Open",
    "Cup",
    "Championships",
    "Championship",
    "Tour",
    "Instagram",
    "Twitter",
    "Facebook",
    "Once",
    "Even",
    "Just",
    "Only",
    "Still",
    "Yet",
    "Having",
    "Playing",
    "Speaking",
    "Asked",
    "According",
    "Speaking",
    "Victory",
    "Defeat",
    "Win",
    "Loss",
    "Rain",
    "Coach",
    "Captain",
    "Umpire",
    "Referee",
    "President",
    "Prime",
    "Minister",
    "Queen",
    "Prince",
    "Princess",
    "Royal",
    "Highness",
    "Court",
    "Centre",
    "Center",
    "Arena",
    "Stadium",
    "Club",
    "Ms.",
    "Mr.",
    "Sr",
    "Jr",
    "New",
    "Old",
    "Great",
    "Big",
    "Little",
    "Good",
    "Well",
    "Oh",
    "Why",
    "Yes",
    "Okay",
    "OK",
    "Hi",
    "Thanks",
    "Thank",
    "Congratulations",
    "Tiebreak",
    "Tie-break",
    "Set",
    "Sets",
    "Point",
    "Points",
    "Break",
    "Serve",
    "Ace",
    "Aces",
    "Indoor",
    "Outdoor",
    "Clay",
    "Grass",
    "Hard",
    "Heat",
    "Extreme",
    "Nation",
    "Nations",
    "Team",
    "Teams",
    "Group",
    "Fans",
    "Crowd",
    "Saturday's",
    "Sunday's",
    "Friday's",
    "Monday's",
    "Tuesday's",
    "Wednesday's",
    "Thursday's",
    "Today",
    "Tomorrow",
    "Yesterday",
    "Tonight",
    "Europe",
    "European",
    "Asia",
    "Asian",
    "Africa",
    "African",
    "Latin",
    "South",
    "North",
    "East",
    "West",
    "Central",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Gulf",
    "Middle",
    "Chatrier",
    "Lenglen",
    "Melbourne",
    "Paris",
    "London",
    "New York",
    "Rome",
    "Madrid",
    "Miami",
    "Dubai",
    "Doha",
    "Shanghai",
    "Beijing",
    "Tokyo",
    "Toronto",
    "Montreal",
    "Cincinnati",
    "Indian",
    "Wells",
    "Monte",
    "Carlo",
    "Barcelona",
    "Hamburg",
    "Halle",
    "Queen's",
    "Eastbourne",
    "Wimbledon",
    "Sydney",
    "Brisbane",
    "Auckland",
    "Adelaide",
    "Rotterdam",
    "Marseille",
    "Acapulco",
    "Basel",
    "Vienna",
    "Stockholm",
    "Moscow",
    "Memphis",
    "Delray",
    "Beach",
    "Houston",
    "Estoril",
    "Munich",
    "Nice",
    "Lyon",
    "Geneva",
    "Stuttgart",
    "Washington",
    "Atlanta",
    "Winston-Salem",
    "Metz",
    "Antwerp",
    "Sofia",
    "Chengdu",
    "Zhuhai",
    "Astana",
    "Turin",
    "Milan",
    "Bologna",
    "Malaga",
    "Seville",
    "Valencia",
    "Qatar",
    "Abu",
    "Dhabi",
    "Jeddah",
    "Riyadh",
    "Chennai",
    "Pune",
    "Mumbai",
    "Bangalore",
    "Delhi",
    "Kolkata",
    "Los",
    "Angeles",
    "San",
    "Las",
    "Vegas",
    "California",
    "Florida",
    "Texas",
    "Manchester",
    "Birmingham",
    "Nottingham",
    "Glasgow",
    "Edinburgh",
    "Cardiff",
    "Belfast",
    "Dublin",
    "Tel",
    "Aviv",
    "Flushing",
    "Meadows",
    "Roland",
    "Garros",
    "Roland-Garros",
    "Hopman",
    "Fed",
    "United",
    "Kingdom",
    "States",
    "Republic",
    "BBC",
    "ATP",
    "WTA",
    "ITF",
    "LTA",
    "USTA",
    "ESPN",
    "Twitter",
    "God",
    "Christmas",
    "Easter",
    "English",
    "Christ",
    "Lord",
    "Internet",
    "TV",
    "Radio",
    "Olympiad",
    "Instead",
    "Indeed",
    "Ultimately",
    "Eventually",
    "Finally",
    "Clearly",
    "Overall",
    "Afterwards",
    "Nevertheless",
    "Nonetheless",
    "Perhaps",
    "Maybe",
    "Sadly",
    "Luckily",
    "Fortunately",
    "Unfortunately",
    "Incredibly",
    "Remarkably",
    "Surprisingly",
    "Interestingly",
    "Significantly",
    "Notably",
    "Crucially",
    "Initially",
    "Previously",
    "Currently",
    "Recently",
    "Typically",
    "Similarly",
    "Likewise",
    "Otherwise",
    "Besides",
    "Moreover",
    "Furthermore",
    "Additionally",
    "Again",
    "Already",
    "Soon",
    "Basically",
    "Obviously",
    "Certainly",
    "Honestly",
    "Frankly",
    "Admittedly",
    "Ironically",
    "Thankfully",
    "Hopefully",
    "Fla",
    "Calif",
    "Ariz",
    "Mass",
    "Conn",
    "Tenn",
    "Tex",
    "Okla",
    "Colo",
    "Wash",
    "Penn",
    "Duty",
    "Free",
    "Tamil",
    "Uncle",
    "Auntie",
    "Congrats",
    "Congratulations",
    "Clutch",
    "Classy",
    "Edgy",
    "Dogged",
    "Haggard",
    "Brave",
    "Battling",
    "Tearful",
    "Emotional",
    "Delighted",
    "Defiant",
    "Dominant",
    "Ruthless",
    "Relieved",
    "Stunning",
    "Superb",
    "Magnificent",
    "Majestic",
    "Injured",
    "Inspired",
    "Fit",
    "Tired",
    "York",
    "Mount",
    "Le",
    "La",
    "El",
    "Los",
    "Las",
    "Saint",
    "Fort",
    "Port",
    "Cape",
    "Lake",
    "Paralympic",
    "Paralympics",
    "Junior",
    "Juniors",
    "Boys",
    "Girls",
    "Legends",
    "Senior",
    "Seniors",
    "Exhibition",
    "Fame",
    "Award",
    "Awards",
    "Player",
    "Players",
    "Personality",
    "Open's",
    "Cup's",
    "Slam's",
    "Era",
    "Bronze",
    "Silver",
    "Gold",
    "Medal",
    "Ireland",
    "Dutch",
    "Nadal's",
];

/// Stop words, country names and demonyms in one set: [`is_stop`] is one lookup.
static STOP_SET: Lazy<WordSet> = Lazy::new(|| {
    WordMap::new(
        STOP.iter()
            .copied()
            .chain(COUNTRY.keys())
            .chain(DEMONYM.keys())
            .map(|w| (w, ())),
    )
});

/// True for capitalised words that never belong to a person's name in sports copy.
#[inline]
pub(crate) fn is_stop(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Words that make a capitalised phrase an event, organisation or place ("Dubai Open", "Rod Laver Arena").
const ORG: &[&str] = &[
    "Open",
    "Masters",
    "Cup",
    "Championships",
    "Championship",
    "Classic",
    "International",
    "Internationals",
    "Trophy",
    "Arena",
    "Stadium",
    "Court",
    "Centre",
    "Center",
    "Club",
    "Tour",
    "Slam",
    "Games",
    "Olympics",
    "Federation",
    "Association",
    "League",
    "University",
    "College",
    "School",
    "Hotel",
    "Park",
    "Road",
    "Street",
    "Series",
    "Finals",
    "Prix",
    "Tennis",
    "Council",
    "Committee",
    "Foundation",
    "Academy",
    "Group",
    "Company",
    "Bank",
    "Airlines",
    "Airways",
    "Times",
    "Post",
    "Herald",
    "Telegraph",
    "Guardian",
    "Journal",
    "Press",
    "Agency",
    "Ministry",
    "Office",
    "Hospital",
    "Institute",
    "Museum",
    "Garden",
    "Gardens",
    "Square",
    "Avenue",
    "Island",
    "Islands",
    "Coast",
    "River",
    "Lake",
    "Mountain",
    "City",
    "County",
    "State",
    "Region",
    "Province",
    "Airport",
    "Station",
    "Palace",
    "Church",
    "Cathedral",
    "Castle",
    "Bridge",
    "Personality",
    "Award",
    "Awards",
    "Fame",
    "Era",
    "Hardcourts",
    "Hardcourt",
    "Indoors",
    "Indoor",
    "Invitational",
    "Challenger",
    "Futures",
    "Qualifying",
    "Draw",
    "Rankings",
    "Ranking",
    "Race",
    "Grass",
    "Clay",
    "Week",
    "Day",
    "Weekend",
    "Medal",
    "Team",
    "United",
    "Rovers",
    "Athletic",
    "Wanderers",
    "Town",
    "Albion",
];

static ORG_SET: Lazy<WordSet> = Lazy::new(|| WordSet::of(ORG));

/// True for words that mark a capitalised phrase as an event, organisation or place.
#[inline]
pub(crate) fn is_org(word: &str) -> bool {
    ORG_SET.contains(word)
}

/// [`NameFlags`]: a stop word, country name or demonym ([`is_stop`]).
pub(crate) const NAME_STOP: u8 = 1;
/// [`NameFlags`]: an organisation word ([`is_org`]).
pub(crate) const NAME_ORG: u8 = 2;

/// Stop words and organisation words in one table, with their [`NAME_STOP`] and [`NAME_ORG`] flags.
static NAME_WORDS: Lazy<NameTable> = Lazy::new(|| {
    let mut flags: std::collections::BTreeMap<&'static str, u8> = Default::default();
    for w in STOP_SET.keys() {
        *flags.entry(w).or_default() |= NAME_STOP;
    }
    for &w in ORG {
        *flags.entry(w).or_default() |= NAME_ORG;
    }
    NameTable::new(flags)
});

/// The compact open-addressing table behind [`NameFlags`]: 16-byte slots (a key and a meta, [`NameSlots`]), at
/// least eight per word, so that a look-up is a multiply, a shift and (mostly) one slot read and compare, all
/// inline.
struct NameTable {
    /// The slots; one with key 0 is empty (no listed word is empty or starts with a zero byte). A fixed number,
    /// so that the mask and the shift of a look-up are constants.
    slots: Box<NameSlots>,
    /// The bytes after the eighth of the words longer than eight bytes, indexed by [`NameSlots::metas`].
    tails: Vec<&'static [u8]>,
    /// Bit `c % 32` for each one-letter word `c` ('A'..='Z', bits 1..=26) with the [`NAME_ORG`] flag: the
    /// byte itself is the shift (a 32-bit shift or bit test takes its count modulo 32), no `c - b'A'`.
    org_letters: u32,
    /// [`NAME_MUL`], read from memory by [`NameTable::flags`]: as a constant it takes a `movabs` into a register
    /// for every look-up (no multiply takes a 64-bit immediate); read from here, the `imul` takes it from memory.
    mul: u64,
}

/// The multiplier of [`NameTable::home`].
const NAME_MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// The number of slots of the [`NameTable`]: at least eight per word. Twice the four of earlier rounds: one
/// look-up in five went on past an occupied home slot (an unlisted word whose home a listed one holds, or
/// the cluster after it), most of them with a mispredicted branch; at half the load fewer do (128 KB of slots
/// rather than 64 KB, the hot ones the few listed words of running text).
const NAME_SLOTS: usize = 8192;

/// The slots of a [`NameTable`]: slot `i` is `keys[i]` and `metas[i]`. Two arrays of eight-byte values rather
/// than one of 16-byte slots, so that an index reaches either with a scale of eight (x86 addresses take no
/// scale of sixteen: a 16-byte slot took a copy and a `shl $4` of the index per probe), and in one allocation,
/// so that the metas are at a constant offset from the keys (no second pointer read on a hit).
struct NameSlots {
    /// [`word_key`] of each slot's word: its first eight bytes, zero-padded; 0 for an empty slot.
    keys: [u64; NAME_SLOTS],
    /// Bits 0..16: the word's length; 16..24: its flags; bit 24: [`LONG_WORD`]; 32..64: the index of its tail
    /// in [`NameTable::tails`] (words longer than eight bytes only).
    metas: [u64; NAME_SLOTS],
}

/// [`NameSlots::metas`]: the word is longer than eight bytes (its bytes past the eighth are in
/// [`NameTable::tails`]).
const LONG_WORD: u64 = 1 << 24;

impl NameTable {
    fn new(words: impl IntoIterator<Item = (&'static str, u8)>) -> Self {
        let words: Vec<(&'static str, u8)> = words.into_iter().collect();
        assert!(words.len() * 8 <= NAME_SLOTS, "room for the name words");
        let mut t = NameTable {
            slots: Box::new(NameSlots {
                keys: [0; NAME_SLOTS],
                metas: [0; NAME_SLOTS],
            }),
            tails: Vec::new(),
            org_letters: 0,
            mul: NAME_MUL,
        };
        for (w, flags) in words {
            let w = w.as_bytes();
            assert!(
                !w.is_empty() && w[0] != 0 && w.len() < 1 << 16,
                "a name word"
            );
            let key = key8(w);
            let mut meta = w.len() as u64 | u64::from(flags) << 16;
            if w.len() > 8 {
                meta |= LONG_WORD | (t.tails.len() as u64) << 32;
                t.tails.push(&w[8..]);
            }
            let mut i = Self::home(key, NAME_MUL);
            // The words come from a map: none is listed twice.
            while t.slots.keys[i] != 0 {
                i = (i + 1) % NAME_SLOTS;
            }
            t.slots.keys[i] = key;
            t.slots.metas[i] = meta;
        }
        for c in b'A'..=b'Z' {
            if t.flags(u64::from(c), &[c], 0, 1) & NAME_ORG != 0 {
                t.org_letters |= 1 << (c % 32);
            }
        }
        t
    }

    /// The first slot to probe for a word with [`word_key`] `key`; `mul` is [`NAME_MUL`] (or the table's copy
    /// of it, [`NameTable::mul`]).
    #[inline(always)]
    fn home(key: u64, mul: u64) -> usize {
        (key.wrapping_mul(mul) >> (64 - NAME_SLOTS.trailing_zeros())) as usize
    }

    /// The flags of `word`, whose [`word_key`] is `key` (0 for unlisted words).
    #[inline(always)]
    fn flags(&self, key: u64, text: &[u8], start: usize, end: usize) -> u8 {
        debug_assert_eq!(key, key8(&text[start..end]));
        let len = end.wrapping_sub(start);
        let mut i = Self::home(key, self.mul);
        loop {
            let k = self.slots.keys[i];
            if k == key {
                let meta = self.slots.metas[i];
                // A word of the same length (so longer than eight bytes just when the slot's is) whose tail,
                // if any, is the same. The slot's [`LONG_WORD`] bit rather than `len > 8`: a test of `len`,
                // which the loop does not change, the compiler hoists out of it into a branch of its own per
                // look-up (about one in seven words is longer than eight bytes: it mispredicts often), and
                // makes two copies of the loop.
                if meta as u16 as usize == len
                    && (meta & LONG_WORD == 0 || self.long_tail_is(meta, text, start + 8, end))
                {
                    return (meta >> 16) as u8;
                }
            } else if k == 0 {
                return 0;
            }
            i = (i + 1) % NAME_SLOTS;
        }
    }

    /// Whether `text[from..end]` is the tail of the word of a slot with `meta`.
    #[inline(never)]
    fn long_tail_is(&self, meta: u64, text: &[u8], from: usize, end: usize) -> bool {
        text.get(from..end) == Some(self.tails[(meta >> 32) as usize])
    }
}

/// The [`NAME_STOP`] and [`NAME_ORG`] flags of words: one look-up for both [`is_stop`] and [`is_org`].
/// Got once by [`name_flags`] (the table is built on first use), then asked per word.
#[derive(Clone, Copy)]
pub(crate) struct NameFlags(&'static NameTable);

impl NameFlags {
    /// The flags of `word` (0 for other words).
    #[cfg(test)]
    pub(crate) fn of(self, word: &[u8]) -> u8 {
        self.0.flags(key8(word), word, 0, word.len())
    }

    /// Whether the one-letter word `c` (an ASCII capital) has the [`NAME_ORG`] flag: [`NameFlags::of`]
    /// without a look-up.
    #[inline(always)]
    pub(crate) fn letter_is_org(self, c: u8) -> bool {
        debug_assert!(c.is_ascii_uppercase());
        self.0.org_letters >> (c & 31) & 1 != 0
    }

    /// [`NameFlags::of`] for the word `text[start..end]`, whose [`word_key`] is `key`.
    #[inline(always)]
    pub(crate) fn of_key(self, key: u64, text: &[u8], start: usize, end: usize) -> u8 {
        self.0.flags(key, text, start, end)
    }
}

/// The [`NameFlags`] look-up.
#[inline]
pub(crate) fn name_flags() -> NameFlags {
    NameFlags(&NAME_WORDS)
}

/// A known three-letter country code, as a static string.
pub(crate) fn code(c: &str) -> Option<&'static str> {
    NATIONS.iter().map(|(code, _, _)| *code).find(|&k| k == c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The look-ups on bytes answer as the ones on `str`.
    #[test]
    fn byte_look_ups_answer_as_str_ones() {
        assert_eq!(country_bytes(b"Spain"), Some("ESP"));
        assert_eq!(demonym_bytes(b"Spanish"), Some("ESP"));
        assert_eq!(demonym_bytes(b"Americans"), Some("USA"));
        for w in [
            "Spai",
            "Spain's",
            "spain",
            "Spain\u{e9}",
            "",
            "S",
            "American",
            "Switzerland",
        ] {
            assert_eq!(country_bytes(w.as_bytes()), country(w), "{w}");
            assert_eq!(demonym_bytes(w.as_bytes()), demonym(w), "{w}");
        }
        for w in COUNTRY.keys().chain(DEMONYM.keys()) {
            assert_eq!(country_bytes(w.as_bytes()), country(w), "{w}");
            assert_eq!(demonym_bytes(w.as_bytes()), demonym(w), "{w}");
        }
    }

    /// Small maps whose probe chains run past the last slot wrap to the first one and still find every word
    /// (a map has its own size, whatever other tables use).
    #[test]
    fn small_maps_find_every_word_across_the_wrap() {
        let words: Vec<&'static str> = (0..26u8)
            .flat_map(|a| (0..26u8).flat_map(move |b| (0..26u8).map(move |c| [a, b, c])))
            .map(|w| {
                &*String::from_utf8(w.iter().map(|&x| b'a' + x).collect())
                    .unwrap()
                    .leak()
            })
            .collect();
        for set in words.chunks(8) {
            let map = WordMap::new(set.iter().enumerate().map(|(k, &w)| (w, k as u32 + 1)));
            for (k, w) in set.iter().enumerate() {
                assert_eq!(
                    map.probe(w.as_bytes()),
                    Some(k as u32 + 1),
                    "{w} in {set:?}"
                );
            }
            assert_eq!(map.probe(b"zzzz"), None);
        }
    }

    /// `resolve::players::explicit_nationality` looks words up here only when they start with an ASCII capital
    /// (or a non-ASCII byte): every country name and demonym must start with one.
    #[test]
    fn countries_and_demonyms_start_with_an_ascii_capital() {
        for w in COUNTRY.keys().chain(DEMONYM.keys()) {
            assert!(w.as_bytes()[0].is_ascii_uppercase(), "{w}");
        }
    }

    #[test]
    fn word_maps_tell_words_apart_past_eight_bytes() {
        let words = [
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghXY",
            "abcdefghXZ",
        ];
        let map = WordMap::new(words.iter().enumerate().map(|(k, &w)| (w, k + 1)));
        for (k, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(k + 1), "{w}");
            assert_eq!(map.probe(w.as_bytes()), Some(k + 1), "{w}");
        }
        for w in [
            "",
            "b",
            "ac",
            "abd",
            "abce",
            "abcdefghX",
            "abcdefghXYZ",
            "abcdefgiXY",
            "bbcdefgh",
        ] {
            assert_eq!(map.get(w), None, "{w}");
            assert_eq!(map.probe(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn word_maps_agree_with_hash_maps() {
        let pairs: Vec<(&'static str, &'static str)> = NATIONS
            .iter()
            .flat_map(|(code, names, dems)| {
                names.iter().chain(dems.iter()).map(move |n| (*n, *code))
            })
            .collect();
        let map = WordMap::new(pairs.iter().copied());
        let reference: std::collections::HashMap<&str, &str> = pairs.iter().copied().collect();
        for (k, v) in &reference {
            assert_eq!(map.get(k), Some(*v), "{k}");
        }
        let mut keys: Vec<&str> = map.keys().collect();
        keys.sort_unstable();
        let mut want: Vec<&str> = reference.keys().copied().collect();
        want.sort_unstable();
        assert_eq!(keys, want);
        for w in STOP.iter().chain(ORG) {
            assert_eq!(
                is_stop(w),
                STOP.contains(w) || COUNTRY.get(w).is_some(),
                "{w}"
            );
            assert_eq!(is_org(w), ORG.contains(w), "{w}");
            for probe in [
                &w[1..],
                &w[..w.len() - 1],
                &format!("{w}s")[..],
                &format!("x{w}")[..],
            ] {
                let stop = STOP.contains(&probe)
                    || COUNTRY.get(probe).is_some()
                    || DEMONYM.get(probe).is_some();
                assert_eq!(is_stop(probe), stop, "{probe}");
                assert_eq!(is_org(probe), ORG.contains(&probe), "{probe}");
            }
        }
        assert!(!is_stop("") && !is_org(""));
        for w in STOP_SET
            .keys()
            .chain(ORG.iter().copied())
            .chain(["", "X", "Xy", "Spains", "Ope"])
        {
            // The word, and near misses that share its first eight bytes or its length.
            let near = [
                w.to_string(),
                format!("{w}s"),
                format!("{w}'s"),
                w.get(..w.len().saturating_sub(1)).unwrap_or("").to_string(),
                format!("x{}", w.get(1..).unwrap_or("")),
                // Same length and (past eight bytes) the same key: the tail tells them apart.
                format!("{}x", w.get(..w.len().saturating_sub(1)).unwrap_or("")),
            ];
            for p in &near {
                let want = (u8::from(is_stop(p)) * NAME_STOP) | (u8::from(is_org(p)) * NAME_ORG);
                assert_eq!(name_flags().of(p.as_bytes()), want, "{p}");
            }
        }
    }

    /// Every demonym ends with an ASCII letter (`players::first_word_before` stops at a word that ends with
    /// another ASCII byte, with no look-up).
    #[test]
    fn demonyms_end_with_letters() {
        let mut n = 0;
        for w in DEMONYM.keys() {
            assert!(
                w.as_bytes().last().is_some_and(u8::is_ascii_alphabetic),
                "{w:?}"
            );
            n += 1;
        }
        assert!(n > 100, "{n}");
    }
}
