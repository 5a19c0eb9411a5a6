/// English-language ads as pasted from LinkedIn, Indeed, Greenhouse, Lever, Workday, Ashby and
/// graduate-scheme pages. Companies, people and numbers are invented; the layouts are not.
enum RealisticAdFixturesEnglish {
  static let all: [RealisticAd] = [
    RealisticAd(
      name: "LinkedIn job view with emoji bullets and a Similar jobs tail",
      importDate: "2025-03-10",
      text: """
        Share
        Show more options
        Junior Backend Engineer (f/m/d)
        Lumen Grid · Berlin, Germany · Reposted 2 weeks ago · Over 100 applicants
        Hybrid · Full-time · Entry level
        Easy Apply
        Save
        Junior Backend Engineer (f/m/d) at Lumen Grid

        About the job
        Lumen Grid builds software for Europe's electricity grids. Founded in 2016, we now have \
        180 people in Berlin and Lisbon.

        What you'll do
        🚀 Build and run Go and Python services on Kubernetes
        📈 Own features end to end, from design doc to on-call

        What you bring
        ✅ 1+ years of experience with a backend language
        ✅ Fluent English; German is a plus

        What we offer
        💶 €55,000 – €65,000 a year, plus VSOP
        🏡 2 days a week in our Kreuzberg office
        🌴 30 days of holiday

        Show more
        Similar jobs
        Backend Engineer · Zalando · Berlin · 1 week ago
        """,
      title: "Junior Backend Engineer (f/m/d)", company: "Lumen Grid", location: "Berlin",
      type: "fullTime", workplace: "hybrid", pay: "55000-65000 EUR year", posted: "2025-02-24"),

    RealisticAd(
      name: "Indeed US job with a Job details box and 'accepted until'",
      importDate: "2025-03-10",
      text: """
        Data Analyst
        Riverbend Health Partners
        Columbus, OH 43215
        $68,000 - $82,000 a year - Full-time

        Riverbend Health Partners
        3.6 out of 5 stars

        Job details
        Pay
        $68,000 - $82,000 a year
        Job type
        Full-time
        Shift and schedule
        Monday to Friday

        Location
        Columbus, OH 43215

        Benefits
        401(k) matching
        Health insurance
        Paid time off

        Full job description
        Riverbend Health Partners has served central Ohio since 1987. We are looking for a Data \
        Analyst to join our Population Health team.

        Responsibilities:
        - Build dashboards in Tableau and SQL
        - Work with clinicians on quality measures

        Qualifications:
        - Bachelor's degree in statistics or related field
        - 2+ years of experience with SQL

        Work Location: In person

        Applications will be accepted until April 4, 2025.
        Must be authorized to work in the United States. We do not sponsor visas.

        Posted 5 days ago
        """,
      title: "Data Analyst", company: "Riverbend Health Partners", location: "Columbus, OH",
      type: "fullTime", workplace: "onSite", pay: "68000-82000 USD year", posted: "2025-03-05",
      deadlines: ["applicationCutoff 2025-04-04"]),

    RealisticAd(
      name: "Greenhouse new-grad page with the application form pasted along",
      importDate: "2025-03-10",
      text: """
        Skip to main content
        Software Engineer, New Grad (2025 Start)
        San Francisco, CA
        Apply

        About Tessellate
        Tessellate builds developer tools used by 40,000 teams. We were founded in 2019 and \
        raised our Series B in March 2023.

        About the role
        As a new grad engineer you'll ship to production in your first week.

        Start date: July 2025 or later

        Compensation
        The base salary range for this role is $140,000—$165,000 USD. Final offer depends on \
        location.

        Applications for this role will be reviewed on a rolling basis.
        Must be authorized to work in the United States.

        Create a Job Alert
        Interested in building your career at Tessellate? Get future opportunities sent straight \
        to your email.
        Apply for this job
        * indicates a required field
        First Name *
        Last Name *
        Resume/CV *
        Accepted file types: pdf, doc, docx, txt, rtf
        Will you now or in the future require sponsorship? *
        Powered by Greenhouse
        Privacy Policy
        """,
      title: "Software Engineer, New Grad (2025 Start)", company: "Tessellate",
      location: "San Francisco", type: "*", workplace: nil, pay: "140000-165000 USD year",
      posted: nil, deadlines: ["startDate 2025-07-01"], open: true),

    RealisticAd(
      name: "Lever page whose company is only in the prose",
      importDate: "2025-03-01",
      text: """
        Product Designer
        Amsterdam, Netherlands
        Design – Product /
        Full-time /
        Hybrid

        Hey there! We're Kiwibit, a fintech helping two million Europeans save smarter.

        Our hiring process:
        - Intro call (30 min)
        - Portfolio review
        - Final interview on site

        Please apply by 21 March 2025. We're hiring on a rolling basis, so we encourage you to \
        apply early.

        Salary range: €60,000 - €75,000 gross per year, depending on experience.
        Apply for this job
        Jobs powered by Lever
        """,
      title: "Product Designer", company: "Kiwibit", location: "Amsterdam", type: "fullTime",
      workplace: "hybrid", pay: "60000-75000 EUR year", posted: nil,
      deadlines: ["applicationCutoff 2025-03-21"], open: true),

    RealisticAd(
      name: "Workday page: 'End Date' in the apply box is the cutoff, 'Last updated' is not",
      importDate: "2025-03-10",
      text: """
        Associate Financial Analyst
        locations
        Charlotte, NC
        time type
        Full time
        posted on
        Posted 30+ Days Ago
        time left to apply
        End Date: March 28, 2025 (18 days left to apply)
        job requisition id
        JR-2025-01877

        Summit Ridge Bank has helped families and small businesses since 1911.

        Pay Range: $72,000.00 - $88,000.00 annually

        The statements above describe the general nature of the work. Last updated: 01/15/2025
        Summit Ridge Bank is an Equal Opportunity Employer.
        """,
      title: "Associate Financial Analyst", company: "Summit Ridge Bank ‖ nil",
      location: "Charlotte, NC", type: "fullTime", workplace: nil,
      pay: "72000-88000 USD year", posted: "≤2025-02-08",
      deadlines: ["applicationCutoff 2025-03-28"]),

    RealisticAd(
      name: "Ashby page with a fact box and equity",
      importDate: "2025-03-10",
      text: """
        Founding ML Engineer
        Location
        Remote (Europe)
        Employment Type
        Full time
        Location Type
        Remote
        Department
        Engineering
        Compensation
        €90K – €120K • Offers Equity

        Overview
        Application

        About Quillmate
        We are a team of nine building writing tools for lawyers. We raised our seed round in \
        June 2024.
        You have shipped at least one ML system to production.
        """,
      title: "Founding ML Engineer", company: "Quillmate", location: "Remote",
      type: "fullTime", workplace: "remote", pay: "90000-120000 EUR year", posted: nil),

    RealisticAd(
      name: "UK graduate scheme with a timed close in prose",
      importDate: "2025-10-01",
      text: """
        Technology Graduate Scheme 2026
        Albion Mutual
        London, United Kingdom

        Salary: £32,000 plus a £2,000 joining bonus
        Start date: September 2026
        Programme: 2-year rotational programme across four placements
        Location: London (with occasional travel to Leeds)

        Applications close at 23:59 GMT on 14 November 2025. We recruit on a rolling basis and \
        may close the scheme early, so apply soon.

        Albion Mutual has looked after its members since 1864.
        """,
      title: "Technology Graduate Scheme 2026", company: "Albion Mutual", location: "London",
      type: "graduateProgramme", workplace: nil, pay: "32000-32000 GBP year", posted: nil,
      deadlines: ["applicationCutoff 2025-11-14", "startDate 2026-09-01",
                  "?contractEnd 2028-08-31"],
      open: true),

    RealisticAd(
      name: "US summer internship with programme dates and a timed cutoff",
      importDate: "2025-02-01",
      text: """
        Software Engineering Intern - Summer 2025
        Cobalt Systems Inc.
        Austin, TX (On-site)

        Summer 2025 (10-12 weeks)
        Program dates: June 2 – August 8, 2025
        Pay: $42/hr
        Housing stipend available.

        Apply by February 28, 2025 at 5 pm EST. Interviews will take place in early March.
        Must be authorized to work in the US without sponsorship now or in the future.
        """,
      title: "Software Engineering Intern - Summer 2025 ‖ Software Engineering Intern",
      company: "Cobalt Systems Inc.", location: "Austin, TX", type: "internship",
      workplace: "onSite", pay: "42-42 USD hour", posted: nil,
      deadlines: ["applicationCutoff 2025-02-28", "startDate 2025-06-02",
                  "contractEnd 2025-08-08"]),

    RealisticAd(
      name: "US ad with $95K–$120K/yr, a weekday cutoff without a year and a policy date",
      importDate: "2025-03-25",
      text: """
        Operations Analyst
        Harborview Logistics · Newark, NJ (Hybrid)
        $95K–$120K/yr · Full-time

        About us
        Harborview Logistics has moved freight through the Port of Newark since 1978 and now \
        employs 2,300 people.

        Requirements
        - 3-5 years of experience in operations or supply chain analytics
        - Advanced Excel and SQL

        Applications are due by 5 pm EST on Friday, April 11. Interviews will be held the week of \
        April 21.
        Must be authorized to work in the United States.
        Harborview Logistics is an equal opportunity employer. Policy updated January 1, 2024.
        """,
      title: "Operations Analyst", company: "Harborview Logistics", location: "Newark, NJ",
      type: "fullTime", workplace: "hybrid", pay: "95000-120000 USD year", posted: nil,
      deadlines: ["applicationCutoff 2025-04-11", "?interview 2025-04-21"]),

    RealisticAd(
      name: "LinkedIn paste under a cookie banner that says 'by clicking … updated 12 March'",
      importDate: "2025-03-14",
      text: """
        We use cookies to improve your experience. By clicking "Accept all" you agree to our \
        Cookie Policy (updated 12 March 2025).
        Accept all
        Reject all
        LinkedIn
        Jobs
        Data Scientist – Pricing
        Voltaro Energy · Madrid, Community of Madrid, Spain · 1 day ago · 37 applicants
        Promoted by hirer · Actively reviewing applicants
        On-site · Full-time · Mid-Senior level
        Apply
        Save
        About the job
        At Voltaro Energy we price renewable power for 3 million homes. Since our founding on \
        1 June 2009 we have grown to 2,000 people.
        You have 4+ years of experience with Python and pricing models.
        Set alert for similar jobs
        Data Scientist, Madrid
        Meet the hiring team
        Show more
        About the company
        Voltaro Energy
        12,345 followers
        1,001-5,000 employees
        © 2025
        """,
      title: "Data Scientist – Pricing", company: "Voltaro Energy", location: "Madrid",
      type: "fullTime", workplace: "onSite", pay: nil, posted: "2025-03-13"),
  ]
}
