import JobDeckCore

/// Job ads of our own writing, laid out the way people paste them from job boards and careers
/// pages. Each covers several phrasing families from DOMAIN.md.
enum TextAdFixtures {
  /// The day the ads are imported on, unless a test says otherwise.
  static let importDate = CivilDate(year: 2025, month: 2, day: 10) ?? CivilDate(dayNumber: 0)

  static let englishInternshipBoard = """
    Machine Learning Intern (m/f/d)
    Acme Robotics · Berlin, Germany (Hybrid) · 3 days ago

    About the job
    Acme Robotics is hiring a Machine Learning Intern to join our perception team.
    Start date: 2 June 2025
    Duration: 6 months
    Application deadline: Monday, 3 March 2025 at 5 pm CET
    Compensation: 3466€ per month gross
    You know Python, PyTorch and SQL; Kubernetes is a plus.
    """

  static let usFullTime = """
    Senior Data Engineer
    Company: Brightline Analytics
    Location: New York, NY
    Job type: Full-time
    Salary: $120,000 - $150,000 a year
    Date posted: January 28, 2025

    We are looking for an engineer who loves Spark, Airflow and AWS. This role is fully remote \
    within the US.
    Applications must be submitted by March 3rd, 2025, 11:59 pm EST.
    """

  static let germanWorkingStudent = """
    Werkstudent Data Science (m/w/d)
    Unternehmen: Nordlicht Energie GmbH
    Standort: Hamburg
    Veröffentlicht: 03.02.2025

    Deine Aufgaben: Du entwickelst Prognosemodelle mit Python und SQL.
    Einstellungstermin: ab 1. April 2025
    Bewerbungsfrist: 15. März 2025
    Vergütung: 18 € pro Stunde
    Probezeit: 6 Monate
    Homeoffice möglich, 20 Stunden pro Woche.
    """

  static let frenchInternship = """
    Stage – Data Analyst (H/F)
    Entreprise : Clairvoyance SAS
    Lieu : Lyon, France
    Date de publication : 5 février 2025
    Date limite de candidature : 1er mars 2025
    Début du stage : à partir du 7 avril 2025, durée 4 à 6 mois.
    Gratification : 1 200 € par mois
    Télétravail partiel possible.
    Période d'essai de deux mois.
    """

  static let spanishInternship = """
    Prácticas en Ingeniería de Software
    Empresa: Soluciones Nube S.L.
    Ubicación: Madrid, España
    Fecha límite: 28 de febrero de 2025
    Incorporación: del 3 de marzo al 29 de agosto de 2025
    Periodo de prueba de un mes.
    Modalidad: híbrido
    """

  static let dutchTraineeship = """
    Traineeship Data & AI
    Bedrijf: Polderdata B.V.
    Locatie: Utrecht
    Geplaatst op 4 februari 2025
    Reageren kan tot 14 maart 2025.
    Startdatum: 1 september 2025
    Salaris: € 3.100 per maand
    """

  static let polishInternship = """
    Staż w dziale IT – Python Developer
    Firma: Wisła Software sp. z o.o.
    Lokalizacja: Kraków
    Data publikacji: 6 lutego 2025
    CV do 10 marca 2025
    Staż od 1 lipca do 30 września 2025
    Wynagrodzenie: 4500 zł brutto miesięcznie
    Praca zdalna.
    """

  static let ukInitialTerm = """
    Research Software Engineer (fixed-term)
    Company: Thames Computing Ltd
    Location: Cambridge, UK
    Contract: 3 months initial + 9 months extension, subject to a performance review at the end \
    of the first 3-month term.
    Salary: £38,000 - £42,000 per annum
    Closing date: 14/03/2025
    Start: ASAP
    """
}
