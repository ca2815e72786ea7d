//! The web app's pages and scripts, where a client finds the ids the API answers now when the
//! ones it has went stale: the home page (`GET /feed/`), the people-search page
//! (`GET /search/results/people/?keywords=…`) and the script bundles they load
//! (`GET /aero-v1/sc/h/<token>`).
//!
//! What the evidence says of LinkedIn's (peers-2026.md §4, "Drift survival"), and what the
//! sandbox serves for it:
//! - The people-search page carries the search `queryId` inline, as
//!   `"queryId":"voyagerSearchDashClusters.<32 hex>"` (mayai-it/linkedin-cli scrapes it with the
//!   regex `"queryId"\s*:\s*"(voyagerSearchDashClusters\.[a-f0-9]{32})"`; browser extensions do
//!   the same). The sandbox's page carries the current one of `search_clusters` so, in a
//!   `<script type="application/json">` block, and one other query's id.
//! - The other ids are in the web app's script bundles, "several variants" of a hash among
//!   them, so a client probes each candidate against the API; the bundles are chunks at
//!   `static.licdn.com/aero-v1/sc/h/<id>`, public (fetched "without auth"), "not referenced in
//!   static HTML" but loaded by the app (the unnamed TS CLI, fs:56342133425). LinkedIn's are
//!   megabytes; the sandbox's are tens of KiB each, minified-looking Ember modules in which
//!   the ids appear as `queryId:"<queryName>.<32 hex>"` and `decorationId:"com.linkedin.….<Name>-<n>"`.
//!   The sandbox serves them from a second listener, its CDN (on the same address, another
//!   port: [`SandboxHandle::cdn_url`](crate::SandboxHandle::cdn_url)), which answers nothing
//!   else and asks for no cookie; the pages name them by absolute URL as LinkedIn's name
//!   `https://static.licdn.com/aero-v1/sc/h/<token>`, so a client must fetch another host,
//!   without the session's cookies, to read them.
//!
//! The layout (inferred; tokens, names and sizes are the sandbox's own):
//! - both pages list four scripts, `<script src="<cdn>/aero-v1/sc/h/<token>"></script>`, in
//!   the page's `<head>`: a vendor bundle, the app, the loader (the webpack-style runtime), the
//!   feed;
//! - the loader maps chunk numbers to three more scripts, `NNN:"<cdn>/aero-v1/sc/h/<token>"`,
//!   which no page lists;
//! - every live entry's current ids are in the app, the feed or one of the three lazy chunks;
//!   so are decoys: the old ids of half the rotated entries, an id with a rotated entry's
//!   name and another hash (a `queryId`) or a higher version (a `decorationId`) for a third of
//!   them, and ids of made-up queries and projections. A decoy is answered as a stale id.
//!
//! Everything is made from the drift's seed (0 without rotation, when the ids are the
//! catalogue's): the same seed gives the same bytes. Without drift the pages and scripts are
//! served too, with the catalogue's ids, so a client's discovery can be tried on any sandbox.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use crate::drift::{catalogue_ids, hash, hex32, mix};

/// The path of the web app's scripts (LinkedIn's CDN's, served on the sandbox's CDN listener).
pub(crate) const SCRIPT_PATH: &str = "/aero-v1/sc/h/";

/// An id of an entry, as a script carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Id {
    /// A GraphQL `queryId`.
    Query(String),
    /// A REST `decorationId`.
    Decoration(String),
}

/// One entry whose ids the scripts carry.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// The catalogue name.
    pub(crate) name: &'static str,
    /// The ids the API answers now.
    pub(crate) current: Vec<Id>,
    /// The catalogue's ids, when the entry rotated.
    pub(crate) old: Option<Vec<Id>>,
}

/// The pages and the scripts.
#[derive(Debug)]
pub(crate) struct WebApp {
    seed: u64,
    /// The origin the scripts are served from.
    cdn: String,
    /// The tokens of the scripts the pages list, in order.
    listed: Vec<String>,
    /// Every script, by token.
    scripts: HashMap<String, String>,
    /// The current `queryId` of people search, when it is answered.
    search_query_id: Option<String>,
    /// A made-up query's id the search page carries too.
    typeahead_query_id: String,
}

