//! `linkedin jobs ...`: a posting, how my skills match it, the job search with every filter,
//! and My Items: the jobs I saved or applied to, saving and unsaving one.

use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use linkedin_api::models::job::JobSkillMatch;
use linkedin_api::{ExperienceLevel, JobItem, JobResult, JobSearch, JobType, Linkedin, Workplace};
use serde::Serialize;

use super::search::Limit;
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::Out;

/// The `jobs` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// A job posting: title, company, place, contract, seniority, applicants, description.
    #[command(after_help = "Example: linkedin jobs show 3955231344")]
    Show {
        /// The job id (the number of urn:li:jobPosting:<id>), or that URN.
        job_id: String,
    },
    /// How my skills match a job posting: the skills it asks for that my profile lists, and
    /// those it lacks.
    #[command(after_help = "Example: linkedin jobs skills 3955231344")]
    Skills {
        /// The job id (the number of urn:li:jobPosting:<id>), or that URN.
        job_id: String,
    },
    /// Search jobs, by default those listed in the last 24 hours (--listed-within to look
    /// further back).
    #[command(
        after_help = "Example: linkedin jobs search --keywords \"rust engineer\" --location Berlin --workplace remote,hybrid --listed-within 7d"
    )]
    Search(Box<SearchArgs>),
    /// The jobs you saved (My Items), most recently saved first.
    #[command(after_help = "Example: linkedin jobs saved --limit 0")]
    Saved {
        #[command(flatten)]
        limit: Limit,
    },
    /// The jobs you applied to, each with its application's state (Applied, Application
    /// viewed...), most recent first.
    #[command(after_help = "Example: linkedin jobs applied")]
    Applied {
        #[command(flatten)]
        limit: Limit,
    },
    /// Save a job: it is listed first by `jobs saved`. Saving a saved job changes nothing.
    #[command(after_help = "Example: linkedin jobs save 3955231344")]
    Save {
        /// The job id (the number of urn:li:jobPosting:<id>), or that URN.
        job_id: String,
    },
    /// Unsave a job: it leaves `jobs saved`.
    #[command(after_help = "Example: linkedin jobs unsave 3955231344")]
    Unsave {
        /// The job id (the number of urn:li:jobPosting:<id>), or that URN.
        job_id: String,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: a posting and the search's cards yes; the
    /// skill match is spelled out here (matched and missing).
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::Show { .. } | Self::Search(_) | Self::Saved { .. } | Self::Applied { .. } => true,
            Self::Skills { .. } | Self::Save { .. } | Self::Unsave { .. } => false,
        }
    }
}

/// The filters of a job search, named after the facade's `JobSearch` (and the Python
/// client's `search_jobs`). Lists are comma-separated or repeated.
#[derive(Args, Debug)]
#[command(next_help_heading = "Filters")]
pub(crate) struct SearchArgs {
    /// Words matched against titles and descriptions.
    #[arg(long)]
    keywords: Option<String>,
    /// At one of these companies: company ids (1337) or urn:li:company: URNs.
    #[arg(long = "company", value_delimiter = ',', value_name = "IDS")]
    companies: Vec<String>,
    /// Of these seniorities.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "LEVELS")]
    experience: Vec<Level>,
    /// With these contracts.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "TYPES")]
    job_type: Vec<Employment>,
    /// With these standardized titles: title ids (9).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    job_title: Vec<String>,
    /// In these industries: industry ids (4 is Software Development).
    #[arg(long = "industry", value_delimiter = ',', value_name = "IDS")]
    industries: Vec<String>,
    /// In this place, by name (San Francisco).
    #[arg(long = "location", value_name = "PLACE")]
    location_name: Option<String>,
    /// With these workplace types.
    #[arg(
        long = "workplace",
        alias = "remote",
        value_enum,
        value_delimiter = ',',
        value_name = "TYPES"
    )]
    remote: Vec<Place>,
    /// Listed this recently at most: seconds, or a number with s, m, h, d or w (24h, 7d).
    #[arg(
        long = "listed-within",
        alias = "listed-at",
        value_name = "DURATION",
        default_value = "24h",
        value_parser = parse_duration
    )]
    listed_at: Duration,
    /// Within this many miles of --location.
    #[arg(long, value_name = "MILES")]
    distance: Option<u32>,
    /// Skip the first N results.
    #[arg(long, value_name = "N", default_value_t = 0)]
    offset: u32,
    #[command(flatten)]
    limit: Limit,
}

/// A seniority of `--experience`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// Internship.
    Internship,
    /// Entry level.
    Entry,
    /// Associate.
    Associate,
    /// Mid-senior level.
    MidSenior,
    /// Director.
    Director,
    /// Executive.
    Executive,
}

