//! `Linkedin::doctor`: every read capability once, with its cheapest request, and what came
//! of it: working, healed (a stale id replaced by the current one), retired, shape moved,
//! refused, or not checked, each with what to do.
//!
//! The rules: reads only (no write is ever sent); each check is one capability's smallest
//! read (a page of one), paced and counted against the account's budgets like any other; a
//! check that needs an id (a job, a conversation, a post) takes it from an earlier check's
//! answer, and is not checked when that one failed; a challenge or a tripped breaker stops
//! the run (the remaining checks are not checked: the account comes first).

use futures::TryStreamExt;
use linkedin_catalogue::{Endpoint, IdOrigin};
use serde::Serialize;

use crate::client::Linkedin;
use crate::error::{Error, Result};
use crate::messaging::ConversationFilter;
use crate::search::{JobSearch, PeopleSearch, Search};

/// The areas a check belongs to, as `linkedin doctor --only` takes them.
pub const AREAS: [&str; 8] = [
    "session",
    "profile",
    "company",
    "jobs",
    "search",
    "messages",
    "invitations",
    "feed",
];

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Health {
    /// It answered, as the models read it.
    Working,
    /// LinkedIn refused a stale id; the current one was found, and it answered.
    Healed {
        /// The entry.
        endpoint: &'static str,
        /// The id it sent before.
        old: String,
        /// The id it learned.
        new: String,
    },
    /// LinkedIn retired the endpoint.
    Retired {
        /// The entry.
        endpoint: &'static str,
    },
    /// The answer's shape moved: the models cannot read it.
    ShapeMoved {
        /// The entry.
        endpoint: &'static str,
        /// Where in the answer.
        path: String,
    },
    /// LinkedIn refused it as a stale id, and no current one was found.
    Stale {
        /// The entry.
        endpoint: &'static str,
        /// The id refused.
        id: String,
    },
    /// LinkedIn refused it for another reason, or it failed.
    Refused {
        /// Why.
        reason: String,
    },
    /// Not sent.
    NotChecked {
        /// Why.
        reason: String,
    },
}

impl Health {
    /// Whether it counts as fine: working or healed.
    #[must_use]
    pub fn is_fine(&self) -> bool {
        matches!(self, Self::Working | Self::Healed { .. })
    }

    /// What to do about it, in a sentence.
    #[must_use]
    pub fn advice(&self) -> String {
        match self {
            Self::Working => "nothing".to_owned(),
            Self::Healed { .. } => {
                "nothing: the current id is saved for this account and used from now on".to_owned()
            }
            Self::Retired { .. } => {
                "LinkedIn no longer serves it: update this tool, or report it".to_owned()
            }
            Self::ShapeMoved { .. } => {
                "LinkedIn changed its answer: report it with `linkedin doctor --json`".to_owned()
            }
            Self::Stale { endpoint, .. } => format!(
                "put the current id in the override file (`linkedin catalogue show {endpoint}`), or report it"
            ),
            Self::Refused { .. } => "see the reason; try again later if it is passing".to_owned(),
            Self::NotChecked { .. } => "nothing now".to_owned(),
        }
    }
}

/// One check: its area, what it reads, and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The area (one of [`AREAS`]).
    pub area: &'static str,
    /// The capability, as the facade names it (`search_people`).
    pub capability: &'static str,
    /// What it found.
    #[serde(flatten)]
    pub health: Health,
    /// What to do.
    pub advice: String,
}

/// What the checks that need an earlier answer take from it.
#[derive(Default)]
struct Found {
    job: Option<String>,
    conversation: Option<String>,
    post: Option<String>,
}

