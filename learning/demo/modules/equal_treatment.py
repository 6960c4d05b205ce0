"""Module 1: equal treatment, the Discrimination Act and its seven grounds."""

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

LESSON_LAW = {
    "slug": T("likabehandling-och-lagen", "equal-treatment-and-the-law"),
    "title": T("Likabehandling och diskrimineringslagen", "Equal treatment and the Discrimination Act"),
    "summary": T(
        "Vad likabehandling betyder, vad diskrimineringslagen skyddar och vilka de sju "
        "diskrimineringsgrunderna är.",
        "What equal treatment means, what the Discrimination Act protects and what the seven grounds of "
        "discrimination are.",
    ),
    "estimated_minutes": 15,
    "body": [
        paragraph(
            T(
                "<p>Likabehandling betyder att alla ska ha samma rättigheter och möjligheter, oavsett vem "
                "de är. Det betyder inte att alla ska behandlas exakt likadant. Ibland behövs en anpassning, "
                "till exempel ett hjälpmedel eller en flexibel arbetstid, för att två personer ska få samma "
                "chans i praktiken.</p>",
                "<p>Equal treatment means that everyone has the same rights and opportunities, whoever they "
                "are. It does not mean treating everyone in exactly the same way. Sometimes an adjustment, "
                "such as an assistive aid or flexible working hours, is what gives two people the same "
                "chance "
                "in practice.</p>",
            )
        ),
        heading(T("Diskrimineringslagen i korthet", "The Discrimination Act in brief")),
        paragraph(
            T(
                "<p>Sveriges diskrimineringslag (2008:567) har gällt sedan den 1 januari 2009. Den förbjuder "
                "diskriminering inom bland annat arbetslivet, utbildning, hälso- och sjukvård, socialtjänst, "
                "bostäder och handel med varor och tjänster. I arbetslivet skyddas inte bara anställda utan "
                "också arbetssökande, praktikanter och inhyrd personal.</p>"
                "<p>Diskrimineringsombudsmannen (DO) har tillsyn över att lagen följs. Den som har blivit "
                "diskriminerad kan få diskrimineringsersättning.</p>",
                "<p>Sweden's Discrimination Act (2008:567) has applied since 1 January 2009. It prohibits "
                "discrimination in working life, education, health care, social services, housing and the "
                "provision of goods and services, among other areas. In working life it protects not only "
                "employees but also job applicants, trainees and agency staff.</p>"
                "<p>The Equality Ombudsman (Diskrimineringsombudsmannen, DO) supervises compliance with the "
                "Act. A person who has been discriminated against can be awarded compensation.</p>",
            )
        ),
        heading(T("De sju diskrimineringsgrunderna", "The seven grounds of discrimination")),
        paragraph(
            T(
                "<p>Lagen skyddar mot diskriminering som har samband med någon av sju grunder:</p>"
                "<ul>"
                "<li><b>Kön</b> – att vara kvinna eller man.</li>"
                "<li><b>Könsöverskridande identitet eller uttryck</b> – till exempel den som inte "
                "identifierar sig som kvinna eller man.</li>"
                "<li><b>Etnisk tillhörighet</b> – nationellt eller etniskt ursprung, hudfärg och "
                "liknande.</li>"
                "<li><b>Religion eller annan trosuppfattning</b> – också att inte ha någon religion.</li>"
                "<li><b>Funktionsnedsättning</b> – fysiska, psykiska och intellektuella begränsningar, "
                "synliga eller inte.</li>"
                "<li><b>Sexuell läggning</b> – homosexuell, bisexuell eller heterosexuell läggning.</li>"
                "<li><b>Ålder</b> – skyddet gäller alla, unga som äldre.</li>"
                "</ul>",
                "<p>The Act protects against discrimination connected with any of seven grounds:</p>"
                "<ul>"
                "<li><b>Sex</b> – being a woman or a man.</li>"
                "<li><b>Transgender identity or expression</b> – for example someone who does not identify "
                "as a woman or a man.</li>"
                "<li><b>Ethnic origin</b> – national or ethnic origin, skin colour and similar.</li>"
                "<li><b>Religion or other belief</b> – including having no religion.</li>"
                "<li><b>Disability</b> – physical, mental and intellectual limitations, visible or not.</li>"
                "<li><b>Sexual orientation</b> – homosexual, bisexual or heterosexual orientation.</li>"
                "<li><b>Age</b> – the protection covers everyone, young and old.</li>"
                "</ul>",
            )
        ),
        key_points(
            T("Att ta med dig", "To take with you"),
            [
                T(
                    "Likabehandling handlar om lika möjligheter, inte om att alla behandlas likadant.",
                    "Equal treatment is about equal opportunities, not about treating everyone the same.",
                ),
                T(
                    "Diskrimineringslagen har sju diskrimineringsgrunder och gäller också arbetssökande.",
                    "The Discrimination Act has seven grounds and protects job applicants too.",
                ),
                T(
                    "Diskrimineringsombudsmannen (DO) har tillsyn över lagen.",
                    "The Equality Ombudsman (DO) supervises the Act.",
                ),
            ],
        ),
        reflection(
            T(
                "Vilka av diskrimineringsgrunderna pratar ni sällan om på din arbetsplats, och varför tror "
                "du "
                "att det är så?",
                "Which of the grounds of discrimination are rarely talked about at your workplace, and why "
                "do "
                "you think that is?",
            ),
            T(
                "Ditt svar sparas bara för dig och ingen annan kan läsa det.",
                "Your answer is saved for you alone; nobody else can read it.",
            ),
        ),
    ],
}

