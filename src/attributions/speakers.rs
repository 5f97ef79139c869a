//! Who a source is: its kind, whether it is named, and the resolved name. Pronouns ("he", "it") and
//! short names ("Wirth") resolve to the last compatible full name of the document.

use super::found::Found;
use super::lexicon::{lexicon, PronounRef, ORG_HEAD, TITLE};
use super::phrase::{self, Words};
use super::SourceKind;

/// A source as the text names it, and who it turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub speaker: Option<String>,
    pub kind: SourceKind,
    pub anonymous: bool,
}

/// What one source phrase says about its source, before resolution.
#[derive(Debug, Clone, PartialEq)]
struct Described {
    name: String,
    kind: SourceKind,
    anonymous: bool,
    plural: bool,
    pronoun: Option<PronounRef>,
    /// A single capitalised name ("Wirth") that may stand for a fuller one.
    short_name: bool,
}

fn is_acronym(w: &str) -> bool {
    // The lower-case test first: it rules most words out at their second letter.
    w.chars().all(|c| !c.is_lowercase()) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

/// Describes the source phrase `a..b`; a generic head with a name in apposition ("a media group,
/// the Palmyra News Network") is described by the name.
fn describe(w: &Words, a: usize, b: usize) -> Described {
    let d = describe_core(w, a, b);
    let comma = (a..b).find(|&i| w.is_punct(i, ',') || w.is_dash(i));
    if let Some(c) = comma.filter(|_| d.pronoun.is_none() && d.kind != SourceKind::Person) {
        let end = (c + 1..b).find(|&i| w.is_punct(i, ',') || w.is_dash(i)).unwrap_or(b);
        let named_core = (a + 1..c).any(|i| w.is_capitalised(i) && !w.has(i, TITLE));
        if !named_core && end > c + 1 && w.is_capitalised(end - 1) {
            let name = describe_core(w, c + 1, end);
            if name.pronoun.is_none()
                && matches!(name.kind, SourceKind::Person | SourceKind::Organisation | SourceKind::Media)
            {
                return name;
            }
        }
    }
    d
}

fn describe_core(w: &Words, a: usize, b: usize) -> Described {
    let lex = lexicon();
    // The apposition after a comma or dash says what the source is, but is not its name.
    let core_end = (a..b).find(|&i| w.is_punct(i, ',') || w.is_dash(i) || w.is_punct(i, '(')).unwrap_or(b).max(a + 1);
    if core_end == a + 1 {
        if let Some(&r) = lex.pronouns.get(w.lower(a)) {
            let name = w.toks[a].text(w.text).to_string();
            return Described {
                name,
                kind: SourceKind::Unknown,
                anonymous: false,
                plural: matches!(r, PronounRef::Group),
                pronoun: Some(r),
                short_name: false,
            };
        }
    }
    let mut start = a;
    while start + 1 < core_end && matches!(w.lower(start), "the" | "a" | "an") {
        start += 1;
    }
    let text_of = |from: usize, to: usize| w.span(from, to).text(w.text).to_string();
    // The head: the last word before a prepositional phrase, unless it counts ("one of the officials").
    // "people close to the campaign", "sources familiar with the talks": the head is before "close".
    let prep =
        (start + 1..core_end).find(|&i| phrase::is_preposition(w.lower(i)) || w.is(i, "to") && w.is(i - 1, "close"));
    let prep = prep.map(|p| if p > start + 1 && matches!(w.lower(p - 1), "close" | "familiar") { p - 1 } else { p });
    let head = match prep {
        Some(p)
            if !matches!(
                w.lower(p - 1),
                "one"
                    | "some"
                    | "many"
                    | "most"
                    | "several"
                    | "two"
                    | "three"
                    | "all"
                    | "none"
                    | "each"
                    | "both"
                    | "few"
                    | "dozens"
                    | "hundreds"
            ) =>
        {
            p - 1
        }
        _ => core_end - 1,
    };
    let head_lower = strip_possessive(w.lower(head));
    let plural = head_lower.ends_with('s') && !head_lower.ends_with("ss");
    let described = |kind, anonymous| Described {
        name: text_of(start, core_end),
        kind,
        anonymous,
        plural,
        pronoun: None,
        short_name: false,
    };
    // "Activists say": a capital that only opens the sentence does not make a name.
    let known_head = |i: usize| {
        let lw = strip_possessive(w.lower(i));
        [&lex.anonymous_heads, &lex.vague, &lex.documents].iter().any(|set| set.contains(lw))
    };
    let only_sentence_capital = core_end - start == 1 && known_head(start);
    if w.is_capitalised(core_end - 1)
        && !only_sentence_capital
        && !lex.anonymous_heads.contains(strip_possessive(w.lower(core_end - 1)))
    {
        let caps: Vec<usize> = (start..core_end).filter(|&i| w.is_capitalised(i)).collect();
        let any = |set: &rustc_hash::FxHashSet<&str>| caps.iter().any(|&i| set.contains(strip_possessive(w.lower(i))));
        if any(&lex.media) {
            return described(SourceKind::Media, false);
        }
        if any(&lex.org_heads) || caps.iter().all(|&i| is_acronym(w.toks[i].text(w.text))) {
            return described(SourceKind::Organisation, false);
        }
        // A person: the run of capitalised words after the last title.
        let mut name_start = core_end;
        while name_start > start
            && w.is_capitalised(name_start - 1)
            && !w.has(name_start - 1, TITLE)
            && !is_acronym(w.toks[name_start - 1].text(w.text))
        {
            name_start -= 1;
        }
        if name_start == core_end {
            return described(SourceKind::Person, false);
        }
        return Described {
            name: text_of(name_start, core_end),
            kind: SourceKind::Person,
            anonymous: false,
            plural: false,
            pronoun: None,
            short_name: core_end - name_start == 1,
        };
    }
    let kind_of = |h: &str| {
        if lex.anonymous_heads.contains(h) {
            Some((SourceKind::UnnamedOfficial, true))
        } else if lex.vague.contains(h) {
            Some((SourceKind::Vague, false))
        } else if lex.documents.contains(h) {
            Some((SourceKind::Document, false))
        } else if lex.media.contains(h) {
            Some((SourceKind::Media, false))
        } else if lex.org_heads.contains(h) {
            Some((SourceKind::Organisation, false))
        } else {
            None
        }
    };
    let (kind, anonymous) = kind_of(head_lower)
        .or_else(|| kind_of(strip_possessive(w.lower(core_end - 1))))
        .or_else(|| (start..core_end).rev().find_map(|i| kind_of(strip_possessive(w.lower(i)))))
        .unwrap_or((SourceKind::Vague, false));
    described(kind, anonymous)
}

/// A name that pronouns and short names can stand for.
struct Entity {
    name: String,
    kind: SourceKind,
    anonymous: bool,
    plural: bool,
    /// Token where it is named.
    at: usize,
    /// Named in an "as"-clause ("As X notes, …"): an aside, not what later pronouns refer to.
    aside: bool,
}

/// People named with a title anywhere in the text ("Deputy Trade Minister Rosa Quintana"), so a
/// pronoun can refer to someone who has not spoken yet.
fn titled_people(w: &Words) -> Vec<Entity> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut i = 0;
    // Only a title opens such a name: the other words are passed over on their class byte.
    while let Some(next) =
        w.classes[..w.toks.len().saturating_sub(1)].get(i..).and_then(|c| c.iter().position(|&c| c & TITLE != 0))
    {
        i += next;
        let titled = w.is_capitalised(i) && !is_acronym(w.toks[i].text(w.text));
        if !titled {
            i += 1;
            continue;
        }
        let mut s = i + 1;
        while s < w.toks.len() && w.is_capitalised(s) && w.has(s, TITLE) {
            s += 1;
        }
        let mut e = s;
        while e < w.toks.len() && w.is_capitalised(e) && !w.has(e, TITLE) && !is_acronym(w.toks[e].text(w.text)) {
            e += 1;
        }
        let organisation = (s..e).any(|k| {
            let lw = strip_possessive(w.lower(k));
            lex.org_heads.contains(lw) || lex.media.contains(lw)
        });
        if e > s && !organisation {
            let name = strip_possessive(w.span(s, e).text(w.text)).to_string();
            out.push(Entity { name, kind: SourceKind::Person, anonymous: false, plural: false, at: s, aside: false });
        }
        i = e.max(i + 1);
    }
    out
}

