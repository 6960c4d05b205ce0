"""Module 4: inclusive recruitment and onboarding of newly arrived people."""

from ..spec import (
    T,
    case_study,
    heading,
    key_points,
    matching,
    multiple_choice,
    option,
    ordering,
    paragraph,
    reflection,
    short_answer,
    single_choice,
    true_false,
)
from .common import SCORE_BANDS

LESSON_BEFORE = {
    "slug": T("krav-och-annons", "requirements-and-advertisement"),
    "title": T(
        "Innan du rekryterar: krav och annons", "Before you recruit: requirements and the advertisement"
    ),
    "summary": T(
        "Hur en kravprofil och en annons öppnar dörren för fler sökande, och hur utländsk utbildning och "
        "erfarenhet kan bedömas.",
        "How a requirement profile and an advertisement open the door to more applicants, and how foreign "
        "education and experience can be assessed.",
    ),
    "estimated_minutes": 15,
    "body": [
        paragraph(
            T(
                "<p>Personer som nyligen har kommit till Sverige har ofta utbildning och erfarenhet som "
                "arbetsgivare behöver. Ändå sorteras många bort tidigt: av krav som arbetet inte behöver, "
                "av annonser på krånglig svenska, av rekrytering via kontakter och av osäkerhet om vad en "
                "utländsk utbildning är värd.</p>",
                "<p>People who have recently arrived in Sweden often have education and experience that "
                "employers need. Yet many are screened out early: by requirements the job does not need, by "
                "advertisements in convoluted Swedish, by recruitment through personal contacts and by "
                "uncertainty about what a foreign qualification is worth.</p>",
            )
        ),
        heading(T("Kravprofilen", "The requirement profile")),
        paragraph(
            T(
                "<p>Börja med arbetsuppgifterna. Skilj på krav som måste vara uppfyllda från dag ett och "
                "sådant som är meriterande eller kan läras in på jobbet. Ange språkkrav utifrån vad arbetet "
                "faktiskt kräver, till exempel ”kan läsa och följa skriftliga säkerhetsinstruktioner” i "
                "stället för ”flytande svenska i tal och skrift”.</p>",
                "<p>Start with the tasks. Separate the requirements that must be met from day one from what "
                "is an advantage or can be learned on the job. State language requirements by what the work "
                "actually needs, for example “can read and follow written safety instructions” instead of "
                "“fluent spoken and written Swedish”.</p>",
            )
        ),
        heading(T("Annonsen", "The advertisement")),
        paragraph(
            T(
                "<ul>"
                "<li>Skriv enkelt och beskriv konkret vad jobbet går ut på.</li>"
                "<li>Skriv att ni välkomnar sökande med olika bakgrund – och mena det.</li>"
                "<li>Annonsera brett: i Arbetsförmedlingens Platsbanken, via föreningar, "
                "etableringsaktörer och sfi-utbildningar.</li>"
                "</ul>",
                "<ul>"
                "<li>Write simply and describe concretely what the job involves.</li>"
                "<li>Say that you welcome applicants of all backgrounds – and mean it.</li>"
                "<li>Advertise widely: on the Public Employment Service's job board Platsbanken, through "
                "associations, integration programmes and Swedish for immigrants (SFI) courses.</li>"
                "</ul>",
            )
        ),
        heading(T("Utländsk utbildning och erfarenhet", "Foreign education and experience")),
        paragraph(
            T(
                "<p>Universitets- och högskolerådet (UHR) kan bedöma en utländsk utbildning och jämföra "
                "den med svensk. Vissa yrken, till exempel inom vården, kräver svensk legitimation. För "
                "yrkeskunnande finns branschvalidering. Fråga Arbetsförmedlingen vilka stöd som gäller vid "
                "anställning just nu, eftersom reglerna ändras.</p>",
                "<p>The Swedish Council for Higher Education (UHR) can assess a foreign qualification and "
                "compare it with Swedish ones. Some professions, in health care for example, require a "
                "Swedish licence. For vocational skills there is validation run by the industries "
                "themselves. Ask the Public Employment Service which hiring support applies at the moment, "
                "since the rules change.</p>",
            )
        ),
        key_points(
            T("Att ta med dig", "To take with you"),
            [
                T("Ställ bara de krav som arbetet behöver.", "Set only the requirements the job needs."),
                T(
                    "Formulera språkkrav utifrån arbetsuppgifterna.",
                    "Word language requirements from the tasks.",
                ),
                T(
                    "Utländsk utbildning kan bedömas – fråga hellre än att gissa.",
                    "Foreign education can be assessed – ask rather than guess.",
                ),
            ],
        ),
    ],
}

