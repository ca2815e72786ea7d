//! Builds the sandbox's world from a seed: people, companies, schools, jobs, posts, the demo
//! account's mailbox, connections and invitations, coherent with each other and the same for
//! the same seed. Everything random comes from one `fastrand::Rng` seeded with the seed.

use base64::Engine as _;
use std::collections::{BTreeSet, HashSet};

use fastrand::Rng;

use super::accounts;
use super::clock::{DAY_MS, HOUR_MS, MINUTE_MS, PRESENT_MONTH, PRESENT_MS, month_number, month_of};
use super::model::{
    Author, Comment, Company, Conversation, Education, Experience, Invitation, Job, Message,
    Person, Post, ProfileView, Reaction, School, World,
};

/// The present's [`month_number`].
const PRESENT_MONTH_NUMBER: u32 = month_number(PRESENT_MONTH);

/// How many people the world holds.
const PEOPLE: usize = 1_240;
/// How many connections the demo account has.
const DEMO_CONNECTIONS: usize = 150;
/// How many connections the hub (people[2], a recruiter) has.
const HUB_CONNECTIONS: usize = 1_080;
/// How many job postings.
const JOBS: usize = 64;
/// How many conversations the demo account's mailbox holds.
const CONVERSATIONS: usize = 46;
/// The least number of messages over all conversations.
const MIN_MESSAGES: usize = 320;
/// How many messages the one long conversation has.
const LONG_CONVERSATION: usize = 72;
/// How many invitations the demo account has received.
const RECEIVED_INVITATIONS: usize = 14;
/// How many invitations the demo account has sent.
const SENT_INVITATIONS: usize = 6;
/// Mixed into the seed for the profile views, which have a generator of their own (added
/// after the rest of the world, they must not change it).
const VIEWS_SEED: u64 = 0x5649_4557_535f_5756;

/// Index of the demo account's employer in [`World::companies`].
const NORTHWIND: usize = 1;
/// Index of the hub's employer in [`World::companies`].
const BRIGHTMOOR: usize = 10;
/// Index of the University of Queensland in [`World::schools`].
const QUEENSLAND: usize = 0;
/// Index of the recruiting track in [`TRACKS`].
const RECRUITING: usize = 6;
/// Index of the product track in [`TRACKS`].
const PRODUCT: usize = 2;

/// Invented first names.
const FIRST_NAMES: &[&str] = &[
    "Aisha", "Mateo", "Ingrid", "Kenji", "Priya", "Tobias", "Amara", "Luca", "Sofia", "Nikolai",
    "Chiamaka", "Elena", "Rafael", "Hana", "Oskar", "Leila", "Daniel", "Mei", "Tomasz", "Yara",
    "Kwame", "Freya", "Arjun", "Camila", "Jonas", "Noor", "Samuel", "Ines", "Malik", "Greta",
    "Haruto", "Zainab", "Felix", "Lucia", "Emeka", "Astrid", "Diego", "Anika", "Mohammed", "Clara",
    "Tariq", "Beatriz", "Olusegun", "Maren", "Vikram", "Chloe", "Andrei", "Nadia", "Hugo", "Keiko",
    "Ruben", "Esther", "Kofi", "Marta", "Idris", "Liv", "Pablo", "Sanna", "Omar", "Thea", "Ravi",
    "Julia", "Bastian", "Adaeze",
];

/// Invented last names.
#[rustfmt::skip]
const LAST_NAMES: &[&str] = &[
    "Okonkwo", "Lindqvist", "Tanaka", "Ferreira", "Novak", "Haddad", "Moreno", "Brennan",
    "Achterberg", "Iyer", "Kowalczyk", "Mensah", "Castellanos", "Nakamura", "Oyelaran", "Petrov",
    "Sandoval", "Whitfield", "Abernathy", "Delacroix", "Eriksen", "Fontaine", "Gallagher",
    "Hoffmann", "Ibarra", "Jankowski", "Kariuki", "Larsen", "Marchetti", "Nwosu", "Ortega",
    "Pellegrini", "Quintero", "Rasmussen", "Sato", "Thorsen", "Umeh", "Valdez", "Wojcik", "Yilmaz",
    "Zimmermann", "Adeyemi", "Bergstrom", "Chandra", "Dubois", "Esposito", "Falk", "Gruenwald",
    "Halvorsen", "Idowu", "Jovanovic", "Kaur", "Lachance", "Mbatha", "Nieminen", "Oduya", "Prasad",
    "Rosales", "Schreiber", "Takahashi", "Udeh", "Vasquez", "Whitaker", "Xu",
];

/// Places with their `urn:li:fsd_geo:` ids (one id per place).
const PLACES: &[(&str, u64)] = &[
    ("Sunnyvale, California", 102_283_413),
    ("Brisbane, Queensland, Australia", 104_468_365),
    ("Berlin, Germany", 106_967_730),
    ("Lyon, Auvergne-Rhône-Alpes, France", 102_908_212),
    ("London, England, United Kingdom", 102_257_491),
    ("Toronto, Ontario, Canada", 100_025_096),
    ("Austin, Texas, United States", 104_472_865),
    ("Amsterdam, North Holland, Netherlands", 102_011_674),
    ("Lagos, Lagos State, Nigeria", 104_197_452),
    ("Bengaluru, Karnataka, India", 105_214_831),
    ("Singapore", 102_454_443),
    ("Seattle, Washington, United States", 104_116_203),
    ("Dublin, County Dublin, Ireland", 105_178_154),
    ("Melbourne, Victoria, Australia", 100_992_797),
    ("Madrid, Community of Madrid, Spain", 103_374_081),
    ("New York, New York, United States", 105_080_838),
    ("Stockholm, Stockholm County, Sweden", 106_521_528),
    ("São Paulo, São Paulo, Brazil", 104_746_682),
    ("Nairobi, Nairobi County, Kenya", 103_575_230),
    ("Warsaw, Mazowieckie, Poland", 105_076_658),
];

/// Industries with their `urn:li:fsd_industry:` ids (one id per industry).
const INDUSTRIES: &[(&str, u64)] = &[
    ("Software Development", 4),
    ("IT Services and IT Consulting", 96),
    ("Technology, Information and Internet", 6),
    ("Design Services", 99),
    ("Marketing Services", 1862),
    ("Staffing and Recruiting", 104),
    ("Financial Services", 43),
    ("Automation Machinery Manufacturing", 147),
    ("Hospitals and Health Care", 14),
    ("Retail", 27),
    ("Renewable Energy Power Generation", 3240),
];

/// Invented companies after LinkedIn: name, industry (index into [`INDUSTRIES`]),
/// headquarters (index into [`PLACES`]), tagline.
#[rustfmt::skip]
const COMPANIES: &[(&str, usize, usize, &str)] = &[
    ("Northwind Robotics", 7, 11, "Robots that sort, pack and ship, safely next to people"),
    ("Bluefjord Analytics", 1, 16, "Data platforms for teams that ask hard questions"),
    ("Harborlight Software", 0, 12, "Developer tools for calm, predictable releases"),
    ("Copperleaf Health", 8, 5, "Care coordination software for clinics"),
    ("Quillstone Labs", 0, 2, "Rust infrastructure for real-time collaboration"),
    ("Meridian Loop", 2, 15, "The marketplace for independent product studios"),
    ("Tidewater Security", 0, 4, "Zero-trust access for distributed teams"),
    ("Paperkite Design Studio", 3, 7, "Product design and research for ambitious teams"),
    ("Ashgrove Finance", 6, 4, "Treasury and payments for growing companies"),
    ("Brightmoor Talent", 5, 6, "Technical recruiting that respects candidates"),
    ("Kestrel Cloud", 1, 11, "Managed Kubernetes without the pager fatigue"),
    ("Lumen & Ledger", 6, 15, "Accounting automation for small businesses"),
    ("Saltmarsh Retail Group", 9, 14, "Neighbourhood stores, online and on the corner"),
    ("Greenvane Energy", 10, 16, "Wind and solar forecasting for grid operators"),
    ("Foxglove Media", 4, 4, "Stories and campaigns for purpose-driven brands"),
    ("Ironbark Systems", 0, 13, "Embedded software for industrial sensors"),
    ("Silverpine Data", 1, 9, "Streaming data pipelines, from Kafka to dashboards"),
    ("Wrenfield Marketing", 4, 5, "Growth marketing for B2B software"),
    ("Cobalt Harbor", 2, 10, "Cross-border commerce infrastructure for Southeast Asia"),
    ("Driftwood Games", 0, 3, "Small games with big hearts"),
    ("Nimbus Forge", 1, 12, "Cloud cost and capacity planning"),
    ("Peregrine Mobility", 7, 2, "Autonomous delivery robots for city streets"),
    ("Juniper Row Capital", 6, 15, "Early-stage investing in climate and health"),
    ("Halcyon Bio", 8, 1, "Lab automation for faster diagnostics"),
    ("Marigold Commerce", 9, 17, "Checkout and loyalty for independent retailers"),
    ("Sundial Logistics", 2, 8, "Last-mile logistics data for growing cities"),
    ("Fennel & Frost", 3, 7, "Brand and interface design for consumer apps"),
    ("Stonebridge Consulting", 1, 19, "Data and cloud modernisation for public services"),
    ("Blue Heron Security", 0, 6, "Supply-chain security for open-source dependencies"),
    ("Larkspur AI", 2, 0, "Search and summarisation for internal knowledge"),
    ("Granite Peak Robotics", 7, 5, "Inspection robots for bridges and tunnels"),
    ("Tallgrass Energy Works", 10, 18, "Solar micro-grids for rural communities"),
    ("Oakmoss Recruiting", 5, 4, "Design and product hiring, done with care"),
    ("Vantage Ridge Software", 0, 9, "Workflow software for field service teams"),
    ("Pebble Street Health", 8, 13, "Telehealth for families"),
];

