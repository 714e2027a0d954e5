//! HTML input: decoding the bytes of a page and extracting the article (body text, headline, publication date).
//!
//! The page is parsed with `scraper` (html5ever), then flattened into an arena in document order. Every later
//! step is a loop over that arena (no recursion), so pages nested thousands of tags deep cannot overflow the
//! stack, and every step is linear in the size of the page.
//!
//! The body comes from, in order of preference: JSON-LD `articleBody`; an element marked
//! `itemprop="articleBody"` or an `<article>`; the block of the page with the densest paragraph text (a
//! readability-style score). Boilerplate (scripts, navigation, headers and footers, asides, forms, figures, share
//! widgets, comments, related links, ...) is dropped by tag and by class/id hints.

use crate::error::{Error, ErrorKind};
use crate::input::Document;
use crate::input::text::{check_binary, check_text, decode_with, utf8_or_1252};
use crate::lexicon::FxHashMap;
use ego_tree::iter::Edge;
use encoding_rs::{Encoding, UTF_8};
use once_cell::sync::Lazy;
use regex::Regex;
use scraper::{Html, Node};
use serde_json::Value;

/// Decodes the bytes of an HTML page: a byte-order mark wins, then the charset declared in the first 4 KiB
/// (`<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`), else UTF-8, else
/// Windows-1252 with the warning `"not valid UTF-8: decoded as Windows-1252"`.
///
/// # Errors
/// [`ErrorKind::Binary`] for binary data (see [`crate::input::text::decode`]), [`ErrorKind::Empty`] for empty or
/// whitespace-only input.
pub fn decode_html(bytes: &[u8]) -> Result<(String, Vec<String>), Error> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::Empty, "the input is empty"));
    }
    let mut warnings = Vec::new();
    let text = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        decode_with(enc, &bytes[bom_len..], &mut warnings)
    } else {
        check_binary(bytes)?;
        match declared_charset(bytes) {
            Some(enc) if enc != UTF_8 => decode_with(enc, bytes, &mut warnings),
            // Declared UTF-8: as it is when valid (checked once), else the bad bytes replaced.
            Some(_) => match super::text::utf8(bytes) {
                Some(s) => s.to_string(),
                None => decode_with(UTF_8, bytes, &mut warnings),
            },
            // Undeclared: UTF-8 when valid, else the Windows-1252 fallback.
            None => utf8_or_1252(bytes, &mut warnings),
        }
    };
    check_text(&text)?;
    Ok((text, warnings))
}

/// The encoding declared by a `<meta>` tag in the first 4 KiB of `bytes`, if any. UTF-16 labels are read as
/// UTF-8 (as browsers do: a UTF-16 page would have needed a BOM to get this far).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static META_CHARSET: Lazy<regex::bytes::Regex> = Lazy::new(|| {
        regex::bytes::Regex::new(r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
            .expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let caps = META_CHARSET.captures(head)?;
    let enc = Encoding::for_label(caps.get(1)?.as_bytes())?;
    if enc == encoding_rs::UTF_16LE
        || enc == encoding_rs::UTF_16BE
        || enc == encoding_rs::REPLACEMENT
    {
        return Some(UTF_8);
    }
    Some(enc)
}

/// Deepest element nesting accepted. The HTML parser's work grows with the square of the nesting depth (100,000
/// nested `<div>`s take minutes), while real pages stay within a few hundred.
pub const MAX_DEPTH: usize = 4096;

/// A cheap over-estimate of how deeply the elements of `html` nest: start tags minus end tags, not counting void
/// elements, self-closing tags and tags whose end is implied (`p`, `li`, `td`, ...); the content of `script`,
/// `style`, `textarea` and comments is skipped. Stops counting once past [`MAX_DEPTH`].
pub fn nesting_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = i + close as usize;
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        if j == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &b[start..j];
        let tag = TagName::of(name);
        let end = memchr::memchr(b'>', &b[j..]).map_or(b.len(), |e| j + e);
        let self_closing = end > j && b[end - 1] == b'/';
        i = end.min(b.len());
        if close {
            if !tag.no_depth() {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if tag.raw_text() {
            // Skip to the matching end tag.
            let mut k = i;
            loop {
                match memchr::memmem::find(&b[k..], b"</") {
                    None => {
                        i = b.len();
                        break;
                    }
                    Some(e) => {
                        k += e + 2;
                        if b.len() >= k + name.len()
                            && b[k..k + name.len()].eq_ignore_ascii_case(name)
                        {
                            i = k;
                            break;
                        }
                    }
                }
            }
            continue;
        }
        if !self_closing && !tag.no_depth() {
            depth += 1;
            max = max.max(depth);
            if max > MAX_DEPTH {
                break;
            }
        }
    }
    max
}

/// A tag name in ASCII lower case (names of more than 16 bytes, which no list below holds, are cut).
struct TagName {
    low: [u8; 16],
    len: usize,
}

impl TagName {
    fn of(name: &[u8]) -> Self {
        let mut low = [0u8; 16];
        // Longer names are in no list: they are kept as the empty name.
        let len = if name.len() <= 16 { name.len() } else { 0 };
        low[..len].copy_from_slice(&name[..len]);
        low.make_ascii_lowercase();
        TagName { low, len }
    }

    /// Elements that add no depth: void elements and those whose end tag may be implied.
    fn no_depth(&self) -> bool {
        matches!(
            &self.low[..self.len],
            b"p" | b"li"
                | b"dt"
                | b"dd"
                | b"tr"
                | b"td"
                | b"th"
                | b"option"
                | b"optgroup"
                | b"rp"
                | b"rt"
                | b"colgroup"
                | b"tbody"
                | b"thead"
                | b"tfoot"
                | b"area"
                | b"base"
                | b"br"
                | b"col"
                | b"embed"
                | b"hr"
                | b"img"
                | b"input"
                | b"link"
                | b"meta"
                | b"param"
                | b"source"
                | b"track"
                | b"wbr"
                | b"keygen"
                | b"frame"
                | b"basefont"
                | b"isindex"
        )
    }

    /// Elements whose content is raw text (skipped to their end tag).
    fn raw_text(&self) -> bool {
        matches!(
            &self.low[..self.len],
            b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"plaintext" | b"noscript"
        )
    }
}