LESSON_SELECTION = {
    "slug": T("urval-och-intervju", "selection-and-interview"),
    "title": T("Urval och intervju på lika villkor", "Fair selection and interviews"),
    "summary": T(
        "Kompetensbaserat urval, strukturerade intervjuer och arbetsprov som visar vad de sökande kan, "
        "snarare än hur väl de passar in.",
        "Competency-based selection, structured interviews and work samples that show what applicants can "
        "do, rather than how well they fit in.",
    ),
    "estimated_minutes": 20,
    "body": [
        paragraph(
            T(
                "<p>I en <b>kompetensbaserad rekrytering</b> bestäms kriterierna innan ansökningarna "
                "läses, och alla sökande bedöms mot samma kriterier. Det gör urvalet tydligare och minskar "
                "risken att omedvetna föreställningar styr.</p>",
                "<p>In <b>competency-based recruitment</b> the criteria are decided before the applications "
                "are read, and every applicant is assessed against the same criteria. That makes the "
                "selection clearer and reduces the risk of unconscious assumptions steering it.</p>",
            )
        ),
        heading(T("Intervjun", "The interview")),
        paragraph(
            T(
                "<ul>"
                "<li>Ställ samma frågor till alla, i samma ordning.</li>"
                "<li>Var minst två som intervjuar, och bedöm var för sig innan ni jämför.</li>"
                "<li>Låt ett arbetsprov visa kunskaper som är svåra att beskriva med ord på ett nytt "
                "språk.</li>"
                "<li>Fråga inte om familjeplaner, religion eller hälsa som inte har med arbetet att "
                "göra.</li>"
                "</ul>",
                "<ul>"
                "<li>Ask everyone the same questions, in the same order.</li>"
                "<li>Have at least two interviewers, and score separately before comparing.</li>"
                "<li>Let a work sample show skills that are hard to describe in a new language.</li>"
                "<li>Do not ask about family plans, religion or health unrelated to the work.</li>"
                "</ul>",
            )
        ),
        heading(T("Magkänslan", "Gut feeling")),
        paragraph(
            T(
                "<p>”Kemi” och ”att passa in” låter oskyldigt, men betyder ofta att den som liknar "
                "rekryteraren föredras. Fråga er vad ni egentligen menar, och om det går att bedöma på ett "
                "sätt som gäller alla sökande lika.</p>",
                "<p>“Chemistry” and “fitting in” sound harmless, but often mean that people who resemble the "
                "recruiter are preferred. Ask yourselves what you really mean, and whether it can be "
                "assessed in a way that applies equally to every applicant.</p>",
            )
        ),
        case_study(
            T("Två sökande till fastighetsskötare", "Two applicants for a caretaker job"),
            T(
                "<p>En kommunal fastighetsförvaltning ska anställa en fastighetsskötare. Mahmoud är "
                "maskiningenjör med tio års erfarenhet av underhåll och läser svenska på sfi. Jonas har "
                "arbetat två år på ett lager och känner redan flera i arbetslaget. Teamledaren vill välja "
                "Jonas, som ”passar in bättre”.</p>",
                "<p>A municipal property department is hiring a caretaker. Mahmoud is a mechanical engineer "
                "with ten years of maintenance experience and is studying Swedish at SFI. Jonas has worked "
                "at a warehouse for two years and already knows several people in the team. The team leader "
                "wants to choose Jonas, who “fits in better”.</p>",
            ),
            [
                T("Vad kräver arbetet egentligen?", "What does the job actually require?"),
                T(
                    "Hur skulle ett arbetsprov kunna hjälpa urvalet?",
                    "How could a work sample help the selection?",
                ),
                T(
                    "Vilken risk finns i argumentet ”passar in”?",
                    "What is the risk in the “fits in” argument?",
                ),
            ],
        ),
        reflection(
            T(
                "Tänk på den senaste rekryteringen du var med om. Vilket krav eller vilken fråga skulle du "
                "ändra i dag?",
                "Think of the last recruitment you took part in. Which requirement or question would you "
                "change today?",
            ),
            T("", ""),
        ),
    ],
}

