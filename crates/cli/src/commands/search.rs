//! `linkedin search ...`: people with every filter, companies, posts, jobs, the connections of
//! a member or mine, and LinkedIn's general search.

use clap::{Args, Subcommand, ValueEnum};
use linkedin_api::models::Raw;
use linkedin_api::view::SearchResult;
use linkedin_api::{
    CompanyResult, Distance, Network, Pages, PeopleSearch, PersonResult, PostResult, ResultType,
    Search,
};

use crate::account::Connection;
use crate::exit::Failure;
use crate::output::Out;
use crate::resume::MapItems;

/// How many results a list command prints.
#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct Limit {
    /// At most this many results (0 for all of them; long lists take many requests).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub(crate) limit: usize,
}

impl Limit {
    /// The stream, cut at the limit.
    pub(crate) fn apply<T: Send + 'static>(self, pages: Pages<T>) -> Pages<T> {
        if self.limit == 0 {
            pages
        } else {
            pages.limit(self.limit)
        }
    }
}

/// The `search` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// Search people, with every filter LinkedIn's people search takes (private profiles are
    /// left out unless --include-private).
    #[command(
        after_help = "Example: linkedin search people --keywords rust --network F,S --current-company 1337 --limit 100"
    )]
    People(Box<PeopleArgs>),
    /// Search company pages by name.
    #[command(after_help = "Example: linkedin search companies \"Lumen & Ledger\"")]
    Companies {
        /// The words to look for.
        keywords: String,
        #[command(flatten)]
        limit: Limit,
    },
    /// Search posts by their text.
    #[command(after_help = "Example: linkedin search posts kubernetes --limit 5")]
    Posts {
        /// The words to look for.
        keywords: String,
        #[command(flatten)]
        limit: Limit,
    },
    /// Search jobs (the same as `linkedin jobs search`).
    #[command(after_help = "Example: linkedin search jobs --keywords engineer --listed-within 7d")]
    Jobs(Box<super::jobs::SearchArgs>),
    /// The connections of a member (those LinkedIn shows you: within your 2nd degree), or
    /// mine without one.
    #[command(after_help = "Example: linkedin search connections --limit 0 --ndjson")]
    Connections {
        /// The member: a profile id (ACoAA…), a profile URN or a public id (resolved first);
        /// none for my own connections.
        profile: Option<String>,
        #[command(flatten)]
        limit: Limit,
    },
    /// LinkedIn's general search: results of any kind as LinkedIn shows them, optionally of
    /// one kind and with raw filters.
    #[command(
        after_help = "Example: linkedin search all robots --kind companies --filter companySize=B,C"
    )]
    All {
        /// The words to look for.
        keywords: String,
        /// Only results of this kind (LinkedIn mixes kinds without one).
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// A filter as LinkedIn's search page sends it: KEY=VALUE[,VALUE...] (any value may
        /// match); repeatable. Example: geoUrn=105080838.
        #[arg(long, value_name = "KEY=VALUES")]
        filter: Vec<String>,
        /// Skip the first N results.
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: u32,
        #[command(flatten)]
        limit: Limit,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: every search prints LinkedIn's results.
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::People(_)
            | Self::Companies { .. }
            | Self::Posts { .. }
            | Self::Jobs(_)
            | Self::Connections { .. }
            | Self::All { .. } => true,
        }
    }
}