impl Linkedin {
    /// Checks every read capability once with its cheapest request, and says what came of
    /// each (see [`Health`]); `only` keeps the checks of these areas ([`AREAS`]).
    ///
    /// Python: none
    ///
    /// Stale ids are healed on the way, unless healing is off
    /// ([`heal_ids`](crate::LinkedinBuilder::heal_ids)): a healed check says which id it
    /// learned. Writes are never sent.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// for check in linkedin.doctor(&[]).await? {
    ///     println!("{} {}: {:?}", check.area, check.capability, check.health);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] for an unknown area (nothing is sent).
    pub async fn doctor(&self, only: &[&str]) -> Result<Vec<Check>> {
        if let Some(unknown) = only.iter().find(|a| !AREAS.contains(a)) {
            return Err(Error::InvalidInput {
                field: "area",
                reason: format!("{unknown:?} is not one of {}", AREAS.join(", ")),
            });
        }
        let wanted = |area: &str| only.is_empty() || only.contains(&area);
        let me = self.me().await?;
        let mut found = Found::default();
        let mut checks = Vec::new();
        let mut stopped: Option<String> = None;
        macro_rules! check {
            ($area:expr, $capability:expr, $needs:expr, $body:expr) => {
                if wanted($area) {
                    let health = match (&stopped, $needs) {
                        (Some(why), _) => Health::NotChecked {
                            reason: why.clone(),
                        },
                        (None, Err(why)) => Health::NotChecked {
                            reason: why.to_owned(),
                        },
                        (None, Ok(())) => {
                            let before = self.ids().entries();
                            let outcome: Result<()> = $body.await;
                            let health = health_of(self, &before, outcome);
                            if let Health::Refused { reason } = &health
                                && stops(reason)
                            {
                                stopped = Some(format!("not sent after: {reason}"));
                            }
                            health
                        }
                    };
                    checks.push(Check {
                        area: $area,
                        capability: $capability,
                        advice: health.advice(),
                        health,
                    });
                }
            };
        }
        let ok: std::result::Result<(), &str> = Ok(());
        let me_id = me.profile_id.clone();
        check!("session", "me", ok, async { Ok(()) });
        check!("profile", "profile", ok, async {
            self.profile(&me_id).await.map(drop)
        });
        check!("profile", "profile_contact_info", ok, async {
            self.profile_contact_info(&me_id).await.map(drop)
        });
        check!("profile", "profile_experiences", ok, async {
            self.profile_experiences(&me_id).await.map(drop)
        });
        check!("profile", "full_profile", ok, async {
            self.full_profile(&me_id).await.map(drop)
        });
        check!("profile", "current_profile_views", ok, async {
            self.current_profile_views().await.map(drop)
        });
        check!("company", "company", ok, async {
            self.company("linkedin").await.map(drop)
        });
        check!("company", "company_updates", ok, async {
            first(self.company_updates("linkedin").page_size(1)).await
        });
        check!("jobs", "search_jobs", ok, async {
            let mut jobs = self.search_jobs(JobSearch::keywords("engineer")).limit(1);
            found.job = jobs.try_next().await?.map(|j| j.job_id.clone());
            Ok(())
        });
        let job = found.job.clone();
        let needs_job = job.as_ref().map(drop).ok_or("needs a job from search_jobs");
        check!("jobs", "job", needs_job, async {
            self.job(job.as_deref().unwrap_or_default()).await.map(drop)
        });
        check!("search", "search_people", ok, async {
            first(self.search_people(PeopleSearch::keywords("a"))).await
        });
        check!("search", "search_companies", ok, async {
            first(self.search_companies("a")).await
        });
        check!("search", "search", ok, async {
            first(self.search(Search::keywords("a"))).await
        });
        check!("messages", "conversations", ok, async {
            let mut inbox = self.conversations(ConversationFilter::inbox()).limit(1);
            found.conversation = inbox.try_next().await?.map(|c| c.thread_id.clone());
            Ok(())
        });
        let conversation = found.conversation.clone();
        let needs_conversation = conversation
            .as_ref()
            .map(drop)
            .ok_or("needs a conversation from conversations");
        check!(
            "messages",
            "conversation_messages",
            needs_conversation,
            async {
                first(self.conversation_messages(conversation.as_deref().unwrap_or_default())).await
            }
        );
        check!("invitations", "invitations", ok, async {
            first(self.invitations()).await
        });
        check!("invitations", "sent_invitations", ok, async {
            first(self.sent_invitations()).await
        });
        check!("feed", "feed_posts", ok, async {
            let mut feed = self.feed_posts(false).limit(1);
            found.post = feed.try_next().await?.map(|p| p.activity_id.clone());
            Ok(())
        });
        let post = found.post.clone();
        let needs_post = post
            .as_ref()
            .map(drop)
            .ok_or("needs a post from feed_posts");
        check!("feed", "post_reactions", needs_post, async {
            first(self.post_reactions(post.as_deref().unwrap_or_default())).await
        });
        check!("feed", "profile_posts", ok, async {
            first(self.profile_posts(&me_id)).await
        });
        check!("feed", "post_comments", needs_post, async {
            first(self.post_comments(post.as_deref().unwrap_or_default())).await
        });
        check!("feed", "post_details", needs_post, async {
            self.post_details(post.as_deref().unwrap_or_default())
                .await
                .map(drop)
        });
        check!("invitations", "network_counts", ok, async {
            self.network_counts().await.map(drop)
        });
        check!("feed", "notifications", ok, async {
            first(self.notifications()).await
        });
        if let Some(why) = &stopped {
            tracing::warn!(why, "doctor stopped early");
        }
        Ok(checks)
    }
}

/// A diagnosis to attach to a bug report: the checks, and every request they sent with its
/// answer's key skeleton. Nothing in it identifies the account: no header (so no cookie or
/// token), ids in the targets replaced by `<id>`, every value of the answers replaced by its
/// type, URN keys by `<urn>`, lists cut to their first element; HTML answers are left out,
/// with their size.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// This library's version.
    pub version: &'static str,
    /// The checks.
    pub checks: Vec<Check>,
    /// What they sent and what came back, redacted.
    pub exchanges: Vec<serde_json::Value>,
}

