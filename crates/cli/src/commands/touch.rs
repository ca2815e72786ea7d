//! `linkedin touch ...`: the 2015 mobile "touch" API, which LinkedIn retired; the sandbox
//! serves it (`--sandbox`, or a `linkedin sandbox` at LINKEDIN_TOUCH_BASE_URL).
//!
//! The touch client keeps no saved sessions: it logs in for each command, with browser
//! cookies or a password from the environment, or as the sandbox's demo account.

use clap::{Args, Subcommand, ValueEnum};
use linkedin_api::Login;
use linkedin_api::models::Raw;
use linkedin_api::models::touch::{
    BackgroundSection, ContextType, Endorsement, MailboxItem, MailboxItemKind, Notification,
    Recommendation, TouchPerson, Viewer,
};
use linkedin_api::touch::{TOUCH_BASE_URL, Touch};
use linkedin_sandbox::{DEMO_PASSWORD, DEMO_USERNAME, SandboxHandle};
use serde::Serialize;

use super::jobs::day;
use super::search::excerpt;
use crate::account::Connection;
use crate::exit::Failure;
use crate::output::{Format, Out};

/// The long help of a touch command: its example, then how the touch API connects.
macro_rules! concat_help {
    ($example:literal) => {
        concat!(
            $example,
            "\n\n",
            "The touch API was retired by LinkedIn: it answers on the sandbox (--sandbox starts one and logs in as its demo account) or on a server that still speaks it.\n",
            "Where: LINKEDIN_TOUCH_BASE_URL (default: --base-url when it is not www.linkedin.com, else https://touch.www.linkedin.com); the password login goes to --base-url.\n",
            "Login (no saved sessions): LINKEDIN_LI_AT + LINKEDIN_JSESSIONID (browser cookies), or LINKEDIN_USERNAME + LINKEDIN_PASSWORD."
        )
    };
}

/// The `touch` commands.
#[derive(Subcommand, Debug)]
pub(crate) enum Cmd {
    /// Who I am: member id, name, headline, e-mail.
    #[command(after_help = concat_help!("Example: linkedin --sandbox touch person"))]
    Person,
    /// My page: who I am, with industry and place, and my background sections.
    #[command(name = "me", after_help = concat_help!("Example: linkedin --sandbox touch me"))]
    Me,
    /// A member's top card: name, headline, place, industry, connections, current position.
    #[command(after_help = concat_help!("Example: linkedin --sandbox touch profile 470926337"))]
    Profile(Member),
    /// A member's connections (the first --count of them; the total counts all).
    #[command(after_help = concat_help!(
        "Example: linkedin --sandbox touch connections 470926337 --count 10"
    ))]
    Connections {
        #[command(flatten)]
        member: Member,
        /// At most this many connections (the app asked for 5000).
        #[arg(long, value_name = "N", default_value_t = 100)]
        count: u32,
    },
    /// A member's background: experience, education... sections.
    #[command(after_help = concat_help!(
        "Example: linkedin --sandbox touch background 470926337 --section education1"
    ))]
    Background {
        #[command(flatten)]
        member: Member,
        /// Only the sections of this kind.
        #[arg(long, value_enum)]
        section: Option<Section>,
    },
    /// A member's endorsements: per skill, how many and who.
    #[command(after_help = concat_help!("Example: linkedin --sandbox touch endorsements"))]
    Endorsements(Member),
    /// My mailbox: pending invitations and messages (the first page of each).
    #[command(after_help = concat_help!("Example: linkedin --sandbox touch mailbox --json"))]
    Mailbox,
    /// The recommendations a member received.
    #[command(after_help = concat_help!("Example: linkedin --sandbox touch recommendations"))]
    Recommendations(Member),
    /// My notifications, newest first (the first page).
    #[command(after_help = concat_help!("Example: linkedin --sandbox touch notifications"))]
    Notifications,
    /// Who viewed my profile, newest first (the first page).
    #[command(after_help = concat_help!("Example: linkedin --sandbox touch viewers"))]
    Viewers,
}

impl Cmd {
    /// Whether `--raw` can print LinkedIn's JSON: every touch command prints the API's
    /// answers.
    pub(crate) fn gives_raw(&self) -> bool {
        match self {
            Self::Person
            | Self::Me
            | Self::Profile(_)
            | Self::Connections { .. }
            | Self::Background { .. }
            | Self::Endorsements(_)
            | Self::Mailbox
            | Self::Recommendations(_)
            | Self::Notifications
            | Self::Viewers => true,
        }
    }
}

/// The member a touch command is about.
#[derive(Args, Debug)]
pub(crate) struct Member {
    /// The member id (digits, as `touch person` shows it); default: me.
    member_id: Option<String>,
}