/// The bundles: a name (for the module paths), the size of their filler, and whether a page
/// lists them. The first four are listed, the loader third; the last three are the chunks
/// the loader loads.
const BUNDLES: [(&str, usize, bool); 7] = [
    ("vendor", 40 << 10, true),
    ("app", 36 << 10, true),
    ("runtime", 6 << 10, true),
    ("feed", 28 << 10, true),
    ("profile", 22 << 10, false),
    ("messaging", 22 << 10, false),
    ("search", 20 << 10, false),
];
/// The index of the loader in [`BUNDLES`].
const LOADER: usize = 2;
/// The bundles that carry entries' ids.
const ID_BUNDLES: [usize; 5] = [1, 3, 4, 5, 6];

/// Words of the filler and of the made-up names.
const WORDS: [&str; 64] = [
    "feed",
    "card",
    "entity",
    "lockup",
    "actor",
    "social",
    "detail",
    "action",
    "button",
    "header",
    "footer",
    "list",
    "item",
    "modal",
    "toast",
    "image",
    "avatar",
    "badge",
    "count",
    "label",
    "text",
    "link",
    "menu",
    "nav",
    "panel",
    "search",
    "typeahead",
    "filter",
    "pill",
    "result",
    "message",
    "thread",
    "compose",
    "attachment",
    "reaction",
    "comment",
    "share",
    "profile",
    "section",
    "skill",
    "experience",
    "education",
    "job",
    "company",
    "school",
    "page",
    "event",
    "group",
    "notification",
    "invite",
    "network",
    "premium",
    "insight",
    "analytics",
    "tracking",
    "impression",
    "viewport",
    "lazy",
    "scroll",
    "render",
    "layout",
    "grid",
    "column",
    "row",
];
/// Areas and things of the made-up queries (`voyager<Area>Dash<Thing>`) and projections.
const AREAS: [&str; 10] = [
    "Growth",
    "Learning",
    "Premium",
    "Events",
    "Groups",
    "Careers",
    "Talent",
    "Video",
    "Publishing",
    "Marketplaces",
];
const THINGS: [&str; 12] = [
    "Suggestions",
    "Badges",
    "Settings",
    "Tiles",
    "Insights",
    "Recommendations",
    "Topics",
    "Nudges",
    "Banners",
    "Cohorts",
    "Highlights",
    "Prompts",
];
/// How many made-up ids the scripts carry.
const MADE_UP: usize = 18;

/// splitmix64, seeded: the filler's and the decoys' randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }

    fn word(&mut self) -> &'static str {
        self.pick(&WORDS)
    }
}

/// A token of a script's URL: 25 lowercase letters and digits, from the seed and a label.
fn token(seed: u64, label: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut rng = Rng(hash(seed, &["token", label]));
    (0..25)
        .map(|_| char::from(ALPHABET[rng.below(ALPHABET.len())]))
        .collect()
}

