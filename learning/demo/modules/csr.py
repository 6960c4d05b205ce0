"""Module 2: corporate social responsibility, from words to action."""

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

LESSON_WHAT = {
    "slug": T("vad-ar-csr", "what-is-csr"),
    "title": T("Vad är CSR – och vad vinner arbetsgivaren?", "What CSR is – and what the employer gains"),
    "summary": T(
        "Företagens samhällsansvar, de ramverk som ofta används och varför socialt ansvar också är "
        "en fråga om kompetensförsörjning.",
        "Corporate social responsibility, the frameworks most often used, and why social responsibility "
        "is also a question of finding the skills an organisation needs.",
    ),
    "estimated_minutes": 15,
    "body": [
        paragraph(
            T(
                "<p>CSR står för <i>corporate social responsibility</i>, på svenska företagens "
                "samhällsansvar. Det handlar om hur en verksamhet påverkar människor, miljö och samhälle, "
                "och om att ta ansvar för den påverkan även där lagen inte kräver det. Kommuner och "
                "myndigheter talar oftare om social hållbarhet, men frågorna är desamma: vem får plats "
                "på arbetsplatsen, och vilka villkor gäller där?</p>",
                "<p>CSR stands for corporate social responsibility. It is about how an organisation affects "
                "people, the environment and society, and about taking responsibility for that impact even "
                "where the law does not require it. Municipalities and agencies more often speak of social "
                "sustainability, but the questions are the same: who gets a place in the workplace, and on "
                "what terms?</p>",
            )
        ),
        heading(T("Ramverk att luta sig mot", "Frameworks to lean on")),
        paragraph(
            T(
                "<ul>"
                "<li><b>ISO 26000</b> ger vägledning om socialt ansvar inom sju kärnområden, bland annat "
                "mänskliga rättigheter, arbetsförhållanden och samhällsengagemang. Den är en vägledning, "
                "inte en standard att certifiera sig mot.</li>"
                "<li><b>FN:s Global Compact</b> samlar tio principer om mänskliga rättigheter, "
                "arbetsvillkor, "
                "miljö och antikorruption.</li>"
                "<li><b>Agenda 2030</b> är FN:s 17 globala mål för hållbar utveckling. Mål 5 (jämställdhet), "
                "mål 8 (anständiga arbetsvillkor och ekonomisk tillväxt) och mål 10 (minskad ojämlikhet) "
                "ligger nära den här utbildningen.</li>"
                "</ul>",
                "<ul>"
                "<li><b>ISO 26000</b> gives guidance on social responsibility in seven core subjects, among "
                "them human rights, labour practices and community involvement. It is guidance, not a "
                "standard to be certified against.</li>"
                "<li><b>The UN Global Compact</b> sets out ten principles on human rights, labour, the "
                "environment and anti-corruption.</li>"
                "<li><b>The 2030 Agenda</b> holds the UN's 17 Sustainable Development Goals. Goal 5 (gender "
                "equality), goal 8 (decent work and economic growth) and goal 10 (reduced inequalities) are "
                "closest to this training.</li>"
                "</ul>",
            )
        ),
        heading(T("Vad vinner arbetsgivaren?", "What does the employer gain?")),
        paragraph(
            T(
                "<p>Socialt ansvar är inte bara en kostnad. Den som rekryterar brett hittar fler sökande när "
                "det är brist på arbetskraft. Medarbetare som upplever att arbetsgivaren tar ansvar stannar "
                "ofta längre. Kunder, invånare och samarbetspartner får större förtroende, och i offentliga "
                "upphandlingar ställs allt oftare sociala krav som den förberedda arbetsgivaren kan "
                "uppfylla.</p>",
                "<p>Social responsibility is not only a cost. An employer who recruits broadly finds more "
                "applicants when labour is short. Employees who feel that their employer takes "
                "responsibility often stay longer. Customers, residents and partners trust the organisation "
                "more, and public procurement increasingly sets social requirements that a prepared "
                "employer can meet.</p>",
            )
        ),
        key_points(
            T("Att ta med dig", "To take with you"),
            [
                T(
                    "CSR gäller hela verksamheten, inte bara sponsring och välgörenhet.",
                    "CSR concerns the whole organisation, not just sponsorship and charity.",
                ),
                T(
                    "ISO 26000, Global Compact och Agenda 2030 ger ett gemensamt språk.",
                    "ISO 26000, the Global Compact and the 2030 Agenda provide a common language.",
                ),
                T(
                    "Socialt ansvar hjälper också arbetsgivaren att hitta och behålla kompetens.",
                    "Social responsibility also helps the employer find and keep skilled people.",
                ),
            ],
        ),
        reflection(
            T(
                "Vad skulle din organisation vinna på att ta ett större socialt ansvar, och vad skulle det "
                "kosta?",
                "What would your organisation gain by taking on more social responsibility, and what would "
                "it "
                "cost?",
            ),
            T("Tänk både på pengar, tid och rykte.", "Think of money, time and reputation alike."),
        ),
    ],
}