/// A background section kind of `--section`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// Positions.
    #[value(name = "experience1")]
    Experience1,
    /// Schools.
    #[value(name = "education1")]
    Education1,
    /// A second education section.
    #[value(name = "education2")]
    Education2,
    /// Patents.
    #[value(name = "patents1")]
    Patents1,
    /// Projects.
    #[value(name = "projects1")]
    Projects1,
}

impl Section {
    fn context(self) -> ContextType {
        match self {
            Self::Experience1 => ContextType::Experience1,
            Self::Education1 => ContextType::Education1,
            Self::Education2 => ContextType::Education2,
            Self::Patents1 => ContextType::Patents1,
            Self::Projects1 => ContextType::Projects1,
        }
    }
}

/// A logged-in touch client, and the embedded sandbox it talks to, if any (kept alive with
/// it).
struct TouchSession {
    touch: Touch,
    _sandbox: Option<SandboxHandle>,
}

/// LinkedIn's default base URL (`--base-url` when not given).
const WWW: &str = "https://www.linkedin.com";

/// Logs in to the touch API: the embedded sandbox's demo account with `--sandbox`; otherwise
/// browser cookies from `LINKEDIN_LI_AT` + `LINKEDIN_JSESSIONID`, or a password from
/// `LINKEDIN_USERNAME` + `LINKEDIN_PASSWORD`.
async fn connect(conn: &Connection) -> Result<TouchSession, Failure> {
    if conn.sandbox {
        let sandbox = linkedin_sandbox::Sandbox::start(linkedin_sandbox::SandboxConfig::default())
            .await
            .map_err(|e| Failure::internal(format!("the embedded sandbox could not start: {e}")))?;
        let touch = demo_login(sandbox.base_url()).await?;
        return Ok(TouchSession {
            touch,
            _sandbox: Some(sandbox),
        });
    }
    Ok(TouchSession {
        touch: account_login(conn).await?,
        _sandbox: None,
    })
}

/// Logs in to the touch API of the sandbox at `url` as its demo account.
pub(crate) async fn demo_login(url: &str) -> Result<Touch, Failure> {
    Ok(Touch::builder()
        .base_url(url)
        .login_base_url(url)
        .login(Login::password(DEMO_USERNAME, DEMO_PASSWORD))
        .build()
        .await?)
}

/// Logs in to the touch API with browser cookies from `LINKEDIN_LI_AT` +
/// `LINKEDIN_JSESSIONID`, or a password from `LINKEDIN_USERNAME` + `LINKEDIN_PASSWORD`.
pub(crate) async fn account_login(conn: &Connection) -> Result<Touch, Failure> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let login = if let (Some(li_at), Some(jsessionid)) =
        (env("LINKEDIN_LI_AT"), env("LINKEDIN_JSESSIONID"))
    {
        Login::cookies(li_at, jsessionid)
    } else if let (Some(user), Some(password)) = (
        conn.account.clone().filter(|a| !a.trim().is_empty()),
        env("LINKEDIN_PASSWORD"),
    ) {
        Login::password(user, password)
    } else {
        return Err(Failure::not_logged_in(
            "the touch API keeps no saved sessions: set LINKEDIN_LI_AT and LINKEDIN_JSESSIONID (browser cookies), or LINKEDIN_USERNAME and LINKEDIN_PASSWORD, or add --sandbox",
        ));
    };
    let base = conn.base_url.trim_end_matches('/');
    let touch_url = env("LINKEDIN_TOUCH_BASE_URL").unwrap_or_else(|| {
        if base == WWW {
            TOUCH_BASE_URL.to_owned()
        } else {
            base.to_owned()
        }
    });
    Ok(Touch::builder()
        .base_url(touch_url)
        .login_base_url(base)
        .login(login)
        .build()
        .await?)
}

/// The member id given, or mine.
async fn member(touch: &Touch, member: Member) -> Result<String, Failure> {
    match member.member_id {
        Some(id) => Ok(id),
        None => Ok(touch.person().await?.id.clone()),
    }
}