/// Extracts the article of an HTML page: body text (paragraphs separated by `"\n\n"`), headline and publication
/// date. `source` is carried into the [`Document`].
///
/// # Errors
/// [`ErrorKind::Html`] when the page holds no article text, or nests elements deeper than [`MAX_DEPTH`].
pub fn parse_html(html: &str, source: Option<String>) -> Result<Document, Error> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(Error::new(
            ErrorKind::Html,
            format!("HTML nested more than {MAX_DEPTH} elements deep (about {depth}): refused"),
        ));
    }
    // Script and style content is never read (JSON-LD aside): the parser need not tokenise it.
    let doc = Html::parse_document(&crate::input::strip::strip_raw_text(html));
    let mut page = Page::build(&doc);
    let body = page.body();
    if body.trim().is_empty() {
        return Err(Error::new(
            ErrorKind::Html,
            "no article text found in the HTML",
        ));
    }
    Ok(Document {
        source,
        headline: page.headline(),
        published: page.published(),
        body,
        warnings: Vec::new(),
    })
}

// ---------------------------------------------------------------------------------------------------------------
// The arena.

/// What an element is, for extraction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Text,
    Inline,
    Link,
    Br,
    Block,
    Para,
    Heading,
    Title,
    Item,
    List,
    Quote,
    Table,
    Row,
    Cell,
    Article,
    Main,
    Body,
    /// Dropped by tag (nav, header, footer, aside, form, figure, ...) unless it holds most of the page's text.
    Boiler,
}

impl Kind {
    fn is_block(self) -> bool {
        !matches!(self, Kind::Text | Kind::Inline | Kind::Link | Kind::Br)
    }
}

/// What a tag is: skipped with its subtree, or kept as a [`Kind`].
enum Tag {
    Skip,
    Keep(Kind),
}

fn classify(name: &str) -> Tag {
    use Kind::*;
    Tag::Keep(match name {
        "p" => Para,
        "pre" => Para,
        "h1" => Title,
        "h2" | "h3" | "h4" | "h5" | "h6" => Heading,
        "li" | "dt" | "dd" => Item,
        "ul" | "ol" | "dl" => List,
        "blockquote" => Quote,
        "table" => Table,
        "tr" => Row,
        "td" | "th" => Cell,
        "a" => Link,
        "br" | "hr" => Br,
        "article" => Article,
        "main" => Main,
        "body" => Body,
        "div" | "section" | "center" | "html" | "head" | "tbody" | "thead" | "tfoot"
        | "caption" | "details" | "summary" | "address" | "hgroup" | "fieldset" | "legend" => Block,
        "nav" | "header" | "footer" | "aside" | "form" | "figure" | "figcaption" | "menu"
        | "dialog" => Boiler,
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "embed" | "canvas" | "video" | "audio" | "picture" | "img" | "select" | "textarea"
        | "button" | "input" | "option" | "title" | "meta" | "link" | "map" | "frameset"
        | "frame" | "source" | "track" => return Tag::Skip,
        _ => Inline,
    })
}

/// One node of the flattened page.
struct N<'a> {
    kind: Kind,
    /// The text of a text node.
    text: &'a str,
    /// Index of the parent element (`u32::MAX` for none).
    parent: u32,
    /// Index one past the last node of this subtree.
    end: u32,
    /// Class/id hint: negative for boilerplate, positive for content.
    hint: i8,
    /// Marked `itemprop="articleBody"`.
    body_prop: bool,
    /// Has the `hidden` attribute.
    hidden: bool,
    /// Dropped, with its subtree.
    removed: bool,
    /// Inside a link.
    in_link: bool,
    /// Has a block-level child element.
    has_block: bool,
    /// Non-space characters in the subtree, before boilerplate removal.
    raw_len: u32,
    /// Non-space characters inside paragraphs (`<p>`, `<pre>`) in the subtree, before removal.
    raw_p: u32,
    /// Non-space characters in paragraphs with few links, after removal.
    good_p: u32,
    /// Non-space characters in the subtree, after removal.
    len: u32,
    /// Of which inside links.
    link_len: u32,
    /// Commas in the subtree.
    commas: u32,
    /// Paragraph score gathered from descendants.
    score: f32,
}

const NONE: u32 = u32::MAX;

/// Climb from the best container to its parent when the parent holds this many times its good paragraph text.
const CLIMB_RATIO: f32 = 1.25;
/// ... and its link density is below this.
const CLIMB_MAX_LD: f32 = 0.3;
/// Paragraphs shorter than this (non-space characters) do not count as good paragraph text.
const GOOD_P_MIN: u32 = 120;

/// The parsed page: the arena plus what the head and JSON-LD say.
struct Page<'a> {
    nodes: Vec<N<'a>>,
    title: Option<String>,
    og_title: Option<String>,
    site_name: Option<String>,
    meta_date: Option<String>,
    time_date: Option<String>,
    ld: LdInfo,
}

/// What JSON-LD says about the article.
#[derive(Default)]
struct LdInfo {
    headline: Option<String>,
    body: Option<String>,
    date: Option<String>,
}

/// Boilerplate words that drop an element whatever it holds (comment threads can outweigh the article).
const STRONG_PARTS: &[&str] = &["comment", "disqus"];

/// Boilerplate words matched anywhere inside a class/id token.
const NEG_PARTS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "related",
    "promo",
    "newsletter",
    "subscri",
    "advert",
    "cookie",
    "breadcrumb",
    "sidebar",
    "footer",
    "outbrain",
    "taboola",
    "recommend",
    "trending",
    "paywall",
    "byline",
    "disqus",
    "masthead",
    "navbar",
    "navigation",
    "dateline",
    "timestamp",
    "toolbar",
    "sponsor",
    "signup",
    "readmore",
    "alsoread",
    "morestories",
    "recirc",
    "popular",
    "banner",
    "pagination",
    "caption",
];

/// Boilerplate words matched as whole class/id tokens (tokens split at punctuation and camelCase humps).
const NEG_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "aside",
    "author",
    "bio",
    "contact",
    "copyright",
    "credit",
    "credits",
    "dfp",
    "follow",
    "gpt",
    "header",
    "hidden",
    "hide",
    "keywords",
    "login",
    "menu",
    "meta",
    "modal",
    "nav",
    "overlay",
    "pager",
    "partner",
    "popup",
    "print",
    "rating",
    "skip",
    "tags",
    "teaser",
    "tools",
    "topics",
    "utility",
    "widget",
];

/// Content words matched anywhere in the class/id string.
const POS_PARTS: &[&str] = &[
    "article", "content", "entry", "post", "story", "body", "text", "main", "blog",
];

