"""Content of the demo site that ``manage.py load_demo`` builds, in Swedish and English.

Plain data only; the command turns it into pages, snippets and users.

Pages are listed parents first. Each has a ``key`` (used by links and by ``parent``), a
``type`` (see ``PAGE_TYPES`` in the command), ``fields`` shared by both languages and set on
the Swedish source (the English copy inherits them), ``themes`` (slugs of the Swedish Theme
snippets, kept by the English copy too), and one dict of texts per language. A page whose
``en`` is ``None`` is left untranslated on purpose.

Bodies are lists of small tuples that the command turns into StreamField data:

* ``("h2", text)``, ``("h3", text)``, ``("h4", text)``: a heading of that level;
* ``("p", html)``: a rich-text paragraph (Wagtail's stored HTML);
* ``("quote", text, attribution)``;
* ``("cta", {"title", "text", "link_text", "page"})``: a call to action whose ``page`` is the
  ``key`` of another demo page; it links to that page's translation in the same language.
"""

import datetime

SITE_URL = "http://127.0.0.1:8000/"
ADMIN_URL = "http://127.0.0.1:8000/admin/"

SITE_SETTINGS = {
    "contact_email": "info@heart.example",
    "accessibility_email": "tillganglighet@heart.example",
}

# Demo accounts. Passwords are set only when an account is created.
USERS = [
    {
        "username": "admin",
        "email": "admin@heart.example",
        "password": "heart-demo-admin",
        "full_name": "Alva Admin",
        "organisation_name": "HEART",
        "preferred_language": "sv",
        "is_staff": True,
        "is_superuser": True,
        "group": None,
        "role": "Administrator",
    },
    {
        "username": "editor",
        "email": "editor@heart.example",
        "password": "heart-demo-editor",
        "full_name": "Elias Redaktör",
        "organisation_name": "HEART",
        "preferred_language": "sv",
        "is_staff": True,
        "is_superuser": False,
        "group": "Editors",
        "role": "Editor",
    },
    {
        "username": "moderator",
        "email": "moderator@heart.example",
        "password": "heart-demo-moderator",
        "full_name": "Maja Moderator",
        "organisation_name": "HEART",
        "preferred_language": "sv",
        "is_staff": True,
        "is_superuser": False,
        "group": "Moderators",
        "role": "Moderator",
    },
    {
        "username": "translator",
        "email": "translator@heart.example",
        "password": "heart-demo-translator",
        "full_name": "Theo Translator",
        "organisation_name": "HEART",
        "preferred_language": "en",
        "is_staff": True,
        "is_superuser": False,
        "group": "Translators",
        "role": "Translator",
    },
    {
        "username": "participant",
        "email": "participant@heart.example",
        "password": "heart-demo-participant",
        "full_name": "Pia Deltagare",
        "organisation_name": "Exempelkommunen",
        "preferred_language": "sv",
        "is_staff": False,
        "is_superuser": False,
        "group": None,
        "role": "Participant",
    },
]

# Descriptions of the Theme snippets created by migration core/0002, by slug.
THEME_DESCRIPTIONS = {
    "equal-treatment": {
        "sv": "Att alla bemöts och behandlas med samma respekt och får samma möjligheter, oavsett "
        "vem de är. Grunden för programmets utbildningar.",
        "en": "Meeting and treating everyone with the same respect and giving them the same "
        "opportunities, whoever they are. The basis of the programme's training.",
    },
    "anti-discrimination": {
        "sv": "Hur diskriminering uppstår på en arbetsplats och vad arbetsgivare och kollegor kan "
        "göra för att förebygga och stoppa den.",
        "en": "How discrimination arises in a workplace, and what employers and colleagues can do "
        "to prevent and stop it.",
    },
    "sex": {
        "sv": "Diskrimineringsgrunden kön: att någon är kvinna eller man. Även den som tänker "
        "ändra eller har ändrat sin könstillhörighet skyddas.",
        "en": "The ground of sex: being a woman or a man. People who intend to change, or have "
        "changed, their legal gender are protected as well.",
    },
    "transgender-identity": {
        "sv": "Diskrimineringsgrunden könsöverskridande identitet eller uttryck: skydd för den som "
        "inte identifierar sig som kvinna eller man, eller som uttrycker ett annat kön.",
        "en": "The ground of transgender identity or expression: protection for people who do "
        "not identify as a woman or a man, or who express another gender.",
    },
    "ethnicity": {
        "sv": "Diskrimineringsgrunden etnisk tillhörighet: nationellt eller etniskt ursprung, "
        "hudfärg eller liknande förhållanden.",
        "en": "The ground of ethnic origin: national or ethnic origin, skin colour or similar circumstances.",
    },
    "religion-or-belief": {
        "sv": "Diskrimineringsgrunden religion eller annan trosuppfattning: religiösa och andra "
        "livsåskådningar, och att inte ha någon religion alls.",
        "en": "The ground of religion or other belief: religious and other worldviews, including "
        "having no religion at all.",
    },
    "disability": {
        "sv": "Diskrimineringsgrunden funktionsnedsättning. Bristande tillgänglighet räknas också "
        "som diskriminering.",
        "en": "The ground of disability. Inadequate accessibility also counts as discrimination.",
    },
    "sexual-orientation": {
        "sv": "Diskrimineringsgrunden sexuell läggning: homosexuell, bisexuell eller heterosexuell läggning.",
        "en": "The ground of sexual orientation: homosexual, bisexual or heterosexual orientation.",
    },
    "age": {
        "sv": "Diskrimineringsgrunden ålder. Skyddet gäller alla, unga som äldre.",
        "en": "The ground of age. It protects everyone, young and old.",
    },
    "csr": {
        "sv": "Företagens samhällsansvar: hur arbetsgivare frivilligt tar ansvar för människor, "
        "miljö och samhälle i sin verksamhet, och vad de vinner på det.",
        "en": "Corporate social responsibility: how employers voluntarily take responsibility for "
        "people, the environment and society in their business, and what they gain by it.",
    },
    "social-responsibility": {
        "sv": "Hur offentliga och privata arbetsgivare kan bidra till ett arbetsliv där fler får "
        "plats, till exempel genom praktik, mentorskap och inkluderande rekrytering.",
        "en": "How public and private employers can help more people into working life, for "
        "example through work placements, mentoring and inclusive recruitment.",
    },
    "accessibility": {
        "sv": "Lokaler, information och digitala verktyg som alla kan använda, oavsett funktionsförmåga.",
        "en": "Premises, information and digital tools that everyone can use, whatever their abilities.",
    },
    "gender-mainstreaming": {
        "sv": "Att jämställdhet vägs in i alla beslut och i det vardagliga arbetet, i stället för "
        "att hanteras som en sidofråga.",
        "en": "Building gender equality into every decision and into day-to-day work, instead of "
        "treating it as a side issue.",
    },
    "accessibility-mainstreaming": {
        "sv": "Att tillgänglighet finns med från början i planering, upphandling och "
        "kommunikation, inte läggs till i efterhand.",
        "en": "Making accessibility part of planning, procurement and communication from the "
        "start, rather than adding it afterwards.",
    },
}