/// A contract of `--job-type`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Employment {
    /// Full-time.
    FullTime,
    /// Contract.
    Contract,
    /// Part-time.
    PartTime,
    /// Temporary.
    Temporary,
    /// Internship.
    Internship,
    /// Volunteer.
    Volunteer,
    /// Other.
    Other,
}

/// A workplace type of `--workplace`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// On site.
    OnSite,
    /// Remote.
    Remote,
    /// Hybrid.
    Hybrid,
}

/// `90`, `90s`, `15m`, `24h`, `7d`, `2w` as a duration.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("expected a number with s, m, h, d or w (24h, 7d), not `{text}`"))?;
    let unit = match unit.trim() {
        "" | "s" => 1,
        "m" => 60,
        "h" => 60 * 60,
        "d" => 24 * 60 * 60,
        "w" => 7 * 24 * 60 * 60,
        other => return Err(format!("unknown unit `{other}`: use s, m, h, d or w")),
    };
    if number == 0 {
        return Err("must be more than zero".to_owned());
    }
    Ok(Duration::from_secs(number.saturating_mul(unit)))
}

impl SearchArgs {
    fn query(&self) -> JobSearch {
        let mut q = match &self.keywords {
            Some(k) => JobSearch::keywords(k.clone()),
            None => JobSearch::new(),
        };
        let experience: Vec<ExperienceLevel> = self
            .experience
            .iter()
            .map(|l| match l {
                Level::Internship => ExperienceLevel::Internship,
                Level::Entry => ExperienceLevel::EntryLevel,
                Level::Associate => ExperienceLevel::Associate,
                Level::MidSenior => ExperienceLevel::MidSenior,
                Level::Director => ExperienceLevel::Director,
                Level::Executive => ExperienceLevel::Executive,
            })
            .collect();
        let job_type: Vec<JobType> = self
            .job_type
            .iter()
            .map(|t| match t {
                Employment::FullTime => JobType::FullTime,
                Employment::Contract => JobType::Contract,
                Employment::PartTime => JobType::PartTime,
                Employment::Temporary => JobType::Temporary,
                Employment::Internship => JobType::Internship,
                Employment::Volunteer => JobType::Volunteer,
                Employment::Other => JobType::Other,
            })
            .collect();
        let remote: Vec<Workplace> = self
            .remote
            .iter()
            .map(|p| match p {
                Place::OnSite => Workplace::OnSite,
                Place::Remote => Workplace::Remote,
                Place::Hybrid => Workplace::Hybrid,
            })
            .collect();
        q = q
            .companies(&self.companies)
            .experience(&experience)
            .job_type(&job_type)
            .job_title(&self.job_title)
            .industries(&self.industries)
            .remote(&remote)
            .listed_at(self.listed_at)
            .offset(self.offset);
        if let Some(place) = &self.location_name {
            q = q.location_name(place.clone());
        }
        if let Some(miles) = self.distance {
            q = q.distance(miles);
        }
        q
    }
}

/// How my skills match a posting, with the matched and missing skills spelled out (what
/// `jobs skills --json` prints, and the MCP tool `get_job_skills` gives).
#[derive(Debug, Serialize)]
pub(crate) struct SkillMatch {
    #[serde(flatten)]
    insight: JobSkillMatch,
    /// The skills the posting asks for that the profile lists.
    pub(crate) matched: Vec<String>,
    /// The skills the posting asks for that the profile lacks.
    pub(crate) missing: Vec<String>,
}