/// The filters of `search people`, named after the facade's `PeopleSearch` (and the Python
/// client's `search_people`). Lists are comma-separated or repeated.
#[derive(Args, Debug)]
#[command(next_help_heading = "Filters")]
pub(crate) struct PeopleArgs {
    /// Words matched against names, headlines and more.
    #[arg(long)]
    keywords: Option<String>,
    /// How far from you: F (connections), S (their connections), O (everyone further).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        ignore_case = true,
        value_name = "F,S,O"
    )]
    network: Vec<Depth>,
    /// Working now at one of these companies: company ids (1337) or urn:li:company: URNs.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    current_company: Vec<String>,
    /// Worked before at one of these companies: company ids or URNs.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    past_company: Vec<String>,
    /// In one of these places: geo ids (105080838 is New York) or urn:li:fsd_geo: URNs.
    #[arg(long, value_delimiter = ',', value_name = "GEO_IDS")]
    region: Vec<String>,
    /// In one of these industries: industry ids (4 is Software Development).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    industry: Vec<String>,
    /// Went to one of these schools: school ids.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    school: Vec<String>,
    /// With a profile in one of these languages: two-letter codes (en, fr).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    profile_language: Vec<String>,
    /// With one of these nonprofit interests (skilledVolunteering, boardService).
    #[arg(long, value_delimiter = ',', value_name = "INTERESTS")]
    nonprofit_interest: Vec<String>,
    /// Offering services in one of these categories: service category ids.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    service_category: Vec<String>,
    /// Open to these kinds of contact (proBono, boardMember).
    #[arg(long, value_delimiter = ',', value_name = "INTERESTS")]
    contact_interest: Vec<String>,
    /// Only connections of this member: a profile id (ACoAA…) or profile URN.
    #[arg(long, value_name = "PROFILE")]
    connection_of: Option<String>,
    /// With this first name.
    #[arg(long)]
    first_name: Option<String>,
    /// With this last name.
    #[arg(long)]
    last_name: Option<String>,
    /// Whose title matches.
    #[arg(long)]
    title: Option<String>,
    /// Whose company name matches.
    #[arg(long)]
    company: Option<String>,
    /// Whose school name matches.
    #[arg(long)]
    school_name: Option<String>,
    /// Also give private profiles ("LinkedIn Member", out of network).
    #[arg(long)]
    include_private: bool,
    /// Skip the first N results.
    #[arg(long, value_name = "N", default_value_t = 0)]
    offset: u32,
    #[command(flatten)]
    limit: Limit,
}

/// A network depth of `--network`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Your connections.
    #[value(name = "F", alias = "first")]
    First,
    /// Their connections.
    #[value(name = "S", alias = "second")]
    Second,
    /// Everyone further.
    #[value(name = "O", alias = "other")]
    Other,
}

/// A kind of result of `search all --kind`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Members.
    People,
    /// Company pages.
    Companies,
    /// Posts.
    Posts,
    /// Jobs (LinkedIn's general search refuses it: use `search jobs`).
    Jobs,
    /// Groups.
    Groups,
    /// Schools.
    Schools,
    /// Events.
    Events,
}

impl Kind {
    fn result_type(self) -> ResultType {
        match self {
            Self::People => ResultType::People,
            Self::Companies => ResultType::Companies,
            Self::Posts => ResultType::Content,
            Self::Jobs => ResultType::Jobs,
            Self::Groups => ResultType::Groups,
            Self::Schools => ResultType::Schools,
            Self::Events => ResultType::Events,
        }
    }
}

impl PeopleArgs {
    fn query(self) -> PeopleSearch {
        let mut q = match self.keywords {
            Some(k) => PeopleSearch::keywords(k),
            None => PeopleSearch::new(),
        };
        if let Some(p) = self.connection_of {
            q = q.connection_of(p);
        }
        if !self.network.is_empty() {
            let depths: Vec<Network> = self
                .network
                .iter()
                .map(|d| match d {
                    Depth::First => Network::First,
                    Depth::Second => Network::Second,
                    Depth::Other => Network::ThirdPlus,
                })
                .collect();
            q = q.network(&depths);
        }
        q = q
            .regions(&self.region)
            .industries(&self.industry)
            .current_company(&self.current_company)
            .past_companies(&self.past_company)
            .profile_languages(&self.profile_language)
            .nonprofit_interests(&self.nonprofit_interest)
            .schools(&self.school)
            .service_categories(&self.service_category)
            .contact_interests(&self.contact_interest)
            .include_private_profiles(self.include_private)
            .offset(self.offset);
        if let Some(v) = self.first_name {
            q = q.keyword_first_name(v);
        }
        if let Some(v) = self.last_name {
            q = q.keyword_last_name(v);
        }
        if let Some(v) = self.title {
            q = q.keyword_title(v);
        }
        if let Some(v) = self.company {
            q = q.keyword_company(v);
        }
        if let Some(v) = self.school_name {
            q = q.keyword_school(v);
        }
        q
    }
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    // Refuse malformed raw filters before connecting.
    let filters = match &cmd {
        Cmd::All { filter, .. } => filter
            .iter()
            .map(|f| parse_filter(f))
            .collect::<Result<Vec<_>, _>>()?,
        _ => Vec::new(),
    };
    let session = conn.connect().await?;
    let li = &session.linkedin;
    let n = match cmd {
        Cmd::People(args) => {
            let limit = args.limit;
            let pages = limit.apply(li.search_people((*args).query()));
            out.stream_raw(pages, |p| person_line(p, out)).await?
        }
        Cmd::Companies { keywords, limit } => {
            let pages = limit.apply(li.search_companies(&keywords));
            out.stream_raw(pages, |c| company_line(c, out)).await?
        }
        Cmd::Posts { keywords, limit } => {
            let pages = limit.apply(li.search_posts(&keywords));
            out.stream_raw(pages, |p| post_line(p, out)).await?
        }
        Cmd::Jobs(args) => return super::jobs::search(li, *args, out).await,
        Cmd::Connections { profile, limit } => {
            let pages = match profile {
                None => li.my_connections(),
                Some(p) => {
                    let p = p.trim();
                    let urn = if p.starts_with("urn:") || p.starts_with("ACoAA") {
                        p.to_owned()
                    } else {
                        li.resolve_public_id(p).await?
                    };
                    li.profile_connections(&urn)
                }
            };
            out.stream_raw(limit.apply(pages), |p| person_line(p, out))
                .await?
        }
        Cmd::All {
            keywords,
            kind,
            filter: _,
            offset,
            limit,
        } => {
            let mut query = Search::keywords(keywords).offset(offset);
            if let Some(kind) = kind {
                query = query.result_type(kind.result_type());
            }
            for (key, values) in &filters {
                query = query.filter(key.as_str(), values);
            }
            // Entity results as the general search's view, with LinkedIn's JSON for --raw.
            let results = MapItems::new(
                limit.apply(li.search(query)),
                |found: Raw<linkedin_api::models::search::EntityResult>| {
                    let (entity, json) = found.into_parts();
                    Raw::new(SearchResult::from_result(&entity), json)
                },
            );
            out.stream_raw(results, |r| result_line(r, out)).await?
        }
    };
    if n == 0 {
        out.note("nothing found")?;
    }
    Ok(())
}