/// One automaton for the parts of [`STRONG_PARTS`], [`NEG_PARTS`] and [`POS_PARTS`] (in that order of ids).
static PARTS: Lazy<aho_corasick::AhoCorasick> = Lazy::new(|| {
    let all = STRONG_PARTS.iter().chain(NEG_PARTS).chain(POS_PARTS);
    aho_corasick::AhoCorasick::new(all).expect("class parts")
});

/// Scores the `class`, `id` and `role` of an element: negative for boilerplate, positive for content.
///
/// Tokens are the runs of ASCII letters and digits, also split at camelCase humps ("articleBody": "article",
/// "body"). A token that is one of [`NEG_TOKENS`] or holds one of [`NEG_PARTS`] marks boilerplate, one holding
/// [`STRONG_PARTS`] strong boilerplate; [`POS_PARTS`] anywhere in the lowercased string mark content. One pass of
/// one automaton finds every part; a part counts for a token when no hump falls inside it.
fn class_hint(s: &str) -> i8 {
    let b = s.as_bytes();
    let hump = |p: usize| {
        p > 0
            && b[p].is_ascii_uppercase()
            && (b[p - 1].is_ascii_lowercase() || b[p - 1].is_ascii_digit())
    };
    let mut neg = false;
    let mut strong = false;
    let mut pos = false;
    let lower = s.to_ascii_lowercase();
    for m in PARTS.find_overlapping_iter(&lower) {
        let id = m.pattern().as_usize();
        if id >= STRONG_PARTS.len() + NEG_PARTS.len() {
            pos = true;
        } else if !(m.start() + 1..m.end()).any(hump) {
            if id < STRONG_PARTS.len() {
                strong = true;
            }
            // Every strong part is also a boilerplate part.
            neg = true;
        }
    }
    if !neg {
        let mut start = None;
        for p in 0..=b.len() {
            let alnum = p < b.len() && b[p].is_ascii_alphanumeric();
            if let Some(st) = start
                && (!alnum || hump(p))
            {
                let tok = &s[st..p];
                if NEG_TOKENS
                    .iter()
                    .any(|t| t.len() == tok.len() && t.eq_ignore_ascii_case(tok))
                {
                    neg = true;
                    break;
                }
                start = None;
            }
            if alnum && start.is_none() {
                start = Some(p);
            }
        }
    }
    if strong {
        -2
    } else if neg {
        -1
    } else {
        pos as i8
    }
}

/// Text of the direct text children of `node` (for `<title>` and `<script>`, whose content is one text node).
fn child_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for c in node.children() {
        if let Node::Text(t) = c.value() {
            s.push_str(t);
        }
    }
    s
}

/// Non-space characters and commas in `s`.
fn count_text(s: &str) -> (u32, u32) {
    let b = s.as_bytes();
    let (mut len, mut commas) = (0u32, 0u32);
    let mut i = 0;
    while i < b.len() {
        // A run of ASCII, counted a block at a time (no branch per byte).
        let run = b[i..]
            .iter()
            .position(|&c| c >= 0x80)
            .unwrap_or(b.len() - i);
        let ascii = &b[i..i + run];
        len += ascii
            .iter()
            .map(|&c| u32::from(!matches!(c, b'\t'..=b'\r' | b' ')))
            .sum::<u32>();
        commas += ascii.iter().map(|&c| u32::from(c == b',')).sum::<u32>();
        i += run;
        if i == b.len() {
            break;
        }
        let (space, n) = space_at(s, i);
        if !space {
            len += 1;
            // "\u{ff0c}", "\u{3001}".
            commas += u32::from(matches!(
                &b[i..i + n],
                [0xef, 0xbc, 0x8c] | [0xe3, 0x80, 0x81]
            ));
        }
        i += n;
    }
    (len, commas)
}

/// Whether the character at byte `i` of `text` (a character boundary) is white space (`char::is_whitespace`),
/// and its length in bytes. ASCII is tested without decoding.
#[inline]
fn space_at(text: &str, i: usize) -> (bool, usize) {
    let c = text.as_bytes()[i];
    if c < 0x80 {
        (matches!(c, b'\t'..=b'\r' | b' '), 1)
    } else {
        let ch = text[i..].chars().next().expect("a character at a boundary");
        (ch.is_whitespace(), ch.len_utf8())
    }
}

impl<'a> Page<'a> {
    /// Flattens `doc` into the arena and runs the analysis passes.
    fn build(doc: &'a Html) -> Page<'a> {
        let mut page = Page {
            nodes: Vec::with_capacity(1024),
            title: None,
            og_title: None,
            site_name: None,
            meta_date: None,
            time_date: None,
            ld: LdInfo::default(),
        };
        let mut ld_scripts: Vec<String> = Vec::new();
        let mut stack: Vec<u32> = Vec::new();
        let mut skip: Option<ego_tree::NodeId> = None;
        let mut hint_cache: FxHashMap<String, i8> = FxHashMap::default();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(n) => {
                    if skip.is_some() {
                        continue;
                    }
                    match n.value() {
                        Node::Text(t) => {
                            let Some(&parent) = stack.last() else {
                                continue;
                            };
                            let idx = page.nodes.len() as u32;
                            page.nodes.push(N::new(Kind::Text, t, parent, idx + 1));
                        }
                        Node::Element(e) => match classify(e.name()) {
                            Tag::Skip => {
                                skip = Some(n.id());
                                page.note_skipped(n, e, &mut ld_scripts);
                            }
                            Tag::Keep(kind) => {
                                let parent = stack.last().copied().unwrap_or(NONE);
                                let idx = page.nodes.len() as u32;
                                let mut node = N::new(kind, "", parent, NONE);
                                let mut hints = String::new();
                                for (k, v) in e.attrs() {
                                    match k {
                                        "class" | "id" | "role" => {
                                            hints.push_str(v);
                                            hints.push(' ');
                                        }
                                        "itemprop" if v.eq_ignore_ascii_case("articleBody") => {
                                            node.body_prop = true
                                        }
                                        "hidden" => node.hidden = true,
                                        "aria-hidden" if v == "true" => node.hidden = true,
                                        "datetime"
                                            if e.name() == "time" && page.time_date.is_none() =>
                                        {
                                            page.time_date = Some(v.trim().to_string())
                                        }
                                        _ => {}
                                    }
                                }
                                if !hints.is_empty() {
                                    // Pages repeat their class names: score each distinct string once.
                                    node.hint = match hint_cache.get(hints.as_str()) {
                                        Some(&h) => h,
                                        None => {
                                            let h = class_hint(&hints);
                                            hint_cache.insert(hints, h);
                                            h
                                        }
                                    };
                                }
                                page.nodes.push(node);
                                stack.push(idx);
                            }
                        },
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if let Some(id) = skip {
                        if id == n.id() {
                            skip = None;
                        }
                        continue;
                    }
                    if n.value().is_element()
                        && let Some(i) = stack.pop()
                    {
                        page.nodes[i as usize].end = page.nodes.len() as u32;
                    }
                }
            }
        }
        page.ld = parse_ld(&ld_scripts);
        page.analyse(2);
        page
    }

