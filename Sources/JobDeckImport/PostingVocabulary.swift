import JobDeckCore

/// Words that name employment types, workplaces, skills and places, in the languages the
/// importer reads. Kept apart from the extraction logic so they can grow without touching it.
enum PostingVocabulary {
  static let internship = TextPattern(
    #"\b(?:intern|interns|internships?|co-op|praktik(?:um|a|ant\w*)|pflichtpraktikum|stagiaire|(?:un|le|de|du|en|votre|offre de) stage|stage (?:de|d'|d’|en|conventionn\w*|pfe|fin d'études)|pr[áa]cticas|becari[oa]s?|stagiair\w*|stageplaats|staż\w*|praktyk\w*|placement year|industrial placement|summer analyst|INTERN)\b"#)
  static let internshipTitle = TextPattern(#"\bstage\b"#)
  /// "Senior iOS Developer (Contract, 6 months)", "Java Developer – Contract": in a title the
  /// bare word is enough when it stands apart ("Contract Manager" is a job, not a contract).
  static let contractTitle = TextPattern(
    #"(?:^|[(\[,|–—-]\s*)(?:contract|freelance|befristet)(?:\s*[)\],|–—-]|\s*$)"#)
  static let workingStudent = TextPattern(
    #"\b(?:werkstudent\w*|working student|studentische (?:hilfskraft|aushilfe|mitarbeit\w*)|HiWi|studentenbaan|student assistant|student job)\b"#)
  static let graduateProgramme = TextPattern(
    #"\b(?:graduate (?:programme|program|scheme|trainee\w*|rotational)|graduate(?:\s+[\w&]+){1,2}\s+(?:programme|program|scheme)|grad scheme|trainee\w*|rotational program\w*|volontariat|programa de graduados|young graduate|graduate development programme)\b"#)
  static let contract = TextPattern(
    #"\b(?:contractor|freelanc\w*|fixed[- ]term|temporary|befristet\w*|CDD|interim|intérim|freiberuflich\w*|zeitvertrag|tijdelijk\w*|umowa zlecenie|(?:umowa|kontrakt) B2B|B2B (?:contract|agreement|kontrakt)|contrato temporal|(?:inside|outside) IR35|IR35|day rate|tagessatz|CONTRACTOR|TEMPORARY|(?:contract|contracting) (?:role|position|basis|job)|\d+[- ]month contract)\b"#)
  static let partTime = TextPattern(
    #"\b(?:part[- ]time|teilzeit|temps partiel|mi-temps|media jornada|jornada parcial|tiempo parcial|deeltijd|parttime|niepełny (?:etat|wymiar)|pół etatu|PART_TIME)\b"#)
  static let fullTime = TextPattern(
    #"\b(?:full[- ]time|vollzeit|temps plein|temps complet|CDI|jornada completa|tiempo completo|voltijd|fulltime|pe[łl]ny etat|pe[łl]en etat|pełny wymiar|permanent|unbefristet\w*|indefinido|vast contract|FULL_TIME)\b"#)

  /// Titles no internship or graduate scheme carries.
  static let seniorTitle = TextPattern(
    #"\b(?:senior|sr\.?|lead|principal|staff|manager|head|director|experienced|leiter\w*|responsable|jefe|directeur|kierownik)\b"#)

  static let notRemote = TextPattern(
    #"\b(?:not remote|no remote|not a remote|fully on[- ]?site|télétravail (?:non (?:autorisé|possible)|impossible)|kein(?:e)? (?:homeoffice|remote)|pas de télétravail|sin teletrabajo|100\s?% (?:on[- ]site|vor ort|présentiel|presencial|in[- ]office))"#)
  static let hybrid = TextPattern(
    #"\b(?:hybrid(?!\s+(?:cloud|vehicles?|apps?|applications?|systems?|powertrains?|infrastructure|architectures?|environments?|IT|mobile|car|engines?|solutions?))\w*|hybride|h[ií]brid[oa]s?|hybryd\w*|teilweise remote|partly remote|partially remote|remote[- ]friendly|\w+ days? (?:a|per) week (?:in|from|at) (?:the |our )?office|(?:in|from) (?:the )?office \w+ days?|télétravail|home ?office|mobiles arbeiten|mobile work|\d tage? (?:homeoffice|remote))"#)
  static let fullyRemote = TextPattern(
    #"\b(?:fully remote|remote[- ]first|100\s?% remote|remote only|full remote|100\s?% télétravail|télétravail complet|full télétravail|100\s?% (?:zdalnie|remoto)|work from anywhere|TELECOMMUTE)"#)
  static let remote = TextPattern(
    #"\b(?:remote|work from home|WFH|teletrabajo|en remoto|remoto|thuiswerken|op afstand|zdaln\w*)\b"#)
  static let onSite = TextPattern(
    #"\b(?:on[- ]site|onsite|in[- ]office|office[- ]based|vor ort|präsenz\w*|sur site|présentiel|presencial|op locatie|op kantoor|stacjonarn\w*|in-person|(?:work )?location\s*:\s*in person)\b"#)

  /// Skills and technologies worth tagging, with the spelling the tag takes.
  static let skills: [(String, TextPattern)] = [
    ("Python", TextPattern(#"\bpython\b"#)),
    ("Java", TextPattern(#"\bJava\b(?!\s?Script)"#, caseSensitive: true)),
    ("JavaScript", TextPattern(#"\bjavascript\b|\bJS\b"#)),
    ("TypeScript", TextPattern(#"\btypescript\b"#)),
    ("SwiftUI", TextPattern(#"\bswiftui\b"#)),
    ("Swift", TextPattern(#"\bSwift\b(?!UI)"#, caseSensitive: true)),
    ("Kotlin", TextPattern(#"\bkotlin\b"#)),
    ("Go", TextPattern(#"\bgolang\b|\bGo\b(?=\s*(?:,|/|\)|and|or|und|developer|engineer))"#, caseSensitive: true)),
    ("Rust", TextPattern(#"\bRust\b"#, caseSensitive: true)),
    ("C++", TextPattern(#"(?<![\w+])C\+\+"#)),
    ("C#", TextPattern(#"(?<!\w)C#"#)),
    ("Ruby", TextPattern(#"\bruby\b"#)),
    ("Rails", TextPattern(#"\brails\b"#)),
    ("PHP", TextPattern(#"\bphp\b"#)),
    ("Scala", TextPattern(#"\bscala\b"#)),
    ("R", TextPattern(#"\bR\b(?=\s*(?:,|/|\)|and|or|und|Studio|programming))"#, caseSensitive: true)),
    ("MATLAB", TextPattern(#"\bmatlab\b"#)),
    ("SQL", TextPattern(#"\bsql\b"#)),
    ("PostgreSQL", TextPattern(#"\bpostgres(?:ql)?\b"#)),
    ("MySQL", TextPattern(#"\bmysql\b"#)),
    ("MongoDB", TextPattern(#"\bmongo(?:db)?\b"#)),
    ("Redis", TextPattern(#"\bredis\b"#)),
    ("Elasticsearch", TextPattern(#"\belasticsearch\b"#)),
    ("Kafka", TextPattern(#"\bkafka\b"#)),
    ("Spark", TextPattern(#"\b(?:apache )?spark\b|\bpyspark\b"#)),
    ("Airflow", TextPattern(#"\bairflow\b"#)),
    ("dbt", TextPattern(#"\bdbt\b"#)),
    ("Snowflake", TextPattern(#"\bSnowflake\b"#, caseSensitive: true)),
    ("BigQuery", TextPattern(#"\bbigquery\b"#)),
    ("Docker", TextPattern(#"\bdocker\b"#)),
    ("Kubernetes", TextPattern(#"\bkubernetes\b|\bk8s\b"#)),
    ("Terraform", TextPattern(#"\bterraform\b"#)),
    ("Ansible", TextPattern(#"\bansible\b"#)),
    ("AWS", TextPattern(#"\bAWS\b|\bAmazon Web Services\b"#)),
    ("Azure", TextPattern(#"\bazure\b"#)),
    ("GCP", TextPattern(#"\bGCP\b|\bGoogle Cloud\b"#)),
    ("Linux", TextPattern(#"\blinux\b"#)),
    ("Git", TextPattern(#"\bgit\b"#)),
    ("CI/CD", TextPattern(#"\bCI/CD\b|\bcontinuous integration\b"#)),
    ("React", TextPattern(#"\breact(?:\.js|js)?\b"#)),
    ("Angular", TextPattern(#"\bangular\b"#)),
    ("Vue", TextPattern(#"\bvue(?:\.js)?\b"#)),
    ("Node.js", TextPattern(#"\bnode(?:\.js|js)\b"#)),
    ("Django", TextPattern(#"\bdjango\b"#)),
    ("Flask", TextPattern(#"\bflask\b"#)),
    ("FastAPI", TextPattern(#"\bfastapi\b"#)),
    ("Spring", TextPattern(#"\bspring boot\b|\bSpring\b(?= (?:Boot|Framework))"#)),
    (".NET", TextPattern(#"(?<!\w)\.NET\b"#)),
    ("iOS", TextPattern(#"\bios\b"#)),
    ("Android", TextPattern(#"\bandroid\b"#)),
    ("TensorFlow", TextPattern(#"\btensorflow\b"#)),
    ("PyTorch", TextPattern(#"\bpytorch\b"#)),
    ("scikit-learn", TextPattern(#"\bscikit-learn\b|\bsklearn\b"#)),
    ("pandas", TextPattern(#"\bpandas\b"#)),
    ("NumPy", TextPattern(#"\bnumpy\b"#)),
    ("Machine Learning", TextPattern(#"\bmachine learning\b|\bML\b|\bmaschinelles lernen\b|\bapprentissage automatique\b|\baprendizaje automático\b"#)),
    ("Deep Learning", TextPattern(#"\bdeep learning\b"#)),
    ("NLP", TextPattern(#"\bNLP\b|\bnatural language processing\b"#)),
    ("Computer Vision", TextPattern(#"\bcomputer vision\b"#)),
    ("LLM", TextPattern(#"\bLLMs?\b|\blarge language models?\b"#)),
    ("Data Science", TextPattern(#"\bdata science\b"#)),
    ("Statistics", TextPattern(#"\bstatistics\b|\bstatistik\b|\bstatistiques\b|\bestadística\b"#)),
    ("Excel", TextPattern(#"\bexcel\b"#)),
    ("Tableau", TextPattern(#"\bTableau\b"#, caseSensitive: true)),
    ("Power BI", TextPattern(#"\bpower ?bi\b"#)),
    ("Figma", TextPattern(#"\bfigma\b"#)),
    ("GraphQL", TextPattern(#"\bgraphql\b"#)),
    ("REST", TextPattern(#"\bREST(?:ful)?\b"#, caseSensitive: true)),
    ("Microservices", TextPattern(#"\bmicroservices?\b"#)),
    ("Jenkins", TextPattern(#"\bjenkins\b"#)),
    ("GitHub Actions", TextPattern(#"\bgithub actions\b"#)),
    ("CUDA", TextPattern(#"\bCUDA\b"#)),
    ("Embedded", TextPattern(#"\bembedded\b|\beingebettete\b"#)),
    ("FPGA", TextPattern(#"\bfpga\b"#)),
    ("SAP", TextPattern(#"\bSAP\b"#, caseSensitive: true)),
    ("Salesforce", TextPattern(#"\bsalesforce\b"#)),
    ("Agile", TextPattern(#"\bagile\b|\bagil\b"#)),
    ("Scrum", TextPattern(#"\bscrum\b"#)),
  ]

  /// Cities and countries, for location lines and the day/month order cue.
  static let places = TextPattern(
    #"\b(?:Berlin|Munich|München|Hamburg|Frankfurt(?: am Main)?|Cologne|Köln|Stuttgart|Düsseldorf|Leipzig|Dresden|Hannover|Nuremberg|Nürnberg|Karlsruhe|Bonn|Vienna|Wien|Graz|Zurich|Zürich|Geneva|Genève|Basel|Bern|Lausanne|Zug|Paris|Lyon|Marseille|Toulouse|Lille|Bordeaux|Nantes|Nice|Grenoble|Sophia Antipolis|Madrid|Barcelona|Valencia|Sevilla|Seville|Bilbao|Málaga|Amsterdam|Rotterdam|Utrecht|The Hague|Den Haag|Eindhoven|Delft|Leiden|Groningen|Brussels|Bruxelles|Brussel|Antwerp|Antwerpen|Ghent|Gent|Leuven|Luxembourg|Warsaw|Warszawa|Kraków|Krakow|Wrocław|Wroclaw|Gdańsk|Gdansk|Poznań|Poznan|Łódź|Lodz|Katowice|London|Manchester|Edinburgh|Glasgow|Cambridge|Oxford|Bristol|Leeds|Birmingham|Belfast|Dublin|Cork|Lisbon|Lisboa|Porto|Milan|Milano|Rome|Roma|Turin|Torino|Stockholm|Gothenburg|Copenhagen|København|Oslo|Helsinki|Prague|Praha|Budapest|Bucharest|Athens|Tallinn|Riga|Vilnius|New York|San Francisco|Seattle|Boston|Austin|Chicago|Los Angeles|Denver|Atlanta|Miami|Washington|Toronto|Montreal|Montréal|Vancouver|Sydney|Melbourne|Singapore|Bangalore|Bengaluru|Hyderabad|Tokyo|Mexico City|Ciudad de México|Buenos Aires|São Paulo|Germany|Deutschland|France|Spain|España|Netherlands|Nederland|Poland|Polska|United Kingdom|UK|Ireland|Austria|Österreich|Switzerland|Schweiz|Suisse|Belgium|Belgique|België|Italy|Italia|Portugal|Sweden|Denmark|Norway|Finland|United States|USA|Canada|India|Australia|Mexico|México)\b"#)
}