impl WebApp {
    /// The pages and scripts for `items` (every live entry with ids), from `seed`;
    /// `search_query_id` is the current `queryId` of people search, if it is answered; `cdn`
    /// the origin the scripts are served from.
    pub(crate) fn build(
        seed: u64,
        items: &[Item],
        search_query_id: Option<&str>,
        cdn: &str,
    ) -> Self {
        let tokens: Vec<String> = BUNDLES
            .iter()
            .map(|(name, _, _)| token(seed, name))
            .collect();
        let mut ids: Vec<Vec<String>> = vec![Vec::new(); BUNDLES.len()];
        let mut taken: HashSet<String> = catalogue_ids().map(str::to_owned).collect();
        taken.extend(
            items
                .iter()
                .flat_map(|i| &i.current)
                .map(|id| text(id).to_owned()),
        );
        let (rotated, kept): (Vec<&Item>, Vec<&Item>) = items.iter().partition(|i| i.old.is_some());
        for (i, item) in placed(seed, rotated).into_iter().enumerate() {
            let at = |k: usize| ID_BUNDLES[(i + k) % ID_BUNDLES.len()];
            ids[at(0)].extend(item.current.iter().map(snippet_of(seed, item.name)));
            if i % 2 == 0 {
                let old = item.old.iter().flatten();
                ids[at(2)].extend(old.map(snippet_of(seed, item.name)));
            }
            if i % 3 == 0 {
                for id in &item.current {
                    let decoy = same_name_decoy(seed, item.name, id, &mut taken);
                    ids[at(3)].push(snippet(seed, item.name, &decoy));
                }
            }
        }
        for (i, item) in placed(seed, kept).into_iter().enumerate() {
            let at = ID_BUNDLES[(i + 1) % ID_BUNDLES.len()];
            ids[at].extend(item.current.iter().map(snippet_of(seed, item.name)));
        }
        let query_names: HashSet<&str> = catalogue_ids()
            .filter(|id| linkedin_catalogue::is_query_id(id))
            .filter_map(|id| id.split_once('.').map(|(name, _)| name))
            .collect();
        let mut rng = Rng(hash(seed, &["made up"]));
        let mut made_up = Vec::new();
        while made_up.len() < MADE_UP {
            let id = made_up_id(&mut rng, made_up.len() % 3 == 2);
            let real_query = match &id {
                Id::Query(q) => q
                    .split_once('.')
                    .is_some_and(|(name, _)| query_names.contains(name)),
                Id::Decoration(_) => false,
            };
            if !real_query && taken.insert(text(&id).to_owned()) {
                made_up.push(id);
            }
        }
        let typeahead_query_id = made_up.first().map(text).unwrap_or_default().to_owned();
        for (k, id) in made_up.iter().enumerate() {
            ids[k % BUNDLES.len()].push(snippet(seed, "made up", id));
        }

        let lazy: Vec<(u64, String)> = BUNDLES
            .iter()
            .enumerate()
            .filter(|(_, (_, _, listed))| !listed)
            .map(|(i, (name, _, _))| (100 + hash(seed, &["chunk", name]) % 900, tokens[i].clone()))
            .collect();
        let mut scripts = HashMap::new();
        for (i, (name, size, _)) in BUNDLES.iter().enumerate() {
            let mut rng = Rng(hash(seed, &["bundle", name]));
            let head = (i == LOADER).then(|| loader(cdn, &lazy));
            let body = bundle(&mut rng, name, *size, head, std::mem::take(&mut ids[i]));
            scripts.insert(tokens[i].clone(), body);
        }
        let listed = BUNDLES
            .iter()
            .zip(&tokens)
            .filter(|((_, _, listed), _)| *listed)
            .map(|(_, token)| token.clone())
            .collect();
        Self {
            seed,
            cdn: cdn.to_owned(),
            listed,
            scripts,
            search_query_id: search_query_id.map(str::to_owned),
            typeahead_query_id,
        }
    }

    /// The script at `/aero-v1/sc/h/<token>`.
    pub(crate) fn script(&self, token: &str) -> Option<&str> {
        self.scripts.get(token).map(String::as_str)
    }

    /// The `<script>` tags of the listed bundles.
    fn script_tags(&self) -> String {
        self.listed
            .iter()
            .map(|t| format!("<script src=\"{}{SCRIPT_PATH}{t}\"></script>\n", self.cdn))
            .collect()
    }

    /// `GET /feed/`: the home page, about 20 KiB: the head's meta tags (as `GET /`'s), the four
    /// scripts, and a skeleton of the feed with `<code>` blocks of page data, as LinkedIn's.
    pub(crate) fn home_page(&self) -> String {
        let mut rng = Rng(hash(self.seed, &["home page"]));
        let mut page = String::with_capacity(24 << 10);
        page.push_str(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>Feed | LinkedIn</title>\n\
             <meta name=\"applicationInstance\" content=\"{&quot;applicationUrn&quot;:&quot;urn:li:application:(voyager-web,voyager-web)&quot;,&quot;version&quot;:&quot;1.13.42289&quot;,&quot;trackingId&quot;:&quot;c2FuZGJveC10cmFja2luZw==&quot;}\">\n\
             <meta name=\"clientPageInstanceId\" content=\"5b1f2c3e-8d4a-4c6b-9e7f-0a1b2c3d4e5f\">\n",
        );
        page.push_str(&self.script_tags());
        page.push_str(
            "</head><body dir=\"ltr\" class=\"render-mode-BIGPIPE nav-v2 ember-application\">\n\
             <div class=\"application-outlet\"><main class=\"scaffold-layout__main\" aria-label=\"Main Feed\">\n",
        );
        while page.len() < 16 << 10 {
            skeleton_card(&mut rng, &mut page);
        }
        page.push_str("</main></div>\n");
        for n in 1..=6 {
            page_data(&mut rng, n, &mut page);
        }
        page.push_str("</body></html>\n");
        page
    }