LESSON_ONBOARDING = {
    "slug": T("introduktion-som-haller", "onboarding-that-lasts"),
    "title": T("Introduktion som håller", "Onboarding that lasts"),
    "summary": T(
        "De första månaderna avgör ofta om en ny medarbetare stannar. Så planerar ni en introduktion "
        "som fungerar också för den som är ny i Sverige.",
        "The first months often decide whether a new employee stays. How to plan an onboarding that also "
        "works for someone who is new to Sweden.",
    ),
    "estimated_minutes": 15,
    "body": [
        paragraph(
            T(
                "<p>Arbetsmiljöreglerna kräver att nya medarbetare får en introduktion. En bra introduktion "
                "planeras innan den nya medarbetaren börjar och pågår i flera månader, inte bara första "
                "dagen.</p>",
                "<p>Work environment rules require new employees to be given an introduction. A good "
                "onboarding is planned before the new employee starts and lasts for several months, not "
                "just the first day.</p>",
            )
        ),
        heading(T("Före första dagen", "Before the first day")),
        paragraph(
            T(
                "<ul>"
                "<li>Ordna arbetsplats, verktyg och inloggningar.</li>"
                "<li>Utse en fadder och gör ett schema för de första veckorna.</li>"
                "<li>Ta fram skriftliga instruktioner på enkel svenska, gärna med bilder.</li>"
                "</ul>",
                "<ul>"
                "<li>Have the workspace, tools and log-ins ready.</li>"
                "<li>Appoint a buddy and draw up a schedule for the first weeks.</li>"
                "<li>Prepare written instructions in simple Swedish, preferably with pictures.</li>"
                "</ul>",
            )
        ),
        heading(T("De första månaderna", "The first months")),
        paragraph(
            T(
                "<ul>"
                "<li>Förklara de oskrivna reglerna: fikat, hur man sjukanmäler sig, vem som bestämmer "
                "vad.</li>"
                "<li>Stöd språket i vardagen, till exempel med ett språkombud eller yrkessvenska.</li>"
                "<li>Ha uppföljningssamtal efter en vecka, en månad och tre månader.</li>"
                "<li>Förbered arbetslaget, och gör inte den nya medarbetaren till talesperson för en hel "
                "grupp.</li>"
                "</ul>",
                "<ul>"
                "<li>Explain the unwritten rules: coffee breaks, how to call in sick, who decides what.</li>"
                "<li>Support language in daily work, for example with a language mentor or vocational "
                "Swedish.</li>"
                "<li>Hold follow-up talks after one week, one month and three months.</li>"
                "<li>Prepare the team, and do not make the new employee the spokesperson for a whole "
                "group.</li>"
                "</ul>",
            )
        ),
        key_points(
            T("Att ta med dig", "To take with you"),
            [
                T("Planera introduktionen innan första dagen.", "Plan the onboarding before the first day."),
                T(
                    "En fadder svarar på det som inte står i någon instruktion.",
                    "A buddy answers what no instruction covers.",
                ),
                T(
                    "Följ upp tidigt, så att det som inte fungerar fångas i tid.",
                    "Follow up early, so that what is not working is caught in time.",
                ),
            ],
        ),
        reflection(
            T(
                "Vad hade du själv behövt veta under din första vecka på din nuvarande arbetsplats?",
                "What would you have needed to know during your own first week at your current workplace?",
            ),
            T(
                "Jämför med den introduktion som nya medarbetare får i dag.",
                "Compare it with the onboarding new employees get today.",
            ),
        ),
    ],
}

