//! `linkedin demo`: the main capabilities, against an embedded sandbox, printed as a user
//! would see them. Each step names the command that does the same on its own.

use futures::TryStreamExt;
use linkedin_api::{ConversationFilter, JobSearch, Linkedin, PeopleSearch};
use serde_json::json;

use crate::exit::Failure;
use crate::output::{Format, Out};

pub(crate) async fn run(out: Out) -> Result<(), Failure> {
    let session = crate::account::embedded().await?;
    let li = &session.linkedin;
    let mut report = Report::new(out);
    if let Some(sandbox) = &session.sandbox {
        report.say(&format!(
            "An embedded LinkedIn sandbox is running at {} (a generated world: no account, no network).\n\
             Logged in as its demo account with a password; every step below is real HTTP to it.",
            sandbox.base_url()
        ));
    }
    me(li, &mut report).await?;
    profile(li, &mut report).await?;
    search(li, &mut report).await?;
    company_and_jobs(li, &mut report).await?;
    messages(li, &mut report).await?;
    invitations(li, &mut report).await?;
    report.say(&format!(
        "\n{} requests sent in all. With a real account: `linkedin login`, then the same commands without --sandbox.",
        li.transport().requests_sent()
    ));
    report.finish()
}

/// Text as it goes for people, or one JSON document of every step for `--json`.
struct Report {
    out: Out,
    steps: Vec<serde_json::Value>,
}

impl Report {
    fn new(out: Out) -> Self {
        Self {
            out,
            steps: Vec::new(),
        }
    }

    fn say(&mut self, text: &str) {
        if self.out.format == Format::Text {
            // A closed stdout ends the command quietly; nothing else can fail here.
            let _ = self.out.write_text(text);
        }
    }

    fn step(&mut self, title: &str, command: &str, data: serde_json::Value, lines: &[String]) {
        if self.out.format == Format::Text {
            let _ = self.out.write_text(&format!(
                "\n{}  {}",
                self.out.bold(title),
                self.out.dim(&format!("(linkedin --sandbox {command})"))
            ));
            for line in lines {
                let _ = self.out.write_text(&format!("  {line}"));
            }
        } else {
            self.steps
                .push(json!({"step": title, "command": command, "result": data}));
        }
    }

