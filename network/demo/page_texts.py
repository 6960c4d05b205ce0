"""The demo's public pages in Swedish and English. ``key`` names a page for the builder; ``shared``
fields are copied to the translation, ``sv``/``en`` hold the wording."""

from ..models import EventIndexPage, EventPage, PartnerDirectoryPage, PracticeLibraryPage, PracticePage

# Not "Partner"/"Partners": the core demo's page about the programme's partners has those.
DIRECTORY = {
    "model": PartnerDirectoryPage,
    "sv": {
        "title": "Partnerkatalog",
        "slug": "partnerkatalog",
        "intro": "Kommuner, myndigheter, företag och organisationer i Sverige och Europa som arbetar "
        "med oss för likabehandling och inkludering.",
    },
    "en": {
        "title": "Partner directory",
        "slug": "partner-directory",
        "intro": "Municipalities, agencies, companies and organisations in Sweden and Europe working "
        "with us on equal treatment and inclusion.",
    },
}

EVENT_INDEX = {
    "model": EventIndexPage,
    "sv": {
        "title": "Evenemang",
        "slug": "evenemang",
        "intro": "Seminarier, utbildningar och studiebesök i nätverket. Anmäl dig här.",
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": "Seminars, training and study visits in the network. Register here.",
    },
}

PRACTICE_LIBRARY = {
    "model": PracticeLibraryPage,
    "sv": {
        "title": "Goda exempel",
        "slug": "goda-exempel",
        "intro": "Metoder som partnerna har prövat, beskrivna så att andra kan använda dem.",
    },
    "en": {
        "title": "Good practice",
        "slug": "good-practice",
        "intro": "Methods the partners have tried, described so that others can use them.",
    },
}

EVENTS = [
    {
        "key": "seminar",
        "model": EventPage,
        # Days from the first load and length in hours; the times are local to ``time_zone``.
        "starts_in_days": 21,
        "start_hour": 9,
        "hours": 4,
        "shared": {
            "kind": EventPage.Kind.SEMINAR,
            "time_zone": "Europe/Stockholm",
            "capacity": 40,
            "organiser": "jarfalla-kommun",
            "themes": ["equal-treatment", "accessibility"],
        },
        "sv": {
            "title": "Seminarium: likabehandling i rekryteringen",
            "slug": "seminarium-likabehandling-rekrytering",
            "summary": "Arbetsgivare och kommuner delar erfarenheter av att rekrytera brett och "
            "utan diskriminering.",
            "venue": "Järfälla kommunhus, sal Görväln",
            "address": "Vasaplatsen 11, 177 80 Järfälla",
            "accessibility": "Entrén och salen nås utan trappsteg; hiss finns till alla våningar.\n"
            "Salen har hörslinga och det finns ett tillgängligt toalettrum på samma plan.\n"
            "Ett tyst rum finns att tillgå under dagen.\n"
            "Skrivtolk eller teckenspråkstolk: meddela oss senast två veckor före seminariet.",
            "body": "<h2>Program</h2><ul><li>09.00 Välkommen och kaffe</li>"
            "<li>09.30 Diskrimineringslagen i rekryteringen</li>"
            "<li>10.30 Erfarenheter från ett bemanningsföretag</li>"
            "<li>11.30 Samtal i grupper och avslutning</li></ul>",
        },
        "en": {
            "title": "Seminar: equal treatment in recruitment",
            "slug": "seminar-equal-treatment-recruitment",
            "summary": "Employers and municipalities share experience of recruiting widely and "
            "without discrimination.",
            "venue": "Järfälla town hall, Görväln room",
            "address": "Vasaplatsen 11, 177 80 Järfälla, Sweden",
            "accessibility": "The entrance and the room are step-free; a lift serves every floor.\n"
            "The room has a hearing loop and there is an accessible toilet on the same floor.\n"
            "A quiet room is available during the day.\n"
            "Speech-to-text or sign language interpreting: tell us at least two weeks before the seminar.",
            "body": "<h2>Programme</h2><ul><li>09:00 Welcome and coffee</li>"
            "<li>09:30 The Discrimination Act in recruitment</li>"
            "<li>10:30 Experience from a staffing company</li>"
            "<li>11:30 Group discussions and close</li></ul>",
        },
    },
    {
        "key": "study_visit",
        "model": EventPage,
        "starts_in_days": 60,
        "start_hour": 9,
        "hours": 32,
        "shared": {
            "kind": EventPage.Kind.STUDY_VISIT,
            "time_zone": "Europe/Rome",
            "capacity": 12,
            "organiser": "enaip-emilia-romagna",
            "themes": ["social-responsibility"],
        },
        "sv": {
            "title": "Studiebesök i Emilia-Romagna",
            "slug": "studiebesok-emilia-romagna",
            "summary": "Två dagar hos ett utbildningscenter i Bologna som utbildar nyanlända och "
            "andra som står långt från arbetsmarknaden.",
            "venue": "EnAIP:s utbildningscenter",
            "address": "Bologna, Italien",
            "accessibility": "Lokalerna har entré utan trappsteg och hiss. Programmet hålls på "
            "engelska med sammanfattningar på svenska.\n"
            "Resan ordnas gemensamt; berätta om behov av assistans vid anmälan.",
            "body": "<p>Dag ett: centrets metoder för praktik med handledare. Dag två: besök hos "
            "två arbetsgivare och ett gemensamt samtal om fortsatt samarbete.</p>",
        },
        "en": {
            "title": "Study visit to Emilia-Romagna",
            "slug": "study-visit-emilia-romagna",
            "summary": "Two days at a training centre in Bologna that trains newly arrived migrants "
            "and others far from the labour market.",
            "venue": "EnAIP training centre",
            "address": "Bologna, Italy",
            "accessibility": "The premises have a step-free entrance and a lift. The programme is in "
            "English with summaries in Swedish.\n"
            "Travel is arranged together; tell us about any need for assistance when you register.",
            "body": "<p>Day one: the centre's methods for supervised work placements. Day two: visits "
            "to two employers and a shared discussion about further collaboration.</p>",
        },
    },
]