QUIZ = [
    single_choice(
        T(
            "En annons för lokalvårdare kräver ”flytande svenska i tal och skrift”. Vad bör rekryteraren "
            "göra först?",
            "An advertisement for a cleaner requires “fluent spoken and written Swedish”. What should the "
            "recruiter do first?",
        ),
        [
            option(
                T(
                    "Ta reda på vilken språknivå arbetet kräver och skriva det konkret",
                    "Find out what level of language the work requires and state it concretely",
                ),
                True,
                T(
                    "Ja, kravet ska utgå från arbetsuppgifterna.",
                    "Yes, the requirement should follow from the tasks.",
                ),
            ),
            option(
                T(
                    "Behålla kravet – det är bäst att kräva mycket",
                    "Keep the requirement – it is best to ask for a lot",
                ),
                False,
                T(
                    "Överdrivna krav sållar bort kompetenta sökande och kan vara indirekt diskriminerande.",
                    "Excessive requirements screen out competent applicants and can be indirect "
                    "discrimination.",
                ),
            ),
            option(
                T("Ta bort alla språkkrav", "Remove every language requirement"),
                False,
                T(
                    "Krav som arbetet verkligen behöver, till exempel för säkerheten, får finnas kvar.",
                    "Requirements the work really needs, for safety for example, may stay.",
                ),
            ),
        ],
        (T("Rätt.", "Correct."), T("Inte rätt.", "Not right."), T("", "")),
    ),
    multiple_choice(
        T(
            "Vad gör en intervju mer rättvis? Välj alla som stämmer.",
            "What makes an interview fairer? Choose all that apply.",
        ),
        [
            option(
                T("Samma frågor till alla sökande", "The same questions for every applicant"),
                True,
                T("Ja.", "Yes."),
            ),
            option(
                T("Bedömningskriterier som bestäms i förväg", "Assessment criteria decided in advance"),
                True,
                T("Ja.", "Yes."),
            ),
            option(
                T(
                    "Minst två intervjuare som bedömer var för sig",
                    "At least two interviewers who score separately",
                ),
                True,
                T("Ja.", "Yes."),
            ),
            option(
                T("Frågor om familjeplaner", "Questions about family plans"),
                False,
                T(
                    "Familjeplaner har inte med arbetet att göra, och frågan kan leda till diskriminering.",
                    "Family plans have nothing to do with the work, and the question can lead to "
                    "discrimination.",
                ),
            ),
            option(
                T("Att i första hand lita på magkänslan", "Relying mainly on gut feeling"),
                False,
                T(
                    "Magkänslan gynnar ofta den som liknar rekryteraren.",
                    "Gut feeling often favours people who resemble the recruiter.",
                ),
            ),
        ],
        (T("Rätt.", "Correct."), T("Några val var fel.", "Some choices were wrong."), T("", "")),
        points=3,
    ),
    true_false(
        T(
            "Universitets- och högskolerådet (UHR) kan bedöma en utländsk utbildning och jämföra den med "
            "svensk.",
            "The Swedish Council for Higher Education (UHR) can assess a foreign qualification and compare "
            "it "
            "with Swedish ones.",
        ),
        True,
        (
            T("Rätt.", "Correct."),
            T("Fel – det är sant.", "Wrong – it is true."),
            T(
                "En bedömning gör det lättare för arbetsgivaren att förstå vad utbildningen motsvarar.",
                "An assessment makes it easier for the employer to understand what the qualification "
                "corresponds to.",
            ),
        ),
    ),
    ordering(
        T(
            "Ordna stegen i en kompetensbaserad rekrytering.",
            "Put the steps of a competency-based recruitment in order.",
        ),
        [
            T("Analysera vad arbetet kräver", "Analyse what the job requires"),
            T(
                "Skriv kravprofil och annons med bara nödvändiga krav",
                "Write the profile and advertisement with only necessary requirements",
            ),
            T(
                "Bedöm alla ansökningar mot samma kriterier",
                "Assess every application against the same criteria",
            ),
            T("Håll strukturerade intervjuer och arbetsprov", "Hold structured interviews and work samples"),
            T("Fatta beslut och ge alla sökande besked", "Decide and let every applicant know"),
        ],
        (
            T("Rätt ordning.", "Right order."),
            T("Inte helt rätt ordning.", "Not quite the right order."),
            T("", ""),
        ),
    ),
    matching(
        T(
            "Para ihop varje del av introduktionen med vad den är till för.",
            "Match each part of the onboarding with what it is for.",
        ),
        [
            (
                T("Fadder", "Buddy"),
                T(
                    "En kollega att fråga om det som inte står någonstans",
                    "A colleague to ask about what is not written down anywhere",
                ),
            ),
            (
                T("Skriftliga instruktioner med bilder", "Written instructions with pictures"),
                T("Stöd för den som ännu lär sig svenska", "Support for someone still learning Swedish"),
            ),
            (
                T("Uppföljningssamtal efter en månad", "A follow-up talk after one month"),
                T("Fånga tidigt upp det som inte fungerar", "Catch early what is not working"),
            ),
            (
                T("Språkombud", "Language mentor"),
                T("Stöd för språket i det dagliga arbetet", "Support for language in daily work"),
            ),
        ],
        (
            T("Alla par stämmer.", "All pairs are right."),
            T("Några par blev fel.", "Some pairs are wrong."),
            T("", ""),
        ),
    ),
    short_answer(
        T(
            "Fyll i ordet som saknas: en ___ rekrytering utgår från de kompetenser arbetet kräver och "
            "bedömer "
            "alla sökande mot samma kriterier.",
            "Fill in the missing word: ___ recruitment starts from the skills the job requires and assesses "
            "every applicant against the same criteria.",
        ),
        [
            T("kompetensbaserad", "competency-based"),
            T("kompetensbaserat", "competence-based"),
            T("kompetensbaserad rekrytering", "competency-based recruitment"),
        ],
        (
            T("Rätt.", "Correct."),
            T(
                "Ordet som söktes är ”kompetensbaserad”.",
                "The word we were looking for is “competency-based”.",
            ),
            T("", ""),
        ),
    ),
    single_choice(
        T("Vilket påstående om introduktion stämmer?", "Which statement about onboarding is true?"),
        [
            option(
                T(
                    "En bra introduktion planeras innan den nya medarbetaren börjar",
                    "A good onboarding is planned before the new employee starts",
                ),
                True,
                T("Ja.", "Yes."),
            ),
            option(
                T("Introduktionen är klar efter första dagen", "The onboarding is over after the first day"),
                False,
                T(
                    "En bra introduktion pågår i flera månader.",
                    "A good onboarding lasts for several months.",
                ),
            ),
            option(
                T(
                    "Nyanlända behöver alltid en separat, förenklad introduktion",
                    "Newly arrived people always need a separate, simplified onboarding",
                ),
                False,
                T(
                    "Alla behöver en bra introduktion; anpassa den efter personen, inte efter ursprunget.",
                    "Everyone needs a good onboarding; adapt it to the person, not to where they come from.",
                ),
            ),
        ],
        (T("Rätt.", "Correct."), T("Inte rätt.", "Not right."), T("", "")),
    ),
]

