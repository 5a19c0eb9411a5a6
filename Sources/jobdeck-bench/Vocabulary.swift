/// Word lists the generator draws from: enough variety that filters, sorts and searches meet
/// data shaped like a real job-board export rather than one repeated record.
enum Vocabulary {
  static let companyStems = [
    "Nord", "Blue", "Bright", "Iron", "Silver", "Quantum", "Cedar", "Harbor", "Atlas", "Nimbus",
    "Vertex", "Lumen", "Kestrel", "Orbit", "Pioneer", "Summit", "Delta", "Fjord", "Aurora",
    "Granite", "Maple", "Copper", "Falcon", "Meridian", "Polar", "Sable", "Tidal", "Vivid",
    "Zephyr", "Beacon", "Crescent", "Ember", "Helix", "Juniper", "Lattice", "Mosaic", "Nova",
    "Onyx", "Prism", "Quarry", "Radiant", "Solace", "Tandem", "Umber", "Willow", "Yonder",
    "Zalando", "Spotify", "SumUp", "DeepL", "Celonis", "Personio", "Trade", "Klar", "Wander",
  ]
  static let companySuffixes = [
    "Labs", "Analytics", "Systems", "Health", "Robotics", "Energy", "Logistics", "Bank",
    "Software", "Media", "Mobility", "Insurance", "Foods", "Games", "Security", "Cloud",
    "Materials", "Bio", "Payments", "AI", "GmbH", "AG", "SE", "Ltd", "Inc.",
  ]
  static let levels = [
    "", "", "", "Junior ", "Senior ", "Staff ", "Lead ", "Principal ", "Working Student ",
    "Intern ", "Graduate ",
  ]
  static let roles = [
    "Software Engineer", "Backend Engineer", "Frontend Engineer", "Data Scientist",
    "Machine Learning Engineer", "Data Engineer", "Site Reliability Engineer",
    "Product Manager", "UX Designer", "Security Engineer", "Mobile Developer (iOS)",
    "Android Developer", "DevOps Engineer", "QA Engineer", "Engineering Manager",
    "Data Analyst", "Research Scientist", "Platform Engineer", "Embedded Software Engineer",
    "Solutions Architect", "Technical Writer", "Business Analyst", "Cloud Engineer",
  ]
  static let teams = [
    "", "", "", ", Payments", ", Search", ", Growth", ", Infrastructure", ", Personalization",
    ", Risk", ", Checkout", ", Core Platform", ", Developer Experience", " (m/f/d)",
  ]
  static let locations = [
    "Berlin, Germany", "Munich, Germany", "Hamburg, Germany", "Cologne, Germany",
    "Frankfurt, Germany", "Vienna, Austria", "Zürich, Switzerland", "Amsterdam, Netherlands",
    "Rotterdam, Netherlands", "Copenhagen, Denmark", "Stockholm, Sweden", "Oslo, Norway",
    "Helsinki, Finland", "Warsaw, Poland", "Kraków, Poland", "Prague, Czechia",
    "Lisbon, Portugal", "Barcelona, Spain", "Madrid, Spain", "Paris, France", "Lyon, France",
    "Dublin, Ireland", "London, United Kingdom", "Manchester, United Kingdom",
    "Edinburgh, United Kingdom", "Brussels, Belgium", "Milan, Italy", "Tallinn, Estonia",
    "Remote (EU)", "Remote", "New York, USA", "Toronto, Canada",
  ]
  static let tags = [
    "python", "swift", "kotlin", "java", "go", "rust", "typescript", "react", "sql",
    "postgresql", "kafka", "kubernetes", "aws", "gcp", "azure", "terraform", "docker", "ml",
    "pytorch", "tensorflow", "statistics", "spark", "airflow", "graphql", "ios", "android",
    "linux", "c++", "security", "ux", "figma", "scala", "elixir", "ruby", "php", "django",
    "nlp", "computer-vision", "embedded", "fintech", "healthtech", "remote-friendly",
    "visa-sponsorship", "english", "german", "part-time", "relocation",
  ]
  static let openers = [
    "We are looking for a %ROLE% to join our team in %CITY%.",
    "%COMPANY% is growing, and we need a %ROLE% who enjoys hard problems.",
    "As a %ROLE% at %COMPANY%, you will shape how thousands of customers work every day.",
    "Join %COMPANY% and help us build the products our users rely on.",
  ]
  static let sentences = [
    "You will work closely with product managers, designers and other engineers to ship features end to end.",
    "Our stack is %TAG%, %TAG% and %TAG%, running on a platform we operate ourselves.",
    "You take ownership of services from the first design document to monitoring in production.",
    "We value clear writing, thoughtful code review and a calm approach to incidents.",
    "The team is small, so your decisions will be visible and your impact immediate.",
    "You have experience with %TAG% or are eager to learn it quickly.",
    "We run a weekly planning session and keep meetings to a minimum the rest of the time.",
    "Experience with distributed systems, data modelling or performance tuning is a plus.",
    "You mentor colleagues, share what you learn and help the team grow.",
    "Our customers range from small shops to some of the largest retailers in Europe.",
    "You are comfortable with ambiguity and enjoy turning vague ideas into working software.",
    "We care about accessibility, privacy and the long-term health of our codebase.",
    "The role reports to the head of engineering and works across three product teams.",
    "You will help us migrate a legacy monolith to well-defined services without downtime.",
    "Good communication in English is required; German is a plus but not necessary.",
    "We offer a yearly learning budget, flexible hours and 30 days of paid holiday.",
    "The probation period is six months, with a review after the first three.",
    "Applications must be submitted by the closing date stated in this advertisement.",
    "Hybrid work: two days a week in our office near the central station.",
    "We offer a competitive salary, a company pension scheme and a public transport pass.",
    "Please include a short note on a project you are proud of and why.",
    "Our interview process has three steps: a call, a technical conversation and a team meeting.",
    "We are an equal opportunity employer and welcome applications from all backgrounds.",
    "You will own our observability stack and make on-call a quiet, predictable rotation.",
    "Last year we tripled our user base while keeping the infrastructure bill flat.",
    "Kubernetes operators, service meshes and event sourcing are part of daily life here.",
  ]
  static let closers = [
    "We look forward to hearing from you.",
    "Questions? Write to our recruiting team, who answer within two working days.",
    "Send us your CV and a few lines about yourself; no cover letter needed.",
  ]
  static let firstNames = ["Anna", "Jonas", "Lea", "Mateusz", "Sofia", "Lukas", "Emma", "Noah"]
  static let lastNames = ["Schmidt", "Nowak", "García", "Jensen", "Rossi", "Dubois", "Müller"]
}