    fn finish(self) -> Result<(), Failure> {
        if self.out.format == Format::Text {
            return Ok(());
        }
        let steps = serde_json::Value::Array(self.steps);
        self.out.one(&steps, |_| String::new())
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

async fn me(li: &Linkedin, r: &mut Report) -> Result<(), Failure> {
    let me = li.me().await?;
    let lines = [format!(
        "{} {} — {}",
        me.first_name,
        me.last_name,
        me.headline.as_deref().unwrap_or("")
    )];
    r.step("Who am I", "whoami", to_json(&me), &lines);
    Ok(())
}

async fn profile(li: &Linkedin, r: &mut Report) -> Result<(), Failure> {
    let full = li.full_profile("demo-member").await?;
    let mut lines = vec![format!(
        "{} {}, {}",
        full.profile.first_name,
        full.profile.last_name,
        full.profile.location_name.as_deref().unwrap_or("")
    )];
    for e in full.experiences.iter().take(3) {
        lines.push(format!(
            "{} at {} ({})",
            e.title.as_deref().unwrap_or("?"),
            e.company_name.as_deref().unwrap_or("?"),
            e.duration.as_deref().unwrap_or("")
        ));
    }
    let skills: Vec<&str> = full
        .skills
        .iter()
        .take(6)
        .map(|s| s.name.as_str())
        .collect();
    lines.push(format!("skills: {}", skills.join(", ")));
    r.step(
        "A full profile: one request, by public id",
        "profile show demo-member",
        to_json(&full),
        &lines,
    );
    Ok(())
}

async fn search(li: &Linkedin, r: &mut Report) -> Result<(), Failure> {
    let before = li.transport().requests_sent();
    let people: Vec<_> = li
        .search_people(PeopleSearch::keywords("engineer"))
        .limit(60)
        .try_collect()
        .await?;
    let pages = li.transport().requests_sent() - before;
    let mut lines = vec![format!(
        "{} people in {pages} pages of at most 49 (LinkedIn's limit); the first five:",
        people.len()
    )];
    for p in people.iter().take(5) {
        lines.push(format!(
            "{} — {}",
            p.name,
            p.headline.as_deref().unwrap_or("")
        ));
    }
    r.step(
        "Search with pagination",
        "search people --keywords engineer --limit 60",
        to_json(&people),
        &lines,
    );
    Ok(())
}

async fn company_and_jobs(li: &Linkedin, r: &mut Report) -> Result<(), Failure> {
    let company = li.company("linkedin").await?;
    let lines = [format!(
        "{} — {} ({} employees)",
        company.name,
        company.tagline.as_deref().unwrap_or(""),
        company.staff_count.unwrap_or_default()
    )];
    r.step(
        "A company page",
        "company show linkedin",
        to_json(&*company),
        &lines,
    );

    let jobs: Vec<_> = li
        .search_jobs(
            JobSearch::keywords("engineer").listed_at(std::time::Duration::from_secs(30 * 86_400)),
        )
        .limit(5)
        .try_collect()
        .await?;
    let lines: Vec<String> = jobs
        .iter()
        .map(|j| {
            format!(
                "{} at {} — {}",
                j.title,
                j.company_name.as_deref().unwrap_or("?"),
                j.location.as_deref().unwrap_or("")
            )
        })
        .collect();
    r.step(
        "Jobs posted in the last 30 days",
        "jobs search --keywords engineer --listed-within 30d --limit 5",
        to_json(&jobs),
        &lines,
    );
    Ok(())
}

async fn messages(li: &Linkedin, r: &mut Report) -> Result<(), Failure> {
    let unread: Vec<_> = li
        .conversations(ConversationFilter::inbox().unread())
        .limit(3)
        .try_collect()
        .await?;
    let mut lines = Vec::new();
    for c in &unread {
        let from: Vec<String> = c
            .participants
            .iter()
            .map(|p| format!("{} {}", p.first_name, p.last_name))
            .collect();
        lines.push(format!(
            "{}: {}",
            from.join(", "),
            c.last_message.as_ref().map_or("", |m| m.text.as_str())
        ));
    }
    r.step(
        "Unread messages",
        "messages list --unread --limit 3",
        to_json(&unread),
        &lines,
    );
    if let Some(first) = unread.first() {
        let sent = li
            .send_message(&first.urn, "Thanks, I'll get back to you tomorrow.")
            .await?;
        li.mark_conversation_read(&first.urn).await?;
        let lines = [format!(
            "sent \"{}\" and marked the conversation read (a send is never retried)",
            sent.text
        )];
        r.step(
            "A reply",
            "messages send <conversation> \"Thanks, ...\"",
            to_json(&sent),
            &lines,
        );
    }
    Ok(())
}

async fn invitations(li: &Linkedin, r: &mut Report) -> Result<(), Failure> {
    let received: Vec<_> = li.invitations().limit(3).try_collect().await?;
    let mut lines: Vec<String> = received
        .iter()
        .map(|i| {
            let from = i
                .from
                .as_ref()
                .map_or_else(String::new, |m| format!("{} {}", m.first_name, m.last_name));
            format!("{from}: {}", i.message.as_deref().unwrap_or("(no note)"))
        })
        .collect();
    if let Some(first) = received.first() {
        li.accept_invitation(first).await?;
        lines.push("accepted the first one".to_owned());
    }
    r.step(
        "Invitations",
        "invitations list --limit 3, then invitations accept <id>",
        to_json(&received),
        &lines,
    );
    Ok(())
}
