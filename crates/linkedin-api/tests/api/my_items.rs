//! My Items against the sandbox: saved jobs (every page), applied jobs with their states,
//! saved posts, and saving and unsaving a job or a post, seen in the lists at once.

use crate::common;

use linkedin_api::models::Raw;
use linkedin_api::{Error, JobItem, PostResult};
use linkedin_sandbox::WORLD_SEED;
use linkedin_sandbox::world::{self, Saved, World};

fn world() -> World {
    world::generate(WORLD_SEED)
}

/// The demo account's saved jobs in the world, newest first.
fn saved_jobs_of(w: &World) -> Vec<u64> {
    let mut saves: Vec<_> = w
        .saves
        .iter()
        .filter(|s| s.person == 0 && matches!(s.item, Saved::Job(_)))
        .collect();
    saves.sort_by_key(|s| std::cmp::Reverse(s.saved_at));
    saves
        .into_iter()
        .map(|s| match s.item {
            Saved::Job(j) | Saved::Post(j) => j,
        })
        .collect()
}

#[tokio::test]
async fn saved_jobs_list_every_page_newest_first() {
    let f = common::start().await;
    let w = world();
    let mark = f.mark();
    let first: Vec<Raw<JobItem>> = common::collect_all(f.linkedin.saved_jobs().limit(2)).await;
    f.snapshot("my_items_saved_jobs", mark, &first);

    let all: Vec<Raw<JobItem>> = common::collect_all(f.linkedin.saved_jobs()).await;
    let expected = saved_jobs_of(&w);
    assert!(expected.len() > 10, "more than one page");
    let ids: Vec<String> = all.iter().map(|j| j.job_id.clone()).collect();
    let want: Vec<String> = expected.iter().map(u64::to_string).collect();
    assert_eq!(ids, want);
    let job = w.jobs.iter().find(|j| j.id == expected[0]).unwrap();
    assert_eq!(all[0].title, job.title);
    assert_eq!(
        all[0].company_name.as_deref(),
        Some(w.companies[job.company].name.as_str())
    );
    assert_eq!(all[0].location.as_deref(), Some(job.location.as_str()));
    assert!(all.iter().all(|j| j.state.is_none()));
}

#[tokio::test]
async fn applied_jobs_carry_their_states() {
    let f = common::start().await;
    let w = world();
    let mark = f.mark();
    let applied: Vec<Raw<JobItem>> = common::collect_all(f.linkedin.applied_jobs()).await;
    f.snapshot("my_items_applied_jobs", mark, &applied[..2].to_vec());
    let mut want: Vec<_> = w.applications.iter().filter(|a| a.person == 0).collect();
    want.sort_by_key(|a| std::cmp::Reverse(a.applied_at));
    assert_eq!(applied.len(), want.len());
    for (got, want) in applied.iter().zip(&want) {
        assert_eq!(got.job_id, want.job.to_string());
        assert_eq!(got.state.as_deref(), Some(want.state.as_str()));
    }
}

#[tokio::test]
async fn saving_and_unsaving_show_in_the_lists() {
    let f = common::start().await;
    let w = world();
    let saved = saved_jobs_of(&w);
    let job = w
        .jobs
        .iter()
        .find(|j| !saved.contains(&j.id))
        .unwrap()
        .id
        .to_string();

    let mark = f.mark();
    f.linkedin.save_job(&job).await.unwrap();
    f.snapshot("my_items_save_job", mark, &());
    let first: Vec<Raw<JobItem>> = common::collect_all(f.linkedin.saved_jobs().limit(1)).await;
    assert_eq!(first[0].job_id, job);
    // Again: nothing changes.
    f.linkedin
        .save_job(&format!("urn:li:jobPosting:{job}"))
        .await
        .unwrap();
    let all: Vec<Raw<JobItem>> = common::collect_all(f.linkedin.saved_jobs()).await;
    assert_eq!(all.len(), saved.len() + 1);
    f.linkedin.unsave_job(&job).await.unwrap();
    let all: Vec<Raw<JobItem>> = common::collect_all(f.linkedin.saved_jobs()).await;
    assert_eq!(all.len(), saved.len());
    assert!(all.iter().all(|j| j.job_id != job));

    // Posts.
    let mark = f.mark();
    let posts: Vec<Raw<PostResult>> = common::collect_all(f.linkedin.saved_posts()).await;
    f.snapshot("my_items_saved_posts", mark, &posts[..1].to_vec());
    let n = posts.len();
    assert!(n > 0);
    let post = w
        .posts
        .iter()
        .find(|p| {
            !p.promoted
                && w.visible_to(0, p)
                && posts
                    .iter()
                    .all(|s| s.urn != format!("urn:li:activity:{}", p.activity_id))
        })
        .unwrap();
    let urn = format!("urn:li:activity:{}", post.activity_id);
    f.linkedin.save_post(&urn).await.unwrap();
    let now: Vec<Raw<PostResult>> = common::collect_all(f.linkedin.saved_posts()).await;
    assert_eq!(now.len(), n + 1);
    assert_eq!(now[0].urn, urn);
    f.linkedin
        .unsave_post(&post.activity_id.to_string())
        .await
        .unwrap();
    let now: Vec<Raw<PostResult>> = common::collect_all(f.linkedin.saved_posts()).await;
    assert_eq!(now.len(), n);

    // Unknown: LinkedIn's 404. Malformed: refused before anything is sent.
    let err = f.linkedin.save_job("1").await.unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    let mark = f.mark();
    for bad in ["", "12x", "urn:li:fsd_profile:1"] {
        let err = f.linkedin.save_job(bad).await.unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{bad}: {err:?}");
        let err = f.linkedin.save_post(bad).await.unwrap_err();
        assert!(matches!(err, Error::InvalidInput { .. }), "{bad}: {err:?}");
    }
    assert!(f.sent_since(mark).is_empty());
}
