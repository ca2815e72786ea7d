//! Search people page by page: up to 49 results per request (LinkedIn's maximum; no more than
//! the limit still needs), a limit, and the position to resume from later.
//!
//! ```sh
//! cargo run -p linkedin-api --example search_paging -- "engineer" 120
//! ```

mod common;

use futures::TryStreamExt;
use linkedin_api::{Linkedin, Network, PeopleSearch};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let keywords = args.next().unwrap_or_else(|| "engineer".to_owned());
    let limit = args.next().and_then(|n| n.parse().ok()).unwrap_or(120);
    let (linkedin, _sandbox) = common::connect().await?;
    let (people, resume) = run(&linkedin, &keywords, limit).await?;
    for (i, line) in people.iter().enumerate() {
        println!("{:>4}. {line}", i + 1);
    }
    println!(
        "{} people; to go on later, resume at {resume}",
        people.len()
    );
    Ok(())
}

/// Up to `limit` people matching `keywords` in the 2nd and 3rd degree, one line each, and
/// where the search stopped.
pub(crate) async fn run(
    linkedin: &Linkedin,
    keywords: &str,
    limit: usize,
) -> linkedin_api::Result<(Vec<String>, String)> {
    let mut pages = linkedin
        .search_people(
            PeopleSearch::keywords(keywords).network(&[Network::Second, Network::ThirdPlus]),
        )
        .limit(limit);
    let mut people = Vec::new();
    while let Some(person) = pages.try_next().await? {
        people.push(format!(
            "{} — {} [{}]",
            person.name,
            person.headline.as_deref().unwrap_or(""),
            person.distance.as_ref().map_or("?", |d| d.as_str())
        ));
    }
    let resume = match pages.position() {
        Some((at, skip)) => format!("{at:?}, skipping {skip}"),
        None => "the end".to_owned(),
    };
    Ok((people, resume))
}