LESSON_ACTION = {
    "slug": T("fran-ord-till-handling", "from-words-to-action"),
    "title": T("Från ord till handling", "From words to action"),
    "summary": T(
        "Fem steg som gör en policy till arbete som märks, och exempel på åtgärder som fungerar för "
        "kommuner och företag.",
        "Five steps that turn a policy into work people notice, and examples of measures that work for "
        "municipalities and companies.",
    ),
    "estimated_minutes": 20,
    "body": [
        paragraph(
            T(
                "<p>Många organisationer har en fin policy om mångfald och socialt ansvar. Det svåra är "
                "glappet mellan det som står i policyn och det som händer en vanlig tisdag. Fem steg hjälper "
                "till att stänga glappet.</p>",
                "<p>Many organisations have a fine policy on diversity and social responsibility. The hard "
                "part is the gap between what the policy says and what happens on an ordinary Tuesday. Five "
                "steps help to close it.</p>",
            )
        ),
        heading(T("Fem steg", "Five steps")),
        paragraph(
            T(
                "<ol>"
                "<li>Kartlägg hur verksamheten påverkar människor och samhälle, och vilka som berörs.</li>"
                "<li>Välj de frågor som är viktigast och sätt mätbara mål.</li>"
                "<li>Genomför åtgärder med en ansvarig person, en tidplan och resurser.</li>"
                "<li>Mät och följ upp resultaten.</li>"
                "<li>Redovisa öppet, även det som inte gick som tänkt, och förbättra.</li>"
                "</ol>",
                "<ol>"
                "<li>Map how the organisation affects people and society, and who is affected.</li>"
                "<li>Choose the issues that matter most and set measurable goals.</li>"
                "<li>Carry out measures with a person responsible, a timetable and resources.</li>"
                "<li>Measure and follow up the results.</li>"
                "<li>Report openly, including what did not go to plan, and improve.</li>"
                "</ol>",
            )
        ),
        heading(T("Exempel på åtgärder", "Examples of measures")),
        paragraph(
            T(
                "<ul>"
                "<li>Praktikplatser och mentorskap för personer som står långt från arbetsmarknaden, i "
                "samarbete med Arbetsförmedlingen eller kommunens arbetsmarknadsenhet.</li>"
                "<li>Sociala krav i upphandlingar, till exempel krav på att leverantören anställer eller tar "
                "emot praktikanter under avtalstiden.</li>"
                "<li>Rekrytering där kraven utgår från arbetsuppgifterna och inte från vanor.</li>"
                "<li>En uppförandekod för leverantörer som följs upp, inte bara skrivs under.</li>"
                "</ul>",
                "<ul>"
                "<li>Work placements and mentoring for people far from the labour market, together with the "
                "Public Employment Service or the municipality's labour market unit.</li>"
                "<li>Social requirements in procurement, for example that the supplier employs or takes on "
                "trainees during the contract.</li>"
                "<li>Recruitment whose requirements follow from the tasks rather than from habit.</li>"
                "<li>A supplier code of conduct that is followed up, not just signed.</li>"
                "</ul>",
            )
        ),
        case_study(
            T("Byggföretaget och sysselsättningskravet", "The builder and the employment requirement"),
            T(
                "<p>Ett byggföretag med 40 anställda vinner en kommunal upphandling om att renovera en "
                "skola. "
                "Avtalet kräver att företaget under projektet anställer två personer som har varit utan "
                "arbete länge. Arbetsledarna är oroliga: de har aldrig handlett någon som inte kan "
                "branschens språk och rutiner.</p>",
                "<p>A construction company with 40 employees wins a municipal contract to renovate a school. "
                "The contract requires the company to employ two people who have long been out of work "
                "during the project. The site supervisors are worried: they have never supervised anyone "
                "who does not know the trade's language and routines.</p>",
            ),
            [
                T(
                    "Hur kan företaget förbereda arbetsledarna?",
                    "How can the company prepare the supervisors?",
                ),
                T(
                    "Vilket stöd kan kommunen och Arbetsförmedlingen ge?",
                    "What support can the municipality and the Public Employment Service give?",
                ),
                T(
                    "Vad skulle få anställningarna att leva vidare efter projektet?",
                    "What would make the jobs last beyond the project?",
                ),
            ],
        ),
    ],
}

