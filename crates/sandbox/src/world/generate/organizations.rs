//! Companies, schools and the job postings of the companies.

use super::Builder;
use super::random::{chance, pick, pick_weighted, sample, two, weighted};
use super::text::{join_and, kebab, title_case};
use super::words::{COMPANIES, INDUSTRIES, PLACES, SCHOOLS, TRACK_WEIGHTS, TRACKS};
use crate::world::clock::{DAY_MS, HOUR_MS, PRESENT_MS};
use crate::world::model::{Company, Job, School};

/// How many job postings.
pub(super) const JOBS: usize = 64;

impl Builder {
    /// LinkedIn and the invented companies.
    pub(super) fn companies(&mut self) {
        self.numbers.insert(1337);
        self.world.companies.push(Company {
            id: 1337,
            universal_name: "linkedin".into(),
            name: "LinkedIn".into(),
            tagline:
                "Connecting the world's professionals to make them more productive and successful."
                    .into(),
            description: "A professional network where members find jobs, share what they know \
                and build their careers, with product, design, data and engineering teams \
                around the world."
                .into(),
            industry: INDUSTRIES[0].0.into(),
            staff_count: 24_600,
            headquarters: "Sunnyvale, California".into(),
            website: "https://www.linkedin.com".into(),
            followers: 31_400_000,
        });
        for &(name, industry, place, tagline) in COMPANIES {
            let id = self.unique_number(10_000..=99_999_999);
            let universal_name = kebab(name);
            let staff_count = self.rng.u32(12..=9_000);
            let followers = staff_count * self.rng.u32(3..=40) + self.rng.u32(0..1_000);
            self.world.companies.push(Company {
                id,
                website: format!("https://www.{universal_name}.example"),
                universal_name,
                name: name.into(),
                tagline: tagline.into(),
                description: format!(
                    "{name}: {}. Founded by people who care about their craft, we work across \
                     {} with customers on every continent.",
                    tagline.to_lowercase(),
                    INDUSTRIES[industry].0.to_lowercase(),
                ),
                industry: INDUSTRIES[industry].0.into(),
                staff_count,
                headquarters: PLACES[place].0.into(),
                followers,
            });
        }
    }

    /// The University of Queensland and the invented schools.
    pub(super) fn schools(&mut self) {
        let queensland = self.unique_number(10_000..=99_999_999);
        self.world.schools.push(School {
            id: queensland,
            universal_name: "university-of-queensland".into(),
            name: "The University of Queensland".into(),
            location: "Brisbane, Queensland".into(),
            alumni: 212_000,
        });
        for &(name, location) in SCHOOLS {
            let id = self.unique_number(10_000..=99_999_999);
            let alumni = self.rng.u32(4_000..=150_000);
            self.world.schools.push(School {
                id,
                universal_name: kebab(name),
                name: name.into(),
                location: location.into(),
                alumni,
            });
        }
    }

    /// Job postings listed in the last 30 days.
    pub(super) fn jobs(&mut self) {
        const WORKPLACES: &[(&str, u32)] = &[("ON_SITE", 35), ("HYBRID", 40), ("REMOTE", 25)];
        const EMPLOYMENT: &[(&str, u32)] = &[
            ("FULL_TIME", 78),
            ("CONTRACT", 10),
            ("PART_TIME", 6),
            ("INTERNSHIP", 6),
        ];
        const LEVELS: &[&str] = &[
            "ENTRY_LEVEL",
            "ASSOCIATE",
            "MID_SENIOR",
            "DIRECTOR",
            "EXECUTIVE",
        ];
        for _ in 0..JOBS {
            let id = self.unique_number(3_900_000_000..=4_399_999_999);
            let company = self.rng.usize(..self.world.companies.len());
            let track = &TRACKS[self.job_track(company)];
            let level = self.rng.usize(..track.titles.len());
            let workplace = pick_weighted(&mut self.rng, WORKPLACES);
            let employment = pick_weighted(&mut self.rng, EMPLOYMENT);
            let (title, experience_level) = if employment == "INTERNSHIP" {
                (format!("{} Intern", title_case(track.team)), LEVELS[0])
            } else {
                (
                    track.titles[level].to_owned(),
                    LEVELS[level * LEVELS.len() / track.titles.len()],
                )
            };
            let (location, geo_id) = if chance(&mut self.rng, 0.6) {
                let hq = &self.world.companies[company].headquarters;
                *PLACES
                    .iter()
                    .find(|(name, _)| name == hq)
                    .unwrap_or(&PLACES[0])
            } else {
                *pick(&mut self.rng, PLACES)
            };
            let count = self.rng.usize(3..=6);
            let skills = sample(&mut self.rng, track.skills, count.min(track.skills.len()));
            let (d1, d2) = two(&mut self.rng, track.duties);
            let name = &self.world.companies[company].name;
            let tagline = &self.world.companies[company].tagline;
            let description = format!(
                "{name} is looking for a {title} to join our {} team in {location}. \
                 {tagline}.\n\n\
                 What you will do: own {d1}, and work with the team on {d2}. You will share \
                 your work in design reviews and help shape how we build.\n\n\
                 What we look for: experience with {}. This role is {} ({}). We welcome \
                 applicants of every background and are happy to talk about flexible hours.",
                track.team,
                join_and(&skills),
                workplace.to_lowercase().replace('_', "-"),
                employment.to_lowercase().replace('_', "-"),
            );
            let listed_at = PRESENT_MS - self.rng.u64(HOUR_MS..30 * DAY_MS);
            let applicants = self.rng.u32(0..=450);
            self.world.jobs.push(Job {
                id,
                company,
                title,
                location: location.into(),
                geo_id,
                workplace: workplace.into(),
                employment: employment.into(),
                experience_level: experience_level.into(),
                description,
                skills: skills.into_iter().map(String::from).collect(),
                listed_at,
                applicants,
            });
        }
    }

    /// A track for a posting at `company`: often one of the company's own industry.
    fn job_track(&mut self, company: usize) -> usize {
        let industry = &self.world.companies[company].industry;
        let own: Vec<usize> = (0..TRACKS.len())
            .filter(|&t| INDUSTRIES[TRACKS[t].industry].0 == industry)
            .collect();
        if !own.is_empty() && chance(&mut self.rng, 0.6) {
            *pick(&mut self.rng, &own)
        } else {
            weighted(&mut self.rng, TRACK_WEIGHTS)
        }
    }
}