fn compatible(e: &Entity, r: PronounRef) -> bool {
    match r {
        PronounRef::Person => {
            matches!(e.kind, SourceKind::Person) || e.kind == SourceKind::UnnamedOfficial && !e.plural
        }
        PronounRef::Organisation => {
            matches!(e.kind, SourceKind::Organisation | SourceKind::Media | SourceKind::Document)
        }
        PronounRef::Group => e.plural || matches!(e.kind, SourceKind::Organisation | SourceKind::Media),
        PronounRef::Any => true,
    }
}

/// The full name a short one stands for: an earlier speaker, or an earlier mention in the text
/// where capitalised words lead up to it ("Health Secretary Tomas Wirth" for "Wirth").
fn full_name(w: &Words, before: usize, short: &str, entities: &[Entity]) -> Option<String> {
    // A name that ends with " " and the short name (compared in place: no string per call).
    let ends_with_short = |name: &str| name.strip_suffix(short).is_some_and(|rest| rest.ends_with(' '));
    if let Some(e) = entities.iter().rev().find(|e| e.kind == SourceKind::Person && ends_with_short(&e.name)) {
        return Some(e.name.clone());
    }
    // A word with the same text begins with the short name: the text before token `before` is
    // searched for it (a vectorised search, not a test of every token), and each place it occurs
    // is checked for such a word starting there. The last that qualifies wins.
    let capital = short.chars().next().is_some_and(char::is_uppercase);
    // Its length is the short name's, or that and a possessive ("'s", "’s").
    let fits = |len: usize| len == short.len() || len == short.len() + "'s".len() || len == short.len() + "’s".len();
    if short.is_empty() || before < 2 {
        return None;
    }
    let end = w.toks.get(before).map_or(w.text.len(), |t| t.span.start);
    let hay = &w.text.as_bytes()[..end];
    let finder = memchr::memmem::Finder::new(short.as_bytes());
    let mut last = None;
    let mut from = 0;
    // Overlapping places included: the next search starts one byte after this one.
    while let Some(at) = finder.find(&hay[from..]).map(|p| from + p) {
        from = at + 1;
        let i = w.toks[..before].partition_point(|t| t.span.start < at);
        let starts_a_word = i > 0 && i < before && w.toks[i].span.start == at && w.is_word(i);
        if !starts_a_word
            || w.is_capitalised(i) != capital
            || !fits(w.toks[i].span.len())
            || strip_possessive(w.toks[i].text(w.text)) != short
        {
            continue;
        }
        let mut s = i;
        while s > 0 && w.is_capitalised(s - 1) && !w.has(s - 1, TITLE) && !is_acronym(w.toks[s - 1].text(w.text)) {
            s -= 1;
        }
        // A sentence-initial word is capitalised anyway: keep it only after a title or inside the run.
        if s < i {
            last = Some((s, i + 1));
        }
    }
    last.map(|(s, e)| w.span(s, e).text(w.text).to_string())
}