/// `KEY=V1,V2` as the key and its values.
fn parse_filter(text: &str) -> Result<(String, Vec<String>), Failure> {
    let Some((key, values)) = text.split_once('=') else {
        return Err(Failure::usage(format!(
            "--filter {text:?}: expected KEY=VALUE[,VALUE...], e.g. geoUrn=105080838"
        )));
    };
    let values: Vec<String> = values
        .split(',')
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if key.trim().is_empty() || values.is_empty() {
        return Err(Failure::usage(format!(
            "--filter {text:?}: expected KEY=VALUE[,VALUE...], e.g. geoUrn=105080838"
        )));
    }
    Ok((key.trim().to_owned(), values))
}

fn distance(d: &Distance) -> &'static str {
    match d {
        Distance::SelfDistance => "you",
        Distance::First => "1st",
        Distance::Second => "2nd",
        Distance::Third => "3rd",
        Distance::OutOfNetwork => "out of network",
        _ => "?",
    }
}

/// One person of a people search or a connections list.
pub(crate) fn person_line(p: &PersonResult, out: Out) -> String {
    let mut line = out.bold(&p.name);
    if let Some(d) = &p.distance {
        line.push_str(&format!(" ({})", distance(d)));
    }
    if let Some(h) = p.headline.as_deref().filter(|h| !h.is_empty()) {
        line.push_str(&format!(" · {h}"));
    }
    if let Some(l) = &p.location {
        line.push_str(&format!(" · {l}"));
    }
    let id = p.public_id.as_deref().unwrap_or(&p.profile_id);
    line.push_str(&format!("  {}", out.dim(id)));
    line
}

fn company_line(c: &CompanyResult, out: Out) -> String {
    let mut line = out.bold(&c.name);
    for part in [&c.headline, &c.subline].into_iter().flatten() {
        line.push_str(&format!(" · {part}"));
    }
    let id = c.universal_name.as_deref().unwrap_or(&c.company_id);
    line.push_str(&format!("  {}", out.dim(id)));
    line
}

/// The first line of a text, cut at `max` characters.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let first = first.trim();
    if first.chars().count() > max || text.trim().lines().count() > 1 {
        let cut: String = first.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    } else {
        first.to_owned()
    }
}

pub(crate) fn post_line(p: &PostResult, out: Out) -> String {
    format!(
        "{}: {}  {}",
        out.bold(&p.author_name),
        excerpt(p.text.as_deref().unwrap_or(""), 100),
        out.dim(&p.urn)
    )
}

fn result_line(r: &SearchResult, out: Out) -> String {
    let mut line = out.bold(r.title.as_deref().unwrap_or("?"));
    for part in [&r.primary_subtitle, &r.secondary_subtitle]
        .into_iter()
        .flatten()
    {
        line.push_str(&format!(" · {part}"));
    }
    if let Some(urn) = &r.urn {
        line.push_str(&format!("  {}", out.dim(urn)));
    }
    line
}
