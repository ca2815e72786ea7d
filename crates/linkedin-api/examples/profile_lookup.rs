//! Look up a profile by its public id: name, headline, positions, skills and contact info,
//! fetched with one resolution and then three requests at once.
//!
//! ```sh
//! cargo run -p linkedin-api --example profile_lookup -- demo-member
//! ```

mod common;

use linkedin_api::Linkedin;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let who = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "demo-member".to_owned());
    let (linkedin, _sandbox) = common::connect().await?;
    for line in run(&linkedin, &who).await? {
        println!("{line}");
    }
    Ok(())
}

/// The lines to print about `who`.
pub(crate) async fn run(linkedin: &Linkedin, who: &str) -> linkedin_api::Result<Vec<String>> {
    let full = linkedin.full_profile(who).await?;
    let p = &full.profile;
    let mut lines = vec![
        format!("{} {}", p.first_name, p.last_name),
        p.headline.clone().unwrap_or_default(),
        String::new(),
        "Experience:".to_owned(),
    ];
    for e in &full.experiences {
        lines.push(format!(
            "  {} at {} ({})",
            e.title.as_deref().unwrap_or("?"),
            e.company_name.as_deref().unwrap_or("?"),
            e.duration.as_deref().unwrap_or("")
        ));
    }
    let skills: Vec<&str> = full.skills.iter().map(|s| s.name.as_str()).collect();
    lines.push(format!("Skills: {}", skills.join(", ")));
    if let Some(email) = &full.contact_info.email_address {
        lines.push(format!("E-mail: {email}"));
    }
    Ok(lines)
}
