//! `linkedin profile ...`: a member's profile, whole or by part, resolving public ids, and who
//! viewed my profile.

use clap::{Subcommand, ValueEnum};
use linkedin_api::models::Raw;
use linkedin_api::models::profile::{
    Certification, ContactInfo, Date, DateRange, Education, Experience, FullProfile, Language,
    Profile, Skill,
};
use serde::Serialize;

use crate::account::Connection;
use crate::exit::Failure;
use crate::output::Out;

/// The `profile` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// A member's profile: name, headline, place, About, positions, skills, education,
    /// certifications, languages and contact info (all by default; --only picks parts).
    #[command(after_help = "Example: linkedin profile show demo-member --only profile,skills")]
    Show {
        /// The member: a public id (linkedin.com/in/<public id>), a profile id (ACoAA…) or a
        /// profile URN (urn:li:fsd_profile:…).
        who: String,
        /// Only these parts, comma-separated (read from the same one request).
        #[arg(long, value_delimiter = ',', value_name = "PARTS")]
        only: Vec<Part>,
    },
    /// A member's positions, most recent first.
    #[command(after_help = "Example: linkedin profile experiences demo-member")]
    Experiences {
        /// The member: public id, profile id or profile URN.
        who: String,
    },
    /// A member's skills.
    Skills {
        /// The member: public id, profile id or profile URN.
        who: String,
    },
    /// The schools a member attended.
    Education {
        /// The member: public id, profile id or profile URN.
        who: String,
    },
    /// A member's certifications.
    Certifications {
        /// The member: public id, profile id or profile URN.
        who: String,
    },
    /// The languages a member speaks.
    Languages {
        /// The member: public id, profile id or profile URN.
        who: String,
    },
    /// A member's contact info, as far as they share it with you (the e-mail address with
    /// connections only).
    Contact {
        /// The member: public id, profile id or profile URN.
        who: String,
    },
    /// The profile URN of a public id (it never changes: keep it).
    #[command(after_help = "Example: linkedin profile resolve demo-member")]
    Resolve {
        /// The public id, as in linkedin.com/in/<public id>.
        public_id: String,
    },
    /// How many times my profile was viewed in the last 90 days.
    Views,
}

/// A part of a profile, for `profile show --only`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// Name, headline, place, industry, About.
    Profile,
    /// Positions.
    Experiences,
    /// Skills.
    Skills,
    /// Schools.
    Education,
    /// Certifications.
    Certifications,
    /// Languages.
    Languages,
    /// Contact info.
    Contact,
}

/// The parts of a profile that were asked for (the keys of a full profile's JSON).
#[derive(Serialize, Default)]
struct Parts {
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<Raw<Profile>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    experiences: Option<Vec<Experience>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skills: Option<Vec<Skill>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    education: Option<Vec<Education>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    certifications: Option<Vec<Certification>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    languages: Option<Vec<Language>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contact_info: Option<ContactInfo>,
}

impl From<FullProfile> for Parts {
    fn from(full: FullProfile) -> Self {
        Self {
            profile: Some(full.profile),
            experiences: Some(full.experiences),
            skills: Some(full.skills),
            education: Some(full.education),
            certifications: Some(full.certifications),
            languages: Some(full.languages),
            contact_info: Some(full.contact_info),
        }
    }
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: no, a profile's parts are picked out of
    /// LinkedIn's answers, and resolving and counting views print this tool's own results.
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::Show { .. }
            | Self::Experiences { .. }
            | Self::Skills { .. }
            | Self::Education { .. }
            | Self::Certifications { .. }
            | Self::Languages { .. }
            | Self::Contact { .. }
            | Self::Resolve { .. }
            | Self::Views => false,
        }
    }
}