LESSON_FOLLOW_UP = {
    "slug": T("mata-folja-upp-och-beratta", "measure-follow-up-and-tell"),
    "title": T("Mäta, följa upp och berätta", "Measure, follow up and tell"),
    "summary": T(
        "Hur du vet att arbetet gör skillnad, hur du berättar om det utan att överdriva och vilka krav på "
        "hållbarhetsrapportering som finns.",
        "How to know that the work makes a difference, how to talk about it without overstating it, and "
        "which sustainability reporting requirements exist.",
    ),
    "estimated_minutes": 15,
    "body": [
        paragraph(
            T(
                "<p>Det som inte mäts blir lätt bortprioriterat. Välj få mått som säger något om "
                "resultatet, inte bara om aktiviteten: hur många praktikplatser som ledde till anställning "
                "är mer intressant än hur många som erbjöds.</p>",
                "<p>What is not measured is easily pushed aside. Choose a few measures that say something "
                "about results, not just about activity: how many work placements led to a job says more "
                "than how many were offered.</p>",
            )
        ),
        heading(T("Berätta ärligt", "Tell it honestly")),
        paragraph(
            T(
                "<p>När kommunikationen lovar mer än verksamheten gör kallas det ibland <i>social "
                "washing</i>. Det skadar förtroendet när det upptäcks. Berätta om det ni faktiskt har gjort, "
                "vad det ledde till och vad ni ska göra bättre. Låt gärna de som berörs komma till tals.</p>",
                "<p>When communication promises more than the organisation does, it is sometimes called "
                "<i>social washing</i>. It damages trust once discovered. Talk about what you have actually "
                "done, what it led to and what you will do better. Let the people affected have their say "
                "where you can.</p>",
            )
        ),
        heading(T("Krav på rapportering", "Reporting requirements")),
        paragraph(
            T(
                "<p>Större företag ska sedan 2017 ta fram en hållbarhetsrapport som bland annat tar upp "
                "sociala förhållanden, personal och respekt för mänskliga rättigheter. EU:s regler om "
                "hållbarhetsrapportering utökar kraven stegvis. Även för den som inte omfattas är "
                "rapporteringen ett bra verktyg för att hålla arbetet levande.</p>",
                "<p>Since 2017 larger companies in Sweden have had to produce a sustainability report that "
                "covers social conditions, employees and respect for human rights, among other things. The "
                "EU's sustainability reporting rules are widening the requirements step by step. Even for "
                "those not covered, reporting is a good tool for keeping the work alive.</p>",
            )
        ),
        key_points(
            T("Att ta med dig", "To take with you"),
            [
                T("Mät resultat, inte bara aktiviteter.", "Measure results, not just activities."),
                T(
                    "Berätta om det som gjorts, också om det som inte fungerade.",
                    "Talk about what has been done, including what did not work.",
                ),
                T(
                    "Rapportering håller arbetet levande även där den inte är ett krav.",
                    "Reporting keeps the work alive even where it is not required.",
                ),
            ],
        ),
        reflection(
            T(
                "Vilket mått skulle visa om din organisations sociala ansvar gör skillnad för någon?",
                "Which measure would show whether your organisation's social responsibility makes a "
                "difference to anyone?",
            ),
            T(
                "Välj ett mått som går att ta fram med de uppgifter ni redan har.",
                "Pick a measure you can produce from information you already have.",
            ),
        ),
    ],
}