PRACTICES = [
    {
        "key": "mentoring",
        "model": PracticePage,
        "shared": {
            "organisation": "roda-korset-bergshamra",
            "themes": ["ethnicity", "social-responsibility"],
            "contact_name": "Lina Holm",
            "contact_email": "lina.holm@rodakorset.example",
        },
        "sv": {
            "title": "Mentorskap för nyanlända arbetssökande",
            "slug": "mentorskap-nyanlanda",
            "summary": "Frivilliga mentorer med yrkeserfarenhet möter en arbetssökande varannan vecka "
            "under ett halvår.",
            "description": "<p>Varje arbetssökande matchas med en mentor från samma bransch. De "
            "träffas varannan vecka och går igenom ansökningar, nätverk och språket på arbetsplatsen.</p>",
            "what_worked": "<p>Tydliga mål för varje träff och en samordnare som följer upp paren.</p>",
            "lessons_learned": "<p>Vi skulle ha involverat arbetsgivarna tidigare.</p>",
        },
        "en": {
            "title": "Mentoring for newly arrived job seekers",
            "slug": "mentoring-newly-arrived",
            "summary": "Volunteer mentors with work experience meet a job seeker every other week for "
            "six months.",
            "description": "<p>Each job seeker is matched with a mentor from the same trade. They meet "
            "every other week and work on applications, networks and the language of the workplace.</p>",
            "what_worked": "<p>Clear goals for every meeting and a coordinator who follows up the pairs.</p>",
            "lessons_learned": "<p>We should have involved the employers earlier.</p>",
        },
    },
    {
        "key": "anonymous_cvs",
        "model": PracticePage,
        "shared": {
            "organisation": "bemanningsforetaget",
            "themes": ["equal-treatment", "anti-discrimination"],
            "contact_name": "Omar Said",
            "contact_email": "omar.said@bemanning.example",
        },
        "sv": {
            "title": "Kompetensbaserad rekrytering utan namn på ansökan",
            "slug": "kompetensbaserad-rekrytering",
            "summary": "Ansökningar bedöms mot en kravprofil innan rekryteraren ser namn, ålder och "
            "bakgrund.",
            "description": "<p>Kravprofilen skrivs före annonsen. Systemet döljer namn, ålder och "
            "foto tills urvalet till intervju är gjort.</p>",
            "what_worked": "<p>Fler kandidater med utländsk bakgrund kallades till intervju, och "
            "kunderna uppskattade de tydliga kravprofilerna.</p>",
            "lessons_learned": "",
        },
        "en": {
            "title": "Competence-based recruitment without names on applications",
            "slug": "competence-based-recruitment",
            "summary": "Applications are assessed against a requirement profile before the recruiter "
            "sees name, age and background.",
            "description": "<p>The requirement profile is written before the advertisement. The system "
            "hides name, age and photo until the shortlist for interviews is made.</p>",
            "what_worked": "<p>More candidates with a foreign background were invited to interviews, "
            "and clients valued the clear requirement profiles.</p>",
            "lessons_learned": "",
        },
    },
]