    /// Reads what a skipped element says about the page (`<title>`, `<meta>`, JSON-LD scripts).
    fn note_skipped(
        &mut self,
        n: ego_tree::NodeRef<'_, Node>,
        e: &scraper::node::Element,
        ld_scripts: &mut Vec<String>,
    ) {
        match e.name() {
            "title" if self.title.is_none() => {
                let t = collapse(&child_text(n));
                if !t.is_empty() {
                    self.title = Some(t);
                }
            }
            "script"
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                ld_scripts.push(child_text(n));
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"));
                let (Some(key), Some(content)) = (key, e.attr("content")) else {
                    return;
                };
                let content = content.trim();
                if content.is_empty() {
                    return;
                }
                let key = key.to_ascii_lowercase();
                match key.as_str() {
                    "og:title" if self.og_title.is_none() => {
                        self.og_title = Some(collapse(content))
                    }
                    "og:site_name" if self.site_name.is_none() => {
                        self.site_name = Some(collapse(content))
                    }
                    "article:published_time"
                    | "og:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "article.published"
                    | "published_time"
                        // article:published_time beats the rest.
                        if self.meta_date.is_none() || key == "article:published_time" =>
                    {
                        self.meta_date = Some(content.to_string());
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Runs the passes: raw lengths, boilerplate removal, clean statistics and paragraph scores. At `level` 2,
    /// elements whose class/id hints at boilerplate are dropped too (unless they hold most of the page's
    /// paragraph text); at 1 only those hinting at comments; at 0 only boilerplate tags are.
    fn analyse(&mut self, level: u8) {
        let n = self.nodes.len();
        // Pass 1 (children before parents): raw text lengths, total and inside paragraphs.
        for i in (0..n).rev() {
            let node = &mut self.nodes[i];
            node.removed = false;
            node.len = 0;
            node.link_len = 0;
            node.commas = 0;
            node.score = 0.0;
            node.has_block = false;
            node.raw_len = 0;
            node.raw_p = 0;
            node.good_p = 0;
            if node.kind == Kind::Text {
                let (len, commas) = count_text(node.text);
                node.len = len;
                node.commas = commas;
                node.raw_len = len;
            }
        }
        for i in (0..n).rev() {
            let node = &self.nodes[i];
            let (p, l, rp, kind, strong) = (
                node.parent,
                node.raw_len,
                node.raw_p,
                node.kind,
                node.hint <= -2,
            );
            let rp = if kind == Kind::Para { l } else { rp };
            self.nodes[i].raw_p = rp;
            // Paragraph text in comment threads does not count towards the page's total.
            let rp = if strong { 0 } else { rp };
            if p != NONE {
                let pn = &mut self.nodes[p as usize];
                pn.raw_len += l;
                pn.raw_p += rp;
            }
        }
        let total_p = self
            .nodes
            .first()
            .map_or(0, |r| r.raw_p.max(r.raw_len / 4))
            .max(1) as u64;
        // Pass 2 (parents before children): removal and link flags.
        for i in 0..n {
            let node = &self.nodes[i];
            let (parent_removed, parent_link) = if node.parent == NONE {
                (false, false)
            } else {
                let p = &self.nodes[node.parent as usize];
                (p.removed, p.in_link)
            };
            let drop_candidate = node.kind == Kind::Boiler
                || (level >= 2 && node.hint < 0)
                || (level >= 1 && node.hint <= -2);
            let protected = matches!(node.kind, Kind::Body | Kind::Main)
                || node.body_prop
                || (node.hint > -2 && node.raw_p as u64 * 2 >= total_p);
            let drop_candidate = drop_candidate || node.hidden;
            let removed = parent_removed || (drop_candidate && !protected);
            let in_link = parent_link || node.kind == Kind::Link;
            let node = &mut self.nodes[i];
            node.removed = removed;
            node.in_link = in_link;
        }
        // Pass 3 (children before parents): clean statistics and paragraph scores.
        for i in (0..n).rev() {
            if self.nodes[i].removed {
                continue;
            }
            let node = &self.nodes[i];
            if node.kind == Kind::Text && node.in_link {
                self.nodes[i].link_len = node.len;
            }
            let node = &self.nodes[i];
            let (p, len, link, commas, kind) =
                (node.parent, node.len, node.link_len, node.commas, node.kind);
            let good_p = node.good_p;
            let is_par = match kind {
                Kind::Para | Kind::Cell => true,
                Kind::Block => !node.has_block,
                _ => false,
            };
            if is_par && len >= 25 {
                let s = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
                let mut a = p;
                let mut level = 0;
                while a != NONE && level < 5 {
                    let div = match level {
                        0 => 1.0,
                        1 => 2.0,
                        l => l as f32 * 3.0,
                    };
                    self.nodes[a as usize].score += s / div;
                    a = self.nodes[a as usize].parent;
                    level += 1;
                }
            }
            if p != NONE {
                let pn = &mut self.nodes[p as usize];
                pn.len += len;
                pn.link_len += link;
                pn.commas += commas;
                pn.good_p += if kind == Kind::Para && link * 10 < len * 3 && len >= GOOD_P_MIN {
                    len
                } else {
                    good_p
                };
                if kind.is_block() {
                    pn.has_block = true;
                }
            }
        }
    }
}

impl<'a> N<'a> {
    fn new(kind: Kind, text: &'a str, parent: u32, end: u32) -> Self {
        N {
            kind,
            text,
            parent,
            end,
            hint: 0,
            body_prop: false,
            hidden: false,
            removed: false,
            in_link: false,
            has_block: false,
            raw_len: 0,
            raw_p: 0,
            good_p: 0,
            len: 0,
            link_len: 0,
            commas: 0,
            score: 0.0,
        }
    }
}

/// Collapses runs of whitespace to one space and trims.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Builds paragraphs from text pieces, collapsing whitespace.
struct Paras {
    out: Vec<String>,
    cur: String,
    space: bool,
}

impl Paras {
    fn new() -> Self {
        Paras {
            out: Vec::new(),
            cur: String::new(),
            space: false,
        }
    }

    /// Appends `text` with each run of white space (`char::is_whitespace`) as one space, none at the start of
    /// a paragraph. Copies text at once up to the next white space that is not a single ASCII space between
    /// two other characters: only bytes past ASCII are decoded.
    fn push(&mut self, text: &str) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let (space, n) = space_at(text, i);
            if space {
                self.space = true;
                i += n;
                continue;
            }
            let mut j = i + n;
            while j < b.len() {
                let (space, n) = space_at(text, j);
                if space && !(b[j] == b' ' && j + 1 < b.len() && !space_at(text, j + 1).0) {
                    break;
                }
                j += n;
            }
            if self.space && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.space = false;
            self.cur.push_str(&text[i..j]);
            i = j;
        }
    }

    /// Marks a word break (between table cells).
    fn gap(&mut self) {
        self.space = true;
    }

    fn flush(&mut self) {
        if !self.cur.is_empty() {
            if !is_junk_line(&self.cur) {
                self.out.push(std::mem::take(&mut self.cur));
            }
            self.cur.clear();
        }
        self.space = false;
    }
}

/// Lines that are page furniture even inside the article.
fn is_junk_line(s: &str) -> bool {
    static JUNK: Lazy<Regex> = Lazy::new(|| {
        Regex::new(concat!(
            r"(?i)^(?:advertisement|advertising|ad|sponsored|story continues below(?: advertisement)?|",
            r"continue reading(?: below)?|read more|share(?: this)?(?: article| story)?|related(?: articles| stories)?|",
            r"click to share.*|skip advert|loading\.*|sign up|subscribe|image|photo|video|getty images|",
            r"\(?(?:photo|image|picture)s?:.*)[.:!]?$"
        ))
        .expect("valid regex")
    });
    if s.len() >= 80 {
        return false;
    }
    JUNK.is_match(s)
        || is_dateline(s)
        || (!s.contains(' ') && (s.starts_with("http://") || s.starts_with("https://")))
}

/// A line holding nothing but a date and time stamp ("Updated 9:12 pm GMT, Tuesday, March 3, 2020").
fn is_dateline(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "et",
        "est",
        "edt",
        "ct",
        "cst",
        "cdt",
        "pt",
        "pst",
        "pdt",
        "gmt",
        "bst",
        "utc",
        "cet",
        "updated",
        "published",
        "posted",
        "last",
        "first",
        "on",
        "at",
        "modified",
        "date",
        "st",
        "nd",
        "rd",
        "th",
    ];
    let mut digits = false;
    for tok in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        if tok.chars().all(|c| c.is_ascii_digit()) {
            digits = true;
            continue;
        }
        let lower = tok.to_lowercase();
        let stem = lower.trim_start_matches(|c: char| c.is_ascii_digit());
        if !WORDS.contains(&stem) {
            return false;
        }
        digits |= stem.len() < lower.len();
    }
    digits
}