MODULE = {
    "key": "recruitment",
    "slug": T("inkluderande-rekrytering-och-introduktion", "inclusive-recruitment-and-onboarding"),
    "title": T(
        "Inkluderande rekrytering och introduktion av nyanlända",
        "Inclusive recruitment and onboarding of newly arrived people",
    ),
    "summary": T(
        "Hur arbetsgivare når och anställer personer som är nya i Sverige: krav och annonser som inte "
        "utestänger i onödan, ett urval på lika villkor och en introduktion som gör att den nya "
        "medarbetaren stannar.",
        "How employers reach and hire people who are new to Sweden: requirements and advertisements that "
        "do not shut people out needlessly, a fair selection, and an onboarding that makes the new "
        "employee stay.",
    ),
    "estimated_minutes": 55,
    "pass_mark": 80,
    "max_attempts": 0,
    "feedback_timing": "each",
    "themes": ["social-responsibility", "equal-treatment", "anti-discrimination", "ethnicity"],
    "audiences": ["employers", "hr", "employment-service", "civil-society"],
    "prerequisites": ["equal-treatment"],
    "objectives": [
        T(
            "Skriva en kravprofil och en annons som bara innehåller nödvändiga krav.",
            "Write a requirement profile and an advertisement with only the necessary requirements.",
        ),
        T(
            "Genomföra ett kompetensbaserat urval med strukturerade intervjuer.",
            "Carry out a competency-based selection with structured interviews.",
        ),
        T(
            "Veta var utländsk utbildning kan bedömas.",
            "Know where foreign education can be assessed.",
        ),
        T(
            "Planera en introduktion för de första månaderna.",
            "Plan an onboarding for the first months.",
        ),
    ],
    "score_bands": SCORE_BANDS,
    "quiz": QUIZ,
    "lessons": [LESSON_BEFORE, LESSON_SELECTION, LESSON_ONBOARDING],
}