pub(crate) async fn run(cmd: Cmd, conn: &Connection, out: Out) -> Result<(), Failure> {
    // Refuse a malformed member id before logging in.
    let given = match &cmd {
        Cmd::Profile(m)
        | Cmd::Connections { member: m, .. }
        | Cmd::Background { member: m, .. }
        | Cmd::Endorsements(m)
        | Cmd::Recommendations(m) => m.member_id.as_deref(),
        _ => None,
    };
    if let Some(id) = given {
        let id = id.trim();
        if id.is_empty() || id.len() > 20 || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Failure::usage(format!(
                "invalid member id {id:?}: digits only, such as 470926337 (`linkedin touch person` shows yours)"
            )));
        }
    }
    let session = connect(conn).await?;
    let touch = &session.touch;
    match cmd {
        Cmd::Person => {
            let me = touch.person().await?;
            out.one_raw(&me, |p| {
                let mut text = vec![format!("{}  {}", out.bold(&name(p)), out.dim(&p.id))];
                text.extend(p.headline.clone().filter(|h| !h.is_empty()));
                text.extend(p.email.clone());
                text.join("\n")
            })
        }
        Cmd::Me => {
            let page = touch.my_page().await?;
            out.one_raw(&page, |page| {
                let p = &page.person;
                let mut text = vec![format!("{}  {}", out.bold(&name(p)), out.dim(&p.id))];
                text.extend(p.headline.clone().filter(|h| !h.is_empty()));
                let place: Vec<&str> = [p.location.as_deref(), p.industry.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if !place.is_empty() {
                    text.push(place.join(" · "));
                }
                for s in &page.detail {
                    text.push(String::new());
                    text.push(section_text(s, out));
                }
                text.join("\n")
            })
        }
        Cmd::Profile(m) => {
            let id = member(touch, m).await?;
            let card = touch.profile(&id).await?;
            out.one_raw(&card, |c| {
                let mut first = out.bold(&c.name);
                if let Some(id) = &c.member_id {
                    first.push_str(&format!("  {}", out.dim(id)));
                }
                let mut text = vec![first];
                text.extend(c.headline.clone().filter(|h| !h.is_empty()));
                let place: Vec<&str> = [c.location.as_deref(), c.industry.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if !place.is_empty() {
                    text.push(place.join(" · "));
                }
                if let Some(n) = c.connections {
                    text.push(format!("{n} connections"));
                }
                if let Some(p) = &c.current_position {
                    let what: Vec<&str> = [p.title.as_deref(), p.company.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect();
                    let mut line = format!("Now: {}", what.join(" at "));
                    if let Some(d) = &p.dates {
                        line.push_str(&format!(" ({d})"));
                    }
                    text.push(line);
                }
                text.join("\n")
            })
        }
        Cmd::Connections { member: m, count } => {
            let id = member(touch, m).await?;
            let connections = touch.connections(&id, count).await?;
            let header = format!(
                "{} connections, {} shown",
                connections.total,
                connections.people.len()
            );
            let people = connections.people.clone();
            paged(out, &connections, &header, people, |p| person_line(p, out)).await
        }
        Cmd::Background { member: m, section } => {
            let id = member(touch, m).await?;
            let sections = touch.background(&id, section.map(Section::context)).await?;
            out.list_raw(sections, |s| section_text(s, out)).await
        }
        Cmd::Endorsements(m) => {
            let id = member(touch, m).await?;
            let skills = touch.endorsements(&id).await?;
            out.list_raw(skills, |e| endorsement_line(e, out)).await
        }
        Cmd::Mailbox => {
            let mailbox = touch.mailbox().await?;
            let inv = &mailbox.invitations;
            let msg = &mailbox.messages;
            let header = format!(
                "{} invitations, {} messages ({} unread)",
                inv.total,
                msg.total,
                msg.unread.unwrap_or(0)
            );
            let items: Vec<MailboxItem> = inv.items.iter().chain(&msg.items).cloned().collect();
            paged(out, &mailbox, &header, items, |i| mailbox_line(i, out)).await
        }
        Cmd::Recommendations(m) => {
            let id = member(touch, m).await?;
            let recommendations = touch.recommendations(&id).await?;
            out.list_raw(recommendations, |r| recommendation_line(r, out))
                .await
        }
        Cmd::Notifications => {
            let notifications = touch.notifications().await?;
            let header = format!(
                "{} notifications, {} shown",
                notifications.total,
                notifications.items.len()
            );
            let items = notifications.items.clone();
            paged(out, &notifications, &header, items, |n| {
                notification_line(n, out)
            })
            .await
        }
        Cmd::Viewers => {
            let views = touch.who_viewed_me().await?;
            let header = format!(
                "{} profile views, {} shown",
                views.total,
                views.viewers.len()
            );
            let viewers = views.viewers.clone();
            paged(out, &views, &header, viewers, |v| viewer_line(v, out)).await
        }
    }
}

/// A first page with its totals: the whole answer with `--json`, its items one a line with
/// `--ndjson`, the totals then the items as text. With `--raw` the items have no JSON of
/// their own: the whole answer as LinkedIn sent it is printed, on one line for `--ndjson`.
async fn paged<W: Serialize, T: Serialize>(
    out: Out,
    whole: &Raw<W>,
    header: &str,
    items: Vec<T>,
    line: impl Fn(&T) -> String,
) -> Result<(), Failure> {
    match out.format {
        Format::Json => out.one_raw(whole, |_| String::new()),
        Format::Ndjson if out.raw() => out.one_raw(whole, |_| String::new()),
        Format::Ndjson => out.list(items, line).await,
        Format::Text => {
            out.note(header)?;
            out.list(items, line).await
        }
    }
}

fn name(p: &TouchPerson) -> String {
    p.formatted_name
        .clone()
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| format!("{} {}", p.first_name, p.last_name))
}

fn when(ms: Option<u64>) -> Option<String> {
    ms.map(|ms| day(i64::try_from(ms).unwrap_or(i64::MAX)))
}

fn degree(d: i32) -> String {
    match d {
        0 => "you".to_owned(),
        1 => "1st".to_owned(),
        2 => "2nd".to_owned(),
        3 => "3rd".to_owned(),
        _ => "out of network".to_owned(),
    }
}

fn person_line(p: &TouchPerson, out: Out) -> String {
    let mut line = out.bold(&name(p));
    if let Some(h) = p.headline.as_deref().filter(|h| !h.is_empty()) {
        line.push_str(&format!(" · {h}"));
    }
    line.push_str(&format!("  {}", out.dim(&p.id)));
    line
}

fn section_text(s: &BackgroundSection, out: Out) -> String {
    let title = match &s.context {
        ContextType::Experience1 => "Experience".to_owned(),
        ContextType::Education1 | ContextType::Education2 => "Education".to_owned(),
        ContextType::Patents1 => "Patents".to_owned(),
        ContextType::Projects1 => "Projects".to_owned(),
        other => other.as_str().to_owned(),
    };
    let mut text = vec![out.bold(&title)];
    for item in &s.items {
        let parts: Vec<&str> = [
            item.title.as_deref(),
            item.organization.as_deref(),
            item.subtitle.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
        text.push(format!("  {}", parts.join(" · ")));
    }
    if s.items.is_empty() {
        text.push(format!("  {}", out.dim("none")));
    }
    text.join("\n")
}

fn endorsement_line(e: &Endorsement, out: Out) -> String {
    let mut line = format!("{} ({})", out.bold(&e.skill), e.count);
    let names: Vec<&str> = e.endorsers.iter().map(|x| x.name.as_str()).collect();
    if !names.is_empty() {
        line.push_str(&format!(": {}", names.join(", ")));
        if (e.count as usize) > names.len() {
            line.push_str(&format!(" and {} more", e.count as usize - names.len()));
        }
    }
    line
}

fn mailbox_line(i: &MailboxItem, out: Out) -> String {
    let kind = match &i.kind {
        MailboxItemKind::Invitation => "invitation",
        MailboxItemKind::Message => "message",
        other => other.as_str(),
    };
    let mut line = format!("{kind:<10}");
    if i.kind == MailboxItemKind::Message && !i.read {
        line = out.bold(&line);
    }
    if let Some(from) = &i.from {
        line.push_str(&format!(" from {}", out.bold(&name(from))));
    }
    if let Some(d) = when(i.timestamp) {
        line.push_str(&format!(" {}", out.dim(&d)));
    }
    let text: Vec<String> = [i.subject.as_deref(), i.body.as_deref()]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .map(|t| excerpt(t, 80))
        .collect();
    if !text.is_empty() {
        line.push_str(&format!(": {}", text.join(" · ")));
    }
    line
}

fn recommendation_line(r: &Recommendation, out: Out) -> String {
    let mut line = out.bold(&r.recommender);
    if let Some(rel) = r.relationship.as_deref().filter(|s| !s.is_empty()) {
        line.push_str(&format!(" ({rel})"));
    }
    if let Some(t) = r.text.as_deref() {
        line.push_str(&format!(": {}", excerpt(t, 120)));
    }
    line
}

fn notification_line(n: &Notification, out: Out) -> String {
    let mut line = String::new();
    if let Some(d) = when(n.timestamp) {
        line.push_str(&out.dim(&d));
        line.push(' ');
    }
    line.push_str(&n.text);
    if let Some(detail) = n.detail.as_deref().filter(|d| !d.is_empty()) {
        line.push_str(&format!(": {}", excerpt(detail, 80)));
    }
    line
}

fn viewer_line(v: &Viewer, out: Out) -> String {
    let mut line = out.bold(&v.name);
    if let Some(d) = v.distance {
        line.push_str(&format!(" ({})", degree(d)));
    }
    if let Some(h) = v.headline.as_deref().filter(|h| !h.is_empty()) {
        line.push_str(&format!(" · {h}"));
    }
    if let Some(d) = when(v.timestamp) {
        line.push_str(&format!(" · {}", out.dim(&d)));
    }
    line
}