/// Schools after the University of Queensland: name and city.
const SCHOOLS: &[(&str, &str)] = &[
    ("Northgate Institute of Technology", "Seattle, Washington"),
    ("Lakeshore University", "Toronto, Ontario"),
    ("Westbrook College of Design", "Amsterdam, North Holland"),
    ("Riverside Polytechnic", "Lyon, France"),
    ("Eastmere University", "London, England"),
    ("Highfield School of Business", "Dublin, Ireland"),
    ("Saint Alder University", "Madrid, Spain"),
    ("Coastal State University", "Austin, Texas"),
    ("Fernhill Technical University", "Berlin, Germany"),
    ("Kingsmoor University", "Melbourne, Victoria"),
    ("Ardent Valley College", "Bengaluru, Karnataka"),
    ("Lagoon City University", "Lagos, Nigeria"),
];

/// Bachelor's degrees.
const BACHELORS: &[&str] = &[
    "Bachelor of Science",
    "Bachelor of Engineering",
    "Bachelor of Arts",
    "Bachelor of Commerce",
    "Bachelor of Design",
];

/// Master's degrees.
const MASTERS: &[&str] = &[
    "Master of Science",
    "Master of Engineering",
    "Master of Business Administration",
    "Master of Arts",
    "Master of Design",
];

/// Skills anyone may list after the ones of their track.
const GENERAL_SKILLS: &[&str] = &[
    "Communication",
    "Leadership",
    "Mentoring",
    "Public Speaking",
    "Project Management",
    "Problem Solving",
    "Cross-functional Collaboration",
    "Technical Writing",
];

/// Languages besides English.
#[rustfmt::skip]
const LANGUAGES: &[&str] = &[
    "French", "German", "Spanish", "Portuguese", "Japanese", "Hindi", "Yoruba", "Swahili", "Polish",
    "Swedish", "Mandarin", "Arabic", "Dutch", "Italian",
];

/// Domains for e-mail addresses (all reserved for examples).
const EMAIL_DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "example.net",
    "mail.example",
    "inbox.example",
];

/// A career track: what someone does, and the words that go with it.
struct Track {
    /// The team's name, as in "our data team".
    team: &'static str,
    /// Index into [`INDUSTRIES`].
    industry: usize,
    /// Titles from junior to senior.
    titles: &'static [&'static str],
    /// Skills of the track.
    skills: &'static [&'static str],
    /// Certifications of the track.
    certifications: &'static [&'static str],
    /// Fields of study.
    fields: &'static [&'static str],
    /// Noun phrases of the work, for positions and job postings.
    duties: &'static [&'static str],
    /// Sentences for posts.
    thoughts: &'static [&'static str],
}

/// The career tracks.
#[rustfmt::skip]
const TRACKS: &[Track] = &[
    Track {
        team: "platform engineering",
        industry: 0,
        titles: &[
            "Junior Software Engineer", "Software Engineer", "Senior Software Engineer",
            "Staff Engineer", "Principal Engineer", "Engineering Manager",
        ],
        skills: &[
            "Rust", "Go", "Python", "TypeScript", "Kubernetes", "Docker", "PostgreSQL", "gRPC",
            "Distributed Systems", "System Design", "Linux", "AWS", "Microservices",
        ],
        certifications: &[
            "Certified Kubernetes Application Developer (CKAD)",
            "AWS Certified Developer - Associate",
        ],
        fields: &["Computer Science", "Software Engineering", "Mathematics"],
        duties: &[
            "the Rust services behind the public API",
            "a Kubernetes migration of forty microservices",
            "the PostgreSQL sharding layer",
            "the gRPC gateway and its load testing",
            "the developer platform and CI pipelines",
            "on-call tooling and incident reviews",
        ],
        thoughts: &[
            "We rewrote our hottest endpoint in Rust and p99 latency dropped by 60%.",
            "Hot take: most Kubernetes clusters would be fine as three boring VMs.",
            "Code review is where a team decides what quality means. Make it kind and fast.",
            "Our monolith is now eleven services, and honestly we miss the monolith a little.",
            "The best system design interviews feel like two engineers at a whiteboard.",
            "Async Rust finally clicked for me when I stopped fighting the borrow checker.",
        ],
    },
    Track {
        team: "data",
        industry: 1,
        titles: &[
            "Data Analyst", "Data Engineer", "Senior Data Engineer", "Data Scientist",
            "Lead Data Scientist", "Head of Data",
        ],
        skills: &[
            "SQL", "Python", "Apache Spark", "dbt", "Apache Airflow", "Data Modeling",
            "Machine Learning", "Statistics", "Tableau", "Apache Kafka", "Data Warehousing",
        ],
        certifications: &[
            "Google Cloud Professional Data Engineer",
            "Databricks Certified Data Engineer Associate",
        ],
        fields: &[
            "Statistics", "Computer Science", "Economics", "Applied Mathematics",
        ],
        duties: &[
            "the company's data warehouse and its dbt models",
            "streaming data pipelines on Kafka",
            "churn prediction models in production",
            "self-serve dashboards for the sales team",
            "data quality checks across two hundred tables",
            "experimentation analysis for product teams",
        ],
        thoughts: &[
            "Your data pipeline is only as good as its least tested dbt model.",
            "We deleted 40% of our dashboards and nobody noticed. Data hygiene matters.",
            "A simple logistic regression beat our fancy model in production again.",
            "Data contracts between teams saved us more time than any new tool.",
            "If your metrics disagree, the definitions disagree. Write them down.",
        ],
    },
    Track {
        team: "product",
        industry: 2,
        titles: &[
            "Associate Product Manager", "Product Manager", "Senior Product Manager",
            "Group Product Manager", "Director of Product",
        ],
        skills: &[
            "Product Management", "Product Strategy", "Roadmapping", "User Research", "A/B Testing",
            "Agile Methodologies", "Stakeholder Management", "SQL", "Go-to-Market Strategy",
            "Product Discovery",
        ],
        certifications: &[
            "Certified Scrum Product Owner (CSPO)",
            "Pragmatic Institute Product Management Certification",
        ],
        fields: &["Business Administration", "Computer Science", "Psychology"],
        duties: &[
            "the product roadmap for the mobile app",
            "discovery and launch of a new billing product",
            "pricing experiments with the growth team",
            "the onboarding flow that doubled activation",
            "quarterly product planning across four teams",
        ],
        thoughts: &[
            "The best product decision we made this year was saying no to a big customer.",
            "Product management is mostly writing things down so nobody has to guess.",
            "We ran twelve customer interviews before writing a single line of the spec.",
            "Shipping is a product feature. Small releases beat perfect ones.",
            "A roadmap is a list of bets, not a list of promises.",
        ],
    },
    Track {
        team: "design",
        industry: 3,
        titles: &[
            "Junior Product Designer", "Product Designer", "Senior Product Designer",
            "Lead Designer", "Design Director",
        ],
        skills: &[
            "Figma", "User Experience (UX)", "Interaction Design", "Design Systems", "Prototyping",
            "Accessibility", "Visual Design", "Usability Testing", "Information Architecture",
        ],
        certifications: &[
            "Nielsen Norman Group UX Certification", "Certified Accessibility Professional",
        ],
        fields: &[
            "Interaction Design", "Graphic Design", "Human-Computer Interaction",
        ],
        duties: &[
            "the design system used by six product teams",
            "an accessibility audit and its fixes",
            "usability testing for the checkout redesign",
            "the new onboarding experience from sketch to launch",
            "design reviews and the critique culture",
        ],
        thoughts: &[
            "A design system is a product with engineers as its customers.",
            "We tested the new checkout design with eight people and found five serious issues.",
            "Accessibility is not a feature you add at the end. Design for it from the start.",
            "Good design critique starts with the problem, not the pixels.",
            "Our Figma file went from 300 components to 90 and the product got more consistent.",
        ],
    },
    Track {
        team: "infrastructure",
        industry: 1,
        titles: &[
            "Systems Administrator", "DevOps Engineer", "Site Reliability Engineer",
            "Senior Site Reliability Engineer", "Platform Engineering Lead",
        ],
        skills: &[
            "Kubernetes", "Terraform", "Prometheus", "Grafana", "Helm", "CI/CD", "Linux", "AWS",
            "Google Cloud Platform", "Ansible", "Rust", "Observability",
        ],
        certifications: &[
            "Certified Kubernetes Administrator (CKA)",
            "HashiCorp Certified: Terraform Associate",
        ],
        fields: &[
            "Computer Engineering", "Information Technology", "Computer Science",
        ],
        duties: &[
            "the Kubernetes clusters across three regions",
            "Terraform modules for every team's infrastructure",
            "the observability stack on Prometheus and Grafana",
            "disaster recovery drills and runbooks",
            "the migration from VMs to containers",
        ],
        thoughts: &[
            "Our Kubernetes upgrade took four hours instead of four weeks thanks to boring runbooks.",
            "Alert on symptoms, not causes. Our pager got 80% quieter.",
            "Terraform state is a shared secret between your past and future self.",
            "SLOs turned our reliability arguments into reliability conversations.",
            "We replaced a flaky Bash deploy script with a small Rust tool and slept better.",
        ],
    },
    Track {
        team: "marketing",
        industry: 4,
        titles: &[
            "Marketing Coordinator", "Content Marketing Manager", "Growth Marketing Manager",
            "Senior Marketing Manager", "Head of Marketing",
        ],
        skills: &[
            "Content Strategy", "SEO", "Google Analytics", "Copywriting", "Marketing Automation",
            "Brand Management", "Social Media Marketing", "Product Marketing", "Data Analysis",
        ],
        certifications: &[
            "Google Analytics Certification", "HubSpot Inbound Marketing",
        ],
        fields: &["Marketing", "Communications", "Journalism"],
        duties: &[
            "the content strategy and the company blog",
            "paid campaigns across search and social",
            "product marketing for two launches a quarter",
            "the brand refresh and its guidelines",
            "lifecycle e-mails and marketing automation",
        ],
        thoughts: &[
            "Our best performing post this quarter was a plain-text customer story.",
            "Product marketing is the bridge between what we built and why anyone should care.",
            "We stopped gating our guides and got more qualified leads, not fewer.",
            "Brand is what people say about you when you leave the room.",
            "Data-driven marketing still needs a point of view.",
        ],
    },
    Track {
        team: "talent",
        industry: 5,
        titles: &[
            "Recruiting Coordinator", "Technical Recruiter", "Senior Technical Recruiter",
            "Talent Acquisition Lead", "Head of Talent",
        ],
        skills: &[
            "Technical Recruiting", "Sourcing", "Employer Branding", "Interviewing",
            "Applicant Tracking Systems (ATS)", "Talent Acquisition", "Negotiation",
            "Boolean Search", "Onboarding",
        ],
        certifications: &[
            "LinkedIn Certified Professional Recruiter",
            "AIRS Certified Internet Recruiter",
        ],
        fields: &["Human Resources", "Psychology", "Business Administration"],
        duties: &[
            "hiring for the engineering and data teams",
            "a structured interview process for every role",
            "the employer brand and the careers page",
            "sourcing for Rust and Kubernetes engineers",
            "the graduate and internship program",
        ],
        thoughts: &[
            "Candidates remember how you rejected them longer than how you hired them.",
            "We are hiring Rust and Kubernetes engineers. Send me a message if that is you.",
            "Please put the salary range in the job post. It saves everyone time.",
            "Structured interviews made our hiring both faster and fairer.",
            "The best referrals come from people who enjoyed their own interview.",
        ],
    },
    Track {
        team: "finance",
        industry: 6,
        titles: &[
            "Financial Analyst", "Senior Financial Analyst", "Finance Manager", "Head of FP&A",
            "Chief Financial Officer",
        ],
        skills: &[
            "Financial Modeling", "Microsoft Excel", "Forecasting", "Budgeting", "SQL",
            "Data Analysis", "Accounting", "Power BI", "Risk Management",
        ],
        certifications: &[
            "Chartered Financial Analyst (CFA)", "Certified Management Accountant (CMA)",
        ],
        fields: &["Finance", "Accounting", "Economics"],
        duties: &[
            "the annual budget and monthly forecasts",
            "financial models for two fundraising rounds",
            "the move from spreadsheets to a data warehouse",
            "pricing and unit economics analysis",
            "the month-end close, cut from ten days to four",
        ],
        thoughts: &[
            "A forecast is a conversation starter, not a prophecy.",
            "We moved our finance reporting onto the company data warehouse and never looked back.",
            "Unit economics tell you whether growth is a gift or a trap.",
            "The best finance teams are product partners, not gatekeepers.",
            "Closing the books in four days was a team sport.",
        ],
    },
    Track {
        team: "robotics",
        industry: 7,
        titles: &[
            "Robotics Technician", "Robotics Engineer", "Senior Robotics Engineer", "Controls Lead",
            "Head of Robotics",
        ],
        skills: &[
            "ROS", "C++", "Rust", "Embedded Systems", "Computer Vision", "Motion Planning",
            "Python", "Control Systems", "SLAM", "Sensor Fusion",
        ],
        certifications: &[
            "Certified Automation Professional (CAP)",
            "Functional Safety Engineer (TÜV)",
        ],
        fields: &[
            "Mechatronics", "Electrical Engineering", "Mechanical Engineering",
        ],
        duties: &[
            "motion planning for the picking arm",
            "embedded Rust firmware for the drive units",
            "the computer vision pipeline for parcel detection",
            "field trials in three warehouses",
            "safety certification of the mobile robots",
        ],
        thoughts: &[
            "We moved our robot firmware to embedded Rust and stopped chasing memory bugs.",
            "Robots in the real world teach you humility. Warehouse lighting is chaos.",
            "Simulation is great until the floor is wet.",
            "Our computer vision model works best with boring, well-labelled data.",
            "Safety is a design input, not a test at the end.",
        ],
    },
];

