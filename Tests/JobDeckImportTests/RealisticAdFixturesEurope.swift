/// German, French, Spanish, Dutch and Polish ads as pasted from StepStone, XING, Welcome to the
/// Jungle, InfoJobs, Werken bij and Pracuj. Companies and numbers are invented.
enum RealisticAdFixturesEurope {
  static let all: [RealisticAd] = [
    RealisticAd(
      name: "StepStone: Aufgaben, Profil, ab sofort, Bewerbungsfrist, Stand",
      importDate: "2025-02-20",
      text: """
        Softwareentwickler Java (m/w/d)
        Hansewerk Digital GmbH
        Bremen
        Vollzeit, unbefristet
        Homeoffice möglich
        Gehalt: 55.000 – 65.000 € brutto/Jahr
        Erschienen: vor 3 Tagen

        Ihre Aufgaben
        • Weiterentwicklung unserer Abrechnungsplattform mit Java und Spring Boot
        • Betrieb in der Cloud (AWS)

        Ihr Profil
        • Abgeschlossenes Studium der Informatik oder vergleichbare Ausbildung
        • Mindestens 3 Jahre Berufserfahrung

        Wir bieten
        • 30 Tage Urlaub
        • Betriebliche Altersvorsorge
        • Probezeit: 6 Monate

        Einstiegsdatum: ab sofort
        Bewerbungsfrist: 15.03.2025

        Seit 1998 entwickeln wir Software für Energieversorger. Stand: 02/2025
        """,
      title: "Softwareentwickler Java (m/w/d)", company: "Hansewerk Digital GmbH",
      location: "Bremen", type: "fullTime", workplace: "hybrid",
      pay: "55000-65000 EUR year", posted: "2025-02-17",
      deadlines: ["applicationCutoff 2025-03-15"], probation: "P6M", open: true),

    RealisticAd(
      name: "XING working student: befristet auf 12 Monate, bewirb dich bis, Impressum footer",
      importDate: "2025-02-20",
      text: """
        Werkstudent (m/w/d) Marketing Analytics
        Kaffeerösterei Elbgold AG · Hamburg
        Teilzeit (20 Std./Woche) · Hybrid
        Veröffentlicht am 12.02.2025

        Was dich erwartet:
        - Du analysierst Kampagnen mit SQL und Looker
        - Du baust Reportings in Excel

        Was du mitbringst:
        - Eingeschriebene:r Student:in (Wirtschaft, Informatik o.ä.)
        - Noch mindestens 2 Semester Studium

        Benefits:
        - 16,50 € pro Stunde
        - Flexible Arbeitszeiten

        Beginn: 01.04.2025, befristet auf 12 Monate
        Bewirb dich bis zum 10. März 2025 über unser Portal.
        Impressum | Datenschutz | © 2025 Kaffeerösterei Elbgold AG
        """,
      title: "Werkstudent (m/w/d) Marketing Analytics", company: "Kaffeerösterei Elbgold AG",
      location: "Hamburg", type: "workingStudent", workplace: "hybrid",
      pay: "16.5-16.5 EUR hour", posted: "2025-02-12",
      deadlines: ["applicationCutoff 2025-03-10", "startDate 2025-04-01",
                  "contractEnd 2026-03-31"]),

    RealisticAd(
      name: "German trainee programme: Einstieg, Bewerbungsschluss, sechs Monate Probezeit",
      importDate: "2025-04-01",
      text: """
        Trainee Controlling (m/w/d) – 18 Monate
        Alpenblick Versicherung AG
        München
        Einstieg: 01.10.2025
        Bewerbungsschluss: 31. Mai 2025

        Dein Traineeprogramm
        18 Monate, drei Stationen, ein Auslandseinsatz.
        Vergütung: 52.000 € p.a.
        Die Probezeit beträgt sechs Monate.
        Wir freuen uns auf deine Bewerbung – gerne bis spätestens 31.05.2025.
        Seit über 150 Jahren versichern wir Familien in Bayern.
        """,
      title: "Trainee Controlling (m/w/d) – 18 Monate ‖ Trainee Controlling (m/w/d)",
      company: "Alpenblick Versicherung AG", location: "München", type: "graduateProgramme",
      workplace: nil, pay: "52000-52000 EUR year", posted: nil,
      deadlines: ["applicationCutoff 2025-05-31", "startDate 2025-10-01",
                  "?contractEnd 2027-03-31"],
      probation: "P6M"),

    RealisticAd(
      name: "Swiss ad with CHF apostrophes, Pensum and Arbeitsbeginn nach Vereinbarung",
      importDate: "2025-04-01",
      text: """
        Data Engineer 80–100% (w/m/d)
        Helvetia Rail Tech AG
        Zürich
        Festanstellung · Pensum 80–100%
        Lohn: CHF 105'000 – 125'000 pro Jahr

        Arbeitsbeginn: nach Vereinbarung
        Bewerbungen bis 30.04.2025 über unser Karriereportal.
        """,
      title: "Data Engineer 80–100% (w/m/d)", company: "Helvetia Rail Tech AG",
      location: "Zürich", type: "*", workplace: nil, pay: "105000-125000 CHF year",
      posted: nil, deadlines: ["applicationCutoff 2025-04-30"], open: true),

    RealisticAd(
      name: "German mandatory internship: ab sofort, fortlaufend, Gründungsjahr",
      importDate: "2025-03-01",
      text: """
        Praktikum im Bereich UX Research (m/w/d)
        Stadtwerk Digital GmbH
        Köln
        Praktikum · ab sofort · 6 Monate
        Vergütung: 1.600 € monatlich

        Wir prüfen Bewerbungen fortlaufend – bewirb dich also am besten gleich.
        Pflichtpraktikum oder freiwilliges Praktikum möglich. Gründungsjahr: 2012
        """,
      title: "Praktikum im Bereich UX Research (m/w/d)", company: "Stadtwerk Digital GmbH",
      location: "Köln", type: "internship", workplace: nil, pay: "1600-1600 EUR month",
      posted: nil, open: true),

    RealisticAd(
      name: "Welcome to the Jungle CDI: Salaire 45K à 52K, Début, founding date in prose",
      importDate: "2025-05-15",
      text: """
        Développeur Full Stack H/F
        Maison Lumière
        CDI
        Paris
        Télétravail partiel
        Salaire : 45K à 52K €
        Début : 1er septembre 2025
        Expérience : > 2 ans
        Éducation : Bac +5 / Master

        Le poste
        Descriptif du poste
        Rejoins une équipe de 12 développeurs pour construire notre plateforme en TypeScript et \
        Node.js.

        Déroulement des entretiens
        1. Échange avec la RH (30 min)
        2. Entretien technique
        3. Rencontre avec l'équipe

        Date limite de candidature : 30 juin 2025
        Période d'essai de 4 mois renouvelable une fois.
        Maison Lumière a été fondée le 3 mars 2014 à Paris.
        """,
      title: "Développeur Full Stack H/F", company: "Maison Lumière", location: "Paris",
      type: "fullTime", workplace: "hybrid", pay: "45000-52000 EUR year", posted: nil,
      deadlines: ["applicationCutoff 2025-06-30", "startDate 2025-09-01"], probation: "P4M"),

    RealisticAd(
      name: "French internship with télétravail non autorisé and a month-only start",
      importDate: "2025-01-10",
      text: """
        Stage - Assistant(e) Chef de Projet Marketing (H/F)
        Cosmétiques Azur
        Nice
        Stage
        Télétravail non autorisé
        Publiée le 3 janvier 2025

        Stage de 6 mois à partir de mars 2025.
        Gratification : 1 400 € brut mensuel
        Convention de stage obligatoire.
        Candidatures jusqu'au 31 janvier 2025.
        """,
      title: "Stage - Assistant(e) Chef de Projet Marketing (H/F)", company: "Cosmétiques Azur",
      location: "Nice", type: "internship", workplace: "onSite", pay: "1400-1400 EUR month",
      posted: "2025-01-03",
      deadlines: ["applicationCutoff 2025-01-31", "startDate 2025-03-01",
                  "?contractEnd 2025-08-31"]),

    RealisticAd(
      name: "French six-month internship: Date de début, jusqu'au, il y a 3 jours",
      importDate: "2025-05-05",
      text: """
        Stagiaire Data Scientist - Stage de 6 mois (F/H)
        Banque Rhodanienne
        Lyon
        Stage · 6 mois
        Date de début : 1er septembre 2025
        Télétravail partiel (2 jours par semaine)
        Gratification : 1 600 € / mois

        Vos missions : construire des modèles de scoring en Python.
        Profil : Bac+5 en école d'ingénieur ou université.
        Les candidatures sont ouvertes jusqu'au 15 juin 2025.
        Publiée il y a 3 jours
        """,
      title: "Stagiaire Data Scientist - Stage de 6 mois (F/H)", company: "Banque Rhodanienne",
      location: "Lyon", type: "internship", workplace: "hybrid", pay: "1600-1600 EUR month",
      posted: "2025-05-02",
      deadlines: ["applicationCutoff 2025-06-15", "startDate 2025-09-01",
                  "contractEnd 2026-02-28"]),

    RealisticAd(
      name: "Spanish prácticas: hace 4 días, incorporación inmediata, fecha límite in prose",
      importDate: "2025-03-20",
      text: """
        Becario/a de Análisis de Datos (Prácticas)
        Grupo Meridiano
        Valencia, España
        Publicado hace 4 días

        Ofrecemos:
        - Prácticas remuneradas de 6 meses con posibilidad de incorporación posterior
        - Ayuda al estudio: 800 € brutos al mes
        - Modalidad híbrida (3 días en oficina)

        Requisitos:
        - Estudiante de último curso de Estadística, Matemáticas o Ingeniería
        - Conocimientos de Python y SQL

        Incorporación inmediata.
        Fecha límite para enviar tu candidatura: 15 de abril de 2025.
        """,
      title: "Becario/a de Análisis de Datos (Prácticas)", company: "Grupo Meridiano",
      location: "Valencia", type: "internship", workplace: "hybrid", pay: "800-800 EUR month",
      posted: "2025-03-16", deadlines: ["applicationCutoff 2025-04-15"], open: true),

    RealisticAd(
      name: "Spanish permanent role: jornada completa, fecha de incorporación, periodo de prueba",
      importDate: "2025-03-10",
      text: """
        Ingeniero/a DevOps
        TecnoRuta S.A.
        Barcelona · Híbrido
        Jornada completa · Contrato indefinido
        Salario: 38.000 - 45.000 € brutos anuales

        ¿Qué harás?
        Automatizarás despliegues con Terraform y Kubernetes.

        Fecha de incorporación: 1 de mayo de 2025
        Periodo de prueba: 6 meses
        Fecha de publicación: 3 de marzo de 2025
        """,
      title: "Ingeniero/a DevOps", company: "TecnoRuta S.A.", location: "Barcelona",
      type: "fullTime", workplace: "hybrid", pay: "38000-45000 EUR year",
      posted: "2025-03-03", deadlines: ["startDate 2025-05-01"], probation: "P6M"),

    RealisticAd(
      name: "Dutch: tussen € … en € …, Startdatum of in overleg, Reageren vóór",
      importDate: "2025-02-10",
      text: """
        Junior Data Engineer
        Tulpdata B.V. – Rotterdam
        Fulltime 40 uur · Hybride werken

        Wat ga je doen?
        Je bouwt datapijplijnen in Python en dbt.

        Wat bieden wij?
        - Salaris tussen € 3.400 en € 4.200 bruto per maand
        - 25 vakantiedagen
        - Een contract voor 12 maanden, met uitzicht op een vast contract

        Startdatum: 1 april 2025 of in overleg
        Reageren vóór 1 maart 2025 via de button hieronder.
        Een assessment kan onderdeel zijn van de procedure.
        """,
      title: "Junior Data Engineer", company: "Tulpdata B.V.", location: "Rotterdam",
      type: "fullTime ‖ contract", workplace: "hybrid", pay: "3400-4200 EUR month",
      posted: nil,
      deadlines: ["applicationCutoff 2025-03-01", "startDate 2025-04-01",
                  "?contractEnd 2026-03-31"],
      open: true),

    RealisticAd(
      name: "Dutch internship: Geplaatst 2 dagen geleden, month-only start in overleg",
      importDate: "2025-05-01",
      text: """
        Stagiair Marketing & Communicatie
        Groene Haven Coöperatie U.A.
        Utrecht
        Stage · 32-40 uur per week · 5 maanden
        Stagevergoeding: € 600 per maand

        Startdatum: september 2025 (in overleg)
        Reageren vóór 1 juni 2025
        Geplaatst: 2 dagen geleden
        """,
      title: "Stagiair Marketing & Communicatie", company: "Groene Haven Coöperatie U.A.",
      location: "Utrecht", type: "internship", workplace: nil, pay: "600-600 EUR month",
      posted: "2025-04-29",
      deadlines: ["applicationCutoff 2025-06-01", "startDate 2025-09-01",
                  "?contractEnd 2026-01-31"],
      open: true),

    RealisticAd(
      name: "Pracuj.pl: umowa o pracę, od 12 000 do 15 000 zł, Termin składania aplikacji",
      importDate: "2025-03-01",
      text: """
        Młodszy Analityk Danych
        Bałtyk Finanse S.A.
        Gdańsk, pomorskie
        umowa o pracę · pełny etat · praca hybrydowa
        od 12 000 do 15 000 zł brutto / mies.

        Twój zakres obowiązków:
        - przygotowywanie raportów w Power BI
        - współpraca z zespołem ryzyka

        Nasze wymagania:
        - min. 1 rok doświadczenia w analizie danych

        Termin składania aplikacji: 15 marca 2025
        Rozpoczęcie pracy: od 1 kwietnia 2025
        Okres próbny: 3 miesiące
        Oferta ważna do: 15.03.2025
        """,
      title: "Młodszy Analityk Danych", company: "Bałtyk Finanse S.A.", location: "Gdańsk",
      type: "fullTime", workplace: "hybrid", pay: "12000-15000 PLN month", posted: nil,
      deadlines: ["applicationCutoff 2025-03-15", "startDate 2025-04-01"], probation: "P3M"),

    RealisticAd(
      name: "Polish summer internship: od … do …, aplikuj do … r.",
      importDate: "2025-03-15",
      text: """
        Staż letni w dziale finansów 2025
        Wisłostal S.A. · Katowice
        Płatny staż · 3 miesiące · pełny etat

        Okres stażu: od 1 lipca do 30 września 2025
        Wynagrodzenie: 5 000 zł brutto miesięcznie
        Aplikuj do 30 kwietnia 2025 r. – rozmowy odbędą się w maju.
        """,
      title: "Staż letni w dziale finansów 2025", company: "Wisłostal S.A.",
      location: "Katowice", type: "internship", workplace: nil, pay: "5000-5000 PLN month",
      posted: nil,
      deadlines: ["applicationCutoff 2025-04-30", "startDate 2025-07-01",
                  "contractEnd 2025-09-30"]),
  ]
}