impl From<JobSkillMatch> for SkillMatch {
    fn from(insight: JobSkillMatch) -> Self {
        let owned = |s: Vec<&str>| s.into_iter().map(str::to_owned).collect();
        Self {
            matched: owned(insight.matched()),
            missing: owned(insight.missing()),
            insight,
        }
    }
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    let session = conn.connect().await?;
    let li = &session.linkedin;
    match cmd {
        Cmd::Show { job_id } => {
            let job = li.job(&job_id).await?;
            out.one_raw(&job, |j| {
                let mut text = vec![out.bold(&j.title)];
                let mut line: Vec<String> = Vec::new();
                if let Some(c) = j.company_name() {
                    line.push(c.to_owned());
                }
                if let Some(l) = &j.formatted_location {
                    line.push(l.clone());
                }
                let places = j.workplace_types();
                if !places.is_empty() {
                    line.push(places.join(", "));
                }
                if !line.is_empty() {
                    text.push(line.join(" · "));
                }
                let kind: Vec<&str> = [
                    j.formatted_employment_status.as_deref(),
                    j.formatted_experience_level.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !kind.is_empty() {
                    text.push(kind.join(" · "));
                }
                let mut facts = Vec::new();
                if let Some(at) = j.listed_at {
                    facts.push(format!("listed {}", day(at)));
                }
                if let Some(n) = j.applies {
                    facts.push(format!("{n} applicants"));
                }
                if !facts.is_empty() {
                    text.push(facts.join(" · "));
                }
                if let Some(url) = &j.job_posting_url {
                    text.push(out.dim(url));
                } else {
                    text.push(out.dim(&j.entity_urn));
                }
                if let Some(d) = j.description.as_ref().filter(|d| !d.text.is_empty()) {
                    text.push(String::new());
                    text.push(d.text.clone());
                }
                text.join("\n")
            })
        }
        Cmd::Skills { job_id } => {
            let view = SkillMatch::from(li.job_skills(&job_id).await?);
            out.one(&view, |v| {
                let list = |s: &[String]| {
                    if s.is_empty() {
                        out.dim("none")
                    } else {
                        s.join(", ")
                    }
                };
                format!(
                    "{} {}\n{} {}",
                    out.bold("On your profile:"),
                    list(&v.matched),
                    out.bold("Missing:"),
                    list(&v.missing)
                )
            })
        }
        Cmd::Search(args) => search(li, *args, out).await,
        Cmd::Saved { limit } => {
            let n = out
                .stream_raw(limit.apply(li.saved_jobs()), |j| item_line(j, out))
                .await?;
            if n == 0 {
                out.note("no saved jobs")?;
            }
            Ok(())
        }
        Cmd::Applied { limit } => {
            let n = out
                .stream_raw(limit.apply(li.applied_jobs()), |j| item_line(j, out))
                .await?;
            if n == 0 {
                out.note("no applications")?;
            }
            Ok(())
        }
        Cmd::Save { job_id } => {
            li.save_job(&job_id).await?;
            let done = SavedState {
                job_id: job_id.trim(),
                saved: true,
            };
            out.one(&done, |d| format!("Saved the job {}.", d.job_id))
        }
        Cmd::Unsave { job_id } => {
            li.unsave_job(&job_id).await?;
            let done = SavedState {
                job_id: job_id.trim(),
                saved: false,
            };
            out.one(&done, |d| format!("Unsaved the job {}.", d.job_id))
        }
    }
}

/// What `jobs save` and `jobs unsave` print.
#[derive(Serialize)]
struct SavedState<'a> {
    job_id: &'a str,
    /// Whether it is saved now.
    saved: bool,
}

/// A job of My Items for people: title, company, place, the application's state, id.
fn item_line(j: &JobItem, out: Out) -> String {
    let mut line = out.bold(&j.title);
    for part in [&j.company_name, &j.location].into_iter().flatten() {
        line.push_str(&format!(" · {part}"));
    }
    if let Some(state) = &j.state {
        line.push_str(&format!("  [{state}]"));
    }
    line.push_str(&format!("  {}", out.dim(&j.job_id)));
    line
}

/// `jobs search` and `search jobs`.
pub(crate) async fn search(li: &Linkedin, args: SearchArgs, out: Out) -> Result<(), Failure> {
    let pages = args.limit.apply(li.search_jobs(args.query()));
    let n = out.stream_raw(pages, |j| job_line(j, out)).await?;
    if n == 0 {
        out.note(&format!(
            "no jobs listed in the last {}: --listed-within looks further back",
            span(args.listed_at)
        ))?;
    }
    Ok(())
}

fn job_line(j: &JobResult, out: Out) -> String {
    let mut line = out.bold(&j.title);
    for part in [&j.company_name, &j.location].into_iter().flatten() {
        line.push_str(&format!(" · {part}"));
    }
    line.push_str(&format!("  {}", out.dim(&j.job_id)));
    line
}

fn span(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        s if s % (24 * 3600) == 0 => format!("{} day(s)", s / (24 * 3600)),
        s if s % 3600 == 0 => format!("{} hour(s)", s / 3600),
        s => format!("{s} second(s)"),
    }
}

/// The UTC day of a time in milliseconds since the epoch: `2026-11-24`.
pub(crate) fn day(ms: i64) -> String {
    crate::output::utc(ms).map_or_else(String::new, |t| {
        format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_days() {
        assert_eq!(parse_duration("24h"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86_400)));
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert!(parse_duration("0").is_err());
        assert!(parse_duration("3y").is_err());
        assert!(parse_duration("h").is_err());
        assert_eq!(day(1_795_478_400_000), "2026-11-24");
        assert_eq!(day(0), "1970-01-01");
        assert_eq!(day(951_782_400_000), "2000-02-29");
    }
}
