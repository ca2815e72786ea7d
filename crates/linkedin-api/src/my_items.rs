//! My Items: the jobs the member saved or applied to, the posts they saved, and saving or
//! unsaving a job or a post.
//!
//! The three lists are one GraphQL search query (catalogue `my_items`), switched by its
//! `flagshipSearchIntent` and a filter, as the web app's My Items pages ask it; saving and
//! unsaving is a partial update of the item's save state (catalogue `save_state_set`).

use linkedin_catalogue::{Endpoint, endpoints};
use linkedin_models::search::EntityResult;
use linkedin_models::{Answer, Raw};
use restli::{Map, Value as Rv};
use serde_json::json;

use crate::client::Linkedin;
use crate::driver::{Listing, Read};
use crate::error::{Result, not_found};
use crate::paginate::{Pages, Position};
use crate::search::read_clusters;
use crate::validate;
use crate::view::{JobItem, PostResult};

/// The intent of the job lists.
const JOBS: &str = "SEARCH_MY_ITEMS_JOB_SEEKER";
/// The intent of the saved posts.
const POSTS: &str = "SEARCH_MY_ITEMS_SAVED_POSTS";

/// `query:(flagshipSearchIntent:<intent>,queryParameters:List((key:<key>,value:List(<value>))))`.
fn query(intent: &str, key: &str, value: &str) -> Map {
    let filter: Map = [("key", Rv::from(key)), ("value", Rv::list([value]))]
        .into_iter()
        .collect();
    let mut query = Map::new();
    query.push("flagshipSearchIntent", intent);
    query.push("queryParameters", Rv::List(vec![Rv::from(filter)]));
    query
}

fn read_jobs(endpoint: &'static Endpoint, answer: &Answer<'_>) -> Result<Read<Raw<JobItem>>> {
    read_clusters(endpoint, answer, |r: Raw<EntityResult>| {
        r.try_map(JobItem::read)
    })
}

fn read_posts(endpoint: &'static Endpoint, answer: &Answer<'_>) -> Result<Read<Raw<PostResult>>> {
    read_clusters(endpoint, answer, |r: Raw<EntityResult>| {
        r.try_map(PostResult::read)
    })
}

impl Linkedin {
    /// The jobs the logged-in member saved, as the My Items page lists them, every page.
    ///
    /// Python: none
    ///
    /// One request per 10 jobs (catalogue `my_items`, intent `SEARCH_MY_ITEMS_JOB_SEEKER`,
    /// `cardType` `SAVED`).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// let saved: Vec<_> = linkedin.saved_jobs().try_collect().await?;
    /// for job in &saved {
    ///     println!("{} at {:?}", job.title, job.company_name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As stream items: [`Error::SchemaMoved`](crate::Error::SchemaMoved) when a page has
    /// items none of which read as a job, and transport errors.
    pub fn saved_jobs(&self) -> Pages<Raw<JobItem>> {
        self.job_items("SAVED")
    }

    /// The jobs the logged-in member applied to, each with its application's state.
    ///
    /// Python: none
    ///
    /// The state is LinkedIn's words ([`JobItem::state`]: `Applied 2w ago`, `Application
    /// viewed`...). As [`saved_jobs`](Self::saved_jobs), with `cardType` `APPLIED`.
    ///
    /// # Errors
    ///
    /// As [`saved_jobs`](Self::saved_jobs).
    pub fn applied_jobs(&self) -> Pages<Raw<JobItem>> {
        self.job_items("APPLIED")
    }

    /// The posts the logged-in member saved, every page.
    ///
    /// Python: none
    ///
    /// Read as content search results are ([`PostResult`]: the post's URN, its author, the
    /// text LinkedIn shows); catalogue `my_items`, intent `SEARCH_MY_ITEMS_SAVED_POSTS`.
    ///
    /// # Errors
    ///
    /// As [`saved_jobs`](Self::saved_jobs).
    pub fn saved_posts(&self) -> Pages<Raw<PostResult>> {
        let endpoint = endpoints::MY_ITEMS;
        let call = self
            .call(endpoint)
            .var("query", query(POSTS, "savedPostType", "ALL"));
        Pages::driven(
            self,
            endpoint,
            Position::Start(0),
            Listing::new(call, read_posts),
        )
    }

