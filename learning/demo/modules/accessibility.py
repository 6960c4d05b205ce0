"""Module 3: accessibility at the workplace."""

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

LESSON_WORKPLACE = {
    "slug": T("lokaler-information-och-moten", "premises-information-and-meetings"),
    "title": T("Lokaler, information och möten", "Premises, information and meetings"),
    "summary": T(
        "Vad som gör en arbetsplats tillgänglig, från entrén till mötesrummet, och varför det lönar sig "
        "att tänka på tillgänglighet från början.",
        "What makes a workplace accessible, from the entrance to the meeting room, and why it pays to "
        "think of accessibility from the start.",
    ),
    "estimated_minutes": 20,
    "body": [
        paragraph(
            T(
                "<p>En arbetsplats är tillgänglig när alla kan ta sig in, hitta rätt, delta och göra sitt "
                "jobb. Många funktionsnedsättningar syns inte: nedsatt hörsel, dyslexi, adhd, autism, "
                "långvarig smärta eller psykisk ohälsa. Därför räcker det inte att tänka på rullstolar och "
                "ramper, även om de också behövs.</p>",
                "<p>A workplace is accessible when everyone can get in, find their way, take part and do "
                "their job. Many disabilities are invisible: hearing loss, dyslexia, ADHD, autism, chronic "
                "pain or mental ill health. So it is not enough to think of wheelchairs and ramps, even "
                "though they are needed too.</p>",
            )
        ),
        heading(T("Lokaler", "Premises")),
        paragraph(
            T(
                "<ul>"
                "<li>Entré utan trappsteg, dörrar som går att öppna med nedsatt kraft och tillräckligt "
                "breda passager.</li>"
                "<li>Kontrastmarkeringar på glasdörrar och trappor, och skyltar som går att läsa på "
                "avstånd.</li>"
                "<li>Hörslinga och dämpad akustik i mötesrum.</li>"
                "<li>Ett lugnt rum för den som behöver arbeta ostört eller vila en stund.</li>"
                "</ul>",
                "<ul>"
                "<li>A step-free entrance, doors that open without much force and wide enough "
                "passageways.</li>"
                "<li>Contrast markings on glass doors and stairs, and signs that can be read from a "
                "distance.</li>"
                "<li>Hearing loops and damped acoustics in meeting rooms.</li>"
                "<li>A quiet room for anyone who needs to work undisturbed or rest for a while.</li>"
                "</ul>",
            )
        ),
        heading(T("Information och möten", "Information and meetings")),
        paragraph(
            T(
                "<ul>"
                "<li>Skicka underlag i förväg, i format som fungerar med skärmläsare.</li>"
                "<li>Skriv klarspråk, och erbjud lättläst när det behövs.</li>"
                "<li>Använd mikrofon i stora rum och textning i digitala möten.</li>"
                "<li>Låt aldrig färg ensam bära viktig information.</li>"
                "</ul>",
                "<ul>"
                "<li>Send material in advance, in formats that work with screen readers.</li>"
                "<li>Write in plain language, and offer an easy-to-read version when needed.</li>"
                "<li>Use a microphone in large rooms and captions in online meetings.</li>"
                "<li>Never let colour alone carry important information.</li>"
                "</ul>",
            )
        ),
        heading(T("Tillgänglighet från början", "Accessibility from the start")),
        paragraph(
            T(
                "<p>Tillgänglighetsintegrering betyder att tillgänglighet finns med från början, när "
                "lokaler planeras, när it-system och tjänster upphandlas och när information tas fram. Det "
                "är nästan alltid billigare än att anpassa i efterhand, och det gör det lättare för alla, "
                "inte bara för den som har en funktionsnedsättning.</p>",
                "<p>Accessibility mainstreaming means that accessibility is there from the start: when "
                "premises are planned, when IT systems and services are procured, and when information is "
                "produced. It is almost always cheaper than adjusting afterwards, and it makes things easier "
                "for everyone, not only for people with disabilities.</p>",
            )
        ),
        case_study(
            T("Mötesrummet på tredje våningen", "The meeting room on the third floor"),
            T(
                "<p>Leo har nyligen börjat på kommunens ekonomiavdelning. Han använder hörapparat. "
                "Avdelningens veckomöten hålls i ett rum med hårda väggar och utan hörslinga. Dagordningen "
                "skickas som en inskannad pdf, och siffrorna visas bara på en skärm där röda och gröna "
                "staplar ska skilja ut budgetavvikelserna.</p>",
                "<p>Leo has recently started at the municipality's finance department. He uses a hearing "
                "aid. The department's weekly meetings are held in a room with hard walls and no hearing "
                "loop. The agenda is sent as a scanned PDF, and the figures are shown only on a screen "
                "where red and green bars are meant to single out budget deviations.</p>",
            ),
            [
                T(
                    "Vilka hinder möter Leo och hans kollegor?",
                    "Which barriers do Leo and his colleagues face?",
                ),
                T(
                    "Vad kan ändras redan till nästa möte, utan kostnad?",
                    "What could be changed by the next meeting, at no cost?",
                ),
                T(
                    "Vem på arbetsplatsen borde ha tänkt på detta från början?",
                    "Who at the workplace should have thought of this from the start?",
                ),
            ],
        ),
    ],
}

