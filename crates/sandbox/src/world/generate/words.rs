//! The word lists the world is made of: names, places, industries, companies, schools,
//! career tracks, and the sentences of summaries, posts, comments, messages and notes.

/// Invented first names.
pub(super) const FIRST_NAMES: &[&str] = &[
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
pub(super) const LAST_NAMES: &[&str] = &[
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
pub(super) const PLACES: &[(&str, u64)] = &[
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
pub(super) const INDUSTRIES: &[(&str, u64)] = &[
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
pub(super) const COMPANIES: &[(&str, usize, usize, &str)] = &[
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
pub(super) const SCHOOLS: &[(&str, &str)] = &[
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
pub(super) const BACHELORS: &[&str] = &[
    "Bachelor of Science",
    "Bachelor of Engineering",
    "Bachelor of Arts",
    "Bachelor of Commerce",
    "Bachelor of Design",
];

/// Master's degrees.
pub(super) const MASTERS: &[&str] = &[
    "Master of Science",
    "Master of Engineering",
    "Master of Business Administration",
    "Master of Arts",
    "Master of Design",
];

/// Skills anyone may list after the ones of their track.
pub(super) const GENERAL_SKILLS: &[&str] = &[
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
pub(super) const LANGUAGES: &[&str] = &[
    "French", "German", "Spanish", "Portuguese", "Japanese", "Hindi", "Yoruba", "Swahili", "Polish",
    "Swedish", "Mandarin", "Arabic", "Dutch", "Italian",
];

/// Domains for e-mail addresses (all reserved for examples).
pub(super) const EMAIL_DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "example.net",
    "mail.example",
    "inbox.example",
];

/// A career track: what someone does, and the words that go with it.
pub(super) struct Track {
    /// The team's name, as in "our data team".
    pub(super) team: &'static str,
    /// Index into [`INDUSTRIES`].
    pub(super) industry: usize,
    /// Titles from junior to senior.
    pub(super) titles: &'static [&'static str],
    /// Skills of the track.
    pub(super) skills: &'static [&'static str],
    /// Certifications of the track.
    pub(super) certifications: &'static [&'static str],
    /// Fields of study.
    pub(super) fields: &'static [&'static str],
    /// Noun phrases of the work, for positions and job postings.
    pub(super) duties: &'static [&'static str],
    /// Sentences for posts.
    pub(super) thoughts: &'static [&'static str],
}

/// The career tracks.
#[rustfmt::skip]
pub(super) const TRACKS: &[Track] = &[
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
pub(super) const TRACK_WEIGHTS: &[u32] = &[25, 14, 12, 10, 10, 8, 7, 7, 7];

/// Verbs opening a position's description.
pub(super) const POSITION_VERBS: &[&str] = &[
    "Owned",
    "Led work on",
    "Built and ran",
    "Worked on",
    "Shipped improvements to",
    "Took over",
];

/// Closing sentences of an About section.
pub(super) const SUMMARY_CLOSINGS: &[&str] = &[
    "Always happy to talk shop over coffee.",
    "Outside work I run, cook and read too much science fiction.",
    "I mentor early-career people; feel free to reach out.",
    "Currently learning Rust on weekends.",
    "I write about what I learn at work, mistakes included.",
    "Open to speaking at meetups about product, data and design.",
];

/// First lines of posts.
pub(super) const POST_OPENERS: &[&str] = &[
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
pub(super) const POST_CLOSINGS: &[&str] = &[
    "What would you add?",
    "Curious how other teams handle this.",
    "Agree or disagree?",
    "Proud of this team.",
    "More in the comments.",
    "Thanks to everyone who helped.",
];

/// Company posts; `{c}` is replaced by the company's name.
pub(super) const COMPANY_POSTS: &[&str] = &[
    "{c} is hiring! We are growing our product, design and data teams.",
    "Meet the people behind {c}: this week, our platform team on moving to Kubernetes.",
    "{c} turns ten this year. Thank you to every customer who trusted us.",
    "New at {c}: a faster, simpler dashboard built with our customers.",
    "Join {c} at our next meetup on Rust, data engineering and product design.",
    "Our annual report is out: what {c} learned about remote and hybrid work.",
];

/// Comments on posts.
pub(super) const COMMENTS: &[&str] = &[
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
pub(super) const REACTIONS: &[(&str, u32)] = &[
    ("LIKE", 55),
    ("PRAISE", 12),
    ("EMPATHY", 10),
    ("INTEREST", 10),
    ("APPRECIATION", 8),
    ("ENTERTAINMENT", 5),
];

/// Lines of messages.
pub(super) const MESSAGES: &[&str] = &[
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
pub(super) const INVITATION_NOTES: &[&str] = &[
    "Hi! We met at the Rust meetup last month, would be great to stay in touch.",
    "Loved your post about Kubernetes upgrades. Let's connect.",
    "Hello, I'm building a product team and would value your perspective.",
    "We have a lot of mutual connections in data engineering, happy to connect.",
    "Hi, I enjoyed your talk on design systems.",
    "Fellow robotics engineer here, would like to follow your work.",
];

/// A long invitation note, cut or padded to exactly 300 characters.
pub(super) const LONG_NOTE: &str = "Hi Dana, I lead the platform team at a robotics company and have been \
    following your posts on Rust in production and on running Kubernetes with a small team. \
    We are about to start a similar migration and I would love to compare notes for half an \
    hour some time this month, whenever suits you. Thanks a lot and have a great week ahead!";