    /// The job list of one `cardType`.
    fn job_items(&self, card_type: &str) -> Pages<Raw<JobItem>> {
        let endpoint = endpoints::MY_ITEMS;
        let call = self
            .call(endpoint)
            .var("query", query(JOBS, "cardType", card_type));
        Pages::driven(
            self,
            endpoint,
            Position::Start(0),
            Listing::new(call, read_jobs),
        )
    }

    /// Saves a job: it is listed first by [`saved_jobs`](Self::saved_jobs).
    ///
    /// Python: none
    ///
    /// `job_id` is the number of `urn:li:jobPosting:<id>`, or that URN, or
    /// `urn:li:fsd_jobPosting:<id>`. Catalogue `save_state_set` (status `unknown`: public
    /// code, none dated 2026). Counted against the engagement budget; setting a state is
    /// idempotent, so a lost answer is sent again rather than read back.
    ///
    /// ```no_run
    /// # async fn run(linkedin: linkedin_api::Linkedin) -> linkedin_api::Result<()> {
    /// linkedin.save_job("3955231344").await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`](crate::Error::InvalidInput) for a bad id (nothing sent),
    /// [`Error::NotFound`](crate::Error::NotFound) for an unknown job, the budget's refusal,
    /// and transport errors.
    pub async fn save_job(&self, job_id: &str) -> Result<()> {
        self.set_job_saved(job_id, true).await
    }

    /// Unsaves a job: it leaves [`saved_jobs`](Self::saved_jobs).
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`save_job`](Self::save_job).
    pub async fn unsave_job(&self, job_id: &str) -> Result<()> {
        self.set_job_saved(job_id, false).await
    }

    /// Saves a post: it is listed first by [`saved_posts`](Self::saved_posts).
    ///
    /// Python: none
    ///
    /// `post` is its activity id, `urn:li:activity:<id>` or an update URN. As
    /// [`save_job`](Self::save_job) otherwise.
    ///
    /// # Errors
    ///
    /// As [`save_job`](Self::save_job), for a post.
    pub async fn save_post(&self, post: &str) -> Result<()> {
        self.set_post_saved(post, true).await
    }

    /// Unsaves a post: it leaves [`saved_posts`](Self::saved_posts).
    ///
    /// Python: none
    ///
    /// # Errors
    ///
    /// As [`save_post`](Self::save_post).
    pub async fn unsave_post(&self, post: &str) -> Result<()> {
        self.set_post_saved(post, false).await
    }

    async fn set_job_saved(&self, job_id: &str, saved: bool) -> Result<()> {
        let id = validate::numeric_id("job_id", job_id, &["jobPosting", "fsd_jobPosting"])?;
        self.set_saved(&format!("urn:li:fsd_jobPosting:{id}"), saved, || {
            format!("job {id}")
        })
        .await
    }

    async fn set_post_saved(&self, post: &str, saved: bool) -> Result<()> {
        let id = validate::activity_id("post", post)?;
        self.set_saved(&format!("urn:li:activity:{id}"), saved, || {
            format!("post {id}")
        })
        .await
    }

    /// `POST /voyagerFeedDashSaveStates/urn:li:fsd_saveState:(SAVE,<urn>)` with
    /// `{"patch": {"$set": {"saved": …}}}`.
    async fn set_saved(&self, urn: &str, saved: bool, what: impl FnOnce() -> String) -> Result<()> {
        let call = self
            .call(endpoints::SAVE_STATE_SET)
            .path("saveStateUrn", format!("urn:li:fsd_saveState:(SAVE,{urn})"))
            .body(json!({"patch": {"$set": {"saved": saved}}}));
        self.send(call)
            .await
            .map(|_| ())
            .map_err(|e| not_found(e, what))
    }
}