LESSON_DIGITAL = {
    "slug": T("digital-tillganglighet-och-anpassningar", "digital-accessibility-and-adjustments"),
    "title": T(
        "Digital tillgänglighet och individuella anpassningar",
        "Digital accessibility and individual adjustments",
    ),
    "summary": T(
        "Vilka regler som gäller för digital tillgänglighet, och hur arbetsgivaren tillsammans med "
        "medarbetaren hittar skäliga anpassningar.",
        "Which rules apply to digital accessibility, and how the employer finds reasonable adjustments "
        "together with the employee.",
    ),
    "estimated_minutes": 20,
    "body": [
        heading(T("Digital tillgänglighet", "Digital accessibility")),
        paragraph(
            T(
                "<p>Riktlinjerna WCAG (<i>Web Content Accessibility Guidelines</i>) är grunden för digital "
                "tillgänglighet. Sedan 2019 gäller lagen om tillgänglighet till digital offentlig service, "
                "som kräver att offentliga aktörers webbplatser och appar uppfyller nivå AA. Sedan sommaren "
                "2025 gäller dessutom tillgänglighetslagen för vissa produkter och tjänster från privata "
                "företag.</p>"
                "<p>Interna system omfattas inte alltid av lagarna, men medarbetare som använder "
                "skärmläsare, förstoring eller bara tangentbord behöver kunna göra sitt jobb i dem. Ställ "
                "krav på tillgänglighet när ni upphandlar, och testa innan ni köper.</p>",
                "<p>The WCAG (Web Content Accessibility Guidelines) are the basis of digital accessibility. "
                "Since 2019 Sweden's act on accessible digital public services has required public-sector "
                "websites and apps to meet level AA. Since the summer of 2025 the Accessibility Act has also "
                "covered certain products and services from private companies.</p>"
                "<p>Internal systems are not always covered by these laws, but employees who use screen "
                "readers, magnification or only a keyboard need to be able to do their job in them. Make "
                "accessibility a requirement when you procure, and test before you buy.</p>",
            )
        ),
        heading(T("Individuella anpassningar", "Individual adjustments")),
        paragraph(
            T(
                "<p>En arbetsgivare ska vidta skäliga åtgärder så att en medarbetare eller arbetssökande "
                "med funktionsnedsättning kommer i en jämförbar situation med andra. Utgå från arbetet, "
                "inte från en diagnos:</p>"
                "<ol>"
                "<li>Prata med medarbetaren om vad arbetet kräver och vad som är svårt.</li>"
                "<li>Pröva vilka anpassningar som är skäliga, vid behov med stöd av företagshälsovården, "
                "Arbetsförmedlingen eller Försäkringskassan.</li>"
                "<li>Genomför anpassningen.</li>"
                "<li>Följ upp tillsammans och justera.</li>"
                "</ol>"
                "<p>Många anpassningar kostar lite: flexibla tider, en lugn arbetsplats, skriftliga "
                "instruktioner eller ett program som läser upp text.</p>",
                "<p>An employer must take reasonable measures so that an employee or job applicant with a "
                "disability is put in a situation comparable to that of others. Start from the work, not "
                "from a diagnosis:</p>"
                "<ol>"
                "<li>Talk with the employee about what the work requires and what is difficult.</li>"
                "<li>Try out which adjustments are reasonable, with support from occupational health "
                "services, the Public Employment Service or the Social Insurance Agency where needed.</li>"
                "<li>Make the adjustment.</li>"
                "<li>Follow up together and fine-tune.</li>"
                "</ol>"
                "<p>Many adjustments cost little: flexible hours, a quiet workspace, written instructions or "
                "a program that reads text aloud.</p>",
            )
        ),
        key_points(
            T("Att ta med dig", "To take with you"),
            [
                T(
                    "WCAG är grunden för digital tillgänglighet; offentliga webbplatser ska nå nivå AA.",
                    "The WCAG are the basis of digital accessibility; public websites must reach level AA.",
                ),
                T(
                    "Ställ krav på tillgänglighet när it-system upphandlas.",
                    "Make accessibility a requirement when procuring IT systems.",
                ),
                T(
                    "Anpassningar utgår från arbetet och görs tillsammans med medarbetaren.",
                    "Adjustments start from the work and are made together with the employee.",
                ),
            ],
        ),
        reflection(
            T(
                "Tänk på ditt eget arbete: vilken anpassning skulle göra det lättare för dig eller en "
                "kollega?",
                "Think of your own work: which adjustment would make it easier for you or a colleague?",
            ),
            T(
                "Fundera också på vad den skulle kosta och vem som kan besluta om den.",
                "Consider too what it would cost and who can decide on it.",
            ),
        ),
    ],
}