/// How likely each track is for a generated person (same order as [`TRACKS`]).
const TRACK_WEIGHTS: &[u32] = &[25, 14, 12, 10, 10, 8, 7, 7, 7];

/// Verbs opening a position's description.
const POSITION_VERBS: &[&str] = &[
    "Owned",
    "Led work on",
    "Built and ran",
    "Worked on",
    "Shipped improvements to",
    "Took over",
];

/// Closing sentences of an About section.
const SUMMARY_CLOSINGS: &[&str] = &[
    "Always happy to talk shop over coffee.",
    "Outside work I run, cook and read too much science fiction.",
    "I mentor early-career people; feel free to reach out.",
    "Currently learning Rust on weekends.",
    "I write about what I learn at work, mistakes included.",
    "Open to speaking at meetups about product, data and design.",
];

/// First lines of posts.
const POST_OPENERS: &[&str] = &[
    "Something I learned this week:",
    "A small lesson from the last quarter.",
    "Unpopular opinion.",
    "Three months ago we tried something new.",
    "I keep coming back to this.",
    "Quick thought before the weekend.",
    "Big week for the team!",
    "After ten years in this field, one thing is clear.",
];

/// Last lines of posts.
const POST_CLOSINGS: &[&str] = &[
    "What would you add?",
    "Curious how other teams handle this.",
    "Agree or disagree?",
    "Proud of this team.",
    "More in the comments.",
    "Thanks to everyone who helped.",
];

/// Company posts; `{c}` is replaced by the company's name.
const COMPANY_POSTS: &[&str] = &[
    "{c} is hiring! We are growing our product, design and data teams.",
    "Meet the people behind {c}: this week, our platform team on moving to Kubernetes.",
    "{c} turns ten this year. Thank you to every customer who trusted us.",
    "New at {c}: a faster, simpler dashboard built with our customers.",
    "Join {c} at our next meetup on Rust, data engineering and product design.",
    "Our annual report is out: what {c} learned about remote and hybrid work.",
];

/// Comments on posts.
const COMMENTS: &[&str] = &[
    "Great write-up, thanks for sharing!",
    "We saw exactly the same thing when we moved to Kubernetes.",
    "Congrats to the whole team!",
    "How did you handle the data migration?",
    "This matches my experience in product, too.",
    "Bookmarking this for our next design review.",
    "Would love to read a longer post about this.",
    "Interesting. Did you measure the impact?",
    "So true. Rust made our on-call much calmer.",
    "Couldn't agree more.",
    "Thanks, sending this to my team.",
    "What tooling did you use for that?",
];

/// Reaction kinds with their weights.
const REACTIONS: &[(&str, u32)] = &[
    ("LIKE", 55),
    ("PRAISE", 12),
    ("EMPATHY", 10),
    ("INTEREST", 10),
    ("APPRECIATION", 8),
    ("ENTERTAINMENT", 5),
];

/// Lines of messages.
const MESSAGES: &[&str] = &[
    "Hi! Thanks for connecting.",
    "Are you still working on the Rust rewrite at Northwind?",
    "Do you have time for a quick call next week?",
    "Sure, Tuesday afternoon works for me.",
    "Sharing the design doc we talked about.",
    "Thanks, I'll read it tonight.",
    "We're hiring a senior data engineer, would you know anyone?",
    "I might, let me ask around.",
    "How did the Kubernetes upgrade go?",
    "Smoother than expected, the runbook paid off.",
    "Congrats on the new role!",
    "Thank you, it's been a busy first month.",
    "Can you review my talk proposal on product discovery?",
    "Happy to. Send it over.",
    "Lunch on Friday?",
    "Sounds good, usual place at noon.",
    "Here is the link to the meetup recording.",
    "That benchmark is impressive, what hardware was it on?",
    "I left a few comments on the spec.",
    "Great, I'll update the roadmap accordingly.",
    "Are you going to the conference in March?",
    "Yes! Let's meet there.",
    "Quick question about your team's design system.",
    "We open-sourced the tool, here is the repository.",
    "Thanks for the intro, we had a great chat.",
    "Following up on my last message.",
    "No rush, whenever you have a moment.",
    "Could you share the data from the experiment?",
    "I'll be out next week, back on the 3rd.",
    "Ha, that made my day.",
];