    /// `GET /search/results/people/?keywords=…`: the people-search page, with the current
    /// search `queryId` inline (and a made-up typeahead query's), the four scripts, and a
    /// skeleton of the results.
    pub(crate) fn search_page(&self, keywords: &str) -> String {
        let mut rng = Rng(hash(self.seed, &["search page"]));
        let mut page = String::with_capacity(16 << 10);
        let _ = writeln!(
            page,
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>{} | Search | LinkedIn</title>",
            escape_html(keywords)
        );
        page.push_str(&self.script_tags());
        page.push_str(
            "</head><body dir=\"ltr\" class=\"render-mode-BIGPIPE nav-v2 ember-application\">\n\
             <div class=\"application-outlet\"><div class=\"search-results-container\">\n",
        );
        while page.len() < 8 << 10 {
            skeleton_card(&mut rng, &mut page);
        }
        page.push_str("</div></div>\n");
        page_data(&mut rng, 1, &mut page);
        let results = self
            .search_query_id
            .as_ref()
            .map(|id| format!(",\"results\":{{\"queryId\":\"{id}\",\"start\":0,\"count\":10}}"))
            .unwrap_or_default();
        let _ = writeln!(
            page,
            "<script type=\"application/json\" id=\"search-page-data\">\
             {{\"typeahead\":{{\"queryId\":\"{}\"}}{results},\"origin\":\"GLOBAL_SEARCH_HEADER\"}}</script>",
            self.typeahead_query_id
        );
        page_data(&mut rng, 2, &mut page);
        page.push_str("</body></html>\n");
        page
    }
}

/// `items` in the order the seed places them in.
fn placed(seed: u64, mut items: Vec<&Item>) -> Vec<&Item> {
    items.sort_by_key(|i| (hash(seed, &["place", i.name]), i.name));
    items
}

/// The text of an id.
fn text(id: &Id) -> &str {
    match id {
        Id::Query(s) | Id::Decoration(s) => s,
    }
}

fn snippet_of(seed: u64, name: &'static str) -> impl Fn(&Id) -> String {
    move |id| snippet(seed, name, id)
}

/// A module that carries `id`: a GraphQL query's or a REST adapter's options.
fn snippet(seed: u64, name: &str, id: &Id) -> String {
    let mut rng = Rng(hash(seed, &["snippet", name, text(id)]));
    let (a, b) = (rng.word(), rng.word());
    match id {
        Id::Query(id) => format!(
            "define(\"voyager-web/graphql/{a}-{b}\",[\"exports\",\"@linkedin/graphql-client\"],function(e,t){{\"use strict\";\
             Object.defineProperty(e,\"__esModule\",{{value:!0}}),e.default=void 0;var n={{queryId:\"{id}\",includeWebMetadata:!0}};\
             e.default=function(e,r){{return t.query(Object.assign({{}},n,{{variables:e}}),r)}}}});"
        ),
        Id::Decoration(id) => format!(
            "define(\"voyager-web/adapters/{a}-{b}\",[\"exports\",\"@linkedin/rest-client\"],function(e,t){{\"use strict\";\
             Object.defineProperty(e,\"__esModule\",{{value:!0}}),e.default=void 0;var n={{decorationId:\"{id}\"}};\
             e.default=function(e){{return t.fetch(Object.assign({{}},n,e))}}}});"
        ),
    }
}