QUIZ = [
    true_false(
        T(
            "Kravet på skäliga åtgärder för tillgänglighet gäller även arbetssökande, inte bara anställda.",
            "The requirement of reasonable accessibility measures also covers job applicants, not only "
            "employees.",
        ),
        True,
        (
            T("Rätt.", "Correct."),
            T("Fel – det är sant.", "Wrong – it is true."),
            T(
                "Till exempel kan en intervju behöva hållas i en tillgänglig lokal eller med tolk för "
                "teckenspråk.",
                "For example, an interview may need to be held in accessible premises or with a sign "
                "language interpreter.",
            ),
        ),
    ),
    single_choice(
        T(
            "Vilka riktlinjer används oftast för att bedöma om en webbplats är tillgänglig?",
            "Which guidelines are most often used to judge whether a website is accessible?",
        ),
        [
            option(T("WCAG", "WCAG"), True, T("Ja.", "Yes.")),
            option(
                T("ISO 9001", "ISO 9001"),
                False,
                T(
                    "ISO 9001 gäller ledningssystem för kvalitet.",
                    "ISO 9001 is about quality management systems.",
                ),
            ),
            option(
                T("GDPR", "GDPR"),
                False,
                T(
                    "GDPR handlar om personuppgifter, inte om tillgänglighet.",
                    "GDPR is about personal data, not accessibility.",
                ),
            ),
        ],
        (T("Rätt.", "Correct."), T("Inte rätt.", "Not right."), T("", "")),
    ),
    multiple_choice(
        T(
            "Vilka åtgärder gör ett möte mer tillgängligt? Välj alla som stämmer.",
            "Which measures make a meeting more accessible? Choose all that apply.",
        ),
        [
            option(
                T(
                    "Skicka underlag i förväg i ett format som fungerar med skärmläsare",
                    "Sending material in advance in a format that works with screen readers",
                ),
                True,
                T("Ja.", "Yes."),
            ),
            option(
                T("Använda mikrofon och hörslinga", "Using a microphone and a hearing loop"),
                True,
                T("Ja.", "Yes."),
            ),
            option(T("Textning i digitala möten", "Captions in online meetings"), True, T("Ja.", "Yes.")),
            option(
                T("Tala snabbare för att hinna mer", "Talking faster to get more done"),
                False,
                T(
                    "Det gör det svårare för många att hänga med.",
                    "That makes it harder for many people to keep up.",
                ),
            ),
            option(
                T("Visa viktig information enbart med färg", "Showing important information by colour alone"),
                False,
                T(
                    "Information som bara syns genom färg når inte den som inte ser färgskillnader.",
                    "Information shown only by colour does not reach people who cannot tell the colours "
                    "apart.",
                ),
            ),
        ],
        (
            T("Rätt, alla tre hjälper.", "Right, all three help."),
            T("Några val var fel.", "Some choices were wrong."),
            T("", ""),
        ),
        points=3,
    ),
    matching(
        T(
            "Para ihop varje behov med en anpassning som kan hjälpa.",
            "Match each need with an adjustment that can help.",
        ),
        [
            (
                T("Svårt att höra i stora rum", "Difficulty hearing in large rooms"),
                T("Hörslinga och möten i mindre rum", "A hearing loop and meetings in smaller rooms"),
            ),
            (
                T("Svårt att läsa långa texter", "Difficulty reading long texts"),
                T(
                    "Talsyntes och korta, tydliga instruktioner",
                    "Text-to-speech and short, clear instructions",
                ),
            ),
            (
                T(
                    "Svårt att koncentrera sig i öppet kontorslandskap",
                    "Difficulty concentrating in an open-plan office",
                ),
                T("En lugn arbetsplats eller hörselskydd", "A quiet workspace or ear defenders"),
            ),
            (
                T("Använder rullstol", "Uses a wheelchair"),
                T(
                    "Höj- och sänkbart skrivbord och fria passager",
                    "A height-adjustable desk and clear passageways",
                ),
            ),
        ],
        (
            T("Alla par stämmer.", "All pairs are right."),
            T("Några par blev fel.", "Some pairs are wrong."),
            T("", ""),
        ),
    ),
    ordering(
        T(
            "Ordna stegen för att hitta en individuell anpassning.",
            "Put the steps for finding an individual adjustment in order.",
        ),
        [
            T(
                "Prata med medarbetaren om arbetet och vad som är svårt",
                "Talk with the employee about the work and what is difficult",
            ),
            T("Pröva vilka anpassningar som är skäliga", "Try out which adjustments are reasonable"),
            T("Genomför anpassningen", "Make the adjustment"),
            T("Följ upp tillsammans och justera", "Follow up together and fine-tune"),
        ],
        (
            T("Rätt ordning.", "Right order."),
            T("Inte helt rätt ordning.", "Not quite the right order."),
            T("", ""),
        ),
    ),
    short_answer(
        T(
            "Vad kallas arbetssättet där tillgänglighet byggs in från början i planering, upphandling och "
            "kommunikation? Svara med ett begrepp.",
            "What is the way of working called in which accessibility is built in from the start of "
            "planning, procurement and communication? Answer with one term.",
        ),
        [
            T("tillgänglighetsintegrering", "accessibility mainstreaming"),
            T("tillgänglighetsintegration", "mainstreaming accessibility"),
        ],
        (
            T("Rätt.", "Correct."),
            T("Svaret är tillgänglighetsintegrering.", "The answer is accessibility mainstreaming."),
            T("", ""),
        ),
    ),
]