/// Notes of invitations.
const INVITATION_NOTES: &[&str] = &[
    "Hi! We met at the Rust meetup last month, would be great to stay in touch.",
    "Loved your post about Kubernetes upgrades. Let's connect.",
    "Hello, I'm building a product team and would value your perspective.",
    "We have a lot of mutual connections in data engineering, happy to connect.",
    "Hi, I enjoyed your talk on design systems.",
    "Fellow robotics engineer here, would like to follow your work.",
];

/// A long invitation note, cut or padded to exactly 300 characters.
const LONG_NOTE: &str = "Hi Dana, I lead the platform team at a robotics company and have been \
    following your posts on Rust in production and on running Kubernetes with a small team. \
    We are about to start a similar migration and I would love to compare notes for half an \
    hour some time this month, whenever suits you. Thanks a lot and have a great week ahead!";

/// A coherent world, the same for the same seed.
#[must_use]
pub fn generate(seed: u64) -> World {
    let mut builder = Builder {
        rng: Rng::with_seed(seed),
        world: World::default(),
        tracks: Vec::with_capacity(PEOPLE),
        links: Vec::new(),
        numbers: HashSet::new(),
        names: HashSet::new(),
    };
    builder.companies();
    builder.schools();
    builder.people();
    builder.connections();
    builder.jobs();
    builder.posts();
    builder.conversations();
    builder.invitations();
    builder.profile_views(seed);
    builder.world
}

/// The state of one generation: the random source, the world so far and the ids taken.
struct Builder {
    /// The only source of randomness.
    rng: Rng,
    /// The world being built.
    world: World,
    /// Each person's track (index into [`TRACKS`]).
    tracks: Vec<usize>,
    /// Each person's connections, sorted, filled by [`Builder::connections`].
    links: Vec<Vec<usize>>,
    /// Numeric ids handed out (members, companies, schools, jobs, activities, ...).
    numbers: HashSet<u64>,
    /// String ids handed out (profile ids, vanity names, thread and message ids).
    names: HashSet<String>,
}

impl Builder {
    /// A number from `range` not handed out before.
    fn unique_number(&mut self, range: std::ops::RangeInclusive<u64>) -> u64 {
        loop {
            let n = self.rng.u64(range.clone());
            if self.numbers.insert(n) {
                return n;
            }
        }
    }

    /// A 19-digit id in LinkedIn's style: the time in the high bits, random low bits.
    fn snowflake(&mut self, at: u64) -> u64 {
        loop {
            let id = (at << 22) | self.rng.u64(..1 << 22);
            if self.numbers.insert(id) {
                return id;
            }
        }
    }

    /// Reserves a string id; false when it was taken.
    fn claim(&mut self, name: &str) -> bool {
        self.names.insert(name.to_owned())
    }