impl Linkedin {
    /// [`doctor`](Self::doctor), with the [`Report`] of what it sent and got.
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`doctor`](Self::doctor).
    pub async fn doctor_report(&self, only: &[&str]) -> Result<Report> {
        self.transport().start_recording();
        let checks = self.doctor(only).await;
        let recorded = self.transport().take_recorded();
        let exchanges = recorded
            .iter()
            .map(|r| {
                let answer = match serde_json::from_slice::<serde_json::Value>(&r.body) {
                    Ok(json) => skeleton(&json),
                    Err(_) => serde_json::json!({"not_json_bytes": r.body.len()}),
                };
                serde_json::json!({
                    "method": r.method,
                    "target": redact_target(&r.target),
                    "attempt": r.attempt,
                    "status": r.status,
                    "answer": answer,
                })
            })
            .collect();
        Ok(Report {
            version: env!("CARGO_PKG_VERSION"),
            checks: checks?,
            exchanges,
        })
    }
}

/// A JSON value with each leaf replaced by its type (`"<string>"`, `0`, `false`), URN keys
/// by `<urn>`, and each list cut to its first element: the shape without the data.
///
/// ```
/// use serde_json::json;
/// let answer = json!({"firstName": "Dana", "ids": ["a", "b"], "urn:li:member:1": {"n": 3}});
/// assert_eq!(
///     linkedin_api::skeleton(&answer),
///     json!({"firstName": "<string>", "ids": ["<string>"], "<urn>": {"n": 0}})
/// );
/// ```
#[must_use]
pub fn skeleton(value: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Null => Value::Null,
        Value::Bool(_) => Value::Bool(false),
        Value::Number(_) => Value::from(0),
        Value::String(_) => Value::from("<string>"),
        Value::Array(items) => Value::Array(items.first().map(skeleton).into_iter().collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = if k.starts_with("urn:") {
                        "<urn>".to_owned()
                    } else {
                        k.clone()
                    };
                    (key, skeleton(v))
                })
                .collect(),
        ),
    }
}

/// A target with every run of 16 or more id characters (profile ids, thread ids, tokens)
/// replaced by `<id>`, and URNs by `<urn>`.
fn redact_target(target: &str) -> String {
    let decoded = target.replace("%3A", ":");
    let mut out = String::with_capacity(decoded.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 16 && !run.contains('.') {
            out.push_str("<id>");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in decoded.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=' | '.') {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The first item of a list (or none), as a check.
async fn first<T: Send + Unpin + 'static>(pages: crate::Pages<T>) -> Result<()> {
    let mut pages = pages.limit(1);
    pages.try_next().await.map(drop)
}

/// Whether a refusal stops the run: the account's safety comes first.
fn stops(reason: &str) -> bool {
    reason.contains("security check") || reason.contains("stopped to protect the account")
}

/// What a check's outcome says, with the ids learned during it (`before`: the table then).
fn health_of(
    li: &Linkedin,
    before: &[(&'static Endpoint, IdOrigin)],
    outcome: Result<()>,
) -> Health {
    let healed = li
        .ids()
        .entries()
        .into_iter()
        .zip(before)
        .find(|((_, now), (_, then))| matches!(now, IdOrigin::Learned { .. }) && now != then)
        .map(|((new, _), (old, _))| {
            let id = |e: &Endpoint| {
                e.query_id
                    .or(e.decoration_id)
                    .unwrap_or_default()
                    .to_owned()
            };
            Health::Healed {
                endpoint: new.name,
                old: id(old),
                new: id(new),
            }
        });
    match outcome {
        Ok(()) => healed.unwrap_or(Health::Working),
        Err(Error::Gone { endpoint, .. }) => Health::Retired { endpoint },
        Err(Error::Broken { .. }) => Health::NotChecked {
            reason: "LinkedIn answers this endpoint with an error: not sent".to_owned(),
        },
        Err(Error::Decode { endpoint, source }) => Health::ShapeMoved {
            endpoint,
            path: source.path,
        },
        Err(Error::SchemaMoved { endpoint, .. }) => Health::ShapeMoved {
            endpoint,
            path: "elements".to_owned(),
        },
        Err(Error::StaleId { endpoint, id, .. }) => Health::Stale { endpoint, id },
        Err(Error::Transport(linkedin_transport::Error::Gone { path })) => Health::Retired {
            endpoint: endpoint_of(&path),
        },
        Err(e) => Health::Refused {
            reason: e.to_string(),
        },
    }
}

/// The catalogue name of a retired path, as far as it can be told.
fn endpoint_of(path: &str) -> &'static str {
    linkedin_catalogue::ENDPOINTS
        .iter()
        .find(|e| path.starts_with(&e.full_path()))
        .map_or("an endpoint of the catalogue", |e| e.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_keep_their_shape_without_ids() {
        assert_eq!(
            redact_target(
                "/voyager/api/identity/dash/profiles/urn:li:fsd_profile:ACoAAB1234567890abcdef?decorationId=com.linkedin.voyager.dash.deco.identity.profile.Thing-1"
            ),
            "/voyager/api/identity/dash/profiles/urn:li:fsd_profile:<id>?decorationId=com.linkedin.voyager.dash.deco.identity.profile.Thing-1"
        );
        assert_eq!(redact_target("/me"), "/me");
    }
}
