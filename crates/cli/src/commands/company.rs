//! `linkedin company ...`: company and school pages, a company's updates, following and
//! unfollowing a page.

use clap::Subcommand;
use linkedin_api::Post;
use linkedin_api::models::Raw;
use linkedin_api::models::company::Company;
use serde::Serialize;

use super::search::{Limit, excerpt};
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::Out;

/// The most updates a page of `company_updates` holds.
const UPDATES_PAGE: usize = 100;

/// The `company` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// A company's page: name, tagline, industry, size, headquarters, followers, whether you
    /// follow it, About.
    #[command(after_help = "Example: linkedin company show linkedin")]
    Show {
        /// The universal name: the slug of linkedin.com/company/<universal name>.
        universal_name: String,
    },
    /// A school's page.
    #[command(after_help = "Example: linkedin company school university-of-queensland")]
    School {
        /// The universal name: the slug of linkedin.com/school/<universal name>.
        universal_name: String,
    },
    /// A company's updates (its posts), newest first.
    #[command(after_help = "Example: linkedin company updates linkedin --limit 5")]
    Updates {
        /// The universal name: the slug of linkedin.com/company/<universal name>.
        universal_name: String,
        #[command(flatten)]
        limit: Limit,
    },
    /// Follow a company or school page.
    #[command(after_help = "Example: linkedin company follow linkedin")]
    Follow {
        /// The universal name of the page (company or school).
        universal_name: String,
    },
    /// Stop following a company or school page (no error if you did not follow it).
    #[command(after_help = "Example: linkedin company unfollow linkedin")]
    Unfollow {
        /// The universal name of the page (company or school).
        universal_name: String,
    },
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: the pages and updates yes; following
    /// prints what was done.
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::Show { .. } | Self::School { .. } | Self::Updates { .. } => true,
            Self::Follow { .. } | Self::Unfollow { .. } => false,
        }
    }
}

/// What `follow` and `unfollow` did.
#[derive(Serialize)]
struct Following {
    /// The page's universal name.
    universal_name: String,
    /// Its name.
    name: String,
    /// Whether you follow it now.
    following: bool,
    /// `changed`, or `unchanged` when it already was so (nothing was sent but the page's
    /// read).
    outcome: linkedin_api::Following,
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    let session = conn.connect().await?;
    let li = &session.linkedin;
    match cmd {
        Cmd::Show { universal_name } => {
            let page = li.company(&universal_name).await?;
            out.one_raw(&page, |c| show(c, out))
        }
        Cmd::School { universal_name } => {
            let page = li.school(&universal_name).await?;
            out.one_raw(&page, |c| show(c, out))
        }
        Cmd::Updates {
            universal_name,
            limit,
        } => {
            // Smaller pages when only a few updates are wanted.
            let size = if limit.limit == 0 {
                UPDATES_PAGE
            } else {
                limit.limit.min(UPDATES_PAGE)
            };
            let size = u32::try_from(size).unwrap_or(100);
            let pages = limit.apply(li.company_updates(&universal_name).page_size(size));
            let n = out.stream_raw(pages, |p| update_line(p, out)).await?;
            if n == 0 {
                out.note("no updates")?;
            }
            Ok(())
        }
        Cmd::Follow { universal_name } => {
            let (outcome, page) = li.follow_page(&universal_name).await?;
            done(out, &universal_name, &page, true, outcome)
        }
        Cmd::Unfollow { universal_name } => {
            let (outcome, page) = li.unfollow_page(&universal_name).await?;
            done(out, &universal_name, &page, false, outcome)
        }
    }
}

fn done(
    out: Out,
    universal_name: &str,
    page: &Raw<Company>,
    following: bool,
    outcome: linkedin_api::Following,
) -> Result<(), Failure> {
    let result = Following {
        universal_name: page
            .universal_name
            .clone()
            .unwrap_or_else(|| universal_name.trim().to_owned()),
        name: page.name.clone(),
        following,
        outcome,
    };
    let unchanged = outcome == linkedin_api::Following::Unchanged;
    out.one(&result, |r| {
        let name = out.bold(&r.name);
        match (r.following, unchanged) {
            (true, false) => format!("You follow {name} now."),
            (true, true) => format!("You already follow {name}; nothing was sent."),
            (false, false) => format!("You do not follow {name} any more."),
            (false, true) => format!("You do not follow {name}; nothing was sent."),
        }
    })
}

/// A company or school page as text.
fn show(c: &Company, out: Out) -> String {
    let mut text = vec![out.bold(&c.name)];
    if let Some(t) = c.tagline.as_deref().filter(|t| !t.is_empty()) {
        text.push(t.to_owned());
    }
    let mut facts: Vec<String> = Vec::new();
    if let Some(i) = c.industry() {
        facts.push(i.to_owned());
    }
    if let Some(hq) = &c.headquarter {
        let place: Vec<&str> = [
            hq.city.as_deref(),
            hq.geographic_area.as_deref(),
            hq.country.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
        if !place.is_empty() {
            facts.push(place.join(", "));
        }
    }
    if let Some(n) = c.staff_count {
        facts.push(format!("{n} employees on LinkedIn"));
    } else if let Some(r) = &c.staff_count_range {
        match (r.start, r.end) {
            (Some(s), Some(e)) => facts.push(format!("{s}-{e} employees")),
            (Some(s), None) => facts.push(format!("{s}+ employees")),
            _ => {}
        }
    }
    if !facts.is_empty() {
        text.push(facts.join(" · "));
    }
    if let Some(f) = &c.following_info {
        let followers = f
            .follower_count
            .map(|n| format!("{n} followers"))
            .unwrap_or_default();
        let you = if f.following {
            "you follow it"
        } else {
            "you do not follow it"
        };
        text.push(if followers.is_empty() {
            you.to_owned()
        } else {
            format!("{followers} · {you}")
        });
    }
    let links: Vec<&str> = [c.company_page_url.as_deref(), c.url.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !links.is_empty() {
        text.push(out.dim(&links.join("  ")));
    }
    if let Some(d) = c.description.as_deref().filter(|d| !d.is_empty()) {
        text.push(String::new());
        text.push(d.to_owned());
    }
    text.join("\n")
}

/// An update as a line: its age, its text's first line, the post's URN.
fn update_line(p: &Post, out: Out) -> String {
    let mut line = String::new();
    if let Some(age) = &p.age {
        line.push_str(&out.dim(age));
        line.push(' ');
    }
    line.push_str(&excerpt(p.text.as_deref().unwrap_or(""), 120));
    line.push_str(&format!("  {}", out.dim(&p.urn)));
    line
}