MODULE = {
    "key": "accessibility",
    "slug": T("tillganglighet-pa-arbetsplatsen", "accessibility-at-the-workplace"),
    "title": T("Tillgänglighet på arbetsplatsen", "Accessibility at the workplace"),
    "summary": T(
        "Hur lokaler, möten, information och digitala verktyg blir tillgängliga för alla medarbetare, och "
        "hur arbetsgivaren tillsammans med medarbetaren hittar skäliga anpassningar.",
        "How premises, meetings, information and digital tools become accessible to every employee, and "
        "how the employer finds reasonable adjustments together with the employee.",
    ),
    "estimated_minutes": 45,
    "pass_mark": 75,
    "max_attempts": 3,
    "feedback_timing": "last",
    "themes": ["accessibility", "accessibility-mainstreaming", "disability"],
    "audiences": ["municipality-staff", "employers", "hr"],
    "prerequisites": [],
    "objectives": [
        T(
            "Känna igen hinder i lokaler, möten och information, också för funktionsnedsättningar som inte "
            "syns.",
            "Recognise barriers in premises, meetings and information, including for disabilities that "
            "cannot be seen.",
        ),
        T(
            "Förklara vad tillgänglighetsintegrering innebär.",
            "Explain what accessibility mainstreaming means.",
        ),
        T(
            "Känna till vilka regler som gäller för digital tillgänglighet.",
            "Know which rules apply to digital accessibility.",
        ),
        T(
            "Leda ett samtal om individuell anpassning i fyra steg.",
            "Lead a conversation about individual adjustment in four steps.",
        ),
    ],
    "score_bands": SCORE_BANDS,
    "quiz": QUIZ,
    "lessons": [LESSON_WORKPLACE, LESSON_DIGITAL],
}