THE_SEVEN_GROUNDS = [
    "sex",
    "transgender-identity",
    "ethnicity",
    "religion-or-belief",
    "disability",
    "sexual-orientation",
    "age",
]

PAGES = [
    # ------------------------------------------------------------------ home
    {
        "key": "home",
        "type": "home",
        "parent": None,
        "fields": {},
        "sv": {
            "slug": "hem",
            "title": "Kompetens för ett inkluderande arbetsliv",
            "intro": "HEART samlar sex kommuner i Stockholms län, statliga myndigheter, ideella "
            "organisationer och arbetsgivare. Tillsammans bygger vi kunskap om likabehandling, "
            "antidiskriminering, socialt ansvar och tillgänglighet, och använder den i det dagliga "
            "arbetet på våra arbetsplatser.",
            "body": [
                ("h2", "Det här gör vi"),
                (
                    "p",
                    "<p>Programmet består av tre delar som hänger ihop:</p>"
                    "<ul>"
                    "<li><b>Kompetensutveckling.</b> Utbildningsmoduler för medarbetare hos "
                    "partnerna och för arbetsgivare som vill ta ett större socialt ansvar.</li>"
                    "<li><b>Kartläggning.</b> Enkäter som visar vilka kunskaper som saknas, "
                    "organisation för organisation och tema för tema.</li>"
                    "<li><b>Nätverk.</b> Erfarenhetsutbyte mellan kommuner, myndigheter och "
                    "företag, och med städer och regioner i Sverige och övriga Europa.</li>"
                    "</ul>",
                ),
                ("h2", "Därför behövs det"),
                (
                    "p",
                    "<p>Många som står långt från arbetsmarknaden möter hinder som har mer med "
                    "arbetsplatsen att göra än med den egna kompetensen. När chefer, handläggare "
                    "och kollegor vet hur diskriminering uppstår och hur den kan förebyggas blir "
                    "det lättare att rekrytera brett och att behålla medarbetare. Det gynnar både "
                    "den enskilda personen och arbetsgivaren.</p>",
                ),
                (
                    "quote",
                    "Likabehandling är inget extra projekt vid sidan av det vanliga arbetet. Det är "
                    "ett sätt att göra det vanliga arbetet bättre.",
                    "HEART:s projektledning",
                ),
                (
                    "cta",
                    {
                        "title": "Läs mer om programmet",
                        "text": "Här beskriver vi målen, arbetssättet och hur din organisation kan vara med.",
                        "link_text": "Om programmet",
                        "page": "about",
                    },
                ),
            ],
        },
        "en": {
            "slug": "home",
            "title": "Skills for an inclusive working life",
            "intro": "HEART brings together six municipalities in Stockholm County, national "
            "agencies, non-profit organisations and employers. Together we build knowledge of "
            "equal treatment, anti-discrimination, social responsibility and accessibility, and "
            "put it to use in the everyday work of our own workplaces.",
            "body": [
                ("h2", "What we do"),
                (
                    "p",
                    "<p>The programme has three connected strands:</p>"
                    "<ul>"
                    "<li><b>Competence development.</b> Training modules for staff of the partner "
                    "organisations and for employers who want to take on more social "
                    "responsibility.</li>"
                    "<li><b>Needs mapping.</b> Questionnaires that show which knowledge is "
                    "missing, organisation by organisation and theme by theme.</li>"
                    "<li><b>Network.</b> Exchange of experience between municipalities, agencies "
                    "and companies, and with cities and regions in Sweden and the rest of "
                    "Europe.</li>"
                    "</ul>",
                ),
                ("h2", "Why it matters"),
                (
                    "p",
                    "<p>Many people who are far from the labour market face obstacles that have "
                    "more to do with the workplace than with their own skills. When managers, case "
                    "workers and colleagues understand how discrimination happens and how to "
                    "prevent it, it becomes easier to recruit widely and to keep staff. That "
                    "benefits both the individual and the employer.</p>",
                ),
                (
                    "quote",
                    "Equal treatment is not an extra project on the side of normal work. It is a "
                    "way of doing normal work better.",
                    "HEART project management",
                ),
                (
                    "cta",
                    {
                        "title": "Find out more about the programme",
                        "text": "Read about our goals, how we work and how your organisation can take part.",
                        "link_text": "About the programme",
                        "page": "about",
                    },
                ),
            ],
        },
    },
    # ------------------------------------------------------------------ about
    {
        "key": "about",
        "type": "standard",
        "parent": "home",
        "fields": {"show_in_menus": True},
        "sv": {
            "slug": "om-programmet",
            "title": "Om programmet",
            "intro": "HEART står för Health, Empowerment, Achievement, Responsibility och "
            "Training. Programmet ger medarbetare och arbetsgivare i Stockholmsregionen kunskap "
            "och verktyg för ett arbetsliv där alla får en rättvis chans.",
            "body": [
                ("h2", "Bakgrund"),
                (
                    "p",
                    "<p>Kommunerna och myndigheterna i HEART möter varje dag människor som vill och "
                    "kan arbeta men som har svårt att få fotfäste på arbetsmarknaden, till exempel "
                    "personer som varit arbetslösa länge eller som nyligen kommit till Sverige. "
                    "Partnerna vill samarbeta tätare och mer strukturerat med arbetsgivarna, och "
                    "det kräver en gemensam grund av kunskap om likabehandling och samhällsansvar."
                    "</p>",
                ),
                ("h2", "Programmets mål"),
                (
                    "p",
                    "<ul>"
                    "<li>Ge medarbetare hos partnerna och hos deltagande arbetsgivare en första "
                    "kompetensutveckling i likabehandling, antidiskriminering, socialt ansvar och "
                    "CSR samt tillgänglighet.</li>"
                    "<li>Kartlägga utbildningsbehoven i partnerorganisationerna och hos "
                    "arbetsgivarna, så att kommande utbildningar utgår från verkliga behov.</li>"
                    "<li>Göra en SWOT-analys av hur arbetet med jämställdhetsintegrering och "
                    "tillgänglighetsintegrering fungerar i dag.</li>"
                    "<li>Knyta kontakt med minst tre städer eller regioner i Sverige och Europa "
                    "som arbetar med samma frågor.</li>"
                    "<li>Sprida arbetssättet till fler städer, regioner och länder.</li>"
                    "</ul>",
                ),
                ("h2", "Vad deltagarna får med sig"),
                (
                    "p",
                    "<p>Efter utbildningen ska deltagarna</p>"
                    "<ul>"
                    "<li>känna till lagstiftningen och de viktigaste begreppen,</li>"
                    "<li>se hur frågorna kan drivas i den egna organisationen,</li>"
                    "<li>förstå vad en arbetsgivare vinner på ett aktivt arbete med "
                    "likabehandling och CSR,</li>"
                    "<li>ha konkreta verktyg som går att börja använda direkt.</li>"
                    "</ul>"
                    "<p>Eftersom medarbetare från offentlig sektor och från näringslivet går "
                    "samma utbildning får de också ett gemensamt språk för att samarbeta.</p>",
                ),
                ("h2", "Tillgänglighet som princip"),
                (
                    "p",
                    "<p>All information från programmet ska gå att ta del av oavsett "
                    "funktionsförmåga. Det gäller webbplatsen, utbildningsmaterialet och de "
                    "lokaler där vi träffas. Därför ingår lokalernas tillgänglighet i "
                    "kartläggningen.</p>",
                ),
                ("h2", "På två språk"),
                (
                    "p",
                    "<p>Svenska är programmets huvudspråk. Innehållet översätts till engelska så "
                    "att partner i andra länder kan följa arbetet och använda metoden.</p>",
                ),
                (
                    "cta",
                    {
                        "title": "Vilka är med?",
                        "text": "Se vilka kommuner, myndigheter och organisationer som driver HEART.",
                        "link_text": "Våra samarbetspartner",
                        "page": "partners",
                    },
                ),
            ],
        },
        "en": {
            "slug": "about",
            "title": "About the programme",
            "intro": "HEART stands for Health, Empowerment, Achievement, Responsibility and "
            "Training. The programme gives staff and employers in the Stockholm region the "
            "knowledge and tools for a working life in which everyone gets a fair chance.",
            "body": [
                ("h2", "Background"),
                (
                    "p",
                    "<p>Every day, the municipalities and agencies in HEART meet people who want to "
                    "work and are able to, but who struggle to get a foothold in the labour market: "
                    "for instance people who have been out of work for a long time or who have "
                    "recently arrived in Sweden. The partners want to work more closely and more "
                    "systematically with employers, and that needs a shared understanding of "
                    "equal treatment and social responsibility.</p>",
                ),
                ("h2", "Goals"),
                (
                    "p",
                    "<ul>"
                    "<li>Give staff of the partners and of participating employers a first round "
                    "of training in equal treatment, anti-discrimination, social responsibility "
                    "and CSR, and accessibility.</li>"
                    "<li>Map the training needs of the partner organisations and the employers, so "
                    "that future training is based on real needs.</li>"
                    "<li>Carry out a SWOT analysis of how gender mainstreaming and accessibility "
                    "mainstreaming work today.</li>"
                    "<li>Establish contact with at least three cities or regions in Sweden and "
                    "Europe that work on the same issues.</li>"
                    "<li>Spread the method to other cities, regions and countries.</li>"
                    "</ul>",
                ),
                ("h2", "What participants take away"),
                (
                    "p",
                    "<p>After the training, participants should</p>"
                    "<ul>"
                    "<li>know the legislation and the key concepts,</li>"
                    "<li>see how to take the issues forward in their own organisation,</li>"
                    "<li>understand what an employer gains from active work on equal treatment "
                    "and CSR,</li>"
                    "<li>have practical tools they can start using straight away.</li>"
                    "</ul>"
                    "<p>Because staff from the public sector and from business take the same "
                    "course, they also end up with a common language for working together.</p>",
                ),
                ("h2", "Accessibility as a principle"),
                (
                    "p",
                    "<p>Everything the programme publishes must be usable whatever a person's "
                    "abilities. That applies to this website, to the training material and to the "
                    "venues where we meet, which is why the accessibility of premises is part of "
                    "the needs mapping.</p>",
                ),
                ("h2", "In two languages"),
                (
                    "p",
                    "<p>Swedish is the programme's main language. Content is translated into "
                    "English so that partners in other countries can follow the work and use the "
                    "method.</p>",
                ),
                (
                    "cta",
                    {
                        "title": "Who is involved?",
                        "text": "See which municipalities, agencies and organisations run HEART.",
                        "link_text": "Our partners",
                        "page": "partners",
                    },
                ),
            ],
        },
    },
    # --------------------------------------------------------------- partners
    {
        "key": "partners",
        "type": "standard",
        "parent": "home",
        "fields": {"show_in_menus": True},
        "sv": {
            "slug": "samarbetspartner",
            "title": "Samarbetspartner",
            "intro": "HEART drivs av sex kommuner, två statliga myndigheter, ett bemanningsföretag "
            "och en ideell organisation i Stockholms län, tillsammans med CSR Sweden och "
            "kontakter i Italien och på Irland.",
            "body": [
                ("h2", "Kommuner"),
                (
                    "p",
                    "<ul>"
                    "<li>Järfälla kommun</li>"
                    "<li>Norrtälje kommun</li>"
                    "<li>Sollentuna kommun</li>"
                    "<li>Solna stad</li>"
                    "<li>Sundbybergs stad</li>"
                    "<li>Upplands Väsby kommun</li>"
                    "</ul>"
                    "<p>Från kommunerna deltar bland annat socialtjänst, äldreomsorg och "
                    "utbildningsförvaltning.</p>",
                ),
                ("h2", "Myndigheter"),
                (
                    "p",
                    "<ul>"
                    "<li><b>Arbetsförmedlingen</b> bidrar med kunskap om arbetsmarknaden och om "
                    "arbetssökande som behöver extra stöd.</li>"
                    "<li><b>Försäkringskassan</b> bidrar med erfarenhet av att stödja personer "
                    "som ska komma tillbaka till arbete efter sjukdom.</li>"
                    "</ul>",
                ),
                ("h2", "Arbetsliv och civilsamhälle"),
                (
                    "p",
                    "<ul>"
                    "<li><b>Ett bemanningsföretag</b> som ger arbetsgivarnas perspektiv på "
                    "rekrytering och matchning.</li>"
                    "<li><b>Röda Korset</b>, genom en lokal krets, med erfarenhet av att möta "
                    "nyanlända och personer i utsatta situationer.</li>"
                    "<li><b>CSR Sweden</b>, ett nätverk för företag som arbetar med "
                    "samhällsansvar, som bidrar med kunskap om CSR och kontakter med "
                    "näringslivet.</li>"
                    "</ul>",
                ),
                ("h2", "Internationella kontakter"),
                (
                    "p",
                    "<ul>"
                    "<li>Ett utbildningscenter i regionen Emilia-Romagna i Italien, drivet av en "
                    "ideell organisation, som utbildar grupper som riskerar att hamna utanför "
                    "arbetsmarknaden, bland dem invandrare.</li>"
                    "<li>En institution för statsvetenskap vid universitetet i Pisa, med "
                    "erfarenhet av migrationsfrågor och av samarbete med internationella "
                    "organisationer.</li>"
                    "<li>En italiensk HR-konsultfirma som arbetar med lika möjligheter och "
                    "migration.</li>"
                    "<li>Kontakter på Irland som arbetar med CSR, förmedlade av CSR Sweden.</li>"
                    "</ul>"
                    "<p>Flera av kommunernas vänorter har också visat intresse för att följa "
                    "arbetet. Kontakterna utomlands hjälper oss att jämföra arbetssätt och lägger "
                    "grunden till det nätverk av städer och regioner som programmet ska bygga.</p>",
                ),
                (
                    "cta",
                    {
                        "title": "Följ arbetet",
                        "text": "I nyheterna berättar vi om möten, seminarier och studiebesök.",
                        "link_text": "Läs nyheterna",
                        "page": "news",
                    },
                ),
            ],
        },
        "en": {
            "slug": "partners",
            "title": "Partners",
            "intro": "HEART is run by six municipalities, two national agencies, a staffing "
            "company and a non-profit organisation in Stockholm County, together with CSR Sweden "
            "and contacts in Italy and Ireland.",
            "body": [
                ("h2", "Municipalities"),
                (
                    "p",
                    "<ul>"
                    "<li>Järfälla Municipality</li>"
                    "<li>Norrtälje Municipality</li>"
                    "<li>Sollentuna Municipality</li>"
                    "<li>City of Solna</li>"
                    "<li>City of Sundbyberg</li>"
                    "<li>Upplands Väsby Municipality</li>"
                    "</ul>"
                    "<p>Social services, elderly care and education departments are among the "
                    "municipal services taking part.</p>",
                ),
                ("h2", "National agencies"),
                (
                    "p",
                    "<ul>"
                    "<li><b>Arbetsförmedlingen</b>, the Swedish Public Employment Service, brings "
                    "knowledge of the labour market and of jobseekers who need extra support.</li>"
                    "<li><b>Försäkringskassan</b>, the Swedish Social Insurance Agency, brings "
                    "experience of helping people return to work after illness.</li>"
                    "</ul>",
                ),
                ("h2", "Employers and civil society"),
                (
                    "p",
                    "<ul>"
                    "<li><b>A staffing company</b> that contributes the employer's view of "
                    "recruitment and matching.</li>"
                    "<li><b>The Red Cross</b>, through a local branch, with experience of "
                    "supporting newly arrived people and people in vulnerable situations.</li>"
                    "<li><b>CSR Sweden</b>, a network of companies working on social "
                    "responsibility, which contributes knowledge of CSR and contacts with "
                    "business.</li>"
                    "</ul>",
                ),
                ("h2", "International contacts"),
                (
                    "p",
                    "<ul>"
                    "<li>A training centre in the Emilia-Romagna region of Italy, run by a "
                    "non-profit organisation, which trains groups at risk of exclusion from the "
                    "labour market, migrants among them.</li>"
                    "<li>A department of political science at the University of Pisa, with "
                    "experience of migration issues and of working with international "
                    "organisations.</li>"
                    "<li>An Italian HR consultancy working on equal opportunities and "
                    "migration.</li>"
                    "<li>Contacts in Ireland working on CSR, introduced by CSR Sweden.</li>"
                    "</ul>"
                    "<p>Several of the municipalities' twin towns have also shown interest in "
                    "following the work. Our contacts abroad help us compare methods and lay the "
                    "foundations of the network of cities and regions the programme sets out to "
                    "build.</p>",
                ),
                (
                    "cta",
                    {
                        "title": "Follow our work",
                        "text": "Our news covers meetings, seminars and study visits.",
                        "link_text": "Read the news",
                        "page": "news",
                    },
                ),
            ],
        },
    },
    # ------------------------------------------------------ grounds of discrimination
    {
        "key": "grounds",
        "type": "standard",
        "parent": "home",
        "fields": {"show_in_menus": True},
        "sv": {
            "slug": "diskrimineringsgrunderna",
            "title": "Diskrimineringsgrunderna",
            "intro": "Diskrimineringslagen skyddar mot diskriminering som har samband med sju "
            "grunder. Här följer en kort sammanfattning som stöd i utbildningen. Den ersätter "
            "inte lagtexten.",
            "body": [
                (
                    "p",
                    "<p>Med diskriminering menas att någon missgynnas eller kränks och att det har "
                    "samband med någon av grunderna nedan. Lagen gäller bland annat i arbetslivet, "
                    "i utbildning och när offentligt anställda möter allmänheten. Arbetsgivare "
                    "ska dessutom arbeta förebyggande med så kallade aktiva åtgärder, för alla "
                    "sju grunderna.</p>",
                ),
                ("h2", "De sju grunderna"),
                ("h3", "Kön"),
                (
                    "p",
                    "<p>Att någon är kvinna eller man. Även den som tänker ändra eller har ändrat "
                    "sin könstillhörighet omfattas.</p>",
                ),
                ("h3", "Könsöverskridande identitet eller uttryck"),
                (
                    "p",
                    "<p>Skyddar den som inte identifierar sig som kvinna eller man, eller som "
                    "genom till exempel kläder eller sätt att vara uttrycker ett annat kön.</p>",
                ),
                ("h3", "Etnisk tillhörighet"),
                (
                    "p",
                    "<p>Nationellt eller etniskt ursprung, hudfärg eller liknande förhållanden. "
                    "Alla har en etnisk tillhörighet, och alla skyddas.</p>",
                ),
                ("h3", "Religion eller annan trosuppfattning"),
                (
                    "p",
                    "<p>Religiösa uppfattningar och andra livsåskådningar, liksom att inte ha "
                    "någon religion alls.</p>",
                ),
                ("h3", "Funktionsnedsättning"),
                (
                    "p",
                    "<p>Varaktiga fysiska, psykiska eller begåvningsmässiga begränsningar av "
                    "funktionsförmågan. Att en arbetsgivare inte gör skäliga anpassningar kan vara "
                    "diskriminering i form av bristande tillgänglighet.</p>",
                ),
                ("h3", "Sexuell läggning"),
                ("p", "<p>Homosexuell, bisexuell eller heterosexuell läggning.</p>"),
                ("h3", "Ålder"),
                (
                    "p",
                    "<p>Hur gammal någon är. Skyddet gäller alla åldrar, både unga och äldre.</p>",
                ),
                ("h2", "Sex former av diskriminering"),
                (
                    "p",
                    "<ul>"
                    "<li>Direkt diskriminering</li>"
                    "<li>Indirekt diskriminering</li>"
                    "<li>Bristande tillgänglighet</li>"
                    "<li>Trakasserier</li>"
                    "<li>Sexuella trakasserier</li>"
                    "<li>Instruktioner att diskriminera</li>"
                    "</ul>"
                    "<p>Mer om lagen och om hur man anmäler diskriminering finns hos "
                    '<a href="https://www.do.se/">Diskrimineringsombudsmannen (DO)</a>.</p>',
                ),
                (
                    "cta",
                    {
                        "title": "Grunderna i utbildningen",
                        "text": "Diskrimineringsgrunderna är ett av temana i HEART:s utbildningsmoduler.",
                        "link_text": "Läs om programmet",
                        "page": "about",
                    },
                ),
            ],
        },
        "en": {
            "slug": "grounds-of-discrimination",
            "title": "The grounds of discrimination",
            "intro": "The Swedish Discrimination Act protects against discrimination connected "
            "with seven grounds. This short summary supports the training; it does not replace "
            "the text of the law.",
            "body": [
                (
                    "p",
                    "<p>Discrimination means that someone is disadvantaged or their dignity is "
                    "violated, in a way connected with one of the grounds below. The Act applies "
                    "in working life, in education and when public employees deal with the public, "
                    "among other areas. Employers must also take preventive steps, known as active "
                    "measures, covering all seven grounds.</p>",
                ),
                ("h2", "The seven grounds"),
                ("h3", "Sex"),
                (
                    "p",
                    "<p>Being a woman or a man. People who intend to change, or have changed, "
                    "their legal gender are also covered.</p>",
                ),
                ("h3", "Transgender identity or expression"),
                (
                    "p",
                    "<p>Protects people who do not identify as a woman or a man, or who express "
                    "another gender, for example through clothing or behaviour.</p>",
                ),
                ("h3", "Ethnic origin"),
                (
                    "p",
                    "<p>National or ethnic origin, skin colour or similar circumstances. Everyone "
                    "has an ethnic origin, and everyone is protected.</p>",
                ),
                ("h3", "Religion or other belief"),
                (
                    "p",
                    "<p>Religious beliefs and other worldviews, as well as having no religion at all.</p>",
                ),
                ("h3", "Disability"),
                (
                    "p",
                    "<p>Lasting physical, mental or intellectual limitations of a person's "
                    "functional capacity. An employer who fails to make reasonable adjustments "
                    "may be discriminating through inadequate accessibility.</p>",
                ),
                ("h3", "Sexual orientation"),
                ("p", "<p>Homosexual, bisexual or heterosexual orientation.</p>"),
                ("h3", "Age"),
                ("p", "<p>How old someone is. The protection covers people of every age.</p>"),
                ("h2", "Six forms of discrimination"),
                (
                    "p",
                    "<ul>"
                    "<li>Direct discrimination</li>"
                    "<li>Indirect discrimination</li>"
                    "<li>Inadequate accessibility</li>"
                    "<li>Harassment</li>"
                    "<li>Sexual harassment</li>"
                    "<li>Instructions to discriminate</li>"
                    "</ul>"
                    '<p>The <a href="https://www.do.se/">Equality Ombudsman (DO)</a> explains '
                    "the Act in more detail and how to report discrimination.</p>",
                ),
                (
                    "cta",
                    {
                        "title": "The grounds in our training",
                        "text": "The grounds of discrimination are one of the themes of HEART's "
                        "training modules.",
                        "link_text": "About the programme",
                        "page": "about",
                    },
                ),
            ],
        },
    },
    # ---------------------------------------------------------------- news index
    {
        "key": "news",
        "type": "news_index",
        "parent": "home",
        "fields": {"show_in_menus": True},
        "sv": {
            "slug": "nyheter",
            "title": "Nyheter",
            "intro": "Aktuellt från HEART: möten, seminarier, nya utbildningar och arbetet med "
            "kartläggningen.",
        },
        "en": {
            "slug": "news",
            "title": "News",
            "intro": "Updates from HEART: meetings, seminars, new training and progress with "
            "the needs mapping.",
        },
    },
    # ------------------------------------------------------ accessibility statement
    {
        "key": "accessibility",
        "type": "accessibility",
        "parent": "home",
        "fields": {
            "show_in_menus": False,
            "compliance": "partial",
            "feedback_email": "tillganglighet@heart.example",
            "prepared_on": datetime.date(2026, 9, 15),
            "reviewed_on": datetime.date(2026, 11, 16),
        },
        "sv": {
            "slug": "tillganglighetsredogorelse",
            "title": "Tillgänglighetsredogörelse",
            "intro": "Vi vill att så många som möjligt ska kunna använda den här webbplatsen. "
            "Här beskriver vi hur den uppfyller lagen om tillgänglighet till digital offentlig "
            "service, vilka brister vi känner till och hur du når oss.",
            "body": [
                ("h2", "Så har vi granskat webbplatsen"),
                (
                    "p",
                    "<p>Vi har själva granskat webbplatsen mot WCAG 2.2 på nivå AA. Granskningen "
                    "gällde ett urval av sidor och omfattade navigering med tangentbord, "
                    "skärmläsare, förstoring och färgkontraster.</p>",
                ),
                ("h2", "Så arbetar vi med tillgänglighet"),
                (
                    "p",
                    "<p>Publiceringsverktyget är byggt så att redaktörerna måste ange "
                    "rubriknivåer, alternativtexter till bilder samt undertexter och en "
                    "textversion till filmer. Vi går igenom redogörelsen minst en gång om året "
                    "och när webbplatsen ändras på ett sätt som påverkar tillgängligheten.</p>",
                ),
            ],
            "known_issues": "<ul>"
            "<li>Vissa PDF-dokument från partnerorganisationerna saknar rubrikstruktur och kan "
            "vara svåra att läsa med skärmläsare. Hör av dig så skickar vi innehållet i ett annat "
            "format.</li>"
            "<li>Alla sidor finns ännu inte på engelska. När en översättning saknas visas den "
            "svenska sidan, med en upplysning om det.</li>"
            "<li>Några bifogade kalkylark har tabeller utan rubrikrader.</li>"
            "</ul>",
        },
        "en": {
            "slug": "accessibility-statement",
            "title": "Accessibility statement",
            "intro": "We want as many people as possible to be able to use this website. This "
            "statement explains how it meets the Swedish law on accessibility of digital public "
            "services, which problems we know about and how to reach us.",
            "body": [
                ("h2", "How we checked the website"),
                (
                    "p",
                    "<p>We reviewed the website ourselves against WCAG 2.2 level AA. The review "
                    "covered a sample of pages and included keyboard navigation, screen readers, "
                    "zoom and colour contrast.</p>",
                ),
                ("h2", "How we work on accessibility"),
                (
                    "p",
                    "<p>The publishing tool requires editors to set heading levels, to give "
                    "images alternative text and to give videos captions and a transcript. We "
                    "review this statement at least once a year, and whenever the website changes "
                    "in a way that affects accessibility.</p>",
                ),
            ],
            "known_issues": "<ul>"
            "<li>Some PDF documents from partner organisations have no heading structure and can "
            "be hard to read with a screen reader. Contact us and we will send the content in "
            "another format.</li>"
            "<li>Not every page is available in English yet. Where a translation is missing, the "
            "Swedish page is shown with a notice saying so.</li>"
            "<li>Some attached spreadsheets contain tables without header rows.</li>"
            "</ul>",
        },
    },
    # ---------------------------------------------------------------------- news
    {
        "key": "news-kick-off",
        "type": "news",
        "parent": "news",
        "fields": {"date": datetime.date(2026, 6, 4)},
        "themes": ["equal-treatment", "csr", "social-responsibility"],
        "sv": {
            "slug": "uppstartsmote-for-partnerna",
            "title": "Partnerna samlades till uppstartsmöte",
            "summary": "Företrädare för kommunerna, Arbetsförmedlingen, Försäkringskassan, "
            "Röda Korset, bemanningsföretaget och CSR Sweden träffades i Solna för att planera "
            "årets arbete och fördela ansvaret.",
            "tags": ["uppstart", "samverkan"],
            "body": [
                (
                    "p",
                    "<p>Mötet började med en genomgång av programmets mål. Sedan arbetade "
                    "deltagarna i grupper med tre frågor: Vilka kunskaper saknas i dag? Vilka "
                    "arbetsgivare vill vi nå? Hur ska vi se att arbetet gör skillnad?</p>",
                ),
                ("h2", "Nästa steg"),
                (
                    "p",
                    "<p>En arbetsgrupp tar fram en enkät om utbildningsbehov som skickas ut efter "
                    "sommaren. Varje partner utser också en kontaktperson för nätverket.</p>",
                ),
            ],
        },
        "en": {
            "slug": "partners-kick-off-meeting",
            "title": "Partners meet for the kick-off",
            "summary": "Representatives of the municipalities, the Public Employment Service, "
            "the Social Insurance Agency, the Red Cross, the staffing company and CSR Sweden met "
            "in Solna to plan the year's work and share out responsibilities.",
            "tags": ["kick-off", "partnership"],
            "body": [
                (
                    "p",
                    "<p>The meeting opened with a review of the programme's goals. Participants "
                    "then worked in groups on three questions: What knowledge is missing today? "
                    "Which employers do we want to reach? How will we know that the work makes a "
                    "difference?</p>",
                ),
                ("h2", "Next steps"),
                (
                    "p",
                    "<p>A working group is drafting a questionnaire on training needs, to be sent "
                    "out after the summer. Each partner is also naming a contact person for the "
                    "network.</p>",
                ),
            ],
        },
    },
    {
        "key": "news-needs-survey",
        "type": "news",
        "parent": "news",
        "fields": {"date": datetime.date(2026, 8, 25)},
        "themes": ["equal-treatment", "gender-mainstreaming", "accessibility-mainstreaming"],
        "sv": {
            "slug": "enkat-om-utbildningsbehov",
            "title": "Enkät om utbildningsbehov skickas till sex kommuner",
            "summary": "Nu kan medarbetare i Järfälla, Norrtälje, Sollentuna, Solna, Sundbyberg "
            "och Upplands Väsby berätta vad de behöver lära sig om likabehandling, CSR och "
            "tillgänglighet. Svaren blir underlag för kommande utbildningar.",
            "tags": ["kartläggning", "enkät"],
            "body": [
                (
                    "p",
                    "<p>Enkäten går att besvara på dator och mobil, och den fungerar med "
                    "skärmläsare. Frågorna rör programmets teman, från diskrimineringsgrunderna "
                    "till jämställdhets- och tillgänglighetsintegrering.</p>",
                ),
                ("h2", "Vad händer med svaren?"),
                (
                    "p",
                    "<p>Svaren sammanställs per organisation och per tema, utan att enskilda "
                    "personer går att identifiera. Resultatet används för att planera "
                    "utbildningarna och som underlag för en SWOT-analys av jämställdhets- och "
                    "tillgänglighetsintegreringen.</p>"
                    "<p>Enkäten skickas också till de arbetsgivare som deltar i programmet.</p>",
                ),
            ],
        },
        "en": {
            "slug": "needs-survey-launched",
            "title": "Needs survey sent to six municipalities",
            "summary": "Staff in Järfälla, Norrtälje, Sollentuna, Solna, Sundbyberg and Upplands "
            "Väsby can now tell us what they need to learn about equal treatment, CSR and "
            "accessibility. The answers will shape the training to come.",
            "tags": ["needs mapping", "survey"],
            "body": [
                (
                    "p",
                    "<p>The questionnaire can be answered on a computer or a phone, and it works "
                    "with screen readers. The questions cover the programme's themes, from the "
                    "grounds of discrimination to gender and accessibility mainstreaming.</p>",
                ),
                ("h2", "What happens to the answers?"),
                (
                    "p",
                    "<p>Answers are compiled by organisation and by theme, without any individual "
                    "being identifiable. The results will be used to plan the training and as "
                    "input to a SWOT analysis of gender and accessibility mainstreaming.</p>"
                    "<p>The questionnaire is also going to the employers taking part in the "
                    "programme.</p>",
                ),
            ],
        },
    },
    {
        "key": "news-accessible-recruitment",
        "type": "news",
        "parent": "news",
        "fields": {"date": datetime.date(2026, 9, 14)},
        "themes": ["accessibility", "disability", "equal-treatment"],
        "sv": {
            "slug": "seminarium-om-tillganglig-rekrytering",
            "title": "Seminarium om tillgänglig rekrytering",
            "summary": "Hur skriver man en platsannons som inte stänger ute någon i onödan, och "
            "hur anpassar man en intervju? Den 8 oktober bjuder HEART in rekryterare och chefer "
            "till ett halvdagsseminarium i Sundbyberg.",
            "tags": ["rekrytering", "seminarium"],
            "body": [
                (
                    "p",
                    "<p>Seminariet vänder sig till dig som rekryterar, som chef, i HR eller på ett "
                    "bemanningsföretag. Vi går igenom hur kravprofiler, annonser, tester och "
                    "intervjuer kan utformas så att sökande med funktionsnedsättning får samma "
                    "möjligheter som andra.</p>",
                ),
                ("h2", "Program"),
                (
                    "p",
                    "<ul>"
                    "<li>Vad säger diskrimineringslagen om rekrytering?</li>"
                    "<li>En arbetsgivare berättar om hur den har ändrat sin rekryteringsprocess.</li>"
                    "<li>Övning: granska och skriv om en platsannons.</li>"
                    "</ul>",
                ),
                ("h2", "Anmälan"),
                (
                    "p",
                    "<p>Anmäl dig till info@heart.example senast den 1 oktober. Lokalen är "
                    "tillgänglig med rullstol och har hörslinga. Skriv gärna i anmälan om du "
                    "behöver andra anpassningar.</p>",
                ),
            ],
        },
        "en": {
            "slug": "seminar-on-accessible-recruitment",
            "title": "Seminar on accessible recruitment",
            "summary": "How do you write a job advertisement that does not shut people out "
            "needlessly, and how do you adapt an interview? On 8 October HEART invites recruiters "
            "and managers to a half-day seminar in Sundbyberg.",
            "tags": ["recruitment", "seminar"],
            "body": [
                (
                    "p",
                    "<p>The seminar is for anyone who recruits, whether as a manager, in HR or at "
                    "a staffing company. We look at how job profiles, advertisements, tests and "
                    "interviews can be designed so that applicants with disabilities get the same "
                    "chances as everyone else.</p>",
                ),
                ("h2", "Programme"),
                (
                    "p",
                    "<ul>"
                    "<li>What does the Discrimination Act say about recruitment?</li>"
                    "<li>An employer describes how it changed its recruitment process.</li>"
                    "<li>Exercise: review and rewrite a job advertisement.</li>"
                    "</ul>",
                ),
                ("h2", "Registration"),
                (
                    "p",
                    "<p>Register by email to info@heart.example by 1 October. The venue is "
                    "wheelchair accessible and has a hearing loop. Let us know when you register "
                    "if you need any other adjustments.</p>",
                ),
            ],
        },
    },
    {
        "key": "news-csr-breakfast",
        "type": "news",
        "parent": "news",
        "fields": {"date": datetime.date(2026, 10, 6)},
        "themes": ["csr", "social-responsibility"],
        "sv": {
            "slug": "frukostseminarium-med-csr-sweden",
            "title": "Frukostseminarium med CSR Sweden",
            "summary": "Vad vinner ett företag på att ta socialt ansvar? Tillsammans med CSR "
            "Sweden bjuder HEART in arbetsgivare till ett frukostseminarium om samhällsansvar, "
            "inkludering och hur arbetet kan följas upp.",
            "tags": ["CSR", "arbetsgivare"],
            "body": [
                (
                    "p",
                    "<p>Kunder, medarbetare och ägare frågar allt oftare hur företag tar ansvar "
                    "för sin omgivning. På seminariet berättar CSR Sweden hur samhällsansvar kan "
                    "kopplas till den egna verksamheten i stället för att bli en sidoaktivitet. "
                    "Två arbetsgivare i nätverket delar med sig av sina erfarenheter av att ta "
                    "emot praktikanter och nyanställda som länge stått utanför "
                    "arbetsmarknaden.</p>",
                ),
                ("h2", "Praktisk information"),
                (
                    "p",
                    "<p>Seminariet hålls den 22 oktober klockan 8.00–9.30 i Solna, och frukost "
                    "serveras från klockan 7.30. Anmäl dig till info@heart.example.</p>",
                ),
            ],
        },
        "en": {
            "slug": "breakfast-seminar-with-csr-sweden",
            "title": "Breakfast seminar with CSR Sweden",
            "summary": "What does a company gain by taking social responsibility? Together with "
            "CSR Sweden, HEART invites employers to a breakfast seminar on corporate "
            "responsibility, inclusion and how to follow up the work.",
            "tags": ["CSR", "employers"],
            "body": [
                (
                    "p",
                    "<p>Customers, employees and owners increasingly ask how companies take "
                    "responsibility for the world around them. At the seminar, CSR Sweden "
                    "explains how social responsibility can be tied to a company's core business "
                    "instead of becoming a side activity. Two employers from the network share "
                    "their experience of taking on trainees and new recruits who had long been "
                    "outside the labour market.</p>",
                ),
                ("h2", "Practical information"),
                (
                    "p",
                    "<p>The seminar takes place on 22 October from 8.00 to 9.30 in Solna, with "
                    "breakfast served from 7.30. Register by email to info@heart.example. The "
                    "seminar is held in Swedish.</p>",
                ),
            ],
        },
    },
    {
        "key": "news-study-visit",
        "type": "news",
        "parent": "news",
        "fields": {"date": datetime.date(2026, 10, 27)},
        "themes": ["social-responsibility", "anti-discrimination", "ethnicity"],
        "sv": {
            "slug": "studiebesok-i-emilia-romagna",
            "title": "Studiebesök i Emilia-Romagna förbereds",
            "summary": "En mindre grupp från partnerna planerar att besöka ett utbildningscenter "
            "i Emilia-Romagna i Italien under våren 2027, för att se hur centret arbetar med "
            "grupper som står långt från arbetsmarknaden.",
            "tags": ["internationellt", "studiebesök"],
            "body": [
                (
                    "p",
                    "<p>Utbildningscentret drivs av en ideell organisation och har lång erfarenhet "
                    "av att utbilda och coacha personer som riskerar att hamna utanför, bland "
                    "andra nyanlända. Gruppen vill särskilt se hur centret samarbetar med "
                    "arbetsgivare och hur utbildningarna följs upp.</p>",
                ),
                ("h2", "Ett steg mot ett europeiskt nätverk"),
                (
                    "p",
                    "<p>Besöket är en del av arbetet med att knyta kontakt med minst tre städer "
                    "eller regioner i Sverige och Europa. Samtal förs också med en institution "
                    "vid universitetet i Pisa och med kontakter på Irland som arbetar med "
                    "CSR.</p>",
                ),
                (
                    "quote",
                    "Vi vill både lära av andra och visa hur vi själva arbetar. Utbytet ska gå "
                    "åt båda hållen.",
                    "Nätverkssamordnare i HEART",
                ),
            ],
        },
        "en": {
            "slug": "study-visit-to-emilia-romagna",
            "title": "Study visit to Emilia-Romagna in preparation",
            "summary": "A small group from the partners plans to visit a training centre in "
            "Emilia-Romagna, Italy, in spring 2027, to see how it works with people who are far "
            "from the labour market.",
            "tags": ["international", "study visit"],
            "body": [
                (
                    "p",
                    "<p>The training centre is run by a non-profit organisation and has long "
                    "experience of training and coaching people at risk of exclusion, including "
                    "newly arrived migrants. The group is particularly interested in how the "
                    "centre works with employers and how it follows up its courses.</p>",
                ),
                ("h2", "A step towards a European network"),
                (
                    "p",
                    "<p>The visit is part of the work to establish contact with at least three "
                    "cities or regions in Sweden and Europe. Talks are also under way with a "
                    "department at the University of Pisa and with contacts in Ireland who work on "
                    "CSR.</p>",
                ),
                (
                    "quote",
                    "We want to learn from others and to show how we work ourselves. The exchange "
                    "should go both ways.",
                    "HEART network coordinator",
                ),
            ],
        },
    },
    {
        # Deliberately left without an English translation: it demonstrates the language
        # switcher's "not translated yet" notice.
        "key": "news-training-module",
        "type": "news",
        "parent": "news",
        "fields": {"date": datetime.date(2026, 11, 19)},
        "themes": ["anti-discrimination", *THE_SEVEN_GROUNDS],
        "sv": {
            "slug": "ny-utbildningsmodul-om-diskrimineringsgrunderna",
            "title": "Ny utbildningsmodul om diskrimineringsgrunderna",
            "summary": "Den första utbildningsmodulen i HEART är klar. Den går igenom "
            "diskrimineringslagens sju grunder med exempel från arbetslivet och avslutas med ett "
            "kort kunskapstest.",
            "tags": ["utbildning", "diskrimineringsgrunder"],
            "body": [
                (
                    "p",
                    "<p>Modulen riktar sig till alla som arbetar hos partnerna och hos de "
                    "arbetsgivare som deltar. Den tar upp vad varje grund innebär, hur "
                    "diskriminering kan se ut i vardagen på en arbetsplats och vad arbetsgivaren "
                    "ska göra för att förebygga den.</p>",
                ),
                (
                    "p",
                    "<p>Modulen finns än så länge bara på svenska. En engelsk version är på gång.</p>",
                ),
                (
                    "cta",
                    {
                        "title": "Läs mer om grunderna",
                        "text": "En kort sammanfattning av de sju diskrimineringsgrunderna finns "
                        "också här på webbplatsen.",
                        "link_text": "Diskrimineringsgrunderna",
                        "page": "grounds",
                    },
                ),
            ],
        },
        "en": None,
    },
]