QUIZ = [
    single_choice(
        T("Vad betyder CSR?", "What does CSR mean?"),
        [
            option(
                T(
                    "Att ta ansvar för hur verksamheten påverkar människor, miljö och samhälle",
                    "Taking responsibility for how the organisation affects people, the environment and "
                    "society",
                ),
                True,
                T("Ja, det gäller hela verksamheten.", "Yes, it concerns the whole organisation."),
            ),
            option(
                T(
                    "Ett lagkrav på att skänka en del av vinsten till välgörenhet",
                    "A legal requirement to give part of the profit to charity",
                ),
                False,
                T(
                    "Välgörenhet kan vara en del, men CSR handlar om hur kärnverksamheten påverkar "
                    "omvärlden.",
                    "Charity can be part of it, but CSR is about how the core business affects the world "
                    "around it.",
                ),
            ),
            option(
                T(
                    "En certifiering som alla företag med fler än 50 anställda måste ha",
                    "A certification that every company with more than 50 employees must hold",
                ),
                False,
                T(
                    "Någon sådan allmän certifiering finns inte; mycket av CSR är frivilligt.",
                    "No such general certification exists; much of CSR is voluntary.",
                ),
            ),
        ],
        (T("Rätt.", "Correct."), T("Inte rätt.", "Not right."), T("", "")),
    ),
    multiple_choice(
        T(
            "Vilka av följande är exempel på socialt ansvar i praktiken? Välj alla som stämmer.",
            "Which of the following are examples of social responsibility in practice? Choose all that "
            "apply.",
        ),
        [
            option(
                T(
                    "Erbjuda praktikplatser till personer som står långt från arbetsmarknaden",
                    "Offering work placements to people far from the labour market",
                ),
                True,
                T(
                    "Ja, och följ upp hur många som leder till jobb.",
                    "Yes, and follow up how many lead to a job.",
                ),
            ),
            option(
                T(
                    "Ställa sociala krav, till exempel sysselsättningskrav, i upphandlingar",
                    "Setting social requirements, such as employment requirements, in procurement",
                ),
                True,
                T(
                    "Ja, ett av kommunernas starkaste verktyg.",
                    "Yes, one of the municipalities' strongest tools.",
                ),
            ),
            option(
                T("Anta en policy som ingen följer upp", "Adopting a policy that nobody follows up"),
                False,
                T(
                    "En policy utan uppföljning ändrar sällan något – det är just glappet mellan ord och "
                    "handling.",
                    "A policy without follow-up rarely changes anything – that is exactly the gap between "
                    "words and action.",
                ),
            ),
            option(
                T(
                    "Visa mångfald i marknadsföringen utan att ändra rekryteringen",
                    "Showing diversity in marketing without changing recruitment",
                ),
                False,
                T(
                    "Det kallas ibland social washing: kommunikationen lovar mer än verksamheten gör.",
                    "That is sometimes called social washing: the communication promises more than the "
                    "organisation does.",
                ),
            ),
        ],
        (
            T(
                "Rätt, båda exemplen är åtgärder som märks.",
                "Right, both examples are measures people notice.",
            ),
            T("Några val var fel.", "Some choices were wrong."),
            T(
                "Socialt ansvar syns i det verksamheten gör, inte i vad den säger.",
                "Social responsibility shows in what an organisation does, not in what it says.",
            ),
        ),
    ),
    true_false(
        T(
            "ISO 26000 är en standard som företag kan certifiera sig mot.",
            "ISO 26000 is a standard that companies can be certified against.",
        ),
        False,
        (
            T("Rätt, det är falskt.", "Correct, it is false."),
            T("Fel – påståendet är falskt.", "Wrong – the statement is false."),
            T(
                "ISO 26000 ger vägledning om socialt ansvar men är inte avsedd för certifiering.",
                "ISO 26000 gives guidance on social responsibility but is not meant for certification.",
            ),
        ),
    ),
    ordering(
        T("Ordna stegen från ord till handling.", "Put the steps from words to action in order."),
        [
            T("Kartlägg verksamhetens påverkan", "Map the organisation's impact"),
            T(
                "Välj det viktigaste och sätt mätbara mål",
                "Choose what matters most and set measurable goals",
            ),
            T("Genomför åtgärder med tydligt ansvar", "Carry out measures with clear responsibility"),
            T("Mät och följ upp", "Measure and follow up"),
            T("Redovisa öppet och förbättra", "Report openly and improve"),
        ],
        (
            T("Rätt ordning.", "Right order."),
            T("Inte helt rätt ordning.", "Not quite the right order."),
            T(
                "Utan kartläggning vet man inte vad som är viktigast; utan uppföljning vet man inte om det "
                "fungerade.",
                "Without mapping you do not know what matters most; without follow-up you do not know "
                "whether it worked.",
            ),
        ),
    ),
    matching(
        T(
            "Para ihop målen i Agenda 2030 med vad de handlar om.",
            "Match the 2030 Agenda goals with what they are about.",
        ),
        [
            (T("Mål 5", "Goal 5"), T("Jämställdhet", "Gender equality")),
            (
                T("Mål 8", "Goal 8"),
                T("Anständiga arbetsvillkor och ekonomisk tillväxt", "Decent work and economic growth"),
            ),
            (T("Mål 10", "Goal 10"), T("Minskad ojämlikhet", "Reduced inequalities")),
        ],
        (
            T("Alla par stämmer.", "All pairs are right."),
            T("Några par blev fel.", "Some pairs are wrong."),
            T("", ""),
        ),
    ),
    short_answer(
        T(
            "Vad heter FN:s agenda för hållbar utveckling med 17 globala mål, som antogs 2015?",
            "What is the name of the UN agenda for sustainable development with 17 global goals, adopted "
            "in 2015?",
        ),
        [
            T("Agenda 2030", "2030 Agenda"),
            T("Agenda2030", "Agenda 2030"),
            T("2030-agendan", "the 2030 Agenda"),
        ],
        (
            T("Rätt.", "Correct."),
            T("Svaret är Agenda 2030.", "The answer is the 2030 Agenda."),
            T("", ""),
        ),
    ),
    single_choice(
        T(
            "Vilket påstående stämmer bäst om vad en arbetsgivare vinner på socialt ansvar?",
            "Which statement best describes what an employer gains from social responsibility?",
        ),
        [
            option(
                T(
                    "Fler sökande när det är brist på arbetskraft, och medarbetare som stannar längre",
                    "More applicants when labour is short, and employees who stay longer",
                ),
                True,
                T("Ja.", "Yes."),
            ),
            option(
                T("Ingenting – det är enbart en kostnad", "Nothing – it is only a cost"),
                False,
                T(
                    "Det kostar, men vinsterna för kompetensförsörjningen är ofta större.",
                    "It costs something, but the gains in finding and keeping skills are often larger.",
                ),
            ),
            option(
                T("Bara ett bättre rykte", "Only a better reputation"),
                False,
                T(
                    "Ryktet är en del, men vinsterna märks också i rekrytering och i upphandlingar.",
                    "Reputation is part of it, but the gains also show in recruitment and procurement.",
                ),
            ),
        ],
        (T("Rätt.", "Correct."), T("Inte rätt.", "Not right."), T("", "")),
    ),
]