LESSON_FORMS = {
    "slug": T("sex-former-av-diskriminering", "six-forms-of-discrimination"),
    "title": T("Sex former av diskriminering", "Six forms of discrimination"),
    "summary": T(
        "Direkt och indirekt diskriminering, bristande tillgänglighet, trakasserier, sexuella trakasserier "
        "och instruktioner att diskriminera – med exempel från arbetslivet.",
        "Direct and indirect discrimination, inadequate accessibility, harassment, sexual harassment and "
        "instructions to discriminate – with examples from working life.",
    ),
    "estimated_minutes": 20,
    "body": [
        paragraph(
            T(
                "<p>Lagen beskriver sex former av diskriminering. Det är inte avsikten som avgör: en "
                "handling kan vara diskriminerande även om ingen ville skada någon.</p>",
                "<p>The Act describes six forms of discrimination. Intent is not what decides: an act can be "
                "discriminatory even when nobody meant any harm.</p>",
            )
        ),
        heading(T("Direkt och indirekt diskriminering", "Direct and indirect discrimination")),
        paragraph(
            T(
                "<p><b>Direkt diskriminering</b> är när någon behandlas sämre än någon annan i en jämförbar "
                "situation, och det har samband med en diskrimineringsgrund. Ett exempel är att välja bort "
                "en sökande för att hen är över 55 år.</p>"
                "<p><b>Indirekt diskriminering</b> är när en regel eller rutin som ser neutral ut i "
                "praktiken missgynnar personer med en viss diskrimineringsgrund. Det är tillåtet bara om "
                "regeln har ett berättigat syfte och är lämplig och nödvändig för att nå det.</p>",
                "<p><b>Direct discrimination</b> is when someone is treated less favourably than someone "
                "else "
                "in a comparable situation, in connection with a ground of discrimination. Turning an "
                "applicant down because they are over 55 is an example.</p>"
                "<p><b>Indirect discrimination</b> is when a rule or routine that looks neutral "
                "disadvantages people with a particular ground in practice. It is allowed only if the rule "
                "has a legitimate aim and is appropriate and necessary to achieve it.</p>",
            )
        ),
        heading(T("Bristande tillgänglighet", "Inadequate accessibility")),
        paragraph(
            T(
                "<p>En arbetsgivare som inte vidtar skäliga åtgärder för tillgänglighet, så att en person "
                "med funktionsnedsättning kommer i en jämförbar situation med personer utan, kan göra sig "
                "skyldig till diskriminering. Vad som är skäligt beror bland annat på kostnaden, "
                "arbetsgivarens förutsättningar och hur stor nytta åtgärden gör.</p>",
                "<p>An employer who fails to take reasonable accessibility measures, so that a person with a "
                "disability is put in a situation comparable to that of people without one, may be "
                "discriminating. What is reasonable depends on the cost, the employer's circumstances and "
                "how much good the measure does, among other things.</p>",
            )
        ),
        heading(T("Trakasserier och sexuella trakasserier", "Harassment and sexual harassment")),
        paragraph(
            T(
                "<p><b>Trakasserier</b> är ett uppträdande som kränker någons värdighet och har samband med "
                "en diskrimineringsgrund, till exempel återkommande ”skämt” om någons religion. "
                "<b>Sexuella trakasserier</b> är ett uppträdande av sexuell natur som kränker någons "
                "värdighet. I båda fallen är det den utsattas upplevelse som är utgångspunkten.</p>",
                "<p><b>Harassment</b> is conduct that violates someone's dignity and is connected with a "
                "ground of discrimination, such as repeated “jokes” about someone's religion. <b>Sexual "
                "harassment</b> is conduct of a sexual nature that violates someone's dignity. In both cases "
                "the starting point is how the person affected experiences it.</p>",
            )
        ),
        heading(T("Instruktioner att diskriminera", "Instructions to discriminate")),
        paragraph(
            T(
                "<p>Det är också förbjudet att ge order eller instruktioner om att diskriminera, till "
                "exempel när en chef ber ett bemanningsföretag att inte skicka sökande med utländskt "
                "klingande namn.</p>",
                "<p>Giving orders or instructions to discriminate is prohibited too, for example when a "
                "manager asks a staffing agency not to send applicants with foreign-sounding names.</p>",
            )
        ),
        case_study(
            T("Kravet på körkort", "The driving licence requirement"),
            T(
                "<p>En hemtjänstgrupp i en kommun kräver B-körkort av alla som söker jobb hos dem. I "
                "gruppens område bor brukarna tätt och personalen går eller cyklar mellan besöken. Flera "
                "sökande som nyligen kommit till Sverige och ännu inte har svenskt körkort sorteras bort "
                "direkt.</p>",
                "<p>A municipal home-care team requires a driving licence from everyone who applies to work "
                "with them. In the team's district the clients live close together and staff walk or cycle "
                "between visits. Several applicants who recently arrived in Sweden and do not yet have a "
                "Swedish licence are screened out at once.</p>",
            ),
            [
                T(
                    "Kan kravet vara indirekt diskriminering? Varför?",
                    "Could the requirement be indirect discrimination? Why?",
                ),
                T(
                    "Vad skulle gruppen behöva visa för att kravet ska vara befogat?",
                    "What would the team need to show for the requirement to be justified?",
                ),
                T("Hur kunde kravet formuleras i stället?", "How could the requirement be worded instead?"),
            ],
        ),
    ],
}