    /// A fresh `ACoAA...` profile id of 39 characters.
    fn profile_id(&mut self) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        loop {
            let mut id = String::from("ACoAA");
            for _ in 0..34 {
                id.push(char::from(ALPHABET[self.rng.usize(..ALPHABET.len())]));
            }
            if self.claim(&id) {
                return id;
            }
        }
    }

    /// A fresh vanity name: `first-last`, with a short suffix when that is taken.
    fn vanity(&mut self, first: &str, last: &str) -> String {
        let base = format!("{}-{}", first.to_lowercase(), last.to_lowercase());
        if self.claim(&base) {
            return base;
        }
        loop {
            let id = format!("{base}-{:x}", self.rng.u32(0x10_0000..0x100_0000));
            if self.claim(&id) {
                return id;
            }
        }
    }

    /// A fresh `2-<base64>==` id for `raw` plus a random tail when it is taken.
    fn message_style_id(&mut self, mut raw: String) -> String {
        loop {
            let id = linkedin_id(&raw);
            if self.claim(&id) {
                return id;
            }
            raw = format!("{raw}{}", self.rng.alphanumeric());
        }
    }

    /// LinkedIn and the invented companies.
    fn companies(&mut self) {
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
    fn schools(&mut self) {
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

    /// The demo account, the challenge account, the hub recruiter and everyone else.
    fn people(&mut self) {
        let accounts = accounts();
        for account in &accounts {
            self.claim(account.person.profile_id);
            self.claim(account.person.public_id);
            self.numbers.insert(account.person.member_id);
        }
        let demo = self.demo(&accounts[0].person);
        self.world.people.push(demo);
        self.tracks.push(0);

        let mut casey = self.person(PRODUCT);
        let member = &accounts[1].person;
        casey.profile_id = member.profile_id.into();
        casey.member_id = member.member_id;
        casey.public_id = member.public_id.into();
        casey.first_name = member.first_name.into();
        casey.last_name = member.last_name.into();
        casey.headline = member.headline.into();
        casey.email = "casey.okafor@example.org".into();
        if let Some(current) = casey.experiences.first_mut() {
            current.title = "Product Manager".into();
            current.end = None;
        }
        self.world.people.push(casey);
        self.tracks.push(PRODUCT);

        let mut hub = self.person(RECRUITING);
        if let Some(current) = hub.experiences.first_mut() {
            current.title = "Senior Technical Recruiter".into();
            current.company = BRIGHTMOOR;
            current.end = None;
        }
        hub.headline = format!(
            "Senior Technical Recruiter at {} | Hiring Rust, Kubernetes and data engineers",
            self.world.companies[BRIGHTMOOR].name
        );
        hub.followers = 18_500 + self.rng.u32(0..3_000);
        self.world.people.push(hub);
        self.tracks.push(RECRUITING);

        while self.world.people.len() < PEOPLE {
            let track = weighted(&mut self.rng, TRACK_WEIGHTS);
            let person = self.person(track);
            self.world.people.push(person);
            self.tracks.push(track);
        }
    }

    /// The demo account: a staff engineer promoted at Northwind Robotics.
    fn demo(&mut self, member: &super::Member) -> Person {
        let (location, geo_id) = PLACES[3];
        let (industry, industry_id) = INDUSTRIES[0];
        let position = |company, title: &str, description: &str, start, end| Experience {
            company,
            title: title.into(),
            description: description.into(),
            start,
            end,
        };
        Person {
            profile_id: member.profile_id.into(),
            member_id: member.member_id,
            public_id: member.public_id.into(),
            first_name: member.first_name.into(),
            last_name: member.last_name.into(),
            headline: member.headline.into(),
            summary: "Staff engineer building the software that lets warehouse robots work \
                safely next to people. Ten years of systems programming, the last six in Rust, \
                running on Kubernetes at the edge. I care about reliable distributed systems, \
                clear design docs and growing engineers. Always happy to talk about Rust, \
                robotics and data pipelines."
                .into(),
            location: location.into(),
            geo_id,
            industry: industry.into(),
            industry_id,
            experiences: vec![
                position(
                    NORTHWIND,
                    "Staff Engineer",
                    "Technical lead for the fleet platform: Rust services on Kubernetes \
                     coordinating four hundred robots per site.",
                    (2023, 4),
                    None,
                ),
                position(
                    NORTHWIND,
                    "Senior Software Engineer",
                    "Built the telemetry pipeline and the embedded Rust firmware updater.",
                    (2020, 9),
                    Some((2023, 3)),
                ),
                position(
                    5,
                    "Software Engineer",
                    "Worked on the real-time collaboration engine and its PostgreSQL storage.",
                    (2017, 10),
                    Some((2020, 8)),
                ),
                position(
                    20,
                    "Junior Software Engineer",
                    "Gameplay networking and the build pipeline.",
                    (2015, 9),
                    Some((2017, 9)),
                ),
            ],
            education: vec![
                Education {
                    school: QUEENSLAND,
                    degree: "Master of Science".into(),
                    field: "Computer Science".into(),
                    years: (2013, 2015),
                },
                Education {
                    school: 4,
                    degree: "Bachelor of Engineering".into(),
                    field: "Mechatronics".into(),
                    years: (2009, 2013),
                },
            ],
            skills: [
                "Rust",
                "Kubernetes",
                "Distributed Systems",
                "Embedded Systems",
                "Go",
                "PostgreSQL",
                "gRPC",
                "System Design",
                "Linux",
                "Observability",
                "Robotics",
                "Technical Leadership",
            ]
            .map(String::from)
            .to_vec(),
            certifications: vec!["Certified Kubernetes Administrator (CKA)".into()],
            languages: ["French", "English", "Spanish"].map(String::from).to_vec(),
            email: "demo@example.com".into(),
            followers: 1_284,
        }
    }

    /// A random person on `track`.
    fn person(&mut self, track_index: usize) -> Person {
        let track = &TRACKS[track_index];
        let first = *pick(&mut self.rng, FIRST_NAMES);
        let last = *pick(&mut self.rng, LAST_NAMES);
        let public_id = self.vanity(first, last);
        let profile_id = self.profile_id();
        let member_id = self.unique_number(100_000_000..=999_999_999);
        let &(location, geo_id) = pick(&mut self.rng, PLACES);
        let (industry, industry_id) = INDUSTRIES[track.industry];
        let experiences = self.experiences(track);
        let earliest = experiences
            .last()
            .map_or(PRESENT_MONTH_NUMBER / 12 - 3, |e| u32::from(e.start.0));
        let education = self.education(track, earliest);
        let skills = self.skills(track);
        let certifications = if chance(&mut self.rng, 0.3) {
            let n = self.rng.usize(1..=2);
            sample(&mut self.rng, track.certifications, n)
                .into_iter()
                .map(String::from)
                .collect()
        } else {
            Vec::new()
        };
        let languages = if chance(&mut self.rng, 0.7) {
            let n = self.rng.usize(0..=2);
            let mut languages = vec![String::from("English")];
            languages.extend(
                sample(&mut self.rng, LANGUAGES, n)
                    .into_iter()
                    .map(String::from),
            );
            languages
        } else {
            Vec::new()
        };
        let headline = self.headline(&experiences, &skills);
        let summary = self.summary(track, &experiences, &skills);
        let domain = pick(&mut self.rng, EMAIL_DOMAINS);
        let followers = self.rng.u32(15..=2_500);
        Person {
            email: format!("{}@{domain}", public_id.replace('-', ".")),
            profile_id,
            member_id,
            public_id,
            first_name: first.into(),
            last_name: last.into(),
            headline,
            summary,
            location: location.into(),
            geo_id,
            industry: industry.into(),
            industry_id,
            experiences,
            education,
            skills,
            certifications,
            languages,
            followers,
        }
    }

    /// One to four positions on `track`, most recent first, at most the first one current.
    fn experiences(&mut self, track: &Track) -> Vec<Experience> {
        let count = 1 + weighted(&mut self.rng, &[30, 35, 22, 13]);
        let mut level = self.rng.usize(..track.titles.len());
        let current = chance(&mut self.rng, 0.85);
        let mut cursor = PRESENT_MONTH_NUMBER - if current { 0 } else { self.rng.u32(1..=14) };
        let mut company = self.rng.usize(..self.world.companies.len());
        let mut experiences = Vec::with_capacity(count);
        for i in 0..count {
            let start = cursor - self.rng.u32(8..=54);
            let (d1, d2) = two(&mut self.rng, track.duties);
            let verb = pick(&mut self.rng, POSITION_VERBS);
            experiences.push(Experience {
                company,
                title: track.titles[level].into(),
                description: format!("{verb} {d1}, and {d2}."),
                start: month_of(start),
                end: (i > 0 || !current).then(|| month_of(cursor)),
            });
            cursor = start - self.rng.u32(0..=3);
            let promoted = level > 0 && chance(&mut self.rng, 0.6);
            if promoted {
                level -= 1;
            }
            if !(promoted && chance(&mut self.rng, 0.3)) {
                company = self.rng.usize(..self.world.companies.len());
            }
        }
        experiences
    }

    /// Zero to two schools, most recent first, finished around `first_job_year`.
    fn education(&mut self, track: &Track, first_job_year: u32) -> Vec<Education> {
        let count = weighted(&mut self.rng, &[15, 60, 25]);
        let graduated = (first_job_year - self.rng.u32(0..=1)) as u16;
        let schools = sample(
            &mut self.rng,
            &(0..self.world.schools.len()).collect::<Vec<_>>(),
            2,
        );
        let field = pick(&mut self.rng, track.fields);
        let bachelor = pick(&mut self.rng, BACHELORS);
        let master = pick(&mut self.rng, MASTERS);
        let entry = |school, degree: &str, years| Education {
            school,
            degree: degree.into(),
            field: (*field).into(),
            years,
        };
        match count {
            0 => Vec::new(),
            1 => vec![entry(schools[0], bachelor, (graduated - 4, graduated))],
            _ => vec![
                entry(schools[0], master, (graduated - 2, graduated)),
                entry(schools[1], bachelor, (graduated - 6, graduated - 2)),
            ],
        }
    }

    /// Three to twelve skills, the track's first.
    fn skills(&mut self, track: &Track) -> Vec<String> {
        let count = self.rng.usize(3..=12);
        let mut skills = sample(&mut self.rng, track.skills, count.min(track.skills.len()));
        if count > skills.len() {
            skills.extend(sample(&mut self.rng, GENERAL_SKILLS, count - skills.len()));
        }
        skills.into_iter().map(String::from).collect()
    }

    /// The line under the name, from the current (or last) position.
    fn headline(&mut self, experiences: &[Experience], skills: &[String]) -> String {
        let Some(latest) = experiences.first() else {
            return "Open to work".into();
        };
        let company = &self.world.companies[latest.company].name;
        let mut headline = if latest.end.is_none() {
            format!("{} at {company}", latest.title)
        } else {
            format!("{} | Previously at {company} | Open to work", latest.title)
        };
        if skills.len() >= 2 && chance(&mut self.rng, 0.35) {
            headline = format!("{headline} | {} · {}", skills[0], skills[1]);
        }
        headline
    }

    /// The About section.
    fn summary(&mut self, track: &Track, experiences: &[Experience], skills: &[String]) -> String {
        let years = experiences.last().map_or(1, |e| {
            (PRESENT_MONTH_NUMBER / 12)
                .saturating_sub(u32::from(e.start.0))
                .max(1)
        });
        let focus = join_and(
            &skills
                .iter()
                .take(3)
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        let duty = pick(&mut self.rng, track.duties);
        let closing = pick(&mut self.rng, SUMMARY_CLOSINGS);
        format!(
            "{years} years in {}. Most of my work is around {focus}; lately that meant {duty}. \
             {closing}",
            track.team
        )
    }

    /// The connection graph: the demo with ~150, the hub with 1,050+, everyone with some.
    fn connections(&mut self) {
        let mut pairs = BTreeSet::new();
        let others: Vec<usize> = (2..PEOPLE).collect();
        let mut demo = sample(&mut self.rng, &others[1..], DEMO_CONNECTIONS - 1);
        demo.push(2);
        for b in demo {
            pairs.insert((0, b));
        }
        let everyone_but_hub: Vec<usize> = (0..PEOPLE).filter(|&i| i != 2).collect();
        for a in sample(&mut self.rng, &everyone_but_hub[1..], HUB_CONNECTIONS) {
            pairs.insert(ordered(a, 2));
        }
        for a in 1..PEOPLE {
            let extra = self.rng.usize(0..=3);
            let mut added = 0;
            while added <= extra {
                let b = self.rng.usize(1..PEOPLE);
                if a != b && b != 2 {
                    pairs.insert(ordered(a, b));
                    added += 1;
                }
            }
        }
        self.links = vec![Vec::new(); PEOPLE];
        for &(a, b) in &pairs {
            self.links[a].push(b);
            self.links[b].push(a);
        }
        for list in &mut self.links {
            list.sort_unstable();
        }
        self.world.connections = pairs.into_iter().collect();
    }

    /// Job postings listed in the last 30 days.
    fn jobs(&mut self) {
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

    /// Posts of the last 120 days, newest first, with comments and reactions.
    fn posts(&mut self) {
        let demo_links = self.links[0].clone();
        let mut authors: Vec<Author> = vec![Author::Person(0); 6];
        authors.extend(
            sample(&mut self.rng, &demo_links, 30)
                .into_iter()
                .map(Author::Person),
        );
        for _ in 0..76 {
            authors.push(Author::Person(self.rng.usize(1..PEOPLE)));
        }
        for _ in 0..18 {
            authors.push(Author::Company(
                self.rng.usize(..self.world.companies.len()),
            ));
        }
        let mut promoted_left = 10;
        for author in authors {
            let created_at = PRESENT_MS - self.rng.u64(10 * MINUTE_MS..120 * DAY_MS);
            let activity_id = self.snowflake(created_at);
            let promoted = matches!(author, Author::Company(_)) && promoted_left > 0;
            if promoted {
                promoted_left -= 1;
            }
            let text = self.post_text(author);
            let comments = self.comments(author, created_at);
            let reactions = self.reactions(author);
            self.world.posts.push(Post {
                activity_id,
                author,
                text,
                created_at,
                promoted,
                comments,
                reactions,
            });
        }
        self.world
            .posts
            .sort_by_key(|p| std::cmp::Reverse(p.created_at));
    }

    /// The text of a post by `author`.
    fn post_text(&mut self, author: Author) -> String {
        let track = match author {
            Author::Person(p) => &TRACKS[self.tracks[p]],
            Author::Company(_) => &TRACKS[weighted(&mut self.rng, TRACK_WEIGHTS)],
        };
        let (t1, t2) = two(&mut self.rng, track.thoughts);
        let closing = pick(&mut self.rng, POST_CLOSINGS);
        let tags = sample(&mut self.rng, track.skills, 2)
            .iter()
            .map(|s| {
                format!(
                    "#{}",
                    s.chars()
                        .filter(char::is_ascii_alphanumeric)
                        .collect::<String>()
                )
            })
            .collect::<Vec<_>>()
            .join(" ");
        match author {
            Author::Person(_) => {
                let opener = pick(&mut self.rng, POST_OPENERS);
                if chance(&mut self.rng, 0.5) {
                    format!("{opener}\n\n{t1} {t2}\n\n{closing}\n\n{tags}")
                } else {
                    format!("{opener}\n\n{t1}\n\n{closing}\n\n{tags}")
                }
            }
            Author::Company(c) => {
                let line = pick(&mut self.rng, COMPANY_POSTS)
                    .replace("{c}", &self.world.companies[c].name);
                format!("{line}\n\n{t1}\n\n{tags}")
            }
        }
    }

    /// Zero to eight comments after `created_at`, oldest first, often by the author's network.
    fn comments(&mut self, post_author: Author, created_at: u64) -> Vec<Comment> {
        let count = self.rng.usize(0..=8);
        let window = (PRESENT_MS - 1 - created_at).min(10 * DAY_MS);
        let mut times: Vec<u64> = (0..count)
            .map(|_| created_at + self.rng.u64(MINUTE_MS..=window))
            .collect();
        times.sort_unstable();
        times
            .into_iter()
            .map(|at| {
                let author = match post_author {
                    Author::Person(p)
                        if !self.links[p].is_empty() && chance(&mut self.rng, 0.6) =>
                    {
                        *pick(&mut self.rng, &self.links[p])
                    }
                    _ => self.rng.usize(..PEOPLE),
                };
                Comment {
                    id: self.snowflake(at),
                    author,
                    text: pick(&mut self.rng, COMMENTS).to_string(),
                    created_at: at,
                }
            })
            .collect()
    }

    /// Zero to forty reactions by distinct people.
    fn reactions(&mut self, author: Author) -> Vec<Reaction> {
        let count = self.rng.usize(0..=40);
        let mut people: Vec<usize> = Vec::with_capacity(count);
        while people.len() < count {
            let person = match author {
                Author::Person(p) if !self.links[p].is_empty() && chance(&mut self.rng, 0.5) => {
                    *pick(&mut self.rng, &self.links[p])
                }
                _ => self.rng.usize(..PEOPLE),
            };
            if !people.contains(&person) {
                people.push(person);
            }
        }
        people
            .into_iter()
            .map(|person| Reaction {
                person,
                kind: pick_weighted(&mut self.rng, REACTIONS).into(),
            })
            .collect()
    }

    /// The demo account's mailbox, most recently active first.
    fn conversations(&mut self) {
        let mut counts: Vec<usize> = (0..CONVERSATIONS)
            .map(|i| {
                if i == 0 {
                    LONG_CONVERSATION
                } else {
                    self.rng.usize(2..=12)
                }
            })
            .collect();
        while counts.iter().sum::<usize>() < MIN_MESSAGES {
            let i = self.rng.usize(1..CONVERSATIONS);
            counts[i] += 1;
        }
        let demo_links = self.links[0].clone();
        let mut partners = HashSet::new();
        for (i, count) in counts.into_iter().enumerate() {
            let participants = self.participants(&demo_links, &mut partners);
            let unread = i < 6 || (i % 7 == 3);
            let category = if unread {
                "PRIMARY_INBOX"
            } else {
                pick_weighted(
                    &mut self.rng,
                    &[
                        ("PRIMARY_INBOX", 75),
                        ("SECONDARY_INBOX", 15),
                        ("ARCHIVE", 10),
                    ],
                )
            };
            let last_at = if i == 0 {
                PRESENT_MS - self.rng.u64(20 * MINUTE_MS..3 * HOUR_MS)
            } else {
                PRESENT_MS - self.rng.u64(HOUR_MS..150 * DAY_MS)
            };
            let messages = self.messages(&participants, count, last_at, unread);
            let raw = format!("{}_{:03}", uuid(&mut self.rng), self.rng.u32(0..1_000));
            let thread_id = self.message_style_id(raw);
            self.world.conversations.push(Conversation {
                thread_id,
                participants,
                category: category.into(),
                read: !unread,
                messages,
                revision: 0,
            });
        }
        self.world
            .conversations
            .sort_by_key(|c| std::cmp::Reverse(c.messages.last().map_or(0, |m| m.delivered_at)));
    }

    /// Who viewed whose profile in the last half year: the demo account's profile often,
    /// everyone else's now and then. Drawn from a generator of its own (see [`VIEWS_SEED`]).
    fn profile_views(&mut self, seed: u64) {
        let mut rng = Rng::with_seed(seed ^ VIEWS_SEED);
        let people = self.world.people.len();
        let mut views = Vec::new();
        for viewed in 0..people {
            let count = if viewed == 0 {
                rng.usize(60..=90)
            } else {
                rng.usize(0..=6)
            };
            for _ in 0..count {
                let mut viewer = rng.usize(..people);
                if viewer == viewed {
                    viewer = (viewer + 1) % people;
                }
                let at = PRESENT_MS - rng.u64(MINUTE_MS..180 * DAY_MS);
                views.push(ProfileView { viewer, viewed, at });
            }
        }
        views.sort_by_key(|v| std::cmp::Reverse(v.at));
        self.world.profile_views = views;
    }

    /// One to three participants, mostly the demo's connections, each 1:1 partner once.
    fn participants(&mut self, demo_links: &[usize], partners: &mut HashSet<usize>) -> Vec<usize> {
        let count = 1 + weighted(&mut self.rng, &[80, 15, 5]);
        let mut participants = Vec::with_capacity(count);
        while participants.len() < count {
            let person = if chance(&mut self.rng, 0.85) {
                *pick(&mut self.rng, demo_links)
            } else {
                self.rng.usize(1..PEOPLE)
            };
            let fresh = count > 1 || partners.insert(person);
            if fresh && !participants.contains(&person) {
                participants.push(person);
            }
        }
        participants
    }

    /// `count` messages ending at `last_at`, oldest first; an unread thread ends with a
    /// message from someone else.
    fn messages(
        &mut self,
        participants: &[usize],
        count: usize,
        last_at: u64,
        unread: bool,
    ) -> Vec<Message> {
        let gaps: Vec<u64> = (1..count)
            .map(|_| self.rng.u64(MINUTE_MS..2 * DAY_MS))
            .collect();
        let mut at = last_at - gaps.iter().sum::<u64>();
        let mut messages = Vec::with_capacity(count);
        for i in 0..count {
            if i > 0 {
                at += gaps[i - 1];
            }
            let from_demo = if i + 1 == count && unread {
                false
            } else if i == 0 {
                chance(&mut self.rng, 0.3)
            } else {
                chance(&mut self.rng, 0.45)
            };
            let sender = if from_demo {
                0
            } else {
                *pick(&mut self.rng, participants)
            };
            let raw = format!(
                "{at}b{:05}-{}&{}",
                self.rng.u32(0..100_000),
                self.rng.u32(0..10),
                uuid(&mut self.rng)
            );
            messages.push(Message {
                id: self.message_style_id(raw),
                sender,
                text: pick(&mut self.rng, MESSAGES).to_string(),
                delivered_at: at,
            });
        }
        messages
    }

    /// Invitations received and sent by the demo, none between connected people.
    fn invitations(&mut self) {
        let strangers: Vec<usize> = (1..PEOPLE)
            .filter(|p| self.links[0].binary_search(p).is_err())
            .collect();
        let chosen = sample(
            &mut self.rng,
            &strangers,
            RECEIVED_INVITATIONS + SENT_INVITATIONS,
        );
        for (i, other) in chosen.into_iter().enumerate() {
            let received = i < RECEIVED_INVITATIONS;
            let (from, to) = if received { (other, 0) } else { (0, other) };
            let message = if i == 0 {
                Some(exactly(LONG_NOTE, 300))
            } else if chance(&mut self.rng, 0.5) {
                Some(pick(&mut self.rng, INVITATION_NOTES).to_string())
            } else {
                None
            };
            let sent_at = PRESENT_MS - self.rng.u64(HOUR_MS..60 * DAY_MS);
            let id = self.snowflake(sent_at);
            let shared_secret = (0..8).map(|_| self.rng.alphanumeric()).collect();
            self.world.invitations.push(Invitation {
                id,
                shared_secret,
                from,
                to,
                message,
                sent_at,
            });
        }
        self.world
            .invitations
            .sort_by_key(|i| std::cmp::Reverse(i.sent_at));
    }
}

/// A random element of a non-empty slice.
fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// Two different elements of a slice of at least two.
fn two<'a>(rng: &mut Rng, items: &[&'a str]) -> (&'a str, &'a str) {
    let picked = sample(rng, items, 2);
    (picked[0], picked[1])
}

/// True with probability `p`.
fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.f64() < p
}