MODULE = {
    "key": "csr",
    "slug": T("csr-fran-ord-till-handling", "csr-from-words-to-action"),
    "title": T("CSR – från ord till handling", "CSR – from words to action"),
    "summary": T(
        "Vad företagens samhällsansvar betyder för arbetsgivare och kommuner, vad det ger tillbaka och hur "
        "en policy blir till åtgärder som går att mäta och berätta om.",
        "What corporate social responsibility means for employers and municipalities, what it gives back, "
        "and how a policy becomes measures that can be measured and talked about.",
    ),
    "estimated_minutes": 50,
    "pass_mark": 70,
    "max_attempts": 0,
    "feedback_timing": "each",
    "themes": ["csr", "social-responsibility", "gender-mainstreaming"],
    "audiences": ["employers", "municipality-staff", "hr"],
    "prerequisites": [],
    "objectives": [
        T("Förklara vad CSR och socialt ansvar innebär.", "Explain what CSR and social responsibility mean."),
        T(
            "Ge exempel på vad en arbetsgivare vinner på att ta socialt ansvar.",
            "Give examples of what an employer gains by taking social responsibility.",
        ),
        T(
            "Planera en åtgärd i fem steg, från kartläggning till redovisning.",
            "Plan a measure in five steps, from mapping to reporting.",
        ),
        T(
            "Välja mått som visar resultat, inte bara aktivitet.",
            "Choose measures that show results, not just activity.",
        ),
    ],
    "score_bands": SCORE_BANDS,
    "quiz": QUIZ,
    "lessons": [LESSON_WHAT, LESSON_ACTION, LESSON_FOLLOW_UP],
}