/// A resolved public id.
#[derive(Serialize)]
struct Resolved {
    public_id: String,
    urn: String,
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    let session = conn.connect().await?;
    let li = &session.linkedin;
    match cmd {
        Cmd::Show { who, only } => {
            let parts = if only.is_empty() {
                Parts::from(li.full_profile(&who).await?)
            } else {
                some_parts(li, &who, &only).await?
            };
            out.one(&parts, |p| show(p, out))
        }
        Cmd::Experiences { who } => {
            let items = li.profile_experiences(&who).await?;
            out.list(items, experience_line).await
        }
        Cmd::Skills { who } => {
            let items = li.profile_skills(&who).await?;
            out.list(items, |s| s.name.clone()).await
        }
        Cmd::Education { who } => {
            let items = li.profile_education(&who).await?;
            out.list(items, education_line).await
        }
        Cmd::Certifications { who } => {
            let items = li.profile_certifications(&who).await?;
            out.list(items, certification_line).await
        }
        Cmd::Languages { who } => {
            let items = li.profile_languages(&who).await?;
            out.list(items, language_line).await
        }
        Cmd::Contact { who } => {
            let info = li.profile_contact_info(&who).await?;
            out.one(&info, |c| {
                let lines = contact_lines(c);
                if lines.is_empty() {
                    out.dim("no contact info shared with you")
                } else {
                    lines.join("\n")
                }
            })
        }
        Cmd::Resolve { public_id } => {
            let urn = li.resolve_public_id(&public_id).await?;
            let resolved = Resolved {
                public_id: public_id.trim().to_owned(),
                urn,
            };
            out.one(&resolved, |r| r.urn.clone())
        }
        Cmd::Views => {
            let views = li.current_profile_views().await?;
            out.one(&views, |v| {
                format!(
                    "{} profile views in the last 90 days",
                    out.bold(&v.num_views.to_string())
                )
            })
        }
    }
}

/// `Some` of what `read` gives when `wanted`, else `None` without reading.
fn when<T>(
    wanted: bool,
    read: impl FnOnce() -> linkedin_api::Result<T>,
) -> linkedin_api::Result<Option<T>> {
    wanted.then(read).transpose()
}

/// The parts of `only`, read from the one answer the whole profile comes from (so `--only`
/// sends the one request the default sends); a part not asked is not read, so a section
/// LinkedIn changed fails only the commands that show it.
async fn some_parts(
    li: &linkedin_api::Linkedin,
    who: &str,
    only: &[Part],
) -> Result<Parts, Failure> {
    let answer = li.profile_sections(who).await?;
    let wants = |p: Part| only.contains(&p);
    Ok(Parts {
        profile: when(wants(Part::Profile), || answer.profile())?,
        experiences: when(wants(Part::Experiences), || answer.experiences())?,
        skills: when(wants(Part::Skills), || answer.skills())?,
        education: when(wants(Part::Education), || answer.education())?,
        certifications: when(wants(Part::Certifications), || answer.certifications())?,
        languages: when(wants(Part::Languages), || answer.languages())?,
        contact_info: when(wants(Part::Contact), || answer.contact_info())?,
    })
}