/// An index drawn with the given weights.
fn weighted(rng: &mut Rng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    let mut roll = rng.u32(..total);
    for (i, &w) in weights.iter().enumerate() {
        if roll < w {
            return i;
        }
        roll -= w;
    }
    weights.len() - 1
}

/// A name drawn from `(name, weight)` pairs.
fn pick_weighted<'a>(rng: &mut Rng, items: &[(&'a str, u32)]) -> &'a str {
    let weights: Vec<u32> = items.iter().map(|&(_, w)| w).collect();
    items[weighted(rng, &weights)].0
}

/// `n` distinct elements of `items` (all of them, shuffled, when `n` is larger).
fn sample<T: Copy>(rng: &mut Rng, items: &[T], n: usize) -> Vec<T> {
    let mut pool = items.to_vec();
    let n = n.min(pool.len());
    for i in 0..n {
        let j = rng.usize(i..pool.len());
        pool.swap(i, j);
    }
    pool.truncate(n);
    pool
}

/// A pair with the smaller index first.
fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// `a`, `a and b`, `a, b and c`.
fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// Every word capitalised: `platform engineering` → `Platform Engineering`.
fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A lowercase, hyphen-separated form of a name: `Lumen & Ledger` → `lumen-ledger`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A random version-4 UUID in its 36-character text form.
fn uuid(rng: &mut Rng) -> String {
    let hex = |rng: &mut Rng, n: usize| (0..n).map(|_| rng.digit(16)).collect::<String>();
    format!(
        "{}-{}-4{}-{}{}-{}",
        hex(rng, 8),
        hex(rng, 4),
        hex(rng, 3),
        pick(rng, &['8', '9', 'a', 'b']),
        hex(rng, 3),
        hex(rng, 12)
    )
}

