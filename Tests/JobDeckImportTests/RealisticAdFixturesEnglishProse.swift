/// More English-language ads: dates in the middle of prose, UK public-sector and graduate
/// layouts, North American co-ops and internships, startups. Invented companies and numbers.
enum RealisticAdFixturesEnglishProse {
  static let all: [RealisticAd] = [
    RealisticAd(
      name: "UK university post with the closing date in the middle of prose",
      importDate: "2025-03-01",
      text: """
        Research Assistant (Computational Linguistics)
        Department of Language Science, University of Northbridge
        Location: Northbridge, UK
        Salary: £31,396 to £34,132 per annum (Grade 6)
        Hours: Full time
        Contract: Fixed term for 24 months

        The post is funded by the Leverhulme Trust and is available from 1 May 2025 or as soon \
        as possible thereafter. You will join a team of six researchers working on low-resource \
        language models, and you will present at the project workshop in Edinburgh on 18-19 \
        September 2025. Informal enquiries are welcome; the closing date for applications is \
        midnight on Sunday 23 March 2025, and interviews are expected to take place in the week \
        commencing 7 April 2025.

        The University has held an Athena SWAN Silver award since 2019.
        """,
      title: "Research Assistant (Computational Linguistics)",
      company: "University of Northbridge ‖ Department of Language Science, University of Northbridge",
      location: "Northbridge", type: "contract ‖ fullTime", workplace: nil,
      pay: "31396-34132 GBP year", posted: nil,
      deadlines: ["applicationCutoff 2025-03-23", "startDate 2025-05-01",
                  "?interview 2025-04-07", "?contractEnd 2027-04-30"],
      open: true),

    RealisticAd(
      name: "UK graduate programme: a window and a start on one line, an assessment range",
      importDate: "2024-10-15",
      text: """
        Graduate Analyst Programme 2025
        Fenwick & Hale LLP
        Edinburgh

        Applications open 1 October 2024 and close 30 November 2024; the programme starts on \
        1 September 2025.
        Assessment centres: 13–15 January 2025
        Salary: £30,000 rising to £34,000 after 12 months
        """,
      title: "Graduate Analyst Programme 2025", company: "Fenwick & Hale LLP",
      location: "Edinburgh", type: "graduateProgramme", workplace: nil,
      // The day applications open is the day the ad went up (issue 14: an opening date and a
      // cutoff).
      pay: "30000-30000 GBP year ‖ 30000-34000 GBP year", posted: "2024-10-01",
      deadlines: ["applicationCutoff 2024-11-30", "startDate 2025-09-01",
                  "assessment 2025-01-13"]),

    RealisticAd(
      name: "UK council ad with posted and closing dates on one line",
      importDate: "2025-02-10",
      text: """
        IT Support Technician
        Thornbury District Council
        Location: Thornbury, Gloucestershire
        Salary: £26,409 - £28,598
        Hours: 37 hours per week, permanent
        Posted: 03/02/2025 | Closing: 17/03/2025
        Interview date: w/c 31/03/2025

        The Council has been committed to equal opportunities since 2001. This job description \
        was last reviewed on 12/12/2023.
        """,
      title: "IT Support Technician", company: "Thornbury District Council",
      location: "Thornbury", type: "fullTime", workplace: nil, pay: "26409-28598 GBP year",
      posted: "2025-02-03",
      deadlines: ["applicationCutoff 2025-03-17", "interview 2025-03-31"]),

    RealisticAd(
      name: "Indeed UK hourly job with an expected start date",
      importDate: "2025-03-05",
      text: """
        Warehouse Team Leader
        Redbrook Distribution
        Leeds LS10
        £14.50 an hour - Full-time, Permanent

        Full job description
        Lead a team of 12 on the night shift. Forklift licence preferred.

        Expected start date: 07/04/2025
        Job Types: Full-time, Permanent
        Pay: £14.50 per hour
        Expected hours: 40 per week
        Benefits: Company pension, On-site parking
        Schedule: 8 hour shift, Monday to Friday
        Work Location: In person
        Application deadline: 21/03/2025
        Reference ID: RD-2025-114
        """,
      title: "Warehouse Team Leader", company: "Redbrook Distribution", location: "Leeds",
      type: "fullTime", workplace: "onSite", pay: "14.5-14.5 GBP hour", posted: nil,
      deadlines: ["applicationCutoff 2025-03-21", "startDate 2025-04-07"]),

    RealisticAd(
      name: "Canadian co-op with a term range and a cutoff without a year",
      importDate: "2025-05-20",
      text: """
        Co-op Student, Firmware (Fall 2025, 4 or 8 months)
        Maple Circuits Ltd.
        Waterloo, ON · On-site

        Term: September 2 to December 19, 2025 (with possible extension to April 2026)
        Pay: $28–$32 CAD/hour
        Deadline to apply: June 13th
        Interviews: late June
        """,
      title: "Co-op Student, Firmware (Fall 2025, 4 or 8 months)", company: "Maple Circuits Ltd.",
      location: "Waterloo", type: "internship", workplace: "onSite",
      pay: "28-32 CAD hour", posted: nil,
      deadlines: ["applicationCutoff 2025-06-13", "startDate 2025-09-02",
                  "contractEnd 2025-12-19"]),

    RealisticAd(
      name: "Non-profit part-time role: open until filled, first review date, 90-day period",
      importDate: "2025-03-10",
      text: """
        Program Coordinator, Youth Services
        Bright Futures Alliance
        Chicago, IL
        Part-time (24 hrs/week), $24 - $27 per hour

        Posted: Mar 3, 2025
        Position will remain open until filled; first review of applications on March 24, 2025.
        Anticipated start date: April 28, 2025.
        This position has a 90-day introductory period.
        Bright Futures Alliance was founded in 1995.
        """,
      title: "Program Coordinator, Youth Services", company: "Bright Futures Alliance",
      location: "Chicago", type: "partTime", workplace: nil, pay: "24-27 USD hour",
      posted: "2025-03-03",
      deadlines: ["applicationCutoff 2025-03-24", "startDate 2025-04-28"],
      probation: "P90D", open: true),

    RealisticAd(
      name: "Careers page with only footer dates and a Similar jobs list",
      importDate: "2025-02-20",
      text: """
        Customer Success Manager
        Brightpath Software
        Dublin, Ireland · Full-time · Hybrid

        We're Brightpath, founded in 2014. Last updated: 14 February 2025.
        In 2023 we grew our customer base by 40% and opened our Dublin office.
        Benefits: 25 days annual leave rising to 28 after 2 years; pension from day one.
        You have 5+ years in a customer-facing SaaS role.
        Apply now
        Similar jobs
        Account Executive · Dublin · Posted 3 days ago
        Privacy · Terms · © 2024 Brightpath Software Ltd. All rights reserved.
        """,
      title: "Customer Success Manager", company: "Brightpath Software", location: "Dublin",
      type: "fullTime", workplace: "hybrid", pay: nil, posted: nil),

    RealisticAd(
      name: "UK contract role paid by the day",
      importDate: "2025-03-28",
      text: """
        Senior iOS Developer (Contract, 6 months)
        Remote - UK
        £550 - £600 per day (Outside IR35)
        Start: 14th April
        Duration: 6 months with likely extension
        Interviews next week. Apply today.
        """,
      title: "Senior iOS Developer (Contract, 6 months)", company: nil, location: "UK",
      type: "contract", workplace: "remote", pay: "550-600 GBP nil", posted: nil,
      deadlines: ["startDate 2025-04-14", "?contractEnd 2025-10-13"]),
    RealisticAd(
      name: "US banking internship: programme range in prose, superdays, © footer",
      importDate: "2025-01-10",
      text: """
        Summer Analyst Internship 2025 - Investment Banking
        Hartwell & Co.
        New York, NY

        Program Overview
        Our 10-week Summer Analyst Program runs from June 9, 2025 through August 15, 2025.

        Compensation: $110,000 annualized ($2,115 per week)

        Requirements
        • Rising senior graduating between December 2025 and June 2026
        • Minimum GPA 3.5

        How to apply
        Please submit your resume and cover letter by 11:59 p.m. ET on January 31, 2025. \
        Superdays will be held on February 20-21, 2025.
        Hartwell & Co. is an Equal Opportunity Employer. © 2025 Hartwell & Co. All rights reserved.
        """,
      title: "Summer Analyst Internship 2025 - Investment Banking ‖ Summer Analyst Internship 2025",
      company: "Hartwell & Co.", location: "New York", type: "internship", workplace: nil,
      pay: "110000-110000 USD year", posted: nil,
      deadlines: ["startDate 2025-06-09", "contractEnd 2025-08-15", "applicationCutoff 2025-01-31",
                  "?assessment 2025-02-20"]),

    RealisticAd(
      name: "Remote startup ad: pay only in the header, company after 'we're', Last updated",
      importDate: "2025-03-10",
      text: """
        Backend Engineer (Go)
        Remote — EU time zones
        Full-time · €70k–€90k

        Hi, we're Fernweh Labs. We build booking software for mountain huts.
        We're a remote-first team of 25 spread across 11 countries.

        Apply by 2025-04-15. We'll get back to every applicant within 2 weeks.
        Notice: We will never ask for payment during our hiring process.
        Last updated 2025-02-01
        """,
      title: "Backend Engineer (Go)", company: "Fernweh Labs", location: "Remote",
      type: "fullTime", workplace: "remote", pay: "70000-90000 EUR year", posted: nil,
      deadlines: ["applicationCutoff 2025-04-15"]),

    RealisticAd(
      name: "LinkedIn header with $130K/yr - $155K/yr and a slash-dated close",
      importDate: "2025-03-10",
      text: """
        Data Engineer
        Kinetic Health · Boston, MA · 3 weeks ago · Over 200 people clicked apply
        $130K/yr - $155K/yr · Remote · Full-time

        About the job
        Kinetic Health was founded in 2018 by two ER doctors.
        Please note: applications close 03/21/2025.
        Our benefits
        Medical, dental, 401(k) with 4% match
        """,
      title: "Data Engineer", company: "Kinetic Health", location: "Boston, MA",
      type: "fullTime", workplace: "remote", pay: "130000-155000 USD year", posted: "2025-02-17",
      deadlines: ["applicationCutoff 2025-03-21"]),
  ]
}