impl Page<'_> {
    fn link_density(&self, i: u32) -> f32 {
        let n = &self.nodes[i as usize];
        if n.len == 0 {
            0.0
        } else {
            n.link_len as f32 / n.len as f32
        }
    }

    /// Readability-style final score of a candidate container.
    fn candidate_score(&self, i: u32) -> f32 {
        let n = &self.nodes[i as usize];
        let init = match n.kind {
            Kind::Block | Kind::Article | Kind::Main => 5.0,
            Kind::Para | Kind::Quote | Kind::Cell => 3.0,
            Kind::List | Kind::Item => -3.0,
            Kind::Heading | Kind::Title => -5.0,
            _ => 0.0,
        };
        (n.score + init + 25.0 * n.hint as f32) * (1.0 - self.link_density(i))
    }

    /// The containers whose text is the article, in document order.
    fn roots(&self) -> Vec<u32> {
        // 1. itemprop=articleBody: the largest one (pages often repeat the article, e.g. for print).
        let prop = (0..self.nodes.len() as u32)
            .filter(|&i| {
                let n = &self.nodes[i as usize];
                n.body_prop && !n.removed && n.len >= 100
            })
            .max_by_key(|&i| self.nodes[i as usize].len);
        if let Some(i) = prop {
            return vec![i];
        }
        // 2. The best-scoring container and its worthy siblings.
        let mut best = NONE;
        let mut best_score = 0.0f32;
        for i in 0..self.nodes.len() as u32 {
            let n = &self.nodes[i as usize];
            if n.removed || n.score <= 0.0 || !n.kind.is_block() {
                continue;
            }
            let s = self.candidate_score(i);
            if s > best_score {
                best = i;
                best_score = s;
            }
        }
        if best == NONE {
            return if self.nodes.is_empty() {
                Vec::new()
            } else {
                vec![0]
            };
        }
        // Articles split over several containers: climb while the parent holds clearly more good paragraph text
        // and is not link-heavy.
        loop {
            let p = self.nodes[best as usize].parent;
            if p == NONE || matches!(self.nodes[p as usize].kind, Kind::Body) {
                break;
            }
            let (cur, up) = (
                self.nodes[best as usize].good_p,
                self.nodes[p as usize].good_p,
            );
            if up as f32 >= cur as f32 * CLIMB_RATIO + 100.0 && self.link_density(p) < CLIMB_MAX_LD
            {
                best = p;
                best_score = best_score.max(self.candidate_score(p));
            } else if up == cur && self.nodes[p as usize].len <= self.nodes[best as usize].len + 200
            {
                // A wrapper adding nothing: look past it.
                best = p;
            } else {
                break;
            }
        }
        let parent = self.nodes[best as usize].parent;
        if parent == NONE {
            return vec![best];
        }
        let threshold = (best_score * 0.2).max(10.0);
        let mut out = Vec::new();
        let mut c = parent + 1;
        while c < self.nodes[parent as usize].end {
            let n = &self.nodes[c as usize];
            let next = n.end;
            if c == best {
                out.push(c);
            } else if !n.removed && n.kind != Kind::Text {
                let ld = self.link_density(c);
                let keep = (n.score * (1.0 - ld) >= threshold && ld < 0.3)
                    || (n.kind == Kind::Para && n.len > 80 && ld < 0.25)
                    || (n.kind == Kind::Para && n.len > 0 && ld == 0.0 && self.ends_sentence(c));
                if keep {
                    out.push(c);
                }
            }
            c = next;
        }
        out
    }

    /// Whether the text of node `i` ends with a full stop.
    fn ends_sentence(&self, i: u32) -> bool {
        let n = &self.nodes[i as usize];
        (i..n.end)
            .rev()
            .map(|j| &self.nodes[j as usize])
            .find(|m| m.kind == Kind::Text && !m.removed && !m.text.trim().is_empty())
            .is_some_and(|m| {
                m.text
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '\u{201d}'])
            })
    }

    /// Whether a block inside the article is link furniture (lists of links, "read more" paragraphs).
    fn link_heavy(&self, i: u32) -> bool {
        let n = &self.nodes[i as usize];
        if n.len == 0 {
            return false;
        }
        let ld = self.link_density(i);
        match n.kind {
            Kind::Para => ld > 0.7,
            Kind::List | Kind::Item | Kind::Block | Kind::Table | Kind::Quote | Kind::Boiler => {
                ld > 0.5
            }
            _ => false,
        }
    }

    /// Appends the text of the subtree at `root` to `paras`.
    fn emit(&self, root: u32, paras: &mut Paras) {
        let end = self.nodes[root as usize].end;
        let mut ends: Vec<u32> = Vec::new();
        let mut i = root;
        while i < end {
            while ends.last().is_some_and(|&e| i >= e) {
                ends.pop();
                paras.flush();
            }
            let n = &self.nodes[i as usize];
            if n.removed || (n.kind.is_block() && self.link_heavy(i)) {
                i = n.end;
                continue;
            }
            match n.kind {
                Kind::Text => paras.push(n.text),
                Kind::Br => paras.flush(),
                Kind::Title => {
                    i = n.end;
                    continue;
                }
                Kind::Cell => {
                    paras.gap();
                    ends.push(n.end);
                }
                k if k.is_block() => {
                    paras.flush();
                    ends.push(n.end);
                }
                _ => {}
            }
            i += 1;
        }
        paras.flush();
    }

    /// The article text from the page structure.
    fn dom_body(&self) -> String {
        let mut paras = Paras::new();
        for r in self.roots() {
            self.emit(r, &mut paras);
        }
        paras.out.join("\n\n")
    }

    /// The article text: JSON-LD `articleBody` when it is there and not much shorter than what the page shows,
    /// else the page's own text.
    fn body(&mut self) -> String {
        let mut dom = self.dom_body();
        if dom.len() < 1000 {
            // Class/id hints may have dropped the article's own container: retry trusting them less.
            self.analyse(1);
            let lenient = self.dom_body();
            if lenient.len() > dom.len() {
                dom = lenient;
            }
            if dom.is_empty() {
                self.analyse(0);
                dom = self.dom_body();
            }
        }
        if let Some(ld) = self.ld.body.as_deref() {
            let ld = ld_text(ld);
            if ld.len() * 2 >= dom.len() {
                return ld;
            }
        }
        dom
    }

    /// The headline: JSON-LD `headline`, `og:title`, the first `<h1>`, or `<title>`, without a site suffix.
    fn headline(&self) -> Option<String> {
        let site = self.site_name.as_deref();
        if let Some(h) = self
            .ld
            .headline
            .as_deref()
            .map(collapse)
            .filter(|h| !h.is_empty())
        {
            return Some(strip_site_suffix(&h, site));
        }
        if let Some(h) = &self.og_title {
            return Some(strip_site_suffix(h, site));
        }
        if let Some(i) = self.nodes.iter().position(|n| n.kind == Kind::Title) {
            let mut p = Paras::new();
            let n = &self.nodes[i];
            for m in &self.nodes[i..n.end as usize] {
                if m.kind == Kind::Text {
                    p.push(m.text);
                }
            }
            if !p.cur.is_empty() {
                return Some(p.cur);
            }
        }
        self.title.as_deref().map(|t| strip_site_suffix(t, site))
    }

    /// The publication date as the page gives it.
    fn published(&self) -> Option<String> {
        self.ld
            .date
            .clone()
            .or_else(|| self.meta_date.clone())
            .or_else(|| self.time_date.clone())
    }
}