LESSON_ACTIVE_MEASURES = {
    "slug": T("aktiva-atgarder", "active-measures"),
    "title": T("Aktiva åtgärder på arbetsplatsen", "Active measures in the workplace"),
    "summary": T(
        "Hur arbetsgivare förebygger diskriminering i fyra steg, vad som ska dokumenteras och vad som "
        "gäller när någon säger att hen har blivit trakasserad.",
        "How employers prevent discrimination in four steps, what must be documented and what applies when "
        "someone says they have been harassed.",
    ),
    "estimated_minutes": 20,
    "body": [
        paragraph(
            T(
                "<p>Lagen kräver mer än att arbetsgivare låter bli att diskriminera. Alla arbetsgivare ska "
                "också arbeta förebyggande med <b>aktiva åtgärder</b>, för alla sju diskrimineringsgrunder "
                "och i samverkan med medarbetarna.</p>",
                "<p>The law asks more of employers than refraining from discrimination. Every employer must "
                "also work preventively with <b>active measures</b>, covering all seven grounds and in "
                "cooperation with employees.</p>",
            )
        ),
        heading(T("Fyra steg som upprepas", "Four steps, repeated")),
        paragraph(
            T(
                "<ol>"
                "<li><b>Undersöka</b> om det finns risker för diskriminering eller hinder för lika "
                "möjligheter.</li>"
                "<li><b>Analysera</b> orsakerna till de risker och hinder som hittats.</li>"
                "<li><b>Åtgärda</b>: vidta de åtgärder som skäligen kan krävas.</li>"
                "<li><b>Följa upp</b> och utvärdera åtgärderna, och börja om.</li>"
                "</ol>",
                "<ol>"
                "<li><b>Investigate</b> whether there are risks of discrimination or obstacles to equal "
                "opportunities.</li>"
                "<li><b>Analyse</b> the causes of the risks and obstacles found.</li>"
                "<li><b>Act</b>: take the measures that can reasonably be required.</li>"
                "<li><b>Follow up</b> and evaluate the measures, then start again.</li>"
                "</ol>",
            )
        ),
        paragraph(
            T(
                "<p>Arbetet ska omfatta fem områden: arbetsförhållanden, löner och andra "
                "anställningsvillkor, rekrytering och befordran, utbildning och kompetensutveckling, samt "
                "möjligheten att förena arbete och föräldraskap. Arbetsgivare med minst 25 anställda ska "
                "dokumentera arbetet skriftligt varje år, och alla arbetsgivare ska varje år göra en "
                "lönekartläggning för att hitta osakliga löneskillnader mellan kvinnor och män.</p>",
                "<p>The work covers five areas: working conditions, pay and other terms of employment, "
                "recruitment and promotion, training and skills development, and the possibility of "
                "combining work with parenthood. Employers with at least 25 employees must document the "
                "work in writing every year, and every employer must survey pay each year to find "
                "unjustified pay differences between women and men.</p>",
            )
        ),
        heading(
            T("När någon säger att hen har blivit trakasserad", "When someone says they have been harassed")
        ),
        paragraph(
            T(
                "<p>En arbetsgivare som får veta att en medarbetare upplever sig trakasserad i arbetet "
                "måste utreda vad som hänt och vidta de åtgärder som behövs för att stoppa det. Den som "
                "anmäler eller påtalar diskriminering får inte utsättas för <b>repressalier</b>, det vill "
                "säga straffas för att hen har sagt ifrån.</p>",
                "<p>An employer who learns that an employee feels harassed at work must investigate what "
                "happened and take the measures needed to stop it. A person who reports or points out "
                "discrimination must not be subjected to <b>reprisals</b>, that is, punished for speaking "
                "up.</p>",
            )
        ),
        case_study(
            T("Skämten i fikarummet", "The jokes in the break room"),
            T(
                "<p>Amal har arbetat på ett lager i ett halvår. Några kollegor skämtar ofta om hennes "
                "slöja i fikarummet. Hon skrattar med men berättar till slut för sin chef att hon mår "
                "dåligt av det. Chefen svarar att det bara är jargong och att alla blir retade ibland.</p>",
                "<p>Amal has worked at a warehouse for six months. Some colleagues often joke about her "
                "headscarf in the break room. She laughs along but finally tells her manager that it makes "
                "her feel bad. The manager replies that it is just banter and that everyone gets teased "
                "sometimes.</p>",
            ),
            [
                T(
                    "Vilken form av diskriminering kan det handla om?",
                    "Which form of discrimination could this be?",
                ),
                T("Vad är chefen skyldig att göra nu?", "What is the manager obliged to do now?"),
                T(
                    "Hur kan arbetsplatsen förebygga att det händer igen?",
                    "How can the workplace prevent it from happening again?",
                ),
            ],
        ),
        reflection(
            T(
                "Vilket av de fem områdena skulle du börja med på din arbetsplats, och vilken är den första "
                "frågan du skulle ställa?",
                "Which of the five areas would you start with at your workplace, and what is the first "
                "question "
                "you would ask?",
            ),
            T(
                "Tänk konkret: vem skulle du fråga, och vilka uppgifter skulle du behöva?",
                "Be concrete: whom would you ask, and what information would you need?",
            ),
        ),
    ],
}