/// An id with the name of `id` that the API does not answer: another hash for a `queryId`, a
/// version above the current one for a `decorationId`; none `taken`, and it is taken then.
fn same_name_decoy(seed: u64, name: &str, id: &Id, taken: &mut HashSet<String>) -> Id {
    let made = (0_u64..).find_map(|salt| {
        let decoy = match id {
            Id::Query(id) => {
                let query = id.split_once('.').map_or(id.as_str(), |(q, _)| q);
                Id::Query(format!(
                    "{query}.{}",
                    hex32(seed, &["decoy", name, &salt.to_string()])
                ))
            }
            Id::Decoration(id) => {
                let (projection, version) = id.rsplit_once('-').unwrap_or((id, "0"));
                let version: u64 = version.parse().unwrap_or(0);
                Id::Decoration(format!("{projection}-{}", version + 3 + salt))
            }
        };
        taken.insert(text(&decoy).to_owned()).then_some(decoy)
    });
    made.unwrap_or_else(|| id.clone())
}

/// A made-up query's `queryId` (`voyager<Area>Dash<Thing>.<hex>`) or, if `projection`, a
/// made-up projection's `decorationId`.
fn made_up_id(rng: &mut Rng, projection: bool) -> Id {
    let (area, thing) = (rng.pick(&AREAS), rng.pick(&THINGS));
    if projection {
        let kind = rng.pick(&["Card", "Collection", "View", "Lite"]);
        Id::Decoration(format!(
            "com.linkedin.voyager.dash.deco.{}.{thing}{kind}-{}",
            area.to_lowercase(),
            1 + rng.below(90)
        ))
    } else {
        Id::Query(format!(
            "voyager{area}Dash{thing}.{:016x}{:016x}",
            rng.next(),
            rng.next()
        ))
    }
}

/// The loader's own code: the lazy chunks' URLs by chunk number, and the function that adds
/// a chunk's `<script>` to the page.
fn loader(cdn: &str, lazy: &[(u64, String)]) -> String {
    let map: Vec<String> = lazy
        .iter()
        .map(|(n, token)| format!("{n}:\"{cdn}{SCRIPT_PATH}{token}\""))
        .collect();
    format!(
        "!function(){{\"use strict\";var e={{}},r={{{}}};function n(t){{if(e[t])return e[t];\
         var o=document.createElement(\"script\");return o.src=r[t],o.async=!0,\
         e[t]=new Promise(function(e,n){{o.onload=e,o.onerror=n,document.head.appendChild(o)}})}}\
         n.m=r,window.__voyagerChunk=n,Object.keys(r).forEach(function(e){{window.requestIdleCallback&&window.requestIdleCallback(function(){{n(e)}})}})}}();",
        map.join(",")
    )
}

/// A bundle: `head` first (the loader's code), then filler modules up to `size` bytes with
/// the `ids` modules among them at places drawn from `rng`.
fn bundle(
    rng: &mut Rng,
    name: &str,
    size: usize,
    head: Option<String>,
    ids: Vec<String>,
) -> String {
    let mut modules: Vec<String> = Vec::new();
    let mut len = 0;
    while len < size {
        let m = filler(rng, name);
        len += m.len() + 1;
        modules.push(m);
    }
    for id in ids {
        let at = rng.below(modules.len() + 1);
        modules.insert(at, id);
    }
    let mut out = head.map(|h| h + "\n").unwrap_or_default();
    out.push_str(&modules.join("\n"));
    out.push('\n');
    out
}