/// A profile as text: the parts that are there, each under its heading.
fn show(p: &Parts, out: Out) -> String {
    let mut text: Vec<String> = Vec::new();
    if let Some(profile) = &p.profile {
        let mut name = out.bold(&format!("{} {}", profile.first_name, profile.last_name));
        if let Some(id) = &profile.public_identifier {
            name.push_str(&format!(" ({id})"));
        }
        text.push(name);
        if let Some(h) = profile.headline.as_deref().filter(|h| !h.is_empty()) {
            text.push(h.to_owned());
        }
        let place: Vec<&str> = [
            profile.location(),
            profile.industry.as_ref().and_then(|i| i.name.as_deref()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !place.is_empty() {
            text.push(place.join(" · "));
        }
        text.push(out.dim(&profile.entity_urn));
        if let Some(about) = profile.summary.as_deref().filter(|s| !s.is_empty()) {
            text.push(String::new());
            text.push(out.bold("About"));
            text.push(indent(about));
        }
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !text.is_empty() {
            text.push(String::new());
        }
        text.push(out.bold(title));
        if lines.is_empty() {
            text.push(indent(&out.dim("none")));
        }
        text.extend(lines.iter().map(|l| indent(l)));
    };
    if let Some(items) = &p.experiences {
        section("Experience", items.iter().map(experience_line).collect());
    }
    if let Some(items) = &p.skills {
        let names: Vec<&str> = items.iter().map(|s| s.name.as_str()).collect();
        let lines = if names.is_empty() {
            Vec::new()
        } else {
            vec![names.join(", ")]
        };
        section("Skills", lines);
    }
    if let Some(items) = &p.education {
        section("Education", items.iter().map(education_line).collect());
    }
    if let Some(items) = &p.certifications {
        section(
            "Certifications",
            items.iter().map(certification_line).collect(),
        );
    }
    if let Some(items) = &p.languages {
        section("Languages", items.iter().map(language_line).collect());
    }
    if let Some(info) = &p.contact_info {
        section("Contact", contact_lines(info));
    }
    text.join("\n")
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn experience_line(e: &Experience) -> String {
    let mut line = e.title.clone().unwrap_or_else(|| "?".to_owned());
    if let Some(c) = &e.company_name {
        line.push_str(&format!(" at {c}"));
    }
    if let Some(kind) = &e.employment_type {
        line.push_str(&format!(" ({kind})"));
    }
    let span = match (&e.start_date, &e.end_date) {
        (Some(s), Some(end)) => Some(format!("{s} – {end}")),
        (Some(s), None) => Some(s.clone()),
        (None, Some(end)) => Some(format!("until {end}")),
        (None, None) => None,
    };
    if let Some(span) = span {
        line.push_str(&format!(" · {span}"));
    }
    if let Some(d) = &e.duration {
        line.push_str(&format!(" ({d})"));
    }
    if let Some(place) = &e.location_name {
        line.push_str(&format!(" · {place}"));
    }
    line
}

fn year_span(range: Option<&DateRange>) -> Option<String> {
    let range = range?;
    let year = |d: Option<&Date>| d.and_then(|d| d.year);
    match (year(range.start.as_ref()), year(range.end.as_ref())) {
        (Some(s), Some(e)) => Some(format!("{s}–{e}")),
        (Some(s), None) => Some(format!("since {s}")),
        (None, Some(e)) => Some(format!("until {e}")),
        (None, None) => None,
    }
}

fn education_line(e: &Education) -> String {
    let mut line = e.school_name.clone().unwrap_or_else(|| "?".to_owned());
    let degree: Vec<&str> = [e.degree_name.as_deref(), e.field_of_study.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !degree.is_empty() {
        line.push_str(&format!(": {}", degree.join(", ")));
    }
    if let Some(years) = year_span(e.date_range.as_ref()) {
        line.push_str(&format!(" ({years})"));
    }
    line
}

fn certification_line(c: &Certification) -> String {
    let mut line = c.name.clone();
    if let Some(a) = &c.authority {
        line.push_str(&format!(", by {a}"));
    }
    if let Some(years) = year_span(c.date_range.as_ref()) {
        line.push_str(&format!(" ({years})"));
    }
    line
}

fn language_line(l: &Language) -> String {
    match &l.proficiency {
        Some(p) => format!(
            "{} ({})",
            l.name,
            p.as_str().to_lowercase().replace('_', " ")
        ),
        None => l.name.clone(),
    }
}

fn contact_lines(c: &ContactInfo) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(e) = &c.email_address {
        lines.push(format!("e-mail: {e}"));
    }
    for p in &c.phone_numbers {
        if let Some(n) = &p.phone_number {
            match &p.kind {
                Some(kind) => lines.push(format!("phone: {} ({})", n.number, kind.to_lowercase())),
                None => lines.push(format!("phone: {}", n.number)),
            }
        }
    }
    for w in &c.websites {
        lines.push(format!("website: {}", w.url));
    }
    for t in &c.twitter_handles {
        lines.push(format!("twitter: @{t}"));
    }
    if let Some(a) = &c.address {
        lines.push(format!("address: {a}"));
    }
    if let Some(b) = &c.birth_date {
        let day = match (b.month, b.day) {
            (Some(m), Some(d)) => format!("{m:02}-{d:02}"),
            (Some(m), None) => format!("{m:02}"),
            _ => String::new(),
        };
        let text = match b.year {
            Some(y) if day.is_empty() => y.to_string(),
            Some(y) => format!("{y}-{day}"),
            None => day,
        };
        if !text.is_empty() {
            lines.push(format!("birthday: {text}"));
        }
    }
    lines
}