QUIZ = [
    single_choice(
        T(
            "Vilken myndighet har tillsyn över att diskrimineringslagen följs?",
            "Which authority supervises compliance with the Discrimination Act?",
        ),
        [
            option(
                T("Diskrimineringsombudsmannen (DO)", "The Equality Ombudsman (DO)"),
                True,
                T("Rätt, DO har tillsyn över lagen.", "Right, the DO supervises the Act."),
            ),
            option(
                T("Arbetsmiljöverket", "The Swedish Work Environment Authority"),
                False,
                T(
                    "Arbetsmiljöverket har tillsyn över arbetsmiljölagen, inte över diskrimineringslagen.",
                    "The Work Environment Authority supervises the Work Environment Act, not the "
                    "Discrimination Act.",
                ),
            ),
            option(
                T("Justitieombudsmannen (JO)", "The Parliamentary Ombudsmen (JO)"),
                False,
                T(
                    "JO granskar myndigheters handläggning, men tillsynen över diskrimineringslagen ligger "
                    "hos DO.",
                    "The JO reviews how public authorities handle matters, but the Discrimination Act is "
                    "supervised by the DO.",
                ),
            ),
        ],
        (
            T("Rätt svar.", "Correct."),
            T("Inte riktigt.", "Not quite."),
            T(
                "Diskrimineringsombudsmannen (DO) har tillsyn över diskrimineringslagen.",
                "The Equality Ombudsman (DO) supervises the Discrimination Act.",
            ),
        ),
    ),
    multiple_choice(
        T(
            "Vilka av följande är diskrimineringsgrunder enligt diskrimineringslagen? Välj alla som stämmer.",
            "Which of the following are grounds of discrimination under the Discrimination Act? Choose all "
            "that apply.",
        ),
        [
            option(
                T("Ålder", "Age"),
                True,
                T("Ja, ålder är en av de sju grunderna.", "Yes, age is one of the seven grounds."),
            ),
            option(
                T("Sexuell läggning", "Sexual orientation"),
                True,
                T("Ja, sexuell läggning är en diskrimineringsgrund.", "Yes, sexual orientation is a ground."),
            ),
            option(
                T("Könsöverskridande identitet eller uttryck", "Transgender identity or expression"),
                True,
                T(
                    "Ja, den grunden finns i lagen sedan 2009.",
                    "Yes, that ground has been in the Act since 2009.",
                ),
            ),
            option(
                T("Politisk åsikt", "Political opinion"),
                False,
                T(
                    "Nej. Politisk åsikt skyddas på andra sätt, men är inte en diskrimineringsgrund i lagen.",
                    "No. Political opinion is protected in other ways but is not a ground in the Act.",
                ),
            ),
            option(
                T("Utbildningsnivå", "Level of education"),
                False,
                T(
                    "Nej, utbildningsnivå är inte en diskrimineringsgrund.",
                    "No, level of education is not a ground of discrimination.",
                ),
            ),
        ],
        (
            T("Rätt, du hittade alla tre.", "Right, you found all three."),
            T(
                "Du får poäng för varje rätt grund du valde, men avdrag för varje fel.",
                "You score for each correct ground chosen, minus one share for each wrong one.",
            ),
            T(
                "De sju grunderna är kön, könsöverskridande identitet eller uttryck, etnisk tillhörighet, "
                "religion eller annan trosuppfattning, funktionsnedsättning, sexuell läggning och ålder.",
                "The seven grounds are sex, transgender identity or expression, ethnic origin, religion or "
                "other belief, disability, sexual orientation and age.",
            ),
        ),
        points=3,
    ),
    true_false(
        T(
            "Bristande tillgänglighet kan vara en form av diskriminering.",
            "Inadequate accessibility can be a form of discrimination.",
        ),
        True,
        (
            T("Rätt.", "Correct."),
            T("Fel – det är sant.", "Wrong – it is true."),
            T(
                "Sedan 2015 räknas bristande tillgänglighet för personer med funktionsnedsättning som "
                "diskriminering, om skäliga åtgärder inte har vidtagits.",
                "Since 2015, inadequate accessibility for people with disabilities counts as discrimination "
                "when reasonable measures have not been taken.",
            ),
        ),
    ),
    matching(
        T(
            "Para ihop varje form av diskriminering med vad den innebär.",
            "Match each form of discrimination with what it means.",
        ),
        [
            (
                T("Direkt diskriminering", "Direct discrimination"),
                T(
                    "Någon behandlas sämre än andra i en jämförbar situation",
                    "Someone is treated less favourably than others in a comparable situation",
                ),
            ),
            (
                T("Indirekt diskriminering", "Indirect discrimination"),
                T(
                    "En regel som ser neutral ut missgynnar en viss grupp",
                    "A rule that looks neutral disadvantages a particular group",
                ),
            ),
            (
                T("Trakasserier", "Harassment"),
                T(
                    "Ett uppträdande som kränker någons värdighet, kopplat till en grund",
                    "Conduct that violates someone's dignity, connected with a ground",
                ),
            ),
            (
                T("Instruktioner att diskriminera", "Instructions to discriminate"),
                T(
                    "Någon beordrar en annan person att diskriminera",
                    "Someone orders another person to discriminate",
                ),
            ),
        ],
        (
            T("Alla par stämmer.", "All pairs are right."),
            T(
                "Några par blev fel. Läs lektionen om de sex formerna igen.",
                "Some pairs are wrong. Read the lesson on the six forms again.",
            ),
            T("", ""),
        ),
    ),
    ordering(
        T(
            "Ordna de fyra stegen i arbetet med aktiva åtgärder.",
            "Put the four steps of active measures in order.",
        ),
        [
            T("Undersöka risker och hinder", "Investigate risks and obstacles"),
            T("Analysera orsakerna", "Analyse the causes"),
            T("Vidta åtgärder", "Take measures"),
            T("Följa upp och utvärdera", "Follow up and evaluate"),
        ],
        (
            T("Rätt ordning.", "Right order."),
            T("Inte helt rätt ordning.", "Not quite the right order."),
            T(
                "Arbetet är en cykel: efter uppföljningen börjar man om med att undersöka.",
                "The work is a cycle: after following up you start again by investigating.",
            ),
        ),
    ),
    short_answer(
        T(
            "Vad kallas det när en arbetsgivare straffar en medarbetare för att hen har anmält "
            "diskriminering? "
            "Svara med ett ord.",
            "What is it called when an employer punishes an employee for reporting discrimination? Answer "
            "with one word.",
        ),
        [T("repressalier", "reprisals"), T("repressalie", "reprisal"), T("vedergällning", "retaliation")],
        (
            T("Rätt, repressalier är förbjudna.", "Right, reprisals are prohibited."),
            T("Svaret vi sökte var ”repressalier”.", "The answer we were looking for was “reprisals”."),
            T(
                "Förbudet mot repressalier skyddar den som säger ifrån, så att fler vågar göra det.",
                "The ban on reprisals protects those who speak up, so that more people dare to.",
            ),
        ),
    ),
    single_choice(
        T(
            "En annons för lagerarbete kräver ”svenska som modersmål”. Vad är det största problemet med "
            "kravet?",
            "A job advertisement for warehouse work requires “Swedish as a mother tongue”. What is the main "
            "problem with that requirement?",
        ),
        [
            option(
                T(
                    "Det kan missgynna sökande på grund av etnisk tillhörighet, och modersmålet säger inget "
                    "om hur väl någon gör jobbet",
                    "It can disadvantage applicants because of their ethnic origin, and a mother tongue says "
                    "nothing about how well someone does the job",
                ),
                True,
                T(
                    "Ja. Ett krav ska utgå från vad arbetet faktiskt kräver, till exempel att kunna läsa "
                    "säkerhetsinstruktioner.",
                    "Yes. A requirement should follow from what the work actually needs, such as being able "
                    "to read safety instructions.",
                ),
            ),
            option(
                T(
                    "Inget problem – arbetsgivaren bestämmer fritt vilka krav som ställs",
                    "No problem – the employer is free to set any requirements",
                ),
                False,
                T(
                    "Arbetsgivaren får ställa krav som arbetet behöver, men inte krav som utan saklig grund "
                    "utestänger en grupp.",
                    "Employers may set the requirements the work needs, but not requirements that shut out "
                    "a group without good reason.",
                ),
            ),
            option(
                T(
                    "Problemet är bara att annonsen blir för lång",
                    "The only problem is that the advertisement gets too long",
                ),
                False,
                T("Längden är inte problemet här.", "Length is not the problem here."),
            ),
        ],
        (
            T("Rätt.", "Correct."),
            T("Inte rätt.", "Not right."),
            T(
                "Formulera språkkrav utifrån arbetsuppgifterna, till exempel ”kan läsa och förstå "
                "skriftliga instruktioner på svenska”.",
                "Word language requirements from the tasks, for example “can read and understand written "
                "instructions in Swedish”.",
            ),
        ),
    ),
]