/// Organisations named with a generic head ("the US-led coalition", "the Defence Ministry"), so
/// "it said" can refer to one that has not spoken yet.
fn organisations(w: &Words) -> Vec<Entity> {
    let mut out = Vec::new();
    // The heads found on their class byte, not a test of every token.
    let heads = w.classes.iter().enumerate().skip(1).filter(|&(_, &c)| c & ORG_HEAD != 0);
    for (i, _) in heads {
        if w.is_word(i + 1) && w.is_capitalised(i + 1) {
            continue;
        }
        let Some(the) = (i.saturating_sub(4)..i).rev().find(|&k| w.is(k, "the")) else { continue };
        if (the + 1..i).all(|k| w.is_word(k)) {
            let name = w.span(the + 1, i + 1).text(w.text).to_string();
            out.push(Entity {
                name,
                kind: SourceKind::Organisation,
                anonymous: false,
                plural: false,
                at: the,
                aside: false,
            });
        }
    }
    out
}

/// Resolves the sources of `found` (in text order).
pub fn resolve(w: &Words, found: &[Found]) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = Vec::with_capacity(found.len());
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = titled_people(w);
    mentions.extend(organisations(w));
    for f in found {
        if let Some(s) = f.shares_source_of.filter(|&s| s < out.len()) {
            out.push(out[s].clone());
            continue;
        }
        let Some((a, b)) = f.source else {
            out.push(Resolved { speaker: None, kind: SourceKind::Unknown, anonymous: false });
            continue;
        };
        let mut d = describe(w, a, b);
        if d.pronoun == Some(PronounRef::Any) && a > 0 {
            // "who": the phrase before it.
            let end = if w.is_punct(a - 1, ',') || w.is_dash(a - 1) { a - 1 } else { a };
            if let Some((pa, pb)) = phrase::left(w, 0, end).filter(|&(pa, _)| !w.is_pronoun(pa)) {
                d = describe(w, pa, pb);
            }
        }
        let resolved = if let Some(r) = d.pronoun {
            // The latest compatible name before the pronoun, asides left out.
            // A person pronoun prefers a full name to an unnamed official.
            let candidates =
                || entities.iter().chain(mentions.iter().filter(|m| m.at < a)).filter(|e| !e.aside && compatible(e, r));
            let named =
                candidates().filter(|e| r != PronounRef::Person || e.kind == SourceKind::Person).max_by_key(|e| e.at);
            match named.or_else(|| candidates().max_by_key(|e| e.at)) {
                Some(e) => Resolved { speaker: Some(e.name.clone()), kind: e.kind, anonymous: e.anonymous },
                None => Resolved { speaker: Some(d.name.clone()), kind: SourceKind::Unknown, anonymous: false },
            }
        } else {
            // The described name is not needed after this: moved, not copied.
            let name = if d.short_name {
                full_name(w, a, &d.name, &entities).unwrap_or_else(|| std::mem::take(&mut d.name))
            } else {
                std::mem::take(&mut d.name)
            };
            // "the official" after "a DoD official": the same unnamed person.
            // (Only a one-word name can be such a later mention: the others skip the search.)
            let name = if d.anonymous && !name.contains(' ') {
                let head = name.rsplit(' ').next().unwrap_or(&name).to_lowercase();
                entities
                    .iter()
                    .rev()
                    .find(|e| e.anonymous && e.name.to_lowercase().ends_with(&head))
                    .map_or(name, |e| e.name.clone())
            } else {
                name
            };
            let aside = a > 0 && w.is(a - 1, "as");
            entities.push(Entity {
                name: name.clone(),
                kind: d.kind,
                anonymous: d.anonymous,
                plural: d.plural,
                at: a,
                aside,
            });
            Resolved { speaker: Some(name), kind: d.kind, anonymous: d.anonymous }
        };
        out.push(resolved);
    }
    out
}