/// Text of a JSON-LD `articleBody`: entities and tags (some sites put HTML there, sometimes entity-escaped)
/// resolved, one paragraph per line.
fn ld_text(s: &str) -> String {
    let mut text = s.to_string();
    for _ in 0..2 {
        if (!text.contains('<') && !text.contains('&')) || nesting_depth(&text) > MAX_DEPTH {
            break;
        }
        text = fragment_text(&text);
    }
    let mut paras = Paras::new();
    for line in text.lines() {
        paras.push(line);
        paras.flush();
    }
    paras.out.join("\n\n")
}

/// The text of an HTML fragment, with a line break at every block boundary.
fn fragment_text(html: &str) -> String {
    let frag = Html::parse_fragment(html);
    let page = Page::build(&frag);
    let mut out = String::with_capacity(html.len());
    let mut ends: Vec<u32> = Vec::new();
    for (i, n) in page.nodes.iter().enumerate() {
        while ends.last().is_some_and(|&e| i as u32 >= e) {
            ends.pop();
            out.push('\n');
        }
        if n.kind == Kind::Text {
            out.push_str(n.text);
        } else if n.kind == Kind::Br {
            out.push('\n');
        } else if n.kind.is_block() {
            out.push('\n');
            ends.push(n.end);
        }
    }
    out
}

/// Removes a trailing site name (" | BBC Sport", " - Reuters") from a title.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    for sep in [
        " | ",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
        " :: ",
        " \u{00ab} ",
        " \u{00bb} ",
        " \u{00b7} ",
    ] {
        let Some(pos) = title.rfind(sep) else {
            continue;
        };
        let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
        if head.split_whitespace().count() < 2 {
            continue;
        }
        let is_site = site.is_some_and(|s| {
            let s = s.trim();
            tail.eq_ignore_ascii_case(s) || tail.to_lowercase().contains(&s.to_lowercase())
        });
        let words: Vec<&str> = tail.split_whitespace().collect();
        let name_like = !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || w.contains('.')
            });
        let pipe_short = sep == " | " && words.len() <= 5;
        if is_site || name_like || pipe_short {
            return strip_site_suffix(head, site);
        }
    }
    title
}