MODULE = {
    "key": "equal-treatment",
    "slug": T("likabehandling-och-diskrimineringsgrunderna", "equal-treatment-and-the-grounds"),
    "title": T(
        "Likabehandling och de sju diskrimineringsgrunderna",
        "Equal treatment and the seven grounds of discrimination",
    ),
    "summary": T(
        "Grunderna i diskrimineringslagen för dig som arbetar i kommun, myndighet eller som arbetsgivare: de "
        "sju diskrimineringsgrunderna, de sex formerna av diskriminering och hur arbetsplatsen arbetar "
        "förebyggande med aktiva åtgärder.",
        "The basics of the Discrimination Act for people working in a municipality, an agency or as an "
        "employer: the seven grounds, the six forms of discrimination and how a workplace prevents "
        "discrimination with active measures.",
    ),
    "estimated_minutes": 60,
    "pass_mark": 80,
    "max_attempts": 0,
    "feedback_timing": "each",
    "themes": [
        "equal-treatment",
        "anti-discrimination",
        "sex",
        "transgender-identity",
        "ethnicity",
        "religion-or-belief",
        "disability",
        "sexual-orientation",
        "age",
    ],
    "audiences": ["municipality-staff", "employers", "employment-service"],
    "prerequisites": [],
    "objectives": [
        T(
            "Förklara vad likabehandling betyder i arbetslivet.",
            "Explain what equal treatment means in working life.",
        ),
        T("Känna igen de sju diskrimineringsgrunderna.", "Recognise the seven grounds of discrimination."),
        T(
            "Skilja mellan de sex formerna av diskriminering med hjälp av exempel.",
            "Tell the six forms of discrimination apart using examples.",
        ),
        T(
            "Beskriva de fyra stegen i arbetet med aktiva åtgärder.",
            "Describe the four steps of the work with active measures.",
        ),
    ],
    "score_bands": SCORE_BANDS,
    "quiz": QUIZ,
    "lessons": [LESSON_LAW, LESSON_FORMS, LESSON_ACTIVE_MEASURES],
}
