//! A seeded generator of news-like clusters for the benchmarks: several articles about one invented
//! event, with counts, measures, money, percentages, dates and times, direct and reported quotes,
//! named and anonymous sources, boilerplate lines, and deliberate numeric differences between the
//! articles (a death toll of 12 in one and 14 in another), as the engine meets in real clusters.
//!
//! Every sentence is written here from templates; no corpus text. The same seed gives the same
//! cluster on every machine (a splitmix64 generator, no dependency), so figures are comparable.
//!
//! Shared by `benches/` and `src/bin/gen-articles.rs` (through `#[path]`), so it uses std only;
//! its tests are in the binary.

/// One generated article.
pub struct Article {
    pub name: String,
    pub text: String,
}

/// Articles about one event, with the publication date their relative dates refer to.
pub struct Cluster {
    pub pub_date: String,
    pub articles: Vec<Article>,
}

/// splitmix64: tiny, fast and good enough to vary templates.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo + 1)
    }

    /// An index below `len`.
    pub fn index(&mut self, len: usize) -> usize {
        (self.next_u64() % len as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// True `percent` times out of a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const FIRST: &[&str] = &[
    "Maria", "James", "Amélie", "Tomasz", "Grace", "Kwame", "Zoë", "Rafael", "Ingrid", "Samuel", "Chloé", "Daniel",
    "Łucja", "Owen", "Priya", "Søren", "Helen", "Mateus", "Aisha", "Victor",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Hartley",
    "Moreau",
    "Novak",
    "Brennan",
    "Castillo",
    "Whitcombe",
    "Adeyemi",
    "Fischer",
    "Kowalczyk",
    "Duarte",
    "Ashworth",
    "Nakamura",
    "Ferreira",
    "Galloway",
    "Henríquez",
    "Mbeki",
    "Rasmussen",
    "Quinn",
];
const PLACES: &[&str] = &[
    "Port Aldmere",
    "Kestrel Bay",
    "São Miguel do Norte",
    "Brackenford",
    "Lake Orvin",
    "Villanueva del Río",
    "Dunmore Heath",
    "Ostrava-Nová",
    "Calder Point",
    "Saint-Aubin-sur-Lys",
];
const OUTLETS: &[&str] = &[
    "Harbour Courier",
    "Evening Ledger",
    "Northern Wire",
    "The Daily Sentinel",
    "Coastal Record",
    "Metro Dispatch",
    "Valley Observer",
    "Continental Press",
    "The Morning Register",
    "Union Gazette",
];
const AGENCIES: &[&str] =
    &["regional civil protection agency", "national weather service", "emergency management office", "fire brigade"];
const ORGS: &[&str] = &["Red Cross", "Port Authority", "Ministry of the Interior", "Highways Agency", "Water Board"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &[
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
];
const SMALL: &[&str] =
    &["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const VERBS: &[&str] = &["said", "said", "told reporters", "added", "warned", "explained", "insisted"];

/// What kind of event a cluster is about, with the words its templates need.
struct EventKind {
    noun: &'static str,
    verb: &'static str,
    measure: &'static str,
}

const EVENTS: &[EventKind] = &[
    EventKind { noun: "a powerful storm", verb: "tore through", measure: "gusts of {speed} km/h" },
    EventKind { noun: "an earthquake", verb: "shook", measure: "a magnitude of {magnitude}" },
    EventKind { noun: "a chemical plant fire", verb: "broke out in", measure: "a plume visible from {dist} km away" },
    EventKind { noun: "flash flooding", verb: "swept through", measure: "{rain} millimetres of rain in {hours} hours" },
    EventKind { noun: "a train derailment", verb: "struck", measure: "a speed of {speed} km/h" },
];

/// The event's facts; each article reports them, some with a deliberate difference.
#[derive(Clone)]
struct Facts {
    deaths: u64,
    injured: u64,
    missing: u64,
    evacuated: u64,
    damage_millions: u64,
    aid_millions: u64,
    power_pct: u64,
    homes: u64,
    speed: u64,
    magnitude_tenths: u64,
    dist: u64,
    rain: u64,
    hours: u64,
    arrests: u64,
    ambulances: u64,
    hour: u64,
    minute: u64,
    prev_year: u64,
    prev_deaths: u64,
}

impl Facts {
    fn new(rng: &mut Rng) -> Facts {
        Facts {
            deaths: rng.range(3, 60),
            injured: rng.range(20, 400),
            missing: rng.range(2, 30),
            evacuated: rng.range(12, 90) * 100,
            damage_millions: rng.range(15, 900),
            aid_millions: rng.range(5, 120),
            power_pct: rng.range(12, 85),
            homes: rng.range(20, 300) * 100,
            speed: rng.range(90, 190),
            magnitude_tenths: rng.range(48, 79),
            dist: rng.range(8, 140),
            rain: rng.range(80, 320),
            hours: rng.range(3, 36),
            arrests: rng.range(2, 40),
            ambulances: rng.range(6, 45),
            hour: rng.range(1, 23),
            minute: rng.range(0, 11) * 5,
            prev_year: rng.range(1968, 2015),
            prev_deaths: rng.range(10, 300),
        }
    }

    /// The same facts as one article reports them: most agree, a few differ slightly (a later toll,
    /// a rounded count, a misreported figure), which the engine should flag.
    fn as_reported(&self, rng: &mut Rng) -> Facts {
        let mut f = self.clone();
        let nudge = |rng: &mut Rng, v: u64, pct: u64| {
            if rng.chance(pct) {
                let delta = (v / 10).max(1) * rng.range(1, 3);
                if rng.chance(50) {
                    v + delta
                } else {
                    v.saturating_sub(delta).max(1)
                }
            } else {
                v
            }
        };
        f.deaths = nudge(rng, f.deaths, 25);
        f.injured = nudge(rng, f.injured, 20);
        f.evacuated = nudge(rng, f.evacuated, 15);
        f.damage_millions = nudge(rng, f.damage_millions, 15);
        f.power_pct = nudge(rng, f.power_pct, 10);
        f.dist = nudge(rng, f.dist, 10);
        f.missing = nudge(rng, f.missing, 15);
        if rng.chance(10) {
            f.hour = (f.hour + 1) % 24;
        }
        f
    }
}

/// A person quoted in the cluster.
struct Person {
    first: &'static str,
    last: &'static str,
    title: String,
}

/// Writes a count the way news copy does: words up to ten, digits with thousands separators above.
fn count(n: u64, rng: &mut Rng) -> String {
    if n <= 10 && rng.chance(70) {
        SMALL[n as usize].to_string()
    } else {
        thousands(n)
    }
}

pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn clock(hour: u64, minute: u64, rng: &mut Rng) -> String {
    if rng.chance(50) {
        format!("{hour:02}:{minute:02}")
    } else {
        let (h, ampm) = match hour {
            0 => (12, "a.m."),
            1..=11 => (hour, "a.m."),
            12 => (12, "p.m."),
            _ => (hour - 12, "p.m."),
        };
        format!("{h}:{minute:02} {ampm}")
    }
}

/// Day of the week, 0 = Monday (Sakamoto's method).
pub fn weekday(year: u64, month: u64, day: u64) -> usize {
    const T: [u64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let sunday_first = (y + y / 4 - y / 100 + y / 400 + T[(month - 1) as usize] + day) % 7;
    ((sunday_first + 6) % 7) as usize
}

/// Fills `{key}` placeholders from `vars`; unknown keys stay as they are (a template bug shows).
fn fill(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let key = &rest[open + 1..open + close];
        match vars.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Sentences an article is built from, after its lead; `{..}` are filled per article.
const BODY: &[&str] = &[
    "“We have never seen anything like this,” said {p1}, the {p1title}. “Whole streets are simply gone.”",
    "{p1last} said {evacuated} residents had been moved to shelters and that {schools} schools would stay closed until {reopen}.",
    "The {agency} put the damage at ${damage} million, a figure that {p2}, {p2title}, called “a conservative estimate.”",
    "A senior official, who spoke on condition of anonymity because the inquiry is continuing, said the first warning had gone out {late} minutes late.",
    "According to the {org}, {power}% of homes in the district lost power, and about {homes} households were still without electricity on {weekday2} evening.",
    "“The {ambulances} ambulances we had were not enough,” {p3} {verb}. “We needed twice as many.”",
    "Officials said a further {missing} people were missing as of {weekday2} morning.",
    "The last comparable disaster, in {prev_year}, killed {prev_deaths} people, according to records kept by the {org}.",
    "{p2last} added that the government would release €{aid} million in emergency aid within {aid_days} days.",
    "Police said {arrests} people had been arrested for looting since {weekday} night.",
    "Rail services between {place} and the coast resumed at {time2} on {weekday2}, {delay} hours later than planned.",
    "The death toll rose to {deaths} by {weekday2} morning, up from {early_deaths} the day before, the ministry said.",
    "Residents described scenes of confusion as sirens sounded across the old town.",
    "Volunteers handed out water and blankets outside the town hall until well after midnight.",
    "{p3last}, who has lived in {place} for {years} years, said the water had reached the first floor within {minutes} minutes.",
    "“I don’t think anyone was ready,” she said. “Nobody told us to leave.”",
    "Insurers estimated that claims could exceed ${claims} million, roughly {claims_pct}% of the region’s annual premiums.",
    "Meteorologists said the event brought {measure}, the highest reading since {prev_year}.",
    "Opposition lawmakers have called for an independent inquiry, and a vote is expected on {vote_date}.",
    "A spokesman for the {org} declined to comment on the figures, saying only that “the count is not final.”",
    "Sources close to the investigation said investigators were examining whether maintenance had been delayed.",
    "The mayor told a news conference that {injured} people were treated in hospital, {critical} of them in critical condition.",
    "Some {volunteers} volunteers and {soldiers} soldiers were deployed to clear roads, officials said.",
    "The regional budget for emergencies this year is ${budget} million, up {budget_pct} per cent from {last_year}.",
];

const BOILERPLATE: &[&str] = &[
    "Reporting by {p4}; editing by {p5}.",
    "Copyright {year} {outlet}. All rights reserved.",
    "Sign up for our morning newsletter.",
    "This story has been updated with the latest casualty figures.",
];

/// Generates one cluster: `articles` articles about one event; the same seed gives the same text.
pub fn cluster(seed: u64, articles: usize) -> Cluster {
    let mut rng = Rng::new(seed);
    let kind = rng.pick(EVENTS);
    let place = *rng.pick(PLACES);
    let agency = *rng.pick(AGENCIES);
    let org = *rng.pick(ORGS);
    let facts = Facts::new(&mut rng);
    let year = rng.range(2016, 2025);
    let month = rng.range(1, 12);
    let day = rng.range(2, 27);
    let event_wd = weekday(year, month, day);
    let pub_date = format!("{year:04}-{month:02}-{:02}", day + 1);
    let titles = ["mayor of {place}", "regional governor", "head of the {agency}", "spokeswoman for the {org}"];
    let people: Vec<Person> = titles
        .iter()
        .map(|t| Person {
            first: FIRST[rng.index(FIRST.len())],
            last: LAST[rng.index(LAST.len())],
            title: fill(t, &[("place", place.into()), ("agency", agency.into()), ("org", org.into())]),
        })
        .collect();

    let articles = (0..articles)
        .map(|i| {
            let outlet = OUTLETS[(i + seed as usize) % OUTLETS.len()];
            let f = facts.as_reported(&mut rng);
            let p = |k: usize| &people[k % people.len()];
            let vars: Vec<(&str, String)> = vec![
                ("place", place.into()),
                ("agency", agency.into()),
                ("org", org.into()),
                ("outlet", outlet.into()),
                ("year", year.to_string()),
                ("last_year", (year - 1).to_string()),
                ("weekday", WEEKDAYS[event_wd].into()),
                ("weekday2", WEEKDAYS[(event_wd + 1) % 7].into()),
                ("p1", format!("{} {}", p(0).first, p(0).last)),
                ("p1last", p(0).last.into()),
                ("p1title", p(0).title.clone()),
                ("p2", format!("{} {}", p(1).first, p(1).last)),
                ("p2last", p(1).last.into()),
                ("p2title", format!("the {}", p(1).title)),
                ("p3", format!("{} {}", p(2 + i).first, p(2 + i).last)),
                ("p3last", p(2 + i).last.into()),
                ("p4", format!("{} {}", rng.pick(FIRST), rng.pick(LAST))),
                ("p5", format!("{} {}", rng.pick(FIRST), rng.pick(LAST))),
                ("verb", (*rng.pick(VERBS)).into()),
                ("deaths", count(f.deaths, &mut rng)),
                ("early_deaths", count(f.deaths.saturating_sub(rng.range(1, 4)).max(1), &mut rng)),
                ("injured", count(f.injured, &mut rng)),
                ("critical", count(rng.range(2, 12), &mut rng)),
                ("missing", count(f.missing, &mut rng)),
                ("evacuated", if rng.chance(30) { format!("more than {}", thousands(f.evacuated / 1000 * 1000)) } else { thousands(f.evacuated) }),
                ("schools", count(rng.range(3, 40), &mut rng)),
                ("reopen", format!("{} {}", MONTHS[(month % 12) as usize], rng.range(1, 28))),
                ("damage", f.damage_millions.to_string()),
                ("claims", (f.damage_millions * 2 / 3).to_string()),
                ("claims_pct", rng.range(3, 40).to_string()),
                ("aid", f.aid_millions.to_string()),
                ("aid_days", count(rng.range(3, 30), &mut rng)),
                ("power", f.power_pct.to_string()),
                ("homes", thousands(f.homes)),
                ("late", count(rng.range(5, 90), &mut rng)),
                ("ambulances", count(f.ambulances, &mut rng)),
                ("prev_year", f.prev_year.to_string()),
                ("prev_deaths", count(f.prev_deaths, &mut rng)),
                ("arrests", count(f.arrests, &mut rng)),
                ("time2", clock((f.hour + 7) % 24, f.minute, &mut rng)),
                ("delay", count(rng.range(2, 20), &mut rng)),
                ("years", count(rng.range(4, 60), &mut rng)),
                ("minutes", count(rng.range(5, 45), &mut rng)),
                ("volunteers", thousands(rng.range(2, 40) * 50)),
                ("soldiers", thousands(rng.range(1, 30) * 100)),
                ("budget", rng.range(40, 900).to_string()),
                ("budget_pct", rng.range(2, 30).to_string()),
                ("vote_date", format!("{} {}", MONTHS[((month + 1) % 12) as usize], rng.range(1, 28))),
                ("speed", f.speed.to_string()),
                ("magnitude", format!("{}.{}", f.magnitude_tenths / 10, f.magnitude_tenths % 10)),
                ("dist", f.dist.to_string()),
                ("rain", f.rain.to_string()),
                ("hours", count(f.hours, &mut rng)),
            ];
            let measure = fill(kind.measure, &vars);
            let mut vars = vars;
            vars.push(("measure", measure.clone()));

            let mut text = String::with_capacity(3400);
            let headline = format!(
                "{} dead after {} hits {}",
                capitalise(&count(f.deaths, &mut rng)),
                kind.noun.trim_start_matches("a ").trim_start_matches("an "),
                place
            );
            text.push_str(&headline);
            text.push_str("\n\n");
            let date_long = format!("{} {}, {}", MONTHS[(month - 1) as usize], day, year);
            let lead = format!(
                "{} — At least {} people were killed and {} injured when {} {} {} at {} on {}, {}, with {}, the {} said.",
                place.to_uppercase(),
                count(f.deaths, &mut rng),
                count(f.injured, &mut rng),
                kind.noun,
                kind.verb,
                place,
                clock(f.hour, f.minute, &mut rng),
                WEEKDAYS[event_wd],
                date_long,
                measure,
                agency
            );
            text.push_str(&lead);
            text.push_str("\n\n");

            // The body: a shuffled selection of sentences, two or three to a paragraph, until the
            // article is about as long as a wire story (2.5–3.5 KB), each sentence at most once.
            let target = rng.range(2300, 3100) as usize;
            let mut order: Vec<usize> = (0..BODY.len()).collect();
            for k in (1..order.len()).rev() {
                order.swap(k, rng.range(0, k as u64) as usize);
            }
            let mut in_paragraph = 0;
            for &k in &order {
                if text.len() >= target {
                    break;
                }
                text.push_str(&fill(BODY[k], &vars));
                in_paragraph += 1;
                if in_paragraph >= rng.range(1, 3) {
                    text.push_str("\n\n");
                    in_paragraph = 0;
                } else {
                    text.push(' ');
                }
            }
            let text = text.trim_end().to_string() + "\n\n" + &fill(BOILERPLATE[rng.index(BOILERPLATE.len())], &vars) + "\n";
            Article { name: format!("{:03}-{}.txt", i + 1, outlet.to_lowercase().replace(' ', "-")), text }
        })
        .collect();
    Cluster { pub_date, articles }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