/// `2-` and the base64 of `raw`, lengthened with `_` so that it ends in `==`.
fn linkedin_id(raw: &str) -> String {
    let mut bytes = raw.as_bytes().to_vec();
    while bytes.len() % 3 != 1 {
        bytes.push(b'_');
    }
    format!("2-{}", crate::BASE64.encode(&bytes))
}

/// `text` cut or padded (by repeating it) to exactly `len` characters, without a trailing space.
fn exactly(text: &str, len: usize) -> String {
    let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = words.clone();
    while out.chars().count() < len {
        out.push(' ');
        out.push_str(&words);
    }
    let mut out: String = out.chars().take(len).collect();
    if out.ends_with(' ') {
        out.pop();
        out.push('!');
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::hash::Hash;

    use super::*;

    /// The world of seed 0, built once per test.
    fn world() -> World {
        generate(0)
    }

    /// Whether every item is different.
    fn unique<T: Eq + Hash>(items: impl IntoIterator<Item = T>) -> bool {
        let mut seen = HashSet::new();
        items.into_iter().all(|item| seen.insert(item))
    }

    /// Each person's number of connections.
    fn degrees(world: &World) -> Vec<usize> {
        let mut degrees = vec![0; world.people.len()];
        for &(a, b) in &world.connections {
            degrees[a] += 1;
            degrees[b] += 1;
        }
        degrees
    }

    /// Whether two people are connected.
    fn connected(world: &World, a: usize, b: usize) -> bool {
        world.connections.binary_search(&ordered(a, b)).is_ok()
    }

    /// Whether `id` is `2-` and padded standard base64 ending in `==`.
    fn is_message_style(id: &str) -> bool {
        let Some(body) = id.strip_prefix("2-") else {
            return false;
        };
        body.len() % 4 == 0
            && body.ends_with("==")
            && body
                .trim_end_matches('=')
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/')
    }

    /// The number of decimal digits of `n`.
    fn digits(n: u64) -> usize {
        n.to_string().len()
    }

    #[test]
    fn same_seed_same_world_other_seed_other_world() {
        assert_eq!(generate(7), generate(7));
        assert_ne!(generate(7), generate(8));
        assert_eq!(world(), world());
    }

    #[test]
    fn counts() {
        let w = world();
        assert!(w.people.len() >= 1_200);
        assert!(w.companies.len() >= 30);
        assert!(w.schools.len() >= 10);
        assert!(w.jobs.len() >= 50);
        assert!(w.posts.len() >= 100);
        assert!(w.conversations.len() >= 40);
        assert!(
            w.conversations
                .iter()
                .map(|c| c.messages.len())
                .sum::<usize>()
                >= 300
        );
        assert!(w.conversations.iter().any(|c| c.messages.len() >= 60));
        assert!(w.invitations.iter().filter(|i| i.to == 0).count() >= 12);
        assert!(w.invitations.iter().filter(|i| i.from == 0).count() >= 5);
        let promoted = w.posts.iter().filter(|p| p.promoted).count() * 100;
        assert!(promoted >= 5 * w.posts.len() && promoted <= 10 * w.posts.len());
    }

    #[test]
    fn counts_hold_for_other_seeds() {
        for seed in [1, 2, 42, u64::MAX] {
            let w = generate(seed);
            assert!(
                w.conversations
                    .iter()
                    .map(|c| c.messages.len())
                    .sum::<usize>()
                    >= 300
            );
            let d = degrees(&w);
            assert!(d[2] >= 1_050);
            assert!(d.iter().all(|&n| n > 0));
        }
    }

    #[test]
    fn accounts_are_the_first_two_people() {
        let w = world();
        for (person, account) in w.people.iter().zip(accounts()) {
            let member = account.person;
            assert_eq!(person.profile_id, member.profile_id);
            assert_eq!(person.member_id, member.member_id);
            assert_eq!(person.public_id, member.public_id);
            assert_eq!(person.first_name, member.first_name);
            assert_eq!(person.last_name, member.last_name);
            assert_eq!(person.headline, member.headline);
        }
        assert_eq!(w.people[0].first_name, "Dana");
        assert_eq!(w.people[1].first_name, "Casey");
    }

    #[test]
    fn ids_are_unique() {
        let w = world();
        assert!(unique(w.people.iter().map(|p| &p.profile_id)));
        assert!(unique(w.people.iter().map(|p| p.member_id)));
        assert!(unique(w.people.iter().map(|p| &p.public_id)));
        assert!(unique(w.companies.iter().map(|c| c.id)));
        assert!(unique(w.companies.iter().map(|c| &c.universal_name)));
        assert!(unique(w.schools.iter().map(|s| s.id)));
        assert!(unique(w.schools.iter().map(|s| &s.universal_name)));
        assert!(unique(w.jobs.iter().map(|j| j.id)));
        assert!(unique(w.posts.iter().map(|p| p.activity_id)));
        assert!(unique(
            w.posts.iter().flat_map(|p| &p.comments).map(|c| c.id)
        ));
        assert!(unique(w.conversations.iter().map(|c| &c.thread_id)));
        assert!(unique(
            w.conversations
                .iter()
                .flat_map(|c| &c.messages)
                .map(|m| &m.id)
        ));
        assert!(unique(w.invitations.iter().map(|i| i.id)));
    }

    #[test]
    fn id_formats() {
        let w = world();
        for p in &w.people {
            assert_eq!(p.profile_id.len(), 39, "{}", p.profile_id);
            assert!(p.profile_id.starts_with("ACoAA"));
            assert!(
                p.profile_id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            );
            assert_eq!(digits(p.member_id), 9);
            assert!(!p.public_id.is_empty());
            assert!(
                p.public_id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            );
            let domain = p.email.rsplit('@').next().unwrap_or_default();
            assert!(domain.contains("example"), "{}", p.email);
        }
        for c in w.companies.iter().skip(1) {
            assert!((5..=8).contains(&digits(c.id)));
            assert!(
                c.universal_name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
            );
            assert!(!c.universal_name.starts_with('-') && !c.universal_name.ends_with('-'));
        }
        assert!(w.jobs.iter().all(|j| digits(j.id) == 10));
        for post in &w.posts {
            assert_eq!(digits(post.activity_id), 19);
            assert!(post.activity_id.to_string().starts_with('7'));
            assert!(post.comments.iter().all(|c| digits(c.id) == 19));
        }
        for c in &w.conversations {
            assert!(is_message_style(&c.thread_id), "{}", c.thread_id);
            assert!(c.messages.iter().all(|m| is_message_style(&m.id)));
        }
        for i in &w.invitations {
            assert_eq!(digits(i.id), 19);
            assert_eq!(i.shared_secret.len(), 8);
            assert!(i.shared_secret.chars().all(|c| c.is_ascii_alphanumeric()));
        }
    }

    #[test]
    fn ids_end_in_padding_and_titles_are_cased() {
        assert_eq!(linkedin_id("abc"), "2-YWJjXw==");
        assert!(linkedin_id("abcd").ends_with("=="));
        assert_eq!(title_case("platform engineering"), "Platform Engineering");
    }

    #[test]
    fn references_are_in_range() {
        let w = world();
        let (people, companies, schools) = (w.people.len(), w.companies.len(), w.schools.len());
        for p in &w.people {
            assert!(p.experiences.iter().all(|e| e.company < companies));
            assert!(p.education.iter().all(|e| e.school < schools));
        }
        assert!(w.jobs.iter().all(|j| j.company < companies));
        for post in &w.posts {
            match post.author {
                Author::Person(i) => assert!(i < people),
                Author::Company(i) => assert!(i < companies),
            }
            assert!(post.comments.iter().all(|c| c.author < people));
            assert!(post.reactions.iter().all(|r| r.person < people));
        }
        for c in &w.conversations {
            assert!(c.participants.iter().all(|&p| p > 0 && p < people));
            assert!(c.messages.iter().all(|m| m.sender < people));
        }
        assert!(
            w.invitations
                .iter()
                .all(|i| i.from < people && i.to < people)
        );
        assert!(w.connections.iter().all(|&(a, b)| b < people && a < b));
    }

    #[test]
    fn people_are_plausible() {
        let w = world();
        let mut geo = std::collections::HashMap::new();
        let mut industry = std::collections::HashMap::new();
        for p in &w.people {
            assert!((1..=4).contains(&p.experiences.len()));
            assert!(p.education.len() <= 2);
            assert!((3..=12).contains(&p.skills.len()));
            assert!(unique(&p.skills));
            assert!(p.experiences.iter().filter(|e| e.end.is_none()).count() <= 1);
            assert!(p.experiences.iter().skip(1).all(|e| e.end.is_some()));
            for e in &p.experiences {
                assert!(
                    e.end
                        .is_none_or(|end| e.start < end && end <= PRESENT_MONTH)
                );
                assert!((1..=12).contains(&e.start.1));
            }
            for pair in p.experiences.windows(2) {
                assert!(pair[0].start >= pair[1].start);
            }
            for e in &p.education {
                assert!(e.years.0 < e.years.1);
            }
            assert!(!p.headline.is_empty() && !p.summary.is_empty() && !p.location.is_empty());
            assert_eq!(*geo.entry(&p.location).or_insert(p.geo_id), p.geo_id);
            assert_eq!(
                *industry.entry(&p.industry).or_insert(p.industry_id),
                p.industry_id
            );
        }
        assert!(w.people[2].headline.contains("Recruiter"));
    }

    #[test]
    fn the_demo_account_has_a_full_profile() {
        let w = world();
        let demo = &w.people[0];
        assert!(demo.experiences.len() >= 4);
        assert_eq!(demo.education.len(), 2);
        assert!(demo.skills.len() >= 10);
        let [current, previous, ..] = demo.experiences.as_slice() else {
            panic!("too few positions");
        };
        assert_eq!(current.company, previous.company);
        assert!(current.end.is_none());
        let end = previous.end.unwrap_or_default();
        assert!(end < current.start);
        assert_eq!(month_of(month_number(end) + 1), current.start);
        let demo_connections = degrees(&w)[0];
        assert!((140..=160).contains(&demo_connections));
    }

    #[test]
    fn profile_views_are_of_others_and_recent() {
        let w = world();
        let people = w.people.len();
        assert!(
            w.profile_views
                .iter()
                .all(|v| v.viewer < people && v.viewed < people && v.viewer != v.viewed)
        );
        assert!(w.profile_views.iter().all(|v| v.at < PRESENT_MS));
        assert!(w.profile_views.windows(2).all(|p| p[0].at >= p[1].at));
        let of_demo = w.profile_views.iter().filter(|v| v.viewed == 0).count();
        assert!((60..=90).contains(&of_demo), "{of_demo}");
    }

    #[test]
    fn connections_are_normalized() {
        let w = world();
        assert!(w.connections.iter().all(|&(a, b)| a < b));
        assert!(unique(&w.connections));
        let d = degrees(&w);
        assert!(d[2] >= 1_050);
        assert!(d.iter().all(|&n| n > 0));
    }

    #[test]
    fn special_company_and_school() {
        let w = world();
        let linkedin = w.companies.iter().find(|c| c.universal_name == "linkedin");
        let linkedin = linkedin.unwrap_or_else(|| panic!("no LinkedIn"));
        assert_eq!((linkedin.id, linkedin.name.as_str()), (1337, "LinkedIn"));
        assert_eq!(linkedin.industry, "Software Development");
        assert_eq!(linkedin.headquarters, "Sunnyvale, California");
        let uq = w
            .schools
            .iter()
            .find(|s| s.universal_name == "university-of-queensland");
        let uq = uq.unwrap_or_else(|| panic!("no UQ"));
        assert_eq!(uq.name, "The University of Queensland");
        assert_eq!(uq.location, "Brisbane, Queensland");
    }

    #[test]
    fn jobs_are_well_formed() {
        let w = world();
        for j in &w.jobs {
            assert!(["ON_SITE", "REMOTE", "HYBRID"].contains(&j.workplace.as_str()));
            assert!(
                ["FULL_TIME", "PART_TIME", "CONTRACT", "INTERNSHIP"]
                    .contains(&j.employment.as_str())
            );
            assert!(
                [
                    "ENTRY_LEVEL",
                    "ASSOCIATE",
                    "MID_SENIOR",
                    "DIRECTOR",
                    "EXECUTIVE"
                ]
                .contains(&j.experience_level.as_str())
            );
            assert!(j.listed_at < PRESENT_MS && j.listed_at >= PRESENT_MS - 30 * DAY_MS);
            assert!(j.description.matches("\n\n").count() >= 2);
            assert!(!j.skills.is_empty());
        }
    }

    #[test]
    fn posts_comments_and_reactions_are_coherent() {
        let w = world();
        let kinds = [
            "LIKE",
            "PRAISE",
            "EMPATHY",
            "INTEREST",
            "APPRECIATION",
            "ENTERTAINMENT",
        ];
        for post in &w.posts {
            assert!(post.created_at < PRESENT_MS && post.created_at >= PRESENT_MS - 120 * DAY_MS);
            assert!(post.comments.len() <= 8 && post.reactions.len() <= 40);
            assert!(
                post.comments
                    .iter()
                    .all(|c| c.created_at > post.created_at && c.created_at < PRESENT_MS)
            );
            assert!(
                post.comments
                    .windows(2)
                    .all(|p| p[0].created_at <= p[1].created_at)
            );
            assert!(unique(post.reactions.iter().map(|r| r.person)));
            assert!(
                post.reactions
                    .iter()
                    .all(|r| kinds.contains(&r.kind.as_str()))
            );
        }
        assert!(w.posts.iter().any(|p| p.author == Author::Person(0)));
        assert!(
            w.posts
                .iter()
                .any(|p| matches!(p.author, Author::Company(_)))
        );
        assert!(
            w.posts
                .iter()
                .any(|p| matches!(p.author, Author::Person(a) if a > 0 && connected(&w, 0, a)))
        );
    }

    #[test]
    fn mailbox_is_coherent() {
        let w = world();
        for c in &w.conversations {
            assert!((1..=3).contains(&c.participants.len()));
            assert!(unique(&c.participants));
            assert!(["PRIMARY_INBOX", "SECONDARY_INBOX", "ARCHIVE"].contains(&c.category.as_str()));
            assert!(!c.messages.is_empty());
            assert!(
                c.messages
                    .windows(2)
                    .all(|m| m[0].delivered_at < m[1].delivered_at)
            );
            assert!(c.messages.iter().all(|m| m.delivered_at < PRESENT_MS));
            assert!(
                c.messages
                    .iter()
                    .all(|m| m.sender == 0 || c.participants.contains(&m.sender))
            );
        }
        let unread = w
            .conversations
            .iter()
            .filter(|c| !c.read && c.messages.last().is_some_and(|m| m.sender != 0))
            .count();
        assert!(unread >= 5);
        assert!(
            w.conversations
                .iter()
                .all(|c| c.read || c.messages.last().is_some_and(|m| m.sender != 0))
        );
        let categories: HashSet<&str> = w
            .conversations
            .iter()
            .map(|c| c.category.as_str())
            .collect();
        assert_eq!(categories.len(), 3);
        let with_connections = w
            .conversations
            .iter()
            .filter(|c| c.participants.iter().all(|&p| connected(&w, 0, p)))
            .count();
        assert!(with_connections * 2 > w.conversations.len());
    }

    #[test]
    fn invitations_are_between_strangers() {
        let w = world();
        for i in &w.invitations {
            assert!(i.from != i.to && (i.from == 0 || i.to == 0));
            assert!(!connected(&w, i.from, i.to));
            assert!(i.sent_at < PRESENT_MS && i.sent_at >= PRESENT_MS - 60 * DAY_MS);
            assert!(i.message.as_ref().is_none_or(|m| m.chars().count() <= 300));
        }
        assert!(
            w.invitations
                .iter()
                .any(|i| i.message.as_ref().is_some_and(|m| m.chars().count() == 300))
        );
        assert!(unique(w.invitations.iter().map(|i| (i.from, i.to))));
    }

    #[test]
    fn texts_are_searchable() {
        let w = world();
        for word in ["rust", "kubernetes", "product", "design", "data"] {
            let people = w.people.iter().filter(|p| {
                p.headline.to_lowercase().contains(word) || p.summary.to_lowercase().contains(word)
            });
            assert!(people.count() >= 10, "{word} in people");
            let jobs = w
                .jobs
                .iter()
                .filter(|j| j.description.to_lowercase().contains(word));
            assert!(jobs.count() >= 3, "{word} in jobs");
            let posts = w
                .posts
                .iter()
                .filter(|p| p.text.to_lowercase().contains(word));
            assert!(posts.count() >= 3, "{word} in posts");
        }
    }

    #[test]
    fn everything_is_in_the_past() {
        let w = world();
        assert!(w.jobs.iter().all(|j| j.listed_at < PRESENT_MS));
        assert!(w.posts.iter().all(|p| p.created_at < PRESENT_MS));
        assert!(w.invitations.iter().all(|i| i.sent_at < PRESENT_MS));
    }

    #[test]
    fn generation_is_fast() {
        let start = std::time::Instant::now();
        let w = generate(3);
        let elapsed = start.elapsed();
        assert!(!w.people.is_empty());
        eprintln!("generated in {elapsed:?}");
    }
}