/// Reads JSON-LD scripts: the first article object's `headline`, `articleBody` and `datePublished`.
fn parse_ld(scripts: &[String]) -> LdInfo {
    const TYPES: &[&str] = &[
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "BlogPosting",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "LiveBlogPosting",
        "TechArticle",
        "Report",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "SocialMediaPosting",
    ];
    let mut info = LdInfo::default();
    for script in scripts {
        let s = script
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim()
            .trim_end_matches(';');
        let value: Value = match serde_json::from_str(s) {
            Ok(v) => v,
            Err(_) => {
                // Raw control characters inside strings are a common fault.
                let fixed: String = s
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                match serde_json::from_str(&fixed) {
                    Ok(v) => v,
                    Err(_) => continue,
                }
            }
        };
        let mut stack: Vec<&Value> = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    let is_article = match o.get("@type") {
                        Some(Value::String(t)) => TYPES.contains(&t.as_str()),
                        Some(Value::Array(ts)) => ts
                            .iter()
                            .any(|t| t.as_str().is_some_and(|t| TYPES.contains(&t))),
                        _ => false,
                    };
                    if is_article {
                        let get = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
                        if info.body.is_none() {
                            info.body = get("articleBody").filter(|b| !b.trim().is_empty());
                        }
                        if info.headline.is_none() {
                            info.headline = get("headline");
                        }
                        if info.date.is_none() {
                            info.date = get("datePublished");
                        }
                    }
                    for (k, child) in o {
                        if k != "articleBody" && (child.is_object() || child.is_array()) {
                            stack.push(child);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    info
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::text::WARN_1252;

    fn article(paras: &[&str]) -> String {
        paras.iter().map(|p| format!("<p>{p}</p>\n")).collect()
    }

    const P1: &str =
        "The qualifier from Lyon won the opening set comfortably, breaking serve twice in a row.";
    const P2: &str = "After a rain delay of forty minutes, the second set went to a tie-break, decided on the third \
                      match point.";
    const P3: &str =
        "Next up is a meeting with the fourth seed, who has not dropped a set all week long.";

    #[test]
    fn body_from_article_without_scripts_or_navigation() {
        let html = format!(
            "<!doctype html><html><head><title>Qualifier reaches last eight | Sport Daily</title>\
             <script>var x = 'tracking code';</script><style>p {{ color: red }}</style></head>\
             <body><nav><a href=/>Home</a> <a href=/tennis>Tennis</a></nav>\
             <div class=\"share-bar\">Share on social media</div>\
             <article><h1>Qualifier reaches last eight</h1>{}</article>\
             <footer>Copyright notice for the site</footer></body></html>",
            article(&[P1, P2, P3])
        );
        let doc = parse_html(&html, Some("x.html".into())).unwrap();
        assert_eq!(
            doc.body,
            format!("{P1}\n\n{P2}\n\n{P3}").replace("                      ", "")
        );
        assert_eq!(
            doc.headline.as_deref(),
            Some("Qualifier reaches last eight")
        );
        assert_eq!(doc.source.as_deref(), Some("x.html"));
        assert!(!doc.body.contains("tracking"));
        assert!(!doc.body.contains("Home"));
        assert!(!doc.body.contains("Share"));
        assert!(!doc.body.contains("Copyright"));
    }

    #[test]
    fn paragraph_breaks_from_blocks_lists_and_br() {
        let html = "<html><body><div class=content>\
            <h2>Round of sixteen</h2><p>First paragraph of the report, with a comma, and more words here.</p>\
            <ul><li>Item one of the list</li><li>Item two of the list</li></ul>\
            <blockquote>A quoted line from the coach</blockquote>\
            <div>Line before a break, which is long enough<br>line after the break, also long enough</div>\
            </div></body></html>";
        let doc = parse_html(html, None).unwrap();
        assert_eq!(
            doc.body,
            "Round of sixteen\n\nFirst paragraph of the report, with a comma, and more words here.\n\n\
             Item one of the list\n\nItem two of the list\n\nA quoted line from the coach\n\n\
             Line before a break, which is long enough\n\nline after the break, also long enough"
        );
    }

    #[test]
    fn json_ld_article_body_headline_and_date() {
        let html = format!(
            "<html><head><script type=\"application/ld+json\">\
             {{\"@context\":\"https://schema.org\",\"@graph\":[{{\"@type\":\"WebPage\",\"name\":\"x\"}},\
             {{\"@type\":[\"NewsArticle\"],\"headline\":\"Seed falls in Rome\",\
             \"datePublished\":\"2024-05-12T10:00:00Z\",\
             \"articleBody\":\"{P1}\\n{P3} It was the &amp; sign.\"}}]}}</script>\
             <meta property=\"og:title\" content=\"Other title - Site\"></head>\
             <body><article>{}</article></body></html>",
            article(&[P1, P3])
        );
        let doc = parse_html(&html, None).unwrap();
        assert_eq!(doc.body, format!("{P1}\n\n{P3} It was the & sign."));
        assert_eq!(doc.headline.as_deref(), Some("Seed falls in Rome"));
        assert_eq!(doc.published.as_deref(), Some("2024-05-12T10:00:00Z"));
    }

    #[test]
    fn og_title_meta_date_and_time_element() {
        let html = format!(
            "<html><head><meta property=\"og:title\" content=\"Champion retires after final | BBC Sport\">\
             <meta property=\"article:published_time\" content=\"2023-11-02\"></head>\
             <body><main><time datetime=\"2023-11-03\">3 Nov</time>{}</main></body></html>",
            article(&[P1, P2])
        );
        let doc = parse_html(&html, None).unwrap();
        assert_eq!(
            doc.headline.as_deref(),
            Some("Champion retires after final")
        );
        assert_eq!(doc.published.as_deref(), Some("2023-11-02"));
        let html = format!(
            "<html><body><time datetime=\"2023-11-03\">3 Nov</time>{}</body></html>",
            article(&[P1])
        );
        assert_eq!(
            parse_html(&html, None).unwrap().published.as_deref(),
            Some("2023-11-03")
        );
    }

    #[test]
    fn site_suffixes_removed() {
        assert_eq!(
            strip_site_suffix("Champion retires after final | BBC Sport", None),
            "Champion retires after final"
        );
        assert_eq!(
            strip_site_suffix("Champion retires after final - Reuters", None),
            "Champion retires after final"
        );
        assert_eq!(
            strip_site_suffix("Champion retires - as it happened", None),
            "Champion retires - as it happened"
        );
        assert_eq!(
            strip_site_suffix(
                "Big win \u{2013} The Daily Planet",
                Some("The Daily Planet")
            ),
            "Big win"
        );
        let html = format!(
            "<html><head><title>Short match report - ESPN</title></head><body>{}</body></html>",
            article(&[P1])
        );
        assert_eq!(
            parse_html(&html, None).unwrap().headline.as_deref(),
            Some("Short match report")
        );
    }

    #[test]
    fn comments_and_related_dropped() {
        let html = format!(
            "<html><body><div class=post-body>{}</div>\
             <div id=comments><p>{P2}</p><p>{P2}</p><p>{P2}</p></div>\
             <div class=related-links><ul><li><a href=/a>Another story about a final</a></li></ul></div>\
             </body></html>",
            article(&[P1, P3])
        );
        let doc = parse_html(&html, None).unwrap();
        assert_eq!(doc.body, format!("{P1}\n\n{P3}"));
    }

    #[test]
    fn no_text_is_an_error() {
        let e = parse_html(
            "<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>",
            None,
        );
        assert_eq!(e.unwrap_err().kind, ErrorKind::Html);
    }

    #[test]
    fn broken_html_does_not_fail() {
        let html = "<html><body><div><p>Unclosed paragraph with some text, long enough to count here<p>Second \
                    <b>bold <i>italic</div></span></table><p>Third & last &amp; final &eacute;t&eacute;.";
        let doc = parse_html(html, None).unwrap();
        assert!(doc.body.starts_with("Unclosed paragraph"));
        assert!(
            doc.body
                .ends_with("Second bold italic\n\nThird & last & final été."),
            "{}",
            doc.body
        );
    }

    #[test]
    fn deep_nesting_on_a_small_stack() {
        let run = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let depth = 100_000;
                let mut html = String::with_capacity(depth * 11 + 100);
                html.push_str("<html><body>");
                for _ in 0..depth {
                    html.push_str("<div>");
                }
                html.push_str("Deep text at the bottom of the page, with a comma, and more.");
                for _ in 0..depth {
                    html.push_str("</div>");
                }
                let deep = parse_html(&html, None).unwrap_err();
                let mut shallow = String::from("<html><body>");
                for _ in 0..2000 {
                    shallow.push_str("<div><span>");
                }
                shallow.push_str("Deep text at the bottom of the page, with a comma, and more.");
                (deep, parse_html(&shallow, None).map(|d| d.body))
            })
            .unwrap();
        let (deep, shallow) = run.join().unwrap();
        assert_eq!(deep.kind, ErrorKind::Html);
        assert!(deep.message.contains("nested"));
        assert_eq!(
            shallow.unwrap(),
            "Deep text at the bottom of the page, with a comma, and more."
        );
    }

    /// Text runs and counts as the character-at-a-time definitions give them: white space is
    /// `char::is_whitespace` (vertical tab, no-break and ideographic spaces too), commas include the full-width
    /// and ideographic ones.
    #[test]
    fn paragraph_text_and_counts_match_the_char_definitions() {
        let texts = [
            "",
            " ",
            "plain words, one space",
            "  lead and  double   spaces \n\t\x0b\x0c\r end ",
            "Ørsted\u{a0}beat\u{2003}Müller\u{3000}6-4",
            "a\u{ff0c}b\u{3001}c, d",
            "x",
            "x ",
            " x",
            "\u{85}next\u{2028}line\u{202f}",
            "é",
            "é é  é",
        ];
        for t in texts {
            let (mut len, mut commas) = (0, 0);
            for c in t.chars().filter(|c| !c.is_whitespace()) {
                len += 1;
                commas += u32::from(matches!(c, ',' | '\u{ff0c}' | '\u{3001}'));
            }
            assert_eq!(count_text(t), (len, commas), "{t:?}");
            for before in ["", "w", "w "] {
                let mut p = Paras::new();
                p.push(before);
                p.push(t);
                let mut want = Paras::new();
                for c in before.chars().chain(t.chars()) {
                    if c.is_whitespace() {
                        want.space = true;
                    } else {
                        if want.space && !want.cur.is_empty() {
                            want.cur.push(' ');
                        }
                        want.space = false;
                        want.cur.push(c);
                    }
                }
                assert_eq!(
                    (&p.cur, p.space),
                    (&want.cur, want.space),
                    "{before:?} {t:?}"
                );
            }
        }
    }

    #[test]
    fn nesting_depth_prescan() {
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b<br><img src=x/><div/></div></body></html>"),
            3
        );
        assert_eq!(
            nesting_depth("<script>if (a<b) { x = '<div><div>'; }</script><div>"),
            1
        );
        assert_eq!(nesting_depth("<!-- <div><div> --><i>x</i>"), 1);
        assert_eq!(nesting_depth("a < b and <3 hearts"), 0);
        assert!(nesting_depth(&"<b>".repeat(10_000)) > MAX_DEPTH);
    }

    #[test]
    fn decode_declared_windows_1252_and_latin1() {
        let bytes = b"<html><head><meta charset=\"windows-1252\"></head><body>Mons\xe9e \x93won\x94</body></html>";
        let (t, w) = decode_html(bytes).unwrap();
        assert!(t.contains("Mons\u{e9}e \u{201c}won\u{201d}"));
        assert!(w.is_empty());
        let bytes = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
                      </head><body>Mu\xf1oz</body></html>";
        assert!(decode_html(bytes).unwrap().0.contains("Mu\u{f1}oz"));
    }

    #[test]
    fn decode_utf8_fallback_bom_binary_empty() {
        let (t, w) = decode_html("<p>Caf\u{e9}</p>".as_bytes()).unwrap();
        assert_eq!(t, "<p>Caf\u{e9}</p>");
        assert!(w.is_empty());
        let (t, w) = decode_html(b"<p>Caf\xe9</p>").unwrap();
        assert_eq!(t, "<p>Caf\u{e9}</p>");
        assert_eq!(w, vec![WARN_1252.to_string()]);
        // A BOM beats the declared charset.
        let mut utf16 = vec![0xff, 0xfe];
        for u in "<meta charset=windows-1252><p>\u{e9}t\u{e9}</p>".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert!(
            decode_html(&utf16)
                .unwrap()
                .0
                .contains("<p>\u{e9}t\u{e9}</p>")
        );
        assert_eq!(
            decode_html(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err().kind,
            ErrorKind::Binary
        );
        assert_eq!(decode_html(b"").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(decode_html(b" \n ").unwrap_err().kind, ErrorKind::Empty);
    }
}