/// One filler module, in the shapes of an Ember app's: a component, a helper, translations or
/// a compiled template.
fn filler(rng: &mut Rng, bundle: &str) -> String {
    let (a, b, c) = (rng.word(), rng.word(), rng.word());
    match rng.below(4) {
        0 => {
            let props: Vec<String> = (0..2 + rng.below(6)).map(|_| prop(rng)).collect();
            format!(
                "define(\"voyager-web/components/{bundle}/{a}-{b}\",[\"exports\",\"@ember/component\",\"@ember/object\"],\
                 function(e,t,n){{\"use strict\";Object.defineProperty(e,\"__esModule\",{{value:!0}}),e.default=void 0;\
                 var r=t.default.extend({{tagName:\"\",classNames:[\"{a}-{b}__{c}\"],{}}});e.default=r}});",
                props.join(",")
            )
        }
        1 => format!(
            "define(\"voyager-web/helpers/{a}-{b}\",[\"exports\",\"@ember/component/helper\"],function(e,t){{\"use strict\";\
             Object.defineProperty(e,\"__esModule\",{{value:!0}}),e.default=void 0;var n=(0,t.helper)(function(e){{var t=e[0],n=e[1];\
             return t&&t.{a}?t.{a}.{b}:n||{}}});e.default=n}});",
            rng.below(100)
        ),
        2 => {
            let strings: Vec<String> = (0..3 + rng.below(8))
                .map(|_| {
                    let (k1, k2) = (rng.word(), rng.word());
                    let words: Vec<&str> = (0..2 + rng.below(6)).map(|_| rng.word()).collect();
                    format!("\"{k1}_{k2}\":\"{}\"", words.join(" "))
                })
                .collect();
            format!(
                "define(\"voyager-web/translations/{bundle}/{a}\",[\"exports\"],function(e){{\"use strict\";e.default={{{}}}}});",
                strings.join(",")
            )
        }
        _ => format!(
            "define(\"voyager-web/templates/components/{a}-{b}\",[\"exports\",\"@ember/template-factory\"],function(e,t){{\"use strict\";\
             Object.defineProperty(e,\"__esModule\",{{value:!0}}),e.default=void 0;var n=(0,t.createTemplateFactory)({{id:\"{:08x}\",\
             block:\"[[[10,0],[14,0,\\\"{a}-{b}\\\"],[12],[1,\\\"\\\\n  \\\"],[8,[39,0],null,[[\\\"@{c}\\\"],[[30,0,[\\\"{b}\\\"]]]],null],[13]],[],false,[\\\"{c}\\\"]]\",\
             moduleName:\"voyager-web/templates/components/{a}-{b}.hbs\",isStrictMode:!1}});e.default=n}});",
            rng.next() & 0xffff_ffff
        ),
    }
}

/// One property of a component.
fn prop(rng: &mut Rng) -> String {
    let (a, b, c) = (rng.word(), rng.word(), rng.word());
    match rng.below(5) {
        0 => format!("{a}:\"{b}-{c}\""),
        1 => format!("{a}:!{}", rng.below(2)),
        2 => format!("{a}{}:{}", capital(b), rng.below(1000)),
        3 => format!("{a}:function(){{return this.{b}.{c}(\"{}\")}}", rng.word()),
        _ => format!(
            "{a}{}:(0,n.computed)(\"{c}\",function(){{var e=this.{c};return e&&e.length>{}}})",
            capital(b),
            rng.below(10)
        ),
    }
}

fn capital(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|f| f.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// A placeholder card of a page's skeleton.
fn skeleton_card(rng: &mut Rng, page: &mut String) {
    let (a, b, c) = (rng.word(), rng.word(), rng.word());
    let _ = writeln!(
        page,
        "<div class=\"artdeco-card {a}-{b}__container mb2\" data-id=\"urn:li:{a}:{}\">\
         <div class=\"{a}-{b}__header ghost-{c}\" aria-hidden=\"true\"></div>\
         <div class=\"{b}-{c}__content\"><span class=\"visually-hidden\">{a} {b} {c}</span></div></div>",
        rng.next() % 10_000_000_000
    );
}

/// A `<code>` block of page data (HTML-escaped JSON), as LinkedIn's pages carry.
fn page_data(rng: &mut Rng, n: usize, page: &mut String) {
    let entries: Vec<String> = (0..8 + rng.below(12))
        .map(|_| {
            let (a, b, c) = (rng.word(), rng.word(), rng.word());
            format!("&quot;{a}_{b}&quot;:&quot;{c} {a}&quot;")
        })
        .collect();
    let _ = writeln!(
        page,
        "<code style=\"display: none\" id=\"bpr-guid-{}\">{{&quot;data&quot;:{{{}}},&quot;included&quot;:[]}}</code>",
        1000 + n * 7,
        entries.join(",")
    );
}

/// `s` safe inside HTML text.
fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
